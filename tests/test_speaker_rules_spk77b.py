"""Speakers of partial quotations inside reported speech (branch spk77b), on sentences
written for these tests."""

from __future__ import annotations

import pytest

from db.ingest import compose_text
from db.statements import analyse_verified

_INTRO = "Councillor Mara Quillon, 54, spoke at the depot on Friday.\n\n"


def _quote_speakers(body: str) -> list[str | None]:
    text, at = compose_text("Council row over the plan", _INTRO + body)
    found = analyse_verified(text, at)
    assert not isinstance(found, str), found
    return [q.speaker for st in found for q in st.quotes]


def _statement_speaker(body: str) -> str | None:
    text, at = compose_text("Council row over the plan", _INTRO + body)
    found = analyse_verified(text, at)
    assert not isinstance(found, str), found
    return found[-1].speaker


# "made (it) clear that …" states a stance: the quotation after it is the subject's.
@pytest.mark.parametrize(
    "body",
    [
        'Ms. Quillon made clear that the depot plan was "dead on arrival."',
        'She made clear that any cuts should be "minimal," and that jobs must stay.',
        'Ms. Quillon made it clear to reporters that the scheme was "a shambles".',
        'Ms. Quillon toured the depot on Friday and made clear that it was "not for sale."',
    ],
)
def test_made_clear_quotation_is_the_subjects(body: str) -> None:
    assert _quote_speakers(body) == ["Mara Quillon"]


def test_made_clear_sentence_is_the_subjects() -> None:
    # (A surname alone: only a quotation's speaker is written in full from the intro.)
    assert _statement_speaker("Ms. Quillon made clear that the depot would close.") == "Quillon"


# ... not "made clear" of something done, nor with no words of the subject's following.
@pytest.mark.parametrize(
    "body",
    [
        'Ms. Quillon made clear progress on the "green depot" scheme.',
        'The "green depot" scheme made clear gains in the vote.',
    ],
)
def test_made_clear_without_that_names_no_speaker(body: str) -> None:
    assert _quote_speakers(body) == [None]


# Praise and blame with an object: "touted", "decried" (not only "decried … as").
@pytest.mark.parametrize(
    "body",
    [
        'Ms. Quillon touted the depot\'s "strong record" on safety.',
        'Ms. Quillon decried the "reckless" cuts to the bus service.',
    ],
)
def test_touted_and_decried_quotation_is_the_subjects(body: str) -> None:
    assert _quote_speakers(body) == ["Mara Quillon"]


def test_passive_touted_is_not_the_subjects() -> None:
    # The thing praised is the subject; the one who praised it stands after "by".
    assert _quote_speakers('The depot was touted as "a model" in the report.') == [None]


# A verb of naming joined to its subject's earlier verb by "and", its quoted name a few
# words on: the subject's.
@pytest.mark.parametrize(
    "body",
    [
        'Ms. Quillon went to the depot and called the plan a "disgrace."',
        'She went to the depot and dismissed the plan as "dead on arrival."',
    ],
)
def test_joined_naming_verb_is_the_subjects(body: str) -> None:
    assert _quote_speakers(body) == ["Mara Quillon"]


def test_joined_called_on_is_no_naming() -> None:
    # "called on" asks someone to act: the quotation is no one's words here.
    body = 'Drivers disputed the figures and called on the "silent majority" to vote.'
    assert _quote_speakers(body) == [None]


# An aside ended by a quoted title whose comma stands inside the closing mark.
def test_aside_closed_inside_a_quotation() -> None:
    body = 'Ms. Quillon, who appeared on "The Late Show," said the plan was a "bad deal."'
    assert _quote_speakers(body)[-1] == "Mara Quillon"
    assert _statement_speaker(body) == "Mara Quillon"


def test_subject_inside_the_quoted_aside_is_not_moved() -> None:
    # No comma opens an aside: "who appeared on …" is the subject's own clause.
    body = 'The woman who appeared on "The Late Show" said the plan was a "bad deal."'
    assert _quote_speakers(body)[-1] != "Mara Quillon"


# "made" elsewhere in the sentence is no verb of saying: a quotation going on from the
# one before keeps its speaker (the cheap test reads "made clear that" itself).
@pytest.mark.parametrize(
    "body",
    [
        '"We kept it simple," Ms. Quillon said. "Where is the fun in that?" she pondered'
        " at every stage, making enjoyment the top priority.",
        '"It is all here," Ms. Quillon said. As Ms. Quillon remarks as we pass the buses'
        ' (painted with dyes made from beetroot): "This is the future."',
    ],
)
def test_made_elsewhere_is_no_verb(body: str) -> None:
    assert _quote_speakers(body) == ["Mara Quillon", "Mara Quillon"]


# "they" with no group quoted before: the one group of people the nearest sentence has
# speak (its verb of saying may be in a clause of its own), as written.
@pytest.mark.parametrize(
    ("body", "group"),
    [
        (
            "Ms. Quillon spoke out after five Labour senators urged the mayor to resign."
            ' In a statement, they said his plan does not serve "the public interest."',
            "Labour senators",
        ),
        (
            "Union leaders said on Monday that the depot would close."
            ' "It is a disaster for the town," they added.',
            "Union leaders",
        ),
    ],
)
def test_they_is_the_group_that_spoke_before(body: str, group: str) -> None:
    speakers = _quote_speakers(body)
    assert speakers[-1] is not None and speakers[-1].endswith(group)


@pytest.mark.parametrize(
    "body",
    [
        # Two groups speak in the nearest sentence: not sure which.
        "Union leaders said the depot would close, while the workers argued it would stay."
        ' "It is a disaster for the town," they added.',
        # A share of a group is no group "they" goes on with.
        "Most workers said on Monday that the depot would close."
        ' "It is a disaster for the town," they added.',
        # No group speaks: a person did.
        'Ms. Quillon said the depot would close. "It is a disaster for the town," they added.',
    ],
)
def test_they_without_one_group_stays_unresolved(body: str) -> None:
    assert _quote_speakers(body)[-1] is None
