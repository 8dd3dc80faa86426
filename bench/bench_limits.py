"""Limits: memory stays bounded while ingesting a big folder; database size per statement.

    python bench/bench_limits.py [--size 2G] [--data /work/shared/data] [--work DIR] [--keep]

Builds a folder of about ``--size`` bytes from real text: copies of Reuters-21578
(JSON Lines, one file per copy) and of the BBC corpus (one ``.txt`` per article),
each copy perturbed (its headlines numbered, the sentences of each body rotated) so
that every article is new to the database. Then runs the real command,
``claimlens ingest FOLDER --no-match``, in a subprocess and samples, every
second, the memory of its process tree from /proc: the resident set (RSS) of the
main process and the proportional set size (PSS, which counts pages shared by the
analysis workers once) of the whole tree. ``VmHWM`` gives the main process's true
peak. Reported: peak memory, memory at 10/50/90% of the articles stored (flat =
bounded; a progress line every minute), throughput, and the database size per
million statements.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-c", "from tui.cli import main; main()"]


def parse_size(text: str) -> int:
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMGT]?)B?", text.strip().upper())
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 2G, 500M)")
    factor = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}[m.group(2)]
    return int(float(m.group(1)) * factor)


def _rotate(body: str, k: int) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", body)
    if len(sentences) < 2:
        return body
    k %= len(sentences)
    return " ".join(sentences[k:] + sentences[:k])


def build_folder(data: Path, folder: Path, size: int) -> tuple[int, int]:
    """Write copies of the corpora into ``folder`` until it holds ``size`` bytes.
    Returns (bytes, articles). Streams: one record or file at a time."""
    reuters = data / "reuters21578" / "reuters21578.jsonl"
    bbc = sorted((data / "bbc").glob("*/*.txt"))
    written = articles = 0
    copy = 0
    while written < size:
        copy += 1
        out = folder / f"copy{copy:04d}"
        out.mkdir(parents=True)
        with reuters.open(encoding="utf-8") as src, (out / "reuters.jsonl").open("w") as dst:
            for line in src:
                rec = json.loads(line)
                rec["id"] = f"{rec['id']}-{copy}"
                if rec.get("title"):  # records with neither stay empty (and rejected)
                    rec["title"] = f"{rec['title']} ({copy})"
                    articles += 1
                rec["text"] = _rotate(rec.get("text") or "", copy)
                dst.write(json.dumps(rec) + "\n")
        written += (out / "reuters.jsonl").stat().st_size
        for path in bbc:
            if written >= size:
                break
            text = path.read_text(encoding="latin-1")
            title, _, body = text.partition("\n")
            paragraphs = [_rotate(p, copy) for p in body.split("\n") if p.strip()]
            target = out / "bbc" / path.parent.name / path.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f"{title.strip()} ({copy})\n\n" + "\n\n".join(paragraphs) + "\n")
            written += target.stat().st_size
            articles += 1
    return written, articles


def _tree(pgid: int) -> list[int]:
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # field 5 of stat: the process group
            pids.append(int(entry))
    return pids


def _status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return _status_kb(pid, "VmRSS")


def _stored(db: Path) -> int:
    """Articles committed so far (max id: cheap however big the table)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def run_ingest(db: Path, folder: Path, n_articles: int) -> dict:
    cmd = [*CLI, "--db", str(db), "ingest", str(folder), "--no-match", "--json", "--quiet"]
    started = time.monotonic()
    # Files, not pipes: the summary (with every rejection) can be bigger than a pipe holds.
    out_path, err_path = db.with_suffix(".out.json"), db.with_suffix(".err.txt")
    with out_path.open("w") as out_file, err_path.open("w") as err_file:
        proc = subprocess.Popen(cmd, stdout=out_file, stderr=err_file, start_new_session=True)
    samples = []  # (seconds, fraction stored, main RSS MiB, tree PSS MiB)
    peak_main = peak_tree = 0
    hwm = 0
    last_print = started
    pids: list[int] = []
    try:
        while proc.poll() is None:
            if len(samples) % 20 == 0:  # the workers start once; do not scan /proc each time
                pids = _tree(proc.pid)
            main_rss = _status_kb(proc.pid, "VmRSS")
            hwm = max(hwm, _status_kb(proc.pid, "VmHWM"))
            tree = sum(_pss_kb(p) for p in pids)
            peak_main, peak_tree = max(peak_main, main_rss), max(peak_tree, tree)
            done = _stored(db) / n_articles
            now = time.monotonic()
            samples.append((now - started, done, main_rss / 1024, tree / 1024))
            if now - last_print >= 60:
                last_print = now
                size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*"))
                print(
                    f"{now - started:6.0f}s {done:6.1%} stored  main RSS {main_rss / 1024:6.1f}"
                    f" MiB (peak {max(peak_main, hwm) / 1024:.1f})  tree PSS {tree / 1024:6.1f}"
                    f" MiB (peak {peak_tree / 1024:.1f})  db {size / 2**20:,.0f} MiB",
                    flush=True,
                )
            time.sleep(1.0)
    except KeyboardInterrupt:
        os.killpg(proc.pid, signal.SIGINT)
    proc.wait()
    seconds = time.monotonic() - started
    out, err = out_path.read_text(), err_path.read_text()
    report = json.loads(out) if out.strip().startswith("{") else {"error": err[-2000:]}

    def at(fraction: float) -> float:
        chosen = [s for s in samples if s[1] >= fraction]
        return round(chosen[0][3], 1) if chosen else float("nan")

    return {
        "seconds": round(seconds, 1),
        "exit": proc.returncode,
        "report": {k: v for k, v in report.items() if k != "errors"},
        "rejected_examples": report.get("errors", [])[:5],
        "peak_main_rss_mib": round(max(peak_main, hwm) / 1024, 1),
        # Before the last article is stored (the end adds the summary, with every rejection).
        "peak_main_rss_mib_while_storing": round(
            max((s[2] for s in samples if s[1] < 1.0), default=float("nan")), 1
        ),
        "peak_tree_pss_mib": round(peak_tree / 1024, 1),
        "tree_pss_mib_at_10_50_90_pct_stored": [at(0.1), at(0.5), at(0.9)],
        "samples": len(samples),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=parse_size, default=parse_size("2G"), help="e.g. 2G, 500M")
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--work", type=Path, default=None, help="where to build (default: tmp)")
    parser.add_argument("--keep", action="store_true", help="keep the folder and database")
    parser.add_argument(
        "--reuse", action="store_true", help="reuse the folder a --keep run built in --work"
    )
    args = parser.parse_args()

    work = args.work or Path(tempfile.mkdtemp(prefix="claimlens-limits-"))
    work.mkdir(parents=True, exist_ok=True)
    folder, db = work / "input", work / "limits.db"
    try:
        t0 = time.monotonic()
        manifest = work / "input.json"
        if args.reuse and manifest.exists():
            total, n_articles = json.loads(manifest.read_text())
            for stale in work.glob("limits.db*"):
                stale.unlink()
        else:
            total, n_articles = build_folder(args.data, folder, args.size)
            manifest.write_text(json.dumps([total, n_articles]))
        print(
            f"input: {total / 2**20:,.0f} MiB, {n_articles:,} articles in {folder}"
            f" ({time.monotonic() - t0:.0f}s)",
            flush=True,
        )
        result = run_ingest(db, folder, n_articles)
        size = sum(p.stat().st_size for p in work.glob("limits.db*"))
        statements = result["report"].get("statements", 0) or 1
        result.update(
            {
                "input_mib": round(total / 2**20, 1),
                "input_articles": n_articles,
                "db_mib": round(size / 2**20, 1),
                "db_mib_per_million_statements": round(size / 2**20 / (statements / 1e6), 1),
                "input_mib_per_s": round(total / 2**20 / result["seconds"], 2),
            }
        )
        print(json.dumps(result, indent=2))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
