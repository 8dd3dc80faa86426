"""Speakers of branch spk67's rules, on sentences and articles written for these tests
after the classes of error read in body-speaker set 3 and the census (BENCHMARKS.md): a
body's name written with "'s" speaking ("Moody's said"), "the agency" after it, and
"the company" when several firms are named but the first one spoke."""

from __future__ import annotations

import pytest

from db.ingest import compose_text
from db.statements import analyse_verified


def speakers(title: str, body: str) -> dict[str, str | None]:
    """Each statement's opening words -> its speaker."""
    text, at = compose_text(title, body)
    found = analyse_verified(text, at)
    assert not isinstance(found, str), found
    return {text[st.start : st.end][:30]: st.speaker for st in found}


def speaker_of(title: str, body: str, opening: str) -> str | None:
    got = speakers(title, body)
    return next(v for k, v in got.items() if k.startswith(opening))


@pytest.mark.parametrize(
    ("body", "opening", "expected"),
    [
        # a one-word name with "'s" before a finite verb of speech: a body's name
        ("Brennock's said profits would fall this year.", "Brennock's", "Brennock's"),
        ("Profits fell, Orlan's warned on Monday.", "Profits", "Orlan's"),
        ("Tarrow & Pike's said the rating was stable.", "Tarrow", "Tarrow & Pike's"),
        # an owner's noun or adjective, a contraction, a passive: no one
        ("Brennock's claims were rejected by the court.", "Brennock's", None),
        ("Officials doubted Orlan's alleged role in the deal.", "Officials", None),
        ("Brennock's is said to be ready to bid.", "Brennock's", None),
        ("Let's say the plan fails.", "Let's", None),
        ("It's said the firm will close.", "It's", None),
    ],
)
def test_possessive_body_speaks(body: str, opening: str, expected: str | None) -> None:
    assert speaker_of("Results", body, opening) == expected


def test_agency_after_possessive_body() -> None:
    body = (
        "Orlan's said debt would rise in Valmora next year. "
        "The agency added that the outlook was negative."
    )
    assert speaker_of("Ratings", body, "The agency") == "Orlan's"


def test_company_is_the_first_firm_that_spoke() -> None:
    body = (
        "Brennock Tools Inc said it will sell its Quarry Lane Inc unit to Halvorsen Corp.\n\n"
        "The company said the sale fits its plan to focus on hand tools."
    )
    assert speaker_of("Sale", body, "The company") == "Brennock Tools"


def test_company_stays_open_when_another_firm_spoke() -> None:
    # the firm named first did not speak; the one that spoke is named after it
    body = (
        "Shares in Brennock Tools Inc fell on Monday. "
        "Orlan's said debt would rise. The company said it was calm."
    )
    assert speaker_of("Shares", body, "The company") is None
    body = (
        "Brennock Tools Inc said it will sell its unit to Halvorsen Corp.\n\n"
        "Halvorsen Corp said it would pay cash.\n\nThe company said the deal was final."
    )
    assert speaker_of("Sale", body, "The company") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # people described by a plural noun, closing the sentence: they report all of it
        (
            "Yet Brennock reassured the unions that it had not changed its plan, union"
            " officials told reporters.",
            None,
        ),
        ("Mr. Okafor said he had lied to protect his family, prosecutors said.", None),
        ("Anna Lindqvist interjected, calling on Mr. Okafor, two of the officials said.", None),
        # a clause of its own after a semicolon, or a verb with an object: not the frame
        (
            "Okafor said the Senate should act; most of the bills would cost more, analysts said.",
            "Okafor",
        ),
        (
            "According to Labor Department figures, US firms added only 146,000 jobs in January.",
            "Labor Department",
        ),
        ("Okafor said prices would rise, Anna Lindqvist told reporters.", "Okafor"),
        ("Okafor said prices would rise.", "Okafor"),
    ],
)
def test_described_reporter_closing(sentence: str, expected: str | None) -> None:
    assert speaker_of("News", sentence, sentence[:12]) == expected
