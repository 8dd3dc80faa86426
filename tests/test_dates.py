"""Numeric dates that read either way ("05/11/2024") are never guessed: read in an order
given, else the order of their file's other dates, else day first, and said (QA, second
round, item 2)."""

from __future__ import annotations

import pytest

import db.date_orders as orders_mod
from db.date_orders import read_dates
from db.dates import either_way, numeric_order, parse_date
from db.formats import RawArticle, Rejected, article_record


def test_a_numeric_date_is_read_as_its_numbers_allow_and_an_ambiguous_one_only_in_an_order() -> (
    None
):
    assert parse_date("25/11/2024") == "2024-11-25"
    assert parse_date("11/25/2024") == "2024-11-25"  # month first: was not read at all
    assert parse_date("11-25-2024 2:30 PM") == "2024-11-25T14:30:00"
    assert parse_date("05/05/2024") == "2024-05-05"  # the same either way
    assert parse_date("05/11/2024") is None  # was 2024-11-05, without a word
    assert parse_date("05/11/2024", "dmy") == "2024-11-05"
    assert parse_date("05.11.2024 14:30", "mdy") == "2024-05-11T14:30:00"
    assert parse_date("31/02/2024", "dmy") is None and parse_date("13/13/2024", "mdy") is None
    assert [numeric_order(v) for v in ("25/11/2024", "11/25/2024", "05/11/2024")] == [
        "dmy",
        "mdy",
        "either",
    ]
    assert numeric_order("2024-11-05") is None and numeric_order("05/05/2024") is None
    assert either_way("5/11/2024") == "2024-11-05 (day first) or 2024-05-11 (month first)"
    assert either_way("25/11/2024") is None


def _records(path: str, *dates: str) -> list[RawArticle]:
    return [
        article_record(title=f"t{i}", body="b", date=d, path=path, key=f"{path}#{i}")
        for i, d in enumerate(dates)
    ]


def _read(records: list[RawArticle | Rejected], order: str | None = None) -> list[tuple]:  # type: ignore[type-arg]
    mixed: list[tuple[str, str, str]] = []
    out = list(read_dates(records, order, on_mixed=lambda *m: mixed.append(m)))
    assert out == records  # the same records, in the same order
    return [(r.key, r.date, r.date_read) for r in out if isinstance(r, RawArticle)] + mixed


def test_a_files_ambiguous_dates_are_read_in_the_order_of_its_other_dates() -> None:
    us = _records("us.csv", "05/11/2024", "06/11/2024", "11/25/2024", "07/11/2024")
    eu = _records("eu.csv", "05/11/2024", "2024-01-02")
    assert all(r.date is None and not r.date_unread for r in (us[0], us[1], eu[0]))
    assert _read([*us, *eu]) == [
        ("us.csv#0", "2024-05-11", ("mdy", "file")),  # held until 11/25 told
        ("us.csv#1", "2024-06-11", ("mdy", "file")),
        ("us.csv#2", "2024-11-25", None),
        ("us.csv#3", "2024-07-11", ("mdy", "file")),
        ("eu.csv#0", "2024-11-05", ("dmy", "default")),  # nothing in its file told
        ("eu.csv#1", "2024-01-02", None),
    ]


def test_an_order_given_reads_them_all_and_a_file_that_disagrees_is_named() -> None:
    records = _records("a.csv", "05/11/2024", "25/11/2024")
    assert _read(records, "mdy") == [
        ("a.csv#0", "2024-05-11", ("mdy", "given")),
        ("a.csv#1", "2024-11-25", None),
        ("a.csv", "mdy", "dmy"),
    ]
    # Dates of both orders: the first tells, and the file is named.
    mixed = _records("m.csv", "13/01/2024", "01/02/2024", "01/13/2024")
    assert _read(mixed)[1:] == [
        ("m.csv#1", "2024-02-01", ("dmy", "file")),
        ("m.csv#2", "2024-01-13", None),
        ("m.csv", "dmy", "mdy"),
    ]
    # Both orders but no date that reads either way: nothing to check.
    assert len(_read(_records("n.csv", "13/01/2024", "01/13/2024"))) == 2


def test_records_are_held_back_only_so_far(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(orders_mod, "HOLD_RECORDS", 2)
    records: list[RawArticle | Rejected] = [
        *_records("f.csv", "05/11/2024"),
        Rejected("f.csv", "bad line", 2),
        *_records("f.csv", "06/11/2024", "11/25/2024"),
    ]
    read = _read(records)
    # Two held: nothing told, so day first for the rest of the file.
    assert [r[1:] for r in read] == [
        ("2024-11-05", ("dmy", "default")),
        ("2024-11-06", ("dmy", "default")),
        ("2024-11-25", None),
        ("dmy", "mdy"),
    ]


def test_a_zone_after_the_time_is_applied_however_the_date_is_written() -> None:
    instant = "2026-12-04T04:30:00"
    for given in (
        "Thu, 03 Dec 2026 23:30:00 -0500",
        "2026-12-04T04:30:00Z",
        "2026-12-03T23:30:00-05:00",
        "2026-12-03 23:30 EST",
        "2026-12-03T23:30:00 EST",
        "December 3, 2026 11:30 PM EST",
        "3 Dec 2026 23:30 -05:00",
        "2026-12-04 05:30:00+01",
    ):
        assert parse_date(given) == instant, given
    assert parse_date("12/03/2026 11:30 PM -0500", "mdy") == instant
    # Without a zone, or with a name that is no one zone, the time is kept as given.
    assert parse_date("December 3, 2026 11:30 PM") == "2026-12-03T23:30:00"
    assert parse_date("3 Dec 2026, 11:30 a.m.") == "2026-12-03T11:30:00"
    assert parse_date("Thu, 03 Dec 2026 23:30:00 CET") == "2026-12-03T23:30:00"
    assert parse_date("2026-12-03") == "2026-12-03"
