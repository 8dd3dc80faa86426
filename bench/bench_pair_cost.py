"""The matcher's cost per candidate pair, on real candidate pairs of a scale database.

    python bench/bench_pair_cost.py pairs --db DB --sample 3000 --out /tmp/pairs.tsv
    python bench/bench_pair_cost.py time --db DB --pairs /tmp/pairs.tsv [--repeats 3]
        [--dump /tmp/out.jsonl] [--profile 30] [--root OTHER_TREE]

``pairs`` picks ``--sample`` statements at random (seeded) among those a full match
scores, and writes every candidate pair a full match scores from them (their older
candidates, as :class:`db.blocking.BlockIndex` gives them over the whole database:
``db.matching`` scores a pair once, from its later statement). Every pair belongs to
exactly one later statement, so the pairs are a cluster sample of the pairs a full
match scores, in their proportions (dense days included). Keys come from each
statement's content tokens (:func:`db.matcher.content_token_set`), as ``prepare``
gives them.

``time`` prepares the statements of those pairs as matching does
(:func:`db.matching.prepared_statements`: numbers, quotes, speaker, article context),
then times ``compare(a, b, explain=False)`` over every pair ("exact") and, where the
tree has it, ``compare(a, b, explain=False, score_different=False)`` ("pipeline": what
``db.matching`` calls), ``--repeats`` times each, prints the CPU microseconds per pair
(the best repeat) and per prepared statement, and counts the pipeline's answers that
are not the exact ones (a ``different`` pair's score aside: must be 0). ``--dump`` writes
each pair's relation, score, diffs and, for
the pairs that are not ``different``, the reader's evidence (``compare(explain=True)``)
as JSON lines: two trees giving the same file give the same output. ``--profile N``
prints the N costliest functions of one more pass under cProfile. ``--root`` imports
``db`` from another work tree (``git worktree add /tmp/base HEAD``) for a
before/after pair taken in the same minutes.

The database is only read (opened read-only). Nothing here is a test; figures go to
BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import gc
import inspect
import json
import random
import sqlite3
import sys
import time
from pathlib import Path

_HERE = Path(__file__).resolve().parent.parent


def _import_root(root: Path | None) -> None:
    """Put ``root`` (or this tree) first on sys.path, before ``db`` is imported."""
    sys.path.insert(0, str((root or _HERE).resolve()))


def _open(path: Path):
    import sqlite_utils

    return sqlite_utils.Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True))


def pairs(path: Path, sample: int, seed: int, out: Path) -> None:
    from db import matching
    from db.blocking import BlockIndex, Item, blocking_keys
    from db.matcher import content_token_set

    db = _open(path)
    started = time.process_time()
    rows = matching._order(matching._rows(db))
    index = BlockIndex(matching.DEFAULT_WINDOW_DAYS)
    for r in rows:
        tokset = content_token_set(r.text)
        keys = blocking_keys(tokset) if len(tokset) >= matching.MIN_TOKENS else ()
        index.add(Item(r.sid, r.source, r.day, keys))
    print(f"{len(rows):,} statements indexed in {time.process_time() - started:.0f} s CPU")
    keyed = [pos for pos, it in enumerate(index.items) if it.keys]
    chosen = random.Random(seed).sample(keyed, min(sample, len(keyed)))
    items = index.items
    found: list[tuple[int, int]] = []
    for pos in chosen:
        item = items[pos]
        for other in sorted(index.neighbours(item)):
            if items[other].sid < item.sid:
                found.append((item.sid, items[other].sid))
    out.write_text("".join(f"{a}\t{b}\n" for a, b in found), encoding="utf-8")
    print(
        f"{len(chosen):,} statements of {len(keyed):,} scored ones: {len(found):,} pairs"
        f" ({len(found) / max(1, len(chosen)):.1f} a statement) -> {out}"
    )


def _read_pairs(path: Path) -> list[tuple[int, int]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        a, b = line.split("\t")
        out.append((int(a), int(b)))
    return out


def timed(
    path: Path, pair_file: Path, repeats: int, dump: Path | None, profile: int, limit: int
) -> None:
    from db import matching
    from db.matcher import compare

    db = _open(path)
    todo = _read_pairs(pair_file)
    if limit:
        todo = todo[:limit]
    sids = {s for pair in todo for s in pair}
    gc.collect()
    gc.freeze()
    started = time.process_time()
    preps = matching.prepared_statements(db, sids)
    spent = time.process_time() - started
    print(
        f"{len(sids):,} statements prepared: {1e6 * spent / len(sids):.0f} us CPU each"
        " (reads included)"
    )
    work = [(preps[a], preps[b]) for a, b in todo]
    # What the pipeline asks where the tree knows it (no score for 'different' pairs).
    pipeline = "score_different" in inspect.signature(compare).parameters
    modes = {"exact": {"explain": False}}
    if pipeline:
        modes["pipeline"] = {"explain": False, "score_different": False}
    outputs = {}
    for mode, kwargs in modes.items():
        best = float("inf")
        for _ in range(repeats):
            gc.collect()
            started = time.process_time()
            results = [compare(a, b, **kwargs) for a, b in work]
            best = min(best, time.process_time() - started)
        outputs[mode] = results
        counts: dict[str, int] = {}
        for r in results:
            counts[r.relation] = counts.get(r.relation, 0) + 1
        print(
            f"{mode}: {len(work):,} pairs, {1e6 * best / len(work):.2f} us CPU a pair"
            f" (best of {repeats}); {counts}"
        )
    results = outputs["exact"]
    if pipeline:
        # The pipeline's answers must be the exact ones, a 'different' pair's score aside.
        wrong = sum(
            1
            for x, y in zip(results, outputs["pipeline"], strict=True)
            if x.relation != y.relation or (x.relation != "different" and x != y)
        )
        print(f"pipeline answers that differ from the exact ones: {wrong}")
    if profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        kwargs = modes["pipeline" if pipeline else "exact"]
        for a, b in work:
            compare(a, b, **kwargs)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(profile)
    if dump:
        with dump.open("w", encoding="utf-8") as fh:
            for (sa, sb), (a, b), r in zip(todo, work, results, strict=True):
                row: dict = {"a": sa, "b": sb, "relation": r.relation, "score": r.score}
                if r.diffs:
                    row["diffs"] = list(r.diffs)
                if r.relation != "different":
                    full = compare(a, b)
                    row["evidence"] = full.evidence.as_dict()
                    if (full.relation, full.score) != (r.relation, r.score):
                        row["explained"] = [full.relation, full.score]
                fh.write(json.dumps(row, sort_keys=True, ensure_ascii=False) + "\n")
        print(f"dumped -> {dump}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("what", choices=["pairs", "time"])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--sample", type=int, default=3000, help="pairs: statements to sample")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=Path("/tmp/pair_cost_pairs.tsv"))
    ap.add_argument("--pairs", type=Path, default=Path("/tmp/pair_cost_pairs.tsv"))
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0, help="time: only the first N pairs")
    ap.add_argument("--dump", type=Path, default=None)
    ap.add_argument("--profile", type=int, default=0)
    ap.add_argument("--root", type=Path, default=None, help="import db from this work tree")
    args = ap.parse_args()
    _import_root(args.root)
    if args.what == "pairs":
        pairs(args.db, args.sample, args.seed, args.out)
    else:
        timed(args.db, args.pairs, args.repeats, args.dump, args.profile, args.limit)


if __name__ == "__main__":
    main()
