#!/usr/bin/env bash
# Installs what the tests need beyond the Rust toolchain: python3 (runs the gold scorer in
# tests/eval/score.py). Idempotent; safe to run on a machine that has everything.
set -euo pipefail
if ! command -v python3 >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq python3
fi
