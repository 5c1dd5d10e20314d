"""Feed documents (RSS 0.9x/1.0/2.0, Atom, JSON Feed) into raw articles, with feedparser."""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass

import feedparser

from coopwatch.fetchers.decode import clean_text, decode_bytes
from coopwatch.fetchers.fastfeed import FastFeed, parse_plain_feed
from coopwatch.fetchers.limits import MAX_FEED_ITEMS, TooCostly, check_markup, item_pieces
from coopwatch.fetchers.markup import strip_markup
from coopwatch.fetchers.pagetext import address_date
from coopwatch.types import RawArticle


class FeedParseError(ValueError):
    """The bytes are not a feed we can read."""


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's own metadata and its items."""

    title: str | None
    language: str | None
    articles: list[RawArticle]
    ttl_minutes: int | None = None
    items_in_document: int = 0  # more than were read when the document was cut to its first items


def _date(struct: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%d", struct) if struct else None


def _item_text(entry: dict) -> str:
    contents = entry.get("content") or []
    html = max((c.get("value", "") for c in contents), key=len, default="")
    if len(html) < len(entry.get("summary", "")):
        html = entry.get("summary", "")
    text, _ = strip_markup(html)
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


def _entry_key(entry: dict, title: str, body: str) -> str:
    key = entry.get("id") or entry.get("link")
    if key:
        return str(key)
    return "sha256:" + hashlib.sha256(f"{title}\n{body}".encode()).hexdigest()


def parse_feed(data: bytes, source: str, content_type: str | None = None,
               all_items: bool = False) -> ParsedFeed:
    """The items of a feed document, the first MAX_FEED_ITEMS unless all_items (a local file
    asked for by name is read whole, in pieces of that many); raises FeedParseError when it
    holds no feed at all, or one that would cost far more to parse than its size."""
    if data.lstrip()[:1] in (b"{", b"["):
        return _parse_json_feed(data, source, all_items)
    if _looks_like_html(data, content_type):
        raise FeedParseError("not a feed: the server sent an HTML page")
    pieces, items = item_pieces(data)
    parsed = [_parse_xml(piece, content_type) for piece in (pieces if all_items else pieces[:1])]
    feed = parsed[0].feed
    language = (feed.get("language") or "").split("-")[0].lower() or None
    seen: set[str] = set()
    articles = []
    for entry in (entry for part in parsed for entry in part.entries):
        title = clean_text(strip_markup(entry.get("title", ""))[0]).strip()
        body = clean_text(_item_text(entry))
        key = _entry_key(entry, title, body)
        if key in seen or not (title or body):
            continue
        seen.add(key)
        articles.append(
            RawArticle(
                source=source, entry_key=key, title=title or None, body=body,
                url=entry.get("link") or None,
                published=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
                date_hints=_address_hints(entry.get("link")),
                language_hint=language,
            )
        )
    ttl = str(feed.get("ttl") or "")
    return ParsedFeed(
        title=clean_text(feed.get("title", "")).strip() or None,
        language=language,
        articles=articles,
        ttl_minutes=int(ttl) if ttl.isdigit() else None,
        items_in_document=items,
    )


def _parse_xml(data: bytes, content_type: str | None) -> feedparser.FeedParserDict | FastFeed:
    try:
        # latin-1 maps each byte to one character: the check reads markup, not the text
        check_markup(data.decode("latin-1"), html=False)
    except TooCostly as error:
        raise FeedParseError(f"not read: {error}") from None
    plain = parse_plain_feed(data, content_type)
    if plain is not None:
        return plain
    headers = {"content-type": content_type} if content_type else None
    try:
        parsed = feedparser.parse(data, response_headers=headers, sanitize_html=False,
                                  resolve_relative_uris=False)
    # feedparser's own bugs surface as any exception (ValueError for a NUL in a declared
    # encoding); on untrusted bytes each is this feed's error, never the sync's
    except Exception as error:  # noqa: BLE001
        raise FeedParseError(f"not a feed ({type(error).__name__}: {_one_line(error)})") from None
    version = parsed.get("version", "")
    reason = parsed.get("bozo_exception")
    if not version and not parsed.entries:
        raise FeedParseError(f"not a feed ({_one_line(reason) if reason else 'no feed elements'})")
    if not parsed.entries and reason is not None and "SAX" in type(reason).__name__:
        raise FeedParseError(f"broken or truncated feed ({_one_line(reason)})")
    return parsed


def _address_hints(link: object) -> tuple[str, ...]:
    """The day an item's own address gives, for items whose feed states no date."""
    day = address_date(link) if isinstance(link, str) else None
    return (day,) if day else ()


def _looks_like_html(data: bytes, content_type: str | None) -> bool:
    head = data.lstrip()[:512].lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return True
    return bool(content_type and "html" in content_type.lower() and b"<rss" not in head
                and b"<feed" not in head and b"<rdf" not in head)


def _one_line(exc: object) -> str:
    return " ".join(str(exc).split())[:200]


def _parse_json_feed(data: bytes, source: str, all_items: bool) -> ParsedFeed:
    """JSON Feed 1.0/1.1 (jsonfeed.org), which feedparser 6.0 does not read."""
    try:
        document = json.loads(decode_bytes(data))
    except ValueError as exc:
        raise FeedParseError(f"not a feed (invalid JSON: {_one_line(exc)})") from None
    except RecursionError:
        raise FeedParseError("not a feed (JSON nested too deep)") from None
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        raise FeedParseError("not a feed (JSON without an items list)")
    language = str(document.get("language") or "").split("-")[0].lower() or None
    articles = []
    seen: set[str] = set()
    items = document["items"]
    for item in items if all_items else items[:MAX_FEED_ITEMS]:
        if not isinstance(item, dict):
            continue
        title = clean_text(str(item.get("title") or "")).strip()
        html = str(item.get("content_html") or "")
        text = str(item.get("content_text") or "") or strip_markup(html)[0]
        body = clean_text(text or str(item.get("summary") or "")).strip()
        key = str(item.get("id") or item.get("url") or "") or _entry_key({}, title, body)
        if key in seen or not (title or body):
            continue
        seen.add(key)
        published = str(item.get("date_published") or item.get("date_modified") or "")[:10]
        articles.append(
            RawArticle(
                source=source, entry_key=key, title=title or None, body=body,
                url=str(item.get("url") or "") or None,
                published=published if _is_iso_day(published) else None,
                date_hints=_address_hints(str(item.get("url") or "")),
                language_hint=str(item.get("language") or "").split("-")[0].lower() or language,
            )
        )
    return ParsedFeed(
        title=clean_text(str(document.get("title") or "")).strip() or None,
        language=language,
        articles=articles,
        items_in_document=len(items),
    )


def _is_iso_day(text: str) -> bool:
    try:
        time.strptime(text, "%Y-%m-%d")
    except ValueError:
        return False
    return True
