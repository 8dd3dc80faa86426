"""Reading an article by keys, as a user over SSH would: what the keys say when they
cannot go on, the header while the list or the text has the keys, the claim panel's
header, the search highlight and the command palette's prompt (QA report, item 15)."""

from __future__ import annotations

import re

from tests.tui_fixtures import *  # noqa: F403 (pytest fixtures)
from tests.tui_fixtures import async_test, settle
from tui.config import Config


def notices(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n.message) for n in app._notifications]


def matched_indexes(reader) -> list[int]:  # type: ignore[no-untyped-def]
    return [
        i
        for i, st in enumerate(reader.statements)
        if st.get("status") in ("corroborated", "conflict")
    ]


@async_test
async def test_next_matched_past_the_last_one_says_so_and_names_the_way_back(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        reader = app.main.reader
        matched = matched_indexes(reader)
        assert len(matched) >= 2, "the demo article has matched statements"
        await pilot.press("G")
        assert reader.cursor > matched[-1]
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert reader.cursor == len(reader.statements) - 1  # did not move
        assert notices(app)[-1] == "No more matched statements below; [ goes back."
        await pilot.press("left_square_bracket")
        assert reader.cursor == matched[-1]  # and [ does go back
        await pilot.press("g")
        if matched[0] == 0:
            await pilot.press("left_square_bracket")
        else:
            await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(pilot)
        assert notices(app)[-1] == "No matched statement above; ] goes on."


@async_test
async def test_the_notice_names_the_keys_as_remapped(demo_app) -> None:  # type: ignore[no-untyped-def]
    keymap = {"reader.next_matched": "m", "reader.previous_matched": "M"}
    app = demo_app(config=Config(keymap=keymap))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "G", "m")
        await settle(pilot)
        assert notices(app)[-1] == "No more matched statements below; M goes back."


def _word_styles(app, word: str) -> list[tuple[bool, object]]:  # type: ignore[no-untyped-def]
    """(on the highlighted result row?, style) of each on-screen segment that is exactly
    ``word`` in the search results."""
    from tui.components.search_screen import Results

    results = app.screen.query_one(Results)
    region = results.content_region
    highlighted = results.highlighted
    assert highlighted is not None
    out = []
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        if not region.y <= y < region.bottom:
            continue
        line = results.scroll_offset.y + y - region.y
        option = results._lines[line][0] if line < len(results._lines) else None
        for seg in strip:
            if seg.text == word:
                out.append((option == highlighted, seg.style))
    return out


def _is_legible_mark(style, row_style) -> bool:  # type: ignore[no-untyped-def]
    """A matched word stands out by attributes (bold, underline, reverse), in the
    row's own colours: no foreground of its own to clash with the row's background
    (yellow on the white cursor row in 16 colours)."""
    if style is None:
        return False
    marked = bool(style.bold) and bool(style.underline)
    return marked and style.color == row_style.color and style.bgcolor == row_style.bgcolor


@async_test
async def test_search_words_are_legible_on_the_cursor_row_in_16_colours(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.theme == "ansi-dark"
        await pilot.press("slash", *"Umerov")
        await settle(pilot)
        styles = _word_styles(app, "Umerov")
        on_cursor = [s for chosen, s in styles if chosen]
        elsewhere = [s for chosen, s in styles if not chosen]
        assert on_cursor and elsewhere, styles
        from tui.components.search_screen import Results

        results = app.screen.query_one(Results)
        cursor_row = results.get_component_rich_style("option-list--option-highlighted")
        plain_row = results.rich_style
        for style in on_cursor:
            assert _is_legible_mark(style, cursor_row), (style, cursor_row)
        for style in elsewhere:
            assert _is_legible_mark(style, plain_row), (style, plain_row)
            assert style.reverse, style  # stands out like less's search matches


@async_test
async def test_search_words_stand_out_without_colour(demo_db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tui.app import make_app

    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(demo_db, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Umerov")
        await settle(pilot)
        styles = _word_styles(app, "Umerov")
        assert any(chosen for chosen, _ in styles) and any(not c for c, _ in styles)
        for _chosen, style in styles:
            assert style is not None and style.bold and style.underline, style


def status_line(app) -> str:  # type: ignore[no-untyped-def]
    from tests.tui_fixtures import screen_text

    return screen_text(app).splitlines()[0]


@async_test
async def test_the_header_names_the_statement_only_while_the_text_shows(demo_app) -> None:  # type: ignore[no-untyped-def]
    """At 80 columns the list and the text take turns: back in the list, the header
    names the article under the list's cursor, not the statement read last."""
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.main
        await pilot.press("enter", "j", "j")
        await settle(pilot)
        read = main.reader.article["id"]
        assert f"article {read} · statement 2  (0–" in status_line(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused is main.articles
        line = status_line(app)
        assert " · statement 2" not in line, line
        assert f"article {main.articles.current['id']}" in line, line
        await pilot.press("j")
        await settle(pilot)
        line = status_line(app)
        listed = main.articles.current
        if listed is not None:
            assert f"article {listed['id']}" in line and " (0–" not in line, line
        await pilot.press("enter")
        await settle(pilot)
        assert f"article {main.reader.article['id']} · statement 0  (0–" in status_line(app)


@async_test
async def test_the_header_keeps_its_name_at_80_columns_with_filters(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.main
        await pilot.press("d", *"2024-11-01", "tab", *"2024-11-06", "enter")
        await pilot.press("s", "down", "down", "enter")  # only Source B
        assert main.state.filter.source == "Source B"
        await pilot.press("enter", "j")
        await settle(pilot)
        line = status_line(app)
        assert line.startswith(" claimlens  "), line
        assert "Source B" in line and "2024-11-01" in line, line
        assert f"article {main.reader.article['id']} · statement 1" in line, line
        assert len(line.rstrip()) <= 80 and "…" not in line, line


@async_test
async def test_the_command_palette_prompt_is_plain_ascii(demo_app) -> None:  # type: ignore[no-untyped-def]
    """Textual's palette opens with a 🔎 emoji: two cells or one, or a box, depending on
    the terminal and its font over SSH. Ours is a plain '>' (and so is the theme
    picker's, which the palette's Theme command opens)."""
    from textual.command import CommandPalette

    from tests.tui_fixtures import screen_text

    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        text = screen_text(app)
        assert "🔎" not in text
        prompt = next(line for line in text.splitlines() if "Search for commands" in line)
        assert re.match(r"\s*>\s+Search for commands", prompt), prompt
        await pilot.press("escape")
        await settle(pilot)
        app.search_themes()
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        assert "🔎" not in screen_text(app)


@async_test
async def test_claim_header_names_every_source_of_the_first_day(demo_db) -> None:  # type: ignore[no-untyped-def]
    """QA item 15: "claim 481 · first seen 2019-03-28 · fox" over a list where fox was
    only RELATED: three outlets had the claim that day and fox was named because its
    statement has the lowest id. The header names the claim's size and every source of
    its first day."""
    from db.claims import rebuild_claims
    from db.connection import connect
    from tests.tui_fixtures import screen_text
    from tui.app import make_app

    db = connect(demo_db)
    with db.conn:
        db.conn.execute("UPDATE articles SET date = '2024-11-05'")
        rebuild_claims(db.conn)
    db.conn.close()
    app = make_app(demo_db, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        reader = app.main.reader
        target = matched_indexes(reader)[0]
        while reader.cursor < target:
            await pilot.press("j")
        await settle(pilot)
        line = next(ln for ln in screen_text(app).splitlines() if "first seen" in ln)
        assert "claim 1 · first seen 2024-11-05 · " in line, line
        named = line.split("first seen 2024-11-05 · ", 1)[1]
        assert "Source A" in named and "Source B" in named, line
        # A claim with a source reached through another statement (QA: fox matched the
        # hpo headline, and the nyt statement only hpo's): the header says the claim
        # has more sources than the list shows as its matches.
        panel = app.main.claims
        bigger = dict(panel._view.claim, n_sources=3, first_sources=["fox", "hpo", "nyt"])
        text = panel.header_text(bigger).plain.splitlines()[2]
        assert text == "claim 1 · 3 sources in all · first seen 2024-11-05 · fox, hpo, nyt", text
