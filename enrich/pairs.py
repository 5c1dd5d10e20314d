"""Cooperation, and the cooperating pairs among the actors.

A story is about cooperation when its cooperation cues outweigh its conflict cues (sanctions,
disputes, espionage, sport), or when two of its actors clearly cooperate in the sentences that
name them both even while the story is about a conflict with a third (US and Ukrainian teams
hunting Russian intrusions). Pairs come from actors that stand together (in a sentence, a compact
like 中俄, an adjective like российско-китайский) in sentences that are not about conflict.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from coopwatch.enrich.countries import CountryFindings, position_weight
from coopwatch.enrich.matcher import Hit
from coopwatch.enrich.text import ArticleText, sentences
from coopwatch.enrich.vocabulary import Vocabulary
from coopwatch.types import Field, Pair

COOPERATION_MIN_SCORE = 3.0
CONFLICT_RATIO = 1.0  # cooperation must outweigh conflict by this factor
PAIR_MIN_COOPERATION = 2  # cue words a pair's shared sentences need to cooperate amid conflict
COMPACT_TOGETHER = 2  # a compact (中俄) says two countries go together more than a sentence does


@dataclass(frozen=True)
class CueFindings:
    """The cue words found, and whether they say cooperation."""

    hits: tuple[tuple[Field, Hit], ...]
    cooperation_score: float
    conflict_score: float

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


def find_cues(article: ArticleText, language: str | None, vocab: Vocabulary) -> CueFindings:
    """Cooperation and conflict cue words, weighted by where they stand."""
    index = vocab.cues(language)
    hits: list[tuple[Field, Hit]] = []
    scores: dict[str, float] = defaultdict(float)
    for field, text, _ in article.fields():
        for hit in index.find(text, article):
            hits.append((field, hit))
            scores[hit.term.tag] += position_weight(field, hit.start)
    return CueFindings(tuple(hits), scores["cooperation"], scores["conflict"])


def pair_evidence(
    article: ArticleText, countries: CountryFindings, cues: CueFindings
) -> dict[Pair, PairEvidence]:
    """For each pair of actors, how often they stand together and what those sentences say."""
    actors = set(countries.actors)
    spans: dict[Field, list[tuple[int, int]]] = {
        "title": [(0, len(article.title))], "body": sentences(article.body)
    }

    starts = {field: [start for start, _ in found] for field, found in spans.items()}

    def sentence_of(field: Field, position: int) -> tuple[Field, int] | None:
        number = bisect_right(starts[field], position) - 1
        if number >= 0 and position < spans[field][number][1]:
            return field, number
        return None

    codes: dict[tuple[Field, int], set[str]] = defaultdict(set)
    for mention in countries.mentions:
        place = sentence_of(mention.field, mention.start)
        if place and mention.code in actors:
            codes[place].add(mention.code)
    tally: dict[tuple[Field, int], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for field, hit in cues.hits:
        place = sentence_of(field, hit.start)
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


def is_cooperation(cues: CueFindings, evidence: dict[Pair, PairEvidence]) -> bool:
    """The story is about countries working together."""
    if cues.cooperation:
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
