"""The dashboard through Textual's Pilot, waiting for workers rather than sleeping."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import DataTable

from coopwatch.config import Config
from coopwatch.store import Store, open_store
from coopwatch.tui.app import make_app
from coopwatch.tui.screens.article import ArticleScreen
from coopwatch.tui.screens.feed import PAGE_SIZE, FeedScreen
from coopwatch.tui.screens.pairs import PairsScreen
from coopwatch.tui.widgets.article_table import ArticleTable
from coopwatch.tui.widgets.filter_bar import FilterBar
from coopwatch.tui.widgets.pair_pane import PairPane

from helpers import enrichment, raw, settle, write


async def test_an_empty_database_shows_the_five_seeds(db_path: Path) -> None:
    app = make_app(Config(), db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        assert table.row_count == 5
        headlines = {str(table.get_row_at(row)[3]) for row in range(table.row_count)}
        assert "Moscow to share unique innovation potential with Beijing" in headlines
        assert "5 articles" in app.sub_title
    with open_store(db_path) as store:
        assert store.count_articles() == 5


async def test_article_text_is_shown_literally(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.save_articles(
            [write(raw(title="[bold red]Boom[/] \x1b[31mred", body="x"), enrichment(("RU",)))], "t")
    app = make_app(Config(), db_path)
    async with app.run_test() as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        assert table.row_count == 1
        headline = str(table.get_row_at(0)[3])
        assert headline.startswith("[bold red]Boom[/]") and "\x1b" not in headline


async def _seeded(pilot: object) -> ArticleTable:
    await settle(pilot)
    return pilot.app.screen.query_one(ArticleTable)  # type: ignore[attr-defined]


def _headlines(table: ArticleTable) -> list[str]:
    return [str(table.get_row_at(row)[3]) for row in range(table.row_count)]


async def _japan_only(pilot: object) -> tuple[ArticleTable, str]:
    """The seeds filtered to Japan through the country picker: the table and the filter bar."""
    table = await _seeded(pilot)
    await pilot.press("c", *"japan", "enter")  # type: ignore[attr-defined]
    await settle(pilot)
    return table, str(pilot.app.screen.query_one(FilterBar).render())  # type: ignore[attr-defined]


async def test_filters_narrow_the_feed_and_x_clears_them(db_path: Path) -> None:
    app = make_app(Config(), db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        table, bar = await _japan_only(pilot)
        assert table.row_count == 2
        assert "country: JP" in bar and "2 articles" in bar
        await pilot.press("slash", *"Hochtechnologien", "enter")
        await settle(pilot)
        assert _headlines(table) == [
            "Russland und Japan beabsichtigen, im Bereich der Hochtechnologien zusammenzuarbeiten"]
        await pilot.press("x")
        await settle(pilot)
        assert table.row_count == 5 and "all articles" in str(app.screen.query_one(FilterBar).render())


async def test_the_count_follows_new_filters_when_counting_is_slower_than_the_rows(
    db_path: Path, monkeypatch: object
) -> None:
    """The rows of a narrower filter arrive before its count; the old, larger count must not
    make the feed ask for more rows and drop the new count (the bar then showed none)."""
    import time

    counting = Store.count_articles

    def slow_count(self: Store, *args: object, **kwargs: object) -> int:
        time.sleep(0.2)
        return counting(self, *args, **kwargs)

    monkeypatch.setattr(Store, "count_articles", slow_count)  # type: ignore[attr-defined]
    app = make_app(Config(), db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        table, bar = await _japan_only(pilot)
        assert table.row_count == 2 and "2 articles" in bar


async def test_enter_opens_the_article_with_its_evidence(db_path: Path) -> None:
    app = make_app(Config(), db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        table = await _seeded(pilot)
        row = _headlines(table).index("Moscow to share unique innovation potential with Beijing")
        table.move_cursor(row=row)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        header = str(app.screen.query_one("#article-header").render())
        why = str(app.screen.query_one("#article-evidence").render())
        assert "CN–RU" in header and "Moscow to share" in header
        assert "country" in why and "RU" in why and "Moscow" in why
        await pilot.press("escape")
        assert isinstance(app.screen, FeedScreen)


async def test_pairs_screen_lists_pairs_and_enter_filters_the_feed(db_path: Path) -> None:
    app = make_app(Config(), db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await _seeded(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PairsScreen)
        pairs = app.screen.query_one(DataTable)
        assert str(pairs.get_row_at(0)[0]) == "CN–RU" and str(pairs.get_row_at(0)[1]) == "3"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FeedScreen)
        assert app.screen.query_one(ArticleTable).row_count == 3
        assert "pair: CN–RU" in str(app.screen.query_one(FilterBar).render())


async def test_a_pair_busier_than_its_baseline_is_marked_spiking(db_path: Path) -> None:
    today = date(2026, 11, 22)
    dated = [("2026-11-20", ("CN", "RU"))] * 4 + [("2026-05-10", ("CN", "RU"))]
    dated += [(f"2026-{month:02d}-10", ("JP", "VN")) for month in range(5, 12)]  # steady
    with open_store(db_path) as store:
        store.save_articles([write(raw(key=f"k{i}", title=f"Story {i}", published=day),
                                   enrichment(pair, (pair,), published=day))
                             for i, (day, pair) in enumerate(dated)], "t")
    app = make_app(Config(), db_path, today=lambda: today)
    async with app.run_test(size=(160, 45)) as pilot:
        await _seeded(pilot)
        await pilot.press("p")
        await settle(pilot)
        pairs = app.screen.query_one(DataTable)
        marks = {str(pairs.get_row_at(row)[0]): str(pairs.get_row_at(row)[4])
                 for row in range(pairs.row_count)}
        assert marks == {"CN–RU": "▲ spiking", "JP–VN": ""}
        assert "▲ spiking" not in str(app.screen.query_one(PairPane).render())  # JP–VN first
        pairs.move_cursor(row=list(marks).index("CN–RU"))
        await settle(pilot)
        assert "▲ spiking" in str(app.screen.query_one(PairPane).render())


async def test_a_long_feed_is_read_a_page_at_a_time(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.save_articles([write(raw(key=f"k{i}", title=f"Story {i}", body=f"Text {i}."),
                                   enrichment(("RU",))) for i in range(450)], "t")
    app = make_app(Config(), db_path)
    async with app.run_test(size=(120, 30)) as pilot:
        table = await _seeded(pilot)
        assert table.row_count == PAGE_SIZE
        table.move_cursor(row=PAGE_SIZE - 1)
        await settle(pilot)
        assert table.row_count == 2 * PAGE_SIZE
        assert "450 articles" in str(app.screen.query_one(FilterBar).render())


async def test_articles_another_process_stores_appear_with_a_notice(db_path: Path) -> None:
    app = make_app(Config(), db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        table = await _seeded(pilot)
        with open_store(db_path) as other:  # as a cron `coopwatch fetch` would
            other.save_articles([write(raw(key="new", title="Fresh story", body="Text."),
                                       enrichment(("JP",)))], "t")
        app.watch_store()
        await settle(pilot)
        assert "Fresh story" in _headlines(table)
        assert any("1 new article" in n.message for n in app._notifications)
        assert "6 articles" in app.sub_title


async def test_r_syncs_a_feed_big_enough_for_the_worker_processes(db_path: Path) -> None:
    # Textual's capture of stderr has no file descriptor; the worker pool's start failed on it
    # and every feed bringing 24 or more new articles failed ("could not process the feed")
    from test_feeds import _many_stories

    from feedservers import scripted_server

    app = make_app(Config(), db_path)
    with scripted_server() as (base, script):
        script.routes["/wire.rss"] = (200, {"Content-Type": "application/rss+xml"},
                                      _many_stories(40))
        with open_store(db_path) as store:
            store.add_source(f"{base}/wire.rss", "feed")
        async with app.run_test(size=(160, 45)) as pilot:
            await _seeded(pilot)
            await pilot.press("r")
            await settle(pilot)
            assert not [n.message for n in app._notifications if "failed" in n.message]
            assert "45 articles" in app.sub_title
    with open_store(db_path) as store:
        [feed] = [source for source in store.list_sources("feed")]
    assert (feed.last_status, feed.articles) == ("ok", 40)


async def test_the_background_sync_asks_only_feeds_that_are_due_and_r_asks_all(
        db_path: Path) -> None:
    from test_feeds import RSS

    from feedservers import scripted_server

    app = make_app(Config(), db_path)
    with scripted_server() as (base, script):
        script.routes["/hourly.rss"] = (200, {"Content-Type": "application/rss+xml",
                                              "Cache-Control": "max-age=3600"}, RSS)
        with open_store(db_path) as store:
            store.add_source(f"{base}/hourly.rss", "feed")
        async with app.run_test(size=(160, 45)) as pilot:
            await _seeded(pilot)
            app.scheduled_sync()  # never polled: due
            await settle(pilot)
            app.scheduled_sync()  # its server asked for an hour
            await settle(pilot)
            assert len(script.log) == 1
            await pilot.press("r")
            await settle(pilot)
            assert len(script.log) == 2


async def test_r_syncs_and_a_failing_feed_is_a_notice_not_a_crash(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.add_source("http://127.0.0.1:9/nothing-listens-here.rss", "feed")
    app = make_app(Config(), db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await _seeded(pilot)
        headers: list[str] = []
        app.watch(app, "sub_title", lambda title: headers.append(title))
        await pilot.press("r")
        await settle(pilot)
        assert any("failed" in n.message for n in app._notifications)
        assert "synced" in app.sub_title
        # the header counts the sources done: the feed and the bundled seeds
        assert {"syncing 1/2…", "syncing 2/2…"} <= {h.rsplit(" · ", 1)[-1] for h in headers}
        await pilot.press("f")
        await settle(pilot)
        feeds = app.screen.query_one(DataTable)
        cells = [str(cell) for row in range(feeds.row_count) for cell in feeds.get_row_at(row)]
        assert "failed" in cells and "✗" in cells


async def test_the_headline_takes_the_room_and_the_feed_never_scrolls_sideways(db_path: Path) -> None:
    app = make_app(Config(), db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ArticleTable)
        await pilot.pause()
        widths = {key.value: column.get_render_width(table) for key, column in table.columns.items()}
        assert widths["headline"] >= 40 + 2  # "Moscow to share unique innovation potential" and more
        assert sum(widths.values()) <= table.scrollable_content_region.width
        assert widths["countries"] >= len("countries")
        await pilot.resize_terminal(220, 45)
        await pilot.pause()
        await pilot.pause()
        wide = {key.value: column.width for key, column in table.columns.items()}
        assert wide["sectors"] >= len("education_research")  # room to spare goes to the sectors
        assert wide["headline"] >= widths["headline"]
