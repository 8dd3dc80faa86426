"""A database where SQLite cannot create its -wal and -shm files (a read-only folder or
mount, QA A2): the commands that only read, and the browser, read it as it is
(``immutable``); the commands that write say why they cannot.

Root ignores permission bits, so the folder is not made read-only here: the database's
``-shm`` is a link to a folder that does not exist, which SQLite can neither open nor
create, as on a read-only mount (where ``mode=ro`` fails the same way).
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import db.connection as connection_mod
import tui.cli.browse as browse_mod
from db.connection import CannotOpen, connect, connect_reader, read_only_connection
from db.ingest import ingest_paths
from db.schema import SCHEMA_VERSION
from tests.cli_fixtures import SEED_A, SEED_B
from tui.cli import main


@pytest.fixture
def stuck(tmp_path: Path) -> Path:
    """Two sources' articles, matched, in a database whose -shm cannot be created."""
    path = tmp_path / "archive" / "x.db"
    db = connect(path)
    ingest_paths(db, [Path(SEED_A)], source="A")
    ingest_paths(db, [Path(SEED_B)], source="B")
    db.conn.close()  # the last connection: SQLite removes x.db-wal and x.db-shm
    assert sorted(os.listdir(path.parent)) == ["x.db"]
    os.symlink(tmp_path / "no such folder" / "shm", f"{path}-shm")
    with pytest.raises(sqlite3.OperationalError, match="unable to open"):
        sqlite3.connect(f"file:{path}?mode=ro", uri=True).execute("SELECT 1 FROM articles")
    return path


def cli(path: Path, *args: str) -> Any:
    return CliRunner().invoke(main, ["--db", str(path), *args])


@pytest.mark.parametrize(
    ("args", "expect"),
    [
        (["stats"], "articles                 2"),
        (["search", "Umerov"], "6 statements match"),
        (["articles"], "Ukraine says it fought"),
        (["show", "2"], "article 2 · B"),
        (["matches"], "conflict"),
        (["claims"], "claim 1: 2 sources"),
        (["stories"], "story 1:"),
        (["quotes", "--speaker", "Umerov"], "Rustem Umerov"),
        (["check"], "healthy"),
        (["feeds", "--json"], "[]"),
    ],
)
def test_commands_that_read_read_it_as_it_is(stuck: Path, args: list[str], expect: str) -> None:
    before = stuck.read_bytes()
    result = cli(stuck, *args)
    assert result.exit_code == 0, result.output
    assert expect in result.output
    assert stuck.read_bytes() == before  # nothing written (nor in an x.db-wal)
    assert not os.path.exists(f"{stuck}-wal") or os.path.getsize(f"{stuck}-wal") == 0


def test_check_says_what_it_could_not_check(stuck: Path) -> None:
    data = json.loads(cli(stuck, "check", "--json").output)
    assert data["ok"] and not data["problems"]
    assert any("only its row count was checked" in note for note in data["notes"])


@pytest.mark.parametrize(
    "args", [["ingest", SEED_A], ["match"], ["regroup"], ["check", "--repair"]]
)
def test_commands_that_write_say_why_they_cannot(
    stuck: Path, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    result = cli(stuck, *args)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {stuck}: cannot write to the database: SQLite")
    assert "Traceback" not in result.output
    # In a read-only folder (root cannot make one: its permission check is told so).
    monkeypatch.setattr(connection_mod, "folder_writable", lambda path: False)
    result = cli(stuck, *args)
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {stuck}: cannot write to the database: the folder {stuck.parent} is"
        " read-only; copy it to a folder that can be written\n"
    )


def test_browse_reads_it_on_the_connection_the_command_opened(
    stuck: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Any] = []
    monkeypatch.setattr(browse_mod, "_run", lambda path, **kw: opened.append(kw["db"]))
    assert cli(stuck, "browse").exit_code == 0
    (db,) = opened
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    # The browser's worker connections (tui.components.library) open it too.
    worker = connect(stuck, readonly=True, create=False)
    assert worker.execute("SELECT count(*) FROM statements").fetchone()[0] == 35


def test_immutable_only_when_the_file_cannot_be_opened_otherwise(tmp_path: Path) -> None:
    path = tmp_path / "live.db"
    writer = connect(path)
    ingest_paths(writer, [Path(SEED_A)], source="A")
    reader = read_only_connection(str(path))
    # An ordinary read-only reader: it sees what another connection commits meanwhile.
    ingest_paths(writer, [Path(SEED_B)], source="B")
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        reader.execute("DELETE FROM sources")
    reader.close()
    writer.conn.close()


def test_a_wal_holding_changes_is_never_read_past(tmp_path: Path) -> None:
    """-shm cannot be created, and x.db-wal holds committed changes: immutable would
    leave them out, so the reader is refused with the reason."""
    folder = tmp_path / "copy"
    folder.mkdir()
    path = folder / "x.db"
    writer = connect(path)
    writer.conn.execute("PRAGMA wal_autocheckpoint = 0")
    ingest_paths(writer, [Path(SEED_A)], source="A")
    # The files as a crash would leave them: the database and its -wal, no -shm.
    for name in ("x.db", "x.db-wal"):
        (tmp_path / name).write_bytes((folder / name).read_bytes())
    writer.conn.close()
    stuck = tmp_path / "x.db"
    assert (tmp_path / "x.db-wal").stat().st_size > 0
    os.symlink(tmp_path / "no such folder" / "shm", f"{stuck}-shm")
    with pytest.raises(CannotOpen, match=r"x\.db-wal holds changes"):
        connect_reader(stuck)
    result = cli(stuck, "stats")
    assert result.exit_code == 1 and "x.db-wal holds changes" in result.output


def test_an_older_schema_that_cannot_be_upgraded_there_says_so(tmp_path: Path) -> None:
    path = tmp_path / "old" / "x.db"
    db = connect(path)
    ingest_paths(db, [Path(SEED_A)], source="A")
    db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    db.conn.close()
    os.symlink(tmp_path / "no such folder" / "shm", f"{path}-shm")
    for args in (["stats"], ["search", "Umerov"]):
        result = cli(path, *args)
        assert result.exit_code == 1
        assert result.output == (
            f"Error: {path}: schema version {SCHEMA_VERSION - 1} is to be upgraded before it"
            " can be read, which cannot be done here (SQLite cannot open it, or create"
            " x.db-wal and -shm beside it): copy the database to a folder that can be written\n"
        )
