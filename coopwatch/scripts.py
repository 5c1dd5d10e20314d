"""Character classes of scripts, and the language codes one language goes by: facts several layers
need alike, kept once."""

from __future__ import annotations

import re

# Ranges for use inside [...]: the scripts written without spaces between words (Thai, kana, Han,
# Hangul syllables), where a character, not a space-separated run, is the unit to match,
# shingle and count
THAI = "\u0e00-\u0e7f"
KANA = "\u3040-\u30ff"
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HANGUL = "\uac00-\ud7af"
UNSPACED = re.compile(f"[{THAI}{KANA}{HAN}{HANGUL}]")

# Norwegian is written no, nb or nn. coopwatch stores langdetect's "no"; CLDR, DeepL and
# dateparser file it under Bokmål's "nb".
NORWEGIAN = frozenset({"no", "nb", "nn"})


def stored_language(code: str) -> str:
    """The code coopwatch stores and filters by for a language a user or a library names."""
    return "no" if code in NORWEGIAN else code


def bokmal_language(code: str) -> str:
    """The code CLDR, DeepL and dateparser know a language by."""
    return "nb" if code in NORWEGIAN else code
