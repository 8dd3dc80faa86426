"""Claims: components of matches, first seen, number variants, speakers."""

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


def test_growing_claims_merges_the_claims_a_new_statement_joins(tmp_path: Path) -> None:
    from db.claims import grow_claims, rebuild_claims

    db = build(tmp_path)
    conn = db.conn
    conn.execute("DELETE FROM matches")
    s = [r[0] for r in conn.execute("SELECT id FROM statements ORDER BY id")]
    # Two claims of two statements each; s[4] is new and joins both; s[5]+s[6] new too.
    old = [(s[0], s[1], "same"), (s[2], s[3], "conflict")]
    new = [(s[0], s[4], "same"), (s[3], s[4], "same"), (s[5], s[6], "same")]
    conn.executemany("INSERT INTO matches(a, b, score, relation) VALUES (?, ?, 50, ?)", old)
    rebuild_claims(conn)
    assert len(claim_rows(db)) == 2
    conn.executemany("INSERT INTO matches(a, b, score, relation) VALUES (?, ?, 50, ?)", new)
    written, regrouped = grow_claims(conn, {s[4], s[5], s[6]}, new)
    assert written == 2
    assert regrouped == {s[0], s[1], s[2], s[3]}  # two claims merged: stories may change
    grown = claim_rows(db)
    assert {frozenset(r[0]) for r in grown} == {frozenset(s[:5]), frozenset(s[5:7])}
    rebuild_claims(conn)
    assert claim_rows(db) == grown  # counts, first seen, conflict as a rebuild has them
    # A statement that already has a claim is matched again: not a growth.
    assert grow_claims(conn, {s[4]}, [(s[0], s[4], "same")]) is None
