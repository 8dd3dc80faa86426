"""Draw a set of Reuters-21578 (or, ``--corpus bbc-basil``, BBC and BASIL) sentences of
reported speech whose subject is a body noun ("the company said", "the bank added"), to
be labelled blind with the body it stands for:
``python bench/make_body_speakers.py --set N --seed S --size K > raw.tsv``, then
the label column filled by hand from the article text shown with ``--show`` (no
prediction is printed). One sentence per article; articles drawn at random. BBC and
BASIL (set 6 on): an article is named by its path under the data folder, the offset is
into its body as the ingest composes it, a sentence holding a quotation mark is left out
(reported speech without quotation marks) and so are the articles of the quote sets
(``quotes_heldout*.tsv``, ``quotes_labelled.tsv``)."""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
REUTERS = DATA / "reuters21578" / "reuters21578.jsonl"
# The nouns of db.article_people's rule and a few it does not know, so both show.
NOUNS = (
    "company|firm|group|bank|ministry|department|agency|airline|retailer|carmaker|"
    "insurer|lender|utility|corporation|commission|union|board|exchange|maker|producer"
)
SENTENCE_RE = re.compile(
    rf"[^.\n]*\b[Tt]he (?:{NOUNS}) (?:also |later |earlier )?"
    r"(?:said|says|added|told|noted|stated|estimated|predicted|reported)\b[^\n]*?\.(?=\s|$)"
)


# BBC and BASIL name fewer firms: the bodies of news of politics, sport and culture too.
MORE_NOUNS = (
    "government|council|party|organisation|organization|association|authority|club|"
    "committee|watchdog|regulator|administration|campaign|network|broadcaster|newspaper|"
    "charity|court|team|institute|foundation|studio|label|federation|office"
)
WIDE_SENTENCE_RE = re.compile(
    rf"[^.\n]*\b[Tt]he (?:{NOUNS}|{MORE_NOUNS}) (?:also |later |earlier )?"
    r"(?:said|says|added|told|noted|stated|estimated|predicted|reported)\b[^\n]*?\.(?=\s|$)"
)
QUOTE_MARK_RE = re.compile(r"[\"“”]")


def articles() -> Iterator[dict[str, str]]:
    with REUTERS.open(encoding="utf-8") as src:
        for line in src:
            art = json.loads(line)
            if art.get("text"):
                yield art


def stored_articles() -> Iterator[dict[str, str]]:
    """BBC and BASIL articles as the ingest composes them (``text`` is the body), none of
    a quote set's."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from make_quotes_heldout import stored_article

    here = Path(__file__).resolve().parent
    quoted = set()
    for path in [*here.glob("quotes_heldout*.tsv"), here / "quotes_labelled.tsv"]:
        lines = path.read_text(encoding="utf-8").splitlines()
        quoted |= {line.split("\t", 1)[0] for line in lines if not line.startswith("#")}
    paths = sorted(DATA.glob("bbc/*/*.txt")) + sorted(DATA.glob("basil/articles/*/*.json"))
    for path in paths:
        name = str(path.relative_to(DATA))
        if name not in quoted:
            text, body = stored_article(path)
            yield {"id": name, "text": text[body:]}


def earlier_sets() -> set[str]:
    """The articles of the sets already drawn (``body_speakers*.tsv``): left out."""
    ids = set()
    for path in Path(__file__).resolve().parent.glob("body_speakers*.tsv"):
        lines = path.read_text(encoding="utf-8").splitlines()
        ids |= {line.split("\t", 1)[0] for line in lines if not line.startswith("#")}
    return ids


def draw(seed: int, size: int, corpus: str = "reuters") -> list[tuple[str, int, str]]:
    """(article id, offset of the sentence in the body, sentence): one per article, none
    of an earlier set's."""
    found = []
    drawn = earlier_sets()
    for art in articles() if corpus == "reuters" else stored_articles():
        if art["id"] in drawn:
            continue
        if corpus == "reuters":
            hits = list(SENTENCE_RE.finditer(art["text"]))
        else:
            hits = [
                m
                for m in WIDE_SENTENCE_RE.finditer(art["text"])
                if not QUOTE_MARK_RE.search(m.group())
            ]
        if hits:
            found.append((art["id"], hits))
    rng = random.Random(seed)
    rng.shuffle(found)
    out = []
    for art_id, hits in found[:size]:
        m = rng.choice(hits)
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        out.append((art_id, start, " ".join(m.group().split())))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--size", type=int, default=40)
    parser.add_argument("--show", action="store_true", help="the text before each sentence")
    parser.add_argument("--corpus", choices=("reuters", "bbc-basil"), default="reuters")
    args = parser.parse_args()
    texts = {}
    rows = draw(args.seed, args.size, args.corpus)
    if args.show:
        wanted = {r[0] for r in rows}
        source = articles() if args.corpus == "reuters" else stored_articles()
        texts = {a["id"]: a["text"] for a in source if a["id"] in wanted}
    for art_id, start, sentence in rows:
        if args.show:
            before = texts[art_id][:start]
            sys.stdout.write(f"\n===== {art_id} {start}\n{before[-1500:]}\n>>> {sentence}\n")
        else:
            sys.stdout.write(f"{art_id}\t{start}\t\t{sentence}\n")


if __name__ == "__main__":
    main()
