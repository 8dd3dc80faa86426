"""``o``: the story of the article under the cursor, as a thing to read.

Its title (the most representative headline), where and when it was first seen,
its outlets and articles, its claims with how many of its outlets carry each, its
conflicts (``C`` jumps there, also from the list), and its blindspot: the sources
active in those days that did not report it, and what only one outlet says.
Everything shown comes from the articles (untrusted): plain Text, never markup.
"""

from __future__ import annotations

from typing import Any, ClassVar

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


def story_sections(view: dict[str, Any]) -> tuple[Text, Text, Text]:
    """The story as three blocks: what it is (title, first seen, outlets, articles,
    claims), its conflicts, its blindspot."""
    head = Text(view["title"], style="bold")
    first = view["first_seen"]
    if first:
        head.append(f"\nfirst seen: {first['source']}, {first['date'] or 'undated'}", style="dim")
    head.append("\n")
    head.append(f"\n{len(view['outlets'])} outlets: " + ", ".join(view["outlets"]), style="bold")
    head.append("\n\n")
    head.append_text(_heading(f"Articles ({len(view['articles'])})"))
    for a in view["articles"]:
        head.append(f"\n  {a['date'] or 'undated':10.10}  {a['source']}: ", style="dim")
        head.append(a["title"])
    shared = [c for c in view["claims"] if c["n_outlets"] > 1]
    head.append("\n\n")
    head.append_text(_heading(f"Claims its outlets share ({len(shared)})"))
    for c in shared[:MAX_CLAIMS]:
        head.append(f"\n  {c['n_outlets']} outlets", style="bold")
        if c["has_conflict"]:
            head.append(" ≠", style="bold red")
        head.append("  ")
        head.append(c["text"])
    if len(shared) > MAX_CLAIMS:
        head.append(f"\n  … {len(shared) - MAX_CLAIMS} more", style="dim")

    conflicts = _heading(f"Conflicts ({len(view['conflicts'])})")
    if not view["conflicts"]:
        conflicts.append("\n  none: no two outlets give different numbers", style="dim")
    for c in view["conflicts"]:
        conflicts.append(f"\n  {c['a']['source']}: ", style="bold")
        conflicts.append(c["a"]["text"])
        conflicts.append(f"\n    ≠ {c['b']['source']}: ", style="bold red")
        conflicts.append(c["b"]["text"])

    blind = view["blindspot"]
    spot = _heading("Blindspot")
    missing = blind["missing_sources"]
    if blind["days"] is None:
        spot.append("\n  undated: no days to compare other sources with", style="dim")
    else:
        spot.append(f"\n  active {blind['days'][0]} to {blind['days'][1]}, did not report it: ")
        spot.append(", ".join(missing) if missing else "none", style="bold" if missing else "dim")
    for solo in blind["only_one_outlet"]:
        spot.append(f"\n  only {solo['source']} ({solo['n']}):", style="bold")
        for st in solo["statements"][:MAX_SOLO]:
            spot.append("\n    ")
            spot.append(st["text"])
    return head, conflicts, spot


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
