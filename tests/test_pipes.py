"""Output read by a pipe that closes early (``claimlens show 1 | head``): the command
ends quietly, exit 0, text or ``--json`` alike; no traceback, no "Exception ignored"."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli import main

CLI = [sys.executable, "-c", "from tui.cli import main; main()"]


@pytest.fixture(scope="module")
def long_article_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pipes")
    sentences = " ".join(
        f"The council said the harbour budget rose by {i} million pounds this year."
        for i in range(3000)
    )  # ~220 KB: more than a pipe's buffer holds
    (folder / "long.txt").write_text("A long article\n\n" + sentences + "\n", encoding="utf-8")
    db = folder / "pipes.db"
    result = CliRunner().invoke(
        main, ["--db", str(db), "ingest", "--no-match", "-q", str(folder / "long.txt")]
    )
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize("args", [["show", "1"], ["show", "1", "--json"]])
def test_a_reader_that_stops_early_ends_the_command_quietly_with_exit_0(
    long_article_db: Path, args: list[str]
) -> None:
    proc = subprocess.Popen(
        [*CLI, "--db", str(long_article_db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(100)  # as `| head -c 100` does, then close
    proc.stdout.close()
    code = proc.wait(timeout=60)
    err = proc.stderr.read().decode()
    assert code == 0, err
    assert err == ""
