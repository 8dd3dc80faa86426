"""Search latency per query class, and fuzzy quote search recall and latency.

    python bench/bench_search.py --db PATH [--per-class 50] [--fuzzy 100] [--code DIR]
        [--cpu] [--phases] [--reps 3] [--versus OLD_SEARCH_PY [--check]]

On an existing database (e.g. BBC + Reuters ingested with ``--no-match``):

* **Search**: queries built from the corpus's own words, in six classes: rare words
  (2-20 statements), mid-frequency words (100-2,000), common words (5,000 and more),
  two words, two-word phrases and four-letter prefixes. Each query is timed in
  process through ``db.search.search`` (limit 20), through ``search_counted`` (what
  ``claimlens search`` does), and as a raw FTS5 query with ``highlight()`` ranked by
  bm25 on the same file (the baseline); each timing is the median of ``--reps`` runs
  after one untimed run of every way, the ways interleaved and each first in turn (the
  first after another query pays its cache misses), so that a busy machine hurts them
  alike.
* **Fuzzy**: quotes made from the corpus's own statements as people misremember
  them: lower-cased, one or two words dropped, two adjacent letters of a long word
  swapped; long statements are cut to 8-12 consecutive words first. Recall@10 counts
  a quote found when its statement (or one with the same text) is among the first
  ten hits of ``db.fuzzy_search.fuzzy_search_counted``; latency p50/p95 per query.

``--cpu`` times CPU seconds of the process instead of wall time, for a shared
machine. ``--phases`` then searches the fuzzy quotes again and prints each phase's CPU
summed over them: the words' index terms, the candidates (bm25), and the rest (rows read,
ranked with rapidfuzz, highlighted). ``--code DIR`` imports ``db`` from another checkout
(e.g. an older commit exported with ``git archive``) to measure it on the same file.
``--versus FILE`` loads another version of ``db/search.py`` (e.g. ``git show
HEAD~1:db/search.py > /tmp/old_search.py``)
beside this one and times it in the same loop, interleaved per query with this one and
raw FTS5 (the fairest before/after on a busy machine: every way sees the same moments).
``--check`` (with ``--versus``) first compares the two versions' hits and totals for every
query at several pages and filters (``search_counted`` and ``search``), and stops at the
first difference. ``--reps N`` times each query N times (median kept; 3 by default).
"""

from __future__ import annotations

import argparse
import contextlib
import random
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

WORD = re.compile(r"[A-Za-z]{4,}")
CLASSES = ("rare", "mid", "common", "two words", "phrase", "prefix")
BANDS = {"rare": (2, 20), "mid": (100, 2000), "common": (5000, 10**9)}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _random_statement(db: Any, rng: random.Random, max_id: int) -> str:
    row = db.execute(
        "SELECT text FROM statements WHERE id >= ? LIMIT 1", (rng.randint(1, max_id),)
    ).fetchone()
    return row[0] if row else ""


def search_queries(db: Any, per_class: int, seed: int) -> dict[str, list[str]]:
    """``per_class`` queries of each class, from words of random statements."""
    rng = random.Random(seed)
    max_id = db.execute("SELECT max(id) FROM statements").fetchone()[0]
    out: dict[str, list[str]] = {c: [] for c in CLASSES}
    seen: set[str] = set()
    while any(len(v) < per_class for v in out.values()):
        words = WORD.findall(_random_statement(db, rng, max_id))
        if len(words) < 3:
            continue
        i = rng.randrange(len(words) - 1)
        word = words[i]
        if word.lower() not in seen:
            seen.add(word.lower())
            n = db.execute(
                "SELECT count(*) FROM statements_fts WHERE statements_fts MATCH ?",
                ('"' + word + '"',),
            ).fetchone()[0]
            for name, (lo, hi) in BANDS.items():
                if lo <= n <= hi and len(out[name]) < per_class:
                    out[name].append(word)
        for name, query in (
            ("two words", f"{words[i]} {words[i + 1]}"),
            ("phrase", f'"{words[i]} {words[i + 1]}"'),
            ("prefix", words[i][:4] + "*"),
        ):
            if len(out[name]) < per_class and rng.random() < 0.3:
                out[name].append(query)
    return out


CLOCK = time.perf_counter  # --cpu: time.process_time


def timed(fn: Callable[[], Any]) -> float:
    t0 = CLOCK()
    fn()
    return (CLOCK() - t0) * 1000


def bench_search(
    db: Any, search_mod: Any, queries: dict[str, list[str]], reps: int, versus: Any = None
) -> None:
    """Per class: p50 and p95 of search, search + count (the CLI's ``search_counted``
    where it exists), raw FTS5, and ``versus``'s search, each query timed ``reps`` times
    (median kept) after one untimed run of every way, all ways interleaved and each
    first in turn."""
    raw_sql = (
        "SELECT rowid, highlight(statements_fts, 0, char(2), char(3)) FROM statements_fts"
        " WHERE statements_fts MATCH ? ORDER BY rank LIMIT 20"
    )
    ways: dict[str, Callable[[str, str], Any]] = {
        "search": lambda q, f: search_mod.search(db, q, limit=20),
        "both": _counted(db, search_mod),
        "raw": lambda q, f: db.execute(raw_sql, (f,)).fetchall(),
    }
    if versus is not None:
        ways["versus"] = lambda q, f: versus.search(db, q, limit=20)
    print(
        f"{'class':<10} {'n':>3}  {'search p50':>10} {'p95':>6}  {'+count p50':>10} {'p95':>6}"
        f"  {'raw FTS5 p50':>12} {'p95':>6}  {'ratio p50':>9} {'p95':>5}"
        + (f"  {'versus p50':>10} {'p95':>6}  {'ratio p50':>9} {'p95':>5}" if versus else "")
    )
    everything: dict[str, list[float]] = {key: [] for key in ways}
    for name in CLASSES:
        times: dict[str, list[float]] = {key: [] for key in ways}
        for q in queries[name]:
            fts = search_mod.build_fts_query(q)
            runs: dict[str, list[float]] = {key: [] for key in ways}
            order = list(ways)
            for way in ways.values():  # untimed: the query's pages read once, for every way
                way(q, fts)
            for rep in range(reps):
                # each way first in turn: the first after another query pays its misses
                for key in order[rep % len(order) :] + order[: rep % len(order)]:
                    runs[key].append(timed(lambda w=ways[key], q=q, f=fts: w(q, f)))
            for key, values in runs.items():
                times[key].append(statistics.median(values))
        for key in everything:
            everything[key] += times[key]
        _row(name, times)
    _row("all", everything)


def _counted(db: Any, search_mod: Any) -> Callable[[str, str], Any]:
    """What ``claimlens search`` runs: ``search_counted`` (search and count in one
    snapshot), or search then count in a checkout from before it."""
    if hasattr(search_mod, "search_counted"):
        return lambda q, f: search_mod.search_counted(db, q, limit=20)
    return lambda q, f: (search_mod.search(db, q, limit=20), search_mod.count(db, q))


def _row(name: str, times: dict[str, list[float]]) -> None:
    p = {k: (statistics.median(v), percentile(v, 0.95)) for k, v in times.items()}
    line = (
        f"{name:<10} {len(times['search']):>3}  {p['search'][0]:>10.2f} {p['search'][1]:>6.2f}"
        f"  {p['both'][0]:>10.2f} {p['both'][1]:>6.2f}  {p['raw'][0]:>12.2f} {p['raw'][1]:>6.2f}"
        f"  {p['search'][0] / p['raw'][0]:>9.2f} {p['search'][1] / p['raw'][1]:>5.2f}"
    )
    if "versus" in p:
        line += (
            f"  {p['versus'][0]:>10.2f} {p['versus'][1]:>6.2f}"
            f"  {p['versus'][0] / p['raw'][0]:>9.2f} {p['versus'][1] / p['raw'][1]:>5.2f}"
        )
    print(line, flush=True)


def misremembered(text: str, rng: random.Random) -> str | None:
    """A quote as someone half remembers it (see the module docstring)."""
    words = re.findall(r"[\w'’-]+", text.lower())
    if len(words) < 6:
        return None
    if len(words) > 12:
        size = rng.randint(8, 12)
        start = rng.randrange(len(words) - size + 1)
        words = words[start : start + size]
    for _ in range(rng.choice((1, 2))):
        del words[rng.randrange(len(words))]
    long_words = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if long_words:
        i = rng.choice(long_words)
        w = words[i]
        j = rng.randrange(1, len(w) - 2)
        words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def _fuzzy(db: Any, fuzzy_mod: Any) -> Callable[[str], Any]:
    """Ten fuzzy hits of a quote (a checkout from before ``fuzzy_search_counted``:
    ``fuzzy_search``)."""
    if hasattr(fuzzy_mod, "fuzzy_search_counted"):
        return lambda q: fuzzy_mod.fuzzy_search_counted(db, q, limit=10)[0]
    return lambda q: fuzzy_mod.fuzzy_search(db, q, limit=10)


def bench_fuzzy(db: Any, search_mod: Any, n: int, seed: int) -> None:
    rng = random.Random(seed)
    max_id = db.execute("SELECT max(id) FROM statements").fetchone()[0]
    cases: list[tuple[int, str, str]] = []
    while len(cases) < n:
        row = db.execute(
            "SELECT id, text FROM statements WHERE id >= ? LIMIT 1", (rng.randint(1, max_id),)
        ).fetchone()
        quote = misremembered(row[1], rng) if row else None
        if quote:
            cases.append((row[0], row[1], quote))
    found, times, misses = 0, [], []
    fuzzy = _fuzzy(db, search_mod)
    for sid, text, quote in cases:
        t0 = CLOCK()
        try:
            hits = fuzzy(quote)
        except ValueError:  # QueryError: nothing to search for
            hits = []
        times.append((CLOCK() - t0) * 1000)
        if any(h.statement_id == sid or h.text == text for h in hits):
            found += 1
        else:
            misses.append(quote)
    print(
        f"fuzzy: {n} quotes  recall@10 {found / n:.2f}  p50 {statistics.median(times):.1f} ms"
        f"  p95 {percentile(times, 0.95):.1f} ms  max {max(times):.1f} ms"
    )
    for quote in misses[:10]:
        print(f"  missed: {quote}")
    if PHASES:
        fuzzy_phases(search_mod, fuzzy, [quote for _sid, _text, quote in cases])


PHASES = False  # --phases: where the fuzzy search's CPU goes


def fuzzy_phases(fuzzy_mod: Any, fuzzy: Callable[[str], Any], quotes: list[str]) -> None:
    """The quotes searched again (after the timed round: a warm cache), each phase's
    CPU summed over them: the words' index terms (``expand_terms``: the index vocabulary,
    counts), the candidates (``_best_candidates``: FTS5's bm25), and the rest (the
    candidates' rows read, ranked with rapidfuzz, the page's highlights)."""
    spent: dict[str, float] = {}

    def timed_phase(name: str) -> None:
        original = getattr(fuzzy_mod, name)

        def phase(*args: Any, **kwargs: Any) -> Any:
            t0 = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - t0

        setattr(fuzzy_mod, name, phase)

    names = ["expand_terms", "_best_candidates"]
    originals = {name: getattr(fuzzy_mod, name, None) for name in names}
    for name, original in originals.items():
        if original is not None:
            timed_phase(name)
    t0 = time.process_time()
    for quote in quotes:
        with contextlib.suppress(ValueError):  # QueryError: nothing to search for
            fuzzy(quote)
    total = time.process_time() - t0
    for name, original in originals.items():
        if original is not None:
            setattr(fuzzy_mod, name, original)
    rest = total - sum(spent.values())
    parts = "  ".join(f"{k} {v * 1000:.0f}" for k, v in [*spent.items(), ("rest", rest)])
    print(f"fuzzy phases (CPU ms over {len(quotes)} quotes, {total * 1000:.0f} in all): {parts}")


# The pages and filters --check asks each query for (what the CLI and the browser ask).
CHECK_PAGES: list[dict[str, Any]] = [
    {},
    {"offset": 5},
    {"offset": 45, "limit": 10},
    {"limit": 100},
    {"offset": 19, "limit": 3},
    {"source": "bbc"},
    {"since": "1987-03-01"},
]
CHECK_EXTRA = ["zzzznothing", "oil OR vote", "oil -price", "said -the", '"the minister said"']


def check_same(db: Any, search_mod: Any, versus: Any, queries: dict[str, list[str]]) -> int:
    """Compare every query's hits (``as_dict``) and totals, at every page of
    :data:`CHECK_PAGES`, between this ``search_mod`` and ``versus``: ``search_counted``
    and ``search`` alike. Returns how many cases were compared; exits at the first
    difference."""
    cases = 0
    for q in [q for qs in queries.values() for q in qs] + CHECK_EXTRA:
        for kw in CHECK_PAGES:
            mine, theirs = (
                search_mod.search_counted(db, q, **kw),
                versus.search_counted(db, q, **kw),
            )
            got = ([h.as_dict() for h in mine[0]], mine[1])
            want = ([h.as_dict() for h in theirs[0]], theirs[1])
            plain = [h.as_dict() for h in search_mod.search(db, q, **kw)]
            if got != want or plain != want[0]:
                raise SystemExit(f"different results for {q!r} {kw}")
            cases += 1
    return cases


def _load_versus(path: Path) -> Any:
    """Another version of db/search.py as a module of its own (it imports the rest of
    ``db`` from the checkout measured)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("versus_search", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules["versus_search"] = module
    spec.loader.exec_module(module)
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--per-class", type=int, default=50)
    parser.add_argument("--fuzzy", type=int, default=100, help="fuzzy quotes (0: none)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--code", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--skip-search", action="store_true")
    parser.add_argument("--reps", type=int, default=3, help="timings per query (median kept)")
    parser.add_argument(
        "--versus",
        type=Path,
        help="another version of db/search.py, timed in the same loop (interleaved)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="with --versus: check that both give the same hits and totals (every query, at"
        " several pages and filters) before timing them",
    )
    parser.add_argument(
        "--cpu",
        action="store_true",
        help="time CPU seconds of this process instead of wall time (a shared machine:"
        " SQLite runs in process, so on an idle machine the two agree)",
    )
    parser.add_argument(
        "--phases",
        action="store_true",
        help="after the fuzzy quotes: their CPU per phase (terms, candidates, the rest)",
    )
    args = parser.parse_args()
    global CLOCK, PHASES  # the clock every timing uses; the fuzzy phases wanted
    PHASES = args.phases
    if args.cpu:
        CLOCK = time.process_time
    sys.path.insert(0, str(args.code.resolve()))
    import db.connection
    import db.search as search_mod  # imported here: from the checkout chosen above

    try:  # the fuzzy quote search, a module of its own since 2026-11-30
        import db.fuzzy_search as fuzzy_mod
    except ImportError:
        fuzzy_mod = search_mod

    # As `claimlens search` opens it: a plain read-only sqlite3 connection (a checkout
    # from before it existed: sqlite-utils, read-only).
    if hasattr(db.connection, "connect_reader"):
        db = db.connection.connect_reader(args.db)
    else:
        db = db.connection.connect(args.db, readonly=True)
    statements = db.execute("SELECT count(*) FROM statements").fetchone()[0]
    print(f"{args.db}: {statements:,} statements; code from {search_mod.__file__}")
    if not args.skip_search:
        versus = _load_versus(args.versus) if args.versus else None
        if versus is not None:
            print(f"versus: {args.versus}")
        queries = search_queries(db, args.per_class, args.seed)
        if args.check and versus is not None:
            cases = check_same(db, search_mod, versus, queries)
            print(f"same hits and totals as {args.versus}: {cases} cases")
        for q in queries["mid"][:20]:  # warm the page cache as a running app has it
            search_mod.search(db, q)
            if versus is not None:
                versus.search(db, q)
        bench_search(db, search_mod, queries, args.reps, versus)
    if args.fuzzy:
        bench_fuzzy(db, fuzzy_mod, args.fuzzy, args.seed)


if __name__ == "__main__":
    main()
