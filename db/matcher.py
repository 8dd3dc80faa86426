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
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any

from rapidfuzz import fuzz

from db.normalize import (
    _RARITY,
    INFORMATIVE_RARITY,
    NEGATIONS,
    PLACE_TOKENS,
    Token,
    clean,
    tokenize,
)

__all__ = [
    "CONFLICT_P",
    "FEATURE_NAMES",
    "INTERCEPT",
    "SAME_P",
    "WEIGHTS",
    "ArticleContext",
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
    "with_context",
]

# ------------------------------------------------------------------ thresholds & weights
#
# All the matcher's tunable constants live here.
#
# SAME_P (in the fitted block below): the cut-off on p for 'same', chosen by
# bench/fit_matcher.py as the best 10-fold CV accuracy on the hand-labelled BASIL
# cross-outlet pairs (the kind of candidates the DB pipeline really scores).
# CONFLICT_P: the same cut-off, applied to the probability as if the numbers agreed.
# Below this weighted containment of content words two statements are never the
# same claim; compare() stops before the costly features (a speed cut, fitted
# value-free: the lowest containment of any MRPC paraphrase is above it).
MIN_CONTAINMENT = 0.2
# ... nor when the words they share weigh less than this (rarity units: a rare word
# is 1, "shares" 0.5, "year" 0.25). Templates like "Shr 25 cts vs 20 cts" share only
# common words: whose earnings they report is not in the sentence, so two of them
# are neither the same claim nor a conflict. For the same reason they must share a
# word at least normalize.INFORMATIVE_RARITY rare (which makes blocking on such
# words lose nothing the matcher would find).
MIN_SHARED_WEIGHT = 1.5
# Names written differently ("Zelensky"/"Zelenskiy") count as the same token when
# rapidfuzz.ratio >= this and both are at least FUZZY_MIN_LEN characters.
FUZZY_TOKEN_RATIO = 85.0
FUZZY_MIN_LEN = 5
# Two numbers agree when equal within this relative tolerance, or when the less
# precise one is the other rounded (e.g. "1.5 million" and "1,520,000" with "about").
NUMBER_REL_TOL = 1e-6
APPROX_REL_TOL = 0.02
# Clauses of long statements are compared on their own when their best alignment's
# weighted Jaccard beats the whole statements' by this much.
CLAUSE_MARGIN = 0.15
# ... and only for a statement this long (a sentence of one claim is rarely longer).
CLAUSE_MIN_WORDS = 35
# ... and only clauses of this many content words (fewer say too little to match on),
# never when the two name different speakers.
CLAUSE_MIN_TOKENS = 5

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
    "local_jaccard",  # Jaccard weighing words by their rarity within the two articles
    "local_containment",
    "shared_names",  # log1p(local rarity weight of names, not places, both sides mention)
    "numbers_agree",  # log1p(pairs of numbers that agree)
    "numbers_unmatched",  # log1p(numbers with no counterpart)
    "numbers_conflict",  # 1 if an aligned pair of numbers differs
    "speaker_agree",  # 1 when both name a speaker and the names share a word
    "speaker_disagree",  # 1 when both name a speaker and the names share no word
    "quote_overlap",  # Dice of the quoted words
    "negation_mismatch",  # one side negated, the other not
)
# The direction each feature may push the score: +1 a similarity, -1 a difference.
# bench/fit_matcher.py drops a feature rather than give it the opposite sign.
FEATURE_SIGNS: tuple[int, ...] = tuple(
    -1
    if name
    in (
        "entity_unmatched",
        "unmatched_max",
        "unmatched_min",
        "length_diff",
        "numbers_unmatched",
        "numbers_conflict",
        "negation_mismatch",
        "speaker_disagree",
    )
    else 1
    for name in FEATURE_NAMES
)
# Features zeroed to ask "would this be the same claim if the numbers agreed?"
_NUMBER_DISAGREEMENT = (FEATURE_NAMES.index("numbers_conflict"),)

# Fitted by bench/fit_matcher.py (logistic regression, L2=1, on the MRPC train split
# and 360 hand-labelled BASIL pairs; every weight has its feature's expected sign).
SAME_P = 0.35
INTERCEPT = -1.7238
WEIGHTS: tuple[float, ...] = (
    0.0000,  # token_set_ratio
    0.0000,  # token_sort_ratio
    0.0000,  # ratio
    0.0000,  # weighted_jaccard
    0.0000,  # weighted_containment
    0.0000,  # bigram_dice
    0.0000,  # entity_unmatched
    0.0000,  # unmatched_max
    0.0000,  # unmatched_min
    0.0000,  # length_ratio
    -0.3613,  # length_diff
    1.1519,  # words_1gram
    0.0000,  # words_2gram
    0.0000,  # words_3gram
    0.0000,  # words_4gram
    0.9196,  # raw_ratio
    0.0000,  # partial_ratio
    1.1575,  # clause_jaccard
    2.1333,  # local_jaccard
    0.4283,  # local_containment
    0.0000,  # shared_names
    0.1774,  # numbers_agree
    -0.7723,  # numbers_unmatched
    -0.6587,  # numbers_conflict
    0.0000,  # speaker_agree
    -0.2897,  # speaker_disagree
    0.7601,  # quote_overlap
    -1.0103,  # negation_mismatch
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
_ALL_FEATURES = frozenset(FEATURE_NAMES)
_USED_FEATURES = frozenset(n for n, w in zip(FEATURE_NAMES, WEIGHTS, strict=True) if w)
CONFLICT_P = SAME_P

# ------------------------------------------------------------------ prepared statements


@dataclass(frozen=True, slots=True)
class Num:
    """A number as the matcher sees it."""

    value: float
    unit: str | None
    qualifier: str | None
    raw: str


@dataclass(frozen=True, slots=True)
class Clause:
    """Part of a statement between punctuation: where a long sentence's claims live."""

    tokens: frozenset[str]
    weight: float
    start: int  # offsets in Prepared.text
    end: int


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
    clauses: tuple[Clause, ...]  # its clauses (and pairs of adjacent clauses)
    names: frozenset[str]  # entities that are not places: people, organisations
    # The article around the statement: in how many of its statements each token
    # occurs, and how many statements it has (see with_context). None: no article.
    context: ArticleContext | None = None


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """Token document frequencies over one article's statements."""

    df: dict[str, int]
    n: int


def with_context(statements: Sequence[Prepared]) -> list[Prepared]:
    """The statements of one article, each carrying the article's token frequencies.

    A word that occurs in one statement of each article ("Kovalenko") says more about
    which claim two statements share than one every statement repeats ("North
    Korea"); :func:`features` weighs shared words by this local rarity. The context
    depends on the article alone, so it is the same in full and incremental runs.
    """
    df: dict[str, int] = {}
    for st in statements:
        for t in st.tokset:
            df[t] = df.get(t, 0) + 1
    ctx = ArticleContext(df, len(statements))
    return [replace(st, context=ctx) for st in statements]


def _local_weights(a: Prepared, b: Prepared) -> tuple[float, float, float, float]:
    """(shared, a-only, b-only, shared names) weights of tokens by their rarity in the
    two articles: log(1 + statements / statements containing the token)."""
    ca, cb = a.context, b.context
    n = (ca.n if ca else 1) + (cb.n if cb else 1)
    dfa = ca.df if ca else None
    dfb = cb.df if cb else None

    def w(t: str) -> float:
        d = (dfa.get(t, 0) if dfa is not None else int(t in a.tokset)) + (
            dfb.get(t, 0) if dfb is not None else int(t in b.tokset)
        )
        return math.log(1.0 + n / max(1, d))

    common = a.tokset & b.tokset
    shared = math.fsum(w(t) for t in common)
    only_a = math.fsum(w(t) for t in a.tokset - common)
    only_b = math.fsum(w(t) for t in b.tokset - common)
    names = math.fsum(w(t) for t in a.names & b.names)
    return shared, only_a, only_b, names


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
_CLAUSE_BREAK_RE = re.compile(r'[,;:](?=\s)|[()\[\]"]| - ')
MIN_CLAUSE_TOKENS = 3


def _clauses(text: str, content: list[Token]) -> tuple[Clause, ...]:
    """Each clause (split at , ; : brackets quotes dashes) with at least
    MIN_CLAUSE_TOKENS content tokens, and each two adjacent clauses; empty when the
    statement is a single clause (the whole statement already covers it)."""
    breaks = [m.start() for m in _CLAUSE_BREAK_RE.finditer(text)]
    if not breaks or len(content) < 2 * MIN_CLAUSE_TOKENS:
        return ()
    groups: list[list[Token]] = [[]]
    k = 0
    for t in content:
        while k < len(breaks) and breaks[k] < t.start:
            k += 1
            if groups[-1]:
                groups.append([])
        groups[-1].append(t)
    groups = [g for g in groups if g]
    if len(groups) < 2:
        return ()
    spans: list[list[Token]] = []
    for i, g in enumerate(groups):
        if len(g) >= MIN_CLAUSE_TOKENS:
            spans.append(g)
        if len(groups) > 2 and i + 1 < len(groups) and len(g) + len(groups[i + 1]) >= 3:
            spans.append(g + groups[i + 1])
    out: dict[frozenset[str], Clause] = {}
    for g in spans:
        toks = frozenset(t.norm for t in g)
        if toks not in out:
            end = _word_end(text, g[-1].start)
            out[toks] = Clause(toks, _weight(toks), g[0].start, end)
    return tuple(sorted(out.values(), key=lambda c: (c.start, c.end)))


def _word_end(text: str, start: int) -> int:
    m = _WORD_RE.match(text, start)
    return m.end() if m else start + 1


def _best_clauses(a: Prepared, b: Prepared, whole: float) -> tuple[float, Any, Any]:
    """The best weighted Jaccard over (clause or whole) of a x (clause or whole) of b,
    and the two sides achieving it (a Clause, or None for the whole statement)."""
    best = (whole, None, None)
    if not a.clauses and not b.clauses:
        return best
    ca = (*a.clauses, None)
    cb = (*b.clauses, None)
    for x in ca:
        xs, xw = (x.tokens, x.weight) if x is not None else (a.tokset, a.weight)
        for y in cb:
            if x is None and y is None:
                continue
            ys, yw = (y.tokens, y.weight) if y is not None else (b.tokset, b.weight)
            inter = xs & ys
            if not inter:
                continue
            wi = _weight(inter)
            j = wi / (xw + yw - wi)
            if j > best[0]:
                best = (j, x, y)
    return best


def _sub(p: Prepared, clause: Any) -> Prepared:
    """A clause of ``p`` prepared as a statement of its own (same speaker and article)."""
    if clause is None:
        return p
    text = p.text[clause.start : clause.end]
    nums = [n for n in p.numbers if n.raw and n.raw.split()[-1] in text]
    sub = prepare(text, speaker="", numbers=nums, split=False)
    return replace(sub, speaker=p.speaker, context=p.context, negated=p.negated)


_QUOTED_RE = re.compile(r'"[^"]*"')


def _quoted_tokens(text: str, content: list[Token], quotes: Iterable[str] | None) -> frozenset[str]:
    """Content tokens inside the quotations (given as strings, else "..." in text)."""
    spans: list[tuple[int, int]] = []
    if quotes is None:
        if '"' in text:
            spans = [(m.start(), m.end()) for m in _QUOTED_RE.finditer(text)]
    else:
        for q in quotes:
            q = clean(q)
            pos = text.find(q) if q else -1
            if pos >= 0:
                spans.append((pos, pos + len(q)))
    if not spans:
        return _EMPTY
    return frozenset(t.norm for t in content if any(s <= t.start < e for s, e in spans))


def prepare(
    text: str,
    *,
    speaker: str | None = None,
    numbers: Iterable[Any] | None = None,
    quotes: Iterable[str] | None = None,
    split: bool = True,
) -> Prepared:
    """Normalise ``text`` for :func:`compare`.

    ``speaker``, ``numbers`` (objects with value/unit/qualifier/raw, dicts or
    4-tuples) and ``quotes`` (quoted strings) are taken as given when known (the
    database has them); otherwise they are extracted from ``text``.
    """
    text = clean(text or "")
    lower = text.lower()
    words = tuple(_WORD_RE.findall(lower))
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
    quoted = _quoted_tokens(text, content, quotes)
    return Prepared(
        text=text,
        tokens=tokens,
        tokset=tokset,
        weight=_weight(tokset),
        joined=" ".join(tokens),
        bigrams=frozenset(f"{a} {b}" for a, b in pairwise(tokens)),
        entities=frozenset(t.norm for t in content if t.cap),
        numbers=nums,
        speaker=spk,
        quoted=quoted,
        negated="not" in tokset,
        words=words,
        lower=lower,
        # Only long statements are compared clause by clause (see features()).
        clauses=_clauses(text, content) if split and len(words) >= CLAUSE_MIN_WORDS else (),
        names=frozenset(t.norm for t in content if t.cap and t.norm not in PLACE_TOKENS),
    )


# ------------------------------------------------------------------ features


@dataclass(slots=True)
class Features:
    values: list[float]
    diffs: list[dict[str, Any]] = field(default_factory=list)
    quick_reject: bool = False
    # The features of the best-aligned clauses, when they align much better than the
    # whole statements (a long sentence carrying the claim among others).
    clause: Features | None = None

    def vector(self) -> list[float]:
        return self.values

    def as_if_numbers_agreed(self) -> list[float]:
        v = list(self.values)
        for i in _NUMBER_DISAGREEMENT:
            v[i] = 0.0
        return v

    def as_dict(self) -> dict[str, float]:
        return dict(zip(FEATURE_NAMES, self.values, strict=True))


def _fuzzy_matches(
    left: frozenset[str], right: frozenset[str]
) -> tuple[frozenset[str], frozenset[str]]:
    """Tokens of ``left``/``right`` that match a token on the other side by spelling
    (same first letter, length within 2, rapidfuzz.ratio >= FUZZY_TOKEN_RATIO)."""
    by_first: dict[str, list[str]] = {}
    for b in right:
        if len(b) >= FUZZY_MIN_LEN:
            by_first.setdefault(b[0], []).append(b)
    if not by_first:
        return _EMPTY, _EMPTY
    ml: set[str] = set()
    mr: set[str] = set()
    ratio = fuzz.ratio
    for a in left:
        la = len(a)
        if la < FUZZY_MIN_LEN:
            continue
        for b in by_first.get(a[0], ()):
            if abs(len(b) - la) <= 2 and ratio(a, b, score_cutoff=FUZZY_TOKEN_RATIO):
                ml.add(a)
                mr.add(b)
    return frozenset(ml), frozenset(mr)


_EMPTY: frozenset[str] = frozenset()


_APPROX = frozenset({"about", "estimated", "nearly"})
_LOWER = frozenset({"at least", "more than"})
_UPPER = frozenset({"at most", "less than", "up to", "nearly"})


def _sig_round(x: float, digits: int) -> float:
    if x == 0:
        return 0.0
    return round(x, -math.floor(math.log10(abs(x))) + digits - 1)


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
        ga = set(zip(*(a[i : len(a) - n + 1 + i] for i in range(n)), strict=True))
        gb = set(zip(*(b[i : len(b) - n + 1 + i] for i in range(n)), strict=True))
    return len(ga & gb) / min(len(ga), len(gb))


def _weight(tokens: Iterable[str]) -> float:
    # Rarities are multiples of 1/4: their float sums are exact in any order.
    get = _RARITY.get
    return sum([get(t, 1.0) for t in tokens])


def features(a: Prepared, b: Prepared, *, full: bool = False) -> Features:
    """The similarity features of a pair (symmetric: features(a, b) == features(b, a))."""
    common = a.tokset & b.tokset
    w_common = _weight(common)
    wa, wb = a.weight, b.weight
    # The cheap test first: too few shared words (spelling variants aside) to be one claim.
    if (
        w_common < MIN_SHARED_WEIGHT
        or w_common / min(wa, wb) < MIN_CONTAINMENT
        or not any(_RARITY.get(t, 1.0) >= INFORMATIVE_RARITY for t in common)
    ):
        return Features([0.0] * len(FEATURE_NAMES), quick_reject=True)
    only_a = a.tokset - common
    only_b = b.tokset - common
    fa, fb = _fuzzy_matches(only_a, only_b) if only_a and only_b else (_EMPTY, _EMPTY)
    w_fa, w_fb = _weight(fa), _weight(fb)
    w_shared = w_common + 0.5 * (w_fa + w_fb)
    w_union = wa + wb - w_shared
    wjacc = w_shared / w_union if w_union > 0 else 0.0
    wcont = w_shared / min(wa, wb)

    tset = fuzz.token_set_ratio(a.joined, b.joined) / 100.0
    tsort = fuzz.token_sort_ratio(a.joined, b.joined) / 100.0
    # Features the model gives no weight are left at 0 unless ``full`` (the fitter).
    need = _ALL_FEATURES if full else _USED_FEATURES
    ratio = fuzz.ratio(a.joined, b.joined) / 100.0 if "ratio" in need else 0.0
    partial = fuzz.partial_ratio(a.joined, b.joined) / 100.0 if "partial_ratio" in need else 0.0
    raw_ratio = fuzz.ratio(a.lower, b.lower) / 100.0
    nb_a, nb_b = len(a.bigrams), len(b.bigrams)
    bigram = 0.0
    if nb_a + nb_b and "bigram_dice" in need:
        bigram = 2 * len(a.bigrams & b.bigrams) / (nb_a + nb_b)

    # Names on one side that the other side does not mention at all.
    ent_unmatched = len(a.entities - b.tokset - fa) + len(b.entities - a.tokset - fb)
    un_a = max(0.0, wa - w_common - w_fa)
    un_b = max(0.0, wb - w_common - w_fb)
    la, lb = len(a.words), len(b.words)
    length_ratio = min(la, lb) / max(la, lb) if max(la, lb) else 0.0

    agree, unpaired, diffs = _compare_numbers(a.numbers, b.numbers)
    best_j, ca, cb = _best_clauses(a, b, wjacc)
    l_shared, l_a, l_b, l_names = _local_weights(a, b)

    speaker = 0.0  # +1 the two speakers share a name, -1 they do not, 0 one is unknown
    if a.speaker and b.speaker:
        speaker = 1.0 if a.speaker & b.speaker else -1.0
    if a.quoted and b.quoted:
        quote = 2 * len(a.quoted & b.quoted) / (len(a.quoted) + len(b.quoted))
    else:
        quote = 0.0
    out = Features(
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
            _ngram_share(a.words, b.words, 2) if "words_2gram" in need else 0.0,
            _ngram_share(a.words, b.words, 3) if "words_3gram" in need else 0.0,
            _ngram_share(a.words, b.words, 4) if "words_4gram" in need else 0.0,
            raw_ratio,
            partial,
            best_j,
            l_shared / (l_shared + l_a + l_b) if l_shared + l_a + l_b > 0 else 0.0,
            l_shared / (l_shared + min(l_a, l_b)) if l_shared > 0 else 0.0,
            math.log1p(l_names),
            math.log1p(agree),
            math.log1p(unpaired),
            1.0 if diffs else 0.0,
            1.0 if speaker > 0 else 0.0,
            1.0 if speaker < 0 else 0.0,
            quote,
            1.0 if a.negated != b.negated else 0.0,
        ],
        diffs,
    )
    long_a = len(a.words) >= CLAUSE_MIN_WORDS and ca is not None
    long_b = len(b.words) >= CLAUSE_MIN_WORDS and cb is not None
    if (
        best_j >= wjacc + CLAUSE_MARGIN
        and (long_a or long_b)
        and speaker >= 0
        and min(len(ca.tokens if ca else a.tokset), len(cb.tokens if cb else b.tokset))
        >= CLAUSE_MIN_TOKENS
    ):
        sub = features(_sub(a, ca), _sub(b, cb), full=full)
        if not sub.quick_reject:
            out.clause = sub
    return out


# ------------------------------------------------------------------ decision


@dataclass(frozen=True, slots=True)
class PairResult:
    score: float  # 0..100
    relation: str  # 'same' | 'conflict' | 'different'
    diffs: tuple[dict[str, Any], ...] = ()


_NEGATION_WORDS = NEGATIONS  # re-exported for the docs


def _judge(f: Features, model: Model) -> PairResult:
    p = model.probability(f.values)
    if f.diffs:
        p_claim = model.probability(f.as_if_numbers_agreed())
        if p_claim >= CONFLICT_P:
            return PairResult(round(100 * p_claim, 1), "conflict", tuple(f.diffs))
        return PairResult(round(100 * p, 1), "different")
    if p >= SAME_P:
        return PairResult(round(100 * p, 1), "same")
    return PairResult(round(100 * p, 1), "different")


def decide(f: Features, model: Model = DEFAULT_MODEL) -> PairResult:
    """The relation and score for a pair's features (see the module docstring).

    When the best-aligned clauses were compared too, the pair is judged on whichever
    alignment finds the shared claim: a match beats 'different', then the higher score.
    """
    if f.quick_reject:
        return PairResult(0.0, "different")
    result = _judge(f, model)
    if f.clause is not None:
        alt = _judge(f.clause, model)
        rank = (result.relation != "different", result.score)
        if (alt.relation != "different", alt.score) > rank:
            result = alt
    return result


def compare(a: Prepared, b: Prepared, model: Model = DEFAULT_MODEL) -> PairResult:
    """Score two prepared statements: ``PairResult(score, relation, diffs)``."""
    return decide(features(a, b), model)


def compare_texts(a: str, b: str) -> PairResult:
    """:func:`compare` on two raw texts (numbers and speakers extracted from them)."""
    return compare(prepare(a), prepare(b))
