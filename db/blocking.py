"""Candidate generation: which statement pairs are worth scoring (never all pairs).

Each statement gets a few *blocking keys*: its ``KEYS_PER_STATEMENT`` most
informative content tokens, rarest first (static rarity tiers from
:func:`db.normalize.rarity`), ties broken by a stable hash of the token. Among
equally rare tokens that is a bottom-k MinHash sketch, so two statements sharing
most of their rare words share a key with high probability, while a statement's
keys never depend on other statements (full and incremental runs agree).

Two statements are *candidates* when they

* share at least one key (both statements' keys, not just any token),
* come from different sources, and
* are dated within ``window_days`` of each other (a statement of an undated
  article is a candidate of every date).

:class:`BlockIndex` is the in-memory inverted index used by full rebuilds and
large batches; :func:`fts_candidates` finds the same candidates for a handful of
new statements through the FTS5 index, without loading the corpus.
"""

from __future__ import annotations

import zlib
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import sqlite_utils

from db.normalize import _ALIASES, INFORMATIVE_RARITY, PLACE_TOKENS, rarity

__all__ = [
    "KEYS_PER_STATEMENT",
    "MAX_POSTING",
    "BlockIndex",
    "Item",
    "blocking_keys",
    "fts_candidates",
]

# How many keys a statement is indexed under. More keys: higher recall, more
# candidate pairs. 8 keeps >= 99% of the pairs exhaustive matching finds (see
# bench/bench_match_scale.py --recall).
KEYS_PER_STATEMENT = 8
# A key shared by more statements than this inside one time window says nothing
# about which claim they make ("troops" in a war) and would make candidate
# generation quadratic: within that window it is ignored.
MAX_POSTING = 1000
# Candidates share a key held by at most DENSE_POSTING statements of the window,
# or MIN_SHARED_KEYS keys (or all the keys of the statement with fewer): one shared
# word that many statements of a busy week use is weak evidence, two rarely
# co-occur by chance, and the same claim nearly always shares more.
MIN_SHARED_KEYS = 2
DENSE_POSTING = 50
# Tokens at least this rare can be keys (1: rare; 0.75: the least common tier).
MIN_KEY_RARITY = INFORMATIVE_RARITY


def _key_order(token: str) -> tuple[float, int]:
    return (-rarity(token), zlib.crc32(token.encode("utf-8")))


def blocking_keys(tokset: Iterable[str], k: int = KEYS_PER_STATEMENT) -> tuple[str, ...]:
    """The ``k`` rarest tokens of a statement, stable order. Common words (rarity
    below MIN_KEY_RARITY) and places are never keys: a statement made only of
    them is not matched."""
    toks = [
        t for t in tokset if t not in PLACE_TOKENS and len(t) > 1 and rarity(t) >= MIN_KEY_RARITY
    ]
    if len(toks) <= k:
        return tuple(sorted(toks, key=_key_order))
    return tuple(sorted(toks, key=_key_order)[:k])


@dataclass(slots=True)
class Item:
    """What the index needs to know of one statement."""

    sid: int
    source: int
    day: int | None  # proleptic ordinal of the article's date; None when undated
    keys: tuple[str, ...]


@dataclass
class BlockIndex:
    """Inverted index key -> statements, each posting list sorted by day.

    Undated statements are kept apart and paired with everything.
    """

    window_days: int
    max_posting: int = MAX_POSTING
    _dated: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # key -> (day, pos)
    _undated: dict[str, list[int]] = field(default_factory=dict)
    items: list[Item] = field(default_factory=list)
    _sorted: bool = True

    def add(self, item: Item) -> None:
        pos = len(self.items)
        self.items.append(item)
        for key in item.keys:
            if item.day is None:
                self._undated.setdefault(key, []).append(pos)
            else:
                self._dated.setdefault(key, []).append((item.day, pos))
        self._sorted = False

    def _sort(self) -> None:
        if not self._sorted:
            for plist in self._dated.values():
                plist.sort()
            self._sorted = True

    def _window(self, key: str, day: int | None) -> tuple[list[tuple[int, int]], int, int]:
        plist = self._dated.get(key) or []
        if day is None or not plist:
            return plist, 0, len(plist)
        w = self.window_days
        lo = bisect_left(plist, (day - w, -1))
        hi = bisect_right(plist, (day + w, 1 << 62))
        return plist, lo, hi

    def neighbours(self, item: Item) -> set[int]:
        """Positions of the indexed items that are candidates of ``item`` (any source
        but its own; the item itself is excluded if indexed).

        A key shared by at most DENSE_POSTING statements of the window makes a
        candidate on its own; denser keys must be shared MIN_SHARED_KEYS times, and
        are only looked at for a statement with fewer than MIN_SHARED_KEYS sparse keys
        (walking dense posting lists is what costs: a statement with two sparse keys
        finds its claims through them).
        """
        self._sort()
        counts: dict[int, int] = {}
        spans = []
        n_sparse = 0
        for key in item.keys:
            plist, lo, hi = self._window(key, item.day)
            upl = self._undated.get(key) or ()
            n = hi - lo + len(upl)
            spans.append((plist, lo, hi, upl, n))
            if n <= DENSE_POSTING:
                n_sparse += 1
        for plist, lo, hi, upl, n in spans:
            if n > self.max_posting:
                continue
            if n > DENSE_POSTING:
                if n_sparse >= MIN_SHARED_KEYS:
                    continue
                hit = 1
            else:
                hit = MIN_SHARED_KEYS
            for k in range(lo, hi):
                p = plist[k][1]
                counts[p] = counts.get(p, 0) + hit
            for p in upl:
                counts[p] = counts.get(p, 0) + hit
        items = self.items
        mine = len(item.keys)
        return {
            p
            for p, c in counts.items()
            if c >= min(MIN_SHARED_KEYS, mine, len(items[p].keys))
            and items[p].source != item.source
            and items[p].sid != item.sid
        }

    def pairs(self, only: Sequence[int] | None = None) -> Iterator[tuple[int, int]]:
        """Candidate pairs (positions, first < second), each once.

        With ``only`` (positions), just the pairs involving at least one of them.
        """
        self._sort()
        if only is None:
            for pos, item in enumerate(self.items):
                for other in self.neighbours(item):
                    if other > pos:
                        yield pos, other
            return
        chosen = set(only)
        for pos in sorted(chosen):
            for other in self.neighbours(self.items[pos]):
                if other in chosen and other < pos:
                    continue  # yielded when ``other`` was visited
                yield (pos, other) if pos < other else (other, pos)


# ------------------------------------------------------------------ FTS5 candidates

# For a key, the FTS5 query terms that find every statement whose normalised
# tokens contain it: the porter-stemmed index is searched by prefix with the
# key's stem (our stems are prefixes of the words they come from; a trailing y/e
# is dropped because porter writes "deploy" as "deploi" and drops final e's),
# plus the surface forms of aliases ("northkorea": "dprk", "pyongyang", ...) and
# the British spellings our normaliser folds.
_REVERSE_ALIASES: dict[str, list[str]] = {}
for _canon, _forms in _ALIASES.items():
    for _form in _forms:
        _words = [w for w in _form.replace(".", " ").replace("'s", "").split() if w]
        if _words:
            _REVERSE_ALIASES.setdefault(_canon, []).append(" ".join(_words))
_REVERSE_ALIASES.setdefault("usa", []).append("us")

_BRITISH = (("iz", "is"), ("yz", "ys"), ("or", "our"), ("ens", "enc"), ("er", "re"))


def _fts_terms(key: str) -> list[str]:
    if not key.replace("'", "").isalnum():
        return []
    terms: list[str] = []
    for form in _REVERSE_ALIASES.get(key, ()):
        words = [w for w in form.split() if w.isalnum()]
        if words:
            terms.append('"' + " ".join(words) + '"' if len(words) > 1 else words[0])
    stem = key.rstrip("ye") if len(key) > 4 else key
    stems = {stem}
    for amer, brit in _BRITISH:
        if amer in stem:
            stems.add(stem.replace(amer, brit))
    for s in sorted(stems):
        if s.isalnum() and len(s) >= 3:
            terms.append(f"{s}*")
        elif s.isalnum():
            terms.append(s)
    return terms


def fts_query(keys: Iterable[str]) -> str:
    """An FTS5 MATCH expression finding (a superset of) statements holding any key."""
    terms: list[str] = []
    seen: set[str] = set()
    for key in keys:
        for term in _fts_terms(key):
            if term not in seen:
                seen.add(term)
                terms.append(term)
    return " OR ".join(terms)


def fts_candidates(
    db: sqlite_utils.Database,
    keys: Iterable[str],
    *,
    day: int | None,
    window_days: int,
    exclude_source: int,
    limit: int = MAX_POSTING,
) -> list[int]:
    """Statement ids whose text may hold one of ``keys``, from other sources and
    within the window (the caller checks their real keys). Best bm25 first."""
    query = fts_query(keys)
    if not query:
        return []
    params: list[object] = [query, exclude_source]
    date_sql = ""
    if day is not None:
        from datetime import date

        lo = date.fromordinal(day - window_days).isoformat()
        hi = date.fromordinal(day + window_days).isoformat() + "\uffff"
        date_sql = " AND (a.date IS NULL OR a.date = '' OR (a.date >= ? AND a.date <= ?))"
        params += [lo, hi]
    params.append(limit)
    rows = db.execute(
        "SELECT s.id FROM statements_fts f"
        " JOIN statements s ON s.id = f.rowid"
        " JOIN articles a ON a.id = s.article_id"
        " WHERE statements_fts MATCH ? AND a.source_id != ?"
        + date_sql
        + " ORDER BY f.rank LIMIT ?",
        params,
    )
    return [r[0] for r in rows]
