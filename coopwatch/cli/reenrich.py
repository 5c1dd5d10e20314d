"""`coopwatch reenrich`: stored articles tagged again by the current enrichment."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click
from rich.console import Console

from coopwatch.cli.options import State, filter_options, pass_state
from coopwatch.cli.output import json_text
from coopwatch.reenrich import ReenrichReport, reenrich, to_reenrich
from coopwatch.types import Filters
from coopwatch.vocabulary import VocabularyLoader


@contextmanager
def _progress_bar(console: Console, enabled: bool,
                  total: int) -> Iterator[Callable[[int], None] | None]:
    """A bar on stderr while batches are stored, only on a terminal (cron gets one line)."""
    if not (enabled and console.is_terminal and total):
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as RichProgress

    with RichProgress(TextColumn("re-enriching"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task("", total=total)
        yield lambda count: bar.update(task, advance=count)


def _summary(report: ReenrichReport) -> str:
    articles = "article" if report.reenriched == 1 else "articles"
    return f"re-enriched {report.reenriched} {articles} ({report.remaining} left)"


@click.command("reenrich")
@filter_options
@click.option("--all", "every", is_flag=True,
              help="Every matching article, not only those an older enrichment tagged.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object.")
@pass_state
def reenrich_command(state: State, filters: Filters, every: bool, as_json: bool) -> None:
    """Tag stored articles again with the current enrichment.

    After an upgrade changed enrichment's rules or data, or you changed [sectors] in the
    config, the stored countries, pairs, sectors and evidence are older than the code (`fetch`
    says so). This makes them again, for the articles the filters select, in batches: each is
    kept as it is done, so an interrupted run loses little and the next run goes on where it
    stopped. Texts and fetch data stay as they are. It waits for a running sync.

    \b
    Examples: coopwatch reenrich
              coopwatch reenrich --pair CN-RU --since 2024-01-01
              coopwatch reenrich --all --sector arctic --json
    """
    store = state.store()
    vocabulary = VocabularyLoader(state.config.sector_terms)
    err = Console(stderr=True, highlight=False, markup=False)
    bar = err.is_terminal and not as_json
    total = to_reenrich(store, vocabulary, filters, every) if bar else 0
    with _progress_bar(err, enabled=bar, total=total) as advance:
        report = reenrich(store, vocabulary, filters, every=every, progress=advance)
    click.echo(json_text(report.to_json()) if as_json else _summary(report))
