"""A statement's own speaker ("said by" in the browser, ``statements.speaker``) on
hand-labelled sentences of BASIL and BBC (bench/statement_speakers*.tsv).

python bench/bench_statement_speakers.py [--set 1|2|...|13] [--show-errors]

Each set holds sentences without a quotation that had a speaker in the census of the
thirty-fourth session's start tree or of a later tree, labelled by a reader who saw
no prediction (see bench/README.md): the label is who the sentence itself attributes
its content to, a name, or NONE (no one: narration, an action), GROUP (no one named:
"officials said") or UNKNOWN (a pronoun the excerpt does not resolve). Strata:
``random`` (drawn at random from every such sentence) and ``changed`` (drawn from the
sentences whose speaker the session's rules changed).

Precision: of the sentences given a speaker (UNKNOWN left out), those whose speaker
shares a word with the label (or is its initials: "LSE"). "Named found": of the
sentences labelled with a name, those given it.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from make_quotes_heldout import DATA, stored_article

from db.statements import analyse_verified

HERE = Path(__file__).resolve().parent
SETS = {n: HERE / f"statement_speakers{n}.tsv" for n in range(1, 17)}
NO_NAME = frozenset({"NONE", "GROUP", "UNKNOWN"})
_WORD_RE = re.compile(r"[A-Za-z][\w'’-]+")
_SKIP = frozenset({"the", "of", "mr", "mrs", "ms", "dr", "lord", "lady", "sir", "and"})


def _words(name: str) -> set[str]:
    return {w.lower() for w in _WORD_RE.findall(name) if w.lower() not in _SKIP}


def agrees(predicted: str, label: str) -> bool:
    """The predicted speaker names the labelled one: a shared word, or its initials."""
    if _words(predicted) & _words(label):
        return True
    caps = predicted.replace(".", "")
    initials = "".join(
        w[0] for w in _WORD_RE.findall(label) if w.lower() not in ("of", "the", "and", "for")
    )
    return len(caps) >= 2 and caps.isupper() and caps.lower() == initials.lower()


def speakers(paths: set[str]) -> dict[tuple[str, int], str | None]:
    """(path, statement start) -> the statement's speaker, for every statement of
    ``paths`` (files under ../shared/data, read as the ingest reads them)."""
    out: dict[tuple[str, int], str | None] = {}
    for path in sorted(paths):
        text, body_start = stored_article(DATA / path)
        statements = analyse_verified(text, body_start)
        if isinstance(statements, str):
            raise SystemExit(f"{path}: {statements}")
        for st in statements:
            out[(path, st.start)] = st.speaker
    return out


def evaluate(path: Path, show_errors: bool) -> str:
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
    got = speakers({r["path"] for r in rows})
    lines = [f"{path.name}: {len(rows)} sentences"]
    by_stratum: dict[str, list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        by_stratum[r["stratum"]].append(r)
    errors = []
    for stratum, group in sorted(by_stratum.items(), key=lambda kv: kv[0] != "random"):
        right = wrong = named = found = 0
        for r in group:
            label = r["label"]
            predicted = got.get((r["path"], int(r["char_start"])))
            named += label not in NO_NAME
            if not predicted or label == "UNKNOWN":
                if label not in NO_NAME:
                    errors.append((r, predicted, "missed"))
                continue
            ok = label not in NO_NAME and agrees(predicted, label)
            right += ok
            wrong += not ok
            found += ok
            if not ok:
                errors.append((r, predicted, "wrong"))
        given = right + wrong
        precision = 100 * right / given if given else 0.0
        lines.append(
            f"  {stratum:8} precision {precision:.1f}% ({right}/{given} given a speaker);"
            f" named found {found}/{named}"
        )
    if show_errors:
        for r, predicted, what in errors:
            lines.append(f"  {what}: #{r['id']} got {predicted!r}, label {r['label']!r}")
            lines.append(f"      {r['sentence'][:200]}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", type=int, choices=sorted(SETS), action="append")
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    for n in args.set or sorted(SETS):
        print(evaluate(SETS[n], args.show_errors))


if __name__ == "__main__":
    main()
