"""Does this tree store exactly what another tree stores? For changes meant to make the
ingest faster without changing its output.

    python bench/same_ingest_output.py --base /tmp/ingest-base PATH... [--then PATH2]

Each tree (``--base``, a checkout of the older commit, and this one) ingests ``PATH...``
into a fresh database in its own process (``PYTHONPATH`` set to the tree). With
``--then`` (and one file PATH), a copy of PATH is ingested, then ``PATH2``'s content is
written over that copy and ingested again: the replacement of changed articles (same
keys, new content) and the skipping of unchanged ones. Every
stored row of ``sources``, ``articles`` (all but ``ingested_at``), ``statements``,
``quotes`` and ``numbers`` is hashed per table, both FTS tables must pass FTS5's
integrity check, and a few FTS queries (words, a phrase, prefixes) must return the same
rowids. Prints each table's row count and hash, and exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TABLES = {
    "sources": "SELECT * FROM sources ORDER BY id",
    "articles": "SELECT id, source_id, key, url, path, title, date, text, body_start,"
    " content_hash, words, story_id, matched FROM articles ORDER BY id",
    "statements": "SELECT * FROM statements ORDER BY id",
    "quotes": "SELECT * FROM quotes ORDER BY id",
    "numbers": "SELECT * FROM numbers ORDER BY id",
}
QUERIES = ["said", "oil", '"crude oil"', "pri*", "comp*", "bank AND rate", "minister"]


def dump(db_path: Path, paths: list[str], then: str | None) -> dict[str, object]:
    """Ingest with the tree this process imports ``db`` from; the hashes of what it stored."""
    from db.connection import connect
    from db.ingest import ingest_paths

    db = connect(db_path)
    runs = [ingest_paths(db, paths, match=False)]
    if then:
        shutil.copy(then, paths[0])
        runs.append(ingest_paths(db, paths[:1], match=False))
    out: dict[str, object] = {
        f"report {n}": [r.added, r.replaced, r.unchanged, r.statements, r.words, len(r.rejected)]
        for n, r in enumerate(runs)
    }
    for name, sql in TABLES.items():
        digest, count = hashlib.sha256(), 0
        for row in db.execute(sql):
            digest.update(repr(row).encode("utf-8", "surrogatepass"))
            count += 1
        out[name] = [count, digest.hexdigest()[:16]]
    for fts in ("statements_fts", "articles_fts"):
        db.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")  # raises if broken
    for query in QUERIES:
        for fts in ("statements_fts", "articles_fts"):
            ids = [
                r[0]
                for r in db.execute(
                    f"SELECT rowid FROM {fts} WHERE {fts} MATCH ? ORDER BY rowid", (query,)
                )
            ]
            out[f"{fts} {query}"] = [len(ids), hashlib.sha256(repr(ids).encode()).hexdigest()[:12]]
    return out


def run_tree(tree: Path, db_path: Path, paths: list[str], then: str | None) -> dict:
    """``dump`` in a child process importing ``db`` from ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    args = [sys.executable, __file__, "--dump", str(db_path), *paths]
    if then:
        args += ["--then", then]
    done = subprocess.run(args, env=env, cwd=tree, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--base", type=Path, help="the other tree (a checkout)")
    parser.add_argument("--then", help="with one file PATH: new content for it, ingested again")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)  # the child's job
    args = parser.parse_args()
    if args.dump:
        print(json.dumps(dump(args.dump, args.paths, args.then)))
        return
    if args.base is None:
        parser.error("--base is required")
    if args.then and (len(args.paths) != 1 or not Path(args.paths[0]).is_file()):
        parser.error("--then needs exactly one file PATH")
    here = Path(__file__).resolve().parent.parent
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for n, tree in enumerate((args.base.resolve(), here)):
            paths = args.paths
            if args.then:  # the same copy's path for both trees: same keys
                copy = work / "input" / Path(args.paths[0]).name
                copy.parent.mkdir(exist_ok=True)
                shutil.copy(args.paths[0], copy)
                paths = [str(copy)]
            results.append(run_tree(tree, work / f"tree{n}.db", paths, args.then))
    base, this = results
    same = True
    for key in sorted(set(base) | set(this)):
        mark = "same" if base.get(key) == this.get(key) else "DIFFERENT"
        same &= mark == "same"
        print(f"{mark:<9} {key:<32} base {base.get(key)}  this {this.get(key)}")
    print("identical" if same else "NOT identical")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
