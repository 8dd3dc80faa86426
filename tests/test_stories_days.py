"""How the story evidence reads days: a day apart is no evidence that two articles tell
one event, the same day no evidence against it, and an undated pair needs more.

The weights of days are held, not fitted (bench/fit_stories.py, HELD_PAIR and
HELD_STORY): the fit's sets cannot tell them apart (dated BASIL has no other event in a
story's window; its hard negatives are all of one day). Fitted, they read "the same day"
as evidence against one event, so the next event of the same people a day later joined a
story more easily than one of the same day. The articles are written for these tests (an
invented town and people)."""

from __future__ import annotations

from db import article_evidence as ev
from db import stories

# Two short reports (title and lead) of one event, and a third outlet's.
REPORTS = [
    (
        "Lake Orvin ferry runs aground near Tallis pier",
        "The Lake Orvin ferry ran aground near Tallis pier on Monday with 40 passengers.",
    ),
    (
        "Passengers rescued after Orvin ferry grounding",
        "Forty passengers were taken off the Lake Orvin ferry after it ran aground at Tallis.",
    ),
]
THIRD = (
    "Orvin ferry aground: all 40 passengers safe",
    "All 40 passengers of the Lake Orvin ferry are safe after it grounded near Tallis pier.",
)
# Background, so that document frequencies mean something.
BACKGROUND = [
    ("Council rejects the regional budget", "The council voted the budget down."),
    ("New library opens on Quay Street", "The library holds 80,000 books."),
    ("Fishing quotas cut for next season", "Boats will land a fifth less cod."),
]


def _profiles(dates: list[str | None]) -> list[ev.Profile]:
    """Profiles of the background, the two reports and the third, the last three dated
    ``dates``."""
    index = ev.MemoryIndex()
    out = []
    articles = [*BACKGROUND, *REPORTS, THIRD]
    all_dates = ["2024-03-04"] * len(BACKGROUND) + dates
    for aid, ((title, lead), date) in enumerate(zip(articles, all_dates, strict=True), 1):
        p = ev.profile(index, aid, title, f"{title}\n\n{lead}", len(title) + 2, date)
        index.add(p)
        out.append(p)
    return out[len(BACKGROUND) :]


def _join(dates: list[str | None], strength: float) -> float:
    """How probably the third tells the story of the two reports, linked to each by
    ``strength``."""
    first, second, third = _profiles(dates)
    pool = ev.Pool()
    pool.add(first)
    pool.add(second)
    return stories._tells(third, pool, 2 * stories._probability(strength))


def test_an_article_of_the_storys_own_day_is_no_less_its_event_than_a_day_later() -> None:
    # The same links, the same words: of the reports' day or of the next, it tells their
    # event as probably (fitted, "the same day" counted against it).
    same_day = _join(["2024-03-04", "2024-03-04", "2024-03-04"], 1.0)
    next_day = _join(["2024-03-04", "2024-03-04", "2024-03-05"], 1.0)
    assert same_day >= next_day


def test_a_day_apart_is_no_evidence_of_one_event() -> None:
    first, _second, third = _profiles(["2024-03-04", "2024-03-04", "2024-03-04"])
    _f, _s, later = _profiles(["2024-03-04", "2024-03-04", "2024-03-06"])
    window = stories.STORY_WINDOW_DAYS
    assert ev.score(first, later, window) <= ev.score(first, third, window)


def test_an_undated_pair_needs_more_evidence_than_a_dated_one() -> None:
    # Issue 11: an undated article is not compared as if of the same day; no fit set holds
    # an undated pair, so what it costs is held (the penalty it had before).
    window = stories.STORY_WINDOW_DAYS
    first, _second, third = _profiles(["2024-03-04", "2024-03-04", "2024-03-04"])
    _f, _s, undated = _profiles(["2024-03-04", "2024-03-04", None])
    assert ev.score(first, undated, window) <= ev.score(first, third, window) - 4.0
