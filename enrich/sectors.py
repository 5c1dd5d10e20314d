"""Sectors of a story, from multilingual term lists, weighted by where the terms stand."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from coopwatch.enrich.countries import NameSpans, position_weight
from coopwatch.enrich.matcher import Hit
from coopwatch.enrich.text import ArticleText
from coopwatch.enrich.vocabulary import Vocabulary
from coopwatch.scripts import UNSPACED
from coopwatch.types import Field

SECTOR_MIN_SCORE = 3.5  # one stray word in the body never tags a sector
SALIENT_BOOST = 3.0  # a term where the story acts: beside a cue word or an acting country
# A broad sector's one-word terms (investment, industry, research, 投资, 환경) say less than its
# phrases (renewable energy, 新能源); outside the headline they weigh this much. Calibrated on the
# development set and the seeds (sectors F1 0.817 -> 0.825, precision 0.746 -> 0.758).
GENERIC_WEIGHT = 0.67
# A term said again adds less each time (half the time before): a story about a university names
# it ten times, and that must not drown the sectors it names twice.
REPEAT_WEIGHT = 0.5
# A sector weighs at least this share of the story's strongest one: the strongest is what the
# story is about, and a side remark weighs a few percent of it. Calibrated with REPEAT_WEIGHT on
# the seeds, the development set and our corpora's dev parts (sectors F1 0.742 -> 0.778, the parts
# kept aside 0.606 -> 0.702).
RELATIVE_FLOOR = 0.3
# A specific technology (one whose data sets its own lower bar: nuclear, space, 5G) is seldom a
# side remark, so it needs a smaller share of the strongest. Calibrated on the dev parts of every
# set (sectors F1 over them 0.792 -> 0.805; the development set 0.812 -> 0.834).
SPECIFIC_RELATIVE_FLOOR = 0.15
_UNSPACED_GENERIC_CHARS = 2


@dataclass(frozen=True)
class SectorFindings:
    """Sector term hits and the sectors they add up to."""

    hits: tuple[tuple[Field, Hit], ...]
    sectors: tuple[str, ...]


def find_sectors(
    article: ArticleText, language: str | None, vocab: Vocabulary,
    salient: Callable[[Field, int], bool] = lambda field, start: False,
    names: Iterable[tuple[Field, int, int]] = (),
) -> SectorFindings:
    """The sectors whose terms weigh enough in the story, strongest first.

    salient says whether a position stands in a sentence where the story acts (a cooperation or
    conflict cue, or an acting country): "cooperation in AI and energy" names the story's sectors.
    names are where the text names countries and places (field, start, end): a word there is no
    sector term, though it stems like one (Catalan Xipre, Cyprus, like xip; Gaza like gaz).
    """
    index = vocab.sectors(language)
    named: dict[Field, list[tuple[int, int]]] = defaultdict(list)
    for field, start, end in names:
        named[field].append((start, end))
    hits: list[tuple[Field, Hit]] = []
    weights: dict[tuple[str, str], list[float]] = defaultdict(list)  # (sector, term) -> each time
    for field, text, _ in article.fields():
        spans = NameSpans(named[field])
        for hit in index.find(text, article):
            if spans.overlap(hit.start, hit.end):
                continue
            hits.append((field, hit))
            weight = position_weight(field, hit.start)
            if salient(field, hit.start):
                weight *= SALIENT_BOOST
            if field != "title" and _generic(hit.term.text, vocab.sector_min_score(hit.term.tag, 0.0)):
                weight *= GENERIC_WEIGHT
            weights[(hit.term.tag, hit.term.text.casefold())].append(weight)
    scores: dict[str, float] = defaultdict(float)
    specific: dict[str, float] = defaultdict(float)  # of the terms the sector does not list as broad
    broad = vocab.broad_sector_terms
    for (sector, term), times in weights.items():
        times.sort(reverse=True)
        score = sum(weight * REPEAT_WEIGHT**again for again, weight in enumerate(times))
        scores[sector] += score
        if (sector, term) not in broad:
            specific[sector] += score
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    strongest = ranked[0][1] if ranked else 0.0

    def enough(sector: str, score: float) -> bool:
        own_bar = vocab.sector_min_score(sector, 0.0)
        if not own_bar:
            return score >= max(strongest * RELATIVE_FLOOR,
                                vocab.sector_passing_min_score(sector, SECTOR_MIN_SCORE))
        # a specific sector's lower bar is for its specific terms; with its broad ones, the usual
        floor = strongest * SPECIFIC_RELATIVE_FLOOR
        return specific[sector] >= max(floor, own_bar) or score >= max(floor, SECTOR_MIN_SCORE)

    return SectorFindings(
        tuple(hits), tuple(sector for sector, score in ranked if enough(sector, score))
    )


def _generic(term: str, data_min_score: float) -> bool:
    """A one-word term of a broad sector (one whose data sets no lower bar of its own)."""
    if data_min_score:
        return False
    text = term.strip().rstrip("*")
    if UNSPACED.search(text):
        return len(text) <= _UNSPACED_GENERIC_CHARS
    return not any(ch in text for ch in " -")
