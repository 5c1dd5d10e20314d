#!/usr/bin/env python3
"""Enrichment cost: milliseconds per article and per 3,000 characters, medians of several runs.

Every article of the folders is enriched once to warm the per-language indexes (a one-off cost a
long-running process pays once; reported apart), then the whole set is timed --runs times. The
peer in the same session is langdetect alone on the same texts, the cost the issue names as the
one to beat; their ratio holds whatever else the machine is doing.

Usage: bench/enrich_cost.py [--runs 7] [FOLDER ...]   (default: the seeds and ../shared/eval/dev)
"""

from __future__ import annotations

import argparse
import platform
import statistics
import time
from pathlib import Path

from langdetect import DetectorFactory
from langdetect.detector_factory import PROFILES_DIRECTORY

from coopwatch.enrich import enrich, enrich_many
from coopwatch.fetchers.local import read_file, walk
from coopwatch.paths import seeds_dir
from coopwatch.types import RawArticle
from coopwatch.vocabulary import load_vocabulary

from _results import add_json_option, write_json

BATCH = 25  # articles, as coopwatch.enrichpool hands them to a worker
DEV = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev" / "articles"


def articles(folders: list[Path]) -> list[RawArticle]:
    found: list[RawArticle] = []
    for folder in folders:
        for path in walk(folder):
            if isinstance(path, Path):
                parsed = read_file(path)
                if isinstance(parsed, list):
                    found += parsed
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("folders", nargs="*", type=Path)
    add_json_option(parser)
    args = parser.parse_args()
    texts = articles(args.folders or [seeds_dir()] + ([DEV] if DEV.exists() else []))
    chars = sum(len(a.title or "") + len(a.body) for a in texts)
    print(f"machine: {platform.machine()}, python {platform.python_version()}; "
          f"{len(texts)} articles, {chars / len(texts):.0f} characters on average")
    started = time.perf_counter()
    vocabulary = load_vocabulary()
    for article in texts:
        enrich(article, vocabulary)
    print(f"first pass (loads data, builds indexes for each language): {time.perf_counter() - started:.2f} s")

    runs = []
    for _ in range(args.runs):
        started = time.perf_counter()
        for article in texts:
            enrich(article, vocabulary)
        runs.append(time.perf_counter() - started)
    batched = []
    for _ in range(args.runs):
        started = time.perf_counter()
        for start in range(0, len(texts), BATCH):
            enrich_many(texts[start : start + BATCH], vocabulary)
        batched.append(time.perf_counter() - started)
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    peer = []
    for _ in range(args.runs):
        started = time.perf_counter()
        for article in texts:
            detector = factory.create()
            detector.append(f"{article.title or ''}\n{article.body}")
            try:
                detector.detect()
            except Exception:  # noqa: BLE001 (langdetect raises on a text without features; timed alike)
                pass
        peer.append(time.perf_counter() - started)
    median, peer_median = statistics.median(runs), statistics.median(peer)
    per_article = median / len(texts) * 1000
    print(f"enrichment, median of {args.runs}: {per_article:.2f} ms/article, "
          f"{median / chars * 3000 * 1000:.2f} ms per 3,000 characters")
    batched_per_article = statistics.median(batched) / len(texts) * 1000
    print(f"enrichment in batches of {BATCH} (as a sync's workers run it): "
          f"{batched_per_article:.2f} ms/article")
    print(f"peer, langdetect alone on the whole text: {peer_median / len(texts) * 1000:.2f} ms/article; "
          f"enrichment/langdetect = {median / peer_median:.2f}")
    write_json(args.json_path, {
        "articles": len(texts), "ms_per_article": round(per_article, 2),
        "ms_per_article_batched": round(batched_per_article, 2),
        "ms_per_3000_characters": round(median / chars * 3000 * 1000, 2),
        "langdetect_ms_per_article": round(peer_median / len(texts) * 1000, 2),
        "ratio_to_langdetect": round(median / peer_median, 2)})


if __name__ == "__main__":
    main()
