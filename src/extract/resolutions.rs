//! Formal decisions in minutes: RESOLVED blocks and other house styles.

use crate::extract::MeetingKey;
use crate::extract::minutes::MinutesBlock;
use crate::model::Document;
use crate::pack::Resolution;
use crate::rules::{Patterns, RuleSet};

crate::rule_section! {
    /// Resolutions and decisions.
    pub struct ResolutionRules / RawResolutionRules {
        /// Lines that open a resolution.
        start: Patterns,
    }
}

/// The resolutions of one set of minutes.
pub fn extract(
    _doc: &Document,
    _block: &MinutesBlock,
    _rules: &RuleSet,
    _key: MeetingKey<'_>,
) -> Vec<Resolution> {
    Vec::new()
}
