"""The scale corpus of ``bench_match_scale.py``, matched from its construction.

``bench_match_scale.py build`` makes every article of Reuters and BBC into six: the
original and ``--copies`` perturbed copies (words dropped, synonyms, now and then a
number changed, some sentences left out or replaced by unrelated ones). Matching its
0.9 M statements with ``match_all`` takes ~12 CPU-minutes plus the stories: far too
long beside other work on 2 shared cores. The browser's benchmark needs a database
with matches, claims and stories of that density, not the matcher's own choices, so
here the matches are written from the construction itself:

* the copies are drawn again with the same seed, which tells for every statement of a
  copy the original statement it was made from (the texts are checked to be those of
  the database: any difference stops the build);
* every two statements made from the same original statement are matched: ``conflict``
  when their numbers differ (with the differing values), else ``same``; score is
  rapidfuzz's ``ratio`` of the two texts; sentences replaced by unrelated ones match
  nothing;
* each article's token counts (the context the matcher weighs words by, which
  ``match_all`` stores in ``article_tokens`` and the claim panel's evidence reads)
  are computed and stored as ``match_all`` stores them; the blocking keys of later
  incremental matching are not (the browser never reads them);
* claims are then built by the engine (``rebuild_claims``), as ``match_all`` builds
  them; stories too (``rebuild_stories``) unless the database has stories already
  (unless ``--rebuild-stories``): the engine's placement slows down with the
  number of merged stories (``db.stories._Placer._members`` walks every merge per
  call; with the matched copies linking articles it ran for minutes without end on
  this corpus, 2026-11-30), so the stories the engine placed from the articles'
  evidence when the unmatched database was built or upgraded are kept.

    python bench/scale_matched.py UNMATCHED.db MATCHED.db [--copies 4] [--seed 7]
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing
import random
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_match_scale
import sqlite_utils
from rapidfuzz import fuzz

from db import matching
from db.claims import rebuild_claims
from db.connection import connect, transaction
from db.matcher import content_token_set, token_counts
from db.stories import rebuild_stories

Origin = tuple[int, int]  # (original article's index, statement seq in it)


def statement_origins(
    copies: int, seed: int, limit: int | None = None
) -> Iterator[tuple[str, Origin | None]]:
    """Every statement of the corpus in id order, with the original statement it was made
    from (None: a sentence of an unrelated article put in its place). Follows
    ``bench_match_scale.build`` draw for draw."""
    rnd = random.Random(seed)
    arts = bench_match_scale.originals(limit)
    pool_sentences = [s for a in arts for s in a["sentences"]]
    for n, a in enumerate(arts):
        yield a["title"], (n, 0)
        for j, s in enumerate(a["sentences"]):
            yield s, (n, j + 1)
        for _copy in range(copies):
            sents: list[tuple[str, Origin | None]] = []
            for j, s in enumerate(a["sentences"]):
                r = rnd.random()
                if r < 0.1:
                    continue
                if r < 0.25:
                    sents.append((rnd.choice(pool_sentences), None))
                else:
                    sents.append((bench_match_scale.perturb(s, rnd), (n, j + 1)))
            if not sents:
                continue
            if a["date"]:
                rnd.randint(0, 3)  # the copy's date shift: drawn to keep in step
            yield bench_match_scale.perturb(a["title"], rnd), (n, 0)
            yield from sents


def _numbers(text: str) -> list[str]:
    return bench_match_scale._NUM_RE.findall(text)


def relation(a: str, b: str) -> tuple[str, str | None]:
    """'conflict' with the first differing numbers (as the matcher stores them), or 'same'."""
    na, nb = _numbers(a), _numbers(b)
    if sorted(na) == sorted(nb):
        return "same", None
    for x, y in zip(na, nb, strict=False):
        if x != y:
            diff = {"a": x, "b": y, "a_value": float(x), "b_value": float(y), "unit": None}
            return "conflict", json.dumps([{**diff, "a_qualifier": None, "b_qualifier": None}])
    return "same", None


def _counts_of(articles: list[tuple[int, list[str]]]) -> list[tuple[int, tuple[int, str]]]:
    return [
        (aid, matching._encode(token_counts(content_token_set(t) for t in texts)))
        for aid, texts in articles
    ]


def article_token_counts(db: sqlite_utils.Database) -> dict[int, tuple[int, str]]:
    """Every article's token counts, encoded as ``match_all`` stores them (on all cores)."""
    articles: dict[int, list[str]] = {}
    for aid, text in db.execute("SELECT article_id, text FROM statements ORDER BY id"):
        articles.setdefault(aid, []).append(text)
    items = list(articles.items())
    chunks = [items[i : i + 2000] for i in range(0, len(items), 2000)]
    with multiprocessing.get_context("fork").Pool() as pool:
        return dict(pair for part in pool.map(_counts_of, chunks) for pair in part)


def match_from_construction(
    db_path: Path, copies: int, seed: int, limit: int | None = None, keep_stories: bool = True
) -> dict[str, int]:
    """Write the matches, claims and stories of the scale corpus at ``db_path``."""
    db = connect(db_path)
    stored = db.execute("SELECT id, text FROM statements ORDER BY id")
    groups: dict[Origin, list[tuple[int, str]]] = {}
    count = 0
    for (text, origin), (sid, stored_text) in itertools.zip_longest(
        statement_origins(copies, seed, limit), stored, fillvalue=(None, None)
    ):
        if text != stored_text:
            raise SystemExit(f"statement {sid}: not the corpus of --copies {copies} --seed {seed}")
        count += 1
        if origin is not None:
            groups.setdefault(origin, []).append((sid, text))
    rows = []
    for members in groups.values():
        for (a, ta), (b, tb) in itertools.combinations(members, 2):
            rel, diff = relation(ta, tb)
            rows.append((a, b, round(fuzz.ratio(ta, tb), 1), rel, diff))
    counts = article_token_counts(db)
    with transaction(db) as conn:
        matching._write_counts(conn, counts, everything=True)
        conn.execute("DELETE FROM matches")
        conn.executemany(
            "INSERT INTO matches(a, b, score, relation, diff) VALUES (?, ?, ?, ?, ?)", rows
        )
        claims = rebuild_claims(conn)
        (stories,) = conn.execute("SELECT count(*) FROM stories").fetchone()
        if not (keep_stories and stories):
            stories = rebuild_stories(conn)
        conn.execute("UPDATE articles SET matched = 1 WHERE matched = 0")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    conflicts = sum(1 for r in rows if r[3] == "conflict")
    return {
        "statements": count,
        "matches": len(rows),
        "conflicts": conflicts,
        "claims": claims,
        "stories": stories,
    }


def build_matched(
    unmatched: Path,
    matched: Path,
    copies: int,
    seed: int,
    limit: int | None = None,
    keep_stories: bool = True,
) -> None:
    """A matched copy of ``unmatched`` at ``matched`` (written under ``.partial`` first:
    an interrupted build is never taken for a finished one)."""
    partial = matched.with_name(matched.name + ".partial")
    shutil.copy(unmatched, partial)
    started = time.monotonic()
    report = match_from_construction(partial, copies, seed, limit, keep_stories)
    partial.replace(matched)
    print(f"matched {matched} in {time.monotonic() - started:.0f}s: {report}", flush=True)


def carry_forward(older: Path, newer: Path) -> None:
    """A copy of the matched database ``older`` brought to the current schema at
    ``newer`` by the schema's own steps, without the regrouping some steps end with:
    the claims and stories stay those placed when ``older`` was built. The browser's
    timings do not depend on which articles a story holds, and regrouping 106 k
    articles takes longer than a session has (each schema that regroups would otherwise
    mean building the scale corpus again). Written under ``.partial`` first."""
    from db import schema

    partial = newer.with_name(newer.name + ".partial")
    shutil.copy(older, partial)
    db = sqlite_utils.Database(partial)
    version = schema.user_version(db)
    while version < schema.SCHEMA_VERSION:
        with db.conn:
            schema.MIGRATIONS[version](db)
            db.conn.execute(f"PRAGMA user_version = {version + 1}")
        version += 1
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    partial.replace(newer)
    print(f"carried {older} forward to schema {version} at {newer}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("unmatched", type=Path)
    ap.add_argument("matched", type=Path)
    ap.add_argument("--copies", type=int, default=4)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--limit", type=int, default=None, help="as given to bench_match_scale")
    ap.add_argument(
        "--rebuild-stories",
        action="store_true",
        help="place the stories again even if the database has some",
    )
    args = ap.parse_args()
    build_matched(
        args.unmatched,
        args.matched,
        args.copies,
        args.seed,
        args.limit,
        keep_stories=not args.rebuild_stories,
    )


if __name__ == "__main__":
    main()
