"""The only code that speaks SQL: one `Store` that returns typed records."""

from __future__ import annotations

from coopwatch.store.articles import ArticlesMixin
from coopwatch.store.enrichment import EnrichmentMixin
from coopwatch.store.queries import QueriesMixin
from coopwatch.store.sources import SourcesMixin
from coopwatch.store.translations import TranslationsMixin
from coopwatch.store.watches import WatchesMixin


class Store(ArticlesMixin, EnrichmentMixin, QueriesMixin, SourcesMixin, TranslationsMixin,
            WatchesMixin):
    """A coopwatch database: open it with a path (":memory:" for tests), close it when done."""


__all__ = ["Store"]
