"""What a store is to its callers: one protocol per domain, and `Store`, all of them at once.

A second backend implements `Store`; tests/test_store.py runs the same tests against each.
Methods raise coopwatch errors (StorageError and its kinds), never a driver's own.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Protocol, Self, runtime_checkable

from coopwatch.types import (
    Article,
    ArticleDetail,
    ArticleWrite,
    Caching,
    DyadCount,
    Enrichment,
    Evidence,
    Filters,
    Pair,
    PairSummary,
    Source,
    SourceResult,
    StoredEntry,
    StoredStory,
    StoredText,
    StoredWatch,
    WatchCounts,
    WatchMarks,
)


class SourcesStore(Protocol):
    """Subscriptions (feeds and local folders) and their health."""

    def add_source(self, url: str, kind: str, title: str | None = None,
                   tags: tuple[str, ...] = (), full_text_below: int | None = None,
                   country: str | None = None) -> bool:
        """Subscribe to a source; False when it was already there."""

    def set_source_country(self, url: str, country: str | None) -> bool:
        """The country a feed reports from; False when not subscribed."""

    def source_countries(self) -> dict[str, str]:
        """Every source's URL (or folder) with the country it reports from, when known."""

    def entry_sources(self) -> list[str]:
        """Every feed URL and file path an article was found in."""

    def set_full_text_below(self, url: str, characters: int | None) -> bool:
        """A feed's own full-text threshold (None: the config's); False when not subscribed."""

    def remove_source(self, url: str) -> bool:
        """Unsubscribe; stored articles stay. False when no such source exists."""

    def list_sources(self, kind: str | None = None) -> list[Source]:
        """Every source (of one kind, when given) with its health and article count."""

    def feed_settings(self) -> dict[str, int | None]:
        """Every subscribed feed's URL with its own full-text threshold, by URL."""

    def feeds_not_due(self, now: datetime | None = None) -> set[str]:
        """Feeds whose next poll is still to come (asked to wait, or backed off)."""

    def last_sync(self) -> str | None:
        """When any source was last synced (ISO time), or None before the first sync."""

    def caching(self, url: str) -> Caching:
        """What a feed's server said last time, and the hash of the body it sent."""

    def consecutive_failures(self, url: str) -> int:
        """How many syncs in a row failed on a source (0 when the last one did not)."""

    def record_result(self, result: SourceResult, *, attempted_at: datetime, next_poll: datetime,
                      caching: Caching | None = None, title: str | None = None) -> None:
        """Keep a sync's outcome on its source: when it was tried, when it is next due, and
        what its server said (None: keep what it said before). Not subscribed: no-op."""

    def move_source(self, old: str, new: str) -> None:
        """A feed moved for good (permanent redirect): it and its items take the new address."""


class ArticlesStore(Protocol):
    """Entry lookups for the sync's decider, and the write of its verdicts."""

    def entry_hashes(self, source: str) -> dict[str, StoredEntry]:
        """For each entry of a source: its article, the hash last stored, and if it is a copy."""

    def find_duplicate(self, canonical_url: str | None, fingerprint: tuple[int, ...],
                       min_shared_bands: int) -> StoredStory | None:
        """The stored article with the same canonical URL, else sharing enough fingerprint bands."""

    def save_articles(self, writes: list[ArticleWrite], enriched_with: str) -> list[int]:
        """Store new and changed articles all or none; returns the ids of the new ones."""


class EnrichmentStore(Protocol):
    """Articles another enrichment tagged, and their re-tagging."""

    def count_stale(self, version: str, filters: Filters = Filters()) -> int:
        """How many articles matching the filters were tagged by another enrichment."""

    def texts_to_enrich(self, version: str | None, filters: Filters = Filters(),
                        after_id: int = 0, limit: int = 200) -> list[StoredText]:
        """The next matching articles by id after after_id that version did not tag (all: None)."""

    def replace_enrichments(self, retagged: Sequence[tuple[StoredText, Enrichment]],
                            version: str) -> int:
        """New tags for articles whose text is unchanged since read, all or none; how many."""


class QueriesStore(Protocol):
    """Everything the CLI and the dashboard read about articles."""

    def count_articles(self, filters: Filters = Filters()) -> int:
        """How many articles match the filters."""

    def list_articles(self, filters: Filters = Filters(), limit: int | None = 50,
                      offset: int = 0) -> list[Article]:
        """Matching articles, newest first; limit None means all."""

    def language_counts(self, filters: Filters = Filters()) -> list[tuple[str, int]]:
        """The languages of the matching articles with their counts, most common first."""

    def change_marker(self) -> tuple[int, str]:
        """A value that changes when any article is added or updated, by any process."""

    def iter_articles(self, filters: Filters = Filters()) -> Iterator[Article]:
        """Every matching article, newest first, in batches so memory stays flat."""

    def get_article(self, article_id: int) -> ArticleDetail:
        """One article with body, evidence and other sources; ArticleNotFoundError if none."""

    def title_evidence(self, article_ids: list[int]) -> dict[int, list[Evidence]]:
        """The evidence found in each article's headline, by article id."""

    def pair_summaries(self, filters: Filters = Filters(),
                       days_since: str | None = None) -> list[PairSummary]:
        """Every cooperating pair of the matching articles, largest first (days from days_since)."""

    def pairs_newer_than(self, article_id: int) -> list[Pair]:
        """The pairs of the articles that arrived after article_id."""

    def pair_days(self, pairs: list[Pair], since: str) -> dict[Pair, dict[str, int]]:
        """The given pairs' articles per published day from since (YYYY-MM-DD) on."""

    def dyad_counts(self, filters: Filters = Filters(), by: str = "month",
                    entry_countries: dict[str, str] | None = None) -> list[DyadCount]:
        """Articles per period (month or week), pair and sector, optionally by source country."""


class TranslationsStore(Protocol):
    """The translation cache."""

    def cached_translation(self, text: str, source: str, target: str, backend: str) -> str | None:
        """The stored translation of text, or None."""

    def cache_translations(self, items: list[tuple[str, str, str, str, str]]) -> None:
        """Remember translations: (text, source, target, backend, translation) each."""


class WatchesStore(Protocol):
    """Stored watches, how far each has been seen and reported, and what matches them."""

    def newest_article_id(self) -> int:
        """The id of the newest article (0 when there is none): later articles have larger ids."""

    def add_watch(self, name: str, filters: Filters) -> bool:
        """Save a watch with nothing unseen or unreported; False when the name is taken."""

    def remove_watch(self, name: str) -> bool:
        """Forget a stored watch and its marks; False when no stored watch has that name."""

    def stored_watches(self) -> list[StoredWatch]:
        """Every stored watch, by name."""

    def watch_marks(self) -> dict[str, WatchMarks]:
        """The marks of every watch that has them."""

    def set_watch_marks(self, marks: dict[str, WatchMarks]) -> None:
        """Record how far watches have been seen and reported, all or none."""

    def watch_counts(self, filters: Filters, marks: WatchMarks, days_since: str) -> WatchCounts:
        """The matching articles: in all, unseen, unreported, and per published day lately."""


@runtime_checkable
class Store(SourcesStore, ArticlesStore, EnrichmentStore, QueriesStore, TranslationsStore,
            WatchesStore, Protocol):
    """A coopwatch database, opened by coopwatch.store.open_store; close it when done."""

    def grouped_writes(self) -> AbstractContextManager[None]:
        """Commit the writes made inside together when the block ends (each write that fails
        still undoes only itself; what was written before an error is kept)."""

    def sync_lock(self, wait: float | None = None) -> AbstractContextManager[None]:
        """Hold the sync lock (one sync at a time); SyncBusyError after wait seconds (10)."""

    def close(self) -> None:
        """Let go of the database; the store is unusable afterwards."""

    def __enter__(self) -> Self:
        """The store itself, closed when the block ends."""

    def __exit__(self, *exc_info: object) -> None:
        """Close the store."""
