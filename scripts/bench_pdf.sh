#!/usr/bin/env bash
# PDF throughput of `councilpack extract` against `pdftotext -layout` on the same files in
# the same run (issue #4: at least as many pages/s as pdftotext on one thread), and peak
# RSS on a 300-page pack (target < 200 MB).
#
#   scripts/bench_pdf.sh              corpus: tests/pdf/lo/*.pdf, tests/pdf/qp/*.pdf and
#                                     one ≥300-page pack concatenated from them
#   SHARED=/path/to/shared scripts/bench_pdf.sh
#   CALLGRIND=1 scripts/bench_pdf.sh  also an instruction count (repeatable) for one PDF
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
# The seed PDFs the project carries (tests/pdf/{lo,qp}); SHARED=../shared reads the
# shared folder's copies instead.
SHARED=${SHARED:-$repo/tests}
if ! ls "$SHARED"/pdf/lo/*.pdf >/dev/null 2>&1; then
  echo "bench_pdf.sh: no PDFs in $SHARED/pdf/lo (set SHARED=)" >&2
  exit 2
fi
scripts/setup.sh
cargo build --release --quiet
bin=$repo/target/release/councilpack
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# lo/ and qp/ hold the same stems, so each keeps its own folder.
mkdir -p "$work/in/lo" "$work/in/qp" "$work/in/big"
cp "$SHARED"/pdf/lo/*.pdf "$work/in/lo/"
cp "$SHARED"/pdf/qp/*.pdf "$work/in/qp/" 2>/dev/null || true
chmod -R u+w "$work/in"

pages_of() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }

# The long pack: seed PDFs one after another, round again until there are ≥ 300 pages.
seeds=("$SHARED"/pdf/lo/*.pdf)
parts=() total=0 i=0
while [ "$total" -lt 300 ]; do
  f=${seeds[$((i % ${#seeds[@]}))]}
  parts+=("$f")
  total=$((total + $(pages_of "$f")))
  i=$((i + 1))
done
big=$work/in/big/pack_${total}p.pdf
# qpdf exits 3 on warnings (damaged but usable input): still a pack to measure.
qpdf --empty --pages "${parts[@]}" -- "$big" || [ $? -eq 3 ]

mapfile -t files < <(find "$work/in" -type f -name '*.pdf' | sort)
pages=0
for f in "${files[@]}"; do pages=$((pages + $(pages_of "$f"))); done
bytes=$(du -sb "$work/in" | cut -f1)
echo "corpus: ${#files[@]} PDFs, $pages pages, $((bytes / 1000)) KB (long pack: $(pages_of "$big") pages)"

now() { date +%s.%N; }
report() { # label, seconds
  python3 -c "import sys; s=max(float(sys.argv[2]),1e-3); print(f'{sys.argv[1]:24s} {s:7.2f} s  {$pages/s:8.1f} pages/s')" "$1" "$2"
}
cat "${files[@]}" >/dev/null   # warm the page cache for both runs

# pdftotext one file after another, one process each: how it is used in batch.
t0=$(now)
for f in "${files[@]}"; do pdftotext -layout "$f" - >/dev/null 2>&1 || true; done
ref_s=$(python3 -c "print($(now) - $t0)")
report "pdftotext -layout" "$ref_s"

t0=$(now)
status=0
"$bin" extract "$work/in" --out "$work/out" --jobs 1 --quiet >/dev/null 2>"$work/cp.err" || status=$?
cp_s=$(python3 -c "print($(now) - $t0)")
report "councilpack --jobs 1" "$cp_s"
# Timings mean nothing if councilpack refused the PDFs (before the PDF loader, it does).
failed=$(grep -c '"status":"failed"' "$work/out/index.jsonl" 2>/dev/null || true)
caveat=""
if [ "$status" -ne 0 ] || [ "${failed:-0}" -gt 0 ]; then caveat="  (not comparable: see NOTE)"; fi
python3 -c "import sys; r=float(sys.argv[1])/max(float(sys.argv[2]),1e-3); print(f'speed councilpack / pdftotext (pages/s): {r:.2f}x  (target >= 1){sys.argv[3]}')" \
  "$ref_s" "$cp_s" "$caveat"
if [ -n "$caveat" ]; then
  echo "NOTE: councilpack exited $status with ${failed:-?} of ${#files[@]} PDFs failed in index.jsonl;" \
    "its time is not an extraction time. First error:"
  grep -m1 '"status":"failed"' "$work/out/index.jsonl" 2>/dev/null | sed 's/^/  /' || head -3 "$work/cp.err"
fi

# Peak RSS on the long pack alone: one pack's pages must not all be held at once.
/usr/bin/time -f %M -o "$work/rss" "$bin" extract "$big" --out "$work/out-big" --jobs 1 --quiet \
  >/dev/null 2>&1 || true
echo "councilpack peak RSS on the $(pages_of "$big")-page pack: $(( $(tail -1 "$work/rss") / 1024 )) MB (target < 200 MB)$caveat"

if [ "${CALLGRIND:-0}" = 1 ]; then
  one=${seeds[0]}
  if command -v valgrind >/dev/null 2>&1; then
    echo "callgrind on $(basename "$one") ($(pages_of "$one") pages):"
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$bin" extract "$one" \
      --out "$work/cg" --jobs 1 --quiet 2>&1 | grep -E "Collected" || true
  else
    echo "CALLGRIND=1: valgrind is not installed (apt-get install valgrind)"
  fi
fi
