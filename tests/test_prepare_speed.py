"""What prepare skips for speed gives what the full reading gives: the review/recap
label's regex (matcher._TAKE_RE) is searched only in a text holding one of its needles
(matcher._take). Sentences written for these tests."""

from __future__ import annotations

import hashlib

import pytest

from db import matcher

# The pattern the needles were read from. A change to _TAKE_RE fails here: check that
# every alternative still holds one of _TAKE_NEEDLES, then update the digest.
TAKE_PATTERN_SHA256 = "edf287c97282225924e9d513972ea8cfd0deac72506112512a9ee475d36c381a"


def test_the_needles_are_those_of_the_pattern_as_written() -> None:
    digest = hashlib.sha256(matcher._TAKE_RE.pattern.encode("utf-8")).hexdigest()
    assert digest == TAKE_PATTERN_SHA256


LABELS = [
    "Finale recap: Juan Pablo picks Nikki",
    "'The Bachelor' recaps, week 3",
    "SPOILERS ahead for the season",
    "Spoiler alert: the butler did it",
    "Titanfall reviewed.",
    "Titanfall Review",
    "The new Zelda review round-up (Switch)",
    "The budget - analysis",
    "Markets (Opinion) are wrong",
    "Commentary: the vote",
    "Preview: the final",
    "Let's talk about the finale",
    "Lets Talk About the finale",
    "A different view on the budget",
    "A Different Take On taxes",
    "Finale: what happened?",
    "Countdown to the finale: five things",
    "Sneak peek: the new season",
    "What to watch from the debate",
    "WHAT TO EXPECT at the summit",
    # a needle without the label: the regex decides
    "The court will review the case on Monday.",
    "He is a spoiler candidate in the race.",
    "It made no difference what to do, he said.",
    "They had different views on the plan.",
    # non-ASCII: the regex reads it whatever the needles
    "Finale ſpoilers ahead",
    "Titanfall — review",
    "The minister’s opinion: raise taxes",
    "Unemployment rose to 5.2% in March.",
    "",
]


@pytest.mark.parametrize("text", LABELS)
def test_a_label_is_read_as_the_regex_reads_it(text: str) -> None:
    full = matcher._TAKE_RE.search(text)
    fast = matcher._take(text)
    assert (fast and fast.group(), fast and fast.span()) == (
        full and full.group(),
        full and full.span(),
    )


def test_every_label_written_here_is_found() -> None:
    found = [t for t in LABELS[:20] if matcher._take(t)]
    assert found == LABELS[:20]
