"""What counts as a web address: http or https with a host, never a command (newsboat's exec:),
a file: address or a bare path."""

from __future__ import annotations

from typing import TypeGuard
from urllib.parse import urlsplit


def is_web_url(url: str | None) -> TypeGuard[str]:
    """An http or https address with a host."""
    if not url:
        return False
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
