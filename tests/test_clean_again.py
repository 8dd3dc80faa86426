"""A database ingested before bidi controls were dropped at ingest is stored again as a
fresh ingest stores it (db.ingest.clean_again: the 'clean' job a schema step leaves due)."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from db.clean_again import articles_to_clean_again
from db.connection import transaction
from db.ingest import clean_again, match_pending
from tests.db_helpers import ingested_cleaned_without, reopened_as_left_by, stored_articles

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
    return ingested_cleaned_without(folder, RECORDS, "_BIDI" if as_before else None)


def test_an_article_stored_with_bidi_controls_is_stored_again_as_a_fresh_ingest_stores_it(
    tmp_path: Path,
) -> None:
    old = _ingested(tmp_path / "old", as_before=True)
    fresh = _ingested(tmp_path / "fresh", as_before=False)
    assert stored_articles(old) != stored_articles(fresh)
    found = articles_to_clean_again(old)
    assert len(found) == 1 and articles_to_clean_again(fresh) == []
    with transaction(old):
        assert clean_again(old) == found
    assert articles_to_clean_again(old) == []
    assert stored_articles(old) == stored_articles(fresh)  # text, hash, offsets, speakers, quotes
    (speaker,) = {st[5] for st in stored_articles(old)[0][6] if st[3] != "headline"}
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
    assert stored_articles(old) == stored_articles(fresh)
    relations = "SELECT relation, count(*) FROM matches GROUP BY relation ORDER BY relation"
    assert old.execute(relations).fetchall() == fresh.execute(relations).fetchall()
