"""``?``: every key binding, as the user's keymap has it, with the id to remap it by."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.keymap import SECTIONS, SPECS, bind, effective_keys


def key_display(app_get_display, keys: str) -> str:  # type: ignore[no-untyped-def]
    shown = []
    for key in keys.split(","):
        key = key.strip()
        if key:
            shown.append(app_get_display(Binding(key, "noop")))
    return ", ".join(shown)


class HelpText(VerticalScroll):
    BINDINGS = [
        bind("cursor.down", "scroll_down", show=False),
        bind("cursor.up", "scroll_up", show=False),
        bind("cursor.top", "scroll_home", show=False),
        bind("cursor.bottom", "scroll_end", show=False),
        bind("cursor.page_down", "page_down", show=False),
        bind("cursor.page_up", "page_up", show=False),
    ]


class HelpScreen(Screen[None]):
    BINDINGS = [
        bind("search.close", "close"),
        Binding("q,question_mark", "close", "Close", show=False, id="help.close"),
    ]

    def compose(self) -> ComposeResult:
        with HelpText(id="help-scroll"):
            yield Static(self.help_table(), id="help-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(HelpText).focus()

    def help_table(self) -> Table:
        keymap = getattr(self.app, "keymap_overrides", {})
        table = Table(box=None, show_header=True, expand=False, padding=(0, 1), pad_edge=False)
        table.add_column("Keys", style="bold", no_wrap=True, min_width=10)
        table.add_column("What", ratio=1)
        table.add_column("Binding id (for [keymap])", style="dim", no_wrap=True)
        table.title = Text("claimlens keys — q, ? or Esc closes", style="bold")
        for section in SECTIONS:
            specs = [s for s in SPECS.values() if s.section == section]
            if not specs:
                continue
            table.add_row(Text(section, style="bold underline"), "", "")
            for spec in specs:
                keys = key_display(self.app.get_key_display, effective_keys(spec.id, keymap))
                table.add_row(Text(keys), Text(spec.help), Text(spec.id))
            table.add_row("", "", "")
        legend = Text(
            "In the text: ✓ corroborated by another source, ≠ a number differs (conflict), "
            "no mark: unique to this source; ‹name› after a quote: who said it; "
            "▶ the statement under the cursor.",
            style="dim",
        )
        table.caption = legend
        return table

    def action_close(self) -> None:
        self.dismiss(None)
