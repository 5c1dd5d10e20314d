"""The dashboard application: config, screens, global keys, and the sync and watch workers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from textual import on, work
from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from coopwatch import paths
from coopwatch.config import Config
from coopwatch.errors import CoopwatchError
from coopwatch.reenrich import stale_count, stale_note
from coopwatch.safety import one_line
from coopwatch.store import Store, open_store
from coopwatch.tui.clock import local_time_short
from coopwatch.tui.messages import (
    DataChanged,
    StaleTagsCounted,
    SyncStateChanged,
    UnseenCounted,
)
from coopwatch.tui.screens.feed import FeedScreen
from coopwatch.tui.screens.feeds import FeedsScreen
from coopwatch.tui.screens.help import HelpScreen
from coopwatch.tui.screens.pairs import PairsScreen
from coopwatch.tui.screens.watches import WatchesScreen
from coopwatch.types import Filters, Pair, SourceResult, SyncReport
from coopwatch.update.local import ingest_paths
from coopwatch.update.run import fetch_all, source_count
from coopwatch.vocabulary import VocabularyLoader
from coopwatch.watches import watch_statuses

WATCH_SECONDS = 10.0  # how often to look for articles a `coopwatch fetch` elsewhere stored


class CoopwatchApp(App[None]):
    """coopwatch in a terminal."""

    CSS_PATH = "app.tcss"
    # below 120 columns the pair pane hides, so the feed keeps its headlines
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    TITLE = "coopwatch"
    BINDINGS = [
        ("q", "quit", "Quit"),
        ("question_mark", "help", "Help"),
        ("r", "sync", "Sync"),
        ("p", "pairs", "Pairs"),
        ("f", "feeds", "Feeds"),
        ("w", "watches", "Watches"),
    ]

    def __init__(self, config: Config, db_path: Path,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.config = config
        self.db_path = db_path
        # one vocabulary for the app's life: its term indexes, built per language as texts
        # need them, serve every sync and article view after the first (workers share it)
        self.vocabulary = VocabularyLoader(config.sector_terms)
        self.today = today  # trends end today; tests fix the day
        self.total = 0
        self.unseen = 0  # in all watches
        self.last_sync: str | None = None
        self.syncing = False
        self._sync_done = self._sync_total = 0  # sources, while a sync runs
        self._marker: tuple[int, str] | None = None


    def open_store(self) -> Store:
        """The app's database, opened for one job: a screen or a worker thread closes it after."""
        return open_store(self.db_path)

    def on_mount(self) -> None:
        self.push_screen(FeedScreen())
        self.prepare()
        self.set_interval(max(60.0, self.config.sync_interval_minutes * 60), self.scheduled_sync)
        self.set_interval(WATCH_SECONDS, self.watch_store)

    def _show_state(self) -> None:
        progress = f" {self._sync_done}/{self._sync_total}" if self._sync_total else ""
        sync = f"syncing{progress}…" if self.syncing else (
            f"synced {local_time_short(self.last_sync, self.today())}" if self.last_sync
            else "never synced")
        unseen = f" · {self.unseen} unseen in watches" if self.unseen else ""
        self.sub_title = f"{self.db_path.name} · {self.total} articles{unseen} · {sync}"

    # -- workers: they call the core and post messages -----------------------------------------

    @work(thread=True, group="store", exit_on_error=False)
    def prepare(self) -> None:
        """On an empty database, import the bundled seeds so a first start shows articles;
        count the articles an older enrichment tagged."""
        with self.open_store() as store:
            seeded = 0
            if store.count_articles() == 0:
                seeded = ingest_paths(store, [paths.seeds_dir()], self.vocabulary()).new
            self._marker = store.change_marker()
            self.total, self.last_sync = store.count_articles(), store.last_sync()
            stale = stale_count(store, self.config.sector_terms)
        self.post_message(DataChanged(new_articles=seeded))
        self.post_message(StaleTagsCounted(stale))

    @work(thread=True, group="store", exit_on_error=False)
    def watch_store(self) -> None:
        with self.open_store() as store:
            marker = store.change_marker()
            changed, self._marker = marker != self._marker, marker
            before = self.total
            self.total, self.last_sync = store.count_articles(), store.last_sync()
        self.post_message(DataChanged(new_articles=max(0, self.total - before), changed=changed))

    @work(thread=True, group="unseen", exclusive=True, exit_on_error=False)
    def count_unseen(self) -> None:
        with self.open_store() as store:
            statuses = watch_statuses(store, self.config, self.today())
        self.post_message(UnseenCounted(sum(status.unseen for status in statuses)))

    @work(thread=True, group="sync", exclusive=True, exit_on_error=False)
    def run_sync(self, due_only: bool = False) -> None:
        self.post_message(SyncStateChanged(running=True))
        try:
            with self.open_store() as store:
                total, done = source_count(store, self.config, due_only=due_only), 0

                def progress(_: SourceResult) -> None:
                    nonlocal done
                    done += 1
                    self.post_message(SyncStateChanged(running=True, done=done, total=total))

                report = fetch_all(store, self.config, self.vocabulary, progress=progress,
                                   today=self.today, due_only=due_only)
        except CoopwatchError as error:
            self.post_message(SyncStateChanged(running=False, error=str(error)))
            return
        self.post_message(SyncStateChanged(running=False, report=report))

    # -- what the workers say ------------------------------------------------------------------

    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            message = str(error) if isinstance(error, CoopwatchError) else (
                f"{type(error).__name__}: {error}")
            self.notify(one_line(message, 200), title="Something went wrong", severity="error",
                        markup=False)

    @on(UnseenCounted)
    def _unseen_counted(self, message: UnseenCounted) -> None:
        self.unseen = message.unseen
        self._show_state()

    @on(StaleTagsCounted)
    def _stale_tags_counted(self, message: StaleTagsCounted) -> None:
        note = stale_note(message.stale)
        if note:
            self.notify(note, title="Tags out of date", markup=False, timeout=15)

    @on(DataChanged)
    def _data_changed(self, message: DataChanged) -> None:
        self._show_state()
        if message.new_articles:
            plural = "s" if message.new_articles != 1 else ""
            self.notify(f"{message.new_articles} new article{plural}", markup=False)
        if not message.changed:
            return
        self.count_unseen()
        for screen in self.screen_stack:
            if isinstance(screen, FeedScreen):
                screen.reload()

    @on(SyncStateChanged)
    def _sync_state(self, message: SyncStateChanged) -> None:
        self.syncing = message.running
        self._sync_done, self._sync_total = message.done, message.total
        self._show_state()
        if message.error:
            self.notify(one_line(message.error, 200), title="Sync failed", severity="error",
                        markup=False)
        if message.report is not None:
            self._tell_alerts(message.report)
            if message.report.failed:
                self.notify(f"{message.report.failed} source(s) failed; press f for details",
                            severity="warning", markup=False)
            self.watch_store()
            if isinstance(self.screen, FeedsScreen):
                self.screen.load()

    def _tell_alerts(self, report: SyncReport) -> None:
        for alert in report.alerts or ():
            self.notify(f"{one_line(alert.watch, 60)}: {alert.new} new"
                        + ("  ▲ spiking" if alert.spiking else "") + "  (w shows watches)",
                        title="Watch", markup=False, timeout=15)
        for spike in (report.spiking_pairs or [])[:3]:
            self.notify(f"{'–'.join(spike.pair)}: {spike.last_7_days} articles in 7 days,"
                        f" usually {spike.baseline:.1f} a week", title="▲ Spiking", markup=False,
                        timeout=15)
        for note in report.notes:
            self.notify(one_line(note, 200), severity="warning", markup=False)

    # -- keys ------------------------------------------------------------------------------------

    def action_sync(self) -> None:
        """r: every feed, now."""
        self._sync(due_only=False)

    def scheduled_sync(self) -> None:
        """The background sync: the feeds whose next poll has come, as `fetch --due`."""
        self._sync(due_only=True)

    def _sync(self, due_only: bool) -> None:
        if not self.syncing:
            self.syncing = True
            self._show_state()
            self.run_sync(due_only)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def _feed(self) -> FeedScreen | None:
        """The feed screen, at the bottom of the stack once mounted."""
        return next((s for s in self.screen_stack if isinstance(s, FeedScreen)), None)

    def action_pairs(self) -> None:
        feed = self._feed()
        if feed is None or isinstance(self.screen, PairsScreen):
            return

        def chosen(pair: Pair | None) -> None:
            if pair is not None:
                feed.filter_pair(pair)
        self.push_screen(PairsScreen(), chosen)

    def action_watches(self) -> None:
        feed = self._feed()
        if feed is None or isinstance(self.screen, WatchesScreen):
            return

        def opened(filters: Filters | None) -> None:
            if filters is not None:
                feed.set_filters(filters)
            self.count_unseen()
        self.push_screen(WatchesScreen(feed.filters), opened)

    def action_feeds(self) -> None:
        if not isinstance(self.screen, FeedsScreen):
            self.push_screen(FeedsScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Sync now", "Fetch every feed and folder", self.action_sync)
        yield SystemCommand("Pairs", "Every cooperating pair with its trend", self.action_pairs)
        yield SystemCommand("Feeds", "Every source and its health", self.action_feeds)
        yield SystemCommand("Watches", "Saved filters and their unseen articles",
                            self.action_watches)
        yield SystemCommand("Keys", "What every key does", self.action_help)
        feed = self._feed()
        if feed is not None:
            yield SystemCommand("Filter by country", "Add a country filter", feed.action_pick_country)
            yield SystemCommand("Filter by sector", "Add a sector filter", feed.action_pick_sector)
            yield SystemCommand("Filter by language", "Choose a language", feed.action_pick_language)
            yield SystemCommand("Search", "Full-text search", feed.action_search)
            yield SystemCommand("Clear filters", "Show every article", feed.action_clear_filters)
            yield SystemCommand("Translate headlines", "Headlines in the translation language,"
                                " or as written", feed.action_toggle_headlines)


def make_app(config: Config, db_path: Path,
             today: Callable[[], date] = date.today) -> CoopwatchApp:
    """The one factory the CLI and the tests use."""
    return CoopwatchApp(config, db_path, today)
