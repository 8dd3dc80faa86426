"""A database ingested before bidi controls were dropped at ingest is stored again as a
fresh ingest stores it (db.ingest.clean_again: the 'clean' job a schema step leaves due)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from db import cleaning
from db.clean_again import articles_to_clean_again
from db.connection import connect, transaction
from db.ingest import clean_again, ingest_paths, match_pending
from tests.db_helpers import reopened_as_left_by

R, ISO, P = "\u202e", "\u2066", "\u2069"
RECORDS = [
    {
        "id": "a",
        "source": f"Evil{R} Wire",
        "date": "2024-03-04",
        "title": f"Budget {R}for schools{P} rises",
        "text": f'The schools budget rises to $5 billion, said Jane {ISO}Doe{P}. "We will spend'
        f' every {R}penny on teachers," she said on Monday.',
    },
    {
        "id": "b",
        "source": "Other Post",
        "date": "2024-03-04",
        "title": "Schools budget rises to $5 billion",
        "text": "The schools budget rises to $5 billion, said Jane Doe on Monday.",
    },
]


def _ingested(folder: Path, *, as_before: bool) -> sqlite_utils.Database:
    folder.mkdir()
    source = folder / "news.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    db = connect(folder / "news.db")
    if as_before:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(cleaning, "_BIDI", re.compile("(?!)"))
            ingest_paths(db, [source], match=True)
    else:
        ingest_paths(db, [source], match=True)
    return db


def _stored(db: sqlite_utils.Database) -> list[tuple[Any, ...]]:
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


def test_an_article_stored_with_bidi_controls_is_stored_again_as_a_fresh_ingest_stores_it(
    tmp_path: Path,
) -> None:
    old = _ingested(tmp_path / "old", as_before=True)
    fresh = _ingested(tmp_path / "fresh", as_before=False)
    assert _stored(old) != _stored(fresh)
    found = articles_to_clean_again(old)
    assert len(found) == 1 and articles_to_clean_again(fresh) == []
    with transaction(old):
        assert clean_again(old) == found
    assert articles_to_clean_again(old) == []
    assert _stored(old) == _stored(fresh)  # text, hash, offsets, speakers, quotes
    (speaker,) = {st[5] for st in _stored(old)[0][6] if st[3] != "headline"}
    assert speaker == "Jane Doe"
    names = [r[0] for r in old.execute("SELECT name FROM sources ORDER BY name")]
    assert names == ["Evil Wire", "Other Post"]  # the old name is gone
    assert old.execute("SELECT matched FROM articles WHERE id = ?", found).fetchone()[0] == 0
    match_pending(old)
    relations = "SELECT relation, count(*) FROM matches GROUP BY relation ORDER BY relation"
    assert old.execute(relations).fetchall() == fresh.execute(relations).fetchall()
    assert (
        old.execute("SELECT count(*) FROM stories").fetchone()[0]
        == (fresh.execute("SELECT count(*) FROM stories").fetchone()[0])
    )


def test_upgrade_from_version_39_stores_again_an_article_with_bidi_controls(
    tmp_path: Path,
) -> None:
    """Version 40 drops bidi controls at ingest: a database left by version 39 holding
    them is, once opened and matched, what a fresh ingest gives."""
    old = reopened_as_left_by(_ingested(tmp_path / "old", as_before=True), 39)
    fresh = _ingested(tmp_path / "fresh", as_before=False)
    due = "SELECT job FROM due_work ORDER BY job"
    assert [r[0] for r in old.execute(due)] == ["clean", "regroup", "statements"]
    assert [r[0] for r in fresh.execute(due)] == []
    match_pending(old)  # stores them again first
    assert articles_to_clean_again(old) == []
    assert [r[0] for r in old.execute(due)] == []
    assert _stored(old) == _stored(fresh)
    relations = "SELECT relation, count(*) FROM matches GROUP BY relation ORDER BY relation"
    assert old.execute(relations).fetchall() == fresh.execute(relations).fetchall()
