//! Command-line flags, as typed. Validation and defaults live in `config.rs`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

const EXIT_CODES: &str = "\
Exit status:
  0  every input was processed (skipped non-pack files included)
  1  the run finished but at least one input failed (see index.jsonl)
  2  could not run: bad usage, a malformed rules file, an unwritable output folder";

/// Extract structured JSON from UK council meeting packs.
#[derive(Debug, Parser)]
#[command(name = "councilpack", version, about, after_long_help = EXIT_CODES, after_help = EXIT_CODES)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract packs into one JSON per pack plus index.jsonl.
    ///
    /// Walks the given files and folders (default: corpora/), extracts every pack in
    /// parallel and writes <out>/<same relative path>.json for each, then
    /// <out>/index.jsonl with one line per input (ok | failed | skipped). A broken input
    /// never stops the batch; it is reported in index.jsonl and the exit status is 1.
    Extract(ExtractArgs),
    /// Print the JSON Schema of the pack JSON on stdout.
    Schema,
    /// Print one input's normalised text, as the extractors see it.
    ///
    /// One line per line of the document model: table rows as tab-separated cells,
    /// list items after "• ", a form feed between physical pages. For checking what a
    /// loader made of a PDF or HTML file.
    Text {
        /// The input file.
        file: PathBuf,
    },
}

/// Flags of `extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Files or folders to read [default: corpora]
    pub paths: Vec<PathBuf>,
    /// Output folder.
    #[arg(long, short, default_value = "output")]
    pub out: PathBuf,
    /// Packs processed at once [default: number of cores].
    #[arg(long, short)]
    pub jobs: Option<usize>,
    /// No progress bar and no summary line.
    #[arg(long, short)]
    pub quiet: bool,
    /// Rules folder (default.toml + councils/*.toml) [default: ./rules, else built-in default].
    #[arg(long)]
    pub rules: Option<PathBuf>,
    /// Council of packs whose text and folder do not say.
    #[arg(long)]
    pub council: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_app() {
        Cli::command().debug_assert();
    }
}
