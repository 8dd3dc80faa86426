"""Drive ``claimlens serve`` in a real headless Chromium, for the serve test and the
live-update benchmark: start the server and the browser on 127.0.0.1, speak the
Chrome DevTools protocol over its websocket (aiohttp, which textual-serve brings),
read what the app sent to the page, press keys, take screenshots.

The page draws the terminal on a canvas, so its text is not in the DOM: a script
installed before the page loads keeps every byte the app sends over the page's
websocket, and :meth:`Page.screen_text` is that stream without escape sequences.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import aiohttp

CLI = [sys.executable, "-c", "from tui.cli import main; main()"]
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--mute-audio",
    "--window-size=1280,800",
    "--remote-debugging-address=127.0.0.1",
    "--remote-debugging-port=0",
]
# Kept in the page: every byte the app sends (the terminal output), decoded as UTF-8.
_RECORD_SOCKET = """
(() => {
  const Native = window.WebSocket;
  const decoder = new TextDecoder();
  window.__received = [];
  window.WebSocket = function (...args) {
    const ws = new Native(...args);
    ws.addEventListener("message", (event) => {
      if (typeof event.data !== "string") {
        window.__received.push(decoder.decode(new Uint8Array(event.data), {stream: true}));
      }
    });
    return ws;
  };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, Native);
})();
"""
_ESCAPES = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.")


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def plain(stream: str) -> str:
    """Terminal output without its escape sequences (cursor moves become nothing)."""
    return _ESCAPES.sub("", stream)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    """Stop a process started in a session of its own, and its children, by its id."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)


@contextlib.contextmanager
def serving(db_path: Path, log: Path) -> Iterator[str]:
    """``claimlens serve`` on a free 127.0.0.1 port; yields its URL once it answers."""
    port = free_port()
    cmd = [*CLI, "--db", str(db_path), "serve", "--host", "127.0.0.1", "--port", str(port)]
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"claimlens serve exited: {log.read_text()[-2000:]}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            if time.monotonic() > deadline:
                raise RuntimeError("claimlens serve did not start listening in 60 s")
            time.sleep(0.1)
        yield url
    finally:
        _stop(proc)


class ChromiumUnavailable(RuntimeError):
    pass


@contextlib.contextmanager
def chromium(binary: str) -> Iterator[int]:
    """A headless Chromium with a fresh profile; yields its DevTools port."""
    profile = Path(tempfile.mkdtemp(prefix="claimlens-chromium-"))
    cmd = [binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"]
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        active = profile / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (active.exists() and active.read_text().strip()):
            if proc.poll() is not None or time.monotonic() > deadline:
                _stop(proc)
                err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
                raise ChromiumUnavailable(f"Chromium did not start: {err[-500:]}")
            time.sleep(0.1)
        yield int(active.read_text().split()[0])
    finally:
        _stop(proc)
        shutil.rmtree(profile, ignore_errors=True)


class Page:
    """One browser tab, driven over the DevTools protocol."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self._next_id = 0

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        self._next_id += 1
        call_id = self._next_id
        await self.ws.send_str(json.dumps({"id": call_id, "method": method, "params": params}))
        while True:
            message = await self.ws.receive(timeout=60)
            if message.type != aiohttp.WSMsgType.TEXT:
                raise RuntimeError(f"DevTools connection closed ({message.type})")
            data = json.loads(message.data)
            if data.get("id") == call_id:
                if "error" in data:
                    raise RuntimeError(f"{method}: {data['error']}")
                return data.get("result", {})

    async def evaluate(self, expression: str) -> Any:
        result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    async def received(self) -> str:
        """Everything the app has sent so far (terminal output, escapes included)."""
        return await self.evaluate("window.__received ? window.__received.join('') : ''") or ""

    async def screen_text(self, since: int = 0) -> str:
        return plain((await self.received())[since:])

    async def wait_for_text(self, text: str, *, since: int = 0, timeout: float = 60) -> float:
        """Seconds until ``text`` appears in the app's output after offset ``since``."""
        started = time.monotonic()
        while text not in await self.screen_text(since):
            if time.monotonic() - started > timeout:
                tail = (await self.screen_text(since))[-1500:]
                raise AssertionError(f"{text!r} not shown within {timeout} s; last output: {tail}")
            await asyncio.sleep(0.02)
        return time.monotonic() - started

    async def press(self, key: str) -> None:
        """Type one printable key into the focused terminal."""
        code = {"key": key, "text": key, "unmodifiedText": key}
        await self.send("Input.dispatchKeyEvent", type="keyDown", **code)
        await self.send("Input.dispatchKeyEvent", type="keyUp", key=key)

    async def screenshot(self) -> bytes:
        result = await self.send("Page.captureScreenshot", format="png")
        return base64.b64decode(result["data"])


@contextlib.asynccontextmanager
async def open_page(devtools_port: int, url: str) -> AsyncIterator[Page]:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"http://127.0.0.1:{devtools_port}/json/list") as response:
            targets = await response.json()
        target = next(t for t in targets if t.get("type") == "page")
        async with session.ws_connect(target["webSocketDebuggerUrl"], max_msg_size=0) as ws:
            page = Page(ws)
            await page.send("Page.enable")
            await page.send("Page.addScriptToEvaluateOnNewDocument", source=_RECORD_SOCKET)
            await page.send("Page.navigate", url=url)
            yield page
