"""Moments as every backend writes them: the records, and so the JSON output, show this text."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_text(moment: datetime) -> str:
    """A UTC moment as the store writes it: ISO 8601, seconds, with a Z."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_now() -> str:
    """The current time as the store writes it."""
    return utc_text(datetime.now(UTC))
