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

:func:`articles_to_split_again` finds, the same way, the articles an older segmenter
split inside angle brackets ("<J.P. | Morgan and Co>", before version 44): their text is
as stored, so they are not stored again but analysed again (statements replaced, the
article matched again), which the schema step that uses it must do.
"""

from __future__ import annotations

import sqlite3

import sqlite_utils

from db.cleaning import holds_dropped
from db.segment import split_sentences

__all__ = ["articles_to_clean_again", "articles_to_split_again"]


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


def articles_to_split_again(db: sqlite_utils.Database | sqlite3.Connection) -> list[int]:
    """The articles with a sentence holding a ``<`` that the segmenter now ends
    elsewhere (one cut inside angle brackets). Only statements with a ``<`` are read
    again: such a cut always leaves the ``<`` in the statement it ends."""
    conn = db.conn if isinstance(db, sqlite_utils.Database) else db
    found: set[int] = set()
    for article_id, start, end, text in conn.execute(
        "SELECT s.article_id, s.char_start, s.char_end, a.text FROM statements s"
        " JOIN articles a ON a.id = s.article_id"
        " WHERE s.kind = 'sentence' AND instr(s.text, '<') > 0 ORDER BY s.article_id"
    ):
        if article_id in found or not isinstance(text, str):
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        spans = split_sentences(text, line_start, len(text) if line_end < 0 else line_end)
        if (start, end) not in spans:
            found.add(article_id)
    return sorted(found)
