"""Stories: articles of several outlets about one event, grouped by shared claims."""

from __future__ import annotations

from pathlib import Path

from db import matching
from db.connection import connect
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
