"""Queries the browser (``claimlens browse``) asks, paged so memory never grows with the corpus.

The article list is virtual: the TUI asks for one page of rows at a time
(:func:`browse_rows`) and how many rows there are (:func:`browse_count`). Rows
are articles, newest first; grouped by story, each story's articles are
preceded by a story row. The ordering follows the indexes (``articles_date``,
``articles_source_date``), so a page deep in a 100,000-article list costs an
index walk, not a sort.

Cross-source information (statuses, matches, claims, stories) comes from the
matching engine (:mod:`db.matching`, :mod:`db.claims`, :mod:`db.stories`)
when it provides it; otherwise it is read from the ``matches`` table the engine
fills, so the browser shows the same thing either way.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Sequence
from typing import Any

import sqlite_utils

from db.queries import ArticleFilter, article_statements, get_article, list_sources

__all__ = [
    "ArticleFilter",
    "article_match_counts",
    "article_view",
    "browse_count",
    "browse_rows",
    "claim_info",
    "has_stories",
    "list_sources",
    "source_names",
    "statement_matches",
    "statement_statuses",
]


def _engine(module: str, name: str) -> Callable[..., Any] | None:
    """The matching engine's function ``module.name``, or None while it does not exist."""
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return None
    func = getattr(mod, name, None)
    return func if callable(func) else None


# --- the article list -----------------------------------------------------------------


def _where(filt: ArticleFilter | None) -> tuple[str, list[Any]]:
    return (filt or ArticleFilter()).where()


def source_names(db: sqlite_utils.Database) -> list[str]:
    """Every source name (cheap: no per-source counts, unlike ``list_sources``)."""
    return [r[0] for r in db.execute("SELECT name FROM sources ORDER BY name COLLATE NOCASE")]


def _articles_by_id(db: sqlite_utils.Database, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {
        r[0]: _article_row(r)
        for r in db.execute(
            f"SELECT {_ARTICLE_FIELDS} FROM articles a JOIN sources src"
            f" ON src.id = a.source_id WHERE a.id IN ({marks})",
            list(ids),
        )
    }


_ARTICLE_FIELDS = """
    a.id, src.name, a.date, a.title, a.story_id,
    (SELECT count(*) FROM statements s WHERE s.article_id = a.id)
"""


def _article_row(row: Sequence[Any]) -> dict[str, Any]:
    return {
        "kind": "article",
        "id": row[0],
        "source": row[1],
        "date": row[2],
        "title": row[3],
        "story_id": row[4],
        "statements": row[5],
    }


def has_stories(db: sqlite_utils.Database) -> bool:
    return db.execute("SELECT EXISTS (SELECT 1 FROM stories)").fetchone()[0] == 1


def _and(where: str, condition: str) -> str:
    return f"{where} AND {condition}" if where else f" WHERE {condition}"


# Grouped by story, row positions come from a small per-connection TEMP table with one
# row per story: where its header row is and how many of its articles the filter
# shows. A page is then a range of that table plus index walks within the stories it
# spans; no query sorts the whole corpus, and Python holds nothing per story.
_STORY_POS = "temp.claimlens_story_pos"
_LOOSE = "temp.claimlens_loose"  # articles in no story, in list order (built on demand)
_built: dict[int, tuple[ArticleFilter, int]] = {}  # id(connection) -> (filter, story rows)
_loose_built: dict[int, ArticleFilter] = {}


def _story_rows(
    db: sqlite_utils.Database, filt: ArticleFilter | None, *, rebuild: bool = False
) -> int:
    """Build the story position table (when asked, or for a new filter or connection);
    return the number of rows the stories take (their headers and articles)."""
    filt = filt or ArticleFilter()
    key = id(db.conn)
    built = _built.get(key)
    if (
        not rebuild
        and built is not None
        and built[0] == filt
        and db.execute(
            "SELECT 1 FROM temp.sqlite_master WHERE name = 'claimlens_story_pos'"
        ).fetchone()
    ):
        return built[1]
    where, params = _where(filt)
    db.execute(f"DROP TABLE IF EXISTS {_STORY_POS}")
    db.execute(f"DROP TABLE IF EXISTS {_LOOSE}")
    _loose_built.pop(key, None)
    db.execute(
        f"""
        CREATE TABLE {_STORY_POS} AS
        WITH counts AS (
            SELECT a.story_id, count(*) AS n FROM articles a
            {_and(where, "a.story_id IS NOT NULL")}
            GROUP BY a.story_id
        )
        SELECT c.story_id AS story_id, c.n AS n,
               sum(c.n + 1) OVER (
                   ORDER BY st.first_date DESC, c.story_id DESC ROWS UNBOUNDED PRECEDING
               ) - c.n - 1 AS start
        FROM counts c JOIN stories st ON st.id = c.story_id
        """,
        params,
    )
    db.execute(f"CREATE INDEX {_STORY_POS}_start ON claimlens_story_pos(start)")
    db.execute(f"CREATE INDEX {_STORY_POS}_story ON claimlens_story_pos(story_id)")
    total = int(db.execute(f"SELECT coalesce(sum(n + 1), 0) FROM {_STORY_POS}").fetchone()[0])
    _built[key] = (filt, total)
    return total


def browse_count(
    db: sqlite_utils.Database, filt: ArticleFilter | None = None, *, by_story: bool = False
) -> int:
    """How many rows :func:`browse_rows` has: articles, plus one row per story when grouped."""
    where, params = _where(filt)
    if not by_story:
        return int(db.execute(f"SELECT count(*) FROM articles a {where}", params).fetchone()[0])
    loose = db.execute(
        f"SELECT count(*) FROM articles a {_and(where, 'a.story_id IS NULL')}", params
    ).fetchone()[0]
    # Counting is where a list (re)loads: the story positions are rebuilt here.
    return _story_rows(db, filt, rebuild=True) + int(loose)


def _ids(
    db: sqlite_utils.Database, where: str, params: list[Any], limit: int, offset: int
) -> list[int]:
    """Article ids in list order (newest first, undated last), by an index walk."""
    if limit <= 0:
        return []
    return [
        r[0]
        for r in db.execute(
            f"SELECT a.id FROM articles a {where} ORDER BY a.date DESC, a.id DESC LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
    ]


def browse_rows(
    db: sqlite_utils.Database,
    filt: ArticleFilter | None = None,
    *,
    by_story: bool = False,
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """One page of the article list.

    Ungrouped: articles newest first, undated last (``date DESC`` puts NULL
    last), ties by id. Grouped by story: stories newest first, each as a row
    ``{"kind": "story", "id", "title", "first_date", "n_articles", "n_sources"}``
    followed by its articles; articles in no story come last, without a header.
    """
    where, params = _where(filt)
    if not by_story:
        ids = _ids(db, where, params, limit, offset)
        by_id = _articles_by_id(db, ids)
        return [by_id[i] for i in ids if i in by_id]
    story_rows = _story_rows(db, filt)
    end = offset + limit
    keys: list[tuple[str, int]] = []  # ("story" | "article", id) in list order
    if offset < story_rows:
        spans = db.execute(
            f"SELECT story_id, start, n FROM {_STORY_POS}"
            " WHERE start < ? AND start + n + 1 > ? ORDER BY start",
            (end, offset),
        ).fetchall()
        for story_id, start, n in spans:
            if offset <= start:
                keys.append(("story", story_id))
            first = max(0, offset - start - 1)
            last = min(n, end - start - 1)
            in_story = _and(where, "a.story_id = ?")
            for aid in _ids(db, in_story, [*params, story_id], last - first, first):
                keys.append(("article", aid))
    if end > story_rows:
        skip = max(0, offset - story_rows)
        for aid in _loose_ids(db, filt, end - max(offset, story_rows), skip):
            keys.append(("article", aid))
    articles = _articles_by_id(db, [i for kind, i in keys if kind == "article"])
    story_ids = sorted({i for kind, i in keys if kind == "story"})
    stories: dict[int, dict[str, Any]] = {}
    if story_ids:
        marks = ",".join("?" * len(story_ids))
        for r in db.execute(
            "SELECT id, title, first_date, n_articles, n_sources FROM stories"
            f" WHERE id IN ({marks})",
            story_ids,
        ):
            stories[r[0]] = {
                "kind": "story",
                "id": r[0],
                "title": r[1],
                "first_date": r[2],
                "n_articles": r[3],
                "n_sources": r[4],
            }
    out = []
    for kind, i in keys:
        row = articles.get(i) if kind == "article" else stories.get(i)
        if row is not None:
            out.append(row)
    return out


def _loose_ids(
    db: sqlite_utils.Database, filt: ArticleFilter | None, limit: int, skip: int
) -> list[int]:
    """Articles in no story, in list order. The first page is an index walk; deeper
    pages come from a TEMP table of their order, built once (an OFFSET deep into them
    would check every skipped article's story)."""
    where, params = _where(filt)
    loose = _and(where, "a.story_id IS NULL")
    if skip == 0:
        return _ids(db, loose, params, limit, 0)
    key = id(db.conn)
    if _loose_built.get(key) != (filt or ArticleFilter()):
        db.execute(f"DROP TABLE IF EXISTS {_LOOSE}")
        db.execute(f"CREATE TABLE {_LOOSE} (pos INTEGER PRIMARY KEY, id INTEGER NOT NULL)")
        db.execute(
            f"INSERT INTO {_LOOSE}(id) SELECT a.id FROM articles a {loose}"
            " ORDER BY a.date DESC, a.id DESC",
            params,
        )
        db.execute(f"CREATE INDEX {_LOOSE}_id ON claimlens_loose(id)")
        _loose_built[key] = filt or ArticleFilter()
    rows = db.execute(f"SELECT id FROM {_LOOSE} WHERE pos > ? ORDER BY pos LIMIT ?", (skip, limit))
    return [r[0] for r in rows]


def _rank(
    db: sqlite_utils.Database, where: str, params: list[Any], date: str | None, aid: int
) -> int:
    """How many articles matching ``where`` come before (date, id) in list order."""
    if date is not None:
        cond, extra = "(a.date > ? OR (a.date = ? AND a.id > ?))", [date, date, aid]
    else:
        cond, extra = "(a.date IS NOT NULL OR a.id > ?)", [aid]
    sql = f"SELECT count(*) FROM articles a {_and(where, cond)}"
    return int(db.execute(sql, [*params, *extra]).fetchone()[0])


def article_position(
    db: sqlite_utils.Database,
    article_id: int,
    filt: ArticleFilter | None = None,
    *,
    by_story: bool = False,
) -> int | None:
    """The row index of an article in the list, or None if the filter hides it."""
    where, params = _where(filt)
    row = db.execute(
        f"SELECT a.date, a.id, a.story_id FROM articles a {_and(where, 'a.id = ?')}",
        [*params, article_id],
    ).fetchone()
    if row is None:
        return None
    date, aid, story_id = row
    if not by_story:
        return _rank(db, where, params, date, aid)
    story_rows = _story_rows(db, filt)
    if story_id is None:
        return story_rows + _rank(db, _and(where, "a.story_id IS NULL"), params, date, aid)
    pos = db.execute(f"SELECT start FROM {_STORY_POS} WHERE story_id = ?", (story_id,)).fetchone()
    if pos is None:
        return None
    in_story = _and(where, "a.story_id = ?")
    return int(pos[0]) + 1 + _rank(db, in_story, [*params, story_id], date, aid)


# --- statuses, matches, claims ----------------------------------------------------------


def _matches_sql(db: sqlite_utils.Database, statement_id: int) -> list[dict[str, Any]]:
    rows = db.execute(
        """
        SELECT o.id, o.text, o.article_id, a.title, src.name, a.date, m.score, m.relation,
               m.diff, o.speaker, m.a = ? AS mine_is_a
        FROM matches m
        JOIN statements o ON o.id = CASE WHEN m.a = ? THEN m.b ELSE m.a END
        JOIN articles a ON a.id = o.article_id
        JOIN sources src ON src.id = a.source_id
        WHERE m.a = ? OR m.b = ?
        ORDER BY m.score DESC, a.date, o.id
        """,
        (statement_id,) * 4,
    ).fetchall()
    out = []
    for r in rows:
        diffs = json.loads(r[8]) if r[8] else []
        if isinstance(diffs, dict):
            diffs = [diffs]
        if not r[10]:  # stored as (b's, a's): turn round so "a" is always this statement
            diffs = [_swap(d) for d in diffs]
        out.append(
            {
                "statement_id": r[0],
                "text": r[1],
                "article_id": r[2],
                "title": r[3],
                "source": r[4],
                "date": r[5],
                "score": r[6],
                "relation": r[7],
                "diffs": diffs,
                "speaker": r[9],
            }
        )
    return out


def _swap(diff: Any) -> Any:
    if not isinstance(diff, dict):
        return diff
    swapped = dict(diff)
    for key_a, key_b in (("a", "b"), ("a_value", "b_value")):
        if key_a in diff or key_b in diff:
            swapped[key_a], swapped[key_b] = diff.get(key_b), diff.get(key_a)
    return swapped


def _normalise_match(m: dict[str, Any]) -> dict[str, Any]:
    """The engine's match dict with the keys the browser reads, whatever it names them."""
    out = dict(m)
    if "statement_id" not in out:
        out["statement_id"] = out.get("id", out.get("other_id"))
    out.setdefault("diffs", out.get("diff") or [])
    if isinstance(out["diffs"], str):
        out["diffs"] = json.loads(out["diffs"])
    if isinstance(out["diffs"], dict):
        out["diffs"] = [out["diffs"]]
    for key in ("text", "title", "source", "date", "speaker", "relation", "article_id"):
        out.setdefault(key, None)
    out.setdefault("score", 0.0)
    return out


def statement_matches(db: sqlite_utils.Database, statement_id: int) -> list[dict[str, Any]]:
    """Statements of other sources that match this one, best first.

    Each: ``statement_id, text, article_id, title, source, date, score (0..100),
    relation ('same'|'conflict'), diffs [{a, b, a_value, b_value}], speaker``;
    in ``diffs``, ``a`` is this statement's wording and ``b`` the other's.
    """
    engine = _engine("db.matching", "matches_for_statement")
    if engine is not None:
        return [_normalise_match(m) for m in engine(db, statement_id)]
    return _matches_sql(db, statement_id)


def statement_statuses(db: sqlite_utils.Database, article_id: int) -> dict[int, str]:
    """statement id -> 'corroborated' | 'conflict' | 'unique' for one article."""
    engine = _engine("db.matching", "statement_statuses")
    if engine is not None:
        return dict(engine(db, article_id))
    statuses: dict[int, str] = {}
    for sid, relation in db.execute(
        """
        SELECT s.id, m.relation FROM statements s
        JOIN matches m ON m.a = s.id OR m.b = s.id
        WHERE s.article_id = ?
        """,
        (article_id,),
    ):
        if relation == "conflict" or statuses.get(sid) == "conflict":
            statuses[sid] = "conflict"
        else:
            statuses[sid] = "corroborated"
    for (sid,) in db.execute("SELECT id FROM statements WHERE article_id = ?", (article_id,)):
        statuses.setdefault(sid, "unique")
    return statuses


def article_match_counts(
    db: sqlite_utils.Database, article_ids: Sequence[int]
) -> dict[int, tuple[int, int]]:
    """article id -> (statements other sources corroborate, statements in conflict)."""
    if not article_ids:
        return {}
    engine = _engine("db.matching", "article_match_counts")
    if engine is not None:
        return {int(k): (int(v[0]), int(v[1])) for k, v in engine(db, list(article_ids)).items()}
    marks = ",".join("?" * len(article_ids))
    counts = {int(a): (0, 0) for a in article_ids}
    for aid, corroborated, conflict in db.execute(
        f"""
        WITH st AS (
            SELECT s.article_id, s.id,
                   max(m.relation = 'conflict') AS has_conflict
            FROM statements s JOIN matches m ON m.a = s.id OR m.b = s.id
            WHERE s.article_id IN ({marks})
            GROUP BY s.id
        )
        SELECT article_id, sum(has_conflict = 0), sum(has_conflict = 1)
        FROM st GROUP BY article_id
        """,
        list(article_ids),
    ):
        counts[int(aid)] = (int(corroborated or 0), int(conflict or 0))
    return counts


def claim_info(db: sqlite_utils.Database, claim_id: int | None) -> dict[str, Any] | None:
    """The claim a statement belongs to: when and where it was first seen, how many sources."""
    if claim_id is None:
        return None
    engine = _engine("db.claims", "claim_detail")
    if engine is not None:
        detail = engine(db, claim_id)
        if detail is not None:
            return dict(detail)
    row = db.execute(
        """
        SELECT c.id, c.first_date, c.n_sources, c.n_statements, c.has_conflict,
               c.first_statement_id, src.name
        FROM claims c
        LEFT JOIN statements s ON s.id = c.first_statement_id
        LEFT JOIN articles a ON a.id = s.article_id
        LEFT JOIN sources src ON src.id = a.source_id
        WHERE c.id = ?
        """,
        (claim_id,),
    ).fetchone()
    if row is None:
        return None
    return {
        "id": row[0],
        "first_date": row[1],
        "n_sources": row[2],
        "n_statements": row[3],
        "has_conflict": bool(row[4]),
        "first_statement_id": row[5],
        "first_source": row[6],
    }


def article_view(db: sqlite_utils.Database, article_id: int) -> dict[str, Any] | None:
    """Everything the reader shows for one article: the article, its statements, statuses."""
    article = get_article(db, article_id)
    if article is None:
        return None
    statements = article_statements(db, article_id)
    statuses = statement_statuses(db, article_id)
    for st in statements:
        st["status"] = statuses.get(st["id"], "unique")
    return {"article": article, "statements": statements}
