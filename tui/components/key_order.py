"""Keys act in the order typed, however fast they come.

Textual reads a key in the app, runs a *priority* binding there at once, and
otherwise posts the key to the focused widget, from which it bubbles up, queue by
queue, back to the app, where the other bindings are checked. A burst of keys (a
fast typist, a paste, several keys in one SSH packet) is in the app's queue at once:
↓ ↓ ⏎ in the search screen posted both ↓ to the query box, then ran ⏎ (a priority
binding) before either ↓ had moved the results: the first hit opened, and the ↓s
then moved the reader.

:class:`KeyOrder` lets one key in at a time: a key posted to a widget is followed
there by a :class:`KeyDone` marker, which bubbles behind it along the same queues
(each queue is first in, first out); the next key is let in when the marker reaches
the app, that is once the key has been handled wherever it was handled. A marker
lost on the way (its widget removed meanwhile) is given up after
:data:`GIVE_UP_AFTER` seconds, so no key is held for long.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from functools import partial

from textual import events
from textual.app import App
from textual.message import Message
from textual.timer import Timer

GIVE_UP_AFTER = 0.5  # seconds: a marker this late was lost (its widget is gone)


class KeyDone(Message, bubble=True):
    """Follows a key to the widget it was posted to, and up to the app behind it."""


class KeyOrder:
    """The app's keys, let in one at a time (see the module's doc)."""

    def __init__(self, app: App[object], handle: Callable[[events.Key], Awaitable[None]]) -> None:
        self.app = app
        self.handle = handle  # Textual's own handling of a key (App.on_event)
        self.waiting: deque[events.Key] = deque()
        self.in_flight: KeyDone | None = None
        self.timer: Timer | None = None

    async def key(self, event: events.Key) -> None:
        """A key read from the terminal: handled now, or once the keys before it are."""
        self.waiting.append(event)
        await self._let_in()

    async def done(self, marker: KeyDone) -> None:
        """A marker reached the app: its key has been handled; the next one may come."""
        if marker is not self.in_flight:
            return
        self.in_flight = None
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        await self._let_in()

    async def _let_in(self) -> None:
        while self.waiting and self.in_flight is None:
            event = self.waiting.popleft()
            await self.handle(event)
            if not event.is_forwarded:
                continue  # handled in the app (a priority binding): nothing in flight
            target = self.app.focused or self.app.screen
            marker = KeyDone()
            if target.post_message(marker):
                self.in_flight = marker
                self.timer = self.app.set_timer(GIVE_UP_AFTER, partial(self.done, marker))
