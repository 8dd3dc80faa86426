"""Readers for the real data the matching benchmarks use (not shipped: /work/shared/data).

Set ``CLAIMLENS_DATA`` to point elsewhere. Nothing here is imported by claimlens itself.
"""

from __future__ import annotations

import glob
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

DATA = Path(os.environ.get("CLAIMLENS_DATA", "/work/shared/data"))
MRPC = DATA / "mrpc" / "msr_paraphrase_train.txt"

_SENT_RE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"')\]]))\s+(?=[\"'(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[str]:
    """A rough sentence splitter (paragraphs, then end punctuation): enough for statistics."""
    out: list[str] = []
    for para in re.split(r"\n\s*\n|\n", text):
        para = " ".join(para.split())
        if para:
            out.extend(s for s in _SENT_RE.split(para) if s.strip())
    return out


def mrpc_pairs(path: Path = MRPC) -> list[tuple[int, str, str]]:
    """(label, sentence 1, sentence 2) for every MRPC pair."""
    pairs: list[tuple[int, str, str]] = []
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 5 or cols[0] == "Quality":
                continue
            pairs.append((int(cols[0]), cols[3], cols[4]))
    return pairs


def basil_articles() -> list[dict]:
    """BASIL articles: source, title, date, url, event (triplet uuid), paragraphs."""
    out = []
    for path in sorted(glob.glob(str(DATA / "basil" / "articles" / "*" / "*.json"))):
        with open(path, encoding="utf-8") as fh:
            d = json.load(fh)
        out.append(
            {
                "source": d["source"],
                "title": d["title"],
                "date": d["date"][:10],
                "url": d.get("url") or path,
                "event": d["triplet-uuid"],
                "paragraphs": [" ".join(p) for p in d["body-paragraphs"]],
                "sentences": [s for p in d["body-paragraphs"] for s in p],
            }
        )
    return out


def reuters_articles() -> Iterator[dict]:
    with open(DATA / "reuters21578" / "reuters21578.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if d.get("text"):
                yield d


def bbc_articles() -> Iterator[dict]:
    for path in sorted(glob.glob(str(DATA / "bbc" / "*" / "*.txt"))):
        with open(path, encoding="utf-8", errors="replace") as fh:
            raw = fh.read()
        title, _, body = raw.partition("\n")
        yield {
            "id": "bbc-" + Path(path).parent.name + "-" + Path(path).stem,
            "title": title.strip(),
            "text": body.strip(),
            "date": None,
        }
