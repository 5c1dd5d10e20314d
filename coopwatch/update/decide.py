"""What each item a source brings means for the store, decided without I/O.

Two verdicts, both pure: `decide` before any page is fetched or any text enriched (so a story
another source already carried costs neither), and `settle` for a new item just before it is
saved, against the stories stored meanwhile and the fingerprint of its final text.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields

from coopwatch.types import RawArticle, StoredEntry, StoredStory


@dataclass(frozen=True)
class New:
    """An item no source carried before: stored as a new article."""

    raw: RawArticle
    digest: str  # of the item as the source gave it, before any full text was fetched


@dataclass(frozen=True)
class Changed:
    """An item this source carried before, changed since: its article is updated."""

    raw: RawArticle
    digest: str
    article_id: int


@dataclass(frozen=True)
class Copy:
    """Another source's story: only the entry is recorded, against the original article."""

    raw: RawArticle
    digest: str
    article_id: int  # the original
    first_time: bool  # this source had not carried it before (a sync counts it as a copy)


@dataclass(frozen=True)
class Adopt:
    """A fuller copy of a stored story (a summary met the full text): it takes over the
    article's text and source."""

    raw: RawArticle
    digest: str
    article_id: int  # the original


Intent = New | Changed | Copy | Adopt
Enriched = New | Changed | Adopt  # the intents whose text is enriched and stored


@dataclass(frozen=True)
class Decided:
    intents: list[Intent]
    unchanged: int


def content_hash(raw: RawArticle) -> str:
    """A stable hash of everything a fetcher found, so unchanged items cost nothing."""
    # the fields as asdict() gives them (its deep copy cost more than the hash), so stored
    # hashes stay valid
    data = {name: getattr(raw, name) for name in _HASHED_FIELDS}
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


_HASHED_FIELDS = tuple(field.name for field in fields(RawArticle) if field.name != "source")


def merges_across_sources(raw: RawArticle) -> bool:
    """Feed items are merged across sources; a local page file always stands for itself."""
    return bool(raw.entry_key)


def new_items(raws: Iterable[RawArticle], known: Mapping[str, StoredEntry]) -> list[RawArticle]:
    """The items whose story may be stored already from another source: the ones to look up."""
    return [raw for raw in raws if raw.entry_key not in known and merges_across_sources(raw)]


def decide(raws: Iterable[RawArticle], known: Mapping[str, StoredEntry],
           originals: Mapping[str, StoredStory]) -> Decided:
    """Each new or changed item's intent, and how many items are unchanged.

    known: what the source holds, by entry key. originals: stored stories by the entry key of a
    new item that has the same address (coopwatch.dedup.canonical_url)."""
    intents: list[Intent] = []
    unchanged = 0
    seen: set[str] = set()
    for raw in raws:
        if raw.entry_key in seen:
            continue
        seen.add(raw.entry_key)
        digest = content_hash(raw)
        stored = known.get(raw.entry_key)
        if stored is not None and stored.content_hash == digest:
            unchanged += 1
        elif stored is not None and stored.is_copy:
            # the article's text is its first source's; this copy only changed here
            intents.append(Copy(raw, digest, stored.article_id, first_time=False))
        elif stored is not None:
            intents.append(Changed(raw, digest, stored.article_id))
        else:
            intents.append(_against(New(raw, digest), originals.get(raw.entry_key)))
    return Decided(intents, unchanged)


def settle(intent: New, original: StoredStory | None, repeat: bool) -> Intent | None:
    """A new item's last verdict before it is saved: the story another feed stored since
    decide(), or one its fingerprint matches; None for a repeat inside its own source (its next
    change records it as a copy)."""
    if original is not None:
        return _against(intent, original)
    return None if repeat else intent


def _against(intent: New, original: StoredStory | None) -> Intent:
    if original is None:
        return intent
    if _fuller(intent.raw, original):
        return Adopt(intent.raw, intent.digest, original.article_id)
    return Copy(intent.raw, intent.digest, original.article_id, first_time=True)


def _fuller(raw: RawArticle, original: StoredStory) -> bool:
    """A copy with half as much text again as the stored story (a summary met the full text)."""
    return len(raw.body) >= 1.5 * original.body_chars + 100
