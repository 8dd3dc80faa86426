"""Statements read again after a schema step that reads them otherwise: their speakers
(version 16) and their numbers (version 17).

Speakers and numbers are found when an article is ingested (db.statements) and
stored with its statements. When the rules change, a schema step marks the job due
(a ``statements`` row in ``due_work``) and returns at once;
:func:`read_statements_again` does it before the next match
(:func:`db.ingest.match_pending`, ``claimlens match``): each article is analysed
again and only the speaker columns, the numbers and (when quotations are found
otherwise, version 26) the quotes are written, so a database matches as a fresh
ingest of the same files would; the articles whose statements' speakers, numbers or
quotes changed are matched again (``matched = 0``). An article whose
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
from db.schema import STATEMENTS_JOB
from db.statements import NUMBER_INSERT, QUOTE_INSERT, analyse_verified, statement_rows
from db.upgrade import clear_due, job_due

__all__ = ["read_statements_again", "statements_due"]

# Articles analysed and written per transaction (a reader waits for none of them long).
BATCH = 400


def statements_due(db: sqlite_utils.Database | sqlite3.Connection) -> bool:
    """Whether the stored speakers and numbers are still those of the rules before a
    schema step."""
    return job_due(db, STATEMENTS_JOB)


def read_statements_again(
    db: sqlite_utils.Database, progress: Callable[[str, int, int], None] | None = None
) -> int:
    """Give every article's statements and quotes the speakers and numbers the rules
    now find, if a schema step left that due; the number of statements whose speaker
    or numbers changed."""
    if not statements_due(db):
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
            progress("statements", min(len(ids), (done + 1) * BATCH), len(ids))
    with transaction(db) as conn:
        clear_due(conn, STATEMENTS_JOB)
    return changed


def _read_again(conn: Any, aid: int, text: str, body_start: int) -> int:
    """Write one article's speakers, numbers and quotes as the rules now find them; its
    statements whose speaker, numbers or quotes changed (the article is then matched
    again)."""
    statements = analyse_verified(text, body_start)
    if isinstance(statements, str):
        return 0
    srows, qrows, nrows = statement_rows(statements)
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
    changed: set[int] = set()
    for (*_row, speaker), span in zip(srows, spans, strict=True):
        sid, old = stored[span]
        if old != speaker:
            conn.execute("UPDATE statements SET speaker = ? WHERE id = ?", (speaker, sid))
            changed.add(sid)
    changed |= _numbers_again(conn, aid, [stored[span][0] for span in spans], nrows)
    quotes = {
        (sid, start, end): (qid, tuple(speaker))
        for qid, sid, start, end, *speaker in conn.execute(
            "SELECT q.id, q.statement_id, q.char_start, q.char_end, q.speaker, q.speaker_start,"
            " q.speaker_end, q.speaker_kind, q.speaker_key FROM quotes q JOIN statements s"
            " ON s.id = q.statement_id WHERE s.article_id = ?",
            (aid,),
        )
    }
    new = [(stored[spans[seq]][0], *row) for seq, *row in qrows]
    if {row[:3] for row in new} == set(quotes):
        for sid, start, end, _text, *speaker in new:
            qid, old_speaker = quotes[(sid, start, end)]
            if old_speaker != tuple(speaker):
                conn.execute(
                    "UPDATE quotes SET speaker = ?, speaker_start = ?, speaker_end = ?,"
                    " speaker_kind = ?, speaker_key = ? WHERE id = ?",
                    (*speaker, qid),
                )
    else:
        # Quotations found otherwise (one whose closing mark was lost ends before the
        # sentence that introduces the next): the article's quotes are written again.
        conn.execute(
            "DELETE FROM quotes WHERE statement_id IN"
            " (SELECT id FROM statements WHERE article_id = ?)",
            (aid,),
        )
        conn.executemany(QUOTE_INSERT, new)
        changed |= {key[0] for key in set(quotes) ^ {row[:3] for row in new}}
    if changed:
        conn.execute("UPDATE articles SET matched = 0 WHERE id = ?", (aid,))
    return len(changed)


def _numbers_again(conn: Any, aid: int, sids: list[int], nrows: list[tuple]) -> set[int]:
    """Write the numbers of the statements ``sids`` (in the article's order) whose
    numbers the rules now read otherwise (``nrows``: :func:`db.statements.statement_rows`'
    numbers); those statements."""
    found: dict[int, list[tuple]] = {}
    for seq, *row in nrows:
        found.setdefault(sids[seq], []).append(tuple(row))
    stored: dict[int, list[tuple]] = {}
    for sid, *row in conn.execute(
        "SELECT n.statement_id, n.char_start, n.char_end, n.raw, n.value, n.unit, n.qualifier"
        " FROM numbers n JOIN statements s ON s.id = n.statement_id WHERE s.article_id = ?"
        " ORDER BY n.statement_id, n.char_start",
        (aid,),
    ):
        stored.setdefault(sid, []).append(tuple(row))
    changed = {sid for sid in sids if found.get(sid, []) != stored.get(sid, [])}
    for sid in sorted(changed):
        conn.execute("DELETE FROM numbers WHERE statement_id = ?", (sid,))
        conn.executemany(NUMBER_INSERT, [(sid, *row) for row in found.get(sid, [])])
    return changed
