"""Reading one article for a person: the stored detail plus its translation snippets."""

from __future__ import annotations

from dataclasses import replace

from coopwatch.enrich.snippets import gloss_snippets
from coopwatch.enrich.vocabulary import Vocabulary
from coopwatch.store import Store
from coopwatch.types import ArticleDetail


def read_article(store: Store, article_id: int, vocabulary: Vocabulary, target: str = "en") -> ArticleDetail:
    """One article with its evidence and the sentences that carry it, glossed into target."""
    detail = store.get_article(article_id)
    snippets = gloss_snippets(
        detail.article.title or "", detail.body, detail.evidence, vocabulary.gloss_names(target)
    )
    return replace(detail, snippets=snippets)
