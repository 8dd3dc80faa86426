"""Candidate generation: which statement pairs are worth scoring (never all pairs).

Each statement gets a few *blocking keys*: its ``KEYS_PER_STATEMENT`` most
informative content tokens, rarest first (static rarity tiers from
:func:`db.normalize.rarity`), ties broken by a stable hash of the token. Among
equally rare tokens that is a bottom-k MinHash sketch, so two statements sharing
most of their rare words share a key with high probability, while a statement's
keys never depend on other statements (full and incremental runs agree). Its first
``FIGURE_KEYS`` telling figures ("1.6%", "$8.45 billion") are keys too: one figure
given twice in other common words is a claim worth scoring.

Two statements are *candidates* when they

* share at least one key (both statements' keys, not just any token),
* come from different sources, and
* are dated within ``window_days`` of each other (a statement without a day is a
  candidate of every date; :func:`db.matching.undated_days` gives undated articles
  one).

How much one shared key counts depends on how many statements of the window hold
it (:func:`shared_key_counts`). That is counted among the statements *up to* the
one whose candidates are sought (ids up to its own: what the database held when it
came), never the newer ones: a pair is scored from its later statement, and so its
candidates are the same whether the corpus is matched at once or one article at a
time (a newer article making a key dense would otherwise drop a pair a rebuild
scores, or the reverse).

:class:`BlockIndex` is the in-memory inverted index used by full rebuilds and
large batches; for a handful of new statements, :mod:`db.matching` asks the same
questions of the key tables in the database (``statement_keys``, ``key_postings``),
without loading the corpus. Both count shared keys with :func:`shared_key_counts`.
"""

from __future__ import annotations

import json
import zlib
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from db.id_chunks import id_chunks
from db.normalize import INFORMATIVE_RARITY, PLACE_TOKENS, rarity
from db.numbers import FIGURE_KEY_PREFIX, figure_key, telling

__all__ = [
    "KEYS_PER_STATEMENT",
    "MAX_POSTING",
    "BlockIndex",
    "Item",
    "blocking_keys",
    "shared_key_counts",
    "word_keys",
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
# A statement is also keyed by its first this many telling figures ("1.6%", "$8.45
# billion"): two statements may give one figure and share only common words and places
# besides ("Japan's economy shrank 1.6%" / "The Japanese economy contracted by 1.6
# percent"), which the matcher then judges (matcher._shares_telling_number).
FIGURE_KEYS = 2


def _key_order(token: str) -> tuple[float, int]:
    return (-rarity(token), zlib.crc32(token.encode("utf-8")))


_first = itemgetter(0)
# Each token's _key_order, None when it is never a key: a token's order is static (its
# rarity tier and a hash), and a full match keys a million statements of a vocabulary
# of a few hundred thousand tokens. Bounded like db.normalize's word cache.
_ORDERS: dict[str, tuple[float, int] | None] = {}
_ORDERS_MAX = 500_000


_UNSEEN = (0.0, -1)  # no token's order (crc32 is never negative)


def _order_of(token: str) -> tuple[float, int] | None:
    """``token``'s _key_order if it may be a key, else None (and remembered)."""
    keyable = token not in PLACE_TOKENS and len(token) > 1 and rarity(token) >= MIN_KEY_RARITY
    order = _key_order(token) if keyable else None
    if len(_ORDERS) < _ORDERS_MAX:
        _ORDERS[token] = order
    return order


def blocking_keys(
    tokset: Iterable[str], numbers: Iterable[Any] = (), k: int = KEYS_PER_STATEMENT
) -> tuple[str, ...]:
    """The ``k`` rarest tokens of a statement, stable order, then a key for each of its
    first FIGURE_KEYS telling figures (``numbers``: anything with ``value`` and
    ``unit``; see db.numbers.figure_key). Common words (rarity below MIN_KEY_RARITY)
    and places are never keys: a statement made only of them, with no telling figure,
    is not matched."""
    ranked: list[tuple[tuple[float, int], str]] = []
    orders = _ORDERS
    for t in tokset:
        order = orders.get(t, _UNSEEN)
        if order is _UNSEEN:
            order = _order_of(t)
        if order is not None:
            ranked.append((order, t))
    # By order alone, as sorted(key=_key_order): a stable sort keeps tokset's order
    # for two tokens of one order (a hash collision), as before.
    ranked.sort(key=_first)
    toks = [t for _order, t in ranked[:k]]
    figures: list[str] = []
    for n in numbers:
        if len(figures) == FIGURE_KEYS:
            break
        if telling(n.value, n.unit):
            key = figure_key(n.value, n.unit)
            if key not in figures:
                figures.append(key)
    return (*toks, *figures)


def word_keys(keys: Sequence[str]) -> int:
    """How many of ``keys`` are words (the figures' keys come after them and
    only add candidates: a statement's threshold of shared keys counts its words)."""
    return sum(1 for key in keys if key[0] != FIGURE_KEY_PREFIX)


def shared_key_counts(
    keys: Sequence[str],
    size: Callable[[str], int],
    members: Callable[[str], Sequence[int]],
    max_posting: int = MAX_POSTING,
) -> dict[int, int]:
    """How strongly each statement shares keys with a statement holding ``keys``:
    ``size(key)`` is how many statements of the window, up to that statement, hold the
    key, ``members(key)`` which (the candidates). A candidate needs a count of
    ``MIN_SHARED_KEYS`` (or the number of word keys of the side with fewer: see
    :func:`word_keys`).

    A key held by at most DENSE_POSTING statements of the window counts
    MIN_SHARED_KEYS on its own; a denser one counts 1 and is only walked for a
    statement with fewer than MIN_SHARED_KEYS sparse keys (walking dense posting
    lists is what costs: a statement with two sparse keys finds its claims through
    them); one denser than ``max_posting`` is ignored. The in-memory index and the
    key tables of the database both answer through this one rule.
    """
    sizes = [size(key) for key in keys]
    n_sparse = sum(
        1
        for key, n in zip(keys, sizes, strict=True)
        if n <= DENSE_POSTING and key[0] != FIGURE_KEY_PREFIX
    )
    counts: Counter[int] = Counter()
    for key, n in zip(keys, sizes, strict=True):
        # A figure's key only adds candidates: walked when sparse, never counted
        # among the sparse word keys that let the dense ones be skipped.
        dense_skipped = key[0] == FIGURE_KEY_PREFIX or n_sparse >= MIN_SHARED_KEYS
        if n > max_posting or (n > DENSE_POSTING and dense_skipped):
            continue
        found = members(key)
        counts.update(found)  # counted in C: posting lists run to thousands
        if n <= DENSE_POSTING:
            counts.update(found)  # a sparse key is worth MIN_SHARED_KEYS (2)
    return counts


@dataclass(slots=True)
class Item:
    """What the index needs to know of one statement."""

    sid: int
    source: int
    day: int | None  # proleptic ordinal of the article's date; None when undated
    keys: tuple[str, ...]


# A posting list of statements of more than one source (_Posting's third member).
MIXED = -1

# One posting list: statement ids (sorted), their positions in the index, and the one
# source of all its statements, else MIXED.
_Posting = tuple[list[int], list[int], int]


@dataclass
class BlockIndex:
    """Inverted index key -> statements by day: for each key its days (sorted) and,
    per day, the statement ids holding it (sorted) with their positions, so that
    how many of a window's statements come up to a given one is a bisection per day.
    Each such list knows whether its statements are all of one source: a statement's
    candidates are of other sources, so a list all of its own source is counted (how
    dense a key is) but never read (one long text of one source, among others).

    Undated statements are kept apart and paired with everything.
    """

    window_days: int
    max_posting: int = MAX_POSTING
    # key -> (days, per day: (statement ids, positions, source or MIXED))
    _dated: dict[str, tuple[list[int], list[_Posting]]] = field(default_factory=dict)
    _undated: dict[str, _Posting] = field(default_factory=dict)
    items: list[Item] = field(default_factory=list)
    # Each item's source and number of keys, by position (read for every shared key).
    _sources: list[int] = field(default_factory=list)
    _source_set: set[int] = field(default_factory=set)  # the sources indexed
    _n_keys: list[int] = field(default_factory=list)
    _sorted: bool = True
    # A newer statement's key sizes up to it, once asked for (_keeps).
    _sizes: dict[int, dict[str, int]] = field(default_factory=dict)

    def add(self, item: Item) -> None:
        self._sizes.clear()
        pos = len(self.items)
        self.items.append(item)
        self._sources.append(item.source)
        self._source_set.add(item.source)
        self._n_keys.append(word_keys(item.keys))
        source = item.source
        for key in item.keys:
            if item.day is None:
                posting = self._undated.get(key)
                if posting is None:
                    posting = self._undated[key] = ([], [], source)
                elif posting[2] != source and posting[2] != MIXED:
                    posting = self._undated[key] = (posting[0], posting[1], MIXED)
            else:
                days, lists = self._dated.setdefault(key, ([], []))
                if not days or days[-1] != item.day:
                    if days and days[-1] > item.day:
                        self._sorted = False  # added out of date order: sort before use
                    days.append(item.day)
                    lists.append(([], [], source))
                posting = lists[-1]
                if posting[2] != source and posting[2] != MIXED:
                    posting = lists[-1] = (posting[0], posting[1], MIXED)
            sids, positions = posting[0], posting[1]
            if sids and sids[-1] > item.sid:
                self._sorted = False
            sids.append(item.sid)
            positions.append(pos)

    def _sort(self) -> None:
        if self._sorted:
            return
        for key, (days, lists) in self._dated.items():
            by_day: dict[int, list[tuple[int, int]]] = {}
            for day, (sids, positions, _source) in zip(days, lists, strict=True):
                by_day.setdefault(day, []).extend(zip(sids, positions, strict=True))
            order = sorted(by_day)
            self._dated[key] = (order, [self._posting(sorted(by_day[d])) for d in order])
        for key, (sids, positions, _source) in self._undated.items():
            self._undated[key] = self._posting(sorted(zip(sids, positions, strict=True)))
        self._sorted = True

    def _posting(self, rows: list[tuple[int, int]]) -> _Posting:
        """The posting list of (statement id, position) ``rows``, sorted."""
        sources = {self._sources[pos] for _sid, pos in rows}
        lone = next(iter(sources)) if len(sources) == 1 else MIXED
        return [sid for sid, _ in rows], [pos for _, pos in rows], lone

    def _window(self, key: str, day: int | None) -> list[_Posting]:
        """The postings of ``key`` of each day within the window of ``day`` (every day
        when it is None), the undated ones last."""
        days, lists = self._dated.get(key) or ([], [])
        if day is not None and days:
            lists = lists[
                bisect_left(days, day - self.window_days) : bisect_right(
                    days, day + self.window_days
                )
            ]
        undated = self._undated.get(key)
        return [*lists, undated] if undated else lists

    def neighbours(self, item: Item, *, later: bool = False) -> set[int]:
        """Positions of the indexed items that are candidates of ``item`` (any source
        but its own; the item itself is excluded if indexed): those of lower statement
        id (a pair is scored from its later statement), and with ``later`` those of
        higher id too (an older statement matched again). Keys are judged dense or
        not among the statements up to ``item`` (see the module docstring)."""
        if self._source_set <= {item.source}:
            # Nothing of another source indexed (one outlet's first articles, one long
            # text): no candidate, and none of the reading of its keys' postings, which
            # for a text of tens of thousands of statements is most of the work.
            return set()
        self._sort()
        upto = item.sid
        windows: dict[str, list[_Posting]] = {}
        # Per day of each key's window: how many of its statements come up to item
        # (all of a list that ends before it: no bisection), and their sum.
        cuts: dict[str, list[int]] = {}
        sizes: dict[str, int] = {}
        for key in item.keys:
            lists = windows[key] = self._window(key, item.day)
            cut = cuts[key] = [
                len(sids) if sids[-1] <= upto else bisect_right(sids, upto)
                for sids, _positions, _lone in lists
            ]
            sizes[key] = sum(cut)
        source, sid = item.source, item.sid

        def members(key: str) -> list[int]:  # those of a list of its own source alone:
            out: list[int] = []  # never candidates, not read
            for (_sids, positions, lone), cut in zip(windows[key], cuts[key], strict=True):
                if lone != source:
                    out.extend(positions if cut == len(positions) else positions[:cut])
            return out

        # the item itself counts in sizes, as in the key tables
        counts = shared_key_counts(item.keys, sizes.__getitem__, members, self.max_posting)
        items, sources, n_keys = self.items, self._sources, self._n_keys
        mine = min(MIN_SHARED_KEYS, word_keys(item.keys))
        # c >= min(mine, keys of p), the counts tested first (most statements sharing
        # one dense key fall there) and attributes read by position.
        found = {
            p
            for p, c in counts.items()
            if (c >= mine or c >= n_keys[p]) and sources[p] != source and items[p].sid != sid
        }
        if later:  # the newer ones as they judge (later_keeps), whatever a key is here
            newer = {
                pos
                for key in item.keys
                for (_sids, positions, lone), cut in zip(windows[key], cuts[key], strict=True)
                if lone != source
                for pos in positions[cut:]
            }
            found.update(p for p in newer if sources[p] != source and self._keeps(items[p], item))
        return found

    def _keeps(self, newer: Item, older: Item) -> bool:
        """Whether ``newer`` finds ``older`` among its candidates, its keys judged dense
        or not among the statements up to it (see :func:`later_keeps`)."""
        sizes = self._sizes.get(newer.sid)
        if sizes is None:
            sizes = self._sizes[newer.sid] = {
                key: sum(bisect_right(p[0], newer.sid) for p in self._window(key, newer.day))
                for key in newer.keys
            }
        return later_keeps(newer, older, sizes.__getitem__, self.max_posting)


def later_keeps(
    newer: Item, older: Item, size: Callable[[str], int], max_posting: int = MAX_POSTING
) -> bool:
    """Whether ``older`` is a candidate of ``newer`` as ``newer`` judges it, ``size``
    counting each of its keys among the statements of its window up to it; ``newer``
    is one of the window of ``older`` (both callers walk that window). A pair is
    scored from its later statement: an older statement matched again (after an
    upgrade, `claimlens match --pending`) keeps only the newer candidates that would
    have found it, so that its matches are those of a rebuild. Its own view finds
    others: a key sparse up to it may be dense up to the newer one."""
    theirs = set(older.keys)
    counts = shared_key_counts(newer.keys, size, lambda k: (0,) if k in theirs else (), max_posting)
    return counts[0] >= min(MIN_SHARED_KEYS, word_keys(newer.keys), word_keys(older.keys))


# ------------------------------------------------------------------ stored keys


def stored_neighbours(
    db: Any, item: Item, window_days: int, max_posting: int = MAX_POSTING
) -> set[int]:
    """Statement ids that are candidates of ``item``, from the key tables
    (``key_postings``, ``statement_keys``): what :meth:`BlockIndex.neighbours` (with
    ``later``) would answer with every keyed statement of the database indexed."""
    where, window = _key_window(item, window_days)

    def members(key: str) -> list[int]:
        sql = f"SELECT statement_id FROM key_postings WHERE {where} AND statement_id < ?"
        return [r[0] for r in db.execute(sql, (key, *window, item.sid))]

    counts = shared_key_counts(
        item.keys, _stored_size(db, item, window_days, max_posting), members, max_posting
    )
    out = {
        sid
        for sid, source, _day, theirs in _keyed(db, counts)
        if source != item.source
        and counts[sid] >= min(MIN_SHARED_KEYS, word_keys(item.keys), word_keys(theirs))
    }
    # The newer ones as they judge (an older statement matched again: later_keeps).
    newer: set[int] = set()
    for key in item.keys:
        sql = f"SELECT statement_id FROM key_postings WHERE {where} AND statement_id > ?"
        newer.update(r[0] for r in db.execute(sql, (key, *window, item.sid)))
    for sid, source, day, theirs in _keyed(db, newer):
        them = Item(sid, source, day or None, theirs)
        size = _stored_size(db, them, window_days, max_posting)
        if source != item.source and later_keeps(them, item, size, max_posting):
            out.add(sid)
    return out


def _keyed(db: Any, sids: Iterable[int]) -> Iterator[tuple[int, int, int, tuple[str, ...]]]:
    """(statement id, source, day, keys) of each of ``sids`` from the key tables."""
    for marks, chunk in id_chunks(sorted(sids)):
        for sid, source, day, keys in db.execute(
            "SELECT k.statement_id, a.source_id, k.day, k.keys"
            " FROM statement_keys k JOIN statements s ON s.id = k.statement_id"
            f" JOIN articles a ON a.id = s.article_id WHERE k.statement_id IN ({marks})",
            chunk,
        ):
            yield sid, source, day, tuple(json.loads(keys))


def _key_window(item: Item, window_days: int) -> tuple[str, tuple[int, ...]]:
    """The WHERE clause (and its parameters after the key) of ``key_postings`` rows
    of a key within ``item``'s window; day 0 is undated, a candidate of every date."""
    if item.day is None:
        return "key = ?", ()
    return "key = ? AND (day = 0 OR day BETWEEN ? AND ?)", (
        item.day - window_days,
        item.day + window_days,
    )


def _stored_size(db: Any, item: Item, window_days: int, max_posting: int) -> Callable[[str], int]:
    """How many statements of ``item``'s window up to it hold a key, from the key
    tables (counted to ``max_posting`` + 1 at most)."""
    where, window = _key_window(item, window_days)

    def size(key: str) -> int:  # among the statements up to item (module docstring)
        return db.execute(
            "SELECT count(*) FROM (SELECT 1 FROM key_postings"
            f" WHERE {where} AND statement_id <= ? LIMIT ?)",
            (key, *window, item.sid, max_posting + 1),
        ).fetchone()[0]

    return size
