"""One person, one place, one name written two ways (BENCHMARKS.md, norm77): a first
name's familiar form before a surname both sides write ("Jim" / "James E. Clyburn"), a
person's double or leading initials ("George H.W. Bush", "J. Edgar Hoover"), "D.C." and
"the District of Columbia" as "Washington", and "S&P" one name. The sentences are
written for these tests (invented people and places: Okafor, Tarlow, Lena Park)."""

from __future__ import annotations

import pytest

from db import matcher
from db.matcher import compare_texts, prepare
from db.normalize import PLACE_TOKENS, is_country, lawmaker_tag_spans, rarity, tokenize


def _norms(text: str) -> list[str]:
    return [t.norm for t in tokenize(text)]


def _breaks(a: str, b: str) -> tuple[str, ...]:
    return matcher.features(prepare(a), prepare(b)).breaks


_SAID = "said the Tarlow dam would open on Friday."


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Mayor Jim Okafor", "Mayor James Okafor"),
        ("Mayor Bob Okafor", "Mayor Robert J. Okafor"),  # an initial between
        ("Mayor Bill Okafor", "Mayor William Okafor"),
        ("Mayor Mike Okafor", "Mayor Michael Okafor"),
        ("Mayor Chuck Okafor", "Mayor Charles E. Okafor"),
        ("Mayor Ted Okafor", "Mayor Edward Okafor"),
        ("Mayor Joe Okafor", "Mayor Joseph Okafor"),
    ],
)
def test_a_first_name_form_before_a_shared_surname_is_one_person(one: str, other: str) -> None:
    a, b = f"{one} {_SAID}", f"{other} {_SAID}"
    assert "other names" not in _breaks(a, b), (a, b)
    assert compare_texts(a, b).relation == "same"


def test_a_first_name_form_is_read_only_before_the_surname_both_write() -> None:
    # another given name, or the same form before another surname: another person
    for one, other in (
        ("Mayor Bob Okafor", "Mayor Jim Okafor"),
        ("Mayor Bob Okafor", "Mayor Robert Ruiz"),
    ):
        differs = compare_texts(f"{one} {_SAID}", f"{other} {_SAID}").evidence.differs
        assert differs and differs[0].startswith("other names"), (one, other)
    # the forms alone stay words: "the bill", "Bob", "Jim" are read as written
    assert _norms("The bill Jim backed passed.") == ["the", "bill", "jim", "back", "pass"]
    a = prepare("Jim Okafor opened the Tarlow library on Friday.")
    b = prepare("James Ruiz opened the Tarlow library on Friday.")
    assert not matcher._first_name("jim", a, b)
    # a headline's capitals say nothing: its words may be the name's
    head = prepare("Jim Okafor Re-Elected As Tarlow Mayor In Close Vote")
    body = prepare("Tarlow voters re-elected James E. Okafor as their mayor in a close vote.")
    assert matcher._first_name("jam", body, head)


@pytest.mark.parametrize(
    ("initials", "bare"),
    [
        # double initials, glued or spaced, against another word of the name
        (
            "President George H.W. Bush signed the Tarlow water bill on Friday.",
            "President George Bush Sr. signed the Tarlow water bill on Friday.",
        ),
        (
            "President George H. W. Bush signed the Tarlow water bill on Friday.",
            "President George Bush Sr. signed the Tarlow water bill on Friday.",
        ),
        # a leading initial against a title
        (
            "The envoy, L. Paul Bremer, signed the Tarlow order on Friday.",
            "The envoy, Ambassador Paul Bremer, signed the Tarlow order on Friday.",
        ),
    ],
)
def test_double_and_leading_initials_name_no_one(initials: str, bare: str) -> None:
    assert "other names" not in _breaks(initials, bare)
    assert compare_texts(initials, bare).relation == "same"


def test_initials_are_shown_inside_their_name() -> None:
    assert matcher._tag_tokens("Former President George H.W. Bush met Ana Ruiz.") == {"hw"}
    assert matcher._tag_tokens("Files kept by J. Edgar Hoover were released.") == {"j"}
    glued = "Former President George H.W. Bush met Mayor Ana Ruiz in Tarlow on Friday."
    spaced = "Former President George H. W. Bush met Ana Ruiz in Tarlow on Friday."
    assert "George H.W. Bush" in compare_texts(glued, spaced).evidence.names
    assert "George H. W. Bush" in compare_texts(spaced, glued).evidence.names
    lead = "Files kept by J. Edgar Hoover on Ana Ruiz were released on Friday."
    other = "Files kept by Edgar Hoover on Ana Ruiz were released on Friday."
    assert compare_texts(lead, other).evidence.names[0] == "J. Edgar Hoover"


def test_what_is_no_initial_stays_a_name() -> None:
    # glued initials are a name of their own; a letter closing a sentence or a name's own
    # letter is no initial
    assert not matcher._tag_tokens("JFK Airport reopened on Friday, officials said.")
    assert not matcher._tag_tokens("He takes vitamin D. The Senate voted on Friday.")
    assert not matcher._tag_tokens("Carmaker Voss said the Model S sold well in Ohio.")


@pytest.mark.parametrize(
    "text",
    ["D.C.", "Washington, D.C.", "Washington D.C.", "the District of Columbia", "Washington"],
)
def test_dc_and_the_district_read_as_washington(text: str) -> None:
    assert [n for n in _norms(text) if n != "the"] == ["washington"]


def test_dc_in_a_tag_is_the_district_and_washington_stays_a_word() -> None:
    # alone in a tag, as a state is: the district's token, and it names no one else
    assert _norms("Eleanor Okafor (D.C.) said") == ["eleanor", "okafor", "washington", "said"]
    assert lawmaker_tag_spans("Eleanor Okafor (D.C.) said") == [(15, 21)]
    assert "washington" in _norms("Police in Anacostia, D.C., said")
    # Washington keeps its weight and is no country (a surname, a state too)
    assert "washington" not in PLACE_TOKENS and not is_country("Washington")
    assert rarity("washington") == 0.5
    # "DC" without its full stops is another name (DC Comics)
    assert _norms("DC Comics") == ["dc", "comic"]
    a = "Mayor Lena Park of the District of Columbia said the city would sue on Friday."
    b = "D.C. Mayor Lena Park said the city would sue on Friday."
    assert "other names" not in _breaks(a, b)


def test_s_and_p_is_one_name() -> None:
    for text in ("S&P", "S&P's", "Standard & Poor's", "Standard and Poor's"):
        assert _norms(text) == ["sp"], text
    assert _norms("The S&P 500 rose.") == ["the", "sp", "500", "ros"]
    assert _norms("P&G and M&A") == ["p&g", "and", "m&a"]  # two capitals joined: one word
    assert _norms("AT&T") == ["at", "t"]  # longer ones as before
    a = "Ratings agency S&P cut Tarlow's credit rating to junk on Friday."
    b = "Standard & Poor's cut Tarlow's credit rating to junk on Friday, the city said."
    names = compare_texts(a, b).evidence.names
    assert names[0] == "S&P", names
    assert compare_texts(b, a).evidence.names[0] == "Standard & Poor's"


def test_read_otherwise_since_45b_finds_the_statements_these_rules_read() -> None:
    for text in (
        "Mayor Jim Okafor said the dam would open.",
        "Mayor James E. Okafor said the dam would open.",
        "President George H.W. Bush signed the bill.",
        "Files kept by J. Edgar Hoover were released.",
    ):
        assert matcher.read_otherwise_since_45b(text), text
    for text in ("The bill Jim backed passed.", "Mayor Okafor said the dam would open."):
        assert not matcher.read_otherwise_since_45b(text), text
