//! The accuracy gate: packs scored against human annotations with the scorer in
//! `tests/eval/score.py` (a copy of the shared one). Two sets: the five seed packs
//! (`corpora/` against `tests/gold`) and the genre set of other councils' house styles
//! (`tests/genre/packs` against `tests/genre/gold`). Fails when a category drops below
//! its floor. A third gate holds the HTML renderings of the seeds (`tests/html/seeds`) to
//! the accuracy of their text versions.

use std::path::Path;
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

/// How far a rendering's macro F1 may fall below the text packs' (issue #4: PDF; issue
/// #5: HTML). Issue #4 allowed PDF 0.03; since ruled rows are joined the gap is 0.003,
/// and the margin is held at 0.01 so a loss there shows.
const PDF_MARGIN: f64 = 0.01;
const HTML_MARGIN: f64 = 0.02;

/// Extracts `packs` and scores them against `gold`: the scorer's JSON summary and its
/// printed report.
fn score(packs: &Path, gold: &Path) -> (serde_json::Value, String) {
    let (out, output) = extract(&[packs], &[]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let score = Command::new("python3")
        .arg(repo().join("tests/eval/score.py"))
        .arg(gold)
        .arg(out.path())
        .arg("--json")
        .output()
        .expect("python3 runs the scorer");
    let text = String::from_utf8_lossy(&score.stdout).into_owned();
    let last = text.lines().last().expect("scorer output");
    let summary: serde_json::Value = serde_json::from_str(last).expect("scorer JSON line");
    (summary, text)
}

fn gate(packs: &Path, gold: &Path) {
    let (summary, text) = score(packs, gold);
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

#[test]
fn seeds_meet_the_accuracy_floor() {
    gate(&repo().join("corpora"), &repo().join("tests/gold"));
}

#[test]
fn genre_set_meets_the_accuracy_floor() {
    gate(
        &repo().join("tests/genre/packs"),
        &repo().join("tests/genre/gold"),
    );
}

/// A rendering of the seed packs (`dir`, the same packs as `corpora/` in another format)
/// scores within `margin` macro F1 of the text versions, against the same gold.
fn rendering_gate(dir: &Path, margin: f64) {
    let gold = repo().join("tests/gold");
    let (text, _) = score(&repo().join("corpora"), &gold);
    let (other, report) = score(dir, &gold);
    let f = |v: &serde_json::Value, c: &str| v[c].as_f64().unwrap_or(0.0);
    let table: Vec<String> = MAIN
        .iter()
        .chain(["macro_f1"].iter())
        .map(|c| format!("{c}: text {:.3} rendering {:.3}", f(&text, c), f(&other, c)))
        .collect();
    eprintln!("{}:\n{}", dir.display(), table.join("\n"));
    assert!(
        f(&other, "macro_f1") >= f(&text, "macro_f1") - margin,
        "{} falls more than {margin} below text:\n{}\n{report}",
        dir.display(),
        table.join("\n")
    );
}

/// Issue #5: the HTML renderings (`tests/html/seeds`).
#[test]
fn html_renderings_match_the_text_accuracy() {
    rendering_gate(&repo().join("tests/html/seeds"), HTML_MARGIN);
}

/// Issue #4: the LibreOffice PDF exports (`tests/pdf/lo`).
#[test]
fn libreoffice_pdfs_score_like_the_text_packs() {
    rendering_gate(&repo().join("tests/pdf/lo"), PDF_MARGIN);
}

/// Issue #4: the same PDFs with object streams and AES-256 (`tests/pdf/qp`).
#[test]
fn encrypted_object_stream_pdfs_score_like_the_text_packs() {
    rendering_gate(&repo().join("tests/pdf/qp"), PDF_MARGIN);
}
