"""The ``claimlens`` command line."""

from __future__ import annotations

from pathlib import Path

import click

from tui.cli_common import CliContext, db_path_option, resolve_db_path


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@db_path_option()
@click.version_option(package_name="claimlens")
@click.pass_context
def main(ctx: click.Context, db_path: Path | None) -> None:
    """claimlens: see what every outlet says about a story, and where they differ."""
    ctx.obj = CliContext(resolve_db_path(db_path))
