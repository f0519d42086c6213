//! Shared scaffolding for the extractors' unit tests: one compiled default rule book for
//! the whole test run (compiling the rules per test made the suite ten times slower),
//! minutes blocks from inline text, and hand-built attendees.

use std::sync::LazyLock;

use crate::extract::MeetingKey;
use crate::extract::minutes::{self, MinutesBlock};
use crate::model::{Document, Provenance};
use crate::pack::{AttendanceStatus, Attendee};
use crate::rules::{RuleBook, RuleSet};
use crate::segment::{self, Span};

static BOOK: LazyLock<RuleBook> = LazyLock::new(|| RuleBook::embedded().expect("default rules"));

/// The default rule book, compiled once per test run.
pub fn book() -> &'static RuleBook {
    &BOOK
}

/// The default rules, compiled once per test run.
pub fn rules() -> &'static RuleSet {
    &BOOK.default
}

/// A meeting key with nothing known.
pub const NO_KEY: MeetingKey<'static> = MeetingKey {
    council: None,
    body: None,
    date: None,
    time: None,
};

/// A document from inline text with its parts.
pub fn document(text: &str) -> (Document, Vec<Span>) {
    let doc = Document::from_plain_text(text);
    let spans = segment::segment(&doc, rules());
    (doc, spans)
}

/// A document from inline text and the minutes blocks found in it.
pub fn minutes_blocks(text: &str) -> (Document, Vec<MinutesBlock>) {
    let (doc, spans) = document(text);
    let blocks = minutes::find(&doc, &spans, rules());
    (doc, blocks)
}

/// A present attendee with only a name.
pub fn person(name: &str) -> Attendee {
    Attendee {
        name: name.to_string(),
        honorific: None,
        role: None,
        organisation: None,
        status: AttendanceStatus::Present,
        substitute_for: None,
        chair: false,
        provenance: Provenance::default(),
    }
}

/// A minutes meeting with nothing in it.
pub fn meeting() -> crate::pack::Meeting {
    crate::pack::Meeting {
        id: String::new(),
        kind: crate::pack::MeetingKind::Minutes,
        council: None,
        body: None,
        body_printed: None,
        date: None,
        time: None,
        end_time: None,
        location: None,
        agenda: Vec::new(),
        attendees: Vec::new(),
        items: Vec::new(),
        resolutions: Vec::new(),
        actions: Vec::new(),
        provenance: Provenance::default(),
    }
}
