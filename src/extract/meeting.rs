//! The meeting a pack summons: council, body, date, time, venue and agenda.
//!
//! Reads the agenda front sheet (the first segment) and returns one `notice` meeting, or
//! `None` when the pack has no front sheet (a pack of minutes alone, say).

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::extract::minutes::{heading_like, numeric};
use crate::extract::{MeetingKey, dates};
use crate::model::Document;
use crate::pack::{AgendaItem, Meeting, MeetingKind, SegmentKind};
use crate::rules::{Pattern, Patterns, RuleSet};
use crate::segment::Span;

crate::rule_section! {
    /// The front sheet of an agenda pack.
    pub struct MeetingRules / RawMeetingRules {
        /// Lines that mark a notice of meeting or agenda front sheet.
        notice_markers: Patterns,
        /// Words that end a committee's name.
        body_words: Pattern,
        /// Lines that are not the body although they hold a body word.
        body_exclude: Patterns,
        /// Removed from a body name.
        body_trim: Patterns,
        /// A labelled body ("Meeting: Cabinet"): the `body` group.
        body_label: Pattern,
        /// The body named in a summons sentence: the `body` group.
        body_sentence: Pattern,
        /// Dated front-sheet lines that are not the meeting date (despatch, publication).
        date_skip: Pattern,
        /// A committee system's page title, the body before the meeting's weekday and
        /// date ("Joint meeting - A Committee and B Committee - Friday, 27th March,
        /// 2026 1.00 pm"): the `body` group, read when no shorter line names the body.
        page_title: Pattern,
        /// An agenda item: `number` and `title` groups.
        agenda_item: Pattern,
        /// An item number alone on its line, its title on the next line: `number`.
        agenda_number: Pattern,
        /// A page-number stamp, which ends an item's following lines.
        page_stamp: Pattern,
        /// A table cell holding only a page range ("15 - 20"): `start`, optional `end`.
        page_cell: Pattern,
        /// Most lines after an item searched for its wrapped title and page reference.
        agenda_follow_lines: usize,
        /// Most words in an agenda title that ends with a full stop.
        agenda_sentence_words: usize,
        /// Most words in an agenda title.
        agenda_title_words: usize,
        /// A page reference after an item title: `start`, optional `end`.
        page_ref: Pattern,
        /// A "Venue:" label before a location.
        location_prefix: Pattern,
        /// Words that make a line a venue.
        location_words: Pattern,
        /// The venue inside a summons sentence ("… will be held in the Council Chamber,
        /// Civic Offices, Barry on Monday …"); `location` group.
        location_sentence: Pattern,
        /// Removed from the end of a location.
        location_trim: Patterns,
        /// Lines that end the agenda.
        agenda_end: Patterns,
    }
}

/// Lines at the top of a front sheet searched for body, date, time and venue.
const HEAD_LINES: usize = 60;
/// Distance (lines) from the date line within which a time or venue belongs to it.
const NEAR: usize = 4;

/// The notice meeting of the pack, if it has a front sheet.
pub fn notice(
    doc: &Document,
    spans: &[Span],
    rules: &RuleSet,
    council: Option<&str>,
    namer: &super::bodies::BodyNamer,
) -> Option<Meeting> {
    // A web export's front matter (an `Other` part) may come before the front sheet.
    let span = spans
        .iter()
        .find(|s| s.kind != SegmentKind::Other)
        .filter(|s| s.kind == SegmentKind::Agenda)?;
    let r = &rules.meeting;
    let lines = &doc.lines[span.lines.clone()];
    let head = &lines[..lines.len().min(HEAD_LINES)];
    let marked = head
        .iter()
        .any(|l| r.notice_markers.is_match(l.text.trim()));
    let agenda = agenda(doc, span, rules);
    if !marked && agenda.len() < 2 {
        return None;
    }
    let first_item = agenda
        .first()
        .and_then(|a| a.provenance.line)
        .map_or(usize::MAX, |l| l.get() as usize);
    let before_items = |l: &&crate::model::Line| {
        l.provenance
            .line
            .is_none_or(|n| (n.get() as usize) < first_item)
    };

    let body = head
        .iter()
        .filter(before_items)
        .find_map(|l| {
            r.body_label
                .captures(l.text.trim())
                .and_then(|c| body_name(&c["body"], r))
        })
        .or_else(|| {
            head.iter()
                .filter(before_items)
                .filter(|l| !names_council(&l.text, council))
                .find_map(|l| body_name(&l.text, r))
        })
        .or_else(|| {
            head.iter().filter(before_items).find_map(|l| {
                r.body_sentence
                    .captures(&l.text)
                    .and_then(|c| body_name(&c["body"], r))
            })
        })
        .or_else(|| {
            // a committee system's page title, however long the body's name
            head.iter().filter(before_items).find_map(|l| {
                let c = r.page_title.captures(l.text.trim())?;
                let body = c.name("body")?.as_str().trim();
                r.body_words.is_match(body).then(|| body.to_string())
            })
        });
    let body = namer
        .name(body.as_deref())
        .or_else(|| namer.council_meeting());
    let dated = head
        .iter()
        .enumerate()
        .filter(|(_, l)| before_items(l) && !r.date_skip.is_match(&l.text))
        .find_map(|(i, l)| dates::find_date_at(&l.text, &rules.common).map(|(d, at)| (i, d, at)));
    let (date, time, location) = match dated {
        Some((i, date, at)) => {
            let line = &head[i].text;
            let times = dates::find_times(line, &rules.common);
            let (time, end_time_at) = match times.iter().find(|(_, t)| *t >= at).or(times.first()) {
                Some((t, pos)) => (Some(t.clone()), Some(*pos)),
                None => (nearby_time(head, i, rules), None),
            };
            let location = location_after(line, end_time_at.unwrap_or(at), rules)
                .or_else(|| {
                    let c = r.location_sentence.captures(line)?;
                    clean_location(c.name("location")?.as_str(), r)
                })
                .or_else(|| nearby_location(head, i, r));
            (Some(date), time, location)
        }
        None => (None, None, None),
    };
    let key = MeetingKey {
        council,
        body: body.as_deref(),
        date: date.as_deref(),
        time: time.as_deref(),
    };
    Some(Meeting {
        id: key.id("mtg", &["notice"]),
        kind: MeetingKind::Notice,
        council: council.map(str::to_string),
        body,
        body_printed: None,
        date,
        time,
        end_time: None,
        location,
        agenda,
        attendees: Vec::new(),
        items: Vec::new(),
        resolutions: Vec::new(),
        actions: Vec::new(),
        provenance: lines.first().map(|l| l.provenance).unwrap_or_default(),
    })
}

/// True when a line is the council's own name as a letterhead ("THE VALE OF GLAMORGAN
/// COUNCIL"): a body word, but no committee.
fn names_council(text: &str, council: Option<&str>) -> bool {
    let Some(council) = council else {
        return false;
    };
    let t = text.trim().to_lowercase();
    let t = t.strip_prefix("the ").unwrap_or(&t);
    let t = t.strip_suffix(" council").unwrap_or(t);
    t == council.to_lowercase()
}

fn body_name(text: &str, r: &MeetingRules) -> Option<String> {
    let t = text.trim();
    if t.split_whitespace().count() > 12 || !r.body_words.is_match(t) || r.body_exclude.is_match(t)
    {
        return None;
    }
    if t.ends_with('.') || t.contains(':') {
        return None;
    }
    let mut name = t
        .replace("SUB- COMMITTEE", "SUB-COMMITTEE")
        .replace("Sub- Committee", "Sub-Committee");
    for p in r.body_trim.iter() {
        name = p.replace_all(&name, "").into_owned();
    }
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_string())
}

fn nearby_time(head: &[crate::model::Line], i: usize, rules: &RuleSet) -> Option<String> {
    let lo = i.saturating_sub(NEAR);
    let hi = (i + NEAR + 1).min(head.len());
    (lo..hi)
        .filter(|&j| j != i)
        .min_by_key(|&j| j.abs_diff(i))
        .into_iter()
        .chain(lo..hi)
        .find_map(|j| {
            dates::find_times(&head[j].text, &rules.common)
                .first()
                .map(|t| t.0.clone())
        })
}

/// The venue written after the date or time on the same line ("2.00 pm - MS Teams").
fn location_after(line: &str, from: usize, rules: &RuleSet) -> Option<String> {
    let r = &rules.meeting;
    let rest = &line[from..];
    // skip the time or date itself: up to the first separator
    let sep = rest.find([' ', '-', '–', ','])?;
    let rest = &rest[sep..];
    // The venue follows a spaced hyphen or en dash (the dash is 3 bytes in UTF-8).
    let cut = [" - ", " – "]
        .iter()
        .filter_map(|sep| rest.find(sep).map(|i| i + sep.len()))
        .min()?;
    clean_location(&rest[cut..], r)
}

fn clean_location(s: &str, r: &MeetingRules) -> Option<String> {
    let mut loc = r.location_prefix.replace(s.trim(), "").into_owned();
    for p in r.location_trim.iter() {
        loc = p.replace(&loc, "").into_owned();
    }
    let loc = loc
        .trim()
        .trim_end_matches([',', '.', ';'])
        .trim()
        .to_string();
    (loc.len() > 1).then_some(loc)
}

fn nearby_location(head: &[crate::model::Line], i: usize, r: &MeetingRules) -> Option<String> {
    let lo = i.saturating_sub(NEAR);
    let hi = (i + NEAR + 1).min(head.len());
    let j = (lo..hi).find(|&j| {
        j != i && r.location_words.is_match(&head[j].text) && head[j].text.len() < 120
    })?;
    let mut loc = head[j].text.trim().to_string();
    let mut k = j + 1;
    while loc.ends_with(',') && k < hi && !head[k].is_blank() {
        loc.push(' ');
        loc.push_str(head[k].text.trim());
        k += 1;
    }
    clean_location(&loc, r)
}

/// The numbered items of the front-sheet agenda: the longest run of headings numbered
/// in sequence (so numbered paragraphs of the preamble are not taken for items).
///
/// An item may be a plain line ("5. MINUTES (PAGES 1 - 8)"), a table row ("A4 | Minutes |
/// (Pages 5 - 14)"), or a number alone with the title on the next line (ModernGov). Its
/// title may wrap onto the following lines and its page reference may stand on a line
/// of its own; a description sentence under the title is not part of it.
fn agenda(doc: &Document, span: &Span, rules: &RuleSet) -> Vec<AgendaItem> {
    let r = &rules.meeting;
    let lines = &doc.lines[span.lines.clone()];
    let texts: Vec<Option<Cow<str>>> = lines.iter().map(|l| item_text(l, r)).collect();
    let mut runs: Vec<Vec<AgendaItem>> = Vec::new();
    // whether the last item of each run is set in bold
    let mut run_bold: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let at = i;
        i += 1;
        let Some(text) = texts[at].as_deref().filter(|t| !t.is_empty()) else {
            continue;
        };
        // The footer ends the agenda once a run of three items is in (a contact line
        // above the items is the letterhead's).
        if runs.iter().map(Vec::len).max().unwrap_or(0) >= 3 && r.agenda_end.is_match(text) {
            break;
        }
        let (number, raw_title, title_at) = if let Some(c) = r.agenda_item.captures(text) {
            (c["number"].to_string(), c["title"].trim().to_string(), at)
        } else if let Some(c) = r.agenda_number.captures(text) {
            // the title on the next non-blank line, unless that line is an item itself
            let Some(j) = (at + 1..lines.len().min(at + 3)).find(|&j| !lines[j].is_blank()) else {
                continue;
            };
            let Some(t) = texts[j].as_deref().filter(|t| !t.is_empty()) else {
                continue;
            };
            if starts_item(t, r) || page_only(t, r).is_some() {
                continue;
            }
            (c["number"].to_string(), t.trim().to_string(), j)
        } else {
            continue;
        };
        let (mut title, mut page_start, mut page_end) = split_pages(&raw_title, r);
        if page_start.is_none() {
            let (more, s, e) = follow(&texts[title_at + 1..], r);
            if let Some(more) = more {
                title.push(' ');
                title.push_str(&more);
            }
            (page_start, page_end) = (s, e);
        }
        let title = title
            .trim_matches(|c: char| c == '*' || c.is_whitespace())
            .to_string();
        if !agenda_title_like(&title, r) {
            continue;
        }
        i = i.max(title_at + 1);
        let item = AgendaItem {
            number,
            title,
            page_start,
            page_end,
            provenance: lines[at].provenance,
        };
        // The latest run the item continues: an item's own numbered points ("1. Any
        // member of the public may …" under "5. Items from the Public") make a run of
        // their own, and the next item continues the agenda's run after them; where
        // both runs fit, the one whose items are set like this one (bold or not).
        let bold = lines[at].bold;
        let fits = |k: usize| {
            runs[k]
                .last()
                .is_some_and(|prev| in_sequence(&prev.number, &item.number))
        };
        let follows = (0..runs.len())
            .rev()
            .find(|&k| fits(k) && run_bold[k] == bold)
            .or_else(|| (0..runs.len()).rev().find(|&k| fits(k)));
        match follows {
            Some(k) => {
                runs[k].push(item);
                run_bold[k] = bold;
            }
            None => {
                runs.push(vec![item]);
                run_bold.push(bold);
            }
        }
    }
    // the longest run; on a tie the later one (front sheets restate numbered lists first)
    runs.into_iter()
        .rev()
        .max_by_key(Vec::len)
        .unwrap_or_default()
}

/// The text a line offers as an agenda line: a plain line as it is, a table row of at
/// most three filled cells (number, title, pages) joined by spaces; `None` for wider rows
/// (action plans, data tables); blank lines give an empty text. A last cell that is a bare page range
/// ("15 - 20", a "Page No" column) is written as a page reference.
fn item_text<'l>(line: &'l crate::model::Line, r: &MeetingRules) -> Option<Cow<'l, str>> {
    if !line.is_row() {
        // borrowed: this runs on every line of a front sheet (issue #3)
        return Some(Cow::Borrowed(line.text.trim()));
    }
    let filled = line.filled_cells();
    if filled.is_empty() || filled.len() > 3 {
        return None;
    }
    let mut text = filled.join(" ");
    if filled.len() >= 2
        && let Some(p) = filled.last().and_then(|c| r.page_cell.captures(c))
    {
        let keep = filled[..filled.len() - 1].join(" ");
        text = match p.name("end") {
            Some(end) => format!("{keep} (Pages {} - {})", &p["start"], end.as_str()),
            None => format!("{keep} (Page {})", &p["start"]),
        };
    }
    Some(Cow::Owned(text))
}

fn starts_item(text: &str, r: &MeetingRules) -> bool {
    r.agenda_item.is_match(text) || r.agenda_number.is_match(text)
}

/// A title without its trailing page reference, and the pages.
fn split_pages(raw: &str, r: &MeetingRules) -> (String, Option<u32>, Option<u32>) {
    match r.page_ref.captures(raw) {
        Some(p) => {
            let (start, end) = pages(&p);
            let cut = p.get(0).map_or(raw.len(), |m| m.start());
            (raw[..cut].trim().to_string(), start, end)
        }
        None => (raw.to_string(), None, None),
    }
}

fn pages(p: &regex::Captures<'_>) -> (Option<u32>, Option<u32>) {
    let start: Option<u32> = p.name("start").and_then(|m| m.as_str().parse().ok());
    let end = p
        .name("end")
        .and_then(|m| m.as_str().parse().ok())
        .or(start);
    (start, end)
}

/// The pages of a line that is nothing but a page reference ("Pages 5 - 12").
fn page_only(text: &str, r: &MeetingRules) -> Option<(Option<u32>, Option<u32>)> {
    let p = r.page_ref.captures(text)?;
    (p.get(0)?.start() == 0).then(|| pages(&p))
}

/// Reads the lines after an item's title line: the rest of a wrapped title and the page
/// reference, which may sit after a blank line. Stops at the next item or the page
/// reference; once a description sentence is seen, only a page reference is still taken.
fn follow(
    after: &[Option<Cow<str>>],
    r: &MeetingRules,
) -> (Option<String>, Option<u32>, Option<u32>) {
    let mut pending: Vec<&str> = Vec::new();
    let mut described = false;
    for text in after.iter().take(r.agenda_follow_lines) {
        let Some(text) = text.as_deref() else { break };
        if text.is_empty() {
            continue;
        }
        if starts_item(text, r) || r.agenda_end.is_match(text) || r.page_stamp.is_match(text) {
            break;
        }
        if let Some((s, e)) = page_only(text, r) {
            let more = (!described && !pending.is_empty()).then(|| pending.join(" "));
            return (more, s, e);
        }
        if let Some(p) = r.page_ref.captures(text) {
            let (s, e) = pages(&p);
            let head = text[..p.get(0).map_or(text.len(), |m| m.start())].trim();
            if described || head.ends_with('.') {
                return (None, s, e);
            }
            pending.push(head);
            return (Some(pending.join(" ")), s, e);
        }
        if text.ends_with(['.', ':']) || text.split_whitespace().count() > r.agenda_sentence_words {
            described = true;
        } else if !described {
            pending.push(text);
        }
    }
    (None, None, None)
}

/// A heading-like title. Agenda titles run longer than minute headings ("Declarations by
/// Members of … Interests in Respect of Items on this Agenda"), and district councils
/// write items as short sentences ending in a full stop ("To receive apologies.").
fn agenda_title_like(title: &str, r: &MeetingRules) -> bool {
    if heading_like(title) {
        return true;
    }
    let t = title.trim_end();
    let bare = t.strip_suffix('.').unwrap_or(t);
    let limit = if bare.len() < t.len() {
        r.agenda_sentence_words
    } else {
        r.agenda_title_words
    };
    let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !bare.ends_with(['.', ';', ',']) && bare.split_whitespace().count() <= limit
}

fn in_sequence(prev: &str, next: &str) -> bool {
    if let (Some(a), Some(b)) = (lettered(prev), lettered(next)) {
        return match (a, b) {
            // "9a" then "9b"; "9b" then "10"
            ((pp, pn, ps), (p, n, s)) if pp == p && pn == n => s.is_some_and(|s| ps < Some(s)),
            ((pp, pn, _), (p, n, s)) if pp == p => {
                n > pn && n <= pn + 3 && s.is_none_or(|s| s == 'a')
            }
            // "A4" then "B1": the next section of a lettered agenda
            ((pp, _, _), (p, n, _)) => {
                n == 1 && pp.len() == 1 && p.len() == 1 && next_letter(pp) == p.chars().next()
            }
        };
    }
    match (numeric(prev), numeric(next)) {
        (Some((pp, pn)), Some((p, n))) => pp == p && n > pn && n <= pn + 3,
        // "7" then "7a": a lettered sub-item
        _ => next.len() > prev.len() && next.starts_with(prev),
    }
}

/// "A12b" → ("A", 12, Some('b')); "7" → ("", 7, None). `None` for other shapes.
fn lettered(number: &str) -> Option<(&str, u32, Option<char>)> {
    let c = LETTERED.captures(number)?;
    let prefix = c.name("pre").map_or("", |m| m.as_str());
    let n = c.name("n")?.as_str().parse().ok()?;
    let suffix = c
        .name("suf")
        .and_then(|m| m.as_str().chars().next())
        .map(|c| c.to_ascii_lowercase());
    Some((prefix, n, suffix))
}

fn next_letter(s: &str) -> Option<char> {
    s.chars().next().and_then(|c| char::from_u32(c as u32 + 1))
}

/// An item number as letters, digits and an optional sub-item letter.
static LETTERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<pre>[A-Za-z]{0,5})(?P<n>\d{1,4})(?P<suf>[A-Za-z])?$").expect("lettered")
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn notice_of(text: &str) -> Meeting {
        let book = crate::extract::testing::book();
        let doc = Document::from_plain_text(text);
        let spans = segment(&doc, &book.default);
        let r = &book.default;
        let namer = crate::extract::bodies::BodyNamer::new(&r.bodies, &r.common, None);
        notice(&doc, &spans, r, Some("Testshire"), &namer).expect("a notice")
    }

    #[test]
    fn a_parish_summons_under_a_web_export_header_ends_at_its_footer() {
        let m = notice_of(
            "---\ntitle: \"Parish Council Agenda & Minutes\"\n---\n\n\
             Ashby Parish Council. Meeting 10.8.2012. Councillors are summoned to a meeting for the purposes of transacting the following business.\n\n\
             1. Minutes of the last meeting\n2. Matters Arising\n3. Chairman’s Report\n4. Correspondence\n\n\
             Meeting Closes\n\nThe Public are welcome to this meeting\n\n\
             1. Apologies: none.\n2. Minutes of the Meeting\n3. Matters Arising\n4. Chairman’s Report\n5. Finance\n",
        );
        assert_eq!(m.date.as_deref(), Some("2012-08-10"));
        let numbers: Vec<&str> = m.agenda.iter().map(|a| a.number.as_str()).collect();
        assert_eq!(numbers, ["1", "2", "3", "4"]);
        assert_eq!(m.agenda[0].title, "Minutes of the last meeting");
    }

    #[test]
    fn summons_sentence_under_the_council_letterhead() {
        let m = notice_of(
            "THE TESTSHIRE COUNCIL\n\nCABINET\n\nNOTICE IS HEREBY GIVEN that a meeting of the Cabinet will be held in the Council Chamber, Civic Offices, Holton Road, Barry on MONDAY, 4TH MARCH, 2024 at 2.00 P.M.\n\nAGENDA\n1.\tApologies for absence.\n2.\tMinutes\t1 - 10\n",
        );
        assert_eq!(m.body.as_deref(), Some("CABINET"));
        assert_eq!(
            m.location.as_deref(),
            Some("Council Chamber, Civic Offices, Holton Road, Barry")
        );
        assert_eq!(m.time.as_deref(), Some("14:00"));
    }

    /// Issue #5: a committee system's page title names a long body before the date;
    /// an item's own numbered points do not end the agenda's run of items.
    #[test]
    fn page_title_body_and_items_with_numbered_points() {
        let m = notice_of(
            "Joint meeting - North Vale Transport Committee and South Vale Housing Committee - Tuesday, 3rd June, 2025 2.30 pm

Venue: The Guildhall

1. Apologies for Absence

2. Questions from the Public

1. Questions must reach the clerk by noon.

2. Each speaker has three minutes.

3. Budget Monitoring

4. Any Other Business
",
        );
        assert_eq!(
            m.body.as_deref(),
            Some("Joint meeting - North Vale Transport Committee and South Vale Housing Committee")
        );
        assert_eq!(m.date.as_deref(), Some("2025-06-03"));
        assert_eq!(m.time.as_deref(), Some("14:30"));
        let items: Vec<&str> = m.agenda.iter().map(|a| a.number.as_str()).collect();
        assert_eq!(items, ["1", "2", "3", "4"]);
        assert_eq!(m.agenda[2].title, "Budget Monitoring");
    }

    /// Issue #5: Welsh versions of community council minutes date their meetings in
    /// Welsh ("10fed Mehefin 2020", "14eg Medi 2016", "1af Mawrth 2021").
    #[test]
    fn welsh_dates() {
        let common = &crate::extract::testing::book().default.common;
        for (text, want) in [
            ("Cyfarfod 10fed Mehefin 2020", "2020-06-10"),
            ("CYFARFOD 14 MEDI 2016", "2016-09-14"),
            ("ar y 1af Mawrth 2021 yn y neuadd", "2021-03-01"),
            ("8fed Gorffennaf 2020", "2020-07-08"),
            ("21ain Rhagfyr 2019", "2019-12-21"),
            ("the 3rd May 2022", "2022-05-03"),
        ] {
            assert_eq!(
                dates::find_date(text, common).as_deref(),
                Some(want),
                "{text}"
            );
        }
    }

    #[test]
    fn venue_after_an_en_dash() {
        let m = notice_of(
            "NOTICE OF MEETING\nLICENSING PANEL\nMonday, 4 March 2024, 10.00 am – Committee Room 1, Town Hall\n1. Apologies\n2. Minutes\n",
        );
        assert_eq!(m.location.as_deref(), Some("Committee Room 1, Town Hall"));
        // regression (stress run): an en dash right after the date, no time
        let m = notice_of(
            "NOTICE OF MEETING\nLICENSING PANEL\n4 December 2023 – Page 2 of 2\n1. Apologies\n2. Minutes\n",
        );
        assert_eq!(m.date.as_deref(), Some("2023-12-04"));
    }

    #[test]
    fn front_sheet_fields() {
        let m = notice_of(
            "NOTICE OF MEETING\n\nCOMMUNITY SAFETY PARTNERSHIP\n\nWednesday, 24th February, 2021, 2.00 pm - MS Teams. Watch it Here\n\n1. FILMING AT MEETINGS\ntext.\n2. APOLOGIES\n5. MINUTES (PAGES 1 - 8)\n6. MEMBERSHIP (PAGES 9 - 10)\n",
        );
        assert_eq!(m.body.as_deref(), Some("COMMUNITY SAFETY PARTNERSHIP"));
        assert_eq!(m.date.as_deref(), Some("2021-02-24"));
        assert_eq!(m.time.as_deref(), Some("14:00"));
        assert_eq!(m.location.as_deref(), Some("MS Teams"));
        let items: Vec<(&str, &str, Option<u32>)> = m
            .agenda
            .iter()
            .map(|a| (a.number.as_str(), a.title.as_str(), a.page_start))
            .collect();
        assert_eq!(
            items,
            [
                ("1", "FILMING AT MEETINGS", None),
                ("2", "APOLOGIES", None),
                ("5", "MINUTES", Some(1)),
                ("6", "MEMBERSHIP", Some(9))
            ]
        );
        assert_eq!(m.agenda[3].page_end, Some(10));
    }

    #[test]
    fn venue_on_its_own_lines_and_time_above_date() {
        let m = notice_of(
            "CRIME & DISORDER SUB- COMMITTEE AGENDA\n\n7.00 pm\n\nThursday\n9 December 2021\n\nTown Hall, Main Road,\nRomford\n\nMembers 7: Quorum 3\n1. Providing a friend challenge to policy makers.\n2. Driving improvement.\nAGENDA ITEMS\n1 CHAIRMAN'S ANNOUNCEMENTS\n2 APOLOGIES FOR ABSENCE\n3 DISCLOSURE OF INTERESTS\n4 VIOLENCE REDUCTION ACTION PLAN UPDATE (Pages 1 - 52)\n",
        );
        assert_eq!(m.body.as_deref(), Some("CRIME & DISORDER SUB-COMMITTEE"));
        assert_eq!(m.date.as_deref(), Some("2021-12-09"));
        assert_eq!(m.time.as_deref(), Some("19:00"));
        assert_eq!(m.location.as_deref(), Some("Town Hall, Main Road, Romford"));
        assert_eq!(m.agenda.len(), 4);
        assert_eq!(m.agenda[3].page_end, Some(52));
    }

    fn items(m: &Meeting) -> Vec<(&str, &str, Option<u32>, Option<u32>)> {
        m.agenda
            .iter()
            .map(|a| {
                (
                    a.number.as_str(),
                    a.title.as_str(),
                    a.page_start,
                    a.page_end,
                )
            })
            .collect()
    }

    #[test]
    fn labelled_front_sheet_with_items_in_table_rows() {
        let m = notice_of(
            "London Borough of Camden\n\nMeeting: Cabinet\nDate: Tuesday, 14 March 2023\nTime: 6.30 pm\nVenue: Council Chamber, Town Hall\n\nAGENDA\n\nPART 1 – PUBLIC\n\n1.\tApologies\n2.\tMinutes (Pages 5 - 12)\n3.\tBudget Monitoring (Pages 15 - 40)\nReport of the Executive Director Corporate Services.\n4.\tClimate Action Plan: Annual Progress Report and\nDelivery Plan for 2023/24 (Pages 41 - 88)\n4a.\tTenant Service Charges (Page 105)\n4b.\tGarage Rents\n5.\tAny Other Business\n\nPART 2 – EXEMPT\n\n6.\tDisposal of Land (Pages 113 - 130)\n",
        );
        assert_eq!(m.body.as_deref(), Some("Cabinet"));
        assert_eq!(m.date.as_deref(), Some("2023-03-14"));
        assert_eq!(m.time.as_deref(), Some("18:30"));
        assert_eq!(m.location.as_deref(), Some("Council Chamber, Town Hall"));
        assert_eq!(
            items(&m),
            [
                ("1", "Apologies", None, None),
                ("2", "Minutes", Some(5), Some(12)),
                ("3", "Budget Monitoring", Some(15), Some(40)),
                (
                    "4",
                    "Climate Action Plan: Annual Progress Report and Delivery Plan for 2023/24",
                    Some(41),
                    Some(88)
                ),
                ("4a", "Tenant Service Charges", Some(105), Some(105)),
                ("4b", "Garage Rents", None, None),
                ("5", "Any Other Business", None, None),
                ("6", "Disposal of Land", Some(113), Some(130)),
            ]
        );
    }

    #[test]
    fn number_on_its_own_line_and_pages_below() {
        let m = notice_of(
            "Leeds City Council\n\nExecutive Board\n\nAgenda\n\nDate and Time: Wednesday 18 October 2023, 1.00 pm\n\nMembership\nCouncillor J Marlowe (Chair)\nCouncillor S Ahmed\n\n1\nLate Items\nTo consider any late items of business.\n2\nMinutes\nTo approve the minutes of the meeting held on 20 September 2023.\nPages 5 - 14\n3\nGrowth Strategy: Delivery Plan\nUpdate\nPages 49 - 78\n",
        );
        assert_eq!(m.body.as_deref(), Some("Executive Board"));
        assert_eq!(m.time.as_deref(), Some("13:00"));
        assert_eq!(
            items(&m),
            [
                ("1", "Late Items", None, None),
                ("2", "Minutes", Some(5), Some(14)),
                (
                    "3",
                    "Growth Strategy: Delivery Plan Update",
                    Some(49),
                    Some(78)
                ),
            ]
        );
    }

    #[test]
    fn lettered_sections_item_words_and_page_cells() {
        let m = notice_of(
            "KENT COUNTY COUNCIL\n\nSUMMONS\n\nYou are hereby summoned to attend a meeting of the Scrutiny Committee to be held on Monday 6 November 2023 at 10.00 am\n\nA1\tIntroduction\nA2\tApologies and Substitutes\nB1\tHighways Contract\t(Pages 15 - 52)\nC1\tWork Programme\t(Page 71)\nItem 1\tWelcome\tpp 5-6\nItem 2\tForward Plan\t59 - 60\n",
        );
        assert_eq!(m.body.as_deref(), Some("Scrutiny Committee"));
        assert_eq!(m.date.as_deref(), Some("2023-11-06"));
        assert_eq!(m.time.as_deref(), Some("10:00"));
        let got = items(&m);
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[2], ("B1", "Highways Contract", Some(15), Some(52)));
        assert_eq!(got[3], ("C1", "Work Programme", Some(71), Some(71)));
        let m = notice_of(
            "AGENDA\n\nThursday 7 September 2023 at 12 noon\n\nItem 1\tWelcome\tpp 5-6\nItem 2\tApologies\nItem 3\tForward Plan\t59 - 60\n",
        );
        assert_eq!(m.time.as_deref(), Some("12:00"));
        assert_eq!(
            items(&m),
            [
                ("1", "Welcome", Some(5), Some(6)),
                ("2", "Apologies", None, None),
                ("3", "Forward Plan", Some(59), Some(60)),
            ]
        );
    }

    #[test]
    fn despatch_date_page_refs_after_blanks_and_page_stamps() {
        let m = notice_of(
            "NORTHUMBERLAND COUNTY COUNCIL\n\nDespatch date: Friday, 28 January 2022\n\nCABINET\n\nDATE:\tTuesday, 8 February 2022\nTIME:\t10am\n\nAGENDA\n\n1.\tAPOLOGIES FOR ABSENCE\n\n2.\tMINUTES\n\n(Pages 1 - 10)\n\nMinutes of the meeting of Cabinet held on 11 January 2022, as circulated, to be confirmed as a true record.\n\n3.\tBUDGET AND MEDIUM TERM FINANCIAL PLAN\n2022-26\n\n(Pages 11 - 64)\n\n4.\tEXCLUSION OF PRESS AND PUBLIC\n\nPage 65\n",
        );
        assert_eq!(m.body.as_deref(), Some("CABINET"));
        assert_eq!(m.date.as_deref(), Some("2022-02-08"));
        assert_eq!(m.time.as_deref(), Some("10:00"));
        assert_eq!(
            items(&m),
            [
                ("1", "APOLOGIES FOR ABSENCE", None, None),
                ("2", "MINUTES", Some(1), Some(10)),
                (
                    "3",
                    "BUDGET AND MEDIUM TERM FINANCIAL PLAN 2022-26",
                    Some(11),
                    Some(64)
                ),
                ("4", "EXCLUSION OF PRESS AND PUBLIC", None, None),
            ]
        );
    }

    #[test]
    fn sentence_items_of_district_councils() {
        let m = notice_of(
            "AGENDA\n\nWEDNESDAY, 2 AUGUST 2023\n18:30\n\n1\tTo receive apologies for absence.\n2\tPrevious Minutes\t(Pages 1 - 8)\n3\tTo receive Members' declarations of any interests\n",
        );
        assert_eq!(m.time.as_deref(), Some("18:30"));
        assert_eq!(m.agenda.len(), 3);
        assert_eq!(m.agenda[0].title, "To receive apologies for absence.");
    }

    #[test]
    fn dotted_leaders_give_pages() {
        let m = notice_of(
            "AGENDA\n\nMonday 6 November 2023 at 10.00 am\n\n1. Apologies\n2. Minutes .......... 5 - 12\n3. Forward Plan . . . . . 13\n",
        );
        assert_eq!(
            items(&m),
            [
                ("1", "Apologies", None, None),
                ("2", "Minutes", Some(5), Some(12)),
                ("3", "Forward Plan", Some(13), Some(13)),
            ]
        );
    }

    #[test]
    fn item_sequences() {
        for (a, b) in [
            ("1", "2"),
            ("7", "7a"),
            ("7a", "7b"),
            ("7b", "8"),
            ("A4", "B1"),
            ("HSP19", "HSP20"),
            ("C1", "C2"),
        ] {
            assert!(in_sequence(a, b), "{a} → {b}");
        }
        for (a, b) in [
            ("2", "1"),
            ("7b", "7a"),
            ("A4", "C1"),
            ("A4", "B2"),
            ("3", "9"),
        ] {
            assert!(!in_sequence(a, b), "{a} ↛ {b}");
        }
    }
}
