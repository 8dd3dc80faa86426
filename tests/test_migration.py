"""Schema versions: a new file gets the current schema, an older version is migrated
(each step in one transaction: a failing step leaves the previous version intact), and
a newer version, a non-claimlens SQLite file or a file that is not SQLite at all is
refused with a one-line message and left untouched. The refusals are tested through
the real command line: exit status 1, no traceback."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

import db.schema as schema
from db.connection import connect
from db.ingest import ingest_paths
from db.schema import SCHEMA_VERSION, SchemaError, user_version
from db.upgrade import migrate

CLI = [sys.executable, "-c", "from tui.cli import main; main()"]
SEED = Path(__file__).parent.parent / "tui" / "samples" / "000_dd9f0b5d2f8810a6.txt"


def claimlens(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=60)


def test_new_and_empty_files_get_the_current_schema(tmp_path: Path) -> None:
    (tmp_path / "empty.db").write_bytes(b"")  # e.g. made by `touch`
    for name in ("new.db", "empty.db"):
        db = connect(tmp_path / name)
        assert user_version(db) == SCHEMA_VERSION
        assert set(schema.CORE_TABLES) <= set(db.table_names())


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            "newer",
            f"database schema version {SCHEMA_VERSION + 1} is newer than this claimlens",
        ),
        ("foreign", "this SQLite file was not created by claimlens (it has other tables)"),
        ("versioned_foreign", "not a claimlens database (schema version"),
        ("text", "not an SQLite database (nor a claimlens one)"),
    ],
)
def test_cli_refuses_files_it_cannot_use(tmp_path: Path, make: str, message: str) -> None:
    path = tmp_path / f"{make}.db"
    if make == "text":
        path.write_text("just some notes, not a database\n" * 100)
    else:
        conn = sqlite3.connect(path)
        if make == "newer":
            connect(path).conn.close()
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        else:
            conn.execute("CREATE TABLE inventory (item TEXT, qty INTEGER)")
            conn.execute("INSERT INTO inventory VALUES ('bolts', 12)")
            if make == "versioned_foreign":
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.commit()
        conn.close()
    before = path.read_bytes()
    for command in (["check"], ["ingest", str(SEED), "--no-match"]):
        result = claimlens("--db", str(path), *command)
        assert result.returncode == 1, (command, result.stderr)
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith(f"Error: {path}: {message}"), result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before  # never touched


def _v2(db: sqlite_utils.Database) -> None:
    db.conn.execute("ALTER TABLE articles ADD COLUMN lang TEXT")
    db.conn.execute("UPDATE articles SET lang = 'en'")


def test_an_older_version_is_migrated_keeping_its_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    db = connect(path)  # a database of today's version...
    ingest_paths(db, [SEED], match=False)
    db.conn.close()
    # ...opened by a claimlens whose schema has one more version.
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(schema.MIGRATIONS, SCHEMA_VERSION, _v2)
    told: list[int] = []
    db = connect(path, on_upgrade=told.append)
    assert told == [SCHEMA_VERSION]  # the version it upgraded from
    assert user_version(db) == SCHEMA_VERSION + 1
    assert db.execute("SELECT count(*), min(lang) FROM articles").fetchone() == (1, "en")
    assert db.execute("SELECT count(*) FROM statements").fetchone()[0] > 20
    assert migrate(db) == SCHEMA_VERSION + 1  # already there: nothing to do


def test_the_cli_says_it_is_upgrading_a_database_once(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    db = connect(path)
    ingest_paths(db, [SEED], match=False)
    db.execute("PRAGMA user_version = 2")
    db.conn.close()
    first = claimlens("--db", str(path), "stats")
    assert first.returncode == 0, first.stderr
    assert f"upgrading {path} from schema version 2 to {SCHEMA_VERSION}" in first.stderr
    again = claimlens("--db", str(path), "stats")
    assert again.returncode == 0 and "upgrading" not in again.stderr


def test_a_failing_migration_leaves_the_old_version_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    db = connect(path)
    ingest_paths(db, [SEED], match=False)
    db.conn.close()

    def broken(db: sqlite_utils.Database) -> None:
        _v2(db)
        raise RuntimeError("disk full, say")

    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(schema.MIGRATIONS, SCHEMA_VERSION, broken)
    with pytest.raises(RuntimeError, match="disk full"):
        connect(path)
    monkeypatch.undo()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    columns = [r[1] for r in conn.execute("PRAGMA table_info(articles)")]
    assert "lang" not in columns  # the half-done step was rolled back
    conn.close()
    assert connect(path).execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_schema_error_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(b"\x00" * 4096)
    with pytest.raises(SchemaError, match=str(path)):
        connect(path)
