"""Every source with its health: status, last error, last success, article count."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import DataTable, Footer, Header

from coopwatch.safety import one_line
from coopwatch.tui.clock import local_time
from coopwatch.tui.screens.base import CoopwatchScreen
from coopwatch.types import Source


class FeedsScreen(CoopwatchScreen[None]):
    """Failing sources are marked; `r` (sync) refreshes it."""

    BINDINGS = [("escape", "app.pop_screen", "Back")]

    @dataclass
    class Loaded(Message):
        sources: list[Source]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="feeds", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for label in ("", "source", "status", "articles", "last success", "next poll", "error"):
            table.add_column(label, key=label or "mark")
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        with self.coopwatch.open_store() as store:
            sources = store.list_sources()
        self.post_message(self.Loaded(sources))

    @on(Loaded)
    def _show(self, message: Loaded) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for source in message.sources:
            failing = source.last_status == "failed"
            table.add_row(
                Text("✗", style="bold red") if failing else Text("✓", style="green")
                if source.last_status else Text("·", style="dim"),
                Text(one_line(source.title or source.url, 50)),
                Text(source.last_status or "never synced",
                     style="bold red" if failing else ""),
                Text(str(source.articles), justify="right"),
                Text(local_time(source.last_success)),
                Text(local_time(source.next_poll)),
                Text(one_line(source.last_error, 60), style="red"),
                key=source.url,
            )
        if not message.sources:
            table.add_row(Text(""), Text("no sources yet: coopwatch feeds add URL"), *[Text("")] * 5)
