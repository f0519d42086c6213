//! Attendance lists of printed minutes: present, apologies, substitutes, in attendance.

use crate::extract::minutes::MinutesBlock;
use crate::model::Document;
use crate::pack::Attendee;
use crate::rules::{Pattern, RuleSet};

crate::rule_section! {
    /// Attendance lists.
    pub struct AttendeeRules / RawAttendeeRules {
        /// The label opening the list of those present.
        present: Pattern,
    }
}

/// The attendees recorded in one set of minutes.
pub fn extract(_doc: &Document, _block: &MinutesBlock, _rules: &RuleSet) -> Vec<Attendee> {
    Vec::new()
}
