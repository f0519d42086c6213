//! The `actions` export: one row per minutes action and per action-plan row, flat, for a
//! tracker to upsert by `id`.
//!
//! Takes packs one at a time and keeps only their rows; returns the rows sorted by
//! council, body, meeting date and id, one row per id. It must not invent facts: every
//! value is copied from the pack JSON (owners joined with "; "), and a plan row, which
//! has no meeting of its own, takes body and date from the meeting the pack summons
//! (issue #5).

use std::collections::HashSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::filter::Filter;
use super::sink::Columns;
use super::source::{Owner, Pack, Provenance};

/// Where an action was recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ActionKind {
    /// An action in minutes (`meetings[].actions`).
    Minutes,
    /// A row of an action plan (`action_plans[].actions`).
    Plan,
}

/// What happened to an action since a previous export (`--changed-since`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// The id was not in the previous export.
    New,
    /// The id was there, and a column other than where it was printed (`source`, `page`,
    /// `line`) differs.
    Changed,
    /// The id was in the previous export and is not in this one; the row carries the
    /// previous values.
    Gone,
}

/// One exported action: a CSV row or a JSONL record (same fields, same order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ActionRow {
    /// Only with `--changed-since`: new, changed or gone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    /// The pack's stable id (`act-…` or `plan-…`): upsert on it.
    pub id: String,
    /// `minutes` or `plan`.
    pub kind: ActionKind,
    /// Council.
    pub council: Option<String>,
    /// Committee, board or partnership: the minutes' meeting, or for a plan row the
    /// meeting the pack summons.
    pub body: Option<String>,
    /// ISO date of that meeting.
    pub meeting_date: Option<String>,
    /// Minute number, or the plan row's reference.
    pub item: Option<String>,
    /// What must be done.
    pub text: String,
    /// Resolved owner names joined with "; ".
    pub owners: Option<String>,
    /// Each owner's kind (person, role, group) in the same order, joined with "; ".
    pub owner_kinds: Option<String>,
    /// Lead organisation (plan rows).
    pub organisation: Option<String>,
    /// Due date, ISO (minutes actions).
    pub due: Option<String>,
    /// Start date, ISO (plan rows).
    pub start: Option<String>,
    /// End date, ISO (plan rows).
    pub end: Option<String>,
    /// Status, RAG or progress as printed.
    pub status: Option<String>,
    /// The input the pack was extracted from.
    pub source: String,
    /// 1-based physical page, when the source has pages.
    pub page: Option<u32>,
    /// 1-based line in the source's normalised text.
    pub line: Option<u32>,
}

impl Columns for ActionRow {
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "kind",
        "council",
        "body",
        "meeting_date",
        "item",
        "text",
        "owners",
        "owner_kinds",
        "organisation",
        "due",
        "start",
        "end",
        "status",
        "source",
        "page",
        "line",
    ];
}

impl ActionRow {
    /// The export's order: council, body, meeting date, id (absent values first).
    pub fn sort_key(&self) -> (&Option<String>, &Option<String>, &Option<String>, &str) {
        (&self.council, &self.body, &self.meeting_date, &self.id)
    }
}

/// The rows of one pack that pass `filter`.
pub fn rows(pack: &Pack, filter: &Filter) -> Vec<ActionRow> {
    let mut out = Vec::new();
    for (council, m) in pack.meetings_kept(filter) {
        for a in &m.actions {
            let (owners, owner_kinds) = joined(&a.owners);
            out.push(ActionRow {
                change: None,
                id: a.id.clone(),
                kind: ActionKind::Minutes,
                council: council.map(str::to_string),
                body: m.body.clone(),
                meeting_date: m.date.clone(),
                item: a.item.clone(),
                text: a.text.clone(),
                owners,
                owner_kinds,
                organisation: None,
                due: a.due.clone(),
                start: None,
                end: None,
                status: a.status.clone(),
                source: pack.source.path.clone(),
                page: a.provenance.page,
                line: a.provenance.line,
            });
        }
    }
    let Some(plans) = pack.plans_kept(filter) else {
        return out;
    };
    for a in plans.rows() {
        let (owners, owner_kinds) = joined(&a.owners);
        let Provenance { page, line } = a.provenance;
        out.push(ActionRow {
            change: None,
            id: a.id.clone(),
            kind: ActionKind::Plan,
            council: plans.council.map(str::to_string),
            body: plans.body.map(str::to_string),
            meeting_date: plans.date.map(str::to_string),
            item: a.reference.clone(),
            text: a.text.clone(),
            owners,
            owner_kinds,
            organisation: a.organisation.clone(),
            due: None,
            start: a.start.clone(),
            end: a.end.clone(),
            status: a.status.clone(),
            source: pack.source.path.clone(),
            page,
            line,
        });
    }
    out
}

/// Sorts rows into export order and keeps one row per id: the same action printed in
/// two packs (minutes reprinted in a later pack) is exported once, from the pack whose
/// source path sorts first.
pub fn finish(mut rows: Vec<ActionRow>) -> Vec<ActionRow> {
    rows.sort_by(|a, b| {
        a.sort_key()
            .cmp(&b.sort_key())
            .then_with(|| a.source.cmp(&b.source))
    });
    let mut seen = HashSet::new();
    rows.retain(|r| seen.insert(r.id.clone()));
    rows
}

/// Owner names and kinds, each joined with "; " (`None` when there are no owners).
fn joined(owners: &[Owner]) -> (Option<String>, Option<String>) {
    if owners.is_empty() {
        return (None, None);
    }
    let names: Vec<&str> = owners.iter().map(|o| o.name.as_str()).collect();
    let kinds: Vec<&str> = owners.iter().map(|o| o.kind.as_str()).collect();
    (Some(names.join("; ")), Some(kinds.join("; ")))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A pack with a notice meeting, a minutes meeting with one action and a plan row.
    pub(crate) fn pack(council: &str) -> Pack {
        let json = format!(
            r#"{{"source":{{"path":"corpora/{c}/a.txt"}},"council":"{c}","meetings":[
              {{"id":"m-n","kind":"notice","council":"{c}","body":"BOARD","date":"2024-03-01"}},
              {{"id":"m-m","kind":"minutes","council":"{c}","body":"Board","date":"2024-01-10",
                "attendees":[{{"name":"Ann Lee","honorific":"Cllr","role":null,"organisation":null,
                  "status":"present","substitute_for":null,"chair":true,"provenance":{{"page":2,"line":9}}}}],
                "actions":[{{"id":"act-1","item":"5","text":"Report back, \"soon\"","owners":[
                  {{"name":"Ann Lee","raw":"Cllr Ann Lee","kind":"person"}},{{"name":"Chair","raw":"Chair","kind":"role"}}],
                  "due":null,"status":null,"provenance":{{"page":2,"line":20}}}}]}}],
              "action_plans":[{{"actions":[{{"id":"plan-1","ref":"1.2","text":"Do it","owners":[],
                "organisation":"NHS","start":"2024-01-01","end":null,"status":"Green",
                "provenance":{{"page":null,"line":40}}}}]}}]}}"#,
            c = council
        );
        serde_json::from_str(&json).unwrap()
    }

    #[test]
    fn minutes_and_plan_rows() {
        let rows = rows(&pack("Haringey"), &Filter::default());
        assert_eq!(rows.len(), 2);
        let a = &rows[0];
        assert_eq!(
            (a.kind, a.body.as_deref(), a.meeting_date.as_deref()),
            (ActionKind::Minutes, Some("Board"), Some("2024-01-10"))
        );
        assert_eq!(a.owners.as_deref(), Some("Ann Lee; Chair"));
        assert_eq!(a.owner_kinds.as_deref(), Some("person; role"));
        assert_eq!((a.page, a.line), (Some(2), Some(20)));
        let p = &rows[1];
        // a plan row takes the notice meeting's body and date
        assert_eq!(
            (p.kind, p.body.as_deref(), p.meeting_date.as_deref()),
            (ActionKind::Plan, Some("BOARD"), Some("2024-03-01"))
        );
        assert_eq!(p.item.as_deref(), Some("1.2"));
        assert_eq!(p.owners, None);
    }

    #[test]
    fn filters_apply_per_meeting() {
        let since = Filter::new(None, None, Some("2024-02-01".into())).unwrap();
        let rows = rows(&pack("Haringey"), &since);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].id, "plan-1");
    }

    #[test]
    fn duplicate_ids_are_exported_once_in_order() {
        let mut all = rows(&pack("Haringey"), &Filter::default());
        all.extend(rows(&pack("Haringey"), &Filter::default()));
        all.extend(rows(&pack("Bexley"), &Filter::default()));
        let done = finish(all);
        let ids: Vec<_> = done.iter().map(|r| r.id.as_str()).collect();
        // body "BOARD" (the notice's, for the plan row) sorts before "Board"
        assert_eq!(ids, ["plan-1", "act-1"]);
        assert_eq!(done[0].council.as_deref(), Some("Bexley"));
    }

    #[test]
    fn columns_match_the_serialized_header() {
        let row = &rows(&pack("Haringey"), &Filter::default())[0];
        assert_eq!(
            super::super::sink::serialized_header(row),
            ActionRow::COLUMNS
        );
    }
}
