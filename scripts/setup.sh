#!/usr/bin/env bash
# Installs what the tests and benchmarks need beyond the Rust toolchain:
#   python3       runs the gold scorer (tests/eval/score.py) and the PDF fixture generator
#   poppler-utils pdftotext/pdfinfo: the reference the PDF loader is checked and timed against (#4)
#   qpdf          derives the encrypted / object-stream fixtures and the 300-page bench pack
#   time          GNU /usr/bin/time, for peak RSS in the bench scripts
# Idempotent: installs only what is missing, so it is cheap on a machine that has everything.
set -euo pipefail

missing=()
command -v python3 >/dev/null 2>&1 || missing+=(python3)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
[ -x /usr/bin/time ] || missing+=(time)
[ ${#missing[@]} -eq 0 ] && exit 0

# CI containers run as root without sudo; developer machines usually have sudo.
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "setup.sh: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi
echo "setup.sh: installing ${missing[*]}" >&2
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
