"""The DeepL API (free and pro): POST /v2/translate with Authorization: DeepL-Auth-Key."""

from __future__ import annotations

from collections.abc import Sequence

from coopwatch.scripts import bokmal_language
from coopwatch.translation.engines import TranslationError
from coopwatch.translation.http import post_json

FREE_API = "https://api-free.deepl.com"  # keys of the free plan end in ":fx"
PRO_API = "https://api.deepl.com"
# DeepL wants a variant for these targets; the plain code is deprecated
_TARGETS = {"en": "EN-US", "pt": "PT-BR"}
_SOURCES = set("ar bg cs da de el en es et fi fr hu id it ja ko lt lv nb nl pl pt ro ru sk sl sv "
               "tr uk zh".split())


class DeepL:
    """DeepL's API; the texts of a call go in one request (text as a list)."""

    def __init__(self, api_key: str, url: str | None, timeout: float) -> None:
        base = url or (FREE_API if api_key.endswith(":fx") else PRO_API)
        self.endpoint = base.rstrip("/") + "/v2/translate"
        self.api_key = api_key
        self.timeout = timeout

    def translate(self, texts: Sequence[str], source: str | None, target: str) -> list[str]:
        payload: dict[str, object] = {"text": list(texts), "target_lang": _target_code(target)}
        source = bokmal_language(source) if source else source
        if source in _SOURCES:
            payload["source_lang"] = source.upper()  # else DeepL detects it
        answer = post_json(self.endpoint, payload, self.timeout,
                           headers={"Authorization": f"DeepL-Auth-Key {self.api_key}"})
        items = answer.get("translations") if isinstance(answer, dict) else None
        if not (isinstance(items, list) and len(items) == len(texts)
                and all(isinstance(item, dict) and isinstance(item.get("text"), str)
                        for item in items)):
            raise TranslationError("the answer has no translation for every text")
        return [item["text"] for item in items]


def _target_code(target: str) -> str:
    lowered = target.lower()
    return _TARGETS.get(lowered, lowered.upper())
