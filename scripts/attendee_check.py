#!/usr/bin/env python3
"""Share of attendee entries that do not read as a person or a post, over an output folder.

usage: attendee_check.py OUT_DIR [--list N]

A heuristic check, not a gold score: a name is suspect when it holds a digit, a word that
names a place, a heading or a thing ("Hall", "Business", "Report", "Road"), more than six
words, a sentence's punctuation, or words in lower case other than name particles. It
counts the entries of minutes meetings, as the coverage counts do, and prints the share and
the commonest suspect names. It is for watching trends and reading the worst cases; a
rising share is a regression to look at."""
import collections
import json
import os
import re
import sys

THING_WORDS = {
    "hall", "village", "church", "road", "lane", "street", "close", "house", "centre", "room",
    "business", "management", "report", "reports", "item", "items", "minutes", "agenda",
    "meeting", "apologies", "planning", "finance", "correspondence", "matters", "arising",
    "treasury", "budget", "accounts", "update", "other", "any", "public", "members",
    "declarations", "interest", "interests", "date", "next", "present", "absent", "none",
    "council", "committee", "police", "highways", "footpaths", "lighting", "cemetery",
    "playing", "field", "school", "website", "notice", "board", "signed", "total",
    "noted", "agreed", "resolved", "action", "actions", "questions", "forum", "the",
}
PARTICLES = {"de", "van", "von", "der", "da", "di", "du", "le", "la", "des", "dos", "das", "ap", "and", "of", "for"}


def suspect(name):
    n = name.strip()
    if not n or re.search(r"\d", n) or re.search(r"[;:!?]|\s{2,}", n):
        return True
    words = re.findall(r"[A-Za-z’'-]+", n)
    if not words or len(words) > 6:
        return True
    low = [w for w in words if w[0].islower() and w.lower() not in PARTICLES]
    if low:
        return True
    return any(w.lower() in THING_WORDS for w in words)


def main(out, show):
    total = 0
    bad = collections.Counter()
    for root, _, files in os.walk(out):
        for f in files:
            if not f.endswith(".json"):
                continue
            try:
                pack = json.load(open(os.path.join(root, f), encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if not isinstance(pack, dict):
                continue
            for m in pack.get("meetings") or []:
                if m.get("kind") != "minutes":
                    continue
                for a in m.get("attendees") or []:
                    total += 1
                    if suspect(a.get("name", "")):
                        bad[a.get("name", "")] += 1
    share = sum(bad.values()) / total if total else 0.0
    print(f"attendees {total}  suspect {sum(bad.values())}  share {share:.3f}")
    for name, n in bad.most_common(show):
        print(f"  {n:4d}  {name}")
    return share


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(sys.argv[sys.argv.index("--list") + 1]) if "--list" in sys.argv else 0
    if "--list" in sys.argv:
        args = [a for a in args if a != str(n)]
    main(args[0], n)
