"""`o` fills one story screen again: the main screen keeps its story screen installed and
shows each story in it (a new screen's compose, styles and first layout were most of `o`'s
time at 116 k articles), never with the last story's parts drawn."""

from __future__ import annotations

import random
from typing import Any

import pytest

from tests.tui_fixtures import *  # noqa: F403
from tests.tui_fixtures import async_test, screen_text, settle

TITLES = {1: "The harbour tunnel story", 2: "A quite different headline"}


def _two_stories(app: Any, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, str]]:
    """Stories 1 and 2 (the demo has one event): its story, titled :data:`TITLES`."""
    import tui.components.story_view as sv
    from db.story_reads import story_view

    main = app.screen
    (real,) = main.library.db.execute("SELECT min(id) FROM stories").fetchone()

    def titled(db, story_id):  # type: ignore[no-untyped-def]
        return {**story_view(db, real), "id": story_id, "title": TITLES[story_id]}

    monkeypatch.setattr(sv, "story_view", titled)
    return list(TITLES.items())


@async_test
async def test_a_second_story_reuses_the_story_screen_and_never_shows_the_first(
    demo_app,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The second story opened is shown in the screen the first was (before: a new
    screen each time), with its own title, scrolled to its top with the keys on the
    story; no frame drawn after it was asked for shows the first story's title."""
    from textual.screen import Screen

    from tui.components.story_view import StoryScreen, StoryText

    app = demo_app()
    frames: list[str] = []
    refresh = Screen._compositor_refresh

    def recorded(self: Screen) -> None:  # type: ignore[type-arg]
        refresh(self)
        if isinstance(self, StoryScreen):
            frames.append(screen_text(self.app))

    monkeypatch.setattr(Screen, "_compositor_refresh", recorded)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.screen
        (first, first_title), (second, second_title) = _two_stories(app, monkeypatch)
        main.open_story(first)
        await settle(pilot)
        story = app.screen
        assert isinstance(story, StoryScreen)
        assert first_title in screen_text(app)
        await pilot.press("a", "j", "end")  # its articles with the keys, scrolled down
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is main

        frames.clear()
        main.open_story(second)
        await settle(pilot)
        assert app.screen is story  # the same screen, filled again
        shown = screen_text(app)
        assert second_title in shown and first_title not in shown
        assert frames and not [f for f in frames if first_title in f]
        assert isinstance(app.focused, StoryText) and app.focused.scroll_y == 0
        await pilot.press("escape")  # Esc still closes it, and o opens it again
        await settle(pilot)
        assert app.screen is main
        main.open_story(first)
        await settle(pilot)
        assert app.screen is story and first_title in screen_text(app)


@async_test
async def test_a_story_opened_over_the_story_view_is_shown_in_it(
    demo_app,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A story opened while the story view is up (the palette's story) takes its place in
    the same screen; one Esc goes back to the list, and Enter on an article still opens
    it (the screen's result reaches the main screen once)."""
    from tui.components.story_view import StoryScreen

    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.screen
        (first, _t), (second, second_title) = _two_stories(app, monkeypatch)
        main.open_story(first)
        await settle(pilot)
        story = app.screen
        main.open_story(second)
        await settle(pilot)
        assert app.screen is story and second_title in screen_text(app)
        assert app.screen_stack[-2:] == [main, story]  # one story screen on the list
        await pilot.press("a", "enter")  # the second story's first article, in the text
        await settle(pilot)
        assert app.screen is main
        assert isinstance(story, StoryScreen) and main.reader.article["id"] == story.article_ids[0]


# --- a story's rows measured without being drawn ---------------------------------------


def test_a_hanging_rows_height_is_the_number_of_lines_it_draws() -> None:
    """:meth:`Hanging.height` (its texts' wrapping alone) is the number of lines it draws,
    at any width, for any rows (labels of several widths, texts with a line break, wide
    characters, none; a width too narrow for the labels: the Table's own lines)."""
    from rich.console import Console
    from rich.text import Text

    from tui.components.hanging import Hanging

    console = Console(width=200, color_system="truecolor", force_terminal=True)
    rng = random.Random(76)
    words = ["a", "the", "Reuters", "x" * 45, "1,000", "≠", "日本語", "café", "[bold]b[/]", "\t"]
    for _ in range(200):
        rows = []
        for _row in range(rng.randint(1, 4)):
            label = " ".join(rng.choice(words) for _ in range(rng.randint(1, 3)))
            text = Text(" ".join(rng.choice(words) for _ in range(rng.randint(0, 30))))
            if rng.random() < 0.3:
                text.append("\n" + " ".join(rng.choice(words) for _ in range(rng.randint(0, 9))))
            rows.append((Text("  " + label + ":", style="dim"), text))
        for width in (6, 12, 30, 57, 76, 80, 158):
            options = console.options.update_width(width).update(highlight=False)
            fresh = Hanging(rows, rng.choice([None, 12, 30]))
            measured = fresh.height(console, options)
            drawn = sum(text.count("\n") for text, _s, _c in console.render(fresh, options))
            assert measured == drawn == fresh.height(console, options), (rows, width)
    assert Hanging([]).height(console, console.options) == 0


@async_test
async def test_g_in_a_long_story_draws_only_the_rows_on_the_screen(
    demo_app,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """G in a story of 136 articles laid out its 50 article options and 40 conflict sides,
    each drawn in full to be measured (~40 ms at 116 k articles). They are measured from
    their texts' wrapping: only the rows on the screen are drawn, and the screen after G
    is the one drawing them all gave (the blindspot's end)."""
    from tests.test_story_layout import _long_story
    from tui.components import hanging as hanging_mod

    _long_story(monkeypatch)
    drawn: list[int] = []
    lines = hanging_mod.Hanging._lines

    def counted(self, *args):  # type: ignore[no-untyped-def]
        drawn.append(id(self))
        return lines(self, *args)

    monkeypatch.setattr(hanging_mod.Hanging, "_lines", counted)
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        drawn.clear()
        await pilot.press("G")
        await settle(pilot)
        shown = screen_text(app)
        assert "Blindspot" in shown or "did not report it" in shown
        story = app.screen
        options = sum(listed.option_count for listed in story.query("StoryOptions"))
        assert options > 60  # all laid out: the articles and the conflicts' sides
        assert len(set(drawn)) < 12  # before: every row laid out by G (~60)


@async_test
async def test_c_and_o_in_the_reused_screen_open_the_story_where_they_did(
    demo_app,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The screen filled again keeps each key's meaning: C opens the story at its
    conflicts (their list with the keys), o after it at its top (the story with the keys,
    no side chosen), however the last story was left."""
    from tests.test_story_layout import _long_story
    from tui.components.story_view import ConflictList, StoryScreen, StoryText

    _long_story(monkeypatch)
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.screen
        await pilot.press("o")
        await settle(pilot)
        story = app.screen
        await pilot.press("a", "G", "escape")  # the last article chosen, then closed
        await settle(pilot)
        await pilot.press("C")
        await settle(pilot)
        assert app.screen is story and isinstance(story, StoryScreen)
        assert isinstance(app.focused, ConflictList) and app.focused.highlighted == 0
        assert "Conflicts (" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is main
        await pilot.press("o")
        await settle(pilot)
        assert app.screen is story and isinstance(app.focused, StoryText)
        assert app.focused.scroll_y == 0
        listed = story.conflict_list  # not laid out yet (a long story), or no side chosen
        assert listed is None or listed.highlighted is None


@async_test
async def test_a_story_read_after_the_screen_was_filled_again_is_not_shown(
    demo_app,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Esc and `o` on another story while the last one is still read: its read, ending
    after the next was asked for, no longer shows the last story in the screen filled with
    the next (a new screen each time could not receive it)."""
    import tui.components.story_view as sv

    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.screen
        (first, first_title), (second, second_title) = _two_stories(app, monkeypatch)
        main.open_story(first)
        await settle(pilot)
        story = app.screen
        late = sv.story_view(main.library.db, first)  # the first story's read, late
        await pilot.press("escape")
        await settle(pilot)
        main.open_story(second)
        await settle(pilot)
        await story._show(first, late, None)  # arrives now
        await settle(pilot)
        shown = screen_text(app)
        assert second_title in shown and first_title not in shown
