//! Finds each set of printed minutes and its minute items.
//!
//! Takes the minutes segments and returns [`MinutesBlock`]s: the meeting recorded (body,
//! date, time, end time), the line range before the first item (where attendance is
//! written), and the numbered minute items with their line ranges. Attendees,
//! resolutions and actions are read by their own extractors from these blocks.

use std::collections::HashSet;
use std::ops::Range;

use crate::extract::dates;
use crate::model::{Document, Line, Provenance};
use crate::pack::{MinuteItem, SegmentKind};
use crate::rules::{Pattern, Patterns, RuleSet};
use crate::segment::Span;

crate::rule_section! {
    /// Minutes headings, minute items and page furniture of printed minutes.
    pub struct MinutesRules / RawMinutesRules {
        /// A minute heading with `number` and `title` groups.
        item: Patterns,
        /// Lines that read like a numbered heading and are not one: a date on a line
        /// of its own ("24 SEPTEMBER 2009") under the committee's name.
        not_item: Patterns,
        /// The agenda reference under an unnumbered minute heading ("Apologies and
        /// Substitutes" over "(Item 1)"): a `number` group. Minutes that print two or
        /// more take their items from them, not from numbered paragraphs.
        item_ref: Pattern,
        /// Headings repeated on every page of printed minutes.
        running_header: Patterns,
        /// The column-header row of minutes printed as a table.
        table_header: Pattern,
        /// The header cell of that table's "Action by" / "Owner" column.
        action_column: Pattern,
        /// Lines that end the minutes (signature block, "The meeting ended at").
        end: Patterns,
        /// The minutes title, with a `body` group.
        title: Pattern,
        /// Heading lines whose date is not the meeting's ("to be approved at the meeting
        /// to be held on …"): skipped when reading the date and time.
        heading_skip: Patterns,
        /// "The meeting ended at 4.05 pm": a `time` group.
        end_time: Pattern,
        /// A labelled line naming the body whose decisions are recorded, with a `body`
        /// group: "Decision Maker: Cabinet", "Meeting: Planning Committee". Read before
        /// the first minute item; it wins over heading lines that merely name a body.
        /// Decision notices print their facts this way, not in a title (issue #5).
        body_label: Patterns,
        /// A label whose line gives the date of the meeting or decision recorded
        /// ("Date of decision: 12/03/2024", "Meeting date\t5 May 2024"): the date
        /// after it, read before the first minute item, wins over the heading's.
        date_label: Patterns,
    }
}

/// A numbered minute item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemSpan {
    /// Number as printed, without trailing punctuation.
    pub number: String,
    /// Heading text.
    pub title: String,
    /// Text run on after the heading on its own line ("Police Report: Attached."),
    /// read as the item's first paragraph.
    pub inline: Option<String>,
    /// Index of the heading line.
    pub heading: usize,
    /// The item's lines, heading included (0-based, end exclusive).
    pub lines: Range<usize>,
    /// Where the heading is.
    pub provenance: Provenance,
}

impl ItemSpan {
    /// The item number facts read in this part are filed under; `None` for the
    /// unnumbered part of [`MinutesBlock::parts`].
    pub fn item(&self) -> Option<String> {
        (!self.number.is_empty()).then(|| self.number.clone())
    }

    /// The output form.
    pub fn to_item(&self) -> MinuteItem {
        MinuteItem {
            number: self.number.clone(),
            title: self.title.clone(),
            provenance: self.provenance,
        }
    }
}

/// One set of printed minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinutesBlock {
    /// All lines of the minutes (0-based, end exclusive).
    pub lines: Range<usize>,
    /// Lines between the heading and the first item: where "Present:" lists sit.
    pub preamble: Range<usize>,
    /// The minute items in order.
    pub items: Vec<ItemSpan>,
    /// Lines that are page furniture (repeated headings, column headers): skip them.
    pub noise: HashSet<usize>,
    /// For minutes printed as a table: the 0-based column of "Action by", if any.
    pub action_column: Option<usize>,
    /// The action column is a margin beside prose (`has_margin`), not a table's
    /// header: only two-cell rows carry a note in it.
    pub action_margin: bool,
    /// The body whose meeting is recorded.
    pub body: Option<String>,
    /// ISO date of the meeting recorded.
    pub date: Option<String>,
    /// Start time.
    pub time: Option<String>,
    /// End time.
    pub end_time: Option<String>,
    /// Venue, when printed.
    pub location: Option<String>,
    /// Where the heading is.
    pub provenance: Provenance,
}

impl MinutesBlock {
    /// The lines of `range` that are content (not page furniture), with their indices.
    pub fn content<'d>(
        &'d self,
        doc: &'d Document,
        range: Range<usize>,
    ) -> impl Iterator<Item = (usize, &'d Line)> + 'd {
        range
            .filter(|i| !self.noise.contains(i))
            .filter_map(move |i| doc.lines.get(i).map(|l| (i, l)))
    }

    /// The parts decisions and actions are read in: the minute items, or for a record
    /// with none (a decision notice, minutes without numbered headings) the whole
    /// record after its heading as one unnumbered part (issue #5).
    pub fn parts(&self) -> std::borrow::Cow<'_, [ItemSpan]> {
        if !self.items.is_empty() {
            return std::borrow::Cow::Borrowed(&self.items);
        }
        std::borrow::Cow::Owned(vec![ItemSpan {
            number: String::new(),
            title: String::new(),
            inline: None,
            heading: self.lines.start,
            lines: self.lines.clone(),
            provenance: self.provenance,
        }])
    }

    /// The item that line `index` falls in.
    pub fn item_at(&self, index: usize) -> Option<&ItemSpan> {
        self.items.iter().find(|it| it.lines.contains(&index))
    }
}

/// Lines after a minutes heading that may still carry its date and time.
const HEADING_LINES: usize = 4;

/// Written lines searched for the meeting's date when the heading gives none.
const DATE_LINES: usize = 12;

/// Every set of minutes in the document.
pub fn find(doc: &Document, spans: &[Span], rules: &RuleSet) -> Vec<MinutesBlock> {
    spans
        .iter()
        .filter(|s| s.kind == SegmentKind::Minutes)
        .map(|s| block(doc, s, rules))
        .collect()
}

fn block(doc: &Document, span: &Span, rules: &RuleSet) -> MinutesBlock {
    let r = &rules.minutes;
    let start = span.lines.start;
    // The heading's first few written lines, up to the attendance list; blank lines and
    // lines about another meeting ("to be held on …") do not count.
    let heading_lines: Vec<&str> = doc.lines[start..span.lines.end]
        .iter()
        .map(|l| l.text.trim())
        .filter(|t| !t.is_empty())
        .take(HEADING_LINES)
        .take_while(|t| !rules.attendees.present.is_match(t))
        .enumerate()
        .filter(|(k, t)| *k == 0 || !r.heading_skip.is_match(head(t)))
        .map(|(_, t)| t)
        .collect();
    let heading_text = heading_lines
        .iter()
        .filter(|t| !r.heading_skip.is_match(head(t)))
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let first = &doc.lines[start].text;
    // The body named in the title ("Minutes of the Cabinet held on …") when it names one
    // ("Minutes of the meeting held on …" does not); else a heading line that names one,
    // after the title or just above it (letterheads print the body over "MINUTES").
    let names_body = |t: &str| rules.meeting.body_words.is_match(t) && t.len() <= 120;
    let above = doc.lines[start.saturating_sub(HEADING_LINES)..start]
        .iter()
        .rev()
        .map(|l| l.text.trim())
        .filter(|t| !t.is_empty());
    let body = r
        .title
        .captures(first)
        .and_then(|c| c.name("body"))
        .map(|b| b.as_str())
        .filter(|b| names_body(b))
        .map(tidy_body)
        .or_else(|| {
            labelled(doc, start..span.lines.end, &r.body_label, r)
                .and_then(|(c, _)| c.name("body").map(|b| tidy_body(b.as_str())))
        })
        .or_else(|| {
            // a later heading line may itself be a titled one: a web page's "Minutes"
            // over "Minutes of the meeting of the Licensing Committee held on …" (#5)
            heading_lines
                .iter()
                .skip(1)
                .copied()
                .chain(above)
                .find_map(|t| {
                    r.title
                        .captures(t)
                        .and_then(|c| c.name("body"))
                        .map(|b| b.as_str())
                        .filter(|b| names_body(b))
                        .or_else(|| names_body(t).then_some(t))
                })
                .map(tidy_body)
        })
        // minutes without a "Minutes" title open with the body's name ("AUDIT COMMITTEE"
        // over the date and "PRESENT:")
        .or_else(|| {
            let t = first.trim();
            (names_body(t) && !r.title.is_match(t) && dates::find_date(t, &rules.common).is_none())
                .then(|| tidy_body(t))
        });
    let date = labelled(doc, start..span.lines.end, &r.date_label, r)
        .and_then(|(c, text)| dates::find_date(&text[c.get(0)?.end()..], &rules.common))
        .or_else(|| own_date(&heading_text, rules))
        // a title line above "MINUTES of the meeting held in …" ("PANEL – 10th December")
        .or_else(|| {
            doc.lines[start.saturating_sub(2)..start]
                .iter()
                .rev()
                .map(|l| l.text.trim())
                .filter(|t| !t.is_empty() && t.len() <= 120)
                .find_map(|t| own_date(t, rules))
        });
    let (time, mut end_time) = dates::time_range(&heading_text, &rules.common);

    let mut noise = HashSet::new();
    let mut action_column = None;
    let mut end = span.lines.end;
    let mut seen_item = false;
    for i in start + 1..span.lines.end {
        let line = &doc.lines[i];
        if line.text.trim() == first.trim() || r.running_header.is_match(&line.text) {
            noise.insert(i);
        }
        if line.is_row() && r.table_header.is_match(&line.text) {
            noise.insert(i);
            action_column = line
                .cells
                .iter()
                .position(|c| r.action_column.is_match(&c.text));
        }
        if let Some(c) = r.end_time.captures(&line.text) {
            end_time = end_time.or_else(|| {
                dates::find_times(&c["time"], &rules.common)
                    .first()
                    .map(|t| t.0.clone())
            });
        }
        // A signature line ("Councillor Jo Bloggs", "Chair") closes the minutes only after
        // the first minute item: before it, such lines are the attendance list.
        if !seen_item && !noise.contains(&i) {
            seen_item = item_heading(line, r).is_some();
        }
        if seen_item && r.end.is_match(&line.text) && i > start + 1 {
            end = i + 1;
            break;
        }
    }
    let mut items = items(doc, start + 1..end, &noise, r);
    // "1. Present: …" / "1. Those attending: …": parish minutes number their attendance
    // record as the first item; it belongs to the preamble, where attendance is read.
    let attendance_items = items
        .iter()
        .take_while(|it| {
            let t = format!("{}:", it.title);
            rules.attendees.present.is_match(&t) || rules.attendees.in_attendance.is_match(&t)
        })
        .count();
    let preamble_end = items.get(attendance_items).map_or(end, |it| it.heading);
    items.drain(..attendance_items);
    let margin = action_column.is_none()
        && has_margin(doc, items.first().map_or(end, |it| it.heading)..end, &noise);
    let action_column = if margin { Some(1) } else { action_column };
    // The date on a later line of the heading or the preamble ("… held at the Village
    // Hall" over "Tuesday February 2nd 2010"), or in the first item when the heading
    // gives none; lines about another meeting do not count.
    let date = date
        .or_else(|| {
            doc.lines[start..end]
                .iter()
                .take((preamble_end - start).max(DATE_LINES))
                .map(|l| l.text.trim())
                .filter(|t| !t.is_empty())
                .take(DATE_LINES)
                .find_map(|t| own_date(t, rules))
        })
        // a web export's title ("Minutes Tuesday 2nd September 2014") when the text
        // itself gives no date
        .or_else(|| {
            doc.lines[..crate::segment::front_matter_end(doc)]
                .iter()
                .filter_map(|l| l.text.trim().strip_prefix("title:"))
                .find_map(|t| own_date(t, rules))
        });
    let time = time.or_else(|| {
        doc.lines[start..preamble_end.min(start + DATE_LINES)]
            .iter()
            .map(|l| head(l.text.trim()))
            .filter(|t| !r.heading_skip.is_match(t))
            .find_map(|t| dates::time_range(t, &rules.common).0)
    });
    MinutesBlock {
        lines: start..end,
        preamble: start..preamble_end,
        items,
        noise,
        action_column,
        action_margin: margin,
        body,
        date,
        time,
        end_time,
        location: None,
        provenance: doc.lines[start].provenance,
    }
}

/// Rows that must end in a short margin note before the minutes count as having an
/// owner margin.
const MARGIN_ROWS: usize = 3;

/// Words a paragraph's text needs, and a margin note may have at most, for a row to be
/// a paragraph with a note in the margin.
const MARGIN_TEXT_WORDS: usize = 6;
const MARGIN_NOTE_WORDS: usize = 4;

/// Community minutes print who acts in a right-hand margin beside the paragraph ("…
/// before the next meeting.⇥Clerk", "…⇥Noted"): with no "Action by" header, the margin
/// is the second of two-cell rows whose first cell is prose and second a short note,
/// when enough rows after the first item look so.
fn has_margin(doc: &Document, lines: Range<usize>, noise: &HashSet<usize>) -> bool {
    let rows = lines
        .filter(|i| !noise.contains(i))
        .filter_map(|i| doc.lines.get(i))
        .filter(|l| {
            let cells = l.filled_cells();
            l.is_row()
                && cells.len() == 2
                && l.cells.len() == 2
                && cells[0].split_whitespace().count() >= MARGIN_TEXT_WORDS
                && cells[1].split_whitespace().count() <= MARGIN_NOTE_WORDS
                && cells[1].starts_with(char::is_uppercase)
        })
        .count();
    rows >= MARGIN_ROWS
}

/// The bytes of a heading line read for the meeting's date and time: a whole document
/// run into one line names other meetings further on.
const HEAD_BYTES: usize = 600;

/// The first [`HEAD_BYTES`] of a line.
fn head(t: &str) -> &str {
    crate::model::head(t, HEAD_BYTES)
}

/// How far before a date its clause is read for words that make it another meeting's.
const DATE_CONTEXT_BYTES: usize = 40;

/// The first date in the head of `text` that is the meeting's own: one whose clause does
/// not say it is another meeting's ("minutes of the meeting held on …", "next meeting").
fn own_date(text: &str, rules: &RuleSet) -> Option<String> {
    let text = head(text);
    dates::find_dates(text, &rules.common)
        .into_iter()
        .find(|(_, at)| {
            let from = text[..*at].floor_char_boundary(at.saturating_sub(DATE_CONTEXT_BYTES));
            let before = &text[from..*at];
            // the clause the date is in: after the last sentence break before it
            let clause = before.rfind(". ").map_or(before, |k| &before[k + 2..]);
            !rules.minutes.heading_skip.is_match(clause)
        })
        .map(|(d, _)| d)
}

/// Lines searched for labelled fields (a decision notice prints its date last).
const LABEL_LINES: usize = 120;

/// The first line before the first minute item that a `labels` pattern matches: the
/// captures and the line's text.
fn labelled<'d>(
    doc: &'d Document,
    lines: Range<usize>,
    labels: &Patterns,
    r: &MinutesRules,
) -> Option<(regex::Captures<'d>, &'d str)> {
    for line in doc.lines[lines].iter().take(LABEL_LINES) {
        let text = line.text.trim();
        if let Some(c) = labels.captures(text) {
            return Some((c, text));
        }
        if item_heading(line, r).is_some() {
            break;
        }
    }
    None
}

fn tidy_body(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let shouty = words.iter().all(|w| !w.chars().any(char::is_lowercase));
    words
        .iter()
        .map(|w| {
            if !shouty || w.len() <= 1 || ["&", "-"].contains(w) {
                return w.to_string();
            }
            let lower = w.to_lowercase();
            if ["of", "and", "for", "the", "on", "in"].contains(&lower.as_str()) {
                return lower;
            }
            // "(HOUSING)" → "(Housing)": the first letter, after any bracket
            let at = lower.find(char::is_alphabetic).unwrap_or(0);
            let (head, tail) = lower.split_at(at);
            let mut c = tail.chars();
            let first: String = c
                .next()
                .map(|f| f.to_uppercase().collect())
                .unwrap_or_default();
            format!("{head}{first}{}", c.as_str())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A minute heading candidate on one line: number and title.
fn heading(line: &Line, r: &MinutesRules) -> Option<(String, String)> {
    if line.bullet {
        return None;
    }
    // Minutes printed as a table: number in the first cell, heading in the second.
    if line.is_row() {
        let cells = line.filled_cells();
        if line.cells[0].text.trim().is_empty() || cells.len() < 2 {
            return None;
        }
        let joined = format!("{} {}", cells[0], cells[1]);
        let c = r.item.captures(&joined)?;
        let number = c
            .name("number")?
            .as_str()
            .trim_end_matches(['.', ':'])
            .to_string();
        if number != cells[0].trim_end_matches(['.', ':']) {
            return None;
        }
        return Some((number, cells[1].to_string()));
    }
    if r.not_item.is_match(line.text.trim()) {
        return None;
    }
    let c = r.item.captures(line.text.trim())?;
    let number = c
        .name("number")?
        .as_str()
        .trim_end_matches(['.', ':'])
        .to_string();
    let title = c
        .name("title")?
        .as_str()
        .trim()
        .trim_matches('*')
        .trim()
        .to_string();
    Some((number, title))
}

/// Whether a title reads like a heading rather than the first sentence of a paragraph.
pub fn heading_like(title: &str) -> bool {
    let words = title.split_whitespace().count();
    let letters: Vec<char> = title.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    let shouty = !letters.is_empty() && upper * 10 >= letters.len() * 8;
    let ends_sentence = title.trim_end().ends_with(['.', ';', ',']) && !shouty;
    letters.len() >= 2 && !ends_sentence && (shouty && words <= 40 || words <= 12)
}

/// The most words of a heading that runs on into its text after a colon or dash.
const RUN_ON_HEADING_WORDS: usize = 10;

/// A minute heading on one line: number, title, and the text that runs on after the
/// title on the same line ("2647. Approval of minutes: Approved & signed as correct."),
/// as parish and community minutes write.
pub fn item_heading(line: &Line, r: &MinutesRules) -> Option<(String, String, Option<String>)> {
    let (number, title) = heading(line, r)?;
    if item_like(line, &title) {
        return Some((number, title, None));
    }
    if line.is_row() {
        return None;
    }
    let (head, rest) = run_on(&title)?;
    let words = head.split_whitespace().count();
    (words <= RUN_ON_HEADING_WORDS && heading_like(head))
        .then(|| (number, head.to_string(), Some(rest.to_string())))
}

/// Splits "Title: text" or "Title – text" at the first colon or spaced dash.
fn run_on(title: &str) -> Option<(&str, &str)> {
    let at = [": ", ":- ", " – ", " - ", " — "]
        .iter()
        .filter_map(|sep| title.find(sep).map(|i| (i, sep.len())))
        .min_by_key(|(i, _)| *i)?;
    let (head, rest) = (title[..at.0].trim(), title[at.0 + at.1..].trim());
    (!head.is_empty() && !rest.is_empty()).then_some((head, rest))
}

/// Whether a numbered line is a minute heading: one its source marks as a heading
/// (an HTML `h3`, issue #5) whatever its length or full stop, else one that reads like
/// a heading.
fn item_like(line: &Line, title: &str) -> bool {
    line.heading.is_some() || heading_like(title)
}

/// Splits a minute or item number into its prefix and its running number.
pub fn numeric(number: &str) -> Option<(String, u32)> {
    // "HSP19" → ("HSP", 19); "23/45" → ("23/", 45); "125" → ("", 125)
    let split = number
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    let (prefix, digits) = number.split_at(split);
    digits.parse().ok().map(|n| (prefix.to_string(), n))
}

/// Most words in the heading line above an "(Item N)" reference.
const REF_HEADING_WORDS: usize = 16;

/// Minute items marked by agenda references: each "(Item N)" line under an unnumbered
/// heading line; empty when the minutes print fewer than two.
fn referenced_items(
    doc: &Document,
    range: Range<usize>,
    noise: &HashSet<usize>,
    r: &MinutesRules,
) -> Vec<ItemSpan> {
    let mut out: Vec<ItemSpan> = Vec::new();
    for i in range.clone() {
        if noise.contains(&i) {
            continue;
        }
        let Some(c) = r.item_ref.captures(doc.lines[i].text.trim()) else {
            continue;
        };
        let Some(h) = (range.start..i).rev().find(|&k| !doc.lines[k].is_blank()) else {
            continue;
        };
        let title = doc.lines[h].text.trim();
        if title.split_whitespace().count() > REF_HEADING_WORDS
            || title.ends_with(['.', ';', ','])
            || out.last().is_some_and(|p| p.heading >= h)
        {
            continue;
        }
        out.push(ItemSpan {
            number: c["number"].to_string(),
            title: title.to_string(),
            inline: None,
            heading: h,
            lines: h..range.end,
            provenance: doc.lines[h].provenance,
        });
    }
    if out.len() < 2 {
        return Vec::new();
    }
    for k in 1..out.len() {
        out[k - 1].lines.end = out[k].heading;
    }
    out
}

fn items(
    doc: &Document,
    range: Range<usize>,
    noise: &HashSet<usize>,
    r: &MinutesRules,
) -> Vec<ItemSpan> {
    let referenced = referenced_items(doc, range.clone(), noise, r);
    if !referenced.is_empty() {
        return referenced;
    }
    let mut out: Vec<ItemSpan> = Vec::new();
    for i in range.clone() {
        if noise.contains(&i) {
            continue;
        }
        let line = &doc.lines[i];
        let Some((number, title, inline)) = item_heading(line, r) else {
            continue;
        };
        // Minute numbers run in sequence; a number out of step is a numbered paragraph.
        if let Some(prev) = out.last() {
            match (numeric(&prev.number), numeric(&number)) {
                (Some((pp, pn)), Some((p, n))) if pp == p && n > pn && n <= pn + 6 => {}
                (Some((pp, _)), Some((p, _))) if pp != p && !p.is_empty() && !pp.is_empty() => {}
                _ => continue,
            }
        }
        out.push(ItemSpan {
            number,
            title,
            inline,
            heading: i,
            lines: i..range.end,
            provenance: line.provenance,
        });
    }
    for k in 1..out.len() {
        let next = out[k].heading;
        out[k - 1].lines.end = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing;
    use crate::segment::segment;

    /// The item numbers of a block, in order.
    fn item_numbers(b: &MinutesBlock) -> Vec<&str> {
        b.items.iter().map(|i| i.number.as_str()).collect()
    }

    fn blocks(text: &str) -> Vec<MinutesBlock> {
        let book = crate::extract::testing::book();
        let doc = Document::from_plain_text(text);
        let spans = segment(&doc, &book.default);
        find(&doc, &spans, &book.default)
    }

    /// Issue #5: a decision record prints body and date as labelled fields, the date
    /// of decision after the date of publication; a row of a label/value table counts.
    #[test]
    fn labelled_body_and_date() {
        let b = blocks(
            "Decision details\n\nHRA Business Plan\n\nDecision Maker: Cabinet\n\nDecision:\n\nCabinet RESOLVED:\na. To approve the plan.\n\nPublication date: 14/03/2024\n\nDate of decision: 12/03/2024\n",
        );
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].body.as_deref(), Some("Cabinet"));
        assert_eq!(b[0].date.as_deref(), Some("2024-03-12"));
        assert!(b[0].items.is_empty());
        assert_eq!(b[0].parts().len(), 1);
        assert_eq!(b[0].parts()[0].item(), None);
        let b = blocks(
            "Record of Officer Decision\nDecision taker\tDirector of Place\nDate of decision\t5 June 2024\n",
        );
        assert_eq!(b[0].body.as_deref(), Some("Director of Place"));
        assert_eq!(b[0].date.as_deref(), Some("2024-06-05"));
    }

    /// Issue #5: a numbered line the source marks as a heading is a minute heading even
    /// when it ends in a full stop; the same line as a paragraph is not.
    #[test]
    fn source_headings_are_minute_headings() {
        let text = "Minutes of the meeting of the Licensing Committee held on 20 February 2024\n21. Apologies\nNone.\n22. Review of the licensing policy and the cumulative impact assessment.\nText.\n";
        let numbers = |doc: &Document| -> Vec<String> {
            let book = crate::extract::testing::book();
            let spans = segment(doc, &book.default);
            find(doc, &spans, &book.default)[0]
                .items
                .iter()
                .map(|i| i.number.clone())
                .collect()
        };
        let mut doc = Document::from_plain_text(text);
        assert_eq!(numbers(&doc), ["21"]);
        doc.lines[3].heading = Some(3);
        assert_eq!(numbers(&doc), ["21", "22"]);
    }

    #[test]
    fn heading_date_time_and_items() {
        let b = blocks(
            "MINUTES OF MEETING Community Safety Partnership HELD ON Wednesday, 16th December, 2020, 2.00 pm\n\nPRESENT:\nA Person\n17. FILMING AT MEETINGS\ntext\n18. APOLOGIES\n1. a numbered paragraph that is long and ends.\n19. URGENT BUSINESS\n",
        );
        assert_eq!(b.len(), 1);
        let b = &b[0];
        assert_eq!(b.body.as_deref(), Some("Community Safety Partnership"));
        assert_eq!(b.date.as_deref(), Some("2020-12-16"));
        assert_eq!(b.time.as_deref(), Some("14:00"));
        let numbers: Vec<&str> = b.items.iter().map(|i| i.number.as_str()).collect();
        assert_eq!(numbers, ["17", "18", "19"]);
        assert_eq!(b.preamble, 0..4);
        assert_eq!(b.items[0].lines, 4..6);
    }

    #[test]
    fn tabular_minutes_and_prefixed_numbers() {
        let b = blocks(
            "MINUTES OF THE COMMUNITY SAFETY PARTNERSHIP TUESDAY, 26 JUNE 2012\nPresent: X\nMINUTE NO.\tSUBJECT/DECISION\tACTION BY\nHSP16.\tAPOLOGIES\t\n\tApologies were received.\t\nHSP17.\tURGENT BUSINESS\t\n",
        );
        let b = &b[0];
        assert_eq!(b.body.as_deref(), Some("Community Safety Partnership"));
        assert_eq!(b.date.as_deref(), Some("2012-06-26"));
        assert_eq!(b.action_column, Some(2));
        let numbers: Vec<&str> = b.items.iter().map(|i| i.number.as_str()).collect();
        assert_eq!(numbers, ["HSP16", "HSP17"]);
    }

    #[test]
    fn minutes_inside_a_pack_named_by_their_first_line() {
        // An agenda pack whose later page opens with the committee, the date and
        // "PRESENT:": printed minutes without the word "Minutes".
        let mut doc = Document::from_plain_text(
            "AUDIT COMMITTEE\n22 October 2009\n1.\tApologies for absence\n2.\tMinutes of the last meeting\n\
             AUDIT COMMITTEE\n24 SEPTEMBER 2009\nPRESENT:\tDave Roberts (Chairman), Angela Caldara.\n\
             1\tDECLARATIONS OF INTEREST\n\tNone.\n2\tMINUTES\n\tRESOLVED: That the minutes are agreed.\n",
        );
        for (i, l) in doc.lines.iter_mut().enumerate() {
            l.provenance.page = crate::model::OneIndexed::new(if i < 4 { 1 } else { 2 });
        }
        let book = crate::extract::testing::book();
        let spans = segment(&doc, &book.default);
        let b = find(&doc, &spans, &book.default);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].body.as_deref(), Some("Audit Committee"));
        assert_eq!(b[0].date.as_deref(), Some("2009-09-24"));
        let numbers = item_numbers(&b[0]);
        assert_eq!(numbers, ["1", "2"]);
    }

    #[test]
    fn unnumbered_headings_over_item_references() {
        // ModernGov minutes: the heading, then "(Item N)"; the numbered paragraphs under
        // it are no items.
        let b = blocks(
            "PLANNING PANEL – 3 March 2024\n\nMINUTES of the meeting held in the Council Chamber.\n\nPRESENT: Jo Bloggs (Chair)\n\n\
             Apologies and Substitutes\n\n(Item 1)\n\nThere were none.\n\n\
             Housing update\n\n(Item 2)\n\n1. The officer introduced the report.\n\n2. Members asked about the waiting list.\n\n\
             Work programme\n\n(Item 3)\n\nRESOLVED that the work programme be noted.\n",
        );
        let items: Vec<(&str, &str)> = b[0]
            .items
            .iter()
            .map(|i| (i.number.as_str(), i.title.as_str()))
            .collect();
        assert_eq!(
            items,
            [
                ("1", "Apologies and Substitutes"),
                ("2", "Housing update"),
                ("3", "Work programme")
            ]
        );
    }

    #[test]
    fn a_heading_that_runs_on_into_a_long_paragraph() {
        // Community minutes print each minute as one paragraph after its heading.
        let long = "Cllr Smith reported that the open meeting had been well attended. ".repeat(6);
        let b = blocks(&format!(
            "MINUTES OF THE MEETING OF LLANWERN COMMUNITY COUNCIL HELD ON 4 MARCH 2019\nPresent: Cllr A Smith\n\n\
             2650. Planning: No applications.\n\n2651. Road Closures: {long}\n\n2652. Date of next meeting: 1st April.\n"
        ));
        let items: Vec<(&str, &str)> = b[0]
            .items
            .iter()
            .map(|i| (i.number.as_str(), i.title.as_str()))
            .collect();
        assert_eq!(
            items,
            [
                ("2650", "Planning"),
                ("2651", "Road Closures"),
                ("2652", "Date of next meeting")
            ]
        );
        assert!(
            b[0].items[1]
                .inline
                .as_deref()
                .is_some_and(|t| t.len() > 250)
        );
    }

    #[test]
    fn body_from_the_letterhead_when_the_title_names_none() {
        let (_, b) = testing::minutes_blocks(
            "SAFER WESTSHIRE PARTNERSHIP BOARD\n\nMinutes of the meeting held on Thursday, 7 December 2023 at 10.00 am\n\nPresent: A Person\n1. Welcome\n",
        );
        assert_eq!(
            b[0].body.as_deref(),
            Some("Safer Westshire Partnership Board")
        );
        let (_, b) = testing::minutes_blocks(
            "MINUTES of a meeting of the Health Overview and Scrutiny Committee held on Friday, 19 January 2024.\n1. Welcome\n",
        );
        assert_eq!(
            b[0].body.as_deref(),
            Some("Health Overview and Scrutiny Committee")
        );
    }

    #[test]
    fn slash_numbers() {
        let b = blocks(
            "Minutes of the meeting of the Health and Wellbeing Board held on 3 May 2023\n23/45 Minutes of the previous meeting\nAgreed.\n23/46 Public questions\n",
        );
        let numbers = item_numbers(&b[0]);
        assert_eq!(numbers, ["23/45", "23/46"]);
        assert_eq!(b[0].body.as_deref(), Some("Health and Wellbeing Board"));
    }

    #[test]
    fn bare_minutes_title_takes_body_and_date_from_the_next_lines() {
        let b = blocks(
            "Minutes\n\nEnvironment Overview and Scrutiny Committee\n\nTuesday, 3 October 2023\n\nPresent\n\nCommittee Members:\nCouncillor Rhys Bake (Chairman)\nCouncillor Tim Hare\n\n23. Apologies for absence\nNone.\n24. Minutes\nAgreed.\n",
        );
        assert_eq!(b.len(), 1);
        assert_eq!(
            b[0].body.as_deref(),
            Some("Environment Overview and Scrutiny Committee")
        );
        assert_eq!(b[0].date.as_deref(), Some("2023-10-03"));
        // "Councillor Tim Hare" on a line of its own is a member, not a signature
        let numbers = item_numbers(&b[0]);
        assert_eq!(numbers, ["23", "24"]);
    }

    #[test]
    fn draft_minutes_banner_gives_no_date() {
        let b = blocks(
            "Draft minutes to be approved at the meeting\nto be held on Thursday, 18th April, 2024\n\nSCRUTINY BOARD (HOUSING)\n\nTHURSDAY, 14TH MARCH, 2024\n\nPRESENT:\n\nCouncillor B Ash in the Chair\n\n45 Apologies\n",
        );
        assert_eq!(b[0].date.as_deref(), Some("2024-03-14"));
        assert_eq!(b[0].body.as_deref(), Some("Scrutiny Board (Housing)"));
    }

    #[test]
    fn minute_word_numbers() {
        let b = blocks(
            "Minutes of the Community Safety Partnership Board\nDate: Tuesday 21 November 2023\nMinute 1 Welcome and apologies\ntext\nMinute 2 Minutes and action log\ntext\n",
        );
        let numbers = item_numbers(&b[0]);
        assert_eq!(numbers, ["1", "2"]);
        assert_eq!(b[0].items[0].title, "Welcome and apologies");
    }
}
