"""Building millions of small objects at once (a full match, profiling every article)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["bulk"]


@contextmanager
def bulk() -> Iterator[None]:
    """No cyclic GC while millions of small objects are built (its passes over them
    dominate otherwise; nothing built here makes cycles). Workers forked meanwhile
    inherit this, so they do not copy every page the collector would touch."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
