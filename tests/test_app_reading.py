"""Reading an article by keys, as a user over SSH would: what the keys say when they
cannot go on, the header while the list or the text has the keys, the claim panel's
header, the search highlight and the command palette's prompt (QA report, item 15)."""

from __future__ import annotations

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
