"""Reading commands: ``search``, ``stats``, ``articles``, ``show``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from db.articles import (
    ArticleFilter,
    article_statements,
    count_articles,
    get_article,
    list_articles,
    source_names,
)
from db.search import QueryError, count, fuzzy_search, search
from db.stats import database_stats
from tui.cli.common import (
    EXIT_REJECTED,
    CliContext,
    date_options,
    echo,
    emit_json,
    pass_cli,
    plural,
    showing,
    styled,
)

if TYPE_CHECKING:
    import sqlite_utils


@click.command("search")
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
    if not hits:
        known_source(db, source)
    if as_json:
        emit_json({"query": query, "total": total, "hits": [h.as_dict() for h in hits]})
        return
    if not hits:
        echo(f"no statements match {query!r}")
        sys.exit(EXIT_REJECTED)
    for rank, hit in enumerate(hits, start=offset + 1):
        echo(
            styled(
                (f"{rank:>3}. ", "bold"),
                (hit.source, "cyan"),
                f" · {hit.date or 'undated'} · ",
                (hit.title, "bold"),
                (f"  [article {hit.article_id} · {hit.seq}]", "dim"),
            )
        )
        body = styled("     " + hit.text)
        for start, end in hit.highlights:
            body.stylize("bold reverse", start + 5, end + 5)
        echo(body)
    echo(f"{len(hits)} of {total:,} shown", style="dim")


def known_source(db: sqlite_utils.Database, source: str | None) -> None:
    """Exit 2 naming the closest sources when ``--source`` names none (case-insensitive):
    "no statements match" would blame the query for a typo in the source."""
    if source is None:
        return
    names = source_names(db)
    if source.casefold() in {n.casefold() for n in names}:
        return
    from rapidfuzz import fuzz, process, utils

    close = process.extract(
        source,
        names,
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        limit=3,
        score_cutoff=60,
    )
    hint = f"; closest: {', '.join(name for name, _score, _i in close)}" if close else ""
    known = "" if close else f" (sources: {', '.join(names[:10]) or 'none yet'})"
    raise click.BadParameter(f"no source is named {source!r}{hint}{known}", param_hint="--source")


# --- stats, articles, show ------------------------------------------------------------------


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_cli
def stats(cli: CliContext, as_json: bool) -> None:
    """Counts of sources, articles, statements, quotes, numbers, matches, claims, stories."""
    data = database_stats(cli.db())
    if as_json:
        emit_json(data)
        return
    width = max(len(k) for k in data)
    for key, value in data.items():
        if key == "by_source":
            continue
        shown = f"{value:,}" if isinstance(value, int) and key != "schema_version" else value
        echo(f"{key.replace('_', ' '):<{width}}  {shown}")
    if data["by_source"]:
        echo()
        echo("by source:", style="bold")
        for src in data["by_source"]:
            echo(
                f"  {src['name']:<24} {plural(src['articles'], 'article'):>14}"
                f"  {src['first_date'] or ''} … {src['last_date'] or ''}"
            )


@click.command()
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
    filt = ArticleFilter(source=source, since=since, until=until, story_id=story_id)
    db = cli.db()
    rows = list_articles(db, filt, limit=limit, offset=offset)
    total = count_articles(db, filt) if rows or offset else 0
    if not rows:
        known_source(db, source)
    if as_json:
        emit_json({"total": total, "limit": limit, "offset": offset, "articles": rows})
        return
    for row in rows:
        echo(
            styled(
                (f"{row['id']:>6} ", "bold"),
                (f"{row['source'][:16]:<16} ", "cyan"),
                f"{(row['date'] or 'undated')[:10]:<10} ",
                (f"{row['statements']:>4} st  ", "dim"),
                row["title"],
            )
        )
    if not rows and not offset:
        echo("no articles" + (" match these filters" if filt != ArticleFilter() else ""))
    more = showing(len(rows), offset, total)
    if more:
        echo(more, style="dim")


@click.command()
@click.argument("article_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print as JSON (article and statements).")
@pass_cli
def show(cli: CliContext, article_id: int, as_json: bool) -> None:
    """Print an article as plain text, one numbered statement per line."""
    db = cli.db()
    article = get_article(db, article_id)
    if article is None:
        raise click.ClickException(f"no article with id {article_id}")
    statements = article_statements(db, article_id)
    if as_json:
        emit_json({"article": article, "statements": statements})
        return
    echo(f"article {article['id']} · {article['source']} · {article['date'] or 'undated'}")
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
