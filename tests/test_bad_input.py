"""Bad input: every kind of messy file gets a one-line reason naming the file (and the
line, for JSON Lines), the rest of the batch still ingests, the exit status says some
input was rejected, and nothing stored is ever inconsistent.

``tests/fixtures/bad/`` holds one small file per kind of trouble (names say which);
the big ones (a 50 MB article, a 1 MB line) are generated here. The property tests
feed hypothesis-generated contents of every format through ``ingest_paths`` and the
search query handling: no exception, offsets exact, full-text index in sync.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import string
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import db.formats as formats
import db.statements as statements_mod
from db.check import check_database
from db.connection import connect
from db.formats import Rejected, read_file
from db.fuzzy_search import fuzzy_search_counted
from db.ingest import ingest_paths
from db.search import QueryError, count, search
from tests.read_memory import read_in_fresh_process
from tui.cli import main

BAD = Path(__file__).parent / "fixtures" / "bad"

# (file, line or record, words of the reason) for every rejection in fixtures/bad.
EXPECTED_REJECTIONS = {
    ("blank.txt", None, "empty file"),
    ("empty.txt", None, "empty file"),
    ("photo.png", None, "binary file"),
    ("style.css", None, "unsupported file type '.css'"),
    ("deep.json", None, "nested too deeply"),
    ("empty_list.json", None, "empty JSON list"),
    ("wrong_types.json", None, "field 'title' must be text, not dict"),
    ("truncated.json", None, "invalid JSON at line 4 column 25"),  # where the cut-off string starts
    ("mixed_list.json", 2, "record must be a JSON object, not int"),
    ("no_article.html", None, "no article text found"),
    ("broken_feed.rss", 1, "neither a title nor any text"),
    ("records.jsonl", 2, "invalid JSON: Unterminated string"),
    ("records.jsonl", 3, "record must be a JSON object, not list"),
    ("records.jsonl", 4, "field 'title' must be text, not int"),
    ("records.jsonl", 6, "record must be a JSON object, not str"),
    ("records.jsonl", 10, "invalid JSON: a number too long"),
}


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return connect(tmp_path / "bad.db")


def assert_consistent(db: sqlite_utils.Database) -> None:
    """Every invariant `claimlens check` verifies, plus offsets checked here directly."""
    report = check_database(db)
    problems = [p.message for p in report.problems if p.name != "matching:pending"]
    assert problems == []  # matching is not run here (--no-match)
    texts = dict(db.execute("SELECT id, text FROM articles").fetchall())
    for article_id, start, end, text in db.execute(
        "SELECT article_id, char_start, char_end, text FROM statements"
    ):
        assert texts[article_id][start:end] == text
    for text in texts.values():
        assert "\x1b" not in text and "\r" not in text and "\x00" not in text


def article(db: sqlite_utils.Database, name: str) -> dict:
    rows = list(db.query("SELECT * FROM articles WHERE path LIKE ?", ["%/" + name]))
    assert len(rows) == 1, (name, rows)
    return rows[0]


def matches(rejected: Rejected, expected: tuple[str, int | None, str]) -> bool:
    name, line, words = expected
    return Path(rejected.path).name == name and rejected.line == line and words in rejected.reason


# --- the fixture folder ---------------------------------------------------------------------


def test_bad_folder_rejects_each_bad_file_and_keeps_the_rest(db: sqlite_utils.Database) -> None:
    seen: list[Rejected] = []
    report = ingest_paths(db, [BAD], match=False, on_reject=seen.append)
    assert seen == report.rejected
    unexpected = [
        str(r) for r in report.rejected if not any(matches(r, e) for e in EXPECTED_REJECTIONS)
    ]
    assert unexpected == []
    missing = [e for e in EXPECTED_REJECTIONS if not any(matches(r, e) for r in report.rejected)]
    assert missing == []
    # Everything else is stored: 11 text files, 5 JSONL records, 12 dated records,
    # 2 JSON list items, 2 records before the truncation, 2 feed entries.
    assert report.added == 34 == db.execute("SELECT count(*) FROM articles").fetchone()[0]
    # records whose title and text are there but empty are skipped and counted
    # (mixed_list.json's third, records.jsonl's line 8), not rejected
    assert report.empty == 2
    assert_consistent(db)
    # Again: nothing new, the same rejections.
    again = ingest_paths(db, [BAD], match=False)
    assert (again.added, again.unchanged, len(again.rejected)) == (0, 34, len(report.rejected))


def test_cli_names_each_rejected_file_on_one_line_and_exits_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["--db", str(tmp_path / "c.db"), "ingest", str(BAD), "--no-match"]
    )
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.startswith("rejected: ")]
    assert len(lines) == len(EXPECTED_REJECTIONS)
    bad = BAD.resolve()
    assert f"rejected: {bad}/records.jsonl:4: field 'title' must be text, not int" in lines
    assert (
        f"rejected: {bad}/mixed_list.json: record 2: record must be a JSON object, not int" in lines
    )
    assert (
        f"rejected: {bad}/broken_feed.rss: entry 1: feed entry has neither a title nor any text"
        in lines
    )
    assert f"rejected: {bad}/photo.png: binary file, not text" in lines
    assert (
        "34 added, 0 replaced, 0 unchanged, 16 rejected from 24 files, 2 empty records skipped"
        in result.output
    )


def test_cli_json_lists_errors_and_exits_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["--db", str(tmp_path / "c.db"), "ingest", str(BAD), "--no-match", "--json"]
    )
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["added"] == 34 and data["rejected"] == 16 == len(data["errors"])
    assert data["empty"] == 2
    assert all("\n" not in e for e in data["errors"])


# --- encodings and line endings -------------------------------------------------------------


def test_encodings_and_line_endings(db: sqlite_utils.Database) -> None:
    ingest_paths(db, [BAD], match=False)
    latin1 = article(db, "latin1.txt")
    assert latin1["title"] == "Café owner in Zürich says prices rose"
    assert "“We had no choice,” she said; a coffee now costs €4." in latin1["text"]
    utf16 = article(db, "utf16_bom.txt")
    assert utf16["text"] == (
        "Ministry publishes UTF-16 report\n\nThe ministry published the report on Monday.\n"
        "It runs to 40 pages."
    )
    assert article(db, "utf16_no_bom.txt")["title"] == "Harbour reopens after storm"
    crlf = article(db, "crlf.txt")
    assert crlf["text"] == (
        "Windows line endings headline\n\nFirst paragraph of the story.\n\n"
        "Second paragraph of the story."
    )
    # Valid UTF-8 but for two bytes: the rest keeps its UTF-8, the bad bytes become U+FFFD.
    broken = article(db, "invalid_utf8.txt")
    assert broken["title"] == "Straßenbahn line extended — officials"
    assert "officials said \ufffd\ufffd in München." in broken["text"]


def test_decode_bytes_decisions() -> None:
    decode = formats.decode_bytes
    assert decode("naïve".encode("utf-16")) == "naïve"
    assert decode("naïve".encode("utf-32")) == "naïve"
    assert decode("\ufeffnaïve".encode()) == "naïve"
    assert decode("naïve café".encode("latin-1")) == "naïve café"
    assert decode(b"smart \x93quotes\x94") == "smart \u201cquotes\u201d"
    with pytest.raises(formats.BadInput, match="binary"):
        decode(bytes(range(256)) * 4)
    with pytest.raises(formats.BadInput, match="not text"):
        decode(bytes(range(128, 256)) * 8)  # no UTF-8, mostly high bytes: not prose
    assert decode(b"a stray NUL \x00 in a long line of text " * 10).count("\x00") == 10


# --- empty, headline-only, huge -------------------------------------------------------------


def test_headline_only_article_is_kept(db: sqlite_utils.Database) -> None:
    report = ingest_paths(db, [BAD / "headline_only.txt"], match=False)
    assert report.added == 1 and not report.rejected
    row = article(db, "headline_only.txt")
    assert row["text"] == row["title"] == "Oil prices rise 2% on supply fears"
    assert row["body_start"] == len(row["text"])
    statements = db.execute("SELECT kind, text FROM statements").fetchall()
    assert statements == [("headline", "Oil prices rise 2% on supply fears")]
    assert_consistent(db)


def test_50mb_article_is_rejected_without_stopping_the_batch(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    sentence = b"The committee met again on Tuesday and discussed the budget at length. "
    with (folder / "huge.txt").open("wb") as f:
        f.write(b"A headline\n\n")
        f.write(sentence * (50 * 1024 * 1024 // len(sentence)))
    (folder / "huge.jsonl").write_text(
        json.dumps({"title": "Big record", "text": "word " * 1_100_000})
        + "\n"
        + json.dumps({"title": "Small record after it", "text": "Fine."})
        + "\n"
    )
    (folder / "ok.txt").write_text("Small one\n\nIt is fine.")
    report = ingest_paths(db, [folder], match=False)
    reasons = {(Path(r.path).name, r.line): r.reason for r in report.rejected}
    assert reasons.keys() == {("huge.txt", None), ("huge.jsonl", 1)}
    # The limit in the file's own unit (QA A14: "20,971,593 bytes; the limit is 5,000,000
    # characters" compared bytes with characters).
    size = (folder / "huge.txt").stat().st_size
    assert reasons[("huge.txt", None)] == (
        f"article too long ({size:,} bytes; the limit is 20,000,000 bytes, 5,000,000 characters)"
    )
    assert re.fullmatch(
        r"article too long \(5,5\d\d,\d{3} characters; the limit is 5,000,000 characters\)",
        reasons[("huge.jsonl", 1)],
    )
    assert report.added == 2
    assert_consistent(db)


def test_jsonl_line_over_the_limit_is_skipped_not_read(
    db: sqlite_utils.Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(formats, "MAX_LINE_BYTES", 1000)
    path = tmp_path / "long.jsonl"
    path.write_text(
        json.dumps({"title": "Long", "text": "x " * 5000})
        + "\n"
        + json.dumps({"title": "Next line", "text": "Still read."})
        + "\n"
    )
    report = ingest_paths(db, [path], match=False)
    assert [str(r) for r in report.rejected] == [f"{path}:1: line too long (over 1,000 bytes)"]
    assert report.added == 1


def test_1mb_single_line_becomes_body_with_a_short_headline(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    path = tmp_path / "oneline.txt"
    line = "The council met and the budget was discussed at great length by all. " * 15_000
    path.write_text(line)
    assert path.stat().st_size > 1_000_000
    report = ingest_paths(db, [path], match=False)
    assert report.added == 1 and not report.rejected
    row = article(db, "oneline.txt")
    assert len(row["title"]) <= formats.SHORT_TITLE_CHARS and row["title"].endswith("…")
    assert row["text"][row["body_start"] :] == line.strip()
    assert db.execute("SELECT count(*) FROM statements").fetchone()[0] > 10_000
    assert_consistent(db)


# --- JSON, JSON Lines, HTML, feeds ----------------------------------------------------------


def test_jsonl_records_and_their_line_numbers(db: sqlite_utils.Database) -> None:
    report = ingest_paths(db, [BAD / "records.jsonl"], match=False)
    assert sorted(r.line for r in report.rejected) == [2, 3, 4, 6, 10]
    assert report.empty == 1  # line 8: {"title": "", "text": ""}
    titles = [r[0] for r in db.execute("SELECT title FROM articles ORDER BY id")]
    assert titles == [
        "Wire story one",  # the first line starts with a UTF-8 byte order mark
        "Paragraph lists",
        "Lone surrogate \ufffd in title",
        "Date is a list",
        "Windows line ending record",
    ]
    lists = db.execute("SELECT text FROM articles WHERE title = 'Paragraph lists'").fetchone()[0]
    assert lists == "Paragraph lists\n\nFirst paragraph.\n\nSecond one. Still second."
    assert_consistent(db)


def test_json_list_streams_records_before_a_syntax_error(db: sqlite_utils.Database) -> None:
    report = ingest_paths(db, [BAD / "truncated.json"], match=False)
    assert [str(r) for r in report.rejected] == [
        f"{(BAD / 'truncated.json').resolve()}: invalid JSON at line 4 column 25: "
        "Unterminated string starting at"
    ]
    assert [r[0] for r in db.execute("SELECT title FROM articles")] == [
        "Kept before the error",
        "Also kept",
    ]


def test_json_list_bigger_than_the_whole_file_limit_is_streamed(
    db: sqlite_utils.Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(formats, "MAX_FILE_BYTES", 10_000)
    records = [{"id": i, "title": f"Item {i}", "text": f"Body {i}. " * 20} for i in range(300)]
    path = tmp_path / "big.json"
    path.write_text(json.dumps(records, indent=1))
    assert path.stat().st_size > 50_000
    report = ingest_paths(db, [path], match=False)
    assert report.added == 300 and not report.rejected
    # An object wrapping the list streams the same way; its other members are kept (to
    # tell a wrapper from an article) up to the limit.
    (tmp_path / "obj.json").write_text(json.dumps({"status": "ok", "articles": records}))
    report = ingest_paths(db, [tmp_path / "obj.json"], match=False)
    assert report.added == 300 and not report.rejected
    (tmp_path / "meta.json").write_text(json.dumps({"meta": "x" * 20_000, "articles": records}))
    report = ingest_paths(db, [tmp_path / "meta.json"], match=False)
    assert [r.reason for r in report.rejected] == ["JSON object too large (over 10,000 characters)"]


def test_json_wrong_types(tmp_path: Path) -> None:
    cases = {
        '{"title": ["a", 3], "text": "b"}': "field 'title' must hold text, found int",
        '{"title": "t", "text": {"a": 1}}': "field 'text' must be text, not dict",
        '{"title": "\\u001b[2J", "text": " \\u0007 "}': "no text left once control characters",
        # Metadata of the wrong type is ignored, the article kept:
        '{"title": "t", "text": "b", "url": ["x", {}]}': None,
        '{"title": "t", "text": "b", "source": 3.5}': None,
        '{"title": "t", "text": "b", "date": true}': None,
        '{"title": "t", "text": "b", "id": {"a": 1}}': None,
        "42": "JSON must be an object or a list of objects, not int",
        "null": "JSON must be an object or a list of objects, not NoneType",
    }
    for i, (content, reason) in enumerate(cases.items()):
        path = tmp_path / f"case{i}.json"
        path.write_text(content)
        records = list(read_file(path))
        assert len(records) == 1
        if reason is None:
            assert not isinstance(records[0], Rejected), records[0]
        else:
            assert isinstance(records[0], Rejected), content
            assert records[0].reason.startswith(reason), content


def test_feed_with_broken_entries_keeps_the_good_ones(db: sqlite_utils.Database) -> None:
    report = ingest_paths(db, [BAD / "broken_feed.rss"], match=False)
    assert [(r.line, r.unit) for r in report.rejected] == [(1, "entry")]
    rows = db.execute("SELECT title, text, date, url FROM articles ORDER BY id").fetchall()
    assert rows[0] == (
        "Good entry & more",
        "Good entry & more\n\nPara one.\n\nPara two.",
        None,
        "http://example.com/good",
    )
    assert rows[1][0] == "Unclosed entry"
    assert_consistent(db)


def test_html_without_an_article_is_rejected(tmp_path: Path) -> None:
    records = list(read_file(BAD / "no_article.html"))
    assert [r.reason for r in records] == ["no article text found in the HTML page"]  # type: ignore[union-attr]
    (tmp_path / "garbage.html").write_text("<<<>>><html<body></p></div>&&&;" * 50)
    assert all(isinstance(r, Rejected) for r in read_file(tmp_path / "garbage.html"))


def test_odd_and_missing_dates(db: sqlite_utils.Database) -> None:
    ingest_paths(db, [BAD / "odd_dates.jsonl"], match=False)
    dates = [r[0] for r in db.execute("SELECT date FROM articles ORDER BY id")]
    assert dates == [
        "1987-02-26",
        "1987-02-26T15:01:01",
        "2003-06-10T04:00:00",
        "2003-06-10T04:00:00",
        "2003-06-10",
        "2003-06-10",
        "2003-07-10T04:00:00",  # a Unix timestamp
        None,  # "yesterday"
        None,  # "0000-00-00"
        None,  # "2003-13-45"
        None,  # null
        None,  # ""
    ]


# --- hostile text ---------------------------------------------------------------------------


def test_control_characters_and_escapes_are_removed(db: sqlite_utils.Database) -> None:
    ingest_paths(db, [BAD / "controls.txt"], match=False)
    row = article(db, "controls.txt")
    assert row["title"] == "Markets crash headline"
    assert row["text"] == (
        "Markets crash headline\n\nShares fell sharply on Monday. Traders panicked, analysts said."
    )
    assert_consistent(db)


def test_rich_markup_is_stored_and_printed_literally(tmp_path: Path) -> None:
    runner = CliRunner()
    dbp = str(tmp_path / "m.db")
    assert (
        runner.invoke(
            main, ["--db", dbp, "ingest", str(BAD / "markup.txt"), "--no-match"]
        ).exit_code
        == 0
    )
    out = runner.invoke(main, ["--db", dbp, "show", "1"]).output
    assert "[bold red]Breaking[/bold red]: [link=http://evil.example]click[/link]" in out
    assert "The minister said [i]nothing[/i] about [b]the budget[/b] on Monday." in out
    hits = runner.invoke(main, ["--db", dbp, "search", "minister"]).output
    assert "[i]nothing[/i]" in hits


def test_rtl_cjk_emoji_and_long_words_round_trip(db: sqlite_utils.Database) -> None:
    ingest_paths(db, [BAD / "rtl_cjk_emoji.txt", BAD / "long_words.txt"], match=False)
    original = (BAD / "rtl_cjk_emoji.txt").read_text(encoding="utf-8").strip()
    assert article(db, "rtl_cjk_emoji.txt")["text"] == original
    assert [h.text for h in search(db, "الاقتصاد")] == ["قال الرئيس إن الاقتصاد ينمو."]
    assert search(db, "families")[0].text.endswith("waved 🇺🇸 flags.")
    assert len(search(db, "x" * 20000)) == 1
    assert_consistent(db)


def test_hostile_file_names_are_shown_escaped_on_one_line(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    evil = os.fsencode(folder) + b"/evil\x1b[31m\nname\xff.txt"
    with open(evil, "wb") as f:
        f.write(b"Evil name\n\nThe body of the story.")
    with open(os.fsencode(folder) + b"/empty\x1b]0;x\x07.txt", "wb"):
        pass
    report = ingest_paths(db, [folder], match=False)
    assert report.added == 1
    assert [str(r) for r in report.rejected] == [f"{folder}/empty\\x1b]0;x\\x07.txt: empty file"]
    path = db.execute("SELECT path FROM articles").fetchone()[0]
    assert path == f"{folder}/evil\\x1b[31m\\nname\\xff.txt"
    assert_consistent(db)


def test_fifo_and_unreadable_files_do_not_hang_or_stop(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "ok.txt").write_text("Fine\n\nA body.")
    report = ingest_paths(db, [fifo, tmp_path / "ok.txt"], match=False)
    assert [r.reason for r in report.rejected] == ["not a regular file"]
    assert report.added == 1


def test_a_splitter_crash_rejects_that_article_only(
    db: sqlite_utils.Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = statements_mod.analyse

    def flaky(text: str, body_start: int):  # type: ignore[no-untyped-def]
        if "POISON" in text:
            raise IndexError("boom")
        return real(text, body_start)

    monkeypatch.setattr(statements_mod, "analyse", flaky)
    (tmp_path / "a.txt").write_text("Good one\n\nA body.")
    (tmp_path / "b.txt").write_text("Bad one\n\nPOISON body.")
    report = ingest_paths(db, [tmp_path], match=False)
    assert [str(r) for r in report.rejected] == [
        f"{tmp_path}/b.txt: cannot split into statements (IndexError: boom)"
    ]
    assert report.added == 1
    assert_consistent(db)


def test_a_splitter_returning_wrong_offsets_is_never_stored(
    db: sqlite_utils.Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = statements_mod.analyse

    def shifted(text: str, body_start: int):  # type: ignore[no-untyped-def]
        out = real(text, body_start)
        out[-1].start += 1
        return out

    monkeypatch.setattr(statements_mod, "analyse", shifted)
    (tmp_path / "a.txt").write_text("Headline\n\nA body sentence.")
    report = ingest_paths(db, [tmp_path], match=False)
    assert "do not match the text" in report.rejected[0].reason
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


# --- property tests: any content of any format ----------------------------------------------

# Text with everything hostile in it: controls, escapes, surrogate-free unicode, markup.
_hostile_text = st.lists(
    st.one_of(
        st.characters(),  # lone surrogates too: "\\ud800" in JSON, broken UTF-8 in files
        st.sampled_from(["\x1b[31m", "\x1b]0;t\x07", "\r\n", "\n\n", "[bold]", "\u202e", "\ufeff"]),
        st.sampled_from(["The minister said ", "11,000 troops. ", '"We won," he said. ']),
    ),
    max_size=60,
).map("".join)
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _hostile_text,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["title", "text", "body", "date", "url", "id", "source", "x"]),
            children,
            max_size=6,
        )
    ),
    max_leaves=12,
)
_records = st.fixed_dictionaries(
    {},
    optional={
        "title": _hostile_text,
        "text": _hostile_text | st.lists(_hostile_text, max_size=3),
        "date": _hostile_text | st.integers(),
        "url": _hostile_text,
        "id": st.integers(0, 5) | _hostile_text,
        "source": _hostile_text,
    },
)


def _html(title: str, paragraphs: list[str]) -> str:
    import html

    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    head = f"<head><title>{html.escape(title)}</title></head>"
    return f"<html>{head}<body><article>{body}</article></body></html>"


def _feed(entries: list[tuple[str, str]]) -> str:
    import html

    items = "".join(
        f"<item><title>{html.escape(t)}</title><description>{html.escape(d)}</description></item>"
        for t, d in entries
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'
    )


_files = st.one_of(
    st.tuples(st.just("a.txt"), _hostile_text.map(lambda s: s.encode("utf-8", "surrogatepass"))),
    st.tuples(st.just("b.txt"), st.binary(max_size=400)),
    st.tuples(st.just("c.bin"), st.binary(max_size=400)),
    st.tuples(st.just("d.json"), _json_values.map(lambda v: json.dumps(v).encode())),
    st.tuples(
        st.just("e.json"), st.lists(_records, max_size=4).map(lambda v: json.dumps(v).encode())
    ),
    st.tuples(
        st.just("f.jsonl"),
        st.lists(
            st.one_of(_records.map(json.dumps), _json_values.map(json.dumps), _hostile_text),
            max_size=5,
        ).map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass")),
    ),
    st.tuples(
        st.just("g.html"),
        st.builds(_html, _hostile_text, st.lists(_hostile_text, max_size=4)).map(
            lambda h: h.encode("utf-8", "surrogatepass")
        ),
    ),
    st.tuples(
        st.just("h.rss"),
        st.lists(st.tuples(_hostile_text, _hostile_text), max_size=4).map(
            lambda e: _feed(e).encode("utf-8", "surrogatepass")
        ),
    ),
    st.tuples(
        st.sampled_from(["i.txt", "j.json", "k.csv"]),
        st.text(string.printable, max_size=200).map(str.encode),
    ),
    st.tuples(
        st.sampled_from(["l.csv", "m.tsv"]),
        st.lists(st.lists(_hostile_text, max_size=4), max_size=4).map(
            lambda rows: _table([["Title", "text", "date"], *rows])
        ),
    ),
)


def _table(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode("utf-8", "surrogatepass")


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(files=st.lists(_files, min_size=1, max_size=4))
def test_any_file_contents_ingest_without_error(
    tmp_path_factory: pytest.TempPathFactory, files: list[tuple[str, bytes]]
) -> None:
    folder = tmp_path_factory.mktemp("prop")
    for i, (name, data) in enumerate(files):
        (folder / f"{i}{name}").write_bytes(data)
    db = connect(folder / "p.db")
    try:
        report = ingest_paths(db, [folder], match=False)
        assert report.files + len(report.skipped) == len(files)
        for rejected in report.rejected:
            assert "\n" not in str(rejected) and "\x1b" not in str(rejected)
        assert report.added == db.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert_consistent(db)
        # Ingesting the same files again adds nothing. (Two records sharing a key,
        # e.g. a URL, are one article, the later version winning each time.)
        again = ingest_paths(db, [folder], match=False)
        assert again.added == 0
        assert report.added == db.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        db.conn.close()


@pytest.fixture(scope="module")
def search_db(tmp_path_factory: pytest.TempPathFactory) -> sqlite_utils.Database:
    path = tmp_path_factory.mktemp("search") / "s.db"
    db = connect(path)
    ingest_paths(db, [BAD], match=False)
    return db


@settings(max_examples=300, deadline=None)
@given(query=st.text(max_size=60) | st.sampled_from(['"', "*", "-", "OR", "NEAR(", "a:b", "\x00"]))
def test_any_query_searches_or_says_why(search_db: sqlite_utils.Database, query: str) -> None:
    texts = dict(search_db.execute("SELECT id, text FROM articles").fetchall())
    try:
        hits = search(search_db, query, limit=5)
        total = count(search_db, query)
    except QueryError:
        return
    assert total >= len(hits)
    for hit in hits:
        assert texts[hit.article_id][hit.start : hit.end] == hit.text
        for start, end in hit.highlights:
            assert 0 <= start <= end <= len(hit.text)


@settings(max_examples=100, deadline=None)
@given(query=st.text(max_size=40))
def test_any_fuzzy_query_searches_or_says_why(search_db: sqlite_utils.Database, query: str) -> None:
    try:
        hits = fuzzy_search_counted(search_db, query, limit=5)[0]
    except QueryError:
        return
    for hit in hits:
        for start, end in hit.highlights:
            assert 0 <= start <= end <= len(hit.text)


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("u16.jsonl", lambda s: s.encode("utf-16")),
        ("l1.jsonl", lambda s: s.encode("cp1252")),
        ("crlf.jsonl", lambda s: s.replace("\n", "\r\n").encode()),
        ("noext", str.encode),  # sniffed: one JSON object per line
        (
            "u16.json",
            lambda s: json.dumps([json.loads(x) for x in s.split("\n") if x]).encode("utf-16"),
        ),
        (
            "cp.json",
            lambda s: json.dumps(
                [json.loads(x) for x in s.split("\n") if x], ensure_ascii=False
            ).encode("cp1252"),
        ),
    ],
)
def test_json_and_jsonl_in_other_encodings(tmp_path: Path, name: str, encode) -> None:  # type: ignore[no-untyped-def]
    lines = "".join(
        json.dumps(
            {"id": i, "title": f"Tïtle {i}", "text": f"Bödy {i} «quoted»."}, ensure_ascii=False
        )
        + "\n"
        for i in range(3)
    )
    path = tmp_path / name
    path.write_bytes(encode(lines))
    records = list(read_file(path))
    assert [(r.title, r.body) for r in records] == [  # type: ignore[union-attr]
        (f"Tïtle {i}", f"Bödy {i} «quoted».") for i in range(3)
    ]


# --- limits: memory does not grow with the input -----------------------------------------------


def test_a_big_json_list_is_read_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    body = "The council met on Tuesday and discussed the budget at length. " * 150
    with path.open("w") as f:
        f.write("[\n")
        for i in range(2_000):
            f.write(json.dumps({"id": i, "title": f"Item {i}", "text": body}) + ",\n")
        f.write(json.dumps({"id": "last", "title": "Last", "text": body}) + "\n]\n")
    assert path.stat().st_size > 19_000_000
    n, grown, last = read_in_fresh_process(path)
    assert (n, last) == (2_001, "Last")
    assert grown < 12_000_000  # a few records and a 1 MB buffer, not the 19 MB file


def test_folders_are_walked_lazily(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(20):
        (tmp_path / f"d{i:02d}").mkdir()
        (tmp_path / f"d{i:02d}" / "a.txt").write_text("x")
    listed: list[str] = []
    real = os.scandir

    def counting(path):  # type: ignore[no-untyped-def]
        listed.append(str(path))
        return real(path)

    monkeypatch.setattr(formats.os, "scandir", counting)
    files = formats.iter_files([tmp_path])
    assert next(files) == tmp_path / "d00" / "a.txt"
    assert len(listed) == 2  # the top folder and the first subfolder, not all 21
    assert [p.parent.name for p in files] == [f"d{i:02d}" for i in range(1, 20)]


def test_the_report_keeps_new_article_ids_as_runs(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    for i in range(300):
        (tmp_path / f"{i:03d}.txt").write_text(f"Story {i}\n\nBody {i}.")
    report = ingest_paths(db, [tmp_path], match=False)
    ids = report.changed_article_ids
    assert len(ids) == 300 and list(ids) == list(range(1, 301))
    assert repr(ids) == "ArticleIds(300 ids in 1 runs)"  # not 300 ints: memory stays flat
