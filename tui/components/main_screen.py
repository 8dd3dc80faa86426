"""The browser's main screen: article list, article text and claim panel side by side.

Wide terminals (>= 140 columns) show the three panes in a row; medium ones
(>= 100) the list beside the text, with the claims under the text; narrow ones
(80x24 over SSH) show the list OR the text with the claims under it, switched
with Enter / Esc (or ``v``), so nothing is squeezed unreadably.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static
from textual.worker import get_current_worker

from db.showable import showable
from tui.components.article_list import ArticleList
from tui.components.claim_panel import FOLLOW_DELAY, READ_AHEAD_DELAY, ClaimPanel
from tui.components.footer import FittingFooter
from tui.components.kept_lines import looks_changing
from tui.components.library import (
    ClaimView,
    Library,
    ListState,
    SearchResults,
    keep_recent,
    read_article,
    read_claims,
)
from tui.components.messages import (
    ArticleHighlighted,
    ArticleRead,
    ArticleSelected,
    CountsRead,
    JumpToStatement,
    StatementChanged,
    StorySelected,
    read_and_post,
)
from tui.components.reader import Reader
from tui.components.status_line import StatusPart, fit_status, part
from tui.keymap import bind, effective_keys
from tui.wording import plural, status_statement

if TYPE_CHECKING:
    import sqlite_utils

    from tui.components.story_view import StoryScreen

NARROW = "-narrow"
# Narrower than this: the list OR the text (BREAKPOINTS' "-medium").
MEDIUM_WIDTH = 100
# Below this size one pane at a time: the claim panel takes the text's place (Tab, c).
SMALL = (60, 15)
# Below this nothing is legible: a notice says what size is needed.
TINY = (30, 8)
# How often the browser asks whether another process changed the database (one cheap
# PRAGMA), so new articles show within this time plus the time to read the list.
LIVE_POLL_SECONDS = 1.0
# "Jump to the newest" looks at this many of the newest articles for one the list shows.
NEWEST_LOOKUP = 500
# Article views kept (id -> view): the articles next to the cursor are read ahead, and
# going back to one shows it at once. Forgotten when the database changes.
VIEW_CACHE_SIZE = 32


class StatusBar(Static):
    """One line: what the list shows (filters, grouping) and where the cursor is."""

    def on_resize(self) -> None:
        self.screen.update_status()  # type: ignore[attr-defined]


# The screen's width classes (Textual's horizontal breakpoints): at least this wide.
BREAKPOINTS: list[tuple[int, str]] = [(0, NARROW), (MEDIUM_WIDTH, "-medium"), (140, "-wide")]


def size_classes(width: int, height: int) -> list[str]:
    """The screen's classes for a terminal of this size: its width's breakpoint, and
    "-small" / "-tiny" below those sizes (what ``on_resize`` and Textual set)."""
    wide = [name for least, name in sorted(BREAKPOINTS) if width >= least][-1:]
    small = ["-small"] if width < SMALL[0] or height < SMALL[1] else []
    tiny = ["-tiny"] if width < TINY[0] or height < TINY[1] else []
    return wide + small + tiny


class MainScreen(Screen, inherit_bindings=False):
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = BREAKPOINTS

    BINDINGS: ClassVar[list[BindingType]] = [
        bind("pane.next", "next_pane", show=False),
        bind("pane.previous", "previous_pane", show=False),
        bind("pane.back", "back"),
        bind("pane.toggle_view", "toggle_view", show=False),
        bind("pane.claims", "zoom_claims", show=False),
        # Keys that open a screen one types into are priority bindings: they act the
        # moment they are read, so the keys typed right after them go to the new screen.
        bind("app.search", "search", priority=True),
        bind("app.fuzzy_search", "fuzzy_search", priority=True),
        bind("app.next_hit", "next_hit", show=False),
        bind("app.previous_hit", "previous_hit", show=False),
        bind("app.filter_source", "filter_source", priority=True),
        bind("app.filter_date", "filter_date", show=False, priority=True),
        bind("app.filter_speaker", "filter_speaker", show=False, priority=True),
        bind("app.clear_filters", "clear_filters", show=False),
        bind("app.toggle_stories", "toggle_stories", show=False),
        bind("app.newest", "newest", show=False),
        bind("story.open", "open_story"),
        bind("story.conflicts", "open_story(True)", show=False),
        # The text's own ] and [ act where it has the keys; these, where it has not.
        bind("reader.next_matched", "matched(1)", show=False),
        bind("reader.previous_matched", "matched(-1)", show=False),
        bind("app.help", "help"),
        bind("app.quit", "app.quit"),
    ]

    # Textual's Screen repaints the whole screen whenever the focus moves (its ``focused``
    # reactive repaints): 30-60 ms of CPU per Tab or c at 160x48. The widgets gaining and
    # losing focus are restyled and repaint themselves (their borders); nothing else
    # changes.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self, library: Library, size: tuple[int, int] | None = None) -> None:
        # The size's classes from the start (the terminal's ``size``, known when the app
        # mounts): set on the first resize instead, they restyle every widget of the
        # screen once more before the first frame (~40 ms at 160x48).
        super().__init__(id="main", classes=" ".join(size_classes(*size)) if size else None)
        self.library = library
        self.state = ListState()
        self.back_stack: list[tuple[int, int]] = []  # (article id, statement seq)
        self.view = "list"  # in narrow layouts: "list" or "reader"
        self.zoomed = False  # the claim panel alone, full height (c)
        self.hits: list[Any] = []  # the search's hits read so far (hit_results.hits)
        self.hit_results: SearchResults | None = None
        self.hit_index = -1
        self.hit_query = ""
        self._story_screen: StoryScreen | None = None  # `o`'s screen, kept once built
        self.counts: tuple[int, int] | None = (0, 0)  # articles, stories; None: counting
        # Live updates: the database's data_version when last looked at, the newest
        # article id when the reader last caught up, and how many came after it.
        self.seen_version = 0
        self.caught_up_id = 0
        self.new_articles = 0
        self._views: OrderedDict[int, dict[str, Any] | None] = OrderedDict()
        # The pane that had the keys when the terminal became too small (on_resize).
        self._focus_before_tiny: Widget | None = None

    def compose(self) -> ComposeResult:
        yield StatusBar(Text(""), id="status", markup=False)
        with Horizontal(id="panes"):
            yield ArticleList(self.library, id="articles")
            with Vertical(id="right"):
                yield Reader(id="reader")
                yield ClaimPanel(self.library, id="claims")
        yield Static(Text(""), id="too-small", markup=False)
        yield FittingFooter()

    @property
    def articles(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reader(self) -> Reader:
        return self.query_one(Reader)

    @property
    def claims(self) -> ClaimPanel:
        return self.query_one(ClaimPanel)

    @property
    def narrow(self) -> bool:
        """The list OR the text (the stylesheet's "-narrow"). Read from the width, not the
        class: this screen's resize handler runs before Textual sets the class."""
        return self.size.width < MEDIUM_WIDTH

    @property
    def text_shown(self) -> bool:
        """The text (or the claim panel in its place) is on screen: not the list alone."""
        return not self.narrow or self.view == "reader"

    @property
    def small(self) -> bool:
        """One pane at a time: the text or the claims, never both (short terminals)."""
        return self.has_class("-small")

    def on_mount(self) -> None:
        self.articles.border_title = "Articles"
        self.reader.border_title = "Text"
        self.claims.border_title = "Claims"
        self.state = ListState(by_story=self.library.has_stories())
        self._set_view("list")
        self.articles.load(self.state)
        self._show_first()
        self._count(later=True)
        self.articles.focus()
        self.update_status()
        self.seen_version = self.library.data_version()
        self.caught_up_id = self.library.newest_article_id()
        self.set_interval(LIVE_POLL_SECONDS, self.check_for_new_articles)

    def _show_first(self) -> None:
        """The first article and its first statement's claims, read at once (~10 ms): the
        first frame shows all three panes. Read in workers, they came one layout and one
        redraw of the screen later (a quarter of the first screen at 160x48)."""
        listed = self.articles.current
        if listed is None:
            return
        self.reader.show(self._view(listed["id"]))
        self.claims.show(self.reader.article, self.reader.current)
        self._read_neighbours()

    # --- layout -------------------------------------------------------------------

    def _set_view(self, view: str) -> None:
        changed = view != self.view
        self.view = view
        self._arrange()
        if changed:  # the status line names the statement only while the text shows
            self.update_status()

    def _arrange(self) -> None:
        """Show the panes that the size, the view and the zoom call for.

        Set on the panes themselves rather than by classes on the screen: a screen class
        makes Textual restyle every widget on it (20-40 ms per switch at 80x24, most of a
        Tab), where a pane's ``display`` only lays the panes out again.
        """
        narrow = self.narrow
        # Shown, hidden, resized: the panes' lines drawn before are kept (kept_lines).
        with looks_changing(self.articles, self.reader, self.claims):
            _show(self.articles, not (narrow and (self.view == "reader" or self.zoomed)))
            _show(self.query_one("#right"), not narrow or self.view == "reader")
            _show(self.reader, not self.zoomed)
            _show(self.claims, self.zoomed or not self.small)
            _fill(self.claims, self.zoomed)

    def on_resize(self) -> None:
        width, height = self.size
        self.set_class(width < SMALL[0] or height < SMALL[1], "-small")
        tiny = width < TINY[0] or height < TINY[1]
        was_tiny = self.has_class("-tiny")
        if tiny and not was_tiny:
            # The notice hides the panes and Textual drops the focus with them: the pane
            # that had it gets it back when the terminal grows again.
            self._focus_before_tiny = self.focused
        self.set_class(tiny, "-tiny")
        if tiny:
            self.query_one("#too-small", Static).update(
                Text(f"terminal too small ({width}×{height}), need {TINY[0]}×{TINY[1]}")
            )
        elif was_tiny:
            self._restore_focus()
        # The palette's key sits on the footer's right: in a narrow footer it lands on the
        # other keys' labels (Ctrl+P still works; it is in the help).
        self.query_one(FittingFooter).show_command_palette = width >= SMALL[0]
        # Shrunk while reading the claims: they stay, in the text's place.
        self._zoom(self.zoomed or (self.small and self.focused is self.claims.match_list))

    def _restore_focus(self) -> None:
        """Give the keys back to the pane that had them before the terminal became too
        small (or, when none had them or it is no longer shown, to the view's pane)."""
        widget, self._focus_before_tiny = self._focus_before_tiny, None
        if widget is None or widget not in self._panes():
            widget = self.articles if self.view == "list" else self.reader
        self._focus(widget)

    def _zoom(self, on: bool) -> None:
        """The claim panel alone, full height (on), or back under the text (off)."""
        self.zoomed = on
        self._arrange()
        keys = effective_keys("pane.claims", getattr(self.app, "keymap_overrides", {}))
        key = self.app.get_key_display(Binding(keys.split(",")[0], "noop"))
        hint = f"{key}: {'back' if on else 'alone'}"
        if str(self.claims.border_subtitle or "") != hint:  # setting it repaints the pane
            with looks_changing(self.claims):
                self.claims.border_subtitle = Content(hint)

    def _focus(self, widget: Widget) -> None:
        """Give ``widget`` the keys now, with the footer's keys in the same frame.

        ``Widget.focus`` repaints the widget (ours draw alike focused or not: a pane's
        border shows the focus, see focus_border) and moves the focus after the frame;
        Textual then relabels the footer after the frame after that, and a key of another
        width lays the whole screen out once more and draws one more frame (c at 160x48:
        two layouts and three frames for one change)."""
        self.set_focus(widget)
        self.refresh_bindings()

    def action_zoom_claims(self) -> None:
        if self.zoomed:
            self._zoom(False)
            self._set_view("reader")
            self._focus(self.reader)
            return
        self.claims.flush()
        self._zoom(True)
        self._set_view("reader")
        self._focus(self.claims.match_list)

    def _panes(self) -> list[Any]:
        panes: list[Any] = []
        if not self.narrow or self.view == "list":
            panes.append(self.articles)
        if not self.narrow or self.view == "reader":
            panes.append(self.reader)
            if self.claims.matches:
                panes.append(self.claims.match_list)
        return panes

    def _cycle(self, step: int) -> None:
        self.claims.flush()
        focused = self.focused
        if self.narrow or self.small:
            order: list[tuple[str, Any]] = [
                ("list", self.articles),
                ("reader", self.reader),
            ]
            if self.claims.matches or self.small:
                order.append(("claims", self.claims.match_list))
            at = next((i for i, (_, w) in enumerate(order) if w is focused), 0)
            view, widget = order[(at + step) % len(order)]
            # Short terminals show the claims in the text's place.
            self._zoom(view == "claims" and self.small)
            self._set_view("list" if view == "list" else "reader")
            self._focus(widget)
            return
        self._zoom(False)
        panes = self._panes()
        at = panes.index(focused) if focused in panes else -1
        self._focus(panes[(at + step) % len(panes)])

    def action_next_pane(self) -> None:
        self._cycle(1)

    def action_previous_pane(self) -> None:
        self._cycle(-1)

    def action_toggle_view(self) -> None:
        self._zoom(False)
        if self.view == "list":
            self._set_view("reader")
            self.reader.focus()
        else:
            self._set_view("list")
            self.articles.focus()

    def focus_claims(self) -> None:
        self.claims.flush()
        if self.claims.matches:
            if self.small:
                self._zoom(True)
            self.claims.match_list.focus()
        else:
            self.app.bell()

    def action_back(self) -> None:
        if self.zoomed:
            self.action_zoom_claims()
            return
        if self.back_stack:
            article_id, seq = self.back_stack.pop()
            self.open_article(article_id, seq, remember=False)
            return
        if self.narrow and self.view == "reader":
            self._set_view("list")
            self.articles.focus()
        elif self.focused is not self.articles:
            self.articles.focus()

    # --- opening articles ------------------------------------------------------------

    def open_article(
        self, article_id: int, seq: int | None = None, *, remember: bool = True
    ) -> bool:
        """Show an article in the reader with statement ``seq`` under the cursor."""
        self.workers.cancel_group(self, "preview")
        current = self.reader.article
        if remember and current is not None and self.reader.current is not None:
            here = (current["id"], self.reader.current["seq"])
            if not self.back_stack or self.back_stack[-1] != here:
                self.back_stack.append(here)
        if current is None or current["id"] != article_id:
            view = self._view(article_id)
            if view is None:
                self.notify(f"Article {article_id} is gone.", severity="warning")
                return False
            self.reader.show(view, seq)
        elif seq is not None:
            index = next((i for i, s in enumerate(self.reader.statements) if s["seq"] == seq), 0)
            self.reader.set_cursor(index, force=True)
        self.articles.move_to_article(article_id)
        self._zoom(False)
        self._set_view("reader")
        self.reader.focus()
        self.update_status()
        return True

    def action_matched(self, direction: int) -> None:
        """] / [ outside the text: on the list, open the article under the cursor at its
        first (]) or last ([) statement another source also reports; elsewhere (the claim
        panel), move the text on to the next or previous one. QA: at 80×24 ] on the list,
        where a new user starts, did nothing, though the help lists it."""
        if self.focused is not self.articles:
            self.reader.step_matched(direction)
            return
        current = self.articles.current
        if current is None or not self.open_article(current["id"], remember=False):
            return
        self.reader.matched_at_end(direction)

    # --- the article views: cached, read in worker threads ------------------------------

    def _remember(self, article_id: int, view: dict[str, Any] | None) -> None:
        keep_recent(self._views, article_id, view, VIEW_CACHE_SIZE)

    def _view(self, article_id: int) -> dict[str, Any] | None:
        """The article's view, read on the UI thread unless read already."""
        if article_id not in self._views:
            self._remember(article_id, self.library.article(article_id))
        return self._views[article_id]

    def forget_views(self) -> None:
        """The database changed: articles and claims are read again when next shown."""
        self._views.clear()
        self.claims.forget()

    @on(ArticleHighlighted)
    def _preview(self, event: ArticleHighlighted) -> None:
        current = self.reader.article
        if current is None or current["id"] != event.article_id:
            self.workers.cancel_group(self, "read-ahead")
            if event.article_id in self._views:
                self._show_soon(event.article_id)
            else:
                self._load_preview(event.article_id, self.claims.cached_ids())
        self.update_status()

    @work(exclusive=True, group="preview")
    async def _show_soon(self, article_id: int) -> None:
        """An article read already, shown after the list cursor's own frame; the next move
        cancels it (key repeat skips the articles passed over)."""
        await asyncio.sleep(FOLLOW_DELAY)
        self._show_preview(article_id)

    @work(exclusive=True, group="preview", thread=True)
    def _load_preview(self, article_id: int, known: frozenset[int]) -> None:
        """The highlighted article, and the claims of its first statement, read in a thread
        after the list cursor's own frame; the next move cancels it."""
        read = partial(_read, article_id, known)
        read_and_post(self, self.library, ArticleRead, [read], delay=FOLLOW_DELAY, show=True)

    @on(ArticleRead)
    def _article_read(self, event: ArticleRead) -> None:
        article_id, view, claims = event.payload
        self._remember(article_id, view)
        if claims is not None:
            self.claims.remember(claims)
        if event.wanted:
            self._show_preview(article_id)

    def _show_preview(self, article_id: int) -> None:
        """Show the highlighted article (read already) if the list cursor is still on it,
        then read the articles next to it ahead."""
        listed = self.articles.current
        current = self.reader.article
        if listed is None or listed["id"] != article_id:
            return
        if current is None or current["id"] != article_id:
            self.reader.show(self._views.get(article_id))
            self.update_status()
        self._read_neighbours()

    def _read_neighbours(self) -> None:
        """Read the articles next to the list cursor ahead, once the keys pause."""
        ahead = [r["id"] for r in self.articles.neighbours() if r["id"] not in self._views]
        if ahead:
            self._read_ahead(ahead, self.claims.cached_ids())

    @work(exclusive=True, group="read-ahead", thread=True)
    def _read_ahead(self, article_ids: list[int], known: frozenset[int]) -> None:
        reads = [partial(_read, article_id, known) for article_id in article_ids]
        read_and_post(self, self.library, ArticleRead, reads, delay=READ_AHEAD_DELAY)

    @on(ArticleSelected)
    def _open(self, event: ArticleSelected) -> None:
        current = self.reader.article
        if current is None or current["id"] != event.article_id or event.seq is not None:
            self.open_article(event.article_id, event.seq, remember=False)
        else:
            self._set_view("reader")
            self.reader.focus()

    @on(StorySelected)
    def _open_story_row(self, event: StorySelected) -> None:
        self.open_story(event.story_id)

    @on(StatementChanged)
    def _statement(self, event: StatementChanged) -> None:
        # The statements next to the cursor are read ahead while the text has the keys.
        ahead = self.reader.nearby() if self.focused is self.reader else []
        self.claims.show_later(event.article, event.statement, ahead)
        self.update_status()

    @on(JumpToStatement)
    def _jump(self, event: JumpToStatement) -> None:
        location = self.library.locate(event.statement_id)
        if location is None:
            self.notify("That statement is gone.", severity="warning")
            return
        self.open_article(*location)

    # --- status line ---------------------------------------------------------------

    def status_parts(self) -> list[StatusPart]:
        """What the status line says, each part with its priority (see status_line)."""
        filt = self.state.filter
        # The app's name stays while the filters can be shortened (a line that loses its
        # first word as a filter is set looks like another screen): dropped before the
        # statement's name is shortened, and before any part is dropped.
        parts = [part(88, "claimlens", "bold", short="")]
        if self.counts is None:
            parts.append(part(30, "counting articles…", short="…"))
        else:
            n, stories = self.counts
            articles = plural(n, "article")
            # ", 309 stories", not " in 309 stories": most articles may be in none
            # (BASIL + BBC: 797 of 2,527 are in one).
            of_stories = f", {plural(stories, 'story')}"
            full = articles + (of_stories if self.state.by_story else "")
            parts.append(part(30, full, short=articles))
        if filt.source:
            source = showable(filt.source)
            parts.append(part(85, f"source: {source}", "bold", short=source))
        if filt.since or filt.until:
            dates = f"{filt.since or '…'} – {filt.until or '…'}"
            parts.append(part(70, f"dates: {dates}", short=dates.replace(" – ", "–")))
        if filt.speaker:
            speaker = showable(filt.speaker)
            parts.append(part(80, f"quoting: {speaker}", "bold", short=speaker))
        reader = self.reader
        listed = self.articles.current
        heading = self.articles.row(self.articles.cursor)
        if heading is not None and heading["kind"] == "story":
            # A story's heading has the cursor (Enter or o opens it): the line names the
            # story, as `claimlens stories --id N` does, not the first article under it,
            # whose text the pane shows.
            parts.append(part(90, f"story {heading['id']}"))
            counts = f"{plural(heading['n_articles'], 'article')} from "
            parts.append(part(20, counts + plural(heading["n_sources"], "source"), short=""))
        elif not self.text_shown:
            # The list alone (narrow): the statement the text had would be stale (the
            # article read last); the article under the list's cursor, named as the CLI
            # names it (`claimlens show N`), instead.
            if listed is not None:
                parts.append(part(20, f"article {listed['id']}"))
        elif reader.article is not None and reader.statements:
            # The statement in words, numbered as `claimlens show 2` numbers it (from
            # 0): the CLI's bare `article 2 · 7 (0–21)` read as code here. The article's
            # numbers apart, given up before the app's name when the line is short.
            name = status_statement(reader.article["id"], reader.current["seq"])
            last = reader.statements[-1]["seq"]
            short = name.replace("article ", "art. ", 1).replace("statement ", "st. ", 1)
            if listed is None or listed["id"] != reader.article["id"]:
                # a jump or a search hit opened an article the filters hide
                name, short = f"{name}, not in the list", f"{short} (filtered)"
            parts.append(part(90, name, short=short))
            parts.append(part(86, f"(0–{last})", short=""))
        if self.back_stack:
            parts.append(part(40, f"↩ {len(self.back_stack)}"))
        if self.hits and self.on_hit():  # only while the cursor is on the hit
            # of every hit n can reach (the pages not read yet too)
            reachable = self.hit_results.reachable if self.hit_results else len(self.hits)
            parts.append(part(50, f"hit {self.hit_index + 1}/{reachable:,}"))
        if self.new_articles:
            parts.append(part(60, f"{self.new_articles:,} new", "bold"))
        return parts

    def update_status(self) -> None:
        status = self.query_one(StatusBar)
        width = status.content_region.width or self.app.size.width - 2
        text = fit_status(self.status_parts(), width)
        reader = self.reader
        status.update(text, layout=False)  # one line, always
        # Titles set only when they change: setting one repaints the whole pane.
        title = "Stories" if self.state.by_story else "Articles"
        if self.counts is not None:
            n, stories = self.counts
            title += f" ({stories:,})" if self.state.by_story else f" ({n:,})"
        _title(self.articles, title)
        _title(self.reader, "Text")
        # Content, not a str: a str title would be parsed as markup.
        source = showable(reader.article["source"] or "") if reader.article is not None else ""
        if str(self.reader.border_subtitle or "") != source:
            self.reader.border_subtitle = Content(source)

    # --- list state ------------------------------------------------------------------

    def reload_list(self, state: ListState) -> None:
        self.state = state
        current = self.reader.article
        self.articles.load(state, article_id=current["id"] if current else None)
        if self.articles.current is None:  # nothing listed: nothing to read either
            self.reader.show(None)
            self.claims.show(None, None)
        self._count()
        self.update_status()

    def _count(self, *, later: bool = False) -> None:
        """(articles, stories) the list shows: counted once per filter, not per key.

        A grouped list counts its articles again ungrouped (a second count of every row,
        ~75 ms at 100 k articles): ``later`` (the first screen) does it in a worker, and
        the status line says "counting" until it is done."""
        self.workers.cancel_group(self, "count")
        total = self.articles.total
        if not self.state.by_story:
            self.counts = (total, 0)
        elif later:
            self.counts = None
            self._count_in_worker(self.state, total)
        else:
            self.counts = _article_counts(self.library, self.state, total)

    @work(exclusive=True, group="count", thread=True)
    def _count_in_worker(self, state: ListState, total: int) -> None:
        def read(db: sqlite_utils.Database) -> tuple[ListState, tuple[int, int]]:
            return state, _article_counts(self.library, state, total, db)

        read_and_post(self, self.library, CountsRead, [read], show=True)

    @on(CountsRead)
    def _counted(self, event: CountsRead) -> None:
        state, counts = event.payload
        if event.wanted and state == self.state:
            self.counts = counts
            self.update_status()

    def action_filter_source(self) -> None:
        from tui.components.filter_screens import SourceFilterScreen

        def done(source: str | None) -> None:
            if source is not None:
                self.reload_list(self.state.with_filter(source=source or None))

        self.app.push_screen(
            SourceFilterScreen(self.library.sources(), self.state.filter.source), done
        )

    def action_filter_date(self) -> None:
        from tui.components.filter_screens import DateFilterScreen

        def done(dates: tuple[str | None, str | None] | None) -> None:
            if dates is not None:
                self.reload_list(self.state.with_filter(since=dates[0], until=dates[1]))

        filt = self.state.filter
        self.app.push_screen(DateFilterScreen(filt.since, filt.until), done)

    def action_filter_speaker(self) -> None:
        from tui.components.speaker_filter import SpeakerFilterScreen

        def done(speaker: str | None) -> None:
            if speaker is not None:
                self.reload_list(self.state.with_filter(speaker=speaker or None))

        screen = SpeakerFilterScreen(self.library, self.state, self.state.filter.speaker)
        self.app.push_screen(screen, done)

    def action_clear_filters(self) -> None:
        cleared = ListState(by_story=self.state.by_story)
        if self.state.filter == cleared.filter:  # x did nothing, and said nothing
            self.notify("No source, date or speaker filter to clear.", timeout=2)
            return
        self.reload_list(cleared)

    def action_toggle_stories(self) -> None:
        if not self.state.by_story and not self.library.has_stories():
            self.notify("No stories yet: nothing to group by.", timeout=3)
            return
        self.reload_list(replace(self.state, by_story=not self.state.by_story))

    def set_source(self, source: str | None) -> None:
        self.reload_list(self.state.with_filter(source=source))

    # --- search ------------------------------------------------------------------------

    def action_search(self, fuzzy: bool = False) -> None:
        """Search statements within the list's filters (what the list shows)."""
        from tui.components.search_screen import SearchScreen

        def done(result: tuple[SearchResults, int] | None) -> None:
            if result is None:
                return
            self.workers.cancel_group(self, "hits")
            self.hit_results, self.hit_index = result
            self.hits, self.hit_query = self.hit_results.hits, self.hit_results.query
            if self.hit_index < 0:  # closed with Esc: kept for n, nothing opened
                if self.hits:
                    message = f"n: the first hit of {self.hit_query!r}."
                    self.notify(message, timeout=2, markup=False)
                return
            self._open_hit()

        # One search screen, kept installed: opening it again costs nothing to build.
        scope = self.state.filter
        if not self.app.is_screen_installed("search"):
            screen = SearchScreen(self.library, fuzzy=fuzzy, scope=scope)
            self.app.install_screen(screen, name="search")
        screen = self.app.get_screen("search")
        assert isinstance(screen, SearchScreen)
        screen.reset(fuzzy=fuzzy, scope=scope)
        self.app.push_screen("search", done)

    def action_fuzzy_search(self) -> None:
        self.action_search(fuzzy=True)

    def _open_hit(self, *, remember: bool = True) -> None:
        hit = self.hits[self.hit_index]
        self.open_article(hit.article_id, hit.seq, remember=remember)

    def on_hit(self) -> bool:
        """Whether the reader's cursor is on the search hit last opened."""
        if not 0 <= self.hit_index < len(self.hits) or self.reader.current is None:
            return False
        return self.reader.current["id"] == self.hits[self.hit_index].statement_id

    def _step_hit(self, step: int) -> None:
        if not self.hits:
            if self.hit_query:  # the last search found nothing (QA: "No search yet")
                message = f"No statement matches {self.hit_query!r}: press / to search again."
                self.notify(message, timeout=3, markup=False)
            else:
                self.notify("No search yet: press / to search.", timeout=3)
            return
        index = self.hit_index + step
        # Stepping through the hits is one place in the jump-back history: the place
        # before the first hit (a step is remembered only from somewhere else).
        remember = not self.on_hit()
        results = self.hit_results
        if index == len(self.hits) and results is not None and results.more:
            self._read_more_hits(results, len(results.hits), index, remember)
            return
        if not 0 <= index < len(self.hits):
            self.app.bell()
            self.notify(f"No {'more' if step > 0 else 'earlier'} hits.", timeout=2)
            return
        self.hit_index = index
        self._open_hit(remember=remember)

    @work(exclusive=True, group="hits", thread=True)
    def _read_more_hits(
        self, results: SearchResults, offset: int, index: int, remember: bool
    ) -> None:
        """n past the hits read: the next page of the search (in a thread), then the hit."""
        worker = get_current_worker()
        page = self.library.next_page(results, offset, lambda: worker.is_cancelled)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._more_hits_read, results, offset, page, index, remember)

    def _more_hits_read(
        self,
        results: SearchResults,
        offset: int,
        page: list[Any],
        index: int,
        remember: bool,
    ) -> None:
        if results is not self.hit_results or offset != len(results.hits):
            return  # another search since, or read already
        results.add(page)
        if index < len(self.hits):
            self.hit_index = index
            self._open_hit(remember=remember)
        else:
            self.app.bell()
            self.notify("No more hits.", timeout=2)

    def action_next_hit(self) -> None:
        self._step_hit(1)

    def action_previous_hit(self) -> None:
        self._step_hit(-1)

    # --- live updates ----------------------------------------------------------------

    def check_for_new_articles(self) -> None:
        """When another process committed (an ingest, ``claimlens follow``), read the list
        again with the cursor on the same article, and say how many articles are new."""
        version = self.library.data_version()
        if version == self.seen_version:
            return
        self.seen_version = version
        self.forget_views()
        self.articles.reload_in_place()
        self._count()
        self._refresh_reader()
        new = self.library.count_added_after(self.caught_up_id)
        if new > self.new_articles:
            overrides = getattr(self.app, "keymap_overrides", {})
            key = effective_keys("app.newest", overrides).split(",")[0]
            self.notify(
                f"{plural(new, 'new article')}: press {key} for the newest",
                timeout=4,
                markup=False,
            )
        self.new_articles = new
        self.update_status()

    def _refresh_reader(self) -> None:
        """The reader's article was replaced (a changed feed entry) or newly matched:
        show it again, at the same statement number; else its claims are read again."""
        shown = self.reader.view
        if shown is None:
            return
        view = self._view(shown["article"]["id"])
        if view is None or _same_view(view, shown):
            self.claims.read_again()  # what the other sources say may have changed
            return
        current = self.reader.current
        self.reader.show(view, current["seq"] if current else None)

    def action_newest(self) -> None:
        """Put the cursor on the newest article the list shows: after "N new", the newest
        of those new articles (added since the count began) that the list shows, never an
        older one; with nothing new, the newest listed."""
        new = self.library.count_added_after(self.caught_up_id)
        after = self.caught_up_id if new else 0
        for article_id in self.library.added_after(after, NEWEST_LOOKUP):
            if self.library.position(self.state, article_id) is not None:
                self.caught_up_id = self.library.newest_article_id()
                self.new_articles = 0
                self.articles.move_to_article(article_id)
                self.post_message(ArticleHighlighted(article_id))
                self.articles.focus()
                if self.narrow:
                    self._set_view("list")
                self.update_status()
                return
        if new:
            hidden = "The new article is" if new == 1 else f"The {new:,} new articles are"
            self.notify(f"{hidden} hidden by the filters (x clears them).", timeout=3)
        else:
            self.notify("The newest articles are hidden by the filters (x clears them).", timeout=3)

    def action_open_story(self, at_conflicts: bool = False) -> None:
        """The story of the row under the cursor (a story's heading or an article)."""
        from db.story_reads import article_story

        row = self.articles.row(self.articles.cursor)
        if row is None:
            return
        story = row["id"] if row["kind"] == "story" else article_story(self.library.db, row["id"])
        if story is None:
            self.notify("This article is in no story.", timeout=3)
            return
        self.open_story(story, at_conflicts=at_conflicts)

    def open_story(self, story_id: int, *, at_conflicts: bool = False) -> None:
        """The story view of ``story_id`` (in place of one open already); an article
        chosen there opens in the text, a side of a conflict (its statement) in its
        article, each as a jump (Back returns)."""
        from tui.components.story_view import Chosen, StoryScreen

        def done(chosen: Chosen | None) -> None:
            if chosen is None:
                return
            if chosen.statement_id is not None:
                self.post_message(JumpToStatement(chosen.statement_id))
            elif chosen.article_id is not None:
                self.open_article(chosen.article_id)

        story = self._story_screen
        if story is not None and self.app.screen is story:  # in place of the one open
            story.refill(story_id, at_conflicts=at_conflicts)
            return
        if isinstance(self.app.screen, StoryScreen):
            self.app.pop_screen()
        if story is None:
            # One story screen, kept installed and filled again per story (a new screen's
            # compose, styles and first layout were most of `o`'s time).
            story = self._story_screen = StoryScreen(
                self.library, story_id, at_conflicts=at_conflicts
            )
            self.app.install_screen(story, f"claimlens-story-{id(self)}")
        else:
            story.refill(story_id, at_conflicts=at_conflicts)
        self.app.push_screen(story, done)

    def action_help(self) -> None:
        from tui.components.help_screen import HelpScreen

        self.app.push_screen(HelpScreen())


def _title(widget: Any, title: str) -> None:
    if widget.border_title != title:
        widget.border_title = title


def _show(widget: Any, on: bool) -> None:
    if widget.display != on:
        widget.display = on


# The claim panel alone ("c", or one pane at a time): it fills the text's place.
_FILL = {"height": "1fr", "width": "1fr", "min_height": 0}


def _fill(widget: Any, on: bool) -> None:
    """Make ``widget`` fill its container (inline styles over the stylesheet's), or not."""
    styles = widget.styles
    if on and styles.inline.height is None:
        for rule, value in _FILL.items():
            setattr(styles, rule, value)
    elif not on and styles.inline.height is not None:
        for rule in _FILL:
            styles.clear_rule(rule)
        widget.refresh(layout=True)


def _article_counts(
    library: Library, state: ListState, total: int, db: sqlite_utils.Database | None = None
) -> tuple[int, int]:
    """(articles, stories) in a grouped list of ``total`` rows (a row per story heading)."""
    n = library.count_rows(replace(state, by_story=False), db)
    return n, total - n


def _read(
    article_id: int, known: frozenset[int], db: sqlite_utils.Database
) -> tuple[int, dict[str, Any] | None, ClaimView | None]:
    """(In a worker thread) the article's view, and its first statement's claims unless
    ``known`` (the statements whose claims the panel holds, taken on the UI thread)."""
    view = read_article(db, article_id)
    first = view["statements"][0] if view and view["statements"] else None
    claims = read_claims(db, first) if first is not None and first["id"] not in known else None
    return article_id, view, claims


def _same_view(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The same text with the same statement statuses (what the reader draws)."""
    return a["article"].get("ingested_at") == b["article"].get("ingested_at") and [
        s.get("status") for s in a["statements"]
    ] == [s.get("status") for s in b["statements"]]
