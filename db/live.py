"""Whether another process changed the database, cheaply, for a browser that updates live.

``PRAGMA data_version`` changes on a connection when another connection commits (never
for the connection's own writes): polling it costs no I/O beyond the WAL index, so the
browser can ask every second and read the articles again only when it changed.
"""

from __future__ import annotations

import sqlite_utils


def data_version(db: sqlite_utils.Database) -> int:
    return int(db.execute("PRAGMA data_version").fetchone()[0])


def newest_article_id(db: sqlite_utils.Database) -> int:
    """The highest article id (0 for none): ids grow as articles are added."""
    return int(db.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0])


def articles_added_after(db: sqlite_utils.Database, article_id: int, limit: int) -> list[int]:
    """Ids of the articles added after ``article_id``, newest first, at most ``limit``."""
    return [
        r[0]
        for r in db.execute(
            "SELECT id FROM articles WHERE id > ? ORDER BY id DESC LIMIT ?", (article_id, limit)
        )
    ]


def count_added_after(db: sqlite_utils.Database, article_id: int) -> int:
    return int(
        db.execute("SELECT count(*) FROM articles WHERE id > ?", (article_id,)).fetchone()[0]
    )
