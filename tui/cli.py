"""The ``claimlens`` command line.

Every command takes the global ``--db PATH`` (or ``$CLAIMLENS_DB``). ``--json``
output is stable: the keys are documented in the README and only ever added to.
Exit status: 0 success, 1 some input was rejected or nothing was found to do,
2 usage error, 130 interrupted.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.text import Text

from db import queries
from db.formats import Rejected, iter_files
from db.ingest import IngestReport, ingest_paths, total_bytes
from db.search import QueryError, count, search
from tui.cli_common import CliContext, db_path_option, emit_json, pass_cli, resolve_db_path

EXIT_REJECTED = 1
EXIT_INTERRUPTED = 130


def _console(stderr: bool = False) -> Console:
    # highlight=False: never colour numbers or URLs inside article text by guesswork;
    # soft_wrap: long lines stay whole when piped (the terminal wraps them).
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from db.dates import parse_date

    if value is None:
        return None
    parsed = parse_date(value)
    if parsed is None:
        raise click.BadParameter(f"not a date: {value!r} (use YYYY-MM-DD)")
    return parsed


def date_options(func):  # type: ignore[no-untyped-def]
    func = click.option("--until", callback=_iso_date, help="Only up to this date (inclusive).")(
        func
    )
    func = click.option("--since", callback=_iso_date, help="Only from this date (inclusive).")(
        func
    )
    return click.option("--source", help="Only this source (case-insensitive).")(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@db_path_option()
@click.version_option(package_name="claimlens")
@click.pass_context
def main(ctx: click.Context, db_path: Path | None) -> None:
    """claimlens: see what every outlet says about a story, and where they differ."""
    ctx.obj = CliContext(resolve_db_path(db_path))


# --- ingest ------------------------------------------------------------------------------


@main.command()
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
    err = _console(stderr=True)
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
    out = _console()
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


# --- search ------------------------------------------------------------------------------


@main.command("search")
@click.argument("query")
@date_options
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--offset", default=0, type=click.IntRange(0))
@click.option("--fuzzy", is_flag=True, help="Find misspelled or half-remembered quotes.")
@click.option("--json", "as_json", is_flag=True, help="Print the hits as JSON.")
@pass_cli
def search_cmd(
    cli: CliContext,
    query: str,
    source: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    offset: int,
    fuzzy: bool,
    as_json: bool,
) -> None:
    """Search statements (best first). Words must all match; "a phrase", pre*, OR, -not."""
    from db.search import fuzzy_search

    db = cli.db()
    try:
        if fuzzy:
            hits = fuzzy_search(db, query, source=source, limit=limit)
            total = len(hits)
        else:
            hits = search(
                db, query, source=source, since=since, until=until, limit=limit, offset=offset
            )
            total = count(db, query, source=source, since=since, until=until)
    except QueryError as exc:
        raise click.UsageError(str(exc)) from exc
    if as_json:
        emit_json({"query": query, "total": total, "hits": [h.as_dict() for h in hits]})
        return
    out = _console()
    if not hits:
        out.print(Text(f"no statements match {query!r}"))
        sys.exit(EXIT_REJECTED)
    for rank, hit in enumerate(hits, start=offset + 1):
        out.print(
            Text.assemble(
                (f"{rank:>3}. ", "bold"),
                (hit.source, "cyan"),
                f" · {hit.date or 'undated'} · ",
                (hit.title, "bold"),
                (f"  [article {hit.article_id} #{hit.seq}]", "dim"),
            )
        )
        body = Text("     " + hit.text)
        for start, end in hit.highlights:
            body.stylize("bold reverse", start + 5, end + 5)
        out.print(body)
    out.print(Text(f"{len(hits)} of {total} shown", style="dim"))


# --- stats, articles, show ------------------------------------------------------------------


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_cli
def stats(cli: CliContext, as_json: bool) -> None:
    """Counts of sources, articles, statements, quotes, numbers, matches, claims, stories."""
    data = queries.stats(cli.db())
    if as_json:
        emit_json(data)
        return
    out = _console()
    width = max(len(k) for k in data)
    for key, value in data.items():
        if key == "by_source":
            continue
        out.print(Text(f"{key.replace('_', ' '):<{width}}  {value}"))
    if data["by_source"]:
        out.print(Text("\nby source:", style="bold"))
        for src in data["by_source"]:
            out.print(
                Text(
                    f"  {src['name']:<24} {src['articles']:>7} articles"
                    f"  {src['first_date'] or ''} … {src['last_date'] or ''}"
                )
            )


@main.command()
@date_options
@click.option("--story", "story_id", type=int, help="Only articles of this story.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1))
@click.option("--offset", default=0, type=click.IntRange(0))
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_cli
def articles(
    cli: CliContext,
    source: str | None,
    since: str | None,
    until: str | None,
    story_id: int | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """List articles, newest first."""
    filt = queries.ArticleFilter(source=source, since=since, until=until, story_id=story_id)
    db = cli.db()
    rows = queries.list_articles(db, filt, limit=limit, offset=offset)
    if as_json:
        emit_json({"total": queries.count_articles(db, filt), "articles": rows})
        return
    out = _console()
    for row in rows:
        out.print(
            Text.assemble(
                (f"{row['id']:>6} ", "bold"),
                (f"{row['source'][:16]:<16} ", "cyan"),
                f"{(row['date'] or 'undated')[:10]:<10} ",
                (f"{row['statements']:>4} st  ", "dim"),
                row["title"],
            )
        )


@main.command()
@click.argument("article_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON (article and statements).")
@pass_cli
def show(cli: CliContext, article_id: int, as_json: bool) -> None:
    """Print an article as plain text, one numbered statement per line."""
    db = cli.db()
    article = queries.get_article(db, article_id)
    if article is None:
        raise click.ClickException(f"no article with id {article_id}")
    statements = queries.article_statements(db, article_id)
    if as_json:
        emit_json({"article": article, "statements": statements})
        return
    out = _console()
    out.print(
        Text(f"article {article['id']} · {article['source']} · {article['date'] or 'undated'}")
    )
    out.print(Text(article["title"], style="bold"))
    if article["url"] or article["path"]:
        out.print(Text(article["url"] or article["path"], style="dim"))
    out.print()
    for st in statements:
        kind = "" if st["kind"] == "sentence" else f"({st['kind']}) "
        out.print(Text.assemble((f"[{st['seq']}] ", "bold"), (kind, "dim"), st["text"]))
        for q in st["quotes"]:
            who = f" — {q['speaker']}" if q["speaker"] else ""
            out.print(Text(f'      quote: "{q["text"]}"{who}', style="green"))
        for n in st["numbers"]:
            extra = " ".join(x for x in (n["unit"], n["qualifier"]) if x)
            out.print(
                Text(f"      number: {n['raw']} = {n['value']:g} {extra}".rstrip(), style="magenta")
            )
        if st["speaker"] and not st["quotes"]:
            out.print(Text(f"      speaker: {st['speaker']}", style="green"))


# The other command groups live beside this module, one per area; they import
# ``main``'s helpers, so they are registered once ``main`` exists.
from tui import cli_browse, cli_check, cli_matching  # noqa: E402

cli_browse.register(main)  # browse, demo
cli_check.register(main)  # check
cli_matching.register(main)  # match, matches, claims, stories, pairs
