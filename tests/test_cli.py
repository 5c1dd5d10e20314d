"""The command-line contract, through click's runner and through the installed executable."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from coopwatch.cli import cli

CONTRACT_KEYS = {"id", "title", "url", "source", "language", "published", "fetched_at",
                 "countries", "pairs", "sectors", "cooperation", "summary"}


def run(*args: str, db: Path | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    prefix = ["--db", str(db)] if db else []
    result = runner.invoke(cli, [*prefix, *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def seeded(db_path: Path, seeds: Path) -> Path:
    code, _, _ = run("ingest", str(seeds), db=db_path)
    assert code == 0
    return db_path


def test_ingest_twice_stores_each_seed_once(db_path: Path, seeds: Path) -> None:
    for _ in range(2):
        assert run("ingest", str(seeds), db=db_path)[0] == 0
    code, out, _ = run("list", "--json", "--limit", "0", db=db_path)
    articles = json.loads(out)
    assert code == 0 and len(articles) == 5
    assert all(set(article) == CONTRACT_KEYS for article in articles)
    assert {Path(a["source"]).name[:3] for a in articles} == {"000", "001", "002", "003", "004"}
    assert all(Path(a["source"]).is_absolute() for a in articles)


def test_pairs_json_on_the_seeds(seeded: Path) -> None:
    code, out, _ = run("pairs", "--json", db=seeded)
    pairs = json.loads(out)
    assert code == 0
    assert [(p["pair"], p["count"]) for p in pairs] == [
        (["CN", "RU"], 3), (["JP", "RU"], 1), (["JP", "VN"], 1)]
    assert pairs[0]["first"] == "2017-06-14" and pairs[0]["last"] == "2020-09-18"
    assert pairs[0]["months"] == {"2017-06": 1, "2020-09": 1}
    assert set(pairs[0]) == {"pair", "count", "sectors", "first", "last", "months",
                             "last_7_days", "spiking"}  # the contract's keys, and two more
    assert pairs[0]["last_7_days"] == 0 and pairs[0]["spiking"] is False


def test_list_filters_and_formats(seeded: Path) -> None:
    code, out, _ = run("list", "--json", "--pair", "ru-jp", db=seeded)
    assert code == 0 and [a["pairs"] for a in json.loads(out)] == [[["JP", "RU"]]]
    code, out, _ = run("list", "--json", "--country", "CN", "--lang", "en", db=seeded)
    assert len(json.loads(out)) == 2
    code, out, _ = run("list", "--json", "--search", "Zhongguancun", db=seeded)
    assert [a["published"] for a in json.loads(out)] == ["2020-09-18"]
    code, out, _ = run("list", "--csv", "--since", "2018-01-01", "--until", "2020-12-31", db=seeded)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["published"] for row in rows if row["published"]] == ["2020-09-18"]
    code, out, _ = run("list", "--limit", "2", db=seeded)
    assert code == 0 and len(out.strip().splitlines()) == 2


def test_show(seeded: Path) -> None:
    articles = json.loads(run("list", "--json", "--lang", "ru", db=seeded)[1])
    article_id = str(articles[0]["id"])
    code, out, _ = run("show", article_id, "--json", db=seeded)
    detail = json.loads(out)
    assert code == 0 and CONTRACT_KEYS | {"body", "evidence", "snippets"} <= set(detail)
    assert {e["tag"] for e in detail["evidence"] if e["kind"] == "country"} == {"CN", "RU"}
    assert {"term", "language", "field", "start", "end"} <= set(detail["evidence"][0])
    assert detail["snippets"] and {"text", "translation", "backend"} == set(detail["snippets"][0])
    glosses = " ".join(snippet["translation"] for snippet in detail["snippets"])
    assert "China" in glosses and "Russia" in glosses and "cooperation" in glosses
    code, out, _ = run("show", article_id, db=seeded)
    assert code == 0 and "why" in out and "РФ" in out
    code, _, err = run("show", "999", db=seeded)
    assert code == 2 and "no article with id 999" in err


def test_export_formats(seeded: Path, tmp_path: Path) -> None:
    for fmt in ("json", "jsonl", "csv"):
        target = tmp_path / f"out.{fmt}"
        code, out, _ = run("export", "--format", fmt, "--output", str(target), "--pair", "CN-RU", db=seeded)
        assert code == 0 and out == ""
        text = target.read_text(encoding="utf-8")
        if fmt == "json":
            assert len(json.loads(text)) == 3
        elif fmt == "jsonl":
            assert len([json.loads(line) for line in text.splitlines()]) == 3
        else:
            assert len(list(csv.DictReader(io.StringIO(text)))) == 3
    code, out, _ = run("export", "--format", "jsonl", db=seeded)
    assert code == 0 and len(out.splitlines()) == 5


def test_article_text_never_reaches_the_terminal_as_markup_or_escapes(db_path: Path, tmp_path: Path) -> None:
    page = tmp_path / "hostile.txt"
    page.write_text(
        "[bold red]Russia[/] and \x1b[31mChina\x1b[0m sign a deal \x1b]0;pwned\x07\n"
        "Russia and China signed an agreement on [link=file:///etc]cooperation[/link] in AI.\n",
        encoding="utf-8")
    assert run("ingest", str(page), db=db_path)[0] == 0
    for args in (("list",), ("show", "1"), ("list", "--json"), ("export", "--format", "csv")):
        code, out, _ = run(*args, db=db_path)
        assert code == 0 and "\x1b" not in out and "\x07" not in out
    assert "[bold red]Russia[/]" in run("show", "1", db=db_path)[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("list", "--pair", "CNRU"), "not a pair"),
        (("list", "--pair", "CN-CN"), "two different"),
        (("list", "--country", "Russia"), "two-letter"),
        (("list", "--sector", "aerospace"), "unknown sector"),
        (("list", "--since", "yesterday"), "not a date"),
        (("ingest", "/no/such/path"), "does not exist"),
        (("export", "--format", "xml"), "xml"),
        (("list", "--json", "--csv"), "one of"),
    ],
)
def test_usage_errors_exit_2_with_one_line(db_path: Path, args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args, db=db_path)
    assert code == 2 and message in err and "Traceback" not in err and out == ""


def test_bad_database_files(tmp_path: Path) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("not sqlite " * 500)
    code, _, err = run("list", db=notes)
    assert code == 2 and "not a coopwatch database" in err and len(err.strip().splitlines()) == 1
    assert notes.read_text().startswith("not sqlite")
    folder = tmp_path / "folder.db"
    folder.mkdir()
    code, _, err = run("list", db=folder)
    assert code == 2 and "Traceback" not in err


def test_config_errors(db_path: Path, tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[sources]\nfolders = ['x']\n\n[dashboard]\nrefresh = 3\n")
    code, _, err = run("--config", str(config), "fetch", db=db_path)
    assert code == 2 and "unknown key dashboard.refresh" in err and "line 5" in err
    config.write_text("[sources\n")
    code, _, err = run("--config", str(config), "list", "--sector", "ai", db=db_path)
    assert code == 2 and "Traceback" not in err


def test_version_and_help() -> None:
    code, out, _ = run("--version")
    assert code == 0 and out.startswith("coopwatch, version ")
    code, out, _ = run("--help")
    for command in ("tui", "fetch", "ingest", "list", "show", "pairs", "export"):
        assert command in out


def test_fetch_syncs_the_bundled_seeds_by_default(db_path: Path) -> None:
    code, out, _ = run("fetch", "--json", db=db_path)
    result = json.loads(out)
    assert code == 0 and result["new"] == 5 and result["failed"] == 0
    # the contract's keys, the watches' alerts and the spiking pairs (tests/test_watches.py),
    # and the articles an older enrichment tagged (tests/test_reenrich.py)
    assert set(result) == {"sources", "new", "updated", "failed", "seconds", "alerts",
                           "spiking_pairs", "stale_articles"}
    assert result["stale_articles"] == 0
    assert result["alerts"] == [] and result["spiking_pairs"] == []
    # the contract's fields, and beside them "copies" (items another source already carried)
    # "skipped" (local files not ingested, each with its reason) and "notes" (what a source
    # that worked did not bring: items beyond a feed's first 2,000, pages not fetched)
    assert set(result["sources"][0]) == {"source", "status", "new", "updated", "error", "copies",
                                         "skipped", "notes"}
    assert result["sources"][0]["skipped"] == [] and result["sources"][0]["notes"] == []
    again = json.loads(run("fetch", "--json", db=db_path)[1])
    assert again["new"] == 0 and again["sources"][0]["status"] == "unchanged"


def test_fetch_reports_a_failed_folder_and_keeps_the_rest(db_path: Path, tmp_path: Path, seeds: Path) -> None:
    good = tmp_path / "good"
    shutil.copytree(seeds, good, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    config = tmp_path / "config.toml"
    config.write_text(f"[sources]\nfolders = ['{good}', '{tmp_path / 'gone'}']\n")
    code, out, _ = run("--config", str(config), "fetch", db=db_path)
    assert code == 1
    assert "failed" in out and "no such file or folder" in out and "total: 5 new" in out


def test_the_installed_executable(tmp_path: Path, seeds: Path) -> None:
    executable = shutil.which("coopwatch", path=str(Path(sys.executable).parent))
    assert executable, "coopwatch is not installed beside this interpreter"
    db = tmp_path / "exe.db"
    done = subprocess.run([executable, "--db", str(db), "ingest", str(seeds)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    done = subprocess.run([executable, "--db", str(db), "pairs", "--json"],
                          capture_output=True, text=True, timeout=60)
    assert [p["pair"] for p in json.loads(done.stdout)][0] == ["CN", "RU"]
