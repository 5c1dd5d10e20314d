"""Writing articles, their entries, tags, evidence and full-text rows."""

from __future__ import annotations

import sqlite3

from coopwatch.store.base import StoreBase, utc_now
from coopwatch.store.fts import index_text
from coopwatch.types import ArticleWrite, Enrichment

SUMMARY_CHARS = 280


def summarize(body: str) -> str:
    """The first lines of the body, cut at a word boundary."""
    flat = " ".join(body.split())
    if len(flat) <= SUMMARY_CHARS:
        return flat
    cut = flat[:SUMMARY_CHARS].rsplit(" ", 1)[0]
    return cut + "…"


class ArticlesMixin(StoreBase):
    """Entry lookups for the decider, and the transactional write of its verdicts."""

    def entry_hashes(self, source: str) -> dict[str, tuple[int, str]]:
        """For each entry of a source: its article id and the hash of the copy last stored."""
        rows = self._read(
            "SELECT entry_key, article_id, content_hash FROM entries WHERE source = ?", (source,)
        )
        return {row["entry_key"]: (row["article_id"], row["content_hash"]) for row in rows}

    def save_articles(self, writes: list[ArticleWrite], enriched_with: str) -> list[int]:
        """Store new and changed articles in one transaction; returns the ids of new ones."""
        new_ids: list[int] = []
        now = utc_now()
        with self._write() as conn:
            for write in writes:
                if write.article_id is None:
                    new_ids.append(self._insert(conn, write, now, enriched_with))
                else:
                    self._update(conn, write, now, enriched_with)
        return new_ids

    def _insert(self, conn: sqlite3.Connection, write: ArticleWrite, now: str, version: str) -> int:
        raw, enrichment = write.raw, write.enrichment
        cursor = conn.execute(
            """INSERT INTO articles (source, title, url, language, published, sort_date, fetched_at,
                 updated_at, summary, body, content_hash, cooperation, enriched_with)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (raw.source, raw.title, raw.url, enrichment.language, enrichment.published,
             enrichment.published or now[:10], now, now, summarize(raw.body), raw.body,
             write.content_hash, int(enrichment.cooperation), version),
        )
        article_id = int(cursor.lastrowid or 0)
        conn.execute(
            "INSERT INTO entries (source, entry_key, article_id, content_hash) VALUES (?, ?, ?, ?)",
            (raw.source, raw.entry_key, article_id, write.content_hash),
        )
        self._write_tags(conn, article_id, enrichment)
        conn.execute(
            "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
            (article_id, index_text(raw.title or ""), index_text(raw.body)),
        )
        return article_id

    def _update(self, conn: sqlite3.Connection, write: ArticleWrite, now: str, version: str) -> None:
        raw, enrichment, article_id = write.raw, write.enrichment, write.article_id
        conn.execute(
            """UPDATE articles SET title = ?, url = ?, language = ?, published = ?,
                 sort_date = coalesce(?, substr(fetched_at, 1, 10)), updated_at = ?, summary = ?,
                 body = ?, content_hash = ?, cooperation = ?, enriched_with = ?
               WHERE id = ?""",
            (raw.title, raw.url, enrichment.language, enrichment.published, enrichment.published,
             now, summarize(raw.body), raw.body, write.content_hash, int(enrichment.cooperation),
             version, article_id),
        )
        conn.execute(
            "UPDATE entries SET content_hash = ? WHERE source = ? AND entry_key = ?",
            (write.content_hash, raw.source, raw.entry_key),
        )
        for table in ("article_countries", "article_pairs", "article_sectors", "evidence"):
            conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self._write_tags(conn, article_id, enrichment)  # type: ignore[arg-type]
        conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (article_id,))
        conn.execute(
            "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
            (article_id, index_text(raw.title or ""), index_text(raw.body)),
        )

    @staticmethod
    def _write_tags(conn: sqlite3.Connection, article_id: int, enrichment: Enrichment) -> None:
        conn.executemany(
            "INSERT INTO article_countries (article_id, country) VALUES (?, ?)",
            [(article_id, code) for code in enrichment.countries],
        )
        conn.executemany(
            "INSERT INTO article_pairs (article_id, country_a, country_b) VALUES (?, ?, ?)",
            [(article_id, a, b) for a, b in enrichment.pairs],
        )
        conn.executemany(
            "INSERT INTO article_sectors (article_id, sector) VALUES (?, ?)",
            [(article_id, sector) for sector in enrichment.sectors],
        )
        conn.executemany(
            """INSERT INTO evidence (article_id, kind, tag, term, language, field, start, "end")
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
            [(article_id, e.kind, e.tag, e.term, e.language, e.field, e.start, e.end)
             for e in enrichment.evidence],
        )
