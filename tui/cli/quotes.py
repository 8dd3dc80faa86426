"""The ``quotes`` command: who said what, and which other outlets carry the same words."""

from __future__ import annotations

import sys

import click

from db.quote_reads import QuoteFilter, list_quotes
from tui.cli.common import (
    EXIT_REJECTED,
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
)
from tui.wording import shown_date


@click.command("quotes")
@click.option("--speaker", help='Only quotes of this speaker: a name ("Umerov") or "officials".')
@date_options
@page_options(20, most=10_000)
@json_option("Print the quotes as JSON.")
@pass_cli
def quotes_cmd(
    cli: CliContext,
    speaker: str | None,
    source: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """Quotes with their speakers, newest first, and the other outlets carrying each."""
    db = cli.db(reading=True)
    flt = QuoteFilter(speaker=speaker, source=source, since=since, until=until)
    quotes, total = list_quotes(db, flt, limit=limit, offset=offset)
    if not quotes:
        known_source(db, source)
    if as_json:
        emit_json(
            {
                "total": total,
                "limit": limit,
                "offset": offset,
                "quotes": [q.as_dict() for q in quotes],
            }
        )
        return
    if not quotes and total:  # there are some: only not at this offset
        echo_showing(0, offset, total)
        return
    if not quotes:
        echo("no quotes" + (f" of {speaker!r}" if speaker else ""))
        sys.exit(EXIT_REJECTED)
    for q in quotes:
        who, kind = speaker_label(q.speaker, q.speaker_kind)
        echo(
            styled(
                (who, "bold"),
                (kind, "dim"),
                " · ",
                (q.source, "cyan"),
                f" · {shown_date(q.date)}",
                (f"  [article {q.article_id}]", "dim"),
            )
        )
        echo(styled("    “", (q.text, "green"), "”"))
        if q.also_in:
            outlets = ", ".join(f"{o['source']} (article {o['article_id']})" for o in q.also_in)
            echo(styled(("    also in: ", "dim"), outlets))
    echo_showing(len(quotes), offset, total)


def speaker_label(speaker: str | None, kind: str | None) -> tuple[str, str]:
    """A quote's speaker as listed, and how it was found (`` (pronoun)``, dim after it;
    nothing for a name): each said once, so an unresolved pronoun is
    ``(unresolved pronoun)``, not that and ``(unresolved)`` too."""
    how = "" if kind in (None, "named") else f" ({kind})"
    if speaker:
        return speaker, how
    if kind == "unresolved":
        return "(unresolved pronoun)", ""
    return "—", how
