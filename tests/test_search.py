"""Word search: the page is ranked as bm25 ranks it, highlighted as FTS5 highlights it
(on a scratch index of the page alone), and filtered without changing either."""

from __future__ import annotations

import pytest
import sqlite_utils

from db.connection import connect
from db.ingest import ingest_paths
from db.search import _CLOSE, _OPEN, build_fts_query, count, parse_highlight, search

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
