"""A statement matched by many others: the claim panel lays out (and reads the evidence
of) only the first matches, the rest as the reader pages to them; what it shows is what
laying out every match at once showed, and its title counts them all."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import tui.components.library as library_mod
from db.connection import connect
from db.ingest import ingest_paths
from db.match_evidence import with_evidence
from db.match_reads import matches_for_statement
from tests.tui_fixtures import *  # noqa: F403 (pytest fixtures)
from tests.tui_fixtures import async_test, screen_text, settle
from tui.app import make_app
from tui.config import Config

CLAIM = "The city council approved 45 new electric buses on Monday, Mayor Ana Ruiz said."
OUTLETS = 40  # outlet 0's statement: 33 matches the same day or next, 6 four days after


def _many(path: Path) -> Path:
    """One claim in forty outlets, matched: outlets 34-39 four days later (only on the
    same event: 'related')."""
    records = [
        {
            "source": f"Outlet {i:02d}",
            "date": "2024-05-05" if i >= 34 else f"2024-05-0{1 + i % 2}",
            "title": f"Buses for the city, report {i}",
            "text": f"{CLAIM} Reporter {i} filed this from the town hall.",
            "id": f"o{i}",
        }
        for i in range(OUTLETS)
    ]
    data = path.with_suffix(".jsonl")
    data.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = connect(path)
    ingest_paths(db, [data], match=True)
    db.conn.close()
    return path


async def _on_the_claim(pilot: Any) -> Any:
    """Outlet 00's article open, the reader on its claim; returns the main screen."""
    app = pilot.app
    await settle(pilot)
    main = app.main
    first = next(
        i
        for i in range(main.articles.total)
        if (main.articles.row(i) or {}).get("source") == "Outlet 00"
    )
    main.articles.focus()
    while main.articles.cursor != first:
        await pilot.press("j" if main.articles.cursor < first else "k")
    await pilot.press("enter")
    await settle(pilot)
    reader = main.reader
    target = next(i for i, s in enumerate(reader.statements) if s["text"] == CLAIM)
    reader.focus()
    while reader.cursor != target:
        await pilot.press("j" if reader.cursor < target else "k")
    await settle(pilot)
    return main


def _all_at_once(path: Path, statement_id: int) -> list[dict[str, Any]]:
    """Every match with its evidence, in the panel's order (own matches, then related)."""
    db = connect(path, readonly=True, create=False)
    try:
        found = with_evidence(db, statement_id, matches_for_statement(db, statement_id))
    finally:
        db.conn.close()
    return [m for m in found if m["relation"] != "related"] + [
        m for m in found if m["relation"] == "related"
    ]


@async_test
async def test_many_matches_lay_out_the_first_ones_and_page_to_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """39 matches: the first ones are laid out (their evidence read), the title counts
    all 39; j past the last laid out goes on to the next match (no bell), G reaches the
    last, and each match then reads as it did with every match laid out at once."""
    path = _many(tmp_path / "many.db")
    pairs: list[tuple[int, int]] = []
    evidence = library_mod.with_evidence

    def counted(db, statement_id, matches):  # type: ignore[no-untyped-def]
        pairs.append((statement_id, len(matches)))
        return evidence(db, statement_id, matches)

    monkeypatch.setattr(library_mod, "with_evidence", counted)
    app = make_app(path, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        main = await _on_the_claim(pilot)
        panel, matches = main.claims, main.claims.match_list
        assert panel.border_title == "Claims · 33 matches in 33 sources · 6 also on this event"
        assert len(panel.matches) == 39
        # Laid out: a page (no heading "also on this event" yet: it comes after 33).
        laid = matches.option_count
        assert 0 < laid < 33, laid
        assert matches.get_option("m0") is not None
        # The evidence of the laid-out matches only (other statements' are read ahead).
        sid = main.reader.current["id"]
        read = sum(n for s, n in pairs if s == sid)
        assert 0 < read <= laid, pairs
        expected = _all_at_once(path, sid)
        assert [m["statement_id"] for m in panel.matches] == [m["statement_id"] for m in expected]
        await pilot.press("tab")  # reader -> the matches
        assert app.focused is matches
        bells: list[None] = []
        monkeypatch.setattr(app, "bell", lambda: bells.append(None))
        for _ in range(20 * laid):  # j reads each match to its end, then the next
            if matches.highlighted == laid + 2:
                break
            await pilot.press("j")
        await pilot.pause()
        assert not bells
        assert matches.highlighted == laid + 2
        assert matches.option_count > laid + 2
        shown = panel.matches[matches.highlighted]
        assert shown["source"] in screen_text(app)
        await pilot.press("G")
        await pilot.pause()
        assert matches.option_count == 39 + 1  # with the heading of the related ones
        assert matches.get_option("related").disabled
        assert panel.matches[-1]["source"] in screen_text(app)
        # Every match as it reads laid out at once: the same text, the same evidence.
        for i, match in enumerate(expected):
            prompt = matches.get_option(f"m{i}").prompt
            assert prompt.plain == panel.match_text(match).plain, i
        assert panel.border_title == "Claims · 33 matches in 33 sources · 6 also on this event"


@async_test
async def test_a_scroll_to_the_end_of_the_laid_out_matches_lays_out_more(
    tmp_path: Path,
) -> None:
    """Scrolling the list (a wheel, the scrollbar) to the end of the matches laid out
    lays out the next ones: the end of a page is never shown as the end of the list."""
    path = _many(tmp_path / "many.db")
    app = make_app(path, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        main = await _on_the_claim(pilot)
        await pilot.press("c")  # the panel alone
        await settle(pilot)
        matches = main.claims.match_list
        before = matches.option_count
        assert before < 33
        matches.scroll_to(y=matches.max_scroll_y, animate=False, immediate=True)
        await pilot.pause()
        assert matches.option_count > before
        # What follows the pane's last line is laid out: a pane more at least.
        bottom = int(matches.scroll_y) + matches.scrollable_content_region.height
        assert matches.virtual_size.height >= bottom + matches.scrollable_content_region.height


@async_test
async def test_a_tall_pane_is_filled_with_matches(tmp_path: Path) -> None:
    """The panel alone on a tall terminal shows every match that fits, past the first
    page (here all 39: laid out as they were at once)."""
    path = _many(tmp_path / "many.db")
    app = make_app(path, config=Config())
    async with app.run_test(size=(100, 120)) as pilot:
        main = await _on_the_claim(pilot)
        await pilot.press("c")
        await settle(pilot)
        matches = main.claims.match_list
        assert matches.scrollable_content_region.height > 100
        assert matches.option_count == 40
        assert main.claims.matches[20]["source"] in screen_text(app)


@async_test
async def test_the_status_line_names_the_statement_in_words(tmp_path: Path) -> None:
    """After c the status line read "article 1 · 1 (0–2)", taken for code: it says
    "article 1 · statement 1" and the article's numbers, (0–2); the claim panel keeps
    the CLI's name (`claimlens matches`: article 1 · 1)."""
    path = _many(tmp_path / "many.db")
    app = make_app(path, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        main = await _on_the_claim(pilot)
        await pilot.press("c")
        await settle(pilot)
        article, seq = main.reader.article["id"], main.reader.current["seq"]
        last = main.reader.statements[-1]["seq"]
        status = screen_text(app).splitlines()[0]
        assert f"article {article} · statement {seq}  (0–{last})" in status, status
        assert f"article {article} · {seq} (" not in status, status
        assert f"article {article} · {seq}" in screen_text(app).split("Claims")[1]
