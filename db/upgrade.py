"""Bringing a database to the current schema: the steps of :mod:`db.schema`, run in order,
and the mark of the work a step leaves due.

A step in :data:`db.schema.REGROUP_AT` changes how claims or stories are grouped (or
drops what placing an article reads): every claim and story must be regrouped from the
matches. That took minutes at 100 k articles, so the step does not do it: it marks it
due (a ``regroup`` row in ``due_work``, written in the step's own transaction) and
returns at once. Until the regroup is done, readers show the claims and stories as they
were (consistent rows, only grouped the old way), and :func:`regroup_due` says so;
:mod:`db.regroup` does the work (the next match, ``claimlens regroup``, the browser in
the background) and deletes the row in the same transaction.

This module stays light (the schema only): every command that opens a database imports it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

from db import schema

__all__ = [
    "REGROUP",
    "clear_due",
    "clear_regroup_due",
    "job_due",
    "mark_regroup_due",
    "migrate",
    "regroup_due",
]

REGROUP = "regroup"  # the due_work job: regroup every claim and story from the matches


def migrate(db: sqlite_utils.Database, on_upgrade: Callable[[int], None] | None = None) -> int:
    """Bring ``db`` to :data:`db.schema.SCHEMA_VERSION`; return the version it had before.

    Each step runs in its own IMMEDIATE transaction, so a crash mid-migration
    leaves the database at the previous version, never half-migrated. A step that
    leaves claims and stories to regroup marks it due in that transaction (a new
    database has nothing to regroup). ``on_upgrade(version)`` is called once before
    upgrading an existing database from ``version``.
    """
    found = schema.check_usable(db)
    version = found
    if found and found < schema.SCHEMA_VERSION and on_upgrade is not None:
        on_upgrade(found)
    while version < schema.SCHEMA_VERSION:
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            if schema.user_version(db) != version:
                db.conn.execute("ROLLBACK")
                version = schema.user_version(db)
                continue
            schema.MIGRATIONS[version](db)
            if found and version + 1 in schema.REGROUP_AT:
                mark_regroup_due(db.conn, version + 1)
            db.conn.execute(f"PRAGMA user_version = {version + 1}")
            db.conn.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:  # SQLite may have rolled back already (disk full)
                db.conn.execute("ROLLBACK")
            raise
        version += 1
    schema.check_usable(db)
    return found


def mark_regroup_due(conn: sqlite3.Connection, since: int) -> None:
    """Mark every claim and story due for a regroup (inside the caller's transaction);
    ``since``: the schema version whose step asks for it. A mark already there stays
    (with the oldest version)."""
    schema.mark_due(conn, REGROUP, since)


def job_due(db: sqlite_utils.Database | sqlite3.Connection, job: str) -> bool:
    """Whether a schema step left ``job`` due (a row in ``due_work``). Reads only: a
    read-only connection will do."""
    try:
        row = db.execute("SELECT 1 FROM due_work WHERE job = ?", (job,)).fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):  # a database of an older schema, read as it is
            return False
        raise
    return row is not None


def clear_due(conn: sqlite3.Connection, job: str) -> None:
    """``job`` is done (inside the transaction that did it, or its last one)."""
    conn.execute("DELETE FROM due_work WHERE job = ?", (job,))


def regroup_due(db: sqlite_utils.Database | sqlite3.Connection) -> bool:
    """Whether claims and stories are still grouped as before a schema step that
    regroups them (:mod:`db.regroup` does it)."""
    return job_due(db, REGROUP)


def clear_regroup_due(conn: sqlite3.Connection) -> None:
    """The regroup is done (inside the transaction that did it)."""
    clear_due(conn, REGROUP)
