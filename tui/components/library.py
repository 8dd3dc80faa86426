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
from db.dates import parse_date
from db.fuzzy_search import fuzzy_search
from db.match_evidence import with_evidence
from db.match_reads import article_match_counts, matches_for_statement, statement_statuses
from db.quote_reads import speakers_counted
from db.search import QueryError, SearchHit, search
from db.upgrade import regroup_due

__all__ = [
    "ArticleFilter",
    "ClaimView",
    "Library",
    "QueryError",
    "SearchHit",
    "keep_recent",
    "parse_date",
    "read_article",
    "read_claims",
]


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
    """What the claim panel shows for one statement: its matches, best first, each with
    its ``evidence`` (:func:`db.match_evidence.with_evidence`), and its claim."""

    statement_id: int
    matches: list[dict[str, Any]]
    claim: dict[str, Any] | None


def read_claims(db: sqlite_utils.Database, statement: dict[str, Any]) -> ClaimView:
    sid = statement["id"]
    matches = with_evidence(db, sid, matches_for_statement(db, sid))
    claim_id = statement.get("claim_id")
    return ClaimView(sid, matches, None if claim_id is None else claim_detail(db, claim_id))


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

    def speakers(
        self,
        state: ListState,
        match: str | None = None,
        db: sqlite_utils.Database | None = None,
    ) -> tuple[list[tuple[str, str, int, int]], int]:
        """The speakers quoted in the listed articles (any speaker filter left out), most
        quoted first: (name, key, quotes, articles), for the speaker filter dialog, and
        how many there are in all; ``match``: those with it in their name (``db``: a
        worker's connection, else the UI thread's)."""
        return speakers_counted(
            db if db is not None else self.db, replace(state.filter, speaker=None), match=match
        )

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

    def locate(self, statement_id: int) -> tuple[int, int] | None:
        return statement_location(self.db, statement_id)

    # --- search (called from worker threads) -------------------------------------------

    def search(
        self,
        query: str,
        *,
        fuzzy: bool,
        source: str | None = None,
        limit: int = 50,
        superseded: Callable[[], bool] = lambda: False,
    ) -> list[SearchHit]:
        """Run one search on a fresh connection; a newer search interrupts this one.

        ``superseded`` tells whether a newer search was asked for meanwhile: such a
        search does not start (its thread may reach here after the newer one's, and
        must not interrupt it). Raises QueryError for a query with nothing searchable
        and ``sqlite3.OperationalError`` ("interrupted") when superseded.
        """
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
                return fuzzy_search(db, query, source=source, limit=limit)
            return search(db, query, source=source, limit=limit)
        finally:
            with self._search_lock:
                if self._search_conn is db.conn:
                    self._search_conn = None
            db.conn.close()

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
