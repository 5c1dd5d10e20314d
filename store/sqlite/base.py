"""The connection: pragmas, migrations, transactions, and sqlite errors turned into ours."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

from coopwatch.errors import DatabaseLockedError, StorageError

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_SECONDS = 10.0
WAL_SWITCH_TRIES = 20  # about two seconds in all
# The number of migrations in store/sqlite/schema.py. A database they were all applied to says so in
# PRAGMA user_version, so opening it imports neither the schema nor sqlite-utils (and numpy,
# which sqlite-utils imports): a tenth of a second off every command.
SCHEMA_VERSION = 7


def storage_error(exc: sqlite3.Error, path: str) -> StorageError:
    """The one-line error a user sees for a failed database operation."""
    message = str(exc)
    if "locked" in message or "busy" in message:
        return DatabaseLockedError(f"database {path} is locked by another coopwatch; try again")
    if "not a database" in message or "malformed" in message:
        return StorageError(f"{path} is not a coopwatch database (or it is damaged)")
    if "readonly" in message:
        return StorageError(f"database {path} is read-only")
    if "full" in message:
        return StorageError(f"no space left to write the database {path}")
    if "disk I/O" in message:  # also a write refused past a size limit (EFBIG)
        return StorageError(f"cannot write the database {path}: disk I/O error (is the disk full?)")
    if "unable to open" in message:
        return StorageError(f"cannot open the database {path}")
    return StorageError(f"database {path}: {message}")


_INSERT_FTS_ROW = "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)"


class StoreBase:
    """Owns one connection; every other mixin reaches SQLite through these helpers."""

    def __init__(self, path: str | Path, busy_timeout: float = BUSY_TIMEOUT_SECONDS) -> None:
        self.path = str(path)
        self._memory_sync_lock = threading.Lock()  # a database in memory is this store's alone
        # one writer at a time on the connection: a group of writes holds it to its end
        self._writing = threading.RLock()
        self._grouped = False
        # a group's full-text rows (rowid, title, body), inserted at its commit: FTS5 writes its
        # pending terms out as a new segment at every savepoint's end, so a row inserted with
        # each write of a group cost twice its insert (fts.py's index_text shapes them)
        self._fts_rows: list[tuple[int, str, str]] = []
        if self.path != ":memory:":
            Path(self.path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        try:
            # Autocommit mode, with explicit BEGIN IMMEDIATE for writes: a writer then waits on
            # busy_timeout at its start instead of failing when it upgrades a read lock.
            self.conn = sqlite3.connect(
                self.path, timeout=busy_timeout, isolation_level=None,
                check_same_thread=False,
            )
            self.conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._enable_wal()
            self._migrate()
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path) from None

    @property
    def db(self) -> Database:
        """The connection as sqlite-utils' Database (for migrations and tests)."""
        from sqlite_utils import Database

        return Database(self.conn, execute_plugins=False)

    def _migrate(self) -> None:
        # Another process (a cron fetch, the dashboard's workers) may open a new database at the
        # same moment: apply under the write lock, where pending() is asked again, so each
        # migration runs once. An up-to-date database takes no lock at all.
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        self._version_behind = version < SCHEMA_VERSION
        if not self._version_behind:
            return
        from coopwatch.store.sqlite.schema import migrations

        if not list(migrations.pending(self.db)):
            return  # written before user_version was kept: the next write marks it
        with self._write():
            migrations.apply(self.db)

    def _enable_wal(self) -> None:
        # The switch to WAL needs the file to itself and fails at once, without waiting on
        # busy_timeout, while another connection opening the new database reads it (the
        # dashboard's workers on a first start); by the next try that one has usually switched.
        for attempt in range(WAL_SWITCH_TRIES):
            try:
                if self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    self.conn.execute("PRAGMA journal_mode = WAL")
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == WAL_SWITCH_TRIES - 1:
                    raise
                time.sleep(0.01 * (attempt + 1))
        self.conn.execute("PRAGMA synchronous = NORMAL")

    def close(self) -> None:
        """Close the connection; the store is unusable afterwards."""
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def grouped_writes(self) -> Iterator[None]:
        """The writes made inside share one transaction, committed when the block ends: a bulk
        ingest then pays one commit (and one full-text segment) a group, not a file. A write
        that fails still undoes only itself, and what was written before an error or an
        interrupt is committed; a kill -9 loses the group, never the database."""
        with self._writing:
            if self._grouped:
                yield
                return
            self._begin()
            self._grouped = True
            try:
                yield
            except BaseException:
                self._grouped = False
                with suppress(StorageError):  # the first error is the one to hear of
                    self._commit_group()
                raise
            self._grouped = False
            self._commit_group()

    def _commit_group(self) -> None:
        rows, self._fts_rows = self._fts_rows, []
        if not self.conn.in_transaction:
            return  # SQLite rolled it back itself (a full disk)
        try:
            self.conn.executemany(_INSERT_FTS_ROW, rows)
            self._commit()
        except sqlite3.Error as exc:
            self._roll_back()
            raise storage_error(exc, self.path) from None

    def _begin(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path) from None

    def _commit(self) -> None:
        if self._version_behind:
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self.conn.execute("COMMIT")
        self._version_behind = False

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction, committed on success and rolled back on any error;
        inside grouped_writes, a savepoint of the group's transaction."""
        with self._writing:
            if self._grouped:
                with self._savepoint() as conn:
                    yield conn
                return
            self._begin()
            try:
                yield self.conn
                self._commit()
            except sqlite3.Error as exc:
                self._roll_back()
                raise storage_error(exc, self.path) from None
            except BaseException:
                self._roll_back()
                raise

    def _index_row(self, conn: sqlite3.Connection, row: tuple[int, str, str]) -> None:
        """An article's full-text row: kept for the group's commit inside grouped_writes, else
        inserted now."""
        if self._grouped:
            self._fts_rows.append(row)
        else:
            conn.execute(_INSERT_FTS_ROW, row)

    def _unindex(self, conn: sqlite3.Connection, article_id: int) -> None:
        """Remove an article's full-text row, stored or kept for the group's commit."""
        if self._grouped:
            self._fts_rows[:] = [row for row in self._fts_rows if row[0] != article_id]
        conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (article_id,))

    @contextmanager
    def _savepoint(self) -> Iterator[sqlite3.Connection]:
        conn = self.conn
        try:
            conn.execute("SAVEPOINT write")
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path) from None
        kept_rows = list(self._fts_rows)  # what a write undone leaves of them
        try:
            yield conn
            conn.execute("RELEASE write")
        except BaseException as exc:
            self._fts_rows[:] = kept_rows
            try:
                conn.execute("ROLLBACK TO write")
                conn.execute("RELEASE write")
            except sqlite3.Error:
                pass  # a full disk: the group's commit reports it
            if isinstance(exc, sqlite3.Error):
                raise storage_error(exc, self.path) from None
            raise

    def _roll_back(self) -> None:
        # On a full disk the rollback itself can fail; SQLite then rolls back from the journal
        # at the next open, and the user should hear of the first error, not this one.
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass

    def _read(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        try:
            cursor = self.conn.execute(sql, params)
            columns = [d[0] for d in cursor.description or ()]
            return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path) from None

    def _scalar(self, sql: str, params: Any = ()) -> Any:
        try:
            row = self.conn.execute(sql, params).fetchone()
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path) from None
        return row[0] if row else None
