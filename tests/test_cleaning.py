"""The cleaning's fast paths (db.cleaning) give exactly what the plain definitions give:
every control character removed (and bidi controls and invisible format characters
from text), CRLF/CR made LF, lone surrogates made U+FFFD, every
maximal run of spaces made one " ", lines stripped, blank lines collapsed."""

from __future__ import annotations

import random
import re
import unicodedata

from db.cleaning import clean_text, clean_title, strip_controls

_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]{0,4096}(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]{0,4096}(?:\x1b\\)?|\x1b[@-Z\\-_]?|\x9b[0-?]*[ -/]*[@-~]"
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Unicode's Bidi_Control characters and the invisible format characters that split a
# word (soft hyphen, zero-width space, word joiner): kept by strip_controls (keys),
# dropped from text; ZWNJ and ZWJ stay.
_BIDI = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u00ad\u200b\u2060]")


def plain_strip_controls(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", _ESCAPES.sub("", text))
    return re.sub(r"[\ud800-\udfff]", "\ufffd", text)


def plain_clean_text(text: str) -> str:
    text = unicodedata.normalize("NFC", _BIDI.sub("", plain_strip_controls(text)))
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return re.sub(r"\n[ \t]*(?:\n[ \t]*)+", "\n\n", text).strip()


# Words, every kind of space and line break, escapes, controls, surrogates, combining marks.
PIECES = [
    *"ab.",
    *["  ", " ", " ", "\t", "\n", "\n\n", "\r", "\r\n", "\x1b", "\x1b[31m", "\x1b]0;t\x07"],
    *["\x9b", "\x00", "\x07", "\x0b", "\x0c", "\x85", "\x7f", "\x1c", "\u00a0", "\u2003"],
    *["\u202f", "\u3000", "\u1680", "\u2028", "\u2029", "\ufeff", "\ufffe", "\u200b"],
    *["\u2060", "\u00ad", "\u200c", "\u200d"],
    *["\ud800", "\udfff", "e\u0301", "\u212b"],
    *["\u202e", "\u202c", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c", "\u0301"],
]


def test_fast_paths_equal_the_plain_definitions_on_random_text() -> None:
    rng = random.Random(13)
    for _ in range(20_000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 16)))
        assert strip_controls(text) == plain_strip_controls(text), repr(text)
        assert clean_text(text) == plain_clean_text(text), repr(text)
        assert clean_title(text) == " ".join(
            unicodedata.normalize("NFC", _BIDI.sub("", plain_strip_controls(text))).split()
        ), repr(text)


def test_spaces_collapse_to_one_and_clean_text_stays_as_it_is() -> None:
    assert clean_text("a  b\u00a0c \t d\u3000\u3000e f") == "a b c d e f"
    assert clean_text(" one\u2003\n\n\n two \n") == "one\n\ntwo"
    clean = "Already clean text.\n\nA second paragraph, single spaces."
    assert clean_text(clean) == clean
    assert strip_controls(clean) is clean  # nothing to strip: the same string back
    assert strip_controls("a\r\nb\rc\x1b[1md\x00e\ud800") == "a\nb\ncd" + "e\ufffd"


def test_bidi_controls_are_left_out_of_stored_text_and_names_not_keys() -> None:
    """A stored U+202E reversed a terminal's line, and one inside a name hid the name
    from the speaker rules and `--source`: text and names lose every Bidi_Control
    character; a key (an article's identity, compared with the stored one) keeps them."""
    assert clean_title("Evil\u202e Wire") == "Evil Wire"
    assert clean_title("\u2067Mayor\u2069 \u200eresigns\u061c") == "Mayor resigns"
    assert clean_text("said Jane \u2066Doe\u2069.\n\n\u202a\u202c\nNext.") == (
        "said Jane Doe.\n\nNext."
    )
    assert clean_text("e\u200e\u0301") == "\u00e9"  # NFC composes across a dropped mark
    assert strip_controls("key\u202e") == "key\u202e"
