"""``?``: every key binding, as the user's keymap has it, with the id to remap it by."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from tui.components.footer import FittingFooter
from tui.components.line_view import TextScroll
from tui.keymap import SECTIONS, SPECS, bind, effective_keys


def key_display(app_get_display, keys: str) -> str:  # type: ignore[no-untyped-def]
    shown = []
    for key in keys.split(","):
        key = key.strip()
        if key:
            shown.append(app_get_display(Binding(key, "noop")))
    return ", ".join(shown)


class HelpText(TextScroll):
    """The help's scroll."""


class HelpScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("search.close", "close"),
        bind("help.close", "close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with HelpText(id="help-scroll"):
            yield Static(self.help_table(), id="help-text")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one(HelpText).focus()

    def help_rows(self) -> list[tuple[str, str, str, str]]:
        """(section, keys as shown, what it does, binding id) for every binding."""
        keymap = getattr(self.app, "keymap_overrides", {})
        rows = []
        for section in SECTIONS:
            for spec in SPECS.values():
                if spec.section == section:
                    keys = key_display(self.app.get_key_display, effective_keys(spec.id, keymap))
                    rows.append((section, keys, spec.help, spec.id))
        return rows

    def help_table(self) -> Table:
        table = Table(box=None, show_header=True, expand=False, padding=(0, 1), pad_edge=False)
        # Text, not str: a str header is read as markup ("[keymap]" would vanish).
        table.add_column(Text("Keys"), style="bold", no_wrap=True, min_width=10)
        table.add_column(Text("What"), ratio=1)
        table.add_column(Text("Binding id (for [keymap])"), style="dim", no_wrap=True)
        table.title = Text("claimlens keys — q, ? or Esc closes", style="bold")
        section = None
        for row_section, keys, what, binding_id in self.help_rows():
            if row_section != section:
                if section is not None:
                    table.add_row("", "", "")
                table.add_row(Text(row_section, style="bold underline"), "", "")
                section = row_section
            table.add_row(Text(keys), Text(what), Text(binding_id))
        table.caption = Text(
            # ✓ counts within one claim (db.match_reads.counted): "corroborated by another
            # source" also read true of a same match the claim panel lists apart.
            "In the text: ✓ another source in its claim says the same, "
            "≠ a number differs (conflict), "
            "~ others report the event, not this claim, no mark: unique to this source; "
            "‹name› after a quote: who said it; "
            "▶ the statement under the cursor. "
            # The list's counts were explained nowhere: a new reader saw "✓2 ≠1 ~1" bare.
            "In the list: ✓2 ≠1 ~1 count an article's statements so marked (~ never counts "
            "as ✓); ▾ a story, with its articles and sources.",
            style="dim",
        )
        return table

    def action_close(self) -> None:
        self.dismiss(None)
