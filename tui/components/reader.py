"""The article text, with every statement marked by status and a statement cursor.

The text is laid out by :mod:`tui.components.text_layout` (word-wrapped to the
pane's width, keeping every line's character offsets), so a statement's offsets
map to lines exactly and the cursor can scroll to it. Article text is untrusted: it is only ever put
into ``rich.text.Text`` objects and styled by offsets, never parsed as markup.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from tui.components.focus_border import FocusBorder
from tui.components.line_view import LineView, cursor_bindings
from tui.components.messages import StatementChanged
from tui.components.text_layout import STATUS_MARK, Layout, build_layout
from tui.keymap import bind, key_name


class Reader(LineView, FocusBorder, can_focus=True):
    """The selected article; ``j``/``k`` move a cursor statement by statement."""

    STYLE_PREFIX = "reader"
    BINDINGS: ClassVar[list[BindingType]] = [
        *cursor_bindings(),
        bind("reader.next_matched", "next_matched"),
        bind("reader.previous_matched", "previous_matched", show=False),
        bind("cursor.select", "select", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader--meta",
        "reader--headline",
        "reader--caption",
        "reader--corroborated",
        "reader--conflict",
        "reader--quote",
        "reader--speaker",
        "reader--number",
        "reader--cursor",
        "reader--cursor-mark",
        "reader--placeholder",
    }

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view: dict[str, Any] | None = None
        self._layout: Layout | None = None
        self._layout_width = -1

    # --- content ------------------------------------------------------------------

    @property
    def article(self) -> dict[str, Any] | None:
        return self.view["article"] if self.view else None

    @property
    def statements(self) -> list[dict[str, Any]]:
        return self.view["statements"] if self.view else []

    @property
    def current(self) -> dict[str, Any] | None:
        sts = self.statements
        return sts[self.cursor] if 0 <= self.cursor < len(sts) else None

    def nearby(self) -> list[dict[str, Any]]:
        """The statements the next key may reach: the next one, the next matched one,
        the previous one and the previous matched one."""
        sts, here = self.statements, self.cursor
        wanted = [here + 1, self._matched_from(1), here - 1, self._matched_from(-1)]
        seen = dict.fromkeys(i for i in wanted if i is not None and 0 <= i < len(sts))
        return [sts[i] for i in seen if i != here]

    def show(self, view: dict[str, Any] | None, seq: int | None = None) -> None:
        """Show an article view (from :meth:`Library.article`) with statement ``seq`` current."""
        self.view = view
        self._layout = None
        self._layout_width = -1
        index = 0
        if seq is not None:
            for i, st in enumerate(self.statements):
                if st["seq"] == seq:
                    index = i
                    break
        self._ensure_layout()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.set_cursor(index, force=True)

    def set_cursor(self, index: int, *, force: bool = False) -> None:
        n = len(self.statements)
        index = max(0, min(index, n - 1)) if n else 0
        changed = index != self.cursor
        self.cursor = index
        self._scroll_to_cursor()
        if (changed or force) and self.article is not None:
            self.post_message(StatementChanged(self.article, self.current))

    def watch_cursor(self) -> None:
        self.refresh()

    # --- layout -------------------------------------------------------------------

    def build_layout(self, width: int) -> Layout:
        """Lay the article out for a pane ``width`` cells wide."""
        return build_layout(self.article, self.statements, width, self._style)

    def _ensure_layout(self) -> Layout | None:
        width = self.scrollable_content_region.width
        if self.view is None:
            self._layout = None
            self._set_virtual_size(Size(width, 0))
            return None
        if width <= 0:  # not laid out yet (an article shown before the first frame)
            return None
        if self._layout is None or width != self._layout_width:
            self._strips.clear()
            self._layout = self.build_layout(width)
            self._layout_width = width
            height = len(self._layout.header) + len(self._layout.lines)
            self._set_virtual_size(Size(width, height))
        return self._layout

    def _set_virtual_size(self, size: Size) -> None:
        """Set the scrollable size without a screen layout: the vertical scrollbar is always
        shown (``overflow-y: scroll``), so nothing else moves when an article is longer."""
        if size == self.virtual_size:
            return
        if self.styles.overflow_y != "scroll" or not self.is_mounted:
            self.virtual_size = size
            return
        self.set_reactive(Widget.virtual_size, size)
        self._scroll_update(size)
        self.refresh()

    def on_resize(self) -> None:
        # A new width lays the text out again; Textual repaints a pane whose size changed.
        # The same size (the pane shown again after the claims had its place: c, or Enter
        # at 80x24) keeps its layout and its drawn lines.
        self._ensure_layout()
        self._scroll_to_cursor()

    def styles_changed(self) -> None:
        self._layout = None  # the layout's text carries the component styles

    def _scroll_to_cursor(self) -> None:
        layout = self._ensure_layout()
        if layout is None or not layout.first_line or not 0 <= self.cursor < len(layout.first_line):
            return
        offset = len(layout.header)
        first = layout.first_line[self.cursor] + offset
        last = layout.last_line[self.cursor] + offset
        height = max(1, self.scrollable_content_region.height)
        top = int(self.scroll_y)
        if self.cursor == 0:
            target = 0 if last < height else first
        elif first < top:
            target = max(0, first - 1)
        elif last >= top + height:
            target = first - 1 if last - first + 2 > height else last - height + 2
        else:
            return
        self.scroll_to(y=max(0, target), animate=False, immediate=True)

    # --- drawing ------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self._frame_width
        base = self._base_style
        layout = self._ensure_layout()
        index = int(self.scroll_y) + y
        if layout is None:
            if y == 1:
                text = Text("  Select an article in the list and press Enter.", end="")
                text.stylize(self._style("placeholder"))
                return self._strip(text, width, base)
            return Strip.blank(width, base)
        if index < len(layout.header):
            # Cut with "…" to the pane (a long address): Text.render() draws at the
            # console's width, which the crop below would cut with no mark.
            header = layout.header[index].copy()
            header.truncate(width, overflow="ellipsis")
            return self._strip(header, width, base)
        line_no = index - len(layout.header)
        if line_no >= len(layout.lines):
            return Strip.blank(width, base)
        current = self.cursor if self.statements else -1
        on_cursor = 0 <= current < len(layout.spans) and (
            layout.first_line[current] <= line_no <= layout.last_line[current]
        )
        key = (line_no, current if on_cursor else -1, width)
        cached = self._strips.get(key)
        if cached is None:
            if len(self._strips) > 4000:
                self._strips.clear()
            cached = self._strips[key] = self._text_line(layout, line_no, width, base)
        return cached

    def _text_line(self, layout: Layout, line_no: int, width: int, base: Style) -> Strip:
        start, end = layout.lines[line_no]
        body = layout.text[start:end]
        body.rstrip()
        gutter = Text(end="")
        current = self.cursor if self.statements else -1
        on_cursor = False
        if 0 <= current < len(layout.spans):
            c_first, c_last = layout.first_line[current], layout.last_line[current]
            on_cursor = c_first <= line_no <= c_last
            if on_cursor:
                s, e = layout.spans[current]
                a, b = max(s, start) - start, min(e, end) - start
                if b > a:
                    body.stylize(self._style("cursor"), a, b)
            mark = "▶" if line_no == c_first else ("▐" if on_cursor else " ")
        else:
            mark = " "
        gutter.append(mark, self._style("cursor-mark"))
        status = layout.marks.get(line_no)
        glyph = STATUS_MARK.get(status or "unique", " ")
        gutter.append(glyph, self._style(status) if status in ("corroborated", "conflict") else "")
        gutter.append(" ")
        return self._strip(gutter + body, width, base)

    # --- keys ---------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.set_cursor(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.set_cursor(self.cursor - 1)

    def action_cursor_top(self) -> None:
        self.set_cursor(0)

    def action_cursor_bottom(self) -> None:
        self.set_cursor(len(self.statements) - 1)

    def _page(self, direction: int) -> None:
        layout = self._ensure_layout()
        if layout is None or not layout.first_line:
            return
        height = max(1, self.scrollable_content_region.height)
        offset = len(layout.header)
        target_top = int(self.scroll_y) + direction * max(1, height - 1)
        target_top = max(0, min(target_top, int(self.max_scroll_y)))
        candidates = [
            i
            for i, first in enumerate(layout.first_line)
            if target_top <= first + offset < target_top + height
        ]
        index = candidates[0] if candidates else len(layout.first_line) - 1 if direction > 0 else 0
        if index == self.cursor:
            index = self.cursor + direction
        self.scroll_to(y=target_top, animate=False, immediate=True)
        self.set_cursor(index)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    @staticmethod
    def _is_matched(statement: dict[str, Any]) -> bool:
        return statement.get("status") in ("corroborated", "conflict")

    def _matched_from(self, direction: int, start: int | None = None) -> int | None:
        """The next statement that way with matches (corroborated or in conflict), from
        the cursor or from ``start``."""
        sts = self.statements
        i = (self.cursor if start is None else start) + direction
        while 0 <= i < len(sts):
            if self._is_matched(sts[i]):
                return i
            i += direction
        return None

    def step_matched(self, direction: int) -> None:
        index = self._matched_from(direction)
        if index is not None:
            self.set_cursor(index)
            return
        # Past the last (or before the first) matched statement: say so, and which key
        # goes the other way, rather than a bell alone (often silent over SSH).
        self.app.bell()
        if not self.statements:
            return
        if not any(self._is_matched(st) for st in self.statements):
            message = "No statement of this article is matched by another source."
        elif direction > 0:
            back = key_name(self.app, "reader.previous_matched")
            message = f"No more matched statements below; {back} goes back."
        else:
            on = key_name(self.app, "reader.next_matched")
            message = f"No matched statement above; {on} goes on."
        self.notify(message, timeout=3, markup=False)

    def matched_at_end(self, direction: int) -> None:
        """The cursor on the first (1) or the last (-1) statement with matches, or a
        notice that none has."""
        start = -1 if direction > 0 else len(self.statements)
        index = self._matched_from(direction, start)
        if index is not None:
            self.set_cursor(index)
        elif self.statements:
            message = "No statement of this article is matched by another source."
            self.notify(message, timeout=3, markup=False)

    def action_next_matched(self) -> None:
        self.step_matched(1)

    def action_previous_matched(self) -> None:
        self.step_matched(-1)

    def action_select(self) -> None:
        # Enter on a statement goes to its matches.
        self.screen.focus_claims()  # type: ignore[attr-defined]

    async def _on_click(self, event: events.Click) -> None:
        layout = self._ensure_layout()
        if layout is None:
            return
        line_no = int(self.scroll_y) + event.y - len(layout.header)
        for i, (first, last) in enumerate(zip(layout.first_line, layout.last_line, strict=True)):
            if first <= line_no <= last:
                self.set_cursor(i)
                return
