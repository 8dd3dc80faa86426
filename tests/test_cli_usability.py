"""What a new user tripped over in the CLI (issue 15 items 2-6 and 18, issue 10 item 5,
issue 16 item 2): pending matching, databases made from typos, notes taken for articles,
silent truncation, unknown sources, plurals, the ingest summary, and start-up imports."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import db.ingest as ingest_mod
from db.connection import connect
from db.ingest import ingest_paths, is_notes_file
from tests.cli_fixtures import *  # noqa: F403 (pytest fixtures)
from tests.cli_fixtures import SEED_A, SEED_B, ingest_seeds
from tests.db_helpers import interrupt_read_at, once_after_scoring
from tui.cli import main
from tui.cli.root import COMMANDS


@pytest.fixture
def seeded(run):  # type: ignore[no-untyped-def]
    return ingest_seeds(run, "Reuters", "BBC News")


def _articles(folder: Path, n: int, prefix: str = "story") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"{prefix}{i:03d}.txt").write_text(
            f"Harbour story {i}\n\nThe council met on Monday about harbour plan number {i}.\n"
        )
    return folder


# --- item 2: pending matching is work to do --------------------------------------------------


def test_interrupted_ingest_says_matching_did_not_run_and_check_lists_it_as_pending(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    folder = _articles(tmp_path / "in", 30)
    monkeypatch.setattr(ingest_mod, "BATCH_ARTICLES", 10)
    real = interrupt_read_at(monkeypatch, 25)
    out = run("ingest", str(folder), code=130)
    saved = re.search(r"interrupted — saved so far: (\d+) added", out)
    assert saved and 0 < int(saved.group(1)) < 30, out
    assert "matching did not run: `claimlens match --pending` matches what was saved" in out
    monkeypatch.setattr(ingest_mod, "read_file", real)

    out = run("check")  # exit 0: nothing is damaged
    assert "FAIL" not in out and "problem" not in out
    n = saved.group(1)
    assert f"pending: {n} articles are not matched yet: `claimlens match --pending` does it" in out
    assert "healthy (with work pending)" in out
    assert run("match", "--pending").startswith(f"{2 * int(n)} statements,")
    data = json.loads(run("check", "--json"))
    assert data["ok"] and data["pending"] == [] and data["counts"]["pending_matching"] == 0
    assert run("match", "--pending") == "nothing to match: every article has been matched\n"


def test_no_match_ingest_says_how_to_match_later(run) -> None:  # type: ignore[no-untyped-def]
    out = run("ingest", SEED_A, "--no-match")
    assert "not matched yet (--no-match): `claimlens match --pending` matches them" in out


@pytest.mark.parametrize("listing", ["matches", "claims", "stories"])
def test_an_empty_listing_says_why_and_what_to_do(run, listing: str) -> None:  # type: ignore[no-untyped-def]
    run("ingest", SEED_A, "--no-match", "--source", "Kyiv Wire")
    assert run(listing) == (
        f"no {listing}: 1 article waits for matching (`claimlens match --pending`)\n"
    )
    run("ingest", SEED_B, "--source", "Kyiv Wire")  # both outlets' files as one source
    out = run(listing)
    assert out.startswith(f"no {listing}: every article is from one source (Kyiv Wire)")
    assert "--source NAME" in out


def test_an_empty_listing_of_two_sources_says_nothing_was_found(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ferry = tmp_path / "ferry.txt"
    ferry.write_text("The ferry to Elso was cancelled on Tuesday because of storms.\n")
    run("ingest", SEED_A, "--source", "Kyiv Wire")
    run("ingest", str(ferry), "--source", "Elso Post")
    assert run("matches") == "no matches: no two sources were found telling the same thing\n"
    assert run("matches", "--relation", "conflict") == "no matches: none with --relation conflict\n"
    assert run("matches", "--article", "1") == "no matches: none with --article 1\n"


# --- item 3: reading commands never create a database ----------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["stats"],
        ["search", "wall"],
        ["articles"],
        ["matches"],
        ["claims"],
        ["stories"],
        ["show", "1"],
        ["check"],
        ["browse"],
    ],
)
def test_reading_commands_on_a_mistyped_db_exit_2_creating_nothing(
    tmp_path: Path, args: list[str]
) -> None:
    missing = tmp_path / "nonexistent" / "dir" / "x.db"
    result = CliRunner().invoke(main, ["--db", str(missing), *args])
    assert result.exit_code == 2, result.output
    assert f"no database at {missing}" in result.output
    assert list(tmp_path.iterdir()) == []  # not even the folder


def test_writing_commands_create_the_database(tmp_path: Path) -> None:
    path = tmp_path / "new" / "x.db"
    result = CliRunner().invoke(main, ["--db", str(path), "match", "--pending"])
    assert result.exit_code == 0, result.output
    assert path.exists()


# --- item 4: READMEs and notes are not articles ----------------------------------------------


@pytest.mark.parametrize(
    ("name", "notes"),
    [
        ("README.md", True),
        ("README.TXT", True),
        ("LICENSE", True),
        ("LICENSE.txt", True),
        ("CHANGES", True),
        ("CHANGELOG.md", True),
        ("annotation_changes.txt", True),
        ("release-notes.md", True),
        ("msr_paraphrase_README.htm", True),
        ("notes.txt", True),
        ("0d10341a-9dba-4374-a524-814c300d1611_3.json", False),
        ("story001.txt", False),
        ("election-notes-from-the-campaign-trail.txt", False),
        ("big_changes_at_the_bank.txt", False),
        ("history-of-the-harbour.html", False),
        ("drivers-license-rules.html", False),
        ("authors-guild-sues.html", False),
        ("citation-needed-in-court-ruling.txt", False),
    ],
)
def test_notes_files_by_name(name: str, notes: bool) -> None:
    assert is_notes_file(Path("data") / name) is notes


def test_ingest_skips_notes_in_folders_with_a_count(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = _articles(tmp_path / "data", 2)
    (folder / "README.md").write_text("# About\n\nThis folder holds two stories for tests.\n")
    (folder / "annotation_changes.txt").write_text("I. Bias type fix (2)\nchanged a label.\n")
    (folder / "LICENSE").write_text("Permission is hereby granted, free of charge, to anyone.\n")
    out = run("ingest", str(folder), "--no-match")
    assert "2 added, 0 replaced, 0 unchanged, 0 rejected from 2 files" in out
    assert "3 files skipped (not articles)" in out
    assert json.loads(run("stats", "--json"))["articles"] == 2
    # Named on the command line, a README is read: the user asked for it.
    out = run("ingest", str(folder / "README.md"), "--no-match", "--json")
    assert json.loads(out)["added"] == 1


def test_ingest_skips_annotation_objects_found_beside_articles(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = _articles(tmp_path / "data", 2)
    notes = folder / "annotations"
    notes.mkdir()
    for i in range(3):
        (notes / f"{i}_ann.json").write_text('{"uuid": "u", "phrase-level-annotations": []}')
    (notes / "prices.csv").write_text("date,open,close\n2024-01-02,10,11\n")
    out = run("ingest", str(folder), "--no-match")
    assert "2 added, 0 replaced, 0 unchanged, 0 rejected from 2 files" in out
    assert "4 files skipped (not articles)" in out and "rejected: " not in out
    # Named on the command line, it is read, and says why it holds no article.
    out = run("ingest", str(notes / "0_ann.json"), "--no-match", code=1)
    assert "not an article: a JSON object with no title or text field" in out


def test_ingest_json_lists_skipped_files(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = _articles(tmp_path / "data", 1)
    (folder / "README.md").write_text("About this folder.\n")
    data = json.loads(run("ingest", str(folder), "--no-match", "--json"))
    assert data["skipped"] == 1 and data["skipped_files"] == [str(folder / "README.md")]


def test_quiet_silences_per_file_lines_but_the_summary_counts_them(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = _articles(tmp_path / "data", 2)
    for i in range(3):
        (folder / f"ann{i}.json").write_text('[{"quotes": [1, 2]}]')
    loud = run("ingest", str(folder), "--no-match", code=1)
    assert loud.count("rejected: ") == 3
    quiet = run("ingest", str(folder), "--no-match", "-q", code=1)
    assert "rejected: " not in quiet
    assert "0 added, 0 replaced, 2 unchanged, 3 rejected from 5 files" in quiet
    assert "(without -q, or with --json, each rejected file says why)" in quiet


def test_many_files_rejected_for_one_reason_are_counted_in_one_line(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = _articles(tmp_path / "data", 1)
    for i in range(8):
        (folder / f"ann{i}.json").write_text('[{"quotes": [1, 2]}]')
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    out = run("ingest", str(folder), "--no-match", code=1)
    lines = [line for line in out.splitlines() if line.startswith("rejected: ")]
    assert len(lines) == 7  # 5 annotation files, the count of the other 3, the picture
    assert "rejected: 3 more for the same reason: record has neither a title" in out
    assert any(line.endswith("photo.png: binary file, not text") for line in lines)
    assert "9 rejected from 10 files" in out
    assert "(--json lists every rejected file)" in out
    data = json.loads(run("ingest", str(folder), "--no-match", "--json", code=1))
    assert data["rejected"] == 9 and len(data["errors"]) == 9


# --- item 5: listings say what they do not show -----------------------------------------------


def test_articles_say_how_many_are_not_shown(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run("ingest", str(_articles(tmp_path / "data", 53)), "--no-match")
    out = run("articles")
    assert len([line for line in out.splitlines() if "Harbour story" in line]) == 50
    assert out.rstrip().endswith("showing 50 of 53 — --limit/--offset for more")
    out = run("articles", "--offset", "50")
    assert out.rstrip().endswith("showing 51–53 of 53 — --limit/--offset for more")
    assert "showing" not in run("articles", "--limit", "60")
    data = json.loads(run("articles", "--limit", "5", "--json"))
    assert (data["total"], len(data["articles"])) == (53, 5)


@pytest.mark.parametrize("listing", ["matches", "claims", "stories"])
def test_match_listings_have_totals(seeded, listing: str) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(seeded(listing, "--json", "--limit", "1000"))
    total = data["total"]
    assert total == len(data[listing]) >= 1
    out = seeded(listing, "--limit", "1")
    if total > 1:
        assert out.rstrip().endswith(f"showing 1 of {total} — --limit/--offset for more")
    page = json.loads(seeded(listing, "--json", "--limit", "1", "--offset", "0"))
    assert (page["total"], page["limit"], page["offset"], len(page[listing])) == (total, 1, 0, 1)


def test_matches_json_carries_each_statements_claim(seeded) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(seeded("matches", "--json"))
    claims = {c["id"] for c in json.loads(seeded("claims", "--json", "--limit", "1000"))["claims"]}
    for m in data["matches"]:
        for side in ("a", "b"):
            assert "claim_id" in m[side] and "seq" in m[side]
            if m["relation"] in ("same", "conflict"):
                assert m[side]["claim_id"] is not None
    assert {m["a"]["claim_id"] for m in data["matches"]} & claims


def test_listing_labels_say_what_a_number_is(seeded) -> None:  # type: ignore[no-untyped-def]
    assert seeded("claims").startswith("claim ")
    assert seeded("stories").startswith("story ")
    assert "#" not in seeded("matches", "--limit", "3")
    assert " · " in seeded("matches", "--limit", "1").splitlines()[1]  # "article 1 · 6"


# --- item 6: an unknown source is named, with the closest ones --------------------------------


def test_search_with_an_unknown_source_suggests_close_names(seeded) -> None:  # type: ignore[no-untyped-def]
    out = seeded("search", "Umerov", "--source", "reuter", code=2)
    assert "no source is named 'reuter'; closest: Reuters" in out
    out = seeded("search", "wall", "--source", "nosuch", code=2)
    assert "no source is named 'nosuch'" in out and "no statements match" not in out
    out = seeded("articles", "--source", "BBC New", code=2)
    assert "closest: BBC News" in out
    # A known source, any case, is a filter: no statements is then the answer.
    assert "no statements match" in seeded("search", "zebra", "--source", "bbc news", code=1)


# --- item 18: plurals -------------------------------------------------------------------------


def test_plurals(run) -> None:  # type: ignore[no-untyped-def]
    out = run("ingest", SEED_A, "--source", "A", "--no-match")
    assert "from 1 file;" in out and "1 files" not in out
    out = run("stats")
    assert "1 article " in out and "1 articles" not in out
    out = run("check")
    assert "1 article," in out and "1 articles" not in out


# --- issue 10 item 5: the ingest says what matching found; its own byte total -------------------


def test_ingest_summary_says_what_matching_found(run) -> None:  # type: ignore[no-untyped-def]
    run("ingest", SEED_A, "--source", "A")
    out = run("ingest", SEED_B, "--source", "B")
    matched = [line for line in out.splitlines() if line.startswith("matched: ")]
    assert len(matched) == 1 and " same, " in matched[0] and "claim" in matched[0]
    data = json.loads(run("ingest", SEED_B, "--source", "B2", "--json"))
    assert data["match"]["statements"] > 0 and data["match"]["mode"]


def test_ingest_reports_its_byte_total_before_reading(tmp_path: Path) -> None:
    folder = _articles(tmp_path / "data", 4)
    (folder / "README.md").write_text("About.\n")
    sizes = sum(p.stat().st_size for p in folder.glob("story*.txt"))
    events: list[tuple[str, int]] = []
    report = ingest_paths(
        connect(tmp_path / "b.db"),
        [folder],
        match=False,
        progress=lambda n: events.append(("progress", n)),
        on_total=lambda n: events.append(("total", n)),
    )
    assert events[0] == ("total", sizes)  # first, and once
    assert [e for e in events if e[0] == "total"] == [("total", sizes)]
    assert sum(n for kind, n in events if kind == "progress") == sizes == report.bytes


def test_a_tree_too_big_to_list_is_walked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest_mod, "LISTED_FILES", 2)
    folder = _articles(tmp_path / "data", 5)
    totals: list[int] = []
    report = ingest_paths(connect(tmp_path / "b.db"), [folder], match=False, on_total=totals.append)
    assert report.added == 5 and totals == [report.bytes]


# --- issue 16 item 2: start-up imports -------------------------------------------------------


def _modules_after(*argv: str, bare: bool = False) -> set[str]:
    """The modules a fresh interpreter has imported after running ``claimlens ARGV``.
    ``bare``: without ``site`` (``-S``), the tree and site-packages put on the path by
    hand, so that what the interpreter imports for ``.pth`` files (the editable install's
    finder imports pathlib) is not counted as the command's."""
    import site

    paths = [str(Path(__file__).resolve().parent.parent), *site.getsitepackages()]
    code = (
        "import sys\n"
        + (f"sys.path[:0] = {paths!r}\n" if bare else "")
        + "from click import UsageError\n"
        "from tui.cli import main\n"
        "try:\n"
        f"    main({list(argv)!r}, standalone_mode=False)\n"
        "except (SystemExit, UsageError):  # exits 1, or 2 with a usage error\n"
        "    pass\n"
        "sys.stdout = sys.__stdout__\n"
        "print('MODULES', ' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, *(["-S"] if bare else []), "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    line = next(x for x in done.stdout.splitlines() if x.startswith("MODULES "))
    return set(line.split()[1:])


def _top(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules}


def test_help_imports_no_command_module_and_no_textual() -> None:
    modules = _modules_after("--help")
    assert not _top(modules) & {"textual", "trafilatura", "feedparser", "rich", "sqlite_utils"}
    assert not {m for m in modules if m.startswith("tui.cli.") and m != "tui.cli.root"} - {
        "tui.cli.common"
    }
    # db.wording is counts in words (a leaf, tui.wording's one implementation), no database.
    assert not {m for m in modules if m.startswith("db.")} - {"db.wording"}


@pytest.mark.parametrize("options", [[], ["--fuzzy"], ["--source", "nowhere"]])
def test_search_imports_neither_textual_nor_the_parsers_nor_the_matcher(
    tmp_path: Path, options: list[str]
) -> None:
    db_path = tmp_path / "s.db"
    ingest_paths(connect(db_path), [SEED_A], match=False)
    modules = _modules_after("--db", str(db_path), "search", "Umerov", *options)
    assert not _top(modules) & {"textual", "trafilatura", "feedparser", "lxml", "rich"}
    # It reads through plain sqlite3: sqlite-utils alone costs ~90 ms of start-up.
    assert not _top(modules) & {"sqlite_utils", "numpy", "pandas", "dateutil", "pluggy"}
    assert not modules & {"db.matcher", "db.matching", "db.formats", "db.statements"}
    assert "db.speakers" not in modules  # its name patterns compile on import (~250 ms)
    assert not modules & {"db.claims", "db.stats", "db.dates", "db.ingest", "db.upgrade"}
    assert "tui.cli.reading" not in modules


# What neither `--help` nor a plain `search` needs, each costing ~1-5 ms of start-up:
# pathlib (with urllib.parse), shutil (click lays out help with it; with bz2, lzma),
# dataclasses (db.articles builds some), json (only --json output).
NOT_AT_START = {"pathlib", "urllib", "shutil", "bz2", "lzma", "dataclasses", "json"}


def test_help_imports_nothing_it_can_do_without() -> None:
    assert not _top(_modules_after("--help", bare=True)) & NOT_AT_START


def test_a_plain_search_imports_nothing_it_can_do_without(tmp_path: Path) -> None:
    db_path = tmp_path / "s.db"
    ingest_paths(connect(db_path), [SEED_A], match=False)
    modules = _modules_after("--db", str(db_path), "search", "Umerov", bare=True)
    assert "db.search" in modules  # it did search
    assert not _top(modules) & NOT_AT_START
    assert "db.articles" not in modules  # only a filter (--source, --since...) needs it


@pytest.mark.parametrize("columns", [None, "30", "60", "79", "100", "250", "junk", "-5"])
def test_help_is_laid_out_as_click_lays_it_out(
    monkeypatch: pytest.MonkeyPatch, columns: str | None
) -> None:
    """The help formatter finds the terminal's width without shutil, as click does."""
    from tui.cli.root import HelpFormatter

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert HelpFormatter().width == click.HelpFormatter().width
    assert HelpFormatter(max_width=120).width == click.HelpFormatter(max_width=120).width
    ctx = main.make_context("claimlens", ["--help"], resilient_parsing=True)
    assert isinstance(ctx.make_formatter(), HelpFormatter)
    plain = click.Context(main, info_name="claimlens")
    assert main.get_help(ctx) == main.get_help(plain)


def test_sqlite_utils_imported_through_the_engine_brings_no_numpy() -> None:
    """Commands that write import sqlite-utils; numpy (100-200 ms) must not come with it."""
    pytest.importorskip("numpy")  # not installed (only bench/ needs it): nothing to hide
    code = "import db, sqlite_utils, sys; print(sorted({'numpy', 'pandas'} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    code = "import db, sqlite_utils, numpy; print(numpy.zeros(2).sum())"  # still importable
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "0.0"


def test_the_help_table_tells_each_command_as_the_command_does() -> None:
    group = main
    ctx = click.Context(group)
    for name, spec in COMMANDS.items():
        command = group.get_command(ctx, name)
        assert command is not None, name
        assert command.name == name
        assert (command.help or "").split("\n\n")[0].strip() == spec.summary, name


def test_every_option_says_what_it_does_in_a_sentence() -> None:
    """QA: `claims --help`, `matches --help` and `stories --help` showed --json, --limit
    and --offset with no words, and "one claim in detail", "only this article's" in lower
    case where every other option's help is a sentence ("Only this source …"); `stories
    --id` said "one story's articles" of a view that also gives its claims, conflicts and
    blindspot. Every option of every command has help that starts as a sentence."""
    ctx = click.Context(main)
    for name in COMMANDS:
        command = main.get_command(ctx, name)
        assert command is not None, name
        for param in command.params:
            if isinstance(param, click.Option):
                text = param.help or ""
                assert text[:1].isupper(), (name, param.opts, text)
    help_text = CliRunner().invoke(main, ["stories", "--help"]).output
    assert "blindspot" in help_text
    # A date is written one way (05/11/2024 is refused): the help says which.
    for name in ("articles", "search", "quotes"):
        help_text = CliRunner().invoke(main, [name, "--help"]).output
        assert "--since YYYY-MM-DD" in help_text and "--until YYYY-MM-DD" in help_text, name


def test_articles_keeps_a_row_to_one_line_on_a_terminal_and_whole_in_a_pipe(
    run,  # type: ignore[no-untyped-def]
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """QA: at 80 columns `articles` wrapped a long headline under the id column (the
    README shows it cut with "…"); on a terminal each row is one line now, and a pipe
    still gets the headline whole."""
    import tui.cli.reading as reading
    from tui.wording import cell_width

    run("ingest", SEED_B, "--source", "B", "--no-match")
    title = 'Ukrainian troops "engaged in small scale" with North Korean soldiers'
    [row] = [line for line in run("articles").splitlines() if "13 st" in line]
    assert title in row and row.endswith("KBS TV.")  # a pipe: whole
    monkeypatch.setattr(reading, "_terminal_width", lambda: 79, raising=False)
    [row] = [line for line in run("articles").splitlines() if "13 st" in line]
    assert cell_width(row) == 79 and row.endswith("…")
    assert row.startswith("     1 B                2024-11-05   13 st  Ukrainian troops")


# --- output: data never reaches the terminal as escape sequences or markup --------------------


def test_escape_sequences_and_markup_in_data_are_printed_inert(run) -> None:  # type: ignore[no-untyped-def]
    run("ingest", SEED_A, "--source", "\x1b[31mRed[bold]Source\x07", "--no-match")
    out = run("articles") + run("stats") + run("search", "Umerov")
    assert "\x1b" not in out and "\x07" not in out
    # The escape sequence is removed at ingest (the name is cleaned as a record's source
    # is); the markup tag is shown as text, not applied.
    assert "Red[bold]Source" in out and "[31m" not in out


def test_search_says_how_many_match_and_how_to_see_more(seeded) -> None:  # type: ignore[no-untyped-def]
    total = json.loads(seeded("search", "Umerov", "--json"))["total"]
    assert total > 2
    assert seeded("search", "Umerov").rstrip().endswith(f"{total} statements match")
    out = seeded("search", "Umerov", "--limit", "2")
    assert out.rstrip().endswith(f"showing 2 of {total} — --limit/--offset for more")


def test_every_command_module_prints_one_way() -> None:
    """Lines go through common.echo (styled, never markup, control characters removed)
    and JSON through common.emit_json; no command module prints another way."""
    cli_dir = Path(__file__).parent.parent / "tui" / "cli"
    other_ways = re.compile(
        r"(?<![\w.])print\(|\.print\(|click\.s?echo\(|Console\(|rich\.text|sys\.stdout\.write"
    )
    for module in sorted(cli_dir.glob("*.py")):
        if module.name == "common.py":
            continue
        found = other_ways.findall(module.read_text(encoding="utf-8"))
        assert found == [], f"{module.name} prints with {found}"


def test_match_also_matches_an_article_ingested_while_it_ran(run, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """`claimlens match` rebuilds from what it read: an article another process ingests
    meanwhile (`claimlens follow`) is matched after it, not marked matched without."""
    run("ingest", SEED_A, "--source", "Reuters", "--no-match")
    once_after_scoring(
        monkeypatch,
        lambda: ingest_paths(connect(tmp_path / "cli.db"), [Path(SEED_B)], source="BBC News"),
    )
    out = run("match")
    assert out.splitlines()[-1] == "1 article added or replaced meanwhile: matched after it"
    db = connect(tmp_path / "cli.db")
    assert db.execute("SELECT count(*) FROM articles WHERE matched = 0").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM matches WHERE relation = 'same'").fetchone()[0] > 0


def test_counts_are_written_with_their_plural() -> None:
    from tui.wording import plural

    assert plural(1, "story") == "1 story"
    assert plural(201, "story") == "201 stories"  # was "201 storys" under `stories`
    assert plural(2, "day") == "2 days"
    assert plural(1_024, "statement") == "1,024 statements"
    assert plural(2, "match") == "2 matches"
    assert plural(3, "analysis", "analyses") == "3 analyses"


# --- QA pass (s37): options, inputs and messages ---------------------------------------------


def test_match_window_rejects_a_negative_window_and_0_is_the_same_day(seeded) -> None:  # type: ignore[no-untyped-def]
    """QA A3: ``--window -1`` was accepted and deleted every match, claim and story."""
    claims = seeded("claims")
    out = seeded("match", "--window", "-1", code=2)
    assert "Invalid value for '--window'" in out
    assert seeded("claims") == claims  # nothing was matched again
    assert "0: the same day only" in seeded("match", "--help")

    # The seeds are a day apart: a window of 0 days compares none of their statements.
    def pairs(*window: str) -> int:
        found = re.search(r"([\d,]+) candidate pairs? scored", seeded("match", *window))
        assert found
        return int(found.group(1).replace(",", ""))

    assert pairs("--window", "0") == 0
    assert pairs("--window", "1") == pairs("--window", "7") == pairs() > 0
    assert seeded("claims") == claims


def test_pairs_reads_a_latin1_file_as_ingest_does(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """QA A4: a byte that is not UTF-8 ended ``pairs`` with a traceback."""
    latin1 = tmp_path / "pairs.tsv"
    latin1.write_bytes(
        b"1\tThe council met on Monday.\tThe council met on Monday.\n"
        b"2\tCaf\xe9 owner said prices rose.\tThe caf\xe9 owner said prices rose.\n"
    )
    lines = run("pairs", str(latin1)).splitlines()
    assert [line.split("\t")[:3] for line in lines] == [
        ["1", "The council met on Monday.", "The council met on Monday."],
        ["2", "Café owner said prices rose.", "The café owner said prices rose."],
    ]
    assert all(len(line.split("\t")) == 5 for line in lines)
    binary = tmp_path / "pairs.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    result = CliRunner().invoke(main, ["pairs", str(binary)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert result.output == f"rejected: {binary}: binary file, not text\n"


def test_min_sources_that_leaves_nothing_says_how_many_have_fewer(seeded) -> None:  # type: ignore[no-untyped-def]
    """QA A9: "no two sources were found telling the same thing" was said of claims and
    stories that have two sources, when --min-sources asked for more."""
    claims = json.loads(seeded("claims", "--json"))["total"]
    assert claims > 0
    assert seeded("claims", "--min-sources", "3") == (
        f"no claims with 3 or more sources ({claims} with fewer)\n"
    )
    assert seeded("stories", "--min-sources", "3") == (
        "no stories with 3 or more sources (1 with fewer)\n"
    )
    for listing in ("claims", "stories"):
        for bad in ("0", "-1"):
            assert "Invalid value for '--min-sources'" in seeded(
                listing, "--min-sources", bad, code=2
            )
    # 1 shows single-source stories too (the README says so): here the one story.
    assert seeded("stories", "--min-sources", "1").startswith("story 1: ")


def test_search_past_the_end_says_so_as_the_other_listings_do(seeded) -> None:  # type: ignore[no-untyped-def]
    """QA A10: ``search --offset`` past the end said "no statements match" with exit 1."""
    total = json.loads(seeded("search", "Umerov", "--json"))["total"]
    assert total > 0
    out = seeded("search", "Umerov", "--offset", str(total + 4))  # exit 0
    assert out == f"nothing at offset {total + 4} of {total} — try a smaller --offset\n"
    assert (
        seeded("articles", "--offset", "100")
        == "nothing at offset 100 of 2 — try a smaller --offset\n"
    )
    assert "no statements match" in seeded("search", "zebra", "--offset", "5", code=1)
    quotes = json.loads(seeded("quotes", "--json"))["total"]
    assert seeded("quotes", "--offset", "100") == (
        f"nothing at offset 100 of {quotes} — try a smaller --offset\n"
    )


def test_fuzzy_search_pages_as_the_word_search_does(seeded) -> None:  # type: ignore[no-untyped-def]
    """QA (second round) item 1: ``search --fuzzy --offset N`` showed the first page again
    ("showing 4–6 of 3"), and ``--since``/``--until`` were ignored."""

    def page(*options: str) -> dict:  # type: ignore[type-arg]
        return json.loads(seeded("search", "--fuzzy", "Umerov", "--json", *options))

    whole = page("--limit", "100")
    total = whole["total"]
    ranked = [h["statement_id"] for h in whole["hits"]]
    assert total == len(ranked) >= 5
    pages = [page("--limit", "2", "--offset", str(at)) for at in range(0, total, 2)]
    assert {p["total"] for p in pages} == {total}
    assert [h["statement_id"] for p in pages for h in p["hits"]] == ranked
    out = seeded("search", "--fuzzy", "Umerov", "--limit", "2", "--offset", "2")
    assert out.rstrip().endswith(f"showing 3–4 of {total} — --limit/--offset for more")
    assert re.match(r"\s+3\. ", out)
    assert seeded("search", "--fuzzy", "Umerov", "--offset", str(total + 1)) == (
        f"nothing at offset {total + 1} of {total} — try a smaller --offset\n"
    )
    # The dates filter it as they filter the word search (Reuters' article is of the 6th).
    later = page("--since", "2024-11-06")
    assert later["total"] == len(later["hits"]) > 0
    assert {h["date"] for h in later["hits"]} == {"2024-11-06"}
    assert page("--until", "2024-11-05")["total"] == total - later["total"]


def test_dates_that_cannot_be_read_are_counted_not_dropped_silently(tmp_path: Path) -> None:
    """An article whose date cannot be read is stored undated, and the ingest says how
    many were (text and --json); a record with no date at all is not counted."""
    records = [
        {
            "title": "Budget set",
            "text": "Ana Ruiz said the budget was 10 million.",
            "date": "2024-13-45",
        },
        {"title": "Budget news", "text": "Ana Ruiz said it was 11 million.", "date": "yesterday"},
        {"title": "Budget row", "text": "Ana Ruiz said it was 12 million.", "date": "2024-11-05"},
        {"title": "Budget plan", "text": "Ana Ruiz said it was 13 million."},
    ]
    path = tmp_path / "dates.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    db_path = tmp_path / "d.db"
    result = CliRunner().invoke(main, ["--db", str(db_path), "ingest", str(path), "--no-match"])
    assert result.exit_code == 0, result.output
    assert "undated: 2 articles gave a date that could not be read" in result.output
    again = CliRunner().invoke(
        main, ["--db", str(tmp_path / "e.db"), "ingest", str(path), "--no-match", "--json"]
    )
    assert json.loads(again.output)["unread_dates"] == 2
    dates = [r[0] for r in connect(db_path).execute("SELECT date FROM articles ORDER BY id")]
    assert dates == [None, None, "2024-11-05", None]


def test_dates_that_read_either_way_are_said_and_read_as_asked(tmp_path: Path) -> None:
    """QA (second round) item 2: "05/11/2024" was read day first without a word (and
    "11/25/2024" not at all). Read in the order of the file's other dates, else day
    first, or as --dates says; the summary says how many and how (text and --json); a
    --since that reads either way is refused, not guessed."""
    us = tmp_path / "us.jsonl"
    rows = [("Budget set", "05/11/2024"), ("Budget row", "11/25/2024")]
    us.write_text(
        "\n".join(
            json.dumps({"title": t, "text": f"Ana Ruiz said of the {t.lower()}: fine.", "date": d})
            for t, d in rows
        ),
        encoding="utf-8",
    )
    eu = tmp_path / "eu.jsonl"
    eu.write_text(
        json.dumps(
            {"title": "Vote held", "text": "Bo Li said it was close.", "date": "05.11.2024"}
        ),
        encoding="utf-8",
    )
    db_path = tmp_path / "d.db"
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(db_path), "ingest", str(us), str(eu), "--no-match"])
    assert result.exit_code == 0, result.output
    assert (
        "dates: 1 article gave a date that reads either way, such as 05/11/2024 (2024-05-11):"
        " read month first, as other dates of their files are (--dates dmy reads them day"
        " first)"
    ) in result.output
    assert (
        "dates: 1 article gave a date that reads either way, such as 05.11.2024 (2024-11-05):"
        " read day first, as nothing else in their files told (--dates mdy reads them month"
        " first)"
    ) in result.output
    assert "undated" not in result.output

    def dates() -> list[str]:
        return [r[0] for r in connect(db_path).execute("SELECT date FROM articles ORDER BY id")]

    assert dates() == ["2024-05-11", "2024-11-25", "2024-11-05"]
    again = runner.invoke(
        main, ["--db", str(db_path), "ingest", str(eu), "--no-match", "--json", "--dates", "mdy"]
    )
    assert json.loads(again.output)["ambiguous_dates"] == [
        {"order": "mdy", "why": "given", "articles": 1, "example": "05.11.2024"}
    ]
    assert dates() == ["2024-05-11", "2024-11-25", "2024-05-11"]  # replaced: read again
    refused = runner.invoke(main, ["--db", str(db_path), "articles", "--since", "05/11/2024"])
    assert refused.exit_code == 2
    assert (
        "'05/11/2024' reads either way: 2024-11-05 (day first) or 2024-05-11 (month first);"
        " write YYYY-MM-DD"
    ) in refused.output


def test_a_source_changed_by_ingesting_a_parent_folder_is_said(tmp_path: Path) -> None:
    """Ingesting a folder again from its parent gives its files the parent's name as
    their source: the summary says which articles moved, and --json lists them."""
    for outlet in ("Wire", "Daily"):
        (tmp_path / "news" / outlet).mkdir(parents=True)
        (tmp_path / "news" / outlet / "a.txt").write_text(
            f"Quake in Valmora\n\nA quake of magnitude 6.1 hit Valmora, {outlet} said.",
            encoding="utf-8",
        )
    db_path = str(tmp_path / "m.db")
    folders = [str(tmp_path / "news" / o) for o in ("Wire", "Daily")]
    first = CliRunner().invoke(main, ["--db", db_path, "ingest", *folders])
    assert first.exit_code == 0 and "source changed" not in first.output
    again = CliRunner().invoke(main, ["--db", db_path, "ingest", str(tmp_path / "news"), "--json"])
    moved = json.loads(again.output)["moved"]
    assert sorted((m["from"], m["to"], m["articles"]) for m in moved) == [
        ("Daily", "news", 1),
        ("Wire", "news", 1),
    ]
    (tmp_path / "news" / "Wire" / "a.txt").write_text("Quake\n\nIt was 6.2.", encoding="utf-8")
    text = CliRunner().invoke(main, ["--db", db_path, "ingest", str(tmp_path / "news" / "Wire")])
    assert "source changed: 1 article from news to Wire" in text.output


def test_a_search_that_finds_nothing_explains_an_operator_it_read_as_a_word(
    tmp_path: Path,
) -> None:
    db_path = str(tmp_path / "h.db")
    path = tmp_path / "a.txt"
    path.write_text("Bridge shut\n\nA small group of inspectors shut the bridge.", encoding="utf-8")
    assert CliRunner().invoke(main, ["--db", db_path, "ingest", str(path)]).exit_code == 0
    found = CliRunner().invoke(main, ["--db", db_path, "search", "small AND group"])
    assert found.exit_code == 1
    assert "AND is a plain word here: every word must match already" in found.output
    plain = CliRunner().invoke(main, ["--db", db_path, "search", "small group"])
    assert plain.exit_code == 0 and "plain word" not in plain.output


def test_search_explains_near_exclusions_a_dash_query_and_not_among_hits(seeded) -> None:  # type: ignore[no-untyped-def]
    """QA finding 10: ``NEAR(a b)`` found nothing with no word of why; a query that only
    excludes was told to "type at least one word"; ``search -Kursk`` got click's "No
    such option '-K'"; ``a NOT b`` listed its hits with nothing saying NOT is a word."""
    near = seeded("search", "NEAR(Kursk troops)", code=1)
    assert near.strip() == (
        "no statements match 'NEAR(Kursk troops)' (NEAR is a plain word here and parentheses"
        " are ignored: every word must match already, so try 'Kursk troops')"
    )
    assert "4 statements match" in seeded("search", "Kursk troops")  # as the hint says
    excluding = seeded("search", "--", "-Kursk", code=2)
    assert "Error: a search needs at least one word to include; -Kursk only excludes" in (excluding)
    dashed = seeded("search", "-Kursk", code=2)
    assert "No such option" not in dashed
    assert (
        "Error: -Kursk reads as an option; to leave a word out, put the query after --,"
        " with a word to include: claimlens search -- 'WORD -Kursk'"
    ) in dashed
    after = seeded("search", "Umerov", "--limit", "5", "-Kursk", code=2)
    assert "put the query after --: claimlens search -- 'Umerov -Kursk'" in after
    assert "'--limit'" in seeded("search", "Umerov", "--limt", "5", code=2)  # click's own
    hits = seeded("search", "Umerov NOT small").splitlines()
    assert "small contacts, not full-scale" in hits[1]
    assert hits[-1] == "note: NOT is a plain word here: write -word to leave a word out"
    assert "note:" not in seeded("search", "Umerov small")


def _timed_seeds(tmp_path: Path) -> list[str]:
    """The two seed articles as JSON files of two sources, dated with a time of day (as
    feeds and the UCI file give them); a long source name for the second."""
    paths = []
    for seed, source, when in (
        (SEED_A, "A", "2024-11-06T10:00:00"),
        (SEED_B, "The Very Long Name Of A Regional Broadcaster Online", "2024-11-05T23:15:09"),
    ):
        head, _, body = Path(seed).read_text(encoding="utf-8").partition("\n\n")
        title = head.split(" ", 3)[-1]  # "date 2024-11-06 Title"
        path = tmp_path / f"{source[:1]}.json"
        record = {"title": title, "text": body, "date": when, "source": source}
        path.write_text(json.dumps(record), encoding="utf-8")
        paths.append(str(path))
    return paths


def test_dates_are_shown_one_way_and_stats_columns_stay_aligned(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """QA finding 15: ``articles`` showed 2024-11-06 but ``matches``, ``show`` and ``stats``
    2024-11-06T10:00:00; a long source name pushed ``stats``' columns out of line."""
    for path in _timed_seeds(tmp_path):
        run("ingest", path)
    outputs = {
        command[0]: run(*command)
        for command in (
            ["articles"],
            ["show", "1"],
            ["matches", "--limit", "3"],
            ["claims"],
            ["stories"],
            ["quotes", "--limit", "3"],
            ["search", "Umerov"],
            ["stats"],
        )
    }
    for command, output in outputs.items():
        assert "T10:00" not in output and "T23:15" not in output, command
        assert "2024-11-06" in output or "2024-11-05" in output, command
    assert outputs["show"].splitlines()[0] == "article 1 · A · 2024-11-06"
    assert "first date               2024-11-05" in outputs["stats"]
    by_source = outputs["stats"].split("by source:\n")[1].splitlines()
    assert by_source == [
        "  A                                 1 article  2024-11-06 … 2024-11-06",
        "  The Very Long Name Of A Regiona…  1 article  2024-11-05 … 2024-11-05",
    ]
    stored = json.loads(run("articles", "--json"))["articles"]
    assert [a["date"] for a in stored] == ["2024-11-06T10:00:00", "2024-11-05T23:15:09"]


def _ingest_one_article_each(run, tmp_path: Path, sources: list[str]) -> None:  # type: ignore[no-untyped-def]
    """One article of 2024-11-05 from each of ``sources``, ingested unmatched."""
    data = tmp_path / "names.jsonl"
    with data.open("w", encoding="utf-8") as out:
        for i, name in enumerate(sources):
            record = {"source": name, "date": "2024-11-05", "title": f"Story {i}"}
            out.write(json.dumps({**record, "text": f"Body number {i}."}) + "\n")
    run("ingest", str(data), "--no-match")


def test_stats_cuts_and_pads_source_names_by_terminal_cells(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A CJK or emoji character takes two cells of a terminal: ``stats`` cut names to 32
    characters and padded them by characters, so a wide name overflowed its column and
    pushed the counts out of line. It cuts and pads by cells, as the browser's article
    list does (one function, tui.wording.fit_cells); a name is never read as markup."""
    from rich.cells import cell_len

    wide = "新华通讯社国际新闻部" * 2  # 20 characters, 40 cells
    names = ["A", "📰 Daily 📰", "[bold]Wire[/bold]", wide]
    _ingest_one_article_each(run, tmp_path, names)
    lines = run("stats").split("by source:\n")[1].splitlines()
    assert len(lines) == len(names)
    # Every count starts in the same terminal column: names take 32 cells (the widest
    # is cut to 31 and "…"; the wide character the cut would halve is a space).
    columns = {cell_len(line[: line.index("  1 article")]) for line in lines}
    assert columns == {2 + 32}, lines
    assert f"  {wide[:15]} …  1 article  2024-11-05 … 2024-11-05" in lines
    assert any(line.startswith("  [bold]Wire[/bold]   ") for line in lines)  # as written
    assert any(line.startswith("  📰 Daily 📰   ") for line in lines)


def test_quotes_says_an_unresolved_pronoun_once(seeded) -> None:  # type: ignore[no-untyped-def]
    """QA finding 15: ``quotes`` listed ``(unresolved pronoun) (unresolved)``."""
    lines = seeded("quotes", "--source", "Reuters").splitlines()
    unresolved = [line for line in lines if "unresolved" in line]
    assert unresolved == ["(unresolved pronoun) · Reuters · 2024-11-06  [article 1]"]
    assert "Rustem Umerov (pronoun) · Reuters · 2024-11-06  [article 1]" in lines


@pytest.mark.parametrize("command", [["articles"], ["quotes"], ["search", "Umerov"]])
def test_a_date_range_that_ends_before_it_starts_is_refused(seeded, command) -> None:  # type: ignore[no-untyped-def]
    """QA finding 12: ``--since 2024-11-06 --until 2024-11-01`` listed nothing ("no
    articles match these filters", exit 0) where the browser swapped the dates silently;
    both refuse it, naming the order (a usage error, exit 2)."""
    dates = ["--since", "2024-11-06", "--until", "2024-11-01"]
    out = seeded(*command, *dates, code=2)
    assert "--since 2024-11-06 is after --until 2024-11-01" in out
    assert "the earlier date goes in --since" in out
    assert seeded(*command, "--since", "2024-11-05", "--until", "2024-11-05", code=None)


def test_articles_cut_and_pad_the_source_column_by_terminal_cells(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """QA: ``articles`` cut a source's name to 16 characters and padded it by characters,
    so a CJK or emoji name pushed its date out of line (a 16-character CJK name took 32
    cells) and a long name was cut with no "…". It fits the name to 16 cells, as ``stats``
    and the browser do (tui.wording.fit_cells)."""
    from rich.cells import cell_len

    names = ["A", "🦊 Fox", "日本経済新聞電子版ニュース速報", "The Extremely Long Name Of A Paper"]
    _ingest_one_article_each(run, tmp_path, names)
    lines = run("articles").splitlines()
    assert len(lines) == len(names)
    # Every date starts in the same terminal column: 6 for the id, a space, 16 cells, a space.
    assert {cell_len(line[: line.index("2024-11-05")]) for line in lines} == {6 + 1 + 16 + 1}
    assert "     4 The Extremely L… 2024-11-05    2 st  Story 3" in lines, lines


def test_stats_says_a_source_with_no_dated_article_is_undated(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """QA: a source whose articles carry no date (BBC's folders) was listed in ``stats``
    as ``politics  417 articles   … `` — a lone "…" between two blanks. It says
    ``undated``."""
    data = tmp_path / "undated.jsonl"
    records = [
        {"source": "bbc", "title": "Story one", "text": "Body one."},
        {"source": "wire", "title": "Story two", "text": "Body two.", "date": "2024-11-05"},
    ]
    data.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    run("ingest", str(data), "--no-match")
    lines = run("stats").split("by source:\n")[1].splitlines()
    assert lines == ["  bbc   1 article  undated", "  wire  1 article  2024-11-05 … 2024-11-05"]


def test_the_ingest_summary_times_the_ingest_and_the_match_apart(capsys) -> None:  # type: ignore[no-untyped-def]
    """QA: "ingested: … in 9.4s" held the match after it too, which its own line
    ("matched: … (6.7s)") tells: the reader added them up, and words/s was too low."""
    from db.ingest import IngestReport
    from db.matching import MatchReport
    from tui.cli.ingest import _print_summary

    report = IngestReport(added=1, files=1, statements=2, words=3_000, seconds=10.0)
    report.match = MatchReport(statements=2, seconds=6.0)
    _print_summary(report, matching=True)
    lines = capsys.readouterr().out.splitlines()
    assert "3,000 words in 4.0s (750 words/s)" in lines[0], lines
    assert lines[1].startswith("matched: ") and "(6.0s)" in lines[1], lines


def test_pairs_writes_no_escape_sequence_of_its_input(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """QA qa10: ``pairs`` wrote its input lines through unchanged, so an escape sequence
    in the TSV (a title that clears the screen, a bidi override) reached the terminal."""
    hostile = tmp_path / "pairs.tsv"
    hostile.write_text(
        "1\t\x1b[2J\x1b]0;pwned\x07The council met on Monday.\tThe council met on Monday.\n"
        "2\tThe mayor \u202eresigned\u202c on Friday.\tThe mayor resigned on Friday.\x9b31m\n"
        "a line of one column\x1b[5m\n",
        encoding="utf-8",
    )
    lines = run("pairs", str(hostile)).splitlines()
    assert len(lines) == 3
    assert not any(c in "".join(lines) for c in "\x1b\x07\x9b\u202e\u202c")
    assert lines[0].split("\t")[:3] == [
        "1",
        "[2J]0;pwnedThe council met on Monday.",
        "The council met on Monday.",
    ]
    relations = {"same", "conflict", "related", "different"}
    assert all(line.split("\t")[-1] in relations for line in lines[:2])
    assert all(len(line.split("\t")) == 5 for line in lines[:2])
    assert lines[2] == "a line of one column[5m\t\t"
