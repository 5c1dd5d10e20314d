#!/usr/bin/env python3
"""Regenerate enrich/data/lemmas.json: inflected forms of the cue words and sector terms, in the
languages langdetect detects that Snowball has no stemmer for, from simplemma's dictionaries.

Run at development time only (`pip install -e '.[lemmas]'`), whenever cues.toml or sectors.toml
change: simplemma's dictionaries take 8 to 650 MB of memory a language once loaded, which every
enrichment worker would pay. The output keeps only what matching needs:

    {"sq": {"energjisë": "energji", "energjinë": "energji", ...}, ...}

every form of a listed word that is its own lemma, folded as matching folds words.
enrich/text.py then reads a word of those languages as its lemma, so the listed "energji" matches
the text's "energjisë" (of energy) as a stemmer would match it in Italian or Czech.
"""

from __future__ import annotations

import json
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

import langdetect
import simplemma
from simplemma.strategies.dictionaries import DefaultDictionaryFactory

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATA = ROOT / "enrich" / "data"
OUT = DATA / "lemmas.json"
PROFILES = Path(langdetect.__file__).resolve().parent / "profiles"
# Hebrew keeps its own rule for the letters bound in front of a word (endings.toml [clitics]);
# Swahili inflects at the front, and simplemma's families of its verbs run to 120,000 forms
_OWN_RULES = {"he", "sw"}


def languages(snowball: set[str]) -> list[str]:
    detected = {path.name.split("-")[0] for path in PROFILES.iterdir()}
    data = Path(simplemma.__file__).resolve().parent / "strategies" / "dictionaries" / "data"
    lemmatized = {path.name.split(".")[0] for path in data.iterdir()}
    return sorted((detected & lemmatized) - snowball - _OWN_RULES)


def term_words(language: str) -> set[str]:
    """The words of every cue word and sector term listed for the language, folded."""
    from coopwatch.enrich.matcher import _phrase_words  # noqa: PLC2701 - the matcher's own split

    words: set[str] = set()
    for name in ("cues.toml", "sectors.toml"):
        for table in tomllib.loads((DATA / name).read_text(encoding="utf-8")).values():
            if not isinstance(table, dict):
                continue
            for lists in (table, table.get("broad", {})):
                for text in lists.get(language, []) if isinstance(lists, dict) else []:
                    phrase = _phrase_words(text)
                    if phrase is not None:
                        words.update(phrase[0])
    return words


def forms(language: str, words: set[str]) -> dict[str, str]:
    """Every form of each listed word that is its own lemma. A listed word that is an inflected
    form was chosen as such (Bulgarian пътища, roads, where път is also "time"), so its lemma's
    other forms are left out."""
    from coopwatch.enrich.text import fold

    wanted = {word for word in words if fold(simplemma.lemmatize(word, lang=language)) == word}
    by_lemma: dict[str, set[str]] = defaultdict(set)
    for form, lemma in DefaultDictionaryFactory().get_dictionary(language).items():
        folded = fold(lemma)
        if folded in wanted:
            by_lemma[folded].add(fold(form))
    table = {form: lemma for lemma, found in by_lemma.items() for form in found if form != lemma}
    return dict(sorted(table.items()))


def main() -> None:
    from coopwatch.enrich.text import SNOWBALL

    data = {language: forms(language, term_words(language)) for language in languages(set(SNOWBALL))}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
                   encoding="utf-8")
    print(f"wrote {OUT}: " + ", ".join(f"{language} {len(table)}" for language, table in data.items()))


if __name__ == "__main__":
    main()
