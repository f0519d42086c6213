//! Tests over the rules data itself: every shipped rules file loads, and every pattern in
//! the default rules is hit by at least one line of the bundled packs or fixtures, so no
//! rule is dead weight nobody has seen work.

use std::path::Path;

use councilpack::load::html::HtmlRules;
use councilpack::rules::RuleBook;

use crate::util::repo;

#[test]
fn shipped_rules_load() {
    let book = RuleBook::load(&repo().join("rules")).expect("rules/ loads");
    assert!(book.councils.contains_key("haringey"));
    assert!(book.councils.contains_key("havering"));
}

/// Every regex pattern (a string in a pattern field of `rules/default.toml`).
fn default_patterns() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(repo().join("rules/default.toml")).unwrap();
    let value: toml::Value = toml::from_str(&text).unwrap();
    let mut out = Vec::new();
    for (section, table) in value.as_table().unwrap() {
        // `[html]` patterns match element attributes, not lines: the HTML loader's unit
        // tests hit each of them on fixture markup.
        if section == "html" {
            continue;
        }
        let Some(table) = table.as_table() else {
            continue;
        };
        for (field, v) in table {
            let strings: Vec<&str> = match v {
                toml::Value::String(s) => vec![s.as_str()],
                toml::Value::Array(a) => a.iter().filter_map(|x| x.as_str()).collect(),
                _ => continue,
            };
            for s in strings {
                // Word lists hold plain words ("ward(s) affected"); patterns carry regex
                // syntax: an escape, an anchor, a group or a class.
                if s.contains(['\\', '^', '$', '[']) || s.starts_with("(?") {
                    out.push((format!("{section}.{field}"), s.to_string()));
                }
            }
        }
    }
    out
}

fn fixture_lines() -> Vec<String> {
    let mut lines = Vec::new();
    for dir in ["corpora", "tests/genre/packs", "tests/fixtures"] {
        collect(&repo().join(dir), &mut lines);
    }
    lines
}

fn collect(dir: &Path, lines: &mut Vec<String>) {
    let html = RuleBook::embedded().expect("default rules").default.html;
    collect_with(dir, &html, lines);
}

fn collect_with(dir: &Path, html: &HtmlRules, lines: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_with(&p, html, lines);
        } else if let Ok(bytes) = std::fs::read(&p)
            && let Ok(loaded) = councilpack::load::load(&p, &bytes, html)
        {
            lines.extend(loaded.doc.lines.into_iter().map(|l| l.text));
        }
    }
}

#[test]
fn every_default_pattern_is_hit_by_a_fixture() {
    let lines = fixture_lines();
    let mut dead = Vec::new();
    for (field, src) in default_patterns() {
        let re = regex::Regex::new(&src).unwrap_or_else(|e| panic!("{field}: {e}"));
        // Cells are joined by tabs in `text`; a pattern may be written for one cell.
        if !lines
            .iter()
            .any(|l| re.is_match(l) || l.split('\t').any(|c| re.is_match(c)))
        {
            dead.push(format!("{field}: {src}"));
        }
    }
    assert!(
        dead.is_empty(),
        "{} patterns no fixture line matches:\n{}",
        dead.len(),
        dead.join("\n")
    );
}

/// Extracts one fixture and returns its pack JSON.
fn extract_fixture(rel: &str) -> serde_json::Value {
    let path = repo().join(rel);
    let (out, output) = crate::util::extract(&[&path], &[]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let file = crate::util::pack_files(out.path()).pop().expect("one pack");
    serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap()
}

#[test]
fn split_also_present_label_reads_both_halves() {
    let pack = extract_fixture("tests/fixtures/attendees/split_also_present.txt");
    let minutes = &pack["meetings"][0];
    let status = |name: &str| {
        minutes["attendees"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["name"] == name)
            .map(|a| a["status"].clone())
    };
    assert_eq!(
        status("Sam Reid"),
        Some("in_attendance".into()),
        "{minutes}"
    );
    assert_eq!(status("Dee Marsh"), Some("in_attendance".into()));
    assert_eq!(status("Hale"), Some("present".into()));
}

#[test]
fn minutes_item_description_stays_in_the_agenda() {
    let pack = extract_fixture("tests/fixtures/segment/minutes_item_description.txt");
    let kinds: Vec<&str> = pack["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["agenda"]);
    assert_eq!(pack["meetings"][0]["agenda"].as_array().unwrap().len(), 3);
}

#[test]
fn undated_minutes_are_warned_about() {
    let pack = extract_fixture("tests/fixtures/segment/minutes_without_date.txt");
    let codes: Vec<&str> = pack["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"minutes-without-date"), "{codes:?}");
    assert_eq!(pack["meetings"][0]["date"], serde_json::Value::Null);
}

/// Issue #5: the committee-system page fixtures through the HTML loader and the
/// unchanged extractors.
#[test]
fn moderngov_pages_give_meetings_attendees_and_resolutions() {
    let pack = extract_fixture("tests/fixtures/html/moderngov_attendance.html");
    assert_eq!(pack["source"]["format"], "html");
    let m = &pack["meetings"][0];
    assert_eq!(
        (&m["body"], &m["date"]),
        (&"Cabinet".into(), &"2024-03-12".into())
    );
    let status: Vec<(String, String)> = m["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["name"].as_str().unwrap().to_string(),
                a["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("Helen Marsh", "present"),
        ("Tom Okafor", "present"),
        ("Priya Lal", "apologies"),
        ("Gareth Price", "apologies"),
        ("Ruth Fenn", "substitute"),
        ("Dev Shah", "absent"),
        ("Sarah O’Neill", "in_attendance"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    assert_eq!(status, want);

    let pack = extract_fixture("tests/fixtures/html/moderngov_agenda.html");
    let m = &pack["meetings"][0];
    assert_eq!(m["body"], "Planning Committee");
    assert_eq!(m["time"], "18:30");
    let titles: Vec<&str> = m["agenda"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles[2], "Minutes of the previous meeting");
    assert_eq!(titles.len(), 5);
    assert!(
        pack["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|w| w["code"] != "decoded-as-windows-1252")
    );

    let pack = extract_fixture("tests/fixtures/html/moderngov_minutes.html");
    let m = &pack["meetings"][0];
    assert_eq!(
        pack["meetings"].as_array().unwrap().len(),
        1,
        "one set of minutes"
    );
    assert_eq!(m["body"], "Licensing Committee");
    assert_eq!(m["resolutions"].as_array().unwrap().len(), 2);
    assert_eq!(m["actions"][0]["owners"][0]["name"], "Kim Dale");
    assert_eq!(
        pack["tables"].as_array().unwrap().len(),
        1,
        "the nested vote table"
    );
}
