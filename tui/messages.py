"""Messages that cross modules: the app's workers post them, screens handle them."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from coopwatch.types import SyncReport


@dataclass
class DataChanged(Message):
    """Articles were added or changed (a sync here, or a `coopwatch fetch` elsewhere)."""

    new_articles: int = 0
    changed: bool = True  # False: only the header's counts and sync time were read again


@dataclass
class SyncStateChanged(Message):
    """A sync started, finished or failed."""

    running: bool
    report: SyncReport | None = None
    error: str | None = None
    done: int = 0  # sources finished so far, of total, while running
    total: int = 0


@dataclass
class UnseenCounted(Message):
    """The articles in all watches that the user has not looked at yet."""

    unseen: int


@dataclass
class StaleTagsCounted(Message):
    """How many stored articles an older enrichment tagged (read once, at start)."""

    stale: int
