"""Benchmark of the browser on a 100,000+ article database: first screen, key latency, memory.

    python bench/bench_tui.py                  # builds /tmp/claimlens-bench/bench.db once
    python bench/bench_tui.py --matched        # the matched 106 k-article scale corpus
    python bench/bench_tui.py --matched --size 160x48,80x24   # each size in its own process
    python bench/bench_tui.py --db PATH        # any claimlens database
    python bench/bench_tui.py screenshot docs/screenshot.svg   # the README picture (demo)
    python bench/bench_tui.py keys --matched --size 160x48    # the slow keys, briefly
    python bench/bench_tui.py keys --matched --root /tmp/before   # another tree's browser
    python bench/bench_tui.py first --matched --size 160x48,80x24 --runs 5   # cold starts
    python bench/bench_tui.py slow --db PATH --size 80x24 --repeat 5   # o, t, fuzzy "the"

Two big databases:
* the default (``bench.db``) is real news as the ingest stores it: Reuters-21578
  and BBC (from shared/data), plus four copies of Reuters under other source names
  (as if four outlets ran the wire), ingested with ``match=False``: no matches;
* ``--matched`` is the corpus of ``bench/bench_match_scale.py`` (Reuters and BBC
  plus four perturbed copies of every article as other outlets: 106 k articles,
  0.9 M statements), built with its ``build`` and matched from its construction by
  ``bench/scale_matched.py`` (every two statements made from the same original one
  are matched, ``conflict`` where a number was changed; claims and stories built by
  the engine): every article has matches, claims and a story. ``match_all`` on it
  takes ~12 CPU-minutes plus the stories, far too long on shared cores. Built once
  and kept under ``/tmp/claimlens-bench/`` by copies, seed and schema version
  (``scale-c4-s7-v8.db``, then ``…-matched.db``); a build in progress is written
  under ``.partial`` and never reused.

Measured headless with Textual's Pilot (``--size``, default 160x48):
* first screen: from creating the app to the first frame drawn with the list, the
  first article and its claim panel shown (``first``: that, in fresh processes, and
  when start-up's last frame came: the screen settled);
* key latency, per key: a key press until its first screen update (the cursor
  moves: ``median_ms``/``p95_ms``) and until its last (``content_*``: the article
  text and the claim panel, which follow in a worker the next key cancels), and
  the CPU the process spent (Pilot's own work included): list moves, paging,
  jumping to the bottom, Tab between panes, statement moves, ``]`` (next matched
  statement), ``c`` (the claim panel alone), ``o`` (the story view), ``w`` (the
  speaker picker: its first open, then opened again), Enter in the list (opening an
  article), search typing (``/``) and fuzzy quote search typing (``f``): each key until
  its results are drawn in full (``content_*``), and until the first frame that shows
  its results (``search_results_drawn_ms``, ``fuzzy_results_drawn_ms``); at a large
  database's heaviest (:func:`_scale_cases`): ``o`` and Esc of the largest story, ``j``
  onto the statement with the most matches (its claim panel read afresh) and ``c`` there,
  ``t`` and j/k/PgDn/PgUp in the list by story; each row with its max (``max_ms``,
  ``content_max_ms``);
* memory: resident set size after start-up and after paging through thousands
  of rows (the list is virtual: it holds a few pages, whatever the corpus size).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT.parent / "shared" / "data"
REUTERS = DATA / "reuters21578" / "reuters21578.jsonl"
BBC = DATA / "bbc"
COPIES = 4
CACHE = Path("/tmp/claimlens-bench")


def rss_mb() -> float:
    """Current resident set size (Linux), in MiB."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

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


def _done(partial: Path, final: Path) -> None:
    """Fold the WAL into ``partial`` and give it its final name."""
    from db.connection import connect

    db = connect(partial)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    partial.replace(final)


def matched_scale_db(copies: int, seed: int) -> Path:
    """The matched scale corpus (see the module's docstring), built once per key."""
    from db.schema import SCHEMA_VERSION

    built = CACHE / f"scale-c{copies}-s{seed}-v{SCHEMA_VERSION}.db"
    matched = built.with_name(built.stem + "-matched.db")
    if matched.exists():
        return matched
    # Imported only to build: they put this tree first on sys.path (--root would be lost).
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_match_scale
    import scale_matched

    CACHE.mkdir(parents=True, exist_ok=True)
    older = sorted(
        CACHE.glob(f"scale-c{copies}-s{seed}-v*-matched.db"),
        key=lambda p: int(p.stem.split("-v")[-1].split("-")[0]),
    )
    if older:  # an older schema's build: upgraded, its claims and stories kept
        scale_matched.carry_forward(older[-1], matched)
        return matched
    if not built.exists():
        print(f"building {built} (once) with bench_match_scale …", flush=True)
        partial = built.with_name(built.name + ".partial")
        partial.unlink(missing_ok=True)
        bench_match_scale.build(partial, copies, seed, None)
        _done(partial, built)
    print(f"matching a copy of {built} into {matched} (once) …", flush=True)
    scale_matched.build_matched(built, matched, copies, seed)
    return matched


FRAMES: list[float] = []  # when each screen update was written out
FRAME_CPU: list[float] = []  # the UI thread's CPU time at each of them
# The first screen update written with the list, the first article and its claims shown:
# (wall time, the process's CPU time) at that moment.
FIRST_SCREEN: list[tuple[float, float]] = []
RESULTS_SHOWN: list[float] = []  # when a search's results were put in its list
STORY_SHOWN: list[float] = []  # when the story view put its story in place of "Reading …"
Row = tuple[float, float, float]  # per key: ms to the first frame, to the last, CPU ms


def _record_frames() -> None:
    """Note the time of every screen update (the moment a user would see the change), and
    of the first one that drew the whole first screen."""
    from textual.screen import Screen

    original = Screen._compositor_refresh

    def refresh(self: Screen) -> None:  # type: ignore[type-arg]
        original(self)
        FRAMES.append(time.perf_counter())
        FRAME_CPU.append(time.thread_time())
        if not FIRST_SCREEN and _first_screen_ready(self.app):
            FIRST_SCREEN.append((time.perf_counter(), time.process_time()))

    Screen._compositor_refresh = refresh  # type: ignore[method-assign]

    from tui.components.search_screen import SearchScreen

    show = SearchScreen._show

    def shown(self: SearchScreen, *args: Any) -> None:
        RESULTS_SHOWN.append(time.perf_counter())
        show(self, *args)

    SearchScreen._show = shown  # type: ignore[method-assign]

    from tui.components.story_view import StoryScreen

    show_story = StoryScreen._show

    async def story_shown(self: StoryScreen, *args: Any) -> None:
        await show_story(self, *args)
        STORY_SHOWN.append(time.perf_counter())

    StoryScreen._show = story_shown  # type: ignore[method-assign]


async def typed(driver: Driver, text: str) -> list[float]:
    """Each key of ``text`` typed into a search, timed from the key to the first frame
    drawn after its results were put in the list (what a user sees change): ms."""
    out = []
    for key in text:
        RESULTS_SHOWN.clear()
        t = time.perf_counter()
        await driver.press(key)
        if RESULTS_SHOWN:
            drawn = [f for f in FRAMES if f >= RESULTS_SHOWN[-1]]
            if drawn:
                out.append((drawn[0] - t) * 1000)
    return out


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return round(values[max(0, int(len(values) * q + 0.5) - 1)], 1)


def summary(rows: list[Row]) -> dict[str, float]:
    cursor = [r[0] for r in rows]
    content = [r[1] for r in rows]
    return {
        "n": len(rows),
        "median_ms": round(statistics.median(cursor), 1),
        "p95_ms": pct(cursor, 0.95),
        "max_ms": round(max(cursor), 1),
        "content_median_ms": round(statistics.median(content), 1),
        "content_p95_ms": pct(content, 0.95),
        "content_max_ms": round(max(content), 1),
        "cpu_median_ms": round(statistics.median(r[2] for r in rows), 1),
    }


class Driver:
    """Presses keys through Pilot and times each one (see the module's docstring)."""

    def __init__(self, app: Any, pilot: Any) -> None:
        self.app, self.pilot = app, pilot
        self.story_drawn: list[float] = []  # per key that showed a story: ms to its frame

    async def settle(self) -> None:
        """Until no worker runs (a loaded article starts its claim panel's worker)."""
        for _ in range(100):
            await self.pilot.pause()
            if all(w.is_finished for w in self.app.workers):
                return
            await self.app.workers.wait_for_complete()

    async def press(self, key: str) -> Row:
        FRAMES.clear()
        STORY_SHOWN.clear()
        t = time.perf_counter()
        cpu = time.process_time()
        await self.pilot.press(key)
        await self.pilot.pause()
        handled = time.perf_counter()
        await self.settle()  # the text and claims follow
        await self.pilot.pause(0.02)  # any update still pending is written by now
        cpu_used = time.process_time() - cpu
        first = FRAMES[0] if FRAMES else handled  # no frame: nothing changed
        last = FRAMES[-1] if FRAMES else handled
        if STORY_SHOWN:  # the first frame with the story in it, not "Reading the story …"
            drawn = [f for f in FRAMES if f >= STORY_SHOWN[0]]
            self.story_drawn.append(((drawn[0] if drawn else last) - t) * 1000)
        return ((first - t) * 1000, (last - t) * 1000, cpu_used * 1000)

    async def act(self, act: Callable[[], object]) -> Row:
        """``act`` (what a key or a dialog's choice does) timed as :meth:`press` times a
        key."""
        FRAMES.clear()
        t = time.perf_counter()
        cpu = time.process_time()
        act()
        await self.pilot.pause()
        handled = time.perf_counter()
        await self.settle()
        await self.pilot.pause(0.02)
        cpu_used = time.process_time() - cpu
        first = FRAMES[0] if FRAMES else handled
        last = FRAMES[-1] if FRAMES else handled
        return ((first - t) * 1000, (last - t) * 1000, cpu_used * 1000)

    async def keys(self, keys: list[str], repeat: int) -> list[Row]:
        return [await self.press(key) for _ in range(repeat) for key in keys]

    async def until(
        self, key: str, repeat: int, ready: Callable[[], bool], reset: str
    ) -> list[Row]:
        """``repeat`` timed presses of ``key``, each made when ``ready()``; else
        ``reset`` is pressed (untimed) first."""
        rows: list[Row] = []
        for _ in range(repeat * 3):
            if len(rows) == repeat:
                break
            if not ready():
                await self.pilot.press(reset)
                await self.settle()
                continue
            rows.append(await self.press(key))
        return rows


def _first_screen_ready(app: Any) -> bool:
    from textual.css.query import NoMatches

    from tui.components.main_screen import MainScreen

    if not isinstance(app.screen, MainScreen):
        return False
    main = app.screen
    try:
        return bool(
            main.articles.total
            and main.reader.article is not None
            and main.claims.article is not None
        )
    except NoMatches:  # not composed yet
        return False


async def _first_screen(pilot: Any) -> tuple[float, float]:
    """Wait for the first screen (see ``FIRST_SCREEN``): its (wall, CPU) time stamps."""
    while not FIRST_SCREEN:
        await pilot.pause(0.001)
    return FIRST_SCREEN[0]


def _matched_after_cursor(reader: Any) -> bool:
    statuses = [s.get("status") for s in reader.statements[reader.cursor + 1 :]]
    return any(s in ("corroborated", "conflict") for s in statuses)


async def _to_matched_article(driver: Driver, main: Any) -> None:
    """Move the list cursor down to an article with at least 3 matched statements."""
    for _ in range(200):
        row = main.articles.current
        if row is not None and row.get("corroborated", 0) + row.get("conflict", 0) >= 3:
            break
        await driver.pilot.press("j")
    await driver.settle()


def _largest(db_path: Path) -> tuple[int | None, int | None]:
    """The largest story and the statement with the most matches (read-only): the story
    view and the claim panel at their heaviest."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        story = conn.execute("SELECT id FROM stories ORDER BY n_articles DESC LIMIT 1").fetchone()
        most = conn.execute(
            "SELECT s, count(*) AS n FROM (SELECT a AS s FROM matches UNION ALL"
            " SELECT b FROM matches) GROUP BY s ORDER BY n DESC LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    return (story[0] if story else None), (most[0] if most else None)


async def _scale_cases(d: Driver, main: Any, db_path: Path, lat: dict[str, list[Row]]) -> None:
    """The heaviest views of a large database: the largest story's view (opened from its
    first article, o then Esc), the claim panel of the statement with the most matches (j
    onto it from the statement before, and c alone), the story list (t: the list by story,
    j/k/PgDn, t back)."""
    from db.articles import statement_location
    from db.story_reads import story_articles

    story_id, statement_id = _largest(db_path)
    if story_id is not None:
        first = story_articles(main.library.db, story_id)[0]["id"]
        main.open_article(first)
        await d.settle()
        for _ in range(5):
            lat.setdefault("o (largest story's view)", []).append(await d.press("o"))
            lat.setdefault("Esc (largest story closed)", []).append(await d.press("escape"))
    if statement_id is not None:
        article_id, seq = statement_location(main.library.db, statement_id)
        for _ in range(5):
            main.open_article(article_id, seq)
            await d.settle()
            if main.reader.cursor == 0:
                break
            main.claims.forget()  # its claims read again, as for a statement not yet seen
            await d.pilot.press("k")
            await d.settle()
            main.claims.forget()
            lat.setdefault("text j (onto the most-matched statement)", []).append(
                await d.press("j")
            )
        lat["c / c (most-matched claim panel)"] = await d.keys(["c", "c"], 5)
    await d.pilot.press("escape")
    main.articles.focus()
    await d.settle()
    lat["t (list by story)"] = [await d.press("t")]
    lat["story list j"] = await d.keys(["j"], 50)
    lat["story list k"] = await d.keys(["k"], 20)
    lat["story list PgDn"] = await d.keys(["pagedown"], 20)
    lat["story list PgUp"] = await d.keys(["pageup"], 10)
    lat["t (back to articles)"] = [await d.press("t")]
    main.articles.focus()
    await d.settle()


async def measure(db_path: Path, size: tuple[int, int]) -> dict[str, object]:
    from tui.app import make_app
    from tui.components.main_screen import MainScreen
    from tui.config import Config

    results: dict[str, object] = {"size": f"{size[0]}x{size[1]}", "db": str(db_path)}
    results["rss_before_mb"] = round(rss_mb(), 1)
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    FIRST_SCREEN.clear()
    app = make_app(db_path, config=Config())
    async with app.run_test(size=size) as pilot:
        wall, cpu = await _first_screen(pilot)
        results["first_screen_s"] = round(wall - t0, 3)
        # CPU of the whole process (worker threads too): what a busy machine does not add.
        results["first_screen_cpu_s"] = round(cpu - cpu0, 3)
        main = app.screen
        assert isinstance(main, MainScreen)
        results["articles"] = main.articles.total
        results["rss_first_screen_mb"] = round(rss_mb(), 1)
        d = Driver(app, pilot)
        await d.settle()
        lat: dict[str, list[Row]] = {}
        # A key bound to nothing: what Pilot and Textual's key dispatch cost alone.
        lat["unbound key (baseline)"] = await d.keys(["z"], 30)
        lat["list j (article + claims follow)"] = await d.keys(["j"], 100)
        lat["list k"] = await d.keys(["k"], 50)
        lat["list PgDn"] = await d.keys(["pagedown"], 30)
        lat["list G / g (last page, first)"] = await d.keys(["G", "g"], 5)
        lat["Tab / shift+Tab (list, text)"] = await d.keys(["tab", "shift+tab"], 10)
        # Opening an article (Enter in the list: the text takes the focus); the focus
        # goes back to the list untimed, then the next article.
        for _ in range(10):
            main.articles.focus()
            await pilot.press("j")
            await d.settle()
            lat.setdefault("list Enter (open the article)", []).append(await d.press("enter"))
        main.articles.focus()
        await _to_matched_article(d, main)
        await pilot.press("enter")
        await d.settle()
        reader = main.reader

        def last() -> int:
            return len(reader.statements) - 1

        # Each press moves the cursor: at the last statement, g (untimed) goes back up.
        lat["text j (next statement)"] = await d.until("j", 60, lambda: reader.cursor < last(), "g")
        lat["text k"] = await d.until("k", 30, lambda: reader.cursor > 0, "G")
        lat["text ] (next matched)"] = await d.until(
            "right_square_bracket", 30, lambda: _matched_after_cursor(reader), "g"
        )
        lat["c / c (claim panel alone, back)"] = await d.keys(["c", "c"], 10)
        for _ in range(10):  # o and Esc timed apart: Esc pops the story screen
            lat.setdefault("o (story view)", []).append(await d.press("o"))
            lat.setdefault("Esc (story view closed)", []).append(await d.press("escape"))
        await _scale_cases(d, main, db_path, lat)
        # The speaker picker: its first open reads every quote; Esc (untimed) between.
        for name in ("w (speaker picker, first open)", *["w (opened again)"] * 5):
            lat.setdefault(name, []).append(await d.press("w"))
            await pilot.press("escape")
            await d.settle()
        await pilot.press("escape")
        main.articles.focus()
        await d.settle()
        rss_paged_before = rss_mb()
        for _ in range(300):  # ~ 300 pages of rows through the list
            await pilot.press("pagedown")
        await d.settle()
        results["rss_after_300_pages_mb"] = round(rss_mb(), 1)
        results["rss_growth_paging_mb"] = round(rss_mb() - rss_paged_before, 1)
        results["list_pages_held"] = main.articles.pages_held
        lat["open search (/) / Esc"] = await d.keys(["slash", "escape"], 10)
        await pilot.press("slash")
        results_ms = await typed(d, "oil prices")
        results["search_results_drawn_ms"] = summary([(r, r, 0.0) for r in results_ms])
        await pilot.press(*["backspace"] * len("oil prices"))
        await d.settle()
        lat["typing in search (key handled)"] = await d.keys(list("oil prices"), 1)
        t = time.perf_counter()
        await d.settle()
        results["search_results_after_typing_ms"] = round((time.perf_counter() - t) * 1000, 1)
        results["search_hits"] = len(app.screen.hits)  # type: ignore[attr-defined]
        # Fuzzy quote search, a misspelled quote typed a key at a time: each key until
        # its results are drawn (content_*).
        await pilot.press("escape")
        await d.settle()
        await pilot.press("f")
        await d.settle()
        quote = "there remanes a public emergancy"
        fuzzy_ms = await typed(d, quote)
        results["fuzzy_results_drawn_ms"] = summary([(r, r, 0.0) for r in fuzzy_ms])
        await pilot.press(*["backspace"] * len(quote))
        await d.settle()
        lat["typing in fuzzy search (key handled)"] = await d.keys(list(quote), 1)
        results["fuzzy_hits"] = len(app.screen.hits)  # type: ignore[attr-defined]
        results["latency"] = {name: summary(rows) for name, rows in lat.items() if rows}
        results["rss_end_mb"] = round(rss_mb(), 1)
    return results


def table(results: dict[str, Any]) -> str:
    """The latency figures as a Markdown table (for BENCHMARKS.md)."""
    lines = [
        f"{results['size']}, {results['articles']:,} rows, first screen"
        f" {results['first_screen_s']} s ({results.get('first_screen_cpu_s', '?')} s CPU)",
        "",
        "| key | n | first frame median / max ms | content median / p95 / max ms | CPU median ms |",
        "|---|---|---|---|---|",
    ]
    for name, s in results["latency"].items():
        lines.append(
            f"| {name} | {s['n']} | {s['median_ms']} / {s['max_ms']} |"
            f" {s['content_median_ms']} / {s['content_p95_ms']} / {s['content_max_ms']} |"
            f" {s['cpu_median_ms']} |"
        )
    for name in ("search_results_drawn_ms", "fuzzy_results_drawn_ms"):
        if name in results:
            r = results[name]
            lines.append(f"| {name} | {r['n']} | {r['median_ms']} / {r['max_ms']} | | |")
    return "\n".join(lines)


async def measure_keys(db_path: Path, size: tuple[int, int]) -> dict[str, dict[str, float]]:
    """The keys that were over 50 ms, briefly: per key the wall time to its first frame
    and the UI thread's CPU to it (what load on other cores inflates least)."""
    from tui.app import make_app
    from tui.config import Config

    app = make_app(db_path, config=Config())
    rows: dict[str, list[tuple[float, float]]] = {}
    async with app.run_test(size=size) as pilot:
        await _first_screen(pilot)
        d = Driver(app, pilot)
        await d.settle()

        async def keys(name: str, keys: list[str], repeat: int) -> None:
            for _ in range(repeat):
                for key in keys:
                    FRAMES.clear()
                    FRAME_CPU.clear()
                    t, cpu = time.perf_counter(), time.thread_time()
                    await d.press(key)
                    if FRAMES:
                        row = ((FRAMES[0] - t) * 1000, (FRAME_CPU[0] - cpu) * 1000)
                        rows.setdefault(name, []).append(row)

        await keys("list j", ["j"], 40)
        await keys("list k", ["k"], 20)
        await keys("list PgDn", ["pagedown"], 20)
        await keys("list G / g", ["G", "g"], 5)
        await keys("Tab / shift+Tab", ["tab", "shift+tab"], 8)
        await _to_matched_article(d, app.screen)
        await pilot.press("enter")
        await d.settle()
        await keys("c / c", ["c", "c"], 8)
        await keys("/ / Esc", ["slash", "escape"], 6)

    def stats(values: list[float]) -> tuple[float, float]:
        return round(statistics.median(values), 1), pct(values, 0.95)

    return {
        name: dict(
            zip(
                ["wall_median_ms", "wall_p95_ms", "ui_cpu_median_ms", "ui_cpu_p95_ms"],
                [*stats([r[0] for r in got]), *stats([r[1] for r in got])],
                strict=True,
            )
        )
        for name, got in rows.items()
    }


async def measure_slow(db_path: Path, size: tuple[int, int], repeat: int) -> dict[str, Any]:
    """``slow``: the keys that were still over 50 ms at 116 k articles, each ``repeat``
    times (``bench``'s rows have one ``t`` each): ``o`` and Esc of the largest story (from
    its first article) and of the first article's story (and the first frame with the story
    in it), ``t`` to the articles and back (the list focused), a source filter (each of
    the first two sources, as `s`'s dialog sets it) and `x` after each, and a fuzzy quote
    search of one very common word ("the": from
    its last key to the first frame showing its results, then its text cleared)."""
    from tui.app import make_app
    from tui.config import Config

    app = make_app(db_path, config=Config())
    lat: dict[str, list[Row]] = {}
    results: dict[str, Any] = {"size": f"{size[0]}x{size[1]}", "db": str(db_path)}
    async with app.run_test(size=size) as pilot:
        await _first_screen(pilot)
        main = app.screen
        results["articles"] = main.articles.total
        d = Driver(app, pilot)
        await d.settle()
        lat["t (to the articles)"], lat["t (back to the stories)"] = [], []
        for _ in range(repeat):
            main.articles.focus()
            lat["t (to the articles)"].append(await d.press("t"))
            lat["t (back to the stories)"].append(await d.press("t"))
        for _ in range(repeat):
            lat.setdefault("o (story view)", []).append(await d.press("o"))
            lat.setdefault("Esc (story view closed)", []).append(await d.press("escape"))
        drawn = {"o (story view): its story drawn": d.story_drawn[-repeat:]}
        story_id, _statement = _largest(db_path)
        if story_id is not None:
            from db.story_reads import story_articles

            main.open_article(story_articles(main.library.db, story_id)[0]["id"])
            await d.settle()
            for _ in range(repeat):
                lat.setdefault("o (largest story's view)", []).append(await d.press("o"))
                lat.setdefault("Esc (largest story closed)", []).append(await d.press("escape"))
            drawn["o (largest story's view): its story drawn"] = d.story_drawn[-repeat:]
            await d.press("o")
            lat["G in the largest story (all of it laid out)"] = [await d.press("G")]
            # The floor of G there: the story already laid out, only the scroll and its
            # frame (what laying out only the last screen could come down to at most).
            await d.press("g")
            lat["G again in the largest story (already laid out)"] = [await d.press("G")]
            await d.press("escape")
        await pilot.press("escape")
        main.articles.focus()
        await d.settle()
        # A source chosen in `s`'s dialog (the list by story rebuilt for it), then `x`.
        names = [row["name"] for row in main.library.sources()][:2]
        for _ in range(repeat):
            for name in names:
                lat.setdefault("source filter chosen (s)", []).append(
                    await d.act(lambda name=name: main.set_source(name))
                )
                lat.setdefault("x (filters cleared)", []).append(await d.press("x"))
        await pilot.press("f")
        await d.settle()
        fuzzy: list[float] = []
        for _ in range(repeat):
            await typed(d, "th")
            fuzzy += await typed(d, "e")
            await pilot.press(*["backspace"] * 3)
            await d.settle()
        results["fuzzy 'the' results drawn (ms)"] = summary([(r, r, 0.0) for r in fuzzy])
        for name, times in drawn.items():
            if times:
                results[f"{name} (ms)"] = summary([(r, r, 0.0) for r in times])
    results["latency"] = {name: summary(rows) for name, rows in lat.items() if rows}
    return results


async def measure_first(db_path: Path, size: tuple[int, int]) -> dict[str, float]:
    """One cold start: from creating the app to the first screen (the list, the first
    article and its claims drawn), with the process's CPU to it, and to the last frame
    of start-up (the footer's keys, the reads that follow: the screen settled)."""
    from tui.app import make_app
    from tui.config import Config

    FIRST_SCREEN.clear()
    t0, cpu0 = time.perf_counter(), time.process_time()
    app = make_app(db_path, config=Config())
    async with app.run_test(size=size) as pilot:
        wall, cpu = await _first_screen(pilot)
        await Driver(app, pilot).settle()
        await pilot.pause(0.05)
        settled = FRAMES[-1]
    return {
        "first_screen_s": round(wall - t0, 3),
        "first_screen_cpu_s": round(cpu - cpu0, 3),
        "settled_s": round(settled - t0, 3),
    }


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


def first_screens(args: argparse.Namespace, sizes: list[str]) -> None:
    """``first``: ``--runs`` cold starts per size, each in a fresh process, the sizes
    taking turns (a before/after pair: run it with and without ``--root`` by turns)."""
    got: dict[str, list[dict[str, float]]] = {size: [] for size in sizes}
    for _ in range(args.runs):
        for size in sizes:
            cmd = [sys.executable, __file__, "first-one", "--db", str(args.db), "--size", size]
            cmd += ["--root", str(args.root)] if args.root else []
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
            got[size].append(json.loads(out.strip().splitlines()[-1]))
    print("first screen, s: median (min-max) wall, median CPU; settled median wall")
    for size, runs in got.items():
        walls = [r["first_screen_s"] for r in runs]
        cpu = statistics.median(r["first_screen_cpu_s"] for r in runs)
        settled = statistics.median(r["settled_s"] for r in runs)
        print(
            f"  {size:8} {statistics.median(walls):.3f} ({min(walls):.3f}-{max(walls):.3f})"
            f"  cpu {cpu:.3f}  settled {settled:.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = ["bench", "keys", "slow", "first", "first-one", "screenshot"]
    parser.add_argument("command", nargs="?", default="bench", choices=commands)
    parser.add_argument("out", nargs="?", default="docs/screenshot.svg")
    parser.add_argument("--db", type=Path, default=CACHE / "bench.db")
    parser.add_argument(
        "--matched",
        action="store_true",
        help="measure the matched scale corpus (built once under /tmp/claimlens-bench)",
    )
    parser.add_argument("--copies", type=int, default=4, help="--matched: perturbed copies")
    parser.add_argument("--seed", type=int, default=7, help="--matched: the copies' seed")
    parser.add_argument("--size", default="160x48", help="WxH, or several: 160x48,80x24")
    parser.add_argument("--json", action="store_true", help="print the whole result as JSON")
    parser.add_argument("--runs", type=int, default=5, help="first: cold starts per size")
    parser.add_argument("--repeat", type=int, default=5, help="slow: presses of each key")
    parser.add_argument(
        "--root",
        type=Path,
        help="run the browser of another work tree (a before/after pair: a git worktree)",
    )
    args = parser.parse_args()
    if args.root is not None:
        sys.path.insert(0, str(args.root.resolve()))
    if args.command == "screenshot":
        asyncio.run(screenshot(Path(args.out)))
        return
    if args.matched:
        args.db = matched_scale_db(args.copies, args.seed)
    elif not args.db.exists():
        print(f"building {args.db} (once) from {DATA} …", flush=True)
        build(args.db)
    sizes = args.size.split(",")
    if args.command == "first":  # each start in a fresh process, sizes alternating
        first_screens(args, sizes)
        return
    if len(sizes) > 1:  # each size in a fresh process: the first screen is a cold start
        for size in sizes:
            cmd = [sys.executable, __file__, args.command, "--db", str(args.db), "--size", size]
            cmd += ["--root", str(args.root)] if args.root else []
            subprocess.run(cmd + (["--json"] if args.json else []), check=True)
        return
    width, height = (int(x) for x in sizes[0].split("x"))
    _record_frames()
    if args.command == "first-one":
        print(json.dumps(asyncio.run(measure_first(args.db, (width, height)))), flush=True)
        return
    if args.command == "keys":
        keys = asyncio.run(measure_keys(args.db, (width, height)))
        print(f"{width}x{height}: wall median / p95, UI CPU median / p95 (ms), to the first frame")
        for name, s in keys.items():
            print(
                f"  {name:16} {s['wall_median_ms']:6} / {s['wall_p95_ms']:6}"
                f"   {s['ui_cpu_median_ms']:5} / {s['ui_cpu_p95_ms']:5}"
            )
        return
    if args.command == "slow":
        slow = asyncio.run(measure_slow(args.db, (width, height), args.repeat))
        print(json.dumps(slow, indent=2), flush=True)
        return
    results = asyncio.run(measure(args.db, (width, height)))
    print(json.dumps(results, indent=2) if args.json else table(results), flush=True)


if __name__ == "__main__":
    main()
