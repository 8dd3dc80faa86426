"""Input without a blinking cursor: nothing on screen changes unless a key is pressed
(no animation: over SSH a blinking cursor is a stream of repaints)."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input


class StillInput(Input):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.set_reactive(Input.cursor_blink, False)
