"""Loading enrichment's data files (the I/O that enrich/ itself never does)."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from langdetect.detector_factory import PROFILES_DIRECTORY

from coopwatch.enrich.ngramlang import NgramLanguages
from coopwatch.enrich.vocabulary import Vocabulary


def _data(name: str) -> bytes:
    return (files("coopwatch.enrich") / "data" / name).read_bytes()


@lru_cache(maxsize=1)
def _shipped() -> tuple[dict, dict, dict, dict, dict, dict, dict]:
    gazetteer = json.loads(_data("gazetteer.json"))
    aliases = tomllib.loads(_data("aliases.toml").decode("utf-8"))
    cues = tomllib.loads(_data("cues.toml").decode("utf-8"))
    sectors = tomllib.loads(_data("sectors.toml").decode("utf-8"))
    labels = tomllib.loads(_data("labels.toml").decode("utf-8"))
    function_words = tomllib.loads(_data("function_words.toml").decode("utf-8"))
    date_words = tomllib.loads(_data("dates.toml").decode("utf-8"))
    return gazetteer, aliases, cues, sectors, labels, function_words, date_words


def load_vocabulary(user_sector_terms: Mapping[str, Iterable[str]] | None = None) -> Vocabulary:
    """The shipped vocabulary, with the user's own sector terms from the config."""
    gazetteer, aliases, cues, sectors, labels, function_words, date_words = _shipped()
    return Vocabulary(
        country_names=gazetteer["countries"],
        places=gazetteer["places"],
        aliases=aliases,
        cue_lists=cues,
        sector_lists=sectors,
        labels=labels,
        function_words=function_words,
        date_words=date_words,
        user_sector_terms=dict(user_sector_terms or {}),
        languages=ngram_languages,
    )


@lru_cache(maxsize=1)
def ngram_languages() -> NgramLanguages:
    """langdetect's profiles as arrays, built once a process: a dashboard loads a vocabulary
    for every sync, and each would otherwise read and build them again."""
    return NgramLanguages(language_profiles())


def language_profiles() -> Iterator[dict[str, Any]]:
    """langdetect's language profiles, read as its DetectorFactory.load_profile reads them."""
    for path in sorted(Path(PROFILES_DIRECTORY).iterdir()):
        if not path.name.startswith(".") and path.is_file():
            yield json.loads(path.read_text(encoding="utf-8"))


def sector_ids(user_sector_terms: Mapping[str, Iterable[str]] | None = None) -> list[str]:
    """Every sector id enrichment can give: SECTORS.md's and the user's own."""
    shipped = list(_shipped()[3])
    return shipped + sorted(set(user_sector_terms or {}) - set(shipped))
