//! Error types of the library, in words a user understands.
//!
//! [`RulesError`] stops the run (exit 2); [`LoadError`] fails one pack only and is
//! recorded in `index.jsonl` while the batch goes on.

use std::path::PathBuf;

use thiserror::Error;

/// A rules file could not be used.
#[derive(Debug, Error)]
pub enum RulesError {
    /// The file could not be read.
    #[error("cannot read rules file {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not valid TOML, has an unknown key, or a bad regex.
    #[error("{}:{line}:{column}: bad rules file (line {line}): {message}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line of the problem (0 when unknown).
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// A rule every pack needs is set neither in the file nor in the default.
    #[error("{}: rule `{field}` is not set (neither here nor in default.toml)", path.display())]
    Missing {
        /// The file.
        path: PathBuf,
        /// Section and field.
        field: String,
    },
    /// Two council files claim the same council.
    #[error("{}: council {council:?} already has a rules file", path.display())]
    Duplicate {
        /// The second file.
        path: PathBuf,
        /// The council.
        council: String,
    },
}

/// One input could not be turned into a document.
#[derive(Debug, Error)]
pub enum LoadError {
    /// Reading the file failed.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is empty.
    #[error("{} is empty (0 bytes)", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file is not text (binary data where text was expected).
    #[error("{} does not look like text: {reason}", path.display())]
    Binary {
        /// The file.
        path: PathBuf,
        /// What gave it away.
        reason: String,
    },
    /// A PDF that cannot be read, or that broke a limit (time, size, nesting).
    #[error("{}: {reason}", path.display())]
    Pdf {
        /// The file.
        path: PathBuf,
        /// What went wrong, in words a user understands.
        reason: String,
    },
    /// No loader reads this kind of file.
    #[error("{} is not a supported format ({what}); supported: PDF and text (.txt, .text, .md)", path.display())]
    Unsupported {
        /// The file.
        path: PathBuf,
        /// What it looked like.
        what: String,
    },
}

/// An export could not run (exit 2), or one pack of the folder could not be read
/// ([`ExportError::Pack`]: reported, the export goes on, exit 1). See issue #5.
#[derive(Debug, Error)]
pub enum ExportError {
    /// The output folder is missing or not a folder.
    #[error("output folder {} does not exist (run `councilpack extract` first)", path.display())]
    NoFolder {
        /// The folder.
        path: PathBuf,
    },
    /// `index.jsonl` could not be read or has a line that is not an index entry.
    #[error("{}:{line}: cannot read the index: {reason}", path.display())]
    Index {
        /// The index file.
        path: PathBuf,
        /// 1-based line (0 when the file itself could not be read).
        line: usize,
        /// Why.
        reason: String,
    },
    /// One pack JSON could not be read or parsed.
    #[error("{}: cannot read pack JSON: {reason}", path.display())]
    Pack {
        /// The pack file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// A flag has a value that cannot be used.
    #[error("{flag}: {reason}")]
    Usage {
        /// The flag.
        flag: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// The previous export given to `--changed-since` cannot be used.
    #[error("--changed-since {}: {reason}", path.display())]
    Previous {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
}
