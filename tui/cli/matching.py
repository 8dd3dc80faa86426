"""Matching commands: ``match``, ``matches``, ``claims``, ``stories``, ``pairs``.

JSON outputs (``--json``), stable keys:

* ``claimlens match --json``: ``{mode, statements, indexed, candidates, same,
  conflict, claims, stories, seconds, timings}`` (see :class:`db.matching.MatchReport`).
* ``claimlens matches --json``: a list of ``{score, relation, diffs, a, b}``; ``a``
  and ``b`` are ``{statement_id, text, article_id, title, source, date, speaker}``;
  ``diffs`` is a list of ``{a, b, a_value, b_value, unit, a_qualifier, b_qualifier}``
  (``a`` = how statement ``a`` words the number). With ``--article``, ``a`` is the
  statement of that article.
* ``claimlens claims --json``: a list of ``{id, n_sources, n_statements,
  has_conflict, first_date, first_source, first_statement_id, text}``; with
  ``--id N``, one claim in detail: ``{id, first_statement_id, first_date,
  first_source, first_article_id, n_sources, n_statements, has_conflict, sources:
  [{source, statements: [{id, text, article_id, title, date, speaker, kind}]}],
  numbers: [{unit, values: [{value, raw, sources, statement_ids}]}], speakers:
  [{speaker, sources}]}``.
* ``claimlens stories --json``: a list of ``{id, title, first_date, n_articles,
  n_sources}``; with ``--id N``: ``{story, articles: [{id, title, source, date, url,
  n_statements, n_matched}]}``.
* ``claimlens pairs FILE``: no JSON; each input line with ``\\tSCORE\\tRELATION``
  appended.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

import click

from tui.cli.common import CliContext, emit_json, pass_cli

F = TypeVar("F", bound=Callable[..., Any])


def _options(*options: Callable[[F], F]) -> Callable[[F], F]:
    """One decorator applying ``options`` in the order written (as ``--help`` lists them)."""

    def decorate(func: F) -> F:
        for option in reversed(options):
            func = option(func)
        return func

    return decorate


def page_options(*first: Callable[[F], F]) -> Callable[[F], F]:
    """``first``, then the options every listing shares: ``--limit``, ``--offset``, ``--json``."""
    return _options(
        *first,
        click.option("--limit", type=int, default=50, show_default=True),
        click.option("--offset", type=int, default=0),
        click.option("--json", "as_json", is_flag=True),
    )


@dataclass(frozen=True)
class Listing:
    """What ``claims`` and ``stories`` were asked for: one item by id, or a page of them."""

    item_id: int | None
    min_sources: int
    limit: int
    offset: int
    as_json: bool

    def page(self) -> dict[str, int]:
        """The arguments of ``list_claims`` / ``list_stories``."""
        return {"limit": self.limit, "offset": self.offset, "min_sources": self.min_sources}


def listing_options(id_help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The options of ``claims`` and ``stories``, handed to the command as one ``Listing``."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def run(*args: Any, **options: Any) -> Any:
            return func(*args, Listing(**options))

        return page_options(
            click.option("--id", "item_id", type=int, default=None, help=id_help),
            click.option("--min-sources", type=int, default=2, show_default=True),
        )(run)

    return decorate


def _echo_rows(
    rows: list[dict[str, Any]],
    as_json: bool,
    what: str,
    lines: Callable[[dict[str, Any]], Iterable[str]],
) -> None:
    """A listing as JSON, or each row's lines, or a hint when matching has found nothing."""
    if as_json:
        emit_json(rows)
        return
    if not rows:
        click.echo(f"no {what} (run `claimlens match`?)")
        return
    for row in rows:
        for line in lines(row):
            click.echo(line)


@click.command("match")
@click.option("--window", "window_days", type=int, default=None, help="days (default 7)")
@click.option("--json", "as_json", is_flag=True, help="print the report as JSON")
@pass_cli
def match_cmd(cli: CliContext, window_days: int | None, as_json: bool) -> None:
    """Re-run cross-source matching on the whole database (matches, claims, stories)."""
    from db.matching import DEFAULT_WINDOW_DAYS, match_all

    db = cli.db()
    stages: dict[str, int] = {}

    def progress(stage: str, done: int, total: int) -> None:
        if as_json or not sys.stderr.isatty():
            return
        pct = 100 * done // max(1, total)
        if stages.get(stage) != pct:
            stages[stage] = pct
            click.echo(f"\r{stage}: {pct:3d}% ({done:,}/{total:,})", err=True, nl=False)

    report = match_all(db, window_days=window_days or DEFAULT_WINDOW_DAYS, progress=progress)
    if stages:
        click.echo("", err=True)
    if as_json:
        emit_json(report.as_dict())
        return
    click.echo(
        f"{report.statements:,} statements, {report.candidates:,} candidate pairs scored:"
        f" {report.same:,} same, {report.conflict:,} conflicts;"
        f" {report.claims:,} claims, {report.stories:,} stories ({report.seconds:.1f}s)"
    )


def _fmt_side(side: dict[str, Any]) -> str:
    date = side["date"] or "undated"
    return f"[{side['source']}, {date}, #{side['statement_id']}] {side['text']}"


@click.command("matches")
@page_options(
    click.option("--article", "article_id", type=int, default=None, help="only this article's"),
    click.option("--relation", type=click.Choice(["same", "conflict"]), default=None),
)
@pass_cli
def matches_cmd(
    cli: CliContext,
    article_id: int | None,
    relation: str | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """Matched statement pairs across sources, best first."""
    from db.match_reads import list_matches

    rows = list_matches(
        cli.db(), article_id=article_id, relation=relation, limit=limit, offset=offset
    )
    _echo_rows(rows, as_json, "matches", _match_lines)


def _match_lines(m: dict[str, Any]) -> list[str]:
    head = f"{m['score']:5.1f} {m['relation']}"
    if m["diffs"]:
        head += "  " + "; ".join(f"{d['a']} vs {d['b']}" for d in m["diffs"])
    return [head, "  A " + _fmt_side(m["a"]), "  B " + _fmt_side(m["b"])]


@click.command("claims")
@listing_options("one claim in detail")
@pass_cli
def claims_cmd(cli: CliContext, listing: Listing) -> None:
    """Claims reported by several sources: first seen, and where numbers differ."""
    from db.claims import claim_detail, list_claims

    db = cli.db()
    if listing.item_id is None:
        _echo_rows(list_claims(db, **listing.page()), listing.as_json, "claims", _claim_lines)
        return
    detail = _found(claim_detail(db, listing.item_id), f"no claim {listing.item_id}")
    if listing.as_json:
        emit_json(detail)
    else:
        _echo_claim(detail)


def _found(item: dict[str, Any] | None, missing: str) -> dict[str, Any]:
    if item is None:
        raise click.ClickException(missing)
    return item


def _claim_lines(c: dict[str, Any]) -> list[str]:
    flag = " CONFLICT" if c["has_conflict"] else ""
    return [
        f"#{c['id']} {c['n_sources']} sources, first {c['first_date'] or 'undated'}"
        f" ({c['first_source']}){flag}: {c['text']}"
    ]


def _echo_claim(detail: dict[str, Any]) -> None:
    click.echo(
        f"claim {detail['id']}: {detail['n_sources']} sources, {detail['n_statements']}"
        f" statements; first seen {detail['first_date'] or 'undated'} in"
        f" {detail['first_source']}" + ("  CONFLICT" if detail["has_conflict"] else "")
    )
    for group in detail["sources"]:
        for st in group["statements"]:
            click.echo(f"  [{group['source']}, {st['date'] or 'undated'}] {st['text']}")
    for num in detail["numbers"]:
        if len(num["values"]) > 1:
            vals = ", ".join(
                f"{'/'.join(v['raw'])} ({', '.join(v['sources'])})" for v in num["values"]
            )
            click.echo(f"  numbers ({num['unit'] or 'count'}): {vals}")


@click.command("stories")
@listing_options("one story's articles")
@pass_cli
def stories_cmd(cli: CliContext, listing: Listing) -> None:
    """Stories: articles of several outlets about the same event."""
    from db.stories import get_story, list_stories, story_articles

    db = cli.db()
    if listing.item_id is None:
        _echo_rows(list_stories(db, **listing.page()), listing.as_json, "stories", _story_lines)
        return
    story = _found(get_story(db, listing.item_id), f"no story {listing.item_id}")
    arts = story_articles(db, listing.item_id)
    if listing.as_json:
        emit_json({"story": story, "articles": arts})
        return
    click.echo(f"story {story['id']}: {story['title']}")
    for a in arts:
        click.echo(
            f"  #{a['id']} [{a['source']}, {a['date'] or 'undated'}] {a['title']}"
            f" ({a['n_matched']}/{a['n_statements']} statements matched)"
        )


def _story_lines(s: dict[str, Any]) -> list[str]:
    return [
        f"#{s['id']} {s['first_date'] or 'undated'} {s['n_sources']} sources,"
        f" {s['n_articles']} articles: {s['title']}"
    ]


@click.command("pairs")
@click.argument("file", type=click.File("r", encoding="utf-8-sig"))
def pairs_cmd(file: Any) -> None:
    """Score statement pairs from a TSV file: its last two columns are the statements.

    Prints every line with two more tab-separated columns: the score (0-100) and
    the relation (same, conflict, different). A first line whose first column is
    "Quality" (MRPC's header) is skipped. Streams: output follows input line by line.
    """
    from db.matcher import compare_texts

    out = sys.stdout
    for n, line in enumerate(file):
        line = line.rstrip("\r\n")
        cols = line.split("\t")
        if n == 0 and cols[0].strip() == "Quality":
            continue
        if len(cols) < 2:
            out.write(f"{line}\t\t\n")
            continue
        result = compare_texts(cols[-2], cols[-1])
        out.write(f"{line}\t{result.score:.1f}\t{result.relation}\n")
