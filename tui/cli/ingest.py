"""``claimlens ingest``: files and folders into the database, with a progress bar."""

from __future__ import annotations

import sys
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
from rich.text import Text

from db.formats import Rejected, iter_files
from db.ingest import IngestReport, ingest_paths, total_bytes
from tui.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_REJECTED,
    CliContext,
    console,
    emit_json,
    pass_cli,
)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--source", help="Source name for every article (overrides the files' own).")
@click.option("--no-match", is_flag=True, help="Do not match the new articles yet.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@pass_cli
def ingest(
    cli: CliContext,
    paths: tuple[Path, ...],
    source: str | None,
    no_match: bool,
    as_json: bool,
    quiet: bool,
) -> None:
    """Ingest article files and folders (text, seed, JSON/JSONL, HTML, RSS/Atom).

    The source of each article is --source if given, else the record's own
    (JSON "source", the feed title, the HTML site name), else the host of its
    URL, else the name of the folder holding the file.
    """
    db = cli.db()
    err = console(stderr=True)
    show_progress = not quiet and not as_json and err.is_terminal

    def on_reject(rejected: Rejected) -> None:
        err.print(Text(f"rejected: {rejected}", style="yellow"))

    def on_wait() -> None:
        err.print("another claimlens is writing to this database; waiting for it…")

    if show_progress:
        total = total_bytes(iter_files(paths))
        with Progress(
            TextColumn("ingesting"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            console=err,
            transient=True,
        ) as bar:
            task = bar.add_task("ingest", total=total)
            report = ingest_paths(
                db,
                paths,
                source=source,
                match=not no_match,
                progress=lambda n: bar.advance(task, n),
                on_wait=on_wait,
                on_reject=on_reject,
            )
    else:
        report = ingest_paths(
            db,
            paths,
            source=source,
            match=not no_match,
            on_wait=on_wait,
            on_reject=None if as_json else on_reject,
        )
    if as_json:
        emit_json(report.as_dict())
    else:
        _print_ingest_summary(report)
    if report.interrupted:
        sys.exit(EXIT_INTERRUPTED)
    if report.rejected:
        sys.exit(EXIT_REJECTED)


def _print_ingest_summary(report: IngestReport) -> None:
    out = console()
    words_per_s = report.words / report.seconds if report.seconds else 0.0
    head = "ingested"
    if report.interrupted or report.error is not None:
        head = ("interrupted" if report.interrupted else "stopped") + " — saved so far"
    out.print(
        Text(
            f"{head}: {report.added} added, {report.replaced} replaced, "
            f"{report.unchanged} unchanged, {len(report.rejected)} rejected "
            f"from {report.files} files; {report.statements} statements, "
            f"{report.words} words in {report.seconds:.1f}s ({words_per_s:,.0f} words/s)"
        )
    )
    match = report.match
    if match is not None and hasattr(match, "summary"):
        out.print(Text(f"matched: {match.summary()}"))
