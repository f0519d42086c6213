#!/usr/bin/env bash
# Accuracy on real documents of other councils (issue #12): extracts ../shared/real
# (annotated and all documents), then scripts/real_gate.py prints the gold scores, the
# coverage counts, the share of attendees that are not people and the values users group
# on (council, body, the people export) against their floors,
# and scripts/pdf_words.py the PDF word recall against pdftotext. Exits 1 when a figure
# falls below its floor. Without ../shared/real it fails under CI and skips otherwise.
# The PDF words are compared with `councilpack text --furniture`: the running headers and
# footers the loader sets apart from the lines count as read.
set -euo pipefail
cd "$(dirname "$0")/.."
real=${REAL_DIR:-../shared/real}
if [ ! -d "$real/gold" ]; then
  if [ -n "${CI:-}" ]; then
    echo "real.sh: $real/gold not found: the real-document gate cannot run" >&2
    exit 1
  fi
  echo "real.sh: skipped: $real/gold not found (the shared folder beside the project)"
  exit 0
fi
scripts/setup.sh
cargo build --release --locked --quiet
bin=target/release/councilpack
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "real.sh: extracting $real/annotated and $real/docs"
"$bin" extract "$real/annotated" --out "$out/ann" --quiet
"$bin" extract "$real/docs" --out "$out/docs" --quiet
"$bin" export people "$out/docs" --format csv --out "$out/people.csv"
python3 scripts/real_gate.py "$real" "$out/ann" "$out/docs" "$out/people.csv"
if [ -f scripts/pdf_words.py ]; then
  echo "real.sh: PDF word recall against pdftotext -layout"
  python3 scripts/pdf_words.py "$real/docs" --bin "$bin" --min-avg "${PDF_WORDS_MIN_AVG:-0.99}" --min-file "${PDF_WORDS_MIN_FILE:-0.97}"
fi
