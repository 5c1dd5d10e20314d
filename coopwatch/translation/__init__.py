"""Translation of snippets and headlines: real engines when configured, cached, never failing.

    texts -> the store's cache -> the engine, one batch per call, for what the cache lacks
          -> the cache; on any engine failure a note, and the caller shows the gloss instead

The engines (libretranslate, deepl, argos) speak to their services; the gloss is enrichment's
own (coopwatch.enrich.snippets) and needs nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from coopwatch.config import TranslateConfig
from coopwatch.enrich.snippets import GLOSS_BACKEND
from coopwatch.store import Store
from coopwatch.translation.engines import TranslationError, make_engine

log = logging.getLogger("coopwatch.translation")


@dataclass(frozen=True)
class Translated:
    """One translation per text (None where the engine gave none) and why some are missing."""

    texts: list[str | None]
    backend: str
    note: str | None = None


def same_language(source: str | None, target: str) -> bool:
    """Whether a text in source needs no translation into target (en and en-GB are one)."""
    return source is not None and source != "" and (
        source.split("-")[0].lower() == target.split("-")[0].lower())


def translate_texts(
    store: Store, texts: Sequence[str], source: str | None, config: TranslateConfig
) -> Translated:
    """Each text in config.target, through the cache and the configured engine.

    Never raises for the engine's sake: a failure leaves the uncached texts None and says why.
    """
    if config.backend == GLOSS_BACKEND or not texts:
        return Translated([None] * len(texts), GLOSS_BACKEND)
    source_code = source or "auto"
    found = [store.cached_translation(text, source_code, config.target, config.backend)
             for text in texts]
    missing = sorted({text for text, hit in zip(texts, found, strict=True) if hit is None})
    if not missing:
        return Translated(list(found), config.backend)
    try:
        translations = make_engine(config).translate(missing, source, config.target)
    except TranslationError as error:
        log.info("translation failed backend=%s error=%s", config.backend, error)
        return Translated(list(found), config.backend,
                          note=f"{config.backend} failed ({error}); showing the gloss")
    fresh = dict(zip(missing, translations, strict=True))
    store.cache_translations(
        [(text, source_code, config.target, config.backend, fresh[text]) for text in missing])
    return Translated([hit if hit is not None else fresh[text]
                       for text, hit in zip(texts, found, strict=True)], config.backend)


__all__ = ["Translated", "TranslationError", "same_language", "translate_texts"]
