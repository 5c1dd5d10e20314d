"""The feed driver: each feed through the phases in order,

    retrieve -> unchanged? -> parse -> decide -> pages -> enrich -> save -> health

one coroutine a feed, all feeds at once under the sync's limits. Network waits overlap in the
event loop; everything that parses or writes runs on one writer thread, a phase at a time, so
the store sees a single writer. A feed's stories are enriched ahead in worker processes
(coopwatch.enrichpool), on the other cores, while the writer stores other feeds.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from coopwatch.enrichpool import EnrichPool
from coopwatch.errors import StorageError
from coopwatch.fetchers.http import RetrieveError
from coopwatch.store import Store
from coopwatch.types import Caching, SourceResult
from coopwatch.update import enrich, health, pages
from coopwatch.update.decide import Intent
from coopwatch.update.health import Clock, Health, Progress, utc_clock
from coopwatch.update.retrieve import Limits, Retriever, http_retriever
from coopwatch.vocabulary import VocabularyLoader

log = logging.getLogger("coopwatch.update")
P = ParamSpec("P")
T = TypeVar("T")
# The longest the writer keeps its writes in one transaction before it commits them: a commit
# costs some milliseconds (the full-text index writes a segment), and a big sync's feeds would
# pay one each, twice; a kill -9 loses at most this much of the sync, never the database.
GROUP_SECONDS = 1.0


@dataclass(frozen=True)
class FeedJob:
    """One feed to sync and how."""

    url: str
    caching: Caching
    body_hash: str | None  # of the body stored last time: the same bytes again change nothing
    full_text_below: int  # fetch the page of a new item whose text is shorter; 0: never


def feed_jobs(store: Store, urls: Sequence[str] | None, full_text_below: int) -> list[FeedJob]:
    """The feeds to sync (the given URLs, else every subscription) with what each needs."""
    settings = store.feed_settings()
    jobs = []
    for url in urls if urls is not None else list(settings):
        stored = store.caching(url)
        own = settings.get(url)
        # the server is sent back what it said; the body's hash stays ours
        jobs.append(FeedJob(url, Caching(stored.etag, stored.last_modified), stored.body_hash,
                            own if own is not None else full_text_below))
    return jobs


class _WriteGroups:
    """The writer thread's writes in shared transactions (Store.grouped_writes): a group is
    committed as soon as no other write waits, or when it has been open GROUP_SECONDS, so a
    reader (the dashboard) sees each feed soon after it is stored. A write that fails undoes
    only itself, as in any group."""

    def __init__(self, store: Store, writer: ThreadPoolExecutor) -> None:
        self._store, self._writer = store, writer
        self._waiting = 0  # writes handed to the writer and not yet done
        self._counting = threading.Lock()
        self._group: ExitStack | None = None  # entered and closed on the writer thread only
        self._opened = 0.0

    async def run(self, work: Callable[[], T]) -> T:
        with self._counting:
            self._waiting += 1
        handed = self._writer.submit(self._grouped, work)
        # a write cancelled before it ran (an interrupted sync) waits no longer
        handed.add_done_callback(lambda done: done.cancelled() and self._done_waiting())
        return await asyncio.wrap_future(handed)

    def _grouped(self, work: Callable[[], T]) -> T:
        try:
            if self._group is None:
                group = ExitStack()
                group.enter_context(self._store.grouped_writes())
                self._group, self._opened = group, time.monotonic()
            return work()
        finally:
            if self._done_waiting() or time.monotonic() - self._opened >= GROUP_SECONDS:
                self.commit()

    def _done_waiting(self) -> bool:
        """Count one write out; whether none waits now."""
        with self._counting:
            self._waiting -= 1
            return self._waiting == 0

    def commit(self) -> None:
        """Commit the open group (on the writer thread); a failed commit is a StorageError."""
        group, self._group = self._group, None
        if group is not None:
            group.close()


class _FeedSync:
    """One sync's feeds: the store, its writer thread, the pool, the limits."""

    def __init__(self, store: Store, vocabulary: VocabularyLoader, retriever: Retriever,
                 pool: EnrichPool, writer: ThreadPoolExecutor, limits: Limits, timeout: float,
                 clock: Clock) -> None:
        self.store, self.vocabulary, self.retriever = store, vocabulary, retriever
        self.pool, self.limits = pool, limits
        self.timeout, self.clock = timeout, clock
        self._groups = _WriteGroups(store, writer)

    async def _write(self, work: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """work(*args) on the writer thread, the only one that touches the store."""
        return await self._groups.run(lambda: work(*args, **kwargs))

    def commit_writes(self) -> None:
        """Commit what the writer holds in its open group (on the writer thread)."""
        self._groups.commit()

    async def sync(self, job: FeedJob) -> SourceResult:
        """One feed, start to end; a bug on its input is its failure, never the others'."""
        deadline = time.monotonic() + self.timeout
        try:
            outcome = await self._phases(job, deadline)
        except StorageError:
            raise  # the database itself failed: no other feed can be stored either
        except Exception as error:  # noqa: BLE001 (a bug on one feed's input must not stop the rest)
            log.exception("feed=%s could not be processed", job.url)
            # kept on the feed like any failure, so `feeds list` and the dashboard show it
            outcome = Health(SourceResult(
                source=job.url, status="failed",
                error=f"could not process the feed ({type(error).__name__})"))
        finally:
            self.pool.source_done()
        await self._write(health.record, self.store, outcome, self.clock())
        result = outcome.result
        log.info("status=%s feed=%s new=%d updated=%d copies=%d error=%s", result.status,
                 result.source, result.new, result.updated, result.copies, result.error)
        return result

    async def _phases(self, job: FeedJob, deadline: float) -> Health:
        try:
            fetched = await self.limits.run(
                job.url, lambda: self.retriever(job.url, job.caching, self.timeout))
        except RetrieveError as error:
            return Health(SourceResult(source=job.url, status="failed", error=str(error)),
                          wait_seconds=error.retry_after)
        url = job.url
        if fetched.moved_to and fetched.moved_to != url:
            url = fetched.moved_to
            await self._write(self.store.move_source, job.url, url)

        if fetched.not_modified:
            return Health(SourceResult(source=url, status="unchanged"),
                          wait_seconds=fetched.max_age)
        body_hash = hashlib.sha256(fetched.body).hexdigest()
        if body_hash == job.body_hash:
            return Health(SourceResult(source=url, status="unchanged"), fetched.caching,
                          body_hash, wait_seconds=fetched.max_age)

        # the first changed feed: the parser, and the address normaliser of dedup (courlan,
        # which brings numpy), are imported now, so an all-304 cron run never pays for them
        from coopwatch.update import known, parse

        feed = await self._write(parse.parse, url, fetched)
        if isinstance(feed, Exception):
            return Health(SourceResult(source=url, status="failed", error=str(feed)))
        decided = await self._write(known.decide_items, self.store, url, feed.articles)
        intents = decided.intents

        found = pages.Pages()
        if job.full_text_below:
            found = await pages.fetch_pages(self.retriever, self.limits, intents,
                                            job.full_text_below, deadline)
        if found.found:
            intents = await self._write(pages.swap_in, intents, found)

        ahead = await enrich.ahead(self.pool, intents)
        result = await self._write(self._save, url, intents, ahead)
        result.notes += parse.cut_notes(feed) + found.notes()
        return Health(result, fetched.caching, body_hash, feed.title,
                      parse.wait_seconds(feed, fetched))

    def _save(self, url: str, intents: Sequence[Intent],
              ahead: enrich.Enrichments) -> SourceResult:
        from coopwatch.update import save

        enrichments = enrich.rest(intents, ahead, self.vocabulary)
        return save.save(self.store, url, intents, enrichments, self.vocabulary.enriched_with)


async def _sync_all(store: Store, jobs: Sequence[FeedJob], vocabulary: VocabularyLoader,
                    retriever: Retriever | None, concurrency: int, timeout: float,
                    progress: Progress | None, clock: Clock) -> list[SourceResult]:
    with (ThreadPoolExecutor(max_workers=1, thread_name_prefix="coopwatch-store") as writer,
          EnrichPool(vocabulary.user_sector_terms) as pool):
        # no HTTP client when a test hands in its retriever
        async with (nullcontext(retriever) if retriever else http_retriever()) as get:
            feeds = _FeedSync(store, vocabulary, get, pool, writer, Limits(concurrency), timeout,
                              clock)
            pool.expect(len(jobs))

            async def one(job: FeedJob) -> SourceResult:
                result = await feeds.sync(job)
                if progress:
                    progress(result)
                return result

            try:
                return list(await asyncio.gather(*(one(job) for job in jobs)))
            finally:
                # an interrupted sync keeps what it stored: writes handed to the writer and
                # then cancelled never ran, and the group they would have closed is open
                writer.submit(feeds.commit_writes).result()


def sync_feeds(
    store: Store, jobs: Sequence[FeedJob], vocabulary: VocabularyLoader, *, concurrency: int = 16,
    timeout: float = 30.0, progress: Progress | None = None, retriever: Retriever | None = None,
    clock: Clock = utc_clock,
) -> list[SourceResult]:
    """Sync every feed at once (bounded); one feed's failure touches no other.

    Results come back in the order of jobs; progress hears of each as it finishes. retriever
    replaces HTTP (tests); clock gives the time the health phase records."""
    return asyncio.run(_sync_all(store, jobs, vocabulary, retriever, concurrency, timeout,
                                 progress, clock))
