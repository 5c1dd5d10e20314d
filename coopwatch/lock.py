"""One sync at a time per database: an advisory file lock beside it."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from coopwatch.errors import SyncBusyError

WAIT_SECONDS = 10.0


@contextmanager
def sync_lock(db_path: str | Path, wait: float | None = None) -> Iterator[None]:
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
                    raise SyncBusyError(
                        f"another coopwatch sync is running on {db_path}; try again later"
                    ) from None
                time.sleep(0.1)
        yield
    finally:
        os.close(handle)  # closing releases the lock, also when the process dies
