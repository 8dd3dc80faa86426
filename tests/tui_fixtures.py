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
from tui.cli_browse import build_demo_db
from tui.config import Config

__all__ = [
    "MARKUP_TEXT",
    "async_test",
    "build_markup_db",
    "demo_app",
    "demo_db",
    "demo_db_template",
    "ensure_demo_matches",
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


def ensure_demo_matches(path: Path) -> bool:
    """Make sure the demo database has the two cross-source matches the sample holds.

    The matching engine (db.matching) writes them when it is installed; while it
    is not, this writes the pairs it is specified to find (the 11,000 vs 10,000
    conflict and Umerov's "small contacts" statement), so the browser's own
    behaviour can still be tested. Returns True when the engine wrote them.
    """
    db = connect(path)
    try:
        if db.execute("SELECT count(*) FROM matches").fetchone()[0]:
            return True

        def sid(source: str, needle: str) -> int:
            row = db.execute(
                "SELECT s.id FROM statements s JOIN articles a ON a.id = s.article_id"
                " JOIN sources src ON src.id = a.source_id"
                " WHERE src.name = ? AND s.text LIKE ? ORDER BY s.id",
                (source, f"%{needle}%"),
            ).fetchone()
            return int(row[0])

        a = sid("Source A", "an estimated 11,000")
        b = sid("Source B", "at least 10,000")
        diff = [
            {"a": "an estimated 11,000", "b": "at least 10,000", "a_value": 11000, "b_value": 10000}
        ]
        db.execute(
            "INSERT INTO matches(a, b, score, relation, diff) VALUES (?, ?, ?, ?, ?)",
            (min(a, b), max(a, b), 81.0, "conflict", json.dumps(diff)),
        )
        c = sid("Source A", "small contacts")
        d = sid("Source B", "systematically organized")
        db.execute(
            "INSERT INTO matches(a, b, score, relation, diff) VALUES (?, ?, ?, ?, NULL)",
            (min(c, d), max(c, d), 72.0, "same"),
        )
        return False
    finally:
        db.conn.close()


@pytest.fixture(scope="session")
def demo_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo_db(path)
    ensure_demo_matches(path)
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


def build_markup_db(path: Path) -> Path:
    from db.ingest import ingest_paths

    article = path.parent / "markup.txt"
    article.write_text(MARKUP_TEXT, encoding="utf-8")
    db = connect(path)
    ingest_paths(db, [article], source="[bold]Evil[/bold] Source", match=False)
    db.conn.close()
    return path


@pytest.fixture
def markup_db(tmp_path: Path) -> Path:
    return build_markup_db(tmp_path / "markup.db")


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Let messages, workers and the screen catch up."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def async_test(fn: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test function in a fresh event loop (no asyncio plugin needed)."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(fn(*args, **kwargs))

    return run
