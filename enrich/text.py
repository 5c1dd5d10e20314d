"""Tokens, scripts and sentences: the text primitives every enricher shares."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import gt, itemgetter
from typing import Any, Literal, NamedTuple, TypeVar, cast

import Stemmer

from coopwatch.scripts import UNSPACED

# \w alone splits words of Indic and Thai scripts at their combining vowel signs; the danda
# (।, ॥) among them is the full stop of Devanagari and Bengali, not part of a word.
MARKS = "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed" \
        "\u0900-\u0963\u0966-\u0dff\u1ab0-\u1aff\u1dc0-\u1dff\u200c\u200d"
TOKEN = re.compile(rf"(?:[^\W_]|[{MARKS}])+")
# TOKEN as one character class, for text whose underscores are made spaces first (both are
# gaps): a class tests a character in one step, an alternation in two. Split, it yields gap,
# word, gap, ... gap.
_WORD_AND_GAPS = re.compile(rf"([\w{MARKS}]+)")
_UNSPACED_RUN = re.compile(UNSPACED.pattern + "+")
_PLAIN_WORDS = re.compile(r"[^\W_]+(?: [^\W_]+)*")
_SPACED_RUN = re.compile(rf"[^{UNSPACED.pattern[1:-1]}]+")
_SENTENCE = re.compile(r"[^.!?。！？؟।۔\n]*(?:[.!?。！？؟।۔]+[\"'»”’)」』]*|\n|$)")

T = TypeVar("T")

# Letters written two ways, read as one (letter for letter, so offsets stay those of the text):
# Persian and Urdu typed on Arabic keyboards (ي and ك for ی and ک); Egyptian Arabic's final ى and ه
# for ي and ة (الروسى, الطاقه); Greek without its accents, as capitals (Η ΕΛΛΑΔΑ ΚΑΙ Η ΚΙΝΑ) and
# much online text write it; Russian ё written е; Romanian's comma-below ș and ț typed as the
# cedilla ş and ţ, which Turkish writes. The stemmers of these languages take either letter.
# Chinese and Japanese text also writes Latin letters and digits full width (ＡＩ, ５Ｇ).
# Turkish İ is read as I, whose case folding is i: casefold() makes İ "i" and a combining dot, so
# a headline in capitals (TÜRKİYE VE ÇİN) never matched Türkiye or Çin.
_GREEK_ACCENTED, _GREEK_PLAIN = "άέήίόύώΐΰϊϋΆΈΉΊΌΎΏΪΫ", "αεηιουωιυιυΑΕΗΙΟΥΩΙΥ"
_FULL_WIDTH, _ASCII = "".join(map(chr, range(0xFF01, 0xFF5F))), "".join(map(chr, range(0x21, 0x7F)))
_LETTER_VARIANTS = str.maketrans("یکىةёЁșțȘȚİ" + _GREEK_ACCENTED + _FULL_WIDTH,
                                 "يكيهеЕşţŞŢI" + _GREEK_PLAIN + _ASCII)
_VARIANT_LETTER = re.compile(f"[یکىةёЁșțȘȚİ{_GREEK_ACCENTED}\uff01-\uff5e]")
# Ukrainian writes its apostrophe (В'єтнам, Об’єднані) as ', ’ or the letter ʼ, which alone keeps
# the word whole: between two Cyrillic letters each is read as ʼ, one character for one.
_CYRILLIC_APOSTROPHE = re.compile("(?<=[\u0400-\u04ff])['\u2019](?=[\u0400-\u04ff])")


# Malayalam wrote its chillu letters as consonant, virama and zero-width joiner (ന്‍) before
# Unicode 5.1 gave each a letter of its own (ൻ); many sites still do. Words are compared in the
# atomic form, which the data uses; a token's place stays that of the text as written.
_OLD_CHILLU_MARK = "\u0d4d\u200d"
_OLD_CHILLU = re.compile("([\u0d23\u0d28\u0d30\u0d32\u0d33\u0d15])\u0d4d\u200d")
_ATOMIC_CHILLU = dict(zip("\u0d23\u0d28\u0d30\u0d32\u0d33\u0d15", "\u0d7a\u0d7b\u0d7c\u0d7d\u0d7e\u0d7f",
                          strict=True))


# Arabic-script news marks a vowel or a doubled letter now and then (مِصْر, المتّحدة, چِین) where the
# data, like most text, writes none: words are compared without them. Not the damma, which tells
# Oman (عُمان) from Amman, nor the hamza and alef marks Persian and Urdu names are written with.
_VOWEL_MARKS = re.compile("[\u064b-\u064e\u0650-\u0652]")
_WITHOUT_VOWEL_MARKS = dict.fromkeys([*range(0x064B, 0x064F), *range(0x0650, 0x0653)])


def without_vowel_marks(text: str) -> str:
    """The text without Arabic-script vowel and doubling marks."""
    return text.translate(_WITHOUT_VOWEL_MARKS) if _VOWEL_MARKS.search(text) else text


# Indic letters with a nukta come precomposed (फ़, U+095E) or as letter and nukta (फ़); Unicode
# composes neither way, and the data, like most text, writes the pair: words are compared so.
_PRECOMPOSED_NUKTA = re.compile("[\u0958-\u095f\u09dc\u09dd\u09df\u0a33\u0a36\u0a59-\u0a5b\u0a5e"
                                "\u0b5c\u0b5d]")


# Text written decomposed (letter, then accent: Việt Nam as V, i, e, U+0323, U+0302, t) where the
# data is composed, as most text is: words are compared composed.
_COMBINING_ACCENT = re.compile("[\u0300-\u036f]")


def composed(text: str) -> str:
    """The text in Unicode's composed form (NFC) when it holds combining accents."""
    return unicodedata.normalize("NFC", text) if _COMBINING_ACCENT.search(text) else text


def nukta_pairs(text: str) -> str:
    """The text with each precomposed nukta letter written as letter and nukta."""
    if _PRECOMPOSED_NUKTA.search(text) is None:
        return text
    return _PRECOMPOSED_NUKTA.sub(lambda found: unicodedata.normalize("NFD", found.group()), text)


def atomic_chillu(text: str) -> str:
    """The text with Malayalam's old chillu sequences written as the atomic letters."""
    if _OLD_CHILLU_MARK not in text:
        return text
    return _OLD_CHILLU.sub(lambda found: _ATOMIC_CHILLU[found.group(1)], text)


# Hindi and Nepali write a nasal before a stop as the anusvara or as the nasal consonant and a
# virama (बंगलादेश, बङ्गलादेश; इंडोनेशिया, इण्डोनेशिया; हिंदी, हिन्दी): words are compared with the
# anusvara. Only after a letter, since a word cannot begin with the anusvara, and only before a
# stop: न्यू (New) and म्यांमार keep their conjuncts.
_DEVANAGARI_STOPS = "\u0915-\u0918\u091a-\u091d\u091f-\u0922\u0924-\u0927\u092a-\u092d"
_NASAL_CONJUNCT = re.compile(f"(?<=[\u0905-\u093c\u093e-\u094c])[\u0919\u091e\u0923\u0928\u092e]"
                             f"\u094d(?=[{_DEVANAGARI_STOPS}])")


def with_anusvara(text: str) -> str:
    """The text with each Devanagari nasal conjunct before a stop written as the anusvara."""
    return _NASAL_CONJUNCT.sub("\u0902", text) if "\u094d" in text else text


# any of the script forms above, so that most texts, which hold none, are searched once
_ANY_SCRIPT_FORM = re.compile(f"{_OLD_CHILLU_MARK}|{_VOWEL_MARKS.pattern}|{_PRECOMPOSED_NUKTA.pattern}"
                              f"|{_COMBINING_ACCENT.pattern}|{_NASAL_CONJUNCT.pattern}")


@lru_cache(maxsize=4096)  # the matcher folds the same names and terms article after article
def fold(text: str) -> str:
    """A word or term as matching compares it: case, letter variants and the script forms
    above set aside."""
    folded = composed(text).translate(_LETTER_VARIANTS).casefold()
    if "'" in folded or "\u2019" in folded:
        folded = _CYRILLIC_APOSTROPHE.sub("\u02bc", folded)
    return with_anusvara(nukta_pairs(without_vowel_marks(atomic_chillu(folded))))


SNOWBALL = {
    "en": "english", "de": "german", "fr": "french", "es": "spanish", "pt": "portuguese",
    "it": "italian", "ru": "russian", "uk": "russian", "be": "russian", "no": "norwegian",
    "nb": "norwegian", "nn": "norwegian", "sv": "swedish", "da": "danish", "fi": "finnish",
    "nl": "dutch", "ro": "romanian", "tr": "turkish", "ar": "arabic", "fa": "persian",
    "hi": "hindi", "id": "indonesian", "ms": "indonesian", "pl": "polish", "cs": "czech",
    "hu": "hungarian", "el": "greek", "lt": "lithuanian", "ca": "catalan", "sr": "serbian",
    "hy": "armenian", "ne": "nepali", "ta": "tamil", "eu": "basque", "ga": "irish",
    "et": "estonian", "hr": "serbian", "bs": "serbian",
}


class Token(NamedTuple):  # a tuple: a long article makes thousands, and each costs its making
    """A word of a spaced script, with its place in the text."""

    start: int
    end: int
    surface: str
    folded: str


_MAX_BOUND_PREFIX = 4


def _bound_prefix(surface: str) -> int:
    """Length of a lower-case prefix bound to a capitalised name (Shona kuChina, Irish hÉireann)."""
    if not surface[:1].islower():
        return 0
    for i in range(1, min(_MAX_BOUND_PREFIX, len(surface) - 2) + 1):
        if surface[i].isupper():
            return i if surface[i + 1 :].islower() or surface[i + 1 :].isupper() else 0
        if not surface[i].islower():
            return 0
    return 0


def tokens(text: str) -> list[Token]:
    """Words of spaced scripts; runs of unspaced scripts are left to substring matching."""
    # One split yields every word with the gaps between them, whose lengths add up to each
    # word's place: the per-word work below runs in C (map), not in a Python loop a word.
    text = text.replace("_", " ")
    if "'" in text or "\u2019" in text:
        text = _CYRILLIC_APOSTROPHE.sub("\u02bc", text)
    if _VARIANT_LETTER.search(text) is not None:
        text = text.translate(_LETTER_VARIANTS)
    pieces = _WORD_AND_GAPS.split(text)
    places = list(accumulate(map(len, pieces), initial=0))
    surfaces, starts, ends = pieces[1::2], places[1::2], places[2::2]
    if UNSPACED.search(text) is not None:
        surfaces, starts, ends = _spaced_parts(surfaces, starts, ends)
    if "\u200c" in text:
        # Persian types a zero-width non-joiner after a word's last letter too (ایران‌ و روسیه‌),
        # where it joins nothing: the word is its letters
        for number in [n for n, surface in enumerate(surfaces) if surface.endswith("\u200c")]:
            kept = surfaces[number].rstrip("\u200c")
            if kept:
                surfaces[number], ends[number] = kept, starts[number] + len(kept)
    # kuChina, not china or China: a lower-case first letter in a word that is not all lower case
    bound = map(gt, map(str.islower, map(itemgetter(0), surfaces)), map(str.islower, surfaces))
    for number in compress(range(len(surfaces)), bound):
        cut = _bound_prefix(surfaces[number])
        if cut:
            surfaces[number], starts[number] = surfaces[number][cut:], starts[number] + cut
    # letter variants are read above, for the whole text; fold() is for the words that hold a
    # script form, and str.casefold alone runs in C
    folded = list(map(str.casefold, surfaces))
    if _ANY_SCRIPT_FORM.search(text) is not None:
        folded = [fold(surface) if _ANY_SCRIPT_FORM.search(surface) else word
                  for surface, word in zip(surfaces, folded, strict=True)]
    # Token(...) costs a Python call a word; tuple.__new__ makes the same tuple in C
    # starts holds one place more than there are words (the end of the last gap): zip stops
    return list(map(tuple.__new__, repeat(Token), zip(starts, ends, surfaces, folded, strict=False)))


def plain_words(text: str) -> list[str] | None:
    """The words tokens() finds in a text of letters and digits a space apart (most names, which
    an index reads by the thousand); None for any other text, which tokens() alone reads."""
    if (_PLAIN_WORDS.fullmatch(text) is None or _VARIANT_LETTER.search(text) is not None
            or UNSPACED.search(text) is not None):
        return None
    words = text.split(" ")
    # a word with a lower-case letter before a capital may hold a bound prefix (kuChina)
    if not all(word.islower() or not word[0].islower() for word in words):
        return None
    return words


def _spaced_parts(
    surfaces: list[str], starts: list[int], ends: list[int]
) -> tuple[list[str], list[int], list[int]]:
    """The words of spaced scripts among words that may hold unspaced ones. A Latin word set
    against Hangul or Han is a word of its own: MOU in MOU를 (Korean binds its particles to it),
    AI in AI技术."""
    spaced = [match is None for match in map(UNSPACED.search, surfaces)]
    mixed = [number for number, (surface, alone) in enumerate(zip(surfaces, spaced, strict=True))
             if not alone and _UNSPACED_RUN.fullmatch(surface) is None]
    if not mixed:
        return tuple(list(compress(values, spaced)) for values in (surfaces, starts, ends))  # type: ignore[return-value]
    kept: tuple[list[str], list[int], list[int]] = ([], [], [])
    parts = {number: [(start + part.start(), start + part.end(), part.group())
                      for part in _SPACED_RUN.finditer(surfaces[number])]
             for number in mixed for start in (starts[number],)}
    for number, (surface, start, end) in enumerate(zip(surfaces, starts, ends, strict=False)):
        pieces = [(start, end, surface)] if spaced[number] else parts.get(number, ())
        for piece_start, piece_end, piece in pieces:
            kept[0].append(piece)
            kept[1].append(piece_start)
            kept[2].append(piece_end)
    return kept


@lru_cache(maxsize=64)
def _stemmer(language: str) -> Stemmer.Stemmer | None:
    algorithm = SNOWBALL.get(language)
    return Stemmer.Stemmer(algorithm) if algorithm else None


def _stem_function(language: str, clitics: tuple[str, ...], rewrites: Mapping[str, str] | None,
                   lemmas: Mapping[str, str] | None) -> Any:
    stemmer: Any = _stemmer(language)
    if stemmer is None and clitics:
        return _Clitics(clitics)
    if stemmer is None and lemmas:
        return _Lemmas(lemmas)
    if stemmer is not None and rewrites:
        return _Rewritten(rewrites, stemmer)
    return stemmer


_FOLDED_WORD = itemgetter(3)  # Token.folded, in C


class Stems:
    """A per-language stem function with a memo: news reuses its words."""

    def __init__(self, language: str | None, clitics: Iterable[str] = (),
                 rewrites: Mapping[str, str] | None = None,
                 lemmas: Mapping[str, str] | None = None) -> None:
        self.language = language or ""
        self._made_of = (tuple(clitics), rewrites, lemmas)
        self._stemmer = _stem_function(self.language, *self._made_of)
        self._memo: dict[str, str] = {}

    def __getstate__(self) -> dict[str, Any]:
        # a Snowball stemmer is a C object that pickle cannot keep: it is made again
        return {"language": self.language, "made_of": self._made_of, "memo": self._memo}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.language, self._made_of, self._memo = state["language"], state["made_of"], state["memo"]
        self._stemmer = _stem_function(self.language, *self._made_of)

    def of(self, words: list[Token]) -> list[str]:
        """The stem of every word."""
        # looked up in C (map), as most words are known; only new ones go through a Python call
        folded = list(map(_FOLDED_WORD, words))
        stems = list(map(self._memo.get, folded))
        if None in stems:
            return [known or self(word) for word, known in zip(folded, stems, strict=True)]
        return cast(list[str], stems)

    def rewritten(self, folded: str) -> str:
        """The word as the stemmer reads it: with the beginning it leaves on rewritten (Arabic
        للصين, to China, as الصين), or as it is in a language with no such rewrites."""
        return self._stemmer.rewritten(folded) if isinstance(self._stemmer, _Rewritten) else folded

    def learn(self, folded_words: Iterable[str]) -> None:
        """Stem many words in one call to the stemmer (an index's terms, thousands at once)."""
        new = list({word for word in folded_words if word not in self._memo})
        stems = self._stemmer.stemWords(new) if self._stemmer else new
        self._memo.update(zip(new, stems, strict=True))

    def learned(self, folded_words: Iterable[str]) -> tuple[str, ...]:
        """The stems of words learn() was given."""
        return tuple(map(self._memo.__getitem__, folded_words))

    def __call__(self, folded: str) -> str:
        stem = self._memo.get(folded)
        if stem is None:
            stem = self._stemmer.stemWord(folded) if self._stemmer else folded
            self._memo[folded] = stem
        return stem


class _Rewritten:
    """A Snowball stemmer that first rewrites the beginnings it leaves on (Arabic والصين: الصين)."""

    _MIN_KEPT = 3  # letters after the beginning: a short word is more likely another word

    def __init__(self, rewrites: Mapping[str, str], stemmer: Stemmer.Stemmer) -> None:
        self._rewrites = sorted(rewrites.items(), key=lambda item: -len(item[0]))
        self._stemmer = stemmer

    def rewritten(self, word: str) -> str:
        """The word with the beginning its stemmer leaves on rewritten."""
        for start, replacement in self._rewrites:
            if word.startswith(start) and len(word) - len(start) >= self._MIN_KEPT:
                return replacement + word[len(start):]
        return word

    def stemWord(self, word: str) -> str:  # noqa: N802 - the Snowball stemmer's interface
        return str(self._stemmer.stemWord(self.rewritten(word)))

    def stemWords(self, words: list[str]) -> list[str]:  # noqa: N802
        return list(self._stemmer.stemWords([self.rewritten(word) for word in words]))


class _Lemmas:
    """A stemmer for a language without a Snowball one: a word's lemma, where the word is a form
    of a listed term's word (enrich/data/lemmas.json, from simplemma: Albanian energjisë is
    energji), and the word itself otherwise."""

    def __init__(self, lemmas: Mapping[str, str]) -> None:
        self._lemmas = lemmas

    def stemWord(self, word: str) -> str:  # noqa: N802 - the Snowball stemmer's interface
        return self._lemmas.get(word, word)

    def stemWords(self, words: list[str]) -> list[str]:  # noqa: N802
        return [self._lemmas.get(word, word) for word in words]


class _Clitics:
    """A stemmer for a language without a Snowball one that writes its prepositions, articles and
    conjunctions as letters in front of a word (Hebrew ו, ה, ב, ל, מ, ש, כ: בישראל, והמדינה)."""

    _MAX_LETTERS = 3
    _MIN_KEPT = 4  # letters a word keeps, so that a short word is never cut to a root of another

    def __init__(self, clitics: Iterable[str]) -> None:
        self._letters = frozenset(clitics)

    def stemWord(self, word: str) -> str:  # noqa: N802 - the Snowball stemmer's interface
        cut = 0
        while (cut < self._MAX_LETTERS and word[cut : cut + 1] in self._letters
               and len(word) - cut - 1 >= self._MIN_KEPT):
            cut += 1
        return word[cut:]

    def stemWords(self, words: list[str]) -> list[str]:  # noqa: N802
        return [self.stemWord(word) for word in words]


@lru_cache(maxsize=1 << 17)  # asked of every place name once per language indexed
def script_of(text: str) -> str:
    """The script of a name's first letter: latin, cyrillic, arabic, han, ... or other."""
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if name.startswith("CJK") or "IDEOGRAPH" in name:
                return "han"
            return name.split(" ")[0].lower()
    return "other"


def any_character_of(characters: Iterable[str]) -> re.Pattern[str]:
    """A pattern for any one of the single characters given (for none: one that never
    matches), to find the first of them in C rather than test a text character by character."""
    listed = "".join(re.escape(character) for character in sorted(characters) if len(character) == 1)
    return re.compile(f"[{listed}]" if listed else "(?!)")


def has_case(text: str) -> bool:
    """Whether the script distinguishes capitals (Latin, Cyrillic, Greek, Armenian ...)."""
    if text.istitle() or text.islower() or text.isupper():  # most names, without a loop
        return True
    return any(ch.isupper() or ch.islower() for ch in text if ch.isalpha())


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of a text, split at sentence punctuation and line ends."""
    spans = []
    for match in _SENTENCE.finditer(text):
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


@dataclass(frozen=True)
class ArticleText:
    """An article's two fields with their words, tokenized once for every enricher."""

    title: str
    body: str
    title_words: list[Token]
    body_words: list[Token]
    _derived: dict[tuple[object, ...], Any] = field(default_factory=dict, repr=False)

    def stems(self, words: list[Token], stems: Stems) -> list[str]:
        """The stems of one field's words, computed once per language."""
        return self.derived(("stems", id(words), stems.language), lambda: stems.of(words))

    def derived(self, key: tuple[object, ...], make: Callable[[], T]) -> T:
        """What make() derives from the text, computed once for every index that asks."""
        found = self._derived.get(key)
        if found is None:
            found = self._derived[key] = make()
        return found

    @classmethod
    def of(cls, title: str, body: str) -> ArticleText:
        return cls(title, body, tokens(title), tokens(body))

    def body_sentences(self) -> list[tuple[int, int]]:
        """sentences() of the body, found once for every enricher that asks."""
        return self.derived(("sentences",), lambda: sentences(self.body))

    def fields(self) -> tuple[tuple[Literal["title", "body"], str, list[Token]], ...]:
        """(field, text, words) for the title, then the body."""
        return (("title", self.title, self.title_words), ("body", self.body, self.body_words))
