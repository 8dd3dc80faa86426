"""``claimlens ingest``: files and folders into the database, with a progress bar."""

from __future__ import annotations

import functools
import sys
from collections import Counter
from pathlib import Path

import click
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

from db.dates import parse_date
from db.formats import Rejected, printable
from db.ingest import IngestReport, ingest_paths
from tui.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_REJECTED,
    CliContext,
    console,
    echo,
    emit_json,
    json_option,
    match_summary,
    pass_cli,
    say_waiting,
)
from tui.wording import plural

FINISH_MATCHING = "claimlens match --pending"
# Files rejected for one reason get a line each up to this many; the rest are counted in
# one line (a folder of 300 annotation files would otherwise bury the summary).
LINES_PER_REASON = 5


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--source", help="Source name for every article (overrides the files' own).")
@click.option("--no-match", is_flag=True, help="Do not match the new articles yet.")
@click.option(
    "--dates",
    type=click.Choice(["dmy", "mdy"]),
    help="Read a date such as 05/11/2024 day first (dmy) or month first (mdy)."
    " By default as the file's other dates show (25/11/2024: dmy), else day first.",
)
@json_option("Print the summary as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no line per rejected file.")
@pass_cli
def ingest(
    cli: CliContext,
    paths: tuple[Path, ...],
    source: str | None,
    no_match: bool,
    dates: str | None,
    as_json: bool,
    quiet: bool,
) -> None:
    """Ingest article files and folders (text, seed, JSON/JSONL, HTML, RSS/Atom).

    The source of each article is --source if given, else the record's own
    (JSON "source", the feed title, the HTML site name), else the host of its
    URL, else the name of the folder holding the file. Files in folders that are
    clearly not articles (README, LICENSE, change notes...) are skipped and counted.
    """
    db = cli.db(create=True)
    show_progress = not quiet and not as_json and console(stderr=True).is_terminal

    per_reason: Counter[str] = Counter()

    def on_reject(rejected: Rejected) -> None:
        per_reason[rejected.reason] += 1
        if per_reason[rejected.reason] <= LINES_PER_REASON:
            echo(f"rejected: {rejected}", style="yellow", err=True)

    run = functools.partial(
        ingest_paths,
        db,
        paths,
        source=source,
        match=not no_match,
        dates=dates,
        on_wait=say_waiting,
        on_reject=None if quiet or as_json else on_reject,
    )
    if show_progress:
        with Progress(
            TextColumn("ingesting"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            console=console(stderr=True),
            transient=True,
        ) as bar:
            task = bar.add_task("ingest", total=None)
            report = run(
                progress=lambda n: bar.advance(task, n),
                on_total=lambda total: bar.update(task, total=total),
            )
    else:
        report = run()
    for reason, n in per_reason.items():
        if n > LINES_PER_REASON:
            # files, or lines/records of one file: "more" says both
            line = (
                f"rejected: {n - LINES_PER_REASON:,} more for the same reason: {printable(reason)}"
            )
            echo(line, style="yellow", err=True)
    if as_json:
        emit_json(report.as_dict())
    else:
        if quiet and report.error is not None:  # why it stopped is never a per-file line
            echo(f"rejected: {report.rejected[-1]}", style="yellow", err=True)
        _print_summary(report, matching=not no_match)
        if quiet and len(report.rejected) > (report.error is not None):
            echo("(without -q, or with --json, each rejected file says why)", style="dim")
        elif any(n > LINES_PER_REASON for n in per_reason.values()):
            echo("(--json lists every rejected file)", style="dim")
    if report.interrupted:
        sys.exit(EXIT_INTERRUPTED)
    if report.rejected:
        sys.exit(EXIT_REJECTED)


def _print_summary(report: IngestReport, *, matching: bool) -> None:
    # The ingest's own time: ``report.seconds`` holds the match after it too, which its
    # own line ("matched: … (6.7s)") tells.
    seconds = report.seconds - (report.match.seconds if report.match is not None else 0.0)
    seconds = max(seconds, 0.0)
    words_per_s = report.words / seconds if seconds else 0.0
    head = "ingested"
    stopped = report.interrupted or report.error is not None
    if stopped:
        head = ("interrupted" if report.interrupted else "stopped") + " — saved so far"
    skipped = ""
    if report.skipped:
        skipped += f", {plural(len(report.skipped), 'file')} skipped (not articles)"
    if report.empty:
        skipped += f", {plural(report.empty, 'empty record')} skipped"
    echo(
        f"{head}: {report.added:,} added, {report.replaced:,} replaced, "
        f"{report.unchanged:,} unchanged, {len(report.rejected):,} rejected "
        f"from {plural(report.files, 'file')}"
        f"{skipped}; {plural(report.statements, 'statement')}, "
        f"{plural(report.words, 'word')} in {seconds:.1f}s ({words_per_s:,.0f} words/s)"
    )
    for (was, now), n in report.moved.items():
        echo(
            f"source changed: {plural(n, 'article')} from {was} to {now} (files take their"
            f" folder's name as source: ingest {was}'s own folder, or give --source, to keep"
            " it); articles of one source are never matched with each other"
        )
    if report.unread_dates:
        echo(
            f"undated: {plural(report.unread_dates, 'article')} gave a date that could not be"
            " read (ISO 8601, RFC 822, seconds since 1970 or a written date)"
        )
    for line in ambiguous_date_lines(report):
        echo(line)
    if report.match is not None:
        echo(f"matched: {match_summary(report.match)}")
    elif matching and stopped:
        echo(
            f"matching did not run: `{FINISH_MATCHING}` matches what was saved"
            " (so does the next ingest)"
        )
    elif not matching and (report.added or report.replaced):
        echo(f"not matched yet (--no-match): `{FINISH_MATCHING}` matches them")


_ORDER_WORDS = {"dmy": "day first", "mdy": "month first"}
_OTHER = {"dmy": "mdy", "mdy": "dmy"}


def ambiguous_date_lines(report: IngestReport) -> list[str]:
    """What the summary says of the dates that read either way ("05/11/2024"): how many
    were read, in which order and why, and how to read them the other way; and the
    files whose other dates disagree with that order."""
    lines = []
    for (order, why), (n, example) in report.ambiguous_dates.items():
        other = _OTHER[order]
        because = {
            "given": f" (--dates {order})",
            "file": f", as other dates of their files are (--dates {other} reads them"
            f" {_ORDER_WORDS[other]})",
            "default": f", as nothing else in their files told (--dates {other} reads"
            f" them {_ORDER_WORDS[other]})",
        }[why]
        lines.append(
            f"dates: {plural(n, 'article')} gave a date that reads either way, such as"
            f" {printable(example)} ({parse_date(example, order)}): read"
            f" {_ORDER_WORDS[order]}{because}"
        )
    for path, read, other in report.mixed_dates[:LINES_PER_REASON]:
        lines.append(
            f"dates: {printable(path)} has dates that can only be read {_ORDER_WORDS[other]},"
            f" yet those that read either way were read {_ORDER_WORDS[read]}: check them"
            f" (--dates {other} reads them {_ORDER_WORDS[other]})"
        )
    more = len(report.mixed_dates) - LINES_PER_REASON
    if more > 0:
        lines.append(f"dates: {plural(more, 'more file')} like that (--json lists them)")
    return lines
