"""The article text, with every statement marked by status and a statement cursor.

The text is laid out here (word-wrapped to the pane's width, keeping every
line's character offsets), so a statement's offsets map to lines exactly and
the cursor can scroll to it. Article text is untrusted: it is only ever put
into ``rich.text.Text`` objects and styled by offsets, never parsed as markup.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from tui.components.line_view import LineView, cursor_bindings
from tui.components.messages import StatementChanged
from tui.keymap import bind

GUTTER = 3  # cursor mark, status mark, space
STATUS_MARK = {"corroborated": "✓", "conflict": "≠", "unique": " "}
STATUS_RANK = {"conflict": 2, "corroborated": 1, "unique": 0}
CLOSING_QUOTES = "\"'”’»"
_TOKEN = re.compile(r"\S+|\s+")


@dataclass
class Layout:
    """The article as display text, wrapped into lines of display offsets."""

    text: Text  # the article text plus speaker tags, styled by status (no cursor)
    header: list[Text]  # lines above the text (source, date, address)
    lines: list[tuple[int, int]]  # (start, end) display offsets of each text line
    spans: list[tuple[int, int]]  # display (start, end) of each statement
    first_line: list[int] = field(default_factory=list)  # statement -> its first line
    last_line: list[int] = field(default_factory=list)
    marks: dict[int, str] = field(default_factory=dict)  # line -> status of statements there


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text`` to ``width`` cells: (start, end) offsets of each line.

    Newlines always break; spaces at a break stay at the end of the line (they
    are not drawn); a word wider than the line is cut.
    """
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    base = 0
    for para in text.split("\n"):
        line_start, used = base, 0
        for m in _TOKEN.finditer(para):
            token, at = m.group(0), base + m.start()
            cells = cell_len(token)
            if token.isspace():
                used += cells
                continue
            if used and used + cells > width:
                lines.append((line_start, at))
                line_start, used = at, 0
            while cells > width:  # a very long word: cut it
                cut = fitted = 0
                for ch in token:
                    if fitted + cell_len(ch) > width:
                        break
                    fitted += cell_len(ch)
                    cut += 1
                cut = max(1, cut)
                lines.append((at, at + cut))
                at, token = at + cut, token[cut:]
                cells = cell_len(token)
                line_start = at
            used += cells
        lines.append((line_start, base + len(para)))
        base += len(para) + 1
    return lines


class Reader(LineView, can_focus=True):
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
        article = self.article
        if article is None:
            return Layout(Text(), [], [], [])
        source_text: str = article["text"]
        statements = self.statements
        # Speaker tags go after the closing quote mark of each attributed quote.
        inserts: list[tuple[int, str]] = []
        for st in statements:
            for q in st["quotes"]:
                if not q.get("speaker"):
                    continue
                pos = min(q["end"], len(source_text))
                if pos < len(source_text) and source_text[pos] in CLOSING_QUOTES:
                    pos += 1
                elif source_text[pos : pos + 1] in (",", ".") and (
                    source_text[pos + 1 : pos + 2] in tuple(CLOSING_QUOTES)
                ):
                    pos += 2  # "... in Russia," the spokesman said
                inserts.append((pos, f" ‹{q['speaker']}›"))
        inserts.sort(key=lambda item: item[0])
        positions = [p for p, _ in inserts]
        shifts = [0]
        for _, tag in inserts:
            shifts.append(shifts[-1] + len(tag))

        def at_start(offset: int) -> int:  # a tag at ``offset`` comes before it
            return offset + shifts[bisect.bisect_right(positions, offset)]

        def at_end(offset: int) -> int:  # a tag at ``offset`` comes after it
            return offset + shifts[bisect.bisect_left(positions, offset)]

        text = Text(end="", no_wrap=True)
        pos = 0
        for p, tag in inserts:
            text.append(source_text[pos:p])
            text.append(tag, self._style("speaker"))
            pos = p
        text.append(source_text[pos:])

        spans: list[tuple[int, int]] = []
        for st in statements:
            start, end = at_start(st["start"]), at_end(st["end"])
            spans.append((start, end))
            if st["kind"] == "headline":
                text.stylize(self._style("headline"), start, end)
            elif st["kind"] == "caption":
                text.stylize(self._style("caption"), start, end)
            status = st.get("status", "unique")
            if status in ("corroborated", "conflict"):
                text.stylize(self._style(status), start, end)
            for q in st["quotes"]:
                text.stylize(self._style("quote"), at_start(q["start"]), at_end(q["end"]))
            if status == "conflict":
                for n in st["numbers"]:
                    text.stylize(self._style("number"), at_start(n["start"]), at_end(n["end"]))
        if article.get("body_start") and not any(s["kind"] == "headline" for s in statements):
            text.stylize(self._style("headline"), 0, at_end(article["body_start"]))

        lines = wrap(text.plain, max(8, width - GUTTER))
        starts = [a for a, _ in lines]
        layout = Layout(text, self._header(article), lines, spans)
        for (start, end), st in zip(spans, statements, strict=True):
            first = max(0, bisect.bisect_right(starts, start) - 1)
            last = max(first, bisect.bisect_right(starts, max(start, end - 1)) - 1)
            layout.first_line.append(first)
            layout.last_line.append(last)
            status = st.get("status", "unique")
            if STATUS_RANK.get(status, 0) > STATUS_RANK.get(layout.marks.get(first, ""), -1):
                layout.marks[first] = status
        return layout

    def _header(self, article: dict[str, Any]) -> list[Text]:
        meta = Text(end="", no_wrap=True, overflow="ellipsis")
        meta.append(article["source"] or "", self._style("meta") + Style(bold=True))
        meta.append(f" · {article['date'] or 'undated'}", self._style("meta"))
        where = article.get("url") or ""
        if where:
            meta.append(f" · {where}", self._style("meta"))
        return [meta, Text("", end="")]

    def _ensure_layout(self) -> Layout | None:
        width = self.scrollable_content_region.width
        if self.view is None:
            self._layout = None
            self._set_virtual_size(Size(width, 0))
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
        self._layout = None
        self._ensure_layout()
        self._scroll_to_cursor()
        self.refresh()

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
            return self._strip(layout.header[index].copy(), width, base)
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

    def _matched(self, direction: int) -> None:
        sts = self.statements
        i = self.cursor + direction
        while 0 <= i < len(sts):
            if sts[i].get("status") in ("corroborated", "conflict"):
                self.set_cursor(i)
                return
            i += direction
        self.app.bell()

    def action_next_matched(self) -> None:
        self._matched(1)

    def action_previous_matched(self) -> None:
        self._matched(-1)

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
