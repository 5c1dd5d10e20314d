"""The enrichers' data (names, cue words, sector terms), indexed per language on first use.

Built from plain dicts so that enrich/ itself reads no files: coopwatch.vocabulary loads them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, Protocol

from coopwatch.enrich.dyads import ShortForms, combining_forms, first_parts
from coopwatch.enrich.matcher import Case, Term, TermIndex
from coopwatch.enrich.ngramlang import NgramLanguages
from coopwatch.enrich.text import has_case, script_of
from coopwatch.scripts import UNSPACED, bokmal_language, stored_language

PLACE_WEIGHT = 0.75  # a city names its country less surely than the country's own name
NOT_A_COUNTRY = "-"  # the tag of phrases that hide a place name (the Paris Agreement)
ENVOY_REACH = 40  # characters between an envoy's word and the scene's word ("Japan's ambassador in")
# Sister languages read each other's names (Malay Jepun in a text langdetect calls Indonesian).
_SISTERS = {"id": ("ms",), "ms": ("id",)}
# Han, kana, Hangul, Thai: places of these match in any language
_UNSPACED_SCRIPTS = "unspaced"
# How each language shortens a country inside a dyad: a character (中哥, 日韓), a syllable
# (한-미), or a name's first word (Việt–Nhật).
_SHORT_FORM_PARTS = {"zh": "compact", "ja": "compact", "ko": "char", "vi": "word"}
_MIN_MUTATED = 4  # letters a name's mutated form keeps (mutated())
_MIN_INFLECTED_AGENCY = 5  # letters a company or agency needs before endings may follow it


def _hand(language: str | None) -> str:
    """The key of a language in the hand-made data files (Norwegian under no)."""
    return stored_language(language or "")


@lru_cache(maxsize=1 << 17)  # the same places are indexed again for every language
def _case_for(text: str, default: Case) -> Case:
    """Names in capitals (US, РФ, AI) must stand as written; else the default for the source."""
    if not text.isupper():  # a lower-case letter, or no cased one: never all capitals
        return default if has_case(text) else "any"
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return "exact"
    return default if has_case(text) else "any"


class IndexCache(Protocol):
    """Where a vocabulary keeps what it builds, for later processes (coopwatch.vocabulary keeps
    it on disk: enrich/ does no I/O). What is kept refers to the objects of `shared`, which
    every process makes alike, instead of holding copies of them."""

    def load(self, name: str, shared: Sequence[object]) -> object | None:
        """What was kept under name, or None (never kept, or unreadable)."""

    def save(self, name: str, value: object, shared: Sequence[object]) -> None:
        """Keep value under name; a cache that cannot be written is only slower."""


@dataclass
class Vocabulary:
    """Everything enrichment knows, in data; indexes are built per language when first asked."""

    country_names: Mapping[str, Mapping[str, str]]  # CLDR: language -> name -> code
    places: Mapping[str, str]  # capitals, big cities, states: name -> code
    aliases: Mapping[str, Any]  # aliases.toml
    cue_lists: Mapping[str, Mapping[str, list[str]]]  # cues.toml: kind -> language -> terms
    sector_lists: Mapping[str, Mapping[str, list[str]]]  # sector -> language -> terms
    labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # language -> id -> label
    function_words: Mapping[str, Any] = field(default_factory=dict)  # function_words.toml
    date_words: Mapping[str, Any] = field(default_factory=dict)  # dates.toml
    adjectives: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # CLDR: language -> adjective -> code
    endings: Mapping[str, list[str]] = field(default_factory=dict)  # endings.toml: language -> case endings
    # endings.toml [place_endings]: languages whose place names keep their form -> what they add
    place_endings: Mapping[str, list[str]] = field(default_factory=dict)
    # endings.toml [clitics]: letters a language without a stemmer binds in front of a word
    clitics: Mapping[str, list[str]] = field(default_factory=dict)
    # endings.toml [before_stemming]: beginnings rewritten before a language's stemmer runs
    before_stemming: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # endings.toml [hangul_prefixes]: syllables a Korean word may put before a country's name
    hangul_prefixes: frozenset[str] = frozenset()
    # endings.toml [initial_mutations]: a language's beginnings -> what they may become
    initial_mutations: Mapping[str, Mapping[str, list[str]]] = field(default_factory=dict)
    # endings.toml [locative]: the words that set the scene right before a place ("in the")
    locative: Mapping[str, list[str]] = field(default_factory=dict)
    # endings.toml [envoys]: ambassador, embassy ...: a country after "ambassador ... in" acts
    envoys: Mapping[str, list[str]] = field(default_factory=dict)
    # endings.toml [uninflected]: languages whose names match only as written
    uninflected: frozenset[str] = frozenset()
    # lemmas.json: in languages without a stemmer, the forms of listed words -> their lemma
    lemmas: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # name_forms.json: forms of names that stems and endings miss (Niemczech) -> country
    name_forms: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    user_sector_terms: Mapping[str, Iterable[str]] = field(default_factory=dict)
    # langdetect's profiles as arrays, asked for only when a text first needs its language found
    languages: Callable[[], NgramLanguages] | None = None
    # the indexes as built by an earlier process with the same data and code: a worker that
    # loads them skips most of its start (building an index took 20 to 100 ms a language)
    index_cache: IndexCache | None = None
    _indexes: dict[tuple[str, str], TermIndex] = field(default_factory=dict, repr=False)
    _place_terms: list[tuple[str, str, Term]] = field(default_factory=list, repr=False)
    _shared_objects: list[object] = field(default_factory=list, repr=False)
    _short_forms: dict[str, ShortForms | None] = field(default_factory=dict, repr=False)
    _combining: dict[str, str] | None = field(default=None, repr=False)

    def fixed_place_forms(self, language: str | None) -> frozenset[str] | None:
        """What a place name may add in a language whose place names keep their form (Berlins),
        or None where they inflect (Москве) and the stemmer decides."""
        return self._fixed_place_forms.get(_hand(language))

    @cached_property
    def _fixed_place_forms(self) -> dict[str, frozenset[str]]:  # asked for by every article
        return {language: frozenset(["", *endings]) for language, endings in self.place_endings.items()}

    def scenery(self, language: str | None) -> re.Pattern[str] | None:
        """What stands just before a place that is the story's scene: a search for it matches
        at the end of the text before a name ("... landed in "); None where no words are known."""
        return self._scenery.get(_hand(language))

    @cached_property
    def _scenery(self) -> dict[str, re.Pattern[str]]:
        return {
            language: re.compile(
                rf"(?<!\w)(?:{'|'.join(map(re.escape, sorted(words, key=len, reverse=True)))})\s+$",
                re.IGNORECASE)
            for language, words in self.locative.items() if words
        }

    def envoy_scenery(self, language: str | None) -> re.Pattern[str] | None:
        """An envoy's word a few words before the scene's word: a search for it matches at the
        end of the text before a name ("Japan's ambassador in "), which names where the envoy is
        posted, a party; None where no words are known."""
        return self._envoy_scenery.get(_hand(language))

    @cached_property
    def _envoy_scenery(self) -> dict[str, re.Pattern[str]]:
        def choice(words: Iterable[str]) -> str:
            return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))

        return {
            language: re.compile(
                rf"(?<!\w)(?:{choice(envoys)})(?!\w)[^.!?\n]{{0,{ENVOY_REACH}}}?"
                rf"(?<!\w)(?:{choice(self.locative[language])})\s+$", re.IGNORECASE)
            for language, envoys in self.envoys.items() if envoys and self.locative.get(language)
        }

    @property
    def compact(self) -> Mapping[str, list[str]]:
        """CJK single characters that stand for countries inside runs like 中俄."""
        compact: Mapping[str, list[str]] = self.aliases.get("compact", {})
        return compact

    @property
    def combining(self) -> dict[str, str]:
        """Combining forms that stand for a country before a dash: franco-, sino-, anglo-."""
        if self._combining is None:  # asked for by every article
            self._combining = combining_forms(self.aliases.get("combining", {}).items())
        return self._combining

    def short_forms(self, language: str | None) -> ShortForms | None:
        """The characters or syllables that stand for countries in this language's dyads (中哥,
        한-미, Việt–Nhật); None where the language writes dyads with whole names."""
        key = language or ""
        if key not in self._short_forms:
            part = _SHORT_FORM_PARTS.get(key)
            forms = None
            if part is not None:
                conventional = self.compact if part == "compact" else \
                    self.aliases.get("short_forms", {}).get(key, {})
                names = self.country_names.get(key, {})
                unjoined = self.aliases.get("unjoined_dyads", {}).get(key, {})
                forms = ShortForms(part, conventional,
                                   first_parts(names, "word" if part == "word" else "char"),
                                   unjoined.get("dyads", ()), unjoined.get("not", ()))
            self._short_forms[key] = forms
        return self._short_forms[key]

    @property
    def compact_exceptions(self) -> list[str]:
        """Words that hold a run of compact characters but name no pair."""
        return list(self.aliases.get("compact_exceptions", {}).get("words", []))

    def gloss_names(self, target: str) -> dict[str, str]:
        """Country codes, sector ids and cue kinds as words of the target language."""
        cldr = self.country_names.get(bokmal_language(target)) or self.country_names["en"]
        names = {code: name for name, code in cldr.items()}
        names.update(self.labels.get("en", {}))
        names.update(self.labels.get(target, {}))
        return names

    def sector_min_score(self, sector: str, default: float) -> float:
        """The weight a sector's terms need in a story; the data may set it lower per sector."""
        return float(self.sector_lists.get(sector, {}).get("min_score", default))  # type: ignore[arg-type]

    def sector_passing_min_score(self, sector: str, default: float) -> float:
        """The weight a broad sector's terms need in a story; the data may set it higher for a
        sector whose everyday words stories use in passing (industry, a road, a port)."""
        return float(self.sector_lists.get(sector, {}).get("passing_min_score", default))  # type: ignore[arg-type]

    @cached_property
    def broad_sector_terms(self) -> frozenset[tuple[str, str]]:
        """(sector, term folded) of the terms a sector lists as broad (its "broad" table): words
        of the sector that stories use in passing (space's aviation: a plane, a flight), which
        the sector's own lower bar does not take alone."""
        return frozenset(
            (sector, text.casefold())
            for sector, table in self.sector_lists.items()
            for texts in table.get("broad", {}).values()  # type: ignore[union-attr]
            for text in texts
        )

    def ngram_languages(self) -> NgramLanguages | None:
        """langdetect's profiles ready to detect with; None when the vocabulary has none."""
        return self.languages() if self.languages is not None else None

    def countries(self, language: str | None) -> TermIndex:
        """The country-name index for texts in this language."""
        return self._index("countries", language, self._country_terms, names=True)

    def cues(self, language: str | None) -> TermIndex:
        """Cooperation and conflict cue words for this language."""
        return self._index("cues", language, self._cue_terms)

    def sectors(self, language: str | None) -> TermIndex:
        """Sector terms for this language, with the user's own terms."""
        return self._index("sectors", language, self._sector_terms)

    def _index(self, kind: str, language: str | None, build: Any, names: bool = False) -> TermIndex:
        key = (kind, language or "")
        index = self._indexes.get(key)
        if index is None:
            name = f"{kind}-{language or '-'}"
            kept = self.index_cache.load(name, self._shared()) if self.index_cache else None
            if isinstance(kept, TermIndex):
                index = kept
            else:
                endings = self.endings.get(_hand(language), ()) if names else ()
                clitics = self.clitics.get(_hand(language), ())
                rewrites = self.before_stemming.get(_hand(language), {})
                index = TermIndex(language, build(language or "en"), names=names,
                                  endings=endings, clitics=clitics, rewrites=rewrites,
                                  lemmas=self.lemmas.get(_hand(language)),
                                  inflecting=_hand(language) not in self.uninflected)
                if self.index_cache:  # as built, before any text files its waiting names
                    self.index_cache.save(name, index, self._shared())
            self._indexes[key] = index
        return index

    def _shared(self) -> list[object]:
        """What every index refers to rather than holds (IndexCache): the place terms, which
        each spaced language's country index lists, and the lemma tables."""
        if not self._shared_objects:
            self._shared_objects = [*(term for _, _, term in self._places()),
                                    *(self.lemmas[language] for language in sorted(self.lemmas))]
        return self._shared_objects

    def _country_terms(self, language: str) -> Iterable[Term]:
        excluded_places = set(self.aliases.get("exclude", {}).get("places", []))
        excluded_names = set(self.aliases.get("exclude", {}).get("names", {}).get(language, []))
        # matched whole and then dropped: a place inside them names no actor
        for phrase in _for_language(self.aliases.get("not_countries", {}), language):
            yield Term(NOT_A_COUNTRY, phrase, "any", weight=0.0)
        hand = dict(self.aliases.get("names", {}).get(_hand(language), {}))
        for sister in _SISTERS.get(language, ()):
            hand.update(self.aliases.get("names", {}).get(sister, {}))
        mutations = self.initial_mutations.get(_hand(language), {})
        for name, code in hand.items():
            # written with a capital in the data (Russian, Mỹ, Däne): a proper noun in the text too
            for form in mutated(name, mutations):
                # written in lower case: an adjective, in the languages that write them so
                yield Term(code, form, _case_for(form, "capital" if form[:1].isupper() else "any"),
                           inflects=True, adjective=form[:1].islower())
        for name, code in self.aliases.get("abbreviations", {}).items():
            yield Term(code, name, "exact")
        # a person's name takes only the endings a language lists (Putinem, Путина): a few
        # letters more make other surnames (Rutter is no case of Rutte)
        declines = bool(self.endings.get(_hand(language)))
        for table in ("agencies", "companies", "leaders"):
            for name, code in self.aliases.get(table, {}).items():
                case = _case_for(name, "capital")
                # Газпрома, Gazpromu; a short name's endings would make other words of it
                yield Term(code, name, case, agency=True,
                           inflects=case != "exact" and len(name) >= _MIN_INFLECTED_AGENCY
                           and (declines or table != "leaders"))
        cldr = self.country_names.get(bokmal_language(language), {})
        for name, code in cldr.items():
            if name not in excluded_names:
                for form in mutated(name, mutations):
                    yield Term(code, form, _case_for(form, "capital"), inflects=True)
        # adjectives are lower case in most languages (japoński, японский, français)
        for name, code in self.adjectives.get(bokmal_language(language), {}).items():
            if name not in excluded_names and name not in hand:
                yield Term(code, name, "any", inflects=True, adjective=True)
        # a name's forms that change its letters (w Niemczech, Yhdysvaltojen), as written
        for form, code in self.name_forms.get(_hand(language), {}).items():
            if form not in excluded_names:
                yield Term(code, form, "capital" if form[:1].isupper() else "any",
                           adjective=form[:1].islower())
        scripts = {script_of(name) for name in list(cldr)[:20]} or {"latin"}
        if scripts == {"latin"} and language != "en":
            # Many Latin-script newsrooms write country names in English (China, India), as
            # written: a foreign name takes no ending, and its stem is the text's own words'
            # (Spanish stems France like Franco)
            for name, code in self.country_names.get("en", {}).items():
                if name not in cldr and name not in excluded_names:
                    yield Term(code, name, "exact", weight=0.75)
        scripts.add(_UNSPACED_SCRIPTS)
        for name, script, term in self._places():
            if script in scripts and name not in excluded_places and name not in excluded_names:
                yield term

    def _places(self) -> list[tuple[str, str, Term]]:
        """Every place with its script and term, the same for every language."""
        if not self._place_terms:  # made whole, then set: threads may ask at once
            kept = self.index_cache.load("places", ()) if self.index_cache else None
            if isinstance(kept, list):
                self._place_terms = kept
                return kept
            places = [
                (name, _UNSPACED_SCRIPTS if UNSPACED.search(name) else script_of(name),
                 Term(code, name, _case_for(name, "capital"), weight=PLACE_WEIGHT, place=True))
                for name, code in self.places.items()]
            if self.index_cache:
                self.index_cache.save("places", places, ())
            self._place_terms = places
        return self._place_terms

    def _mixed(self, language: str) -> list[str]:
        """The language and those its news mixes in whole phrases (Filipino news writes its
        quotes and many terms in English): function_words.toml [mixed_with]."""
        return [language, *self.function_words.get("mixed_with", {}).get(_hand(language), [])]

    def _cue_terms(self, language: str) -> Iterable[Term]:
        for kind, by_language in self.cue_lists.items():
            for mixed in self._mixed(language):
                for text in _for_language(by_language, mixed):
                    yield Term(kind, text, _case_for(text, "any"))

    def _sector_terms(self, language: str) -> Iterable[Term]:
        for sector, by_language in self.sector_lists.items():
            broad: Mapping[str, list[str]] = by_language.get("broad", {})  # type: ignore[assignment]
            for mixed in self._mixed(language):
                for text in (*_for_language(by_language, mixed), *_for_language(broad, mixed)):
                    yield Term(sector, text, _case_for(text, "any"))
        for sector, texts in self.user_sector_terms.items():
            for text in texts:
                yield Term(sector, text, _case_for(text, "any"))


def mutated(name: str, mutations: Mapping[str, list[str]]) -> list[str]:
    """The name and its forms after initial mutation (Cymru: Gymru, Nghymru, Chymru), by the
    longest beginning of the name that mutations lists; a form shorter than _MIN_MUTATED
    letters would be some other word (Gini, Guinea, would be Ini)."""
    folded = name.casefold()
    for size in sorted({len(beginning) for beginning in mutations}, reverse=True):
        changes = mutations.get(folded[:size])
        if changes is not None:
            rest = name[size:]
            return [name, *(_capital_as(name, change + rest) for change in changes
                            if len(change + rest) >= _MIN_MUTATED)]
    return [name]


def _capital_as(name: str, form: str) -> str:
    return form[:1].upper() + form[1:] if name[:1].isupper() else form


def _for_language(by_language: Mapping[str, list[str]], language: str) -> list[str]:
    """A data file's terms for one language, plus those it marks as for every language ("*")."""
    own = by_language.get(_hand(language), [])
    return [*own, *by_language.get("*", [])]
