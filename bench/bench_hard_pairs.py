"""The hard pairs of issue 11, written by hand: does a rule hold on sentences it was not
built from?

    python bench/bench_hard_pairs.py [--show-errors] [--set hard-2]

``bench/hard_pairs.tsv`` holds pairs of invented news sentences, one kind of trap
each (see bench/README.md for how each set was written): ``neg`` (one side negated),
``deny`` (a denial of the other's claim), ``mod`` (a hedge or plan against a fact),
``opp`` (the opposite predicate), ``subj`` (another company or person in the same
sentence, or two names trading places), ``tmpl`` (one template about another event),
``gen`` (statements that say nothing specific), ``num`` (numbers of other things:
``notconflict``; one quantity with two values: ``conflict``), ``para`` (one claim
in other words: ``same``) and ``rel`` (two statements of one event: another claim,
``notsame``, or the same one in other words, ``same``). Each pair goes through
``claimlens pairs``' scoring (:func:`db.matcher.compare_texts`: bare sentences, no
article).

A pair is right when its relation is what ``want`` allows: ``notsame`` anything but
``same`` or ``conflict``; ``notconflict`` anything but ``conflict``; else exactly
``want``. Prints right / all per kind and set, and the precision of ``same`` +
``conflict`` over the pairs it shows.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.matcher import compare_texts

PAIRS = Path(__file__).with_name("hard_pairs.tsv")
SHOWN = ("same", "conflict")


def right(want: str, relation: str) -> bool:
    if want == "notsame":
        return relation not in SHOWN
    if want == "notconflict":
        return relation != "conflict"
    return relation == want


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--set", help="only this set (hard-1, hard-2, …)")
    args = ap.parse_args()
    with open(PAIRS, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = [r for r in reader if args.set in (None, r["set"])]
    good: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    shown = shown_right = 0
    for r in rows:
        result = compare_texts(r["a"], r["b"])
        ok = right(r["want"], result.relation)
        key = (r["set"], r["kind"])
        total[key] += 1
        good[key] += ok
        if result.relation in SHOWN:
            shown += 1
            shown_right += result.relation == r["want"]
        if args.show_errors and not ok:
            print(f"{r['set']} {r['kind']}: want {r['want']}, got {result.relation} {result.score}")
            print(f"  a: {r['a']}\n  b: {r['b']}")
    for s in sorted({k[0] for k in total}):
        kinds = sorted(k for k in total if k[0] == s)
        line = "  ".join(f"{k[1]} {good[k]}/{total[k]}" for k in kinds)
        n, g = sum(total[k] for k in kinds), sum(good[k] for k in kinds)
        print(f"{s}: {g}/{n} right   {line}")
    print(f"same+conflict shown: {shown}, right {shown_right}")


if __name__ == "__main__":
    main()
