//! PDF loader: PDF bytes → [`Document`], built on `lopdf` (issue #4).
//!
//! Stages, one page at a time so memory stays flat on long packs:
//! - [`font`]: font dictionaries → decoders from character codes to Unicode and widths;
//! - [`content`]: a page's content streams (and Form XObjects) → [`page::RawPage`];
//! - [`layout`]: [`page::RawPage`] → [`page::PageText`] (lines of cells, page stamp);
//! - this module: opening (decryption, damaged cross-reference tables), the limits that
//!   keep a hostile file from hanging a batch, and laid-out pages → normalised lines.
//!
//! Provenance: a line's `page` is its physical page; the pack page number printed on the
//! page ("Page 12") is kept as the page's stamp. A line's `line` counts the lines of the
//! normalised text from the start of the file, blank lines included.

pub mod content;
pub mod font;
pub mod layout;
pub mod page;

use std::path::Path;
use std::time::{Duration, Instant};

use crate::error::LoadError;
use crate::load::Loaded;
use crate::load::text::strip_bullet;
use crate::model::{Cell, Document, Line, OneIndexed, PageInfo, Provenance};
use crate::pack::{Format, Warning};
use crate::warnings::Code;

/// Limits on the work one PDF may cause.
#[derive(Debug, Clone, Copy)]
pub struct PdfLimits {
    /// Longest time spent on one file; the pages read so far are kept, the file fails.
    pub time: Duration,
    /// Largest size one stream may decompress to (a "zip bomb" stops here).
    pub max_stream_bytes: usize,
    /// Deepest nesting of Form XObjects (cycles are refused at any depth).
    pub max_depth: usize,
    /// Most pages read from one file.
    pub max_pages: usize,
}

impl Default for PdfLimits {
    fn default() -> PdfLimits {
        PdfLimits {
            // A 300-page pack takes well under a second; a minute means something is wrong.
            time: Duration::from_secs(60),
            // Page content streams are kilobytes to a few megabytes; images are never
            // decompressed by the text path.
            max_stream_bytes: 64 << 20,
            max_depth: 24,
            max_pages: 20_000,
        }
    }
}

/// Loads a PDF pack with the default limits.
pub fn load(path: &Path, bytes: &[u8]) -> Result<Loaded, LoadError> {
    load_with(path, bytes, &PdfLimits::default())
}

/// Loads a PDF pack.
pub fn load_with(path: &Path, bytes: &[u8], limits: &PdfLimits) -> Result<Loaded, LoadError> {
    let fail = |reason: String| LoadError::Pdf {
        path: path.to_path_buf(),
        reason,
    };
    let started = Instant::now();
    let options = lopdf::LoadOptions {
        // Packs published with an empty user password (print/copy restrictions only)
        // open as any reader opens them.
        password: Some(String::new()),
        max_decompressed_size: Some(limits.max_stream_bytes),
        ..Default::default()
    };
    let pdf = lopdf::Document::load_mem_with_options(bytes, options)
        .map_err(|e| fail(format!("cannot open the PDF: {e}")))?;
    if pdf.is_encrypted() {
        return Err(fail(
            "the PDF is encrypted and does not open with an empty password".into(),
        ));
    }
    let mut warnings = Vec::new();
    if let Some(recovery) = pdf.xref_recovery {
        warnings.push(Code::PdfRepaired.warn(
            format!("the cross-reference table was damaged and rebuilt ({recovery:?}); text may be missing"),
            None,
        ));
    }
    let page_ids: Vec<lopdf::ObjectId> = pdf.get_pages().into_values().collect();
    if page_ids.is_empty() {
        return Err(fail("the PDF has no pages".into()));
    }
    if page_ids.len() > limits.max_pages {
        return Err(fail(format!(
            "the PDF has {} pages, more than the limit of {}",
            page_ids.len(),
            limits.max_pages
        )));
    }
    let content_limits = content::Limits {
        max_stream_bytes: limits.max_stream_bytes,
        max_depth: limits.max_depth,
        deadline: Some(started + limits.time),
    };
    let mut fonts = font::FontCache::new();
    let mut pages = Vec::with_capacity(page_ids.len());
    for (i, id) in page_ids.iter().enumerate() {
        let raw = content::read_page(&pdf, *id, &mut fonts, &content_limits)
            .map_err(|e| fail(format!("page {}: {e}", i + 1)))?;
        pages.push(layout::lay_out(&raw));
    }
    warnings.extend(
        fonts
            .take_notes()
            .into_iter()
            .map(|note| Code::PdfFont.warn(note, None)),
    );
    layout::remove_running_lines(&mut pages);
    let empty: Vec<u32> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.no_text)
        .map(|(i, _)| i as u32 + 1)
        .collect();
    if !empty.is_empty() {
        warnings.push(no_text_warning(&empty, pages.len()));
    }
    Ok(Loaded {
        doc: document(&pages),
        format: Format::Pdf,
        warnings,
    })
}

fn no_text_warning(empty: &[u32], total: usize) -> Warning {
    let list = empty
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let first = OneIndexed::new(empty[0]);
    Code::NoTextLayer.warn(
        format!(
            "no text layer — OCR not attempted: {} of {total} pages (page {list})",
            empty.len()
        ),
        Some(Provenance {
            page: first,
            line: None,
        }),
    )
}

/// Laid-out pages → the normalised document.
fn document(pages: &[page::PageText]) -> Document {
    let mut doc = Document::default();
    let mut line_no = 0usize;
    for (i, p) in pages.iter().enumerate() {
        let number = OneIndexed::from_zero_indexed(i);
        doc.pages.push(PageInfo {
            number,
            stamp: p.stamp,
        });
        for l in &p.lines {
            let provenance = Provenance {
                page: Some(number),
                line: Some(OneIndexed::from_zero_indexed(line_no)),
            };
            line_no += 1;
            doc.lines.push(line(l, provenance));
        }
    }
    doc
}

/// One laid-out line → a model line: a row when it has two or more cells (a lone bullet
/// mark in the first cell is a list mark, not a column).
fn line(l: &page::TextLine, provenance: Provenance) -> Line {
    let cells: Vec<&str> = l.cells.iter().map(|c| c.trim()).collect();
    let (bullet, cells) = match cells.as_slice() {
        [mark, rest @ ..] if !rest.is_empty() && is_bullet_mark(mark) => (true, rest.to_vec()),
        _ => (false, cells),
    };
    if cells.len() >= 2 {
        let text = cells.join("\t");
        return Line {
            text,
            cells: cells
                .iter()
                .map(|c| Cell {
                    text: (*c).to_string(),
                })
                .collect(),
            bold: l.bold,
            bullet,
            provenance,
        };
    }
    let text = cells.first().copied().unwrap_or("");
    let (bullet, text) = match strip_bullet(text) {
        Some(rest) => (true, rest),
        None => (bullet, text),
    };
    Line {
        text: text.to_string(),
        cells: Vec::new(),
        bold: l.bold && !text.is_empty(),
        bullet,
        provenance,
    }
}

/// A cell that is only a list mark ("•", "-", "o", a Symbol-font bullet).
fn is_bullet_mark(cell: &str) -> bool {
    matches!(
        cell,
        "•" | "●" | "▪" | "◦" | "·" | "-" | "–" | "*" | "o" | "\u{f0b7}" | "\u{f0a7}" | "■" | "□"
    )
}

#[cfg(test)]
mod tests {
    use super::page::{PageText, TextLine};
    use super::*;

    fn text_line(cells: &[&str]) -> TextLine {
        TextLine {
            cells: cells.iter().map(|c| c.to_string()).collect(),
            ..TextLine::default()
        }
    }

    #[test]
    fn pages_become_lines_with_provenance_and_stamps() {
        let pages = vec![
            PageText {
                lines: vec![text_line(&["MINUTES"]), TextLine::default()],
                stamp: Some(7),
                ..PageText::default()
            },
            PageText {
                lines: vec![text_line(&["Action", "Lead Officer"])],
                ..PageText::default()
            },
        ];
        let doc = document(&pages);
        assert_eq!(doc.pages.len(), 2);
        assert_eq!(doc.pages[0].stamp, Some(7));
        assert_eq!(doc.lines.len(), 3);
        assert!(doc.lines[1].is_blank());
        let row = &doc.lines[2];
        assert_eq!(row.text, "Action\tLead Officer");
        assert_eq!(row.cells.len(), 2);
        assert_eq!(row.provenance.page.map(OneIndexed::get), Some(2));
        assert_eq!(row.provenance.line.map(OneIndexed::get), Some(3));
    }

    #[test]
    fn a_bullet_glyph_in_its_own_column_is_a_list_mark() {
        let l = line(
            &text_line(&["•", "Improve lighting"]),
            Provenance::default(),
        );
        assert!(l.bullet);
        assert!(!l.is_row());
        assert_eq!(l.text, "Improve lighting");
        let l = line(&text_line(&["• Improve lighting"]), Provenance::default());
        assert!(l.bullet);
        assert_eq!(l.text, "Improve lighting");
        let l = line(&text_line(&["•", "A", "B"]), Provenance::default());
        assert!(l.bullet && l.is_row());
    }

    #[test]
    fn scanned_pages_are_named_in_one_warning() {
        let w = no_text_warning(&[1, 3], 4);
        assert_eq!(w.code, "no-text-layer");
        assert!(w.message.contains("OCR not attempted"));
        assert!(w.message.contains("page 1, 3"));
    }
}
