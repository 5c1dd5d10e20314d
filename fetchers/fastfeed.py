"""The plainest feeds read in C: UTF-8 RSS 2.0 and Atom 1.0 whose entries hold only the
elements read here.

feedparser is the parser of record, and reading a 50-item feed costs it some 11 ms of Python
where lxml needs under 1 ms: in a big sync, the main process's largest cost after storing. This
module gives, for the documents it is sure to read as feedparser does, the few values
coopwatch takes from feedparser's result (feedfile.parse_feed), with feedparser's own rules
applied to them: its date parser, its whitespace stripping, its repair of UTF-8 text that was
decoded as Latin-1, its mapping of C1 controls to Windows-1252, its link fix-ups, its choice
between a guid (or an Atom id) and a link, and the feed's xml:lang as its language. Anything
else (another format or encoding, a DOCTYPE, xml:base, xml:lang below an Atom feed's root, an
element or attribute this module does not know, markup or a comment inside a text element, an
Atom text that is not plain or escaped HTML, a repeated element) is None, and feedparser reads
it. tests/test_fastfeed.py checks that both readings give the same articles for every feed of
../shared/corpora/feeds and for generated ones.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

try:
    from feedparser.datetimes import _parse_date as feedparser_date
except ImportError:  # a feedparser whose date parser moved: every feed is feedparser's
    feedparser_date = None

_CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_ATOM = "{http://www.w3.org/2005/Atom}"
# what feedparser does with each item element this module reads (None: nothing it is read for)
_ITEM_TEXT = {"title": "title", "link": "link", "guid": "id", "description": "summary",
              "pubDate": "published", f"{_CONTENT}encoded": "content", f"{_DC}date": "updated"}
_MEDIA = "{http://search.yahoo.com/mrss/}"
_ITEM_OTHER = {"category", "author", "comments", "enclosure", f"{_DC}creator", f"{_DC}subject",
               "{http://wellformedweb.org/CommentAPI/}commentRss",
               "{http://purl.org/rss/1.0/modules/slash/}comments",
               f"{_MEDIA}thumbnail", f"{_MEDIA}content"}
_ITEM_ATTRIBUTES = {"guid": {"isPermaLink"}, "category": {"domain"},
                    "enclosure": {"url", "length", "type"}}
_ANY_ATTRIBUTES = {f"{_MEDIA}thumbnail", f"{_MEDIA}content"}  # feedparser keeps them apart
_CHANNEL_TEXT = {"title", "language", "ttl"}
_CHANNEL_OTHER = {"link", "description", "lastBuildDate", "pubDate", "generator", "docs",
                  "copyright", "managingEditor", "webMaster", "category", "image", "cloud",
                  f"{_ATOM}link", "{http://purl.org/rss/1.0/modules/syndication/}updatePeriod",
                  "{http://purl.org/rss/1.0/modules/syndication/}updateFrequency"}
_DECLARATION = re.compile(rb"\A(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']+)")
_REFUSED_MARKUP = re.compile(rb"<!DOCTYPE|<!ENTITY|xml:base", re.IGNORECASE)
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Atom 1.0: what feedparser does with each entry element read here, and those it keeps apart
_ATOM_TEXT = {f"{_ATOM}title": "title", f"{_ATOM}id": "id", f"{_ATOM}summary": "summary",
              f"{_ATOM}content": "content", f"{_ATOM}published": "published",
              f"{_ATOM}updated": "updated"}
_ATOM_PEOPLE = {f"{_ATOM}author", f"{_ATOM}contributor"}
_ATOM_PERSON = {f"{_ATOM}name", f"{_ATOM}email", f"{_ATOM}uri"}
_ATOM_LINK_ATTRIBUTES = {"href", "rel", "type", "hreflang", "title", "length"}
_ATOM_TEXT_TYPES = {None, "text", "html"}  # others are xhtml markup or base64 to feedparser
_ATOM_FEED_OTHER = {f"{_ATOM}{name}" for name in
                    ("subtitle", "id", "updated", "link", "generator", "icon", "logo", "rights",
                     "category", "author", "contributor")}
_XML_MEDIA_TYPES = {"application/rss+xml", "application/xml", "application/rdf+xml",
                    "application/atom+xml"}
_UNESCAPED_REFERENCE = re.compile("&([A-Za-z0-9_]+);")
# feedparser's own table (feedparser.html._cp1252): C1 controls as Windows-1252 means them
_CP1252 = {code: bytes([code]).decode("cp1252") for code in range(0x80, 0xA0)
           if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_C1 = re.compile("[\x80-\x9f]")


@dataclass
class FastFeed:
    """What feedparser.parse() gives for the values coopwatch reads: .feed and .entries."""

    feed: dict[str, Any]
    entries: list[dict[str, Any]] = field(default_factory=list)


def parse_plain_feed(data: bytes, content_type: str | None) -> FastFeed | None:
    """The feed as feedparser would give it, or None when this module is not sure to."""
    if feedparser_date is None or not _utf8_xml(data, content_type) or \
            _REFUSED_MARKUP.search(data):
        return None
    try:
        # a parser for each document: lxml's parsers are not to be shared between threads
        root = etree.fromstring(data, etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False))
    except (etree.XMLSyntaxError, ValueError):
        return None
    languages = data.count(b"xml:lang")
    if root.tag == f"{_ATOM}feed" and languages <= 1 and (not languages or root.get(_XML_LANG)):
        return _atom(root)
    return _rss(root) if not languages else None


def _rss(root: etree._Element) -> FastFeed | None:
    if root.tag != "rss" or root.get("version") != "2.0" or len(root) != 1 or \
            root[0].tag != "channel" or set(root.attrib) - {"version"} or root[0].attrib:
        return None
    feed: dict[str, Any] = {}
    entries: list[dict[str, Any]] = []
    for child in root[0]:
        tag = child.tag
        if tag == "item":
            entry = _rss_item(child)
            if entry is None:
                return None
            entries.append(entry)
        elif tag in _CHANNEL_TEXT:
            if tag in feed or child.attrib or len(child):
                return None
            feed[tag] = _text(child.text)
        elif tag not in _CHANNEL_OTHER:
            return None
    return FastFeed(feed, entries) if entries else None


def _atom(root: etree._Element) -> FastFeed | None:
    if set(root.attrib) - {_XML_LANG, "version"} or root.get("version"):
        return None  # Atom 0.3 and others are feedparser's
    feed: dict[str, Any] = {}
    language = root.get(_XML_LANG)
    if language:
        feed["language"] = language.replace("_", "-")
    entries: list[dict[str, Any]] = []
    for child in root:
        tag = child.tag
        if tag == f"{_ATOM}entry":
            entry = _atom_entry(child)
            if entry is None:
                return None
            entries.append(entry)
        elif tag == f"{_ATOM}title":
            if "title" in feed or not _atom_text_element(child):
                return None
            feed["title"] = _text(child.text)
        elif tag not in _ATOM_FEED_OTHER or not _plain_subtree(child):
            return None
    return FastFeed(feed, entries) if entries else None


def _atom_entry(entry_element: etree._Element) -> dict[str, Any] | None:
    found: dict[str, str] = {}
    link: str | None = None
    for child in entry_element:
        tag = child.tag
        key = _ATOM_TEXT.get(tag)
        if key is not None:
            if key in found or not _atom_text_element(child):
                return None
            found[key] = _text(child.text)
        elif tag == f"{_ATOM}link":
            if len(child) or set(child.attrib) - _ATOM_LINK_ATTRIBUTES or not child.get("href"):
                return None
            rel = child.get("rel", "alternate").lower()
            kind = child.get("type", "application/atom+xml" if rel == "self" else "text/html")
            if rel == "alternate" and kind.lower() in ("text/html", "application/xhtml+xml"):
                link = child.get("href")  # the last one, as feedparser keeps
        elif tag in _ATOM_PEOPLE:
            if child.attrib or any(not isinstance(part.tag, str) or part.tag not in _ATOM_PERSON
                                   or len(part) or part.attrib for part in child):
                return None
        elif tag == f"{_ATOM}category" or tag in _ANY_ATTRIBUTES:
            if len(child):
                return None
        else:
            return None
    entry: dict[str, Any] = {key: found[key] for key in ("title", "id", "summary") if key in found}
    if "content" in found:
        entry["content"] = [{"value": found["content"]}]
        entry.setdefault("summary", found["content"])
    if link is not None:
        entry["link"] = link
    elif "id" in found:
        entry["link"] = found["id"]  # feedparser takes an entry's id for a missing link
    for key in ("published", "updated"):
        if key in found:
            entry[f"{key}_parsed"] = _date(found[key])
    return entry


def _atom_text_element(element: etree._Element) -> bool:
    """A text construct feedparser reads as its text: plain or escaped HTML, no markup."""
    kind = element.get("type")
    return not len(element) and not (set(element.attrib) - {"type"}) and \
        (kind.lower() if kind else None) in _ATOM_TEXT_TYPES


def _plain_subtree(element: etree._Element) -> bool:
    """A feed-level element that holds no comment (whose text feedparser would split)."""
    return all(isinstance(part.tag, str) for part in element.iter())


def _utf8_xml(data: bytes, content_type: str | None) -> bool:
    """Whether feedparser would read the bytes as UTF-8 XML: an XML media type whose charset,
    if any, is UTF-8, and a document that declares UTF-8 or nothing."""
    if content_type:
        media, _, parameters = content_type.partition(";")
        if media.strip().lower() not in _XML_MEDIA_TYPES:
            return False
        charset = re.search(r"charset\s*=\s*[\"']?([^\"';\s]+)", parameters, re.IGNORECASE)
        if charset and charset.group(1).lower() not in ("utf-8", "utf8"):
            return False
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return False
    declared = _DECLARATION.match(data)
    return declared is None or declared.group(1).lower() in (b"utf-8", b"utf8")


def _rss_item(item: etree._Element) -> dict[str, Any] | None:
    found: dict[str, str] = {}
    permalink = True
    for child in item:
        tag = child.tag
        if not isinstance(tag, str) or len(child):
            return None  # a comment, or markup inside: feedparser's pieces differ
        key = _ITEM_TEXT.get(tag)
        allowed = _ITEM_ATTRIBUTES.get(tag, set())
        if (set(child.attrib) - allowed and tag not in _ANY_ATTRIBUTES) or \
                (key is None and tag not in _ITEM_OTHER):
            return None
        if key is None:
            continue
        if key in found:
            return None  # which one feedparser keeps depends on where each stands
        found[key] = _text(child.text)
        if tag == "guid":
            permalink = child.get("isPermaLink", "true") == "true"
    entry: dict[str, Any] = {}
    for key in ("title", "id", "summary"):
        if key in found:
            entry[key] = found[key]
    if "content" in found:
        entry["content"] = [{"value": found["content"]}]
        entry.setdefault("summary", found["content"])  # feedparser copies it when none is given
    if "link" in found:
        entry["link"] = _UNESCAPED_REFERENCE.sub(r"&\g<1>", found["link"].replace("&amp;", "&"))
    elif permalink and "id" in found:
        entry["link"] = found["id"]
    for key in ("published", "updated"):
        if key in found:
            entry[f"{key}_parsed"] = _date(found[key])
    return entry


def _text(text: str | None) -> str:
    """An element's text after feedparser's own steps (mixin.pop)."""
    output = (text or "").strip()
    try:
        # text that was UTF-8 read as Latin-1 is repaired ...
        output = output.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    # ... and C1 controls taken as Windows-1252 (looked for first: translate() is slow)
    return output.translate(_CP1252) if _C1.search(output) else output


def _date(text: str) -> time.struct_time | None:
    return feedparser_date(text) if feedparser_date is not None else None
