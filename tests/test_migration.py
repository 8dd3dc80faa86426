"""Schema versions: a new file gets the current schema, an older version is migrated
(each step in one transaction: a failing step leaves the previous version intact), and
a newer version, a non-claimlens SQLite file or a file that is not SQLite at all is
refused with a one-line message and left untouched. The refusals are tested through
the real command line: exit status 1, no traceback."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import sqlite_utils

import db.schema as schema
from db.connection import connect
from db.ingest import ingest_paths
from db.schema import SCHEMA_VERSION, SchemaError, user_version
from db.upgrade import clear_regroup_due, migrate, regroup_due
from tests.tui_fixtures import async_test

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


# --- a step that regroups claims and stories only marks it due ------------------------------


SENTINEL = "grouped before the upgrade"


def _schema_8_matched(path: Path) -> Path:
    """A matched database as schema 8 left it (the demo's two outlets on one event): no
    story pools, no due_work; a sentinel in every claim and story, which only a regroup
    (rebuilding them) removes."""
    from tui.demo import build_demo_db

    build_demo_db(path)
    conn = sqlite3.connect(path)
    for ddl in (
        "DROP TRIGGER stories_pool_ad",
        "DROP TABLE story_pools",
        "DROP TABLE due_work",
        f"UPDATE claims SET first_date = '{SENTINEL}'",
        f"UPDATE stories SET title = '{SENTINEL}'",
        "PRAGMA user_version = 8",
    ):
        conn.execute(ddl)
    conn.commit()
    assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] > 0
    assert conn.execute("SELECT count(*) FROM stories").fetchone()[0] > 0
    conn.close()
    return path


def _grouping(path: Path) -> dict[str, object]:
    """What tells grouped-before from regrouped: the sentinels, the profiles, the pools."""
    conn = sqlite3.connect(path)
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    out = {
        "claims": one("SELECT count(*) FROM claims"),
        "old_claims": one(f"SELECT count(*) FROM claims WHERE first_date = '{SENTINEL}'"),
        "stories": one("SELECT count(*) FROM stories"),
        "old_stories": one(f"SELECT count(*) FROM stories WHERE title = '{SENTINEL}'"),
        "profiles": one("SELECT count(*) FROM article_profiles"),
        "pools": one("SELECT count(*) FROM story_pools"),
        "articles": one("SELECT count(*) FROM articles"),
        # the regroup only (a database with articles has its speakers read again too)
        "due": conn.execute("SELECT job, since FROM due_work WHERE job = 'regroup'").fetchall(),
    }
    conn.close()
    return out


def test_an_upgrade_marks_the_regroup_due_and_the_command_does_it(tmp_path: Path) -> None:
    path = _schema_8_matched(tmp_path / "v8.db")
    conn = sqlite3.connect(path)
    before = {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("claims", "stories")
    }
    conn.close()
    db = connect(path)  # the upgrade: the steps only
    assert user_version(db) == SCHEMA_VERSION
    assert regroup_due(db)
    db.conn.close()
    upgraded = _grouping(path)
    # Nothing was regrouped: the old claims and stories stand, the step's drop of the
    # profiles too (a rebuild of the stories profiles every article and pools stories).
    assert upgraded["due"] == [("regroup", 9)]
    assert upgraded["old_claims"] == upgraded["claims"] == before["claims"]
    assert upgraded["old_stories"] == upgraded["stories"] == before["stories"]
    assert upgraded["profiles"] == upgraded["pools"] == 0

    result = claimlens("--db", str(path), "regroup")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("regrouped: "), result.stdout
    after = _grouping(path)
    assert after["due"] == []
    assert after["old_claims"] == after["old_stories"] == 0
    assert after["claims"] > 0 and after["stories"] > 0
    assert after["profiles"] == after["articles"]
    assert after["pools"] == after["stories"]

    again = claimlens("--db", str(path), "regroup", "--json")
    assert again.returncode == 0 and json.loads(again.stdout) == {"regrouped": False}


def test_readers_work_while_a_regroup_is_due_and_say_so(tmp_path: Path) -> None:
    path = _schema_8_matched(tmp_path / "v8.db")
    first = claimlens("--db", str(path), "stats", "--json")
    assert first.returncode == 0, first.stderr
    assert "then claims and stories are to be regrouped" in first.stderr
    assert json.loads(first.stdout)["regroup_due"] is True
    stats = claimlens("--db", str(path), "stats")
    stories = claimlens("--db", str(path), "stories", "--min-sources", "1")
    for shown in (stats, stories):
        assert shown.returncode == 0, shown.stderr
        assert "`claimlens regroup` regroups them" in shown.stdout
    assert SENTINEL in stories.stdout  # the old stories, as they were
    listed = json.loads(claimlens("--db", str(path), "stories", "--json").stdout)
    assert listed["regroup_due"] is True
    search = claimlens("--db", str(path), "search", "Umerov")
    assert search.returncode == 0 and "Umerov" in search.stdout
    check = claimlens("--db", str(path), "check", "--json")
    assert check.returncode == 0, check.stdout  # work to do, not damage
    pending = [(p["name"], p["command"]) for p in json.loads(check.stdout)["pending"]]
    # (and the seeds' articles, which give telling figures, wait to be keyed by them)
    assert pending == [
        ("matching:pending", "claimlens match --pending"),
        ("regroup:pending", "claimlens regroup"),
        # an upgrade past 15 reads every article's statements again, at the next match
        ("statements:pending", "claimlens match --pending"),
    ]
    assert _grouping(path)["due"] == [("regroup", 9)]  # reading did not regroup


def test_the_next_match_regroups_first(tmp_path: Path) -> None:
    path = _schema_8_matched(tmp_path / "v8.db")
    db = connect(path)
    assert regroup_due(db)
    third = tmp_path / "third.txt"  # a third outlet's report, matched at once
    third.write_text(SEED.read_text(encoding="utf-8") + "\nA third outlet adds this.\n")
    assert ingest_paths(db, [third], source="C").added == 1
    db.conn.close()
    after = _grouping(path)
    assert after["due"] == []
    assert after["old_claims"] == after["old_stories"] == 0
    assert after["profiles"] == after["articles"] == 3


def test_a_full_match_is_the_regroup(tmp_path: Path) -> None:
    from db.matching import match_all

    path = _schema_8_matched(tmp_path / "v8.db")
    db = connect(path)
    match_all(db)  # `claimlens match`: rebuilds every claim and story anyway
    db.conn.close()
    after = _grouping(path)
    assert after["due"] == [] and after["old_claims"] == after["old_stories"] == 0


def test_a_failed_regroup_leaves_it_due_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import db.regroup

    path = _schema_8_matched(tmp_path / "v8.db")
    connect(path).conn.close()
    upgraded = _grouping(path)

    def crash(conn: sqlite3.Connection) -> int:
        raise RuntimeError("killed mid-regroup, say")

    monkeypatch.setattr(db.regroup, "rebuild_stories", crash)
    with pytest.raises(RuntimeError, match="mid-regroup"):
        db.regroup.regroup(connect(path))
    assert _grouping(path) == upgraded  # claims were rebuilt before the crash: rolled back


def test_a_second_process_waits_and_finds_the_regroup_done(tmp_path: Path) -> None:
    from db.regroup import regroup

    path = _schema_8_matched(tmp_path / "v8.db")
    other = connect(path)  # the other process, holding the write lock as a regroup would
    other.conn.execute("BEGIN IMMEDIATE")
    waited = threading.Event()
    outcome: list[object] = []
    worker = threading.Thread(
        target=lambda: outcome.append(regroup(connect(path), on_wait=waited.set))
    )
    worker.start()
    assert waited.wait(timeout=60)  # it asked for the lock and was told to wait
    clear_regroup_due(other.conn)  # the other process's regroup ends
    other.conn.execute("COMMIT")
    worker.join(timeout=60)
    assert outcome == [None]  # nothing left to do: no second regroup
    assert _grouping(path)["old_stories"] > 0  # (this test's "regroup" changed no story)


@async_test
async def test_the_browser_regroups_in_the_background_with_a_notice(tmp_path: Path) -> None:
    from tests.tui_fixtures import settle
    from tui.app import make_app
    from tui.components.regroup_notice import RegroupNotice
    from tui.config import Config

    path = _schema_8_matched(tmp_path / "v8.db")
    app = make_app(path, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(600):  # until the notice is mounted (after the first screen)
            await pilot.pause()
            if app.main.query(RegroupNotice):
                break
        notice = app.main.query_one(RegroupNotice)
        # The first screen is there, the old stories listed, beside the notice.
        assert "regrouping stories…" in str(notice.render())
        assert app.main.articles.total > 0
        # The child process regroups; its end removes the notice and says so.
        for _ in range(600):
            if not app.main.query(RegroupNotice):
                break
            await pilot.pause(0.1)
        assert not app.main.query(RegroupNotice)
        await settle(pilot)
        assert any("regrouped" in str(n.message) for n in app._notifications)
    after = _grouping(path)
    assert after["due"] == [] and after["old_stories"] == 0


@async_test
async def test_the_browser_says_when_the_background_regroup_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.app import make_app
    from tui.components import regroup_notice
    from tui.config import Config

    # (the child's last line of stderr, told as it is but for a bidi override: a path or
    # an article's words in an error must not reverse the notice)
    failing = [sys.executable, "-c", "import sys; sys.exit('database is \u202elocked, say')"]
    monkeypatch.setattr(regroup_notice, "_CLI", failing)
    path = _schema_8_matched(tmp_path / "v8.db")
    app = make_app(path, config=Config())
    said = "regrouping stories failed: database is locked, say"
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(600):  # until the child has ended and its end is told
            await pilot.pause(0.1)
            if any(said in str(n.message) for n in app._notifications):
                break
        assert any(said in str(n.message) for n in app._notifications)
        assert not app.main.query(regroup_notice.RegroupNotice)
    assert _grouping(path)["due"] == [("regroup", 9)]  # still due, for the next time


def _v15_without_a_reported_speaker(tmp_path: Path, match: bool) -> Path:
    """A database as version 15 left it: "He said …" with no speaker (the step to 16
    leaves the speakers to read again)."""
    text = tmp_path / "wire.txt"
    text.write_text(
        "Budget deal reached\n\nSen. Mara Quill met reporters on Tuesday. He said the"
        " budget deal would keep the government open until March.\n",
        encoding="utf-8",
    )
    path = tmp_path / "v15.db"
    db = connect(path)
    ingest_paths(db, [text], source="Wire", match=match)
    db.execute("UPDATE statements SET speaker = NULL")
    db.execute("PRAGMA user_version = 15")
    db.conn.commit()
    db.conn.close()
    return path


def _reported_speakers(path: Path) -> list[str]:
    from db.statements_again import statements_due

    db = connect(path)
    assert not statements_due(db)
    return [r[0] for r in db.execute("SELECT speaker FROM statements WHERE speaker IS NOT NULL")]


def test_a_full_match_reads_the_speakers_again_first(tmp_path: Path) -> None:
    """`claimlens match` (the whole database) after the step to version 16: the stored
    speakers are read again before matching on them."""
    path = _v15_without_a_reported_speaker(tmp_path, match=False)
    done = claimlens("--db", str(path), "match")
    assert done.returncode == 0, done.stderr
    assert _reported_speakers(path) == ["Mara Quill"]


def test_check_lists_speakers_to_read_again_and_repair_reads_them(tmp_path: Path) -> None:
    path = _v15_without_a_reported_speaker(tmp_path, match=True)
    check = claimlens("--db", str(path), "check", "--json")
    assert check.returncode == 0, check.stdout  # work to do, not damage
    pending = [(p["name"], p["command"]) for p in json.loads(check.stdout)["pending"]]
    # (the step to version 20 places the stories again: a regroup due too; the step to
    # 40 matches "Sen." again, a title's abbreviation)
    assert pending == [
        ("matching:pending", "claimlens match --pending"),
        ("regroup:pending", "claimlens regroup"),
        ("statements:pending", "claimlens match --pending"),
    ]
    repaired = claimlens("--db", str(path), "check", "--repair", "--json")
    assert repaired.returncode == 0, repaired.stdout
    assert any(
        "speakers and numbers again" in line for line in json.loads(repaired.stdout)["repaired"]
    )
    assert _reported_speakers(path) == ["Mara Quill"]


def test_an_upgrade_from_19_places_the_stories_again(tmp_path: Path) -> None:
    # Version 20 reads names of Title Case headlines and starts stories from weak links
    # otherwise: the profiles of a version 19 database are made again, its stories
    # placed again.
    from tui.demo import build_demo_db

    path = tmp_path / "v19.db"
    build_demo_db(path)
    conn = sqlite3.connect(path)
    fresh = conn.execute("SELECT id, story_id FROM articles ORDER BY id").fetchall()
    conn.execute(f"UPDATE stories SET title = '{SENTINEL}'")
    conn.execute("PRAGMA user_version = 19")
    conn.commit()
    conn.close()
    db = connect(path)
    assert user_version(db) == SCHEMA_VERSION
    upgraded = _grouping(path)
    assert upgraded["due"] == [("regroup", 20)]
    assert upgraded["profiles"] == 0 and upgraded["old_stories"] == upgraded["stories"]
    db.conn.close()
    result = claimlens("--db", str(path), "regroup")
    assert result.returncode == 0, result.stderr
    after = _grouping(path)
    assert after["due"] == [] and after["old_stories"] == 0
    assert after["profiles"] == after["articles"]
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT id, story_id FROM articles ORDER BY id").fetchall() == fresh
    conn.close()
