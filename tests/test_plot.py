"""`pairs --plot`: the monthly trend of the top pairs, drawn in the terminal on one scale."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from coopwatch.cli import cli
from coopwatch.cli.plot import plot_pairs
from coopwatch.store import open_store
from coopwatch.types import PairSummary

from helpers import enrichment, raw, write


def summary(pair: tuple[str, str], months: dict[str, int]) -> PairSummary:
    return PairSummary(pair, sum(months.values()), {}, None, None, months)


def test_bars_share_one_scale_and_the_axis_names_the_months() -> None:
    busy = summary(("CN", "RU"), {"2023-11": 2, "2024-01": 8, "2024-02": 4})
    quiet = summary(("JP", "VN"), {"2023-12": 1})
    lines = plot_pairs([busy, quiet, summary(("DE", "FR"), {"2024-02": 1})], top=2,
                       width=80).plain.splitlines()
    assert lines[0] == "articles per month, 2023-11 … 2024-02; each pair's bars reach 8 at the top"
    rows = lines[2:-1]
    assert len(rows) == 6  # three rows a pair, two pairs: --top
    cn_ru, jp_vn = rows[:3], rows[3:]
    assert cn_ru[2].startswith("CN–RU   ") and cn_ru[2].endswith("14 · peak 8 in 2024-01")
    assert jp_vn[2].startswith("JP–VN   ") and jp_vn[2].endswith("1 · peak 1 in 2023-12")
    # two columns a month: 2023-11 2023-12 2024-01 2024-02
    columns = [row[8:16] for row in cn_ru]
    # 8 fills three rows (24 eighths); 4 fills 12 eighths; 2 fills 6; December is empty
    assert columns == ["    ██  ", "    ██▄▄", "▆▆  ████"]
    assert [row[8:16] for row in jp_vn] == ["        ", "        ", "  ▃▃    "]  # 1 of 8
    assert lines[-1].split() == ["2023-11"]  # no room for more under eight columns
    wide = plot_pairs([summary(("CN", "RU"), {"2022-06": 1, "2024-03": 1})], top=1, width=100)
    assert wide.plain.splitlines()[-1].split() == ["2022-06", "2023-01", "2024-01"]
    assert plot_pairs([summary(("CN", "RU"), {})], top=5, width=80).plain == ""


def test_pairs_plot_draws_the_top_pairs_without_colour_off_a_terminal(db_path: Path) -> None:
    dated = [("2024-01-10", ("CN", "RU"))] * 3 + [("2024-03-02", ("JP", "VN"))]
    with open_store(db_path) as store:
        store.save_articles([write(raw(key=f"k{i}", title=f"Story {i}"),
                                   enrichment(pair, (pair,), published=day))
                             for i, (day, pair) in enumerate(dated)], "t")
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db_path), "pairs", "--plot", "--top", "1"])
    assert result.exit_code == 0 and "\x1b" not in result.stdout
    assert "CN–RU" in result.stdout and "JP–VN" not in result.stdout
    result = runner.invoke(cli, ["--db", str(db_path), "pairs", "--plot", "--country", "BR"])
    assert result.exit_code == 0 and result.stdout == "" and "nothing to plot" in result.stderr
    result = runner.invoke(cli, ["--db", str(db_path), "pairs", "--plot", "--json"])
    assert result.exit_code == 2
