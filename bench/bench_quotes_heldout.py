"""Quote attribution on a held-out hand-labelled set (bench/quotes_heldout*.tsv).

    python bench/bench_quotes_heldout.py [--set N] [--show-errors] [--strict]

A set (how each was made: bench/README.md and bench/make_quotes_heldout.py) holds every
quoted span of 48 articles (40 BBC, 8 BASIL; set 3: 34, 28 BBC and 6 BASIL; set 4: 30, 24
BBC and 6 BASIL; set 5: 34, 28 BBC and 6 BASIL, near-copies of earlier articles left out)
that the rule writers had not read when it was drawn, each labelled by hand from the text.
Sets 1 (the default) to 4 have since been used to study the extractor's errors (set 4 after
its one untouched run, BENCHMARKS.md); set 5 was drawn and labelled before the rules of
session 6 were written and run once on them (BENCHMARKS.md), so a later untouched figure
needs a set 6.
Labels: ``kind`` (``quote``; ``scare``: a term, a nickname, a word as a word; ``title``: of
a show, book, product or headline) and ``speaker`` (names and ``common:`` nouns,
alternatives with ``|``; ``-`` or ``unresolved`` when the text names nobody; a leading
``?`` when a speaker is only implied: right if given, not counted against recall if not).

Each article goes through the ingest's own reading, composing and analysis
(``db.formats.read_file``, ``db.ingest.compose_text``, ``db.ingest.analyse_verified``).
A labelled span is found when a stored quote overlaps it; the stored quote overlapping it
most gives its speaker. Speakers are compared as in bench/bench_quotes.py (sharing a
word: ``Blair`` ~ ``Tony Blair``), or with ``--strict`` by the stored name's words all
being in the label (``Donald Trump Jr.`` is then not ``Donald Trump``).

* precision: right speakers / spans given a speaker (a speaker for a ``-``, scare quote,
  title or a stored quote over no labelled span is wrong);
* recall: right speakers / real quotes whose label names a speaker (no ``?``).

Errors by kind: wrong speaker, missing speaker (found, no speaker), speaker where the
text names none, missed quote (no stored quote over it), spurious quote (a scare quote
or title stored as a quote, or a stored quote over no labelled span).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_quotes import _same, _words
from make_quotes_heldout import DATA, SETS, read_labels, sample_files, stored_article

from db.ingest import analyse_verified
from db.quotes import QuoteSpan

NO_SPEAKER = ("-", "unresolved")
ERRORS = {
    "wrong_speaker": "wrong speaker",
    "missing_speaker": "missing speaker (quote found, no speaker)",
    "speaker_for_none": "a speaker where the text names none (or for a scare quote/title)",
    "missed_quote": "missed quote (no stored quote over it)",
    "spurious_quote": "spurious quote (a scare quote or title stored as a quote, no speaker)",
}


@dataclass(slots=True)
class Outcome:
    """One labelled span (or one stored quote over none) and what the extractor gave."""

    file: str
    kind: str  # quote, scare, title; "" for a stored quote over no labelled span
    gold: str
    text: str
    got: QuoteSpan | None  # the stored quote overlapping the span most

    @property
    def speaker(self) -> str | None:
        return self.got.speaker if self.got else None


def _strict(got: str, gold: str) -> bool:
    words = _words(got)
    return bool(words) and words <= _words(gold)


def judge(o: Outcome, same: Callable[[str, str], bool]) -> str:
    """The outcome's category: right, one of :data:`ERRORS`, ok (nothing expected,
    nothing given) or unscored (an implied speaker not given)."""
    if o.kind in ("scare", "title", ""):
        if o.got is None:
            return "ok"
        return "speaker_for_none" if o.speaker else "spurious_quote"
    optional = o.gold.startswith("?")
    golds = [g.removeprefix("common:") for g in o.gold.removeprefix("?").split("|")]
    if o.gold in NO_SPEAKER:
        return "speaker_for_none" if o.speaker else "ok"
    if o.got is None:
        return "unscored" if optional else "missed_quote"
    if o.speaker is None:
        return "unscored" if optional else "missing_speaker"
    return "right" if any(same(o.speaker, g) for g in golds) else "wrong_speaker"


def outcomes(set_no: int = 1) -> list[Outcome]:
    """Every labelled span of set ``set_no`` and every stored quote over no labelled span."""
    rows = read_labels(SETS[set_no].tsv)
    out: list[Outcome] = []
    # Articles without a quoted span are read too: the extractor may still find one.
    for file in dict.fromkeys([*sample_files(set_no), *(r["file"] for r in rows)]):
        text, body_start = stored_article(DATA / file)
        statements = analyse_verified(text, body_start)
        if isinstance(statements, str):
            raise SystemExit(f"{file}: {statements}")
        quotes = [q for st in statements for q in st.quotes]
        covered: set[int] = set()
        for r in (r for r in rows if r["file"] == file):
            s, e = int(r["start"]), int(r["end"])
            over = [(min(e, q.end) - max(s, q.start), i) for i, q in enumerate(quotes)]
            over = [(n, i) for n, i in over if n > 0]
            covered.update(i for _, i in over)
            best = quotes[max(over)[1]] if over else None
            out.append(Outcome(file, r["kind"], r["speaker"], text[s:e], best))
        for i, q in enumerate(quotes):
            if i not in covered:
                out.append(Outcome(file, "", "-", q.text, q))
    return out


def _wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of a proportion k/n (small sets: say how sure)."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    mid = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return mid - half, mid + half


def _ratio(k: int, n: int) -> str:
    lo, hi = _wilson(k, n)
    return f"{k / max(n, 1):.1%} ({k}/{n}; 95% CI {lo:.1%}-{hi:.1%})"


def _report(name: str, results: list[tuple[Outcome, str]]) -> None:
    n = Counter(c for _, c in results)
    given = n["right"] + n["wrong_speaker"] + n["speaker_for_none"]
    expected = [
        c
        for o, c in results
        if o.kind == "quote" and o.gold not in NO_SPEAKER and not o.gold.startswith("?")
    ]
    print(f"{name}: precision {_ratio(n['right'], given)}")
    print(f"{' ' * len(name)}  recall {_ratio(expected.count('right'), len(expected))}")


def _show_errors(results: list[tuple[Outcome, str]]) -> None:
    for code, title in ERRORS.items():
        errors = [o for o, c in results if c == code]
        print(f"\n{title}: {len(errors)}")
        for o in errors:
            kind = o.got.speaker_kind if o.got else None
            print(
                f"  {o.file[-28:]:28} {o.kind or 'unlabelled':6} gold={o.gold!r} "
                f"got={o.speaker!r} ({kind}) {o.text[:60]!r}"
            )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=int, choices=sorted(SETS), default=1, help="which held-out set")
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--strict", action="store_true", help="stored name's words all in the label")
    args = ap.parse_args()
    same = _strict if args.strict else _same
    results = [(o, judge(o, same)) for o in outcomes(args.set)]
    labelled = [o for o, _ in results if o.kind]
    kinds = Counter(o.kind for o in labelled)
    print(
        f"set {args.set}: labelled spans: {len(labelled)} in {len({o.file for o in labelled})} of "
        f"{len(sample_files(args.set))} articles ({kinds['quote']} quotes, {kinds['scare']} scare "
        f"quotes, {kinds['title']} titles)"
    )
    _report("all", results)
    _report("BBC", [x for x in results if x[0].file.startswith("bbc/")])
    _report("BASIL", [x for x in results if x[0].file.startswith("basil/")])
    _report("real quotes only", [x for x in results if x[0].kind == "quote"])
    counts = Counter(c for _, c in results)
    print("outcomes: " + ", ".join(f"{c} {n}" for c, n in counts.most_common()))
    if args.show_errors:
        _show_errors(results)


if __name__ == "__main__":
    main()
