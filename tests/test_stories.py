"""Stories: articles of several outlets about one event, grouped by shared claims."""

from __future__ import annotations

from pathlib import Path

from db import matching, stories
from db.connection import connect, transaction
from db.ingest import ingest_paths
from db.stories import list_stories, story_articles

EVENTS = {
    "bridge": (
        "2024-05-01",
        [
            "The Harbour Bridge in Port Elso was closed on Tuesday after inspectors found"
            " cracks in two support cables.",
            "Mayor Lena Okafor said repairs would take at least six weeks.",
            "About 40,000 vehicles cross the bridge every day.",
        ],
    ),
    "strike": (
        "2024-05-02",
        [
            "Dock workers at the port of Valmora walked out on Wednesday in a dispute over"
            " night-shift pay.",
            "The union said 1,200 members had joined the strike.",
            "Shipping companies diverted three container ships to Corvel.",
        ],
    ),
}
REWORDS = {
    "Harbour": "Harbor",
    "was closed on Tuesday after inspectors found": "closed on Tuesday when inspectors discovered",
    "said repairs would take at least six weeks": "said the repairs would need at least six weeks",
    "About 40,000 vehicles cross the bridge every day.": (
        "Some 40,000 vehicles use the bridge daily."
    ),
    "walked out on Wednesday in a dispute over": "went on strike on Wednesday over",
    "The union said 1,200 members had joined the strike.": (
        "According to the union, 1,200 of its members joined the strike."
    ),
    "diverted three container ships": "sent three container ships",
}


def reword(sentence: str, variant: int) -> str:
    if variant == 0:
        return sentence
    for old, new in REWORDS.items():
        sentence = sentence.replace(old, new)
    if variant == 2:
        sentence = sentence.replace("Tuesday", "Tuesday morning").replace(
            "Wednesday", "Wednesday morning"
        )
    return sentence


def test_articles_of_one_event_form_one_story(tmp_path: Path) -> None:
    db = connect(tmp_path / "stories.db")
    for event, (date, sentences) in EVENTS.items():
        for variant, source in enumerate(("Alpha", "Beta", "Gamma")):
            body = "\n\n".join(reword(s, variant) for s in sentences)
            path = tmp_path / f"{event}_{source}.txt"
            path.write_text(
                f" date {date} {event} report by {source}\n\n{body}\n", encoding="utf-8"
            )
            ingest_paths(db, [path], source=source, match=False)
    report = matching.match_all(db)
    assert report.stories == 2
    stories = list_stories(db)
    assert len(stories) == 2 and all(s["n_sources"] == 3 for s in stories)
    for story in stories:
        arts = story_articles(db, story["id"])
        assert len({a["title"].split()[0] for a in arts}) == 1  # one event per story
        assert {a["source"] for a in arts} == {"Alpha", "Beta", "Gamma"}


def _write_event_articles(tmp_path: Path, sources: tuple[str, ...]) -> list[tuple[Path, str]]:
    out = []
    for event, (date, sentences) in EVENTS.items():
        for source in sources:
            variant = ("Alpha", "Beta", "Gamma").index(source)
            body = "\n\n".join(reword(s, variant) for s in sentences)
            path = tmp_path / f"{event}_{source}.txt"
            path.write_text(
                f" date {date} {event} report by {source}\n\n{body}\n", encoding="utf-8"
            )
            out.append((path, source))
    return out


def story_groups(db) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for aid, sid in db.execute("SELECT id, story_id FROM articles WHERE story_id IS NOT NULL"):
        groups.setdefault(sid, set()).add(aid)
    return {frozenset(g) for g in groups.values()}


def _cap(monkeypatch, n: int) -> None:
    monkeypatch.setattr(stories, "STORY_MAX_CLAIM_STATEMENTS", n)
    monkeypatch.setattr(matching, "STORY_MAX_CLAIM_STATEMENTS", n)


def test_claims_of_too_many_statements_link_no_story(tmp_path: Path, monkeypatch) -> None:
    db = connect(tmp_path / "cap.db")
    for path, source in _write_event_articles(tmp_path, ("Alpha", "Beta", "Gamma")):
        ingest_paths(db, [path], source=source, match=False)
    _cap(monkeypatch, 3)  # each claim has 3 statements: still counts
    assert matching.match_all(db).stories == 2
    _cap(monkeypatch, 2)  # a template now: links nothing
    assert matching.match_all(db).stories == 0
    assert db.execute("SELECT count(*) FROM claims").fetchone()[0] >= 4  # claims stay


def test_incremental_stories_equal_a_rebuild_when_claims_cross_the_cap(
    tmp_path: Path, monkeypatch
) -> None:
    _cap(monkeypatch, 2)
    db = connect(tmp_path / "cross.db")
    for path, source in _write_event_articles(tmp_path, ("Alpha", "Beta")):
        ingest_paths(db, [path], source=source)  # matched one by one
    assert len(story_groups(db)) == 2
    gamma = _write_event_articles(tmp_path, ("Gamma",))
    ingest_paths(db, [gamma[0][0]], source="Gamma")  # the bridge claims now have 3
    incremental = story_groups(db)
    matching.match_all(db)
    assert story_groups(db) == incremental
    assert len(incremental) == 1  # only the strike story is left


def test_updating_many_articles_reads_each_claim_once(tmp_path: Path, monkeypatch) -> None:
    db = connect(tmp_path / "chunks.db")
    for path, source in _write_event_articles(tmp_path, ("Alpha", "Beta", "Gamma")):
        ingest_paths(db, [path], source=source, match=False)
    _cap(monkeypatch, 3)  # each claim has 3 statements: it still links
    matching.match_all(db)
    rebuilt = story_groups(db)
    assert len(rebuilt) == 2
    # Articles bound one per chunk (as thousands are, 400 at a time): a claim whose
    # articles fall in several chunks is still 3 statements, not 3 times 3.
    from db.id_chunks import id_chunks

    monkeypatch.setattr(stories, "id_chunks", lambda ids: id_chunks(ids, size=1))
    every = [r[0] for r in db.execute("SELECT id FROM articles")]
    with transaction(db) as conn:
        assert stories.update_stories(conn, every) == 2
    assert story_groups(db) == rebuilt
