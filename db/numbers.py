"""Numbers (numeric claims) found inside news text, and the one reader of number words.

Everything here works on plain ``str`` with exact character offsets: for every span
returned, ``text[span.start:span.end] == span.raw``. Nothing
raises on any ``str``, and every scan is linear: regexes have no ambiguous nested
quantifiers, and windows around a match are bounded (see the tests with 100k dots and
1 MB words).

Numbers — what counts as a numeric claim (decisions, so the matcher can rely on them):

* Reported: cardinals written in digits (``11,000``, ``3.5``), with currency
  (``$1.13bn``, ``£600m``, ``1.5 billion dlrs``), percentages (``76%``, ``10 pct``,
  ``5 per cent``; percentage points get unit ``"pp"``, and so do basis points, a
  hundredth of one: ``25 basis points`` and ``25 bps`` are 0.25, as are ``a quarter
  point``, ``quarter-point`` and ``a quarter of a percentage point``; ``half a
  point``, ``a half-point`` 0.5), scale words (``5.93 mln``,
  ``2 million``) and spelled-out cardinals (``five``, ``twenty-five``, ``two hundred
  and fifty``, ``half a million``, ``a dozen``; also in compounds: ``five-year`` -> 5).
  A share written as two numbers or as a fraction in words is one figure, a
  percentage, ``raw`` keeping the words: ``1 in 3``, ``one in five`` (20),
  ``two-in-three``, ``9 out of 10``, ``1 in a million``, ``two-thirds``, ``one third``,
  ``three-quarters of``, ``nine-tenths``, ``a third of``; not a rate over time (``3 in
  10 days``), a number and a year (``5 in 2016``), fiscal quarters (``the past three
  quarters``), an ordinal (``a third term``) nor a fraction of one thing (``a quarter
  of a century``).
* Not reported at all (they are not claims): years (a bare 4-digit 1800-2099 with no
  currency/scale/percent; "2000 people" is lost with them), dates (``Jan. 5``,
  ``5 January``), times (``3 p.m.``, ``10:30``, ``9 GMT``), ordinals (``1st``,
  ``first``), numbers inside words or identifiers (``G7``, ``COVID-19``, ``F-16``,
  ``No. 10``, ``Article 5``), numbers glued to ``/`` or ``:`` (``9/11``, ``24/7``),
  decades (``1990s``), ``5m`` without a currency (metres? minutes?), halves and
  quarters alone ("a year and a half", "in one quarter") and bare ``one`` (nearly
  always a pronoun: "one of", "no one"; it counts with a scale: "one million").
  ALL-CAPS spelled numbers ("FIVE") are missed.
* English conventions only: ``11.000`` is eleven, not eleven thousand. A U+201A low
  quotation mark before exactly three digits is a thousands comma (``150‚000``, as
  some outlets and OCR print it). Signs are not captured (values are magnitudes;
  direction lives in the verbs).
* ``unit`` is an ISO currency code (``$``/dlrs -> USD, ``£``/stg -> GBP, ``€`` -> EUR,
  ``¥``/yen -> JPY, "Canadian dlrs" -> CAD, ...), ``"%"`` or ``"pp"`` — never a guessed
  noun ("155,221 bags" has unit ``None``). Cents (``cts``) become USD fractions.
* ``qualifier`` is one of a small normalised vocabulary, ``raw`` keeps the words:
  ``"about"`` (about, around, approximately, roughly, some, circa), ``"estimated"``
  (an estimated, estimated), ``"at least"`` (at least, no fewer/less than, a minimum
  of), ``"at most"`` (at most, no more than, a maximum of), ``"more than"`` (more
  than, over, above, in excess of, upwards of, just over), ``"less than"`` (less than,
  fewer than, under, below), ``"nearly"`` (nearly, almost, close to, just under),
  ``"up to"`` (up to, as many as, as much as); ``None`` when plain.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from db.wordsets import first_letter_trie, with_punct, words

__all__ = [
    "ABBREVIATED_NUMBERING",
    "FIGURE_KEY_PREFIX",
    "NUMBERING_ABBREVIATIONS",
    "NUMWORD_TOKENS",
    "TENS_WORDS",
    "UNIT_WORDS",
    "NumberSpan",
    "extract_numbers",
    "figure_key",
    "low9_as_comma",
    "may_hold_number_words",
    "numbers_at",
    "read_number_words",
    "round_significant",
    "telling",
]


@dataclass(slots=True, frozen=True)
class NumberSpan:
    start: int
    end: int
    raw: str
    value: float
    unit: str | None
    qualifier: str | None

    def __reduce__(
        self,
    ) -> tuple[type[NumberSpan], tuple[int, int, str, float, str | None, str | None]]:
        # Plain constructor arguments: a third of the default pickling cost (an ingest's
        # workers send every article's spans back to the writing process).
        return NumberSpan, (self.start, self.end, self.raw, self.value, self.unit, self.qualifier)


# --------------------------------------------------------------------------- numbers

_CURRENCY_PREFIX = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "£": "GBP",
    "gbp": "GBP",
    "€": "EUR",
    "eur": "EUR",
    "¥": "JPY",
    "a$": "AUD",
    "c$": "CAD",
    "hk$": "HKD",
    "nz$": "NZD",
    "$us": "USD",
    "$a": "AUD",
    "$nz": "NZD",
    "$hk": "HKD",
    "s$": "SGD",
    "rs": "INR",
    "rs.": "INR",
}

# Powers of ten, so values are built exactly from the decimal string: 4.1 * 1e6 is
# 4099999.9999999995, float("4.1e6") is 4100000.0.
_SCALE_EXP = {
    "k": 3,
    "thousand": 3,
    "m": 6,
    "mn": 6,
    "mln": 6,
    "million": 6,
    "b": 9,
    "bn": 9,
    "bln": 9,
    "billion": 9,
    "tn": 12,
    "trn": 12,
    "tln": 12,
    "trillion": 12,
}

# The thousands separators: the comma, and U+201A (single low-9 quotation mark), which
# some outlets and OCR print for it ("150\u201a000"). Between a digit and exactly three
# more it is that comma; as an opening quote (before a word, or a digit with no digit
# before it) it is left alone.
_THOUSANDS_SEPS = ",\u201a"
_NO_SEPS = str.maketrans("", "", _THOUSANDS_SEPS)
_LOW9_THOUSANDS_RE = re.compile(r"(?<=[0-9])\u201a(?=[0-9]{3}(?![0-9]))")


def low9_as_comma(text: str) -> str:
    """``text`` with each U+201A that separates thousands written as a comma (offsets
    kept): db.normalize reads it on the comma's path."""
    if "\u201a" not in text:
        return text
    return _LOW9_THOUSANDS_RE.sub(",", text)


# The digit core. A currency prefix may be glued or spaced ("$ 5", "USD 5").
# Digits are bounded ({1,30}) so float() never sees a megabyte of digits.
_NUM_RE = re.compile(
    # Starts with a bare [0-9] so the engine's charset scan can skip ahead (a leading
    # lookbehind or optional currency group made this scan 8x slower). The lookbehinds
    # after the first digit refuse starts inside a word or digit run (a separator after
    # a digit is inside the run), which also keeps a 1 MB digit string linear. Digits
    # are bounded so float() never sees megabytes.
    # A letter may stand before it only as the tail of "$US", "$A", "$NZ", "$HK".
    r"[0-9](?:(?<![0-9A-Za-z.,_][0-9])|(?<=\$US[0-9])|(?<=\$A[0-9])|(?<=\$NZ[0-9])"
    r"|(?<=\$HK[0-9]))(?<![0-9]\u201a[0-9])"
    rf"(?:\d{{0,2}}(?:[{_THOUSANDS_SEPS}]\d{{3}}){{1,10}}|\d{{0,29}})(?:\.\d{{1,12}})?"
    # Reuters-style mixed fractions: "7-1/2 pct", "22-1/2 cts".
    r"(?:-(?P<fn>[1-9]|1[0-5])/(?P<fd>2|4|8|16|32)(?![0-9/]))?"
    # Scales glued to the digits: "$1.13bn", "£600m", "5mln", a headline's "$2.1M" and
    # "$1.8B". Lone m/k/b only count after a currency (else "5m" may be metres, "3M" a
    # company, "4K" a screen); that is checked in code.
    r"(?P<glued>(?i:bn|mln|bln|mn|trn|tn|m|k|b))?(?![A-Za-z0-9])"
)
# A currency sign/code right before the digits ("$", "US$", "USD ", "£"), looked for
# in the few characters before a number.
# "$US2m", "$A5 million": the symbol first, as Australian and New Zealand outlets write it.
_CUR_BEFORE_RE = re.compile(
    r"(?:US\$|USD ?|GBP ?|EUR ?|HK\$|NZ\$|[ACS]\$|\$(?:US|A|NZ|HK) ?|Rs\.? ?|[$£€¥] ?)\Z"
)

_DOLLAR_ADJ = {
    "canadian": "CAD",
    "australian": "AUD",
    "hong kong": "HKD",
    "new zealand": "NZD",
    "singapore": "SGD",
    "taiwan": "TWD",
}
_CURRENCY_WORDS = {
    "dlrs": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "stg": "GBP",
    "sterling": "GBP",
    "pounds sterling": "GBP",
    "euro": "EUR",
    "euros": "EUR",
    "yen": "JPY",
    "yuan": "CNY",
    "rupees": "INR",
    "roubles": "RUB",
    "rubles": "RUB",
    "swiss francs": "CHF",
    "francs": "FRF",
    "marks": "DEM",
    "cts": "USD",
    "cents": "USD",
}

_MONTH_NAMES = words(
    """
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    """
)
# Case-sensitive on purpose: "may 5" is rarer than "May 5", and Reuters caps are covered.
_MONTHS = frozenset(_MONTH_NAMES) | frozenset(m.upper() for m in _MONTH_NAMES)
# Abbreviations that number something, and the word each stands for: db.normalize
# reads "Ch. 11" as "Chapter 11".
ABBREVIATED_NUMBERING = {
    "Ch": "chapter",
    "Chap": "chapter",
    "Prop": "proposition",
    "Vol": "volume",
    "Art": "article",
    "Sec": "section",
    "Sect": "section",
    "Ep": "episode",
    "Para": "paragraph",
}
# The abbreviations among the identifier words below, written with a period before the
# number ("No. 10", "Ch. 11", "Vol. 2"): db.speakers reads such a pair as no one's name.
NUMBERING_ABBREVIATIONS = words("No Nos NO") | frozenset(ABBREVIATED_NUMBERING)
# Identifiers: "No. 10", "Article 5", "Resolution 2231", "Flight 17", Reuters' "UPDATE
# 3-" (case-sensitive: "no 10%" is a negation; lower case only where it is no word of
# a claim).
_IDENT_WORDS = NUMBERING_ABBREVIATIONS | words(
    """
    Number Article Section Chapter Resolution Flight Route Page Clause Paragraph
    Rule Room Volume Episode Season Level Phase Stage Category Grade Gate Platform
    Highway Interstate Channel Unit Ward District Lot Apollo Windows iPhone Galaxy
    Version Model Game Week Day Bowl Amendment Proposition Title Formula
    Boeing Airbus Xbox PlayStation Nexus Android Kindle Pixel
    UPDATE Update Trailer Seasons Episodes
    chapter season episode article section flight trailer
    """
)

# Everything that can follow the digits, in one anchored match (one regex call per
# number instead of five): a date or time (then it is no claim), else an optional scale
# word followed by an optional percent sign/word or currency word.
_SUFFIX_RE = re.compile(
    r"(?P<date>(?:st|nd|rd|th)?[ \u00a0](?:of[ ])?(?:"
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\b)"
    r"|(?P<time>[ \u00a0]?(?:(?i:[ap]\.m\.|[ap]m\b|hrs\b|o'clock\b)"
    r"|(?:GMT|UTC|BST|CET|ET|[ECMP][SD]T)\b))"
    # basis points ("25 basis points", "25 bps"; not "BP" the company)
    r"|(?P<bp>[ \u00a0]?(?:(?i:basis[ \u00a0-]points?)|bps?)\b)"
    r"|(?P<scale>[ \u00a0]?(?:-[ ]?)?"
    r"(?P<sw>(?i:thousand|million|billion|trillion|mln|bln|bn|mn|trn|tln))\b)?"
    r"(?:(?P<pct>[ \u00a0]?(?i:%|pct\b|per[ -]?cent\b|percent\b)"
    r"(?P<pts>[ \u00a0](?i:points?|pts?)\b)?|[ \u00a0](?P<pp>(?i:percentage[ \u00a0]points?))\b)"
    r"|(?P<cur>[ \u00a0](?:(?P<adj>(?i:U\.?S\.?|US|Canadian|Australian|Hong[ ]Kong|New[ ]Zealand"
    r"|Singapore|Taiwan))[ \u00a0])?"
    r"(?P<cw>(?i:dlrs|dollars?|stg|sterling|pounds[ ]sterling|euros?|yen|yuan|rupees|roubles"
    r"|rubles|swiss[ ]francs|francs|marks|cts|cents))\b))?"
)

_QUALIFIERS = {
    "about": "about",
    "around": "about",
    "approximately": "about",
    "approx.": "about",
    "roughly": "about",
    "some": "about",
    "circa": "about",
    "an estimated": "estimated",
    "estimated": "estimated",
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "a minimum of": "at least",
    "at most": "at most",
    "no more than": "at most",
    "a maximum of": "at most",
    "more than": "more than",
    "over": "more than",
    "above": "more than",
    "in excess of": "more than",
    "upwards of": "more than",
    "just over": "more than",
    "less than": "less than",
    "fewer than": "less than",
    "under": "less than",
    "below": "less than",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "just shy of": "nearly",
    "up to": "up to",
    "as many as": "up to",
    "as much as": "up to",
}
_QUAL_LAST = frozenset(q.split()[-1] for q in _QUALIFIERS)  # "at least" -> "least"
_WINDOW = 24  # characters looked at before a number (qualifiers, months, identifiers)


def _prev_tokens(text: str, start: int) -> list[str] | None:
    """Up to 3 whitespace-separated tokens right before ``start`` (None if glued).

    Token-based rather than a ``$``-anchored regex search: that search retries at
    every window position and costs ~10x more per number.
    """
    lo = max(0, start - _WINDOW)
    window = text[lo:start]
    stripped = window.rstrip()
    if len(stripped) == len(window) or not stripped:
        return None
    toks = stripped.split()
    # The window may cut a word in half: drop a first token that starts at the cut.
    if lo > 0 and not window[0].isspace() and not text[lo - 1].isspace():
        toks = toks[1:]
    return toks[-3:]


def _qualifier(text: str, start: int, toks: list[str] | None) -> tuple[int, str | None]:
    """A qualifier ending right before ``start``: (its start, normalised) or (start, None)."""
    if not toks or toks[-1].lower() not in _QUAL_LAST:
        return start, None  # the common case, decided by one set look-up
    for k in range(len(toks), 0, -1):
        key = " ".join(toks[-k:]).lower()
        qual = _QUALIFIERS.get(key)
        if qual is not None:
            pos = start
            for tok in reversed(toks[-k:]):
                pos = text.rfind(tok, 0, pos)
            return pos, qual
    return start, None


UNIT_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_BIG_WORDS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SMALL_ALT = "|".join(sorted([*UNIT_WORDS, *TENS_WORDS], key=len, reverse=True))
_BIG_ALT = "hundred|thousand|million|billion|trillion"
_SMALLP = rf"(?:{_SMALL_ALT})(?:-(?:{_SMALL_ALT}))?"


_SMALL_WORDS = [*UNIT_WORDS, *TENS_WORDS]
# A spelled-out cardinal: a small word ("five", "twenty-five"), optionally followed by
# big words each optionally followed by another small part ("two hundred and fifty
# thousand"); or "a"/"half a" + a big word ("a million", "half a million", "a dozen").
# Performance: the pattern starts with a bare character class so the regex engine can
# skip ahead with its charset scan; the word-start check is a lookbehind after that
# first letter, and case-insensitivity is scoped to the rare continuation. A
# whole-pattern IGNORECASE made this scan 4x slower than everything else together.
# ALL-CAPS spelled numbers ("FIVE") are not matched. Fractions ("two-thirds") are
# rejected by the final lookahead (_fractions reads them).
_WORDNUM_RE = re.compile(
    "[" + "".join(sorted({w[0] + w[0].upper() for w in [*_SMALL_WORDS, "half", "a"]})) + "]"
    r"(?<![A-Za-z0-9].)"
    rf"(?:(?<=[Hh])alf[ -]an?[ ](?P<hbig>(?i:{_BIG_ALT}|dozen))"
    rf"|(?<=[Aa])n?[ ](?P<abig>(?i:{_BIG_ALT}|dozen))"
    rf"|(?:{first_letter_trie(_SMALL_WORDS)})(?i:-(?:{_SMALL_ALT}))?"
    rf"(?i:[ -](?:{_BIG_ALT})(?:[ ](?:and[ ])?{_SMALLP})?){{0,4}})\b"
    r"(?!-(?:thirds?|fourths?|fifths?|quarters?|halves|tenths?)\b)"
)
_WORD_SPLIT_RE = re.compile(r"[ -]+")


NUMWORD_TOKENS = with_punct({*_SMALL_WORDS, *_BIG_WORDS, "half", "dozen"})


_A_SCALE = frozenset({"dozen", "hundred", "thousand", "million", "billion"})


def read_number_words(
    words: Sequence[str], i: int = 0, joined: Callable[[int], bool] | None = None
) -> tuple[float, int]:
    """The spelled-out cardinal starting at ``words[i]``: (value, tokens used).

    ``words`` are lower-case tokens ("two", "hundred", "and", "fifty", "thousand");
    "a"/"an" count before a scale word ("a dozen", "a million"), "dozen" multiplies,
    "and" is read only between a number and a unit word. Reading stops at the first
    other token, or where ``joined(j)`` says token j is not attached to the one before
    it (db.normalize: not separated by spaces only). ``used`` is 0 when no number
    starts here. The one reader of number words: db.normalize folds them into digit
    tokens with it, and this module values the spans its regex finds.
    """
    n = len(words)
    j = i
    total = current = 0.0
    seen = False
    if words[i] in ("a", "an"):
        if i + 1 < n and words[i + 1] in _A_SCALE:
            current, seen = 1.0, True
            j += 1
        else:
            return 0.0, 0
    while j < n:
        w = words[j]
        if j > i and joined is not None and not joined(j):
            break
        if w in UNIT_WORDS:
            current += UNIT_WORDS[w]
            seen = True
        elif w in TENS_WORDS:
            current += TENS_WORDS[w]
            seen = True
        elif w == "dozen":
            current = (current or 1) * 12
            seen = True
        elif w in _BIG_WORDS and seen:
            if w == "hundred":
                current = (current or 1) * 100
            else:
                total += (current or 1) * _BIG_WORDS[w]
                current = 0.0
        elif not (w == "and" and seen and j + 1 < n and _is_unit(words[j + 1])):
            break
        j += 1
    if not seen:
        return 0.0, 0
    return total + current, j - i


def _is_unit(w: str) -> bool:
    return w in UNIT_WORDS or w in TENS_WORDS or w == "dozen"


def _parse_words(span: str) -> float | None:
    """Value of a spelled-out cardinal like 'two hundred and fifty thousand' (the whole
    span must be read), by :func:`read_number_words`."""
    toks = [w for w in _WORD_SPLIT_RE.split(span.lower()) if w]
    if not toks:
        return None
    value, used = read_number_words(toks)
    return value if used == len(toks) else None


def _in_word(text: str, start: int, end: int) -> bool:
    """True when the span is glued to letters/digits: G7, COVID-19, F-16, 9/11, 10:30."""
    if start > 0:
        c = text[start - 1]
        if c.isalnum() or c in "/:_":
            return True
        # "F-16", "Su-27", "COVID-19": a hyphen glued to a letter before it.
        if c in "-\u2011" and start > 1 and text[start - 2].isalpha():
            return True
        # "1.2.3" / "v.2": a dot glued to an alphanumeric.
        if c == "." and start > 1 and text[start - 2].isalnum():
            return True
    if end < len(text):
        c = text[end]
        if c in "/_" or (c == ":" and end + 1 < len(text) and text[end + 1].isdigit()):
            return True
        # "1.2.3": a dot followed by a digit after a complete decimal.
        if c == "." and end + 1 < len(text) and text[end + 1].isdigit():
            return True
    return False


def _ident_or_date_before(toks: list[str], unit: str | None) -> bool:
    """The word before a number makes it a date or an identifier: 'Jan. 5', 'No. 10',
    or a product's version: 'iOS 7', 'PlayStation 4'; not an amount ('Week 2% Higher')."""
    last = toks[-1].rstrip(".")
    return last in _MONTHS or (unit is None and is_identifier_word(last))


def is_identifier_word(word: str) -> bool:
    """A number after ``word`` names something rather than counting it ('Article 5',
    'Flight 17', 'iOS 7'): case-sensitive, without a trailing period."""
    return word in _IDENT_WORDS or _capital_inside(word)


def _capital_inside(word: str) -> bool:
    """'iOS', 'iPhone', 'eBay': a lower-case first letter, a capital after it (not
    'McConnell 52 votes': a name)."""
    return word[:1].islower() and not word.islower()


def _digit_numbers(text: str, base: int) -> list[NumberSpan]:
    """Numbers written with digits; offsets are shifted by ``base``."""
    out: list[NumberSpan] = []
    for m in _NUM_RE.finditer(text):
        start, end = m.start(), m.end()
        glued = m.group("glued")
        num = m.group() if glued is None else m.group()[: -len(glued)]
        frac = 0.0
        if m.group("fn") is not None:
            frac = int(m.group("fn")) / int(m.group("fd"))
            num = num[: m.start("fn") - 1 - m.start()]
        unit = None
        prev = text[start - 1] if start else ""
        if (
            prev in "$£€¥"
            or (prev == " " and start > 1 and text[start - 2] in "DPR.sSAZK")
            or (prev in "SAZK" and "$" in text[max(0, start - 3) : start])
        ):
            cm = _CUR_BEFORE_RE.search(text, max(0, start - 4), start)
            # A currency code must not be the tail of a word ("XUSD 5").
            if cm is not None and (cm.start() == 0 or not text[cm.start() - 1].isalnum()):
                unit = _CURRENCY_PREFIX[cm.group().strip().lower()]
                start = cm.start()
        if _in_word(text, start, end) or prev == "#":
            continue  # "Trailer #3": a number sign, as "No. 3"
        sm = _SUFFIX_RE.match(text, end)
        if sm.end() == end:
            sm = None  # nothing after the digits (the common case): skip the group checks
        elif sm.group("date") is not None or sm.group("time") is not None:
            continue
        exp = 0
        if sm is not None and sm.group("bp") is not None and unit is None and glued is None:
            unit, exp, end = "pp", -2, sm.end()  # a basis point is a hundredth of one
            sm = None
        if glued:
            g = glued.lower()
            # "5m" is only millions with a currency ("$5m", "3m euros"); alone it may be
            # metres or minutes ("the 100m final"), which is no claim we can read.
            if g in ("m", "k", "b") and unit is None and (sm is None or sm.group("cw") is None):
                continue
            exp = _SCALE_EXP[g]
        elif sm is not None and sm.group("sw") is not None:
            exp = _SCALE_EXP[sm.group("sw").lower()]
            end = sm.end("scale")
        scaled = exp != 0
        if sm is not None and unit is None and not (glued and sm.group("sw")):
            if sm.group("pct") is not None or sm.group("pp") is not None:
                unit = "%" if sm.group("pp") is None and sm.group("pts") is None else "pp"
                end = sm.end()
            elif sm.group("cw") is not None:
                word = sm.group("cw").lower()
                unit = _CURRENCY_WORDS.get(word, "USD")
                adj = (sm.group("adj") or "").lower()
                if unit == "USD" and adj in _DOLLAR_ADJ:
                    unit = _DOLLAR_ADJ[adj]
                if word in ("cts", "cents"):
                    exp -= 2
                end = sm.end()
        digits = num.translate(_NO_SEPS)
        value = float(f"{digits}e{exp}") if exp else float(digits)
        if frac:
            value += frac * 10.0**exp
        toks = _prev_tokens(text, start)
        if toks and _ident_or_date_before(toks, unit):
            continue
        # A bare 4-digit number in 1800-2099 is a year, not a claim.
        if (
            unit is None
            and not scaled
            and len(num) == 4
            and num.isdigit()
            and 1800 <= int(num) <= 2099
        ):
            continue
        qstart, qual = _qualifier(text, start, toks)
        out.append(NumberSpan(qstart + base, end + base, text[qstart:end], value, unit, qual))
    return out


def _word_numbers(text: str, base: int) -> list[NumberSpan]:
    """Spelled-out cardinals; offsets are shifted by ``base``."""
    out: list[NumberSpan] = []
    for m in _WORDNUM_RE.finditer(text):
        start, end = m.start(), m.end()
        if start > 0 and text[start - 1] in "-\u2011":
            continue  # "Apollo-eleven"-style compounds; rare, and never claims
        big = m.group("abig") or m.group("hbig")
        if big:
            big = big.lower()
            unit_value = 12.0 if big == "dozen" else _BIG_WORDS[big]
            value = unit_value / 2 if m.group("hbig") else unit_value
        else:
            words = m.group(0)
            parts = _WORD_SPLIT_RE.split(words.lower())
            # Bare "one" is nearly always a pronoun ("one of", "no one"); "zero" an idiom.
            if parts in (["one"], ["zero"]):
                continue
            v = _parse_words(words)
            if v is None:
                continue
            value = v
        unit = None
        sm = _SUFFIX_RE.match(text, end)
        if sm.group("date") is not None or sm.group("time") is not None:
            continue  # "five p.m.", "three May"
        if sm.group("bp") is not None:
            unit, value, end = "pp", value / 100, sm.end()  # "fifty basis points"
        elif sm.group("sw") is None and (sm.group("pct") or sm.group("pp")):
            unit = "%" if sm.group("pp") is None and sm.group("pts") is None else "pp"
            end = sm.end()
        toks = _prev_tokens(text, start)
        if toks and _ident_or_date_before(toks, unit):
            continue
        if text[start].isupper() and toks and _plain_lower_word(toks[-1], text, start):
            continue  # "the clip depicts Four throwing knives": a name, not a count
        qstart, qual = _qualifier(text, start, toks)
        out.append(NumberSpan(qstart + base, end + base, text[qstart:end], value, unit, qual))
    return out


# Words a headline in title case leaves in lower case ("Police Search for Three
# Suspects"): a capitalised number after them may still be a count.
_TITLE_CASE_SMALL = frozenset(
    """
    a an and as at but by for from in into nor of off on onto or over per the to up via vs
    with
    """.split()  # noqa: SIM905 - a word list reads better as text
)


def _plain_lower_word(token: str, text: str, start: int) -> bool:
    """``token``, the word before ``start`` on the same line, is a lower-case word that
    title case would capitalise: a capitalised number word right after it is written so
    because it names someone or something ("the Six Nations", "told Five Live")."""
    if not (token.isalpha() and token.islower()) or token in _TITLE_CASE_SMALL:
        return False
    i = start - 1
    while i > 0 and text[i] in " \t\u00a0":
        i -= 1
    return text[i] not in "\r\n\u2028\u2029"  # not a headline's last word above a body


# A share written as two numbers: "1 in 3", "one in five", "two-in-three", "9 out of
# 10", "1 in a million". Read as one figure, a percentage (raw keeps the words): two
# numbers would be compared one by one, and "1 in 3" / "two-in-three" read as "3 vs
# two". Not a rate over time ("3 in 10 days"), nor a number and a year ("5 in 2016").
# Found from the joining words, then the numbers on either side.
_RATIO_JOINS = (" in ", "-in-", " out of ")
# The last letters of the number words (_SMALL_ALT), and the digits.
_RATIO_LAST = frozenset("0123456789" + "".join(w[-1] + w[-1].upper() for w in _SMALL_WORDS))
_RATIO_N_RE = re.compile(r"(?<![\w.,$£€¥-])(?:\d{1,3}|(?i:" + _SMALL_ALT + r"))\Z")
_RATIO_M_RE = re.compile(
    r"(?:\d{1,3}(?:,\d{3})*(?![\d.]\d)|(?i:a\s+(?:hundred|thousand|million|billion)|"
    + _SMALL_ALT
    + r"))(?![\w-])"
)
_RATIO_TIME_RE = re.compile(
    r"\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)\b",
    re.IGNORECASE,
)


def _ratio_part(word: str) -> float | None:
    """The value of one side of a share: digits, or number words ("a million")."""
    if word[0].isdigit():
        return float(word.translate(_NO_SEPS))
    return _parse_words(word)


# A share written as a fraction in words: "two-thirds", "one third", "a third of",
# "three-fifths", "nine-tenths", "three-quarters of" (not "the past three quarters":
# fiscal ones). Halves are left out ("a year and a half", "half an hour").
_FRACTION_D_RE = re.compile(
    r"(?i:thirds?|fifths?|sixths?|eighths?|ninths?|tenths?|quarters?)\b(?!-)"
)
_FRACTION_N_RE = re.compile(r"(?<![\w-])(?i:a|one|two|three|four|five|six|seven|eight|nine)[- ]\Z")
# "a third" and "a quarter" are shares only of something: "a third of voters", not "a
# third term", "a quarter of a century", "a third of a mile".
_FRACTION_OF_RE = re.compile(r" of (?!an? )")
_FRACTION_DENOMINATORS = {
    "third": 3, "fifth": 5, "sixth": 6, "eighth": 8, "ninth": 9, "tenth": 10, "quarter": 4
}  # fmt: skip
# Cheap tests before the fraction regex: the denominators' tails after a number word,
# or the common shares after "a" ("a third of", "A quarter of": no number word).
_FRACTION_HINTS = ("hird", "ifth", "ixth", "ighth", "inth", "enth", "uarter")
_FISCAL_BEFORE = words(
    "past last first next previous preceding prior recent latest final remaining"
    " following subsequent consecutive straight"
)


def _fractions(text: str, base: int) -> list[NumberSpan]:
    """Shares written as fractions in words, as percentages; offsets shifted by ``base``."""
    out: list[NumberSpan] = []
    for dm in _FRACTION_D_RE.finditer(text):
        if dm.start() < 2 or text[dm.start() - 1] not in "- ":
            continue  # (cheap) no word before it, or glued to one
        m = _FRACTION_N_RE.search(text, max(0, dm.start() - 6), dm.start())
        if m is None:
            continue
        n_word, d_word = m.group()[:-1].lower(), dm.group().lower()
        n = UNIT_WORDS.get(n_word, 1)
        plural = d_word.endswith("s")
        d = _FRACTION_DENOMINATORS[d_word.rstrip("s")]
        if plural != (n > 1) or n >= d:
            continue  # "one thirds", "three thirds": no share
        if (n_word == "a" or d == 4) and not _FRACTION_OF_RE.match(text, dm.end()):
            continue  # "a third term", "in one quarter", "a quarter of a century"
        toks = _prev_tokens(text, m.start())
        if d_word == "quarters" and toks and toks[-1].lower() in _FISCAL_BEFORE:
            continue  # "the past three quarters"
        qstart, qual = _qualifier(text, m.start(), toks)
        value = round(100.0 * n / d, 6)
        out.append(
            NumberSpan(qstart + base, dm.end() + base, text[qstart : dm.end()], value, "%", qual)
        )
    return out


# A quarter or a half of a (percentage) point: "a quarter point", "quarter-point", "a
# quarter of a percentage point", "half a point", "a half-point"; not the half of "one
# and a half points" (1.5, which no digit gives either) nor "the half point" of a season.
_POINT_PART_RE = re.compile(
    r"(?<![\w-])(?<!and )(?<!and a )(?<!the )(?:(?i:a|one)[ -])?(?P<part>(?i:quarter|half))"
    r"(?:[ -](?i:a))?[ -](?:(?i:of)[ ](?i:a)[ ])?(?:(?i:percentage)[ -])?(?i:points?)\b"
)
_POINT_PARTS = {"quarter": 0.25, "half": 0.5}


def _point_parts(text: str, base: int) -> list[NumberSpan]:
    """A quarter or a half of a percentage point, in words (unit ``"pp"``); offsets
    shifted by ``base``."""
    out: list[NumberSpan] = []
    for m in _POINT_PART_RE.finditer(text):
        start = m.start()
        qstart, qual = _qualifier(text, start, _prev_tokens(text, start))
        value = _POINT_PARTS[m.group("part").lower()]
        out.append(
            NumberSpan(qstart + base, m.end() + base, text[qstart : m.end()], value, "pp", qual)
        )
    return out


def _joins(text: str) -> list[tuple[int, int]]:
    """Where the joining words of a share stand in ``text`` (str.find: a C-speed scan),
    in order."""
    out: list[tuple[int, int]] = []
    for join in _RATIO_JOINS:
        i = text.find(join)
        while i >= 0:
            out.append((i, i + len(join)))
            i = text.find(join, i + 1)
    return sorted(out) if len(out) > 1 else out


def _ratios(text: str, base: int) -> list[NumberSpan]:
    """Shares written "N in M" or "N out of M", as percentages; offsets shifted by
    ``base``."""
    out: list[NumberSpan] = []
    for js, je in _joins(text):
        if js == 0 or text[js - 1] not in _RATIO_LAST:
            continue  # (cheap) no digit nor number word ends right before it
        before = _RATIO_N_RE.search(text, max(0, js - 10), js)
        if before is None:
            continue
        after = _RATIO_M_RE.match(text, je)
        if after is None:
            continue
        n, d = _ratio_part(before.group()), _ratio_part(after.group())
        raw_d = after.group()
        if not n or not d or n > d or d < 2:
            continue
        if raw_d.isdigit() and len(raw_d) == 4 and 1800 <= int(raw_d) <= 2099:
            continue  # "5 in 2016"
        if _RATIO_TIME_RE.match(text, after.end()):
            continue  # "3 in 10 days": a rate, not a share
        start, end = before.start(), after.end()
        qstart, qual = _qualifier(text, start, _prev_tokens(text, start))
        value = round(100.0 * n / d, 6)
        out.append(NumberSpan(qstart + base, end + base, text[qstart:end], value, "%", qual))
    return out


def may_hold_number_words(text: str) -> bool:
    """Cheap C-speed token test: could ``text`` hold a spelled-out number?"""
    return not NUMWORD_TOKENS.isdisjoint(text.lower().replace("-", " ").split())


def extract_numbers(text: str) -> list[NumberSpan]:
    """Numeric claims in ``text``, in order, non-overlapping; offsets index ``text``."""
    return numbers_at(text, 0)


def _shares(text: str, base: int, spans: list[NumberSpan], word_numbers: bool) -> list[NumberSpan]:
    """The shares of ``text`` (:func:`_ratios`, :func:`_fractions`) and the parts of a
    point (:func:`_point_parts`), looked for only where their words stand (and, for a
    ratio, a number: ``spans``, ``word_numbers``)."""
    out: list[NumberSpan] = []
    if (
        (spans or word_numbers)
        and (" in " in text or "-in-" in text or " out of " in text)
        and (word_numbers or any(text.startswith(_RATIO_JOINS, s.end - base) for s in spans))
    ):
        out = _ratios(text, base)
    if (word_numbers and any(k in text for k in _FRACTION_HINTS)) or (
        " third of " in text or " quarter of " in text or " fifth of " in text
    ):
        out += _fractions(text, base)
    if "oint" in text and ("alf" in text or "uarter" in text):
        out += _point_parts(text, base)
    return out


def numbers_at(text: str, base: int, word_numbers: bool | None = None) -> list[NumberSpan]:
    """``extract_numbers`` of ``text`` with every offset shifted by ``base``.

    For db.statements, which extracts per paragraph and needs offsets into the whole
    article without building every span twice.
    """
    if not isinstance(text, str) or not text:
        return []
    spans = _digit_numbers(text, base)
    # Cheap C-speed token test first: the word-number regex is the costliest scan here
    # and most paragraphs have no spelled-out number.
    if word_numbers is None:
        word_numbers = may_hold_number_words(text)
    if word_numbers:
        spans += _word_numbers(text, base)
    shares = _shares(text, base, spans, word_numbers)
    if shares:
        # A share's numbers are one figure: it starts where they do and ends later, so
        # the pass below keeps it and drops them.
        spans += shares
    if word_numbers or shares:
        spans.sort(key=lambda s: (s.start, -s.end))
    out: list[NumberSpan] = []
    last_end = -1
    for s in spans:
        if s.start >= last_end:
            out.append(s)
            last_end = s.end
    return out


# ------------------------------------------------------------------ figures compared

# A count from this value up is a telling figure (see telling).
TELLING_COUNT = 100


def telling(value: float, unit: str | None) -> bool:
    """A figure few statements share by chance: an amount of money, a percentage, a
    fraction, or a count of a hundred or more ("$8.45 billion", "1.6%", "22.5 years",
    "40,000 people"); not a small whole count ("two weeks", "12 people")."""
    return unit is not None or value >= TELLING_COUNT or not float(value).is_integer()


def round_significant(x: float, digits: int) -> float:
    """``x`` to ``digits`` significant digits, halves away from zero, as people round
    ("245,000" to two digits is 250,000; Python's round() would give 240,000)."""
    if x == 0 or not math.isfinite(x):
        return x
    step = 10.0 ** (math.floor(math.log10(abs(x))) - digits + 1)
    if step == 0:
        return x  # a subnormal value: nothing to round it to
    # The small nudge keeps a half written in binary as just below it (2.45 / 0.1 is
    # 24.499999...) a half.
    return math.copysign(math.floor(abs(x) / step + 0.5 + 1e-9) * step, x)


# What starts a figure's blocking key, and no word token.
FIGURE_KEY_PREFIX = "="


def figure_key(value: float, unit: str | None) -> str:
    """A blocking key for a telling figure: its value to two significant digits and its
    unit ("$1.13bn" and "$1.1 billion" share "=1.1e+09USD")."""
    return f"{FIGURE_KEY_PREFIX}{round_significant(value, 2):.2g}{unit or ''}"
