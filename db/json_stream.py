"""Reading a JSON file of any size one value at a time (the streaming reader of
:mod:`db.formats`): memory holds the value being parsed, never the whole file.

A list's items come one by one (:meth:`JsonStream.items`); an object's members are
walked with :meth:`~JsonStream.peek`, :meth:`~JsonStream.expect` and
:meth:`~JsonStream.value`. Errors are :class:`BadJson` with the line and column.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

__all__ = ["BadJson", "JsonStream"]

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_READ_BYTES = 1 << 20


class BadJson(ValueError):
    """The file is not valid JSON there, or a value is over the size limit."""


class _NeedMore(Exception):
    pass


class JsonStream:
    """A JSON file parsed one value at a time from a sliding buffer, so memory holds the
    value being parsed (at most ``max_value_chars`` of text), never the whole file."""

    def __init__(self, handle: BinaryIO, encoding: str, *, max_value_chars: int) -> None:
        self._handle = handle
        self._chars = codecs.getincrementaldecoder(encoding)(errors="replace")
        self._decoder = json.JSONDecoder(strict=False)  # raw tabs/newlines in strings
        self._max = max_value_chars
        self.buf, self.pos, self._lines_before, self._eof = "", 0, 0, False
        # Characters of the line buf starts in that came before it (read and let go).
        self._column_before = 0
        self.last_size = 0  # characters of the last value parsed

    def _more(self) -> bool:
        if self._eof:
            return False
        data = self._handle.read(_READ_BYTES)
        self._eof = not data
        self._lines_before += self.buf.count("\n", 0, self.pos)
        line_start = self.buf.rfind("\n", 0, self.pos) + 1
        self._column_before = (self._column_before if line_start == 0 else 0) + (
            self.pos - line_start
        )
        self.buf, self.pos = self.buf[self.pos :] + self._chars.decode(data, final=self._eof), 0
        return True

    def peek(self) -> str | None:
        """The next character that is not white space (None at the end of the file)."""
        while True:
            self.pos = _WHITESPACE.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                return None

    def skip(self, char: str) -> bool:
        if self.peek() != char:
            return False
        self.pos += 1
        return True

    def expect(self, char: str, inside: str, message: str) -> None:
        if self.skip(char):
            return
        if self.peek() is None:
            raise BadJson(f"invalid JSON: the file ends inside the {inside}")
        raise BadJson(f"invalid JSON at {self.where()}: {message}")

    def where(self, at: int | None = None) -> str:
        at = self.pos if at is None else at
        line = self._lines_before + self.buf.count("\n", 0, at) + 1
        line_start = self.buf.rfind("\n", 0, at) + 1
        column = at - line_start + 1 + (self._column_before if line_start == 0 else 0)
        return f"line {line} column {column}"

    def value(self, what: str) -> Any:
        """The next JSON value; ``what`` names it when it is too large to read."""
        self.peek()
        while True:
            try:
                item, end = self._decoder.raw_decode(self.buf, self.pos)
                if end >= len(self.buf) and not self._eof:
                    raise _NeedMore  # a number at the end of the buffer may go on
                break
            except (json.JSONDecodeError, _NeedMore) as exc:
                if not self._eof and len(self.buf) - self.pos <= self._max:
                    self._more()
                    continue
                if not self._eof:
                    raise BadJson(f"{what} too large (over {self._max:,} bytes)") from None
                if isinstance(exc, json.JSONDecodeError):
                    raise BadJson(f"invalid JSON at {self.where(exc.pos)}: {exc.msg}") from None
                raise BadJson("invalid JSON: the file ends inside a value") from None
        self.last_size, self.pos = end - self.pos, end
        return item

    def items(self, what: str) -> Iterator[Any]:
        """The items of the list starting here, one at a time (``what`` names them:
        "record" -> "record 3 too large")."""
        self.expect("[", "list", "expected a list")
        if self.skip("]"):
            return
        index = 0
        while True:
            index += 1
            yield self.value(f"{what} {index}")
            if self.skip("]"):
                return
            if self.peek() is None:
                raise BadJson("invalid JSON: the file ends inside the list")
            if not self.skip(","):
                raise BadJson(f"invalid JSON at {self.where()}: expected ',' or ']'")
