""" "The company said …": the body a definite body noun in a sentence of reported speech
stands for is the one the article named with a cue of that kind before, when it named
only one; else the sentence stays no one's. Every text is written for the test."""

from __future__ import annotations

import pytest

from db.statements import analyse


def said_by(body: str, sentence: str) -> str | None:
    """The speaker analyse gives the statement ``sentence``, the end of article ``body``."""
    text = f"Headline\n\n{body} {sentence}"
    at = text.rindex(sentence)
    found = [st for st in analyse(text, len("Headline\n\n")) if st.start <= at < st.end]
    return found[0].speaker


@pytest.mark.parametrize(
    ("body", "sentence", "speaker"),
    [
        # A legal suffix, the noun before the name, its shares: each a company's cue.
        (
            "Profits at Brambleworth Inc rose by a third in the spring.",
            "The company said demand for its kettles was strong.",
            "Brambleworth",
        ),
        (
            "Online grocer Quillfield lost money for a fourth year running.",
            "The firm said it would close two depots in the north.",
            "Quillfield",
        ),
        (
            "Shares in Dunmere Shipping fell sharply on Tuesday morning.",
            "Costs had risen faster than expected, the group said.",
            "Dunmere Shipping",
        ),
        # The noun's own word in the name: a bank, a ministry, a commission.
        (
            "The Bank of Estland kept its main rate at 3% on Thursday.",
            "Prices would keep rising until the summer, the bank said.",
            "Bank of Estland",
        ),
        (
            "The Norvian Transport Ministry published the figures in March.",
            "The ministry said rail journeys rose by 4%.",
            "Norvian Transport Ministry",
        ),
        # A short name and a longer one are one body unless the short was written whole.
        (
            "Talvence shares rose early. Shares in Talvence Energy then jumped.",
            "The company said it had found more gas.",
            "Talvence Energy",
        ),
        # Spaces in the stored text; someone who spoke with no name, or as "she".
        (
            "Brambleworth  Inc said profits rose. Experts said kettles sell. She said so.",
            "The company said demand was strong.",
            "Brambleworth",
        ),
        # A name opening with initials, written after by its surname alone.
        (
            "Profits rose at F.W. Talvence Co. Talvence sold more. Talvence hired staff.",
            "The company said sales would rise again.",
            "F.W. Talvence",
        ),
        # "It" going on for "the firm" is the same firm.
        (
            "Online grocer Quillfield lost money for a fourth year running. The firm said"
            " it would close two depots.",
            "It added that no jobs would go.",
            "Quillfield",
        ),
    ],
)
def test_the_company_is_the_one_company_named_before(
    body: str, sentence: str, speaker: str
) -> None:
    assert said_by(body, sentence) == speaker


@pytest.mark.parametrize(
    ("body", "sentence"),
    [
        # Two firms named: no one can tell which one "the company" is.
        (
            "Brambleworth Inc agreed to buy kettle maker Harlowe Corp for $2bn.",
            "The company said the deal would close in May.",
        ),
        # One firm named with a cue, in passing, in a story about another written more
        # often: the one the story is about may be meant.
        (
            "Talvence sold more cars. Talvence raised its prices. Talvence hired staff."
            " Parts maker Osric supplies its engines.",
            "The firm said sales would rise again next year.",
        ),
        # (A body that spoke first with no cue, "Quillfield Capital said it seeks to buy
        # Harlowe Corp", is now the one meant when the other never spoke: body set 1's
        # labels; tests/test_speaker_rules_spk73.py.)
        # A name written whole ("Inc") and a longer one after it: an affiliate, another body.
        (
            "Brambleworth Inc said profits rose. Shares in Brambleworth Kettles fell.",
            "The company said demand was strong.",
        ),
        # No body named with a cue of that kind.
        (
            "Sales of kettles rose by a third in the spring.",
            "The company said demand was strong.",
        ),
        # "the department" not the verb's subject: someone of it speaks.
        (
            "The Norvian Transport Department published the figures in March.",
            "A veteran of the department, who asked not to be named, said the figures were wrong.",
        ),
        # "the company" not the noun of the kind the name was cued for.
        (
            "The Norvian Transport Ministry published the figures in March.",
            "The company said rail journeys rose by 4%.",
        ),
    ],
)
def test_the_company_stays_no_ones_when_unsure(body: str, sentence: str) -> None:
    assert said_by(body, sentence) is None
