"""Syncing feeds over HTTP, in reader's phases, one pipeline per feed:

    store.caching_info (what each server said last time)
    -> retrieve (bounded in all and per host, each feed within its deadline)
    -> parse (feedparser; a feed that is HTML, empty or broken is a per-feed error)
    -> plan: decide (new and changed items only) and drop stories stored from other sources
    -> full text: fetch the pages of items too short to tag, within the same deadline
    -> enrich ahead in worker processes when the feed brings many stories
    -> complete: near-duplicates, enrich the rest, store.save_articles (one transaction per feed)
    -> store.record_result (health)

Network waits overlap in the event loop; everything that parses or writes runs on one worker
thread, one feed at a time, so the store sees a single writer. A big feed's stories are enriched
ahead in worker processes (coopwatch.enrichpool), on the other cores.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import TypeVar
from urllib.parse import urlsplit

import httpx

from coopwatch.enrich import Vocabulary
from coopwatch.enrichpool import EnrichPool
from coopwatch.errors import StorageError
from coopwatch.fetchers.feedfile import FeedParseError, ParsedFeed, parse_feed
from coopwatch.fetchers.htmlpage import page_main_text
from coopwatch.fetchers.http import Caching, RetrieveError, Retrieved, make_client, retrieve
from coopwatch.store import Store
from coopwatch.sync import Decision, complete, plan
from coopwatch.types import SourceResult

log = logging.getLogger("coopwatch.feedsync")
PER_HOST = 4  # at most this many requests to one server at once
Progress = Callable[[SourceResult], None]
T = TypeVar("T")


@dataclass(frozen=True)
class FeedJob:
    """One feed to sync and how."""

    url: str
    caching: Caching
    full_text_below: int  # fetch the page of a new item whose text is shorter; 0: never


@dataclass
class _Planned:
    """A parsed feed whose new and changed items wait for their full text."""

    url: str
    feed: ParsedFeed
    decisions: list[Decision]
    caching: dict[str, str]
    max_age: float | None
    pages: dict[int, tuple[bytes, str | None]] = field(default_factory=dict)


class _Limits:
    """Requests at once, in all and per host."""

    def __init__(self, concurrency: int) -> None:
        self.overall = asyncio.Semaphore(concurrency)
        self.per_host: dict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(PER_HOST))

    async def run(self, url: str, work: Callable[[], Awaitable[T]]) -> T:
        async with self.overall, self.per_host[urlsplit(url).netloc]:
            return await work()


def _receive(store: Store, url: str, outcome: Retrieved | RetrieveError) -> SourceResult | _Planned:
    """Everything after the feed's bytes arrive up to the full text: a result, or a plan."""
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
    return _Planned(url, feed, plan(store, url, feed.articles), caching, outcome.max_age)


def _swap_in_pages(planned: _Planned) -> None:
    """The main text of each page fetched, where it says more than the feed's summary."""
    for index, (data, content_type) in planned.pages.items():
        decision = planned.decisions[index]
        text = page_main_text(data, content_type, decision.raw.url or "")
        if len(text) > len(decision.raw.body):
            decision.raw = replace(decision.raw, body=text)


async def _enrich_ahead(pool: EnrichPool, planned: _Planned) -> None:
    """Enrich the feed's stories in the worker processes, while the writer stores other feeds."""
    waiting = [decision for decision in planned.decisions if not decision.copy]
    enrichments = await pool.enrich([decision.raw for decision in waiting])
    for decision, enrichment in zip(waiting, enrichments or (), strict=False):
        decision.enrichment = enrichment


def _finish(store: Store, planned: _Planned, vocabulary: Vocabulary) -> SourceResult:
    """Enrich what was not enriched ahead and store; record the feed's health."""
    result = complete(store, planned.url, planned.decisions, vocabulary)
    feed = planned.feed
    ttl = feed.ttl_minutes * 60 if feed.ttl_minutes else None
    store.record_result(result, caching=planned.caching, title=feed.title,
                        wait_seconds=max(filter(None, (ttl, planned.max_age)), default=None))
    return result


def _needs_page(decision: Decision, threshold: int) -> bool:
    url = decision.raw.url or ""
    return (not decision.copy and len(decision.raw.body) < threshold
            and url.lower().startswith(("http://", "https://")))


async def _fetch_pages(client: httpx.AsyncClient, limits: _Limits, planned: _Planned,
                       threshold: int, deadline: float) -> None:
    """The pages of short items, each within what is left of the feed's deadline."""

    async def one(index: int, url: str) -> None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return
        try:
            page = await limits.run(url, lambda: retrieve(client, url, deadline=remaining))
        except RetrieveError as error:
            log.info("full text failed url=%s error=%s", url, error)
            return
        if page.body:
            planned.pages[index] = (page.body, page.content_type)

    await asyncio.gather(*(
        one(index, decision.raw.url or "")
        for index, decision in enumerate(planned.decisions) if _needs_page(decision, threshold)
    ))


async def _sync_all(store: Store, jobs: Sequence[FeedJob], vocabulary: Vocabulary,
                    concurrency: int, timeout: float, progress: Progress | None,
                    ) -> list[SourceResult]:
    limits = _Limits(concurrency)
    loop = asyncio.get_running_loop()
    with (ThreadPoolExecutor(max_workers=1, thread_name_prefix="coopwatch-store") as writer,
          EnrichPool(vocabulary) as pool):
        async with make_client(concurrency) as client:

            async def one(job: FeedJob) -> SourceResult:
                deadline = time.monotonic() + timeout
                try:
                    outcome: Retrieved | RetrieveError = await limits.run(
                        job.url, lambda: retrieve(client, job.url, job.caching, deadline=timeout))
                except RetrieveError as error:
                    outcome = error
                try:
                    step = await loop.run_in_executor(writer, _receive, store, job.url, outcome)
                    if isinstance(step, _Planned):
                        if job.full_text_below:
                            await _fetch_pages(client, limits, step, job.full_text_below, deadline)
                        if step.pages:
                            await loop.run_in_executor(writer, _swap_in_pages, step)
                        await _enrich_ahead(pool, step)
                        step = await loop.run_in_executor(writer, _finish, store, step, vocabulary)
                except StorageError:
                    raise  # the database itself failed: no other feed can be stored either
                except Exception as error:  # noqa: BLE001 (a bug on one feed's input must not stop the rest)
                    log.exception("feed=%s could not be processed", job.url)
                    step = SourceResult(source=job.url, status="failed",
                                        error=f"could not process the feed ({type(error).__name__})")
                log.info("status=%s feed=%s new=%d updated=%d copies=%d error=%s", step.status,
                         step.source, step.new, step.updated, step.copies, step.error)
                if progress:
                    progress(step)
                return step

            return list(await asyncio.gather(*(one(job) for job in jobs)))


def feed_jobs(store: Store, urls: Sequence[str] | None, full_text_below: int) -> list[FeedJob]:
    """The feeds to sync (the given URLs, else every subscription) with what each needs."""
    settings = store.feed_settings()
    jobs = []
    for url in urls if urls is not None else list(settings):
        info = store.caching_info(url)
        own = settings.get(url)
        threshold = own if own is not None else full_text_below
        jobs.append(FeedJob(url, Caching(info.get("etag") or None,
                                         info.get("last_modified") or None), threshold))
    return jobs


def sync_feeds(
    store: Store, jobs: Sequence[FeedJob], vocabulary: Vocabulary, *, concurrency: int = 16,
    timeout: float = 30.0, progress: Progress | None = None,
) -> list[SourceResult]:
    """Sync every feed at once (bounded); one feed's failure touches no other.

    Results come back in the order of jobs; progress hears of each as it finishes.
    """
    return asyncio.run(_sync_all(store, jobs, vocabulary, concurrency, timeout, progress))
