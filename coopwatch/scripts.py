"""Characters of the scripts written without spaces between words (Thai, kana, Han, Hangul), where
a character, not a space-separated run, is the unit to match, shingle and count."""

from __future__ import annotations

import re

UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
