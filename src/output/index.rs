//! `index.jsonl`: one line per input, so a nightly job can see what happened to every
//! file: path, sha256, status, output path, counts and the error of a failure.

use serde::{Deserialize, Serialize};

use crate::pack::Pack;

/// What happened to an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Extracted and written.
    Ok,
    /// Could not be read or extracted; `error` says why.
    Failed,
    /// Not a pack (by file type); `error` says why.
    Skipped,
}

/// How many facts a pack gave.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    /// Meetings (notice and minutes).
    pub meetings: usize,
    /// Agenda items.
    pub agenda: usize,
    /// Attendees over all minutes.
    pub attendees: usize,
    /// Resolutions.
    pub resolutions: usize,
    /// Minutes actions.
    pub actions: usize,
    /// Action-plan rows.
    pub plan_actions: usize,
    /// Numeric tables.
    pub tables: usize,
    /// Warnings.
    pub warnings: usize,
}

impl Counts {
    /// Counts the facts of a pack.
    pub fn of(pack: &Pack) -> Counts {
        let sum = |f: fn(&crate::pack::Meeting) -> usize| pack.meetings.iter().map(f).sum();
        Counts {
            meetings: pack.meetings.len(),
            agenda: sum(|m| m.agenda.len()),
            attendees: sum(|m| m.attendees.len()),
            resolutions: sum(|m| m.resolutions.len()),
            actions: sum(|m| m.actions.len()),
            plan_actions: pack.action_plans.iter().map(|p| p.actions.len()).sum(),
            tables: pack.tables.len(),
            warnings: pack.warnings.len(),
        }
    }
}

/// One line of `index.jsonl`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The input path.
    pub path: String,
    /// SHA-256 of the input bytes (`null` when it could not be read).
    pub sha256: Option<String>,
    /// Outcome.
    pub status: Status,
    /// The pack JSON written, relative to the output folder.
    pub output: Option<String>,
    /// Facts extracted (ok only).
    pub counts: Option<Counts>,
    /// The codes of the pack's warnings, each once, in the order first given
    /// ("minutes-without-attendees", "pdf-font"): which documents to check by hand,
    /// without opening each pack.
    #[serde(default)]
    pub warnings: Vec<String>,
    /// Why it failed or was skipped.
    pub error: Option<String>,
}

/// The distinct warning codes of a pack, in the order first given.
pub fn warning_codes(pack: &crate::pack::Pack) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for w in &pack.warnings {
        let code = w.code.to_string();
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

/// Serialises entries as JSON lines.
pub fn to_jsonl(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        // Entry holds only strings, numbers and enums: serialising cannot fail.
        if let Ok(line) = serde_json::to_vec(e) {
            out.extend_from_slice(&line);
            out.push(b'\n');
        }
    }
    out
}
