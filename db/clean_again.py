"""Articles stored before bidi controls were dropped at ingest, cleaned again.

``db.cleaning`` now leaves Unicode's Bidi_Control characters out of every stored title,
text and source name (a U+202E reversed a terminal's line; one inside a name hid it from
the speaker rules and ``--source``). A database ingested before still holds them. Each
article holding one is read again from what is stored, through the ingest's own path:
its record made by the format readers' one cleaning (``formats.article_record``), written by
the ingest's writer (``ingest.write_records``: text, hash, statements split again, the
article left unmatched), so that it is stored as a fresh ingest of its file stores it.
Its old statements' matches, keys and claim memberships go with them (cascades); the next
match (``ingest.match_pending``, ``claimlens match --pending``) matches it again and
places it in its story again.
"""

from __future__ import annotations

import sqlite_utils

from db.cleaning import holds_bidi
from db.formats import BadInput, RawArticle
from db.formats import article_record as record_of
from db.id_chunks import id_chunks
from db.ingest import write_records

__all__ = ["articles_to_clean_again", "clean_again"]


def _holds_bidi_function(db: sqlite_utils.Database) -> None:
    # A regex in Python reads the walk database's 6.2 M characters of text in ~50 ms,
    # where GLOB with a character class took 450 ms and 13 instr() calls 190 ms.
    db.conn.create_function("claimlens_holds_bidi", 1, holds_bidi, deterministic=True)


def articles_to_clean_again(db: sqlite_utils.Database) -> list[int]:
    """The articles whose title, text or source's name holds a bidi control."""
    _holds_bidi_function(db)
    return [
        r[0]
        for r in db.execute(
            "SELECT a.id FROM articles a JOIN sources s ON s.id = a.source_id"
            " WHERE claimlens_holds_bidi(a.text) OR claimlens_holds_bidi(a.title)"
            " OR claimlens_holds_bidi(s.name) ORDER BY a.id"
        )
    ]


def clean_again(db: sqlite_utils.Database, ids: list[int] | None = None) -> list[int]:
    """Store again, inside the caller's transaction (a schema step's), the articles
    ``ids`` (by default :func:`articles_to_clean_again`'s) as the ingest now stores
    them; return the ids of those it changed (now unmatched: matched again by the next
    match). A source's name left with no article once its articles take the cleaned name
    is deleted."""
    ids = articles_to_clean_again(db) if ids is None else ids
    records: list[tuple[str, RawArticle]] = []
    for marks, part in id_chunks(ids):
        for key, source, url, path, title, date, text, body_start in db.execute(
            "SELECT a.key, s.name, a.url, a.path, a.title, a.date, a.text, a.body_start"
            f" FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id IN ({marks})",
            part,
        ):
            body = text[body_start:].lstrip("\n")
            try:
                record = record_of(
                    title=title, body=body, date=date, path=path, source=source, url=url, key=key
                )
            except BadInput:
                continue  # nothing left to store: kept as it is
            records.append((record.source or source, record))
    changed = write_records(db, records)
    _holds_bidi_function(db)
    db.execute(
        "DELETE FROM sources WHERE claimlens_holds_bidi(name) AND NOT EXISTS"
        " (SELECT 1 FROM articles a WHERE a.source_id = sources.id)"
    )
    return changed
