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


def compile_sources() -> None:
    """Write coopwatch's bytecode before any command is timed, as `pip install` does. An
    editable install has none until a run writes it, and with PYTHONDONTWRITEBYTECODE set (as on
    this machine) no run ever does: every command would compile the package from source."""
    import compileall
    import importlib

    for name in ("coopwatch", "coopwatch.fetchers", "coopwatch.enrich", "coopwatch.store",
                 "coopwatch.tui"):
        for folder in importlib.import_module(name).__path__:
            compileall.compile_dir(folder, quiet=1)
