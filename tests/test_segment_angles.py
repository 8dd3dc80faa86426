"""No sentence ends inside angle brackets closed on its line: news writes names and codes
there (Reuters' "<J.P. Morgan and Co>"), never sentences. Sentences written for the rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlite_utils

from db import segment
from db.check import _resplit
from db.clean_again import articles_to_split_again
from db.connection import connect, transaction
from db.ingest import ingest_paths
from db.segment import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The shares were sold to <K.L. Brandt and Sons> for 12 mln dlrs, the company said.",
        "<R.T. Falk Holdings Inc> said it agreed to buy the mill.",
        "It is owned by <Dr. Pepper Bottling of Ohio Inc>, the filing showed.",
        "Its parent is <HLDG. TX>, a Dallas concern.",
        "The unit of <Acme Corp. Inc> rose two pct, the bank said.",
        "The broker <Yahoo! Trading Co> said volume doubled.",
    ],
)
def test_a_name_in_angle_brackets_keeps_its_sentence_whole(text: str) -> None:
    assert _sentences(text) == [text]


def test_sentences_around_angle_brackets_still_end() -> None:
    text = "Shares of <Borden Co.> rose. The bank bought <T.Q. Lane Inc>. Profits fell."
    assert _sentences(text) == [
        "Shares of <Borden Co.> rose.",
        "The bank bought <T.Q. Lane Inc>.",
        "Profits fell.",
    ]


@pytest.mark.parametrize(
    "text, n",
    [
        ("Rates stayed < 5. The bank > 3 pct held.", 2),  # a less-than sign opens nothing
        ("The ratio was <5. The next figure was 6.", 2),  # never closed on its line
        ("He sold <X. " + "Y " * 40 + "Z>. It rose.", 3),  # the closing is too far
    ],
)
def test_a_less_than_sign_or_an_unclosed_bracket_ends_as_before(text: str, n: int) -> None:
    assert len(_sentences(text)) == n


ARTICLE = {
    "id": "a",
    "source": "Wire",
    "date": "1987-03-04",
    "title": "Brandt unit sold",
    "text": "The shares were sold to <K.L. Brandt and Sons> for 12 mln dlrs, the company"
    " said.\n\nThe buyer, <Lane Inc>, said profits rose.",
}


def _statements(folder: Path, *, as_before: bool) -> sqlite_utils.Database:
    folder.mkdir()
    source = folder / "news.jsonl"
    source.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    db = connect(folder / "news.db")
    with pytest.MonkeyPatch.context() as patch:
        if as_before:  # the segmenter of version 43: no look at angle brackets
            patch.setattr(segment, "inside_angles", lambda *_: False)
        ingest_paths(db, [source], match=False)
    return db


def _rows(db: sqlite_utils.Database) -> list[tuple[object, ...]]:
    return db.execute(
        "SELECT seq, char_start, char_end, text, speaker FROM statements ORDER BY seq"
    ).fetchall()


def test_articles_split_inside_angle_brackets_are_found_to_split_again(tmp_path: Path) -> None:
    old = _statements(tmp_path / "old", as_before=True)
    fresh = _statements(tmp_path / "fresh", as_before=False)
    assert _rows(old) != _rows(fresh)
    assert [r[3] for r in _rows(fresh)][1].startswith("The shares were sold to <K.L. Brandt")
    found = articles_to_split_again(old)
    assert found == [1] and articles_to_split_again(fresh) == []
    with transaction(old) as conn:
        _resplit(conn, found)  # what the upgrade's step does with them
    assert _rows(old) == _rows(fresh)
    assert articles_to_split_again(old) == []


def test_upgrade_from_version_43_splits_again_an_article_cut_inside_angle_brackets(
    tmp_path: Path,
) -> None:
    """Version 44 ends no sentence inside angle brackets: a database left by version 43
    holding such a cut has the 'clean' job due, which stores the article again (its text
    unchanged) split as a fresh ingest splits it."""
    from db.ingest import match_pending
    from db.upgrade import job_due
    from tests.db_helpers import reopened_as_left_by

    old = reopened_as_left_by(_statements(tmp_path / "old", as_before=True), 43)
    fresh = _statements(tmp_path / "fresh", as_before=False)
    assert job_due(old, "clean")
    match_pending(old)
    assert not job_due(old, "clean")
    assert _rows(old) == _rows(fresh)
    hashes = "SELECT content_hash FROM articles ORDER BY key"
    assert old.execute(hashes).fetchall() == fresh.execute(hashes).fetchall()
    assert articles_to_split_again(old) == []
