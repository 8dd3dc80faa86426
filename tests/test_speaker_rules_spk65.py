"""Speakers of the forty-fourth session's rules (a helper, branch spk65), on sentences
written for these tests after the classes of error read in quote sets 63 and 64 and
statement-speaker set 13 (BENCHMARKS.md): a score "added" in a match, the source of a
condition's supposition, a relative clause on a noun, a court's ruling, and a body's
"which" set off by a dash."""

from __future__ import annotations

import pytest

from db.quotes import extract_quotes, find_speaker


@pytest.mark.parametrize(
    "sentence",
    [
        # a count of points, or what was added with a score, in a match: an act
        "Karl Okafor added 18 points for the visitors.",
        "Okafor and Lindqvist combined well, Jan Halvorsen adding the final flourish with a"
        " touchline conversion.",
        "Jan Halvorsen added two more tries before the break.",
        # the source of what a condition supposes is inside the condition
        "Some fear the plan could fail if, as Karl Okafor has suggested, the exams stay.",
        "Voters will be angry if, as Anna Lindqvist says, the plan fails.",
        # a speaker in a relative clause on a noun: the sentence is about the noun
        "It clears the two-thirds majority that Anna Lindqvist predicted she had.",
        "The bill, which Karl Okafor said was flawed, passed on Tuesday.",
        "Officials rejected the figure which Jan Halvorsen claimed was too low.",
        "Lindqvist won her award on the same day the Valmora High Court ruled that the ban"
        " was unlawful.",
        # a party's people counted are some of its people, not the party
        "The effort has been underway for weeks, with several leading Republicans arguing"
        " that the committee must change.",
        "Some senior Tories argued vociferously against the move.",
        "Other Democrats said they did not see the fight resonating.",
        "Valmora and other Republicans said no.",
        # a link or a photo tweeted is shared, not said
        "On one occasion, Karl Okafor tweeted a link to a cache of leaked emails.",
        "Anna Lindqvist tweeted a photo of the crowd on Sunday.",
        # "ruled" as rule or exclusion, not a ruling
        "Karl Okafor has ruled Valmora since 1980.",
        "The party that has ruled Valmora for decades is expected to win again.",
        "Jan Halvorsen was ruled out with a knee injury.",
        "The minister ruled out any change to the law.",
    ],
)
def test_no_sentence_speaker(sentence: str) -> None:
    assert find_speaker(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # a person named first with a party's people speaks
        ("Karl Okafor and other Republicans have criticized his foreign policy.", "Karl Okafor"),
        ("Ms. Lindqvist and senior Democrats said they would not take the bait.", "Lindqvist"),
        # words added stay words; points made stay speech
        ("Karl Okafor added that the side would win with a late goal.", "Karl Okafor"),
        ("Karl Okafor added two points: the fund had run dry.", "Karl Okafor"),
        ("Anna Lindqvist tweeted that the vote had been rigged.", "Anna Lindqvist"),
        # "as X says" outside a condition is the sentence's source
        ("As Anna Lindqvist says, the plan failed.", "Anna Lindqvist"),
        # "that" after no noun phrase: the subject's own clause
        ("It is clear that Karl Okafor said the deal was off.", "Karl Okafor"),
        ("Karl Okafor said that Anna Lindqvist had lied.", "Karl Okafor"),
        # a cleft says what its clause says
        (
            "Okafor has led the party since 2003, and that's what Jan Halvorsen argued is the"
            " problem.",
            "Jan Halvorsen",
        ),
        (
            "It was the one thing that Anna Lindqvist had said Okafor should have done.",
            "Anna Lindqvist",
        ),
        # a court's ruling is what it finds
        (
            "The Valmora High Court ruled on Tuesday that the ban was unlawful.",
            "Valmora High Court",
        ),
        ("The Valmora High Court ruled the ban was unlawful.", "Valmora High Court"),
    ],
)
def test_sentence_speaker(sentence: str, speaker: str) -> None:
    assert find_speaker(sentence) == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a court's ruling quoted in part, its judges named
        (
            "But Lord Justice Okafor and Mr Justice Lindqvist ruled that the law did not"
            ' apply "to the whole territory of another state".',
            "Okafor and Lindqvist",
        ),
        # a body's relative clause set off by a dash as by a comma
        (
            "The pair went to the Valmora Court of Appeal - which ruled the countries could"
            ' not put the pact "in abeyance".',
            "Valmora Court of Appeal",
        ),
        (
            'The club turned to the Football Association - which said the deal was "unfair".',
            "Football Association",
        ),
    ],
)
def test_quote_speaker(text: str, speaker: str) -> None:
    (quote,) = extract_quotes(text)
    assert quote.speaker == speaker


def test_it_goes_on_with_the_body_that_spoke_since_the_last_quotation() -> None:
    # a body quoted, then another body's reported speech, then "it said": the latter
    text = (
        "Valmora sues Ostland\n\n"
        "The pair went to the Valmora Court of Appeal, which ruled the countries could not"
        ' put the pact "in abeyance". After its meeting, the Ostland Commission said that the'
        ' ruling left it time. "The two countries appear to be on track," it said in a'
        " statement."
    )
    speakers = [q.speaker for q in extract_quotes(text)]
    assert speakers == ["Valmora Court of Appeal", "Ostland Commission"]


def test_a_partys_people_counted_are_a_common_noun() -> None:
    (quote,) = extract_quotes('"The bill is flawed," some Democrats said.')
    assert (quote.speaker, quote.speaker_kind) == ("some Democrats", "common")
