"""UCI half 0's story errors, by pairs: what joins two events and what splits one.

    python bench/story_errors.py [--fresh] [--top 25]

Builds (or reuses) ``WORK/uci_half0.db`` as ``bench_stories.py uci --half 0`` does, places
every headline again (the suite's figure) with each merge of two stories logged, and
prints: the wrong joins (two gold stories in one predicted story, by the pairs they add),
the missed joins (each gold story split, by the pairs lost, and how: into a fragment of
two or more, a single headline in another event's story, or a headline of no story), and
every merge (the pairs of one event and of two that it joined). Half 0 only: half 1 is
held out (bench/README.md), and its errors are not to be read.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_stories as bs

from db import stories

Key = int | tuple[str, int]  # a story id, or ("alone", article) for a headline of no story


def _merges_logged(log: list[tuple[int, int, int]]) -> None:
    """Record each merge as (article placed, story merged, story kept) while placing."""
    place, merge = stories._Placer.place, stories._Placer._merge
    current = {"aid": 0}

    def placing(self, aid, older, p):
        current["aid"] = aid
        return place(self, aid, older, p)

    def merging(self, other, key):
        members = {
            k: [a for a, g in self.group.items() if self.resolve(g) == k] for k in (other, key)
        }
        log.append((current["aid"], members[other], members[key]))
        return merge(self, other, key)

    stories._Placer.place, stories._Placer._merge = placing, merging


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fresh", action="store_true", help="build the database again")
    ap.add_argument("--top", type=int, default=25, help="rows of each list")
    args = ap.parse_args()

    records = [r for r in bs.uci_records() if bs.uci_half(r["event"]) == 0]
    titles = {r["url"]: r["title"] for r in records}
    db, event_of = bs.build("uci_half0", records, args.fresh)
    log: list[tuple[int, list[int], list[int]]] = []
    _merges_logged(log)
    bs.restory(db)
    story_of = bs.groups(db)
    title = {aid: titles[url] for aid, url in db.execute("SELECT id, url FROM articles")}
    pw = bs.pairwise(story_of, event_of)
    print(
        f"UCI half 0: P {pw['precision']:.3f} R {pw['recall']:.3f} F1 {pw['f1']:.3f};"
        f" wrong pairs {pw['pred_pairs'] - round(pw['precision'] * pw['pred_pairs']):,},"
        f" missed {pw['gold_pairs'] - round(pw['recall'] * pw['gold_pairs']):,}"
    )
    names = defaultdict(Counter)
    for a, ev in event_of.items():
        names[ev][title[a]] += 1

    def name(ev: str) -> str:
        return f"{ev[-8:]} {names[ev].most_common(1)[0][0][:50]!r}"

    members: dict[int, list[int]] = defaultdict(list)
    for a, s in story_of.items():
        if s is not None:
            members[s].append(a)
    wrong = []
    for s, arts in members.items():
        count = Counter(event_of[a] for a in arts)
        evs = sorted(count)
        for i, e in enumerate(evs):
            for f in evs[i + 1 :]:
                wrong.append((count[e] * count[f], s, e, count[e], f, count[f]))
    wrong.sort(reverse=True)
    impure = sum(1 for arts in members.values() if len({event_of[a] for a in arts}) > 1)
    print(f"\n{impure}/{len(members)} stories impure; wrong joins (pairs, story, event x event):")
    for n, s, e, ne, f, nf in wrong[: args.top]:
        print(f"  {n:6,} story {s}: {name(e)} ({ne}) x {name(f)} ({nf})")

    split: dict[str, Counter] = defaultdict(Counter)
    for a, ev in event_of.items():
        key: Key = story_of[a] if story_of[a] is not None else ("alone", a)
        split[ev][key] += 1
    how: Counter = Counter()
    missed = []
    for ev, parts in split.items():
        sizes = list(parts.values())
        lost = _pairs(sum(sizes)) - sum(_pairs(n) for n in sizes)
        if lost:
            missed.append((lost, ev, parts.most_common(6)))
        (_main, n_main), *rest = parts.most_common()
        for key, n in rest:
            kind = "no story" if isinstance(key, tuple) else "fragment" if n > 1 else "stray"
            how[kind] += n_main * n
    missed.sort(reverse=True)
    print(
        "\nmissed joins (pairs, event, its parts); with the event's main part:"
        f" fragments of 2+ {how['fragment']:,}, single strays in another story"
        f" {how['stray']:,}, headlines of no story {how['no story']:,}"
    )
    for lost, ev, parts in missed[: args.top]:
        shown = [("-" if isinstance(k, tuple) else k, n) for k, n in parts]
        print(f"  {lost:6,} {name(ev)}: {shown}")

    print("\nmerges (article placed; pairs of one event, of two):")
    for aid, gone, kept in log:
        a, b = Counter(event_of[x] for x in gone), Counter(event_of[x] for x in kept)
        same = sum(a[e] * b[e] for e in a)
        cross = len(gone) * len(kept) - same
        print(f"  {aid} {title[aid][:60]!r}: {len(gone)}+{len(kept)}; {same:,} / {cross:,}")


if __name__ == "__main__":
    main()
