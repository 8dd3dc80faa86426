"""Regrouping every claim and story from the matches, when a schema step left it due.

:func:`db.upgrade.migrate` only marks the regroup due (:func:`db.upgrade.regroup_due`);
it is done here, by whichever comes first: the next match (:func:`db.matching.match_articles`
regroups instead of placing its articles, from the matches it has just written, so that an
article a schema step read again is placed as a fresh ingest places it;
:func:`db.matching.match_all` rebuilds anyway),
``claimlens regroup``, or the browser, in a child process, when it opens such a database.

The whole regroup is one IMMEDIATE transaction, the write lock taken before anything is
read: two processes never regroup at once (the second waits for the lock, then finds
nothing due), a reader sees the old claims and stories or the new ones, never a mix, and a
crash or Ctrl-C mid-regroup rolls back, leaving the mark set.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from db.claims import rebuild_claims
from db.connection import transaction
from db.stories import STORY_WINDOW_DAYS, profile_articles, rebuild_stories
from db.upgrade import clear_regroup_due, regroup_due

if TYPE_CHECKING:
    import sqlite3

    import sqlite_utils

__all__ = ["STAGE", "RegroupReport", "regroup", "regroup_in"]

Progress = Callable[[str, int, int], None]  # (stage, done, total), as db.matching's

STAGE = "regrouping claims and stories"
# Where each part ends, in percent of the whole: its share of the wall time at 106 k
# articles after the schema 9 step (claims 45 s, profiles 566 s, stories 90 s of 701 s;
# BENCHMARKS.md, "Regrouping after an upgrade"). The parts report nothing inside
# themselves, so the percentage moves at these points only.
_CLAIMS_END = 6
_PROFILES_END = 87


@dataclass
class RegroupReport:
    claims: int = 0
    stories: int = 0
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # part -> seconds

    def as_dict(self) -> dict[str, object]:
        return {
            "claims": self.claims,
            "stories": self.stories,
            "seconds": round(self.seconds, 3),
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
        }


def regroup(
    db: sqlite_utils.Database,
    *,
    progress: Progress | None = None,
    on_wait: Callable[[], None] | None = None,
) -> RegroupReport | None:
    """Regroup every claim and story if a schema step left it due; ``None`` if nothing
    was due (or another process did it while this one waited for the write lock).
    ``on_wait`` is called once if another process is writing, before waiting for it."""
    if not regroup_due(db):  # the common case: no write lock taken
        return None
    with transaction(db, on_wait=on_wait) as conn:
        if not regroup_due(conn):
            return None
        return regroup_in(conn, progress)


def regroup_in(conn: sqlite3.Connection, progress: Progress | None = None) -> RegroupReport:
    """Regroup every claim and story from the matches and clear the mark, inside the
    caller's transaction."""
    t0 = time.monotonic()
    report = RegroupReport()
    if progress is not None:
        progress(STAGE, 0, 100)
    with _part(report, "claims", _CLAIMS_END, progress):
        report.claims = rebuild_claims(conn)
    # Profiling every article that has no profile (all of them after a step that dropped
    # the profiles) is much of a story rebuild: done apart, to say how far along it is.
    with _part(report, "profiles", _PROFILES_END, progress):
        profile_articles(conn, None, STORY_WINDOW_DAYS)
    with _part(report, "stories", 100, progress):
        report.stories = rebuild_stories(conn)
    clear_regroup_due(conn)
    report.seconds = time.monotonic() - t0
    return report


@contextmanager
def _part(report: RegroupReport, name: str, end: int, progress: Progress | None) -> Iterator[None]:
    """Time one part of the regroup; then say it is ``end`` percent done."""
    t = time.monotonic()
    yield
    report.timings[name] = time.monotonic() - t
    if progress is not None:
        progress(STAGE, end, 100)
