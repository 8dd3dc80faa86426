"""``claimlens serve`` end to end in a real headless Chromium (skipped, saying why, when
Chromium is not installed: ``.ci/run`` installs Debian's): the page loads, the article
list renders, a key press moves the cursor, and the screenshots show it."""

from __future__ import annotations

import asyncio
import io
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.browser import ChromiumUnavailable, chromium, find_chromium, open_page, serving
from tui.cli import main
from tui.cli.serve import browse_command
from tui.demo import build_demo_db

FIRST = "Ukraine says it fought N Korean troops"  # the demo's first article (Source A)
SECOND_SOURCE = "Source B"
SECOND_BODY = "systematically"  # a word of Source B's article only
# Set CLAIMLENS_SCREENSHOTS=DIR to keep the screenshots (to look at them).
SCREENSHOTS = (
    Path(os.environ["CLAIMLENS_SCREENSHOTS"]) if "CLAIMLENS_SCREENSHOTS" in os.environ else None
)


def colours(png: bytes) -> int:
    """How many different colours a screenshot holds (a blank page: one or two)."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    return len(image.getcolors(maxcolors=1 << 20) or [])


def changed_pixels(a: bytes, b: bytes) -> int:
    from PIL import Image, ImageChops

    first = Image.open(io.BytesIO(a)).convert("RGB")
    second = Image.open(io.BytesIO(b)).convert("RGB")
    box = ImageChops.difference(first, second).getbbox()
    return 0 if box is None else (box[2] - box[0]) * (box[3] - box[1])


def test_serve_in_headless_chromium(tmp_path: Path) -> None:
    pytest.importorskip("PIL.Image", reason="Pillow (a test extra) reads the screenshots")
    binary = find_chromium()
    if binary is None:
        pytest.skip("Chromium is not installed (apt-get install chromium; .ci/run does it)")
    db_path = build_demo_db(tmp_path / "demo.db")
    with serving(db_path, tmp_path / "serve.log") as url:
        try:
            with chromium(binary) as devtools:
                asyncio.run(_drive(devtools, url))
        except ChromiumUnavailable as exc:
            pytest.skip(str(exc))


async def _drive(devtools: int, url: str) -> None:
    async with open_page(devtools, url) as page:
        # The page loads and the app draws its article list.
        await page.wait_for_text(FIRST)
        text = await page.screen_text()
        assert "claimlens" in text and "Source A" in text and SECOND_SOURCE in text
        assert SECOND_BODY not in text  # the second article's text is not shown yet
        assert await page.evaluate("document.querySelector('.textual-terminal') !== null")
        await asyncio.sleep(0.5)  # let the page paint what arrived
        before = await page.screenshot()
        assert colours(before) > 8, "the screenshot is blank"

        # j moves the cursor to the second article: the app redraws the list and the
        # reader now shows Source B's article.
        mark = len(await page.received())
        await page.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        await page.press("j")
        await page.wait_for_text(SECOND_BODY, since=mark)
        await asyncio.sleep(0.5)
        after = await page.screenshot()
        assert colours(after) > 8
        assert changed_pixels(before, after) > 0
        if SCREENSHOTS:
            (SCREENSHOTS / "serve-before.png").write_bytes(before)
            (SCREENSHOTS / "serve-after.png").write_bytes(after)


def test_serve_needs_a_database_and_runs_browse_on_it(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(main, ["--db", str(missing), "serve", "--port", "1"])
    assert result.exit_code == 2 and "no database" in result.output
    assert not missing.exists()
    # The command each browser tab runs: this Python, this database, quoted for the shell.
    command = browse_command(tmp_path / "my news.db", None, "ansi-light")
    assert "'" + str(tmp_path / "my news.db") + "'" in command
    assert command.endswith("browse --theme ansi-light")


def test_serve_on_a_busy_port_says_so_and_announces_nothing(tmp_path: Path) -> None:
    """QA finding 9: a success banner, then a traceback. Now one line and exit 1."""
    import socket

    db_path = build_demo_db(tmp_path / "demo.db")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(
            main, ["--db", str(db_path), "serve", "--port", str(port)], catch_exceptions=False
        )
    assert result.exit_code == 1, result.output
    assert f"port {port} is in use on 127.0.0.1: try another --port" in result.output
    assert "Serving" not in result.output and "Traceback" not in result.output


def test_the_served_page_fetches_nothing_from_the_internet(tmp_path: Path) -> None:
    """QA finding 9: the page loaded its font from fonts.googleapis.com; it takes the one
    textual-serve ships, from the server itself."""
    import urllib.request

    from tests.browser import serving

    db_path = build_demo_db(tmp_path / "demo.db")
    with serving(db_path, tmp_path / "serve.log") as url:
        with urllib.request.urlopen(url, timeout=30) as page:
            html = page.read().decode()
        with urllib.request.urlopen(url + "static/fonts/RobotoMono-VariableFont_wght.ttf") as f:
            assert len(f.read()) > 10_000
    assert "fonts/RobotoMono-VariableFont_wght.ttf" in html
    assert "googleapis" not in html and "https://" not in html
