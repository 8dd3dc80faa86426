"""Speakers of branch spk71's rule, on sentences and articles written for these tests
after the class of error read in statement-speaker set 15 (BENCHMARKS.md): an unnamed
source described by what it knows or whom it is close to ("two people familiar with
the matter", "a Republican aide close to the whip") closing a sentence reports all of
it, so no one named or meant by a pronoun before it is the sentence's speaker."""

from __future__ import annotations

import pytest

from db.ingest import compose_text
from db.quotes import find_speaker
from db.statements import analyse_verified


def speaker_of(title: str, body: str, opening: str) -> str | None:
    """The speaker of the statement of ``body`` that opens with ``opening``."""
    text, at = compose_text(title, body)
    found = analyse_verified(text, at)
    assert not isinstance(found, str), found
    return next(st.speaker for st in found if text[st.start : st.end].startswith(opening))


@pytest.mark.parametrize(
    "sentence",
    [
        "Ms. Varga told the board to sell the unit, two people familiar with the matter said.",
        "Mr. Olsen told them he would sign, a person familiar with the talks said on Friday.",
        "Ms. Varga told the board to sell, three officials briefed on the talks have said.",
        "Mr. Olsen told aides he would resign, people with knowledge of the case said.",
        "Mr. Olsen said he would resign, sources close to the governor told the Herald.",
        "Mr. Olsen spent the day calling donors, said a Democratic aide close to the mayor.",
        "Ms. Varga told the board to sell the unit, said two people familiar with it.",
    ],
)
def test_a_described_source_closing_reports_all(sentence: str) -> None:
    assert find_speaker(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a name closing the sentence, described after it: unchanged (the first name)
        ("Mr. Olsen told aides to wait, said Anna Lee, a lawyer close to the family.", "Olsen"),
        # the described people are an object, or speak in a clause of their own
        ("Mr. Olsen said he met people close to the talks.", "Olsen"),
        ("Mr. Olsen told reporters that sources close to the talks said little.", "Olsen"),
        ("Mr. Olsen said it was done, and people familiar with it said it would close.", "Olsen"),
        ("Mr. Olsen said it was done, people familiar with it said it would close soon.", "Olsen"),
        ("Mr. Olsen told aides to wait; people familiar with the talks said so too.", "Olsen"),
        ("Mr. Olsen said it was done, which people close to the talks said was untrue.", "Olsen"),
        # "according to …" closing a named speaker's sentence: the set's convention keeps
        # the name ("Obama told …, according to The Hill")
        ("Mr. Olsen told aides to wait, according to people familiar with the talks.", "Olsen"),
    ],
)
def test_guards_keep_the_name(sentence: str, expected: str) -> None:
    assert find_speaker(sentence) == expected


def test_a_pronoun_before_the_source_is_not_the_speaker() -> None:
    body = (
        "Dana Whitlow, the city's deputy mayor, was questioned on Monday.\n\n"
        "Her account was backed by two aides, who told agents that she had described "
        "the threat around the time she said it was made, two people briefed on the "
        "inquiry have said.\n\n"
        "She said later that she was glad to help."
    )
    assert speaker_of("Deputy mayor questioned", body, "Her account") is None
    # the pronoun still resolves where no source closes the sentence
    assert speaker_of("Deputy mayor questioned", body, "She said later") == "Dana Whitlow"
