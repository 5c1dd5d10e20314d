"""Translation snippets: the offline gloss, LibreTranslate and DeepL over loopback, the cache,
and the fall-back to the gloss when an engine is gone, broken or slow."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from coopwatch.cli import cli
from coopwatch.config import Config, TranslateConfig
from coopwatch.enrich.segment import sentence_spans
from coopwatch.store import open_store
from coopwatch.tui.app import make_app
from coopwatch.tui.screens.article import ArticleScreen

from feedservers import engine_server
from helpers import settle


def libretranslate(path: str, headers: dict[str, str], body: dict) -> tuple[int, dict]:
    """LibreTranslate's API: q is a string or a list, translatedText answers in kind."""
    if path != "/translate" or body.get("format") != "text" or "target" not in body:
        return 400, {"error": "bad request"}
    texts = body["q"]
    if isinstance(texts, str):
        return 200, {"translatedText": f"EN({texts})"}
    return 200, {"translatedText": [f"EN({text})" for text in texts]}


def deepl(path: str, headers: dict[str, str], body: dict) -> tuple[int, dict]:
    """DeepL's API: the key in the Authorization header, text a list, translations back."""
    if path != "/v2/translate" or headers.get("Authorization") != "DeepL-Auth-Key secret:fx":
        return 403, {"message": "Wrong endpoint or key"}
    return 200, {"translations": [{"detected_source_language": body.get("source_lang", "DE"),
                                   "text": f"EN({text})"} for text in body["text"]]}


def run(db: Path, config: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), "--config", str(config), *args],
                                catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def write_config(path: Path, **translate: object) -> Path:
    lines = ["[translate]"] + [f"{key} = {json.dumps(value)}" for key, value in translate.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def seeded(db_path: Path, seeds: Path, tmp_path: Path) -> dict[str, int]:
    """The seeds stored; language -> the id of one seed in it."""
    config = write_config(tmp_path / "gloss.toml", backend="gloss")
    assert run(db_path, config, "ingest", str(seeds))[0] == 0
    articles = json.loads(run(db_path, config, "list", "--json")[1])
    return {a["language"]: a["id"] for a in articles}


def show(db: Path, config: Path, article_id: int) -> tuple[int, dict, str]:
    code, out, err = run(db, config, "show", str(article_id), "--json")
    return code, json.loads(out), err


def test_the_gloss_makes_german_norwegian_and_russian_legible(
    db_path: Path, tmp_path: Path, seeded: dict[str, int]
) -> None:
    config = write_config(tmp_path / "c.toml", backend="gloss")
    expected = {"de": {"Russia", "Japan", "cooperation"}, "no": {"Vietnam", "Japan"},
                "ru": {"Russia", "China", "cooperation"}}
    for language, words in expected.items():
        code, detail, _ = show(db_path, config, seeded[language])
        assert code == 0 and 1 <= len(detail["snippets"]) <= 3
        glossed = " · ".join(s["translation"] for s in detail["snippets"])
        assert words <= set(glossed.split(" · ")), (language, glossed)
        assert {s["backend"] for s in detail["snippets"]} == {"gloss"}
        assert detail["translation_note"] is None
        # each snippet is a sentence of the article, the headline first when it has evidence
        assert all(s["text"] in detail["body"] or s["text"] == detail["title"]
                   for s in detail["snippets"])


def test_libretranslate_batches_snippets_and_the_cache_sends_nothing_twice(
    db_path: Path, tmp_path: Path, seeded: dict[str, int]
) -> None:
    with engine_server(libretranslate) as engine:
        config = write_config(tmp_path / "c.toml", backend="libretranslate", url=engine.url,
                              api_key="k1")
        code, detail, err = show(db_path, config, seeded["de"])
        assert code == 0 and err == ""
        assert len(engine.requests) == 1  # every snippet in one request
        path, _, body = engine.requests[0]
        assert (path, body["source"], body["target"], body["format"], body["api_key"]) == (
            "/translate", "de", "en", "text", "k1")
        assert body["q"] == sorted(s["text"] for s in detail["snippets"])
        assert [s["translation"] for s in detail["snippets"]] == [
            f"EN({s['text']})" for s in detail["snippets"]]
        assert {s["backend"] for s in detail["snippets"]} == {"libretranslate"}
        again = show(db_path, config, seeded["de"])[1]
        assert again["snippets"] == detail["snippets"] and len(engine.requests) == 1
        # an English article needs no translation
        english = show(db_path, config, seeded["en"])[1]
        assert len(engine.requests) == 1 and {s["backend"] for s in english["snippets"]} == {
            "gloss"}


def test_deepl_sends_its_key_in_the_header(
    db_path: Path, tmp_path: Path, seeded: dict[str, int]
) -> None:
    with engine_server(deepl) as engine:
        config = write_config(tmp_path / "c.toml", backend="deepl", url=engine.url,
                              api_key="secret:fx")
        code, detail, _ = show(db_path, config, seeded["ru"])
        assert code == 0 and {s["backend"] for s in detail["snippets"]} == {"deepl"}
        _, headers, body = engine.requests[0]
        assert headers["Authorization"] == "DeepL-Auth-Key secret:fx"
        assert (body["source_lang"], body["target_lang"]) == ("RU", "EN-US")
        assert isinstance(body["text"], list) and len(body["text"]) == len(detail["snippets"])
        assert detail["snippets"][0]["translation"] == f"EN({detail['snippets'][0]['text']})"


def _failing(code: int) -> Callable[[str, dict[str, str], dict], tuple[int, dict]]:
    return lambda path, headers, body: (code, {"error": "Internal error"})


def _slow(path: str, headers: dict[str, str], body: dict) -> tuple[int, dict]:
    time.sleep(2)
    return libretranslate(path, headers, body)


@pytest.mark.parametrize(("answer", "reason"), [
    (None, "cannot reach"), (_failing(500), "HTTP 500: Internal error"),
    (_slow, "no answer within 0.3 s"),
])
def test_an_engine_that_fails_falls_back_to_the_gloss_with_a_note(
    db_path: Path, tmp_path: Path, seeded: dict[str, int], answer, reason: str,  # type: ignore[no-untyped-def]
) -> None:
    with engine_server(answer or libretranslate) as engine:
        url = engine.url
    if answer is not None:  # a server that answers badly; else the port is closed: nobody there
        context = engine_server(answer)
        engine = context.__enter__()
        url = engine.url
    try:
        config = write_config(tmp_path / "c.toml", backend="libretranslate", url=url,
                              timeout=0.3)
        started = time.monotonic()
        code, detail, err = show(db_path, config, seeded["de"])
        assert time.monotonic() - started < 2
        assert code == 0
        assert {s["backend"] for s in detail["snippets"]} == {"gloss"}
        assert "Russia" in detail["snippets"][0]["translation"]
        assert reason in detail["translation_note"] and "showing the gloss" in detail["translation_note"]
        assert err.startswith("note: libretranslate failed") and reason in err
    finally:
        if answer is not None:
            context.__exit__(None, None, None)


def test_list_translate_gives_headlines_in_the_target_language(
    db_path: Path, tmp_path: Path, seeded: dict[str, int]
) -> None:
    with engine_server(libretranslate) as engine:
        config = write_config(tmp_path / "c.toml", backend="libretranslate", url=engine.url)
        articles = json.loads(run(db_path, config, "list", "--json", "--translate")[1])
        by_language = {a["language"]: a for a in articles}
        german = by_language["de"]
        assert german["title_translation"] == f"EN({german['title']})"
        assert german["title_translation_backend"] == "libretranslate"
        assert by_language["en"]["title_translation"] is None
        # one request per language, each headline once
        assert sorted(body["source"] for _, _, body in engine.requests) == ["de", "no", "ru"]
        code, table, _ = run(db_path, config, "list", "--translate")
        assert code == 0 and "EN(Russland und Japan" in table
    gloss = write_config(tmp_path / "g.toml", backend="gloss")
    articles = json.loads(run(db_path, gloss, "list", "--json", "--translate")[1])
    german = next(a for a in articles if a["language"] == "de")
    assert german["title_translation_backend"] == "gloss"
    assert {"Russia", "Japan"} <= set(german["title_translation"].split(" · "))


def test_argos_when_installed(db_path: Path, tmp_path: Path, seeded: dict[str, int]) -> None:
    pytest.importorskip("argostranslate")
    config = write_config(tmp_path / "c.toml", backend="argos")
    code, detail, err = show(db_path, config, seeded["de"])
    assert code == 0  # translated, or the gloss with a note when no de→en package is installed
    assert {s["backend"] for s in detail["snippets"]} <= {"argos", "gloss"}


def test_a_config_names_an_engine_coopwatch_has(db_path: Path, tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[translate]\nbackend = "babelfish"\n', encoding="utf-8")
    code, _, err = run(db_path, config, "list")
    assert code == 2 and "line 2" in err and "translate.backend must be one of" in err


def test_sentences_are_split_the_way_each_language_writes_them() -> None:
    def split(text: str, language: str) -> list[str]:
        return [text[start:end] for start, end in sentence_spans(text, language)]

    assert split("Dr. Müller traf am 3. Mai die Delegation. Es ging um 3,5 Mrd. Euro.", "de") == [
        "Dr. Müller traf am 3. Mai die Delegation.", "Es ging um 3,5 Mrd. Euro."]
    assert split("中俄签署量子合作协议。双方将共建实验室！", "zh") == [
        "中俄签署量子合作协议。", "双方将共建实验室！"]
    assert split("日本とベトナムは協力する。宇宙開発も含む。", "ja") == [
        "日本とベトナムは協力する。", "宇宙開発も含む。"]
    assert split("ไทยและญี่ปุ่นลงนามความร่วมมือ ด้านเทคโนโลยีอวกาศ", "th") == [
        "ไทยและญี่ปุ่นลงนามความร่วมมือ", "ด้านเทคโนโลยีอวกาศ"]
    assert split("Hai bên ký thỏa thuận 3.5 tỷ USD. Hợp tác về AI!", "vi") == [
        "Hai bên ký thỏa thuận 3.5 tỷ USD.", "Hợp tác về AI!"]


@asynccontextmanager
async def dashboard(db_path: Path, answer=libretranslate):  # type: ignore[no-untyped-def]
    """The dashboard on the seeds, translating through a loopback LibreTranslate."""
    with engine_server(answer) as engine:
        config = Config(translate=TranslateConfig(backend="libretranslate", url=engine.url))
        app = make_app(config, db_path)
        async with app.run_test(size=(160, 45)) as pilot:
            await settle(pilot)
            yield engine, app, pilot


async def test_the_article_screen_shows_the_gloss_first_and_the_translation_when_it_comes(
    db_path: Path, seeded: dict[str, int]
) -> None:
    answered = threading.Event()

    def held(path: str, headers: dict[str, str], body: dict) -> tuple[int, dict]:
        answered.wait(10)
        return libretranslate(path, headers, body)

    async with dashboard(db_path, held) as (engine, app, pilot):
        screen = ArticleScreen(seeded["de"])
        app.push_screen(screen)
        while screen.detail is None:  # the screen is usable while the engine thinks
            await pilot.pause()
        assert {s.backend for s in screen.detail.snippets} == {"gloss"}
        assert "Russia" in str(screen.query_one("#article-snippets").render())
        answered.set()
        await settle(pilot)
        assert {s.backend for s in screen.detail.snippets} == {"libretranslate"}
        shown = str(screen.query_one("#article-snippets").render())
        assert "EN(" in shown and "libretranslate" in shown
    with open_store(db_path) as store:
        text = screen.detail.snippets[0].text
        assert store.cached_translation(text, "de", "en", "libretranslate") == f"EN({text})"


async def test_t_on_the_feed_shows_headlines_in_the_target_language(
    db_path: Path, seeded: dict[str, int]
) -> None:
    from coopwatch.tui.widgets.article_table import ArticleTable

    async with dashboard(db_path) as (engine, app, pilot):
        table = app.screen.query_one(ArticleTable)

        def headlines() -> set[str]:
            return {str(table.get_row_at(row)[3]) for row in range(table.row_count)}

        original = headlines()
        await pilot.press("t")
        await settle(pilot)
        translated = headlines()
        assert any(h.startswith("EN(Russland und Japan") for h in translated)
        assert "Moscow to share unique innovation potential with Beijing" in translated
        await pilot.press("t")
        await settle(pilot)
        assert headlines() == original
        requests = len(engine.requests)
        await pilot.press("t")
        await settle(pilot)
        assert headlines() == translated and len(engine.requests) == requests


def test_deepl_keys_of_the_free_plan_go_to_the_free_endpoint() -> None:
    from coopwatch.translation.deepl import DeepL

    assert DeepL("abc:fx", None, 5).endpoint == "https://api-free.deepl.com/v2/translate"
    assert DeepL("abc", None, 5).endpoint == "https://api.deepl.com/v2/translate"
    assert DeepL("abc", "http://127.0.0.1:9/", 5).endpoint == "http://127.0.0.1:9/v2/translate"


def test_show_prints_each_snippet_with_its_translation(
    db_path: Path, tmp_path: Path, seeded: dict[str, int]
) -> None:
    with engine_server(libretranslate) as engine:
        config = write_config(tmp_path / "c.toml", backend="libretranslate", url=engine.url)
        code, out, _ = run(db_path, config, "show", str(seeded["de"]))
    assert code == 0
    lines = out.splitlines()
    start = lines.index("snippets")
    assert lines[start + 1].startswith("  > ") and lines[start + 2].startswith("    = EN(")
    assert lines[start + 2].endswith("[libretranslate]")
