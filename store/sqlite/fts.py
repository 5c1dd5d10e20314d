"""Text shaping for the FTS5 index: one token per character in scripts written without spaces."""

from __future__ import annotations

import re
from functools import cache

# Han, kana, Hangul syllables and Thai: unicode61 would make a whole run one token, so a search for
# a word inside a sentence would never match. One character a token makes every word a phrase.
_UNSPACED_RANGES = ((0x0E00, 0x0E7F), (0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
                    (0xAC00, 0xD7AF), (0xF900, 0xFAFF))
_UNSPACED = re.compile("[" + "".join(f"{chr(first)}-{chr(last)}" for first, last in _UNSPACED_RANGES) + "]")
_QUERY_TOKEN = re.compile(r'"[^"]*"|\S+')
_WORD = re.compile(r"[^\W_]+")


@cache  # made on the first such text: 8 ms that a command storing none need not pay
def _spaced_out() -> dict[int, str]:
    # a table, not the pattern's substitution: a template expanded a character cost a Chinese
    # article a fifth of a millisecond of its ingest
    return {code: f" {chr(code)} " for first, last in _UNSPACED_RANGES
            for code in range(first, last + 1)}


def index_text(text: str) -> str:
    """The text as the FTS index stores it."""
    return text.translate(_spaced_out()) if _UNSPACED.search(text) else text


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
