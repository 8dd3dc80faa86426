"""The four relations end to end: 'related' matches are stored and shown apart, never
corroboration, never claims; evidence says why; the seeds give exactly their pairs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlite_utils

from db import match_reads
from db.claims import place_claims, rebuild_claims
from db.connection import connect, transaction
from db.ingest import ingest_paths

# One event told by two outlets, written for these tests.
PORT_A = "\n\n".join(
    [
        " date 2024-05-06 Dockers strike shuts Rotterdam container port",
        "Dock workers at Rotterdam walked out on Monday over a pay offer of 3 percent.",
        "The FNV union said the strike would last at least 48 hours.",
        "Shipping lines diverted twelve vessels to Antwerp.",
    ]
)
PORT_B = "\n\n".join(
    [
        " date 2024-05-06 Rotterdam port at standstill as dockers strike",
        "Rotterdam dock workers went on strike on Monday, rejecting a 3 percent pay offer.",
        "Port authority chief Boudewijn Siemons called on both sides to resume talks.",
        "Twelve container ships were sent to Antwerp instead, shipping lines said.",
    ]
)


def _ingest(db: sqlite_utils.Database, tmp_path: Path, texts: dict[str, str]) -> None:
    for source, text in texts.items():
        path = tmp_path / f"{source}.txt"
        path.write_text(text, encoding="utf-8")
        ingest_paths(db, [path], source=source, match=False)


def sid(db: sqlite_utils.Database, needle: str) -> int:
    row = db.execute("SELECT id FROM statements WHERE text LIKE ?", (f"%{needle}%",)).fetchone()
    assert row, needle
    return int(row[0])


# Each statement of the port story the tests name, by the words that find it.
_PORT_STATEMENTS = {
    "walked": "walked out on Monday",
    "strike": "went on strike on Monday",
    "union": "FNV union said",
    "chief": "called on both sides",
    "diverted": "diverted twelve vessels",
    "sent": "were sent to Antwerp",
}


def port_ids(db: sqlite_utils.Database, *names: str) -> list[int]:
    """The ids of the named statements of the port story (keys of ``_PORT_STATEMENTS``)."""
    return [sid(db, _PORT_STATEMENTS[name]) for name in names]


def db_file(db: sqlite_utils.Database) -> str:
    """The file of ``db``, for the CLI and the app."""
    return str(db.execute("PRAGMA database_list").fetchone()[2])


@pytest.fixture
def names_rotterdam(monkeypatch: pytest.MonkeyPatch) -> None:
    """The evidence of every pair: a 'different' verdict naming Rotterdam."""
    from db import match_evidence
    from db.matcher import Evidence, PairResult

    monkeypatch.setattr(
        match_evidence,
        "compare",
        lambda a, b: PairResult(0.0, "different", (), Evidence(names=("Rotterdam",))),
    )


@pytest.fixture
def port_db(tmp_path: Path) -> sqlite_utils.Database:
    db = connect(tmp_path / "port.db")
    _ingest(db, tmp_path, {"Wire": PORT_A, "Daily": PORT_B})
    return db


def _store(db: sqlite_utils.Database, rows: list[tuple[int, int, float, str]]) -> None:
    with transaction(db) as conn:
        conn.execute("DELETE FROM matches")
        conn.executemany(
            "INSERT INTO matches(a, b, score, relation) VALUES (?, ?, ?, ?)",
            [(min(a, b), max(a, b), s, r) for a, b, s, r in rows],
        )
        # claims follow the matches, as matching writes them: a same or conflict match
        # counts within a claim (db.match_reads.counted)
        rebuild_claims(conn)


def _claimed(db: sqlite_utils.Database) -> set[int]:
    return {r[0] for r in db.execute("SELECT id FROM statements WHERE claim_id IS NOT NULL")}


def test_related_matches_never_make_claims_in_a_rebuild(port_db) -> None:
    walked, strike, union, chief = port_ids(port_db, "walked", "strike", "union", "chief")
    _store(port_db, [(walked, strike, 91.0, "same"), (union, chief, 70.0, "related")])
    with transaction(port_db) as conn:
        rebuild_claims(conn)
    assert _claimed(port_db) == {walked, strike}
    (n_sources,) = port_db.execute("SELECT n_sources FROM claims").fetchone()
    assert n_sources == 2


def test_related_matches_never_make_claims_when_placed(port_db) -> None:
    union, chief, diverted, sent = port_ids(port_db, "union", "chief", "diverted", "sent")
    _store(port_db, [(union, chief, 70.0, "related"), (diverted, sent, 88.0, "same")])
    with transaction(port_db) as conn:
        place_claims(conn, [chief, sent], new=[chief, sent])
    assert _claimed(port_db) == {diverted, sent}


# ------------------------------------------------------------------ the seeds

SEEDS = Path(__file__).parent / "fixtures" / "seeds"


@pytest.fixture
def seeds_db(tmp_path: Path) -> sqlite_utils.Database:
    from db import matching

    db = connect(tmp_path / "seeds.db")
    ingest_paths(db, [SEEDS / "000_dd9f0b5d2f8810a6.txt"], source="A", match=False)
    ingest_paths(db, [SEEDS / "004_30c3ae78e6307b4b.txt"], source="B", match=False)
    matching.match_all(db)
    return db


@pytest.mark.xfail(
    reason="issue 11 target for the pair model, not met yet (2026-12-03: three of the"
    " four pairs are found with the right relation and nothing else is same or conflict;"
    " 'so far just small contacts' ~ 'not a systematically organized level of"
    " engagement' is missed: p 0.34 < SAME_P_ARTICLES, and its negations sit in clauses"
    " that share little); run with --runxfail to see where it stands",
    strict=False,
)
def test_seeds_give_exactly_their_four_pairs(seeds_db) -> None:
    """Issue 11: Umerov's small group, Kovalenko, 11,000 vs 10,000 (a conflict naming
    both values) and "small contacts" ~ "not a systematically organized level of
    engagement" are the only same/conflict pairs; anything else is at most related."""
    pairs = [
        ('said a "small group" of North Korean', "small scale", "same"),
        ("Kovalenko first said", "Earlier, Andriy Kovalenko", "same"),
        ("an estimated 11,000", "at least 10,000 DPRK", "conflict"),
        ("so far just small contacts", "systematically organized", "same"),
    ]
    expected = {frozenset((sid(seeds_db, a), sid(seeds_db, b))): rel for a, b, rel in pairs}
    found = {
        frozenset((a, b)): (rel, diff)
        for a, b, rel, diff in seeds_db.execute(
            "SELECT a, b, relation, diff FROM matches WHERE relation IN ('same', 'conflict')"
        )
    }
    assert {pair: rel for pair, (rel, _) in found.items()} == expected
    (conflict,) = [json.loads(diff) for rel, diff in found.values() if rel == "conflict"]
    assert {(d["a_value"], d["b_value"]) for d in conflict} <= {(11000, 10000), (10000, 11000)}
    assert {d["a"] for d in conflict} | {d["b"] for d in conflict} == {
        "an estimated 11,000",
        "at least 10,000",
    }


# ------------------------------------------------------------------ reading


def test_related_statements_have_their_own_status_and_count(port_db) -> None:
    walked, strike, union, chief, diverted = port_ids(
        port_db, "walked", "strike", "union", "chief", "diverted"
    )
    _store(
        port_db,
        [
            (walked, strike, 91.0, "same"),
            (union, chief, 70.0, "related"),
            (walked, chief, 65.0, "related"),  # corroborated beats related
            (diverted, chief, 60.0, "related"),
        ],
    )
    wire = port_db.execute("SELECT article_id FROM statements WHERE id = ?", (walked,)).fetchone()
    statuses = match_reads.statement_statuses(port_db, wire[0])
    assert statuses[walked] == "corroborated"
    assert statuses[union] == statuses[diverted] == "related"
    assert list(statuses.values()).count("unique") == len(statuses) - 3
    assert match_reads.article_match_counts(port_db, [wire[0]]) == {wire[0]: (1, 0, 2)}
    # The other statement of a related match is listed with its relation.
    found = {
        m["statement_id"]: m["relation"] for m in match_reads.matches_for_statement(port_db, chief)
    }
    assert found == {union: "related", walked: "related", diverted: "related"}


def test_list_matches_selects_relations(port_db) -> None:
    walked, strike, union, chief = port_ids(port_db, "walked", "strike", "union", "chief")
    _store(port_db, [(walked, strike, 91.0, "same"), (union, chief, 70.0, "related")])
    both = ("same", "conflict")
    assert [m["relation"] for m in match_reads.list_matches(port_db, relation=both)] == ["same"]
    assert match_reads.count_matches(port_db, relation=both) == 1
    assert [m["relation"] for m in match_reads.list_matches(port_db, relation="related")] == [
        "related"
    ]
    assert match_reads.count_matches(port_db) == 2


def test_evidence_is_told_from_the_statements_side(port_db, monkeypatch) -> None:
    """The evidence of a stored pair is the matcher's, recomputed from the statements
    as matching prepared them, with a compact summary line."""
    from db import match_evidence
    from db.matcher import Evidence, PairResult

    walked, strike = port_ids(port_db, "walked", "strike")
    seen: list[tuple[str, str]] = []

    def fake_compare(a, b):
        seen.append((a.text, b.text))
        evidence = Evidence(names=("Rotterdam",), numbers=("3 percent",), differs=("claim",))
        return PairResult(80.0, "related", (), evidence)

    monkeypatch.setattr(match_evidence, "compare", fake_compare)
    _store(port_db, [(walked, strike, 80.0, "related")])
    (m,) = match_evidence.with_evidence(
        port_db, strike, match_reads.matches_for_statement(port_db, strike)
    )
    assert len(seen) == 1 and "went on strike" in seen[0][0] and "walked out" in seen[0][1]
    assert m["statement_id"] == walked and m["relation"] == "related"
    assert m["evidence"]["names"] == ["Rotterdam"]
    assert m["evidence"]["numbers"] == ["3 percent"]
    assert m["evidence"]["differs"] == ["claim"]
    assert "Rotterdam" in m["evidence"]["summary"] and "differs: claim" in m["evidence"]["summary"]
    # The matcher agrees with the stored relation: nothing stale, the summary as it is.
    assert m["evidence"]["stale"] == "" and not m["evidence"]["summary"].startswith("now")
    # A pair whose statement is gone has the empty evidence.
    gone = match_evidence.evidence_for(port_db, [(walked, 10**9, "same")])
    assert gone[(walked, 10**9)]["names"] == [] and gone[(walked, 10**9)]["stale"] == ""


# ------------------------------------------------------------------ the CLI


def test_matches_command_lists_same_and_conflict_unless_asked(port_db, names_rotterdam) -> None:
    from click.testing import CliRunner

    from tui.cli import main

    walked, strike, union, chief = port_ids(port_db, "walked", "strike", "union", "chief")
    _store(port_db, [(walked, strike, 91.0, "same"), (union, chief, 70.0, "related")])
    path = db_file(port_db)

    def matches(*args: str) -> dict:
        result = CliRunner().invoke(main, ["--db", path, "matches", "--json", *args])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    default = matches()
    assert default["total"] == 1 and [m["relation"] for m in default["matches"]] == ["same"]
    (m,) = default["matches"]
    assert m["evidence"]["names"] == ["Rotterdam"] and m["evidence"]["summary"]
    related = matches("--relation", "related")
    assert [m["relation"] for m in related["matches"]] == ["related"]
    assert {
        related["matches"][0]["a"]["statement_id"],
        related["matches"][0]["b"]["statement_id"],
    } == {
        union,
        chief,
    }
    text = CliRunner().invoke(main, ["--db", path, "matches", "--relation", "related"]).output
    assert "related" in text and "names Rotterdam" in text and "same" not in text.split()
    # The pair was stored as related by hand: the matcher installed now calls it
    # different, and says so before its evidence until `claimlens match` runs.
    assert "why: now different: `claimlens match` updates this match · names Rotterdam" in text
    (stale,) = related["matches"]
    assert stale["evidence"]["stale"] == "different"


# ------------------------------------------------------------------ the browser


def test_claim_panel_shows_related_matches_apart(port_db, names_rotterdam) -> None:
    """The claim's own matches first; 'related' ones after an "also on this event"
    heading, labelled RELATED, never counted as matches; each says why; the text
    marks a statement with only related matches with ~."""
    import asyncio

    from tests.tui_fixtures import settle
    from tui.app import make_app
    from tui.config import Config

    walked, strike, chief, union = port_ids(port_db, "walked", "strike", "chief", "union")
    _store(port_db, [(walked, strike, 91.0, "same"), (walked, chief, 64.0, "related")])
    # A related match may carry numbers that differ: they are not set against ours.
    diff = '[{"a": "3 percent", "b": "5 percent", "a_value": 3, "b_value": 5, "unit": "%"}]'
    port_db.execute("UPDATE matches SET diff = ? WHERE relation = 'related'", (diff,))
    port_db.conn.commit()
    more = [(union, chief, 61.0, "related")]
    with transaction(port_db) as conn:
        conn.executemany(
            "INSERT INTO matches(a, b, score, relation) VALUES (?, ?, ?, ?)",
            [(min(a, b), max(a, b), s, r) for a, b, s, r in more],
        )
        rebuild_claims(conn)
    path = db_file(port_db)

    async def run() -> None:
        app = make_app(path, config=Config())
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            main = app.main
            wire = next(
                i
                for i in range(main.articles.total)
                if (main.articles.row(i) or {}).get("source") == "Wire"
            )
            main.articles.focus()
            while main.articles.cursor != wire:
                await pilot.press("j" if main.articles.cursor < wire else "k")
            await pilot.press("enter")
            await settle(pilot)
            reader = main.reader
            target = next(i for i, s in enumerate(reader.statements) if s["id"] == walked)
            reader.focus()
            while reader.cursor != target:
                await pilot.press("j" if reader.cursor < target else "k")
            await settle(pilot)
            panel = main.claims
            assert [m["relation"] for m in panel.matches] == ["same", "related"]
            assert panel.border_title == "Claims · 1 match in 1 source · 1 also on this event"
            text = "\n".join(s.text for s in app.screen._compositor.render_strips())
            assert "also on this event" in text and "RELATED" in text and "SAME" in text
            assert "names Rotterdam" in text
            assert "5 percent there" not in text and "≠" not in text
            # The FNV statement has only a related match: its own mark, not ✓.
            statuses = {s["id"]: s["status"] for s in reader.statements}
            assert statuses[union] == "related" and statuses[walked] == "corroborated"
            row = next(
                main.articles.row(i)
                for i in range(main.articles.total)
                if (main.articles.row(i) or {}).get("source") == "Wire"
            )
            assert (row["corroborated"], row["conflict"], row["related"]) == (1, 0, 1)

    asyncio.run(run())


def test_stats_count_related_matches_apart(port_db) -> None:
    from db.stats import database_stats

    walked, strike, union, chief = port_ids(port_db, "walked", "strike", "union", "chief")
    _store(port_db, [(walked, strike, 91.0, "same"), (union, chief, 70.0, "related")])
    stats = database_stats(port_db)
    assert (stats["matches"], stats["conflicts"], stats["related_matches"]) == (1, 0, 1)
    assert stats["undated_articles"] == 0


def test_pairs_writes_the_relation_in_its_last_column(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tui.cli import main

    pairs = tmp_path / "pairs.tsv"
    pairs.write_text(
        "1\tDock workers at Rotterdam walked out on Monday over a 3 percent pay offer.\t"
        "Rotterdam dock workers went on strike on Monday, rejecting a 3 percent pay offer.\n"
        "2\tThe FNV union said the strike would last at least 48 hours.\t"
        "Shares in Tokyo closed higher on Friday.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["pairs", str(pairs)])
    assert result.exit_code == 0, result.output
    lines = [line.split("\t") for line in result.output.splitlines()]
    assert [len(cols) for cols in lines] == [5, 5]
    assert lines[0][-1] == "same" and lines[1][-1] == "different"
    assert all(cols[-1] in {"same", "conflict", "related", "different"} for cols in lines)


def test_check_counts_matches_as_stats_does_in_its_names(port_db) -> None:
    """`check --json`'s counts.matches counted related matches too (2,054) where
    `stats --json`'s matches does not (768, and related_matches 1,286): a script piping
    both read two answers to one question."""
    from db.check import check_database
    from db.stats import database_stats

    walked, strike, union, chief = port_ids(port_db, "walked", "strike", "union", "chief")
    _store(port_db, [(walked, strike, 91.0, "same"), (union, chief, 70.0, "related")])
    stats = database_stats(port_db)
    counts = check_database(port_db).counts
    names = ("matches", "conflicts", "related_matches", "claims", "stories")
    assert {k: counts[k] for k in names} == {k: stats[k] for k in names}
    assert counts["matches"] == 1
