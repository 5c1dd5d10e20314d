"""The sentences that carry an article's evidence, and an offline gloss of what was understood."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from coopwatch.enrich.segment import sentence_spans
from coopwatch.types import Evidence, Snippet

MAX_SNIPPETS = 3
GLOSS_BACKEND = "gloss"


def select_sentences(
    title: str, body: str, evidence: tuple[Evidence, ...], language: str | None
) -> list[tuple[str, list[Evidence]]]:
    """Up to three sentences with the most pair and sector evidence; the headline first if it has any."""
    chosen: list[tuple[str, list[Evidence]]] = []
    in_title = [item for item in evidence if item.field == "title"]
    if in_title and title:
        chosen.append((title, in_title))
    by_sentence: dict[tuple[int, int], list[Evidence]] = defaultdict(list)
    spans = sentence_spans(body, language)
    for item in evidence:
        if item.field != "body":
            continue
        for start, end in spans:
            if start <= item.start < end:
                by_sentence[(start, end)].append(item)
                break
    ranked = sorted(
        by_sentence.items(),
        key=lambda entry: (-len({(e.kind, e.tag) for e in entry[1]}), entry[0][0]),
    )
    for (start, end), items in ranked[: MAX_SNIPPETS - len(chosen)]:
        chosen.append((body[start:end], items))
    return chosen


def gloss(items: list[Evidence], names: Mapping[str, str]) -> str:
    """What enrichment understood in a sentence, in the target language: "Russia · Japan · AI"."""
    seen: list[str] = []
    order = {"country": 0, "cooperation": 1, "sector": 2}
    for item in sorted(items, key=lambda e: (order.get(e.kind, 3), e.start)):
        word = names.get(item.tag, item.tag.replace("_", " "))
        if word not in seen:
            seen.append(word)
    return " · ".join(seen)


def gloss_snippets(
    title: str, body: str, evidence: tuple[Evidence, ...], language: str | None,
    names: Mapping[str, str],
) -> tuple[Snippet, ...]:
    """Snippets translated by the offline gloss: what enrichment understood, in the target."""
    return tuple(
        Snippet(text=text, translation=gloss(items, names), backend=GLOSS_BACKEND)
        for text, items in select_sentences(title, body, evidence, language)
    )
