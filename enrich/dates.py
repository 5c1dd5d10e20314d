"""The publication date a page states: numeric forms by pattern, month names by dateparser.

Only full dates count: a day without a year is no date (dateparser would fill in this year).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

_YEAR = r"((?:19|20)\d{2})"
_ISO = re.compile(rf"(?<!\d){_YEAR}[-/.]\s?(\d{{1,2}})[-/.]\s?(\d{{1,2}})(?!\d)")
_DAY_FIRST = re.compile(rf"(?<!\d)(\d{{1,2}})\s?[./-]\s?(\d{{1,2}})\s?[./-]\s?{_YEAR}(?!\d)")
_CJK = re.compile(rf"{_YEAR}\s*[年년]\s*(\d{{1,2}})\s*[月월]\s*(\d{{1,2}})\s*[日일]")
_HAS_YEAR = re.compile(rf"(?<!\d){_YEAR}(?!\d)")
_MONTH_FIRST_LANGUAGES = {"en"}  # 09/18/2020 in US English; elsewhere the day comes first
MIN_YEAR = 1990
TODAY_LEAD_CHARS = 600  # "today" dates count in the lead only, where the story states its day
TODAY_WINDOW_CHARS = 40  # how far after the word for today its date may stand


def _valid(year: int, month: int, day: int, today: date) -> str | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if found.year < MIN_YEAR or found > today:
        return None
    return found.isoformat()


def _numeric(hint: str, language: str | None, today: date) -> str | None:
    for pattern in (_ISO, _CJK):
        match = pattern.search(hint)
        if match:
            year, month, day = map(int, match.groups())
            return _valid(year, month, day, today)
    match = _DAY_FIRST.search(hint)
    if match:
        first, second, year = map(int, match.groups())
        day, month = (second, first) if language in _MONTH_FIRST_LANGUAGES and "/" in match.group() else (first, second)
        if month > 12 >= day:
            day, month = month, day
        return _valid(year, month, day, today)
    return None


def _named_month(hint: str, language: str | None, today: date) -> str | None:
    from dateparser.search import search_dates  # slow to import; most articles never need it

    languages = [language, "en"] if language and language != "en" else ["en"]
    try:
        found = search_dates(
            hint, languages=languages,
            settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"},
        )
    except Exception:  # dateparser raises assorted errors on odd text; a hint is never worth one
        return None
    for text, moment in found or ():
        year = _HAS_YEAR.search(text)
        if year and int(year.group(1)) == moment.year:
            return _valid(moment.year, moment.month, moment.day, today)
    return None


def _with_month_numbers(text: str, months: Mapping[str, int]) -> str:
    """Month names dateparser lacks, written as numbers: "13 جوان 2016" -> "13.6.2016"."""
    for name, number in months.items():
        text = re.sub(rf"(\d{{1,2}})\s+{re.escape(name)}\s+((?:19|20)\d{{2}})", rf"\1.{number}.\2", text)
    return text


def _parse_hint(hint: str, language: str | None, today: date) -> str | None:
    if not _HAS_YEAR.search(hint):
        return None
    found = _numeric(hint, language, today)
    if found is None and re.search(r"[^\W\d_]{3,}", hint):
        found = _named_month(hint, language, today)
    return found


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
    for hint in hints:
        found = _parse_hint(_with_month_numbers(hint, months), language, today)
        if found:
            return found
    words: list[str] = (date_words or {}).get("today", {}).get(language or "", [])  # type: ignore[assignment]
    opening = lead[:TODAY_LEAD_CHARS]
    for word in words:
        for match in re.finditer(re.escape(word), opening, re.IGNORECASE):
            window = _with_month_numbers(opening[match.end() : match.end() + TODAY_WINDOW_CHARS], months)
            year = _HAS_YEAR.search(window)
            if year:
                found = _parse_hint(window[: year.end()], language, today)
                if found:
                    return found
    return None
