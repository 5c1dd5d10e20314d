"""Sectors of a story, from multilingual term lists, weighted by where the terms stand."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from coopwatch.enrich.countries import position_weight
from coopwatch.enrich.matcher import Hit
from coopwatch.enrich.text import ArticleText
from coopwatch.enrich.vocabulary import Vocabulary
from coopwatch.types import Field

SECTOR_MIN_SCORE = 3.0  # one stray word in the body never tags a sector
SALIENT_BOOST = 2.0  # a term where the story acts: beside a cue word or an acting country


@dataclass(frozen=True)
class SectorFindings:
    """Sector term hits and the sectors they add up to."""

    hits: tuple[tuple[Field, Hit], ...]
    sectors: tuple[str, ...]


def find_sectors(
    article: ArticleText, language: str | None, vocab: Vocabulary,
    salient: Callable[[Field, int], bool] = lambda field, start: False,
) -> SectorFindings:
    """The sectors whose terms weigh enough in the story, strongest first.

    salient says whether a position stands in a sentence where the story acts (a cooperation or
    conflict cue, or an acting country): "cooperation in AI and energy" names the story's sectors.
    """
    index = vocab.sectors(language)
    hits: list[tuple[Field, Hit]] = []
    scores: dict[str, float] = defaultdict(float)
    for field, text, _ in article.fields():
        for hit in index.find(text, article):
            hits.append((field, hit))
            boost = SALIENT_BOOST if salient(field, hit.start) else 1.0
            scores[hit.term.tag] += position_weight(field, hit.start) * boost
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return SectorFindings(
        tuple(hits),
        tuple(sector for sector, score in ranked if score >= vocab.sector_min_score(sector, SECTOR_MIN_SCORE)),
    )
