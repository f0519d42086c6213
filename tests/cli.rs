//! The binary as a user runs it: defaults, exit codes, bad inputs, determinism.

use std::path::Path;

use crate::util::{councilpack, extract, index, pack_files, repo};

const GOOD: &str = "corpora/haringey/003_3e6077dbde220350.txt";

#[test]
fn default_run_reads_corpora_into_output() {
    // Run from a copy of the layout so the repository's own output/ is not touched.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("corpora/haringey")).unwrap();
    std::fs::copy(repo().join(GOOD), dir.path().join("corpora/haringey/a.txt")).unwrap();
    let out = councilpack(dir.path(), &["extract", "--quiet"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.path().join("output/haringey/a.json").is_file());
    let idx = index(&dir.path().join("output"));
    assert_eq!(idx.len(), 1);
    assert_eq!(idx[0]["status"], "ok");
    // no rules folder here: the built-in default rules are used, and the folder still
    // names the council
    let pack: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("output/haringey/a.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(pack["council"], "Haringey");
}

#[test]
fn bad_inputs_are_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(repo().join(GOOD), d.join("good.txt")).unwrap();
    std::fs::write(d.join("empty.txt"), b"").unwrap();
    std::fs::write(
        d.join("garbage.txt"),
        (0..4096u32)
            .map(|i| (i * 7919 % 251) as u8)
            .collect::<Vec<u8>>(),
    )
    .unwrap();
    std::fs::write(d.join("latin1.txt"), b"NOTICE OF MEETING\nHEALTH BOARD\nMonday, 1st March, 2021, 2.00 pm - Caf\xe9 Room\n1. APOLOGIES\n2. MINUTES\n").unwrap();
    std::fs::write(d.join("fake.pdf"), b"this is not a pdf").unwrap();
    std::fs::write(d.join("scan.pdf"), b"%PDF-1.4\n%%EOF\n").unwrap();
    std::fs::write(d.join("photo.png"), b"\x89PNG\r\n").unwrap();
    let (out, output) = extract(&[d], &[]);
    assert_eq!(output.status.code(), Some(1), "some inputs failed: exit 1");
    let idx = index(out.path());
    let by_name = |n: &str| {
        idx.iter()
            .find(|e| {
                e["path"]
                    .as_str()
                    .is_some_and(|p| Path::new(p).file_name().is_some_and(|f| f == n))
            })
            .unwrap_or_else(|| panic!("{n} missing from index"))
            .clone()
    };
    assert_eq!(idx.len(), 7, "every input has a line");
    assert_eq!(by_name("good.txt")["status"], "ok");
    assert_eq!(by_name("latin1.txt")["status"], "ok");
    assert_eq!(by_name("photo.png")["status"], "skipped");
    for (name, words) in [
        ("empty.txt", "empty"),
        ("garbage.txt", "not look like text"),
        ("fake.pdf", "not that format"),
        ("scan.pdf", "PDF"),
    ] {
        let e = by_name(name);
        assert_eq!(e["status"], "failed", "{name}");
        let msg = e["error"].as_str().unwrap_or_default();
        assert!(msg.contains(words), "{name}: {msg}");
    }
    assert!(
        by_name("empty.txt")["sha256"].is_string(),
        "sha256 of a readable file is recorded"
    );
    assert_eq!(
        pack_files(out.path()).len(),
        2,
        "good packs are still written"
    );
    let latin: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.path().join("latin1.json")).unwrap())
            .unwrap();
    assert_eq!(latin["warnings"][0]["code"], "decoded-as-windows-1252");
    assert_eq!(latin["meetings"][0]["location"], "Café Room");
}

#[test]
fn malformed_rules_stop_the_run_with_exit_2_naming_file_and_line() {
    let rules = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("rules/default.toml"),
        rules.path().join("default.toml"),
    )
    .unwrap();
    std::fs::create_dir(rules.path().join("councils")).unwrap();
    std::fs::write(
        rules.path().join("councils/broken.toml"),
        "council = \"Broken\"\n\n[meeting]\nagenda_item = '(unclosed'\n",
    )
    .unwrap();
    let rules_arg = rules.path().display().to_string();
    let (_out, output) = extract(&[&repo().join(GOOD)], &["--rules", &rules_arg]);
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("broken.toml") && err.contains("line 4"),
        "{err}"
    );
}

#[test]
fn usage_errors_exit_2() {
    let out = councilpack(&repo(), &["extract", "--jobs", "0", GOOD]);
    assert_eq!(out.status.code(), Some(2));
    let out = councilpack(&repo(), &["extract", "no/such/path"]);
    assert_eq!(out.status.code(), Some(2));
    let out = councilpack(&repo(), &["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn help_documents_exit_codes() {
    let out = councilpack(&repo(), &["--help"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Exit status") && text.contains("1  the run finished"),
        "{text}"
    );
}

#[test]
fn jobs_1_and_jobs_2_give_identical_output() {
    let corpus = repo().join("corpora");
    let (a, _) = extract(&[&corpus], &["--jobs", "1"]);
    let (b, _) = extract(&[&corpus], &["--jobs", "2"]);
    let fa = pack_files(a.path());
    assert!(!fa.is_empty());
    for f in &fa {
        let rel = f.strip_prefix(a.path()).unwrap();
        assert_eq!(
            std::fs::read(f).unwrap(),
            std::fs::read(b.path().join(rel)).unwrap(),
            "{}",
            rel.display()
        );
    }
    assert_eq!(
        std::fs::read(a.path().join("index.jsonl")).unwrap(),
        std::fs::read(b.path().join("index.jsonl")).unwrap()
    );
}

#[test]
fn ids_are_stable_across_runs_and_locations() {
    // The same bytes at another path give the same ids.
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join(GOOD), dir.path().join("copy.txt")).unwrap();
    let (a, _) = extract(&[&repo().join(GOOD)], &[]);
    let (b, _) = extract(&[&dir.path().join("copy.txt")], &["--council", "Haringey"]);
    let ids = |p: &Path| {
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        let mut ids = Vec::new();
        for m in v["meetings"].as_array().unwrap() {
            ids.push(m["id"].clone());
            for r in m["resolutions"]
                .as_array()
                .unwrap()
                .iter()
                .chain(m["actions"].as_array().unwrap())
            {
                ids.push(r["id"].clone());
            }
        }
        ids
    };
    assert_eq!(ids(&pack_files(a.path())[0]), ids(&pack_files(b.path())[0]));
}

/// Issue #12: the index names each pack's warnings, so a nightly job sees which documents
/// to check by hand.
#[test]
fn the_index_lists_each_packs_warning_codes() {
    let dir = tempfile::tempdir().unwrap();
    let minutes = dir.path().join("minutes.txt");
    std::fs::write(
        &minutes,
        "MINUTES OF THE MEETING OF THE PARKS PANEL HELD ON 3 MAY 2024\n\n1. Welcome\n\nThe Chair welcomed everyone.\n",
    )
    .unwrap();
    let (out, _) = extract(&[&minutes], &[]);
    let entries = index(out.path());
    let codes: Vec<&str> = entries[0]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(codes.contains(&"minutes-without-attendees"), "{codes:?}");
    assert!(codes.contains(&"minutes-without-decisions"), "{codes:?}");
    assert_eq!(
        entries[0]["counts"]["warnings"].as_u64().unwrap() as usize,
        codes.len()
    );
}
