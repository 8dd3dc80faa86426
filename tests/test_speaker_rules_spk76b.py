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
