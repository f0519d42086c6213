//! Extractors: the normalised [`Document`] and its segments in, the facts of `OUTPUT.md` out.
//!
//! Each extractor reads only the model and its own section of the [`RuleSet`]; none may
//! look at the input format. [`extract_pack`] runs them in order: council → segments →
//! notice meeting → minutes (attendees, resolutions, actions) → action plans → tables.

pub mod actions;
pub mod attendees;
pub mod bodies;
pub mod cells;
pub mod council;
pub mod dates;
pub mod ids;
pub mod meeting;
pub mod minutes;
pub mod money_lists;
pub mod names;
pub mod owners;
pub mod plans;
pub mod resolutions;
pub mod sentences;
pub mod tables;
pub mod tasks;
#[cfg(test)]
pub mod testing;
pub mod titles;

use crate::model::Document;
use crate::pack::{Meeting, MeetingKind, Pack, Source, Warning};
use crate::rules::{RuleBook, RuleSet};
use crate::segment;

/// What identifies a meeting, for deriving the stable ids of the facts recorded in it.
#[derive(Debug, Clone, Copy)]
pub struct MeetingKey<'a> {
    /// Council name.
    pub council: Option<&'a str>,
    /// Committee or board.
    pub body: Option<&'a str>,
    /// ISO date.
    pub date: Option<&'a str>,
    /// Start time `HH:MM`: tells apart two meetings of one body on one day.
    pub time: Option<&'a str>,
}

impl MeetingKey<'_> {
    /// A stable id for a fact of this meeting: `prefix` plus the meeting's identity plus
    /// `parts` (item number, text…).
    pub fn id(&self, prefix: &str, parts: &[&str]) -> String {
        ids::stable_id(prefix, &self.with(parts))
    }

    /// Like [`MeetingKey::id`], unique among the ids `seen` has handed out.
    pub fn unique_id(&self, seen: &mut ids::Unique, prefix: &str, parts: &[&str]) -> String {
        seen.id(prefix, &self.with(parts))
    }

    fn with<'p>(&'p self, parts: &[&'p str]) -> Vec<&'p str> {
        let mut all = vec![
            self.council.unwrap_or(""),
            self.body.unwrap_or(""),
            self.date.unwrap_or(""),
            self.time.unwrap_or(""),
        ];
        all.extend_from_slice(parts);
        all
    }
}

/// Leaves out a resolution that restates an earlier one of the same item, on a meeting
/// page only: it prints each item's decision twice, under "Decision:" and in the item's
/// minutes (one of them often cut short with "…"), and that is one decision (issue #5).
/// Printed minutes that repeat a resolution keep both.
fn distinct_resolutions(all: Vec<crate::pack::Resolution>) -> Vec<crate::pack::Resolution> {
    // the words up to an ellipsis, lower-case
    let words = |t: &str| -> Vec<String> {
        let cut = [t.find("..."), t.find('…')].into_iter().flatten().min();
        t[..cut.unwrap_or(t.len())]
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let cut = |t: &str| t.contains("...") || t.contains('…');
    let mut out: Vec<crate::pack::Resolution> = Vec::new();
    for r in all {
        let w = words(&r.text);
        let same = out.iter().position(|o| {
            let v = words(&o.text);
            o.item == r.item
                && !w.is_empty()
                && (v == w
                    || cut(&r.text) && v.starts_with(&w)
                    || cut(&o.text) && w.starts_with(&v))
        });
        match same {
            // keep the whole text where one of the two was cut short
            Some(k) if cut(&out[k].text) && !cut(&r.text) => out[k].text = r.text,
            Some(_) => {}
            None => out.push(r),
        }
    }
    out
}

/// What the caller knows about a pack besides its text.
#[derive(Debug, Clone, Default)]
pub struct PackContext {
    /// Council from the pack's folder under the corpus, if any.
    pub folder_council: Option<String>,
    /// Council given with `--council`, if any.
    pub cli_council: Option<String>,
}

/// Runs every extractor over one loaded document.
pub fn extract_pack(
    doc: &Document,
    source: Source,
    book: &RuleBook,
    ctx: &PackContext,
    mut warnings: Vec<Warning>,
) -> Pack {
    let detected = council::detect(doc, book);
    let council = detected
        .as_ref()
        .map(|c| c.name.clone())
        .or_else(|| ctx.folder_council.clone())
        .or_else(|| ctx.cli_council.clone());
    let council_printed = detected.as_ref().and_then(|c| c.printed.clone());
    if council.is_none() {
        warnings.push(crate::warnings::Code::UnknownCouncil.warn(
            "no council named in the text, its folder or --council: extracted with the default rules",
            None,
        ));
    }
    let rules: &RuleSet = book.for_council(council.as_deref());
    let spans = segment::segment(doc, rules);
    // "the above Council" is the one the letterhead names
    let letterhead = detected
        .as_ref()
        .filter(|c| c.in_letterhead)
        .and_then(|c| c.printed.as_deref());
    let namer = bodies::BodyNamer::new(&rules.bodies, &rules.common, letterhead);

    let mut meetings: Vec<Meeting> = Vec::new();
    let mut meeting_ids = ids::Unique::new();
    let notice = meeting::notice(doc, &spans, rules, council.as_deref(), &namer);
    // What the notice says of a meeting page that also records its meeting: the
    // minutes read from the same lines are of the same meeting (issue #5).
    let page = notice
        .as_ref()
        .filter(|_| spans.first().is_some_and(|s| s.records))
        .map(|n| (n.body.clone(), n.location.clone()));
    if let Some(notice) = notice {
        meetings.push(notice);
    }
    // An agenda part that also records its meeting (a meeting page whose items carry
    // their minutes) is read as minutes too.
    let record_spans: Vec<segment::Span> = spans
        .iter()
        .map(|s| segment::Span {
            kind: if s.records {
                crate::pack::SegmentKind::Minutes
            } else {
                s.kind
            },
            ..s.clone()
        })
        .collect();
    let minutes_blocks = minutes::find(doc, &record_spans, rules);
    let only_minutes = minutes_blocks.len() == 1;
    for mut block in minutes_blocks {
        let from_page = spans
            .iter()
            .any(|s| s.records && s.lines.start == block.lines.start);
        block.body = namer.name(block.body.as_deref());
        if let Some((body, location)) = page.as_ref().filter(|_| from_page) {
            block.body = block.body.or_else(|| body.clone());
            block.location = block.location.or_else(|| location.clone());
        }
        block.body = block.body.or_else(|| namer.council_meeting());
        // The one set of minutes of a document whose text gives no date: an archive's
        // file name often does ("20211025.txt"); said in a warning, to check by hand.
        if block.date.is_none()
            && only_minutes
            && let Some(date) = dates::file_name_date(&source.path, &rules.common)
        {
            warnings.push(crate::warnings::Code::DateFromFileName.warn(
                format!("the minutes give no date: {date} is read from the file name"),
                Some(block.provenance),
            ));
            block.date = Some(date);
        }
        if block.date.is_none() {
            warnings.push(crate::warnings::Code::MinutesWithoutDate.warn(
                "minutes found but the date of the meeting they record could not be read",
                Some(block.provenance),
            ));
        }
        let key = MeetingKey {
            council: council.as_deref(),
            body: block.body.as_deref(),
            date: block.date.as_deref(),
            time: block.time.as_deref(),
        };
        let attendees = attendees::extract_reporting(doc, &block, rules, &mut warnings);
        let mut resolutions = resolutions::extract(doc, &block, rules, key);
        if from_page {
            resolutions = distinct_resolutions(resolutions);
        }
        let actions = actions::extract(doc, &block, &attendees, rules, key);
        if attendees.is_empty() {
            warnings.push(crate::warnings::Code::MinutesWithoutAttendees.warn(
                "minutes found but no attendee could be read: check the attendance by hand",
                Some(block.provenance),
            ));
        }
        if resolutions.is_empty() {
            warnings.push(crate::warnings::Code::MinutesWithoutDecisions.warn(
                "minutes found but no decision could be read: check them by hand",
                Some(block.provenance),
            ));
        }
        meetings.push(Meeting {
            id: key.unique_id(&mut meeting_ids, "mtg", &["minutes"]),
            kind: MeetingKind::Minutes,
            council: council.clone(),
            body: block.body.clone(),
            body_printed: None,
            date: block.date.clone(),
            time: block.time.clone(),
            end_time: block.end_time.clone(),
            location: block.location.clone(),
            agenda: Vec::new(),
            attendees,
            items: block.items.iter().map(|i| i.to_item()).collect(),
            resolutions,
            actions,
            provenance: block.provenance,
        });
    }
    // Plans and tables are re-issued pack after pack: key them on the council (plus their
    // own title and text), not on the meeting whose pack happens to carry them, so an
    // unchanged plan row keeps its id.
    let pack_key = MeetingKey {
        council: council.as_deref(),
        body: None,
        date: None,
        time: None,
    };
    let action_plans = plans::extract(doc, &spans, rules, pack_key);
    let tables = tables::extract(doc, rules, pack_key);
    let documents = spans.iter().map(|s| s.to_segment(doc)).collect();
    bodies::share(&mut meetings, &rules.bodies);
    if meetings.is_empty() {
        warnings.push(
            crate::warnings::Code::NoMeeting
                .warn("no notice of meeting and no minutes were recognised", None),
        );
    }
    Pack {
        schema_version: crate::pack::SCHEMA_VERSION.to_string(),
        source,
        council,
        council_printed,
        meetings,
        documents,
        action_plans,
        tables,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Resolution;

    fn res(item: &str, text: &str) -> Resolution {
        Resolution {
            id: format!("r-{item}-{}", text.len()),
            item: Some(item.to_string()),
            text: text.to_string(),
            provenance: crate::model::Provenance::default(),
        }
    }

    #[test]
    fn a_decision_restated_in_the_minutes_is_one_resolution() {
        let got = distinct_resolutions(vec![
            res("3", "The Board approved the plan ... view"),
            res("3", "The Board approved the plan and its budget."),
            res("4", "That the report be noted."),
            res("4", "That the report be noted."),
            res("5", "That the report be noted."),
            res("5", "That the plan be approved."),
        ]);
        let texts: Vec<(&str, &str)> = got
            .iter()
            .map(|r| (r.item.as_deref().unwrap_or(""), r.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                ("3", "The Board approved the plan and its budget."),
                ("4", "That the report be noted."),
                ("5", "That the report be noted."),
                ("5", "That the plan be approved."),
            ]
        );
    }
}
