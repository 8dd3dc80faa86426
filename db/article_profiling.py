"""Profiles and links of many articles at once: a full match, a rebuild of stories.

One article at a time (:mod:`db.article_evidence`), an article is read (headline and
lead tokenised), weighted by the document frequencies of the articles before it (id
order), and scored against the older articles its postings find: ~2 ms of one
process per article, most of it reading and scoring. Only the weighting depends on
the order, and it is cheap. So, for every article of a database without profiles:

1. reading is done in parallel: by the match workers during a full match
   (:func:`read_heads` over the articles of their dates, :mod:`db.matching`), else
   in forked workers here;
2. profiles are weighted in id order, in this process (:class:`Profiles`);
3. links are scored in forked workers, each article against the index *as it stood
   before it* (:class:`AsOf`: the postings and document frequencies of the older
   articles only), which is what profiling one by one sees.

The profiles and links are those of profiling the articles one by one in id order,
exactly (the tests compare them).
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import sqlite3
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from db import article_evidence as ev
from db.bulk import bulk
from db.id_chunks import id_chunks
from db.parent_watch import end_with_parent

__all__ = [
    "Head",
    "Profiles",
    "article_heads",
    "profile_all",
    "profile_and_link",
    "profile_heads",
    "profile_texts",
    "read_heads",
    "write",
]

# Below this many articles everything runs in this process (forking costs more).
PARALLEL_MIN_ARTICLES = 2000
# Articles per task handed to a worker (each task forks this process once), at least;
# a big run gets about TASKS_PER_WORKER tasks a worker: a fork copies this process's
# page tables and the child copies every page it touches (at 127 k articles in a 3 GB
# process, 64 tasks cost 25 s of system CPU, 16 tasks 8 s).
TASK_ARTICLES = 2000
TASKS_PER_WORKER = 8

Head = tuple[str, str, str | None]  # (title, the lead's text as read_text reads it, date)
Link = tuple[int, int, float]  # (a, b, score), a < b

T = TypeVar("T")
R = TypeVar("R")


def article_heads(conn: Any, article_ids: Iterable[int] | None = None) -> dict[int, Head]:
    """What profiling reads of each article (all, or ``article_ids``): its headline, the
    ``LEAD_CHARS + 1`` characters of text from its body (one more than the lead: it
    tells whether the lead is cut) and its date."""
    sql = "SELECT id, title, substr(text, body_start + 1, ?), date FROM articles"  # 1-based
    n = ev.LEAD_CHARS + 1
    if article_ids is None:
        return {aid: (t, lead, d) for aid, t, lead, d in conn.execute(sql, (n,))}
    out: dict[int, Head] = {}
    for marks, chunk in id_chunks(sorted(set(article_ids))):
        for aid, t, lead, d in conn.execute(sql + f" WHERE id IN ({marks})", (n, *chunk)):
            out[aid] = (t, lead, d)
    return out


def read_heads(heads: Mapping[int, Head], article_ids: Iterable[int]) -> dict[int, ev.ArticleText]:
    """The articles among ``article_ids`` that ``heads`` holds, read (tokenised)."""
    return {
        aid: ev.read_text(heads[aid][0], heads[aid][1], 0) for aid in article_ids if aid in heads
    }


# ------------------------------------------------------------------ the index


class Profiles:
    """Every profile, with what the index held before each article: articles are
    added in id order, and :meth:`as_of` answers as the index did then."""

    def __init__(self) -> None:
        self.holders: dict[str, list[int]] = {}  # term -> articles counting it, in id order
        self.post: dict[str, dict[int, list[int]]] = {}  # key -> day (0: undated) -> ids
        self.profiles: dict[int, ev.Profile] = {}
        self.last = 0

    def add(self, p: ev.Profile) -> None:
        aid = p.aid
        if aid <= self.last:
            raise ValueError("profiles are added in id order")
        self.last = aid
        self.profiles[aid] = p
        holders = self.holders
        for t in p.terms:
            ids = holders.get(t)
            if ids is None:
                holders[t] = [aid]
            else:
                ids.append(aid)
        day = p.day or 0
        for key in p.keys:
            self.post.setdefault(key, {}).setdefault(day, []).append(aid)

    def as_of(self, aid: int) -> AsOf:
        return AsOf(self, aid)


class AsOf:
    """The index (:class:`db.article_evidence.Index`) as it stood before article
    ``aid`` was added: only older articles count."""

    def __init__(self, whole: Profiles, aid: int) -> None:
        self.whole, self.aid = whole, aid

    def df(self, terms: Iterable[str]) -> dict[str, int]:
        holders = self.whole.holders
        if self.aid > self.whole.last:  # every article added is older (profiling)
            return {t: len(ids) for t in terms if (ids := holders.get(t))}
        # Counted, not sliced: '' (every article) and common terms hold long lists.
        aid = self.aid
        out: dict[str, int] = {}
        for t in terms:
            ids = holders.get(t)
            if ids:
                n = len(ids) if ids[-1] < aid else bisect_left(ids, aid)
                if n:
                    out[t] = n
        return out

    def postings(self, key: str, day: int | None, window: int) -> list[int]:
        # As db.article_evidence.MemoryIndex, in its order: the days of the window and
        # the undated (day 0); an undated article looks at every day.
        by_day = self.whole.post.get(key)
        if not by_day:
            return []
        if day is None:
            days: Iterable[list[int] | None] = by_day.values()
        else:
            get = by_day.get
            days = [*(get(d) for d in range(day - window, day + window + 1)), get(0)]
        aid = self.aid
        out: list[int] = []
        for ids in days:
            if ids:
                out += ids if ids[-1] < aid else ids[: bisect_left(ids, aid)]
        return out

    def profiles(self, aids: Iterable[int]) -> dict[int, ev.Profile]:
        found = self.whole.profiles
        return {a: found[a] for a in aids if a < self.aid and a in found}

    def add(self, p: ev.Profile) -> None:
        raise TypeError("an index as of an article is read-only")


def profile_texts(texts: Mapping[int, ev.ArticleText], dates: Mapping[int, str | None]) -> Profiles:
    """The profiles of the articles read (``texts``), weighted in id order."""
    whole = Profiles()
    for aid in sorted(texts):
        whole.add(ev.profile_of_text(whole.as_of(aid), aid, texts[aid], dates.get(aid)))
    return whole


# ------------------------------------------------------------------ in parallel


def _links_of(whole: Profiles, aids: Sequence[int], window: int) -> list[list[tuple[int, float]]]:
    return [ev.link_article(whole.as_of(aid), whole.profiles[aid], window) for aid in aids]


def profile_and_link(
    texts: Mapping[int, ev.ArticleText],
    dates: Mapping[int, str | None],
    window: int,
    workers: int,
) -> tuple[Profiles, list[Link]]:
    """The profiles of the articles read (``texts``), weighted in id order here, and
    their links (a < b, by b then rank), scored in ``workers`` processes: a run of
    articles is linked as soon as every article up to it is profiled (it needs no
    newer one), while this process profiles the next."""
    with bulk():
        return _profile_and_link(texts, dates, window, workers)


def _profile_and_link(
    texts: Mapping[int, ev.ArticleText],
    dates: Mapping[int, str | None],
    window: int,
    workers: int,
) -> tuple[Profiles, list[Link]]:
    aids = sorted(texts)
    tasks = _tasks(aids, workers)
    whole = Profiles()
    workers = workers if len(tasks) > 1 else 1
    forks = _Forks(lambda ids: _links_of(whole, ids, window), workers)
    for task in tasks:
        for aid in task:
            whole.add(ev.profile_of_text(whole.as_of(aid), aid, texts[aid], dates.get(aid)))
        forks.submit(task)
        forks.launch(workers - 1)  # this process is busy profiling
    found = forks.finish()
    out: list[Link] = []
    for ids, links in zip(tasks, found, strict=True):
        for aid, mine in zip(ids, links, strict=True):
            out.extend((min(aid, o), max(aid, o), s) for o, s in mine)
    return whole, out


def _tasks(aids: list[int], workers: int) -> list[list[int]]:
    if workers < 2 or len(aids) < PARALLEL_MIN_ARTICLES:
        return [aids]
    size = max(TASK_ARTICLES, -(-len(aids) // (TASKS_PER_WORKER * workers)))
    return [aids[i : i + size] for i in range(0, len(aids), size)]


def _run(pipe: Any, fn: Callable[[Any], Any], task: Any) -> None:
    parent = multiprocessing.parent_process()
    if parent is not None and parent.pid is not None:
        end_with_parent(parent.pid)
    try:
        pipe.send(fn(task))
    finally:
        pipe.close()


class _Forks:
    """``fn`` over tasks submitted in order, each in a process forked when it is
    launched (so it sees this process's state then), at most ``workers`` at once;
    with fewer than two workers, or a single task, in this process."""

    def __init__(self, fn: Callable[[Any], Any], workers: int) -> None:
        self.fn, self.workers = fn, workers
        self.tasks: list[Any] = []
        self.results: dict[int, Any] = {}
        self.running: dict[Any, tuple[Any, int]] = {}  # parent end of a pipe -> (process, task)
        self.next = 0
        self.ctx = multiprocessing.get_context("fork")

    def submit(self, task: Any) -> None:
        self.tasks.append(task)

    def launch(self, limit: int) -> None:
        """Fork the waiting tasks while fewer than ``limit`` run; collect the finished."""
        if self.workers < 2:
            return
        self._collect(block=False)
        while self.next < len(self.tasks) and len(self.running) < limit:
            parent, child = self.ctx.Pipe(duplex=False)
            proc = self.ctx.Process(
                target=_run, args=(child, self.fn, self.tasks[self.next]), daemon=True
            )
            proc.start()
            child.close()
            self.running[parent] = (proc, self.next)
            self.next += 1

    def _collect(self, block: bool) -> None:
        if not self.running:
            return
        for conn in multiprocessing.connection.wait(list(self.running), None if block else 0):
            proc, i = self.running.pop(conn)
            try:
                self.results[i] = conn.recv()
            except EOFError:
                proc.join()
                raise RuntimeError(
                    f"a profiling worker stopped (exit code {proc.exitcode})"
                ) from None
            proc.join()

    def finish(self) -> list[Any]:
        """Every task's result, in task order."""
        try:
            if self.workers < 2 or len(self.tasks) < 2:
                for i in range(self.next, len(self.tasks)):
                    self.results[i] = self.fn(self.tasks[i])
                self.next = len(self.tasks)
            while self.next < len(self.tasks) or self.running:
                self.launch(self.workers)
                self._collect(block=True)
        finally:
            for proc, _i in self.running.values():
                proc.kill()
                proc.join()
        return [self.results[i] for i in range(len(self.tasks))]


def _map(fn: Callable[[T], R], tasks: list[T], workers: int) -> list[R]:
    """``fn`` over ``tasks`` in forked processes; the results in task order."""
    forks = _Forks(fn, workers)
    for task in tasks:
        forks.submit(task)
    return forks.finish()


# ------------------------------------------------------------------ all of it


def profile_all(
    conn: sqlite3.Connection, article_ids: Iterable[int] | None, window: int, *, workers: int = 0
) -> tuple[Profiles, list[Link]]:
    """Profile and link the articles (all, or ``article_ids``) as if one by one in id
    order into an empty index, in ``workers`` processes (0: all cores)."""
    return profile_heads(article_heads(conn, article_ids), window, workers=workers)


def profile_heads(
    heads: Mapping[int, Head],
    window: int,
    *,
    workers: int = 0,
    texts: Mapping[int, ev.ArticleText] | None = None,
) -> tuple[Profiles, list[Link]]:
    """Profile and link the articles of ``heads`` as if one by one in id order into an
    empty index. ``texts``: those already read (a full match's workers read them); the
    others are read here."""
    workers = workers or os.cpu_count() or 1
    read = dict(texts or {})
    missing = [aid for aid in sorted(heads) if aid not in read]
    if missing:
        tasks = _tasks(missing, workers)
        for part in _map(lambda ids: read_heads(heads, ids), tasks, workers):
            read.update(part)
    return profile_and_link(read, {aid: h[2] for aid, h in heads.items()}, window, workers)


def write(conn: sqlite3.Connection, whole: Profiles, links: list[Link]) -> None:
    """Store the profiles (postings, document frequencies) and links."""
    ev.write_profiles(conn, [whole.profiles[a] for a in sorted(whole.profiles)])
    conn.executemany("INSERT OR REPLACE INTO story_links(a, b, score) VALUES (?, ?, ?)", links)
