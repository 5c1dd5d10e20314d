"""Language identification: langdetect's profiles and n-grams over a sample of the text."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from coopwatch.enrich.ngramlang import NgramLanguages

# The n-grams of the opening 400 characters and of 400 from the middle give the answers of the
# whole text on every labelled article, at a fraction of the cost. The opening alone did not:
# Filipino news opens with a quote in English and goes on in Tagalog.
SAMPLE_CHARS = 400
_CODES = {"zh-cn": "zh", "zh-tw": "zh"}
MIN_FUNCTION_SHARE = 0.05  # of the sample's words (Bantu languages bind most of theirs)
FUNCTION_MARGIN = 0.04  # by which it must beat langdetect's own answer
MIN_LETTERS = 6  # n-grams of fewer letters name a language at random ("x" came out Somali)
# Scripts that one language of langdetect's writes: Hangul, kana, Han, Thai, Hebrew, Greek, and
# the Indic scripts other than Devanagari (which Hindi, Marathi and Nepali share). Most texts
# hold none, and then need no count of letters by script.
_ONE_LANGUAGE_SCRIPTS = re.compile(
    "[\uac00-\ud7af\u1100-\u11ff\u3040-\u30ff\u4e00-\u9fff\u3400-\u4dbf\u0e00-\u0e7f"
    "\u0590-\u05ff\u0370-\u03ff\u1f00-\u1fff\u0980-\u0dff]")
_HANGUL, _KANA, _HAN = (re.compile(pattern) for pattern in (
    "[\uac00-\ud7af\u1100-\u11ff]", "[\u3040-\u30ff]", "[\u4e00-\u9fff\u3400-\u4dbf]"))
# each alone names its language when it writes most of the letters
_SCRIPT_LANGUAGES = tuple((re.compile(pattern), code) for pattern, code in (
    ("[\u0e00-\u0e7f]", "th"), ("[\u0590-\u05ff]", "he"), ("[\u0370-\u03ff\u1f00-\u1fff]", "el"),
    ("[\u0980-\u09ff]", "bn"), ("[\u0a00-\u0a7f]", "pa"), ("[\u0a80-\u0aff]", "gu"),
    ("[\u0b80-\u0bff]", "ta"), ("[\u0c00-\u0c7f]", "te"), ("[\u0c80-\u0cff]", "kn"),
    ("[\u0d00-\u0d7f]", "ml"),
))
SCRIPT_SHARE = 0.3  # of the letters: enough to say whose text it is, with names in Latin letters


def _by_script(sample: str) -> str | None:
    """Scripts that belong to one language decide at once (and better than n-grams on short text)."""
    if not _ONE_LANGUAGE_SCRIPTS.search(sample):
        return None
    letters = "".join(filter(str.isalpha, sample))
    if not letters:
        return None
    # counted by regular expressions, in C: a Python test a letter cost more than the n-grams
    hangul, kana, han = (len(script.findall(letters)) for script in (_HANGUL, _KANA, _HAN))
    total = len(letters)
    if hangul > SCRIPT_SHARE * total:
        return "ko"
    if kana > 0.05 * total and kana + han > SCRIPT_SHARE * total:
        return "ja"
    if han > SCRIPT_SHARE * total:
        return "zh"
    for script, code in _SCRIPT_LANGUAGES:
        if len(script.findall(letters)) > SCRIPT_SHARE * total:
            return code
    return None


def _sample(body: str) -> str:
    """The body's opening and the same length from its middle, or all of a short body."""
    if len(body) <= 2 * SAMPLE_CHARS:
        return body
    middle = len(body) // 2
    return f"{body[:SAMPLE_CHARS]}\n{body[middle : middle + SAMPLE_CHARS]}"


def _has_letters(text: str, count: int) -> bool:
    for ch in text:
        if ch.isalpha():
            count -= 1
            if not count:
                return True
    return False


def _function_share(words: list[str], vocabulary: set[str]) -> float:
    return sum(word in vocabulary for word in words) / len(words) if words else 0.0


def reconsider(code: str, sample: str, function_words: Mapping[str, object]) -> str:
    """langdetect's answer, or a language it does not know whose function words fit better."""
    confusions = function_words.get("confusions", {})
    rivals = confusions.get(code) if isinstance(confusions, Mapping) else None
    if not rivals:
        return code
    lists: Mapping[str, list[str]] = function_words.get("words", {})  # type: ignore[assignment]
    words = [word.strip(".,;:!?\"'()«»“”").casefold() for word in sample.split()][:150]
    own = _function_share(words, set(lists.get(code, [])))
    best, best_share = code, own + FUNCTION_MARGIN
    for rival in rivals:
        share = _function_share(words, set(lists.get(rival, [])))
        if share >= MIN_FUNCTION_SHARE and share > best_share:
            best, best_share = rival, share
    return best


def detect_languages(
    texts: Sequence[tuple[str, str, str | None]],
    function_words: Mapping[str, object] | None = None, languages: NgramLanguages | None = None,
) -> list[str | None]:
    """The ISO 639-1 code of each (title, body, hint)'s language; the metadata's hint when a
    text is too thin (or when no profiles were given)."""
    samples = [f"{title}\n{_sample(body)}".strip() for title, body, _ in texts]
    found: list[str | None] = [_by_script(sample) for sample in samples]
    drawn = [] if languages is None else [
        index for index, sample in enumerate(samples)
        if found[index] is None and _has_letters(sample, MIN_LETTERS)]
    if languages is not None and drawn:
        for index in drawn:
            answer = languages.probabilities(samples[index])
            if answer:
                code = _CODES.get(answer[0][0], answer[0][0])
                found[index] = (reconsider(code, samples[index], function_words)
                                if function_words else code)
    return [code or hint for code, (_, _, hint) in zip(found, texts, strict=True)]
