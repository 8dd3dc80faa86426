"""Concurrency: readers (separate processes, and ``claimlens search``) read while an
ingest writes, never see "database is locked" or any error, and see new articles as
soon as the writer commits them; two ingests at once serialise (the second says it is
waiting) and store every article exactly once."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlite_utils

from db.check import check_database
from db.connection import BULK_CACHE_KIB, big_cache, connect, transaction
from db.ingest import ingest_paths
from tests.process_watch import StderrWatch

CLI = [sys.executable, "-c", "from tui.cli import main; main()"]
N_FILES = 1500
WORDS = [
    *("minister", "council", "budget", "troops", "police", "market", "shares", "percent"),
    *("million", "city", "report", "government", "officials", "week", "year", "announced"),
]

# A reader process: searches in a loop until the stop file appears (then once more),
# and reports every article count it saw and every error it met.
READER = r"""
import json, os, sys, time
from db.connection import connect
from db.search import count, search
db = connect(sys.argv[1])
stop, seen, errors, latencies = sys.argv[2], [], [], []
deadline = time.monotonic() + 60
last = False
while time.monotonic() < deadline:
    last = os.path.exists(stop)
    started = time.monotonic()
    try:
        n = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        search(db, "minister budget", limit=10)
        count(db, "troops")
        seen.append(n)
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
    latencies.append(time.monotonic() - started)
    if last:
        break
    time.sleep(0.01)
print(json.dumps({"seen": seen, "errors": errors, "max_latency": max(latencies)}))
"""


def problems_but_pending(db: sqlite_utils.Database) -> list[str]:
    """What `claimlens check` finds, but for articles waiting for matching (--no-match)."""
    return [p.message for p in check_database(db).problems if p.name != "matching:pending"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = random.Random(7)
    root = tmp_path_factory.mktemp("corpus")
    for i in range(N_FILES):
        folder = root / f"part{i % 10}"
        folder.mkdir(exist_ok=True)
        words = " ".join(rng.choice(WORDS) for _ in range(12)).capitalize()
        (folder / f"s{i:05d}.txt").write_text(f"Story {i}\n\n{words} {i}. Second {i}.\n")
    return root


def start(*args: str, **kwargs) -> subprocess.Popen[str]:  # type: ignore[no-untyped-def]
    return subprocess.Popen(
        [*args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        **kwargs,
    )


def stop_all(procs: list[subprocess.Popen[str]]) -> None:
    for proc in procs:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)


def test_readers_never_fail_and_see_each_commit(corpus: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "rw.db"
    connect(db_path).conn.close()
    stop = tmp_path / "stop"
    readers = [start(sys.executable, "-c", READER, str(db_path), str(stop)) for _ in range(3)]
    writer = start(*CLI, "--db", str(db_path), "ingest", str(corpus), "--no-match", "--json")
    procs = [writer, *readers]
    try:
        cli_errors = []
        while writer.poll() is None:  # `claimlens search` processes while it writes
            result = subprocess.run(
                [*CLI, "--db", str(db_path), "search", "minister", "--json"],
                capture_output=True,
                text=True,
                timeout=60,
            )
            if result.returncode != 0 or result.stderr:
                cli_errors.append(result.stderr)
        out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert json.loads(out)["added"] == N_FILES
        stop.touch()
        reports = [json.loads(r.communicate(timeout=60)[0]) for r in readers]
    finally:
        stop_all(procs)
    assert cli_errors == []
    for report in reports:
        assert report["errors"] == []
        seen = report["seen"]
        assert seen == sorted(seen)  # never goes back
        assert seen[-1] == N_FILES  # sees everything once the writer has committed
    # At least one reader read while the ingest was half done.
    assert any(0 < n < N_FILES for r in reports for n in r["seen"])


def test_an_open_reader_sees_a_commit_in_its_next_query(tmp_path: Path) -> None:
    writer = connect(tmp_path / "v.db")
    reader = connect(tmp_path / "v.db")
    (tmp_path / "a.txt").write_text("First\n\nOne.")
    (tmp_path / "b.txt").write_text("Second\n\nTwo.")
    ingest_paths(writer, [tmp_path / "a.txt"], match=False)
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    # A read transaction in progress keeps its snapshot and does not block the writer...
    reader.conn.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    ingest_paths(writer, [tmp_path / "b.txt"], match=False)
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    reader.conn.execute("COMMIT")
    # ...and the next one sees the commit.
    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_second_writer_waits_with_a_message(corpus: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "wait.db"
    connect(db_path).conn.close()
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another claimlens is writing
    proc = start(*CLI, "--db", str(db_path), "ingest", str(corpus / "part0"), "--no-match")
    try:
        watch = StderrWatch(proc)
        watch.wait_for("another claimlens is writing to this database; waiting for it…")
        time.sleep(0.5)
        assert proc.poll() is None  # waiting, not failed
        holder.execute("COMMIT")
        proc.wait(timeout=60)
        out = proc.stdout.read()  # type: ignore[union-attr]
        err = watch.text()
    finally:
        holder.close()
        stop_all([proc])
    assert proc.returncode == 0, err
    assert err.count("another claimlens is writing to this database; waiting for it…") == 1
    assert f"{N_FILES // 10} added" in out


def test_on_wait_is_called_once_then_the_lock_is_taken(tmp_path: Path) -> None:
    db = connect(tmp_path / "w.db")
    other = connect(tmp_path / "w.db")
    other.conn.execute("BEGIN IMMEDIATE")
    calls = []

    def on_wait() -> None:
        calls.append(time.monotonic())
        other.conn.execute("COMMIT")  # the other writer finishes while we wait

    with transaction(db, on_wait=on_wait) as conn:
        conn.execute("INSERT INTO sources(name) VALUES ('x')")
    assert len(calls) == 1
    with transaction(db, on_wait=on_wait):
        pass
    assert len(calls) == 1  # no contention: no message


def test_two_ingests_at_once_store_every_article_once(corpus: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "two.db"
    connect(db_path).conn.close()
    first = [str(corpus / f"part{i}") for i in range(0, 6)]
    second = [str(corpus / f"part{i}") for i in range(3, 10)]
    procs = [
        start(*CLI, "--db", str(db_path), "ingest", *paths, "--no-match", "--json")
        for paths in (first, second)
    ]
    try:
        results = [p.communicate(timeout=120) for p in procs]
    finally:
        stop_all(procs)
    for proc, (_out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
    reports = [json.loads(out) for out, _err in results]
    # Parts 3-5 are in both: each of their articles was added by one and found
    # unchanged by the other.
    overlap = 3 * N_FILES // 10
    assert sum(r["added"] for r in reports) == N_FILES
    assert sum(r["unchanged"] for r in reports) == overlap
    db = connect(db_path)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == N_FILES
    assert db.execute("SELECT count(DISTINCT path) FROM articles").fetchone()[0] == N_FILES
    assert problems_but_pending(db) == []


def test_big_cache_is_set_for_the_block_then_put_back(tmp_path: Path) -> None:
    conn = connect(tmp_path / "cache.db").conn
    conn.execute("PRAGMA cache_size = -3000")
    with big_cache(conn):
        assert conn.execute("PRAGMA cache_size").fetchone()[0] == -BULK_CACHE_KIB
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == -3000
    with pytest.raises(RuntimeError), big_cache(conn):
        raise RuntimeError("the write failed")
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == -3000
