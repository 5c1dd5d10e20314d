"""Untrusted text in every command and every screen: shown literally, never driving the terminal.

Article text, a feed's title and error, a file's name and a translation engine's error all come
from outside; each carries Rich markup, escape sequences, C1 controls and bidi overrides here.
"""

from __future__ import annotations

import json
import os
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from coopwatch.cli import cli
from coopwatch.config import Config, TranslateConfig
from coopwatch.store import open_store
from coopwatch.tui.app import make_app
from coopwatch.tui.screens.article import ArticleScreen
from coopwatch.types import SourceResult
from coopwatch.update import health

from feedservers import engine_server
from helpers import settle

# anything that could drive a terminal or reorder what it shows
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE = "\x1b[2J\x1b]0;owned\x07\x9b31m\u202e"
FILE_NAME = f"[red]x[blink] {HOSTILE}.txt"  # no "/": a file name cannot hold one
FEED = "https://feeds.example/[b]rss[/b]"
PAGE = (f"[blink]Russland[/blink] und China unterzeichnen ein Abkommen {HOSTILE}\n\n"
        "Russland und China haben ein Abkommen über die Zusammenarbeit bei der künstlichen "
        f"Intelligenz unterzeichnet [/] {HOSTILE}. Die Forschung beginnt im nächsten Jahr.\n")


@pytest.fixture
def hostile_db(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / FILE_NAME).write_text(PAGE, encoding="utf-8")
    db = tmp_path / "hostile.db"
    assert CliRunner().invoke(cli, ["--db", str(db), "ingest", str(folder)]).exit_code == 0
    with open_store(db) as store:
        store.add_source(FEED, "feed")
        health.record(store, health.Health(
            SourceResult(FEED, status="failed", error=f"[/] boom {HOSTILE}"),
            title=f"[bold]Feed[/bold] {HOSTILE}"), datetime.now(UTC))
    return db


def _cli(db: Path, *args: str, env: dict[str, str] | None = None) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], env=env, catch_exceptions=False)
    return result.stdout + result.stderr


COMMANDS = [
    ("list",), ("list", "--json"), ("list", "--csv"), ("show", "1"), ("show", "1", "--json"),
    ("pairs",), ("pairs", "--json"), ("export", "--format", "json"),
    ("export", "--format", "jsonl"), ("export", "--format", "csv"), ("feeds", "list"),
    ("feeds", "list", "--json"), ("feeds", "export"),
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_command_prints_what_could_drive_a_terminal(hostile_db: Path, args: tuple[str, ...]
                                                       ) -> None:
    shown = _cli(hostile_db, *args)
    assert not UNSAFE.search(shown), repr(UNSAFE.search(shown))


@pytest.mark.parametrize("args", [("list",), ("show", "1"), ("pairs",), ("feeds", "list")],
                         ids=" ".join)
def test_tables_on_a_terminal_show_markup_as_text(hostile_db: Path, args: tuple[str, ...]) -> None:
    shown = _cli(hostile_db, *args, env={"FORCE_COLOR": "1", "COLUMNS": "200"})
    for sequence in ("\x1b[2J", "\x1b]0;", "\x07", "\x9b", "\u202e"):
        assert sequence not in shown
    if args[0] in ("list", "show"):
        assert "[blink]Russland[/blink]" in shown
    if args[0] == "feeds":
        assert "[bold]Feed[/bold]" in shown and "[/] boom" in shown


def test_json_keeps_the_text_escaped(hostile_db: Path) -> None:
    [article] = json.loads(_cli(hostile_db, "list", "--json"))
    assert article["title"].startswith("[blink]Russland[/blink]")
    assert "\u202e" in article["title"]  # the data is intact for programs, as a \\u escape
    assert os.path.basename(article["source"]).startswith("[red]x[blink]")


def test_ingest_and_fetch_lines_carry_names_safely(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / FILE_NAME).write_text(PAGE, encoding="utf-8")
    (folder / f"empty {HOSTILE}.txt").write_bytes(b"")
    config = tmp_path / "config.toml"
    config.write_text(f"[sources]\nfolders = [{json.dumps(str(folder))}]\n", encoding="utf-8")
    db = tmp_path / "x.db"
    for args in (("ingest", str(folder)), ("ingest", "--json", str(folder)),
                 ("--config", str(config), "fetch"), ("--config", str(config), "fetch", "--json")):
        shown = _cli(db, *args)
        assert "skipped" in shown and not UNSAFE.search(shown), args


async def test_every_screen_shows_hostile_text_literally(hostile_db: Path) -> None:
    def failing(path: str, headers: dict[str, str], body: dict) -> tuple[int, dict]:
        return 500, {"error": f"[/bold] engine down {HOSTILE}"}

    with engine_server(failing) as engine:
        config = Config(translate=TranslateConfig(backend="libretranslate", url=engine.url))
        app = make_app(config, hostile_db)
        async with app.run_test(size=(160, 45), notifications=True) as pilot:
            await settle(pilot)
            screens = {"feed": app.export_screenshot()}
            app.push_screen(ArticleScreen(1))
            await settle(pilot)
            await pilot.press("t")
            await settle(pilot)
            screens["article"] = app.export_screenshot()
            notes = " ".join(n.message for n in app._notifications)
            await pilot.press("escape", "p")
            await settle(pilot)
            screens["pairs"] = app.export_screenshot()
            await pilot.press("escape", "f")
            await settle(pilot)
            screens["feeds"] = app.export_screenshot()
    assert "[/bold] engine down" in notes and not UNSAFE.search(notes)
    assert "[/bold]&#160;engine&#160;down" in screens["article"]  # the toast, literally
    for name, svg in screens.items():
        assert not UNSAFE.search(svg), name
    assert "[blink]Russland[/blink]" in screens["feed"]
    assert "[blink]Russland[/blink]" in screens["article"] and "[red]x[blink]" in screens["article"]
    assert "[bold]Feed[/bold]" in screens["feeds"] and "[/]&#160;boom" in screens["feeds"]
