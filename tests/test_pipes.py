"""What the CLI writes: to a pipe that closes early (``claimlens show 1 | head``) the command
ends quietly, exit 0, text or ``--json`` alike, no traceback; and no bidi override from the
data reaches the terminal."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from db import cleaning
from tui.cli import main

CLI = [sys.executable, "-c", "from tui.cli import main; main()"]


@pytest.fixture(scope="module")
def long_article_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pipes")
    sentences = " ".join(
        f"The council said the harbour budget rose by {i} million pounds this year."
        for i in range(3000)
    )  # ~220 KB: more than a pipe's buffer holds
    (folder / "long.txt").write_text("A long article\n\n" + sentences + "\n", encoding="utf-8")
    db = folder / "pipes.db"
    result = CliRunner().invoke(
        main, ["--db", str(db), "ingest", "--no-match", "-q", str(folder / "long.txt")]
    )
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize("args", [["show", "1"], ["show", "1", "--json"]])
def test_a_reader_that_stops_early_ends_the_command_quietly_with_exit_0(
    long_article_db: Path, args: list[str]
) -> None:
    proc = subprocess.Popen(
        [*CLI, "--db", str(long_article_db), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(100)  # as `| head -c 100` does, then close
    proc.stdout.close()
    code = proc.wait(timeout=60)
    err = proc.stderr.read().decode()
    assert code == 0, err
    assert err == ""


@pytest.fixture
def stored_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ingest as claimlens did before bidi controls were dropped at ingest: a database of
    then still holds them, and every listing must leave them out of what it prints."""
    monkeypatch.setattr(cleaning, "_BIDI", re.compile("(?!)"))


def _ingested_one(tmp_path: Path, record: str) -> tuple[str, CliRunner]:
    """A database of one article (``record``: its JSON, as written), ingested unmatched
    through the CLI; its path and the runner."""
    db = str(tmp_path / "bidi.db")
    article = tmp_path / "bidi.json"
    article.write_text(record, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["--db", db, "ingest", "--no-match", str(article)]).exit_code == 0
    return db, runner


@pytest.mark.usefixtures("stored_as_before")
def test_bidi_overrides_in_a_title_do_not_reach_the_terminal(tmp_path: Path) -> None:
    """A feed title's U+202E (right-to-left override) reversed the rest of the row on a
    terminal that lays out bidi text; the listings drop it as they drop escapes."""
    db, runner = _ingested_one(
        tmp_path,
        '{"title": "Mayor \\u202eyeknom\\u202c resigns \\u2067isolated\\u2069",'
        ' "text": "The mayor resigned on Monday, the council said.", "source": "Wire",'
        ' "date": "2026-11-30"}',
    )
    out = runner.invoke(main, ["--db", db, "articles"]).output
    out += runner.invoke(main, ["--db", db, "show", "1"]).output
    assert "Mayor yeknom resigns isolated" in out
    assert not set(out) & {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
    # --json keeps the stored text as it is
    shown = runner.invoke(main, ["--db", db, "articles", "--json"]).output
    assert "\\u202e" in shown or "\u202e" in shown


def test_every_listing_json_says_its_total_limit_and_offset(tmp_path: Path) -> None:
    """`search --json` and `quotes --json` had `total` but not the `limit`/`offset` that
    `articles`, `matches`, `claims` and `stories` give: a script paging through all of
    them needed to know which command was which."""
    db = str(tmp_path / "page.db")
    runner = CliRunner()
    seeds = Path(__file__).parent.parent / "tui" / "samples"
    for name, source in (("000_dd9f0b5d2f8810a6.txt", "A"), ("004_30c3ae78e6307b4b.txt", "B")):
        args = ["--db", db, "ingest", "-q", "--source", source, str(seeds / name)]
        assert runner.invoke(main, args).exit_code == 0
    listings = [
        ["articles"],
        ["search", "Umerov"],
        ["quotes"],
        ["matches"],
        ["claims", "--min-sources", "1"],
        ["stories", "--min-sources", "1"],
    ]
    for listing in listings:
        result = runner.invoke(
            main, ["--db", db, *listing, "--json", "--limit", "1", "--offset", "1"]
        )
        assert result.exit_code == 0, (listing, result.output)
        data = json.loads(result.output)
        assert (data["limit"], data["offset"]) == (1, 1), listing
        assert isinstance(data["total"], int), listing


def test_nothing_found_exits_1_in_text_and_0_with_json_as_the_readme_says(
    tmp_path: Path,
) -> None:
    """The README said only "1 … nothing matched"; with --json the status is 0 and
    `total` 0 (scripts, and test_concurrency's readers, rely on it)."""
    db = str(tmp_path / "empty.db")
    runner = CliRunner()
    seeds = Path(__file__).parent.parent / "tui" / "samples"
    ingest = ["--db", db, "ingest", "-q", "--no-match", str(seeds / "000_dd9f0b5d2f8810a6.txt")]
    assert runner.invoke(main, ingest).exit_code == 0
    for command, key in (
        (["search", "zebra"], "hits"),
        (["quotes", "--speaker", "Nobody Atall"], "quotes"),
    ):
        assert runner.invoke(main, ["--db", db, *command]).exit_code == 1, command
        as_json = runner.invoke(main, ["--db", db, *command, "--json"])
        assert as_json.exit_code == 0, command
        data = json.loads(as_json.output)
        assert data["total"] == 0 and data[key] == [], command
    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    assert "with `--json` the status is 0 and `total` is 0" in " ".join(readme.split())


def test_show_json_gives_its_utc_time_with_a_z_as_feeds_json_does(long_article_db: Path) -> None:
    """`show --json`'s ingested_at was UTC without a zone (2026-12-05T03:08:34) where
    `feeds --json`'s last_fetched says …Z: a script comparing them read one as local."""
    result = CliRunner().invoke(main, ["--db", str(long_article_db), "show", "1", "--json"])
    assert result.exit_code == 0, result.output
    stamp = json.loads(result.output)["article"]["ingested_at"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp), stamp


@pytest.mark.usefixtures("stored_as_before")
def test_a_source_named_in_an_error_has_no_bidi_override(tmp_path: Path) -> None:
    """`--source` naming no source prints the closest names in click's error, which is not
    written through the listings' cleaning: a stored name's U+202E reached stderr."""
    db, runner = _ingested_one(
        tmp_path,
        '{"title": "Mayor resigns", "text": "The mayor resigned on Monday, the council said.",'
        ' "source": "Evil\u202e Wire", "date": "2026-11-30"}',
    )
    result = runner.invoke(main, ["--db", db, "articles", "--source", "Evil Wir"])
    assert result.exit_code == 2
    assert "closest: Evil Wire" in result.output
    assert "\u202e" not in result.output


@pytest.mark.usefixtures("stored_as_before")
def test_search_highlights_the_matched_word_after_a_bidi_override(tmp_path: Path) -> None:
    """`search` printed a hit without its bidi controls but highlighted the offsets of the
    stored text: a U+202E before the word moved the highlight one character early."""
    db, runner = _ingested_one(
        tmp_path,
        '{"title": "Harbour", "text": "The \\u202ecouncil\\u202c said the harbour budget rose.",'
        ' "source": "Wire", "date": "2026-11-30"}',
    )
    result = runner.invoke(main, ["--db", db, "search", "budget"], color=True)
    assert result.exit_code == 0, result.output
    body = next(line for line in result.output.splitlines() if "council" in line)
    # The styled run: what follows the last escape sequence before the reset.
    highlighted = re.findall(r"\x1b\[[0-9;]*m([^\x1b]+)\x1b\[0m", body)
    assert highlighted == ["budget"], body


def test_bidi_controls_are_dropped_at_ingest_so_a_source_is_found_by_its_name(
    tmp_path: Path,
) -> None:
    """A source sent as "Evil\u202e Wire" was stored so: `--source "Evil Wire"` (what every
    listing shows) found nothing. Titles, text and names are stored without bidi controls."""
    db, runner = _ingested_one(
        tmp_path,
        '{"title": "Mayor \\u202eyeknom\\u202c resigns", "text": "The \\u2066council\\u2069'
        ' said the \\u200fharbour budget rose.", "source": "Evil\\u202e Wire",'
        ' "date": "2026-11-30"}',
    )
    result = runner.invoke(main, ["--db", db, "articles", "--source", "Evil Wire", "--json"])
    assert result.exit_code == 0, result.output
    (article,) = json.loads(result.output)["articles"]
    assert (article["source"], article["title"]) == ("Evil Wire", "Mayor yeknom resigns")
    shown = json.loads(runner.invoke(main, ["--db", db, "show", "1", "--json"]).output)
    texts = [st["text"] for st in shown["statements"]]
    assert texts == ["Mayor yeknom resigns", "The council said the harbour budget rose."]
    # show --json replays the cleaning on the record: each statement maps back to its input
    assert shown["article"]["input"] == {"of": "title+body", "why": None}
    title, body = (
        "Mayor \u202eyeknom\u202c resigns",
        "The \u2066council\u2069 said the \u200fharbour budget rose.",
    )
    raw = f"{title}\n\n{body}"
    assert [raw[st["input_start"] : st["input_end"]] for st in shown["statements"]] == [title, body]


def test_a_speaker_whose_name_holds_an_isolate_is_found(tmp_path: Path) -> None:
    """ "said Jane \u2066Doe\u2069" gave no speaker (the isolate split the name for the speaker
    rules) where "said Jane Doe" gives one: dropped at ingest, the name reads as written."""
    db, runner = _ingested_one(
        tmp_path,
        '{"title": "Harbour budget", "text": "The harbour budget will rise next year, said'
        ' Jane \\u2066Doe\\u2069, the council leader.", "source": "Wire", "date": "2026-11-30"}',
    )
    shown = json.loads(runner.invoke(main, ["--db", db, "show", "1", "--json"]).output)
    speakers = [st["speaker"] for st in shown["statements"]]
    assert speakers[1:] == ["Jane Doe"], speakers


def test_a_source_given_on_the_command_line_is_stored_cleaned(tmp_path: Path) -> None:
    """`--source` (and a folder's name) is no record's field, which the readers clean: it
    was stored as typed, bidi override and all."""
    article = tmp_path / "a.txt"
    article.write_text("Mayor resigns\n\nThe mayor resigned on Monday.\n", encoding="utf-8")
    db = str(tmp_path / "source.db")
    runner = CliRunner()
    args = ["--db", db, "ingest", "--no-match", "--source", "Evil\u202e  Wire", str(article)]
    assert runner.invoke(main, args).exit_code == 0
    listed = runner.invoke(main, ["--db", db, "articles", "--source", "Evil Wire", "--json"])
    assert [a["source"] for a in json.loads(listed.output)["articles"]] == ["Evil Wire"]
