"""The browser's panes: the list scrolls with its cursor, and the pane with the keys shows a
heavy border that follows the focus (set on the pane, without restyling it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.color import Color
from textual.css.stylesheet import Stylesheet

from tests.tui_fixtures import *  # noqa: F403 (pytest fixtures)
from tests.tui_fixtures import (
    async_test,
    ingested_db,
    one_sentence_articles,
    screen_text,
    settle,
)
from tui.app import make_app
from tui.config import Config


def many_db(tmp_path: Path, n: int = 600) -> Path:
    """``n`` one-sentence articles (no stories: one list row each)."""
    data = one_sentence_articles(
        tmp_path / "many.jsonl", n, lambda i: f"2020-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}"
    )
    return ingested_db(tmp_path / "many.db", [data])


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
@async_test
async def test_the_list_scrolls_with_its_cursor(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(many_db(tmp_path), config=Config())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        articles = app.main.articles
        for keys in (["pagedown"] * 5, ["j"] * 3, ["G"], ["pageup"] * 2, ["g"]):
            for key in keys:
                await pilot.press(key)
            await settle(pilot)
            top = int(articles.scroll_y) // articles.row_height
            assert top <= articles.cursor < top + articles.visible_rows, keys
            assert articles.current["title"] in screen_text(app)
        assert articles.cursor == 0 and articles.scroll_y == 0


def border(widget) -> tuple[str, Color]:  # type: ignore[no-untyped-def]
    edge, colour = widget.styles.border_top
    return edge, colour


@async_test
async def test_the_focused_pane_has_the_heavy_border(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = app.main
        accent = Color.parse(app.theme_variables["accent"])
        assert border(main.articles) == ("heavy", accent)
        assert border(main.reader)[0] == border(main.claims)[0] == "round"
        await pilot.press("tab")
        await settle(pilot)
        assert main.focused is main.reader
        assert border(main.reader) == ("heavy", accent)
        assert border(main.articles)[0] == "round"
        await pilot.press("right_square_bracket")  # a statement other sources report
        await settle(pilot)
        assert main.claims.matches
        await pilot.press("tab")  # the claim panel's match list
        await settle(pilot)
        assert main.focused is main.claims.match_list
        assert border(main.claims) == ("heavy", accent)
        assert border(main.reader)[0] == "round"
        app.theme = "textual-dark"  # the border takes the new theme's accent
        await settle(pilot)
        new_accent = Color.parse(app.theme_variables["accent"])
        assert new_accent != accent
        assert border(main.claims) == ("heavy", new_accent)
        await pilot.press("escape")
        await settle(pilot)
        assert border(main.claims)[0] == "round"


@async_test
async def test_a_focus_change_restyles_no_pane(
    demo_app,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A focus change sets one border: restyling a pane (its rules, its component classes,
    its scrollbars, which repaint even when unchanged) cost most of a Tab."""
    restyled: list[str] = []
    apply = Stylesheet.apply

    def counting(self, node, **kwargs):  # type: ignore[no-untyped-def]
        restyled.append(type(node).__name__)
        return apply(self, node, **kwargs)

    app = demo_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(Stylesheet, "apply", counting)
        await pilot.press("tab", "right_square_bracket")
        await settle(pilot)
        assert app.main.claims.matches
        restyled.clear()
        for key in ("tab", "shift+tab", "shift+tab", "tab"):
            await pilot.press(key)
            await settle(pilot)
        panes = {"ArticleList", "Reader", "ClaimPanel", "MatchList", "ScrollBar"}
        assert not panes & set(restyled), restyled


def _drawn(widget) -> list[list[tuple[str, object]]]:  # type: ignore[no-untyped-def]
    """What ``widget`` draws now: every line's segments (text and style)."""
    from textual.geometry import Region

    lines = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return [[(seg.text, seg.style) for seg in strip] for strip in lines]


def _drawn_afresh(widget) -> list[list[tuple[str, object]]]:  # type: ignore[no-untyped-def]
    """What ``widget`` draws with every cache of its lines emptied first."""
    widget.kept_lines.dirtied(())
    widget._by_width.clear()
    widget._clear_caches()
    return _drawn(widget)


@async_test
async def test_c_and_back_draw_the_match_list_from_its_kept_lines(  # type: ignore[no-untyped-def]
    demo_app, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The claim panel alone (c) and back lays the match list out at two widths and gives
    the panes other borders: each way their lines are styled once, then taken as kept,
    and what is drawn from them is what is drawn afresh; anything drawn differently
    meanwhile (another theme) is drawn again, not taken from the kept lines. No scrollbar
    is repainted by these layouts (their window and colours stay the same)."""
    from textual._styles_cache import StylesCache

    styled: list[str] = []
    render_line = StylesCache.render_line
    widget_of: dict[int, str] = {}
    render_widget = StylesCache.render_widget

    def noting_widget(self, widget, crop):  # type: ignore[no-untyped-def]
        widget_of[id(self)] = type(widget).__name__
        return render_widget(self, widget, crop)

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        styled.append(widget_of.get(id(self), "?"))
        return render_line(self, *args, **kwargs)

    monkeypatch.setattr(StylesCache, "render_widget", noting_widget)
    monkeypatch.setattr(StylesCache, "render_line", counting)
    app = demo_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = app.main
        await pilot.press("tab", "right_square_bracket")  # a statement other sources report
        await settle(pilot)
        matches = main.claims.match_list
        assert matches.option_count >= 1
        for _ in range(2):  # each width drawn once
            await pilot.press("c")
            await settle(pilot)
        drawn = {}
        for _ in range(4):
            styled.clear()
            await pilot.press("c")
            await settle(pilot)
            panes = {"ArticleList", "Reader", "ClaimPanel", "MatchList", "ScrollBar"}
            assert not panes & set(styled), styled
            drawn[matches.size.width] = _drawn(matches)
        assert len(drawn) == 2
        for _ in range(2):  # what was drawn from the kept lines is what is drawn afresh
            assert drawn[matches.size.width] == _drawn_afresh(matches)
            for pane in (main.claims, main.reader, main.articles):
                if pane.display:
                    kept = _drawn(pane)
                    pane.kept_lines.dirtied(())
                    pane._styles_cache.clear()
                    assert _drawn(pane) == kept
            await pilot.press("c")
            await settle(pilot)
        # Zoomed, the list drawn otherwise (another theme): back at the other width, it is
        # drawn so, not taken from the lines kept there.
        await pilot.press("c")
        await settle(pilot)
        assert main.zoomed and main.focused is matches
        kept = _drawn(matches)
        app.theme = "textual-dark"
        await settle(pilot)
        styled.clear()
        await pilot.press("c")
        await settle(pilot)
        assert "MatchList" in styled
        assert _drawn(matches) == _drawn_afresh(matches) != kept
