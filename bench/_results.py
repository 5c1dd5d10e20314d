"""Each benchmark can leave its medians as JSON, so bench/run.py can gather them into one table."""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def add_json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", dest="json_path", type=Path, metavar="FILE",
                        help="Also write the medians to FILE as JSON (for bench/run.py).")


def write_json(path: Path | None, figures: dict[str, object]) -> None:
    if path is not None:
        path.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
