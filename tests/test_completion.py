"""Shell completion through click's mechanism, as bash, zsh and fish ask for it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coopwatch.config import Config
from coopwatch.store import open_store
from coopwatch.types import Filters
from coopwatch.watches import add_watch


def complete(words: str, tmp_path: Path, shell: str = "bash") -> list[str]:
    """What the shell would offer for the last word of words (bash's protocol)."""
    env = {**os.environ, "_COOPWATCH_COMPLETE": f"{shell}_complete", "COMP_WORDS": words,
           "COMP_CWORD": str(len(words.split(" ")) - 1)}
    done = subprocess.run([sys.executable, "-m", "coopwatch"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60, check=True)
    assert done.stderr == ""
    return [line.split(",", 1)[1] for line in done.stdout.splitlines() if line]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_shell_gets_a_completion_script(shell: str, tmp_path: Path) -> None:
    env = {**os.environ, "_COOPWATCH_COMPLETE": f"{shell}_source"}
    done = subprocess.run([sys.executable, "-m", "coopwatch"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60, check=True)
    assert "_COOPWATCH_COMPLETE" in done.stdout and "coopwatch" in done.stdout


def test_commands_options_sectors_countries_and_watch_names_complete(
    tmp_path: Path, db_path: Path,
) -> None:
    assert complete("coopwatch fe", tmp_path) == ["feeds", "fetch"]
    assert complete("coopwatch re", tmp_path) == ["reenrich"]
    assert "--all" in complete("coopwatch reenrich --", tmp_path)
    assert "watch" in complete("coopwatch ", tmp_path) and "config" in complete("coopwatch ", tmp_path)
    assert complete("coopwatch config s", tmp_path) == ["show"]
    assert {"--plot", "--csv", "--source-country"} <= set(complete("coopwatch pairs --", tmp_path))
    assert complete("coopwatch list --sector se", tmp_path) == ["semiconductors"]
    assert "RU" in complete("coopwatch list --country r", tmp_path)
    with open_store(db_path) as store:
        add_watch(store, Config(), "cn-ru-ai", Filters(pair=("CN", "RU")))
        add_watch(store, Config(), "japan", Filters(countries=("JP",)))
    assert complete(f"coopwatch --db {db_path} watch remove c", tmp_path) == ["cn-ru-ai"]
    missing = tmp_path / "nothing-here.db"
    assert complete(f"coopwatch --db {missing} watch remove ", tmp_path) == []
    assert not missing.exists()  # completing a word never creates a database
