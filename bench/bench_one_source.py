"""A long text of one source matched in a database of other sources, before and after.

    python bench/bench_one_source.py --work DIR [--code OLD_CHECKOUT] [--reps 3]

Builds, once, in ``DIR``: ``base.db`` (BASIL's 300 articles, three outlets, and the two
seed articles as sources A and B, matched) and ``big.txt`` (the BBC bodies joined into
one 4 MB text, dated 2019-01-20: inside BASIL's dates, so the window holds other
sources), then ``pre.db`` (``base.db`` with ``big.txt`` ingested ``--no-match`` as the
source "Archive"). Then, for this checkout and ``--code`` (another checkout, e.g. one
exported with ``git archive``), interleaved ``--reps`` times: ``claimlens match
--pending`` on a copy of ``pre.db`` (the new text matched against the index, as an
ingest does) and ``claimlens match`` on a copy of it (a rebuild), each timed (wall and
user CPU), and the matches of the last run of each written to ``DIR/matches-*.tsv``
(every column, ordered), which should be identical between the two checkouts.

The data comes from ``../shared/data`` (``CLAIMLENS_DATA`` to point elsewhere).
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("CLAIMLENS_DATA", HERE.parent / "shared" / "data"))
SEEDS = DATA.parent / "seeds"
BIG_BYTES = 4_000_000


def claimlens(code: Path, db: Path, *args: str) -> tuple[float, float]:
    """Run ``claimlens --db DB ARGS`` with the ``db`` and ``tui`` of ``code``; return
    (wall seconds, user CPU seconds of the child)."""
    env = dict(os.environ, PYTHONPATH=str(code))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
    t = time.monotonic()
    subprocess.run(
        [sys.executable, "-c", "from tui.cli import main; main()", "--db", str(db), *args],
        cwd=code,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.monotonic() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before


def big_text(path: Path) -> None:
    parts, size = [], 0
    for f in sorted((DATA / "bbc").glob("*/*.txt")):
        raw = f.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        body = text.split("\n", 1)[1].strip() if "\n" in text else ""
        parts.append(body)
        size += len(body.encode()) + 2
        if size > BIG_BYTES:
            break
    path.write_text(
        "date 2019-01-20 A year of reports, collected\n\n" + "\n\n".join(parts) + "\n",
        encoding="utf-8",
    )


def build(work: Path) -> Path:
    pre = work / "pre.db"
    if pre.exists():
        return pre
    work.mkdir(parents=True, exist_ok=True)
    base = work / "base.db"
    for p in work.glob("base.db*"):
        p.unlink()
    claimlens(HERE, base, "ingest", str(DATA / "basil"), "--no-match", "-q")
    seeds = sorted(SEEDS.glob("*.txt"))
    for name, seed in zip("AB", seeds, strict=False):
        claimlens(HERE, base, "ingest", str(seed), "--source", name, "--no-match", "-q")
    claimlens(HERE, base, "match")
    big_text(work / "big.txt")
    copy_db(base, work / "pre-building.db")
    claimlens(
        HERE,
        work / "pre-building.db",
        "ingest",
        str(work / "big.txt"),
        "--source",
        "Archive",
        "--no-match",
        "-q",
    )
    (work / "pre-building.db").rename(pre)  # whole, or not at all
    return pre


def copy_db(src: Path, dst: Path) -> None:
    """A copy of the database ``src`` (its WAL included) at ``dst``."""
    for p in dst.parent.glob(dst.name + "*"):
        p.unlink()
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()


def dump(db: Path, out: Path) -> int:
    conn = sqlite3.connect(db)
    cols = [r[1] for r in conn.execute("PRAGMA table_info(matches)")]
    rows = conn.execute(f"SELECT {', '.join(cols)} FROM matches ORDER BY a, b").fetchall()
    out.write_text("".join("\t".join(map(str, r)) + "\n" for r in rows))
    conn.close()
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--code", type=Path, help="another checkout to compare with")
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    pre = build(args.work)
    codes = {"this": HERE, **({"other": args.code.resolve()} if args.code else {})}
    for rep in range(args.reps):
        for label, code in codes.items():
            for mode, extra in (("pending", ("--pending",)), ("rebuild", ())):
                db = args.work / f"run-{label}.db"
                copy_db(pre, db)
                wall, user = claimlens(code, db, "match", *extra)
                n = dump(db, args.work / f"matches-{label}-{mode}.tsv")
                print(
                    f"{rep + 1} {label:5} {mode:7} {wall:6.2f} s wall {user:6.2f} s user"
                    f"  {n:,} matches",
                    flush=True,
                )


if __name__ == "__main__":
    main()
