"""Full garbage collections run while the keys pause (tui.components.idle_gc)."""

from __future__ import annotations

import gc

from tui.components.idle_gc import IDLE_AFTER, MAX_YOUNG, NEVER, IdleCollector


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def young_collections(n: int) -> None:
    for _ in range(n):
        gc.collect(1)


def test_full_collections_wait_for_the_keys_to_pause() -> None:
    before = gc.get_threshold()
    clock = Clock()
    collector = IdleCollector(clock)
    collector.start()
    try:
        assert gc.get_threshold()[2] == NEVER  # no automatic full pass
        assert gc.get_threshold()[:2] == before[:2]  # the young ones as usual
        assert not collector.tick()  # nothing collected since start: nothing to do
        young_collections(3)
        collector.key()
        clock.now += IDLE_AFTER / 2
        assert not collector.tick()  # keys still coming
        clock.now += IDLE_AFTER
        assert collector.tick() and collector.collections == 1  # paused: collected
        assert not collector.tick()  # and not again until more was made
        young_collections(MAX_YOUNG)
        collector.key()
        assert collector.tick()  # keys kept coming for long: collected all the same
    finally:
        collector.stop()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
