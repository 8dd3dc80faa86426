"""The command line, as a user runs it: ingest the seeds, search, stats, articles, show."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli_fixtures import *  # noqa: F403 (pytest fixtures)
from tests.cli_fixtures import SEED_A, ingest_seeds


@pytest.fixture
def seeded(run):  # type: ignore[no-untyped-def]
    return ingest_seeds(run, "A", "B")


def test_ingest_summary(run) -> None:  # type: ignore[no-untyped-def]
    out = run("ingest", SEED_A, "--source", "A")
    assert "ingested: 1 added, 0 replaced, 0 unchanged, 0 rejected from 1 file" in out
    out = run("ingest", SEED_A, "--source", "A")
    assert "0 added, 0 replaced, 1 unchanged" in out


def test_ingest_json_and_rejections_set_exit_status(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.json"
    bad.write_text("{oops")
    out = run("ingest", SEED_A, str(bad), "--json", code=1)
    report = json.loads(out)
    assert report["added"] == 1 and report["rejected"] == 1
    assert report["errors"] == [
        f"{bad}: invalid JSON at line 1 column 2: Expecting property name enclosed in double quotes"
    ]


def test_search_json_from_both_sources_with_exact_offsets(seeded) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(seeded("search", "Umerov", "--json"))
    assert data["total"] == len(data["hits"]) >= 5
    assert {h["source"] for h in data["hits"]} == {"A", "B"}
    for hit in data["hits"]:
        shown = json.loads(seeded("show", str(hit["article_id"]), "--json"))
        assert shown["article"]["text"][hit["start"] : hit["end"]] == hit["text"]


def test_search_filters(seeded) -> None:  # type: ignore[no-untyped-def]
    only_b = json.loads(seeded("search", "Umerov", "--source", "b", "--json"))
    assert {h["source"] for h in only_b["hits"]} == {"B"}
    since = json.loads(seeded("search", "Umerov", "--since", "2024-11-06", "--json"))
    assert {h["date"] for h in since["hits"]} == {"2024-11-06"}
    until = json.loads(seeded("search", "Umerov", "--until", "2024-11-05", "--json"))
    assert {h["source"] for h in until["hits"]} == {"B"}


@pytest.mark.parametrize("query", ['"unbalanced', "AND OR", "col:x", "NEAR(", "a*b"])
def test_hostile_queries_never_trace_back(seeded, query: str) -> None:  # type: ignore[no-untyped-def]
    out = seeded("search", query, code=None)  # catch_exceptions=False: a traceback fails
    assert "no statements match" in out or "nothing to search for" in out or "·" in out


def test_empty_query_is_a_usage_error(seeded) -> None:  # type: ignore[no-untyped-def]
    out = seeded("search", "*", code=2)
    assert "nothing to search for" in out


def test_search_plain_output(seeded) -> None:  # type: ignore[no-untyped-def]
    out = seeded("search", '"small group"')
    assert "small group" in out and "A · 2024-11-06" in out


def test_stats_and_articles(seeded) -> None:  # type: ignore[no-untyped-def]
    stats = json.loads(seeded("stats", "--json"))
    assert stats["articles"] == 2 and stats["sources"] == 2
    assert stats["statements"] > 30
    assert [s["name"] for s in stats["by_source"]] == ["A", "B"]
    listing = json.loads(seeded("articles", "--json"))
    assert [a["date"] for a in listing["articles"]] == ["2024-11-06", "2024-11-05"]
    assert "Ukraine says it fought N Korean troops" in seeded("articles")


def test_show_numbers_statements(seeded) -> None:  # type: ignore[no-untyped-def]
    out = seeded("show", "1")
    assert "[0] (headline) Ukraine says it fought N Korean troops for first time" in out
    assert "number: an estimated 11,000 = 11000" in out
    seeded("show", "999", code=1)


def test_claims_id_says_who_said_it(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """QA: ``claims --id N`` listed the claim's statements and numbers but not its
    speakers, which ``--json`` (``speakers``) and the browser's claim panel ("said by")
    give. It names each as its sources wrote it, people together as one ("Chuck Schumer
    and Nancy Pelosi"), "; " between them (such a name may hold commas)."""
    said = '"This is a non-starter and we will not fund the wall,"'
    records = [
        {
            "source": "wire",
            "date": "2019-01-19",
            "title": "Democrats reject wall offer",
            "text": f"{said} said Sen. Chuck Schumer and Rep. Nancy Pelosi in a joint statement.",
        },
        {
            "source": "paper",
            "date": "2019-01-19",
            "title": "Schumer and Pelosi say no",
            "text": f"{said} Schumer and Pelosi said in a statement on Saturday.",
        },
    ]
    data = tmp_path / "joint.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    run("ingest", str(data))
    claim = json.loads(run("claims", "--min-sources", "2", "--json"))["claims"][0]
    shown = run("claims", "--id", str(claim["id"])).splitlines()
    assert "  said by: Chuck Schumer and Nancy Pelosi (wire); Schumer and Pelosi (paper)" in shown


def test_quotes_finds_a_common_speaker_as_the_listing_writes_it(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """QA: ``quotes`` lists speakers kept as written ("Officials", "The report", "A
    spokesman": 117 such names in BASIL + BBC politics), but ``--speaker "The report"``
    said "no quotes of 'The report'": a capitalised name was looked up by key alone, and
    a common noun has none. Its words find it, in any case; a person is still found by
    key ("Rustem Umerov", "Umerov")."""
    text = (
        'Officials said the plan was "dead on arrival" in its present form.\n\n'
        'The report said the fund was "close to empty" by March.\n\n'
        '"We will fight on," said Defence Minister Rustem Umerov.'
    )
    record = {"source": "A", "date": "2024-01-02", "title": "Budget row", "text": text}
    data = tmp_path / "common.jsonl"
    data.write_text(json.dumps(record) + "\n", encoding="utf-8")
    run("ingest", str(data))
    for name, said in [
        ("Officials", "dead on arrival"),
        ("officials", "dead on arrival"),
        ("The report", "close to empty"),
        ("THE REPORT", "close to empty"),
        ("Umerov", "We will fight on"),
    ]:
        shown = run("quotes", "--speaker", name)
        assert f"“{said}”" in shown, (name, shown)
        assert shown.count("[article 1]") == 1, (name, shown)
    assert "no quotes of 'The reports'" in run("quotes", "--speaker", "The reports", code=1)
