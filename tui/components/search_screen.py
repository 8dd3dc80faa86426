"""Search: word search (FTS5, ranked) and fuzzy quote search, results as you type.

Typing never waits for the database: each change starts a worker that
replaces the previous one (``exclusive=True``) and interrupts its query;
only the latest query's results are shown. Focus stays in the query box;
Up/Down move through the results (fzf-style) and Enter opens one.
"""

from __future__ import annotations

import sqlite3
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.components.footer import FittingFooter
from tui.components.inputs import StillInput
from tui.components.library import Library, QueryError, SearchHit
from tui.components.option_list import KeyedOptionList
from tui.keymap import bind
from tui.wording import plural

WORDS_HINT = 'words (all must match), "a phrase", pre*, this OR that, -not'
FUZZY_HINT = "a half-remembered or misspelled quote, e.g. small contacts not full scale engagment"


class Results(KeyedOptionList):
    """The hits, best first."""


class SearchScreen(Screen[tuple[list[SearchHit], int, str] | None]):
    """Dismisses with (hits, chosen index, query), or None when closed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("search.close", "close"),
        bind("search.toggle_mode", "toggle_mode"),
        bind("search.open", "open", show=False, priority=True),
        bind("search.down", "move(1)", show=False),
        bind("search.up", "move(-1)", show=False),
        bind("cursor.page_down", "page(1)", show=False),
        bind("cursor.page_up", "page(-1)", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"search--match", "search--meta", "search--speaker"}

    # Focus the query box as soon as the screen exists, so keys typed right after
    # "/" (typeahead, a paste) land in it rather than before it is ready.
    AUTO_FOCUS = "#search-input"

    def __init__(self, library: Library, *, fuzzy: bool = False, query: str = "") -> None:
        super().__init__(id="search")
        self.library = library
        self.fuzzy = fuzzy
        self.initial_query = query
        self.hits: list[SearchHit] = []
        self.query_text = ""
        self.generation = 0  # bumped per keystroke; results of older generations are dropped
        self.shown_generation = 0  # the generation on screen; behind self.generation: searching
        self.choose_when_ready = False

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            with Horizontal(id="search-row"):
                yield Static("", id="search-mode", markup=False)
                yield StillInput(value=self.initial_query, id="search-input")
            yield Static("", id="search-status", markup=False)
        yield Results(id="results")
        yield FittingFooter()

    @property
    def input(self) -> Input:
        return self.query_one("#search-input", Input)

    @property
    def results(self) -> Results:
        return self.query_one(Results)

    def on_mount(self) -> None:
        self._show_mode()
        self.input.focus()
        if self.initial_query:
            self.run_search(self.initial_query)

    def reset(self, *, fuzzy: bool) -> None:
        """Ready the (reused) screen for a new search in ``fuzzy`` or word mode."""
        self.fuzzy = fuzzy
        self.choose_when_ready = False
        if not self.is_mounted:
            return
        self.input.value = ""
        self.generation += 1
        self.shown_generation = self.generation
        self.hits = []
        self.results.clear_options()
        self._show_mode()

    def on_screen_resume(self) -> None:
        self.input.focus()

    def on_key(self, event: events.Key) -> None:
        """Keys typed right after "/" reach the screen before its query box has focus
        (the screen was still being built): type them into the box, in order."""
        if not (event.is_printable and event.character):
            return
        if self.focused is not None and self.focused is not self.input:
            return  # e.g. j/k on the results: their bindings
        event.stop()
        event.prevent_default()
        self.input.focus()
        self.input.insert_text_at_cursor(event.character)

    def _show_mode(self) -> None:
        label = Text(" fuzzy quote " if self.fuzzy else " words ", style="reverse bold")
        self.query_one("#search-mode", Static).update(label)
        self.input.placeholder = FUZZY_HINT if self.fuzzy else WORDS_HINT
        self._status("Type to search. Ctrl+T: " + ("word search" if self.fuzzy else "fuzzy quotes"))

    def _status(self, message: str) -> None:
        self.query_one("#search-status", Static).update(Text(message, end=""))

    def action_toggle_mode(self) -> None:
        self.fuzzy = not self.fuzzy
        self._show_mode()
        self.run_search(self.input.value)

    def action_close(self) -> None:
        self.dismiss(None)

    def action_move(self, step: int) -> None:
        results = self.results
        if step > 0:
            results.action_cursor_down()
        else:
            results.action_cursor_up()

    def action_page(self, step: int) -> None:
        if step > 0:
            self.results.action_page_down()
        else:
            self.results.action_page_up()

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    def action_open(self) -> None:
        self._choose(self.results.highlighted)

    @on(OptionList.OptionSelected, "#results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    def _choose(self, index: int | None) -> None:
        if self.shown_generation != self.generation:
            self.choose_when_ready = True  # Enter before the results came: take the best
            self._status("Searching…")
            return
        if index is None or not 0 <= index < len(self.hits):
            self.app.bell()
            return
        self.dismiss((self.hits, index, self.query_text))

    # --- the search worker -------------------------------------------------------------

    def run_search(self, query: str) -> None:
        self.generation += 1
        if not query.strip():
            self.hits = []
            self.shown_generation = self.generation
            self.results.clear_options()
            self._show_mode()
            return
        self._search(query, self.fuzzy, self.generation)

    @work(exclusive=True, thread=True, group="search")
    def _search(self, query: str, fuzzy: bool, generation: int) -> None:
        worker = get_current_worker()
        try:
            hits = self.library.search(query, fuzzy=fuzzy, superseded=lambda: worker.is_cancelled)
            error = None
        except QueryError as exc:
            hits, error = [], str(exc)
        except sqlite3.OperationalError as exc:
            if "interrupt" in str(exc):
                return  # a newer query took over
            hits, error = [], f"search failed: {exc}"
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, query, fuzzy, generation, hits, error)

    def _show(
        self,
        query: str,
        fuzzy: bool,
        generation: int,
        hits: list[SearchHit],
        error: str | None,
    ) -> None:
        if generation != self.generation or not self.is_attached:
            return  # a newer query is on its way
        self.shown_generation = generation
        self.hits = hits
        self.query_text = query
        options: list[Option] = []
        for i, hit in enumerate(hits):
            options.append(Option(self.hit_text(hit), id=f"h{i}"))
        self.results.set_options(options)
        if hits:
            self.results.highlighted = 0
        if self.choose_when_ready:
            self.choose_when_ready = False
            if hits:
                self.dismiss((hits, 0, query))
                return
        if error:
            self._status(error)
        elif not hits:
            self._status(f"No statement matches {query!r}.")
        else:
            how = "closest first" if fuzzy else "best first"
            self._status(f"{plural(len(hits), 'statement')}, {how}. Enter opens; ↑/↓ move.")

    def hit_text(self, hit: SearchHit) -> Text:
        """The statement with its matched words highlighted, then where it is from."""
        meta_style = self.get_component_rich_style("search--meta", partial=True)
        match_style = self.get_component_rich_style("search--match", partial=True)
        body = Text(hit.text, end="")
        for start, end in hit.highlights:
            body.stylize(match_style, start, end)
        meta = Text(end="", no_wrap=True, overflow="ellipsis")
        meta.append(hit.source, meta_style + Style(bold=True))
        meta.append(f" · {(hit.date or 'undated')[:10]}", meta_style)
        if hit.speaker:
            meta.append(" · ", meta_style)
            meta.append(hit.speaker, self.get_component_rich_style("search--speaker", partial=True))
        meta.append(" · ", meta_style)
        meta.append(hit.title, meta_style)
        width = max(20, self.results.scrollable_content_region.width - 2)
        meta.truncate(width, overflow="ellipsis")
        return Text("\n", end="").join([body, meta])
