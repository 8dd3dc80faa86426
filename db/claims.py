"""Claims: statements from different sources that say the same thing.

A claim gathers around its *centre*, the first of its statements the database
holds (lowest id), by the rule of :mod:`db.grouping`: in id order, each
statement joins the claim of its best match (``same`` or ``conflict``, by score;
``related`` matches never make claims) among older statements that is a centre,
else one that matches its claim's centre directly, else is a centre itself. So
every statement of a claim matches the centre or a statement that does, and a
claim never drifts along a chain of look-alikes. No statement joins a claim that
holds one it was matched as ``related`` to (one event, another claim: issue 11), be
it matched to the centre or brought along: it joins the best claim it fits, else is
a centre. A statement no other source matches has ``claim_id`` NULL: it is unique
to its source.

For each claim, ``claims`` stores the first statement (earliest article date,
then lowest id; undated articles count as last), its date, the number of
distinct sources and statements, and whether two of its statements conflict.
The number variants and speakers are read on demand (:func:`claim_detail`).

:func:`rebuild_claims` places every statement; :func:`place_claims` only some
(new articles, articles matched again, claims that lost statements): the claims
those are in are dissolved and their statements placed again, in id order,
beside the claims of every other statement as they stand.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

import sqlite_utils

from db.dates import EARLIEST_FIRST_SQL, earliest_first, first_sources
from db.grouping import CENTRE, Placement, Placer, level_in, store_groups
from db.id_chunks import id_chunks

__all__ = [
    "CLAIM_LINK",
    "CLAIM_RELATIONS",
    "claim_detail",
    "list_claims",
    "place_claims",
    "rebuild_claims",
    "stale_claims",
]


# Which matches make claims (SQL on table ``matches``): 'same' and 'conflict'. A
# 'related' match (the same event, another claim) is shown apart and never joins two
# statements into one claim, so it never counts as corroboration either.
CLAIM_RELATIONS = ("same", "conflict")
CLAIM_LINK = "relation IN ('same', 'conflict')"


class _Stored:
    """Where statements stand in the claims of the database (for the Placer)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.cache: dict[int, Placement] = {}

    def where(self, sid: int) -> Placement:
        if sid not in self.cache:
            self.fetch([sid])
        return self.cache[sid]

    def fetch(self, sids: Iterable[int]) -> None:
        todo = sorted({s for s in sids if s not in self.cache})
        claim_of = _claims_of(self.conn, todo)
        centres = _centres(self.conn, set(claim_of.values()))
        members: dict[int, list[int]] = {}  # centre -> statements to test
        for sid, cid in claim_of.items():
            if centres[cid] != sid:
                members.setdefault(centres[cid], []).append(sid)
        direct: set[int] = set()
        for centre, sids_ in members.items():
            for marks, chunk in id_chunks(sorted(sids_)):
                direct.update(
                    r[0]
                    for r in self.conn.execute(
                        f"SELECT b FROM matches WHERE a = ? AND b IN ({marks}) AND {CLAIM_LINK}",
                        [centre, *chunk],
                    )
                )
        for sid in todo:
            cid = claim_of.get(sid)
            if cid is None:
                self.cache[sid] = (None, CENTRE)
            else:
                self.cache[sid] = (cid, level_in(sid, centres[cid], sid in direct))


def _lookup(conn: sqlite3.Connection, sql: str, ids: Iterable[int]) -> dict[int, int]:
    """The (key, value) rows of ``sql`` (a query whose ``{marks}`` takes an id list)
    over ``ids``, in chunks."""
    out: dict[int, int] = {}
    for marks, chunk in id_chunks(sorted(ids)):
        out.update(conn.execute(sql.format(marks=marks), chunk))
    return out


def _claims_of(conn: sqlite3.Connection, sids: Iterable[int]) -> dict[int, int]:
    """statement -> claim id, for the statements that have one."""
    sql = "SELECT id, claim_id FROM statements WHERE id IN ({marks}) AND claim_id IS NOT NULL"
    return _lookup(conn, sql, sids)


def _centres(conn: sqlite3.Connection, cids: Iterable[int]) -> dict[int, int]:
    """claim -> its centre (its lowest statement id)."""
    sql = "SELECT claim_id, min(id) FROM statements WHERE claim_id IN ({marks}) GROUP BY claim_id"
    return _lookup(conn, sql, cids)


def _members(conn: sqlite3.Connection, cids: Iterable[int]) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {}
    for marks, chunk in id_chunks(sorted(cids)):
        for sid, cid in conn.execute(
            f"SELECT id, claim_id FROM statements WHERE claim_id IN ({marks})", chunk
        ):
            out.setdefault(cid, set()).add(sid)
    return out


def _sizes(conn: sqlite3.Connection, cids: Iterable[int]) -> dict[int, int]:
    """The stored statement counts of claims (before they change)."""
    return _lookup(conn, "SELECT id, n_statements FROM claims WHERE id IN ({marks})", cids)


def _store(conn: sqlite3.Connection, claim: dict[int, int]) -> dict[int, int]:
    """Rows for the claims a run formed, claim ids for its statements: key -> claim id."""
    return store_groups(
        conn,
        claim,
        "INSERT INTO claims(n_sources, n_statements) VALUES (0, 0)",
        "UPDATE statements SET claim_id = ? WHERE id = ?",
    )


def _refresh(conn: sqlite3.Connection, cids: Iterable[int], conflicted: set[int]) -> None:
    """Recompute the stored row of claims from their statements: first seen (earliest
    date, then lowest id; undated last), sources, statements; ``conflicted``: the
    claims two of whose statements conflict."""
    rows = []
    for marks, chunk in id_chunks(sorted(cids)):
        found: dict[int, list[tuple[Any, ...]]] = {}
        for cid, sid, source, date in conn.execute(
            "SELECT s.claim_id, s.id, a.source_id, a.date FROM statements s"
            f" JOIN articles a ON a.id = s.article_id WHERE s.claim_id IN ({marks})",
            chunk,
        ):
            found.setdefault(cid, []).append((earliest_first(date), sid, source))
        for cid, members in found.items():
            when, first, _source = min(members)
            date = when[3]
            n_sources = len({m[2] for m in members})
            rows.append((first, date or None, n_sources, len(members), int(cid in conflicted), cid))
    conn.executemany(
        "UPDATE claims SET first_statement_id = ?, first_date = ?, n_sources = ?,"
        " n_statements = ?, has_conflict = ?, stale = 0 WHERE id = ?",
        rows,
    )


def _conflicted(conn: sqlite3.Connection, cids: Iterable[int]) -> set[int]:
    """The claims two of whose statements conflict (a 'conflict' match inside)."""
    out: set[int] = set()
    for marks, chunk in id_chunks(sorted(cids)):
        out.update(
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT x.claim_id FROM statements x"
                " JOIN matches m ON m.a = x.id AND m.relation = 'conflict'"
                f" JOIN statements y ON y.id = m.b WHERE x.claim_id IN ({marks})"
                " AND y.claim_id = x.claim_id",
                chunk,
            )
        )
    return out


def _delete(conn: sqlite3.Connection, cids: Iterable[int]) -> None:
    """Delete claims (statements' claim_id cleared first: ON DELETE SET NULL has
    nothing to do)."""
    for marks, chunk in id_chunks(sorted(cids)):
        conn.execute(f"UPDATE statements SET claim_id = NULL WHERE claim_id IN ({marks})", chunk)
        conn.execute(f"DELETE FROM claims WHERE id IN ({marks})", chunk)


def rebuild_claims(conn: sqlite3.Connection) -> int:
    """Place every statement again, from the matches table (inside the caller's
    transaction). Returns the number of claims."""
    conn.execute("UPDATE statements SET claim_id = NULL WHERE claim_id IS NOT NULL")
    conn.execute("DELETE FROM claims")
    # Statements never placed here have no older match: centres without a claim.
    placer = Placer(lambda _sid: (None, CENTRE), _judged_apart(conn))
    conflicts: list[tuple[int, int]] = []
    current, older = None, []
    for a, b, score, relation in conn.execute(
        f"SELECT a, b, score, relation FROM matches WHERE {CLAIM_LINK} ORDER BY b"
    ):
        if b != current:
            if current is not None:
                placer.place(current, older)
            current, older = b, []
        older.append((a, score))
        if relation == "conflict":
            conflicts.append((a, b))
    if current is not None:
        placer.place(current, older)
    claim = placer.group
    conflicted_keys = {claim[a] for a, b in conflicts if a in claim and claim.get(b) == claim[a]}
    ids = _store(conn, claim)
    _refresh(conn, set(ids.values()), {ids[k] for k in conflicted_keys})
    return len(ids)


def _judged_apart(conn: sqlite3.Connection) -> Callable[[int], list[int]]:
    """The statements matched as `related` to a statement (one event, another claim),
    older or younger: none of them may share its claim (:class:`db.grouping.Placer`).
    Read when asked (two index lookups), for the statements the Placer tries to place:
    far fewer than the related matches a whole scan would read."""

    def apart(sid: int) -> list[int]:
        return [
            r[0]
            for r in conn.execute(
                "SELECT b FROM matches WHERE a = ? AND relation = 'related'"
                " UNION ALL SELECT a FROM matches WHERE b = ? AND relation = 'related'",
                (sid, sid),
            )
        ]

    return apart


def stale_claims(conn: sqlite3.Connection) -> list[int]:
    """Claims whose statements changed under them (some were deleted with a replaced
    article; a trigger marks them)."""
    return [r[0] for r in conn.execute("SELECT id FROM claims WHERE stale = 1")]


def place_claims(
    conn: sqlite3.Connection,
    statement_ids: Iterable[int],
    claim_ids: Iterable[int] = (),
    *,
    new: Iterable[int] = (),
    size_limit: int = 1 << 62,
) -> tuple[int, set[int]]:
    """Place ``statement_ids`` (new, or matched again) and the statements of the
    claims ``claim_ids`` (stale ones) into claims, inside the caller's transaction.
    The claims any of them is in are dissolved and all their statements placed again.

    Returns (claims written, the statements around which stories may change: those
    whose claim did more than gain some ``new`` statements, old statements that
    joined a claim, and the statements of claims that crossed ``size_limit``).
    """
    new = set(new)
    affected = set(statement_ids)
    dissolved = set(claim_ids) | set(_claims_of(conn, affected).values())
    before = _members(conn, dissolved)
    sizes = _sizes(conn, dissolved)
    for members in before.values():
        affected |= members
    _delete(conn, dissolved)
    stored = _Stored(conn)
    placer = Placer(stored.where, _judged_apart(conn))
    for marks, chunk in id_chunks(sorted(affected)):
        older: dict[int, list[tuple[int, float]]] = {}
        for b, a, score in conn.execute(
            f"SELECT b, a, score FROM matches WHERE b IN ({marks}) AND {CLAIM_LINK}", chunk
        ):
            older.setdefault(b, []).append((a, score))
        stored.fetch(a for pairs in older.values() for a, _ in pairs if a not in affected)
        for sid in chunk:
            placer.place(sid, older.get(sid, ()))
    grown = {k for k in placer.group.values() if k > 0}
    grown_sizes = _sizes(conn, grown)
    ids = _store(conn, placer.group)
    touched = set(ids.values())
    _refresh(conn, touched, _conflicted(conn, touched))
    regrouped = _regrouped(before, sizes, placer.groups(), new, size_limit)
    # Old statements that had no claim and now have one (a centre, or brought along).
    regrouped |= {sid for sid in placer.group if sid not in affected}
    grown_to = _sizes(conn, grown)
    crossed = [c for c in grown if (grown_sizes[c] > size_limit) != (grown_to[c] > size_limit)]
    for members in _members(conn, crossed).values():
        regrouped |= members
    return len(touched), regrouped


def _regrouped(
    before: dict[int, set[int]],
    sizes: dict[int, int],
    groups: dict[int, list[int]],
    grown_by: set[int],
    size_limit: int,
) -> set[int]:
    """Statements of dissolved claims (``before``; ``sizes``: their stored counts,
    deleted statements included) that did not just form their old claim again, grown
    by some of ``grown_by``: moved, split, merged, or crossed ``size_limit``."""
    group_of = {sid: key for key, members in groups.items() for sid in members}
    out: set[int] = set()
    for cid, old in before.items():
        keys = {group_of.get(sid) for sid in old}
        if len(keys) == 1:
            (key,) = keys
            if key is not None and key < 0:
                members = set(groups[key])
                if old <= members and not (members - old - grown_by):
                    if (sizes.get(cid, len(old)) > size_limit) == (len(members) > size_limit):
                        continue
                    out |= members
                    continue
        out |= old
        for key in keys:
            if key is not None:
                out |= {s for s in groups[key] if s not in grown_by}
    return out


# ------------------------------------------------------------------ reading


def claim_detail(db: sqlite_utils.Database, claim_id: int) -> dict[str, Any] | None:
    """One claim: who reported it, first, in what words, with which numbers.

    Keys: ``id``, ``first_date``, ``first_source``, ``first_sources``,
    ``first_statement_id``, ``first_article_id``, ``n_sources``, ``n_statements``, ``has_conflict``,
    ``sources`` (list of ``{source, statements: [{id, text, article_id, title, date,
    speaker, kind}]}``, earliest first), ``numbers`` (list of ``{unit, values:
    [{value, raw, sources, statement_ids}]}``: the variants of each kind of number
    the statements give; more than one value means the sources disagree) and
    ``speakers`` (list of ``{speaker, sources}``).

    ``first_source`` is the source of the first statement (earliest date, then lowest
    id); ``first_sources`` names it and every other source with a statement as early
    (the same day, for articles dated by the day only), by name: which of those was
    first is not known, and the lowest id is only the order they were ingested in.
    """
    row = db.execute(
        "SELECT id, first_statement_id, first_date, n_sources, n_statements, has_conflict"
        " FROM claims WHERE id = ?",
        (claim_id,),
    ).fetchone()
    if row is None:
        return None
    statements = list(
        db.execute(
            "SELECT s.id, s.text, s.article_id, a.title, a.date, s.speaker, s.kind, src.name"
            " FROM statements s JOIN articles a ON a.id = s.article_id"
            " JOIN sources src ON src.id = a.source_id"
            f" WHERE s.claim_id = ? ORDER BY {EARLIEST_FIRST_SQL.format(t='a')}, s.id",
            (claim_id,),
        )
    )
    by_source: dict[str, list[dict[str, Any]]] = {}
    source_of: dict[int, str] = {}
    speakers: dict[str, set[str]] = {}
    first_source = None
    first_article = None
    for sid, text, aid, title, date, speaker, kind, source in statements:
        source_of[sid] = source
        by_source.setdefault(source, []).append(
            {
                "id": sid,
                "text": text,
                "article_id": aid,
                "title": title,
                "date": date,
                "speaker": speaker,
                "kind": kind,
            }
        )
        if speaker:
            speakers.setdefault(speaker, set()).add(source)
        if sid == row[1]:
            first_source, first_article = source, aid
    numbers: dict[str | None, dict[float, dict[str, Any]]] = {}
    ids = [s[0] for s in statements]
    for marks, chunk in id_chunks(ids):
        for sid, raw, value, unit in db.execute(
            f"SELECT statement_id, raw, value, unit FROM numbers"
            f" WHERE statement_id IN ({marks}) ORDER BY statement_id, char_start",
            chunk,
        ):
            slot = numbers.setdefault(unit, {}).setdefault(
                value, {"value": value, "raw": [], "sources": [], "statement_ids": []}
            )
            if raw not in slot["raw"]:
                slot["raw"].append(raw)
            if source_of[sid] not in slot["sources"]:
                slot["sources"].append(source_of[sid])
            slot["statement_ids"].append(sid)
    return {
        "id": row[0],
        "first_statement_id": row[1],
        "first_date": row[2],
        "first_source": first_source,
        "first_sources": first_sources([(st[4], st[7]) for st in statements]) if row[2] else [],
        "first_article_id": first_article,
        "n_sources": row[3],
        "n_statements": row[4],
        "has_conflict": bool(row[5]),
        "sources": [{"source": s, "statements": sts} for s, sts in by_source.items()],
        "numbers": [
            {"unit": unit, "values": sorted(vals.values(), key=lambda v: v["value"])}
            for unit, vals in numbers.items()
        ],
        "speakers": [
            {"speaker": spk, "sources": sorted(srcs)} for spk, srcs in sorted(speakers.items())
        ],
    }


def list_claims(
    db: sqlite_utils.Database, limit: int = 50, offset: int = 0, min_sources: int = 2
) -> list[dict[str, Any]]:
    """Claims reported by at least ``min_sources`` sources, most sources first.

    Each: ``id, n_sources, n_statements, has_conflict, first_date, first_source,
    first_sources, first_statement_id, text`` (the first statement's text);
    ``first_source`` and ``first_sources`` as :func:`claim_detail` has them (every
    source as early as the first, by name).
    """
    rows = db.execute(
        "SELECT c.id, c.n_sources, c.n_statements, c.has_conflict, c.first_date,"
        " src.name, c.first_statement_id, s.text"
        " FROM claims c LEFT JOIN statements s ON s.id = c.first_statement_id"
        " LEFT JOIN articles a ON a.id = s.article_id"
        " LEFT JOIN sources src ON src.id = a.source_id"
        " WHERE c.n_sources >= ?"
        " ORDER BY c.n_sources DESC, c.n_statements DESC, c.first_date DESC, c.id"
        " LIMIT ? OFFSET ?",
        (min_sources, limit, offset),
    ).fetchall()
    tied = _first_sources(db, [r[0] for r in rows if r[4]])
    return [
        {
            "id": r[0],
            "n_sources": r[1],
            "n_statements": r[2],
            "has_conflict": bool(r[3]),
            "first_date": r[4],
            "first_source": r[5],
            "first_sources": tied.get(r[0], []),
            "first_statement_id": r[6],
            "text": r[7],
        }
        for r in rows
    ]


def _first_sources(db: sqlite_utils.Database, cids: list[int]) -> dict[int, list[str]]:
    """:func:`db.dates.first_sources` of each of the claims ``cids`` (dated ones), read
    for them all at once (a query per :data:`db.id_chunks.ID_CHUNK` claims, not one per
    claim): only the statements dated exactly as their claim's stored first date are
    read, as only those can tie with the first (two dates tie when they are equal:
    :func:`db.dates.earliest_first`)."""
    dated: dict[int, list[tuple[str | None, str]]] = {}
    for marks, chunk in id_chunks(cids):
        for cid, date, source in db.execute(
            "SELECT s.claim_id, a.date, src.name FROM claims c"
            " JOIN statements s ON s.claim_id = c.id"
            " JOIN articles a ON a.id = s.article_id AND a.date = c.first_date"
            " JOIN sources src ON src.id = a.source_id"
            f" WHERE c.id IN ({marks})"
            f" ORDER BY s.claim_id, {EARLIEST_FIRST_SQL.format(t='a')}, s.id",
            chunk,
        ):
            dated.setdefault(cid, []).append((date, source))
    return {cid: first_sources(rows) for cid, rows in dated.items()}


def count_claims(db: sqlite_utils.Database, min_sources: int = 2) -> int:
    """How many claims :func:`list_claims` lists in all, on every page."""
    return int(
        db.execute("SELECT count(*) FROM claims WHERE n_sources >= ?", (min_sources,)).fetchone()[0]
    )
