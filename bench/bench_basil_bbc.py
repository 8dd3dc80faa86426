"""BASIL (US politics 2010-19, dated) and BBC (UK 2004-05, undated) in one database.

    python bench/bench_basil_bbc.py [--db PATH]

The same as ``claimlens --db PATH ingest DATA/basil/articles DATA/bbc``, then counts:
the sources (BBC's five topic folders must be one source, "bbc"), the undated
articles, and the matches by relation between the two corpora (target: no same or
conflict match across them: they share no event), within BASIL and within BBC.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_match_data import DATA

from db.connection import connect
from db.ingest import ingest_paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", type=Path, default=None, help="database (default: a temporary one)")
    args = ap.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "basil_bbc.db"
    db = connect(path)
    started = time.monotonic()
    report = ingest_paths(db, [DATA / "basil" / "articles", DATA / "bbc"])
    print(f"ingest + match: {time.monotonic() - started:.1f}s; {report.as_dict()['added']} added")
    for name, n, undated in db.execute(
        "SELECT s.name, count(*), sum(a.date IS NULL) FROM articles a"
        " JOIN sources s ON s.id = a.source_id GROUP BY s.name ORDER BY s.name"
    ):
        print(f"  source {name:6s} {n:5,} articles, {undated:5,} undated")
    corpus = "CASE src.name WHEN 'bbc' THEN 'bbc' ELSE 'basil' END"
    pairs = Counter()
    for relation, ca, cb, n in db.execute(
        f"SELECT m.relation, x.corpus, y.corpus, count(*) FROM matches m"
        f" JOIN (SELECT s.id, {corpus} AS corpus FROM statements s JOIN articles a"
        f" ON a.id = s.article_id JOIN sources src ON src.id = a.source_id) x ON x.id = m.a"
        f" JOIN (SELECT s.id, {corpus} AS corpus FROM statements s JOIN articles a"
        f" ON a.id = s.article_id JOIN sources src ON src.id = a.source_id) y ON y.id = m.b"
        " GROUP BY 1, 2, 3"
    ):
        pairs[(relation, "across" if ca != cb else ca)] += n
    for where in ("across", "basil", "bbc"):
        counts = ", ".join(f"{r} {pairs[(r, where)]:,}" for r in ("same", "conflict", "related"))
        label = "BASIL x BBC" if where == "across" else f"within {where.upper()}"
        print(f"  matches {label:13s} {counts}")
    print(f"database: {path}")


if __name__ == "__main__":
    main()
