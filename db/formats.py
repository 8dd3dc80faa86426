"""Readers: turn files of every supported format into :class:`RawArticle` records.

Formats are detected by extension and, when the extension says nothing, by
content. Every reader is a generator, so a folder of any size streams through
in constant memory (one file, or one JSONL line, at a time). A record that
cannot be read becomes a :class:`Rejected` with the file, the line (JSONL) and
a one-line reason; the rest of the batch goes on.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from db.cleaning import clean_text, clean_title
from db.dates import parse_date

# Files bigger than this are refused instead of being read into memory.
MAX_FILE_BYTES = 256 * 1024 * 1024

TEXT_EXTENSIONS = {".txt", ".md", ".text", ".markdown"}
JSON_EXTENSIONS = {".json"}
JSONL_EXTENSIONS = {".jsonl", ".ndjson"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
FEED_EXTENSIONS = {".rss", ".atom", ".xml", ".rdf"}
KNOWN_EXTENSIONS = (
    TEXT_EXTENSIONS | JSON_EXTENSIONS | JSONL_EXTENSIONS | HTML_EXTENSIONS | FEED_EXTENSIONS
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


@dataclass(slots=True)
class Rejected:
    """A file or record that could not be ingested, and why."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


Record = RawArticle | Rejected


class BadInput(ValueError):
    """Raised inside a reader for input it cannot make sense of."""


def iter_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every file under ``paths`` (recursing into folders), sorted, hidden ones skipped."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if child.is_file() and not any(p.startswith(".") for p in rel.parts):
                    yield child
        else:
            yield path


def read_file(path: Path) -> Iterator[Record]:
    """All records in one file; never raises for bad content."""
    path = path.resolve()
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            yield Rejected(name, f"file too large ({size} bytes; limit {MAX_FILE_BYTES})")
            return
        kind = _detect_kind(path)
        if kind == "jsonl":
            yield from _read_jsonl(path)
            return
        text = decode_bytes(path.read_bytes())
        if not text.strip():
            raise BadInput("empty file")
        if kind == "unknown":
            kind = _sniff_kind(text)
        reader = _READERS[kind]
        yield from reader(text, name)
    except BadInput as exc:
        yield Rejected(name, str(exc))
    except OSError as exc:
        yield Rejected(name, f"cannot read: {exc.strerror or exc}")


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
    return "unknown"


def _sniff_kind(text: str) -> str:
    head = text.lstrip()[:512].lower()
    if head.startswith(("{", "[")):
        return "json"
    if head.startswith("<"):
        if "<rss" in head or "<feed" in head or "<rdf:rdf" in head:
            return "feed"
        return "html"
    return "text"


def decode_bytes(data: bytes) -> str:
    """Bytes to text: BOMs honoured, UTF-8 preferred, Windows-1252 as the fallback.

    Binary data (NUL bytes outside a UTF-16 file) is refused.
    """
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise BadInput(f"invalid {encoding} text at byte {exc.start}") from exc
    if b"\x00" in data[:65536]:
        raise BadInput("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Not UTF-8: most such news files are Windows-1252 / Latin-1.
        return data.decode("cp1252", errors="replace")


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
    yield _article(title=title, body=body, date=date, path=name)


# --- JSON and JSON Lines -------------------------------------------------------------------


def _read_json(text: str, name: str) -> Iterator[Record]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    if isinstance(data, dict) and not _looks_like_article(data):
        for key in ("articles", "items", "records", "data"):
            if isinstance(data.get(key), list):
                data = data[key]
                break
    if isinstance(data, dict):
        yield _record_or_rejected(data, name, None, multi=False)
    elif isinstance(data, list):
        for index, item in enumerate(data, start=1):
            yield _record_or_rejected(item, name, index, multi=True)
    else:
        raise BadInput(f"JSON must be an object or a list of objects, not {type(data).__name__}")


def _read_jsonl(path: Path) -> Iterator[Record]:
    name = str(path.resolve())
    with path.open("rb") as handle:
        for lineno, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                line = decode_bytes(raw)
                item = json.loads(line)
            except BadInput as exc:
                yield Rejected(name, str(exc), lineno)
                continue
            except json.JSONDecodeError as exc:
                yield Rejected(name, f"invalid JSON: {exc.msg} (column {exc.colno})", lineno)
                continue
            record = _record_or_rejected(item, name, lineno, multi=True)
            if isinstance(record, RawArticle):
                record.nbytes = len(raw)
            yield record


def _looks_like_article(data: dict[str, Any]) -> bool:
    return "title" in data or any(k in data for k in _BODY_KEYS)


def _record_or_rejected(item: Any, name: str, line: int | None, *, multi: bool) -> Record:
    try:
        return _from_record(item, name, line, multi=multi)
    except BadInput as exc:
        return Rejected(name, str(exc), line)


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
        raise BadInput("record has neither a title nor a text/body")
    url = _as_optional_text(item.get("url") or item.get("link"), "url")
    record_id = _as_optional_text(item.get("id") or item.get("uuid"), "id")
    date = _as_optional_text(
        item.get("date") or item.get("published") or item.get("datetime"), "date"
    )
    key = f"{name}#{record_id or line}" if multi else name
    return _article(
        title=title,
        body=body,
        date=date,
        source=_as_optional_text(item.get("source") or item.get("outlet"), "source"),
        url=url,
        path=name,
        key=url or key,
        line=line,
    )


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


# --- HTML pages ----------------------------------------------------------------------------


def _read_html(text: str, name: str) -> Iterator[Record]:
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
    if not body.strip():
        raise BadInput("no article text found in the HTML page")
    yield _article(
        title=title,
        body=body,
        date=meta.get("date"),
        source=meta.get("sitename") or host_of(meta.get("url")),
        url=meta.get("url"),
        path=name,
    )


# --- RSS / Atom feeds ------------------------------------------------------------------------


def _read_feed(text: str, name: str) -> Iterator[Record]:
    import feedparser

    parsed = feedparser.parse(text)
    if not parsed.entries:
        problem = getattr(parsed, "bozo_exception", None)
        raise BadInput(f"not a readable RSS/Atom feed{': ' + str(problem) if problem else ''}")
    feed_title = parsed.feed.get("title") or None
    for index, entry in enumerate(parsed.entries, start=1):
        body = _entry_body(entry)
        title = entry.get("title") or ""
        if not title.strip() and not body.strip():
            yield Rejected(name, "feed entry has neither a title nor any text", index)
            continue
        link = entry.get("link") or None
        entry_id = entry.get("id") or link
        yield _article(
            title=title,
            body=body,
            date=entry.get("published") or entry.get("updated"),
            source=feed_title or host_of(link),
            url=link,
            path=name,
            key=link or f"{name}#{entry_id or index}",
            line=index,
        )


def _entry_body(entry: Any) -> str:
    html = ""
    if entry.get("content"):
        html = entry["content"][0].get("value", "")
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


_READERS = {"text": _read_text, "json": _read_json, "html": _read_html, "feed": _read_feed}


def _article(
    *,
    title: str,
    body: str,
    date: str | None,
    path: str,
    source: str | None = None,
    url: str | None = None,
    key: str | None = None,
    line: int | None = None,
) -> RawArticle:
    title = clean_title(title)
    body = clean_text(body)
    if not title and body:
        # No headline: the first line of the body stands in for it.
        first, _, rest = body.partition("\n")
        title, body = clean_title(first), rest.strip("\n")
    return RawArticle(
        title=title,
        body=body,
        date=parse_date(date),
        source=clean_title(source) if source else None,
        url=url.strip() if url else None,
        path=path,
        key=key or url or path,
        line=line,
    )
