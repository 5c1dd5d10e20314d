"""Local files into raw articles: page texts, HTML, feed files, encodings, and files that are bad."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from coopwatch.fetchers.decode import decode_bytes
from coopwatch.fetchers.feedfile import FeedParseError, parse_feed
from coopwatch.fetchers.limits import MAX_ATTRIBUTES, MAX_FEED_ITEMS, TooCostly, check_markup
from coopwatch.fetchers.local import read_file, walk
from coopwatch.fetchers.pagetext import parse_page_text
from coopwatch.types import RawArticle, Skipped

from conftest import FIXTURES, shared_path


def test_page_text_finds_the_headline_and_drops_the_furniture() -> None:
    page = parse_page_text((FIXTURES / "portal_page.txt").read_text(encoding="utf-8"))
    assert page.title == "Finland and Chile plan a joint observatory for southern skies"
    assert page.body.startswith("HELSINKI, March 3. Finland and Chile signed")
    assert "partnership" in page.body  # the story goes on after the related list
    for furniture in ("Read also", "Finnish exports to Brazil", "Norway opens", "Estonia wins",
                      "Sweden debates", "Advertising", "Share", "2 pages in this article"):
        assert furniture not in page.body


def test_page_text_date_comes_from_the_header_only() -> None:
    page = parse_page_text((FIXTURES / "dated_page.txt").read_text(encoding="utf-8"))
    assert page.title == "Energy cooperation with Kazakhstan reaches a new stage"
    assert page.date_hints[:1] == ("12.05.2021 321 views",)
    assert all("2019" not in hint for hint in page.date_hints)


def test_page_text_without_a_headline() -> None:
    text = ("The ministers met in Oslo to discuss a common research programme on batteries.\n"
            "Both sides agreed to meet again next year in Helsinki.\n")
    page = parse_page_text(text)
    assert page.title is None
    assert page.body.count("\n\n") == 1


def test_page_text_looks_past_a_notice_above_the_headline() -> None:
    text = ("Nordic Science Daily\n"
            "We use cookies to give you the best experience on our website. By continuing you "
            "agree to our use of cookies.\n"
            "Accept\nHome\nWorld\nScience\n\n"
            "Finland and Chile plan a joint observatory for southern skies\n\n"
            "12.05.2021 10:43\n\n"
            "Finland and Chile signed an agreement on Monday to build a joint observatory.\n"
            "The two countries will share the telescope's time for ten years.\n")
    page = parse_page_text(text)
    assert page.title == "Finland and Chile plan a joint observatory for southern skies"
    assert page.body.startswith("Finland and Chile signed")
    assert "cookies" not in page.body
    assert "12.05.2021 10:43" in page.date_hints


def test_page_text_without_a_headline_keeps_a_paragraph_above_a_subheading() -> None:
    text = ("The ministers met in Oslo to discuss a common research programme on batteries.\n\n"
            "What the programme will fund next year\n\n"
            "Both sides agreed to fund four laboratories and to meet again next year.\n")
    page = parse_page_text(text)
    assert page.title is None
    assert page.body.startswith("The ministers met in Oslo")


def test_page_text_keeps_a_short_lead_above_a_caption_and_a_subheading() -> None:
    text = ("Finland and Chile plan a joint observatory for southern skies\n\n"
            "Finland and Chile signed an agreement on Monday to build a joint observatory.\n\n"
            "Photo: Lehtikuva\n\n"
            "What the two countries will share next year\n\n"
            "The two countries will share the telescope's time for ten years.\n")
    page = parse_page_text(text)
    assert page.title == "Finland and Chile plan a joint observatory for southern skies"
    assert page.body.startswith("Finland and Chile signed")


_TEASED_PAGES = {
    "plain": ("Finland and Chile plan a joint observatory for southern skies\n\n"
              "Finland and Chile signed an agreement on Monday to build a joint observatory.\n\n"
              "The two countries will share the telescope's time for ten years.\n\n"
              "Related news\n\n"
              "Norway and Iceland sign a fisheries research deal\n\n"
              "Norway and Iceland agreed on Friday to survey the cod stocks together.\n\n"
              "Estonia opens a cyber range with Latvia\n\n"
              "12.05.2021\n\n"
              "The range in Tartu will train soldiers of both countries.\n\n"
              "Sweden debates a new space port in the north\n\n"
              "Kenya and Japan to build a geothermal plant\n\n"
              "The plant near Naivasha will be the country's largest.\n",
              "Finland and Chile signed", ("ten years",), ("cod stocks", "Tartu", "Naivasha")),
    "numbered": ("Finland and Chile plan a joint observatory for southern skies\n\n"
                 "Finland and Chile signed an agreement on Monday to build a joint observatory.\n\n"
                 "Most read\n"
                 "1\nNorway and Iceland sign a fisheries research deal\n"
                 "12 May 2021: Norway and Iceland agreed to survey the cod stocks together.\n"
                 "2\nEstonia opens a cyber range with Latvia\n"
                 "The range in Tartu will train soldiers of both countries.\n"
                 "3\nKenya and Japan to build a geothermal plant\n"
                 "The plant near Naivasha will be the country's largest.\n",
                 "Finland and Chile signed", (), ("cod stocks", "Tartu", "Naivasha")),
    # a Chinese headline of 35 characters counts as 17 words, more than a headline above a story
    "long Chinese headlines": ("中芬签署天文台合作协议\n\n"
                               "中国和芬兰周一签署协议，双方将共同建设一座天文台。\n\n"
                               "相关新闻\n\n"
                               "挪威与冰岛签署渔业研究协议双方将在未来五年内共同调查北大西洋鳕鱼资源状况\n"
                               "挪威和冰岛周五同意共同调查鳕鱼资源。\n\n"
                               "爱沙尼亚与拉脱维亚共同开设网络安全靶场以培训两国军队的网络防御人员\n"
                               "位于塔尔图的靶场将培训两国士兵。\n\n"
                               "肯尼亚和日本将在奈瓦沙附近合作建设该国最大的地热发电站并培训当地技术人员\n"
                               "这座电站将成为该国最大的电站。\n",
                               "中国和芬兰周一签署协议", (), ("鳕鱼", "塔尔图", "最大的电站")),
}


@pytest.mark.parametrize("layout", sorted(_TEASED_PAGES))
def test_page_text_leaves_out_other_stories_teasers(layout: str) -> None:
    text, opening, kept, teasers = _TEASED_PAGES[layout]
    page = parse_page_text(text)
    assert page.body.startswith(opening)
    for words in kept:
        assert words in page.body
    for teaser in teasers:
        assert teaser not in page.body


def test_page_text_keeps_short_paragraphs_under_a_story_s_subheadings() -> None:
    text = ("Finland and Chile plan a joint observatory for southern skies\n\n"
            "Finland and Chile signed an agreement on Monday to build a joint observatory.\n\n"
            "Where the telescope will stand\n\n"
            "The telescope will stand on a mountain in the Atacama desert.\n\n"
            "Who will pay for the building\n\n"
            "The two governments will share the cost of the building.\n")
    page = parse_page_text(text)
    assert "Atacama desert" in page.body
    assert "share the cost" in page.body


def test_page_text_headline_is_the_one_its_story_speaks_of() -> None:
    # a byline and a caption between the headline and the story say nothing of the story
    text = ("Nordic Science Daily\n\nHome\nWorld\nScience\n\n"
            "Finland and Chile plan a joint observatory for southern skies\n\n"
            "By Anna Smith and Lee Wong, staff reporters\n"
            "12.05.2021 10:43\n"
            "Photo taken on the mountain last winter\n\n"
            "Finland and Chile signed an agreement on Monday to build a joint observatory.\n\n"
            "The two countries will share the telescope's time for ten years.\n")
    page = parse_page_text(text)
    assert page.title == "Finland and Chile plan a joint observatory for southern skies"
    assert page.body.startswith("Finland and Chile signed")


def test_page_text_finds_a_long_japanese_headline_below_a_menu() -> None:
    headline = "中国、成都の米総領事館を閉鎖へ 米国務長官の共産党批判容認せず：北海道新聞 どうしん電子版"
    text = (f"ニュース\n\nホーム\n国際\n\n{headline}\n\n2020年7月24日 10:43\n\n"
            "中国外務省は24日、四川省成都にある米国総領事館の閉鎖を求めたと発表した。\n")
    page = parse_page_text(text)
    assert page.title == headline
    assert "2020年7月24日 10:43" in page.date_hints


def test_page_text_joins_the_lines_of_a_hard_wrapped_text() -> None:
    # as lynx or w3m save a page: broken at 76 columns, where the next word would not fit
    story = ("Finland and Chile signed an agreement on Monday to build a joint observatory in the "
             "Atacama desert, the two governments said, after three years of talks between their "
             "science ministries and the universities of Helsinki and Santiago.",
             "The telescope will be the largest in the southern hemisphere, and both countries "
             "will share its time for ten years, with a tenth of the nights kept for astronomers "
             "from other countries of the region.",
             "Finnish engineers will design the mirror while Chilean firms build the dome and the "
             "road to the summit, which will open to visitors once the first light is seen.")
    wrapped = "\n\n".join("\n".join(textwrap.wrap(paragraph, 76)) for paragraph in story)
    page = parse_page_text(f"Finland and Chile plan a joint observatory\n\n{wrapped}\n")
    assert page.title == "Finland and Chile plan a joint observatory"
    assert page.body.split("\n\n") == list(story)


def test_page_text_joins_a_wrapped_chinese_text_without_spaces() -> None:
    story = "中国和芬兰周一签署协议双方将在阿塔卡马沙漠共同建设一座天文台两国将在十年内共享望远镜的观测时间。" * 4
    lines = [story[i : i + 38] for i in range(0, len(story), 38)]
    page = parse_page_text("中芬签署天文台合作协议\n\n" + "\n".join(lines) + "\n")
    assert page.body == story


def test_page_text_headline_and_story_may_inflect_their_words() -> None:
    text = ("Новини\n\n"
            "Угорщина схвалила застосування російської вакцини\n\n"
            "Автор: Олена Коваль та Марія Петренко, кореспонденти\n\n"
            "Уряд Угорщини дозволив використання російських вакцин проти коронавірусу.\n\n"
            "Перші дози надійдуть наступного тижня.\n")
    page = parse_page_text(text)
    assert page.title == "Угорщина схвалила застосування російської вакцини"


def test_page_text_headline_in_an_unspaced_script_is_compared_by_characters() -> None:
    text = ("科技日报\n\n首页\n国际\n\n"
            "中芬签署天文台合作协议\n\n"
            "本报记者 张伟 李明 摄影报道\n\n"
            "中国和芬兰周一签署协议，双方将共同建设一座天文台。\n\n"
            "两国将在十年内共享望远镜的观测时间。\n")
    page = parse_page_text(text)
    assert page.title == "中芬签署天文台合作协议"


@pytest.mark.parametrize("title_line", [
    "Russia and Japan sign a pact on AI research - The Korea Herald",
    "The Korea Herald | Russia and Japan sign a pact on AI research",
])
def test_page_text_headline_leaves_the_site_s_name(title_line: str) -> None:
    # a site's name with a country in it would make that country the story's
    text = (f"{title_line}\n\nThe Korea Herald\nHome\nWorld\n\n"
            "Russia and Japan signed an agreement on Monday to fund joint AI research.\n")
    assert parse_page_text(text).title == "Russia and Japan sign a pact on AI research"


def test_page_text_headline_keeps_a_dyad_before_a_dash() -> None:
    text = ("Vietnam – Japan: a new partnership in chips\n\nVietnam\nJapan\nHome\n\n"
            "Vietnam and Japan signed an agreement on Monday to train chip engineers.\n")
    assert parse_page_text(text).title == "Vietnam – Japan: a new partnership in chips"


def test_page_text_counts_korean_words_by_their_spaces() -> None:
    # Korean spaces its words, so a headline of seven words is a headline, not a long line
    text = ("쿠키를 사용합니다. 사이트를 계속 이용하시면 쿠키 사용에 동의하는 것으로 간주합니다.\n"
            "확인\n홈\n국제\n\n"
            "대한민국 외교통상부, 국회에 한·터키 FTA 비준동의안 제출\n\n"
            "2012.08.29 10:43\n\n"
            "대한민국 외교통상부는 한·터키 FTA 기본협정 비준동의안을 국회에 제출하였다고 밝혔다.\n")
    page = parse_page_text(text)
    assert page.title == "대한민국 외교통상부, 국회에 한·터키 FTA 비준동의안 제출"
    assert page.body.startswith("대한민국 외교통상부는")


def test_page_text_strips_inline_html_and_keeps_the_link_date() -> None:
    text = ("中俄签署科技合作协议\n<p><strong>新华社</strong>：中俄两国签署了科技合作协议。</p><p>双方同意加强人工智能合作。</p>\n"
            "[查看原文](https://tv.example.cn/2023/03/22/VIDE1.shtml)\n")
    page = parse_page_text(text)
    assert page.title == "中俄签署科技合作协议"
    assert "<p>" not in page.body and "strong" not in page.body
    assert "2023-03-22" in page.date_hints


@pytest.mark.parametrize("encoding", ["windows-1251", "koi8-r", "utf-16"])
def test_legacy_encodings_are_detected(encoding: str) -> None:
    text = ("Россия и Китай подписали соглашение о сотрудничестве в области искусственного "
            "интеллекта и квантовых технологий. ") * 5
    assert decode_bytes(text.encode(encoding)) == text


def test_shift_jis_and_gb2312() -> None:
    japanese = "日本とベトナムは半導体分野での協力に合意した。両国の研究機関が共同で開発を進める。" * 3
    chinese = "中国与巴基斯坦签署航天合作协议，双方将共同选拔和训练航天员。" * 3
    assert decode_bytes(japanese.encode("shift_jis")) == japanese
    assert decode_bytes(chinese.encode("gb2312")) == chinese


def test_decode_removes_control_characters() -> None:
    assert decode_bytes(b"safe\x1b[31m red\x07 \x00text\r\nnext") == "safe[31m red text\nnext"


def test_rss_items() -> None:
    feed = parse_feed((FIXTURES / "feed.rss").read_bytes(), "/feeds/wire.rss")
    assert feed.title == "Science diplomacy wire" and feed.language == "en" and feed.ttl_minutes == 60
    assert [a.entry_key for a in feed.articles] == ["https://example.org/news/1", "https://example.org/news/2"]
    first = feed.articles[0]
    assert first.title == "India and France launch a joint satellite programme"
    assert first.published == "2024-04-02" and first.language_hint == "en"
    assert first.body == ("India and France signed an agreement to build two climate satellites "
                          "together.\n\nThe space agencies of both countries will share the data.")


def test_atom_entry() -> None:
    [entry] = parse_feed((FIXTURES / "feed.atom").read_bytes(), "x").articles
    assert entry.entry_key == "urn:example:entry:1" and entry.url == "https://example.de/a/1"
    assert entry.published == "2024-05-01" and entry.language_hint == "de"
    assert entry.body.startswith("Deutschland und Japan wollen")


def test_json_feed() -> None:
    feed = parse_feed((FIXTURES / "feed.json").read_bytes(), "x")
    assert [a.entry_key for a in feed.articles] == ["item-1", "item-2"]
    assert feed.articles[0].published == "2024-06-01"
    assert feed.articles[0].body == "South Korea and Vietnam signed a memorandum on chips and microelectronics."
    assert feed.articles[1].title is None


@pytest.mark.parametrize("data", [b"", b"<html><body>not a feed</body></html>", b"{\"items\": 3}", b"{broken",
                                  b'<?xml version="1.0" encoding="\x00utf-8"?><rss/>'])
def test_not_a_feed(data: bytes) -> None:
    with pytest.raises(FeedParseError):
        parse_feed(data, "x")


def test_html_page() -> None:
    [article] = read_file(FIXTURES / "page.html")
    assert article.title == "España y México firman un acuerdo de cooperación en energía solar"
    assert article.body.startswith("Los gobiernos de España y México")
    assert "Deportes" not in article.body and "derechos reservados" not in article.body
    assert article.date_hints == ("2023-11-05",)
    assert article.url == "https://diario.example/energia/espana-mexico-solar"


def test_bad_files_are_skipped_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "random.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "notfeed.xml").write_text("<html><p>hello</p></html>")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    reasons = {}
    for found in walk(tmp_path):
        assert isinstance(found, Path)
        outcome = read_file(found)
        assert isinstance(outcome, Skipped)
        reasons[found.name] = outcome.reason
    assert reasons["empty.txt"] == "empty file"
    assert reasons["random.txt"] == "binary file, not text"
    assert reasons["notfeed.xml"].startswith("not a feed")
    assert reasons["dangling.txt"].startswith("cannot read")


def test_walk_survives_symlink_loops_and_odd_names(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "loop").symlink_to(folder)
    (folder / "a.txt").write_text("x")
    odd = os.fsencode(str(folder)) + b"/caf\xe9.md"
    with open(odd, "wb") as handle:
        handle.write(b"y")
    (folder / "ignored.pdf").write_text("z")
    found = [item for item in walk(folder)]
    assert all(isinstance(item, Path) for item in found)
    assert sorted(p.name for p in found) == sorted(["a.txt", os.fsdecode(b"caf\xe9.md")])


def test_explicit_unsupported_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF")
    [skipped] = list(walk(path))
    assert isinstance(skipped, Skipped) and "unsupported" in skipped.reason


def test_real_feeds_in_the_shared_corpus_never_raise() -> None:
    folder = shared_path("corpora", "feeds")
    parsed = 0
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in {".xml", ".rss", ".atom", ".json"}:
            outcome = read_file(path)
            assert isinstance(outcome, (list, Skipped))
            if isinstance(outcome, list):
                parsed += 1
                assert all(isinstance(article, RawArticle) for article in outcome)
    assert parsed > 50


def _rss_of(count: int) -> bytes:
    items = "".join(f"<item><guid>g{i}</guid><title>Item {i}</title><description>Text {i}."
                    "</description></item>" for i in range(count))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}'
            "</channel></rss>").encode()


def test_a_fetched_feed_gives_its_first_items_and_a_feed_file_all_of_them() -> None:
    fetched = parse_feed(_rss_of(2_500), "https://example.org/feed")
    assert len(fetched.articles) == MAX_FEED_ITEMS and fetched.items_in_document == 2_500
    assert fetched.articles[-1].title == f"Item {MAX_FEED_ITEMS - 1}"
    whole = parse_feed(_rss_of(2_500), "feed.rss", all_items=True)
    assert [article.title for article in whole.articles] == [f"Item {i}" for i in range(2_500)]
    assert whole.title == "t"


def test_markup_that_would_take_minutes_to_parse_is_refused_with_its_reason() -> None:
    # quoted values holding ">" and "<" do not end the tag for a parser, nor for the check
    attributes = " ".join(f'a{i}="{">" if i % 2 else "<b"}"' for i in range(MAX_ATTRIBUTES + 1))
    with pytest.raises(TooCostly, match="more than 5,000 attributes"):
        check_markup(f"<html><body><div {attributes}>x</div></body></html>", html=True)
    with pytest.raises(TooCostly, match="more than 5,000 attributes"):
        check_markup(f"<rss><channel><item {attributes}/></channel></rss>", html=False)
    with pytest.raises(TooCostly, match="200,001 elements"):
        check_markup("<p>" * 200_001, html=True)
    # a script's text is text to an HTML parser: its quotes and tags do not count
    script = "<script>var s = '<div " + " ".join(f"a{i}" for i in range(6_000)) + ">';</script>"
    check_markup(f"<html><head>{script}</head><body><p class='x'>ok</p></body></html>", html=True)


def test_real_pages_and_feeds_are_never_too_costly() -> None:
    check_markup((FIXTURES / "page.html").read_text(encoding="utf-8"), html=True)
    folder = shared_path("corpora", "feeds")
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in {".xml", ".rss", ".atom", ".html", ".htm"}:
            text = path.read_bytes().decode("latin-1")
            if len(text) <= 10 * 1024 * 1024:
                check_markup(text, html=path.suffix in {".html", ".htm"})
