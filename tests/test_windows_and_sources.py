"""Undated articles get a matching window (a date in their text, else their ingest
day), never every date; a folder named on the command line is one source."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from db import matching
from db.connection import connect
from db.dates import date_in_text
from db.ingest import ingest_paths

DATED = "\n\n".join(
    [
        " date 2019-03-12 Lighthouse keeper rescues stranded kayakers off Skye",
        "Lighthouse keeper Morag Lindqvist rescued four stranded kayakers near Neist Point.",
        "The coastguard said the kayakers had been clinging to rocks for two hours.",
    ]
)
# The same report without a date line: headline, blank line, body.
UNDATED_BODY = [
    "Lighthouse keeper Morag Lindqvist rescued four stranded kayakers near Neist Point.",
    "The coastguard said the kayakers had been clinging to rocks for two hours.",
]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _undated(extra: str = "") -> str:
    return "Kayakers rescued off Skye\n\n" + "\n\n".join([*UNDATED_BODY, extra]).strip() + "\n"


def _matches(db: sqlite_utils.Database, source: str | None = None) -> int:
    """Matches in all, or those with a statement of ``source``."""
    sql = (
        "SELECT count(DISTINCT m.a || ' ' || m.b) FROM matches m"
        " JOIN statements s ON s.id IN (m.a, m.b) JOIN articles a ON a.id = s.article_id"
        " JOIN sources src ON src.id = a.source_id WHERE src.name = ? OR ? IS NULL"
    )
    return int(db.execute(sql, (source, source)).fetchone()[0])


def test_date_in_text_is_the_latest_full_date_not_after_ingest() -> None:
    text = "On 3 March 2019 the boat left; by March 12, 2019 it was found. Trial: 2 May 2031."
    assert date_in_text(text, not_after="2026-01-01T09:00:00") == "2019-03-12"
    assert date_in_text(text) == "2031-05-02"
    assert date_in_text("Jan. 5, 2004 and 2004-01-09 and 1st February 2004") == "2004-02-01"
    # A year or a month alone is no date; an impossible date is none either.
    assert date_in_text("In March 2019, and in 2020, on 2019-13-40.") is None


def test_undated_article_is_not_compared_with_every_date(tmp_path: Path) -> None:
    """Without a date in its text, an undated article is matched as of the day it was
    ingested (today): a 2019 report of the same words is out of its window."""
    db = connect(tmp_path / "w.db")
    ingest_paths(db, [_write(tmp_path / "a.txt", DATED)], source="Wire", match=False)
    ingest_paths(db, [_write(tmp_path / "b.txt", _undated())], source="Daily", match=False)
    matching.match_all(db)
    assert _matches(db) == 0
    # ... also when it arrives incrementally (it matches the other undated copy,
    # ingested today too, but not the 2019 one).
    ingest_paths(db, [_write(tmp_path / "c.txt", _undated())], source="Herald")
    assert _matches(db, "Wire") == 0
    assert _matches(db, "Herald") >= 1


def test_undated_article_with_a_date_in_its_text_is_matched_in_that_window(
    tmp_path: Path,
) -> None:
    db = connect(tmp_path / "w.db")
    ingest_paths(db, [_write(tmp_path / "a.txt", DATED)], source="Wire", match=False)
    dated_in_text = _undated("The rescue happened on 11 March 2019, the coastguard said.")
    ingest_paths(db, [_write(tmp_path / "b.txt", dated_in_text)], source="Daily", match=False)
    matching.match_all(db)
    assert _matches(db) >= 1
    # Incrementally too: a third outlet's undated copy dated in its text.
    wire = _matches(db, "Wire")
    ingest_paths(db, [_write(tmp_path / "c.txt", dated_in_text)], source="Herald")
    assert _matches(db, "Wire") > wire


def test_undated_articles_of_the_same_ingest_day_are_matched(tmp_path: Path) -> None:
    db = connect(tmp_path / "w.db")
    ingest_paths(db, [_write(tmp_path / "b.txt", _undated())], source="Daily", match=False)
    ingest_paths(db, [_write(tmp_path / "c.txt", _undated())], source="Herald", match=False)
    matching.match_all(db)
    assert _matches(db) >= 1


# ------------------------------------------------------------------ folder sources


def _sources(db: sqlite_utils.Database) -> dict[str, str]:
    """file name -> source name of every article."""
    return {
        Path(path).name: name
        for path, name in db.execute(
            "SELECT a.path, s.name FROM articles a JOIN sources s ON s.id = a.source_id"
        )
    }


def _outlet_tree(root: Path) -> None:
    """news/bbc/{business,sport}/… and news/wire/…: one outlet's topic folders."""
    for rel, title in (
        ("news/bbc/business/b1.txt", "Shares rise in Tokyo"),
        ("news/bbc/sport/s1.txt", "Rovers win the cup"),
        ("news/bbc/sport/deeper/s2.txt", "Rovers sign a striker"),
        ("news/wire/w1.txt", "Ferry strike ends"),
    ):
        _write(root / rel, f"{title}\n\nThe body of {title.lower()} says little.\n")


def test_a_named_folder_of_topic_folders_is_one_source(tmp_path: Path) -> None:
    _outlet_tree(tmp_path)
    db = connect(tmp_path / "s.db")
    ingest_paths(db, [tmp_path / "news" / "bbc"], match=False)
    assert _sources(db) == {"b1.txt": "bbc", "s1.txt": "bbc", "s2.txt": "bbc"}


def test_each_named_folder_is_its_own_source(tmp_path: Path) -> None:
    _outlet_tree(tmp_path)
    db = connect(tmp_path / "s.db")
    # The deepest named folder holding a file wins: ``ingest news news/bbc``.
    ingest_paths(db, [tmp_path / "news", tmp_path / "news" / "bbc"], match=False)
    assert _sources(db) == {"b1.txt": "bbc", "s1.txt": "bbc", "s2.txt": "bbc", "w1.txt": "news"}


def test_a_named_file_takes_its_folder_and_source_overrides(tmp_path: Path) -> None:
    _outlet_tree(tmp_path)
    db = connect(tmp_path / "s.db")
    ingest_paths(db, [tmp_path / "news" / "bbc" / "sport" / "s1.txt"], match=False)
    ingest_paths(db, [tmp_path / "news" / "wire"], source="Reuters", match=False)
    assert _sources(db) == {"s1.txt": "sport", "w1.txt": "Reuters"}


def test_a_records_own_source_beats_the_folder(tmp_path: Path) -> None:
    _write(
        tmp_path / "dump" / "2019" / "a.json",
        '{"title": "Ferry strike ends", "text": "The strike ended.", "source": "fox"}',
    )
    _write(
        tmp_path / "dump" / "2019" / "b.json",
        '{"title": "Ferry strike", "text": "It ended.", "url": "https://www.example.org/x"}',
    )
    _write(tmp_path / "dump" / "2019" / "c.json", '{"title": "Ferry", "text": "Over."}')
    db = connect(tmp_path / "s.db")
    ingest_paths(db, [tmp_path / "dump"], match=False)
    assert _sources(db) == {"a.json": "fox", "b.json": "example.org", "c.json": "dump"}


def test_upgrade_matches_undated_articles_again_under_the_new_window(
    tmp_path: Path, monkeypatch
) -> None:
    """Schema 7: undated articles matched against every date (keys of day 0) are
    matched again, as of their own window, by the next pending match."""
    from db.ingest import match_pending
    from db.schema import SCHEMA_VERSION
    from db.upgrade import migrate

    db = connect(tmp_path / "old.db")
    ingest_paths(db, [_write(tmp_path / "a.txt", DATED)], source="Wire", match=False)
    ingest_paths(db, [_write(tmp_path / "b.txt", _undated())], source="Daily", match=False)
    with monkeypatch.context() as m:  # matched the old way: undated = every date
        m.setattr(matching, "undated_days", lambda db, ids: {})
        matching.match_all(db)
    assert _matches(db, "Wire") >= 1
    assert db.execute("SELECT count(*) FROM statement_keys WHERE day = 0").fetchone()[0] > 0
    db.conn.execute("PRAGMA user_version = 6")
    assert migrate(db) == 6 and SCHEMA_VERSION >= 7
    matched = dict(db.execute("SELECT date IS NULL, matched FROM articles"))
    # The undated one waits for matching (step 7); the dated one too, for its figure
    # (step 14: figures of one quantity conflict in more ways).
    assert matched == {1: 0, 0: 0}
    match_pending(db)
    assert _matches(db, "Wire") == 0
    assert db.execute("SELECT count(*) FROM statement_keys WHERE day = 0").fetchone()[0] == 0
