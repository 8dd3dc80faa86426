"""Search: word search (FTS5, ranked) and fuzzy quote search, results as you type.

Typing never waits for the database: each change starts a worker that
replaces the previous one (``exclusive=True``) and interrupts its query;
only the latest query's results are shown. Focus stays in the query box;
Up/Down move through the results (fzf-style) and Enter opens one.

A search looks within the list's filters (source, dates, speaker), which the box's
title names. A word search lists its first :data:`SEARCH_PAGE` hits and says how many
match in all; the next page is read (in a worker) as the cursor nears the end of
those listed, up to every hit the ranking reaches.
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
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from db.showable import Showable, showable
from tui.components.footer import FittingFooter
from tui.components.inputs import StillInput
from tui.components.library import (
    SEARCH_PAGE,
    SEARCH_WINDOW,
    ArticleFilter,
    Library,
    QueryError,
    SearchHit,
    SearchResults,
    operator_hint,
)
from tui.components.option_list import KeyedOptionList
from tui.keymap import bind
from tui.wording import plural, shown_date

WORDS_HINT = 'words (all must match), "a phrase", pre*, this OR that, -not'
FUZZY_HINT = "a half-remembered or misspelled quote, e.g. small contacts not full scale engagment"


# The next page is read when the cursor comes this close to the last hit listed.
READ_AHEAD_HITS = 10
MORE = "more"  # the id of the list's last line, when more hits can be read


class Results(KeyedOptionList):
    """The hits, best first."""


def scope_words(scope: ArticleFilter) -> str:
    """The filters a search looks within, in words ("" for none): the status line's
    words for them (source, dates, quoting)."""
    parts = []
    if scope.source:
        parts.append(f"source: {showable(scope.source)}")
    if scope.since or scope.until:
        parts.append(f"dates: {scope.since or '…'} – {scope.until or '…'}")
    if scope.speaker:
        parts.append(f"quoting: {showable(scope.speaker)}")
    return " · ".join(parts)


class SearchScreen(Screen[tuple[SearchResults, int] | None]):
    """Dismisses with (the results, chosen index), or None when closed."""

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

    def __init__(
        self,
        library: Library,
        *,
        fuzzy: bool = False,
        query: str = "",
        scope: ArticleFilter | None = None,
    ) -> None:
        super().__init__(id="search")
        self.library = library
        self.fuzzy = fuzzy
        self.initial_query = query
        self.scope = scope or ArticleFilter()
        self.results: SearchResults | None = None  # what the list shows
        self.reading_more = False  # a page past the hits listed is being read
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
    def result_list(self) -> Results:
        return self.query_one(Results)

    @property
    def hits(self) -> list[SearchHit]:
        """The hits listed, best first."""
        return self.results.hits if self.results is not None else []

    @property
    def query_text(self) -> str:
        """The query of the hits listed."""
        return self.results.query if self.results is not None else ""

    def on_mount(self) -> None:
        self._show_mode()
        self.input.focus()
        if self.initial_query:
            self.run_search(self.initial_query)

    def reset(self, *, fuzzy: bool, scope: ArticleFilter | None = None) -> None:
        """Ready the (reused) screen for a new search in ``fuzzy`` or word mode, within
        the list's filters ``scope``."""
        self.fuzzy = fuzzy
        self.scope = scope or ArticleFilter()
        self.choose_when_ready = False
        if not self.is_mounted:
            return
        self.input.value = ""
        self.generation += 1
        self.shown_generation = self.generation
        self.results = None
        self.result_list.clear_options()
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
        # The filters searched within, on the box's border (names are data: Content,
        # never markup); none: no title, every article is searched.
        within = scope_words(self.scope)
        title = Content(f"within the list's filters: {within}") if within else None
        box = self.query_one("#search-box")
        if str(box.border_title or "") != str(title or ""):
            box.border_title = title
        self._status("Type to search. Ctrl+T: " + ("word search" if self.fuzzy else "fuzzy quotes"))

    def _status(self, message: str) -> None:
        self.query_one("#search-status", Static).update(Text(message, end=""))

    def action_toggle_mode(self) -> None:
        self.fuzzy = not self.fuzzy
        self._show_mode()
        self.run_search(self.input.value)

    def action_close(self) -> None:
        """Esc: nothing opened, but a search made is kept for ``n``/``N`` (index -1:
        before its first hit), as a pager keeps its last search; one that found nothing
        too, so that ``n`` says so rather than "No search yet"."""
        current = self.shown_generation == self.generation
        if current and self.results is not None:
            self.dismiss((self.results, -1))
        else:
            self.dismiss(None)

    def action_move(self, step: int) -> None:
        results = self.result_list
        if step > 0:
            results.action_cursor_down()
        else:
            results.action_cursor_up()

    def action_page(self, step: int) -> None:
        if step > 0:
            self.result_list.action_page_down()
        else:
            self.result_list.action_page_up()

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    def action_open(self) -> None:
        self._choose(self.result_list.highlighted)

    @on(OptionList.OptionSelected, "#results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    def _choose(self, index: int | None) -> None:
        if self.shown_generation != self.generation:
            self.choose_when_ready = True  # Enter before the results came: take the best
            self._status("Searching…")
            return
        if self.results is None or index is None or not 0 <= index < len(self.hits):
            self.app.bell()
            return
        self.dismiss((self.results, index))

    # --- the search worker -------------------------------------------------------------

    def run_search(self, query: str) -> None:
        self.generation += 1
        self.workers.cancel_group(self, "search-more")
        self.reading_more = False
        if not query.strip():
            self.results = None
            self.shown_generation = self.generation
            self.result_list.clear_options()
            self._show_mode()
            return
        self._search(query, self.fuzzy, self.scope, self.generation)

    @work(exclusive=True, thread=True, group="search")
    def _search(self, query: str, fuzzy: bool, scope: ArticleFilter, generation: int) -> None:
        worker = get_current_worker()
        try:
            hits, total = self.library.search(
                query,
                fuzzy=fuzzy,
                scope=scope,
                counted=True,
                superseded=lambda: worker.is_cancelled,
            )
            error = None
        except QueryError as exc:
            hits, total, error = [], 0, str(exc)
        except sqlite3.OperationalError as exc:
            if "interrupt" in str(exc):
                return  # a newer query took over
            hits, total, error = [], 0, f"search failed: {exc}"
        if not worker.is_cancelled:
            results = SearchResults(query, fuzzy, scope, hits, total)
            if len(hits) < SEARCH_PAGE:
                results.exhausted = True
            self.app.call_from_thread(self._show, generation, results, error)

    def _show(self, generation: int, results: SearchResults, error: str | None) -> None:
        if generation != self.generation or not self.is_attached:
            return  # a newer query is on its way
        self.shown_generation = generation
        self.results = results
        hits = results.hits
        # The hits that fill the list's window are laid out and drawn first, the rest
        # after that frame (_show_rest): Textual measures every option it is given, and
        # 50 hits cost a key typed ~25 ms before anything changed on the screen.
        first = self._window_hits()
        options = [Option(self.hit_text(hit), id=f"h{i}") for i, hit in enumerate(hits[:first])]
        whole = first >= len(hits)
        self.result_list.set_options(options + (self._more_line(results) if whole else []))
        if not whole:
            self.call_after_refresh(self._show_rest, generation, results, first)
        if hits:
            self.result_list.highlighted = 0
        if self.choose_when_ready:
            self.choose_when_ready = False
            if hits:
                self.dismiss((results, 0))
                return
        if error:
            self._status(error)
        elif not hits:
            within = " within the filters (Esc, x clears them)" if self._scoped else ""
            self._status(f"No statement matches {results.query!r}{within}.{_hint(results)}")
        else:
            self._show_count()

    def _window_hits(self) -> int:
        """How many hits fill the list's window: each takes two lines at least (its text,
        where it is from)."""
        height = self.result_list.scrollable_content_region.height or self.size.height
        return max(4, height // 2 + 1)

    def _show_rest(self, generation: int, results: SearchResults, first: int) -> None:
        """The hits :meth:`_show` left for after its frame, and the list's last line."""
        if results is not self.results or generation != self.generation or not self.is_attached:
            return  # a newer query's results replaced them
        if self.result_list.option_count != first:
            return  # more were read meanwhile (_show_more adds only after these)
        rest = results.hits[first:]
        options = [Option(self.hit_text(hit), id=f"h{first + i}") for i, hit in enumerate(rest)]
        self.result_list.add_options(options + self._more_line(results))

    @property
    def _scoped(self) -> bool:
        return bool(scope_words(self.scope))

    def _show_count(self) -> None:
        """The status: how many hits are listed, of how many, and in what order."""
        results = self.results
        if results is None:
            return
        n, total = len(results.hits), results.total
        # Hits, but not for the operator the query seems to mean ("a NOT b").
        hint = _hint(results)
        if results.fuzzy:
            closest = f"The {n} closest statements" if n >= SEARCH_PAGE else None
            head = closest or f"{plural(n, 'statement')}, closest first"
            self._status(f"{head}. Enter opens; ↑/↓ move.")
        elif total is None or n >= total:
            self._status(f"{plural(n, 'statement')}, best first. Enter opens; ↑/↓ move.{hint}")
        elif results.more:
            ranked = f"; the newest {SEARCH_WINDOW:,} ranked" if total > SEARCH_WINDOW else ""
            self._status(f"{n:,} of {total:,} statements{ranked}, best first (↓ loads more).{hint}")
        else:  # every hit the ranking reaches is listed
            self._status(
                f"{n:,} of {total:,} statements: the best of the newest {SEARCH_WINDOW:,};"
                f" add a word to narrow.{hint}"
            )

    def _more_line(self, results: SearchResults) -> list[Option]:
        """The list's last line when it does not hold every match: how many more, and how
        to reach them."""
        if results.fuzzy or results.total is None or len(results.hits) >= results.total:
            return []
        if results.more:
            more = f"… {plural(results.more, 'more statement')}: ↓ reads them"
        else:
            rest = results.total - len(results.hits)
            more = f"… {rest:,} more match, past the newest {SEARCH_WINDOW:,}: add a word"
        return [Option(Text(more, style="dim italic", end=""), id=MORE, disabled=True)]

    # --- reading more hits as the cursor nears the end -------------------------------

    @on(OptionList.OptionHighlighted, "#results")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        results = self.results
        if results is None:
            return
        if event.option_index == len(results.hits) - 1 and results.more == 0:
            self.result_list.scroll_end(animate=False)  # the last line says why no more
        if not results.more or self.reading_more:
            return
        if self.shown_generation != self.generation:
            return  # a newer query is being searched: its results come first
        if event.option_index >= len(results.hits) - READ_AHEAD_HITS:
            self.reading_more = True
            self._search_more(results, len(results.hits), self.generation)

    @work(exclusive=True, thread=True, group="search-more")
    def _search_more(self, results: SearchResults, offset: int, generation: int) -> None:
        worker = get_current_worker()
        page = self.library.next_page(results, offset, lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_more, results, offset, generation, page)

    def _show_more(
        self, results: SearchResults, offset: int, generation: int, page: list[SearchHit]
    ) -> None:
        self.reading_more = False
        if results is not self.results or generation != self.generation or not self.is_attached:
            return
        if offset != len(results.hits):
            return
        new = results.add(page)
        result_list = self.result_list
        highlighted = result_list.highlighted
        if result_list.option_count > offset:  # the "more" line
            result_list.remove_option_at_index(offset)
        options = [Option(self.hit_text(hit), id=f"h{offset + i}") for i, hit in enumerate(new)]
        result_list.add_options(options + self._more_line(results))
        if highlighted is not None and highlighted < len(results.hits):
            result_list.highlighted = highlighted
        self._show_count()

    def hit_text(self, hit: SearchHit) -> Text:
        """The statement with its matched words highlighted, then where it is from."""
        meta_style = self.get_component_rich_style("search--meta", partial=True)
        match_style = self.get_component_rich_style("search--match", partial=True)
        safe = Showable(hit.text)  # the matched words' offsets move with the text shown
        body = Text(safe.text, end="")
        for start, end in hit.highlights:
            body.stylize(match_style, *safe.span(start, end))
        meta = Text(end="", no_wrap=True, overflow="ellipsis")
        meta.append(showable(hit.source), meta_style + Style(bold=True))
        meta.append(f" · {shown_date(hit.date)}", meta_style)
        if hit.speaker:
            meta.append(" · ", meta_style)
            meta.append(
                showable(hit.speaker),
                self.get_component_rich_style("search--speaker", partial=True),
            )
        meta.append(" · ", meta_style)
        # A headline found is its article's title: the line says so rather than repeat it
        # (as the claim panel does not say a matched headline again).
        meta.append("headline" if hit.kind == "headline" else showable(hit.title or ""), meta_style)
        width = max(20, self.result_list.scrollable_content_region.width - 2)
        meta.truncate(width, overflow="ellipsis")
        return Text("\n", end="").join([body, meta])


def _hint(results: SearchResults) -> str:
    """What the status adds for a query that writes an operator this query language
    reads as a plain word (db.search.operator_hint), as a sentence; "" if none."""
    hint = None if results.fuzzy else operator_hint(results.query)
    return f" {hint[0].upper()}{hint[1:]}." if hint else ""
