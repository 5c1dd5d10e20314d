"""`coopwatch feeds`: subscriptions and their health."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from coopwatch.cli.opml import read_opml, write_opml
from coopwatch.cli.options import State, pass_state
from coopwatch.cli.output import json_text, print_rows
from coopwatch.errors import UsageError
from coopwatch.filterspec import country_code
from coopwatch.safety import one_line
from coopwatch.webaddress import is_web_url


@click.group()
def feeds() -> None:
    """Manage feed subscriptions: add, list (with health), remove, import and export OPML.

    \b
    Examples: coopwatch feeds import subscriptions.opml
              coopwatch feeds add https://tass.com/rss/v2.xml --country RU
              coopwatch feeds list
    """


def _country_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    code = country_code(value)
    if code is None:
        raise click.BadParameter(f"{value!r} is not a two-letter country code like RU")
    return code


@feeds.command("add")
@click.argument("url")
@click.option("--name", help="A title to show instead of the feed's own.")
@click.option("--full-text-below", type=click.IntRange(0), metavar="CHARS",
              help="Fetch the page of an item shorter than this (0: never). "
                   "Default: [fetch] full_text_below in the config (300).")
@click.option("--country", metavar="CC", callback=_country_option,
              help="The country the feed reports from, to split coverage (pairs --source-country).")
@pass_state
def add(state: State, url: str, name: str | None, full_text_below: int | None,
        country: str | None) -> None:
    """Subscribe to a feed (again with --full-text-below or --country: change that setting).

    Example: coopwatch feeds add https://tass.com/rss/v2.xml --name TASS --country RU
    """
    if not is_web_url(url):
        raise UsageError(f"{one_line(url, 100)} is not an http or https address")
    store, url = state.store(), url.strip()
    if store.add_source(url, "feed", name, full_text_below=full_text_below, country=country):
        click.echo(f"added {one_line(url)}")
        return
    changed = []
    if full_text_below is not None:
        store.set_full_text_below(url, full_text_below)
        changed.append(f"full text below {full_text_below} characters")
    if country is not None:
        store.set_source_country(url, country)
        changed.append(f"reports from {country}")
    click.echo(f"{'; '.join(changed)}: {one_line(url)}" if changed
               else f"already subscribed: {one_line(url)}")


@feeds.command("remove")
@click.argument("url")
@pass_state
def remove(state: State, url: str) -> None:
    """Unsubscribe from a feed (its stored articles stay).

    Example: coopwatch feeds remove https://example.org/news.rss
    """
    if not state.store().remove_source(url.strip()):
        raise UsageError(f"not subscribed: {one_line(url, 200)}")
    click.echo(f"removed {one_line(url)}")


@feeds.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
@pass_state
def list_feeds(state: State, as_json: bool) -> None:
    """Every feed with its health: last status, last error, last success, articles.

    Example: coopwatch feeds list --json
    """
    sources = state.store().list_sources("feed")
    if as_json:
        click.echo(json_text([s.to_json() for s in sources]))
        return
    def table() -> Table:
        shown = Table(show_edge=False, pad_edge=False)
        for name in ("status", "feed", "articles", "last success", "last error"):
            shown.add_column(name)
        for s in sources:
            mark = "✗ " if s.last_status == "failed" else ""
            shown.add_row(Text(mark + (s.last_status or "new")), Text(one_line(s.title or s.url, 60)),
                          Text(str(s.articles)), Text(s.last_success or "—"),
                          Text(one_line(s.last_error, 60) or ""))
        return shown

    print_rows(Console(highlight=False, markup=False, emoji=False),
               ([s.last_status or "new", s.url, str(s.articles), s.last_success or "", s.last_error or ""]
                for s in sources), table)


@feeds.command("import")
@click.argument("opml_file", metavar="FILE.opml",
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@pass_state
def import_opml(state: State, opml_file: Path) -> None:
    """Subscribe to every feed of an OPML file; folders become tags, and an outline's
    country="RU" attribute is the country the feed reports from (see pairs --source-country).

    Example: coopwatch feeds import subscriptions.opml
    """
    try:
        data = opml_file.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {opml_file}: {exc.strerror or exc}") from None
    subscriptions, refused = read_opml(data, str(opml_file))
    store = state.store()
    added = sum(store.add_source(s.url, "feed", s.title, s.tags, country=s.country)
                for s in subscriptions)
    for reason in refused:
        click.echo(f"skipped {one_line(reason)}", err=True)
    click.echo(f"imported {added} new feeds of {len(subscriptions)} in {opml_file.name}")


@feeds.command("export")
@pass_state
def export_opml(state: State) -> None:
    """Write the subscriptions as OPML 2.0 to stdout.

    Example: coopwatch feeds export > subscriptions.opml
    """
    click.echo(write_opml(state.store().list_sources("feed")), nl=False)
