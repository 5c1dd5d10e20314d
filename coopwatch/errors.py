"""The errors a user can cause; anything else that escapes is a bug."""

from __future__ import annotations


class CoopwatchError(Exception):
    """Base of every error coopwatch reports to the user as one line."""

    exit_code = 2


class ConfigError(CoopwatchError):
    """The configuration file is unreadable or holds a wrong key or value."""


class UsageError(CoopwatchError):
    """A command was given arguments that cannot be carried out."""


class StorageError(CoopwatchError):
    """The database cannot be opened, read or written."""


class DatabaseLockedError(StorageError):
    """Another process holds the database's write lock for longer than we wait."""


class ArticleNotFoundError(CoopwatchError):
    """No article has the requested id."""


class SyncBusyError(CoopwatchError):
    """Another sync holds the sync lock."""
