"""`coopwatch config`: the path, the settings in effect with their origin, the default file, and
mistakes in the file named by key and line."""

from __future__ import annotations

import json
import re
from dataclasses import fields
from pathlib import Path

import pytest
from click.testing import CliRunner

from coopwatch.cli import cli
from coopwatch.config import Config, load_config


def cw(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False, env=env)
    return result.exit_code, result.stdout, result.stderr


def test_config_path_follows_the_option_then_the_environment(tmp_path: Path) -> None:
    code, out, err = cw("config", "path")  # conftest points $COOPWATCH_CONFIG into tmp_path
    assert (code, out) == (0, f"{tmp_path / 'config.toml'}\n") and "config init" in err
    chosen = tmp_path / "team.toml"
    chosen.write_text("")
    assert cw("--config", str(chosen), "config", "path") == (0, f"{chosen}\n", "")


def test_config_init_writes_a_commented_file_of_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "new" / "config.toml"
    code, out, _ = cw("--config", str(path), "config", "init")
    assert code == 0 and out == f"wrote {path}\n"
    text = path.read_text(encoding="utf-8")
    for section in ("[sources]", "[dashboard]", "[fetch]", "[translate]", "[alerts]",
                    "[sectors]", "[watches]", "[source_countries]"):
        assert section in text
    assert sum(line.startswith("#") for line in text.splitlines()) > 30  # it explains itself
    loaded, defaults = load_config(path), Config()
    for field in fields(Config):
        if field.name not in ("path", "lines"):
            assert getattr(loaded, field.name) == getattr(defaults, field.name), field.name
    # every commented example is valid too, once uncommented
    examples = "\n".join(line[2:] if re.match(r"# (\S+ = |\[[\w.-]+\]$)", line) else line
                         for line in text.splitlines())
    path.write_text(examples.replace('"..."', '"secret-key-1234"'), encoding="utf-8")
    full = load_config(path)
    assert full.notify_command == ("notify-send", "coopwatch")
    assert {w.name for w in full.watches} == {"cn-ru-ai", "vietnam-japan-chips"}
    assert full.sector_terms["hydrogen"][0] == "hydrogen"
    assert "https://tass.com/rss/v2.xml" in full.source_countries

    code, _, err = cw("--config", str(path), "config", "init")
    assert code == 2 and "exists" in err and "--force" in err
    assert path.read_text(encoding="utf-8") != text  # kept
    assert cw("--config", str(path), "config", "init", "--force")[0] == 0
    assert path.read_text(encoding="utf-8") == text


def test_config_show_names_where_each_setting_comes_from(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('# mine\n[fetch]\nfull_text_below = 0\n\n[translate]\nbackend = "deepl"\n'
                    'api_key = "abcdefgh-secret-9876"\n\n[watches.ai]\nsector = "ai"\n',
                    encoding="utf-8")
    code, out, _ = cw("config", "show")
    assert code == 0
    lines = {line.split(" = ")[0]: line for line in out.splitlines() if " = " in line}
    assert lines["fetch.full_text_below"].endswith("# line 3")
    assert lines["translate.backend"].startswith('translate.backend = "deepl"')
    assert lines["dashboard.sync_interval_minutes"].endswith("# default")
    assert "secret" not in out and '"…9876"' in out  # a key is never printed whole
    assert lines["watches.ai"].startswith('watches.ai = { sector = ["ai"] }')
    assert lines["watches.ai"].endswith("# line 9")
    assert out.startswith(f"# config file: {path}  [$COOPWATCH_CONFIG]")
    data = json.loads(cw("config", "show", "--json")[1])
    assert data["config_file"] == {"path": str(path), "from": "$COOPWATCH_CONFIG", "exists": True}
    by_key = {s["key"]: s for s in data["settings"]}
    assert by_key["fetch.full_text_below"] == {"key": "fetch.full_text_below", "value": 0,
                                               "from": "line 3"}
    assert by_key["sources.folders"]["from"] == "default"
    assert "ai" in data["sectors"]


@pytest.mark.parametrize(("text", "said"), [
    ("[fetch]\nfull_text_below = 300\n\n[dashboard]\nrefresh = 3\n",
     "line 5: unknown key dashboard.refresh"),
    ("[fetch]\nfull_text_below = \"many\"\n",
     "line 2: fetch.full_text_below must be a whole number, not a string"),
    ("[dashboard]\nsync_interval_minutes = true\n",
     "line 2: dashboard.sync_interval_minutes must be a number, not true or false"),
    ("\n[colours]\nbg = 1\n", "line 2: unknown section [colours]"),
    ("[translate]\nbackend = \"babelfish\"\n", "line 2: translate.backend must be one of"),
    ("[alerts]\nnotify_command = []\n", "line 2: alerts.notify_command must be a non-empty"),
    ("[alerts]\nnotify_command = 7\n", "line 2: alerts.notify_command must be a list or a string"),
    ("[watches.a]\npair = \"CN-RU\"\n\n[watches.b]\npair = \"CN\"\n",
     "line 5: watches.b.pair: 'CN' is not a pair like CN-RU"),
    ("[watches]\nx = { sector = \"weaving\" }\n", "line 2: watches.x.sector: unknown sector"),
    ("[watches.all]\n", "line 1: watches.all needs at least one filter"),
    ("[watches.c]\ncolour = \"red\"\n", "line 2: watches.c.colour: unknown filter"),
    ("[source_countries]\n\"https://x.example/rss\" = \"Russia\"\n",
     "line 2: source_countries: 'https://x.example/rss' needs a two-letter country code"),
    ("[sectors]\nhydrogen = \"hydrogen\"\n", "line 2: sectors.hydrogen must be a list of strings"),
    ("[sources\n", "Expected ']'"),
])
def test_config_mistakes_name_the_key_and_line_and_exit_2(
    tmp_path: Path, text: str, said: str,
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    for command in (["config", "show"], ["list"], ["fetch"], ["watch", "list"]):
        code, out, err = cw(*command)
        assert code == 2, (command, out, err)
        assert said in err and f"config {path}" in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1
    assert cw("config", "path")[0] == 0  # the path is still there to find and fix it


def test_the_readmes_example_config_is_valid(tmp_path: Path) -> None:
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(.*?)```", readme, re.DOTALL)
    assert example is not None
    path = tmp_path / "config.toml"
    path.write_text(example.group(1), encoding="utf-8")
    config = load_config(path)
    assert config.notify_command == ("notify-send", "coopwatch")
    assert [w.name for w in config.watches] == ["cn-ru-ai"]
    assert config.source_countries["https://tass.com/rss/v2.xml"] == "RU"
