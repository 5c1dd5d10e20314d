"""Argos Translate, offline, when it and the language's package are installed (an extra)."""

from __future__ import annotations

from collections.abc import Sequence

from coopwatch.translation.engines import TranslationError


class Argos:
    """Argos Translate in this process; slow to load, so only used when configured."""

    def translate(self, texts: Sequence[str], source: str | None, target: str) -> list[str]:
        try:
            from argostranslate import translate as argos
        except ImportError:
            raise TranslationError(
                "Argos Translate is not installed (pip install 'coopwatch[argos]')") from None
        if not source:
            raise TranslationError("the article's language is unknown")
        target = target.split("-")[0]
        languages = {language.code: language for language in argos.get_installed_languages()}
        if source not in languages or target not in languages:
            raise TranslationError(f"no Argos package for {source} → {target}")
        translation = languages[source].get_translation(languages[target])
        if translation is None:
            raise TranslationError(f"no Argos package for {source} → {target}")
        try:
            return [translation.translate(text) for text in texts]
        except Exception as error:  # noqa: BLE001 (Argos raises what its models raise)
            raise TranslationError(f"Argos failed: {type(error).__name__}") from None
