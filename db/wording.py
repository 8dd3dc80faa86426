"""Counts in words, one way for the engine's messages, the CLI and the browser: ``1 story``,
``201 stories``; a statement's name, ``article 2 · 7`` (:mod:`tui.wording` gives the CLI
and the browser the same functions). A leaf: imports nothing of claimlens."""

from __future__ import annotations

__all__ = ["a_or_an", "plural", "statement_name"]

_VOWELS = ("a", "e", "i", "o", "u")


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 article``, ``2 articles``, ``1,024 statements``, ``3 stories``, ``2 matches``
    (``many``: an irregular plural)."""
    if n == 1:
        return f"{n:,} {word}"
    if many is None:
        if word.endswith("y") and not word[:-1].endswith(_VOWELS):
            many = word[:-1] + "ies"
        elif word.endswith(("s", "x", "z", "ch", "sh")):
            many = word + "es"
        else:
            many = word + "s"
    return f"{n:,} {many}"


def a_or_an(word: str) -> str:
    """``word`` after its indefinite article by its first letter: ``an exec``, ``a query``."""
    return f"{'an' if word[:1].lower() in _VOWELS else 'a'} {word}"


def statement_name(article_id: int, seq: int) -> str:
    """A statement as the README names it everywhere: ``article 2 · 7``, its article and
    its number there, counted from 0 (the headline) as ``claimlens show 2`` lists them."""
    return f"article {article_id} · {seq}"
