"""Snapshots of the browser at 80x24 (SSH) and 160x48: main screen, a conflict in the
claim panel, search results, help. Regenerate with ``pytest --snapshot-update`` and
look at the SVGs before committing them."""

from __future__ import annotations

import pytest

from tests.tui_fixtures import *  # noqa: F403 (pytest fixtures)
from tests.tui_fixtures import settle

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((160, 48), id="160x48")]


@pytest.mark.parametrize("size", SIZES)
def test_main_screen(snap_compare, demo_app, size) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_claim_panel_with_conflict(snap_compare, demo_app, size) -> None:  # type: ignore[no-untyped-def]
    """The 11,000 (Source A) vs 10,000 (Source B) statement, matches focused."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("enter")
        reader = pilot.app.main.reader
        target = next(
            i for i, s in enumerate(reader.statements) if "an estimated 11,000" in s["text"]
        )
        while reader.cursor < target:
            await pilot.press("j")
        await pilot.press("tab")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_search_results(snap_compare, demo_app, size) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("slash", *"Umerov")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_fuzzy_search_results(snap_compare, demo_app, size) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("f")
        for ch in "small contacts not full scale engagment":
            await pilot.press("space" if ch == " " else ch)
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_help_screen(snap_compare, demo_app, size) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=size, run_before=run_before)


SMALL_SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((40, 10), id="40x10")]


@pytest.mark.parametrize("size", [pytest.param((40, 10), id="40x10")])
def test_list_at_small_size(snap_compare, demo_app, size) -> None:  # type: ignore[no-untyped-def]
    """The list in a tiny terminal: two-line rows, a footer of keys only."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=size, run_before=run_before)


async def _to_statement(pilot, needle: str) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("enter")
    reader = pilot.app.main.reader
    target = next(i for i, s in enumerate(reader.statements) if needle in s["text"])
    while reader.cursor < target:
        await pilot.press("j")
    await settle(pilot)


@pytest.mark.parametrize("size", SMALL_SIZES)
def test_reader_marks_where_statements_start(snap_compare, demo_app, size) -> None:  # type: ignore[no-untyped-def]
    """Each statement starts a line with its marks; at 40x10 the text has the height."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _to_statement(pilot, "Both for them")

    assert snap_compare(demo_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SMALL_SIZES)
def test_claims_alone(snap_compare, demo_app, size) -> None:  # type: ignore[no-untyped-def]
    """c: the claim panel alone, the whole height, scrolled down a line."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await _to_statement(pilot, "an estimated 11,000")
        await pilot.press("c", "j")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SMALL_SIZES)
def test_status_line_with_filter_and_hits(snap_compare, demo_app, size) -> None:  # type: ignore[no-untyped-def]
    """One source, a search within it, two steps with n: the status line keeps the
    statement, filter, hit and jump-back parts whole, dropping the least important."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("s", "down", "down", "enter", "enter")
        await pilot.press("slash", *"Umerov", "enter")
        await settle(pilot)
        await pilot.press("n", "n")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=size, run_before=run_before)


def test_search_results_no_color(snap_compare, demo_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """NO_COLOR: the selected result in reverse video, the matched words underlined."""
    monkeypatch.setenv("NO_COLOR", "1")

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("slash", *"Umerov")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=run_before)
