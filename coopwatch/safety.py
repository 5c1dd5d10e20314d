"""Untrusted text on its way to a terminal: no escape sequences, no control characters."""

from __future__ import annotations

import re

# CSI and OSC sequences, other ESC sequences, C0/C1 controls (tab and newline kept), and the
# bidirectional overrides that can reorder what a terminal shows ("trojan source").
_UNSAFE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[@-_]?"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)


def terminal_safe(text: str | None) -> str:
    """The text with anything that could drive a terminal removed."""
    return _UNSAFE.sub("", text or "")


def one_line(text: str | None, limit: int | None = None) -> str:
    """Terminal-safe text on a single line, cut to limit characters."""
    flat = " ".join(terminal_safe(text).split())
    if limit is not None and len(flat) > limit:
        return flat[: max(0, limit - 1)] + "…"
    return flat
