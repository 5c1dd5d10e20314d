"""The keys, on one screen."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS = [
    ("c", "add a country filter (English name or ISO code)"),
    ("s", "add a sector filter"),
    ("l", "filter by language"),
    ("/", "full-text search"),
    ("x", "clear every filter"),
    ("t", "headlines in the translation language, or as written"),
    ("Enter", "open the selected article (on the pairs screen: filter the feed by the pair)"),
    ("p", "pairs: every cooperating pair with its trend"),
    ("f", "feeds: every source and its health"),
    ("w", "watches: saved filters with unseen counts (a saves the feed's filters, d removes)"),
    ("r", "sync now"),
    ("o / t", "in an article: open it in the browser / show original or translation"),
    ("Escape", "back"),
    ("ctrl+p", "command palette"),
    ("q", "quit"),
]


class HelpScreen(ModalScreen[None]):
    """Every key and what it does."""

    BINDINGS = [("escape", "dismiss", "Back"), ("question_mark", "dismiss", "Back")]

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        for key, what in KEYS:
            table.add_row(key, what)
        with Vertical(id="help"):
            yield Static("coopwatch keys", id="help-title")
            yield Static(table)
