"""The list's per-article counts: each matched statement counted once, by its
strongest relation over the matches where it is ``a`` and those where it is ``b``."""

from __future__ import annotations

from pathlib import Path

from db import match_reads
from db.claims import rebuild_claims
from db.connection import connect


def _db(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = connect(tmp_path / "counts.db")
    db.execute("INSERT INTO sources(id, name) VALUES (1, 'Wire'), (2, 'Post')")
    for aid, source in ((1, 1), (2, 2), (3, 2), (4, 2)):
        db.execute(
            "INSERT INTO articles(id, source_id, key, title, text, body_start, content_hash,"
            " words, ingested_at) VALUES (?, ?, ?, 'T', 'x', 0, ?, 1, '2026-01-01')",
            (aid, source, f"k{aid}", f"h{aid}"),
        )
    # Article 1: statements 11-15; article 2: 21-25; article 3: none; article 4: 2-5.
    for sid in (2, 3, 4, 5, 11, 12, 13, 14, 15, 21, 22, 23, 24, 25):
        db.execute(
            "INSERT INTO statements(id, article_id, seq, char_start, char_end, kind, text)"
            " VALUES (?, ?, ?, 0, 1, 'claim', 'x')",
            (sid, sid // 10 or 4, sid % 10),
        )
    for a, b, relation in (
        (11, 21, "same"),  # 11: same as a, conflict as b -> conflict
        (2, 11, "conflict"),
        (12, 22, "related"),  # 12: related as a, same as b -> corroborated
        (3, 12, "same"),
        (13, 23, "related"),  # 13: related on both sides -> related
        (4, 13, "related"),
        (5, 15, "same"),  # 15: only ever b -> corroborated; 14: no match
    ):
        db.execute(
            "INSERT INTO matches(a, b, score, relation) VALUES (?, ?, 0.9, ?)", (a, b, relation)
        )
    # A match counts within a claim (match_reads.counted): the claims as matching places them.
    rebuild_claims(db.conn)
    return db


def test_each_statement_counts_once_by_its_strongest_relation_on_either_side(
    tmp_path: Path,
) -> None:
    db = _db(tmp_path)
    counts = match_reads.article_match_counts(db, [1, 2, 3])
    assert counts[1] == (2, 1, 1)  # 12 and 15 corroborated, 11 in conflict, 13 related
    assert counts[2] == (1, 0, 2)  # 21 corroborated (same with 11), 22 and 23 related
    assert counts[3] == (0, 0, 0)
    assert match_reads.article_match_counts(db, [4]) == {4: (2, 1, 1)}  # 2, 3, 4, 5
    assert match_reads.article_match_counts(db, []) == {}
