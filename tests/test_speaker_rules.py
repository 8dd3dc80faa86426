"""Speaker rules for precision (issue 13, third pass): who a pronoun goes on speaking
for, what a preposition's object or the end of an apposition is, and when to give no
speaker rather than a wrong one. Every text is written for the test."""

from __future__ import annotations

import pytest

from db.quotes import extract_quotes, find_speaker
from db.speakers import Attribution, first_attribution
from db.statements import analyse


def speakers(text: str) -> list[tuple[str, str | None]]:
    """(quote, speaker) of each quote, offsets checked."""
    out = []
    for q in extract_quotes(text):
        assert text[q.start : q.end] == q.text
        out.append((q.text, q.speaker))
    return out


def article_speakers(text: str) -> list[str | None]:
    """The speaker of each quotation as the whole article's reading resolves it (roles,
    pronouns and surnames to the people the article names)."""
    return [q.speaker for st in analyse(text, 0) for q in st.quotes]


def body_statements(sentence: str) -> list:
    """The statements of an article of a headline and ``sentence`` as its body."""
    text = f"Headline\n\n{sentence}"
    return analyse(text, len("Headline\n\n"))


def _said_with_its_quotes(sentence: str, speaker: str | None) -> None:
    """The body statement of ``sentence`` is said by ``speaker``, and so is each of its
    quotes."""
    st = body_statements(sentence)[1]
    assert st.speaker == speaker
    assert all(q.speaker == speaker for q in st.quotes)


def test_a_counting_word_before_a_party_is_no_name_and_initials_end_no_sentence() -> None:
    text = (
        "Representative Paul K. Hanley of Ohio, the senior Democrat on the panel, spoke "
        'first. "We were misled," he said.\n\n'
        "One Democrat, Representative Carl F. Dunn of Maine, went further. "
        '"This is a cover-up," he said.'
    )
    assert speakers(text) == [
        ("We were misled", "Paul K. Hanley"),
        ("This is a cover-up", "Carl F. Dunn"),
    ]


def test_a_sentence_ending_in_a_single_letter_still_ends() -> None:
    text = (
        "He worked for years with director Lionel Hart on a film about Malcolm X. "
        "Rosa Grant, the daughter of a friend, recalled the premiere. "
        '"It was a warm night," she said.'
    )
    assert speakers(text) == [("It was a warm night", "Rosa Grant")]


def test_the_people_in_what_a_trailing_pronoun_reports_are_not_its_speaker() -> None:
    text = (
        "The minister's loyalty is not in doubt, Peter Vance, the party's campaign chief, "
        'told reporters. Mr Hart has "the same energy as ever", he said.'
    )
    assert speakers(text) == [("the same energy as ever", "Peter Vance")]


def test_a_quotation_set_off_by_a_comma_keeps_the_sentences_subject() -> None:
    text = (
        "Judge Helen Marsh wrote the ruling. Sen. Ada Price blasted it on Tuesday, "
        '"So much for restraint," she said.'
    )
    assert speakers(text) == [("So much for restraint", "Ada Price")]


def test_the_last_person_quoted_goes_on_speaking_and_a_surname_can_modify_a_noun() -> None:
    text = (
        "Senate candidate Roy Barton denies the claims.\n\n"
        '"These claims are false," Barton campaign chairman Owen Reid said. '
        '"We will fight them.\n\n'
        '"This is a smear," he said.'
    )
    assert speakers(text) == [
        ("These claims are false", "Owen Reid"),
        ("We will fight them.", "Owen Reid"),
        ("This is a smear", "Owen Reid"),
    ]


def test_a_pronoun_goes_on_past_a_possessive_but_not_past_another_person() -> None:
    text = (
        '"We won," said Tom Ruiz. He praised Mr Webb\'s tactics. "It was planned," he said.'
        "\n\n"
        "Dan Kemp, the assistant coach, spoke to the team. "
        '"They were superb," he said.'
    )
    assert speakers(text) == [
        ("We won", "Tom Ruiz"),
        ("It was planned", "Tom Ruiz"),
        ("They were superb", "Dan Kemp"),
    ]


def test_a_one_word_subject_with_a_relative_clause_leaves_the_pronoun_unresolved() -> None:
    # "Hartley, who joined in May": a person or a club; either way not the coach.
    text = (
        'Coach Mark Bell was calm. "Nothing is settled," said Bell.\n\n'
        'Hartley, who joined in May, was less sure. "We will see," he said.'
    )
    assert speakers(text) == [("Nothing is settled", "Mark Bell"), ("We will see", None)]
    for q in extract_quotes(text)[1:]:
        assert q.speaker_kind == "unresolved"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A place or a body after a preposition is not the speaker.
        ('A prisoner in Belmarsh Prison said: "I want a trial."', None),
        ('Experts from the Fiscal Institute to the Bank of England warned of "a slowdown".', None),
        # The person named right before the preposition is.
        ('Dr Jane Hill from Leeds University said: "The data are clear."', "Jane Hill"),
        # A document or a spokesperson speaks for the body it comes from.
        ('"We will bid again," the letter from Acme Holdings said.', "Acme Holdings"),
        ('"It is welcome," a spokeswoman from Ofcom told reporters.', "Ofcom"),
    ],
)
def test_a_prepositions_object_before_the_verb(text: str, speaker: str | None) -> None:
    assert [s for _q, s in speakers(text)] == [speaker]


def test_an_apposition_ending_in_an_organisation_belongs_to_the_person() -> None:
    text = (
        "Anna Berg, director of the small charity the Lowell Research Institute said "
        'the plan was "a false economy".'
    )
    assert speakers(text) == [("a false economy", "Anna Berg")]


def test_a_subject_after_until_is_no_attribution() -> None:
    text = 'Cheers of "Go on, Sam!" rang out, until the chairman acknowledged them.'
    assert speakers(text) == [("Go on, Sam!", None)]


def test_a_preposition_before_a_title_and_name_is_seen() -> None:
    text = (
        "Henry Pike, the former director, testified on Monday. "
        "During questioning by Senator Ray Doyle, a Texas Republican, Mr Pike gave his "
        'reasons. "I had a meeting there," he said.'
    )
    assert speakers(text) == [("I had a meeting there", "Henry Pike")]


def test_a_surname_two_people_share_is_not_expanded() -> None:
    text = (
        "Ivy Marsh opened the show with her uncle, the writer Frank Marsh. "
        '"We are proud of it," said Mr Marsh.'
    )
    assert speakers(text) == [("We are proud of it", "Marsh")]


# ------------------------------------------------ issue 13, fourth pass (set 3's errors)


def test_a_paragraph_that_lost_its_subject_stops_the_pronoun() -> None:
    # The file lost the paragraph's first words (its subject): "he" has no one to stand
    # for, so it stays unresolved rather than reaching back to an earlier paragraph.
    text = (
        "Coach Dan Moss watched the draw with his players.\n\n"
        "was pleased with the draw, although he admitted there was work to do. "
        '"We have a hard game first," he said.\n\n'
        'welcomed the chance to play them. "We are not counting on it," he said.'
    )
    got = extract_quotes(text)
    assert [(q.text, q.speaker, q.speaker_kind) for q in got] == [
        ("We have a hard game first", None, "unresolved"),
        ("We are not counting on it", None, "unresolved"),
    ]


def test_a_paragraph_opening_with_a_name_in_lower_case_is_not_damage() -> None:
    text = (
        "Coach Dan Moss watched the draw with his players.\n\n"
        'iTunes was not mentioned. "We have a hard game first," he said.'
    )
    assert speakers(text) == [("We have a hard game first", "Dan Moss")]


def test_a_club_is_no_person() -> None:
    text = (
        "Sheffield United drew at home on Saturday.\n\n"
        'United were poor in the second half. "We were not good enough," he said.'
    )
    got = extract_quotes(text)
    assert [(q.speaker, q.speaker_kind) for q in got] == [(None, "unresolved")]
    text = '"We are ready," Leeds United said in a statement.'
    assert extract_quotes(text)[0].speaker_key == "leeds united"


def test_a_common_noun_speaker_goes_on_with_the_next_pronoun() -> None:
    text = (
        "Former striker Ion Radu is to hold talks with the club.\n\n"
        '"Radu will watch the match from the stand," said a club official. '
        '"Then he will meet the board," he added.'
    )
    assert speakers(text) == [
        ("Radu will watch the match from the stand", "a club official"),
        ("Then he will meet the board", "a club official"),
    ]
    # Not past another person named since, nor across a gender the noun has.
    text = (
        '"The deal is close," said a club spokeswoman. Manager Ian Cole was silent. '
        '"We will see," he added.'
    )
    assert speakers(text)[1] == ("We will see", "Ian Cole")


def test_a_quotation_with_an_attribution_of_its_own_takes_no_earlier_speaker() -> None:
    # '"…," X.' (the verb lost): its own attribution, not understood; nor may a quote
    # paragraph after a closed one take the last speaker when a verb of its own follows.
    text = (
        "Rates may rise again next month, economists said. "
        '"Growth is slowing, but not fast," Harlow Bank\'s Ortiz. '
        '"I think the bank will wait."'
    )
    assert [s for _q, s in speakers(text)] == [None, None]
    text = (
        '"It was a long day," Ada Lin said.\n\n'
        '"We had no warning," Rev. Tom Pace of St Mary\'s Church, told reporters.'
    )
    assert speakers(text)[1][1] != "Ada Lin"


def test_a_group_reporting_speech_does_not_speak_a_quotation_after_it() -> None:
    text = (
        'Analysts said the figures were weak. "I expect a cut in March."\n\n'
        'Dr Ann Cole said the figures were weak. "I expect a cut in March."'
    )
    assert [s for _q, s in speakers(text)] == [None, "Ann Cole"]


def test_a_role_before_a_name_makes_a_person() -> None:
    # "Talk-show host Eve Marlowe" is someone, so "she" stops there, not at the woman
    # quoted before her.
    text = (
        '"It is a disgrace," Dana Whit, an attorney with the Wildlife Fund, said.\n\n'
        "Talk-show host Eve Marlowe launched a campaign online. "
        'By lifting the ban, she said, the agency was "inviting slaughter."'
    )
    assert speakers(text) == [
        ("It is a disgrace", "Dana Whit"),
        ("inviting slaughter.", "Eve Marlowe"),
    ]


def test_a_quoted_word_said_to_be_a_word_is_a_term() -> None:
    text = (
        '"Fury" is a word that does not appear in the profile, though author Ann Lowe '
        'criticises what she calls the "reckless" tone of the campaign.'
    )
    got = extract_quotes(text)
    assert [(q.text, q.speaker, q.speaker_kind) for q in got] == [
        ("Fury", None, "term"),
        ("reckless", "Ann Lowe", "pronoun"),
    ]


def test_a_definite_role_goes_on_with_the_last_person_quoted() -> None:
    text = (
        '"I am not ashamed of my faith," says Perrin. "Nor should you be."\n\n'
        '"As governor, I will fight for it," the Ohio governor continues.'
    )
    assert [s for _q, s in speakers(text)] == ["Perrin", "Perrin", "Perrin"]


def test_a_pronoun_and_a_verb_off_the_list_after_a_quotation_attribute_it() -> None:
    text = (
        'Tom Reyes spoke for an hour. "It is still early," he posited, "but it is late."\n\n'
        '"We lost." He walked off the stage.'
    )
    got = extract_quotes(text)
    assert [(q.text, q.speaker, q.speaker_kind) for q in got][:2] == [
        ("It is still early", "Tom Reyes", "pronoun"),
        ("but it is late.", "Tom Reyes", "pronoun"),
    ]
    assert text[got[0].speaker_start : got[0].speaker_end] == "he"
    # A quotation that ends its sentence is not attributed by the next one's subject.
    assert got[2].speaker_start is None or text[got[2].speaker_start] != "H"


def test_a_run_on_quotation_keeps_the_common_noun_its_pronoun_found() -> None:
    text = (
        "A spokesman for the Casino Trade Body said the plan was unfair. "
        '"The industry is respected," he said. "We have the lowest rate of problem gambling."'
    )
    assert [s for _q, s in speakers(text)] == ["A spokesman", "A spokesman"]


def test_an_age_stands_for_the_person_named_before() -> None:
    text = (
        '"The threats have changed," Rubin said.\n\n'
        '"It takes years to build the capabilities we need," the 43-year-old said.'
    )
    assert [s for _q, s in speakers(text)] == ["Rubin", "Rubin"]


def test_a_pronoun_reporting_a_sentence_passes_its_people_over() -> None:
    # "…, he told activists": Mr Lane is what is reported, not who "he" is.
    text = (
        "Mr Brand spoke in Leeds. He said the plans would fail.\n\n"
        "The cuts proposed by shadow minister Oliver Lane were reckless, he told "
        'activists. Later he said: "Never again."'
    )
    assert speakers(text) == [("Never again.", "Brand")]


def test_a_person_behind_a_preposition_is_no_antecedent() -> None:
    text = (
        "Joanne Parry will miss the race in January.\n\n"
        "The 31-year-old was third behind Hayley Yelling in the trial but she prefers the "
        'track. "I must rest," she said.'
    )
    assert speakers(text) == [("I must rest", "Joanne Parry")]


def test_a_role_opening_a_sentence_takes_the_name_written_with_it() -> None:
    text = (
        "The magazine's music editor Mark Rowe said the list was open. "
        '"Everyone has an opinion," he added.\n\n'
        "The show's director is Anna Kell, known for her work in Leeds. "
        '"It will be a hybrid," she said.'
    )
    assert speakers(text) == [
        ("Everyone has an opinion", "Mark Rowe"),
        ("It will be a hybrid", "Anna Kell"),
    ]


def test_a_description_no_one_is_found_for_stops_the_pronoun() -> None:
    # "The former minister" is someone named earlier, but not found: "he" stays
    # unresolved rather than taking the description or the person before it.
    text = (
        '"This is a square like no other," said Tom Banks, who plays five roles. '
        "The film is based on a book about a boy. The film opened in May. "
        'The former minister crossed a bridge, which he said was "almost impossible".'
    )
    got = extract_quotes(text)
    assert [(q.speaker, q.speaker_kind) for q in got] == [
        ("Tom Banks", "named"),
        (None, "unresolved"),
    ]


def test_common_first_names_give_a_gender() -> None:
    text = (
        "Earlier Tony Blair defended the plans against his backbenchers.\n\n"
        '"My view is very clear," he told MPs.'
    )
    assert speakers(text) == [("My view is very clear", "Tony Blair")]


def test_an_age_opening_a_sentence_stands_for_the_person_last_named() -> None:
    text = (
        '"This is a square like no other," said Tom Banks, who plays five roles. '
        "The film is based on a book about a boy. The film opened in May. "
        'The 48-year-old actor crossed a bridge, which he said was "almost impossible".'
    )
    assert [s for _q, s in speakers(text)] == ["Tom Banks", "Tom Banks"]


def test_a_surname_that_is_a_title_word_is_a_name() -> None:
    text = 'Ms King has represented the seat since 1997. She said: "I will win it again."'
    assert speakers(text) == [("I will win it again.", "King")]
    text = (
        "Paul King, a consultant at Cisco, spoke first. Others agreed.\n\n"
        '"It is a scandal," he said.'
    )
    assert speakers(text) == [("It is a scandal", "Paul King")]


def test_the_person_reporting_a_sentence_at_its_end_is_its_antecedent() -> None:
    text = (
        "Ann Grey has had the chance to fix the roads and has failed, Tom Hale has said.\n\n"
        '"The county is heading the wrong way", the Liberal leader said in his message.'
    )
    assert speakers(text) == [("The county is heading the wrong way", "Tom Hale")]


def test_an_age_no_one_is_found_for_is_unresolved_and_an_owner_is_no_antecedent() -> None:
    text = (
        "The striker believed he was talking to sporting director Emil Brago. "
        '"I wish I was playing there," the 21-year-old told a radio station.'
    )
    got = extract_quotes(text)
    assert [(q.speaker, q.speaker_kind) for q in got] == [(None, "unresolved")]
    # An owner is no antecedent: "Blair's spokesman" speaks, not Blair.
    text = (
        "On Monday, Tony Blair's official spokesman declined to comment. "
        'He said: "There is a process going on."'
    )
    assert speakers(text) == [("There is a process going on.", None)]


def test_a_title_after_lord_is_no_name() -> None:
    text = (
        "The Lord Chancellor, Lord Falconer, agreed the act was unfair. "
        'The changes were "complex and controversial", he said.'
    )
    assert speakers(text) == [("complex and controversial", "Falconer")]


# --------------------------------------------------------------- session 6 (set 5 drawn)


def test_a_name_apposed_after_a_common_noun_is_the_speaker() -> None:
    assert speakers('"We will appeal," said a company spokeswoman, Maria Lopez.') == [
        ("We will appeal", "Maria Lopez")
    ]
    text = '"It was a mistake," said a spokesman for the transport ministry, Karl Brenner.'
    assert speakers(text) == [("It was a mistake", "Karl Brenner")]
    # A title or a role before the name is dropped.
    text = '"It is sad," said the chairwoman of the county housing panel, Labour MP Ruth Ames.'
    assert speakers(text) == [("It is sad", "Ruth Ames")]
    # Not a relative clause, a day or an organisation; of two people, the first (a
    # reader wants a name: the role alone tells less).
    assert speakers('"It is closed," said a spokesman, who asked not to be named.') == [
        ("It is closed", "a spokesman")
    ]
    assert speakers('"No," said the officials, Tom Briggs and Ann Lee.') == [
        ("No", "Tom Briggs and Ann Lee")
    ]
    assert speakers('"Yes," said a spokesman, Harbour Transport Authority.') == [
        ("Yes", "a spokesman")
    ]


def test_an_organisation_ending_a_role_in_a_long_apposition_is_no_speaker() -> None:
    text = (
        "Senator Ann Lowe, Democrat of Oregon, a founder of the progressive Budget Reform "
        'Caucus, asked whether the vote should wait, said, "That is for the leadership."'
    )
    assert speakers(text) == [("That is for the leadership.", "Ann Lowe")]
    # A person's own place, and a group's members, are read as before.
    text = (
        "It won the backing of Sheriff Dale Hoyt of Pima County, Ariz., who proudly "
        'calls himself the "toughest sheriff" in the state.'
    )
    assert speakers(text) == [("toughest sheriff", "Dale Hoyt")]
    text = (
        "Some senators called the plan \u201cbold,\u201d but Sen. Mary Cole, D-Ore., said it "
        "was a \u201cblunder\u201d to back it."
    )
    assert speakers(text)[1] == ("blunder", "Mary Cole")


def test_a_work_named_with_called_or_titled_is_no_quotation() -> None:
    text = 'Mr Hale tweeted a link to a video called "Behind the curtain with Ann Lee".'
    assert speakers(text) == []
    assert speakers('His book, titled "a life in pieces", is out.') == []
    assert speakers('A group called "Parents for Play" said it would protest.') == []
    # Someone calling a thing something is still their words.
    assert speakers('Mr Hale called the decision "a disgrace".') == [("a disgrace", "Hale")]


def test_a_question_put_to_someone_is_the_askers_not_the_answerers() -> None:
    text = (
        "Asked by one of the senator's aides, \u201cIs this the final text,\u201d Mr. Hale "
        "replied with one word: \u201cYes.\u201d"
    )
    assert speakers(text) == [
        ("Is this the final text", "one of the senator's aides"),
        ("Yes.", "Hale"),
    ]
    text = 'Tom Briggs was at the hearing. When asked, "Why now?" Ann Lee said: "It is time."'
    assert speakers(text) == [("Why now?", None), ("It is time.", "Ann Lee")]
    # An answer after "asked if", and a question someone asks, are as before.
    text = 'Asked if he would run, "I do not know," Mr Hale said.'
    assert speakers(text) == [("I do not know", "Hale")]
    assert speakers('Ann Lee looked up. "Why now?" she asked.') == [("Why now?", "Ann Lee")]


def test_a_role_stands_for_the_person_named_with_it_or_before_it() -> None:
    # The role as written, not another with the same head ("the Leeds boss").
    text = (
        "Tom Briggs says the Leeds boss, Ian Cole, owes him an apology. Later Ray Dunn "
        'spoke to reporters. "I have nothing to add," the Hull boss said.'
    )
    assert speakers(text)[-1] == ("I have nothing to add", "Ray Dunn")
    # A sentence inside the quotation is not counted among those looked back over.
    text = (
        "Ann Lee is urging her party to stop arguing.\n\n"
        '"We have lost. Now we must listen," the prime minister said on Friday.'
    )
    assert speakers(text) == [("We have lost. Now we must listen", "Ann Lee")]
    # A role that stood for someone before goes on standing for them.
    text = (
        "The rebate is not negotiable, Tom Briggs said.\n\n"
        'The foreign secretary told MPs it was "fair". Mr Briggs met Ann Lee.\n\n'
        'But the foreign secretary told the committee: "It is not for sale."'
    )
    assert speakers(text)[-1] == ("It is not for sale.", "Tom Briggs")
    # The role introduced with a name in other words.
    text = (
        "Hull sporting director Ian Cole met the board. Mr Cole denied the reports.\n\n"
        '"That is nonsense," said the club\'s sporting director.'
    )
    assert speakers(text)[-1][0] == "That is nonsense"


def test_a_definite_role_no_one_is_found_for_gives_no_speaker() -> None:
    text = 'Prices fell in May, the bank said. "It is a pause," the economy minister said.'
    assert speakers(text)[-1] == ("It is a pause", None)
    # Usually unnamed roles, groups and a role the article speaks of as such stay.
    text = 'Prices fell in May. "It is a pause," the spokesman said.'
    assert speakers(text) == [("It is a pause", "the spokesman")]
    text = 'Prices fell in May. "We will do better," the Google team said.'
    assert speakers(text) == [("We will do better", "the Google team")]
    text = 'Tom Hale met the coach on Monday. "We are fine," the coach said.'
    assert speakers(text) == [("We are fine", "the coach")]


def test_a_new_clauses_subject_after_a_quotation_is_not_its_speaker() -> None:
    text = 'The Greens saw the plan as "desperate", while the Liberals said it was late.'
    assert speakers(text) == [("desperate", None)]


def test_a_counterpart_named_since_breaks_the_chain_of_he() -> None:
    text = (
        'Tom Hale was gloomy. "We lost," he said. But Hale\'s Dutch counterpart Piet '
        'Brandt was in no mood to celebrate either. He said: "I am far from happy."'
    )
    assert speakers(text) == [("We lost", "Tom Hale"), ("I am far from happy.", "Piet Brandt")]


def test_answered_is_a_verb_of_saying() -> None:
    assert speakers('"Not yet," Ann Lee answered.') == [("Not yet", "Ann Lee")]


def test_one_person_introduced_with_a_roles_head_is_who_it_stands_for() -> None:
    text = (
        "Spain coach Luis Ortega fears the trip.\n\n"
        'The Spaniards struggled on Saturday. "We will be nervous," said the Spanish coach.'
    )
    assert speakers(text) == [("We will be nervous", "Luis Ortega")]
    # Two people so introduced: only the one whose words match.
    text = (
        "Spain coach Luis Ortega and Wales coach Huw Price met.\n\n"
        'Both sides struggled. "We will be nervous," said the Spanish coach.'
    )
    assert speakers(text) == [("We will be nervous", None)]


def test_an_acronym_role_and_a_title_case_headline_are_read_as_written() -> None:
    text = (
        "Sheriff Dale Hoyt Backs Ann Lee For Governor\n\n"
        "Ann Lee won the backing of TV host Ray Dunn on Tuesday. The TV host said he was "
        'sure. "She will win," he said. "I am sure," Ms Lee said. "We are ready," said Lee.'
    )
    got = speakers(text)
    assert got[0] == ("She will win", "Ray Dunn")
    assert got[-1] == ("We are ready", "Ann Lee")


def test_a_one_word_name_after_a_role_is_a_person() -> None:
    text = (
        'Mr Sanz is hopeful. "He will come," Mr Sanz told the club website. Rovers '
        'manager Keane is no respecter of reputations. "He must earn it," he said.'
    )
    assert speakers(text)[-1] == ("He must earn it", "Keane")
    text = 'Tom Hale spoke first. His wife Sharon agreed. "He is tired," she said.'
    assert speakers(text)[-1] == ("He is tired", "Sharon")
    # Not after an adjective: "best actress Oscar" names no one.
    text = 'Ann Lee won her second best actress Oscar on Sunday. "I am thrilled," she said.'
    assert speakers(text) == [("I am thrilled", "Ann Lee")]


def test_an_owner_opening_a_sentence_is_its_topic_unless_it_owns_a_person() -> None:
    text = (
        "Senator Ray Dunn spoke on Monday. Mike Hale is a former pastor. Hale's faith "
        'has shaped his politics. He wrote in his memoir, "Faith came first," he wrote.'
    )
    assert speakers(text) == [("Faith came first", "Mike Hale")]
    text = (
        'Tom Hale was gloomy. "We lost," he said. Hale\'s Dutch counterpart was in no '
        'mood to celebrate either. He said: "I am far from happy."'
    )
    assert speakers(text)[-1] == ("I am far from happy.", None)


def test_a_pronoun_reporting_its_sentence_is_not_its_own_subject() -> None:
    text = (
        "Ann Lee has failed, Tom Hale has said. "
        '"Britain is lost," the Tory leader said. Ms Lee has failed to tackle these '
        'problems, he claimed, saying she has the "wrong answer" to them.'
    )
    assert speakers(text)[-1] == ("wrong answer", "Tom Hale")
    text = (
        "Tom Hale spoke on Monday. If voters stay at home, they could see Ray Dunn "
        '"coming in the back door", he added.'
    )
    assert speakers(text) == [("coming in the back door", "Tom Hale")]


def test_an_askers_name_may_hold_an_abbreviation() -> None:
    text = (
        "Asked by one of Ms. Lee's aides, \u201cIs this final,\u201d Mr. Hale said: "
        "\u201cYes.\u201d"
    )
    assert speakers(text)[0] == ("Is this final", "one of Ms. Lee's aides")


def test_a_role_first_written_as_a_subject_still_gives_no_speaker_when_unfound() -> None:
    text = (
        "Pointing to his past, the talk show host urged the party to change. "
        'All we have heard, the talk show host complained, is "we need a big tent".'
    )
    assert speakers(text) == [("we need a big tent", None)]


def test_a_reporting_pronoun_inside_a_relative_clause_keeps_the_subject() -> None:
    text = (
        "Tom Hale has no doubt it is the prime minister who, he claims, is "
        '"ramming" the law through.'
    )
    assert speakers(text) == [("ramming", "Tom Hale")]


def test_an_initial_after_the_verb_does_not_end_the_name() -> None:
    text = '"I think so," said Representative Carla B. Moody of Ohio.'
    assert speakers(text) == [("I think so", "Carla B. Moody")]


def test_a_nationality_or_a_sentence_adverb_alone_is_no_name() -> None:
    text = 'Ann Lee spoke. Reacting to a comment, the American said: "It is insulting."'
    # not "American": the description, for the person named before it
    assert speakers(text) == [("It is insulting.", "Ann Lee")]
    assert speakers('"I acted correctly," the 27-year-old Austrian said.') == [
        ("I acted correctly", None)
    ]
    text = 'Ultimately, there will be, says Mr Hale, no value in being "computer illiterate".'
    assert speakers(text) == [("computer illiterate", "Hale")]
    # A surname that is also a nationality is still a name.
    text = 'Oliver Irish edits the magazine. "It will sell out," Mr Irish said.'
    assert speakers(text) == [("It will sell out", "Oliver Irish")]


def test_a_name_right_after_a_role_after_the_verb_is_the_speaker() -> None:
    text = '"It stays," said the network\'s spokesman Ray Grant. "We are pleased," he added.'
    assert speakers(text) == [("It stays", "Ray Grant"), ("We are pleased", "Ray Grant")]
    assert speakers('"It stays," said the party chairman Tom Briggs on Monday.') == [
        ("It stays", "Tom Briggs")
    ]


def test_whom_an_attribution_addresses_does_not_break_the_speakers_chain() -> None:
    text = (
        'Ann Lee spoke on Friday. "I am not a censor," she told MSNBC\'s Joy Reed in an '
        'interview. "I do not like that language," the House speaker continued. "It is '
        'no worse than what he said," she said.'
    )
    assert [s for _q, s in speakers(text)] == ["Ann Lee", "Ann Lee", "Ann Lee"]


def test_a_capitalised_verb_before_a_colon_is_no_part_of_the_name() -> None:
    text = 'Tom Gibbs spoke first. Added Gibbs: "I think you would have to ask."'
    assert speakers(text) == [("I think you would have to ask.", "Tom Gibbs")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The count was a farce," said Ch. 4 host Jon Snow.', "Jon Snow"),
        ('"The count was a farce," said the Ch. 4 host, Jon Snow.', "Jon Snow"),
        ('"The count was a farce," according to Ch. 4 host Jon Snow.', "Jon Snow"),
        ('"We knew nothing of it," said No. 10 spokesman Max Blain.', "Max Blain"),
        ('"Read it twice," said Vol. 2 editor Anna Reid.', "Anna Reid"),
        ('"Read it twice," said Vol. 2.', None),
        ('"It binds us all," said Art. 5 expert Karl Brenner.', "Karl Brenner"),
        ('"It was cut," said Ep. 4 director Ana Ruiz.', "Ana Ruiz"),
    ],
)
def test_an_abbreviation_numbering_something_is_no_name(text: str, speaker: str | None) -> None:
    # "Ch. 4", "No. 10", "Vol. 2" name a channel, an address, a book: no one speaks.
    assert [s for _, s in speakers(text)] == [speaker]


def test_an_abbreviation_numbering_something_after_a_dash_is_no_name() -> None:
    assert speakers('"It was a farce." - Ch. 4 host Jon Snow') == [("It was a farce.", None)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"It is wrong," Ruth Okafor of the Lanter Institute said.', "Ruth Okafor"),
        ('Ruth Okafor of the Lanter Institute said: "It is wrong."', "Ruth Okafor"),
        ('Capt. Eli Marsh of the Kessel State Patrol said it was "calm".', "Eli Marsh"),
        # Without "the", as before: the person of a place, one organisation's name.
        ('Ruth Okafor of Maine said: "It is wrong."', "Ruth Okafor"),
        ('The Bank of Lantia said: "Rates will rise."', "Bank of Lantia"),
        # An organisation "of the …" or "for …" is read whole.
        ('The Department of the Treasury said: "Rates will rise."', "Department of the Treasury"),
        ('The Office for Fiscal Studies (OFS) said: "Rates rise."', "Office for Fiscal Studies"),
        ('"Rates will rise," said the Bank of Lantia.', "Bank of Lantia"),
        ('"Rates will rise," said the Kessel Chambers of Commerce.', "Kessel Chambers of Commerce"),
        (
            'The Lantian Institute of Economic and Social Research said: "Rates will rise."',
            "Lantian Institute of Economic and Social Research",
        ),
        # Two bodies joined by "and": the one nearest the verb, as before.
        (
            'The Council of Lantian Lenders and the Kessel Savers Association said: "No."',
            "Kessel Savers Association",
        ),
        # A title inside the run: the person ("… for Women President Ada Lowe").
        ('The Lantian League for Women President Ada Lowe said: "No."', "Ada Lowe"),
    ],
)
def test_a_person_of_the_organisation_speaks(text: str, speaker: str | None) -> None:
    assert [s for _, s in speakers(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We will win," Rep. Lena Ortiz (D-N.M.) said.', "Lena Ortiz"),
        ('"We will win," said Rep. Lena Ortiz (D-N.M.), who chairs the panel.', "Lena Ortiz"),
        ('Sen. Dale Harmon (R-Texas) told reporters: "We will win."', "Dale Harmon"),
        ('Gov. Ruth Keller (R) announced the veto: "It is wrong."', "Ruth Keller"),
        ('Sen. Omar Pike (I-Vt.) wrote: "No."', "Omar Pike"),
        ('Rep. Tia Vance (D-NY-14) tweeted: "No."', "Tia Vance"),
        ('Sen. Omar Pike (Ill.) wrote: "No."', "Omar Pike"),
        ('"No," said House Minority Whip Carl Dorsey (D-Md.).', "Carl Dorsey"),
        ('"No," state Senate President Pro Tem Ed Marsh (R) said.', "Ed Marsh"),
    ],
)
def test_a_lawmakers_party_and_state_in_brackets_keep_the_name_the_speaker(
    text: str, speaker: str
) -> None:
    """US outlets write "Rep. Max Rose (D-N.Y.) said": the bracket stood between the
    name and the verb, so the quotation had no speaker."""
    assert [s for _, s in speakers(text)] == [speaker]


def test_a_party_label_or_initials_give_reported_speech_its_speaker_too() -> None:
    assert find_speaker("Sen. Dale Harmon (R-Texas) said the bill would pass.") == "Dale Harmon"
    assert find_speaker("He cited World War (I) history, the report said.") is None
    assert find_speaker("The Lantian Energy Agency (LEA) said prices would rise.") == (
        "Lantian Energy Agency"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # A join read with nothing before it (this once raised IndexError, and the
        # article was rejected whole).
        "It also said that based on the engineers' estimates of Oct 31, 1986, no money may "
        "be left.",
        # "according to" with nothing after its article (once a ValueError).
        "Output fell, according to the",
    ],
)
def test_sentences_that_once_raised_give_no_speaker(sentence: str) -> None:
    assert find_speaker(sentence) is None


def statement_speakers(text: str) -> list[tuple[str, str | None]]:
    """(statement, speaker) of each sentence of an article without a headline."""
    return [(st.text, st.speaker) for st in analyse(text, 0) if st.kind == "sentence"]


def test_reported_speech_takes_the_person_its_pronoun_or_role_stands_for() -> None:
    text = (
        "Sen. Mara Quill met reporters on Tuesday. "
        "He said the deal would keep the government open.\n\n"
        "Gov. Ada Brent of Ohio spoke next. The governor said she would sign it.\n\n"
        "Officials said the vote would pass."
    )
    assert statement_speakers(text) == [
        ("Sen. Mara Quill met reporters on Tuesday.", None),
        ("He said the deal would keep the government open.", "Mara Quill"),
        ("Gov. Ada Brent of Ohio spoke next.", None),
        ("The governor said she would sign it.", "Ada Brent"),
        # A common noun as written is no name: no speaker.
        ("Officials said the vote would pass.", None),
    ]


def test_reported_speech_after_an_unnamed_speaker_goes_on_with_no_one() -> None:
    text = (
        "Lena Vos, who runs the fund, was not at the meeting. "
        "An Acme spokesman said the firm had no evidence of a bid. "
        "He also said the regulator had been in touch."
    )
    assert [s for _, s in statement_speakers(text)] == [None, None, None]


def test_only_verbs_that_report_speech_give_reported_speech_a_speaker() -> None:
    text = "Mr Ivo Dent, the firm's founder, left in May. He has pleaded guilty to fraud."
    assert [s for _, s in statement_speakers(text)] == [None, None]


def test_the_president_is_not_the_vice_president_and_the_governor_goes_on() -> None:
    text = (
        "President Ray Holt signed the bill on Monday. Vice President Dana Kell was there.\n\n"
        '"It is a good day," the president said.\n\n'
        "Gov. Ted Marsh of Arkan said he would act. Gov. Ellen Pike of Dorva acted last week. "
        '"We will fix it," Marsh said. As evidence, the governor said his own son had asked '
        "him to act."
    )
    assert [q.speaker for q in extract_quotes(text)] == ["Ray Holt", "Ted Marsh"]
    assert statement_speakers(text)[-1][1] == "Ted Marsh"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # After a comma, the verb's subject written after it speaks: a name listed in
        # what was said is no speaker.
        (
            "The threat was greatest where sales rose, in particular Lantia, Dorva and"
            " Kessel, said the report.",
            None,
        ),
        (
            "Many countries, such as Lantia or the Kessel Isles, buy no cover, said a report.",
            None,
        ),
        (
            "The sale has ruined Ostrana, once the owner of Kessel Oil, said founder Ivo Marsh.",
            "Ivo Marsh",
        ),
        ("Currently, a project can take three months, says Mr Dent.", "Dent"),
        # A name before the comma that says it still does.
        ("Lena Vos, the firm's chief, said the deal was off.", "Lena Vos"),
    ],
)
def test_the_subject_after_the_verb_speaks_for_what_came_before_the_comma(
    sentence: str, speaker: str | None
) -> None:
    assert find_speaker(sentence) == speaker


def test_a_country_named_alone_makes_no_person_of_the_words_before_it() -> None:
    """ "Britain" written alone in an article is no surname: "Saying Britain must change
    …" names no one, and "he" goes on with the party leader named before."""
    text = (
        "Opposition leader Tom Vale set out his plans on Monday. Britain is tired, he"
        " said.\n\n"
        "Saying Britain must change direction, Mr Vale argued that the state was too big."
        ' He promised to cut "red tape".'
    )
    assert speakers(text) == [("red tape", "Tom Vale")]


def test_an_ordinal_alone_names_no_one() -> None:
    """ "Third generation phones …": an ordinal opening a sentence is no speaker for a
    quotation that goes on from reported speech."""
    text = (
        "Analyst Lena Vos of Kestrel Research agreed. Shoppers need a compelling reason to"
        " upgrade, said Kestrel. Third generation phones (3G) with the ability to handle"
        " video could drive people to upgrade, but Ms Vos said it was difficult to say how"
        ' quickly that would happen. "At the end of the day, people have cameras on their'
        ' phones."'
    )
    assert [s for _, s in speakers(text)] == ["Lena Vos"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Mayor Lena Okafor on Thursday said, "The bridge will reopen in May."', "Lena Okafor"),
        ('Okafor late Tuesday told reporters, "The bridge will reopen in May."', "Okafor"),
        ('The Port Authority on Monday night said, "The bridge will reopen."', "Port Authority"),
        # After an object, the clause's subject speaks, a day between or not.
        ('Okafor sent a letter to the council on Friday saying "the bridge is safe".', "Okafor"),
    ],
)
def test_a_day_between_the_name_and_its_verb_is_skipped(text: str, speaker: str | None) -> None:
    assert speakers(text)[0][1] == speaker


def test_a_possessive_written_with_the_apostrophe_alone_owns_the_speaker() -> None:
    text = 'Reyes’ campaign told reporters: "The mayor must answer these charges."'
    assert speakers(text) == [("The mayor must answer these charges.", "Reyes’ campaign")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Mayor Lena Okafor hailed the council\'s "brave" vote.', "Lena Okafor"),
        ('Tom Vale, of the dockers\' union, spoke of "broken promises" at the port.', "Tom Vale"),
        ('Okafor criticised the plan as "reckless and unfunded".', "Okafor"),
        ('The Port Authority welcomed the "long overdue" repairs.', "Port Authority"),
        # The praised or blamed is no inverted subject; the passive names no speaker.
        ('Voters, by contrast, praised Okafor for her "plain talk".', "Voters"),
        ('Okafor criticised by port workers over "broken promises"', None),
        # Speaking to someone is no speech reported.
        ('Okafor spoke to reporters about the "long overdue" repairs.', None),
        ('Okafor blamed "years of neglect" for the cracked cables.', "Okafor"),
        ('Tom Vale thanked the crews for their "tireless work".', "Tom Vale"),
        ('"The bridge will reopen in May," commented Tom Vale, the harbour master.', "Tom Vale"),
        ('Okafor blamed for "years of neglect" by port workers', None),
    ],
)
def test_praise_and_blame_report_speech(text: str, speaker: str | None) -> None:
    assert speakers(text)[0][1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Striker Ion Radu scored twice on Sunday. "We deserved it," said the striker.',
            "Ion Radu",
        ),
        (
            'Sarah Okafor won her third title. "It was hard," the two-time champion said.',
            "Sarah Okafor",
        ),
        # An adjective before another noun is no role: "the star witness" is not "the star".
        ('The star witness, Tom Vale, said the books were "cooked".', "Tom Vale"),
    ],
)
def test_a_role_of_sport_stage_or_business_speaks_for_the_person(text: str, speaker: str) -> None:
    assert speakers(text)[-1][1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"It is a lot harder now," points out former champion Tom Vale.', "Tom Vale"),
        ('Tom Vale pointed out that the "rules" had changed.', "Tom Vale"),
        # A titled name before "who": the person; a bare word may be a team or a place.
        ('Mr Vale, who has described the port as a "scar" on the city, will resign.', "Vale"),
        ('The striker joined Leicester, who described him as a "giant".', None),
    ],
)
def test_pointing_out_and_a_titled_name_before_who(text: str, speaker: str | None) -> None:
    assert speakers(text)[0][1] == speaker


def test_a_pronoun_after_according_to_is_the_source() -> None:
    """ "According to X, Y vowed …" is told by X: a quotation's "he" in the next sentence
    is X, not the Y of what X told."""
    text = (
        'Club owner Milan Vasic said he was "disappointed". According to Vasic, Ion Radu'
        ' vowed he would never join their rivals. "I asked him twice and he said no," he'
        " said."
    )
    assert speakers(text)[-1] == ("I asked him twice and he said no", "Milan Vasic")


def test_a_surname_with_two_letters_swapped_is_the_person_named_before() -> None:
    text = (
        'Analyst David Monteith said sales were "flat". "Prices will fall," explained'
        ' Mr Montieth. "Sales will not," said Mr Montesi.'
    )
    assert [s for _, s in speakers(text)] == ["David Monteith", "David Monteith", "Montesi"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A plural noun: the quotation is the subject's of "telling".
        (
            "Mayor Tom Vale stood by the plan, telling critics that the cuts should come as"
            ' "no surprise" given his campaign promises and his budget.',
            "Tom Vale",
        ),
        # The verb after a name, at a sentence's end or before "and".
        ('"We will win," Vale promises.', "Vale"),
        ('"We will win," Vale promises and smiles.', "Vale"),
    ],
)
def test_a_verb_of_saying_that_is_a_plural_noun(text: str, speaker: str) -> None:
    assert speakers(text)[0][1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The outlet that reports the words yields to the speaker named before them.
        (
            'Mayor Tom Vale criticised the plan for its "secrecy," according to The Herald.',
            "Tom Vale",
        ),
        ('Officials said the port was "in trouble," according to Reuters.', "Officials"),
        # With no one else, the outlet's words are its own.
        ('The port is "in trouble," according to the Port Authority.', "Port Authority"),
    ],
)
def test_according_to_after_a_quotation_yields_to_the_speaker_before_it(
    text: str, speaker: str
) -> None:
    assert speakers(text)[0][1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Lena Okafor said the bridge was shut. She went on: "It will reopen."', "Lena Okafor"),
        ('Lena Okafor said the bridge was shut. "It will reopen," she went on.', "Lena Okafor"),
        # Going on to do something else, or on a journey, is no speech.
        ('Lena Okafor went on to win the "mayor of the year" award.', None),
        ('Lena Okafor went on a tour of the "new" harbour.', None),
    ],
)
def test_going_on_is_speech_only_before_its_words(text: str, speaker: str | None) -> None:
    assert speakers(text)[-1][1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("British Airways said it would cut 600 jobs.", "British Airways"),
        ("Swiss Re said claims would be lower.", "Swiss Re"),
        ("The Scottish Executive said ministers would be told.", "Scottish Executive"),
        # a people's adjective before a person is no part of the name
        ("Brazilian Ronaldo said he was fit.", "Ronaldo"),
        ("American Dent said he was tired.", "Dent"),
    ],
)
def test_a_company_named_by_a_peoples_adjective_keeps_it(text: str, speaker: str) -> None:
    assert [s.speaker for s in analyse(text, 0)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"The bridge is safe," said a Port Elso Harbour Board of Trustees spokesman.',
            "a Port Elso Harbour Board of Trustees spokesman",
        ),
        ('"The bridge is safe," said a Harbour Board spokesman.', "a Harbour Board spokesman"),
        # past four words, only a body's name leads on to a head
        ('"The bridge is safe," said a leading figure in the local business community.', None),
    ],
)
def test_an_inverted_spokesman_of_a_long_body_name(text: str, speaker: str | None) -> None:
    assert speakers(text)[0][1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Okafor asserted that the bridge was "perfectly safe".', "Okafor"),
        ('Okafor reasoned that a closure would "cost the town dearly".', "Okafor"),
        ('"A gripping read," wrote the judges.', "the judges"),
        ('Protesters chanted "Open the bridge" outside the town hall.', "Protesters"),
        # asserting oneself is no speech
        ('The port asserted itself as the "gateway to the north".', None),
    ],
)
def test_more_verbs_of_speech(text: str, speaker: str | None) -> None:
    assert speakers(text)[0][1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the plain form after a subject or a modal speaks
        ('"The bridge is safe," Mayor Okafor will tell the council.', "Okafor"),
        ('Mayor Okafor will argue that the toll is "fair and overdue".', "Okafor"),
        ('Engineers insist the bridge is "perfectly sound".', "Engineers"),
        ('Councillor Vale likened the toll to "a tax on the harbour".', "Vale"),
        # ... not after "to": a plan, a liking, a failure are acts, not words
        ('Okafor is expected to announce a "harbour levy" on Monday.', None),
        ('Okafor likes to argue that the bridge is "a landmark".', None),
    ],
)
def test_the_plain_form_of_a_verb_of_speech(text: str, speaker: str | None) -> None:
    assert speakers(text)[0][1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The levy was spent on boats," the 12-page indictment says.', "the 12-page indictment"),
        ('"The bridge was never inspected," the lawsuit alleges.', "the lawsuit"),
        ('The petition said the toll was "a tax on the poor".', "The petition"),
        # a paper, a magazine, a website and a jury speak as written
        ('"The toll is a tax on the poor," the paper says.', "the paper"),
        (
            'The Harbour Gazette newspaper said: "The bridge is safe."',
            "The Harbour Gazette newspaper",
        ),
        ('"A landmark restored," the 12-strong jury concluded.', "the 12-strong jury"),
        # a wh-word opens no speaker's phrase
        ('It set up a "help desk" where council workers tell drivers the fare.', "council workers"),
    ],
)
def test_a_document_or_a_publication_speaks(text: str, speaker: str | None) -> None:
    assert speakers(text)[0][1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a leading phrase with no comma after it: the role after it is the subject
        (
            "Senator Ada Vance spoke on Friday. In the speech the senator also took a swipe"
            ' at Mayor Ruth Okafor, calling her budget "reckless".',
            "Ada Vance",
        ),
        # a participle set off by commas between the role and its verb
        (
            "Mayor Ruth Okafor opened the bridge. The mayor, speaking from the deck, said"
            ' the toll was "fair and overdue".',
            "Ruth Okafor",
        ),
        # ... a title before a name is no role of its own
        (
            'Earlier Tory leader Tom Vale sent his "warmest thanks", saying: "We are proud."',
            "Tom Vale",
        ),
    ],
)
def test_a_role_is_the_subject_past_a_leading_phrase_or_an_aside(text: str, speaker: str) -> None:
    got = article_speakers(text)
    assert got and all(g == speaker for g in got)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # what is written reads
        ('"The bridge is closed," a council statement read.', "a council statement"),
        ('The sign read "Keep off the bridge".', "The sign"),
        # ... a person reading is no speaker
        ('Okafor read the report aloud: "We failed the town."', None),
        ('"The toll is fair," summarized Okafor.', "Okafor"),
        ('Okafor had recommended that the town "start again".', "Okafor"),
        # ... a recommendation by someone is no speaker's subject
        ('Cuts recommended by the board would "hurt the harbour".', None),
    ],
)
def test_reading_summing_up_and_recommending(text: str, speaker: str | None) -> None:
    assert speakers(text)[0][1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a verb of speech joined to its subject's clause by "and" or ", then"
        ('Tom Vale spoke first. He paused, then added: "But I do not know that."', "Tom Vale"),
        ('Vale stormed back, leaned in and said, "Let me be clear."', "Vale"),
        ('Protesters marched to the bridge and chanted "Open it now!"', "Protesters"),
        # ... not past another name, nor out of a clause of its own
        (
            "Customs claimed he led the group but his lawyer, Ada Lind, told reporters it was"
            ' false and added: "He had an old computer."',
            None,
        ),
        (
            "Frank Vale was the butt of a gaffe when the host opened the envelope and"
            ' declared "come on up, Frank".',
            None,
        ),
    ],
)
def test_a_verb_joined_to_its_subjects_clause(text: str, speaker: str | None) -> None:
    last = article_speakers(text)[-1]
    assert last != "Customs" and last != "Frank Vale"
    if speaker is not None:
        assert last == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The toll will hurt the harbour," MPs warned.', "MPs"),
        ('The bridge is "a disgrace", pro-toll MPs say.', "pro-toll MPs"),
        # ... not those spoken of
        (
            'Tom Vale said the mayor had a "scorching" from MPs, adding: "It was like no other."',
            "Tom Vale",
        ),
        ('Mayor Ruth Okafor commended the crews "for their courage".', "Ruth Okafor"),
        # a role and its body before a name and a colon, as a list of reactions writes it
        ('- Elso Rovers boss Tom Vale: "We had a great chance."', "Tom Vale"),
    ],
)
def test_members_a_commendation_and_a_role_before_a_colon(text: str, speaker: str) -> None:
    assert article_speakers(text)[-1] == speaker


def test_a_plural_role_is_no_he() -> None:
    text = (
        "Chairman Tom Vale told MPs the toll would stay. The MPs on the transport committee"
        ' pressed Mr Vale on the cost. He said the toll was "fair".'
    )
    assert article_speakers(text) == ["Tom Vale"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # bodies spoken of by what they are, and people by what they do
        ('In a statement, the club said the offer was "hostile".', "the club"),
        ('"We regret the delays," the airline added.', "the airline"),
        ('The tolls are "unfair", a Labour backbencher has said.', "a Labour backbencher"),
        ('"The bill will pass," a Republican strategist said.', "a Republican strategist"),
        ('"Prices are falling," said one Elso trader.', "one Elso trader"),
        # a run of nouns ends at its last: the spokesperson, not the club
        (
            'An Elso club spokesperson denied the claim, insisting: "He never said it."',
            "An Elso club spokesperson",
        ),
        # a preposition's object is no speaker: the phrase before it is, or the author
        (
            'A spokesman for the supporters club said: "It is a good day."',
            "A spokesman for the supporters club",
        ),
        (
            '"The deal is off," a statement from the harbour committee said.',
            "the harbour committee",
        ),
        (
            '"We will not sell," a motion by the Vale family\'s lawyers stated.',
            "the Vale family's lawyers",
        ),
    ],
)
def test_bodies_and_people_spoken_of_by_what_they_are(text: str, speaker: str) -> None:
    assert article_speakers(text)[-1] == speaker


@pytest.mark.parametrize(
    "text",
    [
        # the object of "to" before a comma is no one's apposition
        'Rovia will sell ten ships to Elso Lines, the harbour radio station reported "today".',
        # "said the channel offered …": what was said, not who said it
        'The Parents Council (PC), which monitors TV, said the channel offered the "cheapest"'
        " shows.",
        # a clause of its own after the quotation: its subject said something else
        'The audit found the system was "badly flawed" and all three of the main parties have'
        " said the system must change.",
    ],
)
def test_no_speaker_from_an_object_or_a_clause_of_its_own(text: str) -> None:
    got = article_speakers(text)[-1]
    assert got not in ("Elso Lines", "the channel", "the main parties")


def test_a_named_role_after_an_owner_and_a_run_of_roles() -> None:
    text = (
        "The company's new chief executive Tom Vale said Rovia would cut costs. "
        '"This includes closing two depots," he said.'
    )
    assert article_speakers(text) == ["Tom Vale"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Senator Ruth Okafor dismissed the report as "a fantasy".', "Ruth Okafor"),
        ('Rovia maintains that the sale "was lawful".', "Rovia"),
        ('Mr. Vale responds: "No."', "Vale"),
        ('The hull was "never inspected," the indictment recounts.', "the indictment"),
        ('Tom Vale deemed the tackle "reckless".', "Tom Vale"),
    ],
)
def test_dismissing_maintaining_responding_recounting_deeming(text: str, speaker: str) -> None:
    assert article_speakers(text)[-1] == speaker


@pytest.mark.parametrize(
    "text",
    [
        'The judge dismissed the case after a "careful review".',
        'Rovia maintains its "leading" position.',
        'The claims were dismissed as "nonsense".',
        'About half of the staff were deemed "essential".',
    ],
)
def test_no_speech_in_dismissing_a_case_or_maintaining_a_lead(text: str) -> None:
    assert article_speakers(text) == [None]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Ms King said she was "delighted" at the chance.', "King"),
        ('"It was a fight," says Mr Major.', "Major"),
        # a title alone is no one's name
        ('The King said the plan was "mad".', None),
    ],
)
def test_a_surname_that_is_a_title_after_an_honorific(text: str, speaker: str | None) -> None:
    assert article_speakers(text)[-1] == speaker


def test_a_place_after_in_is_no_one_a_pronoun_stands_for() -> None:
    # "Elso" ends a station's name, then stands alone as a place: no "she".
    text = (
        'Ruth Okafor told BBC Radio Elso the plan was "dangerous". Artists need freedom in'
        ' Elso.\n\nShe added: "It would set us back 60 years."'
    )
    assert article_speakers(text) == ["Ruth Okafor", "Ruth Okafor"]


def test_the_role_is_the_one_spoken_of_last_and_a_lieutenant_is_no_governor() -> None:
    text = (
        "Gov. Tom Vale appointed Jo Hart on Wednesday. Ms Hart follows Sam Lee, who was"
        ' appointed by Gov. Ruth Okafor of Elso. "She is cool," Lt. Gov. Dan Price said.'
        " Mr. Vale was asked whether he saw himself in Ms Hart."
        ' "I\'m not that cool," the governor replied.'
    )
    assert article_speakers(text) == ["Dan Price", "Tom Vale"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the body a sentence just before names as its speaker
        (
            "The Elso Chambers of Commerce welcomed the plan. "
            '"This is the best of both worlds," it said.',
            "Elso Chambers of Commerce",
        ),
        (
            "The UNECE warned that the deficit could cause difficulties. "
            '"The reversal is a major challenge," it noted.',
            "UNECE",
        ),
        # ... never past a person speaking since
        (
            "The UNECE warned that the deficit could cause difficulties. Tom Vale said"
            ' the risk was small. "The reversal is a major challenge," it noted.',
            None,
        ),
    ],
)
def test_it_is_the_body_that_spoke_just_before(text: str, speaker: str | None) -> None:
    assert article_speakers(text)[-1] == speaker


def test_scorn_that_names_what_it_scorns_as_something_is_speech() -> None:
    text = 'Senator Ada Price, the Democratic leader, denounced the offer as "hostage taking."'
    assert speakers(text) == [("hostage taking.", "Ada Price")]
    text = 'Opening the show, Harlan mocked his rival as the man who "invented the mullet".'
    assert speakers(text) == [("invented the mullet", "Harlan")]
    text = 'Tom Hale blasted the ruling as "a disgrace".'
    assert speakers(text) == [("a disgrace", "Tom Hale")]
    # Not scorn: the rocket, the mock-up.
    text = 'The rocket blasted off at dawn as the "Star Hope" crew waved.'
    assert speakers(text) == [("Star Hope", None)]


def test_a_particle_written_onto_a_surname_is_part_of_the_name() -> None:
    text = (
        'Former prosecutor Joseph diMarco blasted the raid as "outrageous." '
        '"It was a show of force," diMarco, who once ran the office, told reporters. '
        'He added: "Nobody needed it."'
    )
    assert article_speakers(text) == ["Joseph diMarco"] * 3


def test_a_role_or_a_place_run_onto_a_given_name_is_no_part_of_it() -> None:
    text = 'Guitarist Brian Hale said: "We will tour in April."'
    assert speakers(text) == [("We will tour in April.", "Brian Hale")]
    text = 'The former attorney for the District of Columbia Joseph Smith said: "No."'
    assert speakers(text) == [("No.", "Joseph Smith")]
    # A given name inside a name, or after an initial, is part of it.
    text = 'Forward Sonny Bill Carter said: "I love it here."'
    assert speakers(text) == [("I love it here.", "Sonny Bill Carter")]
    text = 'Representative K. Michael Conway said: "No."'
    assert speakers(text) == [("No.", "K. Michael Conway")]


def test_the_owner_of_an_of_phrase_speaks_not_its_object() -> None:
    text = 'Deaths in custody are "shocking", a committee of MPs and peers has warned.'
    assert speakers(text) == [("shocking", "a committee of MPs and peers")]
    text = '"He was a good boy," the mother of the victim said.'
    assert speakers(text) == [("He was a good boy", "the mother of the victim")]
    text = '"We are ready," one of the officials said.'
    assert speakers(text) == [("We are ready", "the officials")]


def test_who_after_a_name_a_preposition_governs_still_speaks_for_it() -> None:
    text = (
        'The raid drew scrutiny, even from President Tom Hale, who said "it was wrong" '
        'and questioned "who called the press?"'
    )
    assert speakers(text) == [("it was wrong", "Tom Hale"), ("who called the press?", "Tom Hale")]


def test_an_openers_list_runs_on_to_its_last_comma() -> None:
    text = (
        "Shortly after collecting a Waterford trophy, a Mercedes car and a cheque, Hale "
        'thanked the crowd and concluded by saying "thanks for having me".'
    )
    assert speakers(text) == [("thanks for having me", "Hale")]


def test_a_verb_of_saying_joined_by_and_speaks_for_the_clauses_subject() -> None:
    text = (
        "Earlier, Tom Hale dismissed questions about the advice, and said his statement "
        'had been a "fair summary" of it.'
    )
    assert speakers(text) == [("fair summary", "Tom Hale")]
    # "added" joined so is as often a score or a sum as speech.
    text = 'Hale converted and added a penalty for a "famous" win.'
    assert speakers(text) == [("famous", None)]


def test_people_and_bodies_by_what_they_are_and_an_adverb_before_the_verb() -> None:
    text = 'The chancellor meanwhile insisted the plans were "affordable".'
    assert first_attribution(text) == Attribution("The chancellor", 0, 14, "common")
    text = 'Some users said the feature was "unfair".'
    assert speakers(text) == [("unfair", "Some users")]
    text = 'Those firms have denied they give the government a "back door".'
    assert speakers(text) == [("back door", "Those firms")]
    text = '"It was a mistake," the authors concluded.'
    assert speakers(text) == [("It was a mistake", "the authors")]
    text = 'Administration officials cited earlier cases, insisting it was "routine".'
    assert speakers(text) == [("routine", "Administration officials")]
    # The shadow chancellor introduced before is someone of another role: no one.
    text = (
        "Shadow chancellor Piet Brandt predicted tax rises. The chancellor meanwhile "
        'insisted his plans were "affordable".'
    )
    assert article_speakers(text) == [None]


def test_a_name_and_its_apposition_speak_not_the_reported_clauses_subject() -> None:
    text = (
        "Mark Hale, the top Democrat on the committee, said the report, if real, is "
        '"one more example" of it.'
    )
    assert speakers(text) == [("one more example", "Mark Hale")]
    # The news order '…, said the report' still names the report.
    text = (
        'Growth was weakest in Europe, in particular France and Spain, "by far", said the report.'
    )
    assert speakers(text) == [("by far", "the report")]


def test_the_subject_of_a_progressive_verb_of_saying_speaks() -> None:
    text = 'Tom Hale is urging leaders to wake up from their "state of denial".'
    assert speakers(text) == [("state of denial", "Tom Hale")]
    text = 'Ecologists are warning MPs they may have to accept "significant intrusion".'
    assert speakers(text) == [("significant intrusion", "Ecologists")]
    # Not an act ("is writing a book"), nor a preposition's object before the verb.
    text = 'Tom Hale is writing a book about the "dark days" of the war.'
    assert speakers(text) == [("dark days", None)]
    text = 'GM is recalling cars over a "faulty" switch.'
    assert speakers(text) == [("faulty", None)]
    text = "Some senators who pushed the bill through the Legislature are now calling for a veto."
    assert first_attribution(text) == Attribution("Some senators", 0, 13, "common")
    text = 'The Federal Bureau of Investigation is warning that a virus is "spreading".'
    assert speakers(text) == [("spreading", "Federal Bureau of Investigation")]


def test_a_quotation_after_reported_speech_is_its_first_speakers() -> None:
    text = (
        "Peter Hale, director of Context, says 24 companies reported for the first time "
        'this year and the quality has improved. "The lexicon of fluff is on its way out."'
    )
    assert article_speakers(text) == ["Peter Hale"]


def test_a_time_or_a_medium_between_the_subject_and_its_verb() -> None:
    text = 'Comey at the time said Clinton was "extremely careless".'
    assert speakers(text) == [("extremely careless", "Comey")]
    text = 'Mr Howard last week said his team had reached a "collective view".'
    assert speakers(text) == [("collective view", "Howard")]
    text = 'The firm in a statement said it was "deeply sorry".'
    assert speakers(text) == [("deeply sorry", "The firm")]


def test_a_player_named_after_a_position_in_lower_case_is_a_person() -> None:
    text = (
        "France coach Paul Lamy is upbeat. Meanwhile, Perpignan centre Jean-Marc Duval is "
        'delighted to be called up. "It\'s incredible," the youngster said.'
    )
    assert article_speakers(text) == ["Jean-Marc Duval"]


def test_a_role_in_the_headline_is_no_earlier_mention_of_it() -> None:
    text = (
        "Chancellor rallies voters\n\n"
        'Tom Hale has issued a rallying cry. The chancellor said the vote was a "clear" '
        "choice."
    )
    assert article_speakers(text) == ["Tom Hale"]


def test_an_inspector_general_speaks_and_a_general_election_does_not() -> None:
    text = 'The delay was "unpersuasive", the inspector general said.'
    assert speakers(text) == [("unpersuasive", "the inspector general")]
    text = 'The general election was "close" and turnout fell.'
    assert speakers(text) == [("close", None)]


def test_ask_after_a_subject_or_a_modal_is_speech() -> None:
    text = '"How is it that peace has not arrived?," the cardinal will ask.'
    assert first_attribution(text) == Attribution("the cardinal", 41, 53, "common")
    text = 'They failed to ask about the "deal".'
    assert speakers(text) == [("deal", None)]


def test_it_is_a_body_or_document_that_spoke_just_before_even_after_a_person() -> None:
    text = (
        "The report said the police had a duty to investigate such deaths. "
        'Such cases would be dealt with "as swiftly as possible", it said.'
    )
    assert article_speakers(text) == ["The report"]
    text = (
        '"Why target the airlines?" said Pat Cole, head of the airlines\' association. The '
        "EU sought to allay the airlines' fears, stressing that it was only a first step. "
        'It added that any tax "should not hinder" the airlines.'
    )
    assert article_speakers(text) == ["Pat Cole", "EU"]
    # Not past a person who speaks after the body.
    text = (
        "The EU stressed that it was only a first step. Pat Cole, head of the airlines' "
        'association, disagreed. "Why target us?" he said. It added that the tax was "fair".'
    )
    assert article_speakers(text) == ["Pat Cole", None]


def test_a_person_named_in_an_aside_is_no_one_a_pronoun_stands_for() -> None:
    text = (
        "Out of a hope that the fight would help her — as it once helped Governor Paul "
        "Ricci — Senator Ann Vale took up the cause. "
        '"We spoke about it today," she told reporters.'
    )
    assert article_speakers(text) == ["Ann Vale"]
    text = (
        "The fight once helped a governor (Paul Ricci), and Senator Dan Vale took up the "
        'cause. "We spoke about it today," he said.'
    )
    assert article_speakers(text) == ["Dan Vale"]


def test_an_aside_in_dashes_between_the_subject_and_its_verb() -> None:
    text = (
        '"I do not like that kind of language," Representative Carl Dunn, the chairman '
        "of the House Rules Committee — where any such motion must begin — said on CNN."
    )
    assert speakers(text) == [("I do not like that kind of language", "Carl Dunn")]
    text = '"It is over," Senator Tom Pryce — who had long opposed the bill — said.'
    assert speakers(text) == [("It is over", "Tom Pryce")]
    # A list of names between the dashes is the subject, not an aside.
    text = (
        "Two of her former colleagues on the court in Denver — Ann Tacha, appointed by "
        "the governor, and Rob Henry, appointed by the mayor — praised her."
    )
    assert analyse(text, 0)[0].speaker is None


def test_a_quotation_goes_on_past_its_attributions_long_clause() -> None:
    text = (
        '"We even talked about that today," he told reporters at the park, referring to '
        "an exchange with Speaker Nora Bell during a long meeting earlier on Friday to try "
        "to end the strike at the port, which Mr. Hale had threatened to keep going for "
        'months if he did not get his way. "I said, why not settle it now?"'
    )
    people = "Governor Tom Hale spoke first. "
    assert article_speakers(people + text) == ["Tom Hale", "Tom Hale"]
    # Someone else speaking in that clause may speak the second.
    text = text.replace("which Mr. Hale had threatened", "which Ms. Bell said she would")
    assert article_speakers(people + text)[1] is None


def test_a_sentence_that_only_attributes_the_quotation_before_it() -> None:
    text = (
        '"Is this the behavior we are going to find?" Representative Carl Dunn of '
        "Ohio, the Republican leader, asked at a news conference."
    )
    assert speakers(text) == [("Is this the behavior we are going to find?", "Carl Dunn")]
    text = '"This is the end." Carl Dunn, the Republican leader, told reporters on Monday.'
    assert speakers(text) == [("This is the end.", "Carl Dunn")]
    # A sentence that says something of its own is no attribution of it.
    text = '"This is the end." Carl Dunn said the plan had failed.'
    assert speakers(text) == [("This is the end.", None)]
    text = (
        '"This year music will play a part." The market was worth $20m in 2004, according to Ovum.'
    )
    assert speakers(text) == [("This year music will play a part.", None)]


def test_proclaiming_and_referring_to_someone_as_something_are_speech() -> None:
    text = (
        "Ms. Reyes spoke on Friday. She made no apologies, proclaiming that "
        '"I will always speak my mind" and more.'
    )
    assert article_speakers(text) == ["Reyes"]
    text = 'The network referred to her as a "foul-mouthed congresswoman."'
    assert speakers(text) == [("foul-mouthed congresswoman.", "The network")]
    # "also referred to as" names nothing: no one speaks.
    text = 'The paper said Ms. Reyes wants the plan, also referred to as "principles," done.'
    assert speakers(text) == [("principles", "The paper")]
    text = 'The case was referred to the court as an "urgent matter".'
    assert speakers(text) == [("urgent matter", None)]


def test_a_quotation_in_a_clause_before_a_semicolon_is_not_what_the_pronoun_reports() -> None:
    text = (
        'Governor Tom Hale bragged about being "the best" in a tape from 2005; since '
        'taking office he has referred to rivals as "losers".'
    )
    assert article_speakers(text) == ["Tom Hale", "Tom Hale"]


def test_a_name_billed_known_as_or_translated_is_no_ones_words() -> None:
    text = (
        "The match, billed as \"Ronaldo's friends against Zidane's friends\", will go ahead, "
        'Mr Ruiz declared of the "Partido contra la Pobreza" (Game Against Poverty).'
    )
    assert [q for q, _ in speakers(text)] == []
    text = 'The group became known as "The Invincibles" after the tour.'
    assert speakers(text) == []


def test_a_phrase_opening_a_paragraph_is_no_quote_running_on() -> None:
    text = (
        'Jane Hill wrote: "My husband never comes to bed."\n\n'
        '"Gaming widows" has become a term for such wives.'
    )
    assert article_speakers(text) == ["Jane Hill", None]


def test_an_inverted_name_ends_before_an_adverb_or_a_relative() -> None:
    text = '"All the talk is of the match," said Castell ahead of the 12 March tie.'
    assert speakers(text) == [("All the talk is of the match", "Castell")]
    text = '"What a way to finish," said Nadar afterwards.'
    assert speakers(text) == [("What a way to finish", "Nadar")]
    text = '"I used textphones," said Rob Curtis who is taking part in the pilot.'
    assert speakers(text) == [("I used textphones", "Rob Curtis")]
    # A body's name runs on across "and": "Ernst and Young's Sanjay Mehta".
    text = '"It could ignite interest," added Ernst and Young\'s Sanjay Mehta.'
    assert speakers(text) == [("It could ignite interest", "Sanjay Mehta")]


def test_a_surname_that_is_a_title_word_before_of_and_a_place() -> None:
    text = (
        '"He will follow through," independent Sen. Angus King of Maine, who caucuses '
        "with the Democrats, told reporters on Monday."
    )
    assert speakers(text) == [("He will follow through", "Angus King")]


def test_went_on_to_claim_and_joined_admitted_are_speech() -> None:
    text = (
        "England coach Andy Robinson was livid. The England coach went on to claim that "
        '"only one side was refereed".'
    )
    assert article_speakers(text) == ["Andy Robinson"]
    text = (
        "Jon Kaplan refereed the match. Kaplan has defended his performance and "
        'admitted he was "very disappointed" with the remarks.'
    )
    assert article_speakers(text) == ["Jon Kaplan"]
    # Holding on to claim a victory, being admitted to hospital: no speech.
    text = 'Ireland held on to claim a "deserved" victory.'
    assert speakers(text) == [("deserved", None)]
    text = 'He was taken ill and admitted to hospital with "chest pains".'
    assert speakers(text) == [("chest pains", None)]


def test_a_long_title_after_a_works_noun_and_a_party_member_is_no_name() -> None:
    text = 'His book, "Quit Digging Your Grave with a Knife and Fork," sold well.'
    assert speakers(text) == []
    text = '"There is a lot of anger," said one Democrat who opposed her.'
    assert speakers(text) == [("There is a lot of anger", None)]


def test_a_person_in_apposition_after_according_to_a_role() -> None:
    text = (
        "He will testify before the committee, according to the panel's top Democrat, "
        "Sen. Diane Fenton of California."
    )
    assert first_attribution(text) == Attribution("Diane Fenton", 82, 94, "named")
    text = '"We are fine," said a White House spokesman, Eric J. Shultz.'
    assert speakers(text) == [("We are fine", "Eric J. Shultz")]
    text = (
        '"Ground zero is hallowed," Ed Mayhew, a Republican trying to unseat '
        "Representative Nick J. Rowan II, a Democrat, in the Third District, said."
    )
    assert speakers(text) == [("Ground zero is hallowed", "Ed Mayhew")]


def test_a_police_rank_abbreviated_is_a_title() -> None:
    text = (
        "The unit is led by Det Supt Nick Deane. Chief Supt Deane went on to warn: "
        '"Your identity is precious."'
    )
    assert article_speakers(text) == ["Nick Deane"]


# ------------------------------------------------ twenty-sixth session (set 13's errors)


def test_a_pronoun_prefers_the_main_clause_to_a_leading_clause() -> None:
    text = (
        "As union leader Tom Brace opened the conference, the party leader Rob Kemble "
        'called the plan a "mistake". And he insisted there was "no doubt" about it.'
    )
    assert article_speakers(text) == ["Rob Kemble", "Rob Kemble"]
    # Only one person named: the leading clause's, as before.
    text = 'When Tom Brace arrived, the hall was full. He said it was "a triumph".'
    assert article_speakers(text) == ["Tom Brace"]


def test_a_surname_two_people_share_is_the_one_of_the_pronouns_gender() -> None:
    text = (
        "Donald Brook and his wife Melania Brook posed for photographers. Mrs. Brook "
        'smiled. Later Brook turned on Tom Cole. "I will tell everything," he said.'
    )
    assert article_speakers(text) == ["Donald Brook"]
    # Two of that gender (or one of a gender not known, named twice): no one chosen.
    text = (
        "Asa Holt and his son Seth Holt disagree. Seth Holt is a union organiser, and "
        'his cousin Tim Holt sits in the state house. Mr. Holt smiled. "I grew up on '
        'the campaign trail," he said.'
    )
    assert article_speakers(text) == ["Holt"]


def test_an_unnamed_role_after_a_conjunction_speaks_next() -> None:
    text = (
        'Mr Dorn said: "We want change." But a spokesman for the Treasury rejected '
        'the idea. He said: "We stand by the rules."'
    )
    assert article_speakers(text) == ["Dorn", "A spokesman"]
    text = (
        "Chelsea defender Will Gates says the title race is open. And the French "
        "defender believes manager Jose Marin is perfect for the club. "
        '"He is the icing on the cake," he said.'
    )
    assert article_speakers(text) == ["Will Gates"]


def test_the_last_of_two_role_nouns_opening_a_sentence_is_the_speaker() -> None:
    text = (
        'Ms Reid said the remark was "a gaffe". But an executive spokeswoman insisted '
        'it was not. "He meant adults," she said.'
    )
    assert article_speakers(text) == ["Reid", "An executive spokeswoman"]


def test_the_person_in_apposition_to_an_owned_role_speaks_with_a_participle() -> None:
    text = (
        "Anna's uncle, Lewis Beck, told reporters Ford deserved no credit for his plea, "
        'saying: "Nothing is worth that."'
    )
    assert speakers(text) == [("Nothing is worth that.", "Lewis Beck")]
    text = 'The firm\'s founder, Carla Mendes, left early, saying: "We are done here."'
    assert speakers(text) == [("We are done here.", "Carla Mendes")]


def test_a_role_noun_then_the_name_after_the_verb() -> None:
    text = '"Of course I was surprised," said the legislator, Representative Carl Seel.'
    assert speakers(text) == [("Of course I was surprised", "Carl Seel")]
    text = '"We were not told," said her aunt, Mary Stone.'
    assert speakers(text) == [("We were not told", "Mary Stone")]


def test_posts_read_and_a_full_name_before_a_headlines_colon() -> None:
    text = 'The posts read, "Vote for us on Tuesday."'
    assert speakers(text) == [("Vote for us on Tuesday.", "The posts")]
    text = "Larry Sumner: Tax Deal Failure Is A 'Significant Risk' For Growth\n\nMore here."
    assert article_speakers(text) == ["Larry Sumner"]
    # Not a headline's run of words, nor a book's title before its colon.
    text = "Alabama Republicans Defend Roy Moore: 'It Was 40 Years Ago'\n\nMore here."
    assert article_speakers(text) == [None]
    text = (
        "Rod Stewart won for Stardust... The Great American Songbook: Volume III. "
        'In 2003, Stewart said he was "astounded".'
    )
    assert article_speakers(text) == ["Rod Stewart"]


def test_it_said_after_it_denied_is_the_body_the_first_it_stood_for() -> None:
    text = (
        "The Ardent Power Corp could now face a fine. Last week, it denied breaking the "
        'rules. "We have always obeyed the law," it said.'
    )
    assert article_speakers(text) == ["Ardent Power Corp"]
    # Without an "it" speaking between, the body opening a sentence is not taken.
    text = 'The Ardent Power Corp could now face a fine. "We have always obeyed the law," it said.'
    assert article_speakers(text) == [None]


def test_a_weekend_between_subject_and_verb_and_a_joined_verb_after_has() -> None:
    text = 'Mayor Tom Reed over the weekend had tweeted that the plan was "dead".'
    assert speakers(text) == [("dead", "Tom Reed")]
    text = 'Tom Reed backs a lower limit and has said the current rules are "a disgrace".'
    assert speakers(text) == [("a disgrace", "Tom Reed")]


def test_a_person_of_a_place_then_who_is_the_person() -> None:
    text = (
        "It was a similar call from Sen. Ann Kolb of Vermont, who tweeted that "
        '"the report must be released".'
    )
    assert speakers(text) == [("the report must be released", "Ann Kolb")]
    # A place alone before "who" stays no one.
    text = 'The fans of Leicester, who signed White, said it was "a steal".'
    assert speakers(text)[0][1] != "Leicester"


def test_a_bodys_role_without_an_article_then_the_name_set_off() -> None:
    text = '"The outlook is good," said ACME chief economist, Steve Radcliffe.'
    assert speakers(text) == [("The outlook is good", "Steve Radcliffe")]
    text = '"It was a hard call," said BA director of route planning, Rob Boyd.'
    assert speakers(text) == [("It was a hard call", "Rob Boyd")]


def test_a_name_from_a_body_set_off_by_a_comma_after_the_quotation() -> None:
    text = '"Everything is digital," Kirsten Pfeil from the Electronics Association, told us.'
    assert speakers(text) == [("Everything is digital", "Kirsten Pfeil")]
    # A role, not a name, stays unresolved here.
    text = '"We did not know," the head of Acme, told HuffPost.'
    assert speakers(text) == [("We did not know", None)]


def test_a_relative_clause_after_a_dash_makes_a_person_a_pronoun_stands_for() -> None:
    text = (
        "Mr Hart apologised on Monday. However, one of the dockers, Jory Penrick - who was "
        "wrongly dismissed in 1998 - said the families were pleased. He said Mr Hart had "
        'spoken with "real warmth", adding: "He listened to everyone."'
    )
    assert article_speakers(text) == ["Jory Penrick", "Jory Penrick"]


def test_a_quotation_left_open_ends_before_the_sentence_that_introduces_the_next() -> None:
    # The closing mark of the first quotation was lost with its paragraph break.
    text = (
        'Ada Lenn said: "We will learn. It happens in every season. Tom Rusk is likely to '
        'start up front. Club manager Piet Varga said: "Rusk is an option. '
        '"I have to decide who starts."'
    )
    quotes = [(q.text, q.speaker) for st in analyse(text, 0) for q in st.quotes]
    assert ("Rusk is an option.", "Piet Varga") in quotes
    assert ("I have to decide who starts.", "Piet Varga") in quotes
    assert not any("Piet Varga said" in q for q, _ in quotes)


def test_which_after_a_comma_is_the_organisation_named_before_it() -> None:
    text = (
        "The advert was condemned by the Harbour Workers Alliance, a dockers' group, "
        'which said it was "an insult to every worker".'
    )
    assert speakers(text) == [("an insult to every worker", "Harbour Workers Alliance")]
    text = 'The plan was welcomed by the Confederation of Valmora Industry, which said: "At last."'
    assert speakers(text) == [("At last.", "Confederation of Valmora Industry")]
    # People counted, or a verb of an act, are no speaker for "which".
    text = (
        "A letter signed by all 12 Valmora Republicans, which stated, "
        '"we will not agree", reached the house.'
    )
    assert speakers(text)[0][1] != "Valmora Republicans"
    assert find_speaker("Shares rose at Norda Foods, which continued a run of results.") is None


def test_contended_is_speech_and_a_headlines_who_clause_names_no_one() -> None:
    assert speakers('Lee Vance contended that there was a "rush to judge".') == [
        ("rush to judge", "Lee Vance")
    ]
    text = (
        "Agent Nell Rudd, Who Criticized Varga in Texts, Is Fired\n\n"
        'Mr. Varga contended that she was "a disgrace" and fired her.'
    )
    assert article_speakers(text) == ["Varga"]


def test_a_policys_name_in_quotation_marks_is_no_ones_words() -> None:
    text = 'Mr. Hale criticised the repeal of the "leave no trace" policy, aides said.'
    assert speakers(text) == [("leave no trace", None)]
    # A speaker's word for a policy is still theirs.
    text = 'Mr. Hale promised a "firm but fair" policy on the docks.'
    assert speakers(text) == [("firm but fair", "Hale")]


def test_it_goes_on_quoting_a_one_word_body_no_one_calls_he_or_she() -> None:
    text = (
        'The drive won an award. "It is the storage people want," said Norvia. "It has '
        'style." "It is the first drive you can call sexy," it said.'
    )
    assert article_speakers(text) == ["Norvia", "Norvia", "Norvia"]
    # Not past another body speaking in between, nor for a person called "he".
    text = (
        '"It is a hard year," said Norvia. The Valmora Council warned that costs were '
        'rising. "The reversal is a challenge," it noted.'
    )
    assert article_speakers(text)[1] != "Norvia"
    text = 'Mr Rusk was pleased. "It was a good game," said Rusk. "It is a start," it said.'
    assert article_speakers(text)[1] != "Rusk"


def test_a_name_with_a_suffix_and_an_initial_is_a_person_a_pronoun_stands_for() -> None:
    text = (
        'That did not satisfy Justice Hale. "You have no case," he said.\n\n'
        "Marcus P. Delane Jr., a lawyer for the port, said the dockers had different "
        'stories.\n\n"Each of them was treated otherwise," he said.'
    )
    assert article_speakers(text) == ["Hale", "Marcus P. Delane Jr"]


def test_the_member_for_a_place_is_a_role_not_a_name() -> None:
    text = (
        "Labour MP Tom Rusk has told of his shock.\n\n"
        '"It was a pretty horrible thing," said the Valmora North MP.'
    )
    assert article_speakers(text) == ["Tom Rusk"]


def test_a_definition_is_the_definers_words() -> None:
    text = 'Norvia Press defines a blog as: "a site that holds an online journal".'
    assert speakers(text) == [("a site that holds an online journal", "Norvia Press")]


def test_he_after_the_office_spoken_of_is_no_holder_of_another_office() -> None:
    text = (
        "Tom Hale's big speech was a start.\n\n"
        "There was a line drawn under his rift with Chancellor Ada Brock. There was little "
        'new, although the prime minister talked about a "new manifesto". In a key '
        'section, he declared: "In our third term we can do more."'
    )
    assert "Ada Brock" not in article_speakers(text)
    # The governor spoken of is the governor introduced.
    text = (
        "President Tom Hale signed the bill. Governor Ada Brock backed it. When asked, "
        'the governor said she would not change it. "That is not on my agenda," she said.'
    )
    assert article_speakers(text) == ["Ada Brock"]


def test_the_member_for_a_place_before_the_verb_is_the_member_named_with_the_post() -> None:
    text = (
        "Former minister Tom Rusk MP criticised the rivalry.\n\n"
        '"What sort of model does it give?" the Labour MP for Valmora asked.'
    )
    assert article_speakers(text) == ["Tom Rusk"]
    # No member named: the role, never the place.
    assert speakers('"It is wrong," the MP for Valmora said.') == [("It is wrong", "the MP")]


def test_quoted_words_listed_after_terms_like_are_no_ones_words() -> None:
    text = (
        'It helps, said Mr Rusk, that people know terms like "digital", "interactive" now. '
        'He likes words such as "cool".'
    )
    assert speakers(text) == [("digital", None), ("interactive", None), ("cool", None)]


def test_he_after_an_office_as_the_sentences_subject_is_its_holder() -> None:
    text = (
        "Valmora Gov. Tom Hale left a message for state Rep. Ned Rusk.\n\n"
        "In a recording of the message obtained by the Herald, the governor identified "
        "himself and went on to curse out Rusk.\n\n"
        '"I want you to prove it," he said in the message.'
    )
    assert article_speakers(text) == ["Tom Hale"]


def test_assured_is_speech_but_not_rest_assured() -> None:
    assert speakers('"There will be no singing," assured Mr Rusk.') == [
        ("There will be no singing", "Rusk")
    ]
    text = 'Mr Rusk spoke. "Rest assured we will play," he said.'
    assert article_speakers(text) == ["Rusk"]


def test_a_rugby_position_speaks_as_the_striker_does() -> None:
    text = (
        "Wales prop Tom Rusk faces France.\n\n"
        'The prop said: "If we get stuffed our backs have had it. "We will see."'
    )
    assert article_speakers(text) == ["Tom Rusk", "Tom Rusk"]


def test_a_party_label_before_an_apposition_leaves_the_name_its_subject() -> None:
    text = (
        "Sen. Dana Whitlock (R-Ore.), the panel's chairwoman, said the inquiry will look only at "
        "\u201cthe contracts signed that spring.\u201d\n\n"
        "\u201cWe will not be rushed,\u201d Rep. Omar Lindqvist (D-Minn.), the ranking member, "
        "said."
    )
    assert article_speakers(text) == ["Dana Whitlock", "Omar Lindqvist"]


def test_went_on_to_call_is_speech_but_not_went_on_to_call_for() -> None:
    text = (
        "Marla Voss went on to call the delay \u201cplainly unacceptable,\u201d and said the "
        "board should act.\n\n"
        "He went on to call for \u201cfresh elections\u201d in the spring."
    )
    assert speakers(text) == [("plainly unacceptable", "Marla Voss"), ("fresh elections", None)]


def test_a_middle_initial_ends_no_sentence_and_a_counted_time_opens_one() -> None:
    text = (
        "Glenda Moss is the candidate. Ms. Moss wrote to Senator Harold T. Penn after a "
        "recording surfaced of her warning that \u201ca retired grocer who never ran a "
        "business\u201d could chair the committee.\n\n"
        "Ten minutes later, Victor Amadi, the campaign's counsel, replied, saying, "
        "\u201cWe will answer every question.\u201d"
    )
    assert article_speakers(text) == ["Glenda Moss", "Victor Amadi"]


def test_a_name_after_a_role_of_something_is_a_person_a_pronoun_may_mean() -> None:
    text = (
        "Fans chanted at the visiting players. Valmora's minister of sport Idris Kovac "
        'was quick to back the league\'s decision. "We will have zero tolerance," he said.'
    )
    assert article_speakers(text) == ["Idris Kovac"]


def test_recalls_and_underlined_are_speech_and_advice_before_a_colon_is_the_advisers() -> None:
    text = (
        "The clinic opened in March. \u201cWe ran out of beds on the first night,\u201d "
        "recalls Imelda Sarno. \u201cThis is only a start,\u201d underlined Ms Sarno. "
        "She recalls how Dr Ivo Brandt once advised her: \u201cNever promise a date.\u201d"
    )
    assert article_speakers(text) == ["Imelda Sarno", "Imelda Sarno", "Ivo Brandt"]


def test_reads_before_a_document_is_the_documents_words() -> None:
    text = (
        "Nine firms wrote to the governor on Monday. \u201cWe are deeply concerned about "
        "what the law does to our staff,\u201d reads the letter. He reads the papers daily."
    )
    assert speakers(text) == [
        ("We are deeply concerned about what the law does to our staff", "the letter")
    ]


def test_a_plural_role_then_two_names_is_both_of_them() -> None:
    text = (
        "The inquiry closed on Friday. \u201cWe are pleased it is over,\u201d said the "
        "mayor\u2019s lawyers Pia Grunwald and Tomas Eck in a joint statement. "
        "\u201cIt was fair,\u201d said the officials, Ann Lee and the clerk."
    )
    assert article_speakers(text) == ["Pia Grunwald and Tomas Eck", "the officials"]


def test_a_name_asked_about_is_no_one_a_pronoun_stands_for_and_answers_run_on() -> None:
    text = (
        "Asked about each of his rivals, Mayor Carl Osei played along.\n\n"
        "Councillor Dana Pruitt? \u201cTough,\u201d he said.\n\n"
        "Judge Ivo Lam of Leeds? \u201cA fair man.\u201d\n\n"
        "Is it Mr. Osei who decides? \u201cYes.\u201d"
    )
    assert speakers(text) == [("Tough", "Carl Osei"), ("A fair man.", "Carl Osei"), ("Yes.", None)]


def test_a_relative_clause_after_a_dash_speaks_through_its_participle() -> None:
    text = (
        "On Tuesday Governor Lena Marsh traded barbs with her rival Hugo Prieto \u2013 who "
        "went on a tear declaring the plan \u201cdead on arrival\u201d in the capital."
    )
    assert speakers(text) == [("dead on arrival", "Hugo Prieto")]


def test_a_show_named_after_its_channels_name_is_a_title() -> None:
    text = (
        "Senator Ruth Adler spoke on Monday. On Metro News\u2019 \u201cNightly,\u201d she "
        "called the bill \u201ca disgrace to the state.\u201d"
    )
    assert speakers(text) == [("a disgrace to the state.", "Ruth Adler")]


def test_a_bodys_name_with_of_for_and_and_stays_whole_before_its_role_noun() -> None:
    text = (
        "A Department for Work and Pensions spokeswoman said the office was \u201cclosed "
        "for good\u201d. Fans of Leeds and the club spokesman said it was \u201ca shame\u201d."
    )
    assert speakers(text) == [
        ("closed for good", "A Department for Work and Pensions spokeswoman"),
        ("a shame", "the club spokesman"),
    ]


def test_a_participle_after_a_body_someone_left_is_the_leavers() -> None:
    text = (
        "Ann Lee quit the Labour Party saying it had \u201clost its way\u201d. The talks "
        "ended with Tom Smith saying it was \u201ca good day\u201d."
    )
    assert speakers(text) == [("lost its way", "Ann Lee"), ("a good day", "Tom Smith")]


def test_said_opening_a_sentence_before_its_subject_and_a_colon() -> None:
    text = (
        "Only 18% of users can tell. Said the Pew report: \u201cThis finding is ironic.\u201d "
        "Said assistant coach Ivo Brandt: \u201cWe are positive.\u201d"
    )
    assert speakers(text) == [
        ("This finding is ironic.", "the Pew report"),
        ("We are positive.", "Ivo Brandt"),
    ]


def test_a_verb_of_saying_joined_by_but_is_the_subjects() -> None:
    text = (
        "Rates rose again. The bank did not rule out another rise but noted that any "
        "increase would be \u201cmeasured\u201d. Ann Lee backed the plan but said it was "
        "\u201ctoo late\u201d."
    )
    assert speakers(text) == [("measured", "The bank"), ("too late", "Ann Lee")]


def test_a_role_usually_unnamed_is_its_holder_when_qualified_as_introduced() -> None:
    text = (
        "Budget row\n\n"
        "Lib Dem spokesman Vince Cable attacked the plan. Mr Brown set aside a billion. "
        "\u201cIt is unfair,\u201d the Lib Dem spokesman said. But the Lib Dem spokesman "
        "questioned the sums. He called the tax \u201cgrossly unfair\u201d. "
        "\u201cWe will see,\u201d the spokesman said. Tory leader Tom Hale agreed. Mr Brown "
        "did not. Later the Tory leader spoke again. \u201cIt is a disgrace,\u201d he said."
    )
    assert speakers(text) == [
        ("It is unfair", "Vince Cable"),
        ("grossly unfair", "Vince Cable"),
        ("We will see", "the spokesman"),
        ("It is a disgrace", "Tom Hale"),
    ]


def test_guidance_leaflets_and_resolutions_speak_as_documents() -> None:
    text = (
        "Burglar guidance issued\n\n"
        "Householders who hurt intruders are unlikely to be charged if they acted "
        "\u201chonestly and instinctively\u201d, new guidelines say. The leaflet adds that "
        "people may use \u201csomething to hand\u201d."
    )
    assert speakers(text) == [
        ("honestly and instinctively", "new guidelines"),
        ("something to hand", "The leaflet"),
    ]


def test_as_x_put_it_is_speech_and_a_name_of_a_body_is_the_person() -> None:
    text = (
        "Budget row\n\n"
        "The cable was a priority. As Sen. Ada Price put it, \u201cThat was the hottest "
        "spot.\u201d He put it on the table. Tom Rusk of the excellent valmora.org website "
        "said: \u201cIt will be tough.\u201d"
    )
    assert speakers(text) == [
        ("That was the hottest spot.", "Ada Price"),
        ("It will be tough.", "Tom Rusk"),
    ]


PROFILE = (
    "Lopez eyes a return to the top\n\n"
    "Maria Lopez says she is ready to challenge for the world title again. Lopez, who "
    "missed most of last season, won in Madrid on Sunday. Lopez beat the top seed in "
    "three sets. Valencia, who signed Lopez from Seville in 2003, have also been helped "
    'by her form. The Bats are top of the league. "I feel strong again," she said.'
)


def test_a_pronoun_no_one_near_stands_for_is_the_person_the_article_is_about() -> None:
    # The club's sentences name no one "she" can be: the woman the article is about,
    # named in its headline and three times more, goes on speaking.
    assert article_speakers(PROFILE) == ["Maria Lopez"]


def test_no_protagonist_when_the_headline_names_no_one_or_another_is_named_as_often() -> None:
    no_headline_name = PROFILE.replace("Lopez eyes a return", "A return")
    assert article_speakers(no_headline_name) == [None]
    # Her coach is named more than half as often: no one the article is about above
    # others.
    rival = PROFILE.replace(
        "won in Madrid on Sunday.",
        "won in Madrid on Sunday. Her coach, Ana Ruiz, watched. Ruiz was pleased. Ruiz "
        "said Ruiz had expected it.",
    )
    assert article_speakers(rival) == [None]
    # Named in the headline and in one sentence only: too few to be what it is about.
    fewer = (
        PROFILE.replace("Lopez, who missed", "Having missed")
        .replace("season, won", "season, she won")
        .replace("Lopez beat", "She beat")
        .replace("signed Lopez", "signed her")
    )
    assert article_speakers(fewer) == [None]
    # Someone unnamed is the subject just before: "she" is her coach, no one named.
    coach = PROFILE.replace("The Bats are top of the league.", "Lopez's coach was less sure.")
    assert article_speakers(coach) == [None]


def test_police_speak_without_an_article_and_they_go_on_for_them() -> None:
    text = (
        "Singer fined after hotel fight\n\n"
        'The band said they were victims of an "unprovoked attack" in a bar. At the time, '
        'police said a "scuffle" broke out. One guest was "pushed over", they said. '
        'Police said the singer had been "very drunk".'
    )
    assert article_speakers(text) == ["The band", "police", "police", "Police"]
    # A bare singular noun is still a headline's fragment, no speaker.
    assert first_attribution("Profits rose, company said.") is None


def test_agreed_to_do_something_is_no_speech_but_agreed_is() -> None:
    text = (
        "Four to be freed\n\n"
        "Foreign Secretary Jack Straw told MPs that the US had agreed to release the "
        'four after "intensive and complex discussions" over security. "It is a fair '
        'deal," Mr Straw agreed.'
    )
    assert article_speakers(text) == ["Jack Straw", "Jack Straw"]
    (statement,) = analyse("Harbour Holdings agreed to pay a fine of $2m.", 0)
    assert statement.speaker is None


def test_a_reporter_at_the_sentence_end_after_a_role_is_who_he_is() -> None:
    text = (
        "Top Tories on target list\n\n"
        "Others targeted include Oliver Letwin, David Davis and Theresa May, the Lib Dem "
        'elections chief Lord Rennard said. He said it was "nothing personal".'
    )
    assert article_speakers(text) == ["Rennard"]
    # A clause after the comma is no role: the sentence's first person stays.
    clause = text.replace("the Lib Dem elections chief Lord Rennard said", "while Rennard said")
    assert article_speakers(clause) != ["Rennard"]
    # ... and after the verb that ends the sentence: ", said Home Secretary Charles Clarke."
    inverted = text.replace(
        "the Lib Dem elections chief Lord Rennard said", "said Home Secretary Charles Clarke"
    )
    assert article_speakers(inverted) == ["Charles Clarke"]


def test_a_sentence_about_someone_ending_in_a_colon_introduces_their_words() -> None:
    text = (
        "Band plans new album\n\n"
        "Nina Park founded the band in 1998. Ms Park is confident though: "
        '"We will be bigger than ever." Tom Reyes joined later. He was more '
        'restrained in his assessment: "It is a good record."'
    )
    assert article_speakers(text) == ["Nina Park", "Tom Reyes"]
    # Not when the sentence is about something else, is a name before the colon, or a
    # speaker after the quotation says whose words they are.
    for other in (
        'A photo of Ms Park ran under the headline: "Band in trouble."',
        'Her shirt carried a slogan: "Vote now."',
        'Ms Park was under attack: "She lied," said Tom Reyes.',
    ):
        assert article_speakers("Band plans new album\n\nNina Park founded it. " + other) != [
            "Nina Park"
        ]


def test_according_to_a_firms_analyst_is_the_analyst() -> None:
    assert article_speakers(
        'Phones sell\n\nThe quarter, according to Gartner analyst Ana Silva, is "seldom strong".'
    ) == ["Ana Silva"]
    # The firm alone, or its possessive body, stays the firm.
    assert article_speakers(
        'Phones sell\n\nThe quarter, according to Gartner, is "seldom strong".'
    ) == ["Gartner"]


def test_a_statement_issued_through_a_club_is_the_players() -> None:
    text = (
        "Striker denies move\n\n"
        "Mark Ode played down the reports, issuing a statement through Arsenal "
        'describing the speculation as "flattering".'
    )
    assert article_speakers(text) == ["Mark Ode"]
    # A statement from the club is the club's.
    assert article_speakers(text.replace("through", "from")) == ["Arsenal"]


def test_plural_roles_speak_as_their_singulars_do() -> None:
    text = 'Rover deal near\n\nRover bosses have said they are "confident" of a deal.'
    assert article_speakers(text) == ["Rover bosses"]
    # A plural role opening a sentence is no statement's named speaker.
    (statement,) = analyse("Ministers said the plan would go ahead.", 0)
    assert statement.speaker is None


def test_a_quotation_left_open_where_the_next_opens_is_the_next_ones_speakers() -> None:
    text = (
        'HD films\n\nMore clarity means more care. "When we did the first version, '
        'everybody was tanned. "In the HD version, the lines showed up," explains Ana '
        'Ruiz.\n\nLater. "We did it once." "In the HD version, it showed," Ana Ruiz said.'
    )
    # Closed before the next one opens: someone else's words, or no one's.
    assert article_speakers(text) == ["Ana Ruiz", "Ana Ruiz", None, "Ana Ruiz"]
    # Also after a pronoun that found no one: "they" with no group before it.
    unfound = (
        'Poll worries\n\nIraq, they insisted, would not matter. "The problem is the '
        'polls. "They make voters complacent," said Councillor Brian Parbutt.'
    )
    assert article_speakers(unfound) == ["Brian Parbutt", "Brian Parbutt"]


def test_a_role_reaches_back_past_sentences_that_go_on_about_someone() -> None:
    text = (
        "Viewer sues over rat scene\n\nAnna Marsh is taking action against NBC over its "
        "show. She said watching it made her dizzy and light-headed. The legal assistant "
        'said NBC was "sending the wrong message".'
    )
    assert article_speakers(text) == ["Anna Marsh"]
    # A sentence about something else between them is still counted.
    other = text.replace("She said watching it", "The show said watching it")
    assert article_speakers(other) == [None]


def test_the_american_after_a_quotation_is_the_person_named_just_before() -> None:
    text = (
        "Agassi beaten\n\nJurgen Melzer beat Andre Agassi on Tuesday. Agassi said Melzer "
        'played well. "A lot more guys are capable of it now," said the American.'
    )
    assert article_speakers(text) == ["Andre Agassi"]
    # One of a people, as a role is; before a noun, the noun is the role.
    assert first_attribution('"It is over," said the American.') == Attribution(
        "the American", 19, 31, "common"
    )
    team = first_attribution('"It is over," said the American team.')
    assert team is not None and team.name == "the American team"


@pytest.mark.parametrize("verb", ["reiterated", "laughed", "fumed", "confessed", "elaborated"])
def test_more_verbs_of_saying(verb: str) -> None:
    assert find_speaker(f'"It was a prank," Anthony Weiner {verb}.') == "Anthony Weiner"
    assert find_speaker('"No one died," laughs Bill Conti.') == "Bill Conti"


def test_a_name_in_a_concession_between_commas_is_passed_over_and_a_full_back_speaks() -> None:
    text = (
        "Ireland ready\n\nIreland, despite having Gordon Darcy still out injured, have been "
        'boosted by the return of skipper Brian Ode. "It really helped," he said. '
        "Skipper Jason Robinson believes there is nothing wrong in the camp. "
        '"There is no lack of confidence," said the Sale full-back.'
    )
    assert article_speakers(text) == ["Brian Ode", "Jason Robinson"]


def test_a_plural_possessive_before_a_person_is_their_employer() -> None:
    assert first_attribution('"It is not worth it," said PBS\' Jacoba Atlas.') == Attribution(
        "Jacoba Atlas", 32, 44, "named"
    )
    # A body's name holding a plural possessive stays whole.
    said = first_attribution('"It is a back door," said the Lawyers\' Christian Fellowship.')
    assert said is not None and said.name != "Christian Fellowship"


def test_a_paper_written_in_is_no_apposition_and_one_role_does_not_stand_for_another() -> None:
    said = first_attribution(
        "Earlier, writing in the Daily Telegraph, the prime minister conceded that the "
        "plans were hard."
    )
    assert said is not None and said.name == "the prime minister"
    text = (
        "Terror warning\n\nThe threat is real, police said. Asked about it, the minister's "
        'spokesman said: "We believe the threat is real." The spokesman declined to say '
        "more. Earlier, writing in the Daily Telegraph, the prime minister conceded that "
        'the plans were "difficult issues for any government".'
    )
    # No one is named: "the prime minister" is not the spokesman, nor the paper.
    assert article_speakers(text)[-1] is None


def test_a_view_believed_or_thought_is_the_believers_but_second_to_saying() -> None:
    assert (
        find_speaker('Mr Hale, a former winner, believes the final was "up there" with any.')
        == "Hale"
    )
    assert find_speaker('"It will kill radio," thinks Tom Curry.') == "Tom Curry"
    # A verb of saying next to the quotation speaks first.
    said = 'Plan\n\nTom Curry thinks the plan "will work", the White House said.'
    assert article_speakers(said) == ["White House"]
    text = (
        "Fund row\n\nShareholders sued Vivendi on Monday. Vivendi has said it believes "
        'there is "no legal basis" for the claims.'
    )
    assert article_speakers(text) == ["Vivendi"]


def test_a_sentence_reported_by_he_goes_on_about_the_person_named_before() -> None:
    text = (
        "Spending row\n\nMr Gold said it was vital to invest in schools. Otherwise the "
        "country would fall behind, he told MPs. The chancellor said the pact would force a "
        'surplus. He told the committee that the rules "make it hard to invest".'
    )
    assert article_speakers(text) == ["Gold"]


def test_slating_someone_is_speech_but_the_words_they_are_blamed_for_are_theirs() -> None:
    assert speakers('Jane Hill slated comic Tom Cole for his "horrible" brand of humour.') == [
        ("horrible", "Jane Hill")
    ]
    assert speakers('Sen. Tom Bell slammed the leader for refusing "to negotiate".') == [
        ("to negotiate", "Tom Bell")
    ]
    # The words someone is blamed for saying are not the blamer's.
    assert speakers('The lawmakers slammed Mr Hart for his claims that there was "proof".') == [
        ("proof", None)
    ]
    assert speakers('Ann Lee criticised Mr Hart for saying the plan was "a fantasy".') == [
        ("a fantasy", None)
    ]
    # Fined for calling a referee names: the one fined called him so.
    assert speakers('Tom Bell has been fined for calling a referee "a disgrace".') == [
        ("a disgrace", "Tom Bell")
    ]


def test_a_quote_paragraph_after_a_sentence_about_someone_is_theirs() -> None:
    text = (
        "Sprint hopes\n\nKim Cole won the 100m title in 2003. Cole was sixth in the final in "
        'Athens but is hoping for a better year. "This will be a big year for me."'
    )
    assert article_speakers(text) == ["Kim Cole"]
    coach = (
        "Davis Cup\n\nUS coach Pat Moore wants his team to play more on clay. "
        '"I think it will help them." Moore has led the team since 2000.'
    )
    assert article_speakers(coach) == ["Pat Moore"]
    # Not a club that shares a word with someone named, nor a phrase named once.
    club = (
        "Draw\n\nReal Madrid beat Roma. But Real could face Arsenal. "
        '"It will be great whoever we play."'
    )
    assert article_speakers(club) == [None]
    once = (
        "Awards\n\nStrong Oscar contenders did not figure in the nominations. "
        '"There is a sense that this film is ours."'
    )
    assert article_speakers(once) == [None]


def test_an_athlete_a_broker_and_a_musician_speak_as_roles() -> None:
    text = (
        "Honour\n\nDan Cole was given an MBE. Cole agreed it capped a hard year for the "
        'sprinter. "It is important to me," said the Newport-based athlete.'
    )
    assert article_speakers(text) == ["Dan Cole"]
    assert speakers('"Wait and see," said one London-based broker.') == [
        ("Wait and see", "one London-based broker")
    ]


def test_someone_from_a_body_set_off_by_commas_is_a_person_a_pronoun_can_mean() -> None:
    text = (
        "Terror laws\n\nShami Patel, from rights group Liberty, joined calls for change. "
        'She said: "The rule of law is no game."'
    )
    assert article_speakers(text) == ["Shami Patel"]


def test_it_after_a_body_as_written_in_a_sentence_that_names_another_first() -> None:
    text = (
        "Spam\n\nIn a statement from Lycos Europe announcing the end of the scheme, the "
        'company denied it was at fault. "There is nothing to suggest it harmed any site," '
        "it said."
    )
    assert article_speakers(text) == ["the company"]


def test_described_by_someone_as_names_them_before_the_quotation() -> None:
    assert speakers('The Mac mini was described by Steve Jobs as the "most important Mac".') == [
        ("most important Mac", "Steve Jobs")
    ]
    # No name after "by": no one.
    assert speakers('The plan was described by some as "a fantasy".') == [("a fantasy", None)]


def test_a_dealer_and_a_resident_speak_as_roles() -> None:
    assert speakers('One dealer told Reuters the sales were "not what we hoped for".') == [
        ("not what we hoped for", "One dealer")
    ]
    assert speakers('"It was terrifying," said one resident.') == [
        ("It was terrifying", "one resident")
    ]


def test_he_goes_on_for_a_reporter_set_off_at_the_end_of_reported_words() -> None:
    text = (
        "Powers row\n\nLater, the prime minister's spokesman urged calm. The minister had "
        "been saying the powers were not aimed at one group, the spokesman said.\n\n"
        '"What is happening is clear. "It is not aimed at a community," he added.'
    )
    assert article_speakers(text) == ["the spokesman", "the spokesman"]


def test_the_member_for_a_place_is_a_role_not_the_place() -> None:
    assert speakers('"The threat is real," the Salford MP told the committee.') == [
        ("The threat is real", "the Salford MP")
    ]
    assert speakers('"It is real," Frank Field MP said.') == [("It is real", "Frank Field")]


def test_a_name_after_a_quotation_whose_role_lost_its_closing_comma_speaks() -> None:
    assert speakers('"It is our wish," Alois Rhiel, its minister for economic affairs added.') == [
        ("It is our wish", "Alois Rhiel")
    ]
    assert speakers('"It looks strong," Dr Mike Watts head of exploration said.') == [
        ("It looks strong", "Mike Watts")
    ]
    # Someone else between the name and the verb: not read so.
    assert speakers('"It looks strong," Mike Watts, whom Ann Lee hired, said.')[0][1] != "Ann Lee"


def test_a_name_that_modifies_a_noun_is_no_one_mentioned() -> None:
    # "the Resist Trump movement", "the Ann Lee campaign": nobody of that name is
    # mentioned, so "Trump" alone, and "he" after it, are not "Resist Trump".
    text = (
        "Shutdown row\n\nA chapter of Indivisible, a leader in the progressive, Resist Trump "
        "movement, urged senators to stay strong.\n\nTrump wrote on Tuesday that he is not "
        'sure a deal will happen.\n\n"Nobody knows for sure that a deal will be reached," '
        "he said."
    )
    assert article_speakers(text) == ["Trump"]
    assert article_speakers(text.replace("Resist Trump movement", "Stop Trump campaign")) == [
        "Trump"
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We will not back down," Smith and Jones said.', "Smith and Jones"),
        ('"We will not back down," Mr. Smith and Ms. Jones said.', "Smith and Jones"),
        (
            '"We will vote no," said Sen. Chuck Schumer and Rep. Nancy Pelosi.',
            "Chuck Schumer and Nancy Pelosi",
        ),
        (
            'Sen. Chuck Schumer and Rep. Nancy Pelosi said: "We will vote no."',
            "Chuck Schumer and Nancy Pelosi",
        ),
        (
            '"It is dead," said John Smith and Mary Jones, the two senators.',
            "John Smith and Mary Jones",
        ),
        ('"It is dead," said Ann Lee and Tom Hale in a joint statement.', "Ann Lee and Tom Hale"),
        ('Both Smith and Jones said the plan was "dead".', "Smith and Jones"),
        ('Smith and Jones, who lead the panel, said the plan was "dead".', "Smith and Jones"),
        ('In Leeds, Smith and Jones said it was "dead".', "Smith and Jones"),
        (
            'Justices Kennedy and Samuel A. Alito Jr. said it was "vague".',
            "Kennedy and Samuel A. Alito Jr",
        ),
        (
            '"It was vile," said John Lewis, Andre Carson and Emanuel Cleaver.',
            "John Lewis, Andre Carson and Emanuel Cleaver",
        ),
        # A person and a body or a group: as before, the one nearest the verb.
        ('"It is fine," Smith and the White House said.', "White House"),
        ('"It is fine," Trump and his aides said.', "his aides"),
        # The first name is an object or a complement: not one of the speakers.
        (
            'The 28-year-old has been training in Holland and Ferguson said: "He is back."',
            "Ferguson",
        ),
        ('His name is Tote King and Manuel Millan says he is "the leader".', "Manuel Millan"),
        # The last name goes on into another clause: no one named speaks.
        ('"Fine," said Smith and Jones nodded.', None),
    ],
)
def test_people_joined_by_and_speak_together(text: str, speaker: str | None) -> None:
    """People joined by "and" as a verb's subject say the words together: the speaker
    names each of them ("Smith and Jones"), not the last alone."""
    assert [s for _, s in speakers(text)] == [speaker]


def test_people_speaking_together_are_named_in_full_and_are_they() -> None:
    """Each of people speaking together is read as the article names them, "they" goes on
    quoting them together, and each is still a person of their own after them ("Jones
    said" is Mary Jones, "he" John Smith). Lists of people who are no speakers are left
    as they were."""
    text = (
        "Senator John Smith and Representative Mary Jones met on Monday. "
        '"We will not back down," Smith and Jones said. "It is a fight," they added. '
        '"We are ready," Jones said. "We won," he said.\n\n'
        "Smith and Jones said the vote was close. Smith said he and Jones agreed it was "
        '"fair".'
    )
    assert article_speakers(text) == [
        "John Smith and Mary Jones",
        "John Smith and Mary Jones",
        "Mary Jones",
        "John Smith",
        "Mary Jones",  # "Jones agreed …": as before (his reported words)
    ]
    said = [st.speaker for st in analyse(text, 0) if st.text.startswith("Smith")]
    assert said == ["John Smith and Mary Jones", "John Smith"]


def test_an_apostrophe_is_no_quotation_before_a_quote_paragraph_after_reported_speech() -> None:
    """A quotation after a sentence of someone's reported speech is theirs, and a
    possessive or a plural's apostrophe in that sentence is no quotation of its own that
    would stop the rule."""
    text = (
        "Blogger jailed\n\nAn online campaign was held on Monday. Ann Lee said the "
        "blogger's sentence would not dent the resolve of the campaign. "
        '"The eyes of the world are on the court." '
        "Tom Hart said the players' union would fight on. "
        '"We will not stop."'
    )
    assert article_speakers(text) == ["Ann Lee", "Tom Hart"]
    # Not a question's answer, nor words an attribution after them gives another.
    asked = (
        "Party plans\n\nDick Morris leads the campaign. So is the party's job to destroy the "
        'Tories, as Ann Lee once declared? "No. The aim is to leave the EU."'
    )
    assert article_speakers(asked) == [None, None]
    lawyer = (
        "Film delayed\n\nDirector Tom Hart said the film's release should not be delayed. "
        '"How can you go against the movie?" Mr Hart\'s lawyer Ann Lee said.'
    )
    assert article_speakers(lawyer) != ["Tom Hart"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Mr Kennedy went on to suggest a small majority would be a "vote of no '
            'confidence" in the government.',
            "Kennedy",
        ),
        ('Ann Lee went on to explain why the plan was "a disaster" for the town.', "Ann Lee"),
        ('Ann Lee went on to accuse the board of "squabbling like schoolboys".', "Ann Lee"),
        ('Ann Lee goes on to describe the match as "the best of my life".', "Ann Lee"),
    ],
)
def test_more_verbs_of_saying_after_went_on_to(text: str, speaker: str) -> None:
    """A verb of saying in its plain form after "went on to" is speech, as "went on to
    claim" and "went on to warn" are; those verbs' plain form elsewhere is not."""
    assert [s for _, s in speakers(text)] == [speaker]
    assert speakers('Figures out on Monday suggest the rise was "modest" at best.') == [
        ("modest", None)
    ]
    assert speakers('He wanted to explain the "big vote" to the public.') == [("big vote", None)]


def test_one_name_before_who_and_a_verb_of_saying_speaks() -> None:
    """In "shared by X, who believes "…"" one word names the speaker as a full name
    does (the article's full name for it given); not a verb's object ("joined
    Leicester, who described him"), a place, a sentence's subject, nor before a clause
    whose verb is no saying."""
    text = (
        "Cup hopes\n\nManchester United face Milan on Tuesday. Sir Alex Ferguson rates "
        'his side. It is a view shared by Rooney, who believes "we have a great chance". '
        '"I got excited when I saw the draw."\n\nWayne Rooney has scored ten goals.'
    )
    assert article_speakers(text) == ["Wayne Rooney", "Wayne Rooney"]
    assert first_attribution('It was denied by Shepherd, who said "it is a lie".') == Attribution(
        "Shepherd", 17, 25, "named"
    )
    assert first_attribution('It happened in Leicester, who said "no".') is None
    assert first_attribution('They lost to Leicester, who signed White on "good terms".') is None
    assert first_attribution('They joined Leicester, who described him as a "giant".') is None
    assert first_attribution('Many fans, who said "never again", stayed away.') is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'The firm had had "too much freedom to spend as it wished", the report found.',
            "the report",
        ),
        (
            'The select committee found that staff were caught up in "general enthusiasm".',
            "The select committee",
        ),
        ('The study finds that people are "deeply worried" by the plan.', "The study"),
        ('Police found a "suspicious package" in the car.', None),
        ('He found it "really hard" to play on the day.', None),
    ],
)
def test_what_a_report_or_an_inquiry_found_it_says(text: str, speaker: str | None) -> None:
    """ "Found"/"finds" after a report, a study, a survey, an inquiry or a committee
    reports its findings, as "said" does; anyone else's finding is no speech."""
    assert [s for _, s in speakers(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('The scheme has been branded a "disgraceful waste" by MPs.', "MPs"),
        (
            'The scheme was described as "a shambles" by the select committee.',
            "the select committee",
        ),
        ('The plan was labelled "unworkable" by local residents.', "local residents"),
        ('The plan was described as "a world first" by the end of the year.', None),
    ],
)
def test_a_common_noun_after_by_names_who_branded_something(text: str, speaker: str | None) -> None:
    """The agent of a naming verb's passive ('branded a "…" by MPs') is its speaker when
    it is a common noun for people or a body, as when it is a name; not one person's
    role, which would be read as the person named before it (the one so called)."""
    assert [s for _, s in speakers(text)] == [speaker]
    text = (
        'Pirate jailed\n\nJay Patel was found guilty on Monday. Patel was called "one of '
        'the biggest pirates in the UK" by the sentencing judge.'
    )
    assert article_speakers(text) != ["Jay Patel"]


def test_a_pronoun_after_an_opening_conjunction_is_the_subject_of_its_participle() -> None:
    """ "But he turned his fire on X …, saying" is said by "he", not by X, the first
    name the clause goes on to (statement-speaker set 7, "he aimed his fire at
    Republicans …, saying")."""
    text = (
        "Cuts\n\nJohn Prescott attacked the plan on Monday. But he turned his fire on "
        "Gordon Brown as well as the Tories, and gave them no credit, saying both were "
        '"out of touch".'
    )
    sts = analyse(text, len("Cuts\n\n"))
    assert sts[-1].speaker != "Gordon Brown"
    assert [q.speaker for q in sts[-1].quotes] == ["John Prescott"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # after a form of "be", "have" or a passive's "by" the longer name is an object
        (
            "Rossi was dropped by former manager Carlo Ancelotti after missing training, "
            "claiming he had a knee injury.",
            "Rossi",
        ),
        (
            "Petrov has not been shy about criticising party leader John Major, saying "
            "that he should resign.",
            "Petrov",
        ),
        # a party's words before a role are no name: the name after the role speaks
        (
            'Lib Dem spokesman Ed Davey attacked the minister, saying the scheme was "a fiasco".',
            "Ed Davey",
        ),
        # as before: a sentence's capitalised first word, then the name
        (
            "Work and pensions minister Alan Johnson attacked the plan, saying it would fail.",
            "Alan Johnson",
        ),
        (
            "Nearly two dozen Senate Republicans have signed a letter, calling the bill"
            ' "reckless".',
            "Senate Republicans",
        ),
    ],
)
def test_the_subject_of_a_participle_is_not_a_name_past_its_verb(
    sentence: str, speaker: str
) -> None:
    """The subject a participle (", saying", ", claiming") takes is the clause's first
    name, not a longer name past a form of "be" or "have" or a passive's "by" (quote
    set 52 and statement set 7: "Mido was axed by former coach Marco Tardelli …,
    claiming"; "Lib Dem president Simon Hughes branded …, for claiming")."""
    _said_with_its_quotes(sentence, speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Smith wrote the screenplay before he died.", None),
        ("Jones began writing the novel in 1990 while at university.", None),
        ("Brown joined the band in 1999, writing songs and playing bass.", None),
        ("Smith wrote in the Times that the plan would fail.", "Smith"),
        ("Smith wrote to the council about the plan.", "Smith"),
        ("Smith wrote a letter saying the plan would fail.", "Smith"),
        ("Smith writes the plan is a mess.", "Smith"),
    ],
)
def test_writing_a_work_is_no_speech(sentence: str, speaker: str | None) -> None:
    """ "Wrote the screenplay", "began writing the book", "writing lyrics" make a work,
    say nothing (statement sets 6 and 7: three such sentences given their writer);
    writing in a paper, to someone or that something is so is speech as before."""
    assert body_statements(sentence)[1].speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Rovers agree new Wembley contract", None),
        ("Dawson agrees switch to Leeds", None),
        ("The two firms have agreed plans to merge next year.", None),
        ("The IMF agreed fresh Argentina funding on Monday.", None),
        # what is agreed to be so is speech, as before
        ("Smith agreed the deal was fair.", "Smith"),
        ("Smith agreed the new contract terms had been fair.", "Smith"),
        ("Smith agreed and said the plan was fair.", "Smith"),
    ],
)
def test_agreeing_a_deal_is_no_speech(sentence: str, speaker: str | None) -> None:
    """ "Agrees new Villa contract", "agrees switch to Madrid", "have agreed plans to
    merge" are deals made, as "agreed a contract" already was (statement set 7 and four
    more in BBC: each given its party as a speaker); "agreed the deal was fair" speaks."""
    sts = body_statements(sentence)
    assert sts[-1].speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The 64-year-old former star of US TV drama Kojak has denied fraud.", None),
        ('The star of Gandhi and Sexy Beast said the industry was "in a mess".', None),
        ("The British singer of Into the Groove told The Times that the tour was over.", None),
        # a person named after such words, as before
        ("The writer of the report John Smith said it was fine.", "John Smith"),
        ("Doctor Who writer Russell T Davies said it was fine.", "Russell T Davies"),
        ("Its author, John Smith, said it was fine.", "John Smith"),
    ],
)
def test_a_works_name_after_its_star_or_singer_is_no_speaker(
    sentence: str, speaker: str | None
) -> None:
    """ "The former star of US TV drama Baretta has denied …" is said by the star, not
    by "Baretta"; the star unnamed, no one is given (statement set 7; "The star of Rain
    Man and Tootsie said", "The US singer of Because the Night told" in BBC)."""
    _said_with_its_quotes(sentence, speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            'Her view was echoed by film director Sir Peter Hall who called the book "a marvel".',
            "Peter Hall",
        ),
        (
            "The figures were given by finance minister Ann Lee who said growth would slow.",
            "Ann Lee",
        ),
        (
            "It was the European Space Agency who demanded an inquiry into the launch.",
            "European Space Agency",
        ),
        # a people, not a name; one word may be a team or a place
        (
            "The deal pays black farmers and American Indians who claimed they were wronged.",
            None,
        ),
        ('The view was shared by Leicester who signed White on "good terms".', None),
    ],
)
def test_a_full_name_before_who_speaks_without_a_comma(sentence: str, speaker: str | None) -> None:
    """ "… by Iris director Sir Richard Eyre who called Marie Leroi's work "…"" (quote set
    52; eleven such sentences in BBC + BASIL, "Tessa Jowell who said: "…"") names its
    speaker as "…, who called" does: a person's full name or an organisation's before
    "who" and its verb of saying, the comma left out."""
    _said_with_its_quotes(sentence, speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            'The letter, from the Department of Health, says: "You will be paid."',
            "Department of Health",
        ),
        ('The statement, issued by the Pentagon, said the raid "went well".', "Pentagon"),
        ("The report, by auditor Jane Smith, concluded that no rules were broken.", "Jane Smith"),
        # not a document, or no source set off: as before
        ("The man, from Leeds, said he was fine.", None),
        ("The team, by common consent, said it was fine.", None),
    ],
)
def test_a_documents_source_set_off_by_commas_speaks(sentence: str, speaker: str | None) -> None:
    """ "The letter, from the Home Office, says: "…"" (quote set 51) is the Home Office's,
    as "the letter from the Home Office says" is: a document's source set off by commas
    before its verb ("the report, by White House Counsel Robert Bauer, concluded")."""
    _said_with_its_quotes(sentence, speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Wearing a long frock by the designer Alexander McQueen, Miller told reporters"
            ' the night was "cold".',
            "Miller",
        ),
        ('Asked about Boris Johnson, May said he was "a friend".', "May"),
        ('After meeting Tony Blair, Brown said the talks were "useful".', "Brown"),
        (
            "In a speech from beneath the D.C. area's Key Bridge, Obama told the crowd it"
            ' was "time to act".',
            "Obama",
        ),
        # the person's name first, then an affiliation: the person, as before
        ('Colin Asplin, Blackpool Hotel Association said it was "bad".', "Colin Asplin"),
        ('Howard Archer, economist at Global Insight said it was "bad".', "Howard Archer"),
    ],
)
def test_a_name_inside_an_opening_phrase_is_not_the_subjects_apposition(
    sentence: str, speaker: str | None
) -> None:
    """ "Wearing a … frock by the designer Alexander McQueen, Miller told reporters …"
    (quote set 53) gave McQueen, read as "Colin Asplin, Blackpool Hotel Association
    said" is (a person, then an affiliation); so "In a speech from beneath … Key Bridge,
    Obama told" (BASIL) gave "Key Bridge". A name inside the phrase a sentence opens
    with (a preposition, a participle, "Asked") is no one's apposition: the word after
    its comma is the subject."""
    _said_with_its_quotes(sentence, speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            'Mr Strauss doubted whether Rock would win the vote, but added: "I am all for it."',
            "Strauss",
        ),
        (
            "Yukos reacted by repeating its view that the sale was illegal, and said Baikal"
            " had bought itself trouble.",
            "Yukos",
        ),
        ('Smith asked if Jones would stay, and added: "It is done."', "Smith"),
        # a clause of time or cause may have the verb: no one, as before
        (
            "Capra was the butt of a joke when the host opened the envelope, and declared:"
            ' "The winner is Frank."',
            None,
        ),
        # no comma closing the clause: as before
        (
            "Capra was the butt of a joke when the host opened the envelope and declared:"
            ' "The winner is Frank."',
            None,
        ),
    ],
)
def test_a_verb_joined_after_an_object_clause_closed_by_a_comma_has_the_subjects_speaker(
    sentence: str, speaker: str | None
) -> None:
    """ "Mr Strauss doubted whether Rock would make an impact, but added: "…"" (quote set
    53) and "Yukos reacted … by repeating its view that the auction was illegal …, and
    said" (BBC) were given no one: a name or "whether"/"that" between the subject and
    the joined verb read as a clause of its own. A clause that is the verb's object,
    closed by the comma before "and"/"but", leaves the joined verb to the subject."""
    _said_with_its_quotes(sentence, speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Addressing claims that the law was unenforceable, Mr Michael told BBC Radio 4:"
            ' "There has been a lot of spin."',
            "Michael",
        ),
        ("Following claims that troops had been sent, Mr Blair was asked about it.", None),
        ("Having said that, Mark is looking in much better shape.", None),
        ('Responding to claims of bias, Mr Smith said it was "fair".', "Smith"),
    ],
)
def test_a_participle_opening_a_sentence_is_no_name(sentence: str, speaker: str | None) -> None:
    """ "Addressing claims that the new law was unenforceable, Mr Michael told …" gave
    "Addressing", "Following claims that US forces had worked inside Iran, …" gave
    "Following", "Having said that, Mark is …" gave "Having" (BBC): the participle a
    sentence opens with, capitalised there, is no name ("Speaking", "Asked" were not
    either)."""
    _said_with_its_quotes(sentence, speaker)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The minister, who met Tony Blair, Gordon Brown and John Prescott, said the"
            ' plan was "dead".',
            "The minister",
        ),
        (
            "The singer, whose hits include Angels, Feel and Rock DJ, said:"
            ' "I am proud of them all."',
            "The singer",
        ),
        (
            "The retailer, which owns Asda, Walmart and Sam's Club, said profits had"
            ' risen "strongly".',
            "The retailer",
        ),
        (
            "Ms Jane Hollis, who presents The Late Quiz tells Mark Field that she"
            ' "despaired" of him.',
            "Jane Hollis",
        ),
        (
            "Vantix, whose brands include Orla, Benna and Castor, dismissed the offer as"
            ' "inadequate".',
            "Vantix",
        ),
        # the clause's own subject, a clause of its own inside it, or a name before the
        # clause: as before
        (
            "It came before a book by journalist Tom Reed, which reported that Mattis once"
            ' told staff the plan was "mad".',
            "Mattis",
        ),
        (
            'The firm, whose chief executive John Smith said profits were "strong", is growing.',
            "John Smith",
        ),
        ('Ann Cole, who met Tony Blair, told reporters he was "tired".', "Ann Cole"),
    ],
)
def test_a_name_inside_a_relative_clause_left_open_is_not_the_speaker(
    sentence: str, speaker: str | None
) -> None:
    """ "The Oscar-nominated actor, whose films include Schindler's List, Michael Collins
    and Star Wars: The Phantom Menace, said: "…"" (quote set 55, five quotes) gave
    "List", and "Ms Robinson, who presents The Weakest Link tells Cockerell" (quote set
    53, statement set 8) "Weakest Link": a list's commas, or no comma at all, leave the
    relative clause open up to the verb, and a name in it was read as the subject (or
    as a person before an apposition). The clause speaks of that name; the subject
    before the clause speaks."""
    att = first_attribution(sentence)
    assert att is not None and att.name == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Tory co-chairman Liam Fox spoke in London. The Tory co-chairman attacked"
            ' Labour\'s pledges as "vacuous".',
            "Liam Fox",
        ),
        (
            "Vice-president Ana Ortiz visited the plant. The vice-president said the"
            ' workers were "heroes".',
            "Ana Ortiz",
        ),
        (
            'Carol Baines went to court on Monday. Describing her son as "a good boy",'
            " the mother-of-nine said she was proud.",
            "Carol Baines",
        ),
    ],
)
def test_a_role_with_a_prefix_or_a_parents_count_is_a_person(text: str, speaker: str) -> None:
    """ "The Tory co-chairman attacked Labour's six new pledges as "vacuous"" (quote set
    56) and "Describing Mr Jackson as "…", the mother-of-nine said" (quote set 54) were
    given no one: "co-chairman", "mother-of-nine" were no role a description is read
    with. A role with its prefix (co-, vice-, ex-, deputy-, joint-) and a parent by the
    children they have are people the article named before."""
    assert article_speakers(text) == [speaker]


@pytest.mark.parametrize(
    "work",
    ["Blue Harbour and Kestrel", "Kestrel", "the hit show Kestrel"],
)
def test_a_work_after_its_star_is_no_one_a_description_stands_for(work: str) -> None:
    """ "The star of Rain Man and Tootsie said …. The 67-year-old also said he lost his
    "spark"" (quote set 55) gave "Tootsie": the sentence's speaker was already no one
    (a work says nothing), but the article's people read "Tootsie said" as someone named,
    the nearest person the age stood for. A work's name after its star, singer or
    author is no person of the article."""
    headline = "Price hits out over modern film"
    text = (
        f"{headline}\n\nHollywood legend Dana Price has hit out at modern films. "
        f"The star of {work} said the industry was in decline. "
        'The 67-year-old also said he had lost his "spark" for acting.'
    )
    quotes = [q.speaker for st in analyse(text, len(headline) + 2) for q in st.quotes]
    assert quotes == ["Dana Price"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Sales rose 4%, according to US research firm Korvell.", "Korvell"),
        (
            "The star will join the cast, according to Hollywood newspaper Daily Herald.",
            "Daily Herald",
        ),
        ("The ban does not apply to old deals, according to the French news agency AFX.", "AFX"),
        # a person's role before the name, or no name after the words: as before
        ("Sales fell, according to Korvell analyst Rosa Klein.", "Rosa Klein"),
        ("Sales fell, according to Labour sources.", "Labour"),
        ("Sales fell, according to US figures released on Tuesday.", "US"),
        (
            "According to the Daily Post, chief operating officer Ray Tobin said sales fell.",
            "Daily Post",
        ),
    ],
)
def test_according_to_a_described_source_is_the_name_after_its_description(
    sentence: str, speaker: str
) -> None:
    """ "according to US research think-tank Pew Internet and American Life" (statement
    set 9) gave "US", "according to Hollywood newspaper Daily Variety" (BBC) "Hollywood"
    and "according to the French news agency AFP" (BBC) no one: the capitalised word
    before a source's description was read as the source. A few lower-case words ending
    in a body's or a person's noun, then a name: the name speaks."""
    att = first_attribution(sentence)
    assert att is not None and att.name == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Kestrel adds music playing to its handheld", None),
        ("World number one Ivan Roth added the Doha trophy to his long list of titles.", None),
        ("Shares in Nobu fell 1%, and Daiwa added 5.3% to 740 yen.", None),
        # words added: as before
        ("Ivan Roth added the plan was sent to the board.", "Ivan Roth"),
        ("Ivan Roth added in a statement to the BBC that he was sorry.", "Ivan Roth"),
        ("Ivan Roth added his thanks to the fans.", "Ivan Roth"),
        # an object clause with a verb of its own: words added
        ("Ivan Roth added the ban applied to the whole country.", "Ivan Roth"),
        ("Ivan Roth added the money belonged to the club.", "Ivan Roth"),
        ("Ivan Roth added the rules seemed to apply to the whole country.", "Ivan Roth"),
    ],
)
def test_a_thing_added_to_another_is_no_speech(sentence: str, speaker: str | None) -> None:
    """ "Nintendo adds media playing to DS" (statement set 9), "Roger Federer added the
    Dubai Championship trophy to his long list of successes", "Gardener added the Olympic
    relay crown to his World Indoor title", "Daiwa added 5.3% to 740 yen" (BBC) were
    read as speech. "Added" with an object and "to" another thing (no verb of its own
    between, no "that") is an act."""
    assert body_statements(sentence)[1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A Fenwick Institute report on the 20 biggest projects says costs rose. It says"
            ' there is "little evidence" of progress.',
            "A Fenwick Institute report",
        ),
        ('A report on the experiment said: "Pupils began asking questions."', "A report"),
        # what the document is about holds a clause of its own, or the document is in
        # the phrase the sentence opens with: as before
        (
            "The Home Office has produced its own report on CSOs which it describes as"
            ' "encouraging".',
            None,
        ),
        (
            'In its report on the council\'s work the committee said: "We are concerned."',
            "the committee",
        ),
    ],
)
def test_what_a_document_is_about_stands_between_it_and_its_verb(text: str, speaker: str) -> None:
    """ "A National Audit Office report on the 20 biggest projects says …. It says there is
    "little evidence" …" (quote set 56) and "A report on the experiment said: "…"" (quote
    set 1) were given no one: the document's subject matter ("on …", "of …", "into …")
    between it and the verb hid it. Read as "A … report says" (a "by"/"for" phrase after
    the subject matter still names the author)."""
    assert article_speakers(f"Headline\n\n{text}") == [speaker]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Sales rose last year, according to Marketwatch, of Boston.", "Marketwatch"),
        ("Prices fell, according to Halcyon Data, for the second month.", "Halcyon Data"),
        # a body's whole name past "of" or "for", with no comma: as before
        ("Rates fell, according to the Bank of Norland.", "Bank of Norland"),
        (
            "Jobs rose, according to the Office for Regional Statistics.",
            "Office for Regional Statistics",
        ),
    ],
)
def test_according_to_a_name_closed_by_a_comma_is_that_name(
    sentence: str, speaker: str | None
) -> None:
    """ "according to X of Y" is read as a body's whole name ("the Bank of England") only
    when no comma closes X: the check on the run's last word looked at the word with its
    punctuation already taken off (``run[-1].endswith(_TRAIL)``, never true), so "according
    to Marketwatch, of Boston" gave "Marketwatch of Boston"."""
    assert find_speaker(sentence) == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The fine could double, Reuters reported Halvard Bank as saying.", "Halvard Bank"),
        ("Costs will rise, the agency reported Jane Okoro as saying on Monday.", "Jane Okoro"),
        ("The paper cited Tom Reyes as saying the plan was late.", "Tom Reyes"),
        ("The plan is late, Reuters reports Anna Berg as saying.", "Anna Berg"),
        # the subject's words when no one is named between
        ("Mr Dolan was reported as saying the plan was late.", "Dolan"),
        ("Reuters reported that the plan was late.", "Reuters"),
    ],
)
def test_reported_or_cited_as_saying_is_the_one_named(sentence: str, speaker: str) -> None:
    """ "Reuters reported BaFin as saying" (statement set 10) and "Reuters news agency
    reports a union source as saying" (BBC) were the reporter's: the one named before "as
    saying" speaks, as after "quoted"."""
    assert find_speaker(sentence) == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ms Ferrante has written to Mr Lowry asking for clarification on the move.", "Ferrante"),
        ("Tom Hale wrote to Jane Okoro demanding an apology for the remarks.", "Tom Hale"),
        ("Jane Okoro heaped praise on Mr Lowry saying he was doing a great job.", "Jane Okoro"),
        ("Tom Hale paid tribute to Jane Okoro saying she had been brave.", "Tom Hale"),
        # not after a word of speech or response: the one named speaks, as before
        ("Mr Hale spoke with Tom Reyes saying the plan was late.", "Tom Reyes"),
    ],
)
def test_the_one_written_to_or_praised_is_not_the_participles_subject(
    sentence: str, speaker: str
) -> None:
    """ "Ms Sturgeon has written to Mr McConnell asking for clarification" (statement set
    10) gave McConnell, "he again heaped praise on Mr Brown saying" (statement set 9) Brown:
    the participle's subject is the sentence's, not the one the writing or praise is
    addressed to."""
    assert find_speaker(sentence) == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Sweet Melody tells the story of a dancer who always falls in love.", None),
        ("Wolf River tells the tale of Tarik, a hunter who lives in the forest.", None),
        ("Based on the novel, Far Fields told the story of two brothers.", None),
        # what happened, in someone's words: speech, as before
        ("Jane Okoro told the story of how police had stopped her car.", "Jane Okoro"),
        ("Jane Okoro told the BBC the story was untrue.", "Jane Okoro"),
    ],
)
def test_a_story_told_of_someone_is_no_speech(sentence: str, speaker: str | None) -> None:
    """ "Sweet Charity tells the story of Charity Hope Valentine" (statement set 10) and
    six more films and books of BBC ("Sideways tells the story of two men") were their
    title's words: a work's plot is no speech."""
    assert body_statements(sentence)[1].speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ronaldo slammed well over the bar from a good position.", None),
        ("A furious Jan Novak slammed his racket onto the ground in disgust.", None),
        ("Silva slammed the ball home from six yards.", None),
        # a thing criticised: speech, as before
        ("Jane Okoro slammed the decision as a disgrace.", "Jane Okoro"),
        ("Jane Okoro slammed the government over its plans.", "Jane Okoro"),
    ],
)
def test_a_ball_or_racket_slammed_is_no_speech(sentence: str, speaker: str | None) -> None:
    """ "Ronaldo slammed well over the bar" (statement set 10), "Rusedski slammed his racket
    onto the ground" (BBC) were read as criticism."""
    assert body_statements(sentence)[1].speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("The Greens accuse Mr Lowry of misleading voters.", "Greens"),
        (
            "Mr Ahmed, Mr Patel and Mr Cole deny conspiring to commit fraud.",
            "Ahmed, Patel and Cole",
        ),
        ("The Whigs claim they can cut taxes and improve services.", "Whigs"),
        (
            "Northwind and Eastgate accuse each other of taking illegal subsidies.",
            "Northwind and Eastgate",
        ),
        # the noun, an act or a win: no speech
        ("The firm faces a $27bn tax claim against it.", None),
        ("The tribunal upheld her claim of victimisation.", None),
        ("Lindqvist claim dismissed by court", None),
        ("Henman & Rusk claim LTA awards", None),
        ("The Kiwis went on to claim the Cup.", None),
        ("The Whigs could deny Mr Lowry the nomination.", None),
        ("The Whigs refused to deny the report.", None),
        # "went on to claim that": as before
        ("Mr Lowry went on to claim that the vote was rigged.", "Lowry"),
    ],
)
def test_the_plain_claim_deny_accuse_after_a_plural_subject_is_speech(
    sentence: str, speaker: str | None
) -> None:
    """ "The Lib Dems accuse Mr Blair of making a "touchy-feely" speech" (quote set 56),
    "Democrats claim the administration …", "The Tories accuse Labour of raising taxes",
    "Mr Afzal, Mr Islam and Mr Kazi deny conspiring …" (BBC) gave no one: the plain
    forms were speech only after "went on to". After a plural subject they are, as
    "say" is."""
    assert body_statements(sentence)[1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Koss stays\n\nClub manager Arne Koss has signed a new deal. The club is pleased. "
            'The 55-year-old Dutchman told the club website: "I love this club."',
            "Arne Koss",
        ),
        (
            "Visser joy\n\nManager Jan Visser praised his players after the win. "
            '"It was a professional performance," the Dutchman said.',
            "Jan Visser",
        ),
        # one named in the sentence's opening phrase is not the one described
        (
            "Marsh hits out\n\nWorld number one Kelly Marsh has criticised the club. "
            "Reacting to a comment by chairman Tom Hale, the American said: "
            '"I think it is insulting."',
            "Kelly Marsh",
        ),
        # no one named before: no speaker rather than the description
        ('Cup win\n\n"It was not the best display," the Irishman said.', None),
    ],
)
def test_a_people_noun_described_stands_for_the_person_named_before(
    text: str, speaker: str | None
) -> None:
    """ "The 55-year-old Frenchman told Arsenal's website: "…"" (Wenger), "…," the Dutchman
    said (Martin Jol), "the 27-year-old Austrian said" (BBC) gave no one: "the" (and an
    age) before a people noun was no description before the verb, only after it ("said
    the American"). It stands for the person named last before its sentence; and the
    words after a name are no apposition of it when they are the description itself
    ("Reacting to a comment by … Tim Phillips, the American said" was Phillips)."""
    assert article_speakers(text) == [speaker]


def test_a_city_demonym_after_an_age_is_no_name() -> None:
    """ "But the 25-year-old Dubliner underlined his intention to stay" (BBC) gave
    "Dubliner": a city's people noun is a description as a country's is."""
    text = (
        "Dunne stays\n\nRichard Dunne signed on. "
        "But the 25-year-old Dubliner underlined his intention to stay."
    )
    assert analyse(text, text.index("Richard"))[-1].speaker is None
    assert find_speaker("The 30-year-old Londoner underlined his intention to stay.") is None


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ann Lee has already said the plan will fail.", "Ann Lee"),
        ("The Greens have always insisted the plan will fail.", "Greens"),
        ("Mr Hale, 63, has often argued that the plan will fail.", "Hale"),
        ("The Farmers Union has long claimed the subsidy is too small.", "Farmers Union"),
        ("Tom Ruiz had already admitted that the plan would fail.", "Tom Ruiz"),
        # "long" only after has/have/had: a participle's subject is no one else's.
        (
            "Ann Lee and the chairwoman have been at odds, with Lee's team long accusing "
            "her of helping Tom Ruiz.",
            "Ann Lee",
        ),
    ],
)
def test_an_adverb_of_time_between_subject_and_verb(sentence: str, speaker: str) -> None:
    """ "Sir Bill Morris has already accused both the big parties of …" (quote set 60) and
    "The Tories have already accused …", "Mr Ebbers has always insisted …", "The Caribs
    have long denied …" (BBC) gave no one: only "-ly" adverbs and a few others ("also",
    "previously") were passed over between a subject and its verb."""
    assert find_speaker(sentence) == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "Three-quarters said Mr Hale was right to go to court, as he says he must.",
        "Some 82% said Mr Hale had set a good example, which he says he did.",
        "Most said Mr Hale was wrong to resign, though he says he had no choice.",
        "Half of those polled said Mr Hale should return, which he says he will.",
        "Around one quarter said Mr Hale was a liar, a charge he says is false.",
    ],
)
def test_a_share_of_people_as_subject_is_no_one_named(sentence: str) -> None:
    """ "Three-quarters said Mr Blunkett was right … - whom he says he fathered" (set 11)
    gave "Three-quarters", and "Some 82% said Mr Blunkett …" gave Blunkett (the "he
    says" inside what was said): a share of those asked is a group no one names, the
    sentence's subject, as "Critics said" is."""
    text = f"Poll\n\nMr Hale spoke. {sentence}"
    assert analyse(text, text.index("Mr"))[-1].speaker is None


def test_a_share_of_people_speaks_no_quotation() -> None:
    """ "about half furloughed, half deemed "essential"" (BASIL): a word called so, not
    the words of those who are half; "around one quarter said they "neither support nor
    oppose" a ban" (the development set: no one's): a poll's words. The share is only
    the sentence's subject."""
    text = 'Staff wait: about half furloughed, half deemed "essential" and at work.'
    assert [q.speaker for q in extract_quotes(text)] == [None]
    text = 'Support fell: around one quarter said they "neither support nor oppose" a ban.'
    assert [q.speaker for q in extract_quotes(text)] == [None]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Four hours later, Sir Edwin Hale called the Liberal leader back to Downing Street.",
            None,
        ),
        ("The coach called my parents up and asked them to come.", None),
        ("She called him round to her office after the match.", None),
        # Still speech: calling for, calling on, calling something a name.
        ("Ann Lee called for the plan to be scrapped.", "Ann Lee"),
        ("Ann Lee called on the board to resign.", "Ann Lee"),
        ("Ann Lee called the plan a disaster.", "Ann Lee"),
    ],
)
def test_someone_called_back_or_up_is_no_speech(sentence: str, speaker: str | None) -> None:
    """ "Four hours later, Sir Edward called the Liberal leader back to Downing Street"
    (set 11) gave Edward: a summons or a telephone call reports no words."""
    assert find_speaker(sentence) == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Tom Ruiz, who often argued with the Finance Ministry, steps down in May.", None),
        ("Ann Lee argued with the board for an hour before the vote.", None),
        ("Ann Lee argued with reporters that the plan would work.", "Ann Lee"),
        ("Ann Lee argued that the plan would work.", "Ann Lee"),
    ],
)
def test_arguing_with_someone_is_a_quarrel(sentence: str, speaker: str | None) -> None:
    """ "Previous incumbent David Klein, who often argued with the Finance Ministry,
    steps down" (BBC; it gave Klein once "often" was passed over): argued with someone,
    a quarrel, unless what was argued follows."""
    assert find_speaker(sentence) == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "As soon as he had added the 5,000m crown, I jumped up and hugged him.",
        "Tom Ruiz added the world indoor title to his Olympic gold.",
        "Ann Lee added a bronze medal on the final day.",
        "Tom Ruiz added the 5,000m crown on Saturday night.",
    ],
)
def test_a_title_added_is_no_speech(sentence: str) -> None:
    """ "As soon as he had added the 5,000m crown and I had finished commentating, I
    jumped up" (set 11) gave the runner named before: a title, medal or crown added is
    won, as one "claimed" is ("5,000m" with its comma too)."""
    text = f"Games\n\nHicham Ali won the 1,500m. {sentence}"
    assert analyse(text, text.index("Hicham"))[-1].speaker is None


def test_a_name_written_after_a_body_noun_is_no_he() -> None:
    """ "He said that high oil prices meant Opec was unlikely …" (set 10) gave Opec: after
    "producers' cartel Opec said …", "Opec" read as a one-word person's name doing the
    saying, whom "he" went back to. A one-word name written after a described body noun
    ("cartel Opec", "software firm Sendmail") is a body: no "he" is it."""
    text = (
        "Oil falls\n\nOil prices fell after producers' cartel Opec said it was unlikely to "
        "cut output. Following the comments, crude fell 32 cents. He said that high prices "
        "meant Opec was unlikely to stick to its plan."
    )
    assert analyse(text, text.index("Oil prices"))[-1].speaker != "Opec"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "JF Sullivan, spokesman for e-mail software firm Sendmail said many firms were "
            "starting to see how important messaging was.",
            "JF Sullivan",
        ),
        (
            "Howard Archer, economist at research firm Global Insight said prices would rise.",
            "Howard Archer",
        ),
        ("Ann Lee, spokeswoman for software firm Zeta Systems said sales would rise.", "Ann Lee"),
    ],
)
def test_an_apposition_left_open_before_a_firm_is_the_persons(sentence: str, speaker: str) -> None:
    """ "JF Sullivan, spokesman for e-mail software firm Sendmail said …" (quote set 57)
    gave Sendmail: an apposition whose closing comma is missing, ending in a body named
    after a body noun ("firm Sendmail"), is the person's, as one ending in an
    organisation's name ("… the Simon Wiesenthal Center said") was."""
    assert find_speaker(sentence) == speaker


def test_a_spokesman_for_a_firm_is_a_person_for_he() -> None:
    """ "JF Sullivan, spokesman for … Sendmail said …. "…," he said" (quote set 57) gave
    the person quoted before: a name followed by ", spokesman for" was not read as a
    person ("-man" roles were not in the apposition's pattern), so "he" went past him."""
    text = (
        'Search\n\n"Search is hard," said Kathy Ruiz, co-founder of Blinkx. '
        "JF Sullivan, spokesman for e-mail software firm Sendmail said many firms were "
        'starting to see how important messaging was. "The key thing is managing it," he said.'
    )
    assert article_speakers(text)[-1] == "JF Sullivan"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "And the Green Party unveiled a billboard opposite the Palace of Westminster "
            "accusing the government of lying.",
            None,
        ),
        ("The Rail Union put up a poster beside Leeds Station saying fares were too high.", None),
        ("Ann Lee left the meeting, saying the plan would fail.", "Ann Lee"),
    ],
)
def test_a_place_named_opposite_or_beside_is_no_participles_subject(
    sentence: str, speaker: str | None
) -> None:
    """ "the Green Party unveiled a billboard opposite the Palace of Westminster accusing
    the government of lying" (set 11) gave "Palace": a name after "opposite", "beside",
    "beneath" or "alongside" is a place, as one after "outside" or "near" was, and no
    participle's subject."""
    assert find_speaker(sentence) == speaker
