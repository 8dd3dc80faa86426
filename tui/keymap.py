"""Every key binding of the browser, in one table, each with a stable id.

Widgets build their ``BINDINGS`` with :func:`bind`, so the help screen, the
README's keys table and a user's ``[keymap]`` (binding id = "keys", see
:mod:`tui.config`) all speak of the same ids. Ids shared by several panes
(``cursor.down`` moves the cursor in the list, the reader, the claim panel and
the search results) are remapped everywhere at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.binding import Binding


@dataclass(frozen=True, slots=True)
class KeySpec:
    id: str
    keys: str  # Textual key names, comma separated
    description: str  # short, for the footer
    help: str  # one line for the help screen
    section: str


SECTIONS = ("Move", "Panes", "Claims", "Search", "Filter", "App", "Search screen")

_SPECS = [
    # Move: the cursor of whichever pane has focus.
    KeySpec("cursor.down", "j,down", "Down", "next article / statement / match", "Move"),
    KeySpec("cursor.up", "k,up", "Up", "previous article / statement / match", "Move"),
    KeySpec("cursor.top", "g,home", "Top", "first row", "Move"),
    KeySpec("cursor.bottom", "G,end", "Bottom", "last row", "Move"),
    KeySpec("cursor.page_down", "pagedown,space,ctrl+f", "Page down", "one page down", "Move"),
    KeySpec("cursor.page_up", "pageup,b,ctrl+b", "Page up", "one page up", "Move"),
    KeySpec(
        "cursor.select",
        "enter",
        "Open",
        "open the article or the story at its heading / jump to the match (or to a story's"
        " article or conflict)",
        "Move",
    ),
    # Panes.
    KeySpec("pane.next", "tab", "Next pane", "focus the next pane", "Panes"),
    KeySpec("pane.previous", "shift+tab", "Prev pane", "focus the previous pane", "Panes"),
    KeySpec(
        "pane.back",
        "escape,backspace",
        "Back",
        "jump back (after a jump), else back to the article list",
        "Panes",
    ),
    KeySpec(
        "pane.toggle_view",
        "v",
        "List/Text",
        "switch between the list and the text (narrow terminals)",
        "Panes",
    ),
    KeySpec(
        "pane.claims",
        "c",
        "Claims",
        "the claim panel alone, full height, to read every match (c again: back)",
        "Panes",
    ),
    KeySpec(
        "story.open",
        "o",
        "Story",
        "the story under the cursor: outlets, claims, conflicts, blindspot",
        "Panes",
    ),
    KeySpec(
        "story.conflicts",
        "C",
        "Conflicts",
        "the story's conflicts (in the story view: to them; j/k choose, ⏎ opens one)",
        "Panes",
    ),
    KeySpec(
        "story.articles",
        "a",
        "Articles",
        "(in the story view) to its articles: j/k choose, ⏎ opens one in the text",
        "Panes",
    ),
    KeySpec("story.close", "q", "Close", "close the story view (also Esc)", "Panes"),
    # Claims.
    KeySpec(
        "reader.next_matched",
        "right_square_bracket",
        "Matched",
        "next statement another source also reports (on the list: open at the first)",
        "Claims",
    ),
    KeySpec(
        "reader.previous_matched",
        "left_square_bracket",
        "Prev match",
        "previous statement another source also reports (on the list: at the last)",
        "Claims",
    ),
    # Search.
    KeySpec(
        "app.search", "slash", "Search", "search statements (ranked, words highlighted)", "Search"
    ),
    KeySpec(
        "app.fuzzy_search",
        "f",
        "Fuzzy",
        "fuzzy quote search (misspelled, half-remembered)",
        "Search",
    ),
    KeySpec("app.next_hit", "n", "Next hit", "open the next search hit", "Search"),
    KeySpec("app.previous_hit", "N", "Prev hit", "open the previous search hit", "Search"),
    # Filter.
    KeySpec("app.filter_source", "s", "Source", "show one source only", "Filter"),
    KeySpec("app.filter_date", "d", "Dates", "show a date range only", "Filter"),
    KeySpec(
        "app.filter_speaker",
        "w",
        "Who",
        "who said what: show only articles quoting one speaker",
        "Filter",
    ),
    KeySpec(
        "app.clear_filters", "x", "Clear", "clear the source, date and speaker filters", "Filter"
    ),
    KeySpec("app.toggle_stories", "t", "Stories", "group the list by story, or not", "Filter"),
    KeySpec(
        "app.newest",
        "u",
        "Newest",
        'jump to the newest article (after "N new": added while open)',
        "Filter",
    ),
    # App.
    KeySpec("app.help", "question_mark", "Help", "this help", "App"),
    KeySpec("app.command_palette", "ctrl+p", "Commands", "command palette", "App"),
    KeySpec("app.quit", "q", "Quit", "quit", "App"),
    KeySpec("help.close", "q,question_mark", "Close", "close this help (also Esc)", "App"),
    # Search screen (typing goes to the query; these keys act on the results).
    KeySpec(
        "search.toggle_mode",
        "ctrl+t",
        "Words/Fuzzy",
        "switch between word search and fuzzy quote search",
        "Search screen",
    ),
    KeySpec("search.down", "down,ctrl+n", "Next", "next result", "Search screen"),
    KeySpec("search.up", "up", "Previous", "previous result", "Search screen"),
    KeySpec("search.open", "enter", "Open", "open the article at the result", "Search screen"),
    KeySpec("search.close", "escape", "Close", "close search (and help, filters)", "Search screen"),
]

SPECS: dict[str, KeySpec] = {spec.id: spec for spec in _SPECS}


def bind(binding_id: str, action: str, *, show: bool = True, priority: bool = False) -> Binding:
    """The Binding for ``binding_id`` with its default keys and descriptions."""
    spec = SPECS[binding_id]
    return Binding(
        spec.keys,
        action,
        spec.description,
        show=show,
        priority=priority,
        tooltip=spec.help,
        id=binding_id,
    )


def effective_keys(binding_id: str, keymap: dict[str, str]) -> str:
    """The keys bound to ``binding_id`` once the user's keymap is applied."""
    return keymap.get(binding_id, SPECS[binding_id].keys)


def key_name(app: Any, binding_id: str) -> str:
    """The first key bound to ``binding_id`` as the footer shows it (``]``, ``^p``), the
    user's keymap applied: for a notice that names the key to press."""
    keys = effective_keys(binding_id, getattr(app, "keymap_overrides", {}))
    return str(app.get_key_display(Binding(keys.split(",")[0].strip(), "noop")))


def unknown_ids(keymap: dict[str, str]) -> list[str]:
    return sorted(set(keymap) - set(SPECS))


_MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


def is_key(key: str) -> bool:
    """Whether ``key`` names a key as Textual does: a character (``j``, ``?``) or its name
    (``question_mark``, ``right_square_bracket``, ``slash``), or a key's (``down``,
    ``pagedown``, ``f5``), after modifiers (``ctrl+n``). '"cursor.down" = "notakey"' was
    taken as it was: j and ↓ stopped moving, and nothing said why."""
    from textual.keys import REPLACED_KEYS, Keys, key_to_character

    *modifiers, name = key.split("+")
    if not name or any(m not in _MODIFIERS for m in modifiers):
        return False
    known = {k.value for k in Keys}
    return name in known or name in REPLACED_KEYS or key_to_character(name) is not None


def shared_keys(keymap: dict[str, str]) -> list[tuple[str, list[str]]]:
    """(key, binding ids) for each key that ``keymap`` gives to a binding while another
    of the same screen still has it: only one of them can act on it ('"cursor.down" =
    "q"' made q move down, and nothing quit, while the help still said "q quit"). The
    search screen and the help screen are screens of their own."""
    from textual.keys import _character_to_key

    held: dict[tuple[str, str], list[str]] = {}
    for spec in SPECS.values():
        screen = spec.section if spec.section == "Search screen" else spec.id
        # (the help and the story view are screens of their own: their q is not main's)
        screen = screen if screen in ("Search screen", "help.close", "story.close") else "main"
        keys = keymap.get(spec.id, spec.keys)
        # "?" is question_mark, as Textual reads a binding's keys.
        named = (k.strip() for k in keys.split(",") if k.strip())
        for key in dict.fromkeys(_character_to_key(k) if len(k) == 1 else k for k in named):
            held.setdefault((screen, key), []).append(spec.id)
    return [
        (key, ids)
        for (_screen, key), ids in held.items()
        if len(ids) > 1 and any(i in keymap for i in ids)
    ]
