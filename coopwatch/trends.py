"""Pair trends for people: a sparkline of monthly counts and whether a pair is spiking."""

from __future__ import annotations

from datetime import date, timedelta

BARS = "▁▂▃▄▅▆▇█"
SPIKE_FACTOR = 2.0  # the last 30 days against the pair's own average 30 days before them
SPIKE_MIN_ARTICLES = 3
SPIKE_WINDOW_DAYS = 30
BASELINE_DAYS = 180


def month_keys(end: date, count: int) -> list[str]:
    """The count months ending with end's month, oldest first, as YYYY-MM."""
    year, month = end.year, end.month
    keys = []
    for _ in range(count):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return keys[::-1]


def sparkline(months: dict[str, int], end: date, width: int = 12) -> str:
    """One bar per month over the last width months; an empty month is the lowest bar."""
    values = [months.get(key, 0) for key in month_keys(end, width)]
    top = max(values, default=0)
    if top == 0:
        return BARS[0] * width
    return "".join(BARS[min(len(BARS) - 1, round(v / top * (len(BARS) - 1)))] for v in values)


def trend_end(months: dict[str, int], today: date) -> date:
    """Where a trend should end: today, or the pair's last month when it is older than a year."""
    last = max(months, default=None)
    if last is None or last >= month_keys(today, 12)[0]:
        return today
    year, month = (int(part) for part in last.split("-"))
    return date(year, month, 1)


def spike_days_since(today: date) -> str:
    """The first day is_spiking needs counts for (YYYY-MM-DD)."""
    return (today - timedelta(days=SPIKE_WINDOW_DAYS + BASELINE_DAYS - 1)).isoformat()


def is_spiking(days: dict[str, int], today: date) -> bool:
    """The last 30 days well above the pair's own baseline, the 180 days before them.

    days holds counts per YYYY-MM-DD (at least from spike_days_since(today) on).
    """
    window_start = (today - timedelta(days=SPIKE_WINDOW_DAYS - 1)).isoformat()
    baseline_start = spike_days_since(today)
    end = today.isoformat()
    recent = sum(n for day, n in days.items() if window_start <= day <= end)
    before = sum(n for day, n in days.items() if baseline_start <= day < window_start)
    baseline = before * SPIKE_WINDOW_DAYS / BASELINE_DAYS  # per 30 days
    return recent >= SPIKE_MIN_ARTICLES and recent >= SPIKE_FACTOR * max(baseline, 1.0)
