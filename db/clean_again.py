"""Articles stored before bidi controls were dropped at ingest, cleaned again.

``db.cleaning`` now leaves Unicode's Bidi_Control characters out of every stored title,
text and source name (a U+202E reversed a terminal's line; one inside a name hid it from
the speaker rules and ``--source``). A database ingested before still holds them. Each
article holding one is read again from what is stored, through the ingest's own path:
its record made by the format readers' one cleaning (``formats._article``), written by
the ingest's writer (``ingest.write_records``: text, hash, statements split again, the
article left unmatched), so that it is stored as a fresh ingest of its file stores it.
Its old statements' matches, keys and claim memberships go with them (cascades); the next
match (``ingest.match_pending``, ``claimlens match --pending``) matches it again and
places it in its story again.
"""

from __future__ import annotations

import sqlite_utils

from db.cleaning import BIDI_CONTROLS
from db.formats import BadInput, RawArticle
from db.formats import _article as record_of
from db.id_chunks import id_chunks
from db.ingest import write_records

__all__ = ["articles_to_clean_again", "clean_again"]

# A GLOB of any text holding a bidi control (SQLite reads a class's ranges as code points).
_HOLDS_BIDI = f"'*[{BIDI_CONTROLS}]*'"


def articles_to_clean_again(db: sqlite_utils.Database) -> list[int]:
    """The articles whose title, text or source's name holds a bidi control."""
    return [
        r[0]
        for r in db.execute(
            "SELECT a.id FROM articles a JOIN sources s ON s.id = a.source_id"
            f" WHERE a.text GLOB {_HOLDS_BIDI} OR a.title GLOB {_HOLDS_BIDI}"
            f" OR s.name GLOB {_HOLDS_BIDI} ORDER BY a.id"
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
    db.execute(
        f"DELETE FROM sources WHERE name GLOB {_HOLDS_BIDI} AND NOT EXISTS"
        " (SELECT 1 FROM articles a WHERE a.source_id = sources.id)"
    )
    return changed
