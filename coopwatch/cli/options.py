"""Shared click plumbing: the store and config from the global options, and the article filters."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from click.shell_completion import CompletionItem

from coopwatch.config import Config, load_config
from coopwatch.filterspec import FILTER_KEYS, FilterValueError, parse_filters
from coopwatch.store import Store, open_store
from coopwatch.types import Filters
from coopwatch.vocabulary import sector_ids

F = TypeVar("F", bound=Callable[..., Any])


class State:
    """What the global options chose; the store is opened on first use and closed at exit."""

    def __init__(self, db_path: Path, config_path: Path, db_origin: str = "",
                 config_origin: str = "") -> None:
        self.db_path = db_path
        self.config_path = config_path
        self.db_origin = db_origin  # how the path was chosen, for `config show`
        self.config_origin = config_origin
        self._config: Config | None = None
        self._store: Store | None = None

    @property
    def config(self) -> Config:
        if self._config is None:
            self._config = load_config(self.config_path)
        return self._config

    def store(self) -> Store:
        if self._store is None:
            self._store = open_store(self.db_path)
            click.get_current_context().call_on_close(self._store.close)
        return self._store


def pass_state(func: F) -> F:
    """Give a command the State built by the group."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(click.get_current_context().find_object(State), *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def state_from_options(db_path: Path | None, config_path: Path | None) -> State:
    """The State the global options choose: the option, else the environment, else the
    platform's folder; each origin is kept for `config show`."""
    from coopwatch import paths

    return State(
        db_path or paths.database_path(), config_path or paths.config_file(),
        db_origin=_origin(db_path, "--db", "COOPWATCH_DB", "the user data folder"),
        config_origin=_origin(config_path, "--config", "COOPWATCH_CONFIG",
                              "the user config folder"),
    )


def _origin(given: Path | None, option: str, variable: str, default: str) -> str:
    if given is not None:
        return option
    return f"${variable}" if os.environ.get(variable) else default


def completion_state(ctx: click.Context) -> State:
    """The State while the shell completes a word: the group's callback has not run then, so
    the global options are read from the root context's parameters."""
    params = ctx.find_root().params
    return state_from_options(params.get("db_path"), params.get("config_path"))


def _complete_sectors(ctx: click.Context, param: click.Parameter,
                      incomplete: str) -> list[str]:
    try:
        terms = completion_state(ctx).config.sector_terms
    except Exception:  # noqa: BLE001 (a broken config must not print a traceback into the shell)
        terms = None
    return [sector for sector in sector_ids(terms) if sector.startswith(incomplete)]


def _complete_countries(ctx: click.Context, param: click.Parameter,
                        incomplete: str) -> list[CompletionItem]:
    from coopwatch.choices import country_choices

    return [CompletionItem(code, help=name) for code, name in country_choices()
            if code.startswith(incomplete.upper())]


def filter_options(func: F) -> F:
    """Add the contract's filters to a command, delivered as one `filters` argument."""
    options = [
        click.option("--country", "countries", multiple=True, metavar="CC",
                     shell_complete=_complete_countries,
                     help="Only articles where this country acts (repeatable: all must)."),
        click.option("--pair", metavar="CC-CC", help="Only articles where this pair cooperates."),
        click.option("--sector", "sectors", multiple=True, metavar="NAME",
                     shell_complete=_complete_sectors,
                     help="Only articles in this sector (repeatable: any)."),
        click.option("--lang", metavar="CODE", help="Only articles in this language (ISO 639-1)."),
        click.option("--since", metavar="YYYY-MM-DD", help="Only articles dated on or after."),
        click.option("--until", metavar="YYYY-MM-DD", help="Only articles dated on or before."),
        click.option("--search", metavar="TEXT", help="Full-text search in title and body."),
        click.option("--source", metavar="URL_OR_PATH", help="Only articles from this feed, file or folder."),
    ]

    @functools.wraps(func)
    def wrapper(*args: Any, countries: tuple[str, ...], pair: str | None,
                sectors: tuple[str, ...], lang: str | None, since: str | None,
                until: str | None, search: str | None, source: str | None, **kwargs: Any) -> Any:
        kwargs["filters"] = build_filters(countries, pair, sectors, lang, since, until, search, source)
        return func(*args, **kwargs)

    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper  # type: ignore[return-value]


def build_filters(
    countries: tuple[str, ...], pair: str | None, sectors: tuple[str, ...], lang: str | None,
    since: str | None, until: str | None, search: str | None, source: str | None,
) -> Filters:
    """Validated filters; a bad value is a usage error naming the option."""
    state = click.get_current_context().find_object(State)
    try:
        return parse_filters(
            countries=countries, pair=pair, sectors=sectors, lang=lang, since=since, until=until,
            search=search, source=source,
            known_sectors=sector_ids(state.config.sector_terms if state else None),
        )
    except FilterValueError as error:
        raise click.BadParameter(error.message, param_hint=FILTER_KEYS[error.key]) from None
