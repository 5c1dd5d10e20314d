"""The translation cache: a sentence is translated once per language pair and backend."""

from __future__ import annotations

import hashlib

from coopwatch.store.sqlite.base import StoreBase
from coopwatch.store.timestamps import utc_now


def text_hash(text: str) -> str:
    """The cache key of a sentence."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class TranslationsMixin(StoreBase):
    """Cached translations."""

    def cached_translation(self, text: str, source: str, target: str, backend: str) -> str | None:
        """The stored translation of text, or None."""
        found = self._scalar(
            "SELECT translation FROM translations WHERE text_hash = ? AND source_language = ?"
            " AND target_language = ? AND backend = ?",
            (text_hash(text), source, target, backend),
        )
        return None if found is None else str(found)

    def cache_translations(self, items: list[tuple[str, str, str, str, str]]) -> None:
        """Remember translations: (text, source, target, backend, translation) each."""
        now = utc_now()
        with self._write() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?, ?)",
                [(text_hash(text), source, target, backend, translation, now)
                 for text, source, target, backend, translation in items],
            )
