"""Soak: ingest Reuters-21578 and BBC while 4 reader processes search in a loop.

    python bench/bench_soak.py [--data /work/shared/data] [--readers 4] [--seconds 1200]
                               [--match] [--rounds 1] [--db PATH]

The writer is the real command, ``claimlens ingest reuters21578.jsonl bbc/``, in a
subprocess (``--no-match`` unless ``--match``). Each reader is a separate process that
opens the database the way ``claimlens search`` does and runs a fixed mix of queries
(words, pairs, phrases, prefixes, fuzzy quotes, article lists) in a loop; for the
first hit of each query it checks the hit against its article's text, so a reader
would notice a half-written article. Everything is bounded by ``--seconds``: if the
ingest is not done by then it gets Ctrl-C (and the report says so).

Reported: reader errors (target: zero), reader latency p50/p95/max while the writer
ran (and after), queries run, whether every input record is stored exactly once (its
key present once, no other article), and ``claimlens check`` on the result.
``--rounds 2`` runs the same ingest again while the readers go on (nothing is added).
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CLI = [sys.executable, "-c", "from tui.cli import main; main()"]

READER = r"""
import json, os, sys, time
from db.connection import connect
from db.fuzzy_search import fuzzy_search_counted
from db.search import QueryError, count, search
from db import articles
db_path, stop, out = sys.argv[1], sys.argv[2], sys.argv[3]
QUERIES = ["oil", "prices", "bank", "minister said", '"interest rates"', "govern*",
           "trade deficit", "dollar OR yen", "shares -stock", "Blair", "election",
           "football", "profit rose", '"chief executive"', "mln dlrs", "music"]
db = connect(db_path)
log = open(out, "w")
i = 0
while not os.path.exists(stop):
    q = QUERIES[i % len(QUERIES)]
    i += 1
    started = time.time()
    error = None
    try:
        if i % 8 == 0:
            hits = fuzzy_search_counted(db, q, limit=10)[0]
        elif i % 8 == 1:
            articles.list_articles(db, articles.ArticleFilter(), limit=50)
            hits = []
        else:
            hits = search(db, q, limit=20)
            count(db, q)
        for hit in hits[:1]:
            text = db.execute("SELECT text FROM articles WHERE id = ?",
                              (hit.article_id,)).fetchone()[0]
            if text[hit.start:hit.end] != hit.text:
                error = f"hit {hit.statement_id} does not match its article"
    except QueryError:
        pass
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
    log.write(json.dumps([started, time.time() - started, error]) + "\n")
log.close()
"""


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def expected_keys(paths: list[Path]) -> tuple[set[str], int]:
    """The key of every record the inputs hold (read as the ingest reads them)."""
    from db.formats import RawArticle, iter_files, read_file

    keys: set[str] = set()
    records = 0
    for path in iter_files(paths):
        for record in read_file(path):
            if isinstance(record, RawArticle):
                keys.add(record.key)
                records += 1
    return keys, records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=1200, help="upper bound on the run")
    parser.add_argument("--match", action="store_true", help="let the ingest run matching")
    parser.add_argument("--rounds", type=int, default=1, help="ingest the same input N times")
    parser.add_argument("--db", type=Path, default=None, help="database (default: a temp file)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="claimlens-soak-"))
    db_path = args.db or work / "soak.db"
    inputs = [args.data / "reuters21578" / "reuters21578.jsonl", args.data / "bbc"]
    stop = work / "stop"
    deadline = time.monotonic() + args.seconds

    from db.check import check_database
    from db.connection import connect

    connect(db_path).conn.close()
    logs = [work / f"reader{i}.jsonl" for i in range(args.readers)]
    readers = [
        subprocess.Popen([sys.executable, "-c", READER, str(db_path), str(stop), str(log)])
        for log in logs
    ]
    time.sleep(1.0)  # readers are up and searching an empty database
    windows: list[tuple[float, float]] = []
    rounds = []
    try:
        for _ in range(args.rounds):
            cmd = [*CLI, "--db", str(db_path), "ingest", *map(str, inputs), "--json", "--quiet"]
            if not args.match:
                cmd.append("--no-match")
            started = time.time()
            writer = subprocess.Popen(
                cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
            try:
                out, err = writer.communicate(timeout=max(1.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                writer.send_signal(signal.SIGINT)
                out, err = writer.communicate()
            windows.append((started, time.time()))
            report = json.loads(out) if out.strip().startswith("{") else {"error": err[-2000:]}
            report.pop("errors", None)
            report["exit"] = writer.returncode
            rounds.append(report)
            if report.get("interrupted") or "error" in report:
                break
        time.sleep(2.0)  # readers go on a little after the last commit
    finally:
        stop.touch()
        for reader in readers:
            try:
                reader.wait(timeout=60)
            except subprocess.TimeoutExpired:
                reader.kill()

    during, late, after, errors, n_queries = [], [], [], [], 0
    for log in logs:
        for line in log.read_text().splitlines():
            started, latency, error = json.loads(line)
            n_queries += 1
            if error:
                errors.append(error)
            if any(a <= started <= b for a, b in windows):
                during.append(latency)
                if any((a + b) / 2 <= started <= b for a, b in windows):
                    late.append(latency)
            elif started > windows[-1][1]:
                after.append(latency)

    db = connect(db_path)
    keys, records = expected_keys(inputs)
    stored = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    stored_keys = {r[0] for r in db.execute("SELECT key FROM articles")}
    check = check_database(db)
    # Without --match the articles wait for matching: expected, not a problem here.
    problems = [p.message for p in check.problems if args.match or p.name != "matching:pending"]
    completed = all(r.get("exit") in (0, 1) and not r.get("interrupted") for r in rounds)
    result = {
        "rounds": rounds,
        "completed": completed,
        "readers": args.readers,
        "queries": n_queries,
        "reader_errors": len(errors),
        "reader_error_examples": sorted(set(errors))[:5],
        "latency_ms_during_write": {
            "n": len(during),
            "p50": round(percentile(during, 0.5) * 1000, 1),
            "p95": round(percentile(during, 0.95) * 1000, 1),
            "max": round(max(during, default=float("nan")) * 1000, 1),
            "mean": round(statistics.fmean(during) * 1000, 1) if during else None,
        },
        # The second half of the write: the index is big, as it will be in use.
        "latency_ms_during_second_half_of_write": {
            "n": len(late),
            "p50": round(percentile(late, 0.5) * 1000, 1),
            "p95": round(percentile(late, 0.95) * 1000, 1),
            "max": round(max(late, default=float("nan")) * 1000, 1),
        },
        "latency_ms_after_write": {
            "n": len(after),
            "p50": round(percentile(after, 0.5) * 1000, 1),
            "p95": round(percentile(after, 0.95) * 1000, 1),
        },
        "input_records": records,
        "distinct_input_keys": len(keys),
        "articles_stored": stored,
        "every_article_stored_exactly_once": completed
        and stored == len(keys)
        and stored_keys == keys,
        "missing_keys": len(keys - stored_keys),
        "unexpected_keys": len(stored_keys - keys),
        "check_ok": not problems,
        "check_problems": problems,
        "writer_seconds": [round(b - a, 1) for a, b in windows],
    }
    print(json.dumps(result, indent=2))
    shutil.rmtree(work, ignore_errors=True)  # a database given with --db is kept


if __name__ == "__main__":
    main()
