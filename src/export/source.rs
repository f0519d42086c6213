//! Reading a finished output folder: which pack JSON files it holds, and each one as the
//! few typed fields the exports need.
//!
//! Takes the folder `extract` wrote; returns packs one at a time, so no more than one
//! pack is held at once. It never re-extracts and never writes. The pack list comes from
//! `index.jsonl` (lines with status `ok` and their `output`), else from walking the
//! folder for `*.json`. A pack that cannot be read is handed back as an error for the
//! caller to report; the others still come (issue #5).
//!
//! The types mirror `OUTPUT.md` (schema version 1) but keep only what the exports read
//! and ignore every other field, so that fields added to the contract later never break
//! an export of an older or newer folder.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::filter::Filter;
use crate::error::ExportError;

/// One pack, as far as the exports read it.
#[derive(Debug, Deserialize)]
pub struct Pack {
    /// The input file.
    pub source: Source,
    /// The council, when known.
    pub council: Option<String>,
    /// Notice and minutes meetings.
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// Action-plan tables.
    #[serde(default)]
    pub action_plans: Vec<ActionPlan>,
}

impl Pack {
    /// The meeting this pack summons (kind `notice`), if it has one.
    pub fn notice(&self) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.kind == "notice")
    }

    /// The meetings whose (council, body, date) pass `filter`, each with its council
    /// (its own, else the pack's).
    pub fn meetings_kept<'a>(
        &'a self,
        filter: &'a Filter,
    ) -> impl Iterator<Item = (Option<&'a str>, &'a Meeting)> {
        self.meetings.iter().filter_map(move |m| {
            let council = m.council.as_deref().or(self.council.as_deref());
            filter
                .keeps(council, m.body.as_deref(), m.date.as_deref())
                .then_some((council, m))
        })
    }

    /// Where the plan rows belong, when it passes `filter`: a plan row has no meeting
    /// of its own, so it takes the council, body and date of the meeting the pack
    /// summons (council: the pack's when there is no notice).
    pub fn plans_kept(&self, filter: &Filter) -> Option<PlanContext<'_>> {
        let notice = self.notice();
        let context = PlanContext {
            council: notice
                .and_then(|m| m.council.as_deref())
                .or(self.council.as_deref()),
            body: notice.and_then(|m| m.body.as_deref()),
            date: notice.and_then(|m| m.date.as_deref()),
            plans: &self.action_plans,
        };
        filter
            .keeps(context.council, context.body, context.date)
            .then_some(context)
    }
}

/// The action plans of a pack with the meeting they are filed under.
#[derive(Debug, Clone, Copy)]
pub struct PlanContext<'a> {
    /// Council.
    pub council: Option<&'a str>,
    /// Body of the notice meeting.
    pub body: Option<&'a str>,
    /// Date of the notice meeting.
    pub date: Option<&'a str>,
    /// The plans.
    pub plans: &'a [ActionPlan],
}

impl<'a> PlanContext<'a> {
    /// Every plan row.
    pub fn rows(&self) -> impl Iterator<Item = &'a PlanAction> + use<'a> {
        self.plans.iter().flat_map(|p| &p.actions)
    }
}

/// The input a pack was read from.
#[derive(Debug, Deserialize)]
pub struct Source {
    /// The input path, as in `index.jsonl`.
    pub path: String,
}

/// A notice or minutes meeting.
#[derive(Debug, Deserialize)]
pub struct Meeting {
    /// Stable meeting id.
    pub id: String,
    /// `notice` or `minutes`.
    pub kind: String,
    /// Council, when known.
    pub council: Option<String>,
    /// Committee, board or partnership.
    pub body: Option<String>,
    /// ISO date.
    pub date: Option<String>,
    /// People recorded in minutes.
    #[serde(default)]
    pub attendees: Vec<Attendee>,
    /// Minutes actions.
    #[serde(default)]
    pub actions: Vec<Action>,
}

/// A person recorded in minutes.
#[derive(Debug, Deserialize)]
pub struct Attendee {
    /// Name without honorific.
    pub name: String,
    /// "Cllr", "Dr"… as printed.
    pub honorific: Option<String>,
    /// Role or job title.
    pub role: Option<String>,
    /// Organisation.
    pub organisation: Option<String>,
    /// `present`, `apologies`, `absent`, `substitute` or `in_attendance`.
    pub status: String,
    /// Whom a substitute stood in for.
    pub substitute_for: Option<String>,
    /// Marked as chair.
    #[serde(default)]
    pub chair: bool,
    /// Where the name is.
    #[serde(default)]
    pub provenance: Provenance,
}

/// A minutes action.
#[derive(Debug, Deserialize)]
pub struct Action {
    /// Stable id.
    pub id: String,
    /// Minute number.
    pub item: Option<String>,
    /// What must be done.
    pub text: String,
    /// Who must do it.
    #[serde(default)]
    pub owners: Vec<Owner>,
    /// Due date.
    pub due: Option<String>,
    /// Status as printed.
    pub status: Option<String>,
    /// Where it is.
    #[serde(default)]
    pub provenance: Provenance,
}

/// An owner of an action or plan row.
#[derive(Debug, Deserialize)]
pub struct Owner {
    /// Resolved name.
    pub name: String,
    /// As printed.
    pub raw: String,
    /// `person`, `role` or `group`.
    pub kind: String,
}

/// An action-plan table.
#[derive(Debug, Deserialize)]
pub struct ActionPlan {
    /// Its rows.
    #[serde(default)]
    pub actions: Vec<PlanAction>,
}

/// One action-plan row.
#[derive(Debug, Deserialize)]
pub struct PlanAction {
    /// Stable id.
    pub id: String,
    /// Row reference as printed.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    /// The action's text.
    pub text: String,
    /// Responsible people, roles or groups.
    #[serde(default)]
    pub owners: Vec<Owner>,
    /// Lead organisation.
    pub organisation: Option<String>,
    /// Start date, ISO.
    pub start: Option<String>,
    /// End date, ISO.
    pub end: Option<String>,
    /// RAG or progress as printed.
    pub status: Option<String>,
    /// Where the row starts.
    #[serde(default)]
    pub provenance: Provenance,
}

/// Page and line of a fact.
#[derive(Debug, Default, Clone, Copy, Deserialize)]
pub struct Provenance {
    /// 1-based physical page.
    pub page: Option<u32>,
    /// 1-based line.
    pub line: Option<u32>,
}

/// The `index.jsonl` fields that locate a pack.
#[derive(Debug, Deserialize)]
struct IndexLine {
    status: String,
    output: Option<String>,
}

/// The pack files of an output folder, sorted: from `index.jsonl` when there is one,
/// else every `*.json` below the folder (hidden entries skipped).
pub fn pack_paths(dir: &Path) -> Result<Vec<PathBuf>, ExportError> {
    if !dir.is_dir() {
        return Err(ExportError::NoFolder {
            path: dir.to_path_buf(),
        });
    }
    let index = dir.join("index.jsonl");
    let mut paths = if index.is_file() {
        from_index(&index, dir)?
    } else {
        walk(dir)
    };
    paths.sort();
    paths.dedup();
    Ok(paths)
}

fn from_index(index: &Path, dir: &Path) -> Result<Vec<PathBuf>, ExportError> {
    let read_err = |source| ExportError::Index {
        path: index.to_path_buf(),
        line: 0,
        reason: format!("{source}"),
    };
    let file = File::open(index).map_err(read_err)?;
    let mut paths = Vec::new();
    for (n, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(read_err)?;
        if line.trim().is_empty() {
            continue;
        }
        let entry: IndexLine = serde_json::from_str(&line).map_err(|e| ExportError::Index {
            path: index.to_path_buf(),
            line: n + 1,
            reason: e.to_string(),
        })?;
        if let ("ok", Some(output)) = (entry.status.as_str(), entry.output) {
            paths.push(dir.join(output));
        }
    }
    Ok(paths)
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| e.into_path())
        .collect()
}

/// Reads one pack JSON.
pub fn read_pack(path: &Path) -> Result<Pack, ExportError> {
    let file = File::open(path).map_err(|e| ExportError::Pack {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    serde_json::from_reader(BufReader::new(file)).map_err(|e| ExportError::Pack {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PACK: &str = r#"{"schema_version":"1","source":{"path":"in/a.txt","sha256":"x","format":"text","bytes":1,"pages":null},
        "council":"Haringey","meetings":[{"id":"m1","kind":"notice","council":"Haringey","body":"CSP","date":"2024-01-02",
        "agenda":[],"attendees":[],"items":[],"resolutions":[],"actions":[],"provenance":{"page":null,"line":3},"new_field":1}],
        "documents":[],"action_plans":[],"tables":[],"warnings":[]}"#;

    #[test]
    fn unknown_fields_are_ignored() {
        let pack: Pack = serde_json::from_str(PACK).unwrap();
        assert_eq!(pack.notice().map(|m| m.id.as_str()), Some("m1"));
    }

    #[test]
    fn index_lists_ok_packs_only() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("index.jsonl"),
            concat!(
                r#"{"path":"a.txt","status":"ok","output":"x/a.json"}"#,
                "\n",
                r#"{"path":"b.txt","status":"failed","output":null}"#,
                "\n"
            ),
        )
        .unwrap();
        let paths = pack_paths(dir.path()).unwrap();
        assert_eq!(paths, vec![dir.path().join("x/a.json")]);
    }

    #[test]
    fn without_index_the_folder_is_walked() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("c/.hidden")).unwrap();
        std::fs::write(dir.path().join("c/a.json"), PACK).unwrap();
        std::fs::write(dir.path().join("c/.hidden/b.json"), PACK).unwrap();
        std::fs::write(dir.path().join("c/notes.txt"), "").unwrap();
        assert_eq!(
            pack_paths(dir.path()).unwrap(),
            vec![dir.path().join("c/a.json")]
        );
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        let err = pack_paths(Path::new("/no/such/folder")).unwrap_err();
        assert!(err.to_string().contains("/no/such/folder"), "{err}");
    }
}
