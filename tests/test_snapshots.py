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
