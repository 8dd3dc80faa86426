"""Read-only queries the CLI and the TUI ask: articles, statements, sources, stats.

Everything returns plain dicts with stable keys (they are also the ``--json``
output), and every list is paged (``limit``/``offset``) so a caller never
has to load a whole corpus.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from db.schema import SCHEMA_VERSION, user_version


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """Which articles a list shows; all fields optional."""

    source: str | None = None
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    story_id: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The filter as a WHERE clause on ``articles a`` alone: it needs no join, so a
        query can walk the indexes ``articles_date`` / ``articles_source_date``."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.source:
            clauses.append("a.source_id IN (SELECT id FROM sources WHERE name = ? COLLATE NOCASE)")
            params.append(self.source)
        if self.since:
            clauses.append("a.date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("a.date < ?")  # an until date includes the whole day
            params.append(self.until + "\uffff" if len(self.until) == 10 else self.until)
        if self.story_id is not None:
            clauses.append("a.story_id = ?")
            params.append(self.story_id)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


_ARTICLE_COLUMNS = """
    a.id, src.name, a.date, a.title, a.url, a.path, a.story_id, a.words,
    (SELECT count(*) FROM statements s WHERE s.article_id = a.id)
"""


def _article_row(row: tuple[Any, ...]) -> dict[str, Any]:
    return {
        "id": row[0],
        "source": row[1],
        "date": row[2],
        "title": row[3],
        "url": row[4],
        "path": row[5],
        "story_id": row[6],
        "words": row[7],
        "statements": row[8],
    }


def list_articles(
    db: sqlite_utils.Database,
    filt: ArticleFilter = ArticleFilter(),
    *,
    limit: int = 100,
    offset: int = 0,
    by_story: bool = False,
) -> list[dict[str, Any]]:
    """Articles, newest first (undated last), or grouped by story when ``by_story``."""
    where, params = filt.where()
    order = "a.date IS NULL, a.date DESC, a.id DESC"
    if by_story:
        order = "a.story_id IS NULL, a.story_id, " + order
    sql = f"""
        SELECT {_ARTICLE_COLUMNS}
        FROM articles a JOIN sources src ON src.id = a.source_id
        {where}
        ORDER BY {order}
        LIMIT ? OFFSET ?
    """
    return [_article_row(r) for r in db.execute(sql, [*params, limit, offset])]


def count_articles(db: sqlite_utils.Database, filt: ArticleFilter = ArticleFilter()) -> int:
    where, params = filt.where()
    sql = f"SELECT count(*) FROM articles a {where}"
    return int(db.execute(sql, params).fetchone()[0])


def get_article(db: sqlite_utils.Database, article_id: int) -> dict[str, Any] | None:
    """One article with its full text (``text``; the body starts at ``body_start``)."""
    row = db.execute(
        f"""
        SELECT {_ARTICLE_COLUMNS}, a.text, a.body_start, a.ingested_at
        FROM articles a JOIN sources src ON src.id = a.source_id
        WHERE a.id = ?
        """,
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    article = _article_row(row)
    article.update(text=row[9], body_start=row[10], ingested_at=row[11])
    return article


def article_statements(db: sqlite_utils.Database, article_id: int) -> list[dict[str, Any]]:
    """The article's statements in order, each with its quotes and numbers.

    All offsets (``start``/``end``) index into the article's ``text``.
    """
    statements = [
        {
            "id": r[0],
            "seq": r[1],
            "start": r[2],
            "end": r[3],
            "kind": r[4],
            "text": r[5],
            "speaker": r[6],
            "claim_id": r[7],
            "quotes": [],
            "numbers": [],
        }
        for r in db.execute(
            "SELECT id, seq, char_start, char_end, kind, text, speaker, claim_id"
            " FROM statements WHERE article_id = ? ORDER BY seq",
            (article_id,),
        )
    ]
    by_id = {s["id"]: s for s in statements}
    for r in db.execute(
        "SELECT q.statement_id, q.char_start, q.char_end, q.text, q.speaker FROM quotes q"
        " JOIN statements s ON s.id = q.statement_id WHERE s.article_id = ? ORDER BY q.id",
        (article_id,),
    ):
        by_id[r[0]]["quotes"].append({"start": r[1], "end": r[2], "text": r[3], "speaker": r[4]})
    for r in db.execute(
        "SELECT n.statement_id, n.char_start, n.char_end, n.raw, n.value, n.unit, n.qualifier"
        " FROM numbers n JOIN statements s ON s.id = n.statement_id"
        " WHERE s.article_id = ? ORDER BY n.id",
        (article_id,),
    ):
        by_id[r[0]]["numbers"].append(
            {
                "start": r[1],
                "end": r[2],
                "raw": r[3],
                "value": r[4],
                "unit": r[5],
                "qualifier": r[6],
            }
        )
    return statements


def statement_location(db: sqlite_utils.Database, statement_id: int) -> tuple[int, int] | None:
    """(article id, seq) of a statement, to open an article at it."""
    row = db.execute(
        "SELECT article_id, seq FROM statements WHERE id = ?", (statement_id,)
    ).fetchone()
    return (row[0], row[1]) if row else None


def list_sources(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    return [
        {"name": r[0], "articles": r[1], "first_date": r[2], "last_date": r[3]}
        for r in db.execute(
            "SELECT src.name, count(a.id), min(a.date), max(a.date)"
            " FROM sources src LEFT JOIN articles a ON a.source_id = src.id"
            " GROUP BY src.id ORDER BY src.name COLLATE NOCASE"
        )
    ]


def _count(db: sqlite_utils.Database, sql: str) -> int:
    return int(db.execute(sql).fetchone()[0])


def stats(db: sqlite_utils.Database) -> dict[str, Any]:
    """Counts of everything, per-source article counts, and the database's size."""
    path = db.execute("PRAGMA database_list").fetchone()[2]
    size = sum(os.path.getsize(p) for p in (path, path + "-wal") if path and os.path.exists(p))
    return {
        "schema_version": user_version(db),
        "expected_schema_version": SCHEMA_VERSION,
        "sources": _count(db, "SELECT count(*) FROM sources"),
        "articles": _count(db, "SELECT count(*) FROM articles"),
        "headline_only_articles": _count(
            db, "SELECT count(*) FROM articles WHERE body_start >= length(text)"
        ),
        "undated_articles": _count(db, "SELECT count(*) FROM articles WHERE date IS NULL"),
        "words": _count(db, "SELECT coalesce(sum(words), 0) FROM articles"),
        "statements": _count(db, "SELECT count(*) FROM statements"),
        "quotes": _count(db, "SELECT count(*) FROM quotes"),
        "numbers": _count(db, "SELECT count(*) FROM numbers"),
        "matches": _count(db, "SELECT count(*) FROM matches"),
        "conflicts": _count(db, "SELECT count(*) FROM matches WHERE relation = 'conflict'"),
        "claims": _count(db, "SELECT count(*) FROM claims"),
        "stories": _count(db, "SELECT count(*) FROM stories"),
        "unmatched_articles": _count(db, "SELECT count(*) FROM articles WHERE matched = 0"),
        "first_date": db.execute("SELECT min(date) FROM articles").fetchone()[0],
        "last_date": db.execute("SELECT max(date) FROM articles").fetchone()[0],
        "database_bytes": size,
        "path": path,
        "by_source": list_sources(db),
    }
