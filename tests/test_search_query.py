"""User queries become safe FTS5 syntax: hostile input is words, never operators."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.search import QueryError, build_fts_query, operator_hint, parse_highlight


@pytest.mark.parametrize(
    ("query", "fts"),
    [
        ("Umerov", '"Umerov"'),
        ("north korean", '"north" AND "korean"'),
        ('"small group"', '"small group"'),
        ("troop*", '"troop"*'),
        ("Kursk OR Kyiv", '("Kursk" OR "Kyiv")'),
        ("Umerov -KBS", '("Umerov") NOT "KBS"'),
        ("U.S.", '"U S"'),
        ("col:x", '"col x"'),
        ('"unbalanced', '"unbalanced"'),
        ("NEAR(a b)", '"NEAR a" AND "b"'),
        ("AND OR Umerov", '("AND" OR "Umerov")'),
        ("OR", '"OR"'),
        # An OR at either end stands between nothing: left out alike (QA: "OR wall" was
        # searched as two words, "wall OR" as one).
        ("OR Kursk", '"Kursk"'),
        ("Kursk OR", '"Kursk"'),
        ("OR Kursk Kyiv", '"Kursk" AND "Kyiv"'),
    ],
)
def test_translation(query: str, fts: str) -> None:
    assert build_fts_query(query) == fts


@given(st.text(st.characters(categories=("L", "N")), min_size=1, max_size=30))
def test_one_word_reads_as_the_general_parser_reads_it(query: str) -> None:
    """A query of one plain word skips the parser (the commonest query); the general
    parser, forced by a trailing space, gives the same expression."""
    assert query.isalnum()
    assert build_fts_query(query) == build_fts_query(query + " ") == f'"{query}"'


@pytest.mark.parametrize("query", ["", "   ", "*", "()", '"', "-", ":", "^"])
def test_nothing_searchable_is_a_clear_error(query: str) -> None:
    with pytest.raises(QueryError, match="nothing to search for"):
        build_fts_query(query)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("-trump", "a search needs at least one word to include; -trump only excludes"),
        ('-trump -"border wall"', '-trump -"border wall" only exclude'),
    ],
)
def test_a_query_that_only_excludes_says_a_word_to_include_is_needed(
    query: str, message: str
) -> None:
    """QA finding 10: ``-trump`` was told "nothing to search for: type at least one word"."""
    with pytest.raises(QueryError) as caught:
        build_fts_query(query)
    assert message in str(caught.value)


@given(st.text(max_size=200))
def test_any_text_gives_valid_fts_or_query_error(query: str) -> None:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(text)")
    conn.execute("INSERT INTO t VALUES ('north korean troops in kursk')")
    try:
        fts = build_fts_query(query)
    except QueryError:
        return
    conn.execute("SELECT count(*) FROM t WHERE t MATCH ?", (fts,)).fetchone()


@pytest.mark.parametrize(
    ("marked", "parsed"),
    [
        ("a \x02bc\x03 d \x02e\x03", ("a bc d e", [(2, 4), (7, 8)])),
        ("\x02bc\x03", ("bc", [(0, 2)])),  # one run: the usual hit
        ("a \x02b c\x03 d", ("a b c d", [(2, 5)])),
        ("plain", ("plain", [])),
        # marks left unpaired are dropped, wherever they are
        ("\x02ab", ("ab", [])),
        ("ab\x03", ("ab", [])),
        ("a\x03 \x02b\x03", ("a b", [(2, 3)])),
        ("\x02a\x03\x03b", ("ab", [(0, 1)])),
        ("\x02 \x02a\x02a \x03", (" aa ", [(2, 4)])),
        ("\x02a\x03 b\x02", ("a b", [(0, 1)])),
    ],
)
def test_parse_highlight(marked: str, parsed: tuple[str, list[tuple[int, int]]]) -> None:
    assert parse_highlight(marked) == parsed


def test_fuzzy_highlights_short_words_match_exactly() -> None:
    from db.fuzzy_search import fuzzy_highlights

    text = "so far just small contacts, not full-scale engagement in the North"
    spans = fuzzy_highlights("small contacts not full scale engagment", text)
    marked = [text[s:e] for s, e in spans]
    assert marked == ["small", "contacts", "not", "full", "scale", "engagement"]


@pytest.mark.parametrize(
    ("query", "hint"),
    [
        ("small AND group", "AND is a plain word here"),
        ("NEAR small", "NEAR is a plain word here"),
        ("small NOT group", "write -word to leave a word out"),
        ("OR small", "OR stands between two words or phrases"),
        ("small OR", "OR stands between two words or phrases"),
        (
            "NEAR(small group)",
            "parentheses are ignored: every word must match already, so try 'small group'",
        ),
        ("NEAR(small group, 5) -x", "so try 'small group -x'"),
        ("NEAR()", "NEAR is a plain word here and parentheses are ignored"),
        ("small OR group", None),
        ("small group", None),
        ("Anderson Norway", None),
    ],
)
def test_an_operator_read_as_a_plain_word_is_explained(query: str, hint: str | None) -> None:
    got = operator_hint(query)
    assert (got is None) if hint is None else (got is not None and hint in got)
