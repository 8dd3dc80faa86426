"""Stories judged as a whole: a new article against a story's profile (its members'
headlines, leads, entities and days pooled), not only against its members one by one.

The headlines are written for these tests (an invented game, studio and town)."""

from __future__ import annotations

import base64
import json
from array import array
from pathlib import Path

import pytest

from db import article_evidence as ev
from db import stories
from db.connection import connect, transaction
from db.ingest import ingest_paths

# Headlines of one event (a game's launch day) that share one rare name and little else.
LAUNCH = [
    "Quillmark launch day: servers buckle under players",
    "Studio Ardent patches Quillmark lag within hours",
    "Quillmark sells out in Corvel shops",
    "Queues at midnight for Quillmark",
    "Quillmark tops download charts on first day",
]
NEW = "Quillmark review: worth the wait"
# Other news before them, so that rare and common words weigh what they would.
BACKGROUND = [
    "Valmora dock workers strike over night-shift pay",
    "Council rejects Mayor Okafor's budget",
    "New public library opens on Quay Street",
    "Ferry sailings added while repairs go on",
    "Regional grant pays for road repairs",
    "Shop owners angered by higher parking fees",
    "Container ships diverted to Corvel",
    "Union says 1,200 members joined the strike",
    "Children's wing opens at the library",
    "Night trains return to the coast line",
    "Fishing quotas cut for next season",
    "Museum reopens after two-year refit",
]
# Another event of the same day: a review too, of something else.
OTHER = [
    "Harbour Bridge review finds cracked cables",
    "Port Elso orders Harbour Bridge review",
    "Engineers begin Harbour Bridge review",
]


def _profiles(titles: list[str], day: str = "2024-05-07") -> list[ev.Profile]:
    """Profiles of ``titles`` (headline-only articles of ``day``) after the background."""
    index = ev.MemoryIndex()
    out = []
    for aid, title in enumerate([*BACKGROUND, *titles], 1):
        p = ev.profile(index, aid, title, title, len(title), day or None)
        index.add(p)
        out.append(p)
    return out[len(BACKGROUND) :]


def test_a_pool_holds_every_member_and_merges_add_up() -> None:
    *members, _new = _profiles([*LAUNCH, NEW])
    pool = ev.Pool()
    for p in members[:2]:
        pool.add(p)
    rest = ev.Pool()
    for p in members[2:]:
        rest.add(p)
    pool.absorb(rest)
    assert pool.n == len(LAUNCH)
    assert pool.ents["quillmark"] == len(LAUNCH)
    assert pool.days == {members[0].day: len(LAUNCH)}
    whole = ev.Pool()
    for p in members:
        whole.add(p)
    assert pool.title.keys() == whole.title.keys()
    assert all(abs(pool.title[t] - whole.title[t]) < 1e-9 for t in whole.title)


def test_a_pool_reads_back_and_copies_exactly() -> None:
    members = _profiles(LAUNCH[:3], "2024-05-07") + _profiles(LAUNCH[3:], "")
    pool = ev.Pool()
    for p in members:
        pool.add(p)
    stored = ev.Pool.load(pool.data())
    copied = pool.copy()
    for other in (stored, copied):
        assert (other.n, other.squares, other.ents, other.days) == (
            pool.n,
            pool.squares,
            pool.ents,
            pool.days,
        )
        assert other.title == pool.title and other.lead == pool.lead  # to the last bit
        assert list(other.lead) == list(pool.lead) and list(other.ents) == list(pool.ents)
    copied.add(members[0])
    assert copied.n == pool.n + 1 and pool.n == len(members)
    assert pool.title == stored.title  # the copy grew alone
    # The weights are packed, not written out as decimals.
    assert str(next(iter(pool.lead.values()))).encode() not in pool.data()
    # Cut short or not a pool: an error that placing reads as a damaged pool.
    for damaged in (pool.data()[:-3], b"{}", b"not a pool", "{}"):
        with pytest.raises((ValueError, KeyError, TypeError)):
            ev.Pool.load(damaged)


def test_a_headline_is_closer_to_the_story_than_to_any_one_member() -> None:
    *members, new = _profiles([*LAUNCH, NEW])
    pool = ev.Pool()
    for p in members:
        pool.add(p)
    title_cos = ev.story_features(new, pool, 0.0)[1]
    best_member = max(ev.features(new, m, stories.STORY_WINDOW_DAYS)[0] for m in members)
    # The story's one name weighs five members' worth; each member's other words dilute it.
    assert title_cos > 1.4 * best_member
    assert ev.story_features(new, pool, 0.0)[3] == pytest.approx(1.0)  # its one entity: all


def test_same_day_is_the_share_of_the_story_on_its_day() -> None:
    members = _profiles(LAUNCH[:2], "2024-05-07") + _profiles(LAUNCH[2:4], "2024-05-08")
    pool = ev.Pool()
    for p in members:
        pool.add(p)
    (dated,) = _profiles([NEW], "2024-05-08")
    (undated,) = _profiles([NEW], "")
    assert undated.day is None
    assert ev.story_features(dated, pool, 0.0)[4] == pytest.approx(0.5)
    assert ev.story_features(undated, pool, 0.0)[4] == 0.0


def _write(tmp_path: Path, name: str, source: str, title: str, day: str = "2024-05-07") -> Path:
    path = tmp_path / f"{name}.json"
    record = {"source": source, "title": title, "text": "", "url": f"t:{name}", "date": day}
    path.write_text(json.dumps(record), encoding="utf-8")
    return path


def _groups(db) -> list[set[str]]:
    out: dict[int, set[str]] = {}
    for url, sid in db.execute("SELECT url, story_id FROM articles WHERE story_id IS NOT NULL"):
        out.setdefault(sid, set()).add(url[2:])
    return sorted(out.values(), key=sorted)


def _ingest_headlines(tmp_path: Path) -> object:
    db = connect(tmp_path / "s.db")
    for i, title in enumerate(BACKGROUND):
        ingest_paths(db, [_write(tmp_path, f"bg{i}", f"outlet{i}", title, "2024-05-01")])
    names = [f"launch{i}" for i in range(len(LAUNCH))] + [f"other{i}" for i in range(len(OTHER))]
    titles = LAUNCH + OTHER
    for i, (name, title) in enumerate(zip(names, titles, strict=True)):
        ingest_paths(db, [_write(tmp_path, name, f"outlet{i}", title)])
    ingest_paths(db, [_write(tmp_path, "new", "outlet99", NEW)])
    return db


def test_a_headline_joins_the_story_its_rare_name_runs_through(tmp_path: Path) -> None:
    db = _ingest_headlines(tmp_path)
    found = _groups(db)
    launch = next(g for g in found if "launch0" in g)
    assert "new" in launch
    assert not any(g & launch and any(n.startswith("other") for n in g) for g in found)
    other = next((g for g in found if "other0" in g), set())
    assert "new" not in other


def test_without_the_story_profile_the_headline_stays_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same articles, the story read only as the mean of its members' links (the
    # pooled headlines, leads and entities weigh nothing), and the pairs read as pairs
    # with a lead are (the terms of headlines alone off): the new headline, sharing one
    # word with each member, fits none of them well enough.
    weights = list(ev.STORY_WEIGHTS)
    for name in ("title_cos", "lead_cos", "entity_cover", *ev.HEADS):
        if name in ev.STORY_FEATURE_NAMES:
            weights[ev.STORY_FEATURE_NAMES.index(name)] = 0.0
    monkeypatch.setattr(ev, "STORY_WEIGHTS", tuple(weights))
    named = zip(ev.FEATURE_NAMES, ev.WEIGHTS, strict=True)
    pair_weights = [0.0 if n in ev.HEADS else w for n, w in named]
    monkeypatch.setattr(ev, "WEIGHTS", tuple(pair_weights))
    db = _ingest_headlines(tmp_path)
    # (the launch's headlines may form no story at all then)
    launch = next((g for g in _groups(db) if "launch0" in g), set())
    assert "new" not in launch


def test_one_by_one_equals_a_rebuild_with_story_profiles(tmp_path: Path) -> None:
    db = _ingest_headlines(tmp_path)
    incremental = _groups(db)
    with transaction(db) as conn:
        for table in ("article_profiles", "article_df", "story_links"):
            conn.execute(f"DELETE FROM {table}")
        stories.rebuild_stories(conn)
    assert _groups(db) == incremental


def test_each_story_keeps_the_pool_of_all_its_members(tmp_path: Path) -> None:
    db = _ingest_headlines(tmp_path)  # placed one by one: pools grown from stored ones
    rows = {sid: (n, last, data) for sid, n, last, data in db.execute("SELECT * FROM story_pools")}
    members: dict[int, list[int]] = {}
    for aid, sid in db.execute("SELECT id, story_id FROM articles WHERE story_id IS NOT NULL"):
        members.setdefault(sid, []).append(aid)
    assert rows.keys() == members.keys()
    index = ev.StoredIndex(db)
    for sid, ids in members.items():
        n, last, data = rows[sid]
        assert (n, last) == (len(ids), max(ids))
        stored, fresh = ev.Pool.load(data), ev.Pool()
        for p in index.profiles(ids).values():
            fresh.add(p)
        assert stored.ents == fresh.ents and stored.days == fresh.days
        assert stored.title.keys() == fresh.title.keys()
        assert all(abs(stored.title[t] - w) < 1e-9 for t, w in fresh.title.items())
        assert abs(stored.squares[0] - sum(w * w for w in fresh.title.values())) < 1e-9
    with transaction(db) as conn:
        conn.execute("DELETE FROM stories WHERE id = ?", (next(iter(members)),))
    assert db.execute("SELECT count(*) FROM story_pools").fetchone()[0] == len(members) - 1


def test_an_upgrade_writes_each_stored_pool_again_with_its_values(tmp_path: Path) -> None:
    db = _ingest_headlines(tmp_path)
    before = {
        sid: ev.Pool.load(data)
        for sid, data in db.execute("SELECT story_id, data FROM story_pools")
    }
    assert before
    # As schema 11 stored them: the weights as JSON numbers.
    with transaction(db) as conn:
        for sid, pool in before.items():
            old = {
                "n": pool.n,
                "t": pool.title,
                "l": pool.lead,
                "s": pool.squares,
                "e": pool.ents,
                "d": sorted([d or 0, k] for d, k in pool.days.items()),
            }
            conn.execute(
                "UPDATE story_pools SET data = ? WHERE story_id = ?", (json.dumps(old), sid)
            )
        conn.execute("PRAGMA user_version = 11")
    groups = _groups(db)
    db.conn.close()
    db = connect(tmp_path / "s.db")
    after = {
        sid: ev.Pool.load(data)
        for sid, data in db.execute("SELECT story_id, data FROM story_pools")
    }
    assert after.keys() == before.keys()
    for sid, pool in after.items():
        assert (pool.title, pool.lead, pool.squares) == (
            before[sid].title,
            before[sid].lead,
            before[sid].squares,
        )
        assert (pool.n, pool.ents, pool.days) == (before[sid].n, before[sid].ents, before[sid].days)
    # A damaged pool is a cache: the step drops it, and it is pooled again when read.
    with transaction(db) as conn:
        damaged = next(iter(before))
        conn.execute("UPDATE story_pools SET data = 'not json' WHERE story_id = ?", (damaged,))
        conn.execute("PRAGMA user_version = 11")
    db.conn.close()
    db = connect(tmp_path / "s.db")
    assert db.execute("SELECT count(*) FROM story_pools").fetchone()[0] == len(before) - 1
    # A new article is placed on the pools read back.
    ingest_paths(db, [_write(tmp_path, "later", "outlet98", "Quillmark patch fixes the lag")])
    later = next(g for g in _groups(db) if "later" in g)
    assert later - {"later"} == next(g for g in groups if "launch0" in g)
    # Damaged after the upgrade: placing reads the members' profiles instead, and
    # writes the pool again.
    (story,) = db.execute("SELECT story_id FROM articles WHERE url = 't:later'").fetchone()
    with transaction(db) as conn:
        conn.execute("UPDATE story_pools SET data = '{}' WHERE story_id = ?", (story,))
    ingest_paths(db, [_write(tmp_path, "last", "outlet97", "Quillmark servers back up")])
    assert db.execute("SELECT story_id FROM articles WHERE url = 't:last'").fetchone() == (story,)
    (data,) = db.execute("SELECT data FROM story_pools WHERE story_id = ?", (story,)).fetchone()
    assert ev.Pool.load(data).n == len(later) + 1


def test_an_upgrade_to_schema_13_writes_each_pool_as_bytes_with_its_values(
    tmp_path: Path,
) -> None:
    db = _ingest_headlines(tmp_path)
    before = {
        sid: ev.Pool.load(data)
        for sid, data in db.execute("SELECT story_id, data FROM story_pools")
    }
    assert before

    def doubles(values: object) -> str:
        return base64.b64encode(array("d", values).tobytes()).decode("ascii")  # type: ignore[arg-type]

    # As schema 12 stored them: JSON, the weights as doubles in base64.
    with transaction(db) as conn:
        for sid, pool in before.items():
            old = {
                "n": pool.n,
                "t": list(pool.title),
                "tw": doubles(pool.title.values()),
                "l": list(pool.lead),
                "lw": doubles(pool.lead.values()),
                "s": pool.squares,
                "e": pool.ents,
                "d": sorted([d or 0, k] for d, k in pool.days.items()),
            }
            conn.execute(
                "UPDATE story_pools SET data = ? WHERE story_id = ?", (json.dumps(old), sid)
            )
        damaged = next(iter(before))
        conn.execute("UPDATE story_pools SET data = '{}' WHERE story_id = ?", (damaged,))
        conn.execute("PRAGMA user_version = 12")
    db.conn.close()
    db = connect(tmp_path / "s.db")
    after = {
        sid: ev.Pool.load(data)
        for sid, data in db.execute("SELECT story_id, data FROM story_pools")
    }
    # A damaged pool is a cache: the step drops it, and it is pooled again when read.
    assert after.keys() == before.keys() - {damaged}
    for sid, pool in after.items():
        was = before[sid]
        assert (pool.n, pool.squares, pool.ents, pool.days) == (
            was.n,
            was.squares,
            was.ents,
            was.days,
        )
        assert list(pool.title.items()) == list(was.title.items())  # to the last bit
        assert list(pool.lead.items()) == list(was.lead.items())


def _dense_index(n_holders: int, n_others: int) -> ev.MemoryIndex:
    """``n_holders`` headlines naming Quillmark on 7 May (and 3 on 6 May), after
    ``n_others`` headlines without it."""
    index = ev.MemoryIndex()
    titles = [(f"Harbour works phase{i} begins", "2024-05-01") for i in range(n_others)]
    titles += [(f"Quillmark day-before item{i}", "2024-05-06") for i in range(3)]
    titles += [(f"Quillmark launch item{i}", "2024-05-07") for i in range(n_holders)]
    for aid, (title, day) in enumerate(titles, 1):
        index.add(ev.profile(index, aid, title, title, len(title), day))
    return index


def test_a_dense_name_still_finds_the_first_articles_of_its_day() -> None:
    # 80 of 1,083 articles name Quillmark: above KEY_MIN_CAP (60), below 10 % of them.
    index = _dense_index(80, 1000)
    new = ev.profile(index, 9999, NEW, NEW, len(NEW), "2024-05-07")
    found = ev.candidates(index, new, stories.STORY_WINDOW_DAYS)
    # The same day's holders (ids 1004-1083), equal in weight: the first ones by id.
    assert found == list(range(1004, 1004 + ev.MAX_CANDIDATES))
    undated = ev.profile(index, 9999, NEW, NEW, len(NEW), None)
    assert ev.candidates(index, undated, stories.STORY_WINDOW_DAYS) == []


def test_a_name_in_most_articles_finds_none() -> None:
    index = _dense_index(80, 100)  # in 80 of 183: above DENSE_MAX_SHARE
    new = ev.profile(index, 9999, NEW, NEW, len(NEW), "2024-05-07")
    assert ev.candidates(index, new, stories.STORY_WINDOW_DAYS) == []


# ---- names in a headline in Title Case ---------------------------------------------


def test_a_title_case_headline_alone_has_its_names() -> None:
    # The tokenizer reads no capital of a Title Case headline as a name; an article with
    # nothing else reads its capitals as a reader does: the words that are no common word.
    title = "Port Elso Mayor Lena Okafor to Throw Her Hat in the Ring for Governor"
    ents = ev.read_text(title, title, len(title)).ents
    assert {"elso", "lena", "okafor"} <= ents
    assert not ents & {"hat", "ring", "throw", "mayor"}
    # its headline repeated as its lead (an aggregator's item) is read the same way
    repeated = f"{title}\n\n{title}"
    assert ev.read_text(title, repeated, len(title) + 2).ents == ents


def test_an_article_with_a_lead_takes_its_names_from_the_lead() -> None:
    title = "Port Elso Mayor Lena Okafor to Throw Her Hat in the Ring for Governor"
    text = f"{title}\n\nThe mayor of the town said on Monday that she would run."
    assert ev.read_text(title, text, len(title) + 2).ents == set()
    # a sentence-case headline's names are read as always
    plain = "Lena Okafor says she will run for governor"
    assert ev.read_text(plain, plain, len(plain)).ents == {"lena", "okafor", "lo"}


def test_headlines_alone_are_read_as_such_and_articles_with_a_lead_as_before() -> None:
    """The terms of headlines alone (:data:`db.article_evidence.HEADS`) are read only
    when both articles are headlines alone: a pair with a lead scores as it did."""
    index = ev.MemoryIndex()
    launch = ev.profile(index, 1, LAUNCH[0], LAUNCH[0], len(LAUNCH[0]), "2024-05-07")
    index.add(launch)
    later = ev.profile(index, 2, LAUNCH[2], LAUNCH[2], len(LAUNCH[2]), "2024-05-08")
    lead = "Quillmark went on sale at midnight and sold out in Corvel by noon."
    text = LAUNCH[2] + "\n\n" + lead
    with_lead = ev.profile(index, 3, LAUNCH[2], text, len(LAUNCH[2]) + 2, "2024-05-08")
    assert launch.headline_only and later.headline_only and not with_lead.headline_only
    heads = {n: x for n, x in zip(ev.FEATURE_NAMES, ev.features(launch, later, 4), strict=True)}
    assert heads["heads"] == 1.0 and heads["heads_other_day"] == 1.0
    assert heads["heads_title_cos"] == heads["title_cos"] > 0
    mixed = dict(zip(ev.FEATURE_NAMES, ev.features(launch, with_lead, 4), strict=True))
    assert all(mixed[n] == 0.0 for n in ev.HEADS)


def test_headlines_alone_of_two_days_are_two_stories(tmp_path: Path) -> None:
    """Headlines alone (a feed of titles, an aggregator's) tell one story a day: the same
    launch headlined on the next day starts a story of its own, as the aggregators whose
    stories the weights are fitted on do; on one day they join."""
    db = connect(tmp_path / "s.db")
    for i, title in enumerate(BACKGROUND):
        ingest_paths(db, [_write(tmp_path, f"bg{i}", f"outlet{i}", title, "2024-05-01")])
    for i, title in enumerate(LAUNCH[:3]):
        ingest_paths(db, [_write(tmp_path, f"day1_{i}", f"outlet{i}", title, "2024-05-07")])
    for i, title in enumerate([*LAUNCH[3:], NEW]):
        ingest_paths(db, [_write(tmp_path, f"day2_{i}", f"outlet{i}", title, "2024-05-08")])
    found = _groups(db)
    assert {"day1_0", "day1_1", "day1_2"} <= next(g for g in found if "day1_0" in g)
    assert not any(
        any(n.startswith("day1") for n in g) and any(n.startswith("day2") for n in g) for g in found
    )


def test_matched_headlines_of_two_days_with_no_score_are_not_linked() -> None:
    """A pair with matched statements and no stored score counts as having nothing in
    common: for two headlines alone of other days, that includes their days."""
    matched = {(1, 2): (3, 0)}
    days = {1: 100, 2: 101}
    assert 2 in stories.link_graph({}, matched, days)[1]  # read as before for articles
    assert stories.link_graph({}, matched, days, heads=frozenset({1, 2})) == {}
    same_day = {1: 100, 2: 100}
    assert 2 in stories.link_graph({}, matched, same_day, heads=frozenset({1, 2}))[1]


# Headlines of one day with nothing in common but their weekday.
MONDAY = [
    "Monday Moan: let me delete the apps that came with my phone",
    "How the Valmora stock index did Monday",
    "Playbook: Monday's five top stories from the studios",
    "Playhouse to be delivered to the Okafor family Monday",
]


def test_headlines_alone_that_share_only_their_weekday_are_no_story(tmp_path: Path) -> None:
    """A weekday says when, not what: headlines alone that share nothing else tell no
    one event (an article with a lead still reads its lead's weekday: it can tell which
    event it is)."""
    db = connect(tmp_path / "s.db")
    for i, title in enumerate(BACKGROUND):
        ingest_paths(db, [_write(tmp_path, f"bg{i}", f"outlet{i}", title, "2024-05-01")])
    for i, title in enumerate(MONDAY):
        ingest_paths(db, [_write(tmp_path, f"monday{i}", f"outlet{i}", title, "2024-05-06")])
    assert not [g for g in _groups(db) if any(n.startswith("monday") for n in g)]
    alone = ev.read_text(MONDAY[1], MONDAY[1], len(MONDAY[1]))
    assert "monday" not in alone.title and "monday" not in alone.lead
    text = f"{MONDAY[1]}\n\nShares fell on Monday after the bank raised rates."
    with_lead = ev.read_text(MONDAY[1], text, len(MONDAY[1]) + 2)
    assert "monday" in with_lead.title and "monday" in with_lead.lead
