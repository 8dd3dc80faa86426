"""Text normalisation for matching statements across outlets.

Two outlets reporting the same statement rarely use the same words: one writes
"Defence Minister", the other "Defense Minister"; one "North Korean troops", the
other "DPRK forces"; one "eleven thousand", the other "11,000". This module maps
such variants to one canonical form, so the matcher compares meaning-bearing
tokens rather than spellings:

* Unicode quotes, dashes and apostrophes are unified (:func:`clean`).
* Aliases of countries and organisations, including demonyms and a few capitals
  used as metonyms ("Pyongyang said"), become one token: ``northkorea``,
  ``usa``, ``uk``, ``ukraine``… Acronyms are matched case-sensitively ("US" is
  the country, "us" the pronoun; "U.S." is recognised with its dots). An alias
  reads as the word it stands for does ("Rep." and "Representative" are one token,
  ``representativ``), and so does a short form of one word (``WORD_FORMS``: "Dems").
* Numbers written as words or digits become one canonical digit token
  (``eleven thousand`` → ``11000``, ``1.5 million`` → ``1500000``,
  ``10 pct`` → ``10 %``).
* British spellings become American ones (``defence`` → ``defense``, ``-ise`` →
  ``-ize``, ``-our`` → ``-or``, ``centre`` → ``center``…). The rules are applied
  identically to both sides of a comparison, so a rule that also rewrites an
  American word (``rise`` → ``rize``) is harmless: it only has to be consistent.
* A light suffix stemmer folds inflections (``attacked``/``attacks`` → ``attack``).
* Stop words (function words, and reporting verbs such as "said"/"told", whose
  evidence the matcher takes from the speaker instead) are dropped from the
  *content* tokens.

Everything here is a pure function of the text (no corpus statistics), so a
statement's normal form never changes when other articles are added. That is what
lets incremental matching give the same answers as a full rebuild.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from db.lexicon import (
    AE_OE,
    ALIASES,
    CALENDAR,
    CASED_ALIASES,
    COMMON_TIERS,
    NEGATIONS,
    NON_OUR,
    NON_PLACE_ALIASES,
    SPELLING,
    STATE_ABBREVIATIONS,
    STOP_WORDS,
    SYNONYMS,
    TIER_WEIGHTS,
    WORD_FORMS,
)
from db.numbers import (
    ABBREVIATED_NUMBERING,
    TENS_WORDS,
    UNIT_WORDS,
    is_identifier_word,
    low9_as_comma,
    read_number_words,
)

__all__ = [
    "INFORMATIVE_RARITY",
    "LAWMAKER_TAG_RE",
    "PLACE_TOKENS",
    "Token",
    "capitals_say_nothing",
    "clean",
    "common_capitals",
    "common_word",
    "content_word_list",
    "entity_tokens",
    "lawmaker_tag_spans",
    "normalize",
    "normalize_word",
    "rarity",
    "stem",
    "tokenize",
    "without_number_signs",
]

# --------------------------------------------------------------------------- cleaning

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": " - ",
        "\u2012": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2026": "...",
    }
)


def clean(text: str) -> str:
    """NFKC, and one form for quotes, apostrophes, dashes and spaces; a low quotation
    mark printed for a thousands comma ("150\u201a000") becomes the comma."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKC", low9_as_comma(text).translate(_TRANSLATE))


# --------------------------------------------------------------------------- aliases


def _strip_possessive(low: str) -> str:
    if low.endswith("'s") and len(low) > 2:
        return low[:-2]
    return low


def _alias_output(canon: str) -> str:
    """The token every alias of ``canon`` reads as: what the word ``canon`` reads as
    itself, so that "Rep." and "Representative" (and "Reps.", "Representatives") are
    one token. A canon that is one of its own forms ("russia") keeps it, and so do the
    number words the tokenizer reads with the numbers."""
    if canon in _NUMBER_ALIASES or canon in ALIASES.get(canon, ()):
        return canon
    return normalize_word(canon)


def _build_phrase_table() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for canon, forms in ALIASES.items():
        out = _alias_output(canon)
        for form in forms:
            words = tuple(_TOKEN_RE.findall(form)) or (form,)
            words = tuple(_strip_possessive(w.lower()) for w in words)
            table.setdefault(words[0], []).append((words, out))
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]))  # longest phrase first
    return table


# --------------------------------------------------------------------------- tokens

# Dotted abbreviations (U.S., D.P.R.K.) | two capitals joined by "&" (S&P, P&G) |
# words with inner apostrophes/hyphens |
# numbers with thousands separators and decimals | a few symbols.
_TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|[A-Z]&[A-Z](?:'[Ss])?\b"
    r"|[^\W\d_]+(?:'[^\W\d_]+)*"
    r"|\d+(?:,\d{3})*(?:\.\d+)?"
    r"|[%$£€]"
)

# Aliases the tokenizer reads with the numbers ("per cent", "mln"), by their canon.
_NUMBER_ALIASES = frozenset({"%", "million", "billion"})

# Words that can start a spelled-out number (read by db.numbers.read_number_words).
_UNITS = {**UNIT_WORDS, **TENS_WORDS, "dozen": 12}


_ISE_RE = re.compile(r"(?<=[a-z]{3})(?:is|ys)(e|es|ed|ing|ation|ations|er|ers)$")
_OUR_RE = re.compile(r"(?<=[a-z]{3})our(s|ed|ing|ite|ites|able|ful|less|ism)?$")


def american(word: str) -> str:
    """The American spelling of a lower-case word (consistent, not a dictionary)."""
    mapped = SPELLING.get(word)
    if mapped is not None:
        return mapped
    for brit, amer in AE_OE:
        if brit in word:
            word = word.replace(brit, amer)
    m = _ISE_RE.search(word)
    if m:
        stem_part = word[: m.start()]
        word = stem_part + ("yz" if word[m.start()] == "y" else "iz") + m.group(1)
    m = _OUR_RE.search(word)
    if m and word[: m.end() - len(m.group(1) or "")] not in NON_OUR:
        word = word[: m.start()] + "or" + (m.group(1) or "")
    return word


_VOWELS = frozenset("aeiouy")
_NO_UNDOUBLE = frozenset("lsz")


def _has_vowel(s: str) -> bool:
    return any(c in _VOWELS for c in s)


def stem(word: str) -> str:
    """A light, consistent suffix stemmer (plural, -ed, -ing, -ly, -ment, final e).

    ``attacked``/``attacks``/``attacking`` → ``attack``; ``engaged``/``engagement``
    → ``engag``; ``casualties`` → ``casualty``. Not linguistically exact: it only
    has to map inflections of one word to one stem and keep different words apart.
    """
    w = word
    if len(w) <= 3 or not w.isalpha():
        return w
    if (w.endswith("ies") and len(w) > 4) or (w.endswith("ied") and len(w) > 4):
        w = w[:-3] + "y"
    elif w.endswith("sses") or (
        w.endswith("es") and len(w) > 4 and (w[-3] in "xz" or w[-4:-2] in ("ch", "sh", "ss"))
    ):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")):
        w = w[:-1]
    if w.endswith("ing") and len(w) > 5 and _has_vowel(w[:-3]):
        w = w[:-3]
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in _VOWELS | _NO_UNDOUBLE:
            w = w[:-1]
    elif w.endswith("ed") and len(w) > 4 and _has_vowel(w[:-2]):
        w = w[:-2]
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in _VOWELS | _NO_UNDOUBLE:
            w = w[:-1]
    elif w.endswith("ly") and len(w) > 5:
        w = w[:-2]
    if w.endswith("ment") and len(w) > 7:
        w = w[:-4]
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    return w


def fold_accents(word: str) -> str:
    """``word`` without its combining marks ("peña" -> "pena"); other letters stay."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def normalize_word(lower: str) -> str:
    """Spelling + stem for one lower-case word (cached: vocabularies are small).
    Accents are dropped: outlets write "Raúl" and "Raul", "Beyoncé" and "Beyonce"."""
    if not lower.isascii():
        lower = fold_accents(lower)
    if lower in NEGATIONS:
        return "not"
    if lower.endswith("'s"):
        lower = lower[:-2]
    elif lower.endswith("s'"):
        lower = lower[:-1]
    if "'" in lower:
        lower = lower.replace("'", "")
    lower = WORD_FORMS.get(lower, lower)  # "dems" is read as "democrats"
    syn = SYNONYMS.get(lower)
    if syn is not None:
        return syn
    return stem(american(lower))


_PHRASES = _build_phrase_table()
# Acronyms read case-sensitively, each as its canon's aliases read.
_CASED = {acronym: _alias_output(canon) for acronym, canon in CASED_ALIASES.items()}
# Canonical tokens of places and organisations ("northkorea", "usa", "eu"): names,
# but ones that half the statements of a story share, so weak evidence of a claim.
PLACE_TOKENS = frozenset(
    _alias_output(canon) for canon in ALIASES if canon not in NON_PLACE_ALIASES
) | frozenset(_CASED.values())


class Token(NamedTuple):
    """One normalised token: its canonical form and whether it looked like a name."""

    norm: str
    cap: bool  # written with a capital (not just because it starts the sentence)
    stop: bool  # a stop word: not a content token
    number: bool
    start: int = 0  # offset of its first character in clean(text)


def _fmt_number(value: float) -> str:
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.6g}"


def _sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t\n\"'([":
        i -= 1
    return i < 0 or text[i] in ".!?:;\n"


# --------------------------------------------------------------------------- tags

# The state abbreviations read as a state standing alone in a tag ("(Md.)", ", R.I.,"):
# not "Ind.", which alone is also "independent".
_ALONE_STATES = "|".join(
    re.escape(a) for a in sorted(STATE_ABBREVIATIONS, key=len, reverse=True) if a != "Ind."
)
# A lawmaker's tag after the name: party and state "(D-Mass.)", "(R)", "(R-S.C.)",
# ", R-Texas,", or the state alone, in brackets or between commas ("Hoyer (Md.)",
# "Sen. Ama Lind, R.I., said"; also a place's "Fresno, Calif., police", "FERGUSON, Mo.
# --": then never before a capital, where "Miss." is a title). Group ``alone`` or
# ``alone2`` holds the state as written.
_STATE_ALONE = (
    rf"\((?P<alone>{_ALONE_STATES})\)"
    rf"|(?<=, )(?P<alone2>{_ALONE_STATES})(?=[,;:)]|\s*$|\s+(?:-|\u2014|[a-z]))"
)
LAWMAKER_TAG_RE = re.compile(
    r"\([DRI](?:-[A-Z][A-Za-z.]*(?: [A-Z][a-z]+)?\.?)?\)"
    r"|(?<=, )[DRI]-[A-Z][A-Za-z.]*(?: [A-Z][a-z]+)?(?=[,)]|\.?$|\.? )"
    "|" + _STATE_ALONE
)
# The tag's state alone, which the tokenizer reads (the whole pattern costs it more).
_STATE_ALONE_RE = re.compile(_STATE_ALONE)


def _may_hold_tag(text: str) -> bool:
    return "(" in text or ", " in text


def lawmaker_tag_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` writes a lawmaker's party tag or a state alone in brackets
    (:data:`LAWMAKER_TAG_RE`). Not a state alone between commas: that is as often a
    place's ("Woodbridge, N.J., said"), a name the text gives."""
    if not _may_hold_tag(text):
        return []
    return [m.span() for m in LAWMAKER_TAG_RE.finditer(text) if not m.group("alone2")]


def _state_abbreviations(text: str) -> dict[int, tuple[int, str]]:
    """Each state abbreviation alone in a tag of ``text``: start -> (end, state's name),
    so that "Hoyer (Md.)" and "Hoyer of Maryland" share the state's token. Not the state
    of a party tag ("(D-Md.)"): measured, reading it moved the local weights of whole
    articles and joined two stories (BENCHMARKS.md, norm76b); its words name no one
    (db.matcher._tag_spans) and stay as written."""
    out: dict[int, tuple[int, str]] = {}
    for m in _STATE_ALONE_RE.finditer(text):
        for group in ("alone", "alone2"):
            written = m.group(group)
            if written:
                out[m.start(group)] = (m.end(group), STATE_ABBREVIATIONS[written])
    return out


@cache
def _state_words(state: str) -> tuple[tuple[str, bool], ...]:
    """A state's name as tokens: (normalised form, is a stop word)."""
    return tuple((t.norm, t.stop) for t in tokenize(state))


# lower-case word -> (normalised form, is a stop word, needs the slow path)
_WORD_INFO: dict[str, tuple[str, bool, bool]] = {}
_SLOW_WORDS = frozenset({"a", "an", "pct", "percent", "per"}) | frozenset(_UNITS)


def _word_info(low: str) -> tuple[str, bool, bool]:
    info = _WORD_INFO.get(low)
    if info is None:
        slow = low in _PHRASES or low in _SLOW_WORDS
        plain = low.replace(".", "") if "." in low else low
        info = (normalize_word(plain), plain in STOP_WORDS and plain not in NEGATIONS, slow)
        if len(_WORD_INFO) < 500_000:
            _WORD_INFO[low] = info
    return info


# Prefixes one outlet hyphenates and another writes solid: "e-mail" / "email",
# "cease-fire" / "ceasefire", "co-operate" / "cooperate", "non-profit" / "nonprofit".
# Only prefixes that are no word of their own ("anti-war" keeps "war" to match), and
# not "re": "re-signed" is not "resigned", nor "re-formed" "reformed".
_SOLID_PREFIXES = frozenset({"e", "co", "pre", "non", "cease"})


def _join_prefixes(text: str, raw: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``raw`` with each hyphenated :data:`_SOLID_PREFIXES` word written solid."""
    out: list[tuple[str, int, int]] = []
    for word, start, end in raw:
        if out and word[0].isalpha() and text[start - 1] == "-":
            prev, prev_start, prev_end = out[-1]
            if prev_end == start - 1 and prev.lower() in _SOLID_PREFIXES:
                out[-1] = (prev + word, prev_start, end)
                continue
        out.append((word, start, end))
    return out


def _titlecase(words: Iterable[str]) -> bool:
    """Title Case / ALL CAPS text: its capitals say nothing about names."""
    n_letters = n_caps = 0
    for w in words:
        if w[0].isalpha():
            n_letters += 1
            n_caps += w[0].isupper()
    return n_letters >= 4 and n_caps > 0.6 * n_letters


def is_country(name: str) -> bool:
    """Is ``name`` a country (or its capital, its people) as the aliases fold them:
    "Britain" is "uk", "Moscow" "russia" (:data:`PLACE_TOKENS`)? No one's surname."""
    toks = tokenize(name)
    return len(toks) == 1 and toks[0].norm in PLACE_TOKENS


def capitals_say_nothing(text: str) -> bool:
    """Whether ``text`` is written in Title Case or capitals (a headline), so that
    :func:`tokenize` marks no word of it as written with a capital."""
    return _titlecase(m.group(0) for m in _TOKEN_RE.finditer(clean(text)))


def tokenize(text: str) -> list[Token]:
    """Normalised tokens of ``text``, aliases and number words folded, stop words marked."""
    text = clean(text)
    raw = [(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    if "-" in text:
        raw = _join_prefixes(text, raw)
    n = len(raw)
    titlecase = _titlecase(w for w, _, _ in raw)
    # Possessives are folded here so "North Korea's" and "America's" hit their aliases.
    lowers = [w.lower() if "'" not in w else _strip_possessive(w.lower()) for w, _, _ in raw]
    signs = number_signs(text)
    states = _state_abbreviations(text) if _may_hold_tag(text) else None
    out: list[Token] = []
    append = out.append
    new = tuple.__new__  # a Token without its keyword-argument __new__ (the hot loop)
    i = 0
    while i < n:
        word, pos, _ = raw[i]
        low = lowers[i]
        first = word[0]
        cap = first.isupper() and not titlecase
        if states and pos in states:  # "(D-Md.)" names the state "of Maryland" does
            end, state = states[pos]
            for norm, stop in _state_words(state):
                append(new(Token, (norm, not stop and not titlecase, stop, False, pos)))
            while i < n and raw[i][1] < end:
                i += 1
            continue
        if signs and pos in signs:
            append(new(Token, ("no", False, True, False, pos)))  # "No. 10": no negation
            i += 1
            continue
        if first.isalpha():
            if first.isupper() and (word.isupper() or "." in word or "'" in word):
                # Case-sensitive acronyms first: "US" is the country, "us" a pronoun;
                # a possessive's "'s" aside ("S&P's").
                acronym = word[:-2] if word.endswith(("'s", "'S")) else word
                canon = _CASED.get(acronym.replace(".", "") if "." in acronym else acronym)
                if canon is not None:
                    append(new(Token, (canon, True, False, False, pos)))
                    i += 1
                    continue
            norm, stop, slow = _word_info(low)
            if not slow:
                if cap and (
                    low in CALENDAR or ((stop or norm in _COMMON) and _sentence_start(text, pos))
                ):
                    cap = False
                append(new(Token, (norm, cap, stop, False, pos)))
                i += 1
                continue
        # The slow path: aliases of several words, numbers, percentages.
        entries = _PHRASES.get(low)
        if entries is not None:
            matched = False
            for words, canon in entries:
                k = len(words)
                if tuple(lowers[i : i + k]) == words:
                    if canon in ("million", "billion", "%"):
                        break  # handled with numbers below
                    append(new(Token, (canon, True, False, False, pos)))
                    i += k
                    matched = True
                    break
            if matched:
                continue
        if first.isdigit() and i and _names_a_number(text, raw[i - 1], raw[i], signs):
            # "Flight 17", "Ch. 11", "Trailer #3": a name ('#17'), so "Flight 370" is
            # another; the word before stays a token of its own.
            if raw[i - 1][0] in ("UPDATE", "Update") and out:
                # A wire's version label ("UPDATE 3-GM hires…"): no word of the claim.
                out[-1] = out[-1]._replace(cap=False, stop=True)
                append(new(Token, ("#" + word, False, True, False, pos)))
                i += 1
                continue
            full = _IDENT_SHORT.get(lowers[i - 1])
            if full is not None and out:  # "Ch. 11" is "Chapter 11"
                out[-1] = out[-1]._replace(norm=full)
            append(new(Token, ("#" + word, True, False, False, pos)))
            i += 1
            continue
        if first.isdigit() or low in _UNITS or (low in ("a", "an") and i + 1 < n):
            value, used = _read_number(lowers, _Gaps(text, raw), i)
            if used:
                append(new(Token, (_fmt_number(value), False, False, True, pos)))
                i += used
                continue
        if first in "%$£€":
            if first == "%":
                append(new(Token, ("%", False, False, False, pos)))
            i += 1
            continue
        if low in ("pct", "percent") or (low == "per" and i + 1 < n and lowers[i + 1] == "cent"):
            append(new(Token, ("%", False, False, False, pos)))
            i += 2 if low == "per" else 1
            continue
        norm, stop, _ = _word_info(low)
        if cap and (low in CALENDAR or ((stop or norm in _COMMON) and _sentence_start(text, pos))):
            cap = False
        append(new(Token, (norm, cap, stop, False, pos)))
        i += 1
    return out


# "No. 10", "Nos. 3 and 4", "No 10 said": the number sign, not a negation ("no 10%
# rise" is one, and so is a lower-case "no 10").
NUMBER_SIGN_RE = re.compile(r"\b(?:No|Nos|NO)(?:\. ?| )(?=\d)(?!\d[\d,.]*\s?(?:%|per))")


def number_signs(text: str) -> frozenset[int]:
    """Where in ``text`` a "No" is the number sign (:data:`NUMBER_SIGN_RE`)."""
    if "No" not in text and "NO" not in text:
        return frozenset()
    return frozenset(m.start() for m in NUMBER_SIGN_RE.finditer(text))


def without_number_signs(text: str) -> str:
    """``text`` with each number sign blanked, offsets kept: the words of a claim
    ("No. 10 said" holds no "no")."""
    if "No" not in text and "NO" not in text:
        return text
    return NUMBER_SIGN_RE.sub(lambda m: " " * len(m.group(0)), text)


# Short forms of the words numbers name things with, read as the long ones.
_IDENT_SHORT = {
    short.lower(): normalize_word(full) for short, full in ABBREVIATED_NUMBERING.items()
}


def _names_a_number(
    text: str, before: tuple[str, int, int], number: tuple[str, int, int], signs: frozenset[int]
) -> bool:
    """The word ``before`` a ``number`` (raw tokens) makes it part of a name: "Article
    5", "iOS 7", "Trailer #3", "No. 10" (a "No" only as the number sign: "no 10% rise"
    counts); never a percentage ("Week 2% Higher"), as db.numbers reads it."""
    word, start, end = before
    if word in ("No", "Nos", "NO"):
        return start in signs
    _, pos, num_end = number
    if end + 3 < pos or text[end:pos].strip(". #"):
        return False
    after = text[num_end : num_end + 9].lstrip().lower()
    return not after.startswith(_PERCENT_WORDS) and is_identifier_word(word)


_PERCENT_WORDS = ("%", "percent", "per cent", "pct")


class _Gaps:
    """gaps[j]: True when token j follows token j-1 with only spaces between."""

    __slots__ = ("raw", "text")

    def __init__(self, text: str, raw: list[tuple[str, int, int]]) -> None:
        self.text = text
        self.raw = raw

    def __getitem__(self, j: int) -> bool:
        return j > 0 and not self.text[self.raw[j - 1][2] : self.raw[j][1]].strip()


def _read_number(lowers: list[str], joined: _Gaps, i: int) -> tuple[float, int]:
    """Parse a number starting at ``lowers[i]``: digits or words, with scale words.

    Returns (value, tokens used); used == 0 when there is no number here.
    """
    tok = lowers[i]
    if not tok[0].isdigit():
        return read_number_words(lowers, i, joined.__getitem__)
    try:
        current = float(tok.replace(",", ""))
    except ValueError:
        return 0.0, 0
    n = len(lowers)
    j = i + 1
    if j < n and not joined[j]:
        return current, 1
    if j < n and lowers[j] in ("mln", "mn", "m", "million"):
        return current * 1e6, j - i + 1
    if j < n and lowers[j] in ("bln", "bn", "b", "billion"):
        return current * 1e9, j - i + 1
    if j < n and lowers[j] in ("thousand", "k"):
        return current * 1e3, j - i + 1
    if j < n and lowers[j] == "trillion":
        return current * 1e12, j - i + 1
    return current, j - i


def content_word_list(text: str) -> list[str]:
    """The normalised words of ``text`` in order, stop words dropped (numbers kept)."""
    return [t.norm for t in tokenize(text) if not t.stop]


def entity_tokens(text: str) -> set[str]:
    """Normalised tokens written with a capital inside the sentence: names, places."""
    return {t.norm for t in tokenize(text) if t.cap and not t.stop}


def normalize(text: str) -> str:
    """Content tokens joined by spaces: the canonical form used for string similarity."""
    return " ".join(content_word_list(text))


# --------------------------------------------------------------------------- rarity

# A token at least this rare tells which claim a statement makes; two statements
# that share none of these are never matched, and only these are blocking keys.
INFORMATIVE_RARITY = 0.75


# Places ("northkorea", "usa") are names every statement of a story shares: they
# say what a story is about, not which claim a statement makes. Capped at this.
PLACE_RARITY = 0.5


def _build_rarity() -> dict[str, float]:
    table: dict[str, float] = {}
    for tier, weight in zip(COMMON_TIERS, TIER_WEIGHTS, strict=True):
        for w in tier.split():
            table.setdefault(w, weight)
    for place in PLACE_TOKENS:
        table[place] = min(table.get(place, 1.0), PLACE_RARITY)
    return table


_RARITY = _build_rarity()
_COMMON = frozenset(w for w, wt in _RARITY.items() if wt <= 0.5)


@cache
def common_capitals() -> frozenset[str]:
    """Words news text capitalises inside sentences but mostly writes in lower case
    ("Defence Minister", "the Government"): no names. Written by ``python
    bench/fit_matcher.py --common-capitals``; read on first use."""
    path = Path(__file__).with_name("common_capitals.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


def common_word(token: str) -> bool:
    """Whether a normalised token is a common word (:data:`COMMON_TIERS`) or one news
    text mostly writes in lower case: a capital on it names nothing by itself."""
    return token in _COMMON or token in common_capitals()


def rarity(token: str) -> float:
    """How informative a normalised token is: 0.25 (very common) .. 1.0 (rare)."""
    return _RARITY.get(token, 1.0)
