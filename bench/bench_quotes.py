"""Quote speakers against BASIL's annotated quote spans.

    python bench/bench_quotes.py [--show-errors]

BASIL (../shared/data/basil) marks biased phrases in 300 articles; those marked
``quote: yes`` carry the speaker's name (``Donald_Trump``, ``House_Democrats``) or a
category (``other_pro``/``other_anti``/``other_neutral``: someone unnamed). Each
article goes through the ingest's own analysis (db.cleaning, db.statements); an
annotated quote is *found* when a stored quote overlaps its text. Over the found
quotes with a named speaker it reports:

* accuracy: the stored speaker is the annotated one (no speaker counts as wrong);
* precision: the same over the quotes given a speaker.

A stored speaker is the annotated one when they share a word (lower-case, plural
folded, titles and stop words left out): ``Trump`` ~ ``Donald_Trump``.

BASIL's annotators often name a group where the text names a person of it: a quote
"Sen. Kirsten Gillibrand said" is labelled ``Democratic_lawmakers``, one by the
NAACP's president ``NAACP``. Whether Gillibrand is one of the Democratic lawmakers
needs knowledge the text does not give, so such labels (a group word such as
lawmakers, Democrats, members, officials, campaign; or an organisation: a one-word
label that is not a known speaker's surname) are counted apart, and the figures that
matter are on the quotes labelled with a person's name.
"""

from __future__ import annotations

import argparse
import glob
import json
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.cleaning import clean_text, clean_title
from db.statements import analyse

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "basil"
_MARKS = " \"“”‘’'«»,.;:"
_GROUP_WORDS = {
    "lawmakers",
    "democrats",
    "republicans",
    "members",
    "officials",
    "campaign",
    "companies",
    "catholics",
    "protestors",
    "protesters",
    "plaintiffs",
    "party",
    "committee",
    "senate",
    "house",
    "gop",
    "supporters",
    "critics",
    "activists",
    "voters",
    "leaders",
    "naacp",
    "buzzfeed",
    "administration",
    "group",
    "now",
    "students",
    "workers",
}
_SKIP = {"the", "of", "and", "mr", "mrs", "ms", "sen", "rep", "president", "gov"}


def _same(got: str, gold: str) -> bool:
    """A shared word; a gold word may be cut short ('Felipe_Calder' for Calderón)."""
    a, b = _words(got), _words(gold)
    return bool(a & b) or any(len(g) >= 5 and w.startswith(g) for w in a for g in b)


def _words(name: str) -> set[str]:
    """The words that tell a name: not short ones, except initials ("JK", "BA") and
    "ad" (an advertisement speaks: `common:ad`)."""
    out = set()
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    for raw in name.replace("_", " ").replace("-", " ").split():
        w = raw.strip(".,'’").lower()
        short = len(w) == 2 and (raw.strip(".,'’").isupper() or w == "ad")
        if (len(w) > 2 or short) and w not in _SKIP:
            out.add(w[:-1] if w.endswith("s") else w)
    # "Democratic" / "Democrats", "Republican(s)": one party word.
    return {"democrat" if w.startswith("democrat") else w for w in out}


def _is_group(label: str) -> bool:
    toks = label.lower().split("_")
    return len(toks) < 2 or any(t in _GROUP_WORDS for t in toks)


def _article(path: str) -> tuple[str, list[dict]]:
    with open(path, encoding="utf-8") as fh:
        d = json.load(fh)
    ann_path = path.replace("/articles/", "/annotations/").replace(".json", "_ann.json")
    try:
        with open(ann_path, encoding="utf-8") as fh:
            anns = json.load(fh)["phrase-level-annotations"]
    except FileNotFoundError:
        anns = []
    title = clean_title(d["title"])
    body = clean_text("\n\n".join(" ".join(p) for p in d["body-paragraphs"]))
    return title + "\n\n" + body, [a for a in anns if a.get("quote") == "yes"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    n = found = attributed = correct = 0
    groups = {"n": 0, "found": 0, "attributed": 0, "correct": 0}
    errors = []
    for path in sorted(glob.glob(str(DATA / "articles" / "*" / "*.json"))):
        text, anns = _article(path)
        body_start = text.index("\n\n") + 2
        quotes = {
            (q.start, q.end): q for st in analyse(text, body_start) for q in st.quotes
        }.values()
        for a in anns:
            if a["speaker"].startswith("other"):
                continue
            inner = clean_title(a["txt"]).strip(_MARKS)
            pos = text.find(inner) if inner else -1
            if pos < 0:
                continue
            hit = [q for q in quotes if q.start < pos + len(inner) and pos < q.end]
            q = hit[0] if hit else None
            ok = bool(q and q.speaker and _same(q.speaker, a["speaker"]))
            if _is_group(a["speaker"]):
                groups["n"] += 1
                groups["found"] += q is not None
                groups["attributed"] += bool(q and q.speaker)
                groups["correct"] += ok
                continue
            n += 1
            if q is None:
                continue
            found += 1
            attributed += bool(q.speaker)
            correct += ok
            if not ok:
                errors.append((a["speaker"], q.speaker, q.speaker_kind, inner[:70], path))
    g = groups
    print(
        f"BASIL quotes labelled with a group or organisation (apart): {g['n']}, found"
        f" {g['found']}, given a speaker {g['attributed']}, sharing a word {g['correct']}"
    )
    print(f"BASIL quotes labelled with a person, located in the text: {n}")
    print(f"  found as quotes: {found} ({found / max(n, 1):.1%})")
    print(f"  given a speaker: {attributed} ({attributed / max(found, 1):.1%} of found)")
    print(f"  speaker accuracy where found: {correct / max(found, 1):.1%} ({correct}/{found})")
    print(f"  speaker precision: {correct / max(attributed, 1):.1%} ({correct}/{attributed})")
    if args.show_errors:
        for gold, got, kind, quote, path in errors:
            print(f"  gold={gold!r} got={got!r} ({kind}) {quote!r}  {Path(path).name}")


if __name__ == "__main__":
    main()
