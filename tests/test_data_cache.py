"""The enrichment data files are parsed once an installation and read back from the cache."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from coopwatch import vocabulary


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("COOPWATCH_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache" / "data"


def test_a_data_file_parsed_once_is_read_back_without_parsing(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = vocabulary._data("cues.toml")
    parsed = vocabulary._parsed("cues.toml", data)
    assert parsed == tomllib.loads(data.decode("utf-8"))
    [kept] = cache.iterdir()

    def refuse(text: str) -> dict:
        raise AssertionError("parsed again")

    monkeypatch.setattr(vocabulary.tomllib, "loads", refuse)
    assert vocabulary._parsed("cues.toml", data) == parsed
    assert list(cache.iterdir()) == [kept]


def test_a_damaged_kept_file_is_parsed_again_and_replaced(cache: Path) -> None:
    assert vocabulary._parsed("x.toml", b"a = [1, 2]") == {"a": [1, 2]}
    [kept] = cache.iterdir()
    kept.write_text('{"a": [1, ', encoding="utf-8")
    assert vocabulary._parsed("x.toml", b"a = [1, 2]") == {"a": [1, 2]}
    assert vocabulary._parsed("x.toml", b"a = [1, 2]") == {"a": [1, 2]}
    assert [path.name for path in cache.iterdir()] == [kept.name]


def test_changed_data_is_parsed_anew_and_the_old_copy_goes(cache: Path) -> None:
    assert vocabulary._parsed("x.toml", b"a = 1") == {"a": 1}
    assert vocabulary._parsed("x.toml", b"a = 2") == {"a": 2}
    assert len(list(cache.iterdir())) == 1
    assert vocabulary._parsed("x.toml", b"a = 2") == {"a": 2}


def test_a_cache_that_cannot_be_written_only_costs_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("COOPWATCH_CACHE", str(blocked))
    assert vocabulary._parsed("x.toml", b"a = 1") == {"a": 1}


# --- term indexes kept between processes --------------------------------------------------

STORIES = [
    ("Russia and China sign quantum pact",
     "Moscow and Beijing agreed on Monday to build a joint laboratory for quantum computing."),
    ("Вьетнам и Япония подписали соглашение",
     "Ханой и Токио договорились о сотрудничестве в области полупроводников и энергетики."),
    ("中俄签署核能合作协议", "俄罗斯国家原子能公司与中国核工业集团在北京签署了核电站建设合作协议。"),
    ("مصر والأردن توقعان اتفاقية", "وقعت مصر والأردن اتفاقية للتعاون في مجال الطاقة المتجددة في عمان."),
    ("Deutschland und Frankreich", "Berlin und Paris vereinbaren eine Partnerschaft für Wasserstoff."),
]


def _enriched(user_sector_terms: dict | None = None, kept: bool = True) -> list:
    from coopwatch.enrich import enrich_many
    from coopwatch.types import RawArticle

    raws = [RawArticle("test", str(number), title, body)
            for number, (title, body) in enumerate(STORIES)]
    words = vocabulary.load_vocabulary(user_sector_terms)
    if not kept:
        words.index_cache = None
    return enrich_many(raws, words)


def _kept(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("indexes-*/*.pickle"))


def test_indexes_kept_by_one_process_are_read_back_by_the_next_with_the_same_tags(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from coopwatch.enrich import matcher

    built_fresh = _enriched(kept=False)
    assert not _kept(tmp_path)
    first = _enriched()  # builds and keeps
    kept = _kept(tmp_path)
    assert {path.stem for path in kept} >= {"places", "countries-en", "countries-ru",
                                            "countries-zh", "countries-ar", "sectors-de"}

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("an index was built again")

    monkeypatch.setattr(matcher.TermIndex, "__init__", refuse)
    again = _enriched()  # a new vocabulary, as a new process makes: every index read back
    assert first == again == built_fresh
    assert any(e.evidence for e in again) and {p for e in again for p in e.pairs} >= {
        ("CN", "RU"), ("JP", "VN"), ("EG", "JO"), ("DE", "FR")}


def test_a_damaged_kept_index_is_built_again_and_replaced(cache: Path, tmp_path: Path) -> None:
    first = _enriched()
    for path in _kept(tmp_path):
        path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2])
    assert _enriched() == first
    assert _enriched() == first  # the replacements read back whole


def test_the_users_own_sector_terms_get_indexes_of_their_own(cache: Path, tmp_path: Path) -> None:
    assert all("ai" not in e.sectors for e in _enriched())
    folders_before = {path.parent for path in _kept(tmp_path)}
    mine = _enriched({"ai": ["joint laboratory"]})
    assert "ai" in mine[0].sectors
    assert len({path.parent for path in _kept(tmp_path)} - folders_before) == 1


def test_an_upgrade_forgets_the_indexes_an_earlier_installation_kept(
        cache: Path, tmp_path: Path) -> None:
    earlier = tmp_path / "cache" / "indexes-00000000-000000000000"
    earlier.mkdir(parents=True)
    (earlier / "countries-en.pickle").write_bytes(b"not an index")
    _enriched()
    assert not earlier.exists() and _kept(tmp_path)
