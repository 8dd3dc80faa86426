"""The CLI tests' shared fixture: ``run`` invokes ``claimlens --db TMP/cli.db ARGS``.

Import it into a test module with ``from tests.cli_fixtures import *`` (pytest then finds
the fixture there); :data:`SEED_A` and :data:`SEED_B` are two of the shipped samples.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli import main

__all__ = ["run"]

SEEDS = Path(__file__).parent.parent / "tui" / "samples"
SEED_A = str(SEEDS / "000_dd9f0b5d2f8810a6.txt")
SEED_B = str(SEEDS / "004_30c3ae78e6307b4b.txt")

Run = Callable[..., str]


@pytest.fixture
def run(tmp_path: Path) -> Run:
    """``run(*args, code=0)``: the output of one command; asserts its exit code unless
    ``code`` is ``None``."""
    runner = CliRunner()
    db = str(tmp_path / "cli.db")

    def invoke(*args: str, code: int | None = 0) -> str:
        result = runner.invoke(main, ["--db", db, *args], catch_exceptions=False)
        if code is not None:
            assert result.exit_code == code, result.output
        return result.output

    return invoke


def ingest_seeds(run: Run, source_a: str, source_b: str) -> Run:
    """Ingest :data:`SEED_A` as ``source_a`` and :data:`SEED_B` as ``source_b``."""
    run("ingest", SEED_A, "--source", source_a)
    run("ingest", SEED_B, "--source", source_b)
    return run
