"""The browser's article list (``claimlens browse``), paged so memory never grows with
the corpus.

The list is virtual: the TUI asks for one page of rows at a time
(:func:`browse_rows`) and how many rows there are (:func:`browse_count`). Rows
are articles (the row of :func:`db.articles.article_row` with ``kind: "article"``),
newest first; grouped by story, each story's articles are preceded by a story row.
The ordering follows the indexes (``articles_date``, ``articles_source_date``), so a
page deep in a 100,000-article list costs an index walk, not a sort.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from db.articles import ArticleFilter, articles_by_id

__all__ = ["article_position", "browse_count", "browse_rows", "has_stories"]


def _where(filt: ArticleFilter | None) -> tuple[str, list[Any]]:
    return (filt or ArticleFilter()).where()


def _article_rows(db: sqlite_utils.Database, ids: list[int]) -> dict[int, dict[str, Any]]:
    return {i: {"kind": "article", **row} for i, row in articles_by_id(db, ids).items()}


def has_stories(db: sqlite_utils.Database) -> bool:
    """Whether matching has grouped any articles into stories."""
    return db.execute("SELECT EXISTS (SELECT 1 FROM stories)").fetchone()[0] == 1


def _and(where: str, condition: str) -> str:
    return f"{where} AND {condition}" if where else f" WHERE {condition}"


# Grouped by story, row positions come from a small per-connection TEMP table with one
# row per story: where its header row is and how many of its articles the filter
# shows. A page is then a range of that table plus index walks within the stories it
# spans; no query sorts the whole corpus, and Python holds nothing per story.
_STORY_POS = "temp.claimlens_story_pos"
# The unfiltered list's positions are kept in a table of their own beside a filter's, so
# that clearing a filter (`x`) reads them again rather than building them (~35 ms of CPU
# at 116 k articles, on the UI thread), while the database is as it was.
_STORY_POS_ALL = "temp.claimlens_story_pos_all"
_LOOSE = "temp.claimlens_loose"  # articles in no story, in list order (built on demand)
# What each of those tables was built for (the filter's repr, and the story rows), kept
# in the connection's TEMP schema beside them: it lives and dies with the connection and
# its tables. (Kept in Python by id(connection), a new connection at a freed one's
# address inherited the old one's record; only a look for the table and the order of
# the calls kept it from reading tables it never built.)
_BUILT = "temp.claimlens_list_built"


def _stamp(db: sqlite_utils.Database) -> str:
    """The state of the database as this connection sees it: another connection's commit
    changes ``data_version``, any write of this one (its TEMP tables' too) its
    ``total_changes``."""
    version = db.execute("PRAGMA data_version").fetchone()[0]
    return f"{version}:{db.conn.total_changes}"


def _built_for(db: sqlite_utils.Database, table: str) -> tuple[str, int, str] | None:
    """(filter, rows, :func:`_stamp` when built) that ``table`` was last built for on this
    connection, if it was."""
    db.execute(
        f"CREATE TABLE IF NOT EXISTS {_BUILT} (name TEXT PRIMARY KEY, filter TEXT NOT NULL,"
        " n INTEGER NOT NULL, stamp TEXT NOT NULL)"
    )
    row = db.execute(f"SELECT filter, n, stamp FROM {_BUILT} WHERE name = ?", (table,)).fetchone()
    return (row[0], int(row[1]), row[2]) if row is not None else None


def _set_built(db: sqlite_utils.Database, table: str, filt: ArticleFilter | None, n: int) -> None:
    """Note that ``table`` now holds the rows of ``filt`` (``None``: it was dropped), and
    the database's state after this note (:func:`_stamp`: the note's own insert is this
    connection's last change, one row)."""
    db.execute(f"DELETE FROM {_BUILT} WHERE name = ?", (table,))
    if filt is not None:
        version = db.execute("PRAGMA data_version").fetchone()[0]
        stamp = f"{version}:{db.conn.total_changes + 1}"
        db.execute(
            f"INSERT INTO {_BUILT}(name, filter, n, stamp) VALUES (?, ?, ?, ?)",
            (table, repr(filt), n, stamp),
        )


def _fresh(db: sqlite_utils.Database, *tables: str) -> list[str]:
    """Those of ``tables`` built while the database was as it is now (:func:`_stamp`)."""
    now = _stamp(db)
    return [t for t in tables if (built := _built_for(db, t)) is not None and built[2] == now]


def _restamp(db: sqlite_utils.Database, tables: list[str]) -> None:
    """Note that ``tables``, fresh before this connection's own TEMP writes (another
    table of positions, the loose articles' order), are fresh still: those writes change
    ``total_changes``, not the database (the update's own changes are the last, one row
    each)."""
    if not tables:
        return
    version = db.execute("PRAGMA data_version").fetchone()[0]
    marks = ",".join("?" * len(tables))
    rows = db.execute(f"SELECT count(*) FROM {_BUILT} WHERE name IN ({marks})", tables)
    stamp = f"{version}:{db.conn.total_changes + rows.fetchone()[0]}"
    db.execute(f"UPDATE {_BUILT} SET stamp = ? WHERE name IN ({marks})", (stamp, *tables))


# The stories' counts read this index alone: it holds every column a filter tests
# (story_id, date, source_id, the rowid) in story order, so the counts need no table row
# and no sort, and cost at most one walk of the index (~15 ms of CPU at 116 k articles).
# Left to choose, SQLite took a source filter's index (source_id, date) and read every
# one of that source's articles from the table for its story: ~60-170 ms of CPU, 0.2-1.4 s
# on a cold cache, on the UI thread at each change of the source filter.
_COUNTS_INDEX = "INDEXED BY articles_story_date"


def _story_rows(
    db: sqlite_utils.Database, filt: ArticleFilter | None, *, recount: bool = False
) -> tuple[int, str]:
    """Build the story position table (for a new filter or connection, and when
    ``recount`` unless the database is as it was when the table was built: ``t`` back to
    the stories reads the positions it built before, ~70 ms at 116 k articles); return
    the number of rows the stories take (their headers and articles), and the table of
    their positions (the unfiltered list's is kept beside a filter's)."""
    filt = filt or ArticleFilter()
    table = _STORY_POS_ALL if filt == ArticleFilter() else _STORY_POS
    built = _built_for(db, table)
    unchanged = built is not None and (not recount or built[2] == _stamp(db))
    if built is not None and unchanged and built[0] == repr(filt):
        return built[1], table
    other = _fresh(db, _STORY_POS if table == _STORY_POS_ALL else _STORY_POS_ALL)
    where, params = _where(filt)
    _set_built(db, table, None, 0)
    _set_built(db, _LOOSE, None, 0)
    db.execute(f"DROP TABLE IF EXISTS {table}")
    db.execute(f"DROP TABLE IF EXISTS {_LOOSE}")
    name = table.removeprefix("temp.")
    db.execute(
        f"""
        CREATE TABLE {table} AS
        WITH counts AS (
            SELECT a.story_id, count(*) AS n FROM articles a {_COUNTS_INDEX}
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
    db.execute(f"CREATE INDEX {table}_start ON {name}(start)")
    db.execute(f"CREATE INDEX {table}_story ON {name}(story_id)")
    total = int(db.execute(f"SELECT coalesce(sum(n + 1), 0) FROM {table}").fetchone()[0])
    _set_built(db, table, filt, total)
    # The other filter's positions, fresh before, are fresh still (and these, after that).
    _restamp(db, [table, *other])
    return total, table


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
    # Counting is where a list (re)loads: the story positions are built again here if
    # the database changed since they were.
    return _story_rows(db, filt, recount=True)[0] + int(loose)


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
    ``{"kind": "story", "id", "title", "first_date", "n_articles", "n_sources", "n_shown"}``
    (``n_shown``: how many of its articles the filter lets through, those listed under
    it) followed by its articles; articles in no story come last, without a header.
    """
    where, params = _where(filt)
    if not by_story:
        ids = _ids(db, where, params, limit, offset)
        by_id = _article_rows(db, ids)
        return [by_id[i] for i in ids if i in by_id]
    story_rows, table = _story_rows(db, filt)
    end = offset + limit
    keys: list[tuple[str, int]] = []  # ("story" | "article", id) in list order
    shown: dict[int, int] = {}  # a story's articles the filter lets through
    if offset < story_rows:
        spans = db.execute(
            f"SELECT story_id, start, n FROM {table}"
            " WHERE start < ? AND start + n + 1 > ? ORDER BY start",
            (end, offset),
        ).fetchall()
        for story_id, start, n in spans:
            if offset <= start:
                keys.append(("story", story_id))
                shown[story_id] = n
            first = max(0, offset - start - 1)
            last = min(n, end - start - 1)
            in_story = _and(where, "a.story_id = ?")
            for aid in _ids(db, in_story, [*params, story_id], last - first, first):
                keys.append(("article", aid))
    if end > story_rows:
        skip = max(0, offset - story_rows)
        for aid in _loose_ids(db, filt, end - max(offset, story_rows), skip):
            keys.append(("article", aid))
    articles = _article_rows(db, [i for kind, i in keys if kind == "article"])
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
                "n_shown": shown[r[0]],
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
    filt = filt or ArticleFilter()
    built = _built_for(db, _LOOSE)
    if built is None or built[0] != repr(filt):
        stories_fresh = _fresh(db, _STORY_POS, _STORY_POS_ALL)
        _set_built(db, _LOOSE, None, 0)
        db.execute(f"DROP TABLE IF EXISTS {_LOOSE}")
        db.execute(f"CREATE TABLE {_LOOSE} (pos INTEGER PRIMARY KEY, id INTEGER NOT NULL)")
        db.execute(
            f"INSERT INTO {_LOOSE}(id) SELECT a.id FROM articles a {loose}"
            " ORDER BY a.date DESC, a.id DESC",
            params,
        )
        db.execute(f"CREATE INDEX {_LOOSE}_id ON claimlens_loose(id)")
        _set_built(db, _LOOSE, filt, 0)
        _restamp(db, stories_fresh)
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
    story_rows, table = _story_rows(db, filt)
    if story_id is None:
        return story_rows + _rank(db, _and(where, "a.story_id IS NULL"), params, date, aid)
    pos = db.execute(f"SELECT start FROM {table} WHERE story_id = ?", (story_id,)).fetchone()
    if pos is None:
        return None
    in_story = _and(where, "a.story_id = ?")
    return int(pos[0]) + 1 + _rank(db, in_story, [*params, story_id], date, aid)
