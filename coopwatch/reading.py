"""Reading articles for a person: the stored detail with translation snippets, and headlines."""

from __future__ import annotations

from dataclasses import replace

from coopwatch.config import TranslateConfig
from coopwatch.enrich.snippets import GLOSS_BACKEND, gloss, gloss_snippets
from coopwatch.enrich.vocabulary import Vocabulary
from coopwatch.store import Store
from coopwatch.translation import same_language, translate_texts
from coopwatch.types import Article, ArticleDetail, Snippet


def read_article(
    store: Store, article_id: int, vocabulary: Vocabulary,
    translate: TranslateConfig = TranslateConfig(),
) -> ArticleDetail:
    """One article with the sentences that carry its evidence, glossed into the target language.

    Only the offline gloss: instant, for the first look. translate_snippets adds the engine's.
    """
    detail = store.get_article(article_id)
    snippets = gloss_snippets(detail.article.title or "", detail.body, detail.evidence,
                              detail.article.language, vocabulary.gloss_names(translate.target))
    return replace(detail, snippets=snippets)


def translate_snippets(
    store: Store, detail: ArticleDetail, translate: TranslateConfig
) -> ArticleDetail:
    """The snippets translated by the configured engine where it can; the gloss where not."""
    language = detail.article.language
    if (translate.backend == GLOSS_BACKEND or not detail.snippets
            or same_language(language, translate.target)):
        return detail
    done = translate_texts(store, [s.text for s in detail.snippets], language, translate)
    snippets = tuple(
        Snippet(snippet.text, text, done.backend) if text is not None else snippet
        for snippet, text in zip(detail.snippets, done.texts, strict=True)
    )
    return replace(detail, snippets=snippets, translation_note=done.note)


def translate_headlines(
    store: Store, articles: list[Article], vocabulary: Vocabulary, translate: TranslateConfig
) -> tuple[dict[int, tuple[str, str]], str | None]:
    """Each foreign headline in the target language: article id -> (translation, backend).

    One engine call per language; headlines it cannot translate get the gloss of their evidence.
    """
    foreign = [a for a in articles
               if a.headline and not same_language(a.language, translate.target)]
    translated: dict[int, tuple[str, str]] = {}
    note: str | None = None  # the first failure says it for all: one engine, one reason
    by_language: dict[str | None, list[Article]] = {}
    for article in foreign:
        by_language.setdefault(article.language, []).append(article)
    for language, group in by_language.items():
        done = translate_texts(store, [a.headline for a in group], language, translate)
        note = note or done.note
        for article, text in zip(group, done.texts, strict=True):
            if text is not None:
                translated[article.id] = (text, done.backend)
    glossed = [a for a in foreign if a.id not in translated]
    if glossed:
        names = vocabulary.gloss_names(translate.target)
        for article_id, items in store.title_evidence([a.id for a in glossed]).items():
            if items:
                translated[article_id] = (gloss(items, names), GLOSS_BACKEND)
    return translated, note
