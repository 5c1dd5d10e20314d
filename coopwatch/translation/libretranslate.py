"""LibreTranslate (self-hosted or public): POST /translate with q, source, target, format."""

from __future__ import annotations

from collections.abc import Sequence

from coopwatch.translation.engines import TranslationError
from coopwatch.translation.http import post_json


class LibreTranslate:
    """A LibreTranslate server; every text of a call goes in one request (q as a list)."""

    def __init__(self, url: str, api_key: str | None, timeout: float) -> None:
        self.endpoint = url.rstrip("/") + "/translate"
        self.api_key = api_key
        self.timeout = timeout

    def translate(self, texts: Sequence[str], source: str | None, target: str) -> list[str]:
        payload = {"q": list(texts), "source": source or "auto", "target": target.split("-")[0],
                   "format": "text"}
        if self.api_key:
            payload["api_key"] = self.api_key
        answer = post_json(self.endpoint, payload, self.timeout)
        translated = answer.get("translatedText") if isinstance(answer, dict) else None
        if isinstance(translated, str) and len(texts) == 1:
            translated = [translated]
        if not (isinstance(translated, list) and len(translated) == len(texts)
                and all(isinstance(text, str) for text in translated)):
            raise TranslationError("the answer has no translatedText for every text")
        return translated
