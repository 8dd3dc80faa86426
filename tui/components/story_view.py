"""``o``: the story of the article under the cursor, as a thing to read.

Its title (the most representative headline), where and when it was first seen,
its outlets and articles, its claims with how many of its outlets carry each, its
conflicts (``C`` jumps there, also from the list), and its blindspot: the sources
active in those days that did not report it, and what only one outlet says.
Everything shown comes from the articles (untrusted): plain Text, never markup.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from db.story_reads import story_view
from tui.components.footer import FittingFooter
from tui.components.library import Library
from tui.components.line_view import cursor_bindings
from tui.keymap import bind

# Claims and one-outlet statements listed per story (the CLI's --json has them all).
MAX_CLAIMS = 15
MAX_SOLO = 3


class StoryText(VerticalScroll):
    BINDINGS: ClassVar[list[BindingType]] = cursor_bindings(
        down="scroll_down", up="scroll_up", top="scroll_home", bottom="scroll_end"
    )


def _heading(text: str) -> Text:
    return Text(text, style="bold underline")


def _rows(rows: list[tuple[Text, Text]]) -> Table:
    """A label and a text per row; a long text wraps under itself, not under its label
    (readable at 80 columns)."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for label, text in rows:
        grid.add_row(label, text)
    return grid


def _label(text: str, style: str = "dim") -> Text:
    return Text("  " + text, style=style)


def story_sections(view: dict[str, Any]) -> tuple[Group, Group, Group]:
    """The story as three blocks: what it is (title, first seen, outlets, articles,
    claims), its conflicts, its blindspot. Every text from the articles is a plain
    Text (never markup)."""
    head = Text(view["title"], style="bold")
    first = view["first_seen"]
    if first:
        head.append(f"\nfirst seen: {first['source']}, {first['date'] or 'undated'}", style="dim")
    head.append("\n")
    head.append(f"\n{len(view['outlets'])} outlets: " + ", ".join(view["outlets"]), style="bold")
    head.append("\n")
    articles = [
        (_label(f"{a['date'] or 'undated':10.10}  {a['source']}:"), Text(a["title"]))
        for a in view["articles"]
    ]
    shared = [c for c in view["claims"] if c["n_outlets"] > 1]
    claims = []
    for c in shared[:MAX_CLAIMS]:
        label = _label(f"{c['n_outlets']} outlets", "bold")
        if c["has_conflict"]:
            label.append(" ≠", style="bold red")
        claims.append((label, Text(c["text"])))
    more = []
    if len(shared) > MAX_CLAIMS:
        more.append(Text(f"  … {len(shared) - MAX_CLAIMS} more", style="dim"))
    what = Group(
        head,
        _heading(f"Articles ({len(view['articles'])})"),
        _rows(articles),
        Text(),
        _heading(f"Claims its outlets share ({len(shared)})"),
        _rows(claims),
        *more,
    )

    parts: list[RenderableType] = [_heading(f"Conflicts ({len(view['conflicts'])})")]
    if not view["conflicts"]:
        parts.append(Text("  none: no two outlets give different numbers", style="dim"))
    pairs = []
    for c in view["conflicts"]:
        pairs.append((_label(f"{c['a']['source']}:", "bold"), Text(c["a"]["text"])))
        pairs.append((_label(f"≠ {c['b']['source']}:", "bold red"), Text(c["b"]["text"])))
    parts.append(_rows(pairs))
    conflicts = Group(*parts)

    blind = view["blindspot"]
    spot: list[RenderableType] = [_heading("Blindspot")]
    missing = blind["missing_sources"]
    if blind["days"] is None:
        spot.append(Text("  undated: no days to compare other sources with", style="dim"))
    else:
        line = Text(f"  active {blind['days'][0]} to {blind['days'][1]}, did not report it: ")
        line.append(", ".join(missing) if missing else "none", style="bold" if missing else "dim")
        spot.append(line)
    for solo in blind["only_one_outlet"]:
        spot.append(Text(f"  only {solo['source']} ({solo['n']}):", style="bold"))
        said = solo["statements"][:MAX_SOLO]
        spot.append(_rows([(_label(" "), Text(st["text"])) for st in said]))
    return what, conflicts, Group(*spot)


class StoryScreen(Screen[None]):
    """One story; Esc closes it, ``C`` scrolls to its conflicts."""

    DEFAULT_CSS = """
    StoryScreen #story-conflicts, StoryScreen #story-blindspot { margin-top: 1; }
    StoryScreen #story-scroll { padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        bind("search.close", "close"),
        bind("story.conflicts", "conflicts"),
    ]

    def __init__(self, library: Library, story_id: int, *, at_conflicts: bool = False) -> None:
        super().__init__()
        self.library = library
        self.story_id = story_id
        self.at_conflicts = at_conflicts

    def compose(self) -> ComposeResult:
        view = story_view(self.library.db, self.story_id)
        with StoryText(id="story-scroll"):
            if view is None:
                yield Static(Text("This story is gone (matched again)."), markup=False)
            else:
                head, conflicts, spot = story_sections(view)
                yield Static(head, id="story-head", markup=False)
                yield Static(conflicts, id="story-conflicts", markup=False)
                yield Static(spot, id="story-blindspot", markup=False)
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one(StoryText).focus()
        if self.at_conflicts:
            self.call_after_refresh(self.action_conflicts)

    def action_conflicts(self) -> None:
        found = self.query("#story-conflicts")
        if found:
            self.query_one(StoryText).scroll_to_widget(found.first(), top=True, animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
