"""A pane's scrollbars repainted only when what they draw changed.

Textual lays every widget of the screen out again at each layout (a pane shown or
hidden: c, Tab at 80x24, a footer key of another width), and a scrolling pane then
repaints its scrollbars whatever changed: it compares its own size with its container's,
which always differ. At 160x48 that is three scrollbars of 44 rows, ~5 ms of CPU per
layout, and their columns (left, middle, right of the screen) make the frame after it
recompose nearly the whole screen. What a scrollbar draws is its size (repainted by the
scrollbar itself when it changes), its window and position, and the pane's scrollbar
colours: a scrollbar is repainted here only when one of those changed since it was last
repainted here.
"""

from __future__ import annotations

from typing import Any

from textual.geometry import Size
from textual.scrollbar import ScrollBar
from textual.widget import Widget

_DRAWN = "_claimlens_drawn_with"  # on a scrollbar: what it was last repainted with here


def _colours(pane: Widget) -> tuple[Any, ...]:
    """Everything of ``pane`` that its scrollbars' drawing reads (ScrollBar.render)."""
    styles = pane.styles
    return (
        styles.scrollbar_background,
        styles.scrollbar_color,
        styles.scrollbar_background_hover,
        styles.scrollbar_color_hover,
        styles.scrollbar_background_active,
        styles.scrollbar_color_active,
        pane.background_colors[0],  # under a translucent scrollbar background
        pane.screen.styles.scrollbar_color.a == 0,  # drawn without a thumb
    )


def _repaint_if_changed(bar: ScrollBar, colours: tuple[Any, ...]) -> None:
    """Repaint ``bar`` unless it was last repainted here, mounted, with the same window,
    position and colours. (Its window and position are reactive, but a repaint asked for
    before the bar is mounted is dropped, and the bar then shows what it drew before.)"""
    drawn = (bar.window_virtual_size, bar.window_size, bar.position, colours)
    if getattr(bar, _DRAWN, None) != drawn:
        bar.refresh()
        if bar.is_mounted:
            setattr(bar, _DRAWN, drawn)


def update_scrollbars(pane: Widget, virtual_size: Size) -> None:
    """``Widget._scroll_update`` (the scrollbars' visibility, window and position, and the
    pane's scroll offsets kept within its new size), repainting a scrollbar only when what
    it draws changed (see the module's docstring)."""
    pane._refresh_scrollbars()
    width, height = pane.container_size
    colours: tuple[Any, ...] | None = None
    if pane.show_vertical_scrollbar and pane.styles.scrollbar_size_vertical:
        bar = pane.vertical_scrollbar
        bar.window_virtual_size = virtual_size.height
        bar.window_size = height - pane.scrollbar_size_horizontal
        colours = _colours(pane)
        _repaint_if_changed(bar, colours)
    if pane.show_horizontal_scrollbar and pane.styles.scrollbar_size_horizontal:
        bar = pane.horizontal_scrollbar
        bar.window_virtual_size = virtual_size.width
        bar.window_size = width - pane.scrollbar_size_vertical
        _repaint_if_changed(bar, colours or _colours(pane))
    pane.scroll_x = pane.validate_scroll_x(pane.scroll_x)
    pane.scroll_y = pane.validate_scroll_y(pane.scroll_y)
