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
  the country, "us" the pronoun; "U.S." is recognised with its dots).
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
from functools import lru_cache
from typing import NamedTuple

from db.extract import TENS_WORDS, UNIT_WORDS

__all__ = [
    "INFORMATIVE_RARITY",
    "PLACE_TOKENS",
    "Token",
    "clean",
    "content_tokens",
    "entity_tokens",
    "normalize",
    "normalize_word",
    "rarity",
    "stem",
    "tokenize",
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
    """NFKC, and one form for quotes, apostrophes, dashes and spaces."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFKC", text.translate(_TRANSLATE))


# --------------------------------------------------------------------------- aliases

# canonical token -> surface forms (lower case, matched on word boundaries).
# Demonyms map to the country ("Ukrainian troops" ~ "Ukraine's troops"); a few
# capitals stand for their governments ("Pyongyang denied", "the Kremlin said").
_ALIASES: dict[str, tuple[str, ...]] = {
    "usa": (
        "united states of america",
        "united states",
        "u.s.a.",
        "u.s.",
        "usa",
        "america",
        "american",
        "americans",
    ),
    "uk": ("united kingdom", "great britain", "britain", "british", "u.k."),
    "northkorea": (
        "democratic people's republic of korea",
        "north korea",
        "north korean",
        "north koreans",
        "n korea",
        "n korean",
        "n koreans",
        "nkorea",
        "dprk",
        "d.p.r.k.",
        "pyongyang",
    ),
    "southkorea": (
        "republic of korea",
        "south korea",
        "south korean",
        "south koreans",
        "s korea",
        "s korean",
        "seoul",
    ),
    "russia": ("russian federation", "russia", "russian", "russians", "moscow", "kremlin"),
    "ukraine": ("ukraine", "ukrainian", "ukrainians", "kyiv", "kiev"),
    "china": ("people's republic of china", "china", "chinese", "beijing"),
    "japan": ("japan", "japanese", "tokyo"),
    "iran": ("iran", "iranian", "iranians", "tehran"),
    "iraq": ("iraq", "iraqi", "iraqis", "baghdad"),
    "syria": ("syria", "syrian", "syrians", "damascus"),
    "israel": ("israel", "israeli", "israelis"),
    "palestine": ("palestine", "palestinian", "palestinians"),
    "afghanistan": ("afghanistan", "afghan", "afghans", "kabul"),
    "pakistan": ("pakistan", "pakistani", "pakistanis", "islamabad"),
    "germany": ("germany", "german", "germans"),
    "france": ("france", "french"),
    "mexico": ("mexico", "mexican", "mexicans"),
    "canada": ("canada", "canadian", "canadians"),
    "turkey": ("turkey", "turkish", "ankara"),
    "egypt": ("egypt", "egyptian", "egyptians", "cairo"),
    "saudiarabia": ("saudi arabia", "saudi", "saudis", "riyadh"),
    "taiwan": ("taiwan", "taiwanese", "taipei"),
    "venezuela": ("venezuela", "venezuelan", "venezuelans", "caracas"),
    "cuba": ("cuba", "cuban", "cubans", "havana"),
    "eu": ("european union", "e.u."),
    "un": ("united nations", "u.n."),
    "nato": ("north atlantic treaty organization", "north atlantic treaty organisation", "nato"),
    "latinamerica": ("latin america", "latin american"),
    "southamerica": ("south america", "south american"),
    "northamerica": ("north america", "north american"),
    "centralamerica": ("central america", "central american"),
    "gop": ("grand old party", "gop"),
    "%": ("per cent", "percent", "pct", "%"),
    "million": ("mln", "mn"),
    "billion": ("bln", "bn"),
    "senator": ("sen.",),
    "governor": ("gov.",),
    "representative": ("rep.",),
    "president": ("pres.",),
}
# Acronyms only recognised in capitals: "US"/"UN"/"EU" in lower case are words.
_CASED_ALIASES: dict[str, str] = {
    "US": "usa",
    "USA": "usa",
    "UK": "uk",
    "UN": "un",
    "EU": "eu",
    "DPRK": "northkorea",
    "ROK": "southkorea",
    "PRC": "china",
    "UAE": "uae",
}


def _strip_possessive(low: str) -> str:
    if low.endswith("'s") and len(low) > 2:
        return low[:-2]
    return low


def _alias_tokens() -> frozenset[str]:
    return frozenset(_ALIASES) | frozenset(_CASED_ALIASES.values())


def _build_phrase_table() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    table: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for canon, forms in _ALIASES.items():
        for form in forms:
            words = tuple(_TOKEN_RE.findall(form)) or (form,)
            words = tuple(_strip_possessive(w.lower()) for w in words)
            table.setdefault(words[0], []).append((words, canon))
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]))  # longest phrase first
    return table


# --------------------------------------------------------------------------- tokens

# Dotted abbreviations (U.S., D.P.R.K.) | words with inner apostrophes/hyphens |
# numbers with thousands separators and decimals | a few symbols.
_TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|[^\W\d_]+(?:'[^\W\d_]+)*"
    r"|\d+(?:,\d{3})*(?:\.\d+)?"
    r"|[%$£€]"
)

_PHRASES = _build_phrase_table()
# Canonical tokens of places and organisations ("northkorea", "usa", "eu"): names,
# but ones that half the statements of a story share, so weak evidence of a claim.
PLACE_TOKENS = _alias_tokens() - {
    "%",
    "million",
    "billion",
    "senator",
    "governor",
    "representative",
    "president",
}

# Number words, shared with the extractor so both read "eleven" the same way.
_UNITS = {**UNIT_WORDS, **TENS_WORDS, "dozen": 12}
_SCALE = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}

# Function words, and reporting verbs/titles whose evidence the matcher takes
# from speakers instead of from the bag of words.
STOP_WORDS = frozenset(
    """
    a about above after again against all also although am an and another any are aren't
    around as at be because been before being below between both but by can cannot could
    couldn't did didn't do does doesn't doing don't down during each either else ever
    every few for from further had hadn't has hasn't have haven't having he he'd he'll
    he's her here here's hers herself him himself his how how's however i i'd i'll i'm
    i've if in into is isn't it it's its itself just let's me might more most much must
    mustn't my myself neither nor of off on once only or other ought our ours ourselves
    out over own per same shan't she she'd she'll she's should shouldn't since so some
    such than that that's the their theirs them themselves then there there's these they
    they'd they'll they're they've this those though through thus to too under until up
    upon us very was wasn't we we'd we'll we're we've were weren't what what's when when's
    where where's whether which while who who's whom whose why why's will with within
    without won't would wouldn't yet you you'd you'll you're you've your yours yourself
    yourselves mr mrs ms dr let least now just still even also approximately roughly
    nearly almost say says said saying tell tells told telling add adds added adding
    according claim claims claimed claiming state states stated statement
    """.split()  # noqa: SIM905 - a word list reads better as text
)

# Capitalised, but not names.
_CALENDAR = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul aug
    sep sept oct nov dec
    """.split()  # noqa: SIM905 - a word list reads better as text
)

# Words that flip the meaning of a statement: kept as content tokens (canonical
# "not"), and the matcher also compares their presence.
NEGATIONS = frozenset(
    """
    not no never nobody nothing none nowhere cannot can't won't don't didn't doesn't isn't
    aren't wasn't weren't hasn't haven't hadn't wouldn't shouldn't couldn't denied deny
    denies
    """.split()  # noqa: SIM905 - a word list reads better as text
)


# British -> American spellings that the suffix rules below do not cover.
_SPELLING = {
    "defence": "defense",
    "offence": "offense",
    "licence": "license",
    "pretence": "pretense",
    "programme": "program",
    "programmes": "programs",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "analogue": "analog",
    "centre": "center",
    "centres": "centers",
    "centred": "centered",
    "theatre": "theater",
    "theatres": "theaters",
    "metre": "meter",
    "metres": "meters",
    "kilometre": "kilometer",
    "kilometres": "kilometers",
    "litre": "liter",
    "litres": "liters",
    "fibre": "fiber",
    "calibre": "caliber",
    "sombre": "somber",
    "spectre": "specter",
    "meagre": "meager",
    "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers",
    "aluminium": "aluminum",
    "grey": "gray",
    "tyre": "tire",
    "tyres": "tires",
    "cheque": "check",
    "cheques": "checks",
    "plough": "plow",
    "sceptic": "skeptic",
    "sceptical": "skeptical",
    "ageing": "aging",
    "judgement": "judgment",
    "acknowledgement": "acknowledgment",
    "enquiry": "inquiry",
    "enquiries": "inquiries",
    "whilst": "while",
    "amongst": "among",
    "towards": "toward",
    "learnt": "learned",
    "burnt": "burned",
    "spelt": "spelled",
    "jewellery": "jewelry",
    "mum": "mom",
    "practise": "practice",
    "practised": "practiced",
    "storey": "story",
    "storeys": "stories",
    "draught": "draft",
    "gaol": "jail",
    "moustache": "mustache",
    "pyjamas": "pajamas",
    "kerb": "curb",
    "doughnut": "donut",
    "travelled": "traveled",
    "travelling": "traveling",
    "traveller": "traveler",
    "travellers": "travelers",
    "cancelled": "canceled",
    "cancelling": "canceling",
    "labelled": "labeled",
    "labelling": "labeling",
    "modelled": "modeled",
    "modelling": "modeling",
    "fuelled": "fueled",
    "fuelling": "fueling",
    "signalled": "signaled",
    "signalling": "signaling",
    "levelled": "leveled",
    "counselling": "counseling",
    "counsellor": "counselor",
    "channelled": "channeled",
    "totalled": "totaled",
    "marshalled": "marshaled",
    "quarrelled": "quarreled",
    "jeweller": "jeweler",
    "fulfil": "fulfill",
    "enrol": "enroll",
    "instalment": "installment",
    "skilful": "skillful",
    "wilful": "willful",
    "kidnapped": "kidnaped",
    "kidnapping": "kidnaping",
    "worshipped": "worshiped",
}
# A few near-synonyms news outlets swap for one another when reporting the same
# fact. Deliberately short: each entry must mean the same thing in nearly every
# news context ("forces" only in the plural: "force"/"forced" are verbs too).
_SYNONYMS = {
    "soldier": "troop",
    "soldiers": "troop",
    "troops": "troop",
    "forces": "troop",
    "servicemen": "troop",
    "oblast": "region",
    "province": "region",
    "provinces": "region",
    "died": "kill",
    "dead": "kill",
    "killed": "kill",
    "kill": "kill",
    "kills": "kill",
    "killing": "kill",
    "deaths": "kill",
    "death": "kill",
    "fatalities": "kill",
    "wounded": "injur",
    "injured": "injur",
    "injuries": "injur",
    "hurt": "injur",
    "purchase": "buy",
    "purchased": "buy",
    "bought": "buy",
    "buys": "buy",
    "buying": "buy",
    "acquire": "buy",
    "acquired": "buy",
    "acquires": "buy",
    "acquisition": "buy",
    "spokesperson": "spokesman",
    "spokeswoman": "spokesman",
}
_AE_OE = (
    ("haem", "hem"),
    ("paed", "ped"),
    ("anaes", "anes"),
    ("oestr", "estr"),
    ("foet", "fet"),
    ("diarrhoea", "diarrhea"),
    ("leukaem", "leukem"),
    ("encyclopaed", "encycloped"),
    ("manoeuv", "maneuv"),
)
_ISE_RE = re.compile(r"(?<=[a-z]{3})(?:is|ys)(e|es|ed|ing|ation|ations|er|ers)$")
_OUR_RE = re.compile(r"(?<=[a-z]{3})our(s|ed|ing|ite|ites|able|ful|less|ism)?$")
_NON_OUR = frozenset({"devour", "contour", "detour", "velour", "paramour", "troubadour"})


def american(word: str) -> str:
    """The American spelling of a lower-case word (consistent, not a dictionary)."""
    mapped = _SPELLING.get(word)
    if mapped is not None:
        return mapped
    for brit, amer in _AE_OE:
        if brit in word:
            word = word.replace(brit, amer)
    m = _ISE_RE.search(word)
    if m:
        stem_part = word[: m.start()]
        word = stem_part + ("yz" if word[m.start()] == "y" else "iz") + m.group(1)
    m = _OUR_RE.search(word)
    if m and word[: m.end() - len(m.group(1) or "")] not in _NON_OUR:
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


@lru_cache(maxsize=200_000)
def normalize_word(lower: str) -> str:
    """Spelling + stem for one lower-case word (cached: vocabularies are small)."""
    if lower in NEGATIONS:
        return "not"
    if lower.endswith("'s"):
        lower = lower[:-2]
    elif lower.endswith("s'"):
        lower = lower[:-1]
    if "'" in lower:
        lower = lower.replace("'", "")
    syn = _SYNONYMS.get(lower)
    if syn is not None:
        return syn
    return stem(american(lower))


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


def tokenize(text: str) -> list[Token]:
    """Normalised tokens of ``text``, aliases and number words folded, stop words marked."""
    text = clean(text)
    raw = [(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]
    n = len(raw)
    n_letters = n_caps = 0
    for w, _, _ in raw:
        if w[0].isalpha():
            n_letters += 1
            n_caps += w[0].isupper()
    # Title Case / ALL CAPS text: capitals say nothing about names.
    titlecase = n_letters >= 4 and n_caps > 0.6 * n_letters
    # Possessives are folded here so "North Korea's" and "America's" hit their aliases.
    lowers = [w.lower() if "'" not in w else _strip_possessive(w.lower()) for w, _, _ in raw]
    out: list[Token] = []
    append = out.append
    i = 0
    while i < n:
        word, pos, _ = raw[i]
        low = lowers[i]
        first = word[0]
        cap = first.isupper() and not titlecase
        if first.isalpha():
            if first.isupper() and (word.isupper() or "." in word):
                # Case-sensitive acronyms first: "US" is the country, "us" a pronoun.
                canon = _CASED_ALIASES.get(word.replace(".", "") if "." in word else word)
                if canon is not None:
                    append(Token(canon, True, False, False, pos))
                    i += 1
                    continue
            norm, stop, slow = _word_info(low)
            if not slow:
                if cap and (
                    low in _CALENDAR or ((stop or norm in _COMMON) and _sentence_start(text, pos))
                ):
                    cap = False
                append(Token(norm, cap, stop, False, pos))
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
                    append(Token(canon, True, False, False, pos))
                    i += k
                    matched = True
                    break
            if matched:
                continue
        if first.isdigit() or low in _UNITS or (low in ("a", "an") and i + 1 < n):
            value, used = _read_number(lowers, _Gaps(text, raw), i)
            if used:
                append(Token(_fmt_number(value), False, False, True, pos))
                i += used
                continue
        if first in "%$£€":
            if first == "%":
                append(Token("%", False, False, False, pos))
            i += 1
            continue
        if low in ("pct", "percent") or (low == "per" and i + 1 < n and lowers[i + 1] == "cent"):
            append(Token("%", False, False, False, pos))
            i += 2 if low == "per" else 1
            continue
        norm, stop, _ = _word_info(low)
        if cap and (low in _CALENDAR or ((stop or norm in _COMMON) and _sentence_start(text, pos))):
            cap = False
        append(Token(norm, cap, stop, False, pos))
        i += 1
    return out


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
    n = len(lowers)
    j = i
    total = 0.0
    current = 0.0
    seen = False
    tok = lowers[j]
    if tok in ("a", "an"):
        if j + 1 < n and lowers[j + 1] in ("dozen", "hundred", "thousand", "million", "billion"):
            current = 1.0
            seen = True
            j += 1
        else:
            return 0.0, 0
    elif tok[0].isdigit():
        try:
            current = float(tok.replace(",", ""))
        except ValueError:
            return 0.0, 0
        seen = True
        j += 1
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
    while j < n:
        w = lowers[j]
        if j > i and not joined[j]:
            break
        if w in _UNITS:
            if w == "dozen":
                current = (current or 1) * 12
            else:
                current += _UNITS[w]
            seen = True
        elif w in _SCALE and seen:
            if w == "hundred":
                current = (current or 1) * 100
            else:
                total += (current or 1) * _SCALE[w]
                current = 0.0
        elif w == "and" and seen and j + 1 < n and lowers[j + 1] in _UNITS:
            pass
        else:
            break
        j += 1
    if not seen:
        return 0.0, 0
    return total + current, j - i


def content_tokens(text: str) -> list[str]:
    """The normalised content tokens of ``text``, in order (stop words dropped)."""
    return [t.norm for t in tokenize(text) if not t.stop]


def entity_tokens(text: str) -> set[str]:
    """Normalised tokens written with a capital inside the sentence: names, places."""
    return {t.norm for t in tokenize(text) if t.cap and not t.stop}


def normalize(text: str) -> str:
    """Content tokens joined by spaces: the canonical form used for string similarity."""
    return " ".join(content_tokens(text))


# --------------------------------------------------------------------------- rarity

# Common news words (normalised forms), from most to least frequent, in three
# tiers by document frequency over ~250k news sentences (Reuters-21578 + BBC
# 2004-05 + BASIL), regenerated by ``python bench/fit_matcher.py --common-words``.
# Tier 1: in more than 1% of sentences; tier 2: 0.3-1%; tier 3: 0.1-0.3%.
# Every other content token counts as rare (weight 1).
_COMMON_TIERS: tuple[str, str, str] = (
    (
        "not dlr year usa % vs company 1 new bank market shar 2 net last pric inc trad buy 3 "
        "corp stock sal 1986 reuter offer japan rat govern month first cts loss plan shr "
        "expect issu 4 may week report official uk includ end increas co group tim oil debt 5 "
        "profit interest exchang agre unit mak country president april security 1987 march "
        "meet world tax international industry set system current firm quarter foreign export "
        "tak dollar 6 total term ris mad day servic lik call today minister peopl record "
        "february loan cut financ sell spokesman 10 develop business economic continu hous "
        "invest work general next fund due analyst financial bond 8 qtr january ltd program "
        "announc pay rev product bas clos result 7 show chang 9 national board common part "
        "futur mov 1985 tonn get production cost open growth need canada earlier sourc back "
        "ros public high talk recent hold credit major contract lead rais federal previous "
        "capital earn "
    ),
    (
        "level point chairman start 30 money policy manag see well follow com s want declin "
        "bill commission help depart good operation long germany remain right reserv fall "
        "import fil way support lower economy deal many 20 31 member budget period payment "
        "second 15 cash currency party west france reduc use mark demand figur agr gain number "
        "order shareholder receiv yen rul operat estimat ask compar account committe provid "
        "higher december jun used european investor gam central union nam problem valu "
        "director proposal lin fell allow believ mln sign giv action chief annual 12 third "
        "deficit think executiv own privat plant china computer plac real decision dividend "
        "propos york yesterday early asset complet bid put look nation ago technology "
        "subsidiary half dealer manager vot court law domestic comment election already london "
        "ec stg non hom car improv charg play amount reach win seek requir supp treasury "
        "control short offic run former ship sold averag strong brazil power project approv "
        "agency held drop produc incom full try consider reagan aid option dat hop area limit "
        "revenu stak going spend top consumer commercial secretary fac concern th go final "
        "labor 11 oper 50 availabl measur ministry far trump trader main best gas larg sav 25 "
        "outstand prim film senior leader position prior producer low return becom avg tender "
        "target july industrial rang later several sector administration form clear releas "
        "wheat less list washington data forc local begin cas possibl 1988 energy friday o "
        "detail conferenc forecast basis post association joint surplus iran fiscal franc "
        "standard september head england merger banker prefer lat political act despit p 16 "
        "seen mth republican involv output europ congress attack past build campaign 13 "
        "democrat agricultur given gold award south among launch approval initial certain hit "
        "farm effectiv mean min 18 test adjust information community decid cover whit grow "
        "largest present pressur economist effort trust fre special sharp reform div effect "
        "paper player 100 st lif job reflect press littl convertibl caus balanc senat research "
        "debentur condition grain facility 14 question network worker city fail strik 28 "
        "process crud vic soviet barrel ventur officer transaction better reporter boost find "
        "baker affect packag won know inflation 17 center monetary sugar keep study paid "
        "equity led additional monday index step review yield aim sid texa october air "
        "customer deposit bring old resourc crop 87 taken division bbc warn took carry stor "
        "appear key commit plc latest extend music schedul immediat benefit pact worth mobil "
        "council creat john negotiation 40 western manufactur represent kill accept liv fed "
        "hour settl found gulf turn big november organization small discuss insuranc food "
        "personal fourth subject paris cam accord abl airlin tuesday sery great split stop "
        "authority near thing significant russia brown war introduc view exclud activity proc "
        "drug direct ahead hard creditor conservativ petroleum damag motor design team quota "
        "lot warrant suggest equip softwar star particular attempt property representativ de "
        "24 australian cent qtly replac 100000000 legal phon left exist partner potential corn "
        "wednesday rol letter video factor request coffe performanc corporat commodity sit "
        "defens 2004 advanc usda user important expand respons soon electronic takeover "
        "express quot "
    ),
    (
        "rd iraq jam fix risk lend whol 22 hand borrow blair holder poor pacific intend b opec "
        "restructur morn using rather began join lost similar coupon 27 impact volum farmer "
        "mexico 19 enough situation william reduction urg gav provision los season enter fee "
        "region plus reason thursday fami reviz slight interview maintain tv judg link "
        "original subordinat away daily leav chanc steel addition moody relat reject taiwan "
        "michael august substantial predict wid soybean repurchas club robert chemical prepar "
        "access tariff pass health street intervention broker book slow digital australia east "
        "obama probab indicat combin match argu swiss 60 field night majority legislation "
        "grant fear radio serv 23 difficult repay newspaper senator push telephon biggest d 26 "
        "africa m e g singl 21 serious anti delay negotiat went light establish stand wall "
        "natural don toward maker tory staff competition capacity t poll communication david "
        "discount howard happen declar confirm got visit employe electric disclos other "
        "saudiarabia oppos tomorrow land sec certificat associat 0 italy purchas governor "
        "television class parent bundesbank media l delivery different wal institution "
        "democratic disput construction jan feel break publish arm corporation pre dutch north "
        "f instead application protect unchang morgan achiev fuel material heavy thought speak "
        "seem philippin idea 1990 wag speech fight polic mortgag chicago focus paul opposition "
        "minut promiz known encourag india 80 institut global appeal hug eurobond commerc "
        "individual hear oversea opportunity sunday c brother session 2005 fact distribution "
        "suspend forward southern retail southkorea doubl arrang separat machin matter longer "
        "challeng payabl ban investigation impos behind apply man parlia unlik underwrit round "
        "eas seat card overall metal sterl troop goal event met transfer block flow "
        "agricultural california across cit suit turnover discussion outsid determin quick "
        "mail kong gm imf 1000 independent progress ton subsidy mid manufacturer crisis social "
        "debat driv partnership prevent injur 1000000000 saw stag greater respectiv together "
        "extraordinary military prospect someth principal clinton 1984 texaco ag 35 survey 90 "
        "sent resign along 86 expansion par exploration school strategy messag 2003 brazilian "
        "regular summer devic lift underwriter 29 saturday normal 88 model fir northern retir "
        "refus chancellor purpos employ hong lord r protection weekend avoid buyer gross "
        "ireland merrill bankruptcy recovery port equal approach titl quality wait 70 feb "
        "primary suffer cabl secur richard favor licens venezuela chip statistic indonesia "
        "liberal nakason websit alway congressional brought ensur water 1992 competitiv treat "
        "activ necessary african spain fair describ minimum deliver experienc spot stability "
        "rest chrysler bpd stay positiv re relativ evidenc version engineer respond unless "
        "lynch trend expir children utility contain affair volcker miss defend auction "
        "technical amend quit cocoa success fully ibm rac registration conduct sur argentina "
        "seasonal 2000 schem alternativ accus onlin exporter authoriz black operator payout "
        "address unemploy docu 50000000 successful discontinu 200000000 liquidity "
        "telecommunication medium body weather margin justic practic turkey register threaten "
        "prov speculation 300000000 band principl actual confidenc semiconductor presidential "
        "compet zealand worry duty siz controll ally euro alleg featur lawyer women aircraft "
        "via eu shearson expectation ground vehicl candidat search sport delegat signal "
        "especial connection estat ability specific choic threat champion pipelin cours "
        "appoint deputy failur watch expens regulatory medical stabiliz internet spread "
        "station writ pound mil worldwid middl enterpriz steady regulation drill pledg nil "
        "depend adopt rumor trial exerciz lack smith remark battl obtain fox understand "
        "surpriz criticiz engin 1989 possibility entir resolv 45 elect jon explain convert "
        "retain opinion guarante 500000000 pick 32 insist nuclear dec boston gatt nd "
        "consolidat anyth redeem university handl traditional young men illegal ecuador copper "
        "premium human victory finish truck dom brand transport prompt imag pension singapor "
        "border affiliat brief spe draw diplomat broadcast ford maturity cup panel microsoft "
        "send formal grad solution host crown structur silver doubt charl bell outlook "
        "reschedul asia pictur bad remov stat concession content acquisition beat 100000 float "
        "tough royal consumption identify san generat ready halt friend cross n offset "
        "cooperation perform voic guarant kind leas attend ounc afternoon permit owner lawson "
        "million downgrad conversion mill 10000000 train bit item distribut read screen virus "
        "inventory coupl contribut guilder eastern temporary shift cabinet branch bar relation "
        "pc attorney percentag welcom moment salomon recommend anticipat strength load monitor "
        "strengthen coach hotel story italian front luxembourg denomination recover ric admit "
        "buffer song georg becam bonus entertain narrow rival sought undisclos enabl flight "
        "fin extra highest promot basic expert enhanc simp johnson protest row assistanc "
        "harvest broad meanwhil restriction 10000 tool district merg emerg often 1980 winter "
        "assum 0.5 fan immigration voter civil giant built 2.5 rapid floor debtor draft "
        "history refer relief room tour martin 75 exampl gmt island reveal bear regional box "
        "word rain spent curb track troubl fundamental patent confident grand regard scal 200 "
        "appl summit gencorp ratio brokerag sound cattl various advizer will scotland occur "
        "continental 2000000000 expenditur person minority inquiry yeutter weak winner actor "
        "broadband 1997 agent lawsuit rubber boe shortag disappoint differenc popular "
        "preliminary israel northamerica instru equivalent unveil arrest beyond 500000 asian "
        "wrong injury lov angel contact wast compriz indian 1.5 newly beef recommendation hugh "
        "feed liability sea fast upgrad download resum peter thousand county matur 2002 tony "
        "interven emergency maximum complaint influenc negativ 1983 cotton advantag pend "
        "defeat typ 34 initiativ dilut deep jump callabl nomination abroad stress coast "
        "smaller 30000000 submit completion difficulty 33 sony spring swap answer recogniz "
        "grew written impl stabl refinery passenger florida fraud j 20000000 shop 65 usual "
        "compromiz career criticism concentrat shown apparent offshor 51 select education "
        "missil deutsch sanction cargo oscar controversial conclud larger storag factory "
        "latinamerica 150000000 tap pretax chart generation travel intent fresh sir "
        "representative excess miyazawa extrem ownership responsibility optimistic blam "
        "hospital check usair throughout v ct leagu acr stimulat sever shell olympic "
        "reorganization pac versus switch cod channel external king status refin increasing "
        "green intention red internal obligation correct subcommitte renew kept 500 criminal "
        "maiz alan ball component borrower respect spanish leadership assess 1500000 aluminum "
        "responsibl lawmaker enforc 36 ccc donald 2001 hill spac scor egypt environ feet "
        "contribution incentiv critical redemption eventual society 5000 rank park bancorp exc "
        "copy chas textil bush cumulativ meant road mps coal tie investigat critic "
    ),
)
_TIER_WEIGHTS = (0.25, 0.5, 0.75)
# A token at least this rare tells which claim a statement makes; two statements
# that share none of these are never matched, and only these are blocking keys.
INFORMATIVE_RARITY = 0.75


# Places ("northkorea", "usa") are names every statement of a story shares: they
# say what a story is about, not which claim a statement makes. Capped at this.
PLACE_RARITY = 0.5


def _build_rarity() -> dict[str, float]:
    table: dict[str, float] = {}
    for tier, weight in zip(_COMMON_TIERS, _TIER_WEIGHTS, strict=True):
        for w in tier.split():
            table.setdefault(w, weight)
    for place in PLACE_TOKENS:
        table[place] = min(table.get(place, 1.0), PLACE_RARITY)
    return table


_RARITY = _build_rarity()
_COMMON = frozenset(w for w, wt in _RARITY.items() if wt <= 0.5)


def rarity(token: str) -> float:
    """How informative a normalised token is: 0.25 (very common) .. 1.0 (rare)."""
    return _RARITY.get(token, 1.0)
