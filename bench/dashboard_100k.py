"""The dashboard at 100,000 articles: first screen, filter changes, memory.

    python bench/dashboard_100k.py [--articles 100000] [--runs 3] [--db PATH]

Builds a database of synthetic articles (tags drawn like real coverage: a few big pairs and a
long tail, 30 languages, 8 years of dates) once, through the store as a sync would write it, and
keeps it at --db for later runs. Each run is a fresh process that starts the real app headless
(Textual's run_test, 160x45) and reports:

  first screen  from the process's launch to the feed table holding rows, laid out
  filter change from setting a filter to the table holding its rows, laid out: country, pair, sector,
                language, full-text search and clearing, each once per run
  peak RSS      of that process

Prints each run and the medians. Targets (issue 5): first screen <= 1.5 s, filter change
<= 150 ms (median), RSS <= 300 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _results import add_json_option, compile_sources, write_json

LAUNCHED = time.time()  # before the heavy imports: a user waits for them too

COUNTRIES = ("CN RU US JP VN IN DE FR GB KR BR ZA EG TR IR SA AE ID MY TH PK NG KE ET AR MX CA "
             "AU IT ES NO SE FI PL UA KZ UZ BY CU VE").split()
SECTORS = ("ai quantum space nuclear energy biotech_health semiconductors telecom_5g "
           "education_research ict_digital cybersecurity manufacturing_industry agriculture "
           "transport").split()
LANGUAGES = ("en ru zh ja vi de fr es pt ar ko hi id ms th tr fa uk pl it nl sv no fi cs ro "
             "hu el he sw").split()
WORDS = ("agreement cooperation memorandum research laboratory satellite reactor vaccine "
         "university startup investment ministry delegation forum summit joint venture "
         "network digital platform grid battery hydrogen drone chip fibre port railway "
         "quantum launch orbit genome clinic harvest irrigation wheat drought").split()


def build(db: Path, count: int) -> None:
    from coopwatch.store import open_store
    from coopwatch.types import ArticleWrite, Enrichment, RawArticle

    rng = random.Random(7)
    weights = [1 / (rank + 1) ** 1.1 for rank in range(len(COUNTRIES))]
    with open_store(db) as store:
        for start in range(0, count, 2000):
            writes = []
            for number in range(start, min(count, start + 2000)):
                first, second = rng.choices(COUNTRIES, weights, k=2)
                countries = tuple(sorted({first, second}))
                pairs = (countries,) if len(countries) == 2 else ()
                sectors = tuple(sorted(set(rng.choices(SECTORS, k=rng.randint(1, 3)))))
                language = rng.choices(LANGUAGES, [8, 4, 3] + [1] * 27)[0]
                day = f"{rng.randint(2018, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                words = " ".join(rng.choices(WORDS, k=8))
                title = f"{first} and {second}: {words} ({number})"
                body = " ".join(f"{' '.join(rng.choices(WORDS, k=14))}." for _ in range(6))
                raw = RawArticle(source=f"https://feed{number % 300}.example/rss",
                                 entry_key=f"item-{number}", title=title, body=body,
                                 url=f"https://news.example/{number}", published=day)
                tags = Enrichment(language=language, countries=countries, pairs=pairs,
                                  sectors=sectors, cooperation=bool(pairs), published=day,
                                  evidence=())
                writes.append(ArticleWrite(raw, f"h{number}", tags, None))
            store.save_articles(writes, "bench")


async def _wait_for_rows(table, shown: object) -> None:  # type: ignore[no-untyped-def]
    """Until the table holds another answer than shown, laid out and drawn in a frame.

    Not pilot.pause(): it waits for the whole process to idle, the pair pane's queries too.
    """
    import asyncio

    while table.articles is shown or table._require_update_dimensions:
        await asyncio.sleep(0.001)
    table.screen._on_timer_update()  # the frame that shows it (Textual's refresh timer's call)


async def _settle(pilot) -> None:  # type: ignore[no-untyped-def]
    from textual.worker import WorkerState

    while any(worker.state in (WorkerState.PENDING, WorkerState.RUNNING)
              for worker in pilot.app.workers):
        await pilot.pause()
    await pilot.pause()


def child(db: Path, launched: float) -> None:
    import asyncio

    from coopwatch.config import Config
    from coopwatch.tui.app import make_app
    from coopwatch.tui.screens.feed import FeedScreen
    from coopwatch.tui.widgets.article_table import ArticleTable
    from coopwatch.types import Filters

    async def measure() -> dict[str, object]:
        # no sync during the measurement: a day-long interval
        app = make_app(Config(sync_interval_minutes=24 * 60), db)
        async with app.run_test(size=(160, 45)) as pilot:
            while not isinstance(app.screen, FeedScreen):
                await pilot.pause()
            screen = app.screen
            table = screen.query_one(ArticleTable)
            await _wait_for_rows(table, table.articles if table.row_count == 0 else None)
            first_screen = time.time() - launched
            filters = [Filters(countries=("VN",)), Filters(pair=("CN", "RU")),
                       Filters(sectors=("quantum",)), Filters(language="de"),
                       Filters(search="hydrogen"), Filters(countries=("JP",), sectors=("ai",)),
                       Filters()]
            changes = []
            for chosen in filters:
                await _settle(pilot)  # a person reads before the next key: the app is idle
                shown = table.articles
                started = time.perf_counter()
                screen.set_filters(chosen)
                await _wait_for_rows(table, shown)
                changes.append(time.perf_counter() - started)
        return {"first_screen": first_screen, "filter_changes": changes,
                "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}

    print(json.dumps(asyncio.run(measure())))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--launched", type=float, help=argparse.SUPPRESS)
    add_json_option(parser)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.launched)
        return 0
    compile_sources()
    db = args.db or Path(tempfile.gettempdir()) / f"coopwatch-bench-{args.articles}.db"
    from coopwatch.store import open_store

    with open_store(db) as store:
        present = store.count_articles()
    if present != args.articles:
        db.unlink(missing_ok=True)
        started = time.perf_counter()
        build(db, args.articles)
        print(f"built {args.articles} articles in {time.perf_counter() - started:.1f} s at {db}")
    runs = []
    for number in range(1, args.runs + 1):
        launched = time.time()
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(db), "--launched", str(launched)],
            check=True, capture_output=True, text=True, env={**os.environ, "TEXTUAL": ""},
        ).stdout
        figures = json.loads(out.strip().splitlines()[-1])
        runs.append(figures)
        changes = ", ".join(f"{seconds * 1000:.0f}" for seconds in figures["filter_changes"])
        print(f"run {number}: first screen {figures['first_screen']:.2f} s | filter changes "
              f"{changes} ms | peak RSS {figures['rss_mib']:.0f} MiB")
    every_change = [s for figures in runs for s in figures["filter_changes"]]
    print(f"median first screen: {statistics.median(r['first_screen'] for r in runs):.2f} s "
          "(target <= 1.5)")
    print(f"median filter change: {statistics.median(every_change) * 1000:.0f} ms, "
          f"slowest {max(every_change) * 1000:.0f} ms (target median <= 150)")
    print(f"median peak RSS: {statistics.median(r['rss_mib'] for r in runs):.0f} MiB "
          "(target <= 300)")
    write_json(args.json_path, {
        "articles": args.articles,
        "first_screen_s": round(statistics.median(r["first_screen"] for r in runs), 2),
        "filter_change_median_ms": round(statistics.median(every_change) * 1000),
        "filter_change_slowest_ms": round(max(every_change) * 1000),
        "peak_rss_mib": round(statistics.median(r["rss_mib"] for r in runs))})
    return 0


if __name__ == "__main__":
    sys.exit(main())
