"""Syncing feeds over HTTP, in reader's phases:

    store.caching_info (what each server said last time)
    -> retrieve (the only parallel step: bounded in all and per host, each feed within a deadline)
    -> parse (feedparser; a feed that is HTML, empty or broken is a per-feed error)
    -> store.entry_hashes -> decide -> enrich (new and changed items only)
    -> store.save_articles (one transaction per feed) and store.record_result (health)
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from coopwatch.enrich import Vocabulary
from coopwatch.fetchers.feedfile import FeedParseError, parse_feed
from coopwatch.fetchers.http import Caching, RetrieveError, Retrieved, make_client, retrieve
from coopwatch.store import Store
from coopwatch.sync import store_articles
from coopwatch.types import SourceResult

log = logging.getLogger("coopwatch.feedsync")
PER_HOST = 4  # at most this many requests to one server at once
Progress = Callable[[SourceResult], None]


async def _retrieve_all(
    feeds: Sequence[tuple[str, Caching]], concurrency: int, timeout: float,
) -> list[tuple[str, Retrieved | RetrieveError]]:
    overall = asyncio.Semaphore(concurrency)
    per_host: dict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(PER_HOST))

    async def one(url: str, caching: Caching) -> tuple[str, Retrieved | RetrieveError]:
        async with overall, per_host[urlsplit(url).netloc]:
            try:
                return url, await retrieve(client, url, caching, deadline=timeout)
            except RetrieveError as error:
                return url, error

    async with make_client(concurrency) as client:
        return await asyncio.gather(*(one(url, caching) for url, caching in feeds))


def _process(store: Store, url: str, outcome: Retrieved | RetrieveError,
             vocabulary: Vocabulary) -> SourceResult:
    result = SourceResult(source=url)
    if isinstance(outcome, RetrieveError):
        result.status, result.error = "failed", str(outcome)
        store.record_result(result, wait_seconds=outcome.retry_after)
        return result
    if outcome.moved_to and outcome.moved_to != url:
        store.move_source(url, outcome.moved_to)
        url = result.source = outcome.moved_to
    previous = store.caching_info(url)
    if outcome.not_modified:
        result.status = "unchanged"
        store.record_result(result, wait_seconds=outcome.max_age)
        return result
    body_hash = hashlib.sha256(outcome.body).hexdigest()
    caching = {"etag": outcome.caching.etag or "", "last_modified":
               outcome.caching.last_modified or "", "body_hash": body_hash}
    if previous.get("body_hash") == body_hash:
        result.status = "unchanged"
        store.record_result(result, caching=caching, wait_seconds=outcome.max_age)
        return result
    try:
        feed = parse_feed(outcome.body, url, outcome.content_type)
    except FeedParseError as error:
        result.status, result.error = "failed", str(error)
        store.record_result(result)
        return result
    new_ids, updated = store_articles(store, url, feed.articles, vocabulary)
    result.new_ids, result.new, result.updated = new_ids, len(new_ids), updated
    ttl = feed.ttl_minutes * 60 if feed.ttl_minutes else None
    store.record_result(result, caching=caching, title=feed.title,
                        wait_seconds=max(filter(None, (ttl, outcome.max_age)), default=None))
    return result


def sync_feeds(
    store: Store, urls: Sequence[str], vocabulary: Vocabulary, *, concurrency: int = 16,
    timeout: float = 30.0, progress: Progress | None = None,
) -> list[SourceResult]:
    """Fetch every feed at once (bounded), then store each; one feed's failure touches no other."""
    feeds = []
    for url in urls:
        info = store.caching_info(url)
        feeds.append((url, Caching(info.get("etag") or None, info.get("last_modified") or None)))
    outcomes = asyncio.run(_retrieve_all(feeds, concurrency, timeout))
    results = []
    for url, outcome in outcomes:
        result = _process(store, url, outcome, vocabulary)
        log.info("status=%s feed=%s new=%d updated=%d error=%s", result.status, result.source,
                 result.new, result.updated, result.error)
        results.append(result)
        if progress:
            progress(result)
    return results
