"""Properties of the text pipeline over any text, and a fuzz run over feed parsing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from coopwatch.dedup import fingerprint
from coopwatch.enrich import enrich
from coopwatch.enrich.matcher import Term, TermIndex
from coopwatch.enrich.segment import sentence_spans
from coopwatch.enrich.text import plain_words, tokens
from coopwatch.enrich.vocabulary import Vocabulary
from coopwatch.enrichversion import enrich_folder
from coopwatch.fetchers.decode import clean_text, decode_bytes
from coopwatch.fetchers.feedfile import FeedParseError, ParsedFeed, parse_feed
from coopwatch.fetchers.pagetext import parse_page_text
from coopwatch.types import RawArticle
from coopwatch.vocabulary import load_vocabulary

from conftest import shared_path

# Names, cues and sector terms in several scripts, so random text also makes tags to check.
WORDS = ["Russia", "China", "Japan", "Vietnam", "Россия", "Китай", "России", "Китаем", "日本",
         "中国", "中俄", "Việt Nam", "Nhật Bản", "Deutschland", "Frankreich", "السعودية", "الصين",
         "agreement", "cooperation", "signed", "соглашение", "сотрудничество", "合作", "hợp tác",
         "artificial intelligence", "quantum", "semiconductors", "космос", "and", "и", "với", "."]
SEPARATORS = [" ", "  ", "\n", "\n\n", ", ", ". ", "\t", "", "\u200b", "\x1b[31m", "\u202e"]
text_pieces = st.one_of(st.sampled_from(WORDS), st.sampled_from(SEPARATORS), st.text(max_size=12))
texts = st.lists(text_pieces, max_size=60).map("".join)

_vocabulary: Vocabulary | None = None


def vocabulary() -> Vocabulary:
    global _vocabulary
    if _vocabulary is None:
        _vocabulary = load_vocabulary()
    return _vocabulary


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=texts, body=texts, hint=st.sampled_from([None, "en", "ru", "zz"]))
def test_enrichment_of_any_text(title: str, body: str, hint: str | None) -> None:
    found = enrich(RawArticle(source="/x.txt", entry_key="", title=title, body=body,
                              language_hint=hint), vocabulary())
    assert list(found.pairs) == sorted(set(found.pairs))
    for a, b in found.pairs:
        assert a < b and a in found.countries and b in found.countries
    assert list(found.countries) == sorted(set(found.countries))
    assert list(found.sectors) == sorted(set(found.sectors))
    fields = {"title": title, "body": body}
    for item in found.evidence:
        text = fields[item.field]
        assert 0 <= item.start < item.end <= len(text)
        assert text[item.start:item.end] == item.term
        if item.kind == "country":
            assert item.tag in found.countries
        if item.kind == "sector":
            assert item.tag in found.sectors


@settings(max_examples=300, deadline=None)
@given(text=texts, language=st.sampled_from([None, "en", "ru", "zh", "ja", "th", "vi", "ar"]))
@example(text="Russia. . . ", language="en")  # a splitter once placed ". . " inside "Russia. "
def test_sentences_cover_the_text_in_order(text: str, language: str | None) -> None:
    spans = sentence_spans(text, language)
    end = 0
    for start, stop in spans:
        assert end <= start < stop <= len(text)
        assert text[start:stop].strip()
        end = stop


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=2000))
def test_any_bytes_decode_to_clean_text(data: bytes) -> None:
    text = decode_bytes(data)
    assert clean_text(text) == text
    page = parse_page_text(text)
    assert isinstance(page.body, str)
    prints = fingerprint(page.title, page.body)
    assert len(prints) in (0, 16) and all(0 <= key < 2**63 for key in prints)


def _hostile_feeds() -> list[Path]:
    return sorted(shared_path("corpora", "feeds", "hostile").iterdir())


@pytest.fixture(scope="module")
def hostile_feeds() -> list[bytes]:
    return [path.read_bytes() for path in _hostile_feeds()]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_fuzzed_hostile_feeds_parse_or_fail_with_a_reason(hostile_feeds: list[bytes],
                                                          data: st.DataObject) -> None:
    original = hostile_feeds[data.draw(st.integers(0, len(hostile_feeds) - 1))]
    cut = data.draw(st.integers(0, len(original)))
    at = data.draw(st.integers(0, len(original)))
    noise = data.draw(st.binary(max_size=16))
    mutated = data.draw(st.sampled_from([
        original[:cut],  # truncated
        original[:at] + noise + original[at:],  # bytes inserted
        original[:at] + noise + original[at + len(noise):],  # bytes overwritten
        original[cut:],  # the head lost
    ]))
    content_type = data.draw(st.sampled_from([None, "application/rss+xml", "text/html",
                                              "application/json", "text/xml; charset=koi8-r"]))
    try:
        feed = parse_feed(mutated, "https://fuzz.example/feed", content_type)
    except FeedParseError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert isinstance(feed, ParsedFeed)
    for article in feed.articles:
        assert clean_text(article.body) == article.body


def _words_by_tokens(text: str) -> list[tuple[str, str]]:
    return [(token.surface, token.folded) for token in tokens(text)]


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30))
@example("kuChina")
@example("Nižnij Novgorod")
@example("ایران")
def test_plain_words_are_the_words_tokens_finds(text: str) -> None:
    words = plain_words(text)
    if words is not None:
        assert [(word, word.casefold()) for word in words] == _words_by_tokens(text)


def test_plain_words_of_every_name_are_the_words_tokens_finds() -> None:
    # the short cut an index takes for most of its thousands of names and places
    gazetteer = json.loads((enrich_folder() / "data" / "gazetteer.json").read_text(encoding="utf-8"))
    names = [*gazetteer["places"], *(name for table in gazetteer["countries"].values() for name in table)]
    plain = [(name, words) for name in names if (words := plain_words(name)) is not None]
    assert len(plain) > len(names) / 2
    for name, words in plain:
        assert [(word, word.casefold()) for word in words] == _words_by_tokens(name), name


def _leftmost_longest(text: str, terms: set[str]) -> list[tuple[int, int]]:
    """At each position the longest term that starts there, then on after it."""
    found, position = [], 0
    while position < len(text):
        here = [term for term in terms if text.startswith(term, position)]
        if here:
            longest = max(here, key=len)
            found.append((position, position + len(longest)))
            position += len(longest)
        else:
            position += 1
    return found


_HAN = "中国印度尼西亚日本"


@settings(max_examples=300, deadline=None)
@given(terms=st.sets(st.text(alphabet=_HAN, min_size=2, max_size=4), min_size=1, max_size=6),
       text=st.text(alphabet=_HAN + "ab ,", max_size=24))
def test_unspaced_terms_match_leftmost_longest(terms: set[str], text: str) -> None:
    # 印度 never inside 印度尼西亚, and no match lost after a longer one that failed
    index = TermIndex("zh", [Term("X", term) for term in sorted(terms)])
    assert [(hit.start, hit.end) for hit in index.find(text)] == _leftmost_longest(text, terms)
