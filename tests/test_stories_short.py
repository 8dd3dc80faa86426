"""Stories of short articles: a title and one lead paragraph.

Told in one paragraph, one event's articles repeat few words and fewer statements, so
an article is often strongly linked to one member of a story and to no other (its
matched claim is in one outlet's lead, not the other's). Its *fit*, the mean probability
over the story's members, halves in a story of two; the story model also reads its
strongest link (``best``, db.article_evidence.STORY_FEATURE_NAMES), so such an article
joins. Another event of the story's people, linked to it only by their names, does not.

The articles and link strengths are written for these tests (an invented town and
people); the strengths are in the range bench/fit_stories.py's model gives such pairs
(one event told by two outlets: 4 to 30; two events sharing names: 0 to 2)."""

from __future__ import annotations

from db import article_evidence as ev
from db import stories
from tests.test_stories_start import BACKGROUND  # the other news of those days

# One event (the ferry line closed) told by two outlets, each a title and one paragraph.
REPORT = (
    "Tallis council votes to close the Orvin ferry line",
    "The Tallis town council voted 7-2 on Tuesday to close the Orvin ferry line at the end"
    " of March, citing losses of $2 million a year.",
)
OPINION = (
    "Closing the Orvin ferry is a mistake the lake will regret",
    "For sixty years the Orvin ferry has been how Tallis commuters crossed the lake; the"
    " council has chosen to save money rather than the town's lifeline.",
)
# A third outlet's short item on the same vote: its figure is the report's, not the
# opinion piece's.
SHORT = (
    "Ferry closure: council cites $2 million in losses",
    "The council said the Orvin line loses $2 million a year and will stop at the end of March.",
)
# Another event of the same town and people on the same day.
PIER = (
    "Tallis mayor opens the new Orvin pier",
    "Mayor Ines Varga opened the rebuilt Orvin pier on Tuesday, two years after a storm"
    " destroyed the old one.",
)


def _profiles(articles: list[tuple[str, str]], day: str = "2024-03-05") -> dict[int, ev.Profile]:
    """Profiles of the background then ``articles`` (ids from 1), all of ``day``."""
    index = ev.MemoryIndex()
    out: dict[int, ev.Profile] = {}
    for aid, (title, lead) in enumerate([*BACKGROUND, *articles], 1):
        p = ev.profile(index, aid, title, f"{title}\n\n{lead}", len(title) + 2, day)
        index.add(p)
        out[aid] = p
    return out


def placed_after_background(
    articles: list[tuple[str, str]], pairs: dict[tuple[int, int], float]
) -> dict[int, int]:
    """The story of each of ``articles`` placed after the background (1-based among
    ``articles``: its story key), the links between them as ``pairs`` say (1-based,
    older first)."""
    profiles = _profiles(articles)
    base = len(BACKGROUND)
    links: stories.Links = {}
    for (a, b), strength in pairs.items():
        links.setdefault(base + a, {})[base + b] = strength
        links.setdefault(base + b, {})[base + a] = strength
    days = {aid: p.day for aid, p in profiles.items()}
    placed = stories.place_all(links, days, profiles)
    return {aid - base: key for aid, key in placed.items() if aid > base}


def _place(articles: list[tuple[str, str]], pairs: dict[tuple[int, int], float]) -> set[int]:
    """The articles (1-based among ``articles``) placed in the story of the first, the
    links between them as ``pairs`` say (1-based, older first)."""
    placed = placed_after_background(articles, pairs)
    first = placed.get(1)
    return {aid for aid, key in placed.items() if first is not None and key == first}


def test_a_short_item_linked_strongly_to_one_of_a_storys_two_joins_it() -> None:
    # The report and the opinion piece start a story (one event, linked strongly); the
    # short item repeats the report's claim ($2 million a year: a matched statement)
    # and shares nothing with the opinion piece. Its mean fit over the two is 0.5; its
    # link to the report says it tells the event.
    assert _place([REPORT, OPINION, SHORT], {(1, 2): 6.0, (1, 3): 8.0}) == {1, 2, 3}


def _scored(articles: list[tuple[str, str]]) -> set[int]:
    """As :func:`_place`, the links scored by the pair model (article evidence alone)."""
    profiles = _profiles(articles)
    base = len(BACKGROUND)
    n = len(articles)
    window = stories.STORY_WINDOW_DAYS
    pairs = {
        (a, b): ev.score(profiles[base + a], profiles[base + b], window)
        for a in range(1, n + 1)
        for b in range(a + 1, n + 1)
    }
    return _place(articles, {k: s for k, s in pairs.items() if s > stories.LINK_THRESHOLD})


def test_a_strong_link_to_one_member_is_not_enough_without_the_story_read_alike() -> None:
    # The strongest link counts with the rest of the story model: another event of the
    # same town, linked to the report by their names only, stays out.
    assert _place([REPORT, OPINION, PIER], {(1, 2): 6.0, (1, 3): 1.0}) == {1, 2}


def test_another_event_of_the_storys_people_on_its_day_does_not_join() -> None:
    # Scored as written: the short item joins the report and the opinion piece, the
    # mayor's pier (the same day, the same town and ferry) does not.
    assert _scored([REPORT, OPINION, SHORT, PIER]) == {1, 2, 3}


def test_the_strongest_link_is_read_as_a_probability() -> None:
    pool = ev.Pool()
    profiles = _profiles([REPORT, OPINION, SHORT])
    base = len(BACKGROUND)
    pool.add(profiles[base + 1])
    pool.add(profiles[base + 2])
    short = profiles[base + 3]
    one = stories._probability(8.0)
    # One strong link in a story of two: the same fit, a stronger best, more probable.
    assert stories._tells(short, pool, one, one) > stories._tells(short, pool, one, 0.5)
    assert ev.story_features(short, pool, 0.5, one)[-1] == one
