"""HTTP for ``claimlens follow``: one well-behaved client shared by the fetching threads.

* Conditional requests: the ETag / Last-Modified of the last fetch are sent back,
  and a 304 costs the server nothing.
* Timeouts on connecting and reading, and an overall deadline per response, so a
  server that trickles bytes cannot hold a thread.
* A few retries with exponential backoff for what may pass (timeouts, dropped
  connections, 429 and 5xx, honouring a short Retry-After); never for a 404.
* Bounded concurrency overall and per host (politeness: a site is never sent more
  than ``per_host`` requests at once).
* A clear User-Agent, a maximum body size (checked while reading, not after), and a
  redirect limit (a redirect loop fails fast).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urlsplit

import httpx

RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 30.0  # seconds: a longer Retry-After is not waited for (next round)


def _user_agent() -> str:
    try:
        ours = version("claimlens")
    except PackageNotFoundError:
        ours = "dev"
    return f"claimlens/{ours} (feed reader; +https://pypi.org/project/claimlens/) httpx"


@dataclass(frozen=True)
class FetchPolicy:
    timeout: float = 20.0  # seconds for one response, connecting and reading included
    connect_timeout: float = 10.0
    retries: int = 2  # attempts after the first, for errors that may pass
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    concurrency: int = 8  # requests in flight overall
    per_host: int = 2  # requests in flight to one host (host:port)
    max_bytes: int = 10 * 1024 * 1024  # a body bigger than this is refused
    max_redirects: int = 5
    user_agent: str = _user_agent()


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 (not modified: no body)
    content: bytes
    content_type: str
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A URL that could not be fetched; the message is one line saying why."""


class Stopped(Exception):
    """The fetcher was stopped (Ctrl-C) while waiting."""


class _Retry(Exception):
    def __init__(self, reason: str, delay: float | None = None) -> None:
        super().__init__(reason)
        self.delay = delay


class Fetcher:
    """Thread-safe: the follow round's worker threads share one (and its connection pool)."""

    def __init__(
        self, policy: FetchPolicy | None = None, *, transport: httpx.BaseTransport | None = None
    ) -> None:
        self.policy = policy or FetchPolicy()
        p = self.policy
        self.client = httpx.Client(
            headers={"User-Agent": p.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(p.timeout, connect=p.connect_timeout),
            follow_redirects=True,
            max_redirects=p.max_redirects,
            limits=httpx.Limits(max_connections=p.concurrency, max_keepalive_connections=8),
            transport=transport,
            trust_env=False,  # no proxy or .netrc taken from the environment by surprise
        )
        self.stop = threading.Event()
        self._slots = threading.BoundedSemaphore(p.concurrency)
        self._hosts: dict[str, threading.BoundedSemaphore] = {}
        self._hosts_lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
    ) -> Response:
        """GET ``url``; FetchError (one line) when it cannot be had, Stopped after stop()."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        delay = self.policy.backoff
        for attempt in range(self.policy.retries + 1):
            if self.stop.is_set():
                raise Stopped
            try:
                with self._slot(url):
                    return self._get_once(url, headers)
            except _Retry as retry:
                if attempt == self.policy.retries:
                    raise FetchError(str(retry)) from None
                wait = retry.delay if retry.delay is not None else delay
                if self.stop.wait(wait):
                    raise Stopped from None
                delay *= 2
        raise AssertionError("unreachable")

    @contextmanager
    def _slot(self, url: str) -> Iterator[None]:
        host = urlsplit(url).netloc.lower()
        with self._hosts_lock:
            per_host = self._hosts.setdefault(
                host, threading.BoundedSemaphore(self.policy.per_host)
            )
        with per_host, self._slots:
            yield

    def _get_once(self, url: str, headers: dict[str, str]) -> Response:
        p = self.policy
        deadline = time.monotonic() + p.timeout
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                status = response.status_code
                if status in RETRY_STATUS:
                    raise _Retry(_status_line(response), _retry_after(response))
                if status == 304:
                    return _response(response, b"")
                if status >= 400:
                    raise FetchError(_status_line(response))
                if status != 200:
                    raise FetchError(f"unexpected {_status_line(response)}")
                declared = response.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > p.max_bytes:
                    raise FetchError(_too_big(p.max_bytes, int(declared)))
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > p.max_bytes:
                        raise FetchError(_too_big(p.max_bytes))
                    if time.monotonic() > deadline:
                        raise _Retry(f"timed out (no complete response in {p.timeout:g} s)")
                    if self.stop.is_set():
                        raise Stopped
                    chunks.append(chunk)
                return _response(response, b"".join(chunks))
        except httpx.TooManyRedirects:
            raise FetchError(f"more than {p.max_redirects} redirects (a redirect loop?)") from None
        except httpx.TimeoutException:
            raise _Retry(f"timed out (after {p.timeout:g} s)") from None
        except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as exc:
            raise _Retry(f"connection failed ({_exc_line(exc)})") from None
        except httpx.DecodingError as exc:
            raise FetchError(f"cannot decode the response ({_exc_line(exc)})") from None
        except httpx.UnsupportedProtocol:
            raise FetchError("not an http(s) URL") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{type(exc).__name__}: {_exc_line(exc)}") from None


def _response(response: httpx.Response, content: bytes) -> Response:
    return Response(
        url=str(response.url),
        status=response.status_code,
        content=content,
        content_type=response.headers.get("Content-Type", ""),
        etag=response.headers.get("ETag"),
        last_modified=response.headers.get("Last-Modified"),
    )


def _status_line(response: httpx.Response) -> str:
    return f"HTTP {response.status_code} {response.reason_phrase}".strip()


def _too_big(limit: int, declared: int | None = None) -> str:
    said = f" ({declared:,} bytes)" if declared is not None else ""
    return f"response too large{said}: the limit is {limit:,} bytes"


def _exc_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds the server asks to wait (capped), or None to use the backoff."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError):
            return None
    return max(0.0, min(seconds, MAX_RETRY_AFTER))
