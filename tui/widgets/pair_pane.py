"""A pair's summary: count, sector bars, monthly trend, coverage by language, latest headlines."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widgets import Static

from coopwatch.safety import one_line
from coopwatch.trends import is_spiking, sparkline, trend_end
from coopwatch.types import Article, PairSummary

BAR_WIDTH = 14


class PairPane(Static):
    """Shows one pair's summary, or a hint when there is none."""

    def show_nothing(self, hint: str = "no cooperating pair in this article") -> None:
        self.update(Text(hint, style="dim"))

    def show(self, summary: PairSummary, latest: list[Article], languages: dict[str, int],
             today: date) -> None:
        text = Text()
        text.append("–".join(summary.pair), style="bold")
        text.append(f"  {summary.count} article{'s' if summary.count != 1 else ''}\n")
        if summary.first or summary.last:
            text.append(f"{summary.first or '?'} … {summary.last or '?'}\n", style="dim")
        text.append("\n")
        end = trend_end(summary.months, today)
        text.append(sparkline(summary.months, end), style="green")
        text.append(f"  12 months to {end:%Y-%m}", style="dim")
        if is_spiking(summary.days, today):
            text.append("  ▲ spiking", style="bold red")
        text.append("\n\n")
        top = max(summary.sectors.values(), default=0)
        for sector, count in list(summary.sectors.items())[:8]:
            filled = round(count / top * BAR_WIDTH) if top else 0
            text.append(f"{sector[:22]:<22} ")
            text.append("█" * filled, style="cyan")
            text.append(f" {count}\n")
        if languages:
            text.append("\nlanguages  ", style="dim")
            text.append("  ".join(f"{code} {n}" for code, n in languages.items()))
            text.append("\n")
        if latest:
            text.append("\nlatest\n", style="dim")
            for article in latest:
                text.append(f"{article.published or '—'}  ", style="dim")
                text.append(one_line(article.headline, 60) + "\n")
        self.update(text)
