"""BASIL: 100 events x 3 outlets through the real ingest and matching.

    python bench/bench_match_basil.py [--sample 20] [--seed 1] [--related]

Prints: matching time; same+conflict matches within an event vs across events (a
match across two different events is almost surely wrong, a free precision check),
and the same for related matches; how many of the 100 event triplets the stories
recover (all three articles in one story, and stories holding articles of one event
only); and a random sample of same/conflict pairs (or, with --related, related
pairs) to read and judge by hand.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_match_data import basil_articles

from db import matching
from db.claims import CLAIM_RELATIONS
from db.connection import connect
from db.ingest import ingest_paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--related", action="store_true", help="sample related pairs instead")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    db = connect(tmp / "basil.db")
    arts = basil_articles()
    event_of: dict[str, str] = {}
    started = time.monotonic()
    for i, a in enumerate(arts):
        path = tmp / f"{i:03d}_{a['source'].lower()}.txt"
        body = "\n\n".join(a["paragraphs"])
        path.write_text(f" date {a['date']} {a['title']}\n\n{body}\n", encoding="utf-8")
        ingest_paths(db, [path], source=a["source"].lower(), match=False)
        event_of[str(path)] = a["event"]
    n_st = db.execute("SELECT count(*) FROM statements").fetchone()[0]
    print(f"ingested {len(arts)} articles, {n_st:,} statements ({time.monotonic() - started:.1f}s)")
    article_event = {aid: event_of[p] for aid, p in db.execute("SELECT id, path FROM articles")}
    report = matching.match_all(db)
    print(f"match_all: {report.as_dict()}")

    rows = db.execute(
        "SELECT m.a, m.b, m.relation, sa.article_id, sb.article_id FROM matches m"
        " JOIN statements sa ON sa.id = m.a JOIN statements sb ON sb.id = m.b"
    ).fetchall()
    claim_rows = [r for r in rows if r[2] in CLAIM_RELATIONS]
    within = [r for r in claim_rows if article_event[r[3]] == article_event[r[4]]]
    across = [r for r in claim_rows if article_event[r[3]] != article_event[r[4]]]
    rel = Counter(r[2] for r in rows)
    print(
        f"same+conflict matches: {len(claim_rows)} ({rel['same']} same, {rel['conflict']}"
        f" conflict); within one event {len(within)}, across events {len(across)}"
        f" ({100 * len(across) / max(1, len(claim_rows)):.1f}% - almost surely wrong)"
    )
    related = [r for r in rows if r[2] == "related"]
    related_across = sum(1 for r in related if article_event[r[3]] != article_event[r[4]])
    print(
        f"related matches: {len(related)}; across events {related_across}"
        f" ({100 * related_across / max(1, len(related)):.1f}%)"
    )

    events = defaultdict(set)
    for aid, ev in article_event.items():
        events[ev].add(aid)
    story_of = dict(db.execute("SELECT id, story_id FROM articles"))
    members = defaultdict(set)
    for aid, sid in story_of.items():
        if sid is not None:
            members[sid].add(aid)
    full = pairs_ok = 0
    for arts_ in events.values():
        sids = {story_of[a] for a in arts_}
        if len(sids) == 1 and None not in sids:
            full += 1
        together = Counter(story_of[a] for a in arts_ if story_of[a] is not None)
        if together and max(together.values()) >= 2:
            pairs_ok += 1
    pure = sum(1 for m in members.values() if len({article_event[a] for a in m}) == 1)
    print(
        f"stories: {len(members)} stories, {pure} pure; triplets fully recovered"
        f" {full}/{len(events)}, at least two together {pairs_ok}/{len(events)}"
    )

    rnd = random.Random(args.seed)
    pool = related if args.related else claim_rows
    sample = rnd.sample(pool, min(args.sample, len(pool)))
    kind = "related" if args.related else "same/conflict"
    print(f"\nrandom sample of {len(sample)} {kind} pairs (read and judge):")
    for k, (a, b, relation, aa, ab) in enumerate(sample, 1):
        ta, sa = db.execute(
            "SELECT s.text, src.name FROM statements s JOIN articles a ON a.id = s.article_id"
            " JOIN sources src ON src.id = a.source_id WHERE s.id = ?",
            (a,),
        ).fetchone()
        tb, sb = db.execute(
            "SELECT s.text, src.name FROM statements s JOIN articles a ON a.id = s.article_id"
            " JOIN sources src ON src.id = a.source_id WHERE s.id = ?",
            (b,),
        ).fetchone()
        same_event = "same event" if article_event[aa] == article_event[ab] else "OTHER EVENT"
        print(f"{k:2d}. {relation} ({same_event})\n    {sa}: {ta}\n    {sb}: {tb}")


if __name__ == "__main__":
    main()
