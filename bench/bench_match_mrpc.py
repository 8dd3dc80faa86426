"""An MRPC split through the shipped matcher (what ``claimlens pairs`` prints), and the
matcher's cost per statement and per pair.

    python bench/bench_match_mrpc.py                        # the train split
    python bench/bench_match_mrpc.py PATH/msr_paraphrase_test.txt
    python bench/bench_match_mrpc.py --timing               # µs per prepare / compare

``same`` counts as paraphrase; ``conflict``, ``related`` and ``different`` as not. The
weights were fitted on the train split (with the BASIL pairs), so on it this is
training accuracy: the honest numbers are the 10-fold CV figures printed by
``bench/fit_matcher.py`` and this script on the test split, which nothing is fitted on.

``--timing`` (best of 3): ``prepare`` per sentence, ``compare`` per MRPC pair (similar
sentences: every feature is computed) and per shuffled pair (sentences of different
pairs that share an informative word, as blocking would propose them: most stop at
the quick test). ``--db-root DIR`` times another checkout's ``db`` package instead
(e.g. the code before a change, unpacked with ``git archive REV db | tar -x -C DIR``).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_match_data import MRPC, mrpc_pairs


def accuracy(path: Path) -> None:
    from db.matcher import compare_texts

    pairs = mrpc_pairs(path)
    started = time.monotonic()
    tp = fp = tn = fn = 0
    relations: Counter[str] = Counter()
    for label, a, b in pairs:
        rel = compare_texts(a, b).relation
        relations[rel] += 1
        same = rel == "same"
        tp += same and label == 1
        fp += same and label == 0
        tn += (not same) and label == 0
        fn += (not same) and label == 1
    seconds = time.monotonic() - started
    n = len(pairs)
    print(f"{n} pairs in {seconds:.1f}s ({n / seconds:,.0f} pairs/s); relations {dict(relations)}")
    print(
        f"accuracy {(tp + tn) / n:.4f}, precision {tp / max(1, tp + fp):.4f},"
        f" recall {tp / max(1, tp + fn):.4f} (always 'same': {(tp + fn) / n:.4f})"
    )


def _best(fn: object, reps: int = 3) -> float:
    best = float("inf")
    for _ in range(reps):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - started)
    return best


def timing() -> None:
    from db import matcher

    pairs = mrpc_pairs()
    texts = [t for _, a, b in pairs for t in (a, b)]
    preps: list = []
    secs = _best(lambda: preps.__setitem__(slice(None), [matcher.prepare(t) for t in texts]))
    print(f"prepare: {1e6 * secs / len(texts):.1f} µs/statement ({len(texts)} sentences)")
    same_pairs = [(preps[2 * i], preps[2 * i + 1]) for i in range(len(pairs))]
    secs = _best(lambda: [matcher.compare(a, b) for a, b in same_pairs])
    print(f"compare, MRPC pairs: {1e6 * secs / len(same_pairs):.1f} µs/pair")
    rnd = random.Random(7)
    by_token: dict[str, list[int]] = {}
    for i, p in enumerate(preps):
        for t in p.tokset:
            by_token.setdefault(t, []).append(i)
    shuffled = []
    for i, p in enumerate(preps):
        rare = [t for t in p.tokset if 1 < len(by_token[t]) < 50]
        if rare:
            j = rnd.choice(by_token[rnd.choice(rare)])
            if j // 2 != i // 2:
                shuffled.append((p, preps[j]))
    secs = _best(lambda: [matcher.compare(a, b) for a, b in shuffled])
    print(f"compare, shuffled pairs sharing a rare word: {1e6 * secs / len(shuffled):.1f} µs/pair")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("split", nargs="?", type=Path, default=MRPC)
    ap.add_argument("--timing", action="store_true")
    ap.add_argument("--db-root", type=Path, help="import db from this directory instead")
    args = ap.parse_args()
    root = args.db_root or Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    if args.timing:
        timing()
    else:
        accuracy(args.split)


if __name__ == "__main__":
    main()
