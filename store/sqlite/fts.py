"""Text shaping for the FTS5 index: one token per character in scripts written without spaces."""

from __future__ import annotations

import re

# Han, kana, Hangul syllables and Thai: unicode61 would make a whole run one token, so a search for
# a word inside a sentence would never match. One character a token makes every word a phrase.
_UNSPACED = re.compile(
    r"([\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff])"
)
_QUERY_TOKEN = re.compile(r'"[^"]*"|\S+')
_WORD = re.compile(r"[^\W_]+")


def index_text(text: str) -> str:
    """The text as the FTS index stores it."""
    return _UNSPACED.sub(r" \1 ", text)


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
