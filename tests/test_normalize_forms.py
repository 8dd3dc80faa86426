"""One word, one form: an alias, an abbreviation or a short form reads as the word it
stands for, so the matcher and the story profiles see one token.

The bug these tests were written for (BENCHMARKS.md, norm76): the alias "Rep." gave
``representative`` while the word "Representative" gave ``representativ`` (the alias's
output was not normalised as the word is), so a headline with one and a lead with the
other shared no title, and "Rep." was rated a rare word (the common-word tiers hold
normalised forms). The checks over the tables are what keep a new entry from bringing
it back. The sentences are written for these tests (invented people and places)."""

from __future__ import annotations

import pytest

from db import article_evidence as ev
from db import stories
from db.lexicon import ALIASES, CASED_ALIASES, SYNONYMS, WORD_FORMS
from db.matcher import compare as compare_statements
from db.matcher import prepare
from db.normalize import PLACE_TOKENS, is_country, rarity, tokenize
from tests.test_stories_short import _profiles, placed_after_background

# Read with the numbers, not as words of their own ("mln" is a scale).
_NUMBER_CANONS = ("million", "billion")


def _norms(text: str) -> list[str]:
    return [t.norm for t in tokenize(text)]


@pytest.mark.parametrize(
    ("canon", "form"),
    [(c, f) for c, forms in ALIASES.items() if c not in _NUMBER_CANONS for f in forms],
)
def test_every_alias_reads_as_the_word_it_stands_for(canon: str, form: str) -> None:
    assert _norms(form) == _norms(canon)
    assert _norms(form.title()) == _norms(canon)


@pytest.mark.parametrize(("acronym", "canon"), sorted(CASED_ALIASES.items()))
def test_every_acronym_reads_as_its_spelled_out_name(acronym: str, canon: str) -> None:
    # Each acronym has its name spelled out among the aliases ("UAE" / "United Arab
    # Emirates"), and both read as one token.
    assert canon in ALIASES
    assert _norms(acronym) == _norms(canon) == _norms(ALIASES[canon][0])


def _person_noun(form: str, forms: tuple[str, ...]) -> bool:
    """A person noun built on the country's adjective: "Frenchman" on "French"."""
    return any(form.endswith(end) and form[: -len(end)] in forms for end in _PERSON_ENDS)


_PERSON_ENDS = ("man", "men", "woman", "women")


def test_a_demonym_has_its_plural() -> None:
    # "Latin American" and "Latin Americans", "S Korean" and "S Koreans", "Filipino"
    # and "Filipinos": a people named in the plural is the same place as its adjective.
    capitals = {"tehran", "taipei", "tokyo", "cairo"}  # names that end as a demonym does
    missing = [
        (canon, form)
        for canon, forms in ALIASES.items()
        for form in forms
        if form.endswith(("an", "i", "o"))
        and not _person_noun(form, forms)
        and form != canon
        and form not in capitals
        and "." not in form
        and f"{form}s" not in forms
    ]
    assert missing == []


def test_a_person_noun_has_its_plural_and_the_other_sex() -> None:
    # "Frenchman" without "Frenchmen" (or "Frenchwoman") would read as a word of its own.
    missing = [
        (canon, f"{form[: -len(end)]}{other}")
        for canon, forms in ALIASES.items()
        for form in forms
        for end in _PERSON_ENDS
        if form.endswith(end) and form[: -len(end)] in forms
        for other in _PERSON_ENDS
        if f"{form[: -len(end)]}{other}" not in forms
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("people", "country"),
    [
        ("Britons", "Britain"),
        ("Brits", "Britain"),
        ("Turks", "Turkey"),
        ("Frenchmen", "France"),
        ("Frenchwoman", "France"),
        ("Dutchman", "the Netherlands"),
        ("Swiss", "Switzerland"),
        ("Filipinos", "the Philippines"),
        ("Danes", "Denmark"),
        ("Swedes", "Sweden"),
        ("Finns", "Finland"),
        ("Thais", "Thailand"),
        ("Irishmen", "Ireland"),
        ("Iraqis", "Iraq"),
    ],
)
def test_an_irregular_demonym_reads_as_its_country(people: str, country: str) -> None:
    said = _norms(f"Officials said {people} had been warned about the strike.")
    told = _norms(f"Officials said {country} had been warned about the strike.")
    assert [w for w in said if w != "the"] == [w for w in told if w != "the"]


def test_words_like_a_demonym_stay_words() -> None:
    # Left out of the aliases: a word or a first name besides the people.
    for text in ("Workers polish the poles", "Scots pine", "Finn and Dane met"):
        assert not PLACE_TOKENS & set(_norms(text)), text


@pytest.mark.parametrize(
    "forms",
    [
        ("Rep. Tomas Adler", "Representative Tomas Adler", "Reps. Tomas Adler"),
        ("Sen. Tomas Adler", "Senator Tomas Adler", "Sens. Tomas Adler"),
        ("Gov. Tomas Adler", "Governor Tomas Adler", "Govs. Tomas Adler"),
    ],
)
def test_a_title_and_its_abbreviations_are_one_token(forms: tuple[str, ...]) -> None:
    read = [_norms(f) for f in forms]
    assert read[0] == read[1] == read[2]


def test_plural_titles_read_as_the_singular_abbreviation() -> None:
    assert _norms("Representatives") == _norms("Reps.") == _norms("Rep.")
    assert _norms("Senators") == _norms("Sens.")


def test_an_abbreviated_title_is_as_common_as_the_word() -> None:
    # The alias's output was not in the common-word tiers, so "Rep." read as a rare,
    # claim-telling word while "Representative" read as a common one.
    (rep,) = tokenize("Rep.")
    (word,) = tokenize("Representative")
    assert rarity(rep.norm) == rarity(word.norm) < 1.0


@pytest.mark.parametrize(("form", "word"), sorted(WORD_FORMS.items()))
def test_every_word_form_reads_as_the_word(form: str, word: str) -> None:
    assert _norms(form) == _norms(word)
    assert _norms(form.capitalize()) == _norms(word.capitalize())


def test_dems_and_democrats_are_one_token() -> None:
    assert _norms("Dems") == _norms("Dem") == _norms("Democrats") == _norms("Democrat")


def test_party_forms_kept_apart_by_choice() -> None:
    # Measured both ways (BENCHMARKS.md, norm76): folding "GOP" into "Republican" or a
    # capitalised "Democratic" into "Democrat" cost the matcher's precision and the
    # stories, so each stays its own token; and "democratic" is also a plain adjective.
    assert _norms("GOP") == _norms("G.O.P.") != _norms("Republicans")
    assert _norms("Democratic") != _norms("Democrats")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (key, other)
        for key in SYNONYMS
        for suffix, swap in (("ies", "y"), ("men", "man"), ("man", "men"), ("person", "persons"))
        if key.endswith(suffix)
        for other in (key[: -len(suffix)] + swap,)
    ],
)
def test_a_synonym_reads_the_same_in_its_other_number(one: str, other: str) -> None:
    # "injuries" and "injury", "spokeswoman" and "spokeswomen": the stemmer does not
    # fold these onto each other, so the table holds both.
    assert _norms(one) == _norms(other)


def test_the_spelled_out_emirates_are_a_country() -> None:
    assert is_country("United Arab Emirates")
    assert _norms("the Emiratis") == ["the", "uae"]
    assert "uae" in PLACE_TOKENS


def test_an_acronym_and_its_spelled_out_name_match() -> None:
    # Two tellings of one claim, one with the acronym, one with the name: the name
    # read as three common words kept them 'related'.
    a = prepare("UAE recalls its ambassador from Qatar")
    b = prepare("The United Arab Emirates recalled its ambassador from Qatar")
    assert compare_statements(a, b).relation == "same"


# One event (a member booed in his chamber) told by three outlets, a title and one
# paragraph each: one writes "Dems" and "Rep.", the others "Democrats" and
# "Representative". Read as other words, the first shared only the name with the rest.
BOOED = [
    ("Dems boo Rep. Adler", "Dems booed Rep. Tomas Adler in the chamber on Tuesday."),
    (
        "Democrats jeer Representative Adler over levy",
        "Democrats jeered Representative Tomas Adler as he defended the Orvin levy.",
    ),
    (
        "Representative Adler defends levy amid jeers from Democrats",
        "Representative Adler stood by the Orvin levy while Democrats jeered.",
    ),
]


def test_a_story_told_with_dems_and_rep_and_with_democrats_and_representative_joins() -> None:
    profiles = _profiles(BOOED)
    base = len(profiles) - len(BOOED)
    pairs = {
        (a, b): ev.score(profiles[base + a], profiles[base + b], stories.STORY_WINDOW_DAYS)
        for a in range(1, len(BOOED) + 1)
        for b in range(a + 1, len(BOOED) + 1)
    }
    placed = placed_after_background(BOOED, pairs)
    assert len(placed) == 3
    assert len(set(placed.values())) == 1


@pytest.mark.parametrize(
    ("tagged", "spelled"),
    [
        ("Rep. Tomas Adler (Md.) voted against the Orvin levy", "Maryland"),
        ("Sen. Ama Lind, R.I., voted against the Orvin levy", "Rhode Island"),
        ("Police in Fresno, Calif., voted against the Orvin levy", "California"),
        ("FERGUSON, Mo. -- The Orvin council voted against the levy", "Missouri"),
        ("The council of Hope, Ark. voted against the Orvin levy", "Arkansas"),
        ("The levy was voted down in Hope, Ark.", "Arkansas"),
    ],
)
def test_a_state_in_a_tag_reads_as_the_state(tagged: str, spelled: str) -> None:
    # A lawmaker's (or a place's) state alone in brackets or between commas, AP style,
    # is the state another outlet spells out ("of Maryland").
    assert set(_norms(spelled)) <= set(_norms(tagged))


@pytest.mark.parametrize(
    "text",
    [
        "Miss. Lind voted against the Orvin levy",  # a title
        "Thanks, Miss. Lind voted against the Orvin levy",  # a title after a comma
        "Ms. Lind, who voted against the levy (Ind.), spoke",  # "independent"
        "They wash. Then Lind voted, Wash. Del. Me. Ore.",  # words and names
        "Tomas Adler (MD) treated the patients of the Orvin clinic",  # a doctor
        "Adler said the Mass. State House voted on the levy",  # no tag's place
    ],
)
def test_a_state_abbreviation_outside_a_tag_stays_its_word(text: str) -> None:
    states = {"mississippi", "indiana", "washington", "delawar", "main", "oregon", "maryland"}
    assert not states & set(_norms(text)), _norms(text)
    assert "massachusett" not in _norms(text)


def test_the_state_of_a_party_tag_stays_as_written() -> None:
    # Measured (BENCHMARKS.md, norm76b): read as the state, "(R-S.C.)" moved the local
    # weights of whole articles and joined two stories; the matcher reads the tag as
    # naming no one (db.matcher._tag_spans) instead.
    assert "maryland" not in _norms("Rep. Tomas Adler (D-Md.) voted against the Orvin levy")
    assert "maryland" not in _norms("Rep. Tomas Adler (D-MD) voted against the Orvin levy")
