"""Cold and warm feed sync, coopwatch against newsboat, on the same loopback server in one run.

    python bench/fetch_vs_newsboat.py [--feeds 200] [--items 50] [--latency-ms 50] [--runs 3]

Needs ../shared/tools (make_feeds.py, feedserver.py) and Debian's newsboat (`apt-get install
newsboat`; the project never depends on it). Each run starts from empty caches on both sides:

  cold    coopwatch fetch (parse, dedup, enrichment and storage included) vs newsboat -x reload
          with reload-threads 8
  second  each tool's next sync. Every feed answers coopwatch 304; newsboat (2.21) sends no
          If-None-Match or If-Modified-Since on its second reload, so it downloads and parses
          every feed again
  warm    the sync after that, where every feed answers 304 to both: the like-for-like warm sync

The server counts its 200 and 304 answers to each command, so each comparison shows what it
compares. Prints each run's wall times and ratios, then medians, and coopwatch's peak RSS.
Feeds are spread over --hosts loopback addresses (default 25). Targets (issue 19): cold ratio
<= 1.5, warm ratio <= 0.35.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from xml.sax.saxutils import quoteattr

from _results import add_json_option, compile_sources, write_json

ROOT = Path(__file__).resolve().parent.parent
SHARED_TOOLS = ROOT.parent / "shared" / "tools"


def timed(command: list[str], env: dict[str, str]) -> tuple[float, int, int]:
    """Wall seconds, exit code and peak RSS (MiB) of one command."""
    # the previous command's writes reach the disk first, not during this one's fsyncs
    os.sync()
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if process.stderr:
        errors = process.stderr.read().decode(errors="replace").strip()
        if errors and os.waitstatus_to_exitcode(status) not in (0, 1):
            print(errors[-2000:], file=sys.stderr)
    return seconds, os.waitstatus_to_exitcode(status), usage.ru_maxrss // 1024


def start_server(folder: Path, latency_ms: float,
                 hosts: int = 1) -> tuple[subprocess.Popen[str], int]:
    server = subprocess.Popen(
        [sys.executable, str(SHARED_TOOLS / "feedserver.py"), str(folder),
         "--latency-ms", str(latency_ms), "--hosts", str(hosts)], stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    port = int(server.stdout.readline().split()[1])
    if hosts > 1:
        server.stdout.readline()  # HOSTS 127.0.0.1 ...
    return server, port


PHASES = ("cold", "second", "warm")


def server_answers(port: int) -> dict[str, int]:
    """How many 200 and 304 answers the server has given so far."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/stats") as response:
        codes = json.load(response)["codes"]
    return {"200": codes.get("200", 0), "304": codes.get("304", 0)}


def one_run(work: Path, urls: list[str], env: dict[str, str], port: int) -> dict[str, float]:
    for child in ("coopwatch", "newsboat"):
        shutil.rmtree(work / child, ignore_errors=True)
        (work / child).mkdir()
    opml = work / "coopwatch" / "feeds.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><head/><body>' + "".join(
        f"<outline type=\"rss\" text=\"f\" xmlUrl={quoteattr(url)}/>" for url in urls)
        + "</body></opml>", encoding="utf-8")
    config = work / "coopwatch" / "config.toml"
    config.write_text("[sources]\nfolders = []\n", encoding="utf-8")
    coopwatch = [sys.executable, "-m", "coopwatch", "--db", str(work / "coopwatch" / "cw.db"),
                 "--config", str(config)]
    subprocess.run([*coopwatch, "feeds", "import", str(opml)], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    (work / "newsboat" / "urls").write_text("\n".join(urls) + "\n", encoding="utf-8")
    (work / "newsboat" / "config").write_text("reload-threads 8\n", encoding="utf-8")
    newsboat = ["newsboat", "-x", "reload", "-u", str(work / "newsboat" / "urls"),
                "-c", str(work / "newsboat" / "cache.db"), "-C", str(work / "newsboat" / "config")]
    figures: dict[str, float] = {}
    for phase in PHASES:
        for tool, command in (("newsboat", newsboat),
                              ("coopwatch", [*coopwatch, "fetch", "--quiet"])):
            answers = server_answers(port)
            figures[f"{tool}_{phase}"], code, rss = timed(command, env)
            if code != 0:
                raise SystemExit(f"{tool} exited {code} ({phase})")
            after = server_answers(port)
            figures[f"{tool}_{phase}_304s"] = after["304"] - answers["304"]
            figures[f"{tool}_{phase}_200s"] = after["200"] - answers["200"] - 1  # /stats itself
            if tool == "coopwatch":
                figures[f"rss_{phase}"] = rss
    articles = subprocess.run([*coopwatch, "list", "--limit", "0", "--csv"], env=env,
                              capture_output=True, text=True, check=True).stdout.count("\n") - 1
    figures["articles"] = articles
    return figures


def _answers(figures: dict[str, float], tool: str, phase: str) -> str:
    return f"{figures[f'{tool}_{phase}_200s']:.0f} x 200, {figures[f'{tool}_{phase}_304s']:.0f} x 304"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--latency-ms", type=float, default=50.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--hosts", type=int, default=25,
                        help="loopback hosts the feeds are spread over: feed i on "
                             "127.0.0.(i mod N + 1), as real subscription lists span many sites")
    add_json_option(parser)
    args = parser.parse_args()
    compile_sources()
    if not shutil.which("newsboat"):
        print("newsboat is not installed (apt-get install newsboat)", file=sys.stderr)
        return 2
    if not (SHARED_TOOLS / "feedserver.py").exists():
        print(f"needs {SHARED_TOOLS}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="coopwatch-bench-") as tmp:
        work = Path(tmp)
        feeds = work / "feeds"
        subprocess.run([sys.executable, str(SHARED_TOOLS / "make_feeds.py"), str(feeds),
                        "--feeds", str(args.feeds), "--items", str(args.items)],
                       check=True, stdout=subprocess.DEVNULL)
        home = work / "home"
        home.mkdir()
        env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
               "XDG_DATA_HOME": str(home / "data"), "XDG_CACHE_HOME": str(home / "cache")}
        server, port = start_server(feeds, args.latency_ms, args.hosts)
        try:
            names = (feeds / "urls.txt").read_text().split()
            urls = [f"http://127.0.0.{i % args.hosts + 1}:{port}/feeds/{name}"
                    for i, name in enumerate(names)]
            print(f"{len(urls)} feeds x {args.items} items over {args.hosts} hosts, latency "
                  f"{args.latency_ms:g} ms, {args.runs} runs")
            runs = []
            for number in range(1, args.runs + 1):
                figures = one_run(work, urls, env, port)
                runs.append(figures)
                print(f"run {number}: " + " | ".join(
                    f"{phase} coopwatch {figures[f'coopwatch_{phase}']:.2f} s "
                    f"({_answers(figures, 'coopwatch', phase)}), newsboat "
                    f"{figures[f'newsboat_{phase}']:.2f} s ({_answers(figures, 'newsboat', phase)}),"
                    f" ratio {figures[f'coopwatch_{phase}'] / figures[f'newsboat_{phase}']:.2f}"
                    for phase in PHASES)
                    + f" | {figures['articles']:.0f} articles, peak RSS {figures['rss_cold']:.0f} MiB")
        finally:
            server.terminate()
    for phase in PHASES:
        ratios = [r[f"coopwatch_{phase}"] / r[f"newsboat_{phase}"] for r in runs]
        print(f"median {phase}: coopwatch "
              f"{statistics.median(r[f'coopwatch_{phase}'] for r in runs):.2f} s, newsboat "
              f"{statistics.median(r[f'newsboat_{phase}'] for r in runs):.2f} s, "
              f"ratio {statistics.median(ratios):.2f}")
    print(f"median peak RSS (cold): {statistics.median(r['rss_cold'] for r in runs):.0f} MiB")
    figures: dict[str, object] = {"feeds": args.feeds, "items": args.items,
                                  "latency_ms": args.latency_ms, "runs": args.runs,
                                  "articles": statistics.median(r["articles"] for r in runs),
                                  "peak_rss_mib": statistics.median(r["rss_cold"] for r in runs)}
    for phase in PHASES:
        figures[phase] = {
            "coopwatch_s": round(statistics.median(r[f"coopwatch_{phase}"] for r in runs), 2),
            "newsboat_s": round(statistics.median(r[f"newsboat_{phase}"] for r in runs), 2),
            "ratio": round(statistics.median(
                r[f"coopwatch_{phase}"] / r[f"newsboat_{phase}"] for r in runs), 2)}
    write_json(args.json_path, figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
