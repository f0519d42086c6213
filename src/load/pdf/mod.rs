//! PDF loader: PDF bytes → [`Document`], built on `lopdf` (issue #4).
//!
//! Stages, one page at a time so memory stays flat on long packs:
//! - [`font`]: font dictionaries → decoders from character codes to Unicode and widths;
//! - [`content`]: a page's content streams (and Form XObjects) → [`page::RawPage`];
//! - [`layout`]: [`page::RawPage`] → [`page::PageText`] (lines of cells, page stamp);
//! - this module: opening (decryption, damaged cross-reference tables), the limits that
//!   keep a hostile file from hanging a batch, and laid-out pages → normalised lines:
//!   wrapped prose lines are joined into paragraphs, and the visual lines of a ruled
//!   table row into one row, as text conversions and HTML give them.
//!
//! Provenance: a line's `page` is its physical page; the pack page number printed on the
//! page ("Page 12") is kept as the page's stamp. A line's `line` counts the lines of the
//! normalised text from the start of the file, blank lines included.

pub mod content;
pub mod font;
pub mod layout;
pub mod page;
pub mod syntax;

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
            max_stream_bytes: 32 << 20,
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
            ..Provenance::default()
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
        for text in &p.furniture {
            doc.furniture.push(Line::prose(
                text.clone(),
                Provenance {
                    page: Some(number),
                    line: None,
                    pack_page: p.stamp,
                },
            ));
        }
        for l in &join_marked_rows(reflow(&p.lines, p.width)) {
            let provenance = Provenance {
                page: Some(number),
                line: Some(OneIndexed::from_zero_indexed(line_no)),
                pack_page: p.stamp,
            };
            line_no += 1;
            doc.lines.push(line(l, provenance));
        }
    }
    doc
}

/// Joins the visual lines of a wrapped paragraph into one line, as PDF-to-text
/// converters and HTML paragraphs give them: extractors read a paragraph ("Present:
/// Cllr A, B and C", an agenda title over two lines) as one line and cannot mend a
/// name split across two. A prose line continues the one above when the first word of
/// the lower line would not have fitted at the end of the upper one (so the upper line
/// was wrapped, not ended), both start at the same left edge (or the upper one is
/// indented as a first line), the lower one is not a bold heading, the upper line does not end a
/// sentence before a capital, and the lower line is not a list item of its own. Table rows and blank lines are never joined.
fn reflow(lines: &[page::TextLine], page_width: f32) -> Vec<page::TextLine> {
    let margin = right_margin(lines, page_width);
    let mut out: Vec<page::TextLine> = Vec::with_capacity(lines.len());
    for l in lines {
        if let Some(prev) = out.last_mut()
            && let ([upper], [lower]) = (prev.cells.as_slice(), l.cells.as_slice())
            && continues(prev, upper, l, lower, margin)
        {
            let joined = format!("{} {}", upper.trim_end(), lower.trim_start());
            prev.cells = vec![joined];
            prev.right = l.right;
            prev.y = l.y;
            continue;
        }
        out.push(l.clone());
    }
    out
}

/// Joins the further visual lines of each marked table row (see
/// [`page::TextLine::row_part`]) into the row's first line, cell by cell, as HTML and
/// whole-row text conversions give a row: extractors then read a wrapped cell as one
/// text. The joined line keeps the first line's place.
fn join_marked_rows(lines: Vec<page::TextLine>) -> Vec<page::TextLine> {
    let mut out: Vec<page::TextLine> = Vec::with_capacity(lines.len());
    for l in lines {
        if l.row_part == page::RowPart::More
            && let Some(row) = out.last_mut()
            && row.row_part != page::RowPart::Unknown
            && row.cells.len() == l.cells.len()
        {
            for (cell, more) in row.cells.iter_mut().zip(&l.cells) {
                let more = more.trim();
                if !more.is_empty() {
                    if !cell.trim().is_empty() {
                        cell.push(' ');
                    }
                    cell.push_str(more);
                }
            }
            continue;
        }
        out.push(l);
    }
    out
}

/// The right edge of the page's text block: where full prose lines end. The 80th
/// percentile of long lines' right edges, so one overlong line does not move it; 0
/// (nothing reflows) when the lines span less than half the page, where short lines
/// are set as lines, not wrapped (a title block, a narrow column).
fn right_margin(lines: &[page::TextLine], page_width: f32) -> f32 {
    let mut rights: Vec<f32> = lines
        .iter()
        .filter(|l| l.cells.len() == 1 && l.cells[0].chars().count() >= 30 && l.right > 0.0)
        .map(|l| l.right)
        .collect();
    if rights.is_empty() {
        return 0.0;
    }
    rights.sort_by(f32::total_cmp);
    let margin = rights[(rights.len() * 4 / 5).min(rights.len() - 1)];
    let left = lines
        .iter()
        .filter(|l| l.right > 0.0)
        .map(|l| l.x)
        .fold(f32::MAX, f32::min);
    if page_width > 0.0 && margin - left < 0.5 * page_width {
        return 0.0;
    }
    margin
}

fn continues(
    prev: &page::TextLine,
    upper: &str,
    l: &page::TextLine,
    lower: &str,
    margin: f32,
) -> bool {
    let em = prev.size.max(l.size);
    if margin <= 0.0 || em <= 0.0 || upper.trim().is_empty() || lower.trim().is_empty() {
        return false;
    }
    // Same paragraph geometry: the next baseline within two line heights, the same left
    // edge (a first-line indent or hanging indent of up to 3 em on the upper line).
    let close = l.y > prev.y && l.y - prev.y < 2.0 * em;
    let aligned = (l.x - prev.x).abs() < 0.5 * em || (prev.x > l.x && prev.x - l.x < 3.0 * em);
    // Weight may change inside a paragraph ("(Action: **Partnership**)"), but a bold
    // line in capitals under plain text is a heading set without a gap.
    let heading = l.bold && !prev.bold && !lower.chars().any(char::is_lowercase);
    if !close || !aligned || heading || (prev.size - l.size).abs() > 0.15 * em {
        return false;
    }
    // Average glyph advance is about half an em in text faces.
    let first_word = lower.split_whitespace().next().unwrap_or("");
    let needed = (first_word.chars().count() as f32 + 1.0) * 0.5 * em;
    let wrapped = prev.right + needed > margin;
    // A sentence that ends at the line's end before a capitalised line may be the end
    // of a paragraph set without a gap ("…be noted." / "RESOLVED: …"); keeping such
    // lines apart costs nothing when they were one paragraph.
    // Inside an open bracket the sentence goes on ("… (Action:" / "Eubert Malcolm).").
    let open_bracket = upper.matches('(').count() > upper.matches(')').count();
    let sentence_end = upper.trim_end().ends_with(['.', ':', ';', '!', '?'])
        && lower.trim_start().starts_with(char::is_uppercase)
        && !open_bracket;
    wrapped && !sentence_end && !starts_label(lower) && !starts_list_item(lower)
}

/// A line that opens with a label ("Present:", "In attendance:", "RESOLVED:", "Item
/// 4:"): committee minutes start a paragraph that way.
fn starts_label(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(25).collect();
    head.split_whitespace()
        .take(3)
        .any(|w| w.len() > 1 && w.ends_with(':'))
}

/// A line that opens a list item or a numbered paragraph ("•", "-", "3.", "(b)", "ii)").
fn starts_list_item(text: &str) -> bool {
    let t = text.trim_start();
    if strip_bullet(t).is_some() {
        return true;
    }
    let first = t.split_whitespace().next().unwrap_or("");
    let core = first.trim_start_matches('(');
    let Some(body) = core.strip_suffix(['.', ')']) else {
        return false;
    };
    !body.is_empty()
        && body.len() <= 6
        && (body.chars().all(|c| c.is_ascii_digit() || c == '.')
            || (body.len() == 1 && body.chars().all(|c| c.is_ascii_alphabetic()))
            || body.chars().all(|c| matches!(c, 'i' | 'v' | 'x')))
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
            cells: cells.iter().map(|c| Cell::new(*c)).collect(),
            bold: l.bold,
            bullet,
            heading: None,
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
        heading: None,
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
    fn the_visual_lines_of_a_ruled_row_become_one_row() {
        use super::page::RowPart::{First, More, Unknown};
        let marked = |cells: &[&str], part| TextLine {
            row_part: part,
            ..text_line(cells)
        };
        let pages = vec![PageText {
            lines: vec![
                marked(&["Action", "Owner"], Unknown),
                marked(&["Review the", "Head of"], First),
                marked(&["contract", ""], More),
                marked(&["", "Highways"], More),
                marked(&["Publish the minutes", "Clerk"], First),
                marked(&["Unmarked", "Line"], Unknown),
                marked(&["stays", "apart"], Unknown),
            ],
            ..PageText::default()
        }];
        let doc = document(&pages);
        let texts: Vec<&str> = doc.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Action\tOwner",
                "Review the contract\tHead of Highways",
                "Publish the minutes\tClerk",
                "Unmarked\tLine",
                "stays\tapart",
            ]
        );
        assert_eq!(doc.lines[2].provenance.line.map(OneIndexed::get), Some(3));
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

    fn prose(text: &str, x: f32, y: f32, right: f32) -> TextLine {
        TextLine {
            cells: vec![text.to_string()],
            x,
            y,
            right,
            size: 11.0,
            ..TextLine::default()
        }
    }

    #[test]
    fn wrapped_paragraphs_are_joined_and_short_lines_are_not() {
        let lines = vec![
            prose("80. FILMING AT MEETINGS", 56.0, 100.0, 200.0),
            prose(
                "PRESENT: Treena Fleming (Chair) Cllr Zena",
                56.0,
                120.0,
                530.0,
            ),
            prose(
                "Brabazon and Ann Graham – Director of Children's Services and",
                56.0,
                133.0,
                534.0,
            ),
            prose("Dr Will Maimaris.", 56.0, 146.0, 150.0),
            prose("The Chair welcomed attendees.", 56.0, 159.0, 220.0),
            prose(
                "(a) the first point of a list that runs to the margin of the",
                56.0,
                172.0,
                536.0,
            ),
            prose("(b) the second point", 56.0, 185.0, 170.0),
        ];
        let out: Vec<String> = reflow(&lines, 595.0)
            .into_iter()
            .map(|l| l.cells[0].clone())
            .collect();
        assert_eq!(
            out,
            [
                "80. FILMING AT MEETINGS",
                "PRESENT: Treena Fleming (Chair) Cllr Zena Brabazon and Ann Graham – Director of Children's Services and Dr Will Maimaris.",
                "The Chair welcomed attendees.",
                "(a) the first point of a list that runs to the margin of the",
                "(b) the second point",
            ]
        );
    }

    #[test]
    fn scanned_pages_are_named_in_one_warning() {
        let w = no_text_warning(&[1, 3], 4);
        assert_eq!(w.code, "no-text-layer");
        assert!(w.message.contains("OCR not attempted"));
        assert!(w.message.contains("page 1, 3"));
    }
}
