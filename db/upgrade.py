"""Bringing a database to the current schema: the steps of :mod:`db.schema`, run in order.

The schema module only defines tables and steps; running them is here, because a
step may have to regroup every claim and story (:data:`db.schema.REGROUP_AT`),
which is the engine's work (:mod:`db.claims`, :mod:`db.stories`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

from db import schema

__all__ = ["migrate"]


def migrate(db: sqlite_utils.Database, on_upgrade: Callable[[int], None] | None = None) -> int:
    """Bring ``db`` to :data:`db.schema.SCHEMA_VERSION`; return the version it had before.

    Each step runs in its own IMMEDIATE transaction, so a crash mid-migration
    leaves the database at the previous version, never half-migrated.
    ``on_upgrade(version)`` is called once before upgrading an existing database
    from ``version`` (some steps regroup every claim: tens of seconds on a large one).
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
            if version + 1 in schema.REGROUP_AT:
                # Imported here: only such an upgrade needs the grouping engine, and
                # importing it would slow the start-up of every command that opens a
                # database (claimlens search).
                from db.claims import rebuild_claims
                from db.stories import rebuild_stories

                rebuild_claims(db.conn)
                rebuild_stories(db.conn)
            db.conn.execute(f"PRAGMA user_version = {version + 1}")
            db.conn.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:  # SQLite may have rolled back already (disk full)
                db.conn.execute("ROLLBACK")
            raise
        version += 1
    schema.check_usable(db)
    return found
