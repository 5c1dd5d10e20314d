"""What makes two feed items the same story: a canonical URL, and a near-duplicate fingerprint
(store/fingerprints.py, where the store files it)."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit, urlunsplit

from courlan import normalize_url

from coopwatch.store.fingerprints import NEAR_DUPLICATE_BANDS, fingerprint
from coopwatch.webaddress import is_web_url

__all__ = ["NEAR_DUPLICATE_BANDS", "canonical_url", "fingerprint"]


@lru_cache(maxsize=4096)  # a sync asks twice of each new item (decide, then save)
def canonical_url(url: str | None) -> str | None:
    """The URL without scheme, "www.", fragment, tracking parameters or trailing slash."""
    if not is_web_url(url):
        return None
    try:
        normal = normalize_url(url.strip(), trailing_slash=False)
    except ValueError:
        return None
    parts = urlsplit(normal)
    host = parts.netloc.removeprefix("www.")
    return urlunsplit(("", host, parts.path or "/", parts.query, "")).removeprefix("//")
