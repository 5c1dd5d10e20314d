"""Sectors of a story, from multilingual term lists, weighted by where the terms stand."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from coopwatch.enrich.countries import position_weight
from coopwatch.enrich.matcher import Hit
from coopwatch.enrich.vocabulary import Vocabulary
from coopwatch.types import Field

SECTOR_MIN_SCORE = 2.0  # one stray word in the body never tags a sector


@dataclass(frozen=True)
class SectorFindings:
    """Sector term hits and the sectors they add up to."""

    hits: tuple[tuple[Field, Hit], ...]
    sectors: tuple[str, ...]


def find_sectors(title: str, body: str, language: str | None, vocab: Vocabulary) -> SectorFindings:
    """The sectors whose terms weigh enough in the story, strongest first."""
    index = vocab.sectors(language)
    hits: list[tuple[Field, Hit]] = []
    scores: dict[str, float] = defaultdict(float)
    fields: tuple[tuple[Field, str], ...] = (("title", title), ("body", body))
    for field, text in fields:
        for hit in index.find(text):
            hits.append((field, hit))
            scores[hit.term.tag] += position_weight(field, hit.start)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return SectorFindings(
        tuple(hits), tuple(sector for sector, score in ranked if score >= SECTOR_MIN_SCORE)
    )
