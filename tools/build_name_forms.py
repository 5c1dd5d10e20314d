#!/usr/bin/env python3
"""Regenerate enrich/data/name_forms.json: the inflected forms of country names and adjectives
that simplemma's dictionaries list and the matcher's stems and endings do not reach.

Run at development time only (`pip install -e '.[lemmas]'`), whenever gazetteer.json,
aliases.toml, endings.toml or the matcher change. Stems and listed endings read most forms of a
name; the rest change its letters: Polish Niemcy (Germany) is w Niemczech, Finnish Yhdysvallat
(the United States) Yhdysvaltojen, and Czech Čína a short base's Číny, which the endings refuse
to a name so short (Malá is no case of Mali). The output keeps only such forms:

    {"pl": {"Niemczech": "DE", ...}, "cs": {"Číny": "CN", ...}, ...}

A form is kept when simplemma gives one of the language's one-word names (CLDR's, the
adjectives, aliases.toml's) as its lemma, it is written with a capital where the name is (číny
is china, the porcelain, as often as China), it has four letters or more, and the shipped
vocabulary does not already read it as that country.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import langdetect
import simplemma
from simplemma.strategies.dictionaries import DefaultDictionaryFactory

if TYPE_CHECKING:
    from coopwatch.enrich.vocabulary import Vocabulary

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "enrich" / "data" / "name_forms.json"
PROFILES = Path(langdetect.__file__).resolve().parent / "profiles"
MIN_LETTERS = 4  # a shorter form is more often another word (Polish Chin is also a Chinese man)
# Languages that bind prepositions and articles in front of a name, which the matcher reads
# itself; simplemma's forms there are mostly adjectives written like common words (Arabic مالية,
# financial, as a form of مالي, Malian)
_OWN_RULES = {"ar", "fa", "ur", "he", "ps"}


def languages() -> list[str]:
    detected = {path.name.split("-")[0] for path in PROFILES.iterdir()}
    data = Path(simplemma.__file__).resolve().parent / "strategies" / "dictionaries" / "data"
    return sorted(detected & {path.name.split(".")[0] for path in data.iterdir()} - _OWN_RULES)


def names(vocabulary: Vocabulary, language: str) -> dict[str, str]:
    """The language's one-word names and adjectives, as written, with their countries."""
    from coopwatch.enrich.vocabulary import NOT_A_COUNTRY

    found: dict[str, str] = {}
    for term in vocabulary._country_terms(language):  # noqa: SLF001 - the index's own list
        if term.tag != NOT_A_COUNTRY and not term.place and not term.agency \
                and term.case != "exact" and " " not in term.text.strip() and term.text.isalpha():
            found.setdefault(term.text, term.tag)
    return found


def _word(form: str) -> bool:
    """Whether a form is a word as text writes it: letters and their marks, without the stress
    accents of Russian and Bulgarian dictionaries (Ита́лии), an abbreviation's full stop or its
    capitals (Ukrainian ГУАМ, the GUAM organisation, is no form of Гуам)."""
    return all(unicodedata.category(character)[0] in "LM" for character in form) \
        and "\u0301" not in form and "\u0300" not in form and not form.isupper()


def forms(vocabulary: Vocabulary, language: str) -> dict[str, str]:
    from coopwatch.enrich.countries import find_countries
    from coopwatch.enrich.text import ArticleText
    from coopwatch.enrich.vocabulary import NOT_A_COUNTRY

    listed = names(vocabulary, language)
    kept: dict[str, str] = {}
    for form, lemma in DefaultDictionaryFactory().get_dictionary(language).items():
        code = listed.get(lemma)
        if code is None or len(form) < MIN_LETTERS or form in listed or not _word(form):
            continue
        if lemma[:1].isupper() != form[:1].isupper():
            continue
        if any(hit.term.tag == NOT_A_COUNTRY for hit in vocabulary.countries(language).find(form)):
            continue  # a continent or treaty the data says names no country (Americas)
        read = find_countries(ArticleText.of(form, ""), language, vocabulary)
        if code not in {mention.code for mention in read.mentions}:
            kept[form] = code
    return dict(sorted(kept.items()))


def main() -> None:
    from coopwatch.vocabulary import load_vocabulary

    # the forms made before are set aside, so what the stems and endings reach is decided
    # afresh, and so are the indexes kept on disk, which hold them
    vocabulary = replace(load_vocabulary(), name_forms={}, index_cache=None)
    data = {language: table for language in languages() if (table := forms(vocabulary, language))}
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT}: " + ", ".join(f"{language} {len(table)}" for language, table in data.items()))


if __name__ == "__main__":
    main()
