"""The reader's text layout, without Textual: speaker tags, offsets, word wrap, gutter marks.

An article's text is shown with a speaker tag (`` ‹name›``) after each attributed
quote, so every offset the engine gives (statements, quotes, numbers, in the
source text) is shifted into the displayed text by :class:`TagShifts`. The
displayed text is then wrapped into lines of (start, end) display offsets, so a
statement maps to its lines exactly. Everything is plain ``rich.text.Text``
styled by offsets: article text is never parsed as markup.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text

from db.showable import Showable, showable
from tui.wording import shown_date

GUTTER = 3  # cursor mark, status mark, space
# related: other sources report the event, not this claim (never corroboration).
STATUS_MARK = {"corroborated": "✓", "conflict": "≠", "related": "~", "unique": " "}
STATUS_RANK = {"conflict": 3, "corroborated": 2, "related": 1, "unique": 0}
CLOSING_QUOTES = "\"'”’»"
MIN_TEXT_WIDTH = 8
_TOKEN = re.compile(r"\S+|\s+")

StyleOf = Callable[[str], Style]  # a component style by name ("speaker", "quote", ...)


@dataclass
class Layout:
    """The article as display text, wrapped into lines of display offsets."""

    text: Text  # the article text plus speaker tags, styled by status (no cursor)
    header: list[Text]  # lines above the text (source, date, address)
    lines: list[tuple[int, int]]  # (start, end) display offsets of each text line
    spans: list[tuple[int, int]]  # display (start, end) of each statement
    first_line: list[int] = field(default_factory=list)  # statement -> its first line
    last_line: list[int] = field(default_factory=list)
    marks: dict[int, str] = field(default_factory=dict)  # line -> status of statements there


def wrap(text: str, width: int, breaks: Sequence[int] = ()) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text`` to ``width`` cells: (start, end) offsets of each line.

    Newlines always break; so does each offset in ``breaks`` (where a statement
    starts: its gutter mark then labels it, not the sentence before it). Spaces
    at a break stay at the end of the line (they are not drawn). A word that does not
    fit on the rest of a line starts the next one whole; only a word (an address, a
    long compound) wider than the whole line is cut, where it can be read as cut
    (:func:`_cut`: after a slash or a hyphen, before a dot or a query), else at the
    line's end.
    """
    width = max(1, width)
    marks = sorted(set(breaks))
    lines: list[tuple[int, int]] = []
    base = 0
    for para in text.split("\n"):
        line_start, used, has_word = base, 0, False
        for at, token, forced in _pieces(para, base, marks):
            cells = cell_len(token)
            if token.isspace():
                used += cells
                continue
            if (forced and has_word) or (used and used + cells > width):
                lines.append((line_start, at))
                line_start, used = at, 0
            while cells > width:  # a word wider than a line: cut it
                cut = _cut(token, width)
                lines.append((at, at + cut))
                at, token = at + cut, token[cut:]
                cells = cell_len(token)
                line_start = at
            used += cells
            has_word = True
        lines.append((line_start, base + len(para)))
        base += len(para) + 1
    return lines


def _pieces(para: str, base: int, marks: list[int]) -> Iterator[tuple[int, str, bool]]:
    """(offset, token, starts a line) for the words and spaces of one paragraph; a word
    with a break inside is cut there, and a word is forced to start a line when a
    break falls on it or in the spaces before it."""
    word_end = base  # where the previous word (or piece of one) ended
    for m in _TOKEN.finditer(para):
        token, start = m.group(0), base + m.start()
        if token.isspace():
            yield start, token, False
            continue
        end = start + len(token)
        cuts = marks[bisect.bisect_right(marks, start) : bisect.bisect_left(marks, end)]
        for piece_start, piece_end in zip([start, *cuts], [*cuts, end], strict=True):
            i = bisect.bisect_left(marks, word_end)
            forced = i < len(marks) and marks[i] <= piece_start
            yield piece_start, token[piece_start - start : piece_end - start], forced
            word_end = piece_end


# Where a word wider than the line (an address, a long compound) may be cut: after these
# (a path's slash, "//" kept whole; a hyphen or dash) ...
BREAK_AFTER = frozenset("/-\u2010\u2013\u2014")
# ... or before these (an address's dots and query parts), as the Chicago Manual cuts
# a URL: the line's end then never reads as a sentence's end.
BREAK_BEFORE = frozenset(".?#&_~%")


def _cut(token: str, width: int) -> int:
    """How many leading characters of ``token`` (wider than ``width`` cells) go on a
    line: up to its last break opportunity (BREAK_AFTER, BREAK_BEFORE) that fits, if
    that fills at least half the line and leaves letters or digits for the next, else
    as many as fit (but for its last letter or digit, when only punctuation would be
    left for the next line: a full stop alone there)."""
    fit = _fitting_chars(token, width)
    if fit >= len(token):  # one wide character on a line narrower than it
        return fit
    for at in range(fit, 0, -1):
        if at * 2 < fit:
            break
        before, after = token[at - 1], token[at]
        breaks = (before in BREAK_AFTER and not (before == "/" == after)) or (
            after in BREAK_BEFORE and before not in BREAK_BEFORE
        )
        if breaks and any(ch.isalnum() for ch in token[at:]):
            return at
    if not any(ch.isalnum() for ch in token[fit:]):
        last = next((i for i in range(fit - 1, 0, -1) if token[i].isalnum()), 0)
        if last * 2 >= fit:  # its last letter or digit goes with the punctuation
            return last
    return fit


def _fitting_chars(token: str, width: int) -> int:
    """How many leading characters of ``token`` fit in ``width`` cells (at least one)."""
    cut = fitted = 0
    for ch in token:
        if fitted + cell_len(ch) > width:
            break
        fitted += cell_len(ch)
        cut += 1
    return max(1, cut)


def speaker_tags(source_text: str, statements: Sequence[dict[str, Any]]) -> list[tuple[int, str]]:
    """(source offset, tag) of each speaker tag, in offset order: after the closing
    quote mark of each attributed quote (``"... in Russia," the spokesman said``)."""
    inserts: list[tuple[int, str]] = []
    for st in statements:
        for q in st["quotes"]:
            if not q.get("speaker"):
                continue
            pos = min(q["end"], len(source_text))
            if pos < len(source_text) and source_text[pos] in CLOSING_QUOTES:
                pos += 1
            elif source_text[pos : pos + 1] in (",", ".") and (
                source_text[pos + 1 : pos + 2] in tuple(CLOSING_QUOTES)
            ):
                pos += 2
            inserts.append((pos, f" ‹{showable(q['speaker'])}›"))
    inserts.sort(key=lambda item: item[0])
    return inserts


class TagShifts:
    """Maps source-text offsets to display offsets once the tags are inserted."""

    def __init__(self, inserts: Sequence[tuple[int, str]]) -> None:
        self.positions = [p for p, _ in inserts]
        self.shifts = [0]
        for _, tag in inserts:
            self.shifts.append(self.shifts[-1] + len(tag))

    def at_start(self, offset: int) -> int:
        """A span starting at ``offset``: a tag inserted there comes before it."""
        return offset + self.shifts[bisect.bisect_right(self.positions, offset)]

    def at_end(self, offset: int) -> int:
        """A span ending at ``offset``: a tag inserted there comes after it."""
        return offset + self.shifts[bisect.bisect_left(self.positions, offset)]


def display_text(source_text: str, inserts: Sequence[tuple[int, str]], tag_style: Style) -> Text:
    """The source text with the speaker tags inserted (and styled)."""
    text = Text(end="", no_wrap=True)
    pos = 0
    for p, tag in inserts:
        text.append(source_text[pos:p])
        text.append(tag, tag_style)
        pos = p
    text.append(source_text[pos:])
    return text


def header_lines(article: dict[str, Any], style: StyleOf) -> list[Text]:
    """Source · date · address, then a blank line."""
    meta = Text(end="", no_wrap=True, overflow="ellipsis")
    meta.append(showable(article["source"] or ""), style("meta") + Style(bold=True))
    # The day, as every list and panel shows it (a feed's time of day is not shown).
    meta.append(f" · {shown_date(article['date'])}", style("meta"))
    where = showable(article.get("url") or "")
    if where:
        meta.append(f" · {where}", style("meta"))
    return [meta, Text("", end="")]


def build_layout(
    article: dict[str, Any] | None,
    statements: Sequence[dict[str, Any]],
    width: int,
    style: StyleOf,
) -> Layout:
    """Lay ``article`` out for a pane ``width`` cells wide (gutter included)."""
    if article is None:
        return Layout(Text(), [], [], [])
    # The text as it may be shown (no bidi override reverses a line), every offset moved
    # with it: a character left out before a statement moves it back.
    safe = Showable(article["text"])
    source_text = safe.text
    if safe.dropped:
        statements = [_moved(st, safe) for st in statements]
        body_start = article.get("body_start")
        article = {**article, "body_start": safe.at(body_start) if body_start else body_start}
    inserts = speaker_tags(source_text, statements)
    shift = TagShifts(inserts)
    text = display_text(source_text, inserts, style("speaker"))
    spans: list[tuple[int, int]] = []
    for st in statements:
        start, end = shift.at_start(st["start"]), shift.at_end(st["end"])
        spans.append((start, end))
        if st["kind"] in ("headline", "caption"):
            text.stylize(style(st["kind"]), start, end)
        status = st.get("status", "unique")
        if status in ("corroborated", "conflict"):
            text.stylize(style(status), start, end)
        for q in st["quotes"]:
            text.stylize(style("quote"), shift.at_start(q["start"]), shift.at_end(q["end"]))
        if status == "conflict":
            for n in st["numbers"]:
                text.stylize(style("number"), shift.at_start(n["start"]), shift.at_end(n["end"]))
    if article.get("body_start") and not any(s["kind"] == "headline" for s in statements):
        text.stylize(style("headline"), 0, shift.at_end(article["body_start"]))

    # Each statement starts a line, so its gutter marks stand where it starts.
    breaks = [start for start, _ in spans]
    lines = wrap(text.plain, max(MIN_TEXT_WIDTH, width - GUTTER), breaks)
    layout = Layout(text, header_lines(article, style), lines, spans)
    place_statements(layout, statements)
    return layout


def _moved(statement: dict[str, Any], safe: Showable) -> dict[str, Any]:
    """A copy of ``statement`` with its offsets, and its quotes' and numbers', in the text
    shown (``safe.text``)."""

    def spans(items: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
        return [
            {**item, "start": safe.at(item["start"]), "end": safe.at(item["end"])} for item in items
        ]

    return {
        **statement,
        "start": safe.at(statement["start"]),
        "end": safe.at(statement["end"]),
        "quotes": spans(statement["quotes"]),
        "numbers": spans(statement["numbers"]),
    }


def place_statements(layout: Layout, statements: Sequence[dict[str, Any]]) -> None:
    """Each statement's first and last line, and the status mark of each line."""
    starts = [a for a, _ in layout.lines]
    for (start, end), st in zip(layout.spans, statements, strict=True):
        first = max(0, bisect.bisect_right(starts, start) - 1)
        last = max(first, bisect.bisect_right(starts, max(start, end - 1)) - 1)
        layout.first_line.append(first)
        layout.last_line.append(last)
        status = st.get("status", "unique")
        if STATUS_RANK.get(status, 0) > STATUS_RANK.get(layout.marks.get(first, ""), -1):
            layout.marks[first] = status
