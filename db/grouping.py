"""Grouping without chaining: items gather around a centre, in id order.

Claims group statements (linked by matches) and stories group articles (linked
by shared claims) the same way. Items are placed in id order; each looks at its
links to older items, with their strengths, and

1. joins the group of the strongest-linked one that is a centre (a centre no one
   had joined yet and the item start a group), else
2. joins the group of the strongest-linked one that is linked to its group's
   centre (a *direct* member), else
3. is a centre itself.

An item that joins a centre directly also brings along the older items it is
linked to that no one had joined and that are younger than the centre (as fringe
members): the one that arrives last often links the others (A and B differ, C
agrees with both). When those are all it is linked to, the oldest is the centre.
A group's centre is thus always its lowest id, which is how a stored group's
centre is found again. An older item judged apart from the centre (``apart``: for
claims, a `related` match, one event but another claim) is not brought along: it
differs from the centre not in words but in what it claims.

So every member of a group is linked to its centre, or to an item that is: a
group cannot drift along a chain of weak likenesses the way connected components
do (on 1.09 M statements of wire copy, components made one "claim" of 160 k
statements and one "story" of 1,319 articles). New items get the highest ids, so
placing the new ones alone, beside the groups as they stand, gives what placing
everything again gives.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

__all__ = ["CENTRE", "DIRECT", "FRINGE", "Placement", "Placer", "level_in", "store_groups"]

# Where an item stands in its group.
CENTRE, DIRECT, FRINGE = 0, 1, 2

# (group key, level). The key is a stored group's id, or -centre for a group formed
# by the current run; None for a centre no item has joined yet.
Placement = tuple[int | None, int]


@dataclass
class Placer:
    """Places items in id order (see the module docstring)."""

    known: Callable[[int], Placement]  # where an older item not placed here stands
    # Whether two items were judged apart (never brought along into one group); the
    # lower id first.
    apart: Callable[[int, int], bool] = lambda _a, _b: False
    group: dict[int, int] = field(default_factory=dict)
    level: dict[int, int] = field(default_factory=dict)

    def where(self, item: int) -> Placement:
        if item in self.level:
            return self.group.get(item), self.level[item]
        return self.known(item)

    def place(self, item: int, older: Iterable[tuple[int, float]]) -> None:
        """Place ``item``, given its links to older items: (id, strength)."""
        older = list(older)
        best: tuple[tuple[int, float, int], int, int | None, int] | None = None
        for other, strength in older:
            key, level = self.where(other)
            if level == FRINGE:
                continue
            rank = (-level, strength, -other)  # a centre first, then the strongest
            if best is None or rank > best[0]:
                best = (rank, other, key, level)
        if best is None:
            self.level[item] = CENTRE
            return
        _, anchor, key, level = best
        alone = sorted(other for other, _s in older if self.where(other) == (None, CENTRE))
        if key is None:  # centres no one had joined: the oldest and the item start a group
            anchor = alone[0]
            key = -anchor
            self.group[anchor], self.level[anchor] = key, CENTRE
        self.group[item], self.level[item] = key, level + 1
        if level == CENTRE:
            # The item bridges: the older items linked to it that no one had joined,
            # younger than the centre (the centre stays the group's lowest id), come
            # along as fringe members. No group is merged into another.
            for other in alone:
                if other > anchor and not self.apart(anchor, other):
                    self.group[other], self.level[other] = key, FRINGE

    def groups(self) -> dict[int, list[int]]:
        """Group key -> the items placed in it here, in id order."""
        out: dict[int, list[int]] = {}
        for item in sorted(self.group):
            out.setdefault(self.group[item], []).append(item)
        return out


def level_in(item: int, centre: int, linked: bool) -> int:
    """The level of a stored group's member: its centre is its lowest id."""
    if item == centre:
        return CENTRE
    return DIRECT if linked else FRINGE


def store_groups(
    conn: sqlite3.Connection, group: dict[int, int], new_row: str, assign: str
) -> dict[int, int]:
    """Write a run's placements (``Placer.group``): a row for each group it formed
    (keys < 0; ``new_row`` inserts an empty one), then every placed item's group id
    (``assign`` takes (group id, item id)). Returns group key -> group id."""
    ids = {
        key: conn.execute(new_row).lastrowid
        for key in sorted({k for k in group.values() if k < 0}, reverse=True)
    }
    ids.update((k, k) for k in group.values() if k > 0)
    conn.executemany(assign, [(ids[key], item) for item, key in sorted(group.items())])
    return ids
