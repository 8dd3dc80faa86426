"""Fit the weights of article-level story evidence (db.article_evidence).

    python bench/fit_stories.py            # needs numpy (pip install -e '.[fit]')

Data: the two labelled story sets, as bench/bench_stories.py builds them (real
ingest and matching): BASIL (300 articles, 100 events of 3 outlets, full text)
and the UCI News Aggregator slice (6,366 headlines, 88 aggregator stories). BASIL
is used twice: as dated, and as if every article were of one day ("basil-one-day":
its events span ten years, so with dates it has almost no negatives; on one day
it gives the hard ones, other events with the same people and places).
Each article is profiled in id order and paired with its candidates exactly as
at run time (:func:`db.article_evidence.candidates`); a pair is positive when
both articles are of one event. Features: :data:`FEATURE_NAMES` and the claims
term (shared claims, capped at 3, / 3). Each set weighs the same in the fit
(UCI has far more pairs).

The model is a logistic regression (Newton steps, L2 1e-3). Reported, to avoid
judging it on what it was fitted to:

* 5-fold cross-validation split by event (a pair belongs to the fold of its newer
  article's event; folds never share an event): pair precision/recall at p > 0.5;
* across sets: fitted on BASIL alone, the stories it makes on UCI, and the
  reverse (pairwise F1, triplets).

The weights shipped are fitted on both sets; paste the printed block into
db/article_evidence.py.
"""

from __future__ import annotations

import sys
import zlib
from collections import defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_stories as bs

from db import article_evidence as ev
from db.stories import STORY_MAX_CLAIM_STATEMENTS, STORY_WINDOW_DAYS

L2 = 1e-3
FOLDS = 5


def shared_claims(db) -> dict[tuple[int, int], int]:
    by_claim: dict[int, list[int]] = defaultdict(list)
    for cid, aid in db.execute(
        "SELECT claim_id, article_id FROM statements WHERE claim_id IS NOT NULL"
    ):
        by_claim[cid].append(aid)
    out: dict[tuple[int, int], int] = defaultdict(int)
    for arts in by_claim.values():
        if len(arts) > STORY_MAX_CLAIM_STATEMENTS:
            continue
        s = sorted(set(arts))
        for i, x in enumerate(s):
            for y in s[i + 1 :]:
                out[(x, y)] += 1
    return out


def pairs(
    db, event_of: dict[int, str], one_day: bool = False
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Features, labels and the newer article's event of every candidate pair.
    ``one_day``: every article as if published the same day (hard negatives: other
    events with the same people, places and words, which dates would tell apart)."""
    claims = shared_claims(db)
    index = ev.MemoryIndex()
    xs, ys, groups = [], [], []
    for aid, title, text, body_start, date in db.execute(
        "SELECT id, title, text, body_start, date FROM articles ORDER BY id"
    ):
        p = ev.profile(index, aid, title, text, body_start, date)
        if one_day:
            p.day = 1
        cands = ev.candidates(index, p, STORY_WINDOW_DAYS)
        found = index.profiles(cands)
        for other in cands:
            f = ev.features(p, found[other], STORY_WINDOW_DAYS)
            n = claims.get((min(aid, other), max(aid, other)), 0)
            xs.append([*f, min(n, 3) / 3])
            ys.append(float(event_of[aid] == event_of[other]))
            groups.append(event_of[aid])
        index.add(p)
    return np.array(xs), np.array(ys), groups


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Weighted L2 logistic regression by Newton steps; returns [intercept, *weights]."""
    xb = np.hstack([np.ones((len(x), 1)), x])
    beta = np.zeros(xb.shape[1])
    reg = L2 * np.eye(xb.shape[1])
    reg[0, 0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ beta))
        grad = xb.T @ (w * (p - y)) + reg @ beta
        hess = (xb * (w * p * (1 - p))[:, None]).T @ xb + reg
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta


def balance(sets: list[np.ndarray]) -> np.ndarray:
    """Sample weights: each set sums to the same total."""
    return np.concatenate([np.full(len(y), 1.0 / len(y)) for y in sets]) * sum(map(len, sets))


def pair_scores(beta: np.ndarray, x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    pred = (beta[0] + x @ beta[1:]) > 0
    tp = float((pred & (y == 1)).sum())
    return tp / max(1, pred.sum()), tp / max(1, (y == 1).sum())


def apply(beta: np.ndarray) -> None:
    ev.INTERCEPT = ev.NO_EVIDENCE = float(beta[0])
    ev.WEIGHTS = tuple(float(b) for b in beta[1 : 1 + len(ev.FEATURE_NAMES)])
    ev.CLAIM_WEIGHT = float(beta[-1])


def stories_with(beta: np.ndarray, name: str, db, event_of) -> str:
    saved = (ev.INTERCEPT, ev.WEIGHTS, ev.CLAIM_WEIGHT, ev.NO_EVIDENCE)
    apply(beta)
    try:
        bs.restory(db)
    finally:
        ev.INTERCEPT, ev.WEIGHTS, ev.CLAIM_WEIGHT, ev.NO_EVIDENCE = saved
    story_of = bs.groups(db)
    pw = bs.pairwise(story_of, event_of)
    t = bs.triplets(story_of, event_of)
    return (
        f"{name}: pairwise P {pw['precision']:.3f} R {pw['recall']:.3f} F1 {pw['f1']:.3f};"
        f" events complete {t['complete']}/{t['events']}; stories pure {t['pure']}/{t['stories']}"
    )


def main() -> None:
    data = {}
    for name, records in (("basil", bs.basil_records()), ("uci", bs.uci_records())):
        db, event_of = bs.build(name, records)
        x, y, g = pairs(db, event_of)
        data[name] = (db, event_of, x, y, g)
        if name == "basil":
            x, y, g = pairs(db, event_of, one_day=True)
            data["basil-one-day"] = (db, event_of, x, y, g)
        print(f"{name}: {len(y):,} candidate pairs, {int(y.sum()):,} of one event")

    # Cross-validation by event, both sets.
    rows = []
    for k in range(FOLDS):
        xs_tr, ys_tr, xs_te, ys_te = [], [], [], []
        for _db, _e, x, y, g in data.values():
            fold = np.array([zlib.crc32(e.encode()) % FOLDS == k for e in g])
            xs_tr.append(x[~fold])
            ys_tr.append(y[~fold])
            xs_te.append(x[fold])
            ys_te.append(y[fold])
        beta = fit(np.vstack(xs_tr), np.concatenate(ys_tr), balance(ys_tr))
        scores = [pair_scores(beta, xt, yt) for xt, yt in zip(xs_te, ys_te, strict=True)]
        rows.append(scores)
        print(
            f"fold {k}: "
            + "; ".join(
                f"{name} pair P {p:.3f} R {r:.3f}"
                for name, (p, r) in zip(data, scores, strict=True)
            )
        )
    for i, name in enumerate(data):
        p = np.mean([r[i][0] for r in rows])
        r = np.mean([r[i][1] for r in rows])
        print(f"cross-validated {name}: pair precision {p:.3f} recall {r:.3f}")

    # Across sets: fit on one, make stories on the other.
    for train, test in ((("basil", "basil-one-day"), "uci"), (("uci",), "basil")):
        ys = [data[t][3] for t in train]
        beta = fit(np.vstack([data[t][2] for t in train]), np.concatenate(ys), balance(ys))
        db, event_of = data[test][0], data[test][1]
        print(f"fitted on {train} alone -> " + stories_with(beta, test, db, event_of))

    # Shipped: both sets.
    ys = [d[3] for d in data.values()]
    beta = fit(np.vstack([d[2] for d in data.values()]), np.concatenate(ys), balance(ys))
    names = (*ev.FEATURE_NAMES, "claims")
    for n, b in zip(names, beta[1:], strict=True):
        print(f"  {n:16s} {b:+.4f}")
    for name in ("basil", "uci"):
        db, event_of = data[name][0], data[name][1]
        print("fitted on both -> " + stories_with(beta, name, db, event_of))
    w = ", ".join(f"{b:.4f}" for b in beta[1 : 1 + len(ev.FEATURE_NAMES)])
    print("\n# paste into db/article_evidence.py")
    print(f"WEIGHTS = ({w})")
    print(f"INTERCEPT = {beta[0]:.4f}")
    print(f"CLAIM_WEIGHT = {beta[-1]:.4f}")


if __name__ == "__main__":
    main()
