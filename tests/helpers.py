"""Builders for test data."""

from __future__ import annotations

from coopwatch.types import ArticleWrite, Enrichment, Evidence, RawArticle


def raw(
    source: str = "/tmp/a.txt", key: str = "", title: str = "Title", body: str = "Body text.",
    published: str | None = None,
) -> RawArticle:
    return RawArticle(source=source, entry_key=key, title=title, body=body, published=published)


def enrichment(
    countries: tuple[str, ...] = (), pairs: tuple[tuple[str, str], ...] = (),
    sectors: tuple[str, ...] = (), language: str = "en", published: str | None = None,
    cooperation: bool | None = None, evidence: tuple[Evidence, ...] = (),
) -> Enrichment:
    return Enrichment(
        language=language, countries=countries, pairs=pairs, sectors=sectors,
        cooperation=bool(pairs) if cooperation is None else cooperation,
        published=published, evidence=evidence,
    )


def write(
    article: RawArticle, tags: Enrichment, article_id: int | None = None, digest: str = "h1"
) -> ArticleWrite:
    return ArticleWrite(raw=article, content_hash=digest, enrichment=tags, article_id=article_id)
