"""Countries written as short forms inside dyads: 中哥, 한-미, 한ㆍ중, Việt–Nhật, franco-britannique.

A dyad names two or more countries by one character, syllable or combining form each. The forms
come from two places: the data's conventional ones (中 for China, 한 for Korea, franco- for
France), and the first character or syllable of every country's name in the text's language,
which stands for that country only when the text also names it in full (中哥 is China–Costa Rica
in a text that names 哥斯达黎加, and nothing otherwise).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain

from coopwatch.enrich.compact import CompactRun
from coopwatch.enrich.text import Token
from coopwatch.scripts import HANGUL

_HANGUL_SYLLABLE = re.compile(f"[{HANGUL}]")
_DYAD_JOINERS = "-‐‑–—ㆍ·・/"
# 한-미, 한ㆍ중ㆍ일, 한·미: Hangul syllables joined by a dash or a middle dot, standing alone
# (a particle may follow: 한-미 간, 한·미·일의)
_HANGUL_DYAD = re.compile(
    rf"(?<![{HANGUL}])[{HANGUL}](?:\s?[{_DYAD_JOINERS}]\s?[{HANGUL}])+(?![{_DYAD_JOINERS}])"
)
_LATIN_JOINERS = "-‐‑–—"
_ANY_DASH = re.compile(f"[{_LATIN_JOINERS}]")
_DASH_GAP = re.compile(f" ?[{_LATIN_JOINERS}] ?")  # US-UK, Việt – Nhật


@dataclass(frozen=True)
class Dyad:
    """A dyad's run, and the short forms in it that no name found already covers."""

    run: CompactRun
    new_parts: tuple[tuple[int, int, str], ...]  # (start, end, code)


@dataclass(frozen=True)
class ShortForms:
    """The short forms of one language: conventional ones, and first parts of full names."""

    part: str  # "compact" (中哥), "char" (한-미) or "word" (Việt–Nhật)
    conventional: Mapping[str, Sequence[str]]  # form -> codes, first the likeliest
    from_names: Mapping[str, Sequence[str]]  # first character or syllable -> codes
    unjoined: Sequence[str] = ()  # dyads written as one word (한미), read at a word's start
    unjoined_not: Sequence[str] = ()  # words that begin like one and name no pair (한미약품)

    @cached_property
    def _unjoined(self) -> re.Pattern[str] | None:
        if not self.unjoined:
            return None
        longest_first = sorted(self.unjoined, key=len, reverse=True)
        return re.compile(rf"(?<![{HANGUL}])(?:{'|'.join(map(re.escape, longest_first))})")

    def unjoined_dyads(self, text: str) -> Iterator[re.Match[str]]:
        """The one-word dyads of a text (한미 동맹), but in the words that only begin like one."""
        if self._unjoined is None:
            return
        for match in self._unjoined.finditer(text):
            if not any(text.startswith(word, match.start()) for word in self.unjoined_not):
                yield match

    def resolve(self, form: str, named: set[str]) -> str | None:
        """The country a form stands for here: a named one first, else the conventional one."""
        for code in self.from_names.get(form, ()):
            if code in named:
                return code
        conventional = self.conventional.get(form, ())
        for code in conventional:
            if code in named:
                return code
        return conventional[0] if conventional else None


def first_parts(names: Mapping[str, str], part: str) -> dict[str, list[str]]:
    """The first character ("char") or first word ("word") of each name, with its countries."""
    found: dict[str, list[str]] = {}
    for name, code in names.items():
        name = name.strip()
        if not name:
            continue
        head = name[0] if part == "char" else name.split()[0]
        if part == "word" and len(name.split()) < 2:
            continue  # a one-word name (Mỹ, Nga) is a conventional form of its own
        codes = found.setdefault(head, [])
        if code not in codes:
            codes.append(code)
    return found


def hangul_dyads(text: str, forms: ShortForms, named: set[str]) -> list[Dyad]:
    """Runs like 한-미, 한ㆍ중ㆍ일 or 한미 whose every syllable stands for a different country."""
    dyads = []
    for match in chain(_HANGUL_DYAD.finditer(text), forms.unjoined_dyads(text)):
        syllables = [(match.start() + i, ch) for i, ch in enumerate(match.group())
                     if _HANGUL_SYLLABLE.fullmatch(ch)]
        codes = [forms.resolve(ch, named) for _, ch in syllables]
        if all(codes) and len(set(codes)) == len(codes):
            parts = tuple((at, at + 1, code) for (at, _), code in zip(syllables, codes, strict=True))
            dyads.append(Dyad(CompactRun(match.start(), match.end(), tuple(codes)), parts))  # type: ignore[arg-type]
    return dyads


def word_dyads(text: str, words: Sequence[Token], named_at: Mapping[int, tuple[int, str]],
               forms: ShortForms | None, named: set[str],
               combining: Mapping[str, str]) -> list[Dyad]:
    """Words joined by dashes that each stand for a country: US-UK, российско-китайский (names
    found already, named_at: start -> (end, code)), Việt–Nhật (short forms), franco-britannique
    (combining forms, which count only before a dash)."""
    joined = _joined_words(text, words)
    runs = []
    for i, j in _chains(joined):
        codes: list[str | None] = []
        new_parts = []
        for k in range(i, j + 1):
            word = words[k]
            found = named_at.get(word.start)
            code = found[1] if found and found[0] >= word.end else None
            if code is None and forms is not None and word.surface[:1].isupper():
                code = forms.resolve(word.surface, named)
                if code:
                    new_parts.append((word.start, word.end, code))
            if code is None and k < j:
                code = combining.get(word.folded)
                if code:
                    new_parts.append((word.start, word.end, code))
            codes.append(code)
        if all(codes) and len(set(codes)) == len(codes):
            run = CompactRun(words[i].start, words[j].end, tuple(codes))  # type: ignore[arg-type]
            runs.append(Dyad(run, tuple(new_parts)))
    return runs


def _joined_words(text: str, words: Sequence[Token]) -> list[int]:
    """The numbers of the words a dash joins to the next, found from the dashes (most words
    stand beside none)."""
    if not _ANY_DASH.search(text):
        return []
    word_ending_at = {word.end: number for number, word in enumerate(words)}
    joined = []
    for dash in _DASH_GAP.finditer(text):
        number = word_ending_at.get(dash.start())
        if number is not None and number + 1 < len(words) and words[number + 1].start == dash.end():
            joined.append(number)
    return joined


def _chains(joined: list[int]) -> Iterator[tuple[int, int]]:
    """First and last word of each run of words joined one to the next."""
    chain_start = previous = None
    for number in joined:
        if previous is None or number != previous + 1:
            if chain_start is not None:
                yield chain_start, previous + 1  # type: ignore[operator]
            chain_start = number
        previous = number
    if chain_start is not None:
        yield chain_start, previous + 1  # type: ignore[operator]


def combining_forms(entries: Iterable[tuple[str, str]]) -> dict[str, str]:
    return {form.casefold(): code for form, code in entries}
