"""CJK compact country runs: 中俄 (China–Russia), 中吉乌 (China–Kyrgyzstan–Uzbekistan), 日韓."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from coopwatch.enrich.text import any_character_of


@dataclass(frozen=True)
class CompactRun:
    """A run of country characters, with the codes it names in order."""

    start: int
    end: int
    codes: tuple[str, ...]


def _none_in(text: str, characters: Mapping[str, object], made_here: bool) -> bool:
    """Whether the text holds none of the characters. A compiled search finds that in C, where a
    set test makes a string of each of the text's characters (a tenth of a long text's work);
    for characters made for one text (made_here: Chinese and Japanese ones, whose texts mostly
    hold some), compiling would cost more than it saves."""
    if made_here:
        return characters.keys().isdisjoint(text)
    return _any_of(frozenset(characters)).search(text) is None


@lru_cache(maxsize=16)  # the conventional characters: the same for every text
def _any_of(characters: frozenset[str]) -> re.Pattern[str]:
    # text characters are single, so longer keys can never be among them
    return any_character_of(characters)


def _covered(text: str, words: Sequence[str]) -> set[int]:
    """Positions inside the exception words, where runs are never read."""
    positions: set[int] = set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            positions.update(range(at, at + len(word)))
            at = text.find(word, at + 1)
    return positions


def find_compact_runs(
    text: str,
    characters: Mapping[str, Sequence[str]],
    exceptions: Sequence[str],
    named: set[str],
    blocked: set[int] = frozenset(),  # type: ignore[assignment]
    anchors: Mapping[str, object] | None = None,
) -> list[CompactRun]:
    """Runs of two or more compact characters outside full names (blocked) and exception words;
    an ambiguous character takes the country the text names elsewhere. With anchors, a run must
    hold one of them (the conventional characters; the rest stand for countries named here)."""
    if _none_in(text, characters, made_here=anchors is not None):
        return []
    covered = _covered(text, exceptions) | blocked
    runs = []
    i = 0
    while i < len(text):
        if text[i] not in characters or i in covered or (i and text[i - 1].isdigit()):
            i += 1
            continue
        j = i
        while j < len(text) and text[j] in characters and j not in covered:
            j += 1
        if j - i >= 2 and (anchors is None or any(ch in anchors for ch in text[i:j])):
            codes = tuple(_resolve(characters[ch], named) for ch in text[i:j])
            if len(set(codes)) == len(codes):
                runs.append(CompactRun(i, j, codes))
        i = j
    return runs


def _resolve(candidates: Sequence[str], named: set[str]) -> str:
    return next((code for code in candidates if code in named), candidates[0])
