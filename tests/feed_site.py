"""A local web site for ``claimlens follow`` tests and benchmarks: RSS and Atom feeds
and article pages served from memory by a threaded HTTP server on 127.0.0.1 only
(an ephemeral port), with ETag / Last-Modified, 404s, slow and redirecting routes.
"""

from __future__ import annotations

import contextlib
import html
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_WORDS = [
    *("council", "minister", "budget", "harbour", "bridge", "court", "election", "police"),
    *("market", "shares", "city", "report", "government", "officials", "week", "year", "plan"),
    *("river", "station", "hospital", "school", "farmers", "workers", "union", "airport"),
    *("museum", "festival", "storm", "flood", "ministry", "inquiry", "contract", "railway"),
    *("port", "tunnel"),
]


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds before answering (a slow server)
    location: str | None = None  # a redirect
    send_length: bool = True  # False: no Content-Length, the body ends with the connection
    fail_first: int = 0  # answer 503 (Retry-After: 0) this many times first
    reason: str | None = None  # the status line's reason phrase, when not the usual one


@dataclass
class Entry:
    slug: str
    title: str
    paragraphs: list[str]
    date: str = "Mon, 30 Nov 2026 08:00:00 GMT"
    full_text: bool = False  # the feed carries the whole text, not a summary


def paragraphs_for(seed: int, n: int = 4, words: int = 30) -> list[str]:
    """Distinct plain-text paragraphs of sentences (an article's body)."""
    out = []
    for p in range(n):
        sentence_words = [_WORDS[(seed * 7 + p * 13 + i * 5) % len(_WORDS)] for i in range(words)]
        sentences = [
            " ".join(sentence_words[i : i + 10]).capitalize() + f" number {seed}-{p}-{i}."
            for i in range(0, words, 10)
        ]
        out.append(" ".join(sentences))
    return out


def article_page(entry: Entry) -> bytes:
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in entry.paragraphs)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(entry.title)}</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{html.escape(entry.title)}</h1>\n{body}</article>"
        "<footer>Copyright the site</footer></body></html>"
    ).encode()


def rss_feed(title: str, base: str, entries: list[Entry]) -> bytes:
    items = []
    for e in entries:
        summary = html.escape(e.paragraphs[0].split(".")[0] + ".")
        content = ""
        if e.full_text:
            full = "".join(f"<p>{p}</p>" for p in e.paragraphs)
            content = f"<content:encoded>{html.escape(full)}</content:encoded>"
        items.append(
            f"<item><title>{html.escape(e.title)}</title><link>{base}/{e.slug}.html</link>"
            f"<guid>{base}/{e.slug}.html</guid><pubDate>{e.date}</pubDate>"
            f"<description>{summary}</description>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{html.escape(title)}</title><link>{base}/</link>"
        f"<description>news</description>{''.join(items)}</channel></rss>"
    ).encode()


def atom_feed(title: str, base: str, entries: list[Entry]) -> bytes:
    items = []
    for e in entries:
        summary = html.escape(e.paragraphs[0].split(".")[0] + ".")
        items.append(
            f"<entry><title>{html.escape(e.title)}</title>"
            f'<link href="{base}/{e.slug}.html"/><id>{base}/{e.slug}</id>'
            f"<updated>2026-11-30T08:00:00Z</updated><summary>{summary}</summary></entry>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{html.escape(title)}</title><id>{base}/</id>"
        f"<updated>2026-11-30T08:00:00Z</updated>{''.join(items)}</feed>"
    ).encode()


@dataclass
class FeedSite:
    """Routes by path; ``requests`` logs (path, headers) of every request."""

    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None

    def start(self) -> FeedSite:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                site.requests.append((self.path, dict(self.headers.items())))
                route = site.routes.get(self.path)
                if route is None:
                    self._send(404, b"not found", "text/plain")
                    return
                if route.delay:
                    time.sleep(route.delay)
                if route.fail_first > 0:
                    route.fail_first -= 1
                    self._send(503, b"busy", "text/plain", {"Retry-After": "0"})
                    return
                if route.location is not None:
                    self.send_response(302)
                    self.send_header("Location", route.location)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                    route.last_modified
                    and self.headers.get("If-Modified-Since") == route.last_modified
                ):
                    self.send_response(304)
                    self.end_headers()
                    return
                headers = {}
                if route.etag:
                    headers["ETag"] = route.etag
                if route.last_modified:
                    headers["Last-Modified"] = route.last_modified
                self._send(route.status, route.body, route.content_type, headers, route)

            def send_response(self, code: int, message: str | None = None) -> None:
                route = site.routes.get(self.path)
                super().send_response(code, message or (route.reason if route else None))

            def _send(
                self,
                status: int,
                body: bytes,
                content_type: str,
                headers: dict[str, str] | None = None,
                route: Route | None = None,
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                if route is None or route.send_length:
                    self.send_header("Content-Length", str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                # The client may give up first (a size limit, a timeout).
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    @property
    def base(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def add_feed(
        self,
        path: str,
        title: str,
        entries: list[Entry],
        *,
        kind: str = "rss",
        etag: str | None = None,
        last_modified: str | None = None,
        with_pages: bool = True,
    ) -> None:
        """Serve a feed at ``path`` and each entry's page at ``/<slug>.html``."""
        make = rss_feed if kind == "rss" else atom_feed
        content_type = "application/rss+xml" if kind == "rss" else "application/atom+xml"
        self.routes[path] = Route(
            make(title, self.base, entries), content_type, etag=etag, last_modified=last_modified
        )
        if with_pages:
            for entry in entries:
                self.routes[f"/{entry.slug}.html"] = Route(article_page(entry))

    def count(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)
