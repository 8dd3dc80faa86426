"""The command palette's key hints come from the keymap, as the user remapped it
(issue 10 item 5: they were hard-coded, so "(/)" stayed after a remap)."""

from __future__ import annotations

from tests.tui_fixtures import *  # noqa: F403 (pytest fixtures)
from tests.tui_fixtures import async_test, settle
from tui.components.commands import ClaimLensCommands
from tui.config import Config


def _hints(app) -> dict[str, str]:  # type: ignore[no-untyped-def]
    provider = ClaimLensCommands(app.screen)
    return {name: help_text for name, help_text, _callback in provider._commands()}


@async_test
async def test_palette_hints_follow_the_keymap(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        hints = _hints(app)
    assert hints["Search statements"].endswith("(/)")
    assert hints["Filter by source"].endswith("(s)")
    assert hints["Next search hit"] == "(n)"
    assert hints["Filter by speaker"].endswith("(w)")

    keymap = {"app.search": "ctrl+k", "app.filter_source": "S", "app.next_hit": "m"}
    app = demo_app(config=Config(keymap=keymap))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        hints = _hints(app)
        search_keys = app.get_key_display(app.screen.active_bindings["ctrl+k"].binding)
    assert hints["Search statements"].endswith(f"({search_keys})")
    assert "(/)" not in hints["Search statements"]
    assert hints["Filter by source"].endswith("(S)")
    assert hints["Next search hit"] == "(m)"
