"""Helpers shared by the CLI command modules: the database handle and output."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import sqlite_utils

from db.connection import connect, default_db_path
from db.schema import SchemaError


@dataclass
class CliContext:
    """What ``claimlens --db PATH`` hands every subcommand."""

    db_path: Path
    _db: sqlite_utils.Database | None = field(default=None, repr=False)

    def db(self) -> sqlite_utils.Database:
        if self._db is None:
            try:
                self._db = connect(self.db_path)
            except SchemaError as exc:
                raise click.ClickException(str(exc)) from exc
        return self._db


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
