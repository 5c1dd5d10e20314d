"""The country each source reports from, for splitting coverage: Russian versus Chinese
coverage of Russia–China."""

from __future__ import annotations

from coopwatch.config import Config
from coopwatch.store import Store


def entry_countries(store: Store, config: Config) -> dict[str, str]:
    """Every feed URL and file path articles came from, with its source's country when known.

    A feed's country comes from its OPML outline or `feeds add --country`; the config's
    [source_countries] names feeds and folders and wins. A file takes the country of the
    deepest folder above it that has one.
    """
    known = {**store.source_countries(), **config.source_countries}
    folders = sorted((key for key in known if "://" not in key), key=len, reverse=True)
    found = {}
    for source in store.entry_sources():
        country = known.get(source)
        if country is None and "://" not in source:
            country = next((known[folder] for folder in folders
                            if source.startswith(folder.rstrip("/") + "/")), None)
        if country:
            found[source] = country
    return found
