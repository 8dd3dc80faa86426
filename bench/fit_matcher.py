"""Reproduce the matcher's fitted constants from real data.

    python bench/fit_matcher.py                 # fit the weights on MRPC train, 10-fold CV
    python bench/fit_matcher.py --common-words  # regenerate normalize._COMMON_TIERS

The fit is a plain logistic regression (pure Python, L2, Newton's method) on the
features of :func:`db.matcher.features`. It prints the 10-fold cross-validated
accuracy of the whole decision rule (``same`` = paraphrase; ``conflict`` and
``different`` = not), then the weights to paste into ``db/matcher.py``.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import textwrap
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_match_data import (  # noqa: E402
    basil_articles,
    bbc_articles,
    mrpc_pairs,
    reuters_articles,
    split_sentences,
)

from db.normalize import content_tokens  # noqa: E402


def common_words() -> None:
    """Document frequency of normalised tokens over news sentences -> three tiers."""
    started = time.monotonic()
    df: Counter[str] = Counter()
    n = 0
    texts = [a["title"] + "\n" + a["text"] for a in reuters_articles()]
    texts += [a["title"] + "\n" + a["text"] for a in bbc_articles()]
    texts += [a["title"] + "\n" + "\n".join(a["sentences"]) for a in basil_articles()]
    for text in texts:
        for sentence in split_sentences(text):
            n += 1
            df.update(set(content_tokens(sentence)))
    ranked = df.most_common()
    bounds = ((0.01, 1.01), (0.003, 0.01), (0.001, 0.003))
    tiers = [[w for w, c in ranked if lo < c / n <= hi] for lo, hi in bounds]
    print(f"# {n} sentences, {len(df)} distinct tokens, {time.monotonic() - started:.1f}s")
    print("_COMMON_TIERS: tuple[str, str, str] = (")
    for tier in tiers:
        lines = textwrap.wrap(" ".join(tier), 90)
        print("    (")
        for line in lines:
            print(f'        "{line} "')
        print("    ),")
    print(")")


# ------------------------------------------------------------------ logistic regression


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (small dense systems)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        p = m[col][col]
        if abs(p) < 1e-12:
            continue
        for r in range(n):
            if r != col and m[r][col]:
                f = m[r][col] / p
                row_r, row_c = m[r], m[col]
                for c in range(col, n + 1):
                    row_r[c] -= f * row_c[c]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def fit_logistic(
    xs: list[list[float]], ys: list[int], l2: float = 1.0, iters: int = 25
) -> list[float]:
    """Weights (intercept first) of an L2-regularised logistic regression, by Newton."""
    d = len(xs[0]) + 1
    w = [0.0] * d
    rows = [[1.0, *x] for x in xs]
    for _ in range(iters):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for x, y in zip(rows, ys):
            z = sum(wi * xi for wi, xi in zip(w, x))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - y
            h = p * (1 - p)
            for i in range(d):
                grad[i] += g * x[i]
                hx = h * x[i]
                hi = hess[i]
                for j in range(i, d):
                    hi[j] += hx * x[j]
        for i in range(d):
            for j in range(i):
                hess[i][j] = hess[j][i]
        for i in range(1, d):  # the intercept is not penalised
            grad[i] += l2 * w[i]
            hess[i][i] += l2
        step = _solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return w


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--common-words", action="store_true")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    if args.common_words:
        common_words()
        return
    fit(args.folds, args.l2, args.seed)


def fit(folds: int, l2: float, seed: int) -> None:
    from db import matcher

    started = time.monotonic()
    pairs = mrpc_pairs()
    feats = []
    for _label, s1, s2 in pairs:
        a, b = matcher.prepare(s1), matcher.prepare(s2)
        feats.append(matcher.features(a, b))
    xs = [f.vector() for f in feats]
    ys = [label for label, _, _ in pairs]
    print(f"{len(pairs)} pairs, {len(xs[0])} features ({time.monotonic() - started:.1f}s)")
    idx = list(range(len(pairs)))
    random.Random(seed).shuffle(idx)
    fold_of = {i: k % folds for k, i in enumerate(idx)}
    correct = 0
    correct_prob = 0
    for k in range(folds):
        train = [i for i in idx if fold_of[i] != k]
        test = [i for i in idx if fold_of[i] == k]
        w = fit_logistic([xs[i] for i in train], [ys[i] for i in train], l2)
        model = matcher.Model(tuple(w[1:]), w[0])
        for i in test:
            rel = matcher.decide(feats[i], model).relation
            correct += (rel == "same") == (ys[i] == 1)
            correct_prob += (model.probability(xs[i]) >= 0.5) == (ys[i] == 1)
    n = len(pairs)
    print(f"{folds}-fold CV accuracy (decision rule): {correct / n:.4f}")
    print(f"{folds}-fold CV accuracy (p >= 0.5 only):  {correct_prob / n:.4f}")
    w = fit_logistic(xs, ys, l2)
    names = matcher.FEATURE_NAMES
    print("\n# fitted on all pairs:")
    print(f"INTERCEPT = {w[0]:.4f}")
    print("WEIGHTS = (")
    for name, wi in zip(names, w[1:]):
        print(f"    {wi:.4f},  # {name}")
    print(")")
    model = matcher.Model(tuple(w[1:]), w[0])
    acc = sum((matcher.decide(f, model).relation == "same") == (y == 1) for f, y in zip(feats, ys))
    print(f"training accuracy: {acc / n:.4f}")


if __name__ == "__main__":
    main()
