"""Speakers of branch spk77's rules, on sentences written for these tests."""

from __future__ import annotations

import pytest

from db.ingest import compose_text
from db.statements import analyse_verified


def _speakers(body: str, title: str = "Council row over the plan") -> list[str | None]:
    text, at = compose_text(title, body)
    found = analyse_verified(text, at)
    assert not isinstance(found, str), found
    return [st.speaker for st in found if st.start >= at]


def _quote_speakers(body: str) -> list[str | None]:
    text, at = compose_text("Council row over the plan", body)
    found = analyse_verified(text, at)
    assert not isinstance(found, str), found
    return [q.speaker for st in found for q in st.quotes]


# A verb of saying joined to its subject's earlier verb ("… and said"), the words between
# holding a day, a name after a preposition or an article, or the subject's apposition:
# no clause of their own.
@pytest.mark.parametrize(
    ("body", "who"),
    [
        ("Nora Felton visited the plant on Tuesday and said the jobs were safe.", "Nora Felton"),
        (
            "Senator Dale Ruskin met with President Obama in March and said he would vote yes.",
            "Dale Ruskin",
        ),
        (
            "Mr. Ruskin pointed to the unrest in Zimbabwe and said the regime had failed.",
            "Ruskin",
        ),
        (
            "Greta Holm, the mayor of Leeds and a former minister, joined the debate and said"
            " the plan would fail.",
            "Greta Holm",
        ),
    ],
)
def test_a_joined_verb_of_saying_takes_the_sentence_subject(body: str, who: str) -> None:
    assert _speakers(body) == [who]


def test_a_joined_verb_gives_its_partial_quotation_the_subject() -> None:
    body = (
        "Greta Holm, the mayor of Leeds and Mr. Ruskin's former aide, joined the debate on"
        ' Monday and said that the council should "clear the decks" before the vote.'
    )
    assert _quote_speakers(body) == ["Greta Holm"]


# Guards: a clause of its own between the subject and the joined verb.
@pytest.mark.parametrize(
    "body",
    [
        "Capra was the butt of a gaffe when the host opened the envelope and declared a tie.",
        "The fund lost money but Mr. Ruskin, its founder, stayed calm and said little.",
    ],
)
def test_a_clause_of_its_own_keeps_the_joined_verb_apart(body: str) -> None:
    assert _speakers(body) != ["Capra"]
    assert "fund" not in str(_speakers(body))


# "The ministry/commission/party said" and a name holding the noun's own word: the body,
# however often the article writes a person or a place.
@pytest.mark.parametrize(
    ("body", "who"),
    [
        (
            "The Electoral Commission published its report on Monday. Parliament and the"
            " Assembly debated it; Parliament voted, Parliament rose, and the Assembly"
            " met again. The commission said the limits should cover four months.",
            "Electoral Commission",
        ),
        (
            "Papers were handed to the State Department. Clinton kept a private server;"
            " Clinton's aides chose what to send, and Clinton said nothing. The department"
            " said it had received 55,000 pages.",
            "State Department",
        ),
    ],
)
def test_a_name_with_the_nouns_own_word_is_not_outcounted(body: str, who: str) -> None:
    assert _speakers(body)[-1] == who


def test_a_body_named_with_and_before_its_own_word_is_read_whole() -> None:
    body = (
        "Growth slowed, the Trade and Industry Department reported. Exports fell. Growth"
        " will be 4.8%, the department said."
    )
    assert _speakers(body)[-1] == "Trade and Industry Department"


# A firm set in apposition with the noun: "X, the US car company," or "The company, X,".
@pytest.mark.parametrize(
    ("body", "who"),
    [
        (
            "The company, Brindlewood, is to change its packaging. Aids charities welcomed"
            " the move; Aids groups had asked for it, and Aids workers too. The company says"
            " the change will stop resale.",
            "Brindlewood",
        ),
        (
            "Halvorsen, the Norwegian shipping company, reported higher profits. Costs"
            " rose. In addition, the company said fuel costs hit its margins.",
            "Halvorsen",
        ),
        (
            "The bill was pushed by the Center for Civic Policy, a conservative group that"
            " opposes it. The group says the bill clarifies the law.",
            "Center for Civic Policy",
        ),
    ],
)
def test_a_body_in_apposition_with_its_noun(body: str, who: str) -> None:
    assert _speakers(body)[-1] == who


def test_a_body_found_for_the_company_is_not_a_surname_written_in_full() -> None:
    """ "Ford" for "the company" stays the firm; the chairman Bill Ford speaks apart."""
    body = (
        "Ford, the US car company, reported higher profits. Chairman Bill Ford said it"
        " was a good year. In addition, the company said costs rose."
    )
    assert _speakers(body)[-2:] == ["Bill Ford", "Ford"]


# "It said …" after a body of two or three words no one calls "he" or "she" (spk76b read
# one word only), and after a sentence between that names the same body.
@pytest.mark.parametrize(
    ("body", "who"),
    [
        ("Velvet Crumb said sales fell in May. It added that costs rose.", "Velvet Crumb"),
        ("Tandy Marlowe Brands said it would cut jobs. It said 40 stores would close.", None),
        (
            "Monsanto admitted it had sold the seed. In addition, Monsanto also agreed to"
            " pay a fine. It said the case was closed.",
            "Monsanto",
        ),
    ],
)
def test_it_goes_on_with_a_body(body: str, who: str | None) -> None:
    speakers = _speakers(body)
    assert speakers[-1] == (who or speakers[0])


# Guards: a person ("Mr", "he"), a sentence between about something else.
@pytest.mark.parametrize(
    "body",
    [
        "Mr Hollis Brant said sales fell in May. It added that costs rose.",
        "Hollis Brant said sales fell. He added that costs rose. It added nothing.",
        "Monsanto admitted it had sold the seed. Farmers were angry. It said the case was closed.",
    ],
)
def test_it_does_not_go_on_with_a_person_or_past_another_sentence(body: str) -> None:
    assert _speakers(body)[-1] is None


@pytest.mark.parametrize("word", ["Fishermen", "Businessmen"])
def test_a_plural_in_men_opening_a_sentence_is_described(word: str) -> None:
    body = f'The bill was signed on Monday. {word} say the rules are "unworkable".'
    text, at = compose_text("Council row over the plan", body)
    found = analyse_verified(text, at)
    assert not isinstance(found, str), found
    (st,) = [st for st in found if st.quotes]
    assert st.speaker is None
    assert [q.speaker_kind for q in st.quotes] == ["common"]


def _last_speaker(title: str, body: str) -> str | None:
    return _speakers(body, title)[-1]


def test_the_company_is_the_firm_the_text_opens_with() -> None:
    body = (
        "Vantrix is celebrating bumper sales of its shooter, Halo 3. Halo fans queued"
        " overnight. The game has sold five million copies, the company said."
    )
    assert _last_speaker("Halo 3 sells five million", body) == "Vantrix"


def test_the_firm_the_text_opens_with_past_a_verb_of_the_past() -> None:
    body = "Vantrix saw its shares rise 14%. The company said it would move ten plants."
    assert _last_speaker("Vantrix to move jobs", body) == "Vantrix"


# Guards: a person, people described, a nationality opening the text.
@pytest.mark.parametrize(
    "body",
    [
        "Jane Ward is celebrating sales of her game. It sold well, the company said.",
        "Prominent Republicans are calling for a veto. The bill passed, the company said.",
        "Mexican workers sent a record sum home. Costs rose, the company said.",
    ],
)
def test_no_firm_from_an_opening_person_or_people(body: str) -> None:
    assert _last_speaker("Sales rise", body) is None


# Guards from the census: "it" after a body its own sentence names; a name further in
# its sentence; a subject misread after "Jr." followed by a preposition; "Party" alone.
@pytest.mark.parametrize(
    "body",
    [
        "The Shelton Weekly reported that he served. When a national outlet, Slate"
        " magazine, produced a profile of him, it said he had served.",
        "In a rare move, the Tories and Lib Dems have tabled a motion opposing the bill."
        " It argues decisions should be taken on a higher standard.",
        "A day before Mr. Stone emailed, Donald Trump Jr. exchanged messages on Twitter"
        " with the account and asked what the leak was.",
        "The Liberal Democrats unveiled a plan. Party leader Charles Kennedy backed it."
        " The party says the homes would be cheap.",
    ],
)
def test_census_guards(body: str) -> None:
    assert _speakers(body)[-1] in (None, "Charles Kennedy")
    assert _speakers(body)[-1] != "Party"
