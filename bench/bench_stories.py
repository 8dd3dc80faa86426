"""Stories on real data: BASIL triplets, UCI headlines, BASIL+BBC, incremental placement.

    python bench/bench_stories.py basil            # 100 events x 3 outlets: complete, pure
    python bench/bench_stories.py uci              # 6,366 headlines: pairwise P/R/F1
    python bench/bench_stories.py uci --half 0     # only the events of one half (0 or 1,
        # by uci_half: a CRC32 of the story id, fit_stories.py's split), built alone:
        # half 0 is the development half, half 1 the held-out half (BENCHMARKS.md)
    python bench/bench_stories.py mixed            # BASIL + 2,225 BBC in one db: no mix
    python bench/bench_stories.py agree            # BASIL, 500 UCI, dense titles and leads:
        # one by one == rebuild
    python bench/bench_stories.py dense --days 10 [--paragraphs 2] [--seed 5]  # BASIL's 100 events
        [--bbc]  # and BBC's 2,225 articles dated among those days: a week of other news
        # re-dated into 10 days (title and 2 paragraphs): same/conflict matches across
        # events, triplets, purity
    python bench/bench_stories.py rebuild --db /tmp/scale.db   # every article profiled
        # and placed (a database of bench_match_scale.py build), then placed again
    python bench/bench_stories.py incremental --db /tmp/scale.db [--n 50] [--largest 4]
        # (a database of bench_match_scale.py build, matched): ms to place one new
        # article (its copy under a new source) with update_stories; --largest K: the
        # copies are of articles of the K largest stories (the worst case: joining a
        # story of thousands)
        [--replaced]  # each an existing article placed again (as when it is replaced):
        # every newer article and the stories they are in are placed again with it

Every corpus goes through the real ingest (JSON Lines records: source, date,
title, text) and matching (:func:`db.matching.match_all`), into a database under
``$CLAIMLENS_BENCH_WORK`` (default /tmp/claimlens-stories), reused when it exists (``--fresh``
builds again). Nothing here is a test; numbers go to BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import sys
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_match_data import DATA, basil_articles, bbc_articles

from db import matching
from db.connection import connect, transaction
from db.ingest import ingest_paths
from db.stories import rebuild_stories, update_stories

WORK = Path(os.environ.get("CLAIMLENS_BENCH_WORK", "/tmp/claimlens-stories"))


# ------------------------------------------------------------------ corpora


def basil_records() -> list[dict]:
    return [
        {
            "source": a["source"].lower(),
            "date": a["date"],
            "title": a["title"],
            "text": "\n\n".join(a["paragraphs"]),
            "url": a["url"],
            "event": "basil:" + a["event"],
        }
        for a in basil_articles()
    ]


def uci_records() -> list[dict]:
    path = DATA / "uci-news-aggregator" / "uci-news-aggregator.csv"
    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if not r["TIMESTAMP"] or not r["TITLE"].strip():
                continue
            when = datetime.fromtimestamp(int(r["TIMESTAMP"]) / 1000, tz=timezone.utc)
            out.append(
                {
                    "source": r["PUBLISHER"].strip() or r["HOSTNAME"],
                    "date": when.date().isoformat(),
                    "title": r["TITLE"].strip(),
                    "text": "",
                    "url": r["URL"],
                    "event": "uci:" + r["STORY"],
                    "ts": int(r["TIMESTAMP"]),
                }
            )
    out.sort(key=lambda r: (r["ts"], r["url"]))  # in the order they were published
    return out


def uci_half(event: str) -> int:
    """The half (0 or 1) of the UCI stories an event is in: a fixed hash of its story id,
    so that no story is in both halves (bench/fit_stories.py splits every set so)."""
    return zlib.crc32(event.encode()) % 2


def bbc_records() -> list[dict]:
    return [
        {
            "source": "bbc",
            "date": None,
            "title": a["title"],
            "text": a["text"],
            "url": "bbc:" + a["id"],
            "event": "bbc:" + a["id"],  # each its own event (BBC has no story labels)
        }
        for a in bbc_articles()
    ]


def build(name: str, records: list[dict], fresh: bool = False) -> tuple[object, dict[int, str]]:
    """A matched database of ``records`` (ingested in their order); article -> event."""
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / f"{name}.db"
    events = {r["url"]: r["event"] for r in records}
    if fresh and path.exists():
        path.unlink()
    if not path.exists():
        src = WORK / f"{name}.jsonl"
        with open(src, "w", encoding="utf-8") as fh:
            for r in records:
                rec = {k: r[k] for k in ("source", "date", "title", "text", "url")}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        db = connect(path)
        t = time.monotonic()
        ingest_paths(db, [src], match=False)
        t_ingest = time.monotonic() - t
        t = time.monotonic()
        report = matching.match_all(db)
        print(
            f"{name}: ingested {len(records)} in {t_ingest:.1f}s; match_all {report.seconds:.1f}s"
            f" ({report.stories} stories)"
        )
    db = connect(path)
    article_event = {aid: events[url] for aid, url in db.execute("SELECT id, url FROM articles")}
    return db, article_event


def restory(db) -> float:
    """Profile and place every article again (the evidence tables emptied first)."""
    t = time.monotonic()
    with transaction(db) as conn:
        conn.execute("DELETE FROM article_profiles")
        conn.execute("DELETE FROM article_df")
        conn.execute("DELETE FROM story_links")
        rebuild_stories(conn)
    return time.monotonic() - t


# ------------------------------------------------------------------ metrics


def groups(db) -> dict[int, int | None]:
    return dict(db.execute("SELECT id, story_id FROM articles"))


def pairwise(story_of: dict[int, int | None], event_of: dict[int, str]) -> dict[str, float]:
    """Pairwise precision, recall, F1 of the stories against the events (an article
    without a story is a story of its own)."""

    def pairs_by(key: dict[int, object]) -> Counter:
        return Counter(key.values())

    story_key = {a: (s if s is not None else ("alone", a)) for a, s in story_of.items()}
    both: Counter = Counter((story_key[a], event_of[a]) for a in story_of)
    tp = sum(n * (n - 1) // 2 for n in both.values())
    pred = sum(n * (n - 1) // 2 for n in pairs_by(story_key).values())
    gold = sum(n * (n - 1) // 2 for n in pairs_by(event_of).values())
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "pred_pairs": pred, "gold_pairs": gold}


def triplets(story_of: dict[int, int | None], event_of: dict[int, str]) -> dict[str, int]:
    events: dict[str, set[int]] = defaultdict(set)
    members: dict[int, set[int]] = defaultdict(set)
    for a, ev in event_of.items():
        events[ev].add(a)
        if story_of[a] is not None:
            members[story_of[a]].add(a)
    complete = sum(
        1
        for arts in events.values()
        if len({story_of[a] for a in arts} - {None}) == 1
        and all(story_of[a] is not None for a in arts)
    )
    pure = sum(1 for m in members.values() if len({event_of[a] for a in m}) == 1)
    return {"events": len(events), "complete": complete, "stories": len(members), "pure": pure}


def in_story(story_of: dict[int, int | None]) -> int:
    return sum(1 for s in story_of.values() if s is not None)


# ------------------------------------------------------------------ modes


def run_basil(args) -> None:
    db, event_of = build("basil", basil_records(), args.fresh)
    secs = restory(db)
    story_of = groups(db)
    t = triplets(story_of, event_of)
    pw = pairwise(story_of, event_of)
    print(
        f"BASIL: {t['complete']}/{t['events']} triplets complete; {t['pure']}/{t['stories']}"
        f" stories pure; pairwise P {pw['precision']:.3f} R {pw['recall']:.3f} F1 {pw['f1']:.3f};"
        f" {in_story(story_of)}/{len(story_of)} articles in a story; stories {secs:.1f}s"
    )


def run_uci(args) -> None:
    records, name, label = uci_records(), "uci", "UCI headlines"
    if args.half is not None:
        records = [r for r in records if uci_half(r["event"]) == args.half]
        name, label = f"uci_half{args.half}", f"UCI half {args.half}"
    db, event_of = build(name, records, args.fresh)
    secs = restory(db)
    story_of = groups(db)
    pw = pairwise(story_of, event_of)
    t = triplets(story_of, event_of)
    print(
        f"{label}: pairwise P {pw['precision']:.3f} R {pw['recall']:.3f} F1 {pw['f1']:.3f}"
        f" ({pw['pred_pairs']:,} predicted pairs, {pw['gold_pairs']:,} gold);"
        f" {t['pure']}/{t['stories']} stories pure; {in_story(story_of)}/{len(story_of)}"
        f" headlines in a story; stories {secs:.1f}s"
    )


def run_mixed(args) -> None:
    db, event_of = build("basil_bbc", basil_records() + bbc_records(), args.fresh)
    secs = restory(db)
    story_of = groups(db)
    corpus = {a: ev.split(":")[0] for a, ev in event_of.items()}
    members: dict[int, set[int]] = defaultdict(set)
    for a, s in story_of.items():
        if s is not None:
            members[s].add(a)
    mixed = [s for s, m in members.items() if len({corpus[a] for a in m}) > 1]
    basil_only = {a: e for a, e in event_of.items() if corpus[a] == "basil"}
    t = triplets({a: story_of[a] for a in basil_only}, basil_only)
    bbc_stories = sum(1 for m in members.values() if {corpus[a] for a in m} == {"bbc"})
    print(
        f"BASIL+BBC: {len(members)} stories, {len(mixed)} mix BASIL and BBC;"
        f" BASIL triplets complete {t['complete']}/{t['events']}; BBC-only stories"
        f" {bbc_stories}; stories {secs:.1f}s"
    )
    for s in mixed[:5]:
        for a in sorted(members[s]):
            print(
                "   ",
                s,
                corpus[a],
                db.execute("SELECT title FROM articles WHERE id=?", (a,)).fetchone()[0],
            )


def lead_records(paragraphs: int) -> list[dict]:
    """BASIL, each article cut to its title and its first ``paragraphs`` paragraphs."""
    records = basil_records()
    for r in records:
        r["text"] = "\n\n".join(r["text"].split("\n\n")[:paragraphs])
    return records


def dense_records(days: int, paragraphs: int = 0, seed: int = 5) -> list[dict]:
    """BASIL with each event moved to a day drawn at random among ``days`` (its
    articles' days apart kept): a feed as dense as news, where other events share the
    matching window (BASIL's 100 events span ten years, so as published they never do).
    ``paragraphs``: keep only the title and that many first paragraphs (0: all)."""
    records = lead_records(paragraphs) if paragraphs else basil_records()
    by_event: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        by_event[r["event"]].append(r)
    rng = random.Random(seed)
    start = dt.date(2021, 1, 1)
    for members in by_event.values():
        first = min(dt.date.fromisoformat(r["date"]) for r in members)
        moved = start + dt.timedelta(days=rng.randrange(days))
        for r in members:
            r["date"] = (moved + (dt.date.fromisoformat(r["date"]) - first)).isoformat()
    return records


def dated_bbc(days: int, seed: int) -> list[dict]:
    """BBC's articles (UK 2004-05, undated), each dated a day drawn at random among the
    ``days`` of a dense draw: other news in BASIL's window, of which no article tells a
    BASIL event (US politics 2010-19), so every BASIL-BBC match joins two events."""
    rng = random.Random(seed * 7919 + 1)
    start = dt.date(2021, 1, 1)
    records = bbc_records()
    for r in records:
        r["date"] = (start + dt.timedelta(days=rng.randrange(days))).isoformat()
    return records


def run_dense(args) -> None:
    name = f"basil_dense{args.days}" + (f"_p{args.paragraphs}" if args.paragraphs else "")
    name += f"_s{args.seed}" if args.seed != 5 else ""
    records = dense_records(args.days, args.paragraphs, args.seed)
    if args.bbc:
        name += "_bbc"
        records += dated_bbc(args.days, args.seed)
    db, event_of = build(name, records, args.fresh)
    rows = db.execute(
        "SELECT sa.article_id, sb.article_id FROM matches m JOIN statements sa ON sa.id = m.a"
        " JOIN statements sb ON sb.id = m.b WHERE m.relation IN ('same', 'conflict')"
    ).fetchall()
    across = sum(1 for a, b in rows if event_of[a] != event_of[b])
    corpora = sum(1 for a, b in rows if event_of[a][:4] != event_of[b][:4])
    story_of = groups(db)
    t = triplets(story_of, event_of)
    pw = pairwise(story_of, event_of)
    kept = f", title and {args.paragraphs} paragraphs" if args.paragraphs else ""
    kept += f", BBC among them ({corpora} BASIL-BBC matches)" if args.bbc else ""
    print(
        f"BASIL in {args.days} days{kept}: {len(rows)} same/conflict matches, {across} of"
        f" them across two events; {t['complete']}/{t['events']} triplets complete,"
        f" {t['pure']}/{t['stories']} stories pure; pairwise P {pw['precision']:.3f}"
        f" R {pw['recall']:.3f} F1 {pw['f1']:.3f}"
    )


def run_agree(args) -> None:
    """Incremental (one article at a time, as ingested) against a rebuild, and the
    stories' own part apart from the matcher's: the articles placed one by one again
    on the rebuild's matches."""
    sets = (
        ("uci", uci_records()[: args.agree_uci]),
        ("basil", basil_records()),
        # Titles and leads in a dense window: where an article left alone joins a
        # story that newer ones form (db.stories._Placer._join_again).
        ("dense10_p2", dense_records(10, 2)),
        # A title and one paragraph: pairs of short articles, scored by SHORT_WEIGHTS
        # (Profile.short, stored with the profile and read back one by one).
        ("dense10_p1", dense_records(10, 1)),
    )
    for name, records in sets:
        path = WORK / f"agree_{name}.db"
        for p in WORK.glob(f"agree_{name}.db*"):
            p.unlink()
        WORK.mkdir(parents=True, exist_ok=True)
        src_dir = WORK / f"agree_{name}"
        shutil.rmtree(src_dir, ignore_errors=True)
        src_dir.mkdir()
        db = connect(path)
        t = time.monotonic()
        for i, r in enumerate(records):
            f = src_dir / f"{i:05d}.jsonl"
            rec = {k: r[k] for k in ("source", "date", "title", "text", "url")}
            f.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
            ingest_paths(db, [f])  # matched (and placed) one by one
        inc_secs = time.monotonic() - t
        incremental = _partition(db)
        inc_matches = _claim_matches(db)
        matching.match_all(db)  # the profiles stay; matched and placed again from scratch
        rebuilt = _partition(db)
        all_matches = _claim_matches(db)
        with transaction(db) as conn:  # one by one again, on the rebuild's matches
            conn.execute("UPDATE articles SET story_id = NULL")
            conn.execute("DELETE FROM stories")
            for (aid,) in conn.execute("SELECT id FROM articles ORDER BY id").fetchall():
                update_stories(conn, [aid])
        placed = _partition(db)
        restory(db)  # profiles too
        again = _partition(db)
        differ = {a for g in incremental ^ rebuilt for a in g}
        print(
            f"agree {name}: {len(records)} articles one by one in {inc_secs:.1f}s;"
            f" incremental == rebuild: {incremental == rebuilt}"
            f" ({len(incremental)} stories one by one, {len(rebuilt)} rebuilt;"
            f" {len(differ)} articles in stories that differ);"
            f" same/conflict matches one by one {len(inc_matches)}, rebuilt {len(all_matches)},"
            f" differing {len(inc_matches ^ all_matches)};"
            f" placed one by one on the rebuild's matches == rebuild: {placed == rebuilt};"
            f" rebuild with new profiles == rebuild: {again == rebuilt}"
        )
        if differ:
            for g in sorted(incremental - rebuilt, key=min)[:3]:
                print("   one by one:", sorted(g))
            for g in sorted(rebuilt - incremental, key=min)[:3]:
                print("   rebuilt:   ", sorted(g))


def _claim_matches(db) -> set[tuple[int, int, str]]:
    return set(
        db.execute("SELECT a, b, relation FROM matches WHERE relation IN ('same', 'conflict')")
    )


def _partition(db) -> set[frozenset[int]]:
    out: dict[int, set[int]] = defaultdict(set)
    for aid, sid in db.execute("SELECT id, story_id FROM articles WHERE story_id IS NOT NULL"):
        out[sid].add(aid)
    return {frozenset(m) for m in out.values()}


def run_incremental(args) -> None:
    """Place copies of existing articles (new source, new ids) one at a time."""
    db = connect(args.db)
    n_articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    n_profiles = db.execute("SELECT count(*) FROM article_profiles").fetchone()[0]
    print(f"{args.db}: {n_articles:,} articles, {n_profiles:,} profiled")
    where = ""
    if args.largest:
        where = (
            " WHERE story_id IN (SELECT id FROM stories ORDER BY n_articles DESC, id LIMIT"
            f" {int(args.largest)})"
        )
    sample = list(
        db.execute(
            f"SELECT id, title, date, text, body_start FROM articles{where}"
            " ORDER BY random() LIMIT ?",
            (args.n,),
        )
    )
    times, cpu = [], []
    with transaction(db) as conn:
        conn.execute("INSERT OR IGNORE INTO sources(name) VALUES ('bench-story-copy')")
        (src,) = conn.execute("SELECT id FROM sources WHERE name = 'bench-story-copy'").fetchone()

    def placed(conn: sqlite3.Connection, aid: int) -> None:
        """Time placing ``aid``, then leave nothing of it (rolled back)."""
        t, c = time.perf_counter(), time.process_time()
        update_stories(conn, [aid])
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
        conn.execute("ROLLBACK")
        conn.execute("BEGIN")

    for i, (aid, title, date, text, body_start) in enumerate(sample):
        if args.replaced:  # the article itself placed again, as when it is replaced
            with transaction(db) as conn:
                placed(conn, aid)
            continue
        with transaction(db) as conn:
            cur = conn.execute(
                "INSERT INTO articles(source_id, key, title, date, text, body_start, content_hash,"
                " words, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, datetime('now'))",
                (
                    src,
                    f"bench-story-copy-{aid}-{i}-{time.time()}",
                    title,
                    date,
                    text,
                    body_start,
                    f"copy{aid}-{i}",
                    len(text.split()),
                ),
            )
            placed(conn, cur.lastrowid)
    times.sort()
    cpu.sort()
    what = "an existing article placed again" if args.replaced else "one new article"
    print(
        f"update_stories, {what}: median {1000 * statistics.median(times):.1f} ms,"
        f" p90 {1000 * times[int(0.9 * len(times))]:.1f} ms, max {1000 * times[-1]:.1f} ms"
        f" (n={len(times)}); CPU median {1000 * statistics.median(cpu):.1f} ms,"
        f" p90 {1000 * cpu[int(0.9 * len(cpu))]:.1f} ms, max {1000 * cpu[-1]:.1f} ms"
    )


def run_rebuild(args) -> None:
    """Profile and place every article of a large database, then place them again."""
    db = connect(args.db)
    for what in ("profiles + links + placement", "placement again, profiles kept"):
        t, c = time.monotonic(), time.process_time()
        with transaction(db) as conn:
            if what.startswith("profiles"):
                for table in ("article_profiles", "article_df", "story_links"):
                    conn.execute(f"DELETE FROM {table}")
            n = rebuild_stories(conn)
        print(
            f"rebuild_stories ({what}): {n:,} stories, {time.monotonic() - t:.0f} s wall,"
            f" {time.process_time() - c:.0f} s CPU, max RSS"
            f" {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
        )


def main(argv: Iterable[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "mode", choices=("basil", "uci", "mixed", "dense", "agree", "rebuild", "incremental")
    )
    ap.add_argument("--fresh", action="store_true", help="build the databases again")
    ap.add_argument("--db", default="/tmp/scale.db")
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--agree-uci", type=int, default=500, help="agree: UCI headlines to place")
    ap.add_argument(
        "--largest", type=int, default=0, help="incremental: copy articles of the K largest stories"
    )
    ap.add_argument(
        "--replaced",
        action="store_true",
        help="incremental: place existing articles again (as replaced), not new copies",
    )
    ap.add_argument(
        "--half", type=int, choices=(0, 1), help="uci: only the stories of this half, built alone"
    )
    ap.add_argument("--days", type=int, default=10, help="dense: the days BASIL is spread over")
    ap.add_argument("--paragraphs", type=int, default=0, help="dense: title and N paragraphs")
    ap.add_argument("--bbc", action="store_true", help="dense: BBC dated among the days too")
    ap.add_argument("--seed", type=int, default=5, help="dense: the draw of the events' days")
    args = ap.parse_args(argv)
    {
        "basil": run_basil,
        "uci": run_uci,
        "mixed": run_mixed,
        "dense": run_dense,
        "agree": run_agree,
        "rebuild": run_rebuild,
        "incremental": run_incremental,
    }[args.mode](args)


if __name__ == "__main__":
    main()
