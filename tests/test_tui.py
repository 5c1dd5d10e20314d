"""The dashboard through Textual's Pilot, waiting for workers rather than sleeping."""

from __future__ import annotations

from pathlib import Path

from coopwatch.config import Config
from coopwatch.store import Store
from coopwatch.tui.app import make_app
from coopwatch.tui.widgets.article_table import ArticleTable
from helpers import enrichment, raw, write


async def test_an_empty_database_shows_the_five_seeds(db_path: Path) -> None:
    app = make_app(Config(), db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.query_one(ArticleTable)
        assert table.row_count == 5
        headlines = {str(table.get_row_at(row)[3]) for row in range(table.row_count)}
        assert "Moscow to share unique innovation potential with Beijing" in headlines
        assert "5 articles" in app.sub_title
    with Store(db_path) as store:
        assert store.count_articles() == 5


async def test_article_text_is_shown_literally(db_path: Path) -> None:
    with Store(db_path) as store:
        store.save_articles(
            [write(raw(title="[bold red]Boom[/] \x1b[31mred", body="x"), enrichment(("RU",)))], "t")
    app = make_app(Config(), db_path)
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.query_one(ArticleTable)
        assert table.row_count == 1
        headline = str(table.get_row_at(0)[3])
        assert headline.startswith("[bold red]Boom[/]") and "\x1b" not in headline
