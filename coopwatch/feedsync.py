"""Syncing feeds over HTTP, in reader's phases, one pipeline per feed:

    store.caching (what each server said last time)
    -> retrieve (bounded in all and per host, each feed within its deadline)
    -> a 304, the same bytes as last time, or a failure: record the feed's health, done
    -> else coopwatch.feedupdate: parse, plan, full text, enrich, store (one transaction a feed)

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
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

from coopwatch.enrichpool import EnrichPool
from coopwatch.errors import StorageError
from coopwatch.fetchers.http import Retrieved, RetrieveError, make_client, retrieve
from coopwatch.store import Store
from coopwatch.types import Caching, SourceResult
from coopwatch.vocabulary import VocabularyLoader

if TYPE_CHECKING:
    from coopwatch.feedupdate import Planned

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


class _Limits:
    """Requests at once, in all and per host."""

    def __init__(self, concurrency: int) -> None:
        self.overall = asyncio.Semaphore(concurrency)
        self.per_host: dict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(PER_HOST))
        self.unreachable: set[str] = set()  # article hosts that did not answer in this sync

    async def run(self, url: str, work: Callable[[], Awaitable[T]]) -> T:
        async with self.overall, self.per_host[urlsplit(url).netloc]:
            return await work()


def _receive(store: Store, url: str, outcome: Retrieved | RetrieveError) -> SourceResult | Planned:
    """Everything after the feed's bytes arrive up to the full text: a result, or a plan."""
    result = SourceResult(source=url)
    if isinstance(outcome, RetrieveError):
        result.status, result.error = "failed", str(outcome)
        store.record_result(result, wait_seconds=outcome.retry_after)
        return result
    if outcome.moved_to and outcome.moved_to != url:
        store.move_source(url, outcome.moved_to)
        url = result.source = outcome.moved_to
    if outcome.not_modified:
        result.status = "unchanged"
        store.record_result(result, wait_seconds=outcome.max_age)
        return result
    body_hash = hashlib.sha256(outcome.body).hexdigest()
    caching = Caching(outcome.caching.etag, outcome.caching.last_modified, body_hash)
    if store.caching(url).body_hash == body_hash:
        result.status = "unchanged"
        store.record_result(result, caching=caching, wait_seconds=outcome.max_age)
        return result
    from coopwatch import feedupdate  # the first changed feed: see feedupdate's docstring

    return feedupdate.parse_and_plan(store, url, outcome.body, outcome.content_type, caching,
                                     outcome.max_age)


async def _sync_all(store: Store, jobs: Sequence[FeedJob], vocabulary: VocabularyLoader,
                    concurrency: int, timeout: float, progress: Progress | None,
                    ) -> list[SourceResult]:
    limits = _Limits(concurrency)
    loop = asyncio.get_running_loop()
    with (ThreadPoolExecutor(max_workers=1, thread_name_prefix="coopwatch-store") as writer,
          EnrichPool(vocabulary.user_sector_terms) as pool):
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
                    if not isinstance(step, SourceResult):
                        step = await _update(step, job, deadline)
                except StorageError:
                    raise  # the database itself failed: no other feed can be stored either
                except Exception as error:  # noqa: BLE001 (a bug on one feed's input must not stop the rest)
                    log.exception("feed=%s could not be processed", job.url)
                    step = SourceResult(source=job.url, status="failed",
                                        error=f"could not process the feed ({type(error).__name__})")
                    # kept on the feed like any failure, so `feeds list` and the dashboard show it
                    await loop.run_in_executor(writer, store.record_result, step)
                log.info("status=%s feed=%s new=%d updated=%d copies=%d error=%s", step.status,
                         step.source, step.new, step.updated, step.copies, step.error)
                if progress:
                    progress(step)
                return step

            async def _update(planned: Planned, job: FeedJob, deadline: float) -> SourceResult:
                from coopwatch import feedupdate

                if job.full_text_below:
                    await feedupdate.fetch_pages(client, limits.run, limits.unreachable,
                                                 planned, job.full_text_below, deadline)
                if planned.pages:
                    await loop.run_in_executor(writer, feedupdate.swap_in_pages, planned)
                await feedupdate.enrich_ahead(pool, planned)
                return await loop.run_in_executor(writer, feedupdate.finish, store, planned,
                                                  vocabulary)

            return list(await asyncio.gather(*(one(job) for job in jobs)))


def feed_jobs(store: Store, urls: Sequence[str] | None, full_text_below: int) -> list[FeedJob]:
    """The feeds to sync (the given URLs, else every subscription) with what each needs."""
    settings = store.feed_settings()
    jobs = []
    for url in urls if urls is not None else list(settings):
        own = settings.get(url)
        threshold = own if own is not None else full_text_below
        jobs.append(FeedJob(url, store.caching(url), threshold))
    return jobs


def sync_feeds(
    store: Store, jobs: Sequence[FeedJob], vocabulary: VocabularyLoader, *, concurrency: int = 16,
    timeout: float = 30.0, progress: Progress | None = None,
) -> list[SourceResult]:
    """Sync every feed at once (bounded); one feed's failure touches no other.

    Results come back in the order of jobs; progress hears of each as it finishes.
    """
    return asyncio.run(_sync_all(store, jobs, vocabulary, concurrency, timeout, progress))
