"""Interruption: ``kill -9`` at a random point leaves a consistent database that the same
ingest then completes without duplicates; Ctrl-C exits 130 with an exact summary.

The subprocess tests run the real ``claimlens ingest`` on a generated folder of a few
thousand small articles. The kill -9 test's random delays are seeded from the test's own
random generator and printed, so a failure can be replayed. The Ctrl-C tests send the
signal in a state, not after a delay: the ingest held at a commit by a write lock the
test holds (on a loaded machine a delay proves nothing: the ingest may have finished,
or not started, by the time the signal comes).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlite_utils

import db.ingest as ingest_mod
from db.check import check_database
from db.connection import BUSY_TIMEOUT_MS, connect
from db.ingest import ingest_paths
from db.statements import analyse
from tests.db_helpers import interrupt_read_at
from tests.process_watch import HUNG, StderrWatch

N_FILES = 1600
N_JSONL = 400
TOTAL = N_FILES + N_JSONL
CLI = [sys.executable, "-c", "from tui.cli import main; main()"]
WORDS = [
    *("minister", "council", "budget", "troops", "police", "market", "shares", "percent"),
    *("million", "city", "report", "government", "officials", "week", "year", "announced"),
    *("plan", "harbour", "bridge", "court", "election"),
]


def problems_but_pending(db: sqlite_utils.Database) -> list[str]:
    """What `claimlens check` finds, but for articles waiting for matching (--no-match)."""
    return [p.message for p in check_database(db).problems if p.name != "matching:pending"]


# What an ingest says on stderr when another process holds the write lock.
WAITING = "another claimlens is writing to this database; waiting for it"


def _sentence(rng: random.Random) -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14)))
    return f"{words.capitalize()} {rng.randint(1, 99_999)}."


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """TOTAL small articles: text files in ten folders, and one JSON Lines file."""
    rng = random.Random(20240611)
    root = tmp_path_factory.mktemp("corpus")
    for i in range(N_FILES):
        folder = root / f"part{i % 10}"
        folder.mkdir(exist_ok=True)
        body = _sentence(rng) + "\n\n" + _sentence(rng)
        (folder / f"story{i:05d}.txt").write_text(f"Story {i} headline\n\n{body}\n")
    with (root / "wire.jsonl").open("w") as f:
        for i in range(N_JSONL):
            text = " ".join(_sentence(rng) for _ in range(2))
            f.write(json.dumps({"id": f"w{i}", "title": f"Wire {i}", "text": text}) + "\n")
    return root


def start_ingest(db_path: Path, folder: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*CLI, "--db", str(db_path), "ingest", str(folder), "--no-match", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the pool workers go with it
    )


def articles_in(db_path: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0  # not created yet


def wait_for_articles(db_path: Path, proc: subprocess.Popen[str], at_least: int = 1) -> int:
    deadline = time.monotonic() + HUNG
    while time.monotonic() < deadline and proc.poll() is None:
        n = articles_in(db_path)
        if n >= at_least:
            return n
        time.sleep(0.02)
    raise AssertionError(f"no article committed in time (exit {proc.poll()})")


def kill_group(proc: subprocess.Popen[str]) -> None:
    """SIGKILL what is left of the process group we started (pool workers)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)


def assert_consistent(db_path: Path) -> int:
    """Everything `claimlens check` verifies, and that each stored article has exactly
    the statements its text yields: no article is half there. Returns the count."""
    db = connect(db_path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert problems_but_pending(db) == []  # matching is not run here (--no-match)
        counts = dict(db.execute("SELECT article_id, count(*) FROM statements GROUP BY article_id"))
        n = 0
        for article_id, text, body_start in db.execute("SELECT id, text, body_start FROM articles"):
            assert counts.get(article_id, 0) == len(analyse(text, body_start)), article_id
            n += 1
        duplicates = db.execute(
            "SELECT count(*) FROM (SELECT text FROM articles GROUP BY text HAVING count(*) > 1)"
        ).fetchone()[0]
        assert duplicates == 0
        return n
    finally:
        db.conn.close()


def test_kill_9_at_random_points_then_rerun_completes(corpus: Path, tmp_path: Path) -> None:
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    print(f"random seed {seed}")
    db_path = tmp_path / "killed.db"
    saved = 0
    for _attempt in range(2):
        proc = start_ingest(db_path, corpus, "--quiet")
        try:
            wait_for_articles(db_path, proc, at_least=saved + 1)
            time.sleep(rng.uniform(0.0, 0.6))
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
        finally:
            kill_group(proc)
            proc.communicate()
        stored = assert_consistent(db_path)
        print(f"killed with {stored} of {TOTAL} articles stored")
        assert stored >= saved
        saved = stored
        if saved == TOTAL:
            break  # a fast machine finished before the kill: nothing left to interrupt
    proc = start_ingest(db_path, corpus, "--json")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    report = json.loads(out)
    assert report["added"] == TOTAL - saved
    assert report["unchanged"] == saved
    assert report["replaced"] == 0 and report["rejected"] == 0
    assert assert_consistent(db_path) == TOTAL


def test_ctrl_c_exits_130_with_an_exact_summary_and_rerun_completes(
    corpus: Path, tmp_path: Path
) -> None:
    """Ctrl-C once some batches are saved, the next analysed, the pool busy: exit 130,
    the summary says exactly what was saved, and the same ingest then adds the rest."""
    for attempt in range(3):
        db_path = tmp_path / f"sigint{attempt}.db"
        proc = start_ingest(db_path, corpus)
        watch = StderrWatch(proc)
        holder: sqlite3.Connection | None = None
        try:
            wait_for_articles(db_path, proc)  # a batch is saved
            # The write lock, taken once a commit in progress ends: the ingest's next
            # commit waits for it, and says so; only an ingest that had saved every
            # batch before the lock was taken ends instead (a starved test process).
            holder = sqlite3.connect(db_path, isolation_level=None, timeout=HUNG)
            holder.execute("BEGIN IMMEDIATE")
            held = watch.wait_for(WAITING)
            if held:
                proc.send_signal(signal.SIGINT)
            proc.wait(timeout=HUNG)
            out = proc.stdout.read()  # type: ignore[union-attr]
            err = watch.text()
        finally:
            if holder is not None:
                if holder.in_transaction:
                    holder.execute("ROLLBACK")
                holder.close()
            kill_group(proc)
        if held:
            break
        print(f"attempt {attempt}: the ingest ended before the lock was taken ({err!r})")
    else:
        pytest.fail("the ingest ended before the test could hold it at a commit, 3 times")
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    summary = re.search(r"interrupted — saved so far: (\d+) added, 0 replaced", out)
    assert summary, out
    stored = assert_consistent(db_path)
    assert int(summary.group(1)) == stored  # the summary says exactly what was saved
    assert 0 < stored < TOTAL
    proc = start_ingest(db_path, corpus, "--json")
    out, err = proc.communicate(timeout=HUNG)
    assert proc.returncode == 0, err
    report = json.loads(out)
    assert (report["added"], report["unchanged"]) == (TOTAL - stored, stored)
    assert assert_consistent(db_path) == TOTAL


def test_ctrl_c_while_waiting_for_another_writer_is_prompt(corpus: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "locked.db"
    connect(db_path).conn.close()
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock, to the end
    try:
        proc = start_ingest(db_path, corpus / "part2")
        watch = StderrWatch(proc)
        assert watch.wait_for(WAITING)
        proc.send_signal(signal.SIGINT)
        # Prompt: it ends while the lock is still held. A wait deaf to Ctrl-C would end
        # only when SQLite's busy timeout ran out: half of it is the bound for a hang.
        proc.wait(timeout=BUSY_TIMEOUT_MS / 1000 / 2)
        out = proc.stdout.read()  # type: ignore[union-attr]
        err = watch.text()
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        kill_group(proc)
    assert proc.returncode == 130, err
    assert "interrupted — saved so far: 0 added" in out


# --- in-process: where exactly the interruption lands ------------------------------------------


def _small_folder(folder: Path, n: int) -> Path:
    folder.mkdir()
    rng = random.Random(n)
    for i in range(n):
        (folder / f"s{i:04d}.txt").write_text(f"Story {i}\n\n{_sentence(rng)} {_sentence(rng)}")
    return folder


def test_keyboard_interrupt_keeps_committed_batches_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest_mod, "BATCH_ARTICLES", 10)
    folder = _small_folder(tmp_path / "in", 45)
    real = interrupt_read_at(monkeypatch, 33)
    db = connect(tmp_path / "ki.db")
    report = ingest_paths(db, [folder], match=False)
    assert report.interrupted
    stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert report.added == stored and 0 < stored < 33
    assert problems_but_pending(db) == []
    monkeypatch.setattr(ingest_mod, "read_file", real)
    again = ingest_paths(db, [folder], match=False)
    assert (again.added, again.unchanged) == (45 - stored, stored)


@pytest.mark.skipif(
    threading.current_thread() is not threading.main_thread()
    or signal.getsignal(signal.SIGINT) is not signal.default_int_handler,
    reason="needs Python's own Ctrl-C handler in the main thread",
)
def test_ctrl_c_during_a_commit_lets_the_commit_finish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest_mod, "BATCH_ARTICLES", 10)
    folder = _small_folder(tmp_path / "in", 35)
    real = ingest_mod.write_statements
    calls = {"n": 0}

    def write_then_ctrl_c(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 13:  # the 3rd article of the second batch, inside its transaction
            signal.raise_signal(signal.SIGINT)
        return real(*args, **kwargs)

    monkeypatch.setattr(ingest_mod, "write_statements", write_then_ctrl_c)
    db: sqlite_utils.Database = connect(tmp_path / "c.db")
    report = ingest_paths(db, [folder], match=False)
    assert report.interrupted
    # The batch being committed when Ctrl-C came is saved whole, and counted.
    assert report.added == 20 == db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert problems_but_pending(db) == []
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_disk_full_stops_the_ingest_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest_mod, "BATCH_ARTICLES", 10)
    folder = _small_folder(tmp_path / "in", 200)
    db = connect(tmp_path / "full.db")
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages + 12}")  # the disk fills up after a while
    seen = []
    report = ingest_paths(db, [folder], match=False, on_reject=seen.append)
    assert report.error is not None and "database or disk is full" in report.error
    assert seen == [report.rejected[-1]]
    assert str(seen[0]).startswith(f"{tmp_path / 'full.db'}: cannot write to the database")
    stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert report.added == stored and 0 < stored < 200
    db.execute("PRAGMA max_page_count = 1073741823")  # space again: the rerun completes
    assert problems_but_pending(db) == []
    again = ingest_paths(db, [folder], match=False)
    assert (again.added, again.error) == (200 - stored, None)


# --- a killed analysis worker ----------------------------------------------------------------

# The real CLI, with two things changed in its own process before it starts: small batches
# (so the pool starts early), and the analysis of one marked article stalls in its worker
# after writing the worker's pid, standing in for a worker the OOM killer picks mid-batch.
STALLING_CLI = [
    sys.executable,
    "-c",
    """
import os, sys, time
import db.ingest as ingest
real = ingest._analyse
def stalling(job):
    if "Stall-marker" in job[0]:
        with open(os.environ["CLAIMLENS_TEST_PIDFILE"], "w") as f:
            f.write(str(os.getpid()))
        time.sleep(600)
    return real(job)
ingest._analyse = stalling
ingest.BATCH_ARTICLES = 25
from tui.cli import main
main()
""",
]


def _read_pid(pidfile: Path, proc: subprocess.Popen[str]) -> int:
    deadline = time.monotonic() + 60
    while not (pidfile.exists() and pidfile.read_text().strip()):
        assert proc.poll() is None, f"ingest ended first (exit {proc.returncode})"
        assert time.monotonic() < deadline, "the marked article never reached a worker"
        time.sleep(0.02)
    return int(pidfile.read_text())


def _check_json(db_path: Path) -> dict[str, object]:
    done = subprocess.run(
        [*CLI, "--db", str(db_path), "check", "--json"], capture_output=True, text=True, timeout=120
    )
    return json.loads(done.stdout)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="the analysis pool needs two cores")
def test_a_killed_analysis_worker_ends_the_ingest_with_an_error(tmp_path: Path) -> None:
    folder = _small_folder(tmp_path / "in", 300)
    marked = folder / "s0200.txt"
    marked.write_text(marked.read_text() + " Stall-marker.")
    db_path, pidfile = tmp_path / "w.db", tmp_path / "worker.pid"
    proc = subprocess.Popen(
        [*STALLING_CLI, "--db", str(db_path), "ingest", str(folder), "--no-match"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env={**os.environ, "CLAIMLENS_TEST_PIDFILE": str(pidfile)},
    )
    try:
        worker = _read_pid(pidfile, proc)
        assert worker != proc.pid  # a pool worker, not the ingest itself
        os.kill(worker, signal.SIGKILL)
        out, err = proc.communicate(timeout=120)  # a hang guard only: it ends in a moment
    finally:
        kill_group(proc)
    assert proc.returncode == 1, err
    assert "Traceback" not in err
    assert "an analysis worker process was killed by SIGKILL" in err
    assert "run the same ingest again" in err
    stored = assert_consistent(db_path)
    assert 0 < stored <= 200
    summary = re.search(r"stopped — saved so far: (\d+) added", out)
    assert summary and int(summary.group(1)) == stored, out
    report = _check_json(db_path)
    assert [p["name"] for p in report["problems"]] in ([], ["matching:pending"])  # type: ignore[index, union-attr]
    # The rerun (the real CLI, nothing stalls) adds exactly what was not saved.
    again = subprocess.run(
        [*CLI, "--db", str(db_path), "ingest", str(folder), "--no-match", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert again.returncode == 0, again.stderr
    rerun = json.loads(again.stdout)
    assert (rerun["added"], rerun["unchanged"], rerun["error"]) == (300 - stored, stored, None)
    assert assert_consistent(db_path) == 300
