"""Saved page texts: find the headline, keep the story, drop the page's furniture.

A scraped page is navigation, the headline, a dateline, the story, then share buttons, tickers and
lists of related headlines. The story is the run of prose lines; furniture is short lines without
sentence punctuation, and lists, and so are the prose lines that only look like the story: a
notice above the headline (cookies) and other stories' teasers under their headlines. A title
line leaves the site's name it carries. Dates are looked for only where a page states its own:
the header above the story, a closing stamp, and the page's own address (never another link).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import islice
from urllib.parse import urlsplit

from coopwatch.fetchers.limits import check_tags
from coopwatch.fetchers.markup import strip_markup
from coopwatch.scripts import HAN, KANA, THAI

_SENTENCE_END = re.compile(r"[.!?。！？…؟।۔][\"'»”’)\]」』]*\s*$")
_THAI = re.compile(f"[{THAI}]")
_UNSPACED_WORDS = re.compile(f"[{THAI}{KANA}{HAN}]")  # not Hangul: Korean spaces its words
_UNSPACED_RUN = re.compile(f"[{THAI}{KANA}{HAN}]+")
# between a page's title and its site's name; not a colon, which parts a headline's own clauses
_TITLE_SEPARATOR = re.compile(r"\s(?:\||-|–|—|·|::|//|»)\s")
_SITE_FIRST = {"|", "::", "//", "»"}
_PUNCTUATION = "\"'«»“”„‘’‹›()[]{}<>.,;:!?¿¡…—–-/|*#@&%+=~`^،؛؟。、，：；！？「」『』（）・"
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_LIST_ITEM = re.compile(r"^\s*(?:[-–—•*·►▪]|\d{1,2}[.)])\s+")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_DIGIT_START = re.compile(r"^\W*\d")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_CLOSING_STAMP = re.compile(r"\(([^()]{1,40})\)\s*$")  # "(red, 16. 5. 2016)" ending the story
# a dateline's stamp opening the story: "بیونس آئرس (اُردو پوائنٹ 01 دسمبر2018ء) ..."
_OPENING_STAMP = re.compile(r"^[^()]{0,60}\(([^()]{1,60})\)")
# A numeric date opening the story, as Wikinews and wire copy date it: "2012-03-15 The minister"
_OPENING_DATE = re.compile(
    r"\s*((?:19|20)\d{2}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2})(?![\d./-])")
# A date in the path of an address: /2024/04/25/, /2024-04-25/, /20240425/, -20240425-, /2024/0425/
_ADDRESS_DATE = re.compile(
    r"(?:/|(?<=[-_.]))((?:19|20)\d{2})(?:/(\d{1,2})/(\d{1,2})|-(\d{1,2})-(\d{1,2})|(\d{2})(\d{2})"
    r"|/(\d{2})(\d{2}))(?=[/._-]|$)"
)
# How a page names its own address: the browser's mark at the top of a saved page, and markup
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->\s*", re.IGNORECASE)
_CANONICAL = re.compile(
    r"<link\b[^>]*\brel=[\"']?canonical\b[^>]*>|<meta\b[^>]*\bproperty=[\"']?og:url\b[^>]*>", re.IGNORECASE
)
_HREF = re.compile(r"\b(?:href|content)=[\"']?(https?://[^\"'\s>]+)", re.IGNORECASE)
# A link standing alone on its line whose label says it is this story's original, as aggregated
# copies end ("[查看原文](https://...)"); "Source: https://..." names another page and is not one
_ORIGINAL_LINK = re.compile(
    r"^[ \t]*\[\s*(?:查看原文|阅读原文|原文链接|原文連結|原文|元記事|원문(?: 보기)?|permalink|original(?: article| story)?"
    r"|(?:view|read|see) (?:the )?original(?: article| story)?)\s*\]\((https?://[^)\s]+)\)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
MIN_ADDRESS_YEAR = 1990  # enrichment drops a day after today; an address cannot know today
_HEADER_WINDOW = 15  # lines above the story searched for the headline
# A cookie or consent notice, a "JavaScript is off" line, a teaser: one line of prose above the
# headline, parted from the story by the page's furniture (the headline and a menu or dateline)
MAX_NOTICE_CHARS = 300
NOTICE_FURNITURE_LINES = 2
MAX_NOTICES = 3  # looked past above one headline; never a text's worth
# Other stories' teasers, below or beside the story: headlines, one short paragraph or none under
# each, again and again. A story's subheadings part longer paragraphs, or come once or twice.
MAX_TEASER_CHARS = 300
MIN_TEASERS = 3
HEADLINE_WORDS = (4, 16)
# A hard-wrapped text: its width is the line length this share of its lines stay within, and a
# line within WRAP_SLACK of it was broken there when the next word would not have fitted
MAX_WRAP_WIDTH, WRAP_QUANTILE, WRAP_SLACK = 120, 0.9, 15
MIN_WRAPPED_LINES = 5
WRAP_SAMPLE_LINES = 2000  # read to find the width, never a text's worth
LEAD_LINES, LEAD_CHARS = 2, 1000  # the story's opening a headline is compared with
WORD_STEM = 5
MAX_HEADLINE_CHARS = 250
MAX_UNSPACED_HEADLINE_CHARS = 60


@dataclass(frozen=True)
class PageText:
    """What a page text holds once its furniture is gone."""

    title: str | None
    body: str
    date_hints: tuple[str, ...]


def word_count(line: str) -> int:
    """Words in a line; two characters of an unspaced script count as one word, four of Thai
    (whose words are longer in characters: vowels and tone marks are characters of their own)."""
    unspaced = len(_UNSPACED_WORDS.findall(line))
    thai = len(_THAI.findall(line)) if unspaced else 0
    return len(line.split()) + (unspaced - thai) // 2 + thai // 4 - (1 if unspaced else 0)


def is_prose(line: str) -> bool:
    """A sentence of the story, not a menu item, label or headline."""
    words = word_count(line)
    return (words >= 4 and bool(_SENTENCE_END.search(line))) or words >= 25


def _is_metadata(line: str) -> bool:
    return bool(_CLOCK.search(line) or _DIGIT_START.match(line) or _LIST_ITEM.match(line))


def _looks_like_headline(line: str) -> bool:
    """A headline above a story: a listed one (_listed_headline) of at most HEADLINE_WORDS[1]
    words. A word of an unspaced script is counted as two characters, which makes a Chinese or
    Japanese headline of 40 characters 20 words; its cap is in characters."""
    if not _listed_headline(line):
        return False
    unspaced = len(_UNSPACED_WORDS.findall(line)) * 2 > len(line)
    return word_count(line) <= HEADLINE_WORDS[1] or (unspaced and len(line) <= MAX_UNSPACED_HEADLINE_CHARS)


def _listed_headline(line: str) -> bool:
    """A headline in a list of other stories: not prose nor metadata, of HEADLINE_WORDS[0] words
    or more and as long as it likes below MAX_HEADLINE_CHARS (a Chinese headline of 40
    characters counts 20 words)."""
    return word_count(line) >= HEADLINE_WORDS[0] and len(line) <= MAX_HEADLINE_CHARS \
        and not _is_metadata(line) and not is_prose(line)


def _wrap_width(lines: list[str]) -> int | None:
    """The width a hard-wrapped text was broken at (lynx, w3m and mail break lines at 72 to 80
    columns), or None: most lines that reach near the width end where the next word would not
    have fitted. A few longer lines (an address, a headline) stand above it."""
    sample = [line for line in lines[:WRAP_SAMPLE_LINES] if line]
    lengths = sorted(len(line) for line in sample if len(line) <= MAX_WRAP_WIDTH)
    if len(lengths) < MIN_WRAPPED_LINES:
        return None
    width = lengths[int(len(lengths) * WRAP_QUANTILE)]
    near = [a for a in sample if width - WRAP_SLACK <= len(a) <= width]
    broken = sum(1 for a, b in zip(lines, lines[1 : WRAP_SAMPLE_LINES + 1], strict=False)
                 if a and b and width - WRAP_SLACK <= len(a) <= width and _broken(a, b, width))
    return width if broken >= MIN_WRAPPED_LINES and broken >= len(near) / 2 else None


def _broken(line: str, following: str, width: int) -> bool:
    """Whether a line of a text wrapped at width was broken before following's first word."""
    return len(line) + 1 + len(following.split(maxsplit=1)[0]) > width


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped paragraphs into one line each: where the text was wrapped at a width,
    each line that ends where the next word would not have fitted; else blocks of lines of
    similar length that end a sentence."""
    width = _wrap_width(lines)
    if width is not None:
        return _joined_at(lines, width)
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    joined: list[str] = []
    for block in blocks:
        wrapped = (
            len(block) >= 3
            and sum(40 <= len(line) <= 100 for line in block) >= 0.8 * len(block)
            and not any(_LIST_ITEM.match(line) for line in block)
            and bool(_SENTENCE_END.search(block[-1]))
        )
        joined.extend([" ".join(block)] if wrapped else block)
        joined.append("")
    return joined


def _joined_at(lines: list[str], width: int) -> list[str]:
    paragraphs: list[list[str]] = []  # each paragraph's lines, and the separators between them
    previous = ""  # the line before, as the text broke it
    for line in lines:
        if line and previous and len(previous) <= width and _broken(previous, line, width):
            unspaced = bool(_UNSPACED_WORDS.match(previous[-1]) and _UNSPACED_WORDS.match(line[0]))
            paragraphs[-1] += ["" if unspaced else " ", line]
        else:
            paragraphs.append([line])
        previous = line
    return ["".join(parts) for parts in paragraphs]


def _headline_index(lines: list[str], first_prose: int) -> int | None:
    heading = next((i for i, line in enumerate(lines) if _MD_HEADING.match(line)), None)
    if heading is not None and heading <= first_prose:
        return heading
    nonblank = list(islice((i for i, line in enumerate(lines) if line.strip()), 3))
    if nonblank:
        first = nonblank[0]
        following = [i for i in nonblank[1:3] if is_prose(lines[i])]
        line = lines[first]
        if (
            following
            and following[0] >= first_prose  # not a notice the story starts below
            and not is_prose(line)
            and not _is_metadata(line)
            and 3 <= word_count(line)
            and len(line) <= MAX_HEADLINE_CHARS
        ):
            return first
    candidates = [i for i in range(first_prose - 1, max(-1, first_prose - 1 - _HEADER_WINDOW), -1)
                  if _looks_like_headline(lines[i])]
    if len(candidates) < 2:
        return candidates[0] if candidates else None
    # the nearest, unless one farther up shares more words with the lead: a byline, a section's
    # name or a caption can stand between a headline and its story, and says none of it
    lead = _words(" ".join(lines[first_prose : first_prose + LEAD_LINES])[:LEAD_CHARS])
    shared = [len(_words(lines[i]) & lead) for i in candidates]
    best = max(range(len(candidates)), key=lambda n: (shared[n], -n))
    return candidates[best]


def _words(text: str) -> set[str]:
    """A text's words of three letters or more, cut to WORD_STEM letters (a crude stem: Угорщина
    and Угорщини, Russia and Russia's are one), and the character pairs of its unspaced runs."""
    folded = text.casefold()
    found = {word[:WORD_STEM] for word in (part.strip(_PUNCTUATION) for part in folded.split())
             if len(word) >= 3 and not _UNSPACED_RUN.search(word)}
    for run in _UNSPACED_RUN.findall(folded):
        found.update(run[i : i + 2] for i in range(len(run) - 1))
    return found


def _without_site_name(title: str, lines: list[str], headline_at: int) -> str:
    """The headline without the site's name a page's title line carries ("Headline - Site",
    "Site | Headline"): the longer part, when either part is a line of its own elsewhere in the
    page (the site's name in its header, or the headline again above the story). A site's
    name comes first only before a bar: a dash after a country can be a dyad's."""
    separators = list(_TITLE_SEPARATOR.finditer(title))
    if not separators:
        return title
    found = separators[-1]
    parts = [title[: found.start()].strip(), title[found.end() :].strip()]
    if not all(parts):
        return title
    elsewhere = {line.casefold() for number, line in enumerate(lines) if number != headline_at and line}
    if not any(part.casefold() in elsewhere for part in parts):
        return title
    headline, site = sorted(parts, key=word_count, reverse=True)
    if site == parts[0] and found.group().strip() not in _SITE_FIRST:
        return title  # "Vietnam – Japan: a new partnership" names no site
    return headline


def _story_start(lines: list[str], prose: list[bool]) -> int:
    """The story's first line: the first prose line, unless it is a notice above the headline
    (MAX_NOTICE_CHARS); then the prose after the headline. A notice stands under a first line
    too short for a headline (the site's name) or under nothing, and furniture parts it from the
    story: more than one line, a headline among them. A headline, its lead and a subheading, or
    a lone paragraph and a subheading, stay the story."""
    start = next((i for i, is_story in enumerate(prose) if is_story), len(lines))
    # the page's first line, when too short for a headline: the site's name, which
    # _headline_index takes for one when prose follows it
    site_line = next((i for i, line in enumerate(lines) if line.strip()), None)
    if site_line is not None and _looks_like_headline(lines[site_line]):
        site_line = None
    for _ in range(MAX_NOTICES):
        if start >= len(lines) or len(lines[start]) > MAX_NOTICE_CHARS \
                or _headline_index(lines, start) not in (None, site_line):
            break
        following = next((i for i in range(start + 1, len(lines)) if prose[i]), None)
        if following is None:
            break
        headline = _headline_index(lines, following)
        between = [line for line in lines[start + 1 : following] if line.strip()]
        if headline is None or headline < start or len(between) < NOTICE_FURNITURE_LINES:
            break
        start = following
    return start


def _teaser_lines(lines: list[str], prose: list[bool], start: int) -> set[int]:
    """The prose lines after the story's first that are other stories' teasers: in a run of
    MIN_TEASERS or more headlines (numbered or marked as a list's items, or not), the one short
    paragraph under each (a date or a count may stand between a headline and its teaser)."""
    teasers: set[int] = set()
    headlines, under = 0, []  # the run's headlines, and the paragraphs under them
    waiting = False  # a headline of the run has no paragraph under it yet
    for i in range(start + 1, len(lines)):
        line = lines[i]
        if not line.strip():
            continue
        if prose[i] and waiting and len(line) <= MAX_TEASER_CHARS:
            under.append(i)
            waiting = False
        elif not prose[i] and _listed_headline(_LIST_ITEM.sub("", line)):
            headlines += 1
            waiting = True
        elif not prose[i] and headlines and _is_metadata(line):
            continue  # a list's number, a date
        else:
            if headlines >= MIN_TEASERS:
                teasers.update(under)
            headlines, under, waiting = 0, [], False
    if headlines >= MIN_TEASERS:
        teasers.update(under)
    return teasers


def address_date(url: str | None) -> str | None:
    """The day an address's path gives ("YYYY-MM-DD"), if it is a real calendar day after 1989."""
    path = urlsplit(url or "").path
    for match in _ADDRESS_DATE.finditer(path):
        year, *parts = match.groups()
        month, day = (int(part) for part in parts if part is not None)
        try:
            found = date(int(year), month, day)
        except ValueError:
            continue
        if found.year >= MIN_ADDRESS_YEAR:
            return found.isoformat()
    return None


def own_addresses(text: str) -> list[str]:
    """The addresses a saved page gives as its own: the saved-from mark, a canonical link, a
    closing link to the story's original. Other links in the page are other pages."""
    found = [match.group(1) for match in _SAVED_FROM.finditer(text[:4096])]
    found += [href.group(1) for tag in _CANONICAL.finditer(text) for href in [_HREF.search(tag.group())] if href]
    found += [match.group(1) for match in _ORIGINAL_LINK.finditer(text)]
    return found


def parse_page_text(text: str) -> PageText:
    """Headline, story and date hints of a saved page text; raises TooCostly for a text with
    more tags than a page has elements."""
    check_tags(text)
    addresses = own_addresses(text)
    text, _ = strip_markup(_SAVED_FROM.sub("", text))
    lines = _unwrap([line.strip() for line in text.split("\n")])
    prose = [is_prose(line) for line in lines]  # a line of a 10 MB text costs 0.3 s to judge
    first_prose = _story_start(lines, prose)
    headline_at = _headline_index(lines, first_prose)
    title = None
    if headline_at is not None:
        title = _MD_HEADING.sub("", lines[headline_at]).strip() or None
        if title:
            title = _without_site_name(title, lines, headline_at)
    start = 0 if headline_at is None else headline_at + 1
    teasers = _teaser_lines(lines, prose, first_prose)
    story = [line for i, (line, is_story) in enumerate(zip(lines, prose, strict=True))
             if i >= start and is_story and line != title and i not in teasers]
    header = [line for line in lines[:first_prose] if re.search(r"\d", line)]
    # an agency stamp closing the story, "(red, 16. 5. 2016)"; a date in a list below it is not
    hints = header + [m.group(1) for line in story[:1] for m in [_OPENING_DATE.match(line)] if m]
    hints += [m.group(1) for line in story[:1] for m in [_OPENING_STAMP.match(line)]
              if m and _YEAR.search(m.group(1))]
    hints += [m.group(1) for line in story[-1:] for m in [_CLOSING_STAMP.search(line)]
              if m and _YEAR.search(m.group(1))]
    hints += [day for day in map(address_date, addresses) if day]
    return PageText(title=title, body="\n\n".join(story), date_hints=tuple(hints))
