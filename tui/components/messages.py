"""Messages the browser's components send one another (handled with ``@on``)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from textual.message import Message
from textual.message_pump import MessagePump
from textual.worker import Worker, get_current_worker

if TYPE_CHECKING:
    import sqlite_utils

    from tui.components.library import Library


class ArticleHighlighted(Message):
    """The list cursor is on an article (the reader previews it where there is room)."""

    def __init__(self, article_id: int) -> None:
        super().__init__()
        self.article_id = article_id


class ArticleSelected(Message):
    """Open an article, optionally with statement ``seq`` under the cursor."""

    def __init__(self, article_id: int, seq: int | None = None) -> None:
        super().__init__()
        self.article_id = article_id
        self.seq = seq


class StorySelected(Message):
    """Enter on a story's header in the list: open the story view."""

    def __init__(self, story_id: int) -> None:
        super().__init__()
        self.story_id = story_id


class StatementChanged(Message):
    """The reader's statement cursor moved (``statement`` is None for an empty article)."""

    def __init__(self, article: dict, statement: dict | None) -> None:
        super().__init__()
        self.article = article
        self.statement = statement


class JumpToStatement(Message):
    """Open the article holding ``statement_id`` with it under the cursor, remembering
    where we were so that Back returns there."""

    def __init__(self, statement_id: int) -> None:
        super().__init__()
        self.statement_id = statement_id


class Read(Message):
    """What a worker thread read for the UI thread (posted, never awaited: the app may be
    closing). ``worker`` is None for a read ahead, which is only kept."""

    def __init__(self, worker: Worker[None] | None, payload: Any) -> None:
        super().__init__()
        self.worker = worker
        self.payload = payload

    @property
    def wanted(self) -> bool:
        """Still to be shown: its worker was not cancelled by a newer move."""
        return self.worker is not None and not self.worker.is_cancelled


class ArticleRead(Read):
    """An article view (and the claims of its first statement) read in a worker."""


class ClaimsRead(Read):
    """A statement's claim view read in a worker."""


class PageRead(Read):
    """A page of the article list read ahead in a worker."""


class CountsRead(Read):
    """The list's (articles, stories) counted in a worker."""


def post_from_thread(target: MessagePump, message: Message) -> None:
    """Post ``message`` to ``target`` from a worker thread; dropped if the app has closed."""
    with contextlib.suppress(RuntimeError):  # the event loop is closed: nobody to show it
        target.post_message(message)


def read_and_post(
    target: MessagePump,
    library: Library,
    message: type[Read],
    reads: Iterable[Callable[[sqlite_utils.Database], Any]],
    *,
    delay: float = 0.0,
    show: bool = False,
) -> None:
    """(In a thread worker) after ``delay`` seconds, run each of ``reads`` on a worker
    connection and post what it read to ``target`` as ``message``, until the worker is
    cancelled (by the next move). ``show``: the message carries its worker, to be shown
    if no newer move cancelled it; else it is a read ahead, only kept.

    The delay lets the frame that answers the key be drawn first (a thread reading
    meanwhile holds the GIL while it tokenizes), and lets key repeat cancel the reads of
    the rows passed over before they start."""
    worker = get_current_worker()
    if delay:
        time.sleep(delay)
    for read in reads:
        if worker.is_cancelled:
            return
        with library.worker_db() as db:
            payload = read(db)
        post_from_thread(target, message(worker if show else None, payload))
