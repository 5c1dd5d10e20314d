#!/usr/bin/env python3
"""Enrichment of the labelled articles saved as real sites lay their pages out.

A saved page is not a dataset's clean text: a site's name and menu stand above the headline, a
cookie notice, a byline, a caption and a dateline around it, lists of other stories' headlines
(numbered or not, with a teaser each or not) below it, and lynx or w3m break its lines at 76
columns. Each labelled article (the seeds, ../shared/eval/dev, our corpora under
tests/data/corpus) is laid out in each of the layouts below, read as a local page file is
(coopwatch.fetchers.local.parse_local: page text or HTML), enriched, and scored against its
labels; the first row is the article as it is. The other stories are the headlines and first
sentences of the set's other articles in the same language, so a related list speaks of other
countries, as it does on a real site.

    python bench/page_layouts.py [--layout NAME ...] [--changed]
"""

from __future__ import annotations

import argparse
import html
import random
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

from coopwatch.enrich import enrich_many
from coopwatch.enrich.vocabulary import Vocabulary
from coopwatch.fetchers.local import parse_local
from coopwatch.fetchers.pagetext import parse_page_text
from coopwatch.types import RawArticle
from coopwatch.vocabulary import load_vocabulary

from quality import NORWEGIAN, Tally, sets

BATCH = 25
RELATED = 4  # other stories in a page's related list
_FIRST_SENTENCE = re.compile(r"(.{40,300}?[.!?。！？])(?:\s|$)")


@dataclass(frozen=True)
class Article:
    part: str
    label: dict
    text: str
    headline: str | None  # as coopwatch reads the clean text
    story: list[str]
    teaser: str | None


@dataclass(frozen=True)
class Page:
    article: Article
    related: list[Article]

    @property
    def dateline(self) -> str:
        published = self.article.label.get("published")
        return f"{published[8:10]}.{published[5:7]}.{published[:4]} 10:43" if published else "10:43"

    def head(self) -> list[str]:
        return [self.article.headline, ""] if self.article.headline else []

    def body(self) -> list[str]:
        return [line for paragraph in self.article.story for line in (paragraph, "")]


def menu(page: Page) -> str:
    return _lines(["Daily Observer", "", "Home", "World", "Business", "Science", "Sport", ""],
                  page.head(), [page.dateline, ""], page.body(),
                  ["Share", "Tweet", "", "Related news"],
                  [f"- {other.headline}" for other in page.related])


def cookie_notice(page: Page) -> str:
    return _lines(["Daily Observer",
                   "We use cookies to give you the best experience on our website. By continuing "
                   "you agree to our use of cookies.", "Accept", "Home", "World", "Business", ""],
                  page.head(), [page.dateline, ""], page.body())


def byline_and_caption(page: Page) -> str:
    return _lines(["Daily Observer", "", "Home", "World", ""], page.head(),
                  ["By Anna Smith and Lee Wong, staff reporters", page.dateline,
                   "Photo taken at the signing ceremony", ""], page.body(),
                  ["© 2024 Daily Observer. All rights reserved."])


def teasers(page: Page) -> str:
    return _lines(["Daily Observer", "", "Home", "World", ""], page.head(), [page.dateline, ""],
                  page.body(), ["Related news", ""],
                  [line for other in page.related for line in (other.headline, other.teaser or "", "")])


def numbered_teasers(page: Page) -> str:
    return _lines(["Daily Observer", "", "Home", "World", ""], page.head(), [page.dateline, ""],
                  page.body(), ["Most read"],
                  [line for number, other in enumerate(page.related, 1)
                   for line in (str(number), other.headline, other.teaser or "")])


def site_in_title(page: Page) -> str:
    # a site named for a country, in the browser's title line and in the header
    title = [f"{page.article.headline} - The Korea Herald", ""] if page.article.headline else []
    return _lines(title, ["The Korea Herald", "Home", "World", ""], [page.dateline, ""],
                  page.body(), ["© 2024 The Korea Herald. All rights reserved."])


def long_date(page: Page) -> str:
    published = page.article.label.get("published")
    language = page.article.label.get("language") or "en"
    stamp = page.dateline
    if published:
        try:
            stamp = format_date(date.fromisoformat(published), "long",
                                locale="nb" if language in NORWEGIAN else language) + ", 10:43"
        except (ValueError, LookupError):
            pass
    return _lines(["Daily Observer", "", "Home", "World", ""], page.head(), [stamp, ""], page.body())


def hard_wrapped(page: Page) -> str:
    # as lynx -dump or w3m save a page: every paragraph broken at 76 columns
    body = [line for paragraph in page.article.story
            for line in (*textwrap.wrap(paragraph, 76, break_long_words=False), "")]
    return _lines(["Daily Observer", "", "Home", "World", ""], page.head(), [page.dateline, ""], body)


def html_page(page: Page) -> str:
    article = page.article
    published = article.label.get("published")
    stamp = f"<time datetime='{published}'>{page.dateline}</time>" if published else ""
    headline = html.escape(article.headline or "")
    related = "".join(f"<li><a href='/story/{number}'>{html.escape(other.headline or '')}</a>"
                      f"<p>{html.escape(other.teaser or '')}</p></li>"
                      for number, other in enumerate(page.related))
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'>"
            f"<title>{headline} | Daily Observer</title></head><body>"
            "<div class='cookie'>We use cookies to give you the best experience on our website. "
            "<button>Accept</button></div><header><a href='/'>Daily Observer</a><nav>"
            "<a href='/world'>World</a> <a href='/science'>Science</a></nav></header><main><article>"
            f"{f'<h1>{headline}</h1>' if headline else ''}<div class='byline'>By Anna Smith</div>"
            f"{stamp}{''.join(f'<p>{html.escape(line)}</p>' for line in article.story)}</article>"
            f"<aside><h2>Related news</h2><ul>{related}</ul></aside></main>"
            "<footer>© 2024 Daily Observer. All rights reserved.</footer></body></html>")


LAYOUTS: dict[str, Callable[[Page], str]] = {
    "menu": menu, "cookie-notice": cookie_notice, "byline-and-caption": byline_and_caption,
    "teasers": teasers, "numbered-teasers": numbered_teasers, "site-in-title": site_in_title,
    "long-date": long_date, "hard-wrapped": hard_wrapped, "html": html_page,
}


def _lines(*blocks: list[str]) -> str:
    return "\n".join(line for block in blocks for line in block) + "\n"


def articles() -> list[Article]:
    found = []
    for part, (folder, labels) in sets().items():
        for label in labels:
            text = (folder / label["file"]).read_text(encoding="utf-8", errors="replace")
            page = parse_page_text(text)
            story = [paragraph for paragraph in page.body.split("\n\n") if paragraph.strip()]
            first = _FIRST_SENTENCE.match(story[0]) if story else None
            found.append(Article(part, label, text, page.title, story, first and first.group(1)))
    return found


def score(pages: list[tuple[Article, str, str]],
          vocabulary: Vocabulary) -> tuple[dict[str, float], dict[str, tuple]]:
    """The scores, and each article's headline and tags as read."""
    raws: list[tuple[Article, RawArticle]] = []
    for article, text, kind in pages:
        parsed = parse_local(text.encode(), kind, article.label["file"])
        if isinstance(parsed, list) and parsed:
            raws.append((article, parsed[0]))
    enriched = []
    for start in range(0, len(raws), BATCH):
        enriched += enrich_many([raw for _, raw in raws[start : start + BATCH]], vocabulary)
    tally = Tally()
    read: dict[str, tuple] = {}
    for (article, raw), found in zip(raws, enriched, strict=True):
        label = article.label
        read[f"{article.part}/{label['file']}"] = (raw.title, found.countries, found.pairs,
                                                   found.cooperation, found.sectors, found.published)
        tally.sets_of("pairs", set(found.pairs), {tuple(pair) for pair in label["pairs"]})
        tally.sets_of("countries", set(found.countries), set(label["countries"]))
        tally.sets_of("sectors", set(found.sectors), set(label["sectors"]))
        tally.check("cooperation", found.cooperation == label["is_cooperation"])
        tally.check("published", found.published == label.get("published"))
        language = label.get("language")
        tally.check("language", found.language == language or
                    {found.language, language} <= NORWEGIAN)
    return tally.row(), read


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--layout", action="append", choices=sorted(LAYOUTS))
    parser.add_argument("--changed", action="store_true",
                        help="list the articles each layout reads otherwise than as labelled")
    args = parser.parse_args()
    found = articles()
    by_language: dict[str | None, list[Article]] = {}
    for article in found:
        if article.headline and article.teaser:
            by_language.setdefault(article.label.get("language"), []).append(article)
    chooser = random.Random(41)

    def related(article: Article) -> list[Article]:
        others = [other for other in by_language.get(article.label.get("language"), [])
                  if other is not article]
        return chooser.sample(others, min(RELATED, len(others)))

    pages = [Page(article, related(article)) for article in found]
    columns = ("pairs", "countries", "sectors", "cooperation", "published", "language")
    print(f"{len(found)} labelled articles; F1 for pairs, countries and sectors, accuracy for the rest")
    print(f"{'layout':20}" + "".join(f"{name:>12}" for name in columns))
    vocabulary = load_vocabulary()
    plain = score([(article, article.text, "text") for article in found], vocabulary)
    rows = [("as labelled", plain)]
    for name in args.layout or LAYOUTS:
        layout = LAYOUTS[name]
        kind = "html" if name == "html" else "text"
        rows.append((name, score([(page.article, layout(page), kind) for page in pages], vocabulary)))
    for name, (row, _) in rows:
        print(f"{name:20}" + "".join(f"{row.get(column, 0.0):12.3f}" for column in columns))
    for name, (_, read) in rows[1:] if args.changed else ():
        for key, tags in read.items():
            if tags[1:5] != plain[1].get(key, (None,) * 6)[1:5]:
                print(f"{name} {key}\n  as labelled {plain[1].get(key)}\n  laid out    {tags}")


if __name__ == "__main__":
    main()
