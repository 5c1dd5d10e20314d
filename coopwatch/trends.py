"""Pair trends for people: a sparkline of monthly counts and whether a pair is spiking."""

from __future__ import annotations

from datetime import date

BARS = "▁▂▃▄▅▆▇█"
SPIKE_FACTOR = 2.0  # the last month against the average of the months before it
SPIKE_MIN_ARTICLES = 3
BASELINE_MONTHS = 6


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


def is_spiking(months: dict[str, int], today: date) -> bool:
    """The current month well above the pair's own recent baseline."""
    keys = month_keys(today, BASELINE_MONTHS + 1)
    current = months.get(keys[-1], 0)
    baseline = sum(months.get(key, 0) for key in keys[:-1]) / BASELINE_MONTHS
    return current >= SPIKE_MIN_ARTICLES and current >= SPIKE_FACTOR * max(baseline, 1.0)
