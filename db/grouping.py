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
centre is found again.

No item joins a group holding an item it was judged apart from (``apart``: for
claims, a `related` match, one event but another claim), whether it joins directly
or is brought along: two items linked to one centre can still differ in what they
claim, and a group holding both would count one as corroborating the other. Such an
item joins the best-ranked group it fits (steps 1 and 2 in rank order), else is a
centre; an item that would be brought along but does not fit stays where it is.

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
    # The items judged apart from an item (never in one group with it), older or younger.
    apart: Callable[[int], Iterable[int]] = lambda _item: ()
    group: dict[int, int] = field(default_factory=dict)
    level: dict[int, int] = field(default_factory=dict)

    def where(self, item: int) -> Placement:
        if item in self.level:
            return self.group.get(item), self.level[item]
        return self.known(item)

    def fits(self, apart: Iterable[int], key: int) -> bool:
        """Whether an item judged apart from the items ``apart`` may join group ``key``:
        none of them is in it."""
        return not any(self.where(other)[0] == key for other in apart)

    def place(self, item: int, older: Iterable[tuple[int, float]]) -> None:
        """Place ``item``, given its links to older items: (id, strength)."""
        older = list(older)
        candidates: list[tuple[tuple[int, float, int], int, int | None, int]] = []
        for other, strength in older:
            key, level = self.where(other)
            if level == FRINGE:
                continue
            rank = (-level, strength, -other)  # a centre first, then the strongest
            candidates.append((rank, other, key, level))
        # The best-ranked group the item fits. A centre no one had joined always fits
        # (the item is linked to it, so not judged apart from it): the oldest of those
        # and the item start a group. Items judged apart are read only when needed.
        mine: list[int] | None = None
        chosen = None
        for _rank, anchor, key, level in sorted(candidates, reverse=True):
            if key is not None:
                mine = list(self.apart(item)) if mine is None else mine
                if not self.fits(mine, key):
                    continue
            chosen = anchor, key, level
            break
        if chosen is None:
            self.level[item] = CENTRE
            return
        anchor, key, level = chosen
        alone = sorted(other for other, _s in older if self.where(other) == (None, CENTRE))
        if key is None:
            anchor = alone[0]
            key = -anchor
            self.group[anchor], self.level[anchor] = key, CENTRE
        self.group[item], self.level[item] = key, level + 1
        if level == CENTRE:
            # The item bridges: the older items linked to it that no one had joined,
            # younger than the centre (the centre stays the group's lowest id), come
            # along as fringe members, each if it fits the group as it has grown. No
            # group is merged into another.
            for other in alone:
                if other > anchor and self.fits(self.apart(other), key):
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
