"""Claims: statements gathered around a centre, first seen, number variants, speakers."""

from __future__ import annotations

from pathlib import Path

from db_helpers import claim_rows

from db import matching
from db.claims import claim_detail, list_claims
from db.connection import connect
from db.ingest import ingest_paths

SEEDS = Path(__file__).parent / "fixtures" / "seeds"

FIRST = "\n\n".join(
    [
        " date 2024-03-01 Quake kills 40 in mountain province",
        (
            "An earthquake of magnitude 6.1 killed at least 40 people in the mountain "
            "province of Badakhshan, the interior ministry said."
        ),
        "Rescue teams were still searching collapsed houses on Friday night.",
    ]
)
SECOND = "\n\n".join(
    [
        " date 2024-03-02 Death toll from Badakhshan quake rises",
        (
            "A magnitude 6.1 earthquake killed at least 52 people in the mountain province of"
            " Badakhshan, the interior ministry said on Saturday."
        ),
        "The United Nations sent two planes of tents and blankets.",
    ]
)
THIRD = "\n\n".join(
    [
        " date 2024-03-03 Aid reaches quake survivors",
        (
            "The magnitude 6.1 earthquake killed at least 52 people in Badakhshan province, "
            "according to the interior ministry."
        ),
        "Aid convoys reached the worst-hit valleys on Sunday.",
    ]
)


def build(tmp_path: Path):
    db = connect(tmp_path / "claims.db")
    for i, (text, source) in enumerate(((FIRST, "Wire"), (SECOND, "Daily"), (THIRD, "Herald"))):
        path = tmp_path / f"q{i}.txt"
        path.write_text(text, encoding="utf-8")
        ingest_paths(db, [path], source=source, match=False)
    matching.match_all(db)
    return db


def test_one_claim_across_three_sources_with_first_seen_and_variants(tmp_path: Path) -> None:
    db = build(tmp_path)
    claims = list_claims(db, min_sources=3)
    assert len(claims) == 1
    c = claims[0]
    assert c["n_sources"] == 3 and c["has_conflict"]
    assert c["first_date"] == "2024-03-01" and c["first_source"] == "Wire"
    detail = claim_detail(db, c["id"])
    assert detail["first_source"] == "Wire"
    assert {s["source"] for s in detail["sources"]} == {"Wire", "Daily", "Herald"}
    (counts,) = [n for n in detail["numbers"] if n["unit"] is None and len(n["values"]) > 1]
    values = {v["value"]: set(v["sources"]) for v in counts["values"]}
    assert values[40] == {"Wire"} and values[52] == {"Daily", "Herald"}


def test_unmatched_statements_have_no_claim(tmp_path: Path) -> None:
    db = build(tmp_path)
    rescue = db.execute(
        "SELECT claim_id FROM statements WHERE text LIKE 'Rescue teams%'"
    ).fetchone()[0]
    assert rescue is None


def test_claim_counts_are_consistent(tmp_path: Path) -> None:
    db = connect(tmp_path / "seeds.db")
    ingest_paths(db, [SEEDS / "000_dd9f0b5d2f8810a6.txt"], source="A")
    ingest_paths(db, [SEEDS / "004_30c3ae78e6307b4b.txt"], source="B")
    for cid, n_st, n_src in db.execute("SELECT id, n_statements, n_sources FROM claims"):
        members = db.execute(
            "SELECT count(*), count(DISTINCT a.source_id) FROM statements s"
            " JOIN articles a ON a.id = s.article_id WHERE s.claim_id = ?",
            (cid,),
        ).fetchone()
        assert members == (n_st, n_src)


def _matched(db, edges: list[tuple[int, int, float, str]]) -> None:
    db.conn.executemany("INSERT INTO matches(a, b, score, relation) VALUES (?, ?, ?, ?)", edges)


def _claims(db) -> set[frozenset[int]]:
    return {row[0] for row in claim_rows(db)}


def _unmatched(tmp_path: Path):
    """The three articles with their matches removed, and their statement ids."""
    db = build(tmp_path)
    db.conn.execute("DELETE FROM matches")
    return db, db.conn, [r[0] for r in db.execute("SELECT id FROM statements ORDER BY id")]


def test_a_claim_does_not_chain_past_the_statements_that_match_its_centre(tmp_path: Path) -> None:
    from db.claims import rebuild_claims

    db, _conn, s = _unmatched(tmp_path)
    # A chain: each statement matches the next one only.
    _matched(db, [(s[i], s[i + 1], 60.0, "same") for i in range(5)])
    rebuild_claims(db.conn)
    # s1 matches the centre s0; s2 matches s1 (a fringe member); s3 only matches the
    # fringe: it is a centre, and s4, s5 join it.
    assert _claims(db) == {frozenset(s[0:3]), frozenset(s[3:6])}


def test_a_statement_judged_another_claim_than_the_centre_is_not_brought_along(
    tmp_path: Path,
) -> None:
    """s2 matches s0 and s1 as the same claim, but s0 and s1 were judged `related` (one
    event, another claim): s1 is not brought into s0's claim as a fringe member (QA: a
    claim panel naming an outlet whose statement it shows only as related). One by one
    gives what a rebuild gives."""
    from db.claims import place_claims, rebuild_claims

    db, conn, s = _unmatched(tmp_path)
    edges = [
        (s[0], s[1], 70.0, "related"),
        (s[0], s[2], 80.0, "same"),
        (s[1], s[2], 85.0, "same"),
        # without the related match, s4 brings s3 along, as before
        (s[3], s[5], 80.0, "same"),
        (s[4], s[5], 85.0, "same"),
    ]
    _matched(db, edges)
    rebuild_claims(conn)
    rebuilt = claim_rows(db)
    assert {r[0] for r in rebuilt} == {frozenset({s[0], s[2]}), frozenset({s[3], s[4], s[5]})}
    conn.execute("UPDATE statements SET claim_id = NULL")
    conn.execute("DELETE FROM claims")
    for sid in s[:6]:
        place_claims(conn, {sid}, new={sid})
    assert claim_rows(db) == rebuilt


def test_new_statements_join_the_best_centre_as_a_rebuild_would(tmp_path: Path) -> None:
    from db.claims import place_claims, rebuild_claims

    db, conn, s = _unmatched(tmp_path)
    _matched(db, [(s[0], s[1], 70.0, "same"), (s[2], s[3], 55.0, "conflict")])
    rebuild_claims(conn)
    assert _claims(db) == {frozenset(s[0:2]), frozenset(s[2:4])}
    # s4 matches both centres, s0 better: it joins s0's claim and the claims stay
    # apart (components would merge them). s6 matches s5, which had no claim.
    new = [(s[0], s[4], 80.0, "same"), (s[2], s[4], 60.0, "same"), (s[5], s[6], 50.0, "same")]
    _matched(db, new)
    written, regrouped = place_claims(conn, {s[4], s[5], s[6]}, new={s[4], s[5], s[6]})
    # s5 is new too (placed first, a centre); only the claims that grew or formed.
    assert written == 2
    assert regrouped == set()  # nothing moved: claims only grew by new statements
    grown = claim_rows(db)
    assert {r[0] for r in grown} == {
        frozenset({s[0], s[1], s[4]}),
        frozenset(s[2:4]),
        frozenset(s[5:7]),
    }
    rebuild_claims(conn)
    assert claim_rows(db) == grown  # counts, first seen, conflict as a rebuild has them


def test_an_old_statement_that_heads_a_new_claim_is_regrouped(tmp_path: Path) -> None:
    from db.claims import place_claims

    db, conn, s = _unmatched(tmp_path)
    conn.execute("UPDATE statements SET claim_id = NULL")
    conn.execute("DELETE FROM claims")
    _matched(db, [(s[1], s[7], 66.0, "same")])
    written, regrouped = place_claims(conn, {s[7]}, new={s[7]})
    assert written == 1 and regrouped == {s[1]}  # s1's article now shares a claim
    assert _claims(db) == {frozenset({s[1], s[7]})}


def test_placing_again_a_statement_with_a_claim_dissolves_it(tmp_path: Path) -> None:
    from db.claims import place_claims, rebuild_claims

    db, conn, s = _unmatched(tmp_path)
    _matched(db, [(s[0], s[3], 70.0, "same"), (s[3], s[6], 70.0, "same")])
    rebuild_claims(conn)
    assert _claims(db) == {frozenset({s[0], s[3], s[6]})}
    # s3 is matched again and now matches nothing: s6 no longer reaches the centre.
    conn.execute("DELETE FROM matches WHERE a = ? OR b = ?", (s[3], s[3]))
    conn.execute(
        "INSERT INTO matches(a, b, score, relation) VALUES (?, ?, 70, 'same')", (s[0], s[6])
    )
    _written, regrouped = place_claims(conn, {s[3]}, new={s[3]})
    assert _claims(db) == {frozenset({s[0], s[6]})}
    assert regrouped == {s[0], s[3], s[6]}  # s3 left the claim, s0 and s6 stay
    placed = claim_rows(db)
    rebuild_claims(conn)
    assert claim_rows(db) == placed


def _quake_reports(db_path: Path, reports: list[tuple[str, str, str]]):
    """A database of one quake report's body told by each (file name, source, date),
    ingested in that order and matched."""
    import json

    db = connect(db_path)
    body = FIRST.split("\n\n", 1)[1]
    for name, source, date in reports:
        path = db_path.parent / f"{name}.json"
        record = {"source": source, "date": date, "title": "Quake kills 40", "text": body}
        path.write_text(json.dumps(record), encoding="utf-8")
        ingest_paths(db, [path], match=False)
    matching.match_all(db)
    return db


def test_first_seen_puts_a_time_of_day_before_a_day_alone(tmp_path: Path) -> None:
    """An article dated by the day only may have come at any hour of it: on that day,
    those with a time are seen first ("2024-03-01" sorts before "2024-03-01T10:00" as
    text), for a claim and for a story."""
    from db.story_reads import story_view

    db = _quake_reports(
        tmp_path / "first.db",
        [
            ("day", "Herald", "2024-03-01"),
            ("late", "Daily", "2024-03-01T12:00:00"),
            ("early", "Wire", "2024-03-01T10:00:00"),
        ],
    )
    (c,) = list_claims(db, min_sources=3)[:1]
    assert c["first_source"] == "Wire" and c["first_date"] == "2024-03-01T10:00:00"
    assert claim_detail(db, c["id"])["first_source"] == "Wire"
    (story,) = db.execute("SELECT DISTINCT story_id FROM articles").fetchall()
    assert story_view(db, story[0])["first_seen"]["source"] == "Wire"


def test_first_seen_names_every_source_of_the_first_day_when_they_tie(tmp_path: Path) -> None:
    """Three outlets with the claim on the same day, dated by the day only: none is
    known to have been first. ``first_source`` (the first statement's, by id) is kept,
    and ``first_sources`` names every source tied with it, so a reader does not say
    "first seen: fox" of a claim three outlets published that day (QA report, item 15)."""
    db = _quake_reports(
        tmp_path / "tie.db",
        [
            ("a", "Wire", "2024-03-01"),
            ("b", "Daily", "2024-03-01"),
            ("c", "Herald", "2024-03-01"),
            ("d", "Weekly", "2024-03-02"),
        ],
    )
    (c,) = list_claims(db, min_sources=4)[:1]
    detail = claim_detail(db, c["id"])
    assert detail["first_date"] == "2024-03-01"
    assert detail["first_source"] in detail["first_sources"]
    assert detail["first_sources"] == ["Daily", "Herald", "Wire"]  # by name: none was first
    # and `claims --id N` says so
    from click.testing import CliRunner

    from tui.cli import main

    shown = CliRunner().invoke(
        main, ["--db", str(tmp_path / "tie.db"), "claims", "--id", str(c["id"])]
    )
    assert f"first seen 2024-03-01 · {', '.join(detail['first_sources'])}" in shown.output


def test_first_seen_with_a_time_names_the_one_source(tmp_path: Path) -> None:
    db = _quake_reports(
        tmp_path / "timed.db",
        [
            ("day", "Herald", "2024-03-01"),
            ("early", "Wire", "2024-03-01T10:00:00"),
            ("late", "Daily", "2024-03-01T12:00:00"),
        ],
    )
    (c,) = list_claims(db, min_sources=3)[:1]
    assert claim_detail(db, c["id"])["first_sources"] == ["Wire"]


def test_the_claims_listing_names_every_source_tied_first(tmp_path: Path) -> None:
    """`claimlens claims` (one line a claim) and `claims --json` name every source as
    early as the first, as `claims --id N` does, not the one stored first (by id):
    "first 2024-03-01 (fox)" of a claim three outlets published that day reads as if
    fox had it first. ``first_source`` stays for readers of the JSON."""
    import json

    from click.testing import CliRunner

    from tui.cli import main

    db = _quake_reports(
        tmp_path / "tie.db",
        [
            ("a", "wire", "2024-03-01"),
            ("b", "Daily", "2024-03-01"),
            ("c", "herald", "2024-03-01"),
            ("d", "Weekly", "2024-03-02"),
        ],
    )
    listed = list_claims(db, min_sources=1)
    assert listed
    for c in listed:  # the listing's ties are the detail's, claim by claim
        detail = claim_detail(db, c["id"])
        assert c["first_sources"] == detail["first_sources"]
        assert c["first_source"] == detail["first_source"]
    (c,) = list_claims(db, min_sources=4)[:1]
    assert c["first_sources"] == ["Daily", "herald", "wire"]  # by name, case aside
    run = ["--db", str(tmp_path / "tie.db"), "claims", "--min-sources", "4"]
    shown = CliRunner().invoke(main, run)
    assert shown.exit_code == 0, shown.output
    assert "first seen 2024-03-01 · Daily, herald, wire" in shown.output
    rows = json.loads(CliRunner().invoke(main, [*run, "--json"]).output)["claims"]
    assert rows[0]["first_sources"] == ["Daily", "herald", "wire"]
    assert rows[0]["first_source"] == "wire"  # the first stored, kept as before


def test_the_claims_listing_reads_the_ties_of_a_page_at_once(tmp_path: Path) -> None:
    """The tied first sources of a page of claims take one query for the page, not one
    per claim; a claim first seen at a time names its one source, an undated claim
    none (the text listing then names the first stored, as before)."""
    db = _quake_reports(
        tmp_path / "page.db",
        [
            ("day", "Herald", "2024-03-01"),
            ("early", "Wire", "2024-03-01T10:00:00"),
            ("late", "Daily", "2024-03-01T12:00:00"),
        ],
    )
    queries: list[str] = []
    db.conn.set_trace_callback(queries.append)
    try:
        listed = list_claims(db, min_sources=1)
    finally:
        db.conn.set_trace_callback(None)
    assert len(listed) > 1
    assert [c["first_sources"] for c in listed] == [["Wire"]] * len(listed)
    assert len([q for q in queries if q.lstrip().upper().startswith("SELECT")]) == 2
    undated = _quake_reports(tmp_path / "undated.db", [("u1", "A", ""), ("u2", "B", "")])
    listed = list_claims(undated, min_sources=1)
    assert listed and all(c["first_sources"] == [] for c in listed)
