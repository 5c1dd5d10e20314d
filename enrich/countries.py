"""Countries acting in a story: names, adjectives, capitals and compacts, weighted by position.

A country acts in the story when it stands in the headline or the lead, or recurs in the body; a
single mention deep in the body is a country named in passing.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import NamedTuple

from coopwatch.enrich.compact import CompactRun, find_compact_runs
from coopwatch.enrich.dyads import ShortForms, hangul_dyads, word_dyads
from coopwatch.enrich.matcher import Hit
from coopwatch.enrich.text import ArticleText, fold
from coopwatch.enrich.vocabulary import ENVOY_REACH, NOT_A_COUNTRY, Vocabulary
from coopwatch.scripts import HANGUL
from coopwatch.types import Field

_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f]+")
_HANGUL = re.compile(f"[{HANGUL}]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—]+")
_HYPHENS = "-‐‑"
# A dateline: the places a report was filed from, before the dash, comma and date or bracket
# that open the story ("МОСКВА, 26 апр", "Washington/Moskau –", "सिंगापूर -", "BEIJING (Xinhua)")
_DATELINE_JOINS = re.compile(r"\s*[/,]\s*")
_DATELINE_ENDS = re.compile(r"\s*(?:[-‐‑–—]{1,2}\s|[,.]\s*\d|\(|:\s)")
_DATELINE_START = 40  # characters of the body's opening the dateline may stand after (a byline)
_DATELINE_REACH = 140  # characters from the body's start that a dateline's places may run to
LEAD_CHARS = 400  # the body's opening, where a story names its actors
TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
BODY_WEIGHT = 1.0
ACTOR_MIN_SCORE = 2.0  # the headline, or the lead: where a story names its actors
# Outside the headline an adjective (Russian gas, una empresa mexicana, китайский инвестор) says
# less about who acts than the country's name; in the headline it names the actor ("Canadian
# producer prices fall"). Adjectives are CLDR's language names and the hand-made names written in
# lower case (a capitalised one, English American, cannot be told from a name). Calibrated on the
# development set and our corpora's dev parts: pairs F1 over them 0.736 -> 0.737, the development
# set 0.914 -> 0.927 (countries 0.961 -> 0.971), the parts kept aside 0.680 -> 0.694.
ADJECTIVE_WEIGHT = 0.5
# Named no more than once in the lead, or never in the headline, a country may be the story's
# scene rather than its actor ("landed in the Kazakh steppe"): then the words before it decide
# (endings.toml [locative]).
FIRM_ACTOR_SCORE = 2.5
_SCENE_WORDS_CHARS = 12  # how far before a name the words that set the scene may start
_ENVOY_WORD_CHARS = 20  # the longest envoy's word ("chargé d'affaires")
ACTOR_MIN_SHARE = 0.25  # of the leading country's score: below this a country is background


class Mention(NamedTuple):  # a tuple: an article makes dozens, and each dataclass costs more
    """One place a country is named."""

    code: str
    field: Field
    start: int
    end: int
    term: str
    weight: float
    place: bool = False
    agency: bool = False


@dataclass(frozen=True)
class CountryFindings:
    """All country mentions of an article, its actors, and the pairs compacts state outright."""

    mentions: tuple[Mention, ...]
    actors: tuple[str, ...]  # strongest first
    compact_runs: tuple[tuple[Field, CompactRun], ...]
    scores: tuple[tuple[str, float], ...] = ()  # every country that may act, strongest first

    def with_parties(self, parties: int) -> CountryFindings:
        """The actors, as many as the story says act ("the three countries"): the strongest
        countries named where a story names its actors, though below the leading one's share."""
        if parties <= len(self.actors):
            return self
        more = [code for code, score in self.scores
                if code not in self.actors and score >= ACTOR_MIN_SCORE]
        return replace(self, actors=self.actors + tuple(more[: parties - len(self.actors)]))


class NameSpans:
    """Where one field names countries and places, for the words inside or across them: a word
    there is no sector term or cue word, though it stems like one (Catalan Xipre, Cyprus, like
    xip; Hebrew ארצות הברית, the United States, holding ברית, alliance)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        # the furthest any name starting at or before each one reaches
        self._reach = list(accumulate((end for _, end in ordered), max))

    def overlap(self, start: int, end: int) -> bool:
        """Whether a name reaches into start..end."""
        before = bisect_left(self._starts, end)
        return bool(before) and self._reach[before - 1] > start

    def hold(self, start: int, end: int) -> bool:
        """Whether a name holds all of start..end."""
        before = bisect_right(self._starts, start)
        return bool(before) and self._reach[before - 1] >= end


def position_weight(field: Field, start: int) -> float:
    """How much a mention at this place says about the story."""
    if field == "title":
        return TITLE_WEIGHT
    return LEAD_WEIGHT if start < LEAD_CHARS else BODY_WEIGHT


def find_countries(article: ArticleText, language: str | None, vocab: Vocabulary) -> CountryFindings:
    """Every country mention in title and body, and which countries act in the story."""
    index = vocab.countries(language)
    place_forms = vocab.fixed_place_forms(language)
    mentions: list[Mention] = []
    for field, text, _ in article.fields():
        hits = [hit for hit in index.find(text, article) if hit.term.tag != NOT_A_COUNTRY
                and (place_forms is None or not hit.term.place
                     or _as_written(text[hit.start : hit.end], hit.term.text, place_forms))
                and not _inside_katakana_word(text, hit)
                and not _inside_hangul_word(text, hit, vocab.hangul_prefixes)]
        for hit in _placed(text, hits):
            weight = position_weight(field, hit.start) * hit.term.weight
            if hit.term.adjective and field != "title":
                weight *= ADJECTIVE_WEIGHT
            mentions.append(Mention(hit.term.tag, field, hit.start, hit.end,
                                    text[hit.start : hit.end], weight, hit.term.place,
                                    hit.term.agency))
    named = {mention.code for mention in mentions}
    forms = vocab.short_forms(language)
    characters, anchors = _compact_characters(vocab.compact, forms, named)
    combining = vocab.combining
    runs: list[tuple[Field, CompactRun]] = []
    for field, text, words in article.fields():
        in_field = [mention for mention in mentions if mention.field == field]
        inside_names = {position for mention in in_field
                        for position in range(mention.start, mention.end)}
        for run in find_compact_runs(text, characters, vocab.compact_exceptions, named,
                                     inside_names, anchors):
            runs.append((field, run))
            for offset, code in enumerate(run.codes):
                mentions.append(
                    Mention(code, field, run.start + offset, run.start + offset + 1,
                            text[run.start + offset], position_weight(field, run.start))
                )
        named_at = {mention.start: (mention.end, mention.code) for mention in in_field}
        dyads = word_dyads(text, words, named_at, forms if forms and forms.part == "word" else None,
                           named, combining)
        if forms is not None and forms.part == "char":
            dyads += hangul_dyads(text, forms, named)
        for dyad in dyads:
            runs.append((field, dyad.run))
            for start, end, code in dyad.new_parts:
                mentions.append(Mention(code, field, start, end, text[start:end],
                                        position_weight(field, start)))
    scores = _actor_scores(_without_dateline(article.body, mentions))
    scenery = vocab.scenery(language)
    if scenery is not None:
        scenes = _scenes(article, mentions, scores, scenery, vocab.envoy_scenery(language))
        scores = {code: score for code, score in scores.items() if code not in scenes}
    ranked = tuple(sorted(scores.items(), key=lambda item: (-item[1], item[0])))
    return CountryFindings(tuple(mentions), choose_actors(scores), tuple(runs), ranked)


def _compact_characters(
    compact: Mapping[str, list[str]], forms: ShortForms | None, named: set[str]
) -> tuple[Mapping[str, list[str]], Mapping[str, list[str]] | None]:
    """The characters compact runs read here: the conventional ones, and in Chinese and Japanese
    the first character of each country the text names in full (哥 of 哥斯达黎加); a run must
    then hold a conventional one."""
    if forms is None or forms.part != "compact":
        return compact, None
    characters = dict(compact)
    for character, codes in forms.from_names.items():
        here = [code for code in codes if code in named]
        if here:
            characters[character] = here + [c for c in compact.get(character, []) if c not in here]
    return characters, compact


def _as_written(surface: str, name: str, endings: frozenset[str]) -> bool:
    """Whether a word is the place name itself, or it with one of the language's endings (the
    index may hold the name's unaccented spelling: Moscu for Moscú)."""
    word, folded_name = _bare(surface), _bare(name)
    return word.startswith(folded_name) and word[len(folded_name):] in endings


def _inside_katakana_word(text: str, hit: Hit) -> bool:
    """A katakana name inside a longer katakana word: ボー (Bo) in ボーダフォン (Vodafone); the
    middle dot (・) separates words, so イギリス・フランス names both."""
    if not _KATAKANA.fullmatch(text[hit.start : hit.end]):
        return False
    before = text[hit.start - 1] if hit.start > 0 else ""
    after = text[hit.end] if hit.end < len(text) else ""
    return bool(_KATAKANA.fullmatch(before) or _KATAKANA.fullmatch(after))


def _inside_hangul_word(text: str, hit: Hit, prefixes: frozenset[str]) -> bool:
    """A Hangul name after another syllable of its word that is not one of the prefixes a name
    takes (대중국, 친러시아): the particle 이란 in 협력이란 names no Iran."""
    if hit.start == 0 or not _HANGUL.fullmatch(text[hit.start]):
        return False
    before = text[hit.start - 1]
    if not _HANGUL.fullmatch(before):
        return False
    start = hit.start - 1
    while start > 0 and _HANGUL.fullmatch(text[start - 1]):
        start -= 1
    return text[start : hit.start] not in prefixes


def _bare(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", fold(_SEPARATORS.sub(" ", text)))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _placed(text: str, hits: list[Hit]) -> list[Hit]:
    """Hits without places that the text puts elsewhere: "Moscow, Idaho" is in the US."""
    kept = []
    for number, hit in enumerate(hits):
        following = hits[number + 1] if number + 1 < len(hits) else None
        if (
            hit.term.place
            and following is not None
            and following.term.tag != hit.term.tag
            and text[hit.end : following.start].strip() in (",", "(")
        ):
            continue
        if hit.term.place and _joined_behind(text, hit, hits[number - 1] if number else None):
            continue
        kept.append(hit)
    return kept


def _joined_behind(text: str, hit: Hit, previous: Hit | None) -> bool:
    """A place ending a hyphenated name whose first part names nothing: Oranje-Nassau is a royal
    house, not the Bahamas (Washington-Moskau names two places, and each stands)."""
    start = hit.start
    if start < 2 or text[start - 1] not in _HYPHENS or not text[start - 2].isalpha():
        return False
    return previous is None or previous.end != start - 1


def _scenes(article: ArticleText, mentions: list[Mention], scores: Mapping[str, float],
            scenery: re.Pattern[str], envoys: re.Pattern[str] | None = None) -> set[str]:
    """Countries named little, or never in the headline, and each time right after a word that
    sets the scene ("in"): the US helps France "in Mali" four times over, and Mali is where. Not
    where an envoy is posted: "Japan's ambassador in Iran" names a party."""
    titled = {mention.code for mention in mentions if mention.field == "title"}
    faint = {code for code, score in scores.items()
             if score < FIRM_ACTOR_SCORE or code not in titled}
    if not faint:
        return faint
    texts = {"title": article.title, "body": article.body}

    def scene(mention: Mention) -> bool:
        text = texts[mention.field]
        if not scenery.search(text, max(0, mention.start - _SCENE_WORDS_CHARS), mention.start):
            return False
        return envoys is None or not envoys.search(
            text, max(0, mention.start - _SCENE_WORDS_CHARS - ENVOY_REACH - _ENVOY_WORD_CHARS),
            mention.start)

    acting = {mention.code for mention in mentions if mention.code in faint and not scene(mention)}
    return faint - acting


def _without_dateline(body: str, mentions: list[Mention]) -> list[Mention]:
    """The mentions without those of the dateline, which says where the report was filed, not
    who acts: "SINGAPORE - Oil producers Saudi Arabia and Russia agreed ...". The places must
    open the body's first line, and be followed by the dash or date that ends a dateline and
    no other name (Việt Nam – Nhật Bản is a pair)."""
    opening = sorted((mention for mention in mentions if mention.field == "body"
                      and mention.start < _DATELINE_REACH), key=lambda mention: mention.start)
    line_start = len(body) - len(body.lstrip())
    if not opening or opening[0].start - line_start > _DATELINE_START or \
            "\n" in body[line_start : opening[0].start]:
        return mentions
    dateline = [opening[0]]
    for mention in opening[1:]:
        if not _DATELINE_JOINS.fullmatch(body[dateline[-1].end : mention.start]):
            break
        dateline.append(mention)
    end = dateline[-1].end
    ends = _DATELINE_ENDS.match(body, end)
    if ends is None or any(mention.start == _after_spaces(body, ends.end()) for mention in opening):
        return mentions
    return [mention for mention in mentions if mention not in dateline]


def _after_spaces(text: str, position: int) -> int:
    return len(text) - len(text[position:].lstrip()) if position < len(text) else position


def _actor_scores(mentions: list[Mention]) -> dict[str, float]:
    """What each country's mentions weigh. An agency or company (Rosatom, 미래부, Chevron) counts
    for a country its own names leave short of an actor: where they make it one, the agency's
    mentions are the same actor again, and would drown its partners (ROSATOM beside a Dutch
    firm). A city's mentions count in full but are not the country named: a dateline's МОСКВА
    leaves Газпром its weight."""
    scores: dict[str, float] = defaultdict(float)
    for mention in mentions:
        if not (mention.agency or mention.place):
            scores[mention.code] += mention.weight
    for mention in mentions:
        if mention.place or (mention.agency and scores.get(mention.code, 0.0) < ACTOR_MIN_SCORE):
            scores[mention.code] += mention.weight
    return scores


def choose_actors(scores: Mapping[str, float]) -> tuple[str, ...]:
    """Countries whose mentions weigh enough, strongest first."""
    if not scores:
        return ()
    leading = max(scores.values())
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return tuple(
        code for code, score in ranked
        if score >= ACTOR_MIN_SCORE and score >= ACTOR_MIN_SHARE * leading
    )
