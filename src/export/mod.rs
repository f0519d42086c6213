//! `councilpack export`: actions, people and attendance out of a finished output folder,
//! as CSV or JSON lines, for trackers and analysis (issue #5).
//!
//! Takes the folder `extract` wrote (never the inputs: nothing is re-extracted) and the
//! validated flags; reads the packs one at a time, keeps only the rows the export needs,
//! sorts them and writes them through [`sink`]. A pack JSON that cannot be read is
//! reported on stderr with its path and counted in [`Outcome::unreadable`](crate::export::Outcome::unreadable) (exit 1); the
//! other packs are still exported. Bad flags, a missing folder or an unreadable previous
//! export stop the export before anything is written (exit 2).

pub mod actions;
pub mod attendance;
pub mod changes;
pub mod filter;
pub mod people;
pub mod sink;
pub mod source;

use std::path::PathBuf;

use anyhow::Result;

use crate::error::ExportError;
use actions::ActionRow;
use attendance::{Attendance, AttendanceRow};
use filter::Filter;
use people::{People, PersonCsv, PersonRecord};
use sink::{Columns, Format, Sink};
use source::Pack;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportKind {
    /// One row per minutes action and per action-plan row.
    Actions,
    /// One record per person per council, with aliases and merge reasons.
    People,
    /// One row per attendee per minutes meeting.
    Attendance,
}

/// A validated export request.
#[derive(Debug, Clone)]
pub struct Request {
    /// What to export.
    pub kind: ExportKind,
    /// The output folder of `extract`.
    pub dir: PathBuf,
    /// CSV or JSONL.
    pub format: Format,
    /// Which meetings' rows are kept.
    pub filter: Filter,
    /// Where to write (`None`: stdout).
    pub out: Option<PathBuf>,
    /// A previous full `actions` export: emit only the delta.
    pub changed_since: Option<PathBuf>,
    /// Start a CSV with a byte order mark.
    pub bom: bool,
}

/// What an export did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Rows (or people) written.
    pub rows: usize,
    /// Pack files that could not be read (each reported on stderr).
    pub unreadable: usize,
}

impl Request {
    /// Checks the flags that clap cannot: dates, and options that belong to one export
    /// or format only.
    pub fn from_args(args: crate::cli::ExportArgs) -> Result<Request, ExportError> {
        let filter = Filter::new(args.council, args.body, args.since)?;
        if args.changed_since.is_some() && args.what != ExportKind::Actions {
            return Err(ExportError::Usage {
                flag: "--changed-since",
                reason: "only the actions export has a delta".into(),
            });
        }
        if args.bom && args.format != Format::Csv {
            return Err(ExportError::Usage {
                flag: "--bom",
                reason: "a byte order mark is for CSV only".into(),
            });
        }
        Ok(Request {
            kind: args.what,
            dir: args.dir,
            format: args.format,
            filter,
            out: args.out,
            changed_since: args.changed_since,
            bom: args.bom,
        })
    }
}

/// Runs an export.
pub fn run(req: &Request) -> Result<Outcome> {
    // Read the previous export first: a bad one must stop the run before any output.
    let previous = req
        .changed_since
        .as_deref()
        .map(changes::read_previous)
        .transpose()?;
    let paths = source::pack_paths(&req.dir)?;
    let sink = Sink {
        out: req.out.as_deref(),
        format: req.format,
        bom: req.bom,
    };
    let mut packs = Packs {
        paths,
        unreadable: 0,
    };
    let rows = match req.kind {
        ExportKind::Actions => {
            let mut rows = Vec::new();
            packs.each(|p| rows.extend(actions::rows(p, &req.filter)));
            let mut rows = actions::finish(rows);
            let mut header = ActionRow::COLUMNS.to_vec();
            if let Some(previous) = previous {
                rows = changes::changes(rows, previous, &req.filter);
                header.insert(0, "change");
            }
            let n = rows.len();
            sink.write(&header, rows)?;
            n
        }
        ExportKind::People => {
            let mut people = People::default();
            packs.each(|p| people.add_pack(p, &req.filter));
            let records: Vec<PersonRecord> = people.records();
            let n = records.len();
            match req.format {
                Format::Csv => {
                    sink.write(PersonCsv::COLUMNS, records.into_iter().map(PersonCsv::from))?
                }
                Format::Jsonl => sink.write(&[], records)?,
            }
            n
        }
        ExportKind::Attendance => {
            let mut attendance = Attendance::default();
            packs.each(|p| attendance.add_pack(p, &req.filter));
            let rows = attendance.finish();
            let n = rows.len();
            sink.write(AttendanceRow::COLUMNS, rows)?;
            n
        }
    };
    Ok(Outcome {
        rows,
        unreadable: packs.unreadable,
    })
}

/// The pack files of a folder, read one at a time.
struct Packs {
    paths: Vec<PathBuf>,
    unreadable: usize,
}

impl Packs {
    /// Calls `f` with every readable pack; reports the others on stderr.
    fn each(&mut self, mut f: impl FnMut(&Pack)) {
        for path in &self.paths {
            match source::read_pack(path) {
                Ok(pack) => f(&pack),
                Err(e) => {
                    eprintln!("councilpack: {e}");
                    self.unreadable += 1;
                }
            }
        }
    }
}

/// The JSON Schema of one JSONL record of an export, pretty-printed with a trailing
/// newline (the content of `schema/export-<kind>.schema.json`).
///
/// Every field is required, `null` where the value is absent (OUTPUT.md's convention),
/// except `change`, which only a `--changed-since` delta has.
pub fn json_schema(kind: ExportKind) -> String {
    let mut schema = match kind {
        ExportKind::Actions => schemars::schema_for!(ActionRow),
        ExportKind::People => schemars::schema_for!(PersonRecord),
        ExportKind::Attendance => schemars::schema_for!(AttendanceRow),
    };
    if let Some(object) = schema.schema.object.as_mut() {
        object.required = object
            .properties
            .keys()
            .filter(|k| *k != "change")
            .cloned()
            .collect();
    }
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

/// The file name of an export's schema under `schema/`.
pub fn schema_file(kind: ExportKind) -> &'static str {
    match kind {
        ExportKind::Actions => "export-actions.schema.json",
        ExportKind::People => "export-people.schema.json",
        ExportKind::Attendance => "export-attendance.schema.json",
    }
}
