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


def detect_language(title: str, body: str, hint: str | None = None) -> str | None:
    """The ISO 639-1 code of the text's language; the metadata's hint when the text is too thin."""
    sample = f"{title}\n{body[:SAMPLE_CHARS]}".strip()
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
