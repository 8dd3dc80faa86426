"""Pair scoring: relations, conflicts with their values, robustness."""

from __future__ import annotations

from db_helpers import PLEA_A, PLEA_B
from hypothesis import given, settings
from hypothesis import strategies as st

from db import matcher
from db.matcher import compare, compare_texts, evidence, prepare
from db.normalize import normalize_word
from db.numbers import FIGURE_KEY_PREFIX, figure_key, round_significant, telling

UMEROV_A = (
    "In an interview with South Korean broadcaster KBS, Ukrainian Defence Minister Rustem "
    'Umerov said a "small group" of North Korean soldiers were attacked.'
)
UMEROV_B = (
    'Ukrainian troops "engaged in small scale" with North Korean soldiers, Ukraine\'s Defense '
    "Minister Rustem Umerov told South Korean KBS TV."
)
TREATY = (
    "On Wednesday, Russian lawmakers will vote to ratify a mutual defence treaty with North "
    "Korea, first proposed during Russian President Vladimir Putin's lavish visit to Pyongyang "
    "in June."
)
MISSILES = (
    "North Korea has also fired a new intercontinental ballistic missile as well as short-range "
    "ballistic missiles since last week, triggering joint drills by South Korea, the US and Japan."
)


def test_same_claim_in_other_words() -> None:
    r = compare_texts(UMEROV_A, UMEROV_B)
    assert r.relation == "same"
    assert 0 <= r.score <= 100


def test_unrelated_statements_of_one_story_differ() -> None:
    assert compare_texts(TREATY, MISSILES).relation == "different"
    assert compare_texts(UMEROV_A, TREATY).relation == "different"


def test_number_conflict_names_the_values() -> None:
    a = "Officials said an estimated 11,000 North Korean soldiers were in the Kursk region."
    b = "Officials said at least 10,000 North Korean soldiers were in the Kursk region."
    r = compare_texts(a, b)
    assert r.relation == "conflict"
    (d,) = r.diffs
    assert (d["a"], d["b"]) == ("an estimated 11,000", "at least 10,000")
    assert (d["a_value"], d["b_value"]) == (11000, 10000)


def test_an_age_after_a_name_measures_an_age() -> None:
    aged = (
        "Former senator Ana Ruiz, 75, who served in the Senate from 1989 to 2013, met the"
        " president at the White House on Wednesday."
    )
    terms = (
        "Former senator Ana Ruiz, who served three terms in the Senate, met the president at"
        " the White House on Wednesday."
    )
    assert prepare(aged).numbers[0].measures == {"age"}
    # her age is no count of her terms ...
    assert compare_texts(aged, terms).relation != "conflict"
    # ... but another age is
    r = compare_texts(aged, aged.replace("75", "74"))
    assert r.relation == "conflict"
    assert [(d["a_value"], d["b_value"]) for d in r.diffs] == [(75, 74)]
    # a number after a year is no age
    assert prepare("In 2016, 75 people were hurt in Kalmar.").numbers[0].measures != {"age"}


def test_equal_numbers_written_differently_agree() -> None:
    a = "The company paid 1.5 million dollars for the building in Ohio last year."
    b = "The company paid $1,500,000 for the building in Ohio last year."
    assert compare_texts(a, b).relation == "same"


def test_a_share_is_one_figure() -> None:
    # "1 in 3" and "one in three" agree; "one in five" and "one in four" conflict as
    # shares, not as "5 vs four".
    a = "There is a 1 in 3 chance that the Tarlow bridge will close by May, Ekwe said."
    assert compare_texts(a, a.replace("1 in 3", "one-in-three")).relation == "same"
    _conflict_between(
        "One in five adults in Lorvik smokes, the health board said on Monday.",
        "One in four adults in Lorvik smokes, the health board said on Monday.",
        [("One in five", "One in four")],
    )


def test_a_rate_step_in_points_is_one_figure_however_written() -> None:
    # A quarter point, 25 basis points and 0.25 percentage point are one figure; half a
    # point is another. Words that only write the figure are no swapped subject.
    told = "The Bank of Lorvik raised its main interest rate by {} on Thursday."
    quarter = ("a quarter point", "25 basis points", "0.25 percentage point")
    for a in quarter:
        for b in quarter:
            assert compare_texts(told.format(a), told.format(b)).relation == "same", (a, b)
    _conflict_between(
        told.format("half a point"),
        told.format("25 basis points"),
        [("half a point", "25 basis points")],
    )
    a = "The Bank of Lorvik cut rates by half a point to 4.5%."
    b = "The Bank of Lorvik cut rates by 0.5 percentage points to 4.5 percent."
    assert compare_texts(a, b).relation == "same"


def test_a_range_of_suspended_hyphens_is_one_figure() -> None:
    # "a 10- to 15-year loan", "a 30– to 45-minute drive": the first number's hyphen
    # waits for the unit after the second; the two are one range, compared whole.
    for text, low, high in (
        ("Smallwood faces a 10- to 15-year sentence for the fraud.", 10.0, 15.0),
        ("The crossing is a 30\u2013 to 45-minute drive from Tarlow.", 30.0, 45.0),
    ):
        assert [(n.value, n.high) for n in prepare(text).numbers] == [(low, high)], text
    told = "Councillor Ria Dent said the Harlow bypass would need a {} from the state."
    a = told.format("10- to 15-year loan")
    assert compare_texts(a, told.format("loan running 12 years")).relation == "same"
    _conflict_between(a, told.format("loan running 20 to 25 years"), [("10- to 15", "20 to 25")])


def test_a_value_inside_a_range_agrees_with_it() -> None:
    # "between 10,000 and 12,000", "20 to 30", "5 to 6 percent" are ranges: a value
    # inside one agrees with it, one outside conflicts, naming the range whole.
    for a, b in (
        (
            "Between 10,000 and 12,000 Valmoran troops are in Elso, Ruiz said on Monday.",
            "Some 11,000 Valmoran troops are in Elso, Ruiz said on Monday.",
        ),
        (
            "The earthquake killed 20 to 30 people in Tarlow, officials said on Monday.",
            "The earthquake killed 25 people in Tarlow, officials said on Monday.",
        ),
        (
            "Prices rose 5 to 6 percent in Lorvik last year, the statistics office said.",
            "Prices rose 5.5 percent in Lorvik last year, the statistics office said.",
        ),
    ):
        assert compare_texts(a, b).relation == "same", (a, b)
    _conflict_between(
        "The earthquake killed 20-30 people in Tarlow, officials said on Monday.",
        "The earthquake killed 45 people in Tarlow, officials said on Monday.",
        [("20-30", "45")],
    )
    # Not a range: a change ("from 20 to 30"), a tally (the first larger), a rise and
    # the level it reached.
    for text in (
        "The toll rose from 20 to 30 in Tarlow, officials said.",
        "The Tarlow council voted 14 to 9 to reject the budget.",
        "Lorvik's cash balances rose 1.37 billion dlrs to 5.68 billion dlrs last week.",
    ):
        assert all(n.high is None for n in matcher.prepare(text).numbers), text


def test_rounded_number_is_not_a_conflict() -> None:
    a = "Revenue at the carmaker rose to $1.13bn in the second quarter, the firm said."
    b = "Revenue at the carmaker rose to $1.1bn in the second quarter, the firm said."
    assert compare_texts(a, b).relation == "same"


def test_a_figure_rounded_half_up_is_the_rounding_a_writer_makes() -> None:
    # 245,000 to two digits is 250,000, not 240,000 (Python's round() goes to even).
    assert round_significant(245_000, 2) == 250_000
    assert round_significant(2.45, 2) == 2.5
    assert round_significant(-0.125, 2) == -0.13
    a = "Tesla delivered 245,000 cars in the third quarter, the carmaker said."
    b = "Tesla delivered 240,000 cars in the third quarter, the carmaker said."
    result = compare_texts(a, b)
    assert result.relation == "conflict"
    assert (result.diffs[0]["a"], result.diffs[0]["b"]) == ("245,000", "240,000")
    c = "Tesla delivered 250,000 cars in the third quarter, the carmaker said."
    assert compare_texts(a, c).relation == "same"


@settings(max_examples=500, deadline=None)
@given(st.floats(), st.sampled_from([None, "%", "USD"]))
def test_any_value_has_a_figure_key_and_a_telling_answer(x: float, unit: str | None) -> None:
    # Parsed figures may be huge (400 digits: inf); nothing here may raise on them.
    assert figure_key(x, unit).startswith(FIGURE_KEY_PREFIX)
    assert telling(x, unit) in (True, False)


def test_one_telling_figure_and_a_name_are_enough_words_in_common() -> None:
    # Only common words and places besides the figure: a shared figure with a shared
    # name tells one claim.
    pairs = [
        (
            "The Bank of England held interest rates at 0.1%.",
            "The Bank of England kept rates unchanged at 0.1 percent.",
        ),
        (
            "Japan's economy shrank 1.6% in the second quarter.",
            "The Japanese economy contracted by 1.6 percent in the April-June quarter.",
        ),
    ]
    for a, b in pairs:
        assert compare_texts(a, b).relation == "same", (a, b)
    # Without a shared name the sentences do not say whose figure it is.
    others = [
        ("Unemployment rose to 5.2% in March.", "Inflation rose to 5.2% in March."),
        ("Sales rose 12% to $4.5 billion.", "Profit rose 12% to $1.1 billion."),
        ("Gas prices rose 2 cents in Rhode Island.", "Gas prices rose 2 cents in New Hampshire."),
        # ... nor, with a name, one template with one word swapped: another measure.
        ("US unemployment rose to 5.2% in March.", "US inflation rose to 5.2% in March."),
        (
            "German exports fell 3% in May, data showed.",
            "German imports fell 3% in May, data showed.",
        ),
    ]
    for a, b in others:
        assert compare_texts(a, b).relation == "different", (a, b)
    # A small whole count is no telling figure: "two weeks" / "12 people" are common.
    a = "The Bank of England held rates for 12 weeks."
    b = "The Bank of England kept rates unchanged for 12 weeks."
    assert compare_texts(a, b).relation == "different"


def test_compare_is_symmetric() -> None:
    a, b = prepare(UMEROV_A), prepare(UMEROV_B)
    assert compare(a, b).score == compare(b, a).score


def test_weights_match_features() -> None:
    assert len(matcher.FEATURE_NAMES) == len(matcher.FEATURE_SIGNS)
    assert len(matcher.WEIGHTS) == len(matcher.MODEL_NAMES) == len(matcher.MODEL_SIGNS)
    for w, sign in zip(matcher.WEIGHTS, matcher.MODEL_SIGNS, strict=True):
        assert w * sign >= 0  # every fitted weight has its feature's expected sign


def test_prepare_takes_known_numbers_and_speaker() -> None:
    p = prepare(
        "Some 10,000 troops",
        speaker="Jeon Ha-kyou",
        numbers=[matcher.Num(10000.0, None, "about", "Some 10,000")],
    )
    assert p.numbers[0].value == 10000
    assert p.speaker


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text())
def test_compare_texts_never_raises(a: str, b: str) -> None:
    r = compare_texts(a, b)
    assert r.relation in ("same", "conflict", "related", "different")
    assert 0 <= r.score <= 100


@settings(max_examples=100, deadline=None)
@given(
    st.text(alphabet='Kursk 10,000 11 000 North Korea\'s "said" at least. DPRK-,;:()', max_size=200)
)
def test_compare_texts_never_raises_on_newsy_text(a: str) -> None:
    compare_texts(a, UMEROV_B)
    compare_texts(a, a)


def test_model_curves_equal_the_expanded_dot_product() -> None:
    f = matcher.features(prepare(UMEROV_A), prepare(UMEROV_B), full=True)
    model = matcher.DEFAULT_MODEL
    x = matcher.expand(f.values)
    dot = model.intercept + sum(w * v for w, v in zip(model.weights, x, strict=True))
    assert abs(model.logit(f.values) - dot) < 1e-9


def test_more_similarity_never_lowers_the_probability() -> None:
    """Ramped similarities are monotone by construction: raise one, p does not drop."""
    base = matcher.features(prepare(UMEROV_A), prepare(UMEROV_B), full=True).values
    model = matcher.DEFAULT_MODEL
    for name in matcher.RAMPS:
        i = matcher.FEATURE_NAMES.index(name)
        ps = []
        for k in range(21):
            x = list(base)
            x[i] = k / 20
            ps.append(model.probability(x))
        assert ps == sorted(ps), name


def test_prepared_is_lean_and_picklable() -> None:
    import pickle
    import sys

    p = prepare(UMEROV_A)
    assert pickle.loads(pickle.dumps(p)) == p
    assert all(sys.intern(w) is w for w in p.words + p.tokens)
    q = prepare("No quotes here, and nobody is named.")
    assert q.quoted is prepare("Nor here.").quoted  # one shared empty set


def test_pairs_inside_articles_get_their_own_intercept() -> None:
    a, b = prepare(UMEROV_A), prepare(UMEROV_B)
    bare = matcher.features(a, b, full=True).as_dict()
    (ca,) = matcher.with_context([a])
    (cb,) = matcher.with_context([b])
    inside = matcher.features(ca, cb, full=True).as_dict()
    assert bare["in_articles"] == 0.0 and inside["in_articles"] == 1.0


# ------------------------------------------------------------------ precision rules
# Each pair below says the same thing in the same words except for what the rule is
# about, so only the rule can keep it from being 'same'.


def _related_first_because(a: str, b: str, why: str) -> None:
    """``a`` and ``b`` are 'related', and the first thing that differs reads ``why``."""
    r = compare_texts(a, b)
    assert r.relation == "related", r
    assert r.evidence.differs[0] == why, r.evidence


def _conflict_between(a: str, b: str, values: list[tuple[str, str]]) -> None:
    """``a`` and ``b`` are a 'conflict' over these figures (as written in each)."""
    r = compare_texts(a, b)
    assert r.relation == "conflict", r
    assert [(d["a"], d["b"]) for d in r.diffs] == values


def _not_same(a: str, b: str, reason: str) -> None:
    r = compare_texts(a, b)
    assert r.relation in ("related", "different"), r
    f = matcher.features(prepare(a), prepare(b))
    assert reason in f.breaks or reason in (f.clause.breaks if f.clause else ())
    if r.relation == "related":
        assert any(d.startswith(reason) for d in r.evidence.differs), r.evidence


def _relation_with(text: str, old: str, new: str) -> str:
    """The relation of ``text`` to itself with ``old`` written as ``new``."""
    return compare_texts(text, text.replace(old, new)).relation


DAM = "Regional governor Maria Delgado said the dam at Riverton was damaged by the flood on Sunday."


def test_negation_breaks_same() -> None:
    _not_same(DAM, DAM.replace("was damaged", "was not damaged"), "negation")
    _not_same(DAM, DAM.replace("was damaged", "was never damaged"), "negation")


def test_a_contraction_written_without_its_apostrophe_is_a_negation() -> None:
    """Feeds and copied text lose apostrophes ("isnt", "didnt"): such a word negates as
    "isn't" does, against the plain statement and with the apostrophe written."""
    plant = "Harlow Steel chief Jane Roe said the company is selling its Boston plant."
    bare = plant.replace("is selling", "isnt selling")
    _not_same(plant, bare, "negation")
    assert compare_texts(bare, plant.replace("is selling", "isn't selling")).relation == "same"
    resigned = "Mayor Tom Bell resigned after the vote on the Riverton dam, his office said."
    for word in ("didnt", "hasnt", "wasnt", "couldnt"):
        prepared = prepare(resigned.replace("resigned", f"{word} resign"))
        assert prepared.negated, word
    # "cant" (insincere talk) and "wont" (a habit) are words of their own.
    assert not prepare("Senator Ann Ruiz called the speech political cant.").negated
    assert not prepare("Senator Ann Ruiz spoke early, as is her wont.").negated


def test_a_negation_in_another_clause_does_not_break_same() -> None:
    a = 'Mayor Ana Ortiz said she takes "full responsibility for the port contract".'
    b = 'Mayor Ana Ortiz said she takes "full responsibility for the port contract", "no excuses".'
    assert "negation" not in matcher.features(prepare(a), prepare(b)).breaks
    c = 'Mayor Ana Ortiz said she takes "no responsibility for the port contract".'
    assert "negation" in matcher.features(prepare(a), prepare(c)).breaks


def test_a_negation_after_but_is_its_own_clause() -> None:
    """ "will cut … but will not close …" negates the second clause only: against "will
    not cut …" it is the opposite claim, whoever says both."""
    a = "The council will not cut the library budget, Mayor Ruth Okafor said on Tuesday."
    b = (
        "The council will cut the library budget but it will not close the night bus"
        " service, Mayor Ruth Okafor said on Tuesday."
    )
    _not_same(a, b, "negation")


def test_the_same_quoted_words_negated_on_both_sides_are_no_negation_apart() -> None:
    """One side's "not" sits inside the quotation, the other's before it: the clause the
    quotation marks cut off is what both negate."""
    quoted = "any budget item until the council has funded the library and the night bus service."
    letter = (
        "On Tuesday, Mayor Ruth Okafor received a letter signed by all 12 Elmwood"
        ' councillors, which stated, "We write to inform you that we will not agree to'
        f' debate {quoted}"'
    )
    told = (
        "In a letter signed by the 12 members of the Elmwood council, delivered to Mayor"
        " Ruth Okafor and read out on Tuesday by the council leader, Tom Vale, the group"
        f' told her deputy that they would not go forward with "{quoted}"'
    )
    assert "negation" not in matcher.features(prepare(letter), prepare(told)).breaks
    # Two speakers each negating their own words: the clauses decide.
    vale, ruiz = prepare(letter, speaker="Tom Vale"), prepare(told, speaker="Ana Ruiz")
    assert "negation" in matcher.features(vale, ruiz).breaks
    # Told in other words, with no quotation shared, the clauses decide as before.
    wrote = ', which stated, "We write to inform you that we'
    paraphrased = letter.replace(wrote, " saying that they").removesuffix('"')
    assert "negation" in matcher.features(prepare(paraphrased), prepare(told)).breaks


def test_a_refusal_negates_the_verb_it_refuses() -> None:
    endorsed = "Senator Ruth Okafor endorsed Mayor Tom Bell for re-election on Friday."
    _not_same(endorsed, endorsed.replace("endorsed", "declined to endorse"), "negation")
    _not_same(endorsed, endorsed.replace("endorsed", "refused to endorse"), "negation")
    captured = "Valdorian forces captured the town of Ostrana, the defence ministry said."
    failed = captured.replace("captured", "failed to capture")
    _not_same(captured, failed, "negation")
    # a failure against a negation of one act is one stance
    assert compare_texts(failed, captured.replace("captured", "did not capture")).relation == (
        "same"
    )
    buy = "Marlow Airlines will buy Kestrel Air for $2 billion, its chief executive said."
    _not_same(buy, buy.replace("will buy", "ruled out buying"), "negation")
    # Two refusals, or a refusal and a negation, of one thing agree.
    declined = endorsed.replace("endorsed", "declined to endorse")
    assert compare_texts(declined, endorsed.replace("endorsed", "refused to endorse")).relation == (
        "same"
    )
    assert compare_texts(declined, endorsed.replace("endorsed", "did not endorse")).relation == (
        "same"
    )
    # A refusal of something the other does not say is no negation of it.
    comment = "Senator Ruth Okafor endorsed Mayor Tom Bell on Friday but declined to comment."
    assert "negation" not in matcher.features(prepare(endorsed), prepare(comment)).breaks
    # A fall is no refusal: "declined to $40", "declined to record lows".
    assert prepare("Shares of Marlow Airlines declined to $40 on Friday.").refused <= {""}
    assert prepare("Shares of Marlow Airlines declined to record lows.").refused <= {""}
    assert prepare("Shares of Marlow Airlines declined to Jim Bell.").refused <= {""}


def test_denial_breaks_same() -> None:
    a = "Hartwell Mining confirmed reports that it will close its Ovens Creek plant in March."
    _not_same(a, a.replace("confirmed", "denied"), "denial")
    _not_same(a, a.replace("confirmed", "rejected"), "denial")
    # every form of the verb denies: "disputing reports" as "disputes reports"
    disputes = a.replace("confirmed", "disputes")
    disputing = (
        "A statement disputing reports that Hartwell Mining will close its Ovens Creek"
        " plant in March."
    )
    assert "denial" in prepare(disputing).stance
    assert "denial" not in matcher.features(prepare(disputes), prepare(disputing)).breaks
    # what is disputed may be any claim: an argument, a finding, an estimate
    b = "Senator Ekwe argued that the Tarlow bridge will cost 40 million euros to repair."
    c = "Mayor Okafor disputed the argument that the Tarlow bridge will cost 40 million euros."
    _not_same(b, c, "denial")
    d = "The audit found the Tarlow bridge repairs would cost 40 million euros."
    _not_same(d, "Officials rejected the finding that the Tarlow bridge repairs would cost"
              " 40 million euros.", "denial")  # fmt: skip


def test_rejecting_a_bill_is_no_denial() -> None:
    a = prepare("The Senate rejected the Hartwell Mining bill on Tuesday.")
    assert "denial" not in a.stance


def test_a_writers_question_is_no_claim_and_a_quoted_question_is() -> None:
    a = "Hartwell Mining will close its Ovens Creek plant in March, the union said."
    q = "Will Hartwell Mining close its Ovens Creek plant in March, the union asks?"
    _not_same(a, q, "question")
    _not_same(a, a.replace(".", "?"), "question")  # nothing else differs
    _not_same(q, q, "question")  # no claim: nothing to corroborate, even word for word
    # a question someone is quoted asking is what they said, not the writer's question
    said = 'Union chief Ana Ortiz asked: "Will Hartwell Mining close its plant in March?"'
    assert "question" not in prepare(said).stance
    assert compare_texts(said, said.replace("Union chief ", "")).relation == "same"
    inside = "Will Hartwell Mining close its plant in March?"  # one sentence of a quote
    assert "question" not in prepare(inside, quotes=[inside]).stance
    assert "question" in prepare(inside).stance
    # the writer's question about a quoted word is still the writer's
    assert "question" in prepare('Why is Hartwell Mining calling the plan "final"?').stance
    # a headline's question with a bracketed label after it is still a question
    assert "question" in prepare("Will Hartwell Close Ovens Creek? (Video)").stance
    assert "question" not in prepare("Hartwell Closes Ovens Creek (Video)").stance
    # a feed cuts a long headline: a clause opening with its verb still asks
    assert "question" in prepare("Hartwell Plant Spoilers: Is Ovens Creek The Next To ...").stance
    assert "question" in prepare("Mine Closures: Who Does Hartwell Pick Next  ...").stance
    assert "question" not in prepare("REVEALED: How Hartwell Has Been Lobbying To ...").stance
    assert "question" not in prepare("The union said: do not close Ovens Creek ...").stance


def test_modality_breaks_same() -> None:
    a = "Norvik Airlines cancelled 40 flights from Tallinn on Friday, its chief Paul Erm said."
    for hedged in ("may cancel", "plans to cancel", "could cancel"):
        _not_same(a, a.replace("cancelled", hedged), "modality")
    # A schedule is a plan: what is set to happen has not happened.
    for scheduled in ("is set to cancel", "is scheduled to cancel", "is poised to cancel"):
        _not_same(a, a.replace("cancelled", scheduled), "modality")
    # A deal neared or mulled is no deal done.
    b = "Dalton Stores agreed to buy Harrow Bank for $1.8 billion, the companies said."
    for near in ("nears a deal to buy", "mulls a deal to buy"):
        _not_same(b, b.replace("agreed to buy", near), "modality")


def test_future_against_a_hedge_and_may_the_month_are_no_modality_break() -> None:
    a = "Norvik Airlines will cancel 40 flights from Tallinn, its chief Paul Erm said."
    b = "Norvik Airlines is expected to cancel 40 flights from Tallinn, its chief Paul Erm said."
    assert "modality" not in matcher.features(prepare(a), prepare(b)).breaks
    c = "In May, Norvik Airlines cancelled 40 flights from Tallinn, its chief Paul Erm said."
    assert "hedge" not in prepare(c).stance


def test_what_could_not_be_is_a_fact() -> None:
    # "could not" is what was not possible, as "couldn't" is: neither hedges
    a = "Minister Ode could not attend the Tarlow summit, his office said."
    b = "Minister Ode couldn't attend the Tarlow summit, his office said."
    assert "hedge" not in prepare(a).stance and "hedge" not in prepare(b).stance
    assert "modality" not in matcher.features(prepare(a), prepare(b)).breaks
    # ... while "could" alone still hedges
    c = "Minister Ode could attend the Tarlow summit, his office said."
    assert "hedge" in prepare(c).stance


def test_a_plan_is_no_plain_fact_even_when_it_also_foretells_something() -> None:
    fact = "Norvik Airlines cancelled 40 flights from Tallinn, its chief Paul Erm said."
    plan = (
        "Norvik Airlines plans to cancel 40 flights from Tallinn and will refund every"
        " passenger, its chief Paul Erm said."
    )
    assert "modality" in matcher.features(prepare(plan), prepare(fact)).breaks
    # ... while a plain statement of the future is what a plan foretells
    future = "Norvik Airlines will cancel 40 flights from Tallinn, its chief Paul Erm said."
    assert "modality" not in matcher.features(prepare(plan), prepare(future)).breaks


# A long sentence of two claims, and another of the same minister, place and day.
FLOOD_SAID = (
    "KALMAR, Sweden -- Interior Minister Lena Ahlberg said on Tuesday that the flooding along"
    " the Nissan river had destroyed more than a hundred homes in the county, and she promised"
    " that every family left homeless would receive emergency housing before the winter begins."
)
FLOOD_VISIT = (
    "KALMAR, Sweden -- Interior Minister Lena Ahlberg arrived in Halmstad on Tuesday, meeting"
    " with local officials and rescue workers even as forecasters warned that the rain was"
    " likely to continue through the weekend across the whole of the region."
)


def test_a_long_sentences_clause_is_judged_against_a_statement_of_one_claim() -> None:
    short = (
        "Flooding along the Nissan river destroyed more than a hundred homes in the county,"
        " Interior Minister Lena Ahlberg said."
    )
    assert matcher.features(prepare(FLOOD_SAID), prepare(short)).clause is not None
    assert compare_texts(FLOOD_SAID, short).relation == "same"


def test_a_clause_that_only_names_people_claims_nothing() -> None:
    # Read alone, "House Speaker Lena Okafor and Senate Majority Leader Tomas Berg" is
    # mostly capitals (a headline's, which name no one) and matched the statement of
    # their resignation on the names alone.
    long = (
        "The measure passed shortly before midnight after a debate that ran for eleven hours"
        " in the chamber, according to House Speaker Lena Okafor and Senate Majority Leader"
        " Tomas Berg, who had negotiated its final wording for weeks with the governor's"
        " office and the teachers' unions."
    )
    resigned = "House Speaker Lena Okafor and Senate Majority Leader Tomas Berg resigned on Monday."
    assert compare_texts(long, resigned).relation not in ("same", "conflict")
    # A clause that claims something is still judged on its own.
    passed = "The measure passed shortly before midnight after eleven hours of debate."
    assert compare_texts(long, passed).relation == "same"


def test_two_long_sentences_are_not_judged_on_their_who_where_and_when() -> None:
    # Their best-aligned clauses are the dateline, the minister and the day.
    assert matcher.features(prepare(FLOOD_SAID), prepare(FLOOD_VISIT)).clause is None
    assert compare_texts(FLOOD_SAID, FLOOD_VISIT).relation not in ("same", "conflict")


def test_two_long_sentences_quoting_the_same_words_are_judged_on_the_quote() -> None:
    quote = '"We will rebuild every home the river took before the first snow falls,"'
    kalmar = (
        f"{quote} Interior Minister Lena Ahlberg said on Tuesday in Kalmar, where she met"
        " families whose houses were destroyed by the flooding along the Nissan river last"
        " week and visited the shelters."
    )
    halmstad = (
        "Speaking to reporters in Halmstad after a long meeting with rescue workers, local"
        " officials and the county governor on Wednesday, Interior Minister Lena Ahlberg"
        f" said: {quote} and asked for patience."
    )
    assert matcher.features(prepare(kalmar), prepare(halmstad)).clause is not None
    assert compare_texts(kalmar, halmstad).relation == "same"


def _in_article(text: str, day: int | None = None, **given: object) -> matcher.Prepared:
    return matcher.with_context([prepare(text, **given)], day=day)[0]  # type: ignore[arg-type]


def test_a_pair_without_an_anchor_needs_the_higher_cut(monkeypatch) -> None:
    # One event told two ways: no quotation, speaker or number in common, few words.
    ripped = _in_article(
        "Glenn Beck ripped progressivism as a cancer on the country in his keynote speech to"
        " the CPAC gathering in Washington on Saturday, drawing long applause."
    )
    cheered = _in_article(
        "The CPAC crowd in Washington cheered Glenn Beck's Saturday keynote, which ran for"
        " nearly an hour and closed the conference of conservatives."
    )
    f = matcher.features(ripped, cheered)
    assert not matcher._anchored(f.values) and not f.breaks
    p = matcher.DEFAULT_MODEL.probability(f.values)
    monkeypatch.setattr(matcher, "SAME_P_LONE", 0.0)  # each is its whole article
    monkeypatch.setattr(matcher, "SAME_P_ARTICLES", p - 0.01)
    monkeypatch.setattr(matcher, "SAME_P_UNANCHORED", p + 0.01)
    assert matcher.decide(f).relation != "same"
    monkeypatch.setattr(matcher, "SAME_P_UNANCHORED", p - 0.005)
    assert matcher.decide(f).relation == "same"
    # the same speaker anchors a pair: the lower cut is enough
    said = _in_article(ripped.text, speaker="Glenn Beck")
    told = _in_article(cheered.text, speaker="Glenn Beck")
    g = matcher.features(said, told)
    assert matcher._anchored(g.values)
    q = matcher.DEFAULT_MODEL.probability(g.values)
    monkeypatch.setattr(matcher, "SAME_P_ARTICLES", q - 0.01)
    monkeypatch.setattr(matcher, "SAME_P_UNANCHORED", q + 0.01)
    assert matcher.decide(g).relation == "same"


def test_two_headlines_without_a_body_need_the_lone_cut(monkeypatch) -> None:
    # Two outlets' headlines of one story, each all its article says.
    merge = "Chiquita combines with Fyffes to form the world's largest banana company"
    deal = "Chiquita and Fyffes agree a merger, forming the largest banana supplier"
    lone = matcher.features(_in_article(merge), _in_article(deal))
    assert lone.lone and not lone.headlines and not lone.breaks
    p = matcher.DEFAULT_MODEL.probability(lone.values)
    monkeypatch.setattr(matcher, "SAME_P_ARTICLES", p - 0.05)
    monkeypatch.setattr(matcher, "SAME_P_UNANCHORED", p - 0.05)
    monkeypatch.setattr(matcher, "SAME_P_LONE", p + 0.01)
    result = matcher.decide(lone)
    assert result.relation == "related"
    assert result.evidence.differs == ("headlines",)
    monkeypatch.setattr(matcher, "SAME_P_LONE", p - 0.01)
    assert matcher.decide(lone).relation == "same"
    # The same headlines over a body: the article says more, the article cut holds.
    monkeypatch.setattr(matcher, "SAME_P_LONE", p + 0.01)
    body = "The deal was announced on Monday."
    a = matcher.with_context([prepare(merge), prepare(body)])[0]
    b = matcher.with_context([prepare(deal), prepare(body)])[0]
    over_bodies = matcher.features(a, b)
    assert not over_bodies.lone
    q = matcher.DEFAULT_MODEL.probability(over_bodies.values)
    monkeypatch.setattr(matcher, "SAME_P_ARTICLES", q - 0.05)
    monkeypatch.setattr(matcher, "SAME_P_UNANCHORED", q - 0.05)
    assert matcher.decide(over_bodies).relation == "same"


def test_a_pair_without_an_anchor_is_not_the_same_claim_two_days_later() -> None:
    apologised = "A Republican staffer apologized for her Facebook post criticizing the girls."
    resigned = "The young congressional aide quit after her Facebook post berating the girls."
    same_day = matcher.features(_in_article(apologised, 10), _in_article(resigned, 10))
    assert not matcher._anchored(same_day.values) and "days apart" not in same_day.breaks
    two_later = 10 + matcher.DAYS_APART_UNANCHORED
    later = matcher.features(_in_article(apologised, 10), _in_article(resigned, two_later))
    assert "days apart" in later.breaks
    assert matcher.decide(later).relation not in ("same", "conflict")
    # ... while the same speaker's words, told two days later, are still one claim
    quote = '"I judged the two young ladies in a way I would never want to be judged," she said.'
    told = _in_article(quote, 10, speaker="Elizabeth Lauten")
    retold = _in_article(quote, two_later, speaker="Elizabeth Lauten")
    g = matcher.features(told, retold)
    assert matcher._anchored(g.values) and "days apart" not in g.breaks


def test_a_headline_the_lead_tells_is_anchored() -> None:
    headline = _in_article("Colorado Lawmakers Pass Ban On Plastic Bags")
    lead = _in_article(
        "DENVER - Colorado lawmakers on Tuesday passed a statewide ban on plastic bags at"
        " grocery stores after a long debate over its cost to shoppers, farmers markets and"
        " small businesses, which had asked for a delay of two years."
    )
    values = matcher.features(headline, lead).values
    assert values[matcher._WEIGHTED_JACCARD] < matcher.ANCHOR_JACCARD
    assert matcher._anchored(values)


def test_a_condition_is_a_hedge_even_in_the_future() -> None:
    a = "Governor Tom Ruiz will resign if the audit of the Delmar port finds fraud, aides said."
    b = "Governor Tom Ruiz will resign over the audit of the Delmar port, aides said."
    assert "modality" in matcher.features(prepare(a), prepare(b)).breaks
    assert compare_texts(a, b).relation != "same"


def test_opposite_predicates_break_same() -> None:
    a = "The Bank of Freedonia raised its main rate to 4.5% on Thursday, governor Ines Roa said."
    opposites = [
        (a, "raised", "cut"),
        ("Mayor Jan Novak won the confidence vote in the Ostrava city council on Tuesday.",
         "won", "lost"),
        # a court's ruling and a bill's fate
        ("The Ostrava appeals court upheld the ban on night flights at Marlow airport.",
         "upheld", "overturned"),
        ("The Valdorian parliament passed the pension reform bill by 210 votes on Friday.",
         "passed", "defeated"),
        ("The board of Marlow Airlines fired chief executive Ines Roa on Friday.",
         "fired", "reinstated"),
        ("The Valdorian supreme court upheld the ban on night flights at Marlow airport.",
         "upheld", "struck down"),
        ("Governor Ines Roa removed the fuel subsidy in Valdoria on Monday.",
         "removed", "restored"),
        ("Valdoria released the journalist Tom Bell from prison on Thursday.",
         "released", "arrested"),
        ("A tanker carrying Ostrana's oil escaped the Valdorian navy on Monday.",
         "escaped", "was intercepted by"),
        ("Marlow Airlines completed its takeover of Kestrel Air on Friday.",
         "completed", "called off"),
        ("The Valdorian regulator approved the merger of Nordbank and Fjell.",
         "approved", "delayed"),
        # a rate held steady neither rose nor fell
        (a, "raised", "held"),
        (a.replace("raised", "cut"), "cut", "held"),
    ]  # fmt: skip
    for text, old, new in opposites:
        _not_same(text, text.replace(old, new), "opposite")
    r = compare_texts(a, a.replace("raised", "cut"))
    assert "opposite: raised / cut" in r.evidence.differs
    court = "The Valdorian supreme court upheld the ban on night flights at Marlow airport."
    r = compare_texts(court, court.replace("upheld", "struck down"))
    assert "opposite: upheld / struck down" in r.evidence.differs
    # Who "defeated" whom names the winner: no loss.
    e = "Mayor Jan Novak defeated Petra Ruzicka in the Ostrava mayoral election on Sunday."
    f = "Mayor Jan Novak won the Ostrava mayoral election against Petra Ruzicka on Sunday."
    assert "opposite" not in matcher.features(prepare(e), prepare(f)).breaks


def test_both_poles_in_one_statement_say_nothing_on_the_axis() -> None:
    p = prepare("Exports from Valdoria rose in June while imports fell, the ministry said.")
    assert not any(m.startswith("0") for m in p.stance)


def test_another_subject_breaks_same() -> None:
    a = "Shares of Brightwater Energy jumped 12% on Monday after it reported record profits."
    _not_same(a, a.replace("Brightwater", "Kestrel"), "other names")


def test_the_other_chamber_or_party_is_another_subject() -> None:
    # Words too common for the other-name rules, yet two subjects.
    a = "Members of the House Oversight Committee voted 21 to 17 to subpoena Ellery Marsh."
    _not_same(a, a.replace("House", "Senate"), "other names")
    b = "Democrats blocked the Tarlow water bill on Tuesday, Senator Ekwe said."
    _not_same(b, b.replace("Democrats", "Republicans"), "other names")
    _not_same(b, b.replace("Democrats", "The GOP"), "other names")
    c = "Labour MPs voted against the Harwick bypass plan on Monday."
    _not_same(c, c.replace("Labour", "Tory"), "other names")
    # ... beside a shared word across stop words ("Democrats in Tarlow")
    d = "Democrats in Tarlow backed the dam bill on Monday."
    _not_same(d, d.replace("Democrats", "Republicans"), "other names")
    # ... and the explanation names the two, never "other names:  / "
    for x, y in ((a, a.replace("House", "Senate")), (d, d.replace("Democrats", "Republicans"))):
        differs = compare_texts(x, y).evidence.differs
        assert differs in (
            ("other names: House / Senate",),
            ("other names: Democrats / Republicans",),
        ), differs
    # One side of one institution told two ways, or both sides in both, is one subject.
    for text, old, new in [
        (b, "Democrats", "Dems"),
        (b, "Democrats blocked", "Democrats and Republicans blocked"),
        ("Senate Democrats blocked the Tarlow water bill on Tuesday, Senator Ekwe said.",
         "Senate Democrats", "Democrats in the Senate"),
    ]:  # fmt: skip
        assert _relation_with(text, old, new) == "same", (old, new)
    # Beside no shared word, the counterparts are no substitution.
    f = matcher.features(
        prepare("The Tarlow water bill now goes to the Senate, Senator Ekwe said."),
        prepare("The House passed the Tarlow water bill, Senator Ekwe said."),
    )
    assert "other names" not in f.breaks


def test_one_sentence_filled_with_other_names_is_another_claim() -> None:
    # A wire template told of two companies, places or storms: word for word but the
    # names, whatever stop words stand around them ("was", "in", "on").
    a = "Vantora was fined 3.1 billion euros by the European Commission on Wednesday."
    b = "Three people were killed in a shooting in Lorvik on Saturday night, police said."
    for text, old, new in [(a, "Vantora", "Quillfield"), (b, "Lorvik", "Aldenport")]:
        _not_same(text, text.replace(old, new), "other names")
    r = compare_texts(a, a.replace("Vantora", "Dunmore Motors"))
    assert "other names: Vantora / Dunmore Motors" in r.evidence.differs
    c = "A 6.2 magnitude earthquake struck off the coast of Japan on Sunday morning."
    assert _relation_with(c, "Japan", "Chile") != "same"
    # ... also where the sentence ends with where it happened.
    d = "Floods forced 3,000 people from their homes in Lorvik."
    _not_same(d, d.replace("Lorvik", "Aldenport"), "other names")
    e = "A storm cut power to 40,000 homes near Aldenport"
    _not_same(e, e.replace("Aldenport", "Lorvik Bay"), "other names")
    # Not another subject: who said it, the name's initials, a name without its
    # qualifier, a given name; nor an outlet's name after a headline (below).
    one_subject = [
        ("There are no plans to close the Harwick base, Navy officials said on Monday.",
         "Navy", "Defense Ministry"),
        ("Brent Oil Producers spokesman Tom Reyes said output fell 4% in May.",
         "Brent Oil Producers", "BOP"),
        ("Events held in Hong Kong, Tokyo and Busan in South Korea drew 40,000 visitors.",
         "South Korea", "Korea"),
        ("Edward Marlow: 'They are setting fire to the future of the open web'",
         "Edward Marlow", "Marlow on Veridia"),
    ]  # fmt: skip
    for text, old, new in one_subject:
        assert _relation_with(text, old, new) == "same", (old, new)
    g = "Marlow says he has no regrets over the Veridia leaks"
    r = compare_texts(g + "; says Congress was ...", g + " - WQXR News, Austin ...")
    assert r.relation == "same"


def test_two_names_trading_places_is_another_claim() -> None:
    a = "Valdoria beat Ostrana 2-1 in the cup semi-final on Tuesday."
    _not_same(a, "Ostrana beat Valdoria 2-1 in the cup semi-final on Tuesday.", "roles")
    r = compare_texts(
        "Senator Hale accused Mayor Brisk of lying.", "Mayor Brisk accused Senator Hale of lying."
    )
    assert "roles swapped: Senator Hale / Mayor Brisk" in r.evidence.differs
    # Names apart in the text are two, with only a score or a function word between
    # ("Ostrana 2-1 at Lindenfeld" is no one name).
    c = "The visitors said Valdoria beat Ostrana 2-1 at Lindenfeld in the final on Tuesday."
    _not_same(
        c,
        c.replace("Valdoria", "X").replace("Ostrana", "Valdoria").replace("X", "Ostrana"),
        "roles",
    )
    # The passive, and a predicate that reads both ways, keep the roles.
    b = "Senator Hale accused Governor Brisk of lying to the Tarlow committee."
    passive = "Governor Brisk was accused by Senator Hale of lying to the Tarlow committee."
    assert "roles" not in matcher.features(prepare(b), prepare(passive)).breaks
    # Who someone is, told before or after the name: "X, economist at Y" / "Y economist X".
    d = "Ian Marlow, economist at Brent Securities, said the bank would cut its forecast."
    e = "Brent Securities economist Ian Marlow said the bank would cut its forecast."
    assert "roles" not in matcher.features(prepare(d), prepare(e)).breaks
    c = "Prime Minister Ekwe met President Ruiz in Lisbon on Friday."
    assert (
        compare_texts(c, "President Ruiz met Prime Minister Ekwe in Lisbon on Friday.").relation
        == "same"
    )


def test_a_number_that_names_is_part_of_the_name_not_a_quantity() -> None:
    # "Flight 17" is another flight than "Flight 370": not the same claim, and their
    # passenger counts are no conflict; "iOS 7.1" and "iOS 7" are two versions.
    a = "Malaysia Airlines Flight 370 vanished with 239 people on board, officials said."
    b = "Malaysia Airlines Flight 17 vanished with 298 people on board, officials said."
    _not_same(a, b, "other names")
    assert compare_texts(a, b).evidence.differs[0] == "other names: Flight 370 / Flight 17"
    _not_same(
        "Sales of the PlayStation 4 topped 6 million in its first month, Sony said.",
        "Sales of the PlayStation 3 topped 6 million in its first month, Sony said.",
        "other names",
    )
    c = "The firm filed for Chapter 11 bankruptcy protection in Delaware on Monday."
    _not_same(c, c.replace("Chapter 11", "Chapter 15"), "other names")
    # One number written after other words ("Ch. 11", "Trailer No. 3") is one name.
    r = compare_texts(c, c.replace("Chapter 11", "Ch. 11"))
    assert r.relation == "same" and "Chapter 11" in r.evidence.names  # as a writes it
    d = "HBO released Trailer #3 for the fourth season of its fantasy drama on Sunday."
    assert _relation_with(d, "#3", "No. 3") == "same"
    assert _relation_with(a, ", officials said", "") == "same"


def test_the_number_sign_is_no_negation() -> None:
    # "No 10" (Downing Street), "the No. 2 official": a number sign, not "no".
    a = "No 10 said the Brexit talks with Brussels would go ahead on Monday."
    b = "Downing Street said the Brexit talks with Brussels would go ahead on Monday."
    assert (
        not prepare(a).negated and "negation" not in matcher.features(prepare(a), prepare(b)).breaks
    )
    assert not prepare("The No. 2 official at the ministry resigned.").negated
    assert prepare("There will be no 10% rise in fares this year.").negated
    assert prepare("No 10% rise in fares is planned this year.").negated


def test_two_reviews_or_recaps_are_two_takes_not_one_claim() -> None:
    recap = "'Harbour Lights' season finale recap: Mara picks Tom over Ivo in Lisbon"
    _not_same(recap, "'Harbour Lights' finale recap: Mara chooses Tom in Lisbon", "takes")
    _not_same("Starfall: worthy of the hype, flaws and all (review)", "Starfall reviewed", "takes")
    _not_same("Starfall Review (Xbox One / PC)", "Starfall launch review", "takes")
    # "review" as a verb, "spoiler" in politics: claims' words, not labels.
    a = "The Supreme Court will review the Texas abortion law in its next term, the court said."
    assert _relation_with(a, "the court said", "justices said") == "same"
    b = "Aides said Senator Ruiz could be a spoiler in the three-way race for governor."
    assert "takes" not in matcher.features(prepare(b), prepare(b + " ")).breaks


def test_a_review_or_recap_is_no_report_of_the_claim() -> None:
    # A recap is its writer's reading of the night; the report tells what happened.
    recap = "'Harbour Lights' finale recap: Mara goes toward the light in Lisbon"
    _not_same(recap, "'Harbour Lights' finale crashes the Lumo streaming app in Lisbon", "takes")
    _not_same("Starfall Review (Xbox One / PC)", "Starfall launches on Xbox One and PC", "takes")
    # A spoiler warning may head a plain report: no take.
    a = "Spoiler alert: new 'Harbour Lights' season two trailer promises revenge"
    b = "New 'Harbour Lights' season two trailer promises revenge"
    assert "takes" not in matcher.features(prepare(a), prepare(b)).breaks
    # A talk about it, another view of it, a recap's question: takes too.
    report = "'Harbour Lights' finale draws the Lumo app's biggest audience"
    for take in (
        "Let's talk about the 'Harbour Lights' finale on the Lumo app",
        "A different view on the 'Harbour Lights' finale and its Lumo audience",
        "'Harbour Lights' finale on Lumo: What happened? Its biggest audience saw",
    ):
        _not_same(take, report, "takes")
    # ... not a question asked of someone, nor a talk that is the news.
    a = "Lumo chief asks what happened to the 'Harbour Lights' finale audience"
    assert "takes" not in matcher.features(prepare(a), prepare(report)).breaks


def test_a_name_written_two_ways_is_no_other_subject() -> None:
    a = prepare("Guerrillas of al-Qaida attacked the Marib pipeline on Monday, officials said.")
    b = prepare("Guerrillas of al-Qaeda attacked the Marib pipeline on Monday, officials said.")
    assert "other names" not in matcher.features(a, b).breaks


HARLOW = (
    "Harlow Foods Sets Five Pct Stock Dividend",
    "Harlow Foods Inc said its board declared a five pct stock dividend, payable May 15 to"
    " holders of record April 20.",
    "Harlow Foods makes frozen meals in Ohio.",
)
BRISCO = (
    *(t.replace("Harlow Foods", "Brisco Mining") for t in HARLOW[:2]),
    "Brisco Mining runs two copper mines.",
)


def test_one_template_about_two_companies_is_two_claims() -> None:
    # Wire copy fills one template for each company, under a headline naming it.
    harlow, brisco = _article(*HARLOW), _article(*BRISCO)
    f = matcher.features(harlow[1], brisco[1])
    assert "other names" in f.breaks
    assert matcher.decide(f).relation not in ("same", "conflict")
    # Without their articles two names of one company look the same: no rule.
    bare = matcher.features(prepare(HARLOW[1]), prepare(BRISCO[1]))
    assert "other names" not in bare.breaks and matcher.decide(bare).relation == "same"


def test_a_headline_name_the_other_article_comes_back_to_is_one_event() -> None:
    # The other outlet names Harlow Foods twice itself: not another company.
    harlow = _article(*HARLOW)
    brisco = _article(
        *BRISCO, "Harlow Foods is its largest customer.", "Harlow Foods buys its salt."
    )
    assert "other names" not in matcher.features(harlow[1], brisco[1]).breaks
    # Each headline naming who said it, of a claim about a name both carry: one claim.
    ode = _article(
        "Ode Says Ruiz Will Veto Tarlow Water Bill",
        "Governor Ana Ruiz will veto the Tarlow water bill, spokesman Dan Ode said on Monday.",
    )
    ekwe = _article(
        "Ekwe Warns Of Veto On Tarlow Water Bill",
        "Governor Ana Ruiz will veto the Tarlow water bill, Senator Paul Ekwe said on Monday.",
    )
    assert compare(ode[1], ekwe[1]).relation == "same"
    # Headline-only articles say nothing of what they repeat: each naming one more
    # place or ticker than the other is still the same headline.
    riga = _article("Norvik Airlines cuts Tallinn fares for summer, adds Riga flights")
    nvk = _article("Norvik Airlines (NASDAQ:NVK) cuts Tallinn fares for summer travel season")
    assert compare(riga[0], nvk[0]).relation == "same"


def test_an_articles_context_is_the_same_from_part_of_it() -> None:
    # Incremental runs prepare some statements of a stored article, with its stored
    # token counts and its first statement read again: the context a rebuild gives.
    whole = _article(*BRISCO, "Harlow Foods is its largest customer.", "Harlow Foods buys salt.")
    n, df = matcher.token_counts(p.tokset for p in whole)
    stored = (n, {t: d for t, d in df.items() if d > 1})  # what article_tokens keeps
    (part,) = matcher.with_context(
        [prepare(BRISCO[1])], stored, matcher.content_token_set(BRISCO[0])
    )
    assert part.context is not None and whole[1].context is not None
    assert part.context.lead == whole[1].context.lead
    assert part.context.repeated == whole[1].context.repeated >= {"harlow", "brisco"}


def test_generic_statements_never_match() -> None:
    for text in ("It was a very good day.", "Or so they say.", "He pleads not guilty."):
        assert not prepare(text).specific
        assert compare_texts(text, text).relation == "different"
    specific = "Mayor Jan Novak won the confidence vote in Ostrava on Tuesday."
    assert compare_texts(specific, specific).relation == "same"


def test_a_named_speakers_words_are_specific() -> None:
    # A short sentence of a quotation is generic on its own, but its speaker is a
    # participant: two outlets quoting the same person's same words corroborate them.
    words = "That was a cowardly ambush."
    said = [_in_article(words, speaker="Mayor Jan Novak") for _ in range(2)]
    assert said[0].specific
    assert matcher.compare(*said).relation == "same"
    alone = [_in_article(words) for _ in range(2)]
    assert not alone[0].specific
    assert matcher.compare(*alone).relation == "different"


def test_two_headlines_quoting_a_shows_title_share_a_name_not_a_quotation() -> None:
    # Quotation marks around a title ('Harbor Lights') mark a name: two headlines about
    # the show say different things of it, and the title is no shared quotation.
    review = _in_article('Review: "Harbor Lights" ends with a whimper')
    crash = _in_article('Streaming app crashes during "Harbor Lights" finale')
    overlap = matcher.FEATURE_NAMES.index("quote_overlap")
    assert review.titled and crash.titled
    assert matcher.features(review, crash).values[overlap] == 0
    assert matcher.compare(review, crash).relation != "same"
    # Given as the database gives them (the quote extractor's spans), the same.
    given = [_in_article(t, quotes=["Harbor Lights"]) for t in (review.text, crash.text)]
    assert matcher.features(*given).values[overlap] == 0
    # Words a headline capitalises are someone's words when the other side quotes them
    # as words: the ad's slogan in both is a shared quotation.
    ad = _in_article('Okafor Ad Vows To End The "War on Drivers"')
    said = _in_article('"I will end the war on drivers," Mayor Okafor says in the ad.')
    assert ad.titled and not said.titled
    assert matcher.features(ad, said).values[overlap] > 0


def test_numbers_of_different_things_do_not_conflict() -> None:
    a = "The council spent $40 million on new schools and $12 million on parks, Mayor Ortiz said."
    b = "The council spent $55 million on new roads and $12 million on parks, Mayor Ortiz said."
    r = compare_texts(a, b)
    assert r.relation != "conflict" and r.relation != "same"
    c = a.replace("$40 million", "$45 million")
    r = compare_texts(a, c)
    assert r.relation == "conflict"
    assert (r.diffs[0]["a_value"], r.diffs[0]["b_value"]) == (40_000_000, 45_000_000)


def test_a_part_of_a_quantity_does_not_conflict_with_the_whole() -> None:
    # "civilian deaths" are some of the deaths: two quantities, not two values of one.
    part = "Health officials in Idlib counted 40 civilian deaths after the shelling on Sunday."
    whole = "Health officials in Idlib counted 55 deaths after the shelling on Sunday."
    r = compare_texts(part, whole)
    assert r.relation not in ("conflict", "same")
    assert compare_texts(whole, part).relation == r.relation
    # The same word on both sides, or a name before the noun, is one quantity.
    both = whole.replace("55 deaths", "55 civilian deaths")
    assert compare_texts(part, both).relation == "conflict"
    named = "Health officials in Idlib counted 40 Syrian deaths after the shelling on Sunday."
    assert compare_texts(named, whole).relation == "conflict"
    # A common word ("new") narrows nothing.
    new = whole.replace("55 deaths", "40 new deaths")
    assert compare_texts(new, whole).relation == "conflict"


def test_a_part_named_further_from_the_figure_does_not_conflict_with_the_whole() -> None:
    # The narrowing word need not follow the figure at once: "$3 million in taxes on
    # *recreational* cannabis" counts a part of "$5 million in cannabis taxes".
    part = "The county collected $3 million in taxes on recreational cannabis last year."
    whole = "The county collected $5 million in cannabis taxes last year, the treasurer said."
    r = compare_texts(part, whole)
    assert r.relation not in ("conflict", "same")
    assert compare_texts(whole, part).relation == r.relation
    bodies = "Rescuers found 30 bodies of migrant workers in the collapsed Lagos tower."
    all_bodies = "Rescuers found 45 bodies of workers in the collapsed Lagos tower, police said."
    assert compare_texts(bodies, all_bodies).relation not in ("conflict", "same")
    # The same word on both sides is one quantity; two words that each narrow their own
    # way ("pot" / "marijuana" taxes) are no part of each other.
    both = whole.replace("cannabis taxes", "taxes on recreational cannabis")
    assert compare_texts(part, both).relation == "conflict"
    pot = "The county collected $3 million in pot taxes last year, the treasurer said."
    weed = "The county collected $5 million in cannabis taxes last year, the treasurer said."
    assert compare_texts(pot, weed).relation == "conflict"
    # A word of where ("in the mountain province") narrows the place, not the count.
    quake = "The quake killed at least 40 people in the mountain province of Badakhshan."
    later = "The quake killed at least 52 people in Badakhshan province, officials said."
    assert compare_texts(quake, later).relation == "conflict"


def test_statements_conf77_may_judge_otherwise() -> None:
    # The schema step's test: statements whose figures the new rules read differently.
    assert matcher.read_otherwise_since_45("It collected $3 million in taxes on recreational pot.")
    assert matcher.read_otherwise_since_45("It collected $3.5 million in pot taxes and fees.")
    assert not matcher.read_otherwise_since_45("It collected $3 million in pot taxes.")
    assert not matcher.read_otherwise_since_45(
        "The quake killed 40 people in the mountain province."
    )
    assert not matcher.read_otherwise_since_45("Rescue teams searched the houses on Friday night.")


def test_a_sum_of_two_things_does_not_conflict_with_one_of_them() -> None:
    # "taxes and fees" hold the taxes: a whole against its part, two quantities.
    one = "The state collected $2 million in cannabis taxes in May, officials said."
    two = "The state collected $3.5 million in cannabis taxes and fees in May, officials said."
    r = compare_texts(one, two)
    assert r.relation not in ("conflict", "same")
    assert compare_texts(two, one).relation == r.relation
    schools = "The ministry counted 220 schools damaged in the Herat quake on Saturday."
    clinics = "The ministry counted 300 schools and clinics damaged in the Herat quake."
    assert compare_texts(schools, clinics).relation not in ("conflict", "same")
    # Both sums told (however written), one quantity: a conflict.
    fees = "The state collected $2.1 million in cannabis taxes, fees in May, officials said."
    assert compare_texts(fees, two).relation == "conflict"


def test_a_toll_told_with_the_verb_before_or_after_the_figure_conflicts() -> None:
    # "killed at least 40 people" / "at least 65 people were killed": one quantity, the
    # verb on either side of the figure; the place is all the two name.
    before = "The floods in Kenya killed at least 40 people, the police said."
    after = "At least 65 people were killed by the floods in Kenya, the police said."
    _conflict_between(before, after, [("at least 40", "At least 65")])
    assert compare_texts(after, before).relation == "conflict"
    # Another verb with the same common noun is another quantity.
    homeless = "At least 65 people were left homeless by the floods in Kenya, the police said."
    assert compare_texts(before, homeless).relation != "conflict"
    # Without a figure in common, what the two share (a place, the floods, the police)
    # is what the whole story shares: no claim.
    other = "The floods in Kenya closed the main road to the coast, the police said."
    assert compare_texts(before, other).relation not in ("same", "conflict")


def test_figures_of_other_places_or_other_times_do_not_conflict() -> None:
    canada = "Same-store sales in Canada rose 6.7% last quarter, Maple Donuts said."
    us = "Maple Donuts said U.S. same-store sales rose 8.8% last quarter."
    _related_first_because(canada, us, "other places: Canada / USA")
    # "Canadian" is Canada: one place, a conflict.
    canadian = us.replace("U.S.", "Canadian")
    assert compare_texts(canada, canadian).relation == "conflict"
    # Other years, other months: two figures of two times.
    y2022 = "Vesta Foods said its sales rose 12% in 2022."
    y2023 = "Vesta Foods said its sales rose 9% in 2023."
    _related_first_because(y2022, y2023, "other times: 2022 / 2023")
    march = "In March, sales at Vesta Foods rose 12%, the company said."
    june = "In June, sales at Vesta Foods rose 9%, the company said."
    assert compare_texts(march, june).evidence.differs[0] == "other times: March / June"
    assert compare_texts(march, june.replace("June", "March")).relation == "conflict"
    # A time told relative to now: last year is not this year ("the previous year" is).
    last = "Unemployment in Valdoria fell to 12% last year, the statistics office said."
    _related_first_because(
        last, last.replace("last year", "this year"), "other times: last year / this year"
    )
    assert compare_texts(last, last.replace("last year", "in the previous year")).relation == (
        "same"
    )
    # A figure like a year inside a larger one is no year: "2,001" is a count.
    assert matcher._times(prepare("It sold 2,001 cars and 2019.5 tonnes.")) == frozenset()


def test_figures_of_what_befell_two_groups_neither_conflict_nor_agree() -> None:
    # "killed" and "without power" count two groups of people: no conflict.
    killed = "The storm killed 12 people in Oakvale County on Monday."
    power = "The storm left 40,000 people without power in Oakvale County on Monday."
    _related_first_because(killed, power, "other counts: killed / without power")
    # One value of two counts is no agreement: 12 dead are not 12 injured.
    injured = killed.replace("killed", "injured")
    _related_first_because(killed, injured, "other counts: killed / injured")
    # Two words of one count ("arrested" / "detained", "dead" / "killed") are one count.
    arrested = "Police arrested 40 protesters in Valmora on Saturday."
    detained = "Police detained 40 protesters in Valmora on Saturday."
    assert compare_texts(arrested, detained).relation == "same"
    r = compare_texts(killed, "The storm left 15 people dead in Oakvale County on Monday.")
    assert r.relation == "conflict"
    # Each figure keeps its own verb: "killed 12 ... and injured 30" against "killed 15
    # ... and wounded 30" differs in the dead, agrees on the injured.
    _conflict_between(
        "The attack killed 12 people and injured 30 in Valmora.",
        "The attack in Valmora killed 15 people and wounded 30.",
        [("12", "15")],
    )
    # The words after a figure stop at the next figure's own verb: "12 people and
    # injured" tells only of the dead.
    n = prepare("The blast killed 12 people and injured 30.").numbers
    assert [sorted(x.outcomes) for x in n] == [["killed"], ["injured"]]


def test_two_statements_of_nothing_but_one_quantity_conflict() -> None:
    # All the shorter says is the other's, and the quantity is of one thing in one
    # named place: the words the model weighs differ (said, estimated), not the claim.
    a = "She said an estimated 3,000 volunteers were at Glastonbury."
    b = "At least 2,500 volunteers are at Glastonbury."
    _conflict_between(a, b, [("an estimated 3,000", "At least 2,500")])
    # A word of the shorter the other lacks ("complained") and its words must be alike.
    c = "At least 2,500 volunteers are at Glastonbury, the organisers complained."
    assert compare_texts(a, c).relation == "related"


def test_lists_of_other_lengths_and_other_spans_of_time_do_not_conflict() -> None:
    # A list's length is no claim: two lists of one premiere are two lists.
    r = compare_texts(
        "10 Things We Learned About the Premiere of Lena Ortiz's Reality Show",
        "Lena Ortiz premiere: 5 most upsetting moments from her reality show",
    )
    assert r.relation not in ("same", "conflict") and not r.diffs
    # "a 5-year low" and "a 9-month low" measure other spans.
    r = compare_texts(
        "Shares of Kestrel Mining sank to a 5-year low on Monday after the export slump.",
        "Shares of Kestrel Mining sank to a 9-month low on Monday after the export slump.",
    )
    assert r.relation not in ("same", "conflict") and not r.diffs
    # A count at the start of a report is a claim: "Seven soldiers died" vs "Five".
    a = "Seven soldiers died in the attack on the Kandahar base, officials said."
    r = compare_texts(a, a.replace("Seven", "Five"))
    assert r.relation == "conflict"
    r = compare_texts(a, a.replace("Seven soldiers", "Seven soldiers in 3 weeks"))
    assert r.relation != "conflict"


def test_a_one_digit_figure_close_to_the_other_is_it_rounded() -> None:
    a = "Fourth-quarter profit at Dalton Sporting Goods rose 6.9 percent, the company said."
    assert _relation_with(a, "6.9 percent", "7 percent") == "same"
    # Bounds that can both be true are no clash: "over 693,000" / "nearly 700,000".
    b = "The premiere of the Ortiz docu-series drew over 693,000 viewers on Sunday."
    assert _relation_with(b, "over 693,000", "nearly 700,000") == "same"
    c = "The premiere of the Ortiz docu-series drew more than 700,000 viewers on Sunday."
    assert _relation_with(c, "more than", "up to") == "conflict"
    # Farther than 5%, a round figure is another figure (the seeds' 11,000 / 10,000).
    d = "Regional officials said 11,000 soldiers were deployed to the Kursk region."
    assert _relation_with(d, "11,000", "10,000") == "conflict"
    # One figure whose scale one side lost ("$2 millio", "$2 ...") is no other figure;
    # digits a thousand times apart with no scale written are.
    f = "Pellham County collects $2M in park fees in its first month."
    r = compare_texts(f, f.replace("$2M", "$2 millio"))
    assert r.relation != "conflict" and not r.diffs
    assert _relation_with(f, "$2M", "$3.5M") == "conflict"
    # ... nor against another scaled amount: "$2 millio" / "$3.5M" is no "$2 vs $3.5M".
    r = compare_texts(f.replace("$2M", "$2 millio"), f.replace("$2M", "$3.5M"))
    assert r.relation != "conflict" and not r.diffs
    # A headline cut right after its figure lost what the figure counts.
    h = "Ostrava Rail files for a listing that could raise $250 million"
    assert _relation_with(h, "$250 million", "up to $100 million") == "conflict"
    r = compare_texts(h.replace("$250 million", "$250 ..."), h.replace("$250", "up to $100"))
    assert r.relation != "conflict" and not r.diffs
    g = "Some 2 people were hurt in the blast at the Leeds depot, police said."
    assert _relation_with(g, "Some 2", "Some 2,000") == "conflict"
    # The same rule from ten billion up (their significant digits were once misread).
    e = "The Harlow Group agreed to buy the Vinter pipeline network for $10 billion."
    assert _relation_with(e, "$10 billion", "$10.2 billion") == "same"
    assert _relation_with(e, "$10 billion", "$11 billion") == "conflict"


def test_number_measures_skip_places_and_stop_at_the_next_number() -> None:
    p = prepare("Some 11,000 North Korean soldiers and 300 tanks are in Kursk.")
    first, second = p.numbers
    assert "troop" in first.measures and "tank" not in first.measures
    assert "tank" in second.measures


# ------------------------------------------------------------------ evidence


def test_same_claim_carries_its_evidence() -> None:
    a = 'Minister Lena Park said on Monday that the deficit reached $4.2 billion, "a record".'
    b = 'Minister Lena Park said the deficit reached $4.2 billion on Monday, "a record".'
    r = compare_texts(a, b)
    assert r.relation == "same"
    ev = r.evidence
    assert "Lena Park" in ev.names and "$4.2 billion" in ev.numbers
    assert ev.differs == ()
    assert ev.as_dict()["numbers"] == list(ev.numbers)
    assert "Park" in ev.summary()


def test_evidence_shows_no_common_word_as_a_name() -> None:
    # "Defence"/"Defense Minister" are capitalised by both, but news writes "defence"
    # and "minister" mostly in lower case: no names to show; the names and places are.
    names = compare_texts(UMEROV_A, UMEROV_B).evidence.names
    assert "KBS" in names and "Rustem Umerov" in names
    assert not {"Defence", "Minister"} & set(names)
    assert (
        "Government"
        not in compare_texts(
            "The Government said Rustem Umerov met KBS reporters in Kyiv on Monday.",
            "Rustem Umerov met KBS reporters in Kyiv on Monday, the Government said.",
        ).evidence.names
    )


def test_a_quotations_first_word_is_no_name() -> None:
    # "Undoubtedly" opens the quotation on both sides: news writes it in lower case.
    a = 'Okafor said: "Undoubtedly the grain accord signed in Lagos will hold."'
    b = '"Undoubtedly the grain accord signed in Lagos will hold," Okafor told MPs.'
    assert compare_texts(a, b).evidence.names == ("Okafor", "Lagos")
    # A common capitalised word is a family name only written right after a name:
    # "Okafor, Government officials" are two.
    c = "The grain accord signed in Lagos will hold, said Okafor, Government officials agreed."
    d = "The grain accord signed in Lagos will hold, Okafor and Government officials agreed."
    assert "Government" not in compare_texts(c, d).evidence.names


def test_a_full_name_is_shown_as_one_name() -> None:
    # Written whole on one side, whole or by the family name alone on the other.
    a = "Finance Minister Lena Okafor said the budget would pay for 3,000 new teachers."
    b = "Okafor told parliament the budget would pay for 3,000 new teachers in Lagos."
    names = compare_texts(a, b).evidence.names
    assert names.count("Lena Okafor") == 1 and "Lena" not in names and "Okafor" not in names
    assert "Okafor" in compare_texts(b, a).evidence.names  # as written on that side
    # A comma ends a name: "Tomas Berg, head of ..." is one person, not "Tomas" and "Berg".
    c = "Earlier, Tomas Berg, head of the Nordic Grain Fund, said wheat exports fell 12 percent."
    d = "Tomas Berg of the Nordic Grain Fund said wheat exports fell 12 percent in March."
    assert compare_texts(c, d).evidence.names[0] == "Tomas Berg"
    assert not {"Tomas", "Berg"} & set(compare_texts(c, d).evidence.names)
    # Names separated by a comma stay apart; a hyphenated given name stays whole.
    e = "Ministers Okafor, Berg and Jean-Luc Moreau signed the Lagos grain accord on Friday."
    f = "Okafor, Berg and Jean-Luc Moreau signed the grain accord in Lagos on Friday."
    names = compare_texts(e, f).evidence.names
    assert {"Okafor", "Berg", "Jean-Luc Moreau"} <= set(names)
    # Abbreviations keep their dots, possessives lose their 's.
    i = "Acme Corp of Woodbridge, N.J., said it cut 300 jobs at Rustem Umerov's plant."
    j = "Acme Corp of Woodbridge, N.J., cut 300 jobs at the plant of Rustem Umerov."
    assert {"N.J.", "Rustem Umerov"} <= set(compare_texts(i, j).evidence.names)
    # A shared word is shown once, alone or in one name, never twice.
    g = "Okafor said the Lagos grain accord would hold, Finance Minister Lena Okafor told MPs."
    h = "Okafor said the grain accord signed in Lagos on Friday would hold."
    assert [n for n in compare_texts(g, h).evidence.names if "Okafor" in n] == ["Okafor"]


def test_different_pairs_carry_no_evidence() -> None:
    r = compare_texts(UMEROV_A, TREATY)
    assert r.relation == "different" and r.evidence == matcher.Evidence()


# ------------------------------------------------------------------ rules chosen on the
# BASIL development pairs (bench/basil_dev_pairs.tsv)


def test_a_request_is_no_fact() -> None:
    fact = "Governor Jan Brewer vetoed the Arizona religious freedom bill on Wednesday."
    for request in (
        "Senators urged Governor Jan Brewer to veto the Arizona religious freedom bill.",
        "Senators called on Governor Jan Brewer to veto the Arizona religious freedom bill.",
        "Senators called Friday for Governor Jan Brewer to veto the Arizona religious bill.",
        "Governor Jan Brewer seeks changes to the Arizona religious freedom bill.",
        "The panel recommended that Governor Jan Brewer veto the Arizona religious bill.",
        "Senators encouraged Governor Jan Brewer on Monday to veto the Arizona bill.",
        "Lawyers advised Governor Jan Brewer to veto the Arizona religious freedom bill.",
    ):
        assert "hedge" in prepare(request).stance, request
        assert "modality" in matcher.features(prepare(fact), prepare(request)).breaks
    # Two requests of the same thing are no modality break.
    a = prepare("Senators urged Governor Jan Brewer to veto the Arizona religious freedom bill.")
    b = prepare("Senators called on Governor Jan Brewer to veto the Arizona religious bill.")
    assert "modality" not in matcher.features(a, b).breaks
    # A recommendation and a call for the same thing are no modality break either.
    c = prepare("The panel recommended that Governor Jan Brewer veto the Arizona religious bill.")
    assert "modality" not in matcher.features(a, c).breaks
    # "called him a liar" asks for nothing, nor does a recommended dose.
    assert "hedge" not in prepare("Donald Trump called Ted Cruz a liar on Twitter.").stance
    assert "hedge" not in prepare("The recommended dose of Zelvora is 20 milligrams.").stance


def test_denying_service_is_no_denial() -> None:
    for text in (
        "The bill lets businesses deny service to gay customers in Arizona.",
        "Critics warned of a denial of service to gay couples under the Arizona bill.",
        "The court denied bail to the Hartwell Mining chief on Monday.",
    ):
        assert "denial" not in prepare(text).stance, text
    assert "denial" in prepare("Hartwell Mining denied the report on Monday.").stance


def test_declining_to_confirm_or_deny_is_no_denial() -> None:
    """A verb of denial offered with "or"/"nor" beside "confirm" or "comment" is one of
    two answers, so neither is given: no denial, and no claim told as fact either."""
    inquiry = "an investigation into the Hartwell Mining contract"
    undecided = (
        f"A spokesman for the prosecutors said he could not confirm, deny or comment on {inquiry}.",
        f"A spokeswoman for the prosecutors said she could neither confirm nor deny {inquiry}.",
        f"The prosecutors have yet to confirm or deny {inquiry}.",
        f"The prosecutors would not deny or confirm {inquiry}.",
    )
    declined = f"A spokesman for the prosecutors declined to comment on {inquiry}."
    fact = "Prosecutors opened an investigation into the Hartwell Mining contract in March."
    for text in undecided:
        assert "denial" not in prepare(text).stance, text
        assert "denial" not in matcher.features(prepare(text), prepare(declined)).breaks, text
        assert compare_texts(text, fact).relation != "same", text
    # a denial beside a confirmation of something else is still a denial
    denied = f"The prosecutors confirmed the audit but denied reports of {inquiry}."
    assert "denial" in prepare(denied).stance
    assert "denial" in prepare(f"The prosecutors denied {inquiry} or any other inquiry.").stance
    assert "denial" in matcher.features(prepare(undecided[0]), prepare(denied)).breaks


def test_party_tags_and_middle_initials_name_no_one() -> None:
    """ "(D-Mass.)", ", R-Texas," and the "K." of "Dana K. Whitfield" name no one else:
    no "other names" against a side without them, and not shown as a name both share.
    (They stay words of the statement, as the model was fitted on them.)"""
    tagged = (
        "Rep. Dana Whitfield (D-Mass.) is expected to announce her bid for the Senate seat"
        " on Thursday."
    )
    initial = (
        "But Representative Dana K. Whitfield, a Democrat from Lowell, is expected to"
        " announce on Thursday that she will run for the Senate seat."
    )
    comma = "Whitfield, D-Mass., will announce her bid for the Senate seat on Thursday, aides said."
    assert matcher._tag_tokens(tagged) == {"d", "mass"} == matcher._tag_tokens(comma)
    assert matcher._tag_tokens(initial) == {"k"}
    assert matcher._tag_tokens("Ana Ruiz, R-Texas, voted for the bill on Friday.") == {"r", "texa"}
    for a, b in ((tagged, initial), (initial, comma)):
        assert "other names" not in matcher.features(prepare(a), prepare(b)).breaks, (a, b)
    # the initial is shown inside the name it stands in; a tag both write is not shown
    assert "Dana K. Whitfield" in compare_texts(initial, comma).evidence.names
    assert compare_texts(tagged, comma).evidence.names == ("Dana Whitfield", "Senate")
    # another lawmaker is still another name, and the tags are not what differs
    other = tagged.replace("Dana Whitfield (D-Mass.)", "Tom Okafor (R-Texas)").replace("her", "his")
    differs = compare_texts(tagged, other).evidence.differs
    assert differs == ("other names: Dana, Whitfield / Tom, Okafor",), differs
    # a capital letter that is a name's own stays one ("Model S", "Plan B")
    assert not matcher._tag_tokens("Carmaker Voss said the Model S sold well in Ohio.")


def test_a_state_alone_in_a_tag_is_the_state_and_names_no_one() -> None:
    """ "Dana Whitfield (Md.)" and ", R.I.," are the state "of Maryland" and "of Rhode
    Island" write (the state's token); in brackets, no other name against a side
    without it."""
    bracket = "Rep. Dana Whitfield (Md.) is expected to announce her bid for the Senate seat today."
    named = (
        "Representative Dana Whitfield of Maryland is expected to announce today that she"
        " will run for the Senate seat."
    )
    bare = "Dana Whitfield is expected to announce her bid for the Senate seat today, aides say."
    comma = "Sen. Ama Lind, R.I., said the levy would be repealed before the end of the year."
    spelled = (
        "Senator Ama Lind of Rhode Island said the levy would be repealed by the end of the year."
    )
    assert {"maryland"} == matcher._tag_tokens(bracket)
    for a, b in ((bracket, named), (bracket, bare), (comma, spelled)):
        assert "other names" not in matcher.features(prepare(a), prepare(b)).breaks, (a, b)
    # between commas it is as often a place's state ("Woodbridge, N.J., said"): a name
    assert not matcher._tag_tokens(comma)


def test_a_title_case_headline_shares_the_names_the_other_side_writes() -> None:
    head = prepare("N.R.A. Details Plan for Armed School Guards")
    body = prepare("The NRA urged states on Tuesday to allow more armed officers in schools.")
    assert head.headline_case and not body.headline_case
    assert not head.names and "nra" in body.names
    assert matcher._shared_names_of(head, body) == {"nra"}
    assert matcher.features(head, body).linked


def _article(*texts: str) -> list[matcher.Prepared]:
    return matcher.with_context([prepare(t) for t in texts])


def test_two_headlines_sharing_only_names_are_two_claims() -> None:
    # A headline capitalises every word: its names are the words news text does not
    # write in lower case. Two headlines on one game that share only its name and the
    # console's tell two things about it.
    price = _in_article("Ravenfall Bundle Price Drops To $399 On Xbox")
    runs = _in_article("Ravenfall Will Run At 720p On Xbox")
    assert price.headline_case and runs.headline_case
    assert "names only" in matcher.features(price, runs).breaks
    # ... of one story: 'related', shown as also on this event.
    assert matcher.compare(price, runs).relation == "related"
    # The same claim in a headline and a sentence shares more than names.
    told = _in_article("Ravenfall bundle price drops to $399 at retailers")
    assert matcher.compare(_in_article("Ravenfall Bundle Price Drops To $399"), told).relation == (
        "same"
    )
    # A word the sentence writes in lower case is no name, whatever the headline does.
    sorry = _in_article("Okonkwo Says Sorry For Molestation Joke")
    deletes = _in_article("Okonkwo deletes and apologises for molestation tweet")
    assert "names only" not in matcher.features(sorry, deletes).breaks


def test_two_headlines_need_a_higher_cut_to_be_the_same_claim() -> None:
    # Headline case hides which words are names: two headlines are 'same' only at
    # SAME_P_HEADLINES; under it, alike, they are 'related' and say why.
    # Each says something the other does not (a headline all in the other is the same
    # claim: test_a_headline_all_in_the_other_is_the_same_claim; so is one name doing
    # one act in both: test_two_headlines_of_one_name_doing_one_act_are_one_claim).
    signs = _in_article("Okafor Signs Tarlow Water Bill After Delay")
    ending = _in_article("Tarlow Water Bill Gets Okafor Nod, Ending Long Fight")
    r = matcher.compare(signs, ending)
    assert matcher.SAME_P_ARTICLES * 100 <= r.score < matcher.SAME_P_HEADLINES * 100
    assert r.relation == "related"
    assert r.evidence.differs == ("two headlines: too short to tell one claim",)
    # The same words in a sentence's case are the same claim.
    told = [
        _in_article(t.text.lower().replace("okafor", "Okafor").replace("tarlow", "Tarlow"))
        for t in (signs, ending)
    ]
    assert not told[0].headline_case and matcher.compare(*told).relation == "same"


def test_a_headline_all_in_the_other_is_the_same_claim() -> None:
    # Two headlines alike under their own cut, the shorter all in the other: one claim.
    files = _in_article("Okafor Signs Tarlow Water Bill")
    told = _in_article("Okafor Signs Tarlow Water Bill, Ending Long Fight")
    f = matcher.features(files, told)
    assert f.headlines and not f.breaks
    assert matcher.DEFAULT_MODEL.probability(f.values) < matcher.SAME_P_HEADLINES
    assert matcher.compare(files, told).relation == "same"
    buys = _in_article("Velmora Foods buys Kestle Dairy")
    deal = _in_article("Velmora Foods to buy Kestle Dairy for $2.1 billion after long battle")
    g = matcher.features(buys, deal)
    assert g.lone and not g.headlines and not g.breaks
    assert matcher.DEFAULT_MODEL.probability(g.values) < matcher.SAME_P_LONE
    assert matcher.compare(buys, deal).relation == "same"
    # Every break still holds: negation, modality, denial, an opposite verb.
    for other in (
        "Velmora Foods will not buy Kestle Dairy for $2.1 billion after long battle",
        "Velmora Foods could buy Kestle Dairy for $2.1 billion after long battle",
        "Velmora Foods denies it buys Kestle Dairy for $2.1 billion after long battle",
        "Velmora Foods sells Kestle Dairy for $2.1 billion after long battle",
    ):
        assert matcher.compare(buys, _in_article(other)).relation == "related", other
    # Each headline telling something of its own stays under the cut: related.
    delay = _in_article("Okafor Signs Tarlow Water Bill After Delay")
    r = matcher.compare(delay, _in_article("Tarlow Water Bill Gets Okafor Nod, Ending Long Fight"))
    assert r.relation == "related"
    assert r.evidence.differs == ("two headlines: too short to tell one claim",)
    # Another buyer: not all in the other.
    other = _in_article("Harlow Mills buys Kestle Dairy for $2.1 billion after long battle")
    assert matcher.compare(buys, other).relation != "same"
    # A headline of names alone names a topic and claims nothing: still related.
    topic = _in_article("Velmora Mae and Kestle Mac")
    plan = _in_article("Senators Agree On Plan To Replace Velmora Mae, Kestle Mac")
    t = matcher.features(topic, plan)
    # (and since match65 the break of a headline of names alone says so too)
    assert t.headlines and t.breaks == ("names only",) and not t.tells
    assert t.values[matcher._WEIGHTED_CONTAINMENT] >= 1.0
    assert matcher.compare(topic, plan).relation == "related"


def test_two_headlines_of_one_name_doing_one_act_are_one_claim() -> None:
    # Two headlines alike but under their own cut, in which a name both write does
    # the same act ("marries", a verb one of them writes in lower case), claim one
    # thing whatever else each adds.
    beach = _in_article("Corvina Hale marries Tomas Reyes in beach ceremony")
    inside = _in_article("Corvina Hale Marries Tomas Reyes: Inside Their Surprise Wedding Plans")
    f = matcher.features(beach, inside)
    assert f.lone and not f.breaks and matcher._same_act(beach, inside)
    assert matcher.DEFAULT_MODEL.probability(f.values) < matcher.SAME_P_LONE
    assert matcher.compare(beach, inside).relation == "same"
    # Another form of the verb is the same act ("is marrying" / "married").
    names = beach.names | beach.hnames
    act = (normalize_word("hale"), normalize_word("marries"))
    for text in ("Corvina Hale is marrying Tomas Reyes", "Corvina Hale married Tomas Reyes"):
        assert matcher._acts(_in_article(text), names) == {act: (True, frozenset())}, text
    # Both in headline case, the word after the name may be a part of a name ("Malaysia
    # Airlines", "Dick's Sporting Goods"): no act read, the cut holds.
    capitals = _in_article("Corvina Hale Marries Tomas Reyes In Beach Ceremony")
    assert matcher._acts(capitals, names) == {act: (False, frozenset())}
    assert not matcher._same_act(capitals, inside)
    assert matcher.compare(capitals, inside).relation == "related"
    # Another act of the same names: not the same claim.
    divorces = _in_article("Corvina Hale divorces Tomas Reyes in beach ceremony")
    assert matcher.compare(divorces, inside).relation != "same"
    # Negated or hedged: every break still holds.
    for other in (
        "Corvina Hale will not marry Tomas Reyes in beach ceremony",
        "Corvina Hale could marry Tomas Reyes in beach ceremony",
    ):
        assert matcher.compare(_in_article(other), inside).relation != "same", other
    # The act done by another of the names is not the same act: "Tomas Reyes
    # marries" is not "Corvina Hale Marries".
    reyes = _in_article("Tomas Reyes marries Corvina Hale in beach ceremony")
    assert not matcher._same_act(reyes, inside)
    assert matcher.compare(reyes, inside).relation != "same"
    # "Says" is no act: a speech verb after the name claims nothing of its own.
    assert matcher._acts(_in_article("Corvina Hale says Tomas Reyes is kind"), names) == {}


def test_a_light_verb_is_one_act_only_with_its_complement() -> None:
    # "gets", "calls for": a light verb says little of its own; what its subject does
    # is told by the words after it ("gets naked" / "gets in trouble", "calls for
    # oversight" / "calls for encryption"). One name doing it in two headlines is one
    # act only when the words after it share one.
    married = _in_article("Corvina Hale gets married in secret ceremony in Mexico")
    trouble = _in_article("Corvina Hale Gets In Trouble For Tweet After Wedding")
    assert matcher.features(married, trouble).lone
    assert not matcher._same_act(married, trouble)
    assert matcher.compare(married, trouble).relation == "related"
    secret = _in_article("Corvina Hale Gets Married In Secret, But Not To Tomas Reyes")
    assert matcher._same_act(married, secret)
    assert matcher.compare(married, secret).relation == "same"
    oversight = _in_article("Tomas Reyes calls for citizen oversight of Tarlow government")
    encryption = _in_article(
        "Reyes calls for better encryption to protect public from government spying"
    )
    assert not matcher._same_act(oversight, encryption)
    assert matcher.compare(oversight, encryption).relation == "related"
    # Another verb keeps reading the word after the name alone.
    assert matcher._same_act(
        _in_article("Corvina Hale marries Tomas Reyes in beach ceremony"),
        _in_article("Corvina Hale Marries Tomas Reyes: Inside Their Surprise Wedding Plans"),
    )


def test_two_headlines_of_one_act_beside_one_word_are_one_claim() -> None:
    # Two headlines alike but under their own cut, in which one participle ("married",
    # "arrested") stands beside the same word in both (its subject or object), written
    # as a predicate in lower case in one at least: one act of one participant, one
    # claim, though no name stands right before it (_same_act).
    married = _in_article("Corvina Hale has married Tomas Reyes.")
    secret = _in_article("Former Velmora star Corvina Hale gets married in secret ceremony")
    f = matcher.features(married, secret)
    assert f.lone and f.linked and not f.breaks
    assert matcher.DEFAULT_MODEL.probability(f.values) < matcher.SAME_P_LONE
    assert not matcher._same_act(married, secret) and matcher._same_act_beside(married, secret)
    assert matcher.compare(married, secret).relation == "same"
    arrested = _in_article("Corvina Hale fan arrested after sneaking into dressing room")
    note = _in_article("Corvina Hale Fan Arrested For Sneaking Backstage And Leaving A Note")
    g = matcher.features(arrested, note)
    assert g.lone and not g.breaks and not matcher._same_act(arrested, note)
    assert matcher.DEFAULT_MODEL.probability(g.values) < matcher.SAME_P_LONE
    assert matcher.compare(arrested, note).relation == "same"
    # Negated or hedged: every break still holds.
    for other in (
        "Former Velmora star Corvina Hale will not get married in secret ceremony",
        "Former Velmora star Corvina Hale could get married in secret ceremony",
    ):
        assert matcher.compare(married, _in_article(other)).relation == "related", other
    # Two forms of one verb are one act, however their first letters differ ("filed" /
    # "filing", as normalize_word folds them).
    assert matcher._same_act_beside(
        _in_article("Kestle Dairy filed for bankruptcy protection again"),
        _in_article("Kestle Dairy filing for bankruptcy, its second in three years"),
    )
    # The participle beside other words is another act: "trailer revealed" / "details
    # revealed".
    assert not matcher._same_act_beside(
        _in_article("New Velmora season trailer revealed - watch"),
        _in_article("Velmora Season Plot Direction And Details Revealed"),
    )
    # A participle before its noun is no predicate ("dressing room"), nor is any word in
    # a headline's capitals; "need", "speed", "everything" are no participles; a verb's
    # "-s" is not read (a plural noun looks alike: "Kestle shares").
    names = frozenset()
    assert matcher._participles(_in_article("Hale fan waits in dressing room"), names) == {
        normalize_word("dressing"): (False, frozenset(map(normalize_word, ("waits", "room"))))
    }
    assert not any(
        pred
        for pred, _near in matcher._participles(
            _in_article("Hale Fan Arrested For Sneaking Backstage"), names
        ).values()
    )
    for text in ("Everything you need to know about speed", "Kestle shares drop"):
        assert not matcher._participles(_in_article(text), names), text
    assert not matcher._same_act_beside(
        _in_article("Kestle shares drop on weak Tarlow data"),
        _in_article("Kestle shares find support amid weak Tarlow data"),
    )


def test_a_headlines_name_to_verb_is_the_future_a_plan_agrees_with() -> None:
    # "Velmora to release toolkit": a headline's name, "to" and a verb tell the future,
    # as "will" does; a plan ("plans to release") is compatible with it, not with a fact.
    plan = _in_article("Velmora plans to release a toolkit for wearable devices")
    future = _in_article("Velmora to release toolkit for wearable devices in two weeks")
    assert matcher._FUTURE in future.stance
    assert "modality" not in matcher.features(plan, future).breaks
    assert matcher.compare(plan, future).relation == "same"
    # The same as "will" tells it.
    will = _in_article("Velmora will release toolkit for wearable devices in two weeks")
    assert matcher.compare(plan, will).relation == "same"
    # A plan against a fact, or a condition against the future: the break holds.
    fact = _in_article("Velmora releases toolkit for wearable devices")
    assert matcher.compare(plan, fact).relation == "related"
    condition = _in_article(
        "Velmora could release a toolkit for wearable devices if regulators agree"
    )
    assert "modality" in matcher.features(condition, future).breaks
    # "Thanks to", "According to": no name before "to", no future.
    for text in (
        "Thanks to Velmora, toolkit for wearable devices released",
        "According to Velmora, toolkit for wearable devices released",
    ):
        assert matcher._FUTURE not in _in_article(text).stance, text


def test_one_act_told_as_an_aim_on_both_sides_is_no_modality() -> None:
    # "wants to ban" / "teams up ... to ban": the act a hedge governs is told after "to"
    # by the other too, an aim on both sides: the hedge takes nothing from the other.
    wants = _in_article("Corvina Hale wants to ban the word bossy")
    teams = _in_article("Corvina Hale teams up with Tomas Reyes to ban the word bossy")
    assert matcher._one_aim(wants, teams)
    assert "modality" not in matcher.features(wants, teams).breaks
    assert matcher.compare(wants, teams).relation == "same"
    # Against the act told done, the break holds.
    bans = _in_article("Corvina Hale bans the word bossy at Tarlow school")
    assert "modality" in matcher.features(wants, bans).breaks
    assert matcher.compare(wants, bans).relation == "related"
    # A hedge further from "to" governs something else: "may be forced to sell" is no
    # aim to sell.
    forced = _in_article("Corvina Hale may be forced to sell Tarlow Mills")
    sold = _in_article("Corvina Hale was forced to sell Tarlow Mills")
    assert not matcher._one_aim(forced, sold)
    assert matcher.compare(forced, sold).relation == "related"
    # A condition keeps the break whatever the other tells.
    condition = _in_article("Corvina Hale wants to ban the word bossy if Tarlow agrees")
    assert "modality" in matcher.features(condition, teams).breaks


def test_a_headline_of_names_alone_claims_nothing_even_alone_in_its_article() -> None:
    # "Ackman and Herbalife": a headline of names joined by "and" names a topic; every
    # word of it is in any headline of the story, and however high the pair scores it
    # is no claim told twice.
    topic = _in_article("Velmora and Kestle")
    battle = _in_article("Velmora Dwarfed By Kestle Spending In Lobbying Battle")
    f = matcher.features(topic, battle)
    assert f.lone and not f.tells
    assert matcher.DEFAULT_MODEL.probability(f.values) >= matcher.SAME_P_LONE
    assert "names only" in f.breaks
    assert matcher.compare(topic, battle).relation == "related"
    # A headline whose words are all capitalised but holds a verb tells something.
    down = _in_article("Tarlow Goes Down")
    g = matcher.features(down, _in_article("Tarlow Briefly Goes Down, Silencing Millions Of Users"))
    assert "names only" not in g.breaks
    assert matcher.decide(g).relation == "same"


def test_two_headlines_telling_one_figure_are_one_claim() -> None:
    # Two headlines under their own cut that tell one figure of one thing (the numbers
    # agree and measure the same), linked and with no break, are one claim whatever
    # verb each tells it with ("reaps $2m" / "makes $2 million").
    reaps = _in_article("Tarlow reaps $2m in marijuana taxes")
    makes = _in_article("Tarlow makes $2 million in tax in first month of cannabis sales")
    f = matcher.features(reaps, makes)
    assert f.lone and f.linked and not f.breaks
    assert f.values[matcher._NUMBERS_AGREE] > 0
    assert matcher.DEFAULT_MODEL.probability(f.values) < matcher.SAME_P_LONE
    assert matcher.compare(reaps, makes).relation == "same"
    # Every break still holds: negation, modality.
    for other in (
        "Tarlow does not make $2 million in tax in first month of cannabis sales",
        "Tarlow could make $2 million in tax in first month of cannabis sales",
    ):
        assert matcher.compare(reaps, _in_article(other)).relation == "related", other
    # Another figure is no agreement: a conflict or nothing, never 'same'.
    other = _in_article("Tarlow makes $3.5 million in tax in first month of cannabis sales")
    assert matcher.compare(reaps, other).relation != "same"
    # A list's length is no amount of anything: two lists of five moments are two
    # writers' picks, not one figure.
    picks = _in_article("5 Must-See Moments From Corvina Hale's First SNL")
    top = _in_article("Corvina Hale: Her Top 5 'Saturday Night Live' Moments")
    h = matcher.features(picks, top)
    assert h.values[matcher._NUMBERS_AGREE] > 0 and not h.breaks
    assert matcher.DEFAULT_MODEL.probability(h.values) < matcher.SAME_P_LONE
    assert matcher.compare(picks, top).relation == "related"
    # Without a figure the cut holds.
    plain = _in_article("Tarlow reaps millions in marijuana taxes")
    g = matcher.features(plain, makes)
    assert g.values[matcher._NUMBERS_AGREE] == 0
    assert matcher.compare(plain, makes).relation != "same"


def test_sharing_only_names_and_a_date_is_two_claims() -> None:
    # The same people and day, and each says something the other does not.
    signed = prepare("Governor Ana Ruiz signed the Tarlow water bill on Monday.")
    heckled = prepare(
        "Protesters in Tarlow heckled Governor Ana Ruiz on Monday over school closures."
    )
    f = matcher.features(signed, heckled)
    assert "names only" in f.breaks
    assert matcher.decide(f).relation != "same"
    # A shared word of the claim itself ("water bill") is more than names.
    retold = prepare("On Monday Governor Ana Ruiz signed into law the water bill for Tarlow.")
    g = matcher.features(signed, retold)
    assert "names only" not in g.breaks
    assert matcher.decide(g).relation == "same"
    # Agreeing numbers tie two wordings of one vote together.
    assert (
        "names only"
        not in matcher.features(
            prepare("Tarlow councillors rejected Governor Ana Ruiz's plan by 14 votes to 9."),
            prepare(
                "Governor Ana Ruiz lost in Tarlow, 14 to 9, as the council turned down her scheme."
            ),
        ).breaks
    )


def test_sharing_only_the_story_words_is_not_the_same_claim() -> None:
    # Two articles about one bill: "Arkansas", "governor", "religious", "freedom", "bill"
    # are in most of their statements (the story); what each headline claims is not.
    a = _article(
        "Arkansas governor's son opposes religious freedom bill",
        "The governor asked Arkansas lawmakers to recall the religious freedom bill.",
        "Critics say the religious freedom bill allows discrimination, the governor noted.",
        "Retailer Walmart asked the governor to veto the bill.",
    )
    b = _article(
        "Arkansas Governor Signs Amended Religious Freedom Bill",
        "The governor signed the amended Arkansas religious freedom bill on Thursday.",
        "Lawmakers had passed the new religious freedom bill at the governor's request.",
        "The bill now mirrors the federal law, the governor said.",
    )
    f = matcher.features(a[0], b[0])
    assert "story" in f.breaks
    assert matcher.decide(f).relation != "same"
    # A word the story does not repeat ("Walmart", "veto") is an anchor of its own.
    g = matcher.features(a[3], prepare_in(b, "Walmart had asked the governor to veto the bill."))
    assert "story" not in g.breaks
    # Bare sentences (no article) are never judged on story words.
    assert "story" not in matcher.features(prepare(a[0].text), prepare(b[0].text)).breaks


def test_a_short_articles_title_told_again_in_its_lead_is_no_story_word() -> None:
    # Two short articles (a title and a lead paragraph): the title's words come again in
    # the lead, so each is in two of the article's three statements. That is the claim
    # told twice, not the story's words, and the claim told by the other outlet is it.
    a = _article(
        "Harwick council approves Selby ferry contract",
        "The Harwick council on Tuesday approved a five-year contract with Selby Ferries"
        " for the island crossing.",
        "The vote was seven to two.",
    )
    b = _article(
        "Selby Ferries wins Harwick crossing deal",
        "Harwick councillors approved the ferry contract with Selby on Tuesday, ending a"
        " year of talks.",
        "Rival bidders said they would appeal.",
    )
    f = matcher.features(a[0], b[1])
    assert "story" not in f.breaks
    assert matcher.compare(a[0], b[1]).relation == "same"
    # Every break still holds: a negation, and a headline telling another claim.
    refused = prepare_in(
        b[:2], "Harwick councillors did not approve the ferry contract with Selby."
    )
    assert matcher.compare(a[0], refused).relation != "same"
    assert matcher.compare(a[0], b[0]).relation != "same"
    # Against a long article (ten statements) whose story is the contract, the title's
    # words are that article's story words: the break holds.
    long = _article(
        "Harwick ferry contract approved",
        "The Harwick council approved the Selby ferry contract on Tuesday.",
        "The ferry contract runs for five years.",
        "Councillors in Harwick debated the contract for three hours.",
        "Two members voted against the ferry deal.",
        "Selby Ferries will run the crossing from May.",
        "The old operator left in March.",
        "Fares will stay at their current level.",
        "A new boat is due in the spring.",
        "The council meets again next month.",
    )
    assert "story" in matcher.features(a[0], long[1]).breaks


def prepare_in(article: list[matcher.Prepared], text: str) -> matcher.Prepared:
    """``text`` as one more statement of ``article``."""
    return _article(*(p.text for p in article), text)[-1]


def test_speaker_keys_tell_a_family_apart() -> None:
    text = "the religious freedom bill must be changed before it is signed into law."
    asa = prepare(f"Asa Hutchinson said {text}", speaker="Asa Hutchinson")
    seth = prepare(f"Seth Hutchinson said {text}", speaker="Seth Hutchinson")
    mr = prepare(f"Mr. Hutchinson said {text}", speaker="Mr. Hutchinson")
    assert (asa.speaker_key, seth.speaker_key) == ("hutchinson|asa", "hutchinson|seth")
    assert matcher.features(asa, seth, full=True).as_dict()["speaker_disagree"] == 1.0
    assert matcher.features(asa, mr, full=True).as_dict()["speaker_agree"] == 1.0
    assert compare(asa, mr).evidence.speaker == "Asa Hutchinson"  # as this side names him
    assert compare(asa, seth).evidence.speaker == ""
    # Given names agree when one's words begin the other's (db.speakers.given_names_agree):
    # a middle name told or not is one person, two middle names two people.
    john = prepare(f"Asa John Hutchinson said {text}", speaker="Asa John Hutchinson")
    james = prepare(f"Asa James Hutchinson said {text}", speaker="Asa James Hutchinson")
    assert matcher.features(asa, john, full=True).as_dict()["speaker_agree"] == 1.0
    assert matcher.features(john, james, full=True).as_dict()["speaker_disagree"] == 1.0


def test_people_speaking_together_are_the_same_speaker_as_each_of_them() -> None:
    text = "the religious freedom bill must be changed before it is signed into law."
    both = prepare(f"Asa Hutchinson and Ann Lee said {text}")
    asa = prepare(f"Asa Hutchinson said {text}", speaker="Asa Hutchinson")
    lee = prepare(f"Ms. Lee said {text}", speaker="Ms. Lee")
    seth = prepare(f"Seth Hutchinson said {text}", speaker="Seth Hutchinson")
    assert both.speaker_key == "&hutchinson|asa&lee|ann"
    assert matcher.features(both, asa, full=True).as_dict()["speaker_agree"] == 1.0
    assert matcher.features(lee, both, full=True).as_dict()["speaker_agree"] == 1.0
    assert matcher.features(both, seth, full=True).as_dict()["speaker_disagree"] == 1.0


def test_the_evidence_names_the_speaker_as_the_statement_does() -> None:
    """Not the name's normalised words sorted ("Doe Jan", "Brown Mark")."""
    a = prepare("The Valmora plan will cost £4m, she said.", speaker="Jane Doe")
    b = prepare("Jane Doe said the Valmora plan would cost £4m.", speaker="Jane Doe")
    assert compare(a, b).evidence.speaker == "Jane Doe"
    c = prepare("Mark Brown said the Valmora plan would cost £4m.", speaker="Mark Brown")
    d = prepare("The Valmora plan would cost £4m, Mr Brown said.", speaker="Mr Brown")
    assert compare(c, d).evidence.speaker == "Mark Brown"
    assert compare(d, c).evidence.speaker == "Mr Brown"


def test_the_common_capitals_list_holds_no_place() -> None:
    # A headline's names are its hnames and its places (_shared_as_names): that holds
    # only while the list of words news writes in lower case keeps places out.
    from db.normalize import PLACE_TOKENS, common_capitals

    assert not common_capitals() & PLACE_TOKENS


@settings(max_examples=3000, deadline=None)
@given(
    st.floats(min_value=1e-3, max_value=1e12, allow_nan=False, allow_infinity=False),
    st.integers(min_value=2, max_value=5),
)
def test_a_figure_rounded_to_two_or_more_digits_agrees_with_it(x: float, digits: int) -> None:
    """However far apart the bound lets values be (_AGREE_REL_MAX), a figure rounded
    to two or more significant digits ("1.13bn" -> "1.1bn") still agrees."""
    exact = matcher.Num(x, "USD", None, "x")
    rounded = matcher.Num(round_significant(x, digits), "USD", None, "y")
    assert matcher._values_agree(exact, rounded) and matcher._values_agree(rounded, exact)


# Two articles of other events in one feed, written for the test below.
_RENTS = (
    "Tarlow council votes to freeze rents for two years",
    "The Tarlow city council voted 7-2 on Tuesday to freeze residential rents until 2026.",
    "Landlords' groups said the freeze would drive owners out of the market.",
    "Tenant organisers, who had campaigned for a year, cheered in the chamber.",
)
_FLOODS = (
    "Floods cut off farms in the Okafor valley",
    "Heavy rain on Monday flooded hundreds of farms along the Okafor river.",
    "Rescue crews used boats to reach families stranded on rooftops.",
    "Farmers said the harvest was lost.",
)
_FREEZE = (
    "Tarlow rent freeze draws fire from landlords",
    "Landlords attacked the Tarlow council's decision to freeze rents for two years.",
    "Tenant organisers had campaigned for the freeze for a year.",
    "The mayor's office said the vote was final.",
)


def test_a_claim_of_another_event_is_judged_without_its_article() -> None:
    # Inside articles, shared rare words weigh more and the pair is lifted; between
    # articles whose headlines and leads share nothing, it is judged as bare sentences.
    vague = "The Lanter Institute, when pressed on the matter, had been vague."
    matters = "Being at the Lanter Institute matters to you."
    a = _article(*_RENTS, vague)[-1]
    b = _article(*_FLOODS, matters)[-1]
    assert matcher._other_events(a, b)
    r = matcher.compare(a, b)
    assert r.relation == "different"  # not of one event either: not 'related'
    assert r.score >= matcher.SAME_P_ARTICLES * 100  # what the articles alone would make 'same'
    # In two articles of one event, the same pair is judged as before.
    c = _article(*_FREEZE, matters)[-1]
    assert not matcher._other_events(a, c)
    assert matcher.compare(a, c).relation == "same"
    # A claim told alike is one wherever it is told.
    told = "The Lanter Institute said the report was wrong and would be withdrawn."
    again = "The Lanter Institute said the report was wrong and would withdraw it."
    alike = matcher.compare(_article(*_RENTS, told)[-1], _article(*_FLOODS, again)[-1])
    assert alike.relation == "same"
    # A headline alone has no lead to compare: its article is not judged so.
    alone = _article(matters)[-1]
    assert not matcher._other_events(a, alone)


# Two events of one week with one protagonist: a farm budget and a wedding flight,
# written for the test below; and the budget told by another outlet.
_BUDGET = (
    "Senator Mara Quell unveils farm budget with cuts to grain subsidies",
    "Senator Mara Quell on Tuesday unveiled a farm budget that cuts grain subsidies by a third.",
    "The budget would move the grain money to drought relief for cattle ranchers.",
    "Grain growers in Wessen county said the subsidy cuts would close family farms.",
    "Cattle ranchers welcomed the drought relief in the farm budget.",
    "The Wessen Farm Bureau called the grain subsidy cuts reckless.",
    "Quell said drought relief for ranchers could not wait for another season.",
    "The farm budget goes to the agriculture committee next month.",
    "The agriculture committee chairman said he would hear the grain growers first.",
)
_WEDDING = (
    "Mara Quell attends governor's daughter's wedding amid ethics complaint",
    "Senator Mara Quell flew on a donor's jet to the wedding of Governor Ilse Brandt's"
    " daughter in Porto Vell.",
    "An ethics complaint filed by the watchdog Clean Hall says the jet flight was an"
    " undisclosed gift.",
    "Clean Hall asked the ethics office to open an inquiry into the donor's jet.",
    "Brandt's daughter married a hotel heir at a seaside chapel in Porto Vell.",
    "The donor, a shipping magnate, has given to Quell's campaigns and to Brandt's.",
    "The ethics office did not say whether it would open an inquiry into the flight.",
    "Guests at the wedding included two cabinet members and the shipping magnate.",
)
_BUDGET_TOLD = (
    "Ranchers cheer, grain growers fume at Quell plan",
    "Grain growers in Wessen county warned on Wednesday that family farms would close"
    " under the subsidy cuts.",
    "The plan by Senator Mara Quell shifts grain subsidies to drought relief for cattle ranchers.",
    "Cattle ranchers said the drought relief in the farm budget was overdue.",
    "The Wessen Farm Bureau said the grain subsidy cuts were reckless.",
    "The agriculture committee will take up the farm budget next month.",
    "Quell said ranchers could not wait another season for drought relief.",
    "Grain growers plan to testify before the agriculture committee chairman.",
)


def test_two_events_sharing_a_name_in_their_heads_and_nothing_all_through_are_other_events() -> (
    None
):
    # The heads share the senator's name (more than GIST_MIN of their weight), the
    # whole articles nothing else: a generic line about her is no claim shared.
    fired = "Senator Quell immediately fired back at her critics."
    smear = "Quell fired back at Clean Hall, calling the complaint a smear by her critics."
    a = _article(*_BUDGET, fired)[-1]
    b = _article(*_WEDDING, smear)[-1]
    (ga, wa), (gb, wb) = a.context.gist(), b.context.gist()
    assert matcher._weight(ga & gb) >= matcher.GIST_MIN * min(wa, wb)
    assert matcher._other_events(a, b)
    assert "other event" in matcher.features(a, b).breaks
    assert matcher.compare(a, b).relation == "different"
    # The budget told by another outlet shares its theme all through.
    c = _article(*_BUDGET_TOLD, smear)[-1]
    assert not matcher._other_themes(a.context, c.context)
    assert matcher.compare(a, c).relation == "same"
    # A title and a paragraph repeat too few words to have a theme: not judged by it.
    short = _article(_WEDDING[0], _WEDDING[1], smear)[-1]
    assert len(short.context.theme()[0]) < matcher.THEME_TOKENS
    assert not matcher._other_themes(a.context, short.context)
    assert matcher.compare(a, short).relation == "same"


def test_one_speaker_giving_one_figure_is_one_event_however_the_articles_open() -> None:
    # The articles' headlines and leads share nothing, but both statements give one
    # named speaker's one figure: a corroboration, not two events.
    said = "Mayor Lena Okafor said at least 1,200 homes had been damaged."
    told = (
        '"We count at least 1,200 damaged homes so far, and the number will rise," Mayor'
        " Lena Okafor told reporters on Monday."
    )

    def in_article(texts: tuple[str, ...], last: str, speaker: str) -> matcher.Prepared:
        return matcher.with_context([prepare(t) for t in texts] + [prepare(last, speaker=speaker)])[
            -1
        ]

    a, b = in_article(_RENTS, said, "Lena Okafor"), in_article(_FLOODS, told, "Lena Okafor")
    assert matcher._other_events(a, b)
    r = matcher.compare(a, b)
    assert r.relation == "same" and not r.evidence.differs
    # Without a speaker of its own, the same figure is judged as of another event.
    c = in_article(_FLOODS, told.replace("Mayor Lena Okafor", "a council officer"), "")
    assert matcher.compare(a, c).relation != "same"


def test_a_share_and_its_complement_conflict_only_when_they_tell_one_outcome() -> None:
    # "1 in 3" of losing is "2 in 3" of holding on: the one claim told from its two
    # sides, no conflict (nor an agreement: the figures differ).
    lose = "Speaker Tom Hale said there is a 1 in 3 chance that the Liberals will lose Ashford."
    hold = "Speaker Tom Hale gave the Liberals a two-in-three chance of holding on to Ashford."
    _related_first_because(lose, hold, "two sides of one share: 1 in 3 / two-in-three")
    assert not compare_texts(lose, hold).diffs
    # One outcome told with both figures is a conflict: "of winning" both times.
    _conflict_between(
        "Pollster Ana Reyes gives Mayor Tom Hale a 1 in 3 chance of winning Ashford.",
        "Pollster Ana Reyes gives Mayor Tom Hale a two-in-three chance of winning Ashford.",
        [("1 in 3", "two-in-three")],
    )
    # A share that is no complement still conflicts whatever the verbs.
    _conflict_between(
        "Speaker Tom Hale said there is a 1 in 4 chance that the Liberals will lose Ashford.",
        "Speaker Tom Hale said there is a 1 in 3 chance that the Liberals will lose Ashford.",
        [("1 in 4", "1 in 3")],
    )


def test_the_evidence_names_what_a_headline_shares_with_a_sentence() -> None:
    # A headline's capitals say nothing of names to the tokenizer; the names the other
    # side writes as names are still why the two were matched, shown whole as written.
    headline = "Mo Cowan Senate: Deval Patrick Names Former Chief Of Staff To Replace John Kerry"
    sentence = "Massachusetts Gov. Deval Patrick picks former staffer to fill Kerry's Senate seat"
    assert evidence(prepare(sentence), prepare(headline)).names == (
        "Deval Patrick",
        "Kerry",
        "Senate",
    )
    assert evidence(prepare(headline), prepare(sentence)).names == (
        "Senate",
        "Deval Patrick",
        "Kerry",
    )


def test_an_investigation_named_in_passing_is_no_claim_shared() -> None:
    # Every article of an inquiry describes it the same way; two statements that share
    # only that description say two things about it.
    questioned = _article(
        "Dole questioned by FBI over email server",
        "Senator Jane Dole was questioned by FBI agents as part of the investigation into"
        " her use of a private email server while she led the agency.",
    )[1]
    rally = _article(
        "Rivers attacks Dole at rally",
        "Governor Mark Rivers then turned on Dole, apparently referring to the FBI's"
        " investigation into her use of a private email server.",
    )[1]
    third = _article(
        "Third aide charged",
        "He was the third aide charged in the probe of special counsel Ellen Marsh into"
        " foreign lobbying and possible ties to the Halden campaign.",
    )[1]
    expects = _article(
        "Pratt expects charges",
        "Pratt has said it was possible that he would be indicted in Marsh's probe into"
        " foreign lobbying and possible ties to the Halden campaign.",
    )[1]
    pleads = _article(
        "Pratt pleads guilty",
        "Pratt pleaded guilty on Friday to lying to agents in special counsel Ellen"
        " Marsh's investigation into foreign lobbying and possible ties to the Halden"
        " campaign.",
    )[1]
    for a, b in ((questioned, rally), (third, expects), (third, pleads)):
        assert "in passing" in matcher.features(a, b).breaks
        r = matcher.compare(a, b)
        assert r.relation == "related", r
        assert r.evidence.differs[0].startswith("they share an investigation"), r.evidence
    # Opening the investigation is the claim itself, not a passing mention.
    opened = _article(
        "FBI opens inquiry",
        "The FBI opened an investigation into Jane Dole's use of a private email server on Monday.",
    )[1]
    launched = _article(
        "FBI probes Dole",
        "The FBI has launched an investigation into Senator Jane Dole's use of a private"
        " email server, officials said Monday.",
    )[1]
    assert matcher.compare(opened, launched).relation == "same"
    # One claim in other verbs shares more than the investigation.
    charged = _article(
        "Pratt charged",
        "Pratt was charged on Friday in special counsel Ellen Marsh's investigation into"
        " foreign lobbying by the Halden campaign.",
    )[1]
    indicted = _article(
        "Pratt indicted",
        "Pratt was indicted Friday as part of the investigation of special counsel Ellen"
        " Marsh into foreign lobbying by the Halden campaign.",
    )[1]
    assert matcher.compare(charged, indicted).relation == "same"


def test_a_possibility_is_a_hedge() -> None:
    # "It was a possibility that he would be charged" is no charge.
    said = _article(
        "Pratt expects charges",
        "Pratt has said it was a possibility that he would be charged in the Halden fraud case.",
    )[1]
    charged = _article("Pratt charged", "Pratt was charged in the Halden fraud case on Friday.")[1]
    assert matcher._HEDGE in said.stance
    assert "modality" in matcher.features(said, charged).breaks
    assert matcher.compare(said, charged).relation == "related"
    # Two hedges of one claim are still one claim.
    possible = _article(
        "Plant may move",
        "Governor Bell said a move of the Halden plant to Ohio was a distinct possibility.",
    )[1]
    may = _article(
        "Plant may move", "Governor Bell said the Halden plant may have to move to Ohio."
    )[1]
    assert matcher.compare(possible, may).relation == "same"


def test_names_offered_as_alternatives_are_no_choice_told() -> None:
    # "Lopez or Tran" leaves the choice open: the one made is another claim.
    for a, b in (
        (
            "Watch Reyes Pick Lopez Or Tran In The Finale Online",
            "Reyes picks Lopez in the finale and Tran walks out",
        ),
        (
            "Senator Reyes will name Lopez or Tran as her running mate on Friday, aides said.",
            "Senator Reyes will name Lopez as her running mate on Friday, aides said.",
        ),
    ):
        x = _article("One headline", a)[1]
        y = _article("Another headline", b)[1]
        assert "alternatives" in matcher.features(x, y).breaks
        assert matcher.compare(x, y).relation == "related"
        assert matcher.compare(y, x).relation == "related"
    # Both offering the same choice tell one claim; so do two names joined by "and".
    same = "Senator Reyes will name Lopez or Tran as her running mate on Friday, aides said."
    told = "Senator Reyes will name Lopez or Tran as her running mate on Friday, her aides said."
    assert matcher.compare(_article("H", same)[1], _article("I", told)[1]).relation == "same"
    both = "Senator Reyes met Lopez and Tran on Friday to talk about the running mate, aides said."
    met = "Senator Reyes met Lopez and Tran on Friday to discuss her running mate, aides said."
    assert matcher.compare(_article("H", both)[1], _article("I", met)[1]).relation == "same"


def test_a_preview_is_a_take_not_the_event() -> None:
    # A countdown, a sneak peek or "what to expect" tells what is to come: not the
    # event told after it, however alike the words.
    for a, b in (
        (
            "Countdown to the 'Harbor Games' finale: Mara and Teo find their last clue",
            "Mara and Teo win the 'Harbor Games' finale with their last clue",
        ),
        (
            "Sneak Peek: Mara and Teo prepare for the 'Harbor Games' finale",
            "Mara and Teo prepare for the 'Harbor Games' finale tonight",
        ),
        (
            "What to expect from Halden Motors' deal for Rivet on Monday",
            "Halden Motors agrees a deal for Rivet on Monday",
        ),
    ):
        x, y = _in_article(a), _in_article(b)
        assert "takes" in matcher.features(x, y).breaks, (a, b)
        assert matcher.compare(x, y).relation == "related", (a, b)
    # "peek" and "countdown" in a report's own words are no label.
    told = _in_article("Mara and Teo give viewers a peek at the 'Harbor Games' set")
    assert matcher._REVIEW not in told.stance


def test_what_an_event_means_for_someone_is_a_take() -> None:
    # An explainer headline reads the event for someone: not the event told plainly.
    for a, b in (
        (
            "What Halden Motors' Rivet Co. Deal Means for Halden (NYSE: HM) Stock",
            "Halden Motors buys Rivet",
        ),
        (
            "What the Kestle Dairy sale means for farmers",
            "Velmora Foods buys Kestle Dairy, farmers told",
        ),
    ):
        x, y = _in_article(a), _in_article(b)
        assert "takes" in matcher.features(x, y).breaks, (a, b)
        assert matcher.compare(x, y).relation != "same", (a, b)
    # "means" in a report's own words is no label.
    for text in (
        "Halden Motors said the deal means for now no job cuts",
        "What he did means nothing, Halden said",
        "What Halden said: the deal means for farmers lower prices",
    ):
        assert matcher._REVIEW not in _in_article(text).stance, text


def test_an_acronym_and_the_name_it_abbreviates_are_one_name() -> None:
    """An acronym ("GBI" / "Georgia Bureau of Investigation", "the NRA" / "the National
    Rifle Association") and the name it spells: one name written two ways, shared as
    names are, not other names in the same place of the sentence; an acronym the other
    side does not spell is another."""
    short = "GBI spokesman Tom Vale said the Harlow murders were the work of one killer."
    spelt = short.replace("GBI", "Georgia Bureau of Investigation")
    pa, pb = prepare(short), prepare(spelt)
    assert "other names" not in matcher.features(pa, pb).breaks
    assert compare(pa, pb).relation == "same"
    other = short.replace("GBI", "FBI")
    assert compare_texts(other, spelt).relation != "same"
    # the words of a longer name may stand between the acronym's (connectors too)
    heads = "The HRC Board said on Friday that the Elmwood dam failed its safety review."
    assert (
        "other names"
        not in matcher.features(
            prepare(heads), prepare(heads.replace("HRC", "Harlow River Commission"))
        ).breaks
    )
    nra = "The NRA called on Tuesday for armed guards in every Elmwood school."
    spelt_nra = nra.replace("NRA", "National Rifle Association")
    base = matcher.features(prepare(nra), prepare(nra.replace("NRA", "Audubon Society")))
    told = matcher.features(prepare(nra), prepare(spelt_nra))
    at = matcher.FEATURE_NAMES.index("weighted_jaccard")
    assert told.values[at] > base.values[at]
    assert compare_texts(nra, spelt_nra).relation == "same"


def test_a_title_and_its_abbreviation_are_one_word() -> None:
    """A title and its abbreviation ("Sgt." / "Sergeant", "Lieut." / "Lieutenant"): one
    title written two ways (news styles differ), shared as a spelling variant is, not
    another name in its place."""
    short = "Sgt. Randy Vale, a police spokesman, said Tom Okafor was not charged over the crash."
    long = short.replace("Sgt.", "Sergeant")
    assert "other names" not in matcher.features(prepare(short), prepare(long)).breaks
    assert compare_texts(short, long).relation == "same"
    lieut = "Police Lieut. Ana Ruiz said about 1,000 people marched to the Harlow station."
    base = matcher.features(prepare(lieut), prepare(lieut.replace("Lieut.", "Chief")))
    told = matcher.features(prepare(lieut), prepare(lieut.replace("Lieut.", "Lieutenant")))
    at = matcher.FEATURE_NAMES.index("weighted_jaccard")
    assert told.values[at] > base.values[at]


def test_a_sale_told_by_its_buyer_is_one_deal_and_a_win_by_its_loser_one_result() -> None:
    """A converse predicate with its names trading places tells one event from its other
    side ("Kestrel Air sold to Marlow Airlines" / "Marlow Airlines buying Kestrel Air";
    "Ostrava won against Brno" / "Brno lost to Ostrava"): no opposite. The same names on
    the same sides with the other pole, or an agent after "by", stay opposite."""
    sold = "Kestrel Air was sold to Marlow Airlines for $2 billion on Friday, the companies said."
    bought = "Marlow Airlines is buying Kestrel Air for $2 billion, the companies said on Friday."
    assert "opposite" not in matcher.features(prepare(sold), prepare(bought)).breaks
    assert compare_texts(sold, bought).relation == "same"
    won = "FC Ostrava won against Sparta Brno in the cup final in Ostrava on Sunday."
    lost = "Sparta Brno lost to FC Ostrava in the cup final in Ostrava on Sunday."
    assert "opposite" not in matcher.features(prepare(won), prepare(lost)).breaks
    # the same seller on both sides: one sold, the other bought
    sells = "Marlow Airlines sold its stake in Kestrel Air to Fjell Capital on Friday."
    buys = "Marlow Airlines bought a stake in Kestrel Air from Fjell Capital on Friday."
    _not_same(sells, buys, "opposite")
    _not_same(won, won.replace("won against", "lost to"), "opposite")
    # "bought by": the buyer after the verb, as the seller is after "sold to"
    by = "Shares of Kestrel Air were bought by Marlow Airlines on Friday."
    _not_same(by, "Shares of Kestrel Air were sold to Marlow Airlines on Friday.", "opposite")


def test_a_denial_and_a_negation_of_one_thing_are_one_stance() -> None:
    """A denial against the negation of what is denied ("denied taking money from" /
    "said he never took money from") is one stance, as a refusal against a negation is:
    neither a negation nor a denial breaks it. A denial against the plain claim, or a
    denial negated ("did not deny"), still does."""
    denied = "Senator Tom Okafor denied taking money from the Harlow Port lobbyists in 2019."
    never = "Senator Tom Okafor said he never took money from the Harlow Port lobbyists in 2019."
    f = matcher.features(prepare(denied), prepare(never))
    assert "denial" not in f.breaks and "negation" not in f.breaks
    assert compare_texts(denied, never).relation == "same"
    took = "Senator Tom Okafor admitted taking money from the Harlow Port lobbyists in 2019."
    _not_same(denied, took, "denial")
    not_denied = denied.replace("denied", "did not deny")
    assert compare_texts(not_denied, never).relation != "same"
    # a negated denial against the denial: the negation is of the denial itself
    disputed = "The Harlow Port authority disputed reports that the Ovens Creek dock will close."
    not_disputed = (
        "The Harlow Port authority did not directly dispute that the Ovens Creek dock will close."
    )
    assert compare_texts(disputed, not_disputed).relation != "same"


def test_a_pair_of_two_events_is_not_shown_as_also_on_this_event() -> None:
    """``related`` is the same event told with another claim ("also on this event"): a
    pair whose articles the matcher judges other events (see _other_events) is neither
    the same claim nor of one event, so it is ``different``, not ``related``; the same
    pair in two articles of one event stays what it was."""
    vague = "The Lanter Institute, when pressed on the matter, had been vague."
    matters = "Being at the Lanter Institute matters to you."
    a = _article(*_RENTS, vague)[-1]
    b = _article(*_FLOODS, matters)[-1]
    assert matcher._other_events(a, b)
    assert "other event" in matcher.features(a, b).breaks
    assert matcher.compare(a, b).relation == "different"
    c = _article(*_FREEZE, matters)[-1]
    assert matcher.compare(a, c).relation == "same"
    # a claim told alike as bare sentences is one wherever it is told
    told = "The Lanter Institute said the report was wrong and would be withdrawn."
    again = "The Lanter Institute said the report was wrong and would withdraw it."
    assert matcher.compare(_article(*_RENTS, told)[-1], _article(*_FLOODS, again)[-1]).relation == (
        "same"
    )


def test_one_event_in_other_words_is_one_claim() -> None:
    """Words that name one act in other words (lexicon.PARAPHRASES: "arrested" / "taken
    into custody", "bankruptcy" / "Chapter 11") count as shared between the words each
    side alone has. Every break still holds: a negation, a hedge, another subject."""
    arrested = "Police arrested the Dornfeld bank robber in Ostrava on Friday."
    custody = "The Dornfeld bank robber was taken into custody in Ostrava on Friday."
    assert compare_texts(arrested, custody).relation == "same"
    _not_same(arrested.replace("arrested", "did not arrest"), custody, "negation")
    _not_same(arrested.replace("arrested", "may arrest"), custody, "modality")
    _not_same(arrested.replace("Dornfeld", "Kestle"), custody, "other names")
    bankrupt = "Velmora Foods files for bankruptcy protection in Delaware."
    chapter = "Velmora Foods filed for Chapter 11 protection in Delaware."
    told = matcher.features(prepare(bankrupt), prepare(chapter))
    other = matcher.features(prepare(bankrupt), prepare(chapter.replace("Chapter 11", "a grant")))
    at = matcher.FEATURE_NAMES.index("weighted_jaccard")
    assert told.values[at] > other.values[at]
    _not_same(bankrupt.replace("files", "will not file"), chapter, "negation")


def test_a_refusal_of_an_act_told_in_other_words_is_a_negation() -> None:
    """A refusal of a verb breaks the claim against the other's telling of that act in
    other words, as against the verb itself ("refused to resign" / "stepped down")."""
    refused = "Interior minister Ardo Velsk refused to resign on Tuesday over the pension scandal."
    for did in ("stepped down", "quit", "resigned"):
        other = f"Interior minister Ardo Velsk {did} on Tuesday over the pension scandal."
        _not_same(refused, other, "negation")


def test_a_title_case_may_before_a_verb_is_the_modal() -> None:
    # Title Case writes the modal "May" as it writes the month: before a bare verb it is
    # a hedge, as "may" is in sentence case ("Kestle Bank may have to raise rates").
    title = _in_article("Kestle Bank May Have to Raise Rates Again Next Month")
    fact = _in_article("Kestle Bank raises interest rates again")
    assert matcher.compare(title, fact).relation == "related"
    lower = _in_article("Kestle Bank may have to raise rates again next month")
    assert matcher.compare(lower, fact).relation == "related"
    # Hedged on both sides: one claim.
    hedged = _in_article("Kestle Bank may raise interest rates again")
    assert matcher.compare(title, hedged).relation == "same"
    # The month: after a word that dates it or names a person, before a plural noun or a
    # time, opening the headline, before a digit.
    for text in (
        "Kestle Bank Raised Rates In Early May After Talks",
        "Tarlow Retailers Report Strong May Sales Despite Rain",
        "Tarlow Workers March On May Day Across The Country",
        "May Retail Sales Rise Across The Tarlow Region",
        "Talks Resume May 5 In Geneva After Long Pause",
        "Mrs May Heads To Brussels For Kestle Talks",
    ):
        assert "hedge" not in prepare(text).stance, text
    assert not matcher._modal_may("Tarlow Workers Rally In May")
    assert matcher._modal_may("Tarlow Stocks May Come Under Pressure")


def test_phrases_opening_with_a_negation_that_negate_nothing() -> None:
    # "in nothing but her raincoat" is in her raincoat: no negation to break the claim.
    nothing_but = _in_article("Corvina Hale Performs In Nothing But Her Raincoat")
    raincoat = _in_article("Corvina Hale performs in her raincoat at Tarlow concert")
    assert not nothing_but.negated
    assert matcher.compare(nothing_but, raincoat).relation == "same"
    for text in (
        "There is no doubt the Tarlow bill will pass",
        "Corvina Hale is not only a singer but an actor",
        "Velmora raised no less than $5 million for the Tarlow school",
        "The winner was none other than Corvina Hale",
    ):
        assert not prepare(text).negated, text
    # A negation still negates, beside such a phrase too.
    for text in (
        "Corvina Hale did not perform in her raincoat",
        "Nothing but rain: Corvina Hale did not perform",
        "Corvina Hale performs nothing",
    ):
        assert prepare(text).negated, text
    not_at_all = _in_article("Corvina Hale did not perform in her raincoat at Tarlow concert")
    assert matcher.compare(nothing_but, not_at_all).relation != "same"


def test_two_sums_in_two_currencies_no_rate_makes_one_are_two_claims() -> None:
    # "£1.2m" and "$3.5M" of one tax: no rate of the years news comes from makes them
    # one sum; two claims, at most related. One sum converted ("£1.2m" / "$2M") or the
    # same figure in two currencies ("£2m" / "$2M") stays as before: unpaired.
    sterling = _in_article("Velmora collects £1.2m in taxes on tea")
    dollars = _in_article("Velmora collected $3.5M in tea taxes in January")
    assert matcher.compare(sterling, dollars).relation == "related"
    converted = _in_article("Velmora collected $2M in tea taxes in January")
    assert matcher.compare(sterling, converted).relation == "same"
    slip = _in_article("Velmora collects £2m in taxes on tea")
    assert matcher.compare(slip, converted).relation == "same"
    # Sums of two things in two currencies are not judged ("£1.2m in taxes" / "$3.5M
    # for a stadium").
    stadium = _in_article("Velmora spent $3.5M on a new stadium")
    assert "other numbers" not in matcher.features(sterling, stadium).breaks


def test_two_title_case_headlines_show_the_names_both_write() -> None:
    # Two headlines' capitals say nothing about names, so neither has any; the evidence
    # shows the words both may mean as names (no common word, no place).
    a = _in_article("Kestlevale-Norbury Worker Struck and Killed by Tarlow Harbour Train")
    b = _in_article("Kestlevale-Norbury Worker Struck, Killed by Train at Tarlow Harbour")
    r = matcher.compare(a, b, explain=True)
    assert r.relation == "same"
    assert "Kestlevale-Norbury" in r.evidence.names
    assert not {"Worker", "Struck", "Killed", "Train"} & set(r.evidence.names)
    # A headline against a sentence: as before, the names the sentence writes.
    c = _in_article("Kestlevale-Norbury worker struck and killed by a train in Tarlow")
    assert "Kestlevale-Norbury" in matcher.compare(a, c, explain=True).evidence.names


def test_two_article_heads_telling_one_act_in_the_storys_words_are_one_claim() -> None:
    # Each article's headline and lead tell the claim the article is about, so the
    # words its body repeats are their claim: the two headlines, and a lead and the
    # other's headline, are one claim although they share only the story's words.
    a, b = _article(*PLEA_A), _article(*PLEA_B)
    for x, y in ((a[0], b[0]), (a[1], b[0])):
        assert matcher._story_only(x, y, x.tokset & y.tokset)
        assert "story" not in matcher.features(x, y).breaks
        assert matcher.compare(x, y).relation == "same"
    # A head against a later sentence of the body is no head pair: the break holds.
    assert "story" in matcher.features(a[0], b[8]).breaks
    assert matcher.compare(a[0], b[8]).relation != "same"


def test_two_article_heads_sharing_their_topic_but_no_act_keep_the_story_break() -> None:
    # Heads of two articles of one story that share its topic ("bribery case", the
    # names) but no act: what each claims differs (a council's call, a judge's delay).
    a = _article(
        "Kestle council urges Dana Orr to quit over bribery case",
        *PLEA_A[1:],
    )
    b = _article(
        "Judge Delays Dana Orr Bribery Case",
        *PLEA_B[1:],
    )
    assert "story" in matcher.features(a[0], b[0]).breaks
    assert matcher.compare(a[0], b[0]).relation != "same"
    # The act test alone: a shared inflected word that is no name.
    pa, pb = prepare(PLEA_A[0]), prepare(PLEA_B[0])
    assert matcher._tell_one_act(pa, pb, pa.tokset & pb.tokset)  # "pleads"
    assert not matcher._tell_one_act(a[0], b[0], a[0].tokset & b[0].tokset)


def test_considers_before_a_gerund_is_a_hedge() -> None:
    # "considers bringing back" is no return, as "is considering bringing back" is not.
    considers = prepare("Tarn Games founder Ema Ruiz considers bringing back Skyhop")
    assert "hedge" in considers.stance
    back = prepare("Tarn Games founder Ema Ruiz brings back Skyhop")
    assert compare(considers, back).relation != "same"
    # ... and against another hedge of it, one hedged claim
    may = prepare("Tarn Games founder Ema Ruiz may bring back Skyhop")
    assert compare(considers, may).relation == "same"
    # "considers" before a noun, or a gerund-shaped noun, is no hedge here
    assert "hedge" not in prepare("Ema Ruiz considers the offer fair").stance
    assert "hedge" not in prepare("Ema Ruiz considers Skyhop a hit").stance


def test_read_otherwise_since_44b_finds_what_match76bs_rules_read() -> None:
    assert matcher.read_otherwise_since_44b("Rep. Dana Whitfield (D-Mass.) will run.")
    assert matcher.read_otherwise_since_44b("Ana Ruiz, R-Texas, voted for it.")
    assert matcher.read_otherwise_since_44b("Representative Dana K. Whitfield will run.")
    assert matcher.read_otherwise_since_44b("He could not confirm, deny or comment on it.")
    assert matcher.read_otherwise_since_44b("She would neither confirm nor deny it.")
    assert not matcher.read_otherwise_since_44b("Hartwell Mining denied the report.")
    assert not matcher.read_otherwise_since_44b("Rep. Dana Whitfield will run (again).")


def test_read_otherwise_since_44_finds_what_match76s_rules_read() -> None:
    # A statement of an article with a body, holding an inflected word: the story break
    # may be lifted for it; alone in its article (a headline without a body), never.
    assert matcher.read_otherwise_since_44("Dana Orr Pleads Guilty", alone=False)
    assert not matcher.read_otherwise_since_44("Dana Orr Pleads Guilty", alone=True)
    assert not matcher.read_otherwise_since_44("Mayor Dana Orr to quit", alone=False)
    # "considers" before a gerund, anywhere
    assert matcher.read_otherwise_since_44("Ruiz considers bringing back Skyhop", alone=True)
    assert not matcher.read_otherwise_since_44("Ruiz considers the offer", alone=True)


def test_a_role_between_two_names_is_shown_in_neither() -> None:
    # "Tarnex CEO Ema Ruiz": the company and the person are two names; the role joins
    # neither, so the evidence names what the other side names, not "Tarnex CEO Ema Ruiz".
    a = "Tarnex CEO Ema Ruiz said the exchange lost 85,000 coins."
    b = "The Tarnex exchange lost 85,000 coins, Ema Ruiz said."
    assert compare_texts(a, b).evidence.names == ("Tarnex", "Ema Ruiz")
    # ... and a name the other side does not write is not shown through the role
    c = "Tarnex lost 85,000 coins, the exchange said."
    assert compare_texts(a, c).evidence.names == ("Tarnex",)
    # a role both write is no name both share
    d = "Tarnex CEO admits the exchange lost 85,000 coins"
    assert "CEO" not in compare_texts(a, d).evidence.names
