#!/usr/bin/env python3
"""Every benchmark in one command: the machine, then medians and ratios, kept in bench/RESULTS.md.

    python bench/run.py [--quick] [--only NAME ...] [--results bench/RESULTS.md]

Runs, each in its own process and printing as it goes:

  ingest     bench/ingest_rate.py       articles per second into a fresh database
  enrich     bench/enrich_cost.py       enrichment milliseconds per article
  sync       bench/fetch_vs_newsboat.py cold and warm feed sync against newsboat (issue 4)
  dashboard  bench/dashboard_100k.py    first screen, filter change and memory at 100,000 articles
  faults     bench/fault_sync.py        real feeds beside every fault path, full text on and off
  hostile    bench/hostile_inputs.py    parsing cost of machine-made worst cases (issue 19)

then prints one table with each figure against its target and writes it, with the machine's
description, to the results file. --quick runs each fewer times (a smoke run, not a measure).
This machine may be shared: compare ratios against the peer runs, not absolute times.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = {
    "ingest": ("ingest_rate.py", ["--runs", "5"], ["--runs", "2"]),
    "enrich": ("enrich_cost.py", ["--runs", "7"], ["--runs", "2"]),
    "sync": ("fetch_vs_newsboat.py", ["--runs", "3"], ["--runs", "1"]),
    "dashboard": ("dashboard_100k.py", ["--runs", "5"], ["--runs", "1"]),
    "faults": ("fault_sync.py", ["--runs", "3"], ["--runs", "1"]),
    "hostile": ("hostile_inputs.py", ["--runs", "3"], ["--runs", "1"]),
}


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    described = {"python": platform.python_version(), "system": platform.platform(),
                 "cores": str(os.cpu_count())}
    for path, key, label in (("/proc/cpuinfo", "model name", "cpu"),
                             ("/proc/meminfo", "MemTotal", "memory")):
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(key):
                    described[label] = line.split(":", 1)[1].strip()
                    break
        except OSError:
            pass
    if "memory" in described and described["memory"].endswith(" kB"):
        described["memory"] = f"{int(described['memory'].split()[0]) / 1024 / 1024:.1f} GiB"
    described["load at start"] = " ".join(f"{load:.2f}" for load in os.getloadavg())
    return described


def run_one(name: str, quick: bool, folder: Path) -> dict[str, object] | None:
    script, full, short = BENCHES[name]
    output = folder / f"{name}.json"
    print(f"\n== {name}: bench/{script} {' '.join(short if quick else full)}", flush=True)
    done = subprocess.run([sys.executable, str(HERE / script), *(short if quick else full),
                           "--json", str(output)])
    if not output.exists():
        print(f"{name}: did not finish (exit {done.returncode})", file=sys.stderr)
        return None
    # a bench whose target is not met says so by its exit code, and its figures still count
    return json.loads(output.read_text())


Row = tuple[str, str, str, str]  # what, figure, target, met


def _check(value: float, limit: float) -> str:
    return "yes" if value <= limit else "no"


def rows(results: dict[str, dict]) -> list[Row]:
    table: list[Row] = []
    makers: dict[str, Callable[[dict], list[Row]]] = {
        "ingest": lambda r: [
            (f"ingest, {f['folder']} ({f['articles']} articles)",
             f"{f['articles_per_second']:.0f} articles/s "
             f"({f['without_enrichment_ratio']:.1f}x the time without enrichment)", "≥ 1,000/s",
             "yes" if f["articles_per_second"] >= 1000 else "no")  # issue 19
            for f in r["folders"]],
        "enrich": lambda r: [
            ("enrichment per article", f"{r['ms_per_article']:.2f} ms "
             f"({r['ratio_to_langdetect']:.2f}x langdetect alone on the whole text); "
             f"{r['ms_per_article_batched']:.2f} ms in a sync's batches", "≤ 2 ms",
             _check(r["ms_per_article"], 2.0))],  # issue 17
        "sync": lambda r: [
            ("cold sync vs newsboat", f"{r['cold']['ratio']:.2f} ({r['cold']['coopwatch_s']:.2f} s "
             f"vs {r['cold']['newsboat_s']:.2f} s)", "≤ 1.5", _check(r["cold"]["ratio"], 1.5)),
            ("warm sync vs newsboat (every feed 304 to both)", f"{r['warm']['ratio']:.2f} "
             f"({r['warm']['coopwatch_s']:.2f} s vs {r['warm']['newsboat_s']:.2f} s)", "≤ 0.35",
             _check(r["warm"]["ratio"], 0.35)),  # issue 19
            ("second sync vs newsboat's second reload (which downloads every feed again)",
             f"{r['second']['ratio']:.2f} ({r['second']['coopwatch_s']:.2f} s vs "
             f"{r['second']['newsboat_s']:.2f} s)", "—", "—"),
            ("cold sync peak RSS", f"{r['peak_rss_mib']:.0f} MiB", "—", "—")],
        "dashboard": lambda r: [
            ("dashboard first screen (100k)", f"{r['first_screen_s']:.2f} s", "≤ 1.5 s",
             _check(r["first_screen_s"], 1.5)),
            ("dashboard filter change (100k)", f"median {r['filter_change_median_ms']} ms, "
             f"slowest {r['filter_change_slowest_ms']} ms", "median ≤ 150 ms",
             _check(r["filter_change_median_ms"], 150)),
            ("dashboard peak RSS (100k)", f"{r['peak_rss_mib']} MiB", "≤ 300 MiB",
             _check(r["peak_rss_mib"], 300))],
        "faults": lambda r: [
            ("sync of real feeds and every fault path, --timeout 5",
             f"{r['full_text_s']:.2f} s at {r['full_text_mib']:.0f} MiB "
             f"({r['no_full_text_s']:.2f} s without full text)", "≤ 10 s, ≤ 150 MB",
             "yes" if r["full_text_s"] <= 10 and r["full_text_mib"] <= 150 else "no")],
        "hostile": lambda r: [
            ("slowest hostile input", f"{r['worst_s']:.2f} s ({r['worst_case']})", "≤ 2 s",
             _check(r["worst_s"], 2.0))],  # issue 19
    }
    for name, result in results.items():
        table += makers[name](result)
    return table


def markdown(described: dict[str, str], table: list[Row], quick: bool, seconds: float) -> str:
    lines = [f"# Benchmark results ({datetime.now().strftime('%Y-%m-%d %H:%M')})", "",
             "Written by `python bench/run.py`" + (" --quick (a smoke run)" if quick else "")
             + f" in {seconds / 60:.1f} minutes. Medians of several runs; ratios are against a "
             "peer run in the same session.", "", "Machine:", ""]
    lines += [f"- {key}: {value}" for key, value in described.items()]
    lines += ["", "| what | figure | target | met |", "|---|---|---|---|"]
    lines += [f"| {what} | {figure} | {target} | {met} |" for what, figure, target, met in table]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="Fewer runs: a smoke run.")
    parser.add_argument("--only", nargs="+", choices=list(BENCHES), default=list(BENCHES))
    parser.add_argument("--results", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    described = machine()
    print("machine:", "; ".join(f"{key} {value}" for key, value in described.items()))
    started = time.perf_counter()
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="coopwatch-bench-") as tmp:
        for name in args.only:
            result = run_one(name, args.quick, Path(tmp))
            if result is not None:
                results[name] = result
    table = rows(results)
    print()
    width = max((len(row[0]) for row in table), default=0)
    for what, figure, target, met in table:
        print(f"{what:<{width}}  {figure}  [target {target}, met {met}]")
    args.results.write_text(markdown(described, table, args.quick,
                                     time.perf_counter() - started), encoding="utf-8")
    print(f"\nwritten to {args.results}")
    return 0 if len(results) == len(args.only) else 1


if __name__ == "__main__":
    raise SystemExit(main())
