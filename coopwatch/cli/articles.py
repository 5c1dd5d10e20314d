"""`coopwatch list`, `show`, `pairs` and `export`: reading what is stored."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import IO

import click
from rich.console import Console
from rich.text import Text

from coopwatch.cli.options import State, filter_options, pass_state
from coopwatch.cli.output import (
    article_table,
    json_text,
    pair_table,
    write_csv,
    write_dyads,
    write_json_array,
    write_json_lines,
)
from coopwatch.cli.plot import plot_pairs
from coopwatch.errors import UsageError
from coopwatch.reading import read_article, translate_headlines, translate_snippets
from coopwatch.safety import one_line, terminal_safe
from coopwatch.source_countries import entry_countries
from coopwatch.trends import is_spiking, spike_counts, spike_days_since
from coopwatch.types import ArticleDetail, Filters, PairSummary
from coopwatch.vocabulary import load_vocabulary

DEFAULT_TABLE_LIMIT = 50


def _stdout() -> Console:
    return Console(highlight=False, markup=False, emoji=False, soft_wrap=False)


@click.command("list")
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of articles.")
@click.option("--csv", "as_csv", is_flag=True, help="Print CSV.")
@click.option("--limit", type=click.IntRange(min=0), default=None,
              help="At most N articles; 0 means all [default: 50 for the table, all for JSON/CSV].")
@click.option("--translate", "translate", is_flag=True,
              help="Headlines in the [translate] target language (JSON: title_translation).")
@pass_state
def list_articles(state: State, filters: Filters, as_json: bool, as_csv: bool, limit: int | None,
                  translate: bool) -> None:
    """Articles, newest first.

    Example: coopwatch list --pair CN-RU --sector ai --since 2024-01-01 --translate
    """
    if as_json and as_csv:
        raise UsageError("choose one of --json and --csv")
    if limit is None:
        limit = 0 if (as_json or as_csv) else DEFAULT_TABLE_LIMIT
    store = state.store()
    articles = store.list_articles(filters, limit=limit or None)
    headlines: dict[int, tuple[str, str]] = {}
    if translate:
        vocabulary = load_vocabulary(state.config.sector_terms)
        headlines, note = translate_headlines(store, articles, vocabulary, state.config.translate)
        if note:
            click.echo(f"note: {one_line(note, 300)}", err=True)
        if not as_json:
            articles = [replace(a, title=headlines[a.id][0]) if a.id in headlines else a
                        for a in articles]
    if as_json:
        write_json_array((_with_translation(a.to_json(), headlines.get(a.id), translate)
                          for a in articles), sys.stdout)
    elif as_csv:
        write_csv(articles, sys.stdout)
    else:
        article_table(articles, _stdout())


def _with_translation(data: dict[str, object], headline: tuple[str, str] | None,
                      asked: bool) -> dict[str, object]:
    if asked:
        data["title_translation"] = headline[0] if headline else None
        data["title_translation_backend"] = headline[1] if headline else None
    return data


@click.command()
@click.argument("article_id", metavar="ID", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object with body and evidence.")
@pass_state
def show(state: State, article_id: int, as_json: bool) -> None:
    """One article: metadata, countries, pairs, sectors, why (the evidence) and snippets.

    Example: coopwatch show 17 --json
    """
    vocabulary = load_vocabulary(state.config.sector_terms)
    store = state.store()
    detail = read_article(store, article_id, vocabulary, state.config.translate)
    detail = translate_snippets(store, detail, state.config.translate)
    if detail.translation_note:
        click.echo(f"note: {one_line(detail.translation_note, 300)}", err=True)
    if as_json:
        click.echo(json_text(detail.to_json(), indent=2))
    else:
        _print_detail(detail, _stdout())


def _print_detail(detail: ArticleDetail, console: Console) -> None:
    a = detail.article
    lines = [
        f"#{a.id}  {one_line(a.title) or '(no headline)'}",
        f"source      {one_line(a.source)}" + (f"  (also in {len(detail.also_in)} more)" if detail.also_in else ""),
        f"url         {one_line(a.url) or '—'}",
        f"published   {a.published or '—'}   language {a.language or '?'}   fetched {a.fetched_at}",
        f"countries   {' '.join(a.countries) or '—'}",
        f"pairs       {', '.join(f'{x}–{y}' for x, y in a.pairs) or '—'}",
        f"sectors     {', '.join(a.sectors) or '—'}",
        f"cooperation {'yes' if a.cooperation else 'no'}",
        "",
        "why",
    ]
    by_tag: dict[tuple[str, str], list[str]] = {}
    for item in detail.evidence:
        by_tag.setdefault((item.kind, item.tag), []).append(
            f"\"{one_line(item.term, 60)}\" ({item.field} {item.start}–{item.end})"
        )
    for (kind, tag), terms in by_tag.items():
        lines.append(f"  {kind:<11} {tag:<24} {'; '.join(terms[:4])}")
    if detail.snippets:
        lines += ["", "snippets"]
        for snippet in detail.snippets:
            lines.append(f"  > {one_line(snippet.text, 400)}")
            if snippet.translation:
                lines.append(f"    = {one_line(snippet.translation, 400)}  [{snippet.backend}]")
    lines += ["", "text", terminal_safe(detail.body)]
    console.print(Text("\n".join(lines)), soft_wrap=True)


@click.command()
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of pair summaries.")
@click.option("--csv", "as_csv", is_flag=True,
              help="Print a dyad table: period, country_a, country_b, sector, articles.")
@click.option("--by", type=click.Choice(["month", "week"]), default="month", show_default=True,
              help="The period of --csv rows (weeks are ISO weeks, 2024-W05).")
@click.option("--source-country", "by_source_country", is_flag=True,
              help="With --csv: split each row by the country of the sources (a source_country "
                   "column; the feed's country from OPML, feeds add --country or the config).")
@click.option("--plot", is_flag=True,
              help="Draw the monthly trend of the top pairs (all on one scale).")
@click.option("--top", type=click.IntRange(1, 50), default=5, show_default=True,
              help="How many pairs --plot draws.")
@pass_state
def pairs(state: State, filters: Filters, as_json: bool, as_csv: bool, by: str,
          by_source_country: bool, plot: bool, top: int) -> None:
    """Country-pair summaries: count, sectors, first and last date, counts per month.

    A pair is marked spiking when its last 7 days hold at least 3 articles and 3 times its
    average week over the 90 days before.

    With --csv, a dyad table in long format for a spreadsheet, pandas or R: one row per period,
    pair and sector ("" for articles with no sector), counting articles with a published date.

    \b
    Examples: coopwatch pairs --country RU --json
              coopwatch pairs --csv --by week --since 2024-01-01 > dyads.csv
              coopwatch pairs --csv --pair CN-RU --source-country > coverage.csv
              coopwatch pairs --plot --top 8 --sector semiconductors
    """
    if as_json + as_csv + plot > 1:
        raise UsageError("choose one of --json, --csv and --plot")
    if by_source_country and not as_csv:
        raise UsageError("--source-country splits a dyad table: add --csv")
    if as_csv:
        _write_dyads(state, filters, by, by_source_country, sys.stdout)
        return
    if plot:
        console = _stdout()
        chart = plot_pairs(state.store().pair_summaries(filters), top, console.size.width)
        if not chart:
            click.echo("nothing to plot: no pair has dated articles (check the filters)", err=True)
            return
        console.print(chart, end="")
        return
    today = date.today()
    summaries = state.store().pair_summaries(filters, days_since=spike_days_since(today))
    spiking = {s.pair for s in summaries if is_spiking(s.days, today)}
    if as_json:
        click.echo(json_text([_pair_json(s, today, s.pair in spiking) for s in summaries]))
    else:
        pair_table(summaries, spiking, _stdout())


def _pair_json(summary: PairSummary, today: date, spiking: bool) -> dict[str, object]:
    data = summary.to_json()
    data["last_7_days"] = spike_counts(summary.days, today)[0]
    data["spiking"] = spiking
    return data


@click.command()
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "csv"]), required=True,
              help="The file format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write to this file instead of stdout.")
@click.option("--by", type=click.Choice(["month", "week"]),
              help="With --format csv: a dyad table (period, country_a, country_b, sector, "
                   "articles) per month or ISO week, instead of one row per article.")
@click.option("--source-country", "by_source_country", is_flag=True,
              help="With --by: split each row by the country of the sources.")
@filter_options
@pass_state
def export(state: State, fmt: str, output: Path | None, by: str | None,
           by_source_country: bool, filters: Filters) -> None:
    """Every matching article, as JSON, JSON lines or CSV; or a dyad table with --by.

    \b
    Examples: coopwatch export --format csv --pair CN-RU -o cn-ru.csv
              coopwatch export --format csv --by month --sector ai -o ai-dyads.csv
              coopwatch export --format csv --by month --pair CN-RU --source-country
    """
    if by and fmt != "csv":
        raise UsageError("--by makes a dyad table, which is CSV: add --format csv")
    if by_source_country and not by:
        raise UsageError("--source-country splits a dyad table: add --by month or --by week")
    store = state.store()

    def write(out: IO[str]) -> None:
        if by:
            _write_dyads(state, filters, by, by_source_country, out)
        else:
            _write(fmt, store.iter_articles(filters), out)

    if output is None:
        write(sys.stdout)
        return
    partial = output.with_name(output.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as out:
            write(out)
        partial.replace(output)  # a reader never sees half an export
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None


def _write_dyads(state: State, filters: Filters, by: str, by_source_country: bool,
                 out: IO[str]) -> None:
    store = state.store()
    countries = entry_countries(store, state.config) if by_source_country else None
    write_dyads(store.dyad_counts(filters, by, countries), out, source_country=by_source_country)


def _write(fmt: str, articles: object, out: IO[str]) -> None:
    if fmt == "json":
        write_json_array((a.to_json() for a in articles), out)  # type: ignore[attr-defined]
    elif fmt == "jsonl":
        write_json_lines((a.to_json() for a in articles), out)  # type: ignore[attr-defined]
    else:
        write_csv(articles, out)  # type: ignore[arg-type]
