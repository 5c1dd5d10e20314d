"""The command line: thin click commands that open the store, call one core function, and print."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click
from click_default_group import DefaultGroup

from coopwatch import __version__
from coopwatch.cli_options import state_from_options
from coopwatch.errors import CoopwatchError
from coopwatch.safety import one_line


class CoopwatchClickError(click.ClickException):
    """A coopwatch error shown as one line, with the contract's exit code."""

    def __init__(self, error: CoopwatchError) -> None:
        super().__init__(one_line(str(error), 500))
        self.exit_code = error.exit_code


class CoopwatchGroup(DefaultGroup):
    """Runs the TUI with no command, and turns coopwatch errors into one-line messages."""

    # While the shell completes a word (resilient parsing), a partial command name must stay a
    # command name, not become the default command's argument.
    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.resilient_parsing:
            return click.Group.parse_args(self, ctx, args)
        return super().parse_args(ctx, args)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
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
              coopwatch fetch --quiet                     # sync, e.g. from cron
              coopwatch list --pair CN-RU --sector ai     # read
              coopwatch watch add cn-ru-ai --pair CN-RU --sector ai
              coopwatch pairs --csv --by month > dyads.csv

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


def _register() -> None:
    from coopwatch import cli_articles, cli_config, cli_feeds, cli_sync, cli_tui, cli_watch

    for command in (cli_tui.tui, cli_sync.ingest, cli_sync.fetch, cli_feeds.feeds,
                    cli_articles.list_articles, cli_articles.show, cli_articles.pairs,
                    cli_articles.export, cli_watch.watch, cli_config.config):
        cli.add_command(command)


_register()


def main() -> None:
    """The `coopwatch` executable."""
    try:
        cli(prog_name="coopwatch")
    except BrokenPipeError:  # `coopwatch list | head`: the reader left, nothing went wrong
        sys.stderr.close()
        sys.exit(0)
