"""A dense draw's story errors, each split event with the check that kept it apart.

    python bench/dense_errors.py --days 75 --paragraphs 1 --seed 5 [--fresh] [--impure]

Builds (or reuses) the database ``bench_stories.py dense`` builds for the draw (BASIL's events
re-dated into DAYS days, told as title and P paragraphs), places every article again in memory
as a rebuild does (``fit_stories.profile_all``, ``link_all``, ``stories.place_all``: the
suite's figure, printed first), and lists each event not in one story: its articles (story,
day, title, the start of the lead) and, for each article outside the story holding most of its
event, why it is not there, read against that story's other members as they end: no link to
any of them; its strongest link at most ``JOIN_LINK_MIN``; the story model under ``JOIN_MIN``;
no word beyond names (``ACT_MIN``); else the order it came in (placed in another story, or
before the story formed). The last line counts the reasons. ``--impure``: the stories holding
two events instead, each member with its links inside the story. Every dense draw is BASIL,
in-sample for the story weights (bench/README.md).
"""

from __future__ import annotations

import argparse
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_stories as bs
import fit_stories as fs

from db import article_evidence as ev
from db import stories


def _why(p: ev.Profile, pool: ev.Pool, strengths: list[float]) -> str:
    """Which check keeps ``p`` out of a story (``pool``, linked to its members with
    ``strengths``), in the order the placer asks them."""
    if not strengths:
        return "no link"
    best = max(strengths)
    if not stories._may_join(p, best):
        return "strongest link <= JOIN_LINK_MIN"
    probs = [1.0 / (1.0 + math.exp(-s)) for s in strengths]
    if stories._tells(p, pool, sum(probs), max(probs)) <= stories.JOIN_MIN:
        return "story model <= JOIN_MIN"
    if not p.headline_only and pool.beyond_names(p) < stories.ACT_MIN:
        return "nothing beyond names (or a claim)"
    return "order (another story, or before it formed)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--days", type=int, default=10)
    ap.add_argument("--paragraphs", type=int, default=1)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--fresh", action="store_true", help="build the database again")
    ap.add_argument("--impure", action="store_true", help="list the impure stories too")
    args = ap.parse_args()

    name = f"basil_dense{args.days}" + (f"_p{args.paragraphs}" if args.paragraphs else "")
    name += f"_s{args.seed}" if args.seed != 5 else ""
    db, event_of = bs.build(
        name, bs.dense_records(args.days, args.paragraphs, args.seed), args.fresh
    )
    arts = db.execute(
        "SELECT id, title, text, body_start, date FROM articles ORDER BY id"
    ).fetchall()
    corpus = fs.Corpus(name, arts, event_of, stories._matched_pairs(db, None))
    pr = fs.profile_all(corpus)
    links = fs.link_all(corpus, pr)
    placed = stories.place_all(links, {a: q.day for a, q in pr.profiles.items()}, pr.profiles)
    story_of = {aid: placed.get(aid) for aid in pr.profiles}
    pw, tr = bs.pairwise(story_of, event_of), bs.triplets(story_of, event_of)
    print(
        f"{name}: P {pw['precision']:.3f} R {pw['recall']:.3f} F1 {pw['f1']:.3f};"
        f" {tr['complete']}/{tr['events']} complete, {tr['pure']}/{tr['stories']} pure"
    )
    title = {a[0]: a[1] for a in arts}
    lead = {a[0]: a[2][a[3] :].strip() for a in arts}

    def link(a: int, b: int) -> float | None:
        return links.get(a, {}).get(b, links.get(b, {}).get(a))

    def show(a: int) -> None:
        q = pr.profiles[a]
        print(f"  [{a}] story {story_of.get(a)} day {q.day} | {title[a][:90]!r}")
        print(f"        lead {lead[a][:160]!r}")

    by_event: dict[str, list[int]] = defaultdict(list)
    for a, e in event_of.items():
        by_event[e].append(a)
    reasons: Counter[str] = Counter()
    for event, members in sorted(by_event.items()):
        held = Counter(story_of[a] for a in members if story_of.get(a) is not None)
        if len(held) == 1 and sum(held.values()) == len(members):
            continue
        print(f"== event {event} (split)")
        for a in sorted(members):
            show(a)
        if not held:
            reasons["no story at all (each article)"] += len(members)
            print(
                "     no article in a story; links:",
                [(a, b, link(a, b)) for a in members for b in members if a < b],
            )
            continue
        main_story = held.most_common(1)[0][0]
        inside = [b for b in members if story_of.get(b) == main_story]
        pool = ev.Pool()
        for b in inside:
            pool.add(pr.profiles[b])
        for a in sorted(set(members) - set(inside)):
            strengths = [s for b in inside if (s := link(a, b)) is not None]
            why = _why(pr.profiles[a], pool, strengths)
            reasons[why] += 1
            print(f"     [{a}] out: {why}; links {[(b, link(a, b)) for b in inside]}")
    if args.impure:
        held_by: dict[int, list[int]] = defaultdict(list)
        for a, st in story_of.items():
            if st is not None:
                held_by[st].append(a)
        for st, members in sorted(held_by.items()):
            if len({event_of[a] for a in members}) > 1:
                print(f"== story {st} (impure)")
                for a in sorted(members):
                    show(a)
                    inner = [
                        (b, round(s, 1))
                        for b in members
                        if b != a and (s := link(a, b)) is not None
                    ]
                    print(f"        {event_of[a]} links {inner}")
    print("articles out of their event's story, by reason:", dict(reasons.most_common()))


if __name__ == "__main__":
    main()
