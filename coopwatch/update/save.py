"""The save phase: a source's intents as the store's writes, in one transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from coopwatch.dedup import NEAR_DUPLICATE_BANDS, canonical_url, fingerprint
from coopwatch.store import Store
from coopwatch.types import ArticleWrite, Enriched, SourceResult
from coopwatch.update.decide import Adopt, Changed, Copy, Intent, New, settle


def save(store: Store, source: str, intents: Sequence[Intent],
         enriched: Mapping[int, Enriched], enriched_with: str) -> SourceResult:
    """Store every intent (enriched: by the intent's index, for all but copies); a new item
    is first settled against the stories stored since it was decided. Runs on the one thread
    that writes, so no other source can store the same story in between."""
    writes: list[ArticleWrite] = []
    copies = 0
    repeats = _Repeats()
    for index, decided in enumerate(intents):
        intent: Intent | None = decided
        url = canonical_url(decided.raw.url)
        prints = (_fingerprint(decided, enriched.get(index))
                  if decided.raw.entry_key and not isinstance(decided, Copy) else ())
        if isinstance(decided, New) and decided.raw.entry_key:
            original = store.find_duplicate(url, prints, NEAR_DUPLICATE_BANDS)
            intent = settle(decided, original, original is None and repeats.seen(url, prints))
        if intent is None:
            copies += 1  # a repeat inside this source
        elif isinstance(intent, Copy):
            writes.append(ArticleWrite(intent.raw, intent.digest, None, intent.article_id,
                                       copy=True))
            copies += intent.first_time
        elif isinstance(intent, Adopt):
            writes.append(ArticleWrite(intent.raw, intent.digest, enriched[index].enrichment,
                                       intent.article_id, adopt=True, canonical_url=url,
                                       fingerprint=prints))
            copies += 1
        elif isinstance(intent, Changed):
            writes.append(ArticleWrite(intent.raw, intent.digest, enriched[index].enrichment,
                                       intent.article_id, canonical_url=url,
                                       fingerprint=prints))
        else:
            writes.append(ArticleWrite(intent.raw, intent.digest, enriched[index].enrichment, None,
                                       canonical_url=url, fingerprint=prints))
    new_ids = store.save_articles(writes, enriched_with) if writes else []
    updated = sum(isinstance(intent, Changed) for intent in intents)
    return SourceResult(source=source, new=len(new_ids), updated=updated, copies=copies,
                        new_ids=new_ids)


def _fingerprint(decided: Intent, enriched: Enriched | None) -> tuple[int, ...]:
    """The item's fingerprint: the workers' when they made it, else made now."""
    if enriched is not None and enriched.fingerprint is not None:
        return enriched.fingerprint
    return fingerprint(decided.raw.title, decided.raw.body)


class _Repeats:
    """The canonical URLs and fingerprint bands of one source's new items, to catch repeats."""

    def __init__(self) -> None:
        self.urls: set[str] = set()
        self.band_owners: dict[int, list[int]] = {}
        self.count = 0

    def seen(self, url: str | None, prints: tuple[int, ...]) -> bool:
        if url and url in self.urls:
            return True
        shared: dict[int, int] = {}
        for key in prints:
            for owner in self.band_owners.get(key, ()):
                shared[owner] = shared.get(owner, 0) + 1
        if shared and max(shared.values()) >= NEAR_DUPLICATE_BANDS:
            return True
        if url:
            self.urls.add(url)
        for key in prints:
            self.band_owners.setdefault(key, []).append(self.count)
        self.count += 1
        return False
