"""Two statements that open their articles (headline or lead) and read alike, with
nothing breaking the claim, are one claim from a lower p (matcher.SAME_P_OPENINGS):
articles, sentences and names written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

from db import matcher
from db.connection import connect
from db.ingest import ingest_paths
from db.matcher import prepare

# Two articles of one event: a senator trailing before a primary. Their leads tell one
# claim in other words (p between the cuts, no shared quotation, speaker or number).
HEAD_A = "Lind stays in Kestle Senate race"
HEAD_B = "Ama Lind Vows To Fight On In Kestle Primary"
LEAD_A = (
    "Senator Ama Lind gave no sign on Sunday that she was ready to quit the race,"
    " insisting she would compete in the Kestle primary next week."
)
LEAD_B = (
    "Senator Ama Lind still plans to compete in next Tuesday's Kestle primary despite"
    " trailing in polls."
)
BODY_A = (
    "Senator Ama Lind has run in Kestle since 2010.",
    "Her campaign raised money at a dinner in Tarlow on Friday.",
    "Lind's rival, Tom Okafor, leads in two recent polls.",
    "Okafor said the race was his to lose.",
    "Lind's aides declined to discuss her schedule.",
    "The primary will decide who faces the Republican in November.",
    "Turnout in the Kestle primary was low four years ago.",
)
BODY_B = (
    "The senator first won her seat in 2010.",
    "Tom Okafor, a former mayor, has led in recent polls.",
    "Okafor's campaign spent heavily on television in Tarlow.",
    "Lind held a fundraising dinner on Friday night.",
    "Her aides would not say where she would travel next.",
    "The winner of the primary meets the Republican in November.",
    "Kestle's primary drew few voters in the last cycle.",
)


def _pair(at: int, lead_a: str = LEAD_A, lead_b: str = LEAD_B) -> tuple:
    """Both articles with their two sentences at place ``at`` (1: the lead)."""
    a, b = [HEAD_A, *BODY_A], [HEAD_B, *BODY_B]
    a.insert(at, lead_a)
    b.insert(at, lead_b)
    pa = matcher.with_context([prepare(t) for t in a])
    pb = matcher.with_context([prepare(t) for t in b])
    return pa[at], pb[at]


def test_two_leads_telling_one_claim_in_other_words_are_one_claim() -> None:
    x, y = _pair(1)
    f = matcher.features(x, y)
    p = matcher.DEFAULT_MODEL.probability(f.values)
    # under the cut of a pair inside articles, over the openings' cut, nothing breaks
    assert matcher.SAME_P_OPENINGS <= p < matcher.SAME_P_UNANCHORED
    assert f.opening and not f.breaks
    assert matcher.compare(x, y).relation == "same"
    # the pipeline's path (bounds, no evidence) gives it too
    assert matcher.compare(x, y, explain=False, score_different=False).relation == "same"


def test_the_same_two_sentences_lower_in_the_body_keep_the_cut() -> None:
    # Lower in the body the same p mostly joins two claims of one event: 'related'.
    x, y = _pair(6)
    f = matcher.features(x, y)
    assert not f.opening and not f.breaks
    assert matcher.compare(x, y).relation == "related"
    # ... and one opening against a body sentence likewise
    a = matcher.with_context([prepare(t) for t in (HEAD_A, LEAD_A, *BODY_A)])
    b = matcher.with_context([prepare(t) for t in (HEAD_B, *BODY_B[:5], LEAD_B, *BODY_B[5:])])
    assert not matcher.features(a[1], b[6]).opening
    assert matcher.compare(a[1], b[6]).relation == "related"


def test_two_openings_still_break_on_a_hedge_or_a_negation() -> None:
    # The lower cut lifts only pairs nothing breaks: "may compete" is no plan told as fact.
    may = LEAD_B.replace("still plans to compete", "may compete")
    x, y = _pair(1, lead_b=may)
    assert matcher.features(x, y).opening
    assert matcher.compare(x, y).relation != "same"
    # ... nor "will not compete" against "would compete"
    won_t = LEAD_B.replace("still plans to compete", "will not compete")
    x, y = _pair(1, lead_b=won_t)
    assert matcher.compare(x, y).relation != "same"


def test_two_headline_case_openings_keep_the_headline_cut() -> None:
    # Two headlines in headline case keep SAME_P_HEADLINES whatever the openings' cut.
    x = matcher.with_context([prepare("Ama Lind Stays In Kestle Senate Race"), prepare(LEAD_A)])[0]
    y = matcher.with_context([prepare(HEAD_B), prepare(LEAD_B)])[0]
    f = matcher.features(x, y)
    assert f.headlines and f.opening
    if matcher.DEFAULT_MODEL.probability(f.values) < matcher.SAME_P_HEADLINES:
        assert matcher.compare(x, y).relation != "same"


def _records(tmp_path: Path, name: str, title: str, body: tuple[str, ...]) -> Path:
    path = tmp_path / f"{name}.jsonl"
    record = {"title": title, "text": " ".join(body), "date": "2021-02-04", "url": f"u/{name}"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_two_leads_matched_one_article_at_a_time_as_a_rebuild(tmp_path: Path) -> None:
    db = connect(tmp_path / "leads.db")
    ingest_paths(db, [_records(tmp_path, "wire", HEAD_A, (LEAD_A, *BODY_A))], source="Wire")
    ingest_paths(db, [_records(tmp_path, "daily", HEAD_B, (LEAD_B, *BODY_B))], source="Daily")

    def relation() -> str | None:
        row = db.execute(
            "SELECT m.relation FROM matches m JOIN statements s ON s.id = m.a"
            " JOIN statements t ON t.id = m.b WHERE (s.text = ? AND t.text = ?)"
            " OR (s.text = ? AND t.text = ?)",
            (LEAD_A, LEAD_B, LEAD_B, LEAD_A),
        ).fetchone()
        return row[0] if row else None

    incremental = sorted(db.execute("SELECT a, b, relation, score FROM matches"))
    assert relation() == "same"
    from db import matching

    matching.match_all(db)
    assert sorted(db.execute("SELECT a, b, relation, score FROM matches")) == incremental


def test_two_headlines_alone_in_their_articles_keep_the_lone_cut() -> None:
    # A headline without a body opens its article too, but two such keep SAME_P_LONE and
    # its own rules (a figure told twice, the shorter told whole) from their own cut:
    # two headlines of one story share its words whatever each claims.
    x = matcher.with_context([prepare("Velmora gets $2 million from tea taxes")])[0]
    y = matcher.with_context(
        [prepare("Velmora makes $2m in tea levies (almost as much as coffee dues) after ...")]
    )[0]
    f = matcher.features(x, y)
    assert f.lone and not f.headlines and not f.breaks
    assert matcher.SAME_P_OPENINGS <= matcher.DEFAULT_MODEL.probability(f.values) < 0.6
    assert matcher.compare(x, y).relation == "related"
