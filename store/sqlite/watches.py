"""Watches: saved filters, and how far each has been looked at and reported."""

from __future__ import annotations

import json
from typing import Any

from coopwatch.store.sqlite.base import StoreBase
from coopwatch.store.sqlite.filters import where_clause
from coopwatch.store.timestamps import utc_now
from coopwatch.types import Filters, StoredWatch, WatchCounts, WatchMarks


class WatchesMixin(StoreBase):
    """Saving and removing watches, their marks, and counting what matches them."""

    def newest_article_id(self) -> int:
        """The id of the newest article (0 when there is none): later articles have larger ids."""
        return int(self._scalar("SELECT max(id) FROM articles") or 0)

    def add_watch(self, name: str, filters: Filters) -> bool:
        """Save a watch; it starts with nothing unseen or unreported. False when the name is taken."""
        with self._write() as conn:
            cursor = conn.execute(
                "INSERT OR IGNORE INTO watches (name, filters, created_at) VALUES (?, ?, ?)",
                (name, filters_json(filters), utc_now()),
            )
            if cursor.rowcount:
                newest = conn.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0]
                conn.execute(
                    "INSERT OR REPLACE INTO watch_marks (name, seen_through, reported_through)"
                    " VALUES (?, ?, ?)", (name, newest, newest))
        return cursor.rowcount > 0

    def remove_watch(self, name: str) -> bool:
        """Forget a stored watch and its marks; False when no stored watch has that name."""
        with self._write() as conn:
            cursor = conn.execute("DELETE FROM watches WHERE name = ?", (name,))
            conn.execute("DELETE FROM watch_marks WHERE name = ?", (name,))
        return cursor.rowcount > 0

    def stored_watches(self) -> list[StoredWatch]:
        """Every stored watch, by name."""
        return [StoredWatch(row["name"], filters_from_json(row["filters"]), row["created_at"])
                for row in self._read("SELECT * FROM watches ORDER BY name")]

    def watch_marks(self) -> dict[str, WatchMarks]:
        """The marks of every watch that has them."""
        return {row["name"]: WatchMarks(row["seen_through"], row["reported_through"])
                for row in self._read("SELECT * FROM watch_marks")}

    def set_watch_marks(self, marks: dict[str, WatchMarks]) -> None:
        """Record how far watches have been seen and reported, in one transaction."""
        with self._write() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO watch_marks (name, seen_through, reported_through)"
                " VALUES (?, ?, ?)",
                [(name, mark.seen_through, mark.reported_through) for name, mark in marks.items()],
            )

    def watch_counts(self, filters: Filters, marks: WatchMarks, days_since: str) -> WatchCounts:
        """The matching articles: in all, unseen, unreported, and per published day lately."""
        where, params = where_clause(filters)
        row = self._read(
            f"SELECT count(*) AS n, coalesce(sum(a.id > ?), 0) AS unseen,"
            f" coalesce(sum(a.id > ?), 0) AS new FROM articles a WHERE {where}",
            [marks.seen_through, marks.reported_through, *params],
        )[0]
        days = {r["day"]: r["n"] for r in self._read(
            f"SELECT substr(a.published, 1, 10) AS day, count(*) AS n FROM articles a"
            f" WHERE {where} AND a.published >= ? GROUP BY 1", [*params, days_since])}
        return WatchCounts(row["n"], row["unseen"], row["new"], days)


# The filters column holds the filters under their option names (coopwatch/filterspec.py), as
# `watch list --json` shows them: the form databases have always kept.
def filters_json(filters: Filters) -> str:
    """The filters column's JSON, leaving out the filters not set."""
    return json.dumps(filters.to_json(), ensure_ascii=False)


def filters_from_json(text: str) -> Filters:
    """The filters a watch was stored with, as they were (checked when they were added)."""
    data: dict[str, Any] = json.loads(text)
    pair = data.get("pair")
    first, _, second = pair.partition("-") if pair else ("", "", "")
    return Filters(
        countries=_strings(data.get("country")), pair=(first, second) if pair else None,
        sectors=_strings(data.get("sector")), language=data.get("lang"),
        since=data.get("since"), until=data.get("until"), search=data.get("search"),
        source=data.get("source"),
    )


def _strings(value: str | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)
