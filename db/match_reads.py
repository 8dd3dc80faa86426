"""Reading what matching found: a statement's matches, an article's statuses, the
per-article counts the list shows, and the matched pairs ``claimlens matches`` lists.

A ``same`` match is corroboration by another source only between two statements of
one claim (:func:`counted`): what the reader sees counted beside a statement (✓, the
list's counts, the claim panel's) is then what its claim counts (its sources, the story
view's claims). A ``same`` match between two claims, or with a statement kept out of a
claim (it was judged `related` to one of its statements: :mod:`db.grouping`), is shown
apart and counts as nothing, as a ``related`` one (the same event, another claim) is: a
statement with only such matches has the status ``related``. A ``conflict`` always
counts (≠): sources that give one figure differently disagree whichever claims they
are in (a story's values often split into a claim per value: on UCI 167 of 216
conflicts join two claims), and the story view lists every one.

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
    "counted",
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


def counted(relation: str | None, claim: int | None, other_claim: int | None) -> bool:
    """Whether a match counts beside a statement in claim ``claim`` (None: in none) with
    one in ``other_claim``: a conflict always (≠), a ``same`` within one claim (✓)."""
    if relation == "conflict":
        return True
    return relation in CLAIM_RELATIONS and claim is not None and claim == other_claim


# Per matched statement and side of its matches: 1 if a match is a conflict, 1 if the
# statement is in a claim. Every statement of a claim joined it through a claim link to
# a statement there (db.grouping), so "in a claim" is "has a same or conflict match
# within its claim", read without looking up the other side.
_SIDE = (
    "SELECT s.article_id AS aid, s.id AS sid, s.claim_id IS NOT NULL AS linked,"
    " m.relation = 'conflict' AS conflict"
    " FROM statements s JOIN matches m ON m.{col} = s.id WHERE s.article_id IN ({marks})"
)
_KINDS = (
    "SELECT aid, sid, max(conflict) AS conflict, max(linked) AS linked FROM ({sides}) GROUP BY sid"
)


def _matched_kinds(marks: str) -> str:
    """SQL: (article, statement, conflict, linked) of each matched statement of the
    articles bound to ``marks`` (twice: one list per side)."""
    sides = " UNION ALL ".join(_SIDE.format(col=col, marks=marks) for col in ("a", "b"))
    return _KINDS.format(sides=sides)


def _status(conflict: int, linked: int) -> str:
    return "conflict" if conflict else "corroborated" if linked else "related"


def statement_statuses(db: sqlite_utils.Database, article_id: int) -> dict[int, str]:
    """statement id -> 'conflict' (some source gives other numbers), 'corroborated'
    (another source in its claim says the same), 'related' (matched only apart: the
    same event, another claim, or the same words in another claim) or 'unique' (no
    other source), for one article."""
    out = {
        r[0]: "unique"
        for r in db.execute("SELECT id FROM statements WHERE article_id = ?", (article_id,))
    }
    for _aid, sid, conflict, linked in db.execute(_matched_kinds("?"), (article_id, article_id)):
        out[sid] = _status(conflict, linked)
    return out


def article_match_counts(
    db: sqlite_utils.Database, article_ids: Sequence[int]
) -> dict[int, tuple[int, int, int]]:
    """article id -> (statements corroborated within their claim, statements in
    conflict, statements matched only apart: :func:`statement_statuses`)."""
    out = {int(a): (0, 0, 0) for a in article_ids}
    for marks, chunk in id_chunks(sorted(out)):
        # One query per page, summed in SQLite: each matched statement's strongest
        # relation over both sides of its matches (it is a or b), then per article;
        # 100 rows come back, not one per matched statement and side.
        sql = (
            "SELECT aid, sum(linked AND NOT conflict), sum(conflict), sum(NOT linked) FROM ("
            + _matched_kinds(marks)
            + ") GROUP BY aid"
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

    Each: ``score, relation, claim_id`` (the claim both statements are in, else None:
    a ``same`` match counts only within one, :func:`counted`), ``diffs`` (as stored:
    ``a`` is statement ``a``'s wording) and ``a``/``b``: ``{statement_id, text,
    article_id, title, source, date, speaker, seq, claim_id}``. With ``article_id``,
    only pairs with a statement of that article (it is ``a``).
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
        claim = sides[a]["claim_id"]
        out.append(
            {
                "score": score,
                "relation": rel,
                # the claim both are in, where the match counts (counted); else None
                "claim_id": claim if claim == sides[b]["claim_id"] else None,
                "diffs": diffs,
                "a": sides[first],
                "b": sides[second],
            }
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
