"""Cooperation, and the cooperating pairs among the actors.

A story is about cooperation when its cooperation cues outweigh its conflict cues (sanctions,
disputes, espionage, sport), or when two of its actors clearly cooperate in the sentences that
name them both even while the story is about a conflict with a third (US and Ukrainian teams
hunting Russian intrusions). Pairs come from actors that stand together (in a sentence, a compact
like 中俄, an adjective like российско-китайский) in sentences that are not about conflict.
Research words (researchers, a study, a university, and the International Space Station, several
countries' joint work) are cooperation only in a sentence that names two actors ("Israeli and US
researchers"): alone they say nothing of working together. A cooperation cue that a halting word
stands beside ("talks were suspended") says nothing either.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, replace
from itertools import combinations

from coopwatch.enrich.countries import CountryFindings, NameSpans, position_weight
from coopwatch.enrich.matcher import Hit
from coopwatch.enrich.text import ArticleText
from coopwatch.enrich.vocabulary import Vocabulary
from coopwatch.types import Field, Pair

COOPERATION_MIN_SCORE = 3.0
CONFLICT_RATIO = 1.0  # cooperation must outweigh conflict by this factor
ALONE_CONFLICT_RATIO = 2.0  # ... and by this one in a story with one acting country
PAIR_MIN_COOPERATION = 2  # cue words a pair's shared sentences need to cooperate amid conflict
COMPACT_TOGETHER = 2  # a compact (中俄) says two countries go together more than a sentence does
RESEARCH = "research"  # cues.toml's research words
PARTIES = {"two_parties": 2, "three_parties": 3}  # cues.toml's "both countries", "the three countries"
HALTING = "halting"  # cues.toml's suspend, cancel, freeze ...
HALT_REACH = 30  # characters between a halting word and the cooperation cue it halts
RESEARCH_REACH = 60  # characters between a research word and the countries it belongs to


@dataclass(frozen=True)
class CueFindings:
    """The cue words found, and whether they say cooperation."""

    hits: tuple[tuple[Field, Hit], ...]
    cooperation_score: float
    conflict_score: float
    parties: int = 0  # how many countries the story says act ("both countries"), 0 if it never does

    @property
    def cooperation(self) -> bool:
        return (
            self.cooperation_score >= COOPERATION_MIN_SCORE
            and self.cooperation_score > CONFLICT_RATIO * self.conflict_score
        )


@dataclass
class PairEvidence:
    """What the sentences that name both countries of a pair say."""

    together: int = 0  # sentences (and compacts) naming both
    cooperation: int = 0  # cooperation cue words in them
    conflict: int = 0  # conflict cue words in them

    @property
    def cooperating(self) -> bool:
        # more cooperation than conflict; a plain co-mention counts in a story about cooperation
        return self.together > 0 and (
            self.cooperation > self.conflict or self.cooperation == self.conflict == 0
        )


def find_cues(
    article: ArticleText, language: str | None, vocab: Vocabulary, countries: CountryFindings
) -> CueFindings:
    """Cooperation and conflict cue words, weighted by where they stand."""
    index = vocab.cues(language)
    # a cue word inside a country's name is none: Hebrew ארצות הברית (the United States) holds
    # ברית, alliance
    found = [(field, hit) for field, text, _ in article.fields()
             for hit in _outside_names(index.find(text, article), field, countries)]
    parties = max((PARTIES[hit.term.tag] for _, hit in found if hit.term.tag in PARTIES), default=0)
    spans = _Sentences.of_article(article)
    hits = _joint_research([(field, hit) for field, hit in found if hit.term.tag not in PARTIES],
                           spans, countries)
    hits = _not_halted(hits, spans)
    scores: dict[str, float] = defaultdict(float)
    for field, hit in hits:
        scores[hit.term.tag] += position_weight(field, hit.start)
    return CueFindings(tuple(hits), scores["cooperation"], scores["conflict"], parties)


def _outside_names(hits: list[Hit], field: Field, countries: CountryFindings) -> list[Hit]:
    spans = NameSpans((mention.start, mention.end) for mention in countries.mentions
                      if mention.field == field and not mention.agency)
    return [hit for hit in hits if not spans.hold(hit.start, hit.end)]


def _joint_research(
    found: list[tuple[Field, Hit]], spans: _Sentences, countries: CountryFindings
) -> list[tuple[Field, Hit]]:
    """The cue hits, with each research word that has two actors on one side of it, near, in its
    sentence ("Israeli and US researchers", "researchers from Tel Aviv and MIT") as a cooperation
    cue, and every other research word left out: "US researchers study Chinese plants" puts
    the two countries on either side, as observer and observed."""
    if not any(hit.term.tag == RESEARCH for _, hit in found):
        return found
    named = _actors_by_sentence(countries, spans)
    kept: list[tuple[Field, Hit]] = []
    for field, hit in found:
        if hit.term.tag != RESEARCH:
            kept.append((field, hit))
            continue
        place = spans.of(field, hit.start)
        near = named.get(place, []) if place else []
        before = {code for start, code in near if 0 < hit.start - start <= RESEARCH_REACH}
        after = {code for start, code in near if 0 <= start - hit.end <= RESEARCH_REACH}
        if len(before) >= 2 or len(after) >= 2:
            kept.append((field, hit._replace(term=replace(hit.term, tag="cooperation"))))
    return kept


def _not_halted(found: list[tuple[Field, Hit]], spans: _Sentences) -> list[tuple[Field, Hit]]:
    """The cue hits without the cooperation cues that a halting word stands near in their
    sentence ("talks were suspended", "対話を中断"), and without the halting words, which say
    nothing alone (a flight is cancelled too)."""
    if not any(hit.term.tag == HALTING for _, hit in found):
        return found
    halts: dict[tuple[Field, int], list[Hit]] = defaultdict(list)
    for field, hit in found:
        place = spans.of(field, hit.start) if hit.term.tag == HALTING else None
        if place:
            halts[place].append(hit)
    kept: list[tuple[Field, Hit]] = []
    for field, hit in found:
        if hit.term.tag == HALTING:
            continue
        place = spans.of(field, hit.start) if hit.term.tag == "cooperation" else None
        if place and any(max(halt.start - hit.end, hit.start - halt.end) <= HALT_REACH
                         for halt in halts.get(place, ())):
            continue
        kept.append((field, hit))
    return kept


def partners_of_the_one(
    article: ArticleText, countries: CountryFindings, cues: CueFindings
) -> tuple[str, ...]:
    """In a cooperation story with one acting country, the countries it names in the sentences
    with a cooperation cue: a partner named once ("the Senegalese solar plant built with
    French aid") is still the partner of a story about working together; each pairs with the
    acting country, not with the others."""
    if len(countries.actors) != 1:
        return ()
    spans = _Sentences.of_article(article)
    cooperating = {spans.of(field, hit.start) for field, hit in cues.hits
                   if hit.term.tag == "cooperation"} - {None}
    scored = {code for code, _ in countries.scores} - set(countries.actors)
    found = []
    for mention in countries.mentions:
        # by its name: a city is where the talks were held, a firm is the firm
        if mention.code in scored and mention.code not in found and not mention.place and \
                not mention.agency and spans.of(mention.field, mention.start) in cooperating:
            found.append(mention.code)
    return tuple(found)


def _actors_by_sentence(
    countries: CountryFindings, spans: _Sentences
) -> dict[tuple[Field, int], list[tuple[int, str]]]:
    """Where each sentence names an actor: (position, code) in the order of the text."""
    actors = set(countries.actors)
    named: dict[tuple[Field, int], list[tuple[int, str]]] = defaultdict(list)
    for mention in countries.mentions:
        place = spans.of(mention.field, mention.start)
        if place and mention.code in actors:
            named[place].append((mention.start, mention.code))
    return named


class _Sentences:
    """Which sentence of the title or body a position falls in."""

    @staticmethod
    def of_article(article: ArticleText) -> _Sentences:
        return article.derived(("sentence index",), lambda: _Sentences(article))

    def __init__(self, article: ArticleText) -> None:
        self.spans: dict[Field, list[tuple[int, int]]] = {
            "title": [(0, len(article.title))], "body": article.body_sentences()
        }
        self._starts = {field: [start for start, _ in found] for field, found in self.spans.items()}

    def of(self, field: Field, position: int) -> tuple[Field, int] | None:
        number = bisect_right(self._starts[field], position) - 1
        if number >= 0 and position < self.spans[field][number][1]:
            return field, number
        return None


def pair_evidence(
    article: ArticleText, countries: CountryFindings, cues: CueFindings
) -> dict[Pair, PairEvidence]:
    """For each pair of actors, how often they stand together and what those sentences say."""
    actors = set(countries.actors)
    spans = _Sentences.of_article(article)
    codes = {place: {code for _, code in named}
             for place, named in _actors_by_sentence(countries, spans).items()}
    tally: dict[tuple[Field, int], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for field, hit in cues.hits:
        place = spans.of(field, hit.start)
        if place:
            tally[place][hit.term.tag] += 1
    evidence: dict[Pair, PairEvidence] = defaultdict(PairEvidence)
    for place, present in codes.items():
        for a, b in combinations(sorted(present), 2):
            item = evidence[(a, b)]
            item.together += 1
            item.cooperation += tally[place]["cooperation"]
            item.conflict += tally[place]["conflict"]
    for _, run in countries.compact_runs:
        for a, b in combinations(sorted(set(run.codes) & actors), 2):
            evidence[(a, b)].together += COMPACT_TOGETHER
    return evidence


def is_cooperation(cues: CueFindings, evidence: dict[Pair, PairEvidence], actors: int) -> bool:
    """The story is about countries working together. With one acting country, conflict weighs
    double: "the US withdraws from the agreement" names the agreement at every turn."""
    alone = actors < 2 and cues.cooperation_score <= ALONE_CONFLICT_RATIO * cues.conflict_score
    if cues.cooperation and not alone:
        return True
    return cues.cooperation_score >= COOPERATION_MIN_SCORE and any(
        item.conflict == 0 and item.cooperation >= PAIR_MIN_COOPERATION
        for item in evidence.values()
    )


def choose_pairs(
    countries: CountryFindings, evidence: dict[Pair, PairEvidence], cooperation: bool
) -> tuple[Pair, ...]:
    """The cooperating pairs among the actors: none unless the story is about cooperation."""
    if not cooperation or len(countries.actors) < 2:
        return ()
    pairs = {pair for pair, item in evidence.items() if item.cooperating}
    if not pairs and evidence:
        # a cooperation story has a cooperating pair: the best-balanced one, unless it is a fight
        pair, item = max(
            evidence.items(),
            key=lambda entry: (entry[1].cooperation - entry[1].conflict, entry[1].together),
        )
        if item.cooperation >= item.conflict:
            pairs = {pair}
    if not pairs and not evidence:
        # a bilateral story that never names both in one sentence: its two strongest actors
        first, second = sorted(countries.actors[:2])
        pairs = {(first, second)}
    return tuple(sorted(pairs))
