"""The publication date a page states: numeric forms by pattern, month names by dateparser.

Only full dates count: a day without a year is no date (dateparser would fill in this year), and
neither is one before 1990 or after today. Numbers in any script count (٢٠٢٤, ۲۰۲۴, २०२४), as do
Japanese era years (平成18年), Taiwan's 民國 years, Thai Buddhist years (2567 is 2024), Persian
solar years (۱۴۰۲ is 2023-24, in Persian text) and lunar Hijri years marked هـ (1445 هـ).
Month names are read first as CLDR writes them in each language's dates (calendar.json: the
names, the words between the parts, the orders), so "2024. gada 25. aprīlis" and "25 d'abril del
2024" need no rule of their own. Dateparser is slow, so it only reads the short spans a pattern
found (a day, a month name, a year) that no other date stands before, never a whole hint or body.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from coopwatch.enrich.text import MARKS, atomic_chillu
from coopwatch.scripts import THAI, UNSPACED, bokmal_language

_YEAR = r"(\d{4})"
_ISO = re.compile(rf"(?<!\d){_YEAR}\s?[-/.]\s?(\d{{1,2}})\s?[-/.]\s?(\d{{1,2}})(?!\d)")
_DAY_FIRST = re.compile(rf"(?<!\d)(\d{{1,2}})\s?[./-]\s?(\d{{1,2}})\s?[./-]\s?{_YEAR}(?!\d)")
_CJK = re.compile(rf"(?<!\d){_YEAR}\s*[年년]\s*(\d{{1,2}})\s*[月월]\s*(\d{{1,2}})\s*[日일号號]")
_ERA = re.compile(r"(明治|大正|昭和|平成|令和|民國|民国)\s*(元|\d{1,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_HAS_YEAR = re.compile(rf"(?<!\d){_YEAR}(?!\d)|明治|大正|昭和|平成|令和|民國|民国")
# letters and the vowel signs and marks of Indic, Thai, Arabic ... scripts, which \w leaves out
_LETTER = rf"(?:[^\W\d_]|[{MARKS}\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff])"
_WORD = re.compile(rf"{_LETTER}{{3,}}")
_NAME = rf"{_LETTER}+\.?"
_ORDINAL = r"(?:st|nd|rd|th|er|e|º|ª)?\.?"
_NAMED = re.compile(  # a day, a month (a name, or words around its number) and a written year
    # (a year may follow a month name unspaced, as Urdu stamps write "01 دسمبر2018ء")
    rf"(?<!\d)\d{{1,2}}{_ORDINAL},?(?:\s+(?:{_NAME}|\d{{1,2}}(?!\d))){{1,3}},?(?:\s+|(?<=[^\W\d_]))\d{{4}}(?!\d)"
    rf"|{_NAME}\s+\d{{1,2}}{_ORDINAL},?\s+\d{{4}}(?!\d)"
    rf"|(?<!\d)\d{{4}}\.?\s+{_NAME}\s+\d{{1,2}}(?!\d)"
)
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)  # another page's address in a line
_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069]")  # bidi and zero-width marks
_THAI = re.compile(f"[{THAI}]")
_MONTH_FIRST_LANGUAGES = {"en"}  # 09/18/2020 in US English; elsewhere the day comes first
MIN_YEAR = 1990
BUDDHIST_ERA_OFFSET = 543  # Thai years: 2567 BE is 2024 CE
# Years since MIN_YEAR in Iran's and Afghanistan's solar calendar (1369 is 1990-91) and in the
# lunar Hijri one (1410 is 1989-90): the ranges never meet, so a year says its calendar
SOLAR_HIJRI_YEARS = range(1368, 1500)
LUNAR_HIJRI_YEARS = range(1409, 1500)
_SOLAR_HIJRI_LANGUAGES = {"fa"}
# Nepal's Bikram Sambat years since MIN_YEAR (2046 is 1989-90), in Nepali text: past any
# Gregorian year a page can give, so a year says its calendar here too
BIKRAM_SAMBAT_YEARS = range(2046, 2101)
_BIKRAM_SAMBAT_LANGUAGES = {"ne"}
_HIJRI_MARK = re.compile(r"\s?هـ|\s?ه\.?ق|\s?ه(?![\w])")  # هـ, ه.ق: "of the Hijra" after a year
# between a date's parts: spaces and punctuation, or a word CLDR's patterns write there (de, gada)
_CALENDAR_SEPARATOR = r"[\s.,،\-–/'’]"
_CALENDAR_SEPARATORS = 8
_CALENDAR_ORDERS = ("dmy", "mdy", "ymd")  # every language's; calendar.json adds others it writes
_CALENDAR_DAY = r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th|er|º|ª)?(?![^\W_])"
_CALENDAR_YEAR = r"(?<!\d)(?P<y>\d{4})(?!\d)"
TODAY_LEAD_CHARS = 600  # "today" dates count in the lead only, where the story states its day
TODAY_WINDOW_CHARS = 40  # how far after the word for today its date may stand


class _Era(NamedTuple):
    first_year: int  # the Gregorian year of the era's year 1 (元年)
    starts: date
    ends: date | None


# Japan's eras from Meiji on, and the Republic of China's calendar (Taiwan)
_ERAS = {
    "明治": _Era(1868, date(1868, 1, 25), date(1912, 7, 29)),
    "大正": _Era(1912, date(1912, 7, 30), date(1926, 12, 24)),
    "昭和": _Era(1926, date(1926, 12, 25), date(1989, 1, 7)),
    "平成": _Era(1989, date(1989, 1, 8), date(2019, 4, 30)),
    "令和": _Era(2019, date(2019, 5, 1), None),
    "民國": _Era(1912, date(1912, 1, 1), None),
    "民国": _Era(1912, date(1912, 1, 1), None),
}


class _Found(NamedTuple):
    start: int  # where the date stands in its hint: the earliest one is the page's
    iso: str


def _ascii_digits(text: str) -> str:
    """Digits of every script as ASCII digits: "٢٥" -> "25" (regex \\d matches them all)."""
    if text.isascii():
        return text
    return re.sub(r"\d", lambda digit: str(unicodedata.digit(digit.group(), 0)), text)


def _valid(year: int, month: int, day: int, today: date) -> str | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if found.year < MIN_YEAR or found > today:
        return None
    return found.isoformat()


def _gregorian_year(year: int, thai: bool, today: date) -> int:
    if thai and year > today.year and MIN_YEAR <= year - BUDDHIST_ERA_OFFSET <= today.year:
        return year - BUDDHIST_ERA_OFFSET
    return year


def _from_hijri(year: int, month: int, day: int, language: str | None,
                marked: bool) -> tuple[int, int, int]:
    """A Persian solar date (in Persian text), a lunar Hijri one (marked هـ) or a Bikram Sambat
    one (in Nepali text) as Gregorian; any other date as it is."""
    try:
        if language in _BIKRAM_SAMBAT_LANGUAGES and year in BIKRAM_SAMBAT_YEARS and not marked:
            import nepali_datetime

            found_day = nepali_datetime.date(year, month, day).to_datetime_date()
            return found_day.year, found_day.month, found_day.day
        if language in _SOLAR_HIJRI_LANGUAGES and year in SOLAR_HIJRI_YEARS and not marked:
            from convertdate import persian

            if not 1 <= month <= 12 or not 1 <= day <= persian.month_length(year, month):
                return 0, 0, 0  # convertdate would carry 31 Esfand over into the next year
            gregorian: tuple[int, int, int] = persian.to_gregorian(year, month, day)
            return gregorian
        if marked and year in LUNAR_HIJRI_YEARS:
            from hijridate import Hijri

            found = Hijri(year, month, day).to_gregorian()
            return found.year, found.month, found.day
    except (ValueError, OverflowError):  # no such day in that calendar
        return 0, 0, 0
    return year, month, day


def _marked_hijri(text: str, end: int) -> bool:
    return _HIJRI_MARK.match(text, end) is not None


def _era_dates(hint: str, today: date) -> Iterator[_Found]:
    for match in _ERA.finditer(hint):
        era = _ERAS[match.group(1)]
        year_of_era = 1 if match.group(2) == "元" else int(match.group(2))
        iso = _valid(era.first_year + year_of_era - 1, int(match.group(3)), int(match.group(4)), today)
        if iso and era.starts.isoformat() <= iso and (era.ends is None or iso <= era.ends.isoformat()):
            yield _Found(match.start(), iso)


def _numeric_dates(hint: str, language: str | None, thai: bool, today: date) -> Iterator[_Found]:
    yield from _era_dates(hint, today)
    for pattern in (_ISO, _CJK):
        for match in pattern.finditer(hint):
            written_year, written_month, written_day = map(int, match.groups())
            year, month, day = _from_hijri(written_year, written_month, written_day, language,
                                           pattern is _ISO and _marked_hijri(hint, match.end()))
            iso = _valid(_gregorian_year(year, thai, today), month, day, today)
            if iso:
                yield _Found(match.start(), iso)
    for match in _DAY_FIRST.finditer(hint):
        first, second, year = map(int, match.groups())
        month_first = language in _MONTH_FIRST_LANGUAGES and "/" in match.group()
        day, month = (second, first) if month_first else (first, second)
        if month > 12 >= day:
            day, month = month, day
        year, month, day = _from_hijri(year, month, day, language, _marked_hijri(hint, match.end()))
        iso = _valid(_gregorian_year(year, thai, today), month, day, today)
        if iso:
            yield _Found(match.start(), iso)


@lru_cache(maxsize=64)
def _dateparser_languages(language: str | None) -> tuple[str, ...]:
    """The locales dateparser tries: the article's (when dateparser has it) and English."""
    if not language:
        return ("en",)  # dateparser's own language detection takes a second and more a date
    from dateparser.languages.loader import default_loader  # slow to import; most never need it

    code = bokmal_language(language)
    return (code, "en") if code in default_loader.get_locale_map() and code != "en" else ("en",)


def _named_month_date(span: str, language: str | None, thai: bool, today: date) -> str | None:
    import dateparser

    try:
        moment = dateparser.parse(
            span, languages=list(_dateparser_languages(language)),
            settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"},
        )
    except Exception:  # noqa: BLE001 (dateparser raises assorted errors on odd text; a hint is never worth one)
        return None
    # the year must be the one written: dateparser fills a missing one in with this year
    if moment is None or str(moment.year) not in re.findall(r"(?<!\d)\d{4}(?!\d)", span):
        return None
    return _valid(_gregorian_year(moment.year, thai, today), moment.month, moment.day, today)


def _named_month_dates(text: str, language: str | None, thai: bool, today: date) -> Iterator[_Found]:
    """Dates with a month name ("25 de octubre de 2025", "October 25, 2025"), read by dateparser."""
    for span in _NAMED.finditer(text):
        if _WORD.search(span.group()):
            iso = _named_month_date(span.group(), language, thai, today)
            if iso:
                yield _Found(span.start(), iso)


def _calendar_patterns(language: str, calendar: Mapping[str, Any]) -> tuple[re.Pattern[str], ...]:
    """One pattern for each order of day, month and year the language writes, compiled once for
    the calendar data a vocabulary holds."""
    kept = _CALENDAR_CACHE.get(language)
    if kept is not None and kept[0] is calendar:
        return kept[1]
    names = sorted({form for name in calendar["months"]
                    for form in (name, name.replace("’", "'"))}, key=len, reverse=True)
    month = rf"(?<![^\W\d_])(?P<m>{'|'.join(map(re.escape, names))})\.?(?![^\W\d_])"
    words = "".join(f"|{re.escape(word)}(?![^\\W\\d_])" for word in calendar["words"])
    gap = rf"(?:{_CALENDAR_SEPARATOR}{words}){{0,{_CALENDAR_SEPARATORS}}}"
    parts = {"d": _CALENDAR_DAY, "m": month, "y": _CALENDAR_YEAR}
    found = tuple(re.compile(gap.join(parts[part] for part in order), re.IGNORECASE)
                  for order in (*_CALENDAR_ORDERS, *calendar["orders"]))
    _CALENDAR_CACHE[language] = (calendar, found)  # the data itself, never a reused id
    return found


_CALENDAR_CACHE: dict[str, tuple[Mapping[str, Any], tuple[re.Pattern[str], ...]]] = {}


def _calendar_dates(text: str, language: str | None, thai: bool, today: date,
                    calendar: Mapping[str, Any] | None) -> Iterator[_Found]:
    """Dates with a month name as the language's CLDR patterns write them."""
    if not calendar or not language or not calendar.get("months"):
        return
    months = calendar["months"]
    for pattern in _calendar_patterns(language, calendar):
        for match in pattern.finditer(text):
            month = months.get(match.group("m").casefold().replace("'", "’")) or months.get(
                match.group("m").casefold())
            if month is None:
                continue
            iso = _valid(_gregorian_year(int(match.group("y")), thai, today), month,
                         int(match.group("d")), today)
            if iso:
                yield _Found(match.start(), iso)


def _plain(hint: str, months: Mapping[str, int], fillers: Sequence[str] = ()) -> str:
    # before the zero-width marks go: Malayalam's old chillu letters hold a joiner (ഒക്ടോബര്‍)
    text = _ascii_digits(_INVISIBLE.sub("", atomic_chillu(_ADDRESS.sub(" ", hint))))
    for filler in fillers:
        text = re.sub(_word_pattern(filler), " ", text)
    return _with_month_numbers(text, months)


def _parse_hint(hint: str, language: str | None, today: date, months: Mapping[str, int],
                calendar: Mapping[str, Any] | None = None, fillers: Sequence[str] = ()) -> str | None:
    """The earliest full date in one hint."""
    text = _plain(hint, months, fillers)
    if not _HAS_YEAR.search(text):
        return None
    thai = language == "th" or bool(_THAI.search(text))
    first = min((*_numeric_dates(text, language, thai, today),
                 *_calendar_dates(text, language, thai, today, calendar)), default=None)
    # a named-month date before the first other one is the page's: "5 March 2021, updated 06.03.2021"
    before = text if first is None else text[: first.start]
    named = next(_named_month_dates(before, language, thai, today), None) if _HAS_YEAR.search(before) else None
    found = named or first
    return found.iso if found else None


def _with_month_numbers(text: str, months: Mapping[str, int]) -> str:
    """Month names dateparser lacks, written as numbers in whichever order the date takes:
    "13 جوان 2016" -> "13.6.2016", "2082 कात्तिक 8" -> "2082.7.8", "कात्तिक 8, 2082" -> "8.7.2082"."""
    for name, number in months.items():
        month = re.escape(name)
        text = re.sub(rf"(?<!\d)(\d{{1,2}})\s+{month}\s*,?\s+(\d{{4}})(?!\d)", rf"\1.{number}.\2", text)
        text = re.sub(rf"(?<!\d)(\d{{4}})\s+{month}\s+(\d{{1,2}})(?!\d)", rf"\1.{number}.\2", text)
        text = re.sub(rf"{month}\s+(\d{{1,2}})\s*,?\s+(\d{{4}})(?!\d)", rf"\1.{number}.\2", text)
    return text


def _word_pattern(word: str) -> str:
    """A word for today as a whole word ("leo", not the start of "Leonardo"); in scripts written
    without spaces (今天上午, วันนี้) letters may follow it."""
    if UNSPACED.search(word):
        return re.escape(word)
    return rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])"


def parse_published(
    hints: tuple[str, ...],
    language: str | None,
    today: date | None = None,
    lead: str = "",
    date_words: Mapping[str, Mapping[str, object]] | None = None,
) -> str | None:
    """The first full date among the hints (the page's header, closing stamp and own address),
    else a full date the lead gives for "today"."""
    today = today or date.today()
    months: Mapping[str, int] = (date_words or {}).get("months", {}).get(language or "", {})  # type: ignore[assignment]
    calendar: Mapping[str, Any] | None = (date_words or {}).get("calendar", {}).get(language or "")  # type: ignore[assignment]
    fillers: Sequence[str] = (date_words or {}).get("fillers", {}).get(language or "", ())  # type: ignore[assignment]
    for hint in hints:
        found = _parse_hint(hint, language, today, months, calendar, fillers)
        if found:
            return found
    words: list[str] = (date_words or {}).get("today", {}).get(language or "", [])  # type: ignore[assignment]
    opening = lead[:TODAY_LEAD_CHARS]
    for word in words:
        for match in re.finditer(_word_pattern(word), opening, re.IGNORECASE):
            window = opening[match.end() : match.end() + TODAY_WINDOW_CHARS]
            found = _parse_hint(window, language, today, months, calendar, fillers)
            if found:
                return found
    return None
