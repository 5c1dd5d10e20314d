"""The health phase: what a sync tells a source's row, and when the source is next due.

The only code that records a sync's outcome (store.record_result), and the only policy for the
next poll: a failing source backs off (15 minutes doubling, at most a day), and a server that
asks for time (ttl, Cache-Control max-age, Retry-After) gets at least that.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from coopwatch.store import Store
from coopwatch.types import Caching, SourceResult

Progress = Callable[[SourceResult], None]  # told of each source as its sync ends
Clock = Callable[[], datetime]  # the wall clock health records (a test sets its own)
BACKOFF_START = timedelta(minutes=15)
BACKOFF_CAP = timedelta(hours=24)


@dataclass(frozen=True)
class Health:
    """One source's sync as its row keeps it."""

    result: SourceResult
    caching: Caching | None = None  # None: what the server said last time still holds
    body_hash: str | None = None
    title: str | None = None  # the feed's own title, kept unless the user gave one
    wait_seconds: float | None = None  # what the server asked for


def utc_clock() -> datetime:
    return datetime.now(UTC)


def next_poll(now: datetime, failed: bool, failures_before: int,
              wait_seconds: float | None) -> datetime:
    """When a source is next due after a sync at now."""
    delay = timedelta(0)
    if failed:
        delay = min(BACKOFF_START * 2 ** min(failures_before, 16), BACKOFF_CAP)
    if wait_seconds:
        delay = max(delay, timedelta(seconds=wait_seconds))
    return now + delay


def record(store: Store, health: Health, now: datetime) -> None:
    """Keep the outcome on the source's row (a source not subscribed is left alone)."""
    result = health.result
    failures_before = store.consecutive_failures(result.source)
    caching = (replace(health.caching, body_hash=health.body_hash)
               if health.caching is not None else None)
    store.record_result(result, caching=caching, title=health.title, attempted_at=now,
                        next_poll=next_poll(now, result.status == "failed", failures_before,
                                            health.wait_seconds))
