"""The article feed: a table of date, language, countries, sectors and headline."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from coopwatch.safety import one_line
from coopwatch.types import Article

HEADLINE_CHARS = 90  # the headline must fit beside the tags at 80 columns


class ArticleTable(DataTable[Text]):
    """Articles, newest first; every cell is plain Text, never markup."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        for label, key in (("date", "date"), ("lang", "lang"), ("countries", "countries"),
                           ("headline", "headline"), ("sectors", "sectors")):
            self.add_column(label, key=key)

    def show_articles(self, articles: list[Article]) -> None:
        """Replace the rows, keeping the cursor on the same article when it is still there."""
        selected = self._selected_key()
        self.clear()
        for article in articles:
            self.add_row(
                Text(article.published or "—"),
                Text(article.language or "?"),
                Text(" ".join(article.countries)),
                Text(one_line(article.title or article.summary, HEADLINE_CHARS)),
                Text(" ".join(article.sectors)),
                key=str(article.id),
            )
        if selected is not None and selected in self.rows:
            self.move_cursor(row=self.get_row_index(selected))

    def _selected_key(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
