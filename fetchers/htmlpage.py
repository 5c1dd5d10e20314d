"""HTML pages: the main text and metadata, by trafilatura."""

from __future__ import annotations

import logging

import trafilatura

from coopwatch.fetchers.decode import decode_bytes
from coopwatch.fetchers.pagetext import PageText

# trafilatura logs every page it finds too short at WARNING; that is our skip reason to give.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def parse_html(html: str, url: str | None = None) -> tuple[PageText, str | None, str | None]:
    """The page's headline, main text and stated date, plus its language and canonical URL."""
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None:
        return PageText(title=None, body="", date_hints=()), None, None
    date = (document.date or "")[:10] or None
    title = (document.title or "").strip() or None
    paragraphs = [line.strip() for line in (document.text or "").split("\n") if line.strip()]
    if paragraphs and paragraphs[0] == title:  # trafilatura keeps the <h1> in the text
        paragraphs = paragraphs[1:]
    page = PageText(title=title, body="\n\n".join(paragraphs), date_hints=(date,) if date else ())
    return page, document.language, document.url


def page_main_text(data: bytes, content_type: str | None, url: str) -> str:
    """The story in a fetched article page, or "" when the page holds none (or is not HTML)."""
    if content_type and "html" not in content_type.lower():
        return ""
    declared = None
    if content_type and "charset=" in content_type.lower():
        declared = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
    page, _, _ = parse_html(decode_bytes(data, declared), url)
    return page.body
