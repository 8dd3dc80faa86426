"""A story started by three articles that each tell an event their own way: no two of
them alike enough to start a story, all three linked to each other, and the third
telling the event of the first two read as one story (``db.stories.START_POOL_MIN``).

The articles are written for these tests (an invented town and people)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db import article_evidence as ev
from db import stories
from db.connection import connect, transaction
from db.ingest import ingest_paths

# One event (a bridge closed) told three ways: a report, a profile of the mayor, a
# piece on the ferries; and another event of the same town.
REPORT = (
    "Harbour Bridge closed after inspectors find cracked cables",
    "Port Elso closed its Harbour Bridge on Tuesday after inspectors found cracked cables.",
)
MAYOR = (
    "Okafor faces her hardest week as the Harbour Bridge stays shut",
    "Mayor Lena Okafor promised repairs to the Harbour Bridge within six weeks.",
)
FERRY = (
    "Ferries fill up while the Harbour Bridge is closed",
    "Ferry operators in Port Elso added sailings as drivers avoided the closed Harbour Bridge.",
)
STRIKE_PIECE = (
    "Valmora dockers walk out over night-shift pay",
    "Dock workers in Valmora went on strike on Wednesday over pay for night shifts.",
)
BACKGROUND = [
    ("Council rejects the regional budget", "The council voted the budget down on Monday."),
    ("New library opens on Quay Street", "The library holds 80,000 books."),
    ("Fishing quotas cut for next season", "Boats will land a fifth less cod."),
    ("Museum reopens after two-year refit", "The museum's new wing opened to visitors."),
    ("Night trains return to the coast line", "Two night trains a week run again."),
]


def _ingest(db, tmp_path: Path, name: str, source: str, title: str, body: list[str]) -> None:
    path = tmp_path / f"{name}.json"
    record = {"source": source, "title": title, "text": "\n\n".join(body), "url": f"t:{name}"}
    path.write_text(json.dumps({**record, "date": "2024-05-07"}), encoding="utf-8")
    ingest_paths(db, [path], source=source)


def _groups(db) -> list[set[str]]:
    out: dict[int, set[str]] = {}
    for url, sid in db.execute("SELECT url, story_id FROM articles WHERE story_id IS NOT NULL"):
        out.setdefault(sid, set()).add(url[2:])
    return sorted(out.values(), key=sorted)


def _profiles(articles: list[tuple[str, str]], day: str | None) -> dict[int, ev.Profile]:
    """Profiles of ``articles`` (ids 1, 2, ... after the background), all of ``day``."""
    index = ev.MemoryIndex()
    out: dict[int, ev.Profile] = {}
    for aid, (title, lead) in enumerate([*BACKGROUND, *articles], 1):
        text = f"{title}\n\n{lead}"
        p = ev.profile(index, aid, title, text, len(title) + 2, day)
        index.add(p)
        out[aid] = p
    return {aid: p for aid, p in out.items() if aid > len(BACKGROUND)}


def _place(
    articles: list[tuple[str, str]], strengths: dict[tuple[int, int], float], day: str | None
) -> dict[int, int]:
    """The articles (ids 6, 7, 8, ...) placed as a rebuild places them, with the link
    strengths given (pairs of 0, 1, 2, ...: the first, second, third article ...)."""
    profiles = _profiles(articles, day)
    first = len(BACKGROUND) + 1
    links: stories.Links = {}
    for (x, y), s in strengths.items():
        links.setdefault(first + x, {})[first + y] = s
        links.setdefault(first + y, {})[first + x] = s
    days = {aid: p.day for aid, p in profiles.items()}
    return stories.place_all(links, days, profiles)


# Every link weak (below START_THRESHOLD): no two of them start a story alone.
WEAK = {(0, 1): 0.0, (0, 2): 1.0, (1, 2): 0.5}


def test_three_articles_weakly_linked_to_each_other_start_one_story() -> None:
    assert max(WEAK.values()) < stories.START_THRESHOLD
    placed = _place([REPORT, MAYOR, FERRY], WEAK, "2024-05-07")
    assert set(placed) == {6, 7, 8}
    assert len(set(placed.values())) == 1


def test_two_articles_that_are_not_linked_to_each_other_start_nothing() -> None:
    # The third is linked to both, but the first two have nothing to do with each other.
    strengths = {(0, 2): 1.0, (1, 2): -0.5}
    assert _place([REPORT, MAYOR, FERRY], strengths, "2024-05-07") == {}


def test_an_article_of_another_event_starts_nothing_with_them() -> None:
    # The same links, but the third tells another event: read as one story, the
    # first two are not its event.
    assert _place([REPORT, MAYOR, STRIKE_PIECE], WEAK, "2024-05-07") == {}


def test_an_undated_article_starts_no_story_from_weak_links() -> None:
    assert _place([REPORT, MAYOR, FERRY], WEAK, None) == {}


# A short report of the bridge.
SHORT = (
    "Port Elso shuts the Harbour Bridge",
    "The Harbour Bridge in Port Elso is closed after inspectors found cracked cables.",
)


# The first and the third alike (a story of their own); the second (a short
# report) linked to the first, not strongly enough to start one, and hardly to the third.
LATE_TWIN = {(0, 1): 1.0, (0, 2): 3.0, (1, 2): -1.0}


def test_an_article_left_alone_joins_the_story_newer_ones_form() -> None:
    # Placed when it came, the second had no story to join (the first alone is none);
    # once the third forms one with the first, it joins as if it had come last.
    assert LATE_TWIN[(1, 2)] < stories.BRING_THRESHOLD
    assert LATE_TWIN[(0, 1)] < stories.START_THRESHOLD < LATE_TWIN[(0, 2)]
    placed = _place([REPORT, SHORT, FERRY], LATE_TWIN, "2024-05-07")
    assert set(placed) == {6, 7, 8}
    assert len(set(placed.values())) == 1


def test_an_article_of_another_event_left_alone_stays_alone() -> None:
    placed = _place([REPORT, STRIKE_PIECE, FERRY], LATE_TWIN, "2024-05-07")
    assert set(placed) == {6, 8}


def test_started_one_by_one_as_in_a_rebuild(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Only this rule may start a story here (no link is strong enough to start one
    # alone): three reports of the bridge form one story, one by one and in a rebuild;
    # the strike stays out.
    monkeypatch.setattr(stories, "START_THRESHOLD", 1e9)
    db = connect(tmp_path / "s.db")
    bridge = [
        [
            "The Harbour Bridge in Port Elso was closed on Tuesday after inspectors found"
            " cracks in two of its support cables.",
            "Mayor Lena Okafor said repairs would take at least six weeks.",
        ],
        [
            "Port Elso shut its Harbor Bridge on Tuesday when inspectors discovered cracked"
            " support cables.",
            "The repairs would need at least six weeks, Mayor Lena Okafor told reporters.",
        ],
        [
            "Inspectors closed the Harbour Bridge in Port Elso on Tuesday: two support cables"
            " had cracked.",
            "Mayor Lena Okafor said it would be shut for at least six weeks.",
        ],
    ]
    strike = [
        "Dock workers at the port of Valmora walked out in a dispute over night-shift pay.",
        "The union said 1,200 members had joined the strike.",
    ]
    _ingest(db, tmp_path, "bridge_a", "Alpha", "Harbour Bridge closed", bridge[0])
    _ingest(db, tmp_path, "bridge_b", "Beta", "Port Elso shuts bridge", bridge[1])
    assert _groups(db) == []  # two articles: no story without a strong link
    _ingest(db, tmp_path, "strike_a", "Alpha", "Valmora dockers strike", strike)
    _ingest(db, tmp_path, "bridge_c", "Gamma", "Cracked cables shut bridge", bridge[2])
    one_by_one = _groups(db)
    assert one_by_one == [{"bridge_a", "bridge_b", "bridge_c"}]
    with transaction(db) as conn:
        for table in ("article_profiles", "article_df", "story_links"):
            conn.execute(f"DELETE FROM {table}")
        stories.rebuild_stories(conn)
    assert _groups(db) == one_by_one


# A second report of the bridge, for a story that grows.
SECOND_REPORT = (
    "Cracked cables shut the Harbour Bridge",
    "Inspectors found cracked cables, and Port Elso closed the Harbour Bridge on Tuesday.",
)
# The first and third articles start a story (a strong link); the fourth joins it and
# is weakly linked (above BRING_THRESHOLD, below START_THRESHOLD) to the second, an
# older article of no story, linked more weakly still to the first and to nothing else.
JOINER = {(0, 2): 3.0, (0, 3): 3.0, (2, 3): 2.5, (1, 3): 1.5, (0, 1): 0.5}


def test_a_weak_link_brings_no_article_of_another_event_into_a_story() -> None:
    # One shared word ("Entner: A Japanese reality check for Sprint" / "First Look:
    # Check Out the Full Flash Costume!", UCI) once brought the older article along into
    # the big story the newer one joined, whatever it told.
    assert stories.BRING_THRESHOLD < JOINER[(1, 3)] < stories.START_THRESHOLD
    placed = _place([REPORT, STRIKE_PIECE, FERRY, SECOND_REPORT], JOINER, "2024-05-07")
    assert set(placed) == {6, 8, 9}
    assert len(set(placed.values())) == 1


def test_a_weak_link_brings_an_article_of_the_event_into_its_story() -> None:
    # The same links, the older article a report of the bridge: it fits the story it
    # would join, so it comes along.
    placed = _place([REPORT, SHORT, FERRY, SECOND_REPORT], JOINER, "2024-05-07")
    assert set(placed) == {6, 7, 8, 9}
    assert len(set(placed.values())) == 1


# Another event of the same town, told the same day: it shares a name with the bridge.
COUNCIL_PIECE = (
    "Port Elso council rejects a rise in ferry fares",
    "Councillors in Port Elso voted against dearer ferry tickets at Monday's meeting.",
)
# The first (the council) weakly linked to both reports of the bridge by the town's
# name; the reports linked to each other, not strongly enough to start a story alone.
SHARED_NAME = {(0, 1): -2.6, (0, 2): -2.2, (1, 2): 1.9}


def test_an_article_linked_by_a_shared_name_does_not_start_a_story_with_them() -> None:
    assert max(SHARED_NAME.values()) < stories.START_THRESHOLD
    assert min(SHARED_NAME.values()) > stories.LINK_THRESHOLD
    # Read as one story, the council and the first report are the bridge's event enough
    # for the second report, but the council tells nothing of the two reports: no story
    # of three starts, and none of two (two articles start one only when strongly linked).
    assert _place([COUNCIL_PIECE, REPORT, SECOND_REPORT], SHARED_NAME, "2024-05-07") == {}
    # A third report of the bridge, linked to both: the three start a story, the council
    # stays out.
    links = {**SHARED_NAME, (1, 3): 1.0, (2, 3): 1.9}
    placed = _place([COUNCIL_PIECE, REPORT, SECOND_REPORT, FERRY], links, "2024-05-07")
    assert set(placed) == {7, 8, 9}
    assert len(set(placed.values())) == 1


# Two events of one day, each a story of two reports, and an article that tells both;
# and a late report of the bridge that two early stories of the bridge would both take.
PIZZA = (
    "Pizza chain Marlo files for bankruptcy",
    "Marlo, the pizza chain of 400 restaurants, filed for bankruptcy on Monday.",
)
PIZZA_2 = (
    "Marlo to close 80 pizza restaurants",
    "The Marlo pizza chain will close 80 of its 400 restaurants.",
)
EXCHANGE = (
    "Hackers drain the Vexa coin exchange",
    "Vexa, a coin exchange, lost its customers' deposits to hackers.",
)
EXCHANGE_2 = (
    "Vexa exchange halts withdrawals after hack",
    "The Vexa coin exchange stopped all withdrawals after the theft.",
)
BOTH = (
    "Marlo pizza and the Vexa exchange: a bad Monday",
    "Marlo filed for bankruptcy, and hackers emptied the Vexa coin exchange.",
)
# Each pair strongly linked (a story each), the last article strongly linked to all four.
TWO_STORIES = {(0, 1): 8.0, (2, 3): 8.0, (0, 4): 8.0, (1, 4): 8.0, (2, 4): 8.0, (3, 4): 8.0}


def test_one_article_that_tells_two_events_does_not_merge_their_stories() -> None:
    placed = _place([PIZZA, PIZZA_2, EXCHANGE, EXCHANGE_2, BOTH], TWO_STORIES, "2024-05-07")
    assert set(placed) == {6, 7, 8, 9, 10}
    assert placed[6] == placed[7] != placed[8] == placed[9]


# More outlets' reports of the bridge's closing, and two early ones that started a story
# of their own (the ferries, the cables).
MORE_REPORTS = [
    (
        "Port Elso shuts Harbour Bridge over cracked cables",
        "Inspectors found cracked cables on the Harbour Bridge, and Port Elso shut it.",
    ),
    (
        "Harbour Bridge closed until further notice",
        "The Harbour Bridge in Port Elso is closed after an inspection found cracked cables.",
    ),
    (
        "Cracked cables close Port Elso's Harbour Bridge",
        "Port Elso's main crossing, the Harbour Bridge, closed on Tuesday.",
    ),
    (
        "Drivers face detours as Harbour Bridge closes",
        "With the Harbour Bridge closed, drivers in Port Elso face long detours.",
    ),
]
FRAGMENT = [
    FERRY,
    (
        "Harbour Bridge in Port Elso closed: cables cracked",
        "Port Elso's Harbour Bridge was closed on Tuesday; inspectors found cracked cables.",
    ),
]


def _one_story_and_a_fragment(main: int, fragment: int) -> dict[tuple[int, int], float]:
    """Links of ``main`` articles (one story), then ``fragment`` articles (a story of
    their own, not linked to the first), then one article strongly linked to all."""
    out: dict[tuple[int, int], float] = {}
    for first, n in ((0, main), (main, fragment)):
        out.update({(x, y): 8.0 for x in range(first, first + n) for y in range(x + 1, first + n)})
    last = main + fragment
    out.update({(x, last): 8.0 for x in range(last)})
    return out


def test_one_article_merges_a_fragment_into_the_story_of_its_event() -> None:
    main = [REPORT, SECOND_REPORT, *MORE_REPORTS]
    links = _one_story_and_a_fragment(len(main), len(FRAGMENT))
    assert len(FRAGMENT) <= stories.MERGE_SHARE_MAX * len(main)
    placed = _place([*main, *FRAGMENT, SHORT], links, "2024-05-07")
    assert set(placed) == set(range(6, 6 + len(main) + len(FRAGMENT) + 1))
    assert len(set(placed.values())) == 1


# Two events of one day in one town with the same people, each told by three outlets,
# and an article that tells both: the two stories read alike (the mayor, the harbour,
# the town), but each has grown as its own.
FESTIVAL = [
    (
        "Mayor Okafor opens the Port Elso harbour festival",
        "Mayor Lena Okafor opened the harbour festival in Port Elso on Tuesday.",
    ),
    (
        "Harbour festival opens in Port Elso with fireworks",
        "Fireworks over the harbour opened Port Elso's festival, Mayor Okafor said.",
    ),
    (
        "Crowds fill the harbour for Port Elso's festival",
        "Thousands came to the harbour as Mayor Okafor opened the festival.",
    ),
]
CLOSING = [
    REPORT,
    MORE_REPORTS[0],
    (
        "Mayor Okafor shuts the Harbour Bridge in Port Elso",
        "Mayor Lena Okafor closed the Harbour Bridge on Tuesday after cables cracked.",
    ),
]
OKAFOR_DAY = (
    "Okafor's Tuesday: the Harbour Bridge shut, the harbour festival opened",
    "Mayor Lena Okafor closed the Harbour Bridge in Port Elso and opened the harbour festival.",
)


def test_one_article_does_not_merge_two_grown_stories_of_one_day_and_people() -> None:
    links = _one_story_and_a_fragment(len(CLOSING), len(FESTIVAL))
    profiles = list(_profiles([*CLOSING, *FESTIVAL], "2024-05-07").values())
    pools = [ev.Pool(), ev.Pool()]
    for i, p in enumerate(profiles):
        pools[i >= len(CLOSING)].add(p)
    # They read alike: only their sizes say that neither is a fragment of the other.
    assert pools[0].alike(pools[1]) >= stories.MERGE_ALIKE_MIN
    assert len(FESTIVAL) > stories.MERGE_SHARE_MAX * len(CLOSING)
    placed = _place([*CLOSING, *FESTIVAL, OKAFOR_DAY], links, "2024-05-07")
    closing = {placed[6 + i] for i in range(len(CLOSING))}
    festival = {placed[6 + len(CLOSING) + i] for i in range(len(FESTIVAL))}
    assert len(closing) == len(festival) == 1
    assert closing != festival


def test_a_headline_alone_merges_two_grown_stories_that_read_alike() -> None:
    # One event's headlines share few words: its early ones start two stories that both
    # grow, and a headline that tells both is what joins them (UCI's held-out half lost
    # 0.03 of F1 when headlines merged only fragments).
    heads = [(title, "") for title, _lead in (*CLOSING, *FESTIVAL, OKAFOR_DAY)]
    links = _one_story_and_a_fragment(len(CLOSING), len(FESTIVAL))
    placed = _place(heads, links, "2024-05-07")
    assert set(placed) == set(range(6, 6 + len(heads)))
    assert len(set(placed.values())) == 1


# The next event of the bridge, days later: it reads like the reports of its closing
# (the town, the bridge, the cables), but no link to them is more than weak.
REOPENED = (
    "Harbour Bridge reopens after cable repairs",
    "Port Elso reopened its Harbour Bridge on Friday after repairs to the cracked cables.",
)
CLOSED = {(0, 1): 8.0}


def _join_probability(articles: list[tuple[str, str]], links: list[float]) -> float:
    """How probably the last of ``articles`` tells the story of the others, linked to
    each of them as ``links`` say (db.stories._tells, as placing it asks)."""
    profiles = list(_profiles(articles, "2024-05-07").values())
    pool = ev.Pool()
    for p in profiles[:-1]:
        pool.add(p)
    return stories._tells(profiles[-1], pool, sum(stories._probability(s) for s in links))


def test_an_article_that_only_reads_like_a_story_does_not_join_it() -> None:
    # Linked to both reports, weakly: it reads like their pool (the town, the bridge,
    # the cables), but not one of its own links says it tells their event (BASIL told
    # as titles and leads: Netanyahu in an ad, then Netanyahu's visit two days later,
    # one story). With the story weights fitted since the forty-second session the
    # reading alone no longer gets it in (join probability 0.06), so JOIN_LINK_MIN is a
    # guard here, not what decides.
    weak = [-1.5, -1.8]
    assert max(weak) < stories.JOIN_LINK_MIN
    links = {**CLOSED, (0, 2): weak[0], (1, 2): weak[1]}
    placed = _place([REPORT, SECOND_REPORT, REOPENED], links, "2024-05-07")
    assert placed[6] == placed[7]
    assert 8 not in placed
    # A link that says one event (probability 0.73), another weak one, and the same
    # reading: it joins.
    links = {**CLOSED, (0, 2): 1.0, (1, 2): -0.3}
    placed = _place([REPORT, SECOND_REPORT, REOPENED], links, "2024-05-07")
    assert placed[6] == placed[7] == placed[8]


def test_a_headline_alone_joins_a_story_on_its_reading_however_weak_its_links() -> None:
    # Headlines of one event share a few words, any two of them little (UCI): a headline
    # alone joins the story its pool tells, as before.
    heads = [(title, "") for title, _lead in (REPORT, SECOND_REPORT, REOPENED)]
    weak = [-1.5, -1.8]
    assert _join_probability(heads, weak) > stories.JOIN_MIN
    links = {**CLOSED, (0, 2): weak[0], (1, 2): weak[1]}
    placed = _place(heads, links, "2024-05-07")
    assert placed[6] == placed[7] == placed[8]
