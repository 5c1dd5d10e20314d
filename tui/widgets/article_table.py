"""The article feed: a table of date, language, countries, sectors and headline."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from coopwatch.safety import one_line
from coopwatch.types import Article

HEADLINE_CHARS = 90  # the headline must fit beside the tags at 80 columns


class ArticleTable(DataTable[Text]):
    """Articles, newest first, a page at a time; every cell is plain Text, never markup."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        for label, key in (("date", "date"), ("lang", "lang"), ("countries", "countries"),
                           ("headline", "headline"), ("sectors", "sectors")):
            self.add_column(label, key=key)
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

    def _headline(self, article: Article) -> str:
        shown = self.translations.get(article.id) if self.translated else None
        return one_line(shown or article.title or article.summary, HEADLINE_CHARS)

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
