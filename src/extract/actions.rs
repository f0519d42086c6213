//! Actions with named owners in minutes.

use crate::extract::MeetingKey;
use crate::extract::minutes::MinutesBlock;
use crate::model::Document;
use crate::pack::{Action, Attendee};
use crate::rules::{Patterns, RuleSet};

crate::rule_section! {
    /// Actions and owners.
    pub struct ActionRules / RawActionRules {
        /// An inline action marker with an `owners` group.
        marker: Patterns,
    }
}

/// The actions of one set of minutes, owners resolved against `attendees`.
pub fn extract(
    _doc: &Document,
    _block: &MinutesBlock,
    _attendees: &[Attendee],
    _rules: &RuleSet,
    _key: MeetingKey<'_>,
) -> Vec<Action> {
    Vec::new()
}
