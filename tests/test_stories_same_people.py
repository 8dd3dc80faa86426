"""Two events of the same people on one day stay two stories.

The first telling of a second event of a story's people (the mayor subpoenaed; the
mayor, that afternoon, running for governor) is linked to the story's members by
their names (log-odds 1 to 4: what bench/fit_stories.py's pair model gives such pairs
on BASIL), and once it joins, its own tellings, strongly linked to it, follow it in.
An article with a lead joins a story it is linked to that weakly only when its lead
shares words with the story's beyond the names (``db.stories.ACT_MIN``): the act, the
thing, the place. Three outlets telling one event in other words share some of them.

The articles (an invented town and people) and link strengths are written for these
tests, as in tests/test_stories_short.py."""

from __future__ import annotations

from db import article_evidence as ev
from db import stories
from tests.test_stories_start import BACKGROUND  # the other news of those days

# The mayor's campaign subpoenaed, told by three outlets in their own words.
SUBPOENA = [
    (
        "Prosecutors subpoena Tallis mayor Ines Varga's campaign",
        "Federal prosecutors have subpoenaed the re-election campaign of Tallis Mayor Ines"
        " Varga, seeking records of donations from a harbour contractor.",
    ),
    (
        "Grand jury subpoena served on Varga campaign",
        "A grand jury subpoena was served on Mayor Ines Varga's campaign in Tallis on"
        " Tuesday over donations it took from a harbour dredging firm.",
    ),
    (
        "Varga's donors under federal scrutiny",
        "Investigators want the Tallis mayor's campaign to hand over its records of"
        " contractor donations, according to a subpoena seen by the Courier.",
    ),
]
# The same mayor, the same day, another act: she runs for governor.
RUN = [
    (
        "Tallis mayor Ines Varga announces run for governor",
        "Mayor Ines Varga of Tallis declared her candidacy for governor at a rally on the"
        " quay on Tuesday evening.",
    ),
    (
        "Varga enters governor's race",
        "Ines Varga, the mayor of Tallis, said on Tuesday she will seek the party's"
        " nomination for governor next spring.",
    ),
    (
        "Ines Varga wants to be governor",
        "Tallis Mayor Ines Varga launched her bid for governor, promising cheaper ferries"
        " and a new hospital wing.",
    ),
]


def _profiles(articles: list[tuple[str, str]]) -> dict[int, ev.Profile]:
    """Profiles of the background then ``articles`` (ids from 1), all of one day."""
    index = ev.MemoryIndex()
    out: dict[int, ev.Profile] = {}
    for aid, (title, lead) in enumerate([*BACKGROUND, *articles], 1):
        p = ev.profile(index, aid, title, f"{title}\n\n{lead}", len(title) + 2, "2024-03-05")
        index.add(p)
        out[aid] = p
    return out


def _stories(
    articles: list[tuple[str, str]], pairs: dict[tuple[int, int], float]
) -> set[frozenset[int]]:
    """The stories (1-based among ``articles``), the links between them as ``pairs`` say."""
    profiles = _profiles(articles)
    base = len(BACKGROUND)
    links: stories.Links = {}
    for (a, b), strength in pairs.items():
        links.setdefault(base + a, {})[base + b] = strength
        links.setdefault(base + b, {})[base + a] = strength
    placed = stories.place_all(links, {a: p.day for a, p in profiles.items()}, profiles)
    by_key: dict[int, set[int]] = {}
    for aid, key in placed.items():
        by_key.setdefault(key, set()).add(aid - base)
    return {frozenset(members) for members in by_key.values()}


# The subpoena's tellings linked strongly (a shared claim: "subpoenaed ... campaign"),
# the third in other words more weakly; the run's first telling linked to the subpoena's
# by the mayor's and the town's names; the run's own tellings strongly to each other.
SUBPOENA_LINKS = {(1, 2): 12.0, (1, 3): 3.0, (2, 3): 2.5}
RUN_LINKS = {
    (1, 4): 3.0,
    (2, 4): 1.5,
    (3, 4): 1.0,
    (4, 5): 10.0,
    (1, 5): 1.0,
    (4, 6): 9.0,
    (5, 6): 11.0,
    (2, 6): 0.5,
}


def test_two_events_of_the_same_people_on_one_day_stay_two_stories() -> None:
    found = _stories([*SUBPOENA, *RUN], {**SUBPOENA_LINKS, **RUN_LINKS})
    assert found == {frozenset({1, 2, 3}), frozenset({4, 5, 6})}


def test_one_event_told_by_three_outlets_in_other_words_stays_one() -> None:
    # The third telling is weakly linked (3.0, 2.5: under TOLD_LINK) and names the
    # mayor only by her office, but says "subpoena", "campaign", "records", "donations".
    assert _stories(SUBPOENA, SUBPOENA_LINKS) == {frozenset({1, 2, 3})}


def test_words_beyond_the_names_read_the_act_not_the_people() -> None:
    profiles = _profiles([*SUBPOENA, *RUN])
    base = len(BACKGROUND)
    pool = ev.Pool()
    for aid in (1, 2):
        pool.add(profiles[base + aid])
    third, run = profiles[base + 3], profiles[base + 4]
    # Both share the mayor's and the town's names with the story ...
    assert {"varga", "tallis"} <= run.ents.keys() & pool.ents.keys()
    # ... the run shares nothing else, the third telling its act.
    assert pool.beyond_names(run) < stories.ACT_MIN <= pool.beyond_names(third)
    # Read whole, the leads of the run and of the story look alike.
    assert pool.cosine(run.lead, 1) > 0.1


def test_a_strongly_linked_article_joins_on_its_link_alone() -> None:
    # A near-copy of the story's first telling (a shared claim: linked above TOLD_LINK)
    # joins even when every word it shares is a name.
    copy = ("Ines Varga, Tallis", "Tallis Mayor Ines Varga, Tuesday.")
    found = _stories([*SUBPOENA, copy], {**SUBPOENA_LINKS, (1, 4): 20.0, (2, 4): 8.0})
    assert found == {frozenset({1, 2, 3, 4})}
