"""Pair weights by length: two short articles (a title and one short paragraph) are scored
with the weights fitted on such articles, any other pair with the full-text weights.

Two tellings of one event in a title and a lead share few words; the short weights ask
less of them (``db.article_evidence.SHORT_WEIGHTS``). Two long articles sharing as few
words in their openings are as often two events of one place and people, and the
lenient weights joined them (story63, BENCHMARKS.md): so those keep the full-text weights.

The articles are written for these tests (an invented town); the background gives the
town's common words ("county", "shut", "engineers") their document frequencies."""

from __future__ import annotations

from db import article_evidence as ev
from db import stories

_PLACES = ["Dunmore", "Ellsby", "Fenwick", "Galloway", "Hollins", "Irvine"]
_PLACES += ["Jessop", "Kellan", "Lorne", "Marwood", "Norcott", "Oakham"]
_THINGS = ["park", "library", "pool", "depot", "school", "museum"]
_THINGS += ["clinic", "station", "theatre", "market", "harbour", "tunnel"]
_VERBS = ["opened", "closed", "reopened", "sold", "repaired", "expanded"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
_WHO = ["engineers", "inspectors", "officials", "drivers", "residents", "workers"]
BACKGROUND = [
    (
        f"{_PLACES[i % 12]} {_THINGS[i * 5 % 12]} {_VERBS[i % 6]} after {_WHO[i * 7 % 6]} complain",
        f"The {_PLACES[i % 12]} {_THINGS[i * 5 % 12]} was {_VERBS[i % 6]} on {_DAYS[i % 5]}"
        f" after {_WHO[i * 7 % 6]} raised concerns about a beam, a crack or the river,"
        " the county said.",
    )
    for i in range(40)
]

# One event told by two outlets, a title and one paragraph each.
BRIDGE = (
    "Harwick bridge shut after engineers find crack",
    "Engineers closed the Harwick river bridge on Tuesday after finding a crack in a support beam.",
)
CROSSING = (
    "Crack closes Harwick crossing",
    "Motorists face long detours after the crossing into Harwick was shut when a routine"
    " check turned up a split girder.",
)
# Long articles of two events: the closure, and the traders' call for a ferry after it.
BRIDGE_LONG = (
    BRIDGE[0],
    BRIDGE[1] + "\n\nThe county expects the bridge to stay shut for at least six weeks while a"
    " replacement beam is made, and has asked lorries to use the ring road.",
)
FERRY_LONG = (
    "Ferry call after bridge closure",
    "Traders on the east bank of Harwick want the council to run a ferry while the bridge is"
    " shut.\n\nAbout two hundred people signed a petition; the mayor met a delegation and said"
    " a decision on a ferry would come within weeks.",
)


def _profiles(articles: list[tuple[str, str]]) -> dict[int, ev.Profile]:
    """Profiles of the background then ``articles`` (ids from 1), all of one day."""
    index = ev.MemoryIndex()
    out: dict[int, ev.Profile] = {}
    for aid, (title, body) in enumerate([*BACKGROUND, *articles], 1):
        p = ev.profile(index, aid, title, f"{title}\n\n{body}", len(title) + 2, "2024-03-05")
        index.add(p)
        out[aid] = p
    return out


def _together(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether ``a`` and ``b`` are placed in one story, linked as the pair model scores them."""
    profiles = _profiles([a, b])
    x, y = len(BACKGROUND) + 1, len(BACKGROUND) + 2
    s = ev.score(profiles[x], profiles[y], stories.STORY_WINDOW_DAYS)
    links: stories.Links = {}
    if s > stories.LINK_THRESHOLD:
        links = {x: {y: s}, y: {x: s}}
    days = {aid: p.day for aid, p in profiles.items()}
    placed = stories.place_all(links, days, profiles)
    return placed.get(x) is not None and placed.get(x) == placed.get(y)


def test_a_title_and_one_short_paragraph_is_short() -> None:
    assert ev.is_short("Engineers closed the bridge on Tuesday.")
    assert not ev.is_short("Engineers closed the bridge.\n\nIt will stay shut for weeks.")
    assert not ev.is_short("Engineers closed the bridge. " * 30)  # more than the profile reads
    assert not ev.is_short("  ")
    profiles = _profiles([BRIDGE, BRIDGE_LONG])
    assert profiles[len(BACKGROUND) + 1].short
    assert not profiles[len(BACKGROUND) + 2].short


def test_two_short_tellings_of_one_event_join() -> None:
    # Few shared words ("Harwick", "crack"), each told in a few lines: one event.
    assert _together(BRIDGE, CROSSING)


def test_two_long_articles_of_other_events_sharing_as_few_words_do_not_join() -> None:
    # The closure and the call for a ferry after it: the same place and bridge, two events.
    assert not _together(BRIDGE_LONG, FERRY_LONG)


def test_a_short_and_a_long_article_are_scored_as_full_text() -> None:
    profiles = _profiles([BRIDGE, BRIDGE_LONG])
    a, b = profiles[len(BACKGROUND) + 1], profiles[len(BACKGROUND) + 2]
    f = ev.features(a, b, stories.STORY_WINDOW_DAYS)
    full = ev.INTERCEPT + sum(w * x for w, x in zip(ev.WEIGHTS, f, strict=True))
    assert ev.score(a, b, stories.STORY_WINDOW_DAYS) == round(full, 6)


def test_short_is_stored_with_the_profile() -> None:
    p = _profiles([BRIDGE])[len(BACKGROUND) + 1]
    assert p.short
    assert '"s":1' in p.data()
    assert ev._load(p.aid, 1, p.data()).short  # as StoredIndex reads it back
