//! Numeric tables with typed cells.

use crate::extract::MeetingKey;
use crate::model::Document;
use crate::pack::Table;
use crate::rules::RuleSet;

crate::rule_section! {
    /// Numeric tables.
    pub struct TableRules / RawTableRules {
        /// Share of body cells that must be numbers for a table to count as numeric.
        min_numeric_share: f64,
    }
}

/// Every numeric table in the document.
pub fn extract(_doc: &Document, _rules: &RuleSet, _key: MeetingKey<'_>) -> Vec<Table> {
    Vec::new()
}
