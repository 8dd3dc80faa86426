"""Turn a stored article text into statements: the single entry point the ingest calls.

``text`` is headline + "\\n\\n" + body and every offset returned indexes into it, so
``text[st.start:st.end] == st.text`` for each statement, and likewise for its quotes
(``.text``) and numbers (``.raw``).

* The headline region ``text[:body_start]`` is one statement of kind ``"headline"``.
* Each body line (paragraph) is split into sentences (db.segment). A line ending in a
  bracketed credit like ``[Getty Images]`` is a photo caption: its sentences get kind
  ``"caption"`` and the credit is left out of the span.
* Quotes are found per paragraph (they may span several sentences) and attached to
  every statement they overlap, clipped to it; the quote keeps the speaker found for
  the whole quotation.
* ``speaker`` is who the sentence itself attributes to (``find_speaker``), else the
  speaker of its first quote that has one.
* Spans without any letter or digit (stray bullets, "***") are not statements.

Any ``str`` is accepted; nothing here raises on hostile input.
"""

from __future__ import annotations

import gc
import re
from dataclasses import dataclass, field, replace
from typing import Any

from db.article_people import ArticlePeople, common_phrase
from db.normalize import common_word, normalize_word
from db.numbers import NUMWORD_TOKENS, NumberSpan, numbers_at
from db.quotes import (
    LineRegions,
    QuoteSpan,
    described_opening,
    find_speaker,
    quotes_in_line,
    reported_speakers,
    resolve_speakers,
)
from db.segment import split_sentences
from db.speakers import (
    VERB_TOKENS,
    data_source_spans,
    has_speech_verb,
    is_organisation,
    is_title_word,
    joint_name,
    joint_names,
    name_gender,
    speech_verb_starts,
)

__all__ = [
    "NUMBER_INSERT",
    "QUOTE_INSERT",
    "Statement",
    "StatementRows",
    "analyse",
    "analyse_verified",
    "statement_rows",
]


@dataclass(slots=True)
class Statement:
    start: int
    end: int
    kind: str  # "headline" | "sentence" | "caption"
    text: str
    speaker: str | None = None
    quotes: list[QuoteSpan] = field(default_factory=list)
    numbers: list[NumberSpan] = field(default_factory=list)

    def __reduce__(self) -> tuple[type[Statement], tuple[object, ...]]:
        # Plain constructor arguments: the ingest's workers pickle every statement back
        # to the writing process, and the default dataclass state costs twice as much.
        s = self
        return Statement, (s.start, s.end, s.kind, s.text, s.speaker, s.quotes, s.numbers)


_NAMED = ("named", "pronoun")  # quote speakers a statement takes (common nouns: not names)
_LINE_RE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]+")
_QUOTE_CHARS = "\"“”«»„‟‘'"  # "’" alone is an apostrophe: no quote without an opener
_QUOTE_CHAR_RE = re.compile(f"[{re.escape(_QUOTE_CHARS)}]")  # one scan, not one per mark
# A trailing photo credit: "[Getty Images]", "[Reuters]", "[AFP via Getty Images]".
# Bounded length, no nested brackets; searched only in the last 80 chars of a line.
_CREDIT_RE = re.compile(r"\s*\[[A-Z][^\[\]\n]{0,60}\]\s*$")


def _has_word(text: str, s: int, e: int) -> bool:
    # Most spans have a letter in the first few characters; avoid copying long spans.
    for k in range(s, min(e, s + 32)):
        if text[k].isalnum():
            return True
    return e - s > 32 and any(c.isalnum() for c in text[s + 32 : e])


def _clip_quote(text: str, q: QuoteSpan, s: int, e: int) -> QuoteSpan | None:
    """The part of quote ``q`` inside [s, e), trimmed; None if only whitespace/marks."""
    a, b = max(q.start, s), min(q.end, e)
    if (a, b) == (q.start, q.end):
        return q
    while a < b and (text[a].isspace() or text[a] in "\"“”‘’'"):
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in "\"“”‘’',;:"):
        b -= 1
    if b <= a:
        return None
    return replace(q, start=a, end=b, text=text[a:b])


def _statements(
    text: str,
    spans: list[tuple[int, int]],
    kind: str,
    quotes: list[QuoteSpan],
    numbers: list[NumberSpan],
    verbs: list[int] | None,
    out: list[Statement],
) -> None:
    """Append a statement per span, with the quotes (clipped) and numbers inside it.

    ``spans``, ``quotes``, ``numbers`` and ``verbs`` (speech verb offsets; None means
    "look everywhere") are absolute and sorted, and walked with moving indexes. Only
    sentences holding a speech verb get the speaker search.
    """
    ni, n_numbers = 0, len(numbers)
    vi, n_verbs = 0, len(verbs) if verbs is not None else 0
    qi, n_quotes = 0, len(quotes)
    for s, e in spans:
        if not _has_word(text, s, e):
            continue
        # Quotes are disjoint and sorted: skip those that ended before this span; a
        # quote reaching into the next span is kept for it.
        while qi < n_quotes and quotes[qi].end <= s:
            qi += 1
        qs = []
        k = qi
        while k < n_quotes and quotes[k].start < e:
            c = _clip_quote(text, quotes[k], s, e)
            if c is not None:
                qs.append(c)
            k += 1
        while ni < n_numbers and numbers[ni].start < s:
            ni += 1
        ns = []
        while ni < n_numbers and numbers[ni].start < e:
            if numbers[ni].end <= e:
                ns.append(numbers[ni])
            ni += 1
        sent = text[s:e]
        headline = kind == "headline"
        if verbs is None:
            speaker = find_speaker(sent, headline)
        else:
            while vi < n_verbs and verbs[vi] < s:
                vi += 1
            speaker = find_speaker(sent, headline) if vi < n_verbs and verbs[vi] < e else None
        if speaker is None and qs:
            speaker = next((q.speaker for q in qs if q.speaker_kind in _NAMED), None)
            if speaker is None:
                speaker = next((q.speaker for q in qs if _resolved_description(text, q)), None)
        out.append(Statement(s, e, kind, sent, speaker, qs, ns))


def _resolved_description(text: str, q: QuoteSpan) -> bool:
    """Was ``q``'s speaker written as a description and found to be a name ("the
    company said" → the firm named before, "the minister said" → the minister named)?
    The sentence holding it is then that name's, as a sentence of reported speech with
    no quotation is (``reported_speakers``)."""
    name = q.speaker
    if q.speaker_kind != "common" or not name or q.speaker_start is None:
        return False
    written = text[q.speaker_start : q.speaker_end or q.speaker_start]
    if name == written or not name[:1].isupper() or common_phrase(name):
        return False
    # Not what only looks like a name: an owner ("Rha Woong-Bae's"), a title kept
    # ("Officer Anthony O'Reilly"), a common word ("Hospital", "Financial").
    first = name.split(" ", 1)[0]
    if name.endswith(("'s", "’s")) or is_title_word(first):
        return False
    return " " in name or not common_word(normalize_word(name.lower()))


# What one line or the headline holds, before its statements are built: (sentence
# spans, kind, quotes, numbers, speech verb offsets or None for "look everywhere").
_Region = tuple[list[tuple[int, int]], str, list[QuoteSpan], list[NumberSpan], list[int] | None]


def _analyse_region(text: str, ls: int, le: int, kind: str, known: LineRegions) -> _Region | None:
    """What the line/region text[ls:le] (already without any credit) holds; its quotation
    regions are added to ``known``."""
    spans = split_sentences(text, ls, le)
    if not spans:
        return None
    region = text[ls:le]
    has_quote = _QUOTE_CHAR_RE.search(text, ls, le) is not None
    quotes = quotes_in_line(text, ls, le, spans, known) if has_quote else []
    # Cheap C-speed token tests first, so the costlier regex scans can be skipped.
    word_numbers = not NUMWORD_TOKENS.isdisjoint(region.lower().replace("-", " ").split())
    numbers = numbers_at(region, ls, word_numbers)
    words = region.split()
    verb_tokens = VERB_TOKENS.intersection(words)
    verbs = speech_verb_starts(text, ls, le, verb_tokens) if verb_tokens else []
    sources = data_source_spans(text, ls, le, words)  # "Figures from the ONS showed …"
    if sources:
        verbs = sorted(verbs + [a for a, _b in sources])
    return spans, kind, quotes, numbers, verbs


def _headline_quotes(text: str, hs: int, he: int, known: LineRegions) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    for lm in _LINE_RE.finditer(text, hs, he):
        ls, le = lm.start(), lm.end()
        if _QUOTE_CHAR_RE.search(text, ls, le) is not None:
            out += quotes_in_line(text, ls, le, split_sentences(text, ls, le), known)
    return out


def analyse(text: str, body_start: int) -> list[Statement]:
    """Statements of an article ``text`` whose body starts at ``body_start``."""
    if not isinstance(text, str) or not text:
        return []
    # Everything allocated here is acyclic (spans, dataclasses, lists), so the cyclic
    # garbage collector only adds cost (~10% of the CPU time on BBC + Reuters text).
    # Pause it for the call (if the caller has it on) and restore it afterwards.
    was_enabled = gc.isenabled()
    if was_enabled:
        gc.disable()
    try:
        return _analyse(text, body_start)
    finally:
        if was_enabled:
            gc.enable()


def _analyse(text: str, body_start: int) -> list[Statement]:
    try:
        body_start = min(max(0, int(body_start)), len(text))
    except (TypeError, ValueError, OverflowError):
        body_start = 0
    regions: list[_Region] = []
    known: LineRegions = {}  # quotation regions per line, for resolve_speakers
    if body_start > 0:
        head = text[:body_start]
        hs, he = len(head) - len(head.lstrip()), len(head.rstrip())
        if he > hs and _has_word(text, hs, he):
            # One statement even if the headline has several sentences or lines.
            quotes = _headline_quotes(text, hs, he, known)
            regions.append(([(hs, he)], "headline", quotes, numbers_at(text[hs:he], hs), None))
    for lm in _LINE_RE.finditer(text, body_start):
        ls, le = lm.start(), lm.end()
        kind = "sentence"
        # A credit ends the line with "]" and maybe spaces: other lines skip the search.
        cm = None
        if text[le - 1] == "]" or text[le - 1].isspace():
            cm = _CREDIT_RE.search(text, max(ls, le - 80), le)
        if cm is not None:
            if cm.start() <= ls:
                continue  # a line that is only a credit
            kind, le = "caption", cm.start()
        region = _analyse_region(text, ls, le, kind, known)
        if region is not None:
            regions.append(region)
    # Speakers are resolved over the whole article (pronouns, run-on quotes, short
    # names), then each region's quotes are handed back to it.
    quotes = [q for r in regions for q in r[2]]
    people = ArticlePeople()
    if quotes:
        quotes = resolve_speakers(text, quotes, known, people)
        resolved = iter(quotes)
        regions = [(sp, k, [next(resolved) for _ in qs], ns, vs) for sp, k, qs, ns, vs in regions]
    out: list[Statement] = []
    for spans, kind, qs, ns, verbs in regions:
        _statements(text, spans, kind, qs, ns, verbs, out)
    _common_subjects(text, out)
    # Reported speech that names no one ("He said the deal …", "The governor said …"):
    # who it is, read across the article as a quotation's "he" is.
    reported = [
        st for st in out if st.kind == "sentence" and not st.quotes and has_speech_verb(st.text)
    ]
    if any(st.speaker is None for st in reported):
        spans = [(st.start, st.end, st.speaker) for st in reported]
        for st, name in zip(
            reported, reported_speakers(text, spans, quotes, known, people), strict=True
        ):
            st.speaker = name
    _full_names(text, out, quotes, people.bodies)
    return out


def _common_subjects(text: str, statements: list[Statement]) -> None:
    """No speaker for a sentence opened by a common noun read as a name ("Producers say
    …", "Opponents of the directive said …", "Speculation suggests …"): the reading of
    :func:`db.quotes.described_opening`, which already made the sentence's own
    quotations said by the people it describes."""
    described: dict[str, bool] = {}  # each word's reading, once per article
    for st in statements:
        word = st.speaker
        if word and st.text.startswith(word) and described_opening(text, word, described):
            st.speaker = None


def _full_names(
    text: str, statements: list[Statement], quotes: list[QuoteSpan], bodies: set[str]
) -> None:
    """A statement's speaker named by surname alone ("Trump said …") as the full name
    the article gives that person elsewhere (a quotation's resolved speaker, another
    statement's), when only one person has that surname there; so each of people
    speaking together ("Smith and Jones said …": "John Smith and Mary Jones"). Not a
    name reported speech gave a body (``bodies``) as a person's full name ("the company
    said" is Ford, whose chairman is Bill Ford; "Pacific" is still "Security Pacific")."""
    people = {st.speaker: joint_names(st.speaker) for st in statements if st.speaker}
    if not any(" " not in name for speaker, joint in people.items() for name in joint or [speaker]):
        return
    full: dict[str, set[str]] = {}
    names = [q.speaker for q in quotes if q.speaker_kind in _NAMED] + [
        st.speaker for st in statements
    ]
    for name in names:
        for person in (joint_names(name) or [name]) if name else []:
            if " " in person and person[:1].isupper() and not is_organisation(person):
                full.setdefault(person.rsplit(" ", 1)[1], set()).add(person)
    # Each surname's full name, read once (a long article says "Trump said" many times).
    chosen: dict[str, str | None] = {}

    def full_name(surname: str) -> str:
        if surname not in chosen:
            found = full.get(surname, set())
            one = next(iter(found)) if len(found) == 1 else None
            chosen[surname] = (
                None if one is None or _another_first_name(text, surname, one) else one
            )
        return chosen[surname] or surname

    for st in statements:
        joint = people.get(st.speaker) if st.speaker else None
        if joint is not None:
            st.speaker = joint_name([n if " " in n else full_name(n) for n in joint])
        elif st.speaker and " " not in st.speaker:
            full_one = full_name(st.speaker)
            if st.speaker in bodies and name_gender(full_one.split(" ", 1)[0]):
                continue  # a body's name, not its chairman's ("Ford", not "Bill Ford")
            st.speaker = full_one


def _another_first_name(text: str, surname: str, name: str) -> bool:
    """Does ``text`` name someone else with ``surname`` ("Bill Clinton" beside "Hillary
    Clinton"): a known first name right before it that is not ``name``'s?"""
    given = set(name.split()[:-1])
    at = text.find(" " + surname)
    while at > 0:
        first = [w.lstrip("\"“‘'(") for w in text[max(0, at - 20) : at].rsplit(None, 1)[-1:]]
        if first and first[0] not in given and name_gender(first[0]) is not None:
            return True
        at = text.find(" " + surname, at + 1)
    return False


def analyse_verified(text: str, body_start: int) -> list[Statement] | str:
    """The statements of one article, or why it could not be split (a message).

    Offsets are verified: an article is never stored with a statement, quote or
    number that is not exactly ``text[start:end]``.
    """
    try:
        statements = analyse(text, body_start)
    except Exception as exc:  # a splitter bug on hostile text must not stop the ingest
        return f"cannot split into statements ({type(exc).__name__}: {exc})"
    n = len(text)
    for st in statements:
        if not 0 <= st.start <= st.end <= n or text[st.start : st.end] != st.text:
            return f"statement offsets {st.start}..{st.end} do not match the text"
        for q in st.quotes:
            if text[q.start : q.end] != q.text:
                return f"quote/number offsets {q.start}..{q.end} do not match the text"
        for num in st.numbers:
            if text[num.start : num.end] != num.raw:
                return f"quote/number offsets {num.start}..{num.end} do not match the text"
        for q in st.quotes:
            if q.speaker_start is not None and not (
                0 <= q.speaker_start <= (q.speaker_end or -1) <= n
            ):
                return f"speaker offsets {q.speaker_start}..{q.speaker_end} are outside the text"
    return statements


# An article's statements as the rows they are stored as, without the ids the writer
# gives them: statements (seq, start, end, kind, text, speaker); quotes and numbers led
# by their statement's seq. Plain tuples: the writing process unpickles what the analysis
# workers send about five times faster than the objects they are made from (one
# constructor call per unpickled Statement, QuoteSpan and NumberSpan).
StatementRows = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]
# How quotes and numbers rows are written, their statement's id first (db.ingest; db.
# statements_again writes an article's again).
QUOTE_INSERT = (
    "INSERT INTO quotes(statement_id, char_start, char_end, text, speaker, speaker_start,"
    " speaker_end, speaker_kind, speaker_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
NUMBER_INSERT = (
    "INSERT INTO numbers(statement_id, char_start, char_end, raw, value, unit, qualifier)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def statement_rows(statements: list[Statement]) -> StatementRows:
    """The rows of ``statements`` (:data:`StatementRows`)."""
    srows: list[tuple[Any, ...]] = []
    qrows: list[tuple[Any, ...]] = []
    nrows: list[tuple[Any, ...]] = []
    for seq, st in enumerate(statements):
        srows.append((seq, st.start, st.end, st.kind, st.text, st.speaker))
        for q in st.quotes:
            qrows.append(
                (
                    seq,
                    q.start,
                    q.end,
                    q.text,
                    q.speaker,
                    q.speaker_start,
                    q.speaker_end,
                    q.speaker_kind,
                    q.speaker_key,
                )
            )
        for num in st.numbers:
            nrows.append((seq, num.start, num.end, num.raw, num.value, num.unit, num.qualifier))
    return srows, qrows, nrows
