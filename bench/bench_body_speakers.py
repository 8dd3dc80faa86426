"""Who "the company said" is: each labelled sentence of a body-noun speaker set
(``body_speakers<N>.tsv``, drawn by make_body_speakers.py, labelled blind) against the
speaker db.statements.analyse_verified gives the statement holding it, the article's
headline and text composed as ingest does. ``python bench/bench_body_speakers.py --set 1
[--show]``. A label '?X' accepts X or no speaker. A name is right when, its legal suffix
and a leading "The"/"U.S." dropped, its words start the label's or the label's start it
("Asher Technologies" for "Asher Technologies Inc"); a label's alternatives are
separated by '|'. Set 6 on: BBC and BASIL articles, named by their path under the data
folder (``--corpus bbc-basil`` of make_body_speakers.py)."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.ingest import compose_text
from db.statements import analyse_verified

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "data"
REUTERS = DATA / "reuters21578" / "reuters21578.jsonl"
_DROP = {"the", "u.s.", "inc", "corp", "co", "ltd", "l.p.", "lp", "bhd", "plc", "group"}


def key(name: str) -> list[str]:
    return [w for w in re.split(r"[\s,]+", name.lower().replace("’", "'")) if w not in _DROP]


def same(got: str, label: str) -> bool:
    for alternative in label.split("|"):
        a, b = key(got), key(alternative)
        n = min(len(a), len(b))
        if n > 0 and a[:n] == b[:n]:
            return True
    return False


def _stored(wanted: set[str]) -> dict[str, tuple[str, int]]:
    """Each article's stored text and where its body starts: Reuters by id, a BBC or
    BASIL file by its path under the data folder."""
    out = {}
    files = {w for w in wanted if "/" in w}
    if files:
        sys.path.insert(0, str(HERE))
        from make_quotes_heldout import stored_article

        out = {f: stored_article(DATA / f) for f in files}
    if wanted - files:
        with REUTERS.open(encoding="utf-8") as src:
            for line in src:
                art = json.loads(line)
                if art["id"] in wanted:
                    out[art["id"]] = compose_text(art["title"], art["text"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", type=int, default=1)
    parser.add_argument("--show", action="store_true", help="every sentence, not only errors")
    args = parser.parse_args()
    rows = [
        line.rstrip("\n").split("\t")
        for line in (HERE / f"body_speakers{args.set}.tsv").open(encoding="utf-8")
        if not line.startswith("#")
    ]
    articles = _stored({r[0] for r in rows})
    right = wrong = missed = none_ok = 0
    for art_id, offset, label, sentence in rows:
        text, body = articles[art_id]
        at = text.find(sentence[:40], body + int(offset) - 5)
        statements = analyse_verified(text, body)
        assert not isinstance(statements, str), statements
        got = next((st.speaker for st in statements if st.start <= at < st.end), None)
        optional = label.startswith("?")
        label = label.removeprefix("?")
        if got is None:
            outcome = "none-ok" if optional else "missed"
        else:
            outcome = "right" if same(got, label) else "wrong"
        right += outcome == "right"
        wrong += outcome == "wrong"
        missed += outcome == "missed"
        none_ok += outcome == "none-ok"
        if args.show or outcome in ("wrong", "missed"):
            print(f"  {outcome}: {art_id} got {got!r}, label {label!r}\n      {sentence[:150]}")
    given = right + wrong
    named = right + wrong + missed
    print(f"set {args.set}: {len(rows)} sentences")
    print(f"  precision {100 * right / max(given, 1):.1f}% ({right}/{given} given a speaker)")
    print(f"  recall {100 * right / max(named, 1):.1f}% ({right}/{named} naming a body)")
    print(f"  no speaker where none is needed: {none_ok}")


if __name__ == "__main__":
    main()
