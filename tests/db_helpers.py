"""Helpers the engine's tests share: the matching state of a database, ids left out;
Ctrl-C in the middle of an ingest; another process writing while a match runs."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

import db.ingest as ingest_mod
import db.matching as matching_mod


def ingested_records(path: Path, records: list[dict]) -> Path:
    """A database at ``path`` of ``records`` (written as JSONL beside it), not matched."""
    from db.connection import connect

    data = path.with_suffix(".jsonl")
    data.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = connect(path)
    ingest_mod.ingest_paths(db, [data], match=False)
    db.conn.close()
    return path


def reopened_as_left_by(db: sqlite_utils.Database, version: int) -> sqlite_utils.Database:
    """``db`` stamped with schema ``version``, closed and opened again: the schema's
    steps since that version run, as on a database an older claimlens left."""
    from db.connection import connect, transaction

    with transaction(db) as conn:
        conn.execute(f"PRAGMA user_version = {version}")
    path = db.conn.execute("PRAGMA database_list").fetchone()[2]
    db.conn.close()
    return connect(path)


def ingested_cleaned_without(
    folder: Path, records: list[dict], kept: str | None = None
) -> sqlite_utils.Database:
    """``records`` ingested and matched into ``folder``/news.db (written as JSONL beside
    it). ``kept``: a pattern of :mod:`db.cleaning` (``"_BIDI"``, ``"_INVISIBLE"``) that
    matches nothing meanwhile, so those characters are stored as an older claimlens
    stored them."""
    import re

    from db import cleaning
    from db.connection import connect

    folder.mkdir()
    source = folder / "news.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    db = connect(folder / "news.db")
    with pytest.MonkeyPatch.context() as patch:
        if kept is not None:
            patch.setattr(cleaning, kept, re.compile("(?!)"))
        ingest_mod.ingest_paths(db, [source], match=True)
    return db


def stored_articles(db: sqlite_utils.Database) -> list[tuple[Any, ...]]:
    """Every article as stored, with its source's name and its statements and quotes."""
    out = []
    for article_id, name, title, text, body_start, digest, words in db.execute(
        "SELECT a.id, s.name, a.title, a.text, a.body_start, a.content_hash, a.words"
        " FROM articles a JOIN sources s ON s.id = a.source_id ORDER BY a.key"
    ).fetchall():
        statements = db.execute(
            "SELECT seq, char_start, char_end, kind, text, speaker FROM statements"
            " WHERE article_id = ? ORDER BY seq",
            (article_id,),
        ).fetchall()
        quotes = db.execute(
            "SELECT q.char_start, q.char_end, q.text, q.speaker FROM quotes q JOIN statements s"
            " ON s.id = q.statement_id WHERE s.article_id = ? ORDER BY q.char_start",
            (article_id,),
        ).fetchall()
        out.append((name, title, text, body_start, digest, words, statements, quotes))
    return out


def claim_rows(db: sqlite_utils.Database) -> set[tuple]:
    """Each claim as its members and its stored row (first seen, counts, conflict)."""
    members: dict[int, set[int]] = {}
    for sid, cid in db.execute("SELECT id, claim_id FROM statements WHERE claim_id IS NOT NULL"):
        members.setdefault(cid, set()).add(sid)
    return {
        (frozenset(members[cid]), *row)
        for cid, *row in db.execute(
            "SELECT id, first_statement_id, first_date, n_sources, n_statements, has_conflict"
            " FROM claims"
        )
    }


def interrupt_read_at(monkeypatch: pytest.MonkeyPatch, n: int) -> Callable[[Path], Any]:
    """Make the ingest's ``n``-th file read raise KeyboardInterrupt (Ctrl-C part way).
    Returns the real reader, to put back with ``monkeypatch.setattr``."""
    real = ingest_mod.read_file
    seen = {"n": 0}

    def interrupted_read(path: Path) -> Any:
        seen["n"] += 1
        if seen["n"] == n:
            raise KeyboardInterrupt
        return real(path)

    monkeypatch.setattr(ingest_mod, "read_file", interrupted_read)
    return real


def once_after_scoring(
    monkeypatch: pytest.MonkeyPatch, change: Callable[[], Any]
) -> Callable[[], None]:
    """Run ``change`` (what another process writes) once, after a match has scored and
    before it writes (at ``matching.without_repeated_captions``); returns the call that
    takes the hook away again."""
    scored_then = matching_mod.without_repeated_captions
    done: list[bool] = []

    def meanwhile(*args: Any, **kwargs: Any) -> Any:
        if not done:
            done.append(True)
            change()
        return scored_then(*args, **kwargs)

    monkeypatch.setattr(matching_mod, "without_repeated_captions", meanwhile)
    return lambda: monkeypatch.setattr(matching_mod, "without_repeated_captions", scored_then)


# Two long articles (ten statements each) on one plea, a statement a string (the matcher's
# tests read them as they stand, the upgrade tests joined as a body): the plea's words ("pleads
# guilty", "bribery") come again in most statements, so they are the story's words.
PLEA_A = (
    "Kestle mayor Dana Orr pleads guilty in bribery case",
    "Kestle mayor Dana Orr pleaded guilty on Monday to taking bribes from a builder.",
    "Orr admitted the bribery charges before Judge Ama Lind.",
    "The guilty plea ends a two-year bribery inquiry.",
    "Prosecutors said Orr took cash for city contracts.",
    "Orr will be sentenced in March after the guilty plea.",
    "The builder, Tarn Homes, has not been charged in the bribery case.",
    "Council members called on Orr to resign after the plea.",
    "Orr's lawyer said he regrets his conduct.",
    "The bribery case began with a tip from a clerk.",
)
PLEA_B = (
    "Dana Orr Pleads Guilty To Bribery",
    "The Kestle mayor, Dana Orr, pleaded guilty to bribery in federal court on Monday.",
    "His guilty plea came a week before trial.",
    "Orr faces up to five years for the bribery counts.",
    "Tarn Homes paid Orr for favours, the bribery indictment said.",
    "Orr said nothing as he left court after the plea.",
    "The city will hold an election to replace Orr.",
    "A deputy mayor takes over the bribery-hit office.",
    "Mayor Orr pleaded guilty to bribery, residents heard.",
    "Orr was first elected in 2014.",
)
