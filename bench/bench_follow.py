"""Benchmarks of issue 14: ``claimlens follow`` and the browser updating live.

round: 50 local feeds x 20 entries (real articles: the BBC folder of the shared data),
    each entry a summary whose page is fetched and extracted, in one
    ``claimlens follow --once`` round (a subprocess: its wall time and peak RSS). Each
    feed is served from its own 127.0.0.1 port (one host each, as outlets are), so
    per-host politeness applies as it would in use. A second round gets 304s.
live: ``claimlens serve`` in headless Chromium; another connection commits an article;
    the seconds until its headline reaches the page (median and max of --repeat).

    python bench/bench_follow.py round [--feeds 50 --entries 20] [--no-match]
    python bench/bench_follow.py live [--repeat 5]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from db.connection import connect  # noqa: E402
from db.ingest import ingest_paths  # noqa: E402
from tests.browser import chromium, find_chromium, open_page, serving  # noqa: E402
from tests.feed_site import Entry, FeedSite  # noqa: E402
from tui.demo import build_demo_db  # noqa: E402

CLI = [sys.executable, "-c", "from tui.cli import main; main()"]


def bbc_entries(corpus: Path, n: int) -> list[Entry]:
    """``n`` real articles (BBC 2004-05: headline, blank line, body) as feed entries."""
    files = sorted(corpus.rglob("*.txt"))[:n]
    if len(files) < n:
        raise SystemExit(f"{corpus}: {len(files)} articles, {n} needed")
    out = []
    for i, path in enumerate(files):
        title, _, body = path.read_text(encoding="utf-8", errors="replace").partition("\n")
        paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
        out.append(Entry(f"a{i}", title.strip(), paragraphs))
    return out


def bench_round(n_feeds: int, n_entries: int, corpus: Path, no_match: bool) -> None:
    articles = bbc_entries(corpus, n_feeds * n_entries)
    sites = [FeedSite().start() for _ in range(n_feeds)]
    try:
        lines = []
        for f, site in enumerate(sites):
            entries = articles[f * n_entries : (f + 1) * n_entries]
            site.add_feed("/feed.rss", f"Outlet {f}", entries, etag=f'"{f}"')
            lines.append(f'{site.base}/feed.rss "~Outlet {f}"')
        with tempfile.TemporaryDirectory() as tmp:
            urls = Path(tmp) / "urls"
            urls.write_text("\n".join(lines) + "\n")
            db_path = Path(tmp) / "bench.db"
            cmd = [*CLI, "--db", str(db_path), "follow", str(urls), "--once", "--json"]
            if no_match:
                cmd.append("--no-match")
            for label in ("first round", "second round (all 304)"):
                started = time.monotonic()
                done = subprocess.run(cmd, capture_output=True, text=True)
                seconds = time.monotonic() - started
                if done.returncode != 0:
                    raise SystemExit(f"follow failed ({done.returncode}): {done.stderr[-2000:]}")
                report = json.loads(done.stdout)
                peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
                pages = sum(1 for site in sites for p, _ in site.requests if p.endswith(".html"))
                print(
                    f"{label}: {n_feeds} feeds x {n_entries} entries: {seconds:.1f} s wall,"
                    f" {report['added']} articles added, {report['failed']} failed,"
                    f" {pages} pages fetched so far, peak RSS {peak_mb:.0f} MB"
                )
    finally:
        for site in sites:
            site.stop()


def bench_live(repeat: int) -> None:
    binary = find_chromium()
    if binary is None:
        raise SystemExit("Chromium is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        db_path = build_demo_db(Path(tmp) / "live.db")
        with serving(db_path, Path(tmp) / "serve.log") as url, chromium(binary) as devtools:
            latencies = asyncio.run(_live(devtools, url, db_path, Path(tmp), repeat))
    print(
        f"live: new article on the page {statistics.median(latencies):.2f} s (median),"
        f" {max(latencies):.2f} s (max) after the commit, {repeat} commits:"
        f" {', '.join(f'{s:.2f}' for s in latencies)}"
    )


async def _live(devtools: int, url: str, db_path: Path, tmp: Path, repeat: int) -> list[float]:
    latencies = []
    async with open_page(devtools, url) as page:
        await page.wait_for_text("Ukraine says it fought")
        for i in range(repeat):
            # The token opens the headline: the list pane cuts long headlines short.
            headline = f"Zq{i}x harbour bridge reopens after repairs"
            folder = tmp / f"new{i}"
            folder.mkdir()
            (folder / "a.txt").write_text(
                f" date 2026-11-30 {headline}\n\nThe harbour bridge reopened on Friday"
                f" after {i + 2} weeks of repairs, the city council said in a statement.\n",
                encoding="utf-8",
            )
            mark = len(await page.received())
            other = connect(db_path)
            ingest_paths(other, [folder], source="Live Wire", match=False)
            committed = time.monotonic()
            other.conn.close()
            await page.wait_for_text(f"Zq{i}x", since=mark, timeout=30)
            latencies.append(time.monotonic() - committed)
            await asyncio.sleep(1.5)
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    r = sub.add_parser("round")
    r.add_argument("--feeds", type=int, default=50)
    r.add_argument("--entries", type=int, default=20)
    r.add_argument("--corpus", type=Path, default=Path("/work/shared/data/bbc"))
    r.add_argument("--no-match", action="store_true", help="fetch, extract, ingest only")
    live = sub.add_parser("live")
    live.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    if args.mode == "round":
        bench_round(args.feeds, args.entries, args.corpus, args.no_match)
    else:
        bench_live(args.repeat)


if __name__ == "__main__":
    main()
