"""Speakers of branch spk76's rules, on articles written for these tests after the
classes of error read in body-speaker set 5 and quote set 65 (BENCHMARKS.md): a body's
name closing a sentence with its full stop, a body described by where it is based ("the
Swiss-based drug giant"), a sentence of reported speech holding a quotation of a resolved
description, a person's surname taken for another body, a name's hyphenated parts."""

from __future__ import annotations

import pytest

from db.ingest import compose_text
from db.statements import analyse_verified
from tests.test_speaker_rules_spk71 import speaker_of


def quote_speaker_of(title: str, body: str, quoted: str) -> str | None:
    """The speaker of the quotation of ``body`` that opens with ``quoted``."""
    text, at = compose_text(title, body)
    found = analyse_verified(text, at)
    assert not isinstance(found, str), found
    return next(
        q.speaker for st in found for q in st.quotes if text[q.start : q.end].startswith(quoted)
    )


@pytest.mark.parametrize(
    ("body", "opening", "expected"),
    [
        # "the agency" after a name with "Agency" closing a sentence
        (
            "Grain stocks fell in March, according to figures published by the Korala Press "
            "Agency.\n\nThe agency said wheat stocks were the lowest in ten years.",
            "The agency",
            "Korala Press Agency",
        ),
        # the same with "the ministry"
        (
            "Exports rose four pct in May, said a report released by the Trade Ministry.\n\n"
            "The ministry said imports fell.",
            "The ministry",
            "Trade Ministry",
        ),
        # "the bank" after a bank named last in its sentence
        (
            "The currency fell after rates were cut by the Marsland Central Bank.\n\n"
            "The bank said the cut was its last this year.",
            "The bank",
            "Marsland Central Bank",
        ),
    ],
)
def test_own_word_name_closing_a_sentence(body: str, opening: str, expected: str) -> None:
    assert speaker_of("Figures", body, opening) == expected


@pytest.mark.parametrize(
    ("body", "quoted", "expected"),
    [
        # where the body is based, before the business noun
        (
            "Vellmark said it is considering building a car factory in Peru.\n\n"
            'The Paris-based giant said the plant remained only a "potential" idea.',
            "potential",
            "Vellmark",
        ),
        # a "-based" modifier and an industry word
        (
            "<Torvane Ltd> announced the formation of a new unit.\n\n"
            'The Swiss-based drug giant said the unit would be "a leader in its field".',
            "a leader",
            "Torvane",
        ),
    ],
)
def test_business_noun_with_a_modifier(body: str, quoted: str, expected: str) -> None:
    assert quote_speaker_of("Plans", body, quoted) == expected


@pytest.mark.parametrize(
    "body",
    [
        # another firm: "the rival company" is not the one named before
        'Vellmark said it will build a plant.\n\nThe rival company said the plan was "a bluff".',
        # "the parent company" of a subsidiary
        'Vellmark said it will build a plant.\n\nThe parent company said it was "no surprise".',
        # a nationality alone: the other firm, named only in an apposition
        "Orlo said it will build a plant near its Paris rival Vellmark.\n\n"
        "The largest delivery company, Parcelo, said it will buy ten jets. "
        'The US company said it was "a record order".',
        # a lower-case modifier alone: "the new company" may be the one formed
        'Vellmark said it will merge with Dorn.\n\nThe new company said it was "a good start".',
    ],
)
def test_business_noun_with_other_modifiers_stays_open(body: str) -> None:
    assert quote_speaker_of("Plans", body, body.rsplit('"', 2)[1][:5]) not in ("Vellmark", "Orlo")


@pytest.mark.parametrize(
    ("body", "opening", "expected"),
    [
        # a title quoted inside reported speech: the sentence is the company's
        (
            "Ormand Inc said it signed a licensing agreement with Pelto Co.\n\n"
            'The company said the "Pelto in Silver" range will cost up to 900 dlrs.',
            "The company said",
            "Ormand",
        ),
        # a person described by a role, quoted
        (
            "Education Secretary Ruth Kellan visited the school.\n\n"
            '"We have made huge progress," the minister said.',
            '"We have made',
            "Ruth Kellan",
        ),
    ],
)
def test_sentence_holding_a_resolved_description(body: str, opening: str, expected: str) -> None:
    assert speaker_of("Plans", body, opening) == expected


def test_sentence_holding_an_unresolved_description_names_no_one() -> None:
    body = 'Shares rose.\n\n"We do not plan to raise rates," the company said.'
    assert speaker_of("Rates", body, '"We do not') is None


@pytest.mark.parametrize(
    ("body", "opening", "expected"),
    [
        # a person named in full, then by surname: no other body that spoke
        (
            "<Brevik-Lund Ltd> announced the formation of its Lund Vision unit.\n\n"
            "The unit will be headed by James Carrow, its president.\n\n"
            "Carrow said the unit will be based near Basle.\n\n"
            "Sales from the unit were 160 mln dlrs, the company said.",
            "Sales from",
            "Brevik-Lund",
        ),
    ],
)
def test_surname_of_a_person_is_no_other_body(body: str, opening: str, expected: str) -> None:
    assert speaker_of("Brevik-Lund Unit", body, opening) == expected


def test_a_one_word_speaker_never_named_in_full_still_counts() -> None:
    # "Carrow" is written alone only: a body or a person, either may be "the company"
    body = (
        "Brevik Ltd said it formed a unit.\n\n"
        "Carrow said the unit will be based near Basle.\n\n"
        "Sales from the unit were 160 mln dlrs, the company said."
    )
    assert speaker_of("Brevik Unit", body, "Sales from") is None


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        ("Ormand", True),
        ("Ruth Kellan", True),
        ("Rha Woong-Bae's", False),  # an owner
        ("Officer Anthony Orr", False),  # a title kept with the name
        ("Hospital", False),  # a common word
        ("the company", False),  # as written
    ],
)
def test_which_resolved_descriptions_a_sentence_takes(speaker: str, expected: bool) -> None:
    from db.quotes import QuoteSpan
    from db.statements import _resolved_description

    text = '"We will grow," the company said.'
    at = text.index("the company")
    q = QuoteSpan(1, 14, "", speaker, at, at + len("the company"), "common")
    assert _resolved_description(text, q) is expected


@pytest.mark.parametrize(
    ("body", "opening", "expected"),
    [
        # the unit a parent owns, named with the parent's possessive: the unit spoke
        (
            "Marlow Corp's Pinecrest Hotel Group said it will add 12 hotels abroad.\n\n"
            "The company said it plans to double its rooms by 1995.",
            "The company",
            "Pinecrest Hotel",
        ),
        # a parent named only as the owner of the unit that spoke is not "the company"
        (
            "The Fenwick Realty Services unit of Carbury Stores and Co said its sales rose "
            "to 17 billion dlrs.\n\nSome 62 pct of the volume was in leases, the company said.",
            "Some 62",
            None,
        ),
        (
            "Dunmere Foods, a subsidiary of Harland Mills Inc, said it will close a plant.\n\n"
            "The company said 200 jobs will go.",
            "The company",
            "Dunmere Foods",
        ),
    ],
)
def test_a_unit_and_its_parent(body: str, opening: str, expected: str | None) -> None:
    assert speaker_of("Unit Results", body, opening) == expected


def test_a_unit_named_after_its_parent_keeps_the_parent_as_a_cue() -> None:
    body = (
        "The Dorrance Savings Bank, a unit of The Dorrance Savings Corp, said it bought "
        "a loan portfolio.\n\nThe company said the purchase makes it the largest lender."
    )
    assert speaker_of("Dorrance Buys Loans", body, "The company") == "Dorrance Savings"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Wheat fell in March, the Joint Crop Facility of the U.S. Agriculture and "
            "Commerce Departments said.",
            "Joint Crop Facility",
        ),
        (
            "The State and Defense Departments said talks were going on.",
            "State and Defense Departments",
        ),
        (
            "The talks failed, the Defence and Foreign Ministries said.",
            "Defence and Foreign Ministries",
        ),
        (
            "The bill failed, the House and Senate Intelligence Committees said.",
            "House and Senate Intelligence Committees",
        ),
        # not two bodies: unchanged
        ("The talks failed, the Foreign Ministry said.", "Foreign Ministry"),
    ],
)
def test_two_bodies_sharing_a_plural_head(sentence: str, expected: str) -> None:
    from db.quotes import find_speaker

    assert find_speaker(sentence) == expected


@pytest.mark.parametrize(
    "body",
    [
        'Oil analyst Paul Marlo of Salomon said prices would fall.\n\n"Opec must learn," said '
        "the regional manager for one of the major oil companies who spoke on condition that "
        "he not be identified.",
        'Analyst James Vorley of Dane Webber said the bank would survive.\n\n"It will do '
        'well," said another analyst who declined to be identified.',
        'Analyst James Vorley of Dane Webber said the bank would survive.\n\n"It will do '
        'well," said the analyst, who asked not to be named.',
    ],
)
def test_a_description_of_someone_unnamed_is_no_one_named_before(body: str) -> None:
    assert quote_speaker_of("Oil", body, "") not in ("Paul Marlo", "James Vorley")
    assert speaker_of("Oil", body, '"') is None


def test_a_description_of_someone_named_before_still_resolves() -> None:
    body = (
        "Education Secretary Ruth Kellan visited the school, which declined to be named.\n\n"
        '"We have made huge progress," the minister said.'
    )
    assert quote_speaker_of("Plans", body, "We have") == "Ruth Kellan"


def test_someone_else_unnamed_later_in_the_sentence_leaves_the_description() -> None:
    body = (
        "Education Secretary Ruth Kellan visited the school.\n\n"
        '"We have made huge progress," said the minister, adding that two teachers who '
        "declined to be named had left."
    )
    assert quote_speaker_of("Plans", body, "We have") == "Ruth Kellan"
