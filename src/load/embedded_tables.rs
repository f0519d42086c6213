//! HTML tables left as markup inside text: a WordPress export's Markdown keeps a minutes
//! table as one `<table>…</table>` run, often on a single line, where stripping the tags
//! would run every cell into the next ("Date held:10th August 2012Venue:All Saints").
//!
//! [`find`] locates such a table in the text's lines and [`rows`] reads it with `scraper`
//! into rows of cell texts, so the text loader can give each row a line of its own with
//! tab-separated cells, as a table is everywhere else in the model.

use scraper::{ElementRef, Html, Selector};
use std::sync::LazyLock;

/// Most source lines one embedded table may span before it is taken for stray markup.
const MAX_TABLE_LINES: usize = 2_000;

static ROW: LazyLock<Selector> = LazyLock::new(|| Selector::parse("tr").expect("tr selector"));

/// An embedded table: its source lines `first..=last`, the bytes of the first line before
/// `<table` and of the last line after `</table>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Embedded {
    /// Index of the line that opens the table.
    pub first: usize,
    /// Index of the line that closes it.
    pub last: usize,
    /// Byte offset of `<table` in the first line.
    pub open_at: usize,
    /// Byte offset just after `</table>` in the last line.
    pub close_end: usize,
}

/// The table that opens on line `i` of `lines`, if `<table` is there and `</table>`
/// closes it within `MAX_TABLE_LINES` lines (2,000).
pub fn find(lines: &[&str], i: usize) -> Option<Embedded> {
    let open_at = find_ci(lines[i], "<table")?;
    let end = (i + MAX_TABLE_LINES).min(lines.len());
    for (j, line) in lines.iter().enumerate().take(end).skip(i) {
        let from = if j == i { open_at } else { 0 };
        if let Some(at) = find_ci(&line[from..], "</table>") {
            return Some(Embedded {
                first: i,
                last: j,
                open_at,
                close_end: from + at + "</table>".len(),
            });
        }
    }
    None
}

/// The rows of the table markup `html`: each row's cell texts, whitespace collapsed, and
/// the index (0-based, within `html`) of the line its `<tr` starts on.
pub fn rows(html: &str) -> Vec<(usize, Vec<String>)> {
    let fragment = Html::parse_fragment(html);
    let starts = row_lines(html);
    fragment
        .select(&ROW)
        .enumerate()
        .map(|(k, tr)| {
            let cells = tr
                .children()
                .filter_map(ElementRef::wrap)
                .filter(|c| matches!(c.value().name(), "td" | "th"))
                .map(|c| collapse(&c.text().collect::<String>()))
                .collect();
            (starts.get(k).copied().unwrap_or(0), cells)
        })
        .collect()
}

/// The line index of each `<tr` in `html`, in order.
fn row_lines(html: &str) -> Vec<usize> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut line = 0;
    let mut last = 0;
    for (at, _) in lower.match_indices("<tr") {
        let next = lower.as_bytes().get(at + 3).copied();
        if !matches!(next, Some(b'>' | b' ' | b'\t' | b'\n' | b'\r')) {
            continue;
        }
        line += html.as_bytes()[last..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        last = at;
        out.push(line);
    }
    out
}

/// Whitespace (the no-break space too) collapsed to single spaces, trimmed.
fn collapse(t: &str) -> String {
    t.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Byte offset of `needle` (ASCII) in `hay`, ignoring ASCII case.
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    hay.as_bytes()
        .windows(n)
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_one_line_table_gives_its_rows_and_cells() {
        let lines = [
            "Intro",
            "x <TABLE border=0><tr><td><strong>Date held:</strong></td><td>3rd May&nbsp;2012</td></tr><tr><td>Present:</td><td>Ann Bee (AB)</td></tr></table> y",
        ];
        let t = find(&lines, 1).unwrap();
        assert_eq!((t.first, t.last), (1, 1));
        let html = &lines[1][t.open_at..t.close_end];
        let rows = rows(html);
        assert_eq!(
            rows,
            [
                (
                    0,
                    vec!["Date held:".to_string(), "3rd May 2012".to_string()]
                ),
                (0, vec!["Present:".to_string(), "Ann Bee (AB)".to_string()]),
            ]
        );
        assert_eq!(&lines[1][t.close_end..], " y");
        assert_eq!(find(&lines, 0), None);
    }

    #[test]
    fn a_table_over_lines_gives_each_row_its_line() {
        let lines = [
            "<table>",
            "<tr><td>A</td></tr>",
            "<tr>",
            "<td>B</td><td>C</td></tr>",
            "</table>",
        ];
        let t = find(&lines, 0).unwrap();
        assert_eq!((t.first, t.last), (0, 4));
        let html = lines.join("\n");
        assert_eq!(
            rows(&html),
            [
                (1, vec!["A".to_string()]),
                (2, vec!["B".to_string(), "C".to_string()])
            ]
        );
        // no closing tag: not a table
        assert_eq!(find(&["<table>", "<tr><td>A</td></tr>"], 0), None);
    }
}
