"""``claimlens check``: each kind of damage is found and named (exit 1), ``--repair``
rebuilds what is derived (exit 0 after), a healthy database exits 0, and a damaged
file is reported without a traceback."""

from __future__ import annotations

import importlib.machinery
import json
import sqlite3
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from db.check import check_database, repair_database
from db.connection import connect
from db.ingest import ingest_paths
from db.matching import MatchReport
from db.schema import schema_objects
from db.search import search
from tui.cli import main

FORMATS = Path(__file__).parent / "fixtures" / "formats"
SEEDS = Path(__file__).parent.parent / "tui" / "samples"


def run(db_path: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--db", str(db_path), *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A healthy database: the formats fixtures and the two seeds, a claim and a story."""
    path = tmp_path / "check.db"
    db = connect(path)
    ingest_paths(db, [FORMATS], match=False)
    ingest_paths(db, [SEEDS / "000_dd9f0b5d2f8810a6.txt"], source="A", match=False)
    ingest_paths(db, [SEEDS / "004_30c3ae78e6307b4b.txt"], source="B", match=False)
    a = db.execute(
        "SELECT min(id) FROM articles WHERE source_id = (SELECT id FROM sources WHERE name = 'A')"
    ).fetchone()[0]
    b = db.execute(
        "SELECT min(id) FROM articles WHERE source_id = (SELECT id FROM sources WHERE name = 'B')"
    ).fetchone()[0]
    sa = db.execute("SELECT id FROM statements WHERE article_id = ? AND seq = 1", (a,)).fetchone()[
        0
    ]
    sb = db.execute("SELECT id FROM statements WHERE article_id = ? AND seq = 1", (b,)).fetchone()[
        0
    ]
    conn = db.conn
    conn.execute(
        "INSERT INTO claims(id, first_statement_id, n_sources, n_statements) VALUES (1, ?, 2, 2)",
        (sa,),
    )
    conn.execute("UPDATE statements SET claim_id = 1 WHERE id IN (?, ?)", (sa, sb))
    conn.execute("INSERT INTO matches(a, b, score, relation) VALUES (?, ?, 90, 'same')", (sa, sb))
    conn.execute("INSERT INTO stories(id, title, n_articles, n_sources) VALUES (1, 'S', 2, 2)")
    conn.execute("UPDATE articles SET story_id = 1, matched = 1 WHERE id IN (?, ?)", (a, b))
    conn.execute("UPDATE articles SET matched = 1")
    # Matching would have stored each statement's blocking keys and their postings.
    conn.execute(
        "INSERT INTO statement_keys(statement_id, day, keys)"
        " SELECT id, 0, json_array('k' || (id % 5), 'w' || id) FROM statements"
    )
    conn.execute(
        "INSERT INTO article_tokens(article_id, n, df)"
        " SELECT article_id, count(*), '{}' FROM statements GROUP BY article_id"
    )
    conn.execute(
        "INSERT INTO key_postings(key, day, statement_id)"
        " SELECT j.value, k.day, k.statement_id FROM statement_keys k, json_each(k.keys) j"
    )
    db.conn.commit()
    db.conn.close()
    return path


def damage(db_path: Path, *sql: str) -> None:
    """Change the file behind claimlens' back, as another tool (or a bug) could."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    for statement in sql:
        conn.execute(statement)
    conn.close()


def test_healthy_database(db_path: Path) -> None:
    code, out = run(db_path, "check")
    assert code == 0, out
    assert out.rstrip().endswith("healthy")
    assert "FAIL" not in out
    code, out = run(db_path, "check", "--json")
    data = json.loads(out)
    assert code == 0 and data["ok"] is True and data["problems"] == []
    assert {c["name"] for c in data["checks"]} >= {
        "integrity",
        "fts:statements_fts",
        "fts:articles_fts",
        "orphans:quotes",
        "offsets:statements",
        "counts:claims",
        "counts:stories",
    }
    assert data["counts"]["articles"] == 12


# Each damage, and the check names it must be reported under.
DAMAGES: dict[str, tuple[list[str], set[str]]] = {
    "fts out of sync": (
        ["DROP TRIGGER statements_ad", "DELETE FROM statements WHERE article_id = 3"],
        {"schema", "fts:statements_fts", "statements:missing", "orphans:statement_keys", "keys"},
    ),
    "fts row changed": (
        [
            "DROP TRIGGER articles_au",
            "UPDATE articles SET title = 'Changed' WHERE id = 2",
            "CREATE TRIGGER articles_au AFTER UPDATE OF title ON articles BEGIN"
            " INSERT INTO articles_fts(articles_fts, rowid, title) VALUES"
            " ('delete', old.id, old.title); INSERT INTO articles_fts(rowid, title)"
            " VALUES (new.id, new.title); END",
        ],
        {"fts:articles_fts"},
    ),
    "orphan statements": (
        ["DELETE FROM articles WHERE id = 1"],
        {"orphans:statements", "orphans:article_tokens"},
    ),
    "orphan quotes and numbers": (
        [
            "INSERT INTO quotes(statement_id, char_start, char_end, text)"
            " VALUES (99999, 0, 1, 'x')",
            "INSERT INTO numbers(statement_id, char_start, char_end, raw, value)"
            " VALUES (99999, 0, 1, '1', 1)",
        ],
        {"orphans:quotes", "orphans:numbers"},
    ),
    "orphan match": (
        ["INSERT INTO matches(a, b, score, relation) VALUES (1, 99999, 50, 'same')"],
        {"orphans:matches"},
    ),
    "article without source": (
        ["UPDATE articles SET source_id = 4242 WHERE id = 2"],
        {"orphans:articles"},
    ),
    "dangling claim and story ids": (
        [
            "UPDATE statements SET claim_id = 777 WHERE id = 5",
            "UPDATE articles SET story_id = 888 WHERE id = 4",
        ],
        {"dangling:statements.claim_id", "dangling:articles.story_id"},
    ),
    "statement offsets": (
        ["UPDATE statements SET char_start = char_start + 2 WHERE id = 7"],
        {"offsets:statements"},
    ),
    "number offsets": (
        ["UPDATE numbers SET char_end = char_end + 1 WHERE id = (SELECT min(id) FROM numbers)"],
        {"offsets:numbers"},
    ),
    "article without statements": (
        ["DELETE FROM statements WHERE article_id = 6"],
        # foreign keys off: no cascade
        {"statements:missing", "orphans:numbers", "orphans:statement_keys", "keys"},
    ),
    "claim counts": (["UPDATE claims SET n_statements = 5, n_sources = 9"], {"counts:claims"}),
    "empty claim": (
        ["INSERT INTO claims(id, n_sources, n_statements) VALUES (2, 0, 0)"],
        {"counts:claims"},
    ),
    "story counts": (["UPDATE stories SET n_articles = 1"], {"counts:stories"}),
    "missing index": (["DROP INDEX articles_date"], {"schema"}),
    "missing story pools": (["DROP TABLE story_pools"], {"schema"}),
    "statement lost its keys": (["DELETE FROM statement_keys WHERE statement_id = 3"], {"keys"}),
    "article lost its token counts": (
        ["DELETE FROM article_tokens WHERE article_id = 2"],
        {"keys"},
    ),
    "key index out of sync": (
        [
            "INSERT INTO key_postings VALUES ('stray', 0, 4)",
            "DELETE FROM key_postings WHERE statement_id = 5",
        ],
        {"keys"},
    ),
}


def test_every_check_is_named_in_plain_english(db_path: Path) -> None:
    """QA finding 15: ``check`` printed ``ok   statements:pending``, an internal name among
    plain-English lines: every check it runs has a title."""
    from tui.cli.check import _TITLES

    code, out = run(db_path, "check")
    assert code == 0, out
    assert "ok   speakers and numbers are read by this version" in out.splitlines()
    assert "statements:pending" not in out
    db = connect(db_path)
    try:
        names = set(check_database(db).checks)
    finally:
        db.conn.close()
    assert names <= set(_TITLES), names - set(_TITLES)


@pytest.mark.parametrize("kind", sorted(DAMAGES))
def test_damage_is_found_then_repaired(db_path: Path, kind: str) -> None:
    sql, names = DAMAGES[kind]
    damage(db_path, *sql)
    code, out = run(db_path, "check", "--json")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False
    assert {p["name"] for p in data["problems"]} == names
    code, text = run(db_path, "check")
    assert code == 1
    for name in names:
        assert f"problem: {name}: " in text
    assert "`claimlens check --repair` fixes" in text

    code, out = run(db_path, "check", "--repair")
    assert code == 0, out
    assert "repaired: " in out and out.rstrip().endswith("healthy")
    assert run(db_path, "check")[0] == 0
    db = connect(db_path)
    assert search(db, "Umerov")  # the index answers again
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_repair_resplits_and_recounts(db_path: Path) -> None:
    damage(
        db_path,
        "DELETE FROM statements WHERE article_id = 6",
        "UPDATE claims SET n_statements = 5",
    )
    db = connect(db_path)
    before = check_database(db)
    assert before.resplit == {6}
    after = repair_database(db, before, match=False)
    # Split again, the article waits for matching: pending work, not a problem.
    assert after.problems == []
    assert [p.name for p in after.pending] == ["matching:pending"]
    assert any("split 1 article into" in r for r in after.repaired)
    assert db.execute("SELECT count(*) FROM statements WHERE article_id = 6").fetchone()[0] > 0
    assert db.execute("SELECT n_statements, n_sources FROM claims").fetchone() == (2, 2)
    assert db.execute("SELECT matched FROM articles WHERE id = 6").fetchone()[0] == 0


def test_pending_matching_is_listed_as_pending_and_run_by_repair(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    matched: list[list[int]] = []
    fake = types.ModuleType("db.matching")
    fake.__spec__ = importlib.machinery.ModuleSpec("db.matching", None)

    def match_articles(db: object, ids: list[int], progress: object = None) -> MatchReport:
        matched.append(list(ids))
        return MatchReport(mode="incremental")

    fake.match_articles = match_articles  # type: ignore[attr-defined]
    fake.article_versions = lambda db, ids: dict.fromkeys(ids, ())  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "db.matching", fake)
    damage(db_path, "UPDATE articles SET matched = 0 WHERE id IN (2, 3)")
    code, out = run(db_path, "check", "--json")
    data = json.loads(out)
    assert code == 0 and data["ok"] and data["problems"] == []
    assert [(p["name"], p["count"], p["command"]) for p in data["pending"]] == [
        ("matching:pending", 2, "claimlens match --pending")
    ]
    code, out = run(db_path, "check")
    assert code == 0, out
    assert "FAIL" not in out and "problem" not in out
    assert "pending: 2 articles are not matched yet: `claimlens match --pending` does it" in out
    code, out = run(db_path, "check", "--repair")
    assert code == 0, out
    assert matched == [[2, 3]]
    assert "repaired: matched 2 pending articles" in out


def test_corrupt_file_is_reported_without_traceback(db_path: Path) -> None:
    size = db_path.stat().st_size
    with db_path.open("r+b") as f:  # overwrite pages in the middle with garbage
        f.seek(size // 2)
        f.write(b"\xde\xad\xbe\xef" * 2048)
    code, out = run(db_path, "check")
    assert code == 1
    assert "problem: integrity: " in out or "Error: " in out
    code, out = run(db_path, "check", "--repair")
    assert code == 1


def test_check_waits_for_a_writer(db_path: Path) -> None:
    db = connect(db_path)
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    import threading

    timer = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
    timer.start()
    waited: list[bool] = []
    report = check_database(db, on_wait=lambda: waited.append(True))
    timer.join()
    assert waited == [True] and report.ok


def test_empty_database_is_healthy(tmp_path: Path) -> None:
    connect(tmp_path / "new.db").conn.close()
    code, out = run(tmp_path / "new.db", "check")
    assert code == 0 and "0 articles" in out and "healthy" in out


def test_no_database_is_exit_2_and_creates_nothing(tmp_path: Path) -> None:
    code, out = run(tmp_path / "missing" / "x.db", "check")
    assert code == 2 and f"no database at {tmp_path / 'missing' / 'x.db'}" in out
    assert list(tmp_path.iterdir()) == []


def test_broken_index_is_rebuilt_by_reindex(db_path: Path) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA writable_schema = ON")  # the index now disagrees with its rows
    conn.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX articles_date ON articles(words)'"
        " WHERE name = 'articles_date'"
    )
    conn.close()
    code, out = run(db_path, "check")
    assert (
        code == 1 and "problem: integrity: SQLite integrity check: row 1 missing from index" in out
    )
    code, out = run(db_path, "check", "--repair")
    assert code == 0 and "repaired: rebuilt the indexes (REINDEX)" in out


def test_schema_objects_name_every_object_of_a_new_database(tmp_path: Path) -> None:
    """`check` finds a dropped object, and `--repair` recreates it, only for what
    schema_objects() lists: it must hold every object a new database has."""
    db = connect(tmp_path / "new.db")
    made = {
        name
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE sql IS NOT NULL"
            " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts_%'"
        )
    }
    assert made - set(schema_objects()) == set()
