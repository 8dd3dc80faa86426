"""The ``claimlens`` command group: the global options and every command.

Every command takes the global ``--db PATH`` (or ``$CLAIMLENS_DB``). ``--json``
output is stable: the keys are documented in the README and only ever added to.
Exit status: 0 success, 1 some input was rejected or nothing was found to do,
2 usage error, 130 interrupted.
"""

from __future__ import annotations

from pathlib import Path

import click

from tui.cli import browse, check, ingest, matching, reading
from tui.cli.common import CliContext, db_path_option, resolve_db_path


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@db_path_option()
@click.version_option(package_name="claimlens")
@click.pass_context
def main(ctx: click.Context, db_path: Path | None) -> None:
    """claimlens: see what every outlet says about a story, and where they differ."""
    ctx.obj = CliContext(resolve_db_path(db_path))


for _command in (
    ingest.ingest,
    reading.search_cmd,
    reading.stats,
    reading.articles,
    reading.show,
    browse.browse,
    browse.demo,
    check.check_cmd,
    matching.match_cmd,
    matching.matches_cmd,
    matching.claims_cmd,
    matching.stories_cmd,
    matching.pairs_cmd,
):
    main.add_command(_command)
