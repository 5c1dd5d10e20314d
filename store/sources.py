"""Subscriptions (feeds and local folders) and their health."""

from __future__ import annotations

from coopwatch.store.base import StoreBase, utc_now
from coopwatch.types import Source, SourceResult


class SourcesMixin(StoreBase):
    """Adding, listing and removing sources, and recording what each sync did to them."""

    def add_source(self, url: str, kind: str, title: str | None = None) -> bool:
        """Subscribe to a source; False when it was already there."""
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO sources (url, kind, title, created_at) VALUES (?, ?, ?, ?)",
                (url, kind, title, utc_now()),
            )
        return cursor.rowcount > 0

    def remove_source(self, url: str) -> bool:
        """Unsubscribe; stored articles stay. False when no such source exists."""
        with self._write() as conn:
            cursor = conn.execute("DELETE FROM sources WHERE url = ?", (url,))
        return cursor.rowcount > 0

    def list_sources(self, kind: str | None = None) -> list[Source]:
        """Every source with its health and article count."""
        rows = self._read(
            """SELECT s.*, (SELECT count(DISTINCT e.article_id) FROM entries e
                   WHERE e.source = s.url OR substr(e.source, 1, length(s.url) + 1) = s.url || '/')
                 AS articles
               FROM sources s WHERE ? IS NULL OR s.kind = ? ORDER BY s.kind, s.url""",
            (kind, kind),
        )
        return [
            Source(
                url=row["url"], kind=row["kind"], title=row["title"],
                last_status=row["last_status"], last_error=row["last_error"],
                last_success=row["last_success"], articles=row["articles"],
                consecutive_failures=row["consecutive_failures"], next_poll=row["next_poll"],
            )
            for row in rows
        ]

    def record_result(self, result: SourceResult) -> None:
        """Keep a sync's outcome on its source row (a source not subscribed is left alone)."""
        now = utc_now()
        failed = result.status == "failed"
        with self._write() as conn:
            conn.execute(
                """UPDATE sources SET last_status = ?, last_error = ?, last_attempt = ?,
                     last_success = CASE WHEN ? THEN last_success ELSE ? END,
                     consecutive_failures = CASE WHEN ? THEN consecutive_failures + 1 ELSE 0 END
                   WHERE url = ?""",
                (result.status, result.error, now, failed, now, failed, result.source),
            )
