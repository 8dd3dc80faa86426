"""Counts in words for the CLI and the browser (``1 story``, ``201 stories``) and a
statement's name (``article 2 · 7``): the one implementation lives in :mod:`db.wording`,
shared with the engine's own messages. A stored date as the CLI shows it
(:func:`shown_date`). A name cut to a column's terminal cells (:func:`fit_cells`)."""

from __future__ import annotations

import re
from typing import Any

from db.wording import plural, statement_name

__all__ = [
    "cell_width",
    "diff_values",
    "first_seen",
    "fit_cells",
    "more_sources",
    "plural",
    "shown_date",
    "statement_name",
    "status_statement",
    "values_apart",
    "why_matched",
]

# What a match rests on when the matcher found no shared name, number, quote or speaker
# (a headline in title case names nothing it can tell): the score came from the words.
WORDING_ALONE = "wording alone: no shared name, number, quote or speaker found"
# When the matcher read nothing to name, the words both statements write are what the ✓
# rests on: "no shared name found" beside two headlines that both write "Metro-North"
# read as false (51 of 55 such matches on a walk's UCI and BASIL headlines).
WORDING_SHARED = "wording: both write "
SHARED_SHOWN = 6
_WORD = re.compile(r"\w(?:[\w&'’.-]*\w)?")


def status_statement(article_id: int, seq: int) -> str:
    """A statement named in words for the status line, ``article 2 · statement 7``: the
    CLI's ``article 2 · 7`` (:func:`statement_name`, kept for its output) reads as code
    where nothing else says what the 7 is."""
    return f"article {article_id} · statement {seq}"


def more_sources(n: int, shown: list[str], command: str = "--json") -> str:
    """What follows the ``shown`` of ``n`` sources named: ``and 1,880 more (--json lists
    all 1,900)``; ``command``: what lists them all, where ``--json`` alone says nothing
    (the browser: ``claimlens stories --id 7 --json``)."""
    return f"and {n - len(shown):,} more ({command} lists all {n:,})"


def shown_date(date: str | None, missing: str = "undated") -> str:
    """A stored date as every listing, in the CLI and the browser, shows it: the day alone
    (``2024-11-06``, also for a feed's ``2024-11-06T10:00:00``: one form everywhere, and
    the time of publication says nothing of the claim; ``--json`` keeps the stored ISO
    value), else ``missing``."""
    return date[:10] if date else missing


def first_seen(date: str | None, sources: list[str]) -> str:
    """When and by whom something was first seen, one form everywhere (the story view,
    the claim panel, ``stories --id``, ``claims --id``): "2019-03-28 · fox, hpo" — the
    day, then every source as early (none of them known to be first). Undated: no source
    is known to be first, so none is named."""
    if not date:
        return shown_date(date)
    names = ", ".join(s for s in sources if s)
    return shown_date(date) + (f" · {names}" if names else "")


# rich.cells is imported in these two functions, not above: the CLI imports this module
# at every start and rich at none (bench/bench_startup.py); only `stats` and `articles`
# measure names.


def cell_width(value: str) -> int:
    """The terminal cells ``value`` takes (a wide character, CJK or emoji, takes two),
    measured as the browser draws it (rich)."""
    from rich.cells import cell_len

    return cell_len(value)


# The cells a headline keeps where it is one line of a row among others (a story's
# articles, the claim panel's "in …"): 3 or 4 lines at 80 columns. A longer one (a feed
# that put a paragraph in its title) took 11 of the 20 rows 80×24 leaves; the text shows
# it whole.
TITLE_CELLS = 160


def short_title(title: str, cells: int = TITLE_CELLS) -> str:
    """``title`` cut with "…" to ``cells`` terminal cells when longer (plain text)."""
    return fit_cells(title, cells) if cell_width(title) > cells else title


def fit_cells(value: str, cells: int) -> str:
    """``value`` cut with "…" or padded with spaces to exactly ``cells`` terminal cells:
    a column of names in the CLI (``stats``) and the browser (the article list) alike. A
    wide character the cut would halve is left out (a space in its place). Plain text in,
    plain text out: the callers add it as text, never as markup."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(value) > cells:
        value = set_cell_size(value, cells - 1) + "…"
    return set_cell_size(value, cells)


def diff_values(diffs: list[Any]) -> list[tuple[str, str]]:
    """(this statement's wording, the other's) of each differing number."""
    out = []
    for d in diffs or []:
        if isinstance(d, dict):
            a, b = d.get("a"), d.get("b")
            if a is None and d.get("a_value") is not None:
                a = f"{d['a_value']:g}" if isinstance(d["a_value"], float) else str(d["a_value"])
            if b is None and d.get("b_value") is not None:
                b = f"{d['b_value']:g}" if isinstance(d["b_value"], float) else str(d["b_value"])
            if a is not None or b is not None:
                out.append((str(a if a is not None else "?"), str(b if b is not None else "?")))
    return out


def values_apart(diffs: list[Any]) -> str:
    """The differing numbers of a conflict on one line: "six weeks vs nine weeks; …"."""
    return "; ".join(f"{a} vs {b}" for a, b in diff_values(diffs))


def why_matched(evidence: dict[str, Any] | None, texts: tuple[str, str] | None = None) -> str:
    """The ``why`` line of a match: its evidence's summary, else that it rests on its
    wording alone (with ``texts``, the two statements: the words both write), so that
    no ✓ is shown without saying why; "" before the evidence is read."""
    if evidence is None:
        return ""
    summary = str(evidence.get("summary") or "")
    if summary:
        return summary
    shared = shared_words(*texts) if texts else []
    return WORDING_SHARED + ", ".join(shared) if shared else WORDING_ALONE


def shared_words(a: str, b: str, limit: int = SHARED_SHOWN) -> list[str]:
    """The first ``limit`` words of ``a`` that ``b`` writes too (any case), as ``a``
    writes them, function words left out."""
    from db.lexicon import STOP_WORDS  # data only; loaded when a match needs it

    theirs = {w.casefold() for w in _WORD.findall(b)}
    out: list[str] = []
    seen: set[str] = set()
    for word in _WORD.findall(a):
        key = word.casefold()
        if key in theirs and key not in seen and key not in STOP_WORDS and len(key) > 1:
            seen.add(key)
            out.append(word)
            if len(out) == limit:
                break
    return out
