"""Pair trends: the sparkline a person reads and the spike mark."""

from __future__ import annotations

from datetime import date, timedelta

from coopwatch.trends import is_spiking, month_keys, sparkline, spike_days_since, trend_end

TODAY = date(2026, 11, 22)


def test_month_keys_cross_the_year() -> None:
    assert month_keys(date(2026, 2, 1), 3) == ["2025-12", "2026-01", "2026-02"]


def test_sparkline_has_one_bar_per_month_scaled_to_the_busiest() -> None:
    line = sparkline({"2026-11": 4, "2026-09": 2}, TODAY, width=3)
    assert line == "▅▁█"


def test_a_pair_quiet_for_years_ends_its_trend_at_its_last_month() -> None:
    assert trend_end({"2017-06": 1, "2020-09": 1}, TODAY) == date(2020, 9, 1)
    assert trend_end({"2026-10": 1}, TODAY) == TODAY


def _daily(count_per_day: int, first: date, last: date) -> dict[str, int]:
    days, day = {}, first
    while day <= last:
        days[day.isoformat()] = count_per_day
        day += timedelta(days=1)
    return days


def test_spiking_is_the_last_7_days_well_above_its_own_baseline() -> None:
    since = date.fromisoformat(spike_days_since(TODAY))
    assert (TODAY - since).days == 96  # 7 days and the 90 before them
    window = TODAY - timedelta(days=6)
    # one article every other day: the same rate before and in the window
    steady = {day: n for day, n in _daily(1, since, TODAY).items()
              if (date.fromisoformat(day) - since).days % 2 == 0}
    assert not is_spiking(steady, TODAY)
    assert not is_spiking({**steady, **_daily(1, window, TODAY)}, TODAY)  # 7 against 3.5: not clear
    assert is_spiking({**steady, **_daily(2, window, TODAY)}, TODAY)  # 14 against 3.5
    assert not is_spiking({TODAY.isoformat(): 2}, TODAY)  # too few to call a spike
    assert is_spiking({TODAY.isoformat(): 3}, TODAY)  # a quiet pair's sudden three
    # a busy week long ago is not a spike now, nor is a quiet pair with its usual rate
    assert not is_spiking(_daily(5, since, window - timedelta(days=1)), TODAY)
    # the window is the last 7 days, across a month's start: not the calendar week or month
    early = date(2026, 12, 2)
    assert is_spiking({"2026-11-26": 2, "2026-11-30": 2}, early)
    assert not is_spiking({"2026-11-25": 2, "2026-11-30": 2}, early)
