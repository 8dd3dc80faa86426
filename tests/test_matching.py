"""Matching in the database: the seed facts end to end, incremental == full, replacement."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils
from db_helpers import PLEA_A, PLEA_B, claim_rows, once_after_scoring

from db import match_reads, matcher, matching, schema
from db.connection import connect, transaction
from db.ingest import ingest_paths
from db.regroup import regroup
from db.schema import SCHEMA_VERSION
from db.upgrade import regroup_due

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
SEED_A = SEEDS / "000_dd9f0b5d2f8810a6.txt"
SEED_B = SEEDS / "004_30c3ae78e6307b4b.txt"

# Other events, written for these tests: two outlets each, dated near the seeds.
FLOOD_C = "\n\n".join(
    [
        " date 2024-11-04 Floods force 3,000 from homes in northern Italy",
        (
            "Heavy rain forced about 3,000 people from their homes in the Emilia-Romagna "
            "region on Monday, officials said."
        ),
        "The river Lamone burst its banks near the town of Faenza overnight.",
        (
            "Regional president Michele de Pascale said the damage would run into hundreds of"
            " millions of euros."
        ),
    ]
)
FLOOD_D = "\n\n".join(
    [
        " date 2024-11-05 Thousands evacuated as Italian river bursts its banks",
        (
            "Some 2,500 people were forced from their homes in Emilia-Romagna by heavy rain "
            "on Monday, according to officials."
        ),
        "The Lamone river burst its banks near Faenza during the night.",
        "Schools in the province of Ravenna will stay closed on Tuesday.",
    ]
)


def stmt(db: sqlite_utils.Database, source: str, needle: str) -> int:
    row = db.execute(
        "SELECT s.id FROM statements s JOIN articles a ON a.id = s.article_id"
        " JOIN sources src ON src.id = a.source_id WHERE src.name = ? AND s.text LIKE ?",
        (source, f"%{needle}%"),
    ).fetchone()
    assert row, needle
    return int(row[0])


def pairs(db: sqlite_utils.Database) -> dict[tuple[int, int], tuple[str, str | None]]:
    return {
        (a, b): (rel, diff)
        for a, b, rel, diff in db.execute("SELECT a, b, relation, diff FROM matches")
    }


def claim_sets(db: sqlite_utils.Database) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for sid, cid in db.execute("SELECT id, claim_id FROM statements WHERE claim_id IS NOT NULL"):
        groups.setdefault(cid, set()).add(sid)
    return {frozenset(g) for g in groups.values()}


@pytest.fixture
def seeds_db(tmp_path: Path) -> sqlite_utils.Database:
    db = connect(tmp_path / "seeds.db")
    ingest_paths(db, [SEED_A], source="A", match=False)
    ingest_paths(db, [SEED_B], source="B", match=False)
    matching.match_all(db)
    return db


def linked(db: sqlite_utils.Database, a: int, b: int) -> tuple[str, list] | None:
    row = db.execute(
        "SELECT relation, diff FROM matches WHERE a = ? AND b = ?", (min(a, b), max(a, b))
    ).fetchone()
    if row is None:
        return None
    diffs = json.loads(row[1]) if row[1] else []
    if a > b:
        for d in diffs:
            d["a"], d["b"] = d["b"], d["a"]
    return row[0], diffs


def test_seed_umerov_statement_matches_the_other_outlets_headline(seeds_db) -> None:
    a = stmt(seeds_db, "A", 'said a "small group" of North Korean soldiers were attacked')
    b = stmt(seeds_db, "B", 'Ukrainian troops "engaged in small scale"')
    kind = seeds_db.execute("SELECT kind FROM statements WHERE id = ?", (b,)).fetchone()[0]
    assert kind == "headline"
    assert linked(seeds_db, a, b) == ("same", [])


def test_seed_troop_numbers_conflict(seeds_db) -> None:
    a = stmt(seeds_db, "A", "an estimated 11,000 North Korean soldiers")
    b = stmt(seeds_db, "B", "at least 10,000 DPRK forces")
    rel, diffs = linked(seeds_db, a, b)
    assert rel == "conflict"
    assert [(d["a"], d["b"], d["a_value"], d["b_value"]) for d in diffs] == [
        ("an estimated 11,000", "at least 10,000", 11000, 10000)
    ]


def test_seed_kovalenko_statements_match(seeds_db) -> None:
    a = stmt(seeds_db, "A", "Andriy Kovalenko first said in a Telegram post")
    b = stmt(seeds_db, "B", "Earlier, Andriy Kovalenko")
    assert linked(seeds_db, a, b) is not None


def test_seed_unrelated_statements_do_not_match(seeds_db) -> None:
    unrelated_a = [
        "mutual defence treaty",
        "They're wearing Russian uniforms",
        "help each other in the event",
    ]
    unrelated_b = ["ballistic missile", "Kim Yo Jong", "Pyongyang has vowed to support Moscow"]
    matched = {x for pair in pairs(seeds_db) for x in pair}
    for needle in unrelated_a:
        assert stmt(seeds_db, "A", needle) not in matched, needle
    for needle in unrelated_b:
        assert stmt(seeds_db, "B", needle) not in matched, needle
    # Beyond the three seed facts, at most a few borderline pairs of the same story
    # (two share only the story's topic).
    assert len(pairs(seeds_db)) <= 5


def test_seed_read_functions(seeds_db) -> None:
    a = stmt(seeds_db, "A", "an estimated 11,000 North Korean soldiers")
    b = stmt(seeds_db, "B", "at least 10,000 DPRK forces")
    found = match_reads.matches_for_statement(seeds_db, b)
    # Related ones are listed too. Source A gives its figure twice, in a photo caption
    # ("… estimates that some 11,000 … [Getty Images]") and in its text ("He said an
    # estimated 11,000 …"): the text's conflict with B's "at least 10,000" is shown once.
    shown = [x for x in found if x["relation"] != "related"]
    assert [x["relation"] for x in shown] == ["conflict"]
    (m,) = shown
    assert m["statement_id"] == a
    assert m["source"] == "A"
    assert (m["diffs"][0]["a"], m["diffs"][0]["b"]) == ("at least 10,000", "an estimated 11,000")
    article_b = seeds_db.execute("SELECT article_id FROM statements WHERE id = ?", (b,)).fetchone()[
        0
    ]
    statuses = match_reads.statement_statuses(seeds_db, article_b)
    assert statuses[b] == "conflict"
    n_corr = list(statuses.values()).count("corroborated")
    n_conf = list(statuses.values()).count("conflict")
    assert n_corr >= 2 and n_conf >= 1
    n_rel = list(statuses.values()).count("related")
    assert match_reads.article_match_counts(seeds_db, [article_b]) == {
        article_b: (n_corr, n_conf, n_rel)
    }


def _write(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


def test_incremental_matching_equals_full_rebuild(tmp_path: Path) -> None:
    c = _write(tmp_path, "flood_c.txt", FLOOD_C)
    d = _write(tmp_path, "flood_d.txt", FLOOD_D)
    db = connect(tmp_path / "inc.db")
    for path, source in ((SEED_A, "A"), (c, "C"), (SEED_B, "B"), (d, "D")):
        ingest_paths(db, [path], source=source)  # matches each new article incrementally
    incremental, inc_claims = pairs(db), claim_sets(db)
    assert incremental
    report = matching.match_all(db)
    assert report.mode == "full"
    assert pairs(db) == incremental
    assert claim_sets(db) == inc_claims
    flood = stmt(db, "C", "Heavy rain forced about 3,000")
    other = stmt(db, "D", "Some 2,500 people")
    assert linked(db, flood, other)[0] == "conflict"


def test_a_caption_that_repeats_its_text_adds_no_match_of_its_own(tmp_path: Path) -> None:
    # C's first caption repeats its text's figure; its second says what its text does
    # not (the river's line is taken out of the text).
    lines = FLOOD_C.split("\n\n")
    river = lines.pop(2)
    lines[1:1] = [
        "Heavy rain forced about 3,000 people from their homes in Emilia-Romagna [Reuters]",
        river.removesuffix(".") + " [Getty Images]",
    ]
    c = _write(tmp_path, "flood_c.txt", "\n\n".join(lines))
    d = _write(tmp_path, "flood_d.txt", FLOOD_D)
    db = connect(tmp_path / "captions.db")
    for path, source in ((c, "C"), (d, "D")):
        ingest_paths(db, [path], source=source)
    kinds = dict(db.execute("SELECT text, kind FROM statements"))
    first_caption = "Heavy rain forced about 3,000 people from their homes in Emilia-Romagna"
    assert kinds[first_caption] == "caption"
    caption = stmt(db, "C", first_caption)
    text = stmt(db, "C", "Heavy rain forced about 3,000 people from their homes in the")
    evacuated = stmt(db, "D", "Some 2,500 people")
    assert linked(db, text, evacuated)[0] == "conflict"
    assert linked(db, caption, evacuated) is None
    # Where its text only relates to that statement, the caption's conflict stays.
    scored = [
        (caption, evacuated, 60.0, "conflict", None),
        (text, evacuated, 60.0, "related", None),
    ]
    assert matching.without_repeated_captions(db, scored) == scored
    river_caption = stmt(db, "C", "The river Lamone burst its banks near the town of Faenza")
    assert linked(db, river_caption, stmt(db, "D", "The Lamone river burst its banks"))
    incremental = pairs(db)
    matching.match_all(db)
    assert pairs(db) == incremental


def test_growing_claims_one_article_at_a_time_equals_a_rebuild(tmp_path: Path) -> None:
    c = _write(tmp_path, "flood_c.txt", FLOOD_C)
    d = _write(tmp_path, "flood_d.txt", FLOOD_D)
    db = connect(tmp_path / "grow.db")
    # D before C: the later article is matched first, so first-seen moves back.
    for path, source in ((SEED_B, "B"), (d, "D"), (SEED_A, "A"), (c, "C")):
        report = ingest_paths(db, [path], source=source)
        assert report.match is None or report.match.mode == "incremental"
    grown = claim_rows(db)
    assert grown and any(row[5] for row in grown)  # a conflict among them
    matching.match_all(db)
    assert claim_rows(db) == grown


def test_large_batch_path_equals_key_lookup_path(tmp_path: Path, monkeypatch) -> None:
    c = _write(tmp_path, "flood_c.txt", FLOOD_C)
    d = _write(tmp_path, "flood_d.txt", FLOOD_D)
    db = connect(tmp_path / "batch.db")
    for path, source in ((SEED_A, "A"), (c, "C"), (SEED_B, "B"), (d, "D")):
        ingest_paths(db, [path], source=source, match=False)
    first, *rest = [r[0] for r in db.execute("SELECT id FROM articles ORDER BY id")]
    matching.match_articles(db, [first])
    assert matching.match_articles(db, rest).mode == "incremental"  # not all articles
    via_keys = pairs(db)
    monkeypatch.setattr(matching, "KEYS_MAX_NEW_STATEMENTS", 0)
    report = matching.match_articles(db, rest)
    assert pairs(db) == via_keys
    assert report.same + report.conflict + report.related == len(via_keys)
    # A batch whose time window holds too many statements per new one goes by the keys.
    monkeypatch.setattr(matching, "BATCH_MAX_WINDOW_RATIO", 0)
    monkeypatch.setattr(matching, "_batch", None)  # not called
    matching.match_articles(db, rest)
    assert pairs(db) == via_keys


def test_parallel_day_order_jobs_equal_one_process(tmp_path: Path, monkeypatch) -> None:
    # An article with no day at all (undated_days finds none: no date in its text, no
    # ingest time) is a candidate of every date: the pipeline's day-less path.
    monkeypatch.setattr(matching, "undated_days", lambda db, ids: {})
    c = _write(tmp_path, "flood_c.txt", FLOOD_C)
    d = _write(tmp_path, "flood_d.txt", FLOOD_D)
    undated = _write(
        tmp_path,
        "undated.txt",
        SEED_B.read_text(encoding="utf-8").replace(" date 2024-11-05 ", "", 1),
    )
    db = connect(tmp_path / "parallel.db")
    for path, source in ((SEED_A, "A"), (c, "C"), (SEED_B, "B"), (d, "D"), (undated, "U")):
        ingest_paths(db, [path], source=source, match=False)
    assert db.execute("SELECT count(*) FROM articles WHERE date IS NULL").fetchone()[0] == 1
    serial = matching.match_all(db)
    one_process = (pairs(db), claim_sets(db), keys_of(db))
    monkeypatch.setattr(matching, "PARALLEL_MIN_STATEMENTS", 0)
    monkeypatch.setattr(matching, "WORKERS", 2)
    monkeypatch.setattr(matching, "PREPARE_STEP", 4)
    stages = []
    report = matching.match_all(db, progress=lambda stage, done, total: stages.append(stage))
    assert "score" in stages and "prepare" in stages
    assert (pairs(db), claim_sets(db), keys_of(db)) == one_process
    assert report.candidates == serial.candidates
    # The day-less copy of seed 004 is a candidate of every date: it matches seed 000.
    assert linked(db, stmt(db, "U", "Rustem Umerov told"), stmt(db, "A", "Rustem Umerov said"))


def test_jobs_of_early_dates_start_before_everything_is_prepared(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(matching, "undated_days", lambda db, ids: {})  # day-less, as above
    early = _write(tmp_path, "early.txt", FLOOD_C.replace("2024-11-04", "2024-10-01", 1))
    undated = _write(tmp_path, "undated.txt", FLOOD_D.replace(" date 2024-11-05 ", "", 1))
    db = connect(tmp_path / "jobs.db")
    for path, source in ((SEED_A, "A"), (early, "C"), (SEED_B, "B"), (undated, "U")):
        ingest_paths(db, [path], source=source, match=False)
    rows = matching._order(matching._rows(db))
    n_undated = sum(1 for r in rows if r.day is None)
    assert n_undated and all(r.day is None for r in rows[:n_undated])  # undated first
    jobs = matching._jobs(rows, len(rows))  # a job per day
    assert jobs[0] == matching._jobs(rows, 2)[0] == (0, n_undated)  # a job of their own...
    assert matching._ready_at(rows, jobs[0], 7) == len(rows)  # ...that needs every date
    for job in jobs[1:]:
        ready = matching._ready_at(rows, job, 7)
        last_day = rows[job[1] - 1].day
        assert all(r.day is None or r.day <= last_day + 7 for r in rows[:ready])
        assert all(r.day > last_day + 7 for r in rows[ready:])
    # The October article's job starts before the November seeds are prepared.
    assert matching._ready_at(rows, jobs[1], 7) < len(rows)


def test_candidates_prepared_alone_carry_their_whole_articles_context(seeds_db) -> None:
    from dataclasses import replace

    def seen(p):  # what features() reads of a statement's context
        local = {t: p.context.lw[t] for t in p.tokset}
        ctx = p.context
        return (
            replace(p, context=None),
            p.lweight,
            ctx.n,
            local,
            ctx.lead,
            ctx.gist(),
        )

    rows = matching._rows(seeds_db)
    numbers, quotes = matching._extras(seeds_db, None)
    preps = matching._prepare_articles(rows, numbers, quotes)
    every = dict(zip([r.sid for r in rows], preps, strict=True))
    some = {r.sid for r in rows[1::3]}
    chosen = [r.sid for r in rows if r.sid in some]
    # The rest of each article tokenised, or its token counts as matching stored them.
    stored = matching._stored_counts(seeds_db, {r.article_id for r in rows})
    assert len(stored) == 2
    for kwargs in ({}, {"stored": stored}):
        alone = matching._prepare_articles(rows, numbers, quotes, only=some, **kwargs)
        assert len(alone) == len(chosen)
        assert all(seen(every[sid]) == seen(p) for sid, p in zip(chosen, alone, strict=True)), (
            kwargs
        )


def test_replaced_article_recomputes_claims(tmp_path: Path) -> None:
    db = connect(tmp_path / "replace.db")
    ingest_paths(db, [SEED_A], source="A")
    b = _write(tmp_path, "b.txt", SEED_B.read_text(encoding="utf-8"))
    ingest_paths(db, [b], source="B")
    before = len(claim_sets(db))
    text = SEED_B.read_text(encoding="utf-8").replace(
        "at least 10,000 DPRK", "at least 12,000 DPRK"
    )
    # Drop the Kovalenko sentence: its claim must go.
    text = "\n".join(line for line in text.splitlines() if "Kovalenko" not in line)
    b.write_text(text, encoding="utf-8")
    report = ingest_paths(db, [b], source="B")
    assert report.replaced == 1
    kovalenko = stmt(db, "A", "Andriy Kovalenko first said")
    assert (
        db.execute("SELECT claim_id FROM statements WHERE id = ?", (kovalenko,)).fetchone()[0]
        is None
    )
    assert len(claim_sets(db)) == before - 1
    n_claims = db.execute("SELECT count(*) FROM claims").fetchone()[0]
    assert n_claims == before - 1  # no stale claim rows left behind
    a = stmt(db, "A", "an estimated 11,000 North Korean soldiers")
    new_b = stmt(db, "B", "at least 12,000 DPRK forces")
    rel, diffs = linked(db, a, new_b)
    assert rel == "conflict" and diffs[0]["b_value"] == 12000
    full = (pairs(db), claim_sets(db))
    matching.match_all(db)
    assert (pairs(db), claim_sets(db)) == full


def keys_of(db: sqlite_utils.Database) -> dict[int, tuple[int, tuple[str, ...]]]:
    return {
        sid: (day, tuple(json.loads(keys)))
        for sid, day, keys in db.execute("SELECT statement_id, day, keys FROM statement_keys")
    }


def postings(db: sqlite_utils.Database) -> set[tuple[str, int, int]]:
    return set(db.execute("SELECT key, day, statement_id FROM key_postings").fetchall())


def test_matching_keeps_the_key_index_of_every_statement(tmp_path: Path) -> None:
    db = connect(tmp_path / "keys.db")
    ingest_paths(db, [SEED_A], source="A")
    b = _write(tmp_path, "b.txt", SEED_B.read_text(encoding="utf-8"))
    ingest_paths(db, [b], source="B")  # matched incrementally: keys looked up, then stored
    sids = {r[0] for r in db.execute("SELECT id FROM statements")}
    keys = keys_of(db)
    assert set(keys) == sids
    umerov = stmt(db, "A", "Rustem Umerov said")
    assert "umerov" in keys[umerov][1]
    assert keys[umerov][0] == date(2024, 11, 6).toordinal()  # seed 000 is dated 2024-11-06
    assert postings(db) == {(k, day, sid) for sid, (day, ks) in keys.items() for k in ks}
    incremental = keys
    matching.match_all(db)
    assert keys_of(db) == incremental  # a rebuild stores the same keys

    # Replacing an article drops its old statements' keys and postings (the trigger).
    b.write_text(SEED_B.read_text(encoding="utf-8").replace("Kovalenko", "Kowalenko"), "utf-8")
    assert ingest_paths(db, [b], source="B").replaced == 1
    keys = keys_of(db)
    assert set(keys) == {r[0] for r in db.execute("SELECT id FROM statements")}
    assert postings(db) == {(k, day, sid) for sid, (day, ks) in keys.items() for k in ks}
    holders = {
        k: {sid for sid, (_d, ks) in keys.items() if k in ks} for k in ("kovalenko", "kowalenko")
    }
    assert holders["kowalenko"] and all(
        db.execute("SELECT text FROM statements WHERE id = ?", (sid,))
        .fetchone()[0]
        .count("Kowalenko")
        for sid in holders["kowalenko"]
    )
    sources = {
        sid: name
        for sid, name in db.execute(
            "SELECT s.id, src.name FROM statements s JOIN articles a ON a.id = s.article_id"
            " JOIN sources src ON src.id = a.source_id"
        )
    }
    assert {sources[sid] for sid in holders["kovalenko"]} == {"A"}  # B's old ones are gone


def _both_seeds(path: Path) -> sqlite_utils.Database:
    db = connect(path)
    ingest_paths(db, [SEED_A], source="A")
    ingest_paths(db, [SEED_B], source="B")
    return db


def test_upgrade_from_version_1_matches_again_and_stores_keys(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    db = _both_seeds(path)
    matched = pairs(db)
    for sql in (
        "DROP TRIGGER statement_keys_ad",
        "DROP TABLE key_postings",
        "DROP TABLE statement_keys",
        "DROP TABLE article_tokens",
        "DROP TRIGGER statements_claim_ad",
        "DROP INDEX claims_stale",
        "ALTER TABLE claims DROP COLUMN stale",
        "PRAGMA user_version = 1",
    ):
        db.execute(sql)
    db = _reopened(db, path)  # migrates to version 2, then 3
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT count(*) FROM articles WHERE matched = 0").fetchone()[0] == 2
    from db.ingest import match_pending

    match_pending(db)
    assert pairs(db) == matched
    assert len(keys_of(db)) == db.execute("SELECT count(*) FROM statements").fetchone()[0]


def _ingested(
    path: Path, records: dict[str, tuple[str, str]]
) -> tuple[Path, sqlite_utils.Database, dict[tuple[int, int], tuple[str, str | None]]]:
    """A database at ``path`` with ``records`` ingested (:func:`_ingest_records`), and
    its matches as a fresh ingest has them (:func:`pairs`)."""
    db = connect(path)
    _ingest_records(db, path.parent, records)
    return path, db, pairs(db)


def _ingest_records(
    db: sqlite_utils.Database,
    tmp_path: Path,
    records: dict[str, tuple[str, str]],
    date: str = "2021-02-04",
) -> None:
    """Ingest one JSON article per source ({source: (title, text)}), in order."""
    for i, (source, (title, text)) in enumerate(records.items()):
        record = {"source": source, "date": date, "title": title, "text": text}
        path_i = tmp_path / f"{i}.json"
        path_i.write_text(json.dumps(record), encoding="utf-8")
        ingest_paths(db, [path_i], source=source)


def _waiting(db: sqlite_utils.Database) -> set[str]:
    """The sources of the articles marked for matching again."""
    return {
        r[0]
        for r in db.execute(
            "SELECT s.name FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.matched = 0"
        )
    }


@contextmanager
def _left_by(db: sqlite_utils.Database, version: int) -> Iterator[sqlite3.Connection]:
    """A transaction on ``db`` that ends by stamping it with schema ``version``: the
    caller makes it what that version left."""
    with transaction(db) as conn:
        yield conn
        conn.execute(f"PRAGMA user_version = {version}")


def _reopened(db: sqlite_utils.Database, path: Path) -> sqlite_utils.Database:
    """``db`` closed and opened again: the schema's steps since its version run."""
    db.conn.close()
    return connect(path)


def _reopened_marked(
    db: sqlite_utils.Database, path: Path, version: int
) -> tuple[sqlite_utils.Database, set[str]]:
    """``db`` closed and opened again (every step since ``version`` runs), with the
    sources of the articles the step from ``version`` alone marks for matching again:
    that step run first in a transaction rolled back. What a later step marks besides
    (the step to 45 marks every article with a body) is not the tested step's."""
    db.conn.close()
    raw = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))
    try:
        raw.conn.execute("BEGIN IMMEDIATE")
        schema.MIGRATIONS[version](raw)
        marked = _waiting(raw)
        raw.conn.execute("ROLLBACK")
    finally:
        raw.conn.close()
    return connect(path), marked


def _speaker_gone_after_upgrade(
    tmp_path: Path,
    version: int,
    records: dict[str, tuple[str, str]],
    needle: tuple[str, str],
    old_speaker: str,
) -> None:
    """A statement (``needle``: source, words of it) that the rules of ``version`` gave
    ``old_speaker`` and today's give none: a database left by ``version`` with that
    speaker has the 'statements' job due, loses the speaker at the next match, and its
    matches are a fresh ingest's."""
    from db.ingest import match_pending
    from db.statements_again import statements_due

    path, db, fresh = _ingested(tmp_path / f"v{version}.db", records)
    sid = stmt(db, *needle)
    speaker = "SELECT speaker FROM statements WHERE id = ?"
    assert db.execute(speaker, (sid,)).fetchone() == (None,)
    with _left_by(db, version) as conn:
        conn.execute("UPDATE statements SET speaker = ? WHERE id = ?", (old_speaker, sid))
    db = _reopened(db, path)
    assert statements_due(db)
    match_pending(db)
    assert not statements_due(db)
    assert db.execute(speaker, (sid,)).fetchone() == (None,)
    assert pairs(db) == fresh


def _judged(conn: sqlite3.Connection, relation: str, x: int, y: int) -> None:
    """The match of statements ``x`` and ``y`` stored as ``relation`` (stored anew when
    today's rules keep no match of them)."""
    conn.execute(
        "INSERT INTO matches (a, b, score, relation) VALUES (?, ?, 90.0, ?)"
        " ON CONFLICT (a, b) DO UPDATE SET relation = excluded.relation",
        (min(x, y), max(x, y), relation),
    )


def _related_matched_again(
    tmp_path: Path,
    version: int,
    records: dict[str, tuple[str, str]],
    needles: tuple[str, str],
    waiting: set[str],
    *,
    now: str = "related",
    then: str = "same",
) -> None:
    """A pair (``needles``: words of Wire's statement and of Daily's) that today's rules
    judge ``now`` and ``version`` judged ``then``: a database left by ``version`` marks
    the articles of ``waiting`` for matching again, and its matches are then a fresh
    ingest's."""
    from db.ingest import match_pending

    path, db, fresh = _ingested(tmp_path / f"v{version}m.db", records)
    wire, daily = stmt(db, "Wire", needles[0]), stmt(db, "Daily", needles[1])
    assert fresh.get((min(wire, daily), max(wire, daily)), ("different",))[0] == now
    with _left_by(db, version) as conn:
        _judged(conn, then, wire, daily)  # as ``version`` judged the pair
    db, marked = _reopened_marked(db, path, version)
    assert marked == waiting
    match_pending(db)
    assert pairs(db) == fresh


def _of_related_matches(conn: sqlite3.Connection) -> set[str]:
    """The sources of the articles holding a related match: the step to 41 matches them
    again (a pair of two events is no longer related), whatever an older step marks."""
    return {
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT so.name FROM matches m JOIN statements s ON s.id IN (m.a, m.b)"
            " JOIN articles a ON a.id = s.article_id JOIN sources so ON so.id = a.source_id"
            " WHERE m.relation = 'related'"
        )
    }


def test_upgrade_from_version_10_keys_telling_figures(tmp_path: Path) -> None:
    """Two outlets give one figure in common words (England is a place): found only
    through the figure's key, which a database matched by version 10 lacks."""
    path = tmp_path / "v10.db"
    db = connect(path)
    texts = {
        "Wire": "The Bank of England held interest rates at 0.1% on Thursday.",
        "Daily": "The Bank of England kept rates unchanged at 0.1 percent on Thursday.",
        "Other": "Ferry crossings to Elso were cancelled for the day.",
    }
    _ingest_records(db, tmp_path, {source: (source, text) for source, text in texts.items()})
    matched = pairs(db)
    assert [rel for rel, _ in matched.values()] == ["same"]
    # As version 10 left it: no figure keys, no such match, every article matched.
    with _left_by(db, 10) as conn:
        conn.execute("DELETE FROM key_postings WHERE key LIKE '=%'")
        for sid, keys in conn.execute("SELECT statement_id, keys FROM statement_keys").fetchall():
            words = [k for k in json.loads(keys) if not k.startswith("=")]
            conn.execute(
                "UPDATE statement_keys SET keys = ? WHERE statement_id = ?",
                (json.dumps(words), sid),
            )
        conn.execute("DELETE FROM matches")
    db, waiting = _reopened_marked(db, path, 10)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert waiting == {"Wire", "Daily"}  # the ferry has no figure: left as it was
    from db.ingest import match_pending

    match_pending(db)
    assert pairs(db) == matched
    assert any(k.startswith("=") for _, keys in keys_of(db).values() for k in keys)


@pytest.mark.parametrize("version", [11, 12])
def test_upgrade_matches_headlines_without_a_body_again(tmp_path: Path, version: int) -> None:
    """Versions 12 and 13 judge two headlines without a body by a higher cut: a
    database matched before holds 'same' pairs of them that it no longer gives."""
    path = tmp_path / f"v{version}.db"
    db = connect(path)
    records = {
        "Wire": ("Chiquita combines with Fyffes to form the world's largest banana company", ""),
        "Daily": ("Chiquita and Fyffes agree a merger, forming the largest banana supplier", ""),
        # (no word the step to 41 reads otherwise: "merge" is one of lexicon.PARAPHRASES)
        "Post": ("Chiquita to combine with Fyffes", "The banana companies will combine."),
    }
    _ingest_records(db, tmp_path, records, date="2014-03-10")
    matched = pairs(db)
    with _left_by(db, version) as conn:
        # As the version left it: every article matched, its relations by the old cut.
        conn.execute("UPDATE matches SET relation = 'same'")
    db, waiting = _reopened_marked(db, path, version)
    assert waiting == {"Wire", "Daily"}  # a headline alone each; the Post has a body
    from db.ingest import match_pending

    match_pending(db)
    assert pairs(db) == matched


# Two reports of one earthquake: all the toll's two sentences share besides the figure
# is the story's (the earthquake, the place).
_TOLL_REPORTS = {
    "Wire": (
        "Earthquake strikes southern Turkey",
        "A powerful earthquake struck southern Turkey before dawn on Monday. The"
        " earthquake in Turkey killed at least 1,200 people, officials said. Rescue"
        " teams searched the rubble of collapsed buildings through the night.",
    ),
    "Daily": (
        "Deadly quake hits Turkey",
        "A strong earthquake hit southern Turkey early on Monday. At least 1,500 people"
        " were killed by the earthquake in Turkey, according to officials. Aid"
        " agencies appealed for blankets and tents.",
    ),
    "Post": ("Ferry report", "Ferry crossings to Elso were cancelled for the day."),
    "Herald": ("Ferry report", "Ferry crossings to Elso were cancelled for the whole day."),
}


def test_a_toll_that_differs_between_two_reports_of_one_story_conflicts(tmp_path: Path) -> None:
    """The figure the two give, with another value, is what makes them one claim."""
    db = connect(tmp_path / "toll.db")
    _ingest_records(db, tmp_path, _TOLL_REPORTS, date="2023-02-06")
    toll = sorted((stmt(db, "Wire", "1,200"), stmt(db, "Daily", "1,500")))
    found = pairs(db)
    assert found[toll[0], toll[1]][0] == "conflict"
    # Nothing else the two reports share is a claim of its own.
    assert sorted(rel for rel, _ in found.values()) == ["conflict", "same"]  # and the ferry


def test_upgrade_from_version_13_matches_articles_with_figures_again(tmp_path: Path) -> None:
    """Version 14 finds conflicts version 13 did not: the articles holding a figure are
    matched again, the others left as they were."""
    path = tmp_path / "v13.db"
    db = connect(path)
    _ingest_records(db, tmp_path, _TOLL_REPORTS, date="2023-02-06")
    matched = pairs(db)
    with _left_by(db, 13) as conn:
        # As version 13 left it: no match between the tolls, every article matched.
        conn.execute("DELETE FROM matches WHERE relation = 'conflict'")
    db, waiting = _reopened_marked(db, path, 13)
    assert waiting == {"Wire", "Daily"}
    from db.ingest import match_pending

    match_pending(db)
    assert pairs(db) == matched


def test_upgrade_from_version_14_no_longer_holds_two_counts_in_conflict(tmp_path: Path) -> None:
    """Version 15 tells the dead from those left without power: a database matched by
    version 14 holds their figures as a conflict; the articles with a figure or a word
    it reads otherwise are matched again and the pair becomes 'related'."""
    storm = {
        "Wire": (
            "Storm hits Oakvale County",
            "A storm swept through Oakvale County on Monday. The storm killed 12 people in"
            " Oakvale County, the sheriff said. Schools will stay closed on Tuesday.",
        ),
        "Daily": (
            "Oakvale storm",
            "High winds battered Oakvale County on Monday. The storm left 40,000 people"
            " without power in Oakvale County, the utility said. Crews worked overnight.",
        ),
        "Post": ("Ferry report", "Ferry crossings to Elso were cancelled for the day."),
        "Herald": ("Ferry report", "Ferry crossings to Elso were cancelled for the whole day."),
        # a refusal is judged otherwise too ("declined to comment" / "commented")
        "Globe": ("Ferry report", "The ferry company declined to comment on the cancellations."),
    }
    path = tmp_path / "v14.db"
    db = connect(path)
    _ingest_records(db, tmp_path, storm, date="2023-02-06")
    matched = pairs(db)
    storm_pair = (
        "FROM matches m JOIN statements a ON a.id = m.a JOIN statements b ON b.id = m.b"
        " WHERE a.text || b.text LIKE '%killed 12%' AND a.text || b.text LIKE '%without power%'"
    )
    assert [r[0] for r in db.execute(f"SELECT m.relation {storm_pair}")] == ["related"]
    with _left_by(db, 14) as conn:
        # As version 14 left it: the two counts one quantity in conflict.
        conn.execute(
            "UPDATE matches SET relation = 'conflict'"
            f" WHERE (a, b) IN (SELECT m.a, m.b {storm_pair})"
        )
    db, waiting = _reopened_marked(db, path, 14)
    assert waiting == {"Wire", "Daily", "Globe"}
    from db.ingest import match_pending

    match_pending(db)
    assert pairs(db) == matched


def test_upgrade_from_version_12_matches_stored_conflicts_again(tmp_path: Path) -> None:
    """Version 13 no longer calls a part of a quantity a conflict with the whole: a
    database matched by version 12 holds such conflicts; their articles are matched
    again, the others left as they were."""
    path = tmp_path / "v12.db"
    db = connect(path)
    texts = {
        "Wire": "Health officials in Idlib counted 40 civilian deaths after the shelling.",
        "Daily": "Health officials in Idlib counted 55 deaths after the shelling.",
        "Post": "Ferry crossings to Elso were cancelled for the day.",
        "Herald": "Ferry crossings to Elso were cancelled for the whole day.",
    }
    # a headline and a body each: no article of one statement (see SAME_P_LONE)
    titled = {
        src: (f"{src} {'ferry' if 'Ferry' in t else 'Idlib'} report", t) for src, t in texts.items()
    }
    _ingest_records(db, tmp_path, titled)
    matched = pairs(db)
    assert sorted(rel for rel, _ in matched.values()) == ["related", "same"]
    with _left_by(db, 12) as conn:
        # As version 12 left it: the deaths a conflict, every article matched.
        conn.execute("UPDATE matches SET relation = 'conflict' WHERE relation = 'related'")
    db, waiting = _reopened_marked(db, path, 12)
    assert waiting == {"Wire", "Daily"}
    from db.ingest import match_pending

    match_pending(db)
    assert pairs(db) == matched


def test_upgrade_from_version_2_regroups_chained_claims(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    db = _both_seeds(path)
    grouped = claim_sets(db)
    # Version 2 grouped claims as components: lump every matched statement together.
    with _left_by(db, 2) as conn:
        conn.execute("UPDATE statements SET claim_id = NULL")
        conn.execute("DELETE FROM claims")
        cid = conn.execute("INSERT INTO claims(n_sources, n_statements) VALUES (2, 0)").lastrowid
        conn.execute(
            "UPDATE statements SET claim_id = ? WHERE id IN (SELECT a FROM matches"
            " UNION SELECT b FROM matches)",
            (cid,),
        )
    assert len(claim_sets(db)) == 1
    db = _reopened(db, path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    # The upgrade only marks the regroup due (db.upgrade); db.regroup does it.
    assert len(claim_sets(db)) == 1 and regroup_due(db)
    assert regroup(db) is not None and not regroup_due(db)
    assert claim_sets(db) == grouped and len(grouped) > 1
    # Nothing waits for matching but what step 10 -> 11 marks: the articles with a
    # telling figure, to be keyed by it (both seeds give one).
    assert db.execute("SELECT count(*) FROM articles WHERE matched = 0").fetchone()[0] == 2


def test_window_excludes_distant_dates(tmp_path: Path) -> None:
    db = connect(tmp_path / "window.db")
    ingest_paths(db, [SEED_A], source="A", match=False)
    late = SEED_B.read_text(encoding="utf-8").replace("2024-11-05", "2025-03-05", 1)
    ingest_paths(db, [_write(tmp_path, "late.txt", late)], source="B", match=False)
    narrow = matching.match_all(db, window_days=7)
    assert narrow.candidates == 0 and narrow.related == 0
    # A wider window compares them, but four months apart one claim is at most related.
    wide = matching.match_all(db, window_days=365)
    assert wide.candidates > 0 and wide.related >= 1 and wide.same == wide.conflict == 0


def test_statements_days_apart_are_at_most_related(tmp_path: Path) -> None:
    # The seeds' same claims (A is of 2024-11-06), told by B again DAYS_APART days
    # after A: related, and the evidence says why; a day earlier they are the same.
    from db.match_evidence import evidence_for

    db = connect(tmp_path / "days.db")
    ingest_paths(db, [SEED_A], source="A", match=False)
    text = SEED_B.read_text(encoding="utf-8")
    for days, name in ((matcher.DAYS_APART - 1, "near.txt"), (matcher.DAYS_APART, "far.txt")):
        later = text.replace("2024-11-05", f"2024-11-{6 + days:02d}", 1)
        ingest_paths(db, [_write(tmp_path, name, later)], source=name[:-4], match=False)
    matching.match_all(db)
    rows = list(
        db.execute(
            "SELECT m.a, m.b, m.relation, src.name FROM matches m"
            " JOIN statements s ON s.id = m.b JOIN articles a ON a.id = s.article_id"
            " JOIN sources src ON src.id = a.source_id"
            " WHERE m.a IN (SELECT s.id FROM statements s JOIN articles a ON a.id = s.article_id"
            "  JOIN sources src ON src.id = a.source_id WHERE src.name = 'A')"
        )
    )
    near = {r for _, _, r, name in rows if name == "near"}
    far = [(a, b, r) for a, b, r, name in rows if name == "far"]
    assert "same" in near
    assert far and {r for _, _, r in far} <= {"related", "different"}
    related = [(a, b) for a, b, r in far if r == "related"]
    assert related
    why = evidence_for(db, [(*related[0], "related")])[related[0]]
    assert f"{matcher.DAYS_APART} days apart" in why["differs"]


# ------------------------------------------------------------------ the CLI

MRPC_SAMPLE = Path(__file__).parent / "fixtures" / "mrpc_sample.tsv"


def test_pairs_command_appends_score_and_relation() -> None:
    from click.testing import CliRunner

    from tui.cli import main

    result = CliRunner().invoke(main, ["pairs", str(MRPC_SAMPLE)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    inputs = MRPC_SAMPLE.read_text(encoding="utf-8").splitlines()[1:]  # header skipped
    assert len(lines) == len(inputs)
    relations = []
    for out, inp in zip(lines, inputs, strict=True):
        assert out.startswith(inp + "\t")
        score, relation = out.split("\t")[-2:]
        assert 0 <= float(score) <= 100
        relations.append(relation)
    assert relations == ["same", "conflict", "different", "same"]


def test_matching_commands(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from tui.cli import main

    db_path = tmp_path / "cli.db"
    db = connect(db_path)
    ingest_paths(db, [SEED_A], source="A", match=False)
    ingest_paths(db, [SEED_B], source="B", match=False)
    runner = CliRunner()
    base = ["--db", str(db_path)]
    r = runner.invoke(main, [*base, "match", "--json"])
    assert r.exit_code == 0, r.output
    report = json.loads(r.output)
    assert report["same"] >= 2 and report["conflict"] >= 1 and report["claims"] >= 3
    r = runner.invoke(main, [*base, "matches", "--relation", "conflict", "--json"])
    m = json.loads(r.output)["matches"][0]
    assert set(m) == {"score", "relation", "claim_id", "diffs", "a", "b", "evidence"}
    assert m["claim_id"] == m["a"]["claim_id"] == m["b"]["claim_id"] is not None
    assert "Kursk" in m["evidence"]["names"] and m["evidence"]["summary"]
    assert {m["a"]["source"], m["b"]["source"]} == {"A", "B"}
    r = runner.invoke(main, [*base, "matches"])
    assert (
        "an estimated 11,000 vs at least 10,000" in r.output
        or "at least 10,000 vs an estimated 11,000" in r.output
    )
    r = runner.invoke(main, [*base, "claims", "--json"])
    claims = json.loads(r.output)["claims"]
    assert len(claims) == report["claims"]
    r = runner.invoke(main, [*base, "claims", "--id", str(claims[0]["id"]), "--json"])
    assert json.loads(r.output)["n_sources"] == 2
    r = runner.invoke(main, [*base, "stories", "--json"])
    (story,) = json.loads(r.output)["stories"]
    r = runner.invoke(main, [*base, "stories", "--id", str(story["id"]), "--json"])
    assert len(json.loads(r.output)["articles"]) == 2


def _stories_state(db: sqlite_utils.Database) -> tuple:
    """Profiles, links and stories (members, row, pool) of a matched database."""
    profiles = list(db.execute("SELECT * FROM article_profiles ORDER BY article_id"))
    links = list(db.execute("SELECT a, b, score FROM story_links ORDER BY a, b"))
    groups: dict[int, set[int]] = {}
    for aid, sid in db.execute("SELECT id, story_id FROM articles WHERE story_id IS NOT NULL"):
        groups.setdefault(sid, set()).add(aid)
    rows = {
        r[0]: r[1:]
        for r in db.execute(
            "SELECT s.id, s.title, s.first_date, s.n_articles, s.n_sources, p.n, p.data"
            " FROM stories s LEFT JOIN story_pools p ON p.story_id = s.id"
        )
    }
    return profiles, links, {frozenset(g): rows[sid] for sid, g in groups.items()}


def test_profiling_apart_while_writing_equals_one_process(tmp_path: Path, monkeypatch) -> None:
    # A big first match profiles and links the articles in a process of its own while
    # this one writes the matches and claims, then places the stories in another
    # while this one writes the profiles: the same profiles, links and stories as
    # placing them from the tables.
    c = _write(tmp_path, "flood_c.txt", FLOOD_C)
    d = _write(tmp_path, "flood_d.txt", FLOOD_D)
    states = []
    for name, parallel in (("one.db", False), ("apart.db", True)):
        db = connect(tmp_path / name)
        for path, source in ((SEED_A, "A"), (c, "C"), (SEED_B, "B"), (d, "D")):
            ingest_paths(db, [path], source=source, match=False)
        if parallel:
            monkeypatch.setattr(matching, "PARALLEL_MIN_STATEMENTS", 0)
            monkeypatch.setattr(matching, "WORKERS", 2)
        report = matching.match_all(db)
        assert "profile_link" in report.timings
        assert ("place_wait" in report.timings) == parallel
        assert report.stories > 0
        states.append((pairs(db), claim_sets(db), _stories_state(db)))
    assert states[0] == states[1]
    assert states[0][2][0]  # profiles were made


def test_a_placing_process_that_dies_writes_nothing(tmp_path: Path, monkeypatch) -> None:
    # The process placing the stories is killed (the OOM killer): the match stops with
    # an error that says so, and the database is as it was (one transaction).
    c = _write(tmp_path, "flood_c.txt", FLOOD_C)
    db = connect(tmp_path / "dies.db")
    for path, source in ((SEED_A, "A"), (c, "C"), (SEED_B, "B")):
        ingest_paths(db, [path], source=source, match=False)
    monkeypatch.setattr(matching, "PARALLEL_MIN_STATEMENTS", 0)
    monkeypatch.setattr(matching, "WORKERS", 2)
    monkeypatch.setattr(matching, "place_stored", lambda *args: os._exit(3))
    with pytest.raises(RuntimeError, match=r"the placing process stopped \(exit code 3\)"):
        matching.match_all(db)
    assert pairs(db) == {}
    assert db.execute("SELECT count(*) FROM article_profiles").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM articles WHERE matched = 1").fetchone()[0] == 0


def test_a_repeated_statement_is_prepared_once_alike() -> None:
    memo = matching._Memo(limit=2)
    row = matching._Row(1, 1, 1, 1, 'Kyiv said 11,000 soldiers were "in Kursk".', "Rustem Umerov")
    nums = (matching.Num(11000.0, None, None, "11,000"),)
    first = memo.prepare(row, nums, ("in Kursk",))
    again = memo.prepare(matching._Row(9, 2, 2, 3, row.text, row.speaker), nums, ("in Kursk",))
    assert again is first
    assert first == matching._prepare_row(row, nums, ("in Kursk",))
    # Anything prepare reads that differs is another statement.
    assert memo.prepare(row, (), ("in Kursk",)) is not first
    assert memo.prepare(matching._Row(1, 1, 1, 1, row.text, None), nums, ("in Kursk",)) != first
    # Two generations of `limit`: the oldest is forgotten, and prepared again alike.
    for i in range(4):
        memo.prepare(matching._Row(i, 1, 1, 1, f"Statement number {i} here.", None), (), ())
    assert memo.prepare(row, nums, ("in Kursk",)) == first


def test_upgrade_from_version_15_reads_speakers_again(tmp_path: Path) -> None:
    """Version 16 finds speakers otherwise (reported speech, party labels): a database
    ingested by version 15 gets them at the next match, the articles whose statements'
    speakers changed are matched again, and the matches are a fresh ingest's."""
    from db.ingest import match_pending
    from db.statements_again import statements_due

    records = {
        "Wire": (
            "Budget deal reached",
            "Sen. Mara Quill met reporters on Tuesday. He said the budget deal would keep"
            ' the government open until March. "It is a fair deal," Rep. Lena Ortiz (D-N.M.)'
            " said.",
        ),
        "Daily": (
            "Budget deal",
            "Quill said the budget deal would keep the government open until March."
            ' Ortiz called it "a fair deal" on Tuesday.',
        ),
    }
    path, db, fresh = _ingested(tmp_path / "v15.db", records)
    said = stmt(db, "Wire", "He said the budget deal")
    quoted = stmt(db, "Wire", "It is a fair deal")
    assert db.execute("SELECT speaker FROM statements WHERE id = ?", (said,)).fetchone() == (
        "Mara Quill",
    )
    with _left_by(db, 15) as conn:
        # As version 15 left it: no speaker for either.
        conn.execute("UPDATE statements SET speaker = NULL WHERE id IN (?, ?)", (said, quoted))
        conn.execute(
            "UPDATE quotes SET speaker = NULL, speaker_start = NULL, speaker_end = NULL,"
            " speaker_kind = NULL, speaker_key = NULL WHERE statement_id = ?",
            (quoted,),
        )
    db = _reopened(db, path)
    assert statements_due(db)
    # Only step 19 marks articles before the speakers are read (both hold a quotation).
    assert _waiting(db) == {"Wire", "Daily"}
    match_pending(db)
    assert not statements_due(db)
    speakers = dict(
        db.execute("SELECT id, speaker FROM statements WHERE id IN (?, ?)", (said, quoted))
    )
    assert speakers == {said: "Mara Quill", quoted: "Lena Ortiz"}
    quote = db.execute(
        "SELECT speaker, speaker_kind, speaker_key FROM quotes WHERE statement_id = ?", (quoted,)
    ).fetchone()
    assert quote == ("Lena Ortiz", "named", "ortiz|lena")
    assert pairs(db) == fresh
    assert _waiting(db) == set()


def test_upgrade_from_version_16_reads_numbers_again(tmp_path: Path) -> None:
    """Version 17 reads a share written as two numbers ("1 in 3") as one figure: a
    database ingested by version 16 gets it at the next match, and its matches are a
    fresh ingest's (the share agrees with "one in three", where "1" and "3" did not)."""
    from db.ingest import match_pending
    from db.statements_again import statements_due

    records = {
        "Wire": (
            "Bridge may close",
            "There is a 1 in 3 chance that the Tarlow bridge will close by May, Mayor Ekwe"
            " said on Tuesday.",
        ),
        "Daily": (
            "Tarlow bridge",
            "There is a one-in-three chance that the Tarlow bridge will close by May, Mayor"
            " Ekwe said on Tuesday.",
        ),
    }
    path, db, fresh = _ingested(tmp_path / "v16.db", records)
    share = stmt(db, "Wire", "1 in 3 chance")
    numbers = "SELECT raw, value, unit FROM numbers WHERE statement_id = ? ORDER BY char_start"
    assert db.execute(numbers, (share,)).fetchall() == [("1 in 3", pytest.approx(100 / 3), "%")]
    with _left_by(db, 16) as conn:
        # As version 16 read it: two numbers, "1" and "3".
        start = conn.execute(
            "SELECT char_start FROM numbers WHERE statement_id = ?", (share,)
        ).fetchone()[0]
        conn.execute("DELETE FROM numbers WHERE statement_id = ?", (share,))
        conn.executemany(
            "INSERT INTO numbers(statement_id, char_start, char_end, raw, value, unit,"
            " qualifier) VALUES (?, ?, ?, ?, ?, NULL, NULL)",
            [(share, start, start + 1, "1", 1.0), (share, start + 5, start + 6, "3", 3.0)],
        )
    db = _reopened(db, path)
    assert statements_due(db)
    match_pending(db)
    assert not statements_due(db)
    assert db.execute(numbers, (share,)).fetchall() == [("1 in 3", pytest.approx(100 / 3), "%")]
    assert pairs(db) == fresh
    assert _waiting(db) == set()


def test_upgrade_from_version_16_matches_the_other_chamber_again(tmp_path: Path) -> None:
    """Version 17 reads the other chamber as another subject: a pair version 16 matched
    as the same claim is matched again at the next match, as a fresh ingest has it."""
    from db.ingest import match_pending

    text = "Members of the {} Oversight Committee voted 21 to 17 to subpoena Ellery Marsh."
    records = {
        "Wire": ("Panel subpoenas Marsh", text.format("House")),
        "Daily": ("Panel subpoenas Marsh", text.format("Senate")),
        "Post": ("Port strike ends", "Dockers in Valmora ended their strike on Friday."),
    }
    path, db, fresh = _ingested(tmp_path / "v16.db", records)
    house, senate = stmt(db, "Wire", "House Oversight"), stmt(db, "Daily", "Senate Oversight")
    with _left_by(db, 16) as conn:
        # As version 16 judged them: the same claim.
        _judged(conn, "same", house, senate)
    db, waiting = _reopened_marked(db, path, 16)
    assert waiting == {"Wire", "Daily"}  # not the article that names neither
    match_pending(db)
    assert pairs(db) == fresh
    ((relation, _diff),) = [v for (a, b), v in fresh.items() if {a, b} == {house, senate}]
    assert relation == "related"


def test_a_new_database_has_no_speakers_to_read_again(tmp_path: Path) -> None:
    from db.statements_again import statements_due

    assert not statements_due(connect(tmp_path / "new.db"))


def test_upgrade_from_version_17_reads_a_recommendation_as_a_request(tmp_path: Path) -> None:
    """Version 18 reads "recommended that" as a request, as "urged ... to" is: a pair of
    them version 17 kept apart (one a request, the other read as a fact) is matched
    again at the next match, as a fresh ingest has it."""

    records = {
        "Wire": (
            "Panel urges armed guards",
            "The Tarlow school panel urged the council on Monday to hire 40 armed guards.",
        ),
        "Daily": (
            "Panel wants guards",
            "The Tarlow school panel recommended that the council hire 40 armed guards.",
        ),
        "Post": ("Port strike ends", "Dockers in Valmora ended their strike on Friday."),
    }
    # Version 17 judged them a request against a fact; the articles with the word read
    # otherwise or a figure (both) are matched again, not the third.
    _same_again_after_upgrade(
        tmp_path / "v17.db", records, 17, "urged the council", "recommended that"
    )


def _same_again_after_upgrade(
    path: Path, records: dict[str, tuple[str, str]], version: int, wire: str, daily: str
) -> None:
    """``records`` ingested fresh give the Wire statement holding ``wire`` and the Daily
    one holding ``daily`` as 'same'; a database that ``version`` left with them
    'related' matches the Wire and Daily articles again (not the others) and ends as
    the fresh one."""
    from db.ingest import match_pending

    path, db, fresh = _ingested(path, records)
    a, b = stmt(db, "Wire", wire), stmt(db, "Daily", daily)
    ((relation, _diff),) = [v for (x, y), v in fresh.items() if {x, y} == {a, b}]
    assert relation == "same"
    with _left_by(db, version) as conn:
        _judged(conn, "related", a, b)
    db, waiting = _reopened_marked(db, path, version)
    assert waiting == {"Wire", "Daily"}
    match_pending(db)
    assert pairs(db) == fresh


def test_upgrade_from_version_17_reads_parts_of_a_point_again(tmp_path: Path) -> None:
    """Version 18 reads "a quarter point" as 0.25 percentage point: a database ingested
    by version 17 (no figure there) gets it at the next match, and its matches are a
    fresh ingest's (the figure agrees with "25 basis points")."""
    from db.ingest import match_pending
    from db.statements_again import statements_due

    told = "The Bank of Lorvik raised its main interest rate by {} on Thursday."
    records = {
        "Wire": ("Lorvik raises rates", told.format("a quarter point")),
        "Daily": ("Rates up in Lorvik", told.format("25 basis points")),
    }
    path, db, fresh = _ingested(tmp_path / "v17.db", records)
    quarter = stmt(db, "Wire", "a quarter point")
    numbers = "SELECT raw, value, unit FROM numbers WHERE statement_id = ?"
    assert db.execute(numbers, (quarter,)).fetchall() == [("a quarter point", 0.25, "pp")]
    with _left_by(db, 17) as conn:
        # As version 17 read it: no figure.
        conn.execute("DELETE FROM numbers WHERE statement_id = ?", (quarter,))
    db = _reopened(db, path)
    assert statements_due(db)
    match_pending(db)
    assert not statements_due(db)
    assert db.execute(numbers, (quarter,)).fetchall() == [("a quarter point", 0.25, "pp")]
    assert pairs(db) == fresh
    assert _waiting(db) == set()


def test_upgrade_from_version_18_drops_a_caption_that_repeats_its_text(tmp_path: Path) -> None:
    """Version 19 keeps no match of a photo caption that its article's text makes as
    strongly: a database matched by version 18 holds the seed caption's conflict; the
    article with the caption is matched again, the other left as it was."""
    from db.ingest import match_pending

    path = tmp_path / "v18.db"
    db = _both_seeds(path)
    fresh = pairs(db)
    caption = stmt(db, "A", "Zelensky estimates that some 11,000")
    ten_thousand = stmt(db, "B", "at least 10,000 DPRK forces")
    assert linked(db, caption, ten_thousand) is None
    with _left_by(db, 18) as conn:
        # As version 18 left it: the caption's conflict with B's figure too.
        conn.execute(
            "INSERT INTO matches(a, b, score, relation, diff)"
            " VALUES (?, ?, 55.0, 'conflict', '[]')",
            (min(caption, ten_thousand), max(caption, ten_thousand)),
        )
    db = _reopened(db, path)
    assert "A" in _waiting(db)  # its caption (both hold quotations too)
    match_pending(db)
    assert pairs(db) == fresh


def test_upgrade_from_version_18_reads_praise_as_speech(tmp_path: Path) -> None:
    """Version 19 reads "hailed" as a verb of speech: a database ingested by version 18
    (no speaker there) gets the speaker at the next match, and its matches are a fresh
    ingest's."""
    from db.ingest import match_pending
    from db.statements_again import statements_due

    records = {
        "Wire": ("Mayor hails vote", 'Mayor Lena Okafor hailed the "brave" vote on the dock plan.'),
        "Daily": ("Dock plan passes", "The council voted 9 to 2 for the Valmora dock plan."),
    }
    path, db, fresh = _ingested(tmp_path / "v18.db", records)
    hailed = stmt(db, "Wire", "hailed the")
    speaker = "SELECT speaker FROM statements WHERE id = ?"
    assert db.execute(speaker, (hailed,)).fetchone() == ("Lena Okafor",)
    with _left_by(db, 18) as conn:
        # As version 18 read it: no speaker.
        conn.execute("UPDATE statements SET speaker = NULL WHERE id = ?", (hailed,))
        conn.execute("UPDATE quotes SET speaker = NULL WHERE statement_id = ?", (hailed,))
    db = _reopened(db, path)
    assert statements_due(db)
    match_pending(db)
    assert not statements_due(db)
    assert db.execute(speaker, (hailed,)).fetchone() == ("Lena Okafor",)
    assert pairs(db) == fresh


def _speakers_read_again(
    tmp_path: Path,
    version: int,
    records: dict[str, tuple[str, str]],
    openings: tuple[str, ...],
    expected: list[tuple[str]],
) -> None:
    """A database left by ``version`` with no speakers for the quotations of the "Wire"
    statements holding ``openings`` gets ``expected`` at the next match, and its
    matches are a fresh ingest's."""
    from db.ingest import match_pending
    from db.statements_again import statements_due

    path, db, fresh = _ingested(tmp_path / f"v{version}.db", records)
    ids = tuple(stmt(db, "Wire", opening) for opening in openings)
    marks = ", ".join("?" * len(ids))
    quote_speakers = (
        f"SELECT speaker FROM quotes WHERE statement_id IN ({marks}) ORDER BY char_start"
    )
    assert db.execute(quote_speakers, ids).fetchall() == expected
    with _left_by(db, version) as conn:
        # As that version read them: no speaker.
        conn.execute(f"UPDATE statements SET speaker = NULL WHERE id IN ({marks})", ids)
        conn.execute(f"UPDATE quotes SET speaker = NULL WHERE statement_id IN ({marks})", ids)
    db = _reopened(db, path)
    assert statements_due(db)
    match_pending(db)
    assert not statements_due(db)
    assert db.execute(quote_speakers, ids).fetchall() == expected
    assert pairs(db) == fresh


def test_upgrade_from_version_20_reads_a_lawsuit_and_a_plain_verb_as_speakers(
    tmp_path: Path,
) -> None:
    """Version 21 reads "the lawsuit alleges" and "critics insist" as speech: a database
    ingested by version 20 (no speakers there) gets them at the next match."""
    records = {
        "Wire": (
            "Dock suit filed",
            '"The Valmora dock was never inspected," the lawsuit alleges. Critics insist the'
            ' plan is "dead on arrival".',
        ),
        "Daily": ("Dock plan sued", "A lawsuit says the Valmora dock was never inspected."),
    }
    expected = [("the lawsuit",), ("Critics",)]
    _speakers_read_again(tmp_path, 20, records, ("the lawsuit", "Critics insist"), expected)


def test_upgrade_from_version_26_reads_a_member_and_an_office_as_speakers(
    tmp_path: Path,
) -> None:
    """Version 27 reads "the Labour MP for Valmora asked" as the member named with the
    post, and "he" after an office as the sentence's subject as its holder: a database
    ingested by version 26 (no speakers there) gets them at the next match."""
    records = {
        "Wire": (
            "Valmora dock row",
            'Former minister Tom Rusk MP criticised the dock plan. "Who gains from it?"'
            " the Labour MP for Valmora asked. Valmora Gov. Ada Price answered him. In a"
            " message obtained by the Herald, the governor identified herself and went on"
            ' to scold Rusk. "The dock will be built," she said in the message.',
        ),
        "Daily": ("Valmora dock row", "Tom Rusk MP criticised the Valmora dock plan."),
    }
    expected = [("Tom Rusk",), ("Ada Price",)]
    _speakers_read_again(tmp_path, 26, records, ('"Who gains', '"The dock'), expected)


def test_upgrade_from_version_27_reads_a_labelled_name_and_a_middle_initial(
    tmp_path: Path,
) -> None:
    """Version 28 reads "Rep. X (D-Ore.), the panel's chairwoman, said" as X, and looks
    for the subject past a middle initial: a database ingested by version 27 (no speakers
    there) gets them at the next match."""
    records = {
        "Wire": (
            "Valmora dock row",
            "Rep. Ada Price (D-Ore.), the panel's chairwoman, said the dock plan was"
            ' "dead on arrival." Tom Rusk wrote to Senator Paul T. Moss after a'
            ' recording surfaced of him warning that "a retired grocer" could chair the'
            " panel.",
        ),
        "Daily": ("Valmora dock row", "Ada Price criticised the Valmora dock plan."),
    }
    expected = [("Ada Price",), ("Tom Rusk",)]
    _speakers_read_again(tmp_path, 27, records, ("Rep. Ada", "Tom Rusk wrote"), expected)


def test_upgrade_from_version_28_reads_a_document_and_a_relative_clause_after_a_dash(
    tmp_path: Path,
) -> None:
    """Version 29 reads '"…," reads the letter' as the letter's words, and "X – who went
    on … declaring" as X's: a database ingested by version 28 (no speakers there) gets
    them at the next match."""
    records = {
        "Wire": (
            "Valmora dock row",
            '"The dock will ruin the bay," reads the letter. On Tuesday Gov. Ada Price'
            " traded barbs with her rival Tom Rusk \u2013 who went on a tear declaring the"
            ' plan "dead on arrival" in the capital.',
        ),
        "Daily": ("Valmora dock row", "Tom Rusk criticised the Valmora dock plan."),
    }
    expected = [("the letter",), ("Tom Rusk",)]
    _speakers_read_again(tmp_path, 28, records, ('"The dock', "On Tuesday"), expected)


def test_upgrade_from_version_29_gives_an_unresolved_pronoun_to_the_article_s_protagonist(
    tmp_path: Path,
) -> None:
    """Version 30 gives "she" that no one named before it stands for to the person the
    article is about: a database ingested by version 29 (no speaker there) gets her at
    the next match."""
    records = {
        "Wire": (
            "Lopez eyes a return to the top",
            "Maria Lopez says she is ready to challenge for the world title again. Lopez,"
            " who missed most of last season, won in Madrid on Sunday. Lopez beat the top"
            " seed in three sets. Valencia, who signed Lopez from Seville in 2003, have"
            ' also been helped by her form. The Bats are top of the league. "I feel strong'
            ' again," she said.',
        ),
        "Daily": ("Lopez wins in Madrid", "Maria Lopez won in Madrid on Sunday."),
    }
    _speakers_read_again(tmp_path, 29, records, ('"I feel',), [("Maria Lopez",)])


def test_upgrade_from_version_30_reads_a_colon_after_someone_and_a_quotation_left_open(
    tmp_path: Path,
) -> None:
    """Version 31 gives the words after "Mr Dean is confident though:" to him, and a
    quotation left open where the next one opens to whoever that one's attribution
    names: a database ingested by version 30 (no speakers there) gets them at the next
    match."""
    records = {
        "Wire": (
            "HD films need care",
            "Rick Dean of THX is working on HD discs. Mr Dean is confident though: "
            '"People will see the difference." Film makers must be careful. "When we did '
            'the first HD version, everyone was tanned. "In HD, the make-up lines showed '
            'up," explains Ana Ruiz.',
        ),
        "Daily": ("HD discs due", "Rick Dean of THX said HD discs will change films."),
    }
    _speakers_read_again(
        tmp_path, 30, records, ('"People will', '"When we did'), [("Rick Dean",), ("Ana Ruiz",)]
    )


def test_upgrade_from_version_31_reads_a_view_believed_and_a_paragraph_after_its_subject(
    tmp_path: Path,
) -> None:
    """Version 32 gives words someone "believes" to them, and a quotation paragraph after
    a sentence whose subject is someone the article names again to that person: a
    database ingested by version 31 (no speakers there) gets them at the next match."""
    records = {
        "Wire": (
            "Cole eyes medal",
            "Kim Cole won the 100m title in 2003. Cole was sixth in the final in Athens but"
            ' is hoping for a better year. "This will be a big year for me." Cole believes'
            ' the indoor season is "the key to it all".',
        ),
        "Daily": ("Cole chases medal", "Kim Cole said this will be a big year."),
    }
    _speakers_read_again(
        tmp_path, 31, records, ('"This will', '"the key'), [("Kim Cole",), ("Kim Cole",)]
    )


def test_upgrade_from_version_32_drops_a_name_reported_by_a_spokeswoman(tmp_path: Path) -> None:
    """Version 33 names a sentence's speaker by its own attribution only: a database
    ingested by version 32 ("A spokeswoman said Lord Falconer agreed" said by Falconer)
    loses that speaker at the next match, and its matches are a fresh ingest's."""
    records = {
        "Wire": (
            "Judges row settled",
            "A ministry spokeswoman said Lord Woolf and Lord Falconer agreed on the Valmora "
            "judges plan. Lord Falconer said the Valmora plan would cost £4m.",
        ),
        "Daily": ("Judges plan agreed", "Lord Falconer said the Valmora plan would cost £4m."),
    }
    _speaker_gone_after_upgrade(
        tmp_path, 32, records, ("Wire", "A ministry spokeswoman"), "Falconer"
    )


def test_upgrade_from_version_33_drops_the_speaker_of_a_victory(tmp_path: Path) -> None:
    """Version 34 reads "claimed victory" as no speech: a database ingested by version
    33 (that sentence said by Spain) loses that speaker at the next match, and its
    matches are a fresh ingest's."""
    from db.ingest import match_pending
    from db.statements_again import statements_due

    records = {
        "Wire": (
            "Relay gold for Spain",
            "Spain claimed victory in the Valmora relay after a late surge. Coach Ana Ruiz "
            "said the Valmora team had trained for 14 weeks.",
        ),
        "Daily": ("Spain win relay", "Ana Ruiz said the Valmora team had trained for 14 weeks."),
    }
    path, db, fresh = _ingested(tmp_path / "v33.db", records)
    stories = "SELECT id, story_id FROM articles ORDER BY id"
    fresh_stories = db.execute(stories).fetchall()
    sid = stmt(db, "Wire", "Spain claimed victory")
    speaker = "SELECT speaker FROM statements WHERE id = ?"
    assert db.execute(speaker, (sid,)).fetchone() == (None,)
    with _left_by(db, 33) as conn:
        conn.execute("UPDATE statements SET speaker = 'Spain' WHERE id = ?", (sid,))
    db = _reopened(db, path)
    assert statements_due(db) and regroup_due(db)
    # the profiles are made again (they now say whether an article is a headline alone)
    assert db.execute("SELECT count(*) FROM article_profiles").fetchone() == (0,)
    match_pending(db)
    assert not statements_due(db) and not regroup_due(db)
    assert db.execute(speaker, (sid,)).fetchone() == (None,)
    assert pairs(db) == fresh
    assert db.execute("SELECT count(*) FROM article_profiles").fetchone() == (2,)
    assert db.execute(stories).fetchall() == fresh_stories


def test_upgrade_from_version_37_drops_the_speaker_of_a_screenplay(tmp_path: Path) -> None:
    """Version 38 reads writing a work ("wrote the screenplay") as no speech: a database
    ingested by version 37 (that sentence said by Adams) loses that speaker at the next
    match, and its matches are a fresh ingest's."""
    records = {
        "Wire": (
            "Film wins award",
            "Tom Adams wrote the screenplay in Valmora over 14 weeks. Director Ana Ruiz said "
            "the Valmora shoot had lasted 14 weeks.",
        ),
        "Daily": ("Award for film", "Ana Ruiz said the Valmora shoot had lasted 14 weeks."),
    }
    _speaker_gone_after_upgrade(
        tmp_path, 37, records, ("Wire", "Tom Adams wrote the screenplay"), "Tom Adams"
    )


def test_upgrade_from_version_37_matches_again_a_possibility_told(tmp_path: Path) -> None:
    """Version 38 reads "a possibility that he would be charged" as no charge: a database
    matched by version 37 holds it the same claim as the charge; the articles with such a
    statement are matched again (the others are not), and the matches are a fresh
    ingest's."""
    records = {
        "Wire": (
            "Pratt expects charges",
            "Pratt has said it was a possibility that he would be charged in the Halden"
            " fraud case. Ferry crossings to Elso were cancelled for the day.",
        ),
        "Daily": (
            "Pratt charged",
            "Pratt was charged in the Halden fraud case on Friday. Ferry crossings to Elso"
            " were cancelled for the whole day.",
        ),
        "Post": ("Ferry report", "Ferry crossings to Elso were cancelled for the day."),
    }
    _related_matched_again(tmp_path, 37, records, ("possibility", "was charged"), {"Wire"})


def test_upgrade_from_version_38_drops_the_speaker_of_a_thing_added(tmp_path: Path) -> None:
    """Version 39 reads adding a thing to another ("Tanaka added the Valmora cup to his
    titles") as an act, not speech: a database ingested by version 38 (that sentence
    said by Tanaka) loses that speaker at the next match, and its matches are a fresh
    ingest's."""
    records = {
        "Wire": (
            "Tanaka wins in Valmora",
            "Ken Tanaka added the Valmora cup to his titles on Sunday. Coach Ana Ruiz said"
            " the Valmora final had drawn 14,000 fans.",
        ),
        "Daily": ("Cup for Tanaka", "Ana Ruiz said the Valmora final had drawn 14,000 fans."),
    }
    _speaker_gone_after_upgrade(
        tmp_path, 38, records, ("Wire", "Ken Tanaka added the Valmora cup"), "Ken Tanaka"
    )


# Two whole articles of two events that share the senator's name and nothing all
# through (as tests/test_matcher.py's), and a headline alone.
_QUELL_BUDGET = (
    "Senator Mara Quell unveils farm budget with cuts to grain subsidies",
    "Senator Mara Quell on Tuesday unveiled a farm budget that cuts grain subsidies by a"
    " third. The budget would move the grain money to drought relief for cattle ranchers."
    " Grain growers in Wessen county said the subsidy cuts would close family farms."
    " Cattle ranchers welcomed the drought relief in the farm budget. The Wessen Farm"
    " Bureau called the grain subsidy cuts reckless. Quell said drought relief for"
    " ranchers could not wait for another season. The farm budget goes to the agriculture"
    " committee next month. The agriculture committee chairman said he would hear the"
    " grain growers first. Senator Quell immediately fired back at her critics.",
)
_QUELL_WEDDING = (
    "Mara Quell attends governor's daughter's wedding amid ethics complaint",
    "Senator Mara Quell flew on a donor's jet to the wedding of Governor Ilse Brandt's"
    " daughter in Porto Vell. An ethics complaint filed by the watchdog Clean Hall says"
    " the jet flight was an undisclosed gift. Clean Hall asked the ethics office to open"
    " an inquiry into the donor's jet. Brandt's daughter married a hotel heir at a"
    " seaside chapel in Porto Vell. The donor, a shipping magnate, has given to Quell's"
    " campaigns and to Brandt's. The ethics office did not say whether it would open an"
    " inquiry into the flight. Guests at the wedding included two cabinet members and the"
    " shipping magnate. Quell fired back at Clean Hall, calling the complaint a smear by"
    " her critics.",
)


def test_upgrade_from_version_38_matches_again_two_events_sharing_a_name(
    tmp_path: Path,
) -> None:
    """Version 39 judges two whole articles whose heads and themes share little as
    other events: a database matched by version 38 holds their generic lines about one
    senator the same claim; the articles of such a match are matched again (not a
    headline alone's), and the matches are a fresh ingest's (no match of the pair:
    two events' lines are not even related)."""
    records = {
        "Wire": _QUELL_BUDGET,
        "Daily": _QUELL_WEDDING,
        "Post": ("Quell fires back at critics", ""),
    }
    _related_matched_again(
        tmp_path, 38, records, ("immediately fired", "a smear"), {"Wire", "Daily"}, now="different"
    )


def test_upgrade_from_version_25_writes_quotations_found_otherwise(tmp_path: Path) -> None:
    """Version 26 ends a quotation whose closing mark was lost before the sentence that
    introduces the next, and reads "X, which said" as the organisation X: a database
    ingested by version 25 (the quotations run on, no speaker for "which") gets the
    quotes and speakers of a fresh ingest at the next match, and its matches."""
    from db.ingest import match_pending
    from db.statements_again import statements_due

    records = {
        "Wire": (
            "Valmora striker row",
            'Ada Lenn said: "We will learn. It happens in every season. Tom Rusk is likely to'
            ' start up front. Club manager Piet Varga said: "Rusk is an option. "I have to'
            ' decide who starts." The move was condemned by the Valmora Fans Trust, which'
            ' said it was "a gamble with the season".',
        ),
        "Daily": ("Valmora picks Rusk", "Piet Varga said Tom Rusk is an option up front."),
    }
    path, db, fresh = _ingested(tmp_path / "v25.db", records)
    article = db.execute(
        "SELECT a.id FROM articles a JOIN sources s ON s.id = a.source_id WHERE s.name = 'Wire'"
    ).fetchone()[0]
    quote_rows = (
        "SELECT q.char_start, q.char_end, q.text, q.speaker, q.speaker_kind FROM quotes q"
        " JOIN statements s ON s.id = q.statement_id WHERE s.article_id = ? ORDER BY 1"
    )
    expected = db.execute(quote_rows, (article,)).fetchall()
    assert ("Rusk is an option.", "Piet Varga") in [(r[2], r[3]) for r in expected]
    assert ("a gamble with the season", "Valmora Fans Trust") in [(r[2], r[3]) for r in expected]
    with _left_by(db, 25) as conn:
        # As version 25 stored them: Ada Lenn's quotation ran on to "said:".
        said = next(r for r in expected if r[2].startswith("Tom Rusk"))
        varga = next(r for r in expected if r[2] == "Rusk is an option.")
        sid = stmt(db, "Wire", "Club manager")
        conn.execute(
            "DELETE FROM quotes WHERE statement_id IN (SELECT id FROM statements"
            " WHERE article_id = ?) AND char_start IN (?, ?)",
            (article, said[0], varga[0]),
        )
        conn.execute(
            "INSERT INTO quotes(statement_id, char_start, char_end, text, speaker, speaker_kind)"
            " VALUES (?, ?, ?, ?, 'Ada Lenn', 'named')",
            (sid, said[0], varga[0] - 3, "Tom Rusk … Piet Varga said"),
        )
        conn.execute(
            "UPDATE quotes SET speaker = NULL, speaker_kind = NULL, speaker_key = NULL"
            " WHERE text = 'a gamble with the season'"
        )
    db = _reopened(db, path)
    assert statements_due(db)
    match_pending(db)
    assert not statements_due(db)
    assert db.execute(quote_rows, (article,)).fetchall() == expected
    assert pairs(db) == fresh


def test_upgrade_from_version_24_reads_a_main_clause_and_a_role_after_but(
    tmp_path: Path,
) -> None:
    """Version 25 takes a pronoun's antecedent from the main clause before a leading
    clause, and an unnamed role opening a sentence after "But": a database ingested by
    version 24 (other speakers there) gets them at the next match."""
    records = {
        "Wire": (
            "Valmora deal rejected",
            "As union leader Tom Hale opened the talks, Senator Rob Price called the Valmora"
            ' offer a "trap". And he insisted there was "no deal". But a spokesman for the'
            ' Treasury rejected that. He said: "The Valmora offer stands."',
        ),
        "Daily": ("Valmora offer rejected", "Senator Rob Price rejected the Valmora offer."),
    }
    expected = [("Rob Price",), ("A spokesman",)]
    _speakers_read_again(tmp_path, 24, records, ("And he", "He said"), expected)


def test_upgrade_from_version_23_reads_an_aside_and_an_attribution_sentence(
    tmp_path: Path,
) -> None:
    """Version 24 reads past an aside in dashes to its subject and a sentence that only
    attributes the quotation before it: a database ingested by version 23 (no speakers
    there) gets them at the next match."""
    records = {
        "Wire": (
            "Valmora deal rejected",
            '"The Valmora offer is a trap," Senator Ada Price, the chairman of the Rules'
            ' Committee — where any such bill must begin — said. "Is this the Valmora way?"'
            " Tom Hale, the Republican leader, asked at a news conference.",
        ),
        "Daily": ("Valmora offer rejected", "Senator Ada Price rejected the Valmora offer."),
    }
    expected = [("Ada Price",), ("Tom Hale",)]
    _speakers_read_again(tmp_path, 23, records, ('"The Valmora', '"Is this'), expected)


def test_upgrade_from_version_22_reads_scorn_and_a_progressive_as_speech(
    tmp_path: Path,
) -> None:
    """Version 23 reads "denounced the offer as" and "is urging" as speech: a database
    ingested by version 22 (no speakers there) gets them at the next match."""
    records = {
        "Wire": (
            "Valmora deal rejected",
            'Senator Ada Price denounced the Valmora offer as "hostage taking." Tom Hale is'
            ' urging leaders to wake up from their "state of denial".',
        ),
        "Daily": ("Valmora offer rejected", "Senator Ada Price rejected the Valmora offer."),
    }
    expected = [("Ada Price",), ("Tom Hale",)]
    _speakers_read_again(tmp_path, 22, records, ("Senator Ada", "Tom Hale is"), expected)


def test_upgrade_from_version_21_reads_a_body_and_a_strategist_as_speakers(
    tmp_path: Path,
) -> None:
    """Version 22 reads "the airline said" and "a Republican strategist said" as speech:
    a database ingested by version 21 (no speakers there) gets them at the next match."""
    records = {
        "Wire": (
            "Valmora flights cut",
            '"The Valmora route will close in May," the airline said. The cuts are'
            ' "a blunder", a Republican strategist said.',
        ),
        "Daily": ("Valmora route to close", "The Valmora route will close in May."),
    }
    expected = [("the airline",), ("a Republican strategist",)]
    _speakers_read_again(tmp_path, 21, records, ("the airline", "a Republican"), expected)


def test_upgrade_from_version_18_reads_the_same_quoted_words_negated_as_one_claim(
    tmp_path: Path,
) -> None:
    """Version 19 no longer keeps apart two reports of one letter that both negate its
    quoted words (one inside the quotation, one before it): a database matched by
    version 18 holds them as related; their articles are matched again, the third left
    as it was."""

    quoted = "any budget item until the council has funded the library and the night bus service."
    records = {
        "Wire": (
            "Councillors write to the mayor",
            "On Tuesday, Mayor Ruth Okafor received a letter signed by all 12 Elmwood"
            ' councillors, which stated, "We write to inform you that we will not agree to'
            f' debate {quoted}"',
        ),
        "Daily": (
            "Elmwood budget stalls",
            "In a letter signed by the 12 members of the Elmwood council, delivered to Mayor"
            " Ruth Okafor and read out on Tuesday by the council leader, Tom Vale, the group"
            f' told her deputy that they would not go forward with "{quoted}"',
        ),
        "Post": ("Port strike ends", "Dockers in Valmora ended their strike on Friday."),
    }
    # Version 18 judged them a negation apart.
    _same_again_after_upgrade(tmp_path / "v18.db", records, 18, "which stated", "go forward with")


def _pending_sources(db: sqlite_utils.Database) -> list[str]:
    """The sources of the articles waiting to be matched."""
    return [
        r[0]
        for r in db.execute(
            "SELECT s.name FROM articles a JOIN sources s ON s.id = a.source_id"
            " WHERE a.matched = 0 ORDER BY s.name"
        )
    ]


def _story_sets(db: sqlite_utils.Database) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for aid, story in db.execute("SELECT id, story_id FROM articles WHERE story_id IS NOT NULL"):
        groups.setdefault(story, set()).add(aid)
    return {frozenset(g) for g in groups.values()}


@pytest.mark.parametrize("parallel", [False, True], ids=["one-process", "parallel"])
def test_articles_changed_while_a_full_match_runs_are_left_pending(
    tmp_path: Path, monkeypatch, parallel: bool
) -> None:
    """Another process adds one article and replaces another while `claimlens match`
    scores: the rebuild leaves both out (no integrity error, no match of the replaced
    text) and marks them pending; matching them then gives what a fresh rebuild gives."""
    c = _write(tmp_path, "flood_c.txt", FLOOD_C)
    d = _write(tmp_path, "flood_d.txt", FLOOD_D)
    b = _write(tmp_path, "b.txt", SEED_B.read_text(encoding="utf-8"))
    path = tmp_path / "meanwhile.db"
    db = connect(path)
    for p, source in ((SEED_A, "A"), (b, "B"), (c, "C")):
        ingest_paths(db, [p], source=source, match=False)
    if parallel:
        monkeypatch.setattr(matching, "PARALLEL_MIN_STATEMENTS", 0)
        monkeypatch.setattr(matching, "WORKERS", 2)

    def meanwhile() -> None:
        other = connect(path)
        ingest_paths(other, [d], source="D")  # added (and matched by its ingest)
        b.write_text(b.read_text(encoding="utf-8").replace("10,000", "12,000"), "utf-8")
        assert ingest_paths(other, [b], source="B", match=False).replaced == 1
        other.conn.close()

    unhook = once_after_scoring(monkeypatch, meanwhile)
    report = matching.match_all(db)
    assert report.pending == 2
    assert _pending_sources(db) == ["B", "D"]
    # No match was written for the text B had before, nor kept for D's.
    for source in ("B", "D"):
        sids = [
            r[0]
            for r in db.execute(
                "SELECT st.id FROM statements st JOIN articles a ON a.id = st.article_id"
                " JOIN sources s ON s.id = a.source_id WHERE s.name = ?",
                (source,),
            )
        ]
        marks = ",".join("?" * len(sids))
        assert not db.execute(
            f"SELECT 1 FROM matches WHERE a IN ({marks}) OR b IN ({marks})", sids * 2
        ).fetchone()
    from db.ingest import match_pending

    match_pending(db)
    assert not db.execute("SELECT 1 FROM articles WHERE matched = 0").fetchone()
    after = (pairs(db), claim_sets(db), _story_sets(db))
    troops = stmt(db, "B", "at least 12,000 DPRK forces")
    assert linked(db, troops, stmt(db, "A", "an estimated 11,000"))[0] == "conflict"
    assert linked(db, stmt(db, "D", "Some 2,500 people"), stmt(db, "C", "about 3,000"))
    unhook()
    matching.match_all(db)
    assert (pairs(db), claim_sets(db), _story_sets(db)) == after


def test_an_article_deleted_while_a_full_match_runs_leaves_no_match(
    tmp_path: Path, monkeypatch
) -> None:
    c = _write(tmp_path, "flood_c.txt", FLOOD_C)
    d = _write(tmp_path, "flood_d.txt", FLOOD_D)
    path = tmp_path / "deleted.db"
    db = connect(path)
    for p, source in ((SEED_A, "A"), (SEED_B, "B"), (c, "C"), (d, "D")):
        ingest_paths(db, [p], source=source, match=False)

    def meanwhile() -> None:
        other = sqlite3.connect(path)
        other.execute("PRAGMA foreign_keys = ON")
        other.execute(
            "DELETE FROM articles WHERE source_id = (SELECT id FROM sources WHERE name = 'D')"
        )
        other.commit()
        other.close()

    once_after_scoring(monkeypatch, meanwhile)
    report = matching.match_all(db)  # was: sqlite3.IntegrityError, nothing written
    assert report.pending == 0
    assert report.same > 0 and not db.execute("SELECT 1 FROM articles WHERE matched = 0").fetchone()
    assert not db.execute(
        "SELECT 1 FROM matches WHERE a NOT IN (SELECT id FROM statements)"
        " OR b NOT IN (SELECT id FROM statements)"
    ).fetchone()
    assert not db.execute("PRAGMA foreign_key_check").fetchall()
    assert linked(db, stmt(db, "A", "an estimated 11,000"), stmt(db, "B", "at least 10,000"))


def test_an_article_replaced_as_pending_matching_ends_stays_pending(
    tmp_path: Path, monkeypatch
) -> None:
    from db.ingest import match_pending

    b = _write(tmp_path, "b.txt", SEED_B.read_text(encoding="utf-8"))
    path = tmp_path / "pending.db"
    db = connect(path)
    ingest_paths(db, [SEED_A], source="A", match=False)
    ingest_paths(db, [b], source="B", match=False)
    matched_then = matching.match_articles

    def then_replaced(*args, **kwargs):  # another ingest, between the match and the flag
        report = matched_then(*args, **kwargs)
        b.write_text(b.read_text(encoding="utf-8").replace("10,000", "12,000"), "utf-8")
        assert ingest_paths(connect(path), [b], source="B", match=False).replaced == 1
        return report

    monkeypatch.setattr(matching, "match_articles", then_replaced)
    match_pending(db)
    assert _pending_sources(db) == ["B"]  # was: marked matched, its new text never matched
    monkeypatch.setattr(matching, "match_articles", matched_then)
    match_pending(db)
    troops = stmt(db, "B", "at least 12,000 DPRK forces")
    assert linked(db, troops, stmt(db, "A", "an estimated 11,000"))[0] == "conflict"


@pytest.mark.parametrize("run", ["match_all", "match_pending"])
def test_an_article_split_again_while_a_full_match_runs_is_left_pending(
    tmp_path: Path, monkeypatch, run: str
) -> None:
    """`claimlens check --repair` writes an article's statements again while a full
    match scores (here split otherwise: its last sentence left out), on the ids the old
    ones had (they were the last): they are left out and wait, no integrity error; also
    when the full match is `match --pending`'s (every article pending), which must not
    mark them matched after it without matching them again."""
    import db.check as check
    from db.ingest import match_pending

    c = _write(tmp_path, "flood_c.txt", FLOOD_C)
    d = _write(tmp_path, "flood_d.txt", FLOOD_D)
    path = tmp_path / "resplit.db"
    db = connect(path)
    for p, source in ((SEED_A, "A"), (SEED_B, "B"), (c, "C"), (d, "D")):
        ingest_paths(db, [p], source=source, match=False)

    def meanwhile() -> None:
        with transaction(connect(path)) as conn:
            (aid,) = conn.execute(
                "SELECT a.id FROM articles a JOIN sources s ON s.id = a.source_id"
                " WHERE s.name = 'D'"
            ).fetchone()
            split = check.analyse_verified
            monkeypatch.setattr(check, "analyse_verified", lambda *a: split(*a)[:-1])
            assert check._resplit(conn, [aid]) == 1
            monkeypatch.setattr(check, "analyse_verified", split)

    unhook = once_after_scoring(monkeypatch, meanwhile)
    report = matching.match_all(db) if run == "match_all" else match_pending(db)
    assert report.mode == "full" and report.pending == 1
    assert not db.execute("PRAGMA foreign_key_check").fetchall()
    # match_pending matches it again, in a second round, as it now is.
    assert _pending_sources(db) == (["D"] if run == "match_all" else [])
    unhook()
    match_pending(db)
    assert linked(db, stmt(db, "D", "Some 2,500 people"), stmt(db, "C", "about 3,000"))
    after = (pairs(db), claim_sets(db), _story_sets(db))
    matching.match_all(db)
    assert (pairs(db), claim_sets(db), _story_sets(db)) == after


@pytest.mark.parametrize("path_taken", ["keys", "batch"])
def test_articles_changed_while_new_ones_are_matched_are_left_out(
    tmp_path: Path, monkeypatch, path_taken: str
) -> None:
    """While one new article is matched, another process replaces it and deletes an
    older article it matches: no integrity error, no match of either's old statements,
    and the replaced one waits for its own match (then a rebuild's matches)."""
    from db.ingest import match_pending

    c = _write(tmp_path, "flood_c.txt", FLOOD_C)
    d = _write(tmp_path, "flood_d.txt", FLOOD_D)
    path = tmp_path / "incremental.db"
    db = connect(path)
    for p, source in ((SEED_A, "A"), (SEED_B, "B"), (c, "C")):
        ingest_paths(db, [p], source=source)
    ingest_paths(db, [d], source="D", match=False)
    if path_taken == "batch":
        monkeypatch.setattr(matching, "KEYS_MAX_NEW_STATEMENTS", 0)
        monkeypatch.setattr(matching, "BATCH_MAX_WINDOW_RATIO", 1000)

    def meanwhile() -> None:
        other = connect(path)
        d.write_text(d.read_text(encoding="utf-8").replace("2,500", "2,700"), "utf-8")
        assert ingest_paths(other, [d], source="D", match=False).replaced == 1
        with transaction(other) as conn:
            conn.execute(
                "DELETE FROM articles WHERE source_id = (SELECT id FROM sources WHERE name = 'C')"
            )

    unhook = once_after_scoring(monkeypatch, meanwhile)
    match_pending(db)  # was: sqlite3.IntegrityError
    assert not db.execute("PRAGMA foreign_key_check").fetchall()
    assert _pending_sources(db) == ["D"]
    unhook()
    match_pending(db)
    after = (pairs(db), claim_sets(db), _story_sets(db))
    matching.match_all(db)
    assert (pairs(db), claim_sets(db), _story_sets(db)) == after


@pytest.mark.parametrize("change", ["replaced", "split again"])
def test_an_article_changed_and_matched_while_another_is_matched_keeps_its_new_matches(
    tmp_path: Path, monkeypatch, change: str
) -> None:
    """While D is matched again, another process changes the article D matches (C) and
    matches it: replaced by an ingest (new statement ids), or split again by `check
    --repair` with its first sentence left out, so that its statements, the last ones,
    keep the old ids with other texts. Neither D's matches with C's old text nor the
    deletion of C's new matches may be written."""
    import db.check as check
    from db.ingest import match_pending

    c = _write(tmp_path, "flood_c.txt", FLOOD_C)
    d = _write(tmp_path, "flood_d.txt", FLOOD_D)
    path = tmp_path / "changed.db"
    db = connect(path)
    for p, source in ((SEED_A, "A"), (SEED_B, "B"), (d, "D"), (c, "C")):
        ingest_paths(db, [p], source=source)  # C's statements hold the highest ids
    evacuated = stmt(db, "D", "Some 2,500 people")
    assert linked(db, evacuated, stmt(db, "C", "about 3,000"))[0] == "conflict"
    (c_id,) = db.execute("SELECT max(article_id) FROM statements").fetchone()

    def meanwhile() -> None:
        other = connect(path)
        if change == "replaced":
            paragraphs = FLOOD_C.split("\n\n")
            c.write_text("\n\n".join([paragraphs[0], *reversed(paragraphs[1:])]), "utf-8")
            assert ingest_paths(other, [c], source="C").replaced == 1
            return
        split = check.analyse_verified
        monkeypatch.setattr(check, "analyse_verified", lambda *a: split(*a)[1:])
        with transaction(other) as conn:
            assert check._resplit(conn, [c_id]) == 1
        monkeypatch.setattr(check, "analyse_verified", split)
        match_pending(other)

    unhook = once_after_scoring(monkeypatch, meanwhile)
    (d_id,) = db.execute("SELECT article_id FROM statements WHERE id = ?", (evacuated,)).fetchone()
    matching.match_articles(db, [d_id])
    if change == "replaced":
        # was: deleted with D's old matches (C's new match kept in neither process)
        assert linked(db, evacuated, stmt(db, "C", "about 3,000"))[0] == "conflict"
    match_pending(db)  # C, if it was left pending
    assert not db.execute("SELECT 1 FROM articles WHERE matched = 0").fetchone()
    after = pairs(db)
    unhook()
    matching.match_all(db)
    assert pairs(db) == after  # was: D's statements matched to C's other sentences


def test_upgrade_from_version_35_no_longer_holds_a_share_and_its_complement_in_conflict(
    tmp_path: Path,
) -> None:
    """Version 36 reads "1 in 3" of losing and "two-in-three" of holding on as one claim
    from two sides: a database matched by version 35 holds them in conflict; the articles
    with a share are matched again (the others are not), and every story is regrouped
    from profiles made again."""
    from db.ingest import match_pending

    records = {
        "Wire": (
            "Hale sees a hard race",
            "Speaker Tom Hale said there is a 1 in 3 chance that the Liberals will lose"
            " Ashford. Ferry crossings to Elso were cancelled for the day.",
        ),
        "Daily": (
            "Hale upbeat on Ashford",
            "Speaker Tom Hale gave the Liberals a two-in-three chance of holding on to"
            " Ashford. Ferry crossings to Elso were cancelled for the whole day.",
        ),
        "Post": ("Ferry report", "Ferry crossings to Elso were cancelled for the day."),
    }
    path, db, fresh = _ingested(tmp_path / "v35.db", records)
    wire, daily = stmt(db, "Wire", "1 in 3"), stmt(db, "Daily", "two-in-three")
    assert fresh[min(wire, daily), max(wire, daily)][0] == "related"
    with _left_by(db, 35) as conn:
        _judged(conn, "conflict", wire, daily)  # as version 35 judged the pair
    db, waiting = _reopened_marked(db, path, 35)
    assert waiting == {"Wire", "Daily"}
    assert regroup_due(db)
    assert db.execute("SELECT count(*) FROM article_profiles").fetchone() == (0,)
    match_pending(db)
    assert pairs(db) == fresh
    assert not regroup_due(db)
    assert db.execute("SELECT count(*) FROM article_profiles").fetchone() == (3,)


def test_upgrade_from_version_39_matches_again_an_acronym_and_its_name(tmp_path: Path) -> None:
    """Version 40 reads an acronym and the name it spells as one name ("GBI" / "Georgia
    Bureau of Investigation"): a database left by version 39 (that pair related) matches
    the article holding the acronym again; the other one, without any, stays."""
    records = {
        "Wire": (
            "Harlow murders",
            "GBI spokesman Tom Vale said the Harlow murders were the work of one killer.",
        ),
        "Daily": (
            "One killer in Harlow",
            "Georgia Bureau of Investigation spokesman Tom Vale said the Harlow murders"
            " were the work of one killer.",
        ),
    }
    _related_matched_again(
        tmp_path, 39, records, ("GBI", "Georgia"), {"Wire"}, now="same", then="related"
    )


def test_upgrade_from_version_39_drops_the_speaker_of_a_ball_slammed(tmp_path: Path) -> None:
    """Version 40 reads a ball slammed as play, not speech: a database ingested by
    version 39 (that sentence said by the player) loses that speaker at the next match,
    and its matches are a fresh ingest's."""
    records = {
        "Wire": (
            "Tanaka out in Valmora",
            "Ken Tanaka slammed the ball into the net on match point. Coach Ana Ruiz said"
            " the Valmora final had drawn 14,000 fans.",
        ),
        "Daily": ("Tanaka beaten", "Ana Ruiz said the Valmora final had drawn 14,000 fans."),
    }
    _speaker_gone_after_upgrade(tmp_path, 39, records, ("Wire", "slammed the ball"), "Ken Tanaka")


def test_upgrade_from_version_40_matches_again_a_related_pair_of_two_events(
    tmp_path: Path,
) -> None:
    """Version 41 judges a pair of two articles of other events `different`, no longer
    `related` ("also on this event" is one event told otherwise): a database matched by
    version 40 holds the two senators' lines related; the articles of a related match
    are matched again (none holds a word the step reads otherwise: "close" nor
    "undisclosed" hold "lose"), and the matches are a fresh ingest's (no match)."""
    title, text = _QUELL_BUDGET
    wedding_title, wedding = _QUELL_WEDDING
    records = {
        "Wire": (title, text.replace("would close", "would ruin")),
        "Daily": (wedding_title, wedding.replace("undisclosed", "unreported")),
        "Post": ("Quell fires back at critics", ""),
    }
    _related_matched_again(
        tmp_path,
        40,
        records,
        ("immediately fired", "a smear"),
        {"Wire", "Daily"},
        now="different",
        then="related",
    )


def test_upgrade_from_version_40_matches_again_a_sale_told_by_its_buyer(tmp_path: Path) -> None:
    """Version 41 reads "X was sold to Y" and "Y is buying X" as one event told from its
    two sides, not opposite verbs: a database left by version 40 (that pair related)
    matches both articles again (each holds a word of a sale), then as a fresh ingest."""
    records = {
        "Wire": (
            "Kestrel Air sold",
            "Kestrel Air was sold to Marlow Airlines for $2 billion on Friday, the companies said.",
        ),
        "Daily": (
            "Marlow buys Kestrel",
            "Marlow Airlines is buying Kestrel Air for $2 billion, the companies said on Friday.",
        ),
    }
    _related_matched_again(
        tmp_path, 40, records, ("was sold", "is buying"), {"Wire", "Daily"}, now="same"
    )


def test_upgrade_from_version_40_drops_a_call_back_as_speech_and_regroups(
    tmp_path: Path,
) -> None:
    """Version 41 reads calling someone back as an act, not speech, and fits its story
    weights anew: a database ingested by version 40 (that sentence said by Hale) loses
    the speaker at the next match, its matches are a fresh ingest's, and every story
    profile is made again by the regroup the step leaves due."""
    from db.ingest import match_pending

    records = {
        "Wire": (
            "Hale recalls Liberal leader",
            "Four hours later, Sir Edwin Hale called the Liberal leader back to Downing"
            " Street. Aides said the Ashford talks had lasted 14 hours.",
        ),
        "Daily": ("Ashford talks", "Aides said the Ashford talks had lasted 14 hours."),
    }
    _speaker_gone_after_upgrade(
        tmp_path, 40, records, ("Wire", "called the Liberal leader back"), "Edwin Hale"
    )
    path = tmp_path / "v40.db"  # the database the call above left, matched again by 41
    db = connect(path)
    with _left_by(db, 40):
        pass
    db = _reopened(db, path)
    assert regroup_due(db)
    assert db.execute("SELECT count(*) FROM article_profiles").fetchone() == (0,)
    match_pending(db)
    assert not regroup_due(db)
    assert db.execute("SELECT count(*) FROM article_profiles").fetchone() == (2,)


def test_upgrade_from_version_40_matches_again_one_act_in_other_words(tmp_path: Path) -> None:
    """Version 41 reads "arrested" and "taken into custody" as one act told in other
    words: a database left by version 40 (no match of the pair) matches again the
    articles holding a word of lexicon.PARAPHRASES ("bank" holds no "ban"), then as a
    fresh ingest."""
    from db.ingest import match_pending

    records = {
        "Wire": ("Robber held", "Police arrested the Dornfeld bank robber in Ostrava on Friday."),
        "Daily": (
            "Robber in custody",
            "The Dornfeld bank robber was taken into custody in Ostrava on Friday.",
        ),
        "Post": ("Bank robbed", "The Dornfeld bank was robbed in Ostrava on Thursday."),
    }
    path, db, fresh = _ingested(tmp_path / "v40p.db", records)
    wire, daily = stmt(db, "Wire", "arrested"), stmt(db, "Daily", "taken into")
    assert fresh[min(wire, daily), max(wire, daily)][0] == "same"
    with _left_by(db, 40) as conn:
        conn.execute("DELETE FROM matches WHERE a IN (?, ?) AND b IN (?, ?)", (wire, daily) * 2)
        assert not _of_related_matches(conn)
    db, waiting = _reopened_marked(db, path, 40)
    assert waiting == {"Wire", "Daily"}
    match_pending(db)
    assert pairs(db) == fresh


def test_upgrade_from_version_41_matches_again_two_short_articles_told_alike(
    tmp_path: Path,
) -> None:
    """Version 42 reads a word a short article's title and lead both hold as its claim
    told twice, not its story's: a database left by version 41 (that pair related)
    matches again the articles of a related match between two short articles, then as
    a fresh ingest."""
    records = {
        "Wire": (
            "Harwick council approves Selby ferry contract",
            "The Harwick council on Tuesday approved a five-year contract with Selby"
            " Ferries for the island crossing. The vote was seven to two.",
        ),
        "Daily": (
            "Selby Ferries wins Harwick crossing deal",
            "Harwick councillors approved the ferry contract with Selby on Tuesday, ending"
            " a year of talks. Rival bidders said they would appeal.",
        ),
    }
    _related_matched_again(
        tmp_path,
        41,
        records,
        ("Harwick council approves", "Harwick councillors approved"),
        {"Wire", "Daily"},
        now="same",
        then="related",
    )


def test_upgrade_from_version_41_drops_the_speech_of_a_relative_clause(tmp_path: Path) -> None:
    """Version 42 reads a name's relative clause as no speech of a sentence whose main
    clause tells an act: a database ingested by version 41 (that sentence said by Peter
    Hale) loses the speaker at the next match, and its matches are a fresh ingest's."""
    records = {
        "Wire": (
            "Hale quits",
            "Peter Hale, who said the war was legal, resigned on Monday. Aides said the"
            " Ashford talks had lasted 14 hours.",
        ),
        "Daily": ("Ashford talks", "Aides said the Ashford talks had lasted 14 hours."),
    }
    _speaker_gone_after_upgrade(tmp_path, 41, records, ("Wire", "who said the war"), "Peter Hale")


def test_upgrade_from_version_41_makes_every_story_profile_again(tmp_path: Path) -> None:
    """Version 42 scores a pair of two short articles with weights of its own, and a
    profile stored by 41 does not say whether its article is short: a database left by
    41 has every profile dropped and the regroup due, and the next match makes them
    again, the short article's marked as such."""
    from db.ingest import match_pending

    records = {
        "Wire": ("Elso bridge shut", "The Elso bridge was shut on Friday after a crack was found."),
        "Daily": ("Bridge closed", "Engineers closed the Elso bridge on Friday over a crack."),
    }
    path, db, _fresh = _ingested(tmp_path / "v41s.db", records)
    short = "SELECT count(*) FROM article_profiles WHERE data LIKE '%\"s\":1%'"
    assert db.execute(short).fetchone() == (2,)
    with _left_by(db, 41) as conn:
        conn.execute("UPDATE article_profiles SET data = replace(data, ',\"s\":1', '')")
    db = _reopened(db, path)
    assert regroup_due(db)
    assert db.execute("SELECT count(*) FROM article_profiles").fetchone() == (0,)
    match_pending(db)
    assert not regroup_due(db)
    assert db.execute(short).fetchone() == (2,)


def test_upgrade_from_version_41_matches_again_two_titles_of_one_act(tmp_path: Path) -> None:
    """Version 42 reads two headlines in which a name both write does the same act as
    one claim, the titles of long articles too: a database left by version 41 (those
    titles related) matches again the articles of a related match between two Title
    Case statements, then as a fresh ingest."""
    records = {
        "Wire": (
            "Corvina Hale marries Tomas Reyes In Beach Ceremony At Sunset",
            "Corvina Hale and Tomas Reyes were married on Saturday on the shore at Elso."
            " About forty guests attended the evening service. The couple met two years"
            " ago in Lisbon. Hale wore a dress by a local designer. Reyes, a chef, cooked"
            " the dinner himself. The band played until midnight. Guests were asked not to"
            " post photographs. A spokesman confirmed the wedding on Sunday. The pair will"
            " live in Porto.",
        ),
        "Daily": (
            "Corvina Hale Marries Tomas Reyes: Inside Their Surprise Wedding Plans",
            "The actress and her partner exchanged vows in a small private ceremony."
            " Friends flew in from Madrid and Paris for the weekend. The ceremony lasted"
            " twenty minutes. Her sister read a poem she had written for the day. Dinner"
            " was served on the terrace. The couple plan a honeymoon in Japan. Their"
            " engagement was announced in March. Photographs of the day appeared online on"
            " Monday. The venue declined to comment.",
        ),
    }
    _related_matched_again(
        tmp_path,
        41,
        records,
        ("In Beach Ceremony", "Inside Their"),
        {"Wire", "Daily"},
        now="same",
        then="related",
    )


def test_upgrade_from_version_42_matches_again_two_headlines_of_a_light_verb(
    tmp_path: Path,
) -> None:
    """Version 43 reads a light verb ("gets") as one act of two headlines only when the
    words after it share one: a database left by version 42 (those headlines 'same')
    matches again the articles of a match between two headlines alone in their articles,
    then as a fresh ingest."""
    records = {
        "Wire": ("Corvina Hale gets married in secret ceremony in Mexico", ""),
        "Daily": ("Corvina Hale gets in trouble for tweet after wedding", ""),
    }
    _related_matched_again(tmp_path, 42, records, ("gets married", "in trouble"), {"Wire", "Daily"})


def test_upgrade_from_version_42_matches_again_two_titles_of_one_figure(tmp_path: Path) -> None:
    """Version 43 reads two headlines telling one figure as one claim, the titles of
    long articles too: a database left by version 42 (those titles related) matches
    again the articles of a match between two Title Case statements, then as a fresh
    ingest."""
    records = {
        "Wire": (
            "First Month Of Cannabis Sales Brings Tarlow $2 Million",
            "The state collected the money in January, officials said on Monday. Shops"
            " opened on New Year's Day. Lines formed before dawn in the capital. Prices"
            " rose in the first week. Growers asked for more licences.",
        ),
        "Daily": (
            "Tarlow Makes $2 Million In Tax In First Month Of Cannabis Sales",
            "Revenue officials published the figure on Monday. Sales began on January 1."
            " Buyers queued in the snow. Some shops ran out by noon. Lawmakers will"
            " debate the tax rate in March.",
        ),
    }
    _related_matched_again(
        tmp_path,
        42,
        records,
        ("Brings Tarlow", "Makes $2"),
        {"Wire", "Daily"},
        now="same",
        then="related",
    )


def test_upgrade_from_version_42_matches_again_a_statement_of_names_alone(
    tmp_path: Path,
) -> None:
    """Version 43 reads a statement of names alone ("Velmora and Kestle") as claiming
    nothing: a database left by version 42 (it 'same' as another article's statement)
    matches again the articles of a same match one side of which holds no lower-case
    word but stop words, though neither is a headline alone nor both in Title Case."""
    records = {
        "Wire": (
            "Velmora and Kestle",
            "The two firms spent $9 million on lobbying in Tarlow last year, filings show.",
        ),
        "Daily": (
            "Lobbying battle in Tarlow",
            "Velmora was dwarfed by Kestle spending in the lobbying battle over the"
            " Tarlow port, filings show.",
        ),
    }
    path, db, fresh = _ingested(tmp_path / "v42n.db", records)
    wire, daily = stmt(db, "Wire", "Velmora and Kestle"), stmt(db, "Daily", "was dwarfed")
    assert fresh.get((min(wire, daily), max(wire, daily)), ("different",))[0] != "same"
    with _left_by(db, 42) as conn:
        _judged(conn, "same", wire, daily)
    db, waiting = _reopened_marked(db, path, 42)
    assert waiting == {"Wire", "Daily"}
    from db.ingest import match_pending

    match_pending(db)
    assert pairs(db) == fresh


def test_upgrade_from_version_42_drops_a_score_added_as_speech(tmp_path: Path) -> None:
    """Version 43 reads a score added in a match as no speech: a database ingested by
    version 42 (that sentence said by Peter Hale) loses the speaker at the next match,
    and its matches are a fresh ingest's."""
    records = {
        "Wire": (
            "Tarlow win at home",
            "Tarlow beat Selby 28-12 on Saturday. Peter Hale added 18 points from the"
            " kicking tee. Aides said the Ashford talks had lasted 14 hours.",
        ),
        "Daily": ("Ashford talks", "Aides said the Ashford talks had lasted 14 hours."),
    }
    _speaker_gone_after_upgrade(tmp_path, 42, records, ("Wire", "added 18 points"), "Peter Hale")


def test_upgrade_from_version_42_regroups_every_story(tmp_path: Path) -> None:
    """Version 43 lets an article with a lead join a story only on something beyond its
    people's names: a database left by version 42 has the regroup due, and the regroup
    leaves the stories a fresh ingest's."""
    from db.regroup import regroup

    records = {
        "Wire": ("Elso bridge shut", "The Elso bridge was shut on Friday after a crack was found."),
        "Daily": ("Bridge closed", "Engineers closed the Elso bridge on Friday over a crack."),
    }
    path, db, _fresh = _ingested(tmp_path / "v42s.db", records)
    stories = "SELECT id, story_id FROM articles ORDER BY id"
    before = db.execute(stories).fetchall()
    with _left_by(db, 42):
        pass
    db = _reopened(db, path)
    assert regroup_due(db)
    assert regroup(db) is not None
    assert not regroup_due(db)
    assert db.execute(stories).fetchall() == before


def test_upgrade_from_version_43_matches_again_a_plan_against_a_headline_future(
    tmp_path: Path,
) -> None:
    """Version 44 reads a headline's name, "to" and a verb as the future, which a plan
    agrees with: a database left by version 43 (the pair 'related') matches again the
    articles of every statement the aim rules may read, not only of stored matches
    between headlines, then as a fresh ingest."""
    records = {
        "Wire": (
            "Velmora to release toolkit for wearable devices in two weeks",
            "Developers will get the kit at a meeting in Tarlow. The firm showed a watch"
            " last year. Rivals sell similar devices. Prices were not given.",
        ),
        "Daily": (
            "Velmora's next step",
            "Velmora plans to release a toolkit for wearable devices in two weeks. Its"
            " chief spoke in Tarlow on Monday. Shares rose after the talk. The company"
            " sells phones in 40 countries.",
        ),
    }
    _related_matched_again(
        tmp_path,
        43,
        records,
        ("to release toolkit", "plans to release"),
        {"Wire", "Daily"},
        now="same",
        then="related",
    )


def test_upgrade_from_version_43_has_a_firm_that_spoke_as_the_company(tmp_path: Path) -> None:
    """Version 44 reads "the company" as the firm that spoke when an apposition stands
    before its verb: a database left by version 43 (no speaker there) has the
    'statements' job due, finds the speaker at the next match, and its matches are a
    fresh ingest's."""
    records = {
        "Wire": (
            "Kestrel Buys Lindell",
            "Kestrel Holdings Corp, a company formed by Arden Partners and Co, said it bought"
            " 90 pct of Lindell Inc.\n\nThe company said its offer expired last night.",
        ),
        "Daily": ("Lindell sold", "Lindell Inc was sold to Kestrel Holdings on Friday."),
    }
    _speaker_found_after_upgrade(tmp_path, 43, records, "The company said", "Kestrel")


def _speaker_found_after_upgrade(
    tmp_path: Path, version: int, records: dict[str, tuple[str, str]], needle: str, name: str
) -> None:
    """Wire's statement holding ``needle``, which today's rules give a speaker naming
    ``name`` and ``version``'s gave none: a database left by ``version`` has the
    'statements' job due, finds the speaker at the next match, and its matches are a
    fresh ingest's."""
    from db.ingest import match_pending
    from db.statements_again import statements_due

    path, db, fresh = _ingested(tmp_path / f"v{version}f.db", records)
    sid = stmt(db, "Wire", needle)
    speaker = "SELECT speaker FROM statements WHERE id = ?"
    found = db.execute(speaker, (sid,)).fetchone()
    assert found is not None and found[0] and name in found[0]
    with _left_by(db, version) as conn:
        conn.execute("UPDATE statements SET speaker = NULL WHERE id = ?", (sid,))
    db = _reopened(db, path)
    assert statements_due(db)
    match_pending(db)
    assert not statements_due(db)
    assert db.execute(speaker, (sid,)).fetchone() == found
    assert pairs(db) == fresh


def test_upgrade_from_version_43_matches_again_two_headlines_of_one_act_beside_one_word(
    tmp_path: Path,
) -> None:
    """Version 44 reads two headlines in which one participle stands beside the same word
    as one act: a database left by version 43 (those headlines 'related') matches again
    the articles of a related match between two headlines alone in their articles, then
    as a fresh ingest."""
    records = {
        "Wire": ("Corvina Hale has married Tomas Reyes.", ""),
        "Daily": ("Former Velmora star Corvina Hale gets married in secret ceremony", ""),
    }
    _related_matched_again(
        tmp_path,
        43,
        records,
        ("has married", "gets married"),
        {"Wire", "Daily"},
        now="same",
        then="related",
    )


_BODY = (
    " Officials spoke in Tarlow on Monday. The figures were published in the afternoon."
    " Analysts had expected the news. Markets were calm."
)


def test_upgrade_from_version_43_matches_again_a_title_case_may(tmp_path: Path) -> None:
    """Version 44 reads a capitalised "May" before a verb as the modal: a database left by
    version 43 (a hedged Title Case title 'same' as the act done) matches again the
    articles of every statement holding one, then as a fresh ingest."""
    records = {
        "Wire": ("Velmora Shares May Fall After Tarlow Data", _BODY),
        "Daily": ("Velmora Shares Fall After Tarlow Data", _BODY[1:]),
    }
    _related_matched_again(
        tmp_path, 43, records, ("May Fall", "Shares Fall"), {"Wire"}, now="related"
    )


def test_upgrade_from_version_43_matches_again_a_negation_that_negates_nothing(
    tmp_path: Path,
) -> None:
    """Version 44 reads "nothing but" as no negation: a database left by version 43 (the
    pair 'related', negated on one side) matches again the articles of every statement
    holding such a phrase, then as a fresh ingest."""
    records = {
        "Wire": (
            "Festival report",
            "Corvina Hale went onstage in nothing but her underwear at the Tarlow festival"
            " on Friday." + _BODY,
        ),
        "Daily": (
            "Hale at Tarlow",
            "Corvina Hale went onstage in her underwear at the Tarlow festival on Friday." + _BODY,
        ),
    }
    _related_matched_again(
        tmp_path,
        43,
        records,
        ("nothing but", "in her underwear"),
        {"Wire"},
        now="same",
        then="related",
    )


def test_upgrade_from_version_43_matches_again_sums_in_two_currencies(tmp_path: Path) -> None:
    """Version 44 reads two sums in two currencies no exchange rate makes one as two
    numbers: a database left by version 43 (the pair 'same') matches again the articles
    of every number in a currency other than the dollar, then as a fresh ingest."""
    records = {
        "Wire": (
            "Cannabis taxes",
            "Tarlow collected £1.2 million in cannabis taxes in January, officials said." + _BODY,
        ),
        "Daily": (
            "Tax haul",
            "Tarlow collected $3.5 million in cannabis taxes in January, officials said." + _BODY,
        ),
    }
    _related_matched_again(
        tmp_path, 43, records, ("£1.2 million", "$3.5 million"), {"Wire"}, now="related"
    )


def test_upgrade_from_version_44_matches_again_two_heads_telling_one_act(
    tmp_path: Path,
) -> None:
    """Version 45 keeps no story break between two statements that open their articles
    and tell one act: a database left by version 44 (the two headlines 'related') matches
    again the articles of every statement that rule may read, then as a fresh ingest."""
    _related_matched_again(
        tmp_path,
        44,
        {"Wire": (PLEA_A[0], " ".join(PLEA_A[1:])), "Daily": (PLEA_B[0], " ".join(PLEA_B[1:]))},
        ("pleads guilty in bribery case", "Pleads Guilty To Bribery"),
        {"Wire", "Daily"},
        now="same",
        then="related",
    )


def test_upgrade_from_version_44_matches_again_considers_before_a_gerund(
    tmp_path: Path,
) -> None:
    """Version 45 reads "considers" before a gerund as a hedge: a database left by version
    44 (a headline alone 'same' as the act done) matches again the articles of every
    statement holding one, then as a fresh ingest."""
    records = {
        "Wire": ("Tarn Games founder Ema Ruiz considers bringing back Skyhop", ""),
        "Daily": ("Tarn Games founder Ema Ruiz brings back Skyhop", ""),
    }
    _related_matched_again(
        tmp_path, 44, records, ("considers bringing", "brings back"), {"Wire"}, now="related"
    )


def test_upgrade_from_version_44_has_a_firm_described_by_where_it_is_based(
    tmp_path: Path,
) -> None:
    """Version 45 reads "the Swiss-based drug giant" as the firm named before: a database
    left by version 44 (no speaker there) has the 'statements' job due, finds the speaker
    at the next match, and its matches are a fresh ingest's."""
    records = {
        "Wire": (
            "Torvane forms unit",
            "Torvane Ltd announced the formation of a new unit on Monday.\n\n"
            'The Swiss-based drug giant said the unit would be "a leader in its field".',
        ),
        "Daily": ("New Torvane unit", "Torvane Ltd formed a new unit on Monday, it said."),
    }
    _speaker_found_after_upgrade(tmp_path, 44, records, "The Swiss-based", "Torvane")


def test_upgrade_from_version_44_matches_again_an_alias_read_as_its_word(
    tmp_path: Path,
) -> None:
    """Version 45 reads an alias as the word it stands for ("UAE" and "United Arab
    Emirates" one token): a database left by version 44 (the two headlines 'related')
    matches again the articles holding such a form, then as a fresh ingest."""
    records = {
        "Wire": ("UAE recalls its ambassador from Tarlow", ""),
        "Daily": ("The United Arab Emirates recalled its ambassador from Tarlow", ""),
    }
    _related_matched_again(
        tmp_path,
        44,
        records,
        ("UAE recalls", "United Arab Emirates"),
        {"Wire", "Daily"},
        now="same",
        then="related",
    )


def test_upgrade_from_version_44_matches_again_a_party_tag(tmp_path: Path) -> None:
    """Version 45 reads a party tag as no one else's name: a database left by version 44
    (the pair 'related', other names) matches again the articles of every statement
    holding a tag or a middle initial, then as a fresh ingest."""
    records = {
        "Wire": ("Whitfield (D-Tarn) to run for governor of Ashford on Thursday", ""),
        "Daily": ("Whitfield to run for governor of Ashford on Thursday", ""),
    }
    _related_matched_again(
        tmp_path,
        44,
        records,
        ("(D-Tarn)", "Whitfield to run"),
        {"Wire"},
        now="same",
        then="related",
    )


def _profiles_dropped_and_regrouped(
    tmp_path: Path, version: int, records: dict[str, tuple[str, str]]
) -> None:
    """A database of ``records`` left by ``version`` has no profile left and the regroup
    due once opened, and the regroup leaves its stories a fresh ingest's."""
    path, db, _fresh = _ingested(tmp_path / f"v{version}s.db", records)
    stories = "SELECT id, story_id FROM articles ORDER BY id"
    before = db.execute(stories).fetchall()
    assert db.execute("SELECT count(*) FROM article_profiles").fetchone()[0] > 0
    with _left_by(db, version):
        pass
    db = _reopened(db, path)
    assert db.execute("SELECT count(*) FROM article_profiles").fetchone()[0] == 0
    assert regroup_due(db)
    assert regroup(db) is not None
    assert not regroup_due(db)
    assert db.execute(stories).fetchall() == before


def test_upgrade_from_version_44_drops_every_profile_and_regroups(tmp_path: Path) -> None:
    """Version 45 reads "Rep." and "Dems" as the words they stand for, and a profile
    weighs words by their counts: a database left by version 44 has no profile left and
    the regroup due, and the regroup leaves the stories a fresh ingest's."""
    records = {
        "Wire": (
            "Dems back Rep. Ama Lind on Tarlow dam bill",
            "House Dems on Monday backed Rep. Ama Lind's bill to fund the Tarlow dam.",
        ),
        "Daily": (
            "Democrats back Representative Ama Lind's Tarlow dam bill",
            "House Democrats backed Representative Ama Lind's bill to fund the Tarlow dam.",
        ),
    }
    _profiles_dropped_and_regrouped(tmp_path, 44, records)


def test_upgrade_from_version_44_matches_again_the_other_party_across_stop_words(
    tmp_path: Path,
) -> None:
    """Version 45 finds the other chamber or party beside a shared word across stop words
    ("Democrats in Tarlow"): a database left by version 44 (the pair 'same') matches again
    the articles of every statement naming a chamber or party, then as a fresh ingest."""
    records = {
        "Wire": ("Democrats in Tarlow backed the dam bill on Monday", ""),
        "Daily": ("Republicans in Tarlow backed the dam bill on Monday", ""),
    }
    _related_matched_again(
        tmp_path, 44, records, ("Democrats in", "Republicans in"), {"Wire", "Daily"}
    )


def test_upgrade_from_version_44_matches_again_an_irregular_demonym(tmp_path: Path) -> None:
    """Version 45 reads "Britons" as the United Kingdom: a database left by version 44
    (the pair judged otherwise) matches again the articles holding such a demonym, then
    as a fresh ingest."""
    records = {
        "Wire": ("Two Britons detained in Tarlow after dam protest on Monday", ""),
        "Daily": ("Two UK nationals detained in Tarlow after dam protest on Monday", ""),
    }
    _related_matched_again(
        tmp_path, 44, records, ("Britons", "UK nationals"), {"Wire"}, now="same", then="related"
    )


def test_upgrade_from_version_44_matches_again_a_state_between_commas(tmp_path: Path) -> None:
    """Version 45 reads a US state's AP abbreviation alone between commas as the state: a
    database left by version 44 (the pair judged otherwise) matches again the articles
    holding one, then as a fresh ingest."""
    records = {
        "Wire": ("Ama Lind, Md., won the Tarlow dam vote on Monday", ""),
        "Daily": ("Ama Lind of Maryland won the Tarlow dam vote on Monday", ""),
    }
    _related_matched_again(
        tmp_path, 44, records, ("Md.", "of Maryland"), {"Wire"}, now="same", then="related"
    )


def test_upgrade_from_version_45_matches_again_a_part_against_the_whole(
    tmp_path: Path,
) -> None:
    """Version 46 reads a figure narrowed further on ("taxes on recreational cannabis")
    as a part of the whole, no conflict (here not even a match): a database left by
    version 45 (the pair a 'conflict') matches again the articles of every statement
    such a figure holds, then as a fresh ingest."""
    records = {
        "Wire": (
            "Cannabis revenue",
            "The county collected $3 million in taxes on recreational cannabis last year." + _BODY,
        ),
        "Daily": (
            "County tax haul",
            "The county collected $5 million in cannabis taxes last year, the treasurer said."
            + _BODY[1:],
        ),
    }
    _related_matched_again(
        tmp_path,
        45,
        records,
        ("recreational", "$5 million"),
        {"Wire", "Daily"},
        now="different",
        then="conflict",
    )


def test_upgrade_from_version_45_matches_again_a_nickname_before_a_shared_surname(
    tmp_path: Path,
) -> None:
    """Version 46 reads "Jim" and "James" before one surname as one person: a database
    left by version 45 (the pair 'related', other names) matches again the articles of
    every statement writing a given name or its familiar form before a name, then as a
    fresh ingest."""
    records = {
        "Wire": ("Mayor Jim Okafor said the Tarlow dam would open on Friday.", ""),
        "Daily": ("Mayor James Okafor said the Tarlow dam would open on Friday.", ""),
    }
    _related_matched_again(
        tmp_path,
        45,
        records,
        ("Jim Okafor", "James Okafor"),
        {"Wire", "Daily"},
        now="same",
        then="related",
    )


def test_upgrade_from_version_45_matches_again_the_district_read_as_washington(
    tmp_path: Path,
) -> None:
    """Version 46 reads "D.C." as Washington: a database left by version 45 (the pair
    judged otherwise) matches again the articles holding the form, then as a fresh
    ingest."""
    records = {
        "Wire": ("Tarlow mayor Ama Lind flies to D.C. for dam talks on Monday", ""),
        "Daily": ("Tarlow mayor Ama Lind flies to Washington for dam talks on Monday", ""),
    }
    _related_matched_again(
        tmp_path, 45, records, ("D.C.", "Washington"), {"Wire"}, now="same", then="related"
    )


def test_upgrade_from_version_45_has_a_speaker_joined_to_an_earlier_verb(
    tmp_path: Path,
) -> None:
    """Version 46 reads "… on Tuesday and said" as the sentence subject speaking: a
    database left by version 45 (no speaker there) has the 'statements' job due, finds
    the speaker at the next match, and its matches are a fresh ingest's."""
    records = {
        "Wire": (
            "Felton visits Tarlow plant",
            "Nora Felton visited the Tarlow plant on Tuesday and said the jobs were safe.",
        ),
        "Daily": ("Tarlow jobs safe", "The Tarlow plant's jobs are safe, Nora Felton said."),
    }
    _speaker_found_after_upgrade(tmp_path, 45, records, "visited the Tarlow", "Nora Felton")


def test_upgrade_from_version_45_drops_every_profile_and_regroups(tmp_path: Path) -> None:
    """Version 46 reads "D.C." as Washington (a word's weight changes) and scores one
    related statement between two short articles: a database left by version 45 has no
    profile left and the regroup due, and the regroup leaves the stories a fresh
    ingest's."""
    records = {
        "Wire": (
            "Ama Lind in D.C. for Tarlow dam talks",
            "Mayor Ama Lind flew to Washington, D.C. on Monday to ask for dam money.",
        ),
        "Daily": (
            "Tarlow mayor seeks federal dam funds",
            "Ama Lind met officials in the District of Columbia to press for the Tarlow dam.",
        ),
    }
    _profiles_dropped_and_regrouped(tmp_path, 45, records)
