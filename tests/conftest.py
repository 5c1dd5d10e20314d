"""Shared fixtures: every test gets its own folders, and never the user's own data or config."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopwatch.enrich.vocabulary import Vocabulary
from coopwatch.paths import seeds_dir
from coopwatch.vocabulary import load_vocabulary

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def session_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the whole run: what it holds is made again from the installed code
    and data alone (term indexes, parsed data files), so tests share it as processes do."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, session_cache: Path) -> Path:
    """Point every default path into tmp_path, so no test reads or writes the user's folders."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    monkeypatch.setenv("COOPWATCH_DB", str(tmp_path / "default.db"))
    monkeypatch.setenv("COOPWATCH_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("COOPWATCH_CACHE", str(session_cache))
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture(scope="session")
def vocabulary() -> Vocabulary:
    return load_vocabulary()


@pytest.fixture(scope="session")
def seeds() -> Path:
    return seeds_dir()


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when the shared folder is not beside the repo."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path
