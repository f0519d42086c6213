#!/usr/bin/env python3
"""Word recall of the PDF loader against pdftotext.

For every PDF under a folder (default ../shared/real/docs from the repo root) that has a
text layer (pdftotext gives some words), compares the multiset of words of
`pdftotext -layout FILE -` with that of `councilpack text --furniture FILE` (the text the
extractors read plus the running headers and footers the loader set apart: removed from
the lines, not lost). A word is a maximal run
of letters of 3 or more characters, case-folded. A file's score is the share of
pdftotext's words found in councilpack's (multiset intersection / pdftotext count): a
split word ("K ENT") or a glued one ("ofthe") both lose words.

  scripts/pdf_words.py [DIR] [--bin target/release/councilpack] [--jobs N]
                       [--min-avg 0.99] [--min-file 0.97] [--worst 15] [--show FILE]

Exits 1 when --min-avg or --min-file is given and the average or some file falls below.
Only the standard library is used.
"""

import argparse
import collections
import concurrent.futures
import os
import re
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Letters only: digits, punctuation and spaces all end a word.
WORD = re.compile(r"[^\W\d_]+")


def words(text):
    """The multiset of case-folded letter runs of 3+ characters."""
    return collections.Counter(
        w.casefold() for w in WORD.findall(text) if len(w) >= 3
    )


def run(cmd):
    """stdout of a command as text ('' when it fails or hangs)."""
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return p.stdout.decode("utf-8", "replace")


def score(path, binary):
    """(path, pdftotext word count, matched count, missing Counter) or None without text."""
    ref = words(run(["pdftotext", "-layout", path, "-"]))
    total = sum(ref.values())
    if total == 0:
        return None
    got = words(run([binary, "text", "--furniture", path]))
    matched = sum((ref & got).values())
    return path, total, matched, ref - got


def pdfs_under(folder):
    out = []
    for root, _dirs, files in os.walk(folder):
        for f in files:
            if f.lower().endswith(".pdf"):
                out.append(os.path.join(root, f))
    return sorted(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", nargs="?", default=os.path.join(REPO, "..", "shared", "real", "docs"))
    ap.add_argument("--bin", default=os.path.join(REPO, "target", "release", "councilpack"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--min-avg", type=float)
    ap.add_argument("--min-file", type=float)
    ap.add_argument("--worst", type=int, default=15)
    ap.add_argument("--missing", type=int, default=6, help="missing words shown per worst file")
    args = ap.parse_args()

    files = pdfs_under(args.dir)
    if not files:
        print(f"pdf_words.py: no PDFs under {args.dir}", file=sys.stderr)
        return 2
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        results = [r for r in ex.map(lambda p: score(p, args.bin), files) if r]
    if not results:
        print("pdf_words.py: no PDF with a text layer", file=sys.stderr)
        return 2

    shares = [(m / t, p, t, miss) for p, t, m, miss in results]
    avg = sum(s for s, *_ in shares) / len(shares)
    low = min(s for s, *_ in shares)
    total = sum(t for _, _, t, _ in shares)
    matched = sum(s * t for s, _, t, _ in shares)
    print(f"files with a text layer: {len(shares)} of {len(files)} PDFs")
    print(f"average share: {avg:.4f}   minimum: {low:.4f}   pooled: {matched / total:.4f}")
    print(f"worst {min(args.worst, len(shares))}:")
    for s, p, t, miss in sorted(shares, key=lambda x: x[0])[: args.worst]:
        top = ", ".join(f"{w}×{n}" if n > 1 else w for w, n in miss.most_common(args.missing))
        print(f"  {s:.4f}  {t:6d}  {os.path.relpath(p, args.dir)}")
        if top:
            print(f"          missing: {top}")

    failed = False
    if args.min_avg is not None and avg < args.min_avg:
        print(f"FAIL: average {avg:.4f} < {args.min_avg}")
        failed = True
    if args.min_file is not None and low < args.min_file:
        n = sum(1 for s, *_ in shares if s < args.min_file)
        print(f"FAIL: {n} file(s) below {args.min_file}")
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
