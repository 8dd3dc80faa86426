"""Reading stories: the list, and one story as a thing to read.

A story (:mod:`db.stories`) shows its title (the most representative headline),
when and where it was first seen, its outlets and articles, its claims with how
many of its outlets carry each, its conflicts, and its *blindspot*: the sources
that published something in the story's days (one day either side) but not this
story, and the statements only one of its outlets carries.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

import sqlite_utils

from db.dates import EARLIEST_FIRST_SQL, first_sources
from db.id_chunks import id_chunks

__all__ = [
    "BLINDSPOT_DAYS",
    "BLINDSPOT_SHOWN",
    "article_story",
    "blindspot_shown",
    "conflict_groups",
    "count_stories",
    "get_story",
    "list_stories",
    "most_active_sources",
    "story_articles",
    "story_view",
]

# The blindspot looks at the sources active this many days before the story's first
# article and after its last.
BLINDSPOT_DAYS = 1
# A blindspot's sources named as text (the CLI, the browser): the most active those
# days (most_active_sources), the others counted; story_view (--json) has them all.
BLINDSPOT_SHOWN = 20
# Statements only one outlet carries, shown per outlet (the count is given too).
SOLO_PER_OUTLET = 5

_STORY_KEYS = ("id", "title", "first_date", "n_articles", "n_sources")


def list_stories(
    db: sqlite_utils.Database, limit: int = 50, offset: int = 0, min_sources: int = 2
) -> list[dict[str, Any]]:
    """Stories covered by at least ``min_sources`` sources, newest first.

    Each: ``id, title, first_date, n_articles, n_sources``.
    """
    rows = db.execute(
        "SELECT id, title, first_date, n_articles, n_sources FROM stories"
        " WHERE n_sources >= ? ORDER BY first_date IS NULL, first_date DESC, id DESC"
        " LIMIT ? OFFSET ?",
        (min_sources, limit, offset),
    )
    return [dict(zip(_STORY_KEYS, r, strict=True)) for r in rows]


def count_stories(db: sqlite_utils.Database, min_sources: int = 2) -> tuple[int, int]:
    """(stories of at least ``min_sources`` sources, stories of fewer: hidden)."""
    shown, hidden = db.execute(
        "SELECT coalesce(sum(n_sources >= ?), 0), coalesce(sum(n_sources < ?), 0) FROM stories",
        (min_sources, min_sources),
    ).fetchone()
    return int(shown), int(hidden)


def article_story(db: sqlite_utils.Database, article_id: int) -> int | None:
    """The story an article is in, or None."""
    row = db.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
    return None if row is None else row[0]


def get_story(db: sqlite_utils.Database, story_id: int) -> dict[str, Any] | None:
    """One story's row: ``{id, title, first_date, n_articles, n_sources}``, or None."""
    row = db.execute(
        "SELECT id, title, first_date, n_articles, n_sources FROM stories WHERE id = ?",
        (story_id,),
    ).fetchone()
    return None if row is None else dict(zip(_STORY_KEYS, row, strict=True))


def story_articles(db: sqlite_utils.Database, story_id: int) -> list[dict[str, Any]]:
    """The articles of a story, earliest first (undated last).

    Each: ``id, title, source, date, url, n_statements, n_matched`` (statements
    that belong to a claim).
    """
    rows = db.execute(
        "SELECT a.id, a.title, src.name, a.date, a.url,"
        " (SELECT count(*) FROM statements s WHERE s.article_id = a.id),"
        " (SELECT count(*) FROM statements s WHERE s.article_id = a.id"
        "  AND s.claim_id IS NOT NULL)"
        " FROM articles a JOIN sources src ON src.id = a.source_id"
        f" WHERE a.story_id = ? ORDER BY {EARLIEST_FIRST_SQL.format(t='a')}, a.id",
        (story_id,),
    )
    keys = ("id", "title", "source", "date", "url", "n_statements", "n_matched")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def _statements(db: sqlite_utils.Database, article_ids: list[int]) -> list[tuple[Any, ...]]:
    """(id, article id, seq, kind, text, claim id) of the articles' statements."""
    out: list[tuple[Any, ...]] = []
    for marks, chunk in id_chunks(article_ids):
        out.extend(
            db.execute(
                "SELECT id, article_id, seq, kind, text, claim_id FROM statements"
                f" WHERE article_id IN ({marks}) ORDER BY article_id, seq",
                chunk,
            )
        )
    return out


def _claims(
    db: sqlite_utils.Database, statements: list[tuple[Any, ...]], source_of: dict[int, str]
) -> tuple[list[dict[str, Any]], dict[int, set[str]]]:
    """The story's claims, most outlets first, and claim -> the story's outlets carrying it."""
    outlets: dict[int, set[str]] = {}
    first: dict[int, tuple[Any, ...]] = {}
    for st in statements:
        cid = st[5]
        if cid is None:
            continue
        outlets.setdefault(cid, set()).add(source_of[st[1]])
        first.setdefault(cid, st)
    info: dict[int, tuple[int, bool]] = {}
    for marks, chunk in id_chunks(sorted(outlets)):
        for cid, n_sources, conflict in db.execute(
            f"SELECT id, n_sources, has_conflict FROM claims WHERE id IN ({marks})", chunk
        ):
            info[cid] = (n_sources, bool(conflict))
    claims = [
        {
            "id": cid,
            "text": first[cid][4],
            "n_outlets": len(outlets[cid]),
            "outlets": sorted(outlets[cid]),
            "n_sources": info.get(cid, (0, False))[0],
            "has_conflict": info.get(cid, (0, False))[1],
        }
        for cid in outlets
    ]
    claims.sort(key=lambda c: (-c["n_outlets"], -c["n_sources"], c["id"]))
    return claims, outlets


def _conflicts(
    db: sqlite_utils.Database, statements: list[tuple[Any, ...]], source_of: dict[int, str]
) -> list[dict[str, Any]]:
    """Conflicting matches between two statements of the story."""
    by_id = {st[0]: st for st in statements}
    out = []
    for marks, chunk in id_chunks(sorted(by_id)):
        for a, b, score, diff in db.execute(
            "SELECT a, b, score, diff FROM matches WHERE relation = 'conflict'"
            f" AND a IN ({marks}) ORDER BY a, b",
            chunk,
        ):
            if b not in by_id:
                continue
            sa, sb = by_id[a], by_id[b]
            out.append(
                {
                    "claim_id": sa[5] if sa[5] == sb[5] else None,
                    "score": score,
                    "diff": json.loads(diff) if diff else [],
                    "a": {"statement_id": a, "source": source_of[sa[1]], "text": sa[4]},
                    "b": {"statement_id": b, "source": source_of[sb[1]], "text": sb[4]},
                }
            )
    return out


def _values(diff: list[Any], side: str) -> str:
    """One side's differing numbers as its text words them ("40,000"; several: "; ")."""
    out = []
    for d in diff:
        if isinstance(d, dict):
            word = d.get(side)
            if word is None and d.get(f"{side}_value") is not None:
                word = str(d[f"{side}_value"])
            out.append(str(word) if word is not None else "?")
    return "; ".join(out)


def conflict_groups(conflicts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The conflicts as a reader counts them: one per claim and pair of values (three
    outlets giving 40,000 vs 45,000 in headline and lead were 8 pairs of statements, one
    disagreement). Each: ``{claim_id, sides, pairs}``, ``sides`` two ``{values, outlets,
    statements}`` (first the side of the first pair's ``a``), ``pairs`` the indexes of its
    conflicts. A pair without values, or across claims, is a group of its own (nothing
    says it is the same disagreement)."""
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    seen: dict[int, set[int]] = {}  # each side's statement ids
    for i, c in enumerate(conflicts):
        va, vb = _values(c["diff"], "a"), _values(c["diff"], "b")
        if c["claim_id"] is not None and va and vb and va != vb:
            key: tuple[Any, ...] = (c["claim_id"], frozenset((va, vb)))
        else:
            key = ("pair", i)
        group = groups.get(key)
        if group is None:
            group = groups[key] = {
                "claim_id": c["claim_id"],
                "sides": [_new_side(va), _new_side(vb)],
                "pairs": [],
            }
        group["pairs"].append(i)
        flipped = va != vb and group["sides"][0]["values"] == vb  # b's values are side 0's
        for st, side in zip(
            (c["a"], c["b"]), group["sides"][::-1] if flipped else group["sides"], strict=True
        ):
            held = seen.setdefault(id(side), set())  # a set per side: linear in the pairs
            if st["statement_id"] not in held:
                held.add(st["statement_id"])
                side["statements"].append(st)
            if st["source"] not in side["outlets"]:
                side["outlets"].append(st["source"])
    return list(groups.values())


def _new_side(values: str) -> dict[str, Any]:
    return {"values": values, "outlets": [], "statements": []}


def _days(arts: list[dict[str, Any]]) -> tuple[str, str] | None:
    """The story's days widened by BLINDSPOT_DAYS (ISO dates), or None if undated."""
    days = sorted(a["date"][:10] for a in arts if a["date"])
    if not days:
        return None
    try:
        lo = date.fromisoformat(days[0]) - timedelta(days=BLINDSPOT_DAYS)
        hi = date.fromisoformat(days[-1]) + timedelta(days=BLINDSPOT_DAYS)
    except ValueError:
        return None
    return lo.isoformat(), hi.isoformat()


def most_active_sources(
    db: sqlite_utils.Database, names: Iterable[str], days: Sequence[str], limit: int
) -> list[str]:
    """Of the sources ``names``, the ``limit`` with the most articles in ``days`` (a
    blindspot's ``days``: first and last ISO date), most first, then by name."""
    wanted = set(names)
    # Each source's articles of those days counted on its (source, date) index: a join of
    # every article of the days (a story of months: most of the library) took ~40 ms.
    rows = db.execute(
        "SELECT name, n FROM (SELECT src.name AS name, (SELECT count(*) FROM articles a"
        " WHERE a.source_id = src.id AND a.date >= ? AND a.date <= ?) AS n FROM sources src)"
        " WHERE n > 0 ORDER BY n DESC, name",
        (days[0], days[1] + "\uffff"),
    )
    return [name for name, _n in rows if name in wanted][:limit]


def blindspot_shown(db: sqlite_utils.Database, view: dict[str, Any]) -> list[str] | None:
    """The sources of ``view``'s blindspot to name as text: None when all of them (no
    more than BLINDSPOT_SHOWN), else the BLINDSPOT_SHOWN most active those days."""
    blind = view["blindspot"]
    missing = blind["missing_sources"]
    if len(missing) <= BLINDSPOT_SHOWN or blind["days"] is None:
        return None
    return most_active_sources(db, missing, blind["days"], BLINDSPOT_SHOWN)


def _blindspot(
    db: sqlite_utils.Database,
    arts: list[dict[str, Any]],
    statements: list[tuple[Any, ...]],
    source_of: dict[int, str],
    claim_outlets: dict[int, set[str]],
) -> dict[str, Any]:
    outlets = {a["source"] for a in arts}
    span = _days(arts)
    missing: list[str] = []
    if span is not None:
        # The sources with an article in those days, each looked up on its (source, date)
        # index: reading every article of the days (a story of months: most of the
        # library) took ~100 ms at 116 k articles.
        missing = [
            r[0]
            for r in db.execute(
                "SELECT DISTINCT src.name FROM sources src WHERE EXISTS (SELECT 1 FROM articles a"
                " WHERE a.source_id = src.id AND a.date >= ? AND a.date <= ?) ORDER BY src.name",
                (span[0], span[1] + "\uffff"),
            )
            if r[0] not in outlets
        ]
    solo: dict[str, list[dict[str, Any]]] = {}
    if len(outlets) > 1:
        for sid, aid, _seq, kind, text, cid in statements:
            if kind == "headline" or (cid is not None and len(claim_outlets[cid]) > 1):
                continue
            solo.setdefault(source_of[aid], []).append({"id": sid, "article_id": aid, "text": text})
    return {
        "days": list(span) if span else None,
        "missing_sources": missing,
        "only_one_outlet": [
            {"source": src, "n": len(sts), "statements": sts[:SOLO_PER_OUTLET]}
            for src, sts in sorted(solo.items())
        ],
    }


def story_view(db: sqlite_utils.Database, story_id: int) -> dict[str, Any] | None:
    """One story to read, or None.

    Keys: the row's (``id, title, first_date, n_articles, n_sources``), ``first_seen``
    (``{article_id, source, sources, date, title}``: ``sources`` every outlet with an
    article as early as the first, :func:`db.dates.first_sources`), ``outlets``
    (names), ``articles`` (``{id, source, date, title, url, n_statements,
    n_matched}``, earliest first),
    ``claims`` (``{id, text, n_outlets, outlets, n_sources, has_conflict}``: the
    story's outlets carrying each, and all sources), ``conflicts`` (``{claim_id,
    score, diff, a, b}``, ``a``/``b``: ``{statement_id, source, text}``) and
    ``conflict_groups`` (the conflicts one per claim and pair of values, as the browser
    and the CLI count them: :func:`conflict_groups`) and
    ``blindspot`` (``{days, missing_sources, only_one_outlet: [{source, n,
    statements}]}``).
    """
    story = get_story(db, story_id)
    if story is None:
        return None
    arts = story_articles(db, story_id)
    source_of = {a["id"]: a["source"] for a in arts}
    statements = _statements(db, [a["id"] for a in arts])
    claims, claim_outlets = _claims(db, statements, source_of)
    first = arts[0] if arts else None
    conflicts = _conflicts(db, statements, source_of)
    outlets: list[str] = []
    for a in arts:
        if a["source"] not in outlets:
            outlets.append(a["source"])
    return {
        **story,
        "first_seen": None
        if first is None
        else {
            "article_id": first["id"],
            "source": first["source"],
            # every outlet as early (three on one day: none is known to be first)
            "sources": first_sources([(a["date"], a["source"]) for a in arts]),
            "date": first["date"],
            "title": first["title"],
        },
        "outlets": outlets,
        "articles": arts,
        "claims": claims,
        "conflicts": conflicts,
        "conflict_groups": conflict_groups(conflicts),
        "blindspot": _blindspot(db, arts, statements, source_of, claim_outlets),
    }
