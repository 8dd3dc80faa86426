"""A pane's styled lines kept for when it looks the same again.

Textual draws a widget's lines through its styles (border, padding, background) and
caches them per widget (``StylesCache``), but empties that cache whenever the widget is
repainted whole: at every size change and every style change. The browser's panes toggle
between a few looks: c and back gives the claim panel (and its match list) two widths, a
focus change gives a pane the heavy border and back; each way drew every line again
(46 rows a pane at 160x48). ``KeptLines`` keeps the cache of each look, keyed by the
pane's size and border, while nothing else is drawn differently: any other repaint (the
content, the scroll position, a title, a theme) forgets every look kept.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import ExitStack, contextmanager
from typing import TypeVar

from textual._styles_cache import StylesCache
from textual.geometry import Region, Size
from textual.widget import Widget

T = TypeVar("T")


def look(widget: Widget, size: Size) -> Hashable:
    """What the widget's styled lines depend on besides its content: its size, border,
    and the title and subtitle drawn in the border."""
    title, subtitle = widget.border_title, widget.border_subtitle
    return (size, widget.styles.border, str(title or ""), str(subtitle or ""))


@contextmanager
def looks_changing(*widgets: Widget) -> Iterator[None]:
    """Change how ``widgets`` look (shown or hidden, their size styles, border, titles)
    in the block, keeping each one's lines as :meth:`KeptLines.changing` does. The block
    changes nothing they draw but their look."""
    with ExitStack() as stack:
        for widget in widgets:
            kept = getattr(widget, "kept_lines", None)
            if isinstance(kept, KeptLines):
                stack.enter_context(kept.looks_changing(widget))
        yield


class KeptLines:
    """The styled lines of each look a widget had (see the module's docstring). The widget
    calls :meth:`dirtied` from its ``_set_dirty`` and makes its size changes through
    :meth:`resized`; a change of its look (border, titles, shown, size styles) goes
    through :meth:`changing` or :func:`looks_changing`."""

    def __init__(self) -> None:
        self._kept: dict[Hashable, StylesCache] = {}
        self._changing = False  # a change of look is repainting the widget (see dirtied)

    def dirtied(self, regions: tuple[Region, ...]) -> None:
        """The widget is being repainted: what a change of look repaints whole keeps the
        lines kept; anything else forgets them."""
        if not (self._changing and not regions):
            self._kept.clear()

    @contextmanager
    def looks_changing(self, widget: Widget) -> Iterator[None]:
        """The block changes the widget's look (and nothing else it draws): the lines of
        the look it leaves are kept, and those of the look it comes to are drawn from if
        they were kept."""
        self._kept[look(widget, widget.outer_size)] = widget._styles_cache
        widget._styles_cache = StylesCache()  # what the change's repaint empties
        self._changing = True
        try:
            yield
        finally:
            self._changing = False
            kept = self._kept.pop(look(widget, widget.outer_size), None)
            if kept is not None:
                widget._styles_cache = kept

    def changing(self, widget: Widget, change: Callable[[], T]) -> T:
        """Run ``change``, which changes the widget's look (a border, its size laid out)."""
        with self.looks_changing(widget):
            return change()

    def resized(self, widget: Widget, size: Size, change: Callable[[], bool]) -> bool:
        """``change`` lays the widget out at ``size`` (its ``_size_updated``)."""
        if not widget.outer_size or size == widget.outer_size:
            return change()
        return self.changing(widget, change)
