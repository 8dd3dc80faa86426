"""Reading what matching found: a statement's matches, an article's statuses, the
per-article counts the list shows, and the matched pairs ``claimlens matches`` lists.

A ``same`` or ``conflict`` match is corroboration (or contradiction) by another
source; a ``related`` one (the same event, another claim) is shown apart and counts
as neither: a statement with only related matches has the status ``related``.

The matches table stores each pair once (``a < b``) with its differing numbers told
from statement ``a``'s side (see :mod:`db.matching`, which writes it); a reader
that stands on the other side turns them round with :func:`flip_diffs`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import sqlite_utils

from db.claims import CLAIM_RELATIONS
from db.id_chunks import id_chunks

__all__ = [
    "article_match_counts",
    "flip_diffs",
    "list_matches",
    "matches_for_statement",
    "statement_statuses",
]


def flip_diffs(diffs: list[dict[str, Any]]) -> None:
    """Tell differing values from the other statement's side (in place)."""
    for d in diffs:
        d["a"], d["b"] = d["b"], d["a"]
        d["a_value"], d["b_value"] = d["b_value"], d["a_value"]
        d["a_qualifier"], d["b_qualifier"] = d.get("b_qualifier"), d.get("a_qualifier")


def _statements(db: sqlite_utils.Database, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Matched statements as the match lists show them, by id: ``{statement_id, text,
    article_id, title, source, date, speaker, seq, claim_id}`` (``seq``: its number in
    the article; ``claim_id``: None until claims are grouped)."""
    out: dict[int, dict[str, Any]] = {}
    for marks, chunk in id_chunks(sorted(set(ids))):
        for sid, text, aid, title, source, date, speaker, seq, claim_id in db.execute(
            "SELECT s.id, s.text, s.article_id, a.title, src.name, a.date, s.speaker,"
            " s.seq, s.claim_id"
            " FROM statements s JOIN articles a ON a.id = s.article_id"
            f" JOIN sources src ON src.id = a.source_id WHERE s.id IN ({marks})",
            chunk,
        ):
            out[sid] = {
                "statement_id": sid,
                "text": text,
                "article_id": aid,
                "title": title,
                "source": source,
                "date": date,
                "speaker": speaker,
                "seq": seq,
                "claim_id": claim_id,
            }
    return out


def matches_for_statement(db: sqlite_utils.Database, statement_id: int) -> list[dict[str, Any]]:
    """The statements of other sources matched with this one, best first.

    Each: ``statement_id, text, article_id, title, source, date, speaker, score,
    relation ('same'|'conflict'|'related'), diffs`` (list of ``{a, b, a_value,
    b_value, unit, a_qualifier, b_qualifier}`` where ``a`` is THIS statement's wording).
    """
    rows = db.execute(
        "SELECT m.a, m.b, m.score, m.relation, m.diff FROM matches m WHERE m.a = ?"
        " UNION ALL SELECT m.a, m.b, m.score, m.relation, m.diff FROM matches m WHERE m.b = ?",
        (statement_id, statement_id),
    ).fetchall()
    others = _statements(db, (b if a == statement_id else a for a, b, *_ in rows))
    out = []
    for a, b, score, relation, diff in rows:
        other = b if a == statement_id else a
        if other not in others:
            continue
        diffs = json.loads(diff) if diff else []
        if other == a:  # stored from the other side's point of view
            flip_diffs(diffs)
        out.append({**others[other], "score": score, "relation": relation, "diffs": diffs})
    out.sort(key=lambda m: (-m["score"], m["statement_id"]))
    return out


# The statuses a statement can have, the strongest first.
_STATUS_RANK = {"conflict": 3, "corroborated": 2, "related": 1, "unique": 0}
# Per matched statement: 1 if some match is a conflict, 1 if some match is a claim link.
_LINKS = ", ".join(f"'{r}'" for r in CLAIM_RELATIONS)
_MATCH_KINDS = f"max(m.relation = 'conflict'), max(m.relation IN ({_LINKS}))"


def _status(conflict: int, linked: int) -> str:
    return "conflict" if conflict else "corroborated" if linked else "related"


def statement_statuses(db: sqlite_utils.Database, article_id: int) -> dict[int, str]:
    """statement id -> 'conflict' (some source gives other numbers), 'corroborated'
    (another source says the same), 'related' (other sources report the same event,
    not this claim) or 'unique' (no other source), for one article."""
    out = {
        r[0]: "unique"
        for r in db.execute("SELECT id FROM statements WHERE article_id = ?", (article_id,))
    }
    for sid, conflict, linked in db.execute(
        f"SELECT s.id, {_MATCH_KINDS} FROM statements s"
        " JOIN matches m ON m.a = s.id WHERE s.article_id = ? GROUP BY s.id"
        " UNION ALL"
        f" SELECT s.id, {_MATCH_KINDS} FROM statements s"
        " JOIN matches m ON m.b = s.id WHERE s.article_id = ? GROUP BY s.id",
        (article_id, article_id),
    ):
        status = _status(conflict, linked)
        if _STATUS_RANK[status] > _STATUS_RANK[out.get(sid, "unique")]:
            out[sid] = status
    return out


def article_match_counts(
    db: sqlite_utils.Database, article_ids: Sequence[int]
) -> dict[int, tuple[int, int, int]]:
    """article id -> (statements corroborated by another source, statements in
    conflict, statements only related: other sources report the event, not the claim)."""
    out = {int(a): (0, 0, 0) for a in article_ids}
    for marks, chunk in id_chunks(sorted(out)):
        # One query per page, summed in SQLite: each matched statement's strongest
        # relation over both sides of its matches (it is a or b), then per article;
        # 100 rows come back, not one per matched statement and side.
        side = (
            "SELECT s.article_id AS aid, s.id AS sid, m.relation = 'conflict' AS conflict,"
            f" m.relation IN ({_LINKS}) AS linked FROM statements s"
            " JOIN matches m ON m.{col} = s.id WHERE s.article_id IN ({marks})"
        )
        sql = (
            "SELECT aid, sum(linked AND NOT conflict), sum(conflict),"
            " sum(NOT linked AND NOT conflict) FROM ("
            " SELECT aid, max(conflict) AS conflict, max(linked) AS linked FROM ("
            + side.format(col="a", marks=marks)
            + " UNION ALL "
            + side.format(col="b", marks=marks)
            + ") GROUP BY sid) GROUP BY aid"
        )
        for aid, corroborated, conflict, related in db.execute(sql, chunk + chunk):
            out[aid] = (corroborated, conflict, related)
    return out


def list_matches(
    db: sqlite_utils.Database,
    *,
    article_id: int | None = None,
    relation: str | Sequence[str] | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Matched pairs, best first: both statements with their sources and dates.

    Each: ``score, relation, diffs`` (as stored: ``a`` is statement ``a``'s wording)
    and ``a``/``b``: ``{statement_id, text, article_id, title, source, date, speaker, seq,
    claim_id}``. With ``article_id``, only pairs with a statement of that article (it is ``a``).
    ``relation``: one relation or several ('same', 'conflict', 'related'); None: all.
    """
    where, params = _match_filter(article_id, relation)
    sql = (
        "SELECT m.a, m.b, m.score, m.relation, m.diff FROM matches m"
        + where
        + " ORDER BY m.score DESC, m.a, m.b LIMIT ? OFFSET ?"
    )
    rows = db.execute(sql, [*params, limit, offset]).fetchall()
    sides = _statements(db, (sid for a, b, *_ in rows for sid in (a, b)))
    out = []
    for a, b, score, rel, diff in rows:
        diffs = json.loads(diff) if diff else []
        first, second = a, b
        if (
            article_id is not None
            and sides[b]["article_id"] == article_id != sides[a]["article_id"]
        ):
            first, second = b, a
            flip_diffs(diffs)
        out.append(
            {"score": score, "relation": rel, "diffs": diffs, "a": sides[first], "b": sides[second]}
        )
    return out


def count_matches(
    db: sqlite_utils.Database,
    *,
    article_id: int | None = None,
    relation: str | Sequence[str] | None = None,
) -> int:
    """How many pairs :func:`list_matches` lists in all, on every page."""
    where, params = _match_filter(article_id, relation)
    return int(db.execute("SELECT count(*) FROM matches m" + where, params).fetchone()[0])


def _match_filter(
    article_id: int | None, relation: str | Sequence[str] | None
) -> tuple[str, list[Any]]:
    """The ``WHERE`` clause (or nothing) and parameters of a match listing."""
    where: list[str] = []
    params: list[Any] = []
    if article_id is not None:
        where.append(
            "(m.a IN (SELECT id FROM statements WHERE article_id = ?)"
            " OR m.b IN (SELECT id FROM statements WHERE article_id = ?))"
        )
        params += [article_id, article_id]
    if relation:
        relations = [relation] if isinstance(relation, str) else list(relation)
        where.append(f"m.relation IN ({', '.join('?' * len(relations))})")
        params += relations
    return (" WHERE " + " AND ".join(where) if where else ""), params
