"""The SQLite backend: the only code that speaks SQL, one `SqliteStore` of per-domain mixins."""

from __future__ import annotations

from coopwatch.store.sqlite.articles import ArticlesMixin
from coopwatch.store.sqlite.enrichment import EnrichmentMixin
from coopwatch.store.sqlite.lock import SyncLockMixin
from coopwatch.store.sqlite.queries import QueriesMixin
from coopwatch.store.sqlite.sources import SourcesMixin
from coopwatch.store.sqlite.translations import TranslationsMixin
from coopwatch.store.sqlite.watches import WatchesMixin


class SqliteStore(ArticlesMixin, EnrichmentMixin, QueriesMixin, SourcesMixin, TranslationsMixin,
                  WatchesMixin, SyncLockMixin):
    """A coopwatch database in a SQLite file (":memory:" for tests); close it when done."""


__all__ = ["SqliteStore"]
