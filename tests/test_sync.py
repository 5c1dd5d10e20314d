"""The pipeline: the pure decider, idempotent ingest, and enrichment only for what changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import coopwatch.enrich
import coopwatch.update.local
from coopwatch.enrich.vocabulary import Vocabulary
from coopwatch.store import open_store
from coopwatch.types import Filters, RawArticle, StoredEntry
from coopwatch.update.decide import Changed, New, content_hash, decide
from coopwatch.update.local import ingest_paths

from helpers import raw


def test_decide_is_pure_and_sorts_new_changed_unchanged() -> None:
    a, b, c = raw(key="a", body="A."), raw(key="b", body="B."), raw(key="c", body="C.")
    known = {"a": StoredEntry(1, content_hash(a), False), "b": StoredEntry(2, "stale", False)}
    decided = decide([a, b, c, raw(key="c", body="copy")], known, {})
    assert decided.intents == [Changed(b, content_hash(b), 2), New(c, content_hash(c))]
    assert decided.unchanged == 1


def test_content_hashes_stay_what_earlier_versions_stored() -> None:
    # a new digest would make every stored item look changed, and a sync enrich them all again
    found = RawArticle("https://a.example/feed", "urn:1", "Hà Nội và Tokyo", "Body «text».",
                       url="https://a.example/1", published="2024-05-01",
                       date_hints=("1 May 2024",), language_hint="vi")
    assert content_hash(found) == "e6805e7e9a35455275d40a1a1d16c78528a4b27aa88bbcdab8910ed29c83edf3"


def test_content_hash_ignores_where_the_copy_lives() -> None:
    assert content_hash(raw(source="/a/x.txt")) == content_hash(raw(source="/b/x.txt"))
    assert content_hash(raw(body="one")) != content_hash(raw(body="two"))


@pytest.fixture
def counted_enrich(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = coopwatch.enrich.enrich_many

    def counting(articles, vocabulary):  # type: ignore[no-untyped-def]
        calls.extend(article.source for article in articles)
        return real(articles, vocabulary)

    monkeypatch.setattr(coopwatch.enrich, "enrich_many", counting)
    return calls


def test_ingest_is_idempotent_and_unchanged_costs_no_enrichment(
    tmp_path: Path, db_path: Path, seeds: Path, vocabulary: Vocabulary, counted_enrich: list[str]
) -> None:
    folder = tmp_path / "pages"
    shutil.copytree(seeds, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    with open_store(db_path) as store:
        first = ingest_paths(store, [folder], vocabulary)
        assert (first.new, first.updated) == (5, 0) and len(counted_enrich) == 5
        second = ingest_paths(store, [folder], vocabulary)
        assert (second.new, second.updated) == (0, 0)
        assert second.sources[0].status == "unchanged" and len(counted_enrich) == 5
        assert store.count_articles() == 5

        changed = sorted(folder.glob("003_*.txt"))[0]
        changed.write_text(changed.read_text(encoding="utf-8").replace(
            "Russian deputy minister praises", "Russian deputy minister hails"), encoding="utf-8")
        third = ingest_paths(store, [folder], vocabulary)
        assert (third.new, third.updated) == (0, 1) and len(counted_enrich) == 6
        assert store.count_articles() == 5
        [hit] = store.list_articles(Filters(search="hails"))
        assert hit.title == "Russian deputy minister hails Moscow-Beijing cooperation"


def test_one_bad_file_never_stops_the_others(
    tmp_path: Path, db_path: Path, seeds: Path, vocabulary: Vocabulary
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(sorted(seeds.glob("001_*.txt"))[0], folder / "good.txt")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "broken.rss").write_text("<rss><channel><item><title>x")
    (folder / "empty.md").write_text("")
    with open_store(db_path) as store:
        report = ingest_paths(store, [folder], vocabulary)
        assert report.new >= 1 and store.count_articles() >= 1
    reasons = {Path(s.path).name: s.reason for s in report.sources[0].skipped}
    assert reasons["binary.txt"] == "binary file, not text"
    assert reasons["empty.md"] == "empty file"
    assert "good.txt" not in reasons


def test_feed_file_items_are_articles(db_path: Path, vocabulary: Vocabulary) -> None:
    from conftest import FIXTURES

    with open_store(db_path) as store:
        report = ingest_paths(store, [FIXTURES / "feed.rss", FIXTURES / "feed.json"], vocabulary)
        assert report.new == 4
        again = ingest_paths(store, [FIXTURES / "feed.rss"], vocabulary)
        assert again.new == 0 and store.count_articles() == 4
        [india] = store.list_articles(Filters(countries=("IN",)))
        assert india.pairs == (("FR", "IN"),) and "space" in india.sectors
        assert india.url == "https://example.org/news/1?utm_source=rss"


def test_a_big_folder_is_enriched_in_worker_processes_alike(
        tmp_path: Path, vocabulary: Vocabulary, monkeypatch: pytest.MonkeyPatch) -> None:
    import coopwatch.enrichpool

    folder = tmp_path / "inbox"
    folder.mkdir()
    pairs = [("Russia", "China"), ("Vietnam", "Japan"), ("India", "France"), ("Kenya", "Egypt")]
    for number in range(40):
        first, second = pairs[number % len(pairs)]
        (folder / f"story-{number:02}.txt").write_text(
            f"{first} and {second} sign a research pact, story {number}\n\n"
            f"{first} and {second} signed an agreement on space research cooperation on "
            f"Monday, the ministries said in a joint statement number {number}.\n")
    used_workers: list[bool] = []
    real_enrich_later = coopwatch.enrichpool.EnrichPool.enrich_later

    def watched(self, raws, **options):  # type: ignore[no-untyped-def]
        answers = real_enrich_later(self, raws, **options)

        def recorded():  # type: ignore[no-untyped-def]
            done = answers()
            used_workers.append(done is not None)
            return done

        return recorded

    monkeypatch.setattr(coopwatch.enrichpool.EnrichPool, "enrich_later", watched)
    listings = {}
    monkeypatch.setattr(coopwatch.update.local, "INGEST_BATCH", 30)  # a folder of 40 new files fills one
    for mode, batch in (("workers", 24), ("in process", 10**6)):
        monkeypatch.setattr(coopwatch.enrichpool, "MIN_BATCH", batch)
        with open_store(tmp_path / f"{mode}.db") as store:
            report = ingest_paths(store, [folder], vocabulary)
            assert report.new == 40
            listings[mode] = sorted((a.title, a.language, a.countries, a.pairs, a.sectors)
                                    for a in store.list_articles(Filters(), limit=None))
    # the full batch of 30 starts the workers, and the last 10 go to them too, as they run; with
    # workers refused (MIN_BATCH) the full batch is enriched in process, and its last batch never
    # asks them (a folder's last batch goes to the workers only once they run)
    assert used_workers == [True, True, False]
    assert listings["workers"] == listings["in process"]
    assert {pair for *_, pairs, _ in listings["workers"] for pair in pairs} == {
        ("CN", "RU"), ("JP", "VN"), ("FR", "IN"), ("EG", "KE")}
