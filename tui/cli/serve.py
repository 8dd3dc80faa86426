"""``claimlens serve``: the browser app in a web browser, through textual-serve.

Each browser tab gets its own ``claimlens browse`` process, its screen sent over
a websocket. It is bound to 127.0.0.1 by default: the app reads (and its command
palette can reach) the whole database, and textual-serve has no login, so reach
it from elsewhere through an SSH tunnel, not by binding to a public address.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click

from tui.cli.common import CliContext, echo, pass_cli

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def browse_command(db_path: Path, config_path: Path | None, theme: str | None) -> str:
    """The shell command textual-serve runs for each browser tab."""
    argv = [sys.executable, "-c", "from tui.cli import main; main()", "--db", str(db_path)]
    argv.append("browse")
    if config_path is not None:
        argv += ["--config", str(config_path)]
    if theme:
        argv += ["--theme", theme]
    return shlex.join(argv)


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--public-url",
    help="The URL the browser uses, when it differs (a tunnel or proxy in front).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Config file for the app (default: the user's config.toml).",
)
@click.option("--theme", help="Textual theme for the app.")
@pass_cli
def serve(
    cli: CliContext,
    host: str,
    port: int,
    public_url: str | None,
    config_path: Path | None,
    theme: str | None,
) -> None:
    """Serve the browser app over HTTP: open http://HOST:PORT in a web browser.

    Listens on 127.0.0.1 only, unless --host says otherwise; there is no login, so
    from another machine use an SSH tunnel: ssh -L 8000:127.0.0.1:8000 server.
    """
    from textual_serve.server import Server  # imported here: aiohttp is slow to import

    cli.db(reading=True)  # exit 2 when there is none; migrate or refuse before serving
    if host not in LOCAL_HOSTS:
        echo(
            f"warning: listening on {host}: anyone who can reach it can read the database"
            " (there is no login); an SSH tunnel to 127.0.0.1 is safer",
            err=True,
        )
    command = browse_command(cli.db_path.resolve(), config_path, theme)
    server = Server(command, host=host, port=port, title="claimlens", public_url=public_url)
    server.serve()
