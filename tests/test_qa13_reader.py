"""What the reader sees agrees with itself: a match counts (✓, ≠, the list's counts, the
claim panel's) only within one claim, as the claim's sources, the story view's claims
and `claims --id` count; a match with a statement of another claim, or of one kept out
of its claim (claim68: judged `related` to a statement there), is shown apart and says
why. And a story's heading in the list is named as the story on the status line."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from click.testing import CliRunner

from db import match_reads
from db.claims import rebuild_claims
from db.story_reads import story_view
from tests.test_claim_apart import _three_outlets
from tests.test_claims import _matched, _unmatched
from tests.test_qa12_reader import _open_statement, _screen_text
from tests.test_relations import db_file
from tests.tui_fixtures import *  # noqa: F403 (pytest fixtures)
from tests.tui_fixtures import settle
from tui.app import make_app
from tui.cli import main
from tui.components.claim_panel import APART_HEADING, RELATED_HEADING
from tui.components.status_line import fit_status
from tui.config import Config
from tui.wording import WORDING_ALONE, WORDING_SHARED, shared_words, why_matched


def _kept_out(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A (Wire) same as B (Daily) and C (Herald), B and C related: the claim is A and B,
    C is kept out of it (claim68)."""
    db, conn, (a, b, c) = _three_outlets(tmp_path)
    rebuild_claims(conn)
    conn.commit()
    (cid,) = {r[0] for r in db.execute("SELECT claim_id FROM statements WHERE id = ?", (a,))}
    return db, (a, b, c), cid


def _article(db, sid: int) -> int:  # type: ignore[no-untyped-def]
    return db.execute("SELECT article_id FROM statements WHERE id = ?", (sid,)).fetchone()[0]


def test_a_statement_kept_out_of_a_claim_is_not_counted_as_corroborated(tmp_path: Path) -> None:
    """C's `same` match with A, whose claim keeps C out, made C ✓ in the list and the
    text while its claim count (the story view's, `claims --id`) left it out."""
    db, (a, b, c), cid = _kept_out(tmp_path)
    assert db.execute("SELECT claim_id FROM statements WHERE id = ?", (c,)).fetchone()[0] is None
    statuses = match_reads.statement_statuses(db, _article(db, c))
    assert statuses[c] == "related"
    assert match_reads.statement_statuses(db, _article(db, b))[b] == "corroborated"
    counts = match_reads.article_match_counts(db, [_article(db, c)])
    assert counts[_article(db, c)][:2] == (0, 0)
    pairs = {
        frozenset((m["a"]["statement_id"], m["b"]["statement_id"])): m["claim_id"]
        for m in match_reads.list_matches(db, relation=("same", "conflict"))
    }
    assert pairs == {frozenset((a, b)): cid, frozenset((a, c)): None}


def _two_claims(tmp_path: Path, across: str):  # type: ignore[no-untyped-def]
    """A chain s0-s1-…-s5 makes two claims (no chaining); s2 ~ s3 (``across``) joins them."""
    db, conn, s = _unmatched(tmp_path)
    links = [(s[i], s[i + 1], 60.0, "same") for i in range(5)]
    links[2] = (s[2], s[3], 60.0, across)
    _matched(db, links)
    rebuild_claims(conn)
    conn.commit()
    claim = dict(db.execute("SELECT id, claim_id FROM statements").fetchall())
    assert claim[s[2]] != claim[s[3]] and None not in {claim[i] for i in s[:6]}
    return db, s


def test_a_same_match_between_two_claims_counts_in_neither(tmp_path: Path) -> None:
    """s2 and s3 stay ✓ by their own claims; their pair is no claim's: `matches` says
    it is not counted, and its claim_id is null."""
    db, s = _two_claims(tmp_path, "same")
    for sid in (s[2], s[3]):
        assert match_reads.statement_statuses(db, _article(db, sid))[sid] == "corroborated"
    across = next(
        m
        for m in match_reads.list_matches(db)
        if {m["a"]["statement_id"], m["b"]["statement_id"]} == {s[2], s[3]}
    )
    assert across["claim_id"] is None
    inside = [m for m in match_reads.list_matches(db) if m is not across]
    assert all(m["claim_id"] is not None for m in inside if m["a"]["statement_id"] != s[2])


def test_a_conflict_between_two_claims_still_counts(tmp_path: Path) -> None:
    """A story's values often split into one claim per value (UCI: 167 of 216 conflicts
    join two claims): a conflict counts (≠) and the story view lists it, whatever the
    claims."""
    db, s = _two_claims(tmp_path, "conflict")
    for sid in (s[2], s[3]):
        assert match_reads.statement_statuses(db, _article(db, sid))[sid] == "conflict"
    story = db.execute(
        "SELECT story_id FROM articles WHERE id = ?", (_article(db, s[2]),)
    ).fetchone()[0]
    assert story is not None and _article(db, s[3]) != _article(db, s[2])
    view = story_view(db, story)
    assert [(c["a"]["statement_id"], c["b"]["statement_id"]) for c in view["conflicts"]] == [
        (s[2], s[3])
    ]


def test_the_claim_panel_lists_a_match_of_another_claim_apart(tmp_path: Path) -> None:
    """On C the panel said "Corroborated by other sources" and "1 match", with A's SAME
    among its own, while no claim held C: now A's match is under its own heading, says
    which claim kept C out and why, and nothing counts it."""
    db, (_a, _b, c), cid = _kept_out(tmp_path)
    path = db_file(db)

    async def run() -> None:
        app = make_app(path, config=Config())
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await _open_statement(pilot, "Herald", c)
            panel = app.main.claims
            assert [m["relation"] for m in panel.matches] == ["same", "related"]
            text = _screen_text(app)
            assert "Corroborated" not in text, text
            assert text.index(APART_HEADING) < text.index("SAME"), text
            listed = panel.match_list
            ids = [listed.get_option_at_index(i).id for i in range(listed.option_count)]
            assert [i for i in ids if i] == ["apart", "m0", "related", "m1"]
            assert RELATED_HEADING not in text.split("SAME")[0]
            assert f"Kept out of claim {cid}: related to Daily there" in text
            title = str(panel.border_title)
            assert title.startswith("Claims · 0 matches · 1 in another claim"), title

    asyncio.run(run())


def test_matches_says_when_a_pair_is_no_claims(tmp_path: Path) -> None:
    db, (a, _b, c), cid = _kept_out(tmp_path)
    path = db_file(db)
    text = CliRunner().invoke(main, ["--db", path, "matches"])
    assert text.exit_code == 0, text.output
    assert f"not counted: A in claim {cid}, B in no claim" in text.output
    assert text.output.count("not counted") == 1
    shown = json.loads(CliRunner().invoke(main, ["--db", path, "matches", "--json"]).output)
    by_pair = {
        (m["a"]["statement_id"], m["b"]["statement_id"]): m["claim_id"] for m in shown["matches"]
    }
    assert by_pair[(a, c)] is None and cid in by_pair.values()


def test_the_status_line_names_the_story_at_its_heading(demo_app) -> None:  # type: ignore[no-untyped-def]
    """On a story's heading (tui71: it takes the cursor) the status line named the
    story's first article, whose text the pane shows; it names the story."""

    async def run() -> None:
        app = demo_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            main_screen = app.main
            story = main_screen.articles.row(0)
            await pilot.press("k")
            await settle(pilot)
            assert main_screen.articles.cursor == 0
            line = fit_status(main_screen.status_parts(), 78).plain
            assert f"story {story['id']}" in line, line
            assert "article" not in line.replace(f"{story['n_articles']} article", ""), line
            await pilot.press("j")
            await settle(pilot)
            line = fit_status(main_screen.status_parts(), 78).plain
            assert f"story {story['id']}" not in line and "article" in line, line

    asyncio.run(run())


def test_a_match_on_wording_alone_names_the_words_both_write() -> None:
    """The matcher read no name in two Title Case headlines that both write
    "Metro-North": "no shared name found" read as false; the line names the words."""
    a = "Metro-North Worker Struck and Killed by East Harlem Train"
    b = "Metro-North worker struck, killed by train in East Harlem: MTA"
    assert shared_words(a, b) == ["Metro-North", "Worker", "Struck", "Killed", "East", "Harlem"]
    assert shared_words("S&P's record close", "after S&P's record close") == [
        "S&P's",
        "record",
        "close",
    ]
    empty = {"summary": ""}
    assert why_matched(empty, (a, b)).startswith(WORDING_SHARED + "Metro-North, Worker")
    assert why_matched(empty, ("A very good day.", "And so it was.")) == WORDING_ALONE
    assert why_matched({"summary": "names MTA"}, (a, b)) == "names MTA"
    assert why_matched(None, (a, b)) == ""
