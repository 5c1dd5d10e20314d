"""Reading the user's TOML configuration and validating it into a Config."""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path
from typing import Any

from coopwatch.config.model import Config, ConfigWatch, TranslateConfig
from coopwatch.errors import ConfigError
from coopwatch.filterspec import FilterValueError, country_code, filters_from_json
from coopwatch.vocabulary import sector_ids

BACKENDS = ("gloss", "libretranslate", "deepl", "argos")
# section -> key -> expected type; the single place that says what a config file may hold
_SCHEMA: dict[str, dict[str, type | tuple[type, ...]]] = {
    "sources": {"folders": list},
    "dashboard": {"sync_interval_minutes": (int, float)},
    "fetch": {"full_text_below": int},
    "translate": {"backend": str, "url": str, "api_key": str, "target": str,
                  "timeout": (int, float)},
    "alerts": {"notify_command": (list, str)},
}
# tables whose keys are the user's own: sector ids, watch names, feed URLs and folders
_FREE_SECTIONS = ("sectors", "watches", "source_countries")


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
    lines = _LineFinder(text)

    def fail(message: str, table: str | None, key: str | None = None) -> ConfigError:
        return ConfigError(f"config {path}{lines.where(table, key)}: {message}")

    _check(raw, fail)
    return _build(raw, lines, fail, path)


def _check(raw: dict[str, Any], fail: Any) -> None:
    for section, values in raw.items():
        if section not in _SCHEMA and section not in _FREE_SECTIONS:
            raise fail(f"unknown section [{section}]; known: "
                       f"{', '.join([*_SCHEMA, *_FREE_SECTIONS])}", section)
        if not isinstance(values, dict):
            raise fail(f"[{section}] must be a table", None, section)
        if section in _FREE_SECTIONS:
            continue
        for key, value in values.items():
            expected = _SCHEMA[section].get(key)
            if expected is None:
                raise fail(f"unknown key {section}.{key}; known: {', '.join(_SCHEMA[section])}",
                           section, key)
            if not isinstance(value, expected) or isinstance(value, bool):
                raise fail(f"{section}.{key} must be {_type_name(expected)}, "
                           f"not {_type_name(type(value))}", section, key)


def _type_name(expected: type | tuple[type, ...]) -> str:
    names = {int: "a whole number", float: "a number", str: "a string", list: "a list",
             dict: "a table", bool: "true or false"}
    kinds = expected if isinstance(expected, tuple) else (expected,)
    if kinds == (int, float):
        return "a number"
    return " or ".join(names.get(kind, kind.__name__) for kind in kinds)


def _build(raw: dict[str, Any], lines: _LineFinder, fail: Any, path: Path) -> Config:
    folders_raw = raw.get("sources", {}).get("folders")
    folders = None
    if folders_raw is not None:
        if not all(isinstance(folder, str) for folder in folders_raw):
            raise fail("sources.folders must be a list of strings", "sources", "folders")
        folders = tuple(Path(folder).expanduser() for folder in folders_raw)
    translate = TranslateConfig(**raw.get("translate", {}))
    if translate.backend not in BACKENDS:
        raise fail(f"translate.backend must be one of {', '.join(BACKENDS)}",
                   "translate", "backend")
    if translate.timeout <= 0:
        raise fail("translate.timeout must be more than 0", "translate", "timeout")
    interval = float(raw.get("dashboard", {}).get("sync_interval_minutes", 15.0))
    if interval <= 0:
        raise fail("dashboard.sync_interval_minutes must be more than 0",
                   "dashboard", "sync_interval_minutes")
    full_text_below = int(raw.get("fetch", {}).get("full_text_below", 300))
    if full_text_below < 0:
        raise fail("fetch.full_text_below must be 0 (never) or more", "fetch", "full_text_below")
    sector_terms = _sector_terms(raw.get("sectors", {}), fail)
    return Config(
        folders=folders,
        sync_interval_minutes=interval,
        full_text_below=full_text_below,
        translate=translate,
        sector_terms=sector_terms,
        notify_command=_command(raw.get("alerts", {}).get("notify_command"), fail),
        watches=_watches(raw.get("watches", {}), sector_ids(sector_terms), lines, fail),
        source_countries=_source_countries(raw.get("source_countries", {}), fail),
        path=path,
        lines=lines.keys(raw),
    )


def _sector_terms(values: dict[str, Any], fail: Any) -> dict[str, tuple[str, ...]]:
    for sector, terms in values.items():
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
            raise fail(f"sectors.{sector} must be a list of strings", "sectors", sector)
    return {sector: tuple(terms) for sector, terms in values.items()}


def _command(value: list[Any] | str | None, fail: Any) -> tuple[str, ...]:
    """The notify command as an argument list; a string is split as a shell would, never run by one."""
    if value is None:
        return ()
    if isinstance(value, str):
        try:
            return tuple(shlex.split(value))
        except ValueError as exc:
            raise fail(f"alerts.notify_command: {exc}", "alerts", "notify_command") from None
    if not value or not all(isinstance(word, str) for word in value):
        raise fail("alerts.notify_command must be a non-empty list of strings",
                   "alerts", "notify_command")
    return tuple(value)


def _watches(values: dict[str, Any], known_sectors: list[str], lines: _LineFinder,
             fail: Any) -> tuple[ConfigWatch, ...]:
    watches = []
    for name, table in values.items():
        if not isinstance(table, dict):
            raise fail(f"watches.{name} must be a table of filters", "watches", name)
        try:
            filters = filters_from_json(table, known_sectors)
        except FilterValueError as error:
            raise fail(f"watches.{name}.{error.key}: {error.message}",
                       f"watches.{name}", error.key) from None
        if not filters.active:
            raise fail(f"watches.{name} needs at least one filter (pair, country, sector, ...)",
                       "watches", name)
        watches.append(ConfigWatch(name, filters, lines.line(f"watches.{name}", None)))
    return tuple(watches)


def _source_countries(values: dict[str, Any], fail: Any) -> dict[str, str]:
    countries = {}
    for source, value in values.items():
        code = country_code(value) if isinstance(value, str) else None
        if code is None:
            raise fail(f"source_countries: {source!r} needs a two-letter country code like RU",
                       "source_countries", source)
        key = source if "://" in source else str(Path(source).expanduser().absolute())
        countries[key] = code
    return countries


class _LineFinder:
    """Where a table or key stands in the TOML text, so an error can name the line."""

    _HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
    _KEY = re.compile(r"^\s*(\"[^\"]*\"|'[^']*'|[A-Za-z0-9_.\-\"' ]+?)\s*=")

    def __init__(self, text: str) -> None:
        self.entries: list[tuple[int, str, str | None]] = []  # (line, table, key or None)
        table = ""
        for number, line in enumerate(text.splitlines(), start=1):
            header = self._HEADER.match(line)
            if header:
                table = _unquote_dotted(header.group(1))
                self.entries.append((number, table, None))
                continue
            key = self._KEY.match(line)
            if key:
                self.entries.append((number, table, _unquote_dotted(key.group(1))))

    def line(self, table: str | None, key: str | None) -> int | None:
        """The line of the key in the table (or of the table's header when key is None); for a
        key of an inline table, the line of the inline table."""
        wanted = ".".join(part for part in (table, key) if part)
        for number, entry_table, entry_key in self.entries:
            if entry_key is None:
                if wanted == entry_table:
                    return number
            elif wanted == ".".join(part for part in (entry_table, entry_key) if part):
                return number
        if table and "." in table:  # [watches] x = { ... }: the error is on x's line
            parent, name = table.rsplit(".", 1)
            return self.line(parent, name)
        return None

    def where(self, table: str | None, key: str | None) -> str:
        number = self.line(table, key)
        return f", line {number}" if number else ""

    def keys(self, raw: dict[str, Any]) -> dict[str, int]:
        """The line of every "section.key" the file sets."""
        found = {}
        for section, values in raw.items():
            for key in values if isinstance(values, dict) else ():
                number = self.line(section, key)
                if number:
                    found[f"{section}.{key}"] = number
        return found


def _unquote_dotted(name: str) -> str:
    parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([^.\s]+)', name)
    return ".".join(next(p for p in part if p) if any(part) else "" for part in parts)
