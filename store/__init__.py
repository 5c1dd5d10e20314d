"""The store: typed records in and out; store/sqlite/ holds the one backend there is."""

from __future__ import annotations

from coopwatch.store.sqlite import SqliteStore

Store = SqliteStore  # until the protocol: callers still build it from a path

__all__ = ["SqliteStore", "Store"]
