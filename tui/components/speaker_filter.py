"""The speaker filter (``w``): show only articles that quote one speaker — who said what."""

from __future__ import annotations

from rich.text import Text

from tui.components.filter_screens import PickOneScreen
from tui.wording import plural


class SpeakerFilterScreen(PickOneScreen):
    """Pick a speaker (most quoted first), or all."""

    DIALOG_TITLE = "Who said what: one speaker"
    ALL_LABEL = "All speakers"
    EMPTY_LABEL = "No quotes with a named speaker yet"
    HINT = "Enter: show only their articles · Esc: cancel"
    LIST_ID = "speaker-options"

    def __init__(self, speakers: list[tuple[str, str, int, int]], current: str | None) -> None:
        super().__init__([name for name, _key, _quotes, _articles in speakers], current)
        self.speakers = speakers

    def label(self, index: int) -> Text:
        name, _key, quotes, articles = self.speakers[index]
        label = Text(end="")
        label.append(name)  # article text: a Text, never markup
        label.append(f"  {plural(quotes, 'quote')} in {plural(articles, 'article')}", style="dim")
        return label
