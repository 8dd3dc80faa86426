"""The command palette's claimlens commands (Ctrl+P)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

Command = tuple[str, str, Callable[[], object]]


class ClaimLensCommands(Provider):
    """Search, filters, grouping, navigation and help, plus "Show only source: X" per source."""

    def _commands(self) -> Iterator[Command]:
        from tui.components.main_screen import MainScreen

        screen = self.screen
        if not isinstance(screen, MainScreen):
            main = [s for s in self.app.screen_stack if isinstance(s, MainScreen)]
            if not main:
                return
            screen = main[-1]
        yield (
            "Search statements",
            "Word search, ranked, matches highlighted (/)",
            screen.action_search,
        )
        yield (
            "Fuzzy quote search",
            "Find a misspelled or half-remembered quote (f)",
            screen.action_fuzzy_search,
        )
        yield ("Filter by source", "Show one source only (s)", screen.action_filter_source)
        yield ("Filter by date", "Show a date range only (d)", screen.action_filter_date)
        yield ("Clear filters", "Show every source and date (x)", screen.action_clear_filters)
        yield (
            "Toggle grouping by story",
            "Group the list by story, or not (t)",
            screen.action_toggle_stories,
        )
        yield ("Next statement another source reports", "(])", screen.reader.action_next_matched)
        yield (
            "Jump back",
            "Return to where you were before a jump (Esc, Backspace)",
            screen.action_back,
        )
        yield ("Next search hit", "(n)", screen.action_next_hit)
        yield ("Previous search hit", "(N)", screen.action_previous_hit)
        yield ("Show keys", "Every key binding and its id (?)", screen.action_help)
        for name in screen.library.source_names():
            yield (
                f"Show only source: {name}",
                "Filter the list to this source",
                partial(screen.set_source, name),
            )

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            # Text, not str: a str prompt is parsed as markup, and source names are data.
            yield DiscoveryHit(Text(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, text=name, help=help_text)
