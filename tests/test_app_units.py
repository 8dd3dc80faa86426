"""Pure helpers of the browser: wrapping with exact offsets, word diffs, keymap table."""

from __future__ import annotations

import ast
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.style import Style

from tui.components.diffing import differing_spans, find_spans
from tui.components.text_layout import (
    STATUS_MARK,
    TagShifts,
    build_layout,
    speaker_tags,
    wrap,
)
from tui.keymap import SPECS, bind, effective_keys
from tui.wording import diff_values


@given(st.text(alphabet=st.sampled_from("ab c\n界x  -"), max_size=200), st.integers(1, 30))
def test_wrap_covers_the_text_in_order_and_fits(text: str, width: int) -> None:
    lines = wrap(text, width)
    pos = 0
    for start, end in lines:
        assert start >= pos and end >= start
        assert not text[pos:start].strip(), "only whitespace is dropped at a break"
        assert cell_len(text[start:end].rstrip()) <= max(width, 2)
        pos = end
    assert not text[pos:].strip()
    assert len(lines) >= text.count("\n") + 1


@given(
    st.text(alphabet=st.sampled_from("ab c\n界x  -"), max_size=120),
    st.integers(1, 30),
    st.lists(st.integers(0, 120), max_size=8),
)
def test_wrap_starts_a_line_at_each_break(text: str, width: int, breaks: list[int]) -> None:
    lines = wrap(text, width, breaks)
    pos = 0
    for start, end in lines:
        assert start >= pos and not text[pos:start].strip()
        assert cell_len(text[start:end].rstrip()) <= max(width, 2)
        pos = end
    assert not text[pos:].strip()
    starts = {start for start, _ in lines}
    for at in breaks:
        if at < len(text) and not text[at].isspace():
            # The word at a break starts its line (after indentation at most).
            line_start = max(s for s in starts if s <= at)
            assert not text[line_start:at].strip(), (text, at)


def test_a_statement_starting_mid_line_starts_its_own_line() -> None:
    text = "construction projects to the wall. Mr. Trump will also use the money."
    lines = wrap(text, 70, [text.index("Mr.")])
    assert [text[a:b].rstrip() for a, b in lines] == [
        "construction projects to the wall.",
        "Mr. Trump will also use the money.",
    ]
    # A statement glued to the one before it is cut from it.
    glued = "wall.Mr Trump"
    assert [glued[a:b] for a, b in wrap(glued, 70, [5])] == ["wall.", "Mr Trump"]


def test_wrap_keeps_offsets_exact() -> None:
    text = "He said an estimated 11,000 soldiers.\n\nNext paragraph here."
    lines = wrap(text, 16)
    assert [text[a:b].rstrip() for a, b in lines] == [
        "He said an",
        "estimated 11,000",
        "soldiers.",
        "",
        "Next paragraph",
        "here.",
    ]


ARTICLE_TEXT = 'Troops crossed.\n\n"We saw 11,000," the minister said. Talks failed.'


def _statement(text: str, needle: str, **extra) -> dict:  # type: ignore[no-untyped-def,type-arg]
    start = text.index(needle)
    item = {"start": start, "end": start + len(needle), "kind": "sentence", "quotes": []}
    item["numbers"], item["status"] = [], "unique"
    item.update(extra)
    return item


def _article_statements(text: str = ARTICLE_TEXT) -> tuple[dict, list[dict]]:  # type: ignore[type-arg]
    """An article whose headline is its first line, a quote with a speaker and a
    conflicting number, and a corroborated sentence."""
    quote_start = text.index("We saw")
    quote = {"start": quote_start, "end": quote_start + len("We saw 11,000"), "speaker": "Ana"}
    number_start = text.index("11,000")
    statements = [
        _statement(text, text[: text.index("\n")], kind="headline"),
        _statement(
            text,
            '"We saw 11,000," the minister said.',
            quotes=[quote],
            numbers=[{"start": number_start, "end": number_start + 6}],
            status="conflict",
        ),
        _statement(text, "Talks failed.", status="corroborated"),
    ]
    article = {"text": text, "source": "Wire", "date": "2024-01-02", "url": None}
    return article, statements


def _no_style(name: str) -> Style:
    return Style()


def test_speaker_tags_go_after_the_closing_quote_mark() -> None:
    article, statements = _article_statements()
    inserts = speaker_tags(article["text"], statements)
    # The quote ends before ',"': the tag goes after the comma and the quote mark.
    assert inserts == [(article["text"].index(" the minister"), " ‹Ana›")]


def test_offsets_shift_past_the_tags() -> None:
    shift = TagShifts([(5, " ‹A›"), (9, " ‹B›")])
    assert [shift.at_start(o) for o in (0, 5, 6, 9, 10)] == [0, 9, 10, 17, 18]
    # A span ending where a tag is inserted ends before the tag.
    assert shift.at_end(5) == 5 and shift.at_end(9) == 13


def test_layout_maps_every_statement_to_its_display_text_and_lines() -> None:
    article, statements = _article_statements()
    layout = build_layout(article, statements, 30, _no_style)
    shown = layout.text.plain
    assert '"We saw 11,000," ‹Ana› the minister said.' in shown
    spans = [shown[a:b] for a, b in layout.spans]
    assert spans == [
        "Troops crossed.",
        '"We saw 11,000," ‹Ana› the minister said.',
        "Talks failed.",
    ]
    assert [h.plain for h in layout.header] == ["Wire · 2024-01-02", ""]
    # Every line fits the text column (the pane less the gutter).
    assert all(cell_len(shown[a:b].rstrip()) <= 30 - 3 for a, b in layout.lines)
    for (start, end), first, last in zip(
        layout.spans, layout.first_line, layout.last_line, strict=True
    ):
        assert layout.lines[first][0] <= start < layout.lines[first][1] + 1
        assert layout.lines[last][0] < end <= layout.lines[last][1]
    assert layout.marks[layout.first_line[1]] == "conflict"
    # Each statement starts its own line: its mark labels it, not the one before it.
    assert [layout.lines[first][0] for first in layout.first_line] == [
        start for start, _ in layout.spans
    ]
    assert STATUS_MARK[layout.marks[layout.first_line[1]]] == "≠"


def test_layout_styles_by_offsets_not_markup() -> None:
    article, statements = _article_statements("[bold]Troops[/] crossed." + ARTICLE_TEXT[15:])
    styles = {"number": Style(underline=True)}
    layout = build_layout(article, statements, 80, lambda name: styles.get(name, Style()))
    assert layout.text.plain.startswith("[bold]Troops[/] crossed.\n")
    underlined = [
        layout.text.plain[s.start : s.end] for s in layout.text.spans if s.style == styles["number"]
    ]
    assert underlined == ["11,000"]


def test_layout_leaves_out_bidi_controls_and_keeps_every_offset() -> None:
    """U+202E (a right-to-left override) and an isolate in the text, the speaker and
    the source would reverse how the line reads on a terminal that lays out bidi text:
    they are not shown, and every statement, quote and number still covers its words."""
    text = 'Troops \u202ecrossed\u202c.\n\n\u2066"We saw 11,000," the minister said. Talks failed.'
    article, statements = _article_statements(text)
    article["source"] = "Wi\u202ere"
    statements[1]["quotes"][0]["speaker"] = "A\u202ena"
    styles = {"number": Style(underline=True), "quote": Style(italic=True)}
    layout = build_layout(article, statements, 80, lambda name: styles.get(name, Style()))
    plain = layout.text.plain
    assert not set(plain) & {"\u202e", "\u202c", "\u2066"}
    assert [plain[a:b] for a, b in layout.spans] == [
        "Troops crossed.",
        '"We saw 11,000," ‹Ana› the minister said.',
        "Talks failed.",
    ]
    underlined = [plain[s.start : s.end] for s in layout.text.spans if s.style == styles["number"]]
    assert underlined == ["11,000"]
    quoted = [plain[s.start : s.end] for s in layout.text.spans if s.style == styles["quote"]]
    assert quoted == ["We saw 11,000"]
    assert layout.header[0].plain.startswith("Wire · ")


def test_showable_is_the_one_rule_of_the_cli_and_the_browser() -> None:
    from db.showable import Showable, showable
    from tui.cli.common import clean

    raw = "a\u202eb\u2066c\u2069d\u200fe\u061cf\x1b[2Jg\th\ni"
    assert showable(raw) == clean(raw) == "abcdef[2Jg\th\ni"
    safe = Showable(raw)
    assert safe.text == showable(raw)
    assert safe.text[safe.at(raw.index("e")) : safe.at(raw.index("g") + 1)] == "ef[2Jg"
    assert Showable("plain").dropped == []


def test_text_layout_does_not_import_textual() -> None:
    import subprocess
    import sys

    code = (
        "import sys, tui.components.text_layout\n"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'textual']\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_differing_words_of_a_near_copy_are_marked() -> None:
    mine = "Officials said 11,000 troops were in the Kursk region on Monday."
    other = "Officials said 10,000 troops were in the Kursk region on Tuesday."
    spans = differing_spans(mine, other)
    assert [other[a:b] for a, b in spans] == ["10,000", "Tuesday"]
    # A paraphrase differs everywhere: nothing is marked.
    assert differing_spans(mine, "We believe there are now at least 10,000 DPRK forces.") == []


def test_number_diffs_and_spans() -> None:
    diffs = [{"a": "an estimated 11,000", "b": "at least 10,000", "a_value": 11000}]
    assert diff_values(diffs) == [("an estimated 11,000", "at least 10,000")]
    assert diff_values([{"a_value": 11000.0, "b_value": 10000}]) == [("11000", "10000")]
    text = "there are now at least 10,000 DPRK forces"
    assert find_spans(text, ["At least 10,000", "missing"]) == [(14, 29)]


def test_every_binding_has_an_id_and_a_key() -> None:
    for binding_id, spec in SPECS.items():
        binding = bind(binding_id, "noop")
        assert binding.id == binding_id and binding.key and spec.help
    assert effective_keys("cursor.down", {"cursor.down": "ctrl+n"}) == "ctrl+n"
    assert effective_keys("cursor.down", {}) == "j,down"


def _small_corpus(tmp_path):  # type: ignore[no-untyped-def]
    """60 articles from three sources, some undated; stories over some of them."""
    import json

    from db.connection import connect
    from db.ingest import ingest_paths

    data = tmp_path / "small.jsonl"
    with data.open("w", encoding="utf-8") as out:
        for i in range(60):
            date = None if i % 11 == 0 else f"2024-0{1 + i % 3}-{1 + i % 5:02d}"
            out.write(
                json.dumps(
                    {
                        "id": str(i),
                        "source": f"Wire {i % 3}",
                        "date": date,
                        "title": f"Headline {i}",
                        "text": f"Body {i}.",
                    }
                )
                + "\n"
            )
    db = connect(tmp_path / "small.db")
    ingest_paths(db, [data], match=False)
    # Stand-in stories (the story builder is tested elsewhere): one undated.
    for sid, first_date in ((1, "2024-02-01"), (2, "2024-03-05"), (3, None)):
        db.execute(
            "INSERT INTO stories(id, title, first_date, n_articles, n_sources)"
            " VALUES (?, ?, ?, 0, 0)",
            (sid, f"Story {sid}", first_date),
        )
    db.execute("UPDATE articles SET story_id = 1 + id % 3 WHERE id % 4 = 0")
    return db


def _expected(db, filt, by_story):  # type: ignore[no-untyped-def]
    """The list order, computed the slow, obvious way."""
    arts = [
        {"id": r[0], "date": r[1], "story_id": r[2], "source": r[3]}
        for r in db.execute(
            "SELECT a.id, a.date, a.story_id, s.name FROM articles a"
            " JOIN sources s ON s.id = a.source_id"
        )
    ]
    keep = [
        a
        for a in arts
        if (not filt.source or a["source"].lower() == filt.source.lower())
        and (not filt.since or (a["date"] is not None and a["date"] >= filt.since))
    ]

    def order(items):  # type: ignore[no-untyped-def]
        return sorted(
            items, key=lambda a: (a["date"] is not None, a["date"] or "", a["id"]), reverse=True
        )

    if not by_story:
        return [("article", a["id"]) for a in order(keep)]
    first_dates = dict(db.execute("SELECT id, first_date FROM stories").fetchall())
    stories = sorted(
        {a["story_id"] for a in keep if a["story_id"] is not None},
        key=lambda s: (first_dates[s] is not None, first_dates[s] or "", s),
        reverse=True,
    )
    out = []
    for story in stories:
        out.append(("story", story))
        out += [("article", a["id"]) for a in order(a for a in keep if a["story_id"] == story)]
    return out + [("article", a["id"]) for a in order(a for a in keep if a["story_id"] is None)]


def test_list_pages_and_positions_match_the_obvious_order(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from db import article_list as bq
    from db.articles import ArticleFilter

    db = _small_corpus(tmp_path)
    for filt in (
        ArticleFilter(),
        ArticleFilter(source="wire 1"),
        ArticleFilter(since="2024-02-01"),
    ):
        for by_story in (False, True):
            expected = _expected(db, filt, by_story)
            assert bq.browse_count(db, filt, by_story=by_story) == len(expected)
            got = []
            for offset in range(0, len(expected) + 7, 7):  # small pages, deep offsets
                page = bq.browse_rows(db, filt, by_story=by_story, limit=7, offset=offset)
                got += [(r["kind"], r["id"]) for r in page]
            assert got == expected, (filt, by_story)
            for index, (kind, ident) in enumerate(expected):
                if kind == "article":
                    assert bq.article_position(db, ident, filt, by_story=by_story) == index
    hidden = next(r[0] for r in db.execute("SELECT id FROM articles WHERE date IS NULL"))
    assert bq.article_position(db, hidden, ArticleFilter(since="2024-01-01")) is None


def _pages(db, filt, offsets):  # type: ignore[no-untyped-def]
    from db import article_list as bq

    got = []
    for offset in offsets:
        page = bq.browse_rows(db, filt, by_story=True, limit=7, offset=offset)
        got += [(r["kind"], r["id"]) for r in page]
    return got


def test_list_positions_are_each_connections_own(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """What a connection's TEMP position tables were built for is kept with them, never
    by the connection's address: a new connection can come at a freed one's address, and
    must not take the other's tables for its own. Every connection is given one address
    here (``id``), as a freed connection's address is given again."""
    from db import article_list as bq
    from db.articles import ArticleFilter
    from db.connection import connect

    monkeypatch.setattr(bq, "id", lambda _obj: 1, raising=False)
    db = _small_corpus(tmp_path)
    wire = ArticleFilter(source="wire 1")
    everything, wired = _expected(db, ArticleFilter(), True), _expected(db, wire, True)
    offsets = range(0, len(everything) + 7, 7)
    one = connect(tmp_path / "small.db", readonly=True, create=False)
    two = connect(tmp_path / "small.db", readonly=True, create=False)
    assert _pages(one, ArticleFilter(), offsets) == everything
    assert _pages(two, wire, offsets) == wired  # built for another filter on another one
    # Each still reads its own positions: the first connection's list is not the second's.
    assert _pages(one, wire, offsets) == wired
    assert _pages(two, ArticleFilter(), offsets) == everything
    # A new connection reads the deep pages of loose articles (its tables built for it).
    one.conn.close()
    three = connect(tmp_path / "small.db", readonly=True, create=False)
    assert _pages(three, ArticleFilter(), offsets) == everything
    for conn in (two, three):
        conn.conn.close()


def test_the_story_positions_are_built_again_only_when_the_database_changed(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Counting a list by story (``t`` back to the stories) reads the positions built
    before for that filter while the database is as it was; a change by another
    connection, or by this one, has them built again, and the list follows it."""
    from db import article_list as bq
    from db.articles import ArticleFilter
    from db.connection import connect

    _small_corpus(tmp_path).conn.close()
    ui = connect(tmp_path / "small.db")
    built: list[str] = []
    ui.conn.set_trace_callback(
        lambda sql: built.append(sql) if "CREATE TABLE temp.claimlens_story_pos" in sql else None
    )
    everything = ArticleFilter()
    n = bq.browse_count(ui, everything, by_story=True)
    assert n == len(_expected(ui, everything, True)) and len(built) == 1
    assert len(_pages(ui, everything, range(0, n + 14, 7))) == n  # the loose ones' order built
    assert bq.browse_count(ui, everything, by_story=False) == 60  # t: the articles
    assert bq.browse_count(ui, everything, by_story=True) == n  # t back
    assert len(built) == 1  # read, not built again
    other = connect(tmp_path / "small.db")
    other.execute("UPDATE articles SET story_id = NULL WHERE id = 4")
    other.conn.commit()
    assert bq.browse_count(ui, everything, by_story=True) == len(_expected(ui, everything, True))
    assert len(built) == 2  # another connection's change
    ui.execute("UPDATE articles SET story_id = 2 WHERE id = 5")
    ui.conn.commit()
    assert bq.browse_count(ui, everything, by_story=True) == len(_expected(ui, everything, True))
    assert len(built) == 3  # this connection's own
    assert _pages(ui, everything, range(0, n + 14, 7)) == _expected(ui, everything, True)
    for conn in (ui, other):
        conn.conn.close()


# Where a str is shown as plain text, never read as markup: rich Text and Textual Content,
# escape(), any call with markup=False, and the config's problems (the app shows them
# with notify(markup=False); tests/test_app.py checks it on screen).
PLAIN_SINKS = {"Text", "Content", "escape", "Strip"}


def _markup_changes(value: str) -> bool:
    from rich.errors import MarkupError
    from rich.markup import render

    try:
        return render(value).plain != value
    except MarkupError:
        return True


def _plain_sink(call: ast.Call) -> bool:
    func = call.func
    name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
    if name in PLAIN_SINKS:
        return True
    if any(k.arg == "markup" and getattr(k.value, "value", True) is False for k in call.keywords):
        return True
    # config.problems.append(...) / self.config.problems.append(...)
    owner = getattr(func, "value", None)
    return name == "append" and getattr(owner, "attr", "") == "problems"


def test_every_static_string_with_brackets_is_shown_as_plain_text() -> None:
    """A string literal of the browser that Rich would read as markup ("[keymap]",
    "[ui]") must reach the screen through a plain-text path, or it loses words."""
    root = Path(__file__).parent.parent / "tui"
    files = [root / "app.py", root / "config.py", root / "keymap.py"]
    files += sorted((root / "components").glob("*.py"))
    risky: list[str] = []
    checked = 0
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            if "[" not in node.value or not _markup_changes(node.value):
                continue
            up = parents.get(node)
            if isinstance(up, ast.Expr):
                continue  # a docstring
            while up is not None and not isinstance(up, ast.Call):
                up = parents.get(up)
            checked += 1
            if up is None or not _plain_sink(up):
                risky.append(f"{path.name}:{node.lineno}: {node.value!r}")
    assert checked >= 3  # "[keymap]" and "[ui]" messages, the help header
    assert not risky, "shown as markup: " + "; ".join(risky)


def test_status_line_shortens_then_drops_the_least_important_parts() -> None:
    from tui.components.status_line import fit_status, part

    parts = [
        part(10, "claimlens", short=""),
        part(30, "13 articles in 4 stories", short="13 articles"),
        part(85, "source: entertainment", short="entertainment"),
        part(90, "statement 6/13", short="st. 6/13"),
        part(40, "↩ 3"),
        part(50, "hit 3/6"),
    ]
    full = (
        "claimlens  13 articles in 4 stories  source: entertainment  statement 6/13  ↩ 3  hit 3/6"
    )
    assert fit_status(parts, 200).plain == full
    # Narrower: the brand goes first, then the counts are shortened, and so on.
    assert fit_status(parts, 80).plain == (
        "13 articles in 4 stories  source: entertainment  statement 6/13  ↩ 3  hit 3/6"
    )
    assert fit_status(parts, 60).plain == (
        "13 articles  entertainment  statement 6/13  ↩ 3  hit 3/6"
    )
    assert fit_status(parts, 50).plain == "13 articles  entertainment  st. 6/13  ↩ 3  hit 3/6"
    assert fit_status(parts, 40).plain == "entertainment  st. 6/13  ↩ 3  hit 3/6"
    assert fit_status(parts, 30).plain == "entertainment  st. 6/13"
    for width in range(0, 100):
        line = fit_status(parts, width).plain
        assert cell_len(line) <= width
        # A part is whole or gone: never cut in the middle of a number.
        assert "…" not in line or width < len("st. 6/13")


def test_a_word_wider_than_the_line_is_cut_where_it_reads_as_cut() -> None:
    """QA item: an address wider than the reader was cut at the line's last cell
    ("…full-report-on-the-harb" / "our-bridge…"). It is cut after a slash or a hyphen,
    or before a dot or a query, when that fills at least half the line; a word that
    fits on a line of its own is never cut; one with nowhere to cut is cut at the end."""
    url = "https://www.council.example.gov.uk/news/2024/01/02/full-report-on-the-harbour-bridge-closure.html"
    text = f"The council published the full report at {url} on Tuesday."
    assert [text[a:b].rstrip() for a, b in wrap(text, 75)] == [
        "The council published the full report at",
        "https://www.council.example.gov.uk/news/2024/01/02/full-report-on-the-",
        "harbour-bridge-closure.html on Tuesday.",
    ]
    query = "see https://example.com/search?q=harbour+bridge&page=2&sort=newest&lang=en-GB ok"
    assert [query[a:b].rstrip() for a, b in wrap(query, 40)] == [
        "see",
        "https://example.com/search",
        "?q=harbour+bridge&page=2&sort=newest",
        "&lang=en-GB ok",
    ]
    # "https://" is never cut in its "//"; a cut that would leave a short line is not
    # taken: the word is cut at the line's end.
    long = "https://x.org/" + "a" * 60
    assert [long[a:b] for a, b in wrap(long, 40)] == [long[:40], long[40:]]
    # A trailing full stop is not left alone on a line.
    dotted = "example.org/" + "b" * 30 + "."
    assert [dotted[a:b] for a, b in wrap(dotted, 42)] == [dotted[:41], dotted[41:]]
    rule = "-" * 100  # nowhere to cut but everywhere: full lines
    assert [b - a for a, b in wrap(rule, 40)] == [40, 40, 20]
    # A word that fits on a line of its own moves there whole.
    fits = "words before https://example.com/a-path/that-fits"
    assert [fits[a:b].rstrip() for a, b in wrap(fits, 36)] == [
        "words before",
        "https://example.com/a-path/that-fits",
    ]


def test_the_story_views_q_is_not_the_main_screens_q() -> None:
    """The story view's q (close) and the app's q (quit) act on different screens: a
    keymap giving app.quit "q,ctrl+q" (the README's example) shares no key, while one
    giving q to two bindings of the main screen does."""
    from tui.keymap import shared_keys

    assert shared_keys({"app.quit": "q,ctrl+q"}) == []
    assert shared_keys({"story.close": "escape,q"}) == []
    assert shared_keys({"cursor.down": "q"}) == [("q", ["cursor.down", "app.quit"])]


def test_the_stories_counts_read_the_story_index_alone_under_any_filter(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A source filter's story positions were counted by reading each of the source's
    articles from the table (the plan took ``articles_source_date``: 0.2-1.4 s at 116 k
    articles, on the UI thread). Under every kind of filter the counts now walk
    ``articles_story_date`` alone (it holds every column a filter tests), and the list is
    what the obvious order says."""
    from db import article_list as bq
    from db.articles import ArticleFilter
    from db.connection import connect

    _small_corpus(tmp_path).conn.close()
    ui = connect(tmp_path / "small.db")
    built: list[str] = []
    ui.conn.set_trace_callback(
        lambda sql: built.append(sql) if "CREATE TABLE temp.claimlens_story_pos" in sql else None
    )
    filters = [
        ArticleFilter(source="Wire 1"),
        ArticleFilter(since="2024-02-01"),
        ArticleFilter(source="wire 2", since="2024-02-01"),
        ArticleFilter(),
    ]
    for filt in filters:
        n = bq.browse_count(ui, filt, by_story=True)
        assert _pages(ui, filt, range(0, n + 14, 7)) == _expected(ui, filt, True), filt
        counts = built[-1].split(" AS", 1)[1].strip()  # the SELECT the table is made of
        plan = " | ".join(row[3] for row in ui.execute(f"EXPLAIN QUERY PLAN {counts}"))
        assert "COVERING INDEX articles_story_date" in plan, (filt, plan)
        assert "articles_source_date" not in plan and "articles_date" not in plan, (filt, plan)
    assert len(built) == len(filters)


def test_clearing_a_filter_reads_the_unfiltered_positions_built_before(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`x` after a source filter built the unfiltered list's story positions again (~35 ms
    of CPU at 116 k articles), though nothing had changed: a filter's positions replaced
    them. They are kept beside a filter's, and read again while the database is as it
    was; a change (another connection's, or this one's) has them built again."""
    from db import article_list as bq
    from db.articles import ArticleFilter
    from db.connection import connect

    _small_corpus(tmp_path).conn.close()
    ui = connect(tmp_path / "small.db")
    built: list[str] = []
    ui.conn.set_trace_callback(
        lambda sql: built.append(sql) if "CREATE TABLE temp.claimlens_story_pos" in sql else None
    )
    everything, wire = ArticleFilter(), ArticleFilter(source="Wire 1")
    for filt in (everything, wire, everything, wire, everything):
        n = bq.browse_count(ui, filt, by_story=True)
        assert _pages(ui, filt, range(0, n + 14, 7)) == _expected(ui, filt, True), filt
        for kind, ident in _expected(ui, filt, True)[::5]:
            if kind == "article":
                index = _expected(ui, filt, True).index((kind, ident))
                assert bq.article_position(ui, ident, filt, by_story=True) == index
    assert len(built) == 2  # once each: the loose articles' deep pages built their order too
    other = connect(tmp_path / "small.db")
    other.execute("UPDATE articles SET story_id = NULL WHERE id = 4")
    other.conn.commit()
    for filt in (everything, wire):
        n = bq.browse_count(ui, filt, by_story=True)
        assert _pages(ui, filt, range(0, n + 14, 7)) == _expected(ui, filt, True), filt
    assert len(built) == 4  # the change: each built again
    ui.execute("UPDATE articles SET story_id = 2 WHERE id = 5")
    ui.conn.commit()
    n = bq.browse_count(ui, everything, by_story=True)
    assert _pages(ui, everything, range(0, n + 14, 7)) == _expected(ui, everything, True)
    assert len(built) == 5  # this connection's own change
