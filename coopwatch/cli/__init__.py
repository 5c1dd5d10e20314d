"""The command line: thin click commands that open the store, call one core function, and print."""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path

import click
from click_default_group import DefaultGroup

from coopwatch import __version__
from coopwatch.cli.options import state_from_options
from coopwatch.errors import CoopwatchError
from coopwatch.gctuning import keep_what_is_loaded
from coopwatch.safety import one_line


class CoopwatchClickError(click.ClickException):
    """A coopwatch error shown as one line, with the contract's exit code."""

    def __init__(self, error: CoopwatchError) -> None:
        super().__init__(one_line(str(error), 500))
        # click declares exit_code on the class; each coopwatch error carries its own
        self.exit_code = error.exit_code  # type: ignore[misc]


# Each command's module is imported when the command runs (click's "lazily loading subcommands"):
# a cron `fetch` whose feeds all answer 304 never imports Textual, enrichment or the exporters.
COMMANDS = {
    "tui": "coopwatch.cli.tui:tui",
    "ingest": "coopwatch.cli.sync:ingest",
    "fetch": "coopwatch.cli.sync:fetch",
    "feeds": "coopwatch.cli.feeds:feeds",
    "list": "coopwatch.cli.articles:list_articles",
    "show": "coopwatch.cli.articles:show",
    "pairs": "coopwatch.cli.articles:pairs",
    "export": "coopwatch.cli.articles:export",
    "reenrich": "coopwatch.cli.reenrich:reenrich_command",
    "watch": "coopwatch.cli.watch:watch",
    "config": "coopwatch.cli.config:config",
}


class CoopwatchGroup(DefaultGroup):
    """Runs the TUI with no command, loads each command when it is asked for, and turns
    coopwatch errors into one-line messages."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def _load(self, cmd_name: str) -> None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            module, _, name = COMMANDS[cmd_name].partition(":")
            self.add_command(getattr(importlib.import_module(module), name), cmd_name)

    # While the shell completes a word (resilient parsing), a partial command name must stay a
    # command name, not become the default command's argument.
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.resilient_parsing:
            return click.Group.parse_args(self, ctx, args)
        return super().parse_args(ctx, args)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self._load(cmd_name)
        if cmd_name not in COMMANDS:
            self._load(self.default_cmd_name or "")  # the default command takes the word
        if ctx.resilient_parsing:
            return click.Group.get_command(self, ctx, cmd_name)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except CoopwatchError as error:
            raise CoopwatchClickError(error) from None


@click.group(cls=CoopwatchGroup, default="tui", default_if_no_args=True,
             invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="coopwatch")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              help="The database file [env COOPWATCH_DB; default: the user data folder].")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="The config file [env COOPWATCH_CONFIG; default: the user config folder].")
@click.option("-v", "--verbose", count=True, help="Log what happens to stderr (-vv for more).")
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None, config_path: Path | None, verbose: int) -> None:
    """coopwatch: who cooperates with whom, in which technology, across news in many languages.

    Run with no command to open the dashboard.

    \b
    Examples: coopwatch                                   # the dashboard
              coopwatch feeds import subscriptions.opml   # subscribe
              coopwatch fetch --quiet --due               # sync, e.g. from cron
              coopwatch list --pair CN-RU --sector ai     # read
              coopwatch watch add cn-ru-ai --pair CN-RU --sector ai
              coopwatch pairs --csv --by month > dyads.csv
              coopwatch reenrich                          # tags again, after an upgrade

    Shell completion: eval "$(_COOPWATCH_COMPLETE=bash_source coopwatch)" in ~/.bashrc
    (zsh_source in ~/.zshrc; fish: see the README).
    """
    if verbose:
        logging.basicConfig(
            level=logging.DEBUG if verbose > 1 else logging.INFO, stream=sys.stderr,
            format="%(levelname)s %(name)s: %(message)s",
        )
    ctx.obj = state_from_options(db_path, config_path)
    if ctx.invoked_subcommand is None:  # `coopwatch --db x.db`: global options, no command
        ctx.invoke(cli.get_command(ctx, "tui"))  # type: ignore[arg-type]


def main() -> None:
    """The `coopwatch` executable."""
    keep_what_is_loaded()  # the process is ours: a command may build term indexes in it
    try:
        cli(prog_name="coopwatch")
    except BrokenPipeError:  # `coopwatch list | head`: the reader left, nothing went wrong
        sys.stderr.close()
        sys.exit(0)
