"""Dyad tables for reports: period x pair x sector counts in long format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from coopwatch.cli import cli
from coopwatch.store import open_store
from coopwatch.types import ArticleWrite, Enrichment

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
    with open_store(db_path) as store:
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
    for args in (["export", "--format", "json", "--by", "month"], ["pairs", "--csv", "--json"],
                 ["pairs", "--source-country"], ["export", "--format", "csv", "--source-country"]):
        result = runner.invoke(cli, ["--db", str(dyads_db), *args])
        assert result.exit_code == 2 and result.stdout == ""
    target = tmp_path / "dyads.csv"
    result = runner.invoke(cli, ["--db", str(dyads_db), "export", "--format", "csv", "--by",
                                 "month", "-o", str(target)])
    assert result.exit_code == 0 and target.read_text().startswith("period,country_a")


TASS, XINHUA, BLOG = ("https://tass.example/rss", "https://xinhua.example/feed.xml",
                      "https://blog.example/atom")


def test_source_country_splits_coverage_by_where_the_sources_report_from(
    db_path: Path, tmp_path: Path,
) -> None:
    """Russian-language against Chinese-language coverage of Russia–China: a story carried by
    feeds of both countries counts once under each; a story from a folder takes its country."""
    saved = tmp_path / "saved" / "xinhua"
    saved.mkdir(parents=True)
    def cn_ru(day: str) -> Enrichment:
        return enrichment(("CN", "RU"), (CN_RU,), ("ai",), published=day)

    with open_store(db_path) as store:
        first, _, _ = store.save_articles([
            write(raw(source=TASS, key="a", title="Joint lab"), cn_ru("2024-03-05")),
            write(raw(source=TASS, key="b", title="Second lab"), cn_ru("2024-03-09")),
            write(raw(source=str(saved / "page.txt"), title="Third"), cn_ru("2024-03-20")),
        ], "test")
        # Xinhua and a blog carried the first story too: copies, not new articles
        store.save_articles([ArticleWrite(raw(source=url, key="x", title="Joint lab"), "h2",
                                          None, first, copy=True) for url in (XINHUA, BLOG)],
                            "test")
        store.add_source(BLOG, "feed")
    opml = tmp_path / "feeds.opml"
    opml.write_text('<opml version="2.0"><body><outline text="news">'
                    f'<outline text="Xinhua" xmlUrl="{XINHUA}" country="cn"/></outline>'
                    '</body></opml>')
    config = tmp_path / "config.toml"
    config.write_text(f'[source_countries]\n"{saved.parent}" = "CN"\n', encoding="utf-8")
    base = ["--db", str(db_path), "--config", str(config)]
    runner = CliRunner()
    for args in (["feeds", "add", TASS, "--country", "ru"], ["feeds", "import", str(opml)]):
        assert runner.invoke(cli, [*base, *args]).exit_code == 0

    rows = table(db_path, "--config", str(config), "pairs", "--csv", "--source-country")
    assert list(rows[0]) == ["period", "country_a", "country_b", "sector", "source_country",
                             "articles"]
    assert {r["source_country"]: int(r["articles"]) for r in rows} == {
        "RU": 2,  # both TASS stories
        "CN": 2,  # the copy Xinhua carried, and the saved page below the CN folder
        "": 1,  # the blog, of no known country
    }
    # without the split, each story counts once
    assert [int(r["articles"]) for r in table(db_path, "pairs", "--csv")] == [3]
    exported = table(db_path, "--config", str(config), "export", "--format", "csv", "--by",
                     "week", "--source-country", "--pair", "CN-RU")
    assert {(r["period"], r["source_country"]): int(r["articles"]) for r in exported} == {
        ("2024-W10", "RU"): 2, ("2024-W10", "CN"): 1, ("2024-W10", ""): 1,
        ("2024-W12", "CN"): 1}
    feeds = json.loads(runner.invoke(cli, [*base, "feeds", "list", "--json"]).stdout)
    assert {f["url"]: f["country"] for f in feeds} == {TASS: "RU", XINHUA: "CN", BLOG: None}
    assert 'country="CN"' in runner.invoke(cli, [*base, "feeds", "export"]).stdout
    bad = runner.invoke(cli, [*base, "feeds", "add", TASS, "--country", "Russia"])
    assert bad.exit_code == 2 and "two-letter" in bad.stderr
