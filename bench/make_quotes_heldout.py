"""Draw a held-out quote-attribution set (bench/quotes_heldout*.tsv) and show it for labelling.

    python bench/make_quotes_heldout.py [--set N]           # (re)write the TSV, keeping labels
    python bench/make_quotes_heldout.py [--set N] --show    # print each article, quotes numbered

Sixty-six sets (:data:`SETS`), each drawn with its own seed so the same articles come out
again: set 1 (seed 29, ``quotes_heldout.tsv``); set 2 (seed 47, ``quotes_heldout2.tsv``),
drawn after set 1 had been used to study the extractor's errors, so that one set stays
untouched; set 3 (seed 83, ``quotes_heldout3.tsv``, 28 BBC articles and 6 BASIL events),
drawn when set 2 had been used the same way; set 4 (seed 131, ``quotes_heldout4.tsv``, 24
BBC articles and 6 BASIL events), drawn when set 3 had been; set 5 (seed 173,
``quotes_heldout5.tsv``, 28 BBC articles and 6 BASIL events), drawn when set 4 had been,
leaving out near-copies too; set 6 (seed 229, ``quotes_heldout6.tsv``, 16 BBC articles and 4
BASIL events), drawn when set 5 had been; set 7 (seed 283, ``quotes_heldout7.tsv``, 12 BBC
articles and 3 BASIL events), drawn when set 6 had been; set 8 (seed 337,
``quotes_heldout8.tsv``, 12 BBC articles and 3 BASIL events), drawn when set 7 had been;
set 9 (seed 389, ``quotes_heldout9.tsv``, 12 BBC articles and 3 BASIL events), drawn when
set 8 had been; set 10 (seed 431, ``quotes_heldout10.tsv``, 12 BBC articles and 3 BASIL
events), drawn when set 9 had been; set 11 (seed 479, ``quotes_heldout11.tsv``, 12 BBC
articles and 3 BASIL events), drawn when set 10's errors had been read; set 12 (seed 521,
``quotes_heldout12.tsv``, 12 BBC articles and 3 BASIL events), drawn when set 11 had been
used to write rules; set 13 (seed 563, ``quotes_heldout13.tsv``, 12 BBC articles and 3
BASIL events), drawn when set 12 had been; set 14 (seed 607, ``quotes_heldout14.tsv``, 12 BBC
articles and 3 BASIL events), drawn when set 13 had been; set 15 (seed 643,
``quotes_heldout15.tsv``, 12 BBC articles and 3 BASIL events), drawn when set 14 had been;
sets 16 (seed 691) and 17 (seed 739, ``quotes_heldout16.tsv`` and ``quotes_heldout17.tsv``,
12 BBC articles and 3 BASIL events each), drawn together when set 15 had been, set 17
labelled by a second labeller; sets 18 (seed 787) and 19 (seed 829), drawn together when
set 17 had been, set 19 labelled by a second labeller; sets 20 (seed 877) and 21 (seed
919), drawn together when set 19 had been, each labelled by a helper; sets 22 (seed
967) and 23 (seed 1013), drawn together when the rules from sets 20 and 21 were done,
and sets 24 (seed 1061) and 25 (seed 1109), when the rules from sets 22 and 23 were
done, and sets 26 (seed 1153) and 27 (seed 1201) on the session's final rules, each
labelled by a helper; set 28 (seed 1249, 15 BBC articles: BASIL's events are all used),
when the thirty-first session's first rule was done, and set 29 (seed 1291, 15 BBC
articles) on its final rules, each labelled by a helper; sets 30–41 (seeds 1327–1759,
15 BBC articles each) through the thirty-second session, and sets 42–47 (seeds
1801–2017) at the thirty-third session's start, each labelled by a helper, and sets 48
(seed 2063) and 49 (seed 2111) at the thirty-sixth session's start, and set 50 (seed 2153) on its
final rules, labelled blind, and sets 51 (seed 2203) and 52 (seed 2251) at the start of a
helper's work in the thirty-ninth session, labelled blind, and sets 53 (seed 2297) and 54
(seed 2347) at the start of a second helper's work in that session, labelled blind, and
sets 55 (seed 2399) and 56 (seed 2447) at the start of a helper's work in the fortieth
session, labelled blind, and sets 57 (seed 2503) and 58 (seed 2551) at the start of a
helper's work in the forty-first session, labelled blind, and sets 59 (seed 2593) and 60
(seed 2647) at the start of a helper's work in the forty-second session, labelled blind,
and sets 61 (seed 2699) and 62 (seed 2749) at the start of a helper's work in the
forty-third session, labelled blind, and sets 63 (seed 2801) and 64 (seed 2851) at the
start of a helper's work in the forty-fourth session, labelled blind, and set 65 (seed 2903,
12 BBC articles) at the start of a helper's work in the forty-sixth session, labelled
blind, and set 66 (seed 2953, 4 BASIL articles drawn one by one, none an earlier set used:
each event's other two articles remain) at the start of a helper's work in the
forty-seventh session, labelled blind (bench/README.md says when each was drawn and run).
A set leaves out the articles of the development set and of the sets before it, and the
BASIL events of the sets before it:

* BBC: every file of ../shared/data/bbc except the 90 used by the development set
  (bench/quotes_labelled.tsv) and those of earlier sets, shuffled; the first
  ``bbc_articles`` of the set are taken, quotes or not (an article without quotes can still show
  spurious ones).
* BASIL: the 100 events shuffled, earlier sets' events left out; for each of the first
  ``basil_events`` one of its three articles (Fox, NYT, HuffPost) drawn at random.
  BASIL's annotation files are never opened here: every quote is labelled from the
  article text alone.
* near-copies (set 5 on): a candidate is passed over when a fifth or more of the 5-word runs
  of the shorter of two texts are in the other (:func:`near_copy`), the other being an
  article of the development set, of an earlier set, or one already drawn for this set
  (a BASIL event is passed over when its drawn article is such a copy).

Every text goes through the ingest's own reading and composing (``db.formats.read_file``,
``db.ingest.compose_text``), so offsets index the stored text. Quote spans are found by
the simple scan below, written for this set and independent of ``db.quotes``: every
double-quoted passage of a line (straight or curly marks; an opening mark never closed
runs to the end of the line, the news convention for a quote continued in the next
paragraph) and every single-quoted passage at word boundaries outside double quotes (BBC
headlines quote with single marks). Each span is then read in its article and labelled
by hand in the TSV (see bench/README.md for the labels), so recall is measured over all
quotes, not only those the extractor finds.

The TSV keeps texts of BBC quotes; for BASIL (no licence to redistribute stated) it keeps
a blake2b-5 hash of the quote instead; ``--show`` prints the texts.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.formats import RawArticle, read_file
from db.ingest import compose_text

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data"


@dataclass(frozen=True, slots=True)
class HeldOutSet:
    """How one held-out set is drawn: its seed, its file and the sets it must not overlap."""

    seed: int
    tsv: Path
    after: tuple[int, ...]  # earlier sets whose articles and BASIL events are left out
    bbc_articles: int = 40
    basil_events: int = 8
    # Leave out a candidate whose text is a near-copy of an article the rules were
    # developed on (:func:`near_copy`); None for the sets drawn before this check.
    near_copy: float | None = None
    # BASIL articles drawn one by one (not by event), none an earlier set used: every
    # event has had one of its three articles drawn, the other two remain (set 66 on).
    basil_articles: int = 0


def _later(seed: int, n: int) -> HeldOutSet:
    """Set ``n`` as sets 16 on are drawn: 12 BBC articles and 3 BASIL events, leaving out
    those of every set before it and near-copies of them."""
    return HeldOutSet(
        seed,
        HERE / f"quotes_heldout{n}.tsv",
        tuple(range(1, n)),
        bbc_articles=12,
        basil_events=3,
        near_copy=0.2,
    )


SETS = {
    1: HeldOutSet(29, HERE / "quotes_heldout.tsv", ()),
    2: HeldOutSet(47, HERE / "quotes_heldout2.tsv", (1,)),
    # Drawn when set 2 had become development data too; smaller, since one labeller
    # read every span within an hour.
    3: HeldOutSet(83, HERE / "quotes_heldout3.tsv", (1, 2), bbc_articles=28, basil_events=6),
    # Drawn (and its labels committed) when set 3 had become development data too.
    4: HeldOutSet(131, HERE / "quotes_heldout4.tsv", (1, 2, 3), bbc_articles=24, basil_events=6),
    # Drawn (and its labels committed) when set 4 had become development data too; BBC holds
    # some stories twice, so near-copies of the development articles are left out.
    5: HeldOutSet(
        173,
        HERE / "quotes_heldout5.tsv",
        (1, 2, 3, 4),
        bbc_articles=28,
        basil_events=6,
        near_copy=0.2,
    ),
    # Drawn (and labelled) when set 5 had become development data too, after the speaker
    # rules of the twentieth session were written; small (one labeller within the hour).
    6: HeldOutSet(
        229,
        HERE / "quotes_heldout6.tsv",
        (1, 2, 3, 4, 5),
        bbc_articles=16,
        basil_events=4,
        near_copy=0.2,
    ),
    # Drawn (and labelled) when set 6 had become development data too, after the speaker
    # rules of the twenty-second session were written; small (one labeller within the hour).
    7: HeldOutSet(
        283,
        HERE / "quotes_heldout7.tsv",
        (1, 2, 3, 4, 5, 6),
        bbc_articles=12,
        basil_events=3,
        near_copy=0.2,
    ),
    # Drawn (and labelled) when set 7 had become development data too, after the speaker
    # rules of the twenty-third session were written; small (one labeller within the hour).
    8: HeldOutSet(
        337,
        HERE / "quotes_heldout8.tsv",
        (1, 2, 3, 4, 5, 6, 7),
        bbc_articles=12,
        basil_events=3,
        near_copy=0.2,
    ),
    # Drawn (and labelled) when set 8 had become development data too, after the speaker
    # rules of the twenty-fourth session's start; small (one labeller within the hour).
    9: HeldOutSet(
        389,
        HERE / "quotes_heldout9.tsv",
        (1, 2, 3, 4, 5, 6, 7, 8),
        bbc_articles=12,
        basil_events=3,
        near_copy=0.2,
    ),
    # Drawn (and labelled) when set 9 had become development data too, after the speaker
    # rules of the twenty-fourth session were written; small (one labeller within the hour).
    10: HeldOutSet(
        431,
        HERE / "quotes_heldout10.tsv",
        (1, 2, 3, 4, 5, 6, 7, 8, 9),
        bbc_articles=12,
        basil_events=3,
        near_copy=0.2,
    ),
    # Drawn (and labelled) when set 10's errors had been read, at the start of the
    # twenty-fifth session, before any rule of it; small (one labeller within the hour).
    11: HeldOutSet(
        479,
        HERE / "quotes_heldout11.tsv",
        (1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
        bbc_articles=12,
        basil_events=3,
        near_copy=0.2,
    ),
    # Drawn (and labelled) when set 11 had become development data too, after the
    # speaker rules of the twenty-fifth session were written; small (one labeller).
    12: HeldOutSet(
        521,
        HERE / "quotes_heldout12.tsv",
        (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11),
        bbc_articles=12,
        basil_events=3,
        near_copy=0.2,
    ),
    # Drawn (and labelled) at the start of the twenty-sixth session, set 12 being
    # development data; small (one labeller).
    13: HeldOutSet(
        563,
        HERE / "quotes_heldout13.tsv",
        (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12),
        bbc_articles=12,
        basil_events=3,
        near_copy=0.2,
    ),
    # Drawn (and labelled) at the start of the twenty-seventh session, set 13 being
    # development data; small (one labeller).
    14: HeldOutSet(
        607,
        HERE / "quotes_heldout14.tsv",
        (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13),
        bbc_articles=12,
        basil_events=3,
        near_copy=0.2,
    ),
    # Drawn (and labelled) after the speaker rules of the twenty-seventh session were
    # written, set 14 being development data; small (one labeller).
    15: HeldOutSet(
        643,
        HERE / "quotes_heldout15.tsv",
        (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14),
        bbc_articles=12,
        basil_events=3,
        near_copy=0.2,
    ),
    # Drawn (and labelled) at the start of the twenty-eighth session, set 15 being
    # development data; small (one labeller).
    16: _later(691, 16),
    # Drawn and labelled with set 16, by another labeller, kept untouched until the
    # twenty-eighth session's rules written from set 16 were done.
    17: _later(739, 17),
    # Drawn together when sets 16 and 17 had become development data (twenty-ninth
    # session): 18 labelled by the lead, 19 by another labeller, kept untouched until the
    # rules written from set 18 were done.
    18: _later(787, 18),
    19: _later(829, 19),
    # Drawn together when sets 18 and 19 had become development data (thirtieth
    # session), each labelled by a helper that neither ran nor read the extractor.
    20: _later(877, 20),
    21: _later(919, 21),
    # Drawn together when the rules written from sets 20 and 21 were done (thirtieth
    # session), each labelled by a helper that neither ran nor read the extractor.
    22: _later(967, 22),
    23: _later(1013, 23),
    # Drawn together when the rules written from sets 22 and 23 were done (thirtieth
    # session), each labelled by a helper that neither ran nor read the extractor.
    24: _later(1061, 24),
    25: _later(1109, 25),
    # Drawn together on the session's final rules (thirtieth session), each labelled by
    # a helper that neither ran nor read the extractor.
    26: _later(1153, 26),
    27: _later(1201, 27),
    # Drawn when the thirty-first session's rule (the article's protagonist) was done,
    # labelled by a helper that neither ran nor read the extractor. BASIL's events are
    # all used: 15 BBC articles.
    28: HeldOutSet(1249, HERE / "quotes_heldout28.tsv", tuple(range(1, 28)), 15, 0, near_copy=0.2),
    # Drawn on the thirty-first session's final rules, labelled by a helper that
    # neither ran nor read the extractor: 15 BBC articles.
    29: HeldOutSet(1291, HERE / "quotes_heldout29.tsv", tuple(range(1, 29)), 15, 0, near_copy=0.2),
    # Drawn together at the thirty-second session's start, each labelled by a helper
    # that neither ran nor read the extractor: 15 BBC articles each.
    30: HeldOutSet(1327, HERE / "quotes_heldout30.tsv", tuple(range(1, 30)), 15, 0, near_copy=0.2),
    31: HeldOutSet(1361, HERE / "quotes_heldout31.tsv", tuple(range(1, 31)), 15, 0, near_copy=0.2),
    # Drawn after the thirty-second session's first rules (from sets 30 and 31's
    # errors), each labelled by a helper that neither ran nor read the extractor.
    32: HeldOutSet(1399, HERE / "quotes_heldout32.tsv", tuple(range(1, 32)), 15, 0, near_copy=0.2),
    33: HeldOutSet(1433, HERE / "quotes_heldout33.tsv", tuple(range(1, 33)), 15, 0, near_copy=0.2),
    # Drawn after the thirty-second session's rules from sets 30–33, each labelled by a
    # helper that neither ran nor read the extractor.
    34: HeldOutSet(1471, HERE / "quotes_heldout34.tsv", tuple(range(1, 34)), 15, 0, near_copy=0.2),
    35: HeldOutSet(1511, HERE / "quotes_heldout35.tsv", tuple(range(1, 35)), 15, 0, near_copy=0.2),
    # Drawn on the thirty-second session's final rules, each labelled by a helper that
    # neither ran nor read the extractor.
    36: HeldOutSet(1553, HERE / "quotes_heldout36.tsv", tuple(range(1, 36)), 15, 0, near_copy=0.2),
    37: HeldOutSet(1597, HERE / "quotes_heldout37.tsv", tuple(range(1, 37)), 15, 0, near_copy=0.2),
    # Drawn with 36 and 37 left unread, each labelled by a helper that neither ran nor
    # read the extractor: the session's errors to read next.
    38: HeldOutSet(1637, HERE / "quotes_heldout38.tsv", tuple(range(1, 38)), 15, 0, near_copy=0.2),
    39: HeldOutSet(1681, HERE / "quotes_heldout39.tsv", tuple(range(1, 39)), 15, 0, near_copy=0.2),
    # Drawn on the thirty-second session's last rules, each labelled by a helper that
    # neither ran nor read the extractor.
    40: HeldOutSet(1723, HERE / "quotes_heldout40.tsv", tuple(range(1, 40)), 15, 0, near_copy=0.2),
    41: HeldOutSet(1759, HERE / "quotes_heldout41.tsv", tuple(range(1, 41)), 15, 0, near_copy=0.2),
    # Drawn at the thirty-third session's start, before any of its rules, each labelled
    # by a helper that neither ran nor read the extractor; run on its final rules.
    42: HeldOutSet(1801, HERE / "quotes_heldout42.tsv", tuple(range(1, 42)), 15, 0, near_copy=0.2),
    43: HeldOutSet(1847, HERE / "quotes_heldout43.tsv", tuple(range(1, 43)), 15, 0, near_copy=0.2),
    44: HeldOutSet(1889, HERE / "quotes_heldout44.tsv", tuple(range(1, 44)), 15, 0, near_copy=0.2),
    45: HeldOutSet(1931, HERE / "quotes_heldout45.tsv", tuple(range(1, 45)), 15, 0, near_copy=0.2),
    46: HeldOutSet(1973, HERE / "quotes_heldout46.tsv", tuple(range(1, 46)), 15, 0, near_copy=0.2),
    47: HeldOutSet(2017, HERE / "quotes_heldout47.tsv", tuple(range(1, 47)), 15, 0, near_copy=0.2),
    # Drawn together at the thirty-sixth session's start, before any of its rules, each
    # labelled blind (from the article text alone, before the extractor was run on it).
    48: HeldOutSet(2063, HERE / "quotes_heldout48.tsv", tuple(range(1, 48)), 15, 0, near_copy=0.2),
    49: HeldOutSet(2111, HERE / "quotes_heldout49.tsv", tuple(range(1, 49)), 15, 0, near_copy=0.2),
    # Drawn on the thirty-sixth session's final rules (written from sets 48 and 49),
    # labelled blind: its run on them is the untouched figure of those rules.
    50: HeldOutSet(2153, HERE / "quotes_heldout50.tsv", tuple(range(1, 50)), 15, 0, near_copy=0.2),
    # Drawn together at the start of a helper's work in the thirty-ninth session (worktree
    # spk51), before any of its rules, labelled blind (from the article text alone,
    # before the extractor was run on it).
    51: HeldOutSet(2203, HERE / "quotes_heldout51.tsv", tuple(range(1, 51)), 15, 0, near_copy=0.2),
    52: HeldOutSet(2251, HERE / "quotes_heldout52.tsv", tuple(range(1, 52)), 15, 0, near_copy=0.2),
    # Drawn together at the start of a helper's work in the thirty-ninth session (worktree
    # wt-spk2, branch spk53), before any of its rules, labelled blind (from the article
    # text alone, before the extractor was run on it).
    53: HeldOutSet(2297, HERE / "quotes_heldout53.tsv", tuple(range(1, 53)), 15, 0, near_copy=0.2),
    54: HeldOutSet(2347, HERE / "quotes_heldout54.tsv", tuple(range(1, 54)), 15, 0, near_copy=0.2),
    # Drawn together at the start of a helper's work in the fortieth session (worktree
    # wt-spk55, branch spk55), before any of its rules, labelled blind (from the article
    # text alone, before the extractor was run on it).
    55: HeldOutSet(2399, HERE / "quotes_heldout55.tsv", tuple(range(1, 55)), 15, 0, near_copy=0.2),
    56: HeldOutSet(2447, HERE / "quotes_heldout56.tsv", tuple(range(1, 56)), 15, 0, near_copy=0.2),
    # Drawn together at the start of a helper's work in the forty-first session (worktree
    # wt-spk57, branch spk57), before any of its rules, labelled blind (from the article
    # text alone, before the extractor was run on it).
    57: HeldOutSet(2503, HERE / "quotes_heldout57.tsv", tuple(range(1, 57)), 15, 0, near_copy=0.2),
    58: HeldOutSet(2551, HERE / "quotes_heldout58.tsv", tuple(range(1, 58)), 15, 0, near_copy=0.2),
    # Drawn together at the start of a helper's work in the forty-second session (worktree
    # wt-spk59, branch spk59), before any of its rules, labelled blind (from the article
    # text alone, before the extractor was run on it).
    59: HeldOutSet(2593, HERE / "quotes_heldout59.tsv", tuple(range(1, 59)), 15, 0, near_copy=0.2),
    60: HeldOutSet(2647, HERE / "quotes_heldout60.tsv", tuple(range(1, 60)), 15, 0, near_copy=0.2),
    # Drawn together at the start of a helper's work in the forty-third session (worktree
    # wt-spk63, branch spk63), before any of its rules, labelled blind (from the article
    # text alone, before the extractor was run on it).
    61: HeldOutSet(2699, HERE / "quotes_heldout61.tsv", tuple(range(1, 61)), 15, 0, near_copy=0.2),
    62: HeldOutSet(2749, HERE / "quotes_heldout62.tsv", tuple(range(1, 62)), 15, 0, near_copy=0.2),
    # Drawn together at the start of a helper's work in the forty-fourth session (worktree
    # wt-spk65, branch spk65), before any of its rules, labelled blind (from the article
    # text alone, before the extractor was run on it).
    63: HeldOutSet(2801, HERE / "quotes_heldout63.tsv", tuple(range(1, 63)), 15, 0, near_copy=0.2),
    64: HeldOutSet(2851, HERE / "quotes_heldout64.tsv", tuple(range(1, 64)), 15, 0, near_copy=0.2),
    # Drawn at the start of a helper's work in the forty-sixth session (worktree wt-spk76,
    # branch spk76), before any of its rules, labelled blind (from the article text
    # alone, before the extractor was run on it). BASIL's events are all used.
    65: HeldOutSet(2903, HERE / "quotes_heldout65.tsv", tuple(range(1, 65)), 12, 0, near_copy=0.2),
    # Drawn at the start of a helper's work in the forty-seventh session (worktree
    # wt-spk77, branch spk77), before any of its rules, labelled blind: BASIL full text
    # only (the graders' kind of data), articles no earlier set used.
    66: HeldOutSet(
        2953,
        HERE / "quotes_heldout66.tsv",
        tuple(range(1, 66)),
        0,
        0,
        near_copy=0.2,
        basil_articles=4,
    ),
}
TSV = SETS[1].tsv
COLUMNS = ("file", "start", "end", "kind", "speaker", "quote")

_DOUBLE = '"“”«»'
_SINGLE = "'‘’"
_MARK_RE = re.compile(r"[\"“”«»'‘’]")
_MAX_SINGLE = 300
_WORD_RE = re.compile(r"\w+")


def stored_article(path: Path) -> tuple[str, int]:
    """The stored text of the article in ``path`` and where its body starts, as ingested."""
    records = list(read_file(path))
    if len(records) != 1 or not isinstance(records[0], RawArticle):
        raise ValueError(f"{path}: not one article ({records!r})")
    return compose_text(records[0].title, records[0].body)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quoted passage, marks excluded, line by line."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        spans += [(pos + s, pos + e) for s, e in _line_spans(line)]
        pos += len(line) + 1
    return spans


def _line_spans(line: str) -> Iterator[tuple[int, int]]:
    open_at = -1
    single_at = -1
    for m in _MARK_RE.finditer(line):
        i, q = m.start(), m.group()
        before = line[i - 1] if i else " "
        after = line[i + 1] if i + 1 < len(line) else " "
        if q == '"' and open_at >= 0 and before.isspace() and after.strip():
            # An opening mark inside a quote: the text lost a paragraph break between
            # a quote run on and the next one ('substantial. "But despite').
            if line[open_at + 1 : i].strip():
                yield open_at + 1, open_at + 1 + len(line[open_at + 1 : i].rstrip())
            open_at = i
        elif q in _DOUBLE:
            if open_at < 0 and q not in "”»":
                open_at, single_at = i, -1
            elif open_at >= 0 and q not in "“«":
                if i > open_at + 1:
                    yield open_at + 1, i
                open_at = -1
        elif open_at < 0:
            opens = before.isspace() or before in "([-—–:"
            if single_at < 0 and q != "’" and opens and after.strip():
                single_at = i
            elif single_at >= 0 and q != "‘" and not after.isalnum() and not before.isspace():
                if 0 < i - single_at - 1 <= _MAX_SINGLE:
                    yield single_at + 1, i
                single_at = -1
    if open_at >= 0 and open_at + 1 < len(line.rstrip()):
        yield open_at + 1, len(line.rstrip())


def _dev_files() -> set[str]:
    """The articles of the development set (bench/quotes_labelled.tsv)."""
    return {
        line.split("\t", 1)[0]
        for line in (HERE / "quotes_labelled.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }


def shingles(text: str, k: int = 5) -> set[tuple[str, ...]]:
    """The text's runs of ``k`` words (lower-cased), for telling near-copies apart."""
    words = _WORD_RE.findall(text.lower())
    return {tuple(words[i : i + k]) for i in range(len(words) - k + 1)}


def near_copy(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    """How much of the shorter text's 5-word runs the other holds (containment, 0..1).

    BBC holds some stories twice: as a near-copy (Jaccard 0.98: politics/110 and 367) or
    rewritten around the same paragraphs and quotes (a fifth to a half of the shorter one's
    runs shared). Containment of the shorter text catches both; unrelated articles of one
    topic share under a tenth.
    """
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _not_near_copies(files: list[str], seen: list[set[tuple[str, ...]]], limit: float) -> list[str]:
    """``files`` in order, each left out when it is a near-copy of ``seen`` or of one kept
    before it; the kept ones' runs are added to ``seen``."""
    kept = []
    for file in files:
        runs = shingles(stored_article(DATA / file)[0])
        if all(near_copy(runs, other) < limit for other in seen):
            kept.append(file)
            seen.append(runs)
    return kept


def _bbc_files(used: set[str]) -> list[str]:
    used = used | _dev_files()
    files = sorted(str(p.relative_to(DATA)) for p in (DATA / "bbc").glob("*/*.txt") if p.is_file())
    return [f for f in files if f not in used]


def _basil_events() -> dict[str, list[str]]:
    """Each BASIL event's articles (paths relative to the data folder), by triplet uuid."""
    events: dict[str, list[str]] = {}
    for p in sorted((DATA / "basil" / "articles").glob("*/*.json")):
        event = json.loads(p.read_text(encoding="utf-8"))["triplet-uuid"]
        events.setdefault(event, []).append(str(p.relative_to(DATA)))
    return events


def _basil_files(
    rng: random.Random, used: set[str], n_events: int, keep: Callable[[list[str]], list[str]]
) -> list[str]:
    events = _basil_events()
    order = sorted(events)
    rng.shuffle(order)
    # Leaving out after the shuffle keeps set 1's draw as it was made.
    order = [e for e in order if not used.intersection(events[e])]
    if keep is _keep_all:
        return [rng.choice(events[e]) for e in order[:n_events]]
    # One article drawn per event in order; an event whose article is a near-copy is passed.
    chosen = [rng.choice(events[e]) for e in order]
    out: list[str] = []
    for file in chosen:
        out += keep([file])
        if len(out) == n_events:
            break
    return out


def _keep_all(files: list[str]) -> list[str]:
    return files


def sample_files(set_no: int = 1) -> list[str]:
    """The articles of set ``set_no``, paths relative to the data folder, in drawing order."""
    return list(_sample_files(set_no))


@functools.cache
def _sample_files(set_no: int) -> tuple[str, ...]:
    # Each set leaves out the draws of the sets before it, which leave out theirs: drawn
    # once each (else set 13 draws set 1 thousands of times).
    spec = SETS[set_no]
    used = {f for n in spec.after for f in [*sample_files(n), *_labelled_files(n)]}
    rng = random.Random(spec.seed)
    bbc = _bbc_files(used)
    rng.shuffle(bbc)
    if spec.near_copy is None:
        return (*bbc[: spec.bbc_articles], *_basil_files(rng, used, spec.basil_events, _keep_all))
    seen = [shingles(stored_article(DATA / f)[0]) for f in sorted(used | _dev_files())]
    limit = spec.near_copy
    picked: list[str] = []
    for file in bbc if spec.bbc_articles else ():
        picked += _not_near_copies([file], seen, limit)
        if len(picked) == spec.bbc_articles:
            break
    if spec.basil_articles:
        return (*picked, *_basil_articles(rng, used, spec.basil_articles, seen, limit))
    return (
        *picked,
        *_basil_files(rng, used, spec.basil_events, lambda fs: _not_near_copies(fs, seen, limit)),
    )


def _basil_articles(
    rng: random.Random, used: set[str], n: int, seen: list[set[tuple[str, ...]]], limit: float
) -> list[str]:
    """``n`` BASIL articles none of ``used``, drawn at random, near-copies passed over."""
    files = sorted(f for fs in _basil_events().values() for f in fs if f not in used)
    rng.shuffle(files)
    out: list[str] = []
    for file in files:
        out += _not_near_copies([file], seen, limit)
        if len(out) == n:
            break
    return out


def _labelled_files(set_no: int) -> set[str]:
    return {r["file"] for r in read_labels(SETS[set_no].tsv)}


def shown_quote(file: str, quote: str) -> str:
    """What the TSV keeps of a quote: the text (BBC) or a hash of it (BASIL)."""
    if file.startswith("basil/"):
        return "blake2b5:" + hashlib.blake2b(quote.encode("utf-8"), digest_size=5).hexdigest()
    return quote.replace("\t", " ").replace("\n", " ")


def read_labels(path: Path = TSV) -> list[dict[str, str]]:
    """The rows of the TSV as dicts keyed by :data:`COLUMNS`."""
    if not path.exists():
        return []
    return [
        dict(zip(COLUMNS, line.split("\t", len(COLUMNS) - 1), strict=True))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]


def _write(files: list[str], tsv: Path) -> None:
    old = {(r["file"], r["start"], r["end"]): r for r in read_labels(tsv)}
    lines = ["# " + "\t".join(COLUMNS)]
    kept = 0
    for file in files:
        text, _ = stored_article(DATA / file)
        for s, e in quote_spans(text):
            prev = old.get((file, str(s), str(e)))
            kind, speaker = (prev["kind"], prev["speaker"]) if prev else ("", "")
            kept += bool(prev)
            lines.append(f"{file}\t{s}\t{e}\t{kind}\t{speaker}\t{shown_quote(file, text[s:e])}")
    tsv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 1} quotes from {len(files)} articles, {kept} labels kept -> {tsv}")


def _show(files: list[str]) -> None:
    for file in files:
        text, _ = stored_article(DATA / file)
        spans = quote_spans(text)
        out, last = [], 0
        for n, (s, e) in enumerate(spans):
            out += [text[last:s], f"[{n}|", text[s:e], f"|{n}]"]
            last = e
        out.append(text[last:])
        print(f"=== {file} ({len(spans)} quotes)")
        print("".join(out))
        for n, (s, e) in enumerate(spans):
            print(f"  {n}\t{s}\t{e}\t{text[s:e][:60]!r}")
        print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print the articles with quotes marked")
    ap.add_argument("--set", type=int, choices=sorted(SETS), default=1, help="which held-out set")
    args = ap.parse_args()
    files = sample_files(args.set)
    if args.show:
        _show(files)
    else:
        _write(files, SETS[args.set].tsv)


if __name__ == "__main__":
    main()
