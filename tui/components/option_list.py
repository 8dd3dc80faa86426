"""An OptionList that moves with the browser's cursor keys (and their keymap ids)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.widgets import OptionList

from tui.keymap import bind


class KeyedOptionList(OptionList):
    """``j``/``k``/``g``/``G``/pages/Enter as everywhere else; prompts are never markup."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("cursor.down", "cursor_down", show=False),
        bind("cursor.up", "cursor_up", show=False),
        bind("cursor.top", "first", show=False),
        bind("cursor.bottom", "last", show=False),
        bind("cursor.page_down", "page_down", show=False),
        bind("cursor.page_up", "page_up", show=False),
        bind("cursor.select", "select"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
