"""Near-duplicate fingerprints, the keys the store files an article's text under.

The fingerprint is a one-permutation MinHash of word 3-shingles (the smallest shingle hash in each
of BANDS * ROWS slices of the hash space) cut into bands for lookup (LSH): two texts share a band
with probability about J**ROWS, where J is their shingle Jaccard similarity, so copies of one wire
story share most bands while two stories on the same topic share few. Here, beside the backends
rather than in one: every backend files an article under them, and dedup finds copies by them;
the SQLite one makes them again when the hashing changes (store/sqlite/schema.py).
"""

from __future__ import annotations

import re
from zlib import crc32

import numpy as np

from coopwatch.scripts import UNSPACED

SHINGLE = 3  # words (characters, in scripts written without spaces) per shingle
BANDS = 16
ROWS = 2  # MinHash values per band
MIN_SHINGLES = 12  # below this a text is too short to compare by fingerprint
NEAR_DUPLICATE_BANDS = 6  # shared bands that make a near-duplicate: J >= ~0.6
MAX_WORDS = 3000  # the opening of a long text decides; its tail rarely differs alone

_SLOTS = BANDS * ROWS
_SLOT_SHIFT = np.uint64(64 - (_SLOTS - 1).bit_length())
# a character of a script written without spaces is a token by itself; else a run of letters
_TOKEN = re.compile(f"{UNSPACED.pattern}|[^\\W_]+")


def fingerprint(title: str | None, body: str) -> tuple[int, ...]:
    """One key per band (63-bit, to fit SQLite's INTEGER); empty when the text is too short."""
    tokens = _TOKEN.findall(f"{title or ''} {body}".casefold())[:MAX_WORDS]
    if len(tokens) < SHINGLE:
        return ()
    # A word's CRC-32, then its shingles mixed to 64 bits in numpy: a cryptographic hash of every
    # shingle's text took a fifth of a millisecond an item, on the sync's busiest process.
    words = np.array(list(map(crc32, map(str.encode, tokens))), dtype=np.uint64)
    shingles = np.unique(_mixed(words[:-2] * _K[0] + words[1:-1] * _K[1] + words[2:]))
    if len(shingles) < MIN_SHINGLES:
        return ()
    # sorted, so a slot's first shingle is its minimum
    filled, first = np.unique(shingles >> _SLOT_SHIFT, return_index=True)
    minima = shingles[first]
    # An empty slot borrows its next filled neighbour's minimum (densification), so both texts
    # fill it the same way when they agree there.
    donors = np.searchsorted(filled, _ALL_SLOTS) % len(filled)
    slots = np.where(filled[donors] == _ALL_SLOTS, minima[donors], minima[donors] + _ALL_SLOTS)
    rows = slots.reshape(BANDS, ROWS)
    keys = _mixed(rows[:, 0] * _K[0] + rows[:, 1] * _K[1] + _BAND_NUMBERS * _K[2]) >> np.uint64(1)
    return tuple(keys.tolist())


def _mixed(values: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser: every input bit moves every output bit."""
    values = values ^ (values >> np.uint64(30))
    values = values * np.uint64(0xBF58476D1CE4E5B9)
    values = values ^ (values >> np.uint64(27))
    values = values * np.uint64(0x94D049BB133111EB)
    mixed: np.ndarray = values ^ (values >> np.uint64(31))
    return mixed


_K = tuple(np.uint64(k) for k in (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9))
_ALL_SLOTS = np.arange(_SLOTS, dtype=np.uint64)
_BAND_NUMBERS = np.arange(BANDS, dtype=np.uint64)
