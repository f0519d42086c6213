//! Text loader: plain-text packs (PDF-to-text conversions, often with light Markdown or
//! HTML markup left in) → [`Document`].
//!
//! Decodes UTF-8 (BOM stripped) or, failing that, Windows-1252 with a warning; refuses
//! binary data; splits pages on form feeds; turns tab-separated lines into rows of cells;
//! removes Markdown emphasis and links and inline HTML tags (a `<p>` or `<br>` inside a
//! cell becomes a paragraph break); records leading bullet marks; reads an HTML table left
//! as markup (a WordPress export's) a row to a line. Line numbers in provenance are the
//! 1-based lines of the input, so a user can open the file there (a table's row: the line
//! its `<tr` starts on).

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use super::embedded_tables;
use crate::error::LoadError;
use crate::load::Loaded;
use crate::model::{Cell, Document, Line, OneIndexed, PageInfo, Provenance};
use crate::pack::Format;
use crate::warnings::Code;

/// Loads a text pack.
pub fn load(path: &Path, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let mut warnings = Vec::new();
    check_not_binary(path, bytes)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => std::borrow::Cow::Borrowed(t),
        Err(e) => {
            let (decoded, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            warnings.push(Code::DecodedAsWindows1252.warn(
                format!(
                    "not valid UTF-8 (first bad byte at offset {}); decoded as Windows-1252",
                    e.valid_up_to()
                ),
                None,
            ));
            decoded
        }
    };
    let doc = parse(&text);
    Ok(Loaded {
        doc,
        format: Format::Text,
        warnings,
    })
}

/// Share of control bytes above which an input is taken for binary data.
const MAX_CONTROL_SHARE: f64 = 0.02;

/// Refuses NUL bytes and a high share of control bytes (shared with the HTML loader).
pub(crate) fn check_not_binary(path: &Path, bytes: &[u8]) -> Result<(), LoadError> {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if let Some(at) = memchr::memchr(0, sample) {
        return Err(LoadError::Binary {
            path: path.to_path_buf(),
            reason: format!("NUL byte at offset {at}"),
        });
    }
    // Sums of 0/1 per byte in byte-wide counters, which the compiler vectorises sixteen
    // or thirty-two to a register (usize counters were a tenth of loading, issue #3).
    let control: usize = sample
        .chunks(255)
        .map(|chunk| {
            let n: u8 = chunk
                .iter()
                .map(|&b| u8::from(b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)))
                .sum();
            usize::from(n)
        })
        .sum();
    if control as f64 > sample.len() as f64 * MAX_CONTROL_SHARE {
        return Err(LoadError::Binary {
            path: path.to_path_buf(),
            reason: format!(
                "{control} control bytes in the first {} bytes",
                sample.len()
            ),
        });
    }
    Ok(())
}

/// Parses decoded text into a document.
pub fn parse(text: &str) -> Document {
    let bytes = text.as_bytes();
    let has_pages = memchr::memchr(0x0c, bytes).is_some();
    let mut page = 1u32;
    let mut pages = Vec::new();
    if has_pages {
        pages.push(PageInfo {
            number: OneIndexed::MIN,
            stamp: None,
        });
    }
    let ends: Vec<usize> = memchr::memchr_iter(b'\n', bytes).collect();
    let marks = line_marks(bytes, &ends);
    let mut lines = Vec::with_capacity(ends.len() + 1);
    // HTML tables left as markup are read row by row (see `embedded_tables`)
    let raw_lines: Vec<&str> = if has_table_markup(bytes) {
        text.split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .collect()
    } else {
        Vec::new()
    };
    let mut skip_to = 0;
    let mut start = 0;
    for (i, end) in ends.iter().copied().chain([bytes.len()]).enumerate() {
        let raw = &text[start..end];
        start = end + 1;
        if i < skip_to {
            continue;
        }
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        // where a fact is: the page, and the input line (0-based here)
        let at = |page: u32, line: usize| Provenance {
            page: if has_pages {
                OneIndexed::new(page)
            } else {
                None
            },
            line: Some(OneIndexed::from_zero_indexed(line)),
            pack_page: None,
        };
        if !raw_lines.is_empty()
            && marks[i] & MARKUP != 0
            && let Some(t) = embedded_tables::find(&raw_lines, i)
        {
            push_table(&mut lines, &mut pages, &raw_lines, &t, |line| {
                at(page, line)
            });
            skip_to = t.last + 1;
            continue;
        }
        let provenance = |page: u32| at(page, i);
        if marks[i] & MARKUP == 0 {
            // No markup, form feed or odd whitespace: the text is copied as it is.
            push_line(
                &mut lines,
                &mut pages,
                normalise_line(raw, provenance(page), marks[i]),
            );
            continue;
        }
        // A form feed starts a new page: text before it ends the old page, text after it
        // opens the new one (both keep the source line number).
        let mut parts = raw.split('\u{c}').peekable();
        let mut first = true;
        while let Some(part) = parts.next() {
            if !first {
                page += 1;
                pages.push(PageInfo {
                    number: OneIndexed::new(page).unwrap_or(OneIndexed::MIN),
                    stamp: None,
                });
            }
            let last = parts.peek().is_none();
            first = false;
            if part.trim().is_empty() && !(last && raw.split('\u{c}').count() == 1) {
                continue;
            }
            let marks = MARKUP | if part.contains('\t') { TAB } else { 0 };
            push_line(
                &mut lines,
                &mut pages,
                normalise_line(part, provenance(page), marks),
            );
        }
    }
    if text.ends_with('\n') && lines.last().is_some_and(|l| l.is_blank()) {
        lines.pop();
    }
    let mut doc = Document {
        lines,
        pages,
        furniture: Vec::new(),
    };
    doc.apply_stamps();
    doc
}

/// True when the text holds HTML table markup (`<table` in any usual case).
fn has_table_markup(bytes: &[u8]) -> bool {
    ["<table", "<TABLE", "<Table"]
        .iter()
        .any(|n| memchr::memmem::find(bytes, n.as_bytes()).is_some())
}

/// Adds the lines of an embedded HTML table: the text before it on its first line, a
/// line per row (its cells tab-separated, provenance the line its `<tr` starts on), and
/// the text after it on its last line.
fn push_table(
    lines: &mut Vec<Line>,
    pages: &mut [PageInfo],
    raw_lines: &[&str],
    t: &embedded_tables::Embedded,
    at: impl Fn(usize) -> Provenance,
) {
    let before = &raw_lines[t.first][..t.open_at];
    if !before.trim().is_empty() {
        push_line(lines, pages, normalise_line(before, at(t.first), MARKUP));
    }
    let html = if t.first == t.last {
        raw_lines[t.first][t.open_at..t.close_end].to_string()
    } else {
        let mut h = raw_lines[t.first][t.open_at..].to_string();
        for l in &raw_lines[t.first + 1..t.last] {
            h.push('\n');
            h.push_str(l);
        }
        h.push('\n');
        h.push_str(&raw_lines[t.last][..t.close_end]);
        h
    };
    for (offset, cells) in embedded_tables::rows(&html) {
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        let row = cells.join("\t");
        let marks = MARKUP | if cells.len() > 1 { TAB } else { 0 };
        push_line(
            lines,
            pages,
            normalise_line(&row, at(t.first + offset), marks),
        );
    }
    let after = &raw_lines[t.last][t.close_end..];
    if !after.trim().is_empty() {
        push_line(lines, pages, normalise_line(after, at(t.last), MARKUP));
    }
}

/// Adds a line, noting a "Page N" stamp on the current page.
fn push_line(lines: &mut Vec<Line>, pages: &mut [PageInfo], line: Line) {
    if let Some(p) = pages.last_mut()
        && let Some(n) = stamp(&line.text)
    {
        p.stamp = Some(n);
    }
    lines.push(line);
}

/// A line holds a tab: it is a table row.
const TAB: u8 = 1;
/// A line holds something [`clean`] would change or a page break: markup characters,
/// form feeds, control whitespace, the lead byte of a no-break space or soft hyphen, a
/// double space. (A `\r` that ends a line is not counted: it is stripped.)
const MARKUP: u8 = 2;

/// [`TAB`] and [`MARKUP`] for each line of the text split at `ends` (its newlines).
///
/// Five vectorised passes over the whole text find them, where four searches per line
/// spent more on starting each search than on searching (issue #3).
fn line_marks(bytes: &[u8], ends: &[usize]) -> Vec<u8> {
    let mut marks = vec![0u8; ends.len() + 1];
    let mut mark = |hits: &mut dyn Iterator<Item = usize>| {
        let mut line = 0;
        for at in hits {
            let mark = match bytes[at] {
                b'\t' => TAB,
                b'\r' if bytes.get(at + 1).is_none_or(|&b| b == b'\n') => continue,
                _ => MARKUP,
            };
            while line < ends.len() && ends[line] < at {
                line += 1;
            }
            marks[line] |= mark;
        }
    };
    mark(&mut memchr::memchr3_iter(b'*', b'[', b'<', bytes));
    mark(&mut memchr::memchr3_iter(b'&', b'\t', b'\r', bytes));
    mark(&mut memchr::memchr3_iter(0x0b, 0x0c, 0xc2, bytes));
    mark(&mut DOUBLE_SPACE.find_iter(bytes));
    mark(&mut memchr::memchr_iter(b'\\', bytes));
    marks
}

/// The page number of a "Page N" stamp line.
fn stamp(text: &str) -> Option<u32> {
    let t = text.trim();
    let n = t
        .strip_prefix("Page ")
        .or_else(|| t.strip_prefix("page "))?;
    n.trim().parse().ok()
}

static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]\n]*)\]\([^)\s]*\)").expect("link regex"));
/// Tags that break a paragraph (a `\n` inside a cell); other inline tags vanish.
const BREAK_TAGS: &[&str] = &["p", "br", "li", "tr", "div", "ul", "ol", "table", "pre"];
const INLINE_TAGS: &[&str] = &[
    "i", "b", "u", "em", "strong", "span", "td", "th", "input", "font", "sup", "sub", "a",
];

/// Removes the HTML tags that PDF-to-text converters leave in text: block tags become
/// `sep`, inline tags vanish, anything else that merely looks like a tag ("<5 years") stays.
fn strip_tags(t: &str, sep: char) -> String {
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt + 1..];
        let Some(gt) = after.find('>') else {
            out.push_str(&rest[lt..]);
            return out;
        };
        let inner = after[..gt].trim_start_matches('/');
        let name_len = inner
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(inner.len());
        let name = inner[..name_len].to_ascii_lowercase();
        if BREAK_TAGS.contains(&name.as_str()) {
            out.push(sep);
        } else if !INLINE_TAGS.contains(&name.as_str()) {
            out.push_str(&rest[lt..lt + 1 + gt + 1]);
        }
        rest = &after[gt + 1..];
    }
    out.push_str(rest);
    out
}

/// Bullet marks that open a list line in converted text.
const BULLETS: &[&str] = &[
    "- ",
    "• ",
    "● ",
    "▪ ",
    "◦ ",
    "* ",
    "· ",
    "\u{f0b7} ",
    "– ",
    "o ",
];
/// The first bytes of the [`BULLETS`] (checked by a test).
const BULLET_LEADS: &[u8] = b"-*o\xc2\xe2\xef";

/// One line of text as a [`Line`]; `marks` says what it holds (see [`line_marks`]).
fn normalise_line(raw: &str, provenance: Provenance, marks: u8) -> Line {
    let mut bold = false;
    let mut bullet = false;
    // Without markup, cleaning is trimming.
    let clean_text = |t: &str, in_cell: bool| {
        if marks & MARKUP == 0 {
            (t.trim().to_string(), false)
        } else {
            clean(t, in_cell)
        }
    };
    if marks & TAB != 0 {
        let cells: Vec<Cell> = raw
            .split('\t')
            .map(|c| Cell::new(clean_text(c, true).0))
            .collect();
        let mut text = String::with_capacity(raw.len());
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                text.push('\t');
            }
            // paragraph breaks inside a cell read as spaces in the row's text
            let mut parts = c.text.split('\n');
            text.push_str(parts.next().unwrap_or_default());
            for p in parts {
                text.push(' ');
                text.push_str(p);
            }
        }
        return Line {
            text,
            cells,
            bold,
            bullet,
            heading: None,
            provenance,
        };
    }
    let mut t = raw.trim_start();
    // "## Decision": a Markdown heading, as `councilpack text` prints an HTML heading.
    let heading = atx_heading(t);
    if let Some((_, rest)) = heading {
        t = rest;
        bold = true;
    }
    if let Some(rest) = strip_bullet(t) {
        bullet = true;
        t = rest;
    }
    let (text, all_bold) = clean_text(t, false);
    bold |= all_bold;
    Line {
        text,
        cells: Vec::new(),
        bold,
        bullet,
        heading: heading.map(|h| h.0),
        provenance,
    }
}

/// A Markdown ATX heading ("## Title"): its level and its text. One to six `#` and a
/// space before a capital or a digit, so "#1 priority" and "# of visits" stay text.
fn atx_heading(t: &str) -> Option<(u8, &str)> {
    let level = t.bytes().take_while(|&b| b == b'#').count();
    let rest = t[level..].strip_prefix(' ')?.trim();
    let rest = rest.trim_end_matches('#').trim_end();
    ((1..=6).contains(&level)
        && rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '•'))
    .then_some((level as u8, rest))
}

/// The text after a leading bullet mark, or `None` when `t` (trimmed at the start)
/// opens with none. Shared with the HTML loader (Word exports print the marks as text) and
/// the PDF loader (bullets are glyphs like any other).
pub(crate) fn strip_bullet(t: &str) -> Option<&str> {
    // Most lines open with none of the marks' first bytes: answer without ten prefix
    // comparisons (issue #3).
    if !t
        .as_bytes()
        .first()
        .is_some_and(|b| BULLET_LEADS.contains(b))
    {
        return None;
    }
    BULLETS.iter().find_map(|b| {
        let rest = t.strip_prefix(b)?;
        // "o " is a bullet only before a capital (Word's "o" list mark)
        (*b != "o " || rest.starts_with(char::is_uppercase)).then(|| rest.trim_start())
    })
}

/// Removes markup; returns the clean text and whether it was wholly bold. `in_cell`
/// keeps paragraph breaks as `\n`. Shared with the HTML loader, whose renderings of
/// converted packs carry the same Markdown leftovers.
pub(crate) fn clean(s: &str, in_cell: bool) -> (String, bool) {
    let trimmed = s.trim();
    // Most lines carry no markup and single spaces: copy them as they are.
    if !needs_cleaning(trimmed) {
        return (trimmed.to_string(), false);
    }
    let all_bold = trimmed.len() > 4
        && trimmed.starts_with("**")
        && trimmed.ends_with("**")
        && trimmed.matches("**").count() == 2;
    let mut t = std::borrow::Cow::Borrowed(trimmed);
    if t.contains("**") {
        t = t.replace("**", "").into();
    }
    if t.contains("](") {
        t = LINK.replace_all(&t, "$1").into_owned().into();
    }
    if t.contains('<') {
        t = strip_tags(&t, if in_cell { '\n' } else { ' ' }).into();
    }
    if t.contains('&') {
        t = decode_entities(&t).into();
    }
    if t.contains('\\') {
        t = unescape_markdown(&t).into();
    }
    (collapse_whitespace(&t), all_bold)
}

/// Markdown's backslash escapes undone: web exports write "1\\." so a number is not read
/// as a list, "\\*" and "\\-" for a literal star or dash. A backslash before anything
/// else (a Windows path) stays.
fn unescape_markdown(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&next) = chars.peek()
            && "\\`*_{}[]()#+-.!|<>~".contains(next)
        {
            continue;
        }
        out.push(c);
    }
    out
}

/// One pass: runs of whitespace become one space, paragraph breaks (`\n`) are kept
/// once, soft hyphens vanish, no-break spaces are spaces; ends are trimmed.
fn collapse_whitespace(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut pending: Option<char> = None;
    // Text between separators is copied a run at a time, not a character at a time, and
    // ASCII bytes are classified without decoding a character: this runs over every
    // line with markup in a converted pack (issue #3).
    let bytes = t.as_bytes();
    let mut run_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (sep, len) = match bytes[i] {
            b'\n' => (Some('\n'), 1),
            b' ' | b'\t' | 0x0b | 0x0c | b'\r' => (Some(' '), 1),
            0..=0x7f => {
                i += 1;
                continue;
            }
            _ => {
                let c = t[i..].chars().next().unwrap_or_default();
                match c {
                    '\u{ad}' => (None, c.len_utf8()),
                    c if c.is_whitespace() => (Some(' '), c.len_utf8()),
                    _ => {
                        i += c.len_utf8();
                        continue;
                    }
                }
            }
        };
        if run_start < i {
            if let Some(p) = pending.take()
                && !out.is_empty()
            {
                out.push(p);
            }
            out.push_str(&t[run_start..i]);
        }
        i += len;
        run_start = i;
        match sep {
            Some('\n') => pending = Some('\n'),
            Some(_) if pending.is_none() => pending = Some(' '),
            _ => {}
        }
    }
    if run_start < t.len() {
        if let Some(p) = pending.take()
            && !out.is_empty()
        {
            out.push(p);
        }
        out.push_str(&t[run_start..]);
    }
    out
}

fn needs_cleaning(s: &str) -> bool {
    // Markup characters, control whitespace, the lead byte 0xC2 of a no-break space or
    // soft hyphen, or a double space. Vectorised byte searches: this runs over every byte
    // of every pack, and a byte-at-a-time loop was a tenth of a text pack's cost (issue #3).
    let b = s.as_bytes();
    memchr::memchr3(b'*', b'[', b'<', b).is_some()
        || memchr::memchr3(b'&', b'\t', b'\r', b).is_some()
        || memchr::memchr3(0x0b, 0x0c, 0xc2, b).is_some()
        || memchr::memchr(b'\\', b).is_some()
        || DOUBLE_SPACE.find(b).is_some()
}

/// A searcher for two spaces, built once (building one costs more than a short search).
static DOUBLE_SPACE: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"  "));

/// The entities converters leave in text, and what they stand for.
const ENTITIES: &[(&str, &str)] = &[
    ("&nbsp;", " "),
    ("&lt;", "<"),
    ("&gt;", ">"),
    ("&quot;", "\""),
    ("&#39;", "'"),
    ("&rsquo;", "’"),
    ("&lsquo;", "‘"),
    ("&ndash;", "–"),
    ("&pound;", "£"),
    ("&amp;", "&"),
];

/// Decodes [`ENTITIES`] in one pass; an `&` that starts none of them stays as it is, and
/// decoded text is not decoded again ("&amp;lt;" → "&lt;").
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) {
            Some((e, to)) => {
                out.push_str(to);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullet_leads_are_the_first_bytes_of_the_bullets() {
        for b in BULLETS {
            assert!(BULLET_LEADS.contains(&b.as_bytes()[0]), "{b:?}");
        }
    }

    #[test]
    fn markdown_and_html_are_removed() {
        let d = parse(
            "1. **FILMING AT MEETINGS**\n- a. Done **(Action: Eubert Malcom).**\nWatch it [Here](#)\n",
        );
        assert_eq!(d.lines.len(), 3);
        assert_eq!(d.lines[0].text, "1. FILMING AT MEETINGS");
        assert!(!d.lines[0].bold, "only part of the line is bold");
        assert!(d.lines[1].bullet);
        assert_eq!(d.lines[1].text, "a. Done (Action: Eubert Malcom).");
        assert_eq!(d.lines[2].text, "Watch it Here");
    }

    /// Issue #5: `councilpack text` prints an HTML heading as "## Title"; read back, it
    /// is the same line with its level.
    #[test]
    fn markdown_headings_keep_their_level() {
        let d = parse("## Decision details\n# of visits\n#1 priority\n### 21. Apologies ###\n");
        let got: Vec<(&str, Option<u8>)> = d
            .lines
            .iter()
            .map(|l| (l.text.as_str(), l.heading))
            .collect();
        assert_eq!(
            got,
            [
                ("Decision details", Some(2)),
                ("# of visits", None),
                ("#1 priority", None),
                ("21. Apologies", Some(3)),
            ]
        );
        assert!(d.lines[0].bold);
    }

    /// Issue #12: an HTML table left as markup in Markdown is a line per row, its cells
    /// tab-separated, each row's provenance the input line it is on.
    #[test]
    fn embedded_html_tables_are_rows_of_cells() {
        let doc = parse(
            "Notes\n<table><tr><td><b>Date held:</b></td><td>3rd May</td></tr>\n<tr><td>Ann Bee</td><td>Clerk</td></tr></table> after\nEnd\n",
        );
        let got: Vec<(&str, usize, Option<u32>)> = doc
            .lines
            .iter()
            .map(|l| {
                (
                    l.text.as_str(),
                    l.cells.len(),
                    l.provenance.line.map(|n| n.get()),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Notes", 0, Some(1)),
                ("Date held:\t3rd May", 2, Some(2)),
                ("Ann Bee\tClerk", 2, Some(3)),
                ("after", 0, Some(3)),
                ("End", 0, Some(4)),
            ]
        );
    }

    #[test]
    fn cells_keep_paragraphs() {
        let d = parse("Members\t<p>Cllr A (Chair)</p> <p>B &amp; C</p>\t");
        assert_eq!(d.lines[0].cells.len(), 3);
        assert_eq!(d.lines[0].cells[1].text, "Cllr A (Chair)\nB & C");
        assert_eq!(d.lines[0].text, "Members\tCllr A (Chair) B & C\t");
    }

    /// Issue #12: markdown exports escape list numbers and stars.
    #[test]
    fn markdown_escapes_are_undone() {
        let doc = parse("1\\. Apologies\n\\* a point \\- with a dash\nC:\\Users\\clerk\n");
        let texts: Vec<&str> = doc.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts[0], "1. Apologies");
        assert_eq!(texts[1], "* a point - with a dash");
        assert_eq!(texts[2], "C:\\Users\\clerk");
    }

    #[test]
    fn tags_that_are_not_markup_stay() {
        assert_eq!(
            strip_tags("a <5 years> b <i>c</i><br/>d", ' '),
            "a <5 years> b c d"
        );
        assert_eq!(strip_tags("x <unclosed", ' '), "x <unclosed");
    }

    #[test]
    fn form_feeds_make_pages() {
        let d = parse("one\ntwo\u{c}three\nPage 2\n");
        assert_eq!(d.page_count(), Some(2));
        assert_eq!(d.lines[2].text, "three");
        assert_eq!(d.lines[2].provenance.page.map(OneIndexed::get), Some(2));
        assert_eq!(d.pages[1].stamp, Some(2));
        assert_eq!(d.lines[0].provenance.page.map(OneIndexed::get), Some(1));
    }

    #[test]
    fn no_form_feed_no_pages() {
        let d = parse("a\nb");
        assert_eq!(d.page_count(), None);
        assert_eq!(d.lines[1].provenance.line.map(OneIndexed::get), Some(2));
    }

    #[test]
    fn windows_1252_is_decoded_with_a_warning() {
        let loaded = load(Path::new("x.txt"), b"Caf\xe9 \x96 \xa3100\n").unwrap();
        assert_eq!(loaded.doc.lines[0].text, "Café – £100");
        assert_eq!(loaded.warnings[0].code, "decoded-as-windows-1252");
    }

    #[test]
    fn entities_are_decoded_once() {
        assert_eq!(
            decode_entities("B &amp; C &lt;5&gt; &nbsp;x"),
            "B & C <5>  x"
        );
        assert_eq!(decode_entities("&amp;lt; & &foo; &"), "&lt; & &foo; &");
        assert_eq!(decode_entities("Ward&rsquo;s &pound;5"), "Ward’s £5");
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            load(Path::new("x.txt"), b"ab\0cd"),
            Err(LoadError::Binary { .. })
        ));
        let noise: Vec<u8> = (0..200u8).map(|i| i % 8).collect();
        assert!(matches!(
            load(Path::new("x.txt"), &noise),
            Err(LoadError::Binary { .. })
        ));
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            /// Every line points into the input: line numbers are 1-based, never beyond
            /// the input's line count, and never go backwards; prose has no runs of spaces.
            #[test]
            fn provenance_and_whitespace(text in "([a-zA-Z*<>&\\[\\]()#. \t\u{c}\u{a0}\u{ad}-]{0,12}\n?){0,12}") {
                let doc = parse(&text);
                let max = text.split('\n').count() as u32;
                let mut last = 0;
                for line in &doc.lines {
                    let n = line.provenance.line.expect("text lines have numbers").get();
                    prop_assert!(n >= 1 && n <= max, "line {} of {}", n, max);
                    prop_assert!(n >= last);
                    last = n;
                    if !line.is_row() {
                        prop_assert!(!line.text.contains("  "), "{:?}", line.text);
                        prop_assert!(!line.text.contains('\t'));
                        prop_assert_eq!(line.text.trim(), line.text.as_str());
                    }
                    match line.provenance.page {
                        Some(p) => prop_assert!(p.get() as usize <= doc.pages.len()),
                        None => prop_assert!(doc.pages.is_empty()),
                    }
                }
            }

            /// Copying runs of text gives what a character-by-character pass gives.
            #[test]
            fn collapse_whitespace_by_runs(text in "[a-zé’ \t\n\u{a0}\u{ad}\u{2003}]{0,24}") {
                let mut expected = String::new();
                let mut pending: Option<char> = None;
                for c in text.chars() {
                    match c {
                        '\u{ad}' => {}
                        '\n' => pending = Some('\n'),
                        c if c.is_whitespace() => {
                            pending.get_or_insert(' ');
                        }
                        c => {
                            if let Some(p) = pending.take()
                                && !expected.is_empty()
                            {
                                expected.push(p);
                            }
                            expected.push(c);
                        }
                    }
                }
                prop_assert_eq!(collapse_whitespace(&text), expected);
            }

            /// A line the whole-text scan finds nothing to clean in reads the same as one
            /// put through the full cleaning.
            #[test]
            fn unmarked_lines_need_no_cleaning(line in "[a-zA-Z*<>&\\[\\]#•o. \t\r\u{b}\u{a0}\u{ad}-]{0,16}") {
                let marks = line_marks(line.as_bytes(), &[])[0];
                let full = MARKUP | if line.contains('\t') { TAB } else { 0 };
                let raw = line.strip_suffix('\r').unwrap_or(&line);
                prop_assert_eq!(
                    normalise_line(raw, Provenance::default(), marks),
                    normalise_line(raw, Provenance::default(), full)
                );
            }
        }
    }
}
