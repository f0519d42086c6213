#!/usr/bin/env bash
# The project's test command: set-up, lint, docs, unit + integration tests (including the
# accuracy gate against tests/gold). Used by the README and by CI.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cargo fmt --check
cargo clippy --all-targets --locked -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --locked --quiet
cargo test --locked --all-targets
