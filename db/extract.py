"""Numbers, quotes and speakers found inside news text.

Everything here works on plain ``str`` with exact character offsets: for every span
returned, ``text[span.start:span.end] == span.raw`` (or ``.text`` for quotes). Nothing
raises on any ``str``, and every scan is linear: regexes have no ambiguous nested
quantifiers, and windows around a match are bounded (see the tests with 100k dots,
100k quote marks and 1 MB words).

Numbers — what counts as a numeric claim (decisions, so the matcher can rely on them):

* Reported: cardinals written in digits (``11,000``, ``3.5``), with currency
  (``$1.13bn``, ``£600m``, ``1.5 billion dlrs``), percentages (``76%``, ``10 pct``,
  ``5 per cent``; percentage points get unit ``"pp"``), scale words (``5.93 mln``,
  ``2 million``) and spelled-out cardinals (``five``, ``twenty-five``, ``two hundred
  and fifty``, ``half a million``, ``a dozen``; also in compounds: ``five-year`` -> 5).
* Not reported at all (they are not claims): years (a bare 4-digit 1800-2099 with no
  currency/scale/percent; "2000 people" is lost with them), dates (``Jan. 5``,
  ``5 January``), times (``3 p.m.``, ``10:30``, ``9 GMT``), ordinals (``1st``,
  ``first``), numbers inside words or identifiers (``G7``, ``COVID-19``, ``F-16``,
  ``No. 10``, ``Article 5``), numbers glued to ``/`` or ``:`` (``9/11``, ``24/7``),
  decades (``1990s``), ``5m`` without a currency (metres? minutes?), fractions
  (``two-thirds``) and bare ``one`` (nearly always a pronoun: "one of", "no one"; it
  counts with a scale: "one million"). ALL-CAPS spelled numbers ("FIVE") are missed.
* English conventions only: ``11.000`` is eleven, not eleven thousand. Signs are not
  captured (values are magnitudes; direction lives in the verbs).
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

Quotes: double quotes (straight, curly, guillemets) pair up within a paragraph (a
line); an opening quote never closed runs to the end of the paragraph (the news
convention for a quote continued in the next one). Single quotes count only as
``'...'``/``‘...’`` pairs at word boundaries, so apostrophes are not quotes. Offsets
exclude the marks and the attribution comma (``"Yes," he said`` -> ``Yes``).

Speakers: see :func:`find_speaker` — bare names, pronouns give ``None``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

__all__ = ["NumberSpan", "QuoteSpan", "extract_numbers", "extract_quotes", "find_speaker"]


def _words(spaced: str) -> frozenset[str]:
    """A word set written as one whitespace-separated string (easier to read/edit)."""
    return frozenset(spaced.split())


@dataclass(slots=True, frozen=True)
class NumberSpan:
    start: int
    end: int
    raw: str
    value: float
    unit: str | None
    qualifier: str | None


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

# The digit core. A currency prefix may be glued or spaced ("$ 5", "USD 5").
# Digits are bounded ({1,30}) so float() never sees a megabyte of digits.
_NUM_RE = re.compile(
    # Starts with a bare [0-9] so the engine's charset scan can skip ahead (a leading
    # lookbehind or optional currency group made this scan 8x slower). The lookbehind
    # after the first digit refuses starts inside a word or digit run, which also keeps
    # a 1 MB digit string linear. Digits are bounded so float() never sees megabytes.
    r"[0-9](?<![0-9A-Za-z.,_][0-9])"
    r"(?:\d{0,2}(?:,\d{3}){1,10}|\d{0,29})(?:\.\d{1,12})?"
    # Reuters-style mixed fractions: "7-1/2 pct", "22-1/2 cts".
    r"(?:-(?P<fn>[1-9]|1[0-5])/(?P<fd>2|4|8|16|32)(?![0-9/]))?"
    # Scales glued to the digits: "$1.13bn", "£600m", "5mln". Lone m/k/b only count
    # after a currency (else "5m" may be metres); that is checked in code.
    r"(?P<glued>bn|mln|bln|mn|trn|tn|m|k|b)?(?![A-Za-z0-9])"
)
# A currency sign/code right before the digits ("$", "US$", "USD ", "£"), looked for
# in the few characters before a number.
_CUR_BEFORE_RE = re.compile(r"(?:US\$|USD ?|GBP ?|EUR ?|HK\$|NZ\$|[ACS]\$|Rs\.? ?|[$£€¥] ?)\Z")

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

_MONTH_NAMES = _words(
    """
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
    """
)
# Case-sensitive on purpose: "may 5" is rarer than "May 5", and Reuters caps are covered.
_MONTHS = frozenset(_MONTH_NAMES) | frozenset(m.upper() for m in _MONTH_NAMES)
# Identifiers: "No. 10", "Article 5", "Resolution 2231", "Flight 17" (case-sensitive).
_IDENT_WORDS = _words(
    """
    No Nos NO Number Article Section Chapter Resolution Flight Route Page Clause Paragraph
    Rule Room Vol Volume Episode Season Level Phase Stage Category Grade Gate Platform
    Highway Interstate Channel Unit Ward District Lot Apollo Windows iPhone Galaxy
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


def _first_letter_trie(words: list[str]) -> str:
    """'(?<=[Tt])(?:wo|hree|...)|...' — dispatch on the first letter (already consumed)."""
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    return "|".join(
        f"(?<=[{c}{c.upper()}])(?:" + "|".join(sorted(rests, key=len, reverse=True)) + ")"
        for c, rests in sorted(by_first.items())
    )


_SMALL_WORDS = [*UNIT_WORDS, *TENS_WORDS]
# A spelled-out cardinal: a small word ("five", "twenty-five"), optionally followed by
# big words each optionally followed by another small part ("two hundred and fifty
# thousand"); or "a"/"half a" + a big word ("a million", "half a million", "a dozen").
# Performance: the pattern starts with a bare character class so the regex engine can
# skip ahead with its charset scan; the word-start check is a lookbehind after that
# first letter, and case-insensitivity is scoped to the rare continuation. A
# whole-pattern IGNORECASE made this scan 4x slower than everything else together.
# ALL-CAPS spelled numbers ("FIVE") are not matched. Fractions ("two-thirds") are
# rejected by the final lookahead.
_WORDNUM_RE = re.compile(
    "[" + "".join(sorted({w[0] + w[0].upper() for w in [*_SMALL_WORDS, "half", "a"]})) + "]"
    r"(?<![A-Za-z0-9].)"
    rf"(?:(?<=[Hh])alf[ -]an?[ ](?P<hbig>(?i:{_BIG_ALT}|dozen))"
    rf"|(?<=[Aa])n?[ ](?P<abig>(?i:{_BIG_ALT}|dozen))"
    rf"|(?:{_first_letter_trie(_SMALL_WORDS)})(?i:-(?:{_SMALL_ALT}))?"
    rf"(?i:[ -](?:{_BIG_ALT})(?:[ ](?:and[ ])?{_SMALLP})?){{0,4}})\b"
    r"(?!-(?:thirds?|fourths?|fifths?|quarters?|halves|tenths?)\b)"
)
_WORD_SPLIT_RE = re.compile(r"[ -]+")
_TOKEN_PUNCT = ",.;:!?\"'()[]”“’‘—–…"


def _with_punct(words: set[str]) -> frozenset[str]:
    """``words`` as ``str.split()`` tokens may carry them: 'five,', '(five', 'said."'."""
    out = set(words)
    for w in words:
        for p in _TOKEN_PUNCT:
            out.update((w + p, p + w))
            out.update(w + p + q for q in _TOKEN_PUNCT)
    return frozenset(out)


_NUMWORD_TOKENS = _with_punct({*_SMALL_WORDS, *_BIG_WORDS, "half", "dozen"})


def _parse_words(words: str) -> float | None:
    """Value of a spelled-out cardinal like 'two hundred and fifty thousand'."""
    total = 0.0
    current = 0.0
    for w in _WORD_SPLIT_RE.split(words.lower()):
        if w == "and" or not w:
            continue
        if w in UNIT_WORDS:
            current += UNIT_WORDS[w]
        elif w in TENS_WORDS:
            current += TENS_WORDS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _BIG_WORDS:
            total += (current or 1) * _BIG_WORDS[w]
            current = 0.0
        else:
            return None
    return total + current


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


def _ident_or_date_before(toks: list[str]) -> bool:
    """The word before a number makes it a date or an identifier: 'Jan. 5', 'No. 10'."""
    last = toks[-1].rstrip(".")
    return last in _MONTHS or last in _IDENT_WORDS


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
        if prev in "$£€¥" or (prev == " " and start > 1 and text[start - 2] in "DPR.s"):
            cm = _CUR_BEFORE_RE.search(text, max(0, start - 4), start)
            # A currency code must not be the tail of a word ("XUSD 5").
            if cm is not None and (cm.start() == 0 or not text[cm.start() - 1].isalnum()):
                unit = _CURRENCY_PREFIX[cm.group().strip().lower()]
                start = cm.start()
        if _in_word(text, start, end):
            continue
        sm = _SUFFIX_RE.match(text, end)
        if sm.end() == end:
            sm = None  # nothing after the digits (the common case): skip the group checks
        elif sm.group("date") is not None or sm.group("time") is not None:
            continue
        exp = 0
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
        value = float(f"{num.replace(',', '')}e{exp}") if exp else float(num.replace(",", ""))
        if frac:
            value += frac * 10.0**exp
        toks = _prev_tokens(text, start)
        if toks and _ident_or_date_before(toks):
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
        if sm.group("sw") is None and (sm.group("pct") or sm.group("pp")):
            unit = "%" if sm.group("pp") is None and sm.group("pts") is None else "pp"
            end = sm.end()
        toks = _prev_tokens(text, start)
        if toks and _ident_or_date_before(toks):
            continue
        qstart, qual = _qualifier(text, start, toks)
        out.append(NumberSpan(qstart + base, end + base, text[qstart:end], value, unit, qual))
    return out


def extract_numbers(text: str) -> list[NumberSpan]:
    """Numeric claims in ``text``, in order, non-overlapping; offsets index ``text``."""
    return numbers_at(text, 0)


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
        word_numbers = scan_flags(text)[0]
    if word_numbers:
        spans += _word_numbers(text, base)
        spans.sort(key=lambda s: (s.start, -s.end))
    out: list[NumberSpan] = []
    last_end = -1
    for s in spans:
        if s.start >= last_end:
            out.append(s)
            last_end = s.end
    return out


# --------------------------------------------------------------------------- quotes


@dataclass(slots=True, frozen=True)
class QuoteSpan:
    start: int
    end: int
    text: str
    speaker: str | None


_DQ_OPEN = "“«„‟"
_DQ_CLOSE = "”»"
_QUOTE_MARK_RE = re.compile(r"[\"“”«»„‟'‘’]")
_LINE_BREAK_RE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")
_QUOTE_CHARS_ALL = "\"“”«»„‟'‘’"
_MAX_SINGLE = 400  # single-quoted passages longer than this are apostrophes, not quotes


def _opens(text: str, i: int) -> bool:
    """A straight/single quote at ``i`` that can open: at a word start, before a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in '([{—–-/:“‘"') and not after.isspace()


def _closes(text: str, i: int) -> bool:
    """A straight/single quote at ``i`` that can close: after a word, before a non-letter."""
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum()


def _quote_regions(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(open_mark, close_mark) index pairs of top-level quotations inside one line.

    Double quotes (straight and curly) pair up; an opener never closed runs to the end
    of the line (news style for a quote continued in the next paragraph: ``hi`` is then
    the close). Single quotes count only as ‘...’ / '...' pairs at word boundaries on
    the same line, so apostrophes ("Kyiv's", "'90s") are not quotes.
    """
    regions: list[tuple[int, int]] = []
    open_at = -1  # position of the open double quote
    single_at = -1  # position of an open single quote (only outside double quotes)
    for m in _QUOTE_MARK_RE.finditer(text, lo, hi):
        i = m.start()
        q = text[i]
        if q in "'‘’":
            if open_at >= 0:
                continue  # nested in a double quote: part of it
            if single_at >= 0 and q != "‘" and _closes(text, i) and text[i - 1] != " ":
                if i - single_at <= _MAX_SINGLE:
                    regions.append((single_at, i))
                single_at = -1
            elif q != "’" and _opens(text, i):
                single_at = i
            continue
        if q in _DQ_OPEN:
            if open_at >= 0:
                regions.append((open_at, i))  # unclosed: ends where the next one opens
            open_at, single_at = i, -1
        elif q in _DQ_CLOSE:
            if open_at >= 0:
                regions.append((open_at, i))
                open_at = -1
        elif open_at >= 0:  # straight double quote closes an open quote
            regions.append((open_at, i))
            open_at = -1
        elif _opens(text, i):
            open_at, single_at = i, -1
    if open_at >= 0:
        regions.append((open_at, hi))
    return regions


def _inner(text: str, qa: int, qb: int) -> tuple[int, int] | None:
    """Offsets of the quoted words between marks at qa and qb: trimmed, and without the
    attribution comma (``"Yes… it is engagement," Umerov said`` -> no comma)."""
    s, e = qa + 1, qb
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    if e <= s:
        return None
    # Quotes with no word character (e.g. '" "' or '"..."') are not quotations.
    for k in range(s, min(e, s + 64)):
        if text[k].isalnum():
            return s, e
    return (s, e) if any(c.isalnum() for c in text[s:e]) else None


# --------------------------------------------------------------------------- speakers

_VERBS = (
    "said|says|say|told|tells|added|adds|asked|asks|stated|states|explained|explains|noted"
    "|notes|claimed|claims|insisted|insists|warned|warns|wrote|writes|announced|announces"
    "|argued|argues|confirmed|confirms|declared|declares|revealed|reveals|tweeted|tweets"
    "|replied|replies|responded|continued|acknowledged|acknowledges|admitted|admits|recalled"
    "|suggested|suggests|estimated|estimates|alleged|alleges|stressed|stresses|emphasised"
    "|emphasized|reported|reports|predicted|predicts|cautioned|told|denied|denies|urged|urges"
)
_VERB_LIST = _VERBS.split("|")
# Bare character class first (fast charset scan), word start checked by a lookbehind,
# then a first-letter trie: ~2x faster than a plain \b(?:said|says|...)\b alternation.
_VERB_RE = re.compile(
    "[" + "".join(sorted({v[0] for v in _VERB_LIST})) + "A]"
    r"(?<![A-Za-z0-9_].)"
    rf"(?:{_first_letter_trie(_VERB_LIST)}|(?<=[aA])ccording to)\b"
)
# Tokens that can hold a speech verb; sentences without any skip the regex entirely.
_VERB_TOKENS = _with_punct({*_VERB_LIST, "according", "According"})  # lower-case too
_NAME_TOKEN_RE = re.compile(r"[A-Z][\w'’.-]*")
_PARTICLES = _words(
    """
    de da van von der den bin al la le du del dos ibn di
    """
)
_PRONOUNS = _words(
    """
    he she they it i we you He She They It I We You who which this that this
    """
)
# Words between a name and its verb: "Kovalenko first said", "Smith has also said".
_AUX = _words(
    """
    has had have also later earlier first then previously again reportedly once further had
    would will could may might just recently separately
    """
)
# Capitalised at the start of a sentence but never names.
_NOT_NAMES = _words(
    """
    The A An But And Or So Yet However Meanwhile In On At For From With By After Before As
    If When While Where What Why How Since Although Though Earlier Later Last Next Now Then
    Today Yesterday Some Many Most Both All Each Other Others Also Still Officials Police
    Analysts Experts Residents Witnesses Sources Critics Observers Authorities Doctors
    Researchers Scientists Investigators Prosecutors Lawmakers Reports Media Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday This That These Those There Here It He She
    They We I You His Her Their Its Our Mr Mrs Ms Dr
    """
)
# Titles and roles in front of a name: "Defense Minister Rustem Umerov" -> "Rustem Umerov".
_TITLE_WORDS = _words(
    """
    President Minister Secretary Spokesman Spokeswoman Spokesperson Chancellor Governor
    Senator Sen. Gov. Rep. Representative Mayor Leader General Gen. Gens. Admiral Colonel
    Col. Lt. Lieutenant Major Maj. Captain Capt. Sgt. Sergeant Commander Chief Director
    Chairman Chairwoman Chair CEO Ambassador Prime Premier Judge Justice Prof. Professor Dr.
    Dr Mr. Mr Mrs. Mrs Ms. Ms King Queen Prince Princess Pope Sheikh Speaker Deputy Vice
    Foreign Defense Defence Interior Finance Health Attorney Inspector Officer Adviser
    Advisor Envoy Coach Manager Analyst Economist Editor Founder Head Official Lord Lady Sir
    Dame Archbishop Bishop Cardinal Rabbi Imam Father Chief State Homeland Security
    Treasury Commerce Energy Education Agriculture Labor Transportation Veterans Housing
    """
)
_TITLE_WORDS |= frozenset(w.rstrip(".") for w in _TITLE_WORDS)  # "Sen." and "Sen"
# Last words of organisation names, whose "titles" (Defense, Foreign ...) are not roles.
_ORG_WORDS = _words(
    """
    Ministry Department Office Agency Service Council Committee Commission Party Government
    Court Army Forces Command Bank Company Corp Corp. Inc Inc. Group Union House Police
    Embassy Administration Authority Institute Center Centre Board Bureau Organisation
    Organization Cabinet Parliament Senate Congress Kremlin Pentagon Staff Directorate
    Network Association Federation Fund University College School Reserve Times Post
    """
)
_MAX_VERBS = 8  # verbs examined per sentence: bounds the work on hostile input
_CONTEXT = 300  # characters either side of a quotation searched for its speaker


def _clean_name(tokens: list[str]) -> str | None:
    """Drop sentence-initial function words, then everything up to the last title or
    possessive ("Ukraine's Defense Minister Rustem Umerov" -> "Rustem Umerov")."""
    while tokens and tokens[0] in _NOT_NAMES:
        tokens = tokens[1:]
    if not tokens:
        return None
    if tokens[-1] in _ORG_WORDS:
        return " ".join(tokens)  # "South Korean Defense Ministry": keep it whole
    cut = 0
    for k, tok in enumerate(tokens[:-1]):
        if tok in _TITLE_WORDS or tok.endswith(("'s", "’s")):
            cut = k + 1
    tokens = tokens[cut:]
    name = " ".join(tokens).rstrip(".")
    if name.endswith(("'s", "’s")):
        return None
    return name or None


def _name_run_backwards(tokens: list[str]) -> list[str]:
    """The trailing run of capitalised tokens (with particles such as 'de', 'bin')."""
    run: list[str] = []
    for tok in reversed(tokens):
        if _NAME_TOKEN_RE.fullmatch(tok) or (run and tok in _PARTICLES):
            run.append(tok)
            if len(run) >= 8:
                break
        else:
            break
    while run and run[-1] in _PARTICLES:
        run.pop()
    return run[::-1]


def _speaker_before(sentence: str, v: int) -> tuple[str | None, bool]:
    """Name right before the verb at ``v``: (name, saw_pronoun)."""
    # Fast path on a short window: most verbs follow a common noun ("the company
    # said"), which settles it without splitting the long window below.
    near = sentence[max(0, v - 48) : v].split()
    while near and (near[-1] in _AUX or (near[-1].endswith("ly") and near[-1].islower())):
        near.pop()
    if near:
        last = near[-1]
        if last in _PRONOUNS:
            return None, True
        if not last.endswith(",") and not _NAME_TOKEN_RE.fullmatch(last):
            return None, False
    pre = sentence[max(0, v - 240) : v].split()
    while pre and (pre[-1] in _AUX or (pre[-1].endswith("ly") and pre[-1].islower())):
        pre.pop()
    if not pre:
        return None, False
    if pre[-1] in _PRONOUNS:
        return None, True
    if pre[-1].endswith(","):
        # Appositive: "Andriy Kovalenko, head of the ... Disinformation, had claimed".
        head = None
        for k in range(len(pre) - 2, max(-1, len(pre) - 30), -1):
            if pre[k].endswith(","):
                head = k
                break
        if head is None:
            return None, False
        pre = [*pre[:head], pre[head].rstrip(",")]
    run = _name_run_backwards(pre)
    # "Sen. Susan Collins of Maine said": the person, not the place; but "Bank of
    # England said" is one organisation.
    k = len(pre) - len(run)
    if run and k >= 2 and pre[k - 1] == "of":
        first = _name_run_backwards(pre[: k - 1])
        if first and first[-1] in _TITLE_WORDS:
            return _clean_name(run), False  # "Secretary of State Mike Pompeo"
        if first:
            return _clean_name([*first, "of", *run] if first[-1] in _ORG_WORDS else first), False
    return _clean_name(run), False


_FORWARD_STOP = _words(
    """
    on in at that to it this after before during when while with for by from as about he she
    they we i you his her their its our of
    """
)


def _speaker_after(sentence: str, vend: int) -> str | None:
    """Inverted attribution: '..., said ministry spokesman Jeon Ha-kyou, without ...'."""
    toks: list[str] = []
    for tok in sentence[vend : vend + 120].split()[:10]:
        word = tok.rstrip(",.;:!?)”\"’'")
        if word.lower() in _FORWARD_STOP or not word:
            break
        toks.append(word)
        if word != tok and not (tok.endswith(".") and word in _TITLE_WORDS):
            break  # punctuation ends the name, except a title's period ("Dr. Fauci")
    run = _name_run_backwards(toks)
    if not run or (len(run) == len(toks) and len(toks) > 6):
        return None
    return _clean_name(run)


def _masked(text: str, lo: int, hi: int, regions: list[tuple[int, int]]) -> str:
    """text[lo:hi] with quoted passages (inside the marks) replaced by 'Q'.

    ``regions`` (sorted, disjoint) are from ``_quote_regions``.
    """
    parts: list[str] = []
    pos = lo
    for a, b in regions:
        if a >= hi:
            break
        if b <= lo:
            continue
        a, b = max(a + 1, lo), min(b, hi)
        if a > pos:
            parts.append(text[pos:a])
        parts.append("Q")
        pos = max(pos, b)
    parts.append(text[pos:hi])
    return "".join(parts)


def _find_speaker_unmasked(sentence: str) -> str | None:
    if not has_speech_verb(sentence):
        return None
    return _speaker_from_verbs(sentence)


def _speaker_from_verbs(sentence: str) -> str | None:
    """The first attribution found at a speech verb (quotes already masked)."""
    for n, m in enumerate(_VERB_RE.finditer(sentence)):
        if n >= _MAX_VERBS:
            break
        if m.group()[0] in "Aa" and m.group().endswith(" to"):
            toks = sentence[m.end() : m.end() + 120].split()[:8]
            if toks and toks[0] in ("the", "a", "an"):
                toks = toks[1:]
            run = []
            for tok in toks:
                word = tok.rstrip(",.;:!?)”\"’'")
                if not _NAME_TOKEN_RE.fullmatch(word) and not (run and word in _PARTICLES):
                    break
                run.append(word)
                if word != tok:
                    break
            if run and run[-1].endswith(("'s", "’s")):
                run[-1] = run[-1][:-2]  # "according to South Korea's spy agency"
            name = _clean_name(run)
            if name:
                return name
            continue
        name, pronoun = _speaker_before(sentence, m.start())
        if name:
            return name
        if pronoun:
            continue
        before = sentence[max(0, m.start() - 3) : m.start()].rstrip()
        if before.endswith((",", "”", '"', "’", "'")):
            name = _speaker_after(sentence, m.end())
            if name:
                return name
    return None


def scan_flags(text: str) -> tuple[bool, bool]:
    """(may hold a spelled-out number, may hold a speech verb), from one C-speed
    lower/split pass, so callers can skip the costlier regex scans."""
    toks = text.lower().replace("-", " ").split()
    return not _NUMWORD_TOKENS.isdisjoint(toks), not _VERB_TOKENS.isdisjoint(toks)


def speech_verb_starts(text: str, lo: int, hi: int) -> list[int]:
    """Offsets of the speech verbs in text[lo:hi] (for picking sentences to attribute)."""
    return [m.start() for m in _VERB_RE.finditer(text, lo, hi)]


def has_speech_verb(text: str) -> bool:
    """Cheap test: could ``find_speaker`` find anything in ``text``? (token look-up)."""
    return not _VERB_TOKENS.isdisjoint(text.split())


def find_speaker(sentence: str) -> str | None:
    """Who ``sentence`` attributes its content to, as a bare name, or None.

    Handles '..." Umerov said', 'Umerov told KBS that', 'Defense Minister Rustem Umerov
    said' (titles and possessives dropped -> 'Rustem Umerov'), 'Kovalenko, head of ...,
    had claimed', '..., said ministry spokesman Jeon Ha-kyou' and 'according to X'.
    Verbs inside quotation marks are ignored. Bare pronouns ("he said") give None: the
    referent is in another sentence and guessing it would mislead the matcher.
    Organisations are returned as written ("South Korean Defense Ministry").
    """
    if not isinstance(sentence, str) or not sentence or not has_speech_verb(sentence):
        return None
    if any(q in sentence for q in _QUOTE_CHARS_ALL):
        regions = _quote_regions(sentence, 0, len(sentence))
        if regions:
            sentence = _masked(sentence, 0, len(sentence), regions)
            if not has_speech_verb(sentence):
                return None
    return _speaker_from_verbs(sentence)


def extract_quotes(text: str) -> list[QuoteSpan]:
    """Quotations in ``text`` (offsets exclude the marks), each with its speaker.

    Works line by line (a line is a paragraph). The speaker is looked for in the
    sentences the quotation touches, with all quoted words masked, so a speaker named
    in any sentence of a multi-sentence quote applies to the whole quote.
    """
    if not isinstance(text, str) or not text:
        return []
    from db.segment import split_sentences  # local: segment does not import us

    out: list[QuoteSpan] = []
    for lm in _LINE_BREAK_RE.finditer(text):
        ls, le = lm.start(), lm.end()
        if _QUOTE_MARK_RE.search(text, ls, le):
            out += quotes_in_line(text, ls, le, split_sentences(text, ls, le))
    return out


def quotes_in_line(text: str, ls: int, le: int, sents: list[tuple[int, int]]) -> list[QuoteSpan]:
    """Quotations in the line text[ls:le] whose sentence spans are ``sents``.

    For db.statements, which already has the sentences; offsets are absolute.
    """
    out: list[QuoteSpan] = []
    regions = _quote_regions(text, ls, le)
    if not regions:
        return out
    masked = _MaskedLine(text, ls, le, regions)
    s_starts = [a for a, _ in sents]
    s_ends = [b for _, b in sents]
    for qa, qb in regions:
        inner = _inner(text, qa, qb)
        if inner is None:
            continue
        s, e = inner
        # The sentences touched by the quotation (marks included), found by bisection
        # so a line with thousands of quotes stays O(n log n).
        i = bisect_right(s_ends, qa)
        lo = s_starts[i] if i < len(sents) else ls
        j = bisect_right(s_starts, max(qa, qb - 1)) - 1
        hi = s_ends[j] if j >= 0 else le
        # Attribution sits next to the quote: a bounded window keeps a megabyte-long
        # "sentence" full of quotes linear.
        lo = max(min(lo, qa), qa - _CONTEXT)
        hi = min(max(hi, min(qb + 1, le)), qb + 1 + _CONTEXT)
        speaker = None
        if has_speech_verb(text[lo:hi]):
            speaker = _find_speaker_unmasked(masked.window(lo, hi))
        out.append(QuoteSpan(s, e, text[s:e], speaker))
    return out


class _MaskedLine:
    """A line with every quotation's words replaced by 'Q', built once, so the context
    window of each quotation is a slice (O(window)) instead of a re-masking."""

    __slots__ = ("cum", "inner_starts", "ls", "masked", "region_ends")

    def __init__(self, text: str, ls: int, le: int, regions: list[tuple[int, int]]) -> None:
        self.ls = ls
        self.masked = _masked(text, ls, le, regions)
        self.inner_starts = [a + 1 for a, _ in regions]
        self.region_ends = [b for _, b in regions]
        # cum[r]: characters removed by the first r regions (inner length - 1 for "Q").
        self.cum = [0]
        for a, b in regions:
            self.cum.append(self.cum[-1] + (b - a - 1) - 1)

    def _pos(self, x: int, end: bool) -> int:
        r = bisect_right(self.inner_starts, x)
        if r and x < self.region_ends[r - 1]:  # inside quotation r-1: at its "Q"
            q = self.inner_starts[r - 1] - self.ls - self.cum[r - 1]
            return q + 1 if end else q
        return x - self.ls - self.cum[r]

    def window(self, lo: int, hi: int) -> str:
        return self.masked[self._pos(lo, False) : self._pos(hi, True)]
