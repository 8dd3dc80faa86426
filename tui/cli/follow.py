"""``claimlens follow`` (fetch the feeds of a newsboat urls file, once or every N
minutes) and ``claimlens feeds`` (what each feed's last fetch did)."""

from __future__ import annotations

import re
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from db.feed_state import list_feeds
from db.fetch import Fetcher, FetchPolicy
from db.follow import FeedReport, RoundReport, run_round
from db.formats import BadInput, printable
from db.urls_file import read_urls_file
from tui.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_REJECTED,
    CliContext,
    echo,
    emit_json,
    emit_json_line,
    json_option,
    match_summary,
    pass_cli,
    say_waiting,
)
from tui.wording import plural

_DURATION = re.compile(r"(\d+(?:\.\d+)?)([smhd])")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# The shortest --every: a round more often hammers the feeds' servers (and most feeds
# change every few minutes at most).
MIN_EVERY = 30


def parse_duration(text: str) -> float:
    """'90s', '15m', '1h30m', '1d' -> seconds; ValueError for anything else, and for less
    than :data:`MIN_EVERY` seconds."""
    compact = text.strip().lower().replace(" ", "")
    if not compact or _DURATION.sub("", compact):
        raise ValueError(f"not a duration: {text!r} (examples: 90s, 15m, 1h30m)")
    seconds = sum(float(n) * _UNIT_SECONDS[u] for n, u in _DURATION.findall(compact))
    if seconds < MIN_EVERY:
        raise ValueError(
            f"too short: {text!r}: at least {MIN_EVERY}s between rounds, so as not to hammer"
            " the feeds' servers (--once runs one round now)"
        )
    return seconds


def _duration(ctx: click.Context, param: click.Parameter, value: str) -> float:
    try:
        return parse_duration(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _seconds(ctx: click.Context, param: click.Parameter, value: float) -> float:
    """``--timeout``: a number of seconds above 0 (0, -5 or nan failed every feed)."""
    if not 0 < value < float("inf"):
        raise click.BadParameter(f"{value:g} is not a number of seconds above 0 (say 20)")
    return value


def _raise_interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """systemd stops a service with SIGTERM: stop as cleanly as on Ctrl-C. The previous
    handler comes back after, so a caller in the same process (a test) keeps its own."""
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@click.command()
@click.argument("urls_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--once", is_flag=True, help="One round, then exit (for cron or a timer).")
@click.option(
    "--every",
    default="15m",
    show_default=True,
    callback=_duration,
    help=f"Time between the starts of two rounds (90s, 15m, 1h; at least {MIN_EVERY}s).",
)
@click.option(
    "--timeout",
    default=20.0,
    show_default=True,
    callback=_seconds,
    help="Seconds per HTTP response.",
)
@click.option(
    "--concurrency",
    default=8,
    show_default=True,
    type=click.IntRange(1),
    help="Requests in flight at once (all hosts).",
)
@click.option(
    "--per-host",
    default=2,
    show_default=True,
    type=click.IntRange(1),
    help="Requests in flight to one host at once.",
)
@click.option("--no-match", is_flag=True, help="Do not match the new articles yet.")
@json_option("One JSON object per round, on one line (JSON Lines).")
@pass_cli
def follow(
    cli: CliContext,
    urls_file: Path,
    once: bool,
    every: float,
    timeout: float,
    concurrency: int,
    per_host: int,
    no_match: bool,
    as_json: bool,
) -> None:
    """Fetch the feeds of a newsboat URLS_FILE and ingest their new articles.

    One feed a line: its URL, then tags; a tag "~Name" names the source. For an
    entry whose feed gives only a summary, the linked page is fetched and its article
    extracted. Without --once, a round runs every --every until Ctrl-C. Exit status
    1 when a feed failed (each is reported on one line) or a line of URLS_FILE was
    skipped, 130 when interrupted.
    """
    db = cli.db(create=True)
    policy = FetchPolicy(
        timeout=timeout, concurrency=max(1, concurrency), per_host=max(1, per_host)
    )

    def on_feed(feed: FeedReport) -> None:
        if as_json:
            return
        echo(feed.line(), style="red" if feed.failed else "", err=feed.failed)
        for problem in [*feed.page_problems, *feed.rejected, *feed.dates]:
            echo(f"  {problem}", style="yellow", err=True)

    any_failed = False
    with _sigterm_as_interrupt(), Fetcher(policy) as fetcher:
        while True:
            started = time.monotonic()
            specs, bad_lines = _read_specs(urls_file)
            for bad in bad_lines:
                echo(printable(f"{urls_file}: {bad}"), style="yellow", err=True)
            if not specs:  # a wrong or empty file: said each round (it is read anew)
                echo(
                    printable(f"{urls_file}: no feed to fetch (one http(s) feed URL a line)"),
                    style="yellow",
                    err=True,
                )
            report = run_round(
                db, specs, fetcher, match=not no_match, on_feed=on_feed, on_wait=say_waiting
            )
            any_failed = any_failed or bool(report.failed) or bool(bad_lines) or not specs
            _print_round(report, as_json)
            if report.error is not None:
                raise click.ClickException(report.error)
            if report.interrupted:
                sys.exit(EXIT_INTERRUPTED)
            if once:
                break
            try:
                _sleep_until(started + every, say=not as_json)
            except KeyboardInterrupt:
                sys.exit(EXIT_INTERRUPTED)
    if any_failed:
        sys.exit(EXIT_REJECTED)


def _read_specs(urls_file: Path) -> tuple[list[Any], list[Any]]:
    try:
        return read_urls_file(urls_file)
    except BadInput as exc:
        raise click.ClickException(f"{urls_file}: {exc}") from None


def _print_round(report: RoundReport, as_json: bool) -> None:
    if as_json:
        emit_json_line(report.as_dict())
    else:
        echo(report.summary(), style="bold")
        if report.match is not None:  # as ingest says it
            echo(f"matched: {match_summary(report.match)}")


def _sleep_until(deadline: float, *, say: bool) -> None:
    wait = deadline - time.monotonic()
    if wait <= 0:
        return
    if say:
        next_at = time.strftime("%H:%M:%S", time.localtime(time.time() + wait))
        echo(f"next round at {next_at} (Ctrl-C to stop)", style="dim")
    time.sleep(wait)


@click.command()
@json_option("Print JSON.")
@pass_cli
def feeds(cli: CliContext, as_json: bool) -> None:
    """What each followed feed's last fetch did: when, its error, articles added."""
    rows = list_feeds(cli.db(reading=True))
    if as_json:
        emit_json(rows)
        return
    if not rows:
        echo("no feeds yet: claimlens follow URLS_FILE")
        sys.exit(EXIT_REJECTED)
    for row in rows:
        name = f" ({row['source'] or row['title']})" if row["source"] or row["title"] else ""
        state = row["last_status"] or "never fetched"
        line = (
            f"{state:<13} {row['url']}{name}  last fetched {row['last_fetched'] or '-'},"
            f" {plural(row['entries'], 'entry')}, {row['last_added']:,} added last time,"
            f" {row['articles_added']:,} in all"
        )
        if row["last_error"]:
            line += f"; error: {row['last_error']}"
            if row["failures"] > 1:
                line += f" ({row['failures']} times in a row)"
        echo(printable(line, limit=2000), style="red" if row["last_error"] else "")
