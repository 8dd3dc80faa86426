"""Speakers of branch spk73's rules, on articles written for these tests after the
classes of error read in body-speaker set 4 (BENCHMARKS.md): who "the company" or "the
department" is when the body that spoke is written with "/", "and" or an apposition,
opened a sentence that "the company said" closed, carries a modifier ("Privately-held"),
or when a headline in Title Case names other words."""

from __future__ import annotations

import pytest

from db.ingest import compose_text
from db.statements import analyse_verified
from tests.test_speaker_rules_spk71 import speaker_of


@pytest.mark.parametrize(
    ("title", "body", "opening", "expected"),
    [
        # "/" inside a name: the firm that spoke first, among several named
        (
            "Fee For Tele/Data",
            "Tele/Data Systems Inc said it will receive a fee from <Brannock Group PLC> for "
            "ending Holt Corp's offer for Varley Corp.\n\n"
            "The company said the fee covers its costs.",
            "The company",
            "Tele/Data Systems",
        ),
        # "and Co" in a name
        (
            "Harrow Drug Approved",
            "Harrow and Co Inc said its drug Felzin was approved by the Kendal Health Board, "
            "a unit of Wexley Corp.\n\nThe company said the drug will be sold by vets.",
            "The company",
            "Harrow and Co",
        ),
        # an apposition between the firm and its verb
        (
            "Kestrel Buys Lindell",
            "Kestrel Holdings Corp, a company formed by Arden Partners and Co, said it bought "
            "90 pct of Lindell Inc.\n\nThe company said its offer expired last night.",
            "The company",
            "Kestrel Holdings",
        ),
        # a sentence opening with the firm, closed by "the company said"
        (
            "Vantor Merges Units",
            "Vantor AG <VANT.F> is merging its drug units into <Braxa Chemie AG>, the company "
            "said.\n\nSales of the units rose four pct last year, the company said.",
            "Sales",
            "Vantor",
        ),
        # a modifier opening the sentence is no part of the name
        (
            "Carrow-Lane Buys Stores",
            "Privately-held Carrow-Lane Corp said it bought 40 stores from Pellman Inc.\n\n"
            "The company said it will close ten of them.",
            "The company",
            "Carrow-Lane",
        ),
        # "X and Y Corp" opening a sentence is one name
        (
            "Harlow Forms Unit",
            "Harlow and Western Mills Corp said it formed a unit to sell cloth to shops.\n\n"
            "The company also said its sales rose.",
            "The company",
            "Harlow and Western Mills",
        ),
    ],
)
def test_company_is_the_firm_that_spoke(title: str, body: str, opening: str, expected: str) -> None:
    assert speaker_of(title, body, opening) == expected


def test_title_case_headline_names_the_firm() -> None:
    # "Qrt" twice in a Title Case headline is the firm's name, not another word.
    body = (
        "QRT Corp said its pump unit won a 12 mln dlr order.\n\n"
        "The company said deliveries begin in May."
    )
    assert speaker_of("Qrt <Qrt> Unit Wins Order For Pumps", body, "The company") == "QRT"


def test_title_case_headline_words_are_no_other_body() -> None:
    # "Credit" and "Peru" in the headline do not make another body more often named;
    # "U.S. Agriculture Department" and "Agriculture Department" are one body.
    body = (
        "The Commodity Credit Corporation (CCC) has added 10 mln dlrs in credit guarantees "
        "for sales of wheat to Peru, the U.S. Agriculture Department said.\n\n"
        "The department said the line now stands at 40 mln dlrs."
    )
    title = "Added Ccc Credit Guarantees For Peru--Usda"
    assert speaker_of(title, body, "The department") == "U.S. Agriculture Department"


def test_title_case_headline_still_counts_the_firm() -> None:
    # Guard: the headline naming the firm keeps it ahead of a word written twice after.
    body = (
        "Brandt Hollis Corp said its power unit signed a contract for the new Kelso Power "
        "project of Taiwan Power Co, Taiwan.\n\n"
        "The contract includes an option for two more units, the company said."
    )
    title = "Brandt Hollis <Bhc> Unit Signs Pact"
    assert speaker_of(title, body, "The contract") == "Brandt Hollis"


def test_two_firms_none_spoke_stays_open() -> None:
    # Guard: neither firm opened a sentence as the one speaking: no one.
    body = (
        "Shares of Arlen Corp and Dove Inc rose after the merger news.\n\n"
        "The company said the talks were going well."
    )
    assert speaker_of("Shares Rise", body, "The company") is None


@pytest.mark.parametrize(
    ("body", "opening", "expected"),
    [
        # the first name that spoke, no cue of a firm: "the company" is it
        (
            "Kelvar Industries said its sensor unit won a 40 mln dlr contract from the U.S. "
            "Army.\n\nThe company said the sensors will be used on trucks.",
            "The company",
            "Kelvar Industries",
        ),
        (
            "Dravon said it will cut 200 jobs at its plant in Leeds.\n\n"
            "The firm said the cuts would save money.",
            "The firm",
            "Dravon",
        ),
        # ... with its place between ("<X> of Delaware said")
        (
            "<Harlan Savings Bank> of Delaware said its sale talks with <Pell Financial "
            "Group> were extended.\n\nThe company said it is in the final stages of talks.",
            "The company",
            "Harlan Savings Bank",
        ),
        # ... "has said", "has announced"
        (
            "Dravon has announced it will cut 200 jobs at its plant in Leeds.\n\n"
            "The firm said the cuts would save money.",
            "The firm",
            "Dravon",
        ),
        # ... beside a firm named with a cue that never spoke (was left open before)
        (
            "Quillfield Capital said it seeks to buy Harlowe Corp on friendly terms.\n\n"
            "The company said it had offered 7 dlrs a share.",
            "The company",
            "Quillfield Capital",
        ),
        # "the utility", "the exchange": a firm of that kind
        (
            "Norvale Gas Co said it will buy gas from Tarn Oil Co.\n\n"
            "The utility said deliveries begin in May.",
            "The utility",
            "Norvale Gas",
        ),
        (
            "The Harbin Stock Exchange said it will list options on its index.\n\n"
            "The exchange said trading starts in May.",
            "The exchange",
            "Harbin Stock Exchange",
        ),
    ],
)
def test_company_is_the_first_body_that_spoke(body: str, opening: str, expected: str) -> None:
    assert speaker_of("Results", body, opening) == expected


@pytest.mark.parametrize(
    ("body", "opening"),
    [
        # a person spoke first: no firm
        (
            "Analyst Peter Hale of Brisk Securities raised his estimates.\n\n"
            "Hale said the firm should earn more.\n\nThe company said its orders rose.",
            "The company",
        ),
        (
            "Treasury Secretary James Baker said the dollar should fall.\n\n"
            "The company said its exports rose.",
            "The company",
        ),
    ],
)
def test_first_speaker_a_person_is_no_company(body: str, opening: str) -> None:
    assert speaker_of("Results", body, opening) is None


@pytest.mark.parametrize(
    ("body", "opening", "expected"),
    [
        # a body named by its noun, the sentence's subject, with a verb of saying other
        # than "said": reported, warned, announced
        (
            "Brisco Foods Inc said its sales rose ten pct.\n\n"
            "For the year, the company reported net income rose 12 pct to four mln dlrs.",
            "For the year",
            "Brisco Foods",
        ),
        (
            "Halden Mills Inc said it will close its Leeds plant.\n\n"
            "The company warned that profits would fall this year.",
            "The company",
            "Halden Mills",
        ),
        # not a person's noun, nor a body that is no subject
        (
            "Brisco Foods Inc said its sales rose ten pct.\n\n"
            "The chairman warned that costs would rise.",
            "The chairman",
            None,
        ),
        (
            "Brisco Foods Inc said its sales rose ten pct.\n\n"
            "Profits the company announced last year were revised.",
            "Profits",
            None,
        ),
    ],
)
def test_body_noun_with_other_verbs_of_saying(
    body: str, opening: str, expected: str | None
) -> None:
    assert speaker_of("Results", body, opening) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the body named by its noun, an aside set off by commas before its verb
        (
            "Lowry Marine Inc said its orders fell.\n\n"
            "The company, which went public in May, also said it expects orders to recover.",
            "Lowry Marine",
        ),
        (
            "Lowry Marine Inc said its orders fell.\n\n"
            "The company, a maker of boat engines, said it ended talks with Pell Corp.",
            "Lowry Marine",
        ),
        # a person's noun so set off is left as it was
        (
            "Lowry Marine Inc said its orders fell.\n\n"
            "The chairman, who joined in May, said he expects orders to recover.",
            None,
        ),
    ],
)
def test_body_noun_with_an_aside(body: str, expected: str | None) -> None:
    assert speaker_of("Results", body, "The ") == expected


def quote_speakers(title: str, body: str) -> list[str | None]:
    """The speaker of each quotation of ``body``, in order."""
    text, at = compose_text(title, body)
    found = analyse_verified(text, at)
    assert not isinstance(found, str), found
    return [q.speaker for st in found for q in st.quotes]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # one word opening a sentence, "his" or "her" in its own clause: a person, whom
        # the "he" or "she" after stands for
        (
            'Kovalu scored his second goal for Dunmore on Sunday. "It was a special night," '
            "he said.",
            "Kovalu",
        ),
        (
            "Dunmore coach Peter Hale was pleased. Dunmore's Kovalu hit his first goal of the "
            'season. "We were great today," he said.',
            "Kovalu",
        ),
        (
            'Ilsabet won her third title in Rome on Sunday. "I played well," she said.',
            "Ilsabet",
        ),
        # a team is "their", a firm "its": the person named before
        (
            "Dunmore coach Peter Hale was pleased. Dunmore lost their first game. "
            '"It was a hard night," he said.',
            "Peter Hale",
        ),
        (
            "Brisco chief Peter Hale spoke. Brisco released its results on Monday. "
            '"It was a good year," he said.',
            "Peter Hale",
        ),
    ],
)
def test_one_word_person_by_his_or_her(body: str, expected: str) -> None:
    assert quote_speakers("Report", body) == [expected]


def test_agency_named_in_its_long_and_short_forms() -> None:
    # "Orlan's Investors Service Inc" and "Orlan's" are one body, not another that spoke.
    body = (
        "Orlan's Investors Service Inc said it launched a new bond index.\n\n"
        "Orlan's said it calculated the index back to 1979. "
        "The index rose four pct last year, the agency said."
    )
    assert speaker_of("Ratings", body, "The index") == "Orlan's"


@pytest.mark.parametrize(
    ("title", "body", "opening", "expected"),
    [
        # a firm named only in a Title Case headline is still the one meant
        (
            "Brisco Foods Plc <Brf.L> 1986 Year",
            "Shr 5p vs 4p.\n\nThe company said it would pay a final dividend.",
            "The company",
            "Brisco Foods",
        ),
        # a name misspelt once is the same firm
        (
            "Results",
            "Equadoria Networks Co said it expects losses.\n\nEquidoria said it will "
            "cut staff at Halvey Corp.\n\nThe company said the cuts start in May.",
            "The company",
            "Equadoria Networks",
        ),
        # a later firm's sentence closed by "the company said" is the first firm's words
        (
            "Offering",
            "Tamsin Systems Inc said it filed for an offering.\n\nBrock Tech Corp, "
            "which it bought, will be merged, the company said.\n\nThe company said it will use "
            "the proceeds to repay debt.",
            "The company said it will",
            "Tamsin Systems",
        ),
    ],
)
def test_company_guards(title: str, body: str, opening: str, expected: str) -> None:
    assert speaker_of(title, body, opening) == expected
