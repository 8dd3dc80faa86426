"""Cross-source matching in the database: statements -> matches -> claims -> stories.

* :func:`match_all` rebuilds everything: every statement is prepared once
  (:func:`db.matcher.prepare`, with its article's token frequencies), indexed under
  its blocking keys (:mod:`db.blocking`), and every candidate pair — different
  sources, dated within ``window_days`` — is scored (:func:`db.matcher.compare`),
  in worker processes when there are many. An undated article is matched as of the
  latest date written in its text, else the day it was ingested
  (:func:`undated_days`), never against every date. Pairs judged ``same``,
  ``conflict`` or ``related`` are written to ``matches`` (claims are made of the
  first two only, :data:`db.claims.CLAIM_LINK`; ``a < b``; ``diff`` is a JSON list
  of the differing numbers, each ``{a, b, a_value, b_value, unit, a_qualifier,
  b_qualifier}`` with ``a`` the wording of statement ``a``), except a photo
  caption's match that its article's text already makes
  (:func:`without_repeated_captions`), then claims and stories are rebuilt. On a
  database without story profiles, the workers also read each article for its
  profile, and profiles and links are made before the write
  (:mod:`db.article_profiling`). Evidence is not stored: scoring skips it
  (``explain=False``) and :mod:`db.match_evidence` computes it for the matches a
  reader looks at.
* :func:`match_articles` matches only the statements of some (new or replaced)
  articles against the corpus, without a rebuild: candidates come from the stored
  key index (a handful of articles) or from an in-memory index of the articles in
  the time window (large batches), and only the claims and stories they touch are
  recomputed. Both paths find the candidates :func:`match_all` finds for the new
  statements, so matching incrementally gives the matches of a rebuild.

Matching also keeps the blocking keys of every statement it has seen in the
database (``statement_keys``, ``key_postings``): that is where the incremental
path finds candidates.

Both write the matches, claims and stories in one IMMEDIATE transaction at the
end: a reader sees the previous matching or the new one, never a mix. Scoring
happens before the transaction, so the write lock is held only while writing.
(The incremental paths store the new statements' keys in a short transaction of
their own first; keys are derived data, rewritten whenever the statement is
matched again.)

The read functions (for the CLI and the browser) return plain dicts.
"""

from __future__ import annotations

import json
import multiprocessing
import multiprocessing.connection
import os
import time
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import Any

import sqlite_utils

from db.article_evidence import ArticleText, Profile
from db.article_profiling import Head, Link, article_heads, profile_heads, read_heads
from db.article_profiling import write as write_profiles
from db.blocking import BlockIndex, Item, blocking_keys, stored_neighbours
from db.bulk import bulk
from db.claims import place_claims, rebuild_claims, stale_claims
from db.connection import big_cache, snapshot, transaction
from db.dates import date_in_text, day_number
from db.id_chunks import id_chunks
from db.match_reads import flip_diffs
from db.matcher import (
    GIST_STATEMENTS,
    Num,
    Prepared,
    TokenCounts,
    compare,
    content_token_set,
    prepare,
    token_counts,
    with_context,
)
from db.parent_watch import end_with_parent
from db.regroup import regroup_in
from db.stories import (
    STORY_WINDOW_DAYS,
    Meta,
    Placement,
    article_meta,
    count_matched,
    place_stored,
    rebuild_stories,
    update_stories,
)
from db.upgrade import clear_regroup_due, regroup_due

__all__ = [
    "DEFAULT_WINDOW_DAYS",
    "MatchReport",
    "article_versions",
    "match_all",
    "match_articles",
    "prepared_statements",
    "undated_days",
]

# Statements are compared only with statements of articles dated this close (days).
DEFAULT_WINDOW_DAYS = 7
# Statements with fewer content tokens than this are not matched ("He added.").
MIN_TOKENS = 2
# match_articles: up to this many new statements, candidates are looked up in the
# key tables; above, the articles of the time window are loaded into memory, when
# the window holds fewer than BATCH_MAX_WINDOW_RATIO statements per new one.
# Per statement of the window, memory costs 0.09-0.18 ms; per new statement, the key
# tables 4.6-5.8 ms. In the 1.09 M-statement benchmark, 1,000 articles matched again:
# of random dates (window 1.09 M statements, 148 per new one) 194 s in memory, 50 s
# by the keys; of three days of March 1987 (276 k, 37 per new one) 29 s and 39 s.
KEYS_MAX_NEW_STATEMENTS = 3000
BATCH_MAX_WINDOW_RATIO = 40
# Worker processes for preparing and scoring (0: all cores); below
# PARALLEL_MIN_STATEMENTS everything runs in this process.
WORKERS = 0
PARALLEL_MIN_STATEMENTS = 20_000
# Statements prepared between two looks at which jobs may start.
PREPARE_STEP = 5000
# Prepared statements a big run keeps to take again for a statement of the same text
# (see _Memo), per generation.
MEMO_STATEMENTS = 200_000

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class MatchReport:
    """What a matching run did."""

    mode: str = "full"  # 'full' | 'incremental'
    statements: int = 0  # statements matched (all, or the new ones)
    indexed: int = 0  # statements they were matched against
    candidates: int = 0  # candidate pairs scored
    same: int = 0
    conflict: int = 0
    related: int = 0  # the same event, another claim: stored, shown apart, never claims
    claims: int = 0  # claims written
    stories: int = 0  # stories written
    # Articles added, replaced or deleted by another process while a full match ran:
    # left out of it (their matches are not those it scored), the ones still there
    # left pending for `claimlens match --pending`. An incremental match: older
    # articles another process changed meanwhile, left pending to be matched again.
    pending: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            "statements": self.statements,
            "indexed": self.indexed,
            "candidates": self.candidates,
            "same": self.same,
            "conflict": self.conflict,
            "related": self.related,
            "claims": self.claims,
            "stories": self.stories,
            "pending": self.pending,
            "seconds": round(self.seconds, 3),
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
        }


# ------------------------------------------------------------------ loading


@dataclass(slots=True)
class _Row:
    sid: int
    article_id: int
    source: int
    day: int | None
    text: str
    speaker: str | None
    caption: bool = False  # a photo caption (statements.kind), see without_repeated_captions


_ROW_SQL = (
    "SELECT s.id, s.article_id, a.source_id, a.date, s.text, s.speaker, s.kind = 'caption'"
    " FROM statements s JOIN articles a ON a.id = s.article_id"
)


def _rows(db: sqlite_utils.Database, where: str = "", params: Sequence[Any] = ()) -> list[_Row]:
    sql = _ROW_SQL + (" WHERE " + where if where else "") + " ORDER BY s.article_id, s.seq"
    rows = [
        _Row(r[0], r[1], r[2], day_number(r[3]), r[4], r[5], bool(r[6]))
        for r in db.execute(sql, params)
    ]
    undated = {r.article_id for r in rows if r.day is None}
    if undated:
        days = undated_days(db, undated)
        for r in rows:
            if r.day is None:
                r.day = days.get(r.article_id)
    return rows


def undated_days(db: Any, article_ids: Iterable[int]) -> dict[int, int | None]:
    """The day each undated article is matched as of: the latest full date written
    in its text (not after it was ingested), else the day it was ingested. An undated
    article compared with every date matched archives of other decades (BBC 2004-05
    with US politics 2010-19) on look-alike sentences."""
    out: dict[int, int | None] = {}
    for marks, chunk in id_chunks(sorted(article_ids)):
        for aid, text, ingested in db.execute(
            f"SELECT id, text, ingested_at FROM articles WHERE id IN ({marks})", chunk
        ):
            out[aid] = day_number(date_in_text(text, not_after=ingested) or ingested)
    return out


def _rows_of_articles(db: sqlite_utils.Database, article_ids: Iterable[int]) -> list[_Row]:
    out: list[_Row] = []
    for marks, chunk in id_chunks(sorted(set(article_ids))):
        out.extend(_rows(db, f"s.article_id IN ({marks})", chunk))
    return out


def _extras(
    db: sqlite_utils.Database, sids: Sequence[int] | None
) -> tuple[dict[int, list[Num]], dict[int, list[str]]]:
    """Numbers and quotes of the statements (all when ``sids`` is None)."""
    numbers: dict[int, list[Num]] = {}
    quotes: dict[int, list[str]] = {}
    if sids is None:
        chunks: list[tuple[str, list[int]]] = [("", [])]
    else:
        chunks = [
            (f" WHERE statement_id IN ({marks})", c) for marks, c in id_chunks(sorted(set(sids)))
        ]
    for where, params in chunks:
        for sid, value, unit, qual, raw in db.execute(
            "SELECT statement_id, value, unit, qualifier, raw FROM numbers"
            + where
            + " ORDER BY statement_id, char_start",
            params,
        ):
            numbers.setdefault(sid, []).append(Num(value, unit, qual, raw))
        for sid, text in db.execute(
            "SELECT statement_id, text FROM quotes" + where + " ORDER BY statement_id, char_start",
            params,
        ):
            quotes.setdefault(sid, []).append(text)
    return numbers, quotes


def _prepare_articles(
    rows: list[_Row],
    numbers: dict[int, list[Num]],
    quotes: dict[int, list[str]],
    only: set[int] | None = None,
    stored: dict[int, TokenCounts] | None = None,
    counts_out: dict[int, TokenCounts] | None = None,
    memo: _Memo | None = None,
) -> list[Prepared]:
    """Prepared statements (in ``rows`` order), each with its article's context.
    ``rows`` must hold whole articles, consecutively.

    With ``only``, just those statements are prepared; an article's context then
    comes from ``stored`` token counts (the article_tokens table), else from
    tokenising its other statements. ``counts_out`` receives the token counts of
    every wholly prepared article (to be stored). ``memo``: statements prepared before
    (by what prepare reads of them), whose Prepared is taken again."""
    out: list[Prepared] = []
    make = _prepare_row if memo is None else memo.prepare
    start = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or rows[i].article_id != rows[start].article_id:
            article = rows[start:i]
            aid = article[0].article_id
            chosen = article if only is None else [r for r in article if r.sid in only]
            group = [make(r, numbers.get(r.sid, ()), quotes.get(r.sid, ())) for r in chosen]
            prepared = {r.sid: p.tokset for r, p in zip(chosen, group, strict=True)}
            if len(chosen) == len(article):
                counts = token_counts(p.tokset for p in group)
                if counts_out is not None:
                    counts_out[aid] = counts
            elif stored is not None and aid in stored:
                counts = stored[aid]
            else:
                counts = token_counts(
                    prepared.get(r.sid) or content_token_set(r.text) for r in article
                )
            # its first statement's words: as prepared, else read as prepare reads them
            # (content_token_set, as for the counts above), the same in either case; the
            # next few as prepared, else their texts (tokenised if a pair needs them)
            first = chosen and chosen[0] is article[0]
            lead = group[0].tokset if first else content_token_set(article[0].text)
            head = [lead, *(prepared.get(r.sid, r.text) for r in article[1:GIST_STATEMENTS])]
            out.extend(with_context(group, counts, lead, article[0].day, head))
            start = i
    return out


def _prepare_row(r: _Row, numbers: Sequence[Num], quotes: Sequence[str]) -> Prepared:
    return prepare(r.text, speaker=r.speaker or "", numbers=numbers, quotes=quotes)


class _Memo:
    """Statements prepared in this run, by all that :func:`db.matcher.prepare` reads of
    them (text, speaker, numbers, quotes; it is a pure function of these): outlets
    carrying wire copy repeat sentences word for word, a few days apart (in the 910 k
    statements of bench_match_scale's corpus, 468 k distinct texts). Statements come in
    date order, so a bounded memory holds the recent ones: two generations of at most
    ``limit`` each (a Prepared is shared by the copies, so it costs little)."""

    def __init__(self, limit: int = MEMO_STATEMENTS) -> None:
        self.limit = limit
        self.new: dict[tuple, Prepared] = {}
        self.old: dict[tuple, Prepared] = {}

    def prepare(self, r: _Row, numbers: Sequence[Num], quotes: Sequence[str]) -> Prepared:
        key = (r.text, r.speaker or "", tuple(numbers), tuple(quotes))
        found = self.new.get(key)
        if found is None:
            found = self.old.get(key)
            if found is None:
                found = _prepare_row(r, numbers, quotes)
            if len(self.new) >= self.limit:
                self.old, self.new = self.new, {}
            self.new[key] = found
        return found


def _stored_counts(db: Any, article_ids: Iterable[int]) -> dict[int, TokenCounts]:
    out: dict[int, TokenCounts] = {}
    for marks, chunk in id_chunks(sorted(article_ids)):
        for aid, n, df in db.execute(
            f"SELECT article_id, n, df FROM article_tokens WHERE article_id IN ({marks})", chunk
        ):
            out[aid] = (n, json.loads(df))
    return out


def _encode(counts: TokenCounts) -> tuple[int, str]:
    """Token counts as stored: tokens held by one statement are left out (the default)."""
    n, df = counts
    # Filtered before sorting: most of an article's tokens are held by one statement.
    return n, json.dumps(dict(sorted((t, d) for t, d in df.items() if d > 1)), ensure_ascii=False)


def _write_counts(
    conn: Any, counts: dict[int, tuple[int, str]], *, everything: bool = False
) -> None:
    """Store articles' encoded token counts (see _encode)."""
    if everything:
        conn.execute("DELETE FROM article_tokens")
    conn.executemany(
        "INSERT OR REPLACE INTO article_tokens(article_id, n, df) VALUES (?, ?, ?)",
        [(aid, n, df) for aid, (n, df) in sorted(counts.items())],
    )


def _workers() -> int:
    return WORKERS or os.cpu_count() or 1


# ------------------------------------------------------------------ scoring
#
# A pair is scored once, from its later statement (higher id): statement p is scored
# against each neighbour q (db.blocking) with a lower id. New statements have the
# highest ids, so an incremental run scores exactly the pairs a rebuild scores.
#
# Big runs go in day order: statements are prepared in the parent, undated first
# (a candidate of every date), then by date; a job (a run of dates) is forked as
# soon as every statement within the time window of its dates is prepared, and
# scores its own statements. A job touches only the prepared statements of its
# dates and the window around them, so forked workers copy little of the parent's
# memory, and scoring starts while preparing goes on.


def _oriented(sa: int, sb: int, result: Any) -> tuple[int, int, float, str, str | None]:
    """A match row (a < b), its diffs told from statement a's side."""
    diffs = [dict(d) for d in result.diffs]
    if sa > sb:
        sa, sb = sb, sa
        flip_diffs(diffs)
    diff = json.dumps(diffs, ensure_ascii=False) if diffs else None
    return sa, sb, float(result.score), result.relation, diff


def _order(rows: list[_Row]) -> list[_Row]:
    """Undated first, then by date; each article's statements together."""
    return sorted(rows, key=lambda r: (r.day is not None, r.day or 0, r.article_id))


@dataclass
class _Pipeline:
    rows: list[_Row]  # in _order
    window_days: int
    owned: set[int] | None  # statement ids to score (None: all)
    # Articles to read for their story profiles (db.article_profiling): each job reads
    # those of its dates, so reading runs in the workers with the scoring.
    heads: dict[int, Head] = field(default_factory=dict)
    index: BlockIndex = field(init=False)
    preps: list[Prepared] = field(default_factory=list)
    counts: dict[int, tuple[int, str]] = field(default_factory=dict)  # article -> encoded
    memo: _Memo = field(default_factory=_Memo)  # while preparing

    def __post_init__(self) -> None:
        self.index = BlockIndex(self.window_days)

    def score(self, lo: int, hi: int) -> tuple[list[tuple], int, dict[int, ArticleText]]:
        """Score the owned statements at positions lo..hi-1 against their neighbours,
        and read the ``heads`` of their articles."""
        items, preps, owned = self.index.items, self.preps, self.owned
        neighbours = self.index.neighbours
        later = owned is not None
        out: list[tuple] = []
        n = 0
        for pos in range(lo, hi):
            item = items[pos]
            sid = item.sid
            if not item.keys or (owned is not None and sid not in owned):
                continue
            prep = preps[pos]
            # An owned statement may be older than others of the window (matched
            # again): those pairs are scored from it.
            for other in neighbours(item, later=later):
                osid = items[other].sid
                # Pairs of two scored statements are scored from the later one.
                if osid > sid and (owned is None or osid in owned):
                    continue
                n += 1
                result = compare(prep, preps[other], explain=False, score_different=False)
                if result.relation != "different":
                    out.append(_oriented(sid, osid, result))
        reads = (
            read_heads(self.heads, {r.article_id for r in self.rows[lo:hi]}) if self.heads else {}
        )
        return out, n, reads


def _jobs(rows: list[_Row], n_jobs: int) -> list[tuple[int, int]]:
    """Split positions into about ``n_jobs`` runs, never inside one day; the undated
    rows (first in _order) are a run of their own."""
    size = max(1, len(rows) // n_jobs)
    undated = sum(1 for r in rows if r.day is None)
    bounds = [(0, undated)] if undated else []
    start = undated
    while start < len(rows):
        end = min(len(rows), start + size)
        while end < len(rows) and rows[end].day == rows[end - 1].day:
            end += 1
        bounds.append((start, end))
        start = end
    return bounds


def _ready_at(rows: list[_Row], job: tuple[int, int], window_days: int) -> int:
    """How many rows must be prepared before ``job`` may start: every row dated
    within the window of its last date (all rows when it holds undated ones)."""
    last = rows[job[1] - 1].day
    if last is None or rows[job[0]].day is None:
        return len(rows)
    limit = last + window_days
    return bisect_right(rows, limit, key=lambda r: r.day if r.day is not None else -1)


def _run_job(pipe: Any, pipeline: _Pipeline, job: tuple[int, int]) -> None:
    parent = multiprocessing.parent_process()
    if parent is not None and parent.pid is not None:
        end_with_parent(parent.pid)  # a killed `claimlens match` leaves no worker scoring
    try:
        pipe.send(pipeline.score(*job))
    finally:
        pipe.close()


@dataclass
class _Scored:
    """What preparing and scoring gives: the items (keys) in _order, the articles'
    encoded token counts, the matches, the pairs scored, the heads read."""

    items: list[Item]
    counts: dict[int, tuple[int, str]]
    results: list[tuple]
    n: int
    reads: dict[int, ArticleText]


def _prepare_and_score(
    rows: list[_Row],
    numbers: dict[int, list[Num]],
    quotes: dict[int, list[str]],
    window_days: int,
    owned: set[int] | None,
    progress: Progress | None,
    heads: dict[int, Head] | None = None,
) -> _Scored:
    """Prepare and index ``rows`` (whole articles, any order) and score the owned
    statements; read the ``heads`` (for story profiles) on the way."""
    rows = _order(rows)
    pipe_line = _Pipeline(rows, window_days, owned, heads or {})
    total = len(rows) if owned is None else len(owned)
    n_workers = _workers()
    if total < PARALLEL_MIN_STATEMENTS or n_workers < 2:
        _prepare_into(pipe_line, numbers, quotes, len(rows), progress)
        results, n, reads = pipe_line.score(0, len(rows))
        if progress:
            progress("score", total, total)
        return _Scored(pipe_line.index.items, pipe_line.counts, results, n, reads)
    # In the order they can start: the undated statements' job waits for everything.
    jobs = sorted(_jobs(rows, n_workers * 8), key=lambda job: _ready_at(rows, job, window_days))
    ready = [_ready_at(rows, job, window_days) for job in jobs]
    ctx = multiprocessing.get_context("fork")
    running: dict[Any, Any] = {}  # parent end of the pipe -> process
    results: list[tuple] = []
    reads: dict[int, ArticleText] = {}
    n_scored = 0
    done = 0
    nxt = 0

    def collect(block: bool) -> None:
        nonlocal n_scored, done
        if not running:
            return
        for conn in multiprocessing.connection.wait(list(running), None if block else 0):
            proc = running.pop(conn)
            try:
                out, n, read = conn.recv()
            except EOFError:
                proc.join()
                raise RuntimeError(
                    f"a matching worker stopped (exit code {proc.exitcode}); nothing was written"
                ) from None
            proc.join()
            results.extend(out)
            reads.update(read)
            n_scored += n
            done += 1
            if progress:
                progress("score", total * done // len(jobs), total)

    def launch(limit: int) -> None:
        nonlocal nxt
        while nxt < len(jobs) and ready[nxt] <= len(pipe_line.preps) and len(running) < limit:
            parent, child = ctx.Pipe(duplex=False)
            proc = ctx.Process(target=_run_job, args=(child, pipe_line, jobs[nxt]), daemon=True)
            proc.start()
            child.close()
            running[parent] = proc
            nxt += 1

    try:
        while len(pipe_line.preps) < len(rows):
            _prepare_into(pipe_line, numbers, quotes, len(pipe_line.preps) + PREPARE_STEP, progress)
            collect(block=False)
            launch(n_workers - 1)  # this process is busy preparing
        while nxt < len(jobs) or running:
            launch(n_workers)
            collect(block=True)
    finally:
        for proc in running.values():
            proc.kill()
            proc.join()
    return _Scored(pipe_line.index.items, pipe_line.counts, results, n_scored, reads)


def _prepare_into(
    pipe_line: _Pipeline,
    numbers: dict[int, list[Num]],
    quotes: dict[int, list[str]],
    upto: int,
    progress: Progress | None,
) -> None:
    """Prepare and index the rows up to about ``upto`` (whole articles)."""
    rows = pipe_line.rows
    start = len(pipe_line.preps)
    end = min(len(rows), max(upto, start + 1))
    while end < len(rows) and rows[end].article_id == rows[end - 1].article_id:
        end += 1
    chunk = rows[start:end]
    counts: dict[int, TokenCounts] = {}
    preps = _prepare_articles(chunk, numbers, quotes, counts_out=counts, memo=pipe_line.memo)
    pipe_line.counts.update((aid, _encode(c)) for aid, c in counts.items())
    pipe_line.preps.extend(preps)
    for item in _items(chunk, preps):
        pipe_line.index.add(item)
    if end == len(rows):
        pipe_line.memo = _Memo()  # everything is prepared: let the memory go
    if progress:
        progress("prepare", end, len(rows))


def _items(rows: list[_Row], preps: list[Prepared]) -> list[Item]:
    return [
        Item(
            r.sid,
            r.source,
            r.day,
            blocking_keys(p.tokset, p.numbers) if len(p.tokset) >= MIN_TOKENS else (),
        )
        for r, p in zip(rows, preps, strict=True)
    ]


# How strongly a match joins two statements, for without_repeated_captions.
_STRENGTH = {"same": 2, "conflict": 2, "related": 1}


def without_repeated_captions(
    db: Any, results: list[tuple], rows: list[_Row] | None = None
) -> list[tuple]:
    """``results`` less each photo caption's match with a statement that another
    statement of the caption's article matches at least as strongly (same or conflict
    over related). A caption repeats its report ("Zelensky estimates that some 11,000
    troops are in Kursk [Getty Images]" over "He said an estimated 11,000 soldiers were
    in Kursk"): a second match with one statement would show one outlet's claim twice.
    A caption that says what its text does not keeps its matches. Caption and text are
    of one article, so every run that scores one of the pair scores the other.
    ``rows``: every statement of the run (a rebuild), else the database is asked about
    the statements of ``results``."""
    if not results:
        return results
    if rows is not None:
        captions = {r.sid: r.article_id for r in rows if r.caption}
    else:
        captions = _articles_of(db, {s for r in results for s in r[:2]}, kind="caption")
    if not captions:
        return results
    partners = {x for r in results for c, x in ((r[0], r[1]), (r[1], r[0])) if c in captions}
    others = {s for r in results if r[0] in partners or r[1] in partners for s in r[:2]}
    if rows is not None:
        article = {r.sid: r.article_id for r in rows if r.sid in others}
    else:
        article = _articles_of(db, others)
    # The strongest match of (an article's text other than its captions, a partner).
    best: dict[tuple[int, int], int] = {}
    for a, b, _score, relation, _diff in results:
        for s, x in ((a, b), (b, a)):
            if x in partners and s not in captions:
                key = (article[s], x)
                best[key] = max(best.get(key, 0), _STRENGTH[relation])

    def repeated(r: tuple) -> bool:
        return any(
            c in captions and best.get((captions[c], x), 0) >= _STRENGTH[r[3]]
            for c, x in ((r[0], r[1]), (r[1], r[0]))
        )

    return [r for r in results if not repeated(r)]


def _articles_of(db: Any, sids: Iterable[int], kind: str | None = None) -> dict[int, int]:
    """The article of each statement of ``sids`` (of those of ``kind``, if given);
    ``db``: a database or a connection."""
    out: dict[int, int] = {}
    of_kind = "kind = ? AND " if kind else ""
    for marks, chunk in id_chunks(sorted(sids)):
        sql = f"SELECT id, article_id FROM statements WHERE {of_kind}id IN ({marks})"
        out.update(db.execute(sql, [kind, *chunk] if kind else chunk).fetchall())
    return out


def _insert_matches(conn: Any, results: list[tuple]) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO matches(a, b, score, relation, diff) VALUES (?, ?, ?, ?, ?)",
        sorted(results),
    )


def _clear_keys(conn: Any) -> None:
    """Empty both key tables. Deleting from ``statement_keys`` fires its trigger once a
    row (each reads the row's keys and looks their postings up: 0.35 s at 52 k
    statements, seconds at 1 M), with nothing left to find once the postings are emptied;
    so the trigger is dropped for the delete and created again as it was, in the
    caller's transaction (SQLite then empties the table at once)."""
    conn.execute("DELETE FROM key_postings")
    trigger = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'statement_keys_ad'"
    ).fetchone()
    if trigger is not None:
        conn.execute("DROP TRIGGER statement_keys_ad")
    conn.execute("DELETE FROM statement_keys")
    if trigger is not None:
        conn.execute(trigger[0])


def _write_keys(conn: Any, items: Sequence[Item], *, everything: bool = False) -> None:
    """Store the blocking keys of ``items`` (the candidates of later incremental runs
    are looked up there). ``everything``: they are all the statements; start afresh."""
    if everything:
        _clear_keys(conn)
    else:
        for marks, chunk in id_chunks(it.sid for it in items):
            # The trigger drops their postings too.
            conn.execute(f"DELETE FROM statement_keys WHERE statement_id IN ({marks})", chunk)
    conn.executemany(
        "INSERT INTO statement_keys(statement_id, day, keys) VALUES (?, ?, ?)",
        [(it.sid, it.day or 0, json.dumps(it.keys, ensure_ascii=False)) for it in items],
    )
    # The postings are the keys just written, read back and sorted by SQLite: a third
    # of the time of sorting and binding them here (a full match writes millions).
    conn.execute(
        "INSERT OR IGNORE INTO key_postings(key, day, statement_id)"
        " SELECT j.value, k.day, k.statement_id FROM statement_keys k, json_each(k.keys) j"
        " WHERE k.statement_id IN (SELECT value FROM json_each(?)) ORDER BY 1, 2, 3",
        (json.dumps([it.sid for it in items]),),
    )


# ------------------------------------------------------------------ full rebuild


def match_all(
    db: sqlite_utils.Database,
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    progress: Progress | None = None,
) -> MatchReport:
    """Match every statement against every other source; rebuild claims and stories."""
    with bulk():
        return _match_all(db, window_days, progress)


def _match_all(
    db: sqlite_utils.Database, window_days: int, progress: Progress | None
) -> MatchReport:
    t0 = time.monotonic()
    report = MatchReport(mode="full")
    with snapshot(db.conn):  # one state of the database, whatever is written meanwhile
        rows = _rows(db)
        numbers, quotes = _extras(db, None)
        # A database without story profiles: the workers read every article for its
        # profile as they score its dates, and profiles and links are made before the
        # transaction (db.article_profiling); else rebuild_stories profiles what lacks one.
        profiling = _unprofiled(db)
        heads = article_heads(db.conn) if profiling else {}
        as_read = article_versions(db)
    # Each statement's article, compactly: what to leave out if its article changes.
    read_sids = array("q", (r.sid for r in rows))
    read_articles = array("q", (r.article_id for r in rows))
    report.timings["load"] = time.monotonic() - t0
    t = time.monotonic()
    scored = _prepare_and_score(rows, numbers, quotes, window_days, None, progress, heads)
    results = without_repeated_captions(db, scored.results, rows)
    report.candidates = scored.n
    report.timings["prepare_score"] = time.monotonic() - t
    report.statements = report.indexed = len(rows)
    # Profiles and links (in a process of their own, with workers of its own, when the
    # run is big: they need nothing of the write, which this process does meanwhile).
    apart = report.statements >= PARALLEL_MIN_STATEMENTS and _workers() >= 2
    # Each statement's article, for the story links of the matches (see below).
    article_of = {r.sid: r.article_id for r in rows} if profiling and apart else {}
    del rows, numbers, quotes
    profiling_apart: _Apart | None = None
    if profiling:
        profiling_apart = _Apart(
            partial(
                profile_heads, heads, STORY_WINDOW_DAYS, workers=_workers(), texts=scored.reads
            ),
            apart,
            "profiling",
        )
    del heads
    scored.reads = {}
    placing: _Apart | None = None
    t = time.monotonic()
    try:
        with big_cache(db.conn), transaction(db) as conn:
            # Under the write lock: the articles another process added, replaced or
            # deleted since they were read (an ingest, `claimlens follow`) are left out.
            changed = _changed_since(conn, as_read)
            if changed:
                left_out = {
                    sid for sid, aid in zip(read_sids, read_articles, strict=True) if aid in changed
                }
                results = [r for r in results if r[0] not in left_out and r[1] not in left_out]
                scored.items = [it for it in scored.items if it.sid not in left_out]
                scored.counts = {a: c for a, c in scored.counts.items() if a not in changed}
            del read_sids, read_articles
            conn.execute("DELETE FROM matches")
            _insert_matches(conn, results)
            _write_keys(conn, scored.items, everything=True)
            _write_counts(conn, scored.counts, everything=True)
            report.claims = rebuild_claims(conn)
            placed = None
            if profiling_apart is not None:
                # A big run places the stories in a process of its own too, while this
                # one writes the profiles: from the links, matches and articles held
                # here, as rebuild_stories would place them from the tables.
                matched = _matched_articles(results, article_of) if apart else None
                article_of = {}
                waited = time.monotonic()
                whole, links = profiling_apart.result()
                report.timings["profile_link"] = profiling_apart.seconds
                report.timings["profile_wait"] = time.monotonic() - waited
                # Profiles of the articles as read, only if they are still those.
                if not changed and _unprofiled(conn, set(whole.profiles)):
                    links.sort()  # the order rebuild_stories reads them in
                    if matched is not None:
                        meta = article_meta(conn)
                        placing = _Apart(
                            partial(_place_in_memory, links, matched, meta, whole.profiles),
                            True,
                            "placing",
                        )
                    write_profiles(conn, whole, links)
                    if placing is not None:
                        waited = time.monotonic()
                        placed = (placing.result(), links)
                        report.timings["place_wait"] = time.monotonic() - waited
                del whole, links, matched
            report.stories = rebuild_stories(conn, placed=placed)
            del placed
            clear_regroup_due(conn)  # a schema step's regroup, if due: this rebuild is it
            conn.execute("UPDATE articles SET matched = 1 WHERE matched = 0")
            # The changed ones wait for an incremental match: the matches another
            # process gave them were deleted with every other above.
            report.pending = _set_pending(conn, changed)
    finally:
        for apart_process in (profiling_apart, placing):
            if apart_process is not None:
                apart_process.stop()
    report.timings["write"] = time.monotonic() - t
    _count(report, results)
    report.seconds = time.monotonic() - t0
    return report


def _matched_articles(
    results: list[tuple], article_of: dict[int, int]
) -> dict[tuple[int, int], tuple[int, int]]:
    """The matched statements of each pair of articles (db.stories.count_matched), as
    rebuild_stories counts them from the matches written (``results``)."""
    rows = sorted(
        (r[1], article_of[r[0]], article_of[r[1]], int(r[3] != "related"))
        for r in results
        if r[3] != "different"
    )
    return count_matched(rows)


def _place_in_memory(
    links: list[Link],
    matched: dict[tuple[int, int], tuple[int, int]],
    meta: Meta,
    profiles: dict[int, Profile],
) -> Placement:
    """place_stored over the links and profiles just made (what the tables now hold)."""
    evidence = {(a, b): s for a, b, s in links}
    return place_stored(
        evidence, matched, meta, lambda ids: {a: profiles[a] for a in ids if a in profiles}
    )


class _Apart:
    """``make()`` made in a forked process and sent back (``apart``), else here when
    asked for (a small run: the fork costs more)."""

    def __init__(self, make: Callable[[], Any], apart: bool, what: str) -> None:
        self.make: Callable[[], Any] | None = make
        self.what = what
        self.seconds = 0.0
        self.started = time.monotonic()
        self.proc: Any = None
        self.pipe: Any = None
        if apart:
            ctx = multiprocessing.get_context("fork")
            self.pipe, child = ctx.Pipe(duplex=False)
            # Not a daemon: profiling forks workers of its own.
            self.proc = ctx.Process(target=self._run, args=(child,))
            self.proc.start()
            child.close()
            self.make = None  # what it holds is the child's now

    def _run(self, pipe: Any) -> None:
        parent = multiprocessing.parent_process()
        if parent is not None and parent.pid is not None:
            end_with_parent(parent.pid)  # a killed `claimlens match` leaves no process
        try:
            assert self.make is not None
            made = self.make()
            pipe.send((made, time.monotonic() - self.started))
        finally:
            pipe.close()

    def result(self) -> Any:
        """What ``make`` made (waiting for the process to send it)."""
        if self.proc is None:
            assert self.make is not None
            made, self.make = self.make(), None
            self.seconds = time.monotonic() - self.started
            return made
        try:
            made, self.seconds = self.pipe.recv()
        except EOFError:
            self.proc.join()
            raise RuntimeError(
                f"the {self.what} process stopped (exit code {self.proc.exitcode});"
                " nothing was written"
            ) from None
        self.proc.join()
        self.proc = None
        return made

    def stop(self) -> None:
        """End the process if it still runs (the write failed)."""
        if self.proc is not None:
            self.proc.kill()
            self.proc.join()
            self.proc = None


def article_versions(db: Any, article_ids: Iterable[int] | None = None) -> dict[int, tuple]:
    """What tells each article (of ``article_ids``, else all) as matched apart from
    itself changed: its content hash (a replaced article), and its statements' ids, spans
    and speakers (statements written again by `claimlens check --repair` or a schema
    step, maybe on the same ids: the last article's statements deleted give their ids to
    the new ones)."""
    sql = (
        "SELECT a.id, a.content_hash, count(s.id), total(s.id),"
        " total(s.char_start * 7919 + s.char_end), total(length(s.speaker))"
        " FROM articles a LEFT JOIN statements s ON s.article_id = a.id"
    )
    if article_ids is None:
        chunks: Iterable[tuple[str, list[int]]] = [("", [])]
    else:
        chunks = ((f" WHERE a.id IN ({marks})", c) for marks, c in id_chunks(sorted(article_ids)))
    out: dict[int, tuple] = {}
    for where, params in chunks:
        for aid, *version in db.execute(sql + where + " GROUP BY a.id", params):
            out[aid] = tuple(version)
    return out


def _changed_since(conn: Any, as_read: dict[int, tuple]) -> set[int]:
    """Articles added, replaced or deleted since ``as_read`` (article_versions)."""
    now = article_versions(conn)
    return {a for a, h in now.items() if as_read.get(a) != h} | (as_read.keys() - now.keys())


def _set_pending(conn: Any, article_ids: set[int]) -> int:
    """Mark those of ``article_ids`` that exist as not matched; how many they are."""
    cur = conn.execute(
        "UPDATE articles SET matched = 0 WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(article_ids)),),
    )
    return cur.rowcount


def _unprofiled(db: Any, articles: set[int] | None = None) -> bool:
    """No article has a story profile yet (and, given ``articles``, those are exactly
    the articles there are: nothing came or went since they were read)."""
    if db.execute("SELECT 1 FROM article_profiles LIMIT 1").fetchone() is not None:
        return False
    return articles is None or {r[0] for r in db.execute("SELECT id FROM articles")} == articles


def _count(report: MatchReport, results: list[tuple]) -> None:
    report.same = sum(1 for r in results if r[3] == "same")
    report.conflict = sum(1 for r in results if r[3] == "conflict")
    report.related = sum(1 for r in results if r[3] == "related")


# ------------------------------------------------------------------ incremental


def match_articles(
    db: sqlite_utils.Database,
    article_ids: Iterable[int],
    *,
    window_days: int = DEFAULT_WINDOW_DAYS,
    progress: Progress | None = None,
) -> MatchReport:
    """Match the statements of ``article_ids`` (new or replaced) against the corpus.

    Their old matches are dropped first, so re-matching an article is harmless.
    Claims of statements deleted with a replaced article are recomputed. When they
    are every article (a new database, an upgrade), this is :func:`match_all`.
    """
    t0 = time.monotonic()
    report = MatchReport(mode="incremental")
    article_ids = sorted(set(article_ids))
    if len(article_ids) > 1 and _as_rebuild(db, article_ids):
        return match_all(db, window_days=window_days, progress=progress)
    with snapshot(db.conn):
        new_rows = _rows_of_articles(db, article_ids)
        new_sids = {r.sid for r in new_rows}
        old_pairs, read = _old_matches(db, new_sids)
    read.update(_fingerprints(new_rows))
    report.statements = len(new_rows)
    if len(new_rows) > KEYS_MAX_NEW_STATEMENTS and _window_size(
        db, new_rows, window_days
    ) <= BATCH_MAX_WINDOW_RATIO * len(new_rows):
        with bulk():
            results, report.candidates, report.indexed, others = _batch(
                db, new_rows, window_days, progress
            )
    else:
        results, report.candidates, report.indexed, others = _via_keys(db, new_rows, window_days)
    read.update(others)
    results = without_repeated_captions(db, results)
    report.timings["score"] = time.monotonic() - t0
    t = time.monotonic()
    with transaction(db) as conn:
        # Another process may have replaced or deleted an article since its statements
        # were read, maybe writing new statements on the old ids: only statements still
        # as read keep or get matches here. Of the old matches, only those read go: a
        # match another process wrote meanwhile (its own new article's) is its to keep.
        fresh = _unchanged(conn, read)
        conn.executemany(
            "DELETE FROM matches WHERE a = ? AND b = ?",
            [p for p in old_pairs if p[0] in fresh and p[1] in fresh],
        )
        results = [r for r in results if r[0] in fresh and r[1] in fresh]
        new_sids &= fresh
        _insert_matches(conn, results)
        # An older article changed meanwhile may have been matched before this run's
        # statements could be found: it is matched again (a changed new one waits for
        # its own match: db.ingest.match_pending marks it matched only if unchanged).
        changed = set(_articles_of(conn, read.keys() - fresh).values()) - set(article_ids)
        report.pending = _set_pending(conn, changed)
        if regroup_due(conn):
            # A schema step left every claim and story to regroup (db.regroup): done
            # now, from every match as it now stands, these articles' included (placed
            # on the old groups, then regrouped, an article the step read again would
            # keep a place a fresh ingest would not give it).
            regrouped = regroup_in(conn, progress)
            report.claims, report.stories = regrouped.claims, regrouped.stories
        else:
            # New statements join the claims of older ones (or start claims with them);
            # re-matched ones and the claims that lost statements are placed again.
            # Stories link articles by their own matches, which regrouping older claims
            # does not change (db.stories): only these articles are placed.
            report.claims, _ = place_claims(conn, new_sids, stale_claims(conn), new=new_sids)
            report.stories = update_stories(conn, article_ids)
    report.timings["write"] = time.monotonic() - t
    _count(report, results)
    report.seconds = time.monotonic() - t0
    return report


# Re-matching at least this share of the articles, some older than others left as they
# are (after a schema upgrade: `claimlens match --pending`), rebuilds every match.
REBUILD_SHARE = 0.5


def _as_rebuild(db: sqlite_utils.Database, article_ids: list[int]) -> bool:
    """Whether matching ``article_ids`` (sorted) is best done as a rebuild: they are
    every article; or most, some older than articles not among them. An older article
    matched again finds only the newer candidates that would have found it
    (db.blocking.later_keeps), not every one a rebuild finds (a key sparse for the
    newer one may be dense for it): when most are to be matched, a rebuild is as
    quick and gives exactly the matches a fresh database would."""
    n = _scalar(db, "SELECT count(*) FROM articles")
    if len(article_ids) == n:
        return True
    if len(article_ids) < REBUILD_SHARE * n:
        return False
    newer = _scalar(db, "SELECT count(*) FROM articles WHERE id >= ?", (article_ids[0],))
    return newer > len(article_ids)


def _window(new_rows: list[_Row], window_days: int) -> tuple[str, tuple[str, ...]]:
    """The WHERE clause (on articles ``a``) of the statements within the time window
    of any of ``new_rows``: every statement when one of them is undated."""
    days = [r.day for r in new_rows]
    if any(d is None for d in days):
        return "", ()
    lo = date.fromordinal(min(days) - window_days).isoformat()  # type: ignore[type-var]
    hi = date.fromordinal(max(days) + window_days).isoformat() + "\uffff"  # type: ignore[type-var]
    return "a.date IS NULL OR a.date = '' OR (a.date >= ? AND a.date <= ?)", (lo, hi)


def _window_size(db: sqlite_utils.Database, new_rows: list[_Row], window_days: int) -> int:
    where, params = _window(new_rows, window_days)
    sql = "SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id"
    return _scalar(db, sql + (" WHERE " + where if where else ""), params)


def _batch(
    db: sqlite_utils.Database, new_rows: list[_Row], window_days: int, progress: Progress | None
) -> tuple[list[tuple], int, int, dict[int, tuple]]:
    """Many new statements: index every statement of the time window in memory.
    Returns the matches, the pairs scored, the statements indexed, and the
    :func:`_fingerprints` of the statements matched."""
    with snapshot(db.conn):
        rows = _rows(db, *_window(new_rows, window_days))
        numbers, quotes = _extras(db, None if len(rows) > 200_000 else [r.sid for r in rows])
    new_sids = {r.sid for r in new_rows}
    scored = _prepare_and_score(rows, numbers, quotes, window_days, new_sids, progress)
    matched = {sid for r in scored.results for sid in r[:2]}
    _store_keys(db, new_rows, scored.items, scored.counts)
    return scored.results, scored.n, len(rows), _fingerprints(r for r in rows if r.sid in matched)


def _via_keys(
    db: sqlite_utils.Database, new_rows: list[_Row], window_days: int
) -> tuple[list[tuple], int, int, dict[int, tuple]]:
    """A few new statements: their keys are stored first, then their candidates are
    looked up in the key tables, and only the candidates' articles are loaded.
    Returns what :func:`_batch` returns."""
    numbers, quotes = _extras(db, [r.sid for r in new_rows])
    new_counts: dict[int, TokenCounts] = {}
    new_preps = _prepare_articles(new_rows, numbers, quotes, counts_out=new_counts)
    new_items = _items(new_rows, new_preps)
    # Stored before the lookups, so the new statements count in the postings (as
    # they do in a rebuild) and find each other across sources.
    _store_keys(db, new_rows, new_items, {a: _encode(c) for a, c in new_counts.items()})
    at = {item.sid: i for i, item in enumerate(new_items)}
    neighbours = [
        stored_neighbours(db, item, window_days) if item.keys else set() for item in new_items
    ]
    wanted = set().union(*neighbours) - at.keys()
    prepared, rows = _prepare_some(db, wanted)
    prepared.update(zip(at, new_preps, strict=True))
    results: list[tuple] = []
    n = 0
    for i, item in enumerate(new_items):
        for other in sorted(neighbours[i]):
            if other in at and other > item.sid:
                continue  # two new statements: scored from the later one
            n += 1
            result = compare(new_preps[i], prepared[other], explain=False, score_different=False)
            if result.relation != "different":
                results.append(_oriented(item.sid, other, result))
    return results, n, len(rows) + len(new_rows), _fingerprints(rows)


def prepared_statements(db: sqlite_utils.Database, sids: Iterable[int]) -> dict[int, Prepared]:
    """Statements prepared exactly as matching prepares them (numbers, quotes, speaker,
    their article's context): to compare stored statements again, e.g. to say why
    two were matched (:mod:`db.match_evidence`)."""
    return _prepare_some(db, set(sids))[0]


def _prepare_some(
    db: sqlite_utils.Database, sids: set[int]
) -> tuple[dict[int, Prepared], list[_Row]]:
    """Only these statements are prepared; their articles' token counts (the context)
    are read from article_tokens. Also returns the rows of their articles."""
    with snapshot(db.conn):
        articles = set(_articles_of(db, sids).values())
        rows = _rows_of_articles(db, articles)
        numbers, quotes = _extras(db, sorted(sids))
        stored = _stored_counts(db, articles)
    preps = _prepare_articles(rows, numbers, quotes, only=sids, stored=stored)
    chosen = [r.sid for r in rows if r.sid in sids]  # the order of preps
    return dict(zip(chosen, preps, strict=True)), rows


def _store_keys(
    db: sqlite_utils.Database,
    new_rows: list[_Row],
    items: Sequence[Item],
    counts: dict[int, tuple[int, str]],
) -> None:
    """Store the keys of the new statements and the token counts of their articles,
    of those still as read (not replaced or deleted meanwhile: a replaced article's
    new statements may have the old ones' ids)."""
    with transaction(db) as conn:
        fresh = _unchanged(conn, _fingerprints(new_rows))
        stale = {r.article_id for r in new_rows if r.sid not in fresh}
        articles = {r.article_id for r in new_rows} - stale
        _write_keys(conn, [item for item in items if item.sid in fresh])
        _write_counts(conn, {a: c for a, c in counts.items() if a in articles})


def _fingerprints(rows: Iterable[_Row]) -> dict[int, tuple]:
    """What each statement was when read: its article, text and speaker."""
    return {r.sid: (r.article_id, r.text, r.speaker) for r in rows}


def _stored_fingerprints(db: Any, sids: Iterable[int]) -> dict[int, tuple]:
    """:func:`_fingerprints` of the statements of ``sids`` still stored."""
    out: dict[int, tuple] = {}
    for marks, chunk in id_chunks(sorted(sids)):
        sql = f"SELECT id, article_id, text, speaker FROM statements WHERE id IN ({marks})"
        out.update((sid, tuple(rest)) for sid, *rest in db.execute(sql, chunk))
    return out


def _unchanged(conn: Any, read: dict[int, tuple]) -> set[int]:
    """Those of the statements ``read`` (:func:`_fingerprints`) stored as they were read."""
    return {sid for sid, now in _stored_fingerprints(conn, read).items() if read[sid] == now}


def _old_matches(
    db: sqlite_utils.Database, sids: set[int]
) -> tuple[list[tuple[int, int]], dict[int, tuple]]:
    """The stored matches of ``sids`` and the :func:`_fingerprints` of their other
    statements (read in the caller's snapshot)."""
    pairs: set[tuple[int, int]] = set()
    for marks, chunk in id_chunks(sorted(sids)):
        sql = f"SELECT a, b FROM matches WHERE a IN ({marks}) OR b IN ({marks})"
        pairs.update(db.execute(sql, chunk * 2).fetchall())
    others = {sid for p in pairs for sid in p} - sids
    return sorted(pairs), _stored_fingerprints(db, others)


def _scalar(db: sqlite_utils.Database, sql: str, params: Sequence[Any] = ()) -> int:
    return int(db.execute(sql, params).fetchone()[0])
