"""Watches and alerts: saved filters, what a sync tells about them, the notify command, spikes."""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from coopwatch.cli import cli

NOTIFIER = """\
import sys
with open(sys.argv[1], "a", encoding="utf-8") as out:
    out.write(" ".join(sys.argv[2:]) + "\\n")
"""

STORY = """{title}

{day:%d.%m.%Y}

{body}

The two governments will share the cost and the results, according to the agreement signed by
both ministers on {day:%d.%m.%Y}.
"""
CN_RU_AI = ("Russia and China open a joint AI laboratory",
            "Russia and China agreed to build a joint artificial intelligence laboratory in "
            "Moscow, the Russian and Chinese science ministries said.")
UZ_KZ_ENERGY = ("Uzbekistan and Kazakhstan sign a hydropower agreement",
                "Uzbekistan and Kazakhstan agreed to build a joint hydropower plant on the Syr "
                "Darya, officials in Tashkent said.")


def variant(text: tuple[str, str], old: str, new: str) -> tuple[str, str]:
    """The same kind of story with other words, so it is not taken for a copy."""
    return text[0], text[1].replace(old, new)


def cw(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def story(folder: Path, name: str, text: tuple[str, str], day: date) -> None:
    """A saved page in the folder: headline, date, lead, and a closing paragraph."""
    title, body = text
    (folder / f"{name}.txt").write_text(STORY.format(title=title, day=day, body=body),
                                        encoding="utf-8")


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


@pytest.fixture
def config(tmp_path: Path, inbox: Path) -> Path:
    """A config whose only source is the inbox folder, and whose notifier writes to a file."""
    notifier = tmp_path / "notifier.py"
    notifier.write_text(NOTIFIER, encoding="utf-8")
    path = tmp_path / "config.toml"
    path.write_text(
        f"[sources]\nfolders = [{json.dumps(str(inbox))}]\n\n"
        f"[alerts]\nnotify_command = {json.dumps([sys.executable, str(notifier), str(tmp_path / 'told.txt')])}\n",
        encoding="utf-8")
    return path


def told(tmp_path: Path) -> list[str]:
    path = tmp_path / "told.txt"
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


def test_watch_add_list_and_remove(db_path: Path) -> None:
    db = ["--db", str(db_path)]
    code, out, _ = cw(*db, "watch", "add", "cn-ru-ai", "--pair", "RU-CN", "--sector", "ai")
    assert code == 0 and "watching cn-ru-ai: --pair CN-RU --sector ai" in out
    assert cw(*db, "watch", "add", "uz", "--country", "uz")[0] == 0
    code, out, _ = cw(*db, "watch", "list", "--json")
    watches = json.loads(out)
    assert [w["name"] for w in watches] == ["cn-ru-ai", "uz"]
    assert watches[0]["filters"] == {"pair": "CN-RU", "sector": ["ai"]}
    assert watches[0]["origin"] == "database"
    assert (watches[0]["articles"], watches[0]["unseen"], watches[0]["spiking"]) == (0, 0, False)
    code, out, _ = cw(*db, "watch", "list")
    assert out.splitlines()[0].split("\t")[0] == "cn-ru-ai"  # off a terminal: one TSV line each
    assert cw(*db, "watch", "remove", "uz") == (0, "removed watch uz\n", "")
    assert [w["name"] for w in json.loads(cw(*db, "watch", "list", "--json")[1])] == ["cn-ru-ai"]


@pytest.mark.parametrize(("args", "said"), [
    (["add", "cn-ru", "--pair", "CN-RU"], "exists"),  # the name is taken
    (["add", "everything"], "at least one filter"),
    (["add", "x", "--sector", "basket-weaving"], "unknown sector"),
    (["add", "x", "--pair", "CN-CN"], "two different countries"),
    (["add", " ", "--pair", "CN-JP"], "needs a name"),
    (["add", "a\x1b[2Jb", "--pair", "CN-JP"], "control characters"),
    (["remove", "nothing-by-that-name"], "no watch named"),
    (["seen", "nothing-by-that-name"], "no watch named"),
])
def test_watch_mistakes_are_one_line_and_exit_2(db_path: Path, args: list[str], said: str) -> None:
    assert cw("--db", str(db_path), "watch", "add", "cn-ru", "--pair", "CN-RU")[0] == 0
    code, _, err = cw("--db", str(db_path), "watch", *args)
    assert code == 2 and said in err and "Traceback" not in err
    assert "\x1b" not in err


def test_fetch_tells_each_watch_its_new_articles_once(
    db_path: Path, tmp_path: Path, inbox: Path, config: Path,
) -> None:
    base = ["--db", str(db_path), "--config", str(config)]
    today = date.today()
    assert cw(*base, "watch", "add", "cn-ru-ai", "--pair", "CN-RU", "--sector", "ai")[0] == 0
    assert cw(*base, "watch", "add", "uz-kz", "--pair", "KZ-UZ")[0] == 0
    story(inbox, "lab-1", CN_RU_AI, today - timedelta(days=40))
    story(inbox, "lab-2", variant(CN_RU_AI, "Moscow", "Novosibirsk"), today - timedelta(days=80))
    code, out, err = cw(*base, "fetch")
    assert code == 0, err
    assert "watch cn-ru-ai: 1 new" not in out and "watch cn-ru-ai: 2 new" in out
    assert "uz-kz" not in out  # nothing new for it: not told
    assert told(tmp_path) == ["cn-ru-ai 2"]  # the notify command got the name and the count

    code, out, _ = cw(*base, "watch", "list", "--json")
    assert {w["name"]: w["unseen"] for w in json.loads(out)} == {"cn-ru-ai": 2, "uz-kz": 0}

    story(inbox, "dam", UZ_KZ_ENERGY, today - timedelta(days=30))
    code, out, _ = cw(*base, "fetch", "--json")
    report = json.loads(out)
    assert report["alerts"] == [{"watch": "uz-kz", "new": 1, "spiking": False}]
    assert told(tmp_path) == ["cn-ru-ai 2", "uz-kz 1"]  # cn-ru-ai is not told twice

    code, out, _ = cw(*base, "fetch", "--quiet")  # nothing new: cron mails nothing
    assert (code, out) == (0, "")
    assert cw(*base, "watch", "seen", "cn-ru-ai")[0] == 0
    code, out, _ = cw(*base, "watch", "list", "--json")
    assert {w["name"]: w["unseen"] for w in json.loads(out)} == {"cn-ru-ai": 0, "uz-kz": 1}


def test_quiet_fetch_still_prints_alerts(db_path: Path, inbox: Path, config: Path) -> None:
    base = ["--db", str(db_path), "--config", str(config)]
    assert cw(*base, "watch", "add", "uz-kz", "--pair", "KZ-UZ")[0] == 0
    story(inbox, "dam", UZ_KZ_ENERGY, date.today() - timedelta(days=30))
    code, out, _ = cw(*base, "fetch", "--quiet")
    assert code == 0 and out == "watch uz-kz: 1 new\n"


def test_a_synthetic_spike_is_flagged_in_fetch_pairs_and_watches(
    db_path: Path, tmp_path: Path, inbox: Path, config: Path,
) -> None:
    base = ["--db", str(db_path), "--config", str(config)]
    today = date.today()
    # a quiet pair: one story a month for three months...
    for weeks in (5, 9, 13):
        story(inbox, f"dam-{weeks}", variant(UZ_KZ_ENERGY, "Syr Darya", f"river {weeks}"),
              today - timedelta(weeks=weeks))
    assert cw(*base, "fetch")[0] == 0
    assert cw(*base, "watch", "add", "uz-kz", "--pair", "UZ-KZ")[0] == 0
    # ...then four in one week
    for day in range(4):
        story(inbox, f"week-{day}", variant(UZ_KZ_ENERGY, "Syr Darya", f"canal {day}"),
              today - timedelta(days=day))
    code, out, _ = cw(*base, "fetch", "--json")
    report = json.loads(out)
    assert report["alerts"] == [{"watch": "uz-kz", "new": 4, "spiking": True}]
    assert report["spiking_pairs"] == [
        {"pair": ["KZ", "UZ"], "last_7_days": 4, "baseline_per_week": round(3 * 7 / 90, 2)}]
    assert told(tmp_path) == ["uz-kz 4"]

    code, out, _ = cw(*base, "pairs", "--json")
    pair = next(p for p in json.loads(out) if p["pair"] == ["KZ", "UZ"])
    assert pair["spiking"] is True and pair["last_7_days"] == 4
    code, out, _ = cw(*base, "pairs")
    assert [line.split("\t")[-1] for line in out.splitlines()] == ["spiking"]
    watches = json.loads(cw(*base, "watch", "list", "--json")[1])
    assert watches[0]["spiking"] is True and watches[0]["last_7_days"] == 4


def test_a_failing_notify_command_is_a_note_not_a_failed_sync(
    db_path: Path, tmp_path: Path, inbox: Path,
) -> None:
    script = tmp_path / "fails.py"
    script.write_text("import sys\nsys.stderr.write('no display\\x1b[2J')\nsys.exit(3)\n")
    config = tmp_path / "config.toml"
    config.write_text(f"[sources]\nfolders = [{json.dumps(str(inbox))}]\n"
                      f"[alerts]\nnotify_command = {json.dumps([sys.executable, str(script)])}\n"
                      "[watches.uz-kz]\npair = \"UZ-KZ\"\n")
    story(inbox, "dam", UZ_KZ_ENERGY, date.today() - timedelta(days=30))
    code, out, err = cw("--db", str(db_path), "--config", str(config), "fetch")
    assert code == 0 and "watch uz-kz: 1 new" in out
    assert "note: notify command exited 3 for watch uz-kz: no display" in err
    assert "\x1b" not in err
    config.write_text(config.read_text().replace(sys.executable, str(tmp_path / "missing")))
    story(inbox, "dam-2", variant(UZ_KZ_ENERGY, "Syr Darya", "Amu Darya"), date.today())
    code, out, err = cw("--db", str(db_path), "--config", str(config), "fetch")
    assert code == 0 and "note: notify command not found" in err


def test_a_config_watch_is_listed_with_its_line_and_cannot_be_removed_by_command(
    db_path: Path, tmp_path: Path,
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("# my watches\n\n[watches.ai]\nsector = \"ai\"\n\n"
                      "[watches.\"Russia + China\"]\ncountry = [\"RU\", \"CN\"]\n")
    base = ["--db", str(db_path), "--config", str(config)]
    code, out, _ = cw(*base, "watch", "list", "--json")
    assert {w["name"]: w["origin"] for w in json.loads(out)} == {
        "Russia + China": "config line 6", "ai": "config line 3"}
    code, _, err = cw(*base, "watch", "remove", "ai")
    assert code == 2 and "line 3" in err and "remove it there" in err
    code, _, err = cw(*base, "watch", "add", "ai", "--sector", "space")
    assert code == 2 and "already in the config" in err
