"""``claimlens follow`` against hostile and broken feeds served from 127.0.0.1 (the site
of tests/feed_site.py, started and stopped by each test): a feed cut off before its
first entry, an entry listed twice."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from db.feed_state import list_feeds
from db.formats import _read_feed
from tests.feed_site import FeedSite, Route
from tests.test_follow import db, entries, round_of, site
from tui.cli import main

__all__ = ["db", "site"]  # the fixtures, for pytest


def test_a_feed_cut_off_before_its_first_entry_fails_but_an_empty_one_is_ok(
    site: FeedSite,
    db,  # type: ignore[no-untyped-def]
) -> None:
    """A truncated feed said `ok … 0 entries` round after round; a whole feed with no
    entries is still ok."""
    site.routes["/cut.rss"] = Route(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Cut<item><title>x</titl',
        "application/rss+xml",
    )
    site.routes["/empty.rss"] = Route(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>',
        "application/rss+xml",
    )
    site.routes["/cut.atom"] = Route(
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>Cut</title>', "application/atom+xml"
    )
    report = round_of(db, site, "{base}/cut.rss\n{base}/empty.rss\n{base}/cut.atom\n")
    by_name = {f.url.rsplit("/", 1)[1]: f for f in report.feeds}
    assert not by_name["empty.rss"].failed and by_name["empty.rss"].entries == 0
    for name in ("cut.rss", "cut.atom"):
        assert by_name[name].failed
        assert by_name[name].error.startswith("not a readable RSS/Atom feed")
    states = {row["url"].rsplit("/", 1)[1]: row for row in list_feeds(db)}
    assert states["cut.rss"]["last_status"] == "failed"


def test_an_entry_listed_twice_is_new_once(site: FeedSite, db) -> None:  # type: ignore[no-untyped-def]
    """`6 entries, 6 new or changed: 5 added`: the numbers did not add up when a feed
    listed one entry twice (a CMS's repost); the second listing is the same article."""
    listed = entries("d", 3)
    site.add_feed("/dup.rss", "Dup", [*listed, listed[1]])
    report = round_of(db, site, "{base}/dup.rss\n")
    (feed,) = report.feeds
    assert (feed.entries, feed.new_entries, feed.added) == (4, 3, 3)
    assert f"{feed.new_entries} new or changed: {feed.added} added" in feed.line()
    again = round_of(db, site, "{base}/dup.rss\n").feeds[0]
    assert (again.new_entries, again.retried, again.added) == (0, 0, 0)


def test_a_title_the_feed_gives_as_html_is_stored_as_its_text(site: FeedSite, db) -> None:  # type: ignore[no-untyped-def]
    """WordPress's `Trump&amp;#8217;s plan`, a CDATA title with tags, a double-escaped
    `Q&amp;amp;A`: feedparser hands these titles over as HTML, and they were stored and
    shown with their tags and entities ("Q&amp;A <b>bold</b>"). A plain-text title keeps
    its `<` and `&`."""
    body = " ".join(f"The council met on Monday about item {i} of the budget." for i in range(30))
    titles = [
        "Trump&amp;#8217;s plan for the harbour",
        "<![CDATA[Q&A <b>bold</b> &amp; more]]>",
        "Tom &amp;amp; Jerry return",
        "AT&amp;T says 5 &lt; 6",
    ]
    items = "".join(
        f"<item><title>{t}</title><link>{site.base}/page{i}</link>"
        f"<description>{body}</description></item>"
        for i, t in enumerate(titles)
    )
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel>'
        "<title><![CDATA[The <i>Daily</i> &amp; Co]]></title>" + items + "</channel></rss>"
    ).encode()
    site.routes["/html-titles.rss"] = Route(feed, "application/rss+xml")
    report = round_of(db, site, "{base}/html-titles.rss\n")
    assert report.feeds[0].added == 4
    stored = {row[0] for row in db.execute("SELECT title FROM articles")}
    assert stored == {
        "Trump\u2019s plan for the harbour",
        "Q&A bold & more",
        "Tom & Jerry return",
        "AT&T says 5 < 6",
    }
    assert {row[0] for row in db.execute("SELECT name FROM sources")} == {"The Daily & Co"}
    # a feed file ingested from disk is read the same way
    records = list(_read_feed(feed.decode(), "saved.rss"))
    assert [r.title for r in records][1] == "Q&A bold & more"
    assert records[0].source == "The Daily & Co"


def test_a_feeds_title_and_error_are_stored_without_escape_sequences(
    site: FeedSite,
    db,  # type: ignore[no-untyped-def]
) -> None:
    """`feeds --json | jq -r '.[].title'` wrote a feed title's ESC [2J to the terminal:
    the title was stored raw, while article titles are stored cleaned."""
    site.add_feed("/title.rss", "Evil \x1b[2J News \x1b]0;pwned\x07", entries("t", 1))
    site.routes["/gone.rss"] = Route(b"nope", "text/plain", status=410)
    site.routes["/gone.rss"].reason = "Gone \x1b[31mred\x1b[0m"
    report = round_of(db, site, "{base}/title.rss\n{base}/gone.rss\n")
    # and so is what `follow --json` says of the round
    said = {f["url"].rsplit("/", 1)[1]: f for f in report.as_dict()["feeds"]}
    assert said["title.rss"]["title"] == "Evil News"
    assert "\x1b" not in said["gone.rss"]["error"]
    states = {row["url"].rsplit("/", 1)[1]: row for row in list_feeds(db)}
    assert states["title.rss"]["title"] == "Evil News"
    assert "\x1b" not in states["gone.rss"]["last_error"]


def test_a_urls_file_with_no_feed_says_so_and_exits_1(tmp_path: Path) -> None:
    """An empty (or wrong) URLS_FILE did a silent round of 0 feeds, exit 0, every
    --every; and an unreadable one was refused without its name."""
    db_path = str(tmp_path / "none.db")
    urls = tmp_path / "urls"
    urls.write_text("# nothing yet\n\n")
    result = CliRunner().invoke(main, ["--db", db_path, "follow", "--once", str(urls)])
    assert result.exit_code == 1, result.output
    assert f"{urls}: no feed to fetch (one http(s) feed URL a line)" in result.output
    assert "round done: 0 feeds" in result.output
    urls.write_bytes(b"\xff\xfe\x00garbage\n")
    result = CliRunner().invoke(main, ["--db", db_path, "follow", "--once", str(urls)])
    assert result.exit_code == 1 and f"Error: {urls}: " in result.output


def test_a_timeout_of_no_seconds_is_a_usage_error(tmp_path: Path) -> None:
    """`--timeout 0`, `-5` or `nan` were taken and failed every feed ("Resource
    temporarily unavailable", "ValueError: Timeout value out of range")."""
    urls = tmp_path / "urls"
    urls.write_text("http://127.0.0.1:9/feed.xml\n")
    db_path = tmp_path / "never.db"
    for option in (
        ["--timeout", "0"],
        ["--timeout", "-5"],
        ["--timeout", "nan"],
        ["--concurrency", "0"],
        ["--per-host", "0"],
    ):
        result = CliRunner().invoke(
            main, ["--db", str(db_path), "follow", "--once", *option, str(urls)]
        )
        assert result.exit_code == 2, (option, result.output)
        assert f"Invalid value for '{option[0]}'" in result.output
    assert not db_path.exists()  # refused before anything was fetched or created
