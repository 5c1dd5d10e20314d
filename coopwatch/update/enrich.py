"""The enrich phase: tags for every intent that stores text (all but copies), in the worker
processes when a source brings many (coopwatch.enrichpool), else in process. The workers make
each article's fingerprint too; the save phase makes those of the rest."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from coopwatch.enrichpool import EnrichPool
from coopwatch.types import Enriched
from coopwatch.update.decide import Adopt, Changed, Intent, New
from coopwatch.vocabulary import VocabularyLoader

Enrichments = dict[int, Enriched]  # by the intent's index in its source's list


def waiting(intents: Sequence[Intent], done: Mapping[int, Enriched] | None = None) -> list[int]:
    """The indexes of the intents still to enrich."""
    return [index for index, intent in enumerate(intents)
            if isinstance(intent, New | Changed | Adopt) and index not in (done or {})]


async def ahead(pool: EnrichPool, intents: Sequence[Intent]) -> Enrichments:
    """What the workers enrich while the writer stores other sources; {} when the batch is
    better done in process."""
    todo = waiting(intents)
    answers = await pool.enrich([intents[index].raw for index in todo], fingerprints=True)
    return dict(zip(todo, answers, strict=True)) if answers is not None else {}


def rest(intents: Sequence[Intent], done: Mapping[int, Enriched],
         vocabulary: VocabularyLoader) -> Enrichments:
    """done, with the intents it lacks enriched together in process (vocabulary is loaded only
    then: coopwatch.vocabulary's VocabularyLoader)."""
    todo = waiting(intents, done)
    if not todo:
        return dict(done)
    from coopwatch.enrich import enrich_many  # the first text to enrich in process

    found = enrich_many([intents[index].raw for index in todo], vocabulary())
    return {**done, **dict(zip(todo, map(Enriched, found), strict=True))}
