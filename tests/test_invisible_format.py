"""Invisible format characters that split a word (zero-width space, word joiner, soft
hyphen, a stray BOM) are dropped at ingest as bidi controls are; ZWJ and ZWNJ, which
spell words and emoji, stay. A database stored before is found by the clean-again
finder (the 'clean' job) and stored again as a fresh ingest stores it."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from db.clean_again import articles_to_clean_again
from db.cleaning import clean_text, clean_title, input_offsets
from db.connection import transaction
from db.ingest import clean_again
from db.search import search
from tests.db_helpers import ingested_cleaned_without, stored_articles

ZWSP, WJ, SHY, BOM, ZWNJ, ZWJ = "\u200b", "\u2060", "\u00ad", "\ufeff", "\u200c", "\u200d"


def test_invisible_format_characters_are_left_out_of_stored_text_and_titles() -> None:
    assert clean_title(f"{ZWSP}Lena Dunham hosts the show") == "Lena Dunham hosts the show"
    assert clean_title(f"Council{WJ} votes{BOM}") == "Council votes"
    assert clean_text(f"The infor{SHY}mation was leaked{ZWSP}.\n\n{ZWSP}\nNext.") == (
        "The information was leaked.\n\nNext."
    )
    assert clean_text(f"e{ZWSP}\u0301") == "\u00e9"  # NFC composes across a dropped one


def test_zwj_and_zwnj_are_kept_for_what_they_spell() -> None:
    family = f"\U0001f468{ZWJ}\U0001f469{ZWJ}\U0001f467"  # one emoji, not three
    persian = f"\u0645\u06cc{ZWNJ}\u062e\u0648\u0627\u0647\u0645"  # "mi-khaham", I want
    assert clean_text(f"A {family} and {persian}.") == f"A {family} and {persian}."
    assert clean_title(persian) == persian


def test_offsets_map_back_to_input_holding_invisible_characters() -> None:
    title, body = f"{ZWSP}Budget rises", f"The bud{SHY}get rose{WJ}, said Jane."
    stored = "Budget rises\n\nThe budget rose, said Jane."
    words = ["Budget", "The budget", "said Jane."]
    spans = [(stored.index(w), stored.index(w) + len(w)) for w in words]
    mapped = input_offsets(title, body, stored, spans)
    raw = f"{title}\n\n{body}"
    assert mapped is not None
    assert [raw[m[0] : m[1]] for m in mapped if m] == ["Budget", f"The bud{SHY}get", "said Jane."]


RECORDS = [
    {
        "id": "a",
        "source": f"Daily{ZWSP} Wire",
        "date": "2024-03-04",
        "title": f"{ZWSP}Harbour budget rises",
        "text": f"The harbour budget rises to $5 billion, said Jane {WJ}Doe. The infor{SHY}mation"
        " was published on Monday.",
    },
    {
        "id": "b",
        "source": "Other Post",
        "date": "2024-03-04",
        "title": "Harbour budget rises to $5 billion",
        "text": "The harbour budget rises to $5 billion, said Jane Doe on Monday.",
    },
]


def _ingested(folder: Path, *, as_before: bool) -> sqlite_utils.Database:
    # as_before: the cleaning of version 43, which kept these characters
    return ingested_cleaned_without(folder, RECORDS, "_INVISIBLE" if as_before else None)


def test_a_word_after_a_zero_width_space_is_found_by_search(tmp_path: Path) -> None:
    db = _ingested(tmp_path / "fresh", as_before=False)
    assert {h.title for h in search(db, "harbour")} >= {"Harbour budget rises"}
    assert [h.article_id for h in search(db, "information")] != []
    (name,) = [r[0] for r in db.execute("SELECT name FROM sources WHERE name LIKE 'Daily%'")]
    assert name == "Daily Wire"


def test_an_article_stored_with_invisible_characters_is_stored_again_as_fresh(
    tmp_path: Path,
) -> None:
    old = _ingested(tmp_path / "old", as_before=True)
    fresh = _ingested(tmp_path / "fresh", as_before=False)
    assert stored_articles(old) != stored_articles(fresh)
    found = articles_to_clean_again(old)
    assert len(found) == 1 and articles_to_clean_again(fresh) == []
    with transaction(old):
        assert clean_again(old) == found
    assert articles_to_clean_again(old) == []
    assert stored_articles(old) == stored_articles(fresh)
    names = [r[0] for r in old.execute("SELECT name FROM sources ORDER BY name")]
    assert names == ["Daily Wire", "Other Post"]  # the old name is gone


def test_upgrade_from_version_43_stores_again_an_article_with_invisible_characters(
    tmp_path: Path,
) -> None:
    """Version 44 drops invisible characters at ingest: a database left by version 43
    holding them has the 'clean' job due and is, once matched, what a fresh ingest
    gives."""
    from db.ingest import match_pending
    from db.upgrade import job_due
    from tests.db_helpers import reopened_as_left_by

    old = reopened_as_left_by(_ingested(tmp_path / "old", as_before=True), 43)
    fresh = _ingested(tmp_path / "fresh", as_before=False)
    assert job_due(old, "clean") and not job_due(fresh, "clean")
    match_pending(old)
    assert not job_due(old, "clean")
    assert articles_to_clean_again(old) == []
    assert stored_articles(old) == stored_articles(fresh)
    relations = "SELECT relation, count(*) FROM matches GROUP BY relation ORDER BY relation"
    assert old.execute(relations).fetchall() == fresh.execute(relations).fetchall()
