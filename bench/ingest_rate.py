#!/usr/bin/env python3
"""Ingest speed: articles per second into a fresh database, medians of several runs.

Each run ingests a folder into a new temporary database through coopwatch's own pipeline
(parse, decide, enrich, store). A peer run in the same session stores the same articles with
enrichment replaced by a constant, so the ratio shows what enrichment costs on this machine
whatever else it is doing. The first run is reported apart: it builds the per-language indexes.

Usage: bench/ingest_rate.py [--runs 5] [FOLDER ...]   (default: the seeds and ../shared/eval/dev)
"""

from __future__ import annotations

import argparse
import platform
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import coopwatch.enrich
import coopwatch.enrichpool
import coopwatch.update.local
from coopwatch.paths import seeds_dir
from coopwatch.store import open_store
from coopwatch.types import Enrichment
from coopwatch.vocabulary import load_vocabulary

from _results import add_json_option, write_json

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev" / "articles"
_EMPTY = Enrichment(None, (), (), (), False, None)


def one_run(folder: Path, vocabulary: object, enrich: bool) -> tuple[int, float]:
    real, real_batch = coopwatch.enrich.enrich_many, coopwatch.enrichpool.MIN_BATCH
    if not enrich:
        coopwatch.enrich.enrich_many = lambda raws, vocabulary: [_EMPTY] * len(raws)  # type: ignore[assignment]
        coopwatch.enrichpool.MIN_BATCH = 10**9  # in process, where the constant stands in
    try:
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.db") as store:
            started = time.perf_counter()
            report = coopwatch.update.local.ingest_paths(store, [folder], vocabulary)  # type: ignore[arg-type]
            return report.new, time.perf_counter() - started
    finally:
        coopwatch.enrich.enrich_many, coopwatch.enrichpool.MIN_BATCH = real, real_batch


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--copies", type=int, default=20,
                        help="also ingest a folder holding this many copies of the last folder's "
                             "files (a page file stands for itself: each copy is an article), "
                             "where the worker processes of a bulk ingest pay back their start")
    parser.add_argument("folders", nargs="*", type=Path)
    add_json_option(parser)
    args = parser.parse_args()
    results = []
    folders = args.folders or [seeds_dir()] + ([DEV] if DEV.exists() else [])
    print(f"machine: {platform.processor() or platform.machine()}, python {platform.python_version()}")
    vocabulary = load_vocabulary()
    copies = tempfile.TemporaryDirectory()
    if args.copies > 1:
        many = Path(copies.name) / f"{folders[-1].name}-x{args.copies}"
        for number in range(args.copies):
            shutil.copytree(folders[-1], many / f"copy-{number:03}")
        folders = [*folders, many]
    for folder in folders:
        count, first = one_run(folder, vocabulary, enrich=True)
        timed = [one_run(folder, vocabulary, enrich=True)[1] for _ in range(args.runs)]
        peer = [one_run(folder, vocabulary, enrich=False)[1] for _ in range(args.runs)]
        median, peer_median = statistics.median(timed), statistics.median(peer)
        print(f"{folder}: {count} articles")
        print(f"  first run (builds indexes): {count / first:8.1f} articles/s")
        print(f"  median of {args.runs} runs:         {count / median:8.1f} articles/s "
              f"({median / count * 1000:.2f} ms/article)")
        print(f"  peer without enrichment:    {count / peer_median:8.1f} articles/s; "
              f"enrichment makes ingest {median / peer_median:.1f}x slower")
        results.append({"folder": f"{folder.parent.name}/{folder.name}", "articles": count,
                        "articles_per_second": round(count / median, 1),
                        "without_enrichment_ratio": round(median / peer_median, 2)})
    write_json(args.json_path, {"folders": results})


if __name__ == "__main__":
    main()
