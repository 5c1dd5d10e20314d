"""Pair trends: the sparkline a person reads and the spike mark."""

from __future__ import annotations

from datetime import date

from coopwatch.trends import is_spiking, month_keys, sparkline, trend_end

TODAY = date(2026, 11, 22)


def test_month_keys_cross_the_year() -> None:
    assert month_keys(date(2026, 2, 1), 3) == ["2025-12", "2026-01", "2026-02"]


def test_sparkline_has_one_bar_per_month_scaled_to_the_busiest() -> None:
    line = sparkline({"2026-11": 4, "2026-09": 2}, TODAY, width=3)
    assert line == "▅▁█"


def test_a_pair_quiet_for_years_ends_its_trend_at_its_last_month() -> None:
    assert trend_end({"2017-06": 1, "2020-09": 1}, TODAY) == date(2020, 9, 1)
    assert trend_end({"2026-10": 1}, TODAY) == TODAY


def test_spiking_is_the_current_month_well_above_its_own_baseline() -> None:
    steady = {key: 3 for key in month_keys(TODAY, 7)}
    assert not is_spiking(steady, TODAY)
    assert is_spiking({**steady, "2026-11": 9}, TODAY)
    assert not is_spiking({"2026-11": 2}, TODAY)  # too few to call a spike
