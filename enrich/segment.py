"""Sentences for people to read: a splitter that knows the language (abbreviations, CJK, Thai).

sentencex knows the abbreviations and sentence punctuation of some 300 languages, each falling
back on a related one (Dr., z. B., 3,5 Mrd., 。, ।, ؟). Thai writes no full stop: a space
between Thai words ends a sentence or clause. Enrichment itself uses the cheaper
enrich.text.sentences; this is for the few sentences shown as snippets.
"""

from __future__ import annotations

import re

import sentencex

from coopwatch.scripts import THAI

_THAI_BREAK = re.compile(rf"(?<=[{THAI}])[ \t]+(?=[{THAI}])")
_LINE_BREAKS = re.compile(r"\n+")  # a line of its own is a sentence of its own (headlines, lists)
_ALIASES = {"zh-cn": "zh", "zh-tw": "zh"}
_UNKNOWN = "en"  # sentencex's own fallback rules, for text whose language was not found


def sentence_spans(text: str, language: str | None) -> list[tuple[int, int]]:
    """(start, end) of each sentence in text, leading and trailing spaces left out."""
    language = _ALIASES.get(language or "", language or _UNKNOWN)
    if language == "th":
        spans = _split_at(text, _THAI_BREAK)
    else:
        spans = [(line_start + boundary["start_index"], line_start + boundary["end_index"])
                 for line_start, line_end in _split_at(text, _LINE_BREAKS)
                 for boundary in sentencex.get_sentence_boundaries(language, text[line_start:line_end])]
    trimmed = [_trim(text, span) for span in spans]
    return [(start, end) for start, end in trimmed if end > start]


def _split_at(text: str, breaks: re.Pattern[str]) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in breaks.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
