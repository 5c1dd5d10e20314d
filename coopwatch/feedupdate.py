"""What happens to a feed whose bytes changed, in reader's phases:

    parse (feedparser; a feed that is HTML, empty or broken is a per-feed error)
    -> plan: decide (new and changed items only) and drop stories stored from other sources
    -> full text: fetch the pages of items too short to tag, within the feed's deadline
    -> enrich ahead in worker processes when the feed brings many stories
    -> complete: near-duplicates, enrich the rest, store.save_articles (one transaction per feed)
    -> store.record_result (health)

coopwatch.feedsync imports this module when the first feed of a sync has changed: parsing,
page extraction and enrichment cost a cron run whose feeds all answer 304 nothing.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import TypeVar
from urllib.parse import urlsplit

import httpx

from coopwatch.enrichpool import EnrichPool
from coopwatch.fetchers.feedfile import FeedParseError, ParsedFeed, parse_feed
from coopwatch.fetchers.htmlpage import page_main_text
from coopwatch.fetchers.http import Retrieved, RetrieveError, retrieve
from coopwatch.fetchers.limits import MAX_FEED_ITEMS
from coopwatch.store import Store
from coopwatch.sync import Decision, complete, plan
from coopwatch.types import Caching, SourceResult
from coopwatch.vocabulary import VocabularyLoader
from coopwatch.webaddress import is_web_url

log = logging.getLogger("coopwatch.feedsync")
T = TypeVar("T")
Limited = Callable[[str, Callable[[], Awaitable[T]]], Awaitable[T]]  # _Limits.run


@dataclass
class Planned:
    """A parsed feed whose new and changed items wait for their full text."""

    url: str
    feed: ParsedFeed
    decisions: list[Decision]
    caching: Caching
    max_age: float | None
    pages: dict[int, tuple[bytes, str | None]] = field(default_factory=dict)
    pages_missed: Counter[str] = field(default_factory=Counter)  # why -> items left with summaries


def parse_and_plan(store: Store, url: str, body: bytes, content_type: str | None,
                   caching: Caching, max_age: float | None) -> SourceResult | Planned:
    """The feed's new and changed items, or its parse error recorded as its result."""
    try:
        feed = parse_feed(body, url, content_type)
    except FeedParseError as error:
        result = SourceResult(source=url, status="failed", error=str(error))
        store.record_result(result)
        return result
    return Planned(url, feed, plan(store, url, feed.articles), caching, max_age)


def _cut_note(feed: ParsedFeed) -> list[str]:
    """What a feed result says of the items a document held beyond those read."""
    if feed.items_in_document <= MAX_FEED_ITEMS:
        return []
    return [f"read the first {MAX_FEED_ITEMS:,} of {feed.items_in_document:,} items"]


def swap_in_pages(planned: Planned) -> None:
    """The main text of each page fetched, where it says more than the feed's summary."""
    for index, (data, content_type) in planned.pages.items():
        decision = planned.decisions[index]
        text = page_main_text(data, content_type, decision.raw.url or "")
        if len(text) > len(decision.raw.body):
            decision.raw = replace(decision.raw, body=text)


async def enrich_ahead(pool: EnrichPool, planned: Planned) -> None:
    """Enrich the feed's stories in the worker processes, while the writer stores other feeds."""
    waiting = [decision for decision in planned.decisions if not decision.copy]
    enrichments = await pool.enrich([decision.raw for decision in waiting])
    for decision, enrichment in zip(waiting, enrichments or (), strict=False):
        decision.enrichment = enrichment


def finish(store: Store, planned: Planned, vocabulary: VocabularyLoader) -> SourceResult:
    """Enrich what was not enriched ahead and store; record the feed's health."""
    result = complete(store, planned.url, planned.decisions, vocabulary)
    feed = planned.feed
    result.notes += _cut_note(feed)
    result.notes += [f"full text of {count:,} {'item' if count == 1 else 'items'} not fetched: {why}"
                     for why, count in planned.pages_missed.items()]
    ttl = feed.ttl_minutes * 60 if feed.ttl_minutes else None
    store.record_result(result, caching=planned.caching, title=feed.title,
                        wait_seconds=max(filter(None, (ttl, planned.max_age)), default=None))
    return result


def _needs_page(decision: Decision, threshold: int) -> bool:
    return (not decision.copy and len(decision.raw.body) < threshold
            and is_web_url(decision.raw.url))


async def fetch_pages(client: httpx.AsyncClient, limited: Limited, unreachable: set[str],
                      planned: Planned, threshold: int, deadline: float) -> None:
    """The pages of short items, side by side under the sync's limits, all within the feed's
    deadline; a host in unreachable (shared by the sync's feeds) is not asked, and one that does
    not answer joins it."""

    async def one(index: int, url: str) -> None:
        host = urlsplit(url).netloc
        silent = f"{host} did not answer"

        async def attempt() -> Retrieved | None:
            # the time waiting for a slot counts: the deadline is the feed's, not the request's
            remaining = deadline - time.monotonic()
            if remaining <= 0 or host in unreachable:
                return None
            return await retrieve(client, url, deadline=remaining)

        if host in unreachable:
            planned.pages_missed[silent] += 1
            return
        try:
            page = await limited(url, attempt)
        except RetrieveError as error:
            log.info("full text failed url=%s error=%s", url, error)
            if error.unreachable:
                unreachable.add(host)
                planned.pages_missed[silent] += 1
            return
        if page is None:
            planned.pages_missed[silent if host in unreachable else "the feed's time ran out"] += 1
        elif page.body:
            planned.pages[index] = (page.body, page.content_type)

    await asyncio.gather(*(
        one(index, decision.raw.url or "")
        for index, decision in enumerate(planned.decisions) if _needs_page(decision, threshold)
    ))
