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
