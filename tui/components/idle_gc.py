"""Full garbage collections while the keys pause, not in the middle of a key press.

Python's collector walks every tracked object that lived long enough (its oldest
generation) every few hundred young collections. Start-up's objects (the stylesheet, the
widgets, Textual's caches: ~90 k) are frozen out of its sight once the first screen is
drawn, but a browsing session keeps making long-lived ones (list pages, article and
claim views, drawn lines), and a full pass over them inside a key press took 20-110 ms
(18 passes over ~250 keys of ``bench_tui.py keys`` at 160x48: the slowest presses).

Here the automatic full passes are switched off (the young generations are collected as
usual) and a timer runs one once the keys have paused for ``IDLE_AFTER`` seconds, or, if
keys keep coming for long, after ``MAX_YOUNG`` young collections (memory stays bounded).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

IDLE_AFTER = 1.0  # s without a key before a full collection
CHECK_EVERY = 0.5  # s between looks
MAX_YOUNG = 400  # young (generation 1) collections after which one runs all the same
NEVER = 1_000_000  # a threshold the oldest generation's count never reaches


class IdleCollector:
    """Full collections when the keys pause (see the module's docstring)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.last_key = clock()
        self.collections = 0  # the full collections run here
        self._thresholds: tuple[int, int, int] | None = None
        self._young_at_full = 0

    @staticmethod
    def _young() -> int:
        return int(gc.get_stats()[1]["collections"])

    def start(self) -> None:
        """Freeze what exists now (start-up's objects) and stop automatic full passes."""
        gc.freeze()
        self._thresholds = gc.get_threshold()
        young, middle, _ = self._thresholds
        gc.set_threshold(young, middle, NEVER)
        self._young_at_full = self._young()

    def stop(self) -> None:
        """Back to Python's own collection (an app run in a longer process: the tests)."""
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None
        gc.unfreeze()

    def key(self) -> None:
        """A key was pressed."""
        self.last_key = self.clock()

    def tick(self) -> bool:
        """Collect fully if the keys paused (or kept coming for long) and young collections
        ran since the last full one; whether it collected."""
        if self._thresholds is None:
            return False
        pending = self._young() - self._young_at_full
        idle = self.clock() - self.last_key >= IDLE_AFTER
        if pending <= 0 or not (idle or pending >= MAX_YOUNG):
            return False
        gc.collect()
        self.collections += 1
        self._young_at_full = self._young()
        return True
