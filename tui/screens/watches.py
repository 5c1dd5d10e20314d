"""Every watch with its unseen count: open one, watch the feed's filters, or remove one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, Static

from coopwatch.config import Config
from coopwatch.errors import CoopwatchError
from coopwatch.filterspec import filters_as_options, suggest_name
from coopwatch.safety import one_line
from coopwatch.store import Store
from coopwatch.tui.screens.base import CoopwatchScreen
from coopwatch.tui.screens.prompt import PromptScreen
from coopwatch.tui.widgets.filter_bar import describe
from coopwatch.types import Filters, WatchStatus
from coopwatch.watches import add_watch, mark_seen, remove_watch, watch_statuses


class WatchesScreen(CoopwatchScreen[Filters | None]):
    """Dismisses with the filters of the watch opened (now seen), or None."""

    BINDINGS = [
        ("escape", "dismiss(None)", "Back"),
        ("a", "add", "Watch current filters"),
        ("d", "remove", "Remove"),
    ]

    @dataclass
    class Loaded(Message):
        statuses: list[WatchStatus]

    @dataclass
    class Done(Message):
        """A change finished: say it, and show the watches again (or leave with filters)."""

        note: str
        error: bool = False
        leave_with: Filters | None = None

    def __init__(self, current: Filters) -> None:
        super().__init__()
        self.current = current
        self.statuses: dict[str, WatchStatus] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="watches-hint")
        yield DataTable(id="watches", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        hint = Text("Enter opens a watch · a watches the feed's filters:", style="dim")
        hint.append_text(describe(self.current, hints=False) if self.current.active
                         else Text(" none yet (choose some with c, s, l, / or p)", style="dim"))
        self.query_one("#watches-hint", Static).update(hint)
        table = self.query_one(DataTable)
        for label in ("watch", "unseen", "articles", "7 days", "", "filters"):
            table.add_column(label, key=label or "spike")
        self.load()


    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        with self.coopwatch.open_store() as store:
            statuses = watch_statuses(store, self.coopwatch.config,
                                      self.coopwatch.today())
        self.post_message(self.Loaded(statuses))

    @on(Loaded)
    def _show(self, message: Loaded) -> None:
        table = self.query_one(DataTable)
        table.clear()
        self.statuses = {s.watch.name: s for s in message.statuses}
        for status in message.statuses:
            table.add_row(
                Text(one_line(status.watch.name, 40), style="bold"),
                Text(str(status.unseen) if status.unseen else "·", justify="right",
                     style="bold yellow" if status.unseen else "dim"),
                Text(str(status.articles), justify="right"),
                Text(str(status.last_7_days), justify="right"),
                Text("▲ spiking", style="bold red") if status.spiking else Text(""),
                Text(one_line(filters_as_options(status.watch.filters), 80), style="dim"),
                key=status.watch.name,
            )
        if not message.statuses:
            table.add_row(Text("no watches yet: filter the feed, then w and a", style="dim"),
                          *[Text("")] * 5)

    def _selected(self) -> WatchStatus | None:
        table = self.query_one(DataTable)
        if not self.statuses or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.statuses.get(str(key))

    @on(DataTable.RowSelected)
    def _open(self, _: DataTable.RowSelected) -> None:
        status = self._selected()
        if status is not None:
            self.change(lambda store, config: mark_seen(store, config, [status.watch.name]),
                        "", leave_with=status.watch.filters)

    def action_add(self) -> None:
        if not self.current.active:
            self.notify("Choose filters in the feed first (c, s, l, / or p); a watch saves them",
                        severity="warning", markup=False)
            return
        filters = self.current

        def named(name: str | None) -> None:
            if name:
                self.change(lambda store, config: add_watch(store, config, name, filters),
                            f"watching {one_line(name, 60)}")
        self.app.push_screen(
            PromptScreen("Name this watch", suggest_name(filters), "a name, e.g. cn-ru-ai",
                         input_id="watch-name"), named)

    def action_remove(self) -> None:
        status = self._selected()
        if status is None:
            return
        name = status.watch.name
        self.change(lambda store, config: remove_watch(store, config, name),
                    f"removed watch {one_line(name, 60)}")

    @work(thread=True, group="change", exit_on_error=False)
    def change(self, do: Callable[[Store, Config], object], note: str,
               leave_with: Filters | None = None) -> None:
        try:
            with self.coopwatch.open_store() as store:
                do(store, self.coopwatch.config)
        except CoopwatchError as error:
            self.post_message(self.Done(str(error), error=True))
            return
        self.post_message(self.Done(note, leave_with=leave_with))

    @on(Done)
    def _done(self, message: Done) -> None:
        if message.note:
            self.notify(one_line(message.note, 200), markup=False,
                        severity="error" if message.error else "information")
        if message.leave_with is not None:
            self.dismiss(message.leave_with)
        else:
            self.load()
