"""What the main, article and pairs screens look like, as SVG snapshots (Textual is pinned).

The database holds the five seeds under fixed source names and the trends end on a fixed day, so
a snapshot changes only when a screen does. After a deliberate change, review and refresh with
`pytest tests/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from coopwatch.config import Config
from coopwatch.enrich.vocabulary import Vocabulary
from coopwatch.fetchers.local import read_file
from coopwatch.store import open_store
from coopwatch.tui.app import make_app
from coopwatch.update.local import store_articles

from helpers import settle

SIZE = (160, 45)
TODAY = date(2025, 6, 20)


@pytest.fixture
def seeded_db(tmp_path: Path, seeds: Path, vocabulary: Vocabulary) -> Path:
    db = tmp_path / "snapshot.db"
    with open_store(db) as store:
        for path in sorted(seeds.glob("*.txt")):
            articles = read_file(path)
            assert isinstance(articles, list)
            source = f"seeds/{path.name}"
            store_articles(store, source, [replace(a, source=source) for a in articles], vocabulary)
    return db


def _app(db: Path):  # type: ignore[no-untyped-def]
    return make_app(Config(), db, today=lambda: TODAY)


def test_main_screen(seeded_db: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(seeded_db), terminal_size=SIZE, run_before=settle)


def test_article_screen(seeded_db: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def open_first(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(_app(seeded_db), terminal_size=SIZE, run_before=open_first)


def test_pairs_screen(seeded_db: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def open_pairs(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)

    assert snap_compare(_app(seeded_db), terminal_size=SIZE, run_before=open_pairs)


def test_main_screen_narrow(seeded_db: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(seeded_db), terminal_size=(80, 24), run_before=settle)


def test_main_screen_medium(seeded_db: Path, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(seeded_db), terminal_size=(120, 40), run_before=settle)
