"""Sample cross-outlet statement pairs from BASIL for hand labelling (bench/basil_pairs.tsv).

    python bench/make_basil_pairs.py            # (re)write bench/basil_pairs.tsv, keep labels
    python bench/make_basil_pairs.py --show     # print every pair with its texts, to read

How the pairs are drawn (seeded, so the same pairs come out every time):

* Every BASIL article is split into statements by the real segmenter
  (:func:`db.statements.analyse`, headline + body as the ingest stores them).
* Candidate pairs: two statements of the same event (triplet) from two different
  outlets. Their *word overlap* is the Jaccard index of their content tokens
  (:func:`db.matcher.content_token_set`: normalised, stop words out; the normaliser
  of commit 94212a1 drew the stored sample: should a later one draw other pairs,
  their labels are left empty, never guessed).
* The pairs are stratified by overlap into STRATA and PER_STRATUM pairs drawn at
  random from each (uniform sampling would give almost only unrelated pairs);
  CROSS_EVENT more are drawn from pairs of two *different* events with overlap
  >= 0.3 (template sentences: "did not respond to a request for comment").
* A pair is written as ids, not texts (BASIL has no licence to redistribute):
  stratum, overlap, event (first 8 hex digits of the triplet uuid), outlet and
  blake2b-5 hash of the cleaned statement text for each side, and the label.

Labels (read by hand, every pair): ``same`` (the same claim: same predicate and
participants, compatible polarity, modality and time; one side may add detail),
``conflict`` (the same claim about the same quantity with a different number),
``related`` (the same specific happening, a different claim about it: "X resigned"
vs "a report found X harassed women"), ``unrelated`` (a different happening, or a
side with nothing specific to compare).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import sys
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_match_data import basil_articles

from db.matcher import content_token_set
from db.normalize import clean
from db.statements import analyse

OUT = Path(__file__).resolve().parent / "basil_pairs.tsv"
SEED = 11
# Word-overlap strata (Jaccard of content tokens): [lo, hi).
STRATA = ((0.0, 0.1), (0.1, 0.2), (0.2, 0.35), (0.35, 0.55), (0.55, 1.01))
PER_STRATUM = 62
CROSS_EVENT = 20
CROSS_EVENT_MIN_OVERLAP = 0.3
MIN_TOKENS = 3  # statements with fewer content tokens say too little to pair
FIELDS = ("id", "stratum", "overlap", "event", "outlet_a", "hash_a", "outlet_b", "hash_b", "label")
LABELS = ("same", "conflict", "related", "unrelated")


def statement_hash(text: str) -> str:
    return hashlib.blake2b(clean(text).encode("utf-8"), digest_size=5).hexdigest()


def basil_statements() -> dict[str, list[tuple[str, str, str, frozenset[str]]]]:
    """event (8 hex digits) -> [(outlet, hash, text, content tokens)] of every statement."""
    out: dict[str, list[tuple[str, str, str, frozenset[str]]]] = {}
    for art in basil_articles():
        text = art["title"] + "\n\n" + "\n".join(art["paragraphs"])
        for st in analyse(text, len(art["title"]) + 2):
            toks = content_token_set(st.text)
            if len(toks) >= MIN_TOKENS:
                out.setdefault(art["event"][:8], []).append(
                    (art["source"].lower(), statement_hash(st.text), st.text, toks)
                )
    return out


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b)


def sample() -> list[dict[str, str]]:
    rnd = random.Random(SEED)
    events = basil_statements()
    buckets: list[list[tuple[float, str, tuple, tuple]]] = [[] for _ in STRATA]
    for event in sorted(events):
        sts = events[event]
        for x, y in combinations(sts, 2):
            if x[0] == y[0] or x[1] == y[1]:
                continue
            ov = _jaccard(x[3], y[3])
            for i, (lo, hi) in enumerate(STRATA):
                if lo <= ov < hi:
                    buckets[i].append((ov, event, x, y))
    chosen: list[tuple[str, float, str, tuple, tuple]] = []
    for (lo, _hi), bucket in zip(STRATA, buckets, strict=True):
        for ov, event, x, y in rnd.sample(bucket, min(PER_STRATUM, len(bucket))):
            chosen.append((f"overlap>={lo}", ov, event, x, y))
    # Different events, high overlap: a seeded walk over random pairs of events.
    names = sorted(events)
    cross: list[tuple[str, float, str, tuple, tuple]] = []
    seen: set[tuple[str, str]] = set()
    tries = 0
    while len(cross) < CROSS_EVENT and tries < 200_000:
        tries += 1
        e1, e2 = rnd.sample(names, 2)
        x, y = rnd.choice(events[e1]), rnd.choice(events[e2])
        if x[0] == y[0] or (x[1], y[1]) in seen:
            continue
        ov = _jaccard(x[3], y[3])
        if ov >= CROSS_EVENT_MIN_OVERLAP:
            seen.add((x[1], y[1]))
            cross.append(("cross-event", ov, f"{e1}/{e2}", x, y))
    rows = []
    for k, (stratum, ov, event, x, y) in enumerate(chosen + cross, 1):
        rows.append(
            {
                "id": str(k),
                "stratum": stratum,
                "overlap": f"{ov:.3f}",
                "event": event,
                "outlet_a": x[0],
                "hash_a": x[1],
                "outlet_b": y[0],
                "hash_b": y[1],
                "label": "",
                "_a": x[2],
                "_b": y[2],
            }
        )
    return rows


def read_labels(path: Path = OUT) -> list[dict[str, str]]:
    """The labelled pairs as stored (no texts)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def texts_by_hash() -> dict[tuple[str, str, str], str]:
    """(event, outlet, hash) -> statement text, for every BASIL statement."""
    return {
        (event, outlet, h): text
        for event, sts in basil_statements().items()
        for outlet, h, text, _ in sts
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show", action="store_true", help="print the pairs with their texts")
    ap.add_argument("--unlabelled", action="store_true", help="with --show: only unlabelled")
    args = ap.parse_args()
    rows = sample()
    old = {r["id"]: r for r in read_labels()} if OUT.exists() else {}
    for r in rows:
        prev = old.get(r["id"])
        if prev and (prev["hash_a"], prev["hash_b"]) == (r["hash_a"], r["hash_b"]):
            r["label"] = prev["label"]
    if args.show:
        show_rows(rows, lambda r, side: r[f"_{side}"], unlabelled=args.unlabelled)
        return
    write_rows(OUT, rows)


def show_rows(rows: list[dict], text_of, *, unlabelled: bool) -> None:
    """Print each pair for reading and labelling (``text_of(row, "a"|"b")``)."""
    for r in rows:
        if unlabelled and r["label"]:
            continue
        print(f"#{r['id']} [{r['stratum']} {r['overlap']}] {r['label']}")
        print(f"  {r['outlet_a']}: {text_of(r, 'a')}")
        print(f"  {r['outlet_b']}: {text_of(r, 'b')}")


def write_rows(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, FIELDS, delimiter="\t", extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} pairs written to {path}")


if __name__ == "__main__":
    main()
