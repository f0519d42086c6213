//! Integration tests: the binary over the bundled corpus and over bad inputs, the JSON
//! contract (schema + deny_unknown_fields), determinism across `--jobs`, exit codes, and
//! the accuracy gate against the gold annotations in `tests/gold`, and the exports read
//! back.

mod util;

mod accuracy;
mod cli;
mod contract;
mod export;
mod pdf_fixtures;
mod rules_data;
