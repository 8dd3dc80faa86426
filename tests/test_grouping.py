"""The grouping rule claims and stories share: around a centre, in id order, no chains."""

from __future__ import annotations

from db.grouping import CENTRE, DIRECT, FRINGE, Placer, level_in

Links = dict[int, dict[int, float]]


def _links(*edges: tuple[int, int, float]) -> Links:
    out: Links = {}
    for a, b, w in edges:
        out.setdefault(a, {})[b] = w
        out.setdefault(b, {})[a] = w
    return out


def _place(links: Links, items: list[int], placer: Placer | None = None) -> Placer:
    placer = placer or Placer(lambda _item: (None, CENTRE))
    for item in items:
        placer.place(item, [(o, w) for o, w in links.get(item, {}).items() if o < item])
    return placer


def _groups(placer: Placer) -> set[frozenset[int]]:
    return {frozenset(members) for members in placer.groups().values()}


def test_a_chain_breaks_two_links_from_its_centre() -> None:
    chain = _links(*[(i, i + 1, 1.0) for i in range(1, 8)])
    placer = _place(chain, list(range(1, 9)))
    # 2 is linked to the centre 1, 3 to 2 (fringe); 4 only to a fringe member: a
    # new centre. Connected components would make one group of eight.
    assert _groups(placer) == {frozenset({1, 2, 3}), frozenset({4, 5, 6}), frozenset({7, 8})}
    assert [placer.level[i] for i in (1, 2, 3, 4)] == [CENTRE, DIRECT, FRINGE, CENTRE]


def test_an_item_joins_a_centre_before_a_stronger_member_then_the_strongest() -> None:
    links = _links((1, 3, 0.9), (2, 4, 0.9), (3, 5, 0.95), (1, 5, 0.6), (2, 5, 0.7))
    placer = _place(links, [1, 2, 3, 4, 5])
    assert placer.where(5) == (-2, DIRECT)  # the stronger of two centres; 3 is a member
    assert _groups(placer) == {frozenset({1, 3}), frozenset({2, 4, 5})}  # nothing merged


def test_a_bridging_item_brings_along_the_centres_no_one_had_joined() -> None:
    # 1 and 2 are not linked; 3 agrees with both (A says x, B says y, C says both).
    for weaker in (0.6, 0.9):  # the oldest is the centre, whichever link is stronger
        placer = _place(_links((1, 3, 0.8), (2, 3, weaker)), [1, 2, 3])
        assert _groups(placer) == {frozenset({1, 2, 3})}
        assert placer.where(1) == (-1, CENTRE) and placer.where(2) == (-1, FRINGE)


def test_a_group_centre_stays_its_lowest_id() -> None:
    # 2 and 4 form a group; 1 stays alone; 5 joins 2's group and links 1, which is
    # older than the centre: it stays alone (else the group's lowest id would not be
    # its centre, and a stored group could not be told apart again).
    placer = _place(_links((2, 4, 0.9), (2, 5, 0.9), (1, 5, 0.5)), [1, 2, 3, 4, 5])
    assert _groups(placer) == {frozenset({2, 4, 5})}
    assert placer.where(1) == (None, CENTRE)


def test_placing_new_items_beside_stored_groups_equals_placing_everything() -> None:
    links = _links(
        (1, 2, 0.9), (2, 3, 0.8), (3, 4, 0.7), (1, 5, 0.5), (4, 6, 0.9), (5, 6, 0.6),
        (2, 7, 0.9), (3, 7, 0.95), (6, 8, 0.8), (7, 8, 0.4), (8, 9, 0.3),
    )  # fmt: skip
    everything = _place(links, list(range(1, 10)))
    first = _place(links, list(range(1, 6)))
    # The first run is stored: group ids for its groups, and where its items stand,
    # told as the database tells it (centre = lowest id, direct = linked to it).
    stored_group = {item: -key for item, key in first.group.items()}  # stored ids > 0
    centres = {g: min(i for i, h in stored_group.items() if h == g) for g in stored_group.values()}

    def known(item: int) -> tuple[int | None, int]:
        group = stored_group.get(item)
        if group is None:
            return None, CENTRE
        centre = centres[group]
        return group, level_in(item, centre, centre in links.get(item, {}))

    later = _place(links, list(range(6, 10)), Placer(known))
    combined: dict[int, set[int]] = {}
    for item, group in {**stored_group, **later.group}.items():
        combined.setdefault(group, set()).add(item)
    assert {frozenset(g) for g in combined.values()} == _groups(everything)
