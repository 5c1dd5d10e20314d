"""Pure enrichment: text in, language, countries, pairs, sectors and dates out, with evidence."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from math import inf

from coopwatch.enrich.countries import CountryFindings, find_countries
from coopwatch.enrich.dates import parse_published
from coopwatch.enrich.language import detect_languages
from coopwatch.enrich.pairs import (
    CueFindings,
    choose_pairs,
    find_cues,
    is_cooperation,
    pair_evidence,
    partners_of_the_one,
)
from coopwatch.enrich.sectors import find_sectors
from coopwatch.enrich.text import ArticleText
from coopwatch.enrich.vocabulary import Vocabulary
from coopwatch.types import Enrichment, Evidence, RawArticle

# Stored with a digest of enrich/'s code and data and the user's sector terms
# (coopwatch/enrichversion.py reads this line), so a change there makes stale tags by itself;
# bump it for a change the digest cannot see, e.g. a library that decides tags.
ENRICH_VERSION = "3"
MAX_EVIDENCE_PER_TAG = 8
# Tags come from the opening of a text: a story is told long before this many characters, and
# the rest of a 10 MB text would take some 13 s to read (the whole text is still stored)
MAX_BODY_CHARS = 100_000
MAX_TITLE_CHARS = 1_000


def enrich(raw: RawArticle, vocabulary: Vocabulary) -> Enrichment:
    """Everything coopwatch derives from one article, with the evidence for each tag."""
    return enrich_many([raw], vocabulary)[0]


def enrich_many(raws: Sequence[RawArticle], vocabulary: Vocabulary) -> list[Enrichment]:
    """enrich() of each article; their languages are found together, in less time than apart
    (each gets the answer it would get alone)."""
    read = [((raw.title or "")[:MAX_TITLE_CHARS], raw.body[:MAX_BODY_CHARS]) for raw in raws]
    languages = detect_languages([(title, body, raw.language_hint)
                                  for (title, body), raw in zip(read, raws, strict=True)],
                                 vocabulary.function_words, vocabulary.ngram_languages())
    return [_enrich(raw, title, body, language, vocabulary)
            for raw, (title, body), language in zip(raws, read, languages, strict=True)]


def _enrich(raw: RawArticle, title: str, body: str, language: str | None,
            vocabulary: Vocabulary) -> Enrichment:
    """One article's tags from its title and body as read (their openings)."""
    text = ArticleText.of(title, body)
    countries = find_countries(text, language, vocabulary)
    cues = find_cues(text, language, vocabulary, countries)
    countries = countries.with_parties(cues.parties)
    together = pair_evidence(text, countries, cues)
    cooperation = is_cooperation(cues, together, len(countries.actors))
    partners = partners_of_the_one(text, countries, cues) if cooperation else ()
    if partners:
        countries = replace(countries, actors=countries.actors + partners)
        together = pair_evidence(text, countries, cues)
    pairs = choose_pairs(countries, together, cooperation)
    if partners:  # each works with the story's one acting country, not with the others
        pairs = tuple(pair for pair in pairs if countries.actors[0] in pair)
    actors = set(countries.actors) | {code for pair in pairs for code in pair}
    salient = _salient_sentences(text, countries, cues, actors)
    sectors = find_sectors(
        text, language, vocabulary,
        lambda field, start: field == "title" or _sentence_at(salient, start),
        [(mention.field, mention.start, mention.end) for mention in countries.mentions
         if not mention.agency],  # NASA and Rosatom name their sectors too
    )
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
    if cooperation:
        for field, hit in cues.hits:
            if hit.term.tag == "cooperation":
                keep("cooperation", "cooperation", Evidence("cooperation", "cooperation",
                     texts[field][hit.start:hit.end], code_language, field, hit.start, hit.end))
    return Enrichment(
        language=language,
        countries=tuple(sorted(actors)),
        pairs=pairs,
        sectors=tuple(sorted(sectors.sectors)),
        cooperation=cooperation,
        published=raw.published or parse_published(
            raw.date_hints, language, lead=body, date_words=vocabulary.date_words
        ),
        evidence=tuple(evidence),
    )


def _salient_sentences(
    text: ArticleText, countries: CountryFindings, cues: CueFindings, actors: set[str]
) -> list[tuple[int, int]]:
    """Body sentences where the story acts: with a cue word or an acting country."""
    anchors = [hit.start for field, hit in cues.hits if field == "body"]
    anchors += [m.start for m in countries.mentions if m.field == "body" and m.code in actors]
    anchors.sort()  # for bisect: a look-up a sentence, not a test of every anchor
    spans = text.body_sentences()
    return [(start, end) for start, end in spans if _any_within(anchors, start, end)]


def _any_within(positions: list[int], start: int, end: int) -> bool:
    """Whether some of the sorted positions lie in [start, end)."""
    first = bisect_left(positions, start)
    return first < len(positions) and positions[first] < end


def _sentence_at(spans: list[tuple[int, int]], position: int) -> bool:
    # spans are sentences: in order, apart, so only the last one starting at or before can hold it
    last = bisect_right(spans, (position, inf)) - 1
    return last >= 0 and position < spans[last][1]


__all__ = ["ENRICH_VERSION", "Vocabulary", "enrich", "enrich_many"]
