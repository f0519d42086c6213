//! `--changed-since`: the actions that are new, changed or gone since a previous export.
//!
//! Takes the current rows (filtered, sorted, one per id) and a previous `actions` export
//! file, CSV or JSONL; returns only the rows that differ, each with its `change`. Rows are
//! matched by `id`; "changed" means any other exported column differs. The previous file
//! must be a full export: a delta (one with a `change` column) is refused, since its
//! missing rows would all look new (issue #5).

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use super::actions::{ActionRow, Change};
use super::filter::Filter;
use crate::error::ExportError;

/// Reads a previous `actions` export, CSV or JSONL: by extension (`.csv`; `.jsonl`,
/// `.ndjson`, `.json`), else by its first character (`{` is JSONL).
pub fn read_previous(path: &Path) -> Result<Vec<ActionRow>, ExportError> {
    let fail = |reason: String| ExportError::Previous {
        path: path.to_path_buf(),
        reason,
    };
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|f| BufReader::new(f).read_to_end(&mut bytes))
        .map_err(|e| fail(e.to_string()))?;
    let rows = if is_jsonl(path, &bytes) {
        read_jsonl(&bytes).map_err(fail)?
    } else {
        read_csv(&bytes).map_err(fail)?
    };
    if rows.iter().any(|r| r.change.is_some()) {
        return Err(fail(
            "this is a --changed-since delta, not a full actions export; compare with a full export"
                .into(),
        ));
    }
    Ok(rows)
}

fn is_jsonl(path: &Path, bytes: &[u8]) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some("csv") => false,
        Some("jsonl" | "ndjson" | "json") => true,
        _ => {
            let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
            text.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
        }
    }
}

fn read_jsonl(bytes: &[u8]) -> Result<Vec<ActionRow>, String> {
    let mut rows = Vec::new();
    for (n, line) in bytes.lines().enumerate() {
        let line = line.map_err(|e| e.to_string())?;
        if line.trim().is_empty() {
            continue;
        }
        let row = serde_json::from_str(&line)
            .map_err(|e| format!("line {}: not an actions record: {e}", n + 1))?;
        rows.push(row);
    }
    Ok(rows)
}

fn read_csv(bytes: &[u8]) -> Result<Vec<ActionRow>, String> {
    // A spreadsheet-friendly export (`--bom`) starts with a byte order mark.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut rdr = csv::Reader::from_reader(bytes);
    rdr.deserialize()
        .map(|r| r.map_err(|e| format!("not an actions CSV: {e}")))
        .collect()
}

/// The rows of `current` that are new or changed against `previous`, and the previous
/// rows whose id is gone, each with its `change`, in export order. `filter` applies to
/// the previous rows as it did to the current ones.
pub fn changes(
    current: Vec<ActionRow>,
    previous: Vec<ActionRow>,
    filter: &Filter,
) -> Vec<ActionRow> {
    let mut before: HashMap<String, ActionRow> = HashMap::new();
    for row in previous {
        if filter.keeps(
            row.council.as_deref(),
            row.body.as_deref(),
            row.meeting_date.as_deref(),
        ) {
            before.entry(row.id.clone()).or_insert(row);
        }
    }
    let mut out = Vec::new();
    for mut row in current {
        let change = match before.remove(&row.id) {
            None => Change::New,
            Some(old) if content_differs(&old, &row) => Change::Changed,
            Some(_) => continue,
        };
        row.change = Some(change);
        out.push(row);
    }
    out.extend(before.into_values().map(|mut row| {
        row.change = Some(Change::Gone);
        row
    }));
    out.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    out
}

/// True when two rows of one id say something different. Where the action was printed
/// (`source`, `page`, `line`) is left out: a pack re-issued with a page added moves every
/// action, and a tracker fed the delta should not see them all as changed.
fn content_differs(a: &ActionRow, b: &ActionRow) -> bool {
    let content = |r: &ActionRow| ActionRow {
        change: None,
        source: String::new(),
        page: None,
        line: None,
        ..r.clone()
    };
    content(a) != content(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::actions::ActionKind;
    use crate::export::sink::{Columns, Format, Sink};

    fn row(id: &str, text: &str) -> ActionRow {
        ActionRow {
            change: None,
            id: id.into(),
            kind: ActionKind::Minutes,
            council: Some("Haringey".into()),
            body: Some("Board".into()),
            meeting_date: Some("2024-01-10".into()),
            item: Some("5".into()),
            text: text.into(),
            owners: Some("Ann Lee; Chair".into()),
            owner_kinds: Some("person; role".into()),
            organisation: None,
            due: None,
            start: None,
            end: None,
            status: None,
            source: "corpora/a.txt".into(),
            page: None,
            line: Some(3),
        }
    }

    fn kinds(rows: &[ActionRow]) -> Vec<(&str, Option<Change>)> {
        rows.iter().map(|r| (r.id.as_str(), r.change)).collect()
    }

    #[test]
    fn new_changed_and_gone() {
        let previous = vec![row("a", "x"), row("b", "y"), row("c", "z")];
        let current = vec![row("a", "x"), row("b", "y, edited"), row("d", "w")];
        let out = changes(current, previous, &Filter::default());
        assert_eq!(
            kinds(&out),
            [
                ("b", Some(Change::Changed)),
                ("c", Some(Change::Gone)),
                ("d", Some(Change::New))
            ]
        );
        // a gone row carries the previous values
        assert_eq!(out[1].text, "z");
    }

    #[test]
    fn a_row_that_only_moved_is_not_a_change() {
        let previous = vec![row("a", "x")];
        let mut moved = row("a", "x");
        moved.line = Some(40);
        moved.page = Some(2);
        moved.source = "corpora/a-reissued.txt".into();
        assert!(changes(vec![moved], previous, &Filter::default()).is_empty());
    }

    #[test]
    fn unchanged_gives_nothing() {
        let rows = vec![row("a", "x"), row("b", "y")];
        assert!(changes(rows.clone(), rows, &Filter::default()).is_empty());
    }

    #[test]
    fn filters_apply_to_the_previous_rows_too() {
        let mut other = row("o", "elsewhere");
        other.council = Some("Bexley".into());
        let filter = Filter::new(Some("haringey".into()), None, None).unwrap();
        let out = changes(vec![row("a", "x")], vec![row("a", "x"), other], &filter);
        assert!(out.is_empty(), "{out:?}");
    }

    fn written(format: Format, rows: &[ActionRow], name: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        let sink = Sink {
            out: Some(&path),
            format,
            bom: true,
        };
        sink.write(ActionRow::COLUMNS, rows).unwrap();
        dir
    }

    #[test]
    fn previous_exports_read_back_equal_in_both_formats() {
        let mut tricky = row("q", "Say \"yes\", then\nreport");
        tricky.page = Some(4);
        tricky.owners = None;
        tricky.owner_kinds = None;
        let rows = vec![row("a", "x"), tricky];
        for (format, name) in [
            (Format::Csv, "prev.csv"),
            (Format::Jsonl, "prev.jsonl"),
            (Format::Csv, "prev"),
            (Format::Jsonl, "prev"),
        ] {
            let dir = written(format, &rows, name);
            let back = read_previous(&dir.path().join(name)).unwrap();
            assert_eq!(back, rows, "{format:?} {name}");
        }
    }

    #[test]
    fn a_delta_or_a_foreign_file_is_refused() {
        let mut delta = row("a", "x");
        delta.change = Some(Change::New);
        let dir = written(Format::Jsonl, &[delta], "delta.jsonl");
        let err = read_previous(&dir.path().join("delta.jsonl")).unwrap_err();
        assert!(err.to_string().contains("delta"), "{err}");
        std::fs::write(dir.path().join("people.csv"), "name,council\nAnn,X\n").unwrap();
        let err = read_previous(&dir.path().join("people.csv")).unwrap_err();
        assert!(err.to_string().contains("not an actions CSV"), "{err}");
        assert!(read_previous(&dir.path().join("missing.csv")).is_err());
    }
}
