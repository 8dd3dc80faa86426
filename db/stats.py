"""Counts of everything in a database (``claimlens stats``)."""

from __future__ import annotations

import os
from typing import Any

import sqlite_utils

from db.articles import list_sources
from db.claims import CLAIM_LINK
from db.schema import SCHEMA_VERSION, user_version
from db.upgrade import regroup_due

__all__ = ["corpus_state", "database_stats"]


# A same pair both of whose statements are in one claim (NULL = NULL is not true).
_SAME_IN_ONE_CLAIM = (
    "SELECT count(*) FROM matches m JOIN statements x ON x.id = m.a"
    " JOIN statements y ON y.id = m.b WHERE m.relation = 'same' AND x.claim_id = y.claim_id"
)


def _count(db: sqlite_utils.Database, sql: str) -> int:
    return int(db.execute(sql).fetchone()[0])


def database_stats(db: sqlite_utils.Database) -> dict[str, Any]:
    """Counts of everything, per-source article counts, and the database's size."""
    path = db.execute("PRAGMA database_list").fetchone()[2]
    size = sum(os.path.getsize(p) for p in (path, path + "-wal") if path and os.path.exists(p))
    counted = _count(db, _SAME_IN_ONE_CLAIM)
    return {
        "schema_version": user_version(db),
        "expected_schema_version": SCHEMA_VERSION,
        "sources": _count(db, "SELECT count(*) FROM sources"),
        "articles": _count(db, "SELECT count(*) FROM articles"),
        "headline_only_articles": _count(
            db, "SELECT count(*) FROM articles WHERE body_start >= length(text)"
        ),
        "undated_articles": _count(db, "SELECT count(*) FROM articles WHERE date IS NULL"),
        "words": _count(db, "SELECT coalesce(sum(words), 0) FROM articles"),
        "statements": _count(db, "SELECT count(*) FROM statements"),
        "quotes": _count(db, "SELECT count(*) FROM quotes"),
        "numbers": _count(db, "SELECT count(*) FROM numbers"),
        # same and conflict (what claims are made of); related ones apart.
        "matches": _count(db, f"SELECT count(*) FROM matches WHERE {CLAIM_LINK}"),
        # of those, the same pairs counted (✓: both statements in one claim) and the ones
        # listed apart (two claims, or one side in none), as the list and panel count them
        # (db.match_reads.counted); matches = both + conflicts.
        "same_in_one_claim": counted,
        "same_apart": _count(db, "SELECT count(*) FROM matches WHERE relation = 'same'") - counted,
        "conflicts": _count(db, "SELECT count(*) FROM matches WHERE relation = 'conflict'"),
        "related_matches": _count(db, "SELECT count(*) FROM matches WHERE relation = 'related'"),
        "claims": _count(db, "SELECT count(*) FROM claims"),
        "stories": _count(db, "SELECT count(*) FROM stories"),
        # a schema step left every claim and story to regroup (db.upgrade, db.regroup)
        "regroup_due": regroup_due(db),
        "unmatched_articles": _count(db, "SELECT count(*) FROM articles WHERE matched = 0"),
        "first_date": db.execute("SELECT min(date) FROM articles").fetchone()[0],
        "last_date": db.execute("SELECT max(date) FROM articles").fetchone()[0],
        "database_bytes": size,
        "path": path,
        "by_source": list_sources(db),
    }


def corpus_state(db: sqlite_utils.Database) -> dict[str, Any]:
    """What a listing with nothing to show is explained by: how many articles, how many
    wait for matching, and the sources that have articles (at most two named)."""
    sources = [
        r[0]
        for r in db.execute(
            "SELECT src.name FROM sources src WHERE EXISTS"
            " (SELECT 1 FROM articles a WHERE a.source_id = src.id) ORDER BY src.id LIMIT 2"
        )
    ]
    return {
        "articles": _count(db, "SELECT count(*) FROM articles"),
        "unmatched_articles": _count(db, "SELECT count(*) FROM articles WHERE matched = 0"),
        "sources": sources,
    }
