"""Which words of one statement differ from another's, for highlighting (pure functions)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_WORD = re.compile(r"\w+(?:[.,'’]\w+)*", re.UNICODE)


def word_spans(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0).lower()) for m in _WORD.finditer(text)]


MAX_CHANGED = 0.5  # above this share of changed words it is a paraphrase: mark nothing


def differing_spans(mine: str, other: str) -> list[tuple[int, int]]:
    """Spans of ``other`` whose words are not in the same place in ``mine``.

    Only for near-copies (a wire story lightly edited): when most words differ,
    marking them all says nothing, so nothing is marked.
    """
    a = [w for _, _, w in word_spans(mine)]
    b_spans = word_spans(other)
    b = [w for _, _, w in b_spans]
    if not a or not b:
        return []
    matcher = SequenceMatcher(a=a, b=b, autojunk=False)
    spans: list[tuple[int, int]] = []
    changed = 0
    for tag, _i1, _i2, j1, j2 in matcher.get_opcodes():
        if tag in ("replace", "insert") and j2 > j1:
            spans.append((b_spans[j1][0], b_spans[j2 - 1][1]))
            changed += j2 - j1
    if changed > MAX_CHANGED * len(b):
        return []
    return spans


def find_spans(text: str, needles: list[str]) -> list[tuple[int, int]]:
    """Where each of ``needles`` (e.g. a number as written) first occurs in ``text``."""
    spans = []
    for needle in needles:
        if not needle:
            continue
        at = text.find(needle)
        if at < 0:
            at = text.lower().find(needle.lower())
        if at >= 0:
            spans.append((at, at + len(needle)))
    return spans
