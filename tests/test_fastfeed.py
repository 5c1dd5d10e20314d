"""The fast reading of plain RSS gives the same articles as feedparser, or leaves the feed to it."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import coopwatch.fetchers.feedfile as feedfile
from coopwatch.fetchers.fastfeed import parse_plain_feed
from coopwatch.fetchers.feedfile import FeedParseError, ParsedFeed, parse_feed

from conftest import FIXTURES, shared_path

CONTENT_TYPES = (None, "application/rss+xml", "application/rss+xml; charset=utf-8",
                 "application/xml; charset=UTF-8", "text/xml", "application/rss+xml; charset=latin-1")


def _by_feedparser(data: bytes, content_type: str | None, monkeypatch: pytest.MonkeyPatch
                   ) -> ParsedFeed | str:
    with monkeypatch.context() as patch:
        patch.setattr(feedfile, "parse_plain_feed", lambda data, content_type: None)
        return _parsed(data, content_type)


def _parsed(data: bytes, content_type: str | None) -> ParsedFeed | str:
    try:
        return parse_feed(data, "feed", content_type)
    except FeedParseError as error:
        return f"error: {error}"


def _both(data: bytes, content_type: str | None, monkeypatch: pytest.MonkeyPatch
          ) -> tuple[bool, ParsedFeed | str, ParsedFeed | str]:
    fast = parse_plain_feed(data, content_type) is not None
    return fast, _parsed(data, content_type), _by_feedparser(data, content_type, monkeypatch)


def test_a_plain_feed_is_read_fast_and_as_feedparser_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (FIXTURES / "feed.rss").read_bytes()
    for content_type in CONTENT_TYPES[:4]:
        fast, ours, theirs = _both(data, content_type, monkeypatch)
        assert fast
        assert ours == theirs
    assert isinstance(ours, ParsedFeed)
    assert ours.language == "en" and ours.ttl_minutes == 60
    assert [article.title for article in ours.articles] == [
        "India and France launch a joint satellite programme", "Brazil and China open a research centre"]


def test_a_wordpress_style_feed_is_read_fast_and_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (FIXTURES / "wordpress.rss").read_bytes()
    fast, ours, theirs = _both(data, "application/rss+xml; charset=UTF-8", monkeypatch)
    assert fast
    assert ours == theirs
    assert isinstance(ours, ParsedFeed)
    first, second, third = ours.articles
    assert first.url == "https://blog.example.net/2024/05/07/joint-lab/?a=1&b=2"
    assert first.published == "2024-05-07"  # +0900 in the feed: feedparser's day in UTC
    assert "Korea and Finland" in first.body and "<p>" not in first.body
    assert second.url == "https://blog.example.net/?p=42"  # a permalink guid stands for the link
    assert second.published == "2024-05-08"  # from dc:date
    assert third.url is None and third.title == "Café culture: “Kaffee” in Wien"


@pytest.mark.parametrize(("fixture", "change"), [
    ("feed.rss", (b'<rss version="2.0">', b'<!DOCTYPE rss [<!ENTITY e "x">]><rss version="2.0">')),
    ("feed.rss", (b'<rss version="2.0">', b'<rss version="2.0" xml:base="https://elsewhere.example/">')),
    ("feed.rss", (b'encoding="utf-8"', b'encoding="iso-8859-1"')),
    ("feed.rss", (b'<rss version="2.0">', b'<rss version="0.91">')),
    ("feed.rss", (b"<ttl>60</ttl>", b"<ttl>60</ttl><itunes:author xmlns:itunes='http://www.itunes.com/dtds/podcast-1.0.dtd'>x</itunes:author>")),
    ("feed.rss", (b"<title>Brazil and China", b"<title type='html'>Brazil and China")),
    ("feed.rss", (b"<description>Brazil", b"<description><b>bold</b> Brazil")),
    ("feed.rss", (b"<description>Brazil", b"<description><!-- a comment -->Brazil")),
    ("feed.rss", (b"</title>\n      <link>https://example.org/news/2", b"</title><title>again</title>\n      <link>https://example.org/news/2")),
    ("feed.rss", (b"<description>Brazil", b"<summary>a summary</summary><description>Brazil")),
    ("feed.atom", (b"<title>Forschungsnachrichten", b"<title type='xhtml'>Forschungsnachrichten")),
    ("feed.atom", (b'<content type="html">', b'<content type="text/x-unknown">')),
    ("feed.atom", (b'<link href="https://example.de/a/1"/>', b'<link href="https://example.de/a/1"/><source><title>x</title></source>')),
    ("feed.atom", (b'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">', b'<feed xmlns="http://www.w3.org/2005/Atom" version="0.3">')),
    ("feed.atom", (b"<title>Deutschland", b"<title xml:lang='de'>Deutschland")),
])
def test_what_it_is_not_sure_of_is_left_to_feedparser(fixture: str, change: tuple[bytes, bytes]) -> None:
    data = (FIXTURES / fixture).read_bytes()
    assert change[0] in data
    assert parse_plain_feed(data.replace(change[0], change[1], 1), None) is None


@pytest.mark.parametrize("content_type", ["text/xml", "text/html", "application/rss+xml; charset=latin-1"])
def test_a_content_type_that_changes_the_encoding_is_left_to_feedparser(content_type: str) -> None:
    assert parse_plain_feed((FIXTURES / "feed.rss").read_bytes(), content_type) is None


def test_every_shared_corpus_feed_it_reads_gives_what_feedparser_gives(
        monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = shared_path("corpora", "feeds")
    read_fast = 0
    for path in sorted(corpus.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        for content_type in CONTENT_TYPES:
            fast, ours, theirs = _both(data, content_type, monkeypatch)
            assert ours == theirs, (path.name, content_type)
            read_fast += fast
    assert read_fast >= 5  # it is not a test of nothing: some real feeds are plain RSS


_TEXTS = st.lists(st.sampled_from([
    "Korea", " and ", "Chile", "  ", "\n", "&amp;", "&lt;p&gt;", "&lt;/p&gt;", "<![CDATA[<b>x</b> & y]]>",
    "Ã©", "Ã", "\u0080", "\u0093", "\u009d", "é", "“", "中国", "&#233;", "&#x2014;", "?a=1&amp;b=2",
    "&amp;c;", "\t",
]), max_size=6).map("".join)
_DATES = st.sampled_from([
    "Tue, 02 Apr 2024 10:00:00 GMT", "Tue, 02 Apr 2024 23:30:00 -0500", "2024-04-02T01:00:00+09:00",
    "2024-04-02", "02 Apr 2024", "yesterday", "", "Mon, 31 Feb 2024 10:00:00 GMT", "  2024-04-02T10:00Z ",
])
_ELEMENTS = st.sampled_from([
    ("title", _TEXTS), ("link", _TEXTS.map(lambda text: "https://x.example/" + text)),
    ("guid", _TEXTS), ('guid isPermaLink="false"', _TEXTS), ('guid isPermaLink="true"', _TEXTS),
    ("description", _TEXTS), ("content:encoded", _TEXTS), ("pubDate", _DATES), ("dc:date", _DATES),
    ("category", _TEXTS), ("dc:creator", _TEXTS), ('enclosure url="https://x.example/a.mp3"', st.just("")),
    ('media:thumbnail url="https://x.example/a.jpg" width="10"', st.just("")),
])


@st.composite
def _entries(draw: st.DrawFn, tag: str, elements: st.SearchStrategy[tuple[str, st.SearchStrategy[str]]],
             people: bool = False) -> str:
    """One item or entry of up to seven of the elements, each with a drawn text."""
    parts = []
    for element, texts in draw(st.lists(elements, max_size=7)):
        name = element.split()[0]
        parts.append(f"<{element}>{draw(texts)}</{name}>")
    if people and draw(st.booleans()):
        parts.append(f"<author><name>{draw(_TEXTS)}</name></author>")
    return f"<{tag}>" + "".join(parts) + f"</{tag}>"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=st.lists(_entries("item", _ELEMENTS), min_size=1, max_size=4), title=_TEXTS, language=_TEXTS)
def test_any_feed_of_the_elements_it_reads_gives_what_feedparser_gives(
        items: list[str], title: str, language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">'
            f"<channel><title>{title}</title><language>{language}</language>{''.join(items)}"
            "</channel></rss>").encode()
    _, ours, theirs = _both(data, "application/rss+xml", monkeypatch)
    assert ours == theirs


def test_a_plain_atom_feed_is_read_fast_and_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (FIXTURES / "feed.atom").read_bytes()
    fast, ours, theirs = _both(data, "application/atom+xml", monkeypatch)
    assert fast
    assert ours == theirs
    assert isinstance(ours, ParsedFeed)
    assert ours.language == "de" and ours.articles[0].url == "https://example.de/a/1"




_ATOM_ELEMENTS = st.sampled_from([
    ("title", _TEXTS), ('title type="html"', _TEXTS), ('title type="text"', _TEXTS),
    ("id", _TEXTS), ("summary", _TEXTS), ('summary type="html"', _TEXTS),
    ('content type="html"', _TEXTS), ("content", _TEXTS), ("published", _DATES), ("updated", _DATES),
    ('link href="https://x.example/a"', st.just("")), ('link rel="alternate" href="https://x.example/b"', st.just("")),
    ('link rel="self" href="https://x.example/c"', st.just("")),
    ('link rel="alternate" type="application/pdf" href="https://x.example/d"', st.just("")),
    ('link type="TEXT/HTML" href="https://x.example/e"', st.just("")),
    ('category term="energy"', st.just("")),
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(_entries("entry", _ATOM_ELEMENTS, people=True), min_size=1, max_size=4), title=_TEXTS,
       language=st.sampled_from(["", ' xml:lang="pt_BR"', ' xml:lang="fr"', ' xml:lang=""']))
def test_any_atom_feed_of_the_elements_it_reads_gives_what_feedparser_gives(
        entries: list[str], title: str, language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"{language}>'
            f"<title>{title}</title><id>urn:x</id>{''.join(entries)}</feed>").encode()
    _, ours, theirs = _both(data, "application/atom+xml", monkeypatch)
    assert ours == theirs
