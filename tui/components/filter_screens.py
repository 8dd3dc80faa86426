"""The filters: one source (``s``) and a date range (``d``); the pickers' one
implementation, :class:`PickOneScreen`, which the speaker filter (``w``) shares."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from db.showable import showable
from tui.components.inputs import StillInput
from tui.components.library import either_way, parse_date, reversed_range
from tui.components.option_list import KeyedOptionList
from tui.keymap import bind
from tui.wording import plural, shown_date

ALL = "\x00all"


class PickOneScreen(ModalScreen[str | None]):
    """Pick one name, or all; typing narrows the list. Dismisses with the name, "" for
    all, None to cancel.

    As in the search screen, the keys go to the query box: typing narrows the list (any
    part of a name, in any case), ↑/↓ (Ctrl+N) and the page keys move, Enter picks, Esc
    cancels. The names are looked up in a worker thread (the latest text wins), so a list
    cut at a few hundred still reaches every name; the list's last line says how many more
    there are. A subclass gives the dialog's texts, :meth:`label` (an item's line),
    :meth:`name_of` and :meth:`find` (the items holding a text, and how many in all).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("search.close", "close"),
        bind("search.down", "move(1)", show=False),
        bind("search.up", "move(-1)", show=False),
        bind("cursor.page_down", "page(1)", show=False),
        bind("cursor.page_up", "page(-1)", show=False),
    ]
    AUTO_FOCUS = ".pick-query"
    DIALOG_TITLE: ClassVar[str]
    ALL_LABEL: ClassVar[str]
    EMPTY_LABEL: ClassVar[str | None] = None  # the disabled line shown when there are none
    NOUN: ClassVar[str]  # "source", "speaker": what the list names
    HINT: ClassVar[str]
    LIST_ID: ClassVar[str]

    def __init__(self, items: Sequence[Any] | None, total: int, current: str | None) -> None:
        """``items``: the list with nothing typed, of ``total`` in all; None when it is
        still to read: the dialog opens at once saying so, and :meth:`read_all` reads it
        in a worker thread."""
        super().__init__(classes="filter-dialog")
        self.items: list[Any] | None = None if items is None else list(items)
        self.total = total
        self.current = current
        self.shown: list[Any] = []  # the items listed, in order (option "n{i}": shown[i])
        self.generation = 0  # bumped per keystroke; older lookups are dropped
        # The generation the list shows; -1: the list with nothing typed is still read.
        self.shown_generation = 0 if items is not None else -1
        self.choose_when_ready = False

    def label(self, item: Any) -> Text:
        """The line of ``item``: names are data, so a Text, never markup."""
        raise NotImplementedError

    def name_of(self, item: Any) -> str:
        raise NotImplementedError

    def find(self, text: str) -> tuple[list[Any], int]:
        """(In a worker thread) the items whose name holds ``text``, and how many in all."""
        raise NotImplementedError

    def read_all(self) -> tuple[list[Any], int]:
        """(In a worker thread) the list with nothing typed, when it was not given."""
        raise NotImplementedError

    @property
    def options(self) -> KeyedOptionList:
        return self.query_one(KeyedOptionList)

    @property
    def input(self) -> Input:
        return self.query_one(".pick-query", Input)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = self.DIALOG_TITLE
            with Horizontal(classes="pick-row"):
                yield Static(Text("Find ", style="bold"), classes="pick-prompt")
                yield StillInput(
                    classes="pick-query", placeholder="type any part of a name to narrow"
                )
            options = KeyedOptionList(id=self.LIST_ID)
            options.can_focus = False  # the keys stay in the query box
            yield options
            yield Static(Text(self.HINT, style="dim"))

    def on_mount(self) -> None:
        if self.items is None:
            self._reading()
            self._read_all()
        else:
            self._fill(self.items, self.total, "")
        self.input.focus()

    def _reading(self) -> None:
        """The list while it is read: one line saying so."""
        reading = Option(Text(f"Reading the {self.NOUN}s …", style="dim italic"), disabled=True)
        self.options.set_options([reading])
        self.options.highlighted = None

    @work(thread=True, group="pick-all")
    def _read_all(self) -> None:
        worker = get_current_worker()
        try:
            items, total = self.read_all()
        except sqlite3.Error:  # a busy or damaged database: an empty list, typing still looks
            items, total = [], 0
        if not worker.is_cancelled:
            self.app.call_from_thread(self.all_read, items, total)

    def all_read(self, items: list[Any], total: int) -> None:
        """The list with nothing typed is read: shown unless a text is typed meanwhile
        (its own lookup shows what it finds; clearing it shows this list)."""
        if not self.is_attached:
            return
        self.items, self.total = items, total
        if self.input.value.strip():
            return
        self.shown_generation = self.generation
        self._fill(items, total, "")
        if self.choose_when_ready:  # Enter before the list was read: its first line
            self.choose_when_ready = False
            self._choose(self.options.highlighted)

    def _fill(self, items: list[Any], total: int, text: str) -> None:
        self.shown = items
        options: list[Option] = []
        if not text:
            options.append(Option(Text(self.ALL_LABEL, style="bold"), id=ALL))
        options += [Option(self.label(item), id=f"n{i}") for i, item in enumerate(items)]
        if not items:
            empty = f"No {self.NOUN} holds {text!r}" if text else self.EMPTY_LABEL
            if empty:
                options.append(Option(Text(empty, style="dim"), disabled=True))
        elif total > len(items):
            more = f"… {plural(total - len(items), 'more ' + self.NOUN)}: type part of a name"
            options.append(Option(Text(more, style="dim italic"), disabled=True))
        option_list = self.options
        option_list.set_options(options)
        index = 0
        if not text and self.current:
            for i, item in enumerate(items, start=1):
                if self.name_of(item).lower() == self.current.lower():
                    index = i
        option_list.highlighted = index if options and not options[index].disabled else None

    @on(Input.Changed, ".pick-query")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.generation += 1
        text = event.value.strip()
        if not text:
            self.workers.cancel_group(self, "pick")
            if self.items is None:  # still read: all_read shows it
                self.shown_generation = -1
                self._reading()
                return
            self.shown_generation = self.generation
            self._fill(self.items, self.total, "")
            return
        self._look_up(text, self.generation)

    @work(exclusive=True, thread=True, group="pick")
    def _look_up(self, text: str, generation: int) -> None:
        worker = get_current_worker()
        try:
            items, total = self.find(text)
        except sqlite3.Error as exc:  # a busy or damaged database: say so, keep the dialog
            items, total = [], 0
            text = f"{text} (could not read: {exc})"
        if not worker.is_cancelled:
            self.app.call_from_thread(self._found, generation, text, items, total)

    def _found(self, generation: int, text: str, items: list[Any], total: int) -> None:
        if generation != self.generation or not self.is_attached:
            return  # a newer text is on its way
        self.shown_generation = generation
        self._fill(items, total, text)
        if self.choose_when_ready:
            self.choose_when_ready = False
            self._choose(self.options.highlighted)

    def action_move(self, step: int) -> None:
        if step > 0:
            self.options.action_cursor_down()
        else:
            self.options.action_cursor_up()

    def action_page(self, step: int) -> None:
        if step > 0:
            self.options.action_page_down()
        else:
            self.options.action_page_up()

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """On the last name, the line under it (how many more) scrolls into view too."""
        option_list = self.options
        last = option_list.option_count - 1
        if event.option_index == last - 1 and option_list.get_option_at_index(last).disabled:
            option_list.scroll_end(animate=False)

    @on(Input.Submitted, ".pick-query")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.shown_generation != self.generation:
            self.choose_when_ready = True  # Enter before the list caught up: take its first
            return
        self._choose(self.options.highlighted)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    def _choose(self, index: int | None) -> None:
        option = self.options.get_option_at_index(index) if index is not None else None
        if option is None or option.disabled or not option.id:
            self.app.bell()
        elif option.id == ALL:
            self.dismiss("")
        else:
            self.dismiss(self.name_of(self.shown[int(option.id[1:])]))

    def action_close(self) -> None:
        self.dismiss(None)


# Sources listed at once: the UCI headlines' 1,948 took the dialog ~0.4 s to lay out (each
# line measured); the others are counted on the list's last line, and typing finds them.
SOURCES_SHOWN = 200


class SourceFilterScreen(PickOneScreen):
    """Pick one source, or all (the first :data:`SOURCES_SHOWN` are listed, and how many
    more there are; typing narrows every source)."""

    DIALOG_TITLE = "Show one source"
    ALL_LABEL = "All sources"
    NOUN = "source"
    HINT = "↑/↓: move · Enter: show only this source · Esc: cancel"
    LIST_ID = "source-options"

    def __init__(self, sources: list[dict[str, Any]], current: str | None) -> None:
        self.sources = sources
        super().__init__(sources[:SOURCES_SHOWN], len(sources), current)

    def name_of(self, item: dict[str, Any]) -> str:
        return item["name"]

    def find(self, text: str) -> tuple[list[Any], int]:
        folded = text.casefold()
        # As shown: a name's bidi controls are not drawn, so they are not typed either.
        found = [src for src in self.sources if folded in showable(src["name"]).casefold()]
        return found[:SOURCES_SHOWN], len(found)

    def label(self, item: dict[str, Any]) -> Text:
        label = Text(end="")
        label.append(showable(item["name"]))
        label.append(f"  {plural(item['articles'], 'article')}", style="dim")
        if item.get("first_date"):
            label.append(
                f"  {item['first_date'][:10]} – {shown_date(item.get('last_date'), '')}",
                style="dim",
            )
        else:  # as `claimlens stats` says it (BBC's folders)
            label.append("  undated", style="dim")
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
                both = either_way(raw)  # never guessed: the user says which
                self.query_one("#date-error", Static).update(
                    Text(
                        f"{raw!r} reads either way: {both}; write YYYY-MM-DD"
                        if both
                        else f"Not a date: {raw!r} (use YYYY-MM-DD)",
                        style="bold",
                    )
                )
                self.query_one(f"#{name}", Input).focus()
                return
            values.append(parsed[:10])
        since, until = values
        problem = reversed_range(since, until, ("From", "Until"))
        if problem:  # refused, as the CLI refuses it: never swapped behind the user's back
            self.query_one("#date-error", Static).update(Text(problem, style="bold"))
            self.query_one("#since", Input).focus()
            return
        self.dismiss((since, until))

    def action_close(self) -> None:
        self.dismiss(None)
