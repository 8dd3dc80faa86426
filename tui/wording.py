"""Counts in words for the CLI and the browser (``1 story``, ``201 stories``) and a
statement's name (``article 2 · 7``): the one implementation lives in :mod:`db.wording`,
shared with the engine's own messages. A stored date as the CLI shows it
(:func:`shown_date`)."""

from __future__ import annotations

from db.wording import plural, statement_name

__all__ = ["more_sources", "plural", "shown_date", "statement_name"]


def more_sources(n: int, shown: list[str]) -> str:
    """What follows the ``shown`` of ``n`` sources named: ``and 1,880 more (--json lists
    all 1,900)``."""
    return f"and {n - len(shown):,} more (--json lists all {n:,})"


def shown_date(date: str | None, missing: str = "undated") -> str:
    """A stored date as every listing, in the CLI and the browser, shows it: the day alone
    (``2024-11-06``, also for a feed's ``2024-11-06T10:00:00``: one form everywhere, and
    the time of publication says nothing of the claim; ``--json`` keeps the stored ISO
    value), else ``missing``."""
    return date[:10] if date else missing
