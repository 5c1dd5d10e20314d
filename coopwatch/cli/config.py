"""`coopwatch config`: where the configuration is, what is in effect, and a commented default."""

from __future__ import annotations

import click

from coopwatch.cli.options import State, pass_state
from coopwatch.cli.output import json_text
from coopwatch.config.view import settings, toml_value, write_default_file
from coopwatch.safety import one_line
from coopwatch.vocabulary import sector_ids


@click.group()
def config() -> None:
    """The configuration file: its path, the settings in effect, a commented default.

    \b
    Examples: coopwatch config init && $EDITOR "$(coopwatch config path)"
              coopwatch config show
    """


@config.command("path")
@pass_state
def path(state: State) -> None:
    """Print the config file's path (chosen by --config, $COOPWATCH_CONFIG or the platform).

    Example: $EDITOR "$(coopwatch config path)"
    """
    click.echo(str(state.config_path))
    if not state.config_path.exists():
        click.echo("note: the file does not exist yet; `coopwatch config init` writes one",
                   err=True)


@config.command("show")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@pass_state
def show(state: State, as_json: bool) -> None:
    """The settings in effect, each with where it came from: a line of the file, or the default.

    A config with an unknown key or a wrong type is named with its line, and exits 2.

    Example: coopwatch --config team.toml config show
    """
    config = state.config
    exists = state.config_path.exists()
    found = settings(config)
    if as_json:
        click.echo(json_text({
            "config_file": {"path": str(state.config_path), "from": state.config_origin,
                            "exists": exists},
            "database": {"path": str(state.db_path), "from": state.db_origin},
            "settings": [{"key": s.key, "value": s.value,
                          "from": f"line {s.line}" if s.line else "default"} for s in found],
            "sectors": sector_ids(config.sector_terms),
        }))
        return
    missing = "" if exists else "  (missing: every setting is its default)"
    click.echo(f"# config file: {one_line(str(state.config_path))}  "
               f"[{state.config_origin}]{missing}")
    click.echo(f"# database:    {one_line(str(state.db_path))}  [{state.db_origin}]")
    width = max(len(f"{s.key} = {toml_value(s.value)}") for s in found)
    for setting in found:
        assignment = f"{setting.key} = {one_line(toml_value(setting.value))}"
        origin = f"line {setting.line}" if setting.line else "default"
        if setting.note:
            origin += f": {setting.note}"
        click.echo(f"{assignment:<{min(width, 70)}}  # {origin}")
    click.echo(f"# sector ids: {', '.join(sector_ids(config.sector_terms))}")


@config.command("init")
@click.option("--force", is_flag=True, help="Replace an existing file.")
@pass_state
def init(state: State, force: bool) -> None:
    """Write a commented default config file (sources, sync interval, translation, full-text
    policy, alerts, your own sector terms, watches, source countries).

    Example: coopwatch config init
    """
    write_default_file(state.config_path, force)
    click.echo(f"wrote {one_line(str(state.config_path))}")
