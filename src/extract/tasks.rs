//! Tasks given in running sentences, in minute items that mark no actions.
//!
//! Parish, town and community minutes record who is to do what in running sentences:
//! "Clerk to write to Highways.", "Cllr Cobb agreed to liaise with the hall committee.",
//! "The Parish Clerk was asked to add the details to the website.", "Clerk report to the
//! Forestry Commission.", Welsh "Clerc i ysgrifennu …". Takes the paragraphs of a minute
//! item and returns each such sentence with its owner, resolved against the attendees.
//! The `[actions] task` rules say which sentences give a task and who the owner is;
//! `not_task` rules out promises to attend, wishes and signature lines, by the owner's
//! own verb or the sentence's opening.

use crate::extract::owners::{self, Confidence};
use crate::extract::resolutions::Paragraph;
use crate::extract::sentences::sentences;
use crate::model::Provenance;
use crate::pack::{Attendee, Owner, OwnerKind};
use crate::rules::RuleSet;

/// Bytes after the owner within which a `not_task` rule must match.
const NOT_TASK_REACH: usize = 30;

/// A task read from a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    /// The sentence that gives the task.
    pub text: String,
    /// The owner as printed.
    pub owner_raw: String,
    /// The owner resolved.
    pub owners: Vec<Owner>,
    /// Where the paragraph is.
    pub provenance: Provenance,
}

/// The tasks in `paras`, in order.
pub fn find(paras: &[Paragraph], attendees: &[Attendee], rules: &RuleSet) -> Vec<Task> {
    let r = &rules.actions;
    let mut out = Vec::new();
    for p in paras {
        // most paragraphs give no task: the set search rules them out at once
        if !r.task.is_match(&p.text) {
            continue;
        }
        for range in sentences(&p.text, rules) {
            let sentence = &p.text[range];
            let Some(owner) = r
                .task
                .matching(sentence)
                .find_map(|pat| pat.captures(sentence)?.name("owner"))
            else {
                continue;
            };
            // What rules a task out is said by the owner's own verb or at the sentence's
            // start ("Cllr Hill will attend", "If the Clerk …"), not in a clause further
            // on ("… and to extend an invitation to attend Panel meetings").
            let mut window = (owner.end() + NOT_TASK_REACH).min(sentence.len());
            while !sentence.is_char_boundary(window) {
                window += 1;
            }
            if r.not_task.is_match(&sentence[..window]) {
                continue;
            }
            let raw = owner.as_str().trim();
            let owners = owners::resolve(raw, attendees, &p.text, rules, Confidence::Marked);
            if owners.is_empty() || owners.iter().any(|o| unresolved_initials(o, raw)) {
                continue;
            }
            out.push(Task {
                text: sentence.trim().to_string(),
                owner_raw: raw.to_string(),
                owners,
                provenance: p.provenance,
            });
        }
    }
    out
}

/// Capitals that match no attendee's initials ("MCC will …", "NCC to …") name an
/// authority, not an owner at this meeting.
fn unresolved_initials(owner: &Owner, raw: &str) -> bool {
    owner.kind == OwnerKind::Person
        && owner.name == raw
        && raw.chars().all(|c| c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testing;

    fn tasks(text: &str) -> Vec<(String, String)> {
        let (doc, blocks) = testing::minutes_blocks(&format!(
            "MINUTES OF THE PARISH COUNCIL MEETING HELD ON 3 MAY 2021\nPresent: Cllr Ann Cobb, Cllr Bo Ray and Pam Walker (PW)\n{text}"
        ));
        let block = &blocks[0];
        let attendees = crate::extract::attendees::extract_reporting(
            &doc,
            block,
            testing::rules(),
            &mut Vec::new(),
        );
        block
            .parts()
            .iter()
            .flat_map(|item| {
                let paras =
                    crate::extract::resolutions::paragraphs(&doc, block, item, testing::rules());
                find(&paras, &attendees, testing::rules())
            })
            .map(|t| (t.owners[0].name.clone(), t.text))
            .collect()
    }

    #[test]
    fn posts_and_people_given_tasks() {
        let got = tasks(
            "4. Highways: The drain on Mill Lane is blocked. Clerk to report it to Highways. Cllr Cobb agreed to speak to the farmer.\n5. Website: The Parish Clerk was asked to add the dates to the website. PW will circulate the draft policy.\n",
        );
        assert_eq!(
            got,
            [
                ("Clerk".into(), "Clerk to report it to Highways.".into()),
                (
                    "Ann Cobb".into(),
                    "Cllr Cobb agreed to speak to the farmer.".into()
                ),
                (
                    "Parish Clerk".into(),
                    "The Parish Clerk was asked to add the dates to the website.".into()
                ),
                (
                    "Pam Walker".into(),
                    "PW will circulate the draft policy.".into()
                ),
            ]
        );
    }

    #[test]
    fn bare_verbs_after_the_clerk_and_welsh() {
        let got = tasks(
            "6. Trees: A tree overhangs the road. Clerk report to the Forestry Commission.\n7. Gohebiaeth: Clerc i ysgrifennu at y Cyngor Sir.\n",
        );
        assert_eq!(
            got,
            [
                (
                    "Clerk".into(),
                    "Clerk report to the Forestry Commission.".into()
                ),
                ("Clerc".into(), "Clerc i ysgrifennu at y Cyngor Sir.".into()),
            ]
        );
    }

    #[test]
    fn attending_wishing_and_authorities_are_no_tasks() {
        assert!(
            tasks("8. Events: Cllr Ray will attend the training on 4 May. The Clerk would like more notice. NCC will resurface the lane. Signed: Clerk to the Council.\n")
                .is_empty()
        );
    }

    #[test]
    fn an_invitation_to_attend_later_in_the_sentence_keeps_the_task() {
        let got = tasks(
            "9. Hall: The Clerk agreed to write to the hall committee and to extend an invitation to attend the next meeting.\n",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "Clerk");
    }
}
