"""Stories of short articles whose leads share one related statement.

Told in a title and one paragraph, three outlets tell one event in other words: no two
leads alike, their pair scores weak. A lead of one paragraph holds two or three
statements, so one of them matching another outlet's lead as related (another claim of
the same happening) says more than it does between two full articles, where it counts
for nothing (a participant of another happening is enough for it):
``db.article_evidence.SHORT_RELATED_WEIGHT`` reads it for pairs of two short articles.

The articles are written for these tests (an invented town and people); the matched
statements are given as the matcher counts them (``db.stories.Matched``)."""

from __future__ import annotations

import pytest

from db import article_evidence as ev
from db import stories
from tests.test_stories_short import _profiles
from tests.test_stories_start import BACKGROUND

# One event (the Lindqvist mine closed) told by three outlets in other words.
CLOSURE = (
    "Lindqvist mine to shut in June, owner says",
    "Corvane Metals will close the Lindqvist copper mine in June, ending 400 jobs in Brask,"
    " the company said on Tuesday.",
)
WORKERS = (
    "Brask miners fear for the town after closure news",
    "Miners leaving the afternoon shift said the town would not survive without the pit"
    " that has employed their families for three generations.",
)
MARKETS = (
    "Corvane shares rise as loss-making copper pit is dropped",
    "Investors welcomed the decision to stop digging at a site that lost money for five"
    " straight years; the stock closed 6% higher.",
)
# Another event of the same town and people on the same day: Corvane's new smelter.
SMELTER = (
    "Corvane opens a smelter outside Brask",
    "Corvane Metals opened a new smelter outside Brask on Tuesday, with 120 jobs.",
)


def _links(
    articles: list[tuple[str, str]], matched: dict[tuple[int, int], stories.Matched]
) -> tuple[stories.Links, dict[int, ev.Profile]]:
    """The links among the background and ``articles`` (1-based among them, older
    first): their pair scores, and the statements ``matched`` between them."""
    profiles = _profiles(articles)
    base = len(BACKGROUND)
    window = stories.STORY_WINDOW_DAYS
    ids = sorted(profiles)
    evidence = {}
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            s = ev.score(profiles[b], profiles[a], window)
            if s >= ev.STORE_FLOOR:
                evidence[(a, b)] = s
    counts = {(base + a, base + b): m for (a, b), m in matched.items()}
    days = {aid: p.day for aid, p in profiles.items()}
    short = stories.short_related(counts, lambda aids: {a: profiles[a] for a in aids})
    return stories.link_graph(evidence, counts, days, window, frozenset(), short), profiles


def _stories(articles: list[tuple[str, str]], matched: dict[tuple[int, int], stories.Matched]):
    """The stories (sets, 1-based among ``articles``) of ``articles`` placed after the
    background."""
    links, profiles = _links(articles, matched)
    days = {aid: p.day for aid, p in profiles.items()}
    placed = stories.place_all(links, days, profiles)
    base = len(BACKGROUND)
    out: dict[int, set[int]] = {}
    for aid, key in placed.items():
        if aid > base:
            out.setdefault(key, set()).add(aid - base)
    return sorted(out.values(), key=sorted)


def test_two_short_tellings_in_other_words_with_a_related_statement_start_a_story() -> None:
    # The report's and the market piece's leads each say the mine is closed (one
    # statement matched as related); their words and names differ (pair score -1.5).
    assert all(
        p.short for p in _profiles([CLOSURE, WORKERS, MARKETS]).values()
    )  # and the background
    assert _stories([CLOSURE, WORKERS, MARKETS], {(1, 3): (0, 1)}) == [{1, 3}]


def test_without_the_related_statement_no_story_forms() -> None:
    # The pair scores alone are too weak: what the change reads is the matched statement.
    assert _stories([CLOSURE, WORKERS, MARKETS], {}) == []


def test_two_full_articles_with_one_related_statement_are_read_as_before() -> None:
    # The same tellings with a second paragraph each (not short): one related statement
    # still counts for nothing, and no story forms.
    more = " The company gave no other details."
    long = [(t, f"{lead}\n\n{more}") for t, lead in (CLOSURE, WORKERS, MARKETS)]
    assert not any(p.short for aid, p in _profiles(long).items() if aid > len(BACKGROUND))
    assert _stories(long, {(1, 3): (0, 1)}) == []


def test_two_events_of_one_day_with_the_same_people_stay_two() -> None:
    # The smelter shares the company, the town and the day with the closure (pair score
    # 1.8, under START_THRESHOLD) and no statement: it starts no story with it.
    assert _stories([CLOSURE, WORKERS, MARKETS, SMELTER], {(1, 3): (0, 1)}) == [{1, 3}]


@pytest.mark.xfail(strict=True, reason="the rule's known limit (BENCHMARKS.md, story77)")
def test_another_event_of_the_same_people_with_a_related_statement_stays_apart() -> None:
    # The limit of the rule: when the matcher reads the smelter's "with 120 jobs" as
    # related to the closure's "ending 400 jobs" (a participant of another happening), a
    # pair already near a link (1.8) is one: the smelter joins the closure's story. On
    # BASIL told in one paragraph, on one day, 26 of the 95 short pairs with one related
    # statement were of two events.
    found = _stories([CLOSURE, WORKERS, MARKETS, SMELTER], {(1, 3): (0, 1), (1, 4): (0, 1)})
    assert found == [{1, 3}]


def test_one_related_statement_counts_for_two_short_articles_only() -> None:
    matched = {(1, 2): (0, 1)}
    days = {1: 1, 2: 1}
    evidence = {(1, 2): -1.0}
    plain = stories.link_graph(evidence, matched, days)[1][2]
    short = stories.link_graph(evidence, matched, days, short=frozenset({1, 2}))[1][2]
    one_short = stories.link_graph(evidence, matched, days, short=frozenset({1}))[1][2]
    assert plain == one_short == -1.0 + ev.matches_term(0, 1)
    assert short == plain + ev.SHORT_RELATED_WEIGHT > plain
    # Two related statements count as before (RELATED_WEIGHT's half), short or not.
    two = {(1, 2): (0, 2)}
    assert stories.link_graph(evidence, two, days, short=frozenset({1, 2})) == (
        stories.link_graph(evidence, two, days)
    )
