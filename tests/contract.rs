//! The output contract: every pack validates against `schema/pack.schema.json`,
//! deserialises into the `deny_unknown_fields` types, and the schema file is current.

use councilpack::pack::{Pack, json_schema};

use crate::util::{extract, pack_files, repo};

#[test]
fn committed_schema_is_current() {
    let committed =
        std::fs::read_to_string(repo().join("schema/pack.schema.json")).expect("schema file");
    assert!(
        committed == json_schema(),
        "schema/pack.schema.json is stale: run `cargo run -- schema > schema/pack.schema.json`"
    );
}

#[test]
fn corpus_outputs_match_schema_and_types() {
    let (out, output) = extract(
        &[&repo().join("corpora"), &repo().join("tests/genre/packs")],
        &[],
    );
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let schema: serde_json::Value = serde_json::from_str(&json_schema()).unwrap();
    let compiled = jsonschema::JSONSchema::compile(&schema).expect("schema compiles");
    let files = pack_files(out.path());
    assert!(files.len() >= 5 + 18, "{} packs", files.len());
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        if let Err(errors) = compiled.validate(&value) {
            let msgs: Vec<String> = errors
                .map(|e| format!("{} at {}", e, e.instance_path))
                .collect();
            panic!("{} does not match the schema: {msgs:?}", f.display());
        }
        let pack: Pack =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        check_invariants(&pack);
    }
}

/// What OUTPUT.md promises beyond the types: no empty strings, ISO dates, HH:MM times,
/// 1-based provenance within the source.
fn check_invariants(pack: &Pack) {
    assert_eq!(pack.schema_version, "1");
    for m in &pack.meetings {
        for s in [
            &m.council,
            &m.body,
            &m.date,
            &m.time,
            &m.end_time,
            &m.location,
        ]
        .into_iter()
        .flatten()
        {
            assert!(!s.trim().is_empty(), "empty string in meeting {}", m.id);
        }
        if let Some(d) = &m.date {
            assert!(
                d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-',
                "date {d}"
            );
        }
        for t in [&m.time, &m.end_time].into_iter().flatten() {
            assert!(t.len() == 5 && t.as_bytes()[2] == b':', "time {t}");
        }
        for a in &m.actions {
            assert!(!a.owners.is_empty(), "action without owner: {}", a.text);
            assert!(!a.text.trim().is_empty());
        }
        for a in &m.attendees {
            assert!(!a.name.trim().is_empty());
        }
    }
    // Every id in a pack is unique.
    let mut ids = std::collections::HashSet::new();
    for m in &pack.meetings {
        assert!(ids.insert(m.id.clone()), "duplicate id {}", m.id);
        for id in m
            .resolutions
            .iter()
            .map(|r| &r.id)
            .chain(m.actions.iter().map(|a| &a.id))
        {
            assert!(ids.insert(id.clone()), "duplicate id {id}");
        }
    }
    let plan_ids = pack
        .action_plans
        .iter()
        .flat_map(|p| p.actions.iter().map(|a| &a.id));
    for id in pack.tables.iter().map(|t| &t.id).chain(plan_ids) {
        assert!(ids.insert(id.clone()), "duplicate id {id}");
    }
}

#[test]
fn ids_are_unique_for_repeated_text_and_same_day_meetings() {
    // Two meetings on one day, the same resolution text twice under one item.
    let (out, output) = extract(
        &[&repo().join("tests/fixtures/resolutions/same_day_meetings.txt")],
        &[],
    );
    assert_eq!(output.status.code(), Some(0));
    let text = std::fs::read_to_string(&pack_files(out.path())[0]).unwrap();
    let pack: Pack = serde_json::from_str(&text).unwrap();
    assert_eq!(pack.meetings.len(), 2, "{text}");
    assert_eq!(
        pack.meetings[0].resolutions.len() + pack.meetings[1].resolutions.len(),
        3
    );
    check_invariants(&pack);
}
