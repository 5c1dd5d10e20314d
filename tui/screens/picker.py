"""Pick one value from a list by typing part of its name or code (fuzzy)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.fuzzy import Matcher
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

MAX_SHOWN = 200


class PickerScreen(ModalScreen[str | None]):
    """Dismisses with the chosen value, or None on Escape."""

    BINDINGS = [("escape", "dismiss(None)", "Back")]

    def __init__(self, title: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices  # (value, label)

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Label(Text(self.title_text), id="picker-title")
            yield Input(placeholder="type a name or a code", id="picker-input")
            yield OptionList(id="picker-options")

    def on_mount(self) -> None:
        self._show("")

    @on(Input.Changed)
    def _filter(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, query: str) -> None:
        query = query.strip()
        ranked: list[tuple[float, str, str]] = []
        matcher = Matcher(query) if query else None
        for value, label in self.choices:
            if matcher is None:
                ranked.append((0.0, value, label))
                continue
            exact = 2.0 if query.casefold() == value.casefold() else 0.0
            score = max(matcher.match(label), matcher.match(value)) + exact
            if score > 0:
                ranked.append((-score, value, label))
        ranked.sort(key=lambda item: item[0])
        options = self.query_one(OptionList)
        options.set_options(
            Option(Text(f"{value:<8} {label}"), id=value) for _, value, label in ranked[:MAX_SHOWN]
        )
        if options.option_count:
            options.highlighted = 0

    @on(Input.Submitted)
    def _take_highlighted(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected)
    def _take_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def key_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def key_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()
