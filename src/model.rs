//! The normalised document model every loader produces and every extractor reads.
//!
//! A [`Document`] is a sequence of [`Line`]s in reading order; each line knows the
//! physical page it sits on and its 1-based line number in the normalised text, and a
//! line that is a table row carries its [`Cell`]s. Pages are kept as metadata
//! ([`PageInfo`]) next to the flat line list, because minutes, plans and tables run
//! across page breaks and extractors walk lines, not pages.
//!
//! The model must not know which format a line came from: an extractor that needs to
//! branch on the input format is a sign that this model is missing something.

use std::fmt;
use std::num::NonZeroU32;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The first `bytes` of `text`, cut back to a character boundary: the part of a long
/// line (a whole document run into one paragraph) that is read as its heading.
pub fn head(text: &str, bytes: usize) -> &str {
    &text[..text.floor_char_boundary(bytes)]
}

/// A 1-based number (page or line), never zero.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
pub struct OneIndexed(NonZeroU32);

impl OneIndexed {
    /// The first page or line.
    pub const MIN: OneIndexed = OneIndexed(NonZeroU32::MIN);

    /// Converts a 0-based index into a 1-based number (saturating at `u32::MAX`).
    pub fn from_zero_indexed(index: usize) -> OneIndexed {
        let n = u32::try_from(index)
            .unwrap_or(u32::MAX - 1)
            .saturating_add(1);
        OneIndexed(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN))
    }

    /// A 1-based number from a count that is already 1-based; `None` for zero.
    pub fn new(n: u32) -> Option<OneIndexed> {
        NonZeroU32::new(n).map(OneIndexed)
    }

    /// The number as printed.
    pub fn get(self) -> u32 {
        self.0.get()
    }
}

impl fmt::Display for OneIndexed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Where a fact was read: physical page (when the source has pages), line, and the page
/// number printed on that page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// 1-based physical page, `None` when the source has no page structure.
    pub page: Option<OneIndexed>,
    /// 1-based line in the normalised text of the source.
    pub line: Option<OneIndexed>,
    /// The pack page number printed on the page ("Page 12" stamps of committee
    /// systems), `None` when the page prints none. It differs from `page` in packs that
    /// have a cover or unnumbered front sheets (issue #4).
    pub pack_page: Option<u32>,
}

/// One cell of a table row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    /// The cell's text; paragraphs inside one cell are separated by `\n`.
    pub text: String,
    /// The slot is covered by a merged cell of a row above (HTML `rowspan`): `text` is
    /// empty and the merged cell's text is in the row where it starts, as text
    /// conversions print it; an "Action by" cell merged over two actions owns both
    /// (issue #5). Always false for text and PDF.
    pub merged_above: bool,
}

impl Cell {
    /// A cell with this text.
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            merged_above: false,
        }
    }
}

/// One line of normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The text with markup removed. For a table row, the cells joined by `\t`
    /// (paragraph breaks inside cells become spaces).
    pub text: String,
    /// The cells when the line is a table row (two or more columns), else empty.
    pub cells: Vec<Cell>,
    /// The whole line was set in bold (a heading in most packs).
    pub bold: bool,
    /// The line started with a bullet mark (•, -, *, ▪ …), removed from `text`.
    pub bullet: bool,
    /// The heading level (1–6) the source gave the line: HTML `h1`–`h6`, a Markdown
    /// `#` heading left in converted text; `None` for everything else (PDF has no
    /// levels). A hint only: extractors must still work without it (issue #5).
    pub heading: Option<u8>,
    /// Where the line is.
    pub provenance: Provenance,
}

impl Line {
    /// A prose line (no cells) at the given place.
    pub fn prose(text: impl Into<String>, provenance: Provenance) -> Line {
        Line {
            text: text.into(),
            cells: Vec::new(),
            bold: false,
            bullet: false,
            heading: None,
            provenance,
        }
    }

    /// True when the line has no visible text.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// True when the line is a table row.
    pub fn is_row(&self) -> bool {
        !self.cells.is_empty()
    }

    /// The texts of the row's non-empty cells, trimmed.
    pub fn filled_cells(&self) -> Vec<&str> {
        self.cells
            .iter()
            .map(|c| c.text.trim())
            .filter(|t| !t.is_empty())
            .collect()
    }
}

/// Metadata of one physical page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageInfo {
    /// 1-based physical page number.
    pub number: OneIndexed,
    /// The pack page number printed on the page ("Page 12" stamps), when found.
    pub stamp: Option<u32>,
}

/// A loaded pack, independent of its source format.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// All lines in reading order.
    pub lines: Vec<Line>,
    /// The physical pages, empty when the source has no page structure.
    pub pages: Vec<PageInfo>,
    /// Page furniture the loader took out of `lines` (running headers and footers of a
    /// PDF), with the page each was on: not read by the extractors, but not lost.
    pub furniture: Vec<Line>,
}

impl Document {
    /// Number of physical pages, `None` when the source has no page structure.
    pub fn page_count(&self) -> Option<u32> {
        (!self.pages.is_empty()).then(|| u32::try_from(self.pages.len()).unwrap_or(u32::MAX))
    }

    /// The document as text: one line per [`Line`] (rows as tab-separated cells, list
    /// items after "• ", headings after as many `#` as their level, as Markdown writes
    /// them and the text loader reads them back), a form feed where a new physical page
    /// starts.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let mut page = self.lines.first().and_then(|l| l.provenance.page);
        for line in &self.lines {
            if line.provenance.page != page {
                page = line.provenance.page;
                out.push('\u{c}');
            }
            if let Some(level) = line.heading {
                for _ in 0..level {
                    out.push('#');
                }
                out.push(' ');
            }
            if line.bullet {
                out.push_str("• ");
            }
            out.push_str(&line.text);
            out.push('\n');
        }
        out
    }

    /// The page furniture as text, one line per item after the page it was on
    /// ("p3\tAUDIT COMMITTEE 24 SEPTEMBER 2009"); empty when there is none.
    pub fn furniture_text(&self) -> String {
        let mut out = String::new();
        for line in &self.furniture {
            if let Some(p) = line.provenance.page {
                out.push_str(&format!("p{p}\t"));
            }
            out.push_str(&line.text);
            out.push('\n');
        }
        out
    }

    /// Copies each page's printed page number into the provenance of its lines: loaders
    /// call it once the stamps of all pages are known.
    pub fn apply_stamps(&mut self) {
        for line in &mut self.lines {
            line.provenance.pack_page = line
                .provenance
                .page
                .and_then(|p| self.pages.get(p.get() as usize - 1))
                .and_then(|p| p.stamp);
        }
    }

    /// Builds a document from plain lines (one per `\n`), no pages: handy in tests.
    pub fn from_plain_text(text: &str) -> Document {
        let lines = text
            .lines()
            .enumerate()
            .map(|(i, t)| {
                let provenance = Provenance {
                    page: None,
                    line: Some(OneIndexed::from_zero_indexed(i)),
                    pack_page: None,
                };
                let cells: Vec<Cell> = if t.contains('\t') {
                    t.split('\t').map(|c| Cell::new(c.trim())).collect()
                } else {
                    Vec::new()
                };
                Line {
                    text: t.to_string(),
                    cells,
                    bold: false,
                    bullet: false,
                    heading: None,
                    provenance,
                }
            })
            .collect();
        Document {
            lines,
            pages: Vec::new(),
            furniture: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_indexed_from_zero() {
        assert_eq!(OneIndexed::from_zero_indexed(0).get(), 1);
        assert_eq!(OneIndexed::from_zero_indexed(41).get(), 42);
        assert_eq!(OneIndexed::new(0), None);
    }

    #[test]
    fn plain_text_rows_get_cells() {
        let doc = Document::from_plain_text("Heading\nTotal\t1\t2");
        assert!(!doc.lines[0].is_row());
        assert_eq!(doc.lines[1].cells.len(), 3);
        assert_eq!(doc.lines[1].provenance.line.map(OneIndexed::get), Some(2));
        assert_eq!(doc.page_count(), None);
    }
}
