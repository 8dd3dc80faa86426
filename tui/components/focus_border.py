"""The focused pane's border (heavy, in the theme's accent), set on the pane itself.

A ``:focus`` (or ``:focus-within``) rule in the stylesheet makes Textual restyle the pane
and everything in it on every focus change: every rule of the pane, of its component
classes (the reader has 11) and of its scrollbars is set again, and setting a
scrollbar's colours repaints it even when they stay the same (~3 ms for a scrollbar 46
rows tall), with a layout to follow: 15-30 ms of CPU per Tab at 160x48. Only the border
differs between the focused pane and the others, so only the border is set, as an inline
style over the stylesheet's ``round $secondary``: the same width, so no layout either.
"""

from __future__ import annotations

from textual import events
from textual.color import Color
from textual.widget import Widget

from tui.components.kept_lines import KeptLines

FOCUSED_EDGE = "heavy"
FOCUSED_COLOUR = "accent"  # a theme variable


def show_focus(pane: Widget, focused: bool) -> None:
    """Give ``pane`` the focused border, or back the stylesheet's (drawing its lines
    from those kept for that border, if the pane keeps them: kept_lines)."""
    if focused:
        colour = Color.parse(pane.app.theme_variables.get(FOCUSED_COLOUR, "ansi_blue"))
        border: tuple[str, Color] | None = (FOCUSED_EDGE, colour)
    elif pane.styles.inline.has_rule("border_top"):
        border = None
    else:
        return
    if border is not None and pane.styles.border_top == border:
        return

    def change() -> None:
        pane.styles.border = border

    kept = getattr(pane, "kept_lines", None)
    if isinstance(kept, KeptLines):
        kept.changing(pane, change)
    else:
        change()


def quiet_focus(widget: Widget, event: events.Focus | events.Blur) -> None:
    """Widget's focus (or blur) handler without its repaint of the whole widget, for a
    widget drawn alike focused or not: it has the focus, and its parent is told."""
    event.prevent_default()
    focused = isinstance(event, events.Focus)
    widget.has_focus = focused
    if widget.parent is not None:
        told = events.DescendantFocus(widget) if focused else events.DescendantBlur(widget)
        widget.parent.post_message(told)


class FocusBorder(Widget):
    """A pane whose border shows that it has the keys, without restyling it (see above).

    Put after the widget's own base (``class Pane(LineView, FocusBorder)``): Textual
    finds a widget's CSS types by following each class's first base, and a pane that
    came to ``Widget`` through this class would lose its base's default styles
    (a ScrollView's ``overflow: auto``, without which it does not scroll)."""

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, _theme: object) -> None:
        if self.has_focus:
            show_focus(self, True)

    def watch_has_focus(self, focused: bool) -> None:
        # Instead of Textual's restyle of the pane and all it holds.
        show_focus(self, focused)

    # Widget's focus handlers without their repaint of the whole pane: it draws alike
    # focused or not but for its border, which show_focus repaints (from the lines kept
    # for that border, when the pane keeps them).
    def _on_focus(self, event: events.Focus) -> None:
        quiet_focus(self, event)

    def _on_blur(self, event: events.Blur) -> None:
        quiet_focus(self, event)
