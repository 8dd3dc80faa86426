"""Helpers the engine's tests share: the matching state of a database, ids left out."""

from __future__ import annotations

import sqlite_utils


def claim_rows(db: sqlite_utils.Database) -> set[tuple]:
    """Each claim as its members and its stored row (first seen, counts, conflict)."""
    members: dict[int, set[int]] = {}
    for sid, cid in db.execute("SELECT id, claim_id FROM statements WHERE claim_id IS NOT NULL"):
        members.setdefault(cid, set()).add(sid)
    return {
        (frozenset(members[cid]), *row)
        for cid, *row in db.execute(
            "SELECT id, first_statement_id, first_date, n_sources, n_statements, has_conflict"
            " FROM claims"
        )
    }
