"""``claimlens follow``: feeds fetched from a local web site (127.0.0.1 only, started and
stopped by each test), their pages extracted, new entries ingested once, bad feeds
reported while the rest go on, conditional requests, and Ctrl-C mid-round."""

from __future__ import annotations

import json
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from db.check import check_database
from db.connection import connect
from db.feed_state import OK, FetchOutcome, list_feeds, save_outcome
from db.fetch import Fetcher, FetchError, FetchPolicy
from db.follow import FULL_TEXT_WORDS, MAX_PAGE_FAILURES, FeedReport, RoundReport, run_round
from db.urls_file import parse_urls
from tests.feed_site import Entry, FeedSite, Route, article_page, paragraphs_for
from tui.cli import main
from tui.cli.follow import parse_duration

CLI = [sys.executable, "-c", "from tui.cli import main; main()"]
FAST = FetchPolicy(timeout=2.0, connect_timeout=2.0, retries=0)


def entries(prefix: str, n: int, seed: int = 0) -> list[Entry]:
    title = f"{prefix.upper()} story {{}} on the harbour"
    return [Entry(f"{prefix}{i}", title.format(i), paragraphs_for(seed + i)) for i in range(n)]


@pytest.fixture
def site() -> Iterator[FeedSite]:
    server = FeedSite().start()
    yield server
    server.stop()


@pytest.fixture
def db(tmp_path: Path):  # type: ignore[no-untyped-def]
    database = connect(tmp_path / "follow.db")
    yield database
    database.conn.close()


def round_of(db, site: FeedSite, lines: str, policy: FetchPolicy = FAST):  # type: ignore[no-untyped-def]
    specs, bad = parse_urls(lines.format(base=site.base))
    assert not bad
    with Fetcher(policy) as fetcher:
        return run_round(db, specs, fetcher)


def article_texts(db) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return dict(db.execute("SELECT url, text FROM articles"))


# --- the urls file ---------------------------------------------------------------------


def test_urls_file_format() -> None:
    text = (
        "# my feeds\n"
        "\n"
        'https://example.org/feed.xml "~Evening Chronicle" news  # a comment\n'
        "https://example.org/other.atom world ~Wire\n"
        "https://example.org/feed.xml ~Again\n"  # the same URL again: the first one counts
        'query:unread "unread = \\"yes\\""\n'
        '"exec:~/bin/fetch"\n'
        "https://example.org/page#frag\n"
        'https://example.org/broken "~unclosed\n'
    )
    feeds, bad = parse_urls(text)
    assert [(f.url, f.source, f.tags, f.line) for f in feeds] == [
        ("https://example.org/feed.xml", "Evening Chronicle", ("news",), 3),
        ("https://example.org/other.atom", "Wire", ("world",), 4),
        ("https://example.org/page#frag", None, (), 8),
    ]
    assert [b.line for b in bad] == [6, 7, 9]
    assert "only http(s) feeds" in bad[0].reason and "query" in bad[0].reason
    assert "exec" in bad[1].reason
    assert "cannot read the line" in bad[2].reason


def test_parse_duration() -> None:
    assert parse_duration("15m") == 900
    assert parse_duration("1h30m") == 5400
    assert parse_duration("90s") == 90
    for bad in ("15", "", "m", "0s", "15 minutes"):
        with pytest.raises(ValueError):
            parse_duration(bad)


def test_follow_every_has_a_floor_of_30_seconds(tmp_path: Path) -> None:
    """QA finding 15: ``--every 3s`` was accepted, which makes it easy to hammer a feed."""
    assert parse_duration("30s") == 30 and parse_duration("0.5m") == 30
    with pytest.raises(ValueError, match="at least 30s between rounds"):
        parse_duration("29s")
    urls = tmp_path / "urls"
    urls.write_text("http://127.0.0.1:9/feed.xml\n")
    db_path = tmp_path / "never.db"
    result = CliRunner().invoke(main, ["--db", str(db_path), "follow", str(urls), "--every", "3s"])
    assert result.exit_code == 2
    assert (
        "Invalid value for '--every': too short: '3s': at least 30s between rounds, so as not"
        " to hammer the feeds' servers (--once runs one round now)"
    ) in " ".join(result.output.split())
    assert not db_path.exists()  # refused before anything was fetched or created


# --- rounds ------------------------------------------------------------------------------


def test_first_round_adds_every_entry_with_its_page_text(site: FeedSite, db) -> None:  # type: ignore[no-untyped-def]
    site.add_feed("/a.rss", "Alpha News", entries("a", 4))
    site.add_feed("/b.atom", "Beta Wire", entries("b", 3, seed=50), kind="atom")
    report = round_of(db, site, '{base}/a.rss "~Evening Chronicle"\n{base}/b.atom\n')
    assert not report.failed and not report.interrupted
    assert report.added == 7
    texts = article_texts(db)
    assert len(texts) == 7
    for i in range(4):
        url = f"{site.base}/a{i}.html"
        # The page's whole text, not the one-sentence summary of the feed.
        assert paragraphs_for(i)[3] in texts[url]
        assert site.count(f"/a{i}.html") == 1
    sources = dict(
        db.execute("SELECT a.url, s.name FROM articles a JOIN sources s ON s.id = a.source_id")
    )
    assert sources[f"{site.base}/a0.html"] == "Evening Chronicle"  # the ~name wins
    assert sources[f"{site.base}/b0.html"] == "Beta Wire"  # else the feed's title
    # Matched, as ingest does: nothing is left pending.
    assert db.execute("SELECT count(*) FROM articles WHERE matched = 0").fetchone()[0] == 0
    assert check_database(db).ok
    # Every request says who it is.
    assert all(h.get("User-Agent", "").startswith("claimlens/") for _, h in site.requests)


def test_full_text_entries_need_no_page(site: FeedSite, db) -> None:  # type: ignore[no-untyped-def]
    long_paragraphs = [" ".join(paragraphs_for(i)) for i in range(3)]
    assert len(" ".join(long_paragraphs).split()) >= FULL_TEXT_WORDS
    full = [Entry("f0", "Full story on the bridge", long_paragraphs, full_text=True)]
    site.add_feed("/full.rss", "Full", full, with_pages=False)
    report = round_of(db, site, "{base}/full.rss\n")
    assert report.added == 1 and not report.feeds[0].page_problems
    assert site.count("/f0.html") == 0
    assert long_paragraphs[2] in article_texts(db)[f"{site.base}/f0.html"]


def test_second_round_adds_only_what_is_new(site: FeedSite, db) -> None:  # type: ignore[no-untyped-def]
    first = entries("a", 3)
    site.add_feed("/a.rss", "Alpha", first)
    assert round_of(db, site, "{base}/a.rss\n").added == 3
    newer = entries("n", 2, seed=80)
    site.add_feed("/a.rss", "Alpha", newer + first)
    report = round_of(db, site, "{base}/a.rss\n")
    feed = report.feeds[0]
    assert (feed.entries, feed.new_entries, feed.added, feed.replaced) == (5, 2, 2, 0)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    # Entries seen before were not fetched again.
    assert [site.count(f"/a{i}.html") for i in range(3)] == [1, 1, 1]
    assert [site.count(f"/n{i}.html") for i in range(2)] == [1, 1]
    state = {row["url"]: row for row in list_feeds(db)}[f"{site.base}/a.rss"]
    assert (state["last_added"], state["articles_added"], state["entries"]) == (2, 5, 5)


def test_changed_entry_replaces_its_article(site: FeedSite, db) -> None:  # type: ignore[no-untyped-def]
    items = entries("a", 2)
    site.add_feed("/a.rss", "Alpha", items)
    round_of(db, site, "{base}/a.rss\n")
    (old_id,) = db.execute("SELECT id FROM articles WHERE url LIKE '%/a1.html'").fetchone()
    items[1].title = "A story 1 on the harbour, updated"
    items[1].paragraphs = paragraphs_for(999)
    site.add_feed("/a.rss", "Alpha", items)
    report = round_of(db, site, "{base}/a.rss\n")
    assert (report.added, report.replaced) == (0, 1)
    row = db.execute("SELECT id, title, text FROM articles WHERE url LIKE '%/a1.html'").fetchone()
    assert row[0] == old_id and row[1].endswith("updated")
    assert paragraphs_for(999)[2] in row[2]
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_conditional_requests_get_304_and_add_nothing(site: FeedSite, db) -> None:  # type: ignore[no-untyped-def]
    site.add_feed("/etag.rss", "E", entries("e", 2), etag='"v1"')
    site.add_feed(
        "/lm.rss", "L", entries("l", 2, seed=20), last_modified="Mon, 30 Nov 2026 07:00:00 GMT"
    )
    lines = "{base}/etag.rss\n{base}/lm.rss\n"
    assert round_of(db, site, lines).added == 4
    before = len(site.requests)
    report = round_of(db, site, lines)
    assert [f.status for f in report.feeds] == ["not modified", "not modified"]
    assert report.added == 0 and not report.failed
    conditional = dict(site.requests[before:])
    assert conditional["/etag.rss"]["If-None-Match"] == '"v1"'
    assert conditional["/lm.rss"]["If-Modified-Since"] == "Mon, 30 Nov 2026 07:00:00 GMT"
    assert len(site.requests) == before + 2  # the feeds only: no page fetched again
    states = {row["url"].rsplit("/", 1)[1]: row for row in list_feeds(db)}
    assert states["etag.rss"]["last_status"] == "not modified"
    assert states["etag.rss"]["etag"] == '"v1"'
    assert states["etag.rss"]["articles_added"] == 2


def test_bad_feeds_are_reported_and_the_others_fetched(site: FeedSite, db) -> None:  # type: ignore[no-untyped-def]
    site.add_feed("/good.rss", "Good", entries("g", 2))
    site.routes["/garbage.rss"] = Route(b"\x00\x01 this is not xml at all {]", "application/xml")
    site.routes["/html.rss"] = Route(b"<!DOCTYPE html><html><body><p>Hello</p></body></html>")
    site.routes["/slow.rss"] = Route(b"<rss/>", "application/xml", delay=3.0)
    site.routes["/huge.rss"] = Route(b"<rss>" + b"x" * 300_000, "application/xml")
    site.routes["/huge-nolength.rss"] = Route(b"<rss>" + b"y" * 300_000, send_length=False)
    site.routes["/loop.rss"] = Route(location="/loop2.rss")
    site.routes["/loop2.rss"] = Route(location="/loop.rss")
    names = ["missing", "garbage", "html", "slow", "huge", "huge-nolength", "loop", "good"]
    lines = "".join(f"{{base}}/{name}.rss\n" for name in names)
    policy = FetchPolicy(timeout=1.0, connect_timeout=1.0, retries=0, max_bytes=100_000)
    report = round_of(db, site, lines, policy)
    by_name = {f.url.rsplit("/", 1)[1][:-4]: f for f in report.feeds}
    assert by_name["good"].added == 2 and not by_name["good"].failed
    errors = {name: by_name[name].error for name in names if name != "good"}
    assert all(by_name[name].failed for name in errors)
    assert errors["missing"] == "HTTP 404 Not Found"
    assert "not a readable RSS/Atom feed" in errors["garbage"]
    assert errors["html"] == "an HTML page, not an RSS/Atom feed"
    assert "timed out" in errors["slow"]
    assert "too large" in errors["huge"] and "too large" in errors["huge-nolength"]
    assert "redirect" in errors["loop"]
    for feed in report.feeds:
        assert "\n" not in feed.line()
    states = {row["url"].rsplit("/", 1)[1]: row for row in list_feeds(db)}
    assert states["missing.rss"]["last_error"] == "HTTP 404 Not Found"
    assert states["missing.rss"]["failures"] == 1 and states["good.rss"]["failures"] == 0


def test_a_page_that_is_not_an_article_keeps_the_summary(site: FeedSite, db) -> None:  # type: ignore[no-untyped-def]
    items = entries("p", 3)
    site.add_feed("/p.rss", "P", items)
    site.routes["/p1.html"] = Route(b"<html><body><nav>Home | Log in</nav></body></html>")
    del site.routes["/p2.html"]  # a 404
    report = round_of(db, site, "{base}/p.rss\n")
    feed = report.feeds[0]
    assert not feed.failed and feed.added == 3
    assert len(feed.page_problems) == 2
    assert all("kept the feed's summary" in p for p in feed.page_problems)
    texts = article_texts(db)
    summary = items[1].paragraphs[0].split(".")[0] + "."
    assert summary in texts[f"{site.base}/p1.html"]
    assert items[0].paragraphs[3] in texts[f"{site.base}/p0.html"]
    # Pages that failed are tried again next round (and may then give the whole text).
    site.routes["/p2.html"] = site.routes["/p0.html"].__class__(
        body=site.routes["/p0.html"].body.replace(b"P story 0", b"P story 2")
    )
    again = round_of(db, site, "{base}/p.rss\n").feeds[0]
    assert (again.new_entries, again.retried, again.replaced) == (0, 2, 1)  # retries
    assert site.count("/p0.html") == 1


@pytest.mark.parametrize(
    "validator", [{"etag": '"v1"'}, {"last_modified": "Mon, 30 Nov 2026 07:00:00 GMT"}]
)
def test_a_failed_page_is_tried_again_though_the_feed_is_not_modified(  # type: ignore[no-untyped-def]
    site: FeedSite, db, validator: dict[str, str]
) -> None:
    """QA A1: the feed's ETag / Last-Modified must not make a page that failed unreachable
    (a 304 ends the round before the entries are read)."""
    items = entries("r", 2)
    site.add_feed("/r.rss", "R", items, **validator)
    del site.routes["/r1.html"]  # a 404 this round
    first = round_of(db, site, "{base}/r.rss\n").feeds[0]
    assert len(first.page_problems) == 1 and first.added == 2
    site.routes["/r1.html"] = Route(article_page(items[1]))  # the page is there now
    again = round_of(db, site, "{base}/r.rss\n").feeds[0]
    assert again.status == "ok" and (again.new_entries, again.retried, again.replaced) == (0, 1, 1)
    assert items[1].paragraphs[3] in article_texts(db)[f"{site.base}/r1.html"]
    assert site.count("/r0.html") == 1  # the page fetched before is not fetched again
    # Nothing is pending any more: the validators are stored, and the feed answers 304.
    assert round_of(db, site, "{base}/r.rss\n").feeds[0].status == "not modified"


def test_retries_with_backoff_then_success(site: FeedSite, db) -> None:  # type: ignore[no-untyped-def]
    site.add_feed("/busy.rss", "Busy", entries("x", 1))
    site.routes["/busy.rss"].fail_first = 2
    policy = FetchPolicy(timeout=2.0, retries=2, backoff=0.01)
    assert round_of(db, site, "{base}/busy.rss\n", policy).added == 1
    assert site.count("/busy.rss") == 3


def test_fetcher_never_retries_a_404(site: FeedSite) -> None:
    with Fetcher(FetchPolicy(retries=3, backoff=0.01)) as fetcher, pytest.raises(FetchError):
        fetcher.get(f"{site.base}/nothing-here")
    assert site.count("/nothing-here") == 1


# --- the CLI -------------------------------------------------------------------------------


def test_cli_follow_once_reports_each_bad_feed_on_one_line(site: FeedSite, tmp_path: Path) -> None:
    site.add_feed("/good.rss", "Good", entries("g", 2))
    site.routes["/garbage.rss"] = Route(b"garbage, not a feed", "text/plain")
    urls = tmp_path / "urls"
    urls.write_text(
        f'{site.base}/good.rss "~Good Times"\n{site.base}/gone.rss\n{site.base}/garbage.rss\n'
    )
    db_path = tmp_path / "cli.db"
    runner = CliRunner()
    before = signal.getsignal(signal.SIGTERM)
    result = runner.invoke(main, ["--db", str(db_path), "follow", str(urls), "--once"])
    assert result.exit_code == 1, result.output
    # follow turns SIGTERM into a clean stop only while it runs: the caller's handler is back
    # (forked ingest workers inherited the follow handler and ignored terminate()).
    assert signal.getsignal(signal.SIGTERM) is before
    lines = result.output.splitlines()
    failed = [line for line in lines if line.startswith("failed")]
    assert len(failed) == 2
    assert any("gone.rss" in line and "HTTP 404" in line for line in failed)
    assert any("garbage.rss" in line and "not a readable RSS/Atom feed" in line for line in failed)
    assert any(line.startswith("ok") and "(Good Times)" in line for line in lines)
    assert "2 articles added" in lines[-2] and lines[-1].startswith("matched: ")

    result = runner.invoke(main, ["--db", str(db_path), "feeds", "--json"])
    assert result.exit_code == 0
    feeds = {row["url"].rsplit("/", 1)[1]: row for row in json.loads(result.output)}
    assert feeds["good.rss"]["articles_added"] == 2 and feeds["good.rss"]["source"] == "Good Times"
    assert feeds["gone.rss"]["last_status"] == "failed"
    text = runner.invoke(main, ["--db", str(db_path), "feeds"]).output
    assert "HTTP 404 Not Found" in text and "good.rss (Good Times)" in text

    site.routes.pop("/garbage.rss")
    site.routes.pop("/good.rss")
    site.add_feed("/good.rss", "Good", entries("g", 2))
    urls.write_text(f"{site.base}/good.rss\n")
    result = runner.invoke(main, ["--db", str(db_path), "follow", str(urls), "--once", "--json"])
    assert result.exit_code == 0, result.output
    # A round is one line (JSON Lines): rounds that never end are read a line at a time.
    assert len(result.output.splitlines()) == 1
    data = json.loads(result.output)
    assert data["added"] == 0 and data["failed"] == 0 and data["feeds"][0]["new_entries"] == 0


def test_ctrl_c_mid_round_keeps_what_was_saved(site: FeedSite, tmp_path: Path) -> None:
    site.add_feed("/fast.rss", "Fast", entries("f", 3))
    site.add_feed("/slow.rss", "Slow", entries("s", 3, seed=40))
    for i in range(3):
        # The second feed's pages take long: long enough that a loaded machine still
        # interrupts the round before its end (the test does not wait for them).
        site.routes[f"/s{i}.html"].delay = 20.0
    urls = tmp_path / "urls"
    urls.write_text(f"{site.base}/fast.rss\n{site.base}/slow.rss\n")
    db_path = tmp_path / "int.db"
    cmd = [*CLI, "--db", str(db_path), "follow", str(urls), "--once", "--concurrency", "1"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        # Wait until the first feed is stored (and matched) and the second is under way.
        while site.count("/s0.html") == 0 or not _feed_saved(db_path, "fast.rss"):
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, (out, err)
    assert "interrupted — saved so far" in out
    conn = sqlite3.connect(db_path)
    urls_saved = sorted(r[0].rsplit("/", 1)[1] for r in conn.execute("SELECT url FROM articles"))
    conn.close()
    assert urls_saved == ["f0.html", "f1.html", "f2.html"]
    database = connect(db_path)
    assert check_database(database).ok
    database.conn.close()
    # The same command completes the round, adding the rest once.
    for i in range(3):
        site.routes[f"/s{i}.html"].delay = 0
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 6
    conn.close()


def _feed_saved(db_path: Path, name: str) -> bool:
    try:
        conn = sqlite3.connect(db_path, timeout=5)
        try:
            row = conn.execute(
                "SELECT count(*) FROM feeds WHERE url LIKE ?", (f"%/{name}",)
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False  # not created yet
    return row[0] == 1


def test_hostile_server_text_reaches_the_terminal_as_plain_text(
    site: FeedSite, tmp_path: Path
) -> None:
    """A server's reason phrase and a feed's title are untrusted: never markup, never
    escape sequences, always one line."""
    site.routes["/evil.rss"] = Route(b"nope", "text/plain", status=410)
    site.routes["/evil.rss"].reason = "Gone [bold red]x[/] \x1b]0;pwned\x07"
    title = "[blink]Evil[/blink] \x1b[2J News"
    site.add_feed("/title.rss", title, entries("t", 1))
    urls = tmp_path / "urls"
    urls.write_text(f"{site.base}/evil.rss\n{site.base}/title.rss\n")
    db_path = tmp_path / "evil.db"
    result = CliRunner().invoke(main, ["--db", str(db_path), "follow", str(urls), "--once"])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    failed = [line for line in result.output.splitlines() if line.startswith("failed")]
    assert len(failed) == 1 and "evil.rss" in failed[0]
    listing = CliRunner().invoke(main, ["--db", str(db_path), "feeds"]).output
    assert "\x1b" not in listing
    assert "[blink]Evil[/blink]" in listing  # shown as written, not as markup


def test_ctrl_c_between_rounds_exits_130(site: FeedSite, tmp_path: Path) -> None:
    site.add_feed("/a.rss", "A", entries("a", 1))
    urls = tmp_path / "urls"
    urls.write_text(f"{site.base}/a.rss\n")
    cmd = [*CLI, "--db", str(tmp_path / "loop.db"), "follow", str(urls), "--every", "1h"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        lines = []
        for line in proc.stdout:  # the first round, then "next round at ..."
            lines.append(line)
            if line.startswith("next round at"):
                break
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, (lines, out, err)
    assert any(line.startswith("round done") and "1 article added" in line for line in lines)
    assert "Traceback" not in err


def test_relative_links_resolve_against_the_feed_url(site: FeedSite, db) -> None:  # type: ignore[no-untyped-def]
    feed = (
        b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        b"<title>Relative</title><id>r</id><updated>2026-11-30T08:00:00Z</updated>"
        b'<entry><title>Bridge story</title><link href="story.html"/><id>r1</id>'
        b"<updated>2026-11-30T08:00:00Z</updated><summary>A summary.</summary></entry></feed>"
    )
    site.routes["/news/feed.atom"] = Route(feed, "application/atom+xml")
    page = Entry("news/story", "Bridge story", paragraphs_for(7))
    site.routes["/news/story.html"] = Route(article_page(page))
    report = round_of(db, site, "{base}/news/feed.atom\n")
    assert report.added == 1 and not report.feeds[0].page_problems
    assert paragraphs_for(7)[2] in article_texts(db)[f"{site.base}/news/story.html"]


def test_a_dead_site_costs_a_few_page_failures_not_one_per_entry(site: FeedSite, db) -> None:  # type: ignore[no-untyped-def]
    site.add_feed("/dead.rss", "Dead pages", entries("d", 8), with_pages=False)
    report = round_of(db, site, "{base}/dead.rss\n")
    feed = report.feeds[0]
    assert feed.added == 8  # every entry, with its summary
    assert sum(site.count(f"/d{i}.html") for i in range(8)) == MAX_PAGE_FAILURES
    assert len(feed.page_problems) == MAX_PAGE_FAILURES + 1
    assert feed.page_problems[-1].startswith(f"{8 - MAX_PAGE_FAILURES} more pages not fetched")
    # None was remembered: the next round tries the pages again (the site is back).
    site.add_feed("/dead.rss", "Dead pages", entries("d", 8))
    again = round_of(db, site, "{base}/dead.rss\n").feeds[0]
    assert (again.new_entries, again.retried) == (0, 8)  # tried again: not new
    assert again.replaced == 8 and not again.page_problems


def test_a_page_that_keeps_failing_is_a_retry_and_each_round_says_what_matching_found(
    site: FeedSite, tmp_path: Path
) -> None:
    """QA finding 13: an entry whose page kept failing was "1 new or changed" every round
    though nothing changed; and a round never said what matching found, as ingest does."""
    site.add_feed("/wire.rss", "Wire", entries("w", 2), with_pages=False)
    urls = tmp_path / "urls"
    urls.write_text(f"{site.base}/wire.rss\n")
    db_path = str(tmp_path / "retry.db")

    def one_round(*more: str) -> list[str]:
        result = CliRunner().invoke(main, ["--db", db_path, "follow", str(urls), "--once", *more])
        assert result.exit_code == 0, result.output
        return result.output.splitlines()

    matched = re.compile(
        r"matched: [\d,]+ statements?, [\d,]+ candidate pairs? scored: [\d,]+ same,"
        r" [\d,]+ conflicts?, [\d,]+ related \(same event, another claim\);"
        r" [\d,]+ claims?, [\d,]+ stor(y|ies) \(\d+\.\ds\)"
    )
    first = one_round()
    # Untagged: the line names the source its articles are stored under, the feed's title.
    assert first[0].endswith("wire.rss (Wire): 2 entries, 2 new or changed: 2 added, 0 replaced")
    assert "HTTP 404" in first[1]
    assert first[-2].startswith("round done: 1 feed, 0 failed; 2 articles added")
    assert matched.fullmatch(first[-1]), first[-1]
    again = one_round()
    assert again[0].endswith(
        "wire.rss (Wire): 2 entries, 0 new or changed, 2 pages tried again: 0 added, 0 replaced"
    )
    assert again[-1].startswith("round done:")  # nothing new: nothing matched
    site.add_feed("/wire.rss", "Wire", entries("w", 2))  # the pages are back
    data = json.loads("".join(one_round("--json")))
    assert (data["feeds"][0]["new_entries"], data["feeds"][0]["retried"]) == (0, 2)
    assert data["replaced"] == 2 and data["match"]["statements"] > 0
    assert one_round()[0].endswith(": 2 entries, 0 new or changed: 0 added, 0 replaced")


def test_counts_are_written_with_their_plural(site: FeedSite, db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """QA A13: "1 entries", "1 feeds", "1 articles added", "a exec: line"."""
    feed = FeedReport(url="http://x.test/f.rss", source=None, status=OK, entries=1, added=1)
    assert feed.line().endswith(": 1 entry, 0 new or changed: 1 added, 0 replaced")
    feed.entries = 2
    assert ": 2 entries," in feed.line()
    summary = RoundReport(feeds=[feed]).summary()
    assert summary.startswith("round done: 1 feed, 0 failed; 1 article added, 0 replaced in ")
    _, bad = parse_urls('"exec:~/bin/fetch"\nquery:unread\n')
    assert bad[0].reason.startswith("an exec: line ('exec:~/bin/fetch')")
    assert bad[1].reason.startswith("a query: line")
    # One page more than a dead site is given.
    site.add_feed("/dead.rss", "Dead", entries("d", MAX_PAGE_FAILURES + 1), with_pages=False)
    problems = round_of(db, site, "{base}/dead.rss\n").feeds[0].page_problems
    assert problems[-1].startswith(f"1 more page not fetched after {MAX_PAGE_FAILURES} failed")
    # claimlens feeds
    path = tmp_path / "feeds.db"
    stored = connect(path)
    outcome = FetchOutcome("http://x.test/f.rss", OK, entries=1, added=1, fingerprints={})
    save_outcome(stored, outcome)
    stored.conn.close()
    listing = CliRunner().invoke(main, ["--db", str(path), "feeds"]).output
    assert "1 entry, 1 added last time, 1 in all" in listing


def test_a_feeds_dates_that_read_either_way_are_read_in_its_order_and_said(
    site: FeedSite, db
) -> None:  # type: ignore[no-untyped-def]
    """QA (second round) item 2, for follow: a feed's "05/11/2024" is read in the order
    of its other dates (one feed, one convention) and the round says so."""
    long_paragraphs = [" ".join(paragraphs_for(i)) for i in range(3)]
    feed = [
        Entry(f"d{i}", f"Dated story {i} on the bridge", long_paragraphs, date, full_text=True)
        for i, date in enumerate(["05/11/2024", "11/25/2024"])
    ]
    site.add_feed("/dated.rss", "Dated", feed, with_pages=False)
    report = round_of(db, site, "{base}/dated.rss\n")
    assert report.added == 2
    dates = dict(db.execute("SELECT title, date FROM articles"))
    assert dates == {
        "Dated story 0 on the bridge": "2024-05-11",
        "Dated story 1 on the bridge": "2024-11-25",
    }
    assert report.feeds[0].dates == [
        "dates: 1 entry gave a date that reads either way, such as 05/11/2024 (2024-05-11):"
        " read month first, as other dates of the feed are"
    ]
