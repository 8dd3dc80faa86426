"""Quotations and their speakers inside news text.

Every offset is exact: for every quote returned, ``text[q.start:q.end] == q.text``.
Nothing raises on any ``str``, and every scan is linear (see the tests with 100k
quote marks).

Quotes: double quotes (straight, curly, guillemets) pair up within a paragraph (a
line); an opening quote never closed runs to the end of the paragraph (the news
convention for a quote continued in the next one). A straight mark shaped like an
opener inside an open quote ('…the park. "But') starts the next quotation: files that
lost a paragraph break run two quote paragraphs together. Single quotes count only as
``'...'``/``‘...’`` pairs at word boundaries, so apostrophes are not quotes. Offsets
exclude the marks and the attribution comma (``"Yes," he said`` -> ``Yes``). Titles
of shows and books are no quotations; terms (a word quoted as a word or a name) are
kept with kind ``"term"`` and no speaker.

Speakers: each quotation's attribution next to it (:func:`quotes_in_line`, with
db.speakers), then resolved within the article (:func:`resolve_speakers`); a
sentence's own speaker: :func:`find_speaker` — bare names, pronouns give ``None``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from db.article_people import (
    MARKS_AND_SPACE,
    NAMES_ASKED_RE,
    PRONOUN_REACH,
    UNNAMED_ROLES,
    ArticlePeople,
    People,
    body_named_before,
    common_phrase,
    is_plural,
    mask_quotes,
    names_a_body,
    word_positions,
)
from db.lexicon import WEEKDAYS
from db.normalize import common_word, normalize_word
from db.segment import ATTRIBUTION_VERBS
from db.speakers import (
    HONORIFICS,
    PARTY_MEMBERS,
    PERSON_PRONOUNS,
    SPEECH_VERB_WORD,
    SUBJECT_OPENERS,
    Attribution,
    asked_before,
    attributions,
    attributions_near,
    closed_by_source,
    colon_name,
    colon_subject,
    dash_name,
    first_attribution,
    first_named,
    has_speech_verb,
    is_body_noun,
    is_document,
    is_epithet_head,
    is_organisation,
    is_people_noun,
    is_person_noun,
    is_title_word,
    joint_names,
    name_gender,
    person_mentions,
    sentence_speaker,
    speaker_key,
    speaks_for_sentence,
    speech_verb_starts,
)
from db.wordsets import words

__all__ = [
    "SPEAKER_KINDS",
    "QuoteSpan",
    "described_opening",
    "extract_quotes",
    "find_speaker",
    "names_a_work",
    "quotes_in_line",
    "reported_speakers",
    "resolve_speakers",
]


@dataclass(slots=True, frozen=True)
class QuoteSpan:
    """A quotation at text[start:end] (marks excluded) and who said it.

    ``speaker`` is the article's canonical name for the speaker ("Rustem Umerov" even
    where the text says "Umerov said" or "he said"), or the common noun as written
    ("the company"); ``speaker_start``/``speaker_end`` locate the attributing mention
    (the name, pronoun or noun phrase) in the same text; ``speaker_kind`` is one of
    :data:`SPEAKER_KINDS` (None: no attribution at all); ``speaker_key`` is
    :func:`db.speakers.speaker_key` of the speaker, equal across articles.
    """

    start: int
    end: int
    text: str
    speaker: str | None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_kind: str | None = None
    speaker_key: str | None = None

    def __reduce__(self) -> tuple[type[QuoteSpan], tuple[object, ...]]:
        # Plain constructor arguments: cheaper to pickle (ingest workers send them back).
        return QuoteSpan, (
            self.start,
            self.end,
            self.text,
            self.speaker,
            self.speaker_start,
            self.speaker_end,
            self.speaker_kind,
            self.speaker_key,
        )


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


def _reopens(text: str, i: int, open_at: int, hi: int) -> bool:
    """Is the straight double quote at ``i``, inside a quotation opened at ``open_at``, the
    opening of the next one: after sentence punctuation or a colon and a space, before a
    letter or digit ('…the park. "But', '… Arsene Wenger said: "Freddie', "… my day.'
    "But")? A closing mark is written against the last word."""
    if i + 1 >= hi or not text[i + 1].isalnum() or i - open_at < 4:
        return False
    j = i - 1
    if not text[j].isspace():
        return False
    while j > open_at and text[j].isspace():
        j -= 1
    if text[j] in "'’" and j - 1 > open_at:
        # A sentence's end closed by a single mark: a quotation nested in this one ending
        # it ("… 'This is not my day.' "But then …") or a closing mark mistyped ("…
        # bandwidth.' "It can't …").
        j -= 1
    return text[j] in ".!?…:"


def _sentence_start(text: str, lo: int, hi: int) -> int:
    """Where the last sentence of text[lo:hi] starts (after a ". " or the like; ``hi``
    when there is none: no end is moved)."""
    for j in range(hi - 2, lo, -1):
        if text[j] in ".!?…" and text[j + 1] == " ":
            return j + 1
    return hi


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
    skip_to = -1
    for m in _QUOTE_MARK_RE.finditer(text, lo, hi):
        i = m.start()
        if i < skip_to:
            continue
        q = text[i]
        if q == "'" and i + 1 < hi and text[i + 1] == "'":
            # Two apostrophes typed for a double quote: one mark (the region starts at
            # the second, so no stray ' is quoted).
            skip_to = i + 2
            if open_at >= 0:
                regions.append((open_at, i))
                open_at = -1
            elif _opens(text, i):
                open_at, single_at = i + 1, -1
            continue
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
            # ... unless it is shaped like an opener after a sentence end ('…substantial.
            # "But despite'): a quote paragraph run on into the next one with the
            # paragraph break lost, so the next paragraph's opening mark starts a quote.
            reopens = _reopens(text, i, open_at, hi)
            # After a colon the sentence it ends introduces the next quotation ('…
            # seconds. Gunners boss Arsene Wenger said: "Freddie'): the open one ended
            # before it.
            end = _sentence_start(text, open_at, i) if reopens and text[i - 2] == ":" else i
            regions.append((open_at, end))
            open_at = i if reopens else -1
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

# "term": a word quoted as a word or a name ('the word "energie"'), no one's words.
SPEAKER_KINDS = ("named", "pronoun", "common", "unresolved", "term")
_CONTEXT = 300  # characters either side of a quotation searched for its speaker


# A quoted title is Title Case and follows or precedes a word that names a work or a
# programme: 'told “Fox News Sunday”', 'on “Meet the Press.”', 'his book “The Art of
# the Deal”'. The cue keeps a capitalised slogan or a coined name a quotation.
_TITLE_CUES_BEFORE = words(
    """
    on in to told titled entitled book books show shows program programme programs film
    movie documentary series song album newspaper magazine column episode podcast
    broadcast network event conference summit festival hosted host anchor appeared
    appearing interview during memoir novel play musical report op-ed essay
    """
)
_TITLE_CUES_AFTER = words(
    """
    show program programme interview host anchor appearance podcast episode broadcast
    """
)
_SMALL_TITLE_WORDS = words("a an the of and or in on at to for with by from vs. vs v. is de")


# Works and bodies whose name follows "called"/"named": 'a YouTube video called "Behind
# the scenes …"', 'his book, called "how to win"', 'a group called "Fathers 4 Justice"' (any
# case: a name, not someone's words).
_WORK_NOUNS = words(
    """
    video videos clip film films movie movies book books novel memoir biography show shows
    series sitcom drama programme program documentary song songs album single track play
    musical opera poem painting sculpture exhibition podcast episode game app website blog
    column channel magazine newsletter site page account group organisation organization
    charity company firm band campaign movement operation event festival tour
    """
)
_NAMING_CUES = words("called named titled entitled dubbed")
# A name's translation in brackets right after it: ' (Game Against Poverty)'.
_TRANSLATED_RE = re.compile(
    r" \((?:[A-Z][\w'’-]*)(?: (?:[A-Z][\w'’-]*|of|the|and|for|in|on|a|to)){1,6}\)"
)


def _title_cased(toks: list[str]) -> bool:
    """Words written as a title: the first capitalised, the others too or small words."""
    return (
        bool(toks)
        and toks[0][:1].isupper()
        and all(t[:1].isupper() or t in _SMALL_TITLE_WORDS or not t[:1].isalpha() for t in toks)
    )


# A quotation of at most this many words, all capitalised, names a work or a show.
TITLE_QUOTE_WORDS = 4


def names_a_work(quotation: str) -> bool:
    """Does a short quotation, every word capitalised, name a show, work or nickname
    ('True Detective', "Game of Thrones", 'Cosmos') rather than give someone's words?
    Read without its sentence, as the matcher reads a statement's quotations: two
    headlines quoting the title of one show share a name, not a quotation. (A headline
    capitalises every word, so a short quotation in one reads as a title too; someone's
    words rarely fit in four; a sentence's stop or a comma inside the marks makes them
    words: "Hi, Congressman.")"""
    inner = quotation.strip(" '\"‘’“”")
    if inner.endswith((".", "!", "?")) or "," in inner:
        return False
    toks = inner.split()
    return 0 < len(toks) <= TITLE_QUOTE_WORDS and _title_cased(toks)


def _is_title(text: str, s: int, e: int, qa: int, qb: int, ls: int, le: int) -> bool:
    before = text[max(ls, qa - 40) : qa].split()[-2:]
    if len(text[s:e].split()) <= 8 and (
        [w.lower() for w in before] in (["billed", "as"], ["known", "as"])
        or _TRANSLATED_RE.match(text, qb + 1, le)
    ):
        # 'billed as "Ronaldo's friends against Zidane's friends"', 'the "Partido contra
        # la Pobreza" (Game Against Poverty)': a name, given as such or translated.
        return True
    if before and before[-1].lower() in _NAMING_CUES:
        # "titled"/"entitled" name a work; "called"/"named" do after a work's noun.
        cue = before[-1].lower()
        noun = before[0].rstrip(",").lower() if len(before) == 2 else ""
        if cue in ("titled", "entitled") or noun in _WORK_NOUNS:
            return len(text[s:e].split()) <= 12
    toks = text[s:e].rstrip(".,!?").split()
    # A work's noun right before: a longer title ('His book, "Quit Digging Your Grave
    # with a Knife and Fork,"').
    work = bool(before) and before[-1].rstrip(",").lower() in _WORK_NOUNS
    if len(toks) > (12 if work else 8) or not _title_cased(toks):
        return False
    after = text[qb + 1 : min(le, qb + 30)].split()[:1]
    if any(w.lower().strip(",") in _TITLE_CUES_BEFORE for w in before):
        return True
    if _cued_owner(text[max(ls, qa - 60) : qa].split()[-5:]):
        return True
    return bool(after) and after[0].lower().strip(",.") in _TITLE_CUES_AFTER


def _cued_owner(before: list[str]) -> bool:
    """Do the words before a quotation end with a cue and a capitalised owner of what
    is quoted ('on Fox News’ “Hannity,”', 'told ABC’s “This Week”')?"""
    if not before or not before[-1].endswith(("'s", "’s", "'", "’")):
        return False
    k = len(before) - 1
    while k > 0 and before[k][:1].isupper() and before[k].lower() not in _TITLE_CUES_BEFORE:
        k -= 1
    return k < len(before) - 1 and before[k].lower() in _TITLE_CUES_BEFORE


# A quoted word used as a word or a name, no one's words: 'the word "energie"', 'his
# "Nazi" comment', 'Ahmed 'Mido' Hossam', 'saying "Atlas Shrugged" triggered'.
_TERM_CUES = words("word words term terms phrase phrases label slogan motto nickname")
_MODIFIER_DETERMINERS = words("the a an his her their its our my your this these those")
# Lower-case words after a quote that show it is no noun's modifier.
_NOT_NOUNS = words(
    """
    and or but nor of to in on at for with by from as than that which who whom whose is
    are was were be been has have had will would can could should may might must do does
    did not so if when while because since though although after before until into onto
    over under about against between through during it he she they we you i the a an his
    her their its our my your this that these those today yesterday tonight tomorrow
    again now then here there too also last next every once twice instead even just still
    yet already all both each either neither any some no
    """
)
_MAX_TERM_WORDS = 3
_MAX_TERM_CHARS = 60
# Nouns of remarks: a quote modifying one gives the remark's words, not the writer's
# source's ('his "Nazi" comment').
_SPEECH_NOUNS = words(
    """
    comment comments remark remarks jibe jibes slur slurs gaffe taunt taunts insult
    insults quip quips joke jokes tweet tweets greeting greetings slogan slogans chant
    chants catchphrase label description outburst rant line lines sign signs banner
    message headline headlines
    """
)

# Nouns a quoted name modifies: 'the "don't ask, don't tell" policy', 'the "stand your
# ground" law' name a policy, they quote no one.
_POLICY_NOUNS = words("policy policies law laws rule rules doctrine")


def _listed_term(before: list[str]) -> bool:
    """Do the words ``before`` a quotation end with a term cue and "like" or "such as"
    ('terms like', 'words such as'), the list's earlier quoted items aside?"""
    k = len(before)
    while k and (before[k - 1][:1] in _QUOTE_CHARS_ALL or before[k - 1] in ("and", "or")):
        k -= 1  # 'terms like "digital", "interactive"': past "digital",
    cue = before[max(0, k - 3) : k]
    if cue[-1:] == ["like"]:
        return len(cue) >= 2 and cue[-2].lower() in _TERM_CUES
    return cue[-2:] == ["such", "as"] and len(cue) == 3 and cue[0].lower() in _TERM_CUES


def _is_term(text: str, s: int, e: int, qa: int, qb: int, ls: int, le: int) -> bool:
    """Is the quotation at text[s:e] (marks at qa, qb) a term rather than someone's words?"""
    if e - s > _MAX_TERM_CHARS:
        return False  # most quotations: sentences, settled without splitting them
    toks = text[s:e].split()
    if not toks or len(toks) > 6:
        return False
    before = text[max(ls, qa - 40) : qa].split()
    after = text[qb + 1 : min(le, qb + 40)].split()
    prev = before[-1].lower() if before else ""
    if _listed_term(before):
        return True  # 'terms like "digital", "interactive"', 'words such as "cool"'
    if prev == "so-called" or (
        prev in _TERM_CUES
        and len(before) >= 2
        and (before[-2].lower() in _MODIFIER_DETERMINERS or before[-2] == "that")
    ):
        return True  # 'the word "cuts"', 'the so-called "dodgy dossier"'; not 'jail term'
    if (
        len(after) >= 3
        and after[0] in ("is", "was")
        and after[1] in ("a", "an", "the")
        and after[2].rstrip(",.;:") in _TERM_CUES
    ):
        return True  # '"Rage" is a word that …'
    nxt = after[0].rstrip(",.;:!?") if after and after[0][:1].isalnum() else ""
    if (
        len(toks) == 1
        and before
        and before[-1][:1].isupper()
        and nxt[:1].isupper()
        and before[-1][-1:].isalpha()
        and toks[0][:1].isupper()
    ):
        return True  # a nickname inside a name: Ahmed 'Mido' Hossam
    if nxt in _POLICY_NOUNS and prev == "the" and text[qb - 1] not in ",.;:!?":
        # A policy's name: 'the "don't ask, don't tell" policy' (not 'a "firm but fair"
        # policy': the speaker's words for it).
        return True
    if len(toks) > _MAX_TERM_WORDS or not nxt or not nxt.isalpha() or text[qb - 1] in ",.;:!?":
        return False
    if nxt.islower() and nxt not in _NOT_NOUNS and not nxt.endswith("ly"):
        # The words a remark was made of: 'his "Nazi" comment', 'a "Welcome to Cardiff"
        # greeting'. (An adjective quoted from the speaker, 'an "exceptional" year', is
        # their words: no rule tells the two apart but the noun.)
        if nxt in _SPEECH_NOUNS and (prev in _MODIFIER_DETERMINERS or prev.endswith(("'s", "’s"))):
            return True
        # A title or name used as a subject: 'saying "Atlas Shrugged" triggered his
        # interest', 'a drama like "Homeland" plays'.
        titled = all(t[:1].isupper() and t[1:2].islower() for t in toks)
        return titled and prev.islower() and prev.isalpha()
    return False


def _with(q: QuoteSpan, att: Attribution | None) -> QuoteSpan:
    if att is None:
        return QuoteSpan(q.start, q.end, q.text, None)
    return QuoteSpan(q.start, q.end, q.text, att.name, att.start, att.end, att.kind)


# The quotation regions found per line, by (line start, line end): kept by
# :func:`quotes_in_line` so that :func:`resolve_speakers` need not find them again.
LineRegions = dict[tuple[int, int], list[tuple[int, int]]]


def quotes_in_line(
    text: str,
    ls: int,
    le: int,
    sents: list[tuple[int, int]],
    known: LineRegions | None = None,
) -> list[QuoteSpan]:
    """Quotations in the line text[ls:le] whose sentence spans are ``sents``, each with
    the attribution written next to it (not yet resolved within the article: see
    :func:`resolve_speakers`). Offsets are absolute. For db.statements, which already
    has the sentences; the line's quotation regions are added to ``known`` if given.
    """
    out: list[QuoteSpan] = []
    regions = _quote_regions(text, ls, le)
    if known is not None:
        known[(ls, le)] = regions
    if not regions:
        return out
    masked = mask_quotes(text, ls, le, regions)
    s_starts = [a for a, _ in sents]
    s_ends = [b for _, b in sents]
    for r, (qa, qb) in enumerate(regions):
        inner = _inner(text, qa, qb)
        if inner is None:
            continue
        s, e = inner
        if _is_title(text, s, e, qa, qb, ls, le):
            continue
        if _is_term(text, s, e, qa, qb, ls, le):
            out.append(QuoteSpan(s, e, text[s:e], None, speaker_kind="term"))
            continue
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
        # Not across a neighbouring quotation and a sentence end (a lost paragraph break
        # leaves the splitter one "sentence" for several paragraphs), nor past a quotation
        # that follows straight on ('"…," "Overall …," X said': X's words are the second).
        pb = regions[r - 1][1] if r else -1
        if lo < pb < qa and _TERMINATOR_RE.search(masked, pb - ls, qa - ls):
            lo = pb + 1
        if r + 1 < len(regions) and qb < regions[r + 1][0] < hi:
            na = regions[r + 1][0]
            if not text[qb + 1 : na].strip() or _TERMINATOR_RE.search(masked, qb - ls, na - ls):
                hi = na
        if j + 1 < len(sents) and text[qb - 1] in ".!?" and hi <= sents[j + 1][0]:
            ns, ne = sents[j + 1]
            if not text[qb + 1 : ns].strip() and _attribution_sentence(text, ns, ne):
                # '"…?" Representative Kevin McCarthy of California, the Republican
                # leader, asked at a news conference.': the sentence after it is its
                # attribution (the splitter ends the quotation's sentence at its mark).
                hi = min(ne, qb + 1 + _CONTEXT)
        att = dash_name(masked, qb + 1 - ls) if qb < le else None
        if att is None and text[qa] not in "'‘":
            att = colon_name(masked, qa - ls)
        if att is None:
            att = _colon_clause_name(masked, qa - ls)
        if att is None:
            window = masked[lo - ls : hi - ls]
            if has_speech_verb(window):
                att = attributions_near(window, qa - lo, qb + 1 - lo)
                if att is not None:
                    att = att.shifted(lo - ls)
        if att is None and qb < le and (text[qb - 1] in ",!?" or text[qb + 1 : qb + 2] == ","):
            att = _pronoun_after(masked, qb + 1 - ls) or _name_then_verb(masked, qb + 1 - ls)
        if att is None and text[qa] not in "'‘":
            att = colon_subject(masked, qa - ls)
        if _is_question(text, s, e, qb):
            asked, asker = asked_before(masked, qa - ls)
            if asked:
                # 'Asked by one of her aides, "Is this final?" Mr Rhodes replied': the
                # asker's words, not those of whoever answers after them.
                if asker is None:
                    out.append(QuoteSpan(s, e, text[s:e], None, speaker_kind="unresolved"))
                    continue
                att = asker
        q = QuoteSpan(s, e, text[s:e], None)
        out.append(_with(q, att.shifted(ls) if att is not None else None))
    return out


def _colon_clause_name(masked: str, at: int) -> Attribution | None:
    """A full name before a colon that opens the clause the quotation at ``at`` is in
    ("Larry Summers: If Tax Deal Goes Down There's A 'Significant Risk' Of …"): what
    follows the colon is that person's, quoted words and all."""
    c = masked.rfind(": ", max(0, at - 200), at)
    if c < 0 or any(mark in masked[c:at] for mark in ".!?\n"):
        return None
    att = colon_name(masked, c + 2)
    # A person's full name (a first name known), not "Perry TV Ad: …" nor a headline's
    # words ("Alabama Republicans Defend Roy Moore: …").
    if att is None or " " not in att.name or not name_gender(att.name):
        return None
    return att


# A sentence that only attributes the quotation before it: a name (titles before it,
# an apposition after it), one of these verbs, and nothing said after the verb: where,
# when or to whom ('asked at a news conference', 'said on Monday', 'told reporters'),
# not what ('said the plan had failed').
_ATTRIBUTING = frozenset(ATTRIBUTION_VERBS)
_ATTRIBUTION_TAIL_LEADS = (
    words(
        """
        at on in during to from via after before while when as with over outside inside
        yesterday today tonight later earlier afterwards afterward recently last this next
        again then reporters journalists him her them us me
        """
    )
    | WEEKDAYS
)
_ATTRIBUTION_TAIL_WORDS = 12


def _attribution_sentence(text: str, ns: int, ne: int) -> bool:
    """Is text[ns:ne] a sentence that only attributes a quotation before it ('"…?"
    Representative Kevin McCarthy of California, the Republican leader, asked at a news
    conference.')?"""
    if ne - ns > _CONTEXT or not _DOUBLE_MARKS.isdisjoint(text[ns:ne]):
        return False
    verbs = speech_verb_starts(text, ns, ne)
    if len(verbs) != 1:
        return False
    tail = text[verbs[0] : ne].rstrip(" .!?").split()
    if tail[0].strip(",") not in _ATTRIBUTING or len(tail) > _ATTRIBUTION_TAIL_WORDS + 1:
        return False
    if len(tail) > 1 and tail[1].strip(",").lower() not in _ATTRIBUTION_TAIL_LEADS:
        return False
    att = first_attribution(text[ns:ne])
    if att is None or att.kind != "named":
        return False
    lead = text[ns : ns + att.start].split()  # titles only: "Representative", "Sen."
    return len(lead) <= 3 and not any(w[:1].islower() for w in lead)


_QUESTION_WORDS = words(
    """
    Is Are Was Were Do Does Did Will Would Can Could Should Shall May Might Have Has Had
    What Why How Who Whom Whose When Where Which Isn't Aren't Don't Doesn't Didn't Won't
    Wouldn't Can't Couldn't Shouldn't
    """
)


def _is_question(text: str, s: int, e: int, qb: int) -> bool:
    """Is the quotation at text[s:e] (closing mark at qb) a question: a question mark at
    its end, or an interrogative word opening it ('"Is this the final language,"')?"""
    if "?" in text[max(s, e - 2) : qb + 2]:
        return True
    first = text[s : min(e, s + 12)].split(" ", 1)[0].replace("’", "'")
    return first in _QUESTION_WORDS


# '"…," he posited': a pronoun and a verb off the list right after a quotation that ends
# with a comma (or ! ?) is its attribution all the same.
_PRONOUN_AFTER_RE = re.compile(r",?[ ]+(he|she)[ ]+(?!(?:was|has|does|is)\b)[a-z]{3,}(?:ed|s)\b")


def _pronoun_after(s: str, pos: int) -> Attribution | None:
    m = _PRONOUN_AFTER_RE.match(s, pos)
    if m is None:
        return None
    return Attribution(m.group(1), m.start(1), m.end(1), "pronoun")


# After a quotation: a person's name, words of a role whose commas were lost, then a
# verb of saying closing the sentence ('"…," Alois Rhiel, its minister for economic
# affairs added.', '"…," Dr Mark Tuffy games systems director at THX told').
_ROLE_THEN_VERB_RE = re.compile(
    r"[^.!?\"“”;:]{0,90}? " + SPEECH_VERB_WORD + r"(?: [\w'’-]+){0,4}\."
)


def _name_then_verb(s: str, pos: int) -> Attribution | None:
    """The person named first after a quotation's closing mark, when what follows them
    ends in a verb of saying (:data:`_ROLE_THEN_VERB_RE`) that no one else is the
    subject of."""
    lo = pos + (1 if s[pos : pos + 1] == "," else 0)
    while s[lo : lo + 1] == " ":
        lo += 1
    mentions = person_mentions(s, lo, min(len(s), lo + 40))
    if not mentions or mentions[0][0] > lo + 4:
        return None
    a, b, name, _title = mentions[0]
    rest = _ROLE_THEN_VERB_RE.match(s, b)
    if (
        rest is None
        or person_mentions(s, b, rest.end())
        or _PRONOUN_WORD_RE.search(s, b, rest.end())
    ):
        return None
    return Attribution(name, a, b, "named")


_PRONOUN_WORD_RE = re.compile(r"\b(?:he|she|they|it|who|which)\b")


def find_speaker(sentence: str, headline: bool = False) -> str | None:
    """Who ``sentence`` attributes its content to, as a bare name, or None.

    Handles '..." Umerov said', 'Umerov told KBS that', 'Defense Minister Rustem Umerov
    said' (titles and possessives dropped -> 'Rustem Umerov'), 'Kovalenko, head of ...,
    had claimed', '..., said ministry spokesman Jeon Ha-kyou' and 'according to X'.
    Verbs inside quotation marks are ignored. Pronouns ("he said") and common nouns
    ("officials said") give None: a sentence's speaker is a name (db.matcher compares
    them); quotes get their pronouns resolved within the article instead.
    Organisations are returned as written ("South Korean Defense Ministry"). Only the
    sentence's own attribution names it (:func:`db.speakers.sentence_speaker`): "He
    said Mr Blair told …" is None here, "he" being resolved in the article. A
    ``headline``'s past forms are passive ("UK urged").
    """
    if not isinstance(sentence, str) or not sentence:
        return None
    masked = _speech_masked(sentence, sources=True)
    if masked is None:
        return None
    # Two bodies sharing a plural head ("the Agriculture and Commerce Departments") are
    # one phrase, not "Departments" alone: read with the "and" joined, then given back.
    joined = _JOINT_PLURAL_RE.sub(r"\1-and-\2 \3", masked)
    name = sentence_speaker(joined, headline)
    return name.replace("-and-", " and ") if name is not None and joined != masked else name


_JOINT_PLURAL_RE = re.compile(
    r"\b([A-Z][\w.]*) and ([A-Z][\w.]*) ((?:[A-Z][a-z]+ )?"
    r"(?:Departments|Ministries|Committees|Agencies|Commissions|Councils|Services))\b"
)


def _speech_masked(sentence: str, sources: bool = False) -> str | None:
    """``sentence`` with its quotations masked (a verb inside them attributes nothing),
    or None when it holds no verb of saying (nor, with ``sources``, a source of its
    figures: "Figures from the ONS showed …")."""
    if not has_speech_verb(sentence, sources):
        return None
    if any(q in sentence for q in _QUOTE_CHARS_ALL):
        regions = _quote_regions(sentence, 0, len(sentence))
        if regions:
            return mask_quotes(sentence, 0, len(sentence), regions)
    return sentence


def extract_quotes(text: str) -> list[QuoteSpan]:
    """Quotations in ``text`` (offsets exclude the marks), each with its speaker
    resolved within ``text`` as one article (:func:`resolve_speakers`).

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
    return resolve_speakers(text, out)


# ---------------------------------------------------------------- within an article


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    return ls, len(text) if le < 0 else le


_DOUBLE_MARKS = frozenset('"“”«»„‟')


def _starts_line(text: str, q: QuoteSpan) -> bool:
    ls, _ = _line_bounds(text, q.start)
    return not text[ls : q.start].strip(MARKS_AND_SPACE)


def _attribution_only(between: str) -> bool:
    """Is the text between two quotations at most the first one's attribution ('," he
    said. "'), not a passage of narrative after which the quotes may be someone else's?"""
    core = between.strip(MARKS_AND_SPACE + ",.;:")
    if len(core) > 150:
        return False
    return len(_TERMINATOR_RE.findall(core)) == 0


# How long the first quotation's own attribution sentence between two quotations of a
# paragraph may run with a clause of its own ('"…," he told reporters, referring to an
# exchange with Speaker Nancy Pelosi during a meeting … . "…"').
_LONG_ATTRIBUTION = 400


def _attribution_runs_on(text: str, prev: QuoteSpan, at: int) -> bool:
    """Is text[prev.end:at] one sentence that holds ``prev``'s attribution and, after it,
    a clause that goes on from it in which no one else speaks? Then a quotation after it
    is ``prev``'s speaker's still."""
    if prev.speaker_start is None or not prev.end <= prev.speaker_start < at or not prev.speaker:
        return False
    core = text[prev.end : at].strip(MARKS_AND_SPACE + ",.;:")
    if len(core) > _LONG_ATTRIBUTION or _TERMINATOR_RE.search(core):
        return False
    verbs = speech_verb_starts(text, prev.end, at)
    rest = text[verbs[0] : at] if verbs else ""
    other = first_attribution(rest[rest.find(" ") + 1 :]) if len(verbs) > 1 else None
    return other is None or other.name.split()[-1] == prev.speaker.split()[-1]


def _narrative_before(between: str) -> bool:
    """Do words follow the last sentence end between two quotations of a paragraph
    ('…manifesto". Meanwhile, Oliver Letwin accused Mr Blair of "')? Then the second
    opens no sentence of its own: it is part of another's, not a quote run on."""
    ends = list(_TERMINATOR_RE.finditer(between))
    return bool(ends) and bool(between[ends[-1].end() :].strip(MARKS_AND_SPACE))


# A sentence end, not an abbreviation's period ("Mr. Trump said", "U.S. officials").
_TERMINATOR_RE = re.compile(
    r"(?<!Mr)(?<!Mrs)(?<!Ms)(?<!Dr)(?<!Sen)(?<!Rep)(?<!Gov)(?<!Gen)(?<!St)(?<!Jr)(?<![A-Z])"
    r"[.!?][\"”’]*\s"
)


def _text_end_before(text: str, at: int) -> int:
    """Where the text before ``at`` ends, whitespace left out (no copy of the text)."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


def _answers_in_turn(text: str, prev_line: int, asked: str) -> bool:
    """A list of answers, each after a question of names alone ("Governor Christie?
    "Strong," he said." then "Retired Lt. Gen. Mike Flynn? "A patriot.""): the paragraph
    before the quotation (from ``prev_line``) opens with such a question too, and the
    quotation's own question (``asked``) is all that comes before it in its paragraph."""
    return (
        NAMES_ASKED_RE.fullmatch(asked) is not None
        and NAMES_ASKED_RE.match(text, prev_line) is not None
    )


def _run_on_speaker(text: str, prev: QuoteSpan | None, q: QuoteSpan) -> QuoteSpan | None:
    """A quotation with no attribution of its own that continues the one before: in the
    same paragraph ('"A," he said. "B."'), or opening the next paragraph (news style
    for a quote that runs on), or after a paragraph ending 'X said:'."""
    if prev is not None and prev.speaker_kind is not None:
        pls, ple = _line_bounds(text, prev.end)
        if q.start < ple:
            between = text[prev.end : q.start]
            runs_on = (
                _attribution_only(between) or _attribution_runs_on(text, prev, q.start)
            ) and not _narrative_before(between)
            # Nor one whose own attribution, not understood, names someone else ('"…,"
            # Smith said. "…," said Mayor Ann Lee and her deputy.' is not Smith's).
            runs_on = runs_on and not _names_another(text, q, prev.speaker)
        else:
            between = text[ple : q.start].strip(MARKS_AND_SPACE)
            runs_on = (_starts_line(text, q) and not between) or _answers_in_turn(
                text, pls, between
            )
            runs_on = runs_on and _attribution_only(text[prev.end : ple])
            # A quote paragraph with a verb of its own (not understood) is not run on:
            # '"…," Rev. Tom Pace of St Mary's Church, told reporters.'
            runs_on = runs_on and not _own_verb(text, q) and not _expects_attribution(text, q)
            runs_on = runs_on and not _phrase_in_sentence(text, q)
        if runs_on and q.start < ple:
            # '…commons". Adam Jollans, IBM's manager, said the move … "We believe …"':
            # someone else's reported speech between them speaks the second.
            own = prev.speaker_start is not None and prev.end <= prev.speaker_start < q.start
            # Only a sentence of its own between them ('"… shot" to Mr Blair not to try …'
            # continues the first quote's sentence).
            ended = text[prev.end - 1] in ".!?" or between.lstrip(MARKS_AND_SPACE)[:1] in ".!?"
            if not own and ended:
                other = _attribution_in(text, prev.end, q.start)
                if other is not None:
                    return None if _own_verb(text, q) else _with(q, other)
                # '…impressed." Mendes could not believe the 'goal' was …': a new
                # sentence after the first quote's, not its attribution.
                if text[prev.end - 1] in ".!?" and between.strip(MARKS_AND_SPACE):
                    runs_on = False
        if runs_on:
            return QuoteSpan(
                q.start,
                q.end,
                q.text,
                prev.speaker,
                prev.speaker_start,
                prev.speaker_end,
                prev.speaker_kind,
                prev.speaker_key,
            )
    ls, _ = _line_bounds(text, q.start)
    if not _starts_line(text, q):
        return _after_reported_speech(text, ls, q)
    pe = _text_end_before(text, ls)  # where the previous paragraph's text ends
    if pe <= 0:
        return None
    if text[pe - 1] != ":":
        return _after_reported_speech(text, ls, q)
    pls, _ = _line_bounds(text, pe - 1)
    lo = max(pls, pe - _CONTEXT)
    window = mask_quotes(text, lo, pe, _quote_regions(text, pls, pe))
    if not has_speech_verb(window):
        return None
    att = attributions_near(window, len(window), len(window))
    return _with(q, att.shifted(lo)) if att is not None else None


def _attribution_in(text: str, lo: int, hi: int) -> Attribution | None:
    """The attribution of a passage of text[lo:hi] holding no quotation, nearest its end."""
    window = text[lo:hi]
    if not has_speech_verb(window):
        return None
    window = mask_quotes(text, lo, hi, _quote_regions(text, lo, hi))
    att = attributions_near(window, len(window), len(window))
    return att.shifted(lo) if att is not None else None


def _own_verb(text: str, q: QuoteSpan) -> bool:
    """Does a speech verb follow the quotation in its sentence ('"…," said M&S.')?"""
    after = text[q.end : q.end + 120].lstrip(MARKS_AND_SPACE)
    if text[q.end - 1] in ".!?" and after[:1].isupper():
        return False  # the quotation ended its sentence: '… seeing him." And he added'
    return has_speech_verb(_rest_of_sentence(text, q).replace('"', " "))


def _rest_of_sentence(text: str, q: QuoteSpan) -> str:
    """What follows the quotation in its sentence (at most 120 characters)."""
    rest = text[q.end : q.end + 120]
    stop = _TERMINATOR_RE.search(rest)
    return rest[: stop.start() if stop else len(rest)]


# A person's name: a known first name and a surname, or an honorific and a surname.
_PERSON_NAME_RE = re.compile(r"\b(?=([A-Z][a-z]+)\.? ([A-Z][\w'’-]+))")  # overlapping


def _names_another(text: str, q: QuoteSpan, speaker: str | None) -> bool:
    """Does a speech verb follow the quotation in its sentence, with the name of a
    person whose surname is not in ``speaker`` ('"…," said Mayor Ann Lee and her
    deputy.'; not '"…," added the two-time Academy Award winner.')?"""
    if q.text.rstrip("'’")[-1:] in (".", "!", "?"):
        return False  # the quotation ended its sentence: "… there?'" John Crowther added:
    if not (_own_verb(text, q) or _expects_attribution(text, q)):
        return False
    clause = _rest_of_sentence(text, q).lstrip(MARKS_AND_SPACE + ",")
    # Up to the next quotation: '"…," "…," economist Steven Wei said.' names the speaker
    # of the second one.
    clause = re.split(r"[\"“]", clause, maxsplit=1)[0]
    theirs = set((speaker or "").split())
    for m in _PERSON_NAME_RE.finditer(clause):
        first, surname = m.groups()
        before = clause[: m.start()].split()[-1:]
        person = (
            first in HONORIFICS
            or name_gender(first) is not None
            or (bool(before) and is_person_noun(before[0]))  # "analyst Vadim Mitroshin"
        )
        # (A possessive's "'s" off, not every final s: "Jones" is Tom Jones's.)
        if person and surname.removesuffix("'s").removesuffix("’s") not in theirs:
            return True
    return False


# A quotation mark in a sentence: a double one, or a single one opening a word ('Mr
# Sigarchi's sentence', "the players' union" hold apostrophes, no quotation).
_QUOTATION_IN_RE = re.compile(r"[\"“”«»„‟]|(?<![\w'‘’])['‘](?=\w)")


def _after_reported_speech(text: str, ls: int, q: QuoteSpan) -> QuoteSpan | None:
    """A quotation that is a sentence of its own (no attribution) after a sentence of
    reported speech, in its paragraph or ending the one before ('Instead, said Mr
    Doctorow, DRM systems were meant to control consumers. "The studios …"'): the
    reported speaker's."""
    if _own_verb(text, q) or _expects_attribution(text, q):
        return None  # an attribution of its own not understood
    rest = _rest_of_sentence(text, q)
    if q.text[-1:] in ("?", "!") and len(rest.split()) <= 8 and has_speech_verb(rest):
        return None  # '"… the movie?" Mr Kashyap's lawyer Mihir Desai said.'
    head = text[ls : q.start].rstrip(MARKS_AND_SPACE)
    if head:
        lo = ls
    else:  # the quotation opens its paragraph: the last sentence of the one before
        end = _text_end_before(text, ls)
        lo, _ = _line_bounds(text, max(end - 1, 0))
        head = text[lo:end]
    if not head or head[-1] not in ".!" or len(head) < 2:
        # (A question is the reporter's, the quotation its answer: "So is its job to
        # destroy the Tories, as Robert Kilroy-Silk once declared? "No. …"".)
        return None
    end = lo + len(head)
    starts = [m.end() for m in _TERMINATOR_RE.finditer(text, max(lo, end - 400), end - 1)]
    start = starts[-1] if starts else lo
    if end - start > 400 or _QUOTATION_IN_RE.search(text, start, end):
        return None  # a long stretch, or one with quotations of its own: not this rule's
    att = _attribution_in(text, start, end)
    if att is not None and len(text[att.end : end].split()) > _TRAILING_WORDS:
        # The verb nearest the end is inside what the sentence reports ("Peter Knight
        # says 24 companies reported for the first time …"): its first speaker speaks.
        first = first_attribution(text[start:end])
        att = first.shifted(start) if first is not None else att
    if att is None:
        att = _narrated_subject(text, start, end)
    if att is None or (att.kind == "common" and is_plural(att.name)):
        # "…, economists said. "I think …"": a group reports, one person is quoted.
        return None
    return _with(q, att)


def _narrated_subject(text: str, start: int, end: int) -> Attribution | None:
    """The person a sentence without a verb of saying is about, when they are its
    subject ('Campbell signalled his intent to move abroad. "I'm 30 now …"', 'US coach
    Patrick McEnroe wants his team to play on clay. "I think …"'): the quotation paragraph
    after it is theirs. A person only if named elsewhere in the article too (a one-word
    name as the surname of someone named in full before); "He"/"She" as a pronoun."""
    while text.startswith(" ", start):
        start += 1
    opener = text[start : start + 6].split(" ", 1)
    if len(opener) == 2 and opener[0] in SUBJECT_OPENERS:
        start += len(opener[0]) + 1
    first = text[start : min(end, start + 120)].split(" ", 2)
    if len(first) < 2:
        return None
    mentions = person_mentions(text, start, min(end, start + 60))
    if mentions and mentions[0][0] - start < 30:
        a, b, name, _title = mentions[0]
        lead = [w for w in text[start:a].split() if w not in HONORIFICS]
        nxt = text[b : b + 20].split()
        if lead and not (
            all(w[:1].islower() or w.isupper() for w in lead) and is_person_noun(lead[-1])
        ):
            return None  # "Another Boca Juniors player", "Strong Oscar contenders"
        if not nxt or not nxt[0][:1].islower() or nxt[0] in _NOT_A_VERB:
            return None
        surname = name.split()[-1]
        near = text[max(0, start - _NAMED_BEFORE_REACH) : end + _NAMED_BEFORE_REACH]
        if len(word_positions(near, surname)) < 2:
            return None  # named once: not someone the article follows
        return Attribution(name, a, b, "named")
    if not first[1][:1].islower():
        return None
    word = first[0]
    if word in ("He", "She"):
        return Attribution(word.lower(), start, start + len(word), "pronoun")
    if len(word) < 3 or not word.isalpha() or first[1] in _NOT_A_VERB:
        return None
    # Named in full before (the nearest few mentions of the word): a capitalised word
    # and this one, read as a person's name.
    lo = max(0, start - _NAMED_BEFORE_REACH)
    at = start
    for _ in range(_MENTIONS_READ):
        at = text.rfind(word, lo, at)
        if at <= lo:
            break
        m = _FIRST_NAME_BEFORE_RE.search(text, max(lo, at - 24), at)
        if m is None:
            continue
        people = person_mentions(text, m.start(), at + len(word))
        if any(n.split()[-1] == word for _a, _b, n, _t in people):
            return Attribution(word, start, start + len(word), "named")
    return None


# How far around a quotation paragraph the article is read for its person's other
# mentions: a hostile line of thousands of quotations stays linear.
_NAMED_BEFORE_REACH = 20_000
_MENTIONS_READ = 12
# A capitalised word (and an initial) right before a surname: "John Smith", "John F. Smith".
_FIRST_NAME_BEFORE_RE = re.compile(r"\b[A-Z][\w'’-]* (?:[A-Z]\. )?\Z")
_NOT_A_VERB = frozenset(("of", "and", "or", "in", "at", "for", "to", "on", "with", "from"))


_TRAILING_WORDS = 4  # "…, Smith said on Monday.": an attribution closing its sentence


def _expects_attribution(text: str, q: QuoteSpan) -> bool:
    """Does the quotation end with a comma and words go on in its sentence ('"…," AG
    Edwards' Thayer.', '"…," Ann Lee grumbled.'): an attribution of its own, even where
    it is not understood?"""
    i = q.end
    while i < len(text) and i < q.end + 3 and text[i] in MARKS_AND_SPACE + ",":
        if text[i] == ",":
            rest = text[i + 1 : i + 40].lstrip(MARKS_AND_SPACE)
            return rest[:1].isalpha()
        i += 1
    return False


_PHRASE_GOES_ON_RE = re.compile(r"[\"”’']\s+[a-z]")


def _phrase_in_sentence(text: str, q: QuoteSpan) -> bool:
    """Does the sentence go on after the quotation with no comma, a word in lower case
    next ('"Gaming widows" has become a comedic term')? Then it is a phrase of that
    sentence, no quote paragraph running on."""
    return _PHRASE_GOES_ON_RE.match(text, q.end) is not None


def resolve_speakers(
    text: str,
    quotes: list[QuoteSpan],
    known: LineRegions | None = None,
    keep: ArticlePeople | None = None,
) -> list[QuoteSpan]:
    """The quotations of one article (in text order) with speakers resolved across it:
    run-on quotations take the speaker of the one they continue, and a quotation that
    is a sentence of its own after reported speech that speaker's; "he"/"she" take the
    nearest person named before them (kind "pronoun", "unresolved" when there is none
    or the gender a person was given does not fit), a sentence whose subject is the
    same pronoun passing its other people over; "they"/"it" the nearest group or
    organisation quoted before; a surname and a role ("the defence minister", "the
    Spectator editor") become the person's full name; a document ("the statement
    continued", "Mr Crosby's statement") its issuer. Terms keep no speaker. Every
    speaker gets its key (:func:`speaker_key`).
    ``known``: the lines' quotation regions already found (:func:`quotes_in_line`);
    ``keep``: where to keep the article's people if they were read.
    """
    if not quotes:
        return quotes
    people: People | None = None
    named: list[tuple[int, str]] = []  # full names quoted before the people were read
    described: dict[str, bool] = {}  # described_opening's reading of each word
    out: list[QuoteSpan] = []
    prev: QuoteSpan | None = None
    for q in quotes:
        if q.speaker_kind == "term":
            out.append(q)  # no one's words, and no speaker to hand on
            continue
        if q.speaker_kind is None:
            q = _run_on_speaker(text, prev, q) or q
            inherited = prev is not None and q.speaker_start == prev.speaker_start
            if q.speaker_key is not None or (inherited and q.speaker_kind is not None):
                # Inherited whole: its speaker was resolved with the quotation it goes
                # on ('"…," he said. "…"' is not read again from "he"), the key too
                # (found again from that attribution, it has none yet).
                if inherited and prev is not None and q.speaker_key is None:
                    q = replace(
                        q,
                        speaker=prev.speaker,
                        speaker_kind=prev.speaker_kind,
                        speaker_end=prev.speaker_end,
                        speaker_key=prev.speaker_key,
                    )
                out.append(q)
                prev = q
                continue
        kind = q.speaker_kind
        # The article's people are read only when needed: a pronoun, a role, a surname.
        if people is None and (kind in ("pronoun", "common") or _surname_only(q, kind)):
            people = People(text, _article_regions(text, known or {}))
            for pos, name in named:
                people.add_speaker(pos, name)
        if kind == "pronoun" and people is not None:
            q = _resolve_pronoun(text, q, out, people)
        elif kind == "named" and q.speaker_start is not None:
            if people is None:
                named.append((q.speaker_start, q.speaker or ""))
            else:
                q = _named(q, people.canonical(q.speaker or ""))
                people.add_speaker(q.speaker_start, q.speaker or "")
        elif kind == "common" and people is not None and q.speaker_start is not None:
            q = _resolve_common(text, q, out, people)
        if (
            q.speaker_kind == "named"
            and q.speaker_start is not None
            and _opens_sentence(text, q.speaker_start)
            and described_opening(text, q.speaker or "", described)
        ):
            # "Hackers claim MtGox has access to 'missing' Bitcoin": said by the people
            # the noun describes, as "Doctors warn …" is; no key (no one named Hackers).
            q = replace(q, speaker_kind="common", speaker_key=None)
        elif (q.speaker_kind in ("named", "pronoun") and not common_phrase(q.speaker)) or (
            q.speaker_kind == "common" and q.speaker != text[q.speaker_start : q.speaker_end]
        ):
            q = _named(q, q.speaker, key=speaker_key(q.speaker))
        out.append(q)
        prev = q
    if keep is not None:
        keep.people = people
    return _run_back(text, out)


_OPENING_MARKS = ('"', "“")


def _opens_sentence(text: str, at: int) -> bool:
    """Does the word at text[at] open its sentence (or the text, or a line)? Not after
    an abbreviation's full stop ("U.S. Courts", "Mr. Sanders")."""
    before = text[:at].rstrip(" \t")
    if not before or before[-1] == "\n":
        return True
    stop = len(before.rstrip("\"”’'")) - 1
    return stop >= 0 and _TERMINATOR_RE.match(text, stop) is not None


def described_opening(text: str, word: str, cache: dict[str, bool]) -> bool:
    """Is ``word``, a speaker read as a name where it opens a sentence of ``text``, a
    common noun for the people (or the thing) it describes ("Hackers claim …",
    "Producers say …", "Speculation suggests …")? One word, common in news text
    (db.normalize.common_word), not a party's members ("Democrats"), that the article
    never capitalises inside a sentence, as it does a party, an outlet, a club or a
    surname ("told Reuters", "against Wolves", "Jack Straw"); a plural in -s or -men
    ("Fishermen"); a singular one only if
    the article also writes it in lower case ("speculation"), which "Washington" and
    "Labour" are not. One reading for a statement's speaker and its quotations'
    (db.statements); ``cache`` keeps each word's answer for the article."""
    if (
        not word
        or " " in word
        or word.endswith(("'s", "’s"))
        or not common_word(normalize_word(word.lower()))
        or word.removesuffix("s") in PARTY_MEMBERS  # "Democrats pushed back": a party
    ):
        return False
    if word not in cache:
        inside = re.search(r"[\w,;:] +" + re.escape(word) + r"\b", text)
        # (A plural of "-man" is one too: "Fishermen", "Businessmen".)
        common = word.endswith(("s", "men")) or (
            not word.isupper() and re.search(r"\b" + re.escape(word.lower()) + r"\b", text)
        )
        cache[word] = inside is None and bool(common)
    return cache[word]


def _run_back(text: str, quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """A quotation left open where the next one opens ('"… make-up. "In the HD version
    …," explains Mr Dean.': news style for one quotation over two paragraphs, the break
    sometimes lost) is the words of whoever the attribution after the next one names."""
    for i in range(len(quotes) - 2, -1, -1):
        q, nxt = quotes[i], quotes[i + 1]
        # (Also one whose pronoun or role found no one: "…, they insisted, …. "…. "…,"
        # said Councillor Brian Parbutt.")
        if q.speaker is not None or q.speaker_kind not in (None, "unresolved"):
            continue
        if nxt.speaker is None:
            continue
        if nxt.speaker_start is None or nxt.speaker_start < nxt.end:
            continue  # the next one's speaker is named before it: not said of this one
        if text[q.end - 1 : q.end] not in (".", "!", "?"):
            continue
        if text[q.end : nxt.start].strip() not in _OPENING_MARKS:
            continue  # closed, or words between them
        quotes[i] = replace(nxt, start=q.start, end=q.end, text=q.text)
    return quotes


# After a description: its person asked not to be named ("…, who declined to be
# identified", "who spoke on condition of anonymity", "who requested anonymity").
# Within the description's own words (no comma but one right after it): "…, adding that
# officials who declined to be named …" is someone else.
_ANONYMOUS_AFTER_RE = re.compile(
    r"(?:,\s*|\s+(?:[^.,;:!?\"“”]{0,120}?\s)?)who (?:declined|refused|asked|requested"
    r"|spoke on condition"
    r"|did not want|would not be|could not be|cannot be)\b[^.;!?\"“”]{0,40}?"
    r"\b(?:identified|named|anonymity|quoted)\b"
)


def _resolve_common(
    text: str, q: QuoteSpan, done: list[QuoteSpan], people: People | None
) -> QuoteSpan:
    """``q``, attributed to a common noun ('the defence minister', "Mr Crosby's
    statement"), with the person or issuer it stands for when the article has one
    (``done``: the quotations resolved before it); kind "unresolved" for a definite
    role or age no one is found for; else as written. ``people`` None: a noun that
    stands for no person (:func:`_needs_people`), only a document's issuer is looked for."""
    at = q.speaker_start or 0
    phrase = q.speaker or ""
    if _ANONYMOUS_AFTER_RE.match(text, q.speaker_end or at, (q.speaker_end or at) + 160):
        # "said the regional manager …, who spoke on condition he not be identified":
        # someone the article does not name, whoever of that role it named before.
        return q
    speaking = next((d for d in reversed(done) if d.speaker and d.speaker_kind != "common"), None)
    person = people.by_role(phrase, at, speaking) if people is not None else None
    owner = _POSSESSED_DOCUMENT_RE.match(phrase)
    if person is None and owner is not None and is_document(phrase):
        if people is not None:
            person = people.canonical(owner.group(1))  # "Mr Crosby's statement said"
    elif person is None and phrase[:4] in ("the ", "The "):
        head = phrase.rsplit(" ", 1)[-1]
        if is_document(head):
            person = _issuer(text, head, at, done)
        elif people is not None:
            person = people.described(phrase, at, speaking)
    if person is None and people is not None:
        # "…," the company said: the one company the article named before with a cue of
        # its kind, as a sentence of reported speech gets it (reported_speakers).
        person = body_named_before(text, at, phrase)
    if person is not None:
        return _named(q, person)
    if people is not None and _someone_unfound(phrase) and not people.spoken_of(phrase, at):
        # "the 21-year-old", "The minister told delegates": someone the article names,
        # but not found: no speaker rather than the description.
        return _named(q, None, kind="unresolved")
    return q


# The verbs that report speech and nothing else: "he asked a staff member to sell it",
# "He has pleaded guilty", "she wrote the song" say what someone did, and a pronoun
# there is less often the one the article is quoting.
_REPORTING_VERBS = words("said says told tells added adds")
# More verbs of saying a sentence of reported speech may open with "he" or "it" ("He
# confirmed that …", "It claimed revenues were …"): a pronoun is resolved as reliably
# after them; a role before them ("the Tory leader argued") is not read.
_PRONOUN_REPORTING_VERBS = _REPORTING_VERBS | words(
    "confirmed confirms argued argues insisted insists claimed claims acknowledged"
    " acknowledges admitted admits explained explains stressed stresses warned warns denied"
    " denies noted notes suggested suggests believes thinks announced announces revealed"
    " reveals predicted predicts estimated estimates urged urges pledged pledges promised"
    " promises vowed vows conceded concedes maintained maintains replied replies responded"
    " responds recalled recalls accused accuses"
)


# ... and after a body named by its noun ("the company reported profits rose …").
_BODY_REPORTING_VERBS = _PRONOUN_REPORTING_VERBS | words("reported reports")
# A body named by its noun opening the sentence, an aside set off by commas after it (a
# relative clause or an apposition, no quotation), then its verb of saying.
_BODY_ASIDE_RE = re.compile(
    r"\s*([Tt]he [a-z]+), (?:which|whose|a|an) [^,;:\"“”]{1,100}, "
    r"(?:also |later |has |had )?(?:said|says|added|adds|told|tells)\b"
)


def _needs_people(att: Attribution) -> bool:
    """Does resolving ``att`` read the article's people: "he"/"she", a person's role or
    age, someone's document; not "it"/"they" nor "the company" (a body quoted before)."""
    if att.kind == "pronoun":
        return att.name in ("he", "she")
    head = att.name.rsplit(" ", 1)[-1]
    return "'s " in att.name or "’s " in att.name or is_person_noun(head) or is_epithet_head(head)


def reported_speakers(
    text: str,
    sentences: list[tuple[int, int, str | None]],
    quotes: list[QuoteSpan],
    known: LineRegions | None = None,
    keep: ArticlePeople | None = None,
) -> list[str | None]:
    """Who each sentence of reported speech ``text[a:b]`` (no quotation in it) that
    names no speaker is attributed to within the article, read as a quotation's
    speaker is: "He said the deal …" the person "he" stands for, "The governor said …"
    the person introduced with the role, "It said …" the body quoted before; only with
    the verbs of :data:`_REPORTING_VERBS` (those of :data:`_PRONOUN_REPORTING_VERBS`
    after a pronoun that is the sentence's subject: "He confirmed …"). The sentences
    are ``(a, b, speaker)``, in text order, those naming their speaker too: like the
    quotations (``quotes``, as :func:`resolve_speakers` gave them), they are who spoke
    last ('… an M&S spokesman said. He also said …' is the spokesman, no one named).
    None where no one is found, and for a common noun as written ("officials said"): a
    statement's speaker is a name; the sentences naming theirs get it back. ``keep``: the people
    :func:`resolve_speakers` read, if it did."""
    people = keep.people if keep is not None else None
    done: list[QuoteSpan] = []  # quotations and reported speech before, in text order
    k = 0
    out: list[str | None] = []
    for a, b, speaker in sentences:
        while k < len(quotes) and quotes[k].start < a:
            done.append(quotes[k])
            k += 1
        if speaker is not None:
            at = text.find(speaker, a, b)
            at = a if at < 0 else at
            done.append(QuoteSpan(a, b, "", speaker, at, at + len(speaker), "named"))
            out.append(speaker)
            continue
        if closed_by_source(text[a:b]):
            # "… the time she said it occurred, two people briefed on the matter have
            # said": the source closing the sentence reports it, not "she".
            out.append(None)
            continue
        att = first_attribution(text[a:b], _REPORTING_VERBS)
        if att is None:
            att = first_attribution(text[a:b], _PRONOUN_REPORTING_VERBS)
            if att is not None and not (
                att.kind == "pronoun" and speaks_for_sentence(text[a:b], att)
            ):
                att = None
        if att is None:
            # "For the year, the company reported net income rose …", "The company
            # estimated …": a body named by its noun, the sentence's subject.
            att = first_attribution(text[a:b], _BODY_REPORTING_VERBS)
            if att is not None and not (
                att.kind == "common"
                and names_a_body(att.name)
                and speaks_for_sentence(text[a:b], att)
            ):
                att = None
        # "The company, which went public in May, also said …", "The firm, a maker of
        # toys, said …": the body, its aside set off by commas before the verb.
        aside = _BODY_ASIDE_RE.match(text, a, b) if att is None else None
        if aside is not None and names_a_body(aside.group(1)):
            att = Attribution(aside.group(1), aside.start(1) - a, aside.end(1) - a, "common")
        if att is None or att.kind not in ("pronoun", "common"):
            out.append(None)
            continue
        needs = _needs_people(att)
        if people is None and needs:
            people = _people_read(text, quotes, known)
        said = QuoteSpan(a, b, "", att.name, a + att.start, a + att.end, att.kind)
        if att.kind == "common":
            q = _resolve_common(text, said, done, people if needs else None)
        elif people is not None and needs:
            q = _resolve_pronoun(text, said, done, people)
        else:
            q = _group_pronoun(text, said, done)
            if q.speaker_kind == "unresolved" and att.name in ("it", "It"):
                # "Diageo said it expects approval. It said …": no organisation's name
                # spoke before, but the sentence just before may have a body speak.
                people = people or _people_read(text, quotes, known)
                body = _body_goes_on(text, a, done, people, a + att.start)
                q = _named(said, body) if body is not None else q
        done.append(q)
        name = q.speaker
        written = text[q.speaker_start or 0 : q.speaker_end or 0]
        resolved = q.speaker_kind == "pronoun" or (q.speaker_kind == "common" and name != written)
        named = bool(name) and name[:1].isupper() and not common_phrase(name)  # type: ignore[index]
        if name and not (resolved and named):
            # "The company said …" (or "it" going back to it): the one company named before.
            out.append(body_named_before(text, q.speaker_start or a, name))
        else:
            out.append(name if resolved and named else None)
        if out[-1] and keep is not None and (att.name in ("it", "It") or names_a_body(att.name)):
            keep.bodies.add(out[-1])
    return out


def _body_goes_on(
    text: str, at: int, done: list[QuoteSpan], people: People, it: int | None = None
) -> str | None:
    """The body "It said …" at ``at`` goes on with where no organisation's name spoke
    before: the speaker of the sentence just before ("Diageo said it expects approval.
    It said …", "Winn-Dixie, once …, said …. It said …"): an organisation's name or
    one word no one calls "he" or "she" (:func:`_sexless_word`); not a plural
    ("Creditors agreed …"), nor past a sentence
    between ("… Microsoft has left the market …. It said" is not Webroot's), nor where
    that sentence's subject is a document ("The indictment does not charge Stone with …
    the officers Mueller says hacked them. Instead, it accuses him …")."""
    if not done:
        return None
    d = done[-1]
    name = d.speaker
    if not name or d.speaker_kind not in ("named", "pronoun") or _common_plural(name):
        return None
    # (A body of two or three words too: "Krispy Kreme said …. It added …"; a
    # quotation's "it" goes on with one word only, '"…," said Seagate. … it said'.)
    if not (is_organisation(name) or _sexless_word(name, people, most=3)):
        return None
    if " " in name and not is_organisation(name):
        if _coordinated(text, d):
            return None  # "the Tories and Lib Dems have tabled a motion …. It argues …"
        if it is not None and _CAPITAL_INSIDE_RE.search(text, at, it):
            # "Interior wants to open …, but it said": "it" may be a body its own
            # sentence names; a body of several words goes on only with "It said …".
            return None
    end = max(d.end, d.speaker_end or 0)
    stop = _TERMINATOR_RE.search(text, end, at)
    between = text[end:at] if not d.text else text[stop.end() : at] if stop else ""
    if between.strip() and not _goes_on_about(between, name):
        return None  # another sentence between (after reported speech, or a quotation's)
    opener = _DOCUMENT_OPENER_RE.match(text, d.start)
    if opener is not None and is_document(opener.group(1)):
        return None
    return name


# A capitalised word after a sentence's first word ("In a statement, it said" has none).
_CAPITAL_INSIDE_RE = re.compile(r"(?<=\S)\s+[\"“‘(]?[A-Z]")


def _coordinated(text: str, d: QuoteSpan) -> bool:
    """Is the speaker of ``d`` one of names joined by "and"/"or" ("the Tories and Lib
    Dems have …"): people together, or its speaker unknown?"""
    at = d.speaker_start
    return at is None or re.search(r"\b(?:and|or|&) \Z", text[max(0, at - 5) : at]) is not None


def _goes_on_about(between: str, name: str) -> bool:
    """Is ``between`` one sentence naming the body ``name`` near its start, so that "it"
    after it still goes on with that body ("Monsanto admitted …. In addition, Monsanto
    also agreed …. It said …")?"""
    inner = _TERMINATOR_RE.search(between.strip())
    if inner is not None and between.strip()[inner.end() :].strip():
        return False  # more than one sentence
    return re.search(rf"\b{re.escape(name)}\b", between[:80]) is not None


def _common_plural(name: str) -> bool:
    """A plural common noun read as a name ("Creditors agreed …"), not a body's name
    ending in "s" ("Yukos", "Qantas")."""
    return is_plural(name) and common_word(normalize_word(name.lower()))


# A sentence's subject that may be a document ("The indictment …", "This report …").
_DOCUMENT_OPENER_RE = re.compile(r"\s*(?:The|A|An|This|Its) ([a-z]+)\b")


def _people_read(text: str, quotes: list[QuoteSpan], known: LineRegions | None) -> People:
    """The article's people, with the people its quotations name as speakers."""
    people = People(text, _article_regions(text, known or {}))
    for d in quotes:
        if d.speaker_kind == "named" and d.speaker and d.speaker_start is not None:
            people.add_speaker(d.speaker_start, d.speaker)
    return people


# "Mr Crosby's statement", "Sony's annual report": the owner's name.
_POSSESSED_DOCUMENT_RE = re.compile(
    r"(?:M(?:r|rs|s)\.? )?([A-Z][\w-]*(?: [A-Z][\w-]*){0,3})['’]s (?:[a-z-]+ ){0,2}[a-z]+\Z"
)


def _issuer(text: str, document: str, at: int, done: list[QuoteSpan]) -> str | None:
    """Who issued the document that speaks at ``at`` ('"…," the statement continued'):
    the speaker of an earlier quotation attributed in that document ('Trump said in a
    statement'), the document's word written after their name, not far before."""
    for d in reversed(done[-4:]):
        if d.speaker_kind not in ("named", "pronoun") or d.speaker_start is None:
            continue
        if at - d.speaker_start > _CONTEXT * 2:
            return None
        found = word_positions(text[d.speaker_start : at], document.lower())
        # In the sentence naming them ('Trump said in a statement released …'), not a
        # later one ('In a statement, the party said …').
        if (
            d.speaker
            and found
            and not _TERMINATOR_RE.search(text, d.speaker_start, d.speaker_start + found[0])
        ):
            return d.speaker
        return None
    return None


def _named(
    q: QuoteSpan, speaker: str | None, key: str | None = None, kind: str | None = None
) -> QuoteSpan:
    """``q`` with another speaker (and key and kind, if given); the rest kept.
    (dataclasses.replace does this at several times the cost.)"""
    return QuoteSpan(
        q.start,
        q.end,
        q.text,
        speaker,
        q.speaker_start,
        q.speaker_end,
        q.speaker_kind if kind is None else kind,
        q.speaker_key if key is None else key,
    )


def _someone_unfound(phrase: str) -> bool:
    """Is ``phrase`` a definite role or an age that stands for one person the article
    names ('the 21-year-old', 'The foreign minister'), rather than one usually left
    unnamed ('the spokesman'), someone's ('the rapper's lawyer') or a body?"""
    head = phrase.rsplit(" ", 1)[-1]
    if head[:1].isdigit():
        return True
    if phrase[:4] not in ("the ", "The ") or "'s " in phrase or "’s " in phrase:
        return False
    if is_people_noun(head):
        return True  # "the Irishman said": someone the article names
    head = head.lower()
    if head in _COLLECTIVE_NOUNS or is_plural(head):
        return False  # "the Google team said": a body, not one person
    return is_person_noun(head) and head not in UNNAMED_ROLES


_COLLECTIVE_NOUNS = words("team family crew band panel jury couple pair duo trio staff")


def _surname_only(q: QuoteSpan, kind: str | None) -> bool:
    """Is ``q``'s speaker named by surname alone ("Smith"; "Smith and Jones" together)?"""
    if kind != "named":
        return False
    people = joint_names(q.speaker)
    return any(" " not in name for name in people or [q.speaker or ""])


def _resolve_pronoun(text: str, q: QuoteSpan, done: list[QuoteSpan], people: People) -> QuoteSpan:
    """``q``, attributed to a pronoun, with whom it stands for: "he"/"she" the last
    person quoted while no one else is named since, else the nearest person named before
    (:meth:`People.antecedent`); "it"/"they" a group quoted before
    (:func:`_group_pronoun`); kind "unresolved" when no one fits."""
    pronoun = PERSON_PRONOUNS.get(q.speaker or "", "")
    if pronoun not in ("he", "she"):
        q = _group_pronoun(text, q, done, people)
        if pronoun == "they" and q.speaker_kind == "unresolved":
            return _group_spoken_before(text, q, people) or q
        return q
    at = q.speaker_start or 0
    name: str | None = None
    # The last person quoted goes on speaking while no one else is named since
    # ('…," Moore campaign chairman Bill Armistead said. … "…," he said').
    last = next((d for d in reversed(done) if d.speaker_kind != "term"), None)
    if (
        last is not None
        and last.speaker_kind in ("named", "pronoun", "common")
        and last.speaker
        and not common_phrase(last.speaker)
        and not is_organisation(last.speaker)
        and at - last.end <= PRONOUN_REACH
        and people.continues(pronoun, last, at)
    ):
        name = last.speaker
    elif (
        last is not None
        and _one_unnamed_person(text, last, pronoun)
        and at - last.end <= PRONOUN_REACH
        and people.unbroken(last, at)
    ):
        # '"…," said a club official. "…," he added': the official goes on.
        name = last.speaker
    else:
        name = people.antecedent(pronoun, at, reported=q.start, protagonist=True)
    if name is None:
        return _named(q, None, kind="unresolved")
    people.gender.setdefault(name, pronoun)
    return _named(q, name)


def _group_pronoun(
    text: str, q: QuoteSpan, done: list[QuoteSpan], people: People | None = None
) -> QuoteSpan:
    """``q``, attributed to "they"/"it", with the group or organisation quoted before
    (``done``) it stands for ("they": or the people quoted together, "Smith and Jones"),
    else for "it" the body a sentence just before names as its
    speaker (:func:`_body_spoken_before`, when the article's ``people`` were read); kind
    "unresolved" when there is none."""
    pronoun = PERSON_PRONOUNS.get(q.speaker or "", "")
    at = q.speaker_start or 0
    name: str | None = None
    person_since = False
    person_end = 0  # where the last person quoted before ends
    for d in reversed(done):
        # A common noun as written ('the company'), not a role resolved to a person, or a
        # document resolved to its issuer ("Mr Crosby's statement … It added:").
        mention = text[d.speaker_start or 0 : d.speaker_end or 0]
        document = d.speaker_kind == "common" and is_document(mention)
        # "the company" resolved to the company named before (_resolve_common): a body.
        body = d.speaker_kind == "common" and names_a_body(mention)
        common = d.speaker_kind == "common" and (d.speaker == mention or document or body)
        if d.speaker and (common or is_organisation(d.speaker)):
            # "It continued:" is no "the site's controllers", nor "they" one official.
            plural = is_plural(mention if document or body else d.speaker)
            plural = plural and not is_organisation(d.speaker)
            fits = plural == (pronoun == "they") or is_organisation(d.speaker)
            if fits and at - (d.speaker_start or 0) <= PRONOUN_REACH:
                name = d.speaker
            if name is not None and pronoun == "it" and people is not None:
                # Another body speaking since, outside the quotations, is the one "it"
                # goes on with: 'the Court, which ruled … "in abeyance". … the EU said
                # that …. "…," it said in a statement' is the EU.
                since = _body_spoken_before(text, at, people, max(d.end, d.speaker_end or 0))
                if since is not None and since != name and not common_phrase(since):
                    name = since
            break
        if (
            pronoun == "it"
            and d.speaker_kind == "named"
            and d.speaker
            and people is not None
            and _sexless_word(d.speaker, people)
            and at - (d.speaker_start or 0) <= PRONOUN_REACH
            and not has_speech_verb(people.masked[max(d.end, d.speaker_end or 0) : at])
        ):
            # '"…," said Seagate. "…" "…," it said': one word no one calls "he" or "she",
            # which "it" goes on quoting, is a body (unless another spoke since, outside
            # the quotations: "The UNECE warned that …. "…," it noted").
            name = d.speaker
            break
        if (
            pronoun == "they"
            and d.speaker_kind in ("named", "pronoun")
            and joint_names(d.speaker) is not None
            and at - (d.speaker_start or 0) <= PRONOUN_REACH
        ):
            # '"…," Smith and Jones said. "…," they added': the people quoted together.
            name = d.speaker
            break
        if d.speaker_kind in ("named", "pronoun") and d.speaker:
            # A person quoted since: "it" is not sure to go back past them. A body named
            # so ('Wimpey said the market had proved "challenging"') is left to the
            # sentences before (below).
            person_since = people is None or not _body_name(d.speaker, people)
            person_end = max(d.end, d.speaker_end or 0)
            break
    if name is None and pronoun == "it" and people is not None:
        # Not past a person quoted since, unless the body spoke after them.
        name = _body_spoken_before(text, at, people, person_end if person_since else 0)
    if name is None:
        return _named(q, None, kind="unresolved")
    return _named(q, name)


def _group_spoken_before(text: str, q: QuoteSpan, people: People) -> QuoteSpan | None:
    """``q``, attributed to "they" and quoting no group before, with the one group of
    people the nearest sentence (its own before "they", or one of the two before it)
    has speak ("… after five Missouri Republican senators urged Akin to step aside. In
    a statement, they said …"), as written (kind "common"); None when there is none or
    that sentence has two, or a sentence between breaks off a damaged paragraph."""
    at = q.speaker_start or 0
    k = bisect_right(people.sentence_starts, at) - 1
    for j in range(k, max(-1, k - 3), -1):
        lo = people.sentence_starts[j]
        if lo <= people.barrier_before(at):
            return None
        hi = at if j == k else people.sentence_starts[j + 1]
        groups = [
            att
            for att in attributions(people.masked[lo:hi])
            if (att.kind == "common" and is_plural(att.name))
            or (
                att.kind == "named" and _common_plural(att.name)  # "Councillors said"
            )
            if not _SHARE_START_RE.match(att.name)
        ]
        if len({att.name for att in groups}) > 1:
            return None  # "Democrats said … while Republicans argued …": not sure which
        if groups:
            g = groups[-1]
            return QuoteSpan(
                q.start, q.end, q.text, g.name, lo + g.start, lo + g.end, "common", None
            )
    return None


# A share of people ("some of them", "most analysts"): no group "they" goes on with.
_SHARE_START_RE = re.compile(r"(?:[Ss]ome|[Mm]ost|[Mm]any|[Ff]ew|[Aa]ll|[Oo]thers?)\b")


def _body_spoken_before(text: str, at: int, people: People, after: int = 0) -> str | None:
    """The body a sentence of the three before ``at`` (none starting before ``after``)
    names as its speaker ("The UNECE warned that … "The orderly reversal …," it noted."):
    an organisation's name, or one word that is no person the article names, or a
    singular body or document as written ("The airline said …", "The report said …");
    none past a sentence where someone else speaks."""
    k = bisect_right(people.sentence_starts, at) - 1
    it_spoke = False  # "it" spoke in a sentence between (see below)
    for j in range(k - 1, max(-1, k - 4), -1):
        lo = people.sentence_starts[j]
        if lo <= people.barrier_before(at) or lo < after:
            return None
        sentence = text[lo : people.sentence_starts[j + 1]]
        masked = _speech_masked(sentence)
        if masked is None:
            opening = _OPENING_BODY_RE.match(sentence) if it_spoke else None
            if opening is not None and is_organisation(opening.group(1)):
                # "The China Three Gorges Project Corp could face a fine. Last week, it
                # denied …. "…," it said": the body the "it" before stood for.
                return opening.group(1)
            continue
        name = first_named(masked)
        if name is not None and _body_name(name, people):
            return name
        if name is not None:
            # "In a statement from Lycos Europe announcing …, the company denied …": a
            # body as written speaking in the same sentence; else someone else spoke.
            bodies = (_common_body(att) for att in attributions(masked))
            return next((body for body in bodies if body is not None), None)
        att = first_attribution(masked)
        common = _common_body(att)
        if common is not None:
            return common
        it_spoke = it_spoke or (att is not None and att.kind == "pronoun" and att.name == "it")
    return None


# A capitalised name opening a sentence as its subject (after "The"), then a lower-case word.
_OPENING_BODY_RE = re.compile(r"\s*(?:The )?((?:[A-Z][\w&'’.-]* ){0,5}[A-Z][\w&'’.-]*) [a-z]")


def _common_body(att: Attribution | None) -> str | None:
    """The singular body or document that ``att``, a sentence's first attribution, names
    as written ("The airline said …", "The report said …"), if it names one."""
    if att is None or att.kind != "common":
        return None
    head = att.name.rsplit(" ", 1)[-1].lower()
    if is_plural(head) or not (is_document(head) or is_body_noun(head)):
        return None
    return att.name


def _sexless_word(name: str, people: People, most: int = 1) -> bool:
    """Is the speaker ``name`` a name of no known gender: one word (up to ``most``
    words) none of them a first name of one or a title, never with "Mr"/"Ms", never
    "he" or "she" before ("Seagate", "Turkcell"; with ``most`` 3, "Krispy Kreme"; not
    "Federer", "Mr Hollis Brant")?"""
    toks = name.split(" ")
    return (
        len(toks) <= most
        and not any(name_gender(t) or is_title_word(t) for t in toks)
        # "Mr", "he" give one (to the name or, "Mr Hollis Brant", a word of it)
        and not any(people.gender.get(w) for w in [people.canonical(name), *toks])
    )


def _body_name(name: str, people: People) -> bool:
    """Is the speaker ``name`` a body: an organisation's name ("UNECE", "British Chambers
    of Commerce"), or one word that is no person the article names (not "Labrador" of
    "Raúl Labrador"; a company read as a person, "Wimpey said", is not one either)?"""
    if is_organisation(name):
        return True
    return " " not in name and not name_gender(name) and people.canonical(name) not in people.names


# Singular person nouns of one gender: "said a club spokeswoman" is no "he".
_MALE_NOUNS = words("spokesman man father son husband brother boyfriend chairman congressman")
_FEMALE_NOUNS = words(
    "spokeswoman woman mother daughter wife sister girlfriend chairwoman congresswoman"
)


def _one_unnamed_person(text: str, d: QuoteSpan, pronoun: str) -> bool:
    """Is ``d``'s speaker one unnamed person as written ('a Juventus official', 'the
    spokeswoman'), of a gender ``pronoun`` fits? (A definite role that may have a name,
    'the Factory Records founder', is left to the pronoun's own antecedent.)"""
    if d.speaker_kind != "common" or d.speaker_start is None or not d.speaker:
        return False
    if d.speaker != text[d.speaker_start : d.speaker_end]:
        return False  # resolved to a person or an issuer: not this rule's
    head = d.speaker.rsplit(" ", 1)[-1].lower()
    if not is_person_noun(head) or (head.endswith("s") and not head.endswith("ss")):
        return False
    if d.speaker.split(" ", 1)[0].lower() not in ("a", "an", "one") and head not in UNNAMED_ROLES:
        return False
    gender = "he" if head in _MALE_NOUNS else "she" if head in _FEMALE_NOUNS else pronoun
    return gender == pronoun


def _article_regions(text: str, known: LineRegions) -> list[tuple[int, int]]:
    """The quotation regions of every line of ``text`` (those in ``known`` reused)."""
    regions: list[tuple[int, int]] = []
    for lm in _LINE_BREAK_RE.finditer(text):
        line = lm.span()
        found = known.get(line)
        regions += _quote_regions(text, *line) if found is None else found
    return regions
