"""Claims: statements from different sources that say the same thing.

A claim is a connected component of the ``matches`` graph (``same`` and
``conflict`` edges): if outlet A's statement matches B's and B's matches C's,
all three carry one claim. A statement no other source matches has
``claim_id`` NULL — it is unique to its source.

For each claim, ``claims`` stores the first statement (earliest article date,
then lowest id; undated articles count as last), its date, the number of
distinct sources and statements, and whether any edge is a conflict. The number
variants and speakers are read on demand (:func:`claim_detail`).

:func:`rebuild_claims` recomputes every claim; :func:`update_claims` only the
components touching some statements (incremental matching, replaced articles).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

import sqlite_utils

__all__ = [
    "claim_detail",
    "grow_claims",
    "list_claims",
    "rebuild_claims",
    "stale_claims",
    "update_claims",
]


class _DSU:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if ra < rb:
                self.parent[rb] = ra
            else:
                self.parent[ra] = rb


def _components(edges: Iterable[tuple[int, int]]) -> dict[int, list[int]]:
    dsu = _DSU()
    nodes: set[int] = set()
    for a, b in edges:
        nodes.add(a)
        nodes.add(b)
        dsu.union(a, b)
    groups: dict[int, list[int]] = {}
    for x in sorted(nodes):
        groups.setdefault(dsu.find(x), []).append(x)
    return groups


def _write_claims(
    conn: sqlite3.Connection, groups: Iterable[list[int]], conflicts: set[tuple[int, int]]
) -> int:
    """Insert one claim per component (>= 2 statements); set statements.claim_id."""
    n = 0
    batch: list[list[int]] = []
    conflict_ends = {a for a, _ in conflicts}

    def flush() -> None:
        nonlocal n
        if not batch:
            return
        ids = [sid for g in batch for sid in g]
        info: dict[int, tuple[int, str | None]] = {}
        for start in range(0, len(ids), 900):
            chunk = ids[start : start + 900]
            marks = ",".join("?" * len(chunk))
            for sid, source, date in conn.execute(
                f"SELECT s.id, a.source_id, a.date FROM statements s"
                f" JOIN articles a ON a.id = s.article_id WHERE s.id IN ({marks})",
                chunk,
            ):
                info[sid] = (source, date)
        updates: list[tuple[int, int]] = []
        for group in batch:
            members = [sid for sid in group if sid in info]
            if len(members) < 2:
                continue
            first = min(members, key=lambda s: (info[s][1] is None, info[s][1] or "", s))
            sources = {info[s][0] for s in members}
            # Both ends of an edge are in the same component: one end decides.
            has_conflict = any(sid in conflict_ends for sid in members)
            cid = conn.execute(
                "INSERT INTO claims(first_statement_id, first_date, n_sources, n_statements,"
                " has_conflict) VALUES (?, ?, ?, ?, ?)",
                (first, info[first][1], len(sources), len(members), int(has_conflict)),
            ).lastrowid
            updates.extend((cid, sid) for sid in members)
            n += 1
        conn.executemany("UPDATE statements SET claim_id = ? WHERE id = ?", updates)
        batch.clear()

    for group in groups:
        batch.append(sorted(group))
        if sum(len(g) for g in batch) >= 5000:
            flush()
    flush()
    return n


def rebuild_claims(conn: sqlite3.Connection) -> int:
    """Recompute every claim from the matches table (inside the caller's transaction)."""
    conn.execute("UPDATE statements SET claim_id = NULL WHERE claim_id IS NOT NULL")
    conn.execute("DELETE FROM claims")
    edges = []
    conflicts: set[tuple[int, int]] = set()
    for a, b, rel in conn.execute("SELECT a, b, relation FROM matches"):
        edges.append((a, b))
        if rel == "conflict":
            conflicts.add((a, b))
    return _write_claims(conn, _components(edges).values(), conflicts)


def stale_claims(conn: sqlite3.Connection) -> list[int]:
    """Claims whose statements changed under them (some were deleted with a replaced
    article; a trigger marks them)."""
    return [r[0] for r in conn.execute("SELECT id FROM claims WHERE stale = 1")]


def update_claims(
    conn: sqlite3.Connection,
    statement_ids: Iterable[int],
    claim_ids: Iterable[int] = (),
    *,
    new: Iterable[int] = (),
    size_limit: int = 1 << 62,
) -> tuple[int, set[int], set[int]]:
    """Recompute the claims of the components holding ``statement_ids`` (the new and
    matched ones) and of the claims ``claim_ids`` (inside the caller's transaction).

    Returns (claims written, every statement whose claim was recomputed, the
    statements whose claim did more than gain some ``new`` statements, or crossed
    ``size_limit`` statements: only around those can other groupings change).
    """
    seeds = set(statement_ids)
    claim_ids = set(claim_ids)
    if claim_ids:
        for chunk in _chunks(sorted(claim_ids)):
            marks = ",".join("?" * len(chunk))
            seeds.update(
                r[0]
                for r in conn.execute(
                    f"SELECT id FROM statements WHERE claim_id IN ({marks})", chunk
                )
            )
    # Breadth-first over the matches graph from the seeds.
    seen = set(seeds)
    frontier = list(seeds)
    edges: set[tuple[int, int]] = set()
    conflicts: set[tuple[int, int]] = set()
    while frontier:
        nxt: list[int] = []
        for chunk in _chunks(frontier):
            marks = ",".join("?" * len(chunk))
            for a, b, rel in conn.execute(
                f"SELECT a, b, relation FROM matches WHERE a IN ({marks})"
                f" UNION ALL SELECT a, b, relation FROM matches WHERE b IN ({marks})",
                chunk + chunk,
            ):
                edges.add((a, b))
                if rel == "conflict":
                    conflicts.add((a, b))
                for x in (a, b):
                    if x not in seen:
                        seen.add(x)
                        nxt.append(x)
        frontier = nxt
    # The claims these statements had before: delete them (statements' claim_id is
    # cleared first, so ON DELETE SET NULL has nothing to do).
    before: dict[int, set[int]] = {cid: set() for cid in claim_ids}
    for chunk in _chunks(sorted(seen)):
        marks = ",".join("?" * len(chunk))
        for sid, cid in conn.execute(
            f"SELECT id, claim_id FROM statements WHERE id IN ({marks}) AND claim_id IS NOT NULL",
            chunk,
        ):
            before.setdefault(cid, set()).add(sid)
    sizes: dict[int, int] = {}
    for chunk in _chunks(sorted(before)):
        marks = ",".join("?" * len(chunk))
        sizes.update(
            conn.execute(f"SELECT id, n_statements FROM claims WHERE id IN ({marks})", chunk)
        )
        conn.execute(f"UPDATE statements SET claim_id = NULL WHERE claim_id IN ({marks})", chunk)
        conn.execute(f"DELETE FROM claims WHERE id IN ({marks})", chunk)
    groups = list(_components(edges).values())
    written = _write_claims(conn, groups, conflicts)
    return written, seen, _regrouped(before, sizes, groups, set(new), size_limit)


def _regrouped(
    before: dict[int, set[int]],
    sizes: dict[int, int],
    groups: list[list[int]],
    grown_by: set[int],
    size_limit: int,
) -> set[int]:
    """Statements whose claim is not just its old claim grown by some of ``grown_by``:
    claims merged, split or dissolved, or whose size (``sizes``: the old ones,
    statements since deleted included) crossed ``size_limit``."""
    out: set[int] = set()
    kept: set[int] = set()
    for group in groups:
        members = set(group)
        old_ids = {cid for cid, old in before.items() if old & members}
        if len(old_ids) == 1:
            cid = old_ids.pop()
            old = before[cid]
            if old <= members and not (members - old - grown_by):
                old_size = sizes.get(cid, len(old))
                if (old_size > size_limit) == (len(members) > size_limit):
                    kept.add(cid)
                    continue
        out |= members
    for cid, old in before.items():
        if cid not in kept:
            out |= old
    return out


def grow_claims(
    conn: sqlite3.Connection,
    new: set[int],
    edges: Iterable[tuple[int, int, str]],
    *,
    size_limit: int = 1 << 62,
) -> tuple[int, set[int]] | None:
    """Add new statements and their matches (``edges``: a, b, relation; each with a
    new statement) to the claims, without walking the matches graph: matches only
    ever join components, so a new component is the old claims it touches plus the
    new statements. The largest old claim keeps its id; the others are merged in.

    Returns (claims written, statements around which stories may change, as
    :func:`update_claims`), or None when some ``new`` statement already has a claim
    (matched again: its old matches are gone, a claim may split; use
    :func:`update_claims`).
    """
    edges = list(edges)
    ends = sorted({x for a, b, _ in edges for x in (a, b)} | new)
    claim_of: dict[int, int] = {}
    for chunk in _chunks(ends):
        marks = ",".join("?" * len(chunk))
        claim_of.update(
            conn.execute(
                f"SELECT id, claim_id FROM statements WHERE id IN ({marks})"
                " AND claim_id IS NOT NULL",
                chunk,
            )
        )
    if new & claim_of.keys():
        return None
    # An old statement with a claim stands for the claim (node -claim id).
    dsu = _DSU()
    conflicted: set[int] = set()
    nodes: set[int] = set()
    for a, b, relation in edges:
        na, nb = -claim_of.get(a, -a), -claim_of.get(b, -b)
        dsu.union(na, nb)
        nodes.update((na, nb))
        if relation == "conflict":
            conflicted.add(na)
    groups: dict[int, list[int]] = {}
    for node in sorted(nodes):
        groups.setdefault(dsu.find(node), []).append(node)
    regrouped: set[int] = set()
    for nodes in groups.values():
        regrouped |= _merge(conn, nodes, new, conflicted, size_limit)
    return len(groups), regrouped


def _merge(
    conn: sqlite3.Connection,
    nodes: list[int],
    new: set[int],
    conflicted: set[int],
    size_limit: int,
) -> set[int]:
    """Write one grown component: old claims (nodes < 0) and loose statements (> 0).
    Returns the statements around which stories may change."""
    cids = [-n for n in nodes if n < 0]
    loose = [n for n in nodes if n > 0]
    old: dict[int, tuple[Any, ...]] = {}  # cid -> (first, first_date, n_statements, conflict)
    for chunk in _chunks(cids):
        for cid, *row in conn.execute(
            "SELECT id, first_statement_id, first_date, n_statements, has_conflict"
            f" FROM claims WHERE id IN ({','.join('?' * len(chunk))})",
            chunk,
        ):
            old[cid] = tuple(row)
    dates: dict[int, str | None] = {}
    for chunk in _chunks(loose):
        dates.update(
            conn.execute(
                "SELECT s.id, a.date FROM statements s JOIN articles a ON a.id = s.article_id"
                f" WHERE s.id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
        )
    firsts = [(row[1], row[0]) for row in old.values()] + [(d, s) for s, d in dates.items()]
    first_date, first = min(firsts, key=lambda f: (f[0] is None, f[0] or "", f[1]))
    size = sum(row[2] for row in old.values()) + len(dates)
    has_conflict = any(row[3] for row in old.values()) or any(n in conflicted for n in nodes)
    # Stories count a claim's links only up to size_limit statements: links change
    # around old statements that gained a counted claim, around counted claims that
    # merged, and around claims that crossed the limit (new articles are looked at
    # anyway).
    if size > size_limit:
        changed_claims = [c for c in old if old[c][2] <= size_limit]
        regrouped: set[int] = set()
    elif len(old) == 1 and all(s in new for s in dates):
        changed_claims, regrouped = [], set()
    else:
        changed_claims, regrouped = list(old), {s for s in dates if s not in new}
    for cid in changed_claims:
        regrouped.update(
            r[0] for r in conn.execute("SELECT id FROM statements WHERE claim_id = ?", (cid,))
        )
    if old:
        target = max(old, key=lambda c: (old[c][2], -c))
        others = [c for c in old if c != target]
        if others:
            marks = ",".join("?" * len(others))
            conn.execute(
                f"UPDATE statements SET claim_id = ? WHERE claim_id IN ({marks})", [target, *others]
            )
            conn.execute(f"DELETE FROM claims WHERE id IN ({marks})", others)
    else:
        target = conn.execute("INSERT INTO claims(n_sources, n_statements) VALUES (0, 0)").lastrowid
    conn.executemany(
        "UPDATE statements SET claim_id = ? WHERE id = ?", [(target, s) for s in dates]
    )
    (n_sources,) = conn.execute(
        "SELECT count(DISTINCT a.source_id) FROM statements s JOIN articles a"
        " ON a.id = s.article_id WHERE s.claim_id = ?",
        (target,),
    ).fetchone()
    conn.execute(
        "UPDATE claims SET first_statement_id = ?, first_date = ?, n_sources = ?,"
        " n_statements = ?, has_conflict = ? WHERE id = ?",
        (first, first_date, n_sources, size, int(has_conflict), target),
    )
    return regrouped


def _chunks(ids: list[int] | set[int], size: int = 400) -> Iterable[list[int]]:
    ids = list(ids)
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


# ------------------------------------------------------------------ reading


def claim_detail(db: sqlite_utils.Database, claim_id: int) -> dict[str, Any] | None:
    """One claim: who reported it, first, in what words, with which numbers.

    Keys: ``id``, ``first_date``, ``first_source``, ``first_statement_id``,
    ``first_article_id``, ``n_sources``, ``n_statements``, ``has_conflict``,
    ``sources`` (list of ``{source, statements: [{id, text, article_id, title, date,
    speaker, kind}]}``, earliest first), ``numbers`` (list of ``{unit, values:
    [{value, raw, sources, statement_ids}]}``: the variants of each kind of number
    the statements give; more than one value means the sources disagree) and
    ``speakers`` (list of ``{speaker, sources}``).
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
            " WHERE s.claim_id = ? ORDER BY a.date IS NULL, a.date, s.id",
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
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
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
    first_statement_id, text`` (the first statement's text).
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
    )
    return [
        {
            "id": r[0],
            "n_sources": r[1],
            "n_statements": r[2],
            "has_conflict": bool(r[3]),
            "first_date": r[4],
            "first_source": r[5],
            "first_statement_id": r[6],
            "text": r[7],
        }
        for r in rows
    ]
