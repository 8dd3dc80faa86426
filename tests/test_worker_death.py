"""An analysis worker that dies (OOM killer, a signal) stops the ingest cleanly, in process:
the batches committed before stay, the report says what happened, a rerun adds the rest."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
from pathlib import Path

import pytest

import db.ingest as ingest_mod
from db.check import check_database
from db.connection import connect
from db.ingest import ingest_paths

MARK = "Fatal-marker"  # the article whose analysis kills its worker

pytestmark = pytest.mark.skipif(
    (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods(),
    reason="the analysis pool needs two cores, and this test a forked worker",
)


def _dying_analyse(job: tuple[str, int]) -> object:
    # Runs in a forked pool worker (the patched module global is inherited): die like an
    # OOM kill. Never in the test's own process, should the article be analysed there.
    if MARK in job[0] and multiprocessing.parent_process() is not None:
        os.kill(os.getpid(), signal.SIGKILL)
    return ingest_mod.analyse_verified(*job)


def _folder(folder: Path, n: int, mark_at: int) -> Path:
    folder.mkdir()
    rng = random.Random(n)
    for i in range(n):
        words = " ".join(rng.choice(["budget", "council", "harbour", "troops"]) for _ in range(9))
        extra = f" {MARK}." if i == mark_at else ""
        (folder / f"s{i:04d}.txt").write_text(f"Story {i}\n\n{words.capitalize()} {i}.{extra}")
    return folder


def test_a_killed_worker_stops_the_ingest_and_a_rerun_adds_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = ingest_mod._analyse
    monkeypatch.setattr(ingest_mod, "BATCH_ARTICLES", 20)
    monkeypatch.setattr(ingest_mod, "_analyse", _dying_analyse)
    folder = _folder(tmp_path / "in", 200, mark_at=150)  # well past the first batch
    db = connect(tmp_path / "w.db")
    seen = []
    report = ingest_paths(db, [folder], match=False, on_reject=seen.append)
    assert report.error is not None
    assert "an analysis worker process was killed by SIGKILL" in report.error
    assert "run the same ingest again" in report.error
    assert seen == [report.rejected[-1]] and str(seen[0]).endswith(report.error)
    stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert report.added == stored and 0 < stored <= 150
    problems = [p for p in check_database(db).problems if p.name != "matching:pending"]
    assert problems == []
    monkeypatch.setattr(ingest_mod, "_analyse", real)
    again = ingest_paths(db, [folder], match=False)
    assert (again.added, again.unchanged, again.error) == (200 - stored, stored, None)


@pytest.mark.parametrize(
    ("codes", "said"),
    [
        ([1, -signal.SIGKILL], "killed by SIGKILL"),  # a survivor's status 1 is not the cause
        ([-signal.SIGTERM, -signal.SIGKILL], "killed by SIGKILL"),
        ([-signal.SIGTERM, 3], "exited with status 3"),
        ([-signal.SIGTERM], "killed by SIGTERM"),
    ],
)
def test_the_report_names_the_worker_death_that_broke_the_pool(codes: list[int], said: str) -> None:
    from types import SimpleNamespace

    workers = [SimpleNamespace(exitcode=c) for c in codes]
    assert said in ingest_mod._Writer.worker_death(SimpleNamespace(workers=workers))
