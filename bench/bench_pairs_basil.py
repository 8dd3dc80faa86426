"""Score the current matcher on the hand-labelled BASIL pairs (bench/basil_pairs.tsv).

    python bench/bench_pairs_basil.py [--show-errors]          # the held-out test set
    python bench/bench_pairs_basil.py --dev [--show-errors]    # the development set
    python bench/bench_pairs_basil.py --random [--show-errors] # matches drawn at random

``--dev`` scores bench/basil_dev_pairs.tsv (make_basil_dev_pairs.py: 5 BASIL events
the held-out set does not use): the set every cut-off and rule is chosen on. The
held-out bench/basil_pairs.tsv is for the final figure only.

Each statement is prepared as the database prepares it (speaker, numbers, quotes from
the real extraction, the article's token counts as context), then each labelled pair
is compared. Prints:

* precision and recall of ``same``+``conflict`` (gold: pairs labelled same or
  conflict) at the matcher's own decision, per overlap stratum too;
* the best recall at >= 90% precision when only pairs scored at or above a threshold
  count (how far the scores rank the true pairs first);
* the confusion of gold labels (same / conflict / related / unrelated) against the
  predicted relations (same / conflict / related / different);
* with --show-errors, every pair the matcher gets wrong, with both texts.

Target (issue 11): same+conflict precision >= 90% at recall >= 60%.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_match_data import basil_articles
from make_basil_pairs import OUT as HELD_OUT_PAIRS
from make_basil_pairs import read_labels, statement_hash

from db import matcher
from db.dates import day_number
from db.statements import analyse

DEV_PAIRS = Path(__file__).resolve().parent / "basil_dev_pairs.tsv"
# same/conflict matches drawn at random from a real ingest, read and labelled (see
# bench/README.md): only the precision of what is still predicted means anything here.
RANDOM_MATCHES = Path(__file__).resolve().parent / "basil_random_matches.tsv"
POSITIVE = frozenset({"same", "conflict"})
PREDICTED = ("same", "conflict", "related", "different")
GOLD = ("same", "conflict", "related", "unrelated")


def prepared_statements() -> dict[tuple[str, str, str], matcher.Prepared]:
    """(event, outlet, hash) -> the statement prepared with its article's context."""
    out: dict[tuple[str, str, str], matcher.Prepared] = {}
    for art in basil_articles():
        text = art["title"] + "\n\n" + "\n".join(art["paragraphs"])
        sts = analyse(text, len(art["title"]) + 2)
        preps = matcher.with_context(
            [
                matcher.prepare(
                    st.text,
                    speaker=st.speaker or "",
                    numbers=[matcher.Num(n.value, n.unit, n.qualifier, n.raw) for n in st.numbers],
                    quotes=[q.text for q in st.quotes],
                )
                for st in sts
            ],
            day=day_number(art["date"]),
        )
        event, outlet = art["event"][:8], art["source"].lower()
        for st, prep in zip(sts, preps, strict=True):
            out[(event, outlet, statement_hash(st.text))] = prep
    return out


def _pr(pairs: list[tuple[str, str, float]]) -> tuple[float, float, int, int]:
    """(precision, recall, predicted positives, gold positives) of same+conflict."""
    tp = sum(1 for gold, pred, _ in pairs if gold in POSITIVE and pred in POSITIVE)
    pp = sum(1 for _, pred, _ in pairs if pred in POSITIVE)
    gp = sum(1 for gold, _, _ in pairs if gold in POSITIVE)
    return tp / pp if pp else 1.0, tp / gp if gp else 0.0, pp, gp


Scored = list[tuple[str, str, float]]  # (gold label, predicted relation, score)


def best_recall_at(pairs: Scored, min_precision: float) -> tuple[float, float]:
    """The highest recall (and its score threshold) at which the predicted positives
    scored >= threshold have at least ``min_precision``."""
    ranked = sorted((p for p in pairs if p[1] in POSITIVE), key=lambda p: -p[2])
    gp = sum(1 for gold, _, _ in pairs if gold in POSITIVE)
    best = (0.0, 100.0)
    tp = 0
    for k, (gold, _, score) in enumerate(ranked, 1):
        tp += gold in POSITIVE
        if tp / k >= min_precision and gp and tp / gp > best[0]:
            best = (tp / gp, score)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--show-errors", action="store_true")
    which = ap.add_mutually_exclusive_group()
    which.add_argument("--dev", action="store_true", help="the development set, not the held-out")
    which.add_argument(
        "--random",
        action="store_true",
        help="matches drawn at random from a real ingest (precision only)",
    )
    args = ap.parse_args()
    path = DEV_PAIRS if args.dev else RANDOM_MATCHES if args.random else HELD_OUT_PAIRS
    print(evaluate(path, show_errors=args.show_errors))


def score_pairs(
    path: Path, preps: dict[tuple[str, str, str], matcher.Prepared] | None = None
) -> list[tuple[dict[str, str], matcher.PairResult, matcher.Prepared, matcher.Prepared]]:
    """Every labelled pair of ``path`` still found, with the matcher's result."""
    if preps is None:
        preps = prepared_statements()
    out = []
    for row in read_labels(path):
        if "/" in row["event"]:
            ev_a, ev_b = row["event"].split("/")
        else:
            ev_a = ev_b = row["event"]
        a = preps.get((ev_a, row["outlet_a"], row["hash_a"]))
        b = preps.get((ev_b, row["outlet_b"], row["hash_b"]))
        if a is not None and b is not None:
            out.append((row, matcher.compare(a, b), a, b))
    return out


def evaluate(
    path: Path,
    *,
    show_errors: bool = False,
    preps: dict[tuple[str, str, str], matcher.Prepared] | None = None,
) -> str:
    """The report main() prints for one labelled set."""
    out: list[str] = []
    rows = score_pairs(path, preps)
    scored: Scored = []
    by_stratum: dict[str, Scored] = defaultdict(list)
    errors = []
    for row, result, a, b in rows:
        item = (row["label"], result.relation, result.score)
        scored.append(item)
        by_stratum[row["stratum"]].append(item)
        wrong_side = (row["label"] in POSITIVE) != (result.relation in POSITIVE)
        if wrong_side or (row["label"] == "related") != (result.relation == "related"):
            errors.append((row, result, a.text, b.text))
    missing = len(read_labels(path)) - len(rows)
    if missing:
        out.append(f"warning: {missing} labelled pairs no longer found (segmenter changed?)")
    precision, recall, pp, gp = _pr(scored)
    gold_counts = Counter(g for g, _, _ in scored).most_common()
    out.append(
        f"{path.name}: {len(scored)} pairs ({', '.join(f'{k} {v}' for k, v in gold_counts)})"
    )
    out.append(
        f"same+conflict: precision {100 * precision:.1f}% ({pp} predicted), recall"
        f" {100 * recall:.1f}% (of {gp})   target: precision >= 90% at recall >= 60%"
    )
    rec90, thr = best_recall_at(scored, 0.9)
    out.append(
        f"best recall at >= 90% precision (score threshold): {100 * rec90:.1f}% (score >= {thr})"
    )
    out.append("\nper stratum:               precision  recall  predicted  gold")
    for stratum in sorted(by_stratum):
        p, r, pp_, gp_ = _pr(by_stratum[stratum])
        out.append(f"  {stratum:24s} {100 * p:8.1f}% {100 * r:6.1f}% {pp_:9d} {gp_:5d}")
    confusion = Counter((g, p) for g, p, _ in scored)
    out.append("\nconfusion (rows gold, columns predicted):")
    out.append(f"  {'':10s}" + "".join(f"{p:>11s}" for p in PREDICTED))
    for g in GOLD:
        out.append(f"  {g:10s}" + "".join(f"{confusion[(g, p)]:11d}" for p in PREDICTED))
    if show_errors:
        out.append(f"\n{len(errors)} pairs judged otherwise than labelled:")
        for row, result, ta, tb in errors:
            out.append(f"#{row['id']} gold {row['label']}, got {result.relation} {result.score}")
            out.append(f"  {row['outlet_a']}: {ta}\n  {row['outlet_b']}: {tb}")
    return "\n".join(out)


if __name__ == "__main__":
    main()
