"""Mapping stored offsets back to the input (db.cleaning.input_offsets): the stored text
differs from what a reader gave (whitespace, NFC, control and escape characters, headline
+ blank line + body); every stored span maps to input text that cleans to it."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from db.cleaning import clean_text, clean_title, input_offsets
from db.ingest import compose_text
from db.statements import analyse
from tests.cli_fixtures import *  # noqa: F403 (pytest fixtures: run)


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


def test_spans_map_back_across_dropped_bidi_controls() -> None:
    """Bidi controls are dropped at ingest: the replay drops them too, so every offset
    after one still falls on its words in the input."""
    title, body = "Mayor \u202eyeknom\u202c resigns", "said Jane \u2066Doe\u2069, and\u200f  left."
    stored = stored_of(title, body)
    assert stored == "Mayor yeknom resigns\n\nsaid Jane Doe, and left."
    raw = title + "\n\n" + body
    spans = [(stored.index("resigns"), stored.index("resigns") + 7)]
    spans.append((stored.index("Jane"), stored.index("Doe") + 3))
    spans.append((stored.index("left"), len(stored)))
    [(a, b), (c, d), (e, f)] = input_offsets(title, body, stored, spans)
    assert (raw[a:b], raw[c:d], raw[e:f]) == ("resigns", "Jane \u2066Doe", "left.")


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
    st.text(alphabet=st.sampled_from("ab \t\r\n\u00a0\x1b[m\u0301e.\x07\u202e"), max_size=40),
    st.text(alphabet=st.sampled_from("cd \t\r\n\u2028\x1b]\u0301e!\x00\u2066\u200f"), max_size=80),
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


# --- through the CLI: `claimlens show --json` gives input offsets -------------------------

# NFD accents, tabs and runs of spaces, CRLF line ends, blank lines, a markdown heading.
PLAIN = (
    "# Cafe\u0301   talks\tend\r\n\r\n\r\n"
    "Anna  Berg\tarrived late on Monday.\r\n"
    "\u201cWe will  sign to\u0301day,\u201d she said.   Nothing   was signed.\r\n\r\n\r\n"
    "The\tre\u0301sume\u0301 of Jo\u0301zef Nagy ran to 5  pages, Nagy said.\r\n"
)


def _nfc_words(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _show(run, path: Path) -> dict:  # type: ignore[no-untyped-def]
    run("ingest", str(path), "--no-match", "-q")
    return json.loads(run("show", "1", "--json"))


def test_show_json_input_offsets_slice_a_text_file_back(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "talks.txt"
    path.write_bytes(PLAIN.encode("utf-8"))
    shown = _show(run, path)
    assert shown["article"]["input"] == {"of": "file", "why": None}
    raw = path.read_bytes().decode("utf-8")  # the file's text: CRLF kept
    stored = shown["article"]["text"]
    texts = [statement["text"] for statement in shown["statements"]]
    assert "Anna Berg arrived late on Monday." in texts  # cleaned: offsets differ from input
    quotes = speakers = numbers = 0
    for statement in shown["statements"]:
        a, b = statement["input_start"], statement["input_end"]
        assert stored[statement["start"] : statement["end"]] == statement["text"]
        assert _nfc_words(raw[a:b]) == statement["text"]
        assert raw[a:b].strip() == raw[a:b]  # exactly the statement, no more
        for q in statement["quotes"]:
            quotes += 1
            assert _nfc_words(raw[q["input_start"] : q["input_end"]]) == q["text"]
            if q["speaker_start"] is not None:
                speakers += 1
                got = raw[q["speaker_input_start"] : q["speaker_input_end"]]
                assert _nfc_words(got) == stored[q["speaker_start"] : q["speaker_end"]]
        for n in statement["numbers"]:
            numbers += 1
            assert raw[n["input_start"] : n["input_end"]] == n["raw"]
    assert (quotes, speakers, numbers) == (1, 1, 1)
    headline = shown["statements"][0]
    assert raw[headline["input_start"] : headline["input_end"]] == "Cafe\u0301   talks\tend"


def test_show_json_input_offsets_of_a_json_record(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    title, body = "Port\t closes", "Ships  wait.\r\n\r\nThe  port reopens to\u0301day."
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"title": title, "body": body}), encoding="utf-8")
    shown = _show(run, path)
    assert shown["article"]["input"] == {"of": "title+body", "why": None}
    raw = title + "\n\n" + body  # the record's fields, as documented
    for statement in shown["statements"]:
        assert (
            _nfc_words(raw[statement["input_start"] : statement["input_end"]]) == statement["text"]
        )


def test_show_json_says_why_when_the_input_changed(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "talks.txt"
    path.write_bytes(PLAIN.encode("utf-8"))
    run("ingest", str(path), "--no-match", "-q")
    path.write_text("Another story\n\nWith other words.", encoding="utf-8")
    shown = json.loads(run("show", "1", "--json"))
    assert shown["article"]["input"]["of"] is None
    assert "changed" in shown["article"]["input"]["why"]
    assert all(statement["input_start"] is None for statement in shown["statements"])
    path.unlink()
    shown = json.loads(run("show", "1", "--json"))
    assert "not there" in shown["article"]["input"]["why"]
