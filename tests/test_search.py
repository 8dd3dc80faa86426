"""Word search: the page is ranked as bm25 ranks it, highlighted as FTS5 highlights it
(in the one walk of the statement index that finds a query of few matches, else on a
scratch index of the page alone: the same hits either way), the newest RANK_WINDOW
matches ranked when there are more, and filtered without changing any of it; the plain
read-only connection ``claimlens search`` reads through finds the same and writes
nothing."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

import db.search as search_mod
from db.connection import NoDatabase, OlderSchema, connect, connect_reader, snapshot
from db.fuzzy_search import fuzzy_search_counted
from db.ingest import ingest_paths
from db.schema import SCHEMA_VERSION, SchemaError
from db.search import (
    _CLOSE,
    _OPEN,
    FEW_MATCHES,
    RANK_WINDOW,
    build_fts_query,
    count,
    parse_highlight,
    search,
    search_counted,
)
from tests.tui_fixtures import *  # noqa: F403 (pytest fixtures)
from tui.cli import main

QUERIES = ["prices", "pric*", '"prices rose"', "oil OR vote", "prices -vote", "Ljubljana", "rose"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> sqlite_utils.Database:
    folder = tmp_path_factory.mktemp("search")
    for source, day in (("wire", "2024-03-01"), ("paper", "2024-03-05")):
        (folder / f"{source}.txt").write_text(
            f" date {day} Markets in {source}\n\n"
            + " ".join(f"Oil prices rose again on day {i} of trading." for i in range(30))
            + " Prices rose in Ljubljana after the vote. The vote was close.",
            encoding="utf-8",
        )
    database = connect(folder / "s.db")
    ingest_paths(database, [folder / "wire.txt"], source="wire", match=False)
    ingest_paths(database, [folder / "paper.txt"], source="paper", match=False)
    return database


def by_the_index(db: sqlite_utils.Database, query: str, limit: int) -> list[tuple[int, str]]:
    """The page as FTS5 alone gives it: bm25 order, highlight() of the statement index."""
    rows = db.execute(
        f"SELECT rowid, highlight(statements_fts, 0, '{_OPEN}', '{_CLOSE}')"
        " FROM statements_fts WHERE statements_fts MATCH ? ORDER BY bm25(statements_fts),"
        " rowid DESC LIMIT ?",
        [build_fts_query(query), limit],
    )
    return [(sid, marked) for sid, marked in rows]


@pytest.mark.parametrize("query", QUERIES)
def test_hits_are_ranked_and_highlighted_as_the_index_does(
    db: sqlite_utils.Database, query: str
) -> None:
    hits = search(db, query, limit=10)
    expected = by_the_index(db, query, 10)
    assert [h.statement_id for h in hits] == [sid for sid, _ in expected]
    for hit, (_sid, marked) in zip(hits, expected, strict=True):
        assert (hit.text, hit.highlights) == parse_highlight(marked)
        assert hit.highlights  # every hit shows why it matched
    assert count(db, query) >= len(hits)


def test_filters_choose_the_rows_not_their_order(db: sqlite_utils.Database) -> None:
    every = search(db, "Ljubljana")
    assert {h.source for h in every} == {"wire", "paper"}
    assert [h.source for h in search(db, "Ljubljana", source="PAPER")] == ["paper"]
    assert [h.date for h in search(db, "Ljubljana", since="2024-03-02")] == ["2024-03-05"]
    assert [h.date for h in search(db, "Ljubljana", until="2024-03-01")] == ["2024-03-01"]
    assert count(db, "Ljubljana", source="wire") == 1
    assert count(db, "Ljubljana", since="2024-03-06") == 0


def test_pages_follow_one_another(db: sqlite_utils.Database) -> None:
    first = search(db, "prices", limit=7)
    second = search(db, "prices", limit=7, offset=7)
    assert len(first) == len(second) == 7
    assert not {h.statement_id for h in first} & {h.statement_id for h in second}
    assert [h.score for h in first + second] == sorted(
        (h.score for h in first + second), reverse=True
    )


def test_a_hit_the_scratch_index_does_not_match_comes_unmarked(tmp_path: Path) -> None:
    """The statement index out of date (``claimlens check`` reports it): a hit it still
    gives is shown, with no highlight, rather than dropped."""
    (tmp_path / "a.txt").write_text("Prices rose in Ljubljana.", encoding="utf-8")
    stale = connect(tmp_path / "stale.db")
    ingest_paths(stale, [tmp_path / "a.txt"], match=False)
    (sid,) = stale.execute("SELECT id FROM statements").fetchone()
    # The text changed behind the index's back (its triggers bypassed).
    stale.execute("DROP TRIGGER statements_au")
    stale.execute("UPDATE statements SET text = 'Out of date.' WHERE id = ?", [sid])
    hit = search(stale, "Ljubljana")[0]
    assert (hit.statement_id, hit.text, hit.highlights) == (sid, "Out of date.", [])


# --- one walk: every match ranked, or the newest RANK_WINDOW; the first highlighted -----------


@pytest.fixture(scope="module")
def harbour(tmp_path_factory: pytest.TempPathFactory) -> sqlite_utils.Database:
    """Three articles of 70 statements: "harbour" and "crane" match all 210, the phrase
    "harbour crane" 105, "cargo" (every 14th) 15; many ties in bm25."""
    folder = tmp_path_factory.mktemp("harbour")
    for n, source in enumerate(("wire", "paper", "radio")):
        sentences = [
            f"The harbour crane {i} moved {'cargo' if i % 7 == 0 else 'steel'} on day {n}."
            if i % 2
            else f"Harbour workers met on day {i} about the crane."
            for i in range(70)
        ]
        (folder / f"{source}.txt").write_text(
            f" date 2024-03-0{n + 1} Harbour news {n}\n\n" + " ".join(sentences),
            encoding="utf-8",
        )
    database = connect(folder / "h.db")
    for source in ("wire", "paper", "radio"):
        ingest_paths(database, [folder / f"{source}.txt"], source=source, match=False)
    return database


HARBOUR_QUERIES = [
    "harbour",
    "crane",
    "cargo",
    '"harbour crane"',
    "harb*",
    "steel OR cargo",
    "cargo day",
    "crane -cargo",
    "nothing",
    '"crane harbour"',
]
PAGES = [(20, 0), (20, 20), (7, 3), (100, 0), (10, 95), (10, 205), (5, 400)]


def reference(
    db: sqlite_utils.Database, query: str, limit: int, offset: int, window: int
) -> tuple[list[tuple[int, float, str, list[tuple[int, int]]]], int]:
    """The page as the documented rule says, computed the plain way: every match with its
    bm25 and highlight() from the statement index, the newest ``window`` of them kept,
    ranked by bm25 with ties newest first; and how many match."""
    rows = db.execute(
        f"SELECT rowid, bm25(statements_fts), highlight(statements_fts, 0, '{_OPEN}', '{_CLOSE}')"
        " FROM statements_fts WHERE statements_fts MATCH ?",
        [build_fts_query(query)],
    ).fetchall()
    kept = sorted(rows, reverse=True)[:window]
    kept.sort(key=lambda row: (row[1], -row[0]))
    page = [(sid, -rank, *parse_highlight(marked)) for sid, rank, marked in kept]
    return page[offset : offset + limit], len(rows)


@pytest.mark.parametrize("query", HARBOUR_QUERIES)
@pytest.mark.parametrize(
    ("few", "window"),
    [
        (None, RANK_WINDOW),  # as shipped: the walk highlights "cargo" whole, not "harbour"
        (0, RANK_WINDOW),  # the walk highlights one match: pages from the scratch index
        (10, 100),  # a window smaller than some queries' matches, larger than others'
        (5, 30),  # a window smaller than most queries' matches
        (None, 40),  # as shipped, with a window some queries pass
    ],
)
def test_every_way_finds_the_reference_page(
    harbour: sqlite_utils.Database,
    query: str,
    few: int | None,
    window: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ids, order, scores, texts and highlights as :func:`reference` has them, whichever
    way the query is answered, at every page; the total as ``count`` has it. With a
    filter every article passes (the windowed way with joins), the same pages."""
    if few is not None:
        monkeypatch.setattr(search_mod, "FEW_MATCHES", {True: few, False: few})
    monkeypatch.setattr(search_mod, "RANK_WINDOW", window)
    total = count(harbour, query)
    for limit, offset in PAGES:
        hits, counted = search_counted(harbour, query, limit=limit, offset=offset)
        expected, matches = reference(harbour, query, limit, offset, window)
        got = [(h.statement_id, h.score, h.text, h.highlights) for h in hits]
        assert got == expected
        assert counted == matches == total
        assert all(h.highlights for h in hits)  # every hit shows why it matched
        assert search(harbour, query, limit=limit, offset=offset) == hits
        filtered = search(harbour, query, since="2000-01-01", limit=limit, offset=offset)
        assert filtered == hits


@pytest.mark.parametrize("past", [-1, 0, 1])
@pytest.mark.parametrize("few", [0, 5])
def test_a_window_of_about_the_matches_ranks_as_the_reference(
    harbour: sqlite_utils.Database, few: int, past: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Matches one more than the window, as many, one fewer: the edges of "every match
    is ranked" and of a count known from the walk."""
    query = '"harbour crane"'
    total = count(harbour, query)
    monkeypatch.setattr(search_mod, "FEW_MATCHES", {True: few, False: few})
    monkeypatch.setattr(search_mod, "RANK_WINDOW", total - past)
    for limit, offset in ((20, 0), (10, total - 5)):
        hits, counted = search_counted(harbour, query, limit=limit, offset=offset)
        expected, matches = reference(harbour, query, limit, offset, total - past)
        assert [(h.statement_id, h.score, h.text, h.highlights) for h in hits] == expected
        assert counted == matches == total


def test_each_connection_counts_its_own_walks(harbour: sqlite_utils.Database) -> None:
    """The walk's counter (which rows it highlights, how many matches it read) is the
    connection's own: searches running meanwhile on other connections, in other threads,
    change neither the hits nor the counts."""
    expected = {
        (query, limit, offset): reference(harbour, query, limit, offset, RANK_WINDOW)
        for query in HARBOUR_QUERIES
        for limit, offset in PAGES
    }
    failures: list[str] = []

    def reader_loop() -> None:
        reader = connect_reader(_path(harbour))
        try:
            for _ in range(15):
                for (query, limit, offset), (page, matches) in expected.items():
                    hits, counted = search_counted(reader, query, limit=limit, offset=offset)
                    got = [(h.statement_id, h.score, h.text, h.highlights) for h in hits]
                    if got != page or counted != matches:
                        failures.append(f"{query!r} {limit} {offset}: {counted} vs {matches}")
        finally:
            reader.close()

    threads = [threading.Thread(target=reader_loop) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert len(search_mod._COUNTERS) >= 1


def test_the_shipped_settings_take_both_ways(harbour: sqlite_utils.Database) -> None:
    """Some of the fixture's queries are highlighted whole by the walk, others need
    the scratch index."""
    narrow = {q: search_mod._parse_query(q)[1] for q in HARBOUR_QUERIES}
    assert narrow["cargo day"] and narrow['"harbour crane"'] and not narrow["steel OR cargo"]
    assert not narrow["harbour"] and not narrow["harb*"]
    counts = {q: count(harbour, q) for q in HARBOUR_QUERIES}
    assert any(0 < counts[q] <= FEW_MATCHES[narrow[q]] for q in HARBOUR_QUERIES)
    assert any(counts[q] > FEW_MATCHES[narrow[q]] for q in HARBOUR_QUERIES)


# --- the plain read-only connection of `claimlens search` ------------------------------------


def _path(db: sqlite_utils.Database) -> Path:
    return Path(db.execute("PRAGMA database_list").fetchone()[2])


def test_the_reader_finds_what_the_app_finds_and_writes_nothing(
    db: sqlite_utils.Database,
) -> None:
    reader = connect_reader(_path(db))
    for query in QUERIES:
        assert [h.as_dict() for h in search(reader, query, limit=10)] == [
            h.as_dict() for h in search(db, query, limit=10)
        ]
        assert count(reader, query, source="wire") == count(db, query, source="wire")
    assert [
        h.as_dict() for h in fuzzy_search_counted(reader, "oil prics rose in ljubljana")[0]
    ] == [h.as_dict() for h in fuzzy_search_counted(db, "oil prics rose in ljubljana")[0]]
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader.execute("DELETE FROM statements")
    reader.close()


def test_the_reader_opens_only_a_current_claimlens_database(tmp_path: Path) -> None:
    with pytest.raises(NoDatabase):
        connect_reader(tmp_path / "missing" / "none.db")
    assert not (tmp_path / "missing").exists()
    (tmp_path / "notes.db").write_text("not a database at all, just some text " * 50)
    with pytest.raises(SchemaError, match="not an SQLite database"):
        connect_reader(tmp_path / "notes.db")
    older = connect(tmp_path / "older.db")
    older.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    older.conn.close()
    with pytest.raises(OlderSchema, match=r"older\.db"):
        connect_reader(tmp_path / "older.db")
    newer = connect(tmp_path / "newer.db")
    newer.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    newer.conn.close()
    with pytest.raises(SchemaError, match="newer than this claimlens"):
        connect_reader(tmp_path / "newer.db")


@pytest.mark.parametrize("name", ["a #b?c%d é.db", "x%3F.db", "plain.db"])
def test_the_reader_opens_a_file_whose_name_means_something_in_a_uri(
    db: sqlite_utils.Database, tmp_path: Path, name: str
) -> None:
    """The read-only URI is built by hand (no pathlib): '#', '?' and '%' stay in the name."""
    folder = tmp_path / "a folder?"
    folder.mkdir()
    db.conn.backup(sqlite3.connect(folder / name))
    reader = connect_reader(folder / name)
    assert reader.execute("PRAGMA database_list").fetchone()[2] == str(folder / name)
    assert [h.as_dict() for h in search(reader, "Ljubljana")] == [
        h.as_dict() for h in search(db, "Ljubljana")
    ]
    # nothing opened (or created) under a name cut at '#' or '?', or decoded from '%3F'
    assert {p.name for p in folder.iterdir()} <= {name, f"{name}-wal", f"{name}-shm"}
    reader.close()


def test_search_upgrades_an_older_database_first(db: sqlite_utils.Database, tmp_path: Path) -> None:
    path = tmp_path / "older.db"
    db.conn.backup(sqlite3.connect(path))
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    result = CliRunner().invoke(main, ["--db", str(path), "search", "Ljubljana"])
    assert result.exit_code == 0, result.output
    assert f"upgrading {path} from schema version {SCHEMA_VERSION - 1}" in result.output
    assert "Prices rose in Ljubljana after the vote." in result.output
    assert connect_reader(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_search_reads_one_state_of_the_database(tmp_path: Path) -> None:
    """What another process commits in the middle of a search (between its page and
    the page's rows, or before the total) is seen by the next search, not half of it."""
    (tmp_path / "a.txt").write_text("Prices rose in Ljubljana.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Prices fell in Ljubljana.", encoding="utf-8")
    writer = connect(tmp_path / "w.db")
    ingest_paths(writer, [tmp_path / "a.txt"], match=False)
    reader = connect_reader(tmp_path / "w.db")
    with snapshot(reader):
        before = count(reader, "Ljubljana")
        ingest_paths(writer, [tmp_path / "b.txt"], match=False)
        assert count(reader, "Ljubljana") == before == 1
        assert len(search(reader, "Ljubljana")) == 1
    assert count(reader, "Ljubljana") == len(search(reader, "Ljubljana")) == 2


def test_word_and_fuzzy_search_keep_to_the_browsers_filters(demo_db: Path) -> None:
    """The browser searches within its filters (source, dates, the articles quoting a
    speaker): counted and listed alike, for a word search and a fuzzy one."""
    database = connect(demo_db)
    everywhere, total = search_counted(database, "troops", limit=50)
    assert {h.source for h in everywhere} == {"Source A", "Source B"}
    for filters, sources in (
        ({"speaker": "Pat Ryder"}, {"Source B"}),  # quoted in Source B only
        ({"since": "2024-11-06"}, {"Source A"}),
        ({"until": "2024-11-05", "speaker": "Rustem Umerov"}, {"Source B"}),
    ):
        hits, n = search_counted(database, "troops", limit=50, **filters)
        assert {h.source for h in hits} == sources and n == len(hits) < total, filters
        assert count(database, "troops", **filters) == n
        assert search(database, "troops", limit=50, **filters) == hits
        fuzzy = fuzzy_search_counted(database, "north korean troops", limit=50, **filters)[0]
        assert fuzzy and {h.source for h in fuzzy} == sources, filters
