"""Time opening a database of an older schema (the upgrade), and the regroup it leaves due.

    python bench/bench_upgrade.py SOURCE.db COPY.db [--regroup] [--root CHECKOUT]

Copies SOURCE.db to COPY.db (SOURCE is never opened for writing), opens the copy with
``db.connection.connect`` as every command does (the schema's steps), and prints the wall
time and the CPU time of this process and of its worker processes. With ``--regroup``,
then does the regroup a step left due (``db.regroup.regroup``, what ``claimlens regroup``
runs) and prints each part's seconds. ``--root``: import the engine from another
checkout (the code before a change: a before/after pair on the same copy of SOURCE).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process, and of its ended children (the worker processes)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def _timed(label: str, work: Callable[[], T]) -> T:
    t, (cpu, kids) = time.monotonic(), _cpu()
    out = work()
    cpu2, kids2 = _cpu()
    print(
        f"{label}: {time.monotonic() - t:.1f} s wall, {cpu2 - cpu:.1f} s CPU,"
        f" {kids2 - kids:.1f} s CPU in worker processes",
        flush=True,
    )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("source", type=Path)
    ap.add_argument("copy", type=Path)
    ap.add_argument("--regroup", action="store_true", help="then regroup what is due")
    ap.add_argument("--root", type=Path, default=None, help="import the engine from here")
    args = ap.parse_args()
    if args.root is not None:
        sys.path.insert(0, str(args.root.resolve()))
    from db.connection import connect
    from db.schema import user_version

    for suffix in ("-wal", "-shm"):
        Path(str(args.copy) + suffix).unlink(missing_ok=True)
    shutil.copy(args.source, args.copy)
    if Path(str(args.source) + "-wal").exists():
        shutil.copy(str(args.source) + "-wal", str(args.copy) + "-wal")
    conn = sqlite3.connect(args.copy)
    before = user_version(conn)
    conn.close()
    db = _timed(f"open (upgrade from schema {before})", lambda: connect(args.copy))
    count = lambda table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: E731
    stories, profiles = count("stories"), count("article_profiles")
    print(f"schema {user_version(db)} | stories {stories} | profiles {profiles}", flush=True)
    if args.regroup:
        from db.regroup import regroup

        report = _timed("regroup", lambda: regroup(db))
        print(report.as_dict() if report is not None else "nothing was due", flush=True)
    print(f"max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
