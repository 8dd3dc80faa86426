"""A child process's stderr read as it comes, so a test can wait for a message
(shared by the tests that run the real CLI: interrupts, concurrent writers)."""

from __future__ import annotations

import subprocess
import threading
import time

# How long a step of a subprocess test may take before the test calls it hung: far
# beyond what any step needs even on a loaded machine (each waits on a condition).
HUNG = 300


class StderrWatch:
    """Reads a process's stderr as it comes, so a test can wait for a message."""

    def __init__(self, proc: subprocess.Popen[str]):
        self.lines: list[str] = []
        self.thread = threading.Thread(target=self._read, args=(proc.stderr,), daemon=True)
        self.thread.start()

    def _read(self, stream) -> None:  # type: ignore[no-untyped-def]
        for line in stream:
            self.lines.append(line)

    def _said(self, text: str) -> bool:
        return any(text in line for line in self.lines)

    def wait_for(self, text: str, timeout: float = HUNG) -> bool:
        """Wait until the process says ``text`` (True) or closes its stderr without
        saying it (False: it has ended)."""
        deadline = time.monotonic() + timeout
        while not self._said(text):
            if not self.thread.is_alive():
                return self._said(text)
            assert time.monotonic() < deadline, f"no {text!r} on stderr: {self.lines}"
            self.thread.join(timeout=0.02)
        return True

    def text(self) -> str:
        self.thread.join(timeout=30)
        return "".join(self.lines)
