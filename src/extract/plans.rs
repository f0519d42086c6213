//! Action-plan tables: rows that name a responsible owner.

use crate::extract::MeetingKey;
use crate::model::Document;
use crate::pack::ActionPlan;
use crate::rules::{Patterns, RuleSet};

crate::rule_section! {
    /// Action-plan tables.
    pub struct PlanRules / RawPlanRules {
        /// Header cells naming the owner column.
        owner_header: Patterns,
    }
}

/// Every action plan in the document.
pub fn extract(_doc: &Document, _rules: &RuleSet, _key: MeetingKey<'_>) -> Vec<ActionPlan> {
    Vec::new()
}
