"""Helpers shared by the CLI command modules: the database handle, options and output.

Output goes one way: :func:`echo` (plain or :class:`Line` styled lines, never read as
markup, control characters removed; click writes them, with styles on a terminal only)
or :func:`emit_json`. This module imports only click (and modules of the standard
library that the interpreter or click has imported already) at load time, so that
``claimlens --help`` starts at once; the database layer is imported by the commands that
use it, json by :func:`emit_json`, Rich only by the progress bar of ``ingest``
(:func:`console`), pathlib (~5 ms with urllib.parse) only by the commands that need the
database path as a ``Path`` (``search`` opens it by name).
"""

from __future__ import annotations

import functools
import itertools
import os
import sys
from typing import TYPE_CHECKING, Any

import click

from tui.wording import plural

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable
    from pathlib import Path

    import sqlite_utils
    from rich.console import Console

    from db.matching import MatchReport

EXIT_REJECTED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class NoDatabaseError(click.ClickException):
    """A command that only reads was pointed at a file that does not exist (exit 2)."""

    exit_code = EXIT_USAGE

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__(
            f"no database at {path}: ingest articles first (claimlens ingest PATH)"
            " or try claimlens demo"
        )


class CliContext:
    """What ``claimlens --db PATH`` hands every subcommand. (A plain class, not a
    dataclass: importing dataclasses would cost ``--help`` ~2 ms.)"""

    def __init__(self, given_path: str | os.PathLike[str] | None) -> None:
        self.given_path = given_path  # --db or $CLAIMLENS_DB as given, else None: the default
        self._db: sqlite_utils.Database | None = None
        self._reader: sqlite3.Connection | None = None

    def __repr__(self) -> str:
        return f"CliContext({self.given_path!r})"

    @functools.cached_property
    def db_path(self) -> Path:
        # Resolved when first asked for: `claimlens CMD --help` needs no database layer.
        return resolve_db_path(self.given_path)

    def db(self, *, create: bool = False, reading: bool = False) -> sqlite_utils.Database:
        """The database, migrated if older. Only commands that write (``ingest``,
        ``match``, ``follow``) pass ``create``: the others exit 2 on a missing file,
        creating nothing (a mistyped ``--db`` must not leave an empty database). Commands
        that only read pass ``reading``: a database that cannot be written where it is
        (a read-only folder or mount) is then read as it is."""
        from db.connection import NoDatabase, connect
        from db.schema import SchemaError

        if self._db is None:
            try:
                self._db = connect(
                    self.db_path,
                    create=create,
                    on_upgrade=self._upgrading,
                    read_only_ok=reading,
                )
            except NoDatabase:
                raise NoDatabaseError(self.db_path) from None
            except SchemaError as exc:
                raise click.ClickException(str(exc)) from exc
        return self._db

    def reader(self) -> sqlite3.Connection:
        """A plain read-only connection to the database, for a command that only reads
        and must start at once (``search``): sqlite-utils is not imported. A database of
        an older schema is upgraded first, as :meth:`db` does; a missing one exits 2."""
        from db.connection import NoDatabase, OlderSchema, connect_reader
        from db.schema import SchemaError

        if self._reader is None:
            # The path as given: a Path would import pathlib (~5 ms of start-up).
            path = self.given_path if self.given_path is not None else self.db_path
            try:
                self._reader = connect_reader(path)
            except NoDatabase:
                raise NoDatabaseError(path) from None
            except OlderSchema:
                self._reader = self.db(reading=True).conn
            except SchemaError as exc:
                raise click.ClickException(str(exc)) from exc
        return self._reader

    def _upgrading(self, version: int) -> None:
        from db.schema import REGROUP_AT, SCHEMA_VERSION

        then = ""
        if any(version < v <= SCHEMA_VERSION for v in REGROUP_AT):
            then = " (then claims and stories are to be regrouped: claimlens regroup)"
        echo(
            f"upgrading {self.db_path} from schema version {version} to {SCHEMA_VERSION}{then}",
            err=True,
        )


pass_cli = click.make_pass_decorator(CliContext)


def db_path_option() -> Any:
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False),  # a str: CliContext.db_path makes the Path
        envvar="CLAIMLENS_DB",
        default=None,
        help="SQLite database file (default: $CLAIMLENS_DB, else claimlens.db in the "
        "user data directory).",
    )


def resolve_db_path(path: str | os.PathLike[str] | None) -> Path:
    if path is not None:
        from pathlib import Path

        return Path(path)
    from db.connection import default_db_path

    return default_db_path()


# --- output ---------------------------------------------------------------------------------


def emit_json(obj: Any) -> None:
    """Print ``obj`` as JSON: UTF-8, two-space indent, a trailing newline."""
    import json  # here: only --json output needs it (~2 ms of every command's start-up)

    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def emit_json_line(obj: Any) -> None:
    """Print ``obj`` as one line of JSON (JSON Lines) and flush it: for a stream of
    objects that never ends (``follow --json``'s rounds), which ``while read``, ``tail
    -f`` and log shippers read a line at a time (``jq`` reads it either way)."""
    import json

    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def utc_timestamp(stamp: str | None) -> str | None:
    """A stored UTC time as the JSON gives every one: ISO 8601 with its ``Z``. An
    article's ``ingested_at`` is stored without it, a feed's ``last_fetched`` with it."""
    if stamp and len(stamp) == 19 and stamp[10:11] == "T":  # YYYY-MM-DDTHH:MM:SS
        return stamp + "Z"
    return stamp


@functools.lru_cache(maxsize=2)
def console(stderr: bool = False) -> Console:
    from rich.console import Console

    # highlight=False: never colour numbers or URLs inside article text by guesswork;
    # soft_wrap: long lines stay whole when piped (the terminal wraps them).
    return Console(stderr=stderr, highlight=False, soft_wrap=True)


def clean(text: str) -> str:
    """``text`` as it may reach the terminal (:func:`db.showable.showable`: the browser's rule
    too): an escape sequence in article text or a file name must not reach it, nor a
    bidirectional override (a feed title's U+202E would show the rest of the line, dates
    and ids too, reversed)."""
    global _showable
    if _showable is None:  # imported when first printed: `--help` (click's) needs no db
        from db.showable import showable

        _showable = showable
    return _showable(text)


_showable: Callable[[str], str] | None = None


_FLAGS = ("bold", "dim", "italic", "underline", "reverse")
_COLOURS = ("black", "red", "green", "yellow", "blue", "magenta", "cyan", "white")


class Line:
    """One line of output: plain text and the spans of it to style ("bold", "dim",
    "reverse", "underline", a colour, or several: "bold red"). Text is never read as
    markup; control characters are removed when it is added."""

    def __init__(self, text: str = "", style: str = "") -> None:
        self.text = ""
        self.spans: list[tuple[int, int, str]] = []
        self.append(text, style)

    def append(self, text: str, style: str = "") -> Line:
        start = len(self.text)
        self.text += clean(text)
        if style and len(self.text) > start:
            self.spans.append((start, len(self.text), style))
        return self

    def stylize(self, style: str, start: int, end: int) -> None:
        """Style ``text[start:end]`` too (on top of what it has)."""
        start, end = max(0, start), min(len(self.text), end)
        if start < end:
            self.spans.append((start, end, style))

    def render(self, colour: bool) -> str:
        """The line with ANSI styles (``colour``: colours too; else only bold, dim...)."""
        cuts = sorted({0, len(self.text), *(i for s, e, _ in self.spans for i in (s, e))})
        out = []
        for start, end in itertools.pairwise(cuts):
            words = [
                w for s, e, style in self.spans if s <= start and end <= e for w in style.split()
            ]
            options = _style_options(words, colour)
            piece = self.text[start:end]
            out.append(click.style(piece, **options) if options else piece)
        return "".join(out)


def _style_options(words: list[str], colour: bool) -> dict[str, Any]:
    options: dict[str, Any] = {w: True for w in words if w in _FLAGS}
    colours = [w for w in words if w in _COLOURS]
    if colour and colours:
        options["fg"] = colours[-1]
    return options


def styled(*parts: str | tuple[str, str]) -> Line:
    """One line from plain parts and ``(text, style)`` parts."""
    line = Line()
    for part in parts:
        if isinstance(part, str):
            line.append(part)
        else:
            line.append(*part)
    return line


def echo(line: str | Line = "", *, style: str = "", err: bool = False) -> None:
    """Print one line, to stderr with ``err``. Styles reach only a terminal (click drops
    them in a pipe), and colours only where NO_COLOR is not set."""
    if isinstance(line, str):
        line = Line(line, style)
    colour = not os.environ.get("NO_COLOR")
    # sys.stderr named, not click's own stream: a live progress bar (ingest) replaces
    # it to print lines above the bar.
    click.echo(line.render(colour), file=sys.stderr if err else sys.stdout)


def say_waiting() -> None:
    """A write's ``on_wait``: said once when another claimlens holds the write lock."""
    echo("another claimlens is writing to this database; waiting for it…", err=True)


# Said by `stats` and `stories` while a schema step's regroup is due (db.upgrade).
REGROUP_DUE = (
    "claims and stories are grouped as before the last upgrade:"
    " `claimlens regroup` regroups them (so does the next match, or the browser)"
)


def match_summary(report: MatchReport) -> str:
    """One line saying what a matching run found (``match``, and ``ingest`` after it)."""
    return (
        f"{plural(report.statements, 'statement')},"
        f" {plural(report.candidates, 'candidate pair')} scored:"
        f" {report.same:,} same, {plural(report.conflict, 'conflict')},"
        f" {report.related:,} related (same event, another claim);"
        f" {plural(report.claims, 'claim')}, {plural(report.stories, 'story')}"
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


def known_source(db: sqlite_utils.Database | sqlite3.Connection, source: str | None) -> None:
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
    # (names are data: click prints its error as given, not through clean)
    hint = f"; closest: {clean(', '.join(name for name, _score, _i in close))}" if close else ""
    known = "" if close else f" (sources: {clean(', '.join(names[:10])) or 'none yet'})"
    raise click.BadParameter(f"no source is named {source!r}{hint}{known}", param_hint="--source")


# --- options --------------------------------------------------------------------------------


def _iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    from db.dates import either_way, parse_date

    parsed = parse_date(value)
    if parsed is None:
        both = either_way(value)
        if both:  # never guessed: the user says which
            raise click.BadParameter(f"{value!r} reads either way: {both}; write YYYY-MM-DD")
        raise click.BadParameter(f"not a date: {value!r} (use YYYY-MM-DD)")
    return parsed


def date_options(func):  # type: ignore[no-untyped-def]
    """``--source``, ``--since`` and ``--until``; a range that ends before it starts is a
    usage error (as the browser refuses it), not an empty listing."""

    @functools.wraps(func)
    def in_order(*args, **kwargs):  # type: ignore[no-untyped-def]
        if kwargs.get("since") and kwargs.get("until"):  # (a plain search imports no dates)
            from db.dates import reversed_range

            problem = reversed_range(kwargs["since"], kwargs["until"])
            if problem:
                raise click.UsageError(problem)
        return command(*args, **kwargs)

    command = func
    func = in_order
    # The metavar says how a date is written (a date that reads either way is refused).
    func = click.option(
        "--until",
        callback=_iso_date,
        metavar="YYYY-MM-DD",
        help="Only up to this date (inclusive).",
    )(func)
    func = click.option(
        "--since",
        callback=_iso_date,
        metavar="YYYY-MM-DD",
        help="Only from this date (inclusive).",
    )(func)
    return click.option("--source", help="Only this source (case-insensitive).")(func)


def page_options(default: int, most: int | None = None):  # type: ignore[no-untyped-def]
    """``--limit`` (``default`` rows, at most ``most``) and ``--offset``: a listing a page
    at a time. The command shows what is left with :func:`echo_showing`."""

    def decorate(func):  # type: ignore[no-untyped-def]
        func = click.option(
            "--offset",
            default=0,
            type=click.IntRange(0),
            help="Skip this many first (--offset 50: the next page).",
        )(func)
        limit = click.IntRange(1, most)
        return click.option(
            "--limit", default=default, show_default=True, type=limit, help="Show this many."
        )(func)

    return decorate


def json_option(help: str | None = None):  # type: ignore[no-untyped-def]
    """``--json`` as the ``as_json`` flag."""
    return click.option("--json", "as_json", is_flag=True, help=help)


def echo_showing(shown: int, offset: int, total: int) -> None:
    """Print the dim :func:`showing` line when the listing does not show everything."""
    line = showing(shown, offset, total)
    if line:
        echo(line, style="dim")
