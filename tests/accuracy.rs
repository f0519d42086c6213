//! The accuracy gate: the bundled corpus scored against `tests/gold` with the scorer in
//! `tests/eval/score.py` (a copy of the shared one). Fails when a category drops below
//! its floor.

use std::process::Command;

use crate::util::{extract, repo};

/// Floors for the macro F1 and each main category (issue #3 targets).
const MACRO_FLOOR: f64 = 0.90;
const CATEGORY_FLOOR: f64 = 0.80;
const MAIN: [&str; 6] = [
    "agenda",
    "attendees",
    "resolutions",
    "actions",
    "plan_actions",
    "table_cells",
];

#[test]
fn seeds_meet_the_accuracy_floor() {
    let (out, output) = extract(&[&repo().join("corpora")], &[]);
    assert_eq!(output.status.code(), Some(0));
    let score = Command::new("python3")
        .arg(repo().join("tests/eval/score.py"))
        .arg(repo().join("tests/gold"))
        .arg(out.path())
        .arg("--json")
        .output()
        .expect("python3 runs the scorer");
    let text = String::from_utf8_lossy(&score.stdout);
    let last = text.lines().last().expect("scorer output");
    let summary: serde_json::Value = serde_json::from_str(last).expect("scorer JSON line");
    let mut failures = Vec::new();
    for c in MAIN {
        let f = summary[c].as_f64().unwrap_or(0.0);
        if f < CATEGORY_FLOOR {
            failures.push(format!("{c} F1 {f:.3} < {CATEGORY_FLOOR}"));
        }
    }
    let macro_f1 = summary["macro_f1"].as_f64().unwrap_or(0.0);
    if macro_f1 < MACRO_FLOOR {
        failures.push(format!("macro F1 {macro_f1:.3} < {MACRO_FLOOR}"));
    }
    assert!(
        failures.is_empty(),
        "accuracy below floor: {failures:?}\n{text}"
    );
}
