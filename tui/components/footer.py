"""A footer that shows only the keys that fit: Textual's cuts the last one mid-word
("s Sourc") when the terminal is narrow. The help key is kept first."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

HELP_ACTION = "help"


def key_width(key: FooterKey) -> int:
    """Cells a compact footer key takes: " key description "."""
    return cell_len(key.key_display) + 1 + cell_len(key.description) + 1


def keys_that_fit(keys: list[FooterKey], width: int) -> list[FooterKey]:
    """The keys, in their order, that fit in ``width`` cells; the help key first."""
    chosen: set[int] = set()
    used = 0
    by_need = sorted(range(len(keys)), key=lambda i: keys[i].action != HELP_ACTION)
    for i in by_need:
        if used + key_width(keys[i]) <= width:
            chosen.add(i)
            used += key_width(keys[i])
    return [key for i, key in enumerate(keys) if i in chosen]


class FittingFooter(Footer):
    def __init__(self) -> None:
        super().__init__(compact=True)
        self._width = 0

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        if not self._width or not all(isinstance(k, FooterKey) for k in keys):
            yield from keys
            return
        shown = keys_that_fit(keys, self._width)  # type: ignore[arg-type]
        self.styles.grid_size_columns = max(1, len(shown))
        yield from shown

    def on_resize(self) -> None:
        if self.size.width != self._width:
            self._width = self.size.width
            self.refresh(recompose=True)
