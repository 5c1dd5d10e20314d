"""HTML pages: the main text and metadata, by trafilatura, and the date the page states.

trafilatura's date (htmldate) also reads dates of other stories, such as a related-stories list
below the article, so the page's own statements come first: its published-time metadata
(never the modified time), its JSON-LD datePublished, a <time> or date line above the story,
then its own address; trafilatura's date only when none of these gives one and the page's head
writes it.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator

import lxml.html
import trafilatura

from coopwatch.fetchers.decode import decode_bytes
from coopwatch.fetchers.limits import TooCostly, check_markup
from coopwatch.fetchers.pagetext import PageText, address_date, own_addresses

# trafilatura logs every page it finds too short at WARNING; that is our skip reason to give.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
log = logging.getLogger("coopwatch.fetchers")

_PUBLISHED_KEYS = {  # <meta property|name|itemprop> naming the publication time, lower case
    "article:published_time", "og:published_time", "published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "publish_date", "dc.date.issued", "dcterms.issued",
    "dc.date", "dcterms.date", "sailthru.date", "parsely-pub-date", "citation_publication_date",
    "article.published", "originalpublicationdate",
}
_ISO_DAY = re.compile(r"^\s*((?:19|20)\d{2})-?(\d{2})-?(\d{2})(?:$|[T\s])")
_DATE_ROLE = re.compile(r"date|time|byline|publish|posted|dateline|meta", re.IGNORECASE)
_MODIFIED_META = re.compile(r"<meta\b[^>]*(?:modified|updated|lastmod)[^>]*>", re.IGNORECASE)
MAX_DATE_LINE_CHARS = 160  # a date line above the story, not a block of text


def parse_html(html: str, url: str | None = None) -> tuple[PageText, str | None, str | None]:
    """The page's headline, main text and stated date, plus its language and canonical URL;
    raises TooCostly for markup that would take far longer to parse than its size."""
    check_markup(html, html=True)
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None or isinstance(document, dict):  # a dict only when as_dict is asked for
        return PageText(title=None, body="", date_hints=()), None, None
    # the page's own address: its canonical link or og:url (trafilatura's url), else the mark
    # a browser writes at the top of a page it saves
    own_url = document.url or next(iter(own_addresses(html[:4096])), None)
    title = (document.title or "").strip() or None
    paragraphs = [line.strip() for line in (document.text or "").split("\n") if line.strip()]
    if paragraphs and paragraphs[0] == title:  # trafilatura keeps the <h1> in the text
        paragraphs = paragraphs[1:]
    stated = [*_page_dates(html, paragraphs[:3]), address_date(own_url),
              _head_stated((document.date or "")[:10], html)]
    hints = tuple(dict.fromkeys(hint for hint in stated if hint))
    page = PageText(title=title, body="\n\n".join(paragraphs), date_hints=hints)
    return page, document.language, own_url


def _page_dates(html: str, first_paragraphs: list[str]) -> Iterator[str]:
    """What the page states as its own date: metadata days, then lines above the story."""
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        if key.strip().lower() in _PUBLISHED_KEYS:
            yield from _iso_day(meta.get("content"))
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        yield from _iso_day(_json_ld_published(script.text or ""))
    for element in tree.xpath('//*[@itemprop="datePublished"]'):
        yield from _iso_day(element.get("content") or element.get("datetime"))
    yield from _above_story(tree, first_paragraphs)


def _above_story(tree: lxml.html.HtmlElement, first_paragraphs: list[str]) -> Iterator[str]:
    """<time> days and short date lines (a byline, a dateline) before the story's first <p>;
    a page whose story cannot be found gives none, as its related lists look the same."""
    openings = tuple(paragraph[:40] for paragraph in first_paragraphs if paragraph)
    if not openings:
        return
    found: list[str] = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # a comment or processing instruction
        if element.tag == "p" and (element.text_content() or "").strip().startswith(openings):
            yield from found
            return
        if element.tag == "time":
            found.extend(_iso_day(element.get("datetime")))
        role = f"{element.get('class', '')} {element.get('id', '')} {element.get('itemprop', '')}"
        if element.tag != "time" and _DATE_ROLE.search(role):
            line = " ".join((element.text_content() or "").split())
            if line and len(line) <= MAX_DATE_LINE_CHARS and re.search(r"\d", line):
                found.append(line)


def _head_stated(day: str, html: str) -> str | None:
    """trafilatura's day when the page's <head> writes it (metadata we do not read ourselves);
    found only in the body, it may be another story's, from a list of them."""
    head_end = html.lower().find("</head>")
    head = _MODIFIED_META.sub("", html[:head_end]) if head_end > 0 else ""
    return day if day and (day in head or day.replace("-", "") in head) else None


def _iso_day(value: str | None) -> Iterator[str]:
    match = _ISO_DAY.match(value or "")
    if match:
        yield "-".join(match.groups())


def _json_ld_published(text: str) -> str | None:
    """The first datePublished in a JSON-LD block, at any depth (@graph, a list of items)."""
    try:
        pending = [json.loads(text)]
    except ValueError:
        return None
    while pending:
        item = pending.pop(0)
        if isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                return str(item["datePublished"])
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)
    return None


def page_main_text(data: bytes, content_type: str | None, url: str) -> str:
    """The story in a fetched article page, or "" when the page holds none (or is not HTML)."""
    if content_type and "html" not in content_type.lower():
        return ""
    declared = None
    if content_type and "charset=" in content_type.lower():
        declared = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
    try:
        page, _, _ = parse_html(decode_bytes(data, declared), url)
    except TooCostly as error:
        log.info("full text not read url=%s reason=%s", url, error)
        return ""
    return page.body
