"""The articles a database of an older claimlens stored with characters the ingest now
drops.

``db.cleaning`` now leaves out of every stored title, text and source name Unicode's
Bidi_Control characters (since version 40: a U+202E reversed a terminal's line; one
inside a name hid it from the speaker rules and ``--source``) and the invisible format
characters that split a word (``cleaning.INVISIBLE_FORMAT``: zero-width space, word
joiner, soft hyphen; "\\u200bLena" was no FTS5 token "lena"). A database ingested before
still holds them: a schema step marks the 'clean' job due when one does, and
:func:`db.ingest.clean_again_if_due` (run before the next match) stores each such article
again through the ingest's own path. This module only finds them: it reads no more than
the cleaning rules, so that the schema step may use it.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

from db.cleaning import holds_dropped

__all__ = ["articles_to_clean_again"]


def articles_to_clean_again(db: sqlite_utils.Database | sqlite3.Connection) -> list[int]:
    """The articles whose title, text or source's name holds a character the ingest now
    drops (a bidi control or an invisible format character)."""
    conn = db.conn if isinstance(db, sqlite_utils.Database) else db
    # A regex in Python reads the walk database's 6.2 M characters of text in ~50 ms,
    # where GLOB with a character class took 450 ms and 13 instr() calls 190 ms. The SQL
    # name is the one db.ingest.clean_again's DELETE of emptied sources reads: it now
    # means every character dropped, not only bidi controls.
    conn.create_function("claimlens_holds_bidi", 1, holds_dropped, deterministic=True)
    return [
        r[0]
        for r in conn.execute(
            "SELECT a.id FROM articles a JOIN sources s ON s.id = a.source_id"
            " WHERE claimlens_holds_bidi(a.text) OR claimlens_holds_bidi(a.title)"
            " OR claimlens_holds_bidi(s.name) ORDER BY a.id"
        )
    ]
