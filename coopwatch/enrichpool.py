"""Enrichment on every core: a big sync enriches its articles in worker processes.

Enrichment is pure Python and holds the GIL, so threads cannot share it out; processes can. The
pool starts only when a batch is big enough to repay a worker's start-up (imports and term
indexes), so a cron run that brings three new articles never starts one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import resource_tracker
from typing import TYPE_CHECKING

from coopwatch.types import Enriched, RawArticle

if TYPE_CHECKING:
    from coopwatch.enrich import Vocabulary

log = logging.getLogger("coopwatch.enrichpool")
# articles: fewer are enriched in process while no worker runs (a cron run that brings three
# never starts one); once they run, every batch goes to them, so the main process, which also
# parses and stores, does not build term indexes and hold them beside theirs (peak memory)
MIN_BATCH = 24
PARENT_CHECK_SECONDS = 0.5
# the longest a small batch waits for others before the workers run (EnrichPool.enrich)
HOLD_SECONDS = 10.0
CHUNK = 25  # articles per task: small enough to share out a feed, big enough to repay pickling
# and the calls of language detection, which a chunk shares

_worker_vocabulary: Vocabulary | None = None


def _start_worker(user_sector_terms: Mapping[str, list[str]]) -> None:
    global _worker_vocabulary
    from coopwatch.gctuning import keep_what_is_loaded
    from coopwatch.vocabulary import load_vocabulary

    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    _worker_vocabulary = load_vocabulary(user_sector_terms)
    keep_what_is_loaded()


def _exit_with_parent(parent: int) -> None:
    # A sync killed with -9 cannot shut its pool down, and its workers would wait for work for
    # ever (holding the killed command's stdout open); they leave when they are orphaned.
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)


def _enrich_chunk(raws: Sequence[RawArticle], fingerprints: bool) -> list[Enriched]:
    # imported here, in the workers: a sync that creates the pool may never enrich
    from coopwatch.enrich import enrich_many

    assert _worker_vocabulary is not None
    enrichments = enrich_many(raws, _worker_vocabulary)
    if not fingerprints:
        return [Enriched(enrichment) for enrichment in enrichments]
    from coopwatch.store.fingerprints import fingerprint

    return [Enriched(enrichment, fingerprint(raw.title, raw.body))
            for raw, enrichment in zip(raws, enrichments, strict=True)]


@dataclass
class _Hold:
    """Small batches waiting together: True when the workers are to start on them."""

    ready: asyncio.Future[bool]
    batches: int = 0
    articles: int = 0


class EnrichPool:
    """Worker processes that enrich batches of articles; started on the first big batch."""

    def __init__(self, user_sector_terms: Mapping[str, Iterable[str]],
                 workers: int | None = None) -> None:
        self._user_sector_terms = {sector: list(terms) for sector, terms
                                   in user_sector_terms.items()}
        self._workers = workers if workers is not None else min(os.cpu_count() or 1, 4)
        self._executor: ProcessPoolExecutor | None = None
        self._holding: _Hold | None = None  # the small batches waiting before any worker runs
        self._expected, self._done = 0, 0  # sources that will ask (expect()), and have ended

    def __enter__(self) -> EnrichPool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)

    async def enrich(self, raws: Sequence[RawArticle],
                     fingerprints: bool = False) -> list[Enriched] | None:
        """Each article's enrichment, in order, with its fingerprint if asked for (a sync's,
        which stores them, not a re-enrichment's); None when the batch is better done in process.

        Before the workers run, a small batch of an expected source (expect()) waits while
        other sources may still bring more: the feeds of a big sync then start the workers
        together, and the main process, which parses and stores, never loads the vocabulary
        beside them (peak memory); a sync that brings a few articles in all enriches them in
        process once its other feeds have ended."""
        held = bool(raws) and self._executor is None and self._workers >= 2 \
            and len(raws) < MIN_BATCH and self._expected > 1
        if held and not await self._held(len(raws)):
            return None
        futures = self._submit(raws, fingerprints)
        if futures is None:
            return None
        try:
            chunks = await asyncio.gather(*map(asyncio.wrap_future, futures))
        except (BrokenProcessPool, OSError) as error:
            self._give_up(error)
            return None
        return [enrichment for chunk in chunks for enrichment in chunk]

    def expect(self, sources: int) -> None:
        """How many sources will ask enrich() (a sync's feeds), each telling source_done()
        when it ends: a small batch is then held while others may still bring more."""
        self._expected, self._done = sources, 0

    def source_done(self) -> None:
        """One expected source has ended (stored, unchanged or failed)."""
        self._done += 1
        self._release_if_all_here()

    async def _held(self, count: int) -> bool:
        """Whether the workers are to start on this batch: its hold's batches reach MIN_BATCH
        together; False when every other source has ended or is held too, or after
        HOLD_SECONDS."""
        if self._holding is None:
            self._holding = _Hold(asyncio.get_running_loop().create_future())
        hold = self._holding
        hold.batches += 1
        hold.articles += count
        if hold.articles >= MIN_BATCH:
            # made now, not when the held batches wake: one that comes meanwhile must see it
            try:
                self._executor = self._executor or self._start()
            except (OSError, ValueError) as error:
                self._give_up(error)
            self._end_hold(True)
        self._release_if_all_here()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(hold.ready), HOLD_SECONDS)
        if not hold.ready.done():
            self._end_hold(False)
        return hold.ready.result()

    def _release_if_all_here(self) -> None:
        hold = self._holding
        if hold is not None and hold.batches + self._done >= self._expected:
            self._end_hold(False)  # nobody else is coming: in process

    def _end_hold(self, start: bool) -> None:
        if self._holding is not None:
            self._holding.ready.set_result(start)
            self._holding = None

    def enrich_later(self, raws: Sequence[RawArticle],
                     fingerprints: bool = False) -> Callable[[], list[Enriched] | None]:
        """enrich() for code without an event loop (a local folder's ingest): the workers start
        on the batch at once, and the function returned waits for their answers, so the caller
        can store the batch before while they work."""
        futures = self._submit(raws, fingerprints)

        def answers() -> list[Enriched] | None:
            if futures is None:
                return None
            try:
                return [enrichment for future in futures for enrichment in future.result()]
            except (BrokenProcessPool, OSError) as error:
                self._give_up(error)
            return None

        return answers

    @property
    def started(self) -> bool:
        """Whether the workers are running (so a batch costs them no start)."""
        return self._executor is not None

    def _submit(self, raws: Sequence[RawArticle],
                fingerprints: bool) -> list[Future[list[Enriched]]] | None:
        """The batch handed to the workers in chunks, or None when it is better done in process
        (too small, or no workers can run)."""
        if self._workers < 2 or not raws or (len(raws) < MIN_BATCH and self._executor is None):
            return None
        try:
            if self._executor is None:
                self._executor = self._start()
            return [self._executor.submit(_enrich_chunk, chunk, fingerprints)
                    for chunk in _chunks(raws, CHUNK)]
        except (BrokenProcessPool, OSError, ValueError) as error:
            self._give_up(error)
            return None

    def _give_up(self, error: Exception) -> None:
        # a worker killed (out of memory) or none could start: enrich in process from now on;
        # said once, though every batch handed out by then fails with it
        if self._workers:
            log.warning("enrichment workers failed (%s); enriching in process", error)
        self._workers = 0

    def _start(self) -> ProcessPoolExecutor:
        _start_resource_tracker()
        # spawn, not fork: the parent runs an event loop and a writer thread whose locks a
        # forked child would inherit held
        return ProcessPoolExecutor(
            self._workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker, initargs=(self._user_sector_terms,))


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker, which keeps the pool's semaphores, with an
    stderr it can pass on: in the dashboard, Textual's capture of stderr has no file descriptor
    (fileno() is -1), and the tracker's start failed with "bad value(s) in fds_to_keep"."""
    try:
        if sys.stderr is not None and sys.stderr.fileno() >= 0:
            return  # the tracker starts as usual, on the pool's first semaphore
    except (AttributeError, OSError, ValueError):
        pass
    # its warnings (leaked semaphores) would land on the dashboard's screen: they are dropped
    with open(os.devnull, "w") as devnull, contextlib.redirect_stderr(devnull):
        resource_tracker.ensure_running()


def _chunks(items: Sequence[RawArticle], size: int) -> Iterable[Sequence[RawArticle]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
