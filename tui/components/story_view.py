"""``o``: the story of the article under the cursor, as a thing to read.

Its title (the most representative headline), where and when it was first seen,
its outlets and articles, its claims with how many of its outlets carry each, its
conflicts (``C`` jumps there, also from the list), and its blindspot: the sources
active in those days that did not report it, and what only one outlet says.
Everything shown comes from the articles (untrusted): plain Text, never markup.

The articles and the conflicts are lists to choose from (:class:`StoryArticleList`,
:class:`ConflictList`): ``a`` (or Tab) gives the articles the keys, and Enter opens the
article chosen in the text; ``C`` (or Tab again) gives the conflicts the keys, each side
of a conflict is one option, and Enter opens that side's article with its statement under
the cursor, where the claim panel shows the other side and the numbers that differ. The
screen is dismissed with what was chosen (:class:`Chosen`); the main screen opens it as a
jump, so Back returns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar, Self, cast

from rich.cells import cell_len, set_cell_size
from rich.console import Group, RenderableType
from rich.text import Text
from textual import on, work
from textual._context import active_app
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.css.styles import RulesMap
from textual.geometry import Region, Size
from textual.screen import Screen
from textual.visual import RichVisual, Visual
from textual.widget import AwaitMount, Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from db.showable import showable
from db.story_reads import blindspot_shown, story_view
from tui.components.footer import FittingFooter
from tui.components.hanging import Hanging
from tui.components.library import Library
from tui.components.line_view import TextScroll, cursor_bindings
from tui.components.option_list import KeyedOptionList
from tui.keymap import bind
from tui.wording import first_seen, more_sources, plural, short_title, shown_date

# Claims and one-outlet statements listed per story (the CLI's --json has them all).
MAX_CLAIMS = 15
MAX_SOLO = 3
# Conflicts listed to choose from: a story of 118 headlines has 191, whose 382 sides took
# the story view ~0.5 s to lay out at 80 columns (`stories --id N` lists them all).
MAX_CONFLICTS = 20
# A conflict side's values, and an article's source name, cut to this many cells: the
# longest name (a UCI publisher's "Seattle Post Intelligencer (blog)") left titles ~24
# cells at 80 columns.
VALUES_CELLS = 24
SOURCE_CELLS = 18
# Articles listed to choose from: each is an option laid out on its own (300 took ~0.35 s
# of CPU at 80 columns; one table of them ~0.3 s); `stories --id N` lists them all.
MAX_ARTICLES = 50
# The story is laid out as far as it fills this many screens below the top of what the
# reader sees, and further as the reader scrolls (a story of 136 articles: its 50 article
# options and 40 conflict sides took ~250 ms to lay out at 80x24, for one screen shown).
SCREENS_AHEAD = 2
OPTIONS_PAGE = 8  # options added to a list at a time as the reader scrolls or moves on
# Checks (50 ms apart) for the parts just mounted to be laid out before the next are
# laid out (a screen pushed over the story holds its layout back: the next scroll looks).
CHECKS_BEFORE_LAYOUT = 20


class StoryText(TextScroll):
    """The story's scroll. What is laid out of the story is always its beginning: before a
    scroll could show past it, the rest is laid out (``before_end``: all of it, for a
    scroll to the end; ``scrolled``: as far as :data:`SCREENS_AHEAD`)."""

    # Lays out the rest of the story and calls back once it is laid out (False: nothing
    # was left to lay out, and nothing is called).
    before_end: Callable[[Callable[[], object]], bool] = staticmethod(lambda _then: False)
    scrolled: Callable[[], None] = staticmethod(lambda: None)

    BINDINGS: ClassVar[list[BindingType]] = cursor_bindings(
        down="lines(1)", up="lines(-1)", top="lines(-1e9)", bottom="to_end"
    )

    def action_to_end(self) -> None:
        """G, End: the story's last screen. When the rest is still to be laid out, the
        scroll is anchored at its end meanwhile, so the layout that places the rest also
        scrolls there: the first frame after G is the last screen (before: a frame of
        the screen G was pressed on, the scroll after it, then a second frame and layout).
        The anchor is dropped once the rest is laid out (no new story or part is pinned
        to the bottom)."""
        self.anchor()
        if not self.before_end(self._end_reached):  # all of it laid out already
            self._end_reached()

    def _end_reached(self) -> None:
        self.anchor(False)
        super()._scroll_now(self.max_scroll_y)

    def _scroll_now(self, y: float) -> None:
        if y > self.max_scroll_y and self.before_end(lambda: super(StoryText, self)._scroll_now(y)):
            return  # scrolled once the rest has its place
        super()._scroll_now(y)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self.scrolled()

    def on_resize(self) -> None:
        self.scrolled()


def _heading(text: str) -> Text:
    return Text(text, style="bold underline")


def _rows(rows: list[tuple[Text, Text]], label_width: int | None = None) -> Hanging:
    """A label and a text per row; a long text wraps under itself, not under its label
    (readable at 80 columns). ``label_width``: the labels' column at least this wide
    (tables drawn one under another, their texts in one column). Drawn as a Table grid
    draws them (:class:`tui.components.hanging.Hanging`), once per width."""
    return Hanging(rows, label_width)


def _label(text: str, style: str = "dim") -> Text:
    return Text("  " + text, style=style)


def conflict_sides(view: dict[str, Any]) -> list[tuple[int, Hanging]]:
    """(statement id, its row) for each side of each conflict (one per claim and pair of
    values, ``conflict_groups``), in order: a conflict's first side, then the other
    (``≠``), each an option of :class:`ConflictList` that opens the side's first
    statement. A side's label is its values; its text, its outlets and that statement.
    The labels take one width, so the texts of every row start in one column."""
    sides = []
    for group in view["conflict_groups"][:MAX_CONFLICTS]:
        first, other = group["sides"]
        sides.append((first, _label(_fit(showable(first["values"]), VALUES_CELLS), "bold")))
        values = f"≠ {_fit(showable(other['values']), VALUES_CELLS)}"
        sides.append((other, _label(values, "bold red")))
    width = max((label.cell_len for _, label in sides), default=0)
    return [
        (side["statements"][0]["statement_id"], _rows([(label, _side(side))], width))
        for side, label in sides
    ]


def _fit(text: str, cells: int) -> str:
    """``text`` cut to ``cells`` cells with an ellipsis (a long source name or value
    leaves the row's text its room; the full name is in ``stories --id N``)."""
    if cell_len(text) <= cells:
        return text
    return set_cell_size(text, max(0, cells - 1)).rstrip() + "…"


def _article_line(article: dict[str, Any]) -> tuple[Text, Text]:
    source = _fit(showable(article["source"]), SOURCE_CELLS)
    label = _label(f"{shown_date(article['date']):10}  {source}:")
    return label, Text(short_title(showable(article["title"] or "")))


def article_rows(view: dict[str, Any]) -> list[tuple[int, Hanging]]:
    """(article id, its row: date, source, title) for each of the story's first
    :data:`MAX_ARTICLES` articles, each an option of :class:`StoryArticleList`. The labels
    take one width, so the titles start in one column."""
    lines = [(a["id"], _article_line(a)) for a in view["articles"][:MAX_ARTICLES]]
    width = max((label.cell_len for _, (label, _t) in lines), default=0)
    return [(article_id, _rows([line], width)) for article_id, line in lines]


def _side(side: dict[str, Any]) -> Text:
    """A side of a conflict: its outlets, then the first statement saying its values (and
    how many more do)."""
    text = Text(showable(", ".join(side["outlets"])), style="bold")
    statements = side["statements"]
    text.append("\n" + showable(statements[0]["text"]))
    if len(statements) > 1:
        text.append(f" (+{len(statements) - 1} more)", style="dim")
    return text


@dataclass(frozen=True, slots=True)
class StoryParts:
    """The story's blocks, top to bottom; its articles (:func:`article_rows`) follow
    ``head``, its conflicts' sides (:func:`conflict_sides`) follow ``conflicts``."""

    head: Group  # title, first seen, outlets, the articles' heading
    claims: Group
    conflicts: Group  # the conflicts' heading
    blindspot: Group


def story_sections(
    view: dict[str, Any], shown: list[str] | None = None
) -> tuple[Group, Group, Group]:
    """The story as three blocks: what it is (title, first seen, outlets, articles,
    claims), its conflicts' heading (its sides are :func:`conflict_sides`), its
    blindspot. Every text from the articles is a plain Text (never markup)."""
    parts = story_parts(view, shown)
    articles = _rows([_article_line(a) for a in view["articles"]])
    what = Group(*parts.head.renderables, articles, Text(), *parts.claims.renderables)
    return what, parts.conflicts, parts.blindspot


def story_parts(view: dict[str, Any], shown: list[str] | None = None) -> StoryParts:
    """The story's blocks (:class:`StoryParts`); ``shown``: the blindspot's sources named
    (the rest counted). Every text from the articles is a plain Text (never markup)."""
    head = Text(showable(view["title"] or ""), style="bold")
    first = view["first_seen"]
    if first:
        who = first.get("sources") or [first["source"]]
        head.append(f"\nfirst seen {showable(first_seen(first['date'], who))}", style="dim")
    head.append("\n")
    head.append(
        f"\n{plural(len(view['outlets']), 'outlet')}: " + showable(", ".join(view["outlets"])),
        style="bold",
    )
    head.append("\n")
    shared = [c for c in view["claims"] if c["n_outlets"] > 1]
    claims = []
    for c in shared[:MAX_CLAIMS]:
        label = _label(f"{c['n_outlets']} outlets", "bold")
        if c["has_conflict"]:
            label.append(" ≠", style="bold red")
        claims.append((label, Text(showable(c["text"]))))
    more = []
    if len(shared) > MAX_CLAIMS:
        more.append(Text(f"  … {len(shared) - MAX_CLAIMS} more", style="dim"))
    top = Group(head, _heading(f"Articles ({len(view['articles'])})"))
    shared_claims = Group(
        _heading(f"Claims its outlets share ({len(shared)})"), _rows(claims), *more
    )

    groups, pairs = len(view["conflict_groups"]), len(view["conflicts"])
    heading = f"Conflicts ({groups})"
    if pairs != groups:  # --json lists the pairs; conflict_groups says how they group
        heading += f" · {plural(pairs, 'pair')} of statements"
    parts: list[RenderableType] = [_heading(heading)]
    if not view["conflicts"]:
        parts.append(Text("  none: no two outlets give different numbers", style="dim"))
    conflicts = Group(*parts)

    blind = view["blindspot"]
    spot: list[RenderableType] = [_heading("Blindspot")]
    missing = blind["missing_sources"]
    if blind["days"] is None:
        spot.append(Text("  undated: no days to compare other sources with", style="dim"))
    else:
        spot.append(Text(f"  active {blind['days'][0]} to {blind['days'][1]}"))
        named = missing if shown is None else shown
        line = Text()
        line.append(
            showable(", ".join(named)) if named else "none", style="bold" if named else "dim"
        )
        if shown is not None:
            every = f"`claimlens stories --id {view['id']} --json`"
            line.append(", " + more_sources(len(missing), shown, every), style="dim")
        # The list wraps under its own first line, not at the row's start.
        spot.append(_rows([(_label("did not report it:", ""), line)]))
    for solo in blind["only_one_outlet"]:
        spot.append(Text(f"  only {showable(solo['source'])} ({solo['n']}):", style="bold"))
        said = solo["statements"][:MAX_SOLO]
        spot.append(_rows([(_label(" "), Text(showable(st["text"]))) for st in said]))
        if solo["n"] > len(said):  # "only A (18)" lists 3
            spot.append(Text(f"    … {solo['n'] - len(said):,} more", style="dim"))
    return StoryParts(top, shared_claims, conflicts, Group(*spot))


def estimated_lines(renderable: RenderableType, width: int) -> int:
    """About how many lines ``renderable`` (a part of the story: Text, a Group, rows of
    :func:`_rows`) takes ``width`` cells wide, without laying it out: its lines cut
    at ``width`` (word wrapping may add some; laying out is what measures)."""
    if isinstance(renderable, Text):
        return sum(
            -(-max(1, cell_len(line)) // max(1, width)) for line in renderable.plain.split("\n")
        )
    if isinstance(renderable, Group):
        return sum(estimated_lines(part, width) for part in renderable.renderables)
    if isinstance(renderable, Hanging) and renderable.rows:
        rest = max(1, width - renderable.label - 1)
        return sum(estimated_lines(text, rest) for _label, text in renderable.rows)
    return 1


class _HangingVisual(RichVisual):
    """A story's row as an option, measured from its texts' wrapping
    (:meth:`Hanging.height`), not drawn to be counted: laying a story out to its end (G,
    C) measured every article and conflict side, and drew only the few on the screen."""

    def get_height(self, rules: RulesMap, width: int) -> int:
        app = active_app.get()
        options = app.console_options.update_width(width).update(highlight=False)
        return cast(Hanging, self._renderable).height(app.console, options)


class StoryOptions(KeyedOptionList):
    """Options in the story's scroll, as tall as they are: the highlighted one is scrolled
    into sight there (an OptionList scrolls only itself). Its options may be laid out a
    page at a time (``more``: the next page, or with None all the rest; whether any were
    added): a key that would go past the last one laid out lays out more first."""

    more: Callable[[int | None], bool] = staticmethod(lambda _count: False)

    def __init__(self, *, id: str | None = None) -> None:
        # Each option's height by the width it was measured at: Textual measures every
        # option again at each layout of the story (the story's parts come in a few).
        self._measured: dict[int, dict[Option, int]] = {}
        super().__init__(id=id)

    def _get_visual(self, option: Option) -> Visual:
        if option._visual is None and isinstance(option.prompt, Hanging):
            option._visual = _HangingVisual(self, option.prompt)
        return super()._get_visual(option)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        padding = self.get_component_styles("option-list--option").padding.width
        heights = self._measured.setdefault(width, {})
        total = 0
        for index, option in enumerate(self.options):
            height = heights.get(option)
            if height is None:
                height = heights[option] = self._get_visual(option).get_height(
                    self.styles, width - padding
                )
            total += height + (1 if option._divider and index < len(self.options) - 1 else 0)
        return total

    def clear_options(self) -> Self:
        self._measured.clear()
        return super().clear_options()

    def action_cursor_down(self) -> None:
        if self.highlighted is not None and self.highlighted >= self.option_count - 1:
            self.more(OPTIONS_PAGE)
        super().action_cursor_down()

    def action_page_down(self) -> None:
        # A page of a list as tall as its options is all of them: the last one.
        self.more(None)
        super().action_page_down()

    def action_last(self) -> None:
        self.more(None)
        super().action_last()

    DEFAULT_CSS = """
    StoryOptions, StoryOptions:focus {
        height: auto;
        max-height: 100000;
        border: none;
        padding: 0;
        background: $background;
        background-tint: $background 0%;
    }
    StoryOptions > .option-list--option { padding: 0; }
    """

    def scroll_to_highlight(self, top: bool = False) -> None:
        index = self.highlighted
        story = self.parent
        if index is None or not self.is_mounted or not isinstance(story, VerticalScroll):
            return
        self._update_lines()
        line = self._index_to_line.get(index)
        if line is None:
            return
        at = self.virtual_region
        story.scroll_to_region(
            Region(at.x, at.y + line, at.width, self._heights[index]),
            animate=False,
            immediate=True,
            top=top,
        )


class StoryArticleList(StoryOptions):
    """The story's articles, one option each; Enter opens the article."""


class ConflictList(StoryOptions):
    """The story's conflicts, one option per side; Enter opens that side's statement."""


@dataclass(slots=True)
class _Block:
    """A part of the story's scroll, laid out in turn top to bottom: a widget, and for a
    list its options not added yet (each with its :func:`estimated_lines`)."""

    widget: Widget
    lines: int = 0  # a widget's estimated lines (a list's are its options')
    options: list[tuple[Option, int]] = field(default_factory=list)
    mounted: bool = False


@dataclass(frozen=True, slots=True)
class Chosen:
    """What the story view was left for: an article (opened at its top) or a side of a
    conflict (its statement, in its article)."""

    article_id: int | None = None
    statement_id: int | None = None


def _reading() -> Static:
    return Static(Text("Reading the story …", style="dim italic"), id="story-reading")


class StoryScreen(Screen[Chosen | None]):
    """One story; Esc closes it, ``a`` goes to its articles and ``C`` to its conflicts
    (Tab between them and the story), Enter on an article or on a side of a conflict
    opens it: the screen is dismissed with it (:class:`Chosen`)."""

    DEFAULT_CSS = """
    StoryScreen #story-claims, StoryScreen #story-conflicts, StoryScreen #story-blindspot {
        margin-top: 1;
    }
    StoryScreen #story-scroll { padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("search.close", "close"),
        # q, as in the help: a reader leaving the story pressed it, and nothing happened
        # (the app's q is the main screen's).
        bind("story.close", "close", show=False),
        bind("app.help", "help"),  # ? did nothing here either; shown, as on every screen
        bind("story.articles", "articles"),
        bind("story.conflicts", "conflicts"),
        bind("app.search", "search"),
        bind("pane.next", "next_pane", show=False),
        bind("pane.previous", "previous_pane", show=False),
    ]

    def __init__(self, library: Library, story_id: int, *, at_conflicts: bool = False) -> None:
        super().__init__()
        self.library = library
        self.story_id = story_id
        self.at_conflicts = at_conflicts
        self.sides: list[int] = []  # the statement id of each option of the conflict list
        self.article_ids: list[int] = []  # the id of each option of the article list
        self.shown = False  # the story is read and shown (until then, a line says it reads)
        self._pending: list[_Block] = []  # the parts not laid out yet, in order
        self._waits = 0  # checks in a row that found the last part not laid out yet

    def compose(self) -> ComposeResult:
        # The story is read in a worker (a story of 136 articles: ~90 ms of queries, which
        # held the key's first frame): the screen says so until it is shown.
        with StoryText(id="story-scroll"):
            yield _reading()
        yield FittingFooter()

    def refill(self, story_id: int, *, at_conflicts: bool = False) -> None:
        """Show ``story_id`` in this screen (kept installed by the main screen: a new
        screen's compose and first layout were most of ``o``'s time). The last story's
        parts are hidden at once (never drawn as the new story's) and replaced by the line
        saying it is read, as a new screen starts."""
        self.story_id = story_id
        self.at_conflicts = at_conflicts
        self.sides, self.article_ids = [], []
        self.shown = False
        self._pending, self._waits = [], 0
        scroll = self.query_one(StoryText)
        scroll.before_end = StoryText.before_end
        scroll.scrolled = StoryText.scrolled
        scroll.anchor(False)  # a G in the last story may not have reached its end
        scroll.styles.scrollbar_gutter = "auto"
        old = list(scroll.children)
        for widget in old:
            widget.display = False
        scroll.remove_children(old)
        scroll.mount(_reading())
        scroll.scroll_to(0, 0, animate=False, immediate=True)
        self.set_focus(scroll, scroll_visible=False)
        self._read(self.story_id)

    @work(exclusive=True, thread=True, group="story")
    def _read(self, story_id: int) -> None:
        worker = get_current_worker()
        with self.library.worker_db() as db:
            view = story_view(db, story_id)
            shown = None if view is None else blindspot_shown(db, view)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, story_id, view, shown)

    async def _show(
        self, story_id: int, view: dict[str, Any] | None, shown: list[str] | None
    ) -> None:
        """The story read: its parts replace the line that said it is read, as far as they
        fill :data:`SCREENS_AHEAD` screens; the rest as the reader scrolls to it. A story
        read for this screen before it was filled with another is not shown (its read
        may end after the next story was asked for)."""
        if not self.is_attached or story_id != self.story_id:
            return
        scroll = self.query_one(StoryText)
        await scroll.remove_children()
        width = max(1, self.size.width - 4)  # the scroll's padding and scrollbar
        self._pending = list(self._blocks(view, shown, width))
        if sum(b.lines + sum(n for _, n in b.options) for b in self._pending) > self.size.height:
            # A story taller than the screen has a scrollbar: its room kept from the first
            # layout, or the parts are laid out once without it and again narrower.
            scroll.styles.scrollbar_gutter = "stable"
        scroll.before_end = self._after_rest
        scroll.scrolled = self._check_more
        laid = self._lay_out(SCREENS_AHEAD * max(1, self.size.height))
        if laid is not None:
            await laid
        self.shown = True
        self.call_after_refresh(self._check_more)
        if self.at_conflicts:
            self.call_after_refresh(self.action_conflicts)

    def _blocks(
        self, view: dict[str, Any] | None, shown: list[str] | None, width: int
    ) -> list[_Block]:
        """The story's parts top to bottom (or a line saying it is gone)."""
        if view is None:
            return [_Block(Static(Text("This story is gone (matched again)."), markup=False))]
        parts = story_parts(view, shown)

        def static(renderable: RenderableType, id: str) -> _Block:
            return _Block(
                Static(renderable, id=id, markup=False), estimated_lines(renderable, width)
            )

        blocks = [static(parts.head, "story-head")]
        rows = article_rows(view)
        self.article_ids = [row_id for row_id, _ in rows]
        blocks += self._list(
            StoryArticleList(id="story-article-list"),
            rows,
            len(view["articles"]) - MAX_ARTICLES,
            "story-articles-more",
            width,
        )
        blocks += [static(parts.claims, "story-claims"), static(parts.conflicts, "story-conflicts")]
        sides = conflict_sides(view)
        self.sides = [row_id for row_id, _ in sides]
        blocks += self._list(
            ConflictList(id="story-conflict-list"),
            sides,
            len(view["conflict_groups"]) - MAX_CONFLICTS,
            "story-conflicts-more",
            width,
        )
        blocks.append(static(parts.blindspot, "story-blindspot"))
        return blocks

    def _list(
        self,
        listed: StoryOptions,
        rows: list[tuple[int, Hanging]],
        more: int,
        more_id: str,
        width: int,
    ) -> list[_Block]:
        """``listed`` holding ``rows`` (when there are any), then how many ``more`` are not
        listed."""
        blocks = []
        if rows:
            options = [(Option(row), estimated_lines(row, width)) for _, row in rows]
            listed.more = lambda count: self._more_of(listed, count)
            blocks.append(_Block(listed, options=options))
        if more > 0:
            line = Text(
                f"  … {more:,} more: `claimlens stories --id {self.story_id}` lists all",
                style="dim",
            )
            blocks.append(_Block(Static(line, id=more_id, markup=False), 1))
        return blocks

    def _lay_out(self, lines: int | None) -> AwaitMount | None:
        """Lay out the next parts of the story, about ``lines`` of them (None: all that are
        left; at least one option or widget): what mounts its new widgets (all at once: a
        mount done lays its parent out again), None if nothing was left."""
        scroll = self.query_one(StoryText)
        added = False
        new: list[Widget] = []
        while self._pending and (lines is None or lines > 0 or not added):
            block = self._pending[0]
            if block.options:
                take = len(block.options)
                if lines is not None:
                    take, sum_lines = 0, 0
                    while take < len(block.options) and (sum_lines < lines or take == 0):
                        sum_lines += block.options[take][1]
                        take += 1
                    lines -= sum_lines
                page, block.options = block.options[:take], block.options[take:]
                block.widget.add_options(option for option, _ in page)  # type: ignore[attr-defined]
            elif lines is not None:
                lines -= block.lines
            if not block.mounted:
                new.append(block.widget)
                block.mounted = True
            if not block.options:
                self._pending.pop(0)
            added = True
        if not added:
            return None
        return scroll.mount_all(new)

    def _more_of(self, listed: StoryOptions, count: int | None) -> bool:
        """``count`` more options of ``listed`` (None: all), when it is the part being laid
        out; whether any were added."""
        if not self._pending or self._pending[0].widget is not listed:
            return False
        block = self._pending[0]
        take = len(block.options) if count is None else count
        page, block.options = block.options[:take], block.options[take:]
        listed.add_options(option for option, _ in page)
        if not block.options:
            self._pending.pop(0)
        self.call_after_refresh(self._check_more)
        return bool(page)

    def _check_more(self) -> None:
        """Lay out more while what is laid out ends less than :data:`SCREENS_AHEAD`
        screens below the top of the scroll's view (checked again once laid out)."""
        if not self._pending or not self.is_attached:
            return
        scroll = self.query_one(StoryText)
        height = scroll.scrollable_content_region.height
        last = scroll.children[-1] if scroll.children else None
        if last is None or height <= 0:
            return
        if not last.virtual_region.height:  # mounted, not laid out yet: look again then
            if self._waits < CHECKS_BEFORE_LAYOUT:
                self._waits += 1
                self.set_timer(0.05, self._check_more)
            return
        self._waits = 0
        end = last.virtual_region_with_margin.bottom
        short = end < scroll.scroll_y + SCREENS_AHEAD * height
        if short and self._lay_out(height) is not None:
            self.call_after_refresh(self._check_more)

    def _after_rest(self, then: Callable[[], object]) -> bool:
        """Lay out the rest of the story and call ``then`` once its new parts are mounted
        and laid out (their places known: a scroll to them, a focus); False, and nothing
        called, when nothing was left."""
        laid = self._lay_out(None)
        if laid is None:
            return False

        async def when_laid_out() -> None:
            await laid
            self.call_after_refresh(then)

        self.call_next(when_laid_out)
        return True

    def _after_all(self, then: Callable[[], object]) -> None:
        """``then`` once the whole story is laid out (at once if it is)."""
        if not self._after_rest(then):
            then()

    def action_next_pane(self) -> None:
        """Tab: the next of the story, its articles and its conflicts (laid out first,
        unless Tab goes from the story to its articles)."""
        if isinstance(self.focused, StoryText):
            self.app.action_focus_next()
        else:
            self._after_all(self.app.action_focus_next)

    def action_previous_pane(self) -> None:
        """Shift+Tab: the one before (from the story round to its conflicts: laid out
        first, unless Shift+Tab goes from its articles to the story)."""
        if isinstance(self.focused, StoryArticleList):
            self.app.action_focus_previous()
        else:
            self._after_all(self.app.action_focus_previous)

    @property
    def conflict_list(self) -> ConflictList | None:
        found = self.query(ConflictList)
        return found.first() if found else None

    def on_mount(self) -> None:
        self.query_one(StoryText).focus()
        self._read(self.story_id)

    def action_search(self) -> None:
        """/ in a story: close it and search, as / does in the list (QA: it did nothing,
        and the next Esc closed the story)."""
        self.dismiss(None)
        self.app.call_after_refresh(self._search_after)

    def _search_after(self) -> None:
        search = getattr(self.app.screen, "action_search", None)
        if search is not None:
            search()

    def action_help(self) -> None:
        from tui.components.help_screen import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_articles(self) -> None:
        """Give the article list the keys (its first article chosen, unless one was
        chosen before), scrolled to its heading."""
        found = self.query(StoryArticleList)
        if not found:
            return
        listed = found.first()
        scroll = self.query_one(StoryText)
        scroll.scroll_to_widget(self.query_one("#story-head"), animate=False, immediate=True)
        self.set_focus(listed, scroll_visible=False)
        if listed.highlighted is None:
            listed.highlighted = 0
        listed.scroll_to_highlight()

    @on(OptionList.OptionSelected, "#story-article-list")
    def _open_article(self, event: OptionList.OptionSelected) -> None:
        """Enter on an article: dismissed with it, which the main screen opens."""
        event.stop()
        if 0 <= event.option_index < len(self.article_ids):
            self.dismiss(Chosen(article_id=self.article_ids[event.option_index]))

    def action_conflicts(self) -> None:
        """Scroll to the conflicts and give their list the keys (its first side chosen,
        unless one was chosen before): the story laid out to its end first."""
        if self._after_rest(self.action_conflicts):
            return
        scroll = self.query_one(StoryText)
        found = self.query("#story-conflicts")
        if found:
            scroll.scroll_to_widget(found.first(), top=True, animate=False, immediate=True)
        listed = self.conflict_list
        if listed is not None:
            self.set_focus(listed, scroll_visible=False)
            if listed.highlighted is None:
                listed.highlighted = 0

    @on(OptionList.OptionSelected, "#story-conflict-list")
    def _open_side(self, event: OptionList.OptionSelected) -> None:
        """Enter on a side of a conflict: dismissed with its statement's id, which the
        main screen opens in its article."""
        event.stop()
        if 0 <= event.option_index < len(self.sides):
            self.dismiss(Chosen(statement_id=self.sides[event.option_index]))

    def on_descendant_focus(self) -> None:
        for listed in self.query(StoryOptions):
            if listed.has_focus and listed.highlighted is None:
                listed.highlighted = 0

    def action_close(self) -> None:
        self.dismiss(None)
