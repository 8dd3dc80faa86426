"""What a new user's first hour at 80×24 tripped on (qa77): a story's heading lost its
counts to a long title, and in the story view a list the keys had left still looked
chosen (Enter on it did nothing)."""

from __future__ import annotations

from pathlib import Path

from tests.test_app import main_of, one_story, open_statement_at_80x24
from tests.tui_fixtures import *  # noqa: F403 (pytest fixtures)
from tests.tui_fixtures import async_test, screen_text, settle, story_opened
from tui.app import make_app
from tui.config import Config

_LONG_TITLE = (
    "Adam Schiff urged to step down as chairman by House Intelligence Committee "
    "Republicans after the Mueller report"
)


def _heading_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if "▾ " in line]


@async_test
async def test_a_story_heading_keeps_its_counts_at_80_columns(demo_db: Path) -> None:
    """QA: at 80×24 a long story title pushed its counts off the row ("3 articles · 3
    sourc…"), and with a filter "1 of 4 articles · 4 …" lost what the filter hid. The
    title is cut with "…" now, the counts kept whole."""
    one_story(demo_db, _LONG_TITLE, 2, 2)
    app = make_app(demo_db, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rows = _heading_rows(screen_text(app))
        assert rows, screen_text(app)
        assert "2 articles · 2 sources" in rows[0]
        assert "Adam Schiff urged to step down" in rows[0] and "…" in rows[0]
        main = main_of(app)
        source = main.library.db.execute(
            "SELECT name FROM sources ORDER BY name LIMIT 1"
        ).fetchone()[0]
        main.set_source(source)
        await settle(pilot)
        rows = _heading_rows(screen_text(app))
        assert "1 of 2 articles · 2 sources" in rows[0], rows


@async_test
async def test_a_short_story_heading_is_shown_whole(demo_db: Path) -> None:
    """Guard: a title that fits is not cut."""
    one_story(demo_db, "North Korean troops in Kursk", 2, 2)
    app = make_app(demo_db, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rows = _heading_rows(screen_text(app))
        assert "North Korean troops in Kursk  2 articles · 2 sources" in rows[0]
        assert "…" not in rows[0]


def _option_line_style(listed, index: int):  # type: ignore[no-untyped-def]
    """The background of the first line of option ``index`` as drawn."""
    listed._update_lines()
    line = listed._index_to_line[index]
    strip = listed.render_line(line - int(listed.scroll_y))
    return next(segment.style.bgcolor for segment in strip if segment.text.strip())


@async_test
async def test_a_story_list_the_keys_left_does_not_look_chosen(demo_app) -> None:  # type: ignore[no-untyped-def]
    """QA: in the story view Tab gave the articles the keys (the first one in the block
    cursor), Tab again the conflicts, or the story when it has none, while the article
    kept the cursor's colours: Enter on what looked chosen did nothing. A list without
    the keys draws its chosen option as the others; with the keys again, in the cursor."""
    import tui.components.story_view as sv

    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        story = await story_opened(app, pilot)
        listed = story.query_one(sv.StoryArticleList)
        await pilot.press("tab")
        await settle(pilot)
        assert app.focused is listed and listed.highlighted == 0
        chosen = _option_line_style(listed, 0)
        plain = _option_line_style(listed, 1)
        assert chosen != plain  # with the keys: the block cursor
        await pilot.press("tab")
        await settle(pilot)
        assert app.focused is not listed
        assert listed.highlighted == 0  # kept for when the keys come back
        assert _option_line_style(listed, 0) == plain
        await pilot.press("a")
        await settle(pilot)
        assert app.focused is listed
        assert _option_line_style(listed, 0) == chosen


# A headline of 400 characters (a feed or a scrape that put a paragraph in the title):
# the list cuts it to its row, the text shows it whole, but the story view and the claim
# panel gave it every line it wraps to (11 of the 20 rows at 80×24).
_HEADLINE_400 = ("Kursk " + "very long headline about North Korean troops and Ukraine " * 7)[:400]


def test_a_story_views_article_row_cuts_a_very_long_headline() -> None:
    from tui.components.story_view import article_rows
    from tui.wording import TITLE_CELLS

    view = {
        "articles": [
            {"id": 1, "source": "wire", "date": "2024-11-05", "title": _HEADLINE_400},
            {"id": 2, "source": "B", "date": "2024-11-05", "title": "Troops in Kursk"},
        ]
    }
    (_first, long_row), (_second, short_row) = article_rows(view)
    title = long_row.rows[0][1].plain
    assert title.endswith("…") and len(title) == TITLE_CELLS
    assert _HEADLINE_400.startswith(title[:-1].rstrip())
    assert short_row.rows[0][1].plain == "Troops in Kursk"  # guard: a short one whole


@async_test
async def test_the_claim_panel_cuts_a_very_long_headline_it_names(demo_app) -> None:  # type: ignore[no-untyped-def]
    """A related match's "in <headline>" line: a 400-character headline took the rows of
    the panel 80×24 leaves; it is cut with "…" (Enter opens the article)."""
    from tui.wording import TITLE_CELLS

    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        panel = main_of(app).claims
        match = {
            "source": "wire",
            "date": "2024-11-05",
            "score": 60,
            "relation": "related",
            "text": "Troops were seen in Kursk.",
            "title": _HEADLINE_400,
        }
        shown = panel.match_text(match).plain
        line = next(x for x in shown.splitlines() if x.startswith("in "))
        assert line.endswith("…") and len(line) == len("in ") + TITLE_CELLS
        match["title"] = "Troops in Kursk, wire says"
        assert "in Troops in Kursk, wire says" in panel.match_text(match).plain


# --- the README's sample outputs are what the commands print ------------------------------

_README = Path(__file__).parent.parent / "README.md"
_SAMPLES = Path(__file__).parent.parent / "tui" / "samples"
# Commands whose printed lines the README does not show as they print: an ingest's
# timings, a file `pairs` writes first, `quotes` run on BASIL (said above it).
_NOT_CHECKED = ("ingest", "pairs", "quotes")


def _console_samples() -> list[tuple[str, list[str]]]:
    """(command, the lines the README shows it printing) of every console block."""
    import re

    out: list[tuple[str, list[str]]] = []
    for block in re.findall(r"```console\n(.*?)```", _README.read_text(encoding="utf-8"), re.S):
        for line in block.splitlines():
            if line.startswith("$ "):
                out.append((line[2:].split("  #")[0].strip(), []))
            elif out:
                out[-1][1].append(line)
    return out


def _shown_as(line: str) -> str:
    """A README line as a pattern of the printed one: "…" stands for text left out, and a
    match's score (its first figure) may move with the matcher."""
    import re

    pattern = re.escape(line).replace("…", ".*")
    if re.match(r" *\d+\.\d ", line):
        pattern = re.sub(r"\d+\\\.\d", r"\\d+\\.\\d", pattern, count=1)
    return "^" + pattern + "$"


def test_the_readmes_sample_outputs_are_what_the_commands_print(tmp_path: Path) -> None:
    """QA: a new user following the README on the two samples saw `show 2` print a line
    the README did not show (the file's path) and name the speaker otherwise ("— Umerov";
    it prints "— Rustem Umerov"), and `quotes --speaker Schiff`, run on BASIL though the
    section says its examples use the samples, print "No quotes of 'Schiff'" (exit 1).
    Each sample of the two samples' commands is checked here, line by line."""
    import re
    import shlex

    from click.testing import CliRunner

    from tui.cli import main

    db = str(tmp_path / "walk.db")
    runner = CliRunner()
    for name, source in (("000_dd9f0b5d2f8810a6.txt", "A"), ("004_30c3ae78e6307b4b.txt", "B")):
        done = runner.invoke(main, ["--db", db, "ingest", str(_SAMPLES / name), "--source", source])
        assert done.exit_code == 0, done.output
    checked = 0
    for command, lines in _console_samples():
        args = shlex.split(command)
        if args[0] != "claimlens" or any(word in args for word in _NOT_CHECKED):
            continue
        result = runner.invoke(main, ["--db", db, *args[1:]])
        assert result.exit_code == 0, (command, result.output)
        for line in lines:
            assert re.search(_shown_as(line), result.output, re.M), (command, line)
            checked += 1
    assert checked >= 20  # show, articles, search, matches, claims, stories


# --- the chosen match in 16 colours ---------------------------------------------------------


def _coloured_in_cursor(listed) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(text, colour) of each segment of the highlighted option drawn in a colour other
    than the cursor's own foreground."""
    cursor = listed.get_component_rich_style("option-list--option-highlighted", partial=True)
    index = listed.highlighted
    listed._update_lines()
    top = listed._index_to_line[index]
    out = []
    for y in range(top, top + listed._heights[index]):
        strip = listed.render_line(y - int(listed.scroll_y))
        for segment in strip:
            colour = segment.style.color if segment.style else None
            if segment.text.strip() and colour is not None and colour != cursor.color:
                out.append((segment.text, colour.name))
    return out


@async_test
async def test_the_chosen_match_is_drawn_in_the_cursors_colours_alone(demo_app) -> None:  # type: ignore[no-untyped-def]
    """QA in 16 colours: the claim panel's chosen match is black on the light grey
    cursor, but its "SAME" stayed green (contrast 1.7:1 in xterm's palette: unreadable)
    and a conflict's values red. The chosen option is in the cursor's colours alone, as
    the article list's cursor row is; bold and underline still carry what colour did."""
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        main = await open_statement_at_80x24(pilot, "an estimated 11,000")
        matches = main.claims.match_list
        await pilot.press("tab")
        await settle(pilot)
        assert app.focused is matches and matches.highlighted is not None
        assert _coloured_in_cursor(matches) == []


# --- ] and [ where the text does not have the keys ------------------------------------------


def _matched(main) -> list[int]:  # type: ignore[no-untyped-def]
    return [
        i
        for i, s in enumerate(main.reader.statements)
        if s.get("status") in ("corroborated", "conflict")
    ]


@async_test
async def test_brackets_on_the_list_open_the_article_at_a_matched_statement(demo_app) -> None:  # type: ignore[no-untyped-def]
    """QA at 80×24: the help lists ] "next statement another source also reports", but on
    the article list (where a new user starts) it did nothing. On the list, ] opens the
    article under the cursor at its first such statement, [ at its last; on the claim
    panel they move the text to the next or previous one, as in the text."""
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = main_of(app)
        assert app.focused is main.articles and main.view == "list"
        await pilot.press("j")  # off the story's heading, onto its first article
        await settle(pilot)
        wanted = main.articles.current["id"]
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert main.view == "reader" and app.focused is main.reader
        assert main.reader.article["id"] == wanted
        matched = _matched(main)
        assert len(matched) >= 2 and main.reader.cursor == matched[0]
        await pilot.press("escape")  # back to the list, as after Enter
        await settle(pilot)
        assert main.view == "list"
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert main.view == "reader" and main.reader.cursor == matched[-1]
        # from the claim panel: the text moves on, the keys stay on the panel
        await pilot.press("tab")
        await settle(pilot)
        assert app.focused is main.claims.match_list
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert main.reader.cursor == matched[-2]
        assert app.focused is main.claims.match_list
