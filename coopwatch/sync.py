"""The update pipeline, in reader's phases:

    sources (paths given, or the configured folders)
    -> retrieve and parse (fetchers: bytes to raw articles; a bad file is a skip, not an error)
    -> store.entry_hashes (what each source already holds)
    -> decide (pure: new, changed or unchanged)
    -> dedup (a new feed item another source already carried is recorded as a copy)
    -> enrich (new and changed articles only)
    -> store.save_articles (one transaction per file, so a crash keeps what was committed)
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from pathlib import Path

from coopwatch.dedup import NEAR_DUPLICATE_BANDS, canonical_url, fingerprint
from coopwatch.enrich import Vocabulary, enrich_many
from coopwatch.enrichpool import EnrichPool
from coopwatch.fetchers.local import display_path, read_file, walk
from coopwatch.store import Store
from coopwatch.types import (
    ArticleWrite,
    Enrichment,
    RawArticle,
    Skipped,
    SourceResult,
    StoredEntry,
    StoredStory,
    SyncReport,
)
from coopwatch.vocabulary import VocabularyLoader

log = logging.getLogger("coopwatch.sync")
Progress = Callable[[SourceResult], None]
# new articles read before they are enriched together: enough to share out over the workers
# in chunks and repay their start, few enough that a kill loses little unsaved work
INGEST_BATCH = 400


def content_hash(raw: RawArticle) -> str:
    """A stable hash of everything a fetcher found, so unchanged items cost nothing."""
    # the fields as asdict() gives them (its deep copy cost more than the hash), so stored
    # hashes stay valid
    data = {name: getattr(raw, name) for name in _HASHED_FIELDS}
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


_HASHED_FIELDS = tuple(field.name for field in fields(RawArticle) if field.name != "source")


def decide(
    raws: Iterable[RawArticle], known: dict[str, StoredEntry]
) -> tuple[list[tuple[RawArticle, str, int | None]], int]:
    """Which items are new or changed (with the id to update), and how many are unchanged."""
    todo: list[tuple[RawArticle, str, int | None]] = []
    unchanged = 0
    seen: set[str] = set()
    for raw in raws:
        if raw.entry_key in seen:
            continue
        seen.add(raw.entry_key)
        digest = content_hash(raw)
        stored = known.get(raw.entry_key)
        if stored is None:
            todo.append((raw, digest, None))
        elif stored.content_hash != digest:
            todo.append((raw, digest, stored.article_id))
        else:
            unchanged += 1
    return todo, unchanged


@dataclass
class Decision:
    """What to do with one new or changed item of a source."""

    raw: RawArticle
    digest: str  # of the item as the source gave it, before any full text was fetched
    article_id: int | None  # the article to update, the original of a copy, or None for new
    copy: bool = False  # another source's story: record the entry only
    new_copy: bool = False  # a copy this source had not carried before
    enrichment: Enrichment | None = None  # done ahead (in worker processes), else at complete()


def plan(store: Store, source: str, raws: list[RawArticle]) -> list[Decision]:
    """Decide what is new or changed, and which new feed items are stories stored already."""
    known = store.entry_hashes(source)
    todo, _ = decide(raws, known)
    decisions = []
    for raw, digest, article_id in todo:
        if article_id is not None and known[raw.entry_key].is_copy:
            # The article's text is its first source's; this copy only changed here.
            decisions.append(Decision(raw, digest, article_id, copy=True))
            continue
        # Feed items are merged across sources; a local page file always stands for itself.
        if article_id is None and raw.entry_key:
            original = store.find_duplicate(canonical_url(raw.url), (), NEAR_DUPLICATE_BANDS)
            if original is not None and not _fuller(raw, original):
                decisions.append(Decision(raw, digest, original.article_id, copy=True,
                                          new_copy=True))
                continue
        decisions.append(Decision(raw, digest, article_id))
    return decisions


def _fuller(raw: RawArticle, original: StoredStory) -> bool:
    """A copy with half as much text again as the stored story (a summary met the full text)."""
    return len(raw.body) >= 1.5 * original.body_chars + 100


def _enrich_waiting(decisions: list[Decision], vocabulary: VocabularyLoader) -> None:
    """Enrich, together, the items to store that were not enriched ahead."""
    waiting = [decision for decision in decisions
               if not decision.copy and decision.enrichment is None]
    if waiting:
        enrichments = enrich_many([decision.raw for decision in waiting], vocabulary())
        for decision, enrichment in zip(waiting, enrichments, strict=True):
            decision.enrichment = enrichment


def _enriched(decision: Decision) -> Enrichment:
    assert decision.enrichment is not None  # by _enrich_waiting
    return decision.enrichment


def complete(
    store: Store, source: str, decisions: list[Decision], vocabulary: VocabularyLoader
) -> SourceResult:
    """Find near-duplicates, enrich the rest and save it all in one transaction.

    vocabulary is called only when an item was not enriched ahead (coopwatch.vocabulary's
    VocabularyLoader loads it then); the tags are stored with its version."""
    _enrich_waiting(decisions, vocabulary)
    writes: list[ArticleWrite] = []
    copies = 0
    batch = _Batch()
    for decision in decisions:
        raw = decision.raw
        if decision.copy:
            writes.append(ArticleWrite(raw, decision.digest, None, decision.article_id, copy=True))
            copies += decision.new_copy
            continue
        url = canonical_url(raw.url)
        prints = fingerprint(raw.title, raw.body) if raw.entry_key else ()
        if decision.article_id is None and raw.entry_key:
            # again by URL too: a feed finished since plan() may have stored the story
            original = store.find_duplicate(url, prints, NEAR_DUPLICATE_BANDS)
            if original is not None and _fuller(raw, original):
                writes.append(ArticleWrite(raw, decision.digest, _enriched(decision),
                                           original.article_id, adopt=True, canonical_url=url,
                                           fingerprint=prints))
                copies += 1
                continue
            if original is not None:
                writes.append(ArticleWrite(raw, decision.digest, None, original.article_id,
                                           copy=True))
                copies += 1
                continue
            if batch.seen(url, prints):
                # A repeat inside this source: its next change records it as a copy.
                copies += 1
                continue
        writes.append(ArticleWrite(raw, decision.digest, _enriched(decision),
                                   decision.article_id, canonical_url=url, fingerprint=prints))
    new_ids = store.save_articles(writes, vocabulary.enriched_with) if writes else []
    updated = sum(1 for write in writes
                  if write.article_id is not None and not (write.copy or write.adopt))
    return SourceResult(source=source, new=len(new_ids), updated=updated, copies=copies,
                        new_ids=new_ids)


def store_articles(
    store: Store, source: str, raws: list[RawArticle], vocabulary: Vocabulary
) -> SourceResult:
    """Decide, dedup, enrich and save one source's items, in one transaction."""
    return complete(store, source, plan(store, source, raws),
                    VocabularyLoader.holding(vocabulary))


class _Batch:
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


def ingest_path(store: Store, root: Path, vocabulary: Vocabulary,
                pool: EnrichPool | None = None) -> SourceResult:
    """Every supported file under a path, as one source result. Files are read a batch at a time;
    a full batch's new articles go to pool's workers while the batch before is stored (each file
    in its own transaction), and a folder of a few dozen files is enriched in process."""
    result = SourceResult(source=display_path(root.absolute()))
    if not root.exists():
        result.status, result.error = "failed", "no such file or folder"
        return result
    asked_for_one_file = not root.is_dir()
    batch: list[tuple[str, list[Decision]]] = []
    waiting = 0
    in_flight: _Enriching | None = None
    for found in walk(root):
        parsed = found if isinstance(found, Skipped) else read_file(found)
        if isinstance(parsed, Skipped) and asked_for_one_file:
            result.status, result.error = "failed", parsed.reason
            return result
        if isinstance(parsed, Skipped):
            result.skipped.append(parsed)
            continue
        decisions = plan(store, parsed[0].source, parsed)
        batch.append((parsed[0].source, decisions))
        waiting += sum(not decision.copy for decision in decisions)
        if waiting >= INGEST_BATCH:
            started = _Enriching.start(batch, pool)
            if in_flight is not None:
                in_flight.store(store, vocabulary, result)
            in_flight, batch, waiting = started, [], 0
    last = _Enriching.start(batch, pool if pool is not None and pool.started else None)
    if in_flight is not None:
        in_flight.store(store, vocabulary, result)
    last.store(store, vocabulary, result)
    if not (result.new or result.updated) and result.status == "ok":
        result.status = "unchanged"
    return result


@dataclass
class _Enriching:
    """A batch of files' decisions whose new articles the workers may be enriching."""

    batch: list[tuple[str, list[Decision]]]
    todo: list[Decision]  # the batch's new and changed articles, which need enriching
    answers: Callable[[], list[Enrichment] | None]

    @classmethod
    def start(cls, batch: list[tuple[str, list[Decision]]], pool: EnrichPool | None) -> _Enriching:
        todo = [decision for _, decisions in batch for decision in decisions if not decision.copy]
        answers = (pool.enrich_later([decision.raw for decision in todo])
                   if pool is not None and todo else lambda: None)
        return cls(batch, todo, answers)

    def store(self, store: Store, vocabulary: Vocabulary, result: SourceResult) -> None:
        """Take the workers' answers (the rest are enriched in process) and store each file."""
        for decision, enrichment in zip(self.todo, self.answers() or (), strict=False):
            decision.enrichment = enrichment
        loader = VocabularyLoader.holding(vocabulary)
        for source, decisions in self.batch:
            stored = complete(store, source, decisions, loader)
            result.new_ids += stored.new_ids
            result.new += stored.new
            result.updated += stored.updated
            result.copies += stored.copies


def ingest_paths(
    store: Store, paths: Iterable[Path], vocabulary: Vocabulary, progress: Progress | None = None
) -> SyncReport:
    """Import local files and folders; one bad file never stops the others."""
    report = SyncReport()
    started = time.monotonic()
    with EnrichPool(vocabulary.user_sector_terms) as pool:
        for path in paths:
            result = ingest_path(store, path, vocabulary, pool)
            log.info("status=%s source=%s new=%d updated=%d skipped=%d", result.status,
                     result.source, result.new, result.updated, len(result.skipped))
            report.sources.append(result)
            if progress:
                progress(result)
    report.seconds = time.monotonic() - started
    return report


def sync_folders(
    store: Store, folders: Iterable[Path], vocabulary: Vocabulary, progress: Progress | None = None
) -> SyncReport:
    """`fetch` for local folder sources: ingest each and keep its health on its source row."""
    folders = list(folders)
    for folder in folders:
        store.add_source(display_path(folder.absolute()), "folder")
    report = ingest_paths(store, folders, vocabulary, progress)
    for result in report.sources:
        store.record_result(result)
    return report
