"""End to end (issue 15 item 1): the real ``claimlens ingest`` in a real terminal (tmux),
with its progress bar, killed with ``kill -9`` once its analysis workers run: none is left.

Needs tmux and /proc; skipped without them.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
from pathlib import Path

import pytest

from tests.test_e2e_tmux import Terminal
from tests.test_orphan_workers import _alive, _children, _folder, _wait

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None
    or not Path("/proc/self/stat").exists()
    or (os.cpu_count() or 1) < 2,
    reason="needs tmux, /proc and two cores",
)


def _ingest_pid(pidfile: Path) -> int | None:
    try:
        return int(pidfile.read_text())
    except (OSError, ValueError):
        return None


def test_kill_9_of_an_ingest_in_a_terminal_leaves_no_worker(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "in", 4000)
    pidfile = tmp_path / "ingest.pid"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TMUX", "NO_COLOR"))}
    env.update(TERM="xterm-256color", HOME=str(tmp_path), LANG="C.UTF-8", LC_ALL="C.UTF-8")
    # The ingest writes its own pid, so the test kills exactly that process; the shell
    # stays, as the user's does (its terminal does not hang up on the workers).
    script = (
        "import os, sys; open(sys.argv[1], 'w').write(str(os.getpid()));"
        " sys.argv = ['claimlens', *sys.argv[2:]]; from tui.cli import main; main()"
    )
    command = (
        f'cd {Path(__file__).parent.parent} && {sys.executable} -c "{script}"'
        f" {pidfile} --db {tmp_path / 'k.db'} ingest {folder} --no-match; sleep 120"
    )
    term = Terminal(f"claimlens-e2e-kill-{os.getpid()}", command, env)
    workers: list[int] = []
    try:
        term.wait_for("ingesting", timeout=60)  # the progress bar, on a real terminal
        assert _wait(lambda: _ingest_pid(pidfile) is not None, 30)
        pid = _ingest_pid(pidfile)
        assert pid is not None
        assert _wait(lambda: bool(_children(pid)), 120), term.screen()
        workers = _children(pid)
        os.kill(pid, signal.SIGKILL)
        _wait(lambda: not any(_alive(w) for w in workers), 30)  # a hang guard only
        assert [w for w in workers if _alive(w)] == []
    finally:
        term.close()
        for worker in workers:
            if _alive(worker):
                os.kill(worker, signal.SIGKILL)
