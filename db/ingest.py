"""Ingest: files → articles → statements (with quotes and numbers) → the index.

Articles are written in batches, each batch one IMMEDIATE transaction: a
reader (or a crash) sees a batch entirely or not at all, never half an
article, and the FTS index is kept in sync by triggers inside the same
transaction.

An article's identity is its key: its URL, else its file path (plus the record
id or line for multi-record files). Re-ingesting a key with the same content
hash is a no-op; a key whose content changed replaces its old version and its
statements, keeping its id. Two records with different keys are two articles
even when their text is the same (wires do send a story twice; each is a
record of the corpus).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import signal
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from db.clean_again import articles_to_clean_again, articles_to_split_again
from db.cleaning import clean_title
from db.connection import transaction
from db.date_orders import read_dates
from db.formats import (
    BadInput,
    RawArticle,
    Rejected,
    article_record,
    display_path,
    host_of,
    iter_files,
    read_file,
)
from db.id_chunks import id_chunks
from db.parent_watch import end_with_parent
from db.schema import CLEAN_JOB
from db.search import compact_index, compaction_wanted
from db.statements import (
    NUMBER_INSERT,
    QUOTE_INSERT,
    Statement,
    StatementRows,
    analyse_verified,
    statement_rows,
)
from db.upgrade import clear_due, job_due

# A batch is committed when it holds this many articles or has been open this long,
# whichever comes first: big enough to be fast, short enough that readers and a
# second writer never wait long, and an interruption loses at most one batch.
BATCH_ARTICLES = 500
BATCH_SECONDS = 1.0
# ... or holds this many characters of text, so that memory stays bounded whatever
# the size of the articles (two batches are in memory at once: one analysed, one written).
BATCH_CHARS = 8_000_000

ProgressCallback = Callable[[int], None]  # called with bytes read since the last call
TotalCallback = Callable[[int], None]  # called once, before reading, with the bytes to read
WaitCallback = Callable[[], None]  # called once when another writer holds the lock


class ArticleIds:
    """A sequence of article ids kept as runs of consecutive ids, so that an ingest of
    millions of new articles (ids n..m, in order) holds one run, not millions of ints."""

    __slots__ = ("_n", "_runs")

    def __init__(self, ids: Iterable[int] = ()) -> None:
        self._runs: list[list[int]] = []  # [first, last + 1]
        self._n = 0
        self.extend(ids)

    def append(self, article_id: int) -> None:
        if self._runs and self._runs[-1][1] == article_id:
            self._runs[-1][1] += 1
        else:
            self._runs.append([article_id, article_id + 1])
        self._n += 1

    def extend(self, ids: Iterable[int]) -> None:
        for article_id in ids:
            self.append(article_id)

    def __iter__(self) -> Iterator[int]:
        for first, end in self._runs:
            yield from range(first, end)

    def __len__(self) -> int:
        return self._n

    def __eq__(self, other: object) -> bool:
        try:
            return list(self) == list(other)  # type: ignore[call-overload]
        except TypeError:
            return NotImplemented

    def __repr__(self) -> str:
        return f"ArticleIds({len(self)} ids in {len(self._runs)} runs)"


@dataclass
class IngestReport:
    """What an ingest did. Counts cover committed work only."""

    files: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    statements: int = 0
    words: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    # Files found in folders that are clearly not articles (README, LICENSE, notes...).
    skipped: list[str] = field(default_factory=list)
    empty: int = 0  # records with empty title and text, skipped (formats.Rejected.empty)
    # Articles written undated because the date they gave could not be read ("2024-13-45",
    # "yesterday").
    unread_dates: int = 0
    # Articles whose numeric date reads either way ("05/11/2024"), by how it was read
    # ((order, why): db.date_orders) -> [how many, one such date as given].
    ambiguous_dates: dict[tuple[str, str], list[Any]] = field(default_factory=dict)
    # Files some of whose dates can only be read in another order than their ambiguous
    # ones were: (file, order read, the other order).
    mixed_dates: list[tuple[str, str, str]] = field(default_factory=list)
    # Articles replaced under another source than they had ((was, now) -> how many): a
    # folder ingested again from its parent, whose name is now their source.
    moved: dict[tuple[str, str], int] = field(default_factory=dict)
    bytes: int = 0  # of the files read
    seconds: float = 0.0
    interrupted: bool = False
    error: str | None = None  # why the ingest stopped (disk full, a worker killed...); also
    # in ``rejected``
    # New and replaced articles, in the order written (iterable, like a list of ints).
    changed_article_ids: ArticleIds = field(default_factory=ArticleIds)
    match: Any = None  # the matcher's report, when matching ran

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "added": self.added,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "rejected": len(self.rejected),
            "statements": self.statements,
            "words": self.words,
            "seconds": round(self.seconds, 3),
            "interrupted": self.interrupted,
            "error": self.error,
            "errors": [str(r) for r in self.rejected],
            "skipped": len(self.skipped),
            "skipped_files": list(self.skipped),
            "empty": self.empty,
            "unread_dates": self.unread_dates,
            "ambiguous_dates": [
                {"order": order, "why": why, "articles": n, "example": example}
                for (order, why), (n, example) in self.ambiguous_dates.items()
            ],
            "mixed_dates": [
                {"path": path, "read": read, "other": other}
                for path, read, other in self.mixed_dates
            ],
            "moved": [
                {"from": was, "to": now, "articles": n} for (was, now), n in self.moved.items()
            ],
            "bytes": self.bytes,
            "match": None if self.match is None else self.match.as_dict(),
        }


def fallback_source(article: RawArticle) -> str:
    """The source name when neither ``--source`` nor the record names one:
    the host of the article's URL, else the name of the folder holding the file
    (a file found in a folder named on the command line has that folder's name
    already: :func:`folder_source`)."""
    return host_of(article.url) or Path(article.path).resolve().parent.name or "unknown"


def _named_folders(paths: Iterable[str | Path]) -> list[Path]:
    """The folders among ``paths``, absolute (links not resolved), deepest first."""
    found = {Path(os.path.abspath(p)) for p in paths if Path(p).is_dir()}
    return sorted(found, key=lambda f: len(f.parts), reverse=True)


def folder_source(path: Path, folders: list[Path]) -> str | None:
    """The source of a file found in a folder named on the command line: that
    folder's name, however deep the file lies (``ingest bbc/`` makes bbc/sport/1.txt
    and bbc/tech/2.txt one source, "bbc"; name each outlet's folder to keep outlets
    apart: ``ingest news/*``). The deepest named folder holding it wins."""
    where = Path(os.path.abspath(path))
    for folder in folders:
        if folder in where.parents and folder.name:
            return folder.name
    return None


def source_name(name: str) -> str:
    """A source's name as stored: cleaned as a title is (``--source`` and a folder's name
    are not read from a record, whose source the reader cleaned already)."""
    return clean_title(name) or "unknown"


def content_hash(source: str, article: RawArticle) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in (source, article.title, article.date or "", article.body):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def compose_text(title: str, body: str) -> tuple[str, int]:
    """The stored text (headline, blank line, body) and where the body starts."""
    if not body:
        return title, len(title)
    if not title:
        return body, 0
    return f"{title}\n\n{body}", len(title) + 2


def _analyse(job: tuple[str, int]) -> StatementRows | str:
    """An article's statement rows, or why it could not be split (in a worker process on
    big ingests)."""
    statements = analyse_verified(*job)
    return statements if isinstance(statements, str) else statement_rows(statements)


def _init_worker(parent_pid: int) -> None:
    # Workers leave Ctrl-C to the parent, which rolls back and reports; and they end
    # with the parent, should it be killed (kill -9 cannot stop them otherwise).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    end_with_parent(parent_pid)


class _InterruptGuard:
    """Ctrl-C while a batch is being committed takes effect once the commit is done (a
    fraction of a second), so the summary counts exactly what was saved; anywhere else
    (reading, analysing, waiting for another writer) it stops the ingest at once.

    Installed only in the main thread, and only over Python's default handler.
    """

    def __init__(self) -> None:
        self.committing = False
        self.pending = False
        self._previous: Any = None

    def install(self) -> None:
        if (
            threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGINT) is signal.default_int_handler
        ):
            self._previous = signal.signal(signal.SIGINT, self._handle)

    def uninstall(self) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)
            self._previous = None

    def _handle(self, signum: int, frame: Any) -> None:
        if self.committing:
            self.pending = True
        else:
            raise KeyboardInterrupt

    @contextmanager
    def commit(self) -> Iterator[None]:
        """Around a write transaction: set :meth:`begin` once the lock is held."""
        try:
            yield
        finally:
            self.committing = False
            if self.pending:
                self.pending = False
                raise KeyboardInterrupt

    def begin(self) -> None:
        self.committing = True


class _Writer:
    """Accumulates articles and writes them in batches.

    Statement analysis is pure CPU work done before the write lock is taken; on
    big ingests it runs in a process pool while the previous batch is written,
    so both cores stay busy. A ``ProcessPoolExecutor``, not ``multiprocessing.Pool``:
    when a worker dies (OOM killer, a signal) the executor fails every pending
    result with ``BrokenProcessPool``, where a Pool would replace the worker and
    wait for the lost results forever.
    """

    def __init__(
        self,
        db: sqlite_utils.Database,
        report: IngestReport,
        on_wait: WaitCallback | None,
        pool: Any = None,
        on_reject: Callable[[Rejected], None] | None = None,
        guard: _InterruptGuard | None = None,
    ):
        self.db = db
        self.report = report
        self.on_wait = on_wait
        self.on_reject = on_reject
        self.guard = guard or _InterruptGuard()
        self.pool = pool
        self.pool_size = 2  # worker processes, once the pool is started here
        self.pending: list[tuple[str, RawArticle]] = []
        self.pending_chars = 0
        self.opened = time.monotonic()
        self.inflight: tuple[list[dict[str, Any]], Iterable[Any]] | None = None
        self.flushes = 0
        self._sources: dict[str, int] = {}
        # The pool's worker processes (to stop them at once, and to say how one died),
        # told apart from children the caller had before the pool started.
        self.workers: set[multiprocessing.process.BaseProcess] = set()
        self._other_children: set[multiprocessing.process.BaseProcess] = set()

    def _ensure_pool(self) -> None:
        """Start worker processes once an ingest proves big (a second batch)."""
        workers = os.cpu_count() or 1
        if self.pool is None and self.flushes >= 1 and workers > 1:
            methods = multiprocessing.get_all_start_methods()
            ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            self._other_children = set(multiprocessing.active_children())
            self.pool_size = workers
            self.pool = ProcessPoolExecutor(
                workers, mp_context=ctx, initializer=_init_worker, initargs=(os.getpid(),)
            )

    def _analyse_batch(self, jobs: list[tuple[str, int]]) -> Iterable[Any]:
        """The statements of each job, in order: a list, or an iterator over the pool's
        results (submitted now, collected when the batch is written)."""
        if self.pool is None or not jobs:
            return [_analyse(job) for job in jobs]
        # Chunks of up to 64 articles, at least four per worker so that every worker stays busy to
        # the batch's end: each chunk costs a round of queueing and pickling in both
        # processes (16-article chunks cost the pool ~7% more CPU on BBC).
        chunksize = max(1, min(64, len(jobs) // (4 * self.pool_size)))
        results = self.pool.map(_analyse, jobs, chunksize=chunksize)
        # Workers start on the first submission (and, under spawn, as work arrives).
        self.workers.update(set(multiprocessing.active_children()) - self._other_children)
        return results

    def close(self, *, interrupted: bool) -> None:
        if self.pool is None:
            return
        if interrupted:  # what the workers are analysing now will not be written
            for worker in self.workers:
                worker.terminate()
        self.pool.shutdown(wait=True, cancel_futures=interrupted)
        self.pool = None

    def worker_death(self) -> str:
        """How the pool's worker died, from the exit codes of its processes (once closed)."""
        codes = [w.exitcode for w in self.workers if w.exitcode]
        # The cause is a signal other than SIGTERM (the executor stops the survivors with
        # SIGTERM, and a survivor may exit with status 1 writing to the broken pool's
        # queue), else an exit status, else SIGTERM itself.
        code = min(codes, key=lambda c: (c == -signal.SIGTERM, c > 0), default=None)
        if code is None:
            return "an analysis worker process died"
        if code > 0:
            return f"an analysis worker process exited with status {code}"
        name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
        why = " (out of memory, or killed by hand)" if -code == signal.SIGKILL else ""
        return f"an analysis worker process was killed by {name}{why}"

    def add(self, source: str, article: RawArticle) -> None:
        if not self.pending:
            self.opened = time.monotonic()
        self.pending.append((source, article))
        self.pending_chars += len(article.title) + len(article.body)
        if (
            len(self.pending) >= BATCH_ARTICLES
            or self.pending_chars >= BATCH_CHARS
            or time.monotonic() - self.opened > BATCH_SECONDS
        ):
            self.flush()

    def flush(self, *, final: bool = False) -> None:
        """Send the pending articles to analysis; write the batch analysed before."""
        batch = self._skip_unchanged(self.pending)
        self.pending = []
        self.pending_chars = 0
        self._ensure_pool()
        self.flushes += 1
        jobs = [(item["text"], item["body_start"]) for item in batch]
        previous, self.inflight = self.inflight, (batch, self._analyse_batch(jobs))
        if previous is not None:
            self._write_batch(*previous)
        if final and self.inflight is not None:
            current, self.inflight = self.inflight, None
            self._write_batch(*current)

    def _skip_unchanged(self, pending: list[tuple[str, RawArticle]]) -> list[dict[str, Any]]:
        """Drop articles already stored with the same content, before any analysis."""
        batch = []
        for source, article in pending:
            digest = content_hash(source, article)
            known = self.db.execute(
                "SELECT 1 FROM articles WHERE key = ? AND content_hash = ?", (article.key, digest)
            ).fetchone()
            if known:
                self.report.unchanged += 1
                continue
            text, body_start = compose_text(article.title, article.body)
            batch.append(
                {
                    "source": source,
                    "article": article,
                    "hash": digest,
                    "text": text,
                    "body_start": body_start,
                    "words": len(text.split()),
                }
            )
        return batch

    def _write_batch(self, batch: list[dict[str, Any]], results: Iterable[Any]) -> None:
        if not batch:
            return
        analysed = list(results)  # BrokenProcessPool here: nothing of the batch is written
        counts = {"added": 0, "replaced": 0, "unchanged": 0, "statements": 0, "words": 0}
        counts["unread_dates"] = 0
        changed: list[int] = []
        failed: list[Rejected] = []
        moved: dict[tuple[str, str], int] = {}
        ambiguous: dict[tuple[str, str], list[Any]] = {}
        with self.guard.commit():
            with transaction(self.db, on_wait=self.on_wait) as conn:
                self.guard.begin()  # the lock is held: Ctrl-C now waits for the commit
                next_statement_id = conn.execute(
                    "SELECT coalesce(max(id), 0) + 1 FROM statements"
                ).fetchone()[0]
                rows = BatchRows(
                    conn.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()[0]
                )
                for item, statements in zip(batch, analysed, strict=True):
                    if isinstance(statements, str):
                        article = item["article"]
                        failed.append(Rejected(article.path, statements, article.line))
                        continue
                    outcome, article_id, n = self._write(
                        conn, item, statements, next_statement_id, rows, moved
                    )
                    next_statement_id += n
                    counts[outcome] += 1
                    if outcome != "unchanged":
                        changed.append(article_id)
                        counts["statements"] += n
                        counts["words"] += item["words"]
                        counts["unread_dates"] += item["article"].date_unread
                        read = item["article"].date_read
                        if read is not None:
                            seen = ambiguous.setdefault(read, [0, item["article"].date_either])
                            seen[0] += 1
                rows.insert(conn)
            for key, value in counts.items():
                setattr(self.report, key, getattr(self.report, key) + value)
            self.report.changed_article_ids.extend(changed)
            self.report.rejected.extend(failed)
            for was_now, n in moved.items():
                self.report.moved[was_now] = self.report.moved.get(was_now, 0) + n
            for read, (n, example) in ambiguous.items():
                self.report.ambiguous_dates.setdefault(read, [0, example])[0] += n
        for rejected in failed:
            if self.on_reject:
                self.on_reject(rejected)

    def write_in(self, conn: Any, records: list[tuple[str, RawArticle]]) -> list[int]:
        """Write ``records`` ((source, article)) as a batch is written, in the caller's
        transaction on ``conn`` (the clean job's), analysed here: added, replaced or left
        unchanged by key and content. The ids of the articles added or replaced (an
        article whose text cannot be split is left as stored)."""
        batch = self._skip_unchanged(records)
        next_statement_id = conn.execute(
            "SELECT coalesce(max(id), 0) + 1 FROM statements"
        ).fetchone()[0]
        rows = BatchRows(
            conn.execute("SELECT coalesce(max(id), 0) + 1 FROM articles").fetchone()[0]
        )
        changed = []
        for item in batch:
            statements = _analyse((item["text"], item["body_start"]))
            if isinstance(statements, str):
                continue
            outcome, article_id, n = self._write(
                conn, item, statements, next_statement_id, rows, {}
            )
            next_statement_id += n
            if outcome != "unchanged":
                changed.append(article_id)
        rows.insert(conn)
        return changed

    def _source_id(self, conn: Any, name: str) -> int:
        if name not in self._sources:
            conn.execute("INSERT OR IGNORE INTO sources(name) VALUES (?)", (name,))
            row = conn.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()
            self._sources[name] = row[0]
        return self._sources[name]

    def _write(
        self,
        conn: Any,
        item: dict[str, Any],
        statements: StatementRows | list[Statement],
        first_id: int,
        rows: BatchRows,
        moved: dict[tuple[str, str], int],
    ) -> tuple[str, int, int]:
        """Write one analysed article (added, replaced or left unchanged); an article
        replaced under another source is counted in ``moved`` ((was, now) -> how many)."""
        article: RawArticle = item["article"]
        if article.key in rows.keys:
            rows.insert(conn)  # met before in this batch: the look-up below must see it
        # Checked again under the write lock: another ingest may have stored it meanwhile.
        existing = conn.execute(
            "SELECT a.id, a.content_hash, s.name FROM articles a"
            " JOIN sources s ON s.id = a.source_id WHERE a.key = ?",
            (article.key,),
        ).fetchone()
        if existing and existing[1] == item["hash"]:
            return "unchanged", existing[0], 0
        if existing and existing[2].casefold() != item["source"].casefold():
            was_now = (existing[2], item["source"])
            moved[was_now] = moved.get(was_now, 0) + 1
        row = (
            self._source_id(conn, item["source"]),
            article.url,
            article.path,
            article.title,
            article.date,
            item["text"],
            item["body_start"],
            item["hash"],
            item["words"],
            datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S"),
        )
        if existing:
            article_id = existing[0]
            conn.execute("DELETE FROM statements WHERE article_id = ?", (article_id,))
            rows.keys.add(article.key)  # met again in this batch: flushed first (above)
            conn.execute(
                "UPDATE articles SET source_id = ?, url = ?, path = ?, title = ?, date = ?,"
                " text = ?, body_start = ?, content_hash = ?, words = ?, ingested_at = ?,"
                " matched = 0 WHERE id = ?",
                (*row, article_id),
            )
            outcome = "replaced"
        else:
            article_id = rows.add_article(article.key, row)
            outcome = "added"
        n = write_statements(conn, article_id, statements, first_id, rows=rows)
        return outcome, article_id, n


# Columns written through temporary tables (:meth:`BatchRows.insert`).
_ARTICLE_COLUMNS = (
    "id, key, source_id, url, path, title, date, text, body_start, content_hash, words, ingested_at"
)
_STATEMENT_COLUMNS = "id, article_id, seq, char_start, char_end, kind, text, speaker"


def _insert_through_temp(conn: Any, table: str, columns: str, rows: list[tuple[Any, ...]]) -> None:
    """Insert ``rows`` into ``table`` with one SQL statement, so that its FTS trigger
    runs once for them all. The temporary table's columns are untyped: the values reach
    ``table`` as bound, and take its column affinities there as a direct INSERT would."""
    if not rows:
        return
    staging = f"temp.ingest_{table}"
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS ingest_{table}({columns})")
    marks = ", ".join("?" * len(rows[0]))
    conn.executemany(f"INSERT INTO {staging} VALUES ({marks})", rows)
    conn.execute(f"INSERT INTO {table}({columns}) SELECT {columns} FROM {staging} ORDER BY rowid")
    conn.execute(f"DELETE FROM {staging}")


class BatchRows:
    """The rows of a batch's new articles and of its statements, quotes and numbers,
    written at once.

    Articles and statements go in through temporary tables, each with one INSERT ...
    SELECT: their FTS triggers then run inside one SQL statement. Each statement that
    fires a trigger opens a savepoint, and FTS5 writes its pending terms to disk as a
    new segment at every savepoint, to be merged again later: row by row, that merging
    was three quarters of the cost of indexing a statement. New articles get their ids
    here (the ids SQLite would give them: the batch holds the write lock).
    """

    __slots__ = ("articles", "keys", "next_article_id", "numbers", "quotes", "statements")

    def __init__(self, next_article_id: int = 0) -> None:
        self.next_article_id = next_article_id
        self.articles: list[tuple[Any, ...]] = []
        self.keys: set[str] = set()  # of the articles whose rows are collected
        self.statements: list[tuple[Any, ...]] = []
        self.quotes: list[tuple[Any, ...]] = []
        self.numbers: list[tuple[Any, ...]] = []

    def add_article(self, key: str, row: tuple[Any, ...]) -> int:
        """Collect a new article (the columns after ``key``); return its id."""
        article_id = self.next_article_id
        self.next_article_id += 1
        self.articles.append((article_id, key, *row))
        self.keys.add(key)
        return article_id

    def add(self, article_id: int, rows: StatementRows, first_id: int) -> int:
        """Collect an article's statement rows with ids from ``first_id``; return how many."""
        srows, qrows, nrows = rows
        self.statements += [(first_id + r[0], article_id, *r) for r in srows]
        self.quotes += [(first_id + r[0], *r[1:]) for r in qrows]
        self.numbers += [(first_id + r[0], *r[1:]) for r in nrows]
        return len(srows)

    def insert(self, conn: Any) -> None:
        """Write the collected rows (inside the caller's transaction) and forget them."""
        _insert_through_temp(conn, "articles", _ARTICLE_COLUMNS, self.articles)
        _insert_through_temp(conn, "statements", _STATEMENT_COLUMNS, self.statements)
        conn.executemany(QUOTE_INSERT, self.quotes)
        conn.executemany(NUMBER_INSERT, self.numbers)
        self.articles, self.statements, self.quotes, self.numbers = [], [], [], []
        self.keys = set()


def write_statements(
    conn: Any,
    article_id: int,
    statements: list[Statement] | StatementRows,
    first_id: int,
    *,
    rows: BatchRows | None = None,
) -> int:
    """Insert an article's statements with their quotes and numbers; ids from ``first_id``.

    ``statements`` as :func:`analyse_verified` gives them, or their rows (what the
    ingest's analysis sends: :func:`statement_rows`). With ``rows``, they are collected
    there instead, for ``rows.insert`` to write them with the rest of a batch (much
    cheaper for the full-text index: :class:`BatchRows`).
    """
    if isinstance(statements, list):
        statements = statement_rows(statements)
    target = rows if rows is not None else BatchRows()
    n = target.add(article_id, statements, first_id)
    if rows is None:
        target.insert(conn)
    return n


def ingest_paths(
    db: sqlite_utils.Database,
    paths: Iterable[str | Path],
    *,
    source: str | None = None,
    match: bool = True,
    progress: ProgressCallback | None = None,
    on_total: TotalCallback | None = None,
    on_wait: WaitCallback | None = None,
    on_reject: Callable[[Rejected], None] | None = None,
    dates: str | None = None,
) -> IngestReport:
    """Ingest every file under ``paths``; return what was done.

    Files found in folders that are clearly not articles (:func:`is_notes_file`:
    README, LICENSE, change notes...; a JSON object or a table with no article field) are
    skipped and listed in ``report.skipped``;
    a file named in ``paths`` is always read. ``on_total`` is told the bytes of all
    the files to read before reading starts (``progress`` then counts towards it).

    The source name is ``source`` if given, else the record's own, else
    :func:`fallback_source`. On KeyboardInterrupt the batches not yet committed
    are dropped (a commit under way completes first), everything committed
    before stays, the report counts exactly that and says ``interrupted``; running
    the same ingest again completes it. Likewise when the database cannot be written
    or an analysis worker process dies, and ``error`` says why it stopped. New and
    replaced articles are then matched against the index unless ``match`` is false.
    Bad input never raises: each file, line or record that cannot be ingested is in
    ``report.rejected`` (and passed to ``on_reject``) with its reason. A numeric date
    that reads either way ("05/11/2024") is read in the order ``dates`` ("dmy" or
    "mdy"), else in the order of its file's other dates, else day first
    (:mod:`db.date_orders`); ``report.ambiguous_dates`` counts them by how.
    """
    report = IngestReport()
    records = _file_records(db, paths, report, progress, on_total)
    return _ingest(db, records, report, source, match, on_wait, on_reject, dates)


def write_records(db: sqlite_utils.Database, records: list[tuple[str, RawArticle]]) -> list[int]:
    """Write ``records`` ((source, article)) as the ingest writes them, inside the
    caller's transaction (:meth:`_Writer.write_in`); unmatched, as any article written."""
    return _Writer(db, IngestReport(), None).write_in(db.conn, records)


def clean_again(db: sqlite_utils.Database) -> list[int]:
    """Store again, inside the caller's transaction, the articles holding a character
    the ingest now drops (:func:`db.clean_again.articles_to_clean_again`) or a sentence
    it now splits otherwise (:func:`db.clean_again.articles_to_split_again`) as the
    ingest now stores them: the readers' record (``formats.article_record``, the one
    cleaning), written by the ingest's writer (text, hash, statements split again, the
    article left unmatched; its old matches, keys and claim memberships go by cascade).
    The ids of those it changed. A source's name left with no article once its articles
    take the cleaned name is deleted."""
    ids = articles_to_clean_again(db)  # also defines claimlens_holds_bidi, used below
    split = articles_to_split_again(db)
    # Their text is as the ingest stores it now, but not their sentences (cut inside
    # angle brackets): the stored hash is forgotten so that the writer replaces them.
    for marks, part in id_chunks(split):
        db.execute(f"UPDATE articles SET content_hash = '' WHERE id IN ({marks})", part)
    ids = sorted({*ids, *split})
    records: list[tuple[str, RawArticle]] = []
    for marks, part in id_chunks(ids):
        for key, source, url, path, title, date, text, body_start in db.execute(
            "SELECT a.key, s.name, a.url, a.path, a.title, a.date, a.text, a.body_start"
            f" FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id IN ({marks})",
            part,
        ):
            body = text[body_start:].lstrip("\n")
            try:
                record = article_record(
                    title=title, body=body, date=date, path=path, source=source, url=url, key=key
                )
            except BadInput:
                continue  # nothing left to store: kept as it is
            records.append((record.source or source, record))
    changed = write_records(db, records)
    db.execute(
        "DELETE FROM sources WHERE claimlens_holds_bidi(name) AND NOT EXISTS"
        " (SELECT 1 FROM articles a WHERE a.source_id = sources.id)"
    )
    return changed


def clean_again_if_due(db: sqlite_utils.Database) -> list[int]:
    """The 'clean' job a schema step left due (version 40: bidi controls stored by an
    older claimlens; 44: invisible characters, sentences cut inside angle brackets),
    done in one transaction: :func:`clean_again`; the articles it
    stored again (matched by the next match)."""
    if not job_due(db, CLEAN_JOB):
        return []
    with transaction(db) as conn:
        changed = clean_again(db)
        clear_due(conn, CLEAN_JOB)
    return changed


def ingest_records(
    db: sqlite_utils.Database,
    records: Iterable[RawArticle | Rejected],
    *,
    source: str | None = None,
    match: bool = True,
    on_wait: WaitCallback | None = None,
    on_reject: Callable[[Rejected], None] | None = None,
    dates: str | None = None,
) -> IngestReport:
    """Ingest records read elsewhere (``claimlens follow``: feed entries and their
    pages) exactly as :func:`ingest_paths` ingests the records of files."""
    return _ingest(db, records, IngestReport(), source, match, on_wait, on_reject, dates)


def _file_records(
    db: sqlite_utils.Database,
    paths: Iterable[str | Path],
    report: IngestReport,
    progress: ProgressCallback | None,
    on_total: TotalCallback | None,
) -> Iterator[RawArticle | Rejected]:
    """The records of every file under ``paths``, counting files and reporting progress."""
    own_files = _database_files(db)
    paths = list(paths)
    folders = _named_folders(paths)
    for path, named in _files(paths, own_files, on_total):
        if path.resolve() in own_files:
            continue  # the database itself may live in the folder being ingested
        if not named and is_notes_file(path):
            report.skipped.append(display_path(path))
            continue
        report.files += 1
        size = _size(path)
        report.bytes += size
        advanced = 0
        folder = None if named else folder_source(path, folders)
        for record in read_file(path):
            if not named and isinstance(record, Rejected) and record.not_article:
                # A data set's annotation or metadata file, found beside its articles.
                # Uncounted here once per file: read_file gives such a record only as a
                # file's one record (tests/test_formats.py).
                report.files -= 1
                report.bytes -= size
                report.skipped.append(display_path(path))
                continue
            if folder and isinstance(record, RawArticle):
                record.source = record.source or host_of(record.url) or folder
            yield record
            if progress and isinstance(record, RawArticle) and record.nbytes:
                progress(record.nbytes)
                advanced += record.nbytes
        if progress and size > advanced:
            progress(size - advanced)


def _ingest(
    db: sqlite_utils.Database,
    records: Iterable[RawArticle | Rejected],
    report: IngestReport,
    source: str | None,
    match: bool,
    on_wait: WaitCallback | None,
    on_reject: Callable[[Rejected], None] | None,
    dates: str | None = None,
) -> IngestReport:
    started = time.monotonic()
    records = read_dates(records, dates, on_mixed=lambda *mixed: report.mixed_dates.append(mixed))
    guard = _InterruptGuard()
    writer = _Writer(db, report, on_wait, on_reject=on_reject, guard=guard)
    broken = False
    guard.install()
    try:
        for record in records:
            if isinstance(record, Rejected) and record.empty:
                report.empty += 1
                continue
            if isinstance(record, Rejected):
                report.rejected.append(record)
                if on_reject:
                    on_reject(record)
                continue
            writer.add(source_name(source or record.source or fallback_source(record)), record)
        writer.flush(final=True)
    except KeyboardInterrupt:
        report.interrupted = True
    except sqlite3.DatabaseError as exc:
        # Disk full, an I/O error, a damaged file: the failed batch was rolled back,
        # everything committed before stays, and the ingest stops saying why.
        report.error = f"cannot write to the database ({exc}); stopped, the rest is not saved"
    except BrokenProcessPool:
        broken = True  # an analysis worker died: the batches committed before stay
    finally:
        guard.uninstall()
        writer.close(interrupted=report.interrupted or report.error is not None or broken)
    if broken:  # worded once the pool is closed and its workers' exit codes are known
        report.error = (
            f"{writer.worker_death()}; stopped, the batches saved before stay,"
            " the rest is not saved: run the same ingest again to add it"
        )
    if report.error is not None:
        failure = Rejected(_database_name(db), report.error)
        report.rejected.append(failure)
        if on_reject:
            on_reject(failure)
    if not report.interrupted and report.error is None:
        # A bulk ingest leaves the statement index in many segments: merged into one
        # (when, and what it costs: db.search.compaction_wanted).
        try:
            if compaction_wanted(db.conn, report.statements):
                compact_index(db.conn)
        except KeyboardInterrupt:
            report.interrupted = True  # nothing lost: the index stays as it was
        except sqlite3.OperationalError:
            pass  # locked by another writer, or no room: the index stays whole as it was
    report.seconds = time.monotonic() - started
    if match and not report.interrupted and report.error is None:
        try:
            report.match = match_pending(db)
        except KeyboardInterrupt:
            report.interrupted = True  # the articles stay pending for the next run
    report.seconds = time.monotonic() - started
    return report


# Names of files about the data, not articles in it. Such a word counts when it ends a
# name of at most two words (README.md, LICENSE.txt, CHANGES, annotation_changes.txt,
# release-notes.md), so that an article file named for its story ("drivers-license-
# rules.html", "authors-guild-sues.html") is never skipped; "readme" counts anywhere
# (msr_paraphrase_README.htm): no story is named so.
_NOTES_WORDS = frozenset(
    {"readme", "license", "licence", "copying", "changelog", "changes", "notes", "history"}
    | {"authors", "contributors", "contributing", "todo", "errata", "citation", "install"}
    | {"manifest", "notice"}
)
_NAME_WORDS = re.compile(r"[a-z0-9]+")

# Up to this many files, the walk that sums their sizes for the progress bar also
# lists them for reading (about 0.15 KB each); a bigger tree is walked a second time
# rather than held in memory.
LISTED_FILES = 50_000


def is_notes_file(path: Path) -> bool:
    """Whether a file found in a data folder is clearly not an article: its README,
    LICENSE, change log or notes (by name; the content is not read)."""
    words = _NAME_WORDS.findall(path.name.lower().split(".", 1)[0])
    if not words:
        return False
    return "readme" in words or (words[-1] in _NOTES_WORDS and len(words) <= 2)


def _walk(paths: Iterable[str | Path]) -> Iterator[tuple[Path, bool]]:
    """Every file under ``paths``, and whether it was named (not found in a folder)."""
    for raw in paths:
        path = Path(raw)
        named = not path.is_dir()
        for found in iter_files([path]):
            yield found, named


def _files(
    paths: Iterable[str | Path], own_files: set[Path], on_total: TotalCallback | None
) -> Iterable[tuple[Path, bool]]:
    """The files to read, in order; with ``on_total``, their byte total is reported
    first (one walk of the tree serves both when it holds at most LISTED_FILES)."""
    if on_total is None:
        return _walk(paths)
    paths = list(paths)
    total = 0
    listed: list[tuple[str, bool]] | None = []
    for path, named in _walk(paths):
        if (named or not is_notes_file(path)) and path.resolve() not in own_files:
            total += _size(path)
        if listed is not None:
            listed.append((str(path), named))
            if len(listed) > LISTED_FILES:
                listed = None
    on_total(total)
    if listed is None:
        return _walk(paths)
    return ((Path(path), named) for path, named in listed)


def _database_name(db: sqlite_utils.Database) -> str:
    try:
        return db.execute("PRAGMA database_list").fetchone()[2] or "(database)"
    except sqlite3.Error:
        return "(database)"


def _database_files(db: sqlite_utils.Database) -> set[Path]:
    main = db.execute("PRAGMA database_list").fetchone()[2]
    if not main:
        return set()
    return {Path(main + suffix).resolve() for suffix in ("", "-wal", "-shm", "-journal")}


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def match_pending(db: sqlite_utils.Database, progress: Any = None) -> Any:
    """Match every article not yet matched (new, replaced, or left by an interrupted run);
    first, the articles and the speakers and numbers a schema step left to store or read
    again (:func:`clean_again_if_due`, db.statements_again).
    ``progress``: as :func:`db.matching.match_articles` takes it (a due regroup reports
    through it)."""
    from db.matching import article_versions, match_articles
    from db.statements_again import read_statements_again

    clean_again_if_due(db)
    read_statements_again(db, progress=progress)
    first = None
    for _round in range(PENDING_ROUNDS):
        ids = [r[0] for r in db.execute("SELECT id FROM articles WHERE matched = 0 ORDER BY id")]
        if not ids:
            break
        versions = article_versions(db, ids)
        result = match_articles(db, ids, progress=progress)
        with transaction(db) as conn:
            # Not one another process replaced (or split again) meanwhile: it waits.
            now = article_versions(conn, ids)
            same = [(aid,) for aid in ids if aid in now and now[aid] == versions.get(aid)]
            conn.executemany("UPDATE articles SET matched = 1 WHERE id = ?", same)
        first = first or result
        # Older articles another process changed meanwhile, left pending by the match
        # (MatchReport.pending): matched again now, a few rounds at most.
        if not result.pending:
            break
    return first


# How many times match_pending matches what is pending (see there).
PENDING_ROUNDS = 3
