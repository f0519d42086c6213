//! Layout: one page's positioned glyphs and rulings → lines of cells in reading order
//! (issue #4).
//!
//! Takes a [`RawPage`] (glyphs in painting order, ruling lines) and returns a
//! [`PageText`] shaped like the text conversions the extractors were written for:
//! one [`TextLine`] per visual line, top to bottom; prose is one cell; each visual line
//! of a table is one row with the same number of cells as the other rows of its table
//! (empty strings for empty columns), marked ([`RowPart`]) as the first or a further
//! line of its printed row where the table's rulings show that; an empty line marks a paragraph gap; the pack
//! page number printed in the margin is taken out into [`PageText::stamp`].
//! [`remove_running_lines`] then drops headers and footers repeated across pages.
//!
//! It must not guess at meaning: no joining of hyphenated words, no re-flowing of
//! paragraphs, no knowledge of extractors or of any council's wording. Glyphs in
//! rotated text are left out of the lines (they are margin labels or vertical table
//! headers, which text conversions drop or scramble too).
//!
//! Word breaks come from geometry, as in poppler's text output: a gap from the end of
//! the previous glyph's advance (font widths scaled by size, `Tc`, `Tz`) wider than a
//! fraction of the font size is a space, and a space glyph counts only where it lies
//! between the letters (not under them, nor before a line's first letter). Size changes
//! inside a word (small caps, drop capitals) are not breaks by themselves; glyphs with
//! unknown text keep their room.
//!
//! Cost: one sort of the glyphs by baseline and one by line and x, then linear passes;
//! allocation is per line and per cell, never per glyph.

use super::page::{Glyph, PageText, RawPage, RowPart, Ruling, TextLine};

/// Glyphs whose baselines differ by less than this many ems share a line. Baselines in
/// one line jitter by hundredths of a point; the next line is at least ~1 em away.
const BASELINE_TOL_EM: f32 = 0.3;
/// A line whose glyphs are at most this fraction of a neighbour's size may be super- or
/// subscript of that neighbour ("24th", footnote marks) rather than a line of its own.
const SCRIPT_SIZE_RATIO: f32 = 0.85;
/// How far (in the neighbour's ems) a superscript's baseline may sit above the
/// neighbour's baseline, and a subscript's below it.
const SCRIPT_RISE_EM: f32 = 0.6;
const SCRIPT_DROP_EM: f32 = 0.35;
/// A gap between glyphs wider than this many ems is a word space even when no space
/// glyph was painted (many producers position words instead of painting spaces). A
/// normal space is ~0.25 em; kerning and letter gaps stay well below 0.15 em.
const WORD_GAP_EM: f32 = 0.15;
/// Slack (in ems) when comparing a space glyph's middle with the letters around it: a
/// space whose middle lies further inside a letter than this was painted under it (and
/// overprinted) and separates nothing. Rounding of pens is far less than this.
const SPACE_OVERLAP_EM: f32 = 0.1;
/// Fewest spaced-out capitals read as one letter-spaced word (see `letter_spaced_word`).
const LETTER_SPACED_MIN: usize = 4;
/// A gap wider than this many ems splits a line into cells: several space widths, more
/// than justified prose stretches its spaces on all but pathological lines (those are
/// re-joined by the justified-prose check).
const CELL_GAP_EM: f32 = 1.5;
/// A glyph painted again with the same text within this fraction of an em (in x and y)
/// of the previous copy is fake bold (or a drop shadow), not a second letter.
const DUPLICATE_EM: f32 = 0.15;
/// Vertical rulings closer than this (points) are one column boundary: a border is often
/// painted as two edges of adjacent cells, or as a stroke and a fill.
const RULE_SNAP: f32 = 2.0;
/// A vertical ruling shorter than this (points) is an underline tick or a glyph-like
/// mark, not a column boundary.
const MIN_RULE_LEN: f32 = 4.0;
/// A horizontal ruling separates table rows when it covers at least this fraction of
/// the table's width (shorter ones underline a single cell or belong to merged cells).
const ROW_RULE_COVER: f32 = 0.5;
/// A line whose word gaps are all within this ratio of its widest gap is evenly spaced:
/// justified prose, not cells (cells have narrow gaps inside and wide gaps between).
const JUSTIFY_UNIFORM: f32 = 0.7;
/// Two lines of an unruled table are at most this many ems apart; a wider gap ends it.
const TABLE_MAX_GAP_EM: f32 = 2.6;
/// A single-cell line after an unruled table continues its last row only when it is at
/// most this many ems below it.
const TABLE_TAIL_GAP_EM: f32 = 1.6;
/// Ordinary line pitch (baseline to baseline) in ems when a page has too few lines to
/// measure it: single spacing in common fonts.
const DEFAULT_PITCH_EM: f32 = 1.2;
/// The measured pitch is capped at this many ems: a page whose only repeated spacing is
/// the one between paragraphs (single-line paragraphs) must still show paragraph gaps.
/// 1.5-line spacing (~1.73 em) is above it, so such documents get blank lines at
/// paragraph gaps only when those are wider still.
const PITCH_CAP_EM: f32 = 1.45;
/// A vertical gap wider than this multiple of the line pitch is a paragraph gap.
const PARA_GAP_RATIO: f32 = 1.4;
/// Fraction of the page height at the top and at the bottom counted as margin, where
/// page stamps and running headers and footers live (A4: ~67 pt; body text starts at
/// ~72 pt in Word's and LibreOffice's default page styles).
const MARGIN_FRACTION: f32 = 0.08;
/// Header-row merging looks at cells of at most this many words in all ("RAG Status",
/// "No. of positive tests"; a wrapped body cell is usually longer)...
const HEADER_MAX_WORDS: usize = 4;
/// ...and at most this many visual lines per cell...
const HEADER_MAX_LINES: usize = 3;
/// ...in at most this many ruled rows at the top of a table (a title row, a header row,
/// a second header row under spanning group headings).
const HEADER_MAX_ROWS: usize = 3;
/// A ruled table's body bands (the spaces between its row rulings) are taken for its
/// rows only when there are at least this many of them on the page. A page that holds
/// two rows of a ruled table has two; a table ruled only round its body has one.
const MIN_RULED_BANDS: usize = 2;
/// A ruled column narrower than this many ems with no text in it is the gap between
/// two borders, not a column (see `drop_empty_slivers`).
const SLIVER_EM: f32 = 1.0;
/// A margin line is a running header/footer when it repeats on at least this many pages
/// (a body line repeated twice never is)...
const RUNNING_MIN_PAGES: usize = 3;
/// ...and on at least this fraction of the pages from its first to its last occurrence
/// (a report's footer runs over that report's pages, not the whole pack's).
const RUNNING_MAJORITY: f32 = 0.75;
/// Font size assumed for glyphs that report none.
const FALLBACK_SIZE: f32 = 10.0;

/// A glyph reduced to what layout needs; `idx` points back into [`RawPage::glyphs`].
#[derive(Debug, Clone, Copy)]
struct Ink {
    x: f32,
    x1: f32,
    y: f32,
    size: f32,
    space: bool,
    /// A glyph whose text is unknown (no ToUnicode, no usable encoding): it shows
    /// nothing but still takes up room, so the gaps either side are measured to it.
    ghost: bool,
    bold: bool,
    idx: u32,
    line: u32,
}

/// One visual line's piece of text between two cell boundaries.
#[derive(Debug, Clone, Default)]
struct Seg {
    x0: f32,
    x1: f32,
    text: String,
    bold: bool,
}

/// One visual line before table analysis.
#[derive(Debug, Clone, Default)]
struct Row {
    base: f32,
    size: f32,
    segs: Vec<Seg>,
    /// Vertical rulings crossing the line, sorted, snapped: its ruled column boundaries.
    rules: Vec<f32>,
    /// Narrowest and widest gap between words (including cell gaps), for the
    /// justified-prose check; `f32::MAX`/0 when the line has no gap.
    gap_min: f32,
    gap_max: f32,
}

impl Row {
    fn x0(&self) -> f32 {
        self.segs.first().map_or(0.0, |s| s.x0)
    }
    fn x1(&self) -> f32 {
        self.segs.last().map_or(0.0, |s| s.x1)
    }
    fn text(&self) -> String {
        let mut t = String::new();
        for s in &self.segs {
            if !t.is_empty() {
                t.push(' ');
            }
            t.push_str(&s.text);
        }
        t
    }
}

/// Lays out one page: glyphs → lines of cells in reading order, paragraph gaps as empty
/// lines, tables as rows of aligned cells, and the printed page number as
/// [`PageText::stamp`]. Rotated glyphs are left out.
pub fn lay_out(page: &RawPage) -> PageText {
    let mut out = PageText {
        no_text: page.glyphs.is_empty(),
        height: page.height,
        width: page.width,
        ..PageText::default()
    };
    let inks = collect_inks(&page.glyphs, page.height);
    if inks.is_empty() {
        return out;
    }
    let verticals = vertical_rulings(&page.rulings);
    let mut rows = build_rows(&page.glyphs, inks, &verticals);
    rejoin_justified(&mut rows);
    out.stamp = take_stamp(&mut rows, page.height);
    out.lines = arrange(&rows, &page.rulings);
    out
}

/// Glyphs that carry text or a space, upright, with finite coordinates, on the visible
/// page. Text above or below the crop box (printers' slugs, crop marks) is not on the
/// page a reader sees; text running off the right edge is kept, because a table wider
/// than the page (a common Word/LibreOffice export fault) still carries its words.
fn collect_inks(glyphs: &[Glyph], height: f32) -> Vec<Ink> {
    let mut inks = Vec::with_capacity(glyphs.len());
    for (i, g) in glyphs.iter().enumerate() {
        if g.rotated || !(g.x.is_finite() && g.y.is_finite() && g.width.is_finite()) {
            continue;
        }
        if height > 0.0 && (g.y < 0.0 || g.y - g.size.max(0.0) * 0.3 > height) {
            continue;
        }
        // A lone soft hyphen is dropped like any other.
        if !g.space && !g.text.is_empty() && g.text.chars().all(|c| c == '\u{ad}') {
            continue;
        }
        // Unknown text (no ToUnicode) has nothing to show, but dropping the glyph would
        // leave a gap its own width wide inside the word ("of ce" for an unmapped "fi"
        // ligature): it is kept as a ghost that only takes up room.
        let ghost = !g.space && g.text.is_empty();
        let blank = g.text.chars().all(char::is_whitespace);
        let size = if g.size.is_finite() && g.size > 0.0 {
            g.size
        } else {
            FALLBACK_SIZE
        };
        let Ok(idx) = u32::try_from(i) else { break };
        inks.push(Ink {
            x: g.x,
            x1: g.x + g.width.max(0.0),
            y: g.y,
            size,
            space: !ghost && (g.space || blank),
            ghost,
            bold: g.bold,
            idx,
            line: 0,
        });
    }
    inks
}

/// Vertical rulings long enough to be column boundaries, sorted by x.
fn vertical_rulings(rulings: &[Ruling]) -> Vec<Ruling> {
    let mut v: Vec<Ruling> = rulings
        .iter()
        .filter(|r| !r.is_horizontal() && r.y1 - r.y0 >= MIN_RULE_LEN)
        .copied()
        .collect();
    v.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    v
}

/// A line being collected: its anchor baseline, largest and smallest glyph size and x
/// extent.
#[derive(Debug, Clone, Copy)]
struct LineAcc {
    base: f32,
    size: f32,
    min_size: f32,
    x0: f32,
    x1: f32,
    parent: u32,
}

/// Groups inks into lines by baseline, attaches super/subscripts to their line, and
/// builds each line's cells.
fn build_rows(glyphs: &[Glyph], mut inks: Vec<Ink>, verticals: &[Ruling]) -> Vec<Row> {
    inks.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut lines: Vec<LineAcc> = Vec::new();
    for ink in &mut inks {
        let joins = lines
            .last()
            .is_some_and(|l| ink.y - l.base <= baseline_tolerance(l, ink));
        if !joins {
            let id = lines.len() as u32;
            lines.push(LineAcc {
                base: ink.y,
                size: 0.0,
                min_size: f32::MAX,
                x0: f32::MAX,
                x1: f32::MIN,
                parent: id,
            });
        }
        let id = lines.len() - 1;
        ink.line = id as u32;
        let l = &mut lines[id];
        if !ink.space && !ink.ghost {
            l.size = l.size.max(ink.size);
            l.min_size = l.min_size.min(ink.size);
        }
        l.x0 = l.x0.min(ink.x);
        l.x1 = l.x1.max(ink.x1);
    }
    attach_scripts(&mut lines);
    for ink in &mut inks {
        ink.line = lines[ink.line as usize].parent;
    }
    inks.sort_by(|a, b| {
        let (la, lb) = (&lines[a.line as usize], &lines[b.line as usize]);
        la.base
            .total_cmp(&lb.base)
            .then(a.line.cmp(&b.line))
            .then(a.x.total_cmp(&b.x))
    });
    let mut rows = Vec::new();
    let mut start = 0;
    while start < inks.len() {
        let line = inks[start].line;
        let end = start + inks[start..].iter().take_while(|i| i.line == line).count();
        let acc = lines[line as usize];
        if let Some(row) = build_row(glyphs, &inks[start..end], acc, verticals) {
            rows.push(row);
        }
        start = end;
    }
    rows
}

/// How far below a line's baseline an ink may sit and still be on that line: a fraction
/// of the *smaller* of the two sizes. Measured in the bigger size, a line of body text
/// would join a larger line (a sidebar heading in the next column) whose baseline sits
/// between two body lines, and the columns would interleave ("Blarrigtaeilny" from
/// "Britain" and "largely"). Super- and subscripts are joined by `attach_scripts`, not
/// here; a space has no size of its own to go by.
fn baseline_tolerance(line: &LineAcc, ink: &Ink) -> f32 {
    let sizeless = ink.space || ink.ghost;
    let size = if sizeless || line.size <= 0.0 {
        line.size.max(if sizeless { 0.0 } else { ink.size })
    } else {
        line.size.min(ink.size)
    };
    BASELINE_TOL_EM * size
}

/// Points small lines that sit inside a bigger neighbour's body (super/subscripts) at
/// that neighbour through `parent`, so their glyphs read in x order within it.
fn attach_scripts(lines: &mut [LineAcc]) {
    for i in 0..lines.len() {
        let me = lines[i];
        if me.size <= 0.0 {
            continue;
        }
        let mut best: Option<usize> = None;
        for j in [i.wrapping_sub(1), i + 1] {
            let Some(m) = lines.get(j) else { continue };
            // Only attach to a line that is itself a main line, so chains cannot form.
            // Smaller than every glyph of the line: the line's largest glyph may be a
            // heading in another column that shares its baseline, which makes body text
            // of the middle column look like a script of it.
            if m.parent as usize != j || me.size > SCRIPT_SIZE_RATIO * m.min_size {
                continue;
            }
            let above = m.base - me.base;
            let vertical_fit =
                above <= SCRIPT_RISE_EM * m.size && -above <= SCRIPT_DROP_EM * m.size;
            // A script is a few glyphs within or beside its line: never wider than it (a
            // whole body line beside a larger heading in another column is not one).
            let horizontal_fit =
                me.x0 <= m.x1 + m.size && me.x1 >= m.x0 - m.size && me.x1 - me.x0 <= m.x1 - m.x0;
            if vertical_fit && horizontal_fit && best.is_none_or(|b| lines[b].size < m.size) {
                best = Some(j);
            }
        }
        if let Some(b) = best {
            lines[i].parent = b as u32;
        }
    }
}

/// Builds one line's cells from its inks (sorted by x).
fn build_row(glyphs: &[Glyph], inks: &[Ink], acc: LineAcc, verticals: &[Ruling]) -> Option<Row> {
    let size = if acc.size > 0.0 {
        acc.size
    } else {
        FALLBACK_SIZE
    };
    // Rulings that cross the middle of the line's x-height bound its cells.
    let mid = acc.base - 0.3 * size;
    let mut rules: Vec<f32> = Vec::new();
    for v in verticals {
        if v.y0 <= mid && v.y1 >= mid {
            let x = 0.5 * (v.x0 + v.x1);
            if rules.last().is_none_or(|&l| x - l > RULE_SNAP) {
                rules.push(x);
            }
        }
    }
    let mut row = Row {
        base: acc.base,
        size,
        rules,
        gap_min: f32::MAX,
        gap_max: 0.0,
        ..Row::default()
    };
    let mut seg = Seg::default();
    let mut prev: Option<Ink> = None;
    let mut prev_end = f32::MIN;
    let mut prev_col = 0usize;
    // The middle of the first space glyph since the previous letter that separates it
    // from the next one (see `separates`).
    let mut pending_space: Option<f32> = None;
    for (i, ink) in inks.iter().enumerate() {
        let text = glyphs[ink.idx as usize].text.as_str();
        if ink.ghost {
            // Room taken without text: a gap before it is still a word space, and the
            // next letter's gap is measured from its end.
            if prev.is_some_and(|p| ink.x - prev_end > WORD_GAP_EM * p.size.max(ink.size)) {
                pending_space = Some(f32::MIN);
            }
            if prev.is_some() {
                prev_end = prev_end.max(ink.x1);
            }
            continue;
        }
        if ink.space {
            if separates(prev, prev_end, ink) {
                let mid = 0.5 * (ink.x + ink.x1);
                pending_space = Some(pending_space.map_or(mid, |m| m.min(mid)));
            }
            continue;
        }
        // A glyph belongs to the column it starts in: text overflowing a cell (or
        // clipped at the page edge) must not make a column of its last letter.
        let mut col = row
            .rules
            .partition_point(|&r| r < ink.x + 0.25 * (ink.x1 - ink.x));
        if col == row.rules.len()
            && col > prev_col
            && prev.is_some_and(|p| ink.x - prev_end <= WORD_GAP_EM * p.size)
        {
            // Letters running on past a table's outer border (a table wider than the
            // page) are the same word, not a column outside the table.
            col = prev_col;
        }
        if let Some(p) = prev {
            let em = p.size.max(ink.size);
            if is_duplicate(glyphs, &p, ink, &inks[i + 1..]) {
                // The same glyph painted again a hair away: fake bold. The first copy
                // stands for both.
                continue;
            }
            let gap = ink.x - prev_end;
            if col != prev_col || gap > CELL_GAP_EM * em {
                if col == prev_col {
                    row.gap_min = row.gap_min.min(gap);
                    row.gap_max = row.gap_max.max(gap);
                }
                finish_seg(&mut row, &mut seg);
            } else if gap > WORD_GAP_EM * em || spaced(pending_space, ink) {
                if gap > WORD_GAP_EM * em {
                    row.gap_min = row.gap_min.min(gap);
                    row.gap_max = row.gap_max.max(gap);
                }
                if !seg.text.is_empty() && !seg.text.ends_with(' ') {
                    seg.text.push(' ');
                }
            }
        }
        // Spaces are used up by the letter after them. Spaces before a line's first
        // letter (an indent typed as spaces, the space after a bullet) separate nothing:
        // left pending they would split the first word after its first letter
        // ("M erlin").
        pending_space = None;
        if seg.text.is_empty() {
            seg.x0 = ink.x;
            seg.bold = true;
        }
        push_normalised(&mut seg.text, text);
        seg.bold &= ink.bold;
        seg.x1 = seg.x1.max(ink.x1);
        prev_end = if prev.is_some() {
            prev_end.max(ink.x1)
        } else {
            ink.x1
        };
        prev = Some(*ink);
        prev_col = col;
    }
    finish_seg(&mut row, &mut seg);
    (!row.segs.is_empty()).then_some(row)
}

/// `ink` is a second copy of the letter `p` before it (fake bold, a drop shadow): the
/// same text a hair away, and the letter after it (in `rest`) follows on from the
/// first copy's end rather than from this one's. A genuine double letter painted well
/// inside the first ("Valley" from a producer whose positions run behind the font's
/// widths) is followed by letters that continue from *its* end.
fn is_duplicate(glyphs: &[Glyph], p: &Ink, ink: &Ink, rest: &[Ink]) -> bool {
    let em = p.size.max(ink.size);
    let near = (ink.x - p.x).abs() <= DUPLICATE_EM * em && (ink.y - p.y).abs() <= DUPLICATE_EM * em;
    if !near || glyphs[p.idx as usize].text != glyphs[ink.idx as usize].text {
        return false;
    }
    // The next letter that is not itself another copy of the same glyph.
    let another_copy = |n: &Ink| {
        glyphs[n.idx as usize].text == glyphs[ink.idx as usize].text
            && (n.x - p.x).abs() <= DUPLICATE_EM * em
    };
    let next = rest
        .iter()
        .find(|n| !(n.space || n.ghost || another_copy(n)));
    next.is_none_or(|n| {
        let (from_first, from_copy) = ((n.x - p.x1).abs(), (n.x - ink.x1).abs());
        // After a word's last letter the next word is no evidence either way.
        from_first.min(from_copy) > WORD_GAP_EM * em || from_first <= from_copy
    })
}

/// A space glyph separates the letters on either side only when its middle lies past
/// the previous letter's end (not its start: producers that position each word with
/// their own metrics start the space a little inside the letter before). Word and LibreOffice paint tab stops as runs of spaces
/// that the next letters are then painted over ("292. Apologies": spaces at the tab,
/// then "A" at the first space's x): such a space sorts inside the word it lies under
/// and must not split it ("A pologies").
fn separates(prev: Option<Ink>, prev_end: f32, space: &Ink) -> bool {
    let mid = 0.5 * (space.x + space.x1);
    prev.is_none_or(|p| mid >= prev_end - SPACE_OVERLAP_EM * p.size.max(space.size))
}

/// The letter `ink` is preceded by a separating space: one whose middle lies before the
/// letter's start. A letter painted over the space glyph (the same tab-stop overprint
/// as in `separates`, seen from the other side) is not spaced by it.
fn spaced(pending_mid: Option<f32>, ink: &Ink) -> bool {
    pending_mid.is_some_and(|mid| ink.x >= mid - SPACE_OVERLAP_EM * ink.size)
}

fn finish_seg(row: &mut Row, seg: &mut Seg) {
    let trimmed = seg.text.trim_end().len();
    seg.text.truncate(trimmed);
    if let Some(word) = letter_spaced_word(&seg.text) {
        seg.text = word;
    }
    if !seg.text.is_empty() {
        row.segs.push(std::mem::take(seg));
    }
    *seg = Seg {
        x1: f32::MIN,
        ..Seg::default()
    };
}

/// A cell that is nothing but spaced-out capitals ("A G E N D A": a heading typed with
/// a space after every letter) is one word, as pdftotext reads it. At least
/// [`LETTER_SPACED_MIN`] letters, so that initials ("M A J", always beside a name
/// anyway) stay apart.
fn letter_spaced_word(text: &str) -> Option<String> {
    let mut word = String::new();
    for (i, part) in text.split(' ').enumerate() {
        let mut chars = part.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            return None;
        };
        if !c.is_uppercase() || i >= 64 {
            return None;
        }
        word.push(c);
    }
    (word.chars().count() >= LETTER_SPACED_MIN).then_some(word)
}

/// Appends glyph text with ligatures spelt out, soft hyphens dropped, no-break and other
/// spaces as plain spaces, and control characters dropped.
fn push_normalised(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            '\u{ad}' => {}
            c if c.is_whitespace() => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// Re-joins lines split at wide gaps when the gaps are as wide as every other word gap
/// of the line and a neighbouring line of the same paragraph spans the same width:
/// a justified line with few words, not a table row.
fn rejoin_justified(rows: &mut [Row]) {
    for i in 0..rows.len() {
        let r = &rows[i];
        if r.segs.len() < 2 || r.rules.len() >= 3 || r.gap_min < JUSTIFY_UNIFORM * r.gap_max {
            continue;
        }
        let same_block = |n: &Row| {
            n.segs.len() == 1
                && (n.base - r.base).abs() <= TABLE_MAX_GAP_EM * r.size
                && (n.x0() - r.x0()).abs() <= r.size * 0.5
                && (n.x1() - r.x1()).abs() <= r.size * 0.5
        };
        let neighbour =
            (i > 0 && same_block(&rows[i - 1])) || rows.get(i + 1).is_some_and(same_block);
        if neighbour {
            let seg = Seg {
                x0: r.x0(),
                x1: r.x1(),
                bold: r.segs.iter().all(|s| s.bold),
                text: r.text(),
            };
            rows[i].segs = vec![seg];
        }
    }
}

/// Finds the printed page number in the top or bottom margin, removes it from the rows
/// and returns it.
fn take_stamp(rows: &mut Vec<Row>, height: f32) -> Option<u32> {
    let (top, bottom) = if height > 0.0 {
        (height * MARGIN_FRACTION, height * (1.0 - MARGIN_FRACTION))
    } else {
        // Unknown page size: only the first and last lines count as margin.
        let first = rows.first().map_or(0.0, |r| r.base);
        let last = rows.last().map_or(0.0, |r| r.base);
        (first, last)
    };
    let n = rows.len();
    // Bottom margin first (where most packs print it), last line first.
    let order = (0..n)
        .rev()
        .filter(|&i| rows[i].base >= bottom)
        .chain((0..n).filter(|&i| rows[i].base <= top));
    let mut found: Option<(usize, usize, u32)> = None;
    for i in order {
        let r = &rows[i];
        // A bare number counts only as a line of its own at the very bottom, outside any
        // table: elsewhere it is more likely a figure.
        let bare_ok = r.base >= bottom && i + 2 >= n && r.segs.len() == 1 && r.rules.len() < 3;
        for (j, s) in r.segs.iter().enumerate() {
            if let Some(v) = parse_stamp(&s.text, bare_ok) {
                found = Some((i, j, v));
                break;
            }
        }
        if found.is_some() {
            break;
        }
    }
    let (i, j, v) = found?;
    rows[i].segs.remove(j);
    if rows[i].segs.is_empty() {
        rows.remove(i);
    }
    Some(v)
}

/// Reads "Page 12", "Page 12 of 40", "- 12 -", and (when `bare` is allowed) "12".
fn parse_stamp(text: &str, bare: bool) -> Option<u32> {
    let t = text.trim();
    let number = |s: &str| -> Option<u32> {
        let s = s.trim();
        if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok().filter(|&n| n > 0)
    };
    let lower = t.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("page") {
        let rest = rest.trim_start();
        let first = rest.split_whitespace().next()?;
        let tail: Vec<&str> = rest.split_whitespace().skip(1).collect();
        let ok_tail =
            tail.is_empty() || (tail.len() == 2 && tail[0] == "of" && number(tail[1]).is_some());
        return if ok_tail { number(first) } else { None };
    }
    let dashes = ['-', '\u{2013}', '\u{2014}'];
    if let Some(inner) = t.strip_prefix(dashes).and_then(|s| s.strip_suffix(dashes)) {
        return number(inner);
    }
    if bare { number(t) } else { None }
}

/// One output row being assembled: cells with the x of their first glyph.
struct Cells {
    cells: Vec<String>,
    x: f32,
    y: f32,
    bold: bool,
}

impl Cells {
    fn into_line(self) -> TextLine {
        TextLine {
            cells: self.cells,
            bold: self.bold,
            y: self.y,
            x: self.x,
            ..TextLine::default()
        }
    }
}

/// Turns rows into output lines: ruled and unruled tables get aligned columns, other
/// lines keep their cells, and paragraph gaps become empty lines.
fn arrange(rows: &[Row], rulings: &[Ruling]) -> Vec<TextLine> {
    let pitch = line_pitch(rows);
    let mut out: Vec<TextLine> = Vec::with_capacity(rows.len() + rows.len() / 2);
    let mut prev: Option<&Row> = None;
    let mut i = 0;
    while i < rows.len() {
        let gap_before = |out: &mut Vec<TextLine>, prev: Option<&Row>, r: &Row| {
            if let Some(p) = prev
                && !out.is_empty()
                && (r.base - p.base) > PARA_GAP_RATIO * pitch * p.size.max(r.size)
            {
                out.push(TextLine {
                    y: r.base,
                    ..TextLine::default()
                });
            }
        };
        let ruled_end = ruled_block_end(rows, i);
        if ruled_end > i {
            gap_before(&mut out, prev, &rows[i]);
            ruled_table(&rows[i..ruled_end], rulings, pitch, &mut out);
            prev = Some(&rows[ruled_end - 1]);
            i = ruled_end;
            continue;
        }
        if let Some(end) = unruled_block_end(rows, i) {
            gap_before(&mut out, prev, &rows[i]);
            let used = unruled_table(&rows[i..], end - i, &mut out);
            prev = Some(&rows[i + used - 1]);
            i += used;
            continue;
        }
        let r = &rows[i];
        gap_before(&mut out, prev, r);
        out.push(TextLine {
            cells: r.segs.iter().map(|s| s.text.clone()).collect(),
            bold: r.segs.iter().all(|s| s.bold),
            y: r.base,
            x: r.x0(),
            right: r.x1(),
            size: r.size,
            ..TextLine::default()
        });
        prev = Some(r);
        i += 1;
    }
    out
}

/// The page's ordinary line pitch in ems: the smallest baseline-to-baseline ratio that
/// occurs at least twice between lines of similar size, capped (see [`PITCH_CAP_EM`]).
fn line_pitch(rows: &[Row]) -> f32 {
    let mut ratios: Vec<f32> = rows
        .windows(2)
        .filter(|w| {
            let (a, b) = (w[0].size, w[1].size);
            a.min(b) >= 0.8 * a.max(b)
        })
        .map(|w| (w[1].base - w[0].base) / w[0].size.max(w[1].size))
        .filter(|r| (0.8..=3.0).contains(r))
        .collect();
    ratios.sort_by(f32::total_cmp);
    let measured = ratios
        .windows(2)
        .find(|w| w[1] <= w[0] * 1.08)
        .map(|w| w[0]);
    measured.unwrap_or(DEFAULT_PITCH_EM).min(PITCH_CAP_EM)
}

/// Two sorted boundary lists describe the same table when they share their outer
/// bounds and one is a subset of the other (a merged cell hides an inner ruling).
fn rules_compatible(a: &[f32], b: &[f32]) -> bool {
    let (Some(a0), Some(a1), Some(b0), Some(b1)) = (a.first(), a.last(), b.first(), b.last())
    else {
        return false;
    };
    if (a0 - b0).abs() > RULE_SNAP || (a1 - b1).abs() > RULE_SNAP {
        return false;
    }
    let within = |x: &f32, set: &[f32]| set.iter().any(|y| (x - y).abs() <= RULE_SNAP);
    a.iter().all(|x| within(x, b)) || b.iter().all(|x| within(x, a))
}

/// End (exclusive) of the ruled table starting at `start`, or `start` when the row is
/// not inside a grid of at least two columns.
fn ruled_block_end(rows: &[Row], start: usize) -> usize {
    if rows[start].rules.len() < 3 {
        return start;
    }
    let mut end = start + 1;
    while end < rows.len()
        && rows[end].rules.len() >= 2
        && rules_compatible(&rows[start].rules, &rows[end].rules)
    {
        end += 1;
    }
    end
}

/// Column index of a cell starting at `x` among sorted boundaries.
fn column_of(bounds: &[f32], x: f32, ncols: usize) -> usize {
    bounds
        .partition_point(|&b| b <= x)
        .saturating_sub(1)
        .min(ncols.saturating_sub(1))
}

/// A cell's text on consecutive visual lines, with where it starts.
#[derive(Default)]
struct Frag {
    text: String,
    x: f32,
    y: f32,
    /// Right edge of the last glyph, and the font size.
    right: f32,
    size: f32,
    bold: bool,
}

/// Lays out a ruled table: columns from the vertical rulings, rows from the horizontal
/// ones. Header rows at the top become one line each (their cells' visual lines joined);
/// body rows give one line per visual line of their tallest cell, marked as the row's
/// first or a further line (see [`mark_rows`] for when the marks are kept).
fn ruled_table(rows: &[Row], rulings: &[Ruling], pitch: f32, out: &mut Vec<TextLine>) {
    // The union of all rows' boundaries: rows with merged cells lack some.
    let mut bounds: Vec<f32> = rows.iter().flat_map(|r| r.rules.iter().copied()).collect();
    bounds.sort_by(f32::total_cmp);
    bounds.dedup_by(|b, a| *b - *a <= RULE_SNAP);
    let bounds = figure_columns(rows, drop_empty_slivers(rows, bounds));
    let ncols = bounds.len().saturating_sub(1).max(1);
    let (left, right) = (
        bounds.first().copied().unwrap_or(0.0),
        bounds.last().copied().unwrap_or(0.0),
    );
    let width = (right - left).max(1.0);
    let mut seps: Vec<f32> = rulings
        .iter()
        .filter(|r| r.is_horizontal())
        .filter(|r| (r.x1.min(right) - r.x0.max(left)) >= ROW_RULE_COVER * width)
        .map(|r| 0.5 * (r.y0 + r.y1))
        .collect();
    seps.sort_by(f32::total_cmp);
    // Ruled rows: runs of visual lines with the same number of separators above them.
    let row_id = |r: &Row| seps.partition_point(|&y| y < r.base - 0.5 * r.size);
    let mut groups: Vec<&[Row]> = Vec::new();
    let mut s = 0;
    while s < rows.len() {
        let id = row_id(&rows[s]);
        let e = s + rows[s..].iter().take_while(|r| row_id(r) == id).count();
        groups.push(&rows[s..e]);
        s = e;
    }
    // Where each column's text ends: the right edge of its longest line.
    let mut col_right = vec![0.0f32; ncols];
    for r in rows {
        for seg in &r.segs {
            let c = column_of(&bounds, seg.x0 + 0.5, ncols);
            col_right[c] = col_right[c].max(seg.x1);
        }
    }
    let mut header_rows = 0;
    // Where each body band's lines start, counted from the table's first line.
    let first_line = out.len();
    let mut bands: Vec<usize> = Vec::new();
    for group in groups {
        // Per column, the cell's visual lines in order.
        let mut cols: Vec<Vec<Frag>> = (0..ncols).map(|_| Vec::new()).collect();
        for r in group {
            let mut last_col = usize::MAX;
            for seg in &r.segs {
                let c = column_of(&bounds, seg.x0 + 0.5, ncols);
                let col = &mut cols[c];
                if c == last_col
                    && let Some(f) = col.last_mut()
                {
                    // Two pieces of one cell on one line (a wide gap inside a cell).
                    f.text.push(' ');
                    f.text.push_str(&seg.text);
                    f.bold &= seg.bold;
                    f.right = seg.x1;
                } else {
                    col.push(Frag {
                        text: seg.text.clone(),
                        x: seg.x0,
                        y: r.base,
                        right: seg.x1,
                        size: r.size,
                        bold: seg.bold,
                    });
                }
                last_col = c;
            }
        }
        let tallest = cols.iter().map(Vec::len).max().unwrap_or(0);
        if tallest == 0 {
            continue;
        }
        // Header rows are the leading rows that look like headings: bold, or short
        // words in every cell; never figures (a row of numbers is data).
        let header_like = header_rows < HEADER_MAX_ROWS && {
            let all_bold = cols.iter().flatten().all(|f| f.bold);
            let short = cols.iter().all(|c| {
                c.len() <= HEADER_MAX_LINES
                    && c.iter()
                        .map(|f| f.text.split_whitespace().count())
                        .sum::<usize>()
                        <= HEADER_MAX_WORDS
            });
            let figures = cols.iter().flatten().any(|f| is_figure(&f.text));
            (all_bold || short) && !figures
        };
        header_rows = if header_like {
            header_rows + 1
        } else {
            HEADER_MAX_ROWS
        };
        if header_like {
            let mut line = Cells {
                cells: vec![String::new(); ncols],
                x: f32::MAX,
                y: f32::MAX,
                bold: true,
            };
            for (c, frags) in cols.iter().enumerate() {
                for f in frags {
                    let cell = &mut line.cells[c];
                    if !cell.is_empty() {
                        cell.push(' ');
                    }
                    cell.push_str(&f.text);
                    line.x = line.x.min(f.x);
                    line.y = line.y.min(f.y);
                    line.bold &= f.bold;
                }
            }
            out.push(line.into_line());
        } else {
            bands.push(out.len() - first_line);
            align_by_baseline(&mut cols, tallest);
            let parts: Vec<RowPart> = (0..tallest)
                .map(|k| {
                    if k == 0 || paragraph_starts(&cols, k, &col_right, pitch) {
                        RowPart::First
                    } else {
                        RowPart::More
                    }
                })
                .collect();
            for (k, part) in parts.into_iter().enumerate() {
                let mut line = Cells {
                    cells: vec![String::new(); ncols],
                    x: f32::MAX,
                    y: f32::MAX,
                    bold: true,
                };
                for (c, frags) in cols.iter_mut().enumerate() {
                    if let Some(f) = frags.get_mut(k).filter(|f| !f.text.is_empty()) {
                        line.cells[c] = std::mem::take(&mut f.text);
                        line.x = line.x.min(f.x);
                        line.y = line.y.min(f.y);
                        line.bold &= f.bold;
                    }
                }
                let mut line = line.into_line();
                line.row_part = part;
                out.push(line);
            }
        }
    }
    mark_rows(&mut out[first_line..], &bands);
}

/// Removes ruled columns narrower than [`SLIVER_EM`] in which no text starts: the gap
/// between two cells' borders painted a few points apart (spreadsheet exports), not a
/// column of the printed table.
fn drop_empty_slivers(rows: &[Row], mut bounds: Vec<f32>) -> Vec<f32> {
    let em = rows.iter().map(|r| r.size).fold(0.0f32, f32::max);
    let mut c = 0;
    while bounds.len() > 2 && c + 1 < bounds.len() {
        let (a, b) = (bounds[c], bounds[c + 1]);
        let empty = !rows
            .iter()
            .flat_map(|r| &r.segs)
            .any(|s| s.x0 + 0.5 >= a && s.x0 + 0.5 < b);
        if empty && b - a < SLIVER_EM * em {
            // Drop the inner edge: the left one for the last column, else the right one.
            bounds.remove(if c + 2 == bounds.len() { c } else { c + 1 });
        } else {
            c += 1;
        }
    }
    bounds
}

/// Splits ruled columns that hold several columns of figures with no ruling between
/// them (a spreadsheet printed with borders round groups of columns only). Within one
/// ruled column, the pieces of the lines that read as data there (two or more pieces,
/// all figures after the first) are grouped by the x ranges they cover, as in an
/// unruled table; two or more groups, seen on at least two lines, become columns split
/// halfway across the gaps between them. Prose cells never split a column: a line of
/// words is one piece, or its pieces are not figures.
fn figure_columns(rows: &[Row], bounds: Vec<f32>) -> Vec<f32> {
    if bounds.len() < 2 {
        return bounds;
    }
    let ncols = bounds.len() - 1;
    let mut out = vec![bounds[0]];
    for c in 0..ncols {
        let mut spans: Vec<(f32, f32)> = Vec::new();
        let mut lines = 0;
        for r in rows {
            let segs: Vec<&Seg> = r
                .segs
                .iter()
                .filter(|s| column_of(&bounds, s.x0 + 0.5, ncols) == c)
                .collect();
            if segs.len() >= 2 && segs[1..].iter().all(|s| is_figure(&s.text)) {
                lines += 1;
                spans.extend(segs.iter().map(|s| (s.x0, s.x1)));
            }
        }
        if lines >= 2 {
            spans.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut groups: Vec<(f32, f32)> = Vec::new();
            for (a, b) in spans {
                match groups.last_mut() {
                    Some(last) if a <= last.1 => last.1 = last.1.max(b),
                    _ => groups.push((a, b)),
                }
            }
            out.extend(groups.windows(2).map(|w| 0.5 * (w[0].1 + w[1].0)));
        }
        out.push(bounds[c + 1]);
    }
    out
}

/// Puts the figures of a ruled row's shorter cells beside the lines of its tallest cell
/// that share their baselines, so that figures printed level with the last line of a
/// wrapped label, or with the row under a section heading, stay on that line. Cells of
/// words, and figures that do not all share a baseline with the tallest cell's lines,
/// stay stacked from the top (text centred in a tall cell reads from the row's top).
/// Empty fragments fill the gaps.
fn align_by_baseline(cols: &mut [Vec<Frag>], tallest: usize) {
    let Some(reference) = cols.iter().position(|c| c.len() == tallest) else {
        return;
    };
    let ys: Vec<f32> = cols[reference].iter().map(|f| f.y).collect();
    for (c, frags) in cols.iter_mut().enumerate() {
        if c == reference
            || frags.is_empty()
            || frags.len() == tallest
            || !frags.iter().all(|f| is_figure(&f.text))
        {
            continue;
        }
        let mut slots = Vec::with_capacity(frags.len());
        let mut next = 0;
        for f in frags.iter() {
            let tol = BASELINE_TOL_EM * f.size.max(1.0);
            match (next..tallest).find(|&j| (ys[j] - f.y).abs() <= tol) {
                Some(j) => {
                    slots.push(j);
                    next = j + 1;
                }
                None => break,
            }
        }
        if slots.len() < frags.len() || slots.iter().enumerate().all(|(i, &j)| i == j) {
            continue;
        }
        let mut placed: Vec<Frag> = (0..tallest).map(|_| Frag::default()).collect();
        for (f, j) in std::mem::take(frags).into_iter().zip(slots) {
            placed[j] = f;
        }
        *frags = placed;
    }
}

/// Keeps the row marks of a ruled table's body bands only where the bands are rows.
/// A table ruled only under its header and at its foot, or only down its columns, has
/// one tall band holding many rows: its lines stay unmarked (`Unknown`), for the
/// extractors to judge by their text. So does a band in which more than one line is a
/// row of data (a label and figures): a wrapped cell does not bring figures of its own.
/// `bands` are the bands' first lines in `lines`.
fn mark_rows(lines: &mut [TextLine], bands: &[usize]) {
    let unmark = |lines: &mut [TextLine]| {
        for l in lines {
            l.row_part = RowPart::Unknown;
        }
    };
    if bands.len() < MIN_RULED_BANDS {
        unmark(lines);
        return;
    }
    for (i, &start) in bands.iter().enumerate() {
        let end = bands.get(i + 1).copied().unwrap_or(lines.len());
        let band = &mut lines[start..end];
        if band.iter().filter(|l| is_data_row(l)).count() > 1 {
            unmark(band);
        }
    }
}

/// True when visual line `k` of a ruled row starts a new paragraph in one of its cells:
/// a paragraph gap lies above it, or the line above ended short of the column's text
/// edge by more than this line's first word needs (so it was not wrapped) and either
/// ended a sentence or this line opens a label or a list item ("RESOLVED:", "(ii)").
/// Such a line is not joined to the lines above: a cell may hold several paragraphs
/// (a minute's discussion, then its decision). A short line that ends mid-phrase
/// ("Violence against" / "Women and Girls") is a narrow column wrapping. A change of
/// weight or size between the two lines starts a new paragraph too.
fn paragraph_starts(cols: &[Vec<Frag>], k: usize, col_right: &[f32], pitch: f32) -> bool {
    // The line above holds text in one column only: a heading line, not a row's first line.
    let lone_above = cols
        .iter()
        .filter(|f| f.get(k.wrapping_sub(1)).is_some_and(|x| !x.text.is_empty()))
        .count()
        == 1;
    cols.iter().zip(col_right).any(|(frags, &right)| {
        let (Some(upper), Some(lower)) = (frags.get(k.wrapping_sub(1)), frags.get(k)) else {
            return false;
        };
        if upper.text.is_empty() || lower.text.is_empty() {
            return false;
        }
        let em = upper.size.max(lower.size);
        if em <= 0.0 {
            return false;
        }
        let gap = lower.y - upper.y > PARA_GAP_RATIO * pitch * em;
        // Average glyph advance is about half an em in text faces (as in the prose
        // reflow of `super::reflow`).
        let first_word = lower.text.split_whitespace().next().unwrap_or("");
        let needed = (first_word.chars().count() as f32 + 1.0) * 0.5 * em;
        let short = upper.right + needed <= right;
        let ends_sentence = upper.text.trim_end().ends_with(['.', ':', ';', '!', '?']);
        // A bold line alone in its row over plain ones, or a change of size, is a heading
        // over the row (a section of a spreadsheet), not the first line of a wrapped
        // cell; a bold first line beside other cells (an item heading in minutes printed
        // as a table) stays the row's first line.
        let restyled =
            lone_above && (upper.bold != lower.bold || (upper.size - lower.size).abs() > 0.15 * em);
        gap || restyled
            || (short
                && (ends_sentence
                    || super::starts_label(&lower.text)
                    || super::starts_list_item(&lower.text)))
    })
}

/// A line that reads as a row of figures: a label in its first cell, then figures
/// only ("Burglary | 1,583 | 775").
fn is_data_row(l: &TextLine) -> bool {
    let Some((label, rest)) = l.cells.split_first() else {
        return false;
    };
    !label.trim().is_empty()
        && rest.iter().any(|c| is_figure(c))
        && rest.iter().all(|c| c.trim().is_empty() || is_figure(c))
}

/// A cell holding only a figure ("1,583", "57%", "£22,170", "-3.5").
fn is_figure(text: &str) -> bool {
    let t = text.trim();
    t.bytes().any(|b| b.is_ascii_digit())
        && t.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(
                    c,
                    ',' | '.' | '%' | '£' | '$' | '€' | '-' | '+' | ' ' | '(' | ')'
                )
        })
}

/// End (exclusive) of an unruled table starting at `start`: a run of lines split into
/// cells (with single-cell lines between them), at least two of them. `None` when the
/// line does not start one.
fn unruled_block_end(rows: &[Row], start: usize) -> Option<usize> {
    let first = &rows[start];
    if first.segs.len() < 2 || first.rules.len() >= 3 {
        return None;
    }
    let mut last_multi = start;
    let mut multis = 1;
    let mut k = start + 1;
    while k < rows.len() {
        let (p, r) = (&rows[k - 1], &rows[k]);
        if r.rules.len() >= 3 || r.base - p.base > TABLE_MAX_GAP_EM * p.size.max(r.size) {
            break;
        }
        if r.segs.len() >= 2 {
            last_multi = k;
            multis += 1;
        }
        k += 1;
    }
    (multis >= 2).then_some(last_multi + 1)
}

/// Lays out an unruled table made of `rows[..end]`: columns are the x ranges covered by
/// the cells of its multi-cell lines (so left-, right- and centre-aligned columns all
/// line up); every line gets one cell per column. Single-cell lines that cross a column
/// boundary stay prose. Single-cell lines just after `end` that sit inside a later
/// column continue the last row's wrapped cells and join the table. Returns how many
/// rows were used.
fn unruled_table(rows: &[Row], end: usize, out: &mut Vec<TextLine>) -> usize {
    let mut spans: Vec<(f32, f32)> = rows[..end]
        .iter()
        .filter(|r| r.segs.len() >= 2)
        .flat_map(|r| r.segs.iter().map(|s| (s.x0, s.x1)))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut cols: Vec<(f32, f32)> = Vec::new();
    for (a, b) in spans {
        match cols.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => cols.push((a, b)),
        }
    }
    let ncols = cols.len().max(1);
    let col_of = |s: &Seg| {
        let mid = 0.5 * (s.x0 + s.x1);
        let dist = |&(a, b): &(f32, f32)| {
            if mid < a {
                a - mid
            } else if mid > b {
                mid - b
            } else {
                0.0
            }
        };
        cols.iter()
            .enumerate()
            .min_by(|x, y| dist(x.1).total_cmp(&dist(y.1)))
            .map_or(0, |(i, _)| i)
    };
    // A single cell fits the grid when it overlaps no other column by more than an em.
    let fits = |r: &Row, s: &Seg| {
        let c = col_of(s);
        cols.iter()
            .enumerate()
            .all(|(i, &(a, b))| i == c || s.x1.min(b) - s.x0.max(a) <= r.size)
    };
    let mut used = end;
    while let Some(r) = rows.get(used) {
        let p = &rows[used - 1];
        let close = r.base - p.base <= TABLE_TAIL_GAP_EM * p.size.max(r.size);
        let tail = r.segs.len() == 1
            && r.rules.len() < 3
            && close
            && fits(r, &r.segs[0])
            && col_of(&r.segs[0]) > 0;
        if !tail {
            break;
        }
        used += 1;
    }
    for r in &rows[..used] {
        if r.segs.len() == 1 && !fits(r, &r.segs[0]) {
            out.push(TextLine {
                cells: vec![r.segs[0].text.clone()],
                bold: r.segs[0].bold,
                y: r.base,
                x: r.segs[0].x0,
                right: r.segs[0].x1,
                size: r.size,
                ..TextLine::default()
            });
            continue;
        }
        let mut line = Cells {
            cells: vec![String::new(); ncols],
            x: r.x0(),
            y: r.base,
            bold: r.segs.iter().all(|s| s.bold),
        };
        for s in &r.segs {
            let cell = &mut line.cells[col_of(s).min(ncols - 1)];
            if !cell.is_empty() {
                cell.push(' ');
            }
            cell.push_str(&s.text);
        }
        out.push(line.into_line());
    }
    used
}

/// Removes running headers and footers: lines in the top or bottom margin whose text
/// (digits ignored, so "Page 3 of 9" matches "Page 4 of 9") recurs on at least
/// three pages and on three quarters of the pages between its first and last occurrence.
/// Body text is never touched, however often it repeats.
pub fn remove_running_lines(pages: &mut [PageText]) {
    use std::collections::HashMap;
    // key → pages it occurs on (each page once, in order).
    let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
    for (p, page) in pages.iter().enumerate() {
        for i in margin_lines(page) {
            let key = running_key(&page.lines[i]);
            let list = seen.entry(key).or_default();
            if list.last() != Some(&p) {
                list.push(p);
            }
        }
    }
    seen.retain(|_, list| {
        let span = list.last().copied().unwrap_or(0) - list.first().copied().unwrap_or(0) + 1;
        list.len() >= RUNNING_MIN_PAGES && list.len() as f32 >= RUNNING_MAJORITY * span as f32
    });
    if seen.is_empty() {
        return;
    }
    for page in pages.iter_mut() {
        let drop: Vec<usize> = margin_lines(page)
            .filter(|&i| seen.contains_key(&running_key(&page.lines[i])))
            .collect();
        if drop.is_empty() {
            continue;
        }
        page.furniture
            .extend(drop.iter().map(|&i| page.lines[i].cells.join("\t")));
        let mut idx = 0;
        page.lines.retain(|_| {
            let keep = !drop.contains(&idx);
            idx += 1;
            keep
        });
        tidy_blanks(&mut page.lines);
    }
}

/// Indices of the non-empty lines in the page's top or bottom margin (the first and
/// last line when the page height is unknown).
fn margin_lines(page: &PageText) -> impl Iterator<Item = usize> + '_ {
    let h = page.height;
    let n = page.lines.len();
    page.lines.iter().enumerate().filter_map(move |(i, l)| {
        if l.cells.is_empty() {
            return None;
        }
        let in_margin = if h > 0.0 {
            l.y <= h * MARGIN_FRACTION || l.y >= h * (1.0 - MARGIN_FRACTION)
        } else {
            i == 0 || i + 1 == n
        };
        in_margin.then_some(i)
    })
}

/// A margin line's identity across pages: its side, and its text lower-cased with
/// digit runs replaced and spaces collapsed.
fn running_key(line: &TextLine) -> String {
    let mut key = String::new();
    let mut in_digits = false;
    for c in line.cells.join(" ").chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                key.push('#');
            }
            in_digits = true;
            continue;
        }
        in_digits = false;
        if c.is_whitespace() {
            if !key.is_empty() && !key.ends_with(' ') {
                key.push(' ');
            }
        } else {
            key.extend(c.to_lowercase());
        }
    }
    key
}

/// Drops empty lines at the start and end of a page and doubled empty lines.
fn tidy_blanks(lines: &mut Vec<TextLine>) {
    let mut prev_blank = true;
    lines.retain(|l| {
        let blank = l.cells.is_empty();
        let keep = !(blank && prev_blank);
        prev_blank = blank;
        keep
    });
    if lines.last().is_some_and(|l| l.cells.is_empty()) {
        lines.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use compact_str::CompactString;

    const SIZE: f32 = 10.0;
    /// Advance of every synthetic glyph: half an em, like an average Helvetica letter.
    const ADV: f32 = 5.0;

    fn glyph(text: &str, x: f32, y: f32, size: f32) -> Glyph {
        Glyph {
            text: CompactString::from(text),
            x,
            y,
            width: ADV * size / SIZE,
            size,
            space: text == " ",
            bold: false,
            rotated: false,
        }
    }

    /// Glyphs for `text` starting at `x` on baseline `y`, spaces painted as glyphs.
    fn run(text: &str, x: f32, y: f32) -> Vec<Glyph> {
        run_sized(text, x, y, SIZE)
    }

    /// Runs of text at (x, baseline) places.
    fn runs(items: &[(&str, f32, f32)]) -> Vec<Glyph> {
        items.iter().flat_map(|&(t, x, y)| run(t, x, y)).collect()
    }

    fn run_sized(text: &str, x: f32, y: f32, size: f32) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut x = x;
        for c in text.chars() {
            let g = glyph(c.encode_utf8(&mut [0; 4]), x, y, size);
            x += g.width;
            out.push(g);
        }
        out
    }

    /// Glyphs for `text` ending at `x1` (right-aligned).
    fn run_right(text: &str, x1: f32, y: f32) -> Vec<Glyph> {
        run(text, x1 - ADV * text.chars().count() as f32, y)
    }

    fn page(glyphs: Vec<Glyph>, rulings: Vec<Ruling>) -> RawPage {
        RawPage {
            width: 595.0,
            height: 842.0,
            glyphs,
            rulings,
            images: 0,
        }
    }

    /// The page as text: cells joined by tabs, one line per line, "" for a gap.
    fn text(p: &PageText) -> Vec<String> {
        p.lines.iter().map(|l| l.cells.join("\t")).collect()
    }

    fn lay(glyphs: Vec<Glyph>) -> Vec<String> {
        text(&lay_out(&page(glyphs, Vec::new())))
    }

    /// A tab typed as spaces with the heading painted over them ("292." then spaces
    /// from the tab stop on, then "Apologies" from the same stop): the spaces under the
    /// "A" do not split the word.
    #[test]
    fn spaces_painted_under_letters_do_not_split_words() {
        let mut g = run("292. ", 60.0, 100.0);
        g.extend(run("   ", 90.0, 100.0));
        g.extend(run("Apologies for Absence", 90.0, 100.0));
        assert_eq!(lay(g), ["292. Apologies for Absence"]);
        // A space that starts a little inside the letter before it (words positioned
        // with other metrics than the font's widths) still separates: "Webb has".
        let mut g = run("Webb", 100.0, 100.0);
        g.push(glyph(" ", 116.6, 100.0, SIZE));
        g.extend(run("has", 121.4, 100.0));
        assert_eq!(lay(g), ["Webb has"]);
    }

    /// Spaces painted before a line's first letter (an indent, or the space after a
    /// bullet the font cannot map) must not be carried to the gap after that letter.
    #[test]
    fn leading_spaces_do_not_split_the_first_word() {
        assert_eq!(lay(run("  Merlin Waste", 100.0, 100.0)), ["Merlin Waste"]);
        // The same with the leading spaces out of reach of any glyph before them.
        let mut g = run("  ", 60.0, 100.0);
        g.extend(run("Clerk", 100.0, 100.0));
        assert_eq!(lay(g), ["Clerk"]);
    }

    fn h(x0: f32, x1: f32, y: f32) -> Ruling {
        Ruling {
            x0,
            y0: y,
            x1,
            y1: y,
        }
    }

    fn v(x: f32, y0: f32, y1: f32) -> Ruling {
        Ruling {
            x0: x,
            y0,
            x1: x,
            y1,
        }
    }

    #[test]
    fn glyphs_in_painting_order_come_out_in_reading_order() {
        let mut g = run("second line", 72.0, 112.0);
        g.extend(run("first line", 72.0, 100.0));
        g.reverse();
        assert_eq!(lay(g), ["first line", "second line"]);
    }

    #[test]
    fn jittery_baselines_share_a_line() {
        let mut g = run("Agenda", 72.0, 100.0);
        g.extend(run("item", 110.0, 100.8));
        g.extend(run("five", 140.0, 99.4));
        assert_eq!(lay(g), ["Agenda item five"]);
    }

    #[test]
    fn superscripts_join_their_line() {
        // "24th" with a raised, smaller "th", and a footnote mark after "report".
        let mut g = run("On 24", 72.0, 100.0);
        g.extend(run_sized("th", 97.0, 96.5, 6.5));
        g.extend(run(" May the report", 103.5, 100.0));
        g.extend(run_sized("1", 178.5, 96.0, 6.5));
        g.extend(run("was noted.", 72.0, 112.0));
        assert_eq!(lay(g), ["On 24th May the report1", "was noted."]);
    }

    /// Two columns of 12 pt body text and, in a third, an 18 pt heading whose baseline
    /// falls between two body lines: neither body line joins the heading's line or
    /// becomes its script, so the columns' words do not interleave.
    #[test]
    fn larger_text_between_body_lines_does_not_merge_them() {
        let mut g = run_sized("Britain outside London, are", 28.0, 201.76, 12.0);
        g.extend(run_sized("new powers to", 220.0, 201.76, 12.0));
        g.extend(run_sized("ranked", 420.0, 210.92, 18.0));
        g.extend(run_sized("largely provided by", 28.0, 215.76, 12.0));
        g.extend(run_sized("services. Franchising", 220.0, 215.76, 12.0));
        let lines = lay(g);
        let words: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
        for w in ["Britain", "largely", "ranked", "powers", "services."] {
            assert!(words.contains(&w), "{w} in {lines:?}");
        }
        // The heading on the baseline of a first-column line, and second-column lines
        // above and below it (where scripts of a line of its size would sit).
        let mut g = run_sized("will be dependent on a package", 28.0, 327.80, 12.0);
        g.extend(run_sized("services run", 430.0, 328.35, 18.0));
        g.extend(run_sized("charging and a workplace", 222.0, 319.62, 12.0));
        g.extend(run_sized("parking levy would", 222.0, 333.62, 12.0));
        let lines = lay(g);
        let words: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
        for w in [
            "package",
            "charging",
            "workplace",
            "parking",
            "levy",
            "services",
        ] {
            assert!(words.contains(&w), "{w} in {lines:?}");
        }
    }

    /// Small caps ("K" at full size, "ENT" smaller) and a raised initial capital at
    /// twice the size: a change of size inside a word is not a word break, with or
    /// without kerning that pulls the next letter under the capital's advance.
    #[test]
    fn size_changes_inside_a_word_are_not_breaks() {
        let mut g = run_sized("K", 72.0, 100.0, 12.0);
        g.extend(run_sized("ENT COUNTY", 72.0 + ADV * 1.2, 100.0, 9.6));
        assert_eq!(lay(g), ["KENT COUNTY"]);
        let mut g = run_sized("A", 72.0, 100.0, 20.0);
        g.extend(run_sized(
            "pologies for",
            72.0 + ADV * 2.0 - 0.5,
            100.0,
            SIZE,
        ));
        assert_eq!(lay(g), ["Apologies for"]);
    }

    /// A heading typed with a space after every capital reads as one word; initials
    /// beside a name stay apart.
    #[test]
    fn letter_spaced_capitals_are_one_word() {
        assert_eq!(lay(run("A G E N D A", 250.0, 100.0)), ["AGENDA"]);
        assert_eq!(lay(run("Mr M A J Hood", 72.0, 100.0)), ["Mr M A J Hood"]);
        assert_eq!(lay(run("A B C", 72.0, 100.0)), ["A B C"]);
    }

    /// A glyph the font cannot map to text (an unmapped "fi" ligature) takes up room: the
    /// letters either side stay one word, and a real gap before it is still a space.
    #[test]
    fn unmapped_glyphs_keep_their_room() {
        let mut g = run("of", 72.0, 100.0);
        g.push(glyph("", 82.0, 100.0, SIZE));
        g.extend(run("ce is", 87.0, 100.0));
        assert_eq!(lay(g), ["ofce is"]);
        let mut g = run("the", 72.0, 100.0);
        g.push(glyph("", 90.0, 100.0, SIZE));
        g.extend(run("le", 95.0, 100.0));
        assert_eq!(lay(g), ["the le"]);
    }

    #[test]
    fn subscripts_join_their_line() {
        let mut g = run("CO", 72.0, 100.0);
        g.extend(run_sized("2", 82.0, 102.0, 6.5));
        g.extend(run(" emissions", 85.5, 100.0));
        assert_eq!(lay(g), ["CO2 emissions"]);
    }

    #[test]
    fn gaps_without_space_glyphs_become_single_spaces() {
        // Words positioned apart (no space glyph), and an explicit space followed by a
        // gap: one space either way.
        let mut g = run("Chief", 72.0, 100.0);
        g.extend(run("Executive", 72.0 + 5.0 * ADV + 3.0, 100.0));
        g.extend(run(" ", 72.0 + 14.0 * ADV + 3.0, 100.0));
        g.extend(run("Report", 72.0 + 15.0 * ADV + 6.0, 100.0));
        assert_eq!(lay(g), ["Chief Executive Report"]);
    }

    #[test]
    fn tight_letters_do_not_split_words() {
        // Kerning pulls letters together and some producers leave hairline gaps.
        let mut g = Vec::new();
        for (i, c) in "Haringey".chars().enumerate() {
            g.push(glyph(
                c.encode_utf8(&mut [0; 4]),
                72.0 + i as f32 * (ADV + 0.6),
                100.0,
                SIZE,
            ));
        }
        assert_eq!(lay(g), ["Haringey"]);
    }

    #[test]
    fn fake_bold_collapses_to_one_glyph() {
        // The whole word painted twice, 0.4 pt apart, and one letter three times.
        let mut g = run("Minutes", 72.0, 100.0);
        g.extend(run("Minutes", 72.4, 100.0));
        g.push(glyph("M", 72.8, 100.2, SIZE));
        assert_eq!(lay(g), ["Minutes"]);
        // The same at the end of a word, with another word after it.
        let mut g = run("Hall", 72.0, 100.0);
        g.extend(run("Hall", 72.4, 100.0));
        g.extend(run("Park", 100.0, 100.0));
        assert_eq!(lay(g), ["Hall Park"]);
        // Doubled letters that are really there stay.
        assert_eq!(lay(run("Committee", 72.0, 100.0)), ["Committee"]);
        // Even when the second of a narrow pair is painted well inside the first: the
        // pen ran ahead of the producer's positions, it is not a second copy.
        let mut g = run("Val", 72.0, 100.0);
        let mut l = glyph("l", 83.0, 100.0, SIZE);
        l.width = 2.8;
        g[2].width = 2.8;
        g.push(l);
        g.extend(run("ey", 85.8, 100.0));
        assert_eq!(lay(g), ["Valley"]);
    }

    #[test]
    fn rotated_glyphs_stay_out_of_body_lines() {
        let mut g = run("Body text", 72.0, 100.0);
        let mut side = run("DRAFT", 20.0, 100.0);
        for s in &mut side {
            s.rotated = true;
        }
        g.extend(side);
        assert_eq!(lay(g), ["Body text"]);
    }

    #[test]
    fn ligatures_soft_hyphens_and_nbsp_are_normalised() {
        let mut g = run("O", 72.0, 100.0);
        g.push(glyph("\u{fb03}", 77.0, 100.0, SIZE));
        g.extend(run("cer", 82.0, 100.0));
        g.push(glyph("\u{a0}", 97.0, 100.0, SIZE));
        g.extend(run("con", 102.0, 100.0));
        // A soft hyphen inside a line has no width; one inside a glyph's text goes too.
        let mut shy = glyph("\u{ad}", 117.0, 100.0, SIZE);
        shy.width = 0.0;
        g.push(shy);
        g.push(glyph("\u{fb02}\u{ad}", 117.0, 100.0, SIZE));
        g.extend(run("ict \u{fb01}nal", 122.0, 100.0));
        // A line-ending hyphen stays where it was printed.
        g.extend(run("co-", 72.0, 112.0));
        g.extend(run("ordinate", 72.0, 124.0));
        assert_eq!(lay(g), ["Officer conflict final", "co-", "ordinate"]);
    }

    #[test]
    fn wide_gaps_split_cells() {
        let mut g = run("Lead Officer:", 72.0, 100.0);
        g.extend(run("Jane Smith, Head of Service", 200.0, 100.0));
        let p = lay_out(&page(g, Vec::new()));
        assert_eq!(
            p.lines[0].cells,
            ["Lead Officer:", "Jane Smith, Head of Service"]
        );
        assert_eq!(p.lines[0].x, 72.0);
        assert_eq!(p.lines[0].y, 100.0);
    }

    #[test]
    fn justified_prose_is_not_split() {
        // A paragraph whose second line has three words stretched across the measure,
        // ending where the full first line ends; its gaps are all equally wide.
        let full = "The committee noted the report and agreed the recommendations set out";
        let right = 72.0 + ADV * full.chars().count() as f32;
        let mut g = run(full, 72.0, 100.0);
        let words = ["extraordinary", "budgetary", "considerations"];
        let total: f32 = words.iter().map(|w| ADV * w.len() as f32).sum();
        let gap = (right - 72.0 - total) / 2.0;
        let mut x = 72.0;
        for w in words {
            g.extend(run(w, x, 112.0));
            x += ADV * w.len() as f32 + gap;
        }
        g.extend(run("for the year.", 72.0, 124.0));
        assert!(
            gap > CELL_GAP_EM * SIZE,
            "the test needs a gap wider than a cell gap"
        );
        assert_eq!(
            lay(g),
            [
                full,
                "extraordinary budgetary considerations",
                "for the year."
            ]
        );
    }

    #[test]
    fn table_columns_align_across_rows() {
        // An unruled table: left-aligned text columns, one cell wrapping onto a line of
        // its own, and an empty column in the middle of a row.
        let rows: [(&str, &str, &str); 4] = [
            ("Action", "Lead Officer", "Comments"),
            (
                "Continue to utilise the",
                "Superintendent,",
                "The IGU has been re-",
            ),
            ("", "", "funded"),
            ("Install knife bins", "", "Agreed"),
        ];
        let mut g = Vec::new();
        for (i, (a, b, c)) in rows.iter().enumerate() {
            let y = 100.0 + 12.0 * i as f32;
            g.extend(run(a, 72.0, y));
            g.extend(run(b, 220.0, y));
            g.extend(run(c, 330.0, y));
        }
        assert_eq!(
            lay(g),
            [
                "Action\tLead Officer\tComments",
                "Continue to utilise the\tSuperintendent,\tThe IGU has been re-",
                "\t\tfunded",
                "Install knife bins\t\tAgreed",
            ]
        );
    }

    #[test]
    fn wrapped_cell_after_the_last_row_stays_in_its_column() {
        let mut g = run("Ward", 72.0, 100.0);
        g.extend(run("Status", 300.0, 100.0));
        g.extend(run("Noel Park", 72.0, 112.0));
        g.extend(run("Awaiting the review", 300.0, 112.0));
        g.extend(run("outcome", 300.0, 124.0));
        g.extend(run("Prose resumes after a gap.", 72.0, 160.0));
        assert_eq!(
            lay(g),
            [
                "Ward\tStatus",
                "Noel Park\tAwaiting the review",
                "\toutcome",
                "",
                "Prose resumes after a gap."
            ]
        );
    }

    #[test]
    fn right_aligned_numbers_share_columns() {
        // An Excel printout: a label column and right-aligned figures of varying width.
        let rows: [(&str, &str, &str); 4] = [
            ("Offence", "2022/23", "2023/24"),
            ("Burglary", "1,583", "775"),
            ("Robbery", "37,034", "1,280"),
            ("Knife crime", "9", "16,686"),
        ];
        let mut g = Vec::new();
        for (i, (a, b, c)) in rows.iter().enumerate() {
            let y = 100.0 + 12.0 * i as f32;
            g.extend(run(a, 72.0, y));
            g.extend(run_right(b, 260.0, y));
            g.extend(run_right(c, 340.0, y));
        }
        assert_eq!(
            lay(g),
            [
                "Offence\t2022/23\t2023/24",
                "Burglary\t1,583\t775",
                "Robbery\t37,034\t1,280",
                "Knife crime\t9\t16,686",
            ]
        );
    }

    /// A ruled table: columns at 50, 200, 300, 400, 550; row rules at the given ys.
    fn grid(row_ys: &[f32]) -> Vec<Ruling> {
        let (top, bottom) = (row_ys[0], row_ys[row_ys.len() - 1]);
        let mut r: Vec<Ruling> = row_ys.iter().map(|&y| h(50.0, 550.0, y)).collect();
        r.extend([50.0, 200.0, 300.0, 400.0, 550.0].map(|x| v(x, top, bottom)));
        r
    }

    #[test]
    fn ruled_header_cell_over_two_lines_is_one_row() {
        // "RAG" / "Status" stacked in one cell, the other headers centred between them;
        // then a body row whose cells wrap: one output row per visual line.
        let mut g = run("Action", 55.0, 106.0);
        g.extend(run("Lead Officer", 205.0, 106.0));
        g.extend(run("RAG", 305.0, 100.0));
        g.extend(run("Status", 305.0, 112.0));
        g.extend(run("Comments", 405.0, 106.0));
        g.extend(run("Continue to utilise", 55.0, 130.0));
        g.extend(run("the Integrated Gangs", 55.0, 142.0));
        g.extend(run("Superintendent", 205.0, 136.0));
        g.extend(run("Re-funded", 405.0, 130.0));
        // Text right against the column rule: only the ruling separates the cells.
        g.extend(run("Unit", 55.0, 166.0));
        g.extend(run("Police", 201.0, 166.0));
        let p = lay_out(&page(g, grid(&[90.0, 118.0, 150.0, 175.0])));
        assert_eq!(
            text(&p),
            [
                "Action\tLead Officer\tRAG Status\tComments",
                "Continue to utilise\tSuperintendent\t\tRe-funded",
                "the Integrated Gangs\t\t\t",
                "Unit\tPolice\t\t",
            ]
        );
        let parts: Vec<RowPart> = p.lines.iter().map(|l| l.row_part).collect();
        use RowPart::{First, More, Unknown};
        assert_eq!(parts, [Unknown, First, More, First]);
    }

    #[test]
    fn a_paragraph_inside_a_ruled_cell_starts_a_line_of_its_own() {
        use RowPart::{First, More, Unknown};
        let g = runs(&[
            ("Minute", 55.0, 100.0),
            ("Action by", 205.0, 100.0),
            // A wrapped line, then a paragraph gap before the decision.
            ("The Board discussed the fire", 55.0, 124.0),
            ("service targets.", 55.0, 136.0),
            ("Clerk", 205.0, 124.0),
            ("RESOLVED: That the targets", 55.0, 160.0),
            ("be agreed.", 55.0, 172.0),
            // No gap: a short line that ends a sentence ends its paragraph.
            ("Noted.", 55.0, 196.0),
            ("Next steps were agreed.", 55.0, 208.0),
        ]);
        let p = lay_out(&page(g, grid(&[90.0, 112.0, 184.0, 220.0])));
        assert_eq!(
            text(&p)[1..],
            [
                "The Board discussed the fire\tClerk\t\t",
                "service targets.\t\t\t",
                "RESOLVED: That the targets\t\t\t",
                "be agreed.\t\t\t",
                "Noted.\t\t\t",
                "Next steps were agreed.\t\t\t",
            ]
        );
        assert_eq!(
            row_parts(&p),
            [Unknown, First, More, First, More, First, First]
        );
    }

    #[test]
    fn a_table_ruled_only_round_its_body_is_not_marked() {
        // One band under the header holds every row: the lines are left unmarked.
        let g = runs(&[
            ("Action", 55.0, 100.0),
            ("Lead Officer", 205.0, 100.0),
            ("Continue to utilise", 55.0, 124.0),
            ("Superintendent", 205.0, 124.0),
            ("Refresh the scheme", 55.0, 136.0),
            ("Assistant Director", 205.0, 136.0),
        ]);
        let p = lay_out(&page(g, grid(&[90.0, 112.0, 148.0])));
        assert_eq!(text(&p).len(), 3);
        assert!(p.lines.iter().all(|l| l.row_part == RowPart::Unknown));
    }

    fn row_parts(p: &PageText) -> Vec<RowPart> {
        p.lines.iter().map(|l| l.row_part).collect()
    }

    /// A spreadsheet ruled round its label column and round the block of figures only,
    /// with the two borders a few points apart: the sliver between them is no column,
    /// and the figure block splits into its three right-aligned columns.
    fn spreadsheet_rules(row_ys: &[f32]) -> Vec<Ruling> {
        let (top, bottom) = (row_ys[0], row_ys[row_ys.len() - 1]);
        let mut r: Vec<Ruling> = row_ys.iter().map(|&y| h(20.0, 560.0, y)).collect();
        r.extend([20.0, 300.0, 306.0, 560.0].map(|x| v(x, top, bottom)));
        r
    }

    #[test]
    fn figure_columns_without_rulings_between_them_split() {
        let mut g = run("Adult Case Management", 25.0, 100.0);
        for (i, fig) in ["40.7", "42.6", "1.9"].iter().enumerate() {
            g.extend(run_right(fig, 380.0 + 80.0 * i as f32, 100.0));
        }
        g.extend(run("Strategic Safeguarding", 25.0, 124.0));
        for (i, fig) in ["0.7", "0.8", "-0.1"].iter().enumerate() {
            g.extend(run_right(fig, 380.0 + 80.0 * i as f32, 124.0));
        }
        let p = lay_out(&page(g, spreadsheet_rules(&[90.0, 112.0, 136.0])));
        assert_eq!(
            text(&p),
            [
                "Adult Case Management\t40.7\t42.6\t1.9",
                "Strategic Safeguarding\t0.7\t0.8\t-0.1",
            ]
        );
    }

    #[test]
    fn a_column_of_words_is_not_split_at_its_gaps() {
        // Two lines with a wide gap inside the second cell: words, not figures.
        let g = runs(&[
            ("Item", 25.0, 100.0),
            ("Owner", 310.0, 100.0),
            ("Update", 460.0, 100.0),
            ("Item two", 25.0, 124.0),
            ("Clerk", 310.0, 124.0),
            ("Done", 460.0, 124.0),
        ]);
        let p = lay_out(&page(g, spreadsheet_rules(&[90.0, 112.0, 136.0])));
        assert_eq!(text(&p), ["Item\tOwner Update", "Item two\tClerk Done"]);
    }

    #[test]
    fn figures_stay_level_with_the_label_line_they_are_printed_on() {
        // One ruled band: a bold section heading, then a label wrapped over two lines
        // with its figures level with the second line.
        let mut g = run("Children & Education", 25.0, 100.0);
        for x in g.iter_mut() {
            x.bold = true;
        }
        g.extend(run("Estimated reduction in", 25.0, 114.0));
        g.extend(run("transport costs", 25.0, 126.0));
        g.extend(run_right("-6,300.0", 380.0, 126.0));
        g.extend(run_right("-6,300.0", 460.0, 126.0));
        g.extend(run("Total", 25.0, 150.0));
        g.extend(run_right("-9.9", 380.0, 150.0));
        g.extend(run_right("0.0", 460.0, 150.0));
        let p = lay_out(&page(g, spreadsheet_rules(&[90.0, 138.0, 160.0])));
        assert_eq!(
            text(&p),
            [
                "Children & Education\t\t",
                "Estimated reduction in\t\t",
                "transport costs\t-6,300.0\t-6,300.0",
                "Total\t-9.9\t0.0",
            ]
        );
        use RowPart::{First, More};
        assert_eq!(row_parts(&p), [First, First, More, First]);
    }

    #[test]
    fn a_bold_item_heading_beside_its_owner_stays_the_rows_first_line() {
        use RowPart::{First, More, Unknown};
        let mut g = run("Street lighting", 55.0, 124.0);
        for x in g.iter_mut() {
            x.bold = true;
        }
        g.extend(runs(&[
            ("Item", 55.0, 100.0),
            ("Owner", 205.0, 100.0),
            ("Clerk", 205.0, 124.0),
            ("The lamp is out.", 55.0, 136.0),
            ("Close", 55.0, 160.0),
            ("Chair", 205.0, 160.0),
        ]));
        let p = lay_out(&page(g, grid(&[90.0, 112.0, 148.0, 172.0])));
        assert_eq!(row_parts(&p), [Unknown, First, More, First]);
    }

    #[test]
    fn ruled_rows_mark_their_visual_lines() {
        use RowPart::{First, More, Unknown};
        let g = runs(&[
            ("Action", 55.0, 100.0),
            ("Lead Officer", 205.0, 100.0),
            ("Continue to utilise", 55.0, 124.0),
            ("the Integrated Gangs", 55.0, 136.0),
            ("Superintendent", 205.0, 124.0),
            ("Unit", 55.0, 160.0),
            ("Police", 205.0, 160.0),
            ("Refresh the scheme", 55.0, 184.0),
            ("Assistant", 205.0, 184.0),
            ("Director", 205.0, 196.0),
        ]);
        let rules = grid(&[90.0, 112.0, 148.0, 172.0, 205.0]);
        let p = lay_out(&page(g, rules));
        assert_eq!(
            text(&p)[1..],
            [
                "Continue to utilise\tSuperintendent\t\t",
                "the Integrated Gangs\t\t\t",
                "Unit\tPolice\t\t",
                "Refresh the scheme\tAssistant\t\t",
                "\tDirector\t\t",
            ]
        );
        assert_eq!(row_parts(&p), [Unknown, First, More, First, First, More]);
    }

    #[test]
    fn a_ruled_band_of_figure_rows_is_not_marked() {
        // Rules between sections only: the first band holds two rows of figures.
        use RowPart::{First, Unknown};
        let g = runs(&[
            ("Offence", 55.0, 100.0),
            ("Count", 205.0, 100.0),
            ("Burglary", 55.0, 124.0),
            ("1,583", 205.0, 124.0),
            ("Robbery", 55.0, 136.0),
            ("775", 205.0, 136.0),
            ("Knife crime", 55.0, 172.0),
            ("Total", 55.0, 196.0),
        ]);
        let p = lay_out(&page(g, grid(&[90.0, 112.0, 160.0, 184.0, 205.0])));
        assert_eq!(row_parts(&p), [Unknown, Unknown, Unknown, First, First]);
    }

    #[test]
    fn ruled_body_rows_are_not_merged_like_headers() {
        // The first row already has long text: it is not a header.
        let mut g = run("Undertake weapon sweeps with", 55.0, 100.0);
        g.extend(run("communities in areas", 55.0, 112.0));
        g.extend(run("Chief Inspector", 205.0, 100.0));
        let p = lay_out(&page(g, grid(&[90.0, 118.0])));
        assert_eq!(
            text(&p),
            [
                "Undertake weapon sweeps with\tChief Inspector\t\t",
                "communities in areas\t\t\t"
            ]
        );
    }

    #[test]
    fn paragraph_gaps_become_empty_lines() {
        let mut g = run("1. APOLOGIES", 72.0, 100.0);
        g.extend(run("To receive any apologies for", 72.0, 127.0));
        g.extend(run("absence.", 72.0, 139.0));
        g.extend(run("2. MINUTES", 72.0, 166.0));
        g.extend(run("To confirm the minutes.", 72.0, 193.0));
        assert_eq!(
            lay(g),
            [
                "1. APOLOGIES",
                "",
                "To receive any apologies for",
                "absence.",
                "",
                "2. MINUTES",
                "",
                "To confirm the minutes."
            ]
        );
    }

    #[test]
    fn one_and_a_half_spacing_is_not_a_paragraph_gap() {
        let mut g = Vec::new();
        for (i, t) in ["Line one of a", "paragraph set at", "one and a half"]
            .iter()
            .enumerate()
        {
            g.extend(run(t, 72.0, 100.0 + 17.3 * i as f32));
        }
        assert_eq!(
            lay(g),
            ["Line one of a", "paragraph set at", "one and a half"]
        );
    }

    fn stamped(stamp: &str, x: f32, y: f32) -> PageText {
        let mut g = run("Body text of the report.", 72.0, 100.0);
        g.extend(run("More body text.", 72.0, 112.0));
        g.extend(run(stamp, x, y));
        lay_out(&page(g, Vec::new()))
    }

    #[test]
    fn page_stamps_in_several_forms() {
        for (s, x, y, n) in [
            ("Page 12", 280.0, 810.0, 12),
            ("Page 12 of 40", 480.0, 810.0, 12),
            ("- 7 -", 290.0, 815.0, 7),
            ("\u{2013} 7 \u{2013}", 290.0, 815.0, 7),
            ("Page 3", 480.0, 30.0, 3),
            ("12", 520.0, 815.0, 12),
        ] {
            let p = stamped(s, x, y);
            assert_eq!(p.stamp, Some(n), "{s}");
            assert_eq!(
                text(&p),
                ["Body text of the report.", "More body text."],
                "{s}"
            );
        }
    }

    #[test]
    fn numbers_that_are_not_stamps_stay() {
        // A bare number at the top, or in the body, is not a page number.
        let p = stamped("12", 280.0, 30.0);
        assert_eq!(p.stamp, None);
        let p = stamped("Page 12", 72.0, 400.0);
        assert_eq!(p.stamp, None);
        assert_eq!(p.lines.len(), 4);
        let p = stamped("Pages 12", 280.0, 815.0);
        assert_eq!(p.stamp, None);
    }

    #[test]
    fn stamp_next_to_a_footer_is_taken_out_of_its_line() {
        let mut g = run("Body.", 72.0, 100.0);
        g.extend(run("Haringey Council", 72.0, 815.0));
        g.extend(run("Page 5", 480.0, 815.0));
        let p = lay_out(&page(g, Vec::new()));
        assert_eq!(p.stamp, Some(5));
        assert_eq!(text(&p), ["Body.", "", "Haringey Council"]);
    }

    #[test]
    fn no_glyphs_is_no_text() {
        let p = lay_out(&page(Vec::new(), vec![h(0.0, 100.0, 50.0)]));
        assert!(p.no_text);
        assert!(p.lines.is_empty());
        let p = lay_out(&page(run("x", 72.0, 100.0), Vec::new()));
        assert!(!p.no_text);
    }

    fn pack(pages: &[&[(&str, f32)]]) -> Vec<PageText> {
        pages
            .iter()
            .map(|lines| {
                let mut g = Vec::new();
                for (t, y) in lines.iter() {
                    g.extend(run(t, 72.0, *y));
                }
                lay_out(&page(g, Vec::new()))
            })
            .collect()
    }

    #[test]
    fn running_headers_and_footers_are_removed() {
        let mut pages = pack(&[
            &[
                ("OFFICIAL", 30.0),
                ("First page body.", 100.0),
                ("Agenda Item 5 Page 1 of 3", 815.0),
            ],
            &[
                ("OFFICIAL", 30.0),
                ("Second page body.", 100.0),
                ("Agenda Item 5 Page 2 of 3", 815.0),
            ],
            &[
                ("OFFICIAL", 30.0),
                ("Third page body.", 100.0),
                ("Agenda Item 5 Page 3 of 3", 815.0),
            ],
            &[("Fourth page, another report.", 100.0)],
        ]);
        remove_running_lines(&mut pages);
        let all: Vec<Vec<String>> = pages.iter().map(text).collect();
        assert_eq!(
            all,
            [
                vec!["First page body."],
                vec!["Second page body."],
                vec!["Third page body."],
                vec!["Fourth page, another report."]
            ]
        );
        // set apart, not lost
        assert_eq!(
            pages[1].furniture,
            ["OFFICIAL", "Agenda Item 5 Page 2 of 3"]
        );
        assert!(pages[3].furniture.is_empty());
    }

    #[test]
    fn repeated_body_text_and_rare_margin_lines_stay() {
        let mut pages = pack(&[
            &[("Recommendations", 100.0), ("Draft", 815.0)],
            &[("Recommendations", 100.0)],
            &[("Recommendations", 100.0), ("Draft", 815.0)],
            &[("Body", 100.0)],
            &[("Body", 100.0)],
            &[("Body", 100.0), ("Draft", 815.0)],
        ]);
        let before: Vec<Vec<String>> = pages.iter().map(text).collect();
        remove_running_lines(&mut pages);
        let after: Vec<Vec<String>> = pages.iter().map(text).collect();
        // "Recommendations" is body text; "Draft" is on 3 of 6 pages only.
        assert_eq!(before, after);
    }

    /// A fixture page (`tests/fixtures/pdf_layout/*.page`, made by `extract.py` there
    /// from poppler's word boxes and path output) as a [`RawPage`]: each word's width
    /// is shared evenly by its letters; no space glyphs, so words are split by gaps.
    fn fixture_page(data: &str) -> RawPage {
        let mut p = RawPage::default();
        for line in data.lines() {
            let mut f = line.splitn(6, ' ');
            let kind = f.next().unwrap_or("");
            let mut num = || f.next().and_then(|t| t.parse::<f32>().ok()).unwrap_or(0.0);
            match kind {
                "P" => {
                    p.width = num();
                    p.height = num();
                }
                "R" => {
                    let (x0, y0, x1, y1) = (num(), num(), num(), num());
                    p.rulings.push(Ruling { x0, y0, x1, y1 });
                }
                "W" => {
                    let (x0, y0, x1, y1) = (num(), num(), num(), num());
                    let word = f.next().unwrap_or("");
                    // poppler's word box runs from ascent to descent: ~1.3 em in the
                    // fonts of these packs, with the baseline ~0.3 em above its bottom.
                    let size = (y1 - y0) / 1.3;
                    let base = y1 - 0.3 * size;
                    let n = word.chars().count().max(1) as f32;
                    let w = (x1 - x0) / n;
                    for (i, c) in word.chars().enumerate() {
                        let mut g =
                            glyph(c.encode_utf8(&mut [0; 4]), x0 + w * i as f32, base, size);
                        g.width = w;
                        p.glyphs.push(g);
                    }
                }
                _ => {}
            }
        }
        p
    }

    /// Lays out every fixture page and compares with its `.expected` text (stamp on a
    /// first line of its own, then lines with tab-separated cells). `LAYOUT_BLESS=1`
    /// rewrites the expected files after a deliberate change.
    #[test]
    fn real_pages_match_their_snapshots() {
        let dir =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pdf_layout");
        let bless = std::env::var_os("LAYOUT_BLESS").is_some();
        let mut entries: Vec<_> = std::fs::read_dir(&dir)
            .expect("fixture dir")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "page"))
            .collect();
        entries.sort();
        assert!(!entries.is_empty());
        let mut failed = Vec::new();
        for path in entries {
            let data = std::fs::read_to_string(&path).expect("fixture");
            let laid = lay_out(&fixture_page(&data));
            let mut got = format!("stamp: {:?}\n", laid.stamp);
            for l in text(&laid) {
                got.push_str(&l);
                got.push('\n');
            }
            let exp_path = path.with_extension("expected");
            if bless {
                std::fs::write(&exp_path, &got).expect("write snapshot");
                continue;
            }
            let want = std::fs::read_to_string(&exp_path).unwrap_or_default();
            if want != got {
                failed.push(format!("{}:\n{got}", path.display()));
            }
        }
        assert!(
            failed.is_empty(),
            "snapshots differ:\n{}",
            failed.join("\n")
        );
    }

    /// Lays out every `.page` file in `$LAYOUT_DUMP_DIR` into a `.out` file beside it:
    /// for looking at whole packs by eye (`cargo test -- --ignored dump_pages`).
    #[test]
    #[ignore]
    fn dump_pages() {
        let Some(dir) = std::env::var_os("LAYOUT_DUMP_DIR") else {
            return;
        };
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("dump dir")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "page"))
            .collect();
        paths.sort();
        let raws: Vec<RawPage> = paths
            .iter()
            .map(|p| fixture_page(&std::fs::read_to_string(p).expect("page")))
            .collect();
        let start = std::time::Instant::now();
        let mut laid: Vec<PageText> = raws.iter().map(lay_out).collect();
        remove_running_lines(&mut laid);
        eprintln!("{} pages in {:?}", laid.len(), start.elapsed());
        for (p, l) in paths.iter().zip(&laid) {
            let mut out = format!("stamp: {:?}\n", l.stamp);
            for t in text(l) {
                out.push_str(&t);
                out.push('\n');
            }
            std::fs::write(p.with_extension("out"), out).expect("write");
        }
    }
}
