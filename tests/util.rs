//! A temp-dir harness around the `councilpack` binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (where corpora/, rules/ and tests/gold live).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `councilpack` with `args` in `cwd`.
pub fn councilpack(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_councilpack"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("running councilpack")
}

/// Extracts `inputs` into a fresh temp folder from the repo root; returns the folder
/// and the process output.
pub fn extract(inputs: &[&Path], extra: &[&str]) -> (tempfile::TempDir, Output) {
    let out = tempfile::tempdir().expect("temp dir");
    let mut args: Vec<String> = vec![
        "extract".into(),
        "--quiet".into(),
        "--out".into(),
        out.path().display().to_string(),
    ];
    args.extend(inputs.iter().map(|p| p.display().to_string()));
    args.extend(extra.iter().map(|s| s.to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = councilpack(&repo(), &refs);
    (out, output)
}

/// The lines of `index.jsonl` in `out` as JSON values.
pub fn index(out: &Path) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(out.join("index.jsonl")).expect("index.jsonl");
    text.lines()
        .map(|l| serde_json::from_str(l).expect("index line is JSON"))
        .collect()
}

/// Every pack JSON under `out` (index.jsonl excluded), sorted by path.
pub fn pack_files(out: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walk(out)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read_dir") {
        let p = entry.expect("entry").path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}
