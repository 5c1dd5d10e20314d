"""What a person can pick as a filter: countries by English name or code, sectors, languages."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from coopwatch.vocabulary import load_vocabulary, sector_ids


def country_choices() -> list[tuple[str, str]]:
    """(code, English name) for every country, by name."""
    names = load_vocabulary().country_names.get("en", {})
    best: dict[str, str] = {}
    for name, code in names.items():
        # CLDR lists short and long forms; the shortest reads best in a list
        if code not in best or len(name) < len(best[code]):
            best[code] = name
    return sorted(best.items(), key=lambda item: item[1])


def sector_choices(user_sector_terms: Mapping[str, Iterable[str]] | None = None,
                   ) -> list[tuple[str, str]]:
    """(id, English label) for every sector."""
    labels = load_vocabulary().labels.get("en", {})
    return [(sector, labels.get(sector, sector)) for sector in sector_ids(user_sector_terms)]
