"""Reading articles: filtered pages, one article in full, counts, and pair summaries."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any

from coopwatch.errors import ArticleNotFoundError
from coopwatch.store.sqlite.base import StoreBase, storage_error
from coopwatch.store.sqlite.filters import where_clause
from coopwatch.types import (
    Article,
    ArticleDetail,
    DyadCount,
    Evidence,
    Filters,
    Pair,
    PairSummary,
)

_ARTICLE_COLUMNS = (
    "a.id, a.title, a.url, a.source, a.language, a.published, a.fetched_at, a.summary,"
    " a.cooperation"
)
EXPORT_BATCH = 500


class QueriesMixin(StoreBase):
    """Everything the CLI and the dashboard read about articles."""

    def count_articles(self, filters: Filters = Filters()) -> int:
        """How many articles match the filters."""
        where, params = where_clause(filters)
        return int(self._scalar(f"SELECT count(*) FROM articles a WHERE {where}", params))

    def list_articles(
        self, filters: Filters = Filters(), limit: int | None = 50, offset: int = 0
    ) -> list[Article]:
        """Matching articles, newest first; limit None means all."""
        where, params = where_clause(filters)
        sql = (
            f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE {where}"
            " ORDER BY a.sort_date DESC, a.id DESC"
        )
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [*params, limit, offset]
        return self._hydrate(self._read(sql, params))

    def language_counts(self, filters: Filters = Filters()) -> list[tuple[str, int]]:
        """The languages of the matching articles with their counts, most common first."""
        where, params = where_clause(filters)
        rows = self._read(
            f"SELECT a.language, count(*) AS n FROM articles a WHERE {where}"
            " AND a.language IS NOT NULL GROUP BY a.language ORDER BY n DESC, a.language",
            params,
        )
        return [(row["language"], row["n"]) for row in rows]

    def change_marker(self) -> tuple[int, str]:
        """Changes when any article is added or updated, by this process or another."""
        row = self._read("SELECT max(id) AS newest, max(updated_at) AS changed FROM articles")[0]
        return int(row["newest"] or 0), str(row["changed"] or "")

    def iter_articles(self, filters: Filters = Filters()) -> Iterator[Article]:
        """Every matching article, newest first, read in batches so memory stays flat."""
        offset = 0
        while True:
            batch = self.list_articles(filters, limit=EXPORT_BATCH, offset=offset)
            yield from batch
            if len(batch) < EXPORT_BATCH:
                return
            offset += EXPORT_BATCH

    def get_article(self, article_id: int) -> ArticleDetail:
        """One article with its body, evidence and the other sources that carried it."""
        rows = self._read(
            f"SELECT {_ARTICLE_COLUMNS}, a.body FROM articles a WHERE a.id = ?", (article_id,)
        )
        if not rows:
            raise ArticleNotFoundError(f"no article with id {article_id}")
        article = self._hydrate(rows)[0]
        evidence = tuple(
            Evidence(row["kind"], row["tag"], row["term"], row["language"], row["field"],
                     row["start"], row["end"])
            for row in self._read(
                'SELECT kind, tag, term, language, field, start, "end" FROM evidence'
                " WHERE article_id = ? ORDER BY kind, tag, field DESC, start",
                (article_id,),
            )
        )
        also_in = tuple(
            row["source"]
            for row in self._read(
                "SELECT source FROM entries WHERE article_id = ? AND source != ? ORDER BY source",
                (article_id, article.source),
            )
        )
        return ArticleDetail(article, rows[0]["body"], evidence, also_in=also_in)

    def title_evidence(self, article_ids: list[int]) -> dict[int, list[Evidence]]:
        """The evidence found in each article's headline (for glossing headlines)."""
        found: dict[int, list[Evidence]] = {article_id: [] for article_id in article_ids}
        for start in range(0, len(article_ids), 500):  # SQLite's limit on parameters
            chunk = article_ids[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            for row in self._read(
                'SELECT article_id, kind, tag, term, language, field, start, "end" FROM evidence'
                f" WHERE field = 'title' AND article_id IN ({marks}) ORDER BY article_id, start",
                chunk,
            ):
                found[row["article_id"]].append(Evidence(
                    row["kind"], row["tag"], row["term"], row["language"], row["field"],
                    row["start"], row["end"]))
        return found

    def _hydrate(self, rows: list[dict[str, Any]]) -> list[Article]:
        if not rows:
            return []
        ids = [row["id"] for row in rows]
        marks = ", ".join("?" for _ in ids)
        countries: dict[int, list[str]] = defaultdict(list)
        for row in self._read(
            f"SELECT article_id, country FROM article_countries WHERE article_id IN ({marks})"
            " ORDER BY country", ids,
        ):
            countries[row["article_id"]].append(row["country"])
        pairs: dict[int, list[Pair]] = defaultdict(list)
        for row in self._read(
            f"SELECT article_id, country_a, country_b FROM article_pairs"
            f" WHERE article_id IN ({marks}) ORDER BY country_a, country_b", ids,
        ):
            pairs[row["article_id"]].append((row["country_a"], row["country_b"]))
        sectors: dict[int, list[str]] = defaultdict(list)
        for row in self._read(
            f"SELECT article_id, sector FROM article_sectors WHERE article_id IN ({marks})"
            " ORDER BY sector", ids,
        ):
            sectors[row["article_id"]].append(row["sector"])
        return [
            Article(
                id=row["id"], title=row["title"], url=row["url"], source=row["source"],
                language=row["language"], published=row["published"],
                fetched_at=row["fetched_at"], countries=tuple(countries[row["id"]]),
                pairs=tuple(pairs[row["id"]]), sectors=tuple(sectors[row["id"]]),
                cooperation=bool(row["cooperation"]), summary=row["summary"],
            )
            for row in rows
        ]

    def pair_summaries(
        self, filters: Filters = Filters(), days_since: str | None = None
    ) -> list[PairSummary]:
        """Every cooperating pair among the matching articles, largest count first.

        days_since (YYYY-MM-DD) adds each pair's counts per day from that day on, for spikes.
        """
        base, params = _pairs_from(filters)
        totals = self._read(
            f"SELECT p.country_a, p.country_b, count(*) AS n, min(a.published) AS first,"
            f" max(a.published) AS last {base} GROUP BY 1, 2",
            params,
        )
        with_sectors = base.replace("WHERE", "JOIN article_sectors s ON s.article_id = a.id WHERE", 1)
        sectors: dict[Pair, dict[str, int]] = defaultdict(dict)
        for row in self._read(
            f"SELECT p.country_a, p.country_b, s.sector, count(*) AS n {with_sectors}"
            " GROUP BY 1, 2, 3 ORDER BY n DESC, s.sector", params,
        ):
            sectors[(row["country_a"], row["country_b"])][row["sector"]] = row["n"]
        months: dict[Pair, dict[str, int]] = defaultdict(dict)
        for row in self._read(
            f"SELECT p.country_a, p.country_b, substr(a.published, 1, 7) AS month, count(*) AS n"
            f" {base} AND a.published IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 3", params,
        ):
            months[(row["country_a"], row["country_b"])][row["month"]] = row["n"]
        days: dict[Pair, dict[str, int]] = defaultdict(dict)
        if days_since:
            for row in self._read(
                f"SELECT p.country_a, p.country_b, substr(a.published, 1, 10) AS day,"
                f" count(*) AS n {base} AND a.published >= ? GROUP BY 1, 2, 3",
                [*params, days_since],
            ):
                days[(row["country_a"], row["country_b"])][row["day"]] = row["n"]
        summaries = [
            PairSummary(
                pair=(row["country_a"], row["country_b"]), count=row["n"],
                sectors=sectors[(row["country_a"], row["country_b"])],
                first=row["first"], last=row["last"],
                months=months[(row["country_a"], row["country_b"])],
                days=days.get((row["country_a"], row["country_b"]), {}),
            )
            for row in totals
        ]
        summaries.sort(key=lambda s: (-s.count, s.pair))
        return summaries

    def pairs_newer_than(self, article_id: int) -> list[Pair]:
        """The pairs of the articles that arrived after article_id."""
        return [(row["country_a"], row["country_b"]) for row in self._read(
            "SELECT DISTINCT country_a, country_b FROM article_pairs WHERE article_id > ?"
            " ORDER BY 1, 2", [article_id])]

    def pair_days(self, pairs: list[Pair], since: str) -> dict[Pair, dict[str, int]]:
        """The given pairs' articles per published day from since (YYYY-MM-DD) on."""
        days: dict[Pair, dict[str, int]] = {pair: {} for pair in pairs}
        if not days:
            return days  # a sync that brought nothing new: no need to read every pair's days
        for row in self._read(
            "SELECT p.country_a, p.country_b, substr(a.published, 1, 10) AS day, count(*) AS n"
            " FROM article_pairs p JOIN articles a ON a.id = p.article_id"
            " WHERE a.published >= ? GROUP BY 1, 2, 3", [since],
        ):
            pair = (row["country_a"], row["country_b"])
            if pair in days:
                days[pair][row["day"]] = row["n"]
        return days

    def dyad_counts(self, filters: Filters = Filters(), by: str = "month",
                    entry_countries: dict[str, str] | None = None) -> list[DyadCount]:
        """Articles per period, pair and sector (long format), oldest period first.

        An article counts once under each of its sectors, or under "" when it has none; an
        article without a published date has no period and is left out, as in the trends.
        With entry_countries (feed URL or file path -> country), each row is also split by the
        country of the sources that carried the story: a story counts once per such country,
        under "" for sources of no known country.
        """
        base, params = _pairs_from(filters)
        joins = "LEFT JOIN article_sectors s ON s.article_id = a.id"
        country = "NULL"
        if entry_countries is not None:
            self._load_entry_countries(entry_countries)
            joins += (" JOIN entries e ON e.article_id = a.id"
                      " LEFT JOIN temp.entry_countries ec ON ec.source = e.source")
            country = "coalesce(ec.country, '')"
        counts: dict[tuple[str, str, str, str, str | None], int] = defaultdict(int)
        for row in self._read(
            f"SELECT substr(a.published, 1, 10) AS day, p.country_a, p.country_b,"
            f" coalesce(s.sector, '') AS sector, {country} AS source_country,"
            f" count(DISTINCT a.id) AS n {base.replace('WHERE', joins + ' WHERE', 1)}"
            " AND a.published IS NOT NULL GROUP BY 1, 2, 3, 4, 5", params,
        ):
            period = _period(row["day"], by)
            if period is not None:
                key = (period, row["country_a"], row["country_b"], row["sector"],
                       row["source_country"])
                counts[key] += row["n"]
        return [DyadCount(period, (a, b), sector, n, source_country)
                for (period, a, b, sector, source_country), n in
                sorted(counts.items(), key=lambda item: tuple(v or "" for v in item[0]))]

    def _load_entry_countries(self, entry_countries: dict[str, str]) -> None:
        # a temporary table lives in this connection only: a read never writes the database
        conn = self.conn
        try:
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS entry_countries"
                         " (source TEXT PRIMARY KEY, country TEXT NOT NULL)")
            conn.execute("DELETE FROM temp.entry_countries")
            conn.executemany("INSERT INTO temp.entry_countries VALUES (?, ?)",
                             entry_countries.items())
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path) from None


def _pairs_from(filters: Filters) -> tuple[str, list[object]]:
    """FROM article_pairs p joined with the matching articles a, and its parameters."""
    where, params = where_clause(filters)
    # A country filter asks about that country's pairs, not every pair in its articles.
    for country in filters.countries:
        where += " AND ? IN (p.country_a, p.country_b)"
        params.append(country.upper())
    if filters.pair:
        first, second = sorted(code.upper() for code in filters.pair)
        where += " AND p.country_a = ? AND p.country_b = ?"
        params += [first, second]
    return f"FROM article_pairs p JOIN articles a ON a.id = p.article_id WHERE {where}", params


def _period(day: str, by: str) -> str | None:
    """A published date's month (YYYY-MM) or ISO week (YYYY-Www); None for a partial date."""
    if by == "month":
        return day[:7] if len(day) >= 7 else None
    try:
        year, week, _ = date.fromisoformat(day).isocalendar()
    except ValueError:
        return None
    return f"{year}-W{week:02d}"
