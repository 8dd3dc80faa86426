"""The article list: a virtual list that pages rows from the database as it scrolls.

Only the rows on screen are drawn, and only a few pages of rows are held
(:attr:`ArticleList.PAGE_SIZE` x :attr:`ArticleList.MAX_PAGES`), so memory does
not grow with the corpus. Story rows (when grouped) are headers the cursor may
stop on: Enter there opens the story, and what is keyed on articles acts on the
story's first article (the row under it).
"""

from __future__ import annotations

from collections import OrderedDict
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events, on, work
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.strip import Strip

from db.showable import showable
from tui.components.focus_border import FocusBorder
from tui.components.library import Library, ListState, keep_recent
from tui.components.line_view import LineView, cursor_bindings
from tui.components.messages import (
    ArticleHighlighted,
    ArticleSelected,
    PageRead,
    StorySelected,
    read_and_post,
)
from tui.keymap import bind
from tui.wording import fit_cells, plural, shown_date

if TYPE_CHECKING:
    import sqlite_utils

CORROBORATED = "✓"
CONFLICT = "≠"
RELATED = "~"  # other sources report the event, not the claim: never corroboration


def source_column(longest: int, width: int) -> int:
    """Cells of the source column in a one-line row ``width`` cells wide: as wide as the
    longest source name, but at most a sixth of the row (6 to 12 cells: 12 at 80
    columns, where "Local Wire" or "TVbytheNovel" fit whole), so a long name
    ("entertainment and culture") does not eat the headline; it is cut with "…"."""
    cap = max(6, min(12, width // 6))
    return max(1, min(longest, cap))


class ArticleList(LineView, FocusBorder, can_focus=True):
    """Source, date, corroborated/conflicting statement counts and headline, one row each."""

    BINDINGS: ClassVar[list[BindingType]] = [*cursor_bindings(), bind("cursor.select", "select")]
    STYLE_PREFIX = "article-list"

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor",
        "article-list--story",
        "article-list--source",
        "article-list--date",
        "article-list--corroborated",
        "article-list--conflict",
        "article-list--empty",
    }

    PAGE_SIZE = 100
    MAX_PAGES = 6
    TWO_LINE_BELOW = 70  # narrower panes show each article on two lines

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    def __init__(self, library: Library, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._frame_row_height = 1
        self.library = library
        self.state = ListState()
        self.total = 0
        self._pages: OrderedDict[int, list[dict[str, Any]]] = OrderedDict()
        self._longest_source = 6  # cells of the longest source name
        self.fetches = 0  # pages read on the UI thread (for tests and the benchmark)
        # Pages near the cursor are read ahead in worker threads; what they read for an
        # older reading of the list (another filter, a reload) is dropped.
        self._generation = 0
        self._reading: set[int] = set()

    # --- data ---------------------------------------------------------------------

    def load(self, state: ListState, *, article_id: int | None = None) -> None:
        """Show ``state``'s rows, with the cursor on ``article_id`` if it is listed."""
        self.state = state
        self._forget_pages()
        self.total = self.library.count_rows(state)
        widths = [cell_len(name) for name in self.library.source_names()]
        self._longest_source = max(widths, default=6)
        self._update_virtual_size()
        index = None
        if article_id is not None:
            index = self.library.position(state, article_id)
        if index is None:
            index = self._article_at_or_after(0)
        self.scroll_to(y=0, animate=False, immediate=True)
        self._set_cursor(index if index is not None else 0, announce=True)
        self.refresh()

    def reload_in_place(self) -> None:
        """Read the rows again (another process added articles): the cursor stays on its
        article, at the same line of the pane; the rows around it may change."""
        current = self.current
        line = self.cursor - int(self.scroll_y) // self.row_height
        self._forget_pages()
        self.total = self.library.count_rows(self.state)
        self._update_virtual_size()
        index = self.library.position(self.state, current["id"]) if current else None
        if index is None:
            self._set_cursor(min(self.cursor, max(0, self.total - 1)), announce=True)
        else:
            self.cursor = index
            top = max(0, index - max(0, line)) * self.row_height
            self.scroll_to(y=top, animate=False, immediate=True)
            self._scroll_cursor_into_view()
        self.refresh()

    def row(self, index: int) -> dict[str, Any] | None:
        if not 0 <= index < self.total:
            return None
        page_no, at = divmod(index, self.PAGE_SIZE)
        page = self._pages.get(page_no)
        if page is None:
            page = self.library.rows(self.state, page_no * self.PAGE_SIZE, self.PAGE_SIZE)
            self.fetches += 1
            self._keep_page(page_no, page)
        else:
            self._pages.move_to_end(page_no)
        return page[at] if at < len(page) else None

    def _keep_page(self, page_no: int, page: list[dict[str, Any]]) -> None:
        keep_recent(self._pages, page_no, page, self.MAX_PAGES)

    def _forget_pages(self) -> None:
        self._pages.clear()
        self._strips.clear()
        self._generation += 1
        self._reading.clear()

    def _pages_near(self) -> list[int]:
        """The pages a key may need next: those one screen above and below the visible
        rows, and the last (G)."""
        if self.total == 0:
            return []
        rows = self.visible_rows
        top = int(self.scroll_y) // self.row_height
        first, last = max(0, top - rows), min(self.total - 1, top + 2 * rows)
        wanted = range(first // self.PAGE_SIZE, last // self.PAGE_SIZE + 1)
        return [*wanted, (self.total - 1) // self.PAGE_SIZE]

    def read_ahead(self) -> None:
        """Read the pages near the cursor that are not held, in a worker thread."""
        held = self._pages.keys() | self._reading
        wanted = [p for p in dict.fromkeys(self._pages_near()) if p not in held]
        if wanted:
            self._reading.update(wanted)
            self._read_pages(self.state, self._generation, wanted)

    @work(group="pages", thread=True)
    def _read_pages(self, state: ListState, generation: int, pages: list[int]) -> None:
        reads = [partial(self._read_page, state, generation, page_no) for page_no in pages]
        read_and_post(self, self.library, PageRead, reads)

    def _read_page(
        self, state: ListState, generation: int, page_no: int, db: sqlite_utils.Database
    ) -> tuple[int, int, list[dict[str, Any]]]:
        """(In a worker thread) a page of the list: (the list's generation, page, rows)."""
        rows = self.library.rows(state, page_no * self.PAGE_SIZE, self.PAGE_SIZE, db)
        return generation, page_no, rows

    @on(PageRead)
    def _page_read(self, event: PageRead) -> None:
        generation, page_no, rows = event.payload
        if generation != self._generation:
            return  # read for an older reading of the list
        self._reading.discard(page_no)
        if page_no not in self._pages:
            self._keep_page(page_no, rows)

    @property
    def current(self) -> dict[str, Any] | None:
        """The article under the cursor; on a story's header, the story's first article
        (the row under it), so the text, the claims and every article key follow it."""
        row = self.row(self.cursor)
        if row is None or row["kind"] == "article":
            return row
        first = self.row(self.cursor + 1)
        if first is not None and first["kind"] == "article" and first.get("story_id") == row["id"]:
            return first
        return None

    @property
    def pages_held(self) -> int:
        return len(self._pages)

    def neighbours(self) -> list[dict[str, Any]]:
        """The articles the next key may reach: the one after the cursor, then the one
        before (story rows stepped over)."""
        rows = []
        for step in (1, -1):
            index = self._article_at_or_after(self.cursor + step, step)
            row = self.row(index) if index is not None else None
            if row is not None:
                rows.append(row)
        return rows

    def _article_at_or_after(self, index: int, step: int = 1) -> int | None:
        while 0 <= index < self.total:
            row = self.row(index)
            if row is not None and row["kind"] == "article":
                return index
            index += step
        return None

    # --- cursor -------------------------------------------------------------------

    def _set_cursor(self, index: int, *, announce: bool = True) -> None:
        if self.total == 0:
            self.cursor = 0
            return
        index = max(0, min(index, self.total - 1))
        changed = index != self.cursor
        self.cursor = index
        self._scroll_cursor_into_view()
        if announce or changed:
            current = self.current
            if current is not None:
                self.post_message(ArticleHighlighted(current["id"]))

    def move_to_article(self, article_id: int) -> None:
        """Put the cursor on ``article_id`` if the list shows it (after a jump)."""
        index = self.library.position(self.state, article_id)
        if index is not None and index != self.cursor:
            self.cursor = index
            self._scroll_cursor_into_view()

    @property
    def visible_rows(self) -> int:
        return max(1, self.scrollable_content_region.height // self.row_height)

    def _scroll_cursor_into_view(self) -> None:
        rh = self.row_height
        top = int(self.scroll_y) // rh
        rows = self.visible_rows
        if self.cursor < top:
            self.scroll_to(y=max(0, self.cursor - 1) * rh, animate=False, immediate=True)
        elif self.cursor >= top + rows:
            self.scroll_to(y=(self.cursor - rows + 1) * rh, animate=False, immediate=True)

    def watch_cursor(self, old: int, new: int) -> None:
        # Redraw the two rows that changed, not the whole list.
        rh = self.row_height
        self.refresh_lines(old * rh, rh)
        self.refresh_lines(new * rh, rh)
        # Once the frame is drawn: the pages near where the list has scrolled to (the
        # cursor moves before the list scrolls: read now, a page down would find its
        # next page missing and read it on the UI thread).
        self.call_after_refresh(self.read_ahead)

    def _step(self, delta: int) -> None:
        if self.total == 0:
            return
        target = max(0, min(self.cursor + delta, self.total - 1))
        if target != self.cursor:
            self._set_cursor(target)

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_top(self) -> None:
        self._set_cursor(0)

    def action_cursor_bottom(self) -> None:
        self._set_cursor(self.total - 1)

    def action_page_down(self) -> None:
        self._step(max(1, self.visible_rows - 1))

    def action_page_up(self) -> None:
        self._step(-max(1, self.visible_rows - 1))

    def action_select(self) -> None:
        row = self.row(self.cursor)
        if row is not None and row["kind"] == "story":
            self.post_message(StorySelected(row["id"]))
            return
        current = self.current
        if current is not None:
            self.post_message(ArticleSelected(current["id"]))

    async def _on_click(self, event: events.Click) -> None:
        index = (int(self.scroll_y) + event.y) // self.row_height
        if 0 <= index < self.total:
            self._set_cursor(index)
            if event.chain >= 2:
                self.action_select()

    # --- drawing ------------------------------------------------------------------

    @property
    def row_height(self) -> int:
        return 2 if self.scrollable_content_region.width < self.TWO_LINE_BELOW else 1

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.total * self.row_height)

    def on_resize(self) -> None:
        # Textual repaints a pane whose size changed; shown again at the same size (80x24:
        # Esc back to the list), its drawn lines are kept.
        self._update_virtual_size()
        self._scroll_cursor_into_view()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._frame_row_height = self.row_height
        return super().render_lines(crop)

    def _plain_if_cursor(self, text: Text, cursor: bool) -> Text:
        """The cursor row is reversed as a whole; coloured spans in it would read as blocks."""
        if cursor:
            text.spans = []
        return text

    def render_line(self, y: int) -> Strip:
        width = self._frame_width
        base = self._base_style
        index, sub = divmod(int(self.scroll_y) + y, self._frame_row_height)
        if self.total == 0:
            if y == 0:
                text = Text(" No articles. Press x to clear the filters.", end="")
                text.stylize(self._style("empty"))
                return self._strip(text, width, base)
            return Strip.blank(width, base)
        key = (index, sub, index == self.cursor, width, self._frame_row_height)
        cached = self._strips.get(key)
        if cached is not None:
            return cached
        row = self.row(index)
        if row is None:
            return Strip.blank(width, base)
        if len(self._strips) > 2000:
            self._strips.clear()
        self._strips[key] = strip = self._render_strip(row, index, sub, width, base)
        return strip

    def _render_strip(
        self, row: dict[str, Any], index: int, sub: int, width: int, base: Style
    ) -> Strip:
        if self._frame_row_height == 2:
            text = self.render_row_lines(row, cursor=index == self.cursor)[sub]
        else:
            text = self.render_row(row, width, cursor=index == self.cursor)
        return self._strip(text, width, base)

    def _strip(self, text: Text, width: int, base: Style) -> Strip:
        text.truncate(width, overflow="ellipsis", pad=True)
        return super()._strip(text, width, base)

    def render_row(self, row: dict[str, Any], width: int, *, cursor: bool = False) -> Text:
        """One row as plain Text styled by offsets (article text is never parsed as markup)."""
        style = self._style("cursor") if cursor else Style()
        text = Text(style=style, end="", no_wrap=True, overflow="ellipsis")
        if row["kind"] == "story":
            counts = "  " + _story_counts(row)
            text.append("▾ ", self._style("story"))
            text.append(_heading_title(row, width - 2 - cell_len(counts)), self._style("story"))
            text.append(counts, self._style("date"))
            return self._plain_if_cursor(text, cursor)
        indent = "  " if self.state.by_story and row.get("story_id") is not None else ""
        text.append("▶" if cursor else " ")
        text.append(indent)
        source = fit_cells(
            showable(row["source"] or ""), source_column(self._longest_source, width)
        )
        text.append(source + " ", self._style("source"))
        date = shown_date(row["date"])
        text.append(f"{date:<10} ", self._style("date"))
        corroborated, conflict = row.get("corroborated", 0), row.get("conflict", 0)
        related = row.get("related", 0)
        c = f"{CORROBORATED}{corroborated}" if corroborated else ""
        x = f"{CONFLICT}{conflict}" if conflict else ""
        r = f"{RELATED}{related}" if related else ""
        text.append(f"{c:>4}", self._style("corroborated"))
        text.append(f"{x:>4}", self._style("conflict"))
        text.append(f"{r:>4} ", self._style("date"))
        text.append(showable(row["title"] or "(no headline)"))
        return self._plain_if_cursor(text, cursor)

    def render_row_lines(self, row: dict[str, Any], *, cursor: bool = False) -> list[Text]:
        """One row as two lines (narrow panes): the headline, then source, date and counts."""
        style = self._style("cursor") if cursor else Style()
        first = Text(style=style, end="", no_wrap=True, overflow="ellipsis")
        second = Text(style=style, end="", no_wrap=True, overflow="ellipsis")
        if row["kind"] == "story":
            first.append("▾ " + showable(row["title"] or "(untitled story)"), self._style("story"))
            second.append("  " + _story_counts(row), self._style("date"))
            return [self._plain_if_cursor(first, cursor), self._plain_if_cursor(second, cursor)]
        indent = " " if self.state.by_story and row.get("story_id") is not None else ""
        first.append("▶" if cursor else " ")
        first.append(indent)
        first.append(showable(row["title"] or "(no headline)"))
        second.append(" " + indent + " ")
        second.append(showable(row["source"] or ""), self._style("source"))
        second.append(f" · {shown_date(row['date'])}", self._style("date"))
        corroborated, conflict = row.get("corroborated", 0), row.get("conflict", 0)
        if corroborated:
            second.append(f"  {CORROBORATED}{corroborated}", self._style("corroborated"))
        if conflict:
            second.append(f"  {CONFLICT}{conflict}", self._style("conflict"))
        if row.get("related"):
            second.append(f"  {RELATED}{row['related']}", self._style("date"))
        return [self._plain_if_cursor(first, cursor), self._plain_if_cursor(second, cursor)]


# The fewest cells a story's title keeps before its counts are cut instead (a terminal
# so narrow that the counts alone would fill the row).
MIN_HEADING_TITLE = 12


def _heading_title(row: dict[str, Any], room: int) -> str:
    """A story heading's title, cut with "…" to ``room`` cells so that the counts after it
    stay whole: at 80 columns a long title cut them ("3 articles · 3 sourc…"), and with
    a filter the "1 of 4 articles" that says what it hides."""
    title = showable(row["title"] or "(untitled story)")
    if room >= MIN_HEADING_TITLE and cell_len(title) > room:
        return fit_cells(title, room)
    return title


def _story_counts(row: dict[str, Any]) -> str:
    """A story row's counts: "2 articles · 1 source" (a story of one outlet's articles);
    "1 of 3 articles · 3 sources" when the filters list fewer of its articles under it."""
    n, shown = row["n_articles"], row.get("n_shown", row["n_articles"])
    articles = f"{shown:,} of {plural(n, 'article')}" if shown < n else plural(n, "article")
    return f"{articles} · {plural(row['n_sources'], 'source')}"
