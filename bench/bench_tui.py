"""Benchmark of the browser on a 100,000+ article database: first screen, key latency, memory.

    python bench/bench_tui.py                  # builds /tmp/claimlens-bench/bench.db once
    python bench/bench_tui.py --db PATH        # any claimlens database
    python bench/bench_tui.py --matched        # the same corpus, matched (claims panel full)
    python bench/bench_tui.py screenshot docs/screenshot.svg   # the README picture (demo)

The big database is real news: Reuters-21578 and BBC (from shared/data), plus
four copies of Reuters under other source names (as if four outlets ran the
wire), ingested with ``match=False`` (matching is not what is measured here).

Measured headless with Textual's Pilot at 160x48:
* first screen: from creating the app to the list, the first article and its
  claim panel on screen;
* key latency: a key press until its first screen update (the cursor moves:
  ``median_ms``/``p95_ms``) and until its last (``content_*``: the article text and
  the claim panel, which follow in a worker the next key cancels), for list moves,
  statement moves, paging, jumping to the bottom of the list (deepest page), opening
  search and typing;
* memory: resident set size after start-up and after paging through thousands
  of rows (the list is virtual: it holds a few pages, whatever the corpus size).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "data"
REUTERS = DATA / "reuters21578" / "reuters21578.jsonl"
BBC = DATA / "bbc"
COPIES = 4


def rss_mb() -> float:
    """Current resident set size (Linux), in MiB."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def build(db_path: Path) -> None:
    from db.connection import connect
    from db.ingest import ingest_paths

    db_path.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="claimlens-bench-"))
    files: list[tuple[Path, str | None]] = [(REUTERS, None), (BBC, "BBC")]
    with REUTERS.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    for n in range(1, COPIES + 1):
        copy = work / f"reuters-copy-{n}.jsonl"
        with copy.open("w", encoding="utf-8") as out:
            for rec in records:
                rec = dict(rec, id=f"copy{n}-{rec['id']}", source=f"Wire copy {n}")
                out.write(json.dumps(rec) + "\n")
        files.append((copy, None))
    db = connect(db_path)
    started = time.monotonic()
    for path, source in files:
        t = time.monotonic()
        report = ingest_paths(db, [path], source=source, match=False)
        print(
            f"  ingested {path.name}: {report.added} added in {time.monotonic() - t:.0f}s",
            flush=True,
        )
    print(f"built {db_path} in {time.monotonic() - started:.0f}s", flush=True)
    db.conn.close()


def build_matched(source: Path, db_path: Path) -> None:
    """A copy of ``source`` with every statement matched (claims and stories built)."""
    import shutil

    from db.connection import connect
    from db.matching import match_all

    db = connect(source)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    # Matched under another name, renamed when done: an interrupted build is not reused.
    partial = db_path.with_name(db_path.name + ".partial")
    shutil.copy(source, partial)
    db = connect(partial)
    started = time.monotonic()
    report = match_all(db)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    partial.replace(db_path)
    print(
        f"matched {db_path} in {time.monotonic() - started:.0f}s: {report.same} same,"
        f" {report.conflict} conflict, {report.claims} claims",
        flush=True,
    )


FRAMES: list[float] = []  # when each screen update was written out


def _record_frames() -> None:
    """Note the time of every screen update (the moment a user would see the change)."""
    from textual.screen import Screen

    original = Screen._compositor_refresh

    def refresh(self: Screen) -> None:  # type: ignore[type-arg]
        original(self)
        FRAMES.append(time.perf_counter())

    Screen._compositor_refresh = refresh  # type: ignore[method-assign]


async def measure(db_path: Path, size: tuple[int, int]) -> dict[str, object]:
    from tui.app import make_app
    from tui.components.main_screen import MainScreen
    from tui.config import Config

    results: dict[str, object] = {"rss_before_mb": round(rss_mb(), 1)}
    t0 = time.perf_counter()
    app = make_app(db_path, config=Config())
    async with app.run_test(size=size) as pilot:
        while not (
            isinstance(app.screen, MainScreen)
            and app.screen.reader.article is not None
            and app.screen.articles.total
        ):
            await pilot.pause(0.001)
        await pilot.pause()
        results["first_screen_s"] = round(time.perf_counter() - t0, 3)
        main = app.screen
        assert isinstance(main, MainScreen)
        results["articles"] = main.articles.total
        results["rss_first_screen_mb"] = round(rss_mb(), 1)

        async def timed(keys: list[str], repeat: int) -> list[tuple[float, float, float]]:
            """Per key press: wall ms to the first screen update it caused (the cursor
            moves), wall ms to the last (the article text and claim panel that follow
            in a worker), and the CPU ms the process spent (Pilot's own work included)."""
            times = []
            for _ in range(repeat):
                for key in keys:
                    FRAMES.clear()
                    t = time.perf_counter()
                    cpu = time.process_time()
                    await pilot.press(key)
                    await pilot.pause()
                    handled = time.perf_counter()
                    await app.workers.wait_for_complete()  # the text and claims follow
                    await pilot.pause(0.02)  # any update still pending is written by now
                    cpu_used = time.process_time() - cpu
                    first = FRAMES[0] if FRAMES else handled  # no frame: nothing changed
                    last = FRAMES[-1] if FRAMES else handled
                    times.append(((first - t) * 1000, (last - t) * 1000, cpu_used * 1000))
            return times

        def pct(values: list[float], q: float) -> float:
            values = sorted(values)
            return round(values[max(0, int(len(values) * q) - 1)], 1)

        def summary(rows: list[tuple[float, float, float]]) -> dict[str, float]:
            cursor = [r[0] for r in rows]
            content = [r[1] for r in rows]
            return {
                "median_ms": round(statistics.median(cursor), 1),
                "p95_ms": pct(cursor, 0.95),
                "max_ms": round(max(cursor), 1),
                "content_median_ms": round(statistics.median(content), 1),
                "content_p95_ms": pct(content, 0.95),
                "cpu_median_ms": round(statistics.median(r[2] for r in rows), 1),
            }

        latency: dict[str, dict[str, float]] = {}
        # A key bound to nothing: what Pilot and Textual's key dispatch cost alone.
        latency["unbound key (baseline)"] = summary(await timed(["z"], 30))
        latency["list j (loads article + claims)"] = summary(await timed(["j"], 100))
        latency["list k"] = summary(await timed(["k"], 50))
        latency["list pagedown"] = summary(await timed(["pagedown"], 50))
        latency["list G (last page of the list)"] = summary(await timed(["G", "g"], 5))
        main.articles.focus()
        await pilot.press("enter")
        latency["reader j (next statement)"] = summary(await timed(["j"], 30))
        await pilot.press("escape")
        rss_paged_before = rss_mb()
        for _ in range(300):  # ~ 300 pages of rows through the list
            await pilot.press("pagedown")
        await pilot.pause()
        results["rss_after_300_pages_mb"] = round(rss_mb(), 1)
        results["rss_growth_paging_mb"] = round(rss_mb() - rss_paged_before, 1)
        results["list_pages_held"] = main.articles.pages_held
        latency["open search (/)"] = summary(await timed(["slash", "escape"], 10))
        await pilot.press("slash")
        latency["typing in search (key handled)"] = summary(await timed(list("oil prices"), 1))
        t = time.perf_counter()
        await app.workers.wait_for_complete()
        await pilot.pause()
        results["search_results_after_typing_ms"] = round((time.perf_counter() - t) * 1000, 1)
        results["search_hits"] = len(app.screen.hits)  # type: ignore[attr-defined]
        results["latency"] = latency
        results["rss_end_mb"] = round(rss_mb(), 1)
    return results


async def screenshot(out: Path) -> None:
    from tui.app import make_app
    from tui.config import Config
    from tui.demo import build_demo_db

    with tempfile.TemporaryDirectory() as tmp:
        db_path = build_demo_db(Path(tmp) / "demo.db")
        app = make_app(db_path, config=Config(), title="demo")
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            main = app.main
            # Show a conflict if the engine found one, else a corroborated statement.
            statuses = [st.get("status") for st in main.reader.statements]
            target = next(
                (
                    i
                    for want in ("conflict", "corroborated")
                    for i, s in enumerate(statuses)
                    if s == want
                ),
                0,
            )
            await pilot.press("enter")
            for _ in range(target):
                await pilot.press("j")
            await pilot.pause()
            out.parent.mkdir(parents=True, exist_ok=True)
            app.save_screenshot(filename=out.name, path=str(out.parent))
    print(f"wrote {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", nargs="?", default="bench", choices=["bench", "screenshot"])
    parser.add_argument("out", nargs="?", default="docs/screenshot.svg")
    parser.add_argument("--db", type=Path, default=Path("/tmp/claimlens-bench/bench.db"))
    parser.add_argument(
        "--matched",
        action="store_true",
        help="measure a matched copy of --db (built once next to it, -matched.db)",
    )
    parser.add_argument("--size", default="160x48")
    args = parser.parse_args()
    if args.command == "screenshot":
        asyncio.run(screenshot(Path(args.out)))
        return
    if not args.db.exists():
        print(f"building {args.db} (once) from {DATA} …", flush=True)
        build(args.db)
    if args.matched:
        matched = args.db.with_name(args.db.stem + "-matched.db")
        if not matched.exists():
            print(f"matching a copy of {args.db} into {matched} (once) …", flush=True)
            build_matched(args.db, matched)
        args.db = matched
    width, height = (int(x) for x in args.size.split("x"))
    _record_frames()
    results = asyncio.run(measure(args.db, (width, height)))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
