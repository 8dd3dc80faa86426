"""The story view at once on a large story: laid out as far as it fills the screen and more
as the reader goes, its rows drawn as a Table grid draws them, its footer built once, and
its blindspot read on an index."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from tests.tui_fixtures import *  # noqa: F403
from tests.tui_fixtures import async_test, screen_text, settle, story_opened

# --- rows drawn as the Table grid draws them -----------------------------------------


def _lines(console: Console, renderable: object, width: int) -> list[list[tuple[str, Style]]]:
    """Each line drawn at ``width``: its (text, style) pieces, merged where alike."""
    options = console.options.update_width(width)
    out = []
    for line in Segment.split_lines(console.render(renderable, options)):
        pieces = Segment.simplify(Segment(t, s or Style()) for t, s, c in line if not c)
        out.append([(t, s or Style()) for t, s, _c in pieces])
    return out


def test_hanging_rows_are_drawn_as_the_table_grid_draws_them() -> None:
    """The story view's rows (an article's date and source, a conflict's side with its
    numbers, the claims, the blindspot's statements) were each a Table grid, measured and
    drawn again at every layout: most of a story's ~250 ms. The rows are drawn by
    Hanging, once per width; line for line and style for style what the grid draws, at
    any width (too narrow for a label: the grid itself)."""
    from tui.components.hanging import Hanging, grid

    console = Console(width=200, color_system="truecolor", force_terminal=True)
    rng = random.Random(5)
    words = ["a", "the", "Reuters", "x" * 45, "1,000", "≠", "日本語", "café", "[bold]b[/]"]
    for _ in range(150):
        rows = []
        for _row in range(rng.randint(1, 4)):
            label = " ".join(rng.choice(words) for _ in range(rng.randint(1, 3)))
            text = Text(" ".join(rng.choice(words) for _ in range(rng.randint(0, 25))))
            if rng.random() < 0.3:  # a conflict's second side: the numbers under it
                text.append("\nnumbers: ", style="dim")
                text.append("1 vs 2", style="bold red")
            rows.append((Text("  " + label + ":", style=rng.choice(["dim", "bold red"])), text))
        label_width = rng.choice([None, 12, 30])
        hanging = Hanging(rows, label_width)
        for width in (12, 30, 57, 76, 80, 158, 76):  # 76 again: as drawn before
            assert _lines(console, hanging, width) == _lines(
                console, grid(rows, label_width), width
            )
    assert _lines(console, Hanging([]), 40) == _lines(console, grid([]), 40) == []


# --- the story view laid out as the reader goes ---------------------------------------


def _long_story(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo's first story with 40 times its articles and 20 times its conflicts: more
    than fits in the story view at 80x24."""
    import tui.components.story_view as sv
    from db.story_reads import story_view

    def long(db, story_id):  # type: ignore[no-untyped-def]
        view = story_view(db, story_id)
        articles = [
            {**a, "title": f"{a['title']} ({i})"} for i in range(40) for a in view["articles"]
        ]
        return {
            **view,
            "articles": articles,
            "conflicts": view["conflicts"] * 20,
            "conflict_groups": view["conflict_groups"] * 20,
        }

    monkeypatch.setattr(sv, "story_view", long)


def _text(app) -> str:  # type: ignore[no-untyped-def]
    """The screen without its scrollbar's column: its thumb shows how much of the story is
    laid out (it grows as more is, as the claim panel's does)."""
    return "\n".join(line[:-3] for line in screen_text(app).splitlines())


async def _story_screens(app, pilot) -> list[str]:  # type: ignore[no-untyped-def]
    """Every screen of the story from its top, a PgDn at a time, to its end."""
    story = app.screen
    scroll = story.query_one("#story-scroll")
    screens = [_text(app)]
    for _ in range(200):
        at = scroll.scroll_y
        await pilot.press("pagedown")
        await settle(pilot)
        if scroll.scroll_y == at:
            break
        screens.append(_text(app))
    return screens


@async_test
async def test_a_long_story_lays_out_what_fits_and_the_rest_as_the_reader_goes(
    demo_app,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`o` on a story of 136 articles laid out its 50 article options, 40 conflict sides
    and the rest at once (~250 ms at 80x24, one screen shown). It lays out what fills two
    screens; each screen a PgDn reaches is what laying out everything at once showed;
    G, the article list's last option and C reach the story's end as before."""
    import tui.components.story_view as sv

    _long_story(monkeypatch)
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        story = await story_opened(app, pilot)
        assert story.shown
        listed = story.query_one(sv.StoryArticleList)
        assert 0 < listed.option_count < sv.MAX_ARTICLES  # before: all 50
        assert not story.query("#story-blindspot")  # not laid out yet
        lazy = await _story_screens(app, pilot)
        assert "Blindspot" in lazy[-1]
        await pilot.press("escape")
        await settle(pilot)
        # Everything laid out at once (as before): the same screens.
        monkeypatch.setattr(sv, "SCREENS_AHEAD", 10_000)
        await pilot.press("o")
        await settle(pilot)
        assert app.screen.query_one(sv.StoryArticleList).option_count == sv.MAX_ARTICLES
        assert await _story_screens(app, pilot) == lazy
        await pilot.press("escape")
        await settle(pilot)
        monkeypatch.setattr(sv, "SCREENS_AHEAD", 2)
        # G goes to the end: the blindspot's last line is the screen's.
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        assert _text(app) == lazy[-1]
        await pilot.press("escape")
        await settle(pilot)
        # The articles: j to the last one laid out and on, G to the 50th.
        await pilot.press("o")
        await settle(pilot)
        story = app.screen
        listed = story.query_one(sv.StoryArticleList)
        laid = listed.option_count
        await pilot.press("a")
        await settle(pilot)
        await pilot.press(*["j"] * laid)
        await settle(pilot)
        assert listed.highlighted == laid
        await pilot.press("G")
        await settle(pilot)
        assert listed.highlighted == sv.MAX_ARTICLES - 1
        assert "(9)" in screen_text(app)  # the 50th: the demo story's fifth article's tenth copy
        # C: the conflicts, with the keys, and the story laid out to its end.
        await pilot.press("C")
        await settle(pilot)
        assert app.focused is story.conflict_list and story.query("#story-blindspot")
        assert re.search(r"Conflicts \(\d+\)", screen_text(app))


@async_test
async def test_g_in_a_long_story_draws_its_last_screen_in_its_first_frame(
    demo_app,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """G in a story not all laid out: the first frame drawn after it is the story's last
    screen, as everything laid out at once shows it (before: a frame of the screen G was
    pressed on, then the scroll and a second layout). Nothing stays pinned to the end:
    k after it goes up a line, and g back to the top."""
    from textual.screen import Screen

    import tui.components.story_view as sv

    _long_story(monkeypatch)
    frames: list[str] = []
    refresh = Screen._compositor_refresh

    def recorded(self: Screen) -> None:  # type: ignore[type-arg]
        refresh(self)
        if isinstance(self, sv.StoryScreen):
            frames.append(_text(self.app))

    monkeypatch.setattr(Screen, "_compositor_refresh", recorded)
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(sv, "SCREENS_AHEAD", 10_000)  # all of it at once: the end
        await story_opened(app, pilot)
        await pilot.press("G")
        await settle(pilot)
        end = _text(app)
        assert "Blindspot" in end
        await pilot.press("escape")
        await settle(pilot)
        monkeypatch.setattr(sv, "SCREENS_AHEAD", 2)
        story = await story_opened(app, pilot)
        assert not story.query("#story-blindspot")  # not laid out yet
        top = _text(app)
        frames.clear()
        await pilot.press("G")
        await settle(pilot)
        assert frames and frames[0] == end, "the first frame after G is the last screen"
        assert top not in frames
        assert _text(app) == end
        scroll = story.query_one(sv.StoryText)
        at = scroll.scroll_y
        await pilot.press("k")
        await settle(pilot)
        assert scroll.scroll_y == at - 1
        await pilot.press("g")
        await settle(pilot)
        assert scroll.scroll_y == 0 and _text(app) == top


@async_test
async def test_tab_goes_round_a_long_storys_parts_as_before(
    demo_app,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Tab from the story to its articles, to its conflicts (laid out first), round to the
    story; shift+Tab from the story to its conflicts."""
    import tui.components.story_view as sv

    _long_story(monkeypatch)
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        story = await story_opened(app, pilot)
        scroll = story.query_one(sv.StoryText)
        assert app.focused is scroll
        for expected in (sv.StoryArticleList, sv.ConflictList, sv.StoryText):
            await pilot.press("tab")
            await settle(pilot)
            assert isinstance(app.focused, expected)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("shift+tab")
        await settle(pilot)
        assert isinstance(app.focused, sv.ConflictList)


@async_test
async def test_the_story_views_footer_keys_are_built_once(demo_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The story view's footer asked for its keys to be built at each of the screen's first
    two changes of bindings, after the next frame: built twice, each a layout and a frame
    after the story's parts. It builds them once, at once."""
    import tui.components.footer as footer_mod
    from tui.components.story_view import StoryScreen

    built: list[str] = []
    compose = footer_mod.FittingFooter.compose

    def counted(self):  # type: ignore[no-untyped-def]
        if isinstance(self.screen, StoryScreen):
            built.append("keys" if self._bindings_ready else "none yet")
        return compose(self)

    monkeypatch.setattr(footer_mod.FittingFooter, "compose", counted)
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)
        assert built == ["none yet", "keys"]
        assert "Articles" in screen_text(app) and "Conflicts" in screen_text(app)


# --- the blindspot read on an index ---------------------------------------------------


def test_the_blindspot_reads_each_sources_days_on_its_index(tmp_path: Path) -> None:
    """The sources active in a story's days were read by joining every article of those
    days (a story of months: most of a library; ~100 ms at 116 k articles): each source
    is looked up on its (source, date) index. The same sources, the same order."""
    from db.story_reads import blindspot_shown, most_active_sources, story_view
    from tests.test_stories import _read_db

    db = _read_db(tmp_path)
    story_id = db.execute("SELECT id FROM stories ORDER BY n_articles DESC LIMIT 1").fetchone()[0]
    read: list[str] = []
    db.conn.set_trace_callback(read.append)
    view = story_view(db, story_id)
    blindspot_shown(db, view)
    assert most_active_sources(db, ["Omega", "Gamma"], ["2024-01-01", "2024-12-31"], 2) == [
        "Gamma",
        "Omega",
    ]
    db.conn.set_trace_callback(None)
    assert view["blindspot"]["missing_sources"] == ["Omega"]
    plans = [
        row[3]
        for sql in read
        if "a.date >=" in sql  # the sources of the story's days
        for row in db.execute("EXPLAIN QUERY PLAN " + sql)
    ]
    # Articles are read only on a source's days (not every source's days by date).
    articles = [p for p in plans if re.match(r"(SCAN|SEARCH) a\b", p)]
    assert articles and all("articles_source_date (source_id=?" in p for p in articles), plans


@async_test
async def test_c_on_a_story_not_all_laid_out_goes_to_its_conflicts_at_once(
    demo_app,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Walk at 80x24: C in a story whose conflicts were not laid out yet scrolled before
    they had a place and gave them no keys (a second C did). The rest is laid out, mounted,
    and then C scrolls to the conflicts and gives them the keys."""
    import tui.components.story_view as sv

    _long_story(monkeypatch)
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        story = await story_opened(app, pilot)
        assert not story.query("#story-conflicts")
        await pilot.press("C")
        for _ in range(30):
            await pilot.pause(0.01)
        assert app.focused is story.conflict_list
        heading = story.query_one("#story-conflicts").region
        top = story.query_one(sv.StoryText).region.y
        assert top <= heading.y <= top + 1  # at the view's top (under its margin's line)
