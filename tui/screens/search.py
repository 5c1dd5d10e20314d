"""Full-text search: type words, Enter filters the feed by them."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class SearchScreen(ModalScreen[str | None]):
    """Dismisses with the search text ("" clears it), or None on Escape."""

    BINDINGS = [("escape", "dismiss(None)", "Back")]

    def __init__(self, current: str | None) -> None:
        super().__init__()
        self.current = current or ""

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Label(Text("Search titles and text (any language)"), id="picker-title")
            yield Input(value=self.current, placeholder="words, or \"a phrase\"", id="search-input")

    @on(Input.Submitted)
    def _search(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())
