"""Two sentence splitters side by side on Reuters-21578 + BBC, text cleaned as stored:
every cut one makes and the other does not (with its context), how many articles an
upgrade must split again, and the CPU time of each (interleaved passes, the best kept).

    git show START:db/segment.py > /tmp/segment_start.py
    python bench/compare_segment.py /tmp/segment_start.py [--data ../shared/data] [--repeat 5]

The first splitter is the file given (a segment.py of another tree), the second this
tree's db.segment.
"""

from __future__ import annotations

import argparse
import glob
import importlib.util
import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from db.cleaning import clean_text  # noqa: E402
from db.segment import split_sentences  # noqa: E402

Splitter = Callable[[str], list[tuple[int, int]]]


def load(path: str) -> Splitter:
    spec = importlib.util.spec_from_file_location("segment_other", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.split_sentences  # type: ignore[no-any-return]


def docs(data: Path) -> Iterator[tuple[str, str]]:
    with (data / "reuters21578" / "reuters21578.jsonl").open(encoding="utf-8") as src:
        for line in src:
            art = json.loads(line)
            if art["text"]:
                yield art["id"], clean_text(art["text"])
    for path in sorted(glob.glob(str(data / "bbc" / "*" / "*.txt"))):
        with open(path, encoding="latin-1") as f:
            yield path.split("bbc/")[1], clean_text(f.read())


def cpu(split: Splitter, texts: list[str]) -> float:
    t0 = time.process_time()
    for text in texts:
        split(text)
    return time.process_time() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("other", help="the first splitter: a segment.py file")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    other = load(args.other)
    corpus = list(docs(args.data))
    changed = cuts = 0
    for doc_id, text in corpus:
        a, b = other(text), split_sentences(text)
        if a == b:
            continue
        changed += 1
        ends_a, ends_b = {e for _, e in a}, {e for _, e in b}
        for e in sorted(ends_a ^ ends_b):
            cuts += 1
            what = "only first " if e in ends_a else "only second"
            print(f"{doc_id:14} {what} {text[max(0, e - 30) : e]!r} | {text[e : e + 30]!r}")
    words = sum(len(text.split()) for _, text in corpus)
    print(f"{len(corpus):,} articles, {words:,} words: {changed} articles split otherwise,")
    print(f"{cuts} cuts made by one splitter only")
    texts = [text for _, text in corpus]
    best = {"first": float("inf"), "second": float("inf")}
    for _ in range(args.repeat):
        best["first"] = min(best["first"], cpu(other, texts))
        best["second"] = min(best["second"], cpu(split_sentences, texts))
    for name, seconds in best.items():
        rate = words / seconds
        print(f"{name:6} {seconds:6.3f} s CPU (best of {args.repeat}), {rate:,.0f} words/s")


if __name__ == "__main__":
    main()
