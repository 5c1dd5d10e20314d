"""Feeds over real HTTP on loopback: conditional GET, limits, faults, health, OPML, the lock."""

from __future__ import annotations

import fcntl
import gzip
import json
import os
import random
import socket
import ssl
import time
import zlib
from pathlib import Path

import pytest
import trustme
from click.testing import CliRunner

import coopwatch.enrichpool
import coopwatch.store.sqlite.lock
import coopwatch.update.enrich
from coopwatch.cli import cli
from coopwatch.enrich.vocabulary import Vocabulary

from conftest import FIXTURES, shared_path
from feedservers import scripted_server, shared_feedserver
from processes import command
from processes import run as run_process

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


def _https_server_context(ca: trustme.CA, host: str) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(host).configure_cert(context)
    return context


@pytest.mark.parametrize(("trusted", "host", "status"), [
    (True, "127.0.0.1", "ok"),
    (False, "127.0.0.1", "failed"),  # a certificate no trusted authority signed
    (True, "news.example.org", "failed"),  # a trusted certificate for another host
])
def test_an_https_feed_is_read_only_from_a_server_whose_certificate_holds(
        db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        trusted: bool, host: str, status: str) -> None:
    ca = trustme.CA()
    if trusted:
        bundle = tmp_path / "ca.pem"
        ca.cert_pem.write_to_path(str(bundle))
        monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    else:
        monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    with scripted_server(tls=_https_server_context(ca, host)) as (base, script):
        script.routes["/news.rss"] = (200, {"Content-Type": "application/rss+xml"}, RSS)
        assert run(db_path, "feeds", "add", f"{base}/news.rss")[0] == 0
        report = fetch_json(db_path, "--feed", f"{base}/news.rss")
    source = report["sources"][0]
    assert source["status"] == status
    if status == "ok":
        assert report["new"] == 2 and script.log == [("/news.rss", 200)]
    else:
        assert report["new"] == 0 and "certificate" in source["error"].lower()


def test_feeds_go_through_the_proxy_the_environment_names(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with scripted_server() as (proxy, script):
        # a proxy is asked for the whole address; this host resolves nowhere else
        script.routes["http://feeds.example/news.rss"] = (200, {}, RSS)
        for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy"):
            monkeypatch.delenv(name, raising=False)
        monkeypatch.setenv("HTTP_PROXY", proxy)
        assert run(db_path, "feeds", "add", "http://feeds.example/news.rss")[0] == 0
        report = fetch_json(db_path, "--feed", "http://feeds.example/news.rss")
    assert (report["exit"], report["new"], report["sources"][0]["status"]) == (0, 2, "ok")
    assert script.log == [("http://feeds.example/news.rss", 200)]


# What a cron run pays for when nothing changed: no parser, no enrichment, no dashboard.
HEAVY_MODULES = ("coopwatch.enrich", "coopwatch.update.parse", "feedparser", "trafilatura",
                 "numpy", "textual", "dateparser")


def test_a_sync_where_every_feed_answers_304_imports_no_parsing_or_enrichment(
        db_path: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[sources]\nfolders = []\n", encoding="utf-8")
    with scripted_server() as (base, script):
        script.routes["/news.rss"] = conditional
        fetch = command("fetch", "--quiet", db=db_path, config=config)
        assert run_process(command("feeds", "add", f"{base}/news.rss", db=db_path,
                                   config=config), tmp_path).code == 0
        assert run_process(fetch, tmp_path).code == 0
        warm = run_process([fetch[0], "-X", "importtime", *fetch[1:]], tmp_path)
        assert script.log == [("/news.rss", 200), ("/news.rss", 304)]
    assert warm.code == 0
    imported = {line.rsplit("|", 1)[-1].strip() for line in warm.err.splitlines()
                if line.startswith("import time:")}
    assert "httpx" in imported  # the check sees what the run imported
    # a heavy module or one inside it (coopwatch.enrich.text), not a namesake (coopwatch.enrichpool)
    assert not [name for name in imported
                if any(name == heavy or name.startswith(heavy + ".") for heavy in HEAVY_MODULES)]


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


def test_a_bug_on_one_feed_is_that_feeds_recorded_failure(
        db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import coopwatch.update.parse

    def broken(*args: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(coopwatch.update.parse, "parse", broken)
    with scripted_server() as (base, script):
        script.routes["/news.rss"] = (200, {"Content-Type": "application/rss+xml"}, RSS)
        run(db_path, "feeds", "add", f"{base}/news.rss")
        result = fetch_json(db_path, "--feed", f"{base}/news.rss")
    assert result["exit"] == 1
    assert result["sources"][0]["error"] == "could not process the feed (KeyError)"
    [feed] = json.loads(run(db_path, "feeds", "list", "--json")[1])
    assert (feed["last_status"], feed["last_error"]) == (
        "failed", "could not process the feed (KeyError)")


def test_due_leaves_a_feed_until_the_time_its_server_asked_for(db_path: Path) -> None:
    untimed = RSS.replace(b"<ttl>60</ttl>", b"")  # the feed itself asks nothing
    assert untimed != RSS
    with scripted_server() as (base, script):
        script.routes["/hourly.rss"] = (200, {"Content-Type": "application/rss+xml",
                                              "Cache-Control": "max-age=3600"}, untimed)
        script.routes["/any.rss"] = (200, {"Content-Type": "application/rss+xml"},
                                     untimed.replace(b"<guid>", b"<guid>any-"))
        for path in ("/hourly.rss", "/any.rss"):
            run(db_path, "feeds", "add", f"{base}{path}")
        assert fetch_json(db_path)["failed"] == 0
        due = fetch_json(db_path, "--due")
        assert due["not_due"] == [f"{base}/hourly.rss"]
        assert [s["source"] for s in due["sources"] if s["source"].startswith("http")] == [
            f"{base}/any.rss"]
        code, out, _ = run(db_path, "fetch", "--due")
        assert code == 0 and ", 1 not due yet in " in out.splitlines()[-1]
        assert fetch_json(db_path)["exit"] == 0  # without --due, every feed
    asked = [path for path, _ in script.log]
    assert asked.count("/hourly.rss") == 2 and asked.count("/any.rss") == 4


def test_due_backs_a_failing_feed_off_instead_of_asking_at_every_run(db_path: Path) -> None:
    with scripted_server() as (base, script):
        script.routes["/down.rss"] = (500, {}, b"down")
        run(db_path, "feeds", "add", f"{base}/down.rss")
        assert fetch_json(db_path)["failed"] == 1
        again = fetch_json(db_path, "--due")
        assert (again["exit"], again["failed"], again["not_due"]) == (0, 0, [f"{base}/down.rss"])
    assert [path for path, _ in script.log] == ["/down.rss"] * 3  # one fetch: two retries
    [feed] = json.loads(run(db_path, "feeds", "list", "--json")[1])
    assert feed["last_status"] == "failed" and feed["consecutive_failures"] == 1


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
    monkeypatch.setattr(coopwatch.store.sqlite.lock, "WAIT_SECONDS", 0.2)
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


STORY = (
    "Russia and China signed an agreement in Moscow on joint research in quantum computing and"
    " satellite navigation. The two governments will fund twelve laboratories over five years,"
    " the ministers said after the talks, and exchange two hundred researchers each year."
)


def rss(*items: tuple[str, str, str, str]) -> bytes:
    entries = "".join(
        f"<item><guid>{guid}</guid><title>{title}</title><link>{link}</link>"
        f"<description>{text}</description></item>"
        for guid, title, link, text in items
    )
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{entries}'
            "</channel></rss>").encode()


def test_one_story_from_three_feeds_is_one_article_in_three_sources(db_path: Path) -> None:
    agency = rss(("a-1", "Russia and China sign quantum pact",
                  "https://news.example/story-1?utm_source=rss&amp;utm_medium=feed", STORY))
    # the same address as the agency's, without its tracking parameters
    portal = rss(("p-9", "Quantum pact signed", "https://www.news.example/story-1#top",
                  "A short summary."))
    # the agency's text reprinted under another address, with a line of its own
    paper = rss(("x-3", "Russia, China sign quantum pact", "https://paper.example/world/77",
                 STORY + " Reprinted with permission."),
                ("x-4", "Local elections", "https://paper.example/local/78",
                 "The city council of Springfield elected a new mayor on Sunday after a long"
                 " campaign about roads, schools and the budget of the public library."))
    with scripted_server() as (base, script):
        script.routes["/agency.rss"] = (200, {}, agency)
        script.routes["/portal.rss"] = (200, {}, portal)
        script.routes["/paper.rss"] = (200, {}, paper)
        # one after another, so which copy came first is known: the portal's summary
        results = {name: fetch_json(db_path, "--feed", f"{base}/{name}.rss")
                   for name in ("portal", "agency", "paper")}
        script.routes.clear()  # answers 404 now: a feed that failed keeps its copies
        fetch_json(db_path, *[arg for name in results for arg in ("--feed", f"{base}/{name}.rss")])
    counts = {name: (r["sources"][0]["new"], r["sources"][0]["copies"]) for name, r in results.items()}
    assert counts == {"portal": (1, 0), "agency": (0, 1), "paper": (1, 1)}
    articles = json.loads(run(db_path, "list", "--json", "--source", f"{base}/paper.rss")[1])
    assert sorted(a["title"] for a in articles) == ["Local elections",
                                                   "Russia and China sign quantum pact"]
    story = next(a for a in articles if a["pairs"])
    detail = json.loads(run(db_path, "show", str(story["id"]), "--json")[1])
    # the agency's fuller text replaced the portal's summary, so the reprint matched it
    assert detail["source"] == f"{base}/agency.rss" and "twelve laboratories" in detail["body"]
    assert detail["also_in"] == [f"{base}/paper.rss", f"{base}/portal.rss"]
    pairs = json.loads(run(db_path, "pairs", "--json", "--pair", "CN-RU")[1])
    assert pairs[0]["count"] == 1  # a story, not its three copies
    assert len(json.loads(run(db_path, "list", "--json")[1])) == 2


def test_a_changed_copy_does_not_overwrite_the_story(db_path: Path) -> None:
    first = rss(("a-1", "Russia and China sign quantum pact", "https://news.example/1", STORY))
    copy = rss(("b-1", "Pact", "https://news.example/1", "Summary one."))
    edited = rss(("b-1", "Pact", "https://news.example/1", "Summary two, edited."))
    with scripted_server() as (base, script):
        script.routes["/a.rss"] = (200, {}, first)
        script.routes["/b.rss"] = (200, {}, copy)
        fetch_json(db_path, "--feed", f"{base}/a.rss")  # the story is first seen here
        fetch_json(db_path, "--feed", f"{base}/b.rss")
        script.routes["/b.rss"] = (200, {}, edited)
        result = fetch_json(db_path, "--feed", f"{base}/b.rss")
    assert (result["new"], result["updated"]) == (0, 0)
    [article] = json.loads(run(db_path, "list", "--json")[1])
    assert article["title"] == "Russia and China sign quantum pact"


ARTICLE_PAGE = b"""<!doctype html><html><head><meta charset="utf-8"><title>Pact</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Vietnam and Japan sign semiconductor pact</h1>
<p>Vietnam and Japan signed a memorandum in Hanoi on Tuesday to train semiconductor engineers and
to build two chip design centres, the ministries of both countries said.</p>
<p>Japanese companies will send two hundred instructors, and Vietnamese universities will open new
courses in chip design and packaging from next year, officials told reporters after the signing.</p>
</article><footer>Copyright News Example</footer></body></html>"""


def test_a_short_item_gets_the_text_of_its_page(db_path: Path) -> None:
    with scripted_server() as (base, script):
        feed = rss(("s-1", "Vietnam, Japan sign pact", f"{base}/story/1", "Read more."),
                   ("s-2", "Gone", f"{base}/story/gone", "A summary that stays."),
                   ("s-3", "Long enough", f"{base}/story/3", STORY + " " + STORY))
        script.routes["/short.rss"] = (200, {}, feed)
        script.routes["/story/1"] = (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE_PAGE)
        result = fetch_json(db_path, "--feed", f"{base}/short.rss")
        fetched = sorted(path for path, _ in script.log if path.startswith("/story"))
    assert result["exit"] == 0 and result["new"] == 3
    assert fetched == ["/story/1", "/story/gone"]  # an item with text enough is left alone
    by_title = {a["title"]: a for a in json.loads(run(db_path, "list", "--json")[1])}
    story = json.loads(run(db_path, "show", str(by_title["Vietnam, Japan sign pact"]["id"]),
                           "--json")[1])
    assert "two hundred instructors" in story["body"] and "Home" not in story["body"]
    assert story["pairs"] == [["JP", "VN"]] and "semiconductors" in story["sectors"]
    assert by_title["Gone"]["summary"] == "A summary that stays."


def test_full_text_is_configurable_per_feed_and_globally(db_path: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[fetch]\nfull_text_below = 0\n")
    with scripted_server() as (base, script):
        script.routes["/a.rss"] = (200, {}, rss(("a", "A", f"{base}/page/a", "Short.")))
        script.routes["/b.rss"] = (200, {}, rss(("b", "B", f"{base}/page/b", "Short.")))
        run(db_path, "feeds", "add", f"{base}/a.rss")
        run(db_path, "feeds", "add", f"{base}/b.rss", "--full-text-below", "1000")
        runner = CliRunner()
        runner.invoke(cli, ["--db", str(db_path), "--config", str(config), "fetch",
                            "--feed", f"{base}/a.rss", "--feed", f"{base}/b.rss"])
        pages = [path for path, _ in script.log if path.startswith("/page")]
    assert pages == ["/page/b"]  # the config says never; feed b says below 1000
    listed = {f["url"]: f for f in json.loads(run(db_path, "feeds", "list", "--json")[1])}
    assert listed[f"{base}/b.rss"]["full_text_below"] == 1000
    assert listed[f"{base}/a.rss"]["full_text_below"] is None


def _fetch_on_a_terminal(db: Path, *args: str) -> tuple[str, str]:
    """Run `coopwatch fetch` with stderr on a pseudo-terminal; returns (stdout, terminal)."""
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "coopwatch", "--db", str(db), "fetch", *args],
        stdout=subprocess.PIPE, stderr=follower, stdin=subprocess.DEVNULL, text=True,
        env={**os.environ, "COLUMNS": "100", "TERM": "xterm-256color"},
        cwd=db.parent,  # away from the checkout, whose coopwatch/ folder is not the package
    )
    os.close(follower)
    stdout, _ = process.communicate(timeout=60)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    return stdout, seen.decode(errors="replace")


def test_a_terminal_sees_a_progress_bar_and_cron_plain_lines(db_path: Path) -> None:
    with scripted_server() as (base, script):
        script.routes["/news.rss"] = (200, {}, RSS)
        script.routes["/down.rss"] = (500, {}, b"down")
        stdout, terminal = _fetch_on_a_terminal(db_path, "--feed", f"{base}/news.rss")
        quiet_out, _ = _fetch_on_a_terminal(db_path, "--quiet", "--feed", f"{base}/news.rss",
                                            "--feed", f"{base}/down.rss")
    assert "syncing" in terminal and "1/1" in terminal
    assert stdout.splitlines()[0].startswith("ok ") and stdout.splitlines()[-1].startswith("total:")
    assert "\x1b" not in stdout  # the bar never reaches the data stream
    assert quiet_out.splitlines() == [f"failed     {base}/down.rss: HTTP 500"]


def _many_stories(count: int, first_number: int = 0) -> bytes:
    pairs = [("Russia", "China"), ("Vietnam", "Japan"), ("India", "France"), ("Brazil", "Germany"),
             ("Kenya", "Egypt")]
    topics = ["quantum computing", "nuclear power", "space launches", "semiconductors",
              "vaccines"]
    filler = ("river harbour council winter budget museum garden railway library orchard market "
              "festival bridge valley forest harvest ferry tower village choir").split()
    items = []
    for number in range(first_number, first_number + count):
        first, second = pairs[number % len(pairs)]
        words = random.Random(number).choices(filler, k=30)
        text = (f"{first} and {second} signed an agreement on {topics[number // 5 % 5]} "
                f"cooperation. {' '.join(words)}.")
        items.append((f"s-{number}", f"{first} and {second}: story {number}",
                      f"https://wire.example/{number}", text))
    return rss(*items)


def _watch_pool(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each enrich() call of the syncs went to the workers."""
    used_workers: list[bool] = []
    real_enrich = coopwatch.enrichpool.EnrichPool.enrich

    async def watched(self, raws, **options):  # type: ignore[no-untyped-def]
        done = await real_enrich(self, raws, **options)
        used_workers.append(done is not None)
        return done

    monkeypatch.setattr(coopwatch.enrichpool.EnrichPool, "enrich", watched)
    return used_workers


def test_a_big_feed_is_enriched_in_worker_processes_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    used_workers = _watch_pool(monkeypatch)
    listings = {}
    with scripted_server() as (base, script):
        script.routes["/wire.rss"] = (200, {}, _many_stories(40))
        for mode, batch in (("workers", 24), ("in process", 10**6)):
            monkeypatch.setattr(coopwatch.enrichpool, "MIN_BATCH", batch)
            db = tmp_path / f"{mode}.db"
            result = fetch_json(db, "--feed", f"{base}/wire.rss")
            assert (result["exit"], result["new"]) == (0, 40)
            listings[mode] = [{key: article[key] for key in
                               ("title", "language", "countries", "pairs", "sectors")}
                              for article in json.loads(run(db, "list", "--json")[1])]
    assert used_workers == [True, False]
    assert listings["workers"] == listings["in process"]
    assert {tuple(a["pairs"][0]) for a in listings["workers"]} >= {("CN", "RU"), ("JP", "VN")}


def test_reprints_in_a_big_sync_are_copies_when_the_workers_made_their_fingerprints(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The workers make each new item's fingerprint beside its tags; a paper reprinting a wire's
    # stories under its own addresses must still be found to carry copies of them.
    used_workers = _watch_pool(monkeypatch)
    monkeypatch.setattr(coopwatch.enrichpool, "MIN_BATCH", 24)
    wire = _many_stories(30)
    paper = wire.replace(b"https://wire.example/", b"https://paper.example/").replace(
        b"<guid>s-", b"<guid>p-")
    db = tmp_path / "reprints.db"
    with scripted_server() as (base, script):
        script.routes["/wire.rss"] = (200, {}, wire)
        script.routes["/paper.rss"] = (200, {}, paper)
        first = fetch_json(db, "--feed", f"{base}/wire.rss")
        second = fetch_json(db, "--feed", f"{base}/paper.rss")
    assert used_workers == [True, True]
    assert [(f["sources"][0]["new"], f["sources"][0]["copies"]) for f in (first, second)] == [
        (30, 0), (0, 30)]
    assert len(json.loads(run(db, "list", "--json", "--limit", "0")[1])) == 30


def test_small_feeds_that_together_make_a_big_sync_are_enriched_by_the_workers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Each feed brings fewer than MIN_BATCH; held until they reach it together, all go to the
    # workers, and the process that parses and stores never loads the vocabulary beside them.
    used_workers = _watch_pool(monkeypatch)
    loaded: list[bool] = []
    real_rest = coopwatch.update.enrich.rest

    def rest(intents, done, vocabulary):  # type: ignore[no-untyped-def]
        loaded.append(bool(coopwatch.update.enrich.waiting(intents, done)))
        return real_rest(intents, done, vocabulary)

    monkeypatch.setattr(coopwatch.update.enrich, "rest", rest)
    monkeypatch.setattr(coopwatch.enrichpool, "MIN_BATCH", 24)
    db = tmp_path / "small-feeds.db"
    with scripted_server() as (base, script):
        for feed in range(4):
            script.routes[f"/wire-{feed}.rss"] = (200, {}, _many_stories(8, 100 * feed))
        args = [arg for feed in range(4) for arg in ("--feed", f"{base}/wire-{feed}.rss")]
        result = fetch_json(db, *args)
    assert (result["exit"], result["new"]) == (0, 32)
    assert used_workers == [True] * 4
    assert loaded == [False] * 4  # nothing left for the main process to enrich


def test_a_sync_that_brings_a_few_articles_enriches_them_in_process_without_waiting(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    used_workers = _watch_pool(monkeypatch)
    monkeypatch.setattr(coopwatch.enrichpool, "HOLD_SECONDS", 600.0)
    db = tmp_path / "few.db"
    with scripted_server() as (base, script):
        script.routes["/a.rss"] = (200, {}, _many_stories(2))
        script.routes["/b.rss"] = (200, {}, _many_stories(3, 50))
        script.routes["/gone.rss"] = (404, {}, b"gone")
        started = time.monotonic()
        result = fetch_json(db, "--feed", f"{base}/a.rss", "--feed", f"{base}/b.rss",
                            "--feed", f"{base}/gone.rss")
        seconds = time.monotonic() - started
    assert (result["exit"], result["new"]) == (1, 5)
    assert used_workers == [False, False]
    # released once the other feeds had ended, not after the hold's longest wait
    assert seconds < 60


def test_once_the_workers_run_a_small_batch_goes_to_them_with_the_same_tags(
        vocabulary: Vocabulary) -> None:
    import asyncio

    from coopwatch.enrich import enrich_many
    from coopwatch.types import Enriched, RawArticle

    few = [RawArticle("https://wire.example/rss", f"s-{n}", "Japan and Vietnam sign a deal",
                      "Japan and Vietnam signed a memorandum on semiconductors in Hanoi.")
           for n in range(2)]

    async def both() -> tuple[object, object]:
        with coopwatch.enrichpool.EnrichPool({}, workers=2) as pool:
            before = await pool.enrich(few)  # too few to start the workers
            await pool.enrich(few * 12)
            return before, await pool.enrich(few)

    before, after = asyncio.run(both())
    assert before is None
    assert after == [Enriched(enrichment) for enrichment in enrich_many(few, vocabulary)]


def test_workers_that_die_are_reported_once_and_their_batches_enriched_in_process(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    import asyncio
    import logging

    from coopwatch.types import RawArticle

    import processes

    monkeypatch.setattr(coopwatch.enrichpool, "_enrich_chunk", processes.die)
    batch = [RawArticle("https://wire.example/rss", f"s-{n}", "Japan and Vietnam sign a deal",
                        "Japan and Vietnam signed a memorandum on semiconductors.")
             for n in range(30)]

    async def four_feeds() -> list[object]:
        with coopwatch.enrichpool.EnrichPool({}, workers=2) as pool:
            return list(await asyncio.gather(*(pool.enrich(batch) for _ in range(4))))

    with caplog.at_level(logging.WARNING, logger="coopwatch.enrichpool"):
        answers = asyncio.run(four_feeds())
    assert answers == [None] * 4  # each feed's batch is then enriched in process
    assert [record.getMessage().split(" (")[0] for record in caplog.records] == [
        "enrichment workers failed"]


def test_a_worker_leaves_its_vocabulary_out_of_garbage_collection(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Building a language's index makes hundreds of thousands of containers, none of them
    # garbage: with the collector's defaults a worker spent about 40% of its first pass collecting.
    import asyncio
    import gc

    from coopwatch.gctuning import YOUNG_THRESHOLD
    from coopwatch.types import RawArticle

    import processes

    monkeypatch.setattr(coopwatch.enrichpool, "_enrich_chunk", processes.collector_state)
    batch = [RawArticle("https://wire.example/rss", f"s-{n}", "Japan and Vietnam sign a deal",
                        "Japan and Vietnam signed a memorandum.") for n in range(24)]

    async def answers() -> object:
        with coopwatch.enrichpool.EnrichPool({}, workers=2) as pool:
            return await pool.enrich(batch)

    frozen, young_threshold = asyncio.run(answers())[0]  # type: ignore[index]
    assert frozen > 10_000  # the vocabulary and the modules, loaded before any task
    assert young_threshold == YOUNG_THRESHOLD
    assert gc.get_threshold()[0] < YOUNG_THRESHOLD  # the parent's collector is left as it was


def test_the_coopwatch_command_collects_young_objects_as_its_workers_do(tmp_path: Path) -> None:
    # a sync of a few articles or an ingest of the seeds builds its indexes in process
    import subprocess
    import sys

    from coopwatch.gctuning import YOUNG_THRESHOLD

    program = ("import atexit, gc, sys\n"
               "atexit.register(lambda: print(gc.get_threshold()[0], gc.get_freeze_count()))\n"
               "from coopwatch.cli import main\n"
               "sys.argv = ['coopwatch', '--db', sys.argv[1], 'list', '--json']\n"
               "main()\n")
    # run from tmp_path: a checkout's coopwatch/ folder in the working directory is not the
    # installed package (its store/ and tui/ are mapped in only once installed)
    done = subprocess.run([sys.executable, "-c", program, str(tmp_path / "a.db")], cwd=tmp_path,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    young_threshold, frozen = map(int, done.stdout.split()[-2:])
    assert (young_threshold, frozen > 0) == (YOUNG_THRESHOLD, True)


def test_a_feed_of_more_items_than_a_feed_holds_brings_its_first_and_says_so(
        db_path: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[fetch]\nfull_text_below = 0\n")
    items = [(f"n-{i}", f"Item {i}", f"https://news.example/{i}", "Short.") for i in range(2_500)]
    with scripted_server() as (base, script):
        script.routes["/big.rss"] = (200, {}, rss(*items))
        done = CliRunner().invoke(cli, ["--db", str(db_path), "--config", str(config), "fetch",
                                        "--json", "--feed", f"{base}/big.rss"])
    [source] = json.loads(done.stdout)["sources"]
    assert (source["status"], source["new"]) == ("ok", 2_000)
    assert done.exit_code == 0  # the feed worked
    assert source["notes"] == ["read the first 2,000 of 2,500 items"]
    titles = {a["title"] for a in json.loads(run(db_path, "list", "--json", "--limit", "0")[1])}
    assert "Item 0" in titles and "Item 1999" in titles and "Item 2000" not in titles


def test_a_page_too_costly_to_parse_leaves_the_item_its_summary(db_path: Path) -> None:
    attributes = " ".join(f'a{i}="v{i}"' for i in range(200_000))  # minutes for libxml2
    page = f"<html><body><div {attributes}>x</div><p>{STORY}</p></body></html>".encode()
    with scripted_server() as (base, script):
        script.routes["/short.rss"] = (200, {}, rss(
            ("h-1", "Vietnam, Japan sign pact", f"{base}/story/1", "A summary that stays.")))
        script.routes["/story/1"] = (200, {"Content-Type": "text/html"}, page)
        started = time.monotonic()
        result = fetch_json(db_path, "--feed", f"{base}/short.rss")
        took = time.monotonic() - started
    assert result["exit"] == 0 and result["new"] == 1
    assert took < 60, "the page must be refused, not parsed for minutes"
    [article] = json.loads(run(db_path, "list", "--json")[1])
    assert article["summary"] == "A summary that stays."


def test_article_hosts_that_do_not_answer_are_asked_once_and_the_feed_keeps_its_time(
        db_path: Path) -> None:
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    refused_port = closed.getsockname()[1]
    closed.close()  # nothing listens there now: connections are refused
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(200)  # connections are taken but never answered
    silent_port = silent.getsockname()[1]
    items = [(f"r-{i}", f"Refused {i}", f"http://127.0.0.1:{refused_port}/{i}", "Short.")
             for i in range(20)]
    items += [(f"s-{i}", f"Silent {i}", f"http://127.0.0.1:{silent_port}/{i}", "Short.")
              for i in range(20)]
    try:
        with scripted_server() as (base, script):
            script.routes["/dead.rss"] = (200, {}, rss(*items))
            started = time.monotonic()
            result = fetch_json(db_path, "--feed", f"{base}/dead.rss", "--timeout", "2")
            took = time.monotonic() - started
    finally:
        silent.close()
    [source] = result["sources"]
    assert (result["exit"], source["new"]) == (0, 40)  # the items keep their summaries
    assert set(source["notes"]) == {
        f"full text of 20 items not fetched: 127.0.0.1:{port} did not answer"
        for port in (refused_port, silent_port)}
    assert took < 30, "a feed's deadline bounds its pages"


def test_compressed_feeds_are_read_and_a_bomb_is_refused_without_inflating_it(
        db_path: Path) -> None:
    bomb = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    bomb_body = bomb.compress(b"<" + b" " * (64 * 1024 * 1024)) + bomb.flush()  # 64 KiB -> 64 MiB
    raw_deflate = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    with scripted_server() as (base, script):
        script.routes["/gzip.rss"] = (200, {"Content-Encoding": "gzip"}, gzip.compress(RSS))
        script.routes["/zlib.rss"] = (200, {"Content-Encoding": "deflate"}, zlib.compress(RSS))
        script.routes["/raw.rss"] = (200, {"Content-Encoding": "deflate"},
                                     raw_deflate.compress(RSS) + raw_deflate.flush())
        script.routes["/bomb.rss"] = (200, {"Content-Encoding": "gzip"}, bomb_body)
        result = fetch_json(db_path, *(arg for name in ("gzip", "zlib", "raw", "bomb")
                                       for arg in ("--feed", f"{base}/{name}.rss")))
    gzipped, zlibbed, raw, refused = result["sources"]
    # the same items three times: stored once, then known as copies from another source
    assert [(source["status"], source["error"]) for source in (gzipped, zlibbed, raw)] == [
        ("ok", None)] * 3
    assert gzipped["new"] + zlibbed["new"] + raw["new"] > 0
    assert gzipped["new"] + gzipped["copies"] == raw["new"] + raw["copies"] > 0
    assert (refused["status"], refused["error"]) == ("failed", "feed larger than 10 MB")
