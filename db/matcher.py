"""Pair scoring: is statement B the same claim as statement A, and do their numbers agree?

Two steps, both pure functions of the two texts (no corpus statistics, so a pair
scores the same in a full rebuild and in incremental matching):

1. :func:`prepare` normalises a statement once (content tokens, names, numbers,
   speaker, quoted words; see :mod:`db.normalize`). Prepared statements are
   small, immutable and picklable, so they can be cached and sent to worker
   processes.
2. :func:`compare` measures a handful of similarities between two prepared
   statements (:class:`Features`: rapidfuzz token-set/sort ratios on the
   normalised content words, weighted Jaccard and containment, word bigrams,
   shared names, speaker agreement, quote overlap, number agreement) and
   combines them with a logistic regression into ``p``, the probability that
   they state the same thing. The weights (:data:`WEIGHTS`) are fitted by
   ``bench/fit_matcher.py`` on the MRPC train split (10-fold cross-validated;
   see that script for the numbers).

The relation (:func:`decide`):

* ``same``: ``p >= SAME_P`` and no number disagrees.
* ``conflict``: the statements make the same claim except for a number (or a
  contradictory qualifier: "at least" vs "at most"): the probability computed
  *as if the numbers agreed* (the number-disagreement features zeroed) is
  ``>= CONFLICT_P`` and at least one aligned pair of numbers differs. ``diffs``
  names the values.
* ``different``: anything else.

``score`` (0..100) is ``100 * p`` for ``same`` and ``different``; for a
``conflict`` it is ``100 *`` the as-if-agreeing probability (how surely it is
the same claim), so a strong conflict is not ranked below weak agreements.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from db.normalize import NEGATIONS, PLACE_TOKENS, Token, clean, rarity, tokenize

__all__ = [
    "CONFLICT_P",
    "FEATURE_NAMES",
    "INTERCEPT",
    "SAME_P",
    "WEIGHTS",
    "Features",
    "Model",
    "Num",
    "PairResult",
    "Prepared",
    "compare",
    "compare_texts",
    "decide",
    "features",
    "prepare",
]

# ------------------------------------------------------------------ thresholds & weights
#
# All the matcher's tunable constants live here.
#
# SAME_P / CONFLICT_P: probability cut-offs. 0.5 is the Bayes decision for
# MRPC's class balance (the intercept already carries the 2:1 prior of MRPC's
# candidate pairs); the DB pipeline only scores pairs that passed blocking.
SAME_P = 0.5
CONFLICT_P = 0.5
# Below this weighted containment of content words two statements are never the
# same claim; compare() stops before the costly features (a speed cut, fitted
# value-free: the lowest containment of any MRPC paraphrase is above it).
MIN_CONTAINMENT = 0.2
# Names written differently ("Zelensky"/"Zelenskiy") count as the same token when
# rapidfuzz.ratio >= this and both are at least FUZZY_MIN_LEN characters.
FUZZY_TOKEN_RATIO = 85.0
FUZZY_MIN_LEN = 5
# Two numbers agree when equal within this relative tolerance, or when the less
# precise one is the other rounded (e.g. "1.5 million" and "1,520,000" with "about").
NUMBER_REL_TOL = 1e-6
APPROX_REL_TOL = 0.02

FEATURE_NAMES = (
    "token_set_ratio",  # rapidfuzz on normalised content words (numbers excluded)
    "token_sort_ratio",
    "ratio",
    "weighted_jaccard",  # content words weighted by rarity, names fuzzily matched
    "weighted_containment",
    "bigram_dice",  # content-word bigrams: same words in the same order
    "entity_unmatched",  # log1p(names on one side the other does not mention)
    "unmatched_max",  # log1p(rarity weight of the words only one side has), larger side
    "unmatched_min",  # ... smaller side: both sides adding details means different claims
    "length_ratio",
    "length_diff",  # log1p(|difference in word count|)
    "words_1gram",  # share of the shorter side's words (stop words included) in the other
    "words_2gram",
    "words_3gram",
    "words_4gram",
    "raw_ratio",  # rapidfuzz.ratio on the lower-cased texts
    "partial_ratio",  # rapidfuzz.partial_ratio on the content words
    "clause_jaccard",  # best weighted Jaccard between clauses of the two sides
    "shared_names",  # log1p(rarity weight of names, not places, both sides mention)
    "numbers_agree",  # log1p(pairs of numbers that agree)
    "numbers_unmatched",  # log1p(numbers with no counterpart)
    "numbers_conflict",  # 1 if an aligned pair of numbers differs
    "speaker",  # +1 same speaker, -1 different, 0 unknown
    "quote_overlap",  # Dice of the quoted words
    "negation_mismatch",  # one side negated, the other not
)
# Features zeroed to ask "would this be the same claim if the numbers agreed?"
_NUMBER_DISAGREEMENT = (FEATURE_NAMES.index("numbers_conflict"),)

# Fitted by bench/fit_matcher.py (logistic regression, L2=1, MRPC train, 4,076 pairs).
INTERCEPT = -5.7062
WEIGHTS: tuple[float, ...] = (
    0.1963,  # token_set_ratio
    0.4362,  # token_sort_ratio
    1.1972,  # ratio
    2.6669,  # weighted_jaccard
    1.5344,  # weighted_containment
    -1.8278,  # bigram_dice
    0.2640,  # entity_unmatched
    -0.6546,  # unmatched_max
    0.0435,  # unmatched_min
    2.0940,  # length_ratio
    -0.2982,  # length_diff
    2.5968,  # words_1gram
    0.8407,  # words_2gram
    -0.9799,  # words_3gram
    -0.9418,  # words_4gram
    5.2308,  # raw_ratio
    -2.3154,  # partial_ratio
    -0.5356,  # clause_jaccard
    -0.3421,  # shared_names
    0.1403,  # numbers_agree
    -0.7685,  # numbers_unmatched
    -0.8178,  # numbers_conflict
    -0.0345,  # speaker
    0.7005,  # quote_overlap
    -1.0502,  # negation_mismatch
)


@dataclass(frozen=True, slots=True)
class Model:
    """A logistic model: ``p = sigmoid(intercept + weights · features)``."""

    weights: tuple[float, ...]
    intercept: float

    def logit(self, x: Sequence[float]) -> float:
        return self.intercept + sum(w * v for w, v in zip(self.weights, x, strict=True))

    def probability(self, x: Sequence[float]) -> float:
        z = max(-30.0, min(30.0, self.logit(x)))
        return 1.0 / (1.0 + math.exp(-z))


DEFAULT_MODEL = Model(WEIGHTS, INTERCEPT)

# ------------------------------------------------------------------ prepared statements


@dataclass(frozen=True, slots=True)
class Num:
    """A number as the matcher sees it."""

    value: float
    unit: str | None
    qualifier: str | None
    raw: str


@dataclass(frozen=True, slots=True)
class Prepared:
    """One statement, normalised once for any number of comparisons."""

    text: str
    tokens: tuple[str, ...]  # content tokens in order, numbers excluded
    tokset: frozenset[str]
    weight: float  # sum of rarity over tokset
    joined: str  # " ".join(tokens), for rapidfuzz
    bigrams: frozenset[str]
    entities: frozenset[str]
    numbers: tuple[Num, ...]
    speaker: frozenset[str]  # normalised words of the speaker's name; empty if unknown
    quoted: frozenset[str]  # content tokens inside quotation marks
    negated: bool
    words: tuple[str, ...]  # every word, lower case, stop words included
    lower: str  # the lower-cased text
    clauses: tuple[frozenset[str], ...]  # content tokens of each clause (and clause pair)
    names: frozenset[str]  # entities that are not places: people, organisations


def _as_num(n: Any) -> Num:
    if isinstance(n, Num):
        return n
    if isinstance(n, dict):
        return Num(float(n["value"]), n.get("unit"), n.get("qualifier"), str(n.get("raw", "")))
    if isinstance(n, tuple) and not hasattr(n, "value"):
        value, unit, qualifier, raw = n
        return Num(float(value), unit, qualifier, str(raw))
    return Num(float(n.value), n.unit, n.qualifier, str(n.raw))


def _extract_numbers(text: str) -> list[Any]:
    from db.extract import extract_numbers

    return extract_numbers(text)


def _find_speaker(text: str) -> str | None:
    try:
        from db.extract import find_speaker
    except ImportError:  # pragma: no cover - extract is part of the package
        return None
    try:
        return find_speaker(text)
    except Exception:
        return None


_WORD_RE = re.compile(r"\w+")
_CLAUSE_BREAK_RE = re.compile(r'[,;:()\[\]"]| - ')
MIN_CLAUSE_TOKENS = 3


def _clauses(text: str, content: list[Token]) -> tuple[frozenset[str], ...]:
    """Content tokens of each clause (split at , ; : brackets quotes dashes) with at
    least MIN_CLAUSE_TOKENS tokens, and of each two adjacent clauses; empty when the
    statement is a single clause (the whole statement already covers it)."""
    breaks = [m.start() for m in _CLAUSE_BREAK_RE.finditer(text)]
    if not breaks or len(content) < 2 * MIN_CLAUSE_TOKENS:
        return ()
    groups: list[list[str]] = [[]]
    k = 0
    for t in content:
        while k < len(breaks) and breaks[k] < t.start:
            k += 1
            if groups[-1]:
                groups.append([])
        groups[-1].append(t.norm)
    groups = [g for g in groups if g]
    if len(groups) < 2:
        return ()
    out: set[frozenset[str]] = set()
    for i, g in enumerate(groups):
        if len(g) >= MIN_CLAUSE_TOKENS:
            out.add(frozenset(g))
        if len(groups) > 2 and i + 1 < len(groups):
            pair = g + groups[i + 1]
            if len(pair) >= MIN_CLAUSE_TOKENS:
                out.add(frozenset(pair))
    return tuple(sorted(out, key=lambda c: sorted(c)))


def _clause_jaccard(a: Prepared, b: Prepared, whole: float) -> float:
    """The best weighted Jaccard over (clause or whole) of a x (clause or whole) of b."""
    if not a.clauses and not b.clauses:
        return whole
    best = whole
    ca = (*a.clauses, a.tokset)
    cb = (*b.clauses, b.tokset)
    for x in ca:
        for y in cb:
            if x is a.tokset and y is b.tokset:
                continue
            inter = x & y
            if not inter:
                continue
            wi = _weight(inter)
            j = wi / (_weight(x) + _weight(y) - wi)
            if j > best:
                best = j
    return best


def _quoted_spans(text: str) -> list[str]:
    out: list[str] = []
    start = -1
    for i, ch in enumerate(text):
        if ch == '"':
            if start < 0:
                start = i + 1
            else:
                out.append(text[start:i])
                start = -1
    return out


def prepare(
    text: str,
    *,
    speaker: str | None = None,
    numbers: Iterable[Any] | None = None,
    quotes: Iterable[str] | None = None,
) -> Prepared:
    """Normalise ``text`` for :func:`compare`.

    ``speaker``, ``numbers`` (objects with value/unit/qualifier/raw, dicts or
    4-tuples) and ``quotes`` (quoted strings) are taken as given when known (the
    database has them); otherwise they are extracted from ``text``.
    """
    text = clean(text or "")
    lower = text.lower()
    toks: list[Token] = tokenize(text)
    content = [t for t in toks if not t.stop and not t.number]
    tokens = tuple(t.norm for t in content)
    tokset = frozenset(tokens)
    if numbers is None:
        numbers = _extract_numbers(text)
    nums = tuple(_as_num(n) for n in numbers)
    if speaker is None:
        speaker = _find_speaker(text)
    spk = frozenset(t.norm for t in tokenize(speaker) if not t.stop) if speaker else frozenset()
    if quotes is None:
        quotes = _quoted_spans(text)
    quoted: set[str] = set()
    for q in quotes:
        quoted.update(t.norm for t in tokenize(q) if not t.stop and not t.number)
    return Prepared(
        text=text,
        tokens=tokens,
        tokset=tokset,
        weight=_weight(tokset),
        joined=" ".join(tokens),
        bigrams=frozenset(f"{a} {b}" for a, b in zip(tokens, tokens[1:])),
        entities=frozenset(t.norm for t in content if t.cap),
        numbers=nums,
        speaker=spk,
        quoted=frozenset(quoted),
        negated="not" in tokset,
        words=tuple(_WORD_RE.findall(lower)),
        lower=lower,
        clauses=_clauses(text, content),
        names=frozenset(t.norm for t in content if t.cap and t.norm not in PLACE_TOKENS),
    )


# ------------------------------------------------------------------ features


@dataclass(slots=True)
class Features:
    values: list[float]
    diffs: list[dict[str, Any]] = field(default_factory=list)
    quick_reject: bool = False

    def vector(self) -> list[float]:
        return self.values

    def as_if_numbers_agreed(self) -> list[float]:
        v = list(self.values)
        for i in _NUMBER_DISAGREEMENT:
            v[i] = 0.0
        return v

    def as_dict(self) -> dict[str, float]:
        return dict(zip(FEATURE_NAMES, self.values, strict=True))


def _fuzzy_matches(left: set[str], right: set[str]) -> tuple[set[str], set[str]]:
    """Tokens of ``left``/``right`` that match a token on the other side by spelling."""
    ml: set[str] = set()
    mr: set[str] = set()
    for a in left:
        if len(a) < FUZZY_MIN_LEN or a[0].isdigit():
            continue
        for b in right:
            if len(b) < FUZZY_MIN_LEN or b[0] != a[0]:
                continue
            if fuzz.ratio(a, b, score_cutoff=FUZZY_TOKEN_RATIO):
                ml.add(a)
                mr.add(b)
    return ml, mr


_APPROX = frozenset({"about", "estimated", "nearly"})
_LOWER = frozenset({"at least", "more than"})
_UPPER = frozenset({"at most", "less than", "up to", "nearly"})


def _sig_round(x: float, digits: int) -> float:
    if x == 0:
        return 0.0
    return round(x, -int(math.floor(math.log10(abs(x)))) + digits - 1)


def _sig_digits(x: float) -> int:
    s = f"{abs(x):.10g}".replace(".", "").strip("0")
    return max(1, len(s))


def _values_agree(a: Num, b: Num) -> bool:
    """Equal, or one is the other rounded: "1.1bn" ~ "1.13bn" (two or more significant
    digits kept), "about 1.5 million" ~ "1,510,000" (an approximate within 2%). A
    one-digit round number absorbs nothing: "some 10,000" vs "11,000" differ."""
    if math.isclose(a.value, b.value, rel_tol=NUMBER_REL_TOL, abs_tol=1e-9):
        return True
    hi = max(abs(a.value), abs(b.value))
    if hi == 0:
        return True
    rel = abs(a.value - b.value) / hi
    if rel <= APPROX_REL_TOL and (a.qualifier in _APPROX or b.qualifier in _APPROX):
        return True
    da, db_ = _sig_digits(a.value), _sig_digits(b.value)
    if da == db_:
        return False
    coarse, fine, digits = (a, b, da) if da < db_ else (b, a, db_)
    if digits < 2:
        return False
    return math.isclose(_sig_round(fine.value, digits), coarse.value, rel_tol=NUMBER_REL_TOL)


def _qualifiers_clash(a: Num, b: Num) -> bool:
    return (a.qualifier in _LOWER and b.qualifier in _UPPER) or (
        a.qualifier in _UPPER and b.qualifier in _LOWER
    )


def _compare_numbers(
    na: tuple[Num, ...], nb: tuple[Num, ...]
) -> tuple[int, int, list[dict[str, Any]]]:
    """(agreeing pairs, numbers left unpaired, differing pairs as diffs)."""
    if not na or not nb:
        return 0, len(na) + len(nb), []
    left = list(na)
    right = list(nb)
    agree = 0
    diffs: list[dict[str, Any]] = []
    for a in list(left):
        for b in right:
            if (a.unit == b.unit or a.unit is None or b.unit is None) and _values_agree(a, b):
                if _qualifiers_clash(a, b):
                    diffs.append(_diff(a, b))
                else:
                    agree += 1
                left.remove(a)
                right.remove(b)
                break
    # What is left: pair numbers of the same unit, in order of appearance.
    for a in list(left):
        for b in right:
            if a.unit == b.unit:
                diffs.append(_diff(a, b))
                left.remove(a)
                right.remove(b)
                break
    return agree, len(left) + len(right), diffs


def _diff(a: Num, b: Num) -> dict[str, Any]:
    return {
        "a": a.raw,
        "b": b.raw,
        "a_value": _plain(a.value),
        "b_value": _plain(b.value),
        "unit": a.unit or b.unit,
        "a_qualifier": a.qualifier,
        "b_qualifier": b.qualifier,
    }


def _plain(v: float) -> float | int:
    return int(v) if v == int(v) and abs(v) < 1e15 else v


def _ngram_share(a: tuple[str, ...], b: tuple[str, ...], n: int) -> float:
    """Share of the n-grams of the side with fewer n-grams found in the other side."""
    if len(a) < n or len(b) < n:
        return 0.0
    if n == 1:
        ga, gb = set(a), set(b)
    else:
        ga = set(zip(*(a[i:] for i in range(n))))
        gb = set(zip(*(b[i:] for i in range(n))))
    return len(ga & gb) / min(len(ga), len(gb))


def _weight(tokens: Iterable[str]) -> float:
    return math.fsum(rarity(t) for t in tokens)


def features(a: Prepared, b: Prepared) -> Features:
    """The similarity features of a pair (symmetric: features(a, b) == features(b, a))."""
    common = a.tokset & b.tokset
    only_a = a.tokset - common
    only_b = b.tokset - common
    fa, fb = _fuzzy_matches(only_a, only_b) if only_a and only_b else (set(), set())
    w_common = _weight(common)
    w_fa, w_fb = _weight(fa), _weight(fb)
    w_shared = w_common + 0.5 * (w_fa + w_fb)
    wa, wb = a.weight, b.weight
    w_union = wa + wb - w_shared
    wjacc = w_shared / w_union if w_union > 0 else 0.0
    wcont = w_shared / min(wa, wb) if min(wa, wb) > 0 else 0.0
    if wcont < MIN_CONTAINMENT:
        return Features([0.0] * len(FEATURE_NAMES), quick_reject=True)

    tset = fuzz.token_set_ratio(a.joined, b.joined) / 100.0
    tsort = fuzz.token_sort_ratio(a.joined, b.joined) / 100.0
    ratio = fuzz.ratio(a.joined, b.joined) / 100.0
    partial = fuzz.partial_ratio(a.joined, b.joined) / 100.0
    raw_ratio = fuzz.ratio(a.lower, b.lower) / 100.0
    nb_a, nb_b = len(a.bigrams), len(b.bigrams)
    bigram = 2 * len(a.bigrams & b.bigrams) / (nb_a + nb_b) if nb_a + nb_b else 0.0

    # Names on one side that the other side does not mention at all.
    ent_unmatched = len(a.entities - b.tokset - fa) + len(b.entities - a.tokset - fb)
    un_a = max(0.0, wa - w_common - w_fa)
    un_b = max(0.0, wb - w_common - w_fb)
    la, lb = len(a.words), len(b.words)
    length_ratio = min(la, lb) / max(la, lb) if max(la, lb) else 0.0

    agree, unpaired, diffs = _compare_numbers(a.numbers, b.numbers)

    if a.speaker and b.speaker:
        speaker = 1.0 if a.speaker & b.speaker else -1.0
    else:
        speaker = 0.0
    if a.quoted and b.quoted:
        quote = 2 * len(a.quoted & b.quoted) / (len(a.quoted) + len(b.quoted))
    else:
        quote = 0.0
    return Features(
        [
            tset,
            tsort,
            ratio,
            wjacc,
            wcont,
            bigram,
            math.log1p(ent_unmatched),
            math.log1p(max(un_a, un_b)),
            math.log1p(min(un_a, un_b)),
            length_ratio,
            math.log1p(abs(la - lb)),
            _ngram_share(a.words, b.words, 1),
            _ngram_share(a.words, b.words, 2),
            _ngram_share(a.words, b.words, 3),
            _ngram_share(a.words, b.words, 4),
            raw_ratio,
            partial,
            _clause_jaccard(a, b, wjacc),
            math.log1p(_weight(a.names & b.names) + 0.5 * _weight((a.names & fa) | (b.names & fb))),
            math.log1p(agree),
            math.log1p(unpaired),
            1.0 if diffs else 0.0,
            speaker,
            quote,
            1.0 if a.negated != b.negated else 0.0,
        ],
        diffs,
    )


# ------------------------------------------------------------------ decision


@dataclass(frozen=True, slots=True)
class PairResult:
    score: float  # 0..100
    relation: str  # 'same' | 'conflict' | 'different'
    diffs: tuple[dict[str, Any], ...] = ()


_NEGATION_WORDS = NEGATIONS  # re-exported for the docs


def decide(f: Features, model: Model = DEFAULT_MODEL) -> PairResult:
    """The relation and score for a pair's features (see the module docstring)."""
    if f.quick_reject:
        return PairResult(0.0, "different")
    p = model.probability(f.values)
    if f.diffs:
        p_claim = model.probability(f.as_if_numbers_agreed())
        if p_claim >= CONFLICT_P:
            return PairResult(round(100 * p_claim, 1), "conflict", tuple(f.diffs))
        return PairResult(round(100 * p, 1), "different")
    if p >= SAME_P:
        return PairResult(round(100 * p, 1), "same")
    return PairResult(round(100 * p, 1), "different")


def compare(a: Prepared, b: Prepared, model: Model = DEFAULT_MODEL) -> PairResult:
    """Score two prepared statements: ``PairResult(score, relation, diffs)``."""
    return decide(features(a, b), model)


def compare_texts(a: str, b: str) -> PairResult:
    """:func:`compare` on two raw texts (numbers and speakers extracted from them)."""
    return compare(prepare(a), prepare(b))
