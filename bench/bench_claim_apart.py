"""Issue 11, point 1: pairs judged `related` (one event, another claim) inside one claim.

For each database: its claims (count, sizes), the `related` matches whose two
statements sit in one claim, and the claims holding any. With ``--regroup``, a copy
of each database has its claims placed again by this tree's code (``rebuild_claims``,
timed: the claim grouping alone, matches as stored, best of 3) and the same figures
are given for the copy; with ``--incremental`` too, the copy's claims are then placed
again one article at a time in id order (``place_claims``, as ingest places them) and
compared with the rebuild's. The databases themselves are only read.

    python bench/bench_claim_apart.py DB [DB ...] [--regroup [--incremental]]

Only `same`, `conflict` and `related` matches are stored: a pair the matcher judged
`different` leaves no row, so it cannot be counted.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from db.claims import place_claims, rebuild_claims  # noqa: E402


def memberships(conn: sqlite3.Connection) -> set[frozenset[int]]:
    """Each claim as the set of its statements."""
    out: dict[int, set[int]] = {}
    for sid, cid in conn.execute("SELECT id, claim_id FROM statements WHERE claim_id IS NOT NULL"):
        out.setdefault(cid, set()).add(sid)
    return {frozenset(m) for m in out.values()}


def incremental(conn: sqlite3.Connection) -> set[frozenset[int]]:
    """Claims placed again article by article, in id order, from no claims at all."""
    with conn:
        conn.execute("UPDATE statements SET claim_id = NULL WHERE claim_id IS NOT NULL")
        conn.execute("DELETE FROM claims")
        by_article: dict[int, list[int]] = {}
        for sid, aid in conn.execute("SELECT id, article_id FROM statements ORDER BY id"):
            by_article.setdefault(aid, []).append(sid)
        for aid in sorted(by_article):
            place_claims(conn, by_article[aid], new=by_article[aid])
    return memberships(conn)


def figures(conn: sqlite3.Connection) -> str:
    """One line: claims, their sizes, related pairs inside one claim, and their claims."""
    sizes = [
        r[0]
        for r in conn.execute(
            "SELECT count(*) FROM statements WHERE claim_id IS NOT NULL GROUP BY claim_id"
        )
    ]
    n_related = conn.execute("SELECT count(*) FROM matches WHERE relation = 'related'").fetchone()[
        0
    ]
    inside = conn.execute(
        "SELECT count(*), count(DISTINCT x.claim_id) FROM matches m"
        " JOIN statements x ON x.id = m.a JOIN statements y ON y.id = m.b"
        " WHERE m.relation = 'related' AND x.claim_id = y.claim_id"
    ).fetchone()
    multi = conn.execute("SELECT count(*) FROM claims WHERE n_sources >= 2").fetchone()[0]
    hist = Counter(min(s, 6) for s in sizes)
    shape = " ".join(f"{k if k < 6 else '6+'}:{hist[k]}" for k in sorted(hist))
    return (
        f"claims {len(sizes)} (>=2 sources {multi}), statements in claims {sum(sizes)},"
        f" largest {max(sizes, default=0)}, sizes {shape}; related pairs {n_related},"
        f" inside one claim {inside[0]} in {inside[1]} claims"
    )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("dbs", nargs="+", type=Path)
    ap.add_argument("--regroup", action="store_true", help="also on a copy, claims placed again")
    ap.add_argument("--incremental", action="store_true", help="and placed article by article")
    args = ap.parse_args()
    for path in args.dbs:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        print(f"{path}: {figures(conn)}")
        conn.close()
        if not args.regroup:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "copy.db"
            src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            dst = sqlite3.connect(copy)
            src.backup(dst)
            src.close()
            took = []
            for _ in range(3):
                start = time.perf_counter()
                with dst:
                    rebuild_claims(dst)
                took.append(time.perf_counter() - start)
            print(f"  regrouped ({min(took):.3f} s): {figures(dst)}")
            if args.incremental:
                rebuilt = memberships(dst)
                placed = incremental(dst)
                same = "equal" if placed == rebuilt else f"differ in {len(placed ^ rebuilt)} claims"
                print(f"  article by article: {len(placed)} claims, {same} to the rebuild's")
            dst.close()


if __name__ == "__main__":
    main()
