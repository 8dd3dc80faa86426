"""CPU seconds of each phase of a full match, in one process (no workers).

    python bench/bench_match_phases.py --db SCALE_DB [--copy /tmp/phases.db]

Runs ``db.matching.match_all`` on a copy of ``--db`` (a ``bench_match_scale.py build``
database) with ``matching.WORKERS = 1``, so that every phase runs in this process and
``time.process_time`` counts it: prepare (statements prepared and indexed), score (every
candidate pair, and the articles' heads read for their profiles), profile and link, and
each write step. CPU time moves less with other load on the machine than wall time does;
the parallel run's wall time is ``bench_match_scale.py full``'s. Prints one line a
phase, then the counts (the same in any tree that matches alike). Nothing here is a
test; figures go to BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db import matching
from db.connection import connect

WRITE_STEPS = (
    "_insert_matches",
    "_write_keys",
    "_write_counts",
    "rebuild_claims",
    "_matched_articles",
    "write_profiles",
    "rebuild_stories",
)


def _timed(cpu: dict[str, float], label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            cpu[label] = cpu.get(label, 0.0) + time.process_time() - started

    return run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--copy", type=Path, default=Path("/tmp/bench_match_phases.db"))
    args = ap.parse_args()
    shutil.copy(args.db, args.copy)
    for suffix in ("-wal", "-shm"):
        Path(f"{args.copy}{suffix}").unlink(missing_ok=True)
    matching.WORKERS = 1  # everything in this process: its CPU time is the phases'
    cpu: dict[str, float] = {}
    matching._prepare_into = _timed(cpu, "prepare", matching._prepare_into)
    pipeline = matching._Pipeline
    pipeline.score = _timed(cpu, "score", pipeline.score)  # type: ignore[method-assign]
    apart = matching._Apart
    apart.result = _timed(cpu, "profile and link", apart.result)  # type: ignore[method-assign]
    for name in WRITE_STEPS:
        setattr(matching, name, _timed(cpu, f"write: {name}", getattr(matching, name)))
    db = connect(args.copy)
    started = time.process_time()
    report = matching.match_all(db)
    total = time.process_time() - started
    for label, seconds in cpu.items():
        print(f"{label}: {seconds:.1f} s")
    print(f"total: {total:.1f} s CPU")
    counts = ("candidates", "same", "conflict", "related", "claims", "stories")
    print({key: getattr(report, key) for key in counts})


if __name__ == "__main__":
    main()
