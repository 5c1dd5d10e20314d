"""Which enrichment made an article's tags, as stored in `articles.enriched_with`.

The version is enrich/'s hand-kept ENRICH_VERSION plus a digest of everything that decides the
tags: enrich/'s code and shipped data files, and the user's own [sectors] terms, e.g.
"3+1a2b3c4d5e6f". A rule, a data file or the config changing makes the stored tags stale
(`coopwatch reenrich` makes them again) without anyone remembering to bump the number.

Light on purpose: enrich/'s files are read, never imported (numpy, the stemmers, dateparser),
so a sync where every feed answers 304 can still count the stale articles.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

DIGEST_CHARS = 12
# The data files enrichment reads (coopwatch/vocabulary.py loads them into a Vocabulary).
DATA_SUFFIXES = (".toml", ".json")
_HAND_VERSION = re.compile(r"""^ENRICH_VERSION\s*=\s*["']([^"']+)["']""", re.MULTILINE)


def enrichment_version(user_sector_terms: Mapping[str, Iterable[str]] | None = None) -> str:
    """The version stored with tags that the current code, data and these sector terms make."""
    terms = {sector: list(words) for sector, words in (user_sector_terms or {}).items()}
    return _version(json.dumps(terms, sort_keys=True, ensure_ascii=False))


@lru_cache(maxsize=8)  # once a process for each config's terms (a test may load several)
def _version(user_terms_json: str) -> str:
    hand_version, shipped = _shipped_digest()
    digest = hashlib.blake2b(shipped, digest_size=16)
    digest.update(user_terms_json.encode("utf-8"))
    return f"{hand_version}+{digest.hexdigest()[:DIGEST_CHARS]}"


@lru_cache(maxsize=1)
def _shipped_digest() -> tuple[str, bytes]:
    """ENRICH_VERSION as enrich/__init__.py sets it, and a digest of enrich/'s files (1 MB,
    about 2 ms)."""
    folder = enrich_folder()
    files = sorted(path for path in folder.rglob("*.py") if "__pycache__" not in path.parts)
    files += sorted(path for path in (folder / "data").iterdir()
                    if path.suffix in DATA_SUFFIXES and path.is_file())
    digest = hashlib.blake2b(digest_size=16)
    for path in files:
        content = path.read_bytes()
        # the name and length too, so moving bytes between files changes the digest
        digest.update(f"{path.relative_to(folder).as_posix()}\0{len(content)}\0".encode())
        digest.update(content)
    found = _HAND_VERSION.search((folder / "__init__.py").read_text(encoding="utf-8"))
    return (found.group(1) if found else "0"), digest.digest()


def enrich_folder() -> Path:
    """Where coopwatch.enrich's files are, found without importing it."""
    spec = find_spec("coopwatch.enrich")
    assert spec is not None and spec.submodule_search_locations
    return Path(spec.submodule_search_locations[0])
