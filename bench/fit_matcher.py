"""Reproduce the matcher's fitted constants from real data.

    python bench/fit_matcher.py                 # fit the weights on MRPC train, 10-fold CV
    python bench/fit_matcher.py --common-words  # regenerate normalize._COMMON_TIERS
    python bench/fit_matcher.py --common-capitals  # regenerate db/common_capitals.txt

The fit is a logistic regression (L2, every weight bounded to its feature's sign;
numpy + scipy, the ``fit`` extra) on the model inputs of :func:`db.matcher.features`
(``matcher.expand``). It prints the 10-fold cross-validated accuracy of the whole
decision rule (``same`` = paraphrase; ``conflict`` and
``different`` = not), then the weights (``--write`` rewrites ``db/matcher_weights.py``).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import sys
import textwrap
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_match_data import (
    DATA,
    basil_articles,
    bbc_articles,
    mrpc_pairs,
    reuters_articles,
    split_sentences,
)

from db.normalize import content_word_list


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
            df.update(set(content_word_list(sentence)))
    ranked = df.most_common()
    bounds = ((0.01, 1.01), (0.003, 0.01), (0.001, 0.003))
    tiers = [[w for w, c in ranked if lo < c / n <= hi] for lo, hi in bounds]
    print(f"# {n} sentences, {len(df)} distinct tokens, {time.monotonic() - started:.1f}s")
    print("_COMMON_TIERS: tuple[str, str, str] = (")
    for tier in tiers:
        lines = textwrap.wrap(" ".join(tier), 85)
        print("    (")
        for line in lines:
            print(f'        "{line} "')
        print("    ),")
    print(")")


# A word written with a capital inside a sentence is no name when news text writes it
# in lower case at least this share of the times (capitals included): "Defence
# Minister", "the Government", "Police said" (chosen by reading the list's edge:
# minister 38%, department 39% in; house 21%, labour 15%, senate 2% out).
LOWER_SHARE = 1 / 3
# ... and in lower case at least this many times (rarer words are left as names).
LOWER_MIN = 3
_RAW_WORD = re.compile(r"[A-Za-z]+")


def common_capitals() -> None:
    """Write db/common_capitals.txt: the normalised words that news text mostly writes
    in lower case, whether or not it also capitalises them inside sentences ("the
    Government"); a capital on them is a title's, a sentence's or a quotation's first
    word ("Undoubtedly", "Instead"), and the evidence does not show them as names.
    Counted over Reuters, BBC and BASIL body sentences, the first word of a sentence
    and headline-like sentences (most words capitalised) left out; a word written in
    capitals counts only against a word never otherwise capitalised ("FBI")."""
    from db import matcher
    from db.normalize import PLACE_TOKENS, normalize_word

    low: Counter[str] = Counter()
    cap: Counter[str] = Counter()
    upper: Counter[str] = Counter()  # written in capitals ("FBI", "GDP")
    texts = [a["text"] for a in reuters_articles()]
    texts += [a["text"] for a in bbc_articles()]
    texts += ["\n".join(a["sentences"]) for a in basil_articles()]
    for text in texts:
        for sentence in split_sentences(text):
            words = _RAW_WORD.findall(sentence)
            if len(words) < 4 or 2 * sum(w[0].isupper() for w in words) > len(words):
                continue
            for w in words[1:]:
                if w.isupper() and len(w) > 1:
                    upper[normalize_word(w.lower())] += 1
                elif w[0].isupper():
                    cap[normalize_word(w.lower())] += 1
                elif w.islower():
                    low[normalize_word(w)] += 1
    kept = sorted(
        t
        for t, n in low.items()
        if t not in PLACE_TOKENS
        and n >= LOWER_MIN
        and n >= LOWER_SHARE * (n + cap[t])
        # never capitalised inside a sentence: no acronym either ("fbi" in a web address)
        and (cap[t] > 0 or upper[t] == 0)
    )
    path = Path(matcher.__file__).with_name("common_capitals.txt")
    head = "# Written by python bench/fit_matcher.py --common-capitals: see common_capitals().\n"
    path.write_text(head + "\n".join(kept) + "\n", encoding="utf-8")
    print(f"{len(kept)} of {len(low | cap)} words written to {path}")


# Sample weight of a BASIL pair relative to an MRPC pair (chosen by the CV below
# among 1, 2, 4, 8: the BASIL set is 11x smaller but carries the cross-source signal).
BASIL_WEIGHT = 4.0
# SAME_P is the logistic model's own boundary, p = 0.5: the in_articles feature gives
# the database's pairs their own intercept, so the model is fitted to both base rates
# and no cut-off is tuned. The CV accuracy at these other cut-offs is printed only to
# show how flat it is around 0.5.
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
# The app's SAME_P: the lowest threshold whose MRPC CV precision of 'same' reaches this
# (precision first: the accuracy-optimal 0.5 is reported too).
TARGET_PRECISION = 0.9
# STS Benchmark (graded 0-5): gold >= STS_SAME is 'same' when STS train is fitted on
# (--sts-weight); gold >= STS_RELATED is at least the same event, what RELATED_P is cut
# for among RELATED_CUTS.
STS = DATA / "stsbenchmark"
STS_WEIGHT = 0.0
STS_SAME = 4.0
STS_RELATED = 2.0
RELATED_CUTS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
# L2 penalty: strong enough to smooth the ramped features' curves (chosen by the CV
# among 1, 3, 10, 30).
L2 = 10.0
# Features left out of the fit (weight 0): redundant with others.
DROPPED: tuple[str, ...] = ()

# ------------------------------------------------------------------ logistic regression


def fit_bounded(
    xs: list[list[float]],
    ys: list[int],
    l2: float,
    weights: list[float],
    signs: tuple[int | None, ...],
) -> list[float]:
    """Intercept + one weight per feature of an L2-regularised logistic regression whose
    weights keep their feature's sign (``signs``: +1 >= 0, -1 <= 0, 0 free and not
    penalised (an intercept of its own), None left out: weight 0). Fitted by L-BFGS-B
    with bounds: a weight that would take the wrong sign stays at 0 and the others are
    refitted around it (not a greedy drop)."""
    import numpy as np
    from scipy.optimize import minimize

    x = np.hstack([np.ones((len(xs), 1)), np.asarray(xs, dtype=float)])
    y = np.asarray(ys, dtype=float)
    sw = np.asarray(weights, dtype=float)
    bound = {1: (0.0, None), -1: (None, 0.0), 0: (None, None), None: (0.0, 0.0)}
    bounds = [(None, None)] + [bound[s] for s in signs]
    penalty = l2 * np.array([0.0] + [0.0 if s == 0 else 1.0 for s in signs])

    def loss(beta: Any) -> tuple[float, Any]:
        z = x @ beta
        nll = sw @ (np.logaddexp(0.0, z) - y * z)
        grad = x.T @ (sw * (1.0 / (1.0 + np.exp(-z)) - y))
        grad += penalty * beta
        return float(nll + 0.5 * beta @ (penalty * beta)), grad

    res = minimize(
        loss,
        np.zeros(x.shape[1]),
        jac=True,
        method="L-BFGS-B",
        bounds=bounds,
        options={"maxiter": 5000},
    )
    return [float(b) for b in res.x]


# Cross-outlet statement pairs from BASIL, labelled by hand (1 = the two statements
# report the same claim, one may add detail; 0 = different claims), so the weights
# of the evidence MRPC cannot teach (speakers, names, clauses of long statements)
# are fitted too. 360 pairs sampled across the matcher's score range (a sample that
# depends only on the features does not bias P(label | features)). Each pair:
# event (first 8 hex digits of the triplet uuid), outlet, blake2b-5 of the cleaned
# statement text, outlet, hash, label. The texts are not shipped (BASIL's licence).
BASIL_LABELS = (
    "450755dd hpo 69befe7757 fox 205664adb6 0 | 76810849 fox a89a02b9b1 hpo dcb4b28fe1 0 | "
    "2ec04201 nyt c88047ec7b fox cbef9a1305 0 | 86e6e27d nyt 57eae6a31e fox 91c3433745 1 | "
    "eb17fa36 fox 534b54ad19 nyt 29c89eaf17 1 | d4a4bc34 nyt b78b3f4190 fox 5fe0fde43f 1 | "
    "08bb9bee fox e964daa88a hpo e5462bfea3 1 | b4dbeda7 hpo 8ac6d609db fox b7379640f4 1 | "
    "f688c56d fox 4f7dca4ec9 nyt 896f696a52 1 | a28a0329 nyt 2e991920e9 hpo b2195a4f4b 0 | "
    "8dc7ccfe fox 1708ebbe96 hpo e541566be3 0 | 7a97de89 fox 361a783de6 hpo d49e68f913 1 | "
    "8dc7ccfe fox 7b3e85b258 hpo 8944ec5285 0 | b7021938 nyt 11b466e9af hpo 22d652fa0f 0 | "
    "472158a1 nyt 5f50f3e867 hpo 72dd1f21ee 1 | 1f99798f fox 5f5d09491b nyt a65d318111 1 | "
    "11c9f251 FOX 146d06c7f4 HPO 49fd8ca7ce 1 | 0ffb34cd fox c4a9a84273 hpo f5a2978624 1 | "
    "0c78e748 nyt ad0f18671a hpo 2f4a7b9a04 0 | 7f9c83f7 nyt 58fc3198b5 hpo 3ff8684127 0 | "
    "ccf19ab6 hpo d71efc096c nyt 5cd3d78da3 1 | 65cb14cb fox d7dd413098 hpo cdea97bb6c 1 | "
    "0d10341a fox cf54c10bc6 nyt 974ef8144e 0 | 6e502405 nyt 1c62ffaef5 fox 47420febec 1 | "
    "af4a3f41 hpo 63d9c2d3a1 fox 13373815da 0 | 1ed4f378 fox 1b8b01af4e hpo 93128df81b 1 | "
    "65cb14cb nyt 1c919b3e47 hpo 1d74f4d3b8 0 | 1b96a5db hpo a319daecdc fox 4a481403b9 1 | "
    "33521e65 fox eca4a4bc47 hpo 26213e7351 1 | c5534b7e fox 8ac087e30e hpo b6e4f9a6fc 0 | "
    "3ae35b16 hpo cf01af3d6a fox 79fc4e444a 1 | 8dc7ccfe nyt 0d788d5c96 fox 04e40d94a9 0 | "
    "1e41e98b nyt 44e6a3e6e7 hpo 03bdd8b9bb 0 | 2b9468af nyt 114ac92c43 fox 8ae0d7a0d5 1 | "
    "3ae35b16 fox b26c7b3e8f nyt 527b6f28b7 1 | 2f3e86b6 hpo 11b631ca0a nyt 30da6ed1a9 1 | "
    "45bd61bc nyt f29ea82459 hpo 37d24d7f2d 1 | 8dac6c12 nyt 875f802eb7 hpo f70bdcc0f7 1 | "
    "be026bd1 fox 1719cdf043 nyt 437c9ef120 0 | 97b1305c fox 5e07e0eb3b hpo 482f5525e1 0 | "
    "84678e18 nyt 5124baf8ab hpo 01ce354a5e 0 | d4a4bc34 nyt 42499f8033 fox 9eb83a7484 0 | "
    "87609973 nyt ac2197e284 hpo ab959c7b1f 1 | 87609973 fox 314f7337e5 nyt ac2197e284 0 | "
    "84b3c118 fox 249fb15b8a nyt 249fb15b8a 1 | 2742e9c1 hpo a8f03473ce nyt eb63243a7f 0 | "
    "b7021938 fox 8113903271 nyt a0d95c026e 0 | c99adbdd fox e4d143af70 hpo 6715c77422 1 | "
    "11c9f251 FOX d0ac7bdebb HPO 820152c7b3 1 | b764f81f fox e2eaecd913 nyt d69db12f50 1 | "
    "d16050b3 nyt f976520427 hpo 4a79b5fdf9 0 | c9e4d35f fox cbfc0ea9c5 nyt e3965c708c 1 | "
    "8abec8d9 fox 76a6f6e509 hpo 9297975fb4 0 | 6e502405 nyt d53d5c69ae fox 47420febec 0 | "
    "005a2961 nyt 2b32aed5b8 fox b084a4c33c 1 | 2058ec60 FOX 9e14b613d5 HPO 887c985f53 1 | "
    "70c744ad nyt 01950e6c50 hpo 0287df0ece 1 | ccf19ab6 hpo 0dfe90845d fox 0dfe90845d 1 | "
    "8dc7ccfe fox 04e40d94a9 hpo 8944ec5285 0 | d16050b3 fox 51ce6752b7 hpo bb7c118d70 0 | "
    "df6a55fb hpo 8041a9f52d nyt eeffdcf1c0 0 | 2ec04201 nyt ff2034b14e fox ac193c2e4e 0 | "
    "b7021938 nyt a0862537f7 hpo 7656189a39 0 | c6a0e65c fox 800c2235a2 hpo 9fc7c0814e 0 | "
    "472158a1 nyt 4dad0347cd fox b183266e51 0 | 6f95dcb9 fox 8c5c73237c hpo ed3b61db7c 0 | "
    "2058ec60 NYT dc540587fe FOX 8ddbd2f436 0 | c6a0e65c fox d931c0977b nyt 332292d5ba 0 | "
    "542cd22c nyt 4d28a7b6f2 hpo 88dfb4bd9c 1 | 29ffd053 hpo 0c288c6abb fox b0f54619e2 0 | "
    "0c78e748 fox 7928f8536e hpo f0dca465c0 1 | 1f99798f fox 8cb59f210a hpo 62f680f980 1 | "
    "8abec8d9 hpo cd60166b08 nyt cee62545bb 1 | 2742e9c1 hpo a8f03473ce nyt 5052a825cd 0 | "
    "c6a0e65c fox 279111d777 hpo bf6a83981d 1 | a4f1d515 hpo 99fd193b09 fox 3806eb4094 1 | "
    "ed8c136f hpo 3ad052e011 nyt 087fbb7687 0 | b764f81f fox 3d78944beb hpo fd76650612 0 | "
    "06ffda2d fox d33b677b27 hpo 86ffba4453 1 | 70c744ad nyt 88cecdc92e hpo 88cecdc92e 1 | "
    "11c9f251 NYT 835ee40a60 HPO 5cffd96e33 1 | c6a0e65c nyt 69e58fa42c hpo 6f55b583ac 1 | "
    "d16050b3 fox 3ba6521772 nyt ad6c9d87fe 0 | 79bf99c6 hpo 03af71d4a4 nyt 03af71d4a4 1 | "
    "d3a1ce0a fox 0796831fc6 hpo 290aaf7490 1 | 7a97de89 fox 416bdc23c8 hpo 416bdc23c8 1 | "
    "70c744ad nyt cb1b4fbd64 hpo 3acd00c06c 0 | 65cb14cb fox fb22f0084b hpo 7c85add933 1 | "
    "550b80db nyt 2a280f3e08 hpo bb59745fdb 1 | c6a0e65c fox d931c0977b nyt 194232ee5c 1 | "
    "1e41e98b fox 7464254d30 nyt 44e6a3e6e7 0 | 550b80db nyt 13a01c3297 fox 39d029bb34 1 | "
    "01c59743 fox ed346b2a88 nyt 2751f99704 0 | 550b80db nyt ffc9a09f10 hpo 918441f721 1 | "
    "2b95d2cf fox f3bd20d075 hpo faf9c410a9 1 | c9e4d35f fox f072d28e1e nyt 06ce4a624a 0 | "
    "86e6e27d nyt 87b127e731 fox 5c87090ac2 0 | aab91277 nyt f98fc48e45 hpo ef7bd0bf9d 1 | "
    "b764f81f fox 3b6f55cfea hpo f79e930785 1 | 8abec8d9 hpo 18997af0eb nyt 03152af5d3 1 | "
    "d1344998 nyt 991b011c8f hpo 9b311c2a56 1 | 8dc7ccfe nyt cc1290ac29 fox 45a290e5a9 0 | "
    "97b1305c nyt 97dfbbbf5a fox 7aabbe2e8a 1 | 0c78e748 nyt e8b487da29 fox 1878b50a0b 1 | "
    "c5534b7e fox a2f6fcf9d8 nyt 7d1ecc3310 0 | 58f414e5 nyt 3b23534a41 hpo 9887e1874a 0 | "
    "b4dbeda7 fox 5f8ba5aae3 nyt 75311ed08d 1 | 79bf99c6 hpo 44b5366c05 nyt 7b2b9f6750 1 | "
    "2a3fde8a fox bab089a536 hpo 7575eb6f37 1 | 86e6e27d nyt 129e9d754b hpo e229a7d7b8 0 | "
    "2ec04201 nyt ff2034b14e fox e6fa092b41 1 | b764f81f nyt d69db12f50 hpo e8e9be7033 0 | "
    "dd1e6e3b fox f42a17379c nyt 8a01d5eb93 1 | c6a0e65c fox fb116ff63a nyt 69e58fa42c 1 | "
    "11c9f251 FOX 0a32368a2b HPO 0a32368a2b 1 | 005a2961 fox a4cff07d04 hpo 034da047b9 0 | "
    "2b9468af hpo 2f30110eaf fox f93d8b1ab5 1 | 2ec04201 nyt 2b4a5bf95b fox c4b8b41fc6 0 | "
    "68748e7f hpo 7ff7d64bb7 nyt 16120ef077 0 | ae243a95 fox cf1df28279 hpo beb90fed45 0 | "
    "c21cb217 nyt 31322053d6 hpo 252ee182f0 0 | 38f7cbb7 nyt e09869d516 fox 21bf36e7d3 1 | "
    "2a3fde8a fox 5ec8dee867 hpo 7796d08a75 1 | eadabee7 hpo f368643146 fox 83e045ca46 0 | "
    "79bf99c6 fox 2aa1e08ab7 hpo 77fad324c1 0 | 2a3fde8a nyt 70481ae4e4 hpo 6098f52168 1 | "
    "e71d149d fox da9a0e17b6 hpo fa15487bf0 1 | ed8c136f hpo db185d5992 fox 255cf1e9a0 1 | "
    "6e502405 hpo d79fc3450c fox 47420febec 1 | 3ae35b16 hpo be93711389 fox 13d2955147 0 | "
    "d16050b3 fox 3ba6521772 hpo bb7c118d70 0 | f11c2566 hpo ecb77ae176 fox 7ce795fa51 1 | "
    "8dc7ccfe nyt 246a6a2a65 fox 54d518b108 1 | 6f95dcb9 fox ea4d37318a hpo f5fc5becf3 1 | "
    "a28a0329 hpo 0e442ba556 fox 8e5ce64c4d 0 | 76810849 fox 5151044965 nyt ab6479a70d 0 | "
    "7f9c83f7 fox 17591c6adf nyt e9880a5486 1 | 2b9468af nyt f0df1bc5cc fox d3d0e376b5 0 | "
    "2ec04201 nyt 8a8ad50638 fox 08fd243615 0 | 11c9f251 NYT 7c8994b42f HPO 6e7df222c0 1 | "
    "2058ec60 FOX 7f40380926 HPO f637a9755d 1 | 70c744ad fox c1f54b2967 hpo 94f2bf152a 1 | "
    "b7021938 fox b68ab8e36a nyt 3dff952527 1 | 65cb14cb nyt d0eca6314e hpo c68a50d30b 1 | "
    "8dac6c12 nyt a5fb87cc2c hpo 08e5d55531 0 | a4edca3f hpo 0c19d59dcb fox c197373660 0 | "
    "13792511 nyt 0d773085e6 hpo 041f6439bb 0 | d16050b3 fox 134ffab9de hpo 459ec351bb 1 | "
    "b764f81f fox 6ef1503a66 hpo 6deeefc637 0 | 2742e9c1 fox e49f7e483d hpo 04d03f4562 0 | "
    "65cb14cb fox 5084655c95 hpo 347b128d45 0 | c21cb217 fox 4d5204c301 hpo 4d5204c301 1 | "
    "7a97de89 nyt 403852817a hpo aec069a755 0 | d1344998 fox 2b44e3afb4 hpo 156dd6d6cb 1 | "
    "87609973 fox d784c881d5 hpo 1246257dec 1 | 450755dd nyt 6653f10923 fox ab95878553 0 | "
    "79bf99c6 fox 056e1a3028 nyt d099947449 0 | eb17fa36 fox 17e247cb91 hpo 6d376e1dd6 1 | "
    "3db93526 hpo 43da8d33f4 nyt 9262244f8d 0 | 0ffb34cd fox c1b28415c9 hpo d1516f7e62 0 | "
    "0d10341a fox 9a4aeff463 hpo 5b59f340f6 0 | 550b80db nyt 7acb33e66f hpo 8ece0bb5bd 0 | "
    "2058ec60 NYT fecc8dfa3e FOX c523e2304d 0 | 0ffb34cd fox c1b28415c9 hpo e87e59fa92 1 | "
    "d4a4bc34 nyt 6b30ed924f fox 86b85ac57e 0 | 4f473faf nyt f62ea9a962 fox 8e8b62a51e 0 | "
    "01c59743 fox ed346b2a88 nyt b80de2f06b 0 | d4a4bc34 hpo a50273fcbe fox dbdea31468 1 | "
    "0d10341a nyt 045ab66036 hpo 644d3d9631 1 | 70c75d68 fox 3661212425 nyt 702c7c86b1 0 | "
    "84678e18 fox 124a94d007 nyt 57325121a5 1 | 13792511 nyt 9fb8606666 hpo f4d6fdac54 0 | "
    "2058ec60 NYT e03711bbb8 HPO c0bc428bd8 0 | f688c56d nyt ed2490754a hpo f14e2ef432 1 | "
    "eb17fa36 fox 120aade14d nyt 3152d3e4b1 1 | c9e4d35f fox a11c5ea4ed hpo b68ccec02c 1 | "
    "ad409798 fox d29018018f hpo 3f5dfb50f1 1 | 70c744ad fox 9a6259e81c nyt b7cea01625 0 | "
    "df6a55fb hpo 96b1a5861f nyt 1702d413b1 0 | 22b6e900 hpo 9604cd7943 nyt f4d0cee516 0 | "
    "76810849 nyt f494acd22c hpo 0247273477 1 | 84678e18 nyt a6c352131f hpo 366d88898e 1 | "
    "8abec8d9 hpo b36a887e38 nyt 5dc8e3f651 1 | eb17fa36 fox 8c5b95d90d nyt b6c505ff05 1 | "
    "d1344998 fox 232f7c7bcd hpo 156dd6d6cb 1 | b764f81f fox 9c2fa932fb nyt fa24f1d9f6 0 | "
    "b7021938 fox ab0b4b52fb nyt ff099de036 0 | 2058ec60 NYT 08f03203e3 HPO f460684829 0 | "
    "d16050b3 fox 62a76377b8 nyt 00ff92f47d 0 | 33521e65 fox 2d4ab91612 hpo 9577ebad68 1 | "
    "1f99798f fox 158817f0c5 nyt 6a5eb7e770 1 | d4a4bc34 nyt 50876ce071 fox b9c8a61223 0 | "
    "ed8c136f hpo f4def85017 nyt 8095922cb2 0 | 45bd61bc nyt 8391cdac85 fox e95828118d 1 | "
    "e71d149d fox 6a0181d1d4 nyt 9d1a665be8 1 | 01c59743 nyt 2751f99704 hpo aa2ac75293 0 | "
    "1f99798f nyt e3a1eb5ecb hpo 9e64be0c75 1 | b7021938 fox d8324d0916 nyt 2d81be9b97 0 | "
    "8385a996 hpo 441f4cd76d fox 3998898d6a 1 | 8385a996 nyt da188ad379 fox 606674f214 1 | "
    "06ffda2d fox 70ef4494df hpo f92f51b0fc 0 | c9e4d35f fox c4894becb8 nyt e62a6cfb4f 0 | "
    "0c78e748 fox 31be2e125b hpo 9d7fa10872 0 | 576116e5 nyt cb445979de fox 7c6d9cda66 0 | "
    "8dc7ccfe nyt b150b91cd9 fox 45a290e5a9 1 | eb17fa36 fox 6668896cf7 nyt 97e4cda49a 1 | "
    "c9e4d35f fox 8339dc6172 nyt ee9e400e1e 1 | 4f473faf nyt c7800b1df5 fox aea760bf42 0 | "
    "d4a4bc34 nyt 42499f8033 fox e038c5de15 0 | 7f9c83f7 fox 46d6d81df0 hpo 9788aa1ae2 0 | "
    "97b1305c fox 0b95182701 hpo b04b8421a1 1 | 2742e9c1 fox 8ab6c2d31b hpo a8f03473ce 1 | "
    "f506aafc nyt b461125d84 fox 34389be306 0 | 6e502405 hpo 4918e75fc3 nyt 82a02495a9 1 | "
    "4f473faf nyt e6825f2c4b fox 038a78b0df 0 | 4f473faf nyt 806a4f167d hpo 56f4e2b43d 0 | "
    "472158a1 fox cdb8a10c79 hpo 2ddaed8084 1 | ad409798 nyt 58f45a0798 hpo 9067c50770 0 | "
    "f688c56d fox e85a031a9b nyt dff3377f3b 1 | d4a4bc34 hpo 2a385cc5d8 fox 1505908487 0 | "
    "c6a0e65c fox 2907f83e7d nyt 2247f1b42c 1 | 7a97de89 fox eff48cedd5 hpo d2ab805629 1 | "
    "68748e7f hpo d2dd3e8552 fox 791473332b 0 | 1f99798f fox 8e8abb4360 hpo f3c4074948 0 | "
    "2a3fde8a fox f61b8650b1 hpo e76815df46 0 | b7021938 nyt 7656189a39 hpo 7656189a39 1 | "
    "7f9c83f7 nyt 8d07849580 hpo 9788aa1ae2 1 | 2a3fde8a nyt ad52ea750e hpo 757227cad3 1 | "
    "dd1e6e3b fox d79cfc1cdb nyt 8a01d5eb93 0 | 59f2f47c nyt 38d82167bc hpo 8b96fdfa31 0 | "
    "c99adbdd fox 47bc2a3bef hpo 29d5411112 1 | 65cb14cb nyt 80c3374acd hpo 7bf766b2b2 1 | "
    "65cb14cb fox 3af138da5c hpo cdea97bb6c 1 | 472158a1 fox 75193e7e03 hpo ce3b59bf84 0 | "
    "33521e65 fox f20ccbc40f hpo 1c3a54dfc0 1 | 38f7cbb7 nyt 7be9124b70 fox 7be9124b70 1 | "
    "79bf99c6 fox 726d2d5426 nyt a32d4169ab 1 | 13792511 nyt 9fb8606666 hpo 214d35c719 0 | "
    "d4a4bc34 nyt c785d8f0c6 hpo 14cea935fa 1 | 7a97de89 fox f203ec6657 hpo 97aa2382ab 0 | "
    "3ae35b16 hpo 258b79bfaa fox ceccc71139 0 | 005a2961 fox b084a4c33c hpo 17220c615c 1 | "
    "70c744ad fox e2050e395f hpo c202bcf5ad 1 | ad409798 nyt a31e407727 hpo 9067c50770 1 | "
    "11c9f251 NYT 23cd545e14 HPO 5cffd96e33 1 | 06ffda2d fox d8964f752c hpo b8df85b904 0 | "
    "b7021938 fox fb8f0df15c hpo abd6b061b0 1 | 68748e7f hpo 6128aa65f0 fox 368c4b4f0e 1 | "
    "0c78e748 nyt 912cfe3bdb fox 31be2e125b 1 | c6a0e65c fox 0f93775ed2 nyt 2247f1b42c 1 | "
    "8385a996 hpo 01311b787f fox 3e7b17e00e 0 | 45bd61bc nyt 8391cdac85 hpo cc6fd1228d 1 | "
    "2ec04201 nyt 05286c7d28 fox 580a751b5b 0 | df5fe55a nyt 64726b379c hpo db7c506c0b 1 | "
    "e71d149d fox 191fca983a hpo fa15487bf0 1 | 70c744ad fox ca4c2dda1f nyt cb1b4fbd64 0 | "
    "d3a1ce0a fox c892eb6cef nyt 55854f6dab 1 | 86e6e27d fox b324d05494 hpo b324d05494 1 | "
    "d1344998 nyt 8c0610142d fox 7f49ede81a 1 | 2a3fde8a nyt c4d4841644 hpo 757227cad3 0 | "
    "c5534b7e fox a2f6fcf9d8 nyt 5108fad48d 0 | 33521e65 nyt fa102634ae hpo 4b55b7d94e 1 | "
    "1ed4f378 fox 31bb137f0c nyt d55793433f 1 | 7a97de89 nyt d87e91843e hpo 2093b78b0e 0 | "
    "c9e4d35f nyt ee9e400e1e hpo f6adf32be2 0 | dd1e6e3b fox f42a17379c nyt e6a5a11a5a 1 | "
    "8abec8d9 hpo 40b7a258fa nyt 03152af5d3 0 | b7021938 nyt 178337e93c hpo 22d652fa0f 0 | "
    "65cb14cb fox 1303b5f3a3 hpo 082261d1ef 0 | 0c78e748 nyt 942c05e392 hpo 2f4a7b9a04 1 | "
    "d16050b3 fox 759bf5c2d0 hpo 59ced99bc4 0 | f688c56d nyt c7343fcf91 hpo 69614563db 0 | "
    "af4a3f41 hpo 44541dba78 fox 5e7034eeae 0 | 97566c74 NYT 3fdd113666 FOX 98a8ae00c3 1 | "
    "86e6e27d nyt ceec0dea6d fox fbb2c0ee3e 1 | 8abec8d9 fox 27d0d374b1 nyt 03152af5d3 1 | "
    "6f95dcb9 fox 97059d4fcb hpo e922e27a64 1 | 86e6e27d nyt 3c5f4d74e8 fox f09576f774 1 | "
    "f688c56d fox fe285f954f hpo b247ca6a09 0 | 450755dd hpo 69befe7757 nyt d38c828a83 0 | "
    "b764f81f nyt dd6dc76804 hpo 9fdd0818e3 0 | df6a55fb hpo b3bce5a12a nyt 24acae005a 1 | "
    "8abec8d9 hpo 40b7a258fa nyt 5de2ea71ba 1 | 11c9f251 NYT 7c8994b42f HPO ff15d45fb1 0 | "
    "ed8c136f hpo 9daf6a1c04 fox 4871544b4b 1 | 01c59743 nyt 177fff6f7d hpo e205b5f0aa 0 | "
    "b7021938 fox 9e3deee95b nyt 132578159c 0 | 29ffd053 hpo 90744e2386 fox bb5ce01faa 1 | "
    "ed8c136f hpo 040a16e033 fox 4871544b4b 0 | 7f9c83f7 fox b6f72e3f64 hpo fa1440122b 1 | "
    "1b96a5db nyt 74466ff908 hpo 8ead755e18 0 | 72fa9b13 hpo edd2fc60f1 fox e16ee1a547 1 | "
    "1ed4f378 fox 31bb137f0c nyt d55793433f 1 | 96b7046f fox 6f5a03e2d6 nyt 72a4f5c3fb 0 | "
    "2b95d2cf fox f3bd20d075 hpo 58bb71d542 0 | 8385a996 nyt 031e55a24e fox 031e55a24e 1 | "
    "38f7cbb7 nyt 9a6f218371 hpo 39c3b452f3 0 | c6a0e65c fox 2907f83e7d hpo bf6a83981d 1 | "
    "65cb14cb nyt e691b16720 fox 3aa1976495 0 | dd1e6e3b fox f538e03705 hpo 1752656167 1 | "
    "59f2f47c nyt 38d82167bc fox 5341ccd8b5 0 | ed8c136f fox 4bce2cafe9 nyt d23a8433a4 0 | "
    "b5eefefb hpo 1bbd2d18ed nyt a2d6220612 0 | f688c56d fox aa0c478741 hpo 99aec83e99 0 | "
    "576116e5 hpo 85d168d029 fox f084404af7 1 | 47a209b0 fox 8825676781 hpo a035cff867 0 | "
    "87609973 fox cffe75afd8 nyt e6f22f5ab3 0 | d1344998 fox 232f7c7bcd hpo 4e34e39bad 1 | "
    "c5534b7e nyt 9132158d9f hpo f7215d244a 0 | e71d149d fox 44a80b5371 hpo 2bcc1e0eed 0 | "
    "2a3fde8a fox 335d8296bf nyt cb9264deb2 0 | 13792511 nyt cd045aaa79 hpo 4972608e29 0 | "
    "8dac6c12 fox 5ed18ada36 nyt 25ea971577 0 | b7021938 fox 8692b56f1c hpo 94c816b0c8 0 | "
    "a28a0329 hpo e2d707194a fox 4d604157f7 0 | 7f9c83f7 fox 10ff90e7d9 hpo fa1440122b 0 | "
    "70c744ad fox ac1a132ab6 nyt e8357389fb 0 | b764f81f fox b2d05c7b86 nyt 24c6712f2b 0 | "
    "a28a0329 hpo 2ebd979c71 fox 83f4fda324 0 | 8dc7ccfe nyt 246a6a2a65 fox 04e40d94a9 0 | "
    "c99adbdd fox 32a08c338b hpo 29d5411112 0 | 70c744ad nyt b7cea01625 hpo 424604d84a 0 | "
    "c21cb217 fox cdb53499ad hpo e202cafd3b 0 | 47a209b0 fox cbc4ea0715 hpo 4aaaffd9bb 0 | "
    "2f3e86b6 hpo 9dcfdc6225 nyt 30da6ed1a9 0 | a4edca3f nyt 490374ff4e fox 7b6e758ead 0 | "
    "2b9468af hpo 83d8b563c6 fox d3d0e376b5 0 | 8dc7ccfe fox d85f0c8e3f hpo b14a15a6c1 0 | "
    "7a97de89 fox 24abe36a8a hpo 665c016a01 0 | 472158a1 nyt 7a5b0244ac hpo 2ddaed8084 0 | "
    "df5fe55a fox 03bfcf8db8 hpo e521043a42 0 | 576116e5 nyt 71409358f2 fox da60d12bd3 0 | "
    "84678e18 fox 9ecdb61a1f hpo 0453a32d47 0 | 7f9c83f7 fox b1455c1383 hpo 0194982284 0 | "
    "2058ec60 NYT ff24347abe HPO 78d8503834 0 | 2058ec60 NYT 08b6cf7215 HPO b88f525764 0 | "
    "2058ec60 FOX 7f40380926 HPO a40c289c78 0 | dd1e6e3b fox b5c783ad26 hpo 9ba56af652 1 | "
    "c5534b7e fox 9ad7e8c81d nyt db7424e5fa 0 | 005a2961 nyt 1d26a4ce6c fox 3ed671f9b1 0 | "
    "2153fb3e fox 2e7528a737 hpo 0cce62b340 0 | 79bf99c6 fox e526b94243 nyt 03180a31cf 0 | "
    "72fa9b13 hpo edd2fc60f1 nyt f4cc425512 0 | 6e502405 hpo d79fc3450c nyt 06e1b833c7 0 | "
    "1bb79cc1 hpo d79f0c6914 fox 4bf4cc7a78 0 | b5eefefb fox d2931eeccc nyt 6a935b75df 0 | "
    "70c75d68 fox fc1e8c9d56 hpo 64d172978f 0 | 6e502405 nyt 0b8ae09c76 fox 47420febec 0 | "
    "70c75d68 fox 06bfd6df65 nyt ff8a84c767 0 | aab91277 nyt cbe92a719c fox c4860272a1 0 | "
    "70c75d68 fox 4743268b9a nyt dfa23e5ed4 0 | 576116e5 hpo e6741fc5a0 nyt cac5783be8 0 | "
    "d16050b3 fox 1615df4d2b hpo 4a79b5fdf9 0 | 79bf99c6 hpo 5aa665ea3b nyt 4280f157ad 0 | "
    "d1344998 fox 7f134c764d hpo 4b670b4d5d 1 | c5534b7e fox 9ad7e8c81d nyt f789c8897f 0 | "
    "b5eefefb fox 3378ec6ebf hpo 8b72d87a02 0 | 58f414e5 fox 9fe1804359 hpo 7ec8f79c88 0 | "
    "576116e5 hpo e6741fc5a0 nyt 44e5301847 0 | 85475456 nyt 3ee143bad3 fox 4e9c835357 0"
)


def _hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=5).hexdigest()


def basil_pairs() -> list[tuple[int, str, str, dict, dict]]:
    """(label, text a, text b, statement a, statement b) for every labelled BASIL pair
    still found (the segmenter may have changed since labelling: missing pairs are
    reported, not guessed)."""
    from db import matcher
    from db.dates import day_number
    from db.normalize import clean
    from db.statements import analyse

    wanted: dict[str, list[tuple[str, str, str, str, int]]] = {}
    for item in "".join(BASIL_LABELS).split(" | "):
        if not item.strip():
            continue
        event, sa, ha, sb, hb, label = item.split()
        wanted.setdefault(event, []).append((sa, ha, sb, hb, int(label)))
    found: dict[tuple[str, str, str], Any] = {}
    for art in basil_articles():
        event = art["event"][:8]
        if event not in wanted:
            continue
        text = art["title"] + "\n\n" + "\n".join(art["paragraphs"])
        sts = analyse(text, len(art["title"]) + 2)
        preps = matcher.with_context(
            [
                matcher.prepare(
                    st.text,
                    speaker=st.speaker,
                    numbers=[matcher.Num(n.value, n.unit, n.qualifier, n.raw) for n in st.numbers],
                )
                for st in sts
            ],
            day=day_number(art["date"]),
        )
        for st, prep in zip(sts, preps, strict=True):
            found[(event, art["source"], _hash(clean(st.text)))] = prep
    out = []
    missing = 0
    for event, items in wanted.items():
        for sa, ha, sb, hb, label in items:
            a = found.get((event, sa, ha))
            b = found.get((event, sb, hb))
            if a is None or b is None:
                missing += 1
                continue
            out.append((label, a.text, b.text, a, b))
    if missing:
        print(f"warning: {missing} labelled BASIL pairs no longer found (segmenter changed?)")
    return out


def _signs(matcher: Any) -> tuple[int | None, ...]:
    """Expected sign of every model input; None for the features left out (DROPPED,
    or named in $DROP): all the segments of a ramped feature go together."""
    drop = set(os.environ.get("DROP", "").split(",")) | set(DROPPED)
    return tuple(
        None if name.split("@")[0] in drop else sign
        for name, sign in zip(matcher.MODEL_NAMES, matcher.MODEL_SIGNS, strict=True)
    )


def _same_p(matcher: Any, f: Any, model: Any) -> float:
    """The probability the decision rule compares to SAME_P: the best over the whole
    pair and its aligned clauses of those that may be 'same' (specific, no number
    conflict, nothing that breaks the claim); 0 when none may."""
    if f.quick_reject:
        return 0.0
    best = 0.0
    for ff in (f, f.clause):
        if ff is None or ff.diffs or not ff.specific:
            continue
        if any(r in matcher.BREAKING for r in ff.breaks):
            continue
        best = max(best, model.probability(ff.values))
    return best


def _claim_p(f: Any, model: Any) -> float:
    """How alike the two claims are, rules aside: the best p of the whole and clause."""
    if f.quick_reject:
        return 0.0
    return max(model.probability(ff.values) for ff in (f, f.clause) if ff is not None)


def sts_pairs(path: Path) -> list[tuple[float, str, str]]:
    """(gold 0..5, sentence 1, sentence 2) of an STS Benchmark file."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 7:
                out.append((float(cols[4]), cols[5], cols[6]))
    return out


def _ranks(xs: list[float]) -> list[float]:
    order = sorted(range(len(xs)), key=xs.__getitem__)
    r = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2
        i = j + 1
    return r


def _pearson(x: list[float], y: list[float]) -> float:
    n = len(x)
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    return sxy / (sxx * syy) ** 0.5 if sxx and syy else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--common-words", action="store_true")
    ap.add_argument("--common-capitals", action="store_true")
    ap.add_argument("--folds", type=int, default=10)
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument(
        "--basil-weight", type=float, default=BASIL_WEIGHT, help="sample weight of BASIL pairs"
    )
    ap.add_argument(
        "--sts-weight",
        type=float,
        default=STS_WEIGHT,
        help="sample weight of STS train pairs (gold >= STS_SAME is 'same'); 0 leaves them out",
    )
    ap.add_argument(
        "--write", action="store_true", help="rewrite db/matcher_weights.py with the fit"
    )
    args = ap.parse_args()
    if args.common_words:
        common_words()
        return
    if args.common_capitals:
        common_capitals()
        return
    fit(
        args.folds,
        args.l2,
        args.seed,
        args.basil_weight,
        args.sts_weight,
        write=args.write,
    )


def _prepare_pairs(matcher: Any, pairs: list[tuple[Any, str, str]]) -> list[tuple[Any, Any]]:
    return [(matcher.prepare(a), matcher.prepare(b)) for _, a, b in pairs]


def _featurise(matcher: Any, pairs: list[tuple[Any, str, str]]) -> list[Any]:
    return [matcher.features(a, b, full=True) for a, b in _prepare_pairs(matcher, pairs)]


def fit(
    folds: int,
    l2: float,
    seed: int,
    basil_weight: float,
    sts_weight: float,
    *,
    write: bool = False,
) -> None:
    from db import matcher

    started = time.monotonic()
    # (name, prepared pairs, labels, sample weight) of each labelled set.
    sets: list[tuple[str, list[tuple[Any, Any]], list[int], float]] = []
    mrpc = mrpc_pairs()
    sets.append(("MRPC", _prepare_pairs(matcher, mrpc), [y for y, _, _ in mrpc], 1.0))
    rows = basil_pairs()
    sets.append(("BASIL", [(a, b) for *_, a, b in rows], [r[0] for r in rows], basil_weight))
    sts_train = sts_pairs(STS / "sts-train.csv")
    sts_dev = sts_pairs(STS / "sts-dev.csv")
    if sts_weight > 0:
        ys = [int(g >= STS_SAME) for g, _, _ in sts_train]
        sets.append(("STS", _prepare_pairs(matcher, sts_train), ys, sts_weight))
    n_feat = f"{len(matcher.FEATURE_NAMES)} features, {len(matcher.MODEL_NAMES)} model inputs"
    print(
        ", ".join(f"{name}: {len(ys)} pairs ({sum(ys)} same)" for name, _, ys, _ in sets)
        + f"; {n_feat} ({time.monotonic() - started:.1f}s)"
    )
    rnd = random.Random(seed)
    folds_of = []
    for _, pairs, _, _ in sets:
        idx = list(range(len(pairs)))
        rnd.shuffle(idx)
        folds_of.append({i: k % folds for k, i in enumerate(idx)})
    # Per set: (same-eligible p, claim p, label) of every pair, out of fold.
    cv: dict[str, list[tuple[float, float, int]]] = {name: [] for name, *_ in sets}
    # MRPC pairs with their out-of-fold model, for what each rule costs (below).
    mrpc_cv: list[tuple[Any, Any, int]] = []
    feats_of = [[matcher.features(a, b, full=True) for a, b in pairs] for _, pairs, _, _ in sets]
    for k in range(folds):
        xs, ys_, ws = [], [], []
        for (name, _, ys, weight), feats, fold_of in zip(sets, feats_of, folds_of, strict=True):
            for i, f in enumerate(feats):
                # Pairs the quick test rejects are decided by it, not by the model.
                if fold_of[i] != k and not f.quick_reject:
                    xs.append([*matcher.expand(f.vector()), float(name == "STS")])
                    ys_.append(ys[i])
                    ws.append(weight)
        w = fit_bounded(xs, ys_, l2, ws, (*_signs(matcher), 0))
        model = matcher.Model(tuple(w[1:-1]), w[0])
        for (name, _, ys, _), feats, fold_of in zip(sets, feats_of, folds_of, strict=True):
            for i, f in enumerate(feats):
                if fold_of[i] == k:
                    cv[name].append((_same_p(matcher, f, model), _claim_p(f, model), ys[i]))
                    if name == "MRPC":
                        mrpc_cv.append((f, model, ys[i]))
    print(f"{folds}-fold CV: 'same' (rules and model) at p >= t vs the label; accuracy, P, R")
    # The app's cut-off for bare pairs (MRPC); BASIL's is printed for comparison.
    chosen: dict[str, float] = {}
    for thr in THRESHOLDS:
        line = []
        for name, rows_ in cv.items():
            tp = sum(1 for p, _, y in rows_ if p >= thr and y)
            fp = sum(1 for p, _, y in rows_ if p >= thr and not y)
            fn = sum(1 for p, _, y in rows_ if p < thr and y)
            acc = (len(rows_) - fp - fn) / len(rows_)
            prec = tp / max(1, tp + fp)
            line.append(f"{name} {acc:.4f} P {prec:.3f} R {tp / max(1, tp + fn):.3f}")
            if name not in chosen and prec >= TARGET_PRECISION:
                chosen[name] = thr
        print(f"  t={thr:.2f}: " + " | ".join(line))
    name0 = "MRPC"
    no_rules = sum((c >= 0.5) == bool(y) for _, c, y in cv[name0]) / len(cv[name0])
    _rule_costs(matcher, mrpc_cv)
    print(f"MRPC CV accuracy of the model alone (no rules, p >= 0.5): {no_rules:.4f}")
    app_p = chosen.get("MRPC", THRESHOLDS[-1])
    kept = [
        ([*matcher.expand(f.vector()), float(name == "STS")], y, weight)
        for (name, _, ys, weight), feats in zip(sets, feats_of, strict=True)
        for f, y in zip(feats, ys, strict=True)
        if not f.quick_reject
    ]
    w = fit_bounded(
        [x for x, _, _ in kept],
        [y for _, y, _ in kept],
        l2,
        [wt for *_, wt in kept],
        (*_signs(matcher), 0),
    )
    # The last input is STS's own intercept (its pairs are 24% 'same', MRPC's 68%):
    # fitted, then left out, as the app never scores an STS pair.
    w = w[:-1]
    model = matcher.Model(tuple(w[1:]), w[0])
    dev, drawn, band = _article_labels(matcher)
    _band_report(matcher, model, band)
    articles_p = _dev_same_p(matcher, model, dev)
    matcher.SAME_P_ARTICLES = articles_p
    unanchored_p = _unanchored_same_p(matcher, model, articles_p, dev + drawn)
    print(
        f"app thresholds: SAME_P = {app_p} (bare pairs: the lowest with MRPC CV precision >="
        f" {TARGET_PRECISION}), SAME_P_ARTICLES = {articles_p} (pairs in articles: chosen on"
        f" the BASIL development pairs, above), SAME_P_UNANCHORED = {unanchored_p} (pairs in"
        " articles without an anchor: chosen on those pairs and the random matches, above)"
    )
    matcher.SAME_P_UNANCHORED = unanchored_p
    related_p = _sts_report(matcher, model, app_p, sts_train, sts_dev)
    block = "# Fitted by bench/fit_matcher.py.\n"
    block += "# 'same' at or above these p: bare sentence pairs, pairs inside articles.\n"
    block += f"SAME_P = {app_p}\nSAME_P_ARTICLES = {articles_p}\n"
    block += "# ... and for pairs inside articles that share no anchor (db.matcher.ANCHOR_QUOTE).\n"
    block += f"SAME_P_UNANCHORED = {unanchored_p}\n"
    block += "# 'related' at or above this p (when the two share a participant), from STS train.\n"
    block += f"RELATED_P = {related_p}\n"
    block += f"INTERCEPT = {w[0]:.4f}\nWEIGHTS: tuple[float, ...] = (\n"
    for name, wi in zip(matcher.MODEL_NAMES, w[1:], strict=True):
        block += f"    {wi:.4f},  # {name}\n"
    block += ")\n"
    print("\n# fitted on all pairs:")
    print(block)
    if write:
        from db import matcher_weights

        path = Path(matcher_weights.__file__)
        src = path.read_text(encoding="utf-8")
        start = src.index("# Fitted by bench/fit_matcher.py")
        path.write_text(src[:start] + block, encoding="utf-8")
        print(f"written to {path}")


# SAME_P_ARTICLES: the lowest of these with DEV_PRECISION on the BASIL development pairs
# (bench/basil_dev_pairs.tsv, never the held-out bench/basil_pairs.tsv); when none
# reaches it, the one with the best precision (precision first).
ARTICLE_THRESHOLDS = (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)
DEV_PRECISION = 0.9
# ... never below these: the random matches (what a reader sees) were drawn at them, so
# they cannot judge a lower cut, and the development pairs hold too few pairs near the
# cut to (at 0.55 and 0.6 they judge the same 6 pairs). Every match that one step lower
# would add to the BASIL + BBC ingest was read (bench/basil_band_matches.tsv, printed
# below): 41 of 55 right, 74.5 % (with an anchor 22 of 25, without 19 of 30). The
# pairs without an anchor need 0.75: over random sets 5-8, 0.75 raised the precision
# of what a reader sees from 88.9 to 90.5 %; set 11, drawn blind to test it before it
# was shipped, went from 91.7 to 93.0 % (55 of 60 right at 0.65, 53 of 57 at 0.75).
ARTICLES_FLOOR = 0.6
UNANCHORED_FLOOR = 0.75
BAND_MATCHES = Path(__file__).resolve().parent / "basil_band_matches.tsv"
# The cut-offs the band matches were read at (SAME_P_ARTICLES, SAME_P_UNANCHORED): one
# step below those of the ingest they were drawn against (0.6 / 0.65). Not derived from
# the floors, which have moved since: at other cuts the file holds other pairs than the
# band those cuts would add.
BAND_CUTS = (0.55, 0.6)


def _article_labels(matcher: Any) -> tuple[list, list, list]:
    """(gold same/conflict, features) of the development pairs, of the random matches
    but RANDOM_CHECK_SETS and of the band matches; every BASIL statement prepared once."""
    from bench_pairs_basil import (
        DEV_PAIRS,
        POSITIVE,
        RANDOM_MATCHES,
        prepared_statements,
        score_pairs,
    )

    preps = prepared_statements()

    def labelled(path: Path) -> list[tuple[bool, Any]]:
        return [
            (row["label"] in POSITIVE, matcher.features(a, b))
            for row, _, a, b in score_pairs(path, preps)
            if row["stratum"] not in RANDOM_CHECK_SETS
        ]

    return labelled(DEV_PAIRS), labelled(RANDOM_MATCHES), labelled(BAND_MATCHES)


@contextmanager
def _cut_offs(matcher: Any, values: dict[str, float]) -> Iterator[None]:
    """The matcher's cut-offs set to ``values`` (name -> value) for the block, then
    back to what they were."""
    saved = {name: getattr(matcher, name) for name in values}
    for name, value in values.items():
        setattr(matcher, name, value)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(matcher, name, value)


def _band_report(matcher: Any, model: Any, band: list) -> None:
    """What the cuts the band matches were read at (BAND_CUTS) make of them (printed)."""
    from bench_pairs_basil import POSITIVE

    articles, unanchored = BAND_CUTS
    cuts = {"SAME_P_ARTICLES": articles, "SAME_P_UNANCHORED": unanchored}
    for anchored in (True, False):
        with _cut_offs(matcher, cuts):
            rows = [
                gold
                for gold, f in band
                if matcher._anchored(f.values) == anchored
                and matcher.decide(f, model).relation in POSITIVE
            ]
        print(
            f"band matches {'with' if anchored else 'without'} an anchor, same at"
            f" {articles} / {unanchored}: {sum(rows)} of {len(rows)} right"
        )


def _dev_same_p(matcher: Any, model: Any, scored: list) -> float:
    """SAME_P_ARTICLES for ``model``, chosen on the development pairs ``scored``
    (printed)."""
    print(f"BASIL development pairs ({len(scored)}), same+conflict at SAME_P_ARTICLES = t:")
    # Chosen as one cut for every pair in articles (SAME_P_UNANCHORED follows it here),
    # before the unanchored pairs get theirs.
    cuts = ("SAME_P_ARTICLES", "SAME_P_UNANCHORED")
    above = tuple(t for t in ARTICLE_THRESHOLDS if t >= ARTICLES_FLOOR)
    return _choose_cut(matcher, model, cuts, above, scored)


# SAME_P_UNANCHORED: the lowest of ARTICLE_THRESHOLDS, from SAME_P_ARTICLES up, at
# which the pairs in articles judged same/conflict reach DEV_PRECISION when the pairs
# without an anchor need it: on the development pairs and the same/conflict matches
# drawn at random from a real ingest (bench/basil_random_matches.tsv), all but the
# sets drawn after the last choice (RANDOM_CHECK_SETS), left out to check it. They were
# drawn at SAME_P_ARTICLES = 0.6, so they can tell a higher cut, not a lower one.
RANDOM_CHECK_SETS = ("random-match-11", "random-match-12", "random-match-13", "random-match-14")


def _unanchored_same_p(matcher: Any, model: Any, articles_p: float, scored: list) -> float:
    """SAME_P_UNANCHORED for ``model`` (printed), with SAME_P_ARTICLES = ``articles_p``,
    chosen on the development pairs and random matches ``scored``."""
    print(
        f"BASIL development pairs and random matches but {', '.join(RANDOM_CHECK_SETS)}"
        f" ({len(scored)}),"
        " same+conflict at SAME_P_UNANCHORED = t:"
    )
    above = tuple(t for t in ARTICLE_THRESHOLDS if t >= max(articles_p, UNANCHORED_FLOOR))
    return _choose_cut(matcher, model, ("SAME_P_UNANCHORED",), above, scored)


def _choose_cut(
    matcher: Any, model: Any, names: tuple[str, ...], thresholds: tuple[float, ...], scored: list
) -> float:
    """The lowest of ``thresholds`` at which the matcher's cut-offs ``names`` (all set to
    it) give the ``scored`` pairs ((gold same/conflict, features)) DEV_PRECISION for
    same+conflict; when none does, the most precise (precision first). Each is printed."""
    from bench_pairs_basil import POSITIVE

    choice = None
    best: tuple[float, float] | None = None  # (precision, threshold)
    for thr in thresholds:
        with _cut_offs(matcher, dict.fromkeys(names, thr)):
            decided = [(gold, matcher.decide(f, model).relation in POSITIVE) for gold, f in scored]
        tp = sum(1 for gold, pos in decided if gold and pos)
        pp = sum(1 for _, pos in decided if pos)
        gp = sum(1 for gold, _ in decided if gold)
        prec = tp / max(1, pp)
        print(f"  t={thr:.2f}: P {prec:.3f} ({pp} predicted) R {tp / max(1, gp):.3f}")
        if choice is None and prec >= DEV_PRECISION and tp:
            choice = thr
        if best is None or prec > best[0]:
            best = (prec, thr)
    return choice if choice is not None else best[1] if best else getattr(matcher, names[0])


def _rule_costs(matcher: Any, rows: list[tuple[Any, Any, int]]) -> None:
    """MRPC CV accuracy and precision of 'same' at p >= 0.5 with every rule, without
    each one, and with none (what MRPC's annotators think of each rule)."""
    rules = matcher.BREAKING

    def score(breaking: frozenset[str], specific: bool = True) -> str:
        matcher.BREAKING = breaking
        tp = fp = ok = 0
        for f, model, y in rows:
            if not specific:
                f = _all_specific(f)
            same = _same_p(matcher, f, model) >= 0.5
            ok += same == bool(y)
            tp += same and y
            fp += same and not y
        return f"accuracy {ok / len(rows):.4f}, precision {tp / max(1, tp + fp):.3f}"

    print("MRPC CV at p >= 0.5, rules on and off:")
    print(f"  every rule: {score(rules)}")
    for rule in sorted(rules):
        print(f"  without {rule!r}: {score(rules - {rule})}")
    print(f"  without the specificity rule: {score(rules, specific=False)}")
    print(f"  no rule at all: {score(frozenset(), specific=False)}")
    matcher.BREAKING = rules


def _all_specific(f: Any) -> Any:
    """``f`` (and its clause) as if both statements were specific and anchored."""
    from dataclasses import replace

    clause = _all_specific(f.clause) if f.clause is not None else None
    return replace(f, specific=True, clause=clause)


def _sts_report(matcher: Any, model: Any, same_p: float, train: list, dev: list) -> float:
    """STS: RELATED_P, the cut on p that best tells gold >= STS_RELATED (the same
    event at least) from below among the train pairs that share a participant (the
    only ones 'related' can apply to); then on dev the correlation of the claim
    probability with the graded gold and the relations per gold band."""
    feats = _featurise(matcher, train)
    linked = [(f, g) for f, (g, _, _) in zip(feats, train, strict=True) if f.linked]
    ps = [_claim_p(f, model) for f, _ in linked]
    gold = [g for _, g in linked]
    print(f"STS train: {len(linked)} of {len(train)} pairs share a participant")
    best = max(
        RELATED_CUTS,
        key=lambda t: sum((p >= t) == (g >= STS_RELATED) for p, g in zip(ps, gold, strict=True)),
    )
    acc = sum((p >= best) == (g >= STS_RELATED) for p, g in zip(ps, gold, strict=True)) / len(ps)
    print(f"STS train: RELATED_P = {best} (accuracy {acc:.4f} for gold >= {STS_RELATED})")
    dev_feats = _featurise(matcher, dev)
    dps = [_claim_p(f, model) for f in dev_feats]
    dgold = [g for g, _, _ in dev]
    print(
        f"STS dev ({len(dev)} pairs): Pearson {_pearson(dps, dgold):.4f}, "
        f"Spearman {_pearson(_ranks(dps), _ranks(dgold)):.4f} (claim probability vs gold)"
    )
    matcher.SAME_P = same_p
    matcher.RELATED_P = best
    bands: dict[int, Counter[str]] = {}
    for f, g in zip(dev_feats, dgold, strict=True):
        bands.setdefault(min(4, int(g)), Counter())[matcher.decide(f, model).relation] += 1
    print(f"STS dev relations by gold band (SAME_P {same_p}, RELATED_P {best}):")
    for band in sorted(bands):
        c = bands[band]
        n = sum(c.values())
        parts = ", ".join(
            f"{r} {c[r] / n:.2f}" for r in ("same", "conflict", "related", "different")
        )
        print(f"  gold {band}-{band + 1}: {n} pairs: {parts}")
    return best


if __name__ == "__main__":
    main()
