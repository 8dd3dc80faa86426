"""Stories: every outlet's article on one event in one story (short articles and
headlines too), never two events in one, and a story as a thing to read.

The articles are written for these tests (invented towns and people)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from db import article_evidence as ev
from db import matching, stories
from db.connection import connect, transaction
from db.dates import day_number
from db.ingest import ingest_paths
from db.story_reads import count_stories, list_stories, story_articles, story_view
from tui.cli import main as cli_main

BRIDGE = [
    "The Harbour Bridge in Port Elso was closed on Tuesday after inspectors found cracks in"
    " two of its support cables.",
    "Mayor Lena Okafor said repairs would take at least six weeks.",
    "About 40,000 vehicles cross the bridge every day, and ferries will add sailings.",
]
BRIDGE_2 = [
    "Port Elso shut its Harbor Bridge on Tuesday when inspectors discovered cracked support"
    " cables.",
    "The repairs would need at least six weeks, Mayor Lena Okafor told reporters.",
    "Some 40,000 vehicles use the bridge daily.",
]
STRIKE = [
    "Dock workers at the port of Valmora walked out on Wednesday in a dispute over night-shift"
    " pay.",
    "The union said 1,200 members had joined the strike.",
    "Shipping companies diverted three container ships to Corvel.",
]
STRIKE_2 = [
    "Valmora's dock workers went on strike on Wednesday over pay for night shifts.",
    "According to the union, 1,200 of its members joined the strike.",
    "Three container ships were sent to Corvel instead.",
]


def write(
    tmp_path: Path, name: str, source: str, date: str | None, title: str, body: list[str]
) -> tuple[Path, str]:
    """One article file (headline line with its date, blank line, body)."""
    path = tmp_path / f"{name}.json"
    record = {"source": source, "title": title, "text": "\n\n".join(body), "url": f"t:{name}"}
    if date:
        record["date"] = date
    path.write_text(json.dumps(record), encoding="utf-8")
    return path, source


def ingest(db, files: list[tuple[Path, str]], *, match: bool = True) -> None:
    for path, source in files:
        ingest_paths(db, [path], source=source, match=match)


def groups(db) -> list[set[str]]:
    """Each story as the set of its articles' urls (t:name)."""
    out: dict[int, set[str]] = {}
    for url, sid in db.execute("SELECT url, story_id FROM articles WHERE story_id IS NOT NULL"):
        out.setdefault(sid, set()).add(url[2:])
    return sorted(out.values(), key=sorted)


def story_of(db, name: str) -> int | None:
    return db.execute("SELECT story_id FROM articles WHERE url = ?", (f"t:{name}",)).fetchone()[0]


def bridge_and_strike(tmp_path: Path) -> list[tuple[Path, str]]:
    return [
        write(tmp_path, "bridge_a", "Alpha", "2024-05-07", "Harbour Bridge closed", BRIDGE),
        write(tmp_path, "bridge_b", "Beta", "2024-05-07", "Port Elso shuts bridge", BRIDGE_2),
        write(tmp_path, "strike_a", "Alpha", "2024-05-08", "Valmora dockers strike", STRIKE),
        write(tmp_path, "strike_b", "Beta", "2024-05-08", "Dock strike in Valmora", STRIKE_2),
    ]


def test_articles_of_one_event_form_one_story_and_two_events_two(tmp_path: Path) -> None:
    db = connect(tmp_path / "s.db")
    ingest(db, bridge_and_strike(tmp_path), match=False)
    report = matching.match_all(db)
    assert report.stories == 2
    assert groups(db) == [{"bridge_a", "bridge_b"}, {"strike_a", "strike_b"}]
    assert {s["n_sources"] for s in list_stories(db)} == {2}


def test_a_story_first_seen_on_one_day_by_two_outlets_names_both(tmp_path: Path) -> None:
    """Two outlets on one day, dated by the day only: which was first is not known, so
    the story's first sighting names both, in the CLI too (the order they were stored in
    read as "first")."""
    from tui.cli.matching import story_text

    db = connect(tmp_path / "s.db")
    ingest(db, bridge_and_strike(tmp_path))
    sid = db.execute("SELECT story_id FROM articles WHERE url = 't:bridge_a'").fetchone()[0]
    view = story_view(db, sid)
    assert view is not None
    assert view["first_seen"]["source"] == "Alpha"
    assert view["first_seen"]["sources"] == ["Alpha", "Beta"]
    assert "  first seen 2024-05-07 · Alpha, Beta" in story_text(view)


def test_short_and_headline_only_articles_join_the_story(tmp_path: Path) -> None:
    db = connect(tmp_path / "s.db")
    files = [
        *bridge_and_strike(tmp_path),
        write(
            tmp_path,
            "bridge_short",
            "Gamma",
            "2024-05-07",
            "Cracked cables close Port Elso's Harbour Bridge",
            ["Inspectors found the cracks on Tuesday."],
        ),
        write(
            tmp_path,
            "bridge_headline",
            "Delta",
            "2024-05-08",
            "Harbour Bridge in Port Elso closed for six weeks over cracked cables",
            [],
        ),
        write(
            tmp_path, "strike_headline", "Delta", "2024-05-08", "Valmora dock workers strike", []
        ),
    ]
    ingest(db, files)  # matched and placed one by one
    assert groups(db) == [
        {"bridge_a", "bridge_b", "bridge_headline", "bridge_short"},
        {"strike_a", "strike_b", "strike_headline"},
    ]


def test_an_opinion_piece_joins_the_report_of_its_event(tmp_path: Path) -> None:
    db = connect(tmp_path / "s.db")
    files = [
        *bridge_and_strike(tmp_path),
        write(
            tmp_path,
            "bridge_opinion",
            "Epsilon",
            "2024-05-09",
            "Opinion: Port Elso let its Harbour Bridge rot",
            [
                "Nobody who drives over the Harbour Bridge should be surprised that its cables"
                " cracked.",
                "For a decade Port Elso has put off maintenance to keep taxes low, and Mayor"
                " Lena Okafor is only the latest to look away.",
                "Six weeks of closure is the bill for that neglect.",
            ],
        ),
    ]
    ingest(db, files)
    assert story_of(db, "bridge_opinion") == story_of(db, "bridge_a") is not None
    # It shares at most one claim with the reports (stories needed two before): the
    # article evidence links it.
    shared = db.execute(
        "SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id"
        " WHERE a.url = 't:bridge_opinion' AND s.claim_id IS NOT NULL"
    ).fetchone()[0]
    assert shared <= 1


def test_two_events_of_one_day_with_the_same_people_stay_two_stories(tmp_path: Path) -> None:
    db = connect(tmp_path / "s.db")
    library = [
        "Mayor Lena Okafor opened the new Port Elso public library on Friday.",
        "The library on Quay Street holds 80,000 books and a children's wing.",
        "It cost 12 million euros, paid by a regional grant.",
    ]
    library_2 = [
        "Port Elso's new public library on Quay Street opened its doors on Friday,"
        " with Mayor Lena Okafor cutting the ribbon.",
        "Its shelves hold 80,000 books.",
    ]
    budget = [
        "The Port Elso council rejected Mayor Lena Okafor's budget on Friday by 14 votes to 9.",
        "The plan would have raised parking fees to pay for road repairs.",
        "Okafor said she would bring a new budget within a month.",
    ]
    budget_2 = [
        "Councillors in Port Elso voted down the budget of Mayor Lena Okafor on Friday, 14 to 9.",
        "Higher parking fees in the plan had angered shop owners.",
    ]
    files = [
        write(tmp_path, "library_a", "Alpha", "2024-06-07", "Okafor opens new library", library),
        write(tmp_path, "budget_a", "Alpha", "2024-06-07", "Council rejects Okafor budget", budget),
        write(tmp_path, "library_b", "Beta", "2024-06-07", "Port Elso library opens", library_2),
        write(tmp_path, "budget_b", "Beta", "2024-06-07", "Okafor's budget voted down", budget_2),
    ]
    ingest(db, files)
    assert groups(db) == [{"budget_a", "budget_b"}, {"library_a", "library_b"}]


def _roundup(tmp_path: Path, name: str) -> tuple[Path, str]:
    """An undated article telling both events (a weekly round-up)."""
    return write(
        tmp_path,
        name,
        "Zeta",
        None,
        "Week in review: Harbour Bridge closed, Valmora dockers strike",
        [BRIDGE[0], STRIKE[0], BRIDGE[1], STRIKE[1]],
    )


@pytest.mark.parametrize("first", [True, False], ids=["undated-first", "undated-last"])
def test_undated_articles_never_bridge_two_stories(tmp_path: Path, first: bool) -> None:
    db = connect(tmp_path / "s.db")
    files = bridge_and_strike(tmp_path)
    undated = [_roundup(tmp_path, "roundup"), _roundup(tmp_path, "roundup2")]
    ingest(db, undated + files if first else files + undated)
    found = groups(db)
    bridge = next(g for g in found if "bridge_a" in g)
    strike = next(g for g in found if "strike_a" in g)
    assert bridge != strike
    assert {"bridge_b"} <= bridge and {"strike_b"} <= strike
    assert not any({"bridge_a", "strike_a"} <= g for g in found)


def test_one_by_one_equals_a_rebuild(tmp_path: Path) -> None:
    db = connect(tmp_path / "s.db")
    files = [
        *bridge_and_strike(tmp_path),
        _roundup(tmp_path, "roundup"),
        write(tmp_path, "bridge_h", "Delta", "2024-05-08", "Port Elso bridge cables cracked", []),
    ]
    ingest(db, files)
    incremental = groups(db)
    links = set(db.execute("SELECT a, b, score FROM story_links"))
    matching.match_all(db)  # placed again from the stored profiles
    assert groups(db) == incremental
    with transaction(db) as conn:  # profiled again too, in id order
        for table in ("article_profiles", "article_df", "story_links"):
            conn.execute(f"DELETE FROM {table}")
        stories.rebuild_stories(conn)
    assert groups(db) == incremental
    assert set(db.execute("SELECT a, b, score FROM story_links")) == links


def test_a_replaced_article_is_profiled_again(tmp_path: Path) -> None:
    db = connect(tmp_path / "s.db")
    ingest(db, bridge_and_strike(tmp_path))
    assert story_of(db, "bridge_b") == story_of(db, "bridge_a")
    # Beta's article now tells the strike (same url: replaced in place).
    ingest(
        db,
        [write(tmp_path, "bridge_b", "Beta", "2024-05-08", "Dock strike in Valmora", STRIKE_2)],
    )
    assert story_of(db, "bridge_b") == story_of(db, "strike_a")
    assert story_of(db, "bridge_a") is None  # alone now
    (n,) = db.execute("SELECT count(*) FROM article_profiles").fetchone()
    assert n == 4


def test_matched_statements_and_templates(monkeypatch) -> None:
    import sqlite3

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE statements (id INTEGER PRIMARY KEY, article_id INTEGER)")
    conn.execute("CREATE TABLE matches (a INTEGER, b INTEGER, relation TEXT)")
    # Articles 10..14 (statements 1-2, 3-4, 5, 6, 7). 11 matches 10 by two statements
    # (same, conflict); 12 is related to 11 by one; 13's statement matches all three
    # older articles (a template, with the limit at 2); 14's matches 10's two
    # statements, as related and as the same claim (counted once, as the same); a
    # 'different' pair counts for nothing.
    conn.executemany(
        "INSERT INTO statements VALUES (?, ?)",
        [(1, 10), (2, 10), (3, 11), (4, 11), (5, 12), (6, 13), (7, 14)],
    )
    conn.executemany(
        "INSERT INTO matches VALUES (?, ?, ?)",
        [
            (1, 3, "same"),
            (2, 4, "conflict"),
            (3, 5, "related"),
            (1, 6, "same"),
            (3, 6, "same"),
            (5, 6, "related"),
            (1, 7, "related"),
            (2, 7, "same"),
            (5, 7, "different"),
        ],
    )
    monkeypatch.setattr(stories, "STORY_MAX_STATEMENT_MATCHES", 2)
    everything = {(10, 11): (2, 0), (11, 12): (0, 1), (10, 14): (1, 0)}
    assert stories._matched_pairs(conn, None) == everything
    assert stories._matched_pairs(conn, [13]) == {}
    assert stories._matched_pairs(conn, [10]) == {(10, 11): (2, 0), (10, 14): (1, 0)}
    # A full match counts them from the matches it holds, as they are written.
    results = [
        (a, b, 90.0, relation, None) for a, b, relation in conn.execute("SELECT * FROM matches")
    ]
    article_of = dict(conn.execute("SELECT id, article_id FROM statements"))
    assert matching._matched_articles(results, article_of) == everything
    monkeypatch.setattr(stories, "STORY_MAX_STATEMENT_MATCHES", 3)
    assert stories._matched_pairs(conn, [12]) == {(11, 12): (0, 1), (12, 13): (0, 1)}


def test_stories_placed_from_memory_read_the_matched_statements() -> None:
    # Two reports of one day with little article evidence (a weak link) and three
    # statements told alike: one story. Without those matches, none.
    meta = {1: (1, "2024-11-05", "Flood in Valencia"), 2: (2, "2024-11-05", "Spain counts dead")}
    profiles = {
        aid: ev.Profile(aid, day_number(m[1]), {}, {}, {}, frozenset(), [], [])
        for aid, m in meta.items()
    }
    evidence = {(1, 2): -2.9}

    def read(ids: Iterable[int]) -> dict[int, ev.Profile]:
        return {a: profiles[a] for a in ids}

    placed = stories.place_stored(evidence, {(1, 2): (3, 0)}, meta, read)
    assert len(set(placed.stories.values())) == 1 and set(placed.stories) == {1, 2}
    assert stories.place_stored(evidence, {}, meta, read).stories == {}


# ------------------------------------------------------------------ reading


def _read_db(tmp_path: Path):
    db = connect(tmp_path / "s.db")
    files = [
        *bridge_and_strike(tmp_path),
        write(
            tmp_path,
            "bridge_c",
            "Gamma",
            "2024-05-07",
            "Harbour Bridge shut for repairs",
            [
                "The Harbour Bridge in Port Elso was closed on Tuesday after inspectors found"
                " cracks in two of its support cables.",
                "Mayor Lena Okafor said repairs would take at least nine weeks.",
                "Engineers from Corvel University will assess the towers next month.",
            ],
        ),
        write(tmp_path, "other", "Omega", "2024-05-06", "Storm warning for the coast", ["Rain."]),
    ]
    ingest(db, files, match=False)
    matching.match_all(db)
    return db


def _plain(table) -> str:  # type: ignore[no-untyped-def]
    """A rich Table as the plain text it prints (wide, no colour)."""
    from rich.console import Console

    console = Console(width=200, color_system=None, record=True)
    console.print(table)
    return console.export_text()


def test_a_story_to_read(tmp_path: Path) -> None:
    db = _read_db(tmp_path)
    view = story_view(db, story_of(db, "bridge_a"))
    assert view is not None
    assert view["first_seen"]["date"] == "2024-05-07"
    assert set(view["outlets"]) == {"Alpha", "Beta", "Gamma"}
    assert {a["title"] for a in view["articles"]} >= {"Harbour Bridge closed"}
    assert view["title"] in {a["title"] for a in view["articles"]}
    top = view["claims"][0]
    assert top["n_outlets"] == 3
    assert "Harbour Bridge" in top["text"] or "Harbor Bridge" in top["text"]
    # Six weeks against nine: a conflict between two of its outlets.
    assert any(
        {c["a"]["source"], c["b"]["source"]} <= {"Alpha", "Beta", "Gamma"}
        and ("nine" in c["a"]["text"] or "nine" in c["b"]["text"])
        for c in view["conflicts"]
    )
    # Its numbers are said with it, in the CLI and in the browser's list of conflicts
    # (QA: only `matches` showed "48 vs 47").
    from tui.cli.matching import story_text
    from tui.components.story_view import conflict_sides

    # (view68: one line a side, each naming its values; the browser's labels are them)
    lines = story_text(view)
    sides = [line for line in lines if line.lstrip().startswith(("at least", "vs at least"))]
    assert len(sides) == 2 * len(view["conflict_groups"]) > 0
    values = {line.strip().removeprefix("vs ").split(" — ")[0] for line in sides}
    assert values == {"at least six", "at least nine"}
    rows = [_plain(row) for _sid, row in conflict_sides(view)]
    assert [
        ("at least nine" in r.splitlines()[0] or "at least six" in r.splitlines()[0]) for r in rows
    ] == [True] * len(rows)
    blind = view["blindspot"]
    assert blind["missing_sources"] == ["Omega"]  # active the day before, did not report it
    solo = {s["source"]: s for s in blind["only_one_outlet"]}
    assert any("Corvel University" in st["text"] for st in solo["Gamma"]["statements"])


def test_a_long_blindspot_shows_the_most_active_sources_and_counts_the_rest(
    tmp_path: Path,
) -> None:
    """QA finding 8: ~1,900 sources in one paragraph. The text shows the most active
    sources of those days and counts the others; --json lists them all."""
    db = _read_db(tmp_path)
    extra = [
        write(
            tmp_path, f"rain_{i}_{n}", f"Outlet {i:02d}", "2024-05-06", f"Rain {i} {n}", ["Rain."]
        )
        for i in range(30)
        for n in range(3 if i == 7 else 1)
    ]
    ingest(db, extra, match=False)
    story = str(story_of(db, "bridge_a"))
    args = ["--db", str(tmp_path / "s.db"), "stories", "--id", story]
    text = CliRunner().invoke(cli_main, args)
    assert text.exit_code == 0, text.output
    [line] = [x for x in text.output.splitlines() if "blindspot" in x]
    shown = line.split("did not report it: ")[1]
    assert shown.startswith("Outlet 07, ")  # 3 articles those days, the others 1
    assert shown.count(", ") == stories_text_cap()  # the last before "and 11 more"
    assert shown.endswith(f"and {31 - stories_text_cap()} more (--json lists all 31)")
    data = json.loads(CliRunner().invoke(cli_main, [*args, "--json"]).output)
    missing = data["blindspot"]["missing_sources"]
    assert missing == sorted(missing) and len(missing) == 31 and "Omega" in missing


def stories_text_cap() -> int:
    from db.story_reads import BLINDSPOT_SHOWN

    return BLINDSPOT_SHOWN


def test_stories_cli_json_and_hidden_single_source_stories(tmp_path: Path) -> None:
    db = _read_db(tmp_path)
    with transaction(db) as conn:  # a single-source story
        cur = conn.execute("INSERT INTO stories(title, n_articles, n_sources) VALUES ('x', 1, 1)")
        conn.execute("UPDATE articles SET story_id = ? WHERE url = 't:other'", (cur.lastrowid,))
    assert count_stories(db) == (2, 1)
    runner = CliRunner()
    args = ["--db", str(tmp_path / "s.db"), "stories"]
    out = runner.invoke(cli_main, [*args, "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["total"] == 2
    for story in data["stories"]:
        assert {"articles", "claims", "conflicts", "blindspot"} <= story.keys()
        assert {"id", "source", "date", "title"} <= story["articles"][0].keys()
    text = runner.invoke(cli_main, args)
    assert "1 story of fewer than 2 sources hidden — --min-sources 1 to show them" in text.output
    one = runner.invoke(cli_main, [*args, "--id", str(story_of(db, "bridge_a"))])
    assert "blindspot" in one.output and "Omega" in one.output
    arts = story_articles(db, story_of(db, "bridge_a"))
    assert len(arts) == 3


def test_the_story_view_in_the_browser(tmp_path: Path) -> None:
    from tests.tui_fixtures import async_test, screen_text, settle
    from tui.app import make_app
    from tui.components.search_screen import SearchScreen
    from tui.components.story_view import StoryScreen
    from tui.config import Config

    db = _read_db(tmp_path)
    db.conn.close()

    @async_test
    async def run() -> None:
        app = make_app(tmp_path / "s.db", config=Config())
        async with app.run_test(size=(80, 12)) as pilot:  # the story needs scrolling
            await settle(pilot)
            await pilot.press("o")  # the first row: the newest story's heading
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, StoryScreen)
            shown = screen_text(app)
            assert "Articles (2)" in shown and "Claims its outlets share" in shown
            await pilot.press("C")
            await settle(pilot)
            scroll = screen.query_one("#story-scroll")
            assert scroll.scroll_y > 0
            shown_at = screen.query_one("#story-conflicts").region
            assert scroll.region.y <= shown_at.y < scroll.region.bottom  # in sight
            assert "Conflicts (" in screen_text(app) and "Blindspot" in screen_text(app)
            await pilot.press("escape")
            await settle(pilot)
            assert not isinstance(app.screen, StoryScreen)
            # / in a story closes it and opens the search, as in the list.
            await pilot.press("o")
            await settle(pilot)
            assert isinstance(app.screen, StoryScreen)
            await pilot.press("/")
            await settle(pilot)
            assert isinstance(app.screen, SearchScreen), app.screen

    run()


def test_the_story_view_wraps_a_long_text_under_itself_not_under_its_label(
    tmp_path: Path,
) -> None:
    from rich.console import Console

    from tui.components.story_view import story_sections

    view = story_view(_read_db(tmp_path), story_of(_read_db(tmp_path), "bridge_a"))
    console = Console(width=50, color_system=None, record=True)
    for part in story_sections(view):
        console.print(part)
    lines = console.export_text().splitlines()
    (at,) = [i for i, line in enumerate(lines) if line.startswith("Claims its outlets share")]
    first, wrapped = lines[at + 1], lines[at + 2]
    after_label = first.index("outlets") + len("outlets")
    text_at = after_label + len(first[after_label:]) - len(first[after_label:].lstrip())
    assert first.startswith("  ")
    assert wrapped[:text_at].strip() == "" and wrapped[text_at] != " "


def test_a_large_story_takes_its_title_from_its_first_articles(tmp_path: Path, monkeypatch) -> None:
    """A story's title is chosen among its first TITLE_CANDIDATES articles (by date, then
    id), one by one and on a rebuild alike; here the cap is 1 to make it show."""
    files = [
        write(tmp_path, "bridge_h", "Delta", "2024-05-06", "Port Elso bridge cables cracked", []),
        *bridge_and_strike(tmp_path)[:2],
    ]

    def titles(db) -> set[str]:
        return {t for (t,) in db.execute("SELECT title FROM stories")}

    db = connect(tmp_path / "s.db")
    ingest(db, files)
    assert groups(db) == [{"bridge_a", "bridge_b", "bridge_h"}]
    assert titles(db) != {"Port Elso bridge cables cracked"}  # the most central is another
    monkeypatch.setattr(stories, "TITLE_CANDIDATES", 1)
    capped = connect(tmp_path / "c.db")
    ingest(capped, files)
    assert titles(capped) == {"Port Elso bridge cables cracked"}
    matching.match_all(capped)
    assert titles(capped) == {"Port Elso bridge cables cracked"}


def _late_article_merges_bridge_into_strike(
    tmp_path: Path,
) -> tuple[sqlite_utils.Database, int, int, stories.Placement]:
    """Three bridge articles and two strike ones in their stories, and a placement as
    if a late article joined the strike story and merged the (larger) bridge into it."""
    db = connect(tmp_path / "s.db")
    extra = write(tmp_path, "bridge_c", "Gamma", "2024-05-07", "Harbour Bridge shut", BRIDGE)
    ingest(db, [*bridge_and_strike(tmp_path), extra])
    assert groups(db) == [{"bridge_a", "bridge_b", "bridge_c"}, {"strike_a", "strike_b"}]
    bridge, strike = story_of(db, "bridge_a"), story_of(db, "strike_a")
    assert bridge is not None and strike is not None
    late = write(tmp_path, "late", "Delta", "2024-05-09", "Port news", ["Ships wait."])
    ingest(db, [late], match=False)
    (new,) = db.execute("SELECT id FROM articles WHERE url = 't:late'").fetchone()
    pool = ev.Pool()
    pool.n = 6
    placed = stories.Placement({new: strike}, {strike: pool}, {bridge: strike})
    return db, bridge, strike, placed


def test_a_merge_keeps_the_id_of_the_larger_story(tmp_path: Path) -> None:
    """When a placement merges a stored story into another, the merged story keeps the
    id of the larger, so that the fewer members move (a story of thousands merged into a
    small one would rewrite every row). Which id survives changes no story's members."""
    db, bridge, _strike, placed = _late_article_merges_bridge_into_strike(tmp_path)
    with transaction(db) as conn:
        written = stories._store(conn, placed)
    assert list(written) == [bridge] and written[bridge].n == 6
    assert groups(db) == [{"bridge_a", "bridge_b", "bridge_c", "late", "strike_a", "strike_b"}]
    assert story_of(db, "strike_a") == bridge
    assert {r[0] for r in db.execute("SELECT id FROM stories")} == {bridge}
    assert db.execute("SELECT story_id, n FROM story_pools").fetchall() == [(bridge, 6)]


def test_a_merge_keeps_the_title_when_the_candidates_do_not_change(
    tmp_path: Path, monkeypatch
) -> None:
    """A stored story that absorbs another keeps its title when none of the articles
    it gains (placed, or moved in with the story it absorbed) is among its title
    candidates, and chooses again when one is."""
    db, bridge, _strike, placed = _late_article_merges_bridge_into_strike(tmp_path)
    kept = {}
    for candidates in (3, 4):  # the bridge's three (dated 05-07); then strike_a (05-08)
        monkeypatch.setattr(stories, "TITLE_CANDIDATES", candidates)
        with transaction(db) as conn:
            written = stories._store(conn, placed)
            kept[candidates] = written[bridge].title_kept
            conn.execute("ROLLBACK")
            conn.execute("BEGIN")
    assert kept == {3: True, 4: False}


def test_a_title_is_chosen_again_only_when_its_candidates_change(
    tmp_path: Path, monkeypatch
) -> None:
    """Placing one article in a story keeps its title when the article is not among the
    title candidates (they and the evidence among them are unchanged), and chooses it
    again when it is: one by one, the title is always the rebuild's."""
    monkeypatch.setattr(stories, "TITLE_CANDIDATES", 2)
    bridge = [
        ("bridge_a", "Alpha", "2024-05-07", "Harbour Bridge closed", BRIDGE),
        ("bridge_b", "Beta", "2024-05-07", "Port Elso shuts bridge", BRIDGE_2),
        ("bridge_c", "Gamma", "2024-05-08", "Harbour Bridge cables cracked", BRIDGE),
        ("bridge_d", "Delta", "2024-05-06", "Port Elso bridge cables cracked", BRIDGE_2),
    ]
    db = connect(tmp_path / "s.db")

    def rebuilt_titles() -> set[str]:
        copy = tmp_path / "copy.db"
        copy.unlink(missing_ok=True)
        db.conn.backup(sqlite3.connect(copy))
        other = connect(copy)
        with transaction(other) as conn:
            stories.rebuild_stories(conn)
        titles = {t for (t,) in other.execute("SELECT title FROM stories")}
        other.conn.close()
        return titles

    kept = []
    for name, source, day, title, body in bridge:
        before = {t for (t,) in db.execute("SELECT title FROM stories")}
        ingest(db, [write(tmp_path, name, source, day, title, body)])
        now = {t for (t,) in db.execute("SELECT title FROM stories")}
        assert now == rebuilt_titles()
        kept.append(now == before)
    assert groups(db) == [{"bridge_a", "bridge_b", "bridge_c", "bridge_d"}]
    # bridge_c (the third, a day later) is no candidate: the title stays; bridge_d (a
    # day earlier) is one.
    assert kept[2] and db.execute("SELECT n_articles FROM stories").fetchone() == (4,)


def test_a_due_regroup_groups_on_the_matches_of_the_articles_matched_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a schema step that reads an old article again (its matches dropped, to be
    found again) and leaves every story to regroup, the next match regroups from every
    match as it then stands: the article is not placed on the groups made without its
    matches (that could keep it where a fresh ingest would not put it)."""
    from db.ingest import match_pending
    from db.upgrade import mark_regroup_due, regroup_due

    db = connect(tmp_path / "s.db")
    ingest(db, bridge_and_strike(tmp_path))
    fresh = groups(db)
    (old,) = db.execute("SELECT id FROM articles WHERE url = 't:bridge_a'").fetchone()
    with transaction(db) as conn:
        conn.execute(
            "DELETE FROM matches WHERE a IN (SELECT id FROM statements WHERE article_id = ?)"
            " OR b IN (SELECT id FROM statements WHERE article_id = ?)",
            (old, old),
        )
        conn.execute("UPDATE articles SET matched = 0 WHERE id = ?", (old,))
        mark_regroup_due(conn, 35)

    def placed(*_args: object) -> None:
        raise AssertionError("articles placed on groups about to be regrouped")

    monkeypatch.setattr(matching, "update_stories", placed)
    match_pending(db)
    assert not regroup_due(db)
    assert groups(db) == fresh


def test_the_browsers_regroup_reads_the_speakers_again_first(tmp_path: Path) -> None:
    """`claimlens regroup` (the browser runs it after an upgrade) does the speakers a
    schema step left to read again first, and matches the articles they changed, so
    that the regroup groups on their matches."""
    from db.schema import STATEMENTS_JOB, mark_due
    from db.statements_again import statements_due
    from db.upgrade import mark_regroup_due, regroup_due

    path = tmp_path / "s.db"
    db = connect(path)
    ingest(db, bridge_and_strike(tmp_path))
    fresh = groups(db)
    with transaction(db) as conn:
        conn.execute(
            "UPDATE statements SET speaker = 'Nobody' WHERE article_id ="
            " (SELECT id FROM articles WHERE url = 't:bridge_a')"
        )
        mark_due(conn, STATEMENTS_JOB, 35)
        mark_regroup_due(conn, 35)
    result = CliRunner().invoke(cli_main, ["--db", str(path), "regroup"])
    assert result.exit_code == 0, result.output
    assert "regrouped:" in result.output
    db = connect(path)
    assert not statements_due(db) and not regroup_due(db)
    assert "Nobody" not in {s for (s,) in db.execute("SELECT speaker FROM statements")}
    assert groups(db) == fresh


@pytest.mark.parametrize(
    ("args", "said"),
    [(["regroup"], "regrouped:"), (["check", "--repair"], "regrouped every claim and story")],
)
def test_the_browsers_regroup_matches_the_articles_a_step_left_unmatched_first(
    tmp_path: Path, args: list[str], said: str
) -> None:
    """A schema step that leaves articles to match again (and the regroup due): `claimlens
    regroup` (and `check --repair`) matches them first, so that the stories are grouped
    as a fresh ingest's, ids included."""
    from db.upgrade import mark_regroup_due, regroup_due

    path = tmp_path / "s.db"
    db = connect(path)
    ingest(db, bridge_and_strike(tmp_path))
    fresh = db.execute("SELECT id, story_id FROM articles ORDER BY id").fetchall()
    with transaction(db) as conn:
        conn.execute(
            "DELETE FROM matches WHERE a IN (SELECT s.id FROM statements s JOIN articles a"
            " ON a.id = s.article_id WHERE a.url = 't:bridge_a') OR b IN (SELECT s.id FROM"
            " statements s JOIN articles a ON a.id = s.article_id WHERE a.url = 't:bridge_a')"
        )
        conn.execute("UPDATE articles SET matched = 0 WHERE url = 't:bridge_a'")
        mark_regroup_due(conn, 36)
    result = CliRunner().invoke(cli_main, ["--db", str(path), *args])
    assert result.exit_code == 0, result.output
    assert said in result.output
    db = connect(path)
    assert not regroup_due(db)
    assert db.execute("SELECT count(*) FROM articles WHERE matched = 0").fetchone() == (0,)
    assert db.execute("SELECT id, story_id FROM articles ORDER BY id").fetchall() == fresh


def test_re_sourcing_an_article_places_the_newer_articles_it_now_matches(
    tmp_path: Path,
) -> None:
    """QA finding 5: both files of one folder are one source (no stories); giving the
    older one its own source matches it with the newer one, which must then be placed
    again: the stories equal a fresh ingest of the files with those sources."""
    import shutil

    from tests.cli_fixtures import SEED_A, SEED_B

    folder = tmp_path / "seeds"
    folder.mkdir()
    a = folder / Path(SEED_A).name
    shutil.copy(SEED_A, a)
    shutil.copy(SEED_B, folder / Path(SEED_B).name)

    def cli(db: Path, *args: str) -> str:
        result = CliRunner().invoke(cli_main, ["--db", str(db), *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    moved = tmp_path / "moved.db"
    cli(moved, "ingest", str(folder))
    cli(moved, "ingest", str(a), "--source", "A")
    fresh = tmp_path / "fresh.db"
    cli(fresh, "ingest", str(a), "--source", "A")
    cli(fresh, "ingest", str(folder / Path(SEED_B).name), "--source", "seeds")
    expected = _without_ids(json.loads(cli(fresh, "stories", "--json")))
    assert expected["total"] == 1
    assert _without_ids(json.loads(cli(moved, "stories", "--json"))) == expected


def _without_ids(listing: dict) -> dict:
    """A ``stories --json`` listing without the ids of statements and claims (a
    re-ingested article's statements get new ids, so its claims and conflicts are
    numbered and oriented otherwise: a = the lower statement id)."""

    def side(s: dict) -> tuple:
        return (s["source"], s["text"])

    def conflict(c: dict) -> tuple:
        ends = sorted([side(c["a"]), side(c["b"])])
        diff = sorted(tuple(sorted([d["a"], d["b"]])) for d in c["diff"])
        return (c["score"], tuple(ends), tuple(diff))

    def group(g: dict) -> tuple:
        sides = sorted(
            (s["values"], tuple(s["outlets"]), tuple(sorted(map(side, s["statements"]))))
            for s in g["sides"]
        )
        return (len(g["pairs"]), tuple(sides))

    out = dict(listing)
    out["stories"] = [
        {
            **story,
            "claims": sorted(
                json.dumps({k: v for k, v in c.items() if k != "id"}, sort_keys=True)
                for c in story["claims"]
            ),
            "conflicts": sorted(conflict(c) for c in story["conflicts"]),
            "conflict_groups": sorted(group(g) for g in story["conflict_groups"]),
            "blindspot": {
                **story["blindspot"],
                "only_one_outlet": [
                    {
                        **o,
                        "statements": [
                            {k: v for k, v in s.items() if k != "id"} for s in o["statements"]
                        ],
                    }
                    for o in story["blindspot"]["only_one_outlet"]
                ],
            },
        }
        for story in listing["stories"]
    ]
    return out


def test_the_cli_blindspot_names_its_days_and_says_when_a_story_has_none() -> None:
    """QA: ``stories --id N`` of an undated story (BBC's folders) said "blindspot: sources
    active those days that did not report it: none", of days it has not; the browser's
    story view says "undated: no days to compare other sources with". The CLI says so
    too, and of a dated story names the days, as the browser does."""
    from tui.cli.matching import story_text

    def view(days: list[str] | None, missing: list[str]) -> dict:
        return {
            "id": 7,
            "title": "Kilroy launches 'Veritas' party",
            "first_seen": {"source": "politics", "sources": [], "date": None},
            "outlets": ["politics"],
            "articles": [],
            "claims": [],
            "conflicts": [],
            "conflict_groups": [],
            "blindspot": {"days": days, "missing_sources": missing, "only_one_outlet": []},
        }

    [line] = [x for x in story_text(view(None, [])) if "blindspot" in x]
    assert line == "  blindspot: undated: no days to compare other sources with"
    days = ["2019-02-14", "2019-02-16"]
    [line] = [x for x in story_text(view(days, ["bbc", "cnn"])) if "blindspot" in x]
    assert line == (
        "  blindspot: sources active 2019-02-14 to 2019-02-16 that did not report it: bbc, cnn"
    )


def test_a_blindspot_outlet_of_more_statements_than_shown_says_how_many_more() -> None:
    """QA: "only A (18 statements):" listed 3 and said nothing of the other 15, in
    ``stories --id`` and in the browser's story view ("only A (18):"); both say
    "… 15 more" now, and nothing when all are listed."""
    from rich.console import Console

    from tui.cli.matching import story_text
    from tui.components.story_view import story_sections

    said = [{"id": i, "article_id": 1, "text": f"Statement {i}."} for i in range(5)]
    view = {
        "id": 1,
        "title": "Ukraine says it fought N Korean troops for first time",
        "first_seen": {"source": "A", "sources": ["A"], "date": "2024-11-05"},
        "outlets": ["A", "B"],
        "articles": [],
        "claims": [],
        "conflicts": [],
        "conflict_groups": [],
        "blindspot": {
            "days": ["2024-11-04", "2024-11-07"],
            "missing_sources": [],
            "only_one_outlet": [
                {"source": "A", "n": 18, "statements": said},
                {"source": "B", "n": 2, "statements": said[:2]},
            ],
        },
    }
    lines = story_text(view)
    a, b = lines.index("    only A (18 statements):"), lines.index("    only B (2 statements):")
    assert lines[a + 1 : b] == [*(f"      Statement {i}." for i in range(3)), "      … 15 more"]
    assert lines[b + 1 :] == ["      Statement 0.", "      Statement 1."]

    console = Console(width=80, record=True, color_system=None)
    console.print(story_sections(view)[2])
    shown = [line.rstrip() for line in console.export_text().splitlines()]
    a, b = shown.index("  only A (18):"), shown.index("  only B (2):")
    assert [line.strip() for line in shown[a + 1 : b]] == [
        *(f"Statement {i}." for i in range(3)),
        "… 15 more",
    ]
    assert [line.strip() for line in shown[b + 1 :] if line.strip()] == [
        "Statement 0.",
        "Statement 1.",
    ]


def test_the_story_views_long_blindspot_names_the_command_that_lists_all() -> None:
    """QA: the browser's story view ended a long blindspot with "and 1,811 more (--json
    lists all 1,831)", a flag of a command the browser never named; it names the command
    (`claimlens stories --id 109 --json`). The CLI's own line keeps "--json"."""
    from rich.console import Console

    from tui.components.story_view import story_sections

    missing = [f"Outlet {i:02d}" for i in range(31)]
    view = {
        "id": 109,
        "title": "Colorado collects $2 million in recreational pot taxes",
        "first_seen": {"source": "The Ledger", "sources": [], "date": "2014-03-11"},
        "outlets": ["The Ledger", "9NEWS.com"],
        "articles": [],
        "claims": [],
        "conflicts": [],
        "conflict_groups": [],
        "blindspot": {
            "days": ["2014-03-10", "2014-03-12"],
            "missing_sources": missing,
            "only_one_outlet": [],
        },
    }
    console = Console(width=200, record=True, color_system=None)
    console.print(story_sections(view, missing[:20])[2])
    text = " ".join(console.export_text().split())
    assert text.endswith("and 11 more (`claimlens stories --id 109 --json` lists all 31)")


def test_the_story_views_articles_are_options_in_one_column_the_first_fifty() -> None:
    """The story view's articles are options to open (each laid out on its own, as a
    conflict's side): their titles start in one column whatever the source's length, and
    a story of hundreds lists its first MAX_ARTICLES (`stories --id N` lists them all)."""
    from tui.components.story_view import MAX_ARTICLES, article_rows

    sources = ["AP", "The Washington Examiner"]
    view = {
        "articles": [
            {"id": i, "date": "2024-03-04", "source": sources[i % 2], "title": f"Title {i}"}
            for i in range(MAX_ARTICLES + 10)
        ]
    }
    rows = article_rows(view)
    assert [article_id for article_id, _ in rows] == list(range(MAX_ARTICLES))
    columns = {_plain(row).index("Title") for _, row in rows}
    assert len(columns) == 1
