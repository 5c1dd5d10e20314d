"""Watches: saved filters with unseen counts, alerts after a sync, and the notify command."""

from __future__ import annotations

import logging
import subprocess
import unicodedata
from datetime import date

from coopwatch.config import Config
from coopwatch.errors import UsageError
from coopwatch.filterspec import check_sectors
from coopwatch.safety import one_line
from coopwatch.store import Store
from coopwatch.trends import is_spiking, spike_counts, spike_days_since
from coopwatch.types import Filters, PairSpike, Watch, WatchAlert, WatchMarks, WatchStatus
from coopwatch.vocabulary import sector_ids

log = logging.getLogger(__name__)
MAX_NAME = 60
NOTIFY_TIMEOUT_SECONDS = 10.0  # a hung notifier must not hold a cron sync


def all_watches(store: Store, config: Config) -> list[Watch]:
    """The config's watches, then the stored ones, each by name."""
    known = sector_ids(config.sector_terms)
    watches = [Watch(w.name, w.filters, f"config line {w.line}" if w.line else "config")
               for w in sorted(config.watches, key=lambda w: w.name)]
    taken = {w.name for w in watches}
    for stored in store.stored_watches():
        if stored.name in taken:
            continue  # the config's watch of the same name wins; `watch add` prevents this
        try:
            check_sectors(stored.filters.sectors, known)
        except ValueError as error:  # a user sector since removed from the config
            log.warning("watch %s is left out: %s", stored.name, error)
            continue
        watches.append(Watch(stored.name, stored.filters, "database"))
    return watches


def check_name(name: str) -> str:
    """A watch name a person can type back: one line, not empty, not too long."""
    cleaned = name.strip()
    if not cleaned:
        raise UsageError("a watch needs a name")
    if len(cleaned) > MAX_NAME:
        raise UsageError(f"a watch name has at most {MAX_NAME} characters")
    if any(unicodedata.category(char).startswith("C") for char in cleaned):
        raise UsageError("a watch name cannot hold control characters")
    return cleaned


def add_watch(store: Store, config: Config, name: str, filters: Filters) -> Watch:
    """Save filters as a watch; its unseen count starts at zero."""
    name = check_name(name)
    if not filters.active:
        raise UsageError("a watch needs at least one filter (--pair, --country, --sector, ...)")
    if any(w.name == name for w in config.watches):
        raise UsageError(f"watch {name!r} is already in the config {config.path}")
    if not store.add_watch(name, filters):
        raise UsageError(f"watch {name!r} exists; remove it first or choose another name")
    return Watch(name, filters, "database")


def remove_watch(store: Store, config: Config, name: str) -> None:
    """Forget a stored watch; a config watch is removed by editing the config."""
    written = next((w for w in config.watches if w.name == name), None)
    if written is not None:
        where = f", line {written.line}" if written.line else ""
        raise UsageError(f"watch {name!r} is written in the config {config.path}{where}: "
                         "remove it there")
    if not store.remove_watch(name):
        raise UsageError(f"no watch named {name!r}; `coopwatch watch list` shows them")


def _marks(store: Store, watches: list[Watch], start: int | None = None) -> dict[str, WatchMarks]:
    """Every watch's marks; a config watch met for the first time starts at start (by default
    the newest article), so only what arrives after it is unseen or new."""
    marks = store.watch_marks()
    missing = {w.name for w in watches} - set(marks)
    if missing:
        first = store.newest_article_id() if start is None else start
        fresh = {name: WatchMarks(first, first) for name in missing}
        store.set_watch_marks(fresh)
        marks.update(fresh)
    return marks


def watch_statuses(store: Store, config: Config, today: date) -> list[WatchStatus]:
    """Every watch with its article count, unseen count and spike flag."""
    watches = all_watches(store, config)
    marks = _marks(store, watches)
    statuses = []
    for watch in watches:
        counts = store.watch_counts(watch.filters, marks[watch.name], spike_days_since(today))
        statuses.append(WatchStatus(watch, counts.articles, counts.unseen,
                                    spike_counts(counts.days, today)[0],
                                    is_spiking(counts.days, today)))
    return statuses


def mark_seen(store: Store, config: Config, names: list[str] | None = None) -> list[str]:
    """Everything in these watches (all when None) counts as seen; returns the names marked."""
    watches = all_watches(store, config)
    if names is not None:
        unknown = sorted(set(names) - {w.name for w in watches})
        if unknown:
            raise UsageError(f"no watch named {unknown[0]!r}; `coopwatch watch list` shows them")
        watches = [w for w in watches if w.name in names]
    marks = _marks(store, watches)
    newest = store.newest_article_id()
    store.set_watch_marks({w.name: marks[w.name]._replace(seen_through=newest) for w in watches})
    return [w.name for w in watches]


def report_alerts(store: Store, config: Config, before_id: int,
                  today: date) -> tuple[list[WatchAlert], list[PairSpike]]:
    """What a sync that started at article before_id should tell: new articles per watch, and
    the spiking pairs it brought articles for. A watch's new articles are reported once."""
    watches = all_watches(store, config)
    marks = _marks(store, watches, start=before_id)
    newest = store.newest_article_id()
    alerts = []
    for watch in watches:
        counts = store.watch_counts(watch.filters, marks[watch.name], spike_days_since(today))
        if counts.new:
            alerts.append(WatchAlert(watch.name, counts.new, is_spiking(counts.days, today)))
    store.set_watch_marks({w.name: marks[w.name]._replace(reported_through=newest)
                           for w in watches})
    spikes = []
    days = store.pair_days(store.pairs_newer_than(before_id), spike_days_since(today))
    for pair, counts_by_day in days.items():
        if is_spiking(counts_by_day, today):
            recent, baseline = spike_counts(counts_by_day, today)
            spikes.append(PairSpike(pair, recent, baseline))
    spikes.sort(key=lambda spike: (-spike.last_7_days, spike.pair))
    return alerts, spikes


def run_notify_command(command: tuple[str, ...], alerts: list[WatchAlert]) -> list[str]:
    """Run the user's notify command once per alert, never through a shell: the watch name and
    the count are its last two arguments. Returns one line per failure."""
    failures = []
    for alert in alerts:
        argv = [*command, alert.watch, str(alert.new)]
        try:
            finished = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True,
                                      timeout=NOTIFY_TIMEOUT_SECONDS, check=False)
        except FileNotFoundError:
            failures.append(f"notify command not found: {one_line(command[0], 200)}")
            break  # the same for every alert
        except (OSError, subprocess.SubprocessError) as exc:
            failures.append(f"notify command failed for watch {alert.watch}: {one_line(str(exc))}")
            continue
        if finished.returncode != 0:
            said = one_line(finished.stderr.decode("utf-8", "replace"), 200)
            failures.append(f"notify command exited {finished.returncode} for watch "
                            f"{alert.watch}" + (f": {said}" if said else ""))
    return failures
