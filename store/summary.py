"""An article's summary, made when it is stored: every backend keeps the same one."""

from __future__ import annotations

SUMMARY_CHARS = 280


def summarize(body: str) -> str:
    """The first lines of the body, cut at a word boundary."""
    flat = " ".join(body.split())
    if len(flat) <= SUMMARY_CHARS:
        return flat
    cut = flat[:SUMMARY_CHARS].rsplit(" ", 1)[0]
    return cut + "…"
