"""``claimlens serve``: the browser app in a web browser, through textual-serve.

Each browser tab gets its own ``claimlens browse`` process, its screen sent over
a websocket. It is bound to 127.0.0.1 by default: the app reads (and its command
palette can reach) the whole database, and textual-serve has no login, so reach
it from elsewhere through an SSH tunnel, not by binding to a public address.
"""

from __future__ import annotations

import errno
import re
import shlex
import socket
import sys
import tempfile
from pathlib import Path

import click

from tui.cli.common import CliContext, echo, pass_cli

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")

# textual-serve's page loads its font from fonts.googleapis.com; the same font ships with
# it (static/fonts), served by the server itself: the page takes it from there.
GOOGLE_FONT = re.compile(r"<link[^>]*https://fonts\.googleapis\.com/[^>]*>")
LOCAL_FONT = """<style>
      @font-face {
        font-family: "Roboto Mono";
        font-style: normal;
        font-weight: 100 700;
        src: url("{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf")
          format("truetype");
      }
      @font-face {
        font-family: "Roboto Mono";
        font-style: italic;
        font-weight: 100 700;
        src: url("{{ config.static.url }}fonts/RobotoMono-Italic-VariableFont_wght.ttf")
          format("truetype");
      }
    </style>"""


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
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(1, 65535),
    help="Port to listen on.",
)
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
    busy = port_problem(host, port)
    if busy is not None:
        echo(busy, err=True)
        raise SystemExit(1)
    command = browse_command(cli.db_path.resolve(), config_path, theme)
    with tempfile.TemporaryDirectory(prefix="claimlens-serve-") as pages:
        server = Server(
            command,
            host=host,
            port=port,
            title="claimlens",
            public_url=public_url,
            templates_path=offline_templates(Path(pages)),
        )
        server.serve()


def port_problem(host: str, port: int) -> str | None:
    """Why textual-serve could not listen on ``host``:``port`` (in use, an address not
    of this machine, a name that does not resolve), as one line; None when it can. Bound
    as aiohttp binds (SO_REUSEADDR, on every address the name has), then let go."""
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        return f"cannot listen on {host}: {exc.strerror}"
    for family, kind, proto, _name, address in addresses:
        with socket.socket(family, kind, proto) as probe:
            if sys.platform != "win32":
                probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(address)
            except OSError as exc:
                if exc.errno == errno.EADDRINUSE:
                    return f"port {port} is in use on {host}: try another --port"
                return f"cannot listen on {host}:{port}: {exc.strerror or exc}"
    return None


def offline_templates(folder: Path) -> Path:
    """``folder`` holding textual-serve's page with its font taken from the server
    (:data:`LOCAL_FONT`) instead of fonts.googleapis.com (a page without that link is
    copied as it is)."""
    import textual_serve

    shipped = Path(textual_serve.__file__).parent / "templates"
    for page in shipped.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        (folder / page.name).write_text(
            GOOGLE_FONT.sub(lambda _m: LOCAL_FONT, text), encoding="utf-8"
        )
    return folder
