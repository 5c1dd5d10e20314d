"""A one-line question in a box: Enter answers, Escape goes back."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class PromptScreen(ModalScreen[str | None]):
    """Dismisses with the text typed (stripped), or None on Escape."""

    BINDINGS = [("escape", "dismiss(None)", "Back")]

    def __init__(self, question: str, value: str = "", placeholder: str = "",
                 input_id: str = "prompt-input") -> None:
        super().__init__()
        self.question = question
        self.value = value
        self.placeholder = placeholder
        self.input_id = input_id

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Label(Text(self.question), id="picker-title")
            yield Input(value=self.value, placeholder=self.placeholder, id=self.input_id)

    @on(Input.Submitted)
    def _answer(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())
