"""Speakers read again after a schema step that finds them otherwise (version 16).

Speakers are found when an article is ingested (db.statements) and stored with its
statements and quotes. When the rules change, a schema step marks the job due (a
``speakers`` row in ``due_work``) and returns at once; :func:`read_speakers_again`
does it before the next match (:func:`db.ingest.match_pending`, ``claimlens
match``): each article is analysed again and only the speaker columns are written,
so a database matches as a fresh ingest of the same files would; the articles whose
statements' speakers changed are matched again (``matched = 0``). An article whose
statements now come out with other offsets keeps its rows as they are. The row is
deleted when every article is done; an interrupted run starts over (it writes
nothing twice).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import sqlite_utils

from db.connection import transaction
from db.id_chunks import id_chunks
from db.schema import SPEAKERS_JOB
from db.statements import analyse_verified, statement_rows
from db.upgrade import clear_due, job_due

__all__ = ["read_speakers_again", "speakers_due"]

# Articles analysed and written per transaction (a reader waits for none of them long).
BATCH = 400


def speakers_due(db: sqlite_utils.Database | sqlite3.Connection) -> bool:
    """Whether the stored speakers are still those of the rules before a schema step."""
    return job_due(db, SPEAKERS_JOB)


def read_speakers_again(
    db: sqlite_utils.Database, progress: Callable[[str, int, int], None] | None = None
) -> int:
    """Give every article's statements and quotes the speakers the rules now find, if
    a schema step left that due; the number of statements whose speaker changed."""
    if not speakers_due(db):
        return 0
    ids = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
    changed = 0
    for done, (marks, chunk) in enumerate(id_chunks(ids, BATCH)):
        with transaction(db) as conn:
            rows = conn.execute(
                f"SELECT id, text, body_start FROM articles WHERE id IN ({marks})", chunk
            ).fetchall()
            for aid, text, body_start in rows:
                changed += _read_again(conn, aid, text, body_start)
        if progress is not None:
            progress("speakers", min(len(ids), (done + 1) * BATCH), len(ids))
    with transaction(db) as conn:
        clear_due(conn, SPEAKERS_JOB)
    return changed


def _read_again(conn: Any, aid: int, text: str, body_start: int) -> int:
    """Write one article's speakers as the rules now find them; its statements whose
    speaker changed (the article is then matched again)."""
    statements = analyse_verified(text, body_start)
    if isinstance(statements, str):
        return 0
    srows, qrows, _numbers = statement_rows(statements)
    stored = {
        (start, end): (sid, speaker)
        for sid, start, end, speaker in conn.execute(
            "SELECT id, char_start, char_end, speaker FROM statements WHERE article_id = ?",
            (aid,),
        )
    }
    spans = [(r[1], r[2]) for r in srows]
    if len(stored) != len(srows) or any(span not in stored for span in spans):
        return 0  # segmented otherwise than when it was stored: kept as it is
    changed = 0
    for (*_row, speaker), span in zip(srows, spans, strict=True):
        sid, old = stored[span]
        if old != speaker:
            conn.execute("UPDATE statements SET speaker = ? WHERE id = ?", (speaker, sid))
            changed += 1
    quotes = {
        (sid, start, end): (qid, tuple(speaker))
        for qid, sid, start, end, *speaker in conn.execute(
            "SELECT q.id, q.statement_id, q.char_start, q.char_end, q.speaker, q.speaker_start,"
            " q.speaker_end, q.speaker_kind, q.speaker_key FROM quotes q JOIN statements s"
            " ON s.id = q.statement_id WHERE s.article_id = ?",
            (aid,),
        )
    }
    for seq, start, end, _text, *speaker in qrows:
        found = quotes.get((stored[spans[seq]][0], start, end))
        if found is not None and found[1] != tuple(speaker):
            conn.execute(
                "UPDATE quotes SET speaker = ?, speaker_start = ?, speaker_end = ?,"
                " speaker_kind = ?, speaker_key = ? WHERE id = ?",
                (*speaker, found[0]),
            )
    if changed:
        conn.execute("UPDATE articles SET matched = 0 WHERE id = ?", (aid,))
    return changed
