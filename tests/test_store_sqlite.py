"""The SQLite backend's own file: schema, migrations, WAL, locks, and what its columns keep."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from coopwatch.errors import DatabaseLockedError, StorageError, SyncBusyError
from coopwatch.store import open_store
from coopwatch.store.sqlite import SqliteStore
from coopwatch.store.sqlite.base import SCHEMA_VERSION
from coopwatch.types import Caching, Filters, SourceResult

from helpers import enrichment, raw, write

MIGRATIONS = ["0001_initial", "0002_dedup", "0003_full_text", "0004_watches",
              "0005_source_country", "0006_fingerprint_hash", "0007_enriched_with_index"]


def test_schema_is_migrated_once_with_wal_and_foreign_keys(db_path: Path) -> None:
    SqliteStore(db_path).close()
    with SqliteStore(db_path) as store:  # a second open applies nothing twice
        conn = store.db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        applied = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")]
        assert applied == MIGRATIONS
        assert {"articles", "sources", "entries", "article_countries", "article_pairs",
                "article_sectors", "evidence", "translations", "articles_fts"} <= set(
            store.db.table_names())


def test_stories_stored_before_the_fingerprint_changed_still_find_their_copies(
        db_path: Path) -> None:
    from coopwatch.dedup import NEAR_DUPLICATE_BANDS, fingerprint

    body = ("Vietnam and Japan agreed on Tuesday to expand cooperation in semiconductors, with "
            "Japanese companies to train ten thousand Vietnamese engineers by 2030.")
    with SqliteStore(db_path) as store:
        stored = replace(write(raw("https://a.example/feed", "item-1", "Chips pact", body),
                               enrichment()), fingerprint=(11, 22, 33, 44, 55, 66))
        [article_id] = store.save_articles([stored], "3")
        # as a database written before 0006 holds it: the old hash's bands
        store.conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0006_fingerprint_hash'")
        store.conn.execute("PRAGMA user_version = 5")
    with SqliteStore(db_path) as store:
        found = store.find_duplicate(None, fingerprint("Chips pact", body + " (Reuters)"),
                                     NEAR_DUPLICATE_BANDS)
        assert found is not None and found.article_id == article_id


def test_not_a_database(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StorageError, match="not a coopwatch database"):
        open_store(bogus)
    assert bogus.read_text().startswith("these are my notes")  # nothing of it was lost


def test_locked_database_is_a_clear_error(db_path: Path) -> None:
    SqliteStore(db_path).close()
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with SqliteStore(db_path, busy_timeout=0.2) as store, pytest.raises(DatabaseLockedError):
            store.save_articles([write(raw(), enrichment())], "test")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_opening_a_new_database_from_many_threads_at_once_migrates_it_once(db_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def open_and_count(_: int) -> int:
        with open_store(db_path) as store:
            return store.count_articles()

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(open_and_count, range(16))) == [0] * 16
    with SqliteStore(db_path) as store:
        applied = [row[0] for row in store.db.conn.execute("SELECT name FROM _sqlite_migrations")]
    assert applied == MIGRATIONS


def test_a_database_knows_it_is_up_to_date_without_the_migrations(db_path: Path) -> None:
    assert SCHEMA_VERSION == len(MIGRATIONS)
    with SqliteStore(db_path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        # as a database written before user_version was kept: all migrations, version 0
        store.conn.execute("PRAGMA user_version = 0")
    with SqliteStore(db_path) as store:
        assert store.count_articles() == 0  # read as it is
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == 0
        store.add_source("https://a.example/feed", "feed")  # the next write marks it
    with SqliteStore(db_path) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    code = ("import sys; from coopwatch.store import open_store;"
            " open_store(sys.argv[1]).count_articles();"
            " print('sqlite_utils' in sys.modules, 'coopwatch.store.sqlite.schema' in sys.modules)")
    # away from the checkout, whose coopwatch/ folder would shadow the installed package
    done = subprocess.run([sys.executable, "-c", code, str(db_path)], capture_output=True,
                          text=True, check=True, cwd=db_path.parent)
    assert done.stdout.split() == ["False", "False"]


def test_columns_keep_the_json_databases_were_written_with(db_path: Path) -> None:
    # what databases written before the records hold must read back the same
    url = "https://a.example/feed"
    with SqliteStore(db_path) as store:
        store.add_source(url, "feed")
        now = datetime.now(UTC)
        store.record_result(SourceResult(source=url), attempted_at=now, next_poll=now,
                            caching=Caching("e1", None, "h1"))
        store.add_watch("cn-ru", Filters(pair=("CN", "RU"), sectors=("ai",), search="北京"))
        [caching] = store.conn.execute("SELECT caching_info FROM sources").fetchone()
        [filters] = store.conn.execute("SELECT filters FROM watches").fetchone()
    assert json.loads(caching) == {"etag": "e1", "last_modified": "", "body_hash": "h1"}
    assert filters == '{"pair": "CN-RU", "sector": ["ai"], "search": "北京"}'


def test_the_sync_lock_is_a_file_beside_the_database(db_path: Path) -> None:
    with SqliteStore(db_path) as store, store.sync_lock():
        assert Path(f"{db_path}.sync-lock").exists()
        # another process (here: another store) waits, then gives up with one line
        with SqliteStore(db_path) as other, pytest.raises(SyncBusyError) as busy:
            with other.sync_lock(wait=0.2):
                pass
    assert str(busy.value) == f"another coopwatch sync is running on {db_path}; try again later"


def test_the_search_index_takes_each_character_of_an_unspaced_script_as_a_word() -> None:
    from coopwatch.store.sqlite.fts import index_text

    assert index_text("中俄合作") == " 中  俄  合  作 "
    assert index_text("ไทย 한국 カナ") == " ไ  ท  ย   한  국   カ  ナ "
    assert index_text("Россия and Việt Nam, 2024") == "Россия and Việt Nam, 2024"
