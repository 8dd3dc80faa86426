"""A fact-checker's walk at 80x24: what the claim panel and `matches` show beside a
match must tell a reader what it is and why (issue 11: 'related' shown apart as "also on
this event"; every match says why)."""

from __future__ import annotations

import asyncio
import json

import pytest
import sqlite_utils

from db.claims import rebuild_claims
from db.connection import connect, transaction
from tests.test_relations import PORT_A, PORT_B, _ingest, _store, db_file, port_ids
from tests.tui_fixtures import settle
from tui.app import make_app
from tui.components.claim_panel import RELATED_HEADING as HEADING
from tui.config import Config
from tui.wording import WORDING_SHARED


@pytest.fixture
def port(tmp_path) -> sqlite_utils.Database:  # type: ignore[no-untyped-def]
    """The port strike told by two outlets (tests/test_relations.py's texts)."""
    db = connect(tmp_path / "port.db")
    _ingest(db, tmp_path, {"Wire": PORT_A, "Daily": PORT_B})
    return db


def _screen_text(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(s.text for s in app.screen._compositor.render_strips())


async def _open_statement(pilot, source: str, statement_id: int) -> None:  # type: ignore[no-untyped-def]
    """Open ``source``'s article from the list and put the text's cursor on a statement."""
    main = pilot.app.main
    rows = (main.articles.row(i) or {} for i in range(main.articles.total))
    row = next(i for i, r in enumerate(rows) if r.get("source") == source)
    main.articles.focus()
    while main.articles.cursor != row:
        await pilot.press("j" if main.articles.cursor < row else "k")
    await pilot.press("enter")
    await settle(pilot)
    reader = main.reader
    target = next(i for i, s in enumerate(reader.statements) if s["id"] == statement_id)
    reader.focus()
    while reader.cursor != target:
        await pilot.press("j" if reader.cursor < target else "k")
    await settle(pilot)


def test_the_heading_of_related_matches_shows_at_80x24(port) -> None:
    """A statement whose only match is 'related': at 80x24 the claim panel's few rows
    show "also on this event" above that match. Highlighting the match scrolled its
    whole height into the pane, so the heading went above it and the match read as if
    it stood among the claim's own (under "No other source reports this statement.")."""
    union, chief = port_ids(port, "union", "chief")
    _store(port, [(union, chief, 61.0, "related")])
    with transaction(port) as conn:
        rebuild_claims(conn)
    path = db_file(port)

    async def run() -> None:
        app = make_app(path, config=Config())
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await _open_statement(pilot, "Wire", union)
            panel = app.main.claims
            assert [m["relation"] for m in panel.matches] == ["related"]
            text = _screen_text(app)
            assert "RELATED" in text
            lines = text.splitlines()
            headings = [i for i, line in enumerate(lines) if line.strip(" │┃") == HEADING]
            related = next(i for i, line in enumerate(lines) if "RELATED" in line)
            assert headings and headings[0] < related, text

    asyncio.run(run())


@pytest.fixture
def nothing_shared(monkeypatch: pytest.MonkeyPatch) -> None:
    """The evidence of every pair: 'same' on the words, no name, number, quote or
    speaker found (as for two headlines in title case)."""
    from db import match_evidence
    from db.matcher import Evidence, PairResult

    monkeypatch.setattr(
        match_evidence, "compare", lambda a, b: PairResult(91.0, "same", (), Evidence())
    )


def _matches(path: str, *args: str) -> str:
    from click.testing import CliRunner

    from tui.cli import main

    result = CliRunner().invoke(main, ["--db", path, "matches", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_matches_takes_every_relation_given(port) -> None:
    """`--relation same --relation related` lists both: click kept the last one alone,
    so a reader asking for two saw one, and nothing said the other was dropped."""
    walked, strike, union, chief = port_ids(port, "walked", "strike", "union", "chief")
    _store(port, [(walked, strike, 91.0, "same"), (union, chief, 70.0, "related")])
    path = db_file(port)
    both = json.loads(_matches(path, "--relation", "same", "--relation", "related", "--json"))
    assert both["total"] == 2
    assert sorted(m["relation"] for m in both["matches"]) == ["related", "same"]
    alone = json.loads(_matches(path, "--relation", "related", "--json"))
    assert [m["relation"] for m in alone["matches"]] == ["related"]
    none = _matches(path, "--article", "1", "--relation", "conflict", "--relation", "conflict")
    assert "none with --article 1 --relation conflict\n" in none


def test_a_match_with_no_shared_name_says_it_rests_on_its_wording(port, nothing_shared) -> None:
    """A ✓ whose evidence found nothing to name (no name, number, quote or speaker)
    still says why, in `matches` and in the claim panel: it rests on the wording alone.
    Before, no `why` line was shown at all (18 of 265 'same' matches of a walk on BASIL
    and UCI headlines), and a reader could not tell what the ✓ stood on."""
    walked, strike = port_ids(port, "walked", "strike")
    _store(port, [(walked, strike, 91.0, "same")])
    with transaction(port) as conn:
        rebuild_claims(conn)
    path = db_file(port)
    # qa13: the words both write, not "no shared name found" beside a shared name
    why = f"{WORDING_SHARED}Dock, workers, Rotterdam, Monday, pay, offer"
    assert f"  why: {why}\n" in _matches(path)

    async def run() -> None:
        app = make_app(path, config=Config())
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await _open_statement(pilot, "Wire", walked)
            assert [m["relation"] for m in app.main.claims.matches] == ["same"]
            assert f"why {why}" in _screen_text(app)

    asyncio.run(run())


def test_the_help_says_what_the_lists_counts_are(port) -> None:
    """The list shows "✓2 ≠1 ~1" beside an article; the help explained the marks of
    the text only, so a new reader had no key to those counts, nor that ~ is not ✓."""
    from tui.components.help_screen import HelpScreen

    path = db_file(port)

    async def run() -> None:
        app = make_app(path, config=Config())
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            caption = app.screen.help_table().caption
            assert caption is not None
            said = str(caption)
            assert "In the list: ✓2 ≠1 ~1 count an article's statements" in said
            assert "~ never counts as ✓" in said

    asyncio.run(run())
