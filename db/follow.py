"""One round of ``claimlens follow``: fetch every feed of a urls file, read the new
entries (and, for an entry whose feed gives only a summary, its page), and ingest
and match them as ``claimlens ingest`` does.

Feeds are fetched by a few worker threads sharing one :class:`db.fetch.Fetcher`
(bounded concurrency, per-host politeness); the main thread writes each feed's
articles as soon as that feed is read, in one ingest per feed, so a Ctrl-C keeps
every feed stored before it and a reader sees a feed's articles all at once. New
articles are matched every few seconds and at the end of the round.

An entry is recognised by a fingerprint of what the feed says of it (stored per
feed in ``feed_entries``): an entry seen again unchanged is skipped before any
page is fetched; a changed one is read again and replaces its article (identity
by URL, as ingest does). A feed that cannot be fetched or read is reported on one
line and the round goes on; its entries are tried again next round.
"""

from __future__ import annotations

import hashlib
import queue
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import sqlite_utils

from db.date_orders import FILE
from db.dates import parse_date
from db.feed_state import (
    FAILED,
    NOT_MODIFIED,
    OK,
    FeedState,
    FetchOutcome,
    load_states,
    save_outcome,
)
from db.fetch import Fetcher, FetchError, Response, Stopped
from db.formats import (
    BadInput,
    RawArticle,
    Rejected,
    decode_bytes,
    entry_body,
    feed_entry,
    feed_text,
    html_article,
    parse_feed,
    printable,
)
from db.ingest import ingest_records, match_pending
from db.urls_file import FeedSpec
from db.wording import plural

if TYPE_CHECKING:
    from db.matching import MatchReport  # imported by the matching itself, when it runs

# An entry whose own full text is shorter than this many words is a summary (or a
# teaser in content:encoded): its page is fetched and extracted when it has a link.
FULL_TEXT_WORDS = 150
FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")
# New articles are matched at the end of the round, and during a long round every this
# many seconds: matching a few feeds' articles together costs about half as much as
# matching each feed's alone (50 feeds x 20 BBC articles: see BENCHMARKS.md).
MATCH_INTERVAL = 10.0
# After this many of a feed's pages failed (a site down, timing out), its other pages
# wait for the next round: a dead site costs a few timeouts, not one per entry.
MAX_PAGE_FAILURES = 3
# An entry whose page failed (or was not tried) is remembered with its fingerprint
# behind this mark: the next round fetches its page again, and counts it as a page
# tried again, not as an entry new or changed.
PAGE_PENDING = "page-pending:"


@dataclass
class FeedReport:
    """What a round did with one feed."""

    url: str
    source: str | None
    status: str  # OK, NOT_MODIFIED or FAILED
    error: str | None = None
    title: str | None = None
    entries: int = 0  # in the feed
    new_entries: int = 0  # new or changed since the last fetch
    retried: int = 0  # entries seen before, unchanged, whose page is tried again
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    rejected: list[str] = field(default_factory=list)  # entries that are not articles
    page_problems: list[str] = field(default_factory=list)  # summaries kept, and why
    # How the dates that read either way ("05/11/2024") were read (db.date_orders).
    dates: list[str] = field(default_factory=list)
    interrupted: bool = False

    @property
    def failed(self) -> bool:
        return self.status == FAILED

    def line(self) -> str:
        """One line for the terminal (safe: control characters escaped). It names the
        source the articles are stored under: the ``~`` tag's, else the feed's title
        (as ``claimlens feeds`` does)."""
        shown = self.source or self.title
        name = f" ({shown})" if shown else ""
        if self.status == FAILED:
            return printable(f"failed        {self.url}{name}: {self.error}")
        if self.status == NOT_MODIFIED:
            return printable(f"not modified  {self.url}{name}")
        retried = f", {plural(self.retried, 'page')} tried again" if self.retried else ""
        return printable(
            f"ok            {self.url}{name}: {plural(self.entries, 'entry')},"
            f" {self.new_entries:,} new or changed{retried}: {self.added:,} added,"
            f" {self.replaced:,} replaced"
            + (f", {len(self.rejected):,} rejected" if self.rejected else "")
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "source": self.source,
            "status": self.status,
            "error": self.error,
            "title": self.title,
            "entries": self.entries,
            "new_entries": self.new_entries,
            "retried": self.retried,
            "added": self.added,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "rejected": self.rejected,
            "page_problems": self.page_problems,
            "dates": self.dates,
        }


@dataclass
class RoundReport:
    feeds: list[FeedReport] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False
    error: str | None = None  # the database could not be written: the round stopped
    match: MatchReport | None = None  # what matching the round's new articles found

    @property
    def failed(self) -> list[FeedReport]:
        return [f for f in self.feeds if f.failed]

    @property
    def added(self) -> int:
        return sum(f.added for f in self.feeds)

    @property
    def replaced(self) -> int:
        return sum(f.replaced for f in self.feeds)

    def summary(self) -> str:
        head = "interrupted — saved so far" if self.interrupted else "round done"
        return (
            f"{head}: {plural(len(self.feeds), 'feed')}, {len(self.failed):,} failed;"
            f" {plural(self.added, 'article')} added, {self.replaced:,} replaced"
            f" in {self.seconds:.1f}s"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "feeds": [f.as_dict() for f in self.feeds],
            "failed": len(self.failed),
            "added": self.added,
            "replaced": self.replaced,
            "seconds": round(self.seconds, 3),
            "interrupted": self.interrupted,
            "error": self.error,
            "match": self.match.as_dict() if self.match is not None else None,
        }

    def matched(self, match: MatchReport | None) -> None:
        """Add what one matching run of the round found (None: nothing was pending)."""
        if match is None:
            return
        if self.match is None:
            self.match = replace(match, timings={})
            return
        total = self.match
        for name in _MATCH_COUNTS:
            setattr(total, name, getattr(total, name) + getattr(match, name))
        total.indexed = max(total.indexed, match.indexed)


# What :meth:`RoundReport.matched` adds up over a round's matching runs.
_MATCH_COUNTS = (
    "statements",
    "candidates",
    "same",
    "conflict",
    "related",
    "claims",
    "stories",
    "pending",
    "seconds",
)


@dataclass
class _Fetched:
    """A feed as read by a worker thread, ready to be stored by the main thread."""

    spec: FeedSpec
    outcome: FetchOutcome
    records: list[RawArticle | Rejected] = field(default_factory=list)
    new_entries: int = 0
    retried: int = 0
    page_problems: list[str] = field(default_factory=list)


def run_round(
    db: sqlite_utils.Database,
    specs: list[FeedSpec],
    fetcher: Fetcher,
    *,
    match: bool = True,
    on_feed: Callable[[FeedReport], None] | None = None,
    on_wait: Callable[[], None] | None = None,
) -> RoundReport:
    """Fetch every feed of ``specs`` once and store what is new.

    On KeyboardInterrupt the feeds stored so far stay (a feed's articles are one
    ingest: all or none), the fetcher is stopped and the report says ``interrupted``;
    articles stored but not matched yet are matched by the next round (or ingest).
    """
    started = time.monotonic()
    report = RoundReport()
    states = load_states(db, [spec.url for spec in specs])
    jobs: queue.Queue[FeedSpec] = queue.Queue()
    for spec in specs:
        jobs.put(spec)
    results: queue.Queue[_Fetched] = queue.Queue()
    for _ in range(min(fetcher.policy.concurrency, len(specs))):
        # Daemon threads: after a Ctrl-C nothing waits for a request in flight.
        threading.Thread(target=_worker, args=(jobs, results, fetcher, states), daemon=True).start()
    matched_at = time.monotonic()
    try:
        for _ in specs:
            fetched = _next_result(results)
            feed = _store(db, fetched, on_wait=on_wait)
            report.feeds.append(feed)
            if on_feed:
                on_feed(feed)
            if feed.interrupted:
                raise KeyboardInterrupt
            if match and time.monotonic() - matched_at >= MATCH_INTERVAL:
                report.matched(match_pending(db))
                matched_at = time.monotonic()
        if match:
            report.matched(match_pending(db))
    except KeyboardInterrupt:
        report.interrupted = True
        fetcher.stop.set()
    except _DatabaseFailure as exc:
        report.error = str(exc)
        fetcher.stop.set()
    except sqlite3.DatabaseError as exc:  # matching could not write: disk full, I/O error
        report.error = f"cannot write to the database ({exc})"
        fetcher.stop.set()
    report.seconds = time.monotonic() - started
    return report


def _next_result(results: queue.Queue[_Fetched]) -> _Fetched:
    # A short timeout, so Ctrl-C is seen at once however long the feeds take.
    while True:
        try:
            return results.get(timeout=0.2)
        except queue.Empty:
            continue


def _worker(
    jobs: queue.Queue[FeedSpec],
    results: queue.Queue[_Fetched],
    fetcher: Fetcher,
    states: dict[str, FeedState],
) -> None:
    while True:
        try:
            spec = jobs.get_nowait()
        except queue.Empty:
            return
        try:
            fetched = read_feed(spec, states[spec.url], fetcher)
        except Stopped:
            return
        except Exception as exc:  # a parser's bug on a hostile feed must not hang the round
            fetched = _failed(spec, f"cannot read the feed ({type(exc).__name__}: {exc})")
        results.put(fetched)


def _failed(spec: FeedSpec, error: str) -> _Fetched:
    return _Fetched(spec, FetchOutcome(spec.url, FAILED, source=spec.source, error=error))


def read_feed(spec: FeedSpec, state: FeedState, fetcher: Fetcher) -> _Fetched:
    """Fetch one feed (conditionally) and read its new and changed entries."""
    try:
        response = fetcher.get(
            spec.url, etag=state.etag, last_modified=state.last_modified, accept=FEED_ACCEPT
        )
    except FetchError as exc:
        return _failed(spec, str(exc))
    if response.not_modified:
        return _Fetched(spec, FetchOutcome(spec.url, NOT_MODIFIED, source=spec.source))
    try:
        parsed = parse_feed(
            response.content,
            allow_empty=True,
            url=response.url,
            content_type=response.content_type or None,
        )
    except BadInput as exc:
        return _failed(spec, _not_a_feed(response, exc))
    fetched = _Fetched(
        spec,
        FetchOutcome(
            spec.url,
            OK,
            source=spec.source,
            title=feed_text(parsed.feed, "title"),
            etag=response.etag,
            last_modified=response.last_modified,
            entries=len(parsed.entries),
            fingerprints={},
        ),
    )
    feed_title = fetched.outcome.title  # made safe by FetchOutcome
    fingerprints = fetched.outcome.fingerprints
    assert fingerprints is not None
    page_failures = skipped = 0
    for index, entry in enumerate(parsed.entries, start=1):
        key = entry.get("link") or f"{spec.url}#{entry.get('id') or index}"
        if key in fingerprints:
            continue  # listed twice in the feed: the first one counts (once)
        fingerprint = _fingerprint(entry)
        seen = state.fingerprints.get(key)
        if seen == fingerprint:
            fingerprints[key] = fingerprint  # seen before, unchanged: nothing to do
            continue
        if seen == PAGE_PENDING + fingerprint:
            fetched.retried += 1  # unchanged, its page failed last time: a retry
        else:
            fetched.new_entries += 1
        record = feed_entry(entry, index, spec.url, feed_title)
        if isinstance(record, RawArticle) and record.url and _summary_only(entry):
            if page_failures >= MAX_PAGE_FAILURES:
                skipped += 1
                fingerprints[key] = PAGE_PENDING + fingerprint
                fetched.records.append(record)
                continue  # its summary for now; the page is tried next round
            record, problem = _with_page(record, fetcher)
            if problem:
                page_failures += 1
                fingerprints[key] = PAGE_PENDING + fingerprint
                fetched.page_problems.append(problem)
                fetched.records.append(record)
                continue  # its page is tried again next round
        fingerprints[key] = fingerprint
        fetched.records.append(record)
    if skipped:
        fetched.page_problems.append(
            f"{plural(skipped, 'more page')} not fetched after {MAX_PAGE_FAILURES} failed;"
            " kept their summaries, tried again next round"
        )
    if page_failures or skipped:
        # Pages wait for the next round: no validators stored, or the feed's 304 would
        # end that round before its entries are read (and their pages never tried again).
        fetched.outcome.etag = fetched.outcome.last_modified = None
    return fetched


def _not_a_feed(response: Response, exc: BadInput) -> str:
    head = response.content[:2048].lstrip().lower()
    if b"<html" in head or b"<!doctype html" in head or "html" in response.content_type:
        return "an HTML page, not an RSS/Atom feed"
    return str(exc)


def _fingerprint(entry: Any) -> str:
    h = hashlib.blake2b(digest_size=16)
    content = entry.get("content") or [{}]
    for part in (
        entry.get("id"),
        entry.get("link"),
        entry.get("title"),
        entry.get("published"),
        entry.get("updated"),
        entry.get("summary"),
        content[0].get("value"),
    ):
        h.update(str(part or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def _summary_only(entry: Any) -> bool:
    return len(entry_body(entry, full_only=True).split()) < FULL_TEXT_WORDS


def _with_page(record: RawArticle, fetcher: Fetcher) -> tuple[RawArticle, str | None]:
    """The entry with its page's article as body; else the entry as it is, and why."""
    url = record.url or ""

    def kept(reason: str) -> tuple[RawArticle, str]:
        return record, printable(f"page {url}: {reason}; kept the feed's summary")

    try:
        response = fetcher.get(url, accept=PAGE_ACCEPT)
    except FetchError as exc:
        return kept(str(exc))
    mime = response.content_type.split(";")[0].strip().lower()
    if mime not in _HTML_TYPES:
        return kept(f"not a web page ({mime})")
    try:
        page = html_article(decode_bytes(response.content), url)
    except BadInput as exc:
        return kept(str(exc))
    except Exception as exc:  # trafilatura on a hostile page
        return kept(f"cannot extract the article ({type(exc).__name__})")
    if len(page.body) <= len(record.body):
        return record, None  # the feed's own text is as long: nothing better to take
    if record.date is not None or record.date_either is not None:
        return replace(record, body=page.body), None
    return replace(  # the page's date, as it gave it
        record,
        body=page.body,
        date=page.date,
        date_either=page.date_either,
        date_order=page.date_order,
        date_unread=page.date_unread
        or (record.date_unread and page.date is None and page.date_either is None),
    ), None


class _DatabaseFailure(Exception):
    pass


def _store(
    db: sqlite_utils.Database, fetched: _Fetched, *, on_wait: Callable[[], None] | None
) -> FeedReport:
    """Ingest one feed's records, then record its state (the main thread only)."""
    spec, outcome = fetched.spec, fetched.outcome
    feed = FeedReport(
        url=spec.url,
        source=spec.source,
        status=outcome.status,
        error=outcome.error,
        title=outcome.title,
        entries=outcome.entries,
        new_entries=fetched.new_entries,
        retried=fetched.retried,
        page_problems=fetched.page_problems,
    )
    if fetched.records:
        ingested = ingest_records(
            db, fetched.records, source=spec.source, match=False, on_wait=on_wait
        )
        feed.added, feed.replaced, feed.unchanged = (
            ingested.added,
            ingested.replaced,
            ingested.unchanged,
        )
        feed.rejected = [str(r) for r in ingested.rejected]
        for (order, why), (n, example) in ingested.ambiguous_dates.items():
            feed.dates.append(
                printable(
                    f"dates: {plural(n, 'entry')} gave a date that reads either way, such as"
                    f" {example} ({parse_date(example, order)}): read"
                    f" {'day' if order == 'dmy' else 'month'} first, as "
                    + ("other dates of the feed are" if why == FILE else "nothing else told")
                )
            )
        if ingested.interrupted:
            feed.interrupted = True
            return feed  # what was committed stays; the state is stored next round
        if ingested.error is not None:
            raise _DatabaseFailure(ingested.error)
        outcome.added = ingested.added + ingested.replaced
    try:
        save_outcome(db, outcome)
    except Exception as exc:  # sqlite3.Error: disk full, I/O error
        raise _DatabaseFailure(f"cannot write to the database ({exc})") from exc
    return feed
