"""The ``claimlens`` command group: the global options and every command.

Every command takes the global ``--db PATH`` (or ``$CLAIMLENS_DB``). ``--json``
output is stable: the keys are documented in the README and only ever added to.
Exit status: 0 success, 1 some input was rejected or nothing was found to do,
2 usage error (and no database at ``--db`` for a command that only reads), 130
interrupted.

Commands are loaded lazily: ``claimlens --help`` imports no command module, and
``claimlens search`` imports only the search engine (not Textual, the feed and
HTML parsers, or the matcher's tables), so the CLI starts at once. To add a command,
add one line to :data:`COMMANDS`: its name, the module and attribute of the click
command, and the one-line help ``claimlens --help`` shows (a test checks it is the
command's own).
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import NamedTuple

import click

from tui.cli.common import CliContext, db_path_option


class LazyCommand(NamedTuple):
    module: str
    attribute: str
    summary: str  # the first paragraph of the command's help, shown by ``claimlens --help``


def _command(module: str, attribute: str, summary: str) -> LazyCommand:
    return LazyCommand(f"tui.cli.{module}", attribute, summary)


COMMANDS: dict[str, LazyCommand] = {
    "ingest": _command(
        "ingest",
        "ingest",
        "Ingest article files and folders (text, seed, JSON/JSONL, HTML, RSS/Atom).",
    ),
    "search": _command(
        "search",
        "search_cmd",
        'Search statements (best first). Words must all match; "a phrase", pre*, OR, -not.',
    ),
    "stats": _command(
        "reading",
        "stats",
        "Counts of sources, articles, statements, quotes, numbers, matches, claims, stories.",
    ),
    "articles": _command("reading", "articles", "List articles, newest first."),
    "show": _command(
        "reading", "show", "Print an article as plain text, one numbered statement per line."
    ),
    "quotes": _command(
        "quotes",
        "quotes_cmd",
        "Quotes with their speakers, newest first, and the other outlets carrying each.",
    ),
    "browse": _command(
        "browse",
        "browse",
        "Browse articles, statements and what other sources say (keys: ? in the app).",
    ),
    "demo": _command(
        "browse",
        "demo",
        "Open the browser on two bundled articles about one event from two sources.",
    ),
    "check": _command(
        "check",
        "check_cmd",
        "Verify the database: SQLite integrity, full-text indexes, orphans, offsets, counts.",
    ),
    "match": _command(
        "matching",
        "match_cmd",
        "Re-run cross-source matching on the whole database (matches, claims, stories).",
    ),
    "regroup": _command(
        "matching",
        "regroup_cmd",
        "Regroup every claim and story if a schema upgrade left it due (the next match does too).",
    ),
    "matches": _command(
        "matching",
        "matches_cmd",
        "Matched statement pairs across sources, best first, with why they match.",
    ),
    "claims": _command(
        "matching",
        "claims_cmd",
        "Claims reported by several sources: first seen, and where numbers differ.",
    ),
    "stories": _command(
        "matching", "stories_cmd", "Stories: articles of several outlets about the same event."
    ),
    "pairs": _command(
        "matching",
        "pairs_cmd",
        "Score statement pairs from a TSV file: its last two columns are the statements.",
    ),
    "follow": _command(
        "follow",
        "follow",
        "Fetch the feeds of a newsboat URLS_FILE and ingest their new articles.",
    ),
    "feeds": _command(
        "follow",
        "feeds",
        "What each followed feed's last fetch did: when, its error, articles added.",
    ),
    "serve": _command(
        "serve", "serve", "Serve the browser app over HTTP: open http://HOST:PORT in a web browser."
    ),
}


def terminal_columns() -> int:
    """The terminal's width as :func:`shutil.get_terminal_size` gives it ($COLUMNS, else
    the terminal of stdout, else 80), without importing shutil: click imports it to lay
    out help, and with it bz2, lzma and fnmatch (~2.5 ms of ``claimlens --help``)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class HelpFormatter(click.HelpFormatter):
    """click's help formatter, its width found by :func:`terminal_columns`."""

    def __init__(
        self, indent_increment: int = 2, width: int | None = None, max_width: int | None = None
    ) -> None:
        if width is None:
            # as click's own: a forced width (click's test runner), else the terminal's
            # width up to max_width (80), less 2, at least 50
            width = click.formatting.FORCED_WIDTH
            if width is None:
                width = max(min(terminal_columns(), max_width or 80) - 2, 50)
        super().__init__(indent_increment, width, max_width)


def _quiet_stdout() -> None:
    """stdout's reader went away: write what is left to nowhere, so that neither the next
    write nor the interpreter's flush at exit complains."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    finally:
        os.close(devnull)


class Context(click.Context):
    formatter_class = HelpFormatter


class LazyGroup(click.Group):
    """A click group that imports a command's module only when the command runs.

    Commands added the usual way (``main.add_command``) work as well; they are
    simply not lazy. Each command loaded lays its help out with :class:`HelpFormatter`
    too.
    """

    context_class = Context

    def __init__(self, *args: object, lazy: dict[str, LazyCommand], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            spec = self.lazy[cmd_name]
            command = getattr(importlib.import_module(spec.module), spec.attribute)
            if command.context_class is click.Context:
                command.context_class = Context
            self.commands[cmd_name] = command
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """As click's own, but a command not loaded yet is described from its table row."""
        names = [n for n in self.list_commands(ctx) if not self._hidden(n)]
        if not names:
            return
        limit = formatter.width - 6 - max(len(n) for n in names)
        rows = []
        for name in names:
            if name in self.commands:
                rows.append((name, self.commands[name].get_short_help_str(limit)))
            else:
                # click's own shortening, on the summary the table holds
                stand_in = click.Command(name, help=self.lazy[name].summary)
                rows.append((name, stand_in.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> object:
        """Run the command; a reader that stops reading (``| head``) ends it quietly with
        exit 0, whether the output is text or ``--json`` (click's own handling exits 1)."""
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # here, so a closed pipe is seen now, not at exit
        except BrokenPipeError:
            _quiet_stdout()
            ctx.exit(0)
        return result

    def _hidden(self, name: str) -> bool:
        return name in self.commands and self.commands[name].hidden


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@db_path_option()
@click.version_option(package_name="claimlens")
@click.pass_context
def main(ctx: click.Context, db_path: str | None) -> None:
    """claimlens: see what every outlet says about a story, and where they differ."""
    ctx.obj = CliContext(db_path)
