"""Fixtures for the browser's tests: databases built from tui/samples and small texts.

Import the fixtures into a test module with ``from tests.tui_fixtures import *``
(pytest then finds them there).
"""

from __future__ import annotations

import asyncio
import functools
import json
import shutil
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest

from db.connection import connect
from tui.app import ClaimLensApp, make_app
from tui.config import Config
from tui.demo import build_demo_db

__all__ = [
    "MARKUP_TEXT",
    "async_test",
    "build_markup_db",
    "demo_app",
    "demo_db",
    "demo_db_template",
    "markup_db",
    "settle",
]

# An untrusted article: Rich/Textual markup, a link, escapes and a terminal escape.
MARKUP_TEXT = (
    " date 2024-01-02 [bold red]Breaking[/] news [link=https://evil.example]click[/link]\n"
    "\n"
    "Officials said [b]nothing[/b] about the \\[escaped] tags, [/] or [@click=app.quit]quit[/].\n"
    "\n"
    '"We counted [i]42[/i] boats," said [red]Admiral Ackbar[/red] on Monday.\n'
)


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo_db(path)
    return path


@pytest.fixture
def demo_db(demo_db_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database (two sources, one event)."""
    path = tmp_path / "demo.db"
    db = connect(demo_db_template)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.conn.close()
    shutil.copy(demo_db_template, path)
    return path


@pytest.fixture
def demo_app(demo_db: Path) -> Callable[..., ClaimLensApp]:
    """make_app over the demo database, with no user config (theme and keys as shipped)."""

    def factory(**kwargs: object) -> ClaimLensApp:
        kwargs.setdefault("config", Config())
        return make_app(demo_db, **kwargs)  # type: ignore[arg-type]

    return factory


def ingested_db(path: Path, files: list[Path], source: str | None = None) -> Path:
    """A new database at ``path`` holding ``files`` (not matched), closed again."""
    from db.ingest import ingest_paths

    db = connect(path)
    ingest_paths(db, files, source=source, match=False)
    db.conn.close()
    return path


def one_sentence_articles(path: Path, n: int, date: Callable[[int], str]) -> Path:
    """A JSONL file at ``path`` of ``n`` short articles ("Headline number i", a body of
    two short sentences) from three wires in turn, article ``i`` dated ``date(i)``."""
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            record = {
                "id": str(i),
                "source": f"Wire {i % 3}",
                "date": date(i),
                "title": f"Headline number {i}",
                "text": f"Body of article {i}. It has two sentences.",
            }
            out.write(json.dumps(record) + "\n")
    return path


def build_markup_db(path: Path) -> Path:
    article = path.parent / "markup.txt"
    article.write_text(MARKUP_TEXT, encoding="utf-8")
    return ingested_db(path, [article], source="[bold]Evil[/bold] Source")


@pytest.fixture
def markup_db(tmp_path: Path) -> Path:
    return build_markup_db(tmp_path / "markup.db")


def screen_text(app: ClaimLensApp) -> str:
    """What is on the terminal, as plain text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Let messages, workers and the screen catch up: what a worker thread read arrives
    as a message, and showing it may start another worker (an article, then its
    claims, then what is read ahead), so wait until no worker is left running."""
    for _ in range(50):
        await pilot.pause()
        if all(worker.is_finished for worker in pilot.app.workers):
            break
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def story_opened(app: ClaimLensApp, pilot, key: str = "o") -> Any:  # type: ignore[no-untyped-def]
    """``key`` pressed once the app has settled (o: the story view; C: at its
    conflicts), then settled again: the story screen it opened."""
    from tui.components.story_view import StoryScreen

    await settle(pilot)
    await pilot.press(key)
    await settle(pilot)
    story = app.screen
    assert isinstance(story, StoryScreen)
    return story


def async_test(fn: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test function in a fresh event loop (no asyncio plugin needed)."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(fn(*args, **kwargs))

    return run
