"""The user's TOML configuration, validated into one typed model when loaded."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coopwatch.errors import ConfigError


@dataclass(frozen=True)
class TranslateConfig:
    """Section [translate]: which engine turns snippets into the target language."""

    backend: str = "gloss"
    url: str | None = None
    api_key: str | None = None
    target: str = "en"
    timeout: float = 5.0  # seconds: past it the gloss is shown; a screen never waits longer


@dataclass(frozen=True)
class Config:
    """The effective settings; every field has a default so a missing file means defaults."""

    folders: tuple[Path, ...] | None = None  # None: the bundled seeds
    sync_interval_minutes: float = 15.0
    full_text_below: int = 300  # characters: a feed item shorter than this gets its page fetched
    translate: TranslateConfig = field(default_factory=TranslateConfig)
    sector_terms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    path: Path | None = None


BACKENDS = ("gloss", "libretranslate", "deepl", "argos")
# section -> key -> expected type; the single place that says what a config file may hold
_SCHEMA: dict[str, dict[str, type | tuple[type, ...]]] = {
    "sources": {"folders": list},
    "dashboard": {"sync_interval_minutes": (int, float)},
    "fetch": {"full_text_below": int},
    "translate": {"backend": str, "url": str, "api_key": str, "target": str,
                  "timeout": (int, float)},
}
_FREE_SECTIONS = {"sectors"}  # keys are the user's own sector ids


def load_config(path: Path) -> Config:
    """Read and validate the config file; a missing file gives the defaults."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config(path=path)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config {path}: {exc}") from None
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config {path}: {exc}") from None
    _check(raw, text, path)
    return _build(raw, text, path)


def _check(raw: dict[str, Any], text: str, path: Path) -> None:
    for section, values in raw.items():
        if section in _FREE_SECTIONS:
            _check_sector_terms(values, text, path)
            continue
        if section not in _SCHEMA:
            raise ConfigError(f"config {path}{_line_of(text, section)}: unknown section [{section}]")
        if not isinstance(values, dict):
            raise ConfigError(f"config {path}{_line_of(text, section)}: [{section}] must be a table")
        for key, value in values.items():
            expected = _SCHEMA[section].get(key)
            if expected is None:
                raise ConfigError(f"config {path}{_line_of(text, key)}: unknown key {section}.{key}")
            if not isinstance(value, expected) or isinstance(value, bool):
                raise ConfigError(
                    f"config {path}{_line_of(text, key)}: {section}.{key} has the wrong type"
                )


def _check_sector_terms(values: object, text: str, path: Path) -> None:
    if not isinstance(values, dict):
        raise ConfigError(f"config {path}{_line_of(text, 'sectors')}: [sectors] must be a table")
    for sector, terms in values.items():
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
            raise ConfigError(
                f"config {path}{_line_of(text, sector)}: sectors.{sector} must be a list of strings"
            )


def _line_of(text: str, key: str) -> str:
    """', line N' for the first line that names key, so the user can find it."""
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip().lstrip("[").split("=")[0].strip().rstrip("]").strip()
        if stripped == key or stripped.endswith("." + key):
            return f", line {number}"
    return ""


def _build(raw: dict[str, Any], text: str, path: Path) -> Config:
    folders_raw = raw.get("sources", {}).get("folders")
    folders = None
    if folders_raw is not None:
        folders = tuple(Path(str(folder)).expanduser() for folder in folders_raw)
    translate = TranslateConfig(**raw.get("translate", {}))
    if translate.backend not in BACKENDS:
        raise ConfigError(f"config {path}{_line_of(text, 'backend')}: translate.backend must be one"
                          f" of {', '.join(BACKENDS)}")
    if translate.timeout <= 0:
        raise ConfigError(f"config {path}{_line_of(text, 'timeout')}: translate.timeout must be"
                          " more than 0")
    sector_terms = {sector: tuple(terms) for sector, terms in raw.get("sectors", {}).items()}
    interval = float(raw.get("dashboard", {}).get("sync_interval_minutes", 15.0))
    full_text_below = int(raw.get("fetch", {}).get("full_text_below", 300))
    if full_text_below < 0:
        raise ConfigError(f"config {path}: fetch.full_text_below must be 0 (never) or more")
    return Config(
        folders=folders,
        sync_interval_minutes=interval,
        full_text_below=full_text_below,
        translate=translate,
        sector_terms=sector_terms,
        path=path,
    )
