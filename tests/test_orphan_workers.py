"""``kill -9`` of an ingest leaves no analysis worker behind (issue 15, item 1).

The real ``claimlens ingest`` runs on a folder big enough to start its worker pool;
once the workers exist, the ingest itself is killed with SIGKILL (it can clean up
nothing), and every worker must end by itself.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db import parent_watch

CLI = [sys.executable, "-c", "from tui.cli import main; main()"]

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists()
    or (os.cpu_count() or 1) < 2
    or "fork" not in multiprocessing.get_all_start_methods(),
    reason="needs /proc to find the workers, two cores for the pool, and fork",
)


def _stat(pid: int) -> tuple[str, int] | None:
    """(state, parent pid) of a process, or None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    return fields[0], int(fields[1])


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = _stat(int(entry.name))
            if stat is not None and stat[1] == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[0] not in ("Z", "X")  # a zombie has ended


def _wait(condition, timeout: float, step: float = 0.05) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


def _folder(folder: Path, n: int) -> Path:
    folder.mkdir()
    rng = random.Random(n)
    words = ["minister", "council", "budget", "harbour", "troops", "market", "shares"]
    for i in range(n):
        body = " ".join(rng.choice(words) for _ in range(40))
        (folder / f"s{i:05d}.txt").write_text(f"Story {i}\n\n{body.capitalize()} {i}.\n")
    return folder


def _kill_9_leaves_no_worker(command: list[str], what: str) -> None:
    """Start ``command``, wait for its worker processes, kill -9 it: none may outlive it."""
    proc = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, to clean up whatever is left
    )
    workers: list[int] = []
    try:
        started = _wait(lambda: bool(_children(proc.pid)) or proc.poll() is not None, 120)
        assert started and proc.poll() is None, f"the {what} ended before its workers started"
        workers = _children(proc.pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        # A hang guard, not a speed test: they end in well under a second.
        _wait(lambda: not any(_alive(w) for w in workers), 30)
        left = [w for w in workers if _alive(w)]
        assert left == [], f"workers still running after the {what} was killed: {left}"
    finally:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()


def test_kill_9_of_an_ingest_leaves_no_worker(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "in", 4000)
    _kill_9_leaves_no_worker(
        [*CLI, "--db", str(tmp_path / "k.db"), "ingest", str(folder), "--no-match", "-q"],
        "ingest",
    )


def test_a_worker_whose_parent_is_gone_ends_at_once() -> None:
    """The check made when the guard is set: the parent may die before it."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: pretend its parent is someone else
        os.close(read)
        try:
            parent_watch.end_with_parent(os.getppid() + 1_000_000)
        finally:
            os._exit(0)  # reached only if the guard did not end the process
    os.close(write)
    os.close(read)
    _pid, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == parent_watch.ORPHAN_EXIT


# The real `claimlens match`, changed in its own process before it starts: the parallel
# path on a small database, and each scoring job stalls in its worker (the kill must
# find the workers busy, as on a corpus that takes minutes to score).
STALLING_MATCH = [
    sys.executable,
    "-c",
    """
import time
import db.matching as matching
matching.PARALLEL_MIN_STATEMENTS = 0
matching.WORKERS = 2
real = matching._Pipeline.score
def stalling(self, lo, hi):
    time.sleep(600)
    return real(self, lo, hi)
matching._Pipeline.score = stalling
from tui.cli import main
main()
""",
]


def test_kill_9_of_a_match_leaves_no_worker(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "in", 40)
    db_path = tmp_path / "m.db"
    subprocess.run(
        [*CLI, "--db", str(db_path), "ingest", str(folder), "--no-match", "-q"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    _kill_9_leaves_no_worker([*STALLING_MATCH, "--db", str(db_path), "match"], "match")


def _sigterm_is_default() -> bool:
    return signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_a_worker_ends_on_terminate_whatever_handler_its_parent_set() -> None:
    """A pool worker forked from a process with a Python SIGTERM handler (claimlens follow
    has one) must still end on terminate(): one that lived on, blocked on the pool's queue,
    hung the pool's shutdown after a failed ingest."""
    import db.ingest as ingest_mod

    previous = signal.signal(signal.SIGTERM, lambda *_: None)
    try:
        ctx = multiprocessing.get_context("fork")
        init = ingest_mod._init_worker
        with ctx.Pool(1, initializer=init, initargs=(os.getpid(),)) as pool:
            assert pool.apply(_sigterm_is_default)
    finally:
        signal.signal(signal.SIGTERM, previous)
