"""The main screen: the filtered article feed beside the selected pair's summary."""

from __future__ import annotations

from dataclasses import dataclass, replace

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import DataTable, Footer, Header

from coopwatch.choices import country_choices, sector_choices
from coopwatch.enrich.snippets import GLOSS_BACKEND
from coopwatch.reading import translate_headlines
from coopwatch.safety import one_line
from coopwatch.trends import spike_days_since
from coopwatch.tui.screens.article import ArticleScreen
from coopwatch.tui.screens.base import CoopwatchScreen
from coopwatch.tui.screens.picker import PickerScreen
from coopwatch.tui.screens.search import SearchScreen
from coopwatch.tui.widgets.article_table import ArticleTable
from coopwatch.tui.widgets.filter_bar import FilterBar
from coopwatch.tui.widgets.pair_pane import PairPane
from coopwatch.types import Article, Filters, Pair, PairSummary

PAGE_SIZE = 100  # rows a query brings: two screens and more; DataTable measures every cell it gets
PREFETCH_ROWS = 40  # load the next page when the cursor gets this close to the last row
LATEST_HEADLINES = 5


class FeedScreen(CoopwatchScreen[None]):
    """Articles newest first, narrowed by filters that are always in view."""

    BINDINGS = [
        ("c", "pick_country", "Country"),
        ("s", "pick_sector", "Sector"),
        ("l", "pick_language", "Language"),
        ("slash", "search", "Search"),
        ("x", "clear_filters", "Clear"),
        ("t", "toggle_headlines", "Translate"),
    ]

    @dataclass
    class PageLoaded(Message):
        articles: list[Article]
        offset: int
        generation: int  # answers only the newest filters' (or reload's) rows are shown

    @dataclass
    class HeadlinesTranslated(Message):
        translations: dict[int, str]
        note: str | None

    @dataclass
    class Counted(Message):
        total: int
        generation: int

    @dataclass
    class PairLoaded(Message):
        summary: PairSummary | None
        latest: list[Article]
        languages: dict[str, int]

    @dataclass
    class LanguagesLoaded(Message):
        choices: list[tuple[str, str]]

    def __init__(self) -> None:
        super().__init__()
        self.filters = Filters()
        self.total: int | None = None  # of the current generation, once counted
        self._generation = 0
        self._shown_pair: Pair | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield FilterBar(id="filters")
        with Horizontal(id="main"):
            yield ArticleTable(id="articles")
            yield PairPane(id="pair-pane")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(FilterBar).show(self.filters, None)
        self.query_one(PairPane).show_nothing("")
        self.reload()


    # -- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the feed again, as many rows as are shown now (at least a page)."""
        table = self.query_one(ArticleTable)
        self._load(0, max(PAGE_SIZE, table.row_count))

    def _load(self, offset: int, limit: int) -> None:
        if offset == 0:
            # a new generation: a page appended to the old rows or the old count would mislead
            self._generation += 1
            self.total = None
        self.load_page(self.filters, offset, limit, self._generation)

    @work(thread=True, group="page", exclusive=True, exit_on_error=False)
    def load_page(self, filters: Filters, offset: int, limit: int, generation: int) -> None:
        with self.coopwatch.open_store() as store:
            articles = store.list_articles(filters, limit=limit, offset=offset)
            # rows first: counting a large match takes as long again
            self.post_message(self.PageLoaded(articles, offset, generation))
            if offset == 0:
                self.post_message(self.Counted(store.count_articles(filters), generation))

    @on(PageLoaded)
    def _show_page(self, message: PageLoaded) -> None:
        if message.generation != self._generation:
            return  # newer filters or fresher data are on their way
        table = self.query_one(ArticleTable)
        if message.offset not in (0, table.row_count):
            return  # the same page asked twice while scrolling
        if message.offset == 0:
            table.show_articles(message.articles)
        else:
            table.append_articles(message.articles)
        self._update_pair_pane()
        if table.translated:
            self._translate_missing()

    # -- headlines in the target language ------------------------------------------------------

    def action_toggle_headlines(self) -> None:
        table = self.query_one(ArticleTable)
        table.show_translations(not table.translated)
        if table.translated:
            self._translate_missing()

    def _translate_missing(self) -> None:
        missing = self.query_one(ArticleTable).untranslated()
        if missing:
            self.translate_headlines(missing)

    @work(thread=True, group="headlines", exclusive=True, exit_on_error=False)
    def translate_headlines(self, articles: list[Article]) -> None:
        app = self.coopwatch
        with self.coopwatch.open_store() as store:
            vocabulary = app.vocabulary()
            found, note = translate_headlines(store, articles, vocabulary,
                                              app.config.translate)
        # an article in the target language keeps its own headline; the table need not ask again
        translations = {a.id: _marked(*found[a.id]) if a.id in found else "" for a in articles}
        self.post_message(self.HeadlinesTranslated(translations, note))

    @on(HeadlinesTranslated)
    def _show_headlines(self, message: HeadlinesTranslated) -> None:
        table = self.query_one(ArticleTable)
        table.show_translations(table.translated, message.translations)
        if message.note:
            self.notify(one_line(message.note, 200), severity="warning", markup=False)

    @on(Counted)
    def _show_count(self, message: Counted) -> None:
        if message.generation != self._generation:
            return
        self.total = message.total
        self.query_one(FilterBar).show(self.filters, message.total)

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        table = self.query_one(ArticleTable)
        if (self.total is not None and table.row_count < self.total
                and event.cursor_row >= table.row_count - PREFETCH_ROWS):
            self._load(table.row_count, PAGE_SIZE)
        self._update_pair_pane()

    @on(DataTable.RowSelected)
    def _open_article(self, event: DataTable.RowSelected) -> None:
        article = self.query_one(ArticleTable).selected_article()
        if article is not None:
            self.app.push_screen(ArticleScreen(article.id))

    # -- the pair pane -------------------------------------------------------------------------

    def _update_pair_pane(self) -> None:
        article = self.query_one(ArticleTable).selected_article()
        pair = self.filters.pair or (article.pairs[0] if article and article.pairs else None)
        if pair is None:
            self._shown_pair = None
            self.query_one(PairPane).show_nothing()
            return
        if pair != self._shown_pair:
            self._shown_pair = pair
            self.load_pair(pair)

    @work(thread=True, group="pair", exclusive=True, exit_on_error=False)
    def load_pair(self, pair: Pair) -> None:
        filters = Filters(pair=pair)
        with self.coopwatch.open_store() as store:
            summaries = store.pair_summaries(
                filters, days_since=spike_days_since(self.coopwatch.today()))
            latest = store.list_articles(filters, limit=LATEST_HEADLINES)
            languages = dict(store.language_counts(filters))
        self.post_message(self.PairLoaded(summaries[0] if summaries else None, latest, languages))

    @on(PairLoaded)
    def _show_pair(self, message: PairLoaded) -> None:
        pane = self.query_one(PairPane)
        if message.summary is None:
            pane.show_nothing()
        else:
            pane.show(message.summary, message.latest, message.languages, self.coopwatch.today())

    # -- filters -------------------------------------------------------------------------------

    def set_filters(self, filters: Filters) -> None:
        """Apply new filters: the feed, the counts and the pair pane follow."""
        self.filters = filters
        self._shown_pair = None
        self.query_one(FilterBar).show(filters, None)
        self._load(0, PAGE_SIZE)

    def action_pick_country(self) -> None:
        def chosen(code: str | None) -> None:
            if code and code not in self.filters.countries:
                self.set_filters(replace(self.filters, countries=(*self.filters.countries, code)))
        self.app.push_screen(PickerScreen("Add a country filter", country_choices()), chosen)

    def action_pick_sector(self) -> None:
        def chosen(sector: str | None) -> None:
            if sector and sector not in self.filters.sectors:
                self.set_filters(replace(self.filters, sectors=(*self.filters.sectors, sector)))
        terms = self.coopwatch.config.sector_terms
        self.app.push_screen(PickerScreen("Add a sector filter", sector_choices(terms)), chosen)

    def action_pick_language(self) -> None:
        self.load_languages()

    @work(thread=True, group="languages", exclusive=True, exit_on_error=False)
    def load_languages(self) -> None:
        with self.coopwatch.open_store() as store:
            counts = store.language_counts()
        self.post_message(self.LanguagesLoaded(
            [(code, f"{n} article{'' if n == 1 else 's'}") for code, n in counts]))

    @on(LanguagesLoaded)
    def _pick_language(self, message: LanguagesLoaded) -> None:
        def chosen(language: str | None) -> None:
            if language:
                self.set_filters(replace(self.filters, language=language))
        self.app.push_screen(PickerScreen("Filter by language", message.choices), chosen)

    def action_search(self) -> None:
        def chosen(text: str | None) -> None:
            if text is not None:
                self.set_filters(replace(self.filters, search=text or None))
        self.app.push_screen(SearchScreen(self.filters.search), chosen)

    def action_clear_filters(self) -> None:
        self.set_filters(Filters())

    def filter_pair(self, pair: Pair) -> None:
        """Show only the articles of one pair (from the pairs screen)."""
        self.set_filters(replace(self.filters, pair=pair))


def _marked(headline: str, backend: str) -> str:
    """A gloss is what enrichment understood, not a translation: say so (≈)."""
    return f"≈ {headline}" if backend == GLOSS_BACKEND else headline
