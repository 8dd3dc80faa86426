"""``claimlens browse`` and ``claimlens demo``: the keyboard-driven browser."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tui.cli.common import CliContext, pass_cli
from tui.demo import build_demo_db

if TYPE_CHECKING:
    import sqlite_utils


def _run(
    db_path: Path,
    *,
    config_path: Path | None,
    theme: str | None,
    title: str | None,
    db: sqlite_utils.Database | None = None,
) -> None:
    from tui.app import make_app
    from tui.config import load_config

    config = load_config(config_path)
    if theme:
        config.theme = theme
    make_app(db_path, config=config, db=db, title=title).run()


_config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Config file (default: config.toml in the user config directory).",
)
_theme_option = click.option(
    "--theme", help="Textual theme (default ansi-dark: the terminal's own colours)."
)


@click.command()
@_config_option
@_theme_option
@pass_cli
def browse(cli: CliContext, config_path: Path | None, theme: str | None) -> None:
    """Browse articles, statements and what other sources say (keys: ? in the app)."""
    # Exit 2 when there is none; migrate or refuse before the screen opens. The app reads
    # on this connection: read-only (immutable) when the folder cannot be written.
    db = cli.db(reading=True)
    _run(cli.db_path, config_path=config_path, theme=theme, title=None, db=db)


@click.command()
@_config_option
@_theme_option
@click.option(
    "--keep",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the demo database here (and keep it) instead of a temporary file.",
)
def demo(config_path: Path | None, theme: str | None, keep: Path | None) -> None:
    """Open the browser on two bundled articles about one event from two sources."""
    if keep is not None:
        if keep.exists():
            raise click.ClickException(f"{keep} exists; give a new file name")
        build_demo_db(keep)
        _run(keep, config_path=config_path, theme=theme, title="demo")
        return
    with tempfile.TemporaryDirectory(prefix="claimlens-demo-") as tmp:
        path = build_demo_db(Path(tmp) / "demo.db")
        _run(path, config_path=config_path, theme=theme, title="demo")
