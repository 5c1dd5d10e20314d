"""Every cooperating pair: count, top sectors, last date, a monthly sparkline, spikes."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import DataTable, Footer, Header

from coopwatch.trends import is_spiking, sparkline, spike_days_since, trend_end
from coopwatch.tui.screens.base import CoopwatchScreen
from coopwatch.tui.widgets.pair_pane import PairPane
from coopwatch.types import Article, Filters, Pair, PairSummary

LATEST_HEADLINES = 5


class PairsScreen(CoopwatchScreen[Pair | None]):
    """Enter returns to the feed filtered to the selected pair."""

    BINDINGS = [("escape", "dismiss(None)", "Back")]

    @dataclass
    class Loaded(Message):
        summaries: list[PairSummary]

    @dataclass
    class PairLoaded(Message):
        summary: PairSummary
        latest: list[Article]
        languages: dict[str, int]

    def __init__(self, filters: Filters = Filters()) -> None:
        super().__init__()
        self.filters = filters
        self.summaries: dict[str, PairSummary] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield DataTable(id="pairs", cursor_type="row", zebra_stripes=True)
            yield PairPane(id="pair-pane")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # the trend before the sectors: on a narrow terminal the long column is the one cut
        for label in ("pair", "articles", "last", "12 months", "", "top sectors"):
            table.add_column(label, key=label or "spike")
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        with self.coopwatch.open_store() as store:
            summaries = store.pair_summaries(
                self.filters, days_since=spike_days_since(self.coopwatch.today()))
        self.post_message(self.Loaded(summaries))

    @on(Loaded)
    def _show(self, message: Loaded) -> None:
        table = self.query_one(DataTable)
        today = self.coopwatch.today()
        table.clear()
        self.summaries = {}
        for summary in message.summaries:
            key = "-".join(summary.pair)
            self.summaries[key] = summary
            spiking = is_spiking(summary.days, today)
            table.add_row(
                Text("–".join(summary.pair), style="bold"),
                Text(str(summary.count), justify="right"),
                Text(summary.last or "—"),
                Text(sparkline(summary.months, trend_end(summary.months, today)),
                     style="green"),
                Text("▲ spiking", style="bold red") if spiking else Text(""),
                Text(", ".join(list(summary.sectors)[:3])),
                key=key,
            )
        if not message.summaries:
            self.query_one(PairPane).show_nothing("no cooperating pairs yet")

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        summary = self.summaries.get(str(event.row_key.value))
        if summary is not None:
            self.load_pair(summary)

    @work(thread=True, group="pair", exclusive=True, exit_on_error=False)
    def load_pair(self, summary: PairSummary) -> None:
        filters = Filters(pair=summary.pair)
        with self.coopwatch.open_store() as store:
            latest = store.list_articles(filters, limit=LATEST_HEADLINES)
            languages = dict(store.language_counts(filters))
        self.post_message(self.PairLoaded(summary, latest, languages))

    @on(PairLoaded)
    def _show_pair(self, message: PairLoaded) -> None:
        self.query_one(PairPane).show(message.summary, message.latest, message.languages,
                                      self.coopwatch.today())

    @on(DataTable.RowSelected)
    def _choose(self, event: DataTable.RowSelected) -> None:
        summary = self.summaries.get(str(event.row_key.value))
        if summary is not None:
            self.dismiss(summary.pair)
