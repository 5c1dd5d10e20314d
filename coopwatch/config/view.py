"""The configuration explained: each setting in effect and where it came from; the commented
default file that `config init` writes."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from coopwatch.config import Config
from coopwatch.errors import UsageError
from coopwatch.update.run import configured_folders


@dataclass(frozen=True)
class Setting:
    """One setting in effect: its dotted key, its value, and the line that set it (None: default)."""

    key: str
    value: object
    line: int | None
    note: str = ""  # e.g. what a default means


def settings(config: Config) -> list[Setting]:
    """Every setting in effect, in the order of the default file."""
    lines = config.lines
    translate = config.translate
    found = [
        Setting("sources.folders", [str(folder) for folder in configured_folders(config)],
                lines.get("sources.folders"),
                "" if config.folders is not None else "the bundled seeds"),
        Setting("dashboard.sync_interval_minutes", config.sync_interval_minutes,
                lines.get("dashboard.sync_interval_minutes")),
        Setting("fetch.full_text_below", config.full_text_below,
                lines.get("fetch.full_text_below")),
    ]
    for key in ("backend", "url", "api_key", "target", "timeout"):
        value = getattr(translate, key)
        if key == "api_key" and value:
            value = "…" + value[-4:] if len(value) > 8 else "…"  # never print a secret whole
        found.append(Setting(f"translate.{key}", value, lines.get(f"translate.{key}"),
                             "hidden" if key == "api_key" and translate.api_key else ""))
    found.append(Setting("alerts.notify_command", list(config.notify_command),
                         lines.get("alerts.notify_command"),
                         "" if config.notify_command else "none"))
    for sector, terms in config.sector_terms.items():
        found.append(Setting(f"sectors.{sector}", list(terms), lines.get(f"sectors.{sector}")))
    for watch in config.watches:
        found.append(Setting(f"watches.{watch.name}", watch.filters.to_json(), watch.line))
    for source, country in config.source_countries.items():
        found.append(Setting(f"source_countries.{source}", country,
                             lines.get(f"source_countries.{source}")))
    return found


def toml_value(value: object) -> str:
    """A value as TOML would write it (JSON strings and arrays are valid TOML)."""
    if value is None:
        return "(not set)"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {toml_value(item)}" for key, item in value.items()) + " }"
    return json.dumps(value, ensure_ascii=False)


def default_file_text() -> str:
    """The commented default configuration."""
    return (files("coopwatch.config") / "default.toml").read_text(encoding="utf-8")


def write_default_file(path: Path, force: bool) -> None:
    """Write the commented default configuration; an existing file is kept unless force."""
    if path.exists() and not force:
        raise UsageError(f"{path} exists; `coopwatch config init --force` replaces it")
    partial = path.with_name(path.name + ".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(default_file_text(), encoding="utf-8")
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
