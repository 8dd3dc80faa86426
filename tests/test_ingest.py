"""Ingest: every format into the database, offsets exact, re-ingest idempotent, replacement."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlite_utils

from db.connection import connect
from db.ingest import ingest_paths
from db.search import search

HERE = Path(__file__).parent
FORMATS = HERE / "fixtures" / "formats"
SEEDS = HERE.parent / "tui" / "samples"
SEED_A = SEEDS / "000_dd9f0b5d2f8810a6.txt"
SEED_B = SEEDS / "004_30c3ae78e6307b4b.txt"


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    return connect(tmp_path / "test.db")


def count(db: sqlite_utils.Database, table: str) -> int:
    return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def assert_offsets_exact(db: sqlite_utils.Database) -> None:
    texts = dict(db.execute("SELECT id, text FROM articles").fetchall())
    rows = db.execute("SELECT article_id, char_start, char_end, text FROM statements").fetchall()
    assert rows
    for article_id, start, end, text in rows:
        assert texts[article_id][start:end] == text
    for table, column in (("quotes", "text"), ("numbers", "raw")):
        for article_id, start, end, text in db.execute(
            f"SELECT s.article_id, x.char_start, x.char_end, x.{column} FROM {table} x"
            " JOIN statements s ON s.id = x.statement_id"
        ):
            assert texts[article_id][start:end] == text


def test_seeds_as_two_sources(db: sqlite_utils.Database) -> None:
    ra = ingest_paths(db, [SEED_A], source="A", match=False)
    rb = ingest_paths(db, [SEED_B], source="B", match=False)
    assert (ra.added, rb.added) == (1, 1)
    assert ra.statements > 20 and rb.statements > 10
    assert_offsets_exact(db)
    hits = search(db, "Umerov")
    assert {h.source for h in hits} == {"A", "B"}
    for hit in hits:
        text = db.execute("SELECT text FROM articles WHERE id = ?", (hit.article_id,)).fetchone()[0]
        assert text[hit.start : hit.end] == hit.text
        assert any(hit.text[s:e].lower() == "umerov" for s, e in hit.highlights)
    # The headline is a statement too, and the caption keeps its kind.
    kinds = dict(db.execute("SELECT s.kind, count(*) FROM statements s GROUP BY s.kind").fetchall())
    assert kinds["headline"] == 2 and kinds.get("caption", 0) >= 1


def test_every_format_ingests(db: sqlite_utils.Database) -> None:
    report = ingest_paths(db, [FORMATS], match=False)
    assert report.rejected == []
    # html 1 + jsonl 3 + basil 1 + txt 1 + atom 1 + rss 2 + md 1
    assert report.added == 10
    assert_offsets_exact(db)
    sources = {r[0] for r in db.execute("SELECT name FROM sources")}
    # the records' own sources, else the folder name
    assert sources == {
        "Example News",
        "Reuters",
        "nyt",
        "Atom Example Daily",
        "Example Wire",
        "formats",
    }
    empty = db.execute(
        "SELECT text, body_start FROM articles WHERE title = 'Standard Oil to form financial unit'"
    ).fetchone()
    assert empty == ("Standard Oil to form financial unit", len(empty[0]))


def test_source_option_wins(db: sqlite_utils.Database) -> None:
    ingest_paths(db, [FORMATS / "articles.jsonl"], source="Wire", match=False)
    assert [r[0] for r in db.execute("SELECT name FROM sources")] == ["Wire"]


def test_reingest_is_a_noop(db: sqlite_utils.Database) -> None:
    first = ingest_paths(db, [FORMATS, SEED_A], match=False)
    before = {t: count(db, t) for t in ("articles", "statements", "quotes", "numbers")}
    ids = db.execute("SELECT id FROM statements ORDER BY id").fetchall()
    again = ingest_paths(db, [FORMATS, SEED_A], match=False)
    assert again.added == again.replaced == 0
    assert again.unchanged == first.added
    assert {t: count(db, t) for t in before} == before
    assert db.execute("SELECT id FROM statements ORDER BY id").fetchall() == ids


def test_changed_article_replaces_old_version(db: sqlite_utils.Database, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Old headline\n\nThe minister said 5,000 troops were sent. Zebrafish swim.\n")
    ingest_paths(db, [path], match=False)
    (article_id,) = db.execute("SELECT id FROM articles").fetchone()
    path.write_text("New headline\n\nThe minister said 7,000 troops were sent.\n")
    report = ingest_paths(db, [path], match=False)
    assert (report.added, report.replaced) == (0, 1)
    assert db.execute("SELECT id, title FROM articles").fetchall() == [(article_id, "New headline")]
    texts = [r[0] for r in db.execute("SELECT text FROM statements ORDER BY seq")]
    assert texts == ["New headline", "The minister said 7,000 troops were sent."]
    assert [r[0] for r in db.execute("SELECT value FROM numbers")] == [7000.0]
    # The full-text index follows: the old words are gone, the new ones found.
    assert search(db, "zebrafish") == []
    assert search(db, "headline")[0].text == "New headline"
    assert count(db, "statements_fts") == count(db, "statements")
    db.execute("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")
    assert_offsets_exact(db)


def test_a_key_twice_in_one_batch_keeps_only_the_later_version(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    # A batch's statements are written together at its end: the first version's, still
    # collected when the second replaces it, must not survive next to the second's.
    url = "https://example.org/story"
    path = tmp_path / "twice.jsonl"
    records = [
        {"url": url, "title": "First take", "text": "Zebrafish swim. The count was 5,000."},
        {"url": "https://example.org/other", "title": "Other story", "text": "Owls fly at 9."},
        {"url": url, "title": "Second take", "text": "The count was 7,000 in all."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records))
    report = ingest_paths(db, [path], match=False)
    assert (report.added, report.replaced) == (2, 1)
    # The replaced article keeps its id; ids follow the order the records came in.
    assert db.execute("SELECT id, url, title FROM articles ORDER BY id").fetchall() == [
        (1, url, "Second take"),
        (2, "https://example.org/other", "Other story"),
    ]
    article_id = 1
    titles = db.execute("SELECT rowid FROM articles_fts WHERE title MATCH 'take'").fetchall()
    assert titles == [(1,)]
    texts = [
        r[0]
        for r in db.execute(
            "SELECT text FROM statements WHERE article_id = ? ORDER BY seq", (article_id,)
        )
    ]
    assert texts == ["Second take", "The count was 7,000 in all."]
    assert sorted(r[0] for r in db.execute("SELECT value FROM numbers")) == [9.0, 7000.0]
    assert search(db, "zebrafish") == []
    assert count(db, "statements_fts") == count(db, "statements") == 4
    db.execute("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")
    db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
    assert_offsets_exact(db)


def test_a_stored_key_replaced_twice_in_one_batch_keeps_only_the_last_version(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    # Replacing keeps the stored id: the second replacement must find the first's
    # statements written, not still collected, to delete them.
    url = "https://example.org/story"
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"url": url, "title": "First take", "text": "Zebrafish swim."}))
    ingest_paths(db, [first], match=False)
    later = tmp_path / "later.jsonl"
    records = [
        {"url": url, "title": "Second take", "text": "Owls fly at 9."},
        {"url": url, "title": "Final take", "text": "The count was 7,000 in all."},
    ]
    later.write_text("\n".join(json.dumps(r) for r in records))
    report = ingest_paths(db, [later], match=False)
    assert (report.added, report.replaced) == (0, 2)
    texts = [r[0] for r in db.execute("SELECT text FROM statements ORDER BY id")]
    assert texts == ["Final take", "The count was 7,000 in all."]
    assert [r[0] for r in db.execute("SELECT value FROM numbers")] == [7000.0]
    assert search(db, "owls") == [] and search(db, "zebrafish") == []
    assert count(db, "statements_fts") == count(db, "statements") == 2
    db.execute("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")
    assert_offsets_exact(db)


def test_every_statement_of_a_batch_is_in_the_full_text_index(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    for i in range(30):
        (tmp_path / f"{i:02}.txt").write_text(
            f"Headline {i}\n\nThe word tok{i}a is here. Then tok{i}b follows, said Ann Lee.\n"
        )
    report = ingest_paths(db, [tmp_path], match=False)
    assert report.added == 30 and report.statements == 90
    db.execute("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")
    for i in range(30):
        for word in (f"tok{i}a", f"tok{i}b"):
            rows = db.execute(
                "SELECT s.text FROM statements_fts f JOIN statements s ON s.id = f.rowid"
                " WHERE statements_fts MATCH ?",
                (word,),
            ).fetchall()
            assert len(rows) == 1 and word in rows[0][0]
    # Quotes and numbers point at the statements they were found in.
    for table in ("quotes", "numbers"):
        orphans = db.execute(
            f"SELECT count(*) FROM {table} x LEFT JOIN statements s ON s.id = x.statement_id"
            " WHERE s.id IS NULL"
        ).fetchone()[0]
        assert orphans == 0
    assert_offsets_exact(db)


def test_bad_records_are_rejected_and_the_rest_ingests(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"title": "Good one", "text": "It is fine."}),
                "{not json",
                json.dumps({"title": ["not", {"a": 1}], "text": 5}),
                json.dumps([1, 2]),
                json.dumps({"date": "2020-01-01"}),
                json.dumps({"title": "Good two", "text": "Also fine."}),
            ]
        )
    )
    report = ingest_paths(db, [path], match=False)
    assert report.added == 2
    assert [(r.line, r.reason.split(":")[0]) for r in report.rejected] == [
        (2, "invalid JSON"),
        (3, "field 'title' must hold text, found dict"),
        (4, "record must be a JSON object, not list"),
        (5, "record has neither a title nor a text/body"),
    ]
    assert all(str(path) in str(r) for r in report.rejected)


def test_headline_only_and_undated_articles_are_kept(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    (tmp_path / "h.txt").write_text("Only a headline here\n")
    report = ingest_paths(db, [tmp_path], match=False)
    assert report.added == 1 and report.rejected == []
    assert db.execute("SELECT date, title FROM articles").fetchone() == (
        None,
        "Only a headline here",
    )
    assert [r[0] for r in db.execute("SELECT kind FROM statements")] == ["headline"]


def test_escape_sequences_are_stripped_markup_is_kept(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    (tmp_path / "x.txt").write_text(
        "Title \x1b[31mred\x1b[0m\n\n"
        "He said [bold red]hi[/] \x1b]8;;http://x\x07link\x1b]8;;\x07 now.\n"
    )
    ingest_paths(db, [tmp_path], match=False)
    (text,) = db.execute("SELECT text FROM articles").fetchone()
    assert "\x1b" not in text and "\x07" not in text
    assert text == "Title red\n\nHe said [bold red]hi[/] link now."


def test_statement_rows_store_exactly_what_the_statements_store(tmp_path: Path) -> None:
    # The pool's workers send statement_rows (pickled); check --repair writes Statement
    # objects: both must give the same rows, quotes with speakers and numbers included.
    import pickle

    from db.ingest import write_statements
    from db.statements import analyse_verified, statement_rows

    text = 'Budget vote\n\nThe minister said "we will cut 5 pct" on Monday. About 300 jobs go.'
    statements = analyse_verified(text, len("Budget vote") + 2)
    assert isinstance(statements, list)
    assert any(st.quotes for st in statements) and any(st.numbers for st in statements)
    stored = []
    for n, given in enumerate([statements, pickle.loads(pickle.dumps(statement_rows(statements)))]):
        db = connect(tmp_path / f"{n}.db")
        with db.conn:
            db.execute("INSERT INTO sources(id, name) VALUES (1, 's')")
            db.execute(
                "INSERT INTO articles(id, source_id, key, title, text, body_start, content_hash,"
                " words, ingested_at) VALUES (7, 1, 'k', 'Budget vote', ?, 13, 'h', 14, 'now')",
                (text,),
            )
            assert write_statements(db.conn, 7, given, 40) == len(statements)
        stored.append(
            [
                db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
                for table in ("statements", "quotes", "numbers")
            ]
        )
    assert stored[0] == stored[1]
    statement_rows_, quotes, numbers = stored[0]
    assert [r[0] for r in statement_rows_] == [40, 41, 42]
    assert quotes[0][1] == 41 and quotes[0][4] == "we will cut 5 pct"
    assert {r[4] for r in numbers} == {"5 pct", "About 300"}


def test_a_folders_files_are_counted_once_however_many_records_they_hold(
    db: sqlite_utils.Database, tmp_path: Path
) -> None:
    folder = tmp_path / "drop"
    folder.mkdir()
    note = json.dumps({"uuid": "n1", "labels": ["tone"]})
    story = json.dumps({"title": "Ferry resumes", "text": "The ferry ran again, its owner said."})
    (folder / "a_labels.json").write_text(note, encoding="utf-8")
    (folder / "b_labels.jsonl").write_text(f"{note}\n{note}\n{note}\n", encoding="utf-8")
    (folder / "c_mixed.jsonl").write_text(f"{story}\n{note}\n", encoding="utf-8")
    report = ingest_paths(db, [folder], match=False)
    assert report.skipped == [str(folder / "a_labels.json")]
    assert report.files == 2 and report.added == 1
    assert report.bytes == sum(
        (folder / n).stat().st_size for n in ("b_labels.jsonl", "c_mixed.jsonl")
    )
    assert [(Path(r.path).name, r.line) for r in report.rejected] == [
        ("b_labels.jsonl", 1),
        ("b_labels.jsonl", 2),
        ("b_labels.jsonl", 3),
        ("c_mixed.jsonl", 2),
    ]
