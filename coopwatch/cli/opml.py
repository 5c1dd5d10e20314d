"""OPML subscription lists: nested outlines in, OPML 2.0 out, so a list round-trips."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from datetime import UTC, datetime
from xml.sax.saxutils import quoteattr

from coopwatch.errors import UsageError
from coopwatch.filterspec import country_code
from coopwatch.safety import one_line
from coopwatch.types import Source
from coopwatch.webaddress import is_web_url

_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)


@dataclass(frozen=True)
class Subscription:
    """One feed of an OPML file, with the categories it sits under."""

    url: str
    title: str | None
    tags: tuple[str, ...]
    country: str | None = None  # the outline's country="RU": where the feed reports from


def read_opml(data: bytes, name: str) -> tuple[list[Subscription], list[str]]:
    """The feeds of an OPML document, and the outlines refused (with why)."""
    if _ENTITY.search(data[:65536]):
        raise UsageError(f"{name}: OPML with entity declarations is not accepted")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        line, column = error.position
        raise UsageError(f"{name}: invalid OPML at line {line}, column {column}: "
                         f"{str(error).split(':')[0]}") from None
    body = root.find("body")
    if root.tag != "opml" or body is None:
        raise UsageError(f"{name}: not an OPML file (no <opml><body>)")
    found: list[Subscription] = []
    refused: list[str] = []
    _walk(body, (), found, refused)
    return found, refused


def _walk(node: ElementTree.Element, tags: tuple[str, ...], found: list[Subscription],
          refused: list[str]) -> None:
    for outline in node.findall("outline"):
        label = (outline.get("title") or outline.get("text") or "").strip()
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url:
            own = tuple(tag.strip("/ ") for tag in (outline.get("category") or "").split(",")
                        if tag.strip("/ "))
            if is_web_url(url):
                found.append(Subscription(url, label or None, tuple(dict.fromkeys(tags + own)),
                                          country_code(outline.get("country") or "")))
            else:
                refused.append(f"{url[:80]}: only http and https feeds are accepted")
        else:
            _walk(outline, tags + ((label,) if label else ()), found, refused)


def write_opml(sources: list[Source]) -> str:
    """OPML 2.0 of the subscribed feeds, their tags as categories."""
    created = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">',
             f"  <head><title>coopwatch subscriptions</title><dateCreated>{created}</dateCreated></head>",
             "  <body>"]
    for source in sources:
        attributes = ['type="rss"', f"text={_attribute(source.title or source.url)}",
                      f"xmlUrl={_attribute(source.url)}"]
        if source.title:
            attributes.insert(1, f"title={_attribute(source.title)}")
        if source.tags:
            attributes.append(f"category={_attribute(','.join('/' + tag for tag in source.tags))}")
        if source.country:
            attributes.append(f"country={_attribute(source.country)}")
        lines.append(f"    <outline {' '.join(attributes)}/>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)


def _attribute(value: str) -> str:
    # control characters are not even allowed in XML; nor should they reach the terminal
    return quoteattr(one_line(value))
