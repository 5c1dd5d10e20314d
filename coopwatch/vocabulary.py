"""Loading enrichment's data files (the I/O that enrich/ itself never does).

Importing this module is cheap: enrich/ (numpy, the stemmers, dateparser) is imported when a
vocabulary is first built, so a sync where every feed answers 304 never pays for it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import re
import shutil
import sys
import threading
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopwatch.enrichversion import enrich_folder
from coopwatch.paths import cache_dir

if TYPE_CHECKING:
    from coopwatch.enrich.ngramlang import NgramLanguages
    from coopwatch.enrich.vocabulary import Vocabulary


def _data(name: str) -> bytes:
    # found, not imported: importlib.resources.files() would import the enrich package
    return (enrich_folder() / "data" / name).read_bytes()


@cache
def _toml(name: str) -> dict[str, Any]:
    # each file once a process: every command reads sectors.toml, a sync all of them
    return _parsed(name, _data(name))


def _parsed(name: str, data: bytes) -> dict[str, Any]:
    """A TOML data file as parsed, kept as JSON in the cache folder under its contents' digest:
    tomllib took a tenth of a second for the files a vocabulary reads, in every process that
    builds one (a sync's main process and each enrichment worker), and JSON takes a twentieth
    of it. A kept file that cannot be read is parsed again."""
    digest = hashlib.sha256(data).hexdigest()[:16]
    folder = cache_dir() / "data"
    kept = folder / f"{name}.{digest}.json"
    try:
        found: dict[str, Any] = json.loads(kept.read_bytes())
        return found
    except (OSError, ValueError):
        pass
    parsed = tomllib.loads(data.decode("utf-8"))
    staging = kept.with_name(f"{kept.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging.write_text(json.dumps(parsed, ensure_ascii=False), encoding="utf-8")
        staging.replace(kept)  # whole or not at all: another process may be reading it
        for older in folder.glob(f"{name}.*.json"):
            if older != kept:  # the data of an earlier installation
                older.unlink(missing_ok=True)
    except OSError:
        with contextlib.suppress(OSError):  # a cache that cannot be written is only slower
            staging.unlink()
    return parsed


@lru_cache(maxsize=1)
def _shipped() -> tuple[dict, dict, dict, dict, dict, dict, dict, dict]:
    gazetteer = json.loads(_data("gazetteer.json"))
    date_words = {**_toml("dates.toml"), "calendar": json.loads(_data("calendar.json"))}
    return (gazetteer, _toml("aliases.toml"), _toml("cues.toml"), _toml("sectors.toml"),
            _toml("labels.toml"), _toml("function_words.toml"), date_words,
            _toml("endings.toml"))


@lru_cache(maxsize=1)
def _lemmas() -> dict[str, dict[str, str]]:
    lemmas: dict[str, dict[str, str]] = json.loads(_data("lemmas.json"))
    return lemmas


@lru_cache(maxsize=1)
def _name_forms() -> dict[str, dict[str, str]]:
    forms: dict[str, dict[str, str]] = json.loads(_data("name_forms.json"))
    return forms


def load_vocabulary(user_sector_terms: Mapping[str, Iterable[str]] | None = None) -> Vocabulary:
    """The shipped vocabulary, with the user's own sector terms from the config."""
    from coopwatch.enrich.vocabulary import Vocabulary

    gazetteer, aliases, cues, sectors, labels, function_words, date_words, endings = _shipped()
    return Vocabulary(
        country_names=gazetteer["countries"],
        places={**gazetteer["places"], **aliases.get("places", {})},
        aliases=aliases,
        cue_lists=cues,
        sector_lists=sectors,
        labels=labels,
        function_words=function_words,
        date_words=date_words,
        adjectives=gazetteer.get("adjectives", {}),
        endings=endings.get("endings", {}),
        place_endings=endings.get("place_endings", {}),
        clitics=endings.get("clitics", {}),
        before_stemming=endings.get("before_stemming", {}),
        initial_mutations=endings.get("initial_mutations", {}),
        hangul_prefixes=frozenset(endings.get("hangul_prefixes", {}).get("ko", [])),
        locative=endings.get("locative", {}),
        envoys=endings.get("envoys", {}),
        lemmas=_lemmas(),
        name_forms=_name_forms(),
        uninflected=frozenset(endings.get("uninflected", {}).get("languages", [])),
        user_sector_terms=dict(user_sector_terms or {}),
        languages=ngram_languages,
        index_cache=DiskIndexes.for_terms(user_sector_terms or {}),
    )


class DiskIndexes:
    """Term indexes as built, kept in the cache folder for later processes: a sync's workers,
    each of which would otherwise build the indexes of every language it meets. One folder
    for each installation's code and data and each config's own sector terms (the enrichment
    version says both), so a kept index is never one that other rules built."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        # the shared objects last saved against, held so that their ids stay theirs
        self._ids: tuple[Sequence[object], dict[int, int]] = ((), {})

    @classmethod
    def for_terms(cls, user_sector_terms: Mapping[str, Iterable[str]]) -> DiskIndexes:
        import Stemmer  # its stems are kept in the indexes

        from coopwatch.enrichversion import enrichment_version

        # the shipped code and data, and apart from them what else decides an index
        code = hashlib.sha256(enrichment_version({}).encode()).hexdigest()[:8]
        made_by = (f"{enrichment_version(user_sector_terms)} {sys.version_info[:2]} "
                   f"{Stemmer.version()} {pickle.HIGHEST_PROTOCOL}")
        return cls(cache_dir() / f"indexes-{code}-{hashlib.sha256(made_by.encode()).hexdigest()[:12]}")

    def load(self, name: str, shared: Sequence[object]) -> object | None:
        try:
            with (self.folder / f"{name}.pickle").open("rb") as file:
                unpickler = pickle.Unpickler(file)
                unpickler.persistent_load = shared.__getitem__  # type: ignore[method-assign]
                return unpickler.load()
        except Exception:  # noqa: BLE001 (not kept yet, or damaged: it is built again)
            return None

    def save(self, name: str, value: object, shared: Sequence[object]) -> None:
        ids = self._shared_ids(shared)
        kept = self.folder / f"{name}.pickle"
        staging = kept.with_name(f"{kept.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            if not self.folder.exists():
                self._forget_other_installations()
                self.folder.mkdir(parents=True, exist_ok=True)
            with staging.open("wb") as file:
                pickler = pickle.Pickler(file, protocol=pickle.HIGHEST_PROTOCOL)
                pickler.persistent_id = lambda obj: ids.get(id(obj))  # type: ignore[method-assign]
                pickler.dump(value)
            staging.replace(kept)  # whole or not at all: another worker may be reading it
        except (OSError, pickle.PicklingError):
            with contextlib.suppress(OSError):  # a cache that cannot be written is only slower
                staging.unlink()

    def _shared_ids(self, shared: Sequence[object]) -> dict[int, int]:
        if self._ids[0] is not shared:
            self._ids = (shared, {id(obj): number for number, obj in enumerate(shared)})
        return self._ids[1]

    def _forget_other_installations(self) -> None:
        """Folders that an earlier installation's code or data made: never read again."""
        code = self.folder.name.split("-")[1]
        for older in self.folder.parent.glob("indexes-*"):
            if older.name.split("-")[1] != code:
                shutil.rmtree(older, ignore_errors=True)


@lru_cache(maxsize=1)
def ngram_languages() -> NgramLanguages:
    """langdetect's profiles as arrays, built once a process: a dashboard loads a vocabulary
    for every sync, and each would otherwise read and build them again. Built once an
    installation: the arrays are kept in the cache folder and mapped from there, so the
    enrichment workers of a sync share one copy and never hold the profiles' JSON (60 MB at
    its peak, which a Python process keeps)."""
    import numpy as np

    from coopwatch.enrich.ngramlang import NgramLanguages

    folder = cache_dir() / f"ngrams-{_profiles_digest()}"
    try:
        return NgramLanguages.from_arrays(
            (folder / "languages.txt").read_text(encoding="utf-8").split(),
            np.load(folder / "keys.npy", mmap_mode="r"),
            np.load(folder / "logs.npy", mmap_mode="r"))
    except (OSError, ValueError):
        shutil.rmtree(folder, ignore_errors=True)  # not built yet, or damaged: built now
    languages = NgramLanguages(language_profiles())
    _keep(folder, *languages.arrays)
    return languages


def _profiles_digest() -> str:
    """What the arrays are made from: langdetect's profiles and the code that reads them."""
    from langdetect.detector_factory import PROFILES_DIRECTORY

    from coopwatch.enrich import ngramlang

    digest = hashlib.sha256(Path(ngramlang.__file__).read_bytes())
    for path in sorted(Path(PROFILES_DIRECTORY).iterdir()):
        info = path.stat()
        digest.update(f"{path.name} {info.st_size} {info.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def _keep(folder: Path, languages: list[str], keys: Any, logs: Any) -> None:
    """Write the arrays for later processes; a cache that cannot be written is only slower."""
    import numpy as np

    staging = folder.with_name(f"{folder.name}.{os.getpid()}.tmp")
    try:
        staging.mkdir(parents=True, exist_ok=True)
        (staging / "languages.txt").write_text(" ".join(languages), encoding="utf-8")
        np.save(staging / "keys.npy", keys)
        np.save(staging / "logs.npy", logs)
        staging.rename(folder)  # whole or not at all: another process may be writing it too
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)


def language_profiles() -> Iterator[dict[str, Any]]:
    """langdetect's language profiles, read as its DetectorFactory.load_profile reads them."""
    from langdetect.detector_factory import PROFILES_DIRECTORY

    for path in sorted(Path(PROFILES_DIRECTORY).iterdir()):
        if not path.name.startswith(".") and path.is_file():
            yield json.loads(path.read_text(encoding="utf-8"))


_SECTOR_TABLE = re.compile(r"^\[([^\]\s.]+)\][ \t]*$", re.MULTILINE)


def sector_ids(user_sector_terms: Mapping[str, Iterable[str]] | None = None) -> list[str]:
    """Every sector id enrichment can give: SECTORS.md's and the user's own."""
    # the file's table names, read without parsing its 250 KB of terms: every command asks
    # (the config checks its watches' sectors), and parsing cost each start about 90 ms
    shipped = _SECTOR_TABLE.findall(_data("sectors.toml").decode("utf-8"))
    return shipped + sorted(set(user_sector_terms or {}) - set(shipped))


class VocabularyLoader:
    """A sync's vocabulary, loaded by the first item that needs enriching, then kept.

    A sync where nothing changed never loads it (nor imports enrich/). Worker threads may ask
    at once; they get one vocabulary.
    """

    def __init__(self, user_sector_terms: Mapping[str, Iterable[str]] | None = None) -> None:
        self.user_sector_terms = {sector: list(terms)
                                  for sector, terms in (user_sector_terms or {}).items()}
        self._vocabulary: Vocabulary | None = None
        self._lock = threading.Lock()

    @classmethod
    def holding(cls, vocabulary: Vocabulary) -> VocabularyLoader:
        """A loader of a vocabulary loaded already."""
        loader = cls(vocabulary.user_sector_terms)
        loader._vocabulary = vocabulary
        return loader

    @property
    def enriched_with(self) -> str:
        """The version stored with the tags this vocabulary and the current code make."""
        from coopwatch.enrichversion import enrichment_version

        return enrichment_version(self.user_sector_terms)

    def __call__(self) -> Vocabulary:
        with self._lock:
            if self._vocabulary is None:
                self._vocabulary = load_vocabulary(self.user_sector_terms)
            return self._vocabulary
