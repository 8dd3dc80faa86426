"""The browser's notice of the regroup a schema upgrade left due, which it runs meanwhile.

When the browser opens a database whose claims and stories are due for a regroup
(:func:`db.upgrade.regroup_due`), it runs ``claimlens regroup`` in a child process and
shows "regrouping stories… N%" over the bottom border of the panes until it is done. A
child process, not a thread: the regroup is minutes of Python at 100 k articles, and in
this process it would hold the interpreter while the keys wait. The list shows the old
stories meanwhile (consistent rows, grouped the old way); when the child commits, the
main screen's live update reads them again. Quitting the browser leaves the child to
finish its one transaction (in a session of its own, so closing the terminal does not
stop it either); its reports then go nowhere.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from rich.text import Text
from textual.message import Message
from textual.widgets import Static

from db.showable import showable

# The command line of this claimlens, whatever way it was installed or started.
_CLI = [sys.executable, "-c", "from tui.cli import main; main()"]


class RegroupNotice(Static):
    """One line over the panes' bottom border (an overlay: the panes keep their size)
    while ``claimlens regroup`` runs on ``db_path``; removed when it ends."""

    DEFAULT_CSS = """
    RegroupNotice {
        overlay: screen;
        offset-y: -1;
        width: auto;
        height: 1;
        margin-left: 2;
        padding: 0 1;
        text-style: reverse bold;
    }
    """

    class Progress(Message):
        """How far the child is: a percentage, or None while it waits for another writer."""

        def __init__(self, percent: int | None) -> None:
            super().__init__()
            self.percent = percent

    class Ended(Message):
        """The child ended: its exit status and the last line it wrote to stderr."""

        def __init__(self, returncode: int, error: str) -> None:
            super().__init__()
            self.returncode = returncode
            self.error = error

    def __init__(self, db_path: Path) -> None:
        super().__init__(Text("regrouping stories…"), markup=False)
        self.db_path = db_path

    def on_mount(self) -> None:
        # A daemon thread, not a Textual worker: the browser must be able to quit while
        # the child is busy (a worker's thread is waited for on exit).
        threading.Thread(target=self._run, name="regroup", daemon=True).start()

    def _run(self) -> None:
        """In the thread: start the child, pass on each line it reports, then its end.
        ``post_message`` is safe from a thread, and a no-op once the browser has gone."""
        try:
            child = subprocess.Popen(
                [*_CLI, "--db", str(self.db_path), "regroup", "--progress-lines"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                start_new_session=True,
            )
        except OSError as exc:  # no process could be started (out of memory, say)
            self.post_message(self.Ended(-1, str(exc)))
            return
        assert child.stdout is not None and child.stderr is not None
        for line in child.stdout:
            word = line.strip()
            if word == "wait":
                self.post_message(self.Progress(None))
            elif word.isdigit():
                self.post_message(self.Progress(int(word)))
        error = child.stderr.read().strip().splitlines()
        self.post_message(self.Ended(child.wait(), error[-1] if error else ""))

    def on_regroup_notice_progress(self, event: Progress) -> None:
        if event.percent is None:
            self.update(Text("regroup waiting for another claimlens…"))
        else:
            self.update(Text(f"regrouping stories… {event.percent}%"))

    def on_regroup_notice_ended(self, event: Ended) -> None:
        if event.returncode == 0:
            self.notify("claims and stories regrouped", timeout=4, markup=False)
        else:
            self.notify(
                f"regrouping stories failed: {showable(event.error) or f'exit {event.returncode}'}"
                " — claimlens regroup does it from a shell",
                severity="error",
                timeout=10,
                markup=False,
            )
        self.remove()
