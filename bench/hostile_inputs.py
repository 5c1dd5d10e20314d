#!/usr/bin/env python3
"""Parsing cost of machine-made worst cases, for every parser coopwatch calls (issue 19).

Each case is built at the size a source may reach (a local file's or a response body's limit)
and handed to the parser that would read it: saved page texts, HTML pages (local files and
full-text fetches), RSS/Atom feeds and JSON feeds. Each must be parsed in 2 s or refused with a
reason; the figure is the median of --runs runs, each in a fresh process so that one slow case
cannot hide behind another's warm caches. A single page or text is also enriched (its time
included). A local feed file is read whole, in pieces of 2,000 items: its cost is linear in the
items it holds, reported as items per second.

    python bench/hostile_inputs.py [--runs 3] [--only CASE ...] [--timeout 60]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from _results import add_json_option, write_json

TARGET_SECONDS = 2.0
BODY = 10 * 1024 * 1024  # fetchers/http.py MAX_BODY_BYTES: the most any fetched input holds
PROSE = "Russia and China signed an agreement on lunar research and space cooperation. "


def _many_attributes() -> bytes:
    attributes = " ".join(f'a{i}="v{i}"' for i in range(200_000))
    return f"<html><body><div {attributes}>x</div><p>{PROSE * 3}</p></body></html>".encode()


def _deep_html() -> bytes:
    return ("<html><body>" + "<div>" * 200_000 + PROSE + "</div>" * 200_000 + "</body></html>").encode()


def _tiny_elements() -> bytes:
    unit = "<p>a</p>"
    return ("<html><body>" + unit * ((BODY - 40) // len(unit)) + "</body></html>").encode()


def _one_line_html() -> bytes:
    return ("<html><body><p>" + "word " * ((BODY - 40) // 5) + "</p></body></html>").encode()


def _one_line_text() -> bytes:
    return ("Headline of a page\n\n" + PROSE * (BODY // len(PROSE))).encode()


def _unclosed_tags_text() -> bytes:
    return ("Headline of a page\n\n<p>" + "<a " * (BODY // 3)).encode()


def _feed_item_attributes() -> bytes:
    attributes = " ".join(f'a{i}="v{i}"' for i in range(200_000))
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
            f"<item {attributes}><title>x</title><description>{PROSE}</description></item>"
            "</channel></rss>").encode()


def _feed_many_items() -> bytes:
    item = "<item><title>t</title><link>https://e.example/{}</link><description>d</description></item>"
    items = "".join(item.format(i) for i in range(BODY // len(item)))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()


def _feed_deep() -> bytes:
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>x</title>'
            "<description>" + "<a>" * 200_000 + "</a>" * 200_000 + "</description></item></channel></rss>").encode()


def _feed_markup_attributes() -> bytes:
    attributes = " ".join(f"a{i}=v" for i in range(200_000))
    return ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>x</title>'
            f"<description>&lt;p {attributes}&gt;{PROSE}</description></item></channel></rss>").encode()


def _json_deep() -> bytes:
    return ('{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", "content_text": '
            + "[" * 200_000 + "]" * 200_000 + "}]}").encode()


def _json_many_items() -> bytes:
    item = '{"id": "%d", "title": "t", "content_text": "d"},'
    items = "".join(item % i for i in range(BODY // len(item)))
    return ('{"version": "https://jsonfeed.org/version/1.1", "items": [' + items.rstrip(",") + "]}").encode()


# kind: "page" a fetched page's full text, "feed" a fetched feed, "html" / "text" / "feed-file"
# a local file of that kind (a local feed file is read whole, in pieces)
CASES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "page-200k-attributes": ("page", _many_attributes),
    "page-200k-deep": ("page", _deep_html),
    "page-tiny-elements": ("page", _tiny_elements),
    "page-one-line": ("page", _one_line_html),
    "html-200k-attributes": ("html", _many_attributes),
    "html-tiny-elements": ("html", _tiny_elements),
    "text-one-line": ("text", _one_line_text),
    "text-unclosed-tags": ("text", _unclosed_tags_text),
    "feed-200k-attributes": ("feed", _feed_item_attributes),
    "feed-many-items": ("feed", _feed_many_items),
    "feed-200k-deep": ("feed", _feed_deep),
    "feed-markup-attributes": ("feed", _feed_markup_attributes),
    "json-200k-deep": ("feed", _json_deep),
    "json-many-items": ("feed", _json_many_items),
    "feed-file-many-items": ("feed-file", _feed_many_items),
    "json-file-many-items": ("feed-file", _json_many_items),
}

_CHILD = """
import sys, time
from coopwatch.fetchers.feedfile import FeedParseError, parse_feed
from coopwatch.fetchers.htmlpage import page_main_text
from coopwatch.fetchers.local import parse_local
kind, path = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
started = time.perf_counter()
if kind == "page":
    text = page_main_text(data, "text/html", "https://example.org/story")
    outcome = f"{len(text):,} characters" if text else "refused (the item keeps its summary)"
elif kind == "feed":
    try:
        feed = parse_feed(data, "https://example.org/feed")
        outcome = f"{len(feed.articles):,} of {feed.items_in_document:,} items"
    except FeedParseError as error:
        outcome = f"refused: {error}"
else:
    result = parse_local(data, "feed" if kind == "feed-file" else kind, path)
    outcome = f"refused: {result.reason}" if hasattr(result, "reason") else f"{len(result):,} articles"
took = time.perf_counter() - started
if kind in ("text", "html") and not hasattr(result, "reason"):
    from coopwatch.enrich import enrich
    from coopwatch.vocabulary import load_vocabulary
    from dataclasses import replace
    vocabulary = load_vocabulary()
    enrich(replace(result[0], body="Russia and China signed a deal."), vocabulary)  # indexes built
    started = time.perf_counter()
    enrich(result[0], vocabulary)
    took += time.perf_counter() - started
    outcome += ", enriched"
print(f"{took:.3f} {outcome}")
"""


def _run_once(kind: str, path: str, timeout: float) -> tuple[float, str]:
    try:
        done = subprocess.run([sys.executable, "-c", _CHILD, kind, path], capture_output=True,
                              text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return timeout, f"stopped after {timeout:.0f} s"
    if done.returncode != 0:
        return float("nan"), "crashed: " + (done.stderr.strip().splitlines() or ["?"])[-1]
    seconds, outcome = done.stdout.strip().split(" ", 1)
    return float(seconds), outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", nargs="*", choices=sorted(CASES))
    parser.add_argument("--timeout", type=float, default=60.0)
    add_json_option(parser)
    args = parser.parse_args()
    import tempfile
    from pathlib import Path

    worst, worst_case = 0.0, ""
    print(f"{'case':24} {'MB':>5} {'median s':>9}  outcome")
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only or CASES:
            kind, build = CASES[name]
            data = build()
            path = Path(tmp) / name
            path.write_bytes(data)
            runs = [_run_once(kind, str(path), args.timeout) for _ in range(args.runs)]
            median = statistics.median(seconds for seconds, _ in runs)
            outcome = runs[-1][1]
            if kind == "feed-file":
                # read whole, in pieces of MAX_FEED_ITEMS items: linear in the items it holds
                items = int(outcome.split()[0].replace(",", ""))
                outcome += f" ({items / median:,.0f} items/s; not held to the 2 s bound)"
            elif median >= worst:
                worst, worst_case = median, name
            print(f"{name:24} {len(data) / 2**20:5.1f} {median:9.3f}  {outcome}", flush=True)
    print(f"worst median {worst:.3f} s (target {TARGET_SECONDS} s)")
    write_json(args.json_path, {"worst_s": worst, "worst_case": worst_case})
    return 0 if worst <= TARGET_SECONDS else 1


if __name__ == "__main__":
    started = time.perf_counter()
    status = main()
    print(f"bench took {time.perf_counter() - started:.0f} s")
    sys.exit(status)
