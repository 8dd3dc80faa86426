"""The speaker filter (``w``): show only articles that quote one speaker — who said what."""

from __future__ import annotations

from rich.text import Text

from db.showable import showable
from tui.components.filter_screens import PickOneScreen
from tui.components.library import Library, ListState
from tui.wording import plural

Speaker = tuple[str, str, int, int]  # name, key, quotes, articles


class SpeakerFilterScreen(PickOneScreen):
    """Pick a speaker (most quoted first), or all. The list holds the most quoted few
    hundred; typing looks every speaker of the listed articles up in the database."""

    DIALOG_TITLE = "Who said what: one speaker"
    ALL_LABEL = "All speakers"
    EMPTY_LABEL = "No quotes with a named speaker yet"
    NOUN = "speaker"
    HINT = "↑/↓: move · Enter: show only their articles · Esc: cancel"
    LIST_ID = "speaker-options"

    def __init__(self, library: Library, state: ListState, current: str | None) -> None:
        self.library = library
        self.state = state
        # The whole list is read in a worker (every quote of the listed articles: ~1 s of
        # the UI thread in a newsroom's library), unless it is kept from an earlier open.
        self.key = library.speakers_key(state)
        kept = library.kept_speakers(self.key)
        super().__init__(*(kept if kept is not None else (None, 0)), current)

    def read_all(self) -> tuple[list[Speaker], int]:
        with self.library.worker_db() as db:
            return self.library.speakers(self.state, db=db)

    def all_read(self, items: list[Speaker], total: int) -> None:
        self.library.keep_speakers(self.key, (items, total))
        super().all_read(items, total)

    def name_of(self, item: Speaker) -> str:
        return item[0]

    def find(self, text: str) -> tuple[list[Speaker], int]:
        with self.library.worker_db() as db:
            return self.library.speakers(self.state, match=text, db=db)

    def label(self, item: Speaker) -> Text:
        name, key, quotes, articles = item
        label = Text(end="")
        label.append(showable(name))  # article text: a Text, never markup
        if "|" not in key and " " not in name and not name[:1].islower():
            # A surname alone that is no one person's row lists everyone of that name
            # (a name in lower case, "police", is picked as written: db.speakers).
            label.append(f" (anyone named {showable(name)})", style="dim")
        label.append(f"  {plural(quotes, 'quote')} in {plural(articles, 'article')}", style="dim")
        return label
