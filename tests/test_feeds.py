"""Feeds over real HTTP on loopback: conditional GET, limits, faults, health, OPML, the lock."""

from __future__ import annotations

import fcntl
import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import coopwatch.lock
from conftest import FIXTURES, shared_path
from coopwatch.cli import cli
from feedservers import scripted_server, shared_feedserver

RSS = (FIXTURES / "feed.rss").read_bytes()


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def fetch_json(db: Path, *args: str) -> dict:
    code, out, _ = run(db, "fetch", "--json", *args)
    data = json.loads(out)
    data["exit"] = code
    return data


def conditional(headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    if headers.get("If-None-Match") == '"v1"':
        return 304, {"ETag": '"v1"'}, b""
    return 200, {"ETag": '"v1"', "Content-Type": "application/rss+xml"}, RSS


def test_conditional_get_makes_a_second_sync_cost_nothing(db_path: Path) -> None:
    with scripted_server() as (base, script):
        script.routes["/news.rss"] = conditional
        assert run(db_path, "feeds", "add", f"{base}/news.rss")[0] == 0
        first = fetch_json(db_path, "--feed", f"{base}/news.rss")
        assert (first["exit"], first["new"], first["sources"][0]["status"]) == (0, 2, "ok")
        second = fetch_json(db_path, "--feed", f"{base}/news.rss")
        assert (second["exit"], second["new"], second["sources"][0]["status"]) == (0, 0, "unchanged")
        assert script.log == [("/news.rss", 200), ("/news.rss", 304)]
    feeds = json.loads(run(db_path, "feeds", "list", "--json")[1])
    assert feeds[0]["url"] == f"{base}/news.rss" and feeds[0]["articles"] == 2
    assert feeds[0]["title"] == "Science diplomacy wire" and feeds[0]["last_status"] == "unchanged"
    assert feeds[0]["last_error"] is None and feeds[0]["last_success"]


def test_a_permanent_redirect_moves_the_subscription(db_path: Path) -> None:
    with scripted_server() as (base, script):
        script.routes["/old.rss"] = (301, {"Location": "/new.rss"}, b"")
        script.routes["/new.rss"] = (200, {"Content-Type": "application/rss+xml"}, RSS)
        run(db_path, "feeds", "add", f"{base}/old.rss")
        result = fetch_json(db_path, "--feed", f"{base}/old.rss")
        assert result["new"] == 2 and result["sources"][0]["source"] == f"{base}/new.rss"
    assert [f["url"] for f in json.loads(run(db_path, "feeds", "list", "--json")[1])] == [f"{base}/new.rss"]
    sources = {a["source"] for a in json.loads(run(db_path, "list", "--json")[1])}
    assert sources == {f"{base}/new.rss"}


def test_server_errors_are_retried_then_reported(db_path: Path) -> None:
    calls = []

    def flaky(headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        calls.append(1)
        return (503, {"Retry-After": "0"}, b"busy") if len(calls) == 1 else (200, {}, RSS)

    with scripted_server() as (base, script):
        script.routes["/flaky.rss"] = flaky
        script.routes["/down.rss"] = (500, {}, b"<html>oops</html>")
        result = fetch_json(db_path, "--feed", f"{base}/flaky.rss", "--feed", f"{base}/down.rss")
    by_source = {s["source"].rsplit("/", 1)[1]: s for s in result["sources"]}
    assert by_source["flaky.rss"]["status"] == "ok" and len(calls) == 2
    assert by_source["down.rss"] == {**by_source["down.rss"], "status": "failed", "error": "HTTP 500"}
    assert result["exit"] == 1 and result["new"] == 2


def test_bad_bodies_are_per_feed_errors_and_good_feeds_still_land(db_path: Path) -> None:
    with scripted_server() as (base, script):
        script.routes["/good.rss"] = (200, {}, RSS)
        script.routes["/page"] = (200, {"Content-Type": "text/html"}, b"<!DOCTYPE html><html><p>hi</p></html>")
        script.routes["/empty"] = (200, {}, b"")
        script.routes["/big"] = (200, {}, b"<rss>" + b"x" * (11 * 1024 * 1024))
        urls = [f"{base}/{name}" for name in ("good.rss", "page", "empty", "big")]
        result = fetch_json(db_path, *[arg for url in urls for arg in ("--feed", url)])
    errors = {s["source"].rsplit("/", 1)[1]: s["error"] for s in result["sources"]}
    assert errors["good.rss"] is None and result["new"] == 2
    assert errors["page"] == "not a feed: the server sent an HTML page"
    assert errors["empty"].startswith("not a feed")
    assert errors["big"] == "feed larger than 10 MB"


def test_failing_feeds_back_off(db_path: Path) -> None:
    with scripted_server() as (base, script):
        script.routes["/gone.rss"] = (404, {}, b"")
        run(db_path, "feeds", "add", f"{base}/gone.rss")
        for _ in range(3):
            fetch_json(db_path)
    [feed] = json.loads(run(db_path, "feeds", "list", "--json")[1])
    assert feed["consecutive_failures"] == 3 and feed["last_error"] == "HTTP 404"
    # 15, 30, then 60 minutes: the third failure waits an hour
    assert feed["next_poll"] >= time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 3590))
    assert feed["next_poll"] < time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + 7200))


def test_two_syncs_never_overlap(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(coopwatch.lock, "WAIT_SECONDS", 0.2)
    handle = os.open(f"{db_path}.sync-lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(handle, fcntl.LOCK_EX)
    try:
        code, out, err = run(db_path, "fetch")
    finally:
        os.close(handle)
    assert code == 2 and "another coopwatch sync is running" in err and out == ""


def test_opml_import_export_round_trip(db_path: Path, tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text("""<?xml version="1.0"?>
<opml version="1.0"><head><title>mine</title></head><body>
  <outline text="Asia"><outline text="China">
    <outline text="Xinhua" xmlUrl="https://example.cn/rss.xml"/>
  </outline></outline>
  <outline text="Ministry" title="Ministry" xmlUrl="http://example.org/feed" category="/gov"/>
  <outline text="Evil" xmlUrl="exec:rm -rf ~"/>
</body></opml>""", encoding="utf-8")
    code, out, err = run(db_path, "feeds", "import", str(opml))
    assert code == 0 and "imported 2 new feeds" in out and "exec:rm" in err
    feeds = {f["url"]: f for f in json.loads(run(db_path, "feeds", "list", "--json")[1])}
    assert feeds["https://example.cn/rss.xml"]["tags"] == ["Asia", "China"]
    assert feeds["http://example.org/feed"]["tags"] == ["gov"]
    exported = tmp_path / "out.opml"
    exported.write_text(run(db_path, "feeds", "export")[1], encoding="utf-8")
    other = tmp_path / "other.db"
    assert run(other, "feeds", "import", str(exported))[0] == 0
    again = {f["url"]: (f["title"], f["tags"]) for f in json.loads(run(other, "feeds", "list", "--json")[1])}
    assert again == {url: (f["title"], f["tags"]) for url, f in feeds.items()}


def test_opml_and_url_errors(db_path: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.opml"
    broken.write_text('<opml version="2.0"><body>\n<outline text="a">\n</body></opml>')
    code, _, err = run(db_path, "feeds", "import", str(broken))
    assert code == 2 and "line 3" in err and "Traceback" not in err
    bomb = tmp_path / "bomb.opml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE o [<!ENTITY a "aaaa">]><opml><body/></opml>')
    assert run(db_path, "feeds", "import", str(bomb))[0] == 2
    assert run(db_path, "feeds", "add", "file:///etc/passwd")[0] == 2
    assert run(db_path, "fetch", "--feed", "ftp://x")[0] == 2
    assert run(db_path, "feeds", "remove", "https://not.subscribed/")[0] == 2


def test_shared_fault_paths_end_as_per_feed_errors(db_path: Path) -> None:
    tool = shared_path("tools", "feedserver.py")
    folder = shared_path("corpora", "feeds")
    faults = ["status/500", "slow/30", "drip", "huge", "gzip-bomb", "redirect-loop", "html",
              "empty", "reset"]
    with shared_feedserver(tool, folder) as base:
        good = [f"{base}/fault/redirect/3", f"{base}/fault/escapes",
                f"{base}/feeds/wellformed/reader__full.rss"]
        urls = good + [f"{base}/fault/{fault}" for fault in faults]
        started = time.monotonic()
        result = fetch_json(db_path, "--timeout", "4", *[a for u in urls for a in ("--feed", u)])
        assert time.monotonic() - started < 30
    statuses = {s["source"].split("/", 3)[3]: s for s in result["sources"]}
    for fault in faults:
        assert statuses[f"fault/{fault}"]["status"] == "failed", fault
        assert "\n" not in statuses[f"fault/{fault}"]["error"]
    assert all(statuses[u.split("/", 3)[3]]["status"] == "ok" for u in good)
    listing = run(db_path, "list")[1] + run(db_path, "feeds", "list")[1]
    assert "\x1b" not in listing and "\x07" not in listing
