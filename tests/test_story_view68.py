"""The story view a reader takes in at 80×24 (view68): one conflict per claim and pair of
values, naming the outlets on each side; ``o`` named in the list's footer; source names
capped so titles get the row; the blindspot's source list hung under its first line."""

from __future__ import annotations

from typing import Any

import pytest

from db.story_reads import conflict_groups
from tests.tui_fixtures import *  # noqa: F403 (pytest fixtures)
from tests.tui_fixtures import async_test, screen_text, settle, story_opened
from tui.cli.matching import conflict_lines

# --- conflicts: one per claim and pair of values ---------------------------------------


def _side(statement_id: int, source: str, text: str) -> dict[str, Any]:
    return {"statement_id": statement_id, "source": source, "text": text}


def _diff(a: str, b: str) -> list[dict[str, Any]]:
    return [{"a": a, "b": b, "a_value": None, "b_value": None, "unit": None}]


def _pairs() -> list[dict[str, Any]]:
    """Three outlets, each with a headline and a lead giving the toll: two say 12, one
    says 15 — six pairs of statements, one disagreement. A pair of another claim, and
    a pair without values, apart."""
    twelve = [
        _side(1, "north", "Storm kills 12 in the valley"),
        _side(2, "north", "At least 12 people died when the storm hit, officials said."),
        _side(3, "east", "Twelve dead as storm sweeps valley"),
        _side(4, "east", "The storm killed 12 people on Tuesday."),
    ]
    fifteen = [
        _side(5, "west", "Storm toll rises to 15"),
        _side(6, "west", "The storm killed 15 people, officials said."),
    ]
    pairs = []
    for a in twelve:
        for b in fifteen:
            # one pair the other way round: its 15 is still the 15 side
            first, second, diff = (
                (b, a, _diff("15", "12"))
                if a["statement_id"] == 4
                else (
                    a,
                    b,
                    _diff("12", "15"),
                )
            )
            pairs.append({"claim_id": 7, "score": 90.0, "diff": diff, "a": first, "b": second})
    pairs.append(
        {
            "claim_id": 8,
            "score": 80.0,
            "diff": _diff("3", "4"),
            "a": _side(9, "north", "Three bridges closed"),
            "b": _side(10, "west", "Four bridges closed"),
        }
    )
    pairs.append(
        {
            "claim_id": 7,
            "score": 70.0,
            "diff": [],
            "a": _side(1, "north", "Storm kills 12 in the valley"),
            "b": _side(11, "south", "Storm kills dozens"),
        }
    )
    return pairs


def test_a_storys_conflicts_group_by_claim_and_pair_of_values() -> None:
    """qa12: story 104 listed "Conflicts (8)", the same 40,000 vs 45,000 once per pair of
    statements. The pairs group into one conflict per claim and pair of values, each side
    naming its values, its outlets and its statements; a pair without values stands
    alone."""
    groups = conflict_groups(_pairs())
    assert len(groups) == 3
    storm, bridges, no_values = groups
    assert storm["claim_id"] == 7 and storm["pairs"] == list(range(8))
    twelve, fifteen = storm["sides"]
    assert (twelve["values"], twelve["outlets"]) == ("12", ["north", "east"])
    assert [s["statement_id"] for s in twelve["statements"]] == [1, 2, 3, 4]
    assert (fifteen["values"], fifteen["outlets"]) == ("15", ["west"])
    assert [s["statement_id"] for s in fifteen["statements"]] == [5, 6]
    assert [s["outlets"] for s in bridges["sides"]] == [["north"], ["west"]]
    assert [s["outlets"] for s in no_values["sides"]] == [["north"], ["south"]]
    assert no_values["pairs"] == [9]


def test_the_cli_prints_one_line_per_side_of_each_conflict() -> None:
    pairs = _pairs()
    view = {"conflicts": pairs, "conflict_groups": conflict_groups(pairs)}
    lines = conflict_lines(view)
    assert lines[0] == "  3 conflicts (10 pairs of statements):"
    assert lines[1] == "    12 — north, east: Storm kills 12 in the valley"
    assert lines[2] == "      vs 15 — west: Storm toll rises to 15"
    assert len(lines) == 7


def _stormy(monkeypatch: pytest.MonkeyPatch, source: str = "north") -> None:
    """The demo's first story with the storm's conflicts (and ``source`` as its first
    article's source)."""
    import tui.components.story_view as sv
    from db.story_reads import story_view

    def stormy(db, story_id):  # type: ignore[no-untyped-def]
        view = story_view(db, story_id)
        pairs = _pairs()
        articles = [{**view["articles"][0], "source": source}, *view["articles"][1:]]
        return {
            **view,
            "articles": articles,
            "conflicts": pairs,
            "conflict_groups": conflict_groups(pairs),
        }

    monkeypatch.setattr(sv, "story_view", stormy)


@async_test
async def test_the_story_view_lists_one_conflict_per_pair_of_values(
    demo_app,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """C shows each conflict once, its sides named by values and outlets; Enter on a side
    opens its first statement."""
    import tui.components.story_view as sv

    _stormy(monkeypatch)
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        story = await story_opened(app, pilot, "C")
        assert story.query_one(sv.ConflictList).option_count == 6  # 3 conflicts, 2 sides
        assert story.sides == [1, 5, 9, 10, 1, 11]
        text = screen_text(app)
        assert "Conflicts (3) · 10 pairs of statements" in text
        assert "north, east" in text and "≠ 15" in text
        assert "Storm kills 12 in the valley (+3 more)" in text


# --- the footer names o ----------------------------------------------------------------


@async_test
async def test_the_footer_names_o_at_80_columns_with_help_and_quit(demo_app) -> None:  # type: ignore[no-untyped-def]
    """qa12: at 80 columns the list's footer named neither o nor C; a new user found the
    story view only through ?. o is in the footer, whichever pane has the keys, and ?
    and q always are."""
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for keys in ((), ("enter",), ("c",), ("c", "escape", "tab")):
            await pilot.press(*keys)
            await settle(pilot)
            footer = screen_text(app).splitlines()[-1]
            for key in ("o Story", "? Help", "q Quit"):
                assert key in footer, (keys, footer)


@async_test
async def test_the_story_views_footer_names_help(demo_app) -> None:  # type: ignore[no-untyped-def]
    """? works in the story view as on every screen; its footer says so, beside Esc."""
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await story_opened(app, pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "esc Close" in footer and "? Help" in footer, footer


def test_a_narrow_footer_keeps_help_and_quit_first() -> None:
    from textual.widgets._footer import FooterKey

    from tui.components.footer import keys_that_fit

    def key(name: str, description: str, action: str) -> FooterKey:
        return FooterKey(name, name, description, action)

    keys = [
        key("x", "Go", "go"),  # "x Go ": 5 cells, before q in the footer
        key("o", "Story", "open_story"),
        key("?", "Help", "help"),
        key("q", "Quit", "app.quit"),
    ]
    shown = keys_that_fit(keys, 14)  # "? Help " and "q Quit ": 7 cells each, no room for x
    assert [k.description for k in shown] == ["Help", "Quit"]


# --- the story view's layout at 80 columns -----------------------------------------------


@async_test
async def test_a_long_source_name_is_cut_so_titles_get_the_row(
    demo_app,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """qa12: the articles' source column took the longest name's width, leaving titles
    ~24 cells at 80 columns. A long name is cut with an ellipsis (in full in the list and
    the CLI), and no part of it is read as markup."""
    long = "[bold]Seattle Post Intelligencer (blog)[/bold]"
    _stormy(monkeypatch, source=long)
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        rows = [line for line in screen_text(app).splitlines() if "…:" in line]
        assert rows and rows[0].lstrip().split("  ", 1)[1].startswith("[bold]Seattle")
        assert rows[0].index("…:") < 36  # the title starts before column 38


@async_test
async def test_the_blindspots_source_list_hangs_under_its_first_line(
    demo_app,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """qa12: the blindspot's list of sources, wrapped, went on at column 1. It wraps under
    its own first line."""
    import tui.components.story_view as sv
    from db.story_reads import story_view

    names = [f"Outlet number {i}" for i in range(12)]

    def blind(db, story_id):  # type: ignore[no-untyped-def]
        view = story_view(db, story_id)
        spot = {**view["blindspot"], "days": ["2024-11-04", "2024-11-07"]}
        return {**view, "blindspot": {**spot, "missing_sources": names}}

    monkeypatch.setattr(sv, "story_view", blind)
    monkeypatch.setattr(sv, "blindspot_shown", lambda _db, _view: None)
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o", "G")
        await settle(pilot)
        lines = screen_text(app).splitlines()
        first = next(i for i, line in enumerate(lines) if "Outlet number 0" in line)
        column = lines[first].index("Outlet number 0")
        wrapped = [line for line in lines[first + 1 :] if "Outlet number" in line]
        assert wrapped, lines
        for line in wrapped:
            assert line[:column].strip() == "", line
            assert line[column] != " "
