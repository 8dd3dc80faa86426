"""Every input format reads into the right articles (title, body, date, source, url, key)."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from db import formats
from db.formats import RawArticle, Rejected, decode_bytes, iter_files, read_file
from tests.read_memory import read_in_fresh_process

FORMATS = Path(__file__).parent / "fixtures" / "formats"
SEEDS = Path(__file__).parent.parent / "tui" / "samples"


def records(path: Path) -> list[RawArticle | Rejected]:
    return list(read_file(path))


def only(path: Path) -> RawArticle:
    (record,) = records(path)
    assert isinstance(record, RawArticle), record
    return record


def test_seed_format_reads_date_and_headline() -> None:
    article = only(SEEDS / "000_dd9f0b5d2f8810a6.txt")
    assert article.date == "2024-11-06"
    assert article.title == "Ukraine says it fought N Korean troops for first time"
    assert article.body.startswith("Ukraine President Volodymyr Zelensky estimates")
    assert article.body.endswith('"aggression" against either country.')
    assert article.source is None


def test_seed_with_sentence_headline() -> None:
    article = only(SEEDS / "004_30c3ae78e6307b4b.txt")
    assert article.date == "2024-11-05"
    assert article.title.startswith('Ukrainian troops "engaged in small scale"')
    assert article.body.startswith("If true, it is first such engagement")


def test_plain_text_first_nonempty_line_is_headline() -> None:
    article = only(FORMATS / "bbc_like.txt")
    assert article.title == "Ad sales boost Time Warner profit"
    assert "$1.13bn (£600m)" in article.body
    assert article.date is None


def test_markdown_heading_marker_is_dropped() -> None:
    article = only(FORMATS / "plain.md")
    assert article.title == "Markets rally as rates hold"
    assert article.body.split("\n\n") == [
        "Shares rose 3.5% on Tuesday after the central bank kept rates unchanged.",
        "Analysts said the U.S. economy was slowing.",
    ]


def test_jsonl_records_keep_ids_and_empty_bodies() -> None:
    got = records(FORMATS / "articles.jsonl")
    assert [type(r) for r in got] == [RawArticle] * 3
    first, empty, third = got  # type: ignore[misc]
    assert first.source == "Reuters" and first.date == "1987-02-26"
    assert first.key.endswith("articles.jsonl#r-1")
    assert first.line == 1
    assert empty.title == "Standard Oil to form financial unit" and empty.body == ""
    assert third.date == "1987-02-26T15:18:59"


def test_basil_body_paragraphs_become_paragraphs() -> None:
    article = only(FORMATS / "basil_like.json")
    assert article.source == "nyt"
    assert article.url == "http://www.nytimes.com/2010/07/03/us/politics/03steele.html"
    assert article.key == article.url
    paragraphs = article.body.split("\n\n")
    assert len(paragraphs) == 2
    assert paragraphs[0].endswith("“a war of Obama’s choosing.”")


def test_html_through_trafilatura() -> None:
    article = only(FORMATS / "article.html")
    assert article.title == "Seoul summons Russian envoy over North Korean troops"
    assert article.source == "Example News"
    # article:published_time 2024-10-21T08:30:00+09:00: its instant, in UTC (was the day
    # trafilatura keeps, 21 October, when it was 20 October in UTC).
    assert article.date == "2024-10-20T23:30:00"
    assert article.url == "https://news.example.com/world/seoul-summons-envoy"
    assert article.body.startswith("South Korea summoned Russia's ambassador")
    assert "Privacy policy" not in article.body and "Home" not in article.body


def test_rss_feed_entries() -> None:
    got = records(FORMATS / "feed.rss")
    assert [r.title for r in got if isinstance(r, RawArticle)] == [
        "Pentagon says 10,000 North Korean troops in Kursk",
        "Ukraine reports first clash with North Korean soldiers",
    ]
    first = got[0]
    assert isinstance(first, RawArticle)
    assert first.source == "Example Wire"
    assert first.date == "2024-11-04T21:15:00"
    assert "<p>" not in first.body
    assert first.body.split("\n\n")[1] == '"Those numbers could go up slightly," he told reporters.'


def test_atom_feed_entry() -> None:
    article = only(FORMATS / "feed.atom")
    assert article.source == "Atom Example Daily"
    assert article.url == "https://atom.example.net/kremlin-silent"
    assert (
        article.body
        == "Moscow and Pyongyang have so far not responded directly to the allegations."
    )


def test_format_detected_by_content_without_extension(tmp_path: Path) -> None:
    (tmp_path / "story").write_text('{"title": "T", "text": "Body one."}')
    (tmp_path / "feed").write_text((FORMATS / "feed.rss").read_text())
    assert only(tmp_path / "story").body == "Body one."
    assert len(records(tmp_path / "feed")) == 2


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + "café".encode(), "café"),
        (codecs.BOM_UTF16_LE + "café".encode("utf-16-le"), "café"),
        ("café".encode("latin-1"), "café"),
        ("smart “quotes”".encode("cp1252"), "smart “quotes”"),
    ],
)
def test_decoding(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


def test_iter_files_recurses_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b/2.txt", "a.txt", ".hidden.txt", ".git/x.txt"):
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])] == [
        "a.txt",
        "b/2.txt",
    ]


def _write_wrapped(path: Path, n: int, body: str) -> None:
    """``{"source": ..., "articles": [n records], "total": n}``, written as it goes."""
    with path.open("w", encoding="utf-8") as f:
        f.write('{"source": "Wire", "articles": [\n')
        for i in range(n):
            record = {"id": f"r{i}", "title": f"Story {i}", "text": f"{body} {i}."}
            f.write(("," if i else "") + json.dumps(record) + "\n")
        f.write(f'], "total": {n}}}\n')


def test_wrapped_list_above_the_whole_file_limit_streams_in_bounded_memory(
    tmp_path: Path,
) -> None:
    path = tmp_path / "wrapped.json"
    n = 2_500
    _write_wrapped(path, n, "The council met again on Tuesday to discuss the harbour. " * 500)
    assert path.stat().st_size > formats.MAX_FILE_BYTES  # read whole, it was refused
    n_read, grown, last = read_in_fresh_process(path)
    assert (n_read, last) == (n, f"Story {n - 1}")
    # A record and a 1 MB buffer at a time, not the 65+ MB file (nor its text, 4x that).
    assert grown < 16_000_000, f"peak memory grew by {grown:,} bytes"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"title": "One", "text": "An article."}', ["One"]),
        (
            '{"n": 2, "articles": [{"title": "A", "text": "a."}, {"title": "B", "text": "b."}]}',
            ["A", "B"],
        ),
        ('{"items": [{"title": "A", "text": "a."}], "note": {"deep": [1, 2]}}', ["A"]),
        # An article's own field first: the object is the article, not a wrapper.
        ('{"title": "T", "data": [1, 2], "text": "x."}', ["T"]),
        ('{"articles": []}', "no articles in the file (an empty JSON list)"),
        (
            '{"articles": [{"title": "A", "text": "a."}]} {}',
            "invalid JSON at line 1 column 46: extra data",
        ),
        ('{"articles": [{"title": "A", "text": "a."}', "invalid JSON: the file ends inside"),
        ('{"articles": [{"title": "A"} "b"]}', "invalid JSON at line 1 column 30: expected"),
        ('{"n": 1 "articles": []}', "invalid JSON at line 1 column 9: Expecting ','"),
        ("{3: 4}", "invalid JSON at line 1 column 2: Expecting property name"),
        # QA finding 15: the end of the file, not "line 1 column 1".
        ('{"title": "x", "text": ', "invalid JSON at line 1 column 24: Expecting value"),
        ('{"title": "x",\n "text": ', "invalid JSON at line 2 column 10: Expecting value"),
        ("  \n ", "empty file"),
    ],
)
def test_json_objects_streamed(tmp_path: Path, content: str, expected: object) -> None:
    path = tmp_path / "x.json"
    path.write_text(content)
    got = records(path)
    if isinstance(expected, list):
        assert [r.title for r in got if isinstance(r, RawArticle)] == expected
        assert not [r for r in got if isinstance(r, Rejected)]
    else:
        assert isinstance(got[-1], Rejected) and got[-1].reason.startswith(expected), got


def test_a_json_error_past_the_first_buffer_is_at_its_column(tmp_path: Path) -> None:
    """One line over two buffers of 1 MB: its columns are counted across them."""
    path = tmp_path / "long.json"
    path.write_text("[" + '{"title": "A", "text": "a."}, ' * 50_000 + "x]")
    bad = records(path)[-1]
    assert isinstance(bad, Rejected)
    assert bad.reason == f"invalid JSON at line 1 column {1 + 30 * 50_000 + 1}: Expecting value"


def test_csv_rows_are_articles_read_as_json_records(tmp_path: Path) -> None:
    # The UCI News Aggregator's columns: a publisher, a timestamp in milliseconds.
    path = tmp_path / "headlines.csv"
    path.write_text(
        "ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,TIMESTAMP\n"
        '1,"Fed official says weak data caused by weather, should not slow taper",'
        "http://example.com/a,Los Angeles Times,b,dd1,1394470370698\n"
        "\n"
        '2,"Plosser sees ""high bar"" for change",,Livemint,b,dd1,1394470371207\n'
        "3,,http://example.com/c,Reuters,b,dd1,1394470371207\n",
        encoding="utf-8",
    )
    first, second, bad = records(path)
    assert isinstance(first, RawArticle) and isinstance(second, RawArticle)
    assert first.title == "Fed official says weak data caused by weather, should not slow taper"
    assert first.body == "" and first.source == "Los Angeles Times"
    assert first.date == "2014-03-10T16:52:50" and first.key == "http://example.com/a"
    assert first.line == 2
    assert second.title == 'Plosser sees "high bar" for change'
    assert second.key.endswith("headlines.csv#2") and second.line == 4  # by its ID
    assert isinstance(bad, Rejected) and bad.line == 5
    assert "neither a title nor a text" in bad.reason


def test_a_csv_row_with_fewer_columns_than_the_header_is_rejected(tmp_path: Path) -> None:
    """QA finding 14: the UCI file's last line is cut off (3 of 8 columns, no newline) and
    was ingested as an undated article with a truncated URL; a one-cell row too."""
    path = tmp_path / "uci.csv"
    path.write_text(
        "ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP\n"
        "1,Whole row,http://example.com/a,Wire,e,s1,example.com,1394470370698\n"
        "only one col\n"
        "2,Grant Gustin on set of The Flash,http://www.dailymail.co.uk/tvshowbiz/article-25",
        encoding="utf-8",
    )
    whole, one, cut = records(path)
    assert isinstance(whole, RawArticle) and whole.title == "Whole row"
    assert isinstance(one, Rejected) and isinstance(cut, Rejected)
    assert str(one) == f"{path}:3: row has 1 of 8 columns"
    assert str(cut) == f"{path}:4: row has 3 of 8 columns"
    # An empty last header cell ("title,text,": a trailing delimiter) asks for no cell.
    trailing = tmp_path / "trailing.csv"
    trailing.write_text("title,text,\nA title,Its text.\n", encoding="utf-8")
    assert only(trailing).title == "A title"


def test_csv_with_bodies_other_delimiters_and_multi_line_cells(tmp_path: Path) -> None:
    semicolons = tmp_path / "export.csv"
    semicolons.write_text(
        "\ufeffheadline;body;date;source\n"
        'Rates held;"The bank kept rates.\n\nShares rose 3%.";2024-11-06;Wire\n'
        "Second;More text.;;\n",
        encoding="utf-8",
    )
    first, second = records(semicolons)
    assert isinstance(first, RawArticle) and isinstance(second, RawArticle)
    assert first.title == "Rates held" and first.body == "The bank kept rates.\n\nShares rose 3%."
    assert first.date == "2024-11-06" and first.source == "Wire"
    assert second.line == 5 and second.date is None and second.source is None
    tabs = tmp_path / "export.tsv"
    tabs.write_text("title\ttext\nA, B and C\tSaid, he said.\n", encoding="utf-8")
    assert only(tabs).title == "A, B and C" and only(tabs).body == "Said, he said."


def test_a_csv_without_an_article_column_is_rejected_whole(tmp_path: Path) -> None:
    path = tmp_path / "prices.csv"
    path.write_text("date,open,close\n2024-01-02,10,11\n", encoding="utf-8")
    (rejected,) = records(path)
    assert isinstance(rejected, Rejected) and rejected.line is None and rejected.not_article
    assert rejected.reason == (
        "not articles: no title or text column in the header (date, open, close)"
    )
    header_only = tmp_path / "empty.csv"
    header_only.write_text("title,text\n", encoding="utf-8")
    (rejected,) = records(header_only)
    assert isinstance(rejected, Rejected) and "a header and no rows" in rejected.reason


def test_a_json_object_with_no_article_field_is_not_an_article(tmp_path: Path) -> None:
    path = tmp_path / "a_ann.json"
    path.write_text(json.dumps({"uuid": "x", "phrase-level-annotations": []}), encoding="utf-8")
    (rejected,) = records(path)
    assert isinstance(rejected, Rejected) and rejected.not_article
    assert rejected.reason == (
        "not an article: a JSON object with no title or text field (uuid, phrase-level-annotations)"
    )
    # A record of a list, or an article whose fields are empty, is a rejection as before.
    listed = tmp_path / "list.json"
    listed.write_text(json.dumps([{"uuid": "x"}]), encoding="utf-8")
    (rejected,) = records(listed)
    assert isinstance(rejected, Rejected) and not rejected.not_article
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps({"title": "", "text": ""}), encoding="utf-8")
    (rejected,) = records(empty)
    assert isinstance(rejected, Rejected) and not rejected.not_article


def test_a_not_article_record_is_the_only_record_of_its_file(tmp_path: Path) -> None:
    # db.ingest skips (and uncounts) a folder's file once per not_article record: that
    # is once per file only while such a record comes alone.
    note = {"uuid": "n1", "labels": ["tone"]}
    story = {"title": "Ferry resumes", "text": "The ferry ran again on Friday, its owner said."}
    files = {
        "labels.json": json.dumps(note),
        "labels.csv": "uuid,label\nn1,tone\nn2,frame\n",
        "labels.jsonl": "\n".join(json.dumps(note) for _ in range(3)) + "\n",
        "labels_list.json": json.dumps([note, note]),
        "wrapped.json": json.dumps({"items": [note, story]}),
        "mixed.jsonl": json.dumps(story) + "\n" + json.dumps(note) + "\n",
    }
    flagged: dict[str, bool] = {}
    for name, content in files.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        got = records(path)
        marks = [isinstance(r, Rejected) and r.not_article for r in got]
        assert not any(marks) or marks == [True], name
        flagged[name] = marks == [True]
    # Only a whole file is "not an article"; a non-article record among records is a
    # rejection of its own.
    assert [name for name, whole in flagged.items() if whole] == ["labels.json", "labels.csv"]


def test_an_empty_json_record_is_flagged_empty_not_bad(tmp_path: Path) -> None:
    # Its title and text are there but empty (Reuters-21578 has 737): skipped and
    # counted by ingest; a record without them is still a bad record.
    path = tmp_path / "wire.jsonl"
    path.write_text(
        '{"id": "a", "title": "Port reopens", "text": "The port reopened."}\n'
        '{"id": "b", "title": "", "text": ""}\n'
        '{"id": "c", "headline": null, "body": null}\n'
        '{"id": "d", "url": "http://example.com/d"}\n',
        encoding="utf-8",
    )
    good, empty, also_empty, bad = records(path)
    assert isinstance(good, RawArticle)
    assert isinstance(empty, Rejected) and empty.empty and empty.line == 2
    assert isinstance(also_empty, Rejected) and also_empty.empty
    assert isinstance(bad, Rejected) and not bad.empty
    assert "neither a title nor a text" in bad.reason


# One instant, 23:30 on 3 December in New York, as each format gives it.
_BODY = (
    "The dam near the town broke late at night, officials said on Thursday, and about"
    " 300 people were moved from their homes to the school gym before the water came."
)
_PAGE = (
    "<html><head><title>Dam breaks</title>{head}</head><body><article><h1>Dam breaks</h1>"
    "{time}<p>{body}</p><p>{body}</p></article></body></html>"
)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (
            "east.rss",
            '<?xml version="1.0"?><rss version="2.0"><channel><title>East</title><item>'
            "<title>Dam breaks</title><link>http://e.example/1</link>"
            f"<pubDate>Thu, 03 Dec 2026 23:30:00 -0500</pubDate><description>{_BODY}"
            "</description></item></channel></rss>",
        ),
        (
            "west.atom",
            '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>West</title>'
            "<id>w</id><updated>2026-12-04T04:30:00Z</updated><entry><title>Dam breaks</title>"
            '<link href="http://w.example/1"/><id>w1</id><updated>2026-12-04T04:30:00Z</updated>'
            f"<summary>{_BODY}</summary></entry></feed>",
        ),
        (
            "wire.jsonl",
            json.dumps({"title": "Dam breaks", "text": _BODY, "date": "2026-12-04T05:30:00+01:00"})
            + "\n",
        ),
        ("eu.csv", f'title,text,date\nDam breaks,"{_BODY}",2026-12-03 23:30 EST\n'),
        (
            "us.json",
            json.dumps([{"title": "Dam", "text": _BODY, "date": "Dec 3, 2026 11:30 PM EST"}]),
        ),
        (
            "meta.html",
            _PAGE.format(
                head='<meta property="article:published_time" content="2026-12-03T23:30:00-05:00">',
                time="",
                body=_BODY,
            ),
        ),
        (
            "time.html",
            _PAGE.format(
                head="", time='<time datetime="2026-12-03T23:30:00-05:00">3 Dec</time>', body=_BODY
            ),
        ),
    ],
    ids=["rss", "atom", "jsonl", "csv", "json", "html-meta", "html-time"],
)
def test_a_date_with_a_zone_is_stored_as_its_instant_in_utc(
    tmp_path: Path, name: str, content: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert only(path).date == "2026-12-04T04:30:00"


def test_a_pages_time_without_a_zone_is_kept_as_given_and_a_day_alone_stays_a_day(
    tmp_path: Path,
) -> None:
    local = tmp_path / "local.html"
    local.write_text(
        _PAGE.format(head="", time='<time datetime="2026-12-03T23:30">3 Dec</time>', body=_BODY)
    )
    assert only(local).date == "2026-12-03T23:30:00"
    day = tmp_path / "day.html"
    day.write_text(
        _PAGE.format(
            head='<meta property="article:published_time" content="2026-12-03">',
            time="",
            body=_BODY,
        )
    )
    assert only(day).date == "2026-12-03"
