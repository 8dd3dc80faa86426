"""Text made safe to show on a terminal: the one rule for the CLI and the browser.

Stored text has no escape sequences (``db.cleaning`` removed them at ingest), but it
keeps what is harmless in a file and not on a screen: Unicode's bidirectional controls
(embeddings, overrides, isolates and marks). On a terminal that lays out bidi text, a
title's U+202E RIGHT-TO-LEFT OVERRIDE shows the rest of its line reversed — the dates,
ids and the next column too. They are left out of what is shown, with any control
character a file name or a server's message may still carry (tab and newline stay).
Every one of them is drawn zero cells wide, so leaving them out moves no column.

A leaf: imports nothing of claimlens, and only ``re`` and ``bisect`` (every CLI command
that prints imports it; ``claimlens search`` must start at once).
"""

from __future__ import annotations

import bisect
import re

# Unicode's Bidi_Control characters, as a character class's body: ALM U+061C, LRM/RLM
# U+200E-200F, embeddings and overrides U+202A-202E, isolates U+2066-2069 (db.cleaning
# drops them at ingest too).
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# C0 controls but tab and newline, DEL and C1; then the bidi controls.
_UNSHOWABLE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")


def showable(text: str) -> str:
    """``text`` as it may reach a terminal: without control characters (but tab and
    newline) and bidirectional controls."""
    return _UNSHOWABLE.sub("", text)


class Showable:
    """``showable(raw)`` and where each offset into ``raw`` falls in it: for text styled by
    offsets (an article's statements, a search hit's matched words)."""

    __slots__ = ("dropped", "text")

    def __init__(self, raw: str) -> None:
        self.dropped = [m.start() for m in _UNSHOWABLE.finditer(raw)]
        self.text = _UNSHOWABLE.sub("", raw) if self.dropped else raw

    def at(self, offset: int) -> int:
        """Offset ``offset`` of the raw text in the text shown (a character left out
        before it moves it back by one)."""
        return offset - bisect.bisect_left(self.dropped, offset)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.at(start), self.at(end)
