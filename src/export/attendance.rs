//! The `attendance` export: one row per attendee per minutes meeting, long format, ready
//! for a pivot in pandas, DuckDB or a spreadsheet.
//!
//! Takes packs one at a time; returns rows sorted by council, body, meeting date, meeting
//! and line. `person` is the canonical name of the `people` export and `person_id` its
//! id, so the two join; the same minutes printed in two packs give their rows once
//! (issue #5).

use std::collections::{HashMap, HashSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::filter::Filter;
use super::people::{People, key, person_id};
use super::sink::Columns;
use super::source::Pack;

/// One attendee at one meeting: a CSV row or a JSONL record (same fields).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct AttendanceRow {
    /// Canonical name (the `people` record's `name`).
    pub person: String,
    /// The `people` record's id.
    pub person_id: String,
    /// Honorific as printed at this meeting.
    pub honorific: Option<String>,
    /// Council.
    pub council: Option<String>,
    /// Committee, board or partnership.
    pub body: Option<String>,
    /// ISO date of the meeting.
    pub meeting_date: Option<String>,
    /// The minutes meeting's id.
    pub meeting_id: String,
    /// present, apologies, absent, substitute or in_attendance.
    pub status: String,
    /// For a substitute: whom they stood in for.
    pub substitute_for: Option<String>,
    /// Chaired this meeting.
    pub chair: bool,
    /// Role or job title as printed.
    pub role: Option<String>,
    /// Organisation as printed.
    pub organisation: Option<String>,
    /// The input the pack was extracted from.
    pub source: String,
    /// 1-based physical page, when the source has pages.
    pub page: Option<u32>,
    /// 1-based line in the source's normalised text.
    pub line: Option<u32>,
}

impl Columns for AttendanceRow {
    const COLUMNS: &'static [&'static str] = &[
        "person",
        "person_id",
        "honorific",
        "council",
        "body",
        "meeting_date",
        "meeting_id",
        "status",
        "substitute_for",
        "chair",
        "role",
        "organisation",
        "source",
        "page",
        "line",
    ];
}

/// Attendance rows gathered over packs, with the people they name.
#[derive(Debug, Default)]
pub struct Attendance {
    rows: Vec<AttendanceRow>,
    people: People,
}

impl Attendance {
    /// Gathers the rows of one pack that pass `filter` (`person` holds the printed name
    /// until [`Attendance::finish`]).
    pub fn add_pack(&mut self, pack: &Pack, filter: &Filter) {
        self.people.add_pack(pack, filter);
        for (council, m) in pack.meetings_kept(filter) {
            for a in &m.attendees {
                self.rows.push(AttendanceRow {
                    person: a.name.clone(),
                    person_id: person_id(&key(council, &a.name)),
                    honorific: a.honorific.clone(),
                    council: council.map(str::to_string),
                    body: m.body.clone(),
                    meeting_date: m.date.clone(),
                    meeting_id: m.id.clone(),
                    status: a.status.clone(),
                    substitute_for: a.substitute_for.clone(),
                    chair: a.chair,
                    role: a.role.clone(),
                    organisation: a.organisation.clone(),
                    source: pack.source.path.clone(),
                    page: a.provenance.page,
                    line: a.provenance.line,
                });
            }
        }
    }

    /// The rows in export order, canonical names filled in, each (meeting, person,
    /// status) once.
    pub fn finish(self) -> Vec<AttendanceRow> {
        let names: HashMap<String, String> = self
            .people
            .records()
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect();
        let mut rows = self.rows;
        for r in &mut rows {
            if let Some(name) = names.get(&r.person_id) {
                r.person.clone_from(name);
            }
        }
        rows.sort_by(|a, b| {
            (
                &a.council,
                &a.body,
                &a.meeting_date,
                &a.meeting_id,
                &a.source,
                a.line,
                &a.person,
            )
                .cmp(&(
                    &b.council,
                    &b.body,
                    &b.meeting_date,
                    &b.meeting_id,
                    &b.source,
                    b.line,
                    &b.person,
                ))
        });
        let mut seen = HashSet::new();
        rows.retain(|r| seen.insert((r.meeting_id.clone(), r.person_id.clone(), r.status.clone())));
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::actions::tests::pack;

    #[test]
    fn rows_carry_the_canonical_name_and_reprints_count_once() {
        let mut a = Attendance::default();
        a.add_pack(&pack("Haringey"), &Filter::default());
        a.add_pack(&pack("Haringey"), &Filter::default());
        let rows = a.finish();
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!(
            (
                r.person.as_str(),
                r.honorific.as_deref(),
                r.status.as_str(),
                r.chair
            ),
            ("Ann Lee", Some("Cllr"), "present", true)
        );
        assert_eq!(
            super::super::sink::serialized_header(r),
            AttendanceRow::COLUMNS
        );
    }
}
