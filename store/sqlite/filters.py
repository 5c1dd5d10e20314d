"""Filters as SQL: the one translation of `Filters` into a WHERE clause over `articles a`."""

from __future__ import annotations

from coopwatch.scripts import stored_language
from coopwatch.store.sqlite.fts import match_query
from coopwatch.types import Filters


def where_clause(filters: Filters) -> tuple[str, list[object]]:
    """SQL conditions on `articles a` (joined with AND) and their parameters.

    Tags are matched as `a.id IN (subquery)`, not EXISTS: SQLite then reads the tag's index once
    and counts from it, instead of probing the tag tables once per article (4x faster at 100k).
    """
    conditions: list[str] = []
    params: list[object] = []
    for country in filters.countries:
        conditions.append(
            "a.id IN (SELECT c.article_id FROM article_countries c WHERE c.country = ?)"
        )
        params.append(country.upper())
    if filters.pair:
        first, second = sorted(code.upper() for code in filters.pair)
        conditions.append(
            "a.id IN (SELECT p.article_id FROM article_pairs p"
            " WHERE p.country_a = ? AND p.country_b = ?)"
        )
        params += [first, second]
    if filters.sectors:
        marks = ", ".join("?" for _ in filters.sectors)
        conditions.append(
            f"a.id IN (SELECT s.article_id FROM article_sectors s WHERE s.sector IN ({marks}))"
        )
        params += list(filters.sectors)
    if filters.language:
        language = filters.language.lower()
        conditions.append("a.language = ?")
        params.append(stored_language(language))  # users may write Norwegian no, nb or nn
    if filters.since:
        conditions.append("a.sort_date >= ?")
        params.append(filters.since)
    if filters.until:
        conditions.append("a.sort_date <= ?")
        params.append(filters.until)
    if filters.search:
        query = match_query(filters.search)
        if query is None:
            conditions.append("0")
        else:
            conditions.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(query)
    if filters.source:
        source = filters.source.rstrip("/")
        # a folder selects every file below it
        conditions.append(
            "EXISTS (SELECT 1 FROM entries e WHERE e.article_id = a.id"
            " AND (e.source = ? OR substr(e.source, 1, length(?) + 1) = ? || '/'))"
        )
        params += [source, source, source]
    return (" AND ".join(conditions) or "1"), params
