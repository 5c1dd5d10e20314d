"""Language identification: langdetect with a fixed seed over a bounded sample of the text."""

from __future__ import annotations

from functools import lru_cache

from langdetect import DetectorFactory, LangDetectException
from langdetect.detector_factory import PROFILES_DIRECTORY

SAMPLE_CHARS = 600  # langdetect's cost grows with text; this much decides every dev article
_CODES = {"zh-cn": "zh", "zh-tw": "zh"}


@lru_cache(maxsize=1)
def _factory() -> DetectorFactory:
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)  # langdetect is random by default; the same text must give the same answer
    return factory


def _by_script(sample: str) -> str | None:
    """Scripts that belong to one language decide at once (and better than n-grams on short text)."""
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return None
    hangul = sum("\uac00" <= ch <= "\ud7af" or "\u1100" <= ch <= "\u11ff" for ch in letters)
    kana = sum("\u3040" <= ch <= "\u30ff" for ch in letters)
    han = sum("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" for ch in letters)
    thai = sum("\u0e00" <= ch <= "\u0e7f" for ch in letters)
    total = len(letters)
    if hangul > 0.3 * total:
        return "ko"
    if kana > 0.05 * total and kana + han > 0.3 * total:
        return "ja"
    if han > 0.3 * total:
        return "zh"
    if thai > 0.3 * total:
        return "th"
    return None


def detect_language(title: str, body: str, hint: str | None = None) -> str | None:
    """The ISO 639-1 code of the text's language; the metadata's hint when the text is too thin."""
    sample = f"{title}\n{body[:SAMPLE_CHARS]}".strip()
    by_script = _by_script(sample)
    if by_script:
        return by_script
    if sample:
        detector = _factory().create()
        detector.append(sample)
        try:
            code = detector.detect()
        except LangDetectException:
            code = None
        if code and code != "unknown":
            return _CODES.get(code, code)
    return hint
