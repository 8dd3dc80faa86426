"""Stories: articles from different outlets about the same event.

Two articles are *linked* when they share at least ``STORY_MIN_SHARED_CLAIMS``
claims (statements matched across sources, :mod:`db.claims`; claims carried by
more than ``STORY_MAX_CLAIM_STATEMENTS`` statements are templates and do not count) and are dated
within ``STORY_WINDOW_DAYS`` of each other (undated articles link on claims
alone). A story gathers around its first article (lowest id) by the rule of
:mod:`db.grouping`: in id order, each article joins the story of the older
article it shares most claims with that is a story's centre, else one linked to
its story's centre, else is a centre itself. The articles get the story's
``story_id``; an article linked to no other has none.

The story's title is the headline of its most linked article (ties: the
earliest), ``first_date`` the earliest article date, and it counts its articles
and distinct sources.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

import sqlite_utils

from db.id_chunks import id_chunks
from db.dates import day_number
from db.grouping import CENTRE, Placement, Placer, level_in, store_groups

__all__ = [
    "STORY_MAX_CLAIM_STATEMENTS",
    "STORY_MIN_SHARED_CLAIMS",
    "STORY_WINDOW_DAYS",
    "list_stories",
    "rebuild_stories",
    "story_articles",
    "update_stories",
]

# Two shared claims, not one: a single matched sentence ("the White House said it
# would respond") can be boilerplate common to unrelated events; two independent
# ones rarely are. (bench/bench_match_basil.py measures 1, 2 and 3.)
STORY_MIN_SHARED_CLAIMS = 2
STORY_WINDOW_DAYS = 4
# A claim of more statements than this links none of its articles: it is a template
# ("Shr 25 cts vs 20 cts", "bid the notes at ... and set a coupon of ...") that many
# unrelated events repeat, not one event's claim (30 claims of the 1.09 M-statement
# benchmark; the largest holds 347). Counting its article pairs would also be
# quadratic.
STORY_MAX_CLAIM_STATEMENTS = 100


def _links(
    conn: sqlite3.Connection, article_ids: Iterable[int] | None, min_shared: int, window: int
) -> tuple[dict[int, dict[int, int]], dict[int, tuple[int, str | None, str]]]:
    """Strong links among articles (all, or those touching ``article_ids``) and the
    articles' (source, date, title)."""
    if article_ids is None:
        rows = conn.execute(
            "SELECT claim_id, article_id FROM statements WHERE claim_id IS NOT NULL"
            " ORDER BY claim_id"
        )
    else:
        # The claims first, then their statements: a claim of articles in several
        # chunks must be read once (read twice, it would look twice its size).
        claims: set[int] = set()
        for marks, chunk in id_chunks(sorted(set(article_ids))):
            claims.update(
                r[0]
                for r in conn.execute(
                    f"SELECT claim_id FROM statements WHERE article_id IN ({marks})"
                    " AND claim_id IS NOT NULL",
                    chunk,
                )
            )
        rows = []
        for marks, chunk in id_chunks(sorted(claims)):
            rows.extend(
                conn.execute(
                    f"SELECT claim_id, article_id FROM statements WHERE claim_id IN ({marks})",
                    chunk,
                )
            )
        rows.sort()
    by_claim: dict[int, list[int]] = {}
    for cid, aid in rows:
        by_claim.setdefault(cid, []).append(aid)
    shared: dict[tuple[int, int], int] = {}
    for statement_articles in by_claim.values():
        arts = set(statement_articles)
        if len(arts) < 2 or len(statement_articles) > STORY_MAX_CLAIM_STATEMENTS:
            continue
        arts_sorted = sorted(arts)
        for i, x in enumerate(arts_sorted):
            for y in arts_sorted[i + 1 :]:
                shared[(x, y)] = shared.get((x, y), 0) + 1
    involved = {a for pair in shared for a in pair}
    meta: dict[int, tuple[int, str | None, str]] = {}
    for marks, chunk in id_chunks(sorted(involved)):
        for aid, src, dt, title in conn.execute(
            f"SELECT id, source_id, date, title FROM articles WHERE id IN ({marks})", chunk
        ):
            meta[aid] = (src, dt, title)
    links: dict[int, dict[int, int]] = {}
    for (x, y), n in shared.items():
        if n < min_shared or x not in meta or y not in meta:
            continue
        dx, dy = day_number(meta[x][1]), day_number(meta[y][1])
        if dx is not None and dy is not None and abs(dx - dy) > window:
            continue
        links.setdefault(x, {})[y] = n
        links.setdefault(y, {})[x] = n
    return links, meta


def _older(links: dict[int, dict[int, int]], aid: int) -> list[tuple[int, float]]:
    """The articles older than ``aid`` it is linked to, with the claims they share."""
    return [(other, n) for other, n in links.get(aid, {}).items() if other < aid]


class _Stored:
    """Where articles stand in the stories of the database (for the Placer)."""

    def __init__(self, conn: sqlite3.Connection, min_shared: int, window: int) -> None:
        self.conn, self.min_shared, self.window = conn, min_shared, window
        self.cache: dict[int, Placement] = {}

    def where(self, aid: int) -> Placement:
        if aid not in self.cache:
            row = self.conn.execute("SELECT story_id FROM articles WHERE id = ?", (aid,)).fetchone()
            story = row[0] if row else None
            if story is None:
                self.cache[aid] = (None, CENTRE)
            else:
                (centre,) = self.conn.execute(
                    "SELECT min(id) FROM articles WHERE story_id = ?", (story,)
                ).fetchone()
                links, _meta = _links(self.conn, [aid], self.min_shared, self.window)
                self.cache[aid] = (story, level_in(aid, centre, centre in links.get(aid, {})))
        return self.cache[aid]


def _story_members(conn: sqlite3.Connection, story_ids: Iterable[int]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for marks, chunk in id_chunks(sorted(story_ids)):
        for aid, story in conn.execute(
            f"SELECT id, story_id FROM articles WHERE story_id IN ({marks}) ORDER BY id", chunk
        ):
            out.setdefault(story, []).append(aid)
    return out


def _store(conn: sqlite3.Connection, group: dict[int, int]) -> dict[int, list[int]]:
    """Rows for the stories a run formed, story ids for its articles. Returns the
    stories written, with all their articles."""
    ids = store_groups(
        conn,
        group,
        "INSERT INTO stories(title, n_articles, n_sources) VALUES ('', 0, 0)",
        "UPDATE articles SET story_id = ? WHERE id = ?",
    )
    return _story_members(conn, ids.values())


def _refresh(
    conn: sqlite3.Connection,
    stories: dict[int, list[int]],
    links: dict[int, dict[int, int]],
    meta: dict[int, tuple[int, str | None, str]],
) -> None:
    """Recompute the stored row of ``stories`` (id -> articles; ``links`` and ``meta``
    must cover them): the most linked article's headline, first date, counts."""
    rows = []
    for story, members in stories.items():
        inside = set(members)
        dates = [meta[a][1] for a in members if meta[a][1]]
        central = min(
            members,
            key=lambda a: (
                -sum(n for b, n in links.get(a, {}).items() if b in inside),
                meta[a][1] or "\uffff",
                a,
            ),
        )
        rows.append(
            (
                meta[central][2],
                min(dates) if dates else None,
                len(members),
                len({meta[a][0] for a in members}),
                story,
            )
        )
    conn.executemany(
        "UPDATE stories SET title = ?, first_date = ?, n_articles = ?, n_sources = ? WHERE id = ?",
        rows,
    )


def rebuild_stories(
    conn: sqlite3.Connection,
    *,
    min_shared: int = STORY_MIN_SHARED_CLAIMS,
    window_days: int = STORY_WINDOW_DAYS,
) -> int:
    """Place every article again (inside the caller's transaction); returns how many
    stories there are."""
    conn.execute("UPDATE articles SET story_id = NULL WHERE story_id IS NOT NULL")
    conn.execute("DELETE FROM stories")
    links, meta = _links(conn, None, min_shared, window_days)
    # Articles never placed here have no older link: centres without a story.
    placer = Placer(lambda _aid: (None, CENTRE))
    for aid in sorted(links):
        placer.place(aid, _older(links, aid))
    written = _store(conn, placer.group)
    _refresh(conn, written, links, meta)
    return len(written)


def update_stories(
    conn: sqlite3.Connection,
    article_ids: Iterable[int],
    *,
    min_shared: int = STORY_MIN_SHARED_CLAIMS,
    window_days: int = STORY_WINDOW_DAYS,
) -> int:
    """Place ``article_ids`` (new, replaced, or whose claims changed) again, with the
    articles of the stories any of them was in (those stories are dissolved), beside
    the stories of every other article as they stand. Returns the stories written."""
    affected = set(article_ids)
    old: set[int] = set()
    for marks, chunk in id_chunks(sorted(affected)):
        old.update(
            r[0]
            for r in conn.execute(
                f"SELECT DISTINCT story_id FROM articles WHERE id IN ({marks})"
                " AND story_id IS NOT NULL",
                chunk,
            )
        )
    for members in _story_members(conn, old).values():
        affected.update(members)
    for marks, chunk in id_chunks(sorted(old)):
        conn.execute(f"UPDATE articles SET story_id = NULL WHERE story_id IN ({marks})", chunk)
        conn.execute(f"DELETE FROM stories WHERE id IN ({marks})", chunk)
    links, _meta = _links(conn, affected, min_shared, window_days)
    placer = Placer(_Stored(conn, min_shared, window_days).where)
    for aid in sorted(affected):
        placer.place(aid, _older(links, aid))
    written = _store(conn, placer.group)
    members = [aid for group in written.values() for aid in group]
    links, meta = _links(conn, members, min_shared, window_days)
    _refresh(conn, written, links, meta)
    return len(written)


# ------------------------------------------------------------------ reading


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
    return [
        {"id": r[0], "title": r[1], "first_date": r[2], "n_articles": r[3], "n_sources": r[4]}
        for r in rows
    ]


def get_story(db: sqlite_utils.Database, story_id: int) -> dict[str, Any] | None:
    """One story's row: ``{id, title, first_date, n_articles, n_sources}``, or None."""
    row = db.execute(
        "SELECT id, title, first_date, n_articles, n_sources FROM stories WHERE id = ?",
        (story_id,),
    ).fetchone()
    if row is None:
        return None
    keys = ("id", "title", "first_date", "n_articles", "n_sources")
    return dict(zip(keys, row, strict=True))


def story_articles(db: sqlite_utils.Database, story_id: int) -> list[dict[str, Any]]:
    """The articles of a story, earliest first.

    Each: ``id, title, source, date, url, n_statements, n_matched`` (statements
    that belong to a claim).
    """
    rows = db.execute(
        "SELECT a.id, a.title, src.name, a.date, a.url,"
        " (SELECT count(*) FROM statements s WHERE s.article_id = a.id),"
        " (SELECT count(*) FROM statements s WHERE s.article_id = a.id"
        "  AND s.claim_id IS NOT NULL)"
        " FROM articles a JOIN sources src ON src.id = a.source_id"
        " WHERE a.story_id = ? ORDER BY a.date IS NULL, a.date, a.id",
        (story_id,),
    )
    return [
        {
            "id": r[0],
            "title": r[1],
            "source": r[2],
            "date": r[3],
            "url": r[4],
            "n_statements": r[5],
            "n_matched": r[6],
        }
        for r in rows
    ]
