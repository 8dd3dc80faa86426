"""End to end: the real ``claimlens demo`` in a real terminal (tmux, 80x24, xterm-256color).

Needs tmux (Debian: ``apt-get install -y tmux``); skipped without it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (apt-get install tmux)")


class Terminal:
    """A tmux server of our own (its own socket), one 80x24 window running a command."""

    def __init__(self, socket: str, command: str, env: dict[str, str]) -> None:
        self.socket = socket
        self.env = env
        self._tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", "e2e", command, check=True)

    def _tmux(self, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
        assert TMUX is not None
        return subprocess.run(
            [TMUX, "-L", self.socket, *args],
            capture_output=True,
            text=True,
            env=self.env,
            check=check,
            timeout=30,
        )

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "e2e").stdout

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "e2e", *keys, check=True)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{screen}")

    def close(self) -> None:
        self._tmux("kill-server")


@pytest.fixture(
    params=[
        pytest.param({"TERM": "xterm-256color"}, id="xterm-256color"),
        pytest.param({"TERM": "screen", "NO_COLOR": "1"}, id="screen-NO_COLOR"),
    ]
)
def terminal(tmp_path: Path, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TMUX", "TEXTUAL", "NO_COLOR"))}
    env.update(
        TERM="xterm-256color",
        CLAIMLENS_CONFIG=str(tmp_path / "no-config.toml"),
        HOME=str(tmp_path),
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
    )
    script = "from tui.cli import main; main()"
    # tmux sets TERM=screen in its panes; the app is run with the TERM under test.
    app_env = " ".join(f"{k}={v}" for k, v in request.param.items())
    command = (
        f"cd {Path(__file__).parent.parent} && env {app_env} {sys.executable} -c '{script}' demo;"
        " echo claimlens-exited-$?; sleep 60"
    )
    term = Terminal(f"claimlens-e2e-{os.getpid()}-{request.param_index}", command, env)
    try:
        yield term
    finally:
        term.close()


def test_demo_in_a_real_terminal(terminal: Terminal) -> None:
    screen = terminal.wait_for("Ukraine says it fought N Korean troops")
    assert "Source A" in screen and "Source B" in screen
    # The header counts the articles in a worker ("counting articles…" until then).
    screen = terminal.wait_for("2 articles")
    lines = screen.splitlines()
    assert len(lines) <= 24 and all(len(line) <= 80 for line in lines)

    time.sleep(1.0)  # let the app finish starting up (terminal queries) before typing
    terminal.keys("Enter")  # open the first article: the text with the claims under it
    screen = terminal.wait_for("Claims ·")
    assert "Source B ·" not in screen  # 80 columns: the text replaces the list
    assert "· statement 0  (0–21)" in screen and "▶" in screen

    terminal.keys("j", "j")  # the statement cursor moves sentence by sentence
    screen = terminal.wait_for("· statement 2  (0–21)")
    assert "In an interview with South Korean broadcaster KBS" in screen

    # ] goes to the next statement another source also reports: the claim panel
    # shows that source's statement.
    terminal.keys("]")
    screen = terminal.wait_for("Source B ·")
    assert "match" in screen and ("SAME" in screen or "CONFLICT" in screen)

    # Search, typed in one go as a person types (or pastes): no key is lost.
    terminal.keys("/Pyongyang")
    screen = terminal.wait_for("best first")
    assert "words  Pyongyang" in screen
    terminal.keys("Enter")
    screen = terminal.wait_for("hit 1/")
    assert "Pyongyang" in screen

    terminal.keys("q")
    terminal.wait_for("claimlens-exited-0")


def test_claim_panel_reads_to_the_end_and_takes_the_whole_height(terminal: Terminal) -> None:
    """Issue 15 item 8: at 80x24 the claim panel is reached, scrolled and enlarged by keys."""
    terminal.wait_for("Ukraine says it fought N Korean troops")
    time.sleep(1.0)
    terminal.keys("Enter")
    terminal.wait_for("Claims ·")
    terminal.keys("]")  # the next statement another source reports
    screen = terminal.wait_for("Source B ·")
    claims_row = next(i for i, line in enumerate(screen.splitlines()) if "Claims ·" in line)
    assert claims_row > 5  # under the text
    terminal.keys("Tab")  # focus the 7-row panel: its match does not fit
    time.sleep(0.5)
    before = terminal.screen()
    terminal.keys("j", "j", "space")  # read on: the panel scrolls by keys
    deadline = time.monotonic() + 10
    while terminal.screen() == before and time.monotonic() < deadline:
        time.sleep(0.1)
    assert terminal.screen() != before
    terminal.keys("c")  # the claims alone, the whole height
    screen = terminal.wait_for("c: back")
    lines = screen.splitlines()
    assert "Claims ·" in lines[1]  # right under the status line: the text is gone
    assert "Source B ·" in screen and "─ Text ─" not in screen
    terminal.keys("c")  # and back under the text
    screen = terminal.wait_for("c: alone")
    assert "Text" in screen.splitlines()[1]
    terminal.keys("q")
    terminal.wait_for("claimlens-exited-0")
