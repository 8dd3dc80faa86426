"""Fuzzy quote search: what a half-remembered or misspelled quote finds, and why."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

import db.fuzzy_search as fuzzy_mod
from db.connection import connect
from db.fuzzy_search import expand_terms, fuzzy_highlights, fuzzy_search_counted
from db.ingest import ingest_paths
from db.search import QueryError, SearchHit

ARTICLES = {
    "a.txt": (
        "Ministry briefing\n\n"
        '"Yes... it is engagement," the minister said when asked whether it was the first '
        "engagement between rival troops. "
        "Boeing delivered two aircraft to the air force on Monday. "
        "It is what it is, the general said."
    ),
    "b.txt": (
        "Front line report\n\n"
        'Ukrainian troops "engaged in small scale" with North Korean soldiers, the minister '
        "told KBS TV. "
        "The weather was cold and the roads were closed."
    ),
    "c.txt": (
        "Markets\n\n"
        + " ".join(f"Market prices rose again on day {i} of trading." for i in range(40))
        + " Market prices rose in Ljubljana yesterday after the vote."
    ),
}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> sqlite_utils.Database:
    folder = tmp_path_factory.mktemp("fuzzy")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    database = connect(folder / "f.db")
    ingest_paths(database, [folder], match=False)
    return database


def texts(hits: list[SearchHit]) -> list[str]:
    return [h.text for h in hits]


def test_ranked_by_how_many_query_words_a_statement_holds(db: sqlite_utils.Database) -> None:
    # "Yes, it is engagement" holds one word of three; the troops hold all three.
    hits = fuzzy_search_counted(db, "smal scale engagment", limit=5)[0]
    assert hits[0].text.startswith('Ukrainian troops "engaged in small scale"')
    assert any(t.startswith('"Yes... it is engagement,"') for t in texts(hits[1:]))
    assert hits[0].score > hits[1].score  # the score follows the ranking


def test_function_words_are_not_widened(db: sqlite_utils.Database) -> None:
    fq = expand_terms(db, "the engagment of the troops")
    assert [w.word for w in fq.words] == ["engagment", "troops"]
    # ...unless there is nothing else to look for.
    assert [w.word for w in expand_terms(db, "it is what it is").words] == ["it", "is", "what"]
    hits = fuzzy_search_counted(db, "it is what it is", limit=3)[0]
    assert hits[0].text == "It is what it is, the general said."


def test_a_word_whose_stem_is_short_is_found(db: sqlite_utils.Database) -> None:
    # The index holds "boeing" as its porter stem "boe".
    (word,) = expand_terms(db, "boeing").words
    assert word.stem == "boe" and word.df == 1
    assert texts(fuzzy_search_counted(db, "boeing", limit=1)[0]) == [
        "Boeing delivered two aircraft to the air force on Monday."
    ]


def test_a_rare_word_finds_its_statement_among_common_ones(
    db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Forty statements share "market prices rose"; candidates are few: the rare,
    # misspelled words must choose them.
    monkeypatch.setattr(fuzzy_mod, "FUZZY_CANDIDATES", 5)
    monkeypatch.setattr(fuzzy_mod, "FUZZY_BUDGET", 10)
    hits = fuzzy_search_counted(db, "market prices rose ljubljana yesterdya", limit=3)[0]
    assert hits[0].text == "Market prices rose in Ljubljana yesterday after the vote."


def test_short_words_of_the_text_match_exactly() -> None:
    # "all" is one edit from "small" by ratio, but not what the reader typed.
    text = "Not all of it was small, said the north."
    spans = fuzzy_highlights("not small", text)
    assert [text[s:e] for s, e in spans] == ["Not", "small"]


def test_a_statement_word_stands_for_one_query_word(db: sqlite_utils.Database) -> None:
    # "sale" is close to both "scale" and "smal"; it counts once, so a statement that
    # holds two of the words outranks one holding a word that looks like two.
    path = Path(db.execute("PRAGMA database_list").fetchone()[2])
    other = connect(path.with_name("g.db"))
    folder = path.parent / "g"
    folder.mkdir(exist_ok=True)
    (folder / "g.txt").write_text(
        "Sales\n\nThe sale went ahead on Friday. Small scale farms were sold.\n"
    )
    ingest_paths(other, [folder], match=False)
    hits = fuzzy_search_counted(other, "smal scale", limit=2)[0]
    assert hits[0].text == "Small scale farms were sold."


def test_a_quote_of_unknown_words_finds_nothing_and_a_quote_of_none_is_an_error(
    db: sqlite_utils.Database,
) -> None:
    assert fuzzy_search_counted(db, "qxzvw jjkkq")[0] == []
    with pytest.raises(QueryError, match="nothing to search for"):
        fuzzy_search_counted(db, "!! ?")[0]


def test_pages_of_one_fuzzy_search_follow_each_other(
    db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The statements found do not depend on the page asked for: every word common
    here, the forty holding them all are too few (FUZZY_ENOUGH), so those holding the
    rarest two join them, for a page of 2 as for one of 100."""
    monkeypatch.setattr(fuzzy_mod, "FUZZY_BUDGET", 10)
    query = "market prices day"
    whole, total = fuzzy_search_counted(db, query, limit=100)
    assert total == len(whole) == 41  # not only the forty "day" statements
    assert "Market prices rose in Ljubljana yesterday after the vote." in texts(whole)
    pages = [fuzzy_search_counted(db, query, limit=7, offset=at) for at in range(0, total, 7)]
    assert {n for _hits, n in pages} == {total}
    assert [h.statement_id for hits, _n in pages for h in hits] == [h.statement_id for h in whole]
    assert fuzzy_search_counted(db, query, limit=3, offset=total)[0] == []


def _ingested_in_turn(folder: Path, texts_in_order: list[str]) -> sqlite_utils.Database:
    """A database of one article per text, ingested one after another (statement ids
    grow in that order: the last text's statements are the newest)."""
    database = connect(folder / "w.db")
    for i, text in enumerate(texts_in_order):
        sub = folder / f"a{i}"
        sub.mkdir()
        (sub / f"a{i}.txt").write_text(text, encoding="utf-8")
        ingest_paths(database, [sub], match=False)
    return database


def test_a_very_common_word_is_ranked_among_its_newest_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A quote of a word half the statements hold ("the": more than FUZZY_BUDGET) has its
    candidates ranked by bm25 among its newest FUZZY_RANK_WINDOW matches only: the best
    of the older ones (short, "the" twice) are not candidates, and what is shown is
    ranked as before (a quote with a word rarer than the budget is ranked whole: the
    tests above)."""
    old = "Old news\n\nThe end of the line. The cut of the cloth. The top of the hill."
    new = (
        "New news\n\nPrices rose again on the market in the morning trade today. "
        "Ministers met again in the capital after a long vote on the budget. "
        "Farmers sold more grain at the port this week than in the last one."
    )
    database = _ingested_in_turn(tmp_path, [old, new])
    newest = [
        sid
        for (sid,) in database.execute(
            "SELECT s.id FROM statements s JOIN statements_fts f ON f.rowid = s.id"
            " WHERE statements_fts MATCH 'the' ORDER BY s.id DESC LIMIT 3"
        )
    ]
    whole = fuzzy_search_counted(database, "the", limit=10)[0]
    assert any(h.statement_id not in newest for h in whole)  # every match a candidate
    monkeypatch.setattr(fuzzy_mod, "FUZZY_RANK_WINDOW", 3, raising=False)
    monkeypatch.setattr(fuzzy_mod, "FUZZY_BUDGET", 2)
    hits, total = fuzzy_search_counted(database, "the", limit=10)
    assert total == 3 and sorted(h.statement_id for h in hits) == sorted(newest)
    # Among those, the order is the ranking's, as when every match was a candidate.
    assert [h.statement_id for h in hits] == [
        h.statement_id for h in whole if h.statement_id in newest
    ]


def test_a_common_words_statements_are_counted_up_to_the_rank_window(
    db: sqlite_utils.Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index's count of a word read every posting of it ("the": half a million
    statements, ~35 ms at 1 M): a word is counted up to FUZZY_RANK_WINDOW (and past
    FUZZY_BUDGET), past which it is common whatever its count; a rarer word's is exact."""
    assert expand_terms(db, "market").words[0].df == 42  # the title "Markets" too
    monkeypatch.setattr(fuzzy_mod, "FUZZY_RANK_WINDOW", 3, raising=False)
    monkeypatch.setattr(fuzzy_mod, "FUZZY_BUDGET", 2)  # the cap is past the budget
    (market,) = expand_terms(db, "market").words
    assert market.df == 3
    assert expand_terms(db, "ljubljana").words[0].df == 1
    hits = fuzzy_search_counted(db, "market prices rose ljubljana", limit=1)[0]
    assert hits[0].text == "Market prices rose in Ljubljana yesterday after the vote."
