//! Actions with named owners in minutes.
//!
//! Takes a [`MinutesBlock`] and the meeting's attendees and returns one [`Action`] per
//! owned action: an inline marker closing a paragraph ("(Action: Eubert Malcolm)",
//! "ACTION: Director of Public Health", "Action by: Clerk" on the next line), an
//! "`<Owner> to <verb> …`" line under an "Actions" heading, or the "Action by" column of
//! minutes printed as a table. The text is what the marker closes, marker removed; owners
//! are resolved by [`owners::resolve`]. A marker without an owner ("(ACTION)") gives no
//! action, and neither does a column value that names nobody.

use crate::extract::MeetingKey;
use crate::extract::dates;
use crate::extract::minutes::{ItemSpan, MinutesBlock};
use crate::extract::owners::{self, Confidence};
use crate::extract::resolutions::{Paragraph, paragraphs};
use crate::extract::sentences::sentences;
use crate::extract::tasks;
use crate::model::{Document, Provenance};
use crate::pack::{Action, Attendee, OwnerKind};
use crate::rules::{Pattern, Patterns, RuleSet, Words};

crate::rule_section! {
    /// Actions and owners.
    pub struct ActionRules / RawActionRules {
        /// An action marker inside or at the end of a paragraph, with an `owners` group;
        /// the whole match is removed from the action's text.
        marker: Patterns,
        /// Where a marker's owner list ends and a printed status or due date begins.
        owner_tail: Pattern,
        /// A heading that opens a list of "`<Owner> to <verb> …`" lines.
        heading: Pattern,
        /// An "`<Owner> to <verb> …`" line: an `owners` group before the verb.
        owner_to: Pattern,
        /// A due date in an action: the `when` group is read as a date.
        due: Pattern,
        /// A printed status: the `status` group.
        status: Pattern,
        /// What separates the owners of one action: "&", "and", ",", "/", "with".
        owner_split: Pattern,
        /// Values of an owner slot that name nobody ("TBC", "N/A", "None").
        not_owner: Words,
        /// A sentence giving a task in narrative minutes, with an `owner` group ("Clerk
        /// to write …", "Cllr X agreed to …"); read in the items that mark no action,
        /// except in minutes printed as a table with an "Action by" column.
        task: Patterns,
        /// Sentences that read like tasks and are not ("will attend", "Clerk to the
        /// Council").
        not_task: Patterns,
    }
}

/// The actions of one set of minutes, owners resolved against `attendees`.
pub fn extract(
    doc: &Document,
    block: &MinutesBlock,
    attendees: &[Attendee],
    rules: &RuleSet,
    key: MeetingKey<'_>,
) -> Vec<Action> {
    let mut found: Vec<Found> = Vec::new();
    for item in block.parts().iter() {
        let paras = paragraphs(doc, block, item, rules);
        let before_item = found.len();
        for (k, p) in paras.iter().enumerate() {
            let before = &paras[..k];
            let n = found.len();
            markers(p, before, &item.number, attendees, rules, &mut found);
            if found.len() == n
                && !p.text.trim().is_empty()
                && let Some(value) = &p.action
            {
                let context = paras
                    .iter()
                    .map(|q| q.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let owners = owners::resolve(value, attendees, &context, rules, Confidence::Column);
                if !owners.is_empty() {
                    found.push(Found {
                        item: item.number.clone(),
                        text: tidy(&p.text, rules),
                        owners_raw: value.clone(),
                        owners,
                        due: None,
                        provenance: p.provenance,
                    });
                }
            }
        }
        owner_lists(&paras, &item.number, attendees, rules, &mut found);
        action_tables(doc, block, item, attendees, rules, &mut found);
        // An item that marks no action gives its tasks in sentences ("Clerk to write to
        // Highways."), however the other items mark theirs; minutes printed as a table
        // with an "Action by" column say who acts there, and a row without an owner has
        // none (a right-hand margin of notes is not such a column).
        if found.len() == before_item && (block.action_column.is_none() || block.action_margin) {
            found.extend(
                tasks::find(&paras, attendees, rules)
                    .into_iter()
                    .map(|t| Found {
                        item: item.number.clone(),
                        text: t.text,
                        owners_raw: t.owner_raw,
                        owners: t.owners,
                        due: None,
                        provenance: t.provenance,
                    }),
            );
        }
    }
    // The same text twice under one minute (two owners recorded separately) gets an
    // occurrence number.
    let mut seen = crate::extract::ids::Unique::new();
    found
        .into_iter()
        .map(|f| {
            let id = key.unique_id(&mut seen, "act", &[&f.item, &f.text]);
            let both = format!("{} {}", f.text, f.owners_raw);
            let due = f.due.or_else(|| {
                rules
                    .actions
                    .due
                    .captures(&both)
                    .and_then(|c| dates::find_date(c.name("when")?.as_str(), &rules.common))
            });
            let status = rules
                .actions
                .status
                .captures(&both)
                .and_then(|c| c.name("status"))
                .map(|s| s.as_str().trim().to_string());
            Action {
                id,
                item: (!f.item.is_empty()).then_some(f.item),
                text: f.text,
                owners: f.owners,
                due,
                status,
                provenance: f.provenance,
            }
        })
        .collect()
}

/// An action before ids and dates are worked out.
struct Found {
    item: String,
    text: String,
    owners_raw: String,
    owners: Vec<crate::pack::Owner>,
    /// A due date printed in a column of its own.
    due: Option<String>,
    provenance: Provenance,
}

/// Actions closed by markers in paragraph `p`; a marker that opens the paragraph
/// ("Action by: Clerk" on its own line) closes the paragraph before.
fn markers(
    p: &Paragraph,
    before: &[Paragraph],
    item: &str,
    attendees: &[Attendee],
    rules: &RuleSet,
    out: &mut Vec<Found>,
) {
    let mut hits: Vec<(usize, usize, String)> = Vec::new();
    for pat in rules.actions.marker.matching(&p.text) {
        for c in pat.captures_iter(&p.text) {
            let (Some(m), Some(o)) = (c.get(0), c.name("owners")) else {
                continue;
            };
            if !hits.iter().any(|h| m.start() < h.1 && h.0 < m.end()) {
                hits.push((m.start(), m.end(), o.as_str().to_string()));
            }
        }
    }
    hits.sort();
    let mut from = 0;
    for (start, end, raw) in hits {
        let mut text = p.text[from..start].to_string();
        from = end;
        let mut raw = raw;
        // "ACTION: Clerk to circulate the slides": the owner is before "to".
        if let Some(c) = rules.actions.owner_to.captures(raw.trim())
            && let Some(o) = c.name("owners")
        {
            if text.trim_matches(|c: char| !c.is_alphanumeric()).is_empty() {
                text = raw.clone();
            }
            raw = o.as_str().to_string();
        }
        if text.trim_matches(|c: char| !c.is_alphanumeric()).is_empty() {
            match before.last() {
                Some(prev) if start == 0 => text = prev.text.clone(),
                _ => continue,
            }
        }
        // "ACTION: Highways Team – status: ongoing": the owners end where a printed status
        // or due date begins (both are still read from the whole marker).
        let named = rules
            .actions
            .owner_tail
            .find(&raw)
            .map_or(raw.as_str(), |m| &raw[..m.start()]);
        let owners = owners::resolve(named, attendees, &text, rules, Confidence::Marked);
        if owners.is_empty() {
            continue;
        }
        out.push(Found {
            item: item.to_string(),
            text: tidy(&text, rules),
            owners_raw: raw,
            owners,
            due: None,
            provenance: p.provenance,
        });
    }
}

/// "`<Owner> to <verb> …`" lines: under an "Actions" heading any owner, elsewhere (a
/// paragraph of its own, "Democratic Services Officer to add the report to the work
/// programme.") only owners that are a post, a group or someone on the attendance list,
/// so that "Access to services was discussed" is no action.
fn owner_lists(
    paras: &[Paragraph],
    item: &str,
    attendees: &[Attendee],
    rules: &RuleSet,
    out: &mut Vec<Found>,
) {
    let mut under = false;
    for p in paras {
        if rules.actions.heading.is_match(&p.text) {
            under = true;
            continue;
        }
        let (text, o, owners) = if under {
            let text = tidy(&p.text, rules);
            let Some(o) = owner_to(&text, rules) else {
                under = false;
                continue;
            };
            let owners = owners::resolve(&o, attendees, &text, rules, Confidence::Marked);
            (text, o, owners)
        } else {
            // The whole paragraph opens with the owner (most paragraphs do not: that
            // test comes first). Paragraphs with a marker or an action column were read
            // by their owners; a decision ("The Board RESOLVED to …") or a substitution
            // ("Tim Miller to substitute for …") is no action.
            let Some(o) = owner_to(p.text.trim(), rules) else {
                continue;
            };
            if p.action.is_some()
                || rules.actions.marker.is_match(&p.text)
                || crate::extract::resolutions::label_end(&p.text, rules).is_some()
                || rules.attendees.substitution.is_match(&p.text)
            {
                continue;
            }
            let text = tidy(&p.text, rules);
            let owners = owners::resolve(&o, attendees, &text, rules, Confidence::Column);
            let known = |w: &crate::pack::Owner| {
                w.kind != OwnerKind::Person || attendees.iter().any(|a| a.name == w.name)
            };
            if !owners.iter().all(known) {
                continue;
            }
            (text, o, owners)
        };
        if !owners.is_empty() {
            out.push(Found {
                item: item.to_string(),
                owners_raw: o,
                text,
                owners,
                due: None,
                provenance: p.provenance,
            });
        }
    }
}

/// An action log inside a minute: a table whose header names an action column and an
/// owner column ("Action | Owner | Due", "Action | Lead Officer | By when"), with the
/// header words of `[plans]`. Each row naming an owner is an action; a row with no owner
/// continues the row above (a wrapped cell) when it goes on in lower case or the text
/// above is no finished sentence. The
/// minutes' own layout header ("Minute | Subject | Action by") is not such a table: its
/// column is read as each paragraph's action.
fn action_tables(
    doc: &Document,
    block: &MinutesBlock,
    item: &ItemSpan,
    attendees: &[Attendee],
    rules: &RuleSet,
    out: &mut Vec<Found>,
) {
    let r = &rules.plans;
    // (text column, owner column, due column) of the table being read
    let mut columns: Option<(usize, usize, Option<usize>)> = None;
    // The last action read from the table, in `out`.
    let mut last: Option<usize> = None;
    for (_, line) in block.content(doc, item.heading + 1..item.lines.end) {
        if !line.is_row() {
            if !line.is_blank() {
                columns = None;
                last = None;
            }
            continue;
        }
        let cell = |i: usize| line.cells.get(i).map_or("", |c| c.text.trim());
        let find = |p: &Patterns| (0..line.cells.len()).find(|&i| p.is_match(cell(i)));
        if let (Some(t), Some(o)) = (find(&r.text_header), find(&r.owner_header))
            && t != o
        {
            columns = Some((t, o, find(&r.end_header)));
            last = None;
            continue;
        }
        let Some((t, o, d)) = columns else { continue };
        let (text, owner) = (cell(t), cell(o));
        if owner.is_empty() {
            if let Some(prev) = last.and_then(|k| out.get_mut(k)).filter(|p| {
                text.starts_with(char::is_lowercase) || !p.text.trim_end().ends_with('.')
            }) {
                prev.text.push(' ');
                prev.text.push_str(text);
            }
            continue;
        }
        if text.is_empty() {
            continue;
        }
        let owners = owners::resolve(owner, attendees, text, rules, Confidence::Column);
        if owners.is_empty() {
            continue;
        }
        // A row whose text reads "Clerk to circulate …" was also taken as an owner line:
        // the table's reading (its owner column, its due date) replaces that one.
        out.retain(|f| !(f.provenance == line.provenance && f.item == item.number));
        out.push(Found {
            item: item.number.clone(),
            text: text.to_string(),
            owners_raw: owner.to_string(),
            owners,
            due: d.and_then(|d| dates::find_date(cell(d), &rules.common)),
            provenance: line.provenance,
        });
        last = Some(out.len() - 1);
    }
}

/// The owners of an "`<Owner> to <verb> …`" text.
fn owner_to(text: &str, rules: &RuleSet) -> Option<String> {
    let pattern = &rules.actions.owner_to;
    if !pattern.is_match(text) {
        return None;
    }
    let c = pattern.captures(text)?;
    Some(c.name("owners")?.as_str().to_string())
}

/// Most sentences kept before a marker: what a marker closes is the sentence before it
/// and the one or two that set it up, not the whole discussion of the item.
const MAX_SENTENCES: usize = 3;

/// The last `n` sentences of `text`.
fn last_sentences<'t>(text: &'t str, n: usize, rules: &RuleSet) -> &'t str {
    let all = sentences(text, rules);
    match all.len().checked_sub(n) {
        Some(k) if n > 0 && k > 0 => &text[all[k].start..],
        _ => text,
    }
}

/// The action's text: the last few sentences before the marker, enumerator and stray
/// punctuation left by the marker removed.
fn tidy(text: &str, rules: &RuleSet) -> String {
    let text = last_sentences(text.trim(), MAX_SENTENCES, rules);
    let t = text
        .trim()
        .trim_start_matches(['.', ')', ' ', '*', '-', '•', '–']);
    let t = rules
        .resolutions
        .point
        .find(t)
        .filter(|m| m.start() == 0)
        .map_or(t, |m| &t[m.end()..]);
    let t = t.trim().trim_end_matches(['*', ' ', '(']).trim_end();
    let mut s = t.split_whitespace().collect::<Vec<_>>().join(" ");
    if !s.is_empty() && !s.ends_with(['.', '!', '?']) && s.ends_with(char::is_alphanumeric) {
        s.push('.');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing::{self, person};
    use crate::pack::OwnerKind;

    fn run(text: &str, att: &[Attendee]) -> Vec<Action> {
        let (doc, blocks) = testing::minutes_blocks(text);
        blocks
            .iter()
            .flat_map(|b| extract(&doc, b, att, testing::rules(), testing::NO_KEY))
            .collect()
    }

    const HEAD: &str =
        "MINUTES OF THE MEETING OF THE COMMUNITY SAFETY PARTNERSHIP HELD ON 16 December 2020\n\n";

    fn owners(a: &Action) -> Vec<&str> {
        a.owners.iter().map(|o| o.name.as_str()).collect()
    }

    #[test]
    fn owners_end_where_a_status_or_due_date_begins() {
        let got = run(
            &format!(
                "{HEAD}5. HIGHWAYS\n\nPotholes on the ring road would be repaired. ACTION: Highways Team – status: ongoing\n\nThe survey would be shared. (Action: Jo Smith, due 12/04/2024)\n"
            ),
            &[],
        );
        assert_eq!(got.len(), 2);
        assert_eq!(owners(&got[0]), ["Highways Team"]);
        assert_eq!(owners(&got[1]), ["Jo Smith"]);
        assert_eq!(got[1].due.as_deref(), Some("2024-04-12"));
    }

    #[test]
    fn inline_marker_with_misspelt_owner() {
        let att = [person("Eubert Malcolm")];
        let got = run(
            &format!(
                "{HEAD}23. MOPAC UPDATE\n\nThe AD advised that talks were under way. A further update would come back. (Action: Eubert Malcom).\n"
            ),
            &att,
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].item.as_deref(), Some("23"));
        assert_eq!(
            got[0].text,
            "The AD advised that talks were under way. A further update would come back."
        );
        assert_eq!(owners(&got[0]), ["Eubert Malcolm"]);
        assert_eq!(got[0].owners[0].raw, "Eubert Malcom");
    }

    #[test]
    fn two_markers_in_one_paragraph_and_two_owners() {
        let got = run(
            &format!(
                "{HEAD}90. COMMS\n\nInfo would be circulated (Action: Laura Wileman). Results would follow later (Action: Keith Trotter & Graham Philpot). Other talk.\n"
            ),
            &[],
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].text, "Info would be circulated.");
        assert_eq!(got[1].text, "Results would follow later.");
        assert_eq!(owners(&got[1]), ["Keith Trotter", "Graham Philpot"]);
    }

    #[test]
    fn initials_role_and_no_owner() {
        let att = [person("Emma Phillips")];
        let got = run(
            &format!(
                "{HEAD}5. HEALTH\n\nThe report would be shared (ACTION: EP)\n\nData to be refreshed by 31 March 2024. ACTION: Director of Public Health\n\nSomething to look at (ACTION)\n"
            ),
            &att,
        );
        assert_eq!(got.len(), 2);
        assert_eq!(owners(&got[0]), ["Emma Phillips"]);
        assert_eq!(got[0].owners[0].raw, "EP");
        assert_eq!(got[1].owners[0].kind, OwnerKind::Role);
        assert_eq!(got[1].owners[0].name, "Director of Public Health");
        assert_eq!(got[1].due.as_deref(), Some("2024-03-31"));
    }

    #[test]
    fn action_by_on_next_line_and_owner_lists() {
        let got = run(
            &format!(
                "{HEAD}6. FORWARD PLAN\n\nThe slides would be sent to members.\nAction by: Clerk\n\nActions:\n- Clerk to circulate the slides.\n- Communications Team to draft a press release.\n\nThe Chair closed the item.\n"
            ),
            &[],
        );
        let texts: Vec<&str> = got.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "The slides would be sent to members.",
                "Clerk to circulate the slides.",
                "Communications Team to draft a press release."
            ]
        );
        assert_eq!(got[2].owners[0].kind, OwnerKind::Group);
    }

    #[test]
    fn an_action_log_table_in_a_minute_gives_actions() {
        let att = [testing::person("Jackie Wardle")];
        let got = run(
            &format!(
                "{HEAD}7. ACTION LOG\n\nAction\tOwner\tDue\nCirculate the BCF plan to\tJackie Wardle\t31 October 2023\nBoard members\t\t\nReport on winter pressures.\tDirector of Public Health\tTBC\nStale row\t\t\nClerk to book the room.\tClerk\t\n\nThe Board noted the log.\n"
            ),
            &att,
        );
        let found: Vec<(&str, Vec<&str>, Option<&str>)> = got
            .iter()
            .map(|a| (a.text.as_str(), owners(a), a.due.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "Circulate the BCF plan to Board members",
                    vec!["Jackie Wardle"],
                    Some("2023-10-31")
                ),
                (
                    "Report on winter pressures.",
                    vec!["Director of Public Health"],
                    None
                ),
                ("Clerk to book the room.", vec!["Clerk"], None),
            ],
            "a row is one action, however many ways it reads"
        );
    }

    #[test]
    fn a_post_or_attendee_to_do_something_is_an_action_without_a_heading() {
        let att = [testing::person("Jo Bloggs")];
        let got = run(
            &format!(
                "{HEAD}6. BUDGET\n\nDemocratic Services Officer to add the report to the work programme.\n\nJo Bloggs to circulate the figures.\n\nAccess to services was discussed.\n\nMartin Smith to raise it with the police.\n\nTim Miller to substitute for Jo Bloggs.\n\nThe Board RESOLVED to approve the budget.\n"
            ),
            &att,
        );
        let found: Vec<(&str, Vec<&str>)> =
            got.iter().map(|a| (a.text.as_str(), owners(a))).collect();
        assert_eq!(
            found,
            [
                (
                    "Democratic Services Officer to add the report to the work programme.",
                    vec!["Democratic Services Officer"]
                ),
                ("Jo Bloggs to circulate the figures.", vec!["Jo Bloggs"]),
            ],
            "someone not on the attendance list, a substitution and a decision are no actions"
        );
    }

    #[test]
    fn tasks_in_sentences_under_items_that_mark_no_action() {
        // Item 2 marks its action; item 3 gives its task in a sentence.
        let att = [testing::person("Jo Bloggs")];
        let got = run(
            &format!(
                "{HEAD}2. PLAY AREA\n\nThe fence needs repair. Action: Jo Bloggs\n\n3. FOOTPATHS\n\nThe stile is broken. Clerk to report it to the Highways team.\n"
            ),
            &att,
        );
        let found: Vec<(&str, &str)> = got
            .iter()
            .map(|a| (a.item.as_deref().unwrap_or(""), a.text.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("2", "The fence needs repair."),
                ("3", "Clerk to report it to the Highways team."),
            ]
        );
    }

    #[test]
    fn table_minutes_with_an_action_column_give_no_sentence_tasks() {
        // HSP20 has no owner in its column: its sentence is no task of anyone's.
        let got = run(
            "MINUTES OF THE COMMUNITY SAFETY PARTNERSHIP TUESDAY, 26 JUNE 2012\nPresent: X\nMINUTE NO.\tSUBJECT/DECISION\tACTION BY\nHSP19.\tMINUTES\t\n\tThe report was noted.\tPMG\nHSP20.\tGRANTS\t\n\tThe Chair will write to the funders when the scheme opens.\t\n",
            &[],
        );
        let items: Vec<&str> = got.iter().filter_map(|a| a.item.as_deref()).collect();
        assert_eq!(items, ["HSP19"]);
    }

    #[test]
    fn action_by_column_in_table_minutes() {
        let got = run(
            "MINUTES OF THE COMMUNITY SAFETY PARTNERSHIP TUESDAY, 26 JUNE 2012\nPresent: X\nMINUTE NO.\tSUBJECT/DECISION\tACTION BY\nHSP19.\tMINUTES\t\n\tRESOLVED: That the minutes be confirmed.\tsa\nHSP24.\tINDICATORS\t\n\tThe decision be delegated to the Performance Monitoring Group.\tPerformanc e Monitoring Group, with Claire Kowalska\n\tRESOLVED\t\n\tThat the document be signed off by the Performance Monitoring Group.\tPMG\n",
            &[person("Claire Kowalska")],
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].item.as_deref(), Some("HSP24"));
        assert_eq!(
            owners(&got[0]),
            ["Performance Monitoring Group", "Claire Kowalska"]
        );
        assert_eq!(owners(&got[1]), ["Performance Monitoring Group"]);
        assert_eq!(got[1].owners[0].raw, "PMG");
    }

    /// Issue #12: community minutes print the owner in a right-hand margin beside the
    /// paragraph, with no "Action by" header; a margin note that names nobody ("Noted",
    /// "Feb") gives no action.
    #[test]
    fn owners_in_the_margin() {
        let (doc, blocks) = testing::minutes_blocks(
            "MINUTES OF THE COMMUNITY COUNCIL MEETING HELD ON 14 SEPTEMBER 2016\nPRESENT\nCouncillors Ann Lee and Bo Ray.\n1. CORRESPONDENCE\ni) A letter from the County Council about the closure of the lane\nfor resurfacing works in October.\tClerk\nii) The bank statement for August showing a balance of £7,397.\tNoted\niii) A request for help with the cost of the youth club trip.\tFeb\niv) The footpath by the chapel needs clearing before the winter.\tCllr Ray\n",
        );
        let block = &blocks[0];
        assert!(block.action_margin);
        let attendees = crate::extract::attendees::extract_reporting(
            &doc,
            block,
            testing::rules(),
            &mut Vec::new(),
        );
        let got: Vec<(String, String)> =
            extract(&doc, block, &attendees, testing::rules(), testing::NO_KEY)
                .into_iter()
                .map(|a| (a.owners[0].name.clone(), a.text))
                .collect();
        assert_eq!(
            got,
            [
                (
                    "Clerk".to_string(),
                    "A letter from the County Council about the closure of the lane for resurfacing works in October.".to_string()
                ),
                (
                    "Bo Ray".to_string(),
                    "The footpath by the chapel needs clearing before the winter.".to_string()
                ),
            ]
        );
    }

    #[test]
    fn long_paragraphs_keep_the_last_sentences() {
        let book = crate::extract::testing::book();
        let r = &book.default;
        assert_eq!(
            last_sentences("One. Two. Three. Four.", 3, r),
            "Two. Three. Four."
        );
        assert_eq!(
            last_sentences("Dr. Smith spoke. He would circulate it.", 3, r),
            "Dr. Smith spoke. He would circulate it."
        );
        assert_eq!(
            last_sentences("Mr J. Smith spoke. He would act.", 1, r),
            "He would act."
        );
        assert_eq!(last_sentences("One only", 2, r), "One only");
    }

    #[test]
    fn ids_are_stable() {
        let text = format!("{HEAD}23. UPDATE\n\nA thing would be done (Action: Clerk).\n");
        assert_eq!(run(&text, &[])[0].id, run(&text, &[])[0].id);
    }

    #[test]
    fn owner_column_in_table_minutes() {
        let got = run(
            "Minutes of the meeting of the Health and Wellbeing Board held on 24 January 2024\nNo.\tDiscussion\tOwner\n3.\tPharmacy statement\t\n\tThe Board asked for the map to be published.\tMarcia Delgado\n",
            &[person("Marcia Delgado")],
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].item.as_deref(), Some("3"));
        assert_eq!(owners(&got[0]), ["Marcia Delgado"]);
    }
}
