"""The translation engines behind [translate] backend, and the one way to pick one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from coopwatch.config import TranslateConfig


class TranslationError(Exception):
    """An engine could not translate (unreachable, refused, slow, not installed); one line."""


class Engine(Protocol):
    """Translates a batch of texts from source (None: let the engine detect) into target."""

    def translate(self, texts: Sequence[str], source: str | None, target: str) -> list[str]: ...


def make_engine(config: TranslateConfig) -> Engine:
    """The configured engine (config has already checked the backend's name)."""
    if config.backend == "libretranslate":
        from coopwatch.translation.libretranslate import LibreTranslate

        if not config.url:
            raise TranslationError("translate.url is not set")
        return LibreTranslate(config.url, config.api_key, config.timeout)
    if config.backend == "deepl":
        from coopwatch.translation.deepl import DeepL

        if not config.api_key:
            raise TranslationError("translate.api_key is not set")
        return DeepL(config.api_key, config.url, config.timeout)
    if config.backend == "argos":
        from coopwatch.translation.argos import Argos

        return Argos()
    raise TranslationError(f"no engine called {config.backend}")
