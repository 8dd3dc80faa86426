"""``claimlens check [--repair] [--json]``: verify the database, rebuild what is derived.

Exit status: 0 when the database is healthy (after the repair, with ``--repair``),
1 when problems were found (each is named, with how many rows it affects), 2 when
there is no database. Work the database waits for (articles not matched yet) is not
a problem: it is listed as pending with the command that does it.
"""

from __future__ import annotations

import sys

import click

from db.check import CheckReport, check_database, repair_database
from tui.cli.common import (
    CliContext,
    echo,
    emit_json,
    json_option,
    pass_cli,
    say_waiting,
    styled,
)
from tui.wording import plural

EXIT_PROBLEMS = 1

_TITLES = {
    "schema": "schema: tables, indexes, triggers",
    "integrity": "SQLite integrity check",
    "fts:statements_fts": "full-text index of statements",
    "fts:articles_fts": "full-text index of headlines",
    "orphans:statements": "statements belong to articles",
    "orphans:quotes": "quotes belong to statements",
    "orphans:numbers": "numbers belong to statements",
    "orphans:matches": "matches join existing statements",
    "orphans:articles": "articles belong to sources",
    "orphans:article_tokens": "token counts belong to articles",
    "orphans:statement_keys": "blocking keys belong to statements",
    "keys": "stored blocking keys and token counts match the statements",
    "dangling:statements.claim_id": "statements' claims exist",
    "dangling:articles.story_id": "articles' stories exist",
    "dangling:claims.first_statement_id": "claims' first statements exist",
    "offsets:statements": "statement offsets match the article text",
    "offsets:quotes": "quote offsets match the article text",
    "offsets:numbers": "number offsets match the article text",
    "statements:missing": "every article with text has statements",
    "counts:claims": "claim counts match their statements",
    "counts:stories": "story counts match their articles",
    "matching:pending": "every article has been matched",
    "regroup:pending": "claims and stories are grouped by this version",
    "statements:pending": "speakers and numbers are read by this version",
    "clean:pending": "no article holds characters this version drops",
}
# What a check says when it finds work to do rather than damage.
_WAITING = {
    "matching:pending": "some articles are waiting for matching",
    "regroup:pending": "claims and stories are waiting for a regroup",
    "statements:pending": "speakers and numbers are waiting to be read again",
    "clean:pending": (
        "articles an older claimlens cleaned or split otherwise are waiting to be stored again"
    ),
}


@click.command("check")
@click.option(
    "--repair",
    is_flag=True,
    help="Rebuild what can be derived again: full-text indexes, statements, counts; "
    "delete orphans; run pending matching and a regroup an upgrade left due.",
)
@json_option("Print the result as JSON.")
@pass_cli
def check_cmd(cli: CliContext, repair: bool, as_json: bool) -> None:
    """Verify the database: SQLite integrity, full-text indexes, orphans, offsets, counts.

    Exits 0 when healthy (articles waiting for matching are listed as pending, not as
    problems), 1 when problems were found (--repair: 1 when some remain). --json's
    counts are named and counted as stats --json's (matches: same and conflict).
    """

    db = cli.db(reading=not repair)
    report = check_database(db, on_wait=say_waiting)
    before = report
    if repair and (not report.ok or report.pending):
        report = repair_database(db, report, on_wait=say_waiting)
    if as_json:
        data = report.as_dict()
        data["database"] = str(cli.db_path)
        if repair:
            data["found"] = [p.as_dict() for p in before.problems]
        emit_json(data)
    else:
        _print(report, before if repair else None, str(cli.db_path))
    sys.exit(0 if report.ok else EXIT_PROBLEMS)


def _print(report: CheckReport, before: CheckReport | None, path: str) -> None:
    counts = report.counts
    echo(
        f"{path}: {plural(counts.get('articles', 0), 'article')}, "
        f"{plural(counts.get('statements', 0), 'statement')}, "
        f"{plural(counts.get('claims', 0), 'claim')}"
    )
    if before is not None and not before.ok:
        echo(f"found {_problems(len(before.problems))}:")
        for problem in before.problems:
            echo(f"  {problem.name}: {problem.message}")
    if before is not None:
        for action in report.repaired:
            echo(f"repaired: {action}", style="green")
    failed = {p.name: p for p in report.problems}
    waiting = {p.name for p in report.pending}
    for name in dict.fromkeys(report.checks):
        if name in failed:
            echo(styled(("FAIL ", "bold red"), _TITLES.get(name, name)))
        elif name in waiting:
            echo(styled(("wait ", "yellow"), _WAITING.get(name, _TITLES.get(name, name))))
        else:
            echo(styled(("ok   ", "green"), _TITLES.get(name, name)))
    for problem in report.problems:
        fix = "" if problem.repairable else " (cannot be repaired)"
        echo(f"problem: {problem.name}: {problem.message}{fix}", style="red")
    for pending in report.pending:
        echo(f"pending: {pending.message}: `{pending.command}` does it", style="yellow")
    for note in report.notes:
        echo(f"note: {note}", style="dim")
    n = len(report.problems)
    fixable = sum(1 for p in report.problems if p.repairable)
    damaged = fixable < n and any(p.name == "integrity" for p in report.problems)
    if report.ok:
        echo("healthy" + (" (with work pending)" if report.pending else ""), style="bold green")
    elif before is None and fixable and not damaged:
        which = ("it" if n == 1 else "them") if fixable == n else f"{fixable} of them"
        echo(f"{_problems(n)} found; `claimlens check --repair` fixes {which}")
    elif before is None:
        echo(f"{_problems(n)} found", style="bold red")
    else:
        echo(f"{_problems(n)} remain{'s' if n == 1 else ''}", style="bold red")


def _problems(n: int) -> str:
    return plural(n, "problem")
