"""Building blocks for word lists and fast word regexes, shared by db.numbers and db.quotes."""

from __future__ import annotations

__all__ = ["first_letter_trie", "with_punct", "words"]

TOKEN_PUNCT = ",.;:!?\"'()[]”“’‘—–…"


def words(spaced: str) -> frozenset[str]:
    """A word set written as one whitespace-separated string (easier to read/edit)."""
    return frozenset(spaced.split())


def first_letter_trie(word_list: list[str]) -> str:
    """'(?<=[Tt])(?:wo|hree|...)|...' — dispatch on the first letter (already consumed)."""
    by_first: dict[str, list[str]] = {}
    for w in word_list:
        by_first.setdefault(w[0], []).append(w[1:])
    return "|".join(
        f"(?<=[{c}{c.upper()}])(?:" + "|".join(sorted(rests, key=len, reverse=True)) + ")"
        for c, rests in sorted(by_first.items())
    )


def with_punct(word_set: set[str]) -> frozenset[str]:
    """``word_set`` as ``str.split()`` tokens may carry them: 'five,', '(five', 'said."'."""
    out = set(word_set)
    for w in word_set:
        for p in TOKEN_PUNCT:
            out.update((w + p, p + w))
            out.update(w + p + q for q in TOKEN_PUNCT)
    return frozenset(out)
