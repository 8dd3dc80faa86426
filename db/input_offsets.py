"""Offsets into an article's input, for `claimlens show --json`.

Stored offsets index the cleaned, stored text (db.cleaning). To give each statement,
quote and speaker its offsets in the input as it was given, the article's file is read
again (db.formats.read_input: the same reader, keeping what it read) and the cleaning
replayed on it (db.cleaning.pieces_offsets). Nothing is stored for this: it costs the
ingest nothing, and it needs the input to be where it was, unchanged.

What "the input" is depends on the format:

* plain text: the file's text (decoded as the ingest decoded it);
* JSON / JSON Lines: the record's headline and body fields as ``title + "\\n\\n" + body``
  (a body given as a list of paragraphs is joined by blank lines first);
* HTML pages and feeds: the headline and text the extractor gave (trafilatura, or the
  feed entry's HTML as text), joined the same way, before cleaning.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from db.cleaning import pieces_offsets
from db.formats import read_input

__all__ = ["InputMap", "add_input_offsets", "article_input_offsets"]

Span = tuple[int, int]


@dataclass(slots=True)
class InputMap:
    """``offsets[i]``: where ``spans[i]`` lies in the input, or None; ``of`` says what
    the input is ("file", "title+body"), ``why`` why nothing was mapped (else None)."""

    offsets: list[Span | None]
    of: str | None
    why: str | None


def article_input_offsets(
    db: sqlite_utils.Database, article_id: int, spans: list[Span]
) -> InputMap:
    """Input offsets of ``spans`` (offsets into the stored text of article ``article_id``)."""
    nothing = [None] * len(spans)
    row = db.execute(
        "SELECT path, key, title, text, body_start FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return InputMap(list(nothing), None, "no such article")
    path, key, title, stored, body_start = row
    if not path or not Path(path).is_file():
        return InputMap(list(nothing), None, "the input file is not there (fetched, moved)")
    record = read_input(Path(path), key)
    if record is None or record.input is None:
        return InputMap(list(nothing), None, "the input file no longer holds this article")
    if (record.title, record.body) != (title, stored[body_start:]):
        return InputMap(list(nothing), None, "the input file changed since it was ingested")
    mapped = pieces_offsets(record.input, stored, spans)
    if mapped is None:
        # The reader moved text between headline and body (no headline, or a headline
        # too long to be one): the stored text is not the input's cleaning alone.
        return InputMap(list(nothing), None, "the reader rearranged this input")
    return InputMap(mapped, "file" if record.input.whole_file else "title+body", None)


# Fields of show --json that carry stored offsets: (list key or None, start, end, prefix).
_FIELDS = (
    (None, "start", "end", "input_"),
    ("quotes", "start", "end", "input_"),
    ("quotes", "speaker_start", "speaker_end", "speaker_input_"),
    ("numbers", "start", "end", "input_"),
)


def add_input_offsets(
    db: sqlite_utils.Database, article_id: int, statements: list[dict[str, Any]]
) -> dict[str, Any]:
    """Give every statement, quote, speaker and number dict of ``statements`` (as
    db.articles.article_statements returns them) its input offsets beside the stored ones
    (``input_start``/``input_end``, ``speaker_input_start``/``speaker_input_end``; null
    when not mapped); return what the input is: ``{"of": "file" | "title+body" | None,
    "why": None | why nothing was mapped}``."""
    slots: list[tuple[dict[str, Any], str, str, str, str]] = []
    for st in statements:
        for key, start, end, prefix in _FIELDS:
            for item in [st] if key is None else st[key]:
                slots.append((item, start, end, prefix + "start", prefix + "end"))
    spans = [
        (item[a], item[b]) if item[a] is not None and item[b] is not None else (-1, -1)
        for item, a, b, _, _ in slots
    ]
    found = article_input_offsets(db, article_id, spans)
    for (item, _, _, a_name, b_name), offset in zip(slots, found.offsets, strict=True):
        item[a_name], item[b_name] = offset if offset is not None else (None, None)
    return {"of": found.of, "why": found.why}
