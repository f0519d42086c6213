//! The validated configuration of one run, decided once before any pack is read:
//! input paths, output folder, worker count, the compiled rules and whether to draw a
//! progress bar.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::cli::ExtractArgs;
use crate::rules::RuleBook;

/// Folder read when `extract` is given no paths.
pub const DEFAULT_CORPUS: &str = "corpora";

/// A ready-to-run extraction.
#[derive(Debug)]
pub struct Config {
    /// Files and folders to read.
    pub paths: Vec<PathBuf>,
    /// Output folder (created if missing).
    pub out: PathBuf,
    /// Worker threads.
    pub jobs: usize,
    /// Compiled rules.
    pub rules: RuleBook,
    /// Draw a progress bar on stderr.
    pub progress: bool,
    /// Print the closing summary on stderr.
    pub summary: bool,
    /// `--council` fallback.
    pub council: Option<String>,
}

impl Config {
    /// Validates the flags; every error here is a "could not run" (exit 2).
    pub fn from_args(args: ExtractArgs) -> Result<Config> {
        let paths = if args.paths.is_empty() {
            vec![PathBuf::from(DEFAULT_CORPUS)]
        } else {
            args.paths
        };
        for p in &paths {
            if !p.exists() {
                bail!("input {} does not exist", p.display());
            }
        }
        let jobs = match args.jobs {
            Some(0) => bail!("--jobs must be at least 1"),
            Some(n) => n,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        let rules = rule_book(args.rules)?;
        std::fs::create_dir_all(&args.out)
            .with_context(|| format!("creating output folder {}", args.out.display()))?;
        let progress = !args.quiet && std::io::stderr().is_terminal();
        Ok(Config {
            paths,
            out: args.out,
            jobs,
            rules,
            progress,
            summary: !args.quiet,
            council: args.council,
        })
    }
}

/// The rules: `--rules DIR`, else `./rules` when it has a default file, else the
/// built-in default.
pub fn rule_book(dir: Option<PathBuf>) -> Result<RuleBook> {
    Ok(match dir {
        Some(dir) => {
            RuleBook::load(&dir).with_context(|| format!("loading rules from {}", dir.display()))?
        }
        None if Path::new("rules/default.toml").is_file() => {
            RuleBook::load(Path::new("rules")).context("loading rules from ./rules")?
        }
        None => RuleBook::embedded().context("loading the built-in default rules")?,
    })
}
