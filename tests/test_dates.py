"""Publication dates: each language's written forms, the page's own address, HTML metadata."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from coopwatch.enrich.dates import parse_published
from coopwatch.fetchers.feedfile import parse_feed
from coopwatch.fetchers.htmlpage import parse_html
from coopwatch.fetchers.pagetext import address_date, parse_page_text
from coopwatch.vocabulary import load_vocabulary

TODAY = date(2026, 11, 22)
SHARED = Path(__file__).resolve().parents[2] / "shared"
STORY = ("Russia and China signed an agreement on joint research in quantum computing. "
         "The two academies will open shared laboratories in Moscow and Beijing next year.")


def published(hints: tuple[str, ...], language: str | None, lead: str = "") -> str | None:
    date_words = load_vocabulary().date_words
    return parse_published(hints, language, today=TODAY, lead=lead, date_words=date_words)


@pytest.mark.parametrize(
    ("hint", "language", "expected"),
    [
        ("2024년 4월 25일 오후 3:12 | 기자 김민수", "ko", "2024-04-25"),
        ("发布时间：2024年4月25日 10:30 来源：新华社", "zh", "2024-04-25"),
        ("２０２４年４月２５日　共同通信", "ja", "2024-04-25"),
        ("平成18年3月10日 朝刊", "ja", "2006-03-10"),
        ("令和元年5月7日", "ja", "2019-05-07"),
        ("民國113年4月25日 中央社", "zh", "2024-04-25"),
        ("تاريخ النشر: ٢٥/٤/٢٠٢٤", "ar", "2024-04-25"),
        ("تاریخ انتشار: ۲۰۲۴/۰۴/۲۵", "fa", "2024-04-25"),
        ("تاریخ انتشار: ۱۴۰۳/۰۲/۰۶ - ۱۰:۳۰", "fa", "2024-04-25"),  # Iran's solar calendar
        ("پنجشنبه ۶ اردیبهشت ۱۴۰۳", "fa", "2024-04-25"),
        ("۶ ثور ۱۴۰۳", "fa", "2024-04-25"),  # the same month by its Afghan name
        ("۳۰ اسفند ۱۴۰۳", "fa", "2025-03-20"),  # the leap year's last day
        ("الخميس ١٦/١٠/١٤٤٥هـ", "ar", "2024-04-25"),  # lunar Hijri, marked هـ
        ("1445/10/16 هـ", "ar", "2024-04-25"),
        ("प्रकाशित: २५ अप्रैल २०२४", "hi", "2024-04-25"),
        ("প্রকাশিত: ২৫ অক্টোবর ২০২৫", "bn", "2025-10-25"),
        ("Publicado el 25 de octubre de 2025", "es", "2025-10-25"),
        ("Zveřejněno 25. října 2025, 14:05", "cs", "2025-10-25"),
        ("Pubblicato il 25 ottobre 2025", "it", "2025-10-25"),
        ("Published October 25, 2025 at 9:41 a.m.", "en", "2025-10-25"),
        ("Oct. 25, 2025 | Reuters", "en", "2025-10-25"),
        ("25 Ekim 2025 Cumartesi", "tr", "2025-10-25"),
        ("Mittwoch, 22. Oktober 2025", "de", "2025-10-22"),
        ("Jumamosi, 25 Oktoba 2025", "sw", "2025-10-25"),
        ("25. oktober 2025 kl. 10.15", "no", "2025-10-25"),
        ("2024. április 25. 10:12", "hu", "2024-04-25"),
        ("Thứ năm, ngày 25 tháng 4 năm 2024", "vi", "2024-04-25"),
        ("25 เมษายน 2567", "th", "2024-04-25"),
        ("๒๕ เมษายน ๒๕๖๗", "th", "2024-04-25"),
        ("25/04/2567 10:00 น.", "th", "2024-04-25"),
        ("Published 5 March 2021, updated 06.03.2021", "en", "2021-03-05"),
        ("اُردو پوائنٹ اخبارتازہ ترین 01 دسمبر2018ء", "ur", "2018-12-01"),  # a year unspaced
        # forms dateparser does not read, as CLDR writes them (calendar.json)
        ("Publicat: dijous, 25 d'abril del 2024", "ca", "2024-04-25"),
        ("Publicēts 2024. gada 25. aprīlis", "lv", "2024-04-25"),
        ("2024 m. balandžio 25 d. 10:15", "lt", "2024-04-25"),
        ("פורסם: 25 באפר׳ 2024", "he", "2024-04-25"),
        ("25 เมษายน พ.ศ. 2567", "th", "2024-04-25"),
        ("شائع: 25 اپریل، 2024", "ur", "2024-04-25"),
        ("Janaayo 9, 2023", "so", "2023-01-09"),
        ("9 ஜன., 2023", "ta", "2023-01-09"),
        # as papers write them beside CLDR: Latvian's locative month, Catalan's "de" before the
        # year, Malayalam with or without its zero-width non-joiner, the Levant's Arabic months
        ("2025. gada 25. oktobrī", "lv", "2025-10-25"),
        ("25 d’octubre de 2025", "ca", "2025-10-25"),
        ("25 ഒക്‌ടോബർ 2025", "ml", "2025-10-25"),
        ("25 ഒക്ടോബർ 2025", "ml", "2025-10-25"),
        ("2014 ഏപ്രില്\u200d 25", "ml", "2014-04-25"),  # the chillu letter written the old way
        ("الأحد 5 تشرين الأول 2025", "ar", "2025-10-05"),
        ("1 كانون الثاني 2023", "ar", "2023-01-01"),
        # Nepal's Bikram Sambat, in each order Nepali papers write it
        ("२०८२ कात्तिक ८", "ne", "2025-10-25"),
        ("२०८२ साल कात्तिक ८ गते", "ne", "2025-10-25"),
        ("कात्तिक ८, २०८२", "ne", "2025-10-25"),
        ("प्रकाशित: ८ कार्तिक २०८२", "ne", "2025-10-25"),
        ("२०८१ बैशाख १", "ne", "2024-04-13"),
        ("۳ آبان ۱۴۰۴", "fa", "2025-10-25"),
    ],
)
def test_full_dates_in_each_language(hint: str, language: str, expected: str) -> None:
    assert published((hint,), language) == expected


@pytest.mark.parametrize(
    ("hint", "language"),
    [
        ("29 апреля, 14:00", "ru"),  # a day without a year
        ("25 octobre", "fr"),
        ("4月25日 新华社", "zh"),
        ("काठमाडौं, २२ असार । नेपाल", "ne"),  # a Bikram Sambat day without its year
        ("२०८२ कात्तिक ३३", "ne"),  # no such day
        ("令和5年", "ja"),  # a year without a day
        ("October 2025", "en"),
        ("25 October 2030", "en"),  # after today
        ("31.12.2099", "de"),
        ("12 May 1985", "en"),  # before 1990
        ("平成31年5月1日", "ja"),  # Heisei ended on 30 April 2019
        ("١٥ شوال ١٤٤٥ هـ", "ar"),  # a lunar Hijri month by name: unknown, so no date rather than a wrong one
        ("۳۰/۱۲/۱۴۰۲", "fa"),  # Esfand has 29 days in 1402
        ("1402/05/12", "ar"),  # a solar Hijri year outside Persian text
        ("1445/03/12", "ar"),  # a lunar Hijri year without its mark
        ("Source: https://example.org/2024/04/25/other-story.html", "en"),  # another page's address
        ("25 people came in April 2024", "en"),  # words between the parts that no date writes
        ("Publicat el 25 de 2024", "ca"),  # no month
    ],
)
def test_no_date(hint: str, language: str) -> None:
    assert published((hint,), language) is None


def _detected_languages() -> list[str]:
    import langdetect

    profiles = Path(langdetect.__file__).resolve().parent / "profiles"
    return sorted({path.name.split("-")[0] for path in profiles.iterdir()})


@pytest.mark.parametrize("language", _detected_languages())
def test_each_detected_language_reads_its_own_cldr_dates(language: str) -> None:
    """A page in any language langdetect detects is dated when it writes the date as CLDR's full,
    long or medium pattern does. Short patterns (25/4/24) write two-digit years, which are refused:
    a score or a version number reads the same."""
    from babel import Locale, UnknownLocaleError
    from babel.dates import format_date

    try:
        locale = Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        pytest.skip(f"CLDR has no locale {language}")
    for day in (date(2024, 4, 25), date(2019, 11, 3), date(2023, 1, 9)):
        for width in ("full", "long", "medium"):
            written = format_date(day, width, locale=locale)
            assert published((f"{written} ",), language) == day.isoformat(), written


def test_today_dates_in_the_lead_and_event_dates_deep_in_the_body() -> None:
    assert published((), "ko", lead="정부는 오늘 2024년 4월 25일 한국과 베트남이 협정에 서명했다고 밝혔다.") == "2024-04-25"
    assert published((), "es", lead="Hoy, 25 de octubre de 2025, España y México firmaron un acuerdo.") == "2025-10-25"
    deep = "The ministers met in Hanoi. " * 40 + "Today, 3 May 2015, the first deal was recalled."
    assert published((), "en", lead=deep) is None
    assert published((), "en", lead="The first deal was signed on 3 May 2015 in Hanoi.") is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/2024/04/25/story.html", "2024-04-25"),
        ("https://example.org/news/2024-04-25/story", "2024-04-25"),
        ("https://example.org/news/20240425/story.html", "2024-04-25"),
        ("https://example.org/news/story-20240425-1234.html", "2024-04-25"),
        ("https://example.org/2024/0425/c1002-123.html", "2024-04-25"),
        ("https://example.org/news/21491882.html", None),  # an article id, not a day
        ("https://example.org/2024/13/01/story", None),
        ("https://example.org/2024/04/story", None),
        ("https://example.org/1985/04/25/story", None),
        ("https://example.org/story?date=2024-04-25", None),  # only the path names the page
        ("https://mst.gov.vn/bo-khcn-197250828204336191.htm", None),
    ],
)
def test_address_dates(url: str, expected: str | None) -> None:
    assert address_date(url) == expected


def test_a_future_day_in_the_own_address_is_no_date() -> None:
    assert published((address_date("https://example.org/2026/12/01/story.html") or "",), "en") is None


def test_saved_page_text_dates_from_its_own_address_only() -> None:
    saved = ("<!-- saved from url=(0044)https://example.org/2024/04/25/story.html -->\n"
             "Russia and China sign a quantum agreement\n\n" + STORY + "\n")
    page = parse_page_text(saved)
    assert page.date_hints == ("2024-04-25",) and "saved from" not in page.body + (page.title or "")
    other = ("Russia and China sign a quantum agreement\n\n" + STORY + "\n"
             "Source: https://example.org/2024/04/25/story.html\n"
             "Read also: [Earlier talks](https://example.org/2023/01/05/talks.html)\n")
    assert published(parse_page_text(other).date_hints, "en") is None


@pytest.mark.parametrize(("opening", "expected"), [
    ("2012-03-15 The foreign minister confirmed", "2012-03-15"),  # Wikinews dates its stories so
    ("15.03.2012 The foreign minister confirmed", "2012-03-15"),
    ("In 2012-2013 the foreign minister confirmed", None),  # a span of years dates nothing
    ("The foreign minister confirmed on 15.03.2012", None),  # a date inside the story is an event's
])
def test_a_numeric_date_opening_the_story_dates_it(opening: str, expected: str | None) -> None:
    text = f"Russia lets NATO use an airfield\n\n{opening} the details of an agreement. {STORY}\n"
    assert published(parse_page_text(text).date_hints, "en") == expected


@pytest.mark.parametrize(("opening", "expected"), [
    ("Buenos Aires (UrduPoint, 01 December 2018) The foreign minister confirmed", "2018-12-01"),
    ("Buenos Aires (AP) The foreign minister confirmed", None),
    ("The foreign minister (in office since 2018) confirmed", None),  # a year is no date
])
def test_a_datelines_stamp_opening_the_story_dates_it(opening: str, expected: str | None) -> None:
    text = f"Russia lets NATO use an airfield\n\n{opening} the details of an agreement. {STORY}\n"
    assert published(parse_page_text(text).date_hints, "en") == expected


def test_a_thai_headline_above_its_date_line_is_the_headline() -> None:
    # Thai writes words unspaced and a word takes about four characters: the headline is no
    # sentence of the story, and the date line under it dates the page
    headline = "เกาหลีหวังเข้ามาร่วมมือพัฒนาอุตสาหกรรมอาหาร | เดลินิวส์"
    body = ("รายงานข่าวจากทำเนียบรัฐบาล เปิดเผยว่า เมื่อวันที่ 2 มิ.ย.ที่ผ่านมา นายชิน มยองซู ประธาน"
            "สมาคมอุตสาหกรรมอาหารแห่งเกาหลี ได้เข้าพบรองนายกรัฐมนตรีเพื่อหารือความร่วมมือด้านอุตสาหกรรม"
            "อาหารระหว่างไทยกับเกาหลีใต้ และเสนอให้จัดคณะผู้แทนธุรกิจมาเยือนประเทศไทยในปีนี้")
    page = parse_page_text(f"{headline}\n2017-06-03T17:30:00.644Z\n\n{body}\n")
    assert page.title == headline
    assert published(page.date_hints, "th") == "2017-06-03"


def test_page_header_source_line_gives_no_date() -> None:
    text = ("Source: https://example.org/2024/04/25/other.html\n"
            "Russia and China sign a quantum agreement\n\n" + STORY + "\n")
    assert published(parse_page_text(text).date_hints, "en") is None


def test_feed_item_link_dates_an_undated_item() -> None:
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
    <item><title>Russia and China sign</title><link>https://example.org/2024/04/25/story.html</link>
    <description>Russia and China signed an agreement.</description></item>
    <item><title>Undated</title><link>https://example.org/news/12345.html</link>
    <description>No date here.</description></item></channel></rss>"""
    dated, undated = parse_feed(rss, "wire").articles
    assert dated.published is None and dated.date_hints == ("2024-04-25",)
    assert undated.date_hints == ()


BODY = "<h1>Russia and China sign a quantum agreement</h1>" + "".join(
    f"<p>The two academies agreed to open shared laboratories for quantum computing, part {n} of "
    f"a programme that both governments will fund over the coming five years.</p>" for n in range(5))


@pytest.mark.parametrize(
    ("head", "above", "below", "expected"),
    [
        ('<meta property="article:modified_time" content="2024-05-02T10:00:00Z">'
         '<meta property="article:published_time" content="2024-04-25T10:00:00Z">', "", "", "2024-04-25"),
        ('<script type="application/ld+json">{"@graph": [{"@type": "WebPage", "dateModified": "2024-05-02"},'
         '{"@type": "NewsArticle", "datePublished": "2024-04-25T08:00:00+02:00"}]}</script>', "", "", "2024-04-25"),
        ("", '<time datetime="2024-04-25T08:00">25 April 2024</time>', "", "2024-04-25"),
        ("", '<div class="byline">Publicado el 25 de octubre de 2025</div>', "", "2025-10-25"),
        ('<link rel="canonical" href="https://example.org/news/20240425-story">', "", "", "2024-04-25"),
        ('<meta property="article:modified_time" content="2024-05-02T10:00:00Z">', "", "", None),
        ("", "", '<ul class="related"><li><a href="/a">Other story</a> <time datetime="2023-01-05">'
         "5 Jan 2023</time></li></ul>", None),
    ],
)
def test_html_dates(head: str, above: str, below: str, expected: str | None) -> None:
    html = f"<html><head><title>T</title>{head}</head><body><article>{above}{BODY}</article>{below}</body></html>"
    page, _, _ = parse_html(html)
    assert published(page.date_hints, "es" if "Publicado" in above else "en") == expected


def test_saved_html_page_names_its_own_address() -> None:
    html = ("<!DOCTYPE html>\n<!-- saved from url=(0044)https://example.org/2024/04/25/story.html -->\n"
            f"<html><head><title>T</title></head><body><article>{BODY}</article></body></html>")
    page, _, url = parse_html(html)
    assert url == "https://example.org/2024/04/25/story.html" and page.date_hints == ("2024-04-25",)


def test_dates_stay_fast() -> None:
    hints = ("Home | World | Science 2024", "Published 25 de octubre de 2025 · 3 min", "© 2025 Diario")
    published(hints, "es")  # dateparser's locale loads once
    started = time.perf_counter()
    for _ in range(50):
        assert published(hints, "es") == "2025-10-25"
        assert published(("25.10.2025 123 views",), "es") == "2025-10-25"
    assert (time.perf_counter() - started) / 50 < 0.02


def _evaluate(*arguments: str) -> str:
    coopwatch = Path(sys.executable).with_name("coopwatch")
    done = subprocess.run([sys.executable, str(SHARED / "tools" / "evaluate.py"), *arguments,
                           "--coopwatch", str(coopwatch)], capture_output=True, text=True, timeout=900)
    return done.stdout.strip().splitlines()[-1]


@pytest.mark.skipif(not (SHARED / "tools" / "evaluate.py").exists() or not os.environ.get("COOPWATCH_EVAL"),
                    reason="the labelled sets live in ../shared; COOPWATCH_EVAL=1 runs them (a minute)")
def test_published_scores_do_not_drop() -> None:
    seeds = _evaluate("--set", "seeds")
    dev = _evaluate("--articles", str(SHARED / "eval" / "dev" / "articles"),
                    "--labels", str(SHARED / "eval" / "dev" / "labels.json"))
    assert float(seeds.rsplit("published ", 1)[1]) >= 1.0
    assert float(dev.rsplit("published ", 1)[1]) >= 0.918


@pytest.mark.skipif(not (SHARED / "eval" / "dev" / "labels.json").exists(), reason="no dev set here")
def test_dev_published_dates_from_the_page_texts() -> None:
    """The dev set's page texts, parsed as ingest parses them (fast: no database, no enrichment)."""
    labels = json.loads((SHARED / "eval" / "dev" / "labels.json").read_text(encoding="utf-8"))
    right = 0
    for label in labels:
        text = (SHARED / "eval" / "dev" / "articles" / label["file"]).read_text(encoding="utf-8")
        page = parse_page_text(text)
        found = published(page.date_hints, label["language"], lead=page.body)
        right += found == label["published"]
        assert found is None or found == label["published"], label["file"]  # never a wrong date
    assert right / len(labels) >= 0.918


def test_a_word_for_today_is_a_whole_word() -> None:
    assert published((), "sw", lead="Leonardo alisema 25 Oktoba 2025 ni siku ya mkutano.") is None
    assert published((), "sw", lead="Leo, 25 Oktoba 2025, Tanzania na China zilisaini mkataba.") == "2025-10-25"
    assert published((), "zh", lead="今天上午，2024年4月25日，中俄两国签署协议。") == "2024-04-25"
    assert published((), "cs", lead="Dnes, 25. října 2025, podepsaly Česko a Japonsko dohodu.") == "2025-10-25"
