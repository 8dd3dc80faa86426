"""Mapping stored offsets back to the input (db.cleaning.input_offsets): the stored text
differs from what a reader gave (whitespace, NFC, control and escape characters, headline
+ blank line + body); every stored span maps to input text that cleans to it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from db.cleaning import clean_text, clean_title, input_offsets
from db.ingest import compose_text
from db.statements import analyse


def stored_of(title: str, body: str) -> str:
    return compose_text(clean_title(title), clean_text(body))[0]


def test_spans_map_back_across_removed_and_changed_characters() -> None:
    title = "  Port \t closes "
    body = (
        "Line one.\r\n\r\n\r\n  Second   line\u00a0here.\x1b[31m red\x1b[0m\n\n\ncafe\u0301 ok\x07."
    )
    stored = stored_of(title, body)
    assert stored == "Port closes\n\nLine one.\n\nSecond line here. red\n\ncafé ok."
    raw = title + "\n\n" + body
    spans = [(stored.index("Second"), stored.index("red") + 3), (stored.index("café"), len(stored))]
    [(a, b), (c, d)] = input_offsets(title, body, stored, spans)
    assert raw[a:b] == "Second   line\u00a0here.\x1b[31m red"
    assert raw[c:d] == "cafe\u0301 ok\x07."  # NFC: "é" stands for "e" + combining accent
    assert input_offsets(title, body, stored, [(0, 4)]) == [(2, 6)]  # "Port"


def test_statements_of_an_article_map_back() -> None:
    title = "Talks end"
    body = 'Anna Berg  arrived late.\r\n"We will sign today," she said.\n\n\nNothing was signed.'
    stored = stored_of(title, body)
    statements = analyse(stored, len(clean_title(title)) + 2)
    raw = title + "\n\n" + body
    mapped = input_offsets(title, body, stored, [(s.start, s.end) for s in statements])
    assert mapped is not None and len(mapped) == len(statements)
    for s, (a, b) in zip(statements, mapped, strict=True):
        assert " ".join(raw[a:b].split()) == s.text


def test_not_this_articles_input_gives_none() -> None:
    assert input_offsets("Other", "text", stored_of("Title", "body"), [(0, 1)]) is None


def test_spans_outside_the_text_map_to_none() -> None:
    stored = stored_of("T", "body")
    assert input_offsets("T", "body", stored, [(0, 99), (3, 3)]) == [None, None]


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("ab \t\r\n\u00a0\x1b[m\u0301e.\x07"), max_size=40),
    st.text(alphabet=st.sampled_from("cd \t\r\n\u2028\x1b]\u0301e!\x00"), max_size=80),
)
def test_every_stored_character_maps_to_input_that_cleans_to_it(title: str, body: str) -> None:
    stored = stored_of(title, body)
    spans = [(i, i + 1) for i in range(len(stored))]
    mapped = input_offsets(title, body, stored, spans)
    if not (clean_title(title) and clean_text(body)) and (clean_title(title) or clean_text(body)):
        return  # one side empty: the ingest moves text around (formats), not mapped here
    assert mapped is not None
    raw = title + "\n\n" + body
    previous = -1
    for (i, _), span in zip(spans, mapped, strict=True):
        assert span is not None
        a, b = span
        assert a >= previous  # in order
        previous = a
        if not stored[i].isspace() and stored[i] != "\ufffd":
            # NFC may compose a group of input characters into several stored ones
            assert stored[i] in clean_text(raw[a:b])
