"""Counts in words for the CLI and the browser (``1 story``, ``201 stories``) and a
statement's name (``article 2 · 7``): the one implementation lives in :mod:`db.wording`,
shared with the engine's own messages."""

from __future__ import annotations

from db.wording import plural, statement_name

__all__ = ["more_sources", "plural", "statement_name"]


def more_sources(n: int, shown: list[str]) -> str:
    """What follows the ``shown`` of ``n`` sources named: ``and 1,880 more (--json lists
    all 1,900)``."""
    return f"and {n - len(shown):,} more (--json lists all {n:,})"
