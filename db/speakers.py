"""Who a passage is attributed to: speech verbs, names, pronouns, common nouns.

Everything here reads one window of text in which quoted words are already masked
(db.quotes replaces them by ``Qqq…`` of the same length, so offsets stay exact) and
returns :class:`Attribution` values whose ``start``/``end`` index that window.

* Named: ``"…," Umerov said``, ``Umerov told KBS``, ``Defense Minister Rustem Umerov
  said`` (titles and possessives dropped -> ``Rustem Umerov``), long appositions
  (``Lisa O. Monaco, Obama's adviser on …, said``), inverted attribution (``…, said
  ministry spokesman Jeon Ha-kyou``), ``according to X``.
* Pronoun: ``he said``, ``she added``, ``according to him`` — kind ``"pronoun"``; the
  name is the pronoun itself, and db.quotes resolves it within the article.
* Common noun: ``the company said``, ``officials said``, ``a White House spokesman
  told``, ``a spokesman for Smith said`` — kept as written, kind ``"common"``.
* Passive voice gives nobody: ``Schiff urged to step down by …``, ``he was told``.

:func:`speaker_key` normalises a name so that the same person is one key across
articles (``"Rustem Umerov"``, ``"Defence Minister Rustem Umerov"`` -> ``umerov|rustem``).
Every scan is bounded (a fixed number of verbs per window, fixed token windows).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from db.lexicon import CALENDAR, WEEKDAYS
from db.normalize import common_capitals, is_country
from db.numbers import NUMBERING_ABBREVIATIONS
from db.wordsets import with_punct, words

__all__ = [
    "HONORIFICS",
    "MEMBER_POSTS",
    "NAME_SUFFIXES",
    "PARTY_MEMBERS",
    "PERSON_PRONOUNS",
    "PLURAL_NOUNS",
    "SPEECH_VERB_WORD",
    "SUBJECT_OPENERS",
    "TITLE_WORDS",
    "VERB_TOKENS",
    "Attribution",
    "asked_before",
    "attributions",
    "attributions_near",
    "closed_by_source",
    "colon_name",
    "colon_subject",
    "dash_name",
    "data_source_spans",
    "epithet_fits",
    "first_attribution",
    "first_named",
    "given_names_agree",
    "has_speech_verb",
    "is_document",
    "is_epithet_head",
    "is_organisation",
    "is_people_noun",
    "is_person_noun",
    "is_role_noun",
    "joint_name",
    "joint_names",
    "key_clause",
    "key_people",
    "keys_clash",
    "name_gender",
    "named_subjects",
    "person_context",
    "person_mentions",
    "places_together",
    "sentence_speaker",
    "speaker_clause",
    "speaker_key",
    "speaker_people",
    "speaks_for_sentence",
    "speech_verb_starts",
]


@dataclass(slots=True)
class Attribution:
    """``name`` written at window[start:end]; kind "named", "pronoun" or "common".
    (Not frozen, though never changed: a frozen dataclass costs ~4x to create, and the
    speaker pass makes tens of thousands.)"""

    name: str
    start: int
    end: int
    kind: str

    def shifted(self, base: int) -> Attribution:
        return Attribution(self.name, self.start + base, self.end + base, self.kind)


_VERBS = (
    "said|says|say|told|tells|added|adds|asked|asks|stated|states|explained|explains|noted"
    "|notes|claimed|claims|insisted|insists|warned|warns|wrote|writes|announced|announces"
    "|argued|argues|confirmed|confirms|declared|declares|revealed|reveals|tweeted|tweets"
    "|replied|replies|responded|continued|continues|acknowledged|acknowledges|admitted|admits|recalled"
    "|suggested|suggests|estimated|estimates|alleged|alleges|stressed|stresses|emphasised"
    "|emphasized|reported|reports|predicted|predicts|cautioned|denied|denies|urged|urges"
    "|called|calls|saying|telling|joked|jokes|quipped|posted|testified|conceded|concedes"
    "|complained|complains|vowed|vows|pledged|pledges|promised|promises|boasted|boasts"
    "|countered|counters|retorted|remarked|observed|charged|concluded|concludes|lamented"
    "|exclaimed|demanded|demands|threatened|threatens|recounted|mused"
    "|retort|retorted|pleaded|implored|scoffed|quipping|joking|writing|tweeting|posting"
    "|adding|accusing|arguing|noting|insisting|warning|claiming|declaring|promising"
    "|describing|complaining|asking|explaining|stating|suggesting|urging|demanding"
    "|vowing|dubbing|labeling|labelling|branding|calling|replying|responding|acknowledging"
    "|accused|accuses|described|describes|dubbed|labelled|labeled|branded"
    "|admitting|conceding|stressing|recalling|predicting|testifying|announcing"
    "|answered|answers|spoke of|spoke about|speaks of|speaks about|pointed out|points out"
    "|commented|reasoned|chanted|shouted|screamed|whispered|summarized|summarised"
    "|recommended|recommends|recommending|recounts|responds|proclaimed|proclaims|proclaiming"
    "|contended|contends|reassured|reassures|recalls|underlined|underlines|underscored"
    "|underscores|reiterated|reiterates|elaborated|confessed|confesses|confessing|fumed"
    "|laughed|laughs|believes|thinks"
)
# Belief in the present, the way news reports someone's view before their words
# ("Healey believes the match was "up there"", '"…," thinks Curry'): speech, but
# second to any verb of saying next to the quotation.
_BELIEF_VERBS = frozenset(("believes", "thinks"))
# Praise and blame: speech with an object ("Blair hailed his chancellor's "brilliant"
# performance"), never an inverted subject after them, passive before "by" or "for"
# ("Brown criticised by MPs").
_EVALUATIVE_VERBS = words(
    "hailed hails praised praises criticised criticises criticized criticizes condemned"
    " condemns welcomed welcomes blamed blames thanked likened likens commended commends"
    " deemed slated slammed slams blasted lambasted lambasts"
    # "The spokesperson also touted Grassley's "strong record"", "Biden decried the
    # "dangerous" rhetoric" (not only "decried … as", :data:`_AS_VERBS`).
    " touted touts decried decries"
)
_VERB_LIST = sorted(set(_VERBS.split("|")) | _EVALUATIVE_VERBS)
_VERB_SET = frozenset(_VERB_LIST)


def _any_of(
    verbs: list[str],
    capital: dict[str, list[str]] | None = None,
    extra: dict[str, list[str]] | None = None,
) -> str:
    """A regex for any one of ``verbs`` (lower-case words), one branch per first letter
    ('a(?:dded|dds|…)|b(?:…)'): where a word boundary follows, the same matches as a
    plain alternation, and the regex engine drops a branch on its first letter at C
    speed (a plain alternation tries every verb at every place, a look-behind per letter
    costs as much). ``capital``: a capital first letter also allowed for some verbs, with
    extra words for it ({"a": ["ccording to"]} allows "Added", "According to");
    ``extra``: more patterns after a lower-case first letter only."""
    by_first: dict[str, list[str]] = {}
    for v in verbs:
        by_first.setdefault(v[0], []).append(v[1:])
    branches = []
    for c, rests in sorted(by_first.items()):
        rests = rests + (capital or {}).get(c, [])
        alternatives = "|".join(sorted(rests, key=len, reverse=True))
        more = "".join("|" + x for x in (extra or {}).get(c, []))
        branches.append(f"{c}(?:{alternatives}{more})")
        if capital and c in capital:
            branches.append(f"{c.upper()}(?:{alternatives})")
    return "(?:" + "|".join(branches) + ")"


# Verbs of speech only where they are followed so (regex after their first letter):
# "He went on: "…"", '"…," she goes on.' ("went on to win", "went on a diet" are not);
# "Trump asserted that …" ("America asserted itself" is not); '"…," assured Mr
# Wallace' (not "Rest assured we will …").
# "… clear (to …) that": a stance stated ("He made clear that the cuts should be
# "minimal"", "Smith made it clear to reporters that …"; not "made clear progress", "made
# clear his opposition": no words of his follow). After "made"/"makes"/"making".
_CLEAR_THAT = r"(?:\s+it)?\s+clear(?=(?:\s+to(?:\s+[\w'’.-]+){1,3})?\s+that\b)"
_SPEECH_IF: dict[str, list[str]] = {
    "a": [
        r"sser(?:ted|ts|ting)(?!\s+(?:it|him|her|them)sel(?:f|ves)\b)",
        r"(?<![Rr]est a)ssured|ssures",
        # Advice given in the words that follow: "Clinton once advised him: "…"" (not
        # "was advised to stay", "advised against it").
        r"dvised(?=\s+(?:him|her|them|me|us|you)\s*:)",
    ],
    "g": [r"oes on(?=[,:.;])"],
    # "As Sen. Rand Paul put it, "…"" (not "put it on the table").
    "p": [r"uts? it(?=\s*[,:])"],
    "w": [r"ent on(?=[,:.;])"],
    # "Yukos maintains that …" (not "maintains its lead").
    "m": [
        r"aintain(?:s|ed)(?=\s+that\b)",
        r"(?:ade|akes|aking)" + _CLEAR_THAT,  # "made clear that"
    ],
}
# Scorn that names what it scorns "as" something, and naming it so: "Cornyn dismissed
# Obama's concerns as "unpersuasive"", "Schumer denounced the offer as "…"" (not
# "dismissed the case", "blasted off", "mocked up").
_AS_VERBS = {
    "attacked": "attacks",
    "dismissed": "dismisses",
    "denounced": "denounces",
    "blasted": "blasts",
    "slammed": "slams",
    "lambasted": "lambasts",
    "derided": "derides",
    "decried": "decries",
    "ridiculed": "ridicules",
    "mocked": "mocks",
    # Naming: "The network referred to her as a "foul-mouthed …"".
    "referred": "refers",
    # A definition: "Merriam-Webster defines a blog as: "a Web site that …"".
    "defined": "defines",
}
_AS_VERB_FORMS = frozenset(_AS_VERBS) | frozenset(_AS_VERBS.values())
for _past, _present in _AS_VERBS.items():
    # "referred to her as" (not "also referred to as": no one named what)
    _object = r"\s+to(?!\s+as\b)" if _past == "referred" else ""
    _SPEECH_IF.setdefault(_past[0], []).append(
        rf"(?:{_past[1:]}|{_present[1:]})(?={_object}(?:\s+[\w'’-]+){{1,5}}\s+as\b)"
    )
# The plain form of a verb of speech speaks after a subject or a modal ("critics
# argue", "he will argue", "Mr Brown will tell MPs"), not after "to": "is expected to
# announce a decision", "likes to argue cases", "failed to tell investors" are acts
# (a product recall, a sum added, a nominee confirmed, "could explain the reluctance":
# those verbs are left out). After "went on to" they and "claim" are speech again
# ("The England coach went on to claim that …").
_PLAIN_VERBS = words(
    "argue insist warn tell admit predict concede declare stress allege ask"
    " acknowledge contend complain"
)


def _went_on(letter: str) -> str:
    """Look-behinds for "went/goes/go on to" before a verb's first ``letter``."""
    return "|".join(rf"(?<=\b{w} on to {letter})" for w in ("went", "goes", "go"))


for _v in sorted(_PLAIN_VERBS):
    _SPEECH_IF.setdefault(_v[0], []).append(rf"(?:(?<!\bto {_v[0]})|{_went_on(_v[0])}){_v[1:]}")
# More verbs of saying that speak after "went on to" only ("Mr Kennedy went on to suggest
# the result would be …", "went on to explain why", "went on to accuse the board of …"):
# elsewhere their plain form is mostly an act ("to explain the rise", "figures suggest").
for _v in sorted(words("suggest explain reveal describe accuse urge")):
    _SPEECH_IF.setdefault(_v[0], []).append(rf"(?:{_went_on(_v[0])}){_v[1:]}")
# "claim" only there, and before what is claimed (not "went on to claim the Cup"); "call"
# there before what is called so ("went on to call the situation "highly unusual"", not
# "went on to call for …" or "call a vote").
_SPEECH_IF.setdefault("c", []).append(rf"(?:{_went_on('c')})laim(?=\s+(?:that\b|[\"“:]))")
_SPEECH_IF["c"].append(
    rf"(?:{_went_on('c')})all(?!\s+(?:for|on|off|up|in|out)\b)(?=(?:\s+[\w'’-]+){{1,6}}\s+[\"“])"
)
# The plain "claim", "deny" and "accuse" after a plural subject ("Democrats claim the
# administration has not done enough", "The unions claim Fiat is to close …", "Ministers
# deny …", "Unions accuse Wal-Mart of …"): speech, as "say" is. Not the noun ("a tax
# claim against Yukos", "his claim that"), an act denied ("deny access", "deny Clinton the
# nomination") nor after "to" (the subject before the verb is checked in _not_speech).
_SPEECH_IF["c"].append(
    r"laim(?!\s+(?:for|against|of|was|is|were|are|has|had|form|forms|on|in|by|to|and|or"
    r"|will|would|could|may|might|upheld|thrown|struck|won|lost|heard|[a-z]+ed)\b)(?=\s+[\w\"“])"
)
_SPEECH_IF.setdefault("d", []).append(
    r"eny(?!\s+(?:access|entry|visas?|permission|bail|service|funding|benefits"
    r"|(?:him|her|them|us|me|you|[A-Z][\w'’-]*)\s+(?:the|a|an|any|his|her|their|its)\b))"
    r"(?=\s+[\w\"“])"
)
_SPEECH_IF["a"].append(r"ccuse(?=(?:\s+[\w'’.-]+){1,5}\s+of\b)")
_PLURAL_SPEECH = words("claim deny accuse")
# "agreed" speaks ("agreed that …", '"…," he agreed'), "agreed to" does not: "the US had
# agreed to release the four after "…"" is what the US did, in another's words.
_SPEECH_IF.setdefault("a", []).append(r"gree[sd](?!\s+to\b)")
# What is written reads: '"…," a BBC statement read.', "The headline reads, "…"" ("he
# read the report" is no speech): "read" after one of these words only, or before one
# with its determiner ('"…," reads the letter.', '"…," read a statement from …').
_READ_AFTER = words(
    "statement letter message note memo headline sign banner caption tweet tweets post"
    " posts email release inscription plaque placard text"
)
_SPEECH_IF.setdefault("r", []).append(
    "(?:" + "|".join(f"(?<={w} r)" for w in sorted(_READ_AFTER)) + ")eads?"
)
_SPEECH_IF["r"].append(
    r"eads?(?=\s+(?:the|a|an|its|his|her|their|one)\s+(?:[\w'’-]+\s+){0,2}(?:"
    + "|".join(sorted(_READ_AFTER))
    + r")\b)"
)
# What an inquiry finds it reports: "the report found", "The select committee found
# that …", '"…," the study finds.' ("police found a body", "he found it hard" are no
# speech): "found"/"finds" right after one of these nouns only.
_FOUND_AFTER = words(
    "report reports study studies survey surveys review inquiry investigation audit"
    " research poll committee"
)
_SPEECH_IF.setdefault("f", []).append(
    "(?:" + "|".join(f"(?<={w} f)" for w in sorted(_FOUND_AFTER)) + ")(?:ound|inds)"
)
# A court's ruling says what it finds: "The High Court ruled on Tuesday that …", "the
# Court, which ruled EU countries could not put the pact "in abeyance"" (not "ruled out",
# "ruled by", "has ruled Japan for decades", "ruled the country").
_VERBS_NOT_RULED = r"(?!(?:for|since|during|from|over|out|by)\b)"
_SPEECH_IF.setdefault("r", []).append(
    r"uled(?!\s+(?:out|over|by)\b)(?=(?:\s+" + _VERBS_NOT_RULED + r"[\w'’-]+){0,3}\s+that\b"
    r"|(?:\s+" + _VERBS_NOT_RULED + r"[\w'’-]+){1,3}\s+(?:could|would|should|must|was|were"
    r"|is|are|had|has|can|may|might|did|does)\b)"
)
# A speech verb: a lower-case one of the list, those above, or "according to"; "A…"
# verbs and "According to" also capitalised.
_VERB_WORD = _any_of(_VERB_LIST, capital={"a": ["ccording to"]}, extra=_SPEECH_IF)
_VERB_RE = re.compile(r"(?<![A-Za-z0-9_])" + _VERB_WORD + r"\b")
SPEECH_VERB_WORD = _VERB_WORD  # for other modules' patterns
# "made (it) clear that …" (:data:`_SPEECH_IF`): its tokens are common, so the cheap
# test of :func:`has_speech_verb` reads the phrase itself where only they are found.
_MADE_TOKENS = frozenset(("made", "makes", "making"))
_MADE_CLEAR_RE = re.compile(r"(?<![A-Za-z0-9_])ma(?:de|kes|king)" + _CLEAR_THAT)
# Tokens that can hold a speech verb; sentences without any skip the regex entirely.
VERB_TOKENS = with_punct(
    {*(v.split()[0] for v in _VERB_LIST), "according", "According"}
    # _SPEECH_IF
    | {
        "went",
        "goes",
        "asserted",
        "asserts",
        "asserting",
        "assured",
        "assures",
        "maintains",
        "maintained",
    }
    | {"advised", "read", "reads", "claim", "call", "Said", "put", "puts", "agreed", "agrees"}
    | {"deny", "accuse"}
    | {"found", "finds", "ruled"}
    | _MADE_TOKENS
    | _AS_VERB_FORMS
    | _PLAIN_VERBS
)  # lower-case too
_PLAIN_VERB_TOKENS = VERB_TOKENS - _MADE_TOKENS
# "M&S", "AT&T"; a particle written onto the name: "diGenova", "deGrasse".
_NAME_TOKEN_RE = re.compile(r"(?:[A-Z]|(?:d[aeiu]|l[ae])(?=[A-Z][a-z]))[\w'’.&-]*")
_TOKEN_RE = re.compile(r"\S+")
_PARTICLES = words("de da van von der den bin al la le du del dos ibn di")
_PRONOUNS = words("he she they it i we you He She They It I We You who which this that")
# Pronouns that can be resolved to a speaker, with their object forms ("according to him").
PERSON_PRONOUNS = {"he": "he", "she": "she", "they": "they", "him": "he", "her": "she"}
PERSON_PRONOUNS |= {"them": "they", "it": "it"}
# Words between a name and its verb: "Kovalenko first said", "Smith has also said".
_AUX = words(
    """
    has had have also later earlier first then previously again reportedly once further
    would will could may might just recently separately himself herself themselves itself
    did does meanwhile however nevertheless instead too now
    already always often
    """
)
# A day between a name and its verb: "Mr. Obama on Thursday said", "Ekwe late Tuesday
# told reporters", "the ministry on Monday night said".
_WEEKDAYS = frozenset(w.capitalize() for w in WEEKDAYS)
_DAY_PARTS = words("night morning afternoon evening")
_DAY_LEADS = words("on late early")
# "was told", "is said", "been asked": the subject is not the speaker.
_BE_FORMS = words("is are was were be been being get gets got")
_PROGRESSIVE_BE = words("is are was were been")
# Verbs of saying whose progressive is speech ("is writing a book", "is recalling
# 200,000 vehicles", "was adding captions" are not).
_PROGRESSIVE_SPEECH = words(
    """
    saying telling warning urging insisting arguing suggesting demanding promising
    asking calling stressing predicting explaining complaining admitting conceding
    accusing vowing
    """
)
_PREPOSITIONS_BEFORE = words("through to of for from with by in on at into about")
_OWNERS_BEFORE = words("the a an his her their its")
# Verbs whose past form followed by "to"/"by" is a passive ("urged to step down by").
_PASSIVE_PRONE = words(
    "urged asked told called warned pressed ordered advised begged recommended deemed"
) | frozenset(_AS_VERBS)
# Capitalised at the start of a sentence but never names.
_RELATIVES = words("Who Whom Whose Which")
# What may follow a surname: "Jesse Jackson Jr.", "John Roberts Sr."
NAME_SUFFIXES = words("Jr Sr II III IV")
_NOT_NAMES = (
    words(
        """
    The A An But And Or So Yet However Meanwhile In On At For From With By After Before As
    If When While Where What Why How Since Although Though Earlier Later Last Next Now Then
    Today Yesterday Some Many Most Both All Each Other Others Also Still Officials Police
    Analysts Experts Residents Witnesses Sources Critics Observers Authorities Doctors
    Researchers Scientists Investigators Prosecutors Lawmakers Reports Media Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday This That These Those There Here It He She
    They We I You His Her Their Its Our Mr Mrs Ms Dr Of Unlike Like To Than Against About
    Under Over Through During Until Despite Without Including Among Between Into Via Amid
    Updated No Not Why Is Are Was Were Will Would Can Could Should Must Has Have Had Do
    Does Did Asked Speaking Pressed Told Says Said Across Around Along Throughout Beyond
    Behind Inside Outside Within Upon Toward Towards Near Plus
    Added Adds Continued Explained Replied Insisted Noted Wrote Writes Recalled Warned
    Several Few One Two Three Four Five Users Parties Ultimately Possibly Perhaps Indeed
    Instead Finally Eventually Clearly Obviously Certainly Apparently Presumably Only Even
    Such Every Another Nobody No-one Someone Somebody Everyone Everybody Anyone Just
    Anybody
    Addressing Following Having Responding Commenting Referring Reacting Answering
    Rejecting Denying Dismissing Defending Describing Citing Noting Announcing
    Acknowledging Arguing Writing Quoting Asking Explaining Discussing Confirming
    """
    )
    | _RELATIVES
)
_ORDINALS = words("First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth")
# Capitalised counting words: "One Democrat, Representative Stephen F. Lynch" is no name.
_COUNT_WORDS = words("One Two Three Four Five Another Every Several Few Any")
# Nouns a name modifies ("the Resist Trump movement", "the Donald Trump campaign",
# "Mitt Romney supporters"): the name is no one mentioned, for "he" to stand for.
_ATTRIBUTED_NOUNS = words(
    "movement campaign administration presidency era supporters loyalists camp rally"
    " doctrine foundation impeachment inauguration voters"
)
_NEXT_LOWER_RE = re.compile(r"[ \t]+([a-z]+)\b")
# Titles and roles in front of a name: "Defense Minister Rustem Umerov" -> "Rustem Umerov".
TITLE_WORDS = words(
    """
    President Minister Secretary Spokesman Spokeswoman Spokesperson Chancellor Governor
    Senator Sen. Sens. Reps. Gov. Rep. Representative Mayor Leader General Gen. Gens. Admiral
    Colonel
    Col. Lt. Lieutenant Major Maj. Captain Capt. Sgt. Sergeant Commander Chief Director
    Chairman Chairwoman Chair CEO Ambassador Prime Premier Judge Justice Prof. Professor Dr.
    Dr Mr. Mr Mrs. Mrs Ms. Ms King Queen Prince Princess Pope Sheikh Speaker Deputy Vice
    Foreign Defense Defence Interior Finance Health Attorney Inspector Officer Adviser
    Advisor Envoy Coach Manager Analyst Economist Editor Founder Head Official Lord Lady Sir
    MP MPs MEP MSP MLA Dame Archbishop Bishop Cardinal Rabbi Imam Father Chief State
    Homeland Security
    Treasury Commerce Energy Education Agriculture Labor Transportation Veterans Housing
    Sheriff Detective Superintendent Constable Councillor Councilman Councilwoman Alderman
    Rev. Rev Reverend Pastor Whip Tem Tempore Supt Supt. Det Det. Insp Insp. Sgt Cllr Cllr.
    Cmdr Cmdr. Commissioner
    """
)
TITLE_WORDS |= frozenset(w.rstrip(".") for w in TITLE_WORDS)  # "Sen." and "Sen"
_HONORIFICS = words("Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sir Dame Lord Lady Prof Prof.")
# Honorifics before a surname ("Ms King"), and the title words that are also surnames
# ("Lord Chancellor" is no one's name).
_ADDRESS = words("Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr.")
HONORIFICS = _HONORIFICS | _ADDRESS  # for other modules: a word before a name, no name
_SURNAME_TITLES = words("King Major Prince Bishop Judge")
# Last words of organisation names, whose "titles" (Defense, Foreign ...) are not roles.
_ORG_WORDS = words(
    """
    Ministry Department Office Agency Service Council Committee Commission Party Government
    Court Army Forces Command Bank Company Corp Corp. Inc Inc. Group Union House Police
    Embassy Administration Authority Institute Center Centre Board Bureau Organisation
    Organization Cabinet Parliament Senate Congress Kremlin Pentagon Staff Directorate
    Network Association Federation Fund University College School Reserve Times Post
    Campaign Foundation Club Media News Journal Democrats Republicans Coalition Alliance
    Labour Tories Conservatives Liberals Division Trust Society Institution Unit Programme
    Program Project Commissioner Confederation
    """
)
# Last words of events, prizes and competitions: no one a pronoun stands for ("Film
# Awards", "Country Championships"); kept with the organisations.
_ORG_WORDS |= words(
    """
    Awards Award Prize Prizes Championships Championship Cup Games Olympics Open League
    Tournament Festival Conference Summit Series Show Expo Fair Week Marathon Grand Prix
    """
)
# Last words of clubs and teams ("Sheffield United", "Bristol Rovers"): no one a pronoun
# stands for, even where the article calls them by that word alone ("paired with United").
_ORG_WORDS |= words("United City Rovers Athletic Wanderers Albion Rangers Hotspur Argyle")
# Heads of common-noun speakers: "the company said", "officials said".
_COMMON_HEADS = words(
    """
    official officials spokesman spokeswoman spokesperson spokespeople company firm ministry
    government administration police department agency aide aides source sources analyst
    analysts expert experts critic critics lawmaker lawmakers legislators senator senators
    president minister secretary governor mayor chairman chairwoman director prosecutor
    prosecutors lawyer lawyers attorney attorneys researchers scientists witnesses witness
    residents group campaign committee organisation organization board
    union bank court judge leader leaders officer officers investigators authorities
    democrats republicans team manager coach spokesmen representative representatives
    diplomat diplomats military army regulator regulators economists doctors doctor
    congressman congresswoman congressmen lawyer chief executive ceo candidate nominee
    blogger bloggers commentator commentators columnist writer insider insiders voter
    voters supporter supporters protester protesters activist activists campaigner
    campaigners fan fans member members man woman men women father mother son daughter
    wife husband brother sister friend friends colleague colleagues player players worker
    workers employee employees student students teacher teachers parent parents observer
    observers correspondent reporter editor host presenter boss owner founder deputy
    assistant adviser advisor advisers advisors partner successor predecessor rival
    opponent ally allies teammate team-mate girlfriend boyfriend counterpart compatriot
    countryman speaker whip staffer staffers legislator uncle aunt cousin nephew niece
    grandfather grandmother widow widower
    bosses executives chiefs directors ministers managers coaches owners editors
    correspondents reporters judges governors mayors chairmen candidates deputies rivals
    opponents teammates team-mates
    """
)
# The people of sport, stage and business, who speak as "the striker", "the actress":
# the roles written before a name (_ROLE_NOUNS) that are a person, not an adjective
# ("star witness", "veteran game maker").
_COMMON_HEADS |= words(
    """
    actor actress singer rapper comedian striker midfielder defender goalkeeper winger
    skipper captain forward author novelist producer businessman businesswoman tycoon
    billionaire entrepreneur chef broadcaster journalist champion legend batsman bowler
    prop hooker flanker fly-half scrum-half keeper full-back fullback sprinter hurdler
    swimmer cyclist boxer golfer jockey playmaker all-rounder athlete skier rower gymnast
    skater sportsman sportswoman wrestler driver rider musician broker teenager dealer
    shopkeeper fisherman resident passenger
    """
)
# ... and of church and bench: "the archbishop said", "the chief justice asked" ("the
# Bishop" is also a title: _SURNAME_TITLES).
_COMMON_HEADS |= words(
    "archbishop cardinal priest vicar rabbi imam cleric pope justice justices judges jury"
)
# ... and of the people news quotes by what they do or what befell them: "a Republican
# strategist said", "one Bombay trader said", "a Labour backbencher has said".
_COMMON_HEADS |= words(
    """
    strategist strategists pollster pollsters consultant consultants economist trader
    traders banker bankers investor investors pundit pundits historian scientist
    researcher farmer farmers nurse nurses pilots soldier soldiers prisoner prisoners
    victim victims survivor survivors neighbour neighbours neighbor neighbors relatives
    organiser organisers organizer organizers agent agents youngster youngsters
    clergyman backbencher backbenchers peers chancellor users customers
    consumers shoppers passengers travellers viewers listeners readers delegates developers
    authors bishops scholars writers announcer cameraman
    """
)
# A role held with another or before, one word with its prefix ("The Tory co-chairman
# attacked …", "the vice-president said", "the ex-minister told"), and a parent by the
# children they have ("the mother-of-nine said"): the person the last part names.
_PREFIXED_HEADS = words(
    """
    chairman chairwoman chair president founder owner host author leader minister
    chancellor secretary captain manager coach director editor presenter producer star
    wife husband boss chief premier governor principal prime-minister
    """
)
_COMMON_HEADS |= {
    f"{prefix}-{head}"
    for prefix in ("co", "vice", "ex", "deputy", "joint")
    for head in _PREFIXED_HEADS
}
_COMMON_HEADS |= {
    f"{parent}-of-{n}"
    for parent in ("mother", "father", "grandmother", "grandfather", "mum", "dad")
    for n in words("one two three four five six seven eight nine ten eleven twelve")
}
# (Not "veteran", "relative", "pilot", "peer": as often a modifier, "The veteran game
# maker", "the relative calm", "a pilot scheme", "peer review".)
# Bodies spoken of by what they are ("the club said", "the airline added", "the
# watchdog warned"): kept as written, never a person a role or pronoun stands for.
_BODY_NOUNS = words(
    """
    company firm ministry government administration police department agency group
    campaign committee organisation organization board union bank court military army
    club clubs hospital hospitals station stations network networks channel charity
    charities council councils school schools university universities museum studio
    studios label retailer retailers insurer insurers lender lenders watchdog watchdogs
    regulator regulators carmaker carmakers automaker automakers manufacturer
    manufacturers supplier suppliers operator operators publisher publishers chain
    developer exchange party parties league federation association foundation institute
    commission inquiry tribunal panel embassy trust society service fund office giant
    giants airline airlines carrier carriers body firms companies agencies alliance
    coalition festival band cartel utility utilities
    """
)
_COMMON_HEADS |= _BODY_NOUNS
# Nouns that are plural without an "s": "police said" as "officials said", and "they"
# goes on for them.
PLURAL_NOUNS = words("police staff personnel")
# Members of a parliament, written in capitals: '"…," MPs warned', "Labour MEPs said".
_MEMBERS = frozenset({"MPs", "MEPs", "MSPs", "MLAs", "AMs"})
_COMMON_HEADS |= {m.lower() for m in _MEMBERS}
# Documents speak too ("the report said", "The ad says:"), but are no one a pronoun or a
# role stands for.
_DOCUMENT_HEADS = words(
    """
    report statement study survey letter message memo filing ad advert advertisement
    document documents release email post tweet indictment lawsuit suit complaint ruling
    affidavit petition transcript memorandum proposal magazine newspaper paper journal
    tabloid website headline sign banner caption placard note inscription minutes tweets
    statements posts emails messages guidance guidelines leaflet booklet brochure manual
    handbook resolution dossier
    """
)
_COMMON_HEADS |= _DOCUMENT_HEADS
_DETERMINERS = words(
    """
    the a an one two three four several some many other another its his her their our
    senior top most few
    """
)
# Words that end a common-noun phrase when walking back from its head.
_PHRASE_STOP = words(
    """
    and but or that which who whom when while as after before because if to of in on at
    for with by from said says told than then also not no nor so where whose what how why
    whether unless until
    """
)
_FORWARD_STOP = words(
    """
    on in at that to it this after before during when while with for by from as about he she
    they we i you his her their its our of ahead following despite amid afterwards
    yesterday today tonight recently shortly because where who which once although
    including
    """
)
# Words written before a name that are no part of it: nationalities, parties and roles
# capitalised at a sentence start ("Americans Andy Roddick", "Tory Boris Johnson",
# "Actor Michael Douglas"). Plurals are added below.
_DEMONYMS = words(
    """
    American Briton British English Englishman Scottish Scotsman Welsh Welshman Irish
    Irishman French Frenchman Spaniard Spanish German Italian Russian Swiss Swede Swedish
    Danish Dutch Dutchman Belgian Australian Aussie Kiwi Canadian Argentine
    Argentinian Brazilian Chilean Colombian Mexican Cuban Jamaican Chinese Japanese Korean
    Indian Pakistani Afghan Israeli Palestinian Iranian Iraqi Syrian Lebanese Saudi
    Egyptian Moroccan Algerian Tunisian Nigerian Kenyan Ghanaian Cameroonian Senegalese
    Ivorian Zimbabwean Croat Croatian Czech Serb Serbian Pole Polish Greek Turkish Turk
    Portuguese Norwegian Finnish Austrian Ukrainian Romanian Hungarian Slovak
    Slovenian Bulgarian Georgian Armenian European African Asian Latino Uruguayan Peruvian
    Venezuelan Ecuadorian Filipino Indonesian Thai Vietnamese Malaysian Singaporean
    """
)
# A party's member, never a name alone ("said one Democrat who opposed her").
PARTY_MEMBERS = words("Democrat Republican Tory Conservative Liberal Socialist Dem")
_PARTY_WORDS = words(
    """
    Tory Tories Labour Conservative Liberal Democrat Democratic Republican Unionist
    Nationalist Socialist Green Independent Dem GOP SNP UKIP
    """
)
_ROLE_NOUNS = words(
    """
    Actor Actress Singer Rapper Comedian Striker Midfielder Defender Goalkeeper Keeper
    Winger Skipper Forward Star Author Novelist Writer Producer Veteran Businessman
    Businesswoman Tycoon Billionaire Entrepreneur Campaigner Activist Chef Presenter
    Broadcaster Journalist Columnist Lawyer Boss Rival Champion Teammate Colleague Legend
    Former Ex Incumbent Outgoing Incoming Newly Plus Fellow Hopeful Candidate Nominee
    """
)
_MODIFIERS = _DEMONYMS | _PARTY_WORDS | _ROLE_NOUNS
# The last word of a capitalised description of one person written after "the" ("the
# Kentucky Republican", "the California Democrat", "the Tory", "the Scot"): a role the
# article gave a name before, not a name. Adjectives of a people ("British", "Chinese")
# and parties named by an adjective ("Democratic", "Green") describe no one alone;
# "the Independent" and "the Australian" are newspapers as often as people.
_PEOPLE_NOUNS = words(
    """
    Scot Scotsman Welshman Englishman Irishman Frenchman Dutchman Briton Swede
    Spaniard American Canadian Russian German Italian Israeli Palestinian
    Iranian Iraqi Syrian Afghan Pakistani Indian Mexican Brazilian Argentine Argentinian
    Belgian Austrian Ukrainian Serb Croat Pole Greek Turk Kiwi Aussie Texan Californian
    Floridian Virginian Ohioan Dubliner Londoner Glaswegian Mancunian Liverpudlian Parisian
    Muscovite Wallaby Springbok
    """
)
_EPITHET_HEADS = _PEOPLE_NOUNS | words(
    "Republican Democrat Dem Tory Conservative Liberal Socialist Unionist Nationalist"
)
_MODIFIERS |= frozenset(w + "s" for w in _DEMONYMS if not w.endswith(("sh", "ch", "ss", "ese")))


def _strip_modifiers(tokens: list[str]) -> list[str]:
    """The name without the nationality, party, role or hyphenated adjective written in
    front of it: "Americans Andy Roddick" -> "Andy Roddick", "Oscar-nominated Clive Owen"
    -> "Clive Owen" (at least one word is kept)."""
    k = 0
    while k < len(tokens) - 1:
        tok = tokens[k]
        tail = tok.rsplit("-", 1)[-1]
        if tok in _MODIFIERS or ("-" in tok and tail.isalpha() and tail.islower()):
            k += 1
        else:
            break
    if k and k == len(tokens) - 1 and tokens[k - 1] in _DEMONYMS and _company_word(tokens[k]):
        return tokens  # "British Airways", "American Airlines": one name
    return tokens[k:] if k else tokens


# Last words of a company or body named by a people's adjective ("British Gas", "Swiss
# Re", "the Scottish Executive"), besides an organisation's (_ORG_WORDS) and a transport
# network's ("Airways", "Airlines"). A surname after one is stripped of it ("American
# Dent", "Brazilian Ronaldo").
_COMPANY_TAILS = words(
    "Gas Telecom Executive Re Steel Motors Petroleum Rail Energy Power Water Aerospace"
    " Airport Airports Life Broadcasting Television Radio Telegraph"
)


def _company_word(tok: str) -> bool:
    """A word a company's or body's name ends in after a people's adjective."""
    return tok in _ORG_WORDS or tok in _COMPANY_TAILS or tok.endswith(("ways", "lines"))


_POST_NOMINALS = words("MP MEP MSP MLA QC KC AM OBE MBE CBE")
_MAX_VERBS = 8  # verbs examined per window: bounds the work on hostile input
_TRAIL = ",.;:!?)”\"’'"


_DOTTED_RE = re.compile(r"(?:[A-Z]\.)+")


def _dotted(tok: str) -> bool:
    """An initial or an abbreviation whose periods are part of it: 'J.', 'U.S.', 'U.N.'."""
    return _DOTTED_RE.fullmatch(tok) is not None


def _numbering(tok: str, nxt: str) -> bool:
    """'Ch. 4', 'No. 10', 'Vol. 2': an abbreviation and the number it names, whose
    period ends no name (and which is no one's name)."""
    return nxt[:1].isdigit() and tok[-1:] == "." and tok[:-1] in NUMBERING_ABBREVIATIONS


_PLURAL_POSSESSIVE = ("s'", "s’", "S'", "S’")  # "the Smiths' lawyer", "PBS' Jacoba Atlas"
_NAMED_BODY_ENDS = _ORG_WORDS | words("Forum Fellowship Guild League Movement Network")


def _person_next(toks: list[str]) -> bool:
    """Do ``toks`` open with a person's name of two or three words ("Jacoba Atlas", not
    "Christian Fellowship" nor "Forum"), after a plural possessive?"""
    run: list[str] = []
    for tok in toks[:4]:
        word = tok.rstrip(_TRAIL)
        if not _NAME_TOKEN_RE.fullmatch(word):
            break
        run.append(word)
        if word != tok:
            break
    return 2 <= len(run) <= 3 and run[-1] not in _NAMED_BODY_ENDS


def _clean_name(tokens: list[str]) -> str | None:
    """Drop sentence-initial function words, then everything up to the last title or
    possessive ("Ukraine's Defense Minister Rustem Umerov" -> "Rustem Umerov")."""
    if len(tokens) == 1 and tokens[0] in _DEMONYMS | _ORDINALS | PARTY_MEMBERS:
        # "the American said", "the 55-year-old Frenchman": a role ("Mr Irish" is a name);
        # "Third generation mobiles": an ordinal alone names no one ("Third Way" does).
        return None
    if len(tokens) > 1 and tokens[0] in ("The", "A", "An") and tokens[-1] in _POST_NOMINALS:
        return None  # "The Glasgow Kelvin MP": a role, not a name
    # "Ms King", "Mr Major": a surname that is a title word, after an honorific.
    addressed = len(tokens) >= 2 and tokens[-2] in _ADDRESS and tokens[-1] in _SURNAME_TITLES
    while tokens and tokens[0] in _NOT_NAMES:
        tokens = tokens[1:]
    if not tokens:
        return None
    if tokens[-1] in _ORG_WORDS:
        return " ".join(tokens)  # "South Korean Defense Ministry": keep it whole
    cut = 0
    for k, tok in enumerate(tokens[:-1]):
        owner = tok.endswith(("'s", "’s")) or (
            tok.endswith(_PLURAL_POSSESSIVE) and _person_next(tokens[k + 1 :])
        )
        if tok in TITLE_WORDS or owner:
            cut = k + 1
    tokens = _strip_modifiers(tokens[cut:])
    while len(tokens) > 1 and tokens[-1] in _POST_NOMINALS:
        tokens = tokens[:-1]  # "Paul Boateng MP"
    tokens = _from_first_name(tokens)
    name = " ".join(tokens).rstrip(".")
    if name.endswith(("'s", "’s", "s'", "s’")):
        return None  # an owner ("the Tories' call …, saying"), not the subject
    if name in TITLE_WORDS and not addressed:
        return None
    return name or None


def _from_first_name(tokens: list[str], after_of: bool = False) -> list[str]:
    """A run of three or more capitalised words starts at its last given name
    (:data:`_FIRST_NAMES`) when the words before it are roles or common words ("Guitarist
    Brian May", "Referee Graham Poll") or end a body's "of" phrase (``after_of``: "the
    District of Columbia Joseph diGenova"); "Martin Luther King", "Sonny Bill Williams",
    "K. Michael Conaway" are one name."""
    if len(tokens) < 3 or tokens[0] in _FIRST_NAMES or _dotted(tokens[0]):
        return tokens
    for k in range(len(tokens) - 2, 0, -1):  # the last: "West Virginia Joe Manchin"
        if tokens[k] in _FIRST_NAMES:
            if after_of or all(_role_word(t) for t in tokens[:k]):
                return tokens[k:]
            break
    return tokens


def _role_word(tok: str) -> bool:
    """A capitalised word that is a role or a common word, not a given name."""
    low = tok.lower()
    return "-" in tok or low in common_capitals() or is_role_noun(low) or tok in _MODIFIERS


# Verbs of speech that after "X, which" are mostly acts, unless a quotation or colon
# follows: "which continued a recent run of upbeat results", "which had asked Mr.
# Petraeus for talking points", "which calls for …".
_WHICH_ACT_RE = re.compile(r"(?:continue[sd]?|(?:ask|call)(?:s|ed)?)\b(?!\s*[,:\"“])")


def _which_body(s: str, toks: list[re.Match[str]]) -> Attribution | None:
    """The organisation a relative "which" after a comma stands for (``toks`` end with
    the word before ", which"): "Greenpeace, which said", "the Log Cabin Republicans, a
    gay men and lesbian group, which said" (past an apposition naming what it is)."""
    words_ = [t.group() for t in toks]
    words_[-1] = words_[-1].rstrip(",")  # (the comma before "which", if any)
    end = len(words_)
    if words_[-1][:1].islower():
        # An apposition of a body: back to the comma that opens it, before "a"/"the".
        head = words_[-1]
        opened = next(
            (i for i in range(end - 2, max(0, end - 9), -1) if words_[i].endswith(",")), None
        )
        if (
            head not in _BODY_NOUNS
            or opened is None
            or words_[opened + 1] not in ("a", "an", "the")
        ):
            return None
        end = opened + 1
    run = _name_run_backwards([*words_[max(0, end - 6) : end - 1], words_[end - 1].rstrip(",")])
    first = end - len(run)
    while run and first >= 2:
        # "the Confederation of British Industry", "the National Council for Adoption",
        # "the Organisation for Economic Co-operation and Development" ("and" only
        # inside a name of "of" or "for": "Microsoft and IBM" are two), "the 14th
        # Amendment to the Constitution"
        joint = (
            words_[first - 2 : first] if words_[first - 1] == "the" else words_[first - 1 : first]
        )
        if joint not in (["of"], ["for"], ["and"], ["of", "the"], ["to", "the"]):
            break
        owner = _name_run_backwards(words_[max(0, first - len(joint) - 4) : first - len(joint)])
        k = first - len(joint) - len(owner)
        if not owner or (joint == ["and"] and words_[k - 1 : k] not in (["of"], ["for"])):
            break
        run = [*owner, *joint, *run]
        first = k
    lead = words_[first - 1] if first >= 1 else ""
    if lead.isdigit() or lead in _QUANTIFIERS:
        return None  # "a letter signed by all 42 Senate Republicans, which stated": people
    name = _clean_name(run) if run else None
    if not name or name_gender(name) or name.split()[0].lower() in CALENDAR:
        return None  # a person ("Mr Smith, which"), a day or a month
    a, b = _locate(s, name, toks[first].start(), toks[end - 1].end(), backwards=True)
    return Attribution(name, a, b, "named")


_MONTH_WORDS = CALENDAR - WEEKDAYS
_DAY_NUMBER_RE = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")


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
    run.reverse()
    before = tokens[-len(run) - 1] if run and len(run) < len(tokens) else ""
    if run and run[0].lower() in _MONTH_WORDS and _DAY_NUMBER_RE.fullmatch(before):
        # "the fiscal year starting on 21 March calls for": a date names no one, though
        # a month may be a surname ("Theresa May said").
        run = run[1:]
    return run


def _locate(s: str, name: str, lo: int, hi: int, backwards: bool) -> tuple[int, int]:
    """Span of ``name`` in s[lo:hi] (the one nearest the verb); the tokens of a name are
    separated by single spaces in stored text, else matched across any whitespace."""
    i = s.rfind(name, lo, hi) if backwards else s.find(name, lo, hi)
    if i >= 0:
        return i, i + len(name)
    pattern = re.compile(r"\s+".join(re.escape(t) for t in name.split()))
    found = list(pattern.finditer(s, lo, hi))
    if not found:
        return lo, lo
    m = found[-1] if backwards else found[0]
    return m.start(), m.end()


def _preposition_object(toks: list[re.Match[str]]) -> bool:
    """Is the last of ``toks`` a preposition's object ("through the Legislature"; not
    the end of a body's name, "the Federal Bureau of Investigation")?"""
    words_ = [t.group() for t in toks[-4:-1]]
    k = len(words_) - 1
    if k >= 0 and words_[k].lower() in _OWNERS_BEFORE:
        k -= 1  # "through the Legislature"
    if k < 0 or words_[k] not in _PREPOSITIONS_BEFORE:
        return False
    return k == 0 or not words_[k - 1][:1].isupper()


def _adverb_between(words_: list[str]) -> bool:
    """Is the last of ``words_`` an auxiliary or adverb between a subject and its verb
    ("has", "also", "already", "repeatedly"; "long" after "has/have/had": "The Caribs
    have long denied", not "Sanders' team long accusing")?"""
    w = words_[-1]
    if w == "long":
        return len(words_) >= 2 and words_[-2] in ("has", "have", "had")
    return w in _AUX or (w.endswith("ly") and w.islower())


def _skip_aux(toks: list[re.Match[str]]) -> None:
    while toks:
        if _adverb_between([t.group() for t in toks[-2:]]):
            toks.pop()
        else:
            break
    day = _day_words([t.group() for t in toks[-3:]])
    if day:  # "Mr. Obama on Thursday said": the words before the day
        del toks[-day:]
        _skip_aux(toks)


_TIME_PHRASES = frozenset(
    tuple(p.split())
    for p in (
        "at the time",
        "in a statement",
        "in an interview",
        "in a tweet",
        "in a speech",
        "on Twitter",
        "last week",
        "this week",
        "last month",
        "last year",
        "this year",
        "over the weekend",
        "last weekend",
        "this weekend",
        "last night",
        "in a letter",
        "in an email",
    )
)
_TIME_PHRASE_ENDS = frozenset(p[-1] for p in _TIME_PHRASES)


def _day_words(words: list[str]) -> int:
    """How many of the last ``words`` tell a day between a name and its verb ("on
    Thursday", "late Tuesday", "on Monday night"); 0 when they end with none."""
    if words and words[-1] in _TIME_PHRASE_ENDS:
        if tuple(words[-3:]) in _TIME_PHRASES:
            return 3  # "Comey at the time said", "the firm in a statement said"
        if tuple(words[-2:]) in _TIME_PHRASES:
            return 2
    n = len(words)
    if n and words[n - 1] in _DAY_PARTS:
        n -= 1
    if not n or words[n - 1] not in _WEEKDAYS:
        return 0
    n -= 1
    if n and words[n - 1] in _DAY_LEADS:
        n -= 1
    return len(words) - n


def _char_before(s: str, i: int) -> str:
    """The last character before s[i] that is not whitespace ("" if none): what
    ``s[:i].rstrip()[-1:]`` gives, without copying everything before ``i``."""
    while i > 0 and s[i - 1].isspace():
        i -= 1
    return s[i - 1] if i > 0 else ""


def _owned_plural(before: str, head: str) -> bool:
    """'site's controllers', 'club's owners': a possessive and a lower-case plural."""
    return (
        before.endswith(("'s", "’s"))
        and before[:1].islower()
        and head.islower()
        and head.endswith("s")
        and not head.endswith("ss")
        and len(head) > 3
    )


def _plain_possessive(tok: str) -> bool:
    """A name's possessive written with the apostrophe alone: "Jones’", "Sanders'"."""
    return len(tok) > 3 and tok[:1].isupper() and tok.endswith(("s'", "s’"))


_GENERAL_ROLES = words("inspector attorney surgeon solicitor auditor postmaster")


def _described_by_people_noun(toks: list[re.Match[str]], k: int) -> bool:
    """Is toks[k] a people noun ("American", "Frenchman") right after "the" or "the" and
    an age ("the 55-year-old Frenchman")?"""
    head = toks[k].group().rstrip(_TRAIL)
    if head not in _PEOPLE_NOUNS or toks[k].group() != head or k < 1:
        return False
    if toks[k - 1].group().lower() == "the":
        return True
    return (
        k >= 2
        and _AGE_RE.fullmatch(toks[k - 1].group()) is not None
        and toks[k - 2].group().lower() == "the"
    )


def _common_back(s: str, toks: list[re.Match[str]], k: int) -> Attribution | None:
    """A common-noun phrase ending with the head token toks[k]: 'a White House spokesman'."""
    head = toks[k].group().rstrip(_TRAIL)
    if (
        head.lower() not in _COMMON_HEADS
        and not _AGE_RE.fullmatch(head)
        and not _described_by_people_noun(toks, k)
        # "the inspector general said" (not "the general election")
        and not (head == "general" and k >= 1 and toks[k - 1].group() in _GENERAL_ROLES)
        and not (
            # "the site's controllers said": people of something named before them
            k >= 1 and _owned_plural(toks[k - 1].group(), head)
        )
    ):
        return None
    if head in _MEMBERS and k >= 1 and toks[k - 1].group() in _APPOSITION_PREPOSITIONS:
        return None  # "had a "scorching" from MPs adding": those spoken to or of
    if _described_by_people_noun(toks, k):
        # "the American said", "the 55-year-old Frenchman told": one of a people, a
        # description of someone named before.
        first = k - 1 if toks[k - 1].group().lower() == "the" else k - 2
        a, b = toks[first].start(), toks[k].start() + len(head)
        return Attribution(s[a:b], a, b, "common")
    if head[:1].isupper() and head not in _MEMBERS:
        # Capitalised: a name ("Police Chief ..."), unless it opens the sentence alone.
        opens = k == 0 and (toks[k].start() == 0 or _char_before(s, toks[k].start()) in ".!?")
        if not opens or head.isupper():
            return None
    first = k
    for j in range(k - 1, max(-1, k - 9), -1):
        w = toks[j].group()
        # A body's name runs on through "of", "for" and "and" between capitalised words
        # ("a Department for Work and Pensions spokeswoman"); past four words, only it.
        in_name = (w in _ORG_JOINS or w == "and") and _capitalised_around(toks, j)
        if (
            (w[-1] in _TRAIL and not _plain_possessive(w))
            or (w.lower() in _PHRASE_STOP and not in_name)
            or w in _PRONOUNS
            or (j < k - 4 and not (in_name or w[:1].isupper() or w.lower() in _DETERMINERS))
        ):
            break
        first = j
        if w.lower() in _DETERMINERS:
            break
    lead = toks[first].group().lower()
    # A bare singular ("company said") is a headline fragment, not a speaker; a plural
    # without an "s" is none ("police said").
    if (
        lead not in _DETERMINERS
        and not head.endswith("s")
        and head.lower() not in PLURAL_NOUNS
        and first == k
    ):
        return None
    a, b = toks[first].start(), toks[k].start() + len(head)
    return Attribution(s[a:b], a, b, "common")


def _capitalised_around(toks: list[re.Match[str]], j: int) -> bool:
    """Are the words on either side of toks[j] capitalised?"""
    return 0 < j < len(toks) - 1 and toks[j - 1].group()[:1].isupper() and _capital_next(toks, j)


# A member of a house named by the post ("the Labour MP", "Frank Field MP").
MEMBER_POSTS = words("MP MEP MSP MLA AM")


def _member_back(s: str, toks: list[re.Match[str]], k: int) -> Attribution | None:
    """A member of a house named by its post, toks[k], after a determiner and at most
    two capitalised words (a party): 'the Labour MP', 'the MP' (a role, as "the MP" is)."""
    if toks[k].group() not in MEMBER_POSTS:
        return None
    for j in range(k - 1, max(-1, k - 4), -1):
        w = toks[j].group()
        if w.lower() in ("the", "a"):
            a, b = toks[j].start(), toks[k].end()
            return Attribution(s[a:b], a, b, "common")
        if not w[:1].isupper() or w[-1] in _TRAIL:
            return None
    return None


_OPENERS = words(
    """
    In On At After Before When While As Although Though Since During Despite Asked Speaking
    Pressed Earlier Later Meanwhile Instead Still Yet However Unlike Like For With Without
    Under Over Amid Following Updated Facing Responding Writing
    Shortly Soon Moments Minutes Hours Weeks Months Once Upon Across Throughout Within
    Beyond Between Among Toward Towards Until Unless Because Besides Alongside Ahead
    """
)


def _first_name_run(words_: list[str]) -> list[str]:
    """The subject's name among a clause's first words: the first run of capitalised
    words, unless it is one word and a longer run follows before any punctuation
    ("Work and pensions minister Alan Johnson said" -> Alan Johnson)."""
    runs: list[list[str]] = []
    run: list[str] = []
    for w in words_:
        core = w.rstrip(",:")
        if _NAME_TOKEN_RE.fullmatch(core) or (run and core in _PARTICLES):
            run.append(core)
        elif run:
            runs.append(run)
            run = []
        if core != w:
            break
    if run:
        runs.append(run)
    if not runs:
        return []
    # A party's or a people's words are no name either: "Lib Dem president Simon Hughes
    # branded …, for claiming" is Simon Hughes.
    modifiers = all(w in _MODIFIERS or w == "Lib" for w in runs[0])
    if (len(runs[0]) == 1 or modifiers) and words_ and words_[0].rstrip(",:") == runs[0][0]:
        longer = [r for r in runs[1:] if len(r) >= 2]
        if longer:
            # Not past a verb or a preposition: "Mido was axed by former coach Marco
            # Tardelli …" is about Mido, the name after "by" an object.
            at = words_.index(longer[0][0]) if longer[0][0] in words_ else len(words_)
            between = [w.rstrip(",:") for w in words_[len(runs[0]) : at]]
            # "to" after a verb ("Blanchett also paid tribute to the film's director
            # Martin Scorsese, telling"), not right after the first word ("Close to three
            # dozen House Democrats have signed").
            people = len(runs[0]) == 1 and is_person_noun(runs[0][0].lower())
            if people or (_RUN_BREAKS.isdisjoint(between) and "to" not in between[1:]):
                return longer[0]  # ("Women will be employed …, Prince Saud said": no name)
    return runs[0]


# Words that end a subject before a longer name (:func:`_first_name_run`): a form of
# "be" or "have", the "by" of a passive.
_RUN_BREAKS = _BE_FORMS | words("has have had by")


_SUBORDINATE = words("that which who whom whose because when while if although whether")
_ADJECTIVE_ENDS = ("ic", "an", "ish", "ese", "ian")  # "Democratic presidential hopeful"
_CLAUSE_BREAK = words("and but or that which who whom when while as if because of in on at to for")


def _aside_opens(word: str) -> bool:
    """Whether ``word`` opens an aside between a subject and its verb: a relative
    pronoun or a participle ("who is consulting", "speaking in a whisper")."""
    return word in ("who", "whose") or (word.endswith("ing") and word.isalpha() and word.islower())


# A verb of speech with its quotation right after it ('added: "', 'said, "').
_VERB_THEN_QUOTE_RE = re.compile(r"[a-z]+[,:]?\s*[\"“‘]")
_JOINED_REPORTING_RE = re.compile(
    r"(?:said|says|told|tells|insisted|insists|warned|warns|argued|argues"
    r"|claimed|claims|vowed|vows|declared|declares|admitted(?! to\b)|admits(?! to\b)"
    r"|conceded|concedes|acknowledged|acknowledges|predicted|predicts|noted|notes"
    r"|ma(?:de|kes)(?:\s+it)?\s+clear)\b"
    # A verb of naming with its quoted name a few words on ("went to CPAC and called him
    # a "relatable guy"", "… and dismissed the plan as "dead""), not "called on/for".
    r"|(?:called|calls|described|describes|dismissed|dismisses|branded|brands|dubbed"
    r"|labell?ed)(?!\s+(?:on|for|off|up|in|out)\b)(?=(?:\s+[\w'’.-]+){1,6}\s+[\"“‘])"
)


_OBJECT_CLAUSE = words("whether that if")


def _joined_subject(s: str, toks: list[re.Match[str]]) -> Attribution | None:
    """The subject of the clause ``toks`` that a verb of speech is joined to ("Grimm
    stormed back, leaned into him and said"): its sentence's (after a colon, the part
    after it), when no other name and no clause of its own come between it and the verb
    ("US Customs claimed … but his lawyer, Antony Townsden, told … and added" is no
    one's here)."""
    start = 0
    for k in range(len(toks) - 1, -1, -1):
        if toks[k].group()[-1:] in ":;":
            start = k + 1
            break
    subject = _subject(s, toks[start:])
    first = subject.name.split(" ", 1)[0] if subject is not None else ""
    if subject is None or (first.lower() in CALENDAR and not first.isupper()):
        return None  # ("Last November the AAA ordered …": no one; "DEC" is a firm)
    after = [t.group() for t in toks[start:] if t.start() >= subject.end]
    if s[subject.end : subject.end + 1] == "," and after and after[0] in _APPOSITION_OPENERS:
        # "Rahm Emanuel, the mayor of Chicago and Mr. Obama's former chief of staff,
        # joined the debate … and said", "Colin MacIntyre, of Mull Historical Society,
        # was playing …": the subject's apposition is no clause of its own.
        closing = next((j for j, w in enumerate(after) if w.endswith(",")), None)
        if closing is not None:
            after = after[closing + 1 :]
    elif (
        after
        and after[0] in _PREPOSITIONS_BEFORE_OBJECT
        and s[subject.end : subject.end + 1] != ","
    ):
        return None  # "… Jr. exchanged messages on Twitter with …": no subject of a verb
    if after and after[-1].endswith(","):
        # "Mr Strauss doubted whether Rock would make an impact, but added": a clause
        # of its own closed by the comma before the join; the verb is joined to the
        # subject's (the words before that clause are read as before).
        # Only a clause that is the verb's object ("doubted whether", "said that",
        # "asked if"), not one of time or cause ("when the host opened the envelope, and
        # declared": the host's, perhaps).
        sub = next((j for j, w in enumerate(after) if w in _SUBORDINATE), None)
        if (
            sub is not None
            and sub > 0
            and after[sub] in _OBJECT_CLAUSE
            and after[sub - 1].isalpha()
        ):
            after = after[:sub]
    # ... nor a clause of its own ("Capra was the butt of a gaffe when the host opened
    # the envelope and declared": the host's words).
    if _own_clause(after):
        return None
    return subject


# Prepositions whose object a name is ("in Zimbabwe and said": not a subject).
_PREPOSITIONS_BEFORE_OBJECT = words("with to in on at of for from by about against into over")
# Words an apposition after a subject opens with ("Emanuel, the mayor of Chicago, …").
_APPOSITION_OPENERS = words("the a an of from")
# Words after which a capitalised word is an object, not a new subject ("met with
# President Obama", "pointed to the unrest in Zimbabwe", "flashed a Cheshire Cat grin").
_OBJECT_BEFORE = _PREPOSITIONS_BEFORE_OBJECT | words(
    "under after before near a an the his her their its our"
)


def _own_clause(after: list[str]) -> bool:
    """Do the words between a subject and the verb of speech joined to it (``after``)
    hold a clause of its own: a subordinating word, or a capitalised word that may be
    another subject ("US Customs claimed … but his lawyer, Antony Townsden, told …")?
    Not a day or month, nor a name after a preposition or an article, nor the next word
    of such a name ("met with President Obama on Thursday and said")."""
    prev, allowed = "", False
    for w in after:
        bare = w.rstrip(",.;:")
        if w in _SUBORDINATE:
            return True
        if bare[:1].isupper() and bare != "I":
            allowed = (
                bare.lower() in CALENDAR
                or prev in _OBJECT_BEFORE
                or (allowed and not prev.endswith(","))
            )
            if not allowed:
                return True
        else:
            allowed = False
        prev = w
    return False


_JOIN_AUX = words("has have had also")


def _joined_verb(toks: list[re.Match[str]]) -> int | None:
    """Where the clause ends that a verb right after ``toks`` is joined to ("He paused
    and", "Vale paused, then"): the index of that "and" or "then"; None when the verb
    is not so joined."""
    k = len(toks)
    while k > 3 and toks[k - 1].group() in _JOIN_AUX:
        k -= 1  # "supports a cut and has said"
    if k < 3:
        return None
    last = toks[k - 1].group()
    before = toks[k - 2].group().removesuffix(",")
    object_name = k >= 4 and toks[k - 3].group() in _PREPOSITIONS_BEFORE_OBJECT
    if (
        last == "and"
        and before.isalpha()
        and (before[:1].islower() or before.lower() in CALENDAR or object_name)
    ):
        # "paused and", "dismissed questions about it, and", "joined the debate on
        # Monday and", "pointed to the unrest in Zimbabwe and" (not "Smith and", "the
        # mayor and": a subject)
        return k - 1
    if last == "but":
        # "The Fed did not rule out a rise in December but noted that …" (a subject
        # does not stand before "but")
        return k - 1
    if last == "then" and toks[k - 2].group().endswith(","):
        return k - 1
    return None


def _main_subject(s: str, toks: list[re.Match[str]]) -> Attribution | None:
    """The sentence's subject; when it is "it" or no name ("It came after Boehner
    publicly chided Obama …, accusing"), the main clause's last named subject."""
    subject = _subject(s, toks)
    if subject is not None and subject.name != "it":
        return subject
    return _clause_subject(s, toks) or subject


def _clause_subject(s: str, toks: list[re.Match[str]]) -> Attribution | None:
    """The last name or pronoun in the sentence that is followed by a verb-like word
    (lower case, not a preposition, not ending a phrase): the subject of the clause the
    verb of saying hangs on ("It came after Boehner publicly chided Obama on Friday …,
    accusing" -> Boehner; "Mr. Santorum did not back down, saying" -> Santorum)."""
    start = _last_sentence_start(toks)
    found: Attribution | None = None
    k = start
    while k < len(toks) - 1:
        w = toks[k].group()
        if w in _SUBORDINATE:
            break  # "… his comment that President Obama subscribed to …": not the speaker
        if w in _PRONOUNS and w.lower() in ("he", "she", "they"):
            nxt = toks[k + 1].group()
            if nxt[:1].islower() and nxt not in _CLAUSE_BREAK and nxt[-1] not in _TRAIL:
                m = toks[k]
                found = Attribution(w.lower(), m.start(), m.end(), "pronoun")
            k += 1
            continue
        if not _NAME_TOKEN_RE.fullmatch(w) or w in _NOT_NAMES:
            k += 1
            continue
        j = k
        while j + 1 < len(toks) and (
            _NAME_TOKEN_RE.fullmatch(toks[j + 1].group()) or toks[j + 1].group() in _PARTICLES
        ):
            j += 1
        if j + 1 < len(toks):
            nxt = toks[j + 1].group()
            if nxt[:1].islower() and nxt not in _CLAUSE_BREAK and nxt[-1] not in _TRAIL:
                name = _clean_name([t.group() for t in toks[k : j + 1]])
                adjective = " " not in (name or "") and (name or "").endswith(_ADJECTIVE_ENDS)
                if name and not is_organisation(name) and not adjective:
                    a, b = _locate(s, name, toks[k].start(), toks[j].end(), backwards=False)
                    found = Attribution(name, a, b, "named")
        k = j + 1
    return found


def _last_sentence_start(toks: list[re.Match[str]]) -> int:
    """The index of the token the last sentence of ``toks`` opens with: after the last
    one ending in . ! or ?, not a title's period ("Sen.") nor a middle initial's ("Senator
    Charles E. Grassley after video emerged of him warning" is one sentence)."""
    for k in range(len(toks) - 1, -1, -1):
        tok = toks[k].group()
        if tok[-1:] in ".!?" and tok not in TITLE_WORDS and not _middle_initial(toks, k):
            return k + 1
    return 0


def _middle_initial(toks: list[re.Match[str]], k: int) -> bool:
    """Is toks[k] an initial between a given name and a surname ("Charles E. Grassley")?"""
    tok = toks[k].group()
    return (
        len(tok) == 2
        and tok[0].isupper()
        and 0 < k < len(toks) - 1
        and _NAME_TOKEN_RE.fullmatch(toks[k - 1].group()) is not None
        and toks[k + 1].group()[:1].isupper()
    )


# A span of time counted at a sentence's start ("Ten minutes later, Benjamin J. Rhodes …
# offered"): an opening phrase, as "Minutes later," is.
_COUNTS = _COUNT_WORDS | words("A Six Seven Eight Nine Ten Twenty Thirty")
_TIME_UNITS = words("seconds minutes hours days weeks months years moments decades")


def _counted_time(toks: list[re.Match[str]], k: int) -> bool:
    """Do toks[k:] open with a counted span of time ("Ten minutes", "3 days")?"""
    if k + 1 >= len(toks):
        return False
    count = toks[k].group()
    return (count in _COUNTS or count.isdigit()) and toks[k + 1].group().rstrip(",") in _TIME_UNITS


def _subject(s: str, toks: list[re.Match[str]]) -> Attribution | None:
    """Who the sentence ``toks`` ends in is about: its subject, a name ('Carla Mendes
    left early, ...'), a pronoun ('He signaled he did, ...') or a common noun ('the
    senator also took a swipe at ..., ...'). A leading clause ('In the wake of the
    attack, Trump ...', 'Asked whether …, Mr. Santorum ...') is skipped."""
    start = _last_sentence_start(toks)
    while start < len(toks) and toks[start].group()[:1] in "\"“”'‘’":
        start += 1  # a quotation opening the sentence (masked): '"…," the Arsenal boss is …'
    if start >= len(toks):
        return None
    first = toks[start].group().rstrip(":,")
    if (
        first in _OPENERS
        or (first.endswith(("ed", "ing")) and first[:1].isupper())
        or _counted_time(toks, start)
    ):
        ends = (k for k in range(start, len(toks) - 1) if toks[k].group().endswith(","))
        comma = next(ends, None)
        if comma is not None:
            start = comma + 1
            later = next(ends, None)
            if (
                later is not None
                and toks[start].group() in ("a", "an")
                and any(t.group() == "and" for t in toks[start:later])
            ):
                # "After collecting a trophy, a car and a cheque, Federer addressed":
                # the opener's list runs on to its last comma.
                start = later + 1
        elif first in _OPENERS:
            # No comma after the leading phrase ("In the speech the senator also took a
            # swipe at Hillary Clinton, calling …"): a role after it is the subject, not
            # the name the sentence goes on to.
            for k in range(start + 2, min(start + 8, len(toks) - 1)):
                common = _common_back(s, toks, k)
                if common is not None and toks[k + 1].group()[:1].islower():
                    return common  # not "Earlier Tory leader Michael Howard sent"
    head = toks[start].group()
    if head in _PRONOUNS and head.lower() in PERSON_PRONOUNS:
        m = toks[start]
        return Attribution(head.lower(), m.start(), m.end(), "pronoun")
    if head.lower() in _DETERMINERS:
        for k in range(start + 1, min(start + 5, len(toks))):
            common = _common_back(s, toks, k)
            if common is not None:
                # "An All England club spokesperson": the last of the nouns in a row.
                while k + 1 < len(toks) and toks[k + 1].group()[:1].islower():
                    longer = _common_back(s, toks, k + 1)
                    if longer is None or longer.start != common.start:
                        break
                    k, common = k + 1, longer
                return _apposed_name(s, toks, k, toks[-1].end()) or common
    words_ = [t.group() for t in toks[start : start + 12]]
    while words_ and words_[0].rstrip(":,") in _NOT_NAMES and words_[0] not in _HONORIFICS:
        words_ = words_[1:]
        start += 1
    if words_ and words_[0] in ("he", "she", "they") and start < len(toks):
        # "But he aimed his fire at Republicans …, saying": the pronoun after the opening
        # conjunction is the subject, not the first name the clause goes on to.
        m = toks[start]
        return Attribution(m.group(), m.start(), m.end(), "pronoun")
    run = _first_name_run(words_)
    if len(run) == 1 and words_[0] == run[0] and start + 1 < len(toks):
        # "Administration officials described …", "Republican leaders said": people of
        # the body, not the body.
        common = _common_back(s, toks, start + 1)
        if common is not None and common.start == toks[start].start():
            # "Amanda's uncle, Lewis Champion, told …, saying": the person so described.
            return _apposed_name(s, toks, start + 1, toks[-1].end()) or common
    if len(run) == 1 and run[0] in _MODIFIERS:
        return None  # "Conservative websites are …": an adjective, no one's name
    name = _clean_name(run) if run else None
    if not name:
        return None
    a, b = _locate(s, name, toks[start].start(), toks[-1].end(), backwards=False)
    return Attribution(name, a, b, "named")


# Words a sentence may open with that begin a phrase before its subject ("In a speech
# from beneath Key Bridge, Obama told", "Asked about Boris Johnson, May said").
_OPENING_PHRASE_WORDS = words(
    "in at on after before during following despite with without from under unlike like"
    " amid among against about over beneath behind upon since while when although though"
    " asked pressed questioned quizzed"
)
_CLAUSE_START_RE = re.compile(r"(?:^|(?<=[a-z0-9]{2})[.!?]\s+|[:;]\s+|\n)[\"“‘']?(?=\S)")


def _in_opening_phrase(s: str, at: int) -> bool:
    """Is ``s[at]`` inside a phrase its sentence opens with before the subject: the
    sentence's first word a preposition, a participle ("Wearing", "Addressing") or
    "Asked", and no comma before ``at``?"""
    start = 0
    for m in _CLAUSE_START_RE.finditer(s, 0, at):
        start = m.end()
    lead = s[start:at]
    if "," in lead or not lead:
        return False
    first = lead.split(None, 1)[0]
    low = first.lower()
    return first[:1].isupper() and (
        low in _OPENING_PHRASE_WORDS or (low.endswith("ing") and low.isalpha() and len(low) > 4)
    )


def _person_before_apposition(
    s: str, att: Attribution, lo: int, role_only: bool = False
) -> Attribution:
    """The person a role or affiliation right before the verb belongs to: "Michael
    Lamberty, a Lufthansa spokesman told", "Colin Asplin, Blackpool Hotel Association
    said", "Howard Archer, economist at Global Insight said" -> the person."""
    head_lo = max(lo, att.start - 60)
    head = s[head_lo : att.start]
    # The pattern ends ", " or "<preposition> " at the verb's subject: check that first.
    m = _APPOSED_PERSON_RE.search(head) if head.endswith(_APPOSED_ENDS) else None
    body = is_organisation(att.name) or _body_noun_before(s, att.start)
    if m is None and not role_only and body:
        # The body named at the end of a longer role: "Rabbi Marvin Hier, founder of
        # Jewish human rights group the Simon Wiesenthal Center said", "JF Sullivan,
        # spokesman for e-mail software firm Sendmail said" (a body noun before it).
        head_lo = max(lo, att.start - 120)
        head = s[head_lo : att.start]
        m = _APPOSED_ROLE_OF_RE.search(head)
    if m is None or (role_only and m.group(2) is None):
        return att  # "Asked about Boris Johnson, Theresa May said": May
    if _PREPOSITION_BEFORE_RE.search(head, 0, m.start(1)):
        # "… to sell planes to Air China, the radio station reported", "in a response
        # to Labour MP Gordon Prentice, the government said": a preposition's object.
        return att
    if _in_opening_phrase(s, head_lo + m.start(1)):
        # "Wearing a frock by the designer Alexander McQueen, Miller told", "Asked about
        # Tony Blair, Brown said": the name is inside the phrase the sentence opens with;
        # the one after its comma is the subject.
        return att
    name = _clean_name(m.group(1).split())
    if not name or " " not in name or is_organisation(name):
        return att
    a = head_lo + m.start(1)
    a, b = _locate(s, name, a, att.start, backwards=False)
    return Attribution(name, a, b, "named")


def _owner_of_object(
    s: str, toks: list[re.Match[str]], att: Attribution, lo: int
) -> Attribution | None:
    """Who speaks when the common noun right before the verb is a preposition's
    object: "the mother of the victim said" -> that whole phrase ("one of the officials
    said" -> the officials); "Howard Archer, economist at the bank, said" -> the person;
    "A spokesman for the club said" -> that whole phrase; "United's statement to the
    stock exchange said" -> the document; "a statement from the Democratic committee
    said", "the statement released by each office said" -> its author; no one when
    nothing before it speaks ("During a visit to the hospital said": a clause lost its
    subject); else the common noun itself."""
    person = _person_before_apposition(s, att, lo)
    k = next((j for j, t in enumerate(toks) if t.start() == att.start), 0)
    if k >= 3 and toks[k - 1].group() in ("and", "or") and toks[k - 3].group() == "of":
        k -= 2  # "a committee of MPs and peers": the object is both
    preposition = toks[k - 1].group() if k else ""
    if person is att and preposition == "of":
        # "The mother of the victim said", "a committee of MPs and peers has warned": the
        # whole phrase; "One of the officials", "some of the residents": the object.
        owner = _common_back(s, toks, k - 2) if k >= 2 else None
        if owner is None or toks[k - 2].group()[:1].isupper():
            # "Gavin Cox of the excellent buildyourown.org.uk website said": the person.
            return (_full_name_before(s, toks[: k - 1]) if k >= 3 else None) or att
        return Attribution(s[owner.start : att.end], owner.start, att.end, "common")
    if person is not att or preposition not in _APPOSITION_PREPOSITIONS:
        return person
    authored = preposition in ("by", "from")
    before = _common_back(s, toks, k - 2) if k >= 2 else None
    if before is None or is_document(before.name.rsplit(" ", 1)[-1]):
        return att if authored else before
    return Attribution(s[before.start : att.end], before.start, att.end, "common")


def _full_name_before(s: str, toks: list[re.Match[str]]) -> Attribution | None:
    """A person's full name ending ``toks`` (not an organisation's)."""
    run = _name_run_backwards([t.group() for t in toks[-6:]])
    name = _clean_name(run) if len(run) >= 2 else None
    if not name or " " not in name or is_organisation(name):
        return None
    a, b = _locate(s, name, toks[-len(run)].start(), toks[-1].end(), backwards=True)
    return Attribution(name, a, b, "named")


# A preposition among the few words before a name (its capitalised role aside).
_PREPOSITION_BEFORE_RE = re.compile(
    r"\b(?:to|for|with|from|by|against|at|in|on|of)(?: the)?(?: [A-Z][\w'’.-]*){0,3} \Z"
)
# A person's name and a comma, then a role ("economist at", "a ... spokesman") or an
# organisation, right before the verb's subject.
_APPOSED_ENDS = (", ", " at ", " of ", " for ", " from ")
_APPOSED_PERSON_RE = re.compile(
    r"(?:^|(?<=[\s(\"“]))([A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|(?:de|van|von|bin|al)\b)){1,3}), "
    r"((?:[a-z][\w-]* ){0,4}(?:at|of|for|from) )?\Z"
)


# A body noun right before a name: "software firm Sendmail", "producers' cartel Opec".
_BODY_NOUN_BEFORE_RE = re.compile(r"(?<![\w-])([a-z]+) \Z")
# A person's name, a comma, a role ending in a preposition and the body's description
# (no comma, no sentence end) right before an organisation's name.
_APPOSED_ROLE_OF_RE = re.compile(
    r"(?:^|(?<=[\s(\"“]))([A-Z][\w'’.-]*(?: (?:[A-Z][\w'’.-]*|(?:de|van|von|bin|al)\b)){1,3}), "
    r"((?:[a-z][\w-]* ){0,3}(?:at|of|for|from) (?:[\w'’&-]+ ){0,6})\Z"
)


# Before a name in an apposition, a preposition makes it the place or body of the role
# ("MP for Henley-on-Thames"); "of" is read below ("Paul Ryan of Wisconsin").
_ASIDE_RE = re.compile(
    r"(?<=\w),\s+(?:though|however|meanwhile|too|also|instead|in turn|for (?:his|her|their|its)"
    r" part),\s+\Z"
)
# A document's source set off by commas right before its verb: "The letter, from the
# Home Office, says", "the report, by White House Counsel Robert Bauer, concluded", "The
# statement, issued by the Pentagon, said" (groups: the noun, the two commas).
_SOURCE_ASIDE_RE = re.compile(
    r"\b[Tt]he (?:[\w-]+ ){0,2}?([a-z]+)(,) (?:from|by|(?:issued|written|signed|published|sent)"
    r" by) [^,.;:!?\"“”]{3,80}(,) \Z"
)
# What a document is about, between it and its verb: "report on the 20 biggest projects
# says", "survey of 280 schemes by IDS said" (group 1; a "by"/"from"/"for" phrase after
# it names the author or client and is kept). Not "a report in the Sunday Telegraph
# claims" (the paper's), "a statement in which he said", "its own report on CSOs which
# it describes as" (a clause of its own).
_DOCUMENT_TAIL_RE = re.compile(
    r"\b(?:report|study|survey|poll|review|inquiry|audit|analysis|research|paper|letter"
    r"|statement|memo|dossier)s?( (?:on|of|into|about) (?:(?!(?:by|from|for|which|that|who"
    r"|whom|where|it|he|she|they|we)\b)"
    r"[\w'’.%/&-]+ ){1,8}?)(?:(?:by|from|for) [^,.;:!?\"“”()]{2,60}? )?\Z"
)
# An aside set off by dashes right before a verb: the first dash after a word, words
# without a dash, a comma or a sentence end, the closing dash.
_DASHES = "—–-"
# (No comma: "the 10th Circuit, in Denver — Deanell Reece Tacha, appointed by …, and
# Robert Harlan Henry … — praised" names the subject there.)
_DASH_ASIDE_RE = re.compile(r"(?<=\w) (?:—|–|--?) [^—–.,!?;:\"“”]{3,150}? (?:—|–|--?) \Z")
_QUANTIFIERS = words("some many others most several few all both")
# Verbs that put words in another's mouth "as saying": "AP quoted …", "Reuters reported
# BaFin as saying", "the paper cited officials as saying" (the one named speaks).
_QUOTED = words("quoted quotes quoting reported reports reporting cited cites citing")


def _quoted_as(s: str, toks: list[re.Match[str]]) -> Attribution | None:
    """'AP quoted prosecutor Russell McGuire as saying' -> Russell McGuire; 'Smith was
    quoted as saying' -> Smith (``toks`` end with "as")."""
    for k in range(len(toks) - 2, max(-1, len(toks) - 9), -1):
        if toks[k].group() not in _QUOTED:
            continue
        between = toks[k + 1 : -1]
        if between and between[0].group() in ("in", "by", "on", "at"):
            between = []  # "was quoted in The Hill as saying": a source, not the speaker
        if not between:  # "was quoted as saying": the subject
            return _apposed_subject(s, toks[:k]) or _main_subject(s, toks[:k])
        word = between[-1].group()
        if len(between) == 1 and word.lower() in PERSON_PRONOUNS:
            m = between[-1]
            return Attribution(word.lower(), m.start(), m.end(), "pronoun")
        run = _name_run_backwards([t.group() for t in between])
        name = _clean_name(run) if run else None
        if name:
            a, b = _locate(s, name, between[0].start(), between[-1].end(), backwards=True)
            return Attribution(name, a, b, "named")
        return _common_back(s, toks, len(toks) - 2)
    return None


_APPOSITION_PREPOSITIONS = words("for at in from with on by near to")
_PASSIVE_AUX = words("was is were are been has have had being")


def _apposed_subject(s: str, toks: list[re.Match[str]]) -> Attribution | None:
    """The full name set off by commas right before the auxiliary ``toks`` end with:
    "The EU's Humanitarian Aid Commissioner, Louis Michel, was" -> Louis Michel (a
    role, capitalised or not, then the person it is)."""
    j = len(toks)
    while j > 0 and toks[j - 1].group() in _PASSIVE_AUX:
        j -= 1
    if j < 3 or j == len(toks) or not toks[j - 1].group().endswith(","):
        return None
    words_ = [t.group() for t in toks[:j]]
    words_[-1] = words_[-1][:-1]
    run = _name_run_backwards(words_)
    if not run or len(run) >= len(words_) or not words_[-len(run) - 1].endswith(","):
        return None
    name = _clean_name(run)
    if not name or " " not in name or is_organisation(name):
        return None
    a, b = _locate(s, name, toks[j - len(run)].start(), toks[j - 1].end(), backwards=True)
    return Attribution(name, a, b, "named")


# A share of people as a verb's subject: "Three-quarters said", "Most have said", "14%
# said", "half of those asked say". (Not a participle: "with some saying" is no one's.)
_SHARE = (
    r"(?:[Hh]alf|[Mm]ost|[Mm]any|[Ss]ome|[Ss]everal|[Ff]ew"
    r"|(?:(?:[Oo]ne|[Aa]|[Tt]wo|[Tt]hree) |[A-Za-z]+-)?(?:thirds?|quarters?|fifths?|tenths?)"
    r"|\d+(?:\.\d+)?(?:%| per ?cent))"
    r"(?: of (?:them|us|those(?: [a-z]+)?|the [a-z]+(?: [a-z]+)?))?"
)
_SHARE_RE = re.compile(_SHARE)
_SHARE_BEFORE_RE = re.compile(
    rf"(?<![\w'’%-])({_SHARE})"
    r"(?: (?:has|have|had|also|already|always|often|long|[a-z]+ly))*\s+\Z"
)


def _share_before(s: str, v: int) -> Attribution | None:
    """The share of people that is the subject of the verb at ``v``, as written: a group
    no one names, so that a name after it is in what they said ("Three-quarters said Mr
    Blunkett was right … - whom he says he fathered" is none of Blunkett's)."""
    m = _SHARE_BEFORE_RE.search(s, max(0, v - 60), v)
    if m is None or s[v : v + 12].split()[0] in _NAMING_VERBS:  # "half deemed "essential""
        return None
    return Attribution(m.group(1), m.start(1), m.end(1), "common")


# A relative aside opened by a comma and ended by a masked quotation right before the
# verb, with no comma of its own: ', who appeared on "Qqqq" ' (the comma was inside).
_ASIDE_QUOTE_END_RE = re.compile(r",\s+(?:who|which)\s[^,;:\"“”]{1,120}[\"“]Qq*[\"”]\s\Z")


def _speaker_before(
    s: str, v: int, participle: bool = False, floor: int = 0
) -> tuple[Attribution | None, bool]:
    """Who is named right before the verb at ``v``: (attribution, passive).
    ``participle``: the verb is an -ing form ("saying"), which after a comma takes the
    sentence's subject. Nothing before ``floor`` (nor 240 characters before) is read."""
    closing = _ASIDE_QUOTE_END_RE.search(s, max(0, v - 160), v)
    if closing is not None:
        # "Gillibrand, who announced her bid on "The Late Show," said": the comma closing
        # the aside was inside the masked quotation; its closing mark is read as that
        # comma (the offsets kept).
        m = closing.end() - 2
        return _speaker_before(s[:m] + "," + s[m + 1 :], v, participle, floor)
    tail = _DOCUMENT_TAIL_RE.search(s, max(0, v - 120), v)
    if tail is not None and not _in_opening_phrase(s, tail.start()):
        # (Not "In its report on the council's work the committee said": the committee.)
        # "A National Audit Office report on the 20 biggest projects says", "A survey of
        # 280 schemes by IDS said": read as "A … report says", "A survey by IDS said"
        # (the document's subject matter blanked, the offsets kept).
        a, b = tail.span(1)
        return _speaker_before(s[:a] + " " * (b - a) + s[b:], v, participle, floor)
    share = None if participle else _share_before(s, v)
    if share is not None:
        return share, False
    if not participle:
        # Fast path on a short window: most verbs follow a word that names no one ("the
        # ministry's report said", "it was said"), settled without tokenising 240 chars.
        near = s[max(0, v - 48) : v].split()
        while near and _adverb_between(near):
            near.pop()
        day = _day_words(near[-3:])
        if day:
            del near[-day:]
        if near:
            w = near[-1]
            if (
                w[:1].islower()
                and w[1:3].lower() == w[1:3]  # not a name such as "diGenova"
                and w not in _PRONOUNS
                and w.lower() not in _BE_FORMS
                and w not in ("to", "and", "but")
                and w[-1] not in _TRAIL
                and w.lower() not in _COMMON_HEADS
                and not (len(near) >= 2 and _owned_plural(near[-2], w))
                and not (w == "general" and len(near) >= 2 and near[-2] in _GENERAL_ROLES)
            ):
                return None, False
    aside = _ASIDE_RE.search(s, max(0, v - 40), v) if s[v - 2 : v - 1] == "," else None
    if aside is not None:
        # "A campaign aide, though, said": the aside set off by commas is no subject.
        return _speaker_before(s, aside.start(), participle, max(floor, v - 240))
    source = _SOURCE_ASIDE_RE.search(s, max(0, v - 120), v) if s[v - 2 : v - 1] == "," else None
    if source is not None and source.group(1).lower() in _DOCUMENT_HEADS:
        # "The letter, from the Home Office, says": as "the letter from the Home Office
        # says" (the commas read as spaces, the offsets kept).
        a, b = source.start(2), source.start(3)
        unset = s[:a] + " " + s[a + 1 : b] + " " + s[b + 1 :]
        return _speaker_before(unset, v, participle, floor)
    aside = _DASH_ASIDE_RE.search(s, max(0, v - 160), v) if s[v - 2 : v - 1] in _DASHES else None
    if aside is not None:
        # "Smith — who had long opposed the bill — said": the aside set off by dashes is
        # no subject. It may close an apposition as a comma would ("Jerrold Nadler, the
        # chairman of the House Judiciary Committee — where any impeachment inquiry must
        # begin — said"): read so first (the offsets kept), then as if it were not there.
        a = aside.start()
        closed = _speaker_before(s[:a] + "," + " " * (v - a - 1) + s[v:], v, participle, floor)
        if closed[0] is not None:
            return closed
        return _speaker_before(s, a, participle, max(floor, v - 240))
    lo = max(0, v - 240, floor)
    toks = list(_TOKEN_RE.finditer(s, lo, v))
    if toks and lo > 0 and toks[0].start() == lo and not s[lo - 1].isspace():
        toks = toks[1:]  # the window cut this token in half
    joined = _joined_verb(toks)
    if joined is not None and (_VERB_THEN_QUOTE_RE.match(s, v) or _JOINED_REPORTING_RE.match(s, v)):
        # 'He paused and added: "…"', 'Vale paused, then added: "…"': the verb's subject
        # is the clause's it is joined to (only with the quotation right after it: "Tea
        # party organizers disputed claims … and called on" names no "Tea"; or a plain
        # verb of saying: "Blair dismissed questions …, and said his statement had been a
        # "fair summary"").
        return _joined_subject(s, toks[:joined]), False
    _skip_aux(toks)
    if not toks:
        return None, False
    last = toks[-1].group()
    if (
        participle
        and last.lower() in _PROGRESSIVE_BE
        and len(toks) >= 2
        and s[v : v + 12].split()[0] in _PROGRESSIVE_SPEECH
    ):
        # "Mr Trump is saying", "Senators are now calling for": the subject of the
        # progressive speaks, as of the plain verb; not a preposition's object ("Some
        # senators who pushed the bill through the Legislature are now calling": the
        # sentence's subject).
        toks.pop()
        _skip_aux(toks)
        if not toks:
            return None, False
        if _preposition_object(toks):
            return _main_subject(s, toks), False
        participle = False
        last = toks[-1].group()
    if last.lower() in _BE_FORMS:
        return None, True
    if last in _PRONOUNS:
        if last.lower() == "who" and (_set_off(toks) or _named_before_who(s, toks)):
            who = _before_who(s, toks, direct=True)
            if who is not None:
                return who, False
            toks = toks[:-1]  # no one named before it: what comes before is read on
        elif last == "which" and len(toks) >= 2 and toks[-2].group().endswith(","):
            if _WHICH_ACT_RE.match(s, v):
                return None, False  # "Costco, which continued a run of results": no speech
            return _which_body(s, toks[:-1]), False
        elif last == "which" and len(toks) >= 3 and _dash(toks[-2]):
            # set off by a dash as by a comma: "the European Court of Justice - which
            # ruled …"
            if _WHICH_ACT_RE.match(s, v):
                return None, False
            return _which_body(s, toks[:-2]), False
        else:
            kind = PERSON_PRONOUNS.get(last.lower())
            if kind is None:
                return None, False
            m = toks[-1]
            return Attribution(last.lower(), m.start(), m.end(), "pronoun"), False
    last_tok = toks[-1].group()
    if participle and last_tok == "as":
        quoted = _quoted_as(s, toks)
        if quoted is not None:
            return quoted, False
    if participle and last_tok[:1].islower() and last_tok[-1] not in _TRAIL:
        if last_tok in _QUANTIFIERS:
            return None, False  # "with some saying": no one in particular
        # "… and one blogger asking": the person before the participle speaks.
        if is_person_noun(last_tok):
            common = _common_back(s, toks, len(toks) - 1)
            if common is not None:
                return common, False
    # After a comma (or a quotation, whose comma is masked): "Mendes left early, saying",
    # '… a “phony theology,” saying'; or straight after the object: "Romney released a
    # statement late Tuesday saying: …". The subject of the clause speaks.
    if participle and (
        last_tok.rstrip("”\"’'").endswith(",")
        or last_tok.endswith(("”", '"'))
        or (last_tok[:1].islower() and last_tok not in _PRONOUNS)
    ):
        if (
            len(toks) >= 3
            and last_tok.endswith(",")
            and last_tok[:-1] in _VERB_LIST
            and toks[-3].group().endswith(",")
            and toks[-2].group().lower() in PERSON_PRONOUNS
        ):
            # "Mr Blair has failed, he claimed, saying …": the one reporting, set off by
            # commas, not the subject of what is reported.
            m = toks[-2]
            return Attribution(m.group().lower(), m.start(), m.end(), "pronoun"), False
        # "Vicente Fox – who went on a tear declaring …": the relative clause's subject.
        at = _relative_clause_start(toks)
        who = _before_who(s, toks[: at + 1]) if at is not None else None
        return who or _main_subject(s, toks), False
    if participle and _object_name_before(toks):
        # "Mr Hockney also left UKIP saying …": the name is the object of the verb before
        # it; the sentence's subject speaks (not after a preposition: "with Tom Smith
        # saying" is Smith).
        return _main_subject(s, toks), False
    if last_tok == "to" and len(toks) >= 2:
        # "Biden was quick to retort: …", "Trump went on to say": the subject.
        return _main_subject(s, toks[:-1]), False
    if not toks[-1].group().endswith(","):
        common = _common_back(s, toks, len(toks) - 1)
        if common is not None:
            return _owner_of_object(s, toks, common, lo), False
    last = toks[-1].group()
    if not last.endswith(",") and not _NAME_TOKEN_RE.fullmatch(last):
        return None, False
    pre = [t.group() for t in toks]
    if pre[-1].endswith(","):
        # "the mayor of Lyon, Gregoire Duval, said": the apposition is the name itself.
        seg: list[str] = []
        for tok in reversed(pre):
            if seg and tok.endswith(","):
                break
            seg.append(tok.rstrip(","))
        seg.reverse()
        if len(seg) < len(pre) and all(_NAME_TOKEN_RE.fullmatch(w) or w in _PARTICLES for w in seg):
            name = _clean_name(seg)
            # One word is a place as often as a name ("MP for Henley, Oxfordshire, said").
            if name and (" " in name or seg[0] in _HONORIFICS):
                a, b = _locate(s, name, lo, v, backwards=True)
                return Attribution(name, a, b, "named"), False
        affiliated = _affiliated_after_quote(s, toks)
        if affiliated is not None:
            return affiliated, False
        # Appositive: "Lisa O. Monaco, Obama's adviser on homeland security, said". The
        # apposition may hold commas itself: try the commas before, nearest first, and
        # take the first one preceded by a name that is no preposition's object ("MP for
        # Henley-on-Thames, Oxfordshire,": not Henley).
        for k in range(len(pre) - 2, max(-1, len(pre) - 40), -1):
            if not pre[k].endswith(","):
                continue
            cand = [*pre[:k], pre[k].rstrip(",")]
            run = _name_run_backwards(cand)
            before = cand[-len(run) - 1] if run and len(run) < len(cand) else ""
            if before == "for" and len(cand) > len(run) + 1:
                # "a spokesman for Unison, …": the spokesman (below); "MP for Henley": no.
                before = "" if cand[-len(run) - 2].lower() in _COMMON_HEADS else "for"
            if run and _object_in_apposition(cand, run):
                # "…, a founder of the conservative House Freedom Caucus, asked if …,
                # said": the body a role belongs to, inside a longer apposition.
                continue
            if run and before.islower() and cand[-len(run) - 2 :][:1] == ["to"]:
                # "Elliott Maynard, a Republican trying to unseat Representative Nick J.
                # Rahall II, a Democrat, …, said": the infinitive's object.
                continue
            if run and before not in _APPOSITION_PREPOSITIONS and _clean_name(list(run)):
                pre = cand
                break
            if not run and k + 1 < len(toks) and _aside_opens(pre[k + 1]):
                # "The MP, who is consulting his lawyers, told", "The congressman,
                # speaking in a whisper, said": the role (resolved later).
                common = _common_back(s, toks, k)
                if common is not None:
                    return common, False
        else:
            return None, False
    run = _name_run_backwards(pre)
    k = len(pre) - len(run)
    name: str | None
    start = k  # where the name's run begins in ``pre``
    body = _organisation_back(pre, k) if run else None
    if body is not None and not _after_preposition(pre, body):
        # "the Office for National Statistics said", "the Association of Directors of
        # Social Services said": the body, not the words after its last "of" or "for".
        start = body
        name = " ".join(pre[body:]).rstrip(_TRAIL)
        a, b = _locate(s, name, lo, v, backwards=True)
        return Attribution(name, a, b, "named"), False
    # "Sen. Susan Collins of Maine said": the person, not the place; but "Bank of
    # England said" is one organisation. "Roger Pilon of the Cato Institute said": the
    # person too (an organisation "of the …" keeps the run, as before).
    of_at = k - 2 if k >= 3 and pre[k - 1] == "the" else k - 1
    if run and of_at >= 1 and pre[of_at] == "of":
        first = _name_run_backwards(pre[:of_at])
        person = _from_first_name(run, after_of=True)
        if len(person) < len(run):
            # "attorney for the District of Columbia Joseph diGenova said": the person
            # after the place.
            name, start = _clean_name(person), len(pre) - len(person)
        elif first and first[-1] in TITLE_WORDS and not _surname_title(first):
            name = _clean_name(run)  # "Secretary of State Mike Pompeo"
        elif first and of_at == k - 1:
            name = _clean_name([*first, "of", *run] if first[-1] in _ORG_WORDS else first)
            start = of_at - len(first)
        elif first and first[-1] not in _ORG_WORDS and (person := _clean_name(first)):
            name, start = person, of_at - len(first)
        else:
            name = _clean_name(run)
    elif run and k >= 2 and pre[k - 1] == "for":
        # "a spokesman for Smith said": the spokesman speaks; "the Labour MP for
        # Birkenhead asked": the member (a role, as "the MP" is), not the place.
        member = _member_back(s, toks, k - 2)
        if member is not None:
            return member, False
        common = _common_back(s, toks, k - 2)
        if common is not None:
            end = toks[len(pre) - 1].start() + len(pre[-1].rstrip(_TRAIL))
            return Attribution(s[common.start : end], common.start, end, "common"), False
        name = _clean_name(run)
    else:
        # "the Salford MP told": a member for a place, a role as "the MP" is.
        member = _member_back(s, toks, len(pre) - 1) if run and run[-1] in MEMBER_POSTS else None
        if member is not None:
            return member, False
        name = _clean_name(run)
        if name is None and not participle:
            name = _possessive_body(pre, s, v)
            start = len(pre) - len(name.split(" ")) if name else start
    if not name:
        return None, False
    a, b = _locate(s, name, lo, v, backwards=True)
    att = Attribution(name, a, b, "named")
    # (Not when a title starts the name inside the run: "to the Foreign Policy Centre Mr
    # Straw said" names Straw.)
    titled = any(w in TITLE_WORDS or w in _HONORIFICS for w in pre[start : len(pre) - 1])
    if run and not titled and _after_preposition(pre, start):
        return _person_before_object(s, toks, pre, start, att, lo), False
    if is_organisation(name) or " " not in name or _body_noun_before(s, a):
        return _person_before_apposition(s, att, lo), False
    return _person_before_apposition(s, att, lo, role_only=True), False


# "It's said", "That's": a contraction, no body's name.
_CONTRACTED = words("It That There What Here Who He She Where Let")
# Finite verbs of speech only: "Rubio's claims", "Syria's alleged role", "Mr Blair's
# reported treaty" are an owner's noun or adjective.
_POSSESSIVE_VERB_RE = re.compile(
    r"(?:said|says|added|adds|warned|warns|announced|told|tells|stated|insisted|insists"
    r"|argued|argues|admitted|confirmed|denied|explained)\b"
)


def _possessive_body(pre: list[str], s: str, v: int) -> str | None:
    """A one-word name written with "'s" right before a finite verb of speech
    ("Moody's said", "Sainsbury's warned", "Standard & Poor's said"): no owner, since a
    possessive needs a noun after it, so a body's name, its "'s" kept. Not "X's said to"
    (a passive "is said to"), nor a name of several words ("Gordon Brown's said": a
    person's "has said"), nor a given name's."""
    last = pre[-1]
    base = last[:-2]
    if not last.endswith(("'s", "’s")) or not _NAME_TOKEN_RE.fullmatch(last) or len(base) < 2:
        return None
    if base in _CONTRACTED or base in _FIRST_NAMES or base in TITLE_WORDS:
        return None
    if not _POSSESSIVE_VERB_RE.match(s, v) or re.match(r"\S+\s+to\b", s[v:]):
        return None
    if len(pre) >= 3 and pre[-2] == "&" and _NAME_TOKEN_RE.fullmatch(pre[-3]):
        return f"{pre[-3]} & {last}"
    if len(pre) >= 2 and _NAME_TOKEN_RE.fullmatch(pre[-2]) and pre[-2] not in _NOT_NAMES:
        return None
    return last


def _body_noun_before(s: str, at: int) -> bool:
    """Is the word before ``at`` a body noun, making what follows a body's name
    ("research firm Global Insight", "software firm Sendmail")?"""
    noun = _BODY_NOUN_BEFORE_RE.search(s, max(0, at - 30), at)
    return noun is not None and noun.group(1) in _BODY_NOUNS


# Verbs of leaving, joining or leading a body ("left UKIP", "joined the Tories").
_MEMBERSHIP_VERBS = words("left leaves quit quits joined joins founded founds led leads")


_PASSED_THROUGH = words("through via")


# A word of writing or praise, then the preposition before the one it is addressed to.
_ADDRESSED_BEFORE = frozenset(
    [(w, "to") for w in words("wrote written write writes writing tribute")]
    + [(w, "on") for w in words("praise praises praised")]
)


def _object_name_before(toks: list[re.Match[str]]) -> bool:
    """Do ``toks`` end with capitalised words (no punctuation) right after a verb that
    takes them as its object ("left UKIP", "quit the Labour Party")?"""
    k = len(toks) - 1
    while k >= 0 and toks[k].group()[:1].isupper() and toks[k].group()[-1] not in _TRAIL:
        k -= 1
    if k == len(toks) - 1 or k < 0:
        return False
    if toks[k].group() in ("the", "The") and k > 0:
        k -= 1
    # Or the channel the act went through ("issuing a statement through Arsenal
    # describing"); not its source ("a letter from Mr Smith saying") nor the one it went
    # with ("with Tom Smith saying"): those speak.
    if toks[k].group() in _MEMBERSHIP_VERBS or toks[k].group() in _PASSED_THROUGH:
        return True
    # Or the one written to or praised: "Ms Sturgeon has written to Mr McConnell asking",
    # "heaped praise on Mr Brown saying", "paid tribute to Jane Smith saying" (not "in
    # response to Mr Smith saying", "objected to Smith saying": Smith's words).
    return k > 0 and (toks[k - 1].group().lower(), toks[k].group()) in _ADDRESSED_BEFORE


def _dash(tok: re.Match[str]) -> bool:
    """Is ``tok`` a dash standing alone ("–", "—", "-", "--")?"""
    t = tok.group()
    return (len(t) == 1 and t in _DASHES) or t == "--"


def _set_off(toks: list[re.Match[str]]) -> bool:
    """Whether ``toks`` end with "who" set off by a comma or a dash ("Smith, who",
    "Fox – who")."""
    return len(toks) >= 2 and (toks[-2].group().endswith(",") or _dash(toks[-2]))


def _named_before_who(s: str, toks: list[re.Match[str]]) -> bool:
    """Whether ``toks`` end with "who" right after a person's full name or an
    organisation's, no comma between ("Iris director Sir Richard Eyre who called …"): a
    name's relative clause is set off however it is written (not "American Indians who
    claimed": a people)."""
    if len(toks) < 3 or not all(
        _NAME_TOKEN_RE.fullmatch(t.group()) is not None and t.group()[-1] not in _TRAIL
        for t in toks[-3:-1]
    ):
        return False
    who = _before_who(s, toks, direct=True)
    return who is not None and (
        (" " in who.name and _person_part(who.name)) or is_organisation(who.name)
    )


def _relative_clause_start(toks: list[re.Match[str]]) -> int | None:
    """The index of a set-off "who" among the last few of ``toks`` with no punctuation
    after it: a relative clause runs on to the verb ("Fox – who went on a tear")."""
    for j in range(len(toks) - 2, max(0, len(toks) - 8), -1):
        if toks[j].group()[-1] in _TRAIL:
            return None
        if toks[j].group() == "who":
            return j if _set_off(toks[: j + 1]) else None
    return None


def _before_who(s: str, toks: list[re.Match[str]], direct: bool = False) -> Attribution | None:
    """The person a relative "who" (the last of ``toks``, set off: :func:`_set_off`)
    stands for: "Smith, who said …", "Vicente Fox – who went on …". ``direct``: the
    verb of saying is the clause's own, right after "who": one word after "by" names
    its speaker too ("shared by Rooney, who believes "…"")."""
    head = toks[:-2] if _dash(toks[-2]) else toks[:-1]
    words_ = [t.group() for t in head]
    if toks[-2].group().endswith(","):
        words_[-1] = words_[-1][:-1]
    run = _name_run_backwards(words_[-6:])
    name = _clean_name(run) if run else None
    lead = head[-len(run) - 1].group() if run and len(run) < len(head) else ""
    # A full name or a titled one ("Mr Blair, who has described"); one word alone
    # may be a team or a place ("Leicester, who signed White").
    # One word after "by", before "who" and its own verb of saying, names the speaker
    # ("a view shared by Rooney, who believes "…""); not a verb's object ("joined
    # Leicester, who described him"), a place, nor a sentence's subject ("Jones, who
    # says she is innocent, could lose …": what the sentence says is no one's).
    alone = direct and bool(run) and lead == "by" and not run[-1].endswith(".")
    full = bool(name) and (" " in name or len(run) > 1 or alone)
    if name and full and lead not in ("of", "for", "at", "in"):  # "from X, who said": X
        # "students Ryan Crabbe and Gordon Rennie, who observed": the last name
        a, b = _locate(s, name, head[-len(run)].start(), head[-1].end(), backwards=True)
        return Attribution(name, a, b, "named")
    if run and len(run) == 1 and lead == "of" and len(head) > len(run) + 2:
        # "Sen. Amy Klobuchar of Minnesota, who tweeted": the person, not the place.
        owner_toks = head[: -len(run) - 1]
        owner = _name_run_backwards([t.group() for t in owner_toks[-6:]])
        name = _clean_name(owner) if len(owner) >= 2 else None
        if name and " " in name and not is_organisation(name):
            a, b = _locate(
                s, name, owner_toks[-len(owner)].start(), owner_toks[-1].end(), backwards=True
            )
            return Attribution(name, a, b, "named")
    return None


def _surname_title(run: list[str]) -> bool:
    """Does the name ``run`` end in a title word that is a surname after a given name
    ("Sen. Angus King", not "the King", "Crown Prince")?"""
    if len(run) < 2 or run[-1] not in _SURNAME_TITLES:
        return False
    given = run[-2]
    return (
        given[:1].isupper()
        and given.isalpha()
        and given not in TITLE_WORDS
        and given not in _HONORIFICS
        and given not in _NOT_NAMES
        and given not in _MODIFIERS
        and given not in ("Crown", "Grand", "Chief", "Prime", "High")
    )


_ROLE_PREPOSITIONS = words("of for at from with in")


def _object_in_apposition(cand: list[str], run: list[str]) -> bool:
    """Is the name ``run`` ending ``cand`` (tokens up to a comma) the object of a
    preposition inside a description set off by commas ('a founder of the conservative
    House Freedom Caucus', 'Republican of Ohio'), so no subject of the verb? Not a
    person's own place ('Sen. Susan Collins of Maine')."""
    seg: list[str] = []
    for tok in reversed(cand[: len(cand) - len(run)]):
        if tok.endswith(","):
            break
        if "Qq" in tok or tok in ("and", "but", "or") or len(seg) >= 10:
            return False  # not one short phrase set off by commas
        seg.append(tok)
    else:
        return False  # no comma opens it: "The remaining members of Korn, who …"
    j = next((j for j, w in enumerate(seg) if w in _ROLE_PREPOSITIONS), -1)
    if j < 0 or j + 1 >= len(seg):
        return False
    role = seg[j + 1]  # the word the preposition follows: a role or a party, not a name
    return role[:1].islower() or role in _PARTY_WORDS


# Prepositions whose object, right before a verb, is a place or a body the subject is
# in or comes from, not the subject: "detainee 'A' in Woodhill Prison said".
# (Not "behind": "one of the brothers behind the Falic Group said" is the group's.)
_LOCATIVE = words(
    "in at near to from into inside outside across within among opposite beside beneath alongside"
)


def _after_preposition(pre: list[str], start: int) -> bool:
    """Is the name starting at ``pre[start]`` a preposition's object inside a clause
    (a word before the preposition, not closing a sentence or a comma's phrase)?"""
    k = start - 1
    if k >= 0 and pre[k] in ("the", "The"):
        k -= 1
    return k >= 1 and pre[k] in _LOCATIVE and not pre[k - 1].endswith((",", ".", "!", "?", ":"))


_ORG_JOINS = words("of for")
# A body's word before its "of" ("British Chambers of Commerce"); "Chambers" alone is
# a surname as often ("songwriter Guy Chambers"), so not one of _ORG_WORDS.
_BODY_HEADS = _ORG_WORDS | words("Chamber Chambers")


def _organisation_back(pre: list[str], k: int) -> int | None:
    """Where a body's name ending in the run ``pre[k:]`` begins, when the run is what
    follows its "of" or "for" ("Office for | National Statistics", "Association of
    Directors of | Social Services", "Joint Council for the | Welfare of Immigrants"):
    the capitalised run before one of the joins (at most three; "and" joins words of
    the name: "Institute of Economic and | Social Research") ends with an
    organisation's word. None when no such body is written (a person "of Maine",
    "Secretary of State Mike Pompeo", "a spokesman for Smith")."""
    if any(w in TITLE_WORDS and nxt not in TITLE_WORDS for w, nxt in pairwise(pre[k:])):
        return None  # "… for Women President Terry O'Neill"; not "… of Homeland Security"
    end = len(pre)  # where the words after the join end
    for _ in range(3):
        j = k - 1
        if j >= 1 and pre[j] == "the":
            j -= 1
        if j < 1 or (pre[j] not in _ORG_JOINS and pre[j] != "and"):
            return None
        if pre[j] == "and" and pre[end - 1].rstrip(_TRAIL) in _ORG_WORDS:
            return None  # two bodies: "the Council of Mortgage Lenders and the BSA"
        end = j
        first = _name_run_backwards(pre[:j])
        if not first:
            return None
        k = j - len(first)
        if first[-1] in _BODY_HEADS and pre[j] != "and":
            while k < j and pre[k] in _NOT_NAMES:
                k += 1  # "The Office for …": from its first word of name
            return k
    return None


def _person_before_object(
    s: str,
    toks: list[re.Match[str]],
    pre: list[str],
    start: int,
    att: Attribution,
    lo: int,
) -> Attribution | None:
    """Who speaks when the name before the verb is a preposition's object: the person an
    apposition belongs to, the body a document or spokesperson comes from, a person
    named right before the preposition ("Dr Jane Hill from Leeds University said"), else
    no one (unsure: no speaker rather than the place or body)."""
    person = _person_before_apposition(s, att, lo)
    if person is not att:
        return person  # "Matt Williams, a fund manager at Perpetual Trustees said"
    k = start - 1
    if pre[k] in ("the", "The"):
        k -= 1
    if pre[k - 1].lower() in _DOCUMENT_HEADS or (
        pre[k] in ("from", "at") and pre[k - 1].lower() in _COMMON_HEADS
    ):
        # "the letter from Qwest said": the document speaks for the body it comes from;
        # "a spokesperson from Icstis told": the body speaks through them.
        return att
    run = _name_run_backwards(pre[:k])
    name = _clean_name(run) if run else None
    if name and " " in name and not is_organisation(name):
        first = toks[k - len(run)].start()
        a, b = _locate(s, name, first, toks[k - 1].end(), backwards=True)
        return Attribution(name, a, b, "named")
    return None


def _speaker_after(s: str, vend: int) -> Attribution | None:
    """Inverted attribution: '..., said ministry spokesman Jeon Ha-kyou, without ...'."""
    toks: list[str] = []
    hi = min(len(s), vend + 120)
    matches = list(_TOKEN_RE.finditer(s, vend, hi))[:10]
    if matches and matches[0].group().lower() in _DETERMINERS:
        common = matches[:9]
        for k, m in enumerate(common):
            w = m.group()
            core = w.rstrip(_TRAIL)
            named = k + 1 < len(common) and w == core and common[k + 1].group()[:1].isupper()
            age = _AGE_RE.fullmatch(core) is not None and not named  # not "the 28-year-old X"
            # "said the Ealing North MP": a member for a place, a role as "the MP" is.
            member = (
                core in _POST_NOMINALS
                and k >= 2
                and all(x.group()[:1].isupper() for x in common[1:k])
            )
            # "said the American": one of a people, written alone after "the".
            people = k == 1 and core in _PEOPLE_NOUNS and not named
            if (core.lower() in _COMMON_HEADS and w[:1].islower()) or age or member or people:
                # A compound's last noun: "a company spokeswoman", not "a company"; an
                # age: "said the 30-year-old".
                k = _last_head(common, k)
                m = common[k]
                apposed = _apposed_from(s, vend, hi, k)
                if apposed is not None:
                    return apposed
                b = m.start() + len(m.group().rstrip(_TRAIL))
                a = common[0].start()
                return Attribution(s[a:b], a, b, "common")
            numbering = k + 1 < len(common) and _numbering(w, common[k + 1].group())
            # Past four words only a body's name goes on to its head ("a Department of
            # Homeland Security spokesman").
            long_name = w[:1].isupper() or w in _ORG_JOINS
            if (w[-1] in _TRAIL and not numbering) or (k >= 4 and not long_name):
                break
            if w.lower() in _PHRASE_STOP and not (w in _ORG_JOINS and _capital_next(common, k)):
                break
    for k, m in enumerate(matches):
        tok = m.group()
        word = tok.rstrip(_TRAIL)
        nxt = matches[k + 1].group() if k + 1 < len(matches) else ""
        if (
            word in _ORG_JOINS
            and nxt[:1].isupper()
            and toks
            and (len(toks) == 1 or toks[-1] in _BODY_HEADS)
        ):
            # "Bank of Japan chief Toshihiko Fukui", "the Institute for Fiscal Studies";
            # not "Peters of UK …"
            toks.append(word)
            continue
        if word.lower() in _FORWARD_STOP or not word:
            break
        if tok.endswith(_PLURAL_POSSESSIVE) and _person_next([m.group() for m in matches[k + 1 :]]):
            toks.append(tok)  # "said PBS' Jacoba Atlas": the owner, then the person
            continue
        initial = _dotted(tok)
        toks.append(tok if initial else word)
        if _numbering(tok, nxt):
            continue  # "said Ch. 4 host Jon Snow": the name is after the number
        if word != tok and not (initial or (tok.endswith(".") and word in TITLE_WORDS)):
            break  # punctuation ends the name, except a title's, an initial's or "U.S."
    run = _name_run_backwards(toks)
    if not run:
        # "said EEF chief economist, Steve Radley", "said BA director of commercial
        # planning, Robert Boyle": a body's role with no article, then the name set off.
        return _role_then_apposed(s, vend, hi, matches)
    i = first = len(toks) - len(run)
    while run and i >= 2 and toks[i - 1] in _ORG_JOINS and toks[i - 2] in _BODY_HEADS:
        i -= 1 + len(_name_run_backwards(toks[: i - 1]))  # "the Bank | of | Japan"
        run = toks[i:]
    if not run or (len(run) == len(toks) and len(toks) > 6):
        return None
    # A body's name is kept whole ("the British Chambers of Commerce").
    name = " ".join(run) if i < first else _clean_name(run)
    if not name:
        return None
    a, b = _locate(s, name, vend, hi, backwards=False)
    return Attribution(name, a, b, "named")


def _affiliated_after_quote(s: str, toks: list[re.Match[str]]) -> Attribution | None:
    """'"…," Kirsten Pfeifer from the Consumer Electronics Association, told': right
    after a quotation, a full name, "from"/"of"/"at" and where they are from, a comma,
    then the verb (``toks`` end at the comma)."""
    words_ = [t.group() for t in toks]
    start = next((j + 1 for j in range(len(words_) - 2, -1, -1) if words_[j][-1:] in '"”'), None)
    if start is None:
        return None
    run: list[str] = []
    for w in words_[start : start + 5]:
        if not (_NAME_TOKEN_RE.fullmatch(w) or (run and w in _PARTICLES)):
            break
        run.append(w)
    rest = words_[start + len(run) :]
    if len(run) < 2 or not rest or rest[0] not in ("from", "of", "at") or len(rest) > 8:
        return None
    if any(w.endswith(",") for w in rest[:-1]):
        return None  # not one phrase
    name = _clean_name(run)
    if not name or " " not in name or is_organisation(name):
        return None
    a, b = _locate(s, name, toks[start].start(), toks[start + len(run) - 1].end(), backwards=False)
    return Attribution(name, a, b, "named")


def _role_then_apposed(
    s: str, vend: int, hi: int, matches: list[re.Match[str]]
) -> Attribution | None:
    """The person named in apposition after a role that follows the verb after
    capitalised words only ("said EEF chief economist, Steve Radley")."""
    for k, m in enumerate(matches[:6]):
        word = m.group().rstrip(_TRAIL)
        if word[:1].isupper():
            if m.group() != word:
                return None  # punctuation after a capitalised word: no role follows
            continue
        if word not in _COMMON_HEADS:
            return None
        return _apposed_from(s, vend, hi, _last_head(matches, k))  # "chief economist"
    return None


def _last_head(toks: list[re.Match[str]], k: int) -> int:
    """The index of a compound's last noun from the role noun toks[k] on, before any
    punctuation ("a company spokeswoman", "chief economist")."""
    while k + 1 < len(toks) and toks[k].group()[-1] not in _TRAIL:
        nxt = toks[k + 1].group().rstrip(_TRAIL)
        if nxt.lower() not in _COMMON_HEADS or not nxt[:1].islower():
            break
        k += 1
    return k


def _apposed_from(s: str, lo: int, hi: int, head: int) -> Attribution | None:
    """:func:`_apposed_name` over the words of s[lo:hi] (the first 20), the role at
    index ``head`` of them."""
    return _apposed_name(s, list(_TOKEN_RE.finditer(s, lo, hi))[:20], head, hi)


def _capital_next(toks: list[re.Match[str]], k: int) -> bool:
    """Whether a capitalised word follows token ``k`` (a body's name goes on: "of Homeland")."""
    return k + 1 < len(toks) and toks[k + 1].group()[:1].isupper()


_APPOSED_OF = words("for of at from with in")


def _apposed_name(s: str, toks: list[re.Match[str]], head: int, hi: int) -> Attribution | None:
    """The person named in apposition after a common noun that follows its verb ('…,"
    said a White House spokesman, Eric Schultz.', 'said a spokesman for the ministry, Karl
    Brenner, on Monday', 'said the network's spokesman Scott Grogin'): capitalised words
    set off by a comma, or right after the role (titles and roles before the name
    dropped); a full name, not an organisation."""
    k = head
    noun = toks[k].group().rstrip(_TRAIL)
    # A plural role names two people ("the president's attorneys Rudy Giuliani and Jay
    # Sekulow", "the officials, Tom Briggs and Ann Lee"): the first of them here, both
    # after _with_partners; without the second ("the officials, Tom Briggs, said") it
    # is no apposition.
    plural = noun.endswith("s") and not noun.endswith("ss")
    joined = False  # the name ended at "and" before a capitalised word
    direct = (
        k + 1 < len(toks)
        and toks[k].group()[-1:] not in _TRAIL
        and toks[k + 1].group()[:1].isupper()
    )  # "the network's spokesman Scott Grogin": the name right after the role
    if not direct and toks[k].group()[-1:] != ",":
        # "a spokesman for the ministry, Karl Brenner": a short phrase first.
        if k + 1 >= len(toks) or toks[k + 1].group() not in _APPOSED_OF:
            return None
        k += 1
        while k < len(toks) and k <= head + 8 and toks[k].group()[-1:] not in _TRAIL:
            k += 1
        if k >= len(toks) or k > head + 8 or toks[k].group()[-1:] != ",":
            return None
    run: list[str] = []
    for t in toks[k + 1 : k + 7]:
        tok = t.group()
        word = tok.rstrip(_TRAIL)
        if not _NAME_TOKEN_RE.fullmatch(word) and not (run and word in _PARTICLES):
            joined = plural and tok == "and" and bool(run)
            if joined or ((direct or word == "of") and run and not plural):
                break  # "said the party's chairman Tom Briggs on Monday", "… of Ohio"
            return None
        initial = bool(run) and _dotted(tok)  # "Eric J. Schultz" (not "U.S. Navy")
        run.append(tok if initial else word)
        titled = word in TITLE_WORDS or tok in _HONORIFICS
        if word != tok and not (tok.endswith(".") and (titled or initial)):
            if tok[len(word) :][:1] not in ",.;":
                return None
            break  # (not after a title's or an initial's period: "Sen. Dianne Feinstein")
    else:
        # No punctuation after the name: only the window's end may close it.
        if not run or toks[k + len(run)].end() < len(s.rstrip()):
            return None
    if len(run) < 2 or any(w in _NOT_NAMES for w in run) or (plural and not joined):
        return None
    if joined and not _capital_next(toks, k + len(run) + 1):
        return None
    name = _clean_name(run)  # "Labour MP Barry Sheerman", "Sir Howard Newby": the name
    if not name or " " not in name or is_organisation(name):
        return None
    a, b = _locate(s, name, toks[k + 1].start(), hi, backwards=False)
    return Attribution(name, a, b, "named")


def _according_to(s: str, end: int) -> Attribution | None:
    """'according to X' / 'according to the company' / 'according to him'."""
    matches = list(_TOKEN_RE.finditer(s, end, min(len(s), end + 120)))[:8]
    if not matches:
        return None
    first = matches[0].group().rstrip(_TRAIL)
    if first.lower() in ("him", "her", "them"):
        m = matches[0]
        return Attribution(first.lower(), m.start(), m.start() + len(first), "pronoun")
    if first.lower() in _DETERMINERS or first.lower() in _COMMON_HEADS:
        for k, m in enumerate(matches[:5]):
            w = m.group()
            core = w.rstrip(_TRAIL)
            if core.lower() in _COMMON_HEADS and core[:1].islower():
                nxt = matches[k + 1].group() if k + 1 < len(matches) else ""
                if w == core and _NAME_TOKEN_RE.fullmatch(nxt.rstrip(_TRAIL)):
                    break  # "according to economist Rosa Klein": her role (below)
                b = m.start() + len(core)
                a = matches[0].start()
                return Attribution(s[a:b], a, b, "common")
            if w.endswith(",") and k and core[:1].isupper():
                # "according to the panel's top Democrat, Sen. Dianne Feinstein": the
                # person named in apposition.
                apposed = _apposed_from(s, end, min(len(s), end + 120), k)
                if apposed is not None:
                    return apposed
            if w[-1] in _TRAIL or (k and core[:1].isupper() and core not in TITLE_WORDS):
                break
    toks = [m.group() for m in matches]
    if toks[0] in ("the", "a", "an"):
        toks = toks[1:]
    if not toks:
        return None  # "… according to the" ending the text
    run: list[str] = []
    for tok, nxt in zip(toks, [*toks[1:], ""], strict=True):
        word = tok.rstrip(_TRAIL)
        if _numbering(tok, nxt):
            run = []  # "according to Ch. 4 host Jon Snow": a role, then the name
            break
        if not _NAME_TOKEN_RE.fullmatch(word) and not (run and word in _PARTICLES):
            break
        if _dotted(tok):
            run.append(tok)  # "according to the U.S. Attorney's Office"
            continue
        run.append(word)
        if word != tok:
            break
    body = len(run)
    # A run closed by a comma or a bracket is the whole name: "according to Reuters, of
    # London" is Reuters (an abbreviation's full stop does not close it: "Co. of Ohio").
    closed = bool(run) and toks[len(run) - 1][-1] in _TRAIL.replace(".", "")
    while (
        run
        and not closed
        and (len(run) == 1 or run[-1] in _ORG_WORDS)  # not "Andreas Adriano of Latin …"
        and body + 1 < len(toks)
        and toks[body] in ("of", "for")
        and _NAME_TOKEN_RE.fullmatch(toks[body + 1].rstrip(_TRAIL))
        and toks[body + 1].rstrip(_TRAIL).lower() not in CALENDAR  # "… Department for November"
    ):
        # "according to Bank of England deputy governor Rachel Lomax": past the body's name
        body += 2
        while body < len(toks) and _NAME_TOKEN_RE.fullmatch(toks[body - 1]):
            if not _NAME_TOKEN_RE.fullmatch(toks[body].rstrip(_TRAIL)):
                break
            body += 1
    if run and run[-1].endswith(("'s", "’s")):
        run[-1] = run[-1][:-2]  # "according to South Korea's spy agency"
    elif run and len(toks) > body + 1 and any(is_role_noun(t) for t in toks[body : body + 2]):
        # "according to Gartner analyst Carolina Milanesi": the person, not the firm.
        person = _speaker_after(s, end)
        if person is not None and person.kind == "named" and not is_organisation(person.name):
            return person
    # (Not past a comma: "According to the Financial Times, chief operating officer
    # Peter Chernin said" is the paper's.)
    described = None
    if run and toks[body - 1][-1] not in _TRAIL:
        described = _described_source(s, matches[len(matches) - len(toks) + body :])
    if described is not None:
        return described
    if body > len(run):
        run = [t.rstrip(_TRAIL) for t in toks[:body]]  # "the Bank of England"
        if run[-1].endswith(("'s", "’s")):
            run[-1] = run[-1][:-2]  # "the Bank of Mexico's figures"
    name = _clean_name(run)
    if not name:
        # "according to economist Rosa Klein": a role in front of the name.
        return _speaker_after(s, end)
    a, b = _locate(s, name, end, min(len(s), end + 120), backwards=False)
    return Attribution(name, a, b, "named")


# Heads of a source's description written before its name: "US research think-tank Pew
# …", "Hollywood newspaper Daily Variety", "the French news agency AFP".
_SOURCE_HEADS = _COMMON_HEADS | words("think-tank thinktank")


def _described_source(s: str, after: list[re.Match[str]]) -> Attribution | None:
    """The name after a capitalised word's description, ``after`` the tokens following
    that word: a few lower-case words ending with a person's or a body's noun, then the
    name ("according to US research firm Gartner": Gartner, not "US")."""
    k = 0
    while k < min(len(after), 3) and re.fullmatch(r"[a-z][a-z-]*", after[k].group()):
        k += 1
    if k == 0 or k >= len(after) or after[k - 1].group() not in _SOURCE_HEADS:
        return None
    run: list[str] = []
    for m in after[k:]:
        word = m.group().rstrip(_TRAIL)
        if not _NAME_TOKEN_RE.fullmatch(word):
            break
        run.append(word)
        if word != m.group():
            break
    name = _clean_name(run) if run else None
    if not name:
        return None
    a = after[k].start()
    return Attribution(name, a, a + len(name), "named") if s.startswith(name, a) else None


def _data_source(s: str, start: int, end: int) -> Attribution | None:
    """The body named after "figures from" at s[start:end] (:data:`_DATA_SOURCE_RE`),
    when those figures are what the sentence reports: its subject ("Figures from the
    CML showed …"), after "according to", or closing it (", figures compiled by the
    Tories suggest."); not an object ("steal key data from users"), a place the figures
    are about ("the UK's regulator Ofcom"), a month, a body's first word alone ("the
    Office of the …"), or a word describing people ("a study by US researchers")."""
    if not _DATA_SUBJECT_RE.search(s, 0, start):
        return None
    att = _according_to(s, end)
    if att is None or att.kind != "named":
        return None  # "figures from the company": no source named
    if att.name.split()[0].lower() in CALENDAR or is_country(att.name) or att.name in _ORG_WORDS:
        return None  # "from the Office of the …" read as "Office": no name
    after = _WORD_AFTER_RE.match(s, att.end)
    if after is not None and (after.group(1) or is_person_noun(after.group(2))):
        return None  # "by US researchers", "by CES organisers", "from the UK's regulator"
    return att


# What may stand before figures that are the sentence's subject: its start, a comma,
# "according to", an inverted "shows"; a conjunction; up to three determiners and
# adjectives ("However, recent data from", "The most recent projections from").
_DATA_SUBJECT_RE = re.compile(
    r"(?:^|[.!?:;]\s+|,\s+|\b[Aa]ccording\s+to\s+|\b(?:shows?|showed|suggests?|suggested)\s+)"
    r"(?:(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o|[Hh]owever,?)\s+)?(?:(?:[Tt]he|[Aa]n?|[Nn]ew|[Rr]ecent"
    r"|[Ll]atest|[Ss]eparate|[Ee]arly|[Oo]fficial|[Ff]resh|[Ff]urther|[Mm]ost|[Oo]ther"
    r"|[Ss]imilar|[Ii]n-depth|[Pp]reliminary|[Pp]rovisional|[Mm]onthly|[Qq]uarterly|[Aa]nnual"
    r"|[Ll]ending|[Gg]overnment)\s+){0,3}\Z"
)
_WORD_AFTER_RE = re.compile(r"(?:['’](s)\b|\s+([a-z][\w-]*))")


def is_body_noun(word: str) -> bool:
    """A body spoken of by what it is ("club", "airline", "watchdog"): a speaker kept as
    written, never a person."""
    return word in _BODY_NOUNS


def is_document(phrase: str) -> bool:
    """Is the common-noun phrase a document ('the report', 'a joint statement')?"""
    return phrase.rsplit(" ", 1)[-1].lower() in _DOCUMENT_HEADS


def _passive_after(s: str, verb: str, end: int) -> bool:
    """'urged to step down by', 'asked by reporters': the subject did not speak."""
    if verb.lower() == "accused":
        return s[end : end + 4].startswith((" of ", " by "))  # "Labour accused of …"
    if verb.lower() in _EVALUATIVE_VERBS:
        return s[end : end + 5].startswith((" by ", " for "))
    if verb.lower() not in _PASSIVE_PRONE:
        return False
    if verb.lower() in ("referred", "refers"):
        return s[end : end + 4] == " by "  # "to" is its own ("referred to her as")
    return s[end : end + 4].startswith((" to ", " by "))


# Verbs of saying that are plural nouns too ("his campaign promises", "the claims"):
# followed by "and" or "or" they are the nouns (a verb there ends its sentence, '"…,"
# he recalls.', or takes an object).
_PLURAL_NOUN_VERBS = words(
    "claims reports promises pledges vows demands calls notes estimates answers replies"
    " counters stresses recalls boasts jokes tweets states urges"
)
_NOUN_END_RE = re.compile(r" (?:and|or)\b")
# A plain word before it, no name or pronoun ("Smith promises and smiles" is a verb).
_NOUN_BEFORE_RE = re.compile(r"(?<![\w'’-])(?!(?:he|she|they|it|who|which)\b)[a-z0-9][\w-]* \Z")
# _at_verb's answers by what it reads: the same verb is read once for its sentence
# (find_speaker) and again in a quotation's window (attributions_near). A pure function of
# the key, so the cache is only bounded, never invalidated.
_AT_VERB_CACHE: dict[tuple[str, int, int], Attribution | None] = {}
_AT_VERB_CACHE_SIZE = 4096

_NAMING_VERBS = words("described called dubbed labelled labeled branded deemed")
_DUBBING_VERBS = words("dubbed labelled labeled branded")
_QUOTE_NEXT_RE = re.compile(r"\s+(?:as\s+)?(?:(?:a|an|the)\s+)?[\"“‘']")
# Verbs whose name after them is their object, never an inverted subject ("…, accuses
# Obama of …").
_OBJECT_VERBS = (
    _NAMING_VERBS
    | _EVALUATIVE_VERBS
    | words("accused accuses describes calls urged urges told tells")
    | _AS_VERB_FORMS
)
# From a naming verb to "by" after the quotation it names: 'described as a "…" by ', or
# the two it names: 'branded "…" and "…" by '.
_AGENT_RE = re.compile(
    r"[^.!?\"“”]{0,40}?[\"“”‘’']Qq*[\"”’']?"
    r"(?:,?\s+(?:and|or)\s+(?:(?:a|an|the)\s+)?[\"“‘']Qq*[\"”’']?)?,?\s+by\s+"
)


# Or "by" first: 'was described by Jobs as "…"' (the name, then "as" and the quotation).
_AGENT_FIRST_RE = re.compile(
    r"\s+by\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s+as\s+(?:(?:a|an|the)\s+)?[\"“‘'Q]"
)


def _agent_after(s: str, end: int) -> Attribution | None:
    """The name (or else the common noun) after 'by' that follows the quotation a naming
    verb ending at ``end`` introduces."""
    # Read no further than 120 characters after the verb, as the rest of _at_verb.
    hi = min(len(s), end + 120)
    first = _AGENT_FIRST_RE.match(s, end, hi)
    if first is not None:
        name = _clean_name(first.group(1).split())
        if name:
            a, b = _locate(s, name, first.start(1), first.end(1), backwards=False)
            return Attribution(name, a, b, "named")
    m = _AGENT_RE.match(s, end, hi)
    if m is None:
        return None
    toks: list[str] = []
    for t in _TOKEN_RE.finditer(s, m.end(), hi):
        word = t.group().rstrip(_TRAIL)
        toks.append(word)
        if word != t.group() or len(toks) >= 10:
            break
    run = _name_run_backwards(toks)
    name = _clean_name(run) if run else None
    if name:
        a, b = _locate(s, name, m.end(), hi, backwards=False)
        return Attribution(name, a, b, "named")
    # A common noun: 'branded a "disgraceful waste" by MPs', '… by the select committee'
    # (lower-case words before its head: people, or a body). Not one person's role ("by
    # the sentencing judge"): a role is read as someone named before, here the one named.
    for i, word in enumerate(toks[:4]):
        people = is_person_noun(word) and word.endswith("s") and not word.endswith("ss")
        if people or is_body_noun(word):
            if all(w[:1].islower() for w in toks[:i]):
                phrase = " ".join(toks[: i + 1])
                a = s.find(phrase, m.end(), hi)
                if a >= 0:
                    return Attribution(phrase, a, a + len(phrase), "common")
            break
    return None


def _at_verb(s: str, start: int, end: int) -> Attribution | None:
    """The attribution made by the speech verb at s[start:end] (quotes masked)."""
    # Everything _attribution_at reads: from the character before its 240-character
    # window back to the first non-space (_char_before), to 120 characters after the verb.
    k0 = max(0, start - 241)
    while k0 > 0 and s[k0].isspace():
        k0 -= 1
    key = (s[k0 : end + 120], start - k0, end - k0)
    if key in _AT_VERB_CACHE:
        att = _AT_VERB_CACHE[key]
        att = None if att is None else att.shifted(k0)
    else:
        att = _attribution_at(s, start, end)
        if len(_AT_VERB_CACHE) >= _AT_VERB_CACHE_SIZE:
            _AT_VERB_CACHE.clear()
        _AT_VERB_CACHE[key] = None if att is None else att.shifted(-k0)
    # Read outside the cached window: the words before a name may make it a description.
    if att is None or att.kind != "named":
        return att
    att = _with_partners(s, att, start, end)
    if s[att.end : att.end + 1] == "," and _FRONTED_PLACE_RE.search(s, 0, att.start):
        return None  # "In Sri Lanka, some economists have said": a place, not the subject
    if att.end <= start and not s[start:end].endswith("ing"):  # "with Perry claiming"
        prep = _PREPOSITION_OBJECT_RE.search(s, 0, att.start)
        if prep is not None and not (prep.group(1) in _LOWER_ROLES or is_document(prep.group(1))):
            # "prosecutors working for Mr. Mueller described", "one GOP insider who had
            # direct contact with Steele told": the object's, not the subject's (but "a
            # spokesman for Smith", "the letter from Qwest": theirs)
            return None
        if _CIRCLE_OF_RE.search(s, 0, att.start):
            return None  # "Aides to Mr. Romney declined", "Allies of Mr Brown say": theirs
        if _WORK_OF_RE.search(s, max(0, att.start - 160), att.start):
            return None  # "The former star of US TV drama Baretta has denied": a work
    return _role_of(s, _epithet(s, _with_and(s, att)))


# The words of an organisation's name before its "and": capitalised (no possessive).
_AND_LEFT_RE = re.compile(r"((?:[A-Z][\w.-]*(?<!'s) ){0,2}[A-Z][\w.-]*(?<!'s)) (?:and|&) \Z")
# ... or a body "for" its fields: "the Department for Culture, Media and Sport".
_AND_FIELDS_RE = re.compile(
    r"\b((?:[A-Z][\w-]* ){0,2}(?:Department|Ministry|Office|Secretary|Committee|Commission"
    r"|Council|Institute|Society|Centre|Center|Board|Agency) (?:for|of) (?:the )?"
    r"(?:[A-Z][\w-]*,? ){1,4})(?:and|&) \Z"
)
_AND_INSIDE_RE = re.compile(r"\b(?:of|between|and)\s\Z|&\s\Z")
# Last words of organisations' names that is_organisation does not read as such.
_AND_HEADS = words("Co Co. Ltd Plc plc PLC Executive")
# Words that open a sentence or a name's phrase, never an organisation's name.
_AND_NOT_NAME = words("The A An This That These Those Its Their His Her Our")


def _with_and(s: str, att: Attribution) -> Attribution:
    """An organisation named with "and" as a whole ("the Health and Human Services
    Department said", "Baoshan Iron and Steel Co. said", "a spokesman for the
    Department for Culture, Media and Sport said"), not from its "and" on; people
    joined by "and" ("Smith and Jones said") speak together (:func:`_with_partners`),
    places joined so are left as they are."""
    if att.kind != "named" or not s.endswith(("and ", "& "), 0, att.start):
        return att
    lo = None
    head = att.name.split()[-1]
    body = (is_organisation(att.name) or head in _AND_HEADS) and head not in _PARTY_WORDS
    if " " not in att.name and (m := _AND_FIELDS_RE.search(s, max(0, att.start - 120), att.start)):
        lo = m.start(1)
    elif body:
        m = _AND_LEFT_RE.search(s, max(0, att.start - 60), att.start)
        # Not the end of another name ("United Bank of Africa and …", "Cable & Wireless
        # and NTL"), nor two of something ("between Sony and Toshiba Corp").
        if m is not None and not _AND_INSIDE_RE.search(s, max(0, m.start(1) - 10), m.start(1)):
            toks = m.group(1).split()
            # Not a modifier ("the Republican-led House Ways and Means Committee").
            while toks and (toks[0] in _AND_NOT_NAME or re.search(r"-[a-z]", toks[0])):
                toks.pop(0)
            if toks:
                lo = m.end(1) - len(" ".join(toks))
    if lo is None:
        return att
    return Attribution(s[lo : att.end], lo, att.end, "named")


# People speaking together ("Smith and Jones said", "Senators John Smith and Mary Jones
# said", '"…," said Sen. Chuck Schumer and Rep. Nancy Pelosi'): one speaker that names
# each of them as one alone would be named (titles dropped), "A and B" or "A, B and C"
# (:func:`joint_name`). Only people: a person and a body or a group ("Smith and the White
# House said", "Trump and his aides said") are read as before, the one nearest the verb.
_JOINT_MAX = 4  # people named in one list
# Lower-case words a clause may open with before its subject ("…, but Smith and Jones
# said", "even though Romney and Ryan have said"): the first name is no object then.
_CLAUSE_OPENERS = words(
    "and but while as though although because when whereas yet so since after before if"
    " that where once until unless both"
    # a clause on a pronoun, no "that" ("something Oklahoma and Nebraska says Colorado
    # has failed to do", "what Smith and Jones said")
    " what something anything everything nothing"
)
# Lower-case words that may follow the last name of people written after their verb
# ('"…," said Smith and Jones in a statement', "… of the council", "… on Monday").
_AFTER_JOINT = words("in on at of from for during after before with who whose while as")
_CALENDAR_NAMES = frozenset(w.capitalize() for w in CALENDAR)
_JOINT_LINK_RE = re.compile(r", | and ")


# US states by name, for telling places that speak together from people ("Oklahoma and
# Nebraska said": the two states, not two people); not those that are people's names
# as often ("Georgia", "Virginia", "Washington", "Montana", "Indiana", "Dakota").
_US_STATES = words(
    """Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida
    Hawaii Idaho Illinois Iowa Kansas Kentucky Louisiana Maryland Massachusetts Michigan
    Minnesota Mississippi Missouri Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania
    Tennessee Texas Utah Vermont Wisconsin Wyoming"""
) | frozenset(
    (
        "New York", "New Jersey", "New Mexico", "New Hampshire", "North Carolina",
        "South Carolina", "North Dakota", "South Dakota", "West Virginia", "Rhode Island",
    )
)  # fmt: skip


def _place_part(name: str) -> bool:
    """Whether ``name`` is a place that may speak with others named with it: a country,
    its capital or its people as :func:`is_country` folds them ("France", "Moscow"), or
    a US state ("Oklahoma and Nebraska said": both states, as "France and Germany")."""
    return name in _US_STATES or is_country(name)


def _joint_part(name: str, like: str | None = None) -> bool:
    """Whether ``name`` can be one of several speaking together: a person
    (:func:`_person_part`) or a place (:func:`_place_part`), of the same kind as
    ``like`` when given (a person and a place are not read as speaking together)."""
    if like is not None:
        return _person_part(name) if _person_part(like) else _place_part(like) and _place_part(name)
    return _person_part(name) or _place_part(name)


def places_together(name: str | None) -> bool:
    """Whether ``name`` names places speaking together ("Oklahoma and Nebraska"): found
    under each place (:func:`joint_names`), but no people a pronoun may stand for."""
    parts = joint_names(name)
    return parts is not None and _place_part(parts[0])


def _person_part(name: str) -> bool:
    """Whether ``name`` (as :func:`_clean_name` gives it) can be one person of a joint
    speaker: one to five capitalised words, no organisation, party, people, place, day
    or title ("Mary Jones", "Schumer"; not "White House", "Democrats", "Britain",
    "Oklahoma")."""
    toks = name.split()
    return (
        name not in _US_STATES
        and 0 < len(toks) <= 5
        and toks[0][:1].isupper()
        and not _title_word(toks[0])
        and not is_organisation(name)
        and not _company_word(toks[-1])
        and not name.endswith(("'s", "’s", "s'", "s’"))
        and all(
            (_NAME_TOKEN_RE.fullmatch(t) is not None or t in _PARTICLES)
            and "&" not in t
            and t not in _NOT_NAMES
            and t not in _MODIFIERS
            and t not in _AND_HEADS
            and t not in _CALENDAR_NAMES
            for t in toks
        )
        and not (len(toks) == 1 and (toks[0] in _ORG_WORDS or is_country(toks[0])))
    )


def _title_word(tok: str) -> bool:
    """A title or honorific, or the plural of a title ("Senators", "Justices")."""
    return tok in TITLE_WORDS or tok in _HONORIFICS or tok.removesuffix("s") in TITLE_WORDS


def joint_name(names: list[str]) -> str:
    """One speaker naming several people: 'A and B', 'A, B and C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def joint_names(name: str | None) -> list[str] | None:
    """The people a joint speaker names ('John Smith and Mary Jones' -> ['John Smith',
    'Mary Jones']; :func:`joint_name` read back), or None when ``name`` names one
    speaker (a person, or a body named with "and": 'Okafor Iron and Steel Co', 'Fen and
    Marsh Drainage Board', 'Microsoft and IBM')."""
    if not name or " and " not in name:
        return None
    head, _, last = name.rpartition(" and ")
    names = [*head.split(", "), last]
    if len(names) > _JOINT_MAX or not all(_joint_part(n, names[0]) for n in names):
        return None
    return names


_WORD_BEFORE_RE = re.compile(r"(?<!\S)(\S+) \Z")


def _title_start(s: str, at: int) -> int:
    """Where the titles and honorifics written right before s[at] begin ("Sen. " before
    "Chuck Schumer", "Rep. " before "Nancy Pelosi"); ``at`` when there are none."""
    while True:
        m = _WORD_BEFORE_RE.search(s, max(0, at - 30), at)
        if m is None or not _title_word(m.group(1)):
            return at
        at = m.start(1)


def _name_written(tok: str) -> bool:
    """Whether the token ``tok`` may be part of a name written before another word:
    capitalised, with no punctuation after it but a title's, an honorific's or an
    initial's period."""
    dotted = tok.endswith(".") and (tok in TITLE_WORDS or tok in _HONORIFICS or _dotted(tok))
    return _NAME_TOKEN_RE.fullmatch(tok) is not None and (tok[-1] not in _TRAIL or dotted)


def _opens_subject(s: str, at: int, verb_end: int | None = None) -> bool:
    """Can a subject begin at s[at] (its first word no object or complement of what comes
    before: "His name is Tote King and Manuel Millan says", "training in Holland and
    Ferguson said")? At a text's or a sentence's start, after a quotation, a colon or a
    comma, a clause's opening word ("but", "although"), a plural role ("the lawyers Pia
    Grunwald and Tomas Eck said") or, after the verb (``verb_end``), right after it."""
    if verb_end is not None and not s[verb_end:at].strip():
        return True  # '"…," said Smith and Jones'
    before = s[max(0, at - 40) : at].split()
    if len(before) >= 2 and before[-1] in ("both", "Both"):
        before.pop()  # "while both Smith and Jones said"
    if not before:
        return not s[:at].strip()
    last = before[-1]
    if last[-1] in "\"“”'’:;,—–(" or (last[-1] in ".!?" and last not in TITLE_WORDS):
        return True  # (a comma: "On Tuesday, Smith and Jones said"; lists: _joint_before)
    low = last.lower()
    if low in _CLAUSE_OPENERS:
        return True
    return low == last and low.endswith("s") and not low.endswith("ss") and is_person_noun(low)


def _untitled(tokens: list[str]) -> list[str]:
    """A name's words without the plural titles before it ("Justices Kennedy": one of two
    justices named; :func:`_clean_name` drops the others)."""
    k = 0
    while k < len(tokens) - 1 and tokens[k] not in TITLE_WORDS and _title_word(tokens[k]):
        k += 1
    return tokens[k:]


def _person_before(s: str, end: int, verb_end: int | None = None) -> tuple[int, str, bool] | None:
    """A person's name written (titles and all) right before s[end] ("Sen. Chuck
    Schumer", "Smith"): (where the name is, as :func:`_clean_name` gives it; the name;
    whether a subject may begin there, :func:`_opens_subject`)."""
    toks = list(_TOKEN_RE.finditer(s, max(0, end - 80), end))
    run: list[re.Match[str]] = []
    for m in reversed(toks):
        if not _name_written(m.group()):
            break  # "… in Washington. Smith and Jones said": no sentence's last word
        run.append(m)
    if not run or len(run) > 6 or run[0].end() != end:
        return None
    run.reverse()
    name = _clean_name(_untitled([m.group() for m in run]))
    if not name or not _joint_part(name):
        return None
    at = s.find(name, run[0].start(), end)
    if at < 0:
        return None
    # The words dropped before the name: titles, parties, peoples, "Both"; not "In" ("In
    # Leeds, Smith and Jones said": a place, no one speaking).
    for w in s[run[0].start() : at].split():
        if w in _NOT_NAMES and w.lower() not in _CLAUSE_OPENERS and w not in _HONORIFICS:
            return None
    return at, name, _opens_subject(s, run[0].start(), verb_end)


def _joint_before(s: str, att: Attribution, verb_end: int | None) -> Attribution:
    """``att``, a person, with the people named before it and joined to it by "and"
    ("Sen. Chuck Schumer and Rep. Nancy Pelosi said": 'Chuck Schumer and Nancy Pelosi';
    "Smith, Jones and Brown said"). ``verb_end``: where the verb ends when the names
    follow it."""
    at = _title_start(s, att.start)
    if not s.endswith(" and ", 0, at):
        return att
    found = _person_before(s, at - 5, verb_end)
    if found is None or not found[2] or not _joint_part(found[1], att.name):
        return att
    first, name, _ = found
    names = [name, att.name]
    while s.endswith(", ", 0, _title_start(s, first)):
        # "John Lewis, Andre Carson and Emanuel Cleaver said": every one of them, where
        # the list opens a subject; not the end of a list that is an object ("a spokesman
        # for the Department for Roads, Rail and Canals said"). No name before the comma:
        # it ends what opens the sentence ("On Tuesday, Smith and Jones said").
        more = _person_before(s, _title_start(s, first) - 2, verb_end)
        if more is None or not _joint_part(more[1], att.name):
            break
        if not more[2] or len(names) == _JOINT_MAX:
            return att
        first, name, _ = more
        names.insert(0, name)
    return Attribution(joint_name(names), first, att.end, "named")


def _joint_closes(s: str, end: int) -> bool:
    """Whether a name of people written after their verb ends its phrase at s[end]: a
    punctuation mark, the text's end, a preposition or a bracket ("said Smith and Jones
    in a statement", "… (D-N.Y.)"; not "said Smith and Jones nodded")."""
    rest = s[end : end + 24]
    if not rest.strip() or rest[0] in _TRAIL or rest[0] in "—–":
        return True
    m = _TOKEN_RE.match(rest, 1) if rest[0] == " " else None
    return m is not None and (m.group().rstrip(_TRAIL) in _AFTER_JOINT or m.group()[0] == "(")


def _person_after(s: str, at: int) -> tuple[int, str] | None:
    """A person's name written (titles and all) from s[at] on: (where the name ends, the
    name as :func:`_clean_name` gives it)."""
    run: list[re.Match[str]] = []
    for m in _TOKEN_RE.finditer(s, at, min(len(s), at + 80)):
        core = m.group().rstrip(_TRAIL)
        if not core or _NAME_TOKEN_RE.fullmatch(core) is None or len(run) > 6:
            break
        run.append(m)
        if not _name_written(m.group()):
            break  # the punctuation after it ends the name
    if not run or run[0].start() != at:
        return None
    name = _clean_name(_untitled([m.group() for m in run[:-1]] + [run[-1].group().rstrip(_TRAIL)]))
    if not name or not _joint_part(name):
        return None
    return _locate(s, name, at, run[-1].end(), backwards=False)[1], name


def _joint_after(s: str, att: Attribution) -> Attribution:
    """``att``, a person named after the verb, with the people named after it and joined
    to it by "and" ('"…," said the officials, Tom Briggs and Ann Lee.'; "said John Lewis,
    Andre Carson and Emanuel Cleaver"), the last name closing the phrase (:func:`_joint_closes`)."""
    names = [att.name]
    at = att.end
    while len(names) < _JOINT_MAX:
        link = _JOINT_LINK_RE.match(s, at)
        found = _person_after(s, link.end()) if link is not None else None
        if found is None:
            return att
        at, name = found
        if not _joint_part(name, att.name):
            return att
        names.append(name)
        if link.group() == " and ":
            if not _joint_closes(s, at):
                return att
            return Attribution(joint_name(names), att.start, at, "named")
    return att


def _with_partners(s: str, att: Attribution, start: int, end: int) -> Attribution:
    """``att``, named by the verb at s[start:end], as one joint speaker with the people
    named with it (:func:`_joint_before`, :func:`_joint_after`), when it is a person."""
    if att.end <= start:
        if " and " not in s[max(0, att.start - 40) : att.start]:
            return att  # (most names, cheaply)
        if not s.endswith(" and ", 0, _title_start(s, att.start)):
            return att
        return _joint_before(s, att, None) if _joint_part(att.name) else att
    after = s.startswith((" and ", ", "), att.end)
    before = " and " in s[max(end, att.start - 40) : att.start]
    if not (after or before) or not _joint_part(att.name):
        return att
    joined = _joint_after(s, att) if after else att
    if joined is att and before and _joint_closes(s, att.end):
        joined = _joint_before(s, att, end)  # '"…," said Smith and Jones.'
    return joined


# A preposition's object before the verb, after a word that is no role: "working for Mr. ",
# "contact with ".
_PREPOSITION_OBJECT_RE = re.compile(
    r"\b([a-z]+) (?:for|to|with|against|from|alongside)(?: (?:Mr|Mrs|Ms|Dr)\.?)? \Z"
)
# People around someone, who speak for themselves, not for that person ("a spokesman
# for Smith" speaks for Smith).
_CIRCLE_OF_RE = re.compile(
    r"\b(?i:aides|allies|supporters|associates|advisers|advisors|friends|relatives|backers"
    r"|loyalists|confidants|critics|opponents|people|sources|those)"
    r"\s+(?:close\s+)?(?:to|of|for|around|near)(?:\s+(?:Mr|Mrs|Ms|Dr)\.?)?\s+\Z"
)
# A work's name after the one who made it or played in it, the subject a description:
# "The 71-year-old former star of US TV drama Baretta has denied", "The star of Rain Man
# and Tootsie said", "The US singer of Because the Night told" (the work says nothing).
_WORK_OF_RE = re.compile(
    r"(?:^|[.!?:;,]\s+|\n)(?:The|the|A|a|An|an|Its|its|His|his|Her|her)\s+"
    r"(?:[\w'’-]+\s+){0,3}?(?:stars?|co-stars?|singer|frontman|frontwoman|creator|composer"
    r"|writer|author|lyricist|songwriter)\s+of\s+(?:the\s+)?"
    r"(?:(?:US|UK|British|American|TV|BBC|hit|cult|classic|drama|film|films|show|series"
    r"|sitcom|movie|movies|musical|novel|novels|band|album|song|single)\s+){0,3}"
    r"(?:(?:[A-Z][\w'’-]*|the|of|and|a|in|on)\s+)*\Z"
)
# A sentence opened by a place or time before its subject: "In Sri Lanka, …".
_FRONTED_PLACE_RE = re.compile(
    r"(?:^|[.!?]\s+)(?:In|At|From|Across|Outside|Inside|Within|Throughout|Around|Beyond"
    r"|Near|Since|During|Until)\s+(?:the\s+)?\Z"
)


# "the mayor of ", "a senator from ", "the head of the ": a person's role, then the
# place or body it is of.
_ROLE_OF_RE = re.compile(r"\b(?:[Tt]he|[Aa]n?) (?:[\w-]+ ){0,2}([a-z]+) (?:of|from) (?:the )?\Z")


# Roles that speak for the body they are of: "a spokeswoman from Ofcom" gives Ofcom's words.
_VOICE_ROLES = words("spokesman spokeswoman spokesperson spokespeople representative")


def _role_of(s: str, att: Attribution) -> Attribution:
    """'the mayor of Lyon said': the mayor speaks, not Lyon."""
    if att.kind != "named":
        return att
    m = _ROLE_OF_RE.search(s, max(0, att.start - 60), att.start)
    if m is None or not is_person_noun(m.group(1)) or m.group(1) in _VOICE_ROLES:
        return att
    return Attribution(s[m.start() : att.end], m.start(), att.end, "common")


def _epithet(s: str, att: Attribution) -> Attribution:
    """'the Kentucky Republican' read as a name: the common-noun description it is
    (resolved, like 'the Kentucky senator', to the person the article named before)."""
    m = _EPITHET_LEAD_RE.search(s, max(0, att.start - 40), att.start)
    toks = s[att.start : att.end].split()
    if (
        m is None
        or not toks
        or len(toks) > 4
        or toks[-1] not in _EPITHET_HEADS
        or not all(t[:1].isupper() for t in toks)
    ):
        return att
    noun = _modified_noun(s, att.end)
    end = att.end if noun is None else noun.end()  # "the Tory leader": a role like any other
    return Attribution(s[m.start() : end], m.start(), end, "common")


# "the " and at most two lower-case words ("the 26-year-old", "the veteran") right
# before a description.
_EPITHET_LEAD_RE = re.compile(r"\b[Tt]he (?:[a-z0-9][\w-]* ){0,2}\Z")


def _attribution_at(s: str, start: int, end: int) -> Attribution | None:
    verb = s[start:end]
    if verb[0] in "Aa" and verb.endswith(" to"):
        return _according_to(s, end)
    if verb.endswith((" from", " by")) and _DATA_SOURCE_RE.match(s, start):
        return _data_source(s, start, end)
    if verb == "Said":  # 'Said the Pew report: "…"' (_SAID_FIRST_RE): the subject after
        return _speaker_after(s, end)
    if (
        verb in _PLURAL_NOUN_VERBS
        and _NOUN_END_RE.match(s, end)
        and _NOUN_BEFORE_RE.search(s, max(0, start - 40), start)
    ):
        return None  # "given his 2016 campaign promises and …": a noun, no one speaking
    if _passive_after(s, verb, end):
        return None
    att, passive = _speaker_before(s, start, verb.endswith("ing"))
    if att is not None and att.kind == "named":
        opened = _open_relative_clause(s, att.start)
        if opened is not None:
            att = _relative_head(s, opened)
    if (
        att is not None
        and att.kind == "named"
        and _inverted(s, start, end, verb)
        and not _apposed(s, att.end, start)
    ):
        # "…, in particular the UK, France and Spain, said the report.": the subject
        # written after the verb, ending the clause, is the speaker; before the comma is
        # what was said. (Not after a name and its apposition: "Mark Warner, the top
        # Democrat, said the messages, if real, are …".)
        after = _speaker_after(s, end)
        if after is not None and s[after.end :].lstrip()[:1] in (".", ",", ";", ""):
            return after
    if verb in _DUBBING_VERBS and att is not None and att.kind != "pronoun":
        # "Baywatch dubbed 'worst TV import'": named so, not naming ("which he dubbed").
        passive = passive or bool(_QUOTE_NEXT_RE.match(s, end, end + 120))
    if (passive or att is None) and verb in _NAMING_VERBS:
        # 'was described as a "…" by his friend Michael Pointon': the agent.
        agent = _agent_after(s, end)
        if agent is not None:
            return agent
    if passive and not verb.endswith("ing"):  # "was told" is passive, "was saying" is not
        return None
    if att is not None and att.kind == "named":
        att = _members_counted(s, att)
    if att is not None:
        if verb == "posted" and att.kind == "common" and is_document(att.name):
            return None  # "a message posted on the site": no one speaking
        return att
    # '"…," said X' names the speaker after the verb; after "saying" comes what is said.
    if _inverted(s, start, end, verb):
        after = _speaker_after(s, end)
        if after is not None and _CLAUSE_GOES_ON_RE.match(s, after.end):
            return None  # "…, said the channel offered …": what was said, not who
        return after
    return None


# Members of a party counted ("some senior Tories", "several leading Republicans", "Other
# Democrats"): some of its people, as "some officials" are, not the party speaking.
_PARTY_PEOPLE = frozenset(
    ("Democrats", "Republicans", "Tories", "Conservatives", "Liberals", "Socialists", "Dems")
)
_COUNTED_RE = re.compile(
    r"(?:^|(?<=[\s(\"“]))(?:[Ss]ome|[Ss]everal|[Mm]any|[Mm]ost|[Oo]ther|[Tt]wo|[Tt]hree"
    r"|[Ff]our|[Ff]ive|[Dd]ozens\s+of|[Aa]\s+few|[Aa]\s+number\s+of|[Aa]\s+group\s+of)"
    r"\s+(?:(?:leading|senior|top|prominent|moderate|conservative|liberal|fellow|key)\s+){0,2}\Z"
)


# A person named first with a party's people ("Mitt Romney and other Republicans have
# criticized", "Ms. Pelosi and senior Democrats said"): the person named speaks.
_NAMED_WITH_MEMBERS_RE = re.compile(
    r"((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep)\.?\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+and\s+"
    r"(?:(?:other|senior|fellow|leading|top|several|some|many|prominent)\s+){1,2}\Z"
)


def _members_counted(s: str, att: Attribution) -> Attribution:
    """``att`` as a common noun when it names a party's people counted before it
    (:data:`_COUNTED_RE`): "with several leading Republicans arguing" is no one named;
    the person when one is named first with them (:data:`_NAMED_WITH_MEMBERS_RE`)."""
    last = att.name.rsplit(" ", 1)[-1]
    if last not in _PARTY_PEOPLE:
        return att
    lo = max(0, att.start - 80)
    first = _NAMED_WITH_MEMBERS_RE.search(s, lo, att.start)
    if first is not None:
        tokens = first.group(1).split()
        name = _clean_name(tokens) if tokens[-1] not in _PARTY_PEOPLE else None
        if name and (len(tokens) >= 2 or name_gender(name) is not None):  # (not "Texas")
            a, b = _locate(s, name, first.start(1), first.end(1), backwards=True)
            return Attribution(name, a, b, "named")
    m = _COUNTED_RE.search(s, max(0, att.start - 40), att.start)
    if m is None:
        return att
    return Attribution(s[m.start() : att.end], m.start(), att.end, "common")


# A relative clause set off after a subject and still open at the name that ends it:
# its pronoun, the clause's own lower-case words ("who met", "whose films include",
# "which owns"), no punctuation (nor a dash) since. "which Tony Blair said" (the name
# the clause's subject) is not one.
_OPEN_RELATIVE_RE = re.compile(
    r"(?:,|\s[-–—])\s+(?:who|whose|which)\s+([a-z][^,.;:!?\"“”()–—]*?)\s*\Z"
)
# Words that open a clause of its own inside the relative one, the name its subject:
# "a book …, which reported that Mattis once told", "although Charles claimed".
_CLAUSE_OPENERS_IN = words(
    "that if whether although though because while whereas as since when after before"
)


def _open_relative_clause(s: str, at: int) -> int | None:
    """Where (its comma or dash) a relative clause starts that the name at ``s[at]`` is
    inside: "The minister, who met Tony Blair, Gordon Brown and John Prescott, said",
    "The actor, whose films include Schindler's List, … and Star Wars, said", "Ms
    Robinson, who presents The Weakest Link tells": what the clause speaks of, not who
    speaks (a list's commas, or no comma at all, leave it open to the verb). Not a role
    before the name ("whose chief executive John Smith said": the clause's subject)."""
    m = _OPEN_RELATIVE_RE.search(s, max(0, at - 160), at)
    if m is None:
        return None
    clause = [w.lower() for w in m.group(1).split()]
    if " - " in m.group(1) or any(w in _CLAUSE_OPENERS_IN for w in clause):
        return None  # the name heads a clause of its own, which the verb is in
    while len(clause) > 1 and clause[-1] in _DETERMINERS:
        clause.pop()  # "who presents The Weakest Link"
    if is_person_noun(clause[-1]) or is_role_noun(clause[-1]) or clause[-1] in _DETERMINERS:
        return None
    return m.start()


def _relative_head(s: str, opened: int) -> Attribution | None:
    """The subject the relative clause starting at ``s[opened]`` (its comma or dash)
    belongs to: a name ("Ms Robinson"), a common noun ("The minister"), else None."""
    pronoun = _TOKEN_RE.search(s, opened + 1)
    if pronoun is not None and _dash(pronoun):
        pronoun = _TOKEN_RE.search(s, pronoun.end())
    if pronoun is None:
        return None
    toks = list(_TOKEN_RE.finditer(s, max(0, opened - 120), pronoun.end()))
    if len(toks) < 2:
        return None
    name = _before_who(s, toks) if len(toks) > 2 else None  # reads "X, who" / "X – whose" alike
    if name is not None:
        return name
    head = toks[:-2] if _dash(toks[-2]) else toks[:-1]
    word = head[-1].group().rstrip(",")
    opens = len(head) == 1 or head[-2].group()[-1:] in ".!?"
    if opens and _NAME_TOKEN_RE.fullmatch(word) and word not in _PRONOUNS:
        # One word opening the sentence is its subject ("Southcorp, whose brands include
        # Penfolds, Rosemount and Lindemans, dismissed the offer").
        return Attribution(word, head[-1].start(), head[-1].start() + len(word), "named")
    return _common_back(s, head, len(head) - 1)


# A finite verb right after a subject: the clause goes on ("the channel offered").
_CLAUSE_GOES_ON_RE = re.compile(
    r"\s+(?:[a-z]+ed (?:the|a|an|his|her|its|their|that|to)|is|was|were|are|would|will"
    r"|had|has|have|could|should|must|may|might|did|does|can)\b"
)


_APPOSITION_RE = re.compile(r", (?:the|a|an) ([^,;:.!?\"“”]{1,80}), \Z")


def _apposed(s: str, end: int, verb: int) -> bool:
    """Is all between a name ending at ``end`` and the verb at ``verb`` an apposition
    describing a person ("Mark Warner, the top Democrat on the committee, said")?"""
    m = _APPOSITION_RE.fullmatch(s, end, verb)
    if m is None:
        return False
    words_ = m.group(1).split()
    described = any(
        w in _MODIFIERS or is_person_noun(w.lower()) or is_role_noun(w.lower()) for w in words_[:4]
    )
    return described and not any(w in _AUX or w in _BE_FORMS for w in words_)


def _inverted(s: str, start: int, end: int, verb: str) -> bool:
    """Is the verb at s[start:end] written after a comma and before its subject, the
    news order '…, said the report' (not a participle, nor a verb taking an object)?"""
    before = s[max(0, start - 3) : start].rstrip()
    return (
        before.endswith((",", "”", '"', "’", "'", "—", "–"))
        and not verb.endswith("ing")
        and verb not in _OBJECT_VERBS
    )


# _VERB_RE after the character before the verb, which must be no word character: the
# engine skips at C speed to such a character (mostly spaces) and tries the verbs only
# there (a leading look-behind would make it try at every character).
# Not after a hyphen: "so-called", "self-styled" are words of their own.
_VERB_AFTER_RE = re.compile(r"[^A-Za-z0-9_-](" + _VERB_WORD + r")\b")
# Where a sentence's figures come from: "Figures from the Office for National Statistics
# showed …", "a survey by Gallup found …", "Early estimates from the World Bank put …":
# the body after "from" or "by" is its source, read as after "according to". Only for a
# sentence's own speaker (:func:`sentence_speaker`), not a quotation's.
_DATA_SOURCE_RE = re.compile(
    r"(?<![\w-])(?:[Ff]igures|[Ee]stimates|[Dd]ata|[Ss]tatistics|[Ff]orecasts|[Pp]rojections"
    r"|[Rr]esearch|[Ss]urveys?|[Ss]tud(?:y|ies))\s+(?:(?:published|released"
    r"|compiled|issued|commissioned|conducted)\s+)?(?:from|by)(?=\s)"
)
_DATA_NOUNS = words(
    "figures estimates data statistics forecasts projections research survey surveys study studies"
)
_DATA_SOURCE_TOKENS = _DATA_NOUNS | frozenset(w.capitalize() for w in _DATA_NOUNS)


def data_source_spans(
    text: str, lo: int = 0, hi: int | None = None, words: list[str] | None = None
) -> list[tuple[int, int]]:
    """The spans of the phrases in text[lo:hi] that say where figures come from ("Figures
    from", "a survey by": :data:`_DATA_SOURCE_RE`; a token look-up first, in ``words``,
    text[lo:hi] split, when the caller has them)."""
    hi = len(text) if hi is None else hi
    if _DATA_SOURCE_TOKENS.isdisjoint(text[lo:hi].split() if words is None else words):
        return []
    return [m.span() for m in _DATA_SOURCE_RE.finditer(text, lo, hi)]


def _verb_spans(s: str) -> list[tuple[int, int]]:
    """The spans of the first _MAX_VERBS matches of _VERB_RE in ``s``, in order (and of
    a sentence opened by "Said" before its subject and a colon)."""
    out = []
    pos = 0
    m = _VERB_RE.match(s)  # a verb opening ``s`` has no character before it
    if m is not None:
        out.append(m.span())
        pos = m.end()
    for m in _VERB_AFTER_RE.finditer(s, pos):
        if len(out) >= _MAX_VERBS:
            break
        out.append(m.span(1))
    if "Said " in s:
        out = sorted(out + [m.span() for m in _SAID_FIRST_RE.finditer(s)])[:_MAX_VERBS]
    return [(a, b) for a, b in out if not _not_speech(s, a, b)]


# Forms of a speech verb that say nothing when they run on into what they do: "Stern
# continues to be …", "Nadal continued his run" (but '"…," he continued.', "continues to
# describe … as"); "Arab states", "Press reports suggest" (but "the letter states.",
# ", reports the Daily Mail", "Politico reports that"); "has agreed a contract"; "Marsh
# posted a $676m loss".
_PUNCTUATION_AFTER_RE = re.compile(r"\s*(?:[,.:;!?\"“”‘’'—–―]|-|\Z)")
_CONTINUED_TO_RE = re.compile(r"\s+to\s+([a-z]+)\b")
_THAT_AFTER_RE = re.compile(r"\s*(?:[:\"“]|that\b)")
_COLON_SOON_RE = re.compile(r"[^.!?:\"“]{0,40}[:\"“]")  # "Mandic continued in the Herald: "
_PRONOUN_BEFORE_RE = re.compile(r"\b(?:which|that|it)\Z")
_CLOSING_LEAD_NAME_RE = re.compile(r",\s+(?:the\s+)?(?:[\w’'.-]+\s+){0,5}[A-Z][\w’'.-]*\Z")
_BODY_BEFORE_RE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]his)\s+(?:[a-z][\w-]*\s+){0,2}\Z"
)
_AGREED_WHAT_RE = re.compile(
    r"\s+an?\s+(?!view\b)"
    # what is agreed as a deal, in a headline's words ("O'Leary agrees new Villa
    # contract", "IMF agrees fresh Turkey funding", "have agreed plans to merge"); not
    # what is agreed to be so ("agreed the deal was fair")
    r"|\s+(?:(?:the|its|their|his|her|new|fresh)\s+)?(?:[A-Za-z][\w'’-]*\s+){0,2}?"
    r"(?:deals?|contracts?|terms|plans?|funding|switch|move|transfer|loan|merger|takeover"
    r"|settlement|pact|package|fee|budget|pay|extension|sale|truce|ceasefire|treaty|accord)\b"
    r"(?=\s*(?:[,.;:!?]|\Z)|\s+(?:to|for|with|at|from|in|on|and|worth|until|over|after)\b)"
)
_RESULTS_RE = re.compile(
    r"\s+(?:(?:an?|its|their|the)\s+)?(?:[\w-]+\s+){0,2}?(?:[$£€¥]|\d|(?:loss|losses|profits?|rise"
    r"|fall|gains?|drop|decline|increase|record|results|revenues?|sales|earnings|deficit"
    r"|surplus)\b)"
)
# What a company "reported": "a 19% rise in profits", "revenues of $69.4m" (not "reported
# in November 2012 Christie turned down …").
_ACCOUNTS_RE = re.compile(
    r"\s+(?:(?:an?|its|their|the)\s+)?(?:[\w%.$£€-]+\s+){0,3}?(?:loss|losses|profits?"
    r"|revenues?|sales|earnings|deficit|surplus|results|turnover)\b"
)
# Someone named as the one "saying" after "reported": "Reuters reported BaFin as saying",
# "reports a union source as saying" (not "was reported as saying": the subject's words).
_REPORTED_AS_SAYING_RE = re.compile(r"(?:\s+(?!as\b)[\w'’.-]+){1,6}\s+as\s+saying\b")
# "posted the footage on YouTube", "posted a photo", "tweeted a link to a video" (not
# "posted on Twitter that").
_MEDIA_RE = re.compile(
    r"\s+(?:(?:an?|the|his|her|its|their|a\s+new)\s+)?(?:photos?|pictures?|videos?|footage"
    r"|images?|clips?|ads?|adverts?|links?|memes?)\b"
)
# "GM recalls cars", "recalled 2,000 vehicles" (not "recalled how", "recalls the day").
_RECALLED_GOODS_RE = re.compile(
    r"\s+(?:(?:its|their|some|more than|nearly|about|up to|over|almost)\s+)?(?:[\d,.]+|thousands"
    r"|millions|hundreds|(?!(?:his|its|this|was|is|as|us|years|days|months)\b)[a-z]+s)\b"
)
# A verb of speech joined by "and" to what follows, with nothing said in between: what
# is said, if anything, is the next verb's ("responded and a burst of speed clinched
# victory", "laughed and walked off", "when all is said and done").
_AND_NEXT_RE = re.compile(r" and\b")
# ... unless a quotation comes before it, which it attributes ('"We will win," Vale
# promises and smiles.').
_QUOTE_MARK_RE = re.compile(r"[\"“”]")
# Questions asked or answered as the verb's object: an exchange, no claim ("answered
# questions posed via the party's website", "for asking questions", "asked the
# Congressman questions"); not "asked whether the questions …".
_QUESTION_VERBS = words("asked asks asking answered answers answering")
_QUESTIONS_RE = re.compile(
    r"\s+(?:(?!(?:whether|if|why|how|what|that|when|where|who)\b)[\w'’-]+\s+){0,3}questions\b"
)
# What a side or a player "claimed" or "added" in a match: "France claimed victory",
# "claimed the title", "Joe Cole added a second", "Paterson added the conversion".
_WON_RE = re.compile(
    r"\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:\w[\w,.-]*\s+){0,2}?(?:victory|win|title|crown"
    r"|gold|silver|bronze|medals?|trophy|top\s+spot|first\s+place)\b"
    r"(?!\s+(?:was|is|were|are|had|has|have|would|will|could|should|might|may)\b)"
)
_SCORED_RE = re.compile(
    r"\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:(?:second|third|fourth|fifth|sixth|another)"
    r"(?=\s*[,.;]|\s+(?:with|in|after|before|from|on|just|when|as|minutes?|\d))"
    r"|(?:(?:second|third|fourth|fifth|sixth|another|late)\s+)?(?:(?:drop\s+)?goal|try|penalty"
    r"|conversion|winner|equali[sz]er)\b(?!\s+(?:that|of|to)\b))"
    # A count of what a side or a player scores: "Van Gisbergen added 18 points", "added
    # two more tries" (a point or a run is never words).
    r"|\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+further)\s+(?:more\s+)?"
    r"(?:points|goals|tries|penalties|conversions|runs|wickets|birdies)\b(?!\s*:)"
    # What was added with a score ("Humphreys adding the final flourish with a touchline
    # conversion"), the object no clause of its own ("added the side would win with a
    # late goal" are words).
    r"|\s+(?:(?!(?:that|he|she|they|it|we|I|you|is|was|were|are|had|has|have|would|will"
    r"|could|should|may|might|can|must|did|does)\b)(?![a-z]+ed\b)[\w'’-]+\s+){1,4}?with\s+"
    r"(?:a|an|the|his|her|its|their)\s+(?:[\w'’-]+\s+){0,2}?(?:(?:drop\s+)?goal|try|penalty"
    r"|conversion|header|volley)\b"
)
# Someone called to come back, up or round ("Sir Edward called the Liberal leader back to
# Downing Street", "called my parents up and said"): a summons or a telephone call, no
# words reported. Not "called for", "called on … to", "called in a statement for".
_CALLED_BACK_RE = re.compile(
    r"\s+(?:(?:the|a|an|his|her|their|its|my|our|him|them|me|us)\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:back|up|round|over|away)(?=\s*[,.;]|\s*\Z|\s+(?:to|for|from|at|on|and|after|when)\b)"
)
_CALLS = words("call calls called calling")
# Argued with someone: a quarrel ("Klein, who often argued with the Finance Ministry,
# steps down"), unless what was argued follows ("argued with reporters that …").
_ARGUED_WITH_RE = re.compile(r"\s+with\s+(?![^.;:!?\"“]{0,60}?\b(?:that|whether)\b)")
_ARGUES = words("argue argues argued arguing")
# A thing added to another: "Federer added the Dubai trophy to his long list", "Daiwa
# added 5.3% to 740 yen", "Nintendo adds media playing to DS": an act, not words. Not
# "added in a statement to the BBC", "added that …", nor a clause with its own verb
# ("added the plan was sent to the board", "added the targets intended to ensure …").
_ADDED_TO_RE = re.compile(
    r"\s+(?!(?:that|in|on|at|during|later|also|he|she|they|it|we|I|you)\b)"
    # (what is said as it is added: "added his thanks to the fans", "his voice to …")
    r"(?!(?:(?:his|her|its|their|my|our)\s+)?(?:thanks|voice|praise|tribute|congratulations"
    r"|condolences|support|backing|weight|criticism|warning|concerns?|name)\b)"
    # (no verb of the object's own, past forms most of all: "added the ban applied to
    # the whole country", "the rules seemed to apply to …" are words added)
    r"(?:(?!(?:is|was|were|are|had|has|have|would|will|could|should|may|might|can|did"
    r"|does|rose|fell|grew|went|came|must|to|meant|held|led|brought|took|gave|made|got"
    r"|kept|left|sent|spent|stood|ran|saw|told|thought|belongs|applies|seems|refers"
    r"|[a-z]+ed)\b)[\w%£$.'’-]+\s+){1,6}?"
    r"to\s+(?:the|a|an|his|her|its|their|\d|[A-Z])"
)
# A story told: a work's plot ("Sideways tells the story of two men", "Wolf Brother tells
# the story of Torak") or a telling with no claim in it ("told the tale of a boy"); not
# "told the story of how police beat him" (what happened, in someone's words).
_STORY_OF_RE = re.compile(
    r"\s+(?:(?:the|a|an|his|her|its|their)\s+)?(?:[\w'’-]+\s+){0,2}?(?:story|stories|tale|tales)"
    r"\s+of\b(?!\s+(?:how|why|what|when|where|whether)\b)"
)
_TELL_FORMS = words("tells told tell telling")
# A thing slammed, or where it went: "Ronaldo slammed well over the bar", "slammed his
# racket onto the ground", "slammed the ball home" (not "slammed the decision").
_SLAMMED_THING_RE = re.compile(
    r"\s+(?:(?:well|just|narrowly|wildly)\s+)?(?:over|wide|home|into|onto|against|past)\b"
    r"|\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w'’-]+\s+)?(?:ball|shot|racket|racquet"
    r"|door|doors|phone|fist|brakes|header|volley|drive|effort|free-kick|penalty)\b"
)
# "-ing" forms that do something else: "adding $1.89", "adding to honours", "asking prices".
# What is written as a work, not said: "Adams wrote the screenplay", "began writing the
# book in 1982", "writing lyrics and playing guitar" (not "wrote in the Times", "wrote to
# the council", "wrote a letter saying": those are someone's words).
_WRITTEN_WORK_RE = re.compile(
    r"\s+(?:(?:the|a|an|his|her|their|its|this|two|three|several|many)\s+)?"
    r"(?:(?!(?:to|in|on|for|that|about|of|with|from|at|by|and|as)\b)[a-z][\w'’-]*\s+){0,2}?"
    r"(?:books?|novels?|screenplays?|scripts?|songs?|lyrics|music|poems?|poetry|plays?"
    r"|operas?|symphon(?:y|ies)|albums?|memoirs?|autobiography|biography|sitcoms?|musicals?)\b"
)
_ING_IDLE_RE = re.compile(r"\s+(?:[$£€¥]|\d|to\b(?<=adding to\b)|prices?\b)")
# "-ing" forms read as nouns: "a word of warning", "profit warning", "time of writing".
_ISSUED = words("issued issues issue issuing gave gives give giving sounded sounds")
_NOUN_BEFORE = words(
    "a an the of its his her their our my your this profit profits creative feature"
)


_CLAIM_WHAT_RE = re.compile(r"\s+(?:that\b|[\"“:])")
# What a side claims as it wins, a headline's most of all: "England claim Dubai Sevens
# glory", "Henman & Murray claim LTA awards", "Republicans claim victory".
_CLAIM_WON_RE = re.compile(
    r"\s+(?:[\w'’&-]+\s+){0,3}?(?:glory|victory|win|wins|title|titles|crown|gold|silver|bronze"
    r"|medals?|trophy|trophies|cup|Cup|prize|prizes|honours|awards?|place|spot|berth|scalp"
    r"|points?|draw|seats?|double|treble|lead)\b"
)
# Words ending in "s" that are no plural subject of a verb after them ("a damages claim").
_NOT_PLURAL = words(
    "its his this was has is us does thus always perhaps whereas damages expenses benefits"
    " rights losses costs services news"
)
_WE_THEY = words("they we I you They We You")


def _went_on_before(s: str, start: int) -> bool:
    """Does "went/goes/go on to" come right before ``start``?"""
    return bool(re.search(r"\b(?:went|goes|go) on to\s*\Z", s[max(0, start - 20) : start]))


def _plural_subject(s: str, start: int) -> bool:
    """Is the word before ``start`` a plural subject the plain verb agrees with: "they",
    a plural noun or name ("Democrats", "lawyers"), or a capitalised name ("Boeing")?"""
    before = s[max(0, start - 40) : start].split()
    if not before:
        return False
    word = before[-1]
    if word in _WE_THEY:
        return True
    if not re.fullmatch(r"[A-Za-z][\w-]*", word) or word.lower() in _NOT_PLURAL:
        return False
    if word[0].isupper():
        return word.lower() not in _DETERMINERS and word not in _OWNERS_BEFORE
    return word.endswith("s") and not word.endswith("ss")


def _not_speech(s: str, start: int, end: int) -> bool:
    """The speech verb at s[start:end] is used for something other than speech here
    (see the patterns above)."""
    verb = s[start:end]
    if verb in ("continues", "continued"):
        to = _CONTINUED_TO_RE.match(s, end)
        if to is not None:
            base = to.group(1)
            return not {base + "s", base + "d", base + "ed"} & _VERB_SET
        return not (_PUNCTUATION_AFTER_RE.match(s, end) or _COLON_SOON_RE.match(s, end))
    if verb in ("states", "reports"):
        before = s[:start].rstrip()
        if _THAT_AFTER_RE.match(s, end) or before[-1:] in (",", '"', "”"):
            return False
        if (
            _PRONOUN_BEFORE_RE.search(before) or _CLOSING_LEAD_NAME_RE.search(before)
        ) and _PUNCTUATION_AFTER_RE.match(s, end):
            return False  # "…, which states, "…"", "…, the Washington Post reports."
        return not (_BODY_BEFORE_RE.search(s, 0, start) and _PUNCTUATION_AFTER_RE.match(s, end))
    if verb in ("agreed", "agrees"):
        return bool(_AGREED_WHAT_RE.match(s, end))
    if verb in ("posted", "posts", "posting"):
        return bool(_RESULTS_RE.match(s, end) or _MEDIA_RE.match(s, end))
    if verb in ("tweeted", "tweets", "tweeting"):
        return bool(_MEDIA_RE.match(s, end))  # "tweeted a link to a cache of emails": shared
    if verb in ("reported", "reports") and _ACCOUNTS_RE.match(s, end):
        return True  # "AMR reported a loss of $387m": its accounts, not a claim
    if verb in ("reported", "reports", "reporting") and _REPORTED_AS_SAYING_RE.match(s, end):
        return True  # "Reuters reported BaFin as saying": BaFin's words (at "saying")
    if verb in _PLURAL_SPEECH:
        if _went_on_before(s, start):
            # "went on to claim that …" (the older pattern), not "went on to claim the Cup"
            return verb == "claim" and not _CLAIM_WHAT_RE.match(s, end)
        if not _plural_subject(s, start) or (verb == "claim" and _CLAIM_WON_RE.match(s, end)):
            return True
    if (verb in ("claimed", "claims", "claiming") and _WON_RE.match(s, end)) or (
        verb in ("added", "adds", "adding") and _SCORED_RE.match(s, end)
    ):
        return True
    if verb in ("added", "adds") and _ADDED_TO_RE.match(s, end):
        return True
    if verb in ("added", "adds", "adding") and _WON_RE.match(s, end):
        return True  # "as soon as he had added the 5,000m crown": a title won, no words
    if verb in _CALLS and _CALLED_BACK_RE.match(s, end):
        return True
    if verb in _ARGUES and _ARGUED_WITH_RE.match(s, end):
        return True
    if _AND_NEXT_RE.match(s, end) and not _QUOTE_MARK_RE.search(s, max(0, start - 200), start):
        return True  # "Kipchoge responded and a burst of speed clinched victory"
    if verb in _QUESTION_VERBS and _QUESTIONS_RE.match(s, end):
        return True  # "Mr Blair answered questions posed via the website": no claim
    if verb in ("recalls", "recalled", "recalling"):
        return bool(_RECALLED_GOODS_RE.match(s, end))
    if verb in ("wrote", "writes", "writing") and _WRITTEN_WORK_RE.match(s, end):
        return True
    if verb in _TELL_FORMS and _STORY_OF_RE.match(s, end):
        return True
    if verb in ("slammed", "slams") and _SLAMMED_THING_RE.match(s, end):
        return True
    if verb.endswith("ing"):
        before = s[max(0, start - 40) : start].split()
        if before and before[-1].lower() in _NOUN_BEFORE:
            # a noun, unless issued: "Eyre issued a warning that …"
            return not _ISSUED.intersection(before[-4:])
        return bool(_ING_IDLE_RE.match(s, end))
    return False


# 'Said the Pew report: "…"', 'Said one aide: "…"': the verb opens the sentence, its
# subject follows, then a colon.
_SAID_FIRST_RE = re.compile(r"(?:^|(?<=[.!?] )|(?<=\n))Said(?= [\w'’.-]+(?: [\w'’.-]+){0,5}:)")


# A state alone in brackets, as some outlets write it ("Sen. Chuck Schumer (N.Y.)").
_STATE_LABELS = (
    "Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo"
    "|Mont|Neb|Nev|N\\.H|N\\.J|N\\.M|N\\.Y|N\\.C|N\\.D|S\\.C|S\\.D|R\\.I|Okla|Ore|Pa|Tenn"
    "|Tex|Vt|Va|W\\.Va|Wash|Wis|Wyo"
)
# What a name carries in brackets: a lawmaker's party and state, as US outlets write
# it ("Rep. Max Rose (D-N.Y.) said", "Sen. Ted Cruz (R-Texas)", "Gov. Jan Brewer (R)",
# "(I-Vt.)", "(D-NY-14)", "(N.Y.)"), or a body's initials ("the Energy Information
# Administration (EIA) said"). Read as nothing between the name and the verb.
_NAME_LABEL_RE = re.compile(
    r"(?<=\w) \((?:(?:D|R|I|Dem|Rep|Ind|DFL)(?:\s?[-–—]\s?[A-Z][A-Za-z.]{0,12}"
    r"(?: [A-Z][A-Za-z.]{0,12})?(?:-\d{1,2})?)?|[A-Z][A-Z0-9&.]{1,9}"
    r"|(?:" + _STATE_LABELS + r")\.|Texas|Ohio|Iowa|Utah|Idaho|Maine|Alaska|Hawaii)\),?"
)


def _without_name_labels(s: str) -> str:
    """``s`` with each label in brackets after a name (:data:`_NAME_LABEL_RE`) blanked,
    offsets kept; a comma after the label moves up to the name, so that an apposition
    reads as one ("Rep. Trey Gowdy (R-S.C.), the committee chairman, said")."""
    if "(" not in s:
        return s
    return _NAME_LABEL_RE.sub(_blanked_label, s)


def _blanked_label(m: re.Match[str]) -> str:
    label = m.group()
    return "," + " " * (len(label) - 1) if label.endswith(",") else " " * len(label)


def _attributions(s: str, verbs: frozenset[str] | None = None) -> Iterator[Attribution]:
    """The attributions of the speech verbs in ``s`` (those of ``verbs``, if given), in
    order, labels in brackets read as nothing (quotes masked)."""
    s = _without_name_labels(s)
    for start, end in _verb_spans(s):
        if verbs is not None and s[start:end] not in verbs:
            continue
        att = _at_verb(s, start, end)
        if att is not None:
            yield att


def attributions(s: str) -> list[Attribution]:
    """Every attribution of a speech verb in ``s``, in order (quotes masked)."""
    return list(_attributions(s))


def first_named(s: str) -> str | None:
    """The first name a speech verb attributes ``s`` to (quotes masked), or None.

    Pronouns and common nouns are skipped: a sentence's speaker is a name or nobody.
    """
    return next((att.name for att in _attributions(s) if att.kind == "named"), None)


def sentence_speaker(s: str, headline: bool = False) -> str | None:
    """The name a sentence's own attribution gives it (quotes masked), or None.

    The first speech verb's attribution is the sentence's. When that is a pronoun or a
    common noun ("He said Mr Blair told Mr Brown …", "A spokeswoman said Lord Falconer
    agreed …"), a name after it speaks inside what is reported, so it is not the
    sentence's speaker, unless it is the subject of the main clause after all: before
    the first verb ("Cornyn, according to the source, told him"), after a fronted clause
    that holds the first verb ("When the government announced …, Tony Blair said"), of
    a clause joined on (", while Trump said"), or closing the sentence ('… they asked
    themselves, Kapranos said.'). An attribution in a condition ("If the Council agrees
    …"), a relative clause ("the bill that critics said would …"), an aside between
    dashes or a clause of time ("Oil prices fell after Opec said …") is not the
    sentence's own; "As the Huffington Post reported, …" is. A headline speaks in the
    present: its past forms are passive ("Act on detention ruling, UK urged", "Blair
    warned over Iraq").
    """
    s = _without_name_labels(s)
    spans = _verb_spans(s)
    sources = data_source_spans(s)
    if sources:
        starts = {a for a, _ in sources}  # "Early estimates from …": a noun, not the verb
        spans = sorted([sp for sp in spans if sp[0] not in starts] + sources)
    found = [
        (start, end, att)
        for start, end in spans
        if not (headline and _PAST_FORM_RE.fullmatch(s, start, end))
        and (att := _at_verb(s, start, end)) is not None
        and not _CONDITION_RE.search(s, 0, att.start)
        and not _in_aside(s, min(start, att.start))
        and not (att.end <= start and _inverted_close(s, start, end))
    ]
    # "The lawsuit was brought by Microsoft and Eliot Spitzer who alleged …": a name's
    # relative clause is the sentence's speech only when the main clause speaks too
    # ("That charge was denied by Mr Mandelson, who said …"); else it tells an act.
    found = [f for f in found if not _relative_clause_only(s, f[0], f[2])]
    while len(found) > 1 and _RELATIVE_RE.search(s, 0, found[0][2].start):
        found.pop(0)  # the clause's speaker only when no one else speaks
    # "it clears the support that Pelosi predicted she had": a relative clause on a noun
    # the sentence is about, its speaker none of the sentence's, alone or not.
    found = [f for f in found if not _object_relative(s, f[2].start)]
    if not found:
        return None
    first_verb, first_end, first = found[0]
    if first.kind == "named" and (
        (len(found) > 1 and _described_reporter(s, found[-1], first_end))
        or _CLOSING_SOURCE_RE.search(s, first_end) is not None
    ):
        # "AARP reassured labor groups that …, labor officials told HuffPost", "…, two
        # people familiar with the matter said": people described, closing the
        # sentence, report the whole of it; they name no one.
        return None
    if first.kind == "named" and not _subordinate(s, *found[0]):
        return first.name
    for k, (start, end, att) in enumerate(found[1:], 1):
        if att.kind != "named" or _subordinate(s, start, end, att):
            continue
        lo = min(start, att.start)
        # the subject before the first verb, whose own verb follows that one's phrase
        main = att.start == first.start or not s[max(first_end, first.end) : start].strip(" ,")
        if (
            (att.start < first_verb and main)
            or _JOINED_CLAUSE_RE.search(s, 0, lo)
            or _after_fronted(s, first_verb, lo)
            or (k == len(found) - 1 and _closes(s, lo, max(end, att.end)))
        ):
            return att.name
    return None


_PAST_FORM_RE = re.compile(r"[a-z]+ed|told|said|wrote")

# An unnamed source known by what it knows or whom it is close to ("two people familiar
# with the matter", "a Republican aide close to the whip", "sources with knowledge of
# the case"): one person or many, it reports the whole sentence it closes. It opens
# with a lower-case word (a determiner, a count or a noun: no name), its head is a
# noun of people, and what follows it names no one else (no comma before the end).
_KNOWING_HEADS = (
    r"(?:people|persons?|sources?|officials?|aides?|executives?|diplomats?|insiders?"
    r"|advisers?|advisors?|individuals?|members?|lawyers?|bankers?|investigators?)"
)
_SOURCE_KNOWS = (
    r"(?:familiar\s+with|close\s+to|briefed\s+(?:on|about)|(?:with|who\s+had)\s+"
    r"(?:(?:direct|detailed|first-?hand)\s+)?knowledge\s+of|knowledgeable\s+about"
    r"|involved\s+in|aware\s+of)"
)
_SOURCE_PHRASE = (
    r"(?!(?:and|but|or|nor|so|yet|while|as|because|since|though|although|which|who|that"
    r"|when|if|whom|whose)\b)(?:[a-z][\w-]*\s+(?:[\w.’'-]+\s+){0,3}?)?"
    + _KNOWING_HEADS
    + r"\s+"
    + _SOURCE_KNOWS
)
# After the verb only when and where it was said, or to whom: "…, said on Friday",
# "…, told CNN"; not a clause of its own ("…, and people familiar with it said it
# would close": the first name's).
_SOURCE_TAIL = (
    r"(?:\s+(?:on|in|during|at|last|this|earlier|late|yesterday|today|after|before|to)\b"
    r"[^,;:\"“”]{0,40})?"
)
_CLOSING_SOURCE_RE = re.compile(
    r",\s+(?:"
    # "…, two people familiar with the matter (have) said (on Friday)."
    + _SOURCE_PHRASE
    + r"[^,;:\"“”]{1,80}?\s+(?:(?:have|has|had)\s+)?(?:(?:said|say|says)"
    + r"|told\s+(?:the\s+)?[\w.’'-]+(?:\s+[A-Z][\w.’'-]*){0,2})"
    + _SOURCE_TAIL
    # "…, said a Republican aide close to the majority whip."
    + r"|(?:said|says|told\s+\w+)\s+"
    + _SOURCE_PHRASE
    + r"[^,;:\"“”]{1,80}"
    + r")[.!?’”\"']*\s*\Z"
)


_PLURAL_SOURCES = words("people sources")


def _described_reporter(s: str, last: tuple[int, int, Attribution], after: int) -> bool:
    """Is ``last`` (verb start, verb end, attribution) plural people described by a
    common noun ("labor officials", "analysts", "two people familiar with the talks")
    after ``after``, closing the sentence after a comma ("…, analysts said.")?"""
    start, end, att = last
    if att.kind != "common" or min(start, att.start) < after:
        return False
    heads = [w for w in att.name.lower().split() if w in _COMMON_HEADS or w in _PLURAL_SOURCES]
    plural = any(w.endswith("s") or w == "people" for w in heads)
    lo, hi = min(start, att.start), max(end, att.end)
    # Not a clause of its own after a semicolon ("…; most would cost more, analysts
    # said": of that clause only), nor a verb with an object ("…, US firms added only
    # 146,000 jobs"): at most a few words (whom it was told, when) end the sentence.
    tail = s[hi:].strip().rstrip('.!?"”’ ')
    return plural and ";" not in s[after:lo] and len(tail.split()) <= 3 and _closes(s, lo, hi)


def closed_by_source(s: str) -> bool:
    """Does ``s`` (quotations masked) close with an unnamed source described by what it
    knows ("…, two people familiar with the matter said.")? Then that source reports
    all of it: no one named or meant by a pronoun before it is the sentence's speaker."""
    return _CLOSING_SOURCE_RE.search(s) is not None


# What stands between a name and its relative clause's verb: "Spitzer who alleged",
# "the Committee, which said", "Jack Straw, who had said", "Fox – who also said".
_WHO_THEN_VERB_RE = re.compile(
    r"\s*[,—–-]?\s*(?:who|which)\s+(?:(?:also|had|has|have|[a-z]+ly)\s+)?"
)


def _relative_clause_only(s: str, verb: int, att: Attribution) -> bool:
    """Is ``att`` a name whose own relative clause holds the verb at ``verb`` ("… by
    Eliot Spitzer who alleged …"), in a sentence whose main clause says nothing before
    the name ("The meeting was brokered by …", "Jack Straw, who said …, resigned")?"""
    if att.kind != "named" or att.end > verb:
        return False
    main = s[: att.start]
    return (
        _WHO_THEN_VERB_RE.fullmatch(s, att.end, verb) is not None
        and not has_speech_verb(main)
        and _VIEW_VERBS.isdisjoint(main.split())
        and _CLEFT_RE.search(main) is None
        and _SAID_BY_RE.search(main) is None
    )


# A passive whose subject is something said, its agent the sayer: "The figures were
# given by finance minister Ann Lee who said …", "That view was shared by X, who …".
_SAID_BY_RE = re.compile(
    r"\b(?:figures|estimates?|forecasts?|views?|message|charge|claims?|argument|warning|point)"
    r"\s+(?:was|were|is|are|has been|have been|had been)\s+(?:[a-z]+ly\s+)?[a-z]+\s+by\s+"
    r"(?:[\w'’.-]+\s+){0,6}\Z"
)


# "It was the International Olympic Committee who demanded …": a cleft sentence, whose
# relative clause is what it says.
_CLEFT_RE = re.compile(r"(?:^|\s)[Ii]t (?:is|was|'s|’s) (?:the |a |an )?\Z")


# Verbs of a main clause that puts forward a view, not among the verbs of saying: "A
# note of concern has been expressed by the CBI, which complained …", "highlighted by
# the OECD, which argued …", "a message repeated by Charles Clarke who said …" (the
# relative clause's speaker is the sentence's).
_VIEW_VERBS = words("expressed voiced raised highlighted stressed underlined echoed repeated")
# A subject in a clause of time, cause or comparison: "Oil prices fell after producers'
# cartel Opec said …", "His broadside came as Robin Cook said …".
_SUBORDINATE_SUBJECT_RE = re.compile(
    r"(?:^|[\s,(])(?:(?<!such )(?<!well )(?<!known )(?<!same )(?<!just )[Aa]s|[Aa]fter|[Bb]efore"
    r"|[Ss]ince|[Bb]ecause|[Uu]ntil|[Oo]nce|[Ww]hen"
    r"|[Aa]lthough|[Tt]hough)\s+(?:[\w'’.-]+\s+){0,4}\Z"
)
# A participle in such a clause: "resigned … after criticising UKIP and stating …".
_SUBORDINATE_VERB_RE = re.compile(
    r"\b(?:after|before|since|while|when|without)\s+(?:[a-z]+ly\s+)?\Z"  # "while openly saying"
)
# "As the Huffington Post reported on Thursday, …": "as" giving the source, not a time.
_AS_SOURCE_RE = re.compile(r"(?:\s+[\w.]+){0,3}?\s*(?:,|[.?!]?\s*\Z)")


def _subordinate(s: str, start: int, end: int, att: Attribution) -> bool:
    """The attribution of the verb at s[start:end] is in a clause of time, cause or
    comparison (:data:`_SUBORDINATE_SUBJECT_RE`, :data:`_SUBORDINATE_VERB_RE`): the
    main clause says something else ("Oil prices fell after Opec said …")."""
    if _SUBORDINATE_VERB_RE.search(s, 0, start):
        return True
    m = _SUBORDINATE_SUBJECT_RE.search(s, 0, att.start)
    if m is None:
        return False
    words_ = m.group().strip(" ,(").split()
    if words_[0].lower() != "as":
        return True
    # "as Robin Cook said" (not "As HuffPost reported, …", nor "acting as an adviser for
    # Labour, which denies …": "as" a preposition)
    return not (_AS_SOURCE_RE.match(s, end) or _PREPOSITIONS_BEFORE.intersection(words_[1:]))


# An attribution inverted at the sentence's end: "…, say MPs." (its subject after it).
_INVERTED_TAIL_RE = re.compile(
    r"\s+(?=[A-Z]|(?:the|a|an|one|two|three|some|many|several|most|other|another)\s"
    r"|(?!(?:his|its|this|thus|was|is|has|us|as)\b)[a-z]+s\b)(?:[\w'’.-]+\s+){0,3}[\w'’.-]+"
    r"[.!?]?[\"”’']?\s*\Z"
)
_CLAUSE_VERBS = words("is are was were would will has have had could should can may might")
_INVERTING_VERBS = words("said say says added adds reported reports wrote writes noted notes")


def _inverted_close(s: str, start: int, end: int) -> bool:
    """The verb at s[start:end] follows a comma and only its subject follows it: "…,
    say MPs.", "…, said the report." A name before the verb is not its subject."""
    tail = _INVERTED_TAIL_RE.match(s, end)
    return (
        tail is not None
        and s[start:end] in _INVERTING_VERBS
        and s[:start].rstrip().endswith(",")
        and _CLAUSE_VERBS.isdisjoint(tail.group().split())  # ", said such warnings were …"
    )


# A subject in a condition: "If the European Council agrees …", "unless Smith says", and
# the source of what the condition supposes ("could be scuppered if, as Tony Blair has
# suggested, GCSEs stay": the worry is the sentence's, not Blair's).
_CONDITION_RE = re.compile(r"(?:^|\W)(?:[Ii]f|[Uu]nless|[Ww]hether)(?:,?\s+as)?\s+(?:the\s+)?\Z")
# A subject in a relative clause: "the legislation that critics said would …".
_RELATIVE_RE = re.compile(r"[a-z]\s+(?:that|which|whom)\s+(?:the\s+)?\Z")
# A subject in a relative clause on a noun with its determiner: "the support that
# Pelosi predicted", "the bill, which Smith said was flawed,", "at what Hutchinson
# said would be …", "on the same day the European Court ruled that …" (a time). Not
# "said that Smith …", "so that", "clear that" (no noun).
_OBJECT_RELATIVE_RE = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]his|[Tt]hese|[Tt]hose)"
    r"((?:\s+[\w'’%-]+){1,4}),?\s+(?:that|which|whom)"
    r"|(?<![\w'’-])what"
    r"|\b[Tt]he\s+(?:(?:same|very)\s+(?:day|week|month|year|time|moment|night)|day)"
    r"(?:\s+(?:that|when))?)\s+(?:the\s+)?\Z"
)
# A cleft ("It was the number one thing that Democrats had said Obama should do",
# "that's what Ryan had argued is the problem"): the clause is what the sentence says.
_CLEFT_BEFORE_RE = re.compile(r"(?:\b(?:is|was|are|were)|['’]s)\s*\Z")


def _object_relative(s: str, at: int) -> bool:
    """Does the subject at ``at`` open a relative clause on a noun phrase
    (:data:`_OBJECT_RELATIVE_RE`) whose words hold no verb ("the company said that
    Smith …", "the report was that …" are clauses of their own), in no cleft?"""
    m = _OBJECT_RELATIVE_RE.search(s, max(0, at - 120), at)
    if m is None or _CLEFT_BEFORE_RE.search(s, max(0, m.start() - 12), m.start()):
        return False
    words_ = [w.strip(",") for w in (m.group(1) or "").split()]
    return not any(
        w in _VERB_SET or w in _AUX or w in _BE_FORMS or w.endswith("ed") for w in words_
    )


# A main clause joined on, up to its subject: ", while Trump said", "– and at least
# one senator, Arizona's John McCain, said", "; the Association said".
_JOINED_CLAUSE_RE = re.compile(
    r"(?:(?:,|\s[—–―-])\s+(?:and|but|while|whereas)|;)\s+(?:[\w’'.-]+,?\s+){0,5}\Z"
)
# What may come between a comma and a name closing the sentence ("…, news agency
# Associated Press reported."), and what may follow it: an apposition, a time.
_CLOSING_LEAD_RE = re.compile(r"[,;:—–―\"”’']\s*(?:[a-z][\w-]*\s+){0,3}\Z")
_CLOSING_TAIL_RE = re.compile(r"[^.!?;\"“”]{0,90}[.!?]?[\"”’']?\s*\Z")
_FRONTED_OPENERS = words(
    "When As After Before While Although Though Because Since Until Once If Whereas Asked"
    " Pressed Questioned"
)
_ASIDE_DASHES_RE = re.compile(r"\s(?:—|–|―|--?)\s|\(|\)")


def speaks_for_sentence(s: str, att: Attribution) -> bool:
    """Does ``att`` (found in sentence ``s``) speak for the whole sentence: its subject
    opens it, after at most a conjunction and a fronted phrase ("But he argued …", "In
    the foreword, he promises …"), or the attribution closes it ("…, he argued.")? Not
    a subject inside a clause ("The recovery he promised …", "If he believes …",
    "after he predicted …")."""
    if _MAIN_SUBJECT_LEAD_RE.fullmatch(s, 0, att.start):
        return True
    verb = _VERB_AFTER_RE.match(s, att.end - 1)
    return verb is not None and _closes(s, att.start, verb.end(1))


# Words a sentence may open with before its subject ("But Collins …", "Now he …").
SUBJECT_OPENERS = words("But And Yet So Still Now")
# What may come before a sentence's subject: one of those or an adverb set off alone,
# then a fronted phrase.
_MAIN_SUBJECT_LEAD_RE = re.compile(
    r"\s*(?:(?:"
    + "|".join(
        sorted(
            SUBJECT_OPENERS
            | words("However Instead Meanwhile Later Earlier Separately Also Indeed")
        )
    )
    + r")\b,?\s+)?(?:[A-Z][^,;:]{0,80},\s+)?"
)


def _closes(s: str, lo: int, hi: int) -> bool:
    """s[lo:hi] (an attribution) closes its sentence: after a comma, a dash or a
    quotation's mark, with only a short tail after it ("…, Kapranos said.")."""
    return bool(_CLOSING_LEAD_RE.search(s, 0, lo)) and bool(_CLOSING_TAIL_RE.match(s, hi))


def _after_fronted(s: str, first_verb: int, lo: int) -> bool:
    """The attribution starting at ``lo`` is the subject right after a fronted clause
    ("When …, " or a participle: "Explaining why …, ") that holds the first verb."""
    opener = s.lstrip().split(" ", 1)[0]
    if opener not in _FRONTED_OPENERS and not (opener[:1].isupper() and opener.endswith("ing")):
        return False
    comma = s.find(",", first_verb)
    return comma != -1 and comma < lo and not s[comma + 1 : lo].strip(" ,").count(",")


def _in_aside(s: str, at: int) -> bool:
    """``at`` falls between a pair of dashes or in brackets that close before the
    sentence ends ("― the congresswoman vowed to … ― Pelosi said"); a dateline's dash
    ("DES MOINES – ") opens nothing."""
    lo = m.end() if (m := _DATELINE_RE.match(s)) else 0
    marks = _ASIDE_DASHES_RE.findall(s, lo, at)
    opened = marks.count("(") > marks.count(")")
    dashes = sum(1 for mark in marks if mark not in "()")
    if not opened and dashes % 2 == 0:
        return False
    close = _ASIDE_DASHES_RE.search(s, at)
    return close is not None and bool(_AFTER_ASIDE_RE.search(s, close.end()))


# "WASHINGTON -- ", "DES MOINES – ", "Denver (AP) – ": a dateline before its dash.
_DATELINE_RE = re.compile(r"\s*[A-Z][\w.,' ]{0,40}(?:\([A-Z]+\))?\s(?:—|–|―|--?)\s")
_AFTER_ASIDE_RE = re.compile(r"\w")


def first_attribution(s: str, verbs: frozenset[str] | None = None) -> Attribution | None:
    """The attribution of the first speech verb in ``s`` (one of ``verbs``, if given)
    that has one: a name, a pronoun ("he said") or a common noun ("the governor
    said"); quotes masked."""
    return next(_attributions(s, verbs), None)


def attributions_near(s: str, qa: int, qb: int) -> Attribution | None:
    """The attribution of the quotation at s[qa:qb] (marks included) in the window ``s``.

    The speech verb nearest the quotation wins ("When Ryan said …, Trump responded,
    '…'" -> Trump); on a tie, the verb after it (the news order '"…," X said').
    """
    s = _without_name_labels(s)
    found = []
    for start, end in _verb_spans(s):
        dist = start - qb if start >= qb else qa - end
        if start >= qb and s[start] in "Aa" and s[start:end].endswith(" to"):
            # '"…," according to The Hill' after 'Clinton criticized … its "secrecy"': the
            # outlet that reports it yields to a verb before the quotation.
            dist += len(s)
        elif s[start:end] in _BELIEF_VERBS:
            # 'Vivendi has said it believes there is "no legal basis"': a verb of
            # belief speaks only where no verb of saying does.
            dist += len(s)
        found.append((max(dist, 0), start < qa, start, end))
    found.sort(key=lambda f: (f[0], f[1]))
    if any(
        end <= qa and s[start:end] in _EVALUATIVE_VERBS and _FAULTED_WORDS_RE.search(s, end, qa)
        for _, _, start, end in found
    ):
        # 'The lawmakers slammed Schiff for his claims that there was "…"', 'Blair
        # criticised Howard for saying it was "…"': the words blamed are the object's,
        # whom no verb names as speaking (but "fined for calling a referee "…"" is the
        # subject's).
        return None
    for _, _, start, end in found:
        att = _at_verb(s, start, end)
        if att is None or (att.kind == "common" and _SHARE_RE.fullmatch(att.name)):
            # (A share of people, "one quarter said they "neither support nor oppose"",
            # is a sentence's subject, not a quotation's speaker: the words are a poll's.)
            continue
        clause = _NEW_CLAUSE_RE.match(s, qb) if qb <= att.start < start else None
        if clause is not None and _CLAUSE_SUBJECT_LEAD_RE.fullmatch(s, clause.end(), att.start):
            # '…look "crazy" and one blogger asking, …', '… as "desperate", while
            # the Liberal Democrats said': the verb after the quotation has a subject of its
            # own in a new clause, not the quotation's attribution.
            continue
        if qb <= att.start and _SUBORDINATE_BEFORE_RE.search(s, max(qb, att.start - 10), att.start):
            # 'Chants of "…" rang out, until the minority leader acknowledged them': the
            # subject of a clause of time or cause after the quotation is not its speaker.
            continue
        return att
    return None


# What someone is blamed or praised for saying: "for his claims that", "for saying".
_FAULTED_WORDS_RE = re.compile(
    r"\bfor (?:(?:his|her|their|its) )?(?:claims?|remarks?|comments?|statements?|words"
    r"|saying|claiming|suggesting|calling|describing|insisting)\b"
)
# A subordinating conjunction right before a subject.
_SUBORDINATE_BEFORE_RE = re.compile(
    r"(?<![\w'’])(?:until|after|before|because|since|unless|although|though|once)\s+\Z"
)
# After a quotation's closing mark: a conjunction opening a clause of its own.
_NEW_CLAUSE_RE = re.compile(r"[\"”’']?[,;]?\s+(?:and|but|while|whereas|as|when)\s")
# What may come between that conjunction and the clause's subject ("and all three of
# the main parties said").
_CLAUSE_SUBJECT_LEAD_RE = re.compile(
    r"(?:(?:[Aa]ll|[Bb]oth|[Ee]ach|[Ss]ome|[Mm]any|[Mm]ost|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our"
    r"|[Ss]everal) ){0,2}(?:of )?(?:the |The )?"
)


def speech_verb_starts(
    text: str, lo: int, hi: int, tokens: set[str] | frozenset[str] | None = None
) -> list[int]:
    """Offsets of the speech verbs in text[lo:hi] (for picking sentences to attribute).

    The verbs a line holds are few: they are picked from its tokens (C-speed split and
    set look-ups) and found with ``str.find``, which costs less than a regex scan whose
    first-letter class, with this many verbs, skips almost nothing. ``tokens``: the
    line's tokens that are in VERB_TOKENS, when the caller has them already.
    """
    seg = text[lo:hi]
    if tokens is None:
        tokens = VERB_TOKENS.intersection(seg.split())
    present = {tok.strip(_EDGE_PUNCT) for tok in tokens}
    if "according" in present or "According" in present:
        present -= {"according", "According"}
        present |= {"according to", "According to"}
    out: list[int] = []
    for w in present:
        i = seg.find(w)
        while i >= 0:
            j = i + len(w)
            before_ok = i == 0 or not (seg[i - 1].isalnum() or seg[i - 1] == "_")
            if before_ok and (j == len(seg) or not (seg[j].isalnum() or seg[j] == "_")):
                out.append(lo + i)
            i = seg.find(w, j)
    out.sort()
    return out


_EDGE_PUNCT = ",.;:!?)(”“\"’‘'—–[]"


def has_speech_verb(text: str, sources: bool = False) -> bool:
    """Cheap test: could a speech verb be in ``text`` (or, with ``sources``, a phrase
    saying where figures come from: :func:`data_source_spans`)? (token look-up)."""
    words = text.split()
    if not _PLAIN_VERB_TOKENS.isdisjoint(words):
        return True
    if not _MADE_TOKENS.isdisjoint(words) and _MADE_CLEAR_RE.search(text):
        return True  # only "made clear that": "made from goat's skin" is no verb of saying
    return sources and not _DATA_SOURCE_TOKENS.isdisjoint(words)


def dash_name(s: str, pos: int) -> Attribution | None:
    """A name right after a dash at s[pos:]: '” ― Francisco Herrero, 52'."""
    m = _DASH_NAME_RE.match(s, pos)
    if m is None:
        return None
    toks = m.group("name").split()
    end = m.end("name")
    if _numbering(toks[-1] + s[end : end + 1], s[end + 1 : end + 3].lstrip()):
        return None  # "― Ch. 4 host Jon Snow": the name after the number is not read
    name = _clean_name(toks)
    if not name or len(name.split()) > 6:
        return None
    a, b = _locate(s, name, m.start("name"), m.end("name"), backwards=False)
    return Attribution(name, a, b, "named")


def colon_name(s: str, pos: int) -> Attribution | None:
    """A name right before a colon that ends at ``pos``, opening its sentence or line:
    'Ellis: “…”'."""
    if s[pos - 1 : pos] != ":" and s[max(0, pos - 2) : pos] != ": ":
        return None  # the pattern ends with the colon at ``pos``: no need to search
    m = _COLON_NAME_RE.search(s, max(0, pos - 80), pos)
    if m is None:
        # "- Manchester City boss Kevin Keegan: "…"": a role (its body before it) first.
        m = _COLON_ROLE_NAME_RE.search(s, max(0, pos - 100), pos)
        if m is None or not is_role_noun(m.group("role")):
            return None
    name = _clean_name(m.group("name").split())
    if not name:
        return None
    a, b = _locate(s, name, m.start("name"), m.end("name"), backwards=True)
    return Attribution(name, a, b, "named")


def colon_subject(s: str, pos: int) -> Attribution | None:
    """The person a sentence ending in a colon right before ``pos`` is about, when it
    says nothing of saying: 'Osbourne himself was at a loss to explain its popularity:
    "…"', 'He is prepared to go this far: "…"' introduce the subject's own words. A name
    or "he"/"she" opening the sentence only: not a body, a document, a possessive ("Her
    shirt carried a slogan:") nor a common noun ("Some of the comments were humorous:")."""
    head = s[max(0, pos - 200) : pos].rstrip()
    if not head.endswith(":"):
        return None
    toks = list(_TOKEN_RE.finditer(head, max(0, head.rfind("\n") + 1)))
    clause = toks[_last_sentence_start(toks) :]
    said = head[clause[0].start() :] if clause else ""
    if len(clause) < 3 or has_speech_verb(said) or any(q in said for q in '"“”'):
        return None
    if clause[-1].group()[:1].isupper():
        return None  # "BBC Two controller Roly Keating:": a name before the colon
    if clause[0].group() in SUBJECT_OPENERS:
        clause = clause[1:]
    subject = _subject(head, clause)
    if subject is None or subject.kind not in ("named", "pronoun"):
        return None
    before = [t.group() for t in clause if t.start() < subject.start]
    if len(before) > 3 or any(w[:1].islower() for w in before):
        return None  # "A photograph of Prince Harry … under the headline:": not its subject
    if subject.kind == "pronoun" and subject.name not in ("he", "she"):
        return None
    possessive = head[subject.end : subject.end + 1] in "'’"
    if possessive or is_organisation(subject.name) or is_document(subject.name):
        return None
    return subject.shifted(max(0, pos - 200))


# A question put to someone right before the quotation that asks it: 'Asked by one of her
# aides, "…?"', 'When asked, "…?"', 'He was asked by reporters: "…?"' (no subject asking).
_ASKED_RE = re.compile(
    r"(?:(?:\A|[.!?]\s+)Asked|\b(?:[Ww]hen|[Ii]f|[Oo]nce|[Aa]fter|[Bb]eing|was|were)\s+asked)"
    r"(?:\s+by\s+(?P<agent>(?:[^,:;.!?\"“”]|(?:(?<=Mr)|(?<=Ms)|(?<=Mrs)|(?<=Dr))\.){1,80}?))?"
    r"\s*[,:]?\s*\Z"
)


def asked_before(s: str, pos: int) -> tuple[bool, Attribution | None]:
    """Is the quotation opening at ``pos`` a question put to someone ('Asked by one of
    Ms Rice's aides, "…"')? Then (True, the asker: a name, a common noun, or None when
    unnamed or not understood); else (False, None)."""
    lo = max(0, pos - 120)
    m = _ASKED_RE.search(s[lo:pos])
    if m is None:
        return False, None
    agent = m.group("agent")
    if agent is None:
        return True, None
    a = lo + m.start("agent")
    toks = agent.split()
    last = toks[-1]
    if last[:1].islower() and is_person_noun(last):
        return True, Attribution(agent, a, a + len(agent), "common")  # "one of her aides"
    if len(toks) <= 4 and all(_NAME_TOKEN_RE.fullmatch(t) for t in toks):
        name = _clean_name(toks)
        if name and not is_organisation(name):
            b, e = _locate(s, name, a, a + len(agent), backwards=False)
            return True, Attribution(name, b, e, "named")
    return True, None


_NAME_WORD = r"(?:[A-Z][\w'’-]*\.?|[A-Z]\.|(?:de|van|von|bin|al|da|di|la|le|del)\b)"
_DASH_NAME_RE = re.compile(
    rf"[ ]?[―—–-]{{1,2}}[ ]?(?P<name>[A-Z][\w'’.-]*(?:[ ]{_NAME_WORD}){{0,5}})(?=[,.;]|[ ]*$)"
)
_COLON_NAME_RE = re.compile(
    rf"(?:^|(?<=[.!?] )|(?<=\n))(?:[-–•][ ])?"
    rf"(?P<name>[A-Z][\w'’.-]*(?:[ ]{_NAME_WORD}){{0,4}}):[ ]?\Z"
)
_COLON_ROLE_NAME_RE = re.compile(
    rf"(?:^|(?<=[.!?] )|(?<=\n))(?:[-–•][ ])?(?:{_NAME_WORD}[ ]){{0,3}}(?P<role>[a-z][\w-]*)[ ]"
    rf"(?P<name>[A-Z][\w'’.-]*(?:[ ]{_NAME_WORD}){{0,3}}):[ ]?\Z"
)


# What follows a person's name: an apposition ("Nadia Farouk, the harbour master," /
# "Tom Hale, 52,") or a speech verb ("Anna Berg said", "Anna Berg has told").
_ROLE_END = "|".join(sorted(_COMMON_HEADS - _DOCUMENT_HEADS, key=len, reverse=True))
_PERSON_AFTER_RE = re.compile(
    # (after a suffix's period: "Theodore J. Boutrous Jr., a lawyer for Wal-Mart,")
    r"\.?(?:"
    # a relative clause after a comma or a dash ("Gerry Conlon - who was wrongly …")
    r"(?:, | -{1,2} | ?[—–] ?)(?:who|whose) |, \d{1,3}[,)]"
    # (a role in -man/-woman/-person too: "JF Sullivan, spokesman for …")
    r"|, (?:[\w-]+ ){0,2}(?:[a-z][\w-]*(?:ant|ent|ist|er|or|man|woman|person)|chair|head"
    r"|chief|boss)"
    r" (?:at|of|for|with)\b"
    r"|, (?:the|a|an|[A-Z][\w'’.-]*(?:'s|’s)) (?:[\w'’-]+ ){0,3}?"
    rf"(?:{_ROLE_END}|[a-z]+(?:er|or|ist|ian|man|woman)|wife|husband|son|daughter)\b"
    # "Piers Freelove is senior benefit officer at …": a role, not any noun in -er.
    r"| (?:is|was) (?:(?:a|an|the) )?(?:[\w-]+ ){0,3}?"
    rf"(?:{_ROLE_END}|[a-z]+(?:ist|man|woman))(?: (?:at|of|for|with|on|in)\b|[,.])"
    r"|,? (?:(?:has|had|also|later) )?" + _any_of(_VERB_LIST) + r"\b"
    # "Shami Chakrabarti, from human rights group Liberty, joined …": one from a body.
    r"|, from (?:the )?(?:[\w'’&-]+ ){0,4}?[A-Z][\w'’&.-]*,)"
)


def person_context(s: str, end: int) -> bool:
    """Does the text after a name at s[:end] show a person (an apposition, a verb of
    saying)?"""
    return _PERSON_AFTER_RE.match(s, end, end + 40) is not None


_PERSON_NOUNS = _COMMON_HEADS - _DOCUMENT_HEADS - _BODY_NOUNS


# "the 43-year-old said": someone of that age, named before.
_AGE_RE = re.compile(r"\d{1,3}-year-old")


def is_people_noun(word: str) -> bool:
    """One person of a people or a place: 'American', 'Spaniard', 'Texan'."""
    return word in _PEOPLE_NOUNS


def is_epithet_head(word: str) -> bool:
    """The last word of a capitalised description of one person: 'the Kentucky *Republican*'."""
    return word in _EPITHET_HEADS


# How an article introduces the words of a description: a party as a word or the
# letter of "(R-Ky.)", a state by name or by its AP abbreviation.
_PARTY_CUES = {
    "Republican": r"Republican|GOP\b|R-[A-Z]",
    "Democrat": r"Democrat|D-[A-Z]",
    "Dem": r"Democrat|D-[A-Z]",
    "Tory": r"Tory|Conservative",
    "Conservative": r"Tory|Conservative",
}
_STATE_ABBREVIATIONS = {
    "Alabama": "Ala", "Arizona": "Ariz", "Arkansas": "Ark", "California": "Calif",
    "Colorado": "Colo", "Connecticut": "Conn", "Delaware": "Del", "Florida": "Fla",
    "Georgia": "Ga", "Illinois": "Ill", "Indiana": "Ind", "Kansas": "Kan", "Kentucky": "Ky",
    "Louisiana": "La", "Maryland": "Md", "Massachusetts": "Mass", "Michigan": "Mich",
    "Minnesota": "Minn", "Mississippi": "Miss", "Missouri": "Mo", "Montana": "Mont",
    "Nebraska": "Neb", "Nevada": "Nev", "Hampshire": "N.H", "Jersey": "N.J", "Mexico": "N.M",
    "Carolina": "C", "Dakota": "D", "York": "N.Y", "Island": "R.I", "Oklahoma": "Okla",
    "Oregon": "Ore",
    "Pennsylvania": "Pa", "Tennessee": "Tenn", "Texas": "Tex", "Vermont": "Vt",
    "Virginia": "Va", "Washington": "Wash", "Wisconsin": "Wis", "Wyoming": "Wyo",
}  # fmt: skip


def _cue(word: str, before: str) -> str:
    if word in _PARTY_CUES:
        return _PARTY_CUES[word]
    abbreviation = _STATE_ABBREVIATIONS.get(word)
    if abbreviation is not None:
        if len(abbreviation) == 1:
            # "North Carolina" is "N.C.": a bare "C." is any initial ("D.C.").
            if not before:
                return re.escape(word)
            abbreviation = before[0] + "." + abbreviation
        return re.escape(word) + "|" + re.escape(abbreviation) + r"\."
    # A people or a place by its stem: "Scot" in "Scottish", "Calif" in "Californian".
    return re.escape(word[:4] if len(word) > 4 else word)


def epithet_fits(description: str, context: str) -> bool:
    """Does ``context``, the words around someone's name, carry every capitalised word
    of ``description`` ('the Kentucky Republican' ~ 'Sen. Rand Paul, R-Ky.')?"""
    caps = [w for w in description.split() if w[:1].isupper() and w != "The"]
    # "New York", "North Carolina": the state's abbreviation stands for both words.
    following = [*caps[1:], ""]
    cues = [
        _cue(w, before)
        for w, nxt, before in zip(caps, following, ["", *caps[:-1]], strict=True)
        if nxt not in _STATE_ABBREVIATIONS
    ]
    return bool(cues) and all(re.search(r"\b(?:" + cue + ")", context) for cue in cues)


def is_person_noun(word: str) -> bool:
    """A common noun a pronoun can stand for: 'spokesman', 'officials', '43-year-old'."""
    return word.lower() in _PERSON_NOUNS or _AGE_RE.fullmatch(word) is not None


# Roles written in lower case before a name ("talk-show host Eve Marlowe", "striker Ion
# Radu"); not the adjectives among the capitalised modifiers ("former", "fellow").
_LOWER_ROLES = (_PERSON_NOUNS | frozenset(w.lower() for w in _ROLE_NOUNS)) - words(
    "former ex incumbent outgoing incoming newly plus fellow star legend veteran"
)
# Sport's positions and disciplines, written before a name in lower case only ("Perpignan
# centre Jean-Philippe Granclaude", "sprinter Jason Gardener").
_LOWER_ROLES |= words(
    """
    centre center prop flanker hooker fly-half scrum-half full-back fullback sprinter
    hurdler runner swimmer cyclist boxer golfer jockey playmaker all-rounder
    """
)


def is_role_noun(word: str) -> bool:
    """A role written before a person's name: 'host', 'striker', 'spokesman'."""
    return word in _LOWER_ROLES


# "++": a capitalised word then a space; giving letters back never helps (same matches).
# The word-start test is a look-behind after the capital, not before it: a pattern that
# opens with a capital lets the regex engine skip to the next capital (half the time).
_NAMED_SUBJECT_RE = re.compile(
    r"([A-Z](?<![\w'’.-][A-Z])[a-z][\w'’-]++) (?:(?:has|had|also|later|then) )?"
    + _any_of([v for v in _VERB_LIST if not v.endswith("ing")])
    + r"\b"
)


def named_subjects(s: str) -> list[tuple[int, str]]:
    """One-word names doing the saying: 'Federer admitted', 'Safin said' (position, name)."""
    return [
        (m.start(1), m.group(1))
        for m in _NAMED_SUBJECT_RE.finditer(s)
        if m.group(1) not in _NOT_NAMES
        and m.group(1) not in TITLE_WORDS
        and m.group(1) not in _MODIFIERS
        and m.group(1) not in _ORG_WORDS
        # "The News of the World reports": the end of a name, not a person
        and s[max(0, m.start(1) - 4) : m.start(1)] not in ("the ", "The ", " of ")
        # "The star of Rain Man and Tootsie said": a work, the subject its star
        and _WORK_OF_RE.search(s, max(0, m.start(1) - 120), m.start(1)) is None
    ]


def is_title_word(word: str) -> bool:
    """A title written before a name: 'Representative', 'Sen.', 'Mr'."""
    return word in TITLE_WORDS or word in _HONORIFICS


def one_word_name(word: str) -> bool:
    """A capitalised word that may be someone's name ('DiCaprio'), not a function word,
    title, group or organisation word."""
    return not (
        word in _NOT_NAMES or word in TITLE_WORDS or word in _MODIFIERS or word in _ORG_WORDS
    )


_MODIFIED_NOUN_RE = re.compile(r" ([a-z]+)\b")


def _modified_noun(s: str, end: int) -> re.Match[str] | None:
    """The common noun the word ending at ``end`` modifies, if one follows it."""
    m = _MODIFIED_NOUN_RE.match(s, end)
    return m if m is not None and m.group(1) in _COMMON_HEADS else None


def modifies_noun(s: str, end: int) -> bool:
    """Is the word ending at ``end`` followed by a common noun it modifies ('Moore
    campaign chairman', 'a Romney aide')?"""
    return _modified_noun(s, end) is not None


def modifies_role(s: str, end: int) -> bool:
    """Is the word ending at ``end`` followed by a lower-case role it modifies ('Double
    Olympic champion', 'Tottenham sporting director')?"""
    m = _MODIFIED_NOUN_RE.match(s, end)
    return m is not None and is_role_noun(m.group(1))


def is_organisation(name: str) -> bool:
    """A named speaker that is no person: 'South Korean Defense Ministry', 'Bank of England'."""
    toks = name.split()
    return bool(toks) and (toks[-1] in _ORG_WORDS or "of" in toks or name.isupper())


# A person mentioned in running text (for resolving pronouns): an honorific or title
# and a capitalised word, or two to four capitalised words.
# "++"/"{m,n}+" (possessive) where giving characters back can never let a space follow
# (the same matches, without the engine retrying every shorter word).
# Written as "capital, look-behind, rest" (the rest being "(prefix )+word" or the word's
# tail) so the regex engine skips to the next capital: the same matches as
# "(?<![\w'’])(?:(?:[A-Z][a-z]+\.?|[A-Z]{2,5}) )*[A-Z][a-z][\w'’-]*(?: …){0,3}", faster.
# A lower-case letter of a name after its first, accented ones too ("Juan de Léon",
# "Maria Pérez", "Thomas Müller").
_LOWER = "a-zß-öø-ÿ"
_MENTION_RE = re.compile(
    r"[A-Z](?<![\w'’][A-Z])"
    r"(?:(?:[a-z]++\.?|[A-Z]{1,4}+) (?:(?:[A-Z][a-z]++\.?|[A-Z]{2,5}+) )*[A-Z][a-z][\w'’-]*"
    r"|[a-z][\w'’-]*)"
    rf"(?: (?:[A-Z]\.|[A-Z][{_LOWER}][\w'’-]*|[DO]['’][A-Z][\w'’-]*"  # D'Souza, O'Brien
    rf"|(?:de|van|von|bin|al|da|di|del)\b(?! [a-z])|(?:d[aeiu]|l[ae])[A-Z][a-z][\w'’-]*)){{0,3}}"
)


def person_mentions(s: str, lo: int, hi: int) -> list[tuple[int, int, str, str]]:
    """People named in s[lo:hi]: (start, end, name, title) in order.

    A mention is two to four capitalised words ("Rustem Umerov", "Lisa O. Monaco"), or
    a title or honorific and a name ("Mr. Obama", "Defense Minister Umerov"); ``title``
    is the role before the name, lower-case ("defense minister"), or "". Sentence-
    initial function words, organisations and possessive forms are dropped.
    """
    out: list[tuple[int, int, str, str]] = []
    for m in _MENTION_RE.finditer(s, lo, hi):
        if " " not in m.group():
            continue  # one word and no title: never a mention (the common case, cheaply)
        toks = m.group().split()
        after_article = s[max(0, m.start() - 4) : m.start()] in (" the", "the ", " an ") or (
            s[max(0, m.start() - 2) : m.start()] == "a "
        )
        # A run across a sentence end ("… Chris Bailey. Bailey told …", "… the Bill.
        # Instead, …"): each part on its own.
        ends = [k for k, w in enumerate(toks[:-1]) if w.endswith(".") and len(w) > 3]
        ends = [k for k in ends if toks[k] not in TITLE_WORDS and toks[k] not in _HONORIFICS]
        a = m.start()
        bounds = [0] + [e + 1 for e in ends] + [len(toks)]
        for k0, k1 in pairwise(bounds):
            part = toks[k0:k1]
            b = a + len(" ".join(part))
            if k1 < len(toks):
                part = [*part[:-1], part[-1][:-1]]  # the sentence's period
            found = _mention(s, part, a, b, after_article and k0 == 0)
            if found is not None:
                out.append(found)
            a = b + 1
    return out


def _mention(
    s: str, toks: list[str], lo: int, hi: int, after_article: bool
) -> tuple[int, int, str, str] | None:
    """The person named by the capitalised words ``toks`` written at s[lo:hi], or None."""
    if len(toks) < 2:
        return None
    following = _NEXT_LOWER_RE.match(s, hi)
    if following is not None and following.group(1) in _ATTRIBUTED_NOUNS:
        return None  # "the Resist Trump movement": a name that modifies a noun
    if after_article and not any(w in TITLE_WORDS for w in toks[:-1]):
        return None  # "the Missouri Republican", "the White House"; not "the Treasury Paul …"
    # Title Case headlines run words together: cut after the last function word
    # ("John McCain Suggests Hillary Clinton's Use Of …") and keep a long run's end.
    if not _NOT_NAMES.isdisjoint(toks):
        cut = [k for k, w in enumerate(toks) if w in _NOT_NAMES and w not in _HONORIFICS]
        if cut:
            relative = toks[cut[-1]] in _RELATIVES
            toks = toks[cut[-1] + 1 :]
            if relative and toks[:1] and toks[0].endswith("ed"):
                toks = toks[1:]  # a headline's "Peter Strzok, Who Criticized Trump in Texts"
    while len(toks) > 2 and toks[0].endswith(("ing", "ed")):
        toks = toks[1:]  # "Indicting Roger Stone", "Updated Rick Santorum"
    # A long run keeps its last two words, and a generational suffix after them
    # ("Theodore J. Boutrous Jr." is no headline's run).
    suffix = toks[-1:] if len(toks) > 2 and toks[-1].rstrip(".") in NAME_SUFFIXES else []
    core = toks[: len(toks) - len(suffix)]
    if len(core) > 3 and not any(w in TITLE_WORDS or w in _HONORIFICS for w in core):
        toks = core[-2:] + suffix
    if not toks or toks[-1] in _ORG_WORDS:
        return None
    last = toks[-1]
    if last.endswith(("'s", "’s")):
        toks[-1] = last[:-2]
    elif last.endswith(("s'", "s’")):
        toks[-1] = last[:-1]  # "Matt Williams' side": Matt Williams
    # The role runs to its last title word: "Seattle Mayor Ed Murray", "Defense
    # Minister Rustem Umerov" (a place or an adjective may come first).
    k = 0
    for j in range(len(toks) - 1):
        if toks[j] in TITLE_WORDS or toks[j] in _HONORIFICS:
            k = j + 1
    titles = toks[:k]
    name_toks = toks[k:]
    if name_toks and (name_toks[0] in _MODIFIERS or "-" in name_toks[0]):
        name_toks = _strip_modifiers(name_toks)
    name_toks = _from_first_name(name_toks, s[max(0, lo - 3) : lo] == "of ")
    if not (_NOT_NAMES.isdisjoint(name_toks) and TITLE_WORDS.isdisjoint(name_toks)):
        # A surname that is a title word ("John Major", "Paul King") after a first name.
        # Or after an honorific: "Ms King", "Mr Major".
        surname = len(name_toks) >= 2 and TITLE_WORDS.isdisjoint(name_toks[:-1])
        addressed = len(name_toks) == 1 and titles[-1:] and titles[-1] in _ADDRESS
        if addressed and name_toks[0] in _SURNAME_TITLES:
            pass
        elif not (surname and _NOT_NAMES.isdisjoint(name_toks) and name_gender(name_toks[0])):
            return None
    if name_toks and name_toks[0] in _COUNT_WORDS:
        return None  # "One Democrat", "Another Republican": a common noun, no name
    if any(t.endswith(("'s", "’s")) for t in name_toks[:-1]):
        # "Manchester United's Alex Ferguson"; "Microsoft's Windows" is one word
        owners = [k for k, t in enumerate(name_toks[:-1]) if t.endswith(("'s", "’s"))]
        name_toks, titles = name_toks[owners[-1] + 1 :], []
    if len(name_toks) < 2 and not titles:
        return None
    name = " ".join(name_toks)
    a, b = _locate(s, name, lo, hi, backwards=True)
    title = " ".join(t.rstrip(".").lower() for t in titles if t not in _HONORIFICS)
    return a, b, name, title


# Common English first names whose bearers are nearly always of one gender, so "she
# said" does not go to the nearest "Barack Obama". A name in neither list fits both.
_FEMALE_NAMES = words(
    """
    Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa
    Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa
    Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Shirley Angela Helen Anna
    Brenda Pamela Nicole Emma Samantha Katherine Christine Debra Rachel Catherine Carolyn
    Janet Ruth Maria Heather Diane Virginia Julie Joyce Victoria Olivia Kelly Christina
    Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha Jacqueline Frances Gloria
    Ann Teresa Kathryn Sara Janice Jean Alice Madison Doris Abigail Julia Judy Grace Denise
    Amber Marilyn Beverly Danielle Theresa Sophia Marie Diana Brittany Natalie Isabella
    Charlotte Rose Alexis Kayla Hillary Nikki Kamala Condoleezza Theresa Angela Ursula
    Marine Elizabeth Nicola Priti Liz Kirsten Dianne Elise Kellyanne Sarah Ivanka Melania
    Michele Alexandria Ilhan Rashida Ayanna Tulsi Amy Marsha Susan Lisa Nancy Ruth Sonia
    Elena Janet Loretta Valerie Samantha Betsy Kirstjen Gina Jeanne Tammy Stacey Gretchen
    Katie Kate Jane Sally Lucy Claire Fiona Yvette Harriet Jacinda Giorgia Annalena
    Jo Tessa Cherie Hazel Anne Jacqui Jackie Yvonne Caroline Clare Kirsty Gillian Joanne
    Kylie Britney Paula Siobhan Justine Serena Venus Sophie Beverley Debra Ellen Meryl
    Cate Keira Gwyneth Natasha Tanya Beth Annie Gemma Lorraine Hayley Patsy Estelle
    """
)
_MALE_NAMES = words(
    """
    James Robert John Michael William David Richard Joseph Thomas Charles Christopher
    Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George
    Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry
    Justin Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis
    Jerry Tyler Aaron Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah
    Jeremy Christian Keith Roger Terry Gerald Harold Sean Austin Carl Arthur Lawrence Dylan
    Jesse Jordan Bryan Billy Joe Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah
    Randy Roy Vincent Ralph Eugene Russell Bobby Mason Philip Louis Barack Bill Mike Mitch
    Tony Gordon Ian Iain Nigel Alastair Alistair Neil Gareth Colin Graham Liam Simon Martin
    Andy Dave Stuart Stewart Charlie Derek Trevor Geoff Geoffrey Malcolm Duncan Hugh Oliver
    Jamie Ben Craig Darren Clive Robbie Ronnie Shaun Phil Sven Thierry Arsene Jacques Pierre
    Luis Carlos Marcel Didier Ken Kenny Ray Rupert Piers Howard Vince Eddie Matt Nick Dan
    Danny Tommy Joel Glenn Denis
    Chuck Ted Marco Rand Newt Mitt Bernie Joe Vladimir Boris Emmanuel Xi Kim Volodymyr
    Benjamin Rick Jeb Chris Lindsey Tim Tom Jim Bob Dick Al Jimmy Ronald Gavin Ron Pete
    Beto Kevin Steve Rudy Rudolph Rex Jared Devin Jeff Newt Orrin Harry Hank Lloyd Antony
    Rishi Keir Olaf Justin Narendra Recep Ali Hassan Mohammed Muhammad Ahmed Abdullah
    Sergei Dmitry Alexei Rustem Andriy Oleksandr Yoon Moon Shinzo Fumio Jair Andres
    """
)
_FIRST_NAMES = _FEMALE_NAMES | _MALE_NAMES
# "Sr" names the one the plain name names ("Fred Trump Sr." is "Fred Trump"): dropped.
# "Jr", "II" and on name another person than the plain name, so they stay with the
# surname ("Donald Trump Jr." 'trump jr|donald', "Trump Jr" 'trump jr'): neither is
# "Donald Trump", nor a "Trump" of any given name (key_clause).
_KEY_DROP = words("sr sr.")
_KEY_SUFFIXES = words("jr ii iii iv")


def name_gender(name: str) -> str | None:
    """'he', 'she' or None (unknown) from a full name's first word."""
    first = name.split()[0] if name.split() else ""
    if first in _FEMALE_NAMES and first not in _MALE_NAMES:
        return "she"
    if first in _MALE_NAMES and first not in _FEMALE_NAMES:
        return "he"
    return None


def speaker_key(name: str | None) -> str | None:
    """One key for one speaker across articles: 'surname|given names', ASCII lower-case,
    titles, honorifics and initials dropped ('Defence Minister Rustem Umerov' and
    'Rustem Umerov' -> 'umerov|rustem'; 'Umerov' -> 'umerov'; 'Donald Trump Jr.' ->
    'trump jr|donald', see _KEY_SUFFIXES); an organisation is its whole name ('pentagon',
    'bank of england'); people speaking together (:func:`joint_names`) "&" before each
    one's key ('John Smith and Mary Jones' -> '&smith|john&jones|mary'). None when
    nothing is left."""
    if not name:
        return None
    people = joint_names(name)
    if people is not None:
        # People speaking together: "&" and each one's key ('Smith and Mary Jones' ->
        # '&smith&jones|mary'), every such key in one range of the index (key_clause).
        keys = [k for k in map(speaker_key, people) if k]
        return keys[0] if len(keys) == 1 else ("&" + "&".join(keys) if keys else None)
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    toks = [t for t in ascii_name.replace("’", "'").split() if t]
    if is_organisation(name):
        key = " ".join(t.lower().strip(".,") for t in toks if t not in _NOT_NAMES)
        return key or None
    while len(toks) > 1 and (toks[0] in TITLE_WORDS or toks[0] in _HONORIFICS):
        toks = toks[1:]
    toks = [t.strip(".,").lower() for t in toks]
    toks = [t for t in toks if len(t) > 1 and t not in _KEY_DROP]
    suffix = ""
    if toks and toks[-1] in _KEY_SUFFIXES:
        suffix, toks = " " + toks[-1], toks[:-1]
    toks = [t for t in toks if t not in _KEY_SUFFIXES]
    if not toks:
        return None
    surname, given = toks[-1] + suffix, toks[:-1]
    return surname + ("|" + " ".join(given) if given else "")


def key_people(key: str) -> list[str]:
    """The keys of the people a speaker key names: a joint key's each
    ('&smith|john&jones|mary' -> ['smith|john', 'jones|mary']), else the key itself."""
    return key[1:].split("&") if key.startswith("&") else [key]


def speaker_people(speaker: str, key: str) -> list[tuple[str, str]]:
    """(key, name) of each person a stored speaker and its key name: the people of a
    joint speaker (:func:`joint_names`), else the speaker itself."""
    if not key.startswith("&"):
        return [(key, speaker)]
    people = [(speaker_key(name), name) for name in joint_names(speaker) or []]
    return [(k, name) for k, name in people if k]


def keys_clash(a: str, b: str) -> bool:
    """Whether keys ``a`` and ``b`` name other people of one surname: some of their people
    (:func:`key_people`) share a surname, and none of those has given names agreeing
    with the other's ('trump|donald' and 'trump|melania'; not 'trump' and 'trump|melania',
    nor '&smith|john&jones|mary' and 'jones|mary')."""
    if a[:1] != "&" and b[:1] != "&":  # (one person each: the matcher's many pairs)
        surname_a, _, given_a = a.partition("|")
        surname_b, _, given_b = b.partition("|")
        return (
            surname_a == surname_b
            and bool(given_a)
            and bool(given_b)
            and not given_names_agree(given_a, given_b)
        )
    same = [
        (ga, gb)
        for sa, _, ga in (k.partition("|") for k in key_people(a))
        for sb, _, gb in (k.partition("|") for k in key_people(b))
        if sa == sb
    ]
    return bool(same) and not any(not ga or not gb or given_names_agree(ga, gb) for ga, gb in same)


def given_names_agree(a: str, b: str) -> bool:
    """Whether two keys' given names (``'donald'``, ``'donald john'``) can name one
    person: one's words begin the other's. 'donald' agrees with 'donald john', 'george'
    with 'george walker'; 'donald' not with 'melania', 'donald john' not with 'donald
    james', 'don' not with 'donald'."""
    return a == b or b.startswith(a + " ") or a.startswith(b + " ")


def _agreeing_keys(key: str, column: str) -> tuple[str, list[str]]:
    """SQL on ``column`` for the full keys whose given names agree with those of the full
    ``key`` (:func:`given_names_agree`): the key, its shorter forms ('trump|donald' for
    'trump|donald john') and its longer ones, every 'trump|donald …' — one range, as
    ' ' < '!': ['trump|donald ', 'trump|donald!')."""
    surname, _, given = key.partition("|")
    words_ = given.split()
    shorter = [surname + "|" + " ".join(words_[:i]) for i in range(1, len(words_) + 1)]
    marks = ", ".join("?" * len(shorter))
    return (
        f"({column} IN ({marks}) OR ({column} >= ? AND {column} < ?))",
        [*shorter, key + " ", key + "!"],
    )


# Quotes, with their articles as ``a``, for a condition on the articles; CROSS JOIN
# keeps the quotes first, read by the key's index (the surname's few hundred quotes at
# most), not every article of a source.
_QUOTES_IN_ARTICLES = (
    "quotes q CROSS JOIN statements s ON s.id = q.statement_id"
    " CROSS JOIN articles a ON a.id = s.article_id"
)


def key_clause(key: str, within: tuple[list[str], list] | None = None) -> tuple[str, list[str]]:
    """SQL on ``q.speaker_key`` (quotes aliased ``q``) for the quotes whose speaker fits
    ``key``.

    A surname alone ('trump') fits every key of that surname. A full name
    ('trump|donald') fits the keys whose given names agree with its own
    (:func:`given_names_agree`: 'trump|donald john', not 'trump|melania' nor 'trump
    jr|donald'), and the surname alone only when every full name of that surname among
    the quotes agrees with it too: 'obama' is Barack Obama's where no other Obama is
    quoted, but 'trump' is nobody's in particular beside Donald, Melania and Ivanka.
    People speaking together (a key of '&' and each one's, :func:`speaker_key`) fit the
    key of each of them as one person's key would ('&smith|john&jones|mary' fits 'jones',
    'jones|mary', 'smith|john'), read in their own range of the index; a key of people
    together fits the keys of as many people together, in any order, each of whom fits
    one of its people as a full name or a surname alone fits ('&pelosi&schumer' fits
    '&schumer|chuck&pelosi|nancy'; '&smith|john&jones|mary' not '&smith&jones').
    ``within``: conditions on ``articles a`` (:meth:`db.articles.ArticleFilter.conditions`)
    that say which quotes "the quotes" are — those of the list the speaker is picked in,
    so that a name fits its surname exactly where :func:`db.quote_reads.speakers_counted`
    counts the surname's quotes as that name's.

    The clause is ``q.speaker_key IN (the fitting keys)``, the keys read once from the
    partial index on the key: the quotes are then read by key too, also beside a filter
    on a large source (an OR of the key's ranges beside it would walk the source's
    articles instead).
    """
    if key.startswith("&"):  # people together: the same people, in any order
        fits: list[str] = []
        fit_params: list[str] = []
        for person in key_people(key):
            surname, bar, _ = person.partition("|")
            if bar:
                fit, params = _agreeing_joint(person, "k.speaker_key")
            else:
                fit, params = _joint_fits("k.speaker_key", [surname], [surname + "|"])
            fits.append(fit)
            fit_params += params
        many = f"length(k.speaker_key) - length(replace(k.speaker_key, '&', '')) = {key.count('&')}"
        return _keys_in(" AND ".join([*fits, many])), fit_params
    surname, _, given = key.partition("|")
    if not given:
        # "|" < "}": every 'surname|given' key sorts in [surname|, surname}).
        joint, joint_params = _joint_fits("k.speaker_key", [surname], [surname + "|"])
        return _keys_in(
            f"k.speaker_key = ? OR (k.speaker_key >= ? AND k.speaker_key < ?) OR {joint}"
        ), [surname, surname + "|", surname + "}", *joint_params]
    agreeing, agreeing_params = _agreeing_keys(key, "k.speaker_key")
    joint, joint_params = _agreeing_joint(key, "k.speaker_key")
    alone, alone_params = _joint_fits("k.speaker_key", [surname], [])
    other_name, other_params = _agreeing_keys(key, "q.speaker_key")
    other_joint, other_joint_params = _agreeing_joint(key, "q.speaker_key")
    of_surname, of_surname_params = _joint_fits("q.speaker_key", [], [surname + "|"])
    conditions, condition_params = within or ([], [])
    # Uncorrelated (its q, s and a are its own): SQLite runs it once per statement. Another
    # person of the surname is a key's or one of people's together.
    other = (
        f"SELECT 1 FROM {_QUOTES_IN_ARTICLES if conditions else 'quotes q'}"
        f" WHERE ((q.speaker_key >= ? AND q.speaker_key < ? AND NOT {other_name})"
        f" OR ({of_surname} AND NOT {other_joint}))" + "".join(f" AND {c}" for c in conditions)
    )
    other_params = [
        surname + "|",
        surname + "}",
        *other_params,
        *of_surname_params,
        *other_joint_params,
        *condition_params,
    ]
    return _keys_in(
        f"{agreeing} OR {joint} OR (k.speaker_key = ? AND NOT EXISTS ({other}))"
        f" OR ({alone} AND NOT EXISTS ({other}))"
    ), [
        *agreeing_params,
        *joint_params,
        surname,
        *other_params,
        *alone_params,
        *other_params,
    ]


# Every key of people together begins with "&" (speaker_key), and "'" follows "&": they
# are one range of the index, read whole for one person among them (a few in a thousand).
_JOINT_KEYS = ("&", "'")


def _joint_fits(column: str, exact: list[str], prefixes: list[str]) -> tuple[str, list[str]]:
    """SQL on ``column`` for the keys of people together (:func:`speaker_key`) one of whose
    people's keys is one of ``exact`` or begins with one of ``prefixes``."""
    globs = [g for e in exact for g in (f"*&{_glob(e)}", f"*&{_glob(e)}&*")]
    globs += [f"*&{_glob(p)}*" for p in prefixes]
    fits = " OR ".join(f"{column} GLOB ?" for _ in globs)
    return f"({column} >= ? AND {column} < ? AND ({fits}))", [*_JOINT_KEYS, *globs]


def _agreeing_joint(key: str, column: str) -> tuple[str, list[str]]:
    """:func:`_agreeing_keys` for one person among people together: the full key, its
    shorter forms and its longer ones."""
    surname, _, given = key.partition("|")
    words_ = given.split()
    shorter = [surname + "|" + " ".join(words_[:i]) for i in range(1, len(words_) + 1)]
    return _joint_fits(column, shorter, [key + " "])


def _glob(text: str) -> str:
    """``text`` matched as written by GLOB."""
    return re.sub(r"([*?\[])", r"[\1]", text)


def _keys_in(condition: str) -> str:
    """``q.speaker_key`` among the stored keys (of quotes ``k``) that meet ``condition``."""
    return f"q.speaker_key IN (SELECT DISTINCT k.speaker_key FROM quotes k WHERE {condition})"


def speaker_clause(
    name: str, within: tuple[list[str], list] | None = None
) -> tuple[str, list[str]]:
    """SQL on quotes ``q`` for the quotes of the speaker ``name``: by key for a name
    ("Rustem Umerov", "Umerov"; ``within``: see :func:`key_clause`), as written for a
    common noun ("officials"). People together named in full may be typed with "&"
    ("Rudy Giuliani & Jay Sekulow"); "Marks & Spencer", "Procter & Gamble" stay names."""
    if " & " in name:
        people = joint_names(name.replace(" & ", " and "))
        if people is not None and all(" " in person for person in people):
            name = name.replace(" & ", " and ")
    key = speaker_key(name)
    if key is None or name.strip()[:1].islower():
        return "q.speaker = ? COLLATE NOCASE", [name.strip()]
    return key_clause(key, within)
