"""The update pipeline driven without a network: a fake retriever, an injected clock, a real
SQLite file. What a user checks afterwards: the articles, each feed's health, when it is due."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from coopwatch.config import Config
from coopwatch.enrich.vocabulary import Vocabulary
from coopwatch.fetchers.http import Retrieved, RetrieveError
from coopwatch.store import Store, open_store
from coopwatch.types import Caching, StoredStory
from coopwatch.update.decide import Adopt, Copy, New, content_hash, decide, settle
from coopwatch.update.health import next_poll
from coopwatch.update.retrieve import PER_HOST
from coopwatch.update.run import fetch_all
from coopwatch.vocabulary import VocabularyLoader

from conftest import FIXTURES
from helpers import raw

RSS = (FIXTURES / "feed.rss").read_bytes()
NOON = datetime(2026, 12, 3, 12, 0, tzinfo=UTC)
NEWS, DOWN, QUIET = ("https://news.example/rss", "https://down.example/rss",
                     "https://quiet.example/rss")


class FakeRetriever:
    """Answers from a table of URL -> what the server says; remembers what was asked."""

    def __init__(self, answers: dict[str, Retrieved | RetrieveError]) -> None:
        self.answers = answers
        self.asked: list[tuple[str, Caching]] = []

    def __call__(self, url: str, caching: Caching, seconds: float) -> Awaitable[Retrieved]:
        self.asked.append((url, caching))
        answer = self.answers.get(url, RetrieveError("HTTP 404"))

        async def respond() -> Retrieved:
            if isinstance(answer, RetrieveError):
                raise answer
            return answer

        return respond()


def feed(body: bytes, etag: str = '"v1"') -> Retrieved:
    return Retrieved(NEWS, False, body, "application/rss+xml", Caching(etag, None))


def sync(store: Store, vocabulary: Vocabulary, retriever: FakeRetriever, at: datetime):
    config = Config(folders=())
    return fetch_all(store, config, VocabularyLoader.holding(vocabulary), retriever=retriever,
                     clock=lambda: at)


def due(store: Store) -> dict[str, tuple[str | None, int]]:
    return {source.url: (source.next_poll, source.consecutive_failures)
            for source in store.list_sources("feed")}


def test_the_driver_stores_new_items_and_records_each_feeds_health_at_the_clocks_time(
        db_path: Path, vocabulary: Vocabulary) -> None:
    retriever = FakeRetriever({
        NEWS: feed(RSS),
        DOWN: RetrieveError("HTTP 503"),
        QUIET: Retrieved(QUIET, True),
    })
    with open_store(db_path) as store:
        for url in (NEWS, DOWN, QUIET):
            store.add_source(url, "feed")
        report = sync(store, vocabulary, retriever, NOON)
        assert {r.source: (r.status, r.new) for r in report.sources} == {
            NEWS: ("ok", 2), DOWN: ("failed", 0), QUIET: ("unchanged", 0)}
        assert store.count_articles() == 2
        # the items are short: their pages were asked for (and kept their summaries on a 404)
        assert ("https://example.org/news/2", Caching()) in retriever.asked
        # the feed's ttl is an hour; a failure backs off 15 minutes; a 304 asks nothing
        assert due(store) == {NEWS: ("2026-12-03T13:00:00Z", 0),
                              DOWN: ("2026-12-03T12:15:00Z", 1),
                              QUIET: ("2026-12-03T12:00:00Z", 0)}
        assert store.feeds_not_due(NOON) == {NEWS, DOWN}

        # an hour later: the same bytes again change nothing, the failing feed backs off longer,
        # and the next request carries what the server said last time
        retriever.asked.clear()
        later = NOON + timedelta(hours=1)
        again = sync(store, vocabulary, retriever, later)
        assert {r.source: (r.status, r.new) for r in again.sources} == {
            NEWS: ("unchanged", 0), DOWN: ("failed", 0), QUIET: ("unchanged", 0)}
        assert (NEWS, Caching('"v1"', None)) in retriever.asked
        assert due(store)[DOWN] == ("2026-12-03T13:30:00Z", 2)
        # the same bytes are not parsed again, so only the server's headers could ask for time
        assert due(store)[NEWS] == ("2026-12-03T13:00:00Z", 0)


def test_feeds_waiting_for_their_busy_host_leave_the_syncs_slots_to_other_hosts(
        db_path: Path, vocabulary: Vocabulary) -> None:
    # one site's feeds sort together: the first slots must not all wait on its per-host limit
    busy = [f"https://a.example/feed-{number}" for number in range(2 * PER_HOST)]
    others = [f"https://site{number}.example/rss" for number in range(2 * PER_HOST)]
    started_before_any_answer: list[str] = []
    answered: list[str] = []

    def answer(url: str, caching: Caching, seconds: float) -> Awaitable[Retrieved]:
        async def respond() -> Retrieved:
            if not answered:
                started_before_any_answer.append(url)
            await asyncio.sleep(0.05)
            answered.append(url)
            return Retrieved(url, True)
        return respond()

    with open_store(db_path) as store:
        for url in busy + others:
            store.add_source(url, "feed")
        report = fetch_all(store, Config(folders=()), VocabularyLoader.holding(vocabulary),
                           concurrency=2 * PER_HOST, retriever=answer, clock=lambda: NOON)
    assert {result.status for result in report.sources} == {"unchanged"}
    # from the start, PER_HOST requests to the busy site and the rest of the slots elsewhere
    assert len(started_before_any_answer) == 2 * PER_HOST
    assert sum(url in busy for url in started_before_any_answer) == PER_HOST


def test_a_changed_feed_updates_its_article_and_a_recovered_feed_is_due_again(
        db_path: Path, vocabulary: Vocabulary) -> None:
    with open_store(db_path) as store:
        store.add_source(NEWS, "feed")
        sync(store, vocabulary, FakeRetriever({NEWS: RetrieveError("HTTP 500")}), NOON)
        assert due(store)[NEWS] == ("2026-12-03T12:15:00Z", 1)
        sync(store, vocabulary, FakeRetriever({NEWS: feed(RSS)}), NOON + timedelta(minutes=20))
        changed = RSS.replace(b"opened a joint research centre", b"inaugurated a joint centre")
        report = sync(store, vocabulary, FakeRetriever({NEWS: feed(changed, '"v2"')}),
                      NOON + timedelta(hours=2))
        assert (report.new, report.updated) == (0, 1)
        assert store.count_articles() == 2
        assert due(store)[NEWS] == ("2026-12-03T15:00:00Z", 0)


def test_decide_sorts_items_against_the_source_and_the_stories_stored_elsewhere() -> None:
    from coopwatch.types import StoredEntry

    same, edited, fresh, elsewhere, fuller = (
        raw(key="a", body="A."), raw(key="b", body="B, edited."), raw(key="c", body="C."),
        raw(key="d", body="short"), raw(key="e", body="long " * 100))
    known = {"a": StoredEntry(1, content_hash(same), False),
             "b": StoredEntry(2, "older", False)}
    originals = {"d": StoredStory(7, 200), "e": StoredStory(8, 50)}
    decided = decide([same, edited, fresh, elsewhere, fuller], known, originals)
    assert decided.unchanged == 1
    assert [type(intent).__name__ for intent in decided.intents] == [
        "Changed", "New", "Copy", "Adopt"]
    assert decided.intents[2] == Copy(elsewhere, content_hash(elsewhere), 7, first_time=True)
    # intents are frozen: a phase that changes one makes a new one
    with pytest.raises(AttributeError):
        decided.intents[1].raw = elsewhere  # type: ignore[misc]


def test_settle_meets_the_stories_stored_since_decide() -> None:
    item = New(raw(key="x", body="text " * 50), "h")
    assert settle(item, None, repeat=False) == item
    assert settle(item, None, repeat=True) is None
    assert settle(item, StoredStory(3, 1000), repeat=False) == Copy(item.raw, "h", 3, True)
    assert settle(item, StoredStory(3, 10), repeat=False) == Adopt(item.raw, "h", 3)


def test_next_poll_backs_off_doubling_to_a_day_and_honours_the_server() -> None:
    assert next_poll(NOON, False, 0, None) == NOON
    assert next_poll(NOON, True, 0, None) == NOON + timedelta(minutes=15)
    assert next_poll(NOON, True, 3, None) == NOON + timedelta(hours=2)
    assert next_poll(NOON, True, 40, None) == NOON + timedelta(days=1)
    assert next_poll(NOON, True, 0, 7200) == NOON + timedelta(hours=2)
    assert next_poll(NOON, False, 5, 600) == NOON + timedelta(minutes=10)
