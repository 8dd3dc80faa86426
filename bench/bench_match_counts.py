"""Time :func:`db.match_reads.article_match_counts`: the list's per-article counts, read
for every page of 100 rows (on the UI thread when the page is not read ahead).

    python bench/bench_match_counts.py --db /tmp/s46/m1/m1.db     # opened read only
    python bench/bench_match_counts.py --db PATH --pages 15 --repeat 3

Pages: ``--pages`` pages of 100 articles spread over the whole list (newest first), each
read ``--repeat`` times in turn; the first round reads from a cold page cache. Prints
the median and max per page, in ms, and a checksum of the counts (equal before/after).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlite_utils  # noqa: E402

from db.match_reads import article_match_counts  # noqa: E402

PAGE = 100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--pages", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    db = sqlite_utils.Database(conn)
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    step = max(PAGE, total // max(1, args.pages))
    pages = [
        [
            r[0]
            for r in conn.execute(
                "SELECT id FROM articles ORDER BY date DESC, id DESC LIMIT ? OFFSET ?", (PAGE, off)
            )
        ]
        for off in range(0, total, step)
    ][: args.pages]
    times: list[list[float]] = []
    digest = hashlib.sha256()
    for round_no in range(args.repeat):
        ms = []
        for ids in pages:
            start = time.perf_counter()
            counts = article_match_counts(db, ids)
            ms.append((time.perf_counter() - start) * 1000)
            if round_no == 0:
                digest.update(json.dumps(sorted(counts.items())).encode())
        times.append(ms)
    warm = [t for ms in times[1:] for t in ms] or times[0]
    print(
        json.dumps(
            {
                "articles": total,
                "pages": len(pages),
                "first_round_median_ms": round(statistics.median(times[0]), 2),
                "first_round_max_ms": round(max(times[0]), 2),
                "warm_median_ms": round(statistics.median(warm), 2),
                "warm_max_ms": round(max(warm), 2),
                "counts_sha256": digest.hexdigest()[:16],
            }
        )
    )


if __name__ == "__main__":
    main()
