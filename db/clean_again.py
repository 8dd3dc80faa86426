"""The articles a database of an older claimlens stored with bidi controls.

``db.cleaning`` now leaves Unicode's Bidi_Control characters out of every stored title,
text and source name (a U+202E reversed a terminal's line; one inside a name hid it from
the speaker rules and ``--source``). A database ingested before still holds them: the
schema step to version 40 marks the 'clean' job due when one does, and
:func:`db.ingest.clean_again_if_due` (run before the next match) stores each such article
again through the ingest's own path. This module only finds them: it reads no more than
the cleaning rules, so that the schema step may use it.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

from db.cleaning import holds_bidi

__all__ = ["articles_to_clean_again"]


def articles_to_clean_again(db: sqlite_utils.Database | sqlite3.Connection) -> list[int]:
    """The articles whose title, text or source's name holds a bidi control."""
    conn = db.conn if isinstance(db, sqlite_utils.Database) else db
    # A regex in Python reads the walk database's 6.2 M characters of text in ~50 ms,
    # where GLOB with a character class took 450 ms and 13 instr() calls 190 ms.
    conn.create_function("claimlens_holds_bidi", 1, holds_bidi, deterministic=True)
    return [
        r[0]
        for r in conn.execute(
            "SELECT a.id FROM articles a JOIN sources s ON s.id = a.source_id"
            " WHERE claimlens_holds_bidi(a.text) OR claimlens_holds_bidi(a.title)"
            " OR claimlens_holds_bidi(s.name) ORDER BY a.id"
        )
    ]
