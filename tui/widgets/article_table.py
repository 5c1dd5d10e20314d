"""The article feed: a table of date, language, countries, sectors and headline."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widgets import DataTable

from coopwatch.safety import one_line
from coopwatch.types import Article

HEADLINE_CHARS = 90  # the longest headline shown; room beyond it goes to the sectors
MIN_COUNTRIES = 9  # "CN RU US", and the column's label: the countries give way to the headline to this
MIN_SECTORS = 12  # narrower, a column of sector ids says nothing, so it hides


class ArticleTable(DataTable[Text]):
    """Articles, newest first, a page at a time; every cell is plain Text, never markup."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        for label, key in (("date", "date"), ("lang", "lang"), ("countries", "countries"),
                           ("headline", "headline"), ("sectors", "sectors")):
            self.add_column(label, key=key, width=cell_len(label))
        self.articles: dict[str, Article] = {}
        self.translations: dict[int, str] = {}  # article id -> headline in the target language
        self.translated = False  # whether headlines show their translations

    def show_articles(self, articles: list[Article]) -> None:
        """Replace the rows, keeping the cursor on the same article when it is still there."""
        selected = self.selected_key()
        self.clear()
        self.articles = {}
        self.append_articles(articles)
        if selected is not None and selected in self.rows:
            self.move_cursor(row=self.get_row_index(selected))

    def append_articles(self, articles: list[Article]) -> None:
        """Add the next page below the rows already shown."""
        for article in articles:
            key = str(article.id)
            if key in self.articles:
                continue
            self.articles[key] = article
            self.add_row(
                Text(article.published or "—"),
                Text(article.language or "?"),
                Text(" ".join(article.countries)),
                Text(self._headline(article)),
                Text(" ".join(article.sectors)),
                key=key,
            )
        self._fit_columns()

    def on_resize(self, event: events.Resize) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Columns that fit the table's width, so it never scrolls sideways: the headline takes
        the room (up to HEADLINE_CHARS), the countries give way to it, the sectors get what is
        left or hide."""
        room = self.scrollable_content_region.width
        if not room:
            return
        needed = {key.value: cell_len(column.label.plain) for key, column in self.columns.items()}
        for article in self.articles.values():
            for key, text in (("date", article.published or "—"), ("lang", article.language or "?"),
                              ("countries", " ".join(article.countries)),
                              ("headline", self._headline(article)),
                              ("sectors", " ".join(article.sectors))):
                needed[key] = max(needed[key], cell_len(text))
        padding = 2 * self.cell_padding
        left = room - len(needed) * padding - needed["date"] - needed["lang"]
        widths = {"date": needed["date"], "lang": needed["lang"]}
        widths["headline"] = max(0, min(needed["headline"], left - min(needed["countries"], MIN_COUNTRIES)))
        widths["countries"] = max(0, min(needed["countries"], left - widths["headline"]))
        spare = left - widths["headline"] - widths["countries"]
        widths["sectors"] = min(needed["sectors"], spare) if spare >= MIN_SECTORS else 0
        changed = False
        for column_key, column in self.columns.items():
            width = widths[str(column_key.value)]  # every column is added with a key
            if column.width != width or column.auto_width:
                column.width, column.auto_width, changed = width, False, True
        if changed:
            # Textual is pinned (see pyproject): a column's new width takes effect when the table
            # next works out its size, which this asks of it
            self._require_update_dimensions = True
            self.refresh()

    def _headline(self, article: Article) -> str:
        shown = self.translations.get(article.id) if self.translated else None
        return one_line(shown or article.headline, HEADLINE_CHARS)

    def show_translations(self, translated: bool, translations: dict[int, str] | None = None) -> None:
        """Headlines in the target language (those translated so far) or as written."""
        self.translated = translated
        self.translations.update(translations or {})
        for key, article in self.articles.items():
            self.update_cell(key, "headline", Text(self._headline(article)))

    def untranslated(self) -> list[Article]:
        """The articles shown whose headlines have no translation yet."""
        return [a for a in self.articles.values() if a.id not in self.translations]

    def selected_key(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value

    def selected_article(self) -> Article | None:
        key = self.selected_key()
        return self.articles.get(key) if key is not None else None
