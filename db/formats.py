"""Readers: turn files of every supported format into :class:`RawArticle` records.

Formats are detected by extension and, when the extension says nothing, by
content. Every reader is a generator, so a folder of any size streams through
in constant memory (one file, or one JSONL line or CSV row, at a time). A record
that cannot be read becomes a :class:`Rejected` with the file, the line (JSONL,
CSV) and a one-line reason; the rest of the batch goes on.
"""

from __future__ import annotations

import codecs
import contextvars
import csv
import io
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from db.cleaning import InputPieces, clean_text, clean_title, strip_controls
from db.dates import AMBIGUOUS, numeric_order, parse_date
from db.json_stream import BadJson, JsonStream

# Files read whole (text, HTML, feeds) bigger than this are refused instead of being
# read into memory. JSON Lines and JSON (a list, or an object wrapping one) are streamed
# one record at a time and have no size limit; a JSON object's other members may hold
# this much at most.
MAX_FILE_BYTES = 64 * 1024 * 1024
# One article (headline and body) longer than this is refused: it is a dump, a log or
# a book, not an article, and would dominate memory and the index. The longest
# Reuters-21578 record is ~13,000 characters.
MAX_ARTICLE_CHARS = 5_000_000
# A JSON Lines line longer than this is refused (and skipped without reading it whole).
MAX_LINE_BYTES = 4 * MAX_ARTICLE_CHARS
# A text file longer than this is refused before it is read: no text of more bytes fits
# in MAX_ARTICLE_CHARS characters (four bytes at most per character).
MAX_TEXT_BYTES = 4 * MAX_ARTICLE_CHARS
# A "headline" longer than this is a paragraph (a page saved on one line): it goes to
# the body, and its beginning stands in for the headline.
MAX_TITLE_CHARS = 500
SHORT_TITLE_CHARS = 120
# An HTML page whose extracted text is shorter than this holds no article.
MIN_HTML_WORDS = 8

TEXT_EXTENSIONS = {".txt", ".md", ".text", ".markdown"}
JSON_EXTENSIONS = {".json"}
JSONL_EXTENSIONS = {".jsonl", ".ndjson"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
FEED_EXTENSIONS = {".rss", ".atom", ".xml", ".rdf"}
CSV_EXTENSIONS = {".csv", ".tsv"}
KNOWN_EXTENSIONS = (
    TEXT_EXTENSIONS
    | JSON_EXTENSIONS
    | JSONL_EXTENSIONS
    | HTML_EXTENSIONS
    | FEED_EXTENSIONS
    | CSV_EXTENSIONS
)

_SEED_FIRST_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*(.*)$")
_BODY_KEYS = ("text", "body", "content", "body-paragraphs", "paragraphs", "article")


@dataclass(slots=True)
class RawArticle:
    """One article as read from a file, before it is stored."""

    title: str
    body: str
    date: str | None  # normalised ISO 8601, or None
    source: str | None  # the record's own idea of its source, if any
    url: str | None
    path: str  # the file it came from
    key: str  # identity: url, else path (+ '#' record id or line)
    line: int | None = None  # 1-based line (JSONL) or record index (JSON list)
    nbytes: int = 0  # bytes of input this record came from, when known (JSONL), for progress
    input: InputPieces | None = None  # what was read, before cleaning (only by read_input)
    date_unread: bool = False  # a date was given that could not be read: undated
    # A numeric date that reads either way ("05/11/2024"), as given: unread here, read
    # in its file's order by the ingest (db.date_orders), which notes how in date_read
    # (order, why).
    date_either: str | None = None
    date_read: tuple[str, str] | None = None
    # The order of a numeric date that reads one way only ("25/11/2024": "dmy"), which
    # tells the order of its file's ambiguous ones.
    date_order: str | None = None


@dataclass(slots=True)
class Rejected:
    """A file or record that could not be ingested, and why."""

    path: str
    reason: str
    line: int | None = None
    unit: str = "line"  # what ``line`` counts: "line" (JSONL, CSV), "record" (JSON), "entry" (feed)
    # The file holds no article at all (a JSON object with no article field, a table
    # with no such column: a data set's annotations or metadata): found in a folder,
    # it is skipped, not rejected.
    not_article: bool = False
    # A record whose title and text are there but empty (Reuters-21578 has 737): skipped
    # and counted, as a blank line is, not rejected.
    empty: bool = False

    def __str__(self) -> str:
        if self.line is None:
            where = self.path
        elif self.unit == "line":
            where = f"{self.path}:{self.line}"
        else:
            where = f"{self.path}: {self.unit} {self.line}"
        return printable(f"{where}: {self.reason}")


def printable(text: str, limit: int = 500) -> str:
    """One safe line: control characters (newlines, escapes) and lone surrogates are
    shown as Python escapes, so a file name or message can never drive a terminal."""
    if not text.isprintable():
        text = "".join(
            c
            if c.isprintable() or c == " "
            else c.encode("unicode_escape", "backslashreplace").decode("ascii")
            for c in text
        )
    return text if len(text) <= limit else text[: limit - 1] + "…"


def display_path(path: Path) -> str:
    """``path`` as text that can be stored and shown: bytes of a file name that are not
    UTF-8 (kept by Python as surrogates) are written as ``\\xNN``, control characters
    (an escape sequence or a newline in a file name) as Python escapes."""
    return printable(os.fsencode(path).decode("utf-8", "backslashreplace"), limit=1 << 20)


Record = RawArticle | Rejected


class BadInput(ValueError):
    """Raised inside a reader for input it cannot make sense of."""


class EmptyRecord(BadInput):
    """Raised for a record whose title and text fields are all empty (:attr:`Rejected.empty`)."""


class NotArticle(BadInput):
    """Raised for a file that is readable but holds no article (:attr:`Rejected.not_article`)."""


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every file under ``paths`` (recursing into folders), sorted, hidden ones skipped.

    Folders are walked one at a time (only one folder's names are held in memory),
    depth first in name order, which is the order of sorting the whole tree by path
    parts. Links to folders are not followed (no cycles); links to files are.
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(folder: Path) -> Iterator[Path]:
    try:
        with os.scandir(folder) as entries:
            names = sorted(
                (e.name, e.is_dir(follow_symlinks=False))
                for e in entries
                if not e.name.startswith(".")
            )
    except OSError:
        return  # unreadable folder: nothing to list (a file in it would be reported)
    for name, is_dir in names:
        child = folder / name
        if is_dir:
            yield from _walk(child)
        elif child.is_file():
            yield child


def read_file(path: Path) -> Iterator[Record]:
    """All records in one file; never raises for bad content.

    Anything a reader trips over (a parser's own exception, a JSON nesting too deep
    to parse) becomes a :class:`Rejected` for the file, after the records read so far.
    """
    path = path.resolve()  # the same file has the same key however it was named
    name = display_path(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise BadInput("not a regular file")
        size = info.st_size
        if size == 0:
            raise BadInput("empty file")
        kind = _detect_kind(path)
        if kind == "unknown":
            # Saved pages are often "story.php" or "article.aspx": the content decides.
            with path.open("rb") as handle:
                head = handle.read(_SAMPLE)
            kind = _sniff_kind(_decode_head(head[:4096]))
            if kind == "text" and path.suffix and not _plain_suffix(path.suffix):
                decode_bytes(head, partial=True)  # binary? that is the better reason
                raise BadInput(f"unsupported file type {path.suffix!r} (not an article format)")
        if kind == "jsonl":
            yield from _read_jsonl(path, name)
            return
        if kind == "csv":
            yield from _read_csv(path, name)
            return
        if kind == "json":
            yield from _read_json(path, name)
            return
        if size > MAX_FILE_BYTES:
            raise BadInput(f"file too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})")
        if kind == "text" and size > MAX_TEXT_BYTES:
            raise BadInput(
                f"article too long ({size:,} bytes; the limit is {MAX_TEXT_BYTES:,} bytes,"
                f" {MAX_ARTICLE_CHARS:,} characters)"
            )
        text = decode_bytes(path.read_bytes())
        if not text.strip():
            raise BadInput("empty file")
        yield from _READERS[kind](text, name)
    except BadInput as exc:
        yield Rejected(name, str(exc), not_article=isinstance(exc, NotArticle))
    except OSError as exc:
        yield Rejected(name, f"cannot read: {exc.strerror or exc}")
    except RecursionError:
        yield Rejected(name, "nested too deeply to read")
    except Exception as exc:  # a parser's bug or limit must not stop the batch
        yield Rejected(name, f"cannot read ({type(exc).__name__}: {exc})")


def _too_long(chars: int) -> str:
    return f"article too long ({chars:,} characters; the limit is {MAX_ARTICLE_CHARS:,} characters)"


def _detect_kind(path: Path) -> str:
    ext = path.suffix.lower()
    if ext in JSONL_EXTENSIONS:
        return "jsonl"
    if ext in JSON_EXTENSIONS:
        return "json"
    if ext in HTML_EXTENSIONS:
        return "html"
    if ext in FEED_EXTENSIONS:
        return "feed"
    if ext in TEXT_EXTENSIONS:
        return "text"
    if ext in CSV_EXTENSIONS:
        return "csv"
    return "unknown"


def _decode_head(data: bytes) -> str:
    try:
        return decode_bytes(data, partial=True)
    except BadInput:
        return ""  # read_file's full decode says what is wrong with it


def _plain_suffix(suffix: str) -> bool:
    """A file name's "extension" that is really part of its name ("2024.11.06", "v1.2")."""
    return len(suffix) > 6 or suffix[1:].isdigit() or not suffix[1:].isalnum()


def _sniff_kind(text: str) -> str:
    head = text.lstrip()[:512].lower()
    if head.startswith("["):
        return "json"
    if head.startswith("{"):
        # One object per line is JSON Lines: '{...}' then a newline then '{'.
        first, _, rest = text.lstrip().partition("\n")
        if first.rstrip().endswith("}") and rest.lstrip().startswith("{"):
            return "jsonl"
        return "json"
    if head.startswith("<"):
        if "<rss" in head or "<feed" in head or "<rdf:rdf" in head:
            return "feed"
        return "html"
    return "text"


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 65536
# C0 controls that never occur in text (tab, newlines, form feed and ESC do).
_BINARY_BYTES = bytes(b for b in range(32) if b not in b"\t\n\v\f\r\x1b")


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte order mark at the start of ``data`` announces, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def decode_bytes(data: bytes, *, partial: bool = False) -> str:
    """Bytes to text, or :class:`BadInput` saying why they are not text.

    * A byte order mark decides (UTF-8, UTF-16, UTF-32); UTF-16 without one is
      recognised by its zero bytes.
    * Otherwise UTF-8. Text that is UTF-8 but for a few broken bytes keeps its UTF-8
      and gets U+FFFD for the broken bytes; text with no valid UTF-8 sequence at all
      is Windows-1252 / Latin-1, the usual legacy encoding of news files.
    * Binary data (control bytes, or mostly bytes above 127 that are not UTF-8) is
      refused, as is text in another legacy encoding (it would only be mojibake).

    ``partial``: ``data`` is the beginning of a file and may end inside a character.
    """
    encoding = bom_encoding(data) or _utf16_without_bom(data[:_SAMPLE])
    if encoding is not None:
        errors = "replace" if partial else "strict"
        try:
            return data.decode(encoding, errors)
        except UnicodeDecodeError as exc:
            raise BadInput(f"invalid {encoding} text at byte {exc.start}") from exc
    _refuse_binary(data[:_SAMPLE])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if partial and exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[: exc.start].decode("utf-8")
    return data.decode(_guess_not_utf8(data), errors="replace")


def _refuse_binary(sample: bytes) -> None:
    if sample and len(sample.translate(None, _BINARY_BYTES)) < 0.95 * len(sample):
        raise BadInput("binary file, not text")


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when every other byte is zero (text in UTF-16 without BOM)."""
    if len(sample) < 8 or b"\x00" not in sample:
        return None
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _guess_not_utf8(data: bytes) -> str:
    """How to read bytes that are not valid UTF-8: 'utf-8' (with U+FFFD for a few
    broken bytes) when most of what is not ASCII is good UTF-8, else 'cp1252'."""
    as_utf8 = data.decode("utf-8", errors="replace")
    broken = as_utf8.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for c in as_utf8 if c > "\x7f" and c != "\ufffd")
    if multibyte > broken:
        return "utf-8"
    sample = data[:_SAMPLE]
    high = len(sample) - len(sample.translate(None, bytes(range(128, 256))))
    if high > 0.3 * len(sample):
        # Latin-1 prose is mostly ASCII; this is binary or another legacy encoding.
        raise BadInput("not text: neither UTF-8 nor Latin-1/Windows-1252 (binary?)")
    return "cp1252"


# --- plain text and the seed format -------------------------------------------------------


def _read_text(text: str, name: str) -> Iterator[Record]:
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise BadInput("empty file")
    date = None
    seed = _SEED_FIRST_LINE.match(lines[first])
    if seed:
        date, title = seed.group(1), seed.group(2)
    else:
        title = lines[first]
    title = re.sub(r"^#+\s*", "", title)  # markdown heading
    body = "\n".join(lines[first + 1 :])
    pieces = None
    if _KEEP_INPUT.get():
        # The input is the file's text: where the headline and each body line lie in it.
        starts = [0]
        for line in text.splitlines(keepends=True):
            starts.append(starts[-1] + len(line))
        title_end = starts[first] + len(lines[first])
        spans = [(starts[k], starts[k] + len(lines[k])) for k in range(first + 1, len(lines))]
        pieces = InputPieces(text, (title_end - len(title), title_end), spans, whole_file=True)
    yield article_record(title=title, body=body, date=date, path=name, pieces=pieces)


# --- JSON and JSON Lines -------------------------------------------------------------------


def _json_records(data: Any, name: str) -> Iterator[Record]:
    """The records of a parsed JSON value: an article object, a wrapper object holding a
    list of them, or a list of them."""
    if isinstance(data, dict) and not _looks_like_article(data):
        for key in _WRAPPER_KEYS:
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if isinstance(data, dict):
        if not _looks_like_article(data):
            fields = ", ".join(list(data)[:6]) + (", …" if len(data) > 6 else "")
            raise NotArticle(
                f"not an article: a JSON object with no title or text field ({fields})"
            )
        yield _record_or_rejected(data, name, None, multi=False)
    elif isinstance(data, list):
        if not data:
            raise BadInput("no articles in the file (an empty JSON list)")
        for index, item in enumerate(data, start=1):
            yield _record_or_rejected(item, name, index, multi=True, unit="record")
    else:
        raise BadInput(f"JSON must be an object or a list of objects, not {type(data).__name__}")


_WRAPPER_KEYS = ("articles", "items", "records", "data")


def _read_jsonl(path: Path, name: str) -> Iterator[Record]:
    """One record per line, streamed: memory holds one line (at most MAX_LINE_BYTES)."""
    records = 0
    with path.open("rb") as handle:
        encoding = bom_encoding(handle.read(4))
        handle.seek(0)
        if encoding is not None and encoding != "utf-8-sig":  # UTF-16/32: read as text
            lines: Iterator[tuple[int, bytes | str | None]] = _numbered_lines(
                io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
            )
        else:
            lines = _numbered_lines(handle)
        for lineno, raw in lines:
            if raw is None:
                records += 1
                yield Rejected(name, f"line too long (over {MAX_LINE_BYTES:,} bytes)", lineno)
                continue
            if not raw.strip():
                continue
            records += 1
            try:
                if isinstance(raw, bytes):
                    line = decode_bytes(raw[3:] if raw.startswith(codecs.BOM_UTF8) else raw)
                else:
                    line = raw.lstrip("\ufeff")
                item = json.loads(line, strict=False)
            except BadInput as exc:
                yield Rejected(name, str(exc), lineno)
                continue
            except json.JSONDecodeError as exc:
                yield Rejected(name, f"invalid JSON: {exc.msg} (column {exc.colno})", lineno)
                continue
            except RecursionError:
                yield Rejected(name, "invalid JSON: nested too deeply", lineno)
                continue
            except ValueError as exc:  # e.g. an integer of 5,000 digits
                reason = "a number too long" if "digits" in str(exc) else str(exc)
                yield Rejected(name, f"invalid JSON: {reason}", lineno)
                continue
            record = _record_or_rejected(item, name, lineno, multi=True)
            if isinstance(record, RawArticle):
                record.nbytes = len(raw) if isinstance(raw, bytes) else 0
            yield record
    if not records:
        yield Rejected(name, "empty file (no JSON lines)")


def _numbered_lines(handle: Any) -> Iterator[tuple[int, bytes | str | None]]:
    """(line number, line) for each line; None for a line over MAX_LINE_BYTES, which is
    skipped in pieces rather than read into memory."""
    lineno = 0
    while True:
        raw = handle.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > MAX_LINE_BYTES and raw[-1:] not in (b"\n", "\n"):
            while True:
                rest = handle.readline(1 << 20)
                if not rest or rest[-1:] in (b"\n", "\n"):
                    break
            yield lineno, None
            continue
        yield lineno, raw


def _read_json(path: Path, name: str) -> Iterator[Record]:
    """A JSON file, streamed: a list of records, or an object wrapping one
    (``{"articles": [...]}``), is parsed and yielded a record at a time, so a file of any
    size takes the memory of its largest record. A syntax error stops the file there
    (records before it are kept) with its line and column."""
    with path.open("rb") as handle:
        encoding = _stream_encoding(handle.read(_SAMPLE))
        handle.seek(0)
        stream = JsonStream(handle, encoding, max_value_chars=MAX_LINE_BYTES)
        try:
            yield from _json_file_records(stream, name)
        except BadJson as exc:
            raise BadInput(str(exc)) from None


def _json_file_records(stream: JsonStream, name: str) -> Iterator[Record]:
    if stream.peek() == "\ufeff":
        stream.pos += 1
    first = stream.peek()
    if first is None:
        raise BadInput("empty file")
    if first == "[":
        yield from _stream_list(stream, name)
    elif first == "{":
        yield from _stream_object(stream, name)
    else:
        yield from _json_records(stream.value("the JSON value"), name)
    if stream.peek() is not None:
        what = {"[": "list", "{": "object"}.get(first, "value")
        raise BadInput(f"invalid JSON at {stream.where()}: extra data after the {what}")


def _stream_list(stream: JsonStream, name: str) -> Iterator[Record]:
    """The records of the list starting at the stream's position, one at a time."""
    index = 0
    for index, item in enumerate(stream.items("record"), start=1):
        yield _record_or_rejected(item, name, index, multi=True, unit="record")
    if not index:
        raise BadInput("no articles in the file (an empty JSON list)")


def _stream_object(stream: JsonStream, name: str) -> Iterator[Record]:
    """An object: a wrapper whose first list under one of ``_WRAPPER_KEYS`` is streamed
    (unless an article's own field came first), or else one article. The other members
    are kept, up to MAX_FILE_BYTES of them, to tell which when the object ends."""
    stream.expect("{", "object", "expected an object")
    members: dict[str, Any] = {}
    kept, streamed = 0, False
    while not stream.skip("}"):
        if members or streamed:
            stream.expect(",", "object", "Expecting ',' delimiter")
        if stream.peek() != '"':  # json's own wording, as when the file was read whole
            stream.expect('"', "object", "Expecting property name enclosed in double quotes")
        key = stream.value("a member name")
        stream.expect(":", "object", "Expecting ':' delimiter")
        if (
            not streamed
            and key in _WRAPPER_KEYS
            and stream.peek() == "["
            and not _looks_like_article(members)
        ):
            yield from _stream_list(stream, name)
            streamed = True
            continue
        members[key] = stream.value(f"member {key!r}")
        kept += stream.last_size
        if kept > MAX_FILE_BYTES:
            raise BadInput(f"JSON object too large (over {MAX_FILE_BYTES:,} characters)")
    if not streamed:
        yield from _json_records(members, name)


def _stream_encoding(sample: bytes) -> str:
    """The encoding to stream a file in, judged from its first bytes (as decode_bytes)."""
    encoding = bom_encoding(sample) or _utf16_without_bom(sample)
    if encoding is not None:
        return encoding
    _refuse_binary(sample)
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(sample) - 3:
            return "utf-8"
    return _guess_not_utf8(sample)


def text_stream(handle: Any) -> io.TextIOWrapper:
    """A binary stream (a file, a pipe) read as text the way ingest reads a table or a
    JSON file: the encoding judged from its first bytes (a byte order mark, UTF-8, else
    Windows-1252 / Latin-1: :func:`decode_bytes`), bytes that do not fit it read as
    U+FFFD. Raises :class:`BadInput` for binary data. The first bytes are looked at
    without being consumed, so a pipe can be read too."""
    if handle.seekable():
        sample = handle.read(_SAMPLE)
        handle.seek(0)
    else:
        sample = handle.peek(_SAMPLE)[:_SAMPLE]
    return io.TextIOWrapper(handle, encoding=_stream_encoding(sample), errors="replace")


def _looks_like_article(data: dict[str, Any]) -> bool:
    return "title" in data or "headline" in data or any(k in data for k in _BODY_KEYS)


def _record_or_rejected(
    item: Any, name: str, line: int | None, *, multi: bool, unit: str = "line"
) -> Record:
    try:
        return _from_record(item, name, line, multi=multi)
    except BadInput as exc:
        return Rejected(name, str(exc), line, unit, empty=isinstance(exc, EmptyRecord))


def _from_record(item: Any, name: str, line: int | None, *, multi: bool) -> RawArticle:
    if not isinstance(item, dict):
        raise BadInput(f"record must be a JSON object, not {type(item).__name__}")
    title = _as_text(item.get("title") or item.get("headline"), "title")
    body = ""
    for key in _BODY_KEYS:
        if item.get(key) not in (None, "", []):
            body = _as_text(item[key], key)
            break
    if not title.strip() and not body.strip():
        if _looks_like_article(item):
            raise EmptyRecord("empty record: its title and text are empty")
        raise BadInput("record has neither a title nor a text/body")
    # Metadata of the wrong type (a date that is a list, a url that is an object) is
    # ignored: the article is still worth keeping, undated or keyed by its line.
    url = _metadata(item, "url", "link")
    record_id = _metadata(item, "id", "uuid")
    date = _metadata(item, "date", "published", "datetime", "timestamp")
    key = f"{name}#{record_id or line}" if multi else name
    return article_record(
        title=title,
        body=body,
        date=date,
        source=_metadata(item, "source", "outlet", "publisher"),
        url=url,
        path=name,
        key=url or key,
        line=line,
    )


def _metadata(item: dict[str, Any], *fields: str) -> str | None:
    """The first of ``fields`` present (0 counts: it is an id) as text, or None."""
    for field in fields:
        value = item.get(field)
        if value is None or value == "" or value == []:
            continue
        try:
            return _as_optional_text(value, field)
        except BadInput:
            return None
    return None


def _as_text(value: Any, field: str) -> str:
    """A string, or a (nested) list of strings joined as sentences and paragraphs."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return "\n\n".join(value)
        parts = []
        for v in value:
            if isinstance(v, list) and all(isinstance(s, str) for s in v):
                parts.append(" ".join(s.strip() for s in v))  # a paragraph of sentences
            elif isinstance(v, str):
                parts.append(v)
            else:
                raise BadInput(f"field {field!r} must hold text, found {type(v).__name__}")
        return "\n\n".join(parts)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and field == "id":
        return str(value)
    raise BadInput(f"field {field!r} must be text, not {type(value).__name__}")


def _as_optional_text(value: Any, field: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return _as_text(value, field) or None


# --- CSV and TSV tables ------------------------------------------------------------------

# Delimiters a ".csv" may use (European spreadsheets write ";"); the header line's
# most frequent one wins, "," on a tie or when it has none.
_CSV_DELIMITERS = ",;\t|"


def _read_csv(path: Path, name: str) -> Iterator[Record]:
    """One article per row of a table with a header row, streamed. Columns are named as a
    JSON record's fields, in any case (``title`` or ``headline``; ``text``, ``body`` or
    ``content``; ``url``; ``date`` or ``timestamp``; ``source`` or ``publisher``;
    ``id``); other columns are ignored. A row with fewer cells than the header is
    rejected (a cut-off line). Rows are numbered by the line they start on."""
    with path.open("rb") as handle:
        encoding = _stream_encoding(handle.read(_SAMPLE))
        handle.seek(0)
        text = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
        first = text.readline(MAX_LINE_BYTES)
        text.seek(0)
        if path.suffix.lower() == ".tsv":
            delimiter = "\t"
        else:
            delimiter = max(_CSV_DELIMITERS, key=lambda d: (first.count(d), d == ","))
        csv.field_size_limit(max(csv.field_size_limit(), MAX_LINE_BYTES))
        reader = csv.reader(text, delimiter=delimiter)
        try:
            yield from _csv_rows(reader, name)
        except csv.Error as exc:
            raise BadInput(f"invalid CSV at line {reader.line_num}: {exc}") from None


def _csv_rows(reader: Any, name: str) -> Iterator[Record]:
    header = next(reader, None)
    if header is None:
        raise BadInput("empty file")
    columns = [h.strip().lstrip("\ufeff").lower() for h in header]
    if not _looks_like_article(dict.fromkeys(columns)):
        shown = ", ".join(h for h in header[:8]) + (", …" if len(header) > 8 else "")
        raise NotArticle(f"not articles: no title or text column in the header ({shown})")
    # A row needs every column up to the header's last named one: a shorter row was cut
    # off (a truncated download's last line), and its last cell with it.
    needed = len(header)
    while needed and not header[needed - 1].strip():  # "title,text," : 2 are needed
        needed -= 1
    rows = 0
    end = reader.line_num
    for row in reader:
        start, end = end + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        if len(row) < needed:
            yield Rejected(name, f"row has {len(row)} of {needed} columns", start)
            continue
        item: dict[str, str] = {}
        for column, cell in zip(columns, row, strict=False):  # long rows too
            if column and cell.strip() and column not in item:
                item[column] = cell
        record = _record_or_rejected(item, name, start, multi=True)
        if isinstance(record, RawArticle):
            record.nbytes = sum(len(cell) + 1 for cell in row)
        yield record
    if not rows:
        raise BadInput("no articles in the file (a header and no rows)")


# --- HTML pages ----------------------------------------------------------------------------


def _read_html(text: str, name: str) -> Iterator[Record]:
    yield html_article(text, name)


def html_article(text: str, name: str) -> RawArticle:
    """The article of an HTML page (trafilatura), or BadInput when it holds none."""
    import trafilatura  # imported lazily: it is slow to import and only HTML needs it

    doc = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None:
        raise BadInput("no article text found in the HTML page")
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    title = meta.get("title") or ""
    # trafilatura puts one paragraph per line, and often repeats the headline first.
    paragraphs = [p for p in (meta.get("text") or "").split("\n") if p.strip()]
    if paragraphs and clean_title(paragraphs[0]) == clean_title(title):
        paragraphs = paragraphs[1:]
    body = "\n\n".join(paragraphs)
    if len(body.split()) < MIN_HTML_WORDS:
        # A page's menus and buttons ("Home", "Log in") are not an article.
        raise BadInput("no article text found in the HTML page")
    return article_record(
        title=title,
        body=body,
        date=page_time(text, meta.get("date")),
        source=meta.get("sitename") or host_of(meta.get("url")),
        url=meta.get("url"),
        path=name,
    )


# Where a page gives its publication time in ISO 8601 with its zone: Open Graph's
# article:published_time, schema.org's datePublished (microdata or JSON-LD), <time datetime>.
_PAGE_TIME_XPATH = (
    "//meta[@property='article:published_time' or @name='article:published_time'"
    " or @property='og:published_time' or @itemprop='datePublished']/@content"
    " | //*[@itemprop='datePublished']/@datetime | //time/@datetime"
)
_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"')
_ISO_WITH_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def page_time(html: str, day: str | None) -> str | None:
    """The page's date as trafilatura found it (``day``, ``YYYY-MM-DD`` as the page wrote
    it), with its time and zone when the page gives them for that day: trafilatura keeps
    only the day, so "2026-12-03T23:30:00-05:00" would be stored as 3 December when it is
    4 December, 04:30 UTC, the instant a feed's "Tue, 03 Dec 2026 23:30:00 -0500" is."""
    if not day:
        return day
    import lxml.html  # trafilatura's own parser: imported only when a page is read

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.LxmlError):
        return day
    found = [str(v) for v in tree.xpath(_PAGE_TIME_XPATH)]
    found += [
        m.group(1)
        for script in tree.xpath("//script[@type='application/ld+json']/text()")
        for m in _JSON_LD_PUBLISHED.finditer(str(script))
    ]
    for value in found:
        value = value.strip()
        if _ISO_WITH_TIME.match(value) and value[:10] == day[:10] and parse_date(value):
            return value
    return day


# --- RSS / Atom feeds ------------------------------------------------------------------------


def _read_feed(text: str, name: str) -> Iterator[Record]:
    parsed = parse_feed(text)
    feed_title = feed_text(parsed.feed, "title") or None
    for index, entry in enumerate(parsed.entries, start=1):
        yield feed_entry(entry, index, name, feed_title)


def parse_feed(
    data: str | bytes,
    *,
    allow_empty: bool = False,
    url: str | None = None,
    content_type: str | None = None,
) -> Any:
    """feedparser's reading of a feed; BadInput when it is not one (or, unless
    ``allow_empty``, has no entries). Bytes are given to feedparser as a stream: it
    would take bytes or a string that look like a path or a URL for one and open it.
    ``url`` (where it was fetched) resolves relative links; ``content_type`` (the HTTP
    header) may name the charset."""
    import xml.sax

    import feedparser

    headers = {"content-location": url or "", "content-type": content_type or ""}
    stream = io.BytesIO(data) if isinstance(data, bytes) else data
    parsed = feedparser.parse(stream, response_headers={k: v for k, v in headers.items() if v})
    problem = getattr(parsed, "bozo_exception", None)
    # An empty feed is one only if it is whole: a feed cut off or broken before its
    # first entry (a SAX error) is not an empty feed but an unreadable one.
    whole = not isinstance(problem, xml.sax.SAXException)
    if not parsed.entries and not (allow_empty and parsed.get("version") and whole):
        problem_line = " ".join(str(problem).split())[:200] if problem else ""
        raise BadInput(f"not a readable RSS/Atom feed{': ' + problem_line if problem else ''}")
    return parsed


def feed_entry(entry: Any, index: int, name: str, feed_title: str | None) -> Record:
    """One feed entry as an article (or why it cannot be one); ``index`` is 1-based."""
    body = entry_body(entry)
    title = feed_text(entry, "title")
    if not title.strip() and not body.strip():
        return Rejected(name, "feed entry has neither a title nor any text", index, "entry")
    link = entry.get("link") or None
    entry_id = entry.get("id") or link
    try:
        return article_record(
            title=title,
            body=body,
            date=entry.get("published") or entry.get("updated"),
            source=feed_title or host_of(link),
            url=link,
            path=name,
            key=link or f"{name}#{entry_id or index}",
            line=index,
        )
    except BadInput as exc:
        return Rejected(name, str(exc), index, "entry")


def feed_text(item: Any, key: str) -> str:
    """A feed's or an entry's ``key`` (its title) as plain text. feedparser gives a title
    the feed marks as HTML (a CDATA with tags, a double-escaped "Q&amp;amp;A", WordPress's
    "&amp;#8217;") as HTML: its tags and entities are not the headline's text."""
    text = item.get(key) or ""
    kind = (item.get(f"{key}_detail") or {}).get("type", "")
    if text and "html" in kind:
        text = " ".join(html_to_text(text).split())
    return text


def entry_body(entry: Any, *, full_only: bool = False) -> str:
    """An entry's text: its full content, else its summary (``full_only``: "" then)."""
    html = ""
    if entry.get("content"):
        html = entry["content"][0].get("value", "")
    if not full_only:
        html = html or entry.get("summary") or entry.get("description") or ""
    return html_to_text(html)


_TAG = re.compile(r"<[^>]*>")
_BLOCK_TAG = re.compile(r"</?(p|div|br|li|h[1-6]|blockquote|tr)\b[^>]*>", re.IGNORECASE)


def html_to_text(html: str) -> str:
    """Feed summaries are small HTML fragments: keep paragraphs, drop tags, unescape."""
    import html as html_lib

    text = _BLOCK_TAG.sub("\n\n", html)
    text = _TAG.sub("", text)
    text = html_lib.unescape(text)
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with '…'."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip() + "…"


_READERS = {"text": _read_text, "html": _read_html, "feed": _read_feed}
# Set while read_input reads: records then keep what they were made from.
_KEEP_INPUT: contextvars.ContextVar[bool] = contextvars.ContextVar("keep_input", default=False)


def read_input(path: Path, key: str) -> RawArticle | None:
    """The record of the file at ``path`` whose key is ``key``, read again with its input
    (``RawArticle.input``): for a plain text file, the file's text as decoded; for any
    other format, the headline and body the reader extracted (a record's fields, the
    text trafilatura or the feed gave), before cleaning. None when it is not there."""
    token = _KEEP_INPUT.set(True)
    try:
        for record in read_file(path):
            if isinstance(record, RawArticle) and record.key == key:
                return record
        return None
    finally:
        _KEEP_INPUT.reset(token)


def article_record(
    *,
    title: str,
    body: str,
    date: str | None,
    path: str,
    source: str | None = None,
    url: str | None = None,
    key: str | None = None,
    line: int | None = None,
    pieces: InputPieces | None = None,
) -> RawArticle:
    """One record as every format reader makes it: title and body cleaned as stored
    (:mod:`db.cleaning`), a headline found in the body when there is none, the date read;
    :class:`BadInput` when nothing is left or it is too long."""
    if _KEEP_INPUT.get():
        pieces = pieces or InputPieces.joined(title, body)
    if len(title) + len(body) > 2 * MAX_ARTICLE_CHARS:
        raise BadInput(_too_long(len(title) + len(body)))  # before cleaning copies it
    title = clean_title(title)
    body = clean_text(body)
    if not title and body:
        # No headline: the first line of the body stands in for it.
        first, _, rest = body.partition("\n")
        title, body = clean_title(first), rest.strip("\n")
    if len(title) > MAX_TITLE_CHARS:
        # Not a headline but a paragraph (a page saved as one line): it opens the body,
        # and its beginning stands in for the headline.
        body = f"{title}\n\n{body}" if body else title
        title = shorten(title, SHORT_TITLE_CHARS)
    if len(title) + len(body) > MAX_ARTICLE_CHARS:
        raise BadInput(_too_long(len(title) + len(body)))
    if not title:
        raise BadInput("no text left once control characters and spaces are removed")
    parsed = parse_date(date)
    order = numeric_order(date)
    return RawArticle(
        title=title,
        body=body,
        date=parsed,
        source=clean_title(source) if source else None,
        url=clean_title(url) or None if url else None,
        path=path,
        key=strip_controls(key or url or path),
        line=line,
        input=pieces,
        date_unread=parsed is None
        and order != AMBIGUOUS
        and date is not None
        and str(date).strip() != "",
        date_either=strip_controls(str(date).strip()) if order == AMBIGUOUS else None,
        date_order=order if order != AMBIGUOUS else None,
    )
