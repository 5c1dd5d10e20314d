#!/usr/bin/env python3
"""Regenerate enrich/data/calendar.json: how each language writes a date, from CLDR (babel).

Run at development time only, when babel's CLDR changes. For every language langdetect detects:

    {"lv": {"months": {"aprīlis": 4, "apr": 4, ...},  month names, wide and abbreviated, as
                                                       written in dates and alone, folded; a
                                                       letter the date pattern binds to the
                                                       month (Hebrew בMMMM) goes with it
            "words": ["gada"],                         the words CLDR's full, long and medium
                                                       date patterns put between day, month
                                                       and year ("y. 'gada' d. MMMM"), and the
                                                       era written in them (Thai ค.ศ.)
            "orders": ["ydm"]}}                        the orders of day, month and year those
                                                       patterns write besides dmy, mdy and ymd

enrich/dates.py reads a date in any of those orders with those words between its parts, so a
page's "2024. gada 25. aprīlis" or "2024 m. balandžio 25 d." is a date without a rule for Latvian
or Lithuanian. Names with digits (Korean 4월) are left to the numeric patterns, and names a
language gives two months are dropped.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import langdetect
from babel import Locale, UnknownLocaleError
from babel.dates import tokenize_pattern

OUT = Path(__file__).resolve().parent.parent / "enrich" / "data" / "calendar.json"
PROFILES = Path(langdetect.__file__).resolve().parent / "profiles"
_LOCALES = {"zh-cn": "zh", "zh-tw": "zh_Hant"}
_WIDTHS = ("wide", "abbreviated")
_CONTEXTS = ("format", "stand-alone")
_PATTERNS = ("full", "long", "medium")
_MIN_NAME = 2  # characters: a one-letter name (CLDR's narrow forms) is no name
# Eras CLDR keeps under calendars babel does not expose: Thai dates write the Buddhist era; and
# words its patterns leave out that papers write: Catalan "25 d'octubre de 2025" beside CLDR's del
_MORE_WORDS = {"th": ["พ.ศ."], "ca": ["de"]}
# month names CLDR lacks in the case papers write a date in: Latvian's locative ("2025. gada
# 25. oktobrī"), where CLDR has the nominative (oktobris)
_MORE_MONTHS = {"lv": {"janvārī": 1, "februārī": 2, "martā": 3, "aprīlī": 4, "maijā": 5,
                       "jūnijā": 6, "jūlijā": 7, "augustā": 8, "septembrī": 9, "oktobrī": 10,
                       "novembrī": 11, "decembrī": 12}}
_DATE_FIELDS = "dMLyG"
# a word of any script: letters and the vowel signs and marks that \\w leaves out (Thai ที่)
_WORDS = re.compile(r"[^\s\d.,،\-/()']+")


def languages() -> list[str]:
    codes = sorted(path.name for path in PROFILES.iterdir())
    return [code for code in codes if code not in ("zh-tw",)]


def _month_affixes(locale: Locale) -> tuple[set[str], set[str]]:
    """Letters a date pattern writes against the month with no space: Hebrew "d בMMMM y"."""
    prefixes: set[str] = set()
    suffixes: set[str] = set()
    for width in _PATTERNS:
        tokens = tokenize_pattern(locale.date_formats[width].pattern)
        for number, (kind, value) in enumerate(tokens):
            if kind != "field" or value[0] not in "ML" or value[1] < 3:
                continue
            before = tokens[number - 1] if number else None
            after = tokens[number + 1] if number + 1 < len(tokens) else None
            if before and before[0] == "chars" and (bound := re.search(r"[^\W\d_]+$", before[1])):
                prefixes.add(bound.group().casefold())
            if after and after[0] == "chars" and (bound := re.match(r"[^\W\d_]+", after[1])):
                suffixes.add(bound.group().casefold())
    return prefixes, suffixes


def month_names(locale: Locale) -> dict[str, int]:
    prefixes, suffixes = _month_affixes(locale)
    found: dict[str, set[int]] = {}
    for context in _CONTEXTS:
        for width in _WIDTHS:
            for number, name in locale.months[context][width].items():
                # as enrich/dates.py reads a text: without format characters (Malayalam's ZWNJ)
                name = _visible(name).casefold().rstrip(".")
                if any(character.isdigit() for character in name) or len(name) < _MIN_NAME:
                    continue
                forms = {name} | {prefix + name for prefix in prefixes}
                forms |= {form + suffix for form in forms for suffix in suffixes}
                for form in forms:
                    found.setdefault(form, set()).add(number)
    return {name: numbers.pop() for name, numbers in sorted(found.items()) if len(numbers) == 1}


def _visible(text: str) -> str:
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")  # Arabic's RLM


def pattern_words(locale: Locale, code: str) -> list[str]:
    """The words a pattern writes between two of a date's parts (not those around a weekday)."""
    words: set[str] = set(_MORE_WORDS.get(code, []))
    for width in _PATTERNS:
        tokens = tokenize_pattern(locale.date_formats[width].pattern)
        parts = [number for number, (kind, value) in enumerate(tokens)
                 if kind == "field" and value[0] in _DATE_FIELDS]
        for number in range(parts[0] + 1, parts[-1]) if parts else ():
            kind, value = tokens[number]
            if kind == "chars":
                words.update(word.casefold() for word in _WORDS.findall(_visible(value)))
            elif kind == "field" and value[0] == "G":
                words.update(locale.eras[key][1].casefold() for key in ("abbreviated", "wide"))
    prefixes, suffixes = _month_affixes(locale)
    return sorted(words - prefixes - suffixes)


def orders(locale: Locale) -> list[str]:
    """Orders of day, month and year in the patterns, past the three every language gets."""
    found = set()
    for width in _PATTERNS:
        fields = [value[0] for kind, value in tokenize_pattern(locale.date_formats[width].pattern)
                  if kind == "field" and value[0] in "dMLy"]
        order = "".join({"L": "m", "M": "m"}.get(field, field) for field in fields)
        if sorted(order) == ["d", "m", "y"]:
            found.add(order)
    return sorted(found - {"dmy", "mdy", "ymd"})


def main() -> None:
    data = {}
    for code in languages():
        try:
            locale = Locale.parse(_LOCALES.get(code, code))
        except (UnknownLocaleError, ValueError):
            continue
        language = code.split("-")[0]
        data[language] = {"months": month_names(locale) | _MORE_MONTHS.get(language, {}),
                          "words": pattern_words(locale, language),
                          "orders": orders(locale)}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True),
                   encoding="utf-8")
    print(f"wrote {OUT}: {len(data)} languages, "
          f"{sum(len(entry['months']) for entry in data.values())} month names")


if __name__ == "__main__":
    main()
