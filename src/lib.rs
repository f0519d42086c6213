//! councilpack: UK council meeting packs in, structured JSON out.
//!
//! The modules in pipeline order:
#![warn(missing_docs)]

/// Discovering inputs and running packs in parallel, each isolated.
pub mod batch;
/// Flags as typed on the command line (clap derive).
pub mod cli;
/// The validated run: paths, jobs, rules, progress decided once.
pub mod config;
/// Library error types.
pub mod error;
/// A finished output folder → actions, people and attendance as CSV or JSONL.
pub mod export;
/// Parts → meetings, attendees, resolutions, actions, plans, tables.
pub mod extract;
/// Bytes → normalised document, one loader per format.
pub mod load;
/// The normalised document: lines with cells and provenance, pages.
pub mod model;
/// Writing pack JSON and `index.jsonl` atomically.
pub mod output;
/// The output contract as types (OUTPUT.md).
pub mod pack;
/// Messages and the progress bar on stderr.
pub mod report;
/// Rules as data: `rules/default.toml` plus per-council overrides.
pub mod rules;
/// Document → parts of the pack (agenda, minutes, reports, appendices).
pub mod segment;
/// Warning codes registry.
pub mod warnings;
