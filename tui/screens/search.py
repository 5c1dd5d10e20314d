"""Full-text search: type words, Enter filters the feed by them."""

from __future__ import annotations

from coopwatch.tui.screens.prompt import PromptScreen


class SearchScreen(PromptScreen):
    """Dismisses with the search text ("" clears it), or None on Escape."""

    def __init__(self, current: str | None) -> None:
        super().__init__("Search titles and text (any language)", current or "",
                         "words, or \"a phrase\"", input_id="search-input")
