"""The configuration's typed records: what a loaded config file holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from coopwatch.types import Filters


@dataclass(frozen=True)
class TranslateConfig:
    """Section [translate]: which engine turns snippets into the target language."""

    backend: str = "gloss"
    url: str | None = None
    api_key: str | None = None
    target: str = "en"
    timeout: float = 5.0  # seconds: past it the gloss is shown; a screen never waits longer


@dataclass(frozen=True)
class ConfigWatch:
    """A watch written in the config's [watches.NAME] table."""

    name: str
    filters: Filters
    line: int | None


@dataclass(frozen=True)
class Config:
    """The effective settings; every field has a default so a missing file means defaults."""

    folders: tuple[Path, ...] | None = None  # None: the bundled seeds
    sync_interval_minutes: float = 15.0
    full_text_below: int = 300  # characters: a feed item shorter than this gets its page fetched
    translate: TranslateConfig = field(default_factory=TranslateConfig)
    sector_terms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    notify_command: tuple[str, ...] = ()  # run after a sync for each watch with new articles
    watches: tuple[ConfigWatch, ...] = ()
    source_countries: dict[str, str] = field(default_factory=dict)  # feed URL or folder -> CC
    path: Path | None = None
    lines: dict[str, int] = field(default_factory=dict)  # "section.key" -> its line in the file
