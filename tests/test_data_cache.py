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
