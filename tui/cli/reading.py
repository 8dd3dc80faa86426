"""Reading commands: ``stats``, ``articles``, ``show`` (``search`` has a module of its own)."""

from __future__ import annotations

import sys
from typing import Any

import click

from db.articles import (
    ArticleFilter,
    article_statements,
    count_articles,
    get_article,
    list_articles,
)
from db.input_offsets import add_input_offsets
from db.stats import database_stats
from tui.cli.common import (
    REGROUP_DUE,
    CliContext,
    date_options,
    echo,
    echo_showing,
    emit_json,
    json_option,
    known_source,
    page_options,
    pass_cli,
    styled,
    utc_timestamp,
)
from tui.wording import cell_width, fit_cells, plural, shown_date

# --- stats, articles, show ------------------------------------------------------------------


@click.command()
@json_option("Print as JSON.")
@pass_cli
def stats(cli: CliContext, as_json: bool) -> None:
    """Counts of sources, articles, statements, quotes, numbers, matches, claims, stories.

    matches: same and conflict (what claims are made of); related_matches apart, as in
    check --json's counts. Of the same ones, same_in_one_claim count (✓: both statements
    in one claim) and same_apart are listed apart (two claims, or one in none)."""
    data = database_stats(cli.db(reading=True))
    if as_json:
        emit_json(data)
        return
    width = max(len(_stats_label(k)) for k in data)
    for key, value in data.items():
        if key in ("by_source", "regroup_due"):
            continue
        if key in ("first_date", "last_date"):
            shown = shown_date(value, "-")
        else:
            shown = f"{value:,}" if isinstance(value, int) and key != "schema_version" else value
        echo(f"{_stats_label(key):<{width}}  {shown}")
    if data["regroup_due"]:
        echo(REGROUP_DUE, style="bold")
    if data["by_source"]:
        echo()
        echo("by source:", style="bold")
        for line in source_lines(data["by_source"]):
            echo(line)


# Lines of `stats` worded apart from their key: the same pairs, under `matches`, said as
# the list and the claim panel count them (no wider than "expected schema version", so
# the column of figures stays where scripts and the tests read it).
_STATS_LABELS = {
    "same_in_one_claim": "  same, one claim (✓)",
    "same_apart": "  same, apart (no ✓)",
}


def _stats_label(key: str) -> str:
    return _STATS_LABELS.get(key, key.replace("_", " "))


# The most terminal cells a source's name takes in `stats` (a longer one is cut, with "…").
SOURCE_WIDTH = 32


def source_lines(by_source: list[dict[str, Any]]) -> list[str]:
    """``stats``' lines of sources: name, articles, first and last date, in columns as
    wide as their widest value (a name up to :data:`SOURCE_WIDTH` cells). Names are cut
    and padded by terminal cells, as the browser's article list cuts them (a CJK or
    emoji character takes two), so a wide name does not push the columns out of line."""
    name_width = min(SOURCE_WIDTH, max(cell_width(src["name"]) for src in by_source))
    names = [fit_cells(src["name"], name_width) for src in by_source]
    counts = [plural(src["articles"], "article") for src in by_source]
    count_width = max(map(len, counts))
    return [
        f"  {name}  {count:>{count_width}}  {_date_range(src['first_date'], src['last_date'])}"
        for name, count, src in zip(names, counts, by_source, strict=True)
    ]


def _date_range(first: str | None, last: str | None) -> str:
    """A source's dates in ``stats``: ``2024-11-05 … 2024-11-06``, or ``undated`` for a
    source none of whose articles has a date (not a bare "…" between two blanks)."""
    if not first and not last:
        return "undated"
    return f"{shown_date(first, '')} … {shown_date(last, '')}"


@click.command()
@date_options
@click.option("--story", "story_id", type=int, help="Only articles of this story.")
@page_options(50)
@json_option("Print as JSON.")
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
    filt = ArticleFilter(source=source, since=since, until=until, story_id=story_id)
    db = cli.db(reading=True)
    rows = list_articles(db, filt, limit=limit, offset=offset)
    total = count_articles(db, filt) if rows or offset else 0
    if not rows:
        known_source(db, source)
    if as_json:
        emit_json({"total": total, "limit": limit, "offset": offset, "articles": rows})
        return
    width = _terminal_width()
    for row in rows:
        title = row["title"] or ""
        if width is not None and cell_width(title) > width - _BEFORE_TITLE:
            # On a terminal a row is one line (a wrapped headline broke the columns at 80);
            # a pipe gets it whole. `show N` prints it whole.
            title = fit_cells(title, max(width - _BEFORE_TITLE, 12))
        echo(
            styled(
                (f"{row['id']:>6} ", "bold"),
                (f"{fit_cells(row['source'], 16)} ", "cyan"),
                f"{shown_date(row['date']):<10} ",
                (f"{row['statements']:>4} st  ", "dim"),
                title,
            )
        )
    if not rows and not offset:
        echo("no articles" + (" match these filters" if filt != ArticleFilter() else ""))
    echo_showing(len(rows), offset, total)


# The cells of an `articles` row before its headline: id, source, date, statements.
_BEFORE_TITLE = 7 + 17 + 11 + 9


def _terminal_width() -> int | None:
    """The terminal's width when stdout is one (else None: a pipe or a file), less the
    last column, where a full line would wrap on some terminals."""
    if not sys.stdout.isatty():
        return None
    from tui.cli.root import terminal_columns

    return terminal_columns() - 1


@click.command()
@click.argument("article_id", type=int)
@json_option(
    "Print as JSON (article and statements, with offsets into the stored text and the input)."
)
@pass_cli
def show(cli: CliContext, article_id: int, as_json: bool) -> None:
    """Print an article as plain text, one numbered statement per line."""
    db = cli.db(reading=True)
    article = get_article(db, article_id)
    if article is None:
        raise click.ClickException(f"no article with id {article_id}")
    statements = article_statements(db, article_id)
    if as_json:
        article["ingested_at"] = utc_timestamp(article["ingested_at"])
        article["input"] = add_input_offsets(db, article_id, statements)
        emit_json({"article": article, "statements": statements})
        return
    echo(f"article {article['id']} · {article['source']} · {shown_date(article['date'])}")
    echo(article["title"], style="bold")
    if article["url"] or article["path"]:
        echo(article["url"] or article["path"], style="dim")
    echo()
    for st in statements:
        kind = "" if st["kind"] == "sentence" else f"({st['kind']}) "
        echo(styled((f"[{st['seq']}] ", "bold"), (kind, "dim"), st["text"]))
        for q in st["quotes"]:
            who = f" — {q['speaker']}" if q["speaker"] else ""
            echo(f'      quote: "{q["text"]}"{who}', style="green")
        for n in st["numbers"]:
            extra = " ".join(x for x in (n["unit"], n["qualifier"]) if x)
            echo(f"      number: {n['raw']} = {n['value']:g} {extra}".rstrip(), style="magenta")
        if st["speaker"] and not st["quotes"]:
            echo(f"      speaker: {st['speaker']}", style="green")
