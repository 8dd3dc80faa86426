"""An older article placed again (replaced, or re-matched: its links changed) leaves the
stories as a rebuild makes them, whatever newer articles did with its neighbours.

The articles are written for these tests (an invented town); the link strengths are set
by hand in ``story_links`` so that the placement, not the evidence, is under test."""

from __future__ import annotations

import json
from pathlib import Path

from db import stories
from db.connection import connect, transaction
from db.ingest import ingest_paths

# Three articles of one day that share nothing a link would read: the links are set.
ARTICLES = [
    ("Harbour Bridge closed after inspectors find cracked cables", "Port Elso shut it."),
    ("Okafor promises repairs within six weeks", "The mayor spoke on Tuesday."),
    ("Ferry operators add sailings across the bay", "Drivers queued at the quay."),
]


def _db(tmp_path: Path):
    db = connect(tmp_path / "t.db")
    for i, (title, lead) in enumerate(ARTICLES):
        path = tmp_path / f"a{i}.json"
        record = {"source": f"outlet{i}", "title": title, "text": f"{title}\n\n{lead}"}
        path.write_text(json.dumps({**record, "url": f"t:{i}", "date": "2024-05-07"}))
        ingest_paths(db, [path], source=f"outlet{i}")
    return db


def _set_links(conn, links: dict[tuple[int, int], float]) -> None:
    conn.execute("DELETE FROM story_links")
    conn.executemany(
        "INSERT INTO story_links(a, b, score) VALUES (?, ?, ?)",
        [(a, b, s) for (a, b), s in links.items()],
    )


def _partition(db) -> set[frozenset[int]]:
    out: dict[int, set[int]] = {}
    for aid, sid in db.execute("SELECT id, story_id FROM articles WHERE story_id IS NOT NULL"):
        out.setdefault(sid, set()).add(aid)
    return {frozenset(g) for g in out.values()}


def test_an_older_article_placed_again_finds_its_neighbour_as_a_rebuild_does(
    tmp_path: Path,
) -> None:
    """The first article (1) is of no story when the second (2) comes, weakly linked to
    it; the third (3), strongly linked to 1 and not to 2, starts a story with it. Then
    2's link to 1 turns strong (2 replaced): a rebuild has 2 start the story with 1,
    which 3 finds already formed. Placed again alone, 2 found 1 in the story 3 formed
    later, and joined it."""
    db = _db(tmp_path)
    ids = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
    x, m, b = ids
    with transaction(db) as conn:
        _set_links(conn, {(x, m): 1.0, (x, b): 5.0})
        stories.rebuild_stories(conn)
    assert _partition(db) == {frozenset({x, b})}
    with transaction(db) as conn:
        _set_links(conn, {(x, m): 5.0, (x, b): 5.0})
        stories.update_stories(conn, [m])
    incremental = _partition(db)
    with transaction(db) as conn:
        stories.rebuild_stories(conn)
    assert incremental == _partition(db)


def test_a_new_article_places_only_itself(tmp_path: Path) -> None:
    """The newest article placed: the stories of older ones stand (none is dissolved)."""
    db = _db(tmp_path)
    x, m, b = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
    with transaction(db) as conn:
        _set_links(conn, {(x, m): 5.0})
        stories.rebuild_stories(conn)
    (before,) = db.execute("SELECT story_id FROM articles WHERE id = ?", (x,)).fetchone()
    with transaction(db) as conn:
        _set_links(conn, {(x, m): 5.0, (x, b): 0.5})
        stories.update_stories(conn, [b])
    (after,) = db.execute("SELECT story_id FROM articles WHERE id = ?", (x,)).fetchone()
    assert before is not None and after == before


def test_past_the_bound_only_the_articles_around_it_are_placed_again(
    tmp_path: Path, monkeypatch
) -> None:
    """More than EXACT_PLACE_MAX articles from the oldest on (an old article replaced in
    a large database): only the article, its linked newer ones and their stories are
    placed again, quickly; here that is as a rebuild except for what came after it
    (2 joins the story 3 formed with 1, as before version 41)."""
    db = _db(tmp_path)
    x, m, b = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
    with transaction(db) as conn:
        _set_links(conn, {(x, m): 1.0, (x, b): 5.0})
        stories.rebuild_stories(conn)
    monkeypatch.setattr(stories, "EXACT_PLACE_MAX", 1)
    with transaction(db) as conn:
        _set_links(conn, {(x, m): 5.0, (x, b): 5.0})
        stories.update_stories(conn, [m])
    assert _partition(db) == {frozenset({x, m, b})}
    monkeypatch.setattr(stories, "EXACT_PLACE_MAX", 3)  # from 1 (3's story) on: exact
    with transaction(db) as conn:
        stories.rebuild_stories(conn)
        _set_links(conn, {(x, m): 1.0, (x, b): 5.0})
        stories.rebuild_stories(conn)
        _set_links(conn, {(x, m): 5.0, (x, b): 5.0})
        stories.update_stories(conn, [m])
    incremental = _partition(db)
    with transaction(db) as conn:
        stories.rebuild_stories(conn)
    assert incremental == _partition(db)
