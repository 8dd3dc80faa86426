"""An OptionList that moves with the browser's cursor keys (and their keymap ids)."""

from __future__ import annotations

from typing import ClassVar

from rich.color import Color
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.binding import BindingType
from textual.css.scalar import Unit
from textual.geometry import Size
from textual.strip import Strip
from textual.style import Style
from textual.widgets import OptionList
from textual.widgets.option_list import Option

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

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """Textual measures every option (wraps its text) at each layout of a list of
        ``height: auto``; under a ``max-height`` in cells (the pickers' 16 lines), the
        options past it change nothing: measuring stops there. The same box, for a
        speaker picker of 200 rows a sixth of the work."""
        cap = self.styles.max_height
        if cap is None or cap.unit != Unit.CELLS:
            return super().get_content_height(container, viewport, width)
        limit = int(cap.value)
        rules = self.styles
        padding = self.get_component_styles("option-list--option").padding.width
        height = 0
        for index, option in enumerate(self.options):
            height += self._get_visual(option).get_height(rules, width - padding)
            if option._divider and index < len(self.options) - 1:
                height += 1
            if height >= limit:
                break
        return height

    def action_page_down(self) -> None:
        """A page down, onto the last option that can be chosen when the page ends on a
        line that cannot (Textual's OptionList leaves none highlighted then)."""
        super().action_page_down()
        if self.highlighted is None:
            self.action_last()

    def action_page_up(self) -> None:
        super().action_page_up()
        if self.highlighted is None:
            self.action_first()

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        """The highlighted option also gets its CSS text style (``reverse`` without
        colour): Textual paints options with a visual style that has no reverse, so
        under NO_COLOR the highlighted option would not stand out at all."""
        strips = super()._get_option_render(option, style)
        if self.highlighted is None or self._option_to_index.get(option) != self.highlighted:
            return strips
        rich = self.get_component_rich_style("option-list--option-highlighted", partial=True)
        if rich.bgcolor is not None and not rich.bgcolor.is_default and rich.color is not None:
            strips = [_in_colour(strip, rich.color) for strip in strips]
        attributes = RichStyle(reverse=rich.reverse or None)
        if not rich.reverse:
            return strips
        return [strip.apply_style(attributes) for strip in strips]


def _in_colour(strip: Strip, colour: Color) -> Strip:
    """``strip`` with every text in ``colour`` (bold, underline, italic and dim kept): on
    the block cursor a span's own colour read badly in 16 colours (the claim panel's green
    "SAME" on light grey, 1.7:1), as the article list's cursor row, plain, avoids."""
    over = RichStyle(color=colour)
    return Strip(
        [
            Segment(text, (segment_style or RichStyle()) + over, control)
            for text, segment_style, control in strip
        ],
        strip.cell_length,
    )
