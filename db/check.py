"""Checking a claimlens database, and repairing what is derived: ``claimlens check``.

:func:`check_database` looks at everything that must hold in a healthy database and
returns a :class:`CheckReport` naming each problem found:

* ``schema``: every table, index and trigger of the schema exists (the triggers keep
  the full-text indexes in sync);
* ``integrity``: SQLite's own ``PRAGMA integrity_check``;
* ``fts:statements_fts``, ``fts:articles_fts``: each full-text index agrees with its
  table (FTS5 ``integrity-check`` against the external content, and row counts);
* ``orphans:*`` / ``dangling:*``: rows pointing at rows that do not exist (statements
  without their article, quotes and numbers without their statement, matches between
  statements that are gone, articles without their source, claim/story ids that lead
  nowhere);
* ``offsets:statements|quotes|numbers``: ``articles.text[start:end]`` is exactly the
  stored text of every statement, quote and number;
* ``statements:missing``: no article with words in it has no statements (an article
  is stored with its statements in one transaction, so this means damage);
* ``counts:claims``, ``counts:stories``: ``claims.n_statements``/``n_sources`` and
  ``stories.n_articles``/``n_sources`` are what the rows say (statements with that
  ``claim_id``, and the distinct sources of their articles; articles with that
  ``story_id``, and their distinct sources); claims without statements and stories
  without articles;
* ``matching:pending``: articles cross-source matching has not seen yet (an ingest
  run with ``--no-match`` or interrupted). This is work to do, not damage: it is
  listed in ``pending`` with the command that does it, and the database is still ok.
* ``regroup:pending``: a schema upgrade left every claim and story to regroup
  (:mod:`db.upgrade`): pending work too, done by ``claimlens regroup``.
* ``statements:pending``: a schema upgrade left every article's speakers and numbers
  to read again (:mod:`db.statements_again`): pending work, done by the next match.
* ``clean:pending``: a schema upgrade found articles stored with bidi controls or
  invisible format characters (zero-width space, word joiner, soft hyphen), which
  the ingest now drops, or split inside angle brackets, where it no longer ends a
  sentence (:func:`db.ingest.clean_again_if_due`): pending work, done by the next
  match.

:func:`repair_database` fixes what can be rebuilt from the articles, in one
transaction: missing schema objects are recreated, orphans deleted, dangling ids
cleared, articles with wrong or missing statements re-split, claim and story counts
recomputed, the full-text indexes rebuilt (FTS5 ``rebuild``); then speakers and numbers
left to read again are read, pending matching is run (:func:`db.ingest.match_pending`),
and a regroup left due is done by it or after it (:mod:`db.regroup`).
Page-level corruption found by ``integrity_check`` cannot be repaired here (only
index entries, by ``REINDEX``): restore a backup or use ``sqlite3 DB .recover``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from db.claims import CLAIM_LINK
from db.connection import transaction
from db.ingest import clean_again_if_due, match_pending, write_statements
from db.regroup import regroup
from db.schema import CLEAN_JOB, FTS_TABLES, SCHEMA_VERSION, schema_objects
from db.statements import analyse_verified
from db.statements_again import read_statements_again, statements_due
from db.upgrade import job_due, regroup_due

WaitCallback = Callable[[], None]

# (check name, child table, child column, parent table, what the rows are)
_REFERENCES = (
    ("orphans:statements", "statements", "article_id", "articles", "statements without article"),
    ("orphans:quotes", "quotes", "statement_id", "statements", "quotes without statement"),
    ("orphans:numbers", "numbers", "statement_id", "statements", "numbers without statement"),
    ("orphans:matches", "matches", "a", "statements", "matches with a missing statement"),
    ("orphans:matches", "matches", "b", "statements", "matches with a missing statement"),
    ("orphans:articles", "articles", "source_id", "sources", "articles without source"),
    (
        "orphans:article_tokens",
        "article_tokens",
        "article_id",
        "articles",
        "token counts of a missing article",
    ),
    (
        "orphans:statement_keys",
        "statement_keys",
        "statement_id",
        "statements",
        "blocking keys of a missing statement",
    ),
    ("dangling:statements.claim_id", "statements", "claim_id", "claims", "missing claim"),
    ("dangling:articles.story_id", "articles", "story_id", "stories", "missing story"),
    ("dangling:claims.first_statement_id", "claims", "first_statement_id", "statements", ""),
)

_CLAIM_COUNTS = """
    WITH actual AS (
        SELECT s.claim_id AS id, count(*) AS n_statements,
               count(DISTINCT a.source_id) AS n_sources
        FROM statements s JOIN articles a ON a.id = s.article_id
        WHERE s.claim_id IS NOT NULL
        GROUP BY s.claim_id
    )
    SELECT c.id, coalesce(x.n_statements, 0), coalesce(x.n_sources, 0)
    FROM claims c LEFT JOIN actual x ON x.id = c.id
    WHERE c.n_statements IS NOT coalesce(x.n_statements, 0)
       OR c.n_sources IS NOT coalesce(x.n_sources, 0)
       OR x.id IS NULL
"""

_STORY_COUNTS = """
    WITH actual AS (
        SELECT story_id AS id, count(*) AS n_articles, count(DISTINCT source_id) AS n_sources
        FROM articles WHERE story_id IS NOT NULL
        GROUP BY story_id
    )
    SELECT t.id, coalesce(x.n_articles, 0), coalesce(x.n_sources, 0)
    FROM stories t LEFT JOIN actual x ON x.id = t.id
    WHERE t.n_articles IS NOT coalesce(x.n_articles, 0)
       OR t.n_sources IS NOT coalesce(x.n_sources, 0)
       OR x.id IS NULL
"""


@dataclass
class Problem:
    """One thing wrong with the database."""

    name: str  # which check found it, e.g. "fts:statements_fts", "orphans:quotes"
    message: str  # one line, for people
    count: int = 1  # how many rows (or messages) are affected
    repairable: bool = True

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "message": self.message,
            "count": self.count,
            "repairable": self.repairable,
        }


# What finishes pending matching (the next ingest does it too).
FINISH_MATCHING = "claimlens match --pending"
# What finishes a regroup an upgrade left due (db.upgrade; the next match does it too).
FINISH_REGROUP = "claimlens regroup"


@dataclass
class Pending:
    """Work the database is waiting for: not a problem, and what does it."""

    name: str
    message: str
    count: int
    command: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "message": self.message,
            "count": self.count,
            "command": self.command,
        }


@dataclass
class CheckReport:
    """What :func:`check_database` found (and, after a repair, what was done)."""

    counts: dict[str, int] = field(default_factory=dict)
    checks: list[str] = field(default_factory=list)  # every check run, in order
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # worth knowing, not problems
    pending: list[Pending] = field(default_factory=list)  # work to do, not problems
    repaired: list[str] = field(default_factory=list)  # what a repair did
    # Found while checking, used by the repair: articles to split again.
    resplit: set[int] = field(default_factory=set, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    def failed(self, check: str) -> bool:
        return any(p.name == check for p in self.problems)

    def add(self, name: str, message: str, count: int = 1, *, repairable: bool = True) -> None:
        self.problems.append(Problem(name, message, count, repairable))

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "counts": self.counts,
            "checks": [
                {"name": name, "ok": not self.failed(name)} for name in dict.fromkeys(self.checks)
            ],
            "problems": [p.as_dict() for p in self.problems],
            "notes": self.notes,
            "pending": [p.as_dict() for p in self.pending],
            "repaired": self.repaired,
        }


def check_database(
    db: sqlite_utils.Database, *, on_wait: WaitCallback | None = None
) -> CheckReport:
    """Run every check; never raises for a damaged database (the damage is reported).

    The checks run inside one IMMEDIATE transaction: they see one consistent state
    of the database even while an ingest is running (which waits for them), and
    FTS5's integrity-check, a write statement, needs the lock anyway. Nothing is
    changed.
    """
    report = CheckReport()
    try:
        with transaction(db, on_wait=on_wait) as conn:
            _run_checks(conn, report)
            raise _Rollback  # nothing was changed; nothing to commit
    except _Rollback:
        pass
    except sqlite3.DatabaseError as exc:
        _damaged(report, exc)
    return report


def _damaged(report: CheckReport, exc: Exception) -> None:
    """The file itself is corrupt (SQLite cannot read it): say so once."""
    if "integrity" not in report.checks:
        report.checks.append("integrity")
    if not any(p.name == "integrity" and not p.repairable for p in report.problems):
        report.add(
            "integrity", f"the database file is damaged ({exc}); {_RECOVER}", repairable=False
        )


_RECOVER = "restore a backup, or save what is left with `sqlite3 DB .recover`"


class _Rollback(Exception):
    pass


def _run_checks(conn: sqlite3.Connection, report: CheckReport) -> None:
    for step in (
        _check_schema,
        _check_integrity,
        _count_rows,
        _check_fts,
        _check_references,
        _check_offsets,
        _check_claim_counts,
        _check_keys,
        _check_pending,
    ):
        try:
            step(conn, report)
        except sqlite3.DatabaseError as exc:
            _damaged(report, exc)


def _check_schema(conn: sqlite3.Connection, report: CheckReport) -> None:
    report.checks.append("schema")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA_VERSION:
        report.add("schema", f"schema version {version}, expected {SCHEMA_VERSION}")
    present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    missing = [name for name in schema_objects() if name not in present]
    if missing:
        report.add("schema", f"missing from the schema: {', '.join(missing)}", len(missing))


def _check_integrity(conn: sqlite3.Connection, report: CheckReport) -> None:
    report.checks.append("integrity")
    messages = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
    if messages != ["ok"]:
        index_only = all("index" in m for m in messages)
        report.add(
            "integrity",
            f"SQLite integrity check: {messages[0]}"
            + (f" (and {len(messages) - 1} more)" if len(messages) > 1 else "")
            + ("" if index_only else f"; {_RECOVER}"),
            len(messages),
            repairable=index_only,
        )


def _count_rows(conn: sqlite3.Connection, report: CheckReport) -> None:
    for table in ("sources", "articles", "statements", "quotes", "numbers"):
        report.counts[table] = _scalar(conn, f"SELECT count(*) FROM {table}")
    # The matches as `stats` counts them, in its names: `matches` same and conflict (what
    # claims are made of), related ones apart (a script reading both saw 2,054 and 768).
    for name, where in (
        ("matches", CLAIM_LINK),
        ("conflicts", "relation = 'conflict'"),
        ("related_matches", "relation = 'related'"),
    ):
        report.counts[name] = _scalar(conn, f"SELECT count(*) FROM matches WHERE {where}")
    for table in ("claims", "stories"):
        report.counts[table] = _scalar(conn, f"SELECT count(*) FROM {table}")


def _check_fts(conn: sqlite3.Connection, report: CheckReport) -> None:
    for fts, content in zip(FTS_TABLES, ("statements", "articles"), strict=True):
        name = f"fts:{fts}"
        report.checks.append(name)
        if not _exists(conn, fts):
            report.add(name, f"full-text index {fts} is missing")
            continue
        try:
            # rank = 1: also compare the index with the external content table.
            conn.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as exc:
            indexed = _scalar(conn, f"SELECT count(*) FROM {fts}_docsize")
            rows = _scalar(conn, f"SELECT count(*) FROM {content}")
            sizes = f" ({indexed} rows indexed, {rows} in {content})" if indexed != rows else ""
            if "readonly database" in str(exc) and not sizes:
                # FTS5's check is a write: a database read where it cannot be written (a
                # read-only folder) has only its index's row count checked.
                report.notes.append(
                    f"full-text index {fts}: only its row count was checked (the database"
                    " is read-only here; FTS5's own check needs to write)"
                )
                continue
            report.add(name, f"full-text index {fts} is out of sync with {content}{sizes}: {exc}")


def _check_references(conn: sqlite3.Connection, report: CheckReport) -> None:
    found: dict[str, int] = {}
    labels: dict[str, str] = {}
    for name, child, column, parent, label in _REFERENCES:
        if name not in report.checks:
            report.checks.append(name)
        n = _scalar(conn, _dangling_sql(child, column, parent, "count(*)"))
        if n:
            found[name] = found.get(name, 0) + n
            labels[name] = label or f"{child}.{column} pointing at a missing {parent[:-1]}"
    for name, n in found.items():
        report.add(name, f"{n} {labels[name]}", n)


def _dangling_sql(child: str, column: str, parent: str, what: str) -> str:
    return (
        f"SELECT {what} FROM {child} c WHERE c.{column} IS NOT NULL"
        f" AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.id = c.{column})"
    )


class _Rows:
    """A cursor ordered by article id, read alongside the articles (a merge join)."""

    def __init__(self, cursor: sqlite3.Cursor):
        self.rows = iter(cursor)
        self.head: tuple[Any, ...] | None = next(self.rows, None)

    def of(self, article_id: int) -> Iterator[tuple[Any, ...]]:
        while self.head is not None and self.head[0] < article_id:
            self.head = next(self.rows, None)  # an orphan: reported elsewhere
        while self.head is not None and self.head[0] == article_id:
            yield self.head
            self.head = next(self.rows, None)


def _check_offsets(conn: sqlite3.Connection, report: CheckReport) -> None:
    """One pass over the articles, with their statements, quotes and numbers."""
    sources = {
        "statements": "SELECT article_id, char_start, char_end, text FROM statements"
        " ORDER BY article_id, seq",
        "quotes": "SELECT s.article_id, x.char_start, x.char_end, x.text"
        " FROM statements s JOIN quotes x ON x.statement_id = s.id ORDER BY s.article_id",
        "numbers": "SELECT s.article_id, x.char_start, x.char_end, x.raw"
        " FROM statements s JOIN numbers x ON x.statement_id = s.id ORDER BY s.article_id",
    }
    streams = {table: _Rows(conn.execute(sql)) for table, sql in sources.items()}
    bad = dict.fromkeys(sources, 0)
    missing = 0
    for article_id, text, body_start in conn.execute(
        "SELECT id, text, body_start FROM articles ORDER BY id"
    ):
        if not isinstance(text, str):
            text = "" if text is None else str(text)
        broken = not isinstance(body_start, int) or not 0 <= body_start <= len(text)
        for table, stream in streams.items():
            n = 0
            for _aid, start, end, value in stream.of(article_id):
                n += 1
                if not (
                    isinstance(start, int)
                    and isinstance(end, int)
                    and 0 <= start <= end <= len(text)
                    and text[start:end] == value
                ):
                    bad[table] += 1
                    broken = True
            if table == "statements" and n == 0 and any(c.isalnum() for c in text):
                missing += 1
                broken = True
        if broken:
            report.resplit.add(article_id)
    for table, n in bad.items():
        report.checks.append(f"offsets:{table}")
        if n:
            report.add(f"offsets:{table}", f"{n} {table} whose offsets do not match the text", n)
    report.checks.append("statements:missing")
    if missing:
        report.add("statements:missing", f"{missing} articles with text but no statements", missing)


def _check_claim_counts(conn: sqlite3.Connection, report: CheckReport) -> None:
    for name, sql, what in (
        ("counts:claims", _CLAIM_COUNTS, "claims"),
        ("counts:stories", _STORY_COUNTS, "stories"),
    ):
        report.checks.append(name)
        rows = conn.execute(sql).fetchall()
        empty = sum(1 for r in rows if r[1] == 0)
        wrong = len(rows) - empty
        parts = []
        if wrong:
            parts.append(f"{wrong} {what} whose counts do not match their rows")
        if empty:
            members = "statements" if what == "claims" else "articles"
            parts.append(f"{empty} {what} without any {members}")
        if parts:
            report.add(name, "; ".join(parts), len(rows))


# Matched statements must have their blocking keys (incremental matching finds its
# candidates there), and the postings must be exactly the keys' inverted index.
_UNKEYED = (
    "FROM statements s JOIN articles a ON a.id = s.article_id WHERE a.matched = 1"
    " AND NOT EXISTS (SELECT 1 FROM statement_keys k WHERE k.statement_id = s.id)"
)
# ... and their article's token counts (the context of their statements).
_UNCOUNTED = (
    "FROM articles a WHERE a.matched = 1"
    " AND coalesce((SELECT n FROM article_tokens t WHERE t.article_id = a.id), 0)"
    " != (SELECT count(*) FROM statements s WHERE s.article_id = a.id)"
)
_STRAY_POSTINGS = (
    "FROM key_postings AS p WHERE NOT EXISTS (SELECT 1 FROM statement_keys k"
    " WHERE k.statement_id = p.statement_id AND k.day = p.day)"
)
_MISSING_POSTINGS = (
    "FROM statement_keys k, json_each(k.keys) j WHERE NOT EXISTS (SELECT 1 FROM key_postings p"
    " WHERE p.key = j.value AND p.day = k.day AND p.statement_id = k.statement_id)"
)


def _check_keys(conn: sqlite3.Connection, report: CheckReport) -> None:
    report.checks.append("keys")
    unkeyed = _scalar(conn, "SELECT count(DISTINCT s.article_id) " + _UNKEYED)
    unkeyed += _scalar(conn, "SELECT count(*) " + _UNCOUNTED)
    stray = _scalar(conn, "SELECT count(*) " + _STRAY_POSTINGS)
    missing = _scalar(conn, "SELECT count(*) " + _MISSING_POSTINGS)
    parts = []
    if unkeyed:
        parts.append(f"{unkeyed} matched articles missing blocking keys or token counts")
    if stray or missing:
        parts.append(f"key index out of sync ({stray} stray, {missing} missing postings)")
    if parts:
        report.add("keys", "; ".join(parts), unkeyed + stray + missing)


def _repair_keys(conn: sqlite3.Connection, done: list[str]) -> None:
    """Stray postings go, missing ones come back from the keys; articles whose
    statements lost their keys are matched again (which writes them)."""
    conn.execute("DELETE " + _STRAY_POSTINGS)
    conn.execute(
        "INSERT OR IGNORE INTO key_postings(key, day, statement_id)"
        " SELECT j.value, k.day, k.statement_id " + _MISSING_POSTINGS
    )
    n = conn.execute(
        "UPDATE articles SET matched = 0 WHERE id IN (SELECT s.article_id " + _UNKEYED + ")"
    ).rowcount
    n += conn.execute(
        "UPDATE articles SET matched = 0 WHERE id IN (SELECT a.id " + _UNCOUNTED + ")"
    ).rowcount
    done.append(f"rebuilt the key index; {_n(n, 'article')} to match again")


def _check_pending(conn: sqlite3.Connection, report: CheckReport) -> None:
    n = _scalar(conn, "SELECT count(*) FROM articles WHERE matched = 0")
    report.counts["pending_matching"] = n
    report.checks.append("matching:pending")
    if n:
        what = "article is" if n == 1 else "articles are"
        message = f"{n:,} {what} not matched yet"
        report.pending.append(Pending("matching:pending", message, n, FINISH_MATCHING))
    report.checks.append("regroup:pending")
    if regroup_due(conn):  # a schema upgrade left every claim and story to regroup
        message = "claims and stories are grouped as before the last upgrade"
        report.pending.append(Pending("regroup:pending", message, 1, FINISH_REGROUP))
    report.checks.append("clean:pending")
    if job_due(conn, CLEAN_JOB):  # a schema upgrade left articles to store again
        message = "articles are stored as an older claimlens cleaned or split them"
        report.pending.append(Pending("clean:pending", message, 1, FINISH_MATCHING))
    report.checks.append("statements:pending")
    if statements_due(conn):  # a schema upgrade left the statements to read again
        message = "speakers and numbers are as an older claimlens read them"
        report.pending.append(Pending("statements:pending", message, 1, FINISH_MATCHING))


def _n(n: int, word: str, many: str | None = None) -> str:
    """``1 article``, ``2 articles``: a count with its noun."""
    return f"{n:,} {word if n == 1 else many or word + 's'}"


def _exists(conn: sqlite3.Connection, name: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None
    )


def _scalar(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> int:
    return int(conn.execute(sql, params).fetchone()[0] or 0)


# --- repair ----------------------------------------------------------------------------------


def repair_database(
    db: sqlite_utils.Database,
    found: CheckReport | None = None,
    *,
    match: bool = True,
    on_wait: WaitCallback | None = None,
) -> CheckReport:
    """Repair what ``found`` (else a fresh check) reports; return a fresh check of the
    result, whose ``repaired`` lists what was done."""
    found = found or check_database(db, on_wait=on_wait)
    if any(p.name == "integrity" and not p.repairable for p in found.problems):
        # Rebuilding anything from a corrupt file would spread the damage.
        found.notes.append("nothing was repaired: the database file itself is damaged")
        return found
    done: list[str] = []
    with transaction(db, on_wait=on_wait) as conn:
        _repair(conn, found, done)
    # Speakers first, then the pending articles matched, whose match regroups when a
    # regroup is due (db.matching.match_articles): claims and stories as a fresh ingest
    # groups them; a regroup still due (no article was pending) is done last.
    due = match and regroup_due(db)
    if match and clean_again_if_due(db):
        done.append(
            "stored again the articles an older claimlens cleaned or split otherwise"
            " (due since an upgrade)"
        )
    if match and statements_due(db):
        changed = read_statements_again(db)  # before the pending matching it marks
        done.append(
            f"read every article's speakers and numbers again (due since an upgrade):"
            f" {changed:,} statements changed"
        )
    pending = db.execute("SELECT count(*) FROM articles WHERE matched = 0").fetchone()[0]
    if match and pending:
        match_pending(db)  # also the articles split again above
        done.append(f"matched {pending:,} pending article{'' if pending == 1 else 's'}")
    if due and (regroup(db, on_wait=on_wait) is not None or not regroup_due(db)):
        done.append("regrouped every claim and story (due since an upgrade)")
    after = check_database(db, on_wait=on_wait)
    after.repaired = done
    return after


def _repair(conn: sqlite3.Connection, found: CheckReport, done: list[str]) -> None:
    """Schema first (the triggers), then the full-text indexes are rebuilt from their
    tables, so that every later change keeps them in sync through the triggers."""
    rebuild = [fts for fts in FTS_TABLES if found.failed(f"fts:{fts}")]

    if found.failed("schema"):
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        objects = schema_objects()
        order = {"table": 0, "index": 1, "trigger": 2}
        created = []
        for name, (_kind, ddl) in sorted(objects.items(), key=lambda kv: order[kv[1][0]]):
            if name not in present:
                conn.execute(ddl)
                created.append(name)
                if name in FTS_TABLES and name not in rebuild:
                    rebuild.append(name)
        if created:
            done.append(f"recreated {', '.join(created)}")

    for fts in rebuild:
        conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
        done.append(f"rebuilt the full-text index {fts}")

    if found.failed("integrity") and any(
        p.repairable for p in found.problems if p.name == "integrity"
    ):
        conn.execute("REINDEX")
        done.append("rebuilt the indexes (REINDEX)")

    # Orphans: deleting a statement deletes its quotes, numbers and matches (cascade).
    for name, child, column, parent, _label in _REFERENCES:
        if not found.failed(name):
            continue
        if name.startswith("orphans:") and name != "orphans:articles":
            n = conn.execute(
                f"DELETE FROM {child} WHERE {column} IS NOT NULL AND NOT EXISTS"
                f" (SELECT 1 FROM {parent} p WHERE p.id = {child}.{column})"
            ).rowcount
            if n:
                done.append(f"deleted {n} {child} ({name})")
        elif name == "orphans:articles":
            ids = [
                r[0]
                for r in conn.execute(
                    _dangling_sql("articles", "source_id", "sources", "DISTINCT c.source_id")
                )
            ]
            conn.executemany(
                "INSERT INTO sources(id, name) VALUES (?, ?)",
                [(i, f"unknown source {i}") for i in ids],
            )
            done.append(f"recreated {_n(len(ids), 'missing source')} as 'unknown source N'")
        else:
            n = conn.execute(
                f"UPDATE {child} SET {column} = NULL WHERE {column} IS NOT NULL AND NOT EXISTS"
                f" (SELECT 1 FROM {parent} p WHERE p.id = {child}.{column})"
            ).rowcount
            if n:
                done.append(f"cleared {n} {child}.{column} ({name})")
    resplit = sorted(found.resplit)
    if resplit:
        n_ok = _resplit(conn, resplit)
        done.append(f"split {_n(n_ok, 'article')} into statements again")

    if found.failed("counts:claims") or found.failed("counts:stories") or resplit:
        _recount(conn, done)
    if found.failed("keys"):
        _repair_keys(conn, done)


def _resplit(conn: sqlite3.Connection, article_ids: list[int]) -> int:
    """Replace the statements of these articles by a fresh analysis of their text, and
    mark them for matching again. Returns how many articles were split."""

    done = 0
    for article_id in article_ids:
        row = conn.execute(
            "SELECT text, body_start FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            continue
        text, body_start = row
        statements = analyse_verified(str(text or ""), int(body_start or 0))
        if isinstance(statements, str):
            continue  # reported again by the check that follows the repair
        conn.execute("DELETE FROM statements WHERE article_id = ?", (article_id,))
        first_id = _scalar(conn, "SELECT coalesce(max(id), 0) + 1 FROM statements")
        write_statements(conn, article_id, statements, first_id)
        conn.execute("UPDATE articles SET matched = 0 WHERE id = ?", (article_id,))
        done += 1
    return done


def _recount(conn: sqlite3.Connection, done: list[str]) -> None:
    claims = conn.execute(_CLAIM_COUNTS).fetchall()
    conn.executemany(
        "UPDATE claims SET n_statements = ?, n_sources = ? WHERE id = ?",
        [(n, s, cid) for cid, n, s in claims if n],
    )
    empty = [(cid,) for cid, n, _s in claims if not n]
    conn.executemany("DELETE FROM claims WHERE id = ?", empty)
    stories = conn.execute(_STORY_COUNTS).fetchall()
    conn.executemany(
        "UPDATE stories SET n_articles = ?, n_sources = ? WHERE id = ?",
        [(n, s, sid) for sid, n, s in stories if n],
    )
    empty_stories = [(sid,) for sid, n, _s in stories if not n]
    conn.executemany("DELETE FROM stories WHERE id = ?", empty_stories)
    if claims or stories:
        done.append(
            f"recounted {_n(len(claims) - len(empty), 'claim')} and"
            f" {_n(len(stories) - len(empty_stories), 'story', 'stories')}; deleted"
            f" {_n(len(empty), 'empty claim')} and"
            f" {_n(len(empty_stories), 'empty story', 'empty stories')}"
        )
