"""`coopwatch ingest` and `coopwatch fetch`: bringing articles in."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from coopwatch.cli.options import State, pass_state
from coopwatch.cli.output import json_text
from coopwatch.errors import UsageError
from coopwatch.reenrich import stale_count, stale_note
from coopwatch.safety import one_line
from coopwatch.types import SourceResult, SyncReport
from coopwatch.update.health import Progress
from coopwatch.update.run import fetch_all, source_count
from coopwatch.vocabulary import VocabularyLoader, load_vocabulary
from coopwatch.webaddress import is_web_url


def _source_line(result: SourceResult) -> str:
    if result.status == "failed":
        return f"failed     {one_line(result.source)}: {one_line(result.error)}"
    line = f"{result.status:<10} {one_line(result.source)}  new {result.new}, updated {result.updated}"
    if result.copies:
        line += f", already in other sources {result.copies}"
    if result.skipped:
        line += f", skipped {len(result.skipped)}"
    return line


def _print_report(report: SyncReport, quiet: bool = False) -> None:
    out = click.echo
    for result in report.sources:
        if not quiet or result.status == "failed" or result.skipped:
            out(_source_line(result))
        for skipped in result.skipped:
            # click, not Rich: a console would wrap a long path onto a second line
            out(f"  skipped {one_line(skipped.path)}: {one_line(skipped.reason)}", err=True)
        if not quiet:
            for note in result.notes:
                out(f"  note: {one_line(note)}", err=True)
    if not quiet:
        later = f", {len(report.not_due)} not due yet" if report.not_due else ""
        out(f"total: {report.new} new, {report.updated} updated, {report.failed} failed{later} "
            f"in {report.seconds:.1f} s")
    # alerts are what a cron job's mail is for: printed even with --quiet
    for alert in report.alerts or ():
        out(f"watch {one_line(alert.watch)}: {alert.new} new"
            + ("  ▲ spiking" if alert.spiking else ""))
    for spike in report.spiking_pairs or ():
        out(f"spiking {'–'.join(spike.pair)}: {spike.last_7_days} articles in the last 7 days"
            f" (usually {spike.baseline:.1f} a week)")
    for note in report.notes:
        out(f"note: {one_line(note, 300)}", err=True)


@contextmanager
def _progress_bar(enabled: bool, total: Callable[[], int]) -> Iterator[Progress | None]:
    """A bar on stderr while sources finish, only on a terminal (cron gets plain lines)."""
    if not enabled:  # --quiet and --json: rich is not even imported
        yield None
        return
    from rich.console import Console

    console = Console(stderr=True, highlight=False, markup=False)
    if not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as RichProgress

    with RichProgress(
        TextColumn("syncing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=console, transient=True,
    ) as bar:
        task = bar.add_task("", total=total())

        def advance(result: SourceResult) -> None:
            bar.update(task, advance=1, description=one_line(result.source, 60))

        yield advance


def _exit_code(report: SyncReport) -> int:
    problems = report.failed + sum(len(r.skipped) for r in report.sources)
    return 1 if problems else 0


@click.command()
@click.argument("paths_", metavar="PATH...", nargs=-1, required=True,
                type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object.")
@pass_state
def ingest(state: State, paths_: tuple[Path, ...], as_json: bool) -> None:
    """Import local files and folders (recursively).

    Page texts (.txt, .md), HTML pages (.html, .htm) and feed files (.xml, .rss, .atom,
    .json). Importing the same file twice stores it once; a changed file is updated.
    Exits 1 when some files were skipped (each is named, with the reason).

    Example: coopwatch ingest ~/saved-pages/ report.html
    """
    from coopwatch.update.local import (
        ingest_paths,  # enrichment's imports, which fetch may never need
    )

    vocabulary = load_vocabulary(state.config.sector_terms)
    report = ingest_paths(state.store(), paths_, vocabulary)
    if as_json:
        click.echo(json_text(report.to_json()))
    else:
        _print_report(report)
    raise SystemExit(_exit_code(report))


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the result as one JSON object.")
@click.option("--feed", "feeds", multiple=True, metavar="URL", help="Sync only this feed (repeatable).")
@click.option("--concurrency", type=click.IntRange(1, 256), default=16, show_default=True,
              help="Feeds fetched at once.")
@click.option("--timeout", type=click.FloatRange(0.1, 3600), default=30.0, show_default=True,
              help="Seconds a feed may take in all.")
@click.option("--quiet", "-q", is_flag=True, help="Print only failures (for cron).")
@click.option("--due", "due_only", is_flag=True,
              help="Only the feeds whose next poll has come: what their servers asked for (ttl, "
                   "Cache-Control max-age, Retry-After) and a failing feed's back-off are kept "
                   "(for cron).")
@pass_state
def fetch(state: State, as_json: bool, feeds: tuple[str, ...], concurrency: int, timeout: float,
          quiet: bool, due_only: bool) -> None:
    """Sync every configured source once, headless (fit for cron).

    Feeds are those added with `feeds add` or `feeds import`, or only the --feed URLs given;
    local folders come from [sources] folders in the config (by default the bundled seeds).
    Exits 0 when every source worked, 1 when some failed (the rest are stored).

    Then it tells each watch's new articles ("watch NAME: 3 new"), even with --quiet, runs the
    config's [alerts] notify_command for each, and names the pairs the new articles push into a
    spike (their last 7 days well above their usual week).

    With --due, a feed is left for a later sync until its next poll time (`feeds list`
    shows it): a server that asks for an hour gets an hour, and a failing feed is tried again
    after 15 minutes, then 30, doubling up to a day, not at every run.

    \b
    Examples: coopwatch fetch --json
              coopwatch fetch --quiet --due   # in a crontab: polite, and mails only failures
                                              # and alerts
    """
    bad = [url for url in feeds if not is_web_url(url)]
    if bad:
        raise UsageError(f"{one_line(bad[0], 100)} is not an http or https address")
    store, config = state.store(), state.config
    vocabulary = VocabularyLoader(config.sector_terms)
    with _progress_bar(not (as_json or quiet),
                       lambda: source_count(store, config, feeds, due_only)) as advance:
        report = fetch_all(store, config, vocabulary, feeds=feeds, concurrency=concurrency,
                           timeout=timeout, progress=advance, due_only=due_only)
    # --quiet is for cron, which mails what is printed: a stale-tags note is not news there
    stale = None if quiet and not as_json else stale_count(store, config.sector_terms)
    if as_json:
        click.echo(json_text({**report.to_json(), "stale_articles": stale}))
        for note in report.notes:
            click.echo(f"note: {one_line(note, 300)}", err=True)
    else:
        _print_report(report, quiet)
    if stale and not quiet:
        click.echo(f"note: {stale_note(stale)}", err=True)
    raise SystemExit(1 if report.failed else 0)
