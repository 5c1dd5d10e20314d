"""Tags older than the enrichment: finding them, and replacing them with new ones."""

from __future__ import annotations

from collections.abc import Sequence

from coopwatch.store.sqlite.articles import replace_tags
from coopwatch.store.sqlite.base import StoreBase
from coopwatch.store.sqlite.filters import where_clause
from coopwatch.types import Enrichment, Filters, RawArticle, StoredText

# On the index articles_enriched_with as two ranges; `!=` would read every row.
_STALE = "(a.enriched_with < ? OR a.enriched_with > ?)"


class EnrichmentMixin(StoreBase):
    """Which articles another enrichment tagged, and their re-tagging."""

    def count_stale(self, version: str, filters: Filters = Filters()) -> int:
        """How many articles matching the filters were tagged by another enrichment."""
        where, params = where_clause(filters)
        return int(self._scalar(
            f"SELECT count(*) FROM articles a WHERE {_STALE} AND {where}",
            [version, version, *params]))

    def texts_to_enrich(
        self, version: str | None, filters: Filters = Filters(), after_id: int = 0,
        limit: int = 200,
    ) -> list[StoredText]:
        """The next matching articles by id after after_id, only those another enrichment
        tagged (every one when version is None)."""
        where, params = where_clause(filters)
        stale: list[object] = [version, version] if version is not None else []
        rows = self._read(
            "SELECT a.id, a.source, a.title, a.url, a.body, a.published, a.language,"
            " a.content_hash FROM articles a"
            f" WHERE a.id > ? AND {_STALE if stale else '1'} AND {where} ORDER BY a.id LIMIT ?",
            [after_id, *stale, *params, limit])
        return [
            StoredText(row["id"], RawArticle(
                source=row["source"], entry_key="", title=row["title"], body=row["body"],
                url=row["url"], published=row["published"], language_hint=row["language"],
            ), row["content_hash"])
            for row in rows
        ]

    def replace_enrichments(
        self, retagged: Sequence[tuple[StoredText, Enrichment]], version: str
    ) -> int:
        """Give articles new tags, evidence, language and date in one transaction, their text
        and fetch data untouched; an article whose text changed since it was read is left to
        the next run. Returns how many were replaced."""
        replaced = 0
        with self._write() as conn:
            for text, enrichment in retagged:
                cursor = conn.execute(
                    """UPDATE articles SET language = ?, published = ?,
                         sort_date = coalesce(?, substr(fetched_at, 1, 10)), cooperation = ?,
                         enriched_with = ?
                       WHERE id = ? AND content_hash = ?""",
                    (enrichment.language, enrichment.published, enrichment.published,
                     int(enrichment.cooperation), version, text.article_id, text.content_hash))
                if cursor.rowcount:
                    replace_tags(conn, text.article_id, enrichment)
                    replaced += 1
        return replaced
