"""What makes two feed items the same story: canonical URLs and near-duplicate fingerprints."""

from __future__ import annotations

import pytest

from coopwatch.dedup import NEAR_DUPLICATE_BANDS, canonical_url, fingerprint


@pytest.mark.parametrize(("url", "canonical"), [
    ("https://www.News.example:443/a/story/?utm_source=rss&id=3&fbclid=x#comments",
     "news.example/a/story/?id=3"),
    ("http://news.example/a/story/", "news.example/a/story"),
    ("https://news.example/p?b=2&a=1", "news.example/p?a=1&b=2"),
    ("https://news.example", "news.example/"),
    ("ftp://news.example/file", None),
    ("/relative/path", None),
    (None, None),
])
def test_canonical_url_drops_what_does_not_name_the_story(url: str | None,
                                                          canonical: str | None) -> None:
    assert canonical_url(url) == canonical


WIRE = (
    "Vietnam and Japan agreed on Tuesday to expand cooperation in semiconductors, with Japanese"
    " companies to train ten thousand Vietnamese engineers by 2030 and to open two design centres"
    " in Hanoi and Ho Chi Minh City. The agreement was signed during the prime minister's visit."
)
OTHER = (
    "Vietnam and Japan held talks on Tuesday about rice exports and fishing rights in the region,"
    " with officials from both agriculture ministries meeting in Tokyo. No agreement was signed,"
    " and the delegations will meet again in spring to discuss quotas and inspections."
)


def shared(a: tuple[int, ...], b: tuple[int, ...]) -> int:
    return len(set(a) & set(b))


def test_a_reprinted_wire_story_is_a_near_duplicate() -> None:
    original = fingerprint("Vietnam, Japan expand chip cooperation", WIRE)
    reprint = fingerprint("VIETNAM, JAPAN EXPAND CHIP COOPERATION",
                          WIRE.replace(" ", "  ") + " (Reporting by our correspondent.)")
    assert shared(original, reprint) >= NEAR_DUPLICATE_BANDS


def test_two_stories_on_the_same_topic_are_not() -> None:
    assert shared(fingerprint("Vietnam, Japan", WIRE), fingerprint("Vietnam, Japan", OTHER)) < 3


def test_scripts_without_spaces_are_compared_by_characters() -> None:
    text = "中俄两国签署了关于人工智能和量子计算联合研究的协议，双方将在五年内共同建设十二个实验室。"
    assert shared(fingerprint(None, text), fingerprint(None, text + "（记者报道）")) >= NEAR_DUPLICATE_BANDS
    assert shared(fingerprint(None, text), fingerprint(None, "日本和越南讨论了大米出口和渔业问题，"
                                                      "双方官员在东京会面，没有签署任何协议。")) < 3


def test_a_one_line_summary_is_too_short_to_fingerprint() -> None:
    assert fingerprint("Pact signed", "Russia and China signed a pact.") == ()
