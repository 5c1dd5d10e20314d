"""Cooperation, and the cooperating pairs among the actors.

A story is about cooperation when its cooperation cues outweigh its conflict cues (sanctions,
disputes, espionage, sport). Pairs are drawn from actors that stand together: in one sentence, in
a compact like 中俄, or in a compound adjective like российско-китайский.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from coopwatch.enrich.countries import CountryFindings, position_weight
from coopwatch.enrich.matcher import Hit
from coopwatch.enrich.text import sentences
from coopwatch.enrich.vocabulary import Vocabulary
from coopwatch.types import Field, Pair

COOPERATION_MIN_SCORE = 3.0
CONFLICT_RATIO = 1.0  # cooperation must outweigh conflict by this factor


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


def find_cues(title: str, body: str, language: str | None, vocab: Vocabulary) -> CueFindings:
    """Cooperation and conflict cue words, weighted by where they stand."""
    index = vocab.cues(language)
    hits: list[tuple[Field, Hit]] = []
    scores: dict[str, float] = defaultdict(float)
    fields: tuple[tuple[Field, str], ...] = (("title", title), ("body", body))
    for field, text in fields:
        for hit in index.find(text):
            hits.append((field, hit))
            scores[hit.term.tag] += position_weight(field, hit.start)
    return CueFindings(tuple(hits), scores["cooperation"], scores["conflict"])


def choose_pairs(title: str, body: str, countries: CountryFindings, cooperation: bool) -> tuple[Pair, ...]:
    """The cooperating pairs among the actors: none unless the story is about cooperation."""
    actors = set(countries.actors)
    if not cooperation or len(actors) < 2:
        return ()
    together = _standing_together(title, body, countries)
    pairs = {pair for pair in together if set(pair) <= actors}
    if not pairs:
        strongest = sorted(countries.actors[:2])
        pairs = {(strongest[0], strongest[1])}
    return tuple(sorted(pairs))


def _standing_together(title: str, body: str, countries: CountryFindings) -> dict[Pair, int]:
    spans: dict[Field, list[tuple[int, int]]] = {"title": [(0, len(title))], "body": sentences(body)}
    codes_by_sentence: dict[tuple[Field, int], set[str]] = defaultdict(set)
    for mention in countries.mentions:
        for number, (start, end) in enumerate(spans[mention.field]):
            if start <= mention.start < end:
                codes_by_sentence[(mention.field, number)].add(mention.code)
                break
    counts: dict[Pair, int] = defaultdict(int)
    for codes in codes_by_sentence.values():
        for a, b in combinations(sorted(codes), 2):
            counts[(a, b)] += 1
    for _, run in countries.compact_runs:
        for a, b in combinations(sorted(set(run.codes)), 2):
            counts[(a, b)] += 2
    return counts
