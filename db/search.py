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

import itertools
import operator
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
    "COMPACT_MIN_SHARE",
    "COMPACT_MIN_STATEMENTS",
    "PAGE_ARTICLES",
    "PAGE_COLUMNS",
    "RANK_WINDOW",
    "TERM",
    "QueryError",
    "SearchHit",
    "build_fts_query",
    "compact_index",
    "compaction_wanted",
    "connection_of",
    "count",
    "matching_sql",
    "operator_hint",
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


_PLAIN_OPERATORS_RE = re.compile(r"(?:^|\s)(AND|NOT|NEAR)(?=\s|$)|^\s*(OR)\s|\s(OR)\s*$")
_NEAR_CALL_RE = re.compile(r"\bNEAR\s*\(")
_NEAR_DISTANCE_RE = re.compile(r",\s*\d+\s*\)")  # FTS5's NEAR(a b, 5)
_PARENTHESES_RE = re.compile(r"[(),]")


def operator_hint(query: str) -> str | None:
    """What to tell someone whose query writes an operator this query language reads as
    a plain word ("small AND group", "OR small", "NEAR(a b)"), else None: said when it
    found nothing, and under its hits (``claimlens search``). The one wording of these
    hints, for the CLI and the browser's search."""
    if _NEAR_CALL_RE.search(query):
        return _near_call_hint(query)
    m = _PLAIN_OPERATORS_RE.search(query)
    if m is None:
        return None
    word = next(g for g in m.groups() if g)
    if word == "OR":
        return "OR stands between two words or phrases: a OR b"
    if word == "NOT":
        return "NOT is a plain word here: write -word to leave a word out"
    return f"{word} is a plain word here: every word must match already, so leave it out"


def _near_call_hint(query: str) -> str:
    """The hint for FTS5's ``NEAR(a b)``, which this query language does not have: the
    query it meant, its words alone."""
    words = _NEAR_CALL_RE.sub(" ", query)
    words = " ".join(_PARENTHESES_RE.sub(" ", _NEAR_DISTANCE_RE.sub(" ", words)).split())
    hint = "NEAR is a plain word here and parentheses are ignored"
    if not words:
        return hint
    return f"{hint}: every word must match already, so try {words!r}"


def _exclude_only(excluded: Sequence[str]) -> str:
    """What a query that only leaves words out ("-trump") is told."""
    shown = " ".join(excluded)
    verb = "excludes" if len(excluded) == 1 else "exclude"
    return f"a search needs at least one word to include; {shown} only {verb}"


def build_fts_query(query: str) -> str:
    """Translate a user query into safe FTS5 syntax; raise QueryError if nothing is left."""
    return _parse_query(query)[0]


def _parse_query(query: str) -> tuple[str, bool]:
    """:func:`build_fts_query`'s expression, and whether it is narrow: every match must
    hold two words or more (words ANDed, a phrase of several words), so it usually has
    few matches (see :data:`FEW_MATCHES`)."""
    if query.isalnum():  # one plain word, the commonest query: no syntax to read
        return quote_term(query), False
    positive: list[str] = []
    negative: list[str] = []
    excluded: list[str] = []  # the excluded terms as written, for _exclude_only
    pending_or = False
    leading_or = False  # the first term is an OR with nothing before it
    words_needed = 0
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
            leading_or = leading_or or (raw == "OR" and not positive and not neg)
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
            excluded.append(m.group(0))
        elif pending_or:
            positive[-1] = f"{positive[-1]} OR {term}"
            pending_or = False
        else:
            positive.append(term)
            words_needed += len(words)
    if leading_or and len(positive) > 1:
        # "OR wall": an OR between nothing and a word, left out as a trailing one is
        # ("wall OR"); "OR" alone is the word.
        positive.pop(0)
        words_needed -= 1
    if not positive:
        if excluded:
            raise QueryError(_exclude_only(excluded))
        raise QueryError("nothing to search for: type at least one word")
    expr = " AND ".join(f"({p})" if " OR " in p else p for p in positive)
    for term in negative:
        expr = f"({expr}) NOT {term}"
    # an OR widens a query: broad, whatever its words
    return expr, words_needed >= 2 and not any(" OR " in p for p in positive)


def matching_sql(
    source: str | None, since: str | None, until: str | None, speaker: str | None = None
) -> tuple[str, list[Any]]:
    """``FROM ... WHERE`` of the statements matching an FTS5 query (the first
    parameter), within the filters: the statement and article tables are joined only
    when a filter needs them (an article's source and date, the articles quoting
    ``speaker``: the browser's filters, :class:`db.articles.ArticleFilter`)."""
    if source is None and since is None and until is None and speaker is None:
        return "FROM statements_fts WHERE statements_fts MATCH ?", []
    # Imported here: db.articles builds dataclasses on import (~5 ms of a plain search's
    # start-up).
    from db.articles import ArticleFilter

    conditions, params = ArticleFilter(
        source=source, since=since, until=until, speaker=speaker
    ).conditions()
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

# A query without filters is answered by one walk of the statement index, newest first
# (a narrow query: forward first), up to the ranking window: bm25 ranks every match it
# reads (every match, or the newest RANK_WINDOW: no walk to count them first, no match
# ranked twice) and the page is chosen from them. highlight() marks the first
# FEW_MATCHES matches read, as the walk reads them, as a plain FTS5 query does: a query
# of at most FEW_MATCHES has its page highlighted by then. Which rows those are is told
# by claimlens_seq(), a counter of the connection called once a row read (SQLite has no
# row number while a walk runs; ?4 is the counter's value past which no row is
# highlighted): the counter's value after the walk also tells how many matches it read,
# the count of a query within the window, with no materialized copy of the walk to count
# (that cost ~0.1 ms a query). The other pages are highlighted on the scratch index. A
# query whose every match holds two words or more (words ANDed, a phrase) usually has a
# few dozen matches, a single word or prefix often thousands (for those the highlights
# of the walk are spent, ~5 us each), so the walk highlights more of the first than of
# the second.
FEW_MATCHES = {True: 50, False: 20}  # by narrow (see _parse_query); 20: a page
# The page's statements, articles and sources are joined to the page in the walk's
# statement, CROSS JOINs keeping the page the outer loop: SQLite then reads the page as
# the walk's sorter gives it out (a co-routine) with no copy and no second sort, which a
# join it may reorder, or an ORDER BY over the join, would cost (~5 us a row). The rows
# come in the page's order; _walk sorts them again (a no-op, in case that ever changes).
_WALK = f"""
    WITH page AS (
        SELECT id, rank, marked FROM (
            SELECT statements_fts.rowid AS id, bm25(statements_fts) AS rank,
                CASE WHEN claimlens_seq() <= ?4
                    THEN highlight(statements_fts, 0, '{_OPEN}', '{_CLOSE}') END AS marked
            FROM statements_fts WHERE statements_fts MATCH ?1
            ORDER BY statements_fts.rowid DESC LIMIT ?5
        ) ORDER BY rank, id DESC LIMIT ?2 OFFSET ?3
    )
    SELECT {PAGE_COLUMNS.format(text="page.marked")}, -page.rank
    FROM page CROSS JOIN statements s ON s.id = page.id
    CROSS JOIN articles a ON a.id = s.article_id CROSS JOIN sources src ON src.id = a.source_id
"""
# A narrow query (few matches, seldom more than the window) walks forward instead, up to
# one match past the window: FTS5 walks its doclists forward 10-20% faster. Past the
# window (it ranked the oldest, not the newest) it walks again newest first.
_WALK_FORWARD = _WALK.replace("ORDER BY statements_fts.rowid DESC LIMIT ?5", "LIMIT ?5 + 1")


# A walk's row's score (bm25 negated, by the SQL): the page is sorted by it, highest
# first; a stable sort keeps ties in the walk's order (newest first).
_SCORE = operator.itemgetter(11)


# claimlens_seq()'s counter (a C callable: ~0.1 us a row) by connection (by id(): a
# sqlite3 connection takes no weak reference). A connection is used by one thread at a
# time, so its counter counts its own walk's rows only. An entry is never replaced: a
# connection's function is the counter stored under its id when it was registered
# (a closed connection's counter serves the next one given its id, registered again).
_COUNTERS: dict[int, Iterator[int]] = {}


def search(
    db: Db,
    query: str,
    *,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    offset: int = 0,
    speaker: str | None = None,
) -> list[SearchHit]:
    """Statements matching ``query``, best (bm25) first, ties newest first.

    Ranking every match of a very common word ("said" is in a third of all
    statements) costs tens of milliseconds, so bm25 ranks the newest
    :data:`RANK_WINDOW` matches (by statement id, i.e. ingest order). Queries
    with fewer matches, which is nearly all real ones, are ranked exactly. Only
    the page returned is joined with its articles and sources. Without filters, the
    query is one walk of the index (:data:`_WALK`) that also highlights its first
    :data:`FEW_MATCHES` matches as it reads them: a query of at most that many
    needs nothing more; another page is highlighted on a scratch index. ``speaker``:
    only in the articles quoting that speaker (as the browser's speaker filter).
    """
    filters = (source, since, until, speaker)
    return _search(connection_of(db), query, filters, limit, offset, False)[0]


def search_counted(
    db: Db,
    query: str,
    *,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    offset: int = 0,
    speaker: str | None = None,
) -> tuple[list[SearchHit], int]:
    """:func:`search` and :func:`count` in one state of the database (what ``claimlens
    search`` prints): a query of no more matches than the window without filters has
    its count from the walk that ranks it (:func:`_walk`)."""
    conn = connection_of(db)
    with snapshot(conn):
        filters = (source, since, until, speaker)
        hits, total = _search(conn, query, filters, limit, offset, True)
        if total is None:
            total = count(conn, query, source=source, since=since, until=until, speaker=speaker)
    return hits, total


def _search(
    conn: sqlite3.Connection,
    query: str,
    filters: tuple[str | None, str | None, str | None, str | None],
    limit: int,
    offset: int,
    counted: bool,
) -> tuple[list[SearchHit], int | None]:
    """:func:`search`'s hits, and how many statements match when that came with them
    (asked for by ``counted``); ``filters``: (source, since, until, speaker)."""
    fts, narrow = _parse_query(query)
    if all(f is None for f in filters):
        return _walk(conn, fts, limit, offset, narrow, counted)
    matching, params = matching_sql(*filters)
    if not params:  # filters that filter nothing
        return _walk(conn, fts, limit, offset, narrow, counted)
    with snapshot(conn):  # the page and its rows read from one state of the file
        page = conn.execute(
            f"""
            SELECT id, rank FROM (
                SELECT statements_fts.rowid AS id, bm25(statements_fts) AS rank {matching}
                ORDER BY statements_fts.rowid DESC LIMIT {RANK_WINDOW}
            ) ORDER BY rank, id DESC LIMIT ? OFFSET ?
            """,
            [fts, *params, limit, offset],
        ).fetchall()
        return _page_hits(conn, fts, page), None


def _walk(
    conn: sqlite3.Connection, fts: str, limit: int, offset: int, narrow: bool, counted: bool
) -> tuple[list[SearchHit], int | None]:
    """The hits of :data:`_WALK` (forward first for a narrow query), and (``counted``)
    how many match unless the window was full."""
    few = FEW_MATCHES[narrow]
    if narrow:
        rows, read = _walk_rows(conn, _WALK_FORWARD, fts, limit, offset, few)
        if read > RANK_WINDOW:  # past the window: rank its newest
            rows, read = _walk_rows(conn, _WALK, fts, limit, offset, few)
    else:
        rows, read = _walk_rows(conn, _WALK, fts, limit, offset, few)
    total = read if counted and read < RANK_WINDOW else None
    rows.sort(key=_SCORE, reverse=True)
    unmarked = [row[0] for row in rows if row[5] is None]
    if not unmarked:
        return [_hit(row, row[11]) for row in rows], total
    # a page past the walk's highlights: marked on the scratch index (search_counted
    # reads both in one snapshot; for search, a write between them can only drop a hit
    # whose statement went meanwhile, as an out-of-date index does)
    marked = _highlighted(conn, fts, unmarked)
    hits = []
    for row in rows:
        if row[5] is not None:
            hits.append(_hit(row, row[11]))
        elif (again := marked.get(row[0])) is not None:
            hits.append(_hit(again, row[11]))
    return hits, total


def _walk_rows(
    conn: sqlite3.Connection, sql: str, fts: str, limit: int, offset: int, few: int
) -> tuple[list[Any], int]:
    """The page of a walk (rows of :data:`PAGE_COLUMNS` and the rank; the text None
    past the walk's highlights) and how many matches the walk read, ``claimlens_seq``
    registered on the connection at its first search (the statement fails to prepare
    without it: the counter has not moved)."""
    seq = _COUNTERS.get(id(conn)) or _COUNTERS.setdefault(id(conn), itertools.count())
    start = next(seq)
    args = (fts, limit, offset, start + few, RANK_WINDOW)
    try:
        rows = conn.execute(sql, args).fetchall()
    except sqlite3.OperationalError as exc:
        if "claimlens_seq" not in str(exc):
            raise
        conn.create_function("claimlens_seq", 0, seq.__next__)
        rows = conn.execute(sql, args).fetchall()
    return rows, next(seq) - start - 1


def _page_hits(
    conn: sqlite3.Connection, fts: str, page: list[tuple[int, float]]
) -> list[SearchHit]:
    """The hits of a page of (id, rank), highlighted on the scratch index."""
    if not page:
        return []
    rows = _highlighted(conn, fts, [sid for sid, _rank in page])
    return [_hit(row, -rank) for sid, rank in page if (row := rows.get(sid)) is not None]


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
    speaker: str | None = None,
) -> int:
    """How many statements match ``query`` within the filters."""
    fts = build_fts_query(query)
    matching, params = matching_sql(source, since, until, speaker)
    return int(db.execute(f"SELECT count(*) {matching}", [fts, *params]).fetchone()[0])


# The statement index after a bulk ingest is a few dozen segments (FTS5 writes one per
# batch and merges them in levels), and every query looks each of its terms up in every
# segment: ~50 us a word at 24 segments, as much as all the rest of a rare word's query.
# 'optimize' merges them into one (rare words ~40% cheaper), but rewrites the whole index
# (~2 s at 200 k statements), so it runs only after an ingest that wrote many statements
# and a good share of the index: a bulk ingest, never a follow-feed batch of a few
# articles (those add small segments that FTS5's own merging keeps few).
COMPACT_MIN_STATEMENTS = 20_000
COMPACT_MIN_SHARE = 0.25  # of the statements in the index after the ingest


def compaction_wanted(conn: sqlite3.Connection, written: int) -> bool:
    """Whether an ingest that wrote ``written`` statements should compact the index
    (:func:`compact_index`): at least :data:`COMPACT_MIN_STATEMENTS` of them, and at least
    :data:`COMPACT_MIN_SHARE` of all the statements (its cost is the whole index's)."""
    if written < COMPACT_MIN_STATEMENTS:
        return False
    total = conn.execute("SELECT count(*) FROM statements").fetchone()[0]
    return written >= COMPACT_MIN_SHARE * total


def compact_index(conn: sqlite3.Connection) -> None:
    """Merge the statement index's segments into one (FTS5's 'optimize'), in one
    transaction of its own: interrupted, the index stays as it was, whole."""
    conn.execute("INSERT INTO statements_fts(statements_fts) VALUES ('optimize')")


def _hit(row: tuple[Any, ...], score: float) -> SearchHit:
    """A hit from a row of :data:`PAGE_COLUMNS` (its text marked by highlight())."""
    text, spans = parse_highlight(row[5])
    # the tuple made directly, in SearchHit's order: its generated __new__ (keywords and
    # defaults) costs ~0.2 µs more per hit, keywords ~2 µs
    return _new_tuple(SearchHit, (
        row[0], row[1], row[2], row[3], row[4], text, spans, row[6], row[7], row[8], score, row[9],
        row[10]
    ))  # fmt: skip


_new_tuple = tuple.__new__


def parse_highlight(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Split FTS5 highlight() output into the plain text and the matched spans (a mark
    left unpaired is dropped)."""
    if _OPEN not in marked:  # no match marked (a stale index): nothing to split
        return (marked.replace(_CLOSE, "") if _CLOSE in marked else marked), []
    head, *opened = marked.split(_OPEN)
    if _CLOSE in head:
        head = head.replace(_CLOSE, "")
    out = [head]
    spans: list[tuple[int, int]] = []
    pos = len(head)
    for part in opened:  # each "matched words\x03text up to the next match"
        matched, closed, rest = part.partition(_CLOSE)
        if closed:
            spans.append((pos, pos + len(matched)))
            if _CLOSE in rest:
                rest = rest.replace(_CLOSE, "")
        out += (matched, rest)
        pos += len(matched) + len(rest)
    return "".join(out), spans
