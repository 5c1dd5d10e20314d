"""The decide phase's reads: what the store holds for a source's items (its entries, and the
stories at the new items' addresses), handed to the pure decider."""

from __future__ import annotations

from collections.abc import Sequence

from coopwatch.dedup import NEAR_DUPLICATE_BANDS, canonical_url
from coopwatch.store import Store
from coopwatch.types import RawArticle, StoredStory
from coopwatch.update.decide import Decided, decide, new_items


def decide_items(store: Store, source: str, raws: Sequence[RawArticle]) -> Decided:
    """Each new or changed item's intent; a new feed item whose address is stored already is a
    copy (or, fuller, adopts the story) before any page or enrichment is spent on it."""
    known = store.entry_hashes(source)
    originals: dict[str, StoredStory] = {}
    for raw in new_items(raws, known):
        # by address only: the fingerprint waits for the final text, at save
        original = store.find_duplicate(canonical_url(raw.url), (), NEAR_DUPLICATE_BANDS)
        if original is not None:
            originals[raw.entry_key] = original
    return decide(raws, known, originals)
