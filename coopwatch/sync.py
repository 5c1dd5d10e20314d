"""The update pipeline, in reader's phases:

    sources (paths given, or the configured folders)
    -> retrieve and parse (fetchers: bytes to raw articles; a bad file is a skip, not an error)
    -> store.entry_hashes (what each source already holds)
    -> decide (pure: new, changed or unchanged)
    -> enrich (new and changed articles only)
    -> store.save_articles (one transaction per file, so a crash keeps what was committed)
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict
from pathlib import Path

from coopwatch.enrich import ENRICH_VERSION, Vocabulary, enrich
from coopwatch.fetchers.local import display_path, read_file, walk
from coopwatch.store import Store
from coopwatch.types import ArticleWrite, RawArticle, Skipped, SourceResult, SyncReport

log = logging.getLogger("coopwatch.sync")
Progress = Callable[[SourceResult], None]


def content_hash(raw: RawArticle) -> str:
    """A stable hash of everything a fetcher found, so unchanged items cost nothing."""
    data = asdict(raw)
    data.pop("source")
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def decide(
    raws: Iterable[RawArticle], known: dict[str, tuple[int, str]]
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
        elif stored[1] != digest:
            todo.append((raw, digest, stored[0]))
        else:
            unchanged += 1
    return todo, unchanged


def store_articles(
    store: Store, source: str, raws: list[RawArticle], vocabulary: Vocabulary
) -> tuple[list[int], int]:
    """Decide, enrich and save one source's items; returns new ids and the count updated."""
    todo, _ = decide(raws, store.entry_hashes(source))
    writes = [
        ArticleWrite(raw, digest, enrich(raw, vocabulary), article_id)
        for raw, digest, article_id in todo
    ]
    new_ids = store.save_articles(writes, ENRICH_VERSION) if writes else []
    return new_ids, len(writes) - len(new_ids)


def ingest_path(store: Store, root: Path, vocabulary: Vocabulary) -> SourceResult:
    """Every supported file under a path, as one source result."""
    result = SourceResult(source=display_path(root.absolute()))
    if not root.exists():
        result.status, result.error = "failed", "no such file or folder"
        return result
    for found in walk(root):
        parsed = found if isinstance(found, Skipped) else read_file(found)
        if isinstance(parsed, Skipped):
            result.skipped.append(parsed)
            continue
        new_ids, updated = store_articles(store, parsed[0].source, parsed, vocabulary)
        result.new_ids += new_ids
        result.new += len(new_ids)
        result.updated += updated
    if not (result.new or result.updated) and result.status == "ok":
        result.status = "unchanged"
    return result


def ingest_paths(
    store: Store, paths: Iterable[Path], vocabulary: Vocabulary, progress: Progress | None = None
) -> SyncReport:
    """Import local files and folders; one bad file never stops the others."""
    report = SyncReport()
    started = time.monotonic()
    for path in paths:
        result = ingest_path(store, path, vocabulary)
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
