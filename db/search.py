"""Searching statements: safe FTS5 queries, bm25 ranking, highlights, fuzzy quotes.

User input never reaches FTS5 as syntax. :func:`build_fts_query` keeps a small,
documented query language — words (all must match), ``"exact phrases"``,
``word*`` prefixes, ``OR`` between terms, ``-word`` to exclude — and quotes every
term it emits, so ``"unbalanced``, ``AND OR``, ``*``, ``col:x`` or ``NEAR(`` are
read as plain words (or ignored), never as operators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils
from rapidfuzz import fuzz

# Markers FTS5's highlight() puts around matched terms; stored text never holds
# control characters (db.cleaning removes them), so they cannot collide.
_OPEN, _CLOSE = "\x02", "\x03"
_TERM = re.compile(r"\w+", re.UNICODE)
_TOKEN = re.compile(r'(-?)"([^"]*)"|(-?)(\S+)')


# Statements matching an FTS5 query, with their article and source, for filters.
_MATCHING = """
    FROM statements_fts
    JOIN statements s ON s.id = statements_fts.rowid
    JOIN articles a ON a.id = s.article_id
    JOIN sources src ON src.id = a.source_id
    WHERE statements_fts MATCH ?"""

# How many of the newest matches bm25 ranks (see :func:`search`).
RANK_WINDOW = 1000


class QueryError(ValueError):
    """The query has nothing searchable in it."""


@dataclass(frozen=True, slots=True)
class SearchHit:
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


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def build_fts_query(query: str) -> str:
    """Translate a user query into safe FTS5 syntax; raise QueryError if nothing is left."""
    positive: list[str] = []
    negative: list[str] = []
    pending_or = False
    for m in _TOKEN.finditer(query):
        neg = bool(m.group(1) or m.group(3))
        if m.group(2) is not None:
            words = _TERM.findall(m.group(2))
            term = _quote(" ".join(words)) if words else ""
        else:
            raw = m.group(4)
            if raw == "OR" and positive:
                pending_or = True
                continue
            words = _TERM.findall(raw)
            if not words:
                continue
            # "col:x", "a-b", "U.S." become phrases of their words.
            term = _quote(" ".join(words))
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


def _filters(source: str | None, since: str | None, until: str | None) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if source:
        clauses.append("src.name = ? COLLATE NOCASE")
        params.append(source)
    if since:
        clauses.append("a.date >= ?")
        params.append(since)
    if until:
        # An until date includes the whole day.
        clauses.append("a.date < ?")
        params.append(until + "\uffff" if len(until) == 10 else until)
    return "".join(f" AND {c}" for c in clauses), params


def search(
    db: sqlite_utils.Database,
    query: str,
    *,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[SearchHit]:
    """Statements matching ``query``, best (bm25) first.

    Ranking every match of a very common word ("said" is in a third of all
    statements) costs tens of milliseconds, so bm25 ranks the newest
    :data:`RANK_WINDOW` matches (by statement id, i.e. ingest order). Queries
    with fewer matches, which is nearly all real ones, are ranked exactly.
    """
    fts = build_fts_query(query)
    where, params = _filters(source, since, until)
    sql = f"""
        SELECT s.id, s.article_id, s.seq, s.char_start, s.char_end,
               highlight(statements_fts, 0, '{_OPEN}', '{_CLOSE}'),
               a.title, src.name, a.date, -m.rank, s.speaker, s.kind
        FROM (
            SELECT statements_fts.rowid AS id, bm25(statements_fts) AS rank
            {_MATCHING}{where}
            ORDER BY statements_fts.rowid DESC
            LIMIT {RANK_WINDOW}
        ) m
        JOIN statements_fts ON statements_fts.rowid = m.id AND statements_fts MATCH ?
        JOIN statements s ON s.id = m.id
        JOIN articles a ON a.id = s.article_id
        JOIN sources src ON src.id = a.source_id
        ORDER BY m.rank
        LIMIT ? OFFSET ?
    """
    rows = db.execute(sql, [fts, *params, fts, limit, offset]).fetchall()
    return [_hit(row) for row in rows]


def count(
    db: sqlite_utils.Database,
    query: str,
    *,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> int:
    fts = build_fts_query(query)
    where, params = _filters(source, since, until)
    sql = f"""
        SELECT count(*) {_MATCHING}{where}
    """
    return int(db.execute(sql, [fts, *params]).fetchone()[0])


def _hit(row: tuple[Any, ...]) -> SearchHit:
    text, spans = parse_highlight(row[5])
    return SearchHit(
        statement_id=row[0],
        article_id=row[1],
        seq=row[2],
        start=row[3],
        end=row[4],
        text=text,
        highlights=spans,
        title=row[6],
        source=row[7],
        date=row[8],
        score=float(row[9]),
        speaker=row[10],
        kind=row[11],
    )


def parse_highlight(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Split FTS5 highlight() output into the plain text and the matched spans."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    open_at: int | None = None
    for ch in marked:
        if ch == _OPEN:
            open_at = pos
        elif ch == _CLOSE:
            if open_at is not None:
                spans.append((open_at, pos))
            open_at = None
        else:
            out.append(ch)
            pos += 1
    return "".join(out), spans


# --- fuzzy quote search -----------------------------------------------------------------

FUZZY_CANDIDATES = 400  # FTS candidates re-ranked by rapidfuzz
FUZZY_TERM_CUTOFF = 75  # how close a misspelled word must be to a word of the index


@dataclass
class FuzzyQuery:
    """A half-remembered quote, with each word mapped to words the index really has."""

    text: str
    expansions: dict[str, list[str]] = field(default_factory=dict)


def _vocabulary(db: sqlite_utils.Database, prefix: str) -> list[str]:
    rows = db.execute(
        "SELECT term FROM temp.statements_vocab WHERE term >= ? AND term < ?",
        (prefix, prefix + "\uffff"),
    )
    return [r[0] for r in rows]


def ensure_vocab(db: sqlite_utils.Database) -> None:
    """The fts5vocab view over the statement index (a temp table: nothing is stored)."""
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.statements_vocab "
        "USING fts5vocab(main, statements_fts, row)"
    )


def term_similarity(word: str, term: str) -> float:
    """How close a typed word is to an index term. Terms are porter stems
    ("engag"), so a word may also match a term by its beginning."""
    score = fuzz.ratio(word, term)
    if len(term) >= 4 and len(word) > len(term):
        score = max(score, fuzz.ratio(word[: len(term) + 1], term))
    return score


def expand_terms(db: sqlite_utils.Database, query: str) -> FuzzyQuery:
    """Map each query word to the index terms closest to it (sharing its first two letters)."""
    ensure_vocab(db)
    result = FuzzyQuery(query)
    for word in dict.fromkeys(w.lower() for w in _TERM.findall(query)):
        if len(word) < 3:
            continue
        scored = [(term_similarity(word, t), t) for t in _vocabulary(db, word[:2])]
        close = sorted((p for p in scored if p[0] >= FUZZY_TERM_CUTOFF), reverse=True)[:4]
        result.expansions[word] = [term for _score, term in close]
    return result


def fuzzy_search(
    db: sqlite_utils.Database,
    query: str,
    *,
    source: str | None = None,
    limit: int = 20,
) -> list[SearchHit]:
    """Statements that look like ``query`` even when it is misspelled or reworded.

    FTS5 finds candidates that share any (corrected) word with the query; rapidfuzz
    re-ranks them by how well the whole query aligns with the statement, and the
    aligned words are highlighted the way fzf does.
    """
    fq = expand_terms(db, query)
    terms = sorted({t for ts in fq.expansions.values() for t in ts})
    if not terms:
        raise QueryError("nothing to search for: type at least one word of three letters")
    # Stored vocabulary terms are porter stems: match them as prefixes.
    fts = " OR ".join(_quote(t) + "*" for t in terms)
    where, params = _filters(source, None, None)
    rows = db.execute(
        f"""
        SELECT s.id, s.article_id, s.seq, s.char_start, s.char_end, s.text,
               a.title, src.name, a.date, 0.0, s.speaker, s.kind
        {_MATCHING}{where}
        ORDER BY bm25(statements_fts)
        LIMIT {FUZZY_CANDIDATES}
        """,
        [fts, *params],
    ).fetchall()
    needle = query.lower()
    scored = []
    for row in rows:
        score = fuzz.partial_token_sort_ratio(needle, row[5].lower())
        score = 0.7 * score + 0.3 * fuzz.token_set_ratio(needle, row[5].lower())
        scored.append((score, row))
    scored.sort(key=lambda pair: -pair[0])
    hits = []
    for score, row in scored[:limit]:
        text = row[5]
        hits.append(
            SearchHit(
                statement_id=row[0],
                article_id=row[1],
                seq=row[2],
                start=row[3],
                end=row[4],
                text=text,
                highlights=fuzzy_highlights(query, text),
                title=row[6],
                source=row[7],
                date=row[8],
                score=score,
                speaker=row[10],
                kind=row[11],
            )
        )
    return hits


def fuzzy_highlights(query: str, text: str) -> list[tuple[int, int]]:
    """Spans of the words in ``text`` that are close to some word of ``query``.

    Words of three letters or fewer must match exactly: one edit away from
    "not" is "north", which is not what the reader typed.
    """
    words = {w.lower() for w in _TERM.findall(query) if len(w) >= 2}
    short = {w for w in words if len(w) <= 3}
    long_words = words - short
    spans = []
    for m in _TERM.finditer(text):
        token = m.group(0).lower()
        if token in short or any(fuzz.ratio(token, w) >= FUZZY_TERM_CUTOFF for w in long_words):
            spans.append((m.start(), m.end()))
    return spans
