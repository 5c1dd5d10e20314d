"""The dashboard application: config, the store factory, global keys and the workers."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

from coopwatch import paths
from coopwatch.config import Config
from coopwatch.store import Store
from coopwatch.sync import ingest_paths
from coopwatch.tui.messages import ArticlesLoaded
from coopwatch.tui.widgets.article_table import ArticleTable
from coopwatch.types import Filters
from coopwatch.vocabulary import load_vocabulary

PAGE_SIZE = 500


class CoopwatchApp(App[None]):
    """coopwatch in a terminal."""

    CSS_PATH = "app.tcss"
    TITLE = "coopwatch"
    BINDINGS = [("q", "quit", "Quit"), ("r", "reload", "Reload")]

    def __init__(self, config: Config, db_path: Path) -> None:
        super().__init__()
        self.config = config
        self.db_path = db_path
        self.sub_title = db_path.name

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("loading…", id="status")
        yield ArticleTable(id="articles")
        yield Footer()

    def on_mount(self) -> None:
        self.load_articles()

    def action_reload(self) -> None:
        self.load_articles()

    @work(thread=True, exclusive=True, group="query", exit_on_error=False)
    def load_articles(self) -> None:
        """Read the newest articles (importing the seeds into an empty database first)."""
        with Store(self.db_path) as store:  # a connection per thread
            seeded = 0
            if store.count_articles() == 0:
                vocabulary = load_vocabulary(self.config.sector_terms)
                seeded = ingest_paths(store, [paths.seeds_dir()], vocabulary).new
            articles = store.list_articles(Filters(), limit=PAGE_SIZE)
            total = store.count_articles()
        self.post_message(ArticlesLoaded(articles, total, seeded))

    @on(ArticlesLoaded)
    def show_articles(self, message: ArticlesLoaded) -> None:
        self.query_one(ArticleTable).show_articles(message.articles)
        self.sub_title = f"{self.db_path.name} · {message.total} articles"
        self.query_one("#status", Static).update(
            f"{message.total} articles, newest first" if message.total else "no articles yet"
        )
        if message.seeded:
            self.notify(f"Imported {message.seeded} seed articles to start with.")


def make_app(config: Config, db_path: Path) -> CoopwatchApp:
    """The one factory the CLI and the tests use."""
    return CoopwatchApp(config, db_path)
