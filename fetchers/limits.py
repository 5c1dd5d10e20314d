"""Markup whose parsing would cost far more than its size, found before a parser is called.

The parsers are linear in most of what they read but not in everything: libxml2 (lxml, and so
trafilatura) and feedparser compare each attribute of an element with the ones before it, so one
element with 200,000 attributes takes minutes; feedparser spends some 10 µs on every element, and
trafilatura more, so a page of a million tiny elements takes half a minute. The checks here are
one pass over the text, and each refusal names what was too much.
"""

from __future__ import annotations

import itertools
import re

MAX_ELEMENTS = 100_000  # a long real page has some 30,000; a 10 MB feed of 2,000 items fewer
MAX_ATTRIBUTES = 5_000  # in one element: libxml2 needs about 0.04 s for these, 8 s for 40,000
MAX_FEED_ITEMS = 2_000  # kept from one feed document, in order: a feed is its newest items

_ELEMENT_START = re.compile(r"<[A-Za-z]")
# where a start tag, an end tag, a comment or a declaration begins, as an HTML5 tokenizer sees it
_MARKUP_START = re.compile(r"<(?:!--|[A-Za-z/!?])")
_TAG_NAME = re.compile(r"/?([A-Za-z][^\s/>]*)")
_UNQUOTED = re.compile(r"[^>=]*")
_SPACES = re.compile(r"\s*")
# elements whose content an HTML tokenizer reads as text up to their end tag
_RAW_TEXT = {name: re.compile(rf"</{name}[\s/>]", re.IGNORECASE)
             for name in ("script", "style", "textarea", "title", "xmp", "iframe", "noembed",
                          "noframes", "noscript")}
_ITEM_START = re.compile(rb"<(?:[A-Za-z][\w.-]*:)?(?:item|entry)[\s>/]")
_ITEM_END = re.compile(rb"</(?:[A-Za-z][\w.-]*:)?(?:item|entry)\s*>")


class TooCostly(ValueError):
    """Input that would take far longer to parse than its size suggests; str() says why."""


def check_tags(text: str) -> None:
    """Raise TooCostly for a text with more tags than MAX_ELEMENTS."""
    elements = len(_ELEMENT_START.findall(text))
    if elements > MAX_ELEMENTS:
        raise TooCostly(f"too complex: {elements:,} elements (limit {MAX_ELEMENTS:,})")


def check_markup(text: str, html: bool) -> None:
    """Raise TooCostly for markup with too many elements, or an element with too many
    attributes. html: read as an HTML tokenizer does (raw text in script, style, title...);
    otherwise as XML, where every element's content is markup."""
    check_tags(text)
    if len(text) < 2 * MAX_ATTRIBUTES:
        return  # each attribute takes a name and a space
    worst = _most_attributes(text, html)
    if worst > MAX_ATTRIBUTES:
        raise TooCostly(f"too complex: an element with more than {MAX_ATTRIBUTES:,} attributes")


def _most_attributes(text: str, html: bool) -> int:
    """The most attributes any one tag has, reading quotes as an HTML5 tokenizer does: a quote
    opens a value only after "=", and a ">" inside a quoted value does not end the tag."""
    worst, position, size = 0, 0, len(text)
    while (start := _MARKUP_START.search(text, position)) is not None:
        opener = start.group()
        if opener == "<!--":
            end = text.find("-->", start.end())
            position = size if end < 0 else end + 3
            continue
        if opener in ("<!", "<?") and not text.startswith("<![CDATA[", start.start()):
            end = text.find(">", start.end())  # a declaration or bogus comment ends at its ">"
            position = size if end < 0 else end + 1
            continue
        if opener == "<!":  # CDATA: text up to its close
            end = text.find("]]>", start.end())
            position = size if end < 0 else end + 3
            continue
        name = _TAG_NAME.match(text, start.start() + 1)
        count, position = _tag_attributes(text, start.start() + 1, size)
        worst = max(worst, count)
        if worst > MAX_ATTRIBUTES:
            return worst
        tag = name.group(1).lower() if name else ""
        if html and tag in _RAW_TEXT and name is not None and not name.group().startswith("/"):
            close = _RAW_TEXT[tag].search(text, position)
            position = size if close is None else close.start()
    return worst


def _tag_attributes(text: str, position: int, size: int) -> tuple[int, int]:
    """Attributes in the tag that begins at position (its name is not counted), and where the
    tag ends."""
    count = -1
    while position < size:
        run = _UNQUOTED.match(text, position)
        count += len(run.group().split())  # type: ignore[union-attr]
        position = run.end()  # type: ignore[union-attr]
        if position >= size or text[position] == ">":
            return max(count, 0), position + 1
        position = _SPACES.match(text, position + 1).end()  # type: ignore[union-attr]
        if position < size and text[position] in "\"'":
            close = text.find(text[position], position + 1)
            if close < 0:
                return max(count, 0), size
            position = close + 1
        if count > MAX_ATTRIBUTES:
            return count, position
    return max(count, 0), size


def item_pieces(data: bytes) -> tuple[list[bytes], int]:
    """A feed document as documents of at most MAX_FEED_ITEMS items each (its head and tail
    around each run of items), in order, and how many items it has. A document with no more
    items is its own only piece."""
    starts = [match.start() for match in _ITEM_START.finditer(data)]
    if len(starts) <= MAX_FEED_ITEMS:
        return [data], len(starts)
    ends = [match.end() for match in _ITEM_END.finditer(data, starts[-1])]
    end = ends[-1] if ends else len(data)
    head, tail = data[: starts[0]], data[end:]
    bounds = [*starts[::MAX_FEED_ITEMS], end]
    return [head + data[start:stop] + tail for start, stop in itertools.pairwise(bounds)], len(starts)
