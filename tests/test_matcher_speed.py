"""The pipeline's shortcuts give the matcher's exact answers.

``compare(..., score_different=False)`` may give up on a pair sure to be ``different``
(score 0.0) from cheap features and bounds of the costly ones; any other relation, its
score, diffs and evidence must be exactly what the full computation gives.
"""

from __future__ import annotations

from itertools import product

from hypothesis import given, settings
from hypothesis import strategies as st

from db import matcher
from db.matcher import Model, compare, prepare, with_context

SENTENCES = (
    # One claim told three ways, and a number that differs.
    "Acme Corp said on Tuesday it would cut 1,200 jobs at its Dayton plant by March.",
    "Acme Corp will cut 1,200 jobs at the Dayton plant by March, the company said.",
    "Acme Corp plans to cut 1,500 jobs at its Dayton plant by March, a spokesman said.",
    "Acme Corp did not cut any jobs at its Dayton plant, the company said on Tuesday.",
    # The same people, other claims.
    "Acme Corp chief executive Dana Whitfield met union leaders in Dayton on Tuesday.",
    "Dana Whitfield, Acme's chief executive, said profits rose 12 percent last year.",
    "Union leaders in Dayton said they would strike if Acme Corp closed the plant.",
    # Common words only, and a statement that says nothing specific.
    "The plant will close and the workers will lose their jobs, officials said.",
    "It was a very good year for the company and its workers.",
    "Officials said the plant's workers would lose their jobs when it closes in March.",
    # A long sentence whose clauses carry several claims.
    "Acme Corp, which employs 4,000 people in Ohio and was founded in 1921 by the Whitfield "
    "family, said on Tuesday that it would cut 1,200 jobs at its Dayton plant by March, "
    "while its rival Bolt Industries said it would hire 300 workers in Toledo next year.",
    "Bolt Industries said it would hire 300 workers in Toledo next year.",
    # Nothing but one quantity, told in other words: a conflict the model scores at 2%.
    "In a long statement released late on Sunday night, organisers said that what they"
    " described as an estimated 3,000 volunteers were at Glastonbury.",
    "At least 2,500 volunteers are at Glastonbury.",
)


def _article(texts: tuple[str, ...]) -> list[matcher.Prepared]:
    return with_context([prepare(t) for t in texts])


def _pairs() -> list[tuple[matcher.Prepared, matcher.Prepared]]:
    bare = [prepare(t) for t in SENTENCES]
    # Inside articles too (another intercept, local weights, story words).
    left = _article(SENTENCES[::2])
    right = _article(SENTENCES[1::2])
    return [(a, b) for a, b in product(bare, bare) if a is not b] + list(product(left, right))


def _agrees(a: matcher.Prepared, b: matcher.Prepared, model: Model) -> tuple[bool, bool]:
    """(the pipeline's answer is the exact one, the pipeline gave up early)."""
    exact = compare(a, b, model, explain=False)
    fast = compare(a, b, model, explain=False, score_different=False)
    if exact.relation == "different":
        return fast.relation == "different" and fast.score in (0.0, exact.score), (
            fast.score != exact.score
        )
    return fast == exact, False


def test_the_pipeline_gets_the_exact_answers_and_gives_up_on_some_pairs() -> None:
    relations = set()
    gave_up = 0
    for a, b in _pairs():
        same_answer, early = _agrees(a, b, matcher.DEFAULT_MODEL)
        assert same_answer, (a.text, b.text)
        gave_up += early
        relations.add(compare(a, b).relation)
    # The pairs exercise every relation, and the shortcut is taken.
    assert relations == {"same", "conflict", "related", "different"}
    assert gave_up > 0


def test_evidence_is_the_same_with_and_without_the_shortcut() -> None:
    for a, b in _pairs():
        fast = compare(a, b, score_different=False)
        if fast.relation != "different":
            assert fast == compare(a, b)


def test_a_model_whose_curve_falls_gets_no_shortcut() -> None:
    weights = list(matcher.WEIGHTS)
    # The raw_token_set curve's first segment made negative: its bound no longer bounds p.
    at = matcher.MODEL_NAMES.index("raw_token_set@0.3")
    weights[at] = -5.0
    model = Model(tuple(weights), matcher.INTERCEPT)
    assert matcher.DEFAULT_MODEL.bounded
    assert not model.bounded
    for a, b in _pairs():
        exact = compare(a, b, model, explain=False)
        assert compare(a, b, model, explain=False, score_different=False) == exact


WORDS = st.sampled_from(
    [
        "Acme",
        "Corp",
        "Dayton",
        "plant",
        "cut",
        "jobs",
        "1,200",
        "1,500",
        "March",
        "said",
        "not",
        "may",
        "Whitfield",
        "union",
        "strike",
        "profits",
        "rose",
        "fell",
        "12",
        "percent",
        "Ohio",
        "Toledo",
        "hire",
        "workers",
        ",",
        ".",
        '"quoted',
        'words"',
        "Bolt",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=3, max_size=40), st.lists(WORDS, min_size=3, max_size=40))
def test_the_shortcut_never_changes_an_answer(a: list[str], b: list[str]) -> None:
    pa, pb = prepare(" ".join(a)), prepare(" ".join(b))
    assert _agrees(pa, pb, matcher.DEFAULT_MODEL)[0]
