"""The browser driven by keys through Textual's Pilot, as a user would drive it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from textual import events
from textual.command import CommandPalette

from tests.tui_fixtures import *  # noqa: F403 (pytest fixtures)
from tests.tui_fixtures import (
    MARKUP_TEXT,
    async_test,
    ingested_db,
    one_sentence_articles,
    screen_text,
    settle,
    story_opened,
)
from tui.app import ClaimLensApp, make_app
from tui.components.filter_screens import DateFilterScreen, SourceFilterScreen
from tui.components.help_screen import HelpScreen
from tui.components.main_screen import MainScreen
from tui.components.search_screen import SearchScreen
from tui.components.text_layout import STATUS_MARK
from tui.config import Config, load_config
from tui.keymap import SPECS

ROOT = Path(__file__).parent.parent


def styles_of(app: ClaimLensApp, needle: str) -> list:  # type: ignore[type-arg]
    """The styles of the on-screen segments that hold ``needle``."""
    return [
        seg.style
        for strip in app.screen._compositor.render_strips()
        for seg in strip
        if needle in seg.text
    ]


def article_rows(articles) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    """The article rows of the list, story rows left out."""
    rows = (articles.row(i) for i in range(articles.total))
    return [r for r in rows if r is not None and r["kind"] == "article"]


def main_of(app: ClaimLensApp) -> MainScreen:
    return app.main


def one_story(
    demo_db: Path,
    title: str,
    n_articles: int,
    n_sources: int,
    members: str = "1",
) -> None:
    """Stand-in for the story builder: the demo database's one story, ``title``, with
    ``n_articles`` of ``n_sources`` sources (the stored counts), and the articles
    ``members`` (a SQL expression: 1 for all) in it."""
    from db.connection import connect

    db = connect(demo_db)
    db.execute("DELETE FROM stories")
    db.execute(
        "INSERT INTO stories(id, title, first_date, n_articles, n_sources)"
        " VALUES (1, ?, '2024-11-05', ?, ?)",
        (title, n_articles, n_sources),
    )
    db.execute(f"UPDATE articles SET story_id = CASE WHEN {members} THEN 1 END")
    db.conn.close()


async def ungrouped_main(pilot) -> MainScreen:  # type: ignore[no-untyped-def]
    """The main screen once the app has settled, its list ungrouped (``t``: one row per
    article, the demo's two)."""
    await settle(pilot)
    main = main_of(pilot.app)
    await pilot.press("t")
    await settle(pilot)
    return main


async def goto_statement(pilot, needle: str) -> None:  # type: ignore[no-untyped-def]
    """Press j/k in the reader until the statement containing ``needle`` is current."""
    main = main_of(pilot.app)
    reader = main.reader
    target = next(i for i, s in enumerate(reader.statements) if needle in s["text"])
    main.reader.focus()
    while reader.cursor != target:
        await pilot.press("j" if reader.cursor < target else "k")
    await settle(pilot)


# --- the list, the reader, the claim panel -------------------------------------------------


@async_test
async def test_first_screen_shows_both_sources_newest_first(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = main_of(app)
        # Grouped by story when the engine made stories (both articles are in one).
        assert main.state.by_story == main.library.has_stories()
        assert main.counts[0] == 2
        rows = article_rows(main.articles)
        assert [r["source"] for r in rows] == ["Source A", "Source B"]
        assert rows[0]["date"] == "2024-11-06"
        # The counts of corroborated and conflicting statements are on the row.
        assert rows[0]["corroborated"] >= 1 and rows[0]["conflict"] >= 1
        text = screen_text(app)
        assert "Ukraine says it fought N Korean troops" in text
        assert "≠" in text and "✓" in text
        # The list's cursor row is reversed (two-line rows in a narrow pane).
        assert main.articles.row_height == 2
        assert all(s.reverse for s in styles_of(app, "Ukraine says it fought"))
        assert not any(s.reverse for s in styles_of(app, 'Ukrainian troops "engaged'))
        # The reader previews the highlighted article, right after the cursor has moved.
        assert main.reader.article["source"] == "Source A"
        await pilot.press("j")
        assert main.articles.current["source"] == "Source B"
        await settle(pilot)
        assert main.reader.article["source"] == "Source B"
        await pilot.press("k")
        await settle(pilot)
        assert main.reader.article["source"] == "Source A"


@async_test
async def test_statement_cursor_moves_sentence_by_sentence(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        main = main_of(app)
        await pilot.press("enter")  # open the article: focus goes to the text
        assert app.focused is main.reader
        reader = main.reader
        assert reader.cursor == 0 and reader.current["kind"] == "headline"
        await pilot.press("j", "j", "down")
        assert reader.cursor == 3
        assert "Umerov said" in reader.current["text"]
        await pilot.press("k")
        assert reader.cursor == 2
        await pilot.press("G")
        assert reader.cursor == len(reader.statements) - 1
        # The last statement is scrolled into view and marked with the cursor.
        assert reader.scroll_y > 0
        assert "▶" in screen_text(app)
        await pilot.press("g")
        assert reader.cursor == 0 and reader.scroll_y == 0
        assert f"article {reader.article['id']} · statement 0  (0–" in screen_text(app)


@async_test
async def test_claim_panel_shows_the_conflicting_number(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = main_of(app)
        await goto_statement(pilot, "an estimated 11,000")
        assert main.reader.current["status"] == "conflict"
        matches = main.claims.matches
        conflict = [m for m in matches if m["relation"] == "conflict"]
        assert conflict, matches
        assert conflict[0]["source"] == "Source B"
        assert "at least 10,000" in conflict[0]["text"]
        values = [(d.get("a_value"), d.get("b_value")) for d in conflict[0]["diffs"]]
        assert (11000, 10000) in values
        text = screen_text(app)
        assert "CONFLICT" in text
        assert "In conflict: a number differs" in text
        assert "11,000 ≠ at least 10,000" in text.replace("\n", " ") or "≠" in text
        assert "first seen 2024-11-05 · Source B" in text


@async_test
async def test_unique_statement_says_so(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await goto_statement(pilot, "He did not mention if there were any casualties")
        assert main_of(app).claims.matches == []
        assert "No other source reports this statement." in screen_text(app)


@async_test
async def test_jump_to_match_and_back(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = main_of(app)
        await goto_statement(pilot, "an estimated 11,000")
        origin = main.reader.cursor
        await pilot.press("tab")  # reader -> matches
        assert app.focused is main.claims.match_list
        await pilot.press("enter")
        await settle(pilot)
        assert main.reader.article["source"] == "Source B"
        assert "at least 10,000" in main.reader.current["text"]
        assert app.focused is main.reader
        # The list follows the jump.
        assert main.articles.current["source"] == "Source B"
        # The other side shows the first article as its match.
        assert any(m["source"] == "Source A" for m in main.claims.matches)
        await pilot.press("escape")
        await settle(pilot)
        assert main.reader.article["source"] == "Source A"
        assert main.reader.cursor == origin
        assert main.back_stack == []


# --- search -----------------------------------------------------------------------------


@async_test
async def test_word_search_ranks_highlights_and_opens(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"Umerov")
        await settle(pilot)
        search = app.screen
        assert len(search.hits) >= 5
        for hit in search.hits:
            assert hit.highlights
            assert all(hit.text[s:e].lower() == "umerov" for s, e in hit.highlights)
        scores = [h.score for h in search.hits]
        assert scores == sorted(scores, reverse=True)
        assert "statements, best first" in screen_text(app)
        await pilot.press("down")
        second = search.hits[1]
        await pilot.press("enter")
        await settle(pilot)
        main = main_of(app)
        assert app.screen is main
        assert main.reader.article["id"] == second.article_id
        assert main.reader.current["id"] == second.statement_id
        # n / N walk the hits.
        await pilot.press("n")
        third = main.hits[2]
        assert main.reader.current["id"] == third.statement_id
        await pilot.press("N")
        assert main.reader.current["id"] == second.statement_id
        # Esc keeps a search that found hits: n opens its first (QA: "No search yet").
        await pilot.press("slash", *"Kursk")
        await settle(pilot)
        first = app.screen.hits[0]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is main and main.reader.current["id"] == second.statement_id
        await pilot.press("n")
        await settle(pilot)
        assert main.reader.current["id"] == first.statement_id
        # Searching again starts afresh, in the mode asked for.
        await pilot.press("f")
        assert isinstance(app.screen, SearchScreen) and app.screen.fuzzy
        assert app.screen.input.value == "" and app.screen.hits == []
        assert app.focused is app.screen.input


@async_test
async def test_a_headline_found_says_headline_rather_than_its_title_again(demo_app) -> None:  # type: ignore[no-untyped-def]
    """A headline hit's second line repeated the headline as its article's title (half of
    the 80 columns saying again the line above it); a body sentence keeps its title."""
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"fought")
        await settle(pilot)
        lines = screen_text(app).splitlines()
        at = next(n for n, line in enumerate(lines) if "Ukraine says it fought N Korean" in line)
        assert lines[at + 1].rstrip("│ ").endswith("2024-11-06 · Ukraine · headline")
        await pilot.press("ctrl+u", *"Zelensky")
        await settle(pilot)
        assert "2024-11-06 · Volodymyr Zelensky · Ukraine says it fought" in screen_text(app)


@async_test
async def test_n_after_a_search_that_found_nothing_says_so(demo_app) -> None:  # type: ignore[no-untyped-def]
    """QA: "/zzzqqq", Esc, then n said "No search yet: press / to search." of a search
    just made; n now says it matched nothing, and a search with hits before it is no
    longer stepped through as if it were the last."""
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = main_of(app)
        await pilot.press("slash", *"Umerov")
        await settle(pilot)
        await pilot.press("escape", "slash", *"zzzqqq")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen) and app.screen.hits == []
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is main and main.hits == []
        await pilot.press("n")
        await settle(pilot)
        notices = [str(n.message) for n in app._notifications]
        assert "No statement matches 'zzzqqq': press / to search again." in notices, notices
        assert not any("No search yet" in m for m in notices)


@async_test
async def test_x_with_no_filter_says_there_is_none(demo_app) -> None:  # type: ignore[no-untyped-def]
    """QA: x on a list with no filter did nothing and said nothing."""
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = main_of(app)
        await pilot.press("x")
        await settle(pilot)
        notices = [str(n.message) for n in app._notifications]
        assert "No source, date or speaker filter to clear." in notices, notices
        main.set_source("Source A")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert main.state.filter.source is None


@async_test
async def test_fuzzy_search_finds_a_misspelled_quote(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        search = app.screen
        assert isinstance(search, SearchScreen) and search.fuzzy
        for ch in "small contacts not full scale engagment":
            await pilot.press("space" if ch == " " else ch)
        await settle(pilot)
        top = search.hits[0]
        assert top.source == "Source A"
        assert "so far just small contacts, not full-scale engagement" in top.text
        highlighted = {top.text[s:e].lower() for s, e in top.highlights}
        assert {"small", "contacts", "engagement"} <= highlighted
        await pilot.press("enter")
        await settle(pilot)
        main = main_of(app)
        assert main.reader.current["id"] == top.statement_id
        assert main.reader.current["speaker"] == "Rustem Umerov"


@async_test
async def test_search_mode_toggle_errors_and_latest_query_wins(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        search = app.screen
        await pilot.press("asterisk")
        await settle(pilot)
        assert search.hits == []
        assert "nothing to search for" in screen_text(app)
        await pilot.press("backspace")
        # Type without waiting: only the last query's results are shown.
        for ch in "Kovalenko":
            await pilot.press(ch)
        await settle(pilot)
        assert search.query_text == "Kovalenko"
        assert search.hits and all("Kovalenko" in h.text for h in search.hits)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert search.fuzzy and "fuzzy quote" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        # Esc opens nothing; the search it closed is kept for n (before its first hit).
        main = main_of(app)
        assert main.hits == search.hits and main.hit_index == -1


@async_test
async def test_enter_before_results_opens_the_best_hit(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Pyongyang", "enter")
        await settle(pilot)
        main = main_of(app)
        assert app.screen is main
        assert "Pyongyang" in main.reader.current["text"]


@async_test
async def test_search_says_how_many_match_and_reads_on_past_the_first_page(
    tmp_path: Path,
) -> None:
    """QA A5: 130 statements match; the first 50 are listed as "50 of 130", the next pages
    are read as the cursor nears the end of the list, and n goes on past the hits read."""
    n = 130
    data = one_sentence_articles(tmp_path / "many.jsonl", n, lambda i: f"2024-01-{1 + i % 28:02d}")
    app = make_app(ingested_db(tmp_path / "many.db", [data]), config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = main_of(app)
        await pilot.press("slash", *"sentences")
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen)
        assert "50 of 130 statements, best first (↓ loads more)" in screen_text(app)
        assert len(search.hits) == 50
        results = search.result_list
        while results.highlighted is not None and results.highlighted < n - 1:
            before = results.highlighted
            await pilot.press("down")
            if results.highlighted == before:  # at the last hit read: the next page
                await settle(pilot)
        await settle(pilot)
        assert results.highlighted == n - 1
        assert len({h.statement_id for h in search.hits}) == n
        scores = [h.score for h in search.hits]
        assert scores == sorted(scores, reverse=True)
        assert "130 statements, best first" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert main.reader.current["id"] == search.hits[-1].statement_id
        assert "hit 130/130" in screen_text(app).splitlines()[0]
        # A new search, the first hit opened: n steps on past the 50 read, reading on.
        await pilot.press("slash", *"sentences", "enter")
        await settle(pilot)
        assert len(main.hits) == 50 and main.hit_index == 0
        for _ in range(50):
            await pilot.press("n")
        await settle(pilot)
        assert main.hit_index == 50 and len(main.hits) == 100
        assert main.reader.current["id"] == main.hits[50].statement_id
        assert "hit 51/130" in screen_text(app).splitlines()[0]


@async_test
async def test_search_reaches_the_ranking_window_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """More matches than the ranking reads (its newest RANK_WINDOW): as many are listed,
    and the list says the others are past it."""
    import db.search
    import tui.components.library
    import tui.components.search_screen

    for module, name in (
        (db.search, "RANK_WINDOW"),
        (tui.components.library, "SEARCH_WINDOW"),
        (tui.components.search_screen, "SEARCH_WINDOW"),
    ):
        monkeypatch.setattr(module, name, 60)
    data = one_sentence_articles(tmp_path / "many.jsonl", 130, lambda i: "2024-01-02")
    app = make_app(ingested_db(tmp_path / "many.db", [data]), config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"sentences")
        await settle(pilot)
        search = app.screen
        assert "50 of 130 statements; the newest 60 ranked, best first" in screen_text(app)
        await pilot.press(*["pagedown"] * 4)
        await settle(pilot)
        await pilot.press(*["pagedown"] * 4)
        await settle(pilot)
        assert len(search.hits) == 60 and search.result_list.highlighted == 59
        text = screen_text(app)
        assert "60 of 130 statements: the best of the newest 60; add a word" in text
        assert "… 70 more match, past the newest 60: add a word" in text


@async_test
async def test_a_search_that_reads_an_operator_as_a_word_says_so_whole(demo_app) -> None:  # type: ignore[no-untyped-def]
    """QA B8: "small AND group" finds nothing, and the status says why on two lines at
    80 columns, not cut after the first."""
    from textual.widgets import Static

    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        for ch in "small AND group":
            await pilot.press("space" if ch == " " else ch)
        await settle(pilot)
        assert app.screen.hits == []
        status = app.screen.query_one("#search-status", Static)
        assert "AND is a plain word here" in str(status.render())
        assert status.size.height == 2


@async_test
async def test_search_explains_near_and_a_query_that_only_excludes(demo_app) -> None:  # type: ignore[no-untyped-def]
    """QA finding 10: "NEAR(trump wall)" found nothing and said no more; "-Kursk" was told
    to type a word. The browser says what the CLI says (db.search's one wording)."""
    from textual.widgets import Static

    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        status = app.screen.query_one("#search-status", Static)
        app.screen.input.value = "NEAR(Kursk troops)"
        await settle(pilot)
        assert app.screen.hits == []
        assert str(status.render()).replace("\n", " ") == (
            "No statement matches 'NEAR(Kursk troops)'. NEAR is a plain word here and"
            " parentheses are ignored: every word must match already, so try 'Kursk troops'."
        )
        assert status.size.height == 2
        app.screen.input.value = "-Kursk"
        await settle(pilot)
        assert str(status.render()) == (
            "a search needs at least one word to include; -Kursk only excludes"
        )
        # Hits, but NOT is read as a word: said under them, as the CLI's note does.
        app.screen.input.value = "NOT engagement"
        await settle(pilot)
        assert app.screen.hits
        assert str(status.render()).replace("\n", " ") == (
            "2 statements, best first. Enter opens; ↑/↓ move. NOT is a plain word here:"
            " write -word to leave a word out."
        )
        assert status.size.height == 2


@async_test
async def test_search_looks_within_the_lists_filters(demo_app) -> None:  # type: ignore[no-untyped-def]
    """QA B4: a search looks where the list looks (source, dates, speaker), and says so."""
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = main_of(app)
        await pilot.press("slash", *"troops")
        await settle(pilot)
        assert {h.source for h in app.screen.hits} == {"Source A", "Source B"}
        assert "within the list's filters" not in screen_text(app)
        await pilot.press("escape", "s", "down", "down", "enter")  # only Source B
        await pilot.press("slash", *"troops")
        await settle(pilot)
        assert app.screen.hits and {h.source for h in app.screen.hits} == {"Source B"}
        assert "within the list's filters: source: Source B" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert "not in the list" not in screen_text(app)
        # Nothing within them: said so, with the way out.
        await pilot.press("slash", *"Zelensky")
        await settle(pilot)
        assert app.screen.hits == []
        assert "'Zelensky' within the filters (Esc, x clears them)" in screen_text(app)
        # A fuzzy search within the articles quoting one speaker (and a date).
        await pilot.press("escape", "x", "w", *"ryder", "enter")
        await settle(pilot)
        assert main.state.filter.speaker == "Pat Ryder"
        await pilot.press("f")
        for ch in "north korean troops":
            await pilot.press("space" if ch == " " else ch)
        await settle(pilot)
        assert app.screen.fuzzy and {h.source for h in app.screen.hits} == {"Source B"}
        assert "within the list's filters: quoting: Pat Ryder" in screen_text(app)


# --- help, palette, filters, layout, keymap ---------------------------------------------


@async_test
async def test_help_screen_lists_every_binding(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.help_rows()
        assert {binding_id for *_, binding_id in rows} == set(SPECS)
        keys = {binding_id: shown for _, shown, _, binding_id in rows}
        assert keys["cursor.down"] == "j, ↓"
        assert keys["app.help"] == "?" and keys["app.search"] == "/"
        text = screen_text(app)
        assert "cursor.down" in text and "search statements" in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("question_mark", "q")
        assert isinstance(app.screen, MainScreen)
        assert app.is_running


@async_test
async def test_command_palette_runs_app_commands(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"fuzzy quote")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen) and app.screen.fuzzy
        await pilot.press("escape")
        # A command per source filters the list.
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"only source: Source B")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        main = main_of(app)
        assert main.state.filter.source == "Source B"
        assert main.counts[0] == 1


@async_test
async def test_source_and_date_filters(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        main = main_of(app)
        await pilot.press("s")
        assert isinstance(app.screen, SourceFilterScreen)
        await pilot.press("down", "down", "enter")  # All, Source A, [Source B]
        assert main.state.filter.source == "Source B"
        assert main.counts[0] == 1
        assert [r["source"] for r in article_rows(main.articles)] == ["Source B"]
        assert main.articles.current["source"] == "Source B"
        assert "source: Source B" in screen_text(app)
        await pilot.press("x")
        assert main.counts[0] == 2
        await pilot.press("d")
        assert isinstance(app.screen, DateFilterScreen)
        await pilot.press(*"nonsense", "enter")
        assert isinstance(app.screen, DateFilterScreen)
        assert "Not a date" in screen_text(app)
        await pilot.press(*(["backspace"] * 8), *"2024-11-06", "enter")
        assert isinstance(app.screen, MainScreen)
        assert main.state.filter.since == "2024-11-06"
        assert main.counts[0] == 1
        assert main.articles.current["source"] == "Source A"
        await pilot.press("d", "tab", *"2024-11-01", "enter")
        # QA finding 12: From 2024-11-06 after Until 2024-11-01 was swapped silently (the
        # CLI listed nothing); both refuse it, saying which date goes first.
        assert isinstance(app.screen, DateFilterScreen)
        assert "From 2024-11-06 is after Until 2024-11-01" in screen_text(app)
        assert "the earlier date goes in From" in screen_text(app)
        assert main.state.filter.since == "2024-11-06" and main.state.filter.until is None
        await pilot.press(*(["backspace"] * 10), *"2024-11-01")  # From, refocused
        await pilot.press("tab", *(["backspace"] * 10), *"2024-11-06", "enter")
        assert isinstance(app.screen, MainScreen)
        assert (main.state.filter.since, main.state.filter.until) == ("2024-11-01", "2024-11-06")
        assert main.counts[0] == 2
        await pilot.press("x")
        assert main.state.filter.since is None


@async_test
async def test_pickers_count_in_words(demo_app) -> None:  # type: ignore[no-untyped-def]
    """QA A13: "1 article", "1 quote", never "1 articles"."""
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        assert isinstance(app.screen, SourceFilterScreen)
        text = screen_text(app)
        assert "Source A  1 article " in text and "1 articles" not in text, text
        await pilot.press("escape", "w")
        await settle(pilot)
        text = screen_text(app)
        assert "Rustem Umerov  6 quotes in 2 articles" in text, text
        assert "Pat Ryder  1 quote in 1 article" in text
        assert "1 articles" not in text and "1 quotes" not in text


@async_test
async def test_the_source_picker_narrows_as_you_type(markup_db: Path) -> None:
    """The source picker is the speaker picker's code: typing narrows it (any part, any
    case); names are shown as written, never as markup."""
    app = make_app(markup_db, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = main_of(app)
        await pilot.press("s", *"nowhere")
        await settle(pilot)
        assert isinstance(app.screen, SourceFilterScreen)
        assert "No source holds 'nowhere'" in screen_text(app)
        await pilot.press("enter")  # nothing to pick: the dialog stays
        assert isinstance(app.screen, SourceFilterScreen) and app.screen.shown == []
        await pilot.press(*["backspace"] * 7, *"EVIL")
        await settle(pilot)
        assert "[bold]Evil[/bold] Source  1 article" in screen_text(app)
        assert [src["name"] for src in app.screen.shown] == ["[bold]Evil[/bold] Source"]
        await pilot.press("enter")
        await settle(pilot)
        assert main.state.filter.source == "[bold]Evil[/bold] Source"


@async_test
async def test_resize_to_80x24_stacks_panes(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = main_of(app)
        assert main.has_class("-wide")
        regions = [main.articles.region, main.reader.region, main.claims.region]
        assert all(r.width > 30 for r in regions)
        # Three columns side by side.
        assert regions[0].right <= regions[1].x and regions[1].right <= regions[2].x
        await pilot.resize_terminal(110, 30)
        await settle(pilot)
        assert main.has_class("-medium")
        # The claims sit under the text.
        assert main.claims.region.y >= main.reader.region.bottom
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert main.has_class("-narrow")
        assert main.articles.row_height == 1  # full width: one line per article
        assert all(s.reverse for s in styles_of(app, "Ukraine says it fought"))
        assert main.articles.region.width == 80 and main.reader.region.width == 0
        await pilot.press("enter")
        assert main.articles.region.width == 0
        assert main.reader.region.width == 80 and main.claims.region.height >= 7
        text = screen_text(app)
        assert "Ukraine says it fought N Korean troops for first time" in text
        await goto_statement(pilot, "an estimated 11,000")
        await pilot.press("tab")  # reader -> claims
        assert app.focused is main.claims.match_list
        await pilot.press("tab")  # claims -> back to the list
        assert app.focused is main.articles and main.articles.region.width == 80
        await pilot.press("v")
        assert main.reader.region.width == 80
        await pilot.press("escape")
        assert main.articles.region.width == 80
        # Nothing runs off the right edge: every line fits in 80 cells.
        assert all(len(line) <= 80 for line in screen_text(app).splitlines())


@async_test
async def test_keymap_from_the_user_config_file(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_home = tmp_path / "config"
    (config_home / "claimlens").mkdir(parents=True)
    (config_home / "claimlens" / "config.toml").write_text(
        '[keymap]\n"cursor.down" = "ctrl+n"\n"app.search" = "ctrl+s"\n"no.such" = "z"\n',
        encoding="utf-8",
    )
    monkeypatch.delenv("CLAIMLENS_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config_home))
    config = load_config()
    assert config.keymap == {"cursor.down": "ctrl+n", "app.search": "ctrl+s"}
    assert any("no.such" in p for p in config.problems)
    app = make_app(demo_db)  # reads the user's config.toml
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        main = main_of(app)
        start = main.articles.cursor
        await pilot.press("j")
        assert main.articles.cursor == start  # j no longer moves
        await pilot.press("ctrl+n")
        assert main.articles.cursor == start + 1
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape", "question_mark")
        rows = {binding_id: shown for _, shown, _, binding_id in app.screen.help_rows()}
        assert rows["cursor.down"] == "^n"
        assert rows["app.search"] == "^s"


def test_config_file_problems_are_reported_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[keymap\n", encoding="utf-8")
    config = load_config(path)
    assert config.keymap == {} and config.problems
    path.write_text('[keymap]\n"cursor.down" = 3\n[ui]\ntheme = "ansi-light"\n', encoding="utf-8")
    config = load_config(path)
    assert config.theme == "ansi-light" and "non-empty string" in config.problems[0]
    assert load_config(tmp_path / "missing.toml").problems == []


@async_test
async def test_a_key_the_keymap_gives_to_two_bindings_is_reported(
    demo_db: Path, tmp_path: Path
) -> None:
    """QA: '"cursor.down" = "q"' made q move down and left nothing to quit, without a
    word, while the help still said "q  quit". The config's problems say that q is the
    key of both (shown when the app opens, as the other config problems); a key shared
    with another screen's binding (ctrl+n: the search screen's next result) is fine."""
    path = tmp_path / "config.toml"
    path.write_text('[keymap]\n"cursor.down" = "q"\n', encoding="utf-8")
    config = load_config(path)
    assert config.problems == [
        "[keymap] q is the key of cursor.down and app.quit: only one can have it;"
        " give the other another key"
    ]
    path.write_text('[keymap]\n"cursor.down" = "j,down,ctrl+n"\n', encoding="utf-8")
    assert load_config(path).problems == []
    path.write_text('[keymap]\n"cursor.down" = "q"\n', encoding="utf-8")
    app = make_app(demo_db, config=load_config(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        notices = [str(n.message) for n in app._notifications]
        assert any("q is the key of cursor.down and app.quit" in m for m in notices), notices


def test_a_keymap_key_that_names_no_key_is_reported_and_left_out(tmp_path: Path) -> None:
    """QA: '"cursor.down" = "notakey"' was taken as it was: j and ↓ stopped moving, the
    help listed "notakey", and nothing said why. A name Textual does not know is reported
    and left out; a binding left with no key keeps its own."""
    path = tmp_path / "config.toml"
    path.write_text(
        '[keymap]\n"cursor.down" = "notakey"\n'
        '"reader.next_matched" = "right_square_bracket,n2"\n'
        '"app.search" = "slash,ctrl+s,f5,?"\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.problems == [
        "[keymap] cursor.down: 'notakey' names no key (keys are written j, ?, down,"
        " pagedown, ctrl+n, f5); its keys are as they were",
        "[keymap] reader.next_matched: 'n2' names no key (keys are written j, ?, down,"
        " pagedown, ctrl+n, f5); kept right_square_bracket",
        "[keymap] question_mark is the key of app.search and app.help: only one can have"
        " it; give the other another key",
    ]
    assert "cursor.down" not in config.keymap
    assert config.keymap["reader.next_matched"] == "right_square_bracket"
    assert config.keymap["app.search"] == "slash,ctrl+s,f5,?"


# --- safety, colours, size ----------------------------------------------------------------


@async_test
async def test_markup_in_articles_renders_literally(markup_db: Path) -> None:
    app = make_app(markup_db, config=Config())
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert app.is_running  # [@click=app.quit] did nothing
        assert "[bold red]Breaking[/] news" in text
        assert "[link=https://evil.example]click[/link]" in text
        assert "[bold]Evil[/bold] Source ·" in text  # the source name, as given
        assert "─ [bold]Evil[/bold] Source ─" in text  # also in the pane's border
        assert "Officials said [b]nothing[/b] about the \\[escaped] tags, [/] or" in text
        assert "[@click=app.quit]quit[/]." in text
        assert '"We counted [i]42[/i] boats,"' in text
        await pilot.press("slash", *"boats")
        await settle(pilot)
        assert "[i]42[/i]" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert "[red]Admiral Ackbar[/red]" in screen_text(app)
    assert "[bold red]" in MARKUP_TEXT


# Unicode's bidirectional controls: a right-to-left override, a pop, an isolate and its end.
BIDI = "\u202e\u202c\u2066\u2069"


def bidi_db(tmp_path: Path) -> Path:
    """Two sources' articles of one story (two same matches and a conflict) whose
    sources, titles, text and speaker hold bidi overrides and isolates."""
    from unittest import mock

    from db import cleaning
    from db.connection import connect
    from db.ingest import ingest_paths

    r, i, p = "\u202e", "\u2066", "\u2069"
    body = (
        f"The finance minister said the budget for {r}schools rises to $5 billion next"
        f' year.{p} "We will spend every {r}penny on teachers," said {i}Jane Doe on'
        " Monday. Opposition leaders criticised the plan in parliament on Monday evening."
    )
    records = [
        {"id": "a", "source": f"Evil{r} Wire", "date": "2024-03-04", "text": body,
         "title": f"Budget {r}for schools{p} rises"},
        {"id": "b", "source": f"Other{i} Post{p}", "date": "2024-03-04",
         "title": f"Schools budget {r}rises to $5 billion",
         "text": body.replace("$5 billion", "$6 billion")},
    ]  # fmt: skip
    source = tmp_path / "bidi.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    db = connect(tmp_path / "bidi.db")
    # Stored as claimlens stored them before it dropped bidi controls at ingest: a
    # database of then holds them, and the browser must still leave them out.
    with mock.patch.object(cleaning, "_BIDI", re.compile("(?!)")):
        ingest_paths(db, [source], match=True)
    db.conn.close()
    return tmp_path / "bidi.db"


@async_test
async def test_bidi_controls_in_stored_text_never_reach_the_screen(tmp_path: Path) -> None:
    """A title's U+202E reverses the rest of its line on a terminal that lays out bidi
    text (ids, dates, the next column too). The browser leaves every bidi control out of
    what it shows — list, text, claim panel, story view, search, pickers, palette,
    status line — and keeps the statements' highlights on their words."""
    path = bidi_db(tmp_path)
    seen: list[str] = []
    app = make_app(path, config=Config())

    async def look(*keys: str) -> str:
        await pilot.press(*keys)
        await settle(pilot)
        text = screen_text(app)
        seen.append(text)
        return text

    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        text = await look()
        assert "Budget for schools rises" in text
        assert "Evil Wire" in text and "Other Post" in text
        main = main_of(app)
        await goto_statement(pilot, "spend every")
        text = await look()
        assert '"We will spend every penny on teachers," ‹Jane Doe› said' in text  # the text
        assert '"We will spend every penny on teachers," said Jane Doe on' in text  # a match
        assert "≠ $5 billion there, $6 billion here" in text  # the claim panel
        # The cursor's statement is drawn reversed, from its first word on.
        lines = text.splitlines()
        row = next(n for n, line in enumerate(lines) if "▶≠ The finance" in line)
        strip = app.screen._compositor.render_strips()[row]
        cursor = "".join(seg.text for seg in strip if seg.style is not None and seg.style.reverse)
        assert cursor.strip().startswith("The finance minister said the budget for schools")
        assert main.claims.matches
        await look("o")  # the story
        await look("C")  # its conflicts
        await look("escape")
        for keys in (("slash", *"penny"), ("f", *"penny on teachers")):
            text = await look(*keys)
            if keys[0] == "slash":  # the matched word highlighted, not a letter beside it
                strips = app.screen._compositor.render_strips()
                row = next(n for n, line in enumerate(text.splitlines()) if "every penny" in line)
                assert "penny" in [seg.text for seg in strips[row]]
            assert "every penny on" in text and "said Jane Doe" in text
            await look("escape")
        await look("s")  # the source picker, found by the name as shown
        text = await look(*"Evil W")
        assert "Evil Wire  1 article" in text
        await look("escape")
        text = await look("w")  # the speaker picker
        assert "Jane Doe  2 quotes in 2 articles" in text
        await look("enter")
        text = await look("s", "enter")
        await look("ctrl+p", *"open story")
        await look("escape")
        await look("ctrl+p", *"only source")
    assert len(seen) > 10
    for text in seen:
        assert not set(text) & set(BIDI), text


@async_test
async def test_no_color_keeps_every_cue(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(demo_db, config=Config())
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert app.no_color
        await goto_statement(pilot, "an estimated 11,000")
        lines = screen_text(app).splitlines()
        current = [line for line in lines if "▶≠ He said an estimated 11,000" in line]
        assert current, "the cursor and the conflict mark are glyphs, not only colours"
        # The cursor line is reversed (an attribute, kept without colour).
        strips = app.screen._compositor.render_strips()
        row = next(i for i, line in enumerate(lines) if "▶≠ He said" in line)
        styles = [seg.style for seg in strips[row] if "estimated" in seg.text]
        assert styles and all(s is not None and s.reverse for s in styles)
        # No colour at all reaches the terminal: its own foreground and background,
        # never black on black.
        colours = {
            c
            for strip in strips
            for seg in strip
            if seg.style is not None
            for c in (seg.style.color, seg.style.bgcolor)
            if c is not None
        }
        assert colours and all(c.is_default for c in colours), sorted(map(str, colours))


@async_test
async def test_list_is_virtual_and_pages_rows(tmp_path: Path) -> None:

    n = 1500
    data = one_sentence_articles(
        tmp_path / "many.jsonl",
        n,
        lambda i: f"20{10 + i // 365 % 10:02d}-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}",
    )
    app = make_app(ingested_db(tmp_path / "many.db", [data]), config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        articles = main_of(app).articles
        assert articles.total == n
        # The first page read for the screen; the last (for G) read ahead in a worker.
        assert articles.fetches == 1 and articles.pages_held == 2
        await pilot.press("G")
        await settle(pilot)
        last = articles.current
        assert articles.cursor == n - 1
        assert articles.fetches == 1  # G read nothing on the UI thread
        for _ in range(5):  # paging up: the pages above were read ahead
            await pilot.press("pageup")
            await settle(pilot)
        assert articles.fetches == 1
        assert last["date"] == min(articles.row(i)["date"] for i in range(n - 100, n))
        for _ in range(30):
            await pilot.press("pageup")
        assert articles.pages_held <= articles.MAX_PAGES
        await pilot.press("g")
        assert articles.cursor == 0 and articles.pages_held <= articles.MAX_PAGES
        assert f"Articles ({n:,})" in screen_text(app)


def test_core_does_not_import_textual() -> None:
    code = (
        "import importlib, pkgutil, sys, db\n"
        "for m in pkgutil.iter_modules(db.__path__):\n"
        "    importlib.import_module('db.' + m.name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(len(list(pkgutil.iter_modules(db.__path__))))\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 5


def test_the_browser_has_no_sql() -> None:
    """The browser asks db/ for everything (checked on the browser's own files)."""
    sql_words = ("SELECT ", "INSERT INTO", "UPDATE ", "DELETE FROM", ".execute(")
    tui = ROOT / "tui"
    browser = [*(tui / "components").rglob("*.py")] + [
        tui / name for name in ("app.py", "keymap.py", "config.py", "demo.py", "cli/browse.py")
    ]
    for path in browser:
        source = path.read_text(encoding="utf-8")
        for word in sql_words:
            assert word not in source, f"{path} has {word!r}: SQL belongs in db/"


def test_browse_without_a_database_says_what_to_do(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tui.cli import main

    result = CliRunner().invoke(main, ["--db", str(tmp_path / "none.db"), "browse"])
    assert result.exit_code == 2  # a usage error, as for every read-only command
    assert "no database at" in result.output
    assert "claimlens demo" in result.output
    assert not (tmp_path / "none.db").exists()


@async_test
async def test_list_groups_articles_by_story(demo_db: Path) -> None:
    from db.connection import connect

    db = connect(demo_db)
    if not db.execute("SELECT count(*) FROM stories").fetchone()[0]:
        # Stand-in for the story builder: one story holding both articles.
        db.execute(
            "INSERT INTO stories(id, title, first_date, n_articles, n_sources)"
            " VALUES (1, 'North Korean troops in Kursk', '2024-11-05', 2, 2)"
        )
        db.execute("UPDATE articles SET story_id = 1")
    db.conn.close()
    app = make_app(demo_db, config=Config())
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = main_of(app)
        assert main.state.by_story
        articles = main.articles
        assert articles.total == 3
        assert articles.row(0)["kind"] == "story"
        assert articles.cursor == 1  # the list opens on the first article
        await pilot.press("k")  # onto the story's header: its first article still current
        assert articles.cursor == 0 and articles.current["id"] == articles.row(1)["id"]
        await pilot.press("j", "j")
        assert articles.cursor == 2 and articles.current["kind"] == "article"
        text = screen_text(app)
        assert "▾ " in text and "2 articles · 2 sources" in text
        await pilot.press("t")
        assert not main.state.by_story and articles.total == 2
        assert articles.current["kind"] == "article"
        assert "Articles (2)" in screen_text(app)


@async_test
async def test_a_story_row_of_one_source_says_1_source(demo_db: Path) -> None:
    """A story of one outlet's articles (BBC's follow-ups): "2 articles · 1 source", not
    "1 sources", in the wide row and the two-line row of a narrow pane."""
    one_story(demo_db, "Text message record smashed", 2, 1)
    for size in ((160, 48), (40, 10)):
        app = make_app(demo_db, config=Config())
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            text = screen_text(app)
            assert "2 articles · 1 source" in text, size
            assert "1 sources" not in text, size


@async_test
async def test_the_status_line_does_not_put_articles_of_no_story_in_the_stories(
    demo_db: Path,
) -> None:
    """QA: BASIL + BBC said "2,527 articles in 309 stories" where 1,730 are in none: the
    status line gives both counts side by side ("2 articles, 1 story")."""
    one_story(demo_db, "North Korean troops in Kursk", 1, 1, "id = 1")
    app = make_app(demo_db, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "2 articles, 1 story" in text
        assert "in 1 story" not in text


@async_test
async def test_the_palette_offers_the_apps_keys_not_textuals_keys_panel(demo_app) -> None:  # type: ignore[no-untyped-def]
    """QA: "keys" in the palette offered Textual's "Keys" panel beside "Show keys": it
    took half of 80 columns and listed bindings the help does not (scroll left, page
    right). Only the app's help is offered."""
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Keys" not in titles and "Quit" in titles and "Theme" in titles
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"keys")
        await settle(pilot)
        text = screen_text(app)
        assert "Show keys" in text
        assert "Show help for the focused widget" not in text


@async_test
async def test_the_source_picker_says_undated_of_a_source_without_dates(tmp_path: Path) -> None:
    """QA: the source picker gave BBC's folder "bbc  2,225 articles" and nothing where a
    dated source has its first and last dates; `claimlens stats` says "undated"."""
    from tests.db_helpers import ingested_records

    records = [
        {"source": "Wire", "date": "2024-11-05", "title": "Dated", "text": "Body one."},
        {"source": "bbc", "title": "Undated", "text": "Body two."},
    ]
    app = make_app(ingested_records(tmp_path / "d.db", records), config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SourceFilterScreen)
        text = screen_text(app)
        assert "bbc  1 article  undated" in text
        assert "Wire  1 article  2024-11-05 – 2024-11-05" in text


@async_test
async def test_a_story_row_says_how_many_of_its_articles_the_filters_list(demo_db: Path) -> None:
    """QA: with a speaker filter ("quoting: Capitol Police") a story row said "3 articles
    · 3 sources" over the one article listed under it; it says "1 of 3 articles" now,
    and the plain count when every article is listed."""
    from db.connection import connect

    one_story(demo_db, "North Korean troops in Kursk", 2, 2)
    db = connect(demo_db)
    source = db.execute("SELECT name FROM sources ORDER BY name LIMIT 1").fetchone()[0]
    db.conn.close()
    app = make_app(demo_db, config=Config())
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = main_of(app)
        assert "2 articles · 2 sources" in screen_text(app)
        main.set_source(source)
        await settle(pilot)
        text = screen_text(app)
        assert "1 of 2 articles · 2 sources" in text
        assert main.articles.total == 2  # the story's row and its one article listed


@async_test
async def test_the_source_picker_lists_the_first_sources_and_finds_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA: the UCI headlines' 1,948 sources took the source picker ~0.4 s to open (every
    line laid out; > 200 ms a key). It lists the first SOURCES_SHOWN (200), says how many
    more there are, and typing finds any of them."""
    import tui.components.filter_screens as fs
    from tests.db_helpers import ingested_records

    monkeypatch.setattr(fs, "SOURCES_SHOWN", 2, raising=False)
    records = [
        {"source": name, "date": "2024-11-05", "title": f"By {name}", "text": "Body."}
        for name in ("Alpha", "Bravo", "Charlie")
    ]
    app = make_app(ingested_records(tmp_path / "s.db", records), config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, SourceFilterScreen)
        assert [s["name"] for s in picker.shown] == ["Alpha", "Bravo"]
        assert "… 1 more source: type part of a name" in screen_text(app)
        await pilot.press(*"charl")
        await settle(pilot)
        assert [s["name"] for s in picker.shown] == ["Charlie"]
        await pilot.press("enter")
        await settle(pilot)
        assert main_of(app).state.filter.source == "Charlie"


@async_test
async def test_the_palette_lists_its_best_commands_and_finds_the_rest(
    demo_app,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """QA: with the UCI headlines' 1,948 sources the palette held 3,000 commands, laid out
    as it opened and at each key typed (0.3 s net). It lists PALETTE_HITS (100) at most,
    the best first; typing still finds any command."""
    from textual.command import CommandList

    import tui.components.commands as commands

    def listed() -> list[str]:
        options = app.screen.query_one(CommandList)
        return [str(options.get_option_at_index(i).hit.text) for i in range(options.option_count)]

    monkeypatch.setattr(commands, "PALETTE_HITS", 2, raising=False)
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        ours = [t for t in listed() if t in ("Search statements", "Fuzzy quote search")]
        assert len(ours) == 2
        assert not any(t.startswith(("Filter by", "Open story:")) for t in listed())
        await pilot.press(*"open story")
        await settle(pilot)
        assert any(t.startswith("Open story:") for t in listed())
        await pilot.press(*["backspace"] * 10, *"show only source")
        await settle(pilot)
        assert len([t for t in listed() if t.startswith("Show only source:")]) == 2
        await pilot.press(*["backspace"] * 16, *"o")  # in most of its commands' names
        await settle(pilot)
        textuals = {"Theme", "Quit", "Screenshot", "Maximize", "Minimize"}
        assert len([t for t in listed() if t not in textuals]) == 2


@async_test
async def test_a_matched_headline_is_not_said_again_as_its_articles_title(demo_app) -> None:  # type: ignore[no-untyped-def]
    """QA: in the claim panel a match that is its article's headline was followed by
    "in <the same headline>" (every match of the UCI headlines: a line of the few 80×24
    leaves, saying nothing). A match of a body sentence keeps its "in <headline>"."""
    app = demo_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = main_of(app)
        main.open_article(1, 3)  # "…said a "small group" of North Korean soldiers…"
        await settle(pilot)
        headline = 'Ukrainian troops "engaged in small scale" with North Korean soldiers'
        texts = [main.claims.match_text(m).plain for m in main.claims.matches]
        [same] = [t for t in texts if headline in t]
        assert "\nin " not in same, same
        main.open_article(1, 5)  # the conflict: B's body sentence, "in" B's headline
        await settle(pilot)
        texts = [main.claims.match_text(m).plain for m in main.claims.matches]
        assert any(f"\nin {headline}" in t for t in texts), texts


@async_test
async def test_only_the_terminals_16_colours_are_used(demo_app) -> None:  # type: ignore[no-untyped-def]
    """The default theme paints with the terminal's own 16 ANSI colours (and its default
    foreground and background), so it reads the same on 16-colour, 256-colour and
    true-colour terminals, light or dark, and over screen/tmux."""
    from rich.color import ColorType

    app = demo_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert app.theme == "ansi-dark"
        for keys in ([], ["enter", *"jjjjj", "tab"], ["slash", *"Umerov"], ["escape", "?"]):
            await pilot.press(*keys)
            await settle(pilot)
            used = set()
            for strip in app.screen._compositor.render_strips():
                for segment in strip:
                    if segment.style is not None:
                        used.update(c for c in (segment.style.color, segment.style.bgcolor) if c)
            assert used, keys
            assert all(c.type in (ColorType.DEFAULT, ColorType.STANDARD) for c in used), (
                keys,
                sorted({str(c) for c in used}),
            )


@async_test
async def test_a_slow_search_never_blocks_typing(demo_app, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import threading

    from tui.components.library import Library

    release = threading.Event()
    seen: list[str] = []
    real_search = Library.search

    def slow_search(self, query, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(query)
        release.wait(10)  # the database is slow today
        return real_search(self, query, **kwargs)

    monkeypatch.setattr(Library, "search", slow_search)
    app = demo_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Zelensky")
        await pilot.pause()
        search = app.screen
        # Every key reached the query box while the searches were still running.
        assert search.input.value == "Zelensky"
        assert search.hits == [] and seen and seen[0] == "Z"
        release.set()
        await settle(pilot)
        # Only the latest query's results are shown.
        assert search.query_text == "Zelensky"
        assert search.hits and all("Zelensky" in h.text for h in search.hits)


@async_test
async def test_keys_typed_right_after_slash_go_to_the_query(demo_app) -> None:  # type: ignore[no-untyped-def]
    """Typeahead: a user types "/jobs" in one go (or pastes it); the keys after "/"
    reach the app before the search screen exists. None may be lost, and none may
    act on the list (j moves the list cursor, q quits)."""
    from textual import events

    app = demo_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        main = main_of(app)
        cursor = main.articles.cursor
        for key, char in [("slash", "/"), ("j", "j"), ("o", "o"), ("b", "b"), ("q", "q")]:
            app.post_message(events.Key(key, char))  # all queued at once, as a terminal sends them
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.input.value == "jobq"
        assert main.articles.cursor == cursor and app.is_running


@async_test
async def test_enter_on_an_empty_search_does_not_hang(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert "Searching" not in screen_text(app)
        await pilot.press(*"Kursk", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert "Kursk" in main_of(app).reader.current["text"]


# --- issue 15: what a new user tripped over ------------------------------------------------


def cursor_line(app: ClaimLensApp) -> str:
    """The screen line where the statement under the cursor starts (its ▶ mark)."""
    return next(line for line in screen_text(app).splitlines() if "▶" in line and "┃" in line)


@async_test
async def test_each_statement_mark_stands_where_it_starts(demo_app) -> None:  # type: ignore[no-untyped-def]
    """✓, ≠ and ▶ label the statement that starts on their line, never the end of the
    sentence before it: every statement starts a line of its own."""
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = main_of(app)
        for _ in range(2):  # both articles
            await pilot.press("enter")
            reader = main.reader
            for i, statement in enumerate(reader.statements):
                assert reader.cursor == i
                line = cursor_line(app).split("┃")[1]
                mark = STATUS_MARK.get(statement["status"], " ")
                first_words = " ".join(statement["text"].split()[:2])
                assert line.startswith(f"▶{mark} {first_words}"), (line, statement["text"])
                await pilot.press("j")
            await pilot.press("escape", "j")


@async_test
async def test_help_header_and_config_problems_show_their_brackets(
    demo_db: Path, tmp_path: Path
) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[keymap]\n"no.such" = "z"\n', encoding="utf-8")
    app = make_app(demo_db, config=load_config(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        # The problem is notified as plain text (the toast layer is not in the compositor).
        shown = [n for n in app._notifications if "no.such" in n.message]
        assert shown and shown[0].message.startswith("[keymap] unknown binding id")
        assert not shown[0].markup
        await pilot.press("question_mark")
        await settle(pilot)
        assert "Binding id (for [keymap])" in screen_text(app)


@async_test
async def test_a_config_problem_is_told_without_its_bidi_controls(
    demo_db: Path, tmp_path: Path
) -> None:
    """A config file is text from anywhere: a binding id written with U+202E was told
    back as written, reversing the notice on a terminal that lays out bidi text."""
    path = tmp_path / "config.toml"
    path.write_text('[keymap]\n"app.\u202ehelp" = ""\n', encoding="utf-8")
    app = make_app(demo_db, config=load_config(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = [n.message for n in app._notifications if "non-empty" in n.message]
        assert shown == ["[keymap] app.help: keys must be a non-empty string"]


def pane_rows(app: ClaimLensApp, widget) -> list[str]:  # type: ignore[no-untyped-def]
    """The screen's rows that ``widget`` takes, as text."""
    rows = screen_text(app).splitlines()
    return rows[widget.region.y : widget.region.bottom]


async def open_statement_at_80x24(pilot, needle: str) -> MainScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("enter")
    await goto_statement(pilot, needle)
    return main_of(pilot.app)


@async_test
async def test_claim_panel_at_80x24_is_scrolled_by_keys_and_can_take_the_whole_height(
    demo_app,  # type: ignore[no-untyped-def]
) -> None:
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        main = await open_statement_at_80x24(pilot, "an estimated 11,000")
        matches = main.claims.match_list
        assert main.claims.matches
        await pilot.press("tab")  # reader -> the matches
        assert app.focused is matches
        # The first match is taller than the pane: j reads on through it, line by line.
        first = matches.highlighted
        assert first is not None and not matches.get_option_at_index(first).disabled
        top = matches._index_to_line[first]
        first_height = matches._heights[first]
        view = matches.scrollable_content_region.height
        assert first_height > view
        start = int(matches.scroll_y)
        assert start <= top
        await pilot.press("j")
        assert matches.highlighted == first
        if top + first_height > start + view:
            assert matches.scroll_y == start + 1
        await pilot.press("space")
        assert matches.scroll_y > start + 1 and matches.highlighted == first
        await pilot.press("k")
        assert matches.highlighted == first
        # The last line of every match can be reached; G goes to the end (the last
        # match's source line on the top row, over the line scrolled under it: k shows
        # that line).
        await pilot.press("G")
        assert matches.scroll_y == matches.max_scroll_y > 0
        last = main.claims.matches[-1]
        assert last["source"] in pane_rows(app, matches)[0]
        last_line = last["text"].split()[-1]
        if last_line not in screen_text(app):
            await pilot.press("k")
        assert last_line in screen_text(app)
        await pilot.press("g")
        assert matches.scroll_y == 0 and matches.highlighted == first
        # c gives the claims the whole height, and c gives it back.
        small = main.claims.region.height
        await pilot.press("c")
        assert main.claims.region.height == 24 - 2 and main.reader.region.height == 0
        assert app.focused is matches
        await pilot.press("c")
        assert main.claims.region.height == small and main.reader.region.height > 0
        assert app.focused is main.reader
        # From the reader too (Esc also gives the height back).
        await pilot.press("c")
        assert main.claims.region.height == 22
        await pilot.press("escape")
        assert main.claims.region.height == small


@async_test
async def test_page_up_from_the_last_article_to_the_story_row(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        articles = main_of(app).articles
        assert articles.row(0)["kind"] == "story"  # the demo's list: a story, two articles
        for key in ("pageup", "b", "ctrl+b"):
            await pilot.press("G")
            assert articles.cursor == articles.total - 1
            await pilot.press(key)  # to the story's header, its first article current
            assert articles.cursor == 0, key
            assert articles.current["id"] == articles.row(1)["id"], key
        await pilot.press("pagedown")
        assert articles.cursor == articles.total - 1


@async_test
async def test_stepping_through_search_hits_is_one_jump_back(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = main_of(app)
        await pilot.press("enter")  # reading the first article, statement 1
        origin = (main.reader.article["id"], main.reader.current["seq"])
        await pilot.press("slash", *"Umerov", "enter")
        await settle(pilot)
        assert len(main.hits) >= 4
        for _ in range(3):
            await pilot.press("n")
        assert main.hit_index == 3
        assert main.back_stack == [origin]
        assert "hit 4/" in screen_text(app) and "↩ 1" in screen_text(app)
        await pilot.press("escape")
        assert (main.reader.article["id"], main.reader.current["seq"]) == origin
        assert main.back_stack == []
        # Away from the hit, the status no longer claims to be on it.
        assert "hit 4/" not in screen_text(app)


def status_line(app: ClaimLensApp) -> str:
    return screen_text(app).splitlines()[0]


@async_test
async def test_header_at_80_columns_fits_and_drops_parts_by_priority(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = main_of(app)
        await pilot.press("s", "down", "down", "enter")  # only Source B
        await pilot.press("enter", "j")
        await pilot.press("slash", *"Umerov", "enter")
        await settle(pilot)
        await pilot.press("n", "n")
        await settle(pilot)
        line = status_line(app)
        # The counts match the list: Source B's article has 13 statements, the hit's
        # article is Source A's (the filter hides it), and every number is whole.
        assert len(line.rstrip()) <= 80 and "…" not in line, line
        shown = main.reader.article
        assert f"(0–{main.reader.statements[-1]['seq']}" in line
        if shown["source"] != "Source B":
            assert "(filtered)" in line or "not in the list" in line
        assert "source" in line.lower() or "Source B" in line
        assert "hit 3/" in line and "↩ 1" in line
        # Closing the search and clearing the filters leaves no stale part.
        await pilot.press("escape", "x")
        await pilot.press("j")
        await settle(pilot)
        line = status_line(app)
        assert "hit " not in line and "Source B" not in line
        reader = main.reader
        last = reader.statements[-1]["seq"]
        assert (
            f"article {reader.article['id']} · statement {reader.current['seq']}  (0–{last})"
            in line
        )


@async_test
async def test_an_empty_filtered_list_empties_the_reader(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = main_of(app)
        await pilot.press("d", *"2030-01-01", "enter")
        await settle(pilot)
        assert main.counts[0] == 0
        assert main.reader.article is None and "statement" not in status_line(app)


@async_test
async def test_at_40x10_one_pane_at_a_time(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(40, 10)) as pilot:
        await settle(pilot)
        main = main_of(app)
        await pilot.press("enter")
        await goto_statement(pilot, "an estimated 11,000")
        # The text has the height: no claim panel squeezing it to its borders.
        assert main.claims.region.height == 0
        assert main.reader.region.height == 10 - 2
        assert "He said an estimated" in screen_text(app)
        # Tab (or Enter) brings the claims in the text's place, Esc takes them away.
        await pilot.press("tab")
        assert main.claims.region.height == 8 and main.reader.region.height == 0
        assert f"article {main.reader.article['id']} · statement 5" in screen_text(app)
        await pilot.press("escape")
        assert main.reader.region.height == 8 and app.focused is main.reader
        lines = screen_text(app).splitlines()
        assert len(lines) == 10 and all(len(line) <= 40 for line in lines)
        # The footer holds whole keys only: no half-drawn "^p Commands" over them, no
        # label cut at the edge ("s Sourc"), and the help key always.
        assert "Commands" not in lines[-1] and "^p" not in lines[-1]
        descriptions = {spec.description for spec in SPECS.values()}
        rest = lines[-1]
        for description in sorted(descriptions, key=len, reverse=True):
            rest = rest.replace(f" {description}", " ")
        assert all(len(word) <= 3 for word in rest.split()), lines[-1]  # keys: esc, q, ^p
        assert "? Help" in lines[-1]


@async_test
async def test_a_terminal_too_small_says_so(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(26, 7)) as pilot:
        await settle(pilot)
        assert "terminal too small (26×7)" in screen_text(app).replace("\n", " ")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert "too small" not in screen_text(app)
        assert main_of(app).articles.region.height > 10
        assert app.focused is main_of(app).articles  # the keys work from the start


@async_test
async def test_the_focus_comes_back_after_the_terminal_was_too_small(demo_app) -> None:  # type: ignore[no-untyped-def]
    """QA A7: shrunk below the minimum (a tmux split) and back, the pane that had the keys
    has them again: j moves its cursor."""
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = main_of(app)
        await pilot.press("enter")  # the text has the keys
        await settle(pilot)
        assert app.focused is main.reader and main.reader.cursor == 0
        await pilot.resize_terminal(25, 7)
        await settle(pilot)
        assert "too small" in screen_text(app).replace("\n", " ")
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert app.focused is main.reader
        await pilot.press("j")
        assert main.reader.cursor == 1
        # From the list too (a tiny size passed through twice on the way).
        await pilot.press("escape")
        assert app.focused is main.articles
        await pilot.resize_terminal(28, 7)
        await pilot.resize_terminal(20, 5)
        await settle(pilot)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert app.focused is main.articles
        before = main.articles.cursor
        await pilot.press("j")
        assert main.articles.cursor == before + 1


@async_test
async def test_labels_say_what_each_number_counts(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        main = await open_statement_at_80x24(pilot, "Umerov said")
        text = screen_text(app)
        seq = main.reader.current["seq"]
        assert f" · article {main.reader.article['id']} · {seq}" in text and "#" not in text
        claim_id = main.reader.current.get("claim_id")
        if main.claims.matches and claim_id is not None:
            assert f"claim {claim_id} · first seen" in text


@async_test
async def test_source_column_is_capped_and_cut_with_an_ellipsis(tmp_path: Path) -> None:

    data = tmp_path / "two.jsonl"
    records = [
        {"id": "1", "source": "entertainment and culture", "title": "A long source name"},
        {"id": "2", "source": "BBC", "title": "A short source name"},
        {"id": "3", "source": "Local Wire", "title": "A short name of ten"},
    ]
    with data.open("w", encoding="utf-8") as out:
        for rec in records:
            out.write(json.dumps({**rec, "date": "2024-01-02", "text": "Body."}) + "\n")
    app = make_app(ingested_db(tmp_path / "two.db", [data]), config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        long_row = next(line for line in text.splitlines() if "A long source name" in line)
        short_row = next(line for line in text.splitlines() if "A short source name" in line)
        assert "entertainme…" in long_row and "entertainment and" not in long_row
        # QA finding 15: at 80 columns a short name is whole ("Local Wi…" was cut at 9).
        wire_row = next(line for line in text.splitlines() if "A short name of ten" in line)
        assert "Local Wire " in wire_row and "…" not in wire_row
        # Both headlines start in the same column; the source column is at most 12 cells.
        assert long_row.index("A long") == short_row.index("A short")
        assert short_row.index("2024-01-02") - short_row.index("BBC") <= 12 + 1


@async_test
async def test_no_color_selection_is_reverse_and_underline_marks_highlights(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(demo_db, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Umerov")
        await settle(pilot)
        search = app.screen
        first = search.hits[0]
        # The segments of the highlighted (first) result's statement text, on every row.
        segments = [
            seg
            for strip in app.screen._compositor.render_strips()
            for seg in strip
            if seg.text.strip()
            and seg.text in first.text
            and "Umerov" in first.text
            and seg.style is not None
            and (seg.style.meta or {}).get("option") == 0
        ]
        assert segments and all(seg.style.reverse for seg in segments)
        underlined = {seg.text.strip() for seg in segments if seg.style.underline}
        assert underlined == {"Umerov"}, underlined


@async_test
async def test_holding_j_moves_the_cursor_and_loads_only_where_it_stops(
    demo_app,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 16 item 4: a list move draws the cursor at once; the article and its claims
    follow (from a worker thread, or read ahead) after a pause that the next move
    cancels, so keys pressed in a burst draw only the article the cursor stops on."""
    from tui.components.reader import Reader

    shown: list[int | None] = []
    real_show = Reader.show

    def counting_show(self, view, seq=None):  # type: ignore[no-untyped-def]
        shown.append(view["article"]["id"] if view else None)
        real_show(self, view, seq)

    monkeypatch.setattr(Reader, "show", counting_show)
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        main = await ungrouped_main(pilot)
        first = main.reader.article["id"]
        shown.clear()
        for key in "jkjkj":  # a burst: each key cancels the showing the one before asked for
            app.post_message(events.Key(key, key))
        await settle(pilot)
        assert main.articles.current["id"] != first
        assert main.reader.article["id"] == main.articles.current["id"]
        assert shown == [main.articles.current["id"]]


@async_test
async def test_article_and_claims_are_read_in_worker_threads(
    demo_app,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 16 item 4: the UI thread never waits for the article text or the claim panel
    after a key (each read on a worker's own connection), and what was read ahead (the
    next article, the next statements) is shown without reading it again. Only the first
    screen's article and its first statement's claims are read at once, before the first
    frame (no key waits for them; read in workers, they came a layout and a redraw later)."""
    import threading

    from tui.components import claim_panel, library, main_screen

    reads: list[tuple[str, object, bool]] = []  # what, which, on the UI thread

    def counting(name, real):  # type: ignore[no-untyped-def]
        def read(db, what):  # type: ignore[no-untyped-def]
            ui = threading.current_thread() is threading.main_thread()
            reads.append((name, what if isinstance(what, int) else what["id"], ui))
            return real(db, what)

        return read

    monkeypatch.setattr(main_screen, "read_article", counting("article", main_screen.read_article))
    monkeypatch.setattr(main_screen, "read_claims", counting("claims", main_screen.read_claims))
    monkeypatch.setattr(claim_panel, "read_claims", counting("claims", claim_panel.read_claims))
    monkeypatch.setattr(library, "read_article", counting("article", library.read_article))
    monkeypatch.setattr(library, "read_claims", counting("claims", library.read_claims))
    app = demo_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        first = main_of(app).reader
        expected_ui = [
            ("article", first.article["id"], True),
            ("claims", first.statements[0]["id"], True),
        ]
        main = await ungrouped_main(pilot)
        assert [r for r in reads if r[2]] == expected_ui
        assert ("article", main.articles.neighbours()[0]["id"], False) in reads  # read ahead
        reads.clear()
        await pilot.press("j")  # to the article read ahead: shown with no read
        await settle(pilot)
        assert main.reader.article["id"] == main.articles.current["id"]
        assert not [r for r in reads if r[0] == "article"]
        assert main.claims.statement["id"] == main.reader.current["id"]
        await pilot.press("enter")
        await settle(pilot)
        reads.clear()
        for _ in range(len(main.reader.statements) - 1):
            await pilot.press("j")
            await settle(pilot)
            assert main.claims.statement["id"] == main.reader.current["id"]
            shown_ids = [m["statement_id"] for m in main.claims.matches]
            expected = main.claims.cached(main.reader.current["id"])
            assert expected is not None
            assert sorted(shown_ids) == sorted(m["statement_id"] for m in expected.matches)
        assert not any(ui for *_, ui in reads)
        # Each statement was read once at most (read ahead, then shown from the cache).
        claim_reads = [which for name, which, _ in reads if name == "claims"]
        assert len(claim_reads) == len(set(claim_reads))


@async_test
async def test_footer_is_rebuilt_only_when_its_keys_change(demo_app) -> None:  # type: ignore[no-untyped-def]
    """Textual rebuilds its footer on every focus change (tens of ms of styling per Tab);
    ours keeps its keys, relabelled where the focused pane's keys differ."""
    from textual.widgets._footer import FooterKey

    from tui.components.footer import FittingFooter

    app = demo_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        footer = app.screen.query_one(FittingFooter)
        before = list(footer.query(FooterKey))
        assert before[0].key == "enter"  # the list's Open
        await pilot.press("tab")  # to the text: its own first key, the rest the same
        await settle(pilot)
        assert app.screen.focused is main_of(app).reader
        after = list(footer.query(FooterKey))
        assert after == before  # the same widgets
        assert after[0].key == "right_square_bracket" and after[0].description == "Matched"
        assert "] Matched" in screen_text(app).splitlines()[-1]
        await pilot.press("shift+tab")
        await settle(pilot)
        assert list(footer.query(FooterKey)) == before and before[0].description == "Open"
        assert "Matched" not in screen_text(app).splitlines()[-1]


@async_test
async def test_status_says_when_the_article_read_is_hidden_by_the_filter(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = main_of(app)
        source_a = main.articles.current["id"]
        await pilot.press("s", "down", "down", "enter")  # only Source B
        await settle(pilot)
        assert main.reader.article["source"] == "Source B"
        n = len(main.reader.statements)
        # The list has the keys (80 columns: the list alone): the article under its
        # cursor, no statement (the text is not on screen).
        line = status_line(app)
        assert f"article {main.reader.article['id']}" in line and "not in the list" not in line
        assert " (0–" not in line, line
        main.open_article(source_a, 0)  # as a search hit or a jump would
        await settle(pilot)
        line = status_line(app)
        last = len(main.reader.statements) - 1
        # 80 columns: the app's name, the filter and ↩ leave no room for the numbers.
        assert f"article {source_a} · statement 0, not in the list" in line, line
        assert f"(0–{last})" in line or "  ↩ 1" in line, line
        assert len(main.reader.statements) != n


@async_test
async def test_first_screen_counts_a_grouped_list_in_a_worker(
    demo_app,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 16 item 4: the first screen does not wait for the second count of a grouped
    list (its articles, for the status line): a worker counts them, the status line says
    "counting" until then, and the counts and the list's title follow."""
    import threading

    from tui.components.library import Library

    counted: list[tuple[bool, bool]] = []  # (grouped, on the UI thread)
    real = Library.count_rows
    release = threading.Event()  # the worker's count waits for the test

    def count_rows(self, state, db=None):  # type: ignore[no-untyped-def]
        ui = threading.current_thread() is threading.main_thread()
        counted.append((state.by_story, ui))
        if not ui:
            release.wait(10)
        return real(self, state, db)

    monkeypatch.setattr(Library, "count_rows", count_rows)
    app = demo_app()
    async with app.run_test(size=(160, 48)) as pilot:
        main = main_of(app)
        assert main.state.by_story  # the demo's two articles make one story
        await pilot.pause()
        assert main.counts is None
        assert "counting articles…" in [p.text.plain for p in main.status_parts()]
        assert main.articles.border_title == "Stories"
        release.set()
        await settle(pilot)
        assert (True, True) in counted  # the list's own rows: on the UI thread
        assert (False, False) in counted and (False, True) not in counted
        assert main.counts == (2, 1)
        assert "2 articles, 1 story" in screen_text(app)
        assert main.articles.border_title == "Stories (1)"


@async_test
async def test_start_up_objects_are_kept_out_of_the_collector(demo_app) -> None:  # type: ignore[no-untyped-def]
    """What start-up made is frozen once the first screen is drawn (a full collection
    walked it in the middle of key presses), and given back when the app closes."""
    import gc

    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert gc.get_freeze_count() > 10_000
    assert gc.get_freeze_count() == 0


# --- the story view's conflicts -------------------------------------------------------


@async_test
async def test_the_story_view_lists_its_first_conflicts_and_counts_the_rest(
    demo_app,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """QA: a UCI story of 118 headlines has 191 conflicts; their 382 sides took the story
    view ~0.5 s to lay out (o and C: 0.9 and 1.4 s, > 200 ms a key). It lists the first
    MAX_CONFLICTS (20) and says how many more there are and where they all are."""
    import tui.components.story_view as sv
    from db.story_reads import story_view

    def three_times(db, story_id):  # type: ignore[no-untyped-def]
        view = story_view(db, story_id)
        return {**view, "conflict_groups": view["conflict_groups"] * 3}

    monkeypatch.setattr(sv, "story_view", three_times)
    monkeypatch.setattr(sv, "MAX_CONFLICTS", 1, raising=False)
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        story = await story_opened(app, pilot, "C")
        assert story.query_one(sv.ConflictList).option_count == 2  # one conflict's sides
        text = screen_text(app)
        assert "Conflicts (3)" in text
        assert f"… 2 more: `claimlens stories --id {story.story_id}` lists all" in text


@async_test
async def test_q_closes_the_story_view_as_it_closes_the_help(demo_app) -> None:  # type: ignore[no-untyped-def]
    """Walk at 80×24: q in the story view did nothing (the app's q is the main screen's),
    and a reader leaving the story pressed it first. It closes the story, as in the help;
    a second q quits. Its conflicts' list has the keys too. ? did nothing there either: it
    opens the help over the story."""
    from tui.components.story_view import StoryScreen

    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = main_of(app)
        for keys in (("o",), ("o", "C")):
            await pilot.press(*keys)
            await settle(pilot)
            assert isinstance(app.screen, StoryScreen)
            await pilot.press("question_mark")  # the help opens over the story
            await settle(pilot)
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("q")
            await settle(pilot)
            assert isinstance(app.screen, StoryScreen)
            await pilot.press("q")
            await settle(pilot)
            assert app.screen is main and app.is_running
        await pilot.press("q")
        await settle(pilot)
        assert not app.is_running


@async_test
async def test_a_conflict_in_the_story_view_opens_each_side_in_its_article(demo_app) -> None:  # type: ignore[no-untyped-def]
    """QA item: the story view listed its conflicts but nothing led to them. C gives the
    conflicts the keys, j/k choose a side, Enter opens that side's article with its
    statement under the cursor (the claim panel there shows the other side); Esc goes
    back. The keys are the keymap's (remapped here)."""
    from db.story_reads import story_view
    from tui.components.story_view import ConflictList, StoryScreen

    keymap = {"story.conflicts": "K", "cursor.select": "ctrl+o", "cursor.down": "J"}
    app = demo_app(config=Config(keymap=keymap))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = main_of(app)
        await pilot.press("o")
        await settle(pilot)
        story = app.screen
        assert isinstance(story, StoryScreen)
        (conflict,) = story_view(main.library.db, story.story_id)["conflicts"]
        listed = story.query_one(ConflictList)
        # Tab goes between the story, its articles and its conflicts too
        await pilot.press("tab", "tab")
        assert app.focused is listed and listed.highlighted == 0
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused is story.query_one("#story-scroll")
        await pilot.press("K")  # to the conflicts: the first side is chosen
        await settle(pilot)
        assert app.focused is listed and listed.highlighted == 0
        assert "Conflicts (1)" in screen_text(app) and "^o Open" in screen_text(app)
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert app.screen is main
        side_a = conflict["a"]
        assert main.reader.current["id"] == side_a["statement_id"]
        assert main.reader.article["source"] == side_a["source"]
        assert app.focused is main.reader and main.view == "reader"
        # Its claim panel shows the other side, as a conflict.
        assert any(
            m["statement_id"] == conflict["b"]["statement_id"] and m["relation"] == "conflict"
            for m in main.claims.matches
        )
        # The other side, from the story view again (opened at its conflicts by K).
        await pilot.press("escape")  # back to where we were (a jump)
        await settle(pilot)
        await pilot.press("escape")  # to the list
        await pilot.press("K")
        await settle(pilot)
        story = app.screen
        assert isinstance(story, StoryScreen)
        listed = story.query_one(ConflictList)
        assert app.focused is listed and listed.highlighted == 0
        await pilot.press("J")
        assert listed.highlighted == 1
        # The side chosen is in sight in the story's scroll.
        scroll = story.query_one("#story-scroll")
        assert "≠ at least 10,000" in screen_text(app)  # its label: its values
        chosen_at = listed.region.y + listed._index_to_line[1]
        assert scroll.region.y <= chosen_at < scroll.region.bottom
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert app.screen is main
        assert main.reader.current["id"] == conflict["b"]["statement_id"]
        assert main.reader.article["source"] == conflict["b"]["source"]


@async_test
async def test_an_article_of_the_story_view_opens_in_the_text(demo_app) -> None:  # type: ignore[no-untyped-def]
    """QA item: the story view listed its articles, but only its conflicts could be
    opened. `a` (or Tab) gives the articles the keys, j/k choose one, Enter opens it in
    the text (a jump: Esc comes back); the footer and the help say so. The keys are the
    keymap's (remapped here)."""
    from db.story_reads import story_view
    from tui.components.story_view import StoryArticleList, StoryScreen

    keymap = {"story.articles": "A", "cursor.select": "ctrl+o", "cursor.down": "J"}
    app = demo_app(config=Config(keymap=keymap))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = main_of(app)
        before = main.reader.article["id"]
        await pilot.press("o")
        await settle(pilot)
        story = app.screen
        assert isinstance(story, StoryScreen)
        assert "A Articles" in screen_text(app)  # the footer names the key
        articles = story_view(main.library.db, story.story_id)["articles"]
        assert len(articles) >= 2
        listed = story.query_one(StoryArticleList)
        await pilot.press("tab")
        assert app.focused is listed and listed.highlighted == 0
        await pilot.press("shift+tab")
        assert app.focused is story.query_one("#story-scroll")
        await pilot.press("A")
        await settle(pilot)
        assert app.focused is listed and listed.highlighted == 0
        assert "^o Open" in screen_text(app)
        chosen = next(i for i, a in enumerate(articles) if a["id"] != before)
        for _ in range(chosen):
            await pilot.press("J")
        assert listed.highlighted == chosen
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert app.screen is main
        assert main.reader.article["id"] == articles[chosen]["id"]
        assert app.focused is main.reader and main.view == "reader"
        await pilot.press("escape")  # a jump: back to where we were
        await settle(pilot)
        assert main.reader.article["id"] == before


# --- the claim panel at 80x24 ----------------------------------------------------------


@async_test
async def test_a_matchs_source_line_stays_in_sight_while_its_text_is_read(demo_app) -> None:  # type: ignore[no-untyped-def]
    """QA item: at 80x24 the match list has a few rows, and reading a tall match with j
    or space scrolled its source line (outlet, date, relation) away: a matched sentence
    with no one saying it. The highlighted match's first line now stays on the top row
    while the rest of the match is read under it, forwards and back."""
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        main = await open_statement_at_80x24(pilot, "an estimated 11,000")
        matches = main.claims.match_list
        await pilot.press("tab")
        assert app.focused is matches
        first = matches.highlighted
        match = main.claims.matches[int(matches.get_option_at_index(first).id[1:])]
        source = f"{match['source']} · {match['date'][:10]}"
        assert matches._heights[first] > matches.scrollable_content_region.height + 2
        seen_last = False
        last_word = match["text"].split()[-1]
        for key in ["j"] * 12 + ["space", "k", "b", "k", "k"]:
            await pilot.press(key)
            rows = pane_rows(app, matches)
            if matches.highlighted != first:
                break
            assert source in rows[0], (key, rows)
            # The rest of the rows show the match's lines under it, in order.
            top = int(matches.scroll_y)
            if top > matches._index_to_line[first]:
                assert not any(source in row for row in rows[1:])
            seen_last = seen_last or any(last_word in row for row in rows)
        assert seen_last  # its end was reached with the source still in sight
        # Every line of the match was shown at some point (none hidden under the source).
        await pilot.press("g")
        assert int(matches.scroll_y) == 0 and source in pane_rows(app, matches)[0]


# --- the command palette's stories ----------------------------------------------------


@async_test
async def test_the_palette_opens_a_story_by_its_title(demo_app) -> None:  # type: ignore[no-untyped-def]
    """QA item: the palette had no "open story". Each story is a command "Open story:
    <title>" (with its date and counts), and choosing one opens its story view."""
    from tui.components.story_view import StoryScreen

    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = main_of(app)
        (story,) = main.library.stories(10)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"open story")
        await settle(pilot)
        assert "Open story: Ukrainian troops" in screen_text(app)
        assert "2024-11-05 · 2 sources, 2 articles" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen) and app.screen.story_id == story["id"]
        assert story["title"][:40] in screen_text(app)
        # From the story view, the palette opens a story in its place (not over it).
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"open story", "enter")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)
        assert sum(isinstance(s, StoryScreen) for s in app.screen_stack) == 1
        await pilot.press("escape")
        assert app.screen is main


@async_test
async def test_a_story_in_a_long_palette_list_keeps_its_date_and_counts(demo_app) -> None:  # type: ignore[no-untyped-def]
    """QA: at 80x24, with enough commands matching to scroll ("o"), a story title that
    wraps lost its last line, the date and counts ("2024-11-05 · 2 sources, 2
    articles"): the options' heights were measured before the scrollbar took a column,
    and the title wrapped to one more line in the narrower list."""
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        text = screen_text(app)
        assert "Open story: Ukrainian troops" in text
        assert "2024-11-05 · 2 sources, 2 articles" in text


@async_test
async def test_palette_titles_and_sources_are_never_markup(markup_db: Path) -> None:
    """A story's title and a source's name are data: the palette shows their brackets
    as written (Textual's highlighter parsed them as markup) and runs nothing."""
    from db.connection import connect

    db = connect(markup_db)
    title = db.execute("SELECT title FROM articles").fetchone()[0]
    assert "[bold red]" in title
    db.execute("INSERT INTO stories(id, title, n_articles, n_sources) VALUES (1, ?, 1, 1)", [title])
    db.execute("UPDATE articles SET story_id = 1")
    db.conn.commit()
    db.conn.close()
    app = make_app(markup_db, config=Config())
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        for query in ("open story", "only source"):
            await pilot.press("ctrl+p")
            await settle(pilot)
            await pilot.press(*query)
            await settle(pilot)
            text = screen_text(app)
            if query == "open story":
                assert f"Open story: {title}" in text
            else:
                assert "Show only source: [bold]Evil[/bold] Source" in text
            await pilot.press("escape")
            await settle(pilot)
        assert app.is_running


@async_test
async def test_the_reader_cuts_a_long_address_where_it_reads_as_cut(tmp_path: Path) -> None:
    """QA item: at 80x24 an address wider than the text pane was cut at its last cell
    ("…full-report-on-the-harb" / "our-bridge…"); it is cut after a hyphen there, and a
    shorter address that fits on a line of its own moves there whole."""
    url = "https://www.council.example.gov.uk/news/2024/01/02/full-report-on-the-harbour-bridge-closure.html"
    short = "https://www.example.com/news/2024/01/02/report-on-the-harbour-bridge.html"
    article = tmp_path / "url.txt"
    article.write_text(
        " date 2024-01-02 Council publishes report online\n\n"
        f"The council published the full report at {url} on Tuesday. "
        f"A summary of the main findings is at {short} for readers.\n",
        encoding="utf-8",
    )
    db = ingested_db(tmp_path / "url.db", [article], source="A")
    app = make_app(db, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        rows = [row.strip("┃│ ▁▂▃▄▅▆▇█") for row in pane_rows(app, main_of(app).reader)]
        assert "https://www.council.example.gov.uk/news/2024/01/02/full-report-on-the-" in rows
        assert "harbour-bridge-closure.html on Tuesday." in rows
        assert short in rows  # whole, on a line of its own


# --- keys that arrive together (QA finding 3) ---------------------------------------------


def burst(app: ClaimLensApp, *keys: str) -> None:
    """Keys queued at once, as a terminal sends them over SSH or in a paste (Pilot's
    ``press`` waits for the app to idle after every key)."""
    named = {"down": None, "up": None, "enter": None, "escape": None}
    for key in keys:
        app.post_message(events.Key(key, None if key in named else key))


@async_test
async def test_down_down_enter_in_one_burst_opens_the_third_hit(demo_app) -> None:  # type: ignore[no-untyped-def]
    """QA finding 3: ↓↓⏎ typed in one burst opened hit 1 and then moved two statements
    down (Enter, a priority binding, ran before the queued ↓s reached the results)."""
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Umerov")
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen) and len(search.hits) >= 3
        third = search.hits[2]
        burst(app, "down", "down", "enter")
        await settle(pilot)
        main = main_of(app)
        assert app.screen is main
        assert main.reader.current["id"] == third.statement_id
        assert "hit 3/" in screen_text(app).splitlines()[0]
        # Keys after the Enter act on the article opened, in order.
        cursor = main.reader.cursor
        burst(app, "j", "j", "k")
        await settle(pilot)
        assert main.reader.cursor == cursor + 1


@async_test
async def test_ten_js_in_one_burst_scroll_the_story_ten_lines(demo_app) -> None:  # type: ignore[no-untyped-def]
    """QA finding 3: ten j in one burst scrolled the story view one line (each deferred
    scroll read the same target); k comes back as far."""

    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        story = await story_opened(app, pilot)
        scroll = story.query_one("#story-scroll")
        assert scroll.max_scroll_y >= 10
        burst(app, *"jjjjjjjjjj")
        await settle(pilot)
        assert scroll.scroll_y == 10
        burst(app, *"kkkk")
        await settle(pilot)
        assert scroll.scroll_y == 6


@async_test
async def test_the_browser_numbers_statements_as_the_cli_does(demo_app, demo_db) -> None:  # type: ignore[no-untyped-def]
    """QA finding 4: the browser said "statement 5" of what `claimlens show` lists as [4]
    and `matches` names `article N · 4`. The README names a statement `article N · k`, k
    as `show N` numbers it (from 0): the status line and the claim panel say that."""
    from click.testing import CliRunner

    from tui.cli import main as cli

    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        main = await open_statement_at_80x24(pilot, "an estimated 11,000")
        article_id, seq = main.reader.article["id"], main.reader.current["seq"]
        text = main.reader.current["text"]
        name = f"article {article_id} · {seq}"
        # The status line in words (perf65: the bare name read as code there).
        assert f"article {article_id} · statement {seq}" in status_line(app)
        assert name in screen_text(app).split("Claims")[1]  # the claim panel's header
    shown = CliRunner().invoke(cli, ["--db", str(demo_db), "show", str(article_id)]).output
    assert f"[{seq}] {text[:40]}" in shown
    matches = ["--db", str(demo_db), "matches", "--article", str(article_id)]
    listed = CliRunner().invoke(cli, matches)
    assert f"{name}] {text[:40]}" in listed.output


@async_test
async def test_dates_are_days_in_every_pane(tmp_path: Path) -> None:
    """QA finding 15: a feed's article showed its time of day in the reader's header
    ("2024-01-02T10:00:00") and the story view's "first seen", its day elsewhere."""
    from tui.components.story_view import story_sections

    data = tmp_path / "feed.jsonl"
    record = {"id": "1", "source": "Wire", "title": "Harbour opens", "text": "It opened."}
    data.write_text(json.dumps({**record, "date": "2024-01-02T10:00:00"}) + "\n", "utf-8")
    app = make_app(ingested_db(tmp_path / "feed.db", [data]), config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "Wire · 2024-01-02" in text and "T10:00" not in text
    view = {
        "title": "Harbour opens",
        "first_seen": {"source": "Wire", "date": "2024-01-02T10:00:00"},
        "outlets": ["Wire"],
        "articles": [{"date": "2024-01-02T10:00:00", "source": "Wire", "title": "Harbour"}],
        "claims": [],
        "conflicts": [],
        "conflict_groups": [],
        "blindspot": {"days": None, "missing_sources": [], "only_one_outlet": []},
    }
    head = story_sections(view)[0].renderables[0]
    assert "first seen 2024-01-02 · Wire\n" in head.plain and "T10:00" not in head.plain


def test_a_story_of_one_outlet_says_1_outlet() -> None:
    """QA: the story view of two articles from one source (the seeds folder, ingested as
    one source, is a story of its own in a larger database) said "1 outlets: seeds". It
    says "1 outlet"; two or more stay plural."""
    from tui.components.story_view import story_sections

    def view(outlets: list[str]) -> dict:
        return {
            "title": "Ukraine says it fought N Korean troops",
            "first_seen": {"source": outlets[0], "date": "2024-11-05"},
            "outlets": outlets,
            "articles": [{"date": "2024-11-05", "source": outlets[0], "title": "Ukraine"}],
            "claims": [],
            "conflicts": [],
            "conflict_groups": [],
            "blindspot": {"days": None, "missing_sources": [], "only_one_outlet": []},
        }

    head = story_sections(view(["seeds"]))[0].renderables[0].plain
    assert "\n1 outlet: seeds\n" in head and "outlets" not in head
    head = story_sections(view(["fox", "nyt"]))[0].renderables[0].plain
    assert "\n2 outlets: fox, nyt\n" in head


@async_test
async def test_a_long_address_in_the_text_header_is_cut_with_an_ellipsis(tmp_path: Path) -> None:
    """QA: at 80 columns the text pane's first line (source · date · address) was cut at
    the pane's edge with no mark ("…/house-intelligence-committe"), though it asks for
    an ellipsis: the line was drawn at the console's width, then cropped. It ends in
    "…" where the address goes on."""
    url = "https://www.example.com/entry/" + "house-intelligence-committee-" * 4 + "schiff"
    data = tmp_path / "long.jsonl"
    record = {"source": "hpo", "date": "2019-03-28", "url": url, "title": "Schiff", "text": "x."}
    data.write_text(json.dumps(record) + "\n", "utf-8")
    app = make_app(ingested_db(tmp_path / "long.db", [data]), config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        [header] = [line for line in screen_text(app).splitlines() if "hpo · 2019-03-28" in line]
        shown = header.strip("┃ ")
        assert shown.endswith("…"), header
        assert f"hpo · 2019-03-28 · {url}".startswith(shown[:-1]), header


@async_test
async def test_enter_on_a_story_header_opens_the_story(demo_app) -> None:  # type: ignore[no-untyped-def]
    """A story's header in the list takes the cursor (k from its first article): the
    text shows the story's first article, and Enter opens the story view, as o does."""
    from tui.components.story_view import StoryScreen

    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = main_of(app)
        articles = main.articles
        assert articles.row(0)["kind"] == "story" and articles.cursor == 1
        first = articles.row(1)["id"]
        await pilot.press("k")
        await settle(pilot)
        assert articles.cursor == 0
        assert main.reader.article is not None and main.reader.article["id"] == first
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)
        assert app.screen.story_id == articles.row(0)["id"]
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, StoryScreen) and articles.cursor == 0
        await pilot.press("j")
        assert articles.cursor == 1 and articles.current["id"] == first


@async_test
async def test_the_footer_keeps_the_command_palette_at_80_columns_in_every_pane(demo_app) -> None:  # type: ignore[no-untyped-def]
    """At 80x24 the text's "]" key, the claim panel's and the list's Enter each leave room
    for "^p Commands" beside "? Help" and "q Quit"."""
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = main_of(app)
        for key, pane in (("", main.articles), ("enter", main.reader), ("c", main.claims)):
            if key:
                await pilot.press(key)
                await settle(pilot)
            focused = app.focused
            assert focused is pane or (pane is main.claims and focused in pane.walk_children())
            last = screen_text(app).splitlines()[-1]
            assert "^p Commands" in last and "? Help" in last and "q Quit" in last, (key, last)
