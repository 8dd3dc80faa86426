"""What a reader's ✓ is worth on headlines: UCI matches drawn at random, read by hand.

    python bench/bench_uci_matches.py [--fresh] [--show-errors]  # score the labelled sets
    python bench/bench_uci_matches.py --draw SEED N [--set NAME]  # draw N more to label

The UCI News Aggregator slice (6,366 headlines of 1,949 publishers, headline-only
articles) goes through the real ingest and matching (``bench_stories.py uci``'s
database, built again with ``--fresh``). ``bench/uci_random_matches.tsv`` holds
``same``/``conflict`` matches drawn at random from such a database and labelled by
hand (see bench/README.md): ``same`` (one claim, the BASIL sets' convention: one side
may tell the other's claim in a clause), ``same-partly`` (``same`` by that convention
only: one side presupposes the other's claim or tells it in other terms; wrong when
read strictly), ``conflict``, ``related`` (the same story, another claim),
``unrelated``. A headline is named by its UCI row ID and the blake2b-5 hash of its
statement's text.

Scoring: for each labelled pair, the relation the database holds now (``different``
when the pair is no longer a match). Of the pairs shown as ``same``, right are those
labelled ``same`` or ``same-partly`` (strictly: ``same``); of those shown as
``conflict``, those labelled ``conflict``. Printed per set, since each set was drawn
from the tree of its day (its pairs that a later tree no longer shows are left out).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_match_data import DATA
from bench_stories import build, uci_records

LABELS = Path(__file__).with_name("uci_random_matches.tsv")
FIELDS = ("id", "set", "uci_a", "hash_a", "uci_b", "hash_b", "label")
RIGHT = {"same": ("same", "same-partly"), "conflict": ("conflict",)}


def text_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=5).hexdigest()


def uci_ids() -> dict[str, str]:
    """URL -> UCI row ID (the first row of a URL)."""
    out: dict[str, str] = {}
    path = DATA / "uci-news-aggregator" / "uci-news-aggregator.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            out.setdefault(r["URL"], r["ID"])
    return out


def statement_keys(db) -> dict[int, tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """Statement id -> (UCI ID, text hash, text)."""
    ids = uci_ids()
    return {
        sid: (ids.get(url, "?"), text_hash(text), text)
        for sid, url, text in db.execute(
            "SELECT s.id, a.url, s.text FROM statements s JOIN articles a ON a.id = s.article_id"
        )
    }


def read_labels() -> list[dict[str, str]]:
    if not LABELS.exists():
        return []
    with open(LABELS, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def relations(db, keys) -> dict[frozenset, tuple[str, float]]:  # type: ignore[no-untyped-def]
    """{(UCI ID, hash) pair: (relation, score)} of every stored match."""
    out = {}
    for a, b, rel, score in db.execute("SELECT a, b, relation, score FROM matches"):
        out[frozenset((keys[a][:2], keys[b][:2]))] = (rel, score)
    return out


def score(db, show_errors: bool) -> None:  # type: ignore[no-untyped-def]
    keys = statement_keys(db)
    texts = {k[:2]: k[2] for k in keys.values()}
    rels = relations(db, keys)
    per_set: dict[str, Counter] = {}
    for row in read_labels():
        pair = frozenset(((row["uci_a"], row["hash_a"]), (row["uci_b"], row["hash_b"])))
        rel, sc = rels.get(pair, ("different", 0.0))
        c = per_set.setdefault(row["set"], Counter())
        c["labelled"] += 1
        if rel not in RIGHT:
            continue
        c["shown"] += 1
        right = row["label"] in RIGHT[rel]
        c["right"] += right
        c["strict"] += right and row["label"] != "same-partly"
        if show_errors and not right:
            a = texts.get((row["uci_a"], row["hash_a"]), "?")
            b = texts.get((row["uci_b"], row["hash_b"]), "?")
            print(f"  {row['set']} #{row['id']} {rel} {sc:.1f} gold {row['label']}: {a} ~ {b}")
    total: Counter = Counter()
    for name, c in per_set.items():
        total.update(c)
        _line(name, c)
    _line("all", total)


def _line(name: str, c: Counter) -> None:
    shown = c["shown"]
    p = c["right"] / shown if shown else 0.0
    s = c["strict"] / shown if shown else 0.0
    print(
        f"{name}: {c['labelled']} labelled, {shown} shown as same/conflict now;"
        f" right {c['right']} ({p:.1%}), strictly {c['strict']} ({s:.1%})"
    )


def draw(db, seed: int, n: int, name: str) -> None:  # type: ignore[no-untyped-def]
    """Print ``n`` same/conflict matches drawn at random (not yet labelled) as TSV rows
    with an empty label, each followed by its texts as a comment line."""
    keys = statement_keys(db)
    done = {
        frozenset(((r["uci_a"], r["hash_a"]), (r["uci_b"], r["hash_b"]))) for r in read_labels()
    }
    rows = [
        (a, b, rel, sc)
        for a, b, rel, sc in db.execute(
            "SELECT a, b, relation, score FROM matches"
            " WHERE relation IN ('same', 'conflict') ORDER BY a, b"
        )
        if frozenset((keys[a][:2], keys[b][:2])) not in done
    ]
    print(f"# {len(rows)} same/conflict matches not labelled; {n} drawn with seed {seed}")
    start = max((int(r["id"]) for r in read_labels()), default=0) + 1
    for i, (a, b, rel, sc) in enumerate(random.Random(seed).sample(rows, n)):
        ka, kb = keys[a], keys[b]
        print("\t".join((str(start + i), name, ka[0], ka[1], kb[0], kb[1], "")))
        print(f"#   {rel} {sc:.1f}: {ka[2]} ~ {kb[2]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fresh", action="store_true", help="ingest and match UCI again")
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--draw", nargs=2, type=int, metavar=("SEED", "N"))
    ap.add_argument("--set", default="uci-random-next", help="the drawn set's name")
    args = ap.parse_args()
    db, _ = build("uci", uci_records(), args.fresh)
    if args.draw:
        draw(db, args.draw[0], args.draw[1], args.set)
    else:
        score(db, args.show_errors)


if __name__ == "__main__":
    main()
