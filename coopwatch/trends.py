"""Pair trends for people: a sparkline of monthly counts and whether a pair is spiking."""

from __future__ import annotations

from datetime import date, timedelta

BARS = "▁▂▃▄▅▆▇█"
# The last week against the pair's (or watch's) own average week in the 90 days before it. A
# factor of 3 keeps a usual week of a busy pair from flagging: at 2 articles a week, 6 are needed.
SPIKE_FACTOR = 3.0
SPIKE_MIN_ARTICLES = 3
SPIKE_WINDOW_DAYS = 7
BASELINE_DAYS = 90


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


def spike_counts(days: dict[str, int], today: date) -> tuple[int, float]:
    """Articles in the last 7 days, and the average 7 days of the 90 before them.

    days holds counts per YYYY-MM-DD (at least from spike_days_since(today) on).
    """
    window_start = (today - timedelta(days=SPIKE_WINDOW_DAYS - 1)).isoformat()
    baseline_start = spike_days_since(today)
    end = today.isoformat()
    recent = sum(n for day, n in days.items() if window_start <= day <= end)
    before = sum(n for day, n in days.items() if baseline_start <= day < window_start)
    return recent, before * SPIKE_WINDOW_DAYS / BASELINE_DAYS


def is_spiking(days: dict[str, int], today: date) -> bool:
    """The last 7 days well above their own baseline, the 90 days before them."""
    recent, baseline = spike_counts(days, today)
    return recent >= SPIKE_MIN_ARTICLES and recent >= SPIKE_FACTOR * max(baseline, 1.0)
