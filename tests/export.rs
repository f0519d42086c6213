//! `councilpack export` over a real output folder: each export in both formats read back
//! (CSV with the csv crate, JSONL validated against the committed schema), ids checked
//! against the pack JSON, `--changed-since` deltas, filters and exit codes (issue #5).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

use councilpack::export::{ExportKind, json_schema, schema_file};
use serde_json::Value;

use crate::util::{councilpack, extract, pack_files, repo};

const KINDS: [(ExportKind, &str); 3] = [
    (ExportKind::Actions, "actions"),
    (ExportKind::People, "people"),
    (ExportKind::Attendance, "attendance"),
];

/// The bundled corpus, extracted once per test into a temp folder.
fn corpus() -> tempfile::TempDir {
    let (out, output) = extract(&[&repo().join("corpora")], &[]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    out
}

fn export(dir: &Path, args: &[&str]) -> Output {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    let dir = dir.display().to_string();
    all.push(&dir);
    councilpack(&repo(), &all)
}

fn ok(output: &Output) -> String {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8")
}

fn csv_rows(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let header = rdr.headers().unwrap().iter().map(str::to_string).collect();
    let rows = rdr.records().map(|r| r.expect("CSV record")).collect();
    (header, rows)
}

fn jsonl(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("JSONL line"))
        .collect()
}

fn ids_in_packs(out: &Path) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for f in pack_files(out) {
        let pack: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        for m in pack["meetings"].as_array().unwrap() {
            for a in m["actions"].as_array().unwrap() {
                ids.insert(a["id"].as_str().unwrap().to_string());
            }
        }
        for p in pack["action_plans"].as_array().unwrap() {
            for a in p["actions"].as_array().unwrap() {
                ids.insert(a["id"].as_str().unwrap().to_string());
            }
        }
    }
    ids
}

#[test]
fn committed_export_schemas_are_current() {
    for (kind, name) in KINDS {
        let file = schema_file(kind);
        let committed = std::fs::read_to_string(repo().join("schema").join(file)).expect(file);
        assert!(
            committed == json_schema(kind),
            "schema/{file} is stale: run `cargo run -- schema {name} > schema/{file}`"
        );
    }
}

#[test]
fn every_export_reads_back_in_both_formats() {
    let out = corpus();
    for (kind, name) in KINDS {
        let text = ok(&export(out.path(), &[name, "--format", "csv"]));
        let (header, csv) = csv_rows(&text);
        let records = jsonl(&ok(&export(out.path(), &[name, "--format", "jsonl"])));
        assert!(!records.is_empty(), "{name}: no rows");
        assert_eq!(csv.len(), records.len(), "{name}: CSV and JSONL row counts");
        // JSONL records validate against the committed schema
        let schema: Value = serde_json::from_str(&json_schema(kind)).unwrap();
        let compiled = jsonschema::JSONSchema::compile(&schema).expect("schema compiles");
        for r in &records {
            if let Err(errors) = compiled.validate(r) {
                let msgs: Vec<String> = errors.map(|e| e.to_string()).collect();
                panic!("{name} record {r} does not match its schema: {msgs:?}");
            }
        }
        // CSV columns are the JSONL fields, in order, row for row (lists joined in CSV)
        for (row, rec) in csv.iter().zip(&records) {
            let fields: Vec<&String> = rec.as_object().unwrap().keys().collect();
            assert_eq!(header.len(), fields.len(), "{name}");
            assert_eq!(
                &row[header.iter().position(|h| h == "council").unwrap()],
                rec["council"].as_str().unwrap_or_default(),
                "{name}"
            );
        }
    }
}

#[test]
fn action_ids_are_the_pack_ids() {
    let out = corpus();
    let records = jsonl(&ok(&export(out.path(), &["actions", "--format", "jsonl"])));
    let exported: BTreeSet<String> = records
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(exported.len(), records.len(), "one row per id");
    assert_eq!(exported, ids_in_packs(out.path()));
    let plan = records
        .iter()
        .find(|r| r["kind"] == "plan")
        .expect("a plan row");
    assert!(plan["id"].as_str().unwrap().starts_with("plan-"));
    let minutes = records
        .iter()
        .find(|r| r["kind"] == "minutes" && r["owners"].as_str().is_some_and(|o| o.contains("; ")))
        .expect("a minutes action with two owners");
    assert_eq!(
        minutes["owners"].as_str().unwrap().split("; ").count(),
        minutes["owner_kinds"].as_str().unwrap().split("; ").count()
    );
}

fn write(path: &Path, text: &str) -> PathBuf {
    std::fs::write(path, text).unwrap();
    path.to_path_buf()
}

#[test]
fn changed_since_reports_new_changed_and_gone() {
    let out = corpus();
    let prev = tempfile::tempdir().unwrap();
    for format in ["csv", "jsonl"] {
        let full = ok(&export(out.path(), &["actions", "--format", format]));
        let base = write(&prev.path().join(format!("actions.{format}")), &full);
        let base_arg = base.display().to_string();
        // unchanged: nothing but the header
        let delta = ok(&export(
            out.path(),
            &["actions", "--format", "csv", "--changed-since", &base_arg],
        ));
        let (header, rows) = csv_rows(&delta);
        assert_eq!(header[0], "change");
        assert!(rows.is_empty(), "{format}: {delta}");
    }
    // edit one action's text and remove another in a copy of the output
    let edited = tempfile::tempdir().unwrap();
    copy_tree(out.path(), edited.path());
    let file = edited.path().join("haringey/004_750205f846d61569.json");
    let mut pack: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let actions = pack["meetings"][1]["actions"].as_array_mut().unwrap();
    let removed = actions.remove(0)["id"].as_str().unwrap().to_string();
    let changed = actions[0]["id"].as_str().unwrap().to_string();
    actions[0]["text"] = Value::from("Edited, with \"quotes\"\nand a new line");
    std::fs::write(&file, serde_json::to_string_pretty(&pack).unwrap()).unwrap();
    for format in ["csv", "jsonl"] {
        let base = prev.path().join(format!("actions.{format}"));
        let delta = ok(&export(
            edited.path(),
            &[
                "actions",
                "--format",
                "jsonl",
                "--changed-since",
                &base.display().to_string(),
            ],
        ));
        let rows = jsonl(&delta);
        let got: BTreeSet<(String, String)> = rows
            .iter()
            .map(|r| {
                (
                    r["change"].as_str().unwrap().to_string(),
                    r["id"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert_eq!(
            got,
            BTreeSet::from([
                ("changed".into(), changed.clone()),
                ("gone".into(), removed.clone())
            ]),
            "{format}"
        );
        let gone = rows.iter().find(|r| r["change"] == "gone").unwrap();
        assert!(
            !gone["text"].as_str().unwrap().is_empty(),
            "gone rows keep their values"
        );
    }
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let p = entry.unwrap().path();
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
            copy_tree(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}

#[test]
fn filters_since_council_and_body() {
    let out = corpus();
    let all = jsonl(&ok(&export(
        out.path(),
        &["attendance", "--format", "jsonl"],
    )));
    let since = jsonl(&ok(&export(
        out.path(),
        &["attendance", "--format", "jsonl", "--since", "2020-01-01"],
    )));
    assert!(!since.is_empty() && since.len() < all.len());
    assert!(
        since
            .iter()
            .all(|r| r["meeting_date"].as_str().unwrap() >= "2020-01-01")
    );
    let havering = jsonl(&ok(&export(
        out.path(),
        &["actions", "--format", "jsonl", "--council", "HAVERING"],
    )));
    assert!(!havering.is_empty());
    assert!(havering.iter().all(|r| r["council"] == "Havering"));
    let body = jsonl(&ok(&export(
        out.path(),
        &["actions", "--format", "jsonl", "--body", "no such board"],
    )));
    assert!(body.is_empty());
}

#[test]
fn same_name_in_two_councils_is_two_people() {
    // One pack whose text names no council, extracted once as Alpha and once as Beta;
    // the two outputs side by side in a folder without an index (so it is walked).
    let pack = repo().join("tests/genre/packs/leeds/m_leeds_scrutiny_2024.txt");
    let both = tempfile::tempdir().unwrap();
    for council in ["Alpha", "Beta"] {
        let (out, output) = extract(&[&pack], &["--council", council]);
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        let files = pack_files(out.path());
        assert_eq!(files.len(), 1);
        std::fs::copy(&files[0], both.path().join(format!("{council}.json"))).unwrap();
    }
    let people = jsonl(&ok(&export(both.path(), &["people", "--format", "jsonl"])));
    let name = people[0]["name"].clone();
    let same: Vec<&Value> = people.iter().filter(|p| p["name"] == name).collect();
    assert_eq!(same.len(), 2, "{people:#?}");
    assert_eq!(same[0]["council"], "Alpha");
    assert_eq!(same[1]["council"], "Beta");
    assert_ne!(same[0]["id"], same[1]["id"]);
    assert_eq!(same[0]["meetings"], 1);
}

#[test]
fn people_merge_owners_resolved_by_the_extractor() {
    let out = corpus();
    let people = jsonl(&ok(&export(
        out.path(),
        &["people", "--format", "jsonl", "--council", "haringey"],
    )));
    let eubert = people
        .iter()
        .find(|p| p["name"] == "Eubert Malcolm")
        .expect("Eubert Malcolm");
    assert!(
        eubert["aliases"]
            .as_array()
            .unwrap()
            .contains(&Value::from("Eubert Malcom"))
    );
    assert!(eubert["meetings"].as_u64().unwrap() >= 3);
    let names: Vec<&str> = people.iter().map(|p| p["name"].as_str().unwrap()).collect();
    assert!(
        !names.contains(&"Eubert Malcom"),
        "the misspelling is not a person"
    );
}

#[test]
fn exit_codes() {
    let out = corpus();
    // a broken pack: reported with its path, the rest exported, exit 1
    let broken = out.path().join("haringey/000_765583a36b60cae4.json");
    std::fs::write(&broken, "{ not json").unwrap();
    let run = export(out.path(), &["actions"]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("000_765583a36b60cae4.json"), "{stderr}");
    assert!(csv_rows(&String::from_utf8_lossy(&run.stdout)).1.len() > 10);
    // usage: bad date, missing folder, unreadable previous export, delta of people
    for args in [
        vec!["actions", "--since", "2024-02-30"],
        vec!["actions", "--changed-since", "/no/such/export.csv"],
        vec!["people", "--changed-since", "x.csv"],
        vec!["attendance", "--format", "jsonl", "--bom"],
    ] {
        let run = export(out.path(), &args);
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        assert!(run.stdout.is_empty(), "{args:?}");
    }
    let run = councilpack(&repo(), &["export", "actions", "/no/such/folder"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("/no/such/folder"));
}

#[test]
fn out_writes_a_file_and_folders_without_index_are_walked() {
    let out = corpus();
    std::fs::remove_file(out.path().join("index.jsonl")).unwrap();
    let dest = tempfile::tempdir().unwrap();
    let file = dest.path().join("attendance.csv");
    let run = export(
        out.path(),
        &["attendance", "--out", &file.display().to_string(), "--bom"],
    );
    assert!(ok(&run).is_empty(), "nothing on stdout with --out");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("BOM");
    let (header, rows) = csv_rows(text);
    assert_eq!(header[0], "person");
    assert!(rows.len() > 50, "{}", rows.len());
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    let out = corpus();
    for format in ["csv", "jsonl"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_councilpack"))
            .args(["export", "attendance", "--format", format])
            .arg(out.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // stdout is closed here, like `| head -c 16`
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{format}");
        assert!(
            output.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
