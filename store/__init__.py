"""The store: the `Store` protocol every backend implements, and open_store to get one."""

from __future__ import annotations

import re
from pathlib import Path

from coopwatch.errors import StorageError
from coopwatch.store.protocol import Store

# A URL's scheme, of two letters at least so that a Windows drive (C:/) stays a path; one slash
# after the colon, as a Path keeps only one of "://".
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):/")


def open_store(target: str | Path) -> Store:
    """The database target names: a SQLite file's path, or ":memory:"; close it when done."""
    scheme = _SCHEME.match(str(target))
    if scheme:
        raise StorageError(f"no storage backend for {scheme[1].lower()}:// databases; coopwatch "
                           "keeps its database in a SQLite file: give that file's path")
    # imported when a target names the backend, as another backend's driver would be
    from coopwatch.store.sqlite import SqliteStore

    return SqliteStore(target)


__all__ = ["Store", "open_store"]
