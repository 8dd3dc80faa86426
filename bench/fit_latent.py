"""Do latent word factors learnt from the corpora help the matcher on MRPC? (No, so far.)

    python bench/fit_latent.py [--k 100]     # LSA over the corpora: cosine, latent
    python bench/fit_latent.py --tfkld       # TF-KLD factors of MRPC, fold by fold
    python bench/fit_latent.py --nonlinear   # trees and SVMs instead of the linear model

Fits LSA factors (truncated SVD, k dimensions) on the idf-weighted sentence x content-
token matrix of every sentence of MRPC train, STS Benchmark train, Reuters-21578, BBC
and BASIL (tokens as the matcher normalises them, seen in >= 3 sentences), then
compares, by 10-fold CV on MRPC train (folds of bench/fit_matcher.py's seed), the
matcher's own features (the model alone, p >= 0.5, no rules) with

1. ``cosine``: the same plus the cosine of the two sentences' idf-weighted factor
   sums, as a monotone ramp (a similarity);
2. ``latent``: the same plus the element-wise product and absolute difference of the
   two normalised factor vectors (2k free weights, L2-penalised): the linear form of
   Ji & Eisenstein's [v1 + v2, |v1 - v2|] features (without their KL weighting).

``--tfkld``: Ji & Eisenstein's TF-KLD weighting (per token, the KL divergence of
"in both sentences" between paraphrases and not, from the training folds only), SVD
of the weighted MRPC sentence matrix, and [v1 + v2, |v1 - v2|] next to the features.

``--nonlinear`` (scikit-learn, in the ``fit`` extra too): the model alone, p >= 0.5,
same folds, trained on MRPC and the fitter's BASIL labels (weight BASIL_WEIGHT) as
bench/fit_matcher.py does, quick-rejected pairs not same:

1. gradient-boosted trees (300 trees of depth 3) on the matcher's features;
2. the same with alignment features the matcher lacks (n-gram precision and recall
   for n = 1..4 on all words, content-token coverage each way, length ratio, name
   agreement, numbers on one side only, unmatched rare words, partial and sorted-token
   character ratios);
3. TF-KLD done strictly out of fold: KL weights *and* the SVD from the training
   folds' sentences only, the test fold's sentences projected on those factors (as the
   app would project a new statement), then an RBF SVM on [v1 + v2, |v1 - v2|] alone
   and next to the matcher's features, and trees on the features plus the factor
   cosine.

numpy + scipy (the ``fit`` extra). Nothing here is shipped: the runtime would only
take such factors if they paid for their cost (a k-vector per statement).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_match_data import (
    basil_articles,
    bbc_articles,
    mrpc_pairs,
    reuters_articles,
    split_sentences,
)
from fit_matcher import STS, _signs, fit_bounded, sts_pairs

from db import matcher
from db.matcher import content_token_set

COSINE_KNOTS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1.0)


def corpus_sentences() -> list[str]:
    out: list[str] = []
    for _, a, b in mrpc_pairs():
        out += [a, b]
    for _, a, b in sts_pairs(STS / "sts-train.csv"):
        out += [a, b]
    for art in reuters_articles():
        out += split_sentences(art["title"] + "\n" + art["text"])
    for art in bbc_articles():
        out += split_sentences(art["title"] + "\n" + art["text"])
    for art in basil_articles():
        out += [art["title"], *art["sentences"]]
    return out


def factors(sentences: list[str], k: int) -> tuple[dict[str, int], Any, Any]:
    """(token -> row, idf per row, k-dimensional factor per row)."""
    import numpy as np
    import scipy.sparse as sp
    from scipy.sparse.linalg import svds

    toks = [content_token_set(s) for s in sentences]
    df: Counter[str] = Counter()
    for t in toks:
        df.update(t)
    vocab = [w for w, c in df.items() if c >= 3]
    index = {w: i for i, w in enumerate(vocab)}
    idf = np.array([math.log(len(toks) / df[w]) for w in vocab])
    rows, cols, vals = [], [], []
    for r, t in enumerate(toks):
        for w in t:
            i = index.get(w)
            if i is not None:
                rows.append(r)
                cols.append(i)
                vals.append(idf[i])
    x = sp.csr_matrix((vals, (rows, cols)), shape=(len(toks), len(vocab)))
    _, s, vt = svds(x, k=k)
    return index, idf, vt.T * s


def _ramp(v: float) -> list[float]:
    return [
        0.0 if v <= k0 else 1.0 if v >= k1 else (v - k0) / (k1 - k0)
        for k0, k1 in pairwise(COSINE_KNOTS)
    ]


def _fit_free(xs: Any, ys: Any, n_base: int, l2: float, l2_free: float) -> Any:
    """fit_bounded for the base inputs (signs kept), free L2-penalised weights after."""
    import numpy as np
    from scipy.optimize import minimize

    x = np.hstack([np.ones((len(xs), 1)), xs])
    signs = _signs(matcher)
    bound = {1: (0.0, None), -1: (None, 0.0), 0: (None, None), None: (0.0, 0.0)}
    extra = x.shape[1] - 1 - n_base
    bounds = [(None, None)] + [bound[s] for s in signs] + [(None, None)] * extra
    pen = np.array([0.0] + [0.0 if s == 0 else l2 for s in signs] + [l2_free] * extra)

    def loss(b: Any) -> tuple[float, Any]:
        z = x @ b
        g = x.T @ (1 / (1 + np.exp(-z)) - ys) + pen * b
        return float(np.sum(np.logaddexp(0, z) - ys * z) + 0.5 * b @ (pen * b)), g

    res = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B", bounds=bounds)
    return res.x


def _folds(n: int, seed: int) -> Any:
    import numpy as np

    order = list(range(n))
    random.Random(seed).shuffle(order)
    fold = np.zeros(n, dtype=int)
    for k, i in enumerate(order):
        fold[i] = k % 10
    return fold


def _kld_weights(toks: list[tuple[frozenset[str], frozenset[str]]], ys: list[int]) -> dict:
    """TF-KLD (Ji & Eisenstein 2013): per token, the KL divergence between
    P(in both | in either, paraphrase) and the same for non-paraphrases (add-0.05)."""
    counts: dict[str, list[float]] = {}  # both|para, either|para, both|non, either|non
    for (a, b), y in zip(toks, ys, strict=True):
        for t in a | b:
            c = counts.setdefault(t, [0.05, 0.1, 0.05, 0.1])
            both = t in a and t in b
            c[0 if y else 2] += both
            c[1 if y else 3] += 1
    out = {}
    for t, (bp, ep, bn, en) in counts.items():
        p, q = bp / ep, bn / en
        out[t] = p * math.log(p / q) + (1 - p) * math.log((1 - p) / (1 - q))
    return out


def tfkld(args: Any) -> None:
    """10-fold CV on MRPC: the matcher's features plus [v1 + v2, |v1 - v2|] of TF-KLD
    factors (KL weights from the training folds only, SVD over all MRPC sentences)."""
    import numpy as np
    import scipy.sparse as sp
    from scipy.sparse.linalg import svds

    pairs = mrpc_pairs()
    ys = np.array([y for y, _, _ in pairs], dtype=float)
    toks = [(content_token_set(a), content_token_set(b)) for _, a, b in pairs]
    feats = [
        matcher.features(matcher.prepare(a), matcher.prepare(b), full=True) for _, a, b in pairs
    ]
    base = np.array([matcher.expand(f.values) for f in feats])
    rejected = np.array([f.quick_reject for f in feats])
    fold = _folds(len(pairs), args.seed)
    vocab = sorted({t for a, b in toks for t in a | b})
    index = {t: i for i, t in enumerate(vocab)}
    correct = 0
    for f in range(10):
        train = fold != f
        kld = _kld_weights(
            [toks[i] for i in np.flatnonzero(train)], [int(ys[i]) for i in np.flatnonzero(train)]
        )
        rows, cols, vals = [], [], []
        for r, (a, b) in enumerate(toks):
            for side, ts in ((0, a), (1, b)):
                for t in ts:
                    rows.append(2 * r + side)
                    cols.append(index[t])
                    vals.append(kld.get(t, 0.0))
        x = sp.csr_matrix((vals, (rows, cols)), shape=(2 * len(toks), len(vocab)))
        u, s, _ = svds(x, k=args.k)
        v = u * s
        v /= np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)
        latent = np.hstack([v[0::2] + v[1::2], np.abs(v[0::2] - v[1::2])])
        xs = np.hstack([base, latent])
        fit_rows = train & ~rejected
        b = _fit_free(xs[fit_rows], ys[fit_rows], base.shape[1], args.l2, args.l2)
        test = fold == f
        z = np.hstack([np.ones((int(test.sum()), 1)), xs[test]]) @ b
        correct += int((((z > 0) & ~rejected[test]) == (ys[test] == 1)).sum())
        print(f"  fold {f}: {correct} correct so far", flush=True)
    print(f"tfkld: MRPC 10-fold CV accuracy {correct / len(pairs):.4f}")


def _alignment(a: Any, b: Any) -> list[float]:
    """Alignment features the matcher does not compute (see --nonlinear)."""
    from rapidfuzz import fuzz

    from db.normalize import _RARITY

    out: list[float] = []
    for n in (1, 2, 3, 4):
        ga = {a.words[i : i + n] for i in range(len(a.words) - n + 1)}
        gb = {b.words[i : i + n] for i in range(len(b.words) - n + 1)}
        c = len(ga & gb)
        pa, pb = (c / len(ga) if ga else 0.0), (c / len(gb) if gb else 0.0)
        out += [min(pa, pb), max(pa, pb)]
    common = a.tokset & b.tokset
    out += [len(common) / max(1, len(a.tokset)), len(common) / max(1, len(b.tokset))]
    la, lb = len(a.words), len(b.words)
    out += [min(la, lb) / max(1, la, lb), float(max(la, lb))]
    na, nb = a.entities, b.entities
    out += [len(na & nb) / max(1, len(na | nb)), float(len(na ^ nb)), float(len(na | nb))]
    out += [float(len(a.numbers) + len(b.numbers)), float(bool(a.numbers) != bool(b.numbers))]
    ua = sum(_RARITY.get(t, 1.0) for t in a.tokset - common)
    ub = sum(_RARITY.get(t, 1.0) for t in b.tokset - common)
    out += [min(ua, ub), max(ua, ub)]
    lo_a, lo_b = a.text.lower(), b.text.lower()
    out += [fuzz.partial_ratio(lo_a, lo_b) / 100, fuzz.token_sort_ratio(lo_a, lo_b) / 100]
    return out


def nonlinear(args: Any) -> None:
    """MRPC 10-fold CV of non-linear learners (see the module docstring)."""
    import numpy as np
    import scipy.sparse as sp
    from fit_matcher import BASIL_WEIGHT, basil_pairs
    from scipy.sparse.linalg import svds
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.svm import SVC

    started = time.monotonic()
    pairs = mrpc_pairs()
    ys = np.array([y for y, _, _ in pairs])
    preps = [(matcher.prepare(a), matcher.prepare(b)) for _, a, b in pairs]
    rows = basil_pairs()
    bpreps = [(a, b) for *_, a, b in rows]
    bys = np.array([r[0] for r in rows])
    # The fitter's folds: one Random(seed) shuffles MRPC, then BASIL.
    rnd = random.Random(args.seed)
    fold_of = []
    for n in (len(preps), len(bpreps)):
        order = list(range(n))
        rnd.shuffle(order)
        fold = np.zeros(n, dtype=int)
        for k, i in enumerate(order):
            fold[i] = k % 10
        fold_of.append(fold)
    fold, bfold = fold_of
    feats = [matcher.features(a, b, full=True) for a, b in preps]
    bfeats = [matcher.features(a, b, full=True) for a, b in bpreps]
    rej = np.array([f.quick_reject for f in feats])
    brej = np.array([f.quick_reject for f in bfeats])
    base = np.array([f.values for f in feats])
    bbase = np.array([f.values for f in bfeats])
    align = np.array([_alignment(a, b) for a, b in preps])
    balign = np.array([_alignment(a, b) for a, b in bpreps])
    print(f"features: {time.monotonic() - started:.0f}s", flush=True)

    def trees() -> Any:
        return GradientBoostingClassifier(
            learning_rate=0.05, n_estimators=300, max_depth=3, subsample=0.8, random_state=0
        )

    def cv_trees(x: Any, bx: Any, name: str) -> None:
        p = np.zeros(len(ys))
        for k in range(10):
            tr, btr = (fold != k) & ~rej, (bfold != k) & ~brej
            w = np.concatenate([np.ones(int(tr.sum())), np.full(int(btr.sum()), BASIL_WEIGHT)])
            m = trees().fit(
                np.vstack([x[tr], bx[btr]]), np.concatenate([ys[tr], bys[btr]]), sample_weight=w
            )
            te = fold == k
            p[te] = m.predict_proba(x[te])[:, 1]
        p[rej] = 0.0
        print(
            f"{name}: MRPC 10-fold CV accuracy {((p >= 0.5) == (ys == 1)).mean():.4f}", flush=True
        )

    cv_trees(base, bbase, "trees on the matcher's features")
    cv_trees(np.hstack([base, align]), np.hstack([bbase, balign]), "trees + alignment features")

    # TF-KLD strictly out of fold, on every word (stop words included).
    toks = [(frozenset(a.words), frozenset(b.words)) for a, b in preps]
    vocab = {t: i for i, t in enumerate(sorted({t for a, b in toks for t in a | b}))}

    def matrix(idx: Any, kld: dict) -> Any:
        r, c, v = [], [], []
        for n, i in enumerate(idx):
            for side in (0, 1):
                for t in toks[i][side]:
                    r.append(2 * n + side)
                    c.append(vocab[t])
                    v.append(kld.get(t, 0.0))
        return sp.csr_matrix((v, (r, c)), shape=(2 * len(idx), len(vocab)))

    hits = {"svm": 0, "svm+features": 0}
    cos = np.zeros(len(ys))
    for k in range(10):
        tr, te = np.flatnonzero(fold != k), np.flatnonzero(fold == k)
        kld = _kld_weights([toks[i] for i in tr], [int(ys[i]) for i in tr])
        _, _, vt = svds(matrix(tr, kld), k=args.k)

        def latent(idx: Any, kld: dict = kld, vt: Any = vt) -> tuple[Any, Any]:
            v = matrix(idx, kld) @ vt.T
            v /= np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)
            a, b = v[0::2], v[1::2]
            return np.hstack([a + b, np.abs(a - b)]), (a * b).sum(1)

        (ltr, _), (lte, cte) = latent(tr), latent(te)
        cos[te] = cte
        for name, xtr, xte in (
            ("svm", ltr, lte),
            ("svm+features", np.hstack([ltr, base[tr]]), np.hstack([lte, base[te]])),
        ):
            pred = SVC(C=1.0, gamma="scale").fit(xtr, ys[tr]).predict(xte)
            hits[name] += int((pred == ys[te]).sum())
    for name, n in hits.items():
        print(f"TF-KLD {name} (RBF SVM, every pair): MRPC 10-fold CV accuracy {n / len(ys):.4f}")
    # The factor cosine next to the features, for trees (BASIL pairs get cosine 0: their
    # sentences are not in the TF-KLD vocabulary's folds).
    cv_trees(
        np.hstack([base, cos[:, None]]),
        np.hstack([bbase, np.zeros((len(bys), 1))]),
        "trees + TF-KLD cosine",
    )
    print(f"{time.monotonic() - started:.0f}s")


def main() -> None:
    import numpy as np

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--k", type=int, default=100)
    ap.add_argument("--l2", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument(
        "--tfkld", action="store_true", help="only TF-KLD factors of MRPC (fold by fold)"
    )
    ap.add_argument(
        "--nonlinear", action="store_true", help="trees and SVMs on the features (scikit-learn)"
    )
    args = ap.parse_args()
    if args.tfkld:
        tfkld(args)
        return
    if args.nonlinear:
        nonlinear(args)
        return
    started = time.monotonic()
    index, idf, w = factors(corpus_sentences(), args.k)
    print(f"factors: {len(index)} tokens x {args.k} ({time.monotonic() - started:.0f}s)")

    def vec(text: str) -> Any:
        v = np.zeros(args.k)
        for t in content_token_set(text):
            i = index.get(t)
            if i is not None:
                v += w[i] * idf[i]
        n = np.linalg.norm(v)
        return v / n if n else v

    pairs = mrpc_pairs()
    ys = np.array([y for y, _, _ in pairs], dtype=float)
    feats = [
        matcher.features(matcher.prepare(a), matcher.prepare(b), full=True) for _, a, b in pairs
    ]
    vecs = [(vec(a), vec(b)) for _, a, b in pairs]
    base = np.array([matcher.expand(f.values) for f in feats])
    cosine = np.array([_ramp(float(va @ vb)) for va, vb in vecs])
    k = args.k
    latent = np.array(
        [np.concatenate([va * vb * k, np.abs(va - vb) * math.sqrt(k)]) for va, vb in vecs]
    )
    rejected = np.array([f.quick_reject for f in feats])
    order = list(range(len(pairs)))
    random.Random(args.seed).shuffle(order)
    fold = np.zeros(len(pairs), dtype=int)
    for n, i in enumerate(order):
        fold[i] = n % 10
    for name, extra in (("base", None), ("cosine", cosine), ("latent", latent)):
        x = base if extra is None else np.hstack([base, extra])
        correct = 0
        for f in range(10):
            train = (fold != f) & ~rejected
            test = fold == f
            if name == "latent":
                b = _fit_free(x[train], ys[train], base.shape[1], args.l2, args.l2)
            else:
                # The cosine ramp is a similarity: its segments keep a positive sign.
                n_extra = 0 if extra is None else extra.shape[1]
                signs = _signs(matcher) + (1,) * n_extra
                n = int(train.sum())
                xs, yl = x[train].tolist(), ys[train].tolist()
                b = np.array(fit_bounded(xs, yl, args.l2, [1.0] * n, signs))
            z = np.hstack([np.ones((int(test.sum()), 1)), x[test]]) @ b
            correct += int((((z > 0) & ~rejected[test]) == (ys[test] == 1)).sum())
        print(f"{name}: MRPC 10-fold CV accuracy {correct / len(pairs):.4f}")


if __name__ == "__main__":
    main()
