"""Matching at scale: throughput, blocking recall, incremental latency.

    python bench/bench_match_scale.py build --db /tmp/scale.db --copies 5
    python bench/bench_match_scale.py full --db /tmp/scale.db
    python bench/bench_match_scale.py incremental --db /tmp/scale.db
    python bench/bench_match_scale.py rematch --db /tmp/scale.db
    python bench/bench_match_scale.py batch --db /tmp/scale.db [--days 1987-03-20:1987-03-22]
    python bench/bench_match_scale.py agree --db /tmp/scale.db  (an unmatched copy)
    python bench/bench_match_scale.py recall --sample 5000
    python bench/bench_match_scale.py recall-db --db /tmp/scale.db --sample 200
    python bench/bench_match_scale.py walk --db /tmp/scale.db --sample 40000  (matched)

The corpus is real news text: Reuters-21578 (dated 1987) and BBC 2004-05 (no
dates: each article gets a date spread over 2005, deterministic), plus
``--copies`` perturbed copies of every article as extra sources, standing in for
other outlets rewording the same wire story: per sentence, a word or two dropped,
synonyms swapped, numbers changed now and then (conflicts), some sentences
replaced by ones from unrelated articles or left out, dates shifted 0-3 days.

Statements are split by a simple splitter and inserted straight into the schema
(with numbers from db.numbers), not through the ingest: this measures matching.
Nothing here is a test; numbers go to BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_match_data import bbc_articles, reuters_articles, split_sentences

from db import matching
from db.blocking import blocking_keys
from db.connection import connect, transaction
from db.matcher import compare
from db.numbers import extract_numbers

SYNONYMS = {
    "said": "stated",
    "rose": "increased",
    "fell": "declined",
    "company": "firm",
    "shares": "stock",
    "expected": "forecast",
    "government": "administration",
    "plans": "intends",
    "agreed": "accepted",
    "announced": "unveiled",
    "sales": "revenue",
    "profit": "earnings",
    "increase": "rise",
    "big": "large",
    "new": "fresh",
    "major": "leading",
    "help": "assist",
    "buy": "purchase",
    "talks": "negotiations",
    "officials": "authorities",
}
_NUM_RE = re.compile(r"\b\d+(?:\.\d+)?\b")


def perturb(sentence: str, rnd: random.Random) -> str:
    words = sentence.split()
    if len(words) > 6 and rnd.random() < 0.5:
        for _ in range(rnd.randint(1, 2)):
            del words[rnd.randrange(1, len(words) - 1)]
    if rnd.random() < 0.6:
        words = [SYNONYMS.get(w, w) if rnd.random() < 0.7 else w for w in words]
    out = " ".join(words)
    if rnd.random() < 0.1:
        out = _NUM_RE.sub(lambda m: _bump(m.group(0), rnd), out, count=1)
    return out


def _bump(num: str, rnd: random.Random) -> str:
    value = float(num) * rnd.choice((1.1, 1.2, 1.25, 0.8))
    return f"{value:.0f}" if "." not in num else f"{value:.2f}"


def originals(limit: int | None = None) -> list[dict]:
    arts = []
    for a in reuters_articles():
        arts.append({"title": a["title"] or "Untitled", "text": a["text"], "date": a["date"]})
    for i, a in enumerate(bbc_articles()):
        day = date(2005, 1, 1) + timedelta(days=(i * 7) % 365)
        arts.append({"title": a["title"], "text": a["text"], "date": day.isoformat()})
    for a in arts:
        a["sentences"] = [s for s in split_sentences(a["text"]) if len(s) > 3][:60]
    arts = [a for a in arts if a["sentences"]]
    if limit:
        random.Random(1).shuffle(arts)
        arts = arts[:limit]
    return arts


def _numbers(texts: list[str]) -> list[list[tuple]]:
    return [
        [(n.start, n.end, n.raw, n.value, n.unit, n.qualifier) for n in extract_numbers(t)]
        for t in texts
    ]


def build(path: Path, copies: int, seed: int, limit: int | None) -> None:
    started = time.monotonic()
    rnd = random.Random(seed)
    arts = originals(limit)
    pool_sentences = [s for a in arts for s in a["sentences"]]
    sources = ["original"] + [f"copy{k}" for k in range(1, copies + 1)]
    docs: list[tuple[str, str, str | None, list[str]]] = []  # source, title, date, sentences
    for a in arts:
        docs.append(("original", a["title"], a["date"], a["sentences"]))
        for k in range(1, copies + 1):
            sents = []
            for s in a["sentences"]:
                r = rnd.random()
                if r < 0.1:
                    continue
                if r < 0.25:
                    sents.append(rnd.choice(pool_sentences))
                else:
                    sents.append(perturb(s, rnd))
            if not sents:
                continue
            shifted = None
            if a["date"]:
                d = date.fromisoformat(a["date"][:10]) + timedelta(days=rnd.randint(0, 3))
                shifted = d.isoformat()
            docs.append((sources[k], perturb(a["title"], rnd), shifted, sents))
    n_statements = sum(len(d[3]) + 1 for d in docs)
    print(f"{len(docs):,} articles, {n_statements:,} statements; extracting numbers...")
    all_texts = [t for d in docs for t in (d[1], *d[3])]
    with multiprocessing.get_context("fork").Pool() as pool:
        chunks = [all_texts[i : i + 5000] for i in range(0, len(all_texts), 5000)]
        numbers = [n for part in pool.map(_numbers, chunks) for n in part]
    db = connect(path)
    with transaction(db) as conn:
        src_id = {}
        for name in sources:
            src_id[name] = conn.execute("INSERT INTO sources(name) VALUES (?)", (name,)).lastrowid
        k = 0
        sid = 0
        for i, (source, title, dt, sents) in enumerate(docs):
            text = title + "\n\n" + "\n".join(sents)
            aid = conn.execute(
                "INSERT INTO articles(source_id, key, title, date, text, body_start, content_hash,"
                " words, ingested_at, matched) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                (
                    src_id[source],
                    f"bench:{i}",
                    title,
                    dt,
                    text,
                    len(title) + 2,
                    f"h{i}",
                    len(text.split()),
                    "2026-01-01T00:00:00",
                ),
            ).lastrowid
            rows, nums = [], []
            pos = 0
            for seq, st in enumerate((title, *sents)):
                start = text.index(st, pos)
                sid += 1
                rows.append(
                    (
                        sid,
                        aid,
                        seq,
                        start,
                        start + len(st),
                        "headline" if seq == 0 else "sentence",
                        st,
                    )
                )
                for ns, ne, raw, value, unit, qual in numbers[k]:
                    nums.append((sid, start + ns, start + ne, raw, value, unit, qual))
                k += 1
                pos = start + len(st)
            conn.executemany(
                "INSERT INTO statements(id, article_id, seq, char_start, char_end, kind, text)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
            conn.executemany(
                "INSERT INTO numbers(statement_id, char_start, char_end, raw, value, unit,"
                " qualifier) VALUES (?, ?, ?, ?, ?, ?, ?)",
                nums,
            )
    print(f"built {path} in {time.monotonic() - started:.0f}s")


def full(path: Path, window: int) -> None:
    db = connect(path)
    n = db.execute("SELECT count(*) FROM statements").fetchone()[0]
    print(f"{n:,} statements; match_all on {multiprocessing.cpu_count()} cores...")

    started = time.monotonic()

    def progress(stage: str, done: int, total: int) -> None:
        seconds = time.monotonic() - started
        print(f"\r{stage} {done:,}/{total:,} at {seconds:.0f}s", end="", file=sys.stderr)

    report = matching.match_all(db, window_days=window, progress=progress)
    print(file=sys.stderr)
    print(report.as_dict())
    print(f"{n / report.seconds:,.0f} statements/s")


def _timed_match(db, aid: int, times: list[float]) -> matching.MatchReport:
    """Match one article (again), adding the seconds it took to ``times``."""
    t = time.monotonic()
    report = matching.match_articles(db, [aid])
    times.append(time.monotonic() - t)
    return report


def _took(report: matching.MatchReport, times: list[float]) -> str:
    return (
        f"{times[-1]:.3f}s (score {report.timings['score']:.3f}s,"
        f" write {report.timings['write']:.3f}s)"
    )


def incremental(path: Path, repeats: int, seed: int) -> None:
    """Add one new article (a fresh perturbed copy) and match it, ``repeats`` times."""
    db = connect(path)
    rnd = random.Random(seed)
    n_art = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"index: {n_art:,} articles")
    src = db.execute("SELECT id FROM sources WHERE name = 'late'").fetchone()
    times = []
    for r in range(repeats):
        aid0 = rnd.randint(1, n_art)
        title, dt, text = db.execute(
            "SELECT title, date, text FROM articles WHERE id = ?", (aid0,)
        ).fetchone()
        sents = [perturb(s, rnd) for s in text.split("\n")[2:]]
        new_title = perturb(title, rnd)
        body = "\n".join(sents)
        with transaction(db) as conn:
            if src is None:
                src = (conn.execute("INSERT INTO sources(name) VALUES ('late')").lastrowid,)
            aid = conn.execute(
                "INSERT INTO articles(source_id, key, title, date, text, body_start, content_hash,"
                " words, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    src[0],
                    f"late:{time.time()}:{r}",
                    new_title,
                    dt,
                    new_title + "\n\n" + body,
                    len(new_title) + 2,
                    f"late{r}{time.time()}",
                    len(body.split()),
                    "2026",
                ),
            ).lastrowid
            full_text = new_title + "\n\n" + body
            pos = 0
            for seq, st in enumerate((new_title, *sents)):
                start = full_text.index(st, pos)
                sid = conn.execute(
                    "INSERT INTO statements(article_id, seq, char_start, char_end, kind, text)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (aid, seq, start, start + len(st), "sentence", st),
                ).lastrowid
                for n in extract_numbers(st):
                    conn.execute(
                        "INSERT INTO numbers(statement_id, char_start, char_end, raw, value,"
                        " unit, qualifier) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (sid, start + n.start, start + n.end, n.raw, n.value, n.unit, n.qualifier),
                    )
                pos = start + len(st)
        report = _timed_match(db, aid, times)
        print(
            f"article {aid} ({len(sents) + 1} statements): {_took(report, times)},"
            f" {report.candidates} pairs scored, {report.indexed} statements loaded,"
            f" {report.same} same, {report.conflict} conflict"
        )
    print(f"median {statistics.median(times):.3f}s, max {max(times):.3f}s")


def rematch(path: Path, repeats: int, seed: int) -> None:
    """Match existing articles again (their claims are dissolved and placed again):
    the articles holding the centres of the three largest claims, then random ones.
    Also prints the largest claim and story."""
    db = connect(path)
    largest = db.execute(
        "SELECT claim_id, count(*) AS n, min(id) FROM statements WHERE claim_id IS NOT NULL"
        " GROUP BY claim_id ORDER BY n DESC LIMIT 3"
    ).fetchall()
    (story,) = db.execute(
        "SELECT max(n) FROM (SELECT count(*) AS n FROM articles WHERE story_id IS NOT NULL"
        " GROUP BY story_id)"
    ).fetchone()
    print(f"largest claims: {[n for _cid, n, _sid in largest]} statements; largest story {story}")
    centres = [
        db.execute("SELECT article_id FROM statements WHERE id = ?", (sid,)).fetchone()[0]
        for _cid, _n, sid in largest
    ]
    rnd = random.Random(seed)
    (n_art,) = db.execute("SELECT max(id) FROM articles").fetchone()
    times = []
    for aid in centres + [rnd.randint(1, n_art) for _ in range(repeats)]:
        report = _timed_match(db, aid, times)
        print(
            f"article {aid} again: {_took(report, times)}, {report.claims} claims,"
            f" {report.stories} stories written"
        )
    print(f"median {statistics.median(times):.3f}s, max {max(times):.3f}s")


def batch(path: Path, count: int, seed: int, days: str | None) -> None:
    """Match ``count`` existing articles again in one call (random ones, or of the
    dates ``days`` = FIRST:LAST), the way a large ingest is matched."""
    db = connect(path)
    where, params = ("", ()) if days is None else ("WHERE date BETWEEN ? AND ?", days.split(":"))
    ids = [r[0] for r in db.execute(f"SELECT id FROM articles {where} ORDER BY id", params)]
    chosen = random.Random(seed).sample(ids, count)
    rows = matching._rows_of_articles(db, chosen)
    window = matching._window_size(db, rows, matching.DEFAULT_WINDOW_DAYS)
    print(f"{count} articles, {len(rows):,} statements; {window:,} statements in their window")
    t = time.monotonic()
    report = matching.match_articles(db, chosen)
    print(f"{time.monotonic() - t:.1f}s", report.as_dict())


def _state(db) -> tuple[set, set, set]:
    """Matches, claims (members and stored row) and stories (members), ids aside."""
    members: dict[int, set[int]] = {}
    for sid, cid in db.execute("SELECT id, claim_id FROM statements WHERE claim_id IS NOT NULL"):
        members.setdefault(cid, set()).add(sid)
    claims = {
        (frozenset(members[cid]), *row)
        for cid, *row in db.execute(
            "SELECT id, first_statement_id, first_date, n_sources, n_statements, has_conflict"
            " FROM claims"
        )
    }
    stories: dict[int, set[int]] = {}
    for aid, story in db.execute("SELECT id, story_id FROM articles WHERE story_id IS NOT NULL"):
        stories.setdefault(story, set()).add(aid)
    matches = set(db.execute("SELECT a, b, relation FROM matches"))
    return matches, claims, {frozenset(g) for g in stories.values()}


def agree(path: Path) -> None:
    """Match an unmatched corpus incrementally (90 % of the articles, then the rest but
    50, then those one by one), then rebuild: matches, claims and stories must agree."""
    db = connect(path)
    ids = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
    cut = len(ids) * 9 // 10
    t = time.monotonic()
    matching.match_articles(db, ids[:cut])
    matching.match_articles(db, ids[cut:-50])
    for aid in ids[-50:]:
        matching.match_articles(db, [aid])
    print(f"incremental: {time.monotonic() - t:.0f}s")
    incremental = _state(db)
    matching.match_all(db)
    rebuilt = _state(db)
    for name, a, b in zip(("matches", "claims", "stories"), incremental, rebuilt, strict=True):
        print(f"{name}: {len(a):,} incremental, {len(b):,} rebuilt, equal: {a == b}")


def recall(sample: int, window: int, copies: int, seed: int, dense: Sequence[int] = ()) -> None:
    """Blocking recall against exhaustive matching on a sample of whole articles."""
    from db.matcher import prepare, with_context

    rnd = random.Random(seed)
    arts = originals()
    rnd.shuffle(arts)
    pool_sentences = [s for a in arts[:3000] for s in a["sentences"]]
    docs = []
    total = 0
    for a in arts:
        group = [("original", a["title"], a["date"], a["sentences"])]
        for k in range(1, copies + 1):
            sents = [
                perturb(s, rnd) if rnd.random() > 0.15 else rnd.choice(pool_sentences)
                for s in a["sentences"]
                if rnd.random() > 0.1
            ]
            d = a["date"]
            if d:
                d = (date.fromisoformat(d[:10]) + timedelta(days=rnd.randint(0, 3))).isoformat()
            group.append((f"copy{k}", perturb(a["title"], rnd), d, sents))
        docs.extend(group)
        total += sum(len(g[3]) + 1 for g in group)
        if total >= sample:
            break
    items = []  # (source, day, prepared)
    for source, title, d, sents in docs:
        texts = [title, *sents]
        preps = with_context([prepare(t, speaker="") for t in texts])
        day = date.fromisoformat(d[:10]).toordinal() if d else None
        items.extend((source, day, p) for p in preps)
    print(f"{len(docs)} articles, {len(items):,} statements; scoring all cross-source pairs...")
    started = time.monotonic()
    positives = []
    n_pairs = 0
    for i in range(len(items)):
        si, di, pi = items[i]
        for j in range(i + 1, len(items)):
            sj, dj, pj = items[j]
            if si == sj or (di is not None and dj is not None and abs(di - dj) > window):
                continue
            n_pairs += 1
            if compare(pi, pj).relation != "different":
                positives.append((i, j))
    print(
        f"exhaustive: {n_pairs:,} pairs in {time.monotonic() - started:.0f}s,"
        f" {len(positives):,} matches (same, conflict or related)"
    )
    from db import blocking
    from db.blocking import BlockIndex, Item

    index = BlockIndex(window)
    for pos, (source, day, p) in enumerate(items):
        keys = blocking_keys(p.tokset, p.numbers) if len(p.tokset) >= matching.MIN_TOKENS else ()
        index.add(Item(pos, hash(source), day, keys))
    default = blocking.DENSE_POSTING
    for value in (default, *dense):
        blocking.DENSE_POSTING = value
        neigh = [index.neighbours(it) for it in index.items]
        found = sum(1 for i, j in positives if i in neigh[j])  # scored from the later one
        # The pairs matching scores: each from its later statement.
        candidates = sum(1 for j, n in enumerate(neigh) for i in n if i < j)
        print(
            f"blocking (DENSE_POSTING {value}): {candidates:,} candidate pairs scored"
            f" ({100 * candidates / max(1, n_pairs):.2f}% of all),"
            f" recall {found}/{len(positives)} = {100 * found / max(1, len(positives)):.2f}%"
        )
    blocking.DENSE_POSTING = default


def recall_db(
    path: Path, sample: int, window: int, seed: int, show: int = 0, dense: Sequence[int] = ()
) -> None:
    """Blocking recall where the corpus is densest: statements of the busiest day of
    an existing database, each compared with EVERY statement of other sources in
    its window (exhaustive), against the candidates blocking gives it; again for each
    ``dense`` value of blocking.DENSE_POSTING."""
    import sqlite3

    import sqlite_utils

    from db import blocking

    db = sqlite_utils.Database(sqlite3.connect(f"file:{path}?mode=ro", uri=True))
    (busiest,) = db.execute(
        "SELECT substr(a.date, 1, 10) d FROM statements s JOIN articles a"
        " ON a.id = s.article_id WHERE a.date IS NOT NULL GROUP BY d ORDER BY count(*) DESC"
    ).fetchone()
    day = date.fromisoformat(busiest)
    lo = (day - timedelta(days=2 * window)).isoformat()
    hi = (day + timedelta(days=2 * window)).isoformat() + "\uffff"
    rows = matching._rows(db, "a.date >= ? AND a.date <= ?", (lo, hi))
    numbers, quotes = matching._extras(db, [r.sid for r in rows])
    print(f"busiest day {busiest}; {len(rows):,} statements within two windows; preparing...")
    pipe_line = matching._Pipeline(matching._order(rows), window, None)
    matching._prepare_into(pipe_line, numbers, quotes, len(rows), None)
    items, preps = pipe_line.index.items, pipe_line.preps
    mine = [i for i, it in enumerate(items) if it.day == day.toordinal() and it.keys]
    random.Random(seed).shuffle(mine)
    mine = mine[:sample]
    started = time.monotonic()
    n_pairs = 0
    positives: dict[int, dict[int, tuple]] = {}  # statement -> its matches (exhaustive)
    for i in mine:
        a = items[i]
        positives[i] = {}
        for j, b in enumerate(items):
            if b.source == a.source or (b.day is not None and abs(b.day - a.day) > window):
                continue
            n_pairs += 1
            result = compare(preps[i], preps[j])
            if result.relation != "different":
                positives[i][j] = (result.relation, result.score)
    total = sum(len(p) for p in positives.values())
    # how many of them are the same claim or a conflict (True) and related (False)
    total_of = Counter(r[0] != "related" for p in positives.values() for r in p.values())
    print(
        f"{len(mine)} statements of {busiest}: {n_pairs:,} pairs scored exhaustively in"
        f" {time.monotonic() - started:.0f}s, {total:,} matches (same, conflict or related)"
    )
    default = blocking.DENSE_POSTING
    for value in (default, *dense):
        blocking.DENSE_POSTING = value
        found = candidates = n_scored = 0
        found_of: dict[bool, int] = {True: 0, False: 0}  # by same or conflict (not related)
        t_walk = t_score = 0.0
        missed: list[tuple] = []
        later: dict[int, set[int]] = {}  # the candidates of a positive's later statement
        for i in mine:
            t = time.perf_counter()
            neigh = pipe_line.index.neighbours(items[i])
            t_walk += time.perf_counter() - t
            candidates += len(neigh)
            t = time.perf_counter()
            for j in neigh:  # what matching scores: pairs seen from their later statement
                if items[j].sid < items[i].sid:
                    compare(preps[i], preps[j])
                    n_scored += 1
            t_score += time.perf_counter() - t
            for j in positives[i]:
                # A pair is found when its later statement finds the earlier one.
                if items[j].sid < items[i].sid:
                    hit = j in neigh
                else:
                    if j not in later:
                        later[j] = pipe_line.index.neighbours(items[j])
                    hit = i in later[j]
                if hit:
                    found += 1
                    found_of[positives[i][j][0] != "related"] += 1
                else:
                    missed.append((*positives[i][j], i, j))
        print(
            f"DENSE_POSTING {value}: {n_scored / len(mine):.1f} pairs scored per statement"
            f" ({candidates / len(mine):.1f} candidates);"
            f" recall {found}/{total} = {100 * found / max(1, total):.2f}%; per statement:"
            f" index walk {1e6 * t_walk / len(mine):.0f} us, scoring"
            f" {1e6 * t_score / max(1, n_scored):.0f} us a pair"
        )
        for claim, name in ((True, "same or conflict"), (False, "related")):
            of = total_of[claim]
            print(f"  {name}: {found_of[claim]}/{of} = {100 * found_of[claim] / max(1, of):.2f}%")
        if value == default:
            for relation, score, i, j in missed[:show]:
                print(f"missed ({relation} {score}):\n  {preps[i].text}\n  {preps[j].text}")
    blocking.DENSE_POSTING = default


def walk(path: Path, sample: int, window: int) -> None:
    """CPU of the blocking index walk: the candidates of every n-th statement of a
    matched database, from its stored keys, with every statement indexed."""
    import gc
    import json
    import sqlite3

    from db.blocking import BlockIndex, Item

    gc.disable()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    items = [
        Item(sid, source, day or None, tuple(json.loads(keys)))
        for sid, source, day, keys in conn.execute(
            "SELECT k.statement_id, a.source_id, k.day, k.keys FROM statement_keys k"
            " JOIN statements s ON s.id = k.statement_id JOIN articles a ON a.id = s.article_id"
        )
    ]
    items.sort(key=lambda it: (it.day is not None, it.day or 0, it.sid))  # as matching
    index = BlockIndex(window)
    for item in items:
        index.add(item)
    chosen = [it for it in index.items[:: max(1, len(items) // sample)] if it.keys]
    started = time.process_time()
    older = sum(1 for it in chosen for p in index.neighbours(it) if index.items[p].sid < it.sid)
    spent = time.process_time() - started
    print(
        f"{len(items):,} statements; {len(chosen):,} walked: {1e6 * spent / len(chosen):.0f} us"
        f" CPU each, {older / len(chosen):.1f} older candidates each"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "what",
        choices=[
            "build",
            "full",
            "incremental",
            "rematch",
            "batch",
            "agree",
            "recall",
            "recall-db",
            "walk",
        ],
    )
    ap.add_argument("--db", type=Path, default=Path("/tmp/claimlens-scale.db"))
    ap.add_argument("--copies", type=int, default=5)
    ap.add_argument("--window", type=int, default=matching.DEFAULT_WINDOW_DAYS)
    ap.add_argument("--sample", type=int, default=5000)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--limit", type=int, default=None, help="original articles to use")
    ap.add_argument("--count", type=int, default=1000, help="batch: articles to match again")
    ap.add_argument("--days", default=None, help="batch: FIRST:LAST dates to take them from")
    ap.add_argument("--show", type=int, default=0, help="recall-db: print this many missed pairs")
    ap.add_argument(
        "--dense", default="", help="recall(-db): other DENSE_POSTING values to try, e.g. 25,100"
    )
    args = ap.parse_args()
    if args.what == "build":
        build(args.db, args.copies, args.seed, args.limit)
    elif args.what == "full":
        full(args.db, args.window)
    elif args.what == "incremental":
        incremental(args.db, args.repeats, args.seed)
    elif args.what == "agree":
        agree(args.db)
    elif args.what == "batch":
        batch(args.db, args.count, args.seed, args.days)
    elif args.what == "rematch":
        rematch(args.db, args.repeats, args.seed)
    elif args.what == "walk":
        walk(args.db, args.sample, args.window)
    elif args.what == "recall-db":
        dense = [int(v) for v in args.dense.split(",") if v]
        recall_db(args.db, args.sample, args.window, args.seed, args.show, dense)
    else:
        dense = [int(v) for v in args.dense.split(",") if v]
        recall(args.sample, args.window, args.copies, args.seed, dense)


if __name__ == "__main__":
    main()
