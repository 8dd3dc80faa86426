"""Profiling every article at once (db.article_profiling: reading in parallel, weighting
in id order, linking each article against the index as it stood before it) gives the
profiles and links of profiling them one by one, exactly; so does a full match whose
workers read the articles. The articles are written for these tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from db import article_evidence as ev
from db import article_profiling, matching, stories
from db.connection import connect, transaction
from db.ingest import ingest_paths

BRIDGE = (
    "The Harbour Bridge in Port Elso was closed on Tuesday after inspectors found cracks in"
    " two of its support cables. Mayor Lena Okafor said repairs would take at least six"
    " weeks. About 40,000 vehicles cross the bridge every day."
)
STRIKE = (
    "Dock workers at the port of Valmora walked out on Wednesday in a dispute over night-shift"
    " pay. The union said 1,200 members had joined the strike. Shipping companies diverted"
    " three container ships to Corvel."
)
# A lead longer than LEAD_CHARS, cut at a word; one of non-ASCII names.
LONG = " ".join(
    f"Councillor Ana Brügge of Port Elso said the Harbour Bridge repairs, phase {i}, cost"
    f" €{i + 2} million."
    for i in range(12)
)

ARTICLES: list[tuple[str, str | None, str, str]] = [
    ("Alpha", "2024-05-07", "Harbour Bridge closed", BRIDGE),
    ("Beta", "2024-05-07", "Port Elso shuts bridge", BRIDGE.replace("Harbour", "Harbor")),
    ("Alpha", "2024-05-08", "Valmora dockers strike", STRIKE),
    ("Gamma", None, "Week in review: bridge closed, dockers strike", BRIDGE + " " + STRIKE),
    ("Beta", "2024-05-08", "Dock strike in Valmora", STRIKE.replace("walked out", "struck")),
    ("Delta", "2024-05-09", "Port Elso bridge cables cracked", ""),
    ("Gamma", "2024-05-09", "Bridge repairs in Port Elso to cost millions", LONG),
    ("Epsilon", "2024-05-08", "Valmora strike: ships diverted to Corvel", STRIKE[:600]),
    ("Zeta", "2024-05-10", "Port Elso’s bridge: the cost", LONG[: ev.LEAD_CHARS]),
    ("Delta", "2024-05-30", "Valmora dockers back at work", STRIKE.replace("walked out", "ended")),
    ("Zeta", None, "Bridge inspectors in Port Elso", BRIDGE[:120]),
]


def _db(tmp_path: Path, name: str) -> Any:
    """The articles, ingested (not matched) in their order."""
    db = connect(tmp_path / f"{name}.db")
    for i, (source, date, title, text) in enumerate(ARTICLES):
        record = {"source": source, "title": title, "text": text, "url": f"t:{i}"}
        if date:
            record["date"] = date
        path = tmp_path / f"{name}_{i}.json"
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        ingest_paths(db, [path], source=source, match=False)
    return db


def _evidence(db: Any) -> tuple[list, list, list, list]:
    return (
        db.execute("SELECT * FROM article_profiles ORDER BY article_id").fetchall(),
        db.execute("SELECT * FROM article_postings ORDER BY 1, 2, 3").fetchall(),
        db.execute("SELECT * FROM article_df WHERE n > 0 ORDER BY term").fetchall(),
        db.execute("SELECT * FROM story_links ORDER BY a, b").fetchall(),
    )


def _clear(db: Any) -> None:
    with transaction(db) as conn:
        for table in ("article_profiles", "article_df", "story_links"):
            conn.execute(f"DELETE FROM {table}")


def _one_by_one(db: Any) -> tuple[list, list, list, list]:
    _clear(db)
    with transaction(db) as conn:
        for (aid,) in conn.execute("SELECT id FROM articles ORDER BY id").fetchall():
            stories.profile_articles(conn, [aid])  # the stored index, one at a time
    return _evidence(db)


@pytest.fixture
def forked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Few articles, yet in worker processes, a few articles per task."""
    monkeypatch.setattr(article_profiling, "PARALLEL_MIN_ARTICLES", 0)
    monkeypatch.setattr(article_profiling, "TASK_ARTICLES", 3)


@pytest.mark.parametrize("workers", [1, 2])
def test_profiling_all_at_once_equals_one_by_one(
    tmp_path: Path, forked: None, workers: int
) -> None:
    db = _db(tmp_path, "p")
    reference = _one_by_one(db)
    assert reference[3], "the corpus links some articles"
    # An undated article is scored against every day; the 30 May one has no candidate
    # in its window but the undated ones.
    _clear(db)
    with transaction(db) as conn:
        whole, links = article_profiling.profile_all(conn, None, 4, workers=workers)
        article_profiling.write(conn, whole, links)
    assert _evidence(db) == reference


def test_a_full_match_reads_the_articles_in_its_workers(
    tmp_path: Path, forked: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _db(tmp_path, "m")
    reference = _one_by_one(db)
    matching.match_all(db)
    placed = set(db.execute("SELECT id, story_id FROM articles"))
    _clear(db)
    monkeypatch.setattr(matching, "PARALLEL_MIN_STATEMENTS", 0)
    monkeypatch.setattr(matching, "WORKERS", 2)
    monkeypatch.setattr(matching, "PREPARE_STEP", 4)
    read_in: list[int] = []
    real = article_profiling.read_heads

    def reading(heads: Any, ids: Any) -> Any:
        out = real(heads, ids)
        if out:
            read_in.append(len(out))
        return out

    # Every article is read by a match worker (the profiling reads none again).
    monkeypatch.setattr(matching, "read_heads", reading)
    monkeypatch.setattr(article_profiling, "read_heads", lambda heads, ids: pytest.fail())
    report = matching.match_all(db)
    assert "profile_link" in report.timings
    assert _evidence(db) == reference
    assert set(db.execute("SELECT id, story_id FROM articles")) == placed


def test_the_index_as_of_an_article_is_the_index_as_it_stood_then(tmp_path: Path) -> None:
    db = _db(tmp_path, "a")
    heads = article_profiling.article_heads(db.conn)
    whole = article_profiling.profile_texts(
        article_profiling.read_heads(heads, heads), {a: h[2] for a, h in heads.items()}
    )
    memory = ev.MemoryIndex()
    terms = sorted({t for p in whole.profiles.values() for t in p.terms})
    keys = sorted({k for p in whole.profiles.values() for k in p.keys})
    for aid in sorted(whole.profiles):
        then = whole.as_of(aid)
        assert then.df(terms) == memory.df(terms)
        for key in keys:
            for day in (None, whole.profiles[aid].day):
                assert list(then.postings(key, day, 4)) == list(memory.postings(key, day, 4))
        assert set(then.profiles(whole.profiles)) == set(memory.profiles(whole.profiles))
        memory.add(whole.profiles[aid])


def test_the_head_holds_what_the_profile_reads(tmp_path: Path) -> None:
    db = _db(tmp_path, "h")
    heads = article_profiling.article_heads(db.conn)
    for aid, title, text, body_start in db.execute(
        "SELECT id, title, text, body_start FROM articles"
    ):
        assert heads[aid][0] == title
        assert ev.read_text(title, heads[aid][1], 0) == ev.read_text(title, text, body_start)
    # The long lead is cut: the head holds one character more than the lead.
    assert max(len(h[1]) for h in heads.values()) == ev.LEAD_CHARS + 1


def test_tasks_cover_every_article_in_order_fewer_in_a_big_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(article_profiling, "PARALLEL_MIN_ARTICLES", 10)
    monkeypatch.setattr(article_profiling, "TASK_ARTICLES", 3)
    monkeypatch.setattr(article_profiling, "TASKS_PER_WORKER", 2)
    aids = list(range(5, 105))
    assert article_profiling._tasks(aids[:9], 2) == [aids[:9]]  # too few to fork
    assert article_profiling._tasks(aids, 1) == [aids]
    tasks = article_profiling._tasks(aids, 2)
    assert [len(t) for t in tasks] == [25, 25, 25, 25]  # 2 a worker, not 34 of 3
    assert [a for t in tasks for a in t] == aids
    small = article_profiling._tasks(aids[:10], 2)
    assert [len(t) for t in small] == [3, 3, 3, 1]  # at least TASK_ARTICLES a task
