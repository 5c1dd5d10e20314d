"""The active filters, always in view."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from coopwatch.safety import one_line
from coopwatch.types import Filters


def describe(filters: Filters, hints: bool = True) -> Text:
    """The filters as a line of tags (with the keys that change them when hints); text from
    articles or the user is plain, never markup."""
    parts: list[tuple[str, str]] = []
    parts += [("country", code) for code in filters.countries]
    if filters.pair:
        parts.append(("pair", "–".join(filters.pair)))
    parts += [("sector", sector) for sector in filters.sectors]
    if filters.language:
        parts.append(("language", filters.language))
    if filters.search:
        parts.append(("search", one_line(filters.search, 40)))
    line = Text()
    if not parts:
        line.append("all articles", style="dim")
        if hints:
            line.append("   c country · s sector · l language · / search · p pairs", style="dim")
        return line
    for kind, value in parts:
        line.append(f" {kind}: ", style="dim")
        line.append(value, style="bold")
        line.append(" ")
    if hints:
        line.append("   x clears", style="dim")
    return line


class FilterBar(Static):
    """One line: every active filter, and the count of matching articles."""

    def show(self, filters: Filters, total: int | None) -> None:
        line = describe(filters)
        if total is not None:
            line.append(f"   {total} article{'' if total == 1 else 's'}", style="italic")
        self.update(line)
