"""``claimlens search``: statements ranked by bm25, or fuzzy quotes.

A module of its own because it is the command people run most and expect at once:
it imports the word search and nothing else of the database layer (the fuzzy quote
search when asked for), and reads through
a plain read-only ``sqlite3`` connection (:meth:`CliContext.reader`), without sqlite-utils.
"""

from __future__ import annotations

import sys

import click

from db.connection import snapshot
from db.search import QueryError, operator_hint, search_counted
from db.showable import Showable
from tui.cli.common import (
    EXIT_REJECTED,
    CliContext,
    clean,
    date_options,
    echo,
    emit_json,
    json_option,
    known_source,
    page_options,
    pass_cli,
    showing,
    styled,
)
from tui.wording import plural, shown_date, statement_name


class SearchCommand(click.Command):
    """``search``, whose query may start with ``-`` (``-trump`` leaves a word out): a
    query word click reads as an unknown option is said so, with the ``--`` that keeps
    it a query, rather than click's "No such option '-t'"."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, list(args))
        except click.NoSuchOption as exc:
            if exc.option_name.startswith("--"):
                raise  # a mistyped long option (--limt): click's own message and hints
            raise click.UsageError(_dash_hint(self.get_params(ctx), args), ctx) from None


def _dash_hint(params: list[click.Parameter], args: list[str]) -> str:
    """What to tell someone whose query word starting with ``-`` was read as an option:
    the query they meant, after ``--``."""
    words = _query_words(params, args)
    dashed = next((w for w in words if w.startswith("-")), "-word")
    if all(w.startswith("-") for w in words):
        words = ["WORD", *words]
        how = "put the query after --, with a word to include"
    else:
        how = "put the query after --"
    import shlex  # here: only this error needs it (~0.3 ms of every search's start-up)

    query = shlex.quote(" ".join(words))
    return clean(
        f"{dashed} reads as an option; to leave a word out, {how}: claimlens search -- {query}"
    )


def _query_words(params: list[click.Parameter], args: list[str]) -> list[str]:
    """The words of ``args`` that are not the command's options (nor their values)."""
    takes_value = {
        name: not (param.is_flag or param.count)
        for param in params
        if isinstance(param, click.Option)
        for name in (*param.opts, *param.secondary_opts)
    }
    words: list[str] = []
    rest = iter(args)
    for arg in rest:
        if arg == "--":
            words.extend(rest)
            break
        name, has_value, _ = arg.partition("=")
        if name in takes_value:
            if takes_value[name] and not has_value:
                next(rest, None)  # the option's value
            continue
        words.append(arg)
    return words


@click.command("search", cls=SearchCommand)
@click.argument("query")
@date_options
@page_options(20, most=10_000)
@click.option("--fuzzy", is_flag=True, help="Find misspelled or half-remembered quotes.")
@json_option("Print the hits as JSON.")
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
    db = cli.reader()
    try:
        if fuzzy:
            # Imported here: rapidfuzz costs a word search's start-up ~15 ms.
            from db.fuzzy_search import fuzzy_search_counted

            with snapshot(db):  # its reads see one state of the database, read once
                hits, total = fuzzy_search_counted(
                    db, query, source=source, since=since, until=until, limit=limit, offset=offset
                )
        else:  # search_counted reads the hits and their total in one snapshot itself
            hits, total = search_counted(
                db, query, source=source, since=since, until=until, limit=limit, offset=offset
            )
    except QueryError as exc:
        raise click.UsageError(str(exc)) from exc
    if not hits:
        known_source(db, source)
    if as_json:
        emit_json(
            {
                "query": query,
                "total": total,
                "limit": limit,
                "offset": offset,
                "hits": [h.as_dict() for h in hits],
            }
        )
        return
    if not hits and total and offset:  # the query matches: only not at this offset
        echo(showing(0, offset, total) or "", style="dim")
        return
    hint = None if fuzzy else operator_hint(query)  # a fuzzy quote has no operators
    if not hits:
        echo(f"no statements match {query!r}" + (f" ({hint})" if hint else ""))
        sys.exit(EXIT_REJECTED)
    for rank, hit in enumerate(hits, start=offset + 1):
        echo(
            styled(
                (f"{rank:>3}. ", "bold"),
                (hit.source, "cyan"),
                f" · {shown_date(hit.date)} · ",
                (hit.title, "bold"),
                (f"  [{statement_name(hit.article_id, hit.seq)}]", "dim"),
            )
        )
        # The text as printed (its bidi controls left out), the matched words' offsets moved
        # with it: cleaned after them, the highlight fell a character early for each.
        safe = Showable(hit.text)
        body = styled("     " + safe.text)
        for start, end in hit.highlights:
            shown_start, shown_end = safe.span(start, end)
            body.stylize("bold reverse", shown_start + 5, shown_end + 5)
        echo(body)
    more = showing(len(hits), offset, total)
    echo(more or f"{plural(total, 'statement')} match", style="dim")
    if hint:  # hits, but not for the operator the query seems to mean ("a NOT b")
        echo(f"note: {hint}", style="dim")
