"""A sentence's own speaker (find_speaker, the statement's "said by"): only its own
attribution names it, and words that look like speech verbs but are not say nothing.

Sentences written for these tests, after kinds of errors read in a census of BASIL and
BBC statements (see BENCHMARKS.md, the thirty-fourth session)."""

from __future__ import annotations

import pytest

from db.quotes import find_speaker
from db.speakers import joint_names, places_together, speaker_key
from db.statements import analyse


@pytest.mark.parametrize(
    "sentence",
    [
        # the first attribution is a role or a pronoun: later names are reported
        "A ministry spokeswoman said Lord Woolf and Lord Falconer agreed on the plan.",
        "He also says Lord Goldsmith warned Tony Blair that the war could be illegal.",
        "His agent said last month that Rangers had told him to find a new club.",
        # a subject in a condition says nothing
        "If the European Council agrees on the draft it will return to parliament.",
        "The key is if Gerrard comes out and says that he is happy.",
        # "continues" and "continued" running on into what someone does
        "But Stern continues to be one of the most popular talk show hosts.",
        "Rafael Nadal continued his run of fine form to reach the semi-finals.",
        "Roundabout continues nostalgia trip",
        # plural nouns and "-ing" nouns
        "He had a right to criticise Arab states.",
        "Press reports suggest that Qwest and MCI may reach an agreement.",
        "EMI shares hit by profit warning",
        "Fletcher graduated from the University of East Anglia's creative writing course.",
        "Overall, asking prices have fallen 3.3% from their July peaks.",
        # doing, not saying
        "Brent crude rose in London trading, adding $1.89 to $48.62 at the close.",
        "Williams has agreed a contract until the end of the season.",
        "Marsh posted a $676m loss for the last three months of 2004.",
        "Ericsson has posted a rise in fourth quarter profits.",
        # a place opening the sentence is not its subject
        "In Sri Lanka, some economists have said that 1% of growth may be lost.",
        # a participle's object before the verb is not its subject
        "In a court filing, prosecutors working for Mr. Mueller described how Cohen lied.",
        # a subject in a clause of time; an inverted attribution's subject after it
        "His broadside came as ex-Foreign Secretary Robin Cook said he hoped for more.",
        "Thousands of bodies are ill-prepared for the Freedom of Information Act, say MPs.",
        "One insider who had direct contact with Steele told the Post that he would run.",
        "Safety alert as GM recalls cars",
        # a company's accounts and a posted photo are no claims; a participle after
        # "while" is in a clause of time
        "American Airlines' parent AMR reported a loss of $387m for the fourth quarter.",
        "Last week, Sarah Palin posted a photo of her visit on her Facebook page.",
        "Trump drew criticism for moderating a debate while openly saying he might run.",
        # a relative clause's speaker when someone else speaks after it
        "The bill that critics said would hurt business was passed, a spokesman said.",
        # figures from no named body, or from a place or a month; data as an object
        "Hackers steal key data from users of the Korvala bank.",
        "A study by US researchers found a rise in downloads.",
        "Figures from January showed a 3% rise in sales.",
        "Figures from the company showed a 3% rise in sales.",
        # a hyphen makes a word of its own
        "So-called phishing attacks have boomed this year.",
        # people around someone speak for themselves
        "Aides to Mr. Okafor declined to say whether he would stand again.",
        "Critics of President Lindqvist said the plan was flawed.",
        # what a side or a player wins or scores in a match
        "Spain claimed victory in the relay after a late surge.",
        "Moreau claims Rotterdam crown",
        "Valdes claimed her second national title in Madrid.",
        "Rooney added a second with a low shot in injury-time.",
        "Price added the conversion from the touchline.",
        # a verb of speech joined by "and" to what follows, nothing said in between
        "Okafor responded and a burst of speed clinched victory.",
        "The plan holds none of the money that Mr. Okafor had demanded and was the same.",
        # an owner is not the subject
        "But he rejected the Tories' call for a quota, saying no figure could work.",
        # questions asked or answered: an exchange, no claim
        "In the session, Mr Okafor answered questions posed via the party's website.",
        "Ms. Lindqvist scolded the journalists for asking questions at the photo call.",
        "The Treasury Department answered some of those questions on Thursday.",
    ],
)
def test_no_sentence_speaker(sentence: str) -> None:
    assert find_speaker(sentence) is None


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # where the figures come from
        (
            "Figures from the Office for National Statistics showed that unemployment fell.",
            "Office for National Statistics",
        ),
        ("A recent survey by Gallup found that 40% of voters approved.", "Gallup"),
        # a place's body named after its description: the body, not the place (was no
        # one before the described-source rule; "the UK" is still never the source)
        ("Recent figures from the UK's regulator Ofcom showed a rise in viewers.", "Ofcom"),
        ("Early estimates from the World Bank put the cost at about $5bn.", "World Bank"),
        (
            "Prices fell 0.7%, according to figures from the Valmora Land Registry.",
            "Valmora Land Registry",
        ),
        ("The Bank cut rates after figures from the ONS showed a slowdown.", None),
        # claims and additions that are speech
        ("Moreau claimed the win was unfair to the other riders.", "Moreau"),
        ("Price added another warning about the club's debts.", "Price"),
        ("Halvorsen added a second point: the fund had run dry.", "Halvorsen"),
        # a name closing the sentence, after a pronoun or a role spoke inside it
        ("Franz Ferdinand had a question they asked every time, Kapranos said.", "Kapranos"),
        (
            "Prosecutors said Jaynes was a snake oil salesman, news agency Associated Press "
            "reported.",
            "Associated Press",
        ),
        # the subject after a fronted clause holding the first verb
        (
            "When the government announced it had hit its target, Prime Minister Tony Blair "
            "said it was only the start.",
            "Tony Blair",
        ),
        # the main subject, before a verb whose attribution is an aside
        ("Cornyn, according to the source, told him the party is concerned.", "Cornyn"),
        # a clause joined on
        (
            "Democrats countered with $1.3 billion, while Trump said he would not sign it.",
            "Trump",
        ),
        ("In London, Smith said growth may be lost.", "Smith"),
        # an aside between dashes is not the sentence's
        (
            "Asked about Tlaib's language ― the congresswoman vowed to impeach him ― Pelosi "
            "said it was a free speech issue.",
            "Pelosi",
        ),
        # a dateline's dash opens no aside
        ("DES MOINES – Hillary Clinton on Sunday urged Obama to listen.", "Hillary Clinton"),
        # the speech uses of the same words
        ("Politico also reports that Coleman could enter the race.", "Politico"),
        ("England will protest, reports the Daily Mail.", "Daily Mail"),
        ("IBM was granted 3,248 patents in 2004, the New York Times reports.", "New York Times"),
        ("Smith wrote in the Guardian that the deal was off.", "Smith"),
        ("Deco agreed that it was not typical of his fellow Portuguese.", "Deco"),
        (
            "Richard Eyre issued a warning that the show was unsuitable for children.",
            "Richard Eyre",
        ),
        # a subject in a clause of time or comparison speaks for no sentence
        ("But as Trump continues to describe the probe as a witch hunt, aides worry.", None),
        ("Oil prices fell after producers' cartel Opec said it would not cut output.", None),
        ("Mandic continued in the Sydney Morning Herald: he is struggling.", "Mandic"),
        ("He continued the theme by asserting that Smith was wrong.", None),
        # "according to" a body's whole name, or the person after the body and a role
        (
            "Growth was strong, according to the Office for National Statistics.",
            "Office for National Statistics",
        ),
        ("Growth was 2%, according to the Bank of Mexico's figures.", "Bank of Mexico"),
        (
            "Growth was strong, according to Bank of England deputy governor Rachel Lomax.",
            "Rachel Lomax",
        ),
        ("Prices rose, according to Andreas Adriano of Latin Trade Magazine.", "Andreas Adriano"),
        # "as" giving the source; "as" a preposition; a comma then a clause, not a subject
        (
            "As the Huffington Post reported on Thursday, historians have approached him.",
            "Huffington Post",
        ),
        # a relative clause alone: the main clause tells what someone is (statement sets
        # 1-3, 7, 11 and 12 label such sentences NONE; tests/test_speaker_classes.py)
        ("Mr Campbell is an adviser for Labour, which denies engaging in campaigning.", None),
        (
            "But Kevin Hogan, senior manager at Symantec, said such warnings were premature.",
            "Kevin Hogan",
        ),
        ("Brendan Buck, spokesman for the Speaker, said just that.", "Brendan Buck"),
        ("The LSE, which saw its shares rise, said the bid undervalued the business.", "LSE"),
        ('"We will bid," the letter from Qwest said.', "Qwest"),
        ("This latest ad ends with Perry claiming that faith made America strong.", "Perry"),
        ("Senate Majority Leader Mitch McConnell, R-Ky., asked on Tuesday.", "Mitch McConnell"),
        ("HuffPost reported in November 2012 Christie turned down an invitation.", "HuffPost"),
        ("Web portal Lycos Europe reported a 500% increase in phishing e-mails.", "Lycos Europe"),
        # a commissioner's title is no part of the name
        (
            "Monetary Affairs Commissioner Joaquin Almunia said it was a matter for next week.",
            "Joaquin Almunia",
        ),
        # the next verb says it
        ("Ms. Lindqvist smiled and said the vote was close.", "Lindqvist"),
        # what is asked is said
        ("Mr Okafor asked whether the questions had been vetted.", "Okafor"),
        # a relative clause's speaker when no one else speaks
        ("Units would be scrapped under plans which the Tories say would save £4.3bn.", "Tories"),
    ],
)
def test_sentence_speaker(sentence: str, speaker: str | None) -> None:
    assert find_speaker(sentence) == speaker


def test_a_headline_speaks_in_the_present_its_past_forms_are_passive() -> None:
    assert find_speaker("Act on detention ruling, UK urged", headline=True) is None
    assert find_speaker("Blair urges action on detention ruling", headline=True) == "Blair"
    # the same words in a sentence of the body are active
    assert find_speaker("Act on detention ruling, UK urged.") == "UK"


def test_a_pronoun_that_speaks_first_is_resolved_in_the_article_not_the_name_it_reports() -> None:
    text = (
        "Book row\n\nCharles Clarke defended the bill on Monday. He also said Lord Goldsmith "
        "warned Tony Blair that the war could be illegal."
    )
    last = analyse(text, text.index("Charles"))[-1]
    assert last.text.startswith("He also said")
    assert last.speaker == "Charles Clarke"


def test_a_plural_common_noun_opening_a_sentence_is_no_name() -> None:
    """ "Producers say …" speaks for no one named, unless the article writes the word
    with its capital inside a sentence too, as it does a party or an outlet."""

    def last_speaker(text: str) -> str | None:
        return analyse(text, text.index("\n\n") + 2)[-1].speaker

    assert last_speaker("Bond row\n\nProducers say no decision has been made on the role.") is None
    assert (
        last_speaker(
            "Bond row\n\nThe film was made by Producers United. Producers say no decision."
        )
        == "Producers"
    )
    party = "Vote row\n\nDemocrats pushed back hard, saying the vote was rigged."
    assert last_speaker(party) == "Democrats"
    # one word in the singular: only when the article writes it in lower case too
    rumour = "Bid row\n\nThe speculation grew. Speculation suggests that Euronext will bid."
    assert last_speaker(rumour) is None
    capital = "Arms row\n\nWashington argues that lifting the embargo could lead to a buying spree."
    assert last_speaker(capital) == "Washington"


def test_he_as_the_subject_of_more_verbs_of_saying_is_resolved() -> None:
    """ "He confirmed …", "…, he argued." name the person "he" stands for; "he" inside a
    clause ("The recovery he promised …", "If he believes …") speaks for no sentence."""
    text = (
        "Budget row\n\nChancellor Gordon Brown spoke in London on Monday. He confirmed that "
        "borrowing would rise. Growth would pick up next year, he argued. The recovery he "
        "promised has not come. If he believes that, he is alone."
    )
    got = {st.text.split()[0]: st.speaker for st in analyse(text, text.index("Chancellor"))}
    assert got["He"] == "Gordon Brown"
    assert got["Growth"] == "Gordon Brown"
    assert got["The"] is None
    assert got["If"] is None


def test_an_article_names_where_its_figures_come_from() -> None:
    """A sentence with no verb of saying still has its source when its figures come
    from a named body ("Figures from the Council of Mortgage Lenders showed …")."""
    text = (
        "Mortgage lending slows\n\nFigures from the Council of Mortgage Lenders showed "
        "lending fell to £25bn in November. Lending had risen all year."
    )
    got = [st.speaker for st in analyse(text, text.index("Figures")) if st.kind != "headline"]
    assert got == ["Council of Mortgage Lenders", None]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The Fen and Marsh Drainage Board said the pumps failed.", "Fen and Marsh Drainage Board"),
        ("The Ports and Harbours Executive said it would act.", "Ports and Harbours Executive"),
        ("Okafor Iron and Steel Co. said it would delay the sale.", "Okafor Iron and Steel Co"),
        (
            "A spokesman for the Department for Roads, Rail and Canals said there were no plans.",
            "Department for Roads, Rail and Canals",
        ),
        (
            "An aide to the Tory-led Fish and Game Committee said the vote was close.",
            "Fish and Game Committee",
        ),
        # Bodies joined by "and" that end another name: left as they were (people
        # joined so speak together: test_people_joined_by_and_speak_together).
        ("Lena Okafor and Tom Hale said they would appeal.", "Lena Okafor and Tom Hale"),
        ("The Bank of Elso and Corvel Trust Bank said they would merge.", "Corvel Trust Bank"),
        ("Cable & Wireless and Elso Telecom Group said they would invest.", "Elso Telecom Group"),
    ],
)
def test_an_organisation_named_with_and_speaks_by_its_whole_name(
    sentence: str, speaker: str
) -> None:
    text = f"Headline\n\n{sentence}"
    assert analyse(text, len("Headline\n\n"))[1].speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Senators John Smith and Mary Jones said in a statement that they would vote no.",
            "John Smith and Mary Jones",
        ),
        (
            "Ms. Pelosi and Mr. Schumer said $1.3 billion was their highest bid.",
            "Pelosi and Schumer",
        ),
        (
            "U.S. Reps. John Lewis, Andre Carson and Emanuel Cleaver said some protesters yelled.",
            "John Lewis, Andre Carson and Emanuel Cleaver",
        ),
        (
            "Even so, as Tony Blair and Ruth Kelly have suggested, the exams will stay.",
            "Tony Blair and Ruth Kelly",
        ),
        # Not people together: a list inside an object, a place, a complement, those
        # named in what is reported.
        (
            "A spokesman for the Department for Roads, Rail and Canals said there were no plans.",
            "Department for Roads, Rail and Canals",
        ),
        ("Attorneys general in Utah and New Mexico said they had no plans to sue.", "New Mexico"),
        ("His name is Tote King and Manuel Millan says that he leads.", "Manuel Millan"),
        ("Smith said he and Jones agreed that it was fair.", "Smith"),
    ],
)
def test_people_joined_by_and_speak_together(sentence: str, speaker: str) -> None:
    """Two or more people joined by "and" as the subject are one speaker naming each of
    them (not the last alone, as if only they had said it)."""
    text = f"Headline\n\n{sentence}"
    assert analyse(text, len("Headline\n\n"))[1].speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Texas and Ohio said the rules were unfair.", "Texas and Ohio"),
        ("France and Germany have called for talks.", "France and Germany"),
        # a clause on "something" or "what", no "that": the pair is its subject
        ("It is something Kansas and Missouri says the law forbids.", "Kansas and Missouri"),
        ("That is what Smith and Jones said the plan would do.", "Smith and Jones"),
        # a person and a place do not speak together
        ("Smith and Texas said the rules were unfair.", "Texas"),
        # as before: places after a preposition are no subject
        ("Attorneys general in Utah and New Mexico said they had no plans to sue.", "New Mexico"),
    ],
)
def test_places_joined_by_and_speak_together(sentence: str, speaker: str) -> None:
    """Places joined by "and" as the subject (countries, US states) are one speaker
    naming each, as people are ("France and Germany said" was "Germany"; "something
    Oklahoma and Nebraska says" was "Nebraska")."""
    text = f"Headline\n\n{sentence}"
    assert analyse(text, len("Headline\n\n"))[1].speaker == speaker


def test_places_speaking_together_are_found_under_each_but_are_no_people() -> None:
    """A pair of places is keyed under each place (found by either, as people
    together are), and known as places: no person a pronoun may stand for, and never
    read as a person paired with a place."""
    assert speaker_key("Oklahoma and Nebraska") == "&oklahoma&nebraska"
    assert speaker_key("France and Germany") == "&france&germany"
    assert joint_names("Oklahoma and Nebraska") == ["Oklahoma", "Nebraska"]
    assert places_together("Oklahoma and Nebraska") and places_together("France and Germany")
    assert not places_together("Smith and Jones") and not places_together("Texas")
    assert joint_names("Smith and Texas") is None
    assert speaker_key("Smith and Jones") == "&smith&jones"
