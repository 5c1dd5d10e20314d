#!/usr/bin/env python3
"""A sync of real feeds beside every fault path, with full text on and off (issue 19).

    python bench/fault_sync.py [--feeds 40] [--timeout 5] [--runs 3]

Serves ../shared/corpora/feeds with ../shared/tools/feedserver.py and subscribes a fresh
database to the first --feeds real feeds (their items link to sites on the internet, which this
machine cannot reach: the full-text pages of a dead host) and to the server's 15 fault paths
(slow, drip, huge, gzip bomb, redirect loop, ...). Then `coopwatch fetch --timeout T` runs with
full text as configured by default, and with `full_text_below = 0` as its peer in the same run.
Prints each run's wall seconds and peak RSS, then medians. Targets: with full text <= 10 s at
<= 150 MB.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

from _results import add_json_option, compile_sources, write_json
from fetch_vs_newsboat import start_server, timed

ROOT = Path(__file__).resolve().parent.parent
FEEDS = ROOT.parent / "shared" / "corpora" / "feeds"
FAULTS = ("status/500", "status/404", "slow/30", "drip", "huge", "gzip-bomb", "redirect-loop",
          "redirect/3", "html", "empty", "truncated", "billion-laughs", "bad-utf8", "escapes",
          "reset")
TARGET_SECONDS, TARGET_MIB = 10.0, 150


def one_run(work: Path, urls: list[str], timeout: float, full_text: bool) -> tuple[float, int]:
    database = work / f"cw-{full_text}.db"
    database.unlink(missing_ok=True)
    opml = work / "feeds.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><head/><body>' + "".join(
        f"<outline type=\"rss\" text=\"f\" xmlUrl={quoteattr(url)}/>" for url in urls)
        + "</body></opml>", encoding="utf-8")
    config = work / "config.toml"
    config.write_text("[sources]\nfolders = []\n" + ("" if full_text else
                      "[fetch]\nfull_text_below = 0\n"), encoding="utf-8")
    coopwatch = [sys.executable, "-m", "coopwatch", "--db", str(database), "--config", str(config)]
    subprocess.run([*coopwatch, "feeds", "import", str(opml)], check=True,
                   stdout=subprocess.DEVNULL)
    seconds, code, rss = timed([*coopwatch, "fetch", "--quiet", "--timeout", str(timeout)], {
        "PATH": "/usr/bin:/bin", "HOME": str(work)})
    if code not in (0, 1):  # 1: the fault paths failed, as they should
        raise SystemExit(f"coopwatch fetch exited {code}")
    return seconds, rss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=40)
    parser.add_argument("--timeout", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=3)
    add_json_option(parser)
    args = parser.parse_args()
    compile_sources()
    server, port = start_server(FEEDS, 0)
    base = f"http://127.0.0.1:{port}"
    real = sorted(path.relative_to(FEEDS) for path in (FEEDS / "real").iterdir())[: args.feeds]
    urls = [f"{base}/feeds/{path}" for path in real] + [f"{base}/fault/{fault}" for fault in FAULTS]
    figures: dict[str, list[float]] = {"full_text_s": [], "full_text_mib": [],
                                       "no_full_text_s": [], "no_full_text_mib": []}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for run in range(args.runs):
                for full_text, name in ((True, "full_text"), (False, "no_full_text")):
                    seconds, rss = one_run(Path(tmp), urls, args.timeout, full_text)
                    figures[f"{name}_s"].append(seconds)
                    figures[f"{name}_mib"].append(rss)
                    print(f"run {run + 1} {name:13} {seconds:6.2f} s  {rss:4d} MiB", flush=True)
    finally:
        server.terminate()
    medians = {name: statistics.median(values) for name, values in figures.items()}
    print(f"{len(real)} real feeds + {len(FAULTS)} fault paths, --timeout {args.timeout:g}: "
          f"full text {medians['full_text_s']:.2f} s at {medians['full_text_mib']:.0f} MiB "
          f"(target <= {TARGET_SECONDS:g} s, <= {TARGET_MIB} MiB); without "
          f"{medians['no_full_text_s']:.2f} s at {medians['no_full_text_mib']:.0f} MiB; "
          f"ratio {medians['full_text_s'] / medians['no_full_text_s']:.2f}")
    write_json(args.json_path, medians)
    ok = medians["full_text_s"] <= TARGET_SECONDS and medians["full_text_mib"] <= TARGET_MIB
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
