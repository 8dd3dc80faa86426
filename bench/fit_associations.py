"""Do word associations learnt from paraphrase pairs help the matcher on MRPC? (No, so far.)

    python bench/fit_associations.py            # the table's size and a sample
    python bench/fit_associations.py --cv       # 10-fold CV on MRPC with and without it

Words that paraphrases use for one another ("blames" / "accuses", "shares" / "stock"),
learnt from labelled sentence pairs, not from a download: in every pair labelled the
same statement (MRPC train paraphrases; STS Benchmark train pairs scored >=
STS_SAME), each content token one side has and the other lacks is paired with each
such token of the other side, weighted 1 / max(side counts) so that a pair that
rewords much says little about any one word. The same is counted over the pairs
labelled different (MRPC non-paraphrases, STS < STS_DIFFERENT): words that differ
between two statements that are *not* the same are not synonyms ("rose" / "fell").
A word pair is kept when it is seen reworded in at least MIN_PAIRS same-statement
pairs, at least MIN_SHARE of its weight comes from them, and its Dice association
(2 x pairs / (pairs where either word is reworded)) is at least MIN_DICE.

``--cv``: the matcher's features (the model alone, p >= 0.5, no rules, folds of
bench/fit_matcher.py's seed) against the same plus ``associated``, the share of the
tokens only one side has that the table pairs with a token only the other side has
(a similarity, sign kept); the table is learnt again for each fold without that
fold's MRPC pairs (STS pairs whose sentences are in MRPC train are left out of the
table for the same reason). Nothing is shipped unless it pays: see BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_match_data import DATA, mrpc_pairs

from db.matcher import content_token_set

STS = DATA / "stsbenchmark"
STS_SAME = 4.0
STS_DIFFERENT = 2.0
MIN_PAIRS = 2
MIN_SHARE = 0.75
MIN_DICE = 0.1
# A pair rewording more tokens than this on a side is too loose to align words in.
MAX_REWORDED = 8

Labelled = tuple[int, str, str]  # (1 same / 0 different, sentence, sentence)


def sts_labelled(path: Path = STS / "sts-train.csv") -> list[Labelled]:
    """STS train pairs as same (>= STS_SAME) / different (< STS_DIFFERENT), without
    the pairs whose sentences are in MRPC train."""
    mrpc = {s for _, a, b in mrpc_pairs() for s in (a, b)}
    out: list[Labelled] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or cols[5] in mrpc or cols[6] in mrpc:
                continue
            gold = float(cols[4])
            if gold >= STS_SAME:
                out.append((1, cols[5], cols[6]))
            elif gold < STS_DIFFERENT:
                out.append((0, cols[5], cols[6]))
    return out


def learn(pairs: Iterable[Labelled]) -> dict[str, frozenset[str]]:
    """token -> the tokens associated with it (symmetric), from labelled pairs."""
    same: Counter[tuple[str, str]] = Counter()  # weighted
    seen: Counter[tuple[str, str]] = Counter()  # same-statement pairs holding it
    other: Counter[tuple[str, str]] = Counter()  # weighted, different-statement pairs
    reworded: Counter[str] = Counter()  # same-statement pairs where the token is reworded
    for label, a, b in pairs:
        ta, tb = content_token_set(a), content_token_set(b)
        only_a, only_b = ta - tb, tb - ta
        if not only_a or not only_b:
            continue
        if max(len(only_a), len(only_b)) > MAX_REWORDED:
            continue
        w = 1.0 / max(len(only_a), len(only_b))
        if label:
            reworded.update(only_a | only_b)
        for u in only_a:
            for v in only_b:
                key = (u, v) if u < v else (v, u)
                if label:
                    same[key] += w
                    seen[key] += 1
                else:
                    other[key] += w
    out: dict[str, set[str]] = {}
    for key, n in seen.items():
        if n < MIN_PAIRS:
            continue
        if same[key] < MIN_SHARE * (same[key] + other[key]):
            continue
        u, v = key
        if 2 * n / (reworded[u] + reworded[v]) < MIN_DICE:
            continue
        out.setdefault(u, set()).add(v)
        out.setdefault(v, set()).add(u)
    return {t: frozenset(vs) for t, vs in out.items()}


def all_pairs() -> list[Labelled]:
    return [*mrpc_pairs(), *sts_labelled()]


def associated_share(table: dict[str, frozenset[str]], a: str, b: str) -> float:
    """Share of the tokens only one side has that ``table`` pairs with a token only the
    other side has."""
    ta, tb = content_token_set(a), content_token_set(b)
    only_a, only_b = ta - tb, tb - ta
    if not only_a or not only_b:
        return 0.0
    hits = sum(1 for u in only_a if not table.get(u, frozenset()).isdisjoint(only_b))
    hits += sum(1 for u in only_b if not table.get(u, frozenset()).isdisjoint(only_a))
    return hits / (len(only_a) + len(only_b))


def cross_validate(seed: int, l2: float) -> None:
    """MRPC 10-fold CV accuracy of the model alone, without and with ``associated``."""
    import numpy as np
    from fit_latent import _folds
    from fit_matcher import _signs, fit_bounded

    from db import matcher

    pairs = mrpc_pairs()
    sts = sts_labelled()
    ys = np.array([y for y, _, _ in pairs], dtype=float)
    feats = [
        matcher.features(matcher.prepare(a), matcher.prepare(b), full=True) for _, a, b in pairs
    ]
    base = np.array([matcher.expand(f.values) for f in feats])
    rejected = np.array([f.quick_reject for f in feats])
    fold = _folds(len(pairs), seed)
    correct = {"base": 0, "associated": 0}
    fired = 0
    for k in range(10):
        train = (fold != k) & ~rejected
        test = fold == k
        table = learn([p for p, f in zip(pairs, fold, strict=True) if f != k] + sts)
        extra = np.array([[associated_share(table, a, b)] for _, a, b in pairs])
        fired += int((extra[test] > 0).sum())
        for name, x, signs in (
            ("base", base, _signs(matcher)),
            ("associated", np.hstack([base, extra]), (*_signs(matcher), 1)),
        ):
            n = int(train.sum())
            w = np.array(fit_bounded(x[train].tolist(), ys[train].tolist(), l2, [1.0] * n, signs))
            z = np.hstack([np.ones((int(test.sum()), 1)), x[test]]) @ w
            correct[name] += int((((z > 0) & ~rejected[test]) == (ys[test] == 1)).sum())
    print(f"associated > 0 for {fired} of {len(pairs)} MRPC pairs (out of fold)")
    for name, c in correct.items():
        print(f"{name}: MRPC 10-fold CV accuracy {c / len(pairs):.4f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cv", action="store_true", help="10-fold CV on MRPC with and without")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--l2", type=float, default=10.0)
    args = ap.parse_args()
    if args.cv:
        cross_validate(args.seed, args.l2)
        return
    pairs = all_pairs()
    table = learn(pairs)
    n = sum(len(vs) for vs in table.values()) // 2
    print(f"{len(pairs)} labelled pairs -> {n} word pairs over {len(table)} tokens")
    for t in sorted(table, key=lambda t: -len(table[t]))[:25]:
        print(f"  {t}: {' '.join(sorted(table[t]))}")


if __name__ == "__main__":
    main()
