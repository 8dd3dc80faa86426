"""The browser's one door to the database: every question goes through :mod:`db`.

The UI thread uses one connection, for what a key needs at once (the list's rows).
What follows a move (the article text, the claim panel) is read in worker threads,
each on a read-only connection of its own for the time of its read
(:meth:`Library.worker_db`, from a small pool: SQLite connections are not used by two
threads at once). Each search runs in a worker thread on a connection of its own,
which a newer search interrupts (latest query wins).
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import sqlite_utils

from db import article_list, live
from db.articles import (
    ArticleFilter,
    article_statements,
    get_article,
    list_sources,
    source_names,
    statement_location,
)
from db.claims import claim_detail
from db.connection import connect
from db.dates import either_way, parse_date, reversed_range
from db.fuzzy_search import fuzzy_search_counted
from db.match_evidence import with_evidence
from db.match_reads import (
    article_match_counts,
    counted,
    matches_for_statement,
    statement_statuses,
)
from db.quote_reads import speakers_counted
from db.search import RANK_WINDOW, QueryError, SearchHit, operator_hint, search, search_counted
from db.story_reads import list_stories
from db.upgrade import regroup_due

__all__ = [
    "SEARCH_PAGE",
    "SEARCH_WINDOW",
    "ArticleFilter",
    "ClaimView",
    "Library",
    "QueryError",
    "SearchHit",
    "SearchResults",
    "apart_matches",
    "claim_matches",
    "either_way",
    "keep_recent",
    "operator_hint",
    "parse_date",
    "read_article",
    "read_claims",
    "reversed_range",
    "shown_order",
]


# Speaker picker lists kept (one per filter of sources and dates).
SPEAKER_LISTS_KEPT = 4
# The picker's list: (name, key, quotes, articles) rows, and how many speakers in all.
SpeakerRows = tuple[list[tuple[str, str, int, int]], int]


def keep_recent(cache: OrderedDict, key: Hashable, value: Any, limit: int) -> None:
    """Put ``value`` in ``cache`` as its most recent entry, dropping the oldest ones
    beyond ``limit`` (the views and pages the browser keeps of what it read)."""
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > limit:
        cache.popitem(last=False)


def read_article(db: sqlite_utils.Database, article_id: int) -> dict[str, Any] | None:
    """What the reader shows: ``{"article", "statements"}``, each statement with its
    ``status`` ('corroborated' | 'conflict' | 'related' | 'unique'); None if it is gone."""
    article = get_article(db, article_id)
    if article is None:
        return None
    statements = article_statements(db, article_id)
    statuses = statement_statuses(db, article_id)
    for st in statements:
        st["status"] = statuses.get(st["id"], "unique")
    return {"article": article, "statements": statements}


@dataclass(frozen=True)
class ClaimView:
    """What the claim panel shows for one statement: its matches in the panel's order
    (:func:`shown_order`), the first :data:`EVIDENCE_FIRST` with their ``evidence``
    (:func:`db.match_evidence.with_evidence`; the rest read when paged to,
    :meth:`Library.evidence`), and its claim."""

    statement_id: int
    matches: list[dict[str, Any]]
    claim: dict[str, Any] | None


# Matches whose evidence is read with a statement's claims: more than the claim panel
# lays out at first (tui.components.claim_panel.MATCHES_FIRST). Evidence is recomputed
# per pair (~0.6 ms each): a statement with 255 matches took 150 ms to read whole; the
# rest is read as the reader pages to it (:func:`with_evidence_of`).
EVIDENCE_FIRST = 16


def claim_matches(matches: list[dict[str, Any]], claim_id: int | None) -> list[dict[str, Any]]:
    """The matches of the claim itself: same or conflict with a statement of the same
    claim (``claim_id``: the statement's), which count as corroboration
    (:func:`db.match_reads.counted`)."""
    return [m for m in matches if counted(m.get("relation"), claim_id, m.get("claim_id"))]


def apart_matches(matches: list[dict[str, Any]], claim_id: int | None) -> list[dict[str, Any]]:
    """Same or conflict matches with a statement of another claim, or of none (this one
    was kept out of that claim, or is in none): shown apart, never counted."""
    return [
        m
        for m in matches
        if m.get("relation") != "related"
        and not counted(m.get("relation"), claim_id, m.get("claim_id"))
    ]


def shown_order(matches: list[dict[str, Any]], claim_id: int | None) -> list[dict[str, Any]]:
    """The matches as the claim panel lists them: the claim's own first, then those of
    other claims, then those only on the same event ('related'), each best first."""
    return (
        claim_matches(matches, claim_id)
        + apart_matches(matches, claim_id)
        + [m for m in matches if m.get("relation") == "related"]
    )


def with_evidence_of(
    db: sqlite_utils.Database, statement_id: int, matches: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """``matches`` of one statement, each with its ``evidence`` (those without it read
    now: the ones a reader pages to), in the same order."""
    missing = [m for m in matches if "evidence" not in m]
    if not missing:
        return matches
    read = {m["statement_id"]: m for m in with_evidence(db, statement_id, missing)}
    return [m if "evidence" in m else read[m["statement_id"]] for m in matches]


def read_claims(
    db: sqlite_utils.Database, statement: dict[str, Any], first: int = EVIDENCE_FIRST
) -> ClaimView:
    """A statement's claims: every match (the count), the first ``first`` as the panel
    lists them with their evidence, the others without (read when paged to)."""
    sid = statement["id"]
    order = shown_order(matches_for_statement(db, sid), statement.get("claim_id"))
    matches = with_evidence(db, sid, order[:first]) + order[first:]
    claim_id = statement.get("claim_id")
    return ClaimView(sid, matches, None if claim_id is None else claim_detail(db, claim_id))


# Hits read at a time: the first screen of results, and each page read after it.
SEARCH_PAGE = 50
# A word search ranks the newest this many matches (db.search.RANK_WINDOW): no more can
# be listed, however many match.
SEARCH_WINDOW = RANK_WINDOW


@dataclass
class SearchResults:
    """A search's hits as far as read, best first, and what the next page needs: the
    query, its mode and the filters it searched within (``scope``). Changed on the UI
    thread only (:meth:`add`)."""

    query: str
    fuzzy: bool
    scope: ArticleFilter
    hits: list[SearchHit]
    total: int | None  # statements matching in all; None for a fuzzy search (its best)
    exhausted: bool = False  # a page came back short: nothing more to read

    @property
    def reachable(self) -> int:
        """How many hits can be listed: every match, or the ranked window's."""
        if self.total is None or self.exhausted:
            return len(self.hits)
        return min(self.total, SEARCH_WINDOW)

    @property
    def more(self) -> int:
        """How many more hits the next pages hold."""
        return max(0, self.reachable - len(self.hits))

    def add(self, page: list[SearchHit]) -> list[SearchHit]:
        """Append the page read at ``len(hits)``; returns the hits new to the list (the
        database changed meanwhile: a statement held already is not listed twice)."""
        held = {hit.statement_id for hit in self.hits}
        new = [hit for hit in page if hit.statement_id not in held]
        self.hits.extend(new)
        if len(page) < SEARCH_PAGE or not new:
            self.exhausted = True
        return new


@dataclass(frozen=True)
class ListState:
    """What the article list shows."""

    filter: ArticleFilter = field(default_factory=ArticleFilter)
    by_story: bool = False

    def with_filter(self, **changes: Any) -> ListState:
        return replace(self, filter=replace(self.filter, **changes))


class Library:
    def __init__(self, db_path: Path, db: sqlite_utils.Database | None = None) -> None:
        self.db_path = Path(db_path)
        self.db = db if db is not None else connect(self.db_path)
        self._search_lock = threading.Lock()
        self._search_conn: sqlite3.Connection | None = None
        self._pool_lock = threading.Lock()
        self._idle: list[sqlite_utils.Database] = []  # worker connections not in use
        self._closed = False
        # The speaker picker's list by (filter, database version): `w` opened again (to
        # pick another speaker, or after a look and Esc) reads no quote again.
        self._speakers: OrderedDict[Hashable, SpeakerRows] = OrderedDict()

    # --- the list ---------------------------------------------------------------------

    def count_rows(self, state: ListState, db: sqlite_utils.Database | None = None) -> int:
        """Rows of the list (``db``: a worker's connection, else the UI thread's)."""
        db = db if db is not None else self.db
        return article_list.browse_count(db, state.filter, by_story=state.by_story)

    def rows(
        self,
        state: ListState,
        offset: int,
        limit: int,
        db: sqlite_utils.Database | None = None,
    ) -> list[dict[str, Any]]:
        """A page of the list (``db``: a worker's connection, else the UI thread's)."""
        db = db if db is not None else self.db
        rows = article_list.browse_rows(
            db, state.filter, by_story=state.by_story, limit=limit, offset=offset
        )
        ids = [r["id"] for r in rows if r["kind"] == "article"]
        counts = article_match_counts(db, ids)
        for row in rows:
            if row["kind"] == "article":
                row["corroborated"], row["conflict"], row["related"] = counts.get(
                    row["id"], (0, 0, 0)
                )
        return rows

    def position(self, state: ListState, article_id: int) -> int | None:
        return article_list.article_position(
            self.db, article_id, state.filter, by_story=state.by_story
        )

    def has_stories(self) -> bool:
        return article_list.has_stories(self.db)

    def sources(self) -> list[dict[str, Any]]:
        """Sources with their article counts and dates (a scan: for the filter dialog)."""
        return list_sources(self.db)

    def source_names(self) -> list[str]:
        return source_names(self.db)

    def stories(self, limit: int) -> list[dict[str, Any]]:
        """The newest ``limit`` stories, of any number of sources, newest first: ``id,
        title, first_date, n_articles, n_sources`` (the command palette's)."""
        return list_stories(self.db, limit=limit, min_sources=1)

    def speakers(
        self,
        state: ListState,
        match: str | None = None,
        db: sqlite_utils.Database | None = None,
    ) -> tuple[list[tuple[str, str, int, int]], int]:
        """The speakers quoted in the listed articles (any speaker filter left out), most
        quoted first: (name, key, quotes, articles), for the speaker filter dialog, and
        how many there are in all; ``match``: those with it in their name (``db``: a
        worker's connection, else the UI thread's, whose whole list is kept until the
        database changes)."""
        flt = replace(state.filter, speaker=None)
        if db is not None or match is not None:
            return speakers_counted(db if db is not None else self.db, flt, match=match)
        key = self.speakers_key(state)
        found = self.kept_speakers(key)
        if found is None:
            found = speakers_counted(self.db, flt)
            self.keep_speakers(key, found)
        return found

    def speakers_key(self, state: ListState) -> Hashable:
        """What the speaker picker's whole list depends on (on the UI thread): the filter
        (any speaker filter left out) and the database's version. Another connection's
        commit changes data_version, this one's total_changes."""
        flt = replace(state.filter, speaker=None)
        return (flt, self.data_version(), self.db.conn.total_changes)

    def kept_speakers(self, key: Hashable) -> SpeakerRows | None:
        """The picker's list read for ``key`` (:meth:`speakers_key`), if it is kept."""
        return self._speakers.get(key)

    def keep_speakers(self, key: Hashable, found: SpeakerRows) -> None:
        """Keep a list read (in a worker) for ``key``: `w` opened again reads nothing."""
        keep_recent(self._speakers, key, found, SPEAKER_LISTS_KEPT)

    # --- live updates (another process adding articles) ----------------------------

    def data_version(self) -> int:
        """Changes whenever another connection commits: cheap enough to poll every second."""
        return live.data_version(self.db)

    def newest_article_id(self) -> int:
        return live.newest_article_id(self.db)

    def count_added_after(self, article_id: int) -> int:
        return live.count_added_after(self.db, article_id)

    def added_after(self, article_id: int, limit: int) -> list[int]:
        """Ids of the articles added after ``article_id``, newest first."""
        return live.articles_added_after(self.db, article_id, limit)

    def regroup_due(self) -> bool:
        """A schema upgrade left claims and stories to regroup (db.upgrade)."""
        return regroup_due(self.db)

    # --- the reader and the claim panel --------------------------------------------------

    def article(self, article_id: int) -> dict[str, Any] | None:
        """:func:`read_article` on the UI thread's connection."""
        return read_article(self.db, article_id)

    def claims(self, statement: dict[str, Any]) -> ClaimView:
        """:func:`read_claims` on the UI thread's connection."""
        return read_claims(self.db, statement)

    def evidence(self, statement_id: int, matches: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """:func:`with_evidence_of` on the UI thread's connection (a page of matches)."""
        return with_evidence_of(self.db, statement_id, matches)

    def locate(self, statement_id: int) -> tuple[int, int] | None:
        return statement_location(self.db, statement_id)

    # --- search (called from worker threads) -------------------------------------------

    def search(
        self,
        query: str,
        *,
        fuzzy: bool,
        scope: ArticleFilter | None = None,
        limit: int = SEARCH_PAGE,
        offset: int = 0,
        counted: bool = False,
        superseded: Callable[[], bool] = lambda: False,
    ) -> tuple[list[SearchHit], int | None]:
        """Run one search on a fresh connection; a newer search interrupts this one.

        The hits from ``offset`` within the list's filters (``scope``: source, dates,
        speaker), and with ``counted`` how many statements match in all (a word search's
        count; None otherwise, and for a fuzzy search, which lists its best ``limit``).
        ``superseded`` tells whether a newer search was asked for meanwhile: such a
        search does not start (its thread may reach here after the newer one's, and
        must not interrupt it). Raises QueryError for a query with nothing searchable
        and ``sqlite3.OperationalError`` ("interrupted") when superseded.
        """
        scope = scope or ArticleFilter()
        filters = {
            "source": scope.source,
            "since": scope.since,
            "until": scope.until,
            "speaker": scope.speaker,
        }
        db = connect(self.db_path, readonly=True)
        with self._search_lock:
            if superseded():
                db.conn.close()
                raise sqlite3.OperationalError("interrupted: a newer search took over")
            if self._search_conn is not None:
                self._search_conn.interrupt()
            self._search_conn = db.conn
        try:
            if fuzzy:
                return fuzzy_search_counted(db, query, limit=limit, **filters)[0], None
            if counted:
                return search_counted(db, query, limit=limit, offset=offset, **filters)
            return search(db, query, limit=limit, offset=offset, **filters), None
        finally:
            with self._search_lock:
                if self._search_conn is db.conn:
                    self._search_conn = None
            db.conn.close()

    def next_page(
        self, results: SearchResults, offset: int, superseded: Callable[[], bool]
    ) -> list[SearchHit]:
        """The hits of ``results``' search from ``offset`` (:meth:`search`, within the
        filters it searched), or none when a newer search or a closed database cut it
        short."""
        try:
            page, _ = self.search(
                results.query,
                fuzzy=results.fuzzy,
                scope=results.scope,
                offset=offset,
                superseded=superseded,
            )
        except (QueryError, sqlite3.OperationalError):
            return []
        return page

    # --- reads in worker threads --------------------------------------------------------

    @contextmanager
    def worker_db(self) -> Iterator[sqlite_utils.Database]:
        """A read-only connection for this thread alone for the time of the block: an idle
        one of the pool, else a new one (as many as threads read at once, a few)."""
        with self._pool_lock:
            db = self._idle.pop() if self._idle else None
        if db is None:
            db = connect(self.db_path, readonly=True, create=False)
        try:
            yield db
        finally:
            with self._pool_lock:
                if self._closed:
                    db.conn.close()
                else:
                    self._idle.append(db)

    def close(self) -> None:
        """Close the connections; one still reading in a worker is closed when it is done."""
        with self._pool_lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for db in idle:
            db.conn.close()
        self.db.conn.close()
