"""langdetect's method with its profiles, its text preparation and its n-grams, run in numpy.

langdetect guesses by drawing n-grams of the text at random and multiplying, for each of its 55
languages, the chance of each n-gram, normalising every fifth draw and stopping when one language
holds 0.99999 of the mass (or after 1,000 draws). In pure Python that loop was two thirds of the
cost of enriching an article. Here a trial draws its n-grams in blocks and sums their logarithms:
the same arithmetic (normalising only rescales), checked at the same draws, on langdetect's own
profiles, so it answers as langdetect does, a few times faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from langdetect.detector import Detector
from langdetect.utils.ngram import NGram

ALPHA_DEFAULT, ALPHA_WIDTH = Detector.ALPHA_DEFAULT, Detector.ALPHA_WIDTH
ITERATION_LIMIT = Detector.ITERATION_LIMIT
CONV_THRESHOLD = Detector.CONV_THRESHOLD
PROB_THRESHOLD = Detector.PROB_THRESHOLD
BASE_FREQ = Detector.BASE_FREQ
FIRST_BLOCK = 64  # draws: half the trials settle within them; the rest go on, doubling
DRAWS_AT_ONCE = 1 << 15  # of all runs in one block: 55 languages x 8 bytes x this = 14 MB
TEXTS_AT_ONCE = 64  # more share numpy's calls no better, and leave fewer draws a block
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
        self._matrix = matrix[order]
        self._normalize = _Normalized()

    @property
    def arrays(self) -> tuple[list[str], np.ndarray, np.ndarray]:
        """What from_arrays needs to make these languages again: names, keys, matrix."""
        return self.languages, self._keys, self._matrix

    @classmethod
    def from_arrays(cls, languages: Sequence[str], keys: np.ndarray,
                    matrix: np.ndarray) -> NgramLanguages:
        """The languages built before (arrays), without reading the profiles again."""
        made = cls.__new__(cls)
        made.languages, made._keys, made._matrix = list(languages), keys, matrix
        made._normalize = _Normalized()
        return made

    def probabilities(self, text: str, trials: int, seed: int = 0) -> list[tuple[str, float]]:
        """Languages above langdetect's threshold, most likely first; [] when nothing is known."""
        return self.probabilities_many([text], trials, seed)[0]

    def probabilities_many(self, texts: Sequence[str], trials: int,
                           seed: int = 0) -> list[list[tuple[str, float]]]:
        """probabilities() of each text, worked out together: a feed's items share numpy's
        calls, whose cost weighs on short texts (a third less time for mixed-language items).

        Every text draws from the same seeded stream, so a text's answer never depends on
        the texts beside it.
        """
        rows = [self._ngram_rows(_prepared(text)) for text in texts]
        known = [index for index, found in enumerate(rows) if found.size]
        answers: list[list[tuple[str, float]]] = [[] for _ in texts]
        if not known:
            return answers
        uniforms, weights = _draws(trials, seed)
        means = np.concatenate([
            self._trials([rows[index] for index in known[start : start + TEXTS_AT_ONCE]],
                         uniforms, weights).mean(axis=1)
            for start in range(0, len(known), TEXTS_AT_ONCE)])
        for index, mean in zip(known, means, strict=True):
            found = [(self.languages[i], float(mean[i]))
                     for i in np.flatnonzero(mean > PROB_THRESHOLD)]
            answers[index] = sorted(found, key=lambda pair: -pair[1])
        return answers

    def ngrams(self, text: str) -> list[str]:
        """The n-grams of the text that langdetect draws from (those its profiles know)."""
        return [_unkey(int(key)) for key in self._keys[self._ngram_rows(_prepared(text))]]

    def _trials(self, rows: list[np.ndarray], uniforms: np.ndarray,
                weights: np.ndarray) -> np.ndarray:
        """Each trial's language distribution where langdetect's loop would stop, for every
        text (texts x trials x languages): all trials of all texts drawn together, a block of
        draws at a time, until each has settled."""
        counts = np.array([len(found) for found in rows])
        starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
        pooled = np.concatenate(rows)
        trials = len(weights)
        text_of = np.repeat(np.arange(len(rows)), trials)  # a run: one trial of one text
        trial_of = np.tile(np.arange(trials), len(rows))
        finals = np.empty((len(text_of), len(self.languages)))
        sums = np.zeros_like(finals)  # the log-probabilities reached by the runs going on
        going = np.arange(len(text_of))
        drawn, block = 0, FIRST_BLOCK
        while going.size:
            count = min(block, ITERATION_LIMIT + 1 - drawn, max(5, DRAWS_AT_ONCE // going.size))
            # draw i of a trial picks the n-gram at uniforms[trial, i] of the way along its text
            texts = text_of[going, None]
            picks = (uniforms[trial_of[going], drawn : drawn + count] * counts[texts]).astype(np.intp)
            logs = np.log(self._matrix[pooled[starts[texts] + picks]]
                          + weights[trial_of[going], None, None])
            # langdetect checks after draws 0, 5, 10, ...: the sums are needed there only, so
            # draws are added five at a time before the running sum
            first = (-drawn) % 5
            groups = (count - first - 1) // 5
            grouped = logs[:, first + 1 : first + 1 + 5 * groups]
            reached = np.concatenate((
                sums[going, None, :] + logs[:, : first + 1].sum(axis=1, keepdims=True),
                grouped.reshape(going.size, groups, 5, len(self.languages)).sum(axis=2)), axis=1)
            np.cumsum(reached, axis=1, out=reached)
            total = reached[:, -1] + logs[:, first + 1 + 5 * groups :].sum(axis=1)
            checked = reached - reached.max(axis=2, keepdims=True)
            masses = np.exp(checked)
            totals = masses.sum(axis=2)
            settled = 1.0 / totals > CONV_THRESHOLD
            drawn += count
            done = settled.any(axis=1) | (drawn > ITERATION_LIMIT)
            at = np.where(settled.any(axis=1), settled.argmax(axis=1), checked.shape[1] - 1)[done]
            finals[going[done]] = masses[done, at] / totals[done, at, None]
            sums[going[~done]] = total[~done]
            going = going[~done]
            block *= 2
        return finals.reshape(len(rows), trials, -1)

    def _ngram_rows(self, text: str) -> np.ndarray:
        """The rows of the 1-, 2- and 3-grams langdetect's NGram yields for the text.

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
        keys = np.sort(np.concatenate((codes[ends], pairs, triples)))  # sorted: a faster search
        rows = np.searchsorted(self._keys, keys).clip(max=len(self._keys) - 1)
        found: np.ndarray = rows[self._keys[rows] == keys]
        return found


_SHIFT = np.uint64(21)  # bits of a code point: an n-gram's characters side by side in one key
_SHIFT_TWICE = np.uint64(42)  # not 2 * _SHIFT: numpy 1 makes that a float


@lru_cache(maxsize=8)
def _draws(trials: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Each trial's uniform draws (one per draw langdetect may make) and its smoothing weight:
    langdetect's alpha, jittered per trial, over its base frequency."""
    generator = np.random.default_rng(seed)
    alphas = ALPHA_DEFAULT + generator.standard_normal(trials) * ALPHA_WIDTH
    return generator.random((trials, ITERATION_LIMIT + 1)), alphas / BASE_FREQ


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
