"""Helpers shared by the CLI command modules: the database handle, options and output."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import sqlite_utils
from rich.console import Console

from db.connection import connect, default_db_path
from db.dates import parse_date
from db.schema import SCHEMA_VERSION, SchemaError

EXIT_REJECTED = 1
EXIT_INTERRUPTED = 130


@dataclass
class CliContext:
    """What ``claimlens --db PATH`` hands every subcommand."""

    db_path: Path
    _db: sqlite_utils.Database | None = field(default=None, repr=False)

    def db(self) -> sqlite_utils.Database:
        if self._db is None:
            try:
                self._db = connect(self.db_path, on_upgrade=self._upgrading)
            except SchemaError as exc:
                raise click.ClickException(str(exc)) from exc
        return self._db

    def _upgrading(self, version: int) -> None:
        click.echo(
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
    return path if path is not None else default_db_path()


def emit_json(obj: Any) -> None:
    """Print ``obj`` as JSON: UTF-8, two-space indent, a trailing newline."""
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def console(stderr: bool = False) -> Console:
    # highlight=False: never colour numbers or URLs inside article text by guesswork;
    # soft_wrap: long lines stay whole when piped (the terminal wraps them).
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
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
