"""Tags made again when the enrichment changed: `coopwatch reenrich`, and the note that asks for it.

Importing this module is cheap (enrich/ is imported when the first batch is enriched), so
`fetch` can count the stale articles after a sync where nothing changed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coopwatch.enrichversion import enrichment_version
from coopwatch.store import Store
from coopwatch.types import Enrichment, Filters, RawArticle
from coopwatch.vocabulary import VocabularyLoader

if TYPE_CHECKING:
    from coopwatch.enrichpool import EnrichPool

BATCH_SIZE = 200  # articles a transaction: a kill loses at most this much work (~0.5 s of it)
# A sync may take the lock between two batches; the next batch waits for it to finish. The
# first waits only as long as `fetch` would, so a busy database is reported at once.
LATER_BATCH_WAIT_SECONDS = 300.0
# From this many articles the workers' start (a second or two: imports, term indexes) pays off.
POOL_FROM = 1000


@dataclass(frozen=True)
class ReenrichReport:
    """What a `coopwatch reenrich` run did."""

    reenriched: int
    remaining: int  # matching articles still tagged by another enrichment
    version: str  # the enrichment their tags now come from

    def to_json(self) -> dict[str, object]:
        return {"reenriched": self.reenriched, "remaining": self.remaining,
                "version": self.version}


def stale_note(count: int) -> str | None:
    """What to tell a user whose stored tags are older than the enrichment; None if nothing."""
    if not count:
        return None
    articles = "1 article was" if count == 1 else f"{count} articles were"
    return f"{articles} tagged by an older enrichment; run `coopwatch reenrich`"


def stale_count(store: Store, user_sector_terms: Mapping[str, Iterable[str]] | None,
                filters: Filters = Filters()) -> int:
    """How many matching articles were tagged by another enrichment than the current one."""
    return store.count_stale(enrichment_version(user_sector_terms), filters)


def to_reenrich(store: Store, vocabulary: VocabularyLoader, filters: Filters = Filters(),
                every: bool = False) -> int:
    """How many articles reenrich() would tag again (for a progress bar)."""
    if every:
        return store.count_articles(filters)
    return store.count_stale(vocabulary.enriched_with, filters)


def reenrich(
    store: Store, vocabulary: VocabularyLoader, filters: Filters = Filters(), *,
    every: bool = False, batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
) -> ReenrichReport:
    """Tag the matching articles again, those another enrichment tagged (or every one), in
    batches by id, each committed under the sync lock: a killed run keeps its batches, and the
    next run picks up the articles still stale. Many articles are enriched on every core."""
    from coopwatch.enrichpool import EnrichPool  # multiprocessing: only for this command

    version = vocabulary.enriched_with
    many = to_reenrich(store, vocabulary, filters, every) >= POOL_FROM
    done, after_id, wait = 0, 0, None
    with EnrichPool(vocabulary.user_sector_terms, workers=None if many else 0) as pool:
        while True:
            with store.sync_lock(wait=wait):
                batch = store.texts_to_enrich(None if every else version, filters, after_id,
                                              batch_size)
                if not batch:
                    break
                enrichments = _enrich_batch(pool, [text.raw for text in batch], vocabulary)
                done += store.replace_enrichments(list(zip(batch, enrichments, strict=True)),
                                                  version)
            after_id, wait = batch[-1].article_id, LATER_BATCH_WAIT_SECONDS
            if progress:
                progress(len(batch))
    return ReenrichReport(done, store.count_stale(version, filters), version)


def _enrich_batch(pool: EnrichPool, raws: list[RawArticle],
                  vocabulary: VocabularyLoader) -> list[Enrichment]:
    answers = asyncio.run(pool.enrich(raws))
    if answers is not None:
        return [answer.enrichment for answer in answers]
    # a small run, one core, or workers that failed
    from coopwatch.enrich import enrich_many  # numpy and the stemmers: only now

    return enrich_many(raws, vocabulary())
