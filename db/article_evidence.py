"""Article-level evidence that two articles tell one event.

Matched statements (:mod:`db.matching`) link articles that repeat each other; many
articles of one event do not (a headline alone, a short item, an opinion piece
beside a report). This module scores a pair of articles on what they say about
the event as a whole:

* the headline and the lead (headline + first ``LEAD_CHARS`` of the body) as
  TF-IDF vectors over :func:`db.normalize.tokenize` tokens, compared by cosine:
  headline with headline, lead with lead, and the headline of each with the lead
  of the other (a headline-only article against a full one);
* the named entities they share (people, places, organisations: capitalised
  tokens, aliases folded by the tokenizer — "U.S."/"United States" -> "usa",
  possessives dropped — plus the acronym of a multi-word name, so "European
  Central Bank" also reads "ecb"), weighted by rarity;
* the numbers of their leads they share;
* how many days apart they are (undated: a flag);
* for two headlines alone (no lead: a feed of titles, an aggregator's list), their
  title cosine again and whether they are of other days (:data:`HEADS`): zero for any
  pair with a lead, whose score they leave as it was.

The weights are a logistic regression fitted by ``bench/fit_stories.py`` (see its
docstring for the data and the split; ``--heads`` fits those of :data:`HEADS`, on the
UCI headlines, with the others held as they are). A pair's *score* is that model's log-odds
without the matches term; :mod:`db.stories` adds what their matched statements add.

Each article gets a *profile* once (``article_profiles``): its vectors weighted
by the document frequencies (``article_df``) of the articles profiled before it,
so a profile, and a pair's score, do not depend on articles that came later:
profiling in id order (a rebuild) and one by one (incremental) agree. Candidates
come from an inverted index (``article_postings``: headline tokens and entities,
by day): the articles within ``window`` days (and undated ones) sharing the rarest
of the new article's headline tokens, entities and top lead tokens (a dense one, in
up to ``DENSE_MAX_SHARE`` of the articles: the first ``DENSE_POSTINGS`` of its own
day holding it); the best
``MAX_CANDIDATES`` are scored, and pairs scoring above ``STORE_FLOOR`` (a
probability of 0.25 %) are stored in ``story_links`` (a < b).
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
import sys
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from db.dates import day_number
from db.id_chunks import id_chunks
from db.lexicon import WEEKDAYS
from db.normalize import Token, capitals_say_nothing, clean, common_word, tokenize

__all__ = [
    "FEATURE_NAMES",
    "HEADS",
    "INTERCEPT",
    "NO_EVIDENCE",
    "SHORT_INTERCEPT",
    "SHORT_STORY_INTERCEPT",
    "SHORT_STORY_WEIGHTS",
    "SHORT_WEIGHTS",
    "STORY_FEATURE_NAMES",
    "STORY_INTERCEPT",
    "STORY_WEIGHTS",
    "WEIGHTS",
    "ArticleText",
    "MemoryIndex",
    "Pool",
    "Profile",
    "StoredIndex",
    "features",
    "link_article",
    "profile",
    "profile_of_text",
    "read_text",
    "score",
    "story_features",
    "story_probability",
    "unpack_array",
    "unscored",
]

# The body read as the lead, after the headline (characters; cut at a word).
LEAD_CHARS = 600
# Terms kept in a vector (the heaviest): a long lead's tail adds little but cost.
VECTOR_TERMS = 40
# Lead tokens besides the headline's used to look for candidates.
LEAD_QUERY_TOKENS = 12
# A key in more than this share of articles (and in more than KEY_MIN_CAP of them)
# finds no candidates: "said", "year", "usa" are in every other story.
KEY_MAX_SHARE = 0.02
KEY_MIN_CAP = 60
# ... but a dense key held by at most this share of articles still finds the first
# DENSE_POSTINGS articles of the new one's own day holding it (dated articles only).
DENSE_MAX_SHARE = 0.1
DENSE_POSTINGS = 100
# Candidates scored per article (the most shared-key weight first).
MAX_CANDIDATES = 30
# Vectors are stored rounded (smaller rows; the same in a rebuild and incrementally).
_DIGITS = 4

FEATURE_NAMES = (
    "title_cos",  # cosine of the headlines' TF-IDF vectors
    "lead_cos",  # cosine of the leads' (headline + first paragraph)
    "cross_cos",  # the better of headline A vs lead B, headline B vs lead A
    "entity_overlap",  # shared entity weight / the smaller article's entity weight
    "entity_shared",  # shared entities, capped at 4, / 4
    "numbers_shared",  # shared numbers of the leads, capped at 3, / 3
    "day_gap",  # |days apart| / window (1 when either is undated); held at 0 by the fit
    "undated",  # either article has no date; held by the fit (no set has such a pair)
    # Only when both are headlines alone (no lead: a feed of titles, an aggregator),
    # so they leave every pair with a lead as it was (see HEADS):
    "heads",  # both are headlines alone
    "heads_title_cos",  # then their title_cos again
    "heads_other_day",  # then: of different days
)
# The features, of the pair and of an article against a story, that read headlines alone:
# bench/fit_stories.py fits their weights with the others held as they are.
HEADS = ("heads", "heads_title_cos", "heads_other_day")
# Fitted by bench/fit_stories.py --leads --write (logistic regression; BASIL, its titles and
# two paragraphs, and UCI's development half only: half 1 is held out for them; see there).
WEIGHTS = (
    5.1661,  # title_cos
    34.0840,  # lead_cos
    -6.3095,  # cross_cos
    1.9852,  # entity_overlap
    1.6807,  # entity_shared
    -1.7171,  # numbers_shared
    0.0000,  # day_gap
    -4.1495,  # undated
    6.8663,  # heads
    -20.6222,  # heads_title_cos
    -28.3709,  # heads_other_day
)
INTERCEPT = -9.0435
# For a pair of short articles (both a headline and one short paragraph: Profile.short),
# the weights fitted with BASIL cut to one paragraph too (story63's fit): two tellings of
# one event in a few lines share fewer words, and these weights ask less of them. Used for
# such pairs only, as they join two long articles of other events on shared words.
SHORT_WEIGHTS = (
    4.2243,  # title_cos
    25.3085,  # lead_cos
    0.7045,  # cross_cos
    2.8168,  # entity_overlap
    -0.6856,  # entity_shared
    -1.7188,  # numbers_shared
    0.0000,  # day_gap
    -4.1495,  # undated
    4.7099,  # heads
    -17.4330,  # heads_title_cos
    -28.1320,  # heads_other_day
)
SHORT_INTERCEPT = -6.7565
# The matches term (:func:`matches_features`): statements of the newer article matching
# the older as the same claim or a conflict, and those matching it as related only.
CLAIM_WEIGHT = 23.6847
RELATED_WEIGHT = 8.7558
# ... and, for two short articles (Profile.short), one statement matching as related only:
# it counts for nothing between two long articles (a participant of another happening is
# enough for it), but a lead of a paragraph has two or three statements, so one of them
# matching another outlet's lead says more (BASIL as titles and one paragraph, on one day:
# of the short pairs with one related statement and no claim 69 were of one event, 26 not;
# of the full articles, 11 and 79). Fitted by bench/fit_stories.py --leads --short --write.
SHORT_RELATED_WEIGHT = 5.1545
# db.stories counts a pair in a story's fit above this log-odds (probability 0.05).
LINK_FLOOR = -3.0
# Pairs scoring below this are not stored (their matched statements then count alone).
STORE_FLOOR = -6.0
# A pair that was not stored (not a candidate of either) counts as having nothing
# in common but their matched statements (:func:`unscored`).
NO_EVIDENCE = INTERCEPT

STORY_FEATURE_NAMES = (
    "fit",  # mean probability of one event with the story's members (db.stories)
    "title_cos",  # cosine of the headline with the story's pooled headlines
    "lead_cos",  # cosine of the lead with the story's pooled leads
    "entity_cover",  # its entity weight that the story's members hold, by how many hold it
    "same_day",  # share of the story's members of its day (0 when undated); held at 0
    "heads",  # the article is a headline alone
    "heads_title_cos",  # then its title_cos again
    "best",  # the probability of its strongest link to one of the story's members
)
# Fitted by bench/fit_stories.py --leads --write (logistic regression on each article against
# the stories of one event and of others as they stood when it came; see there). ``best`` is
# read for a short article only (SHORT_STORY_WEIGHTS): held at 0 here.
STORY_WEIGHTS = (
    8.6630,  # fit
    0.4224,  # title_cos
    5.1877,  # lead_cos
    -1.0155,  # entity_cover
    0.0000,  # same_day
    1.8150,  # heads
    11.7926,  # heads_title_cos
    0.0000,  # best
)
STORY_INTERCEPT = -6.6704
# For a short article (Profile.short) joining a story: fitted with SHORT_WEIGHTS and ``best``
# (story63's fit): one strong link counts in a story of two, where its fit is at most half.
SHORT_STORY_WEIGHTS = (
    6.6072,  # fit
    0.3274,  # title_cos
    3.0249,  # lead_cos
    -0.0146,  # entity_cover
    0.0000,  # same_day
    0.5896,  # heads
    11.0750,  # heads_title_cos
    4.2095,  # best
)
SHORT_STORY_INTERCEPT = -8.1675


@dataclass(slots=True)
class Profile:
    """What one article says, as vectors weighted when it was profiled."""

    aid: int
    day: int | None
    title: dict[str, float]  # unit TF-IDF vector of the headline
    lead: dict[str, float]  # unit TF-IDF vector of the lead (headline included)
    ents: dict[str, float]  # entity -> its weight (idf)
    nums: frozenset[str]
    keys: list[str]  # its postings: headline tokens 't:…', entities 'e:…'
    terms: list[str]  # what it adds to the document frequencies ('' counts articles)
    ent_sum: float = 0.0  # sum of the entity weights
    headline_only: bool = False  # a headline alone: no word of a body (ArticleText)
    short: bool = False  # a headline and one short paragraph (ArticleText)

    def __post_init__(self) -> None:
        self.ent_sum = sum(self.ents.values())

    def data(self) -> str:
        d: dict[str, object] = {"t": self.title, "l": self.lead, "e": self.ents}
        d["n"] = sorted(self.nums)
        if self.headline_only:
            d["h"] = 1
        if self.short:
            d["s"] = 1
        return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


@dataclass(slots=True)
class ArticleText:
    """What a profile reads of an article (tokenised once; weighted by
    :func:`profile_of_text`)."""

    title: list[str]
    lead: list[str]
    ents: set[str]
    nums: set[str]
    headline_only: bool  # no word of a body: a headline alone
    short: bool = False  # its body is one paragraph, all of it read (is_short)


# Capitalised, but no names: every story of a Friday has "Friday".
_CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def _entities(text: str, tokens: list[Token], loose: bool) -> set[str]:
    """Names among ``tokens`` (of ``text``), and the acronym of each run of two or more:
    capitalised content tokens; ``loose``: also the words written with a capital that
    are no common word, for text whose capitals say nothing to the tokenizer (a headline
    in Title Case or capitals: "Chris Christie to Throw His Hat in the Ring")."""
    written = clean(text) if loose else ""
    out: set[str] = set()
    run: list[str] = []
    for t in [*tokens, None]:
        if t is not None and _named(t, written):
            out.add(t.norm)
            run.append(t.norm)
            continue
        if len(run) >= 2:
            out.add("".join(w[0] for w in run))
        run = []
    return out


def _named(t: Token, written: str) -> bool:
    if t.stop or t.number or t.norm in _CALENDAR:
        return False
    return t.cap or (written[t.start : t.start + 1].isupper() and not common_word(t.norm))


# A blank line between paragraphs (dense and feed texts: "\n\n").
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")


def is_short(body: str) -> bool:
    """A body of one paragraph whose every word the profile reads (within ``LEAD_CHARS``):
    a title and lead, as a feed or a grader gives it. Such an article and another like it
    share few words even when they tell one event."""
    body = body.strip()
    return 0 < len(body) <= LEAD_CHARS and not _PARAGRAPH_BREAK.search(body)


def read_text(title: str, text: str, body_start: int) -> ArticleText:
    """The headline and the lead of an article, tokenised: what its profile reads
    (``text[body_start : body_start + LEAD_CHARS + 1]`` is all of the text it reads)."""
    head = tokenize(title)
    body = text[body_start : body_start + LEAD_CHARS]
    if len(text) > body_start + LEAD_CHARS:
        body = body.rsplit(" ", 1)[0]
    lead = tokenize(body) if body.strip() else []
    content = [t for t in head if not t.stop]
    if not lead:
        # A headline alone: its weekday says when, not what ("Monday television",
        # "How the Dow did Monday", "Monday Moan: ..." are no one event).
        content = [t for t in content if t.norm not in WEEKDAYS]
    lead_content = content + [t for t in lead if not t.stop]
    nums = {t.norm for t in lead_content if t.number and len(t.norm) >= 2}
    # A headline-only article in Title Case (or one whose lead repeats it): its
    # capitals read as a reader reads them, or it has no names at all. An article with
    # a lead has its names from there (a headline's capitals say less than a name).
    loose = not lead or capitals_say_nothing(body)
    ents = _entities(title, head, loose) | _entities(body, lead, loose)
    short = bool(lead) and is_short(text[body_start:])
    return ArticleText(
        [t.norm for t in content], [t.norm for t in lead_content], ents, nums, not lead, short
    )


class Index(Protocol):
    """Where profiles, postings and document frequencies live (memory or database)."""

    def df(self, terms: Iterable[str]) -> dict[str, int]: ...

    def postings(self, key: str, day: int | None, window: int) -> Iterable[int]: ...

    def profiles(self, aids: Iterable[int]) -> dict[int, Profile]: ...

    def add(self, p: Profile) -> None: ...


def _unit(counts: dict[str, int], idf: dict[str, float]) -> dict[str, float]:
    """The unit TF-IDF vector of the ``VECTOR_TERMS`` heaviest terms (ties: by term)."""
    vec = {t: n * idf[t] for t, n in counts.items()}
    if len(vec) > VECTOR_TERMS:
        vec = dict(sorted(vec.items(), key=lambda tw: (-tw[1], tw[0]))[:VECTOR_TERMS])
    norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
    return {t: round(w / norm, _DIGITS) for t, w in vec.items()}


def _counts(tokens: list[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for t in tokens:
        out[t] = out.get(t, 0) + 1
    return out


def profile(
    index: Index, aid: int, title: str, text: str, body_start: int, date: str | None
) -> Profile:
    """The profile of an article, weighted by the document frequencies in ``index``."""
    return profile_of_text(index, aid, read_text(title, text, body_start), date)


def profile_of_text(index: Index, aid: int, read: ArticleText, date: str | None) -> Profile:
    """The profile of an article read by :func:`read_text`, weighted by the document
    frequencies in ``index``."""
    ent_terms = {"e:" + e for e in read.ents}
    lead_counts = _counts(read.lead)
    terms = ["", *sorted(set(lead_counts) | ent_terms)]
    df = index.df(terms)
    n = df.get("", 0)
    idf = {t: math.log((n + 1) / (df.get(t, 0) + 1)) + 1.0 for t in terms}
    title_counts = _counts(read.title)
    return Profile(
        aid=aid,
        day=day_number(date),
        title=_unit(title_counts, idf),
        lead=_unit(lead_counts, idf),
        ents={e: round(idf["e:" + e], _DIGITS) for e in sorted(read.ents)},
        nums=frozenset(read.nums),
        keys=sorted({"t:" + t for t in title_counts} | ent_terms),
        terms=terms,
        headline_only=read.headline_only,
        short=read.short,
    )


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    # The shared terms found in C; fsum, so that the set's order (hash-seeded) cannot
    # change the last bit of a score between processes.
    shared = a.keys() & b.keys()
    return math.fsum([a[t] * b[t] for t in shared]) if shared else 0.0


def features(a: Profile, b: Profile, window: int) -> list[float]:
    """The pair's features (:data:`FEATURE_NAMES`)."""
    shared = a.ents.keys() & b.ents.keys()
    weight = sum(min(a.ents[e], b.ents[e]) for e in shared) if shared else 0.0
    least = min(a.ent_sum, b.ent_sum)
    undated = a.day is None or b.day is None
    gap = 1.0 if undated else min(1.0, abs(a.day - b.day) / max(1, window))  # type: ignore[operator]
    title_cos = _dot(a.title, b.title)
    heads = a.headline_only and b.headline_only
    return [
        title_cos,
        _dot(a.lead, b.lead),
        max(_dot(a.title, b.lead), _dot(b.title, a.lead)),
        weight / least if least else 0.0,
        min(len(shared), 4) / 4,
        min(len(a.nums & b.nums), 3) / 3,
        gap,
        float(undated),
        float(heads),
        title_cos if heads else 0.0,
        float(heads and not undated and a.day != b.day),
    ]


def score(a: Profile, b: Profile, window: int) -> float:
    """The pair's log-odds of one event, on article evidence alone (two short articles:
    by ``SHORT_WEIGHTS``)."""
    f = features(a, b, window)
    short = a.short and b.short
    weights, intercept = (SHORT_WEIGHTS, SHORT_INTERCEPT) if short else (WEIGHTS, INTERCEPT)
    return round(intercept + sum(w * x for w, x in zip(weights, f, strict=True)), 6)


# A stored pool (``story_pools.data``, bytes): a JSON head line (members, squared
# norms, day counts, the byte length of each part), then its headline, lead and entity
# terms, each joined by NUL, with their weights as doubles and counts as 64-bit
# integers, little-endian. Writing and reading it is joining and splitting two
# strings and copying two arrays: a story of 5,195 members (16,554 lead terms) in
# 1.1 ms and 2.6 ms, where JSON with the weights in base64 took 3.9 and 3.6.
_TERM_SEP = "\x00"


def _packed(code: str, values: Iterable[float]) -> bytes:
    packed = array(code, values)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def unpack_array(code: str, raw: bytes) -> list:
    """The values of an ``array`` of type ``code`` packed little-endian (as stored pools
    hold them, and schema 12's pools in base64)."""
    packed = array(code)
    packed.frombytes(raw)  # ValueError when cut short
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tolist()


def _terms(names: bytes, values: bytes, code: str) -> dict:
    keys = names.decode("utf-8").split(_TERM_SEP) if names else []
    return dict(zip(keys, unpack_array(code, values), strict=True))


class Pool:
    """A story's profile: its members' profiles pooled. Headlines of one event share a
    few key words and names while any two of them share little; against the pool, a
    new headline meets every word its members use, weighted by how many use it."""

    __slots__ = ("days", "ents", "lead", "n", "squares", "title")

    def __init__(self) -> None:
        self.n = 0
        self.title: dict[str, float] = {}  # sum of the members' unit headline vectors
        self.lead: dict[str, float] = {}
        self.squares = [0.0, 0.0]  # squared norms of title and lead, kept as they grow
        self.ents: dict[str, int] = {}  # entity -> members holding it
        self.days: dict[int | None, int] = {}  # day -> members of that day

    def _sum(self, theirs: dict[str, float], which: int) -> None:
        mine = self.title if which == 0 else self.lead
        sq = self.squares[which]
        for t, w in theirs.items():
            old = mine.get(t, 0.0)
            mine[t] = old + w
            sq += w * (2 * old + w)
        self.squares[which] = sq

    def add(self, p: Profile) -> None:
        self.n += 1
        self._sum(p.title, 0)
        self._sum(p.lead, 1)
        for e in p.ents:
            self.ents[e] = self.ents.get(e, 0) + 1
        self.days[p.day] = self.days.get(p.day, 0) + 1

    def absorb(self, other: Pool) -> None:
        """Add every member of ``other`` (two stories merged)."""
        self.n += other.n
        self._sum(other.title, 0)
        self._sum(other.lead, 1)
        for e, k in other.ents.items():
            self.ents[e] = self.ents.get(e, 0) + k
        for d, k in other.days.items():
            self.days[d] = self.days.get(d, 0) + k

    def copy(self) -> Pool:
        """An exact copy (its squared norms as kept, not summed again)."""
        out = Pool()
        out.n, out.squares = self.n, list(self.squares)
        out.title, out.lead = dict(self.title), dict(self.lead)
        out.ents, out.days = dict(self.ents), dict(self.days)
        return out

    def data(self) -> bytes:
        """The pool as stored (``story_pools.data``; see :data:`_TERM_SEP`): exact, and
        fast both ways (a story of thousands sums tens of thousands of lead words)."""
        parts = [
            _TERM_SEP.join(self.title).encode("utf-8"),
            _packed("d", self.title.values()),
            _TERM_SEP.join(self.lead).encode("utf-8"),
            _packed("d", self.lead.values()),
            _TERM_SEP.join(self.ents).encode("utf-8"),
            _packed("q", self.ents.values()),
        ]
        head = {
            "n": self.n,
            "s": self.squares,
            "d": sorted([d or 0, k] for d, k in self.days.items()),
            "z": [len(part) for part in parts],
        }
        return b"".join([json.dumps(head, separators=(",", ":")).encode("ascii"), b"\n", *parts])

    @classmethod
    def load(cls, data: bytes) -> Pool:
        """A pool as :meth:`data` stored it; ValueError, KeyError or TypeError when it is
        not one (damaged: pooled again from its members)."""
        if not isinstance(data, bytes):
            raise TypeError("a stored pool is bytes")
        line, _, body = data.partition(b"\n")
        head = json.loads(line)
        parts, at = [], 0
        for size in head["z"]:
            parts.append(body[at : at + size])
            at += size
        if len(parts) != 6 or at != len(body):
            raise ValueError("a stored pool of other parts")
        out = cls()
        out.n, out.squares = head["n"], head["s"]
        out.title = _terms(parts[0], parts[1], "d")
        out.lead = _terms(parts[2], parts[3], "d")
        out.ents = _terms(parts[4], parts[5], "q")
        out.days = {(day or None): k for day, k in head["d"]}
        return out

    def alike(self, other: Pool) -> float:
        """How alike two stories read: the better of the cosines of their pooled
        headlines and of their pooled leads (a merge asks it, :mod:`db.stories`)."""
        best = 0.0
        for which, (a, b) in enumerate(((self.title, other.title), (self.lead, other.lead))):
            norms = self.squares[which] * other.squares[which]
            if norms > 0.0:
                small, large = (a, b) if len(a) <= len(b) else (b, a)
                best = max(best, _dot(small, large) / math.sqrt(norms))
        return best

    def beyond_names(self, p: Profile) -> float:
        """Cosine of ``p``'s lead with the story's pooled leads over the words that are no
        name of either (the act, the place, the thing: "subpoena", "runs", "ferry"): what
        the article says of the story beyond its people. Another event of the same people
        shares their names and little else (:mod:`db.stories`, ``ACT_MIN``). The days and
        months are no act either: every story of a Tuesday says "Tuesday"."""
        names = p.ents.keys() | self.ents.keys() | _CALENDAR
        mine = {t: w for t, w in p.lead.items() if t not in names}
        if not mine:
            return 0.0
        theirs = math.fsum([w * w for t, w in self.lead.items() if t not in names])
        if theirs <= 0.0:
            return 0.0
        norm = math.sqrt(math.fsum([w * w for w in mine.values()]) * theirs)
        return _dot(mine, self.lead) / norm

    def cosine(self, vec: dict[str, float], which: int) -> float:
        """Cosine of a unit vector with the pooled titles (0) or leads (1)."""
        sq = self.squares[which]
        if sq <= 0.0:
            return 0.0
        return _dot(vec, self.title if which == 0 else self.lead) / math.sqrt(sq)


def story_features(p: Profile, pool: Pool, fit: float, best: float = 0.0) -> list[float]:
    """The features (:data:`STORY_FEATURE_NAMES`) of ``p`` joining the story ``pool``
    whose members it fits by ``fit`` (the mean probability over its links), its
    strongest link to one of them of probability ``best``."""
    n = max(1, pool.n)
    cover = 0.0
    if p.ent_sum:
        cover = sum(w * pool.ents.get(e, 0) for e, w in p.ents.items()) / (n * p.ent_sum)
    same_day = 0.0 if p.day is None else pool.days.get(p.day, 0) / n
    title_cos = pool.cosine(p.title, 0)
    heads = p.headline_only
    return [
        fit,
        title_cos,
        pool.cosine(p.lead, 1),
        cover,
        same_day,
        float(heads),
        title_cos if heads else 0.0,
        best,
    ]


def story_probability(p: Profile, pool: Pool, fit: float, best: float = 0.0) -> float:
    """The probability that ``p`` tells the event of the story ``pool`` (``fit``,
    ``best``: as :func:`story_features` reads them)."""
    f = story_features(p, pool, fit, best)
    weights, intercept = (
        (SHORT_STORY_WEIGHTS, SHORT_STORY_INTERCEPT)
        if p.short
        else (STORY_WEIGHTS, STORY_INTERCEPT)
    )
    z = intercept + sum(w * x for w, x in zip(weights, f, strict=True))
    return round(1.0 / (1.0 + math.exp(-z)), 9)


def unscored(heads: bool, other_day: bool) -> float:
    """The log-odds of one event, on article evidence, of a pair that was not stored
    (not a candidate of either, or scored under ``STORE_FLOOR``): nothing in common,
    and, for two headlines alone (``heads``), what that and their being of other days
    (``other_day``) say, as :func:`features` reads them."""
    if not heads:
        return NO_EVIDENCE
    w = dict(zip(FEATURE_NAMES, WEIGHTS, strict=True))
    return NO_EVIDENCE + w["heads"] + (w["heads_other_day"] if other_day else 0.0)


def matches_features(same: int, related: int, short: bool = False) -> tuple[float, float, float]:
    """The matches term's features: ``related`` statements matching only as related
    (one counts for nothing: a shared participant in another happening is enough
    for it; two count half, three or more fully), ``same`` statements matching
    as the same claim or a conflict (capped at 3, / 3), and whether the pair is of two
    ``short`` articles with one related statement exactly (see SHORT_RELATED_WEIGHT)."""
    return min(max(related - 1, 0), 2) / 2, min(same, 3) / 3, float(short and related == 1)


def matches_term(same: int, related: int, short: bool = False) -> float:
    """What the statements of the newer article that match the older one add to the
    pair's log-odds (:func:`db.stories._matched_pairs` counts them; ``short``: both
    articles are short)."""
    related_f, same_f, one_f = matches_features(same, related, short)
    return CLAIM_WEIGHT * same_f + RELATED_WEIGHT * related_f + SHORT_RELATED_WEIGHT * one_f


def _query(p: Profile) -> dict[str, float]:
    """The keys to look up for ``p``'s candidates, with their weights."""
    q = {"t:" + t: w for t, w in p.title.items()}
    top = sorted(((w, t) for t, w in p.lead.items() if t not in p.title), reverse=True)
    for w, t in top[:LEAD_QUERY_TOKENS]:
        q["t:" + t] = w
    total = sum(p.ents.values()) or 1.0
    for e, w in p.ents.items():
        q["e:" + e] = q.get("e:" + e, 0.0) + w / total
    return q


def candidates(index: Index, p: Profile, window: int) -> list[int]:
    """The articles most likely to tell ``p``'s event (not ``p`` itself)."""
    q = _query(p)
    df = index.df(["", *(k[2:] if k.startswith("t:") else k for k in q)])
    n = df.get("", 0)
    cap = max(KEY_MIN_CAP, KEY_MAX_SHARE * n)
    acc: dict[int, float] = {}
    for key in sorted(q):
        term = key[2:] if key.startswith("t:") else key
        k = df.get(term, 0)
        if k <= cap:
            found: Iterable[int] = index.postings(key, p.day, window)
        elif p.day is not None and k <= DENSE_MAX_SHARE * n:
            # A big story's own name ("titanfall" on launch day) is dense: its first
            # articles of the same day (by id, so the same one by one as in a rebuild).
            found = sorted(index.postings(key, p.day, 0))[:DENSE_POSTINGS]
        else:
            continue
        weight = q[key]
        for aid in found:
            acc[aid] = acc.get(aid, 0.0) + weight
    acc.pop(p.aid, None)
    ranked = sorted([(-round(w, 9), aid) for aid, w in acc.items()])
    return [aid for _w, aid in ranked[:MAX_CANDIDATES]]


def link_article(index: Index, p: Profile, window: int) -> list[tuple[int, float]]:
    """Score ``p`` against its candidates: (other article, score) above the floor."""
    cands = candidates(index, p, window)
    found = index.profiles(cands)
    out = []
    for aid in cands:
        other = found.get(aid)
        if other is None:
            continue
        s = score(p, other, window)
        if s >= STORE_FLOOR:
            out.append((aid, s))
    return out


# ------------------------------------------------------------------ indexes


def _days(day: int | None, window: int) -> tuple[int, int] | None:
    """The day range a dated article looks in (None: every day)."""
    return None if day is None else (day - window, day + window)


class MemoryIndex:
    """Profiles and postings in memory: profiling every article in id order."""

    def __init__(self) -> None:
        self._df: dict[str, int] = {}
        self._post: dict[str, dict[int, list[int]]] = {}
        self._profiles: dict[int, Profile] = {}

    def df(self, terms: Iterable[str]) -> dict[str, int]:
        return {t: self._df[t] for t in terms if t in self._df}

    def postings(self, key: str, day: int | None, window: int) -> Iterator[int]:
        by_day = self._post.get(key)
        if not by_day:
            return
        span = _days(day, window)
        if span is None:
            for aids in by_day.values():
                yield from aids
            return
        for d in range(span[0], span[1] + 1):
            yield from by_day.get(d, ())
        yield from by_day.get(0, ())

    def profiles(self, aids: Iterable[int]) -> dict[int, Profile]:
        return {a: self._profiles[a] for a in aids if a in self._profiles}

    def add(self, p: Profile) -> None:
        self._profiles[p.aid] = p
        for t in p.terms:
            self._df[t] = self._df.get(t, 0) + 1
        for key in p.keys:
            self._post.setdefault(key, {}).setdefault(p.day or 0, []).append(p.aid)


def _load(aid: int, day: int, data: str) -> Profile:
    d = json.loads(data)
    return Profile(
        aid, day or None, d["t"], d["l"], d["e"], frozenset(d["n"]), [], [], 0.0, "h" in d, "s" in d
    )


class StoredIndex:
    """Profiles and postings in the database (one new article at a time)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def df(self, terms: Iterable[str]) -> dict[str, int]:
        out: dict[str, int] = {}
        for marks, chunk in id_chunks(sorted(set(terms))):  # type: ignore[arg-type]
            out.update(
                self.conn.execute(f"SELECT term, n FROM article_df WHERE term IN ({marks})", chunk)
            )
        return out

    def postings(self, key: str, day: int | None, window: int) -> list[int]:
        span = _days(day, window)
        if span is None:
            sql, args = "SELECT article_id FROM article_postings WHERE key = ?", (key,)
        else:
            # Two ranges of the index (key, day): with "OR day = 0" SQLite reads every
            # day of the key (0.5 ms for a key of 10,000 articles, read for the day alone).
            # Days are ordinals from 1; undated articles are stored under 0.
            sql = (
                "SELECT article_id FROM article_postings WHERE key = ? AND day BETWEEN ? AND ?"
                " UNION ALL SELECT article_id FROM article_postings WHERE key = ? AND day = 0"
            )
            args = (key, max(span[0], 1), span[1], key)
        return [r[0] for r in self.conn.execute(sql, args)]

    def profiles(self, aids: Iterable[int]) -> dict[int, Profile]:
        out: dict[int, Profile] = {}
        for marks, chunk in id_chunks(sorted(set(aids))):
            for aid, day, data in self.conn.execute(
                f"SELECT article_id, day, data FROM article_profiles WHERE article_id IN ({marks})",
                chunk,
            ):
                out[aid] = _load(aid, day, data)
        return out

    def add(self, p: Profile) -> None:
        write_profiles(self.conn, [p])


def write_profiles(conn: sqlite3.Connection, profiles: list[Profile]) -> None:
    """Store profiles with their postings and document frequencies."""
    conn.executemany(
        "INSERT INTO article_profiles(article_id, day, keys, terms, data) VALUES (?, ?, ?, ?, ?)",
        [
            (
                p.aid,
                p.day or 0,
                json.dumps(p.keys, ensure_ascii=False),
                json.dumps(p.terms, ensure_ascii=False),
                p.data(),
            )
            for p in profiles
        ],
    )
    # The postings are the keys just written, read back and sorted by SQLite (see
    # db.matching._write_keys).
    conn.execute(
        "INSERT OR IGNORE INTO article_postings(key, day, article_id)"
        " SELECT j.value, p.day, p.article_id FROM article_profiles p, json_each(p.keys) j"
        " WHERE p.article_id IN (SELECT value FROM json_each(?)) ORDER BY 1, 2, 3",
        (json.dumps([p.aid for p in profiles]),),
    )
    counts: dict[str, int] = {}
    for p in profiles:
        for t in p.terms:
            counts[t] = counts.get(t, 0) + 1
    conn.executemany(
        "INSERT INTO article_df(term, n) VALUES (?, ?)"
        " ON CONFLICT(term) DO UPDATE SET n = n + excluded.n",
        sorted(counts.items()),
    )


def write_links(conn: sqlite3.Connection, aid: int, links: list[tuple[int, float]]) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO story_links(a, b, score) VALUES (?, ?, ?)",
        [(min(aid, o), max(aid, o), s) for o, s in links],
    )
