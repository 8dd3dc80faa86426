"""Ingest throughput and search latency on real corpora (BBC, Reuters-21578).

    python bench/bench_ingest.py [--data ../shared/data] [--out bench/out] [--match]
    python bench/bench_ingest.py --only bbc --analyse-only [--repeat 5]

For each corpus: a fresh database, ``ingest_paths`` end to end (read, clean,
split, extract, write, index), articles/s and words/s; then search latency
(p50/p95/max) for queries built from words of the corpus itself: single names,
two-word queries, phrases and prefixes, as people type them. Finally the
database size per million statements. CPU is this process's ("own": reading,
writing, indexing) plus the analysis pool's workers ("pool"; 0 when the ingest
is too small to start one). Matching is timed separately
(``--match``) because it has its own benchmark (bench/bench_match*.py).

``--analyse-only``: the statement analysis alone (db.statements.analyse: sentences,
quotes, speakers, numbers), in this process, on the corpus as the ingest reads and
cleans it; the best CPU time of ``--repeat`` passes. Less noisy than the whole ingest on
a shared machine, and the part of it that the ingest's workers run.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db.connection import connect
from db.formats import RawArticle, iter_files, read_file
from db.ingest import compose_text, ingest_paths, is_notes_file
from db.search import search
from db.statements import analyse

WORD = re.compile(r"[A-Za-z]{4,}")


def queries_from(db, n: int, seed: int = 7) -> list[str]:  # type: ignore[no-untyped-def]
    """Realistic queries: words, pairs, phrases and prefixes taken from stored statements."""
    rng = random.Random(seed)
    max_id = db.execute("SELECT max(id) FROM statements").fetchone()[0]
    out: list[str] = []
    while len(out) < n:
        row = db.execute(
            "SELECT text FROM statements WHERE id >= ? LIMIT 1", (rng.randint(1, max_id),)
        ).fetchone()
        words = WORD.findall(row[0]) if row else []
        if len(words) < 3:
            continue
        kind = len(out) % 4
        i = rng.randrange(len(words) - 1)
        if kind == 0:
            out.append(max(words, key=len))
        elif kind == 1:
            out.append(f"{words[i]} {words[i + 1]}")
        elif kind == 2:
            out.append(f'"{words[i]} {words[i + 1]}"')
        else:
            out.append(words[i][:4] + "*")
    return out


def _cpu_seconds() -> tuple[float, float]:
    """CPU time of this process, and of its finished children (the analysis pool)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def bench_corpus(name: str, paths: list[Path], out: Path, match: bool) -> dict[str, float]:
    db_path = out / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    db = connect(db_path)
    cpu0 = _cpu_seconds()
    t0 = time.perf_counter()
    report = ingest_paths(db, paths, match=False)
    ingest_s = time.perf_counter() - t0
    own_s, workers_s = (after - before for after, before in zip(_cpu_seconds(), cpu0, strict=True))
    cpu_s = own_s + workers_s
    result = {
        "articles": report.added,
        "statements": report.statements,
        "words": report.words,
        "rejected": len(report.rejected),
        "ingest_s": ingest_s,
        "articles_per_s": report.added / ingest_s,
        "words_per_s": report.words / ingest_s,
        "cpu_s": cpu_s,
        "own_cpu_s": own_s,
        "workers_cpu_s": workers_s,
        "words_per_cpu_s": report.words / cpu_s,
    }
    if match:
        from db.ingest import match_pending

        t0 = time.perf_counter()
        match_pending(db)
        result["match_s"] = time.perf_counter() - t0
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = db_path.stat().st_size
    result["db_mb"] = size / 1e6
    result["mb_per_million_statements"] = size / 1e6 / (report.statements / 1e6)
    qs = queries_from(db, 400)
    for q in qs[:20]:  # warm the page cache as a running app would have it
        search(db, q, limit=20)
    timings = []
    for q in qs:
        t0 = time.perf_counter()
        search(db, q, limit=20)
        timings.append((time.perf_counter() - t0) * 1000)
    result["search_p50_ms"] = statistics.median(timings)
    result["search_p95_ms"] = percentile(timings, 0.95)
    result["search_max_ms"] = max(timings)
    return result


def bench_analyse(paths: list[Path], repeat: int) -> dict[str, float]:
    """CPU seconds of ``analyse`` over the articles under ``paths`` (best of ``repeat``)."""
    texts = [
        compose_text(record.title, record.body)
        for path in iter_files(paths)
        if not is_notes_file(path)
        for record in read_file(path)
        if isinstance(record, RawArticle)
    ]
    words = sum(len(text.split()) for text, _ in texts)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for text, body_start in texts:
            analyse(text, body_start)
        best = min(best, time.process_time() - t0)
    return {"articles": len(texts), "words": words, "cpu_s": best, "words_per_cpu_s": words / best}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data"
    )
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    parser.add_argument("--match", action="store_true", help="also time matching after ingest")
    parser.add_argument("--only", choices=["bbc", "reuters"], help="one corpus only")
    parser.add_argument(
        "--analyse-only", action="store_true", help="time db.statements.analyse alone"
    )
    parser.add_argument("--repeat", type=int, default=3, help="passes for --analyse-only")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    corpora = {
        "bbc": [args.data / "bbc"],
        "reuters": [args.data / "reuters21578" / "reuters21578.jsonl"],
    }
    if args.only:
        corpora = {args.only: corpora[args.only]}
    if args.analyse_only:
        print(f"{'corpus':<8} {'articles':>8} {'words':>9} {'cpu s':>6} {'w/cpu-s':>8}")
        for name, paths in corpora.items():
            r = bench_analyse(paths, args.repeat)
            print(
                f"{name:<8} {r['articles']:>8} {r['words']:>9} {r['cpu_s']:>6.2f}"
                f" {r['words_per_cpu_s']:>8.0f}",
                flush=True,
            )
        return
    print(
        f"{'corpus':<8} {'articles':>8} {'statements':>10} {'words':>9} {'s':>6} "
        f"{'art/s':>7} {'words/s':>8} {'cpu s':>6} {'own':>5} {'pool':>5} {'w/cpu-s':>8} "
        f"{'MB':>6} {'MB/Mst':>7} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}" + ("  match s" if args.match else "")
    )
    for name, paths in corpora.items():
        r = bench_corpus(name, paths, args.out, args.match)
        print(
            f"{name:<8} {r['articles']:>8} {r['statements']:>10} {r['words']:>9} "
            f"{r['ingest_s']:>6.1f} {r['articles_per_s']:>7.0f} {r['words_per_s']:>8.0f} "
            f"{r['cpu_s']:>6.1f} {r['own_cpu_s']:>5.1f} {r['workers_cpu_s']:>5.1f} "
            f"{r['words_per_cpu_s']:>8.0f} "
            f"{r['db_mb']:>6.1f} {r['mb_per_million_statements']:>7.0f} "
            f"{r['search_p50_ms']:>7.2f} {r['search_p95_ms']:>7.2f} {r['search_max_ms']:>7.2f}"
            + (f"  {r['match_s']:>7.1f}" if args.match else ""),
            flush=True,
        )


if __name__ == "__main__":
    main()
