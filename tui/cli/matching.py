"""Matching commands: ``match``, ``regroup``, ``matches``, ``claims``, ``stories``, ``pairs``.

JSON outputs (``--json``), stable keys:

* ``claimlens match --json``: ``{mode, statements, indexed, candidates, same,
  conflict, related, claims, stories, seconds, timings}`` (see :class:`db.matching.MatchReport`);
  with ``--pending`` and nothing pending, ``{mode: "pending", statements: 0}``.
* ``claimlens regroup --json``: ``{regrouped, claims, stories, seconds, timings}``
  (``{regrouped: false}`` when no regroup was due).
* ``claimlens matches --json``: ``{total, limit, offset, matches}``; each match is
  ``{score, relation, diffs, evidence, a, b}``; ``a`` and ``b`` are ``{statement_id,
  text, article_id, title, source, date, speaker, seq, claim_id}``; ``diffs`` is a
  list of ``{a, b, a_value, b_value, unit, a_qualifier, b_qualifier}`` (``a`` = how
  statement ``a`` words the number); ``evidence`` is ``{names, numbers, quote,
  speaker, differs, summary}`` told from ``a``'s side (:mod:`db.match_evidence`).
  Same and conflict by default; ``--relation`` selects (repeatable; ``related``: the same
  event, another claim). With ``--article``, ``a`` is the statement of that article.
* ``claimlens claims --json``: ``{total, limit, offset, claims}``; each claim is
  ``{id, n_sources, n_statements, has_conflict, first_date, first_source,
  first_sources, first_statement_id, text}`` (``first_sources``: every source as
  early as the first, by name; ``first_source``: the first statement's, one of them);
  with ``--id N``, one claim in detail: ``{id, first_statement_id, first_date,
  first_source, first_sources, first_article_id, n_sources,
  n_statements, has_conflict, sources: [{source, statements: [{id, text, article_id,
  title, date, speaker, kind}]}], numbers: [{unit, values: [{value, raw, sources,
  statement_ids}]}], speakers: [{speaker, sources}]}``.
* ``claimlens stories --json``: ``{total, limit, offset, stories}``; each story is
  ``{id, title, first_date, n_articles, n_sources, first_seen, outlets, articles,
  claims, conflicts, blindspot}`` (:func:`db.story_reads.story_view`: ``articles``
  ``[{id, title, source, date, url, n_statements, n_matched}]``, ``claims`` ``[{id,
  text, n_outlets, outlets, n_sources, has_conflict}]``, ``conflicts`` ``[{claim_id,
  score, diff, a, b}]``, ``blindspot`` ``{days, missing_sources, only_one_outlet}``);
  ``total`` counts the stories of at least ``--min-sources``; ``regroup_due``: true
  while a schema upgrade's regroup is due (the stories are grouped as before it). With ``--id N``:
  ``{story: {id, title, first_date, n_articles, n_sources}, first_seen, outlets,
  articles, claims, conflicts, blindspot}``.
* ``claimlens pairs FILE``: no JSON; each input line (control characters and bidi
  controls left out) with ``\\tSCORE\\tRELATION`` appended.
"""

from __future__ import annotations

import functools
import os
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import click

from db.claims import CLAIM_RELATIONS, claim_detail, count_claims, list_claims
from db.formats import BadInput, text_stream
from db.ingest import clean_again_if_due, match_pending
from db.match_evidence import pairs_with_evidence
from db.match_reads import count_matches, list_matches
from db.matcher import compare_texts
from db.matching import DEFAULT_WINDOW_DAYS, MatchReport, match_all
from db.regroup import RegroupReport, regroup
from db.statements_again import read_statements_again
from db.stats import corpus_state
from db.story_reads import (
    blindspot_shown,
    count_stories,
    list_stories,
    story_view,
)
from db.upgrade import regroup_due
from tui.cli.common import (
    EXIT_INTERRUPTED,
    EXIT_REJECTED,
    REGROUP_DUE,
    CliContext,
    clean,
    echo,
    emit_json,
    json_option,
    match_summary,
    pass_cli,
    say_waiting,
    showing,
)
from tui.cli.common import page_options as shared_page_options
from tui.wording import (
    first_seen,
    more_sources,
    plural,
    shown_date,
    statement_name,
    values_apart,
    why_matched,
)

if TYPE_CHECKING:
    import sqlite_utils

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
        shared_page_options(50),
        json_option("Print as JSON."),
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
            click.option(
                "--min-sources",
                type=click.IntRange(1),
                default=2,
                show_default=True,
                help="Only those of at least this many sources.",
            ),
        )(run)

    return decorate


@dataclass(frozen=True)
class Page:
    """One page of a listing: its rows, where it starts, and how many there are in all."""

    what: str  # the plural noun, also the JSON key of the rows
    rows: list[dict[str, Any]]
    total: int
    limit: int
    offset: int

    def as_dict(self) -> dict[str, Any]:
        where = {"total": self.total, "limit": self.limit, "offset": self.offset}
        return {**where, self.what: self.rows}


def _why_empty(db: sqlite_utils.Database) -> str:
    """Why a listing of matches, claims or stories is empty, and what to do."""
    state = corpus_state(db)
    if not state["articles"]:
        return "the database has no articles yet (`claimlens ingest PATH`)"
    if state["unmatched_articles"]:
        n = state["unmatched_articles"]
        waits = "waits" if n == 1 else "wait"
        return f"{plural(n, 'article')} {waits} for matching (`claimlens match --pending`)"
    if len(state["sources"]) == 1:
        return (
            f"every article is from one source ({state['sources'][0]}), and matches, claims"
            " and stories are across sources: ingest each outlet's files with --source NAME"
        )
    return "no two sources were found telling the same thing"


def _none_so_large(page: Page, min_sources: int, fewer: int) -> bool:
    """Say so when ``--min-sources`` left nothing of what there is (``fewer``: how many
    have fewer sources); False when there is nothing to say that of."""
    if page.total or not fewer:
        return False
    echo(f"no {page.what} with {min_sources} or more sources ({fewer:,} with fewer)")
    return True


def _echo_page(
    page: Page,
    as_json: bool,
    lines: Callable[[dict[str, Any]], Iterable[str]],
    why_empty: Callable[[], str],
) -> None:
    """A listing as JSON, or each row's lines and how much is not shown, or why it is
    empty (``why_empty``, asked only then)."""
    if as_json:
        emit_json(page.as_dict())
        return
    if page.total == 0:
        echo(f"no {page.what}: {why_empty()}")
        return
    for row in page.rows:
        for line in lines(row):
            echo(line)
    more = showing(len(page.rows), page.offset, page.total)
    if more:
        echo(more, style="dim")


@click.command("match")
@click.option(
    "--window",
    "window_days",
    type=click.IntRange(0),
    default=DEFAULT_WINDOW_DAYS,
    show_default=True,
    help="Compare statements of articles at most this many days apart (0: the same day only).",
)
@click.option(
    "--pending",
    is_flag=True,
    help="Only the articles not matched yet (left by --no-match or an interrupted ingest).",
)
@json_option("Print the report as JSON.")
@pass_cli
def match_cmd(cli: CliContext, window_days: int, pending: bool, as_json: bool) -> None:
    """Re-run cross-source matching on the whole database (matches, claims, stories)."""
    db = cli.db(create=True)
    if pending:
        _say_regrouping(db, quiet=as_json)
        # The pending articles are matched first (and the speakers a schema step left to
        # read again): the regroup then groups on their matches (db.regroup).
        report: MatchReport | None = match_pending(db)
        # A schema upgrade's regroup, whether or not any article waited.
        _regroup(db, progress=_progress(as_json), quiet=as_json)
        if report is None:
            if as_json:
                emit_json({"mode": "pending", "statements": 0})
            else:
                echo("nothing to match: every article has been matched")
            return
    else:
        # Articles, speakers and numbers a schema step left to store or read again,
        # before matching on them.
        clean_again_if_due(db)
        read_statements_again(db, progress=_progress(as_json))
        report = match_all(db, window_days=window_days, progress=_progress(as_json))
        if report.pending:
            # Articles another process added or replaced while this ran: matched now.
            match_pending(db)
    if as_json:
        emit_json(report.as_dict())
        return
    echo(match_summary(report))
    if not pending and report.pending:
        echo(f"{plural(report.pending, 'article')} added or replaced meanwhile: matched after it")


def _progress(as_json: bool) -> Callable[[str, int, int], None] | None:
    """A percentage per stage on a terminal's stderr, ended by a newline at 100%."""
    if as_json or not sys.stderr.isatty():
        return None
    stages: dict[str, int] = {}

    def progress(stage: str, done: int, total: int) -> None:
        pct = 100 * done // max(1, total)
        if stages.get(stage) != pct:
            stages[stage] = pct
            end = "\n" if pct >= 100 else ""
            sys.stderr.write(f"\r{stage}: {pct:3d}% ({done:,}/{total:,}){end}")
            sys.stderr.flush()

    return progress


@click.command("regroup")
@json_option("Print what was done as JSON.")
@click.option(
    "--progress-lines",
    is_flag=True,
    hidden=True,
    help="One line per step on stdout: the percentage done, or 'wait' (for the browser).",
)
@pass_cli
def regroup_cmd(cli: CliContext, as_json: bool, progress_lines: bool) -> None:
    """Regroup every claim and story if a schema upgrade left it due (the next match does too)."""
    db = cli.db()
    progress = _progress_lines if progress_lines else _progress(as_json)
    try:
        quiet = as_json or progress_lines
        _say_regrouping(db, quiet=quiet)
        report = _regroup_by_matching(db, progress) or _regroup(db, progress=progress, quiet=quiet)
    except KeyboardInterrupt:
        echo("interrupted: nothing changed, the regroup is still due", err=True)
        sys.exit(EXIT_INTERRUPTED)
    if as_json:
        emit_json({"regrouped": report is not None, **(report.as_dict() if report else {})})
    elif report is None:
        echo("nothing to regroup: claims and stories are grouped by this version")
    elif not progress_lines:
        echo(
            f"regrouped: {plural(report.claims, 'claim')},"
            f" {plural(report.stories, 'story')} ({report.seconds:.1f}s)"
        )


def _regroup_by_matching(
    db: sqlite_utils.Database, progress: Callable[[str, int, int], None] | None
) -> RegroupReport | None:
    """When the regroup is due and a schema step left articles to match again (or the
    speakers to read again, whose changed articles then are): those matched first, whose
    match does the regroup from every match as it then stands
    (db.matching.match_articles), as a fresh ingest groups them; its report, or None when
    no match did it."""
    if not regroup_due(db):
        return None
    t0 = time.monotonic()
    matched = match_pending(db, progress=progress)
    if matched is None or regroup_due(db):
        return None  # no statement changed: the regroup is done on its own
    return RegroupReport(matched.claims, matched.stories, time.monotonic() - t0)


def _say_regrouping(db: sqlite_utils.Database, *, quiet: bool) -> None:
    """Say on stderr, unless ``quiet``, that a schema upgrade's regroup is about to run."""
    if regroup_due(db) and not quiet:
        echo("regrouping every claim and story (a schema upgrade left it due; once)…", err=True)


def _regroup(
    db: sqlite_utils.Database, *, progress: Callable[[str, int, int], None] | None, quiet: bool
) -> RegroupReport | None:
    """A schema upgrade's regroup, if due (db.regroup; the caller has said so:
    :func:`_say_regrouping`); ``quiet``: no word of waiting for another writer."""
    if not regroup_due(db):
        return None

    def on_wait() -> None:
        if progress is _progress_lines:
            _progress_lines("wait", 0, 0)
        elif not quiet:
            say_waiting()

    return regroup(db, progress=progress, on_wait=on_wait)


def _progress_lines(stage: str, done: int, total: int) -> None:
    """``--progress-lines``: the percentage done, or ``wait``, one line each, flushed. A
    reader that went away (the browser quit) stops the reports, not the regroup."""
    try:
        echo("wait" if stage == "wait" else str(100 * done // max(1, total)))  # flushed
    except (BrokenPipeError, ValueError):  # ValueError: stdout closed after a broken pipe
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (the process's stdout from now)


def _where(side: dict[str, Any]) -> str:
    return (
        f"[{side['source']}, {shown_date(side['date'])},"
        f" {statement_name(side['article_id'], side['seq'])}] {side['text']}"
    )


@click.command("matches")
@page_options(
    click.option(
        "--article", "article_id", type=int, default=None, help="Only this article's matches."
    ),
    click.option(
        "--relation",
        type=click.Choice(["same", "conflict", "related"]),
        multiple=True,
        help="Only this relation; give it again for more (default: same and conflict;"
        " related = the same event, another claim)",
    ),
)
@pass_cli
def matches_cmd(
    cli: CliContext,
    article_id: int | None,
    relation: tuple[str, ...],
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """Matched statement pairs across sources, best first, with why they match."""
    db = cli.db(reading=True)
    # Each --relation given counts (click kept only the last of several before).
    relations = tuple(dict.fromkeys(relation)) or CLAIM_RELATIONS
    rows = list_matches(db, article_id=article_id, relation=relations, limit=limit, offset=offset)
    rows = pairs_with_evidence(db, rows)
    total = count_matches(db, article_id=article_id, relation=relations)
    page = Page("matches", rows, total, limit, offset)

    def why_empty() -> str:
        filters = [f"--article {article_id}"] if article_id is not None else []
        filters += [f"--relation {r}" for r in dict.fromkeys(relation)]
        return f"none with {' '.join(filters)}" if filters else _why_empty(db)

    _echo_page(page, as_json, _match_lines, why_empty)


def _match_lines(m: dict[str, Any]) -> list[str]:
    head = f"{m['score']:5.1f} {m['relation']}"
    if m["diffs"]:
        head += "  " + values_apart(m["diffs"])
    lines = [head, "  A " + _where(m["a"]), "  B " + _where(m["b"])]
    why = why_matched(m["evidence"], (m["a"]["text"], m["b"]["text"]))
    if why:
        lines.append("  why: " + why)
    if m["relation"] == "same" and m.get("claim_id") is None:
        # as the claim panel lists it apart: the claims' counts leave it out
        lines.append("  not counted: " + _claims_apart(m["a"], m["b"]))
    return lines


def _claims_apart(a: dict[str, Any], b: dict[str, Any]) -> str:
    """Where two matched statements stand when no one claim holds both."""

    def where(side: dict[str, Any]) -> str:
        return "no claim" if side["claim_id"] is None else f"claim {side['claim_id']}"

    return f"A in {where(a)}, B in {where(b)}"


@click.command("claims")
@listing_options("One claim in detail: its statements, numbers and speakers.")
@pass_cli
def claims_cmd(cli: CliContext, listing: Listing) -> None:
    """Claims reported by several sources: first seen, and where numbers differ."""
    db = cli.db(reading=True)
    if listing.item_id is None:
        rows = list_claims(db, **listing.page())
        total = count_claims(db, listing.min_sources)
        page = Page("claims", rows, total, listing.limit, listing.offset)
        fewer = count_claims(db, 0) - total if total == 0 and not listing.as_json else 0
        if not _none_so_large(page, listing.min_sources, fewer):
            _echo_page(page, listing.as_json, _claim_lines, lambda: _why_empty(db))
        if regroup_due(db) and not listing.as_json:
            echo(REGROUP_DUE, style="bold")
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
        f"claim {c['id']}: {plural(c['n_sources'], 'source')}, first seen"
        f" {first_seen(c['first_date'], c['first_sources'] or [c['first_source']])}{flag}:"
        f" {c['text']}"
    ]


def _echo_claim(detail: dict[str, Any]) -> None:
    first = first_seen(detail["first_date"], detail["first_sources"] or [detail["first_source"]])
    echo(
        f"claim {detail['id']}: {plural(detail['n_sources'], 'source')},"
        f" {plural(detail['n_statements'], 'statement')};"
        f" first seen {first}" + ("  CONFLICT" if detail["has_conflict"] else "")
    )
    for group in detail["sources"]:
        for st in group["statements"]:
            echo(f"  [{group['source']}, {shown_date(st['date'])}] {st['text']}")
    if detail["speakers"]:  # "; " between them: a name of people together holds commas
        said = "; ".join(f"{s['speaker']} ({', '.join(s['sources'])})" for s in detail["speakers"])
        echo(f"  said by: {said}")
    for num in detail["numbers"]:
        if len(num["values"]) > 1:
            vals = ", ".join(
                f"{'/'.join(v['raw'])} ({', '.join(v['sources'])})" for v in num["values"]
            )
            echo(f"  numbers ({num['unit'] or 'count'}): {vals}")


@click.command("stories")
@listing_options("One story in detail: articles, claims, conflicts, blindspot.")
@pass_cli
def stories_cmd(cli: CliContext, listing: Listing) -> None:
    """Stories: articles of several outlets about the same event."""
    db = cli.db(reading=True)
    if listing.item_id is None:
        total, hidden = count_stories(db, listing.min_sources)
        if listing.as_json:  # each story to read: articles, claims, conflicts, blindspot
            views = [story_view(db, s["id"]) for s in list_stories(db, **listing.page())]
            rows = [v for v in views if v is not None]
        else:
            rows = list_stories(db, **listing.page())
        page = Page("stories", rows, total, listing.limit, listing.offset)
        due = regroup_due(db)
        if listing.as_json:
            emit_json({**page.as_dict(), "regroup_due": due})
            return
        # Stories of one source are no reason to say "none of N or more" when none has
        # two: why none has two (no matches) is then the answer, and they are hidden.
        several = total == 0 and listing.min_sources > 2 and count_stories(db, 2)[0] > 0
        if _none_so_large(page, listing.min_sources, hidden if several else 0):
            hidden = 0  # counted just now
        else:
            _echo_page(page, listing.as_json, _story_lines, lambda: _why_empty(db))
        if due:
            echo(REGROUP_DUE, style="bold")
        if hidden:
            echo(
                f"{plural(hidden, 'story')} of fewer than {plural(listing.min_sources, 'source')}"
                " hidden — --min-sources 1 to show them",
                style="dim",
            )
        return
    view = _found(story_view(db, listing.item_id), f"no story {listing.item_id}")
    if listing.as_json:
        row = {k: view[k] for k in ("id", "title", "first_date", "n_articles", "n_sources")}
        emit_json({"story": row, **{k: v for k, v in view.items() if k not in row}})
        return
    for line in story_text(view, blindspot_shown(db, view)):
        echo(line)


def story_text(view: dict[str, Any], shown: list[str] | None = None) -> list[str]:
    """A story to read, as lines: title, first seen, outlets, articles, claims,
    conflicts, blindspot (``shown``: the blindspot's sources to name, when not all; the
    others are counted)."""
    first = view["first_seen"]
    out = [f"story {view['id']}: {view['title']}"]
    if first:
        who = first.get("sources") or [first["source"]]
        out.append(f"  first seen {first_seen(first['date'], who)}")
    out.append(f"  outlets: {', '.join(view['outlets'])}")
    out.append(f"  {plural(len(view['articles']), 'article')}:")
    out += [
        f"    article {a['id']} [{a['source']}, {shown_date(a['date'])}] {a['title']}"
        for a in view["articles"]
    ]
    shared = [c for c in view["claims"] if c["n_outlets"] > 1]
    colon = ":" if shared else ""
    out.append(f"  {plural(len(shared), 'claim')} carried by more than one of its outlets{colon}")
    out += [f"    [{c['n_outlets']} outlets] {c['text']}" for c in shared[:10]]
    if len(shared) > 10:
        out.append(f"    … {len(shared) - 10} more (--json for all)")
    out += conflict_lines(view)
    blind = view["blindspot"]
    missing = ", ".join(blind["missing_sources"]) or "none"
    if shown is not None:
        missing = ", ".join(shown) + ", " + more_sources(len(blind["missing_sources"]), shown)
    if blind["days"] is None:  # as the browser's story view says it
        out.append("  blindspot: undated: no days to compare other sources with")
    else:
        first, last = blind["days"]
        out.append(
            f"  blindspot: sources active {first} to {last} that did not report it: {missing}"
        )
    for solo in blind["only_one_outlet"]:
        out.append(f"    only {solo['source']} ({plural(solo['n'], 'statement')}):")
        said = solo["statements"][:3]
        out += [f"      {st['text']}" for st in said]
        if solo["n"] > len(said):  # "only A (18 statements)" lists 3
            out.append(f"      … {solo['n'] - len(said):,} more")
    return out


def conflict_lines(view: dict[str, Any]) -> list[str]:
    """A story's conflicts as lines, one per claim and pair of values (``conflict_groups``):
    each side's values, its outlets and a statement saying it (--json has every pair)."""
    groups = view["conflict_groups"]
    pairs = len(view["conflicts"])
    head = f"  {plural(len(groups), 'conflict')}"
    if pairs != len(groups):
        head += f" ({plural(pairs, 'pair')} of statements)"
    out = [head + (":" if groups else "")]
    for g in groups:
        for lead, side in zip(("    ", "      vs "), g["sides"], strict=True):
            said = side["statements"][0]
            values = f"{side['values']} — " if side["values"] else ""
            out.append(f"{lead}{values}{', '.join(side['outlets'])}: {said['text']}")
    return out


def _story_lines(s: dict[str, Any]) -> list[str]:
    return [
        f"story {s['id']}: {shown_date(s['first_date'])}, {plural(s['n_sources'], 'source')},"
        f" {plural(s['n_articles'], 'article')}: {s['title']}"
    ]


@click.command("pairs")
@click.argument("file", type=click.File("rb"))
def pairs_cmd(file: Any) -> None:
    """Score statement pairs from a TSV file: its last two columns are the statements.

    Prints every line with two more tab-separated columns: the score (0-100) and
    the relation (same, conflict, related, different); the line without its control
    characters and bidi controls (an escape sequence in the file never reaches the
    terminal), its tabs kept. A first line whose first column is
    "Quality" (MRPC's header) is skipped. Streams: output follows input line by line.
    The file is decoded as ingest decodes one (UTF-8, a byte order mark's encoding, else
    Latin-1 / Windows-1252).
    """
    try:
        lines = text_stream(file)
    except BadInput as exc:
        echo(f"rejected: {file.name}: {exc}", err=True)
        sys.exit(EXIT_REJECTED)
    out = sys.stdout
    with lines:  # closed with the file under it (else a ResourceWarning when collected)
        for n, line in enumerate(lines):
            line = line.rstrip("\r\n")
            cols = line.split("\t")
            if n == 0 and cols[0].strip() == "Quality":
                continue
            # The line as the rest of the CLI prints untrusted text (clean: no escape
            # sequence, control or bidi override reaches the terminal); its tabs stay.
            if len(cols) < 2:
                out.write(f"{clean(line)}\t\t\n")
                continue
            result = compare_texts(cols[-2], cols[-1])
            out.write(f"{clean(line)}\t{result.score:.1f}\t{result.relation}\n")
