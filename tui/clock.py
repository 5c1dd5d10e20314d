"""Times as the user's clock shows them (the store keeps UTC)."""

from __future__ import annotations

from datetime import date, datetime


def local_time(iso_utc: str | None, missing: str = "—") -> str:
    """2026-11-22T19:52:00Z as local YYYY-MM-DD HH:MM; missing when there is no time."""
    if not iso_utc:
        return missing
    moment = datetime.fromisoformat(iso_utc.replace("Z", "+00:00")).astimezone()
    return f"{moment:%Y-%m-%d %H:%M}"


def local_time_short(iso_utc: str, today: date) -> str:
    """HH:MM when the moment falls on today (local), else YYYY-MM-DD HH:MM: headers are narrow."""
    moment = datetime.fromisoformat(iso_utc.replace("Z", "+00:00")).astimezone()
    return f"{moment:%H:%M}" if moment.date() == today else f"{moment:%Y-%m-%d %H:%M}"
