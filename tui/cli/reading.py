"""Reading commands: ``search``, ``stats``, ``articles``, ``show``."""

from __future__ import annotations

import sys

import click
from rich.text import Text

from db.articles import (
    ArticleFilter,
    article_statements,
    count_articles,
    get_article,
    list_articles,
)
from db.search import QueryError, count, search
from db.stats import database_stats
from tui.cli.common import EXIT_REJECTED, CliContext, console, date_options, emit_json, pass_cli


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
    out = console()
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


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
@pass_cli
def stats(cli: CliContext, as_json: bool) -> None:
    """Counts of sources, articles, statements, quotes, numbers, matches, claims, stories."""
    data = database_stats(cli.db())
    if as_json:
        emit_json(data)
        return
    out = console()
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
    if as_json:
        emit_json({"total": count_articles(db, filt), "articles": rows})
        return
    out = console()
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
    out = console()
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
