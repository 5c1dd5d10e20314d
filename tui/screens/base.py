"""The base of coopwatch's screens: the app they run in, typed, and the store it opens."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.screen import Screen

if TYPE_CHECKING:
    from coopwatch.tui.app import CoopwatchApp

ResultType = TypeVar("ResultType")


class CoopwatchScreen(Screen[ResultType]):
    """A screen of the dashboard: self.coopwatch is the app with its config, clock, database and
    vocabulary (Textual types self.app as any App)."""

    @property
    def coopwatch(self) -> CoopwatchApp:
        from coopwatch.tui.app import CoopwatchApp  # here: the app module imports the screens

        app = self.app
        assert isinstance(app, CoopwatchApp)
        return app
