"""Light markup found inside page texts and feed items: HTML tags, entities, Markdown links."""

from __future__ import annotations

import html
import re

# Tags are bounded in length and end at the next "<": on "<a <a <a ..." with no ">" an unbounded
# pattern scans to the end from every "<", quadratic in the text
_BLOCK_TAG = re.compile(r"<\s*/?\s*(p|br|div|li|h[1-6]|tr|blockquote|section|article)\b[^<>]{0,2000}>", re.I)
_ANY_TAG = re.compile(r"<[^<>]{0,2000}>")
_SCRIPT_START = re.compile(r"<(script|style)\b", re.I)
_SCRIPT_END = {name: re.compile(rf"</{name}\s*>", re.I) for name in ("script", "style")}
_MD_LINK = re.compile(r"\[([^\]\n]{0,500})\]\((https?://[^)\s]{1,2000})\)")
_HAS_TAG = re.compile(r"<\s*(p|br|div|span|strong|em|b|i|a|li|h[1-6])\b[^<>]{0,2000}>", re.I)
_BLANK_RUNS = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def strip_markup(text: str) -> tuple[str, list[str]]:
    """Text without HTML tags or Markdown link syntax, and the link targets that were removed."""
    links = [match.group(2) for match in _MD_LINK.finditer(text)]
    text = _MD_LINK.sub(r"\1", text)
    if _HAS_TAG.search(text):
        text = _without_scripts(text)
        text = _BLOCK_TAG.sub("\n", text)
        text = _ANY_TAG.sub("", text)
        text = html.unescape(text)
    return _BLANK_RUNS.sub("\n\n", text), links


def _without_scripts(text: str) -> str:
    """Text with each script and style element gone; one left open runs to the end."""
    kept: list[str] = []
    position = 0
    while (start := _SCRIPT_START.search(text, position)) is not None:
        kept.append(text[position : start.start()])
        close = _SCRIPT_END[start.group(1).lower()].search(text, start.end())
        if close is None:
            return "".join(kept)
        position = close.end()
        kept.append(" ")
    kept.append(text[position:])
    return "".join(kept)
