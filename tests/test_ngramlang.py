"""langdetect's profiles scored in numpy: langdetect's n-grams, and langdetect's answers."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

from coopwatch.enrich.language import detect_languages
from coopwatch.enrich.ngramlang import NgramLanguages
from coopwatch.vocabulary import ngram_languages

from test_languages import STORIES

# Letters of several scripts and cases, marks, digits, links and addresses: what NGram and the
# text preparation treat apart (acronyms, Latin inside Cyrillic, Vietnamese marks, CJK, kana).
PIECES = ["NASA", "РФ", "КНР", "McDonald", "iPHONE", "Việt", "Nam", "Hà Nội", "a\u0301", "中俄",
          "ひらがな", "カタカナ", "한국", "ﬁ", "Ǆ", "ș", "ț", "ی", "https://example.org/a?b=1",
          "x@example.org", "Россия", "and", "the", "2024", " ", "  ", "\n", ", ", "-", "'"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map("".join)


def languages() -> NgramLanguages:
    return ngram_languages()


@lru_cache(maxsize=1)
def factory() -> DetectorFactory:
    made = DetectorFactory()
    made.load_profile(PROFILES_DIRECTORY)
    made.set_seed(0)
    return made


def langdetect_ngrams(text: str) -> Counter[str]:
    detector = factory().create()
    detector.append(text)
    detector.cleaning_text()
    return Counter(detector._extract_ngrams())


@settings(max_examples=400, deadline=None)
@given(text=texts)
def test_the_ngrams_are_langdetects(text: str) -> None:
    assert Counter(languages().ngrams(text)) == langdetect_ngrams(text)


def test_the_ngrams_of_mixed_scripts_and_acronyms_are_langdetects() -> None:
    for text in ["NASA и РФ: КНР, ASEAN-RU", "Hà Nội và Tokyo ký thỏa thuận", "iPHONE McDonald",
                 "see https://example.org/x and mail x@example.org", "中俄合作 and ひらがな",
                 "Торгпред РФ в КНР Алексей Дахновский, not expected until the 2030s."]:
        assert Counter(languages().ngrams(text)) == langdetect_ngrams(text), text


@pytest.mark.parametrize("language", sorted(STORIES))
def test_it_answers_as_langdetect_does(language: str) -> None:
    title, body = STORIES[language]
    text = f"{title}\n{body}"
    detector = factory().create()
    detector.append(text)
    expected = detector.detect()
    found = languages().probabilities(text)
    assert found[0][0] == expected
    assert found[0][1] > 0.9


def test_the_same_text_gives_the_same_answer() -> None:
    text = "Mutungamiri weNyika vanotambira nyomba kubva kuIndia"  # a language it does not know
    assert {tuple(languages().probabilities(text)) for _ in range(5)} == {
        tuple(languages().probabilities(text))}


def test_text_without_letters_has_no_language() -> None:
    assert languages().probabilities("2024 -- 12:30 !!") == []


@settings(max_examples=60, deadline=None)
@given(batch=st.lists(texts, min_size=1, max_size=12))
def test_texts_found_together_get_the_answers_they_get_alone(batch: list[str]) -> None:
    # a feed's items are detected in one call; an item's language must not depend on its feed
    items = [(text, "", None) for text in batch]
    assert detect_languages(items, languages=languages()) == [
        detect_languages([item], languages=languages())[0] for item in items]


def test_arrays_kept_in_the_cache_answer_as_the_profiles_do(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COOPWATCH_CACHE", str(tmp_path / "cache"))
    ngram_languages.cache_clear()
    built = ngram_languages()  # from the profiles, then kept
    [kept] = (tmp_path / "cache").iterdir()
    ngram_languages.cache_clear()
    mapped = ngram_languages()  # from the cache folder
    assert mapped.languages == built.languages
    for language, (title, body) in STORIES.items():
        text = f"{title}\n{body}"
        assert mapped.probabilities(text) == built.probabilities(text), language
    (kept / "logs.npy").write_bytes(b"damaged")
    ngram_languages.cache_clear()
    text = " ".join(STORIES["ru"])
    assert ngram_languages().probabilities(text) == built.probabilities(text)
    ngram_languages.cache_clear()
