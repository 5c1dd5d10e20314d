"""Finding listed terms in text: stemmed word n-grams in spaced scripts, substrings in the rest.

A term is written as in the data files: "quantum computing" (matched through stems, so inflected
forms match), "quanten*" (any word that starts so: German compounds), or a CJK/Thai/Hangul string
(matched as a substring, leftmost-longest, so 印度 never matches inside 印度尼西亚).
"""

from __future__ import annotations

import threading
import unicodedata
from array import array
from bisect import insort
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count, repeat
from operator import attrgetter, getitem
from typing import Any, Literal, NamedTuple, TypeVar

import ahocorasick

from coopwatch.enrich.text import (
    ArticleText,
    Stems,
    Token,
    fold,
    plain_words,
    tokens,
)
from coopwatch.scripts import UNSPACED

Case = Literal["any", "capital", "exact"]
_JOINERS = " -‐‑–—\u00a0'’\u200c"  # and the non-joiner a word may end with (text.tokens)
_DOTTED_JOINERS = _JOINERS + "."
_PREFIX_KEY = 3
_GROUP_BITS = 20  # a waiting group's count, in the low bits of its entry (groups hold dozens)
_GROUP_MASK = (1 << _GROUP_BITS) - 1
# A place matches only a word that begins alike (_begins_alike: four letters or more where its
# first word has four), so a place waits for a word with its first four letters: a text holds
# words beginning with a third as many places' four letters as with their three.
_PLACE_KEY = 4
# Languages that attach prepositions and articles in front of a word (و، ب، ال، ה), where a word
# need not begin like the listed term; everywhere else it must.
_PREFIXING_LANGUAGES = {"ar", "fa", "ur", "he", "ps"}
_MIN_SHARED_PREFIX = 4
_MAX_ENDING = 3  # letters an inflected name may add: Russlands, Китаем, Venäjällä
# letters a name needs to take unlisted endings: a shorter one is another word's start (Mali:
# Malindi, Hausa Sin: Since)
_MIN_LOOSE_NAME = 5
# y too: Italy gives Italian, Hungary Hungarian
_LATIN_VOWELS = frozenset("aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿœ")


@dataclass(frozen=True, slots=True)
class Term:
    """One entry of a vocabulary: what it tags and how strictly it must match."""

    tag: str
    text: str
    case: Case = "any"
    weight: float = 1.0
    inflects: bool = False  # a name whose endings the stemmer may miss (matched by shape too)
    place: bool = False  # a city, province or state, standing for its country
    agency: bool = False  # a ministry, agency or state company, standing for its country
    adjective: bool = False  # a country's adjective (russo, китайский), not its name

    def __reduce__(self) -> tuple[type[Term], tuple[str, str, Case, float, bool, bool, bool, bool]]:
        # made again by its constructor: a frozen dataclass's own unpickling looks its fields
        # up for every object, and an index cache holds tens of thousands (IndexCache)
        return Term, (self.tag, self.text, self.case, self.weight, self.inflects, self.place,
                      self.agency, self.adjective)


class Hit(NamedTuple):  # a tuple: made for every match, and a frozen dataclass costs thrice
    """Where a term matched."""

    term: Term
    start: int
    end: int


class TermIndex:
    """All terms of one vocabulary for one language, ready to scan texts."""

    def __init__(
        self, language: str | None, terms: Iterable[Term], names: bool = False,
        endings: Iterable[str] = (), clitics: Iterable[str] = (),
        rewrites: Mapping[str, str] | None = None, lemmas: Mapping[str, str] | None = None,
        inflecting: bool = True,
    ) -> None:
        self._stems = Stems(language, clitics, rewrites, lemmas)
        # the language's case endings: a name also matches its base with any of them
        self._endings = _Endings(endings)
        # Names inflect at their end only (cue words and terms change more); in languages that
        # bind prepositions and articles in front, a name keeps its end instead.
        self._check_shape = names
        self._inflecting = inflecting  # whether names take endings the stemmer leaves on
        self._prefixing = language in _PREFIXING_LANGUAGES
        # Each entry keeps its term's place in the data (a number), and entries of one key stay
        # in that order however the names were filed (waiting names are filed as texts ask,
        # in any order): the first that fits wins, so the data decides (México the country,
        # listed before México the city), never a process's history or its hash seed.
        self._phrases: dict[tuple[str, ...], list[tuple[int, Term, tuple[str, ...]]]] = {}
        # "quanten*", and phrases of them ("сільськ* господарств*"): each word's beginning (or,
        # without its *, the word itself), by the first word's first letters, longest first
        self._prefixes: dict[str, list[tuple[int, tuple[tuple[str, bool], ...], Term]]] = {}
        self._unspaced: dict[str, list[tuple[str, Term]]] = defaultdict(list)
        # names by their first letters, for endings the stemmer does not strip (Chinas, Китая),
        # with the letters a word must begin with to be one of them (_shape_prefix)
        self._inflected: dict[str, list[tuple[int, Term, tuple[str, ...], str]]] = {}
        # the same prefixes together, for str.startswith: most words sharing three letters with
        # names are none of them (and: Andorra, các: Các Tiểu Vương quốc)
        self._shape_prefixes: dict[str, tuple[str, ...]] = {}
        # the lengths of the phrases each first stem begins: most words begin none
        self._widths: dict[str, list[int]] = {}
        # the first two stems of each longer phrase: most words that begin one (the, de, la) are
        # followed by a word that does not go on with it
        self._openings: set[tuple[str, str]] = set()
        # A name matches only a word that begins as it does (_begins_alike), so a name index
        # stems and files a name when a text first holds a word with its first letters: of the
        # 13,000 places a language's index lists, its texts meet a few hundred.
        # The waiting names are kept group after group in one list, their places in the data
        # in one array beside it, and each group as where it starts and how many it holds:
        # a tuple, an int or a list for each of a language's 16,000 waiting names and 7,000
        # groups would cost every language's index a megabyte more.
        self._waiting: dict[str, int] = {}  # first letters -> start << _GROUP_BITS | count
        self._waiting_terms: list[Term] = []
        self._waiting_numbers = array("I")
        self._filing = threading.Lock()
        listed = list(terms)
        groups: dict[str, list[int]] = defaultdict(list)
        filed_now = []
        for number, term in enumerate(listed):
            key = _waiting_key(term.text, term.place) if names and not self._prefixing else None
            if key:
                groups[key].append(number)
            else:
                filed_now.append((number, term))
        for key, numbers in groups.items():
            self._waiting[key] = len(self._waiting_numbers) << _GROUP_BITS | len(numbers)
            self._waiting_numbers.extend(numbers)
            self._waiting_terms.extend(listed[number] for number in numbers)
        self._file(filed_now)
        # the unspaced terms in one Aho-Corasick automaton, made when a text first holds such
        # a script: most texts hold none
        self._automaton: ahocorasick.Automaton | None = None

    def __getstate__(self) -> dict[str, object]:
        # as built, for a cache between processes (coopwatch.vocabulary): the lock and the
        # automaton are made again where the index is loaded
        return {name: value for name, value in self.__dict__.items()
                if name not in ("_filing", "_automaton")}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._filing = threading.Lock()
        self._automaton = None

    def _file(self, terms: list[tuple[int, Term]]) -> None:
        phrases = [(number, term, _phrase_words(term.text)) for number, term in terms]
        self._stems.learn(folded for _, _, words in phrases if words for folded in words[0])
        for number, term, words in phrases:
            if words:
                self._add_phrase(number, term, *words)
            else:
                self._add_other(number, term)

    def _file_waiting(self, prefixes: Iterable[str]) -> None:
        if not self._waiting.keys() & prefixes:
            return
        with self._filing:
            # A group leaves the waiting list once filed whole: a thread that finds it gone
            # matches against all of it; one that finds it waiting waits for the lock.
            ready = self._waiting.keys() & prefixes
            filing: list[tuple[int, Term]] = []
            for prefix in ready:
                start, count = self._waiting[prefix] >> _GROUP_BITS, self._waiting[prefix] & _GROUP_MASK
                filing += zip(self._waiting_numbers[start : start + count],
                              self._waiting_terms[start : start + count], strict=True)
            self._file(filing)
            for prefix in ready:
                del self._waiting[prefix]

    def _add_phrase(self, number: int, term: Term, folded: tuple[str, ...],
                    surfaces: tuple[str, ...]) -> None:
        key = self._stems.learned(folded)
        # a new list, in the data's order, where a thread matching may be reading the old
        self._phrases[key] = _in_order(self._phrases.get(key, []), (number, term, surfaces))
        if len(key) > 1:
            self._openings.add((key[0], key[1]))  # before the width, which a thread matching may see
        widths = self._widths.get(key[0], [])
        if len(key) not in widths:
            # a new list, not sorted in place, where a thread matching may be reading the old
            self._widths[key[0]] = sorted([*widths, len(key)], reverse=True)  # leftmost-longest
        # country names only: place alternates are too many and too loose for this
        if (self._check_shape and self._inflecting and not self._prefixing and term.case != "exact"
                and term.inflects):
            letters, shape_prefix = folded[0][:_PREFIX_KEY], self._shape_prefix(term, folded[0])
            self._inflected[letters] = _in_order(self._inflected.get(letters, []),
                                                 (number, term, surfaces, shape_prefix))
            # a new tuple, where a thread matching may be reading the old
            self._shape_prefixes[letters] = (*self._shape_prefixes.get(letters, ()), shape_prefix)

    def _shape_prefix(self, term: Term, folded: str) -> str:
        """What a word must begin with for _match_inflected to take it for the name's first word
        (folded): the letters _begins_alike keeps, or the base _Endings.inflect keeps if shorter."""
        alike = folded[: _alike_letters(folded)]
        base = self._endings.base_for(term, folded)
        return base if base is not None and len(base) < len(alike) else alike

    def _add_other(self, number: int, term: Term) -> None:
        text = term.text.strip()
        if UNSPACED.search(text):
            self._unspaced[text[0]].append((text, term))
        elif text.endswith("*"):
            parts = tuple((fold(part.rstrip("*")).rstrip("-‐"), part.endswith("*"))
                          for part in text.split())
            first = parts[0][0]
            if len(first) >= _PREFIX_KEY:
                key = first[:_PREFIX_KEY]
                # a new list, as _add_phrase makes, where a thread matching may be reading the
                # old; longest first, and in the data's order among phrases of one length
                self._prefixes[key] = sorted([*self._prefixes.get(key, []), (number, parts, term)],
                                             key=lambda entry: (-len(entry[1]), entry[0]))

    def find(self, text: str, article: ArticleText | None = None) -> list[Hit]:
        """Every match in text, leftmost-longest, in order of position.

        article holds text's words and stems when the caller has them (one article's text is
        scanned by several indexes, which then tokenize and stem it once).
        """
        if article is None:
            words = tokens(text)
            stems = self._stems.of(words)
            keys = _WordKeys.of(text, words, stems)
        else:
            words = article.title_words if text is article.title else article.body_words
            stems = article.stems(words, self._stems)
            keys = article.derived(("keys", id(words), self._stems.language),
                                   lambda: _WordKeys.of(text, words, stems))
        if self._waiting:
            self._file_waiting(keys.filing_set)
        hits = self._find_spaced(text, words, stems, keys)
        if self._unspaced and keys.unspaced:
            hits += self._find_unspaced(text)
            hits.sort(key=lambda hit: hit.start)
        return hits

    def _find_spaced(
        self, text: str, words: list[Token], stems: list[str], keys: _WordKeys
    ) -> list[Hit]:
        tries = self._tries(words, stems, keys)
        hits: list[Hit] = []
        free = 0  # words before it are inside a match already
        for i in sorted(tries):
            if i < free:
                continue
            width = 0
            if tries[i] & _PHRASE:
                width = self._match_at(text, words, stems, i, hits)
            if not width and tries[i] & _INFLECTED:
                width = self._match_inflected(text, words, i, hits)
            if not width:
                if tries[i] & _PREFIX:
                    width = self._match_prefix(text, words, i, hits)
                width = width or 1
            free = i + width
        return hits

    def _tries(self, words: list[Token], stems: list[str], keys: _WordKeys) -> dict[int, int]:
        """The words that may begin a match, with what they may begin (_PHRASE, ...).

        Only words whose stem or first letters some term shares can; they are found by set
        intersection and a scan in C, to be tried left to right as a scan of every word would.
        """
        tries: dict[int, int] = {}
        shared = self._widths.keys() & keys.stem_set
        if shared:
            widths, openings, last = self._widths, self._openings, len(stems) - 1
            for i in compress(count(), map(shared.__contains__, stems)):
                # a phrase of one word, or the next word goes on with it: the, de and la begin
                # many place names, and mostly stand before other words
                if widths[stems[i]][-1] == 1 or (i < last and (stems[i], stems[i + 1]) in openings):
                    tries[i] = _PHRASE
        shared = self._shape_prefixes.keys() & keys.prefix_set
        if shared:
            shape_prefixes = self._shape_prefixes
            for i in compress(count(), map(shared.__contains__, keys.prefixes)):
                if words[i].folded.startswith(shape_prefixes[keys.prefixes[i]]):
                    tries[i] = tries.get(i, 0) | _INFLECTED
        shared = self._prefixes.keys() & keys.prefix_set
        if shared:
            for i in compress(count(), map(shared.__contains__, keys.prefixes)):
                tries[i] = tries.get(i, 0) | _PREFIX
        return tries

    def _match_inflected(self, text: str, words: list[Token], i: int, hits: list[Hit]) -> int:
        """A name with an ending the stemmer kept; the closest name wins (Nigeria, not Niger)."""
        best: tuple[int, int, Term] | None = None  # (-width, added letters, term)
        folded = words[i].folded
        for _, term, surfaces, shape_prefix in self._inflected.get(folded[:_PREFIX_KEY], ()):
            if not folded.startswith(shape_prefix):
                continue  # neither test below could take it: most words sharing three letters
            width = len(surfaces)
            span = words[i : i + width]
            if len(span) < width or not _adjacent(text, words, i, width):
                continue
            if not _case_ok(term.case, span, surfaces):
                continue
            added = sum(len(w.folded) - len(s) for w, s in zip(span, surfaces, strict=True))
            # a language whose endings are listed inflects by them alone: Francisco is no form
            # of Francia; one with no list, a few letters at the end
            if (not self._endings.listed and _loosely_inflected(span, surfaces, term)) \
                    or self._endings.inflect(span, surfaces, term):
                candidate = (-width, added, term)
                if best is None or candidate[:2] < best[:2]:
                    best = candidate
        if best is None:
            return 0
        width = -best[0]
        hits.append(Hit(best[2], words[i].start, words[i + width - 1].end))
        return width

    def _match_at(
        self, text: str, words: list[Token], stems: list[str], i: int, hits: list[Hit]
    ) -> int:
        opens = i + 1 < len(stems) and (stems[i], stems[i + 1]) in self._openings
        for width in self._widths[stems[i]]:
            if i + width > len(words) or (width > 1 and not opens):
                continue
            entries = self._phrases.get(tuple(stems[i : i + width]))
            if not entries:
                continue
            together = _adjacent(text, words, i, width)
            # initials stand apart by their dots (U.S., EE. UU., É.-U.): only a dotted term
            # takes words parted so, or a sentence's last word and the next would make a name
            if not together and not _adjacent(text, words, i, width, _DOTTED_JOINERS):
                continue
            span = words[i : i + width]
            taken: Term | None = None
            for _, term, surfaces in entries:
                if not together and "." not in term.text:
                    continue
                if _case_ok(term.case, span, surfaces) and (
                    not self._check_shape
                    or (_ends_alike(span, surfaces, self._stems.rewritten) if self._prefixing
                        else (_whole(span, surfaces) if term.agency else _begins_alike(span, surfaces)
                              and not (term.place and _cut_short(span, surfaces)))
                        or self._endings.inflect(span, surfaces, term, stemmed_alike=True))
                ):
                    # a name as written, before another of the same stem (Pristina, Pristin)
                    if len(entries) == 1 or not self._check_shape or _written_as(span, surfaces):
                        taken = term
                        break
                    taken = taken or term
            if taken is not None:
                end = span[-1].end
                if taken.text.endswith(".") and text[end : end + 1] == ".":
                    end += 1  # U.S. as written, its last dot too
                hits.append(Hit(taken, span[0].start, end))
                return width
        return 0

    def _match_prefix(self, text: str, words: list[Token], i: int, hits: list[Hit]) -> int:
        for _, parts, term in self._prefixes.get(words[i].folded[:_PREFIX_KEY], ()):
            width = len(parts)
            span = words[i : i + width]
            if len(span) == width and all(
                word.folded.startswith(part) if is_prefix else word.folded == part
                for word, (part, is_prefix) in zip(span, parts, strict=True)
            ) and (width == 1 or _adjacent(text, words, i, width)):
                hits.append(Hit(term, span[0].start, span[-1].end))
                return width
        return 0

    def _find_unspaced(self, text: str) -> list[Hit]:
        """Leftmost-longest matches of the unspaced terms: every match found in C, then the
        longest at each start, left to right. (pyahocorasick's own iter_long drops matches
        that follow a longer one it tried and gave up.)"""
        automaton = self._automaton or self._unspaced_automaton()
        longest: dict[int, tuple[int, Term]] = {}
        for end, (length, term) in automaton.iter(text):
            start = end + 1 - length
            if length > longest.get(start, (0, term))[0]:
                longest[start] = (length, term)
        hits = []
        free = 0  # characters before it are inside a match already
        for start in sorted(longest):
            if start >= free:
                length, term = longest[start]
                hits.append(Hit(term, start, start + length))
                free = start + length
        return hits

    def _unspaced_automaton(self) -> ahocorasick.Automaton:
        # made again by a thread that asks at the same moment: the same automaton
        automaton = ahocorasick.Automaton()
        for entries in self._unspaced.values():
            for text, term in entries:
                if text not in automaton:  # the first term the data gives a text
                    automaton.add_word(text, (len(text), term))
        automaton.make_automaton()
        self._automaton = automaton
        return automaton


_PHRASE, _INFLECTED, _PREFIX = 1, 2, 4  # what a word may begin


@dataclass(frozen=True)
class _WordKeys:
    """Each word's stem and first letters in a field, and the sets of them, for every index."""

    stems: list[str]
    # first _PREFIX_KEY letters: for terms like "quanten*", and for inflected names (Čína and
    # Čínou share three)
    prefixes: list[str]
    stem_set: set[str]
    prefix_set: set[str]
    # first _PREFIX_KEY and _PLACE_KEY letters: what the names waiting to be filed wait for
    filing_set: set[str]
    unspaced: bool  # whether the field holds text of unspaced scripts, for substring matching

    @classmethod
    def of(cls, text: str, words: list[Token], stems: list[str]) -> _WordKeys:
        prefixes: list[str] = list(map(getitem, map(_FOLDED, words), repeat(_FIRST_LETTERS)))
        prefix_set = set(prefixes)
        filing: set[str] = prefix_set.union(map(getitem, map(_FOLDED, words), repeat(_PLACE_LETTERS)))
        return cls(stems, prefixes, set(stems), prefix_set, filing,
                   UNSPACED.search(text) is not None)


_FOLDED = attrgetter("folded")  # in C, not a Python call a word
_FIRST_LETTERS = slice(0, _PREFIX_KEY)
_PLACE_LETTERS = slice(0, _PLACE_KEY)


@lru_cache(maxsize=1 << 17)  # the same place names are indexed again for every language
def _phrase_words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """A phrase term's words, folded and as written; None for substrings, prefixes and empties."""
    text = text.strip()
    if UNSPACED.search(text) or text.endswith("*"):
        return None
    surfaces = plain_words(text)
    if surfaces is not None:  # most names: tokens() would find the same, at ten times the cost
        return tuple(map(str.casefold, surfaces)), tuple(surfaces)
    words = _term_tokens(text)
    if not words:
        return None
    return tuple(word.folded for word in words), tuple(word.surface for word in words)




@lru_cache(maxsize=1 << 17)
def _waiting_key(text: str, place: bool) -> str | None:
    """The first letters a text's word needs for a name to match there; None when the name is
    matched otherwise (substrings, prefixes) or its first word is too short. Other names wait
    for three letters: a country's name may keep only three before its ending (Čína, Čínou)."""
    words = _phrase_words(text)
    if words is None or len(words[0][0]) < _PREFIX_KEY:
        return None
    first = words[0][0]
    return first[:_PLACE_KEY] if place and len(first) >= _PLACE_KEY else first[:_PREFIX_KEY]


@lru_cache(maxsize=1 << 17)  # the same place names are indexed again for every language
def _term_tokens(text: str) -> tuple[Token, ...]:
    return tuple(tokens(text))


def _adjacent(text: str, words: list[Token], i: int, width: int, joiners: str = _JOINERS) -> bool:
    """Whether the words of a phrase stand together, not across punctuation (but joiners)."""
    return all(
        not text[words[k].end : words[k + 1].start].strip(joiners)
        for k in range(i, i + width - 1)
    )


_Entry = TypeVar("_Entry", bound=tuple[Any, ...])


def _in_order(entries: list[_Entry], entry: _Entry) -> list[_Entry]:
    """entries with entry among them, in the order of their first item (the term's place in
    the data)."""
    kept = list(entries)
    insort(kept, entry, key=lambda item: item[0])
    return kept


def _loosely_inflected(span: list[Token], surfaces: tuple[str, ...], term: Term) -> bool:
    """Whether each word is the name's word with up to a few letters more, in a language whose
    endings are not listed. A firm's or agency's name declines whole (Internet is no form of
    Intel), and a short name takes none (Malindi is no form of Mali)."""
    if not (_whole(span, surfaces) if term.agency else _begins_alike(span, surfaces)):
        return False
    if not all(word.folded.startswith(folded) or _swaps_last_vowel(word.folded, folded)
               for word, folded in zip(span, map(fold, surfaces), strict=True)):
        return False
    return all(0 <= len(word.folded) - len(folded) <= _MAX_ENDING
               and (len(folded) >= _MIN_LOOSE_NAME or word.folded == folded)
               for word, folded in zip(span, map(fold, surfaces), strict=True))


def _cut_short(span: list[Token], surfaces: tuple[str, ...]) -> bool:
    """Whether a word is its place name's word with letters missing at the end and none in
    their stead: a stemmer reads Taipa (Macau) like Lithuanian taip (so), while a place's cases
    swap or add letters (Vilnius: Vilnių, Москва: Москву)."""
    return any(len(word.folded) < len(folded) and folded.startswith(word.folded)
               for word, folded in zip(span, map(fold, surfaces), strict=True))


def _swaps_last_vowel(word: str, name: str) -> bool:
    """Whether a word that begins like a name save its last letter is a derived word: one that
    swaps the name's final vowel for an ending that begins with a vowel (Malta: Maltese,
    Argentina: Argentine, Italy: Italian). A final consonant stays (Israel: Israeli, Benin:
    Beninese), so Benigno is no form of Benin, and Indicate none of India. Letters of other
    scripts are left to the other tests."""
    last, next_letter = name[-1:], word[len(name) - 1 : len(name)]
    if not _is_latin(last):
        return True
    return last in _LATIN_VOWELS and (not next_letter or next_letter in _LATIN_VOWELS)


def _is_latin(letter: str) -> bool:
    return letter.isalpha() and unicodedata.name(letter, "").startswith("LATIN")


def _whole(span: list[Token], surfaces: tuple[str, ...]) -> bool:
    """Whether each word begins with the whole of the term's word."""
    return all(word.folded.startswith(fold(surface)) for word, surface in zip(span, surfaces, strict=True))


def _written_as(span: list[Token], surfaces: tuple[str, ...]) -> bool:
    return all(word.folded == fold(surface) for word, surface in zip(span, surfaces, strict=True))


def _begins_alike(span: list[Token], surfaces: tuple[str, ...]) -> bool:
    """Whether each word begins like the term's word, save its last letter.

    A stem alone is too loose for names: Russian stems Александр like Александрия and Китая like
    Кито. Inflection changes the end of a word; it keeps all but the last letter or so.
    """
    for word, folded in zip(span, map(fold, surfaces), strict=True):
        if not word.folded.startswith(folded[: _alike_letters(folded)]):
            return False
    return True


def _alike_letters(folded: str) -> int:
    """How many first letters of a name's word a word must share to begin alike."""
    return max(len(folded) - 1, min(len(folded), _MIN_SHARED_PREFIX))


class _Endings:
    """A language's case endings: Мьянма is мьянм + а, so мьянмой (мьянм + ой) names it too."""

    # letters a base keeps: four (dans is no form of danois), three for a proper name written
    # with its capital (Čína: Čínou, Kína: Kínával)
    _MIN_BASE = 4
    _MIN_NAME_BASE = 3

    def __init__(self, endings: Iterable[str]) -> None:
        self._endings = frozenset(map(fold, endings)) | {""}
        self.listed = len(self._endings) > 1
        self._longest = max(map(len, self._endings))
        self._bases: dict[tuple[str, int], tuple[str, ...]] = {}

    def base(self, name: str, keep: int) -> str:
        """The name less its own longest ending, keeping at least `keep` letters."""
        return self.bases(name, keep)[0]

    def bases(self, name: str, keep: int) -> tuple[str, ...]:
        """The name less each of its own listed endings, keeping at least `keep` letters, the
        shortest base first, and last the name itself: a name's last letters may be an ending's
        and yet its own (Bengali যুক্তরাষ্ট্র, the United States, ends in the genitive র, and its
        genitive is যুক্তরাষ্ট্রের)."""
        found = self._bases.get((name, keep))
        if found is None:
            found = (*(name[:-size] for size in range(min(self._longest, len(name) - keep), 0, -1)
                       if name[-size:] in self._endings), name)
            self._bases[(name, keep)] = found
        return found

    def base_for(self, term: Term, name: str) -> str | None:
        """The base inflect() reads a name's word (folded) as; None where it never inflects."""
        keep = self._base_letters(term)
        return None if keep is None else self.base(name, keep)

    def _base_letters(self, term: Term) -> int | None:
        if self._longest == 0 or not term.inflects or term.place:
            return None
        return self._MIN_NAME_BASE if term.case == "capital" else self._MIN_BASE

    def inflect(self, span: list[Token], surfaces: tuple[str, ...], term: Term,
                stemmed_alike: bool = False) -> bool:
        """Whether each word is its name word's base with one of the language's endings (for
        names and adjectives; places are too many and too loose for it)."""
        keep = self._base_letters(term)
        if keep is None:
            return False
        if term.agency:
            # a firm's or agency's name is a foreign word that declines whole: Gazprom-u,
            # Chevron-om, Газпром-а (not Газпр-а, as Россия is Росси-я)
            return all(word.folded.startswith(folded := fold(surface))
                       and word.folded[len(folded):] in self._endings
                       for word, surface in zip(span, surfaces, strict=True))
        for word, folded in zip(span, map(fold, surfaces), strict=True):
            if not (self._takes(word.folded, folded, keep, stemmed_alike) or (
                    keep > self._MIN_NAME_BASE and len(word.folded) >= len(folded)
                    and self._takes(word.folded, folded, self._MIN_NAME_BASE,
                                    stemmed_alike, short_endings=True))):
                return False
        return True

    def _takes(self, word: str, name: str, keep: int, stemmed_alike: bool = False,
               short_endings: bool = False) -> bool:
        """Whether word is name's base (keeping keep letters) with one of the endings.

        The ending is no shorter than the name's own, or none: inflection swaps or adds
        (Россия: России, Россией; francés: francesa), so franco, a shorter ending on
        francés's base, is another word, while Chin (z Chin) is Chiny's bare base. A short base
        takes a one-letter ending only for an adjective that swaps its own (ruso: rusa), never
        for a capital name (Malá is no case of Mali, though Kínával is one of Kína).

        A name may end in several listed endings (Albanian Argjentinë in -inë, -në and -ë): each
        base is tried, the shortest first (Argjentin-ën)."""
        for base in self.bases(name, keep):
            ending = word[len(base):]
            if not (word.startswith(base) and ending in self._endings):
                continue
            if ending and len(ending) < len(name) - len(base) and not stemmed_alike:
                continue
            if len(base) >= self._MIN_BASE or len(ending) >= 2 or short_endings:
                return True
        return False


_MAX_BOUND_LETTERS = 3  # و + ب + ال in front of a name


def _ends_alike(span: list[Token], surfaces: tuple[str, ...], rewritten: Callable[[str], str]) -> bool:
    """Whether each word is the term's word with at most a few bound letters in front, as
    written or as the stemmer reads its beginning (Arabic للصين, to China, drops the alif of
    الصين)."""
    return all(
        any(form.endswith(folded) and len(form) - len(folded) <= _MAX_BOUND_LETTERS
            for form in (word.folded, rewritten(word.folded)))
        for word, folded in zip(span, map(fold, surfaces), strict=True)
    )


def _case_ok(case: Case, span: list[Token], surfaces: tuple[str, ...]) -> bool:
    if case == "any":
        return True
    if case == "capital":
        return span[0].surface[:1].isupper()
    return tuple(word.surface for word in span) == surfaces
