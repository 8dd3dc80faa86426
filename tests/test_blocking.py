"""Blocking: a key is judged dense among the statements up to the one whose candidates
are sought, never the newer ones, so matching one article at a time finds the
candidates a rebuild finds. Statements and texts are written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db import blocking, matcher, matching
from db.blocking import BlockIndex, Item
from db.connection import connect
from db.ingest import ingest_paths


@pytest.fixture
def dense_at_two(monkeypatch: pytest.MonkeyPatch) -> None:
    """A key held by more than two statements of the window is dense."""
    monkeypatch.setattr(blocking, "DENSE_POSTING", 2)


def _index(items: list[Item]) -> BlockIndex:
    index = BlockIndex(7)
    for item in items:
        index.add(item)
    return index


def test_newer_statements_do_not_make_a_key_dense(dense_at_two: None) -> None:
    older = Item(5, 1, 100, ("okafor", "elso"))
    mine = Item(10, 2, 100, ("okafor", "bridge"))
    newer = [Item(20 + k, 3 + k, 101, ("okafor", f"other{k}")) for k in range(3)]
    alone = _index([older, mine])
    grown = _index([older, mine, *newer])
    # Up to statement 10, "okafor" is held by two statements: sparse, one shared key
    # is enough. Three newer ones do not change that.
    assert alone.neighbours(mine) == {0}
    assert grown.neighbours(mine) == {0}
    # The newer statements are not its candidates (a pair is scored from its later
    # statement), nor when asked for (an older statement matched again): then only
    # those that find it themselves count, and for them the key is dense.
    assert grown.neighbours(mine, later=True) == {0}
    assert grown.neighbours(newer[0]) == set()
    # A newer one sharing a sparse key besides does find it, and is found.
    both = Item(30, 9, 101, ("okafor", "bridge"))
    more = _index([older, mine, *newer, both])
    assert more.neighbours(both) == {1}
    assert more.neighbours(mine, later=True) == {0, 5}


def test_one_source_alone_reads_no_postings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Statements of one source have no candidates, and finding that reads none of their
    keys' postings (for one text of tens of thousands of statements, most of the work);
    a statement of another source makes them read again."""
    one = [Item(k, 1, 100, ("okafor", "bridge", f"w{k}")) for k in range(1, 6)]
    index = _index(one)

    def unread(*_args: object) -> dict[int, int]:
        raise AssertionError("the postings were read")

    real = blocking.shared_key_counts
    monkeypatch.setattr(blocking, "shared_key_counts", unread)
    assert all(index.neighbours(item, later=True) == set() for item in one)
    monkeypatch.setattr(blocking, "shared_key_counts", real)
    other = Item(9, 2, 100, ("okafor", "bridge"))
    index.add(other)
    assert index.neighbours(other) == {0, 1, 2, 3, 4}


def test_postings_of_a_statements_own_source_alone_are_not_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """QA (second round) item 3: a long text of one source among others read its own
    statements' postings only to drop them as one source. A posting list all of the
    statement's own source is counted (how dense a key is) but never read; the
    candidates are those found reading everything."""
    text = [Item(k, 1, 100, ("okafor", "bridge", f"w{k % 3}")) for k in range(1, 13)]
    others = [Item(20, 2, 101, ("okafor", "bridge")), Item(21, 3, 99, ("w1", "quay"))]
    index = _index([*others, *text])
    own = {pos for pos, item in enumerate(index.items) if item.source == 1}
    read: list[int] = []
    real = blocking.shared_key_counts

    def reading(keys, size, members, max_posting):  # type: ignore[no-untyped-def]
        def members_read(key: str) -> list[int]:
            found = list(members(key))
            read.extend(found)
            return found

        return real(keys, size, members_read, max_posting)

    class Looked(list):  # type: ignore[type-arg]
        """The index's sources by position, noting which were looked up."""

        def __getitem__(self, pos):  # type: ignore[no-untyped-def]
            read.append(pos)
            return super().__getitem__(pos)

    monkeypatch.setattr(blocking, "shared_key_counts", reading)
    index._sort()  # added out of order: sorted once, before the lookups
    index._sources = Looked(index._sources)
    found = [index.neighbours(item, later=True) for item in text]
    assert not own & set(read)
    # The statements of other sources sharing a sparse key: 20 with each, 21 with the w1s.
    assert found == [{0, 1} if item.keys[2] == "w1" else {0} for item in text]
    # Another statement of the text's day, of another source: that day's lists are read.
    index.add(Item(30, 4, 100, ("okafor", "bridge")))
    assert index.neighbours(index.items[-1]) == own | {0}


def test_an_older_statement_makes_a_key_dense(dense_at_two: None) -> None:
    crowd = [Item(1 + k, 3 + k, 100, ("okafor", f"other{k}")) for k in range(3)]
    older = Item(5, 1, 100, ("okafor", "elso"))
    mine = Item(10, 2, 100, ("okafor", "bridge"))
    index = _index([*crowd, older, mine])
    assert index.neighbours(mine) == set()  # one dense key shared: not enough


def test_positions_and_ids_may_differ(dense_at_two: None) -> None:
    # The pipeline adds statements in date order: positions are not ids.
    mine = Item(10, 2, 100, ("okafor", "bridge"))
    newer_first = [Item(20 + k, 3 + k, 99, ("okafor", f"other{k}")) for k in range(3)]
    older = Item(5, 1, 101, ("okafor", "elso"))
    index = _index([*newer_first, mine, older])
    assert index.neighbours(mine) == {4}


def _article(tmp_path: Path, i: int, source: str, day: str, title: str, body: str) -> Path:
    path = tmp_path / f"a{i}.json"
    record = {"source": source, "date": day, "title": title, "text": body, "url": f"t:{i}"}
    path.write_text(json.dumps(record), encoding="utf-8")
    return path


# One event told by two outlets, then three other events naming the same mayor and
# bridge a day later (they come last, and would make the shared names dense).
ARTICLES = [
    (
        "Alpha",
        "2024-05-07",
        "Harbour Bridge closed",
        "Mayor Lena Okafor closed the Harbour"
        " Bridge in Port Elso after inspectors found cracked cables.",
    ),
    (
        "Beta",
        "2024-05-07",
        "Port Elso shuts bridge",
        "Inspectors found cracked cables, and"
        " Mayor Lena Okafor shut the Harbour Bridge in Port Elso.",
    ),
    (
        "Gamma",
        "2024-05-08",
        "Mayor Okafor opens library",
        "Mayor Lena Okafor opened a library near the Harbour Bridge on Wednesday.",
    ),
    (
        "Delta",
        "2024-05-08",
        "Okafor budget",
        "Mayor Lena Okafor presented a budget with money for the Harbour Bridge cables.",
    ),
    (
        "Epsilon",
        "2024-05-08",
        "Okafor on ferries",
        "Mayor Lena Okafor said ferries would add sailings while the Harbour Bridge is shut.",
    ),
]


def test_one_article_at_a_time_equals_a_rebuild_when_later_ones_crowd_a_key(
    tmp_path: Path, dense_at_two: None
) -> None:
    db = connect(tmp_path / "k.db")
    for i, (source, day, title, body) in enumerate(ARTICLES):
        ingest_paths(db, [_article(tmp_path, i, source, day, title, body)], source=source)
    one_by_one = set(db.execute("SELECT a, b, relation FROM matches"))
    assert one_by_one
    matching.match_all(db)
    assert set(db.execute("SELECT a, b, relation FROM matches")) == one_by_one


def test_an_older_article_matched_again_gets_the_matches_of_a_rebuild(
    tmp_path: Path, dense_at_two: None
) -> None:
    """Matched again (after an upgrade), the first article keeps only the newer
    candidates that find it themselves: for the later ones the mayor's names are
    dense, as they were when they came."""
    db = connect(tmp_path / "k.db")
    for i, (source, day, title, body) in enumerate(ARTICLES):
        ingest_paths(db, [_article(tmp_path, i, source, day, title, body)], source=source)
    rebuilt = set(db.execute("SELECT a, b, relation FROM matches"))
    for aid in (1, 2):
        matching.match_articles(db, [aid])
        assert set(db.execute("SELECT a, b, relation FROM matches")) == rebuilt


def test_a_telling_figure_is_a_key_and_only_adds_candidates(dense_at_two: None) -> None:
    # "The Bank of England held rates at 0.1%" / "… kept rates unchanged at 0.1
    # percent": no rare word in common (England is a place), one figure.
    a = matcher.prepare("The Bank of England held interest rates at 0.1%.")
    b = matcher.prepare("The Bank of England kept rates unchanged at 0.1 percent.")
    assert not set(blocking.blocking_keys(a.tokset)) & set(blocking.blocking_keys(b.tokset))
    keys_a = blocking.blocking_keys(a.tokset, a.numbers)
    keys_b = blocking.blocking_keys(b.tokset, b.numbers)
    assert set(keys_a) & set(keys_b) == {"=0.1%"}
    assert BlockIndex(7).neighbours(Item(2, 2, 100, keys_b)) == set()
    assert _index([Item(1, 1, 100, keys_a)]).neighbours(Item(2, 2, 100, keys_b)) == {0}
    # Small whole counts are no keys ("two weeks", "12 people").
    few = matcher.prepare("Twelve people were hurt in two weeks of protests in Elso.")
    assert all(not k.startswith("=") for k in blocking.blocking_keys(few.tokset, few.numbers))
    # A figure's key never stops a dense word key from being walked: with "okafor"
    # dense, the statement still finds its candidate through "okafor" and "bridge",
    # though its sparse figure key would have counted among its sparse keys.
    crowd = [Item(1 + k, 3 + k, 100, ("okafor", f"other{k}")) for k in range(3)]
    older = Item(5, 1, 100, ("okafor", "bridge"))
    mine = Item(10, 2, 100, ("okafor", "bridge", "=4.5e+09USD"))
    assert _index([*crowd, older, mine]).neighbours(mine) == {3}
    # ... and a statement's own figure keys do not raise the count of shared keys it
    # needs: with one word key, one dense key shared is enough, as without figures.
    one = Item(5, 1, 100, ("okafor",))
    plain = Item(10, 2, 100, ("okafor",))
    with_figure = Item(10, 2, 100, ("okafor", "=4.5e+09USD"))
    found = _index([*crowd, one, plain]).neighbours(plain)
    assert 3 in found
    assert _index([*crowd, one, with_figure]).neighbours(with_figure) == found


def _brute_neighbours(items: list[Item], item: Item, window: int) -> set[int]:
    """BlockIndex.neighbours (without ``later``) by its definition: every indexed
    statement read for every key, no posting list, no bisection."""

    def in_window(other: Item) -> bool:
        return item.day is None or other.day is None or abs(other.day - item.day) <= window

    def holders(key: str) -> list[int]:  # the window's statements up to item holding key
        return [
            pos
            for pos, other in enumerate(items)
            if key in other.keys and other.sid <= item.sid and in_window(other)
        ]

    counts = blocking.shared_key_counts(
        item.keys, lambda key: len(holders(key)), holders, blocking.MAX_POSTING
    )
    mine = min(blocking.MIN_SHARED_KEYS, blocking.word_keys(item.keys))
    return {
        pos
        for pos, c in counts.items()
        if (c >= mine or c >= blocking.word_keys(items[pos].keys))
        and items[pos].source != item.source
        and items[pos].sid != item.sid
    }


def test_the_index_finds_the_candidates_its_definition_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Random statements, added in day order with ids in no order (an ingest's ids, a
    full match's day order), some undated, keys dense and sparse, figure keys among
    them: every statement's candidates are those the rule gives read plainly (the
    index skips the bisection of a day's list that ends before the statement)."""
    import random

    monkeypatch.setattr(blocking, "DENSE_POSTING", 4)
    monkeypatch.setattr(blocking, "MAX_POSTING", 12)
    rnd = random.Random(7)
    words = [f"w{k}" for k in range(14)] + ["=1.5%", "=$8bn"]
    sids = rnd.sample(range(1, 2000), 260)
    items = [
        Item(
            sid,
            rnd.randrange(4),
            None if rnd.random() < 0.08 else 1000 + rnd.randrange(25),
            tuple(rnd.sample(words, rnd.randint(1, 5))),
        )
        for sid in sids
    ]
    items.sort(key=lambda it: (it.day is not None, it.day or 0))
    index = BlockIndex(3, max_posting=12)
    for item in items:
        index.add(item)
    found = 0
    for item in items:
        expected = _brute_neighbours(items, item, 3)
        assert index.neighbours(item) == expected
        found += len(expected)
    assert found > 500  # the draw exercises the rule, not empty answers


def test_blocking_keys_are_the_rarest_tokens_by_their_order_every_time() -> None:
    """Keys as sorted() by (rarity, hash) gives them, asked once and again (a token's
    order is remembered after its first statement)."""
    tokens = ["okafor", "bridge", "the", "said", "uk", "x", "kovalenko", "umerov", "troops"]
    tokens += [f"rare{k}" for k in range(12)]

    def expected(tokset: frozenset[str]) -> tuple[str, ...]:
        return tuple(
            sorted(
                (
                    t
                    for t in tokset
                    if t not in blocking.PLACE_TOKENS
                    and len(t) > 1
                    and blocking.rarity(t) >= blocking.MIN_KEY_RARITY
                ),
                key=blocking._key_order,
            )[: blocking.KEYS_PER_STATEMENT]
        )

    import random

    rnd = random.Random(3)
    for _ in range(200):
        tokset = frozenset(rnd.sample(tokens, rnd.randint(0, len(tokens))))
        assert blocking.blocking_keys(tokset) == expected(tokset)


def test_a_full_match_writes_the_keys_afresh_and_keeps_their_trigger(tmp_path: Path) -> None:
    """A full match empties both key tables at once (its trigger dropped for the delete:
    it fired once a row) and writes them again: the same rows, and the trigger as it
    was, still dropping a statement's postings with its keys."""
    seeds = Path(__file__).parent.parent / "tui" / "samples"
    db = connect(tmp_path / "keys.db")
    for name, source in (("000_dd9f0b5d2f8810a6.txt", "A"), ("004_30c3ae78e6307b4b.txt", "B")):
        ingest_paths(db, [seeds / name], source=source)
    trigger = "SELECT sql FROM sqlite_master WHERE name = 'statement_keys_ad'"
    tables = (
        "SELECT * FROM statement_keys ORDER BY statement_id",
        "SELECT * FROM key_postings ORDER BY key, day, statement_id",
    )
    before = [db.execute(sql).fetchall() for sql in (trigger, *tables)]
    assert before[0] and before[1] and before[2]
    matching.match_all(db)
    assert [db.execute(sql).fetchall() for sql in (trigger, *tables)] == before
    sid = before[1][0][0]
    db.execute("DELETE FROM statement_keys WHERE statement_id = ?", (sid,))
    assert (
        db.execute("SELECT count(*) FROM key_postings WHERE statement_id = ?", (sid,)).fetchone()[0]
        == 0
    )
