"""``claimlens check [--repair] [--json]``: verify the database, rebuild what is derived.

Exit status: 0 when the database is healthy (after the repair, with ``--repair``),
1 when problems were found (each is named, with how many rows it affects).
"""

from __future__ import annotations

import sys

import click
from rich.console import Console
from rich.text import Text

from db.check import CheckReport, check_database, repair_database
from tui.cli.common import CliContext, emit_json, pass_cli

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
}


@click.command("check")
@click.option(
    "--repair",
    is_flag=True,
    help="Rebuild what can be derived again: full-text indexes, statements, counts; "
    "delete orphans; run pending matching.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@pass_cli
def check_cmd(cli: CliContext, repair: bool, as_json: bool) -> None:
    """Verify the database: SQLite integrity, full-text indexes, orphans, offsets, counts.

    Exits 0 when healthy, 1 when problems were found (--repair: 1 when some remain).
    """
    err = Console(stderr=True, highlight=False)

    def on_wait() -> None:
        err.print("another claimlens is writing to this database; waiting for it…")

    db = cli.db()
    report = check_database(db, on_wait=on_wait)
    before = report
    if repair and not report.ok:
        report = repair_database(db, report, on_wait=on_wait)
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
    out = Console(highlight=False, soft_wrap=True)
    counts = report.counts
    out.print(
        Text(
            f"{path}: {counts.get('articles', 0):,} articles, "
            f"{counts.get('statements', 0):,} statements, {counts.get('claims', 0):,} claims"
        )
    )
    if before is not None and not before.ok:
        out.print(Text(f"found {_problems(len(before.problems))}:"))
        for problem in before.problems:
            out.print(Text(f"  {problem.name}: {problem.message}"))
        for action in report.repaired:
            out.print(Text(f"repaired: {action}", style="green"))
    failed = {p.name: p for p in report.problems}
    for name in dict.fromkeys(report.checks):
        if name in failed:
            out.print(Text.assemble(("FAIL ", "bold red"), f"{_TITLES.get(name, name)}"))
        else:
            out.print(Text.assemble(("ok   ", "green"), _TITLES.get(name, name)))
    for problem in report.problems:
        fix = "" if problem.repairable else " (cannot be repaired)"
        out.print(Text(f"problem: {problem.name}: {problem.message}{fix}", style="red"))
    for note in report.notes:
        out.print(Text(f"note: {note}", style="dim"))
    n = len(report.problems)
    fixable = sum(1 for p in report.problems if p.repairable)
    damaged = fixable < n and any(p.name == "integrity" for p in report.problems)
    if report.ok:
        out.print(Text("healthy", style="bold green"))
    elif before is None and fixable and not damaged:
        which = ("it" if n == 1 else "them") if fixable == n else f"{fixable} of them"
        out.print(Text(f"{_problems(n)} found; `claimlens check --repair` fixes {which}"))
    elif before is None:
        out.print(Text(f"{_problems(n)} found", style="bold red"))
    else:
        out.print(Text(f"{_problems(n)} remain{'s' if n == 1 else ''}", style="bold red"))


def _problems(n: int) -> str:
    return f"{n} problem" if n == 1 else f"{n} problems"
