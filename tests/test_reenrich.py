"""Tags older than the enrichment: the version, stale articles, `reenrich`, and the notes."""

from __future__ import annotations

import json
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_crash import _children, _wait_gone

from coopwatch.cli import cli
from coopwatch.config import Config
from coopwatch.enrichversion import enrichment_version
from coopwatch.store import open_store
from coopwatch.tui.app import make_app
from coopwatch.types import Filters

from helpers import enrichment, raw, settle, write
from processes import command, finish, run, start

CURRENT = enrichment_version()
STORIES = [
    ("/n/ru-cn.txt", "Russia and China sign AI deal",
     "Russia and China signed an agreement to cooperate on artificial intelligence research."),
    ("/n/jp-vn.txt", "Japan and Vietnam agree on chips",
     "Japan and Vietnam agreed to cooperate on semiconductors and chip factories."),
    ("/n/in-fr.txt", "India and France launch space partnership",
     "India and France will cooperate on satellites and space research, the ministers said."),
]


def cli_run(db: Path, *args: str, config: Path | None = None) -> tuple[int, str, str]:
    extra = ["--config", str(config)] if config else []
    result = CliRunner().invoke(cli, ["--db", str(db), *extra, *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def stored_untagged(db: Path, version: str = "2") -> list[int]:
    """The stories as an older enrichment left them: no tags at all, an old version."""
    with open_store(db) as store:
        return store.save_articles(
            [write(raw(source, title=title, body=body), enrichment(language="xx"))
             for source, title, body in STORIES], version)


def versions(db: Path) -> list[str]:
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute(
            "SELECT enriched_with FROM articles ORDER BY id")]


def test_the_version_is_the_hand_kept_number_and_a_digest_of_code_data_and_user_terms() -> None:
    from coopwatch.enrich import ENRICH_VERSION

    number, _, digest = CURRENT.partition("+")
    assert number == ENRICH_VERSION and len(digest) == 12
    assert enrichment_version({}) == CURRENT == enrichment_version(None)
    arctic = enrichment_version({"arctic": ["arctic", "polar"]})
    assert arctic.startswith(f"{ENRICH_VERSION}+") and arctic != CURRENT
    assert enrichment_version({"arctic": ("arctic", "polar")}) == arctic


def test_a_sync_stores_the_current_version(db_path: Path, seeds: Path) -> None:
    assert cli_run(db_path, "ingest", str(seeds))[0] == 0
    assert set(versions(db_path)) == {CURRENT}
    with open_store(db_path) as store:
        assert store.count_stale(CURRENT) == 0


def test_the_store_finds_stale_articles_with_the_list_filters(db_path: Path) -> None:
    ids = stored_untagged(db_path)
    with open_store(db_path) as store:
        assert store.count_stale(CURRENT) == 3 and store.count_stale("2") == 0
        assert store.count_stale(CURRENT, Filters(source="/n/jp-vn.txt")) == 1
        assert store.count_stale(CURRENT, Filters(search="satellites")) == 1
        first = store.texts_to_enrich(CURRENT, limit=2)
        assert [text.article_id for text in first] == ids[:2]
        rest = store.texts_to_enrich(CURRENT, after_id=first[-1].article_id, limit=2)
        assert [text.article_id for text in rest] == ids[2:]
        assert store.texts_to_enrich("2") == [] and len(store.texts_to_enrich(None)) == 3


def test_replacing_the_enrichment_keeps_text_and_fetch_data(db_path: Path) -> None:
    [article_id, *_] = stored_untagged(db_path)
    with open_store(db_path) as store:
        before = store.get_article(article_id)
        [text] = store.texts_to_enrich(CURRENT, limit=1)
        tags = enrichment(("CN", "RU"), (("CN", "RU"),), ("ai",), published="2024-05-01")
        assert store.replace_enrichments([(text, tags)], CURRENT) == 1
        after = store.get_article(article_id)
        assert (after.article.countries, after.article.pairs, after.article.sectors) == (
            ("CN", "RU"), (("CN", "RU"),), ("ai",))
        assert after.article.published == "2024-05-01" and after.article.language == "en"
        assert (after.body, after.article.title, after.article.fetched_at) == (
            before.body, before.article.title, before.article.fetched_at)
        assert store.count_stale(CURRENT) == 2
        assert store.list_articles(Filters(pair=("CN", "RU")))[0].id == article_id


def test_an_article_whose_text_changed_since_it_was_read_is_left(db_path: Path) -> None:
    [article_id, *_] = stored_untagged(db_path)
    with open_store(db_path) as store:
        [text] = store.texts_to_enrich(CURRENT, limit=1)
        store.save_articles([write(raw(STORIES[0][0], title="New title", body="New text."),
                                   enrichment(), article_id=article_id, digest="h2")], "2")
        assert store.replace_enrichments([(text, enrichment(("RU",)))], CURRENT) == 0
        assert store.get_article(article_id).article.countries == ()


def test_reenrich_tags_stale_articles_again_and_a_second_run_has_nothing_to_do(
        db_path: Path) -> None:
    stored_untagged(db_path)
    code, out, err = cli_run(db_path, "reenrich")
    assert (code, out, err) == (0, "re-enriched 3 articles (0 left)\n", "")
    assert versions(db_path) == [CURRENT] * 3
    listed = {article["source"]: article
              for article in json.loads(cli_run(db_path, "list", "--json")[1])}
    assert listed["/n/ru-cn.txt"]["pairs"] == [["CN", "RU"]]
    assert "ai" in listed["/n/ru-cn.txt"]["sectors"]
    assert listed["/n/jp-vn.txt"]["pairs"] == [["JP", "VN"]]
    assert {article["language"] for article in listed.values()} == {"en"}
    assert cli_run(db_path, "reenrich")[1] == "re-enriched 0 articles (0 left)\n"


def test_reenrich_filters_json_and_all(db_path: Path) -> None:
    stored_untagged(db_path)
    code, out, _ = cli_run(db_path, "reenrich", "--source", "/n/jp-vn.txt", "--json")
    assert code == 0
    assert json.loads(out) == {"reenriched": 1, "remaining": 0, "version": CURRENT}
    assert versions(db_path) == ["2", CURRENT, "2"]
    assert json.loads(cli_run(db_path, "reenrich", "--json")[1])["reenriched"] == 2
    assert json.loads(cli_run(db_path, "reenrich", "--all", "--lang", "en", "--json")[1]) == {
        "reenriched": 3, "remaining": 0, "version": CURRENT}


def test_new_sector_terms_in_the_config_make_the_tags_stale(db_path: Path, tmp_path: Path) -> None:
    stored_untagged(db_path, CURRENT)
    config = tmp_path / "arctic.toml"
    config.write_text('[sectors]\narctic = ["Russia"]\n', encoding="utf-8")
    assert cli_run(db_path, "reenrich")[1] == "re-enriched 0 articles (0 left)\n"
    code, out, _ = cli_run(db_path, "reenrich", "--sector", "arctic", "--all", "--json",
                           config=config)
    assert code == 0 and json.loads(out)["reenriched"] == 0  # none tagged arctic yet
    code, out, _ = cli_run(db_path, "reenrich", config=config)
    assert out == "re-enriched 3 articles (0 left)\n"
    assert set(versions(db_path)) == {enrichment_version({"arctic": ["Russia"]})}


def test_reenrich_errors_are_one_line_with_exit_2(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, err = cli_run(db_path, "reenrich", "--pair", "RU")
    assert code == 2 and "--pair" in err
    import coopwatch.store.sqlite.lock

    stored_untagged(db_path)
    # the first batch waits as long as fetch does for a running sync, then gives up clearly
    monkeypatch.setattr(coopwatch.store.sqlite.lock, "WAIT_SECONDS", 0.2)
    with open_store(db_path) as holder, holder.sync_lock():
        code, out, err = cli_run(db_path, "reenrich")
    assert (code, out) == (2, "")
    assert err == f"Error: another coopwatch sync is running on {db_path}; try again later\n"
    assert versions(db_path) == ["2"] * 3


def test_fetch_notes_stale_tags_except_when_quiet(db_path: Path, tmp_path: Path) -> None:
    config = tmp_path / "none.toml"
    config.write_text("[sources]\nfolders = []\n", encoding="utf-8")
    stored_untagged(db_path)
    code, out, err = cli_run(db_path, "fetch", config=config)
    assert code == 0 and err == (
        "note: 3 articles were tagged by an older enrichment; run `coopwatch reenrich`\n")
    code, out, err = cli_run(db_path, "fetch", "--json", config=config)
    assert json.loads(out)["stale_articles"] == 3
    assert cli_run(db_path, "fetch", "--quiet", config=config)[1:] == ("", "")
    cli_run(db_path, "reenrich")
    code, out, err = cli_run(db_path, "fetch", "--json", config=config)
    assert json.loads(out)["stale_articles"] == 0 and "older enrichment" not in err


async def test_the_dashboard_notifies_stale_tags_once_at_start(db_path: Path) -> None:
    stored_untagged(db_path)
    app = make_app(Config(), db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        notes = [n.message for n in app._notifications if "older enrichment" in n.message]
        assert notes == ["3 articles were tagged by an older enrichment; run `coopwatch reenrich`"]


async def test_the_dashboard_says_nothing_when_tags_are_current(db_path: Path) -> None:
    stored_untagged(db_path, CURRENT)
    app = make_app(Config(), db_path)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        assert not [n for n in app._notifications if "older enrichment" in n.message]


# -- kill -9 ---------------------------------------------------------------------------------

MANY = 1600


def retagged_count(db: Path) -> int:
    # not "= CURRENT": the process's own version is what counts (enrich/ may change meanwhile)
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute(
                "SELECT count(*) FROM articles WHERE enriched_with != '2'").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_kill_9_during_reenrich_keeps_its_batches_and_a_rerun_finishes(
        db_path: Path, tmp_path: Path) -> None:
    from coopwatch.reenrich import BATCH_SIZE, POOL_FROM

    assert MANY >= POOL_FROM

    words = "research laboratory satellite reactor vaccine battery grid fund university".split()
    with open_store(db_path) as store:
        store.save_articles([
            write(raw(f"/many/{number}.txt", title=f"Japan and Vietnam agreement {number}",
                      body="Japan and Vietnam signed a cooperation agreement. "
                           + " ".join(words[(number + i) % len(words)] for i in range(150))),
                  enrichment(), digest=f"h{number}")
            for number in range(MANY)], "2")
    process = start(command("reenrich", db=db_path), cwd=tmp_path)
    give_up = time.monotonic() + 120
    while retagged_count(db_path) < BATCH_SIZE:
        assert process.poll() is None, "finished before it could be killed"
        assert time.monotonic() < give_up
        time.sleep(0.02)
    workers = _children(process.pid)  # MANY is past POOL_FROM: enriched in worker processes
    process.send_signal(signal.SIGKILL)
    assert finish(process).code == -signal.SIGKILL
    _wait_gone(workers)
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    kept = retagged_count(db_path)
    assert BATCH_SIZE <= kept < MANY and kept % BATCH_SIZE == 0  # whole batches only
    done = run(command("reenrich", "--json", db=db_path), cwd=tmp_path)
    assert done.code == 0, done.err
    report = json.loads(done.out)
    assert (report["reenriched"], report["remaining"]) == (MANY - kept, 0)
    assert set(versions(db_path)) == {report["version"]}
    with open_store(db_path) as store:
        assert store.count_articles(Filters(pair=("JP", "VN"))) == MANY


@pytest.mark.parametrize("quiet", [True, False])
def test_counting_stale_tags_imports_no_enrichment(db_path: Path, tmp_path: Path,
                                                   quiet: bool) -> None:
    config = tmp_path / "none.toml"
    config.write_text("[sources]\nfolders = []\n", encoding="utf-8")
    stored_untagged(db_path)
    fetch = command("fetch", *(["--quiet"] if quiet else []), db=db_path, config=config)
    done = run([fetch[0], "-X", "importtime", *fetch[1:]], tmp_path)
    assert done.code == 0, done.err
    assert ("older enrichment" in done.err) != quiet
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.err.splitlines()
                if line.startswith("import time:")}
    assert "coopwatch.enrichversion" in imported or quiet
    assert not [name for name in imported if name.startswith(("coopwatch.enrich.", "numpy"))
                or name == "coopwatch.enrich"]
