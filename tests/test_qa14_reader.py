"""What the last walk left: `stats` splits its same matches as the list and the claim
panel count them (✓ within one claim, the others apart), the help says what ✓ means
now, and a common plural noun opening a headline ("Hackers claim …") is no one's name
for its quotation either."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from db import match_reads
from db.connection import connect
from db.ingest import ingest_paths
from db.quote_reads import speakers_counted
from db.statements import analyse
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
    assert any(line.split() == ["same,", "one", "claim", "(✓)", "1"] for line in text)
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


# A common plural noun opening a sentence is read as no one's name for the statement
# (db.statements._common_subjects: "Producers say …"); its quotation kept the name, so the
# `w` picker listed "Hackers (anyone named Hackers)". The nouns here are in no list of
# the speaker code.
_PLURAL_OPENERS = [
    "Landlords allege the exchange still controls 'stolen' coins",
    "Miners warn the pit closures will be 'endless'",
    "Tenants say the mayor's account is 'fiction'",
]


def _quote_speakers(text: str) -> list[tuple[str | None, str | None, str | None]]:
    out = analyse(text, text.index("\n\n") + 2)
    return [(q.speaker, q.speaker_kind, q.speaker_key) for st in out for q in st.quotes]


@pytest.mark.parametrize("headline", _PLURAL_OPENERS)
def test_a_plural_noun_opening_a_headline_speaks_as_described_not_named(headline: str) -> None:
    who = headline.split()[0]
    said = _quote_speakers(headline + "\n\nThe city answered on Monday.\n")
    assert said == [(who, "common", None)]


# Guards (pass before and after): a name keeps its reading, and so does a word the
# article capitalises inside a sentence too (a body's name), as the statement does.
_NAMED_OPENERS = [
    ("Sanders says the bill is 'dead'\n\nThe vote is on Monday.\n", "Sanders"),
    ("Row\n\nThe film was made by Producers United. Producers say it is 'final'.\n", "Producers"),
]


@pytest.mark.parametrize(("text", "who"), _NAMED_OPENERS)
def test_a_name_opening_a_sentence_keeps_its_quotation(text: str, who: str) -> None:
    assert _quote_speakers(text) == [(who, "named", who.lower())]


def test_the_speaker_picker_lists_no_plural_noun_as_a_name(tmp_path: Path) -> None:
    """UCI's "Hackers claim MtGox still has access to 'missing' Bitcoin" gave the `w`
    picker "Hackers (anyone named Hackers)": a quote with the speaker's key."""
    db = connect(tmp_path / "h.db")
    path = tmp_path / "a.txt"
    path.write_text(
        "Gamers claim exchange still has access to 'missing' coins\n\n"
        "The exchange denied it on Monday.\n",
        encoding="utf-8",
    )
    ingest_paths(db, [path], source="Wire", match=False)
    (kind,) = db.execute("SELECT speaker_kind FROM quotes WHERE speaker = 'Gamers'").fetchone()
    assert kind == "common"
    rows, _total = speakers_counted(db)
    assert "Gamers" not in {name for name, *_ in rows}
