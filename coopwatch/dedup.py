"""What makes two feed items the same story: a canonical URL, and a near-duplicate fingerprint.

The fingerprint is a one-permutation MinHash of word 3-shingles (the smallest shingle hash in each
of BANDS * ROWS slices of the hash space) cut into bands for lookup (LSH): two texts share a band
with probability about J**ROWS, where J is their shingle Jaccard similarity, so copies of one wire
story share most bands while two stories on the same topic share few.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit, urlunsplit

from courlan import normalize_url

from coopwatch.enrich.text import UNSPACED

SHINGLE = 3  # words (characters, in scripts written without spaces) per shingle
BANDS = 16
ROWS = 2  # MinHash values per band
MIN_SHINGLES = 12  # below this a text is too short to compare by fingerprint
NEAR_DUPLICATE_BANDS = 6  # shared bands that make a near-duplicate: J >= ~0.6
MAX_WORDS = 3000  # the opening of a long text decides; its tail rarely differs alone

_SLOTS = BANDS * ROWS
_SLOT_SHIFT = 64 - (_SLOTS - 1).bit_length()
# a character of a script written without spaces is a token by itself; else a run of letters
_TOKEN = re.compile(f"{UNSPACED.pattern}|[^\\W_]+")


def canonical_url(url: str | None) -> str | None:
    """The URL without scheme, "www.", fragment, tracking parameters or trailing slash."""
    if not url or not url.lower().startswith(("http://", "https://")):
        return None
    try:
        normal = normalize_url(url.strip(), trailing_slash=False)
    except ValueError:
        return None
    parts = urlsplit(normal)
    host = parts.netloc.removeprefix("www.")
    return urlunsplit(("", host, parts.path or "/", parts.query, "")).removeprefix("//")


def _hash64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def fingerprint(title: str | None, body: str) -> tuple[int, ...]:
    """One key per band (63-bit, to fit SQLite's INTEGER); empty when the text is too short."""
    tokens = _TOKEN.findall(f"{title or ''} {body}".casefold())[:MAX_WORDS]
    shingles = {_hash64(" ".join(tokens[i:i + SHINGLE])) for i in range(len(tokens) - SHINGLE + 1)}
    if len(shingles) < MIN_SHINGLES:
        return ()
    minima: list[int | None] = [None] * _SLOTS
    for value in shingles:
        slot = value >> _SLOT_SHIFT
        if minima[slot] is None or value < minima[slot]:  # type: ignore[operator]
            minima[slot] = value
    # An empty slot borrows its next filled neighbour's minimum (densification), so both texts
    # fill it the same way when they agree there.
    filled = [(slot, value) for slot, value in enumerate(minima) if value is not None]
    for slot in range(_SLOTS):
        if minima[slot] is None:
            donor = next((v for s, v in filled if s > slot), filled[0][1])
            minima[slot] = donor + slot
    return tuple(
        _hash64(f"{band}:" + ",".join(map(str, minima[band * ROWS:(band + 1) * ROWS]))) >> 1
        for band in range(BANDS)
    )
