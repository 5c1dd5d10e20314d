"""httpx without its command-line client.

httpx imports its own `httpx` command (httpx._main: rich's syntax highlighting, pygments) when it
is imported, some 40 ms of every coopwatch command that makes a request; coopwatch never runs it.
A module set to None in sys.modules is one Python will not import, so httpx defines its stand-in.
"""

from __future__ import annotations

import sys

sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

import httpx  # noqa: E402

__all__ = ["httpx"]
