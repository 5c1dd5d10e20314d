#!/usr/bin/env python3
"""Enrichment quality per language and overall, through the CLI as acceptance measures it.

Each set is ingested into a fresh database (`coopwatch --db TMP ingest DIR`), listed
(`list --json --limit 0`) and compared with its labels. Sets: the seeds, ../shared/eval/dev (when
it is beside the checkout), and the project's own labelled corpora under tests/data/corpus/*
(their texts are kept out of the repository, see tests/data/corpus/README.md), each split into the
part we develop against ("dev") and the part kept aside and never tuned on ("aside").

    python bench/quality.py [--set NAME ...] [--by-language]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
NORWEGIAN = {"no", "nb", "nn"}


def sets() -> dict[str, tuple[Path, list[dict]]]:
    found: dict[str, tuple[Path, list[dict]]] = {}
    seeds = SHARED / "eval" / "seeds-labels.json"
    if seeds.exists():
        found["seeds"] = (ROOT / "seeds", json.loads(seeds.read_text()))
    dev = SHARED / "eval" / "dev"
    if (dev / "labels.json").exists():
        found["shared-dev"] = (dev / "articles", json.loads((dev / "labels.json").read_text()))
    for corpus in sorted((ROOT / "tests" / "data" / "corpus").glob("*/labels.json")):
        labels = json.loads(corpus.read_text())
        articles = corpus.parent / "articles"
        present = [label for label in labels if (articles / label["file"]).exists()]
        for split in ("dev", "aside"):
            part = [label for label in present if label.get("split", "dev") == split]
            if part:
                found[f"corpus-{corpus.parent.name}-{split}"] = (articles, part)
    return found


def listed(folder: Path, labels: list[dict], coopwatch: str) -> dict[str, dict]:
    with tempfile.TemporaryDirectory() as tmp:
        chosen = Path(tmp) / "articles"
        chosen.mkdir()
        for label in labels:
            shutil.copy(folder / label["file"], chosen / label["file"])
        db = str(Path(tmp) / "q.db")
        subprocess.run([coopwatch, "--db", db, "ingest", str(chosen)], capture_output=True,
                       check=False, timeout=1800)
        out = subprocess.run([coopwatch, "--db", db, "list", "--json", "--limit", "0"],
                             capture_output=True, text=True, check=True, timeout=600).stdout
    return {Path(item["source"]).name: item for item in json.loads(out)}


class Tally:
    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        self.right: dict[str, list[int]] = defaultdict(lambda: [0, 0])

    def sets_of(self, name: str, got: set, want: set) -> None:
        counts = self.counts[name]
        counts[0] += len(got & want)
        counts[1] += len(got - want)
        counts[2] += len(want - got)

    def check(self, name: str, ok: bool) -> None:
        self.right[name][0] += ok
        self.right[name][1] += 1

    def row(self) -> dict[str, float]:
        row = {}
        for name, (tp, fp, fn) in self.counts.items():
            p = tp / (tp + fp) if tp + fp else 1.0
            r = tp / (tp + fn) if tp + fn else 1.0
            row[name] = 2 * p * r / (p + r) if p + r else 0.0
        for name, (ok, total) in self.right.items():
            row[name] = ok / total if total else 1.0
        return row


def score(labels: list[dict], items: dict[str, dict], by_language: bool) -> dict[str, dict]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    for label in labels:
        item = items.get(label["file"], {})
        for key in ("all", label["language"]) if by_language else ("all",):
            tally = tallies[key]
            tally.sets_of("pairs", {tuple(p) for p in item.get("pairs", [])},
                          {tuple(p) for p in label["pairs"]})
            tally.sets_of("countries", set(item.get("countries", [])), set(label["countries"]))
            tally.sets_of("sectors", set(item.get("sectors", [])), set(label["sectors"]))
            tally.check("cooperation", item.get("cooperation") == label["is_cooperation"])
            got = (item.get("language") or "").split("-")[0]
            tally.check("language", got == label["language"]
                        or (got in NORWEGIAN and label["language"] in NORWEGIAN))
            tally.check("published", item.get("published") == label["published"])
    return {key: tally.row() for key, tally in tallies.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", help="only these sets (default: all found)")
    parser.add_argument("--by-language", action="store_true", help="a row per language too")
    parser.add_argument("--coopwatch", default=shutil.which("coopwatch", path=str(Path(sys.executable).parent)) or "coopwatch")
    args = parser.parse_args()
    columns = ("pairs", "countries", "sectors", "cooperation", "language", "published")
    print(f"{'set':<22} {'lang':<5} {'n':>3}  " + "  ".join(f"{c[:8]:>8}" for c in columns))
    for name, (folder, labels) in sets().items():
        if args.set and name not in args.set:
            continue
        rows = score(labels, listed(folder, labels, args.coopwatch), args.by_language)
        sizes = defaultdict(int)
        for label in labels:
            sizes["all"] += 1
            sizes[label["language"]] += 1
        for key in sorted(rows, key=lambda k: (k != "all", k)):
            print(f"{name:<22} {key:<5} {sizes[key]:>3}  "
                  + "  ".join(f"{rows[key].get(c, 0):8.3f}" for c in columns))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
