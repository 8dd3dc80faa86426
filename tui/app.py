"""The claimlens browser: a keyboard-driven Textual app over the claimlens database.

``make_app(db_path)`` builds it (the CLI and the tests use the same factory).
Everything it shows comes from :mod:`db` through
:class:`tui.components.library.Library`; there is no SQL in ``tui/``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

import sqlite_utils
from textual import events
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.command import CommandPalette
from textual.filter import Monochrome, NoColor
from textual.screen import Screen
from textual.theme import ThemeProvider

from db.showable import showable
from tui.components.commands import ClaimLensCommands, PlainPalette
from tui.components.idle_gc import CHECK_EVERY, IdleCollector
from tui.components.key_order import KeyDone, KeyOrder
from tui.components.library import Library
from tui.components.main_screen import MainScreen
from tui.components.regroup_notice import RegroupNotice
from tui.config import DEFAULT_THEME, Config, load_config
from tui.keymap import bind

# Older Textual releases called the terminal-colours theme "textual-ansi".
THEME_ALIASES = {"textual-ansi": "ansi-dark", "ansi": "ansi-dark"}


class ClaimLensApp(App[None]):
    """Article list, article text with statement statuses, and the claim panel."""

    CSS_PATH = "app.tcss"
    TITLE = "claimlens"
    COMMANDS = App.COMMANDS | {ClaimLensCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("app.command_palette", "command_palette", show=False, priority=True)
    ]

    def __init__(
        self,
        db_path: Path,
        *,
        config: Config | None = None,
        db: sqlite_utils.Database | None = None,
        title: str | None = None,
    ) -> None:
        super().__init__()
        # No animation: over SSH it costs bandwidth and makes the screen lag behind the keys.
        self.animation_level = "none"
        self.config = config if config is not None else load_config()
        self.keymap_overrides = dict(self.config.keymap)
        self.library = Library(db_path, db)
        self.collector = IdleCollector()
        self.key_order = KeyOrder(self, super().on_event)
        if title:
            self.sub_title = title
        theme = THEME_ALIASES.get(self.config.theme, self.config.theme)
        if theme not in self.available_themes:
            self.config.problems.append(f"[ui] unknown theme {self.config.theme!r}")
            theme = THEME_ALIASES.get(DEFAULT_THEME, DEFAULT_THEME)
        self.theme = theme
        if self.no_color:
            self._use_no_color_filter()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's commands less its "Keys" panel: it squeezed the list to half of 80
        columns and listed the widgets' bindings (scroll left, page right) that the app's
        help does not; "Show keys" (?) is the app's own, every key and its id."""
        for command in super().get_system_commands(screen):
            if command.title != "Keys":
                yield command

    def _use_no_color_filter(self) -> None:
        """NO_COLOR: drop every colour, keep bold/underline/reverse.

        Textual picks its NO_COLOR filter before our theme is set, and for a
        non-ANSI default theme it picks Monochrome, which turns the ANSI theme's
        "default" colours into black on black. NoColor is legible with any theme.
        """
        self._filters = [f for f in self._filters if not isinstance(f, (Monochrome, NoColor))]
        self._filters.append(NoColor())

    def on_mount(self) -> None:
        if self.keymap_overrides:
            self.set_keymap(self.keymap_overrides)
        self.push_screen(MainScreen(self.library, size=(self.size.width, self.size.height)))
        # What start-up made (the stylesheet, the widgets, Textual's caches: ~90 k objects)
        # lives as long as the app: out of the collector's sight; full collections run
        # while the keys pause (idle_gc), not in the middle of a key press.
        self.call_after_refresh(self.collector.start)
        self.set_interval(CHECK_EVERY, self.collector.tick)
        for problem in self.config.problems:
            self.notify(
                showable(problem), title="config", severity="warning", timeout=8, markup=False
            )
        if self.library.regroup_due():  # a schema upgrade left it: run it beside the screen
            self.call_after_refresh(self.main.mount, RegroupNotice(self.library.db_path))

    @property
    def main(self) -> MainScreen:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("the main screen is not open")

    # Textual's palettes, with a plain prompt (commands.PlainPalette): Ctrl+P, and the
    # theme picker its Theme command opens.
    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(PlainPalette(id="--command-palette"))

    def search_themes(self) -> None:
        self.push_screen(PlainPalette(providers=[ThemeProvider], placeholder="Search for themes…"))

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self.collector.key()
            if not event.is_forwarded:  # from the terminal: in the order typed (key_order)
                await self.key_order.key(event)
                return
        await super().on_event(event)

    async def on_key_done(self, marker: KeyDone) -> None:
        await self.key_order.done(marker)

    def on_unmount(self) -> None:
        self.library.close()
        self.collector.stop()


def make_app(
    db_path: str | Path,
    *,
    config: Config | None = None,
    config_path: Path | None = None,
    db: sqlite_utils.Database | None = None,
    title: str | None = None,
) -> ClaimLensApp:
    """The browser over the database at ``db_path``; ``config`` (else the file at
    ``config_path``, else the user's config.toml) supplies the keymap and theme."""
    if config is None:
        config = load_config(config_path)
    return ClaimLensApp(Path(db_path), config=config, db=db, title=title)
