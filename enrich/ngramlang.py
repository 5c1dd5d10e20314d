"""langdetect's profiles, its text preparation and its n-grams, scored whole in numpy.

langdetect guesses by drawing n-grams of the text at random and multiplying, for each of its 55
languages, the chance of each n-gram (smoothed by a jittered alpha), stopping when one language
holds 0.99999 of the mass; seven such trials are averaged. The draws estimate, at a cost, what the
text's n-grams say together: here each language's log-chances of every n-gram of the text, as
often as the text holds it (smoothed by langdetect's own alpha), are summed in one call. The same
profiles and the same n-grams give langdetect's answer wherever it is sure, always the same
answer for the same text, and cost a tenth of the draws (whose numpy loop was a fifth of an
article's enrichment).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from langdetect.detector import Detector
from langdetect.utils.ngram import NGram

PROB_THRESHOLD = Detector.PROB_THRESHOLD
# langdetect's smoothing of a chance (an n-gram a language's profile lacks is rare, not impossible)
SMOOTHING = Detector.ALPHA_DEFAULT / Detector.BASE_FREQ
_SPACES = re.compile(" +")
_LATIN = re.compile("[A-z]")  # langdetect's own test, punctuation between Z and a included


class NgramLanguages:
    """langdetect's profiles as a matrix: one row per n-gram, one column per language."""

    def __init__(self, profiles: Iterable[Mapping[str, Any]]) -> None:
        """profiles: langdetect's, each as its JSON file holds it (name, freq, n_words)."""
        # Straight into arrays: DetectorFactory's list per n-gram first took twice as long, and
        # every enrichment worker starts here.
        self.languages: list[str] = []
        row_of: dict[str, int] = {}
        cells: list[tuple[list[int], int, list[float]]] = []  # (rows, column, probabilities)
        for profile in profiles:
            totals = profile["n_words"]
            ngrams = [ngram for ngram in profile["freq"]
                      if 0 < len(ngram) <= 3 and not _crosses(ngram)]
            for ngram in ngrams:
                row_of.setdefault(ngram, len(row_of))
            cells.append(([row_of[ngram] for ngram in ngrams], len(self.languages),
                          [profile["freq"][ngram] / totals[len(ngram) - 1] for ngram in ngrams]))
            self.languages.append(profile["name"])
        matrix = np.zeros((len(row_of), len(self.languages)), dtype=np.float32)
        for rows, column, probabilities in cells:
            matrix[rows, column] = probabilities
        keys = np.array([_key(ngram) for ngram in row_of], dtype=np.uint64)
        order = np.argsort(keys)
        self._keys = keys[order]  # an n-gram's row is where its key sorts
        self._logs = np.log(matrix[order] + np.float32(SMOOTHING))
        self._normalize = _Normalized()

    @property
    def arrays(self) -> tuple[list[str], np.ndarray, np.ndarray]:
        """What from_arrays needs to make these languages again: names, keys, log-chances."""
        return self.languages, self._keys, self._logs

    @classmethod
    def from_arrays(cls, languages: Sequence[str], keys: np.ndarray,
                    logs: np.ndarray) -> NgramLanguages:
        """The languages built before (arrays), without reading the profiles again."""
        made = cls.__new__(cls)
        # plain arrays over the same memory: a memory map's indexing goes through Python
        made._keys, made._logs = keys.view(np.ndarray), logs.view(np.ndarray)
        made.languages = list(languages)
        made._normalize = _Normalized()
        return made

    def probabilities(self, text: str) -> list[tuple[str, float]]:
        """Languages above langdetect's threshold, most likely first; [] when nothing is known."""
        rows, counts = self._ngram_counts(_prepared(text))
        if not rows.size:
            return []
        # each distinct n-gram's logarithms once, times how often the text holds it (a text holds
        # a quarter as many distinct n-grams as n-grams), summed in float64: each text alike
        # whatever its batch
        scores = counts @ np.take(self._logs, rows, axis=0).astype(np.float64)
        masses = np.exp(scores - scores.max())
        chances = masses / masses.sum()
        found = [(self.languages[i], float(chances[i]))
                 for i in np.flatnonzero(chances > PROB_THRESHOLD)]
        return sorted(found, key=lambda pair: -pair[1])

    def ngrams(self, text: str) -> list[str]:
        """The n-grams of the text that langdetect draws from (those its profiles know)."""
        rows, counts = self._ngram_counts(_prepared(text))
        return [_unkey(int(key)) for key in np.repeat(self._keys[rows], counts.astype(np.int64))]

    def _ngram_counts(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """The rows of the distinct 1-, 2- and 3-grams langdetect's NGram yields for the text,
        and how often it yields each.

        NGram starts afresh after each space and skips what ends on the second of two capitals
        in a row (acronyms); in any order, those are the text's letters and its two- and
        three-letter runs with no space inside (which no profile row holds, by construction).
        """
        spaced = _SPACES.sub(" ", " " + text.translate(self._normalize))
        codes = np.frombuffer(spaced.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        capitals = spaced.translate(_CAPITAL_FLAGS)
        if "11" in capitals:
            capital = np.frombuffer(capitals.encode("ascii"), dtype=np.uint8) == ord("1")
            ends = np.flatnonzero(~(capital[1:] & capital[:-1])) + 1
        else:
            ends = np.arange(1, len(codes))
        pairs = (codes[ends - 1] << _SHIFT) | codes[ends]
        later = ends[ends > 1]
        triples = (codes[later - 2] << _SHIFT_TWICE) | (codes[later - 1] << _SHIFT) | codes[later]
        keys = np.sort(np.concatenate((codes[ends], pairs, triples)))
        if not keys.size:
            return keys.astype(np.intp), keys.astype(np.float64)
        starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
        distinct = keys[starts]
        counts = np.diff(np.append(starts, len(keys))).astype(np.float64)
        rows = np.searchsorted(self._keys, distinct).clip(max=len(self._keys) - 1)
        known = self._keys[rows] == distinct
        return rows[known], counts[known]


_SHIFT = np.uint64(21)  # bits of a code point: an n-gram's characters side by side in one key
_SHIFT_TWICE = np.uint64(42)  # not 2 * _SHIFT: numpy 1 makes that a float


def _key(ngram: str) -> int:
    key = 0
    for ch in ngram:
        key = (key << 21) | ord(ch)
    return key


def _unkey(key: int) -> str:
    letters = []
    while key:
        letters.append(chr(key & 0x1FFFFF))
        key >>= 21
    return "".join(reversed(letters))


class _Normalized(dict[int, str]):
    """NGram.normalize for str.translate, each character worked out once."""

    def __missing__(self, code: int) -> str:
        normalized: str = NGram.normalize(chr(code))
        self[code] = normalized
        return normalized


class _CapitalFlags(dict[int, str]):
    """'1' for a capital letter, '0' for anything else, for str.translate."""

    def __missing__(self, code: int) -> str:
        flag = self[code] = "1" if chr(code).isupper() else "0"
        return flag


_CAPITAL_FLAGS = _CapitalFlags()


def _crosses(ngram: str) -> bool:
    """Whether an n-gram has a space inside, which NGram never yields (profiles hold none)."""
    return " " in ngram[1:-1]


def _prepared(text: str) -> str:
    """Detector.append and Detector.cleaning_text: no links or addresses, Vietnamese marks
    joined, runs of spaces made one, and Latin letters dropped from text mostly in another script."""
    text = Detector.URL_RE.sub(" ", text)
    text = Detector.MAIL_RE.sub(" ", text)
    text = _SPACES.sub(" ", NGram.normalize_vi(text)[:10_000])
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    latin = np.count_nonzero((codes >= ord("A")) & (codes <= ord("z")))  # _LATIN's letters
    # langdetect means to spare Vietnamese letters here, but compares a block number with a
    # block name, so every letter from U+0300 on counts against Latin; as it does, so do we
    other = np.count_nonzero(codes >= 0x300)
    if latin * 2 < other:
        text = _LATIN.sub("", text)
    return text
