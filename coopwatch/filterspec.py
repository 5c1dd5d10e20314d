"""Filters as people write them (options, config keys) and as stored: parsed, saved, described."""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from coopwatch.types import Filters

_COUNTRY = re.compile(r"^[A-Za-z]{2}$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}$")
# the filter keys of a stored watch and of a config [watches.NAME] table, with their option names
FILTER_KEYS = {"country": "--country", "pair": "--pair", "sector": "--sector", "lang": "--lang",
               "since": "--since", "until": "--until", "search": "--search", "source": "--source"}


class FilterValueError(ValueError):
    """One filter value is wrong; key names it as a filter key (country, pair, ...)."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message


def parse_filters(
    *, countries: Sequence[str] = (), pair: str | None = None, sectors: Sequence[str] = (),
    lang: str | None = None, since: str | None = None, until: str | None = None,
    search: str | None = None, source: str | None = None, known_sectors: Sequence[str],
) -> Filters:
    """Validated filters from what a person typed; raises FilterValueError naming the key."""
    check_sectors(sectors, known_sectors)
    if lang is not None and not _LANGUAGE.match(lang):
        raise FilterValueError("lang", f"{lang!r} is not a language code like de")
    return Filters(
        countries=tuple(_country(code, "country") for code in countries),
        pair=_pair(pair) if pair is not None else None,
        sectors=tuple(sectors),
        language=lang.lower() if lang else None,
        since=_day(since, "since"),
        until=_day(until, "until"),
        search=search,
        source=_source(source),
    )


def check_sectors(sectors: Sequence[str], known_sectors: Sequence[str]) -> None:
    """Raise FilterValueError for the first sector not known."""
    for sector in sectors:
        if sector not in known_sectors:
            raise FilterValueError(
                "sector", f"unknown sector {sector!r}; known: {', '.join(known_sectors)}")


def country_code(value: str) -> str | None:
    """A two-letter country code in upper case (ISO 3166-1 alpha-2), or None when it is not one."""
    value = value.strip()
    return value.upper() if _COUNTRY.match(value) else None


def _country(value: str, key: str) -> str:
    code = country_code(value)
    if code is None:
        raise FilterValueError(key, f"{value!r} is not a two-letter country code (ISO 3166-1)")
    return code


def _pair(value: str) -> tuple[str, str]:
    parts = re.split(r"[-–—/:,]", value)
    if len(parts) != 2:
        raise FilterValueError("pair", f"{value!r} is not a pair like CN-RU")
    first, second = (_country(part.strip(), "pair") for part in parts)
    if first == second:
        raise FilterValueError("pair", "a pair needs two different countries")
    return (first, second) if first < second else (second, first)


def _day(value: str | None, key: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise FilterValueError(key, f"{value!r} is not a date like 2024-06-30") from None


def _source(value: str | None) -> str | None:
    if value is None or "://" in value:
        return value
    return str(Path(value).expanduser().absolute())


def filters_from_json(data: dict[str, object], known_sectors: Sequence[str]) -> Filters:
    """The inverse of Filters.to_json; a single country or sector may be a string."""
    unknown = set(data) - set(FILTER_KEYS)
    if unknown:
        key = sorted(unknown)[0]
        raise FilterValueError(key, f"unknown filter {key!r}; known: {', '.join(FILTER_KEYS)}")
    many = {key: _strings(data.get(key), key) for key in ("country", "sector")}
    one = {key: _string(data.get(key), key) for key in FILTER_KEYS if key not in many}
    return parse_filters(
        countries=many["country"], pair=one["pair"], sectors=many["sector"],
        lang=one["lang"], since=one["since"], until=one["until"],
        search=one["search"], source=one["source"], known_sectors=known_sectors,
    )


def _strings(value: object, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        raise FilterValueError(key, f"{key} must be a string or a list of strings")
    return tuple(items)


def _string(value: object, key: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise FilterValueError(key, f"{key} must be a string")


def filters_as_options(filters: Filters) -> str:
    """The filters as the command-line options that select them: --pair CN-RU --sector ai."""
    words: list[str] = []
    for key, value in filters.to_json().items():
        for item in value if isinstance(value, list) else [value]:
            words += [FILTER_KEYS[key], shlex.quote(str(item))]
    return " ".join(words)


def suggest_name(filters: Filters) -> str:
    """A short watch name from the filters, for a person to accept or change: "CN-RU ai"."""
    words = ["-".join(filters.pair)] if filters.pair else []
    words += list(filters.countries) + list(filters.sectors)
    if filters.language:
        words.append(filters.language)
    if filters.search:
        words.append(" ".join(filters.search.split())[:30])
    return " ".join(words)[:60]
