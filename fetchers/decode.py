"""Bytes to text: BOM, UTF-8, a declared charset, then charset detection; never raises."""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0/C1 controls other than tab and newline carry no meaning in article text and can drive a
# terminal; they never enter the store.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
_DETECTION_SAMPLE = 64 * 1024


def clean_text(text: str) -> str:
    """Normalized text: NFC, \\n line ends, no control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub("", unicodedata.normalize("NFC", text))


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """The text in data, decoded by the best evidence available."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return clean_text(data[len(bom):].decode(encoding, errors="replace"))
    try:
        return clean_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return clean_text(data.decode(declared))
        except (LookupError, UnicodeDecodeError):
            pass
    best = charset_normalizer.from_bytes(data[:_DETECTION_SAMPLE]).best()
    encoding = best.encoding if best is not None else "utf-8"
    return clean_text(data.decode(encoding, errors="replace"))
