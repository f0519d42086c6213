//! Command-line flags, as typed. Validation and defaults live in `config.rs`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::export::ExportKind;
use crate::export::sink::Format;

const EXIT_CODES: &str = "\
Exit status:
  0  every input was processed (skipped non-pack files included)
  1  the run finished but at least one input failed (see index.jsonl)
  2  could not run: bad usage, a malformed rules file, an unwritable output folder

Exit status of `export`:
  0  every pack of the folder was exported
  1  some pack JSON could not be read (reported on stderr); the others were exported
  2  could not run: bad usage or date, no such folder, an unreadable previous export";

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
    /// parallel and writes OUT/RELATIVE/PATH.json for each (the input's path under the
    /// folder given), then OUT/index.jsonl with one line per input (ok | failed | skipped). A broken input
    /// never stops the batch; it is reported in index.jsonl and the exit status is 1.
    Extract(ExtractArgs),
    /// Export actions, people or attendance from an output folder as CSV or JSON lines.
    ///
    /// Reads the pack JSON files listed in DIR/index.jsonl (status ok), or every *.json
    /// under DIR when there is no index; nothing is re-extracted. Rows are sorted
    /// (council, body, meeting date, id) and written to stdout or --out.
    Export(ExportArgs),
    /// Print a JSON Schema on stdout: of the pack JSON, or of one export's JSONL record.
    Schema {
        /// The export whose record schema to print [default: the pack JSON].
        #[arg(value_enum)]
        export: Option<ExportKind>,
    },
    /// Print one input's normalised text, as the extractors see it.
    ///
    /// One line per line of the document model: table rows as tab-separated cells,
    /// list items after "• ", a form feed between physical pages. For checking what a
    /// loader made of a PDF or HTML file.
    Text {
        /// The input file.
        file: PathBuf,
        /// Also print the page furniture the loader took out (running headers and
        /// footers of a PDF), after the text: a form feed, then one line per item,
        /// "p" with the page number, then the text, tab-separated.
        #[arg(long)]
        furniture: bool,
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

/// Flags of `export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// What to export.
    #[arg(value_enum)]
    pub what: ExportKind,
    /// The output folder of `extract`.
    #[arg(default_value = "output")]
    pub dir: PathBuf,
    /// Output encoding.
    #[arg(long, value_enum, default_value = "csv")]
    pub format: Format,
    /// Only this council (case-insensitive, whole name).
    #[arg(long)]
    pub council: Option<String>,
    /// Only this committee or board (case-insensitive, whole name).
    #[arg(long)]
    pub body: Option<String>,
    /// Only meetings on or after this date (YYYY-MM-DD); rows without a date are left out.
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Write here instead of stdout (replaced whole, through a temporary file).
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// actions only: a previous full actions export (CSV or JSONL); emit only the rows
    /// that are new, changed or gone since, with a `change` column.
    #[arg(long, value_name = "PREVIOUS_EXPORT")]
    pub changed_since: Option<PathBuf>,
    /// CSV only: start with a UTF-8 byte order mark, for spreadsheets that otherwise
    /// read the file as their local code page.
    #[arg(long)]
    pub bom: bool,
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
