"""Crash safety and overlapping work: kill -9, two syncs, readers, a full disk, a read-only file."""

from __future__ import annotations

import json
import os
import random
import resource
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from feedservers import scripted_server
from processes import command, finish, run, start, without_root_powers

# Distinct stories: random words around a cooperation sentence, so no two are near-duplicates.
WORDS = ("research network laboratory satellite reactor vaccine battery grid startup fund "
         "university ministry delegation summit corridor port railway harbour telescope "
         "genome chip wafer turbine hydrogen lithium orbit rover drone cable fibre cloud "
         "data centre software patent license tariff export import investor venture").split()
PAIRS = [("Japan", "Vietnam"), ("Russia", "China"), ("India", "France"), ("Brazil", "Germany")]


def story(rng: random.Random, number: int) -> tuple[str, str]:
    first, second = PAIRS[number % len(PAIRS)]
    title = f"{first} and {second} sign agreement number {number}"
    words = " ".join(rng.choice(WORDS) for _ in range(120))
    return title, f"{first} and {second} signed a cooperation agreement. {words}."


def article_count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not created yet, or its schema not yet written
        return 0


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


def kill_when(process: subprocess.Popen[str], db: Path, articles: int) -> None:
    """kill -9 the process once the database holds at least this many articles."""
    give_up = time.monotonic() + 120
    while article_count(db) < articles:
        assert process.poll() is None, "finished before it could be killed"
        assert time.monotonic() < give_up
        time.sleep(0.02)
    children = _children(process.pid)
    process.send_signal(signal.SIGKILL)
    finish(process)
    _wait_gone(children)


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text() if (task / "children").exists() else ""
        found += [int(child) for child in text.split()]
    return found


def _wait_gone(pids: list[int]) -> None:
    """Worker processes of a killed sync leave too: nothing runs on with no one to report to."""
    give_up = time.monotonic() + 30
    for pid in pids:
        while Path(f"/proc/{pid}").exists() and "Z" not in _state(pid):
            assert time.monotonic() < give_up, f"process {pid} outlived the killed sync"
            time.sleep(0.05)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"


@pytest.fixture(scope="module")
def inbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inbox")
    rng = random.Random(7)
    for number in range(150):
        title, body = story(rng, number)
        (folder / f"story-{number:03d}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("kill_after", [1, 60])
def test_kill_9_during_ingest_keeps_what_was_committed_and_a_rerun_completes(
        tmp_path: Path, inbox: Path, kill_after: int) -> None:
    db = tmp_path / "crash.db"
    kill_when(start(command("ingest", str(inbox), db=db), cwd=tmp_path), db, kill_after)
    assert integrity(db) == "ok"
    kept = article_count(db)
    assert kill_after <= kept < 150
    done = run(command("ingest", str(inbox), db=db), cwd=tmp_path)
    assert done.code == 0, done.err
    assert integrity(db) == "ok" and article_count(db) == 150
    listed = json.loads(run(command("list", "--json", "--limit", "0", db=db), cwd=tmp_path).out)
    assert len({article["source"] for article in listed}) == 150


def feed_xml(feed: int, items: int) -> bytes:
    rng = random.Random(feed)
    entries = []
    for item in range(items):
        title, body = story(rng, feed * 1000 + item)
        entries.append(f"<item><title>{escape(title)}</title><guid>f{feed}-i{item}</guid>"
                       f"<link>https://news{feed}.example/{item}</link>"
                       f"<description>{escape(body)}</description></item>")
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>feed {feed}</title>'
            + "".join(entries) + "</channel></rss>").encode()


@contextmanager
def feeds_served(tmp_path: Path, feeds: int, items: int, delay: float = 0.05
                 ) -> Iterator[tuple[Path, Path]]:
    """A loopback server of feeds (each answer a little slow): a config, and an OPML of them."""
    with scripted_server() as (base, script):
        for feed in range(feeds):
            body = feed_xml(feed, items)

            def slow(headers: dict[str, str], body: bytes = body) -> tuple[int, dict[str, str], bytes]:
                time.sleep(delay)
                return 200, {"Content-Type": "application/rss+xml"}, body

            script.routes[f"/feed-{feed}.xml"] = slow
        config = tmp_path / "config.toml"
        config.write_text("[sources]\nfolders = []\n", encoding="utf-8")
        opml = tmp_path / "feeds.opml"
        opml.write_text('<?xml version="1.0"?><opml version="2.0"><head/><body>' + "".join(
            f'<outline type="rss" text="f{feed}" xmlUrl="{base}/feed-{feed}.xml"/>'
            for feed in range(feeds)) + "</body></opml>", encoding="utf-8")
        yield config, opml


def subscribe(db: Path, config: Path, opml: Path) -> None:
    done = run(command("feeds", "import", str(opml), db=db, config=config), cwd=opml.parent)
    assert done.code == 0, done.err


@pytest.mark.parametrize("kill_after", [1, 200])
def test_kill_9_during_fetch_keeps_what_was_committed_and_a_rerun_completes(
        tmp_path: Path, kill_after: int) -> None:
    db = tmp_path / "crash.db"
    with feeds_served(tmp_path, feeds=24, items=25) as (config, opml):
        subscribe(db, config, opml)
        fetch = command("fetch", "--quiet", db=db, config=config)
        kill_when(start(fetch, cwd=tmp_path), db, kill_after)
        assert integrity(db) == "ok"
        assert kill_after <= article_count(db) < 24 * 25
        done = run(fetch, cwd=tmp_path)  # the lock died with the killed sync
        assert done.code == 0, done.err
    assert integrity(db) == "ok" and article_count(db) == 24 * 25


def test_a_reader_sees_each_feed_stored_while_the_sync_still_waits_for_others(
        tmp_path: Path) -> None:
    # The writer keeps a sync's writes in shared transactions; one is committed once no other
    # write waits, so a dashboard or a `list` in another terminal sees a feed soon after it is
    # stored, not when the sync's last feed answers.
    import threading

    db = tmp_path / "live.db"
    released = threading.Event()
    with scripted_server() as (base, script):
        script.routes["/quick.xml"] = (200, {"Content-Type": "application/rss+xml"},
                                       feed_xml(1, 30))

        def held(headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
            released.wait(60)
            return 200, {"Content-Type": "application/rss+xml"}, feed_xml(2, 5)

        script.routes["/held.xml"] = held
        fetch = start(command("fetch", "--quiet", "--feed", f"{base}/quick.xml",
                              "--feed", f"{base}/held.xml", db=db), cwd=tmp_path)
        try:
            give_up = time.monotonic() + 60
            while article_count(db) < 30 and time.monotonic() < give_up:
                assert fetch.poll() is None, "the sync ended while a feed was held"
                time.sleep(0.05)
            seen_while_held = article_count(db)
        finally:
            released.set()
        done = finish(fetch)
    assert done.code == 0, done.err
    assert seen_while_held == 30
    assert article_count(db) == 35 and integrity(db) == "ok"


async def test_overlapping_syncs_readers_and_the_dashboard_lose_nothing(tmp_path: Path) -> None:
    from coopwatch.config import Config
    from coopwatch.tui.app import make_app

    from helpers import settle

    db = tmp_path / "busy.db"
    with feeds_served(tmp_path, feeds=12, items=20, delay=0.02) as (config, opml):
        subscribe(db, config, opml)
        syncs = [start(command("fetch", db=db, config=config), cwd=tmp_path) for _ in range(2)]
        readers = []
        for round_ in range(6):
            readers.append(start(command("list", "--json", "--limit", "0", db=db), cwd=tmp_path))
            readers.append(start(command("export", "--format", "jsonl", db=db), cwd=tmp_path))
            if round_ == 2:
                app = make_app(Config(folders=()), db)
                async with app.run_test(size=(120, 40)) as pilot:
                    await settle(pilot)
                    await pilot.press("r")  # the dashboard's sync takes the same lock
                    await settle(pilot)
                    notes = " ".join(n.message for n in app._notifications)
        finished = [finish(process) for process in syncs + readers]
    for done in finished:
        assert "Traceback" not in done.err and "locked" not in done.err, done.err
    for done in finished[:2]:
        assert done.code == 0 or "another coopwatch sync is running" in done.err
    assert all(done.code == 0 for done in finished[2:])
    assert "locked" not in notes and "went wrong" not in notes
    assert integrity(db) == "ok"
    listed = json.loads(run(command("list", "--json", "--limit", "0", db=db), cwd=tmp_path).out)
    # every feed item once (a dashboard that opened on the empty database added the seeds)
    assert sum(article["source"].startswith("http") for article in listed) == 12 * 20
    final = run(command("fetch", "--json", db=db, config=config), cwd=tmp_path)
    assert json.loads(final.out)["new"] == 0


def _limit_file_size(limit: int):  # type: ignore[no-untyped-def]
    def apply() -> None:
        # a write past the limit then fails with EFBIG, as on a full disk, instead of a signal
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_a_full_disk_is_one_clear_line_and_the_database_stays_whole(
        tmp_path: Path, inbox: Path) -> None:
    db = tmp_path / "full.db"
    first = sorted(inbox.glob("*.txt"))[:3]
    assert run(command("ingest", *map(str, first), db=db), cwd=tmp_path).code == 0
    process = subprocess.Popen(command("ingest", str(inbox), db=db), cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               preexec_fn=_limit_file_size(db.stat().st_size + 64 * 1024))
    done = finish(process)
    assert done.code == 2, done.err
    lines = done.err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.err
    assert "is the disk full?" in lines[0] or "no space left" in lines[0]
    assert integrity(db) == "ok" and article_count(db) >= 3
    again = run(command("ingest", str(inbox), db=db), cwd=tmp_path)
    assert again.code == 0 and article_count(db) == 150


def test_a_read_only_database_is_read_but_never_written(tmp_path: Path, inbox: Path) -> None:
    db = tmp_path / "ro.db"
    first = sorted(inbox.glob("*.txt"))[:3]
    assert run(command("ingest", *map(str, first), db=db), cwd=tmp_path).code == 0
    before = db.read_bytes()
    db.chmod(0o444)
    powerless = without_root_powers()
    listed = run(command("list", "--json", db=db), cwd=tmp_path, prefix=powerless)
    assert listed.code == 0 and len(json.loads(listed.out)) == 3
    done = run(command("ingest", str(inbox), db=db), cwd=tmp_path, prefix=powerless)
    assert done.code == 2 and "read-only" in done.err
    assert len(done.err.strip().splitlines()) == 1 and "Traceback" not in done.err
    assert db.read_bytes() == before
    os.chmod(db, 0o644)
    assert integrity(db) == "ok"
