"""One sync at a time per database: an advisory file lock beside it."""

from __future__ import annotations

import fcntl
import os
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from coopwatch.errors import SyncBusyError
from coopwatch.store.sqlite.base import StoreBase

WAIT_SECONDS = 10.0


def _busy(db_path: str) -> SyncBusyError:
    return SyncBusyError(f"another coopwatch sync is running on {db_path}; try again later")


@contextmanager
def file_lock(db_path: str, wait: float | None = None) -> Iterator[None]:
    """Hold the database's sync lock; wait briefly for another sync, then give up clearly."""
    lock_path = Path(f"{db_path}.sync-lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        give_up = time.monotonic() + (WAIT_SECONDS if wait is None else wait)
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= give_up:
                    raise _busy(db_path) from None
                time.sleep(0.1)
        yield
    finally:
        os.close(handle)  # closing releases the lock, also when the process dies


@contextmanager
def thread_lock(lock: threading.Lock, db_path: str, wait: float | None = None) -> Iterator[None]:
    """The same for a database no other process can open: a lock of this process."""
    if not lock.acquire(timeout=WAIT_SECONDS if wait is None else wait):
        raise _busy(db_path)
    try:
        yield
    finally:
        lock.release()


class SyncLockMixin(StoreBase):
    """The sync lock: one sync or re-enrichment at a time writes the database."""

    def sync_lock(self, wait: float | None = None) -> AbstractContextManager[None]:
        """Hold the sync lock, waiting up to wait seconds (default 10) for another sync."""
        if self.path == ":memory:":
            return thread_lock(self._memory_sync_lock, self.path, wait)
        return file_lock(self.path, wait)
