"""Speakers of branch spk76b's rules, on sentences written for these tests: a plural
common noun opening a sentence before a verb of saying ("Hackers claim …", "Brokers
said …") read the same way for a quotation resolved on its own (db.quotes) as for a
statement (db.statements): the people it describes, not a name."""

from __future__ import annotations

import pytest

from db.ingest import compose_text
from db.quotes import described_opening, extract_quotes
from db.statements import analyse_verified

# Plural common nouns outside the speaker heads' list, each opening its sentence.
_DESCRIBED = [
    'Hackers claim the exchange still has access to "missing" coins.',
    'The market was quiet. Brokers said trade was "thin" all day.',
    'Rebels said the town was "ours" by nightfall.',
    'Dealers warned the dollar looked "weak" before the data.',
    'Landlords complained the new rules were "endless" paperwork.',
    'Exporters said the rouble was "too strong" for them.',
]


@pytest.mark.parametrize("text", _DESCRIBED)
def test_a_plural_noun_opening_a_sentence_is_described_in_extract_quotes(text: str) -> None:
    """extract_quotes (no statements) gave "Hackers" kind "named", key "hackers", while
    the statement pass gave the same quotation "common": one reading now serves both."""
    (q,) = extract_quotes(text)
    assert (q.speaker_kind, q.speaker_key) == ("common", None)


@pytest.mark.parametrize("text", _DESCRIBED)
def test_the_statement_and_its_quotation_agree(text: str) -> None:
    full, at = compose_text("Markets", text)
    found = analyse_verified(full, at)
    assert not isinstance(found, str), found
    (st,) = [st for st in found if st.quotes]
    assert st.speaker is None
    assert [(q.speaker_kind, q.speaker_key) for q in st.quotes] == [("common", None)]


# Guards (pass before and after): a surname, a word the text capitalises inside a
# sentence too (a club, a firm), a party's members, a word not opening its sentence.
@pytest.mark.parametrize(
    ("text", "who"),
    [
        ('Sanders says the bill is "dead".', "Sanders"),
        ('Wolves said the deal was "done". The striker joined from Wolves.', "Wolves"),
        ('The film was made by Producers United. Producers say it is "final".', "Producers"),
    ],
)
def test_a_name_opening_a_sentence_keeps_its_reading(text: str, who: str) -> None:
    (q,) = extract_quotes(text)
    assert (q.speaker, q.speaker_kind, q.speaker_key) == (who, "named", who.lower())


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Hackers claim it.", "Hackers", True),
        ("Speculation suggests a bid. The speculation grew.", "Speculation", True),
        ("Washington said no.", "Washington", False),  # singular, never in lower case
        ("Democrats said no.", "Democrats", False),  # a party's members
        ("Hackers said no. He met Hackers Ltd.", "Hackers", False),  # capitalised inside
        ("Hackers' rights said no.", "Hackers' rights", False),  # not one word
    ],
)
def test_described_opening_reads_the_word_in_its_article(
    text: str, word: str, expected: bool
) -> None:
    assert described_opening(text, word, {}) is expected


def _speakers(body: str) -> dict[str, str | None]:
    """Each statement's speaker, by its opening words."""
    text, at = compose_text("Deal", body)
    found = analyse_verified(text, at)
    assert not isinstance(found, str), found
    return {st.text[:20]: st.speaker for st in found}


# "It said …" going on from the body that spoke in the sentence just before, its name no
# organisation's (no "Corp", "Group"): one word no one calls "he" or "she".
@pytest.mark.parametrize(
    ("body", "who"),
    [
        (
            "Carrow, a grocer formed by two bankers in 1950, said it would close ten "
            "stores. It said its other shops would stay open.",
            "Carrow",
        ),
        (
            "Velmora said it expects approval for the deal in March. It also said the "
            "brewer would keep its name.",
            "Velmora",
        ),
        (
            "Tarquos said it had filed for bankruptcy in Texas. However, it claimed the "
            "court had backed its case.",
            "Tarquos",
        ),
        (
            '"We take leaks very seriously," Brindle said in a statement. It added that '
            "its results depended on new software.",
            "Brindle",
        ),
    ],
)
def test_it_said_goes_on_with_the_body_of_the_sentence_before(body: str, who: str) -> None:
    said = [s for opening, s in _speakers(body).items() if opening.startswith(("It", "However"))]
    assert said == [who]


# Guards (pass before and after): a sentence between with another subject, a document
# opening the sentence before, a plural common noun, a person called "he".
@pytest.mark.parametrize(
    "body",
    [
        "Research by the firm Brindle said most machines are infected. Before now Kestro "
        "has left that market to others. It said its new program would not stop infections.",
        "The indictment does not charge Stone with the hacking Mueller says took place. "
        "Instead, it accuses him of lying.",
        "Creditors said they would freeze interest payments. It said it needs more loans.",
        "Mr Hollis said the plan was dead. It said the vote would come in May.",
    ],
)
def test_it_said_is_left_without_a_body_before(body: str) -> None:
    said = [s for opening, s in _speakers(body).items() if opening.startswith(("It", "Instead"))]
    assert said == [None]
