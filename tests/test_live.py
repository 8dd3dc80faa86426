"""The browser updates live: articles another connection commits while the app runs
show up in the list, the cursor stays on its article, a search is kept, an "N new"
notice appears, and ``u`` jumps to the newest."""

from __future__ import annotations

from pathlib import Path

from db.connection import connect
from db.ingest import ingest_paths
from tests.tui_fixtures import *  # noqa: F403
from tests.tui_fixtures import async_test, settle
from tui.components.main_screen import MainScreen

NEW_ARTICLES = {
    "storm.txt": "Storm closes the harbour bridge\n\nThe harbour bridge was closed on"
    " Tuesday after a storm damaged two of its cables, the city council said.",
    "budget.txt": "Council passes the city budget\n\nThe city council passed a budget of"
    " 40 million euros on Wednesday, with 12 votes to 9.",
    "rail.txt": "Railway workers end their strike\n\nRailway workers ended a three-day"
    " strike on Thursday after the union accepted a pay rise of 4 percent.",
}


def main_of(app) -> MainScreen:  # type: ignore[no-untyped-def]
    return app.main


def status_text(main: MainScreen) -> str:
    return str(main.query_one("#status").render())


async def wait_for(pilot, condition, tries: int = 100) -> bool:  # type: ignore[no-untyped-def]
    """Let the app run (0.1 s at a time, at most ``tries`` times) until ``condition()``."""
    for _ in range(tries):
        if condition():
            return True
        await pilot.pause(0.1)
    return condition()


def commit_articles(db_path: Path, folder: Path) -> list[int]:
    """Another connection (as another process would) ingests the new articles."""
    folder.mkdir()
    for name, text in NEW_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    other = connect(db_path)
    try:
        report = ingest_paths(other, [folder], source="Live Wire")
    finally:
        other.conn.close()
    assert report.added == len(NEW_ARTICLES)
    return list(report.changed_article_ids)


@async_test
async def test_new_articles_appear_without_moving_the_cursor(demo_app, demo_db, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = main_of(app)
        before = main.counts[0]
        # The reader is on the second article and has searched for something.
        await pilot.press("j")
        await settle(pilot)
        cursor_article = main.articles.current["id"]
        await pilot.press("slash")
        await pilot.press(*"troops")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        hits, query = list(main.hits), main.hit_query
        assert hits and query == "troops"
        await pilot.press("escape")  # back to the list
        await settle(pilot)
        cursor_article = main.articles.current["id"]
        cursor_index = main.articles.cursor

        new_ids = commit_articles(demo_db, tmp_path / "incoming")

        assert await wait_for(pilot, lambda: main.counts[0] == before + len(NEW_ARTICLES))
        await settle(pilot)
        # The list holds them, and the cursor is still on the same article.
        assert main.articles.total >= before + len(NEW_ARTICLES)
        assert main.articles.current["id"] == cursor_article
        assert main.articles.cursor >= cursor_index
        # The search is kept: n still steps through the same hits.
        assert main.hits == hits and main.hit_query == "troops"
        # "N new": in the status line and in a notice naming the key.
        assert main.new_articles == len(NEW_ARTICLES)
        assert f"{len(NEW_ARTICLES)} new" in status_text(main)
        notices = [n.message for n in app._notifications]
        assert any(m.startswith("3 new articles: press u") for m in notices)

        await pilot.press("u")
        await settle(pilot)
        assert main.articles.current["id"] == max(new_ids)
        assert main.reader.article["id"] == max(new_ids)
        assert main.new_articles == 0 and " new" not in status_text(main)

        # The article in the reader is replaced (a changed feed entry): the reader shows
        # the new text; nothing counts as new.
        newest = main.reader.article
        name = next(n for n, t in NEW_ARTICLES.items() if t.startswith(newest["title"]))
        changed = NEW_ARTICLES[name] + " A court upheld the agreement on Friday."
        (tmp_path / "incoming" / name).write_text(changed, encoding="utf-8")
        other = connect(demo_db)
        try:
            assert ingest_paths(other, [tmp_path / "incoming"], source="Live Wire").replaced == 1
        finally:
            other.conn.close()
        assert await wait_for(pilot, lambda: "court upheld" in main.reader.article["text"])
        assert main.reader.article["id"] == newest["id"] == main.articles.current["id"]
        assert main.new_articles == 0
        # Let the claim panel's delayed refresh finish before the app closes (it fails
        # when it runs during the teardown: ClaimPanel._show_pending, not this test's).
        await settle(pilot)


@async_test
async def test_no_change_reads_nothing_again(demo_app) -> None:  # type: ignore[no-untyped-def]
    app = demo_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        main = main_of(app)
        fetches = main.articles.fetches
        await pilot.pause(2.5)  # two polls or more
        main.check_for_new_articles()
        assert main.articles.fetches == fetches and main.new_articles == 0


@async_test
async def test_newest_with_the_new_article_filtered_out_stays_and_says_so(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """QA A8: "1 new", but the source filter hides it: u says so and leaves the cursor
    where it is, rather than jumping to the newest of the older articles listed."""
    from tests.tui_fixtures import ingested_db, one_sentence_articles
    from tui.app import make_app
    from tui.config import Config

    # Nine articles of three wires; the lowest ids have the latest dates, so the list's
    # first row is not the newest article of its wire.
    data = one_sentence_articles(tmp_path / "old.jsonl", 9, lambda i: f"2024-01-{20 - i:02d}")
    db_path = ingested_db(tmp_path / "live.db", [data])
    app = make_app(db_path, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = main_of(app)
        main.set_source("Wire 0")
        await settle(pilot)
        rows = [main.articles.row(i) for i in range(main.articles.total)]
        assert [r["source"] for r in rows] == ["Wire 0"] * 3
        here = main.articles.current["id"]
        assert here != max(r["id"] for r in rows)

        commit_articles(db_path, tmp_path / "incoming")  # from "Live Wire"
        assert await wait_for(pilot, lambda: main.new_articles == len(NEW_ARTICLES))
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert main.articles.current["id"] == here
        notices = [n.message for n in app._notifications]
        assert any("new articles are hidden by the filters" in m for m in notices), notices
        assert main.new_articles == len(NEW_ARTICLES)  # still new: x, then u, shows them

        await pilot.press("x", "u")
        await settle(pilot)
        assert main.articles.current["source"] == "Live Wire"
        assert main.new_articles == 0


def _harlow(folder: Path, source: str, million: int) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / "aid.txt"
    path.write_text(
        f"Harlow asks state for ${million} million in flood aid\n\n"
        f"Harlow Mayor Dana Whitcomb asked the state for ${million} million in emergency aid"
        " on Friday after the dam broke.",
        encoding="utf-8",
    )
    return folder


@async_test
async def test_the_claim_panel_shows_a_match_whose_other_side_was_replaced(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """QA qa10: with one article open, ``follow`` replaced the article its statement
    matches (a feed entry updated, "$15 million" now "$16 million"): the article open
    was the same, so the claim panel kept saying "$15 million there" until another key."""
    from tui.app import make_app
    from tui.config import Config

    db_path = tmp_path / "live.db"
    db = connect(db_path)
    try:
        ingest_paths(db, [_harlow(tmp_path / "east", "East", 12)], source="East")
        ingest_paths(db, [_harlow(tmp_path / "west", "West", 15)], source="West")
    finally:
        db.conn.close()
    app = make_app(db_path, config=Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = main_of(app)
        while main.reader.article["title"] != "Harlow asks state for $12 million in flood aid":
            await pilot.press("j")
            await settle(pilot)
        await pilot.press("enter", "j")  # the text's first sentence: its conflict
        await settle(pilot)

        def other_sides() -> str:
            return " ".join(m["text"] for m in main.claims.matches)

        assert "$15 million" in other_sides()

        other = connect(db_path)
        try:
            report = ingest_paths(other, [_harlow(tmp_path / "west", "West", 16)], source="West")
            assert report.replaced == 1
        finally:
            other.conn.close()
        assert await wait_for(pilot, lambda: "$16 million" in other_sides()), other_sides()
        assert "$15 million" not in other_sides()
        await settle(pilot)
