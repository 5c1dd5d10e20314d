"""The monthly trend of the top pairs as a terminal chart: one small bar chart per pair, all on
the same scale, so heights compare across pairs."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from coopwatch.trends import month_keys
from coopwatch.types import PairSummary

EIGHTHS = " ▁▂▃▄▅▆▇█"
ROWS_PER_PAIR = 3
COLOURS = ("green", "cyan", "magenta", "yellow", "blue", "red")
LABEL_WIDTH = 8  # "CN–RU" and a margin
TOTAL_WIDTH = 18  # the count and the peak after the bars


def plot_pairs(summaries: list[PairSummary], top: int, width: int) -> Text:
    """Bars per month for the top pairs (those with dated articles), from their first month to
    their last (at most what fits in width); empty Text when no pair has a dated article."""
    shown = [s for s in summaries if s.months][:top]
    if not shown:
        return Text()
    first = min(min(s.months) for s in shown)
    last = max(max(s.months) for s in shown)
    end = date(int(last[:4]), int(last[5:7]), 1)
    room = max(6, width - LABEL_WIDTH - TOTAL_WIDTH)
    months = [m for m in month_keys(end, _months_between(first, last)) if m >= first][-room:]
    step = 2 if len(months) * 2 <= room else 1  # wide enough: two columns a month
    peak = max(s.months.get(m, 0) for s in shown for m in months)
    chart = Text()
    chart.append(f"articles per month, {months[0]} … {months[-1]}; each pair's bars reach "
                 f"{peak} at the top\n\n", style="dim")
    for index, summary in enumerate(shown):
        colour = COLOURS[index % len(COLOURS)]
        values = [summary.months.get(m, 0) for m in months]
        levels = [round(v / peak * ROWS_PER_PAIR * 8) if peak else 0 for v in values]
        for row in range(ROWS_PER_PAIR - 1, -1, -1):
            label = "–".join(summary.pair) if row == 0 else ""
            chart.append(f"{label:<{LABEL_WIDTH}}", style="bold")
            cells = "".join(EIGHTHS[max(0, min(8, level - row * 8))] * step for level in levels)
            chart.append(cells, style=colour)
            if row == 0:
                busiest = max(range(len(values)), key=lambda i: (values[i], i))
                chart.append(f"  {sum(values)} · peak {values[busiest]} in {months[busiest]}",
                             style="dim")
            chart.append("\n")
    chart.append(_axis(months, step), style="dim")
    return chart


def _months_between(first: str, last: str) -> int:
    return (int(last[:4]) - int(first[:4])) * 12 + int(last[5:7]) - int(first[5:7]) + 1


def _axis(months: list[str], step: int) -> str:
    """Month labels under the bars: the first, each January and the last, where they fit."""
    line = [" "] * (len(months) * step + 8)
    next_free = 0
    for index, month in enumerate(months):
        position = index * step
        if position >= next_free and (index == 0 or month.endswith("-01") or
                                      index == len(months) - 1):
            label = month
            if position + len(label) <= len(line):
                line[position:position + len(label)] = label
                next_free = position + len(label) + 1
    return " " * LABEL_WIDTH + "".join(line).rstrip() + "\n"
