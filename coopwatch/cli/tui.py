"""`coopwatch` / `coopwatch tui`: the dashboard."""

from __future__ import annotations

import click

from coopwatch.cli.options import State, pass_state


@click.command()
@pass_state
def tui(state: State) -> None:
    """Open the dashboard (the default with no command).

    On an empty database it first imports the bundled seed articles.

    Example: coopwatch --db ~/news.db
    """
    from coopwatch.tui.app import make_app  # textual is slow to import; only the TUI needs it

    config = state.config
    state.store()  # opening it here turns a bad --db into a one-line error before the screen
    make_app(config, state.db_path).run()
