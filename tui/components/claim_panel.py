"""The claim panel: what other sources say about the statement under the reader's cursor."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar, Self

from rich.style import Style
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.cache import LRUCache
from textual.containers import Vertical
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets._option_list import OptionListContent
from textual.widgets.option_list import Option

from db.dates import earliest_first
from db.match_reads import counted
from db.showable import showable
from tui.components.diffing import differing_spans, find_spans
from tui.components.focus_border import quiet_focus, show_focus
from tui.components.kept_lines import KeptLines
from tui.components.library import (
    EVIDENCE_FIRST,
    ClaimView,
    Library,
    apart_matches,
    claim_matches,
    keep_recent,
    read_claims,
)
from tui.components.messages import ClaimsRead, JumpToStatement, read_and_post
from tui.components.option_list import KeyedOptionList
from tui.components.scrollbars import update_scrollbars
from tui.wording import (
    diff_values,
    first_seen,
    plural,
    short_title,
    shown_date,
    statement_name,
    why_matched,
)

if TYPE_CHECKING:
    import sqlite_utils

HEADER_LINES = 3
# A list or statement move draws the cursor at once; the article text and the claim panel
# follow this much later (s), in a worker the next move cancels: holding j skips the
# articles passed over instead of loading each one before the next key is read.
FOLLOW_DELAY = 0.012
# Claim views kept (statement id -> ClaimView): going back to a statement, or reaching one
# read ahead, shows its claims at once. Forgotten when the database changes.
CACHE_SIZE = 256
# Read ahead (the statements around the cursor) only once the keys have paused this long
# (s): after the frame that shows what the key asked for (a thread reading meanwhile
# would slow that frame down: it holds the GIL while it tokenizes).
READ_AHEAD_DELAY = 0.1
RELATION_LABEL = {"same": "SAME", "conflict": "CONFLICT", "related": "RELATED"}
STATUS_LABEL = {
    "corroborated": "corroborated by other sources",
    "conflict": "in conflict: a number differs",
    "related": "others report this event, not this claim",
    "unique": "unique to this source",
}
# Heads the matches that tell the same event but make another claim ('related'):
# they are listed after the claim's own matches and never count as corroboration.
RELATED_HEADING = "also on this event"
# Heads the same/conflict matches with a statement of another claim (or of none: this
# one was kept out of that claim): listed after the claim's own, never counted, so the
# panel's count is its claim's (the story view's, `claims --id`).
APART_HEADING = "said alike, in another claim"
# The options that head a group of matches (never highlighted).
HEADINGS = ("apart", "related")
# Matches laid out when a statement's claims are drawn, and laid out more at a time as the
# reader pages or scrolls towards the end of those: laying out every match of a statement
# with 255 took ~200 ms at 80x24 (each match's text wrapped and measured). Those read with
# their evidence (library.EVIDENCE_FIRST); a pane shows fewer (a match takes 3+ lines).
MATCHES_FIRST = EVIDENCE_FIRST
MATCHES_PAGE = EVIDENCE_FIRST


def _read(
    article: dict[str, Any] | None,
    statement: dict[str, Any],
    ahead: list[dict[str, Any]],
    db: sqlite_utils.Database,
) -> tuple[dict[str, Any] | None, dict[str, Any], ClaimView, list[dict[str, Any]]]:
    """(In a worker thread) the statement's claims, with what ``_arrived`` needs to show
    them: the article, the statement, and the statements to read ahead once shown."""
    return article, statement, read_claims(db, statement), ahead


def _size_laid_out(widget: Widget, size: Size, virtual: Size, container: Size) -> bool:
    """A widget's new size from a layout, without asking for another: Textual gives a
    widget its region's size as its virtual size, and a widget whose virtual size changes
    asks for a second layout of the screen and repaints in the frame after (c laid the
    screen out twice and drew the panel twice). A widget whose size the layout sets (the
    panel, its header) has nothing to lay out again; the layout repaints its new size."""
    return Widget._size_updated(widget, size, virtual, container, layout=False)


class ClaimHeader(Static):
    """The panel's three header lines (:data:`HEADER_LINES`)."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return _size_laid_out(self, size, virtual_size, container_size)


class MatchList(KeyedOptionList):
    """The matching statements; Enter jumps to one.

    A match can be taller than the pane (80x24 leaves it a few rows): the keys read
    it to its end first, like ``less``: down/space scroll through the highlighted
    match, and only at its end move to the next one (up/b likewise backwards). While
    the highlighted match's first line (its source, date, score and relation) is
    scrolled above the pane, that line stays on the pane's top row over the line
    scrolled under it (:meth:`sticky_line`): what a match says is never shown without
    who said it.

    New options change the list's virtual size, which Textual treats as a layout change
    of the whole screen (tens of ms after every statement move). The list's own size is
    set by the panel, so only its scrollbar coming or going needs a layout.
    """

    _no_layout = False
    _lines_width = -1  # the width the options were measured and drawn at
    # Lays out more matches, if any are left (the panel's :meth:`ClaimPanel.lay_out_more`;
    # with None, all of them): returns whether it added any.
    more: Callable[[int | None], bool] = staticmethod(lambda _count: False)

    def __init__(self, *, id: str | None = None) -> None:
        # The same options measured and drawn at other widths (c and back: the panel
        # alone is wider), kept until the options change (set first: OptionList's
        # __init__ adds options).
        self._by_width: dict[int, tuple[LRUCache[Any, list[Strip]], Any]] = {}
        self.kept_lines = KeptLines()  # set first: Widget's __init__ repaints
        super().__init__(id=id)

    def render_lines(self, crop: Region) -> list[Strip]:
        # Laid out at a new width (c; a resize): measure and draw the options now, or take
        # them as drawn at that width before. Textual clears its caches on the Resize event
        # that follows this frame, which draws the options as wrapped at the old width
        # first, then every line a second time.
        width = self.scrollable_content_region.width
        if width != self._lines_width:
            if self._lines_width >= 0:
                self._by_width[self._lines_width] = (self._option_render_cache, self._line_cache)
            kept = self._by_width.pop(width, None)
            if kept is None:
                kept = (LRUCache(self._option_render_cache.maxsize), type(self._line_cache)())
            self._option_render_cache, self._line_cache = kept
            self._lines_width = width
        return super().render_lines(crop)

    # Any change of the options forgets what was drawn at other widths.
    def clear_options(self) -> Self:
        self._by_width.clear()
        return super().clear_options()

    def add_options(self, new_options: Iterable[OptionListContent]) -> Self:
        self._by_width.clear()
        return super().add_options(new_options)

    def _clear_caches(self) -> None:
        self._by_width.clear()
        super()._clear_caches()

    def _on_resize(self, event: events.Resize) -> None:
        event.prevent_default()  # not OptionList's: the caches are cleared when drawn
        if self.scrollable_content_region.width != self._lines_width:
            self.refresh()
        self.check_more()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self.check_more()

    def check_more(self) -> None:
        """Lay out more matches while those laid out end less than a pane below the
        pane's last line: what the pane shows, and the next page, are as if every match
        were laid out."""
        region = self.scrollable_content_region
        if region.height <= 0 or region.width <= 0:
            return  # not laid out (hidden): nothing is measured yet
        while self.virtual_size.height < int(self.scroll_y) + 2 * region.height:
            if not self.more(MATCHES_PAGE):
                return

    # The lines as styled (padding, background) at each width the list had (c and back),
    # kept while nothing else is drawn differently (kept_lines).
    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        def lay_out() -> bool:
            return super(MatchList, self)._size_updated(size, virtual_size, container_size, layout)

        return self.kept_lines.resized(self, size, lay_out)

    def _set_dirty(self, *regions: Region) -> None:
        self.kept_lines.dirtied(regions)
        super()._set_dirty(*regions)

    # Widget's focus handlers, without their repaint of every line (drawn alike focused
    # or not: the panel's border shows the focus); the lines kept at other sizes stay.
    def _on_focus(self, event: events.Focus) -> None:
        quiet_focus(self, event)

    def _on_blur(self, event: events.Blur) -> None:
        quiet_focus(self, event)

    def watch_has_focus(self, focused: bool) -> None:
        # Drawn alike focused or not (app.tcss; the panel's border shows the focus):
        # Textual's restyle of the list and its scrollbar on every focus change would
        # draw every line again (6-12 ms at 160x48) for no change.
        pass

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        if self._no_layout and layout and not regions:
            # The virtual size set while the lines are drawn (_update_lines): they are
            # being drawn now, and the list's size is the panel's.
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def _update_lines(self) -> None:
        scrollbar = self.show_vertical_scrollbar
        self._no_layout = True
        try:
            super()._update_lines()
        finally:
            self._no_layout = False
        if self.show_vertical_scrollbar != scrollbar:
            self.refresh(layout=True)

    def _scroll_update(self, virtual_size: Size) -> None:
        update_scrollbars(self, virtual_size)  # repainted only when they change

    def _highlighted_lines(self) -> tuple[int, int] | None:
        """First line and the line after the last of the highlighted match."""
        index = self.highlighted
        if index is None or index not in self._index_to_line:
            return None
        first = self._index_to_line[index]
        return first, first + self._heights[index]

    def sticky_line(self) -> int | None:
        """The highlighted match's first line, drawn on the pane's top row, when it is
        scrolled above the pane while the match's other lines show below that row."""
        span = self._highlighted_lines()
        if span is None or self.scrollable_content_region.height < 2:
            return None
        first, end = span
        top = int(self.scroll_offset.y)
        return first if first < top and top + 1 < end else None

    def scroll_to_highlight(self, top: bool = False) -> None:
        super().scroll_to_highlight(top)
        self._show_heading_above()

    def _show_heading_above(self) -> None:
        """Keep the "also on this event" heading in sight over the first related match
        when the match's first line still shows with it: scrolled to fit the match, the
        few rows at 80x24 dropped the heading, and a related match read as one of the
        claim's own."""
        index = self.highlighted
        if not index or self.get_option_at_index(index - 1).id not in HEADINGS:
            return
        heading = self._index_to_line.get(index - 1)
        first = self._index_to_line.get(index)
        if heading is None or first is None:
            return
        if heading < int(self.scroll_y) and first - heading < self.scrollable_content_region.height:
            self.scroll_to(y=heading, animate=False, immediate=True)

    def render_line(self, y: int) -> Strip:
        if y == 0:
            sticky = self.sticky_line()
            if sticky is not None:
                return super().render_line(sticky - int(self.scroll_offset.y))
        return super().render_line(y)

    def _scroll_lines(self, lines: int) -> None:
        self.scroll_to(y=int(self.scroll_y) + lines, animate=False, immediate=True)

    def _step(self, direction: int, lines: int) -> None:
        """Scroll up to ``lines`` within the highlighted match, else go to the next one."""
        span = self._highlighted_lines()
        top = int(self.scroll_y)
        height = max(1, self.scrollable_content_region.height)
        if span is not None:
            first, end = span
            if direction > 0 and end > top + height:
                self._scroll_lines(min(lines, end - (top + height)))
                return
            if direction < 0 and first < top:
                self._scroll_lines(-min(lines, top - first))
                return
        target = self._next_enabled(direction)
        if target is None and direction > 0 and self.more(MATCHES_PAGE):
            target = self._next_enabled(direction)
        if target is None:
            self.app.bell()
            return
        self.highlighted = target
        if direction < 0:  # arriving at a match from below: show its end
            span = self._highlighted_lines()
            if span is not None and span[1] - span[0] > height:
                self.scroll_to(y=span[1] - height, animate=False, immediate=True)

    def _next_enabled(self, direction: int) -> int | None:
        """The next enabled match that way from the highlighted one (no wrapping)."""
        index = (self.highlighted if self.highlighted is not None else -direction) + direction
        while 0 <= index < self.option_count:
            if not self.get_option_at_index(index).disabled:
                return index
            index += direction
        return None

    def action_cursor_down(self) -> None:
        self._step(1, 1)

    def action_cursor_up(self) -> None:
        self._step(-1, 1)

    def _page(self) -> int:
        """Lines a page scrolls within a match: one line of the last page stays in sight
        under the match's first line, which may take the top row (sticky_line)."""
        return max(1, self.scrollable_content_region.height - 2)

    def action_page_down(self) -> None:
        self._step(1, self._page())

    def action_page_up(self) -> None:
        self._step(-1, self._page())

    def action_last(self) -> None:
        self.more(None)  # the last match: every match laid out
        super().action_last()
        self.scroll_end(animate=False, immediate=True)

    def action_first(self) -> None:
        super().action_first()
        self.scroll_home(animate=False, immediate=True)


class ClaimPanel(Vertical):
    """Header (the statement: status, speaker, quotes, numbers, first seen) + its matches."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "claim-panel--label",
        "claim-panel--dim",
        "claim-panel--same",
        "claim-panel--conflict",
        "claim-panel--corroborated",
        "claim-panel--diff",
        "claim-panel--number",
        "claim-panel--speaker",
        "claim-panel--source",
    }

    def __init__(self, library: Library, *, id: str | None = None) -> None:
        self.kept_lines = KeptLines()  # its border's lines, per width and focus (c, Tab)
        super().__init__(id=id)
        self.library = library
        self.statement: dict[str, Any] | None = None
        self.article: dict[str, Any] | None = None
        self.matches: list[dict[str, Any]] = []
        self._pending: tuple[dict[str, Any] | None, dict[str, Any] | None] | None = None
        self._cache: OrderedDict[int, ClaimView] = OrderedDict()
        self._view: ClaimView | None = None  # the claims drawn (with article, statement)
        self._drawn = False
        self._laid = 0  # matches laid out as options (the first ones of self.matches)
        self._drawing = False  # set_options may scroll: no laying out more meanwhile

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        return self.kept_lines.resized(
            self, size, lambda: _size_laid_out(self, size, virtual_size, container_size)
        )

    def _set_dirty(self, *regions: Region) -> None:
        self.kept_lines.dirtied(regions)
        super()._set_dirty(*regions)

    def compose(self) -> ComposeResult:
        yield ClaimHeader(Text(""), id="claim-header", markup=False)
        match_list = MatchList(id="matches")
        match_list.more = self.lay_out_more
        yield match_list

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._show_focus())

    # The panel's border shows when its match list has the keys (see focus_border).
    def on_descendant_focus(self) -> None:
        self._show_focus()

    def on_descendant_blur(self) -> None:
        self._show_focus()

    def _show_focus(self) -> None:
        show_focus(self, self.match_list.has_focus)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(f"claim-panel--{name}", partial=True)

    @property
    def match_list(self) -> MatchList:
        return self.query_one(MatchList)

    # --- the claim views: cached, read in worker threads ---------------------------

    def remember(self, view: ClaimView) -> None:
        keep_recent(self._cache, view.statement_id, view, CACHE_SIZE)

    def cached(self, statement_id: int) -> ClaimView | None:
        return self._cache.get(statement_id)

    def cached_ids(self) -> frozenset[int]:
        """The statements whose claims are held (for a worker: it does not read those)."""
        return frozenset(self._cache)

    def forget(self) -> None:
        """The database changed: claims are read again when next shown."""
        self._cache.clear()

    def show_later(
        self,
        article: dict[str, Any] | None,
        statement: dict[str, Any] | None,
        ahead: Sequence[dict[str, Any]] = (),
    ) -> None:
        """Show this statement's claims: at once if they were read already, else once a
        worker thread has read them (the next move cancels it); :meth:`flush` shows them
        at once. Then read ``ahead`` (the statements the next keys may reach)."""
        self.workers.cancel_group(self, "read-ahead")
        view = self.cached(statement["id"]) if statement else None
        if statement is None or view is not None:
            self.workers.cancel_group(self, "claims")
            self._draw(article, statement, view)
            self._read_ahead(ahead)
            return
        self._pending = (article, statement)
        self._load(article, statement, list(ahead))

    @work(exclusive=True, group="claims", thread=True)
    def _load(
        self,
        article: dict[str, Any] | None,
        statement: dict[str, Any],
        ahead: list[dict[str, Any]],
    ) -> None:
        read = partial(_read, article, statement, ahead)
        read_and_post(self, self.library, ClaimsRead, [read], delay=FOLLOW_DELAY, show=True)

    def read_again(self) -> None:
        """The database changed (another process committed): read the shown statement's
        claims again, and draw them if they differ. Its own article may be unchanged
        while a match's other side was replaced (a feed entry updated: "$15 million"
        now "$16 million") or a new match came."""
        if self.statement is None or self._pending is not None:
            return  # nothing shown, or a read is on its way already
        self._pending = (self.article, self.statement)
        self._load(self.article, self.statement, [])

    @on(ClaimsRead)
    def _arrived(self, event: ClaimsRead) -> None:
        event.stop()
        article, statement, view, ahead = event.payload
        self.remember(view)
        if not event.wanted or self._pending is None or self._pending[1] is not statement:
            return  # a read ahead, or a newer statement is under the cursor
        if statement is self.statement and view == self._view:
            self._pending = None  # read again, the same: the list keeps its place
            return
        self._draw(article, statement, view)
        self._read_ahead(ahead)

    def _read_ahead(self, statements: Sequence[dict[str, Any]]) -> None:
        missing = [st for st in statements if st["id"] not in self._cache]
        if missing:
            self._read_ahead_worker(missing)

    @work(exclusive=True, group="read-ahead", thread=True)
    def _read_ahead_worker(self, statements: list[dict[str, Any]]) -> None:
        reads = [partial(_read, None, statement, []) for statement in statements]
        read_and_post(self, self.library, ClaimsRead, reads, delay=READ_AHEAD_DELAY)

    def flush(self) -> None:
        """Show the statement asked for by :meth:`show_later`, if it is not shown yet."""
        if self._pending is not None:
            article, statement = self._pending
            self.show(article, statement)

    def show(self, article: dict[str, Any] | None, statement: dict[str, Any] | None) -> None:
        """Show this statement's claims now (read on the UI thread if not read yet)."""
        self.workers.cancel_group(self, "claims")
        view = None
        if statement is not None:
            view = self.cached(statement["id"])
            if view is None:
                view = self.library.claims(statement)
                self.remember(view)
        self._draw(article, statement, view)

    def _draw(
        self,
        article: dict[str, Any] | None,
        statement: dict[str, Any] | None,
        view: ClaimView | None,
    ) -> None:
        self._pending = None
        if (
            self._drawn
            and article is self.article
            and statement is self.statement
            and view is self._view
        ):
            return  # drawn already: nothing changed
        self._drawn = True
        self.article, self.statement, self._view = article, statement, view
        found = view.matches if view is not None else []
        own = claim_matches(found, self.claim_id)
        apart = apart_matches(found, self.claim_id)
        self.matches = list(found)  # as read_claims ordered them (shown_order)
        claim = view.claim if view is not None else None
        # The header always has HEADER_LINES lines: no relayout as the cursor moves.
        self.query_one("#claim-header", ClaimHeader).update(self.header_text(claim), layout=False)
        # Only the first matches are laid out (the pane shows a few); more as the reader
        # pages or scrolls to them (lay_out_more). The title counts them all.
        self._laid = 0
        options = self._more_options(MATCHES_FIRST)
        match_list = self.match_list
        self._drawing = True
        try:
            match_list.set_options(options)
            if self.matches:
                # The first match, not the heading above the other claims' or related ones.
                match_list.highlighted = 1 if not own else 0
        finally:
            self._drawing = False
        match_list.check_more()
        n = len(own)
        sources = len({m["source"] for m in own})
        related = len(self.matches) - n - len(apart)
        self.border_title = (
            f"Claims · {plural(n, 'match')}"
            + (f" in {plural(sources, 'source')}" if n else "")
            + (f" · {len(apart)} in another claim" if apart else "")
            + (f" · {related} also on this event" if related else "")
        )

    @property
    def claim_id(self) -> int | None:
        """The shown statement's claim (None: in none)."""
        return self.statement.get("claim_id") if self.statement else None

    def _more_options(self, count: int | None) -> list[Option | None]:
        """The options of the next ``count`` matches not laid out yet (None: all), their
        evidence read first if it was not (read_claims reads the first ones')."""
        start = self._laid
        end = len(self.matches) if count is None else min(len(self.matches), start + count)
        if end <= start or self.statement is None:
            return []
        page = self.library.evidence(self.statement["id"], self.matches[start:end])
        self.matches[start:end] = page
        first_apart = len(claim_matches(self.matches, self.claim_id))
        first_related = first_apart + len(apart_matches(self.matches, self.claim_id))
        # (no match of another claim: the related ones' heading comes first)
        headings = {first_apart: ("apart", APART_HEADING)}
        headings[first_related] = ("related", RELATED_HEADING)
        options: list[Option | None] = []
        for i in range(start, end):
            if i:
                options.append(None)  # the rule under the match before
            if i in headings:
                key, words = headings[i]
                heading = Text(words, self._style("label"), end="")
                options += [Option(heading, id=key, disabled=True), None]
            options.append(Option(self.match_text(self.matches[i]), id=f"m{i}"))
        self._laid = end
        return options

    def lay_out_more(self, count: int | None) -> bool:
        """Add the next ``count`` matches (None: all that are left) to the list; whether
        there were any."""
        if self._drawing:
            return False
        options = self._more_options(count)
        if options:
            self.match_list.add_options(options)
        return bool(options)

    # --- text ---------------------------------------------------------------------

    def header_text(self, claim: dict[str, Any] | None) -> Text:
        """Three lines, each cut to the width: the status; who said it, quotes and
        numbers; when it was first seen (or that no other source has it)."""
        lines = [Text(end="") for _ in range(HEADER_LINES)]
        st = self.statement
        if st is None or self.article is None:
            lines[0].append("No statement selected.", self._style("dim"))
            return Text("\n", no_wrap=True, overflow="ellipsis", end="").join(lines)
        status = st.get("status", "unique")
        # Labels say what a number counts ("#6" read as a claim id, a statement id or a
        # position): the statement's place in this article, and the claim's id.
        style = self._style(status) if status in ("corroborated", "conflict") else Style()
        label = STATUS_LABEL.get(status, status)
        lines[0].append(label[:1].upper() + label[1:], style)
        # Named as the CLI names it (README: `article 2 · 7`); last, as the status line
        # names it too: a narrow panel cuts the name, not the status.
        lines[0].append(" · ", self._style("dim"))
        lines[0].append(statement_name(self.article["id"], st["seq"]), self._style("label"))
        details: list[tuple[str, str, Style]] = []
        if st.get("speaker"):
            details.append(("said by ", showable(st["speaker"]), self._style("speaker")))
        quoted = sorted({q["speaker"] for q in st.get("quotes", []) if q.get("speaker")})
        quoted = [name for name in quoted if name != st.get("speaker")]
        if quoted:
            details.append(("quotes ", showable(", ".join(quoted)), self._style("speaker")))
        if st.get("numbers"):
            raw = ", ".join(n["raw"] for n in st["numbers"])
            details.append(("numbers ", showable(raw), self._style("label")))
        for i, (label, value, style) in enumerate(details):
            if i:
                lines[1].append(" · ", self._style("dim"))
            lines[1].append(label, self._style("dim"))
            lines[1].append(value, style)
        first = self.first_seen(claim)
        own = claim_matches(self.matches, self.claim_id)
        if claim and claim.get("id") is not None and own:
            lines[2].append(f"claim {claim['id']}", self._style("label"))
            lines[2].append(" · ", self._style("dim"))
            # The claim may hold statements this one does not match itself (they match
            # one that does): then it has more sources than this one and its matches,
            # and its first source may be one the list shows only as related.
            shown = {self.article.get("source")} | {m.get("source") for m in own}
            n_sources = int(claim.get("n_sources") or 0)
            if n_sources > len(shown):
                lines[2].append(f"{n_sources} sources in all", self._style("dim"))
                lines[2].append(" · ", self._style("dim"))
        apart = apart_matches(self.matches, self.claim_id)
        if not own and apart:
            lines[2].append(self.kept_out(apart[0]), self._style("dim"))
        elif not own:
            lines[2].append("No other source reports this statement.", self._style("dim"))
        elif first:
            lines[2].append("first seen ", self._style("dim"))
            lines[2].append(showable(first))
        return Text("\n", no_wrap=True, overflow="ellipsis", end="").join(lines)

    def first_seen(self, claim: dict[str, Any] | None) -> str | None:
        """When and where the claim was first reported: the claim's record (its own
        statements), else the earliest of this statement and its matches. Every source
        as early is named (three outlets the same day: none is known to be first)."""
        if claim and claim.get("first_date"):
            sources = claim.get("first_sources") or [
                s for s in (claim.get("first_source") or claim.get("source"),) if s
            ]
            return first_seen(claim["first_date"], sources)  # ties by name (db.dates)
        assert self.article is not None
        seen = [(self.article.get("date"), self.article.get("source"))]
        own = claim_matches(self.matches, self.claim_id)
        seen += [(m.get("date"), m.get("source")) for m in own]
        dated = sorted((earliest_first(d), s or "") for d, s in seen if d)
        if not dated or not own:
            return None
        when = dated[0][0]
        sources = list(dict.fromkeys(s for w, s in dated if w == when and s))
        return first_seen(when[3], sources)

    def kept_out(self, match: dict[str, Any]) -> str:
        """Why a match of another claim (or of none) is not counted beside this
        statement: the claim it is in, and the statements there this one was judged
        `related` to (one event, another claim), which kept it out (db.grouping)."""
        other = match.get("claim_id")
        if other is None:
            return "Said alike in no claim: not counted"
        apart = sorted(
            {
                showable(m.get("source") or "?")
                for m in self.matches
                if m.get("relation") == "related" and m.get("claim_id") == other
            }
        )
        if apart and self.claim_id is None:
            return f"Kept out of claim {other}: related to {', '.join(apart)} there"
        return f"In claim {other}, not this one's: not counted"

    def match_text(self, match: dict[str, Any]) -> Text:
        text = Text(end="")
        text.append(showable(match.get("source") or "?"), self._style("source"))
        text.append(f" · {shown_date(match.get('date'))}", self._style("dim"))
        text.append(f" · {float(match.get('score') or 0):.0f}%", self._style("dim"))
        relation = match.get("relation") or "same"
        text.append(" · ")
        known = f"claim-panel--{relation}" in self.COMPONENT_CLASSES  # a relation db/ added
        style = self._style(relation) if known else self._style("label")
        text.append(RELATION_LABEL.get(relation, relation.upper()), style)
        # Differing values of a conflict; a related match's numbers measure another
        # claim (its ``why`` line says what differs), so they are not set against ours.
        values = diff_values(match.get("diffs") or []) if relation == "conflict" else []
        for mine_value, other_value in values:
            text.append("\n")
            text.append("≠ ", self._style("conflict"))
            text.append(showable(other_value), self._style("number"))
            text.append(" there, ", self._style("dim"))
            text.append(showable(mine_value), self._style("number"))
            text.append(" here", self._style("dim"))
        mine_text = self.statement["text"] if self.statement else ""
        why = why_matched(match.get("evidence"), (mine_text, match.get("text") or ""))
        if why:  # plain text: names as the statements write them, never markup
            text.append("\nwhy ", self._style("dim"))
            text.append(showable(why), self._style("label"))
        if relation != "related" and not counted(relation, self.claim_id, match.get("claim_id")):
            text.append("\n" + self.kept_out(match), self._style("dim"))
        body = Text(showable(match.get("text") or ""), end="")
        mine = showable(self.statement["text"]) if self.statement else ""
        for a, b in differing_spans(mine, body.plain):
            body.stylize(self._style("diff"), a, b)
        for a, b in find_spans(body.plain, [showable(b) for _, b in values]):
            body.stylize(self._style("number"), a, b)
        text.append("\n")
        text.append_text(body)
        if match.get("speaker"):
            text.append("\nsaid by ", self._style("dim"))
            text.append(showable(match["speaker"]), self._style("speaker"))
        if match.get("title") and match["title"] != match.get("text"):
            # (a headline matched is its article's title: "in" it again says nothing, and
            # takes a line of the few 80×24 leaves: every match of a UCI headline did)
            text.append("\nin ", self._style("dim"))
            text.append(short_title(showable(match["title"])), self._style("dim"))
        return text

    # --- events -------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#matches")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._jump_to(event.option)

    def jump_to_highlighted(self) -> None:
        option = self.match_list.highlighted_option
        if option is not None:
            self._jump_to(option)

    def _jump_to(self, option: Option) -> None:
        if option.id and option.id.startswith("m"):
            index = int(option.id[1:])
            if 0 <= index < len(self.matches):
                self.post_message(JumpToStatement(self.matches[index]["statement_id"]))
