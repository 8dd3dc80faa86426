"""The speaker filter (``w``): show only articles that quote one speaker — who said what."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.components.option_list import KeyedOptionList
from tui.keymap import bind

ALL = "\x00all"


class SpeakerFilterScreen(ModalScreen[str | None]):
    """Pick a speaker (most quoted first), or all. Dismisses with the speaker's name, ""
    for all speakers, None to cancel."""

    BINDINGS: ClassVar[list[BindingType]] = [bind("search.close", "close")]

    def __init__(self, speakers: list[tuple[str, str, int, int]], current: str | None) -> None:
        super().__init__(classes="filter-dialog")
        self.speakers = speakers
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = "Who said what: one speaker"
            self._options = [Option(Text("All speakers", style="bold"), id=ALL)]
            for n, (name, _key, quotes, articles) in enumerate(self.speakers):
                label = Text(end="")
                label.append(name)  # article text: a Text, never markup
                label.append(f"  {quotes:,} quotes in {articles:,} articles", style="dim")
                self._options.append(Option(label, id=f"p{n}"))
            if not self.speakers:
                self._options.append(
                    Option(Text("No quotes with a named speaker yet", style="dim"), disabled=True)
                )
            yield KeyedOptionList(id="speaker-options")
            yield Static(Text("Enter: show only their articles · Esc: cancel", style="dim"))

    def on_mount(self) -> None:
        option_list = self.query_one(KeyedOptionList)
        option_list.add_options(self._options)
        index = 0
        for i, (name, _key, _q, _a) in enumerate(self.speakers, start=1):
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
            self.dismiss(self.speakers[int(event.option.id[1:])][0])

    def action_close(self) -> None:
        self.dismiss(None)
