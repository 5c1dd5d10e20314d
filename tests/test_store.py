"""The store on real SQLite files: schema, idempotent writes, filters, search, pairs, errors."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from coopwatch.errors import ArticleNotFoundError, DatabaseLockedError, StorageError
from coopwatch.store import Store
from coopwatch.store.sqlite import SqliteStore
from coopwatch.types import Evidence, Filters

from helpers import enrichment, raw, write


@pytest.fixture
def store(db_path: Path) -> Store:
    with SqliteStore(db_path) as opened:
        yield opened


def _fill(store: Store) -> list[int]:
    rows = [
        (raw("/n/1.txt", title="Moscow and Beijing sign", body="Russia and China agree on AI."),
         enrichment(("CN", "RU"), (("CN", "RU"),), ("ai",), published="2020-09-18")),
        (raw("/n/2.txt", title="Tokyo and Hanoi", body="Japan and Vietnam chips."),
         enrichment(("JP", "VN"), (("JP", "VN"),), ("semiconductors",), "no", "2025-08-28")),
        (raw("/n/3.txt", title="中俄合作", body="中俄两国在人工智能领域合作。"),
         enrichment(("CN", "RU"), (("CN", "RU"),), ("ai", "energy"), "zh", "2017-06-14")),
        (raw("/n/4.txt", title="Sanctions", body="No cooperation here."),
         enrichment(("RU", "US"), (), (), "en", None)),
    ]
    return store.save_articles([write(r, e) for r, e in rows], "test")


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
    from dataclasses import replace

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


def test_list_is_newest_first_with_tags(store: Store) -> None:
    _fill(store)
    articles = store.list_articles(limit=None)
    assert [a.source for a in articles[1:]] == ["/n/2.txt", "/n/1.txt", "/n/3.txt"]
    assert articles[0].published is None  # undated: ordered by its fetch day, today
    first = articles[1]
    assert first.countries == ("JP", "VN") and first.pairs == (("JP", "VN"),)
    assert first.sectors == ("semiconductors",) and first.cooperation is True


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(countries=("RU",)), {"/n/1.txt", "/n/3.txt", "/n/4.txt"}),
        (Filters(countries=("RU", "US")), {"/n/4.txt"}),
        (Filters(pair=("RU", "CN")), {"/n/1.txt", "/n/3.txt"}),
        (Filters(sectors=("energy", "semiconductors")), {"/n/2.txt", "/n/3.txt"}),
        (Filters(language="nb"), {"/n/2.txt"}),
        (Filters(since="2018-01-01", until="2021-01-01"), {"/n/1.txt"}),
        (Filters(search="beijing"), {"/n/1.txt"}),
        (Filters(search="人工智能"), {"/n/3.txt"}),
        (Filters(search="中俄"), {"/n/3.txt"}),
        (Filters(search='"agree on"'), {"/n/1.txt"}),
        (Filters(search="Beij*"), {"/n/1.txt"}),
        (Filters(search="absent"), set()),
        (Filters(source="/n"), {"/n/1.txt", "/n/2.txt", "/n/3.txt", "/n/4.txt"}),
        (Filters(source="/n/2.txt"), {"/n/2.txt"}),
    ],
)
def test_filters(store: Store, filters: Filters, expected: set[str]) -> None:
    _fill(store)
    assert {a.source for a in store.list_articles(filters, limit=None)} == expected
    assert store.count_articles(filters) == len(expected)


def test_search_text_is_never_an_fts_syntax_error(store: Store) -> None:
    _fill(store)
    for query in ['"', "AND OR NOT", "a:b", "(((", "*", "NEAR(", "-x", "^"]:
        store.list_articles(Filters(search=query))


def test_pair_summaries(store: Store) -> None:
    _fill(store)
    summaries = store.pair_summaries()
    assert [s.pair for s in summaries] == [("CN", "RU"), ("JP", "VN")]
    cn_ru = summaries[0]
    assert cn_ru.count == 2 and cn_ru.sectors == {"ai": 2, "energy": 1}
    assert (cn_ru.first, cn_ru.last) == ("2017-06-14", "2020-09-18")
    assert cn_ru.months == {"2017-06": 1, "2020-09": 1}
    assert [s.pair for s in store.pair_summaries(Filters(countries=("JP",)))] == [("JP", "VN")]


def test_update_replaces_tags_and_search_text(store: Store) -> None:
    [article_id] = store.save_articles(
        [write(raw(title="Old", body="Old words."), enrichment(("RU",)))], "test")
    store.save_articles(
        [write(raw(title="New", body="Fresh words."), enrichment(("JP",)), article_id, "h2")], "t")
    detail = store.get_article(article_id)
    assert detail.article.title == "New" and detail.article.countries == ("JP",)
    assert store.count_articles(Filters(search="old")) == 0
    assert store.count_articles(Filters(search="fresh")) == 1
    assert store.entry_hashes("/tmp/a.txt") == {"": (article_id, "h2", False)}


def test_evidence_round_trips(store: Store) -> None:
    item = Evidence("country", "RU", "России", "ru", "body", 3, 9)
    [article_id] = store.save_articles(
        [write(raw(), enrichment(("RU",), evidence=(item,)))], "test")
    assert store.get_article(article_id).evidence == (item,)
    with pytest.raises(ArticleNotFoundError):
        store.get_article(article_id + 100)


def test_not_a_database(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StorageError, match="not a coopwatch database"):
        SqliteStore(bogus)
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


def test_failed_transaction_keeps_what_was_stored(store: Store) -> None:
    _fill(store)
    broken = write(raw("/n/5.txt"), enrichment(("RU",)), article_id=None)
    duplicate = write(raw("/n/1.txt"), enrichment(("RU",)), article_id=None)  # same entry key
    with pytest.raises(StorageError):
        store.save_articles([broken, duplicate], "test")
    assert store.count_articles() == 4  # the whole batch rolled back, nothing else touched


def test_opening_a_new_database_from_many_threads_at_once_migrates_it_once(db_path: Path) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def open_and_count(_: int) -> int:
        with SqliteStore(db_path) as store:
            return store.count_articles()

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(open_and_count, range(16))) == [0] * 16
    with SqliteStore(db_path) as store:
        applied = [row[0] for row in store.db.conn.execute("SELECT name FROM _sqlite_migrations")]
    assert applied == MIGRATIONS


def test_a_database_knows_it_is_up_to_date_without_the_migrations(db_path: Path) -> None:
    from coopwatch.store.sqlite.base import SCHEMA_VERSION

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
    code = ("import sys; from coopwatch.store import open_store; open_store(sys.argv[1]).count_articles();"
            " print('sqlite_utils' in sys.modules, 'coopwatch.store.sqlite.schema' in sys.modules)")
    # away from the checkout, whose coopwatch/ folder would shadow the installed package
    done = subprocess.run([sys.executable, "-c", code, str(db_path)], capture_output=True,
                          text=True, check=True, cwd=db_path.parent)
    assert done.stdout.split() == ["False", "False"]
