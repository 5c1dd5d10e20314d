"""Enrichment quality measured the way acceptance measures it: evaluate.py through the CLI."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import shared_path


def evaluate(*args: str, cwd: Path) -> dict[str, float]:
    tool = shared_path("tools", "evaluate.py")
    executable = shutil.which("coopwatch", path=str(Path(sys.executable).parent))
    assert executable, "coopwatch is not installed beside this interpreter"
    done = subprocess.run(
        [sys.executable, str(tool), *args, "--coopwatch", executable],
        capture_output=True, text=True, timeout=900, cwd=cwd,  # away from the checkout's folders
    )
    assert done.returncode in (0, 1), done.stdout + done.stderr
    last = done.stdout.strip().splitlines()[-1]
    return {name: float(value) for name, value in re.findall(r"([a-z]+)(?: F1)? (\d\.\d+)", last)}


def test_seed_articles_are_tagged_exactly(tmp_path: Path) -> None:
    scores = evaluate("--set", "seeds", cwd=tmp_path)
    assert scores["pairs"] == 1.0
    assert scores["countries"] == 1.0
    assert scores["language"] == 1.0
    assert scores["cooperation"] == 1.0
    assert scores["published"] == 1.0


def test_development_set_meets_the_quality_bar(tmp_path: Path) -> None:
    articles, labels = shared_path("eval", "dev", "articles"), shared_path("eval", "dev", "labels.json")
    scores = evaluate("--articles", str(articles), "--labels", str(labels), cwd=tmp_path)
    assert scores["pairs"] >= 0.90
    assert scores["countries"] >= 0.90
    assert scores["sectors"] >= 0.80
    assert scores["language"] >= 0.98
    assert scores["cooperation"] >= 0.90
    assert scores["published"] >= 0.90
