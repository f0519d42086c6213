#!/usr/bin/env python3
"""The values users group and join on (issue #12 item 10): council, body and people.

usage: values_check.py GOLD_DIR ANN_OUT DOCS_OUT [PEOPLE_CSV] [--list N] [--json]

- council: share of packs whose `council` equals the council the gold names (ANN_OUT
  against GOLD_DIR), and over DOCS_OUT the share equal to the council the document's folder
  or file name gives (folder names for single-council folders, the parish named in the
  file name for the Norfolk parishes; documents of no known council are left out), and
  the share given a wrong council (worse than none: it splits every group-by);
- body: share of gold meetings (matched by kind and date) whose `body` equals the gold's;
  over DOCS_OUT, the share of minutes meetings with a body, the share of bodies that do not
  read as a body's name (a digit, a sentence's words, a colon, a dotted leader, over ten
  words), and packs where two meetings print one body two ways under the same fold;
- people (with PEOPLE_CSV, a `councilpack export people` CSV of DOCS_OUT): the share of
  records with no council and of names that do not read as a person (the suspect test of
  attendee_check.py, or a single word that is a post).

A heuristic check, not a gold score: it is for watching trends and reading the worst cases.
The expected council per document comes from where the documents are filed, which is
evaluation data, never an extraction rule."""
import collections
import csv
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from attendee_check import suspect  # noqa: E402

FOLDER_COUNCIL = {
    "kent": "Kent",
    "merton": "Merton",
    "tintern": "Tintern",
    "manordeilo-salem": "Manordeilo and Salem",
    "weca": "West of England Combined Authority",
}
PARISH_IN_NAME = [
    (r"stoke[- ]ferry", "Stoke Ferry"),
    (r"w(?:est)?[- ]de(?:w)?reham", "West Dereham"),
    (r"wereham", "Wereham"),
    (r"wretton", "Wretton"),
    (r"northwold", "Northwold"),
]
SENTENCE_WORDS = {"held", "summoned", "above", "to", "be", "at", "on", "following", "you", "are",
                  "approve", "discuss", "report", "confirm", "also", "attendance", "public"}
POSTS = {"mayor", "chairman", "chair", "vice-chairman", "vice-chair", "clerk", "councillors",
         "members", "treasurer", "secretary", "council"}


def fold(s):
    return re.sub(r"[^a-z0-9]+", " ", (s or "").lower().replace("&", " and ")).strip()


def expected_council(path):
    rel = path.split("/real/docs/", 1)[-1]
    folder = rel.split("/", 1)[0]
    if folder in FOLDER_COUNCIL:
        return FOLDER_COUNCIL[folder]
    name = os.path.basename(rel).lower()
    for pat, council in PARISH_IN_NAME:
        if re.search(pat, name):
            return council
    return None


def packs(out):
    for root, _, files in os.walk(out):
        for f in sorted(files):
            if f.endswith(".json"):
                try:
                    p = json.load(open(os.path.join(root, f), encoding="utf-8"))
                except (OSError, ValueError):
                    continue
                if isinstance(p, dict) and "source" in p:
                    yield f, p


def odd_body(b):
    if re.search(r"\d|:|\.{3}|\t", b):
        return True
    words = b.split()
    return len(words) > 10 or any(w.lower() in SENTENCE_WORDS for w in words)


def main(gold_dir, ann, docs, people_csv, show, as_json=False):
    fig = {}
    # council and body against the gold
    by_name = {os.path.splitext(f)[0]: p for f, p in packs(ann)}
    c_ok = c_n = b_ok = b_n = 0
    misses = []
    for f in sorted(os.listdir(gold_dir)):
        if not f.endswith(".json"):
            continue
        g = json.load(open(os.path.join(gold_dir, f), encoding="utf-8"))
        o = by_name.get(os.path.splitext(f)[0], {})
        c_n += 1
        if fold(g.get("council")) == fold(o.get("council")):
            c_ok += 1
        else:
            misses.append(f"council {f}: {o.get('council')!r} (gold {g.get('council')!r})")
        for gm in g.get("meetings", []):
            om = next((m for m in o.get("meetings", []) if m.get("kind") == gm.get("kind")
                       and m.get("date") == gm.get("date")), {})
            b_n += 1
            if (om.get("body") or None) == (gm.get("body") or None):
                b_ok += 1
            else:
                misses.append(f"body {f} {gm.get('kind')}: {om.get('body')!r} (gold {gm.get('body')!r})")
    fig["gold_council"] = c_ok / max(c_n, 1)
    fig["gold_body"] = b_ok / max(b_n, 1)
    print(f"gold council   {c_ok}/{c_n}  {fig['gold_council']:.3f}")
    print(f"gold body      {b_ok}/{b_n}  {fig['gold_body']:.3f}")
    # council and body over the documents
    per = collections.defaultdict(lambda: [0, 0])
    wrong = collections.Counter()
    minutes = with_body = odd = split = 0
    odd_list = collections.Counter()
    for _, p in packs(docs):
        exp = expected_council(p["source"]["path"])
        if exp:
            folder = p["source"]["path"].split("/real/docs/", 1)[-1].split("/", 1)[0]
            per[folder][1] += 1
            if fold(p.get("council")) == fold(exp):
                per[folder][0] += 1
            else:
                wrong[(exp, p.get("council"))] += 1
        seen = collections.defaultdict(set)
        for m in p.get("meetings", []):
            b = m.get("body")
            if b:
                seen[fold(b)].add(b)
            if m.get("kind") != "minutes":
                continue
            minutes += 1
            if b:
                with_body += 1
                if odd_body(b):
                    odd += 1
                    odd_list[b] += 1
        split += any(len(v) > 1 for v in seen.values())
    ok = sum(v[0] for v in per.values())
    n = sum(v[1] for v in per.values())
    none = sum(k for (e, got), k in wrong.items() if got is None)
    bad = sum(wrong.values()) - none
    fig["docs_council"] = ok / max(n, 1)
    fig["docs_council_wrong"] = bad / max(n, 1)
    fig["docs_body_odd"] = odd / max(with_body, 1)
    print(f"docs council   {ok}/{n}  {ok / max(n, 1):.3f}  none {none}  wrong {bad}  " +
          "  ".join(f"{k} {v[0] / v[1]:.2f}" for k, v in sorted(per.items())))
    print(f"docs body      minutes {minutes}  with body {with_body / max(minutes, 1):.3f}  "
          f"odd {fig['docs_body_odd']:.3f}  packs printing one body two ways {split}")
    # people
    if people_csv:
        rows = list(csv.DictReader(open(people_csv, encoding="utf-8-sig")))
        bad = [r["name"] for r in rows if suspect(r["name"]) or r["name"].lower() in POSTS
               or len(r["name"]) < 3]
        no_council = sum(1 for r in rows if not r["council"])
        fig["people_not_person"] = len(bad) / max(len(rows), 1)
        print(f"people         {len(rows)}  no council {no_council / max(len(rows), 1):.3f}  "
              f"not a person {fig['people_not_person']:.3f}")
    else:
        bad = []
    if show:
        for m in misses[:show]:
            print("  " + m)
        for (e, got), k in wrong.most_common(show):
            print(f"  council {k:3d} {got!r} (expected {e!r})")
        for b, k in odd_list.most_common(show):
            print(f"  body {k:3d} {b!r}")
        for b in bad[:show]:
            print(f"  person {b!r}")
    if as_json:
        print(json.dumps(fig))
    return fig


if __name__ == "__main__":
    argv = sys.argv[1:]
    as_json = "--json" in argv
    argv = [a for a in argv if a != "--json"]
    show = 0
    if "--list" in argv:
        i = argv.index("--list")
        show = int(argv[i + 1])
        del argv[i:i + 2]
    if len(argv) < 3:
        sys.exit(__doc__)
    main(argv[0], argv[1], argv[2], argv[3] if len(argv) > 3 else None, show, as_json)
