"""Searching statements by words: safe FTS5 queries, bm25 ranking, highlights. The hit,
the page's columns and the scratch index are shared with :mod:`db.fuzzy_search`
(half-remembered quotes), which is a module of its own so that a word search imports
no rapidfuzz.

User input never reaches FTS5 as syntax. :func:`build_fts_query` keeps a small,
documented query language — words (all must match), ``"exact phrases"``,
``word*`` prefixes, ``OR`` between terms, ``-word`` to exclude — and quotes every
term it emits, so ``"unbalanced``, ``AND OR``, ``*``, ``col:x`` or ``NEAR(`` are
read as plain words (or ignored), never as operators.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, NamedTuple

from db.connection import snapshot

if TYPE_CHECKING:
    import sqlite_utils

    # Searching takes either: the app's sqlite-utils Database, or the plain read-only
    # connection of `claimlens search` (db.connection.connect_reader), which needs no
    # sqlite-utils import.
    Db = sqlite_utils.Database | sqlite3.Connection

__all__ = [
    "PAGE_ARTICLES",
    "PAGE_COLUMNS",
    "RANK_WINDOW",
    "TERM",
    "QueryError",
    "SearchHit",
    "build_fts_query",
    "connection_of",
    "count",
    "matching_sql",
    "parse_highlight",
    "quote_term",
    "scratch_index",
    "search",
    "search_counted",
]

# Markers FTS5's highlight() puts around matched terms; stored text never holds
# control characters (db.cleaning removes them), so they cannot collide.
_OPEN, _CLOSE = "\x02", "\x03"
TERM = re.compile(r"\w+", re.UNICODE)  # a word, as queries are read
_TOKEN = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')


# How many of the newest matches bm25 ranks (see :func:`search`).
RANK_WINDOW = 1000


class QueryError(ValueError):
    """The query has nothing searchable in it."""


class SearchHit(NamedTuple):
    """One statement found. A named tuple, not a dataclass: importing dataclasses and
    building a frozen one costs `claimlens search` ~5 ms of start-up."""

    statement_id: int
    article_id: int
    seq: int
    start: int
    end: int
    text: str
    highlights: list[tuple[int, int]]  # spans of ``text`` that matched
    title: str
    source: str
    date: str | None
    score: float  # higher is better (bm25 negated, or fuzzy 0..100)
    speaker: str | None = None
    kind: str = "sentence"

    def as_dict(self) -> dict[str, Any]:
        return {
            "statement_id": self.statement_id,
            "article_id": self.article_id,
            "seq": self.seq,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "highlights": [list(h) for h in self.highlights],
            "title": self.title,
            "source": self.source,
            "date": self.date,
            "score": round(self.score, 4),
            "speaker": self.speaker,
            "kind": self.kind,
        }


def connection_of(db: Db) -> sqlite3.Connection:
    return db if isinstance(db, sqlite3.Connection) else db.conn


def quote_term(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def build_fts_query(query: str) -> str:
    """Translate a user query into safe FTS5 syntax; raise QueryError if nothing is left."""
    positive: list[str] = []
    negative: list[str] = []
    pending_or = False
    for m in _TOKEN.finditer(query):
        neg = bool(m.group(1) or m.group(3))
        if m.group(2) is not None:
            words = TERM.findall(m.group(2))
            term = quote_term(" ".join(words)) if words else ""
        else:
            raw = m.group(4)
            if raw == "OR" and positive:
                pending_or = True
                continue
            words = TERM.findall(raw)
            if not words:
                continue
            # "col:x", "a-b", "U.S." become phrases of their words.
            term = quote_term(" ".join(words))
            if raw.endswith("*") and len(words) == 1:
                term += "*"
        if not term:
            continue
        if neg:
            negative.append(term)
        elif pending_or:
            positive[-1] = f"{positive[-1]} OR {term}"
            pending_or = False
        else:
            positive.append(term)
    if not positive:
        raise QueryError("nothing to search for: type at least one word")
    expr = " AND ".join(f"({p})" if " OR " in p else p for p in positive)
    for term in negative:
        expr = f"({expr}) NOT {term}"
    return expr


def matching_sql(source: str | None, since: str | None, until: str | None) -> tuple[str, list[Any]]:
    """``FROM ... WHERE`` of the statements matching an FTS5 query (the first
    parameter), within the filters: the statement and article tables are joined only
    when a filter needs them (an article's source and date)."""
    if source is None and since is None and until is None:
        return "FROM statements_fts WHERE statements_fts MATCH ?", []
    # Imported here: db.articles builds dataclasses on import (~5 ms of a plain search's
    # start-up).
    from db.articles import ArticleFilter

    conditions, params = ArticleFilter(source=source, since=since, until=until).conditions()
    if not conditions:
        return "FROM statements_fts WHERE statements_fts MATCH ?", params
    return (
        "FROM statements_fts JOIN statements s ON s.id = statements_fts.rowid"
        " JOIN articles a ON a.id = s.article_id WHERE statements_fts MATCH ?"
        + "".join(f" AND {c}" for c in conditions),
        params,
    )


# The page's columns: a statement with its article and source (its text at 5, marked
# by highlight() where the page's rows are highlighted).
PAGE_COLUMNS = """
    s.id, s.article_id, s.seq, s.char_start, s.char_end, {text},
    a.title, src.name, a.date, s.speaker, s.kind
"""
PAGE_ARTICLES = "JOIN articles a ON a.id = s.article_id JOIN sources src ON src.id = a.source_id"

# At most this many matches (and no filter): one statement ranks, reads and highlights
# them all, as a plain FTS5 query does. It first counts the matches, up to
# RANK_WINDOW + 1 (a walk of the doclists, ~0.1 ms for most queries, without bm25 or
# highlights) and, past SMALL_MATCHES, gives only that count: the query is then ranked
# whole when the window would hold every match anyway (a forward walk, which FTS5 does
# faster than the window's newest-first one), else in the window. Its first row is
# always the count (with NULLs when no match is on the page), the page's rows follow.
SMALL_MATCHES = 100
_SMALL_PAGE = f"""
    WITH probe AS MATERIALIZED (
        SELECT count(*) AS n FROM (
            SELECT 1 FROM statements_fts WHERE statements_fts MATCH ?1 LIMIT {RANK_WINDOW + 1}
        )
    ),
    page AS (
        SELECT {PAGE_COLUMNS.format(text=f"highlight(statements_fts, 0, '{_OPEN}', '{_CLOSE}')")},
            bm25(statements_fts) AS rank
        FROM probe CROSS JOIN statements_fts
        JOIN statements s ON s.id = statements_fts.rowid {PAGE_ARTICLES}
        WHERE probe.n <= {SMALL_MATCHES} AND statements_fts MATCH ?1
        ORDER BY rank, s.id DESC LIMIT ?2 OFFSET ?3
    )
    SELECT page.*, probe.n FROM probe LEFT JOIN page ON 1
    ORDER BY page.rank, page.id DESC
"""


def search(
    db: Db,
    query: str,
    *,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[SearchHit]:
    """Statements matching ``query``, best (bm25) first, ties newest first.

    Ranking every match of a very common word ("said" is in a third of all
    statements) costs tens of milliseconds, so bm25 ranks the newest
    :data:`RANK_WINDOW` matches (by statement id, i.e. ingest order). Queries
    with fewer matches, which is nearly all real ones, are ranked exactly. Only
    the page returned is highlighted and joined with its articles and sources;
    a query of at most :data:`SMALL_MATCHES` matches without filters is answered
    by one statement (:data:`_SMALL_PAGE`), the same rows in the same order.
    """
    return _search(connection_of(db), query, source, since, until, limit, offset)[0]


def search_counted(
    db: Db,
    query: str,
    *,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> tuple[list[SearchHit], int]:
    """:func:`search` and :func:`count` in one state of the database (what ``claimlens
    search`` prints): a query answered by one statement has its count already."""
    conn = connection_of(db)
    with snapshot(conn):
        hits, total = _search(conn, query, source, since, until, limit, offset)
        if total is None:
            total = count(conn, query, source=source, since=since, until=until)
    return hits, total


def _search(
    conn: sqlite3.Connection,
    query: str,
    source: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    offset: int,
) -> tuple[list[SearchHit], int | None]:
    """:func:`search`'s hits, and how many statements match when that came with them."""
    fts = build_fts_query(query)
    matching, params = matching_sql(source, since, until)
    total = None
    window = f"ORDER BY statements_fts.rowid DESC LIMIT {RANK_WINDOW}"
    if not params:  # no filter (SQL text kept the same: sqlite3 reuses the statement)
        # One statement reads one state of the file: no snapshot needed.
        rows = conn.execute(_SMALL_PAGE, (fts, limit, offset)).fetchall()
        total = rows[0][12]
        if total <= SMALL_MATCHES:
            return [_hit(row, -row[11]) for row in rows if row[0] is not None], total
        if total <= RANK_WINDOW:
            window = ""  # the window holds every match: rank them all, walking forward
        else:
            total = None  # only "more than the window" is known
    with snapshot(conn):  # the page and its rows read from one state of the file
        page = conn.execute(
            f"""
            SELECT id, rank FROM (
                SELECT statements_fts.rowid AS id, bm25(statements_fts) AS rank {matching}
                {window}
            ) ORDER BY rank, id DESC LIMIT ? OFFSET ?
            """,
            [fts, *params, limit, offset],
        ).fetchall()
        if not page:
            return [], total
        rows = _highlighted(conn, fts, [sid for sid, _rank in page])
    return [_hit(row, -rank) for sid, rank in page if (row := rows.get(sid)) is not None], total


# The page's highlights come from a scratch FTS5 index of the page's statements alone,
# in the temp schema (a read-only connection can write it). Its content is the
# statements table (through a temp view, as an FTS5 table reads its content from its
# own schema): filling it indexes the 20 texts without storing a copy of them.
_PAGE_INDEX = (
    "CREATE TEMP VIEW IF NOT EXISTS claimlens_page_texts AS SELECT id, text FROM main.statements",
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.claimlens_page USING fts5(text,"
    " content='claimlens_page_texts', content_rowid='id', columnsize=0,"
    " tokenize='porter unicode61 remove_diacritics 2')",
)
_PAGE_HIGHLIGHT = f"highlight(claimlens_page, 0, '{_OPEN}', '{_CLOSE}')"


def _highlighted(conn: sqlite3.Connection, fts: str, ids: list[int]) -> dict[int, tuple[Any, ...]]:
    """The page's rows (:data:`PAGE_COLUMNS`) by id, their texts with highlight()'s
    marks. Computed on a scratch index of the page alone: asking the statement index
    for highlight() of given rows re-runs the query once per row (milliseconds each
    for a common word). A row the scratch index does not match (the statement index
    out of date) comes unmarked."""
    try:
        rows = _page_highlights(conn, fts, ids)
    except sqlite3.OperationalError as exc:  # the first such search of this connection
        if "no such table: temp.claimlens_page" not in str(exc):
            raise
        for statement in _PAGE_INDEX:  # not in the savepoint rolled back after the page
            conn.execute(statement)
        rows = _page_highlights(conn, fts, ids)
    if len(rows) < len(ids):
        rest = [sid for sid in ids if sid not in rows]
        marks = ",".join("?" * len(rest))
        rows.update(
            (row[0], row)
            for row in conn.execute(
                f"SELECT {PAGE_COLUMNS.format(text='s.text')} FROM statements s"
                f" {PAGE_ARTICLES} WHERE s.id IN ({marks})",
                rest,
            )
        )
    return rows


def _page_highlights(
    conn: sqlite3.Connection, fts: str, ids: list[int]
) -> dict[int, tuple[Any, ...]]:
    """The rows of :func:`_highlighted` that the page index matches, filled inside a
    savepoint rolled back after: nothing is written out, nothing needs deleting."""
    marks = ",".join("?" * len(ids))
    conn.execute("SAVEPOINT claimlens_page")
    try:
        conn.execute(
            "INSERT INTO temp.claimlens_page(rowid, text)"
            f" SELECT id, text FROM statements WHERE id IN ({marks})",
            ids,
        )
        return {
            row[0]: row
            for row in conn.execute(
                f"SELECT {PAGE_COLUMNS.format(text=_PAGE_HIGHLIGHT)} FROM temp.claimlens_page"
                f" JOIN statements s ON s.id = claimlens_page.rowid {PAGE_ARTICLES}"
                " WHERE claimlens_page MATCH ?",
                [fts],
            )
        }
    finally:
        conn.execute("ROLLBACK TO claimlens_page")
        conn.execute("RELEASE claimlens_page")


@contextmanager
def scratch_index(conn: sqlite3.Connection, rows: str, params: Sequence[Any]) -> Iterator[None]:
    """A scratch FTS5 index, ``temp.claimlens_scratch``, of the ``(rowid, text)`` rows
    that ``rows`` (a SELECT or VALUES, with ``params``) gives, with the statement
    index's tokenizer, while the block runs. A temp table (a read-only connection can
    write it), filled inside a savepoint that is rolled back after: nothing is written
    out, nothing needs deleting."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.claimlens_scratch USING fts5(text,"
        " columnsize=0, tokenize='porter unicode61 remove_diacritics 2')"
    )
    conn.execute("SAVEPOINT claimlens_scratch")
    try:
        conn.execute(f"INSERT INTO temp.claimlens_scratch(rowid, text) {rows}", params)
        yield
    finally:
        conn.execute("ROLLBACK TO claimlens_scratch")
        conn.execute("RELEASE claimlens_scratch")


def count(
    db: Db,
    query: str,
    *,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> int:
    """How many statements match ``query`` within the filters."""
    fts = build_fts_query(query)
    matching, params = matching_sql(source, since, until)
    return int(db.execute(f"SELECT count(*) {matching}", [fts, *params]).fetchone()[0])


def _hit(row: tuple[Any, ...], score: float) -> SearchHit:
    """A hit from a row of :data:`PAGE_COLUMNS` (its text marked by highlight())."""
    text, spans = parse_highlight(row[5])
    # positionally, in SearchHit's order: keywords cost ~2 µs more per hit
    return SearchHit(
        row[0], row[1], row[2], row[3], row[4], text, spans, row[6], row[7], row[8], score, row[9],
        row[10]
    )  # fmt: skip


def parse_highlight(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Split FTS5 highlight() output into the plain text and the matched spans (a mark
    left unpaired is dropped)."""
    head, *opened = marked.split(_OPEN)
    out = [head.replace(_CLOSE, "")]
    spans: list[tuple[int, int]] = []
    pos = len(out[0])
    for part in opened:  # each "matched words\x03text up to the next match"
        matched, closed, rest = part.partition(_CLOSE)
        if closed:
            spans.append((pos, pos + len(matched)))
        rest = rest.replace(_CLOSE, "")
        out += (matched, rest)
        pos += len(matched) + len(rest)
    return "".join(out), spans
