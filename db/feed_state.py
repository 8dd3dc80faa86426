"""Per-feed state of ``claimlens follow``, kept in the database (tables ``feeds`` and
``feed_entries``, schema version 4): what the last fetch of each feed found, the
validators for the next conditional request, and a fingerprint of every entry
the feed listed, so an entry seen again is neither fetched nor stored again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import sqlite_utils

from db.cleaning import clean_title
from db.connection import transaction

OK = "ok"
NOT_MODIFIED = "not modified"
FAILED = "failed"


@dataclass
class FeedState:
    """What the database knows of a feed before a fetch."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    fingerprints: dict[str, str] = field(default_factory=dict)  # entry key -> fingerprint


@dataclass
class FetchOutcome:
    """What one fetch of a feed did, to be stored."""

    url: str
    status: str  # OK, NOT_MODIFIED or FAILED
    source: str | None = None
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    entries: int = 0
    added: int = 0  # articles added or replaced
    # The feed's entries now (key -> fingerprint); None keeps the stored ones (304, failure).
    fingerprints: dict[str, str] | None = None

    def __post_init__(self) -> None:
        # The feed's title and a server's error are untrusted: made safe once, here, for
        # the round's report (`follow --json`) and the store (`feeds --json` piped to
        # `jq -r` must not write a feed's ESC to the terminal).
        if self.title is not None:
            self.title = clean_title(self.title) or None
        if self.error is not None:
            self.error = clean_title(self.error)


def now_iso() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def load_states(db: sqlite_utils.Database, urls: list[str]) -> dict[str, FeedState]:
    """The stored state of each of ``urls`` (a fresh one for a feed never fetched)."""
    states = {url: FeedState(url) for url in urls}
    for url, state in states.items():
        row = db.execute("SELECT etag, last_modified FROM feeds WHERE url = ?", (url,)).fetchone()
        if row:
            state.etag, state.last_modified = row
        state.fingerprints = dict(
            db.execute("SELECT key, fingerprint FROM feed_entries WHERE feed_url = ?", (url,))
        )
    return states


def save_outcome(db: sqlite_utils.Database, outcome: FetchOutcome) -> None:
    """Store one fetch's outcome (one transaction)."""
    at = now_iso()
    failed = outcome.status == FAILED
    with transaction(db) as conn:
        conn.execute(
            "INSERT INTO feeds(url) VALUES (?) ON CONFLICT(url) DO NOTHING", (outcome.url,)
        )
        conn.execute(
            "UPDATE feeds SET source = ?, title = coalesce(?, title),"
            " etag = CASE WHEN ? THEN ? ELSE etag END,"
            " last_modified = CASE WHEN ? THEN ? ELSE last_modified END,"
            " last_fetched = ?, last_ok = CASE WHEN ? THEN last_ok ELSE ? END,"
            " last_status = ?, last_error = ?,"
            " entries = CASE WHEN ? THEN ? ELSE entries END,"
            " last_added = ?, articles_added = articles_added + ?,"
            " failures = CASE WHEN ? THEN failures + 1 ELSE 0 END"
            " WHERE url = ?",
            (
                outcome.source,
                outcome.title,
                outcome.status == OK,
                outcome.etag,
                outcome.status == OK,
                outcome.last_modified,
                at,
                failed,
                at,
                outcome.status,
                outcome.error,
                outcome.status == OK,
                outcome.entries,
                outcome.added,
                outcome.added,
                failed,
                outcome.url,
            ),
        )
        if outcome.fingerprints is not None:
            # The feed's current entries replace the stored ones: the table stays the
            # size of the feeds, and an entry that leaves and comes back is checked again.
            conn.execute("DELETE FROM feed_entries WHERE feed_url = ?", (outcome.url,))
            conn.executemany(
                "INSERT INTO feed_entries(feed_url, key, fingerprint) VALUES (?, ?, ?)",
                [(outcome.url, key, fp) for key, fp in outcome.fingerprints.items()],
            )


def list_feeds(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Every feed ever followed, with its state, in URL order."""
    rows = db.execute(
        "SELECT url, source, title, last_fetched, last_ok, last_status, last_error, entries,"
        " last_added, articles_added, failures, etag, last_modified FROM feeds ORDER BY url"
    )
    columns = [d[0] for d in rows.description]
    return [dict(zip(columns, row, strict=True)) for row in rows]
