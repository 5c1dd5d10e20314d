"""Text shaping for the FTS5 index: one token per character in scripts written without spaces."""

from __future__ import annotations

import re
from functools import cache

from coopwatch.scripts import HAN, HANGUL, KANA, THAI, UNSPACED

_QUERY_TOKEN = re.compile(r'"[^"]*"|\S+')
_WORD = re.compile(r"[^\W_]+")


@cache  # made on the first such text: 8 ms that a command storing none need not pay
def _spaced_out() -> dict[int, str]:
    """Each character of the unspaced scripts (Thai, kana, Han, Hangul) with a space either
    side: unicode61 would make a whole run one token, so a search for a word inside a sentence
    would never match. One character a token makes every word a phrase."""
    # a table, not a pattern's substitution: a template expanded a character cost a Chinese
    # article a fifth of a millisecond of its ingest
    ranges = THAI + KANA + HAN + HANGUL  # "a-b" three characters a range, as inside [...]
    return {code: f" {chr(code)} " for first, last in zip(ranges[::3], ranges[2::3], strict=True)
            for code in range(ord(first), ord(last) + 1)}


def index_text(text: str) -> str:
    """The text as the FTS index stores it."""
    return text.translate(_spaced_out()) if UNSPACED.search(text) else text


def match_query(search: str) -> str | None:
    """An FTS5 MATCH expression where every word (or "quoted phrase") must occur; None if empty."""
    phrases = []
    for token in _QUERY_TOKEN.findall(search):
        prefix = token.endswith("*") and not token.startswith('"')
        words = _WORD.findall(index_text(token.strip('"').rstrip("*")))
        if not words:
            continue
        phrase = '"' + " ".join(words) + '"'
        phrases.append(phrase + ("*" if prefix else ""))
    return " AND ".join(phrases) if phrases else None
