//! The `people` export: one record per person, with every printed form that was merged
//! into it and why.
//!
//! Takes attendees of minutes meetings and owners of kind `person` (minutes actions and
//! plan rows), pack by pack; returns one record per (council, folded name), sorted by
//! council and name. The merge rule is deliberately plain, so that every merge can be
//! explained in a line (issue #5):
//!
//! - a person is keyed by council and name folded for case, spacing and punctuation
//!   (the fold of the stable ids, `extract::ids::normalise`); the honorific is not part of
//!   the name, so "Cllr Ann Lee" and "Ann Lee" are one person;
//! - an owner joins the person its resolved name folds to: the extractor already tied a
//!   misspelt or abbreviated owner ("Eubert Malcom", "FA") to an attendee, and the raw
//!   form is kept as an alias with that reason;
//! - the same name in two councils is two people, and a person of no known council is
//!   never merged with one of a known council; initials are never expanded here.

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::filter::Filter;
use super::sink::Columns;
use super::source::{Attendee, Meeting, Owner, Pack};
use crate::extract::ids::{normalise, stable_id};

/// Who a person is for merging: folded council and folded name.
pub type Key = (String, String);

/// The key of a name in a council.
pub fn key(council: Option<&str>, name: &str) -> Key {
    (normalise(council.unwrap_or_default()), normalise(name))
}

/// The stable id of a person, from the key.
pub fn person_id(key: &Key) -> String {
    stable_id("per", &[&key.0, &key.1])
}

/// Why a printed form was merged into a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Merge {
    /// The printed form.
    pub alias: String,
    /// Why it is the same person.
    pub reason: String,
}

/// One person, as a JSONL record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PersonRecord {
    /// Stable id from council and folded name (`per-…`); `attendance` rows carry it too.
    pub id: String,
    /// The council; people are never merged across councils.
    pub council: Option<String>,
    /// Canonical name: the form printed most often (mixed case preferred on a tie).
    pub name: String,
    /// Other printed forms: case or spacing variants, with honorifics, owners as printed.
    pub aliases: Vec<String>,
    /// Honorifics seen ("Cllr", "Councillor", "Dr").
    pub honorifics: Vec<String>,
    /// Roles or job titles seen.
    pub roles: Vec<String>,
    /// Organisations seen.
    pub organisations: Vec<String>,
    /// Bodies of the meetings attended and the actions owned.
    pub bodies: Vec<String>,
    /// Distinct minutes meetings the person is recorded in.
    pub meetings: usize,
    /// Meetings recorded present.
    pub present: usize,
    /// Meetings with apologies.
    pub apologies: usize,
    /// Meetings recorded absent.
    pub absent: usize,
    /// Meetings attended as a substitute.
    pub substitute: usize,
    /// Meetings "in attendance" (officers, guests).
    pub in_attendance: usize,
    /// Meetings chaired.
    pub chair: usize,
    /// Actions and plan rows owned.
    pub actions: usize,
    /// Earliest meeting date (attended, or of an action owned).
    pub first_seen: Option<String>,
    /// Latest such date.
    pub last_seen: Option<String>,
    /// One entry per alias: why it was merged into this person.
    pub merges: Vec<Merge>,
}

/// One person, as a CSV row: lists joined with "; ", merges as "alias: reason" (reasons
/// never contain a semicolon, so the list splits back).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonCsv {
    id: String,
    council: Option<String>,
    name: String,
    aliases: Option<String>,
    honorifics: Option<String>,
    roles: Option<String>,
    organisations: Option<String>,
    bodies: Option<String>,
    meetings: usize,
    present: usize,
    apologies: usize,
    absent: usize,
    substitute: usize,
    in_attendance: usize,
    chair: usize,
    actions: usize,
    first_seen: Option<String>,
    last_seen: Option<String>,
    merges: Option<String>,
}

impl Columns for PersonCsv {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "council",
        "name",
        "aliases",
        "honorifics",
        "roles",
        "organisations",
        "bodies",
        "meetings",
        "present",
        "apologies",
        "absent",
        "substitute",
        "in_attendance",
        "chair",
        "actions",
        "first_seen",
        "last_seen",
        "merges",
    ];
}

impl From<PersonRecord> for PersonCsv {
    fn from(p: PersonRecord) -> PersonCsv {
        let join = |v: Vec<String>| (!v.is_empty()).then(|| v.join("; "));
        let merges: Vec<String> = p
            .merges
            .iter()
            .map(|m| format!("{}: {}", m.alias, m.reason))
            .collect();
        PersonCsv {
            id: p.id,
            council: p.council,
            name: p.name,
            aliases: join(p.aliases),
            honorifics: join(p.honorifics),
            roles: join(p.roles),
            organisations: join(p.organisations),
            bodies: join(p.bodies),
            meetings: p.meetings,
            present: p.present,
            apologies: p.apologies,
            absent: p.absent,
            substitute: p.substitute,
            in_attendance: p.in_attendance,
            chair: p.chair,
            actions: p.actions,
            first_seen: p.first_seen,
            last_seen: p.last_seen,
            merges: join(merges),
        }
    }
}

/// Everything seen of one person so far.
#[derive(Debug, Default)]
struct Seen {
    council: Option<String>,
    /// Printed names (no honorific) and how often each was printed.
    names: BTreeMap<String, usize>,
    /// "Cllr Ann Lee" → ("Cllr", "Ann Lee").
    with_honorific: BTreeMap<String, (String, String)>,
    /// Owner as printed → the name the extractor resolved it to.
    owner_raw: BTreeMap<String, String>,
    honorifics: BTreeSet<String>,
    roles: BTreeSet<String>,
    organisations: BTreeSet<String>,
    bodies: BTreeSet<String>,
    /// Meeting id → statuses recorded there.
    meetings: BTreeMap<String, BTreeSet<String>>,
    chaired: BTreeSet<String>,
    actions: BTreeSet<String>,
    dates: BTreeSet<String>,
}

/// People gathered over the packs of an export.
#[derive(Debug, Default)]
pub struct People {
    seen: BTreeMap<Key, Seen>,
}

impl People {
    /// Gathers the attendees and person owners of one pack that pass `filter`.
    pub fn add_pack(&mut self, pack: &Pack, filter: &Filter) {
        for (council, m) in pack.meetings_kept(filter) {
            for a in &m.attendees {
                self.add_attendee(council, m, a);
            }
            for a in &m.actions {
                for o in &a.owners {
                    self.add_owner(council, m.body.as_deref(), m.date.as_deref(), &a.id, o);
                }
            }
        }
        if let Some(plans) = pack.plans_kept(filter) {
            for a in plans.rows() {
                for o in &a.owners {
                    self.add_owner(plans.council, plans.body, plans.date, &a.id, o);
                }
            }
        }
    }

    fn entry(&mut self, council: Option<&str>, name: &str) -> &mut Seen {
        let seen = self.seen.entry(key(council, name)).or_default();
        if seen.council.is_none() {
            seen.council = council.map(str::to_string);
        }
        *seen.names.entry(name.trim().to_string()).or_default() += 1;
        seen
    }

    /// Records an attendee of a minutes meeting.
    pub fn add_attendee(&mut self, council: Option<&str>, m: &Meeting, a: &Attendee) {
        let seen = self.entry(council, &a.name);
        if let Some(h) = &a.honorific {
            seen.honorifics.insert(h.clone());
            let name = a.name.trim().to_string();
            seen.with_honorific
                .insert(format!("{h} {name}"), (h.clone(), name));
        }
        seen.roles.extend(a.role.clone());
        seen.organisations.extend(a.organisation.clone());
        seen.bodies.extend(m.body.clone());
        seen.dates.extend(m.date.clone());
        seen.meetings
            .entry(m.id.clone())
            .or_default()
            .insert(a.status.clone());
        if a.chair {
            seen.chaired.insert(m.id.clone());
        }
    }

    /// Records an owner of an action (people only; roles and groups are not people).
    pub fn add_owner(
        &mut self,
        council: Option<&str>,
        body: Option<&str>,
        date: Option<&str>,
        action_id: &str,
        o: &Owner,
    ) {
        if o.kind != "person" {
            return;
        }
        let seen = self.entry(council, &o.name);
        if o.raw.trim() != o.name.trim() {
            seen.owner_raw
                .insert(o.raw.trim().to_string(), o.name.trim().to_string());
        }
        seen.bodies.extend(body.map(str::to_string));
        seen.dates.extend(date.map(str::to_string));
        seen.actions.insert(action_id.to_string());
    }

    /// One record per person, sorted by council and name.
    pub fn records(self) -> Vec<PersonRecord> {
        let mut out: Vec<PersonRecord> = self
            .seen
            .into_iter()
            .map(|(key, seen)| record(&key, seen))
            .collect();
        out.sort_by(|a, b| (&a.council, &a.name, &a.id).cmp(&(&b.council, &b.name, &b.id)));
        out
    }
}

fn record(key: &Key, seen: Seen) -> PersonRecord {
    let name = canonical(&seen.names);
    let folded = "differs only in case, spacing or punctuation";
    let mut merges: BTreeMap<String, String> = BTreeMap::new();
    let mut merge = |alias: &str, reason: String| {
        if alias != name {
            merges.entry(alias.to_string()).or_insert(reason);
        }
    };
    for form in seen.names.keys() {
        merge(form, format!("same council, name {folded}"));
    }
    for (alias, (h, form)) in &seen.with_honorific {
        let also = if *form == name {
            String::new()
        } else {
            format!(", and the name {folded}")
        };
        merge(
            alias,
            format!("same council and name, honorific '{h}' dropped{also}"),
        );
    }
    for (raw, resolved) in &seen.owner_raw {
        merge(
            raw,
            format!("owner '{raw}' resolved to '{resolved}' by the extractor"),
        );
    }
    let count = |status: &str| {
        seen.meetings
            .values()
            .filter(|s| s.contains(status))
            .count()
    };
    PersonRecord {
        id: person_id(key),
        council: seen.council.clone(),
        aliases: merges.keys().cloned().collect(),
        honorifics: seen.honorifics.iter().cloned().collect(),
        roles: seen.roles.iter().cloned().collect(),
        organisations: seen.organisations.iter().cloned().collect(),
        bodies: seen.bodies.iter().cloned().collect(),
        meetings: seen.meetings.len(),
        present: count("present"),
        apologies: count("apologies"),
        absent: count("absent"),
        substitute: count("substitute"),
        in_attendance: count("in_attendance"),
        chair: seen.chaired.len(),
        actions: seen.actions.len(),
        first_seen: seen.dates.first().cloned(),
        last_seen: seen.dates.last().cloned(),
        merges: merges
            .into_iter()
            .map(|(alias, reason)| Merge { alias, reason })
            .collect(),
        name,
    }
}

/// The form printed most often; on a tie, one not in capitals, then the first in order.
fn canonical(names: &BTreeMap<String, usize>) -> String {
    let mixed = |s: &str| s.chars().any(char::is_lowercase);
    names
        .iter()
        .max_by(|(a, ca), (b, cb)| ca.cmp(cb).then(mixed(a).cmp(&mixed(b))).then(b.cmp(a)))
        .map(|(n, _)| n.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting(council: &str, id: &str, people: &[(&str, Option<&str>, &str)]) -> Pack {
        let attendees: Vec<String> = people
            .iter()
            .map(|(name, h, status)| {
                format!(
                    r#"{{"name":"{name}","honorific":{},"role":null,"organisation":null,"status":"{status}","substitute_for":null,"chair":false}}"#,
                    h.map_or("null".to_string(), |h| format!("\"{h}\""))
                )
            })
            .collect();
        let json = format!(
            r#"{{"source":{{"path":"x.txt"}},"council":"{council}","meetings":[{{"id":"{id}","kind":"minutes","council":"{council}",
              "body":"Board","date":"2024-01-0{}","attendees":[{}],"actions":[{{"id":"act-{id}","item":null,"text":"Do",
              "owners":[{{"name":"Eubert Malcolm","raw":"Eubert Malcom","kind":"person"}},{{"name":"Chair","raw":"Chair","kind":"role"}}],
              "due":null,"status":null}}]}}]}}"#,
            id.len(),
            attendees.join(",")
        );
        serde_json::from_str(&json).unwrap()
    }

    fn people(packs: &[Pack]) -> Vec<PersonRecord> {
        let mut p = People::default();
        for pack in packs {
            p.add_pack(pack, &Filter::default());
        }
        p.records()
    }

    fn find<'a>(records: &'a [PersonRecord], council: &str, name: &str) -> &'a PersonRecord {
        records
            .iter()
            .find(|r| r.council.as_deref() == Some(council) && r.name == name)
            .unwrap_or_else(|| panic!("{name} of {council} missing: {records:#?}"))
    }

    #[test]
    fn honorific_and_case_variants_merge_within_a_council() {
        let records = people(&[
            meeting("Haringey", "m1", &[("Mark Blake", Some("Cllr"), "present")]),
            meeting(
                "Haringey",
                "m22",
                &[("Mark Blake", Some("Councillor"), "apologies")],
            ),
            meeting("Haringey", "m333", &[("MARK  BLAKE", None, "present")]),
        ]);
        let p = find(&records, "Haringey", "Mark Blake");
        assert_eq!((p.meetings, p.present, p.apologies), (3, 2, 1));
        assert_eq!(p.honorifics, ["Cllr", "Councillor"]);
        assert_eq!(
            p.aliases,
            ["Cllr Mark Blake", "Councillor Mark Blake", "MARK  BLAKE"]
        );
        assert_eq!(
            p.merges[0].reason,
            "same council and name, honorific 'Cllr' dropped"
        );
        assert!(p.merges[2].reason.contains("case, spacing or punctuation"));
        assert_eq!(p.first_seen.as_deref(), Some("2024-01-02"));
        assert_eq!(p.last_seen.as_deref(), Some("2024-01-04"));
    }

    #[test]
    fn same_name_in_two_councils_is_two_people() {
        let records = people(&[
            meeting("Haringey", "m1", &[("Ann Lee", None, "present")]),
            meeting("Havering", "m2", &[("Ann Lee", None, "present")]),
        ]);
        let a = find(&records, "Haringey", "Ann Lee");
        let b = find(&records, "Havering", "Ann Lee");
        assert_ne!(a.id, b.id);
        assert!(a.merges.is_empty() && b.merges.is_empty());
        // no council is not a wildcard
        assert_ne!(key(None, "Ann Lee"), key(Some("Haringey"), "Ann Lee"));
        assert_eq!(
            key(Some("Haringey"), "ANN  LEE."),
            key(Some("haringey"), "Ann Lee")
        );
    }

    #[test]
    fn an_owner_resolved_by_the_extractor_joins_the_attendee_with_a_reason() {
        let records = people(&[meeting(
            "Haringey",
            "m1",
            &[("Eubert Malcolm", None, "present")],
        )]);
        // roles are not people
        assert_eq!(records.len(), 1);
        let p = &records[0];
        assert_eq!(
            (p.name.as_str(), p.meetings, p.actions),
            ("Eubert Malcolm", 1, 1)
        );
        assert_eq!(
            p.merges,
            [Merge {
                alias: "Eubert Malcom".into(),
                reason: "owner 'Eubert Malcom' resolved to 'Eubert Malcolm' by the extractor"
                    .into()
            }]
        );
    }

    #[test]
    fn canonical_is_the_most_printed_form_then_mixed_case() {
        let names = |v: &[(&str, usize)]| {
            v.iter()
                .map(|(n, c)| (n.to_string(), *c))
                .collect::<BTreeMap<_, _>>()
        };
        assert_eq!(
            canonical(&names(&[("ANN LEE", 1), ("Ann Lee", 1)])),
            "Ann Lee"
        );
        assert_eq!(
            canonical(&names(&[("ANN LEE", 3), ("Ann Lee", 1)])),
            "ANN LEE"
        );
        assert_eq!(
            canonical(&names(&[("Ann Lee", 1), ("Ann lee", 1)])),
            "Ann Lee"
        );
    }

    #[test]
    fn csv_columns_match_the_serialized_header() {
        let records = people(&[meeting(
            "Haringey",
            "m1",
            &[("Ann Lee", Some("Cllr"), "present")],
        )]);
        let row = PersonCsv::from(records[0].clone());
        assert_eq!(
            super::super::sink::serialized_header(&row),
            PersonCsv::COLUMNS
        );
        assert_eq!(
            row.merges.as_deref(),
            Some("Cllr Ann Lee: same council and name, honorific 'Cllr' dropped")
        );
    }
}
