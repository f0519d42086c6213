//! The data that passes between the PDF loader's stages, one page at a time.
//!
//! `content` interprets a page's content streams into a [`RawPage`] (positioned glyphs
//! and ruling lines); `layout` turns a [`RawPage`] into a [`PageText`] (lines of cells
//! in reading order, plus the page's "Page N" stamp); `mod.rs` turns the pages into the
//! normalised [`crate::model::Document`]. Nothing here knows about extractors.
//!
//! Coordinates are in PDF points in *upright page space*: the origin is the top-left
//! corner of the visible (crop) box after `/Rotate` is applied, `x` grows to the right
//! and `y` grows **downwards**, so sorting by `(y, x)` is reading order.

use compact_str::CompactString;

/// Where a line of a ruled table's body sits in its row: the table's horizontal rulings
/// say which visual lines one printed row spans.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum RowPart {
    /// Not known: prose, header rows, unruled tables, or rulings that do not mark rows.
    #[default]
    Unknown,
    /// The first (or only) visual line of a ruled row.
    First,
    /// A further visual line of the ruled row above.
    More,
}

/// One glyph as painted.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// The Unicode text of the glyph: usually one char, several for ligatures mapped by
    /// a ToUnicode CMap ("fi"), empty when the font gives no way to know it.
    pub text: CompactString,
    /// Left edge of the glyph (its origin) in upright page space.
    pub x: f32,
    /// Baseline in upright page space (grows downwards).
    pub y: f32,
    /// Horizontal advance in page space, after font size, `Tz`, `Tc` and the CTM
    /// (`Tw` and `TJ` adjustments are not included: they are gaps, not ink).
    pub width: f32,
    /// Effective font size in page space (the em height after Tm and the CTM).
    pub size: f32,
    /// The glyph is a word space (code 32 in a single-byte font, or text " ").
    pub space: bool,
    /// The font is bold (name contains "Bold"/"Black"/"Heavy", `/FontWeight` ≥ 600,
    /// or the ForceBold flag).
    pub bold: bool,
    /// The text direction is not horizontal (rotated text in an unrotated page,
    /// e.g. a vertical column header); layout keeps such glyphs out of body lines.
    pub rotated: bool,
}

/// A horizontal or vertical line segment painted on the page (table rulings, cell
/// borders, thin filled rectangles), in upright page space with `x0 <= x1`, `y0 <= y1`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ruling {
    /// Left end.
    pub x0: f32,
    /// Top end.
    pub y0: f32,
    /// Right end.
    pub x1: f32,
    /// Bottom end.
    pub y1: f32,
}

impl Ruling {
    /// True for a horizontal segment (wider than tall).
    pub fn is_horizontal(&self) -> bool {
        self.x1 - self.x0 >= self.y1 - self.y0
    }
}

/// Everything the content interpreter read from one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawPage {
    /// Width of the upright visible page in points.
    pub width: f32,
    /// Height of the upright visible page in points.
    pub height: f32,
    /// Glyphs in painting order (not reading order).
    pub glyphs: Vec<Glyph>,
    /// Ruling lines and rectangle edges.
    pub rulings: Vec<Ruling>,
    /// Number of images painted (a page with images and no glyphs is a scan).
    pub images: usize,
}

/// One laid-out line of a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextLine {
    /// The line's cells, left to right. Prose is one cell; a table row has one cell
    /// per column (empty string for an empty column between filled ones).
    pub cells: Vec<String>,
    /// Every glyph of the line is bold.
    pub bold: bool,
    /// Baseline of the line (upright page space).
    pub y: f32,
    /// Left edge of the first glyph.
    pub x: f32,
    /// Right edge of the last glyph (prose lines; 0 for table rows and blank lines).
    pub right: f32,
    /// Font size of the line (prose lines; 0 for table rows and blank lines).
    pub size: f32,
    /// For a line of a ruled table's body: the first visual line of a ruled row, or a
    /// further one.
    pub row_part: RowPart,
}

/// A laid-out page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageText {
    /// Lines in reading order, without the page-number stamp and without running
    /// headers and footers once [`PageText`]s of the whole pack were compared.
    pub lines: Vec<TextLine>,
    /// The pack page number printed on the page ("Page 12", "12"), when found.
    pub stamp: Option<u32>,
    /// The page had no glyphs at all (typically a scan).
    pub no_text: bool,
    /// Height of the upright page in points, so that running headers and footers can
    /// be told from body text by where they sit (0 when unknown).
    pub height: f32,
    /// Width of the page in points (0 when unknown): a paragraph's lines reflow only
    /// against a text block that spans most of it.
    pub width: f32,
    /// The running headers and footers taken off this page, as text (cells joined by
    /// tabs): kept so that nothing read is lost, but not lines the extractors see.
    pub furniture: Vec<String>,
}
