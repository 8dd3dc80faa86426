"""The statement index compacted after a bulk ingest (FTS5's 'optimize': its segments
merged into one): only after an ingest of many statements that are a good share of the
index, never after a small one, and the index answers every query as before, through
later replacements too."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

import db.search as search_mod
from db.connection import connect
from db.ingest import ingest_paths
from db.search import compaction_wanted, search_counted

QUERIES = [
    "harbour",
    "crane",
    "cargo",
    '"harbour crane"',
    "harb*",
    "steel OR cargo",
    "cargo day",
    "crane -cargo",
    "grain",
    "nothing",
]
PAGES = [(20, 0), (7, 3), (100, 0), (10, 95)]


def _write(folder: Path, n: int, word: str = "cargo") -> Path:
    sentences = [
        f"The harbour crane {i} moved {word if i % 7 == 0 else 'steel'} on day {n}."
        if i % 2
        else f"Harbour workers met on day {i} about the crane."
        for i in range(60)
    ]
    path = folder / f"news{n}.txt"
    path.write_text(f" date 2024-03-{n + 1:02d} Harbour news {n}\n\n" + " ".join(sentences))
    return path


def _segments(db: sqlite_utils.Database) -> int:
    """How many segments the statement index has (each has rows in its page index)."""
    return db.execute("SELECT count(DISTINCT segid) FROM statements_fts_idx").fetchone()[0]


def _build(folder: Path, compact: bool, monkeypatch: pytest.MonkeyPatch) -> sqlite_utils.Database:
    """Six articles ingested one by one (a segment each), then two more in one ingest,
    compacted after it when ``compact`` (the rule's thresholds lowered to this size)."""
    folder.mkdir()
    db = connect(folder / "h.db")
    monkeypatch.setattr(search_mod, "COMPACT_MIN_STATEMENTS", 10**9)
    for n in range(6):
        ingest_paths(db, [_write(folder, n)], source=f"wire{n % 3}", match=False)
    if compact:
        monkeypatch.setattr(search_mod, "COMPACT_MIN_STATEMENTS", 50)
    bulk = [_write(folder, n) for n in (6, 7)]
    ingest_paths(db, bulk, source="bulk", match=False)
    return db


def _answers(db: sqlite_utils.Database) -> list[object]:
    return [
        ([h.as_dict() for h in hits], total)
        for query in QUERIES
        for limit, offset in PAGES
        for hits, total in [search_counted(db, query, limit=limit, offset=offset)]
    ]


def _sound(db: sqlite_utils.Database) -> None:
    """FTS5's own check of the index against the statements it indexes (raises if not)."""
    db.execute("INSERT INTO statements_fts(statements_fts, rank) VALUES ('integrity-check', 1)")


def test_a_compacted_index_answers_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = _build(tmp_path / "kept", False, monkeypatch)
    compacted = _build(tmp_path / "compacted", True, monkeypatch)
    assert _segments(kept) > 1
    assert _segments(compacted) == 1
    _sound(compacted)
    assert _answers(compacted) == _answers(kept)
    # Later writes (an article replaced: its statements deleted and written again, with
    # another word) land in the compacted index as in the other.
    for db, folder in ((kept, tmp_path / "kept"), (compacted, tmp_path / "compacted")):
        ingest_paths(db, [_write(folder, 3, word="grain")], source="wire0", match=False)
    _sound(compacted)
    assert _answers(compacted) == _answers(kept)
    assert search_counted(compacted, "grain")[1] == 4  # the new word: sentences 7, 21, 35, 49
    assert _segments(compacted) > 1  # a small ingest is not compacted


def test_only_a_bulk_ingest_compacts() -> None:
    conn = sqlite3.connect(":memory:")  # an index of 100,000 statements, as counted
    conn.execute("CREATE TABLE statements (id INTEGER PRIMARY KEY)")
    conn.execute(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)"
        " INSERT INTO statements SELECT i FROM n"
    )
    minimum = search_mod.COMPACT_MIN_STATEMENTS
    # A follow-feed batch: a few hundred statements, whatever the index's size.
    assert not compaction_wanted(conn, 300)
    # Many statements, but a small share of a big index: the rewrite costs too much.
    assert not compaction_wanted(conn, minimum)
    assert not compaction_wanted(conn, 24_999)
    # A quarter of the index or more, and at least the minimum.
    assert compaction_wanted(conn, 25_000)
    assert compaction_wanted(conn, 100_000)
