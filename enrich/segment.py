"""Sentences for people to read: a splitter that knows the language (abbreviations, CJK, Thai).

pysbd knows the abbreviations and punctuation of two dozen languages (Dr., z. B., г., 。); other
languages are split at sentence punctuation followed by a space. Thai writes no full stop: a
space between Thai words ends a sentence or clause. Enrichment itself uses the cheaper
enrich.text.sentences; this is for the few sentences shown as snippets.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd
from pysbd.languages import LANGUAGE_CODES

_PUNCTUATED = re.compile(
    r".+?(?:[.!?؟।۔]+[\"'»”’)]*(?=\s)|[。！？]+[」』”’）)]*|\n|$)", re.DOTALL)
_THAI_BREAK = re.compile(r"(?<=[\u0e00-\u0e7f])[ \t]+(?=[\u0e00-\u0e7f])")
_ALIASES = {"zh-cn": "zh", "zh-tw": "zh"}


@lru_cache(maxsize=32)
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language, clean=False, char_span=True)


def sentence_spans(text: str, language: str | None) -> list[tuple[int, int]]:
    """(start, end) of each sentence in text, leading and trailing spaces left out."""
    language = _ALIASES.get(language or "", language or "")
    if language == "th":
        spans = _split_at(text, _THAI_BREAK)
    elif language in LANGUAGE_CODES:
        spans = []
        for line_start, line_end in _split_at(text, re.compile(r"\n+")):
            spans += _located(text[line_start:line_end], line_start, language)
    else:
        spans = [(m.start(), m.end()) for m in _PUNCTUATED.finditer(text)]
    trimmed = [_trim(text, span) for span in spans]
    return [(start, end) for start, end in trimmed if end > start]


def _located(line: str, offset: int, language: str) -> list[tuple[int, int]]:
    """pysbd's sentences, each found again after the one before: pysbd finds its spans by
    searching the text, and a sentence like ". . " lands inside the one before it."""
    spans, cursor = [], 0
    for part in _segmenter(language).segment(line):
        sentence = part.sent.strip()
        at = line.find(sentence, cursor) if sentence else -1
        if at >= 0:
            cursor = at + len(sentence)
            spans.append((offset + at, offset + cursor))
    return spans


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
