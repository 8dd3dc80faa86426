"""Quote attribution on a hand-labelled set of BBC quotes (bench/quotes_labelled.tsv).

    python bench/bench_quotes_labelled.py [--show-errors]

How the set was made: 171 quotes from 90 BBC articles (../shared/data/bbc), drawn
at random (seed 13, articles shuffled, up to two quotes of at least 12 characters
per article, as db.quotes finds the spans), each read in its article by the person
who wrote this benchmark and labelled with who said it as a reader of the article
would say: a surname ("Raynsford" for "he said" after Mr Raynsford), an organisation
("CAS", "IBM"), or ``common:`` and the noun for a common-noun speaker
("common:spokesman"); alternatives with ``|``; ``-`` when the text attributes the
words to nobody (scare quotes, titles of things, a headline's quote): 12 of the 171.
Labels were written before looking at what the extractor says. Offsets index the
stored text (headline, blank line, body, cleaned as the ingest does).

Scored like bench/bench_quotes.py: a speaker is right when it shares a word with a
label. Precision: right / quotes given a speaker (a speaker for a ``-`` quote is
wrong); recall: right / quotes with a label other than ``-``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_quotes import _same

from db.cleaning import clean_text, clean_title
from db.statements import analyse

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data"


def _stored(path: Path) -> tuple[str, int]:
    raw = path.read_text(encoding="utf-8", errors="replace")
    title, _, body = raw.partition("\n")
    head = clean_title(title)
    return head + "\n\n" + clean_text(body), len(head) + 2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    rows = [
        line.rstrip("\n").split("\t", 4)
        for line in (HERE / "quotes_labelled.tsv").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    cache: dict[str, list] = {}
    labelled = attributed = right = 0
    errors = []
    for file, start, end, gold, quote in rows:
        if file not in cache:
            text, body_start = _stored(DATA / file)
            cache[file] = [q for st in analyse(text, body_start) for q in st.quotes]
        s, e = int(start), int(end)
        hit = [q for q in cache[file] if q.start < e and s < q.end]
        got = hit[0].speaker if hit else None
        labelled += gold != "-"
        if got is None:
            if gold != "-":
                errors.append((gold, got, quote))
            continue
        attributed += 1
        golds = [g.removeprefix("common:") for g in gold.split("|")] if gold != "-" else []
        if any(_same(got, g) for g in golds):
            right += 1
        else:
            errors.append((gold, got, quote))
    print(f"labelled quotes: {len(rows)} ({labelled} with a speaker)")
    print(f"  given a speaker: {attributed}")
    print(f"  precision: {right / max(attributed, 1):.1%} ({right}/{attributed})")
    print(f"  recall: {right / max(labelled, 1):.1%} ({right}/{labelled})")
    if args.show_errors:
        for gold, got, quote in errors:
            print(f"  gold={gold!r} got={got!r} {quote[:70]!r}")


if __name__ == "__main__":
    main()
