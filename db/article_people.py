"""The people an article names, for resolving who a pronoun or short name is.

:class:`People` reads an article once, its quotations masked (:func:`mask_quotes`):
the people named with a title, an honorific, a common first name or a role, the
surnames and roles that later stand for them, their genders, and the sentence
breaks. It then answers who "he"/"she" at a position is (:meth:`People.antecedent`),
whose full name a surname is (:meth:`People.canonical`), and whom a role ("the
defence minister", "the Kentucky Republican") stands for (:meth:`People.by_role`,
:meth:`People.described`). db.quotes resolves its quotations' speakers with it;
:class:`ArticlePeople` keeps it for the article's reported speech.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from typing import Protocol

from db.normalize import common_word, is_country, normalize_word
from db.speakers import (
    MEMBER_POSTS,
    NAME_SUFFIXES,
    PLURAL_NOUNS,
    SPEECH_VERB_WORD,
    epithet_fits,
    has_speech_verb,
    is_body_noun,
    is_epithet_head,
    is_organisation,
    is_people_noun,
    is_person_noun,
    is_role_noun,
    is_title_word,
    joint_name,
    joint_names,
    modifies_noun,
    modifies_role,
    name_gender,
    named_subjects,
    one_word_name,
    person_context,
    person_mentions,
    places_together,
)
from db.wordsets import words

# A people noun after "the", or "the" and an age: "the Dutchman", "the 27-year-old Austrian".
_PEOPLE_NOUN_RE = re.compile(r"[Tt]he (?:\d{1,3}-year-old )?[A-Z][a-z]+")

__all__ = [
    "MARKS_AND_SPACE",
    "NAMES_ASKED_RE",
    "PRONOUN_REACH",
    "UNNAMED_ROLES",
    "ArticlePeople",
    "People",
    "Quotation",
    "body_named_before",
    "common_phrase",
    "is_plural",
    "mask_quotes",
    "names_a_body",
    "word_positions",
]


class Quotation(Protocol):
    """What :class:`People` reads of a quotation (a :class:`db.quotes.QuoteSpan`)."""

    @property
    def end(self) -> int: ...
    @property
    def speaker(self) -> str | None: ...
    @property
    def speaker_start(self) -> int | None: ...
    @property
    def speaker_end(self) -> int | None: ...
    @property
    def speaker_kind(self) -> str | None: ...


PRONOUN_REACH = 3000  # characters back a pronoun's antecedent may be
# The person an article is about (People.protagonist): named in its headline and at
# least this many times in it, and at least twice as often as anyone else.
PROTAGONIST_MENTIONS = 4


def mask_quotes(text: str, lo: int, hi: int, regions: list[tuple[int, int]]) -> str:
    """text[lo:hi] with every quoted passage (inside the marks) replaced by 'Qqq…' of the
    same length, so offsets into the result are offsets into the text (minus ``lo``).

    ``regions`` (sorted, disjoint) are from ``db.quotes._quote_regions``.
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
        if b > a:
            parts.append("Q" + "q" * (b - a - 1))
        pos = max(pos, b)
    parts.append(text[pos:hi])
    return "".join(parts)


MARKS_AND_SPACE = " \n\"“”«»„‟'‘’"


def is_plural(phrase: str) -> bool:
    """Whether the phrase's last word reads as a plural ("officials", "police"; not
    "boss")."""
    head = phrase.rsplit(" ", 1)[-1]
    return (head.endswith("s") and not head.endswith("ss")) or head.lower() in PLURAL_NOUNS


# A one-word name after a body noun and a word describing it: "producers' cartel Opec",
# "e-mail software firm Sendmail", "US research firm Gartner".
_BODY_THEN_NAME_RE = re.compile(r"[\w'’-]+ ([a-z]+) ([A-Z][\w&'’-]*)\b(?! [A-Z])")


def _written_bodies(masked: str) -> set[str]:
    """The one-word names ``masked`` writes as bodies, after a described body noun."""
    return {m.group(2) for m in _BODY_THEN_NAME_RE.finditer(masked) if is_body_noun(m.group(1))}


class People:
    """The people an article names, in text order, for resolving pronouns and short
    names. A person is a named speaker of the article, or a name written with a title
    or honorific ("Defense Minister Rustem Umerov", "Mr. Obama") or with a common first
    name ("Mary Smith"): places and events ("New York", "Puerto Rico") are no antecedents.
    Later mentions of a known surname ("Umerov") count as mentions of the person."""

    def __init__(self, text: str, regions: list[tuple[int, int]]) -> None:
        masked = self.masked = mask_quotes(text, 0, len(text), regions)
        found = [m for m in person_mentions(masked, 0, len(masked)) if not m[2].startswith("Qq")]
        self.by_surname: dict[str, str] = {}
        self.shared: set[str] = set()  # surnames of two people ("Donald", "Ivanka Trump")
        # The full names of each surname, with how often each is written.
        self.surname_people: dict[str, Counter[str]] = {}
        self.by_title: list[tuple[int, str, str]] = []  # (position, title, name)
        self.gender: dict[str, str] = {}
        self.mentions: list[tuple[int, str]] = []  # (position, canonical name)
        # Where each surname stands alone ("Duval" after "Gregoire Duval"): people are
        # called by their surname, places ("New York") are not.
        ends = {b - len(name.split()[-1]) for _a, b, name, _t in found}
        last_words = {name.split()[-1] for _a, _b, name, _t in found if " " in name}
        alone: dict[str, list[int]] = {}
        first_words = {n.split()[-1]: n.split()[-2] for _a, _b, n, _t in found if " " in n}
        for w in last_words:
            # Not where it ends a name ("Clinton" of "Hillary Clinton"), nor after that
            # name's first word ("York" of "The New York Times").
            first = first_words[w] + " "
            # Nor after an article: "the Romney campaign" names no one.
            # Nor before a common noun it modifies: "Moore campaign chairman Bill
            # Armistead", "a Romney aide" name the chairman and the aide.
            positions = [
                i
                for i in word_positions(masked, w)
                if i not in ends
                and masked[max(0, i - len(first)) : i] != first
                and masked[max(0, i - 4) : i] not in (" the", "the ", "The ")
                and not modifies_noun(masked, i + len(w))
                # "the arts in Wales" (after "BBC Radio Wales"): a place, no one.
                and not _PLACE_PREPOSITION_RE.search(masked, max(0, i - 12), i)
            ]
            if positions:
                alone[w] = positions
        # Surnames written with an honorific anywhere ("Mr Doctorow"): people.
        honorifics = [(m.group(2), m.group(1)) for m in _HONORIFIC_RE.finditer(masked)]
        addressed = {surname for surname, _ in honorifics}
        people = []
        for a, b, name, title in found:
            toks = name.split()
            if len(toks) > 4:
                continue  # a Title Case headline's run ("Joe Arpaio Endorses Rick Perry")
            honorific = _HONORIFIC_BEFORE_RE.search(masked, max(0, a - 6), a) is not None
            # A surname the article uses alone or with "Mr" makes a person of the run;
            # a country it names alone does not ("Saying Britain must change …").
            reused = (
                len(toks) >= 2
                and (toks[-1] in alone or toks[-1] in addressed)
                and not is_country(toks[-1])
            )
            if modifies_role(masked, b):
                continue  # "Double Olympic champion Hicham El Guerrouj": of the role
            if (
                title
                or honorific
                or reused
                or name_gender(name)
                or person_context(masked, b)
                or _role_before(masked, a)
            ):
                people.append((a, name))
                if len(toks) >= 2:
                    self._surname(toks, name, a)
                if title:
                    self.by_title.append((a, _spelling(title), name))
                post = _MEMBER_AFTER_RE.match(masked, b)
                if post is not None:
                    # "Frank Field MP": the member a later "the Labour MP" is.
                    self.by_title.append((a, post.group(1).lower(), name))
        first_names = {n.split()[0]: n for _a, n in people if " " in n}
        for a, name in people:
            if " " not in name and _FIRST_NAME_HONORIFIC_RE.search(masked, max(0, a - 5), a):
                name = first_names.get(name, name)  # "Sir Elton" after "Sir Elton John"
            self.mentions.append((a, self.canonical(name)))
        for surname, positions in alone.items():
            if surname in self.by_surname:
                person = self.canonical(surname)  # the surname alone when two share it
                self.mentions += [(pos, person) for pos in positions]
        # One-word names doing the saying ("Federer admitted", "Safin said") are people
        # even when the article never gives their full name; not a body the article
        # writes as one ("producers' cartel Opec said", "software firm Sendmail").
        bodies = _written_bodies(masked)
        known = {a for a, _ in self.mentions}
        self.mentions += [
            (pos, self.canonical(name))
            for pos, name in named_subjects(masked)
            if pos not in known and name not in bodies
        ]
        # One-word names after a role in lower case ("Celtic manager O'Neill", "striker
        # Rooney"): people, though no title or first name comes with them.
        known = {a for a, _ in self.mentions}
        for m in _ROLE_THEN_WORD_RE.finditer(masked):
            pos = m.start(2)
            if pos in known or not is_role_noun(m.group(1)) or is_organisation(m.group(2)):
                continue
            lead = masked[max(0, m.start() - 30) : m.start()].split()[-1:]
            # After a name, an owner or an article ("Celtic manager", "his wife", "Edwards'
            # sister"), not an adjective ("best actress Oscar").
            word = lead[0] if lead else "."
            if (
                word[:1].isupper()
                or word.endswith(("'s", "’s", "'", "’"))
                or word in _OWNERS
                or not word[-1:].isalnum()
            ):
                self.mentions.append((pos, self.canonical(m.group(2))))
        # A one-word name opening a sentence as its subject, whose own clause then says
        # "his" or "her" with no other name between ("Ronaldinho scored his second goal",
        # "Arsenal's Edu hit his first goal"): a person, whom a "he" or "she" after may
        # stand for (a team or a firm is "their" or "its").
        known = {a for a, _ in self.mentions}
        for m in _ONE_WORD_OWNER_RE.finditer(masked):
            pos, word, verb = m.start(1), m.group(1), m.group(2)
            if (
                pos in known
                # a noun after the word, not its verb: "Chelsea boss Jose Mourinho"
                or is_role_noun(verb)
                or is_person_noun(verb)
                or is_body_noun(verb)
                or word in bodies
                or is_organisation(word)
                or is_country(word)
                or not one_word_name(word)
                or common_word(normalize_word(word.lower()))
            ):
                continue
            person = self.canonical(word)
            self.mentions.append((pos, person))
            self.gender.setdefault(person, "he" if m.group(3) == "his" else "she")
        # Names not taken for people, and one-word names described by a relative clause
        # ("DiCaprio, who lost out …", but "Leicester, who signed White"): someone, or
        # something, no pronoun is sure to skip.
        known = {a for a, _ in self.mentions}
        described = _who_described(masked)
        for pos in described:
            # "Jane, who runs the website, …": a given name alone is someone, whom "she"
            # after may stand for (not a team or place: "Leicester, who signed White").
            word = _WORD_AT_RE.match(masked, pos)
            if pos not in known and word is not None and name_gender(word.group()):
                self.mentions.append((pos, self.canonical(word.group())))
                known.add(pos)
        self.subjects = {p for p in described if p not in known}
        if self.subjects:
            spans = sorted((a, b) for a, b, _n, _t in found)
            self.subjects = {p for p in self.subjects if not _inside(spans, p)}
        self.others = sorted(
            [a for a, _b, name, _t in found if a not in known and not is_organisation(name)]
            + list(self.subjects)
        )
        for surname, honorific in honorifics:
            person = self.canonical(surname)
            self.gender.setdefault(person, "he" if honorific == "r" else "she")
        self.mentions.sort()
        self.positions = [a for a, _ in self.mentions]
        self.names = {name for _, name in self.mentions}  # the people read in the text
        # Sentence breaks from the text itself: a quotation's last period is masked
        # ('Ms Brankin said: "…." Ms Sturgeon has written …').
        self.sentence_starts = [0] + [
            m.end()
            for m in _SENTENCE_BREAK_RE.finditer(text)
            if (
                text[m.start() - 1 : m.start() + 1] not in _ABBREVIATION_ENDS
                or text[text.rfind(" ", max(0, m.start() - 5), m.start()) + 1 : m.start() + 1]
                not in _ABBREVIATIONS
            )
        ]
        # Nor a period inside a name ("Elijah E. Cummings").
        dotted = sorted((a, b) for a, b, name, _t in found if ". " in name)
        if dotted:
            self.sentence_starts = [i for i in self.sentence_starts if not _inside(dotted, i)]
        # Paragraphs opening with a lower-case word lost their first words (a file
        # damaged in conversion: "was delighted to be paired with United, although he
        # admitted"): their subject is gone, so no pronoun or role there or after it
        # reaches back past their start to someone named earlier.
        self.barriers = [m.start(1) for m in _DAMAGED_PARAGRAPH_RE.finditer(text)]
        # A sentence opening with a role ("The congressman also ...") mentions the person
        # last introduced with it.
        # A sentence opening with a role ("The congressman also ...", "A spokesman said")
        # mentions the person last introduced with it, or else that role itself.
        blocked: list[int] = []
        # Where a role opening a sentence stood for a person: a later "the foreign
        # secretary" is the same person ("Jack Straw said. The foreign secretary told …").
        self.role_people: dict[int, str] = {}
        for start in self.sentence_starts:
            m = _ROLE_OPENING_RE.match(masked, start)
            if m is None or m.group().lstrip('"“')[:1].islower():
                continue  # (a lower-case article only after a conjunction)
            role = m.group(2).split()
            heads = [j for j, w in enumerate(role) if is_person_noun(w)]
            if not heads and m.group(1) == "The" and is_people_noun(role[0]):
                # "The Brazilian confirmed …", "The Frenchman added": a person named
                # before, as "said the American" is; no pronoun passes over them.
                heads = [0]
            if not heads:
                continue
            h = heads[0]
            while h + 1 in heads:
                h += 1  # "An executive spokeswoman": the last of the nouns in a row
            phrase = " ".join(role[: h + 1])
            person = self.by_role(phrase, start)
            head_end = m.start(2) + len(phrase)
            named = _ROLE_NAME_RE.match(masked, _role_end(masked, head_end))
            if person is None and named is not None and named.group(1) not in _NOT_NAME_WORDS:
                # "The magazine's music editor Mark Robertson said", "The musical's
                # director is Matthew Warchus": the person named with the role.
                person = self.canonical(named.group(1))
            if person is None and m.group(1).lower() == "the":
                # "The president of …, Dolphy D'Souza, says"; "Lord Falconer said. The
                # constitutional affairs secretary outlined …": the person described.
                described = phrase if is_person_noun(role[h]) else f"The {phrase}"
                person = self.apposed(m.end(), start) or self.described(described, start)
                head = role[h]
                if person is None and head[:1].isdigit():
                    # "The 21-year-old missed …": an age stands for the person last named.
                    person = self.antecedent("", start, sentences=4)
                if person is None and head not in UNNAMED_ROLES and not is_plural(head):
                    # "The 48-year-old crossed …": someone named, but not found; no
                    # pronoun passes over them, nor stops at the description.
                    blocked.append(start)
                    continue
            if person is not None:
                self.role_people[m.start(2)] = person
            elif is_plural(role[h]):
                continue  # "The MPs on the committee pressed Mr Younger. He said": not "he"
            person = person or f"{m.group(1).capitalize()} {phrase}"
            k = bisect_right(self.positions, start)
            self.positions.insert(k, start)
            self.mentions.insert(k, (start, person))
        if blocked:
            self.subjects |= set(blocked)
            self.others = sorted([*self.others, *blocked])

    def _pronoun_subject(self, pronoun: str, lo: int, hi: int, end: int) -> bool:
        """Is the subject of the sentence opening at ``lo`` the pronoun (any of he/she for
        ""), before ``hi``: 'He recalled …', 'Amplifying the message, he said …'; or does
        the pronoun report the sentence (before ``end``): '…, he told activists'?"""
        same = _PRONOUN_RE.get(pronoun, _PRONOUN_RE[""]).search(self.masked, lo, hi)
        if same is not None and _before_subject(self.masked[lo : same.start()], 6):
            return True
        # "Mr Blair has failed …, he claimed": the pronoun reports the sentence's content.
        for m in _PRONOUN_RE.get(pronoun, _PRONOUN_RE[""]).finditer(self.masked, lo, end):
            if self.masked[m.start() - 2 : m.start()] == ", " and _SPEECH_VERB_AT_RE.match(
                self.masked, m.end()
            ):
                return True
        return False

    def _office_subject(self, pronoun: str, lo: int, hi: int) -> str | None:
        """The person introduced with the office that is the subject of the sentence
        opening at ``lo``, before ``hi`` ("In a recording of the message, the governor
        identified himself and went on to curse out Gattine. "…," he said": the
        governor, not Gattine), if ``pronoun`` fits them."""
        m = _DEFINITE_OFFICE_RE.search(self.masked, lo, hi)
        if m is not None:
            if not _before_subject(self.masked[lo : m.start()], 12):
                return None
            holder = self.by_role(m.group(1), m.start())
        else:
            # "But the Lib Dem spokesman questioned …. He urged …": a qualified role
            # introduced with a name ("Lib Dem spokesman Vince Cable").
            m = _QUALIFIED_ROLE_RE.search(self.masked, lo, hi)
            if m is None or not _before_subject(self.masked[lo : m.start()], 12):
                return None
            holder = self.described(m.group(), m.start())
        return holder if holder is not None and self._fitting(holder, pronoun) == holder else None

    def _owned_subject(self, lo: int, hi: int) -> bool:
        """Does the sentence at masked[lo:hi] open with someone of a named person's, not
        named ("Hale's Dutch counterpart was …", "Tony Blair's official spokesman said")?"""
        head = self.masked[lo : min(hi, lo + 60)]
        m = _OWNER_OPENING_RE.match(head)
        if m is None or not _owned_person(head, m.end(), unnamed=True):
            return False
        # Named further on ("Spain's minister of sport Jaime Lissavetzky was …").
        a = bisect_left(self.positions, lo + m.end())
        return a >= len(self.positions) or self.positions[a] >= hi

    def barrier_before(self, at: int) -> int:
        """Where the last paragraph that lost its first words starts, at or before
        ``at`` (-1: none)."""
        k = bisect_right(self.barriers, at) - 1
        return self.barriers[k] if k >= 0 else -1

    def continues(self, pronoun: str, d: Quotation, at: int) -> bool:
        """Does ``pronoun`` at ``at`` go on speaking of ``d``'s speaker: a person of its
        gender, and no person (nor role) mentioned between ``d``'s attribution and
        ``at``, save in a possessive ("Mr Blair's insistence")?"""
        name = d.speaker or ""
        if name not in self.names or self.gender.get(name, name_gender(name) or pronoun) != pronoun:
            return False  # no person read in the text ("according to The Hill")
        return self.unbroken(d, at)

    def unbroken(self, d: Quotation, at: int) -> bool:
        """Is no one but ``d``'s speaker mentioned between ``d``'s attribution and ``at``
        (possessives and organisations aside), and no paragraph lost its subject?"""
        name = d.speaker or ""
        # Nor before it in its sentence: 'Mr Howard denied Mr Yeo … said the plans
        # "stink". He also said' goes on with Howard; 'A spokesman for Toho said'.
        said = d.speaker_start or 0
        lo = self.sentence_starts[bisect_right(self.sentence_starts, said) - 1]
        if d.end <= said:
            lo = d.end  # '"…," he said': what comes before the quotation is reported
        elif self.masked[max(0, said - 2) : said] == ", ":
            # "The minister had been saying …, the spokesman said. "…" "…," he added":
            # what comes before a reporter set off at the sentence's end is reported.
            lo = said
        if self.barrier_before(at) > lo:
            return False
        a = bisect_left(self.positions, lo)
        b = bisect_left(self.positions, at)
        own = (said, max(d.speaker_end or 0, d.end))
        if d.end <= said:
            # '"…," she told MSNBC's Joy Reid in an interview': whom the attribution
            # after the quotation names is no one speaking since.
            k = bisect_right(self.sentence_starts, said)
            if k < len(self.sentence_starts):
                own = (said, max(own[1], min(self.sentence_starts[k], at)))
        if any(lo <= p < at and not own[0] <= p < own[1] for p in self.others):
            return False  # a name not read as a person, or 'DiCaprio, who'
        for pos, other in self.mentions[a:b]:
            if own[0] <= pos < own[1]:
                continue  # the speaker's own mention, and the quotation
            word = _WORD_AT_RE.match(self.masked, pos)
            owner = word is not None and word.group().endswith(("'s", "’s"))
            if owner and _owned_person(self.masked, word.end()):
                return False  # "Hale's Dutch counterpart": someone else now
            if other == name or is_organisation(other) or owner:
                continue
            return False
        # Someone of another's, unnamed ("Hale's Dutch counterpart was …"): not them.
        k = bisect_left(self.sentence_starts, max(lo, own[1]))
        while k < len(self.sentence_starts) and self.sentence_starts[k] < at:
            if self._owned_subject(self.sentence_starts[k], at):
                return False
            k += 1
        return True

    def _reports(self, pos: int) -> bool:
        """Is the mention at ``pos`` set off by a comma and followed by a verb of saying
        (", Michael Howard has said"), its role or title between (", Lib Dem's elections
        chief Lord Rennard said"), or after the verb and ending its sentence (", said Mr
        Clarke."): the speaker reporting what comes before?"""
        masked = self.masked
        if self._said_before(pos):
            return True
        if masked[pos - 2 : pos] != ", " and not self._role_after_comma(pos):
            return False
        word = _WORD_AT_RE.match(masked, pos)
        return word is not None and _SPEECH_VERB_AT_RE.match(masked, word.end()) is not None

    def _said_before(self, pos: int) -> bool:
        """Does ", said" (its roles and titles between) come right before the mention at
        ``pos``, which ends its sentence (", said Prime Minister Tony Blair.")?"""
        words = self._words_after_comma(pos)
        if not words or words[0] not in _SAID or len(words) > 6:
            return False
        if not all(
            is_role_noun(w) or is_title_word(w) or w in ("the", "a") or w[:1].isupper()
            for w in words[1:]
        ):
            return False
        word = _WORD_AT_RE.match(self.masked, pos)
        return word is not None and self.masked[word.end() : word.end() + 1] in (".", "")

    def _words_after_comma(self, pos: int) -> list[str]:
        """The words between the last comma (at most 60 characters back) and ``pos``."""
        comma = self.masked.rfind(", ", max(0, pos - 60), pos)
        return self.masked[comma + 2 : pos].split() if comma >= 0 else []

    def _role_after_comma(self, pos: int) -> bool:
        """Is what stands between the last comma and ``pos`` a few words that end with a
        role or title ("Lib Dem's elections chief Lord")?"""
        words = self._words_after_comma(pos)
        if not words or len(words) > 6 or not (is_role_noun(words[-1]) or is_title_word(words[-1])):
            return False
        return not any(w in _CLAUSE_OPENERS or not w[:1].isalpha() for w in words) and not (
            has_speech_verb(" ".join(words))
        )

    def _after_preposition(self, pos: int) -> bool:
        """Is the mention at ``pos`` a preposition's object, its titles and role passed
        over ("by Representative Gerald E. Connolly", "through her attorney Rich Nichols")?"""
        window = self.masked[max(0, pos - 80) : pos]
        cut = max(window.rfind("\n"), window.rfind(". "), window.rfind("? "), window.rfind("! "))
        before = window[cut + 1 :].split()  # this sentence's words only
        while before and is_title_word(before[-1]):
            before.pop()
        if before[-1:] in _PREPOSITIONS:
            return True
        if not before or before[-1][:1].isupper() or not before[-1].isalpha():
            return False
        # A role or description between ("through her attorney Rich Nichols", "by
        # shadow chancellor X", "to Real Madrid sporting director X", "from Hillsborough
        # coma victim X"): up to four plain words back to the preposition.
        for word in reversed(before[-5:]):
            if word in _PREPOSITION_WORDS:
                return True
            if not word.replace("'", "").replace("’", "").replace("-", "").isalnum():
                return False  # punctuation ends the phrase
            if word in _NOT_PHRASE or word.endswith("ed"):
                return False  # a verb or a conjunction: "in which Bloomberg argued …"
        return False

    def apposed(self, end: int, start: int) -> str | None:
        """The name set off by commas after a role ending at ``end`` in the sentence
        opening at ``start``: 'The president of the council, Dolphy D'Souza, says'."""
        k = bisect_right(self.sentence_starts, start)
        limit = end + 150
        if k < len(self.sentence_starts):
            limit = min(limit, self.sentence_starts[k])
        for i in range(bisect_left(self.positions, end), len(self.positions)):
            pos, name = self.mentions[i]
            if pos >= limit:
                break
            if self.masked[pos - 2 : pos] == ", " and not self.masked[end:pos].count(". "):
                return name
        return None

    def described(self, phrase: str, at: int, last: Quotation | None = None) -> str | None:
        """Whom a definite singular role ('the editor', 'The Spectator editor') at ``at``
        stands for: the person last introduced with it ('TV presenter Cat Deeley'), else
        the person named just before (this sentence or the one before), else the person
        quoted ``last`` while no one else is named since ('"…," says Perry. … "…," the
        Texas governor continues'), unless the article has spoken of such a role as a
        common noun ('met the coach'). Roles often left unnamed ('the spokesman') and
        someone's ('the rapper's spokesman') are not resolved."""
        written = phrase.rsplit(" ", 1)[-1]
        if is_epithet_head(written):
            person = self._by_epithet(phrase, at)
            if person is None and is_people_noun(written) and _PEOPLE_NOUN_RE.fullmatch(phrase):
                # "said the American", "the Dutchman said", "the 55-year-old Frenchman
                # told": the person named last before its sentence, as a role stands for
                # (not one its opening phrase names: "Reacting to a comment by chairman
                # Tim Phillips, the American said" is not Phillips).
                k = bisect_right(self.sentence_starts, at) - 1
                start = self.sentence_starts[k] if k >= 0 else at
                person = self.antecedent("", start, sentences=4 if "-year-old" in phrase else 2)
            return person
        head = written.lower()
        if is_plural(head) or not is_person_noun(head):
            return None
        # A role usually left unnamed ("the spokesman") only when qualified as it was
        # written before a name: "the Lib Dem spokesman" after "Lib Dem spokesman Vince
        # Cable".
        unnamed = head in UNNAMED_ROLES
        if unnamed and not _QUALIFIED_ROLE_RE.fullmatch(phrase):
            return None
        if "'s " in phrase or "’s " in phrase:
            return None
        base, before, role, seen = self._role_seen(phrase, at)
        # A headline's role ("Chancellor rallies Labour voters") is no earlier mention.
        headline = self.masked.find("\n")
        seen = [pos for pos in seen if base + pos > headline]
        for pos in reversed(seen):
            named = _NAME_AFTER_RE.match(before, pos + len(role))
            if named is not None:
                return self.canonical(named.group(1))
            if base + pos in self.role_people:
                return self.role_people[base + pos]
        if seen or unnamed:
            return None
        # The role introduced with a name in other words ("Tottenham sporting director
        # Frank Arnesen" for "the Spurs sporting director"): the head with one of the
        # role's words before it, or the bare head ("the coach") after "coach X".
        modifiers = {w.lower() for w in role.split()[:-1]}
        introduced = []  # (name, the words before the head)
        other_role: set[str] = set()  # "shadow chancellor Oliver Letwin": no "the chancellor"
        for pos in reversed(word_positions(before, head)):
            named = _NAME_AFTER_RE.match(before, pos + len(head))
            if named is not None:
                if _other_role_before(before, pos):
                    other_role.add(self.canonical(named.group(1)))
                    continue
                lead = {w.lower() for w in before[max(0, pos - 40) : pos].split()[-3:]}
                introduced.append((self.canonical(named.group(1)), lead))
        for name, lead in introduced:
            # One person so introduced ("France coach Bernard Laporte" for "the French
            # coach"), or the one whose words match.
            if not modifiers or modifiers & lead or len({n for n, _ in introduced}) == 1:
                return name
        # An age ("the 43-year-old") stands for someone named a little further back;
        # not for another role left unnamed ("The spokesman declined …, the prime
        # minister conceded": two people).
        person = self.antecedent("", at, sentences=4 if head[:1].isdigit() else 2)
        if person is not None and common_phrase(person):
            person = None
        if (
            person is None
            and last is not None
            and last.speaker in self.names
            and last.speaker_kind in ("named", "pronoun")
            and self.unbroken(last, at)
        ):
            return last.speaker
        return None if person in other_role else person

    def _by_epithet(self, phrase: str, at: int) -> str | None:
        """'the Kentucky Republican': the one person named before ``at`` with every word
        of the description in the capitalised words right before a mention or just
        after it ('Kentucky Republican Rand Paul', 'Sen. Rand Paul, R-Ky.'). The person
        named last is not enough: 'If Ryan had replaced her, … The California Democrat
        spoke' is Pelosi."""
        fits = {
            name
            for pos, name in self.mentions
            if pos < at
            and epithet_fits(
                phrase,
                # (not past the description itself: "… chairman Tim Phillips, the
                # American said" is no apposition of Phillips)
                _capitalised_before(self.masked, pos)
                + self.masked[pos : min(at, pos + len(name) + 12)],
            )
        }
        return fits.pop() if len(fits) == 1 else None

    def _role_seen(self, phrase: str, at: int) -> tuple[int, str, str, list[int]]:
        """Where the role ``phrase`` (its determiner dropped) was written before ``at``:
        (where the text searched starts, that text, the role, its positions in it). The
        role as written ("Arsenal boss": not "the United boss"), in either case at its
        first letter (a sentence may open with it)."""
        base = max(0, at - PRONOUN_REACH, self.barrier_before(at))
        before = self.masked[base:at]
        words_ = phrase.split()
        while len(words_) > 1 and words_[0].lower() in ("the", "a", "an"):
            words_ = words_[1:]
        role = " ".join(words_)
        # Either case at its first letter, but not "tV host".
        lower = role[:1].lower() + role[1:] if not role[1:2].isupper() else role
        variants = (lower, role[:1].upper() + role[1:])
        seen = sorted({p for v in variants for p in word_positions(before, v)})
        if " " not in role:
            # "the chancellor" was not written as "shadow chancellor Oliver Letwin".
            seen = [p for p in seen if not _other_role_before(before, p)]
        return base, before, role, seen

    def spoken_of(self, phrase: str, at: int) -> bool:
        """Was the role ``phrase`` written before ``at`` as an object ('Tom Hale met the
        coach'), not as a subject someone named stands behind ('…, the Fox News host
        urged')?"""
        _base, before, _role, seen = self._role_seen(phrase, at)
        for pos in seen:
            lead = before[max(0, pos - 30) : pos].split()
            if lead and lead[-1].lower() in ("the", "a", "an"):
                lead.pop()
            if lead and lead[-1][:1].islower() and lead[-1].isalpha():
                return True
        return False

    def add_speaker(self, pos: int, name: str) -> None:
        """A named speaker is a person (or organisation) mentioned at ``pos``; people
        speaking together ("Smith and Jones") each where their name is written."""
        if places_together(name):
            return  # "Oklahoma and Nebraska said": places, no one a pronoun stands for
        people = joint_names(name)
        if people is not None:
            at = pos
            for person in people:
                found = self.masked.find(person, at, at + 200)
                at = found if found >= 0 else at
                self.add_speaker(at, person)
            return
        toks = name.split()
        if is_organisation(name) or self.masked[max(0, pos - 4) : pos].lower() == "the ":
            return  # "according to The Hill": no one a pronoun refers to
        if len(toks) >= 2:
            self._surname(toks, name, pos)
        k = bisect_right(self.positions, pos)
        self.positions.insert(k, pos)
        self.mentions.insert(k, (pos, name))
        self.names.add(name)

    def canonical(self, name: str) -> str:
        people = joint_names(name)
        if people is not None:  # "Smith and Jones": "John Smith and Mary Jones"
            return joint_name([self.canonical(person) for person in people])
        toks = name.split()
        if len(toks) == 1 and not is_organisation(name):
            if toks[0] in self.shared:
                return name  # "Mr. Trump" with Donald and Ivanka Trump named: not expanded
            full = self.by_surname.get(toks[0])
            if full is None and len(toks[0]) >= 6:
                # A surname misspelt by two letters swapped ("Mr Barrioneuvo" after "Jose
                # Barrionuevo"): the one person whose surname it is.
                close = {n for s, n in self.by_surname.items() if _transposed(s, toks[0])}
                full = close.pop() if len(close) == 1 else None
            return full or name
        return name

    def _surname(self, toks: list[str], name: str, pos: int) -> None:
        """Read ``name`` (its words ``toks``, at ``pos``) as the full name its surname
        stands for, unless another person's name ends with the same surname."""
        known = self.by_surname.setdefault(toks[-1], name)
        if known != name and known.split()[0] != toks[0]:
            self.shared.add(toks[-1])
        self.surname_people.setdefault(toks[-1], Counter())[name] += 1
        if len(toks) >= 3 and toks[-1].rstrip(".") in NAME_SUFFIXES:
            self.surname_people.setdefault(toks[-2], Counter())[name] += 1  # "Jesse Jackson Jr."

    def _fitting(self, name: str, pronoun: str) -> str | None:
        """The person a mention ``name`` may be for ``pronoun`` ("" any), None if
        none: a surname two people share ("Trump" with Donald and Melania Trump named)
        is the one of them of the pronoun's gender, if only one is."""
        if pronoun and name in self.shared:
            # One of a gender not known may be the one too ("Asa", "Seth" and "Tim C.
            # Hutchinson": not Tim for "he"), if named so twice: once may be a word
            # before the surname ("Faultless Federer", "Whether Sanders …").
            people = []
            for n, times in self.surname_people.get(name, {}).items():
                gender = self.gender.get(n, name_gender(n))
                if gender == pronoun or (gender is None and times >= 2):
                    people.append(n)
            if len(people) == 1:
                return people[0]
        if not pronoun or self.gender.get(name, name_gender(name) or pronoun) == pronoun:
            return name
        return None

    def by_role(self, phrase: str, before: int, speaking: Quotation | None = None) -> str | None:
        """The person last introduced with the role ``phrase`` ('the defence minister');
        but ``speaking``, the quotation before, when its speaker too was introduced with
        the role and is quoted after that last introduction (the article goes on about
        its own governor after naming another one in passing)."""
        toks = phrase.lower().split()
        while toks and toks[0] in ("the", "a", "an"):
            toks = toks[1:]
        if not toks:
            return None
        roles = [" ".join(toks)]
        if toks[0] in ("former", "ex"):
            roles.append(" ".join(toks[1:]))  # "the former vice president": as introduced
        if len(toks) < 2 or toks[-2] not in _OTHER_ROLE:
            roles.append(toks[-1])
        for role in dict.fromkeys(_spelling(r) for r in roles if r):
            found = [
                (pos, self.canonical(name))
                for pos, title, name in self.by_title
                if pos < before and (title == role or _same_role(title, role))
            ]
            if not found:
                continue
            if (
                speaking is not None
                and (speaking.speaker_start or 0) > found[-1][0]
                and any(name == speaking.speaker for _, name in found)
            ):
                return speaking.speaker
            names = {name for _, name in found}
            if len(names) > 1:
                # Two governors introduced: the one the article spoke of last ("Gov.
                # Deval Patrick … by Gov. Nikki R. Haley … Mr. Patrick was asked …, the
                # governor replied").
                k = bisect_left(self.positions, before)
                spoken = (name for _, name in reversed(self.mentions[:k]) if name in names)
                last = next(spoken, None)
                if last is not None:
                    return last
            return found[-1][1]
        return None

    def protagonist(self, pronoun: str) -> str | None:
        """The person the article is about, if ``pronoun`` may be them: the one its
        headline names whom it names most, at least PROTAGONIST_MENTIONS times and twice
        as often as anyone else. A pronoun no one before it stands for is theirs
        ("Valencia, who signed Lopez …, have been helped by her form. The Bats are top
        of the league. "…," she said" in a profile of Maria Lopez), unless someone
        unnamed is the subject before it ("Lopez's coach was less sure")."""
        counts = Counter(name for _pos, name in self.mentions).most_common(2)
        if not counts:
            return None
        name, times = counts[0]
        if times < PROTAGONIST_MENTIONS or (len(counts) > 1 and 2 * counts[1][1] > times):
            return None
        headline = self.masked.split("\n", 1)[0]
        if not re.search(rf"\b{re.escape(name.split()[-1])}\b", headline):
            return None
        return self._fitting(name, pronoun)

    def _no_one_found(self, pronoun: str, protagonist: bool) -> str | None:
        """What :meth:`antecedent` gives when no one before fits: the article's
        protagonist, if asked for and there is one."""
        return self.protagonist(pronoun) if protagonist else None

    def antecedent(
        self,
        pronoun: str,
        before: int,
        sentences: int = 0,
        reported: int | None = None,
        protagonist: bool = False,
    ) -> str | None:
        """The person ``pronoun`` at ``before`` refers to: the first fitting person named
        in its sentence before it, else in the sentence before that, and so on (the
        subject of a sentence comes first: "Bloomberg ... threw jabs at Trump, whom he
        called ..." -> Bloomberg), within PRONOUN_REACH characters (and ``sentences``
        sentences, if given). ``pronoun`` "": any person. A sentence whose subject is
        the same pronoun ("He recalled campaigning with Romney.") speaks of the same
        person: its other people are passed over. ``reported``: where the quotation the
        pronoun attributes starts, when it comes first; the people written before it in
        its sentence are what is reported, not the speaker ('Mr Blair has "the same
        passion …", he said'). ``protagonist``: when no one is found (and no one unnamed
        is the subject), the person the article is about (:meth:`protagonist`)."""
        k = bisect_right(self.sentence_starts, before) - 1
        last = -1
        if sentences:
            # Sentences inside a quotation ('"America has spoken. The rest …," the
            # prime minister said') are not counted: they name no one.
            last, n = k, 0
            while last >= 0:
                start = self.sentence_starts[last]
                # Nor sentences about someone named before ("He said …"): they go on
                # about them.
                n += self.masked[start : start + 1] != "q" and not self._goes_on(start, k)
                if n > sentences:
                    break
                last -= 1
        barrier = self.barrier_before(before)
        skip_lo = skip_hi = -1
        if reported is not None and reported < before:
            lo = self.sentence_starts[bisect_right(self.sentence_starts, reported) - 1]
            # Only a quotation inside the clause ('Mr Blair has "…"'), not one set off
            # by a comma or colon ('Hirono blasted the decision, "…," she said'), and
            # not after a speaker named before it ('Arnold described her victory as').
            lead = self.masked[lo:reported].rstrip(MARKS_AND_SPACE)
            # (Nor a quotation of a clause before a semicolon: "Trump bragged about
            # "…"; since taking office he has referred to …".)
            own_clause = ";" not in self.masked[reported:before]
            if lead and lead[-1] not in ",:;" and not has_speech_verb(lead) and own_clause:
                skip_lo, skip_hi = lo, reported
        if (
            pronoun
            and self._reports(before)
            and not self.masked[max(0, before - 8) : before].endswith(("who, ", "which, "))
        ):
            # "Mr Blair has failed, he claimed, saying …": what comes before the
            # reporting pronoun in its sentence is what is reported, not who reports it;
            # not a clause before a semicolon ("Trump bragged …; since taking office he
            # has referred to …").
            start = self.sentence_starts[max(k, 0)]
            skip_lo, skip_hi = max(start, self.masked.rfind(";", start, before) + 1), before
        roles: list[str] = []  # offices the sentences passed over speak of (_other_office)
        while k > last:
            lo = self.sentence_starts[k]
            if before - lo > PRONOUN_REACH or lo <= barrier:
                return self._no_one_found(pronoun, protagonist)
            hi = self.sentence_starts[k + 1] if k + 1 < len(self.sentence_starts) else before
            hi = min(hi, before)
            a = bisect_left(self.positions, lo)
            b = bisect_left(self.positions, hi)
            fits = [
                (pos, fit)
                for pos, name in self.mentions[a:b]
                if not is_organisation(name)
                and not skip_lo <= pos < skip_hi
                and (fit := self._fitting(name, pronoun)) is not None
                and not self._other_office(fit, pos, roles)
            ]
            if any(
                lo <= p < (fits[0][0] if fits else hi) and len(self.masked[lo:p].split()) <= 3
                for p in self.subjects
            ):
                # 'DiCaprio, who …' is the subject: a person, or a team
                return self._no_one_found(pronoun, protagonist)
            if pronoun in ("he", "she") and self._owned_subject(lo, hi):
                return None  # "Hale's Dutch counterpart was …": someone unnamed
            if fits and pronoun != "they" and self._pronoun_subject(pronoun, lo, fits[0][0], hi):
                fits = []
            if pronoun in ("he", "she"):
                office = self._office_subject(pronoun, lo, fits[0][0] if fits else hi)
                if office is not None:
                    return office
            # "… would help him — as it did President Bill Clinton — …, Mr. Trump dived
            # in": a person named in an aside is no one the sentence is about.
            outside = [(pos, name) for pos, name in fits if not _in_aside(self.masked, lo, hi, pos)]
            if outside:
                fits = outside
            # 'Governor Christie? "Strong," he said.': a name asked about, no one speaking.
            fits = [(pos, name) for pos, name in fits if not _asked_about(self.masked, lo, pos)]
            fits = _main_clause_first(self.masked, lo, fits)
            if fits:
                # "According to Mandaric, Redknapp vowed …": the source the sentence is
                # told by reports it.
                pos, name = fits[0]
                if pronoun and self.masked[max(lo, pos - len(_ACCORDING[0])) : pos] in _ACCORDING:
                    return name
                # "Tony Blair has failed, Michael Howard has said.": the person reporting
                # the sentence at its end, not the first one of what is reported.
                for pos, name in fits[1:]:
                    if self._reports(pos):
                        return name
                # A subject or an apposition, not the object of a preposition ("a
                # senator from New York", "took aim at Berg"), unless there is only that.
                objects = []
                for pos, name in fits:
                    word = _WORD_AT_RE.match(self.masked, pos)
                    if word is not None and word.group().endswith(("'s", "’s")):
                        # "Ms Jowell's deputy, Richard Caborn, said": not Jowell; nor any
                        # owner ("enjoying Dan Brown's theory, the Bishop said"): a few are
                        # the topic ("Conti's 17th turn"), more are not. But an owner
                        # opening the sentence is its topic ("Huckabee's religion has
                        # played a role. He wrote …"), unless what is owned is a person
                        # ("Tony Blair's official spokesman. He said").
                        owned = _owned_person(self.masked, word.end())
                        lead = self.masked[lo:pos].strip(MARKS_AND_SPACE)
                        if pronoun and not owned and (not lead or lead in _CONJUNCTIONS):
                            return name
                        continue
                    if not self._after_preposition(pos):
                        return name
                    objects.append(name)
                # Only a preposition's object: a pronoun may still mean them; a role
                # ("said the Factory Records founder") names the subject, not them. Not
                # someone named only as an owner ("Tony Blair's official spokesman").
                if objects:
                    return objects[0] if pronoun else None
            if pronoun in ("he", "she"):
                roles += [m.group(1) for m in _DEFINITE_OFFICE_RE.finditer(self.masked, lo, hi)]
            k -= 1
        return self._no_one_found(pronoun, protagonist)

    def _goes_on(self, start: int, k: int) -> bool:
        """Does the sentence at ``start`` (before sentence ``k``) go on about someone
        named before it: "He said …", "Otherwise it would be overtaken, he told MPs"?"""
        if self.masked.startswith(_GOES_ON, start):
            return True
        j = bisect_right(self.sentence_starts, start)
        end = self.sentence_starts[j] if j < len(self.sentence_starts) and j <= k else start
        return _PRONOUN_REPORTS_RE.search(self.masked, start, end) is not None

    def _other_office(self, name: str, pos: int, roles: list[str]) -> bool:
        """Was ``name``, introduced with a title up to ``pos``, holder of another office
        than every one the sentences after spoke of as "the prime minister", "the
        chancellor" (``roles``)? ("… his rift with Chancellor Gordon Brown. … although
        the prime minister talked about …. … he declared": not Brown.)"""
        if not roles:
            return False
        titles = {
            title for at, title, who in self.by_title if at <= pos and self.canonical(who) == name
        }
        return bool(titles) and not any(
            title == role or _same_role(title, role) for title in titles for role in roles
        )


_GOES_ON = ("He ", "She ")
# A sentence reported by "he"/"she" after a comma: '…, he told MPs.'
_PRONOUN_REPORTS_RE = re.compile(r", (?:he|she) (?:said|says|told|tells|added|adds)\b")


def common_phrase(speaker: str | None) -> bool:
    """'A spokesman', 'The spokesman': a common noun as written (a role no name was found
    for), not a person's name."""
    first = (speaker or "").split(" ", 1)[0]
    return first in ("A", "An", "The", "a", "an", "the")


def _before_subject(lead: str, most: int) -> bool:
    """Can ``lead``, what a sentence holds before a word, come before its subject:
    nothing, a conjunction, or an opening phrase of at most ``most`` words and a comma
    ("Amplifying the message, he said")?"""
    lead = lead.strip(MARKS_AND_SPACE)
    return not lead or lead in _CONJUNCTIONS or (lead.endswith(",") and len(lead.split()) <= most)


# An office spoken of by itself: "the prime minister", "the chancellor" (not "the prime
# minister Tony Blair", nor "the deputy prime minister": the words must be the whole).
_DEFINITE_OFFICE_RE = re.compile(
    r"\b[Tt]he (prime minister|chancellor|president|chief executive|foreign secretary"
    r"|home secretary|governor|mayor|speaker|chief justice|attorney general)\b(?! [A-Z]|-|['’]s)"
)


# A definite role qualified by capitalised words: "the Lib Dem spokesman".
_QUALIFIED_ROLE_RE = re.compile(r"\b[Tt]he (?:[A-Z][\w'’-]* ){1,3}[a-z]+\b")
# Roles usually left unnamed: "the spokesman said" is no earlier person.
UNNAMED_ROLES = words(
    """
    spokesman spokeswoman spokesperson official source aide insider man woman witness
    resident lawyer attorney diplomat analyst expert critic observer fan member
    trader banker investor prisoner victim survivor neighbour neighbor organiser organizer
    agent backbencher cameraman announcer
    """
)
_NAME_AFTER_RE = re.compile(r" ((?:[A-Z][\w'’-]+ )*[A-Z][\w'’-]+)")
# A full name right after a role, or after "is"/"was" ("The director is Matthew Warchus").
_ROLE_NAME_RE = re.compile(r"(?: is| was)? ([A-Z][a-z][\w'’-]* [A-Z][\w'’-]+)\b(?![\w'’-]* [A-Z])")
_NOT_NAME_WORDS = words("The A An This That These Those")
_LOWER_WORD_RE = re.compile(r" ([a-z][a-z-]+)")


def _role_end(s: str, end: int) -> int:
    """Where the role whose head ends at ``end`` ends: past the person nouns that go on
    naming it ("The company's new chief executive Peter Lynch", "finance director")."""
    for _ in range(2):
        m = _LOWER_WORD_RE.match(s, end)
        if m is None or not is_person_noun(m.group(1)):
            break
        end = m.end()
    return end


_SPEECH_VERB_AT_RE = re.compile(r" (?:has |had |also )?" + SPEECH_VERB_WORD + r"\b")
_SAID = words("said says added adds")
# Words opening a clause: what follows them after a comma is no role before a name.
_CLAUSE_OPENERS = words(
    "and but or while although though as because since when where who whom whose which"
    " if whereas after before until unless that"
)
# Words that may open a sentence before its subject: conjunctions and a few adverbs of
# time ("Later the Tory leader spoke again").
_CONJUNCTIONS = words("And But So Yet Then Also Later Earlier Meanwhile and but so yet then also")
# A concession set off by commas: ", despite having X out injured,".
_CONCESSION_RE = re.compile(r", (?:despite|although|though|notwithstanding) ")
# A dash setting off an aside: an em or en dash, or "--", with a space on either side.
_ASIDE_DASH_RE = re.compile(r"(?<=\s)(?:—|–|--)(?=\s)|(?<=\w)(?:—|--)(?=\w)")


# Conjunctions opening a leading clause ("As Tory leader Michael Howard kicked off …,").
_SUBORDINATORS = words(
    "As While Whilst When After Before Although Though Since Because If Once Until Whereas"
)
_FIRST_WORD_RE = re.compile(r"[\s\"“‘']*(\w+)")


def _main_clause_first(masked: str, lo: int, fits: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``fits`` (people of the sentence at ``lo``, in text order) with those of its main
    clause before those of a leading clause ("As Tory leader Michael Howard kicked off his
    campaign, the Lib Dem leader Charles Kennedy dismissed …. And he insisted": Kennedy)."""
    if len(fits) < 2:
        return fits
    m = _FIRST_WORD_RE.match(masked, lo)
    if m is None or m.group(1) not in _SUBORDINATORS:
        return fits
    comma = masked.find(",", m.end(), fits[-1][0])
    if comma < 0:
        return fits
    lead = [f for f in fits if f[0] < comma]
    main = [f for f in fits if f[0] > comma]
    return main + lead if lead and main else fits


def _in_aside(masked: str, lo: int, hi: int, pos: int) -> bool:
    """Whether ``pos`` in the sentence masked[lo:hi] is inside an aside: between a pair
    of dashes ("— as it did President Bill Clinton in the 1990s —"), in brackets, or
    between the commas of a concession (", despite having X out injured,")."""
    before = masked[lo:pos]
    if before.count("(") > before.count(")") and ")" in masked[pos:hi]:
        return True
    opened = len(_ASIDE_DASH_RE.findall(before)) % 2 == 1
    if opened and _ASIDE_DASH_RE.search(masked, pos, hi) is not None:
        return True
    # Or between commas after a concession: "Ireland, despite having Gordon D'Arcy still
    # out injured, have been boosted by the return of Brian O'Driscoll".
    m = _CONCESSION_RE.search(before)
    return m is not None and "," not in before[m.end() :] and "," in masked[pos:hi]


# A question of names alone: "Governor Christie?", "Senator Joni Ernst of Iowa?".
_NAME_WORD = r"(?:[A-Z][\w.'’-]*|of|the|and)"
NAMES_ASKED_RE = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD}){{0,7}}\?")


def _asked_about(masked: str, lo: int, pos: int) -> bool:
    """Whether the name at ``pos`` is in a question made of names alone that opens its
    sentence at ``lo`` (a list of people someone is asked about, each answer quoted
    after it)."""
    asked = NAMES_ASKED_RE.match(masked, lo)
    return asked is not None and pos < asked.end()


_ACCORDING = ("According to ", "according to ")


def _transposed(a: str, b: str) -> bool:
    """Is ``b`` ``a`` with two neighbouring letters swapped ("Barrionuevo", "Barrioneuvo")?"""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


_WORD_BEFORE_RE = re.compile(r"(?<![\w'’.-])[A-Z][a-z][\w'’-]+\Z")


def _who_described(s: str) -> list[int]:
    """Where a one-word name takes a relative clause ("DiCaprio, who lost out", "Leicester,
    whose"); found with str.find, since ", who" is rare and a regex scan is not."""
    out = []
    i = s.find(", who")
    while i >= 0:
        if s[i + 5 : i + 6] == " " or s[i + 5 : i + 8] == "se ":
            m = _WORD_BEFORE_RE.search(s, max(0, i - 30), i)
            if m is not None and one_word_name(m.group()):
                out.append(m.start())
        i = s.find(", who", i + 5)
    return out


_LOWER_WORD_BEFORE_RE = re.compile(r"(?<![\w'’])([a-z]+) \Z")
# A role and what it is of, in lower case, right before a name ("minister of sport").
_ROLE_OF_BEFORE_RE = re.compile(r"(?<![\w'’])([a-z]+) (?:of|for) (?:the )?[a-z]+(?: [a-z]+)? \Z")


# A sentence opening with a name's possessive ("Hale's", "But Mr Blair's").
_OWNER_OPENING_RE = re.compile(
    r"[\"“]?(?:(?:But|And|Yet|So) )?(?!(?:The|A|An) )(?:M(?:r|rs|s)\.? )?[A-Z][\w-]*"
    r"(?: [A-Z][\w-]*)?['’]s\b"
)


def _owned_person(s: str, end: int, unnamed: bool = False) -> bool:
    """Is what a possessive ending at ``end`` owns a person ("'s official spokesman",
    "'s Bayern counterpart"), its first lower-case noun among the next three words?
    ``unnamed``: and no name follows it ("'s counterpart Felix Magath" is named)."""
    toks = s[end : end + 60].split()[:4]
    for k, w in enumerate(toks[:3]):
        w = w.strip(",.;:")
        if w[:1].islower() and w not in ("own", "official", "former", "new", "then"):
            if not (is_person_noun(w) or is_role_noun(w)):
                return False
            return not unnamed or k + 1 >= len(toks) or not toks[k + 1][:1].isupper()
    return False


# A member's post written after the name ("Frank Field MP").
_MEMBER_AFTER_RE = re.compile(rf" ({'|'.join(sorted(MEMBER_POSTS))})\b")
# A preposition of place right before a word: what follows is somewhere, not someone.
_PLACE_PREPOSITION_RE = re.compile(r"\b(?:in|across|throughout|around|within) \Z")
# A lower-case word, then one capitalised word that no other capitalised word follows.
_ONE_WORD_OWNER_RE = re.compile(
    r"(?:\A|(?<=[.!?])[\"”’]?\s+|(?<=\n))(?:[A-Z][\w-]*['’]s )?([A-Z][a-z][\w-]+)"
    r" (?:(?:also|then|later|[a-z]+ly) )?(?:has |had )?([a-z]+) "
    r"[^.!?\n\"“”,;:A-Z]{0,80}?\b(his|her)\b"
)
_ROLE_THEN_WORD_RE = re.compile(r"(?<![\w'’-])([a-z]{3,}) ([A-Z][\w'’-]+)\b(?![\w'’-]* [A-Z])")


def _role_before(s: str, a: int) -> bool:
    """Is the name at s[a:] written after a role in lower case ('talk-show host Eve
    Marlowe', 'striker Ion Radu', 'minister of sport Jaime Lissavetzky'): a person?"""
    m = _LOWER_WORD_BEFORE_RE.search(s, max(0, a - 20), a)
    if m is not None and is_role_noun(m.group(1)):
        return True
    m = _ROLE_OF_BEFORE_RE.search(s, max(0, a - 40), a)
    return m is not None and is_role_noun(m.group(1))


def _inside(spans: list[tuple[int, int]], i: int) -> bool:
    """Does ``i`` fall strictly inside one of the sorted, non-nested ``spans``?"""
    k = bisect_right(spans, (i, -1)) - 1
    return k >= 0 and spans[k][0] < i < spans[k][1]


_PRONOUN_RE = {
    "he": re.compile(r"\b[Hh]e\b"),
    "she": re.compile(r"\b[Ss]he\b"),
    "": re.compile(r"\b(?:[Hh]e|[Ss]he)\b"),
}


# One leading character class (the engine skips to it at C speed), then the branch:
# the same matches as r'[.!?]["”’)]*\s+(?=["“‘(]?[A-Z0-9])|\n+', three times faster.
_SENTENCE_BREAK_RE = re.compile(r"[.!?\n](?:(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|(?<=\n)\n*)")


def word_positions(s: str, w: str) -> list[int]:
    """Where ``w`` stands as a whole word in ``s`` (str.find: a few surnames per article)."""
    out = []
    i = s.find(w)
    while i >= 0:
        j = i + len(w)
        if (i == 0 or not (s[i - 1].isalnum() or s[i - 1] in "'’-")) and (
            j == len(s) or not (s[j].isalnum() or s[j] in "'’-")
        ):
            out.append(i)
        i = s.find(w, j)
    return out


# A paragraph opening with a lower-case word ("was delighted"; not "iTunes"), after a
# blank line (not a hard-wrapped line of one paragraph).
_DAMAGED_PARAGRAPH_RE = re.compile(r"\n[ \t]*\n([a-z]+)\b")
_HONORIFIC_BEFORE_RE = re.compile(r"\b(?:M(?:r|rs|s)|Dr|Prof|Sir|Dame|Lord|Lady)\.? \Z")
# "Sir Elton", "Dame Judi": a knight or dame called by the first name.
_FIRST_NAME_HONORIFIC_RE = re.compile(r"\b(?:Sir|Dame) \Z")
# "M" first so the engine skips to it; the look-behind is the word start (\bM).
_HONORIFIC_RE = re.compile(r"M(?<!\wM)(r|rs|s|iss)\.? ([A-Z][\w'’-]+)")
_ABBREVIATIONS = words("Mr. Mrs. Ms. Dr. St. Sen. Rep. Gov. Gen. Lt. Col. Jr. Sr. Sgt. Capt. U.S.")
# Their last two characters: a break whose mark ends none of them needs no look-back.
_ABBREVIATION_ENDS = frozenset(a[-2:] for a in _ABBREVIATIONS)
# (After a conjunction too: "But a spokesman for the Home Office defended …", "And the
# French international defender believes …"; not "But the prime minister says …", as
# often another person than the one named before as not.)
_ROLE_OPENING_RE = re.compile(
    r"[\"“]?(?:(?:But|Yet) (?=a |an )|And (?=the |a |an ))?(The|A|An|the|a|an) "
    r"((?:[A-Za-z][\w'’-]* ){0,2}(?:[a-z]+|\d{1,3}-year-old))\b"
)
_WORD_AT_RE = re.compile(r"[\w'’-]+(?: [A-Z][\w'’-]+)*")
_PREPOSITION_WORDS = words(
    """
    from in of at to by with for on about against over under through behind beside
    alongside among between without towards toward into onto past including
    """
)
_PREPOSITIONS = [[w] for w in _PREPOSITION_WORDS]
_OWNERS = words("the a an his her their its our my your")


# Words that end a noun phrase walked back from a name: verbs and conjunctions.
_NOT_PHRASE = words(
    """
    and or but said says told is was are were has had have be been that which who when
    while as if than then also not
    """
)
_SPELLINGS = (("defence", "defense"), ("labour", "labor"), ("organisation", "organization"))
# Abbreviated titles, so "the governor" finds "Gov. Mike Pence".
_TITLE_ABBREVIATIONS = {
    "gov": "governor",
    "sen": "senator",
    "sens": "senator",
    "rep": "representative",
    "reps": "representative",
    "gen": "general",
    "lt": "lieutenant",
    "col": "colonel",
    "capt": "captain",
    "sgt": "sergeant",
    "prof": "professor",
    "pres": "president",
    "congressman": "representative",
    "congresswoman": "representative",
}


def _spelling(s: str) -> str:
    """A role in one spelling: 'defence minister' -> 'defense minister', 'gov' -> 'governor'."""
    for a, b in _SPELLINGS:
        s = s.replace(a, b)
    return " ".join(_TITLE_ABBREVIATIONS.get(w, w) for w in s.split())


class ArticlePeople:
    """The people an article names, once read for its quotations, kept for its
    reported speech (:func:`db.quotes.reported_speakers`): reading them costs more than
    the rest of the speaker pass."""

    __slots__ = ("bodies", "people")

    def __init__(self) -> None:
        self.people: People | None = None
        # Names reported speech gave a body ("the company said", "it said"): no one's
        # surname to be written in full ("Ford", not the chairman "Bill Ford").
        self.bodies: set[str] = set()


# Words before a role that make it another one: a vice president is no "president".
_OTHER_ROLE = words("vice deputy former ex assistant lieutenant under shadow associate")


def _other_role_before(s: str, pos: int) -> bool:
    """Is the role written at ``s[pos:]`` another one by the word before it ("shadow
    chancellor", "vice-president")?"""
    words_before = s[max(0, pos - 20) : pos].lower().split()
    return bool(words_before) and words_before[-1].rstrip("-") in _OTHER_ROLE


def _same_role(title: str, role: str) -> bool:
    """Is someone introduced as ``title`` ('new jersey senator') the ``role`` a later
    mention names ('senator'); not a 'vice president' for 'the president'."""
    if not title.endswith(" " + role):
        return False
    before = title[: -len(role) - 1].rsplit(" ", 1)[-1]
    return before.rstrip("-") not in _OTHER_ROLE


def _capitalised_before(text: str, pos: int) -> str:
    """The capitalised words written right before ``pos`` ("California Democratic Rep."
    of "… Rep. Nancy Pelosi"): what introduces the name there, not the sentence before."""
    run: list[str] = []
    for w in reversed(text[max(0, pos - 60) : pos].split()):
        if not w[:1].isupper() or w[-1] in ",;:":
            break
        run.append(w)
    return " ".join(reversed(run)) + " "


# "The company said …": the body a definite body noun stands for is the one the article
# named with a cue of that kind before (body_named_before). Nouns of a business, and the
# cues that make a name one: a legal suffix ("Sendmail Inc"), the noun written before
# the name ("software firm Sendmail"), its shares ("shares in Cairn Energy").
_BUSINESS_NOUNS = words(
    """
    company firm group retailer carmaker automaker airline carrier insurer lender chain
    giant manufacturer operator publisher supplier developer bank studio maker producer
    parent subsidiary grocer brewer miner broker chipmaker drugmaker conglomerate utility
    """
)
# Nouns whose own word, capitalised, ends or opens the name ("the ministry": "Ministry of
# Defence", "Finance Ministry"), or is written before it ("the bank": "bank HSBC").
_OWN_WORD_NOUNS = words(
    "bank ministry department agency commission council union party club federation airline"
    " exchange"
)
# Last words of a club's name: "the club" may be any of them ("Manchester United").
_CLUB_WORDS = words("United City Rovers Athletic Wanderers Albion Rangers Hotspur FC Club")
# Written just before "the company said", it is not the subject: "a veteran of the
# department, …, said", "the lawyer for the campaign and the party said".
_NOT_SUBJECT_BEFORE_RE = re.compile(r"(?i)\b(?:of|for|at|from|with|to|and|or|by|in|on)\s*\Z")
_BODY_NAME = r"(?:[A-Z][\w&’'./-]*|&)(?: (?:[A-Z][\w&’'./-]*|&|of|de|du|and(?= Co\b))){0,4}"
_LEGAL_SUFFIX = r"(?:Inc|Corp|Corporation|Plc|plc|PLC|Ltd|AG|SA|NV|Co|Group|Holdings)\b\.?"
_LEGAL_SUFFIX_RE = re.compile(_LEGAL_SUFFIX)
_SUFFIX_END_RE = re.compile(rf" {_LEGAL_SUFFIX}\Z")
_SUFFIXED_RE = re.compile(rf"\b({_BODY_NAME})\s+{_LEGAL_SUFFIX}")
# A name opening a sentence as the subject of a speech verb ("<Interconnect Capital> said
# it seeks to acquire Gates Learjet Corp"): a body that spoke, which "the company" may be.
# An apposition may stand between ("OII Holdings Corp, a company formed by Kohlberg Kravis
# Roberts and Co, said"), as may a body's ticker ("<DGSG.F>") or place ("<First Federal
# Savings Bank> of Delaware said").
_SPOKE_RE = re.compile(
    rf"(?:\A|[.!?][\"”’]?\s+|\n\s*)<?({_BODY_NAME})>?(?: <[\w.]+>| of [A-Z][a-z]+)?"
    r"(?:, (?:a|an|the) [^,;:.!?\"“”<>]{1,80},)?\s+(?:has |also )?"
    r"(?:said|says|added|announced|reported|told|stated)\b"
)
# A sentence opening with a name and closed by a business noun's verb of speech: the
# name is the body that spoke ("Degussa AG <DGSG.F> is combining …, the company said").
# Within one sentence: a full stop before a capital ends it.
_CLOSED_BY_BODY_RE = re.compile(
    rf"(?:\A|[.!?][\"”’]?\s+|\n\s*)<?({_BODY_NAME})>?"
    r"(?: <[\w.]+>)? (?:[^.!?\n]|[.!?](?!\s+[A-Z\"“]|\s*\Z)){1,300}?"
    r", the (?:company|firm|group) said\b"
)
# The same with nothing between the name and its verb: whether another name spoke
# (_another_spoke) is read so; an apposition may make a person of a one-word name
# ("Fox, a director, said").
_SPOKE_PLAIN_RE = re.compile(
    rf"(?:\A|[.!?][\"”’]?\s+|\n\s*)<?({_BODY_NAME})>?\s+"
    r"(?:said|says|added|announced|reported|told|stated)\b"
)
_POSSESSIVE_SPOKE_RE = re.compile(
    r"(?<![\w&] )(?<![\w-])((?:[A-Z][\w-]* & )?[A-Z][\w-]+['’]s)\s+"
    r"(?:said|says|added|announced|reported|told|stated|warned)\b(?!\s+to\b)"
)
_NOUN_BEFORE_RE = re.compile(rf"(?<![\w-])([a-z]+) ({_BODY_NAME})")
_OPENING_AND_RE = re.compile(
    r"(?:\A|[.!?][\"”’]?\s+|\n\s*)<?((?:[A-Z][\w&’'./-]* ){1,3}and (?:[A-Z][\w&’'./-]* ){0,2}"
    rf"[A-Z][\w&’'./-]*) {_LEGAL_SUFFIX}"
)
_SHARES_RE = re.compile(
    rf"\b[Ss]hares (?:in|of) ({_BODY_NAME})"
    rf"|\b({_BODY_NAME})['’]s? shares\b|\b({_BODY_NAME}) shares\b"
)
# Not a body's name: a sentence's opening word, a person's title or a month.
_NOT_BODY_WORDS = words(
    """
    The A An This That It Its Shares Mr Mrs Ms Dr Chief Chairman President Executive
    Director Managing Sir Lord January February March April May June July August
    September October November December Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday In On At For But And Analysts Officials He She They We I You
    """
)
_DEFINITE_BODY_RE = re.compile(r"(?i)the ([a-z]+)\Z")
# A capitalised word and "and" right before a body's name (:func:`_body_cues`).
_JOINED_BEFORE_RE = re.compile(r"\b([A-Z][\w'’-]*) and \Z")
# A name with its kind in apposition, either way round (groups: name, kind; kind, name).
# (A name set off so may hold "for": "the Center for Arizona Policy, a … group that".)
_APPOSED_NAME = _BODY_NAME.replace("|of|", "|of|for|")
_APPOSED_KIND_RE = re.compile(
    rf"\b({_APPOSED_NAME}), (?:the|a|an) (?:[\w'’.-]+ ){{0,4}}?([a-z]+)(?:,| that\b| which\b)"
    rf"|\b[Tt]he ([a-z]+), ({_BODY_NAME}),"
)
# A business noun described by where the body is based ("the Swiss-based drug giant",
# "The Canada-based company"): the article's firm as plainly as "the giant" is. Not a
# nationality alone ("The US company" after "aircraft maker Airbus" was UPS, named only
# in an apposition), nor "the rival company", "the parent company", "the new company".
_DESCRIBED_BODY_RE = re.compile(
    r"[Tt]he [A-Za-z.]+-(?:based|owned|controlled|listed|backed)"
    r"(?: (?!(?:rival|parent|other|new|former|merged|combined|target|joint)\b)[a-z-]+)?"
    r" ([a-z]+)"
)


def _definite_body(phrase: str) -> str | None:
    """The noun of "the company" or of a business noun described by where the body is
    based ("the Swiss-based drug giant": "giant"), lower case; None for any other phrase."""
    phrase = phrase.strip()
    m = _DEFINITE_BODY_RE.fullmatch(phrase)
    if m is not None:
        return m.group(1).lower()
    m = _DESCRIBED_BODY_RE.fullmatch(phrase)
    if m is not None and m.group(1) in _BUSINESS_NOUNS:
        return m.group(1)
    return None


_MODIFIER_RE = re.compile(
    r"\A[A-Z][\w.]*-(?:held|owned|based|controlled|run|listed|backed) (?=[A-Z])"
)


# A parent with its legal suffix, owning the unit named after it ("Grumman Corp's
# Tachonics Corp unit").
_PARENT_OF_UNIT_RE = re.compile(rf"\A.*\b{_LEGAL_SUFFIX}['’]s (?=[A-Z])")
# Before a name: it is named as the owner of a unit ("The Coldwell Banker … unit of Sears
# Roebuck and Co said", "Dunmere Foods, a subsidiary of Harland Mills Inc, said"), not as
# the body that spoke.
_OWNER_OF_RE = re.compile(r"\b(?:unit|subsidiary|division|affiliate) of (?:the )?<?\Z")


def _owner_only(before: str, at: int, name: str) -> bool:
    """Is the body ``name`` (at ``at``) named only as the owner of a unit, the unit
    named otherwise ("The Coldwell Banker … unit of Sears Roebuck and Co")? Not when the
    unit is named after it, opening the sentence ("BellSouth Advanced Systems, a unit of
    BellSouth Corp, said": "the company" is either)."""
    if not _OWNER_OF_RE.search(before, max(0, at - 30), at):
        return False
    opened = max(before.rfind(". ", 0, at), before.rfind("\n", 0, at)) + 1
    words = before[opened:at].replace("<", " ").split()
    first = next((w for w in words if w != "The"), "")
    return first.lower() != name.removeprefix("The ").split(" ", 1)[0].lower()


def _body_key(name: str) -> str:
    """``name`` compared as one body: 'The Walt Disney Co.' and 'Walt Disney' alike."""
    name = re.sub(r"^(?:The )?(?:U\.S\. )?|['’]s?$", "", name.strip())
    name = _PARENT_OF_UNIT_RE.sub("", name)  # the unit, not its parent
    # (and "U.S. Agriculture Department", "Privately-held Acme", "Harrow and Co Inc")
    while (bare := _SUFFIX_END_RE.sub("", name)) != name:
        name = bare
    return _MODIFIER_RE.sub("", name).removesuffix(" and").lower()


def _clean_body(name: str) -> str | None:
    """``name`` without an opening "The" and a possessive; None if it is no body's name
    (its first word a title, a month, a sentence's opener: "Chief Executive Bob Smith")."""
    name = re.sub(r"['’]s?$", "", name.removeprefix("The "))
    # A unit named with its parent's possessive ("Holiday Corp's Holiday Inn Hotel
    # Group said"): the unit is the body.
    name = _PARENT_OF_UNIT_RE.sub("", name)
    # A modifier opening the sentence is no part of the name: "Privately-held
    # Rapid-American Corp", "Chicago-based Amtel Inc", "State-owned Petrobras".
    name = _MODIFIER_RE.sub("", name)
    first = name.split(" ", 1)[0]
    if not name or first in _NOT_BODY_WORDS or not name[:1].isupper():
        return None
    # ("W.R. Grace and Co": the name before its suffix, read with "and")
    return name.removesuffix(" of").removesuffix(" de").removesuffix(" du").removesuffix(" and")


def _body_cues(before: str, noun: str) -> list[tuple[int, str]]:
    """Every body ``before`` names with a cue fitting ``noun``, as (where, name)."""
    found: list[tuple[int, str]] = []
    business = noun in _BUSINESS_NOUNS
    if business:
        found += [(m.start(1), m.group(1)) for m in _SUFFIXED_RE.finditer(before)]
        for m in _SHARES_RE.finditer(before):
            i = next(i for i in (1, 2, 3) if m.group(i))
            found.append((m.start(i), m.group(i)))
    for m in _NOUN_BEFORE_RE.finditer(before):
        if m.group(1) == noun or (business and m.group(1) in _BUSINESS_NOUNS):
            found.append((m.start(2), m.group(2)))
    # A name and its kind in apposition: "Ford, the US car company, reported", "The
    # company, GlaxoSmithKline, is to …".
    for kind, at, named in _apposed(before):
        if kind == noun or (business and kind in _BUSINESS_NOUNS):
            found.append((at, named))
    # A name written with "'s" as a speech verb's subject ("Moody's said", "Standard &
    # Poor's warned"): a body's name in its own form (db.speakers reads it so).
    owned = {m.start(1): m.group(1) for m in _POSSESSIVE_SPOKE_RE.finditer(before)}
    found += list(owned.items())
    if noun in _OWN_WORD_NOUNS:
        own = {noun.capitalize(), noun.capitalize() + "s"}
        if noun == "club":
            own |= _CLUB_WORDS
        for m in re.finditer(rf"\b{_BODY_NAME}", before):
            name = m.group(0)
            # A name closing its sentence keeps the full stop ("… published by the New
            # China News Agency.", and the next sentence's first word may run on: "…
            # the State Department. Clinton"): its own word is read without it.
            parts = name.split(" ")
            stop = next((i for i, w in enumerate(parts) if w[:-1] in own and w[-1:] == "."), None)
            if stop is not None:
                name = " ".join([*parts[:stop], parts[stop][:-1]])
            if own & set(name.split(" ")) and name not in own:  # ("Party leader …")
                # One body named with "and" before its own word ("the Finance and
                # Economy Ministry", "the Work and Pensions Committee"): the whole name.
                joined = _JOINED_BEFORE_RE.search(before, max(0, m.start() - 40), m.start())
                if joined is not None:
                    found.append((joined.start(1), joined.group(1) + " and " + name))
                else:
                    found.append((m.start(), name))
    # A headline in Title Case capitalises every word: its runs are no names' bounds
    # ("Wall Street Stocks/Ich Corp") when the text after it names a firm.
    head = before.partition("\n")[0]
    if "\n" in before and _TITLE_CASE_RE.fullmatch(head.strip()):
        after = [c for c in found if c[0] >= len(head)]
        found = after or found
    # The first name that spoke in the article ("Litton Industries said …", "Fitch
    # said …"), when it is no person: a firm, whatever noun the article called it.
    # Only before any cue (the name the article opens with: "B.C. Resources said" after
    # "British Columbia Resources Investment Corp" is no other firm), and only when no
    # cue names it already ("Dow Chemical Co" stays its name, not "Dow").
    first = _first_body_spoke(before) if business else None
    if first is None and business and not found:
        # ... or, no other cue found, the subject the article's text opens with
        # ("Microsoft is celebrating bumper sales of …", "Electrolux saw its shares rise
        # …"), when no person.
        first = _first_subject(before)
    if first is not None and all(first.start(1) <= at for at, _ in found):
        key = _body_key(first.group(1)).split(" ")
        if not any(_same_body(_body_key(name).split(" "), key, set()) for _, name in found):
            found.append((first.start(1), first.group(1)))
    # A firm named with "and" opening a sentence is one name ("Allegheny and Western
    # Energy Corp said"), not its last part.
    for m in _OPENING_AND_RE.finditer(before):
        inside = [c for c in found if m.start(1) <= c[0] < m.end(1)]
        if inside:
            found = [c for c in found if c not in inside] + [(m.start(1), m.group(1))]
    found = [c for c in found if not _owner_only(before, c[0], c[1])]
    out = []
    for at, name in found:
        clean = _clean_body(name)
        if clean is not None and owned.get(at) == name:
            clean = name  # "Moody's" keeps its "'s": part of the name
        if clean is not None:
            out.append((at, clean))
    return sorted(out)


def _first_body_spoke(before: str) -> re.Match[str] | None:
    """The first sentence of ``before`` opening with a name as the subject of a speech
    verb (:data:`_SPOKE_RE`), if that name is no person's: no title or given name in it
    ("Treasury Secretary James Baker", "Allen Murray"), and one word only when the
    article writes it after no other capitalised word ("Fitch", not "Smith" of "John
    Smith")."""
    m = _SPOKE_RE.search(before)
    if m is None:
        return None
    toks = _MODIFIER_RE.sub("", m.group(1).removeprefix("The ")).split()
    if not toks or toks[0] in _NOT_BODY_WORDS:
        return None
    if any(is_title_word(t) or name_gender(t) for t in toks):
        return None
    if len(toks) == 1 and (
        re.search(rf"\b[A-Z][\w.'’-]* +{re.escape(toks[0])}\b", before)
        or common_word(normalize_word(toks[0].lower()))
    ):
        return None
    return m


# The text's first sentence opening with a name and a verb (a finite form).
_FIRST_SUBJECT_RE = re.compile(
    rf"\A[^\n]*\n\s*({_BODY_NAME}) (?:is|are|was|were|has|have|had|will|would|could|can|may"
    r"|saw|said|made|won|lost|took|got|cut|rose|fell|sold|bought|held|paid|[a-z]+ed|[a-z]+[^s\W]s)\b"
)


def _first_subject(before: str) -> re.Match[str] | None:
    """The name the text after the headline opens with as its first sentence's subject
    ("Microsoft is celebrating …", "British Airways is to halt …"), if no person's (as
    :func:`_first_body_spoke` reads it), no place or nationality and no common word."""
    m = _FIRST_SUBJECT_RE.match(before)
    if m is None:
        return None
    toks = m.group(1).split()
    if not toks[-1][:1].isupper():
        return None  # "Sales of kettles rose": no name before "of"
    if toks[0] in _NOT_BODY_WORDS or any(is_title_word(t) or name_gender(t) for t in toks):
        return None
    if is_person_noun(toks[-1].lower()):
        return None  # people described ("Prominent Republicans are calling …")
    if len(toks) == 1 and (
        is_country(toks[0])
        or common_word(normalize_word(toks[0].lower()))
        or re.search(rf"\b[A-Z][\w.'’-]* +{re.escape(toks[0])}\b", before)
    ):
        return None
    return m


def names_a_body(phrase: str) -> bool:
    """Is ``phrase`` "the company", "the ministry": a body :func:`body_named_before`
    may find the name of (no person)?"""
    noun = _definite_body(phrase)
    return noun is not None and (noun in _BUSINESS_NOUNS or noun in _OWN_WORD_NOUNS)


def body_named_before(text: str, at: int, phrase: str) -> str | None:
    """The body "the company" (``phrase``, spoken at ``at``) stands for: the one the
    article names before with a cue of that kind (a business noun: "Sendmail Inc",
    "software firm Sendmail", "shares in Sendmail"; "the ministry": "Finance Ministry"),
    if it names only one such body there (two firms named: no one can tell which);
    else None."""
    noun = _definite_body(phrase)
    if noun is None or _NOT_SUBJECT_BEFORE_RE.search(text, max(0, at - 6), at):
        return None
    if noun not in _BUSINESS_NOUNS and noun not in _OWN_WORD_NOUNS:
        return None
    cues = _body_cues(text[:at], noun)
    # Names written with a legal suffix are whole: "Honeywell Inc" … "Honeywell Bull" are
    # two bodies (an affiliate), "Cairn shares" … "Shares in Cairn Energy" one.
    whole = {_body_key(m.group(1)) for m in _SUFFIXED_RE.finditer(text[:at])}
    keys: list[list[str]] = []
    for _, name in cues:
        key = _body_key(name).split(" ")
        if not any(_same_body(key, k, whole) for k in keys):
            keys.append(key)
    if len(keys) > 1:
        # Several bodies named, one of them the subject of a speech verb ("RJR Nabisco
        # Inc said … the sale of Heublein Inc. The company said"): the one that spoke.
        # Only the body named first (the one the article is about): "Shares in Acme Corp
        # fell … Moody's said … the company said" may be either.
        # Nor beside an affiliate ("Brambleworth Inc said … Shares in Brambleworth
        # Kettles fell"): either may be meant.
        if (
            _spoke_as(text[:at], keys[0], whole, closed=True)
            and not any(_spoke_as(text[:at], k, whole) for k in keys[1:])
            and not any(k[0] == keys[0][0] for k in keys[1:])
        ):
            keys = keys[:1]
        cues = [c for c in cues if _same_body(_body_key(c[1]).split(" "), keys[0], whole)]
    if len(keys) != 1:
        return None
    name = cues[-1][1]
    if _another_spoke(text[:at], keys[0]):
        return None
    # A unit named with its parent's possessive is counted by the parent's words too
    # ("CSX Corp's Sea-Land Corp unit" in a story headed "Csx Unit Sets …").
    parent = re.search(rf"({_BODY_NAME}) {_LEGAL_SUFFIX}['’]s {re.escape(name)}\b", text[:at])
    counted = f"{name} {parent.group(1)}" if parent else name
    opening = _first_subject(text[:at])
    if opening is not None and _clean_body(opening.group(1)) == name and noun in _BUSINESS_NOUNS:
        return name  # the firm the text opens with: what the article is about
    if _own_word_name(noun, name) or _apposed_as(text[:at], noun, name):
        # "the ministry" and a name holding "Ministry", or the noun and the name in
        # apposition ("The company, GlaxoSmithKline,"): no other word, however often
        # written (a person, a place, a disease: "Clinton", "Blackpool", "Aids"), is
        # the body meant.
        return name
    return None if _named_more_often(text[:at], counted) else name


def _apposed_as(before: str, noun: str, name: str) -> bool:
    """Does ``before`` set ``name`` and ``noun`` itself in apposition ("The company,
    GlaxoSmithKline,", "Ford, the US car company,")?"""
    return any(kind == noun and _clean_body(named) == name for kind, _, named in _apposed(before))


def _apposed(before: str) -> Iterator[tuple[str, int, str]]:
    """Each name set in apposition with its kind in ``before``, either way round ("Ford,
    the US car company,", "The company, GlaxoSmithKline,"): (kind, where the name
    starts, the name)."""
    for m in _APPOSED_KIND_RE.finditer(before):
        if m.group(1):
            yield m.group(2), m.start(1), m.group(1)
        else:
            yield m.group(3), m.start(4), m.group(4)


def _own_word_name(noun: str, name: str) -> bool:
    """Is ``name`` written with ``noun``'s own word ("Finance Ministry" for "the
    ministry", "Electoral Commission"), ``noun`` no business's (a bank, an airline, a
    firm may be named without it: "the bank" in a story on the Bundesbank)?"""
    if noun not in _OWN_WORD_NOUNS or noun in _BUSINESS_NOUNS:
        return False
    own = {noun.capitalize(), noun.capitalize() + "s"}
    return bool(own & set(name.split(" ")))


def _spoke_as(before: str, key: list[str], whole: set[str], closed: bool = False) -> bool:
    """Has a sentence of ``before`` opened with the body ``key`` as the subject of a
    speech verb ("RJR Nabisco Inc said"), or (``closed``: for the body named first) closed
    with "the company said" after opening with it ("Degussa AG is combining its units …,
    the company said"; of a body named later, "Kinburn Corp will be merged …, the company
    said" is the first one's words)?"""
    spoke = [*_SPOKE_RE.finditer(before)]
    if closed:
        spoke += _CLOSED_BY_BODY_RE.finditer(before)
    return any(_same_body(_body_key(m.group(1)).split(" "), key, whole) for m in spoke)


def _same_body(a: list[str], b: list[str], whole: set[str]) -> bool:
    """Are the names ``a`` and ``b`` (words of their keys) one body: the same, or one
    the start of the other unless the shorter was written whole (with a legal suffix)?"""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if long[: len(short)] != short:
        return False
    return short == long or " ".join(short) not in whole


def _another_spoke(before: str, key: list[str]) -> bool:
    """Has a sentence of ``before`` opened with a name other than the body ``key`` as the
    subject of a speech verb (a body or a person no first name shows: either may be the
    one "the company" is)? Not someone named with a first name ("Peter Lee said")."""
    key = re.sub(r"['’]s\b", "", " ".join(key)).split(" ")
    for m in _SPOKE_PLAIN_RE.finditer(before):
        name = m.group(1)
        first = name.split(" ", 1)[0]
        if first in _NOT_BODY_WORDS or (" " in name and name_gender(first)):
            continue
        if " " not in name and common_word(normalize_word(name.lower())):
            continue  # "Experts said", "Critics say": no one named
        if " " not in name and _surname_of_someone(before, name):
            continue  # "MacDonald said" after "James MacDonald": a person, no body
        # ("Moody's Investors Service" begins as "Moody's" does.)
        other = re.sub(r"['’]s\b", "", _body_key(name)).split(" ")
        # (One name written with a space and without: "TimeWarner", "Time Warner"; a
        # name misspelt once: "Equitorial" for "Equatorial".)
        one = other[: len(key)] == key or key[: len(other)] == other
        if not one and "".join(other) != "".join(key) and not _misspelt(other, key):
            return True
    return False


def _surname_of_someone(before: str, word: str) -> bool:
    """Does ``before`` write the one word ``word`` after a given name ("James
    MacDonald"), so that ``word`` alone is that person, not a body?"""
    return any(
        name_gender(m.group(1))
        for m in re.finditer(rf"\b([A-Z][a-z]+) +{re.escape(word)}\b", before)
    )


def _misspelt(a: list[str], b: list[str]) -> bool:
    """Is the one word ``a`` the first word of ``b`` with one letter changed (a name
    misspelt: "Equitorial" for "Equatorial")?"""
    if len(a) != 1 or len(a[0]) != len(b[0]) or len(a[0]) < 6:
        return False
    return sum(x != y for x, y in zip(a[0], b[0], strict=True)) == 1


_CAPITAL_WORD_RE = re.compile(r"\b[A-Z][\w-]+\b")
# Three words or more, each opening with a capital, a digit or a mark (no lower-case word).
_TITLE_CASE_RE = re.compile(r"(?:[^\sa-z]\S*\s+){2,}[^\sa-z]\S*")


def _named_more_often(before: str, name: str) -> bool:
    """Does ``before`` write some other capitalised word (no common word, country or
    title) more often than any word of ``name``, so the body it names may be the one
    the article is about ("Japanese carmaker Nissan", once, in a story on Renault)?"""
    own = set(name.split(" ")) | set(_CAPITAL_WORD_RE.findall(name))  # "M/A-Com": "A-Com"
    own |= {re.sub(r"['’]s$", "", w) for w in own}  # "Moody's" is counted as "Moody"
    # A headline in Title Case capitalises every word: its other words are no names
    # ("Additional Ccc Credit Guarantees For Korea"), but it names the body in any case
    # ("Fmc Unit Wins Patent" for FMC Corp).
    head, _, rest = before.partition("\n")
    headline: Counter[str] = Counter()
    if rest and _TITLE_CASE_RE.fullmatch(head.strip()):
        before = rest
        headline = Counter(w.lower() for w in _CAPITAL_WORD_RE.findall(head))
    counts = Counter(_CAPITAL_WORD_RE.findall(before))
    # Its most written word: "F.W. Woolworth" is written "Woolworth".
    mine = max((counts.get(word, 0) + headline[word.lower()] for word in own), default=0)
    for word, n in counts.items():
        if n <= mine or word in own or word in _NOT_BODY_WORDS or is_country(word):
            continue
        if _LEGAL_SUFFIX_RE.fullmatch(word):
            continue  # "Inc", "Corp": every firm's, no one body's
        if re.search(rf"\b{word.lower()}\b", before):
            continue  # a word written in lower case too: "Shares", "Earlier"
        return True
    return False
