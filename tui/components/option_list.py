"""An OptionList that moves with the browser's cursor keys (and their keymap ids)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import BindingType
from textual.widgets import OptionList

from tui.components.line_view import cursor_bindings
from tui.keymap import bind


class KeyedOptionList(OptionList):
    """``j``/``k``/``g``/``G``/pages/Enter as everywhere else; prompts are never markup."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *cursor_bindings(top="first", bottom="last"),
        bind("cursor.select", "select"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
