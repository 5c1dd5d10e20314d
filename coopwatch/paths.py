"""Where coopwatch keeps its files; environment variables override the platform defaults."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "coopwatch"


def database_path() -> Path:
    """The database file: $COOPWATCH_DB, else coopwatch.db in the user data folder."""
    override = os.environ.get("COOPWATCH_DB")
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path(APP_NAME) / "coopwatch.db"


def config_file() -> Path:
    """The config file: $COOPWATCH_CONFIG, else config.toml in the user config folder."""
    override = os.environ.get("COOPWATCH_CONFIG")
    if override:
        return Path(override).expanduser()
    return platformdirs.user_config_path(APP_NAME) / "config.toml"


def cache_dir() -> Path:
    """Files coopwatch can make again, kept to save the time: $COOPWATCH_CACHE, else the user
    cache folder."""
    override = os.environ.get("COOPWATCH_CACHE")
    if override:
        return Path(override).expanduser()
    return platformdirs.user_cache_path(APP_NAME)


def seeds_dir() -> Path:
    """The bundled seed articles, found through the installed package."""
    from importlib.resources import files

    return Path(str(files("coopwatch.seeds")))
