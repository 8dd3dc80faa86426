"""The filters: one source (``s``) and a date range (``d``)."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.components.inputs import StillInput
from tui.components.library import parse_date
from tui.components.option_list import KeyedOptionList
from tui.keymap import bind
from tui.wording import plural

ALL = "\x00all"


class PickOneScreen(ModalScreen[str | None]):
    """Pick one of ``names``, or all. Dismisses with the name, "" for all, None to cancel.

    A subclass gives the dialog's texts and :meth:`label`, each name's line."""

    BINDINGS: ClassVar[list[BindingType]] = [bind("search.close", "close")]
    DIALOG_TITLE: ClassVar[str]
    ALL_LABEL: ClassVar[str]
    EMPTY_LABEL: ClassVar[str | None] = None  # the disabled line shown when there are none
    HINT: ClassVar[str]
    LIST_ID: ClassVar[str]

    def __init__(self, names: list[str], current: str | None) -> None:
        super().__init__(classes="filter-dialog")
        self.names = names
        self.current = current

    def label(self, index: int) -> Text:
        """The line of ``names[index]``: article text goes in as a Text, never markup."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = self.DIALOG_TITLE
            self._options = [Option(Text(self.ALL_LABEL, style="bold"), id=ALL)]
            self._options += [Option(self.label(i), id=f"n{i}") for i in range(len(self.names))]
            if not self.names and self.EMPTY_LABEL:
                self._options.append(Option(Text(self.EMPTY_LABEL, style="dim"), disabled=True))
            yield KeyedOptionList(id=self.LIST_ID)
            yield Static(Text(self.HINT, style="dim"))

    def on_mount(self) -> None:
        option_list = self.query_one(KeyedOptionList)
        option_list.add_options(self._options)
        index = 0
        for i, name in enumerate(self.names, start=1):
            if self.current and name.lower() == self.current.lower():
                index = i
        option_list.highlighted = index
        option_list.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == ALL:
            self.dismiss("")
        elif event.option.id:
            self.dismiss(self.names[int(event.option.id[1:])])

    def action_close(self) -> None:
        self.dismiss(None)


class SourceFilterScreen(PickOneScreen):
    """Pick one source, or all."""

    DIALOG_TITLE = "Show one source"
    ALL_LABEL = "All sources"
    HINT = "Enter: show only this source · Esc: cancel"
    LIST_ID = "source-options"

    def __init__(self, sources: list[dict[str, Any]], current: str | None) -> None:
        super().__init__([src["name"] for src in sources], current)
        self.sources = sources

    def label(self, index: int) -> Text:
        src = self.sources[index]
        label = Text(end="")
        label.append(src["name"])
        label.append(f"  {plural(src['articles'], 'article')}", style="dim")
        if src.get("first_date"):
            label.append(
                f"  {src['first_date'][:10]} – {(src.get('last_date') or '')[:10]}",
                style="dim",
            )
        return label


class DateFilterScreen(ModalScreen[tuple[str | None, str | None] | None]):
    """From / until dates (inclusive; empty for open-ended)."""

    AUTO_FOCUS = "#since"

    BINDINGS: ClassVar[list[BindingType]] = [bind("search.close", "close")]

    def __init__(self, since: str | None, until: str | None) -> None:
        super().__init__(classes="filter-dialog")
        self.since = since
        self.until = until

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = "Show a date range"
            yield Static("From (YYYY-MM-DD, empty: any)", markup=False)
            yield StillInput(self.since or "", id="since", placeholder="e.g. 2024-11-01")
            yield Static("Until (inclusive)", markup=False)
            yield StillInput(self.until or "", id="until", placeholder="e.g. 2024-11-30")
            yield Static("", id="date-error", markup=False)
            yield Static(Text("Enter: apply · Tab: next field · Esc: cancel", style="dim"))

    def on_mount(self) -> None:
        self.query_one("#since", Input).focus()

    @on(Input.Submitted)
    def _apply(self) -> None:
        values: list[str | None] = []
        for name in ("since", "until"):
            raw = self.query_one(f"#{name}", Input).value.strip()
            if not raw:
                values.append(None)
                continue
            parsed = parse_date(raw)
            if parsed is None:
                self.query_one("#date-error", Static).update(
                    Text(f"Not a date: {raw!r} (use YYYY-MM-DD)", style="bold")
                )
                self.query_one(f"#{name}", Input).focus()
                return
            values.append(parsed[:10])
        since, until = values
        if since and until and since > until:
            since, until = until, since
        self.dismiss((since, until))

    def action_close(self) -> None:
        self.dismiss(None)
