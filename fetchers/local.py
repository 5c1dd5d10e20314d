"""Local files and folders into raw articles; a bad file is skipped with a reason, never raised."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from coopwatch.fetchers.decode import decode_bytes
from coopwatch.fetchers.feedfile import FeedParseError, parse_feed
from coopwatch.fetchers.htmlpage import parse_html
from coopwatch.fetchers.limits import TooCostly
from coopwatch.fetchers.pagetext import parse_page_text
from coopwatch.types import RawArticle, Skipped

PAGE_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
FEED_SUFFIXES = {".xml", ".rss", ".atom", ".json"}
SUPPORTED_SUFFIXES = PAGE_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
MAX_FILE_BYTES = 16 * 1024 * 1024  # a page or feed file is never this large; bounds memory


def display_path(path: Path) -> str:
    """A path as text even when its name is not valid UTF-8 (each bad byte shown as U+FFFD)."""
    return os.fsencode(path).decode("utf-8", "replace")


def walk(root: Path) -> Iterator[Path | Skipped]:
    """Supported files under root (or root itself), following links but never a loop twice."""
    if not root.is_dir():
        if root.suffix.lower() in SUPPORTED_SUFFIXES:
            yield root
        else:
            yield Skipped(display_path(root), f"unsupported file type {root.suffix or '(none)'}")
        return
    seen_dirs: set[tuple[int, int]] = set()
    for folder, dirnames, filenames in os.walk(root, followlinks=True, onerror=None):
        try:
            info = os.stat(folder)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in seen_dirs:
            dirnames[:] = []
            continue
        seen_dirs.add((info.st_dev, info.st_ino))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "__")))
        for name in sorted(filenames):
            path = Path(folder) / name
            if not name.startswith(".") and path.suffix.lower() in SUPPORTED_SUFFIXES:
                yield path


def read_file(path: Path) -> list[RawArticle] | Skipped:
    """The articles in one local file, or why it was skipped."""
    shown = display_path(path.absolute())
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return Skipped(shown, f"too large ({size // (1024 * 1024)} MB)")
        if not path.is_file():
            return Skipped(shown, "not a regular file")
        data = path.read_bytes()
    except OSError as exc:
        return Skipped(shown, f"cannot read: {exc.strerror or exc}")
    if not data.strip():
        return Skipped(shown, "empty file")
    return parse_local(data, kind_of(path), shown)


def kind_of(path: Path) -> str:
    """How a local file is read: "feed", "html" or "text"."""
    suffix = path.suffix.lower()
    return "feed" if suffix in FEED_SUFFIXES else "html" if suffix in HTML_SUFFIXES else "text"


def parse_local(data: bytes, kind: str, shown: str) -> list[RawArticle] | Skipped:
    """The articles in a local file's bytes read as kind (see kind_of), or why there are none."""
    if kind == "feed":
        try:
            return parse_feed(data, shown, all_items=True).articles or Skipped(shown, "feed has no items")
        except FeedParseError as exc:
            return Skipped(shown, str(exc))
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Skipped(shown, "binary file, not text")
    text = decode_bytes(data)
    if kind == "html":
        try:
            page, language, url = parse_html(text)
        except TooCostly as error:
            return Skipped(shown, f"not read: {error}")
        article = RawArticle(source=shown, entry_key="", title=page.title, body=page.body,
                             url=url, date_hints=page.date_hints, language_hint=language)
    else:
        try:
            page = parse_page_text(text)
        except TooCostly as error:
            return Skipped(shown, f"not read: {error}")
        article = RawArticle(source=shown, entry_key="", title=page.title, body=page.body,
                             date_hints=page.date_hints)
    if not (article.body or article.title):
        return Skipped(shown, "no article text found")
    return [article]
