"""The command palette's claimlens commands (Ctrl+P)."""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator
from functools import partial
from itertools import islice
from typing import Any

from rich.text import Text
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider, SearchIcon
from textual.content import Content
from textual.fuzzy import Matcher

from db.showable import showable
from tui.components.help_screen import key_display
from tui.keymap import effective_keys
from tui.wording import plural, shown_date

Command = tuple[str, str, Callable[[], object]]

# The palette's prompt: Textual's is a 🔎 emoji, drawn one cell wide, two, or as a box
# by terminals and fonts over SSH (and it shifts the query by a cell where it is one).
PROMPT = ">"


class PlainPalette(CommandPalette):
    """Textual's command palette with a plain ASCII prompt (:data:`PROMPT`).

    Its list keeps the scrollbar's column whether or not it scrolls: the heights of its
    options are measured before the scrollbar shows, so a story title that wrapped to
    one more line in the narrower list lost its last line (the date and counts)."""

    DEFAULT_CSS = """
    PlainPalette CommandList {
        scrollbar-gutter: stable;
    }
    """

    def on_mount(self) -> None:
        icon = self.query_one(SearchIcon)
        icon.icon = PROMPT
        icon.refresh()


# "Open story: <title>" for this many of the newest stories (read once per palette).
STORY_COMMANDS = 1000
# Commands the palette lists at once, the best first: the UCI headlines' 1,948 sources and
# 162 stories made 3,000 lines, which took it 0.3 s to lay out as it opened and on each
# key typed (every line measured). Typing still reaches every command.
PALETTE_HITS = 100


def highlighted(matcher: Matcher, name: str) -> Content:
    """``name`` with the letters the query matched highlighted, as plain text: Textual's
    ``Matcher.highlight`` parses the name as markup, and source names and story titles
    are data ("[bold]" would vanish, "[@click=...]" would be a link)."""
    content = Content(name)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, name)
    for offset in offsets:
        if not name[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ClaimLensCommands(Provider):
    """Search, filters, grouping, navigation and help, plus "Show only source: X" per source
    and "Open story: T" per story (the newest :data:`STORY_COMMANDS`).

    Each command's hint names its key as the user's keymap has it (``tui.keymap``), so a
    remapped key is shown as remapped.
    """

    _stories: list[dict[str, Any]] | None = None  # read once per palette

    def _story_list(self, screen: Any) -> list[dict[str, Any]]:
        if self._stories is None:
            self._stories = screen.library.stories(STORY_COMMANDS)
        return self._stories

    def _keys(self, binding_id: str) -> str:
        keymap = getattr(self.app, "keymap_overrides", {})
        return key_display(self.app.get_key_display, effective_keys(binding_id, keymap))

    def _commands(self) -> Iterator[Command]:
        from tui.components.main_screen import MainScreen

        screen = self.screen
        if not isinstance(screen, MainScreen):
            main = [s for s in self.app.screen_stack if isinstance(s, MainScreen)]
            if not main:
                return
            screen = main[-1]
        keyed = [
            (
                "Search statements",
                "Word search, ranked, matches highlighted",
                "app.search",
                screen.action_search,
            ),
            (
                "Fuzzy quote search",
                "Find a misspelled or half-remembered quote",
                "app.fuzzy_search",
                screen.action_fuzzy_search,
            ),
            (
                "Filter by source",
                "Show one source only",
                "app.filter_source",
                screen.action_filter_source,
            ),
            (
                "Filter by date",
                "Show a date range only",
                "app.filter_date",
                screen.action_filter_date,
            ),
            (
                "Filter by speaker",
                "Show the articles quoting one speaker",
                "app.filter_speaker",
                screen.action_filter_speaker,
            ),
            (
                "Clear filters",
                "Show every source and date",
                "app.clear_filters",
                screen.action_clear_filters,
            ),
            (
                "Toggle grouping by story",
                "Group the list by story, or not",
                "app.toggle_stories",
                screen.action_toggle_stories,
            ),
            ("Newest article", "Jump to the newest article", "app.newest", screen.action_newest),
            (
                "Story of the article under the cursor",
                "Outlets, claims, conflicts, blindspot",
                "story.open",
                screen.action_open_story,
            ),
            (
                "Next statement another source reports",
                "",
                "reader.next_matched",
                screen.reader.action_next_matched,
            ),
            (
                "Previous statement another source reports",
                "",
                "reader.previous_matched",
                screen.reader.action_previous_matched,
            ),
            (
                "Claim panel alone",
                "Read every match at full height",
                "pane.claims",
                screen.action_zoom_claims,
            ),
            (
                "Jump back",
                "Return to where you were before a jump",
                "pane.back",
                screen.action_back,
            ),
            ("Next search hit", "", "app.next_hit", screen.action_next_hit),
            ("Previous search hit", "", "app.previous_hit", screen.action_previous_hit),
            ("Show keys", "Every key binding and its id", "app.help", screen.action_help),
        ]
        for name, help_text, binding_id, callback in keyed:
            keys = f"({self._keys(binding_id)})"
            yield (name, f"{help_text} {keys}" if help_text else keys, callback)
        for name in screen.library.source_names():
            yield (
                f"Show only source: {showable(name)}",
                "Filter the list to this source",
                partial(screen.set_source, name),
            )
        for story in self._story_list(screen):
            when = shown_date(story["first_date"])
            counts = (
                f"{plural(story['n_sources'], 'source')}, {plural(story['n_articles'], 'article')}"
            )
            yield (
                f"Open story: {showable(story['title'] or '')}",
                f"{when} · {counts}",
                partial(screen.open_story, story["id"]),
            )

    async def discover(self) -> Hits:
        for name, help_text, callback in islice(self._commands(), PALETTE_HITS):
            # Text, not str: a str prompt is parsed as markup, and source names are data.
            yield DiscoveryHit(Text(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        scored = []
        for order, (name, help_text, callback) in enumerate(self._commands()):
            score = matcher.match(name)
            if score > 0:
                scored.append((-score, order, name, help_text, callback))
        for minus, _order, name, help_text, callback in heapq.nsmallest(PALETTE_HITS, scored):
            yield Hit(-minus, highlighted(matcher, name), callback, text=name, help=help_text)
