"""HTTP retrieval of feeds: conditional GET, bounded time and size, redirects, polite retries.

retrieve() never raises anything but RetrieveError (a one-line reason); the caller keeps that on
the feed as its last error.
"""

from __future__ import annotations

import asyncio
import email.utils
import ssl
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin

from coopwatch import __version__
from coopwatch.lean_httpx import httpx
from coopwatch.types import Caching
from coopwatch.webaddress import is_web_url

USER_AGENT = f"coopwatch/{__version__} (feed reader; +https://pypi.org/project/coopwatch/)"
MAX_REDIRECTS = 5
MAX_BODY_BYTES = 10 * 1024 * 1024  # of the decoded body, so a gzip bomb stops here too
RETRIES = 2
_REDIRECTS = {301, 302, 303, 307, 308}
BACKOFF_SECONDS = 0.5
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 10.0


# Content-Encoding -> zlib's window bits: gzip's header, zlib's (deflate as servers send it)
_ZLIB_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


class RetrieveError(Exception):
    """The feed could not be fetched; the message is one line for the user."""

    def __init__(self, reason: str, retry_after: float | None = None,
                 unreachable: bool = False) -> None:
        super().__init__(reason)
        self.retry_after = retry_after
        # the host did not answer at all (no address, refused, no answer in time): asking it
        # again in the same sync would only wait again
        self.unreachable = unreachable


@dataclass(frozen=True)
class Retrieved:
    """A fetched feed, or the news that it has not changed."""

    url: str  # where the body came from, after redirects
    not_modified: bool
    body: bytes = b""
    content_type: str | None = None
    caching: Caching = field(default_factory=Caching)
    moved_to: str | None = None  # set when a permanent redirect gave the feed a new address
    max_age: float | None = None  # seconds the server asks us to wait (Cache-Control, Retry-After)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("retry-after")
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


def _max_age(response: httpx.Response) -> float | None:
    for part in response.headers.get("cache-control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name.lower() == "max-age" and value.strip().isdigit():
            return float(value)
    return _retry_after(response)


async def _read_limited(response: httpx.Response, limit: int) -> bytes:
    """The body, decompressed, refused once it passes limit bytes. httpx would inflate each
    chunk whole (64 KiB of a gzip bomb is 64 MiB); zlib is asked for no more than the limit."""
    encoding = response.headers.get("content-encoding", "").strip().lower()
    if encoding not in _ZLIB_WBITS:
        chunks, size = [], 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > limit:
                raise _too_large(limit)
            chunks.append(chunk)
        return b"".join(chunks)
    inflate = zlib.decompressobj(_ZLIB_WBITS[encoding])
    body = bytearray()
    first = True
    try:
        async for raw in response.aiter_raw():
            try:
                body += inflate.decompress(raw, limit + 1 - len(body))
            except zlib.error:
                if not (first and encoding == "deflate"):
                    raise
                inflate = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, without zlib's header
                body += inflate.decompress(raw, limit + 1 - len(body))
            first = False
            if len(body) > limit or inflate.unconsumed_tail:
                raise _too_large(limit)
        body += inflate.flush()
    except zlib.error as error:
        raise RetrieveError(f"the answer could not be decompressed ({error})") from None
    if len(body) > limit:
        raise _too_large(limit)
    return bytes(body)


def _too_large(limit: int) -> RetrieveError:
    return RetrieveError(f"feed larger than {limit // (1024 * 1024)} MB")


async def _once(client: httpx.AsyncClient, url: str, caching: Caching, limit: int) -> Retrieved:
    headers = {}
    if caching.etag:
        headers["If-None-Match"] = caching.etag
    if caching.last_modified:
        headers["If-Modified-Since"] = caching.last_modified
    current, moved_to, permanent = url, None, True
    for _ in range(MAX_REDIRECTS + 1):
        async with client.stream("GET", current, headers=headers) as response:
            if response.status_code in _REDIRECTS:
                target = response.headers.get("location")
                if not target:
                    raise RetrieveError(f"HTTP {response.status_code} without a Location")
                permanent = permanent and response.status_code in (301, 308)
                current = urljoin(current, target)
                if not is_web_url(current):
                    raise RetrieveError(f"redirect to a non-HTTP address {current[:100]}")
                moved_to = current if permanent else None
                continue
            if response.status_code == 304:
                return Retrieved(url=current, not_modified=True, caching=caching,
                                 moved_to=moved_to, max_age=_max_age(response))
            if response.status_code >= 400:
                raise RetrieveError(f"HTTP {response.status_code}", _retry_after(response))
            body = await _read_limited(response, limit)
            return Retrieved(
                url=current, not_modified=False, body=body,
                content_type=response.headers.get("content-type"),
                caching=Caching(response.headers.get("etag"), response.headers.get("last-modified")),
                moved_to=moved_to, max_age=_max_age(response),
            )
    raise RetrieveError(f"more than {MAX_REDIRECTS} redirects")


async def retrieve(
    client: httpx.AsyncClient, url: str, caching: Caching = Caching(), *,
    deadline: float = 30.0, limit: int = MAX_BODY_BYTES,
) -> Retrieved:
    """Fetch a feed within deadline seconds in all, retrying timeouts and 5xx with backoff."""
    started = time.monotonic()
    attempt = 0
    while True:
        remaining = deadline - (time.monotonic() - started)
        if remaining <= 0:
            raise RetrieveError(f"no answer within {deadline:g} s", unreachable=True)
        try:
            async with asyncio.timeout(remaining):  # unlike wait_for, no task a request
                return await _once(client, url, caching, limit)
        except (TimeoutError, httpx.TimeoutException):
            reason, wait, timed_out = f"no answer within {deadline:g} s", None, True
            if time.monotonic() - started >= deadline:
                raise RetrieveError(reason, unreachable=True) from None
        except RetrieveError as error:
            if not str(error).startswith("HTTP 5"):
                raise
            reason, wait, timed_out = str(error), error.retry_after, False
        except httpx.HTTPError as error:
            raise RetrieveError(_describe(error),
                                unreachable=isinstance(error, httpx.ConnectError)) from None
        attempt += 1
        if attempt > RETRIES:
            raise RetrieveError(reason, unreachable=timed_out)
        pause = wait if wait is not None else BACKOFF_SECONDS * 2 ** (attempt - 1)
        if pause >= deadline - (time.monotonic() - started):
            raise RetrieveError(reason, unreachable=timed_out)
        await asyncio.sleep(pause)


def _describe(error: httpx.HTTPError) -> str:
    kind = {
        httpx.ConnectError: "cannot connect",
        httpx.RemoteProtocolError: "the server broke off the answer",
        httpx.DecodingError: "the answer could not be decompressed",
        httpx.UnsupportedProtocol: "not an http or https address",
    }
    for cls, text in kind.items():
        if isinstance(error, cls):
            return f"{text} ({' '.join(str(error).split())[:120]})" if str(error) else text
    return " ".join(f"{type(error).__name__}: {error}".split())[:200]


def make_client(keep_alive: int, tls: ssl.SSLContext) -> httpx.AsyncClient:
    """A client: timeouts, our User-Agent, no auto-redirects, up to keep_alive connections kept
    open for the next request; tls is the context to verify servers with (one a sync, so its
    certificate bundle is read once)."""
    return httpx.AsyncClient(
        headers={"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, "
                 "application/feed+json, application/xml;q=0.9, */*;q=0.8"},
        timeout=httpx.Timeout(CONNECT_TIMEOUT, read=READ_TIMEOUT),
        limits=httpx.Limits(max_connections=None, max_keepalive_connections=keep_alive),
        follow_redirects=False,
        verify=tls,
    )
