"""CLI start-up: wall time of ``claimlens --help`` and ``claimlens search WORD``, end to end.

    python bench/bench_startup.py [--runs 30] [--db PATH] [--word troops]

Each command runs ``--runs`` times as a fresh process (the installed ``claimlens``
script, as a user runs it); reported: min, median and p90 wall milliseconds. Side by
side, in the same run: ``python -c pass`` (the interpreter alone) and the ``sqlite3``
shell running the same FTS5 query (when installed). Without ``--db``, a database of
the two bundled sample articles is built in a temporary folder (start-up does not grow
with the corpus: the query itself is measured by the search benchmarks). Also printed:
the modules each command imports that start-up must avoid (Textual, the parsers, the
matcher, sqlite-utils for ``search``).

``--instructions`` also counts the instructions each command executes once, under
``valgrind --tool=callgrind`` (when installed): unlike times, the count does not change
with the load of a shared machine (it runs ~50x slower, so once per command).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tui" / "samples"
AVOID = (
    "textual",
    "trafilatura",
    "feedparser",
    "lxml",
    "numpy",
    "sqlite_utils",  # `search` reads through plain sqlite3
    "rapidfuzz",  # only `search --fuzzy` needs it
    "db.matcher",
    "db.matching",
)


def _claimlens(tree: Path | None = None) -> list[str]:
    """The installed script; with ``tree``, the CLI of that checkout (another commit's
    worktree, to compare), run from its folder so its packages are imported."""
    if tree is not None:
        return [
            sys.executable,
            "-c",
            f"import sys; sys.path.insert(0, {str(tree)!r}); from tui.cli import main; main()",
        ]
    script = shutil.which("claimlens") or str(Path(sys.executable).parent / "claimlens")
    return [script]


def _environment(pycache: Path) -> dict[str, str]:
    """As a user runs claimlens: compiled modules cached (an installed package has its
    .pyc files; PYTHONDONTWRITEBYTECODE, set on the development machine, would make every
    run compile every module). The cache goes to ``pycache``, not into the tree."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def _times(argv: list[str], runs: int, env: dict[str, str]) -> dict[str, list[float]]:
    """Wall and CPU (user + system) milliseconds of each run, sorted. CPU time is what
    the command costs whatever else the machine is doing; wall time is what a user waits
    (and grows with the load of a shared machine). One run first, not counted, to fill
    the bytecode cache."""
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        wall.append((time.perf_counter() - started) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        cpu.append(used * 1000)
    return {"wall": sorted(wall), "cpu": sorted(cpu)}


def _instructions(argv: list[str], env: dict[str, str]) -> int:
    """Instructions ``argv`` executes (valgrind's "I refs"), the bytecode cache warm. The
    command may exit 1 (``search`` of a word no statement holds)."""
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        check=False,
    )
    refs = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if refs is None:
        raise RuntimeError(f"no instruction count from valgrind: {done.stderr[-300:]}")
    return int(refs.group(1).replace(",", ""))


def _summary(runs: dict[str, list[float]]) -> dict[str, dict[str, float]]:
    return {
        kind: {
            "min": round(ms[0], 1),
            "median": round(statistics.median(ms), 1),
            "p90": round(ms[int(0.9 * (len(ms) - 1))], 1),
        }
        for kind, ms in runs.items()
    }


def _imported(args: list[str], tree: Path | None) -> list[str]:
    """The modules to avoid that ``claimlens ARGS`` imports (a fresh interpreter)."""
    code = (
        f"import sys\nsys.path.insert(0, {str(tree or ROOT)!r})\nfrom tui.cli import main\n"
        f"try:\n    main({args!r}, standalone_mode=False)\nexcept SystemExit:\n    pass\n"
        "sys.stdout = sys.__stdout__\nprint(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    modules = done.stdout.split()
    # Each avoided package once (numpy brings dozens of submodules).
    return sorted({a for m in modules for a in AVOID if m == a or m.startswith(a + ".")})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--db", type=Path, default=None)
    # In both bundled samples (and 116 statements of BBC + Reuters): a search that prints
    # hits. ("council", the word of the first figures, is in neither sample.)
    parser.add_argument("--word", default="troops")
    parser.add_argument(
        "--tree", type=Path, default=None, help="time the CLI of this checkout instead"
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count each command's instructions with valgrind (load-independent)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="claimlens-startup-") as tmp:
        db_path = args.db or Path(tmp) / "startup.db"
        if args.db is None:
            subprocess.run(
                [
                    *_claimlens(args.tree),
                    "--db",
                    str(db_path),
                    "ingest",
                    *map(str, SAMPLES.glob("*.txt")),
                ],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "claimlens --help": [*_claimlens(args.tree), "--help"],
            f"claimlens search {args.word}": [
                *_claimlens(args.tree),
                "--db",
                str(db_path),
                "search",
                args.word,
            ],
        }
        if shutil.which("sqlite3"):
            sql = (
                "SELECT rowid, highlight(statements_fts, 0, '[', ']') FROM statements_fts"
                f" WHERE statements_fts MATCH '{args.word}' ORDER BY rank LIMIT 20;"
            )
            commands["sqlite3 (same FTS5 query)"] = ["sqlite3", str(db_path), sql]
        env = _environment(Path(tmp) / "pycache")
        counted = {}
        if args.instructions:
            click_only = {"python -c 'import click'": [sys.executable, "-c", "import click"]}
            counted = {
                name: _instructions(argv, env) for name, argv in {**commands, **click_only}.items()
            }
        report = {
            "runs": args.runs,
            "load": os.getloadavg(),
            "ms": {name: _summary(_times(argv, args.runs, env)) for name, argv in commands.items()},
            **({"instructions": counted} if counted else {}),
            "imports_to_avoid": {
                "--help": _imported(["--help"], args.tree),
                "search": _imported(["--db", str(db_path), "search", args.word], args.tree),
            },
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
