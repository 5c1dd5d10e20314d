"""Pure enrichment: text in, language, countries, pairs, sectors and dates out, with evidence."""

from __future__ import annotations

from coopwatch.enrich.countries import find_countries
from coopwatch.enrich.dates import parse_published
from coopwatch.enrich.language import detect_language
from coopwatch.enrich.pairs import choose_pairs, find_cues
from coopwatch.enrich.sectors import find_sectors
from coopwatch.enrich.vocabulary import Vocabulary
from coopwatch.types import Enrichment, Evidence, RawArticle

# Bumped whenever rules or data change what enrichment returns, so stale tags can be found.
ENRICH_VERSION = "2"
MAX_EVIDENCE_PER_TAG = 8


def enrich(raw: RawArticle, vocabulary: Vocabulary) -> Enrichment:
    """Everything coopwatch derives from one article, with the evidence for each tag."""
    title, body = raw.title or "", raw.body
    language = detect_language(title, body, raw.language_hint, vocabulary.function_words)
    countries = find_countries(title, body, language, vocabulary)
    cues = find_cues(title, body, language, vocabulary)
    pairs = choose_pairs(title, body, countries, cues.cooperation)
    actors = set(countries.actors) | {code for pair in pairs for code in pair}
    sectors = find_sectors(title, body, language, vocabulary)
    evidence: list[Evidence] = []
    per_tag: dict[tuple[str, str], int] = {}

    def keep(kind: str, tag: str, item: Evidence) -> None:
        count = per_tag.get((kind, tag), 0)
        if count < MAX_EVIDENCE_PER_TAG:
            per_tag[(kind, tag)] = count + 1
            evidence.append(item)

    code_language = language or "und"
    for mention in countries.mentions:
        if mention.code in actors:
            keep("country", mention.code, Evidence("country", mention.code, mention.term,
                 code_language, mention.field, mention.start, mention.end))
    texts = {"title": title, "body": body}
    for field, hit in sectors.hits:
        if hit.term.tag in sectors.sectors:
            keep("sector", hit.term.tag, Evidence("sector", hit.term.tag,
                 texts[field][hit.start:hit.end], code_language, field, hit.start, hit.end))
    if cues.cooperation:
        for field, hit in cues.hits:
            if hit.term.tag == "cooperation":
                keep("cooperation", "cooperation", Evidence("cooperation", "cooperation",
                     texts[field][hit.start:hit.end], code_language, field, hit.start, hit.end))
    return Enrichment(
        language=language,
        countries=tuple(sorted(actors)),
        pairs=pairs,
        sectors=tuple(sorted(sectors.sectors)),
        cooperation=cues.cooperation,
        published=raw.published or parse_published(
            raw.date_hints, language, lead=body, date_words=vocabulary.date_words
        ),
        evidence=tuple(evidence),
    )


__all__ = ["ENRICH_VERSION", "Vocabulary", "enrich"]
