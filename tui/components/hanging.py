"""Rows of a label and a text that wraps under itself, not under its label: what a
two-column ``rich.table.Table.grid`` (the label column ``no_wrap``, one cell between,
the text folded) draws, line for line and style for style, at a fraction of its cost,
and drawn once per width (the story view's options are measured and drawn again at
every layout: a Table each time took most of a story's ~250 ms at 80 columns).

A width too narrow for the labels and one cell of text is drawn by the Table itself
(its last resort shrinks every column). ``tests/test_story_layout.py`` compares the two.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

__all__ = ["Hanging", "grid"]

_NULL = Style()


def grid(rows: list[tuple[Text, Text]], label_width: int | None = None) -> Table:
    """The Table that :class:`Hanging` draws as: labels ``no_wrap`` (at least
    ``label_width`` wide), one cell, texts folded."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, min_width=label_width)
    table.add_column(ratio=1, overflow="fold")
    for label, text in rows:
        table.add_row(label, text)
    return table


class Hanging:
    """``rows`` of (label, text), labels in a column at least ``label_width`` wide."""

    def __init__(self, rows: list[tuple[Text, Text]], label_width: int | None = None) -> None:
        self.rows = rows
        self.label_width = label_width
        self.label = max([label_width or 0, *(label.cell_len for label, _ in rows)])
        self._drawn: dict[tuple[int, str], list[list[Segment]]] = {}  # lines by width
        self._heights: dict[tuple[int, str], int] = {}  # lines by width, not drawn yet

    def table(self) -> Table:
        return grid(self.rows, self.label_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.table())

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        room = width - self.label - 1
        if not self.rows:
            return
        if room < 1:  # the Table's last resort: every column shrunk
            yield self.table()
            return
        key = (width, options.encoding)
        lines = self._drawn.get(key)
        if lines is None:
            lines = self._drawn[key] = self._lines(console, options, room)
        for line in lines:
            yield from line
            yield Segment.line()

    def height(self, console: Console, options: ConsoleOptions) -> int:
        """How many lines :meth:`__rich_console__` draws ``options.max_width`` wide, from
        the texts' wrapping alone (a story's options are all measured when the story is
        laid out to its end, and only the few on the screen drawn)."""
        width = options.max_width
        room = width - self.label - 1
        if not self.rows:
            return 0
        key = (width, options.encoding)
        if key in self._drawn:
            return len(self._drawn[key])
        if room < 1:  # the Table's last resort: its lines counted as Textual counts them
            return sum(text.count("\n") for text, _s, _c in console.render(self, options))
        height = self._heights.get(key)
        if height is None:
            text_width = self._text_width(console, options, room)
            height = self._heights[key] = sum(
                max(
                    _wrapped(label, console, self.label, no_wrap=True),
                    _wrapped(text, console, text_width, no_wrap=False),
                )
                for label, text in self.rows
            )
        return height

    def _text_width(self, console: Console, options: ConsoleOptions, room: int) -> int:
        widest = max((Measurement.get(console, options, text).maximum for _, text in self.rows))
        return min(widest, room) or 1

    def _lines(self, console: Console, options: ConsoleOptions, room: int) -> list[list[Segment]]:
        """Each row's label, one cell, and its text wrapped as wide as the widest text
        (at most ``room``): the label on the first line, blank under it after."""
        text_width = self._text_width(console, options, room)
        label_options = options.update(
            width=self.label,
            no_wrap=True,
            overflow="ellipsis",
            height=None,
            justify="left",
            highlight=False,
        )
        text_options = options.update(
            width=text_width,
            no_wrap=False,
            overflow="fold",
            height=None,
            justify="left",
            highlight=False,
        )
        out: list[list[Segment]] = []
        for label, text in self.rows:
            left = console.render_lines(label, label_options, style=_NULL, pad=True)
            right = console.render_lines(text, text_options, style=_NULL, pad=True)
            height = max(len(left), len(right))
            left = Segment.set_shape(left, self.label, height, style=_NULL)
            right = Segment.set_shape(right, text_width, height, style=_NULL)
            out += [[*a, Segment(" ", _NULL), *b] for a, b in zip(left, right, strict=True)]
        return out


def _wrapped(text: Text, console: Console, width: int, *, no_wrap: bool) -> int:
    """The lines ``text`` takes ``width`` cells wide, as :meth:`Hanging._lines` renders it
    (its own justify, overflow and no_wrap first, as ``Text.__rich_console__`` reads them)."""
    overflow = text.overflow or ("ellipsis" if no_wrap else "fold")
    lines = text.wrap(
        console,
        width,
        justify=text.justify or "left",
        overflow=overflow,
        tab_size=(console.tab_size if text.tab_size is None else text.tab_size) or 8,
        no_wrap=no_wrap if text.no_wrap is None else text.no_wrap,
    )
    return len(lines)
