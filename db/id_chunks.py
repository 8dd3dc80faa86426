"""Binding lists of ids in chunks: ``... WHERE id IN (?,?,...)`` for any number of ids.

A leaf module (it imports nothing of claimlens), so every part of the engine can
use it without import cycles.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

__all__ = ["ID_CHUNK", "id_chunks"]

# SQLite caps the host parameters of one statement (999 before 3.32): lists of ids
# are bound in chunks of this many (a statement may bind a chunk twice).
ID_CHUNK = 400


def id_chunks(ids: Iterable[int], size: int = ID_CHUNK) -> Iterator[tuple[str, list[int]]]:
    """``(marks, chunk)`` for ``... IN ({marks})`` over ``ids`` in order, ``size`` at a
    time; ``marks`` is the ``?,?,...`` placeholder list of the chunk."""
    ids = list(ids)
    for i in range(0, len(ids), size):
        chunk = ids[i : i + size]
        yield ",".join("?" * len(chunk)), chunk
