"""Two statements inside articles naming the same speaker, nothing breaking the claim,
are one claim from a lower p (matcher.SAME_P_SPEAKER): one person's words told as a
quotation and as reported speech. Articles, sentences and names written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

from db import matcher, matching
from db.connection import connect
from db.ingest import ingest_paths
from db.matcher import prepare

HEAD_A = "Lind stays in Kestle race"
HEAD_B = "Okafor leads in Kestle polls"
BODY_A = (
    "Senator Ama Lind has run in Kestle since 2010.",
    "Her campaign raised money at a dinner in Tarlow on Friday.",
    "Lind's rival, Tom Okafor, leads in two recent polls.",
)
BODY_B = (
    "The senator first won her seat in 2010.",
    "Tom Okafor, a former mayor, has led in recent polls.",
    "Lind held a fundraising dinner on Friday night.",
)
# Lind's words, quoted by one outlet and reported by the other.
QUOTED = (
    '"I am not quitting, I will be on the ballot in the Kestle primary next week,"'
    " Lind told supporters."
)
REPORTED = "She would remain a candidate in next week's Kestle primary, Lind said."


def _pair(
    a_text: str = QUOTED, b_text: str = REPORTED, a_by: str = "Ama Lind", b_by: str = "Ama Lind"
) -> tuple[matcher.Prepared, matcher.Prepared]:
    a = matcher.with_context(
        [prepare(HEAD_A), *(prepare(t) for t in BODY_A), prepare(a_text, speaker=a_by)]
    )
    b = matcher.with_context(
        [prepare(HEAD_B), *(prepare(t) for t in BODY_B), prepare(b_text, speaker=b_by)]
    )
    return a[-1], b[-1]


def test_one_speakers_words_quoted_and_reported_are_one_claim() -> None:
    x, y = _pair()
    f = matcher.features(x, y)
    p = matcher.DEFAULT_MODEL.probability(f.values)
    # under the cut of an anchored pair inside articles, over the speaker's, no break
    assert matcher.SAME_P_SPEAKER <= p < matcher.SAME_P_ARTICLES
    assert f.values[matcher._SPEAKER_AGREE] > 0 and not f.breaks
    assert matcher.compare(x, y).relation == "same"
    # the pipeline's path (bounds, no evidence) gives it too
    assert matcher.compare(x, y, explain=False, score_different=False).relation == "same"


def test_the_same_words_of_two_speakers_keep_the_cut() -> None:
    # Without one speaker on both sides the pair keeps the cut of its anchors: 'related'.
    x, y = _pair(b_by="Tom Okafor")
    assert matcher.compare(x, y).relation != "same"
    x, y = _pair(b_by="")
    assert matcher.features(x, y).values[matcher._SPEAKER_AGREE] == 0
    assert matcher.compare(x, y).relation == "related"


def test_one_speaker_still_breaks_on_a_hedge() -> None:
    # The lower cut lifts only pairs nothing breaks: a hedged plan is not the vow.
    x, y = _pair(b_text="She may remain a candidate in next week's Kestle primary, Lind said.")
    assert matcher.compare(x, y).relation != "same"


def test_two_lone_statements_of_one_speaker_keep_the_lone_cut() -> None:
    # Each the whole of its article: SAME_P_LONE, whatever the speaker.
    x = matcher.with_context([prepare(QUOTED, speaker="Ama Lind")])[0]
    y = matcher.with_context([prepare(REPORTED, speaker="Ama Lind")])[0]
    f = matcher.features(x, y)
    assert f.lone
    if matcher.DEFAULT_MODEL.probability(f.values) < matcher.SAME_P_LONE:
        assert matcher.compare(x, y).relation != "same"


def _records(tmp_path: Path, name: str, title: str, body: tuple[str, ...]) -> Path:
    path = tmp_path / f"{name}.jsonl"
    record = {"title": title, "text": " ".join(body), "date": "2021-02-04", "url": f"u/{name}"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_one_speakers_words_matched_one_article_at_a_time_as_a_rebuild(tmp_path: Path) -> None:
    db = connect(tmp_path / "speaker.db")
    ingest_paths(db, [_records(tmp_path, "wire", HEAD_A, (*BODY_A, QUOTED))], source="Wire")
    ingest_paths(db, [_records(tmp_path, "daily", HEAD_B, (*BODY_B, REPORTED))], source="Daily")
    row = db.execute(
        "SELECT m.relation FROM matches m JOIN statements s ON s.id IN (m.a, m.b)"
        " JOIN statements t ON t.id IN (m.a, m.b) AND t.id != s.id"
        " WHERE s.text = ? AND t.text = ?",
        (QUOTED, REPORTED),
    ).fetchone()
    assert row is not None and row[0] == "same"
    incremental = sorted(db.execute("SELECT a, b, relation, score FROM matches"))
    matching.match_all(db)
    assert sorted(db.execute("SELECT a, b, relation, score FROM matches")) == incremental
