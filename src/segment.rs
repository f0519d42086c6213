//! Splits a [`Document`] into the parts of a pack: the agenda front sheet, printed
//! minutes, reports (with their cover-sheet fields), appendices, membership lists and
//! presentations.
//!
//! Takes the whole document and returns contiguous, non-overlapping line ranges in
//! order. It only decides where parts begin; it extracts no facts.

use std::ops::Range;

use crate::model::Document;
use crate::pack::{MetadataField, Segment, SegmentKind};
use crate::rules::{Pattern, PatternGroups, Patterns, RuleSet, Words};

crate::rule_section! {
    /// Where the parts of a pack begin.
    pub struct SegmentRules / RawSegmentRules {
        /// A line opening a set of printed minutes.
        minutes_start: Patterns,
        /// A line opening a report or its cover sheet.
        report_start: Patterns,
        /// A line opening an appendix.
        appendix_start: Patterns,
        /// A line opening a membership list.
        membership_start: Patterns,
        /// A line opening a presentation.
        presentation_start: Patterns,
        /// A line only printed minutes have near their top (the attendance record).
        minutes_top: Patterns,
        /// A title that names minutes anywhere in one of the document's first written
        /// lines ("STOKE FERRY PARISH COUNCIL Draft Minutes …", "Notes of the meeting",
        /// "COFNODION"): the document is minutes from its top.
        minutes_title_top: Patterns,
        /// Lines that describe an agenda item's papers ("… to be confirmed as a
        /// correct record") and so never open a part.
        not_heading: Patterns,
        /// First cells of report cover-sheet rows kept as metadata.
        cover_keys: Words,
        /// Cover-sheet keys whose value is the report's title.
        title_keys: Words,
        /// The label over one agenda item's minutes on a committee system's meeting
        /// page ("Minutes:" under each item of a ModernGov page): such a page is both
        /// the agenda and the record of its meeting (issue #5).
        item_minutes_label: Pattern,
        /// A page filler ("This page is intentionally left blank"): the end of a paper,
        /// never its content or a part's title.
        filler: Pattern,
    }
}

/// One part of the pack as a range of line indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// What the part is.
    pub kind: SegmentKind,
    /// Its heading or title.
    pub title: Option<String>,
    /// Line indices (0-based, end exclusive) into `Document::lines`.
    pub lines: Range<usize>,
    /// Cover-sheet fields of a report.
    pub metadata: Vec<MetadataField>,
    /// An agenda part that also records its meeting: a committee system's meeting page
    /// whose items carry their own minutes. Read as the notice and as minutes.
    pub records: bool,
}

impl Span {
    /// The output form, with page and line numbers.
    pub fn to_segment(&self, doc: &Document) -> Segment {
        let first = doc.lines.get(self.lines.start);
        let last = self.lines.end.checked_sub(1).and_then(|i| doc.lines.get(i));
        let page =
            |l: Option<&crate::model::Line>| l.and_then(|l| l.provenance.page).map(|p| p.get());
        let line =
            |l: Option<&crate::model::Line>| l.and_then(|l| l.provenance.line).map(|p| p.get());
        Segment {
            kind: self.kind,
            title: self.title.clone(),
            page_start: page(first),
            page_end: page(last),
            line_start: line(first),
            line_end: line(last),
            metadata: self.metadata.clone(),
        }
    }
}

/// The longest line taken for a heading that opens a part.
const MAX_HEADING_BYTES: usize = 300;

/// Words beyond which a line ending in a full stop is a sentence, not a heading.
const SENTENCE_WORDS: usize = 12;

/// Lines at the top of a pack where a membership heading belongs to the front sheet.
const FRONT_SHEET_LINES: usize = 60;

/// Lines at the top of a pack searched for the attendance record that makes a pack
/// without a minutes title its minutes.
const MINUTES_TOP_LINES: usize = 40;

/// Lines after a report heading searched for its cover-sheet rows.
const COVER_LINES: usize = 40;

/// Written lines at the top of a document searched for a title that names minutes.
const TITLE_TOP_LINES: usize = 6;

/// The bytes of a long first line (a whole document run into one paragraph) searched
/// for a minutes title or an attendance record.
const TOP_LINE_BYTES: usize = 400;

/// The bytes of a title line read for words that make it an agenda item's description.
const TITLE_BYTES: usize = 120;

/// Lines within which a YAML front matter block (a web export's `---` … `---` header)
/// must close.
const FRONT_MATTER_LINES: usize = 40;

/// The parts of `doc`, in order, covering every line.
pub fn segment(doc: &Document, rules: &RuleSet) -> Vec<Span> {
    let starts = start_groups(rules);
    let all = rules;
    let rules = &rules.segment;
    let mut spans: Vec<Span> = Vec::new();
    // A web export's front matter (title, date of posting, categories) is not part of
    // the document it introduces.
    let body_start = front_matter_end(doc);
    if body_start > 0 {
        spans.push(Span {
            kind: SegmentKind::Other,
            title: None,
            lines: 0..body_start,
            metadata: Vec::new(),
            records: false,
        });
    }
    let mut open = Span {
        kind: SegmentKind::Agenda,
        title: None,
        lines: body_start..body_start,
        metadata: Vec::new(),
        records: false,
    };
    // A meeting page gives each item's minutes under a label of their own: two or more
    // such labels make the labels part of the agenda, which then records the meeting.
    let item_minutes = |t: &str| rules.item_minutes_label.is_match(t);
    let meeting_page = doc
        .lines
        .iter()
        .filter(|l| item_minutes(l.text.trim()))
        .nth(1)
        .is_some();
    for (i, line) in doc.lines.iter().enumerate().skip(body_start) {
        let text = line.text.trim();
        // Headings that open a part are short; long lines are prose or table rows.
        if text.is_empty() || text.len() > MAX_HEADING_BYTES || meeting_page && item_minutes(text) {
            continue;
        }
        // Minutes printed inside a pack often carry no "Minutes" title: a page opens
        // with the committee, the date and the attendance record.
        let page_minutes = || {
            open.kind != SegmentKind::Minutes && i > body_start && page_opens_minutes(doc, i, all)
        };
        let Some(kind) =
            classify(text, starts).or_else(|| page_minutes().then_some(SegmentKind::Minutes))
        else {
            continue;
        };
        // "Minutes of the meeting held on …, to be confirmed as a true record." and
        // "Report of the Director." are an agenda item's description, not a part's
        // heading. Printed minutes' own headings can be long sentences too ("MINUTES of
        // a meeting of the X held at … on Friday, 19 January 2024."), so a minutes line is
        // refused only for what it says, a report line also for being a sentence.
        if rules.not_heading.is_match(text)
            || kind == SegmentKind::Report
                && text.ends_with('.')
                && text.split_whitespace().count() > SENTENCE_WORDS
        {
            continue;
        }
        // A one- or two-word heading ("Minutes") is an agenda item's title when its number
        // stands on the line above or its description ("To approve as a correct record …")
        // on the line below.
        if text.split_whitespace().count() <= 2 && is_item_title(doc, i, rules) {
            continue;
        }
        // A minutes heading after the top of the pack opens printed minutes only when an
        // attendance record follows: "Minutes of the meeting held on 29 October" under an
        // agenda item, or a minute about the last meeting's minutes, opens nothing.
        if kind == SegmentKind::Minutes
            && i > body_start + TITLE_TOP_LINES
            && !attendance_follows(doc, i, rules)
        {
            continue;
        }
        let title = Some(clean_title(text));
        // Printed minutes repeat their heading on every page: a repeat is not a new part.
        // Nor is a second heading with only blank lines after the first (a web page's
        // "Minutes" title over "Minutes of the meeting of …", issue #5).
        let adjacent = doc
            .lines
            .get(open.lines.start + 1..i)
            .is_some_and(|between| between.iter().all(|l| l.is_blank()));
        if kind == open.kind && (kind == SegmentKind::Minutes && title == open.title || adjacent) {
            continue;
        }
        // A front sheet lists the committee's members under "Membership": still the
        // front sheet, whose agenda may follow.
        if kind == SegmentKind::Membership
            && open.kind == SegmentKind::Agenda
            && spans.is_empty()
            && i < FRONT_SHEET_LINES
        {
            continue;
        }
        // A list of appendix titles (a contents list) is one appendix part, not many.
        if kind == SegmentKind::Appendix
            && open.kind == SegmentKind::Appendix
            && i <= open.lines.start + 2
        {
            continue;
        }
        // A report's cover sheet repeats report labels and names its appendices in its
        // first lines: stay in the report.
        if matches!(kind, SegmentKind::Appendix | SegmentKind::Report)
            && open.kind == SegmentKind::Report
            && i < open.lines.start + COVER_LINES
        {
            continue;
        }
        open.lines.end = i;
        // blank lines before the first part (under a front matter block) belong to it
        let blank_lead = spans.iter().all(|s| s.kind == SegmentKind::Other)
            && doc.lines[open.lines.clone()].iter().all(|l| l.is_blank());
        let from = if blank_lead { open.lines.start } else { i };
        if !open.lines.is_empty() && !blank_lead {
            spans.push(open);
        }
        open = Span {
            kind,
            title,
            lines: from..from,
            metadata: Vec::new(),
            records: false,
        };
    }
    open.lines.end = doc.lines.len();
    if !open.lines.is_empty() {
        spans.push(open);
    }
    let mut spans = close_membership_lists(doc, spans, rules);
    // Minutes printed without a "Minutes" title (the committee, the date, then
    // "Present:") open with their attendance record, which no front sheet has; parish
    // minutes often put "Minutes" inside a longer first line.
    if let Some(first) = spans.iter_mut().find(|s| s.kind != SegmentKind::Other)
        && first.kind == SegmentKind::Agenda
        && minutes_at_top(doc, first.lines.clone(), rules)
    {
        first.kind = SegmentKind::Minutes;
    }
    for span in &mut spans {
        span.records = meeting_page
            && span.kind == SegmentKind::Agenda
            && doc.lines[span.lines.clone()]
                .iter()
                .any(|l| item_minutes(l.text.trim()));
        if span.kind == SegmentKind::Report {
            span.metadata = cover_sheet(doc, span.lines.clone(), rules);
            if let Some(t) = span
                .metadata
                .iter()
                .find(|m| rules.title_keys.contains(&m.key))
            {
                span.title = Some(t.value.clone());
            }
        }
    }
    spans
}

/// Words from which a line that is no table row is a paragraph of prose.
const PROSE_WORDS: usize = 20;

/// A membership list printed as a table is short: it ends where the text turns to prose
/// (terms of reference, a presentation) that no part heading opens. The list ends after
/// its last table row before the first paragraph after a row, and what follows is a part
/// of kind `other`, titled by its first line when that is short. A list printed without
/// a table is left as it is.
fn close_membership_lists(doc: &Document, spans: Vec<Span>, rules: &SegmentRules) -> Vec<Span> {
    let empty = |l: &crate::model::Line| l.is_blank() || rules.filler.is_match(l.text.trim());
    let mut out = Vec::with_capacity(spans.len());
    for mut span in spans {
        if span.kind != SegmentKind::Membership {
            out.push(span);
            continue;
        }
        let lines = &doc.lines[span.lines.clone()];
        // a list printed as plain lines, or a sentence that introduces the table, is no
        // end: prose counts only after the table's first row
        let Some(first_row) = lines.iter().position(|l| l.is_row()) else {
            out.push(span);
            continue;
        };
        let prose = lines.iter().skip(first_row + 1).position(|l| {
            !l.is_row() && !l.is_blank() && l.text.split_whitespace().count() >= PROSE_WORDS
        });
        let Some(p) = prose.map(|p| p + first_row + 1) else {
            out.push(span);
            continue;
        };
        let end = lines[..p]
            .iter()
            .rposition(|l| l.is_row())
            .map_or(p, |r| r + 1);
        // blank lines and a page filler after the list stay with it
        let end = end + lines[end..p].iter().take_while(|l| empty(l)).count();
        let cut = span.lines.start + end.max(1);
        let title = doc.lines[cut..span.lines.end]
            .iter()
            .find(|l| !empty(l))
            .map(|l| l.text.trim())
            .filter(|t| t.split_whitespace().count() <= SENTENCE_WORDS)
            .map(clean_title);
        let rest = Span {
            kind: SegmentKind::Other,
            title,
            lines: cut..span.lines.end,
            metadata: Vec::new(),
            records: false,
        };
        span.lines.end = cut;
        out.push(span);
        out.push(rest);
    }
    out
}

/// Lines after a minutes heading within which its attendance record must start.
const ATTENDANCE_LINES: usize = 25;

/// Whether an attendance record (or a decision record's labelled fields, which stand in
/// for one) starts within [`ATTENDANCE_LINES`] after line `i`.
fn attendance_follows(doc: &Document, i: usize, rules: &SegmentRules) -> bool {
    doc.lines[i..doc.lines.len().min(i + ATTENDANCE_LINES)]
        .iter()
        .any(|l| rules.minutes_top.is_match(head(l.text.trim())))
}

/// Written lines at the top of a page searched for an attendance record.
const PAGE_TOP_LINES: usize = 6;

/// Whether line `i` is the first written line of a page whose first
/// [`PAGE_TOP_LINES`] written lines name a body ("AUDIT COMMITTEE"), then a date, then
/// hold an attendance record ("PRESENT:"): the top of printed minutes that do not say
/// "Minutes". A report page that opens with figures on attendance is not one.
fn page_opens_minutes(doc: &Document, i: usize, all: &RuleSet) -> bool {
    let rules = &all.segment;
    let Some(page) = doc.lines[i].provenance.page else {
        return false;
    };
    let earlier = doc.lines[..i].iter().rev().find(|l| !l.is_blank());
    if earlier.is_some_and(|l| l.provenance.page == Some(page)) {
        return false;
    }
    let top: Vec<&str> = doc.lines[i..]
        .iter()
        .take_while(|l| l.provenance.page == Some(page))
        .filter(|l| !l.is_blank())
        .take(PAGE_TOP_LINES)
        .map(|l| head(l.text.trim()))
        .collect();
    let Some(present) = top.iter().position(|t| rules.minutes_top.is_match(t)) else {
        return false;
    };
    let above = &top[..present];
    let body = above
        .iter()
        .position(|t| t.len() <= TITLE_BYTES && all.meeting.body_words.is_match(t));
    body.is_some_and(|b| {
        above[b..]
            .iter()
            .any(|t| crate::extract::dates::find_date(t, &all.common).is_some())
    })
}

/// The first [`TOP_LINE_BYTES`] of a line.
fn head(t: &str) -> &str {
    crate::model::head(t, TOP_LINE_BYTES)
}

/// The index after a YAML front matter block at the top of `doc` (the `---` … `---`
/// header of a web export), or 0 when it has none.
pub fn front_matter_end(doc: &Document) -> usize {
    let is_fence = |i: usize| doc.lines.get(i).is_some_and(|l| l.text.trim() == "---");
    if !is_fence(0) {
        return 0;
    }
    (1..doc.lines.len().min(FRONT_MATTER_LINES))
        .find(|&i| is_fence(i))
        .map_or(0, |i| i + 1)
}

/// Whether the part `lines` opens like printed minutes: a title naming minutes among
/// its first written lines, or an attendance record among its first lines.
fn minutes_at_top(doc: &Document, lines: std::ops::Range<usize>, rules: &SegmentRules) -> bool {
    let written = doc.lines[lines.clone()]
        .iter()
        .map(|l| l.text.trim())
        .filter(|t| !t.is_empty());
    let titled = written.take(TITLE_TOP_LINES).any(|t| {
        rules.minutes_title_top.is_match(head(t))
            && !rules
                .not_heading
                .is_match(crate::model::head(t, TITLE_BYTES))
    });
    let top = lines.start..lines.end.min(lines.start + MINUTES_TOP_LINES);
    titled
        || doc.lines[top]
            .iter()
            .any(|l| rules.minutes_top.is_match(head(l.text.trim())))
}

fn is_item_title(doc: &Document, i: usize, rules: &SegmentRules) -> bool {
    let non_blank = |l: &&crate::model::Line| !l.is_blank();
    let before = doc.lines[..i].iter().rev().find(non_blank);
    let after = doc.lines[i + 1..].iter().find(non_blank);
    let numbered = before.is_some_and(|l| {
        let t = l.text.trim().trim_end_matches(['.', ')']);
        !t.is_empty() && t.len() <= 4 && t.chars().next().is_some_and(|c| c.is_ascii_digit())
    });
    numbered || after.is_some_and(|l| rules.not_heading.is_match(&l.text))
}

/// The kinds of part a line can open, in the order they are tried: the bits of
/// [`start_groups`].
const START_KINDS: [SegmentKind; 5] = [
    SegmentKind::Minutes,
    SegmentKind::Membership,
    SegmentKind::Report,
    SegmentKind::Appendix,
    SegmentKind::Presentation,
];

/// The part-opening lists of [`START_KINDS`], searched in one pass (built once per rule
/// set): most lines open nothing, and one search answers for every kind (issue #3).
fn start_groups(rules: &RuleSet) -> &PatternGroups {
    rules.derived.segment_starts.get_or_init(|| {
        let r = &rules.segment;
        PatternGroups::new(&[
            &r.minutes_start,
            &r.membership_start,
            &r.report_start,
            &r.appendix_start,
            &r.presentation_start,
        ])
    })
}

/// The kind of part `text` opens, if any: the first kind whose list matches (an
/// appendix heading is short).
fn classify(text: &str, starts: &PatternGroups) -> Option<SegmentKind> {
    let mask = starts.mask(text);
    START_KINDS
        .into_iter()
        .enumerate()
        .find(|&(i, kind)| {
            mask & 1 << i != 0 && (kind != SegmentKind::Appendix || text.len() < 160)
        })
        .map(|(_, kind)| kind)
}

fn clean_title(text: &str) -> String {
    let t: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    t.trim_matches(|c: char| c == ':' || c == '*' || c.is_whitespace())
        .to_string()
}

fn cover_sheet(doc: &Document, lines: Range<usize>, rules: &SegmentRules) -> Vec<MetadataField> {
    let end = lines.end.min(lines.start + COVER_LINES);
    let mut out = Vec::new();
    for line in &doc.lines[lines.start..end] {
        let (key, value) = if line.cells.len() >= 2 {
            (
                line.cells[0].text.as_str(),
                line.cells[1..]
                    .iter()
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        } else if let Some((k, v)) = line.text.split_once(':') {
            (k, v.to_string())
        } else {
            continue;
        };
        let key = key.trim().trim_end_matches(':').trim();
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        if !value.is_empty() && rules.cover_keys.contains(key) {
            out.push(MetadataField {
                key: key.to_string(),
                value,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(SegmentKind, Range<usize>)> {
        segment(
            &Document::from_plain_text(text),
            crate::extract::testing::rules(),
        )
        .into_iter()
        .map(|s| (s.kind, s.lines))
        .collect()
    }

    /// Kinds of the parts of `text` whose lines are on pages: a form feed ("\u{c}")
    /// starts the next page.
    fn paged_kinds(text: &str) -> Vec<SegmentKind> {
        let mut doc = Document::from_plain_text(&text.replace('\u{c}', ""));
        let mut page = 1;
        for (line, raw) in doc.lines.iter_mut().zip(text.split('\n')) {
            if raw.starts_with('\u{c}') {
                page += 1;
            }
            line.provenance.page = crate::model::OneIndexed::new(page);
        }
        segment(&doc, crate::extract::testing::rules())
            .into_iter()
            .map(|s| s.kind)
            .collect()
    }

    #[test]
    fn a_page_with_the_committee_the_date_and_present_opens_minutes() {
        let kinds = paged_kinds(
            "AGENDA\n1. Apologies\n2. Minutes\n\u{c}AUDIT COMMITTEE\n24 SEPTEMBER 2009\nPRESENT:\tDave Roberts (Chairman)\n1\tAPOLOGIES\n",
        );
        assert_eq!(kinds, [SegmentKind::Agenda, SegmentKind::Minutes]);
    }

    #[test]
    fn a_report_page_on_attendance_figures_opens_nothing() {
        let kinds = paged_kinds(
            "AGENDA\n1. Apologies\n2. School performance\n\u{c}SCHOOL PERFORMANCE 2023\nAttendance – primary schools fell to 94%.\nThe board noted the figures.\n",
        );
        assert_eq!(kinds, [SegmentKind::Agenda]);
    }

    #[test]
    fn minutes_without_a_title_open_with_their_attendance() {
        let text = "WIRRAL COUNCIL\nADULT SOCIAL CARE COMMITTEE\nTuesday, 12 March 2024\n\nPresent:\tCouncillor J Robinson (Chair)\n\n67\tAPOLOGIES\n";
        assert_eq!(kinds(text), vec![(SegmentKind::Minutes, 0..7)]);
        // a "PRESENT" heading of its own, in English or Welsh
        for heading in ["PRESENT", "PRESENNOL", "Yn bresennol:"] {
            let text = format!("12 May 2021\n{heading}\nCouncillors A, B and C\n1. APOLOGIES\n");
            assert_eq!(
                kinds(&text),
                vec![(SegmentKind::Minutes, 0..4)],
                "{heading}"
            );
        }
        // A front sheet lists the members; it records no attendance.
        let text = "NOTICE OF MEETING\nMembership: Councillors A, B and C\n1. APOLOGIES\n";
        assert_eq!(kinds(text), vec![(SegmentKind::Agenda, 0..3)]);
    }

    /// Issue #12: parish minutes name themselves inside a longer first line, open with
    /// "PRESENT" on its own line or "Those attending:", and web exports put a front
    /// matter block above them.
    #[test]
    fn parish_minutes_open_in_many_ways() {
        for top in [
            "BRAMLEY PARISH COUNCIL Draft Minutes of the Ordinary Meeting held on Monday 3 May 2021 at 7pm\nApologies: none\n",
            "Notes of the meeting of the Village Hall Committee\nWednesday 5th July 2006\n",
            "OAKWELL COMMUNITY COUNCIL\nMEETING 14th MAY 2019\n\nPRESENT\nCouncillors Ann Lee and Bo Ray.\n",
            "The September meeting\nThose Attending: Cllr A Lee, Cllr B Ray\n",
            "COFNODION CYFARFOD CYNGOR CYMUNED\n",
        ] {
            let text = format!("{top}1. Apologies\nNone.\n");
            let got = kinds(&text);
            assert_eq!(got.len(), 1, "{top}");
            assert_eq!(got[0].0, SegmentKind::Minutes, "{top}");
        }
        let text = "---\ntitle: \"Minutes of May\"\ndate: \"2018-07-29\"\n---\n\nMINUTES OF THE PARISH COUNCIL MEETING HELD ON 2 MAY 2018\nPresent: Cllr A Lee\n";
        assert_eq!(
            kinds(text),
            [(SegmentKind::Other, 0..4), (SegmentKind::Minutes, 4..7)]
        );
    }

    /// Issue #12: "Minutes of the meeting held on …" inside printed minutes (the item
    /// approving the last meeting's minutes) is no second set of minutes.
    #[test]
    fn a_minutes_heading_without_attendance_opens_nothing() {
        let filler = "Discussion.\n".repeat(8);
        let text = format!(
            "MINUTES OF THE PANEL HELD ON 10 December 2024\nPRESENT: Ann Lee (Chair)\n{filler}3. Minutes\nMinutes of the meeting held on 29 October 2024\nRESOLVED that they be signed.\n"
        );
        assert_eq!(kinds(&text), [(SegmentKind::Minutes, 0..13)]);
    }

    #[test]
    fn agenda_minutes_report_appendix() {
        let filler = "text\n".repeat(COVER_LINES);
        let text = format!(
            "NOTICE OF MEETING\n1. APOLOGIES\nMINUTES OF THE BOARD HELD ON 1 May 2020\n12. MINUTES\nReport for:\tBoard 3 June 2020\nAppendix A – Figures (listed on the cover)\n{filler}Appendix A – Figures\n1\t2\n"
        );
        let appendix = 6 + COVER_LINES;
        assert_eq!(
            kinds(&text),
            vec![
                (SegmentKind::Agenda, 0..2),
                (SegmentKind::Minutes, 2..4),
                (SegmentKind::Report, 4..appendix),
                (SegmentKind::Appendix, appendix..appendix + 2),
            ]
        );
    }

    /// Issue #5: decision records of committee systems and officers open a minutes
    /// part; a sentence or an agenda title that mentions a decision does not.
    #[test]
    fn decision_records_open_minutes() {
        for heading in [
            "Decision details",
            "DECISION NOTICE",
            "Record of Decision",
            "Record of an Officer Decision",
            "Record of Executive Decisions",
            "Record of decision taken under delegated powers",
            "Executive Decision Notice",
            "Officer Decision Record",
            "Cabinet Member Decision Notice:",
        ] {
            let text = format!("{heading}\nDecision Maker: Cabinet\n");
            assert_eq!(kinds(&text), [(SegmentKind::Minutes, 0..2)], "{heading}");
        }
        for line in [
            "The decision notice was published on 3 May.",
            "Key decision",
            "Decisions",
            "Notice of key decisions to be taken",
        ] {
            let text = format!("{line}\nDecision Maker: Cabinet\n");
            assert_eq!(kinds(&text), [(SegmentKind::Agenda, 0..2)], "{line}");
        }
    }

    /// Issue #12: a membership list ends with its table; the paper after it, which no
    /// part heading opens, is a part of its own, titled by its first line.
    #[test]
    fn a_membership_list_does_not_swallow_the_paper_after_it() {
        let text = "Agenda\n1. Apologies\nAppendix C\nPanel Membership List\nORGANISATION\tNAME\nCouncil\tCllr A Jones\nPolice\tInspector B Smith\n\nThis page is intentionally left blank\n\nInformation item: Road safety\nThe number of collisions on roads near the town's schools rose last year, and this paper sets out what partners are doing about it.\n";
        let doc = Document::from_plain_text(text);
        let spans = segment(&doc, crate::extract::testing::rules());
        let got: Vec<(SegmentKind, Range<usize>, Option<&str>)> = spans
            .iter()
            .map(|s| (s.kind, s.lines.clone(), s.title.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (SegmentKind::Agenda, 0..2, None),
                (SegmentKind::Appendix, 2..3, Some("Appendix C")),
                (
                    SegmentKind::Membership,
                    3..10,
                    Some("Panel Membership List")
                ),
                (
                    SegmentKind::Other,
                    10..12,
                    Some("Information item: Road safety")
                ),
            ]
        );
    }

    /// Issue #5: a meeting page whose items each carry a "Minutes:" label is one agenda
    /// part that records its meeting; a single "Minutes:" still opens minutes.
    #[test]
    fn meeting_page_with_item_minutes_is_agenda_and_record() {
        let text = "Planning Board - Monday, 2nd June, 2025 7.00 pm\n1. Apologies\nMinutes:\nNone were received.\n2. Minutes\nTo approve the minutes.\nMinutes:\nThe minutes were approved.\n";
        let doc = Document::from_plain_text(text);
        let spans = segment(&doc, crate::extract::testing::rules());
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].kind, SegmentKind::Agenda);
        assert!(spans[0].records);
        let text = "Agenda\n1. Apologies\nMinutes:\nBoard, 2 June 2025\n";
        let spans = segment(
            &Document::from_plain_text(text),
            crate::extract::testing::rules(),
        );
        assert_eq!(
            spans
                .iter()
                .map(|s| (s.kind, s.records))
                .collect::<Vec<_>>(),
            [(SegmentKind::Agenda, false), (SegmentKind::Minutes, false)]
        );
    }

    #[test]
    fn repeated_minutes_heading_is_one_part() {
        let text = "MINUTES OF THE BOARD TUESDAY, 26 JUNE 2012\na\nMINUTES OF THE BOARD TUESDAY, 26 JUNE 2012\nb\n";
        assert_eq!(kinds(text), vec![(SegmentKind::Minutes, 0..4)]);
    }

    #[test]
    fn cover_sheet_fields_become_metadata_and_title() {
        let doc = Document::from_plain_text(
            "Report for:\tCSP\nTitle of Report\tKnife crime\nReport Author\tA. Person\n",
        );
        let spans = segment(&doc, crate::extract::testing::rules());
        assert_eq!(spans[0].title.as_deref(), Some("Knife crime"));
        assert_eq!(spans[0].metadata.len(), 3);
    }

    #[test]
    fn a_bare_minutes_item_title_stays_in_the_agenda() {
        let text = "Agenda\n4\nDeclarations\n5\nMinutes\nTo approve as a correct record the minutes of the last meeting.\nMinutes\nExecutive Board\nWednesday 18 October 2023\n";
        assert_eq!(
            kinds(text),
            [(SegmentKind::Agenda, 0..6), (SegmentKind::Minutes, 6..9)]
        );
    }

    #[test]
    fn long_minutes_headings_ending_in_a_full_stop_open_minutes() {
        let text = "AGENDA\n1. Apologies\nMINUTES of a meeting of the Health Overview and Scrutiny Committee held in the Council Chamber, County Hall on Friday, 19 January 2024.\nPRESENT: Mr A Smith\n";
        assert_eq!(
            kinds(text),
            [(SegmentKind::Agenda, 0..2), (SegmentKind::Minutes, 2..4)]
        );
    }

    #[test]
    fn front_sheet_membership_and_item_descriptions_stay_in_the_agenda() {
        let text = "Agenda\nMembership\nCouncillor A Smith\n1\tMinutes\nMinutes of the meeting of Cabinet held on 11 January 2022, as circulated, to be confirmed as a true record.\nReport of the Executive Director Corporate Services.\n2\tBudget\nReport to:\tCabinet\nSubject:\tBudget\n";
        assert_eq!(
            kinds(text),
            [(SegmentKind::Agenda, 0..7), (SegmentKind::Report, 7..9)]
        );
    }
}
