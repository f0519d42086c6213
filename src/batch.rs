//! The batch: discover inputs, run each pack in parallel (rayon), isolated from the
//! others, write its JSON as soon as it is done, then write `index.jsonl` in input order.
//!
//! A pack that fails to load, or panics while being extracted, becomes a `failed` line
//! in the index; the batch goes on. Results are ordered before the index is written, so
//! `--jobs 1` and `--jobs 8` give byte-identical output.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::config::Config;
use crate::extract::{PackContext, extract_pack};
use crate::load::{self, Candidate};
use crate::output::index::{Counts, Entry, Status};
use crate::output::{pack_json, write_atomic};
use crate::pack::Source;
use crate::rules::RuleBook;

/// One input found on the command line or under a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The path to read.
    pub path: PathBuf,
    /// Where its JSON goes, relative to the output folder.
    pub output: PathBuf,
    /// The council its folder names (`corpora/<council>/…`), if any.
    pub folder_council: Option<String>,
}

/// What the batch did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Inputs extracted.
    pub ok: usize,
    /// Inputs that failed.
    pub failed: usize,
    /// Inputs skipped as not packs.
    pub skipped: usize,
}

/// Finds every input under `paths`, in a stable order. Hidden files and folders are
/// ignored; everything else is an input (non-packs are reported as skipped).
pub fn discover(paths: &[PathBuf]) -> Result<Vec<Input>> {
    let mut inputs = Vec::new();
    let several = paths.len() > 1;
    for root in paths {
        if root.is_file() {
            let name = root
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| root.clone());
            let parent = root
                .parent()
                .and_then(Path::file_name)
                .and_then(|n| n.to_str());
            let grand = root
                .parent()
                .and_then(Path::parent)
                .and_then(Path::file_name)
                .and_then(|n| n.to_str());
            let folder_council = (grand == Some(crate::config::DEFAULT_CORPUS))
                .then(|| parent.map(council_name))
                .flatten();
            inputs.push(Input {
                path: root.clone(),
                output: json_name(&name),
                folder_council,
            });
            continue;
        }
        let root_name = root.file_name().map(PathBuf::from).unwrap_or_default();
        let walker = walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0 || !e.file_name().to_str().is_some_and(|n| n.starts_with('.'))
            });
        for entry in walker {
            let entry = entry.with_context(|| format!("walking {}", root.display()))?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry
                .path()
                .strip_prefix(root)
                .unwrap_or(entry.path())
                .to_path_buf();
            // The corpus layout `corpora/<council>/…` names the council; folders of any
            // other tree (`archive/2019/…`) say nothing about it.
            let is_corpus = root_name.as_os_str() == crate::config::DEFAULT_CORPUS;
            let folder_council = match rel.components().next() {
                Some(Component::Normal(first)) if is_corpus && rel.components().count() > 1 => {
                    first.to_str().map(council_name)
                }
                _ => None,
            };
            let rel_out = if several { root_name.join(&rel) } else { rel };
            inputs.push(Input {
                path: entry.path().to_path_buf(),
                output: json_name(&rel_out),
                folder_council,
            });
        }
    }
    // Two inputs must never write the same JSON ("a.txt" and "a.md"): the later one keeps
    // its extension in the name.
    let mut seen = std::collections::HashSet::new();
    for input in &mut inputs {
        if !seen.insert(input.output.clone()) {
            let name = input
                .path
                .file_name()
                .map(|n| format!("{}.json", n.to_string_lossy()))
                .unwrap_or_default();
            input.output.set_file_name(name);
            seen.insert(input.output.clone());
        }
    }
    Ok(inputs)
}

fn json_name(rel: &Path) -> PathBuf {
    rel.with_extension("json")
}

fn council_name(folder: &str) -> String {
    let mut c = folder.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Runs the batch described by `config`.
pub fn run(config: &Config) -> Result<Outcome> {
    let inputs = discover(&config.paths)?;
    let bar = crate::report::progress_bar(inputs.len() as u64, config.progress);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.jobs)
        .build()
        .context("starting worker threads")?;
    let entries: Vec<Entry> = pool.install(|| {
        inputs
            .par_iter()
            .map(|input| {
                let entry = process_isolated(input, &config.rules, config);
                bar.inc(1);
                entry
            })
            .collect()
    });
    bar.finish_and_clear();
    let index = config.out.join("index.jsonl");
    write_atomic(&index, &crate::output::index::to_jsonl(&entries))?;
    let mut outcome = Outcome::default();
    for e in &entries {
        match e.status {
            Status::Ok => outcome.ok += 1,
            Status::Failed => outcome.failed += 1,
            Status::Skipped => outcome.skipped += 1,
        }
    }
    if config.summary {
        eprintln!(
            "{}",
            crate::report::summary(outcome.ok, outcome.failed, outcome.skipped, &index)
        );
    }
    Ok(outcome)
}

/// Processes one input; a panic inside becomes a failed entry, never a lost batch.
fn process_isolated(input: &Input, book: &RuleBook, config: &Config) -> Entry {
    let path = input.path.display().to_string();
    let failed = |sha256: Option<String>, error: String, status: Status| Entry {
        path: path.clone(),
        sha256,
        status,
        output: None,
        counts: None,
        warnings: Vec::new(),
        error: Some(error),
    };
    if load::candidate(&input.path) == Candidate::Other {
        return failed(
            None,
            "not a meeting pack (file type not read by councilpack)".to_string(),
            Status::Skipped,
        );
    }
    let bytes = match std::fs::read(&input.path) {
        Ok(b) => b,
        Err(e) => return failed(None, format!("cannot read {path}: {e}"), Status::Failed),
    };
    let sha256 = hex(&Sha256::digest(&bytes));
    match catch_unwind(AssertUnwindSafe(|| {
        process(input, bytes, &sha256, book, config)
    })) {
        Ok(Ok(output)) => Entry {
            path,
            sha256: Some(sha256),
            status: Status::Ok,
            output: Some(output.0),
            counts: Some(output.1),
            warnings: output.2,
            error: None,
        },
        Ok(Err(error)) => failed(Some(sha256), error, Status::Failed),
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            failed(
                Some(sha256),
                format!("internal error while extracting (a bug, please report): {msg}"),
                Status::Failed,
            )
        }
    }
}

/// Loads, extracts and writes one pack; returns the output path and counts, or the
/// reason it failed.
fn process(
    input: &Input,
    bytes: Vec<u8>,
    sha256: &str,
    book: &RuleBook,
    config: &Config,
) -> Result<(String, Counts, Vec<String>), String> {
    let loaded = load::load(&input.path, &bytes, &book.default.html).map_err(|e| e.to_string())?;
    let source = Source {
        path: input.path.display().to_string(),
        sha256: sha256.to_string(),
        format: loaded.format,
        bytes: bytes.len() as u64,
        pages: loaded.doc.page_count(),
    };
    drop(bytes);
    let ctx = PackContext {
        folder_council: input.folder_council.clone(),
        cli_council: config.council.clone(),
    };
    let pack = extract_pack(&loaded.doc, source, book, &ctx, loaded.warnings);
    let counts = Counts::of(&pack);
    let codes = crate::output::index::warning_codes(&pack);
    pack_json(&pack)
        .and_then(|json| write_atomic(&config.out.join(&input.output), &json))
        .map_err(|e| format!("{e:#}"))?;
    Ok((
        input.output.to_string_lossy().replace('\\', "/"),
        counts,
        codes,
    ))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discover_mirrors_tree_and_names_folder_councils() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpora");
        std::fs::create_dir_all(root.join("haringey")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::write(root.join("haringey/a.txt"), "x").unwrap();
        std::fs::write(root.join("haringey/a.md"), "x").unwrap();
        std::fs::write(root.join(".git/config"), "x").unwrap();
        std::fs::write(root.join("top.txt"), "x").unwrap();
        let inputs = discover(&[root]).unwrap();
        let outs: Vec<String> = inputs
            .iter()
            .map(|i| i.output.display().to_string())
            .collect();
        assert_eq!(outs, ["haringey/a.json", "haringey/a.txt.json", "top.json"]);
        assert_eq!(inputs[0].folder_council.as_deref(), Some("Haringey"));
        assert_eq!(inputs[2].folder_council, None);
        // other trees' folders are not councils
        let archive = dir.path().join("archive");
        std::fs::create_dir_all(archive.join("march")).unwrap();
        std::fs::write(archive.join("march/x.txt"), "x").unwrap();
        assert_eq!(discover(&[archive]).unwrap()[0].folder_council, None);
    }
}
