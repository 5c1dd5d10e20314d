"""coopwatch: who cooperates with whom, in which technology, across news in many languages."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("coopwatch")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
