"""Enrichment quality measured the way acceptance measures it: evaluate.py through the CLI."""

from __future__ import annotations

import re
import subprocess
import sys

from conftest import shared_path


def evaluate(*args: str) -> dict[str, float]:
    tool = shared_path("tools", "evaluate.py")
    done = subprocess.run(
        [sys.executable, str(tool), *args, "--coopwatch", f"{sys.executable} -m coopwatch"],
        capture_output=True, text=True, timeout=900,
    )
    assert done.returncode in (0, 1), done.stdout + done.stderr
    last = done.stdout.strip().splitlines()[-1]
    return {name: float(value) for name, value in re.findall(r"([a-z]+)(?: F1)? (\d\.\d+)", last)}


def test_seed_articles_are_tagged_exactly() -> None:
    scores = evaluate("--set", "seeds")
    assert scores["pairs"] == 1.0
    assert scores["countries"] == 1.0
    assert scores["language"] == 1.0
    assert scores["cooperation"] == 1.0
    assert scores["published"] == 1.0
