"""Dyad tables for reports: period x pair x sector counts in long format."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from coopwatch.cli import cli
from coopwatch.store import Store
from helpers import enrichment, raw, write

CN_RU = ("CN", "RU")
JP_VN = ("JP", "VN")


@pytest.fixture
def dyads_db(db_path: Path) -> Path:
    rows = [
        ("2024-01-10", [CN_RU], ("ai", "space")),
        ("2024-01-20", [CN_RU], ("ai",)),
        ("2024-02-02", [CN_RU], ()),  # no sector: counted under ""
        ("2024-02-05", [CN_RU, JP_VN], ("energy",)),
        ("2021-01-03", [JP_VN], ("energy",)),  # ISO week 53 of 2020
        (None, [CN_RU], ("ai",)),  # undated: no period
    ]
    with Store(db_path) as store:
        store.save_articles([
            write(raw(key=f"k{number}", title=f"Story {number}", published=published),
                  enrichment(countries=tuple(sorted({c for p in pairs for c in p})),
                             pairs=tuple(pairs), sectors=sectors, published=published))
            for number, (published, pairs, sectors) in enumerate(rows)], "test")
    return db_path


def table(db: Path, *args: str) -> list[dict[str, str]]:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_pairs_csv_counts_each_month_pair_and_sector(dyads_db: Path) -> None:
    rows = table(dyads_db, "pairs", "--csv")
    assert list(rows[0]) == ["period", "country_a", "country_b", "sector", "articles"]
    found = {(r["period"], r["country_a"], r["country_b"], r["sector"]): int(r["articles"])
             for r in rows}
    assert found == {
        ("2021-01", "JP", "VN", "energy"): 1,
        ("2024-01", "CN", "RU", "ai"): 2,
        ("2024-01", "CN", "RU", "space"): 1,
        ("2024-02", "CN", "RU", ""): 1,
        ("2024-02", "CN", "RU", "energy"): 1,
        ("2024-02", "JP", "VN", "energy"): 1,
    }
    assert [r["period"] for r in rows] == sorted(r["period"] for r in rows)


def test_export_by_week_uses_iso_weeks_and_the_filters(dyads_db: Path) -> None:
    rows = table(dyads_db, "export", "--format", "csv", "--by", "week", "--pair", "JP-VN")
    assert [(r["period"], r["sector"], r["articles"]) for r in rows] == [
        ("2020-W53", "energy", "1"), ("2024-W06", "energy", "1")]
    rows = table(dyads_db, "pairs", "--csv", "--sector", "ai", "--since", "2024-01-15")
    assert [(r["period"], r["sector"], r["articles"]) for r in rows] == [("2024-01", "ai", "1")]


def test_dyad_options_that_do_not_fit(dyads_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    for args in (["export", "--format", "json", "--by", "month"], ["pairs", "--csv", "--json"]):
        result = runner.invoke(cli, ["--db", str(dyads_db), *args])
        assert result.exit_code == 2 and result.stdout == ""
    target = tmp_path / "dyads.csv"
    result = runner.invoke(cli, ["--db", str(dyads_db), "export", "--format", "csv", "--by",
                                 "month", "-o", str(target)])
    assert result.exit_code == 0 and target.read_text().startswith("period,country_a")
