"""newsboat's ``urls`` file: the list of feeds ``claimlens follow`` fetches.

One feed a line: its URL, then optional tags separated by spaces; a tag with
spaces is quoted (``"~Evening Chronicle"``). A tag starting with ``~`` names the
feed (here: the source its articles are stored under); ``#`` starts a comment,
on a line of its own or after the tags. Lines newsboat understands but that are
not feeds fetched over HTTP (``query:`` feeds, ``exec:`` and ``filter:``
commands, ``file:`` URLs) are reported, never run.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from db.formats import BadInput, decode_bytes, printable
from db.wording import a_or_an

# A urls file is a hand-written list; a bigger file is not one.
MAX_URLS_FILE_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class FeedSpec:
    """One feed of the urls file."""

    url: str
    source: str | None  # the "~name" tag, if any
    tags: tuple[str, ...]  # the other tags, as written
    line: int


@dataclass(frozen=True, slots=True)
class BadLine:
    """A line of the urls file that names no feed claimlens can fetch, and why."""

    line: int
    reason: str

    def __str__(self) -> str:
        return printable(f"line {self.line}: {self.reason}")


def read_urls_file(path: Path) -> tuple[list[FeedSpec], list[BadLine]]:
    """The feeds listed in ``path`` (first occurrence of each URL) and its bad lines.

    Raises :class:`BadInput` (one line) when the file cannot be read at all.
    """
    try:
        size = path.stat().st_size
        if size > MAX_URLS_FILE_BYTES:
            raise BadInput(f"{path}: too large for a urls file ({size:,} bytes)")
        text = decode_bytes(path.read_bytes())
    except OSError as exc:
        raise BadInput(f"{path}: cannot read: {exc.strerror or exc}") from None
    return parse_urls(text)


def parse_urls(text: str) -> tuple[list[FeedSpec], list[BadLine]]:
    feeds: list[FeedSpec] = []
    bad: list[BadLine] = []
    seen: set[str] = set()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parsed = parse_line(line, number)
        if isinstance(parsed, BadLine):
            bad.append(parsed)
        elif parsed.url not in seen:
            seen.add(parsed.url)
            feeds.append(parsed)
    return feeds, bad


def parse_line(line: str, number: int) -> FeedSpec | BadLine:
    try:
        words = shlex.split(line, posix=True)
    except ValueError as exc:  # an unclosed quote
        return BadLine(number, f"cannot read the line ({exc})")
    # A word starting with '#' starts a comment (a URL's own '#fragment' is inside a word).
    for at, word in enumerate(words):
        if word.startswith("#"):
            words = words[:at]
            break
    if not words:
        return BadLine(number, "no URL")
    url, tags = words[0], words[1:]
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        kind = f"{a_or_an(scheme)}: line" if scheme else "not a URL"
        return BadLine(number, f"{kind} ({url[:80]!r}): only http(s) feeds are fetched")
    if not urlsplit(url).hostname:
        return BadLine(number, f"no host in the URL {url[:80]!r}")
    source = next((t[1:].strip() for t in tags if t.startswith("~") and t[1:].strip()), None)
    others = tuple(t for t in tags if not t.startswith("~"))
    return FeedSpec(url=url, source=source, tags=others, line=number)
