"""One sync of every source, as `coopwatch fetch` and the dashboard's sync run it."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from coopwatch import paths
from coopwatch.config import Config
from coopwatch.store import Store
from coopwatch.types import SyncReport
from coopwatch.update.feeds import feed_jobs, sync_feeds
from coopwatch.update.health import Clock, Progress, utc_clock
from coopwatch.update.retrieve import Retriever
from coopwatch.vocabulary import VocabularyLoader
from coopwatch.watches import report_alerts, run_notify_command


def configured_folders(config: Config) -> list[Path]:
    """The local folders `fetch` syncs: the config's, else the bundled seeds."""
    return list(config.folders) if config.folders is not None else [paths.seeds_dir()]


def source_count(store: Store, config: Config, feeds: Sequence[str] = (),
                 due_only: bool = False) -> int:
    """How many sources a sync will report on (for a progress bar)."""
    later = store.feeds_not_due() if due_only else set()
    if feeds:
        return len(set(feeds) - later)
    return len(set(store.feed_settings()) - later) + len(configured_folders(config))


def fetch_all(
    store: Store, config: Config, vocabulary: VocabularyLoader, *, feeds: Sequence[str] = (),
    concurrency: int = 16, timeout: float = 30.0, progress: Progress | None = None,
    today: Callable[[], date] = date.today, due_only: bool = False,
    retriever: Retriever | None = None, clock: Clock = utc_clock,
) -> SyncReport:
    """Sync the given feeds, or every feed and folder, under the sync lock; then tell the
    watches' new articles and the spiking pairs, and run the notify command for the alerts.

    The vocabulary is loaded when something needs enriching (never when every feed answers 304
    and no folders are synced). due_only leaves the feeds whose next poll is still to come
    (ttl, Cache-Control max-age, Retry-After, a failing feed's back-off) for a later sync."""
    with store.sync_lock():
        report = SyncReport()
        started = time.monotonic()
        before_id = store.newest_article_id()
        jobs = feed_jobs(store, list(feeds) or None, config.full_text_below)
        if due_only:
            later = store.feeds_not_due(clock())
            report.not_due = [job.url for job in jobs if job.url in later]
            jobs = [job for job in jobs if job.url not in later]
        if jobs:
            report.sources += sync_feeds(store, jobs, vocabulary, concurrency=concurrency,
                                         timeout=timeout, progress=progress,
                                         retriever=retriever, clock=clock)
        folders = [] if feeds else configured_folders(config)
        if folders:
            from coopwatch.update.local import sync_folders  # enrichment's imports: when needed

            report.sources += sync_folders(store, folders, vocabulary(), progress,
                                           clock).sources
        report.alerts, report.spiking_pairs = report_alerts(store, config, before_id, today())
        report.seconds = time.monotonic() - started
    if config.notify_command and report.alerts:
        report.notes += run_notify_command(config.notify_command, report.alerts)
    return report
