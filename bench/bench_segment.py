"""Benchmark the sentence splitter and the statement analysis against pysbd.

Run from the repo root:  python bench/bench_segment.py [--data /work/shared/data] [--quick]

1. BASIL gold sentences (``body-paragraphs``: each paragraph a list of sentences,
   joined with " " inside a paragraph and "\\n\\n" between paragraphs): precision,
   recall and F1 of sentence *boundaries* inside paragraphs (paragraph ends are given
   away by the newlines and are not counted).
2. Pass rate on the English Golden Rules (tests/fixtures/golden_rules.py).
3. Throughput in words/s (``str.split`` words) on BBC + Reuters text: our
   ``split_sentences``, the whole ``analyse`` (what the ingest runs) and pysbd.

pysbd is only a measuring baseline here; it is not a runtime dependency.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
import time
from collections.abc import Callable, Iterable

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from db.segment import split_sentences  # noqa: E402
from db.statements import analyse  # noqa: E402
from tests.fixtures.golden_rules import GOLDEN_EN  # noqa: E402

Splitter = Callable[[str], list[tuple[int, int]]]


def ours(text: str) -> list[tuple[int, int]]:
    return split_sentences(text)


def make_pysbd() -> Splitter | None:
    try:
        import pysbd
    except ImportError:
        return None
    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def split(text: str) -> list[tuple[int, int]]:
        # pysbd gets one paragraph at a time (it is not built for "\n\n" input);
        # its spans include trailing whitespace, so trim them.
        spans: list[tuple[int, int]] = []
        pos = 0
        for para in text.split("\n\n"):
            for ts in seg.segment(para) if para.strip() else []:
                s, e = ts.start, ts.end
                sub = para[s:e]
                s += len(sub) - len(sub.lstrip())
                e -= len(sub) - len(sub.rstrip())
                if e > s:
                    spans.append((pos + s, pos + e))
            pos += len(para) + 2
        return spans

    return split


def basil_docs(data: str) -> list[tuple[str, set[int]]]:
    """(text, gold boundary offsets inside paragraphs) for every BASIL article."""
    docs = []
    for path in sorted(glob.glob(os.path.join(data, "basil", "articles", "*", "*.json"))):
        with open(path, encoding="utf-8") as f:
            paras = json.load(f)["body-paragraphs"]
        parts: list[str] = []
        gold: set[int] = set()
        pos = 0
        for para in paras:
            sents = [s.strip() for s in para if s.strip()]
            if not sents:
                continue
            if parts:
                parts.append("\n\n")
                pos += 2
            for k, s in enumerate(sents):
                if k:
                    parts.append(" ")
                    pos += 1
                parts.append(s)
                pos += len(s)
                if k < len(sents) - 1:
                    gold.add(pos)
        docs.append(("".join(parts), gold))
    return docs


def boundary_prf(split: Splitter, docs: list[tuple[str, set[int]]]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for text, gold in docs:
        # Predicted boundaries inside paragraphs: sentence ends not at a paragraph end.
        pred = {e for _, e in split(text) if e < len(text) and text[e : e + 2] != "\n\n"}
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def golden(split: Splitter) -> tuple[int, int, list[str]]:
    ok, failed = 0, []
    for name, text, expected in GOLDEN_EN:
        got = [text[s:e].strip() for s, e in split(text)]
        if got == expected:
            ok += 1
        else:
            failed.append(name)
    return ok, len(GOLDEN_EN), failed


def corpus(data: str, limit_words: int) -> list[str]:
    """BBC articles (headline\\n\\nbody as stored) then Reuters texts, up to limit_words."""
    texts: list[str] = []
    words = 0
    for path in sorted(glob.glob(os.path.join(data, "bbc", "*", "*.txt"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            t = f.read()
        texts.append(t)
        words += len(t.split())
    with open(os.path.join(data, "reuters21578", "reuters21578.jsonl"), encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec.get("text"):
                t = f"{rec.get('title') or ''}\n\n{rec['text']}"
                texts.append(t)
                words += len(t.split())
            if words >= limit_words:
                break
    return texts


def words_per_sec(
    fn: Callable[[str], object], texts: Iterable[str], repeat: int = 1
) -> tuple[float, float]:
    """(words/s by CPU time, words/s by wall time), best of ``repeat`` runs.

    CPU time is the headline number: this machine is shared, and wall time then
    measures the neighbours as much as the code.
    """
    texts = list(texts)
    n_words = sum(len(t.split()) for t in texts)
    best_cpu = best_wall = float("inf")
    for _ in range(repeat):
        c0, w0 = time.process_time(), time.perf_counter()
        for t in texts:
            fn(t)
        best_cpu = min(best_cpu, time.process_time() - c0)
        best_wall = min(best_wall, time.perf_counter() - w0)
    return n_words / best_cpu, n_words / best_wall


def _analyse_article(t: str) -> object:
    head, sep, _ = t.partition("\n\n")
    return analyse(t, len(head) + 2 if sep else 0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="/work/shared/data")
    ap.add_argument("--quick", action="store_true", help="smaller corpora (smoke run)")
    args = ap.parse_args()

    sbd = make_pysbd()
    docs = basil_docs(args.data)
    n_gold = sum(len(g) for _, g in docs)
    rows = [("claimlens", ours)] + ([("pysbd 0.3.4", sbd)] if sbd else [])

    print(f"BASIL: {len(docs)} articles, {n_gold} gold in-paragraph sentence boundaries")
    print(f"{'splitter':<14} {'P':>7} {'R':>7} {'F1':>7}   golden rules")
    for name, split in rows:
        p, r, f1 = boundary_prf(split, docs[:60] if args.quick else docs)
        ok, total, failed = golden(split)
        print(f"{name:<14} {p:7.4f} {r:7.4f} {f1:7.4f}   {ok}/{total}  failed: {failed}")

    texts = corpus(args.data, 200_000 if args.quick else 2_000_000)
    n_words = sum(len(t.split()) for t in texts)
    print(f"\nThroughput on BBC + Reuters ({len(texts)} articles, {n_words:,} words, 1 core)")
    print(f"{'what':<28} {'words/s CPU':>12} {'words/s wall':>13}")
    rows_t: list[tuple[str, Callable[[str], object], list[str], int]] = [
        ("split_sentences", ours, texts, 3),
        ("analyse (full statements)", _analyse_article, texts, 3),
    ]
    if sbd:
        # pysbd is ~50x slower: time it on a slice of the same corpus.
        sub = texts[:: 40 if not args.quick else 4]
        rows_t.append((f"pysbd (1/{40 if not args.quick else 4} of it)", sbd, sub, 1))
    speeds = {}
    for name, fn, items, rep in rows_t:
        cpu, wall = words_per_sec(fn, items, rep)
        speeds[name] = cpu
        print(f"{name:<28} {cpu:12,.0f} {wall:13,.0f}")
    if sbd:
        # The ratio survives a busy or slow machine better than absolute numbers.
        ratio = speeds["analyse (full statements)"] / speeds[rows_t[-1][0]]
        print(f"analyse runs {ratio:.1f}x as fast as pysbd's sentence splitting alone")


if __name__ == "__main__":
    main()
