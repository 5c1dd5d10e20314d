"""The database schema, as numbered migrations; the newest state is readable top to bottom here."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("coopwatch")


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    db.executescript(
        """
        -- Subscriptions that `fetch` syncs: feeds, and local folders.
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,          -- feed URL, or a folder's absolute path
            kind TEXT NOT NULL CHECK (kind IN ('feed', 'folder')),
            title TEXT,                        -- the feed's own title or the user's --name
            tags TEXT NOT NULL DEFAULT '[]',   -- JSON list, e.g. OPML categories
            caching_info TEXT,                 -- JSON {"etag": ..., "last_modified": ...}
            last_status TEXT,                  -- ok | unchanged | failed, null before the first sync
            last_error TEXT,                   -- one line, null after a success
            last_attempt TEXT,                 -- ISO time of the last sync attempt
            last_success TEXT,                 -- ISO time of the last sync that worked
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            next_poll TEXT,                    -- ISO time before which the source is not polled
            created_at TEXT NOT NULL
        );

        -- One row per story; copies of it in other sources are rows of `entries`.
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,              -- feed URL or file path where it was first seen
            title TEXT,
            url TEXT,
            language TEXT,                     -- ISO 639-1
            published TEXT,                    -- YYYY-MM-DD as the source states it, else null
            sort_date TEXT NOT NULL,           -- published, else the fetch day: the feed's order
            fetched_at TEXT NOT NULL,          -- ISO time of the first fetch
            updated_at TEXT NOT NULL,          -- ISO time of the last content change
            summary TEXT NOT NULL,             -- the first lines of the body
            body TEXT NOT NULL,
            content_hash TEXT NOT NULL,        -- of title and body: unchanged text costs nothing
            cooperation INTEGER NOT NULL DEFAULT 0,
            enriched_with TEXT NOT NULL        -- which enrichment made the tags (enrichversion.py)
        );
        CREATE INDEX articles_newest ON articles (sort_date DESC, id DESC);
        CREATE INDEX articles_language ON articles (language, sort_date DESC);

        -- Where each article was found: (source, entry_key) is an item's identity.
        CREATE TABLE entries (
            source TEXT NOT NULL,              -- feed URL or file path
            entry_key TEXT NOT NULL,           -- the feed entry's id or link; '' for a whole file
            article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            content_hash TEXT NOT NULL,        -- of this copy, to see when it changes
            PRIMARY KEY (source, entry_key)
        );
        CREATE INDEX entries_article ON entries (article_id);

        CREATE TABLE article_countries (
            article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            country TEXT NOT NULL,             -- ISO 3166-1 alpha-2
            PRIMARY KEY (article_id, country)
        ) WITHOUT ROWID;
        CREATE INDEX article_countries_country ON article_countries (country);

        CREATE TABLE article_pairs (
            article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            country_a TEXT NOT NULL,           -- the pair's codes, sorted, never equal
            country_b TEXT NOT NULL,
            PRIMARY KEY (article_id, country_a, country_b)
        ) WITHOUT ROWID;
        CREATE INDEX article_pairs_pair ON article_pairs (country_a, country_b);

        CREATE TABLE article_sectors (
            article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            sector TEXT NOT NULL,              -- an id of SECTORS.md or a user's own
            PRIMARY KEY (article_id, sector)
        ) WITHOUT ROWID;
        CREATE INDEX article_sectors_sector ON article_sectors (sector);

        -- Why each tag was given: the matched text and where it stands.
        CREATE TABLE evidence (
            article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,                -- country | sector | cooperation
            tag TEXT NOT NULL,                 -- the country code, sector id, or 'cooperation'
            term TEXT NOT NULL,                -- the text as it stands in the article
            language TEXT NOT NULL,
            field TEXT NOT NULL,               -- title | body
            start INTEGER NOT NULL,            -- character offsets into that field
            "end" INTEGER NOT NULL
        );
        CREATE INDEX evidence_article ON evidence (article_id);

        -- Translations already made, so the same sentence is never sent twice.
        CREATE TABLE translations (
            text_hash TEXT NOT NULL,
            source_language TEXT NOT NULL,
            target_language TEXT NOT NULL,
            backend TEXT NOT NULL,
            translation TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (text_hash, source_language, target_language, backend)
        );

        -- Full-text search; CJK, Thai and Hangul are stored one character a token (see fts.py).
        CREATE VIRTUAL TABLE articles_fts USING fts5 (
            title, body, tokenize = 'unicode61 remove_diacritics 2'
        );
        """
    )


@migrations(name="0002_dedup")
def _dedup(db: Database) -> None:
    db.executescript(
        """
        -- The same story from several feeds is one article (see coopwatch/dedup.py).
        ALTER TABLE articles ADD COLUMN canonical_url TEXT;  -- no scheme, www, tracking, fragment
        CREATE INDEX articles_canonical_url ON articles (canonical_url)
            WHERE canonical_url IS NOT NULL;

        -- Near-duplicate fingerprint bands: articles sharing enough bands are copies.
        CREATE TABLE article_fingerprints (
            band_key INTEGER NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            PRIMARY KEY (band_key, article_id)
        ) WITHOUT ROWID;
        CREATE INDEX article_fingerprints_article ON article_fingerprints (article_id);
        """
    )


@migrations(name="0003_full_text")
def _full_text(db: Database) -> None:
    db.executescript(
        """
        -- Fetch the page of an item whose text is shorter than this; 0 never, null: the config's.
        ALTER TABLE sources ADD COLUMN full_text_below INTEGER;
        """
    )


@migrations(name="0004_watches")
def _watches(db: Database) -> None:
    db.executescript(
        """
        -- Watches made with `watch add` or from the dashboard; the config's own are not stored.
        CREATE TABLE watches (
            name TEXT PRIMARY KEY,
            filters TEXT NOT NULL,             -- JSON, option names as keys (coopwatch/filterspec.py)
            created_at TEXT NOT NULL
        );

        -- How far each watch (stored or from the config) has been looked at and reported. Article
        -- ids grow as articles arrive, so "newer than" is "id greater than".
        CREATE TABLE watch_marks (
            name TEXT PRIMARY KEY,
            seen_through INTEGER NOT NULL,     -- the newest article the user has looked at here
            reported_through INTEGER NOT NULL  -- the newest article a sync has reported
        );
        """
    )


@migrations(name="0005_source_country")
def _source_country(db: Database) -> None:
    db.executescript(
        """
        -- The country a feed reports from (OPML or `feeds add --country`), to split coverage.
        ALTER TABLE sources ADD COLUMN country TEXT;
        """
    )


@migrations(name="0006_fingerprint_hash")
def _fingerprint_hash(db: Database) -> None:
    # Fingerprints are hashed anew (CRC-32 and SplitMix64, not BLAKE2: see coopwatch/dedup.py),
    # so the stored ones are made again from their articles' text, or no copy would match them.
    from coopwatch.store.fingerprints import fingerprint

    stored = db.execute(
        "SELECT id, title, body FROM articles WHERE id IN"
        " (SELECT DISTINCT article_id FROM article_fingerprints)").fetchall()
    db.execute("DELETE FROM article_fingerprints")
    db.conn.executemany(
        "INSERT OR IGNORE INTO article_fingerprints (band_key, article_id) VALUES (?, ?)",
        [(key, article_id) for article_id, title, body in stored
         for key in fingerprint(title, body)])


@migrations(name="0007_enriched_with_index")
def _enriched_with_index(db: Database) -> None:
    db.executescript(
        """
        -- Finds the articles a newer enrichment should tag again (store/enrichment.py) without
        -- reading every row: enriched_with stands after the body, so a scan reads each body too.
        CREATE INDEX articles_enriched_with ON articles (enriched_with);
        """
    )
