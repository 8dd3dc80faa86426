"""Reading articles: the filter every list shares, one article row, one article with
its statements, the CLI's article listings, and the sources.

Everything returns plain dicts with stable keys (they are also the ``--json``
output), and every list is paged (``limit``/``offset``) so a caller never has to
load a whole corpus. The browser's virtual list (story headers, positions) is
:mod:`db.article_list`; it uses the filter and the row defined here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only annotations: `claimlens search` reads without sqlite-utils
    import sqlite_utils

__all__ = [
    "ARTICLE_COLUMNS",
    "ArticleFilter",
    "article_row",
    "article_statements",
    "articles_by_id",
    "count_articles",
    "get_article",
    "list_articles",
    "list_sources",
    "source_names",
    "statement_location",
]


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """Which articles a list shows; all fields optional."""

    source: str | None = None
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    story_id: int | None = None
    speaker: str | None = None  # articles quoting this speaker (db.speakers.speaker_clause)

    def where(self) -> tuple[str, list[Any]]:
        """The filter as a WHERE clause on ``articles a`` alone: it needs no join, so a
        query can walk the indexes ``articles_date`` / ``articles_source_date``."""
        clauses, params = self.conditions()
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def conditions(self) -> tuple[list[str], list[Any]]:
        """The filter as conditions on ``articles a`` (none when it shows everything),
        to be joined with AND into a query's own WHERE clause."""
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
        if self.speaker:
            # Imported here: db.speakers compiles its name patterns on import (~250 ms),
            # which every other filter (and `claimlens search`'s start-up) can do without.
            from db.speakers import speaker_clause

            # The other conditions say whose surname alone is the speaker's (key_clause).
            clause, speaker_params = speaker_clause(self.speaker, (clauses[:], params[:]))
            clauses.append(
                "a.id IN (SELECT s.article_id FROM quotes q"
                f" JOIN statements s ON s.id = q.statement_id WHERE {clause})"
            )
            params += speaker_params
        return clauses, params


# One article row, for every list: its columns (on ``articles a`` joined with
# ``sources src``) and the dict they become (see :func:`article_row`).
ARTICLE_COLUMNS = """
    a.id, src.name, a.date, a.title, a.url, a.path, a.story_id, a.words,
    (SELECT count(*) FROM statements s WHERE s.article_id = a.id)
"""


def article_row(row: Sequence[Any]) -> dict[str, Any]:
    """The dict of one row of :data:`ARTICLE_COLUMNS`."""
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


def articles_by_id(db: sqlite_utils.Database, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    """The rows of some articles (at most a page of them), by id."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {
        r[0]: article_row(r)
        for r in db.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles a JOIN sources src"
            f" ON src.id = a.source_id WHERE a.id IN ({marks})",
            list(ids),
        )
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
        SELECT {ARTICLE_COLUMNS}
        FROM articles a JOIN sources src ON src.id = a.source_id
        {where}
        ORDER BY {order}
        LIMIT ? OFFSET ?
    """
    return [article_row(r) for r in db.execute(sql, [*params, limit, offset])]


def count_articles(db: sqlite_utils.Database, filt: ArticleFilter = ArticleFilter()) -> int:
    where, params = filt.where()
    sql = f"SELECT count(*) FROM articles a {where}"
    return int(db.execute(sql, params).fetchone()[0])


def get_article(db: sqlite_utils.Database, article_id: int) -> dict[str, Any] | None:
    """One article with its full text (``text``; the body starts at ``body_start``)."""
    row = db.execute(
        f"""
        SELECT {ARTICLE_COLUMNS}, a.text, a.body_start, a.ingested_at
        FROM articles a JOIN sources src ON src.id = a.source_id
        WHERE a.id = ?
        """,
        (article_id,),
    ).fetchone()
    if row is None:
        return None
    article = article_row(row)
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
    _attach_rows(
        db,
        by_id,
        "quotes",
        "SELECT q.statement_id, q.char_start, q.char_end, q.text, q.speaker, q.speaker_start,"
        " q.speaker_end, q.speaker_kind, q.speaker_key FROM quotes q"
        " JOIN statements s ON s.id = q.statement_id WHERE s.article_id = ? ORDER BY q.id",
        article_id,
        (
            "start",
            "end",
            "text",
            "speaker",
            "speaker_start",
            "speaker_end",
            "speaker_kind",
            "speaker_key",
        ),
    )
    _attach_rows(
        db,
        by_id,
        "numbers",
        "SELECT n.statement_id, n.char_start, n.char_end, n.raw, n.value, n.unit, n.qualifier"
        " FROM numbers n JOIN statements s ON s.id = n.statement_id"
        " WHERE s.article_id = ? ORDER BY n.id",
        article_id,
        ("start", "end", "raw", "value", "unit", "qualifier"),
    )
    return statements


def _attach_rows(
    db: sqlite_utils.Database,
    by_id: dict[int, dict[str, Any]],
    key: str,
    sql: str,
    article_id: int,
    names: tuple[str, ...],
) -> None:
    """Append each row of ``sql`` (statement id first, then ``names``' columns) as a dict
    to the ``key`` list of its statement in ``by_id``."""
    for statement_id, *values in db.execute(sql, (article_id,)):
        by_id[statement_id][key].append(dict(zip(names, values, strict=True)))


def statement_location(db: sqlite_utils.Database, statement_id: int) -> tuple[int, int] | None:
    """(article id, seq) of a statement, to open an article at it."""
    row = db.execute(
        "SELECT article_id, seq FROM statements WHERE id = ?", (statement_id,)
    ).fetchone()
    return (row[0], row[1]) if row else None


def source_names(db: sqlite_utils.Database) -> list[str]:
    """Every source name (cheap: no per-source counts, unlike :func:`list_sources`)."""
    return [r[0] for r in db.execute("SELECT name FROM sources ORDER BY name COLLATE NOCASE")]


def list_sources(db: sqlite_utils.Database) -> list[dict[str, Any]]:
    """Each source with its article count and first and last dates (a scan)."""
    return [
        {"name": r[0], "articles": r[1], "first_date": r[2], "last_date": r[3]}
        for r in db.execute(
            "SELECT src.name, count(a.id), min(a.date), max(a.date)"
            " FROM sources src LEFT JOIN articles a ON a.source_id = src.id"
            " GROUP BY src.id ORDER BY src.name COLLATE NOCASE"
        )
    ]
