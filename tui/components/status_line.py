"""The main screen's one status line, fitted to the terminal's width (no Textual).

The line is made of parts (the article counts, the filters, the statement under
the cursor, the jump-back depth, the search hit, ...), each with a priority and
optionally a shorter form. When the line is too wide, the least important part
that can be shortened is shortened, else the least important part is dropped,
until it fits: at 80 columns the line keeps what matters most instead of being
cut in the middle of a number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

SEPARATOR = "  "


@dataclass(frozen=True)
class StatusPart:
    priority: int  # higher: kept longer
    text: Text
    short: Text | None = None  # a shorter form, tried before dropping the part


def part(
    priority: int, label: str, style: Style | str = "", short: str | None = None
) -> StatusPart:
    """A part from plain strings (data such as a source name is never read as markup)."""
    return StatusPart(
        priority,
        Text(label, style=style, end=""),
        None if short is None else Text(short, style=style, end=""),
    )


def fit_status(parts: Sequence[StatusPart], width: int) -> Text:
    """The parts in order, separated by two spaces, within ``width`` cells: first the
    parts with a shorter form are shortened, least important first, then parts are
    dropped, least important first, until the line fits (an empty short form drops
    a part in the first round)."""
    chosen: list[Text] = [p.text for p in parts]

    def total() -> int:
        shown = [t for t in chosen if t.cell_len]
        return sum(t.cell_len for t in shown) + len(SEPARATOR) * max(0, len(shown) - 1)

    by_priority = sorted(range(len(parts)), key=lambda i: parts[i].priority)
    for i in by_priority:
        short = parts[i].short
        if total() <= width:
            break
        if short is not None:
            chosen[i] = short
    for i in by_priority:
        if total() <= width:
            break
        chosen[i] = Text(end="")
    line = Text(end="", no_wrap=True, overflow="ellipsis")
    for text in (t for t in chosen if t.cell_len):
        if line.plain:
            line.append(SEPARATOR)
        line.append_text(text)
    line.truncate(max(0, width), overflow="ellipsis")
    return line
