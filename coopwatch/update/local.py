"""The folder driver: local files through the same phases as feeds,

    read (fetchers.local: a bad file is a skip, not an error) -> decide -> enrich -> save
    -> health (for a configured folder that `fetch` syncs)

A folder is read a batch of new articles at a time; a full batch goes to the worker processes
while the batch before is stored, some fifty articles a transaction (a file's writes are undone
alone when they fail), so a crash keeps what was committed. A folder of a few dozen files is enriched in process.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from coopwatch.enrichpool import EnrichPool
from coopwatch.fetchers.local import display_path, read_file, walk
from coopwatch.store import Store
from coopwatch.types import Enriched, RawArticle, Skipped, SourceResult, SyncReport
from coopwatch.update import enrich, health, known, save
from coopwatch.update.decide import Intent
from coopwatch.update.health import Clock, Progress, utc_clock
from coopwatch.vocabulary import VocabularyLoader

if TYPE_CHECKING:
    from coopwatch.enrich import Vocabulary

log = logging.getLogger("coopwatch.update")
# new articles read before they are enriched together: enough to share out over the workers
# in chunks and repay their start, few enough that a kill loses little unsaved work
INGEST_BATCH = 400
# articles stored a transaction: a commit (and a full-text segment) a file cost a bulk ingest
# more than its parsing; a kill -9 loses at most these, which the next ingest stores
COMMIT_EVERY = 50


def store_articles(store: Store, source: str, raws: Sequence[RawArticle],
                   vocabulary: Vocabulary) -> SourceResult:
    """Decide, enrich and save one source's items in process, in one transaction."""
    intents = known.decide_items(store, source, raws).intents
    loader = VocabularyLoader.holding(vocabulary)
    return save.save(store, source, intents, enrich.rest(intents, {}, loader),
                     loader.enriched_with)


@dataclass
class _File:
    source: str
    intents: list[Intent]


@dataclass
class _Batch:
    """Files whose new articles the workers may be enriching."""

    files: list[_File]
    answers: Callable[[], list[Enriched] | None]

    @classmethod
    def start(cls, files: list[_File], pool: EnrichPool | None) -> _Batch:
        raws = [file.intents[index].raw
                for file in files for index in enrich.waiting(file.intents)]
        answers = (pool.enrich_later(raws, fingerprints=True) if pool is not None and raws
                   else lambda: None)
        return cls(files, answers)

    def save(self, store: Store, loader: VocabularyLoader, result: SourceResult) -> None:
        """Take the workers' answers (the rest are enriched in process) and store each file."""
        answers = iter(self.answers() or ())
        for group in _groups(self.files):
            with store.grouped_writes():
                for file in group:
                    ahead = {index: answer for index, answer
                             in zip(enrich.waiting(file.intents), answers, strict=False)}
                    stored = save.save(store, file.source, file.intents,
                                       enrich.rest(file.intents, ahead, loader),
                                       loader.enriched_with)
                    result.new_ids += stored.new_ids
                    result.new += stored.new
                    result.updated += stored.updated
                    result.copies += stored.copies


def _groups(files: list[_File]) -> Iterator[list[_File]]:
    """The files in runs of about COMMIT_EVERY articles, each run stored in one transaction."""
    group: list[_File] = []
    articles = 0
    for file in files:
        group.append(file)
        articles += len(file.intents)
        if articles >= COMMIT_EVERY:
            yield group
            group, articles = [], 0
    if group:
        yield group


def ingest_path(store: Store, root: Path, vocabulary: Vocabulary,
                pool: EnrichPool | None = None) -> SourceResult:
    """Every supported file under a path, as one source result."""
    result = SourceResult(source=display_path(root.absolute()))
    if not root.exists():
        result.status, result.error = "failed", "no such file or folder"
        return result
    asked_for_one_file = not root.is_dir()
    loader = VocabularyLoader.holding(vocabulary)
    files: list[_File] = []
    waiting = 0
    in_flight: _Batch | None = None
    for found in walk(root):
        parsed = found if isinstance(found, Skipped) else read_file(found)
        if isinstance(parsed, Skipped) and asked_for_one_file:
            result.status, result.error = "failed", parsed.reason
            return result
        if isinstance(parsed, Skipped):
            result.skipped.append(parsed)
            continue
        source = parsed[0].source
        file = _File(source, known.decide_items(store, source, parsed).intents)
        files.append(file)
        waiting += len(enrich.waiting(file.intents))
        if waiting >= INGEST_BATCH:
            started = _Batch.start(files, pool)
            if in_flight is not None:
                in_flight.save(store, loader, result)
            in_flight, files, waiting = started, [], 0
    last = _Batch.start(files, pool if pool is not None and pool.started else None)
    if in_flight is not None:
        in_flight.save(store, loader, result)
    last.save(store, loader, result)
    if not (result.new or result.updated) and result.status == "ok":
        result.status = "unchanged"
    return result


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


def sync_folders(store: Store, folders: Iterable[Path], vocabulary: Vocabulary,
                 progress: Progress | None = None, clock: Clock = utc_clock) -> SyncReport:
    """`fetch` for local folder sources: ingest each and keep its health on its source row."""
    folders = list(folders)
    for folder in folders:
        store.add_source(display_path(folder.absolute()), "folder")
    report = ingest_paths(store, folders, vocabulary, progress)
    for result in report.sources:
        health.record(store, health.Health(result), clock())
    return report
