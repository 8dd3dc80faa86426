"""Why two stored statements were matched: the matcher's evidence, recomputed on read.

The ``matches`` table keeps a pair's relation, score and differing numbers, not its
evidence (shared names, agreeing numbers, a shared quote or speaker, and for a
``related`` or ``conflict`` pair what differs: see :class:`db.matcher.Evidence`).
Recomputing it when a reader asks is cheap — the statements of one claim panel or
one page of ``claimlens matches``, prepared with their articles' stored context
(:func:`db.matching.prepared_statements`), a few milliseconds — where storing it
would add a column to every match of the database. It is the evidence of the
matcher installed now: after a change of the model, ``claimlens match`` brings the
stored relations in line. Until it runs, a pair the matcher installed now would
judge otherwise says so (``stale``: the relation now, and the summary opens with it):
a reader is never shown a ✓ "same" whose evidence reads as another relation's. On a
database matched by the matcher installed, the relation on read is the stored one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlite_utils

from db.matcher import compare
from db.matching import prepared_statements

__all__ = ["EMPTY_EVIDENCE", "evidence_for", "pairs_with_evidence", "with_evidence"]

EMPTY_EVIDENCE: dict[str, Any] = {
    "names": [],
    "numbers": [],
    "quote": [],
    "speaker": "",
    "differs": [],
    "stale": "",
    "summary": "",
}


def evidence_for(
    db: sqlite_utils.Database, pairs: Iterable[tuple[int, int, str]]
) -> dict[tuple[int, int], dict[str, Any]]:
    """For each (this, other, stored relation) of statement ids, the evidence told from
    ``this`` statement's side (names as it writes them): ``{names, numbers, quote,
    speaker, differs, stale, summary}`` (``summary``: one compact plain-text line;
    ``stale``: the relation the matcher installed now gives, when it is not the
    stored one, else ""). A pair whose statement no longer exists gets the empty
    evidence."""
    pairs = list(dict.fromkeys(pairs))
    prepared = prepared_statements(db, {s for this, other, _ in pairs for s in (this, other)})
    out: dict[tuple[int, int], dict[str, Any]] = {}
    for this, other, stored in pairs:
        a, b = prepared.get(this), prepared.get(other)
        if a is None or b is None:
            out[(this, other)] = dict(EMPTY_EVIDENCE)
            continue
        result = compare(a, b)
        summary = result.evidence.summary()
        stale = result.relation if result.relation != stored else ""
        if stale:
            now = f"now {stale}: `claimlens match` updates this match"
            summary = f"{now} · {summary}" if summary else now
        out[(this, other)] = {**result.evidence.as_dict(), "stale": stale, "summary": summary}
    return out


def with_evidence(
    db: sqlite_utils.Database, statement_id: int, matches: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The matches of one statement (:func:`db.match_reads.matches_for_statement`),
    each with its ``evidence`` told from that statement's side."""
    found = evidence_for(db, [(statement_id, m["statement_id"], m["relation"]) for m in matches])
    return [{**m, "evidence": found[(statement_id, m["statement_id"])]} for m in matches]


def pairs_with_evidence(
    db: sqlite_utils.Database, rows: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Matched pairs (:func:`db.match_reads.list_matches`), each with its ``evidence``
    told from side ``a``."""
    key = [(r["a"]["statement_id"], r["b"]["statement_id"], r["relation"]) for r in rows]
    found = evidence_for(db, key)
    return [{**r, "evidence": found[k[:2]]} for r, k in zip(rows, key, strict=True)]
