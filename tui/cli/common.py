"""Helpers shared by the CLI command modules: the database handle, options and output.

Output goes one way: :func:`echo` (plain or styled lines, never read as markup, control
characters removed) or :func:`emit_json`. This module imports only click at load time,
so that ``claimlens --help`` starts at once; the database layer and Rich are imported
by the commands that use them.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    import sqlite_utils
    from rich.console import Console
    from rich.text import Text

    from db.matching import MatchReport

EXIT_REJECTED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

# C0 controls but tab and newline, DEL and C1: an escape sequence in article text or a
# file name must not reach the terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class NoDatabaseError(click.ClickException):
    """A command that only reads was pointed at a file that does not exist (exit 2)."""

    exit_code = EXIT_USAGE

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"no database at {path}: ingest articles first (claimlens ingest PATH)"
            " or try claimlens demo"
        )


@dataclass
class CliContext:
    """What ``claimlens --db PATH`` hands every subcommand."""

    given_path: Path | None  # --db or $CLAIMLENS_DB, else None: the default
    _db: sqlite_utils.Database | None = field(default=None, repr=False)

    @functools.cached_property
    def db_path(self) -> Path:
        # Resolved when first asked for: `claimlens CMD --help` needs no database layer.
        return resolve_db_path(self.given_path)

    def db(self, *, create: bool = False) -> sqlite_utils.Database:
        """The database, migrated if older. Only commands that write (``ingest``,
        ``match``, ``follow``) pass ``create``: the others exit 2 on a missing file,
        creating nothing (a mistyped ``--db`` must not leave an empty database)."""
        from db.connection import NoDatabase, connect
        from db.schema import SchemaError

        if self._db is None:
            try:
                self._db = connect(self.db_path, create=create, on_upgrade=self._upgrading)
            except NoDatabase:
                raise NoDatabaseError(self.db_path) from None
            except SchemaError as exc:
                raise click.ClickException(str(exc)) from exc
        return self._db

    def _upgrading(self, version: int) -> None:
        from db.schema import SCHEMA_VERSION

        echo(
            f"upgrading {self.db_path} from schema version {version}"
            f" to {SCHEMA_VERSION} (once; large databases take a while)...",
            err=True,
        )


pass_cli = click.make_pass_decorator(CliContext)


def db_path_option() -> Any:
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar="CLAIMLENS_DB",
        default=None,
        help="SQLite database file (default: $CLAIMLENS_DB, else claimlens.db in the "
        "user data directory).",
    )


def resolve_db_path(path: Path | None) -> Path:
    if path is not None:
        return path
    from db.connection import default_db_path

    return default_db_path()


# --- output ---------------------------------------------------------------------------------


def emit_json(obj: Any) -> None:
    """Print ``obj`` as JSON: UTF-8, two-space indent, a trailing newline."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


@functools.lru_cache(maxsize=2)
def console(stderr: bool = False) -> Console:
    from rich.console import Console

    # highlight=False: never colour numbers or URLs inside article text by guesswork;
    # soft_wrap: long lines stay whole when piped (the terminal wraps them).
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def clean(text: str) -> str:
    """``text`` without control characters (tab and newline stay)."""
    return _CONTROL.sub("", text)


def styled(*parts: str | tuple[str, str]) -> Text:
    """One line from plain parts and ``(text, style)`` parts; text is never markup."""
    from rich.text import Text

    return Text.assemble(*(clean(p) if isinstance(p, str) else (clean(p[0]), p[1]) for p in parts))


def echo(line: str | Text = "", *, style: str = "", err: bool = False) -> None:
    """Print one line (or a :class:`rich.text.Text`): to stderr with ``err``."""
    from rich.text import Text

    text = Text(clean(line), style=style) if isinstance(line, str) else line
    console(err).print(text)


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 article``, ``2 articles``, ``1,024 statements`` (``many``: an irregular plural)."""
    return f"{n:,} {word if n == 1 else many or word + 's'}"


def match_summary(report: MatchReport) -> str:
    """One line saying what a matching run found (``match``, and ``ingest`` after it)."""
    return (
        f"{plural(report.statements, 'statement')},"
        f" {plural(report.candidates, 'candidate pair')} scored:"
        f" {report.same:,} same, {plural(report.conflict, 'conflict')},"
        f" {report.related:,} related (same event, another claim);"
        f" {plural(report.claims, 'claim')}, {plural(report.stories, 'story', 'stories')}"
        f" ({report.seconds:.1f}s)"
    )


def showing(shown: int, offset: int, total: int) -> str | None:
    """The line under a listing that does not show everything, else ``None``."""
    if offset == 0 and shown >= total:
        return None
    if shown == 0:
        return f"nothing at offset {offset:,} of {total:,} — try a smaller --offset"
    first, last = offset + 1, offset + shown
    where = f"{shown:,}" if offset == 0 else f"{first:,}–{last:,}"
    return f"showing {where} of {total:,} — --limit/--offset for more"


def known_source(db: sqlite_utils.Database, source: str | None) -> None:
    """Exit 2 naming the closest sources when ``--source`` names none (case-insensitive):
    "no statements match" would blame the query for a typo in the source."""
    if source is None:
        return
    from rapidfuzz import fuzz, process, utils

    from db.articles import source_names

    names = source_names(db)
    if source.casefold() in {n.casefold() for n in names}:
        return
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


# --- options --------------------------------------------------------------------------------


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from db.dates import parse_date

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
