"""Issue 11, point 1: two statements judged `related` (one event, another claim) are
never in one claim, however they reach it (both matching its centre, or one brought
along), so a claim's sources are only outlets that corroborate one another."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from db_helpers import claim_rows

from db.claims import claim_detail, list_claims, place_claims, rebuild_claims
from db.grouping import CENTRE, FRINGE, Placer
from tests.test_claims import _matched, _unmatched
from tests.test_qa12_reader import _open_statement, _screen_text
from tests.test_relations import db_file
from tests.tui_fixtures import settle
from tui.app import make_app
from tui.config import Config


def _placer(apart: dict[int, set[int]]) -> Placer:
    return Placer(lambda _item: (None, CENTRE), lambda item: apart.get(item, set()))


def _apart(*pairs: tuple[int, int]) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {}
    for a, b in pairs:
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return out


def test_an_item_matching_the_centre_does_not_join_beside_one_judged_apart() -> None:
    placer = _placer(_apart((2, 3)))
    placer.place(1, [])
    placer.place(2, [(1, 0.9)])
    placer.place(3, [(1, 0.9)])  # matches the centre, but 2 is in its group
    assert placer.groups() == {-1: [1, 2]}
    assert placer.where(3) == (None, CENTRE)


def test_an_item_joins_the_best_group_it_fits() -> None:
    placer = _placer(_apart((2, 5)))
    for item, older in ((1, []), (2, [(1, 0.9)]), (3, []), (4, [(3, 0.9)])):
        placer.place(item, older)
    # 1's group ranks first (stronger), but holds 2, judged apart from 5: 3's group.
    placer.place(5, [(1, 0.9), (3, 0.5)])
    assert placer.groups() == {-1: [1, 2], -3: [3, 4, 5]}


def test_an_item_brought_along_fits_every_member_not_only_the_centre() -> None:
    placer = _placer(_apart((2, 3)))
    for item in (1, 2, 3):
        placer.place(item, [])
    placer.place(4, [(1, 0.9), (2, 0.8), (3, 0.8)])  # bridges three lone centres
    assert placer.groups() == {-1: [1, 2, 4]}
    assert placer.where(2) == (-1, FRINGE) and placer.where(3) == (None, CENTRE)


def _three_outlets(tmp_path: Path):
    """A (Wire) same as B (Daily) and as C (Herald); B and C judged related."""
    db, conn, s = _unmatched(tmp_path)
    a, b, c = s[1], s[4], s[7]
    _matched(db, [(a, b, 80.0, "same"), (a, c, 85.0, "same"), (b, c, 60.0, "related")])
    return db, conn, (a, b, c)


def test_two_outlets_judged_related_are_not_both_in_a_claim(tmp_path: Path) -> None:
    db, conn, (a, b, c) = _three_outlets(tmp_path)
    rebuild_claims(conn)
    rebuilt = claim_rows(db)
    assert {r[0] for r in rebuilt} == {frozenset({a, b})}  # B, the older, joined first
    (claim,) = list_claims(db)
    detail = claim_detail(db, claim["id"])
    assert detail is not None
    assert [g["source"] for g in detail["sources"]] == ["Wire", "Daily"]
    assert claim["n_sources"] == detail["n_sources"] == 2
    # Statement by statement (as ingest places them) gives what a rebuild gives.
    conn.execute("UPDATE statements SET claim_id = NULL")
    conn.execute("DELETE FROM claims")
    for sid in (a, b, c):
        place_claims(conn, {sid}, new={sid})
    assert claim_rows(db) == rebuilt


def test_the_cli_and_the_claim_panel_count_the_claims_own_sources(tmp_path: Path) -> None:
    """qa12's walk: the panel on B said "3 sources in all" (A, B and C, which B's own
    list shows only as "also on this event") while `claims --id` listed three outlets."""
    from click.testing import CliRunner

    from tui.cli import main

    db, conn, (_a, b, _c) = _three_outlets(tmp_path)
    rebuild_claims(conn)
    conn.commit()
    path = db_file(db)
    (cid,) = {r[0] for r in db.execute("SELECT claim_id FROM statements WHERE id = ?", (b,))}
    result = CliRunner().invoke(main, ["--db", path, "claims", "--id", str(cid), "--json"])
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    assert shown["n_sources"] == len(shown["sources"]) == 2
    assert {g["source"] for g in shown["sources"]} == {"Wire", "Daily"}

    async def run() -> None:
        app = make_app(path, config=Config())
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await _open_statement(pilot, "Daily", b)
            panel = app.main.claims
            assert sorted(m["relation"] for m in panel.matches) == ["related", "same"]
            text = _screen_text(app)
            assert f"claim {cid}" in text
            assert "sources in all" not in text, text

    asyncio.run(run())
