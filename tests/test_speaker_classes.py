"""Speakers of sentences and quotations, for classes of error read in the forty-third
session's held-out sets (quote sets 61 and 62, statement-speaker set 12; BENCHMARKS.md).

Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from db.statements import analyse

HEAD = "Headline\n\n"


def _speakers(body: str) -> list[str | None]:
    return [st.speaker for st in analyse(HEAD + body, len(HEAD))[1:]]


@pytest.mark.parametrize(
    "sentence",
    [
        "The tax year starting on 6 April calls for higher duties on fuel.",
        "The plan, which runs to 4 May, said spending would rise.",
        "Figures released on 12th June said growth was slow.",
    ],
)
def test_a_day_and_month_are_a_date_not_a_speaker(sentence: str) -> None:
    """A month after a day's number ("on 21 March calls for") is a date, no one who
    speaks ("March" was the speaker)."""
    assert _speakers(sentence) == [None]


def test_a_month_that_is_a_surname_still_speaks() -> None:
    assert _speakers("Prime Minister Theresa May said the plan was good.") == ["Theresa May"]
    assert _speakers("On 3 May Theresa May said it was.") == ["Theresa May"]


@pytest.mark.parametrize(
    "sentence",
    [
        # an act told in the main clause, the saying only in a name's relative clause
        "The suit was filed by Acme Corp and state attorney Jane Rowe who alleged fraud.",
        "The deal was arranged by agent Tom Blake who promised the club a fee.",
        "Her letter follows a report from the Royal Society, which said the tests failed.",
        "The trial was heard by Judge Mary Jones, who said the law was clear.",
        "Peter Hale, who said the war was legal, resigned on Monday.",
        "The firm, which said profits fell, is based in Leeds.",
    ],
)
def test_a_relative_clause_alone_is_not_the_sentence_speaking(sentence: str) -> None:
    """A name's relative clause ("Eliot Spitzer who alleged …", "the Committee, which
    said …") is not the speech of a sentence whose main clause tells an act: the
    sentence has no speaker of its own."""
    assert _speakers(sentence) == [None]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # the main clause speaks, or puts forward a view: the relative clause is its speech
        ("That charge was denied by Mr Mandelson, who said the Tories were afraid.", "Mandelson"),
        ("The plan was criticised by John Brown, who said it would fail.", "John Brown"),
        (
            "Doubts have been voiced by the Royal Society, which said the tests failed.",
            "Royal Society",
        ),
        ("That was a view repeated by Home Secretary Jane Rowe who said it must end.", "Jane Rowe"),
        # a cleft sentence: what the relative clause says is the sentence's content
        (
            "It was the Football Association who demanded an inquiry into the match.",
            "Football Association",
        ),
        # a main clause of its own after the name
        ("Jack Straw said the war, which Blair backed, was legal.", "Jack Straw"),
    ],
)
def test_a_relative_clause_speaks_when_the_main_clause_does(sentence: str, speaker: str) -> None:
    assert _speakers(sentence) == [speaker]


@pytest.mark.parametrize(
    "sentence",
    [
        "The figures were given by finance minister Ann Lee who said growth would slow.",
        "That warning was repeated by Home Secretary Jane Rowe who said it must end.",
    ],
)
def test_a_passive_of_something_said_names_its_sayer(sentence: str) -> None:
    """A passive whose subject is something said ("The figures were given by …") has
    its agent, whose relative clause says it, for its speaker."""
    assert _speakers(sentence)[0] is not None


def _quote_speakers(body: str) -> list[str | None]:
    return [q.speaker for st in analyse(HEAD + body, len(HEAD)) for q in st.quotes]


def test_a_nationality_opening_a_sentence_stands_for_the_person_named_before() -> None:
    """ "The Scot", "The Brazilian" opening a sentence is the person last named, as "said
    the American" is: a pronoun after it goes on with them, not with a name the sentence
    holds as an object (the pronoun went to "Gallas", to "Sir Alex Ferguson")."""
    body = (
        "Hull manager Peter Dowd will fine striker Tom Keane for his tackle.\n\n"
        "The Scot at first defended Keane, saying Gallas went down too easily. "
        'He said: "I was wrong about the tackle."'
    )
    assert _quote_speakers(body) == ["Peter Dowd"]


def test_a_nationality_no_one_was_named_for_stops_a_pronoun() -> None:
    """Someone described, not found ("The Brazilian" where no Brazilian is named): no
    pronoun after them reaches back past them to a preposition's object."""
    body = (
        "Leeds's Rui has spoken about the fight after the derby.\n\n"
        "The Brazilian said nothing about reports that a cup was thrown at coach Sam "
        'Allen. "I saw people pushing," he told the club website.'
    )
    assert _quote_speakers(body) != ["Sam Allen"]


def test_a_quotation_of_the_company_is_the_company_named_before() -> None:
    """ "…," the company said: the one company the article named before with a cue of
    its kind, as a sentence of reported speech already got it ("The company said it
    …"); "it" after goes on with that company."""
    body = (
        "Shares in toy maker Brickwell fell on Monday after a profit warning. "
        '"Sales over Christmas were weak," the company said. It added that costs rose. '
        '"We expect a better year," it said.'
    )
    assert _quote_speakers(body) == ["Brickwell", "Brickwell"]
    assert _speakers(body)[2] == "Brickwell"


def test_a_quotation_of_the_company_stays_as_written_when_two_are_named() -> None:
    body = (
        "Shares in toy maker Brickwell and games maker Playco fell on Monday. "
        '"Sales over Christmas were weak," the company said.'
    )
    assert _quote_speakers(body) == ["the company"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            'The UN\'s Relief Co-ordinator, Jan Olsen, was quoted as saying aid was "late".',
            "Jan Olsen",
        ),
        (
            'The bank\'s chief economist, Ann Kerr, was quoted as saying rates were "high".',
            "Ann Kerr",
        ),
        ('Ian Smith was quoted as saying he was "happy".', "Ian Smith"),
    ],
)
def test_quoted_as_saying_after_a_role_and_a_name_in_commas(sentence: str, speaker: str) -> None:
    """ "The EU's Humanitarian Aid Commissioner, Louis Michel, was quoted as saying": the
    person set off by commas after the role, not a capitalised role read as a name."""
    assert _quote_speakers(sentence) == [speaker]
    assert _speakers(sentence) == [speaker]


def test_a_given_name_with_a_relative_clause_is_someone_a_pronoun_stands_for() -> None:
    """ "Jane, who runs the website, …": a given name alone, described by a relative
    clause, is a person "she" may stand for (it was someone no pronoun could resolve);
    a one-word team or place so described still stops a pronoun."""
    body = (
        "The stories can be read on one blog, Gamer Widows. Mary, who runs the site, "
        'collects them. "Some people play all night," she said.'
    )
    assert _quote_speakers(body) == ["Mary"]
    body = (
        "Leicester, who signed White, were beaten by Chelsea's John Terry on Monday. "
        '"It was hard," he said.'
    )
    assert _quote_speakers(body) == [None]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('The plan was branded "a disgrace" and "a shambles" by Tory leader Ann Hale.', "Ann Hale"),
        ('He was called "brave" or "reckless" by Jane Smith, who knew him.', "Jane Smith"),
        ('The band were described as "average" and "eerie" by critics.', "critics"),
    ],
)
def test_two_quotations_a_naming_verb_names_share_the_agent_after(
    sentence: str, speaker: str
) -> None:
    """'described as "…" and "…" by scouts' (quote set 62): both quotations are the
    passive's agent's, as one quotation before "by" is."""
    assert _quote_speakers(sentence) == [speaker, speaker]
