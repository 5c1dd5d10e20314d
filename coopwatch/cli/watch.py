"""`coopwatch watch`: saved filters that tell you when something new matches them."""

from __future__ import annotations

from datetime import date

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from coopwatch.cli.options import State, completion_state, filter_options, pass_state
from coopwatch.cli.output import json_text, print_rows
from coopwatch.filterspec import filters_as_options
from coopwatch.safety import one_line
from coopwatch.types import Filters, WatchStatus
from coopwatch.watches import add_watch, all_watches, mark_seen, remove_watch, watch_statuses


def _watch_names(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion: the watch names, read from the database the options point at."""
    from coopwatch.store import open_store

    state = completion_state(ctx)
    if not state.db_path.exists():  # completing a word must not create a database
        return []
    try:
        with open_store(state.db_path) as store:
            return [w.name for w in all_watches(store, state.config)
                    if w.name.startswith(incomplete)]
    except Exception:  # noqa: BLE001 (completion must never print a traceback into the shell)
        return []


@click.group()
def watch() -> None:
    """Watches: saved filters with a count of unseen articles, told after every sync.

    \b
    Examples: coopwatch watch add cn-ru-ai --pair CN-RU --sector ai
              coopwatch watch list
              coopwatch watch remove cn-ru-ai
    """


@watch.command("add")
@click.argument("name")
@filter_options
@pass_state
def add(state: State, name: str, filters: Filters) -> None:
    """Save the filters (those of `list`) as a watch named NAME.

    From now on `fetch`, the dashboard and the notify command tell how many new articles match.

    Example: coopwatch watch add vn-jp-chips --pair VN-JP --sector semiconductors
    """
    saved = add_watch(state.store(), state.config, name, filters)
    click.echo(f"watching {one_line(saved.name)}: {one_line(filters_as_options(saved.filters))}")


@watch.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of watches.")
@pass_state
def list_watches(state: State, as_json: bool) -> None:
    """Every watch: articles, unseen since last looked at, last 7 days, spike, filters.

    Example: coopwatch watch list --json
    """
    statuses = watch_statuses(state.store(), state.config, date.today())
    if as_json:
        click.echo(json_text([_status_json(status) for status in statuses]))
        return
    console = Console(highlight=False, markup=False, emoji=False, soft_wrap=False)
    if not statuses:
        click.echo("no watches yet; add one with: coopwatch watch add NAME --pair CN-RU", err=True)
        return
    rows = [(one_line(s.watch.name), str(s.articles), str(s.unseen), str(s.last_7_days),
             "spiking" if s.spiking else "", one_line(filters_as_options(s.watch.filters)),
             s.watch.origin) for s in statuses]
    def table() -> Table:
        shown = Table(show_edge=False, pad_edge=False)
        for column in ("watch", "articles", "unseen", "7 days", "", "filters", "from"):
            shown.add_column(column)
        for row in rows:
            shown.add_row(*(Text(cell) for cell in row[:4]),
                          Text("▲ spiking", style="bold red") if row[4] else Text(""),
                          Text(row[5]), Text(row[6], style="dim"))
        return shown

    print_rows(console, rows, table)


def _status_json(status: WatchStatus) -> dict[str, object]:
    return {
        "name": status.watch.name,
        "filters": status.watch.filters.to_json(),
        "origin": status.watch.origin,
        "articles": status.articles,
        "unseen": status.unseen,
        "last_7_days": status.last_7_days,
        "spiking": status.spiking,
    }


@watch.command("remove")
@click.argument("name", shell_complete=_watch_names)
@pass_state
def remove(state: State, name: str) -> None:
    """Forget the watch NAME (the articles stay).

    Example: coopwatch watch remove cn-ru-ai
    """
    remove_watch(state.store(), state.config, name)
    click.echo(f"removed watch {one_line(name)}")


@watch.command("seen")
@click.argument("names", metavar="[NAME]...", nargs=-1, shell_complete=_watch_names)
@pass_state
def seen(state: State, names: tuple[str, ...]) -> None:
    """Count everything in these watches (all when none is named) as seen.

    Example: coopwatch watch seen cn-ru-ai
    """
    marked = mark_seen(state.store(), state.config, list(names) or None)
    click.echo(f"marked {len(marked)} watch{'es' if len(marked) != 1 else ''} as seen")
