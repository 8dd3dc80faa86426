"""What the article list and the reader share: cursor keys, and drawing their own lines.

Both are ``ScrollView`` widgets that render each line themselves from ``rich.text.Text``
(styled by offsets, never parsed as markup) and cache the rendered strips.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.components.kept_lines import KeptLines
from tui.components.scrollbars import update_scrollbars
from tui.keymap import bind


def cursor_bindings(
    *,
    down: str = "cursor_down",
    up: str = "cursor_up",
    top: str = "cursor_top",
    bottom: str = "cursor_bottom",
) -> list[BindingType]:
    """The cursor keys (hidden from the footer), bound to a widget's own actions."""
    actions = {
        "cursor.down": down,
        "cursor.up": up,
        "cursor.top": top,
        "cursor.bottom": bottom,
        "cursor.page_down": "page_down",
        "cursor.page_up": "page_up",
    }
    return [bind(binding_id, action, show=False) for binding_id, action in actions.items()]


class TextScroll(VerticalScroll):
    """A scroll of text (the story, the help) moved by the cursor keys. Each key scrolls
    at once: Textual's own scroll keys defer the scroll to the next refresh, from a
    target not moved yet, so a burst of ten j scrolled one line."""

    BINDINGS: ClassVar[list[BindingType]] = cursor_bindings(
        down="lines(1)", up="lines(-1)", top="lines(-1e9)", bottom="lines(1e9)"
    )

    def action_lines(self, lines: float) -> None:
        self._scroll_now(self.scroll_target_y + lines)

    def action_page_down(self) -> None:
        self._scroll_now(self.scroll_target_y + self.scrollable_content_region.height)

    def action_page_up(self) -> None:
        self._scroll_now(self.scroll_target_y - self.scrollable_content_region.height)

    def _scroll_now(self, y: float) -> None:
        self.scroll_to(y=max(0, min(round(y), self.max_scroll_y)), animate=False, immediate=True)


class LineView(ScrollView):
    """A ScrollView that draws every line itself, with its component styles looked up once
    per frame and its rendered lines cached in ``_strips`` (cleared when styles change)."""

    STYLE_PREFIX: ClassVar[str] = ""  # component classes are "<prefix>--<name>"

    def __init__(self, *, id: str | None = None) -> None:
        self.kept_lines = KeptLines()  # per size and border (set first: __init__ repaints)
        super().__init__(id=id)
        self._frame_styles: dict[str, Style] = {}
        self._strips: dict[Any, Strip] = {}
        self._frame_width = 0
        self._drawn_with: tuple[Style, ...] = ()  # the styles of the cached lines

    def _style(self, name: str) -> Style:
        # Looked up once per frame (render_lines), not once per line: cheap key presses.
        style = self._frame_styles.get(name)
        if style is None:
            style = self.get_component_rich_style(f"{self.STYLE_PREFIX}--{name}", partial=True)
            self._frame_styles[name] = style
        return style

    @property
    def _base_style(self) -> Style:
        style = self._frame_styles.get("")
        if style is None:
            style = self._frame_styles[""] = self.rich_style
        return style

    def render_lines(self, crop: Region) -> list[Strip]:
        self._frame_styles = {}
        self._frame_width = self.scrollable_content_region.width
        # The cached lines are drawn with these styles: kept while they stay the same.
        # (A focus change restyles the pane, usually to the same styles: drawing every
        # line again cost up to 100 ms a Tab on a 160x48 screen.)
        styles = (
            self._base_style,
            *(self._style(name.split("--", 1)[1]) for name in sorted(self.COMPONENT_CLASSES)),
        )
        if styles != self._drawn_with:
            self._drawn_with = styles
            self._strips.clear()
            self.styles_changed()
        return super().render_lines(crop)

    def styles_changed(self) -> None:
        """The component styles changed (a theme): drop what was built with the old ones."""

    def _scroll_update(self, virtual_size: Size) -> None:
        update_scrollbars(self, virtual_size)  # repainted only when they change

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        def lay_out() -> bool:
            return super(LineView, self)._size_updated(size, virtual_size, container_size, layout)

        return self.kept_lines.resized(self, size, lay_out)

    def _set_dirty(self, *regions: Region) -> None:
        self.kept_lines.dirtied(regions)
        super()._set_dirty(*regions)

    def _strip(self, text: Text, width: int, base: Style) -> Strip:
        """``text`` as one line ``width`` cells wide on the widget's ``base`` style."""
        text.end = ""
        if text.style:  # Text.render() ignores the base style: make it a span
            text.stylize_before(text.style, 0, len(text))
        strip = Strip(list(text.render(self.app.console)))
        return strip.crop_extend(0, width, None).apply_style(base)
