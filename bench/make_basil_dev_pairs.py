"""Sample the BASIL *development* pairs (bench/basil_dev_pairs.tsv) for hand labelling.

    python bench/make_basil_dev_pairs.py            # (re)write the file, keep labels
    python bench/make_basil_dev_pairs.py --show     # print every pair with its texts

The held-out pairs (bench/basil_pairs.tsv, make_basil_pairs.py) are a test set: no
cut-off, word list or feature may be chosen on them. This set is for choosing. It
is drawn only from the BASIL events that the held-out set does not use (5 of the
100: the held-out sample touches 95), so no statement pair, and no event, is in both.

How the pairs are drawn (seeded; the matcher of the commit that drew them decided
the strata, so a later matcher may rank them otherwise: the labels stay):

* every article split into statements by the real segmenter and prepared as the
  database prepares it (:func:`bench_pairs_basil.prepared_statements`);
* candidates as the matcher sees them: two statements of one event from two
  different outlets that share a blocking key (:func:`db.blocking.blocking_keys`;
  inside one event every key is sparse, so one shared key makes a candidate);
* each candidate scored by :func:`db.matcher.compare`, then drawn from strata of
  that score: ``high`` (same/conflict), ``mid`` (not same, score >= MID_SCORE),
  ``low-overlap`` (below it, content-word Jaccard >= LOW_OVERLAP), ``low`` (the
  rest, quick-rejected included), plus ``random``: two statements of one event
  from two outlets, blocked or not; pairs the fitter trains on (its older BASIL
  labels) are left out;
* every pair read and labelled by hand with the held-out set's definitions
  (``same`` / ``conflict`` / ``related`` / ``unrelated``; see bench/README.md).

The file holds ids, not texts (BASIL states no licence to redistribute), in the
held-out file's columns, with the sampling score in place of the overlap.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pairs_basil import DEV_PAIRS, prepared_statements
from make_basil_pairs import MIN_TOKENS, show_rows, write_rows
from make_basil_pairs import OUT as HELD_OUT
from make_basil_pairs import read_labels as read_held_out

from db import matcher
from db.blocking import blocking_keys

OUT = DEV_PAIRS
SEED = 29
MID_SCORE = 20.0
# A low-scored candidate whose content words overlap this much (Jaccard) is drawn in
# its own stratum: the paraphrases the matcher misses are there, not among the rest.
LOW_OVERLAP = 0.15
# Pairs drawn per stratum (every one there is, if fewer). The matcher finds few
# same/conflict pairs in 5 events, so every high and mid candidate is taken.
PER_STRATUM = {"high": 1000, "mid": 1000, "low-overlap": 60, "low": 50, "random": 50}


def held_out_events() -> set[str]:
    """The events any held-out pair uses (both events of a cross-event pair)."""
    return {e for r in read_held_out(HELD_OUT) for e in r["event"].split("/")}


def dev_statements() -> dict[str, list[tuple[str, str, matcher.Prepared]]]:
    """event -> [(outlet, hash, prepared)] for the events the held-out set does not use."""
    taken = held_out_events()
    out: dict[str, list[tuple[str, str, matcher.Prepared]]] = {}
    for (event, outlet, h), prep in sorted(prepared_statements().items()):
        if event not in taken and len(prep.tokset) >= MIN_TOKENS:
            out.setdefault(event, []).append((outlet, h, prep))
    return out


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b)


def trained_pairs() -> set[tuple[str, str, str]]:
    """(event, hash, hash) of the older BASIL labels bench/fit_matcher.py fits on."""
    from fit_matcher import BASIL_LABELS

    out = set()
    for item in "".join(BASIL_LABELS).split(" | "):
        if item.strip():
            event, _, ha, _, hb, _ = item.split()
            out.add((event, ha, hb))
    return out


def sample() -> list[dict[str, str]]:
    rnd = random.Random(SEED)
    trained = trained_pairs()
    strata: dict[str, list[tuple]] = {name: [] for name in PER_STRATUM}
    for event, sts in dev_statements().items():
        keys = [set(blocking_keys(p.tokset)) for _, _, p in sts]
        for i, (oa, ha, a) in enumerate(sts):
            for j in range(i + 1, len(sts)):
                ob, hb, b = sts[j]
                if oa == ob or ha == hb:
                    continue
                item = (event, oa, ha, ob, hb, a, b)
                if (event, ha, hb) in trained or (event, hb, ha) in trained:
                    continue
                r = matcher.compare(a, b, explain=False)
                strata["random"].append((r.score, *item))
                if keys[i].isdisjoint(keys[j]):
                    continue
                if r.relation in ("same", "conflict"):
                    name = "high"
                elif r.score >= MID_SCORE:
                    name = "mid"
                elif _jaccard(a.tokset, b.tokset) >= LOW_OVERLAP:
                    name = "low-overlap"
                else:
                    name = "low"
                strata[name].append((r.score, *item))
    rows: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for name, n in PER_STRATUM.items():
        pool = [x for x in strata[name] if (x[3], x[5]) not in seen]
        for score, event, oa, ha, ob, hb, _a, _b in rnd.sample(pool, min(n, len(pool))):
            seen.add((ha, hb))
            rows.append(
                {
                    "id": str(len(rows) + 1),
                    "stratum": name,
                    "overlap": f"{score:.1f}",
                    "event": event,
                    "outlet_a": oa,
                    "hash_a": ha,
                    "outlet_b": ob,
                    "hash_b": hb,
                    "label": "",
                }
            )
    return rows


def read_labels(path: Path = OUT) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", action="store_true", help="print the pairs with their texts")
    ap.add_argument("--unlabelled", action="store_true", help="with --show: only unlabelled")
    args = ap.parse_args()
    # The stored sample is kept as it is: redrawing with a later matcher would change
    # its strata (delete the file to draw anew).
    rows = read_labels() if OUT.exists() else sample()
    if args.show:
        texts = {(o, h): p.text for sts in dev_statements().values() for o, h, p in sts}
        show_rows(
            rows,
            lambda r, side: texts.get((r[f"outlet_{side}"], r[f"hash_{side}"]), "?"),
            unlabelled=args.unlabelled,
        )
        return
    if OUT.exists():
        print(f"{OUT} kept ({len(rows)} pairs); delete it to draw a new sample")
        return
    write_rows(OUT, rows)


if __name__ == "__main__":
    main()
