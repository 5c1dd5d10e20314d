"""Watches in the dashboard: made from the feed's filters, unseen counts, alerts after a sync."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from textual.widgets import DataTable, Input

from coopwatch.config import Config
from coopwatch.store import open_store
from coopwatch.tui.app import make_app
from coopwatch.tui.screens.feed import FeedScreen
from coopwatch.tui.screens.watches import WatchesScreen
from coopwatch.tui.widgets.article_table import ArticleTable
from coopwatch.tui.widgets.filter_bar import FilterBar
from coopwatch.types import Filters
from coopwatch.watches import add_watch

from helpers import enrichment, raw, settle, write


def _rows(table: DataTable) -> dict[str, list[str]]:
    return {str(table.get_row_at(row)[0]): [str(cell) for cell in table.get_row_at(row)]
            for row in range(table.row_count)}


async def test_w_then_a_watches_the_feeds_filters_and_enter_opens_the_watch(db_path: Path) -> None:
    app = make_app(Config(), db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        feed = app.screen
        assert isinstance(feed, FeedScreen)
        feed.set_filters(Filters(countries=("RU",)))
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, WatchesScreen)
        await pilot.press("a")
        await settle(pilot)
        name = app.screen.query_one(Input)
        assert name.value == "RU"  # a suggestion from the filters
        name.value = "russia"
        await pilot.press("enter")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        # four seeds name Russia; none is unseen: a new watch starts from now
        assert _rows(table)["russia"][1:4] == ["·", "4", "0"]
        assert any("watching russia" in n.message for n in app._notifications)

        with open_store(db_path) as other:  # a cron fetch stores a story for the watch
            other.save_articles([write(raw(key="n", title="Fresh Russian story", body="Text."),
                                       enrichment(("RU",)))], "t")
        app.watch_store()
        await settle(pilot)
        assert "1 unseen in watches" in app.sub_title
        app.screen.load()
        await settle(pilot)
        assert _rows(app.screen.query_one(DataTable))["russia"][1:3] == ["1", "5"]

        feed.set_filters(Filters())  # opening the watch brings its filters back
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is feed and feed.filters == Filters(countries=("RU",))
        assert feed.query_one(ArticleTable).row_count == 5
        assert "country: RU" in str(feed.query_one(FilterBar).render())
        assert "unseen" not in app.sub_title  # opened: seen


async def test_a_watch_needs_filters_and_d_removes_one(db_path: Path) -> None:
    with open_store(db_path) as store:
        add_watch(store, Config(), "japan", Filters(countries=("JP",)))
    app = make_app(Config(), db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("a")  # the feed has no filters: nothing to watch
        await settle(pilot)
        assert isinstance(app.screen, WatchesScreen)
        assert any("Choose filters" in n.message for n in app._notifications)
        assert list(_rows(app.screen.query_one(DataTable))) == ["japan"]
        await pilot.press("d")
        await settle(pilot)
        assert "no watches yet" in next(iter(_rows(app.screen.query_one(DataTable))))
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, FeedScreen)


async def test_a_sync_tells_each_watch_its_new_articles(db_path: Path, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    config = Config(folders=(inbox,))
    with open_store(db_path) as store:
        store.save_articles([write(raw(key="old", title="Old", body="Text."),
                                   enrichment(("UZ",)))], "t")
        add_watch(store, config, "central asia", Filters(pair=("KZ", "UZ")))
    day = date.today() - timedelta(days=1)
    for number in range(3):
        (inbox / f"dam-{number}.txt").write_text(
            f"Uzbekistan and Kazakhstan sign hydropower agreement {number}\n\n{day:%d.%m.%Y}\n\n"
            f"Uzbekistan and Kazakhstan agreed to build joint hydropower plant number {number}"
            " on the Syr Darya, officials in Tashkent said.\n", encoding="utf-8")
    app = make_app(config, db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("central asia: 3 new  ▲ spiking") for m in messages), messages
        assert any(m.startswith("KZ–UZ: 3 articles in 7 days") for m in messages), messages
        assert "3 unseen in watches" in app.sub_title
