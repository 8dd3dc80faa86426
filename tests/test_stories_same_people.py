"""Two events of the same people on one day stay two stories.

The first telling of a second event of a story's people (the mayor subpoenaed; the
mayor, that afternoon, running for governor) is linked to the story's members by
their names (log-odds 1 to 4: what bench/fit_stories.py's pair model gives such pairs
on BASIL), and once it joins, its own tellings, strongly linked to it, follow it in.
An article with a lead joins a story only when it says something of it beyond the
names: its lead shares words with the story's beyond the names (``db.stories.ACT_MIN``:
the act, the thing, the place), or one of its statements matches a member's as the same
claim (``db.stories.CLAIM_PART``). Three outlets telling one event in other words share
some of those words. How strongly the pair model links two articles is no help: names
count in it as much as any word.

The articles (an invented town and people) and link strengths are written for these
tests, as in tests/test_stories_short.py."""

from __future__ import annotations

from db import article_evidence as ev
from db import stories
from tests.test_stories_short import _profiles, placed_after_background
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


def _stories(
    articles: list[tuple[str, str]], pairs: dict[tuple[int, int], float]
) -> set[frozenset[int]]:
    """The stories (1-based among ``articles``), the links between them as ``pairs`` say."""
    by_key: dict[int, set[int]] = {}
    for aid, key in placed_after_background(articles, pairs).items():
        by_key.setdefault(key, set()).add(aid)
    return {frozenset(members) for members in by_key.values()}


# The subpoena's tellings linked strongly, the third in other words more weakly; the
# run's first telling linked to the subpoena's by the mayor's and the town's names (as
# BASIL's second events of the same people were: 1 to 4); the run's own tellings
# strongly to each other.
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
    # The third telling is weakly linked (3.0, 2.5) and names the mayor only by her
    # office, but says "subpoena", "campaign", "records", "donations".
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


def _scored(articles: list[tuple[str, str]]) -> set[frozenset[int]]:
    """As :func:`_stories`, every pair scored by the pair model (article evidence
    alone: these articles share no matched statement)."""
    profiles = _profiles(articles)
    base = len(BACKGROUND)
    n = len(articles)
    pairs = {
        (a, b): ev.score(profiles[base + a], profiles[base + b], stories.STORY_WINDOW_DAYS)
        for a in range(1, n + 1)
        for b in range(a + 1, n + 1)
    }
    return _stories(articles, {k: s for k, s in pairs.items() if s > stories.LINK_THRESHOLD})


def test_scored_as_written_the_two_events_stay_two_stories() -> None:
    # The pair model links the run's first telling to the subpoena's strongly (both
    # titles say "Tallis mayor Ines Varga": their names weigh as much as words); no link
    # strength tells names from the act, the words beyond the names do.
    assert _scored([*SUBPOENA, *RUN]) == {frozenset({1, 2, 3}), frozenset({4, 5, 6})}


def _copy_linked(extra: float) -> set[frozenset[int]]:
    """The subpoena's tellings and a dateline naming only the mayor and the town, linked
    to the first telling by their article evidence plus ``extra`` (a matched claim)."""
    copy = ("Ines Varga, Tallis", "Tallis Mayor Ines Varga, Tuesday.")
    articles = [*SUBPOENA, copy]
    profiles = _profiles(articles)
    base = len(BACKGROUND)
    window = stories.STORY_WINDOW_DAYS
    evidence = ev.score(profiles[base + 1], profiles[base + 4], window)
    return _stories(articles, {**SUBPOENA_LINKS, (1, 4): evidence + extra})


def test_a_matched_claim_says_more_than_the_names() -> None:
    # Every word it shares with the story is a name (or the day): it joins when one of
    # its statements matches the first telling's as the same claim, not otherwise.
    assert _copy_linked(ev.matches_term(1, 0)) == {frozenset({1, 2, 3, 4})}
    assert _copy_linked(0.0) == {frozenset({1, 2, 3})}
