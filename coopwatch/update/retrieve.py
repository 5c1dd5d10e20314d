"""The retrieve phase: feed and page requests, bounded in all and per host.

A `Retriever` is what the driver asks for bytes; the sync's own speaks HTTP (fetchers.http),
and a test may hand in another.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Protocol, TypeVar
from urllib.parse import urlsplit

from coopwatch.fetchers.http import Retrieved, make_client, retrieve
from coopwatch.fetchers.tls import client_context
from coopwatch.lean_httpx import httpx
from coopwatch.types import Caching

PER_HOST = 4  # at most this many requests to one server at once
T = TypeVar("T")


class Retriever(Protocol):
    """Fetch url within seconds in all; raises fetchers.http.RetrieveError."""

    def __call__(self, url: str, caching: Caching, seconds: float) -> Awaitable[Retrieved]: ...


@asynccontextmanager
async def http_retriever() -> AsyncIterator[Retriever]:
    """Requests over a connection pool for each host, kept for the whole sync (Limits bounds
    how many at once). One pool for all hosts looked at every connection it held, each with a
    system call, whenever a request started or ended: a sync's event loop spent much of its
    time there once it held a hundred."""
    tls = client_context()
    async with AsyncExitStack() as clients:
        by_host: dict[tuple[str, str], httpx.AsyncClient] = {}

        def get(url: str, caching: Caching, seconds: float) -> Awaitable[Retrieved]:
            host = urlsplit(url)[:2]  # scheme and authority: one server's connections
            client = by_host.get(host)
            if client is None:
                client = by_host[host] = make_client(PER_HOST, tls)
                clients.push_async_callback(client.aclose)
            return retrieve(client, url, caching, deadline=seconds)

        yield get


class Limits:
    """Requests at once, in all and per host, and the hosts that did not answer."""

    def __init__(self, concurrency: int) -> None:
        self.overall = asyncio.Semaphore(concurrency)
        self.per_host: dict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(PER_HOST))
        self.unreachable: set[str] = set()  # article hosts that did not answer in this sync

    async def run(self, url: str, work: Callable[[], Awaitable[T]]) -> T:
        # the host's turn first: a request waiting for its busy host must not hold one of the
        # sync's slots (feeds come sorted by address, so one site's feeds stand together)
        async with self.per_host[urlsplit(url).netloc], self.overall:
            return await work()
