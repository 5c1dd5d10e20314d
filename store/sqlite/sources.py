"""Subscriptions (feeds and local folders) and their health."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from coopwatch.store.sqlite.base import StoreBase
from coopwatch.store.timestamps import utc_now, utc_text
from coopwatch.types import Caching, Source, SourceResult


class SourcesMixin(StoreBase):
    """Adding, listing and removing sources, and recording what each sync did to them."""

    def add_source(self, url: str, kind: str, title: str | None = None,
                   tags: tuple[str, ...] = (), full_text_below: int | None = None,
                   country: str | None = None) -> bool:
        """Subscribe to a source; False when it was already there."""
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO sources (url, kind, title, tags, full_text_below,"
                " country, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (url, kind, title, json.dumps(list(tags), ensure_ascii=False), full_text_below,
                 country, utc_now()),
            )
        return cursor.rowcount > 0

    def set_source_country(self, url: str, country: str | None) -> bool:
        """The country a feed reports from; False when not subscribed."""
        with self._write() as conn:
            cursor = conn.execute("UPDATE sources SET country = ? WHERE url = ?", (country, url))
        return cursor.rowcount > 0

    def source_countries(self) -> dict[str, str]:
        """Every source's URL (or folder) with the country it reports from, when known."""
        return {row["url"]: row["country"] for row in self._read(
            "SELECT url, country FROM sources WHERE country IS NOT NULL")}

    def entry_sources(self) -> list[str]:
        """Every feed URL and file path an article was found in."""
        return [row["source"] for row in self._read("SELECT DISTINCT source FROM entries")]

    def set_full_text_below(self, url: str, characters: int | None) -> bool:
        """A feed's own full-text threshold (None: the config's); False when not subscribed."""
        with self._write() as conn:
            cursor = conn.execute(
                "UPDATE sources SET full_text_below = ? WHERE url = ?", (characters, url))
        return cursor.rowcount > 0

    def remove_source(self, url: str) -> bool:
        """Unsubscribe; stored articles stay. False when no such source exists."""
        with self._write() as conn:
            cursor = conn.execute("DELETE FROM sources WHERE url = ?", (url,))
        return cursor.rowcount > 0

    def list_sources(self, kind: str | None = None) -> list[Source]:
        """Every source with its health and article count."""
        rows = self._read(
            # a folder counts the files below it; both halves use the entries key ('0' follows '/')
            """SELECT s.*, (SELECT count(DISTINCT article_id) FROM (
                     SELECT article_id FROM entries WHERE source = s.url
                     UNION ALL
                     SELECT article_id FROM entries
                       WHERE source >= s.url || '/' AND source < s.url || '0'))
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
                tags=tuple(json.loads(row["tags"] or "[]")),
                full_text_below=row["full_text_below"], country=row["country"],
            )
            for row in rows
        ]

    def feed_settings(self) -> dict[str, int | None]:
        """Every subscribed feed's URL with its own full-text threshold (None: the config's)."""
        rows = self._read("SELECT url, full_text_below FROM sources WHERE kind = 'feed' ORDER BY url")
        return {row["url"]: row["full_text_below"] for row in rows}

    def feeds_not_due(self, now: datetime | None = None) -> set[str]:
        """Feeds whose next poll is still to come: their server asked for time (ttl,
        Cache-Control max-age, Retry-After) or they are failing and backed off."""
        moment = utc_text(now or datetime.now(UTC))
        return {row["url"] for row in self._read(
            "SELECT url FROM sources WHERE kind = 'feed' AND next_poll > ?", (moment,))}

    def last_sync(self) -> str | None:
        """When any source was last synced (ISO time), or None before the first sync."""
        value = self._scalar("SELECT max(last_attempt) FROM sources")
        return str(value) if value else None

    def caching(self, url: str) -> Caching:
        """What a feed's server said last time, and the hash of the body it sent."""
        raw = self._scalar("SELECT caching_info FROM sources WHERE url = ?", (url,))
        stored = json.loads(raw) if raw else {}
        return Caching(stored.get("etag") or None, stored.get("last_modified") or None,
                       stored.get("body_hash") or None)

    def consecutive_failures(self, url: str) -> int:
        """How many syncs in a row failed on a source (0 when the last one did not)."""
        return int(self._scalar(
            "SELECT consecutive_failures FROM sources WHERE url = ?", (url,)) or 0)

    def record_result(
        self, result: SourceResult, *, attempted_at: datetime, next_poll: datetime,
        caching: Caching | None = None, title: str | None = None,
    ) -> None:
        """Keep a sync's outcome on its source row (a source not subscribed is left alone):
        a failure counts one more in a row, a success sets the count back to none."""
        failed = result.status == "failed"
        with self._write() as conn:
            conn.execute(
                """UPDATE sources SET last_status = ?, last_error = ?, last_attempt = ?,
                     last_success = CASE WHEN ? THEN last_success ELSE ? END,
                     consecutive_failures = CASE WHEN ? THEN consecutive_failures + 1 ELSE 0 END,
                     next_poll = ?,
                     caching_info = coalesce(?, caching_info),
                     title = coalesce(title, ?)
                   WHERE url = ?""",
                (result.status, result.error, utc_text(attempted_at), failed,
                 utc_text(attempted_at), failed, utc_text(next_poll), _caching_json(caching),
                 title, result.source),
            )

    def move_source(self, old: str, new: str) -> None:
        """A feed moved for good (permanent redirect): it and its items take the new address."""
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM sources WHERE url = ?", (new,)).fetchone():
                conn.execute("DELETE FROM sources WHERE url = ?", (old,))
            else:
                conn.execute("UPDATE sources SET url = ? WHERE url = ?", (new, old))
            conn.execute(
                "UPDATE OR IGNORE entries SET source = ? WHERE source = ?", (new, old))
            conn.execute("UPDATE articles SET source = ? WHERE source = ?", (new, old))


def _caching_json(caching: Caching | None) -> str | None:
    """The caching_info column's form: what is not known is "", as it has always been kept."""
    if caching is None:
        return None
    return json.dumps({"etag": caching.etag or "", "last_modified": caching.last_modified or "",
                       "body_hash": caching.body_hash or ""})
