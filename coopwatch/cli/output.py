"""Writing records for people (tables) and programs (JSON, JSON lines, CSV)."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable
from typing import IO, TYPE_CHECKING

from coopwatch.safety import one_line, terminal_safe
from coopwatch.types import Article, DyadCount, Pair, PairSummary

if TYPE_CHECKING:  # rich's tables are imported by the commands that print one, not by fetch
    from rich.console import Console
    from rich.table import Table

CSV_COLUMNS = ["id", "title", "url", "source", "language", "published", "fetched_at",
               "countries", "pairs", "sectors", "cooperation", "summary"]


# json.dumps escapes C0 controls itself; these pass through it and can drive or reorder a terminal
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_text(value: object, indent: int | None = None) -> str:
    """JSON for stdout: readable Unicode, but nothing a terminal would act on."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def write_json_array(records: Iterable[dict[str, object]], out: IO[str]) -> None:
    """A JSON array written record by record, so an export never holds every article."""
    out.write("[")
    for number, record in enumerate(records):
        out.write(",\n" if number else "\n")
        out.write(json_text(record))
    out.write("\n]\n")


def write_json_lines(records: Iterable[dict[str, object]], out: IO[str]) -> None:
    for record in records:
        out.write(json_text(record) + "\n")


def write_csv(articles: Iterable[Article], out: IO[str]) -> None:
    """One row per article; lists joined with ';', pairs written CN-RU."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for article in articles:
        writer.writerow([
            article.id, terminal_safe(article.title), terminal_safe(article.url),
            terminal_safe(article.source), article.language or "", article.published or "",
            article.fetched_at, ";".join(article.countries),
            ";".join(f"{a}-{b}" for a, b in article.pairs), ";".join(article.sectors),
            "true" if article.cooperation else "false", terminal_safe(article.summary),
        ])


DYAD_COLUMNS = ["period", "country_a", "country_b", "sector", "articles"]


def write_dyads(rows: Iterable[DyadCount], out: IO[str], source_country: bool = False) -> None:
    """A dyad table in long format, ready for a spreadsheet, pandas or R; with source_country,
    a column for the country of the sources before the count."""
    writer = csv.writer(out)
    writer.writerow(DYAD_COLUMNS[:-1] + ["source_country", "articles"] if source_country
                    else DYAD_COLUMNS)
    for row in rows:
        cells: list[object] = [row.period, row.pair[0], row.pair[1], row.sector]
        if source_country:
            cells.append(row.source_country or "")
        writer.writerow([*cells, row.articles])


def write_tsv(console: Console, rows: Iterable[Iterable[str]]) -> None:
    """Tab-separated lines for a pipe: Rich would turn the tabs into spaces, so not through it."""
    for row in rows:
        console.file.write("\t".join(one_line(cell) for cell in row) + "\n")


def print_rows(console: Console, tsv: Iterable[Iterable[str]], table: Callable[[], Table]) -> None:
    """A table on a terminal; tab-separated lines when the output goes to a pipe or a file."""
    if console.is_terminal:
        console.print(table())
    else:
        write_tsv(console, tsv)


def article_table(articles: list[Article], console: Console) -> None:
    """Articles as a table; every cell is plain Text, never markup."""
    from rich.table import Table
    from rich.text import Text

    def table() -> Table:
        shown = Table(show_edge=False, pad_edge=False, expand=True)
        for name, options in (("id", {"justify": "right"}), ("date", {}), ("lang", {}),
                              ("countries", {}), ("sectors", {}), ("headline", {"ratio": 1})):
            shown.add_column(name, no_wrap=name != "headline", **options)
        for a in articles:
            shown.add_row(Text(str(a.id)), Text(a.published or "—"), Text(a.language or "?"),
                          Text(" ".join(a.countries)), Text(" ".join(a.sectors)),
                          Text(one_line(a.headline, 300)))
        return shown

    print_rows(console, ([str(a.id), a.published or "", a.language or "", ",".join(a.countries),
                          ",".join(a.sectors), one_line(a.headline, 200)] for a in articles), table)


def pair_table(summaries: list[PairSummary], spiking: set[Pair], console: Console) -> None:
    """Pair summaries as a table (TSV when not a terminal); spiking pairs are marked."""
    rows = [
        (f"{s.pair[0]}–{s.pair[1]}", str(s.count),
         ", ".join(f"{k} {v}" for k, v in list(s.sectors.items())[:4]), s.first or "—", s.last or "—",
         "spiking" if s.pair in spiking else "")
        for s in summaries
    ]
    from rich.table import Table
    from rich.text import Text

    def table() -> Table:
        shown = Table(show_edge=False, pad_edge=False)
        for name in ("pair", "articles", "top sectors", "first", "last", "last 7 days"):
            shown.add_column(name)
        for row in rows:
            shown.add_row(*(Text(cell) for cell in row[:5]),
                          Text("▲ spiking", style="bold red") if row[5] else Text(""))
        return shown

    print_rows(console, rows, table)
