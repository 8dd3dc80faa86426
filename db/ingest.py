"""Ingest: files → articles → statements (with quotes and numbers) → the index.

Articles are written in batches, each batch one IMMEDIATE transaction: a
reader (or a crash) sees a batch entirely or not at all, never half an
article, and the FTS index is kept in sync by triggers inside the same
transaction. Re-ingesting the same content is a no-op (content hash); a
changed article under the same key (URL, else path) replaces its old version
and its statements, keeping its id.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from db.connection import transaction
from db.formats import RawArticle, Rejected, host_of, iter_files, read_file
from db.statements import Statement, analyse

# A batch is committed when it holds this many articles or has been open this long,
# whichever comes first: big enough to be fast, short enough that readers and a
# second writer never wait long, and an interruption loses at most one batch.
BATCH_ARTICLES = 500
BATCH_SECONDS = 1.0

ProgressCallback = Callable[[int], None]  # called with bytes read since the last call
WaitCallback = Callable[[], None]  # called once when another writer holds the lock


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
    seconds: float = 0.0
    interrupted: bool = False
    changed_article_ids: list[int] = field(default_factory=list)
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
            "errors": [str(r) for r in self.rejected],
        }


def fallback_source(article: RawArticle) -> str:
    """The source name when neither ``--source`` nor the record names one:
    the host of the article's URL, else the name of the folder holding the file."""
    return host_of(article.url) or Path(article.path).resolve().parent.name or "unknown"


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


def total_bytes(paths: Iterable[Path]) -> int:
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size
        except OSError:
            pass
    return total


class _Writer:
    """Accumulates articles and writes them in batches."""

    def __init__(self, db: sqlite_utils.Database, report: IngestReport, on_wait: WaitCallback | None):
        self.db = db
        self.report = report
        self.on_wait = on_wait
        self.pending: list[tuple[str, RawArticle]] = []
        self.opened = time.monotonic()
        self._sources: dict[str, int] = {}

    def add(self, source: str, article: RawArticle) -> None:
        if not self.pending:
            self.opened = time.monotonic()
        self.pending.append((source, article))
        if len(self.pending) >= BATCH_ARTICLES or time.monotonic() - self.opened > BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        # Analysis is pure CPU work: do it before taking the write lock.
        prepared = [self._prepare(source, article) for source, article in self.pending]
        counts = {"added": 0, "replaced": 0, "unchanged": 0, "statements": 0, "words": 0}
        changed: list[int] = []
        with transaction(self.db, on_wait=self.on_wait) as conn:
            next_statement_id = conn.execute(
                "SELECT coalesce(max(id), 0) + 1 FROM statements"
            ).fetchone()[0]
            for item in prepared:
                outcome, article_id, n = self._write(conn, item, next_statement_id)
                next_statement_id += n
                counts[outcome] += 1
                if outcome != "unchanged":
                    changed.append(article_id)
                    counts["statements"] += n
                    counts["words"] += item["words"]
        self.pending.clear()
        for key, value in counts.items():
            setattr(self.report, key, getattr(self.report, key) + value)
        self.report.changed_article_ids.extend(changed)

    def _prepare(self, source: str, article: RawArticle) -> dict[str, Any]:
        text, body_start = compose_text(article.title, article.body)
        return {
            "source": source,
            "article": article,
            "hash": content_hash(source, article),
            "text": text,
            "body_start": body_start,
            "statements": analyse(text, body_start),
            "words": len(article.body.split()) + len(article.title.split()),
        }

    def _source_id(self, conn: Any, name: str) -> int:
        if name not in self._sources:
            conn.execute("INSERT OR IGNORE INTO sources(name) VALUES (?)", (name,))
            row = conn.execute("SELECT id FROM sources WHERE name = ?", (name,)).fetchone()
            self._sources[name] = row[0]
        return self._sources[name]

    def _write(self, conn: Any, item: dict[str, Any], first_id: int) -> tuple[str, int, int]:
        article: RawArticle = item["article"]
        existing = conn.execute(
            "SELECT id, content_hash FROM articles WHERE key = ?", (article.key,)
        ).fetchone()
        if existing and existing[1] == item["hash"]:
            return "unchanged", existing[0], 0
        if not existing:
            duplicate = conn.execute(
                "SELECT id FROM articles WHERE content_hash = ?", (item["hash"],)
            ).fetchone()
            if duplicate:
                return "unchanged", duplicate[0], 0
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
            conn.execute(
                "UPDATE articles SET source_id = ?, url = ?, path = ?, title = ?, date = ?,"
                " text = ?, body_start = ?, content_hash = ?, words = ?, ingested_at = ?, matched = 0"
                " WHERE id = ?",
                (*row, article_id),
            )
            outcome = "replaced"
        else:
            article_id = conn.execute(
                "INSERT INTO articles(key, source_id, url, path, title, date, text, body_start,"
                " content_hash, words, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article.key, *row),
            ).lastrowid
            outcome = "added"
        n = write_statements(conn, article_id, item["statements"], first_id)
        return outcome, article_id, n


def write_statements(conn: Any, article_id: int, statements: list[Statement], first_id: int) -> int:
    """Insert an article's statements with their quotes and numbers; ids from ``first_id``."""
    rows, quotes, numbers = [], [], []
    for seq, st in enumerate(statements):
        sid = first_id + seq
        rows.append((sid, article_id, seq, st.start, st.end, st.kind, st.text, st.speaker))
        quotes.extend((sid, q.start, q.end, q.text, q.speaker) for q in st.quotes)
        numbers.extend(
            (sid, n.start, n.end, n.raw, n.value, n.unit, n.qualifier) for n in st.numbers
        )
    conn.executemany(
        "INSERT INTO statements(id, article_id, seq, char_start, char_end, kind, text, speaker)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.executemany(
        "INSERT INTO quotes(statement_id, char_start, char_end, text, speaker)"
        " VALUES (?, ?, ?, ?, ?)",
        quotes,
    )
    conn.executemany(
        "INSERT INTO numbers(statement_id, char_start, char_end, raw, value, unit, qualifier)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        numbers,
    )
    return len(rows)


def ingest_paths(
    db: sqlite_utils.Database,
    paths: Iterable[str | Path],
    *,
    source: str | None = None,
    match: bool = True,
    progress: ProgressCallback | None = None,
    on_wait: WaitCallback | None = None,
    on_reject: Callable[[Rejected], None] | None = None,
) -> IngestReport:
    """Ingest every file under ``paths``; return what was done.

    The source name is ``source`` if given, else the record's own, else
    :func:`fallback_source`. On KeyboardInterrupt the open batch is rolled
    back, everything committed before stays, and the report says
    ``interrupted``. New and replaced articles are then matched against the
    index unless ``match`` is false.
    """
    started = time.monotonic()
    report = IngestReport()
    writer = _Writer(db, report, on_wait)
    try:
        for path in iter_files(paths):
            report.files += 1
            size = _size(path)
            advanced = 0
            for record in read_file(path):
                if isinstance(record, Rejected):
                    report.rejected.append(record)
                    if on_reject:
                        on_reject(record)
                    continue
                name = source or record.source or fallback_source(record)
                writer.add(name, record)
                if progress and record.nbytes:
                    progress(record.nbytes)
                    advanced += record.nbytes
            if progress and size > advanced:
                progress(size - advanced)
        writer.flush()
    except KeyboardInterrupt:
        report.interrupted = True
    report.seconds = time.monotonic() - started
    if match and not report.interrupted:
        try:
            report.match = match_pending(db)
        except KeyboardInterrupt:
            report.interrupted = True  # the articles stay pending for the next run
    report.seconds = time.monotonic() - started
    return report


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def match_pending(db: sqlite_utils.Database) -> Any:
    """Match every article not yet matched (new, replaced, or left by an interrupted run)."""
    from db.matching import match_articles

    ids = [r[0] for r in db.execute("SELECT id FROM articles WHERE matched = 0 ORDER BY id")]
    if not ids:
        return None
    result = match_articles(db, ids)
    with transaction(db) as conn:
        conn.executemany("UPDATE articles SET matched = 1 WHERE id = ?", [(i,) for i in ids])
    return result
