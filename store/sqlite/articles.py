"""Writing articles, their entries, tags, evidence and full-text rows."""

from __future__ import annotations

import sqlite3

from coopwatch.store.sqlite.base import StoreBase
from coopwatch.store.sqlite.fts import index_text
from coopwatch.store.summary import summarize
from coopwatch.store.timestamps import utc_now
from coopwatch.types import ArticleWrite, Enrichment, StoredEntry, StoredStory


class ArticlesMixin(StoreBase):
    """Entry lookups for the decider, and the transactional write of its verdicts."""

    def entry_hashes(self, source: str) -> dict[str, StoredEntry]:
        """For each entry of a source: its article, the hash last stored, and if it is a copy."""
        rows = self._read(
            "SELECT e.entry_key, e.article_id, e.content_hash, a.source != e.source AS is_copy"
            " FROM entries e JOIN articles a ON a.id = e.article_id WHERE e.source = ?",
            (source,),
        )
        return {
            row["entry_key"]: StoredEntry(row["article_id"], row["content_hash"],
                                          bool(row["is_copy"]))
            for row in rows
        }

    def find_duplicate(
        self, canonical_url: str | None, fingerprint: tuple[int, ...], min_shared_bands: int
    ) -> StoredStory | None:
        """The stored article that is the same story: same canonical URL, or a near-duplicate
        (sharing at least min_shared_bands of the fingerprint's bands)."""
        found = None
        if canonical_url:
            found = self._scalar(
                "SELECT id FROM articles WHERE canonical_url = ? ORDER BY id LIMIT 1",
                (canonical_url,),
            )
        if found is None and fingerprint:
            marks = ", ".join("?" for _ in fingerprint)
            found = self._scalar(
                f"SELECT article_id FROM article_fingerprints WHERE band_key IN ({marks})"
                " GROUP BY article_id HAVING count(*) >= ?"
                " ORDER BY count(*) DESC, article_id LIMIT 1",
                [*fingerprint, min_shared_bands],
            )
        if found is None:
            return None
        length = self._scalar("SELECT length(body) FROM articles WHERE id = ?", (found,))
        return StoredStory(int(found), int(length or 0))

    def save_articles(self, writes: list[ArticleWrite], enriched_with: str) -> list[int]:
        """Store new and changed articles in one transaction; returns the ids of new ones."""
        new_ids: list[int] = []
        now = utc_now()
        with self._write() as conn:
            for write in writes:
                if write.copy:
                    self._record_copy(conn, write)
                elif write.article_id is None:
                    new_ids.append(self._insert(conn, write, now, enriched_with))
                else:
                    self._update(conn, write, now, enriched_with)
        return new_ids

    @staticmethod
    def _record_copy(conn: sqlite3.Connection, write: ArticleWrite) -> None:
        conn.execute(
            """INSERT INTO entries (source, entry_key, article_id, content_hash) VALUES (?, ?, ?, ?)
               ON CONFLICT (source, entry_key) DO UPDATE SET content_hash = excluded.content_hash""",
            (write.raw.source, write.raw.entry_key, write.article_id, write.content_hash),
        )

    def _insert(self, conn: sqlite3.Connection, write: ArticleWrite, now: str, version: str) -> int:
        raw, enrichment = write.raw, write.enrichment
        assert enrichment is not None
        cursor = conn.execute(
            """INSERT INTO articles (source, title, url, language, published, sort_date, fetched_at,
                 updated_at, summary, body, content_hash, cooperation, enriched_with,
                 canonical_url)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (raw.source, raw.title, raw.url, enrichment.language, enrichment.published,
             enrichment.published or now[:10], now, now, summarize(raw.body), raw.body,
             write.content_hash, int(enrichment.cooperation), version, write.canonical_url),
        )
        article_id = int(cursor.lastrowid or 0)
        conn.executemany(
            "INSERT OR IGNORE INTO article_fingerprints (band_key, article_id) VALUES (?, ?)",
            [(key, article_id) for key in write.fingerprint],
        )
        conn.execute(
            "INSERT INTO entries (source, entry_key, article_id, content_hash) VALUES (?, ?, ?, ?)",
            (raw.source, raw.entry_key, article_id, write.content_hash),
        )
        write_tags(conn, article_id, enrichment)
        self._index_row(conn, (article_id, index_text(raw.title or ""), index_text(raw.body)))
        return article_id

    def _update(self, conn: sqlite3.Connection, write: ArticleWrite, now: str, version: str) -> None:
        raw, enrichment, article_id = write.raw, write.enrichment, write.article_id
        assert enrichment is not None and article_id is not None
        conn.execute(
            """UPDATE articles SET title = ?, url = ?, language = ?, published = ?,
                 sort_date = coalesce(?, substr(fetched_at, 1, 10)), updated_at = ?, summary = ?,
                 body = ?, content_hash = ?, cooperation = ?, enriched_with = ?, canonical_url = ?
               WHERE id = ?""",
            (raw.title, raw.url, enrichment.language, enrichment.published, enrichment.published,
             now, summarize(raw.body), raw.body, write.content_hash, int(enrichment.cooperation),
             version, write.canonical_url, article_id),
        )
        if write.adopt:
            # A fuller copy of the story: its text, address and source become the article's.
            conn.execute("UPDATE articles SET source = ? WHERE id = ?", (raw.source, article_id))
            self._record_copy(conn, write)
        else:
            conn.execute(
                "UPDATE entries SET content_hash = ? WHERE source = ? AND entry_key = ?",
                (write.content_hash, raw.source, raw.entry_key),
            )
        replace_tags(conn, article_id, enrichment)
        # The text changed, so its fingerprint did; the URL is the same story's still.
        conn.execute("DELETE FROM article_fingerprints WHERE article_id = ?", (article_id,))
        conn.executemany(
            "INSERT OR IGNORE INTO article_fingerprints (band_key, article_id) VALUES (?, ?)",
            [(key, article_id) for key in write.fingerprint],
        )
        self._unindex(conn, article_id)
        self._index_row(conn, (article_id, index_text(raw.title or ""), index_text(raw.body)))


def write_tags(conn: sqlite3.Connection, article_id: int, enrichment: Enrichment) -> None:
    """Insert an article's countries, pairs, sectors and evidence."""
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


def replace_tags(conn: sqlite3.Connection, article_id: int, enrichment: Enrichment) -> None:
    """An article's countries, pairs, sectors and evidence, in place of those stored."""
    for table in ("article_countries", "article_pairs", "article_sectors", "evidence"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    write_tags(conn, article_id, enrichment)
