"""Rule-based sentence splitter for English news text, with exact offsets.

Why not pysbd: it is ~26k words/s; the ingest budget needs >=300k words/s for the
whole analysis. This splitter makes one linear regex pass per line to find candidate
terminators and decides each one with O(1) look-ups, so it runs at >1M words/s and
never backtracks catastrophically (no pattern has a quantified group followed by
something that can fail; the "is it followed by whitespace" test is done in Python).

Decisions (see tests/test_segment.py for the cases):

* A line break (``\\n``, ``\\r``, U+2028/2029, ...) always ends a sentence.
* ``!``/``?`` end a sentence unless the next word starts lowercase (``Yahoo! in``,
  ``"Why?" he asked``) or a quote is followed by ``Name said``-style attribution.
* A single ``.`` ends a sentence when followed by whitespace and a non-lowercase
  start, except after: titles (Mr., Dr., Gov., Sen., Lt. Col. ... never end a
  sentence), reference abbreviations before a digit (No. 10, Jan. 5, p. 55, vs.,
  e.g.), and *ambiguous* abbreviations (U.S., a.m., Inc., Corp., Co., Jr., St.,
  single initials like ``J.``) which end a sentence only when the next word is a
  typical sentence opener (``The``, ``He``, ``How`` ...): "the U.S. Government" stays
  whole, "the U.S. How about you?" splits.
* Sentences may end inside quotes: ``"We will win. They will lose," he said.`` is two
  sentences (as in the BASIL gold); statements.py re-joins quotes across them.
  A closing quote/bracket after the terminator stays with the sentence: ``...he
  said."``.
* A 2-3 dot ellipsis (``...``, ``…``, ``. . .``) does not end a sentence unless a
  closing quote follows; four dots (ellipsis + period) do.
* Numbered/lettered/bulleted lists on one line (``1) a 2) b``) are split at markers.
* No sentence ends inside angle brackets closed on its line: news writes names and
  codes there, never sentences (Reuters' ``<J.P. Morgan and Co>``, ``<Mr. Steak Inc>``,
  ``<SWPC. HK>``).
"""

from __future__ import annotations

import re

__all__ = ["ATTRIBUTION_VERBS", "inside_angles", "split_sentences"]


def _words(spaced: str) -> frozenset[str]:
    """A word set written as one whitespace-separated string (easier to read/edit)."""
    return frozenset(spaced.split())


_LINE_RE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")
# Terminator run (dots may be space-separated: ". . .") plus closing quotes/brackets.
# There is no trailing lookahead (whitespace after it is checked in Python), so no
# backtracking.
_TERM_RE = re.compile(
    # Starts with a bare character class so the regex engine can skip ahead with its
    # fast charset scan (a leading lookbehind made this scan 6x slower); the lookbehind
    # after it stops matches starting mid-run, which would make long runs quadratic.
    r"[.!?…‽。！？](?<![.!?…‽。！？].)[.!?…‽]*(?:[ ][.!?…]+)*[\"'”’»›)\]」』）]*"
)
_OPENERS = "\"'“‘«‹([{¿¡"
_CLOSE_QUOTES = "\"'”’»›"
_SPACE = frozenset(" \t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a")

# Titles and prefixes: a following name or number never starts a new sentence.
_TITLES = _words(
    """
    Mr Mrs Ms Mx Dr Prof Gov Sen Sens Rep Reps Lt Col Gen Gens Sgt Capt Maj Cmdr Adm Cpl Pvt
    Brig Supt Det Insp Rev Hon Pres Amb Atty Messrs Mmes Mme Mlle Msgr Fr Sra Sec Secs Cdr
    Comdr Cmdt Cong Rep Del Assemblyman Supt Gov Ald Ft Mt Gen Lieut Col Cllr Gov Govs Insp
    Dept Univ Assn Ave Blvd
    """
)
# Never sentence-final in news prose: always followed by more of the sentence.
_NEVER_FINAL_LOWER = _words("vs v e.g i.e cf ca approx viz al incl esp")
# Reference prefixes: not final when a number follows ("No. 10", "Jan. 5", "p. 55").
_BEFORE_NUMBER = _words(
    """
    No Nos no nos N° Nº Art art Fig fig Vol vol p pp para Para ch Ch sec Sec Ref ref Op op
    Chap Sect Prop Pt Ep
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec JAN FEB MAR APR JUN JUL AUG SEP SEPT
    OCT NOV DEC est Est
    """
)
# Ambiguous: can end a sentence ("works for Apple Inc.") or not ("Apple Inc. shares").
_AMBIGUOUS = _words(
    """
    Inc Corp Co co Ltd Bros Jr Sr St Plc LLC Cos Mfg Intl Ariz Ark Calif Colo Conn Fla Ga
    Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Vt Va Wash
    Wis Wyo Ala Me etc
    """
)
# Words that typically open a sentence; after an ambiguous abbreviation they signal a
# boundary ("in the U.S. How ..."), anything else (a name) signals no boundary.
_OPENERS_WORDS = _words(
    """
    The A An He She It They We I You This That These Those There Here His Her Its Their Our
    My Your But And Or So Yet However Meanwhile In On At For From With Without By After
    Before As If When While Where What Who Whom Whose Why How Which Since Although Though
    Despite During Earlier Later Last Next Now Then Today Yesterday Tomorrow Some Many Most
    Both All Each Every No Not Nor One Two Three Such Other Another According Also Still
    Instead Under Over Asked Did Do Does Is Are Was Were Will Would Can Could Should Might
    Has Have Had Let Please Thus Indeed Only Even Just Among Until Once Further Furthermore
    Moreover Nevertheless Nonetheless Overall Officials Police Analysts Its Shares Sales THE
    A AN HE SHE IT THEY WE IN ON AT FOR BUT AND
    """
)
_INITIALISM_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
# The plain verbs of an attribution after a quotation ('"…," Smith said'); also read by
# db.quotes for a sentence that only attributes the quotation before it.
ATTRIBUTION_VERBS = [
    "said",
    "says",
    "asked",
    "asks",
    "added",
    "adds",
    "told",
    "tells",
    "wrote",
    "writes",
    "replied",
    "explained",
    "insisted",
    "stated",
    "noted",
    "declared",
    "continued",
    "warned",
    "argued",
    "recalled",
]
# Attribution right after a closing quote: '..?" Smith asked' continues the sentence.
_ATTRIBUTION_RE = re.compile(
    r"(?:[A-Z][\w.'’-]*[ ]){1,4}(?:" + "|".join(ATTRIBUTION_VERBS) + r")\b"
)
_LIST_FIRST = tuple("0123456789abcdefghijklmnopqrstuvwxyz•⁃▪◦‣*-")  # cheap pre-check
_LIST_START_RE = re.compile(r"(?:[•⁃▪◦‣*-][ ]?)?(\d{1,3}|[a-z])(\.\)|[.)])[ ]")
_LIST_NEXT_RE = re.compile(r"(?<=[ ])(?:[•⁃▪◦‣*-][ ]?)?(\d{1,3}|[a-z])(\.\)|[.)])[ ]")


def _next_word(text: str, j: int, stop: int) -> str:
    """The word starting at ``j`` (letters, digits, apostrophes)."""
    k = j
    while k < stop and k - j < 40 and (text[k].isalnum() or text[k] in "'’"):
        k += 1
    return text[j:k]


def _period_splits(text: str, line_start: int, tstart: int, nxt: int, stop: int) -> bool:
    """Decide a single '.' at ``tstart`` followed by whitespace then ``text[nxt]``."""
    # The token before the period, without leading quotes/brackets. Looked for in a
    # bounded window: an unbounded rfind on a line without spaces is quadratic.
    lo = max(line_start, tstart - 48)
    ws = max(text.rfind(" ", lo, tstart), text.rfind("\t", lo, tstart), lo - 1)
    w = text[ws + 1 : tstart].lstrip(_OPENERS)
    if not w:
        return True
    if "-" in w[1:]:
        w = w.rsplit("-", 1)[1] or w  # "then-Rep.", "ex-Gov."
    c = text[nxt]
    if c in _OPENERS:
        c = text[nxt + 1] if nxt + 1 < stop else ""
    if w in _TITLES:
        return False
    if w.lower() in _NEVER_FINAL_LOWER:
        return False
    if w in _BEFORE_NUMBER and c.isdigit():
        return False
    is_initial = len(w) == 1 and w.isalpha()
    if w in _AMBIGUOUS or is_initial or _INITIALISM_RE.fullmatch(w):
        if is_initial and w.islower():
            return False  # "p. 55", "a. the" (list markers are handled separately)
        if text[nxt] in "([{":
            return False  # "Jesse Jackson Jr. (D-Ill.)": a parenthetical continues
        if text[nxt] in _OPENERS:
            return True
        return _next_word(text, nxt, stop) in _OPENERS_WORDS
    return True


# How far an angle-bracketed name may reach either side of a terminator inside it.
_ANGLED_REACH = 64


def inside_angles(text: str, ls: int, le: int, tstart: int, tend: int) -> bool:
    """Whether the terminator ``text[tstart:tend]`` lies between a ``<`` and the ``>``
    closing it on the line ``text[ls:le]`` (each within ``_ANGLED_REACH``): a "<" then a
    space is a less-than sign, not an opening."""
    opening = text.rfind("<", max(ls, tstart - _ANGLED_REACH), tstart)
    if opening < 0 or text[opening + 1] in _SPACE or text.find(">", opening, tstart) >= 0:
        return False
    closing = text.find(">", tend, min(le, tend + _ANGLED_REACH))
    return closing >= 0 and text.find("<", tend, closing) < 0


def _boundaries_in_line(text: str, ls: int, le: int) -> list[int]:
    """End offsets (exclusive) of sentences that end inside text[ls:le] before le."""
    cuts: list[int] = []
    angled = text.find("<", ls, le) >= 0  # one C-speed scan: most lines hold none
    for m in _TERM_RE.finditer(text, ls, le):
        tstart, tend = m.start(), m.end()
        if text[tstart] in "。！？":
            if tend < le:
                cuts.append(tend)  # CJK full stops need no space after them
            continue
        if tend >= le or text[tend] not in _SPACE:
            continue  # glued to the next character: "Jane.Doe", "3.5", "Yahoo!!!x"
        nxt = tend + 1
        while nxt < le and text[nxt] in _SPACE:
            nxt += 1
        if nxt >= le:
            continue  # trailing terminator: the line end is the boundary anyway
        c = text[nxt]
        c2 = text[nxt + 1] if c in _OPENERS and nxt + 1 < le else c
        if c2.islower():
            continue  # '"This is great." she said', 'Yahoo! in', '(...engineer.) at'
        if tstart > ls and text[tstart - 1] == "[":
            continue  # "[...]": an omission inside a quotation, not an ending
        if angled and inside_angles(text, ls, le, tstart, tend):
            continue  # "<J.P. Morgan and Co>": a name, not an ending
        term = m.group()
        core = term.rstrip(_CLOSE_QUOTES + ")]")
        quoted = len(core) < len(term) and any(q in term[len(core) :] for q in _CLOSE_QUOTES)
        if "?" in core or "!" in core or "‽" in core:
            if quoted and _ATTRIBUTION_RE.match(text, nxt, le):
                continue  # '"Why?" Smith asked.'
            cuts.append(tend)
            continue
        ndots = core.count(".") + 3 * core.count("…")
        if ndots == 1:
            if quoted or _period_splits(text, ls, tstart, nxt, le):
                cuts.append(tend)
            continue
        attached = tstart > ls and text[tstart - 1] not in _SPACE
        if ndots >= 4:
            # "compounds. . . . The": the attached period ends the sentence and the
            # spaced ellipsis opens the next one (pySBD golden rule); "hell. ... The"
            # keeps its ellipsis.
            if attached and core.startswith(". "):
                cuts.append(tstart + 1)
            else:
                cuts.append(tend)
            continue
        # A 2-3 dot ellipsis ends a sentence before a capital when quoted or glued to
        # its word ("hate it... I understand"), not when spaced ("is . . . I didn't").
        if quoted or attached:
            cuts.append(tend)
    return cuts


def _list_cuts(text: str, ls: int, le: int) -> tuple[list[int], set[int]]:
    """One-line lists ('1) a 2) b', 'a. x b. y'): cuts before each next marker, and the
    end offsets of every marker's punctuation (a period there is not a boundary)."""
    m = _LIST_START_RE.match(text, ls, le)
    if m is None:
        return [], set()
    label, style = m.group(1), m.group(2)
    cuts: list[int] = []
    marks = {m.end(2)}
    pos = m.end()
    while True:
        expected = (
            str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1) if label < "z" else ""
        )
        nm = _LIST_NEXT_RE.search(text, pos, le)
        while nm is not None and (nm.group(1) != expected or nm.group(2) != style):
            nm = _LIST_NEXT_RE.search(text, nm.end(), le)
        if nm is None:
            return cuts, marks
        cuts.append(nm.start())
        marks.add(nm.end(2))
        label, pos = nm.group(1), nm.end()


def _trimmed(text: str, s: int, e: int) -> tuple[int, int] | None:
    seg = text[s:e]
    left = len(seg) - len(seg.lstrip())
    if left == len(seg):
        return None
    right = len(seg) - len(seg.rstrip())
    return s + left, e - right


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` into ``text`` (absolute offsets) within [start, end).

    Spans are whitespace-trimmed, non-empty, ordered and non-overlapping; together they
    cover every non-whitespace character of the region.
    """
    if not isinstance(text, str):
        return []
    n = len(text)
    start = min(max(0, start), n)
    end = n if end is None else min(max(start, end), n)
    spans: list[tuple[int, int]] = []
    for lm in _LINE_RE.finditer(text, start, end):
        ls, le = lm.start(), lm.end()
        cuts = _boundaries_in_line(text, ls, le)
        if text.startswith(_LIST_FIRST, ls):
            listed, marks = _list_cuts(text, ls, le)
            cuts = sorted({*cuts, *listed} - marks)
        s = ls
        for c in (*cuts, le):
            if c <= s:
                continue
            t = _trimmed(text, s, c)
            if t is not None:
                spans.append(t)
            s = c
    return spans
