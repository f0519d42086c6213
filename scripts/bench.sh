#!/usr/bin/env bash
# End-to-end throughput of `councilpack extract` over a corpus of many copies of the
# bundled packs, at --jobs 1 and --jobs 2, with peak RSS, beside reference runs over the
# same files in the same run: `cat` (the cost of reading them) and `gzip -1` (a CPU-bound
# tool, for a ratio that holds when the shared machine's speed moves).
#
#   scripts/bench.sh [COPIES]      (default 60 copies of corpora/ ≈ 36 MB)
#   CALLGRIND=1 scripts/bench.sh   also counts instructions (repeatable; needs 5+ copies)
#
# System time is mostly the file system creating the output files. On ext4 it grows when
# many files were deleted in the last half minute (a new inode skips recently freed ones),
# so leave a pause between runs that delete output folders.
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-60}
cargo build --release --quiet
bin=target/release/councilpack
# TMPDIR=/dev/shm keeps the file system out of the figures (see above).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq 1 "$copies"); do
  mkdir -p "$work/in/copy$i"
  cp -r corpora/* "$work/in/copy$i/"
done
bytes=$(du -sb "$work/in" | cut -f1)
mb=$(python3 -c "print(round($bytes/1e6, 1))")
files=$(find "$work/in" -type f | wc -l)
echo "corpus: $files packs, $mb MB ($copies copies of corpora/)"

seconds() { python3 -c "import sys; print(float(sys.argv[1]))" "$1"; }
run() { # label, command...
  local label=$1; shift
  local log="$work/time.log"
  /usr/bin/time -f "%e %M %U %S" -o "$log" "$@" >/dev/null 2>&1 || true
  read -r secs rss user sys <"$log"
  python3 -c "
b=$bytes; s=max($secs,0.001); print(f'{\"$label\":28s} {s:7.2f} s  {b/s/1e6:8.1f} MB/s  peak RSS {$rss/1024:7.1f} MB  (user {$user:.2f} s, system {$sys:.2f} s)')"
  echo "$secs" >"$work/$label.secs"
}
find "$work/in" -type f -exec cat {} + >/dev/null   # warm the page cache
run "reference: cat" sh -c "find '$work/in' -type f -exec cat {} + >/dev/null"
# A CPU-bound reference on the same bytes: its speed moves with the machine's, so the
# ratio to it is steadier than MB/s on a shared machine.
run "reference: gzip -1" sh -c "find '$work/in' -type f -exec cat {} + | gzip -1 >/dev/null"
run "councilpack --jobs 1" "$bin" extract "$work/in" --out "$work/out1" --jobs 1 --quiet
run "councilpack --jobs 2" "$bin" extract "$work/in" --out "$work/out2" --jobs 2 --quiet
python3 -c "
a=float(open('$work/councilpack --jobs 1.secs').read()); b=float(open('$work/councilpack --jobs 2.secs').read())
g=float(open('$work/reference: gzip -1.secs').read())
print(f'speed-up --jobs 2 / --jobs 1: {a/max(b,0.001):.2f}x')
print(f'--jobs 1 speed / gzip -1 speed: {g/max(a,0.001):.2f}')"
if [ "${CALLGRIND:-0}" = 1 ]; then
  # Repeatable instruction counts (same binary, same input, same count): start-up on a
  # one-line file, and the steady cost of one more copy of corpora/ (five copies minus
  # one, over four, so the regex engines' warm-up on the first copy is left out).
  count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" extract "$@" \
      --out "$work/cg" --jobs 1 --quiet 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'; }
  printf 'Notice of meeting\n' >"$work/tiny.txt"
  startup=$(count "$work/tiny.txt")
  one=$(count "$work/in/copy1")
  five=$(count "$work/in/copy1" "$work/in/copy2" "$work/in/copy3" "$work/in/copy4" "$work/in/copy5")
  copy_bytes=$(du -sb "$work/in/copy1" | cut -f1)
  python3 -c "
s,o,f,b=$startup,$one,$five,$copy_bytes
per=(f-o)/4
print(f'callgrind: start-up {s/1e6:.1f}M instructions; one copy of corpora/ ({b/1e6:.2f} MB) {per/1e6:.1f}M steady ({per/b:.0f}/byte), first copy {(o-s)/1e6:.1f}M')"
fi
