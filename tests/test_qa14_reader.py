"""What the last walk left: `stats` splits its same matches as the list and the claim
panel count them (✓ within one claim, the others apart), and the help says what ✓ means
now."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from click.testing import CliRunner

from db import match_reads
from tests.test_qa13_reader import _kept_out, _two_claims
from tests.test_relations import db_file
from tests.tui_fixtures import *  # noqa: F403 (pytest fixtures)
from tests.tui_fixtures import settle
from tui.app import make_app
from tui.cli import main
from tui.config import Config


def _stats(path: str, *args: str) -> str:
    result = CliRunner().invoke(main, ["--db", path, "stats", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_stats_splits_same_matches_as_the_panel_counts_them(tmp_path: Path) -> None:
    """A same as B (their claim) and as C (kept out of it): `stats` said "matches 2" with
    nothing to tell that one of them counts nowhere (no ✓, listed apart)."""
    db, _ids, _cid = _kept_out(tmp_path)
    data = json.loads(_stats(db_file(db), "--json"))
    assert (data["matches"], data["conflicts"], data["related_matches"]) == (2, 0, 1)
    assert (data["same_in_one_claim"], data["same_apart"]) == (1, 1)
    # as `matches --json` reads them: a pair counts when one claim holds both
    pairs = match_reads.list_matches(db, relation=("same",))
    assert sum(m["claim_id"] is not None for m in pairs) == data["same_in_one_claim"]
    text = _stats(db_file(db)).splitlines()
    assert any(line.split() == ["same,", "in", "one", "claim", "(✓)", "1"] for line in text)
    assert any(line.split() == ["same,", "apart", "(no", "✓)", "1"] for line in text)


def test_stats_counts_a_same_pair_between_two_claims_apart(tmp_path: Path) -> None:
    """A chain of five same links split into two claims: the link between them is apart."""
    db, _s = _two_claims(tmp_path, "same")
    data = json.loads(_stats(db_file(db), "--json"))
    assert data["matches"] == 5
    assert (data["same_in_one_claim"], data["same_apart"]) == (4, 1)


def test_the_help_says_check_means_said_alike_within_its_claim(tmp_path: Path) -> None:
    """The caption said "✓ corroborated by another source", which a same match with a
    statement of another claim (listed apart, no ✓) also is."""
    from tui.components.help_screen import HelpScreen

    db, _ids, _cid = _kept_out(tmp_path)

    async def run() -> None:
        app = make_app(db_file(db), config=Config())
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            caption = app.screen.help_table().caption
            said = str(caption)
            assert "✓ another source in its claim says the same," in said
            assert "corroborated by another source" not in said

    asyncio.run(run())
