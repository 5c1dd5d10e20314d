"""Times in the dashboard: the user's own clock, short when the day is today."""

from __future__ import annotations

import time
from datetime import date

import pytest

from coopwatch.tui.clock import local_time, local_time_short


@pytest.fixture
def oslo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Oslo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_times_are_local_and_short_on_the_same_day(oslo: None) -> None:
    assert local_time("2026-11-22T19:52:00Z") == "2026-11-22 20:52"
    assert local_time(None) == "—"
    assert local_time_short("2026-11-22T19:52:00Z", date(2026, 11, 22)) == "20:52"
    # past midnight in Oslo, still the 22nd in UTC: the local day counts
    assert local_time_short("2026-11-22T23:30:00Z", date(2026, 11, 22)) == "2026-11-23 00:30"
