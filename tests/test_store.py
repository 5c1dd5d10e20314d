"""The store through its protocol: every backend runs these, listed in BACKENDS.

The tests here call only `Store` methods; what one backend keeps in its own files is tested
beside it (tests/test_store_sqlite.py).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from coopwatch.cli import cli
from coopwatch.errors import ArticleNotFoundError, StorageError, SyncBusyError
from coopwatch.store import Store, open_store
from coopwatch.store.protocol import (
    ArticlesStore,
    EnrichmentStore,
    QueriesStore,
    SourcesStore,
    TranslationsStore,
    WatchesStore,
)
from coopwatch.store.sqlite import SqliteStore
from coopwatch.types import Caching, Evidence, Filters, SourceResult, WatchMarks

from helpers import enrichment, raw, write

# a backend's name -> how a test opens an empty store of it in a fresh folder
BACKENDS: dict[str, Callable[[Path], Store]] = {
    "sqlite": lambda folder: open_store(folder / "store.db"),  # a real file, WAL and all
}


@pytest.fixture(params=list(BACKENDS))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    with BACKENDS[request.param](tmp_path) as opened:
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


def test_an_article_stored_and_changed_in_one_group_is_found_by_its_new_text(
        store: Store) -> None:
    with store.grouped_writes():
        [article_id] = store.save_articles(
            [write(raw(title="Old", body="Old words."), enrichment(("RU",)))], "test")
        store.save_articles(
            [write(raw(title="New", body="Fresh words."), enrichment(("JP",)), article_id, "h2")],
            "t")
        failing = write(raw(title="Newer", body="Lost words."), enrichment(("JP",)), article_id,
                        "h3")
        with pytest.raises(StorageError):  # the change and a copy of an entry stored already
            store.save_articles([failing, write(raw(), enrichment(("RU",)), None)], "t")
    assert store.count_articles(Filters(search="old")) == 0
    assert store.count_articles(Filters(search="lost")) == 0
    assert store.count_articles(Filters(search="fresh")) == 1


def test_evidence_round_trips(store: Store) -> None:
    item = Evidence("country", "RU", "России", "ru", "body", 3, 9)
    [article_id] = store.save_articles(
        [write(raw(), enrichment(("RU",), evidence=(item,)))], "test")
    assert store.get_article(article_id).evidence == (item,)
    with pytest.raises(ArticleNotFoundError):
        store.get_article(article_id + 100)


def test_failed_transaction_keeps_what_was_stored(store: Store) -> None:
    _fill(store)
    broken = write(raw("/n/5.txt"), enrichment(("RU",)), article_id=None)
    duplicate = write(raw("/n/1.txt"), enrichment(("RU",)), article_id=None)  # same entry key
    with pytest.raises(StorageError):
        store.save_articles([broken, duplicate], "test")
    assert store.count_articles() == 4  # the whole batch rolled back, nothing else touched


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_grouped_writes_are_kept_together_and_a_failed_one_undoes_only_itself(
        backend: str, tmp_path: Path) -> None:
    store = BACKENDS[backend](tmp_path)
    with store.grouped_writes():
        _fill(store)
        duplicate = write(raw("/n/1.txt"), enrichment(("RU",)), article_id=None)
        with pytest.raises(StorageError):
            store.save_articles([write(raw("/n/5.txt"), enrichment(("RU",))), duplicate], "t")
        store.save_articles([write(raw("/n/6.txt"), enrichment(("CN",)))], "test")
    assert store.count_articles() == 5  # the four, and the one after the failed write
    # searchable as stored: the failed write's text is not, the others' are
    assert store.count_articles(Filters(search="agree")) == 1
    assert store.count_articles(Filters(search="中俄")) == 1
    with pytest.raises(KeyboardInterrupt), store.grouped_writes():
        store.save_articles([write(raw("/n/7.txt"), enrichment(("JP",)))], "test")
        raise KeyboardInterrupt
    assert store.count_articles() == 6  # what was written before the interrupt is kept
    store.close()
    with BACKENDS[backend](tmp_path) as reopened:  # committed, not held by the connection
        assert reopened.count_articles() == 6


def test_sources_keep_their_health_and_caching(store: Store) -> None:
    url = "https://a.example/feed"
    assert store.add_source(url, "feed", tags=("Asia",), country="CN")
    assert not store.add_source(url, "feed")
    assert store.caching(url) == Caching()
    now = datetime.now(UTC)
    store.record_result(SourceResult(source=url), attempted_at=now, next_poll=now,
                        caching=Caching("e1", "Mon", "h1"), title="A")
    # no caching: keeps what was said
    store.record_result(SourceResult(source=url, status="unchanged"), attempted_at=now,
                        next_poll=now)
    assert store.caching(url) == Caching("e1", "Mon", "h1")
    [source] = store.list_sources()
    assert (source.title, source.last_status, source.tags, source.country) == (
        "A", "unchanged", ("Asia",), "CN")
    assert store.consecutive_failures(url) == 0
    store.record_result(SourceResult(source=url, status="failed", error="HTTP 404"),
                        attempted_at=now, next_poll=now + timedelta(minutes=15))
    [source] = store.list_sources("feed")
    assert (source.last_error, source.consecutive_failures) == ("HTTP 404", 1)
    assert store.consecutive_failures(url) == 1
    assert store.feeds_not_due(now) == {url}  # not due until its next poll
    assert store.feeds_not_due(now + timedelta(minutes=16)) == set()
    assert store.feed_settings() == {url: None} and store.last_sync() is not None
    store.move_source(url, "https://b.example/feed")
    assert store.source_countries() == {"https://b.example/feed": "CN"}
    assert store.remove_source("https://b.example/feed") and store.list_sources() == []


def test_watches_keep_their_filters_and_marks(store: Store) -> None:
    filters = Filters(countries=("JP",), pair=("CN", "RU"), sectors=("ai", "energy"),
                      language="zh", since="2024-01-01", search="北京", source="/n")
    [first, _] = _fill(store)[:2]
    assert store.add_watch("mine", filters)
    assert not store.add_watch("mine", Filters(countries=("US",)))
    [stored] = store.stored_watches()
    assert (stored.name, stored.filters) == ("mine", filters)
    newest = store.newest_article_id()
    assert store.watch_marks() == {"mine": WatchMarks(newest, newest)}
    store.set_watch_marks({"mine": WatchMarks(first, newest)})
    counts = store.watch_counts(Filters(pair=("CN", "RU")), WatchMarks(first, newest),
                                "2017-01-01")
    assert (counts.articles, counts.unseen, counts.new) == (2, 1, 0)
    assert counts.days == {"2017-06-14": 1, "2020-09-18": 1}
    assert store.remove_watch("mine") and store.stored_watches() == []
    assert store.watch_marks() == {}


def test_translations_are_cached_per_language_pair_and_backend(store: Store) -> None:
    store.cache_translations([("Привет", "ru", "en", "argos", "Hello")])
    assert store.cached_translation("Привет", "ru", "en", "argos") == "Hello"
    assert store.cached_translation("Привет", "ru", "de", "argos") is None


def test_one_sync_holds_the_lock_at_a_time(store: Store) -> None:
    with store.sync_lock(), pytest.raises(SyncBusyError, match="another coopwatch sync"):
        with store.sync_lock(wait=0):
            pass
    with store.sync_lock(wait=0):  # let go when the first sync ended
        pass


def test_sqlite_store_has_every_protocol_method() -> None:
    with SqliteStore(":memory:") as store:
        assert isinstance(store, Store)
    checked = set()
    for domain in (SourcesStore, ArticlesStore, EnrichmentStore, QueriesStore,
                   TranslationsStore, WatchesStore, Store):
        for name, method in vars(domain).items():
            if callable(method) and (not name.startswith("_") or name in {"__enter__",
                                                                          "__exit__"}):
                assert (inspect.signature(getattr(SqliteStore, name)).parameters.keys()
                        == inspect.signature(method).parameters.keys()), name
                checked.add(name)
    assert {"caching", "save_articles", "texts_to_enrich", "get_article", "cached_translation",
            "watch_counts", "sync_lock", "grouped_writes", "close", "__enter__",
            "__exit__"} <= checked


@pytest.mark.parametrize("target", ["postgresql://coop:secret@db.example/news",
                                    Path("postgresql://coop:secret@db.example/news")])
def test_open_store_refuses_a_scheme_it_has_no_backend_for(target: str | Path) -> None:
    with pytest.raises(StorageError) as refused:
        open_store(target)
    message = str(refused.value)
    assert "\n" not in message and "postgresql://" in message and "secret" not in message


def test_the_cli_says_so_in_one_line_with_exit_2() -> None:
    done = CliRunner().invoke(cli, ["--db", "postgresql://db.example/news", "list"])
    assert done.exit_code == 2 and done.stdout == ""
    assert done.stderr.startswith("Error: no storage backend for postgresql://")
    assert done.stderr.count("\n") == 1
